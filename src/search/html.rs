//! Takes an article body as bantin renders it (HTML) and gives its plain text for the search
//! index: tags dropped, character references decoded; and its opening with the white space
//! collapsed, for a record's snippet text.
//!
//! This is not a general HTML parser. The input is our own Markdown renderer's output, which
//! escapes every `<` and `&` in text, so a tag is always `<` + name … `>`. Anything else is kept
//! as text rather than rejected, so odd input degrades instead of failing.

/// Elements whose boundaries sit inside a line of text ("hữu <em>nghị</em>"), so removing the
/// tag must not split or join words. Every other tag (p, li, td, br, h2 …) ends a run of text:
/// without a space there, "…Nam</li><li>Lào…" would index the word "namlào".
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "time", "u", "var",
];

/// Elements whose content is not readable text.
const SKIPPED: &[&str] = &["script", "style", "template", "svg", "math"];

/// The text of `html`: "<p>Hữu&nbsp;nghị &amp; hợp tác</p>" → "Hữu\u{A0}nghị & hợp tác ".
/// White space is left as it is (a block tag adds a space): the tokenizer splits on any of it,
/// and collapsing it here would cost more than everything else this does (see `collapsed`).
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        let Some(at) = rest.bytes().position(|b| b == b'<' || b == b'&') else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            let (decoded, used) = reference(rest);
            match decoded {
                Some(c) => out.push(c),
                None => out.push_str(&rest[..used]),
            }
            rest = &rest[used..];
            continue;
        }
        match tag(rest) {
            Some(t) => {
                if !t.inline {
                    out.push(' ');
                }
                rest = &rest[t.len..];
                if let Some(name) = t.skip_until {
                    rest = after_closing(rest, name);
                    out.push(' ');
                }
            }
            None => {
                // A lone "<" (not from our renderer, but possible in hand-made HTML): text.
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out
}

/// The first `max` characters of `text` once every run of white space is one space and the
/// ends are trimmed, and whether any text was left after them.
pub fn collapsed(text: &str, max: usize) -> (String, bool) {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if count >= max {
            return (out, true);
        }
        if count > 0 {
            out.push(' ');
            count += 1;
            if count >= max {
                return (out, true);
            }
        }
        for c in word.chars() {
            if count >= max {
                return (out, true);
            }
            out.push(c);
            count += 1;
        }
    }
    (out, false)
}

/// The first `max` characters of `text` (white space collapsed), cut after a word, with " …"
/// when anything was cut.
pub fn opening(text: &str, max: usize) -> String {
    let (prefix, more) = collapsed(text, max.saturating_add(1));
    let Some((end, _)) = prefix.char_indices().nth(max) else {
        if !more {
            return prefix;
        }
        return format!("{} …", prefix.trim_end());
    };
    // After the last whole word, unless the text has no space in reach (one very long word).
    let cut = if prefix[end..].starts_with(' ') {
        end
    } else {
        prefix[..end].rfind(' ').filter(|&at| at > 0).unwrap_or(end)
    };
    format!("{} …", prefix[..cut].trim_end())
}

/// Whether `text` starts with the words of `summary` (white space aside): the usual case, the
/// summary being the body's first paragraph, in which a record need not hold it twice. A long
/// paragraph's summary is cut with `…` after a word, which the body has not.
pub fn starts_with_words(text: &str, summary: &str) -> bool {
    let summary = summary.strip_suffix('…').unwrap_or(summary);
    let mut rest = text;
    summary.split_whitespace().all(|word| {
        rest = rest.trim_start();
        match rest.strip_prefix(word) {
            Some(after) => {
                rest = after;
                true
            }
            None => false,
        }
    })
}

struct Tag {
    /// Bytes from `<` to `>` inclusive.
    len: usize,
    inline: bool,
    /// For an opening `<script>` and the like: the element name whose end tag ends the skip.
    skip_until: Option<&'static str>,
}

