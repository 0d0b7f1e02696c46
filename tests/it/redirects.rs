//! Old addresses of a portal that moved to bantin (issue 14): takes a small site whose article
//! and page have old addresses with a query string (`/?p=123`, `/index.php?page_id=5`, as
//! WordPress had) and whose site.toml has `[redirects]`, gives proof that the build writes the
//! redirect map, the `_redirects` lines and the redirect pages, that the home page and the 404
//! page follow the map in a real Chromium (at the domain's root and under a base path), and
//! that `bantin check --old-urls` tells kept old addresses from lost ones, with the closest.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{self, Outcome, TempSite, bantin, repo};

const ARTICLE: &str = "---
title: Hội nghị tổng kết công tác hữu nghị năm 2024
date: 20/12/2024 08:00
slug: hoi-nghi-tong-ket
category: Tin tức hoạt động
aliases: [\"/?p=123\", /2019/05/hoi-nghi-tong-ket/]
---

Liên hiệp các tổ chức hữu nghị thành phố tổng kết công tác năm 2024.
";

const OTHER: &str = "---
title: Gặp mặt kiều bào về quê đón Tết
date: 20/01/2025 09:00
slug: gap-mat-kieu-bao
category: Tin tức hoạt động
---

Kiều bào về quê đón Tết Ất Tỵ.
";

const PAGE: &str = "---
title: Giới thiệu
aliases: [\"/index.php?page_id=5\"]
---

Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ.
";

/// The old WordPress lists and feed, as the importer writes them into site.toml.
const REDIRECTS: &str = r#"
[redirects]
"/category/tin-tuc/" = "/chuyen-muc/tin-tuc-hoat-dong/"
"/?cat=3" = "/chuyen-muc/tin-tuc-hoat-dong/"
"/feed/" = "/rss.xml"
"/lien-ket/vufo/" = "https://vufo.org.vn/"
"#;

/// The test site at `base_url`, its article with `aliases` (a YAML list) and `redirects`
/// appended to site.toml.
fn site(base_url: &str, aliases: &str, redirects: &str) -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "title = \"Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ\"\nbase_url = \"{base_url}\"\nprovince = \"Cần Thơ\"\n{redirects}"
        )),
    );
    let news = site.root.join("content/tin-tuc");
    support::write(
        &news.join("hoi-nghi.md"),
        ARTICLE.replace("[\"/?p=123\", /2019/05/hoi-nghi-tong-ket/]", aliases),
    );
    support::write(&news.join("gap-mat.md"), OTHER);
    support::write(&site.root.join("content/gioi-thieu.md"), PAGE);
    site
}

const ALIASES: &str = "[\"/?p=123\", /2019/05/hoi-nghi-tong-ket/]";

fn build(site: &TempSite) -> PathBuf {
    let out = site.sibling("out");
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(
        outcome.code,
        0,
        "the build failed:\n{}",
        outcome.transcript()
    );
    out
}

#[test]
fn query_addresses_and_redirects_give_the_map_the_lines_and_the_pages() {
    let site = site("https://example.org/cong/", ALIASES, REDIRECTS);
    let out = build(&site);

    let map: serde_json::Value =
        serde_json::from_str(&support::read(&out.join("redirects.json"))).unwrap_or_default();
    assert_eq!(
        map,
        serde_json::json!({
            "/?p=123": "/cong/tin-tuc/hoi-nghi-tong-ket/",
            "/index.php?page_id=5": "/cong/gioi-thieu/",
            "/?cat=3": "/cong/chuyen-muc/tin-tuc-hoat-dong/",
        }),
        "the redirect map"
    );

    let lines = support::read(&out.join("_redirects"));
    for line in [
        "/cong/2019/05/hoi-nghi-tong-ket /cong/tin-tuc/hoi-nghi-tong-ket/ 301",
        "/cong/category/tin-tuc /cong/chuyen-muc/tin-tuc-hoat-dong/ 301",
        "/cong/feed /cong/rss.xml 301",
        "/cong/lien-ket/vufo https://vufo.org.vn/ 301",
        "/cong/ p=123 /cong/tin-tuc/hoi-nghi-tong-ket/ 301!",
        "/cong/index.php page_id=5 /cong/gioi-thieu/ 301!",
        "/cong/ cat=3 /cong/chuyen-muc/tin-tuc-hoat-dong/ 301!",
    ] {
        assert!(
            lines.lines().any(|l| l == line),
            "_redirects lacks `{line}`:\n{lines}"
        );
    }

    // A redirect page at each old path, none for the query ones (no such file can exist).
    for (old, target) in [
        (
            "2019/05/hoi-nghi-tong-ket",
            "/cong/tin-tuc/hoi-nghi-tong-ket/",
        ),
        ("category/tin-tuc", "/cong/chuyen-muc/tin-tuc-hoat-dong/"),
        ("feed", "/cong/rss.xml"),
        ("lien-ket/vufo", "https://vufo.org.vn/"),
    ] {
        let page = support::read(&out.join(old).join("index.html"));
        assert!(
            page.contains(&format!("content=\"0; url={target}\"")),
            "/{old}/ does not lead to {target}:\n{page}"
        );
    }
    assert!(!out.join("index.php").exists());

    // The home page and the 404 page load the script that follows the map; other pages don't.
    let script = "<script src=\"/cong/js/old-address.js\" data-map=\"/cong/redirects.json\" data-base=\"/cong/\" async></script>";
    for page in ["index.html", "404.html"] {
        assert!(
            support::read(&out.join(page)).contains(script),
            "{page} does not load the redirect script"
        );
    }
    assert!(!support::read(&out.join("gioi-thieu/index.html")).contains("old-address.js"));
    assert!(out.join("js/old-address.js").is_file());
}

