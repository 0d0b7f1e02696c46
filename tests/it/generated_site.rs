//! The benchmark's synthetic news site (`bantin-bench generate`) through the same checks as the
//! sample site: takes a generated corpus (hundreds of articles over 63 provinces, 325 tags, six
//! categories, every date form, aliases), gives proof that its build is valid HTML (vnu), that
//! every feed and the sitemap pass their checkers, and that no internal link is broken — so the
//! pages the benchmark times are the pages a real portal gets.
//!
//! `BANTIN_CHECK_ARTICLES=10000 cargo test --test it generated_site` runs it at benchmark size
//! (BENCHMARKS.md records that run); the default keeps the suite quick.

use std::ffi::OsStr;

use crate::links;
use crate::support::{self, Tree, bantin};

/// The benchmark's corpus generator, compiled in: the benchmark is a crate of its own (bench/),
/// which depends on bantin, so bantin's tests cannot depend on it (nor run its binary).
/// Only part of it is used here.
#[allow(dead_code)]
#[path = "../../bench/src/corpus.rs"]
mod corpus;

use corpus::BASE_URL;

#[test]
fn a_generated_news_site_passes_the_html_feed_sitemap_and_link_checks() {
    let articles: usize = std::env::var("BANTIN_CHECK_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = (tmp.path().join("site"), tmp.path().join("out"));
    // What `bantin-bench generate --articles N --out DIR` does.
    let vocabulary = corpus::Vocabulary::from_dir(&support::repo().join("content"))
        .unwrap_or_else(|e| panic!("{e}"));
    corpus::generate(articles, corpus::DEFAULT_SEED, &vocabulary)
        .and_then(|c| c.write(&site))
        .unwrap_or_else(|e| panic!("{e}"));
    let built = bantin(
        tmp.path(),
        [
            OsStr::new("build"),
            OsStr::new("--quiet"),
            OsStr::new("--source"),
            site.as_os_str(),
            OsStr::new("--output"),
            out.as_os_str(),
        ],
    );
    assert_eq!(built.code, 0, "{}", built.transcript());
    let tree = Tree::of(&out);
    let pages = tree.files().iter().filter(|f| f.ends_with(".html")).count();
    assert!(
        pages > articles,
        "{pages} pages for {articles} articles: lists are missing"
    );

    let mut failures = Vec::new();
    let vnu = support::vnu(&out);
    let messages = format!("{}{}", vnu.stdout, vnu.stderr);
    if vnu.code != 0 || !messages.trim().is_empty() {
        failures.push(format!("vnu, {pages} pages:\n{}", head(&messages)));
    }
    let feeds = support::feed_checker(&out, BASE_URL);
    if feeds.code != 0 {
        failures.push(format!("feeds:\n{}", head(&feeds.transcript())));
    }
    let sitemap = support::sitemap_checker(&out, BASE_URL);
    if sitemap.code != 0 {
        failures.push(format!("sitemap:\n{}", head(&sitemap.transcript())));
    }
    let broken = links::check(&out, BASE_URL);
    if !broken.is_empty() {
        failures.push(format!(
            "{} broken internal references:\n{}",
            broken.len(),
            head(&broken.join("\n"))
        ));
    }
    assert!(
        failures.is_empty(),
        "the generated site of {articles} articles ({} files) fails:\n{}",
        tree.files().len(),
        failures.join("\n")
    );
    println!(
        "{articles} articles: {pages} HTML pages, {} files: vnu, feeds, sitemap and links pass",
        tree.files().len()
    );
}

/// The first 40 lines: enough to see what is wrong without flooding the log.
fn head(text: &str) -> String {
    text.lines().take(40).collect::<Vec<_>>().join("\n")
}
