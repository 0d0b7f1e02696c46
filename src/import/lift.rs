//! Takes a converted article body and gives it back without its closing credit lines: a last
//! "Theo <tên báo>" line becomes the source, a last short byline ("Q.N", "BBT.", "Minh Anh")
//! the author. A real sentence or a generic account name ("admin") is never lifted.

/// The body without the lifted lines, and what they said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lifted {
    pub body: String,
    pub source: Option<String>,
    pub author: Option<String>,
}

/// Longest credit line, in characters.
const MAX_LINE: usize = 80;
/// Most words in a byline name (a parenthesised organisation not counted).
const MAX_NAME_WORDS: usize = 5;
/// Most words in a newspaper's name.
const MAX_SOURCE_WORDS: usize = 10;

/// Account names WordPress shows by default, which say nothing about who wrote the article.
const GENERIC: &[&str] = &[
    "admin",
    "administrator",
    "quản trị",
    "quản trị viên",
    "webmaster",
    "root",
    "editor",
    "author",
    "user",
];

/// Lifts the source and byline out of the last lines of `markdown`, in either order.
pub fn lift(markdown: &str) -> Lifted {
    let mut lines: Vec<String> = markdown.trim_end().lines().map(str::to_string).collect();
    let mut source = None;
    let mut author = None;
    for _ in 0..2 {
        let Some(last) = lines.last() else { break };
        // A credit closes a text: something must stay.
        if !follows_text(&lines[..lines.len() - 1]) {
            break;
        }
        // A line of a paragraph ends with a hard break; only the paragraph's last line counts.
        let text = plain(last.trim_end_matches('\\'));
        let found = if source.is_none()
            && let Some(name) = source_name(&text)
        {
            source = Some(name);
            true
        } else if author.is_none()
            && let Some((name, from)) = byline_with_source(&text)
            && (source.is_none() || from.is_none())
        {
            author = Some(name);
            if from.is_some() {
                source = from;
            }
            true
        } else {
            false
        };
        if !found {
            break;
        }
        lines.pop();
        // The line before it ended with a hard break into the lifted one: no longer.
        if let Some(previous) = lines.last_mut() {
            let breaks = previous.len() - previous.trim_end_matches('\\').len();
            if breaks % 2 == 1 {
                previous.pop();
            }
        }
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
    }
    let mut body = lines.join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    Lifted {
        body,
        source,
        author,
    }
}

/// Is there a text before a last line? A credit closes a text; a post that is one short line
/// ("Hello World") has nothing to credit.
fn follows_text(before: &[String]) -> bool {
    before.iter().any(|l| !l.trim().is_empty())
}

/// A Markdown line as plain text: emphasis and inline HTML tags gone, escapes undone.
fn plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.trim().chars().peekable();
    let mut in_tag = false;
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/') =>
            {
                in_tag = true
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '*' | '_' => {}
            _ => out.push(c),
        }
    }
    let out = out.trim();
    // A right-aligned or parenthesised credit: "(Theo TTXVN)".
    let out = out
        .strip_prefix('(')
        .and_then(|o| o.strip_suffix(')'))
        .filter(|o| !o.contains(['(', ')']))
        .unwrap_or(out);
    out.trim().to_string()
}

/// "Theo Báo Cà Mau", "Nguồn: Báo Thời Đại" → the paper's name.
fn source_name(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let rest = ["theo:", "theo ", "nguồn:", "nguồn ", "nguồn tin:"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| text.get(p.len()..)).flatten())?;
    let name = rest.trim().trim_end_matches('.').trim();
    let words = name.split_whitespace().count();
    // "Theo kế hoạch, năm nay…" is a sentence, not a credit.
    if name.is_empty()
        || words > MAX_SOURCE_WORDS
        || name.chars().count() > MAX_LINE
        || name.contains([',', ';', ':', '!', '?'])
        || !name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_alphanumeric())
    {
        return None;
    }
    // A newspaper's name is capitalised ("Báo Cà Mau") or an address ("thoidai.com.vn").
    let is_address = !name.contains(' ') && name.contains('.');
    if !is_address && !name.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(name.to_string())
}

/// A byline, possibly with the source in parentheses: "Minh Anh (Theo Thời Đại)".
fn byline_with_source(text: &str) -> Option<(String, Option<String>)> {
    if let Some(open) = text.rfind('(')
        && text.ends_with(')')
    {
        let inner = &text[open + 1..text.len() - 1];
        if let Some(source) = source_name(inner) {
            let name = byline(text[..open].trim())?;
            return Some((name, Some(source)));
        }
    }
    byline(text).map(|name| (name, None))
}

