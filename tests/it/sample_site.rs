//! End-to-end checks of the bundled sample site (the repository's own site.toml + content/):
//! takes the built binary, gives proof that every page is written, builds are reproducible and
//! leave no stale files, the HTML is valid (vnu), and the pages load cleanly in Chromium.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

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
    slug: Option<String>,
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
            let mut slug = None;
            for line in front_matter(&text) {
                if let Some(value) = line.strip_prefix("draft:") {
                    draft = value.trim() == "true";
                } else if let Some(value) = line.strip_prefix("slug:") {
                    slug = Some(value.trim().trim_matches(['"', '\'']).to_string());
                }
            }
            ArticleFile { path, draft, slug }
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
    let published: Vec<&ArticleFile> = articles.iter().filter(|a| !a.draft).collect();
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
    for draft in articles.iter().filter(|a| a.draft) {
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
    // The bundled site is the showcase: it must build without a single warning.
    assert!(
        outcome.stderr.trim().is_empty(),
        "the sample site builds with warnings:\n{}",
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
    let site = support::empty_site();
    for part in ["site.toml", "content", "static", "templates", "themes"] {
        let from = repo().join(part);
        if from.is_dir() {
            support::copy_tree(&from, &site.root.join(part), &[]);
        } else if from.is_file() {
            support::write(&site.root.join(part), fs::read(&from).unwrap_or_default());
        }
    }
    let out = site.sibling("out");
    let first = build(&site.root, &out);
    assert_eq!(first.code, 0, "first build failed:\n{}", first.transcript());
    let before = article_pages(&out);

    let victim = article_files(&site.root)
        .into_iter()
        .rev()
        .find(|a| !a.draft)
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
    let mut command = Command::new(support::java());
    command
        .arg("-jar")
        .arg(support::vnu_jar())
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(out);
    let outcome = support::run(command);
    let messages = format!("{}{}", outcome.stdout, outcome.stderr);
    assert!(
        outcome.code == 0 && messages.trim().is_empty(),
        "vnu found errors in {pages} pages (exit {}):\n{}",
        outcome.code,
        messages.replace(&format!("\"file:{}/", out.display()), "\"")
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

/// The path part of the sample site's base_url ("/lhhn-angiang/").
fn base_path() -> String {
    let config: toml::Table = support::read(&repo().join("site.toml"))
        .parse()
        .unwrap_or_else(|err| panic!("site.toml does not parse: {err}"));
    let url = config
        .get("base_url")
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("site.toml has no base_url"));
    base_path_of(url)
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
