//! The reader features in a real headless Chromium: takes the sample site (and copies of it with
//! a broken visitor counter) built by the `bantin` binary and served on 127.0.0.1, and gives
//! proof that search, the counter's honest fallback, the text-size control and keyboard access
//! work, that axe-core finds no WCAG 2.1 A/AA violation, and that Lighthouse scores
//! accessibility, best practices and SEO at 0.95 or more (tests/browser/*.mjs do the driving).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::support::{self, Outcome, TempSite, bantin, repo};

const BASE_PATH: &str = "/lhhn-angiang/";

/// The sample site with a `[counter]` block appended, built into `<tmp>/public`.
fn built_copy(counter_endpoint: Option<&str>) -> (TempSite, PathBuf) {
    let site = support::copy_sample_site();
    if let Some(endpoint) = counter_endpoint {
        let toml = site.root.join("site.toml");
        let text = format!(
            "{}\n[counter]\nendpoint = \"{endpoint}\"\n",
            support::read(&toml)
        );
        support::write(&toml, text);
    }
    let out = site.sibling("public");
    let outcome = bantin(
        &site.root,
        [
            "build",
            "--quiet",
            "--output",
            out.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(
        outcome.code,
        0,
        "the build failed:\n{}",
        outcome.transcript()
    );
    (site, out)
}

/// The sample site as it is, built once for every test here.
fn sample() -> &'static Path {
    static SITE: OnceLock<(TempSite, PathBuf)> = OnceLock::new();
    &SITE.get_or_init(|| built_copy(None)).1
}

/// Runs one of the browser scripts and gives its outcome and JSON report.
fn script(name: &str, root: &Path, args: &[&str]) -> (Outcome, serde_json::Value) {
    let mut command = Command::new(support::node());
    command
        .arg(repo().join("tests/browser").join(name))
        .arg("--root")
        .arg(root)
        .args(["--base-path", BASE_PATH])
        .args(args)
        .arg("--chromium")
        .arg(support::chromium());
    let outcome = support::run(command);
    let report = serde_json::from_str(&outcome.stdout).unwrap_or_else(|err| {
        panic!(
            "{name} printed no JSON report ({err}):\n{}",
            outcome.transcript()
        )
    });
    (outcome, report)
}

fn assert_ok(name: &str, outcome: &Outcome, report: &serde_json::Value) {
    assert!(
        outcome.code == 0 && report["ok"] == true,
        "{name} found problems:\n{}",
        serde_json::to_string_pretty(report).unwrap_or_default()
    );
}

/// The first article page the home page links, below the base path.
fn an_article(out: &Path) -> String {
    let home = support::read(&out.join("index.html"));
    let start = home
        .find(&format!("href=\"{BASE_PATH}tin-tuc/"))
        .unwrap_or_else(|| panic!("the home page links no article"));
    let rest = &home[start + "href=\"".len() + BASE_PATH.len() - 1..];
    rest[..rest.find('"').unwrap_or(rest.len())].to_string()
}

#[test]
fn search_text_size_keyboard_and_no_counter_work_in_chromium() {
    let out = sample();
    let (outcome, report) = script(
        "features.mjs",
        out,
        &[
            "--check",
            "search",
            "--check",
            "counter-off",
            "--check",
            "text-size",
            "--check",
            "keyboard",
        ],
    );
    assert_ok("features.mjs", &outcome, &report);
    // The checks ran on real content: many "hữu nghị" hits, and "đường" gave both exact and
    // other-tone matches (otherwise the ordering check would prove nothing).
    let search = &report["results"][0]["details"];
    assert!(search["huuNghi"].as_u64().unwrap_or(0) >= 3, "{search}");
}

#[test]
fn axe_finds_no_wcag_violation_on_the_main_kinds_of_page() {
    let out = sample();
    let article = an_article(out);
    let (outcome, report) = script(
        "features.mjs",
        out,
        &[
            "--check",
            "axe",
            "--page",
            "/",
            "--page",
            &article,
            "--page",
            "/tinh/an-giang/",
            "--page",
            "/tim-kiem/?q=huu+nghi",
            "--page",
            "/trang-nay-khong-co/",
            "--page",
            "/thu-vien-anh/",
            "--page",
            "/thu-vien-anh/mot-ngay-o-truong-dong-thoi-2/",
            "--page",
            "/van-ban/",
            "--page",
            "/van-ban/72-2013-nd-cp/",
        ],
    );
    assert_ok("axe", &outcome, &report);
    let details = &report["results"][0]["details"];
    assert_eq!(
        details.as_object().map_or(0, |d| d.len()),
        9,
        "axe ran on every page: {details}"
    );
}

/// The sample album's lightbox on a phone (features.mjs `album`; the same check as
/// `albums::an_album_builds_passes_the_html_checker_and_axe_and_its_lightbox_works`, on the
/// sample's drawn photos).
#[test]
fn the_sample_albums_lightbox_works_on_a_phone() {
    let (outcome, report) = script(
        "features.mjs",
        sample(),
        &[
            "--check",
            "album",
            "--page",
            "/thu-vien-anh/mot-ngay-o-truong-dong-thoi-2/",
        ],
    );
    assert_ok("album", &outcome, &report);
    assert_eq!(report["results"][0]["details"]["photos"], 5, "{report}");
}

#[test]
fn lighthouse_scores_accessibility_best_practices_and_seo_at_least_095() {
    let out = sample();
    let article = an_article(out);
    let (outcome, report) = script(
        "lighthouse.mjs",
        out,
        &["--page", "/", "--page", &article, "--min", "0.95"],
    );
    assert_ok("lighthouse.mjs", &outcome, &report);
}

/// A port on 127.0.0.1 that nothing listens on.
fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    listener.local_addr().map_or(0, |a| a.port())
}

