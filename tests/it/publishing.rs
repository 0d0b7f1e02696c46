//! What gets published: takes a small generated site with a draft, a future-dated article, a
//! site-level template and static override, and gives proof that drafts and scheduled articles
//! stay out unless asked for, that every link carries the base_url's path, and that the site's
//! own files override the theme's.

use crate::support::{self, TempSite, bantin};

/// The settings of the test site; `support::site_toml` adds the legal footer block.
const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/cong/"
province = "Cần Thơ"

[[menu]]
name = "Trang chủ"
url = "/"
"#;

fn article(title: &str, date: &str, extra: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\n{extra}---\n\nĐoạn mở đầu của bài {title}.\n")
}

fn site() -> TempSite {
    let site = support::empty_site();
    support::write(&site.root.join("site.toml"), support::site_toml(SETTINGS));
    let news = site.root.join("content/tin-tuc");
    support::write(
        &news.join("da-dang.md"),
        article("Bài đã đăng", "01/03/2024 08:00", ""),
    );
    support::write(
        &news.join("nhap.md"),
        article("Bài nháp", "02/03/2024", "draft: true\n"),
    );
    support::write(
        &news.join("sap-dang.md"),
        article("Bài hẹn giờ", "01/01/2999 07:00", ""),
    );
    site
}

fn build(site: &TempSite, flags: &[&str]) -> Vec<String> {
    let mut args = vec!["build", "--source", "site", "--output", "out"];
    args.extend_from_slice(flags);
    let outcome = bantin(site.tmp.path(), args);
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    let mut pages: Vec<String> = support::Tree::of(&site.sibling("out"))
        .files()
        .into_iter()
        .filter(|f| f.starts_with("tin-tuc/"))
        .map(str::to_string)
        .collect();
    pages.sort();
    pages
}

#[test]
fn drafts_and_future_articles_are_held_back_unless_asked_for() {
    let site = site();
    assert_eq!(build(&site, &[]), ["tin-tuc/bai-da-dang/index.html"]);
    let home = support::read(&site.sibling("out/index.html"));
    assert!(home.contains("Bài đã đăng"));
    assert!(
        !home.contains("Bài nháp") && !home.contains("Bài hẹn giờ"),
        "held-back articles listed on the home page"
    );

    assert_eq!(
        build(&site, &["--drafts", "--future"]),
        [
            "tin-tuc/bai-da-dang/index.html",
            "tin-tuc/bai-hen-gio/index.html",
            "tin-tuc/bai-nhap/index.html"
        ]
    );
    // Building again without the flags removes the pages it no longer publishes.
    assert_eq!(build(&site, &[]), ["tin-tuc/bai-da-dang/index.html"]);
}

#[test]
fn every_internal_link_carries_the_base_path() {
    let site = site();
    build(&site, &[]);
    for page in ["index.html", "404.html", "tin-tuc/bai-da-dang/index.html"] {
        let html = support::read(&site.sibling("out").join(page));
        for attr in ["href=\"", "src=\""] {
            for (i, _) in html.match_indices(attr) {
                let url = &html[i + attr.len()..];
                let url = &url[..url.find('"').unwrap_or(url.len())];
                if url.starts_with('/') {
                    assert!(
                        url.starts_with("/cong/"),
                        "{page}: {url} misses the base path /cong/"
                    );
                }
            }
        }
    }
    let html = support::read(&site.sibling("out/tin-tuc/bai-da-dang/index.html"));
    assert!(
        html.contains("https://example.org/cong/tin-tuc/bai-da-dang/"),
        "canonical URL"
    );
}

#[test]
fn the_site_overrides_theme_templates_and_static_files() {
    let site = site();
    support::write(
        &site.root.join("templates/404.html"),
        "<!doctype html><title>x</title><p>Riêng của trang: {{ site.title }}</p>",
    );
    support::write(&site.root.join("static/css/site.css"), "body{color:#000}");
    build(&site, &[]);
    let out = site.sibling("out");
    assert_eq!(
        support::read(&out.join("404.html")),
        "<!doctype html><title>x</title><p>Riêng của trang: Liên hiệp thử nghiệm</p>"
    );
    assert_eq!(support::read(&out.join("css/site.css")), "body{color:#000}");
    // Theme files the site does not override are still there.
    assert!(out.join("css/highlight.css").is_file());
}

#[test]
fn a_menu_link_to_a_missing_page_is_an_error_in_site_toml() {
    let site = site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(SETTINGS).replace("url = \"/\"", "url = \"/gioi-thieu/\""),
    );
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stderr.contains("site.toml:7:7"),
        "{}",
        outcome.transcript()
    );
    assert!(outcome.stderr.contains("/gioi-thieu/"));
    assert!(!site.sibling("out").exists());
}