/// "Q.N", "BBT.", "T.H - M.A", "Minh Anh", "Nguyễn Văn An (Hội Hữu nghị Việt - Lào)".
fn byline(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_LINE {
        return None;
    }
    if GENERIC.contains(&text.to_lowercase().trim_end_matches('.')) {
        return None;
    }
    // Initials: capitals, dots, dashes and spaces only, at least one capital.
    let initials = text
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '–' | ' ' | ',' | '&' | '/'))
        && text.chars().any(char::is_uppercase)
        && text.chars().filter(|c| c.is_uppercase()).count() <= 12;
    if initials {
        return Some(text.trim_end_matches(',').to_string());
    }
    // A name: capitalised words, perhaps an organisation in parentheses after it.
    let (name, organisation) = match text.find('(') {
        Some(open) if text.ends_with(')') => (text[..open].trim(), Some(&text[open..])),
        Some(_) => return None,
        None => (text, None),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    // One word is a label ("Caption", "Content") more often than a name: a name has two words
    // at least ("Minh Anh"); a single writer signs with initials.
    if words.len() < 2 || words.len() > MAX_NAME_WORDS || name.ends_with(['.', ':', ',']) {
        return None;
    }
    let capitalised = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || c == '.')
    });
    if !capitalised || GENERIC.contains(&name.to_lowercase().as_str()) {
        return None;
    }
    if organisation.is_some_and(|o| o.chars().count() > MAX_LINE / 2 + 10) {
        return None;
    }
    Some(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Sáng 20/5, Hội Hữu nghị Việt - Lào tỉnh tổ chức hội nghị tổng kết.\n\n";

    fn lifted(tail: &str) -> Lifted {
        lift(&format!("{BODY}{tail}\n"))
    }

    #[test]
    fn sources() {
        for (tail, name) in [
            ("Theo Báo Cà Mau", "Báo Cà Mau"),
            ("(Theo TTXVN)", "TTXVN"),
            ("Nguồn: Báo Thời Đại", "Báo Thời Đại"),
            ("*Theo thoidai.com.vn*", "thoidai.com.vn"),
            ("**Theo Báo Quân đội Nhân dân.**", "Báo Quân đội Nhân dân"),
        ] {
            let l = lifted(tail);
            assert_eq!(l.source.as_deref(), Some(name), "{tail}");
            assert_eq!(l.author, None, "{tail}");
            assert_eq!(l.body, BODY.trim_end().to_string() + "\n", "{tail}");
        }
    }

    #[test]
    fn bylines() {
        for tail in [
            "Q.N",
            "BBT.",
            "T.H - M.A",
            "Minh Anh",
            "**Nguyễn Văn An (Hội Hữu nghị Việt - Lào)**",
            "*Phương Thảo*",
        ] {
            let l = lifted(tail);
            let expected = tail.trim_matches('*');
            assert_eq!(l.author.as_deref(), Some(expected), "{tail}");
            assert_eq!(l.source, None, "{tail}");
            assert_eq!(l.body, BODY.trim_end().to_string() + "\n", "{tail}");
        }
    }

    #[test]
    fn both_in_either_order() {
        for tail in [
            "Minh Anh\n\nTheo Thời Đại",
            "Theo Thời Đại\n\nMinh Anh",
            "Minh Anh\\\nTheo Thời Đại",
            "Minh Anh (Theo Thời Đại)",
        ] {
            let l = lifted(tail);
            assert_eq!(l.author.as_deref(), Some("Minh Anh"), "{tail}");
            assert_eq!(l.source.as_deref(), Some("Thời Đại"), "{tail}");
            assert_eq!(l.body, BODY.trim_end().to_string() + "\n", "{tail}");
        }
    }

    #[test]
    fn a_credit_closes_a_text() {
        for markdown in ["Hello World\n", "Minh Anh\n", "Theo Báo Cà Mau\n"] {
            let l = lift(markdown);
            assert_eq!((l.source, l.author), (None, None), "{markdown}");
            assert_eq!(l.body, markdown, "{markdown}");
        }
        // After a table or a list is where bylines often stand.
        let l = lift("| Huyện | Số suất |\n| --- | --- |\n| Tri Tôn | 30 |\n\nQ.N\n");
        assert_eq!(l.author.as_deref(), Some("Q.N"));
    }

    #[test]
    fn a_line_in_a_paragraph_leaves_the_rest() {
        let l = lift("Đoàn đã thăm và tặng quà.\\\nQ.N\n");
        assert_eq!(l.body, "Đoàn đã thăm và tặng quà.\n");
        assert_eq!(l.author.as_deref(), Some("Q.N"));
    }

    #[test]
    fn what_is_not_lifted() {
        for tail in [
            // Sentences.
            "Theo kế hoạch, năm 2025 Hội sẽ đón 10 đoàn khách quốc tế.",
            "Hội nghị kết thúc tốt đẹp.",
            "Đây là hoạt động thiết thực nhằm tăng cường tình hữu nghị giữa hai nước",
            "Các đại biểu chụp ảnh lưu niệm",
            "Theo ông Nguyễn Văn An, chủ tịch Hội, kết quả rất khả quan.",
            // Generic account names.
            "admin",
            "Administrator",
            "Quản trị",
            "webmaster",
            // Too long to be a name.
            "Nguyễn Văn An Trần Thị Bình Lê Văn Cường Phạm Thị Dung",
            // One word: a label more often than a name (found in WordPress's own test posts).
            "Caption",
            "Content",
        ] {
            let l = lifted(tail);
            assert_eq!((l.source, l.author), (None, None), "{tail}");
            assert_eq!(l.body, format!("{BODY}{tail}\n"), "{tail}");
        }
    }
}
