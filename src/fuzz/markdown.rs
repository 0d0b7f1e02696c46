//! Fuzz target `markdown`: takes article bodies — Vietnamese prose, tables, footnotes, code and
//! raw HTML — and gives them to `markdown::render`. Besides never panicking, what it returns
//! must keep its documented promises: a bounded summary, unique heading anchors, link
//! lines inside the body, the same output every time, and no `<script` that the body did not
//! have.

use crate::markdown::{Highlighter, Options, Rendered, SUMMARY_MAX_CHARS, render};

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
    let options = Options::new(BASE_PATHS[bytes.len() % BASE_PATHS.len()]);
    let rendered = render(&markdown, &options, highlighter);
    holds(&markdown, &rendered);
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
