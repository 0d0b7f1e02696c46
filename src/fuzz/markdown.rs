//! Fuzz target `markdown`: takes article bodies — Vietnamese prose, tables, footnotes, code and
//! raw HTML — and gives them to `markdown::render`. Besides never panicking, what it returns
//! must keep its documented promises: a bounded summary, unique heading anchors, link
//! lines inside the body, the same output every time, and no `<script` that the body did not
//! have.

use crate::markdown::{Highlighter, Options, RawHtml, Rendered, SUMMARY_MAX_CHARS, render};

use super::Target;

const TOKENS: &[&str] = &[
    "# ",
    "## ",
    "###### ",
    "#",
    "\n---\n",
    "\n===\n",
    "***",
    "**",
    "*",
    "__",
    "_",
    "~~",
    "~",
    "`",
    "```",
    "```toml\n",
    "```rust\n",
    "```\n",
    "~~~",
    "    ",
    "> ",
    ">",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "1) ",
    "- [ ] ",
    "|",
    "| --- |",
    "|:-:|",
    "\n\n",
    "  \n",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "[a]",
    "[a]: /b",
    "[^1]",
    "[^1]: Chú thích",
    "[^",
    "![",
    "](",
    "](/",
    "](/images/a.jpg",
    "\"Tiêu đề\")",
    "<https://vufo.org.vn>",
    "<a@b.vn>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?php",
    "?>",
    "<!DOCTYPE html>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<br>",
    "<script>",
    "</script>",
    "<SCRIPT>",
    "<script src=//x>",
    "<style>",
    "</style>",
    "<pre>",
    "</pre>",
    "<textarea>",
    "<iframe src=x>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">",
    "<svg onload=alert(1)>",
    "<scr",
    "ipt>",
    "<!---->",
    "javascript:",
    "data:text/html,",
    "TP. ",
    "PGS. TS. ",
    ". ",
    "… ",
    "! ",
    "? ",
    "Hội nghị tổng kết",
    "đối ngoại nhân dân",
];

/// Base paths as site.toml gives them; links written from the root get them added.
const BASE_PATHS: &[&str] = &["/", "/lhhn-angiang/"];

const TARGET: Target = Target {
    name: "markdown",
    tokens: TOKENS,
    max_len: 64 * 1024,
};

/// Renders the body as a site does. The saved bodies and the tokens are heavy in raw HTML
/// (script, event handlers, comments, CDATA, tags cut in two) because `render` is where raw HTML
/// is handled: whatever setting `Options` comes to have for it, each is worth a render here.
fn check(highlighter: &Highlighter, bytes: &[u8]) {
    let markdown = String::from_utf8_lossy(bytes);
    // One base path per input, chosen by the input itself so a replay is the same: each render
    // of a large body costs a good part of a second in the dev profile.
    // Most inputs go through the sanitizer (the default); one in eight is rendered for a
    // trusted site, where raw HTML is published as written.
    let raw_html = if bytes.first().is_some_and(|b| b % 8 == 0) {
        RawHtml::Trusted
    } else {
        RawHtml::Sanitize
    };
    let options = Options {
        base_path: BASE_PATHS[bytes.len() % BASE_PATHS.len()],
        raw_html,
    };
    let rendered = render(&markdown, &options, highlighter);
    holds(&markdown, &rendered);
    if raw_html == RawHtml::Sanitize {
        safe(&rendered.html);
    }
    assert!(
        render(&markdown, &options, highlighter) == rendered,
        "two renders of the same body differ"
    );
}

/// What `render` promises of any body.
pub(super) fn holds(markdown: &str, rendered: &Rendered) {
    let summary = &rendered.summary;
    let chars = summary.chars().count();
    assert!(
        chars <= SUMMARY_MAX_CHARS,
        "a summary of {chars} characters: {summary:?}"
    );
    assert!(rendered.reading_minutes >= 1);
    let mut ids = std::collections::HashSet::new();
    for heading in &rendered.headings {
        assert!((2..=6).contains(&heading.level), "{heading:?}");
        assert!(!heading.id.is_empty(), "{heading:?}");
        assert!(
            ids.insert(&heading.id),
            "two headings with id {:?}",
            heading.id
        );
    }
    let lines = markdown.matches('\n').count() + 1;
    for link in &rendered.links {
        assert!(
            (1..=lines).contains(&link.line),
            "{link:?} outside the body's {lines} lines"
        );
    }
    // Script only gets into a page the way the body wrote it: nothing the renderer adds, drops
    // or joins may make one. (HTML tag names match in any ASCII case.)
    if rendered.html.to_ascii_lowercase().contains("<script") {
        assert!(
            markdown.to_ascii_lowercase().contains("<script"),
            "`<script` in the HTML of a body without one"
        );
    }
}

