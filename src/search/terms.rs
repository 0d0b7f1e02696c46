//! Takes text and gives its search terms: tokens (runs of letters, digits and combining marks),
//! each with an exact form (lowercase, NFC, tone placement normalised) and a folded form (no
//! marks, đ → d). search.js computes the same forms for a query, so both sides must follow
//! `crate::locale::{fold, normalize_tones}` to the letter — which is why they are called here
//! rather than reimplemented faster.

use unicode_normalization::char::is_combining_mark;

use crate::locale::{fold, normalize_tones};

/// Function words so common that a query made only of them finds nothing useful; such a query
/// shows no results (search.js gets this list from the index's manifest). In a longer query they
/// still count: "hợp tác và phát triển" asks for all four words. Written in the exact form.
pub const STOP_WORDS: &[&str] = &[
    "các", "cho", "có", "của", "cũng", "đã", "đang", "để", "đến", "đó", "được", "hay", "hoặc",
    "khi", "là", "lại", "mà", "một", "này", "nên", "những", "như", "nhưng", "ở", "rằng", "sẽ",
    "tại", "theo", "thì", "trong", "từ", "và", "vào", "về", "vì", "với",
];

/// A token is a maximal run of these: letters and digits of any script, and combining marks, so
/// that decomposed (NFD) input stays one token ("Đa\u{300}" is one word, not two).
pub fn is_token_char(c: char) -> bool {
    // The general test is a table search per character; Vietnamese text is ASCII plus Latin
    // letters from a few blocks, which are answered by range (the test below checks every
    // character of these ranges against the general rule).
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1 letters (but × and ÷), Latin Extended-A and -B.
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        // Combining diacritical marks: the tones of decomposed (NFD) text.
        0x300..=0x36F => true,
        // Latin Extended Additional: ạ ả ấ … ỹ, most of precomposed Vietnamese.
        0x1E00..=0x1EFF => true,
        _ => is_token_char_slow(c),
    }
}

fn is_token_char_slow(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The tokens of `text`, in order, as slices of it.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, at: 0 }
}

/// The iterator of `tokens`: walks bytes, decoding a character only where it is not ASCII, which
/// is most of the build's time spent per character.
pub struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

/// For each byte: 0 an ASCII character that ends a token, 1 an ASCII letter or digit, 2 the
/// lead byte of a two-byte token character (U+0100–U+023F, U+0300–U+033F: see
/// `is_token_char`), 3 the start of a character that needs a closer look.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [3u8; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    let mut b = 0xC4;
    while b <= 0xC8 {
        table[b] = 2;
        b += 1;
    }
    table[0xCC] = 2;
    table
};

/// Bytes a token's run may hold before it is checked: ASCII letters and digits, and every
/// non-ASCII byte.
const RUN_BYTE: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

impl<'a> Tokens<'a> {
    /// Whether a token character starts at byte `i`, and the character's length.
    fn class_at(&self, i: usize) -> (bool, usize) {
        let bytes = self.text.as_bytes();
        let b = bytes[i];
        match b {
            0..=0x7F => (b.is_ascii_alphanumeric(), 1),
            // U+00C0–U+024F but × and ÷ (C3 97, C3 B7), and U+0300–U+036F: see is_token_char.
            0xC3 => (!matches!(bytes.get(i + 1), Some(0x97 | 0xB7)), 2),
            0xC4..=0xC8 | 0xCC => (true, 2),
            0xCD if bytes.get(i + 1).is_some_and(|&n| n < 0xB0) => (true, 2),
            0xC9 if bytes.get(i + 1).is_some_and(|&n| n < 0x90) => (true, 2),
            // U+1E00–U+1EFF: E1 B8..BB xx.
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => (true, 3),
            _ => match self.text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (is_token_char(c), c.len_utf8()),
                None => (false, 1),
            },
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = self.at;
        let start = loop {
            if i >= len {
                self.at = len;
                return None;
            }
            match BYTE_CLASS[usize::from(bytes[i])] {
                0 => i += 1,
                1 | 2 => break i,
                _ => {
                    let (token, width) = self.class_at(i);
                    if token {
                        break i;
                    }
                    i += width;
                }
            }
        };
        // The run of ASCII letters, digits and non-ASCII bytes: one table look-up per byte and
        // no branch on the kind of character, which in Vietnamese text changes every other
        // letter. Nearly every non-ASCII character there is a letter; the run is checked for
        // the rare exceptions (a dash, quotes, a no-break space) only when it has any.
        let mut end = start;
        let mut high = 0u8;
        while end < len && RUN_BYTE[usize::from(bytes[end])] {
            high |= bytes[end];
            end += 1;
        }
        if high >= 0x80 {
            let mut at = start;
            while at < end {
                if BYTE_CLASS[usize::from(bytes[at])] == 1 {
                    at += 1;
                    continue;
                }
                let (token, width) = self.class_at(at);
                if !token {
                    end = at;
                    break;
                }
                at += width;
            }
        }
        self.at = end;
        Some(&self.text[start..end])
    }
}