#[test]
fn scheduled_and_expired_articles_and_the_next_publish_file() {
    let site = site();
    let news = site.root.join("content/tin-tuc");
    support::write(
        &news.join("het-han.md"),
        article("Thông báo hết hạn", "01/01/2024", "expires: 02/01/2024\n"),
    );
    support::write(
        &news.join("sap-het-han.md"),
        article(
            "Thông báo còn hạn",
            "01/01/2024",
            "expires: 01/01/2998 09:00\n",
        ),
    );
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let pages = support::Tree::of(&site.sibling("out"))
        .files()
        .into_iter()
        .filter(|f| f.starts_with("tin-tuc/"))
        .map(str::to_string)
        .collect::<Vec<_>>();
    assert!(pages.contains(&"tin-tuc/thong-bao-con-han/index.html".to_string()));
    assert!(
        !pages
            .iter()
            .any(|p| p.contains("het-han/") && !p.contains("con-han")),
        "{pages:?}"
    );
    // The summary counts what was held back and says when the site next changes by itself:
    // the first of "Bài hẹn giờ" (2999) and the expiry of "Thông báo còn hạn" (2998).
    let summary = outcome.stdout.trim();
    assert!(
        summary.contains("held back: 1 scheduled, 1 draft, 1 expired"),
        "{summary}"
    );
    assert!(
        summary.contains("next change due 01/01/2998 09:00"),
        "{summary}"
    );
    assert_eq!(
        support::read(&site.sibling("out/next-publish.txt")),
        "2998-01-01T09:00:00+07:00\n"
    );
    // With nothing scheduled, the file is empty.
    for file in ["sap-dang.md", "sap-het-han.md"] {
        std::fs::remove_file(news.join(file)).unwrap_or_else(|e| panic!("{e}"));
    }
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert_eq!(support::read(&site.sibling("out/next-publish.txt")), "");
    assert!(
        !outcome.stdout.contains("next change"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn long_builds_report_progress_in_plain_lines_and_quiet_hides_it() {
    let site = site();
    let news = site.root.join("content/tin-tuc");
    for n in 0..1100 {
        support::write(
            &news.join(format!("hang-loat/{n:04}.md")),
            article(&format!("Tin số {n:04}"), "2024-03-01", ""),
        );
    }
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    // Not a terminal here (as in CI): plain lines for the long stages, on stderr.
    for line in ["reading: 0/1103", "reading: 551/1103", "rendering: 0/"] {
        assert!(
            outcome.stderr.contains(line),
            "no {line:?} in:\n{}",
            outcome.stderr
        );
    }
    assert_eq!(
        outcome.stdout.trim().lines().count(),
        1,
        "one summary line:\n{}",
        outcome.stdout
    );
    let quiet = bantin(
        site.tmp.path(),
        ["build", "--quiet", "--source", "site", "--output", "out"],
    );
    assert_eq!(quiet.code, 0);
    assert!(
        quiet.stdout.is_empty() && quiet.stderr.is_empty(),
        "{}",
        quiet.transcript()
    );
}

/// Upload tools (rsync, S3 sync, a CDN) send what changed: a rebuild writes only the files whose
/// bytes differ, leaves the others untouched (same inode, same time), removes what is gone, and
/// ends with exactly what a build into an empty folder gives.
#[test]
fn a_rebuild_writes_only_the_files_whose_bytes_changed() {
    use std::os::unix::fs::MetadataExt;
    let site = site();
    let news = site.root.join("content/tin-tuc");
    for n in 0..30 {
        support::write(
            &news.join(format!("bai-{n:02}.md")),
            article(
                &format!("Tin số {n:02}"),
                &format!("{:02}/02/2024", n % 28 + 1),
                "",
            ),
        );
    }
    let build = |out: &str| {
        let outcome = bantin(
            site.tmp.path(),
            ["build", "--source", "site", "--output", out],
        );
        assert_eq!(outcome.code, 0, "{}", outcome.transcript());
        outcome.stdout
    };
    let first = build("out");
    assert!(!first.contains("output updated"), "{first}");
    let out = site.tmp.path().join("out");
    let stamp = |rel: &str| {
        let m = std::fs::metadata(out.join(rel)).unwrap();
        (m.ino(), m.mtime_nsec(), m.mtime())
    };
    let untouched = "tin-tuc/tin-so-03/index.html";
    let before = stamp(untouched);
    // Every file but bantin's list of the files it wrote, which is not counted as one of them.
    let files = support::Tree::of(&out).files().len() - 1;
    assert!(out.join(".bantin-manifest.json").is_file());

    let again = build("out");
    assert!(
        again.contains(&format!(
            "output updated: 0 files written, {files} unchanged, 0 removed"
        )),
        "{again}"
    );
    assert_eq!(stamp(untouched), before);

    // One article's body changes and another is deleted.
    support::edit(&news.join("bai-17.md"), "Đoạn mở đầu", "Đoạn mở đầu đã sửa");
    std::fs::remove_file(news.join("bai-20.md")).unwrap();
    let edited = build("out");
    let line = edited
        .lines()
        .find(|l| l.starts_with("output updated"))
        .unwrap_or_else(|| panic!("{edited}"));
    let count = |what: &str| -> usize {
        line.split(", ")
            .find(|part| part.ends_with(what))
            .and_then(|part| part.split_whitespace().rev().nth(what.split(' ').count()))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no {what:?} in {line:?}"))
    };
    let (written, removed) = (count("files written"), count("removed"));
    assert!(
        written > 0 && written < files / 2,
        "an edit rewrites the pages that show it, not the site: {line}"
    );
    assert!(removed >= 1, "the deleted article's page goes: {line}");
    assert!(!out.join("tin-tuc/tin-so-20").exists());
    assert_eq!(
        stamp(untouched),
        before,
        "a page the edit does not touch stays as it was"
    );
    assert!(support::read(&out.join("tin-tuc/tin-so-17/index.html")).contains("đã sửa"));

    build("fresh");
    support::Tree::of(&out).assert_same(
        &support::Tree::of(&site.tmp.path().join("fresh")),
        "an updated output and a fresh build",
    );
}
