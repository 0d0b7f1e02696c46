//! The benchmark's synthetic news site (`bantin-bench generate`) through the same checks as the
//! sample site: takes a generated corpus (hundreds of articles over 63 provinces, 325 tags, six
//! categories, every date form, aliases), gives proof that its build is valid HTML (vnu), that
//! every feed and the sitemap pass their checkers, and that no internal link is broken — so the
//! pages the benchmark times are the pages a real portal gets.
//!
//! `BANTIN_CHECK_ARTICLES=10000 cargo test --test it generated_site` runs it at benchmark size
//! (BENCHMARKS.md records that run); the default keeps the suite quick.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::Command;

use crate::links;
use crate::support::{self, Tree, bantin};

/// The corpus's base_url (src/bin/bantin-bench/corpus.rs).
const BASE_URL: &str = "https://bench.example/lhhn/";

#[test]
fn a_generated_news_site_passes_the_html_feed_sitemap_and_link_checks() {
    let articles: usize = std::env::var("BANTIN_CHECK_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = (tmp.path().join("site"), tmp.path().join("out"));
    let generated = support::run({
        let mut c = Command::new(env!("CARGO_BIN_EXE_bantin-bench"));
        c.args(["generate", "--articles", &articles.to_string(), "--out"])
            .arg(&site);
        c
    });
    assert_eq!(generated.code, 0, "{}", generated.transcript());
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
    let vnu = support::run({
        let mut c = Command::new(support::java());
        c.arg("-Xss4m")
            .arg("-jar")
            .arg(support::vnu_jar())
            .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
            .arg(&out);
        c
    });
    let messages = format!("{}{}", vnu.stdout, vnu.stderr);
    if vnu.code != 0 || !messages.trim().is_empty() {
        failures.push(format!("vnu, {pages} pages:\n{}", head(&messages)));
    }
    let feeds = support::python_checker(
        "check_feeds.py",
        [
            OsStr::new("--base-url"),
            OsStr::new(BASE_URL),
            OsStr::new("--offset"),
            OsStr::new("+07:00"),
            OsStr::new("--require"),
            OsStr::new("rss.xml"),
            OsStr::new("--require"),
            OsStr::new("atom.xml"),
            OsStr::new("--lists"),
            OsStr::new("tinh,the,chuyen-muc"),
            out.as_os_str(),
        ],
    );
    if feeds.code != 0 {
        failures.push(format!("feeds:\n{}", head(&feeds.transcript())));
    }
    let mut args = vec![OsStr::new("--base-url").to_owned(), BASE_URL.into()];
    args.extend(
        support::sitemap_schema_args()
            .into_iter()
            .map(PathBuf::into_os_string),
    );
    args.push(out.as_os_str().to_owned());
    let sitemap = support::python_checker("check_sitemap.py", args);
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