/// The two forms a token is indexed and queried under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    /// "Hoà" → "hòa": what a query typed with marks must equal to rank first.
    pub exact: String,
    /// "Hoà" → "hoa": what every query matches on.
    pub folded: String,
}

/// The forms of one token, or `None` for a token that folds to nothing (a lone combining mark).
pub fn forms(token: &str) -> Option<Forms> {
    if token.is_ascii() {
        // fold and normalize_tones both reduce to lowercasing on ASCII; most digits and Latin
        // words take this path without the normalisation passes.
        let lower = token.to_ascii_lowercase();
        return (!lower.is_empty()).then(|| Forms {
            exact: lower.clone(),
            folded: lower,
        });
    }
    let folded = fold(token);
    if folded.is_empty() {
        return None;
    }
    Some(Forms {
        exact: normalize_tones(&token.to_lowercase()),
        folded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn all(text: &str) -> Vec<&str> {
        tokens(text).collect()
    }

    #[test]
    fn tokens_split_on_everything_but_letters_digits_and_marks() {
        let cases: [(&str, &[&str]); 9] = [
            ("Hữu nghị Việt–Lào", &["Hữu", "nghị", "Việt", "Lào"]),
            ("COVID-19, năm 2025.", &["COVID", "19", "năm", "2025"]),
            ("  (Đà Nẵng)! ", &["Đà", "Nẵng"]),
            ("91,1%", &["91", "1"]),
            ("e-mail: a.b@c.vn", &["e", "mail", "a", "b", "c", "vn"]),
            ("Ⅻ ½ ٣", &["Ⅻ", "½", "٣"]),
            ("日本 và 한국", &["日本", "và", "한국"]),
            ("", &[]),
            ("…—\u{00A0}\u{200B}", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(all(text), want, "text {text:?}");
        }
    }

    #[test]
    fn the_fast_ranges_agree_with_the_general_rule() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_token_char(c),
                is_token_char_slow(c),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn tokens_equal_a_split_on_non_token_characters() {
        let texts = [
            "Hữu nghị Việt–Lào, COVID-19 (2025)!",
            "Đa\u{300} Nẵng\u{A0}ở\u{2028}日本語 ½Ⅻ x\u{1AB0}y 🙂 a🙂b",
            "",
            "—",
            "a",
            "\u{301}",
        ];
        for text in texts {
            let simple: Vec<&str> = text
                .split(|c: char| !is_token_char(c))
                .filter(|t| !t.is_empty())
                .collect();
            assert_eq!(tokens(text).collect::<Vec<_>>(), simple, "text {text:?}");
        }
    }

    #[test]
    fn the_byte_tokenizer_agrees_with_the_rule_on_every_character() {
        let mut text = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            text.clear();
            text.push('a');
            text.push(c);
            text.push('b');
            let want: Vec<&str> = text
                .split(|c: char| !is_token_char(c))
                .filter(|t| !t.is_empty())
                .collect();
            let got: Vec<&str> = tokens(&text).collect();
            assert_eq!(got, want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn nfd_input_gives_the_same_tokens_as_nfc() {
        for text in ["Đà Nẵng", "Hữu nghị", "Tỉnh uỷ Quảng Trị", "Đắk Lắk"] {
            let nfd: String = text.nfd().collect();
            let from_nfd: Vec<Forms> = tokens(&nfd).filter_map(forms).collect();
            let from_nfc: Vec<Forms> = tokens(text).filter_map(forms).collect();
            assert_eq!(from_nfd, from_nfc, "text {text:?}");
        }
    }

    #[test]
    fn forms_of_tokens() {
        let cases = [
            ("Hữu", "hữu", "huu"),
            ("ĐÀ", "đà", "da"),
            ("Đắk", "đắk", "dak"),
            ("hoà", "hòa", "hoa"),
            ("HOÀ", "hòa", "hoa"),
            ("uỷ", "ủy", "uy"),
            ("Quý", "quý", "quy"),
            ("thuỳ", "thùy", "thuy"),
            ("hoàng", "hoàng", "hoang"),
            ("COVID", "covid", "covid"),
            ("2025", "2025", "2025"),
            ("Café", "café", "cafe"),
            ("ǅ", "ǆ", "ǆ"),
        ];
        for (token, exact, folded) in cases {
            let f = forms(token).unwrap_or_else(|| panic!("no forms for {token:?}"));
            assert_eq!((f.exact.as_str(), f.folded.as_str()), (exact, folded));
        }
    }

    #[test]
    fn a_lone_mark_is_no_term() {
        assert_eq!(forms("\u{301}"), None);
        assert_eq!(forms("\u{301}\u{323}"), None);
        assert_eq!(all("a \u{301} b"), ["a", "\u{301}", "b"]);
    }

    #[test]
    fn stop_words_are_in_exact_form_and_unique() {
        for w in STOP_WORDS {
            let f = forms(w).unwrap_or_else(|| panic!("no forms for {w:?}"));
            assert_eq!(&f.exact, w, "stop word {w:?} is not in exact form");
        }
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            sorted.len(),
            STOP_WORDS.len(),
            "a stop word is listed twice"
        );
    }
}
