//! End-to-end checks of the bundled sample site (the repository's own site.toml + content/):
//! takes the built binary, gives proof that every page is written, builds are reproducible and
//! leave no stale files, the HTML is valid (vnu), every feed and the sitemap pass their checkers
//! (tests/tools/*.py), no internal link, image or #fragment is broken, and the pages load
//! cleanly in Chromium.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::links;
use crate::support::{self, Outcome, Tree, bantin, repo};

/// The home page's HTML + CSS + JS (every same-origin request that is not an image), in bytes.
const HOME_PAGE_BUDGET: u64 = 100_000;

/// One build of the sample site, shared by the tests of this module (they run in parallel
/// threads; the first one to ask builds). It goes to cargo's scratch folder for integration
/// tests, emptied first, so a failing run can be inspected afterwards.
struct Built {
    out: PathBuf,
    outcome: Outcome,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample-site");
        if out.exists() {
            fs::remove_dir_all(&out)
                .unwrap_or_else(|err| panic!("cannot empty {}: {err}", out.display()));
        }
        let outcome = build(repo(), &out);
        Built { out, outcome }
    })
}

/// The output folder of the shared build, after checking that the build succeeded.
fn output() -> &'static Path {
    let built = built();
    assert_eq!(
        built.outcome.code,
        0,
        "building the sample site failed:\n{}",
        built.outcome.transcript()
    );
    &built.out
}

fn build(source: &Path, out: &Path) -> Outcome {
    let cwd = out.parent().unwrap_or(Path::new("/"));
    let args = [
        OsStr::new("build"),
        OsStr::new("--source"),
        source.as_os_str(),
    ];
    bantin(
        cwd,
        args.into_iter()
            .chain([OsStr::new("--output"), out.as_os_str()]),
    )
}

/// An article source file and what its front-matter says about publishing it.
struct ArticleFile {
    path: PathBuf,
    draft: bool,
    /// Dated after today: held back until then.
    future: bool,
    slug: Option<String>,
}

impl ArticleFile {
    fn published(&self) -> bool {
        !self.draft && !self.future
    }
}

/// (year, month, day) of a `date:` value in any of the sample site's forms: `2024-06-21…`,
/// `21/06/2024 …`, `21.06.2024`.
fn ymd(value: &str) -> Option<(u32, u32, u32)> {
    let numbers: Vec<u32> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .take(3)
        .filter_map(|part| part.parse().ok())
        .collect();
    match numbers.as_slice() {
        [y, m, d] if *y > 31 => Some((*y, *m, *d)),
        [d, m, y] => Some((*y, *m, *d)),
        _ => None,
    }
}

/// Today's (year, month, day) in UTC; a day's difference from Vietnam's date does not matter here.
fn today() -> (u32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as u32, month as u32, day as u32)
}

/// Every article under `<source>/content/tin-tuc`, sorted by path. The front-matter is only
/// scanned for the top-level `draft:` and `slug:` lines; parsing it properly is bantin's job.
fn article_files(source: &Path) -> Vec<ArticleFile> {
    let mut files = Vec::new();
    collect_markdown(&source.join("content/tin-tuc"), &mut files);
    files
        .into_iter()
        .map(|path| {
            let text = support::read(&path);
            let mut draft = false;
            let mut future = false;
            let mut slug = None;
            for line in front_matter(&text) {
                if let Some(value) = line.strip_prefix("date:") {
                    future = ymd(value).is_some_and(|date| date > today());
                } else if let Some(value) = line.strip_prefix("draft:") {
                    draft = value.trim() == "true";
                } else if let Some(value) = line.strip_prefix("slug:") {
                    slug = Some(value.trim().trim_matches(['"', '\'']).to_string());
                }
            }
            ArticleFile {
                path,
                draft,
                future,
                slug,
            }
        })
        .collect()
}

