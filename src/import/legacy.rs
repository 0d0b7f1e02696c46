//! Takes text from an old portal and gives it back in Unicode when it was typed in a legacy
//! Vietnamese encoding — TCVN3 (ABC, ".VnTime" fonts) or VNI — and reached the export as
//! Latin-1 characters ("Héi nghÞ", "Hoäi nghò"); or says that it is unsure.
//!
//! Detection reads word by word: a word is a vote for an encoding when it holds that
//! encoding's characters and, converted, is a well-formed Vietnamese syllable. Real Unicode
//! Vietnamese, English and French ("café", "naïve") give no votes.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Tcvn3,
    Vni,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    Unchanged,
    Converted {
        text: String,
        from: Encoding,
    },
    /// Some words look like this encoding, too few to convert the text safely.
    Suspect(Encoding),
}

/// TCVN3 (TCVN 5712:1993, VN3 as in the ABC fonts): the byte, read as Latin-1, and the
/// letter it stands for. Capitals with a tone have no code of their own: ABC's capital fonts
/// (".VnTimeH") draw the small letter's code as a capital, which `repair` restores from the
/// word's case.
const TCVN3: &[(char, char)] = &[
    ('\u{a1}', 'Ă'),
    ('\u{a2}', 'Â'),
    ('\u{a3}', 'Ê'),
    ('\u{a4}', 'Ô'),
    ('\u{a5}', 'Ơ'),
    ('\u{a6}', 'Ư'),
    ('\u{a7}', 'Đ'),
    ('\u{a8}', 'ă'),
    ('\u{a9}', 'â'),
    ('\u{aa}', 'ê'),
    ('\u{ab}', 'ô'),
    ('\u{ac}', 'ơ'),
    ('\u{ad}', 'ư'),
    ('\u{ae}', 'đ'),
    ('\u{b5}', 'à'),
    ('\u{b6}', 'ả'),
    ('\u{b7}', 'ã'),
    ('\u{b8}', 'á'),
    ('\u{b9}', 'ạ'),
    ('\u{bb}', 'ằ'),
    ('\u{bc}', 'ẳ'),
    ('\u{bd}', 'ẵ'),
    ('\u{be}', 'ắ'),
    ('\u{c6}', 'ặ'),
    ('\u{c7}', 'ầ'),
    ('\u{c8}', 'ẩ'),
    ('\u{c9}', 'ẫ'),
    ('\u{ca}', 'ấ'),
    ('\u{cb}', 'ậ'),
    ('\u{cc}', 'è'),
    ('\u{ce}', 'ẻ'),
    ('\u{cf}', 'ẽ'),
    ('\u{d0}', 'é'),
    ('\u{d1}', 'ẹ'),
    ('\u{d2}', 'ề'),
    ('\u{d3}', 'ể'),
    ('\u{d4}', 'ễ'),
    ('\u{d5}', 'ế'),
    ('\u{d6}', 'ệ'),
    ('\u{d7}', 'ì'),
    ('\u{d8}', 'ỉ'),
    ('\u{dc}', 'ĩ'),
    ('\u{dd}', 'í'),
    ('\u{de}', 'ị'),
    ('\u{df}', 'ò'),
    ('\u{e1}', 'ỏ'),
    ('\u{e2}', 'õ'),
    ('\u{e3}', 'ó'),
    ('\u{e4}', 'ọ'),
    ('\u{e5}', 'ồ'),
    ('\u{e6}', 'ổ'),
    ('\u{e7}', 'ỗ'),
    ('\u{e8}', 'ố'),
    ('\u{e9}', 'ộ'),
    ('\u{ea}', 'ờ'),
    ('\u{eb}', 'ở'),
    ('\u{ec}', 'ỡ'),
    ('\u{ed}', 'ớ'),
    ('\u{ee}', 'ợ'),
    ('\u{ef}', 'ù'),
    ('\u{f1}', 'ủ'),
    ('\u{f2}', 'ũ'),
    ('\u{f3}', 'ú'),
    ('\u{f4}', 'ụ'),
    ('\u{f5}', 'ừ'),
    ('\u{f6}', 'ử'),
    ('\u{f7}', 'ữ'),
    ('\u{f8}', 'ứ'),
    ('\u{f9}', 'ự'),
    ('\u{fa}', 'ỳ'),
    ('\u{fb}', 'ỷ'),
    ('\u{fc}', 'ỹ'),
    ('\u{fd}', 'ý'),
    ('\u{fe}', 'ỵ'),
];

