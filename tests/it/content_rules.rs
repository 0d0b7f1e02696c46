//! Summaries made from the body (issue 11): takes a small generated site with an article whose
//! paragraphs are joined by single newlines, and gives proof that its meta and Open Graph
//! description, RSS description and home-page teaser are cut to the documented length at a
//! sentence or word.

use crate::support::{self, Outcome, TempSite, bantin};

/// The settings of the test site; `support::site_toml` adds the legal footer block.
const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/"
province = "Cần Thơ"
"#;

/// The longest summary made from an article's body, in characters (README: "summary").
const SUMMARY_MAX_CHARS: usize = 300;

fn new_site() -> TempSite {
    let site = support::empty_site();
    support::write(&site.root.join("site.toml"), support::site_toml(SETTINGS));
    site
}

/// An article's text; `extra` holds more front-matter lines, after title and date.
fn article(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\n{extra}---\n\n{body}\n")
}

fn build(site: &TempSite) -> Outcome {
    bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    )
}

fn build_ok(site: &TempSite) -> Outcome {
    let outcome = build(site);
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    outcome
}

fn out(site: &TempSite, rel: &str) -> String {
    support::read(&site.sibling("out").join(rel))
}

/// A real-looking article whose paragraphs are separated by single newlines: Markdown makes
/// them one paragraph, which used to become a summary of several thousand characters.
fn long_single_newline_body() -> String {
    (1..=40)
        .map(|i| {
            format!(
                "Đoạn {i}: sáng nay, Liên hiệp các tổ chức hữu nghị tỉnh tổ chức hội nghị tổng \
                 kết công tác đối ngoại nhân dân năm 2024 với sự tham dự của nhiều đại biểu."
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `text` ends where a summary may be cut: after a sentence, or with an ellipsis.
fn ends_at_a_boundary(text: &str) -> bool {
    text.ends_with('.') || text.ends_with('!') || text.ends_with('?') || text.ends_with('…')
}

/// The text between `start` and the next `end` after it in `html`.
fn between<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"))
        + start.len();
    let to = html[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not found after {start:?}"));
    &html[from..from + to]
}

#[test]
fn a_long_single_newline_body_gives_a_bounded_summary_everywhere() {
    let site = new_site();
    support::write(
        &site.root.join("content/tin-tuc/dai.md"),
        article("Bài rất dài", "01/03/2024", "", &long_single_newline_body()),
    );
    // The newest article is the home page's lead, shown without a summary; this one is listed.
    support::write(
        &site.root.join("content/tin-tuc/moi.md"),
        article("Bài mới nhất", "02/03/2024", "", "Ngắn."),
    );
    build_ok(&site);

    let page = out(&site, "tin-tuc/bai-rat-dai/index.html");
    let description = between(&page, "<meta name=\"description\" content=\"", "\"");
    let og = between(&page, "<meta property=\"og:description\" content=\"", "\"");
    let rss = out(&site, "rss.xml");
    let rss_item = between(&rss, "<title>Bài rất dài</title>", "</item>");
    let rss_description = between(rss_item, "<description>", "</description>");
    let home = out(&site, "index.html");
    let home_item = between(&home, ">Bài rất dài</a>", "</article>");
    let home_summary = between(home_item, "<p class=\"item-summary\">", "</p>");
    for (what, text) in [
        ("meta description", description),
        ("og:description", og),
        ("RSS description", rss_description),
        ("home page summary", home_summary),
    ] {
        let chars = text.chars().count();
        assert!(
            chars <= SUMMARY_MAX_CHARS,
            "{what} has {chars} characters: {text}"
        );
        assert!(chars > 100, "{what} is cut too short: {text}");
        assert!(ends_at_a_boundary(text), "{what} ends mid-way: {text}");
        assert!(text.starts_with("Đoạn 1: sáng nay"), "{what}: {text}");
    }
}