/// What no sanitized body may hold, checked independently of the sanitizer's own tables: no
/// element that runs or embeds code, no event handler, no address with a scheme other than
/// http, https, mailto or tel (the tokenizer decodes entities, as a browser does).
pub(super) fn safe(html: &str) {
    use html5gum::{Token, Tokenizer};
    const CODE: &[&str] = &[
        "script", "iframe", "frame", "object", "embed", "style", "form", "base", "meta", "link",
        "svg", "math", "template", "noscript",
    ];
    const URLS: &[&str] = &[
        "href",
        "src",
        "action",
        "formaction",
        "poster",
        "xlink:href",
        "data",
        "srcset",
        "background",
        "cite",
    ];
    for token in Tokenizer::new(html).flatten() {
        let Token::StartTag(tag) = token else {
            continue;
        };
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        assert!(!CODE.contains(&name.as_str()), "<{name}> in {html:?}");
        for (attribute, value) in &tag.attributes {
            let attribute = String::from_utf8_lossy(attribute).to_ascii_lowercase();
            assert!(
                !attribute.starts_with("on"),
                "{attribute} on <{name}> in {html:?}"
            );
            if URLS.contains(&attribute.as_str()) {
                let value: String = String::from_utf8_lossy(value)
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                // A scheme is a letter, then letters, digits, `+`, `-` or `.`, then `:`; anything
                // else (`javascrip\u{fffd}:x`) is a relative address to a browser.
                let scheme = value
                    .split_once(':')
                    .map(|(s, _)| s)
                    .filter(|s| s.starts_with(|c: char| c.is_ascii_alphabetic()))
                    .filter(|s| {
                        s.chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                    });
                assert!(
                    scheme.is_none_or(|s| ["http", "https", "mailto", "tel"].contains(&s)),
                    "{attribute}={value:?} on <{name}> in {html:?}"
                );
            }
        }
    }
}

#[test]
fn saved() {
    let highlighter = Highlighter::new();
    super::replay(&TARGET, |bytes| check(&highlighter, bytes));
}

#[test]
fn random() {
    let highlighter = Highlighter::new();
    super::random(&TARGET, |bytes| check(&highlighter, bytes));
}

/// The shapes of the slow inputs found so far, and their kin, a few times larger than the
/// fuzzer makes them: work that grows with the square of these takes minutes, not milliseconds.
#[test]
fn long_runs_render_in_linear_time() {
    let highlighter = Highlighter::new();
    let shapes: Vec<(&str, String)> = vec![
        (
            "emphasis delimiters",
            format!("a {} b\n", "*".repeat(200_000)),
        ),
        ("equal headings", "## muc-1\n\n## 😀\n\n".repeat(20_000)),
        ("nested quotes", format!("{}a\n", "> ".repeat(50_000))),
        (
            "nested lists",
            (0..2_000)
                .map(|i| format!("{}- a\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            "compact nested lists",
            format!("{}a\n", "+ ".repeat(50_000)),
        ),
        ("link openers", format!("{}a\n", "[".repeat(100_000))),
        (
            "footnotes",
            (0..20_000).map(|i| format!("[^{i}] ")).collect::<String>() + "\n\n[^1]: a\n",
        ),
        ("inline html", "<b>".repeat(50_000)),
        (
            "table columns",
            format!("{}\n{}\n", "|a".repeat(20_000), "|-".repeat(20_000)),
        ),
    ];
    let limit = super::slow_limit();
    for (name, markdown) in &shapes {
        let started = std::time::Instant::now();
        let rendered = render(markdown, &Options::new("/"), &highlighter);
        holds(markdown, &rendered);
        let took = started.elapsed();
        assert!(
            took <= limit,
            "{name}: {} bytes took {took:?}",
            markdown.len()
        );
    }
}