/// Tones in VNI order: none, sắc, huyền, hỏi, ngã, nặng — as combining marks.
const TONES: [&str; 6] = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];
/// VNI's tone keys after a vowel, small and capital.
const VNI_TONES: [&str; 6] = ["", "ù", "ø", "û", "õ", "ï"];
const VNI_TONES_UPPER: [&str; 6] = ["", "Ù", "Ø", "Û", "Õ", "Ï"];

/// VNI (VNI-Windows fonts): each Vietnamese letter as the Latin-1 text it was typed as.
static VNI: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut table = Vec::new();
    let mut add = |letter: String, code: String| table.push((code, letter.nfc().collect()));
    for upper in [false, true] {
        let case = |s: &str| {
            if upper {
                s.to_uppercase()
            } else {
                s.to_string()
            }
        };
        let tones = if upper { VNI_TONES_UPPER } else { VNI_TONES };
        // A letter written as a base followed by a tone key.
        for (letter, base) in [
            ("a", "a"),
            ("e", "e"),
            ("o", "o"),
            ("u", "u"),
            ("y", "y"),
            ("ơ", "ô"),
            ("ư", "ö"),
        ] {
            for (tone, key) in TONES.iter().zip(tones) {
                if tone.is_empty() && letter.is_ascii() {
                    continue;
                }
                if letter == "y" && *tone == "\u{323}" {
                    continue;
                }
                add(case(letter) + tone, case(base) + key);
            }
        }
        // Circumflex and breve carry the tone in one key.
        for (letter, base, keys) in [
            ("â", "a", ["â", "á", "à", "å", "ã", "ä"]),
            ("ê", "e", ["â", "á", "à", "å", "ã", "ä"]),
            ("ô", "o", ["â", "á", "à", "å", "ã", "ä"]),
            ("ă", "a", ["ê", "é", "è", "ú", "ü", "ë"]),
        ] {
            for (tone, key) in TONES.iter().zip(keys) {
                add(case(letter) + tone, case(base) + &case(key));
            }
        }
        // Letters of one key.
        for (tone, key) in TONES.iter().zip(["", "í", "ì", "æ", "ó", "ò"]).skip(1) {
            add(case("i") + tone, case(key));
        }
        add(case("ỵ"), case("î"));
        add(case("đ"), case("ñ"));
    }
    // Longest codes first, so a base with its key wins over the base alone.
    table.sort_by_key(|(code, _)| std::cmp::Reverse(code.chars().count()));
    table
});

static TCVN3_MAP: LazyLock<HashMap<char, char>> = LazyLock::new(|| TCVN3.iter().copied().collect());

/// Converts `text` when it was typed in TCVN3 or VNI; `Suspect` when unsure.
pub fn repair(text: &str) -> Repair {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || TCVN3_MAP.contains_key(&c)))
        .filter(|w| !w.is_empty())
        .collect();
    let letters = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    // Real Unicode Vietnamese holds letters no Latin-1 text can.
    let unicode = words
        .iter()
        .filter(|w| w.chars().any(vietnamese_only))
        .count();
    if letters == 0 || unicode * 5 >= letters {
        return Repair::Unchanged;
    }
    let mut best: Option<(Encoding, usize, usize)> = None;
    for encoding in [Encoding::Tcvn3, Encoding::Vni] {
        let (mut votes, mut candidates) = (0, 0);
        for word in &words {
            if word.is_ascii() {
                continue;
            }
            let converted = convert_word(word, encoding);
            if converted == *word {
                continue;
            }
            candidates += 1;
            if syllable(&converted.to_lowercase()) {
                votes += 1;
            }
        }
        if best.is_none_or(|(_, v, _)| votes > v) {
            best = Some((encoding, votes, candidates));
        }
    }
    let Some((encoding, votes, candidates)) = best else {
        return Repair::Unchanged;
    };
    if votes >= 3 && votes * 10 >= candidates * 7 && votes * 5 >= letters {
        let text = convert(text, encoding);
        Repair::Converted {
            text,
            from: encoding,
        }
    } else if votes >= 2 && votes * 2 >= candidates {
        Repair::Suspect(encoding)
    } else {
        Repair::Unchanged
    }
}