/// Reads the tag at the start of `s` (which starts with `<`); `None` if it is not one.
fn tag(s: &str) -> Option<Tag> {
    let bytes = s.as_bytes();
    let second = *bytes.get(1)?;
    if s.starts_with("<!--") {
        let len = s.find("-->").map_or(s.len(), |end| end + 3);
        return Some(Tag {
            len,
            inline: true,
            skip_until: None,
        });
    }
    let closing = second == b'/';
    let name_start = if closing { 2 } else { 1 };
    let starts_ok = bytes
        .get(name_start)
        .is_some_and(|b| b.is_ascii_alphabetic())
        || second == b'!'
        || second == b'?';
    if !starts_ok {
        return None;
    }
    // Attribute values may hold ">" only inside quotes; our renderer escapes it anyway, but a
    // quoted scan costs nothing and keeps a stray ">" in an alt text from ending the tag.
    let mut quote: Option<u8> = None;
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate().skip(name_start) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => {
                end = Some(i);
                break;
            }
            None => {}
        }
    }
    let len = end.map_or(s.len(), |e| e + 1);
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &s[name_start..name_start + name_len];
    let inline = INLINE.iter().any(|n| n.eq_ignore_ascii_case(name));
    let skip_until = if closing {
        None
    } else {
        SKIPPED
            .iter()
            .copied()
            .find(|n| n.eq_ignore_ascii_case(name))
    };
    Some(Tag {
        len,
        inline,
        skip_until,
    })
}

/// The text after the end tag `</name>`, or nothing if it never ends.
fn after_closing<'a>(s: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(found) = s[from..].find("</") {
        let at = from + found;
        let candidate = &s[at + 2..];
        let matches = candidate
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if matches {
            return s[at..].find('>').map_or("", |end| &s[at + end + 1..]);
        }
        from = at + 2;
    }
    ""
}