#[test]
fn a_counter_that_fails_shows_the_honest_fallback_and_is_not_asked_again() {
    let dead = format!("http://127.0.0.1:{}/dem", closed_port());
    for endpoint in [
        "/__test/counter-garbage",
        "/__test/counter-500",
        dead.as_str(),
    ] {
        let (_site, out) = built_copy(Some(endpoint));
        let home = support::read(&out.join("index.html"));
        assert!(
            home.contains(&format!("data-endpoint=\"{endpoint}\"")),
            "the build did not carry the endpoint {endpoint}"
        );
        let (outcome, report) = script("features.mjs", &out, &["--check", "counter-broken"]);
        assert_ok(
            &format!("counter-broken with {endpoint}"),
            &outcome,
            &report,
        );
        let details = &report["results"][0]["details"];
        assert_eq!(details["requests"], 1, "{details}");
        if endpoint.ends_with("garbage") {
            // An answer that is not the contract gives no console line at all.
            assert_eq!(
                details["browserNetworkLog"],
                serde_json::json!([]),
                "{details}"
            );
        }
    }
}

#[test]
fn the_news_sitemap_lists_the_last_two_days_and_passes_its_schema() {
    use chrono::{Duration, FixedOffset, SecondsFormat, Utc};
    let site = support::copy_sample_site();
    let vietnam = FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| panic!("offset"));
    let now = Utc::now().with_timezone(&vietnam);
    for (slug, hours_ago) in [("tin-vua-dang", 3), ("tin-hom-kia", 60)] {
        let date = (now - Duration::hours(hours_ago)).to_rfc3339_opts(SecondsFormat::Secs, false);
        support::write(
            &site.root.join(format!("content/tin-tuc/{slug}.md")),
            format!(
                "---\ntitle: \"Tin thử {slug} & <hữu nghị>\"\nslug: {slug}\ndate: {date}\n---\n\nNội dung.\n"
            ),
        );
    }
    let out = site.sibling("public");
    let outcome = bantin(
        &site.root,
        [
            "build",
            "--quiet",
            "--output",
            out.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());

    let news = support::read(&out.join("sitemap-news.xml"));
    assert!(news.contains("/tin-tuc/tin-vua-dang/</loc>"), "{news}");
    assert!(!news.contains("tin-hom-kia"), "older than two days: {news}");
    assert_eq!(news.matches("<url>").count(), 1, "{news}");
    let robots = support::read(&out.join("robots.txt"));
    assert!(
        robots.contains("Sitemap: https://example.github.io/lhhn-angiang/sitemap-news.xml"),
        "{robots}"
    );
    let mut command = Command::new(support::python());
    command
        .args([
            "-c",
            "import sys\nfrom lxml import etree\n\
             parser = etree.XMLParser(no_network=True)\n\
             schema = etree.XMLSchema(etree.parse(sys.argv[1], parser=parser))\n\
             doc = etree.parse(sys.argv[2], parser=parser)\n\
             schema.assertValid(doc)",
        ])
        .arg(support::tools().join("sitemap-with-news.xsd"))
        .arg(out.join("sitemap-news.xml"));
    let outcome = support::run(command);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());

    // The sample site as it is has nothing from the last two days: no file, no robots line.
    assert!(!sample().join("sitemap-news.xml").exists());
    assert!(!support::read(&sample().join("robots.txt")).contains("sitemap-news"));
}