/// Letters that only Unicode Vietnamese text has (none of them is in Latin-1).
fn vietnamese_only(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    ) || ('\u{1ea0}'..='\u{1ef9}').contains(&c)
}

fn convert(text: &str, encoding: Encoding) -> String {
    // Word by word, so a word typed in capitals gets capitals back.
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || TCVN3_MAP.contains_key(&c) {
            word.push(c);
        } else {
            out.push_str(&convert_word(&word, encoding));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&convert_word(&word, encoding));
    out.nfc().collect()
}

fn convert_word(word: &str, encoding: Encoding) -> String {
    let converted: String = match encoding {
        Encoding::Tcvn3 => word
            .chars()
            .map(|c| TCVN3_MAP.get(&c).copied().unwrap_or(c))
            .collect(),
        Encoding::Vni => {
            let mut out = String::with_capacity(word.len());
            let mut rest = word;
            'outer: while let Some(c) = rest.chars().next() {
                for (code, letter) in VNI.iter() {
                    if rest.starts_with(code.as_str()) {
                        out.push_str(letter);
                        rest = &rest[code.len()..];
                        continue 'outer;
                    }
                }
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
            out
        }
    };
    // Typed in a capital font: the ASCII letters are capitals, and so are the others.
    let ascii: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
    if encoding == Encoding::Tcvn3 && ascii.len() >= 2 && ascii.iter().all(char::is_ascii_uppercase)
    {
        return converted.to_uppercase();
    }
    converted.nfc().collect()
}

const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: &[&str] = &[
    "ch", "ng", "nh", "c", "m", "n", "p", "t", "i", "o", "u", "y", "",
];

/// A well-formed Vietnamese syllable (small letters): an initial, one to three vowels with at
/// most one tone, a final.
fn syllable(word: &str) -> bool {
    let word: String = word.nfc().collect();
    for initial in INITIALS {
        let Some(rest) = word.strip_prefix(initial) else {
            continue;
        };
        for last in FINALS {
            let Some(nucleus) = rest.strip_suffix(last) else {
                continue;
            };
            let count = nucleus.chars().count();
            if (1..=3).contains(&count)
                && nucleus.chars().all(is_vowel)
                && nucleus.chars().filter(|c| toned(*c)).count() <= 1
            {
                return true;
            }
        }
    }
    false
}

fn is_vowel(c: char) -> bool {
    let base: String = c.to_string().nfd().take(1).collect();
    matches!(base.as_str(), "a" | "e" | "i" | "o" | "u" | "y")
}

