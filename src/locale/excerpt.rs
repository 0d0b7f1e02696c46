//! Takes a plain text (a paragraph with its white space collapsed) and a length in characters, and
//! gives the text cut to fit: after the last whole sentence if that keeps enough of it, else after
//! the last whole word with `…`. Used for summaries made from an article's body.

use std::borrow::Cow;

/// A cut after a sentence must keep at least this share of the limit (2/5 = 40 %); a shorter
/// first sentence would make a summary that says too little, so the cut falls on a word instead.
const MIN_SENTENCE_SHARE: (usize, usize) = (2, 5);

/// Words that end with a dot without ending a sentence, as written in Vietnamese news:
/// "TP. Hồ Chí Minh", "PGS. TS. Nguyễn Văn A", "Q. 1". A single capital letter (an initial) is
/// one too. Kept short and case-sensitive: "Lào." or "Mỹ." at the end of a sentence must count.
const ABBREVIATIONS: &[&str] = &[
    "TP", "Tp", "TX", "TT", "GS", "PGS", "TS", "ThS", "BS", "KS", "NXB", "Mr", "Mrs", "Ms", "Dr",
    "St",
];

/// Characters that may close a sentence after its final mark: `… nói: "Tốt." Sau đó`.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];

/// Cuts `text` to at most `max_chars` characters (not bytes: a Vietnamese letter with its tone
/// is one character, two or three bytes). Text that fits is returned as it is.
pub fn excerpt(text: &str, max_chars: usize) -> Cow<'_, str> {
    // Byte offset just past the first `max_chars` characters; `None` when the text fits.
    let Some((end, _)) = text.char_indices().nth(max_chars) else {
        return Cow::Borrowed(text);
    };
    if let Some(cut) = last_sentence_end(text, end)
        && text[..cut].chars().count() * MIN_SENTENCE_SHARE.1 >= max_chars * MIN_SENTENCE_SHARE.0
    {
        return Cow::Borrowed(&text[..cut]);
    }
    if max_chars == 0 {
        return Cow::Borrowed("");
    }
    // One character of the limit goes to the ellipsis.
    let end = text
        .char_indices()
        .nth(max_chars - 1)
        .map_or(text.len(), |(i, _)| i);
    let cut = if text[end..].starts_with(char::is_whitespace) {
        end
    } else {
        text[..end]
            .rfind(char::is_whitespace)
            .filter(|&at| at > 0)
            .unwrap_or(end)
    };
    // "hội nghị, …" and "(…" read badly: a dangling comma, dash or opening mark goes too.
    let head = text[..cut].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '[' | '“' | '‘')
    });
    // A text of punctuation alone would leave nothing: then the cut is a hard one.
    let head = if head.is_empty() { &text[..end] } else { head };
    Cow::Owned(format!("{head}…"))
}

/// Byte offset just after the last sentence end that lies within `text[..end]`: a `.`, `!`, `?`
/// or `…` (with any closing quotes) followed by white space, not the dot of an abbreviation.
fn last_sentence_end(text: &str, end: usize) -> Option<usize> {
    let mut found = None;
    for (at, c) in text[..end].char_indices() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut after = at + c.len_utf8();
        while let Some(closer) = text[after..].chars().next().filter(|c| CLOSERS.contains(c)) {
            after += closer.len_utf8();
        }
        let sentence_ends = after <= end
            && text[after..].starts_with(char::is_whitespace)
            && !(c == '.' && is_abbreviation(last_word(&text[..at])));
        if sentence_ends {
            found = Some(after);
        }
    }
    found
}

/// The word just before a position, without any opening bracket or quote.
fn last_word(before: &str) -> &str {
    let start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    before[start..].trim_start_matches(['(', '[', '"', '“', '‘', '\''])
}

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts() {
        // (text, limit, expected)
        let cases: &[(&str, usize, &str)] = &[
            // Fits: untouched, counting characters, not bytes (this is 23 characters, 31 bytes).
            ("Hội nghị tổng kết 2024.", 23, "Hội nghị tổng kết 2024."),
            ("", 10, ""),
            // After the last sentence that fits.
            (
                "Sáng nay, hội nghị khai mạc. Đại biểu phát biểu. Chiều nay bế mạc.",
                50,
                "Sáng nay, hội nghị khai mạc. Đại biểu phát biểu.",
            ),
            // A sentence end exactly at the limit.
            ("Một hai ba. Bốn năm sáu.", 11, "Một hai ba."),
            // `!`, `?`, `…` and a closing quote end sentences too.
            ("Thật tuyệt vời! Còn gì nữa", 20, "Thật tuyệt vời!"),
            ("Ai đến? Mọi người đã đến", 12, "Ai đến?"),
            ("Chờ đợi… rồi đến lúc về", 12, "Chờ đợi…"),
            (
                "Ông nói: \"Rất tốt.\" Sau đó mọi người",
                24,
                "Ông nói: \"Rất tốt.\"",
            ),
            // The first sentence keeps less than 40 % of the limit: a word cut instead.
            (
                "Ngắn. Sau đó là một câu rất dài không có dấu chấm nào cả",
                30,
                "Ngắn. Sau đó là một câu rất…",
            ),
            // A dot inside a number or an abbreviation does not end a sentence.
            (
                "Giá tăng 3.5 lần tại TP. Hồ Chí Minh và Q. 1 trong tháng này",
                40,
                "Giá tăng 3.5 lần tại TP. Hồ Chí Minh và…",
            ),
            // …but a short country name at the end of a sentence does.
            (
                "Đoàn đến từ Lào. Hai bên trao đổi kinh nghiệm",
                30,
                "Đoàn đến từ Lào.",
            ),
            // A dangling comma or dash is dropped before the ellipsis.
            ("Hội nghị, hội thảo, tập huấn", 21, "Hội nghị, hội thảo…"),
            ("Đà Nẵng – Huế – Quảng Trị", 16, "Đà Nẵng – Huế…"),
            // One word longer than the limit: a hard cut.
            ("Aaaaaaaaaaaaaaaaaaaa", 10, "Aaaaaaaaa…"),
            ("đđđđđđđđđđ", 5, "đđđđ…"),
            ("Cắt", 0, ""),
        ];
        for (text, limit, want) in cases {
            let got = excerpt(text, *limit);
            assert_eq!(got, *want, "{text:?} cut to {limit}");
            assert!(got.chars().count() <= *limit, "{got:?} is over {limit}");
        }
    }

    #[test]
    fn paragraphs_joined_by_single_newlines_are_cut_at_a_sentence() {
        // What the Markdown renderer gives for lines separated by single newlines: one
        // paragraph, its white space collapsed.
        let sentence = "Liên hiệp các tổ chức hữu nghị tỉnh tổ chức hội nghị tổng kết năm 2024.";
        let paragraph = vec![sentence; 40].join(" ");
        let got = excerpt(&paragraph, 300);
        let sentences = 300 / (sentence.chars().count() + 1);
        assert_eq!(got, vec![sentence; sentences].join(" "));
    }

    #[test]
    fn never_over_the_limit() {
        let text = "Sáng 27/5, tại TP. Cần Thơ, Liên hiệp (LHH) đã tổ chức… hội nghị “Hữu nghị” — \
                    với 120 đại biểu! Có gì mới? Kết quả: tốt. ";
        for limit in 0..text.chars().count() + 2 {
            let got = excerpt(text, limit);
            assert!(got.chars().count() <= limit, "{got:?} is over {limit}");
            let body = got.trim_end_matches('…');
            assert!(text.starts_with(body), "{got:?} is not a cut of the text");
        }
    }
}
