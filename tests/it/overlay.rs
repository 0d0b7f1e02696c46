//! The preview's error overlay as an editor sees it: takes the sample site served by
//! `bantin serve` started inside its folder with no language set, breaks an article's date, and
//! gives proof, in headless Chromium, that the last good page is shown under an alert whose
//! heading and diagnostic are in Vietnamese — and in English when asked for.

use std::process::Command;

use crate::serve::Server;
use crate::support;

const ARTICLE: &str = "content/tin-tuc/2024/cum-thi-dua-so-5-so-ket-6-thang-2024.md";
const NO_ARGS: [&str; 0] = [];

/// What features.mjs's `overlay` check saw on the preview's home page.
fn overlay_seen(server: &Server) -> serde_json::Value {
    let url = format!("http://{}{}", server.host, server.base);
    let mut command = Command::new(support::node());
    command
        .arg(support::repo().join("tests/browser/features.mjs"))
        .args(["--root", support::repo().to_str().unwrap_or_default()])
        .args(["--base-path", &server.base, "--serve-url", &url])
        .args(["--check", "overlay", "--chromium"])
        .arg(support::chromium());
    let outcome = support::run(command);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap_or_default();
    report["results"][0]["details"].clone()
}

/// Serves a copy of the sample site with `lang` (empty: nothing set) and breaks one date.
fn broken_preview(lang: &str) -> (support::TempSite, Server) {
    let site = support::copy_sample_site();
    // cd site && bantin serve
    let server = Server::start_in_lang(&site.root, lang, NO_ARGS);
    server.after("broken date", || {
        support::edit(
            &site.root.join(ARTICLE),
            "date: 2024-06-21T16:30:00+07:00",
            "date: 31/02/2024",
        )
    });
    (site, server)
}

#[test]
fn the_overlay_speaks_vietnamese_over_the_last_good_page() {
    let (_site, server) = broken_preview("");
    let seen = overlay_seen(&server);
    let heading = seen["heading"].as_str().unwrap_or_default();
    let text = seen["text"].as_str().unwrap_or_default();
    assert!(
        heading.contains("có lỗi") && heading.contains("lưu lại"),
        "the heading is not Vietnamese: {seen:#}"
    );
    // The diagnostic itself: where, what (in Vietnamese), the bad value, and how to fix it.
    for part in [
        "content/tin-tuc/2024/cum-thi-dua-so-5-so-ket-6-thang-2024.md:",
        "31/02/2024",
        "gợi ý:",
    ] {
        assert!(text.contains(part), "the overlay lacks `{part}`: {seen:#}");
    }
    assert!(
        !text.contains("help:") && !text.contains("is not a valid date"),
        "English in the Vietnamese overlay: {seen:#}"
    );
    assert_eq!(seen["lang"], "vi", "{seen:#}");
    assert!(
        seen["pageTitle"]
            .as_str()
            .is_some_and(|t| t.contains("Liên hiệp")),
        "the last good page is under the overlay: {seen:#}"
    );
}

#[test]
fn the_overlay_speaks_english_when_asked() {
    let (_site, server) = broken_preview("en");
    let seen = overlay_seen(&server);
    let heading = seen["heading"].as_str().unwrap_or_default();
    let text = seen["text"].as_str().unwrap_or_default();
    assert!(
        !heading.contains("có lỗi") && heading.contains("error"),
        "the heading is not English: {seen:#}"
    );
    assert!(
        text.contains("help:") && text.contains("31/02/2024"),
        "{seen:#}"
    );
    assert_eq!(seen["lang"], "en", "{seen:#}");
}