fn toned(c: char) -> bool {
    c.to_string()
        .nfd()
        .any(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCES: &[&str] = &[
        "Hội nghị tổng kết công tác đối ngoại nhân dân năm 2024",
        "Sáng 20/5, Liên hiệp các tổ chức hữu nghị tỉnh Cà Mau đã tổ chức hội nghị.",
        "Ông Nguyễn Văn An, Chủ tịch Hội Hữu nghị Việt - Lào, phát biểu tại buổi lễ.",
        "Quang cảnh hội nghị; các đại biểu chụp ảnh lưu niệm với đoàn khách quốc tế.",
        "Đoàn đã thăm, tặng quà và trao học bổng cho học sinh nghèo vượt khó ở huyện Ngọc Hiển.",
    ];

    /// The legacy form of `text`: the inverse of the tables.
    fn encode(text: &str, encoding: Encoding) -> String {
        let text: String = text.nfc().collect();
        match encoding {
            Encoding::Tcvn3 => {
                let inverse: HashMap<char, char> = TCVN3.iter().map(|(l, u)| (*u, *l)).collect();
                text.chars()
                    .map(|c| {
                        // Capitals with a tone are typed as the small letter in a capital font.
                        let small = c.to_lowercase().next().unwrap_or(c);
                        inverse
                            .get(&c)
                            .or_else(|| inverse.get(&small).filter(|_| c != small))
                            .copied()
                            .unwrap_or(c)
                    })
                    .collect()
            }
            Encoding::Vni => {
                let inverse: HashMap<&str, &str> = VNI
                    .iter()
                    .map(|(code, letter)| (letter.as_str(), code.as_str()))
                    .collect();
                text.chars()
                    .map(|c| {
                        let s = c.to_string();
                        inverse.get(s.as_str()).map_or(s.clone(), |v| v.to_string())
                    })
                    .collect()
            }
        }
    }

    #[test]
    fn the_brief_s_examples() {
        assert_eq!(
            encode("Hội nghị tổng kết", Encoding::Tcvn3),
            "Héi nghÞ tæng kÕt"
        );
        assert_eq!(encode("Hội nghị", Encoding::Vni), "Hoäi nghò");
    }

    #[test]
    fn whole_sentences_come_back() {
        for encoding in [Encoding::Tcvn3, Encoding::Vni] {
            for sentence in SENTENCES {
                let legacy = encode(sentence, encoding);
                assert_ne!(&legacy, sentence);
                // The capitals here (plain, or Ô, Đ) all have TCVN3 codes.
                let expected = sentence.to_string();
                assert_eq!(
                    repair(&legacy),
                    Repair::Converted {
                        text: expected,
                        from: encoding
                    },
                    "{legacy}"
                );
            }
        }
    }

    #[test]
    fn tcvn3_small_letters_round_trip_exactly() {
        let text = "hội nghị tổng kết công tác đối ngoại nhân dân, quang cảnh hội nghị";
        let legacy = encode(text, Encoding::Tcvn3);
        assert_eq!(
            repair(&legacy),
            Repair::Converted {
                text: text.to_string(),
                from: Encoding::Tcvn3
            }
        );
        // Typed in a capital font: capitals with a tone have the small letter's code.
        let capitals = encode("hội nghị tổng kết", Encoding::Tcvn3)
            .replace(|c: char| c.is_ascii_lowercase(), "");
        assert_eq!(capitals, "é Þ æ Õ");
        assert_eq!(
            repair("HéI NGHÞ TæNG KÕT"),
            Repair::Converted {
                text: "HỘI NGHỊ TỔNG KẾT".to_string(),
                from: Encoding::Tcvn3
            }
        );
    }

    #[test]
    fn the_tables_cover_every_letter() {
        let letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";
        for c in letters.chars() {
            if c.is_ascii() {
                continue;
            }
            let small = c.to_string();
            assert!(TCVN3.iter().any(|(_, u)| *u == c), "TCVN3 lacks {c}");
            assert!(VNI.iter().any(|(_, u)| *u == small), "VNI lacks {c}");
            let capital = c.to_uppercase().to_string();
            assert!(
                VNI.iter().any(|(_, u)| *u == capital),
                "VNI lacks {capital}"
            );
        }
    }

    #[test]
    fn unicode_english_and_french_stay_unchanged() {
        for text in [
            "Hội nghị tổng kết công tác đối ngoại nhân dân năm 2024",
            "The union held its annual meeting in Ca Mau on Monday.",
            "Un café au lait, s'il vous plaît, dit la naïve touriste de Zürich.",
            "Où est le Noël? C'est à côté du théâtre, près de l'hôtel.",
            "Crème brûlée, façade, déjà vu, piñata, smörgåsbord, Ærø",
            "",
            "2024 - 2025",
        ] {
            assert_eq!(repair(text), Repair::Unchanged, "{text}");
        }
    }

    #[test]
    fn too_little_to_be_sure_is_suspect() {
        // Two legacy words in an otherwise English line.
        let text = format!(
            "Report from the {} meeting, see the attached file for the full list of delegates and guests",
            encode("Hội nghị", Encoding::Tcvn3)
        );
        assert_eq!(repair(&text), Repair::Suspect(Encoding::Tcvn3));
    }
}