#[test]
fn a_site_without_query_addresses_has_no_map_and_no_script() {
    let site = site(
        "https://example.org/",
        "[/2019/05/hoi-nghi-tong-ket/]",
        "[redirects]\n\"/feed/\" = \"/rss.xml\"\n",
    );
    support::write(
        &site.root.join("content/gioi-thieu.md"),
        PAGE.replace("aliases: [\"/index.php?page_id=5\"]\n", ""),
    );
    let out = build(&site);
    assert!(!out.join("redirects.json").exists());
    for page in ["index.html", "404.html"] {
        assert!(
            !support::read(&out.join(page)).contains("old-address.js"),
            "{page} loads the redirect script of a site without a map"
        );
    }
    assert!(!support::read(&out.join("_redirects")).contains('!'));
}

/// Opens each of `open` (origin-relative) in Chromium on the site in `out` served under
/// `base_path`: where the browser ended up for each.
pub fn opened(out: &Path, base_path: &str, open: &[&str]) -> Vec<(String, String)> {
    let mut command = Command::new(support::node());
    command
        .arg(repo().join("tests/browser/old-addresses.mjs"))
        .arg("--root")
        .arg(out)
        .args(["--base-path", base_path])
        .arg("--chromium")
        .arg(support::chromium());
    for address in open {
        command.args(["--open", address]);
    }
    let outcome: Outcome = support::run(command);
    let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| {
        panic!(
            "old-addresses.mjs printed no report ({e}):\n{}",
            outcome.transcript()
        )
    });
    let results = report["results"].as_array().cloned().unwrap_or_default();
    assert_eq!(results.len(), open.len(), "{}", outcome.transcript());
    results
        .iter()
        .map(|r| {
            let errors = r["errors"].as_array().map_or(0, Vec::len);
            assert_eq!(errors, 0, "console errors on {}: {r}", r["open"]);
            (
                r["open"].as_str().unwrap_or("").to_string(),
                r["final"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn old_addresses_with_a_query_lead_to_their_pages_in_chromium() {
    // At a domain's root, as the old WordPress site was.
    let root = site("https://example.org/", ALIASES, REDIRECTS);
    let out = build(&root);
    let ended = opened(
        &out,
        "/",
        &[
            "/?p=123",
            "/index.php?page_id=5",
            "/?cat=3",
            "/?q=x",
            "/?p=999",
        ],
    );
    let want = [
        ("/?p=123", "/tin-tuc/hoi-nghi-tong-ket/"),
        ("/index.php?page_id=5", "/gioi-thieu/"),
        ("/?cat=3", "/chuyen-muc/tin-tuc-hoat-dong/"),
        // No entry: the home page stays, with its query.
        ("/?q=x", "/?q=x"),
        ("/?p=999", "/?p=999"),
    ];
    for ((open, ended), (want_open, want_end)) in ended.iter().zip(want) {
        assert_eq!((open.as_str(), ended.as_str()), (want_open, want_end));
    }

    // Under a base path: the map's keys are below it, its targets carry it.
    let sub = site("https://example.org/cong/", ALIASES, REDIRECTS);
    let out = build(&sub);
    let ended = opened(
        &out,
        "/cong/",
        &["/cong/?p=123", "/cong/index.php?page_id=5", "/cong/?q=x"],
    );
    let want = [
        ("/cong/?p=123", "/cong/tin-tuc/hoi-nghi-tong-ket/"),
        ("/cong/index.php?page_id=5", "/cong/gioi-thieu/"),
        ("/cong/?q=x", "/cong/?q=x"),
    ];
    for ((open, ended), (want_open, want_end)) in ended.iter().zip(want) {
        assert_eq!((open.as_str(), ended.as_str()), (want_open, want_end));
    }
}

/// The old site's addresses: kept ones (a full URL, paths with and without the trailing
/// slash, query ones, `[redirects]` ones) and lost ones, with comments and a blank line.
const OLD_URLS: &str = "# from the old sitemap.xml
https://cu.example.vn/?p=123
https://cu.example.vn/2019/05/hoi-nghi-tong-ket
/index.php?page_id=5
/gioi-thieu
/category/tin-tuc/?paged=2
/feed/

https://cu.example.vn/2019/05/27/gap-mat-kieu-bao/
/?p=999
/chuyen-muc/tin-tuc-hoat-dng/
/tin-tuc/hoi-nghi-tong-ket/?utm_source=zalo
";

#[test]
fn check_old_urls_reports_each_lost_address_with_the_closest() {
    let site = site("https://example.org/cong/", ALIASES, REDIRECTS);
    let list = site.sibling("cu.txt");
    support::write(&list, OLD_URLS);
    let outcome = bantin(
        site.tmp.path(),
        ["check", "--source", "site", "--old-urls", "cu.txt"],
    );
    let all = outcome.transcript();
    assert_eq!(outcome.code, 1, "{all}");
    assert!(
        outcome
            .stderr
            .contains("checked 10 old addresses: 7 kept, 3 would be lost"),
        "{all}"
    );
    // The link check ran too, and found nothing.
    assert!(outcome.stdout.contains("nothing broken"), "{all}");
    for at in ["cu.txt:9:1", "cu.txt:10:1", "cu.txt:11:1"] {
        assert!(outcome.stderr.contains(at), "{at} not named:\n{all}");
    }
    assert!(
        outcome.stderr.contains("the home page would be shown"),
        "{all}"
    );
    for kept in [
        "cu.txt:2:",
        "cu.txt:3:",
        "cu.txt:4:",
        "cu.txt:5:",
        "cu.txt:12:",
    ] {
        assert!(!outcome.stderr.contains(kept), "{kept} reported:\n{all}");
    }

    let json = bantin(
        site.tmp.path(),
        [
            "check",
            "--source",
            "site",
            "--old-urls",
            "cu.txt",
            "--format",
            "json",
        ],
    );
    assert_eq!(json.code, 1, "{}", json.transcript());
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap_or_default();
    assert_eq!(
        report["checked"]["old_urls"],
        serde_json::json!({"checked": 10, "kept": 7, "lost": 3}),
        "{}",
        json.stdout
    );
    let lost: Vec<(String, u64, String)> = report["problems"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|p| p["code"] == "check::old-url-lost")
        .map(|p| {
            (
                p["file"].as_str().unwrap_or("").to_string(),
                p["line"].as_u64().unwrap_or(0),
                p["help"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let lines: Vec<(&str, u64)> = lost.iter().map(|(f, l, _)| (f.as_str(), *l)).collect();
    assert_eq!(
        lines,
        [("cu.txt", 9), ("cu.txt", 10), ("cu.txt", 11)],
        "{}",
        json.stdout
    );
    // The closest address: the article with the old address's slug (and its file), the
    // nearest by spelling; a query on the home page names what to add instead.
    for (i, words) in [
        (
            0,
            "did you mean /tin-tuc/gap-mat-kieu-bao/? add \"/2019/05/27/gap-mat-kieu-bao/\" to the `aliases:` of content/tin-tuc/gap-mat.md",
        ),
        (
            1,
            "add \"/?p=999\" to the `aliases:` of the article or page it was",
        ),
        (2, "did you mean /chuyen-muc/tin-tuc-hoat-dong/?"),
    ] {
        assert!(
            lost[i].2.contains(words),
            "help of line {}: {}",
            lost[i].1,
            lost[i].2
        );
    }

    // Only kept addresses: exit 0.
    support::write(&list, OLD_URLS.split("\n\n").next().unwrap_or(""));
    let kept = bantin(
        site.tmp.path(),
        ["check", "--source", "site", "--old-urls", "cu.txt"],
    );
    assert_eq!(kept.code, 0, "{}", kept.transcript());
    assert!(
        kept.stdout
            .contains("checked 6 old addresses: 6 kept, 0 would be lost"),
        "{}",
        kept.transcript()
    );

    // A list that cannot be read is an error, not a silent pass.
    let missing = bantin(
        site.tmp.path(),
        ["check", "--source", "site", "--old-urls", "khong-co.txt"],
    );
    assert_eq!(missing.code, 1, "{}", missing.transcript());
    assert!(
        missing
            .stderr
            .contains("cannot read the list of old addresses khong-co.txt"),
        "{}",
        missing.transcript()
    );
}