/// Decodes the character reference at the start of `s` (which starts with `&`). Gives the
/// character (if it is one we know) and how many bytes the reference takes; an unknown one takes
/// just the `&`, which is then kept as text.
fn reference(s: &str) -> (Option<char>, usize) {
    // Longest reference we decode: "&#x10FFFF;" or "&#1114111;" (10 bytes); names are shorter.
    let window_end = s
        .char_indices()
        .take(12)
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let Some(semi) = s[..window_end].find(';') else {
        return (None, 1);
    };
    let body = &s[1..semi];
    let decoded = if let Some(num) = body.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() => u32::from_str_radix(hex, 16).ok(),
            Some(_) => None,
            None if !num.is_empty() => num.parse::<u32>().ok(),
            None => None,
        };
        // U+0000 and surrogates are not characters; HTML shows U+FFFD for them, and so do we.
        value.map(|v| match char::from_u32(v) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        })
    } else {
        match body {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{A0}'),
            _ => None,
        }
    };
    match decoded {
        Some(c) => (Some(c), semi + 1),
        None => (None, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(html: &str) -> String {
        collapsed(&to_text(html), usize::MAX).0
    }

    #[test]
    fn strips_tags_and_decodes_references() {
        let cases = [
            ("<p>Hữu nghị</p>", "Hữu nghị"),
            (
                "<p>Hữu nghị &amp; Hợp tác</p>\n<p>Đà Nẵng</p>",
                "Hữu nghị & Hợp tác Đà Nẵng",
            ),
            ("<ul><li>Lào</li><li>Campuchia</li></ul>", "Lào Campuchia"),
            (
                "hữu <em>nghị</em> <strong>Việt</strong>–Lào",
                "hữu nghị Việt–Lào",
            ),
            ("Việt<strong>Nam</strong>", "ViệtNam"),
            ("a&lt;b&gt;c &quot;d&quot; &#39;e&#39;", "a<b>c \"d\" 'e'"),
            ("&#x110;&#xe0; N&#7861;ng", "Đà Nẵng"),
            ("&#X110;", "Đ"),
            ("1&nbsp;000", "1 000"),
            ("AT&T &unknown; &", "AT&T &unknown; &"),
            (
                "&#0; &#xD800; &#x110000; &#99999999999;",
                "\u{FFFD} \u{FFFD} \u{FFFD} &#99999999999;",
            ),
            ("&#; &#x; &#xzz;", "&#; &#x; &#xzz;"),
            ("a < b", "a < b"),
            ("x<", "x<"),
            ("<p>x</p", "x"),
            ("<img alt=\"a > b\" src=x>y", "y"),
            ("<!-- note -->text<!-- open", "text"),
            ("<p>a</p><script>var x = '<p>';</script><p>b</p>", "a b"),
            ("<style>p{}</style", ""),
            ("  <p>  a \n\t b  </p>  ", "a b"),
            ("<h2 id=\"x\">Kết quả</h2><p>Tốt</p>", "Kết quả Tốt"),
            ("", ""),
        ];
        for (html, want) in cases {
            assert_eq!(plain(html), want, "html {html:?}");
        }
    }

    #[test]
    fn unicode_spaces_separate_words_like_ascii_ones() {
        let html = "a\u{A0}b\u{3000}c\u{2028}d\u{85}e\u{B}f\u{C}g\u{200B}h ạ\u{2009}ư";
        assert_eq!(plain(html), "a b c d e f g\u{200B}h ạ ư");
    }

    #[test]
    fn collapsed_counts_characters_and_says_what_is_left() {
        assert_eq!(
            collapsed("  một\n\n hai  ba ", 100),
            ("một hai ba".into(), false)
        );
        assert_eq!(collapsed("một hai ba", 10), ("một hai ba".into(), false));
        assert_eq!(collapsed("một hai ba", 9), ("một hai b".into(), true));
        assert_eq!(collapsed("một hai ba", 7), ("một hai".into(), true));
        assert_eq!(collapsed("một  hai", 4), ("một ".into(), true));
        assert_eq!(collapsed("một", 3), ("một".into(), false));
        assert_eq!(collapsed("", 0), (String::new(), false));
        assert_eq!(collapsed("a", 0), (String::new(), true));
    }

    #[test]
    fn openings_are_cut_after_a_word() {
        assert_eq!(opening("một hai ba", 20), "một hai ba");
        assert_eq!(opening("một hai ba", 10), "một hai ba");
        assert_eq!(opening("một hai ba", 9), "một hai …");
        assert_eq!(opening("một hai ba", 7), "một hai …");
        assert_eq!(opening("một hai ba", 6), "một …");
        assert_eq!(opening("mộthaiba", 4), "mộth …");
        assert_eq!(opening("", 0), "");
        assert_eq!(opening(" một\n\nhai ", 20), "một hai");
    }

    #[test]
    fn a_summary_repeated_by_the_body_is_found() {
        let body = "Sáng 5/9, Liên hiệp trao học bổng. Đoạn hai.";
        assert!(starts_with_words(
            body,
            "Sáng 5/9, Liên hiệp trao học bổng."
        ));
        assert!(starts_with_words(body, "Sáng 5/9,\nLiên  hiệp"));
        assert!(starts_with_words(body, "Sáng 5/9, Liên hiệp trao…"));
        assert!(!starts_with_words(body, "Tóm tắt riêng."));
        assert!(!starts_with_words("Sáng 5/9", "Sáng 5/9, Liên hiệp trao"));
        assert!(
            starts_with_words(body, ""),
            "an empty summary (left out anyway)"
        );
    }

    #[test]
    fn never_panics_on_cut_input() {
        let html = "<p class=\"a\">Đà&amp;Nẵng &#x1EA1; <b>x</b></p><!-- c --><script>1</script>";
        for (end, _) in html.char_indices() {
            let _ = plain(&html[..end]);
            let _ = plain(&html[end..]);
        }
    }
}