fn collect_markdown(dir: &Path, files: &mut Vec<PathBuf>) {
    for path in support::read_dir_sorted(dir) {
        if path.is_dir() {
            collect_markdown(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "md")
            && !matches!(
                path.file_name().and_then(|n| n.to_str()),
                Some("index.md" | "_index.md")
            )
        {
            files.push(path);
        }
    }
}

/// The lines between the opening and closing `---`.
fn front_matter(text: &str) -> Vec<&str> {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    lines.take_while(|line| line.trim_end() != "---").collect()
}

/// The slugs of the article pages in an output folder: `tin-tuc/<slug>/index.html`.
fn article_pages(out: &Path) -> Vec<String> {
    let dir = out.join("tin-tuc");
    if !dir.is_dir() {
        return Vec::new();
    }
    support::read_dir_sorted(&dir)
        .into_iter()
        .filter(|path| path.join("index.html").is_file())
        .filter_map(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn writes_every_page() {
    let out = output();
    let mut missing: Vec<String> = [
        "index.html",
        "404.html",
        "gioi-thieu/index.html",
        "lien-he/index.html",
    ]
    .iter()
    .filter(|page| !out.join(page).is_file())
    .map(|page| page.to_string())
    .collect();

    let articles = article_files(repo());
    let published: Vec<&ArticleFile> = articles.iter().filter(|a| a.published()).collect();
    assert!(
        !published.is_empty(),
        "the sample site has no published article under content/tin-tuc"
    );
    for article in &published {
        if let Some(slug) = &article.slug {
            let page = format!("tin-tuc/{slug}/index.html");
            if !out.join(&page).is_file() {
                missing.push(format!("{page} (from {})", article.path.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "pages missing from {}: {missing:#?}",
        out.display()
    );

    let pages = article_pages(out);
    assert_eq!(
        pages.len(),
        published.len(),
        "{} published article files but {} article pages (is one dated in the future?): {pages:#?}",
        published.len(),
        pages.len()
    );
    for draft in articles.iter().filter(|a| !a.published()) {
        if let Some(slug) = &draft.slug {
            assert!(
                !pages.contains(slug),
                "draft {} was published",
                draft.path.display()
            );
        }
    }
}

#[test]
fn prints_one_summary_line() {
    let outcome = &built().outcome;
    output();
    let stdout = outcome.stdout.trim();
    assert_eq!(
        stdout.lines().count(),
        1,
        "a successful build should print exactly one summary line:\n{}",
        outcome.transcript()
    );
    // The bundled site is the showcase: its only warning is the deliberate one, an article
    // dated after the 2025 merger that still names Kiên Giang.
    assert_eq!(
        outcome.stderr.matches("content::").count(),
        1,
        "the sample site should build with exactly one warning:\n{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("content::former-province")
            && outcome
                .stderr
                .contains("trao-hoc-bong-dau-nam-hoc-xa-bien-gioi.md"),
        "unexpected warning:\n{}",
        outcome.stderr
    );
    assert!(
        stdout.chars().any(|c| c.is_ascii_digit()),
        "the summary line should count what was built: {stdout:?}"
    );
}

#[test]
fn builds_are_byte_identical() {
    let first = Tree::of(output());
    let tmp = support::empty_site();
    let again = tmp.sibling("out");
    let outcome = build(repo(), &again);
    assert_eq!(
        outcome.code,
        0,
        "second build failed:\n{}",
        outcome.transcript()
    );
    first.assert_same(&Tree::of(&again), "two builds of the sample site");
}

#[test]
fn rebuild_after_deleting_an_article_leaves_no_stale_page() {
    let site = support::copy_sample_site();
    let out = site.sibling("out");
    let first = build(&site.root, &out);
    assert_eq!(first.code, 0, "first build failed:\n{}", first.transcript());
    let before = article_pages(&out);

    let victim = article_files(&site.root)
        .into_iter()
        .rev()
        .find(ArticleFile::published)
        .unwrap_or_else(|| panic!("no published article to delete"));
    fs::remove_file(&victim.path)
        .unwrap_or_else(|err| panic!("cannot delete {}: {err}", victim.path.display()));

    let second = build(&site.root, &out);
    assert_eq!(second.code, 0, "rebuild failed:\n{}", second.transcript());
    let after = article_pages(&out);
    let gone: Vec<&String> = before.iter().filter(|slug| !after.contains(slug)).collect();
    assert_eq!(
        gone.len(),
        1,
        "deleting {} should remove exactly one article page; gone: {gone:?}",
        victim.path.display()
    );
    if let Some(slug) = &victim.slug {
        assert_eq!(gone[0], slug);
    }

    // The rebuilt folder must equal a clean build of the same source, byte for byte.
    let clean = site.sibling("clean");
    let outcome = build(&site.root, &clean);
    assert_eq!(
        outcome.code,
        0,
        "clean build failed:\n{}",
        outcome.transcript()
    );
    Tree::of(&clean).assert_same(&Tree::of(&out), "clean build vs rebuild in place");
}

#[test]
fn html_passes_the_nu_checker() {
    let out = output();
    let pages = Tree::of(out)
        .files()
        .iter()
        .filter(|f| f.ends_with(".html"))
        .count();
    assert!(pages > 0, "no HTML pages in {}", out.display());
    let outcome = support::vnu(out);
    let messages = format!("{}{}", outcome.stdout, outcome.stderr);
    assert!(
        outcome.code == 0 && messages.trim().is_empty(),
        "vnu found errors in {pages} pages (exit {}):\n{}",
        outcome.code,
        messages.replace(&format!("\"file:{}/", out.display()), "\"")
    );
}

#[test]
fn feeds_pass_the_feed_checker() {
    let out = output();
    // Asia/Ho_Chi_Minh has been UTC+7 all year since 1975: every feed date must say +07:00.
    let timezone = config_string("timezone").unwrap_or_else(|| "Asia/Ho_Chi_Minh".to_string());
    assert_eq!(
        timezone, "Asia/Ho_Chi_Minh",
        "the sample site's timezone changed"
    );
    let outcome = support::feed_checker(out, &base_url());
    assert_eq!(
        outcome.code,
        0,
        "the feeds of the sample site fail the feed checker:\n{}",
        outcome.transcript()
    );
}

#[test]
fn sitemap_passes_the_schema_and_lists_existing_pages() {
    let out = output();
    let outcome = support::sitemap_checker(out, &base_url());
    assert_eq!(
        outcome.code,
        0,
        "the sitemap of the sample site fails the sitemap checker:\n{}",
        outcome.transcript()
    );
}

#[test]
fn no_internal_link_image_or_fragment_is_broken() {
    let out = output();
    let problems = links::check(out, &base_url());
    assert!(
        problems.is_empty(),
        "{} broken internal references in {}:\n{}",
        problems.len(),
        out.display(),
        problems.join("\n")
    );
}

/// The three checkers above pass the real site only if they can fail on it: break a copy of
/// the built site the ways a bug in bantin would, and each checker must name the damage.
#[test]
fn the_checkers_catch_damage_to_a_copy_of_the_sample_site() {
    let out = output();
    let tmp = support::empty_site();
    let copy = tmp.sibling("out");
    support::copy_tree(out, &copy, &[]);
    let base_url = base_url();

    // The newest article: the first item link of the site's RSS feed.
    let rss = support::read(&copy.join("rss.xml"));
    let newest = rss
        .split_once("<item>")
        .and_then(|(_, item)| item.split_once("<link>"))
        .and_then(|(_, rest)| rest.split_once("</link>"))
        .map(|(link, _)| link.trim().to_string())
        .unwrap_or_else(|| panic!("rss.xml has no <item> with a <link>"));
    let newest_rel = newest
        .strip_prefix(&base_url)
        .unwrap_or_else(|| panic!("{newest} is not under {base_url}"))
        .to_string();
    fs::remove_dir_all(copy.join(&newest_rel))
        .unwrap_or_else(|err| panic!("cannot delete {newest_rel}: {err}"));
    fs::remove_file(copy.join("css/site.css"))
        .unwrap_or_else(|err| panic!("cannot delete css/site.css: {err}"));
    let home = support::read(&copy.join("index.html"));
    assert!(
        home.contains("id=\"noi-dung\""),
        "the home page lost its #noi-dung skip-link target"
    );
    support::write(
        &copy.join("index.html"),
        home.replace("id=\"noi-dung\"", ""),
    );

    let gone = format!("no file {newest_rel}index.html in the output");
    let links = links::check(&copy, &base_url);
    for want in [
        gone.as_str(),
        "no file css/site.css in the output",
        "no id=\"noi-dung\" in index.html",
    ] {
        assert!(
            links.iter().any(|line| line.contains(want)),
            "the link check missed {want:?}; it found:\n{}",
            links.join("\n")
        );
    }

    let feeds = support::python_checker(
        "check_feeds.py",
        [
            OsStr::new("--base-url"),
            OsStr::new(&base_url),
            copy.as_os_str(),
        ],
    );
    assert!(
        feeds.code == 1 && feeds.stdout.contains(&gone),
        "the feed checker missed the deleted article {newest_rel}:\n{}",
        feeds.transcript()
    );

    let sitemap = support::sitemap_checker(&copy, &base_url);
    assert!(
        sitemap.code == 1
            && sitemap
                .stdout
                .contains(&format!("<loc> {newest} does not exist")),
        "the sitemap checker missed the deleted article {newest_rel}:\n{}",
        sitemap.transcript()
    );
}

/// The browser report for the home page and the first article, shared by the browser tests.
fn browser_report() -> &'static (Outcome, serde_json::Value) {
    static REPORT: OnceLock<(Outcome, serde_json::Value)> = OnceLock::new();
    REPORT.get_or_init(|| {
        let out = output();
        let article = article_pages(out)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no article page under {}/tin-tuc", out.display()));
        let mut command = Command::new(support::node());
        command
            .arg(repo().join("tests/browser/check.mjs"))
            .arg("--root")
            .arg(out)
            .args(["--base-path", &base_path(), "--page", "/"])
            .args(["--page", &format!("/tin-tuc/{article}/")])
            .arg("--chromium")
            .arg(support::chromium());
        let outcome = support::run(command);
        let report = serde_json::from_str(&outcome.stdout).unwrap_or_else(|err| {
            panic!(
                "the browser check printed no JSON report ({err}):\n{}",
                outcome.transcript()
            )
        });
        (outcome, report)
    })
}

/// A top-level string of the sample site's site.toml.
fn config_string(key: &str) -> Option<String> {
    let config: toml::Table = support::read(&repo().join("site.toml"))
        .parse()
        .unwrap_or_else(|err| panic!("site.toml does not parse: {err}"));
    config.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

/// The sample site's base_url ("https://example.github.io/lhhn-angiang/").
fn base_url() -> String {
    config_string("base_url").unwrap_or_else(|| panic!("site.toml has no base_url"))
}

/// The path part of the sample site's base_url ("/lhhn-angiang/").
fn base_path() -> String {
    base_path_of(&base_url())
}

fn base_path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

#[test]
fn pages_load_cleanly_in_chromium() {
    let (outcome, report) = browser_report();
    let mut problems = Vec::new();
    for result in report["results"].as_array().into_iter().flatten() {
        for problem in result["problems"].as_array().into_iter().flatten() {
            problems.push(format!(
                "{} [{}]: {}",
                result["page"].as_str().unwrap_or("?"),
                result["view"].as_str().unwrap_or("?"),
                problem.as_str().unwrap_or("?")
            ));
        }
    }
    assert!(
        outcome.code == 0 && problems.is_empty(),
        "the browser check failed (exit {}):\n{}\nfull report:\n{}",
        outcome.code,
        problems.join("\n"),
        outcome.transcript()
    );
}

#[test]
fn home_page_fits_the_weight_budget() {
    let (outcome, report) = browser_report();
    let homes: Vec<&serde_json::Value> = report["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["page"] == "/")
        .collect();
    assert!(
        !homes.is_empty(),
        "no home page in the browser report:\n{}",
        outcome.transcript()
    );
    for home in homes {
        let total = home["weight"]["total"].as_u64().unwrap_or(u64::MAX);
        assert!(
            total <= HOME_PAGE_BUDGET,
            "home page [{}] loads {total} bytes of HTML/CSS/JS, over the {HOME_PAGE_BUDGET}-byte \
             budget: {}",
            home["view"].as_str().unwrap_or("?"),
            home["weight"]["byType"]
        );
    }
}

#[test]
fn base_path_of_takes_the_path_of_base_url() {
    let cases = [
        ("https://example.github.io/lhhn-angiang/", "/lhhn-angiang/"),
        ("https://example.github.io/lhhn-angiang", "/lhhn-angiang/"),
        ("https://tintuc.angiang.gov.vn/", "/"),
        ("https://tintuc.angiang.gov.vn", "/"),
        ("https://x.io/a/b/?q=1", "/a/b/"),
    ];
    for (url, want) in cases {
        assert_eq!(base_path_of(url), want, "{url}");
    }
}
