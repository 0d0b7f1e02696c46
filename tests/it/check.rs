//! `bantin check`: takes small generated sites (one broken thing each) and the sample site, gives
//! proof that good sites pass, that each broken link, image and anchor is reported at its exact
//! `file:line:column` with exit 1, that `--format json` carries the same problems, and that
//! `--external` checks http links against a local server (never the internet) through a cache.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::support::{self, Outcome, TempSite, bantin};

/// The settings of the test site; `support::site_toml` adds the legal footer block.
const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/cong/"
province = "Cần Thơ"

[[menu]]
name = "Trang chủ"
url = "/"
"#;

/// Links of every kind that resolve: a page, a same-page heading and footnote, an image, a
/// relative link with another page's heading, the home page, mailto and tel.
const GOOD_ARTICLE: &str = "---
title: \"Hội nghị tổng kết\"
date: 01/03/2024 08:00
---

Đoạn mở đầu của bài.

## Kết quả năm 2024

Xem [giới thiệu](/gioi-thieu/) và [phần kết quả](#ket-qua-nam-2024), ghi chú[^1].

![Ảnh hội nghị](/images/hoi-nghi.jpg)

Bài liên quan: [tiếp đoàn](../tiep-doan/#chuong-trinh), [trang chủ](/) và [chú thích](#fn-1).

Thư: [gửi thư](mailto:lh@example.org), [gọi](tel:02920000000), <lh@example.org>.

[^1]: Ghi chú cuối bài.
";

/// A good site of two articles, a page and an image.
fn good_site() -> TempSite {
    let site = support::empty_site();
    support::write(&site.root.join("site.toml"), support::site_toml(SETTINGS));
    let news = site.root.join("content/tin-tuc");
    support::write(&news.join("hoi-nghi.md"), GOOD_ARTICLE);
    support::write(
        &news.join("tiep-doan.md"),
        "---\ntitle: \"Tiếp đoàn\"\ndate: 02/03/2024\n---\n\nĐoạn mở đầu.\n\n## Chương trình\n\nNội dung.\n",
    );
    support::write(
        &site.root.join("content/gioi-thieu.md"),
        "---\ntitle: \"Giới thiệu\"\n---\n\nVề [Liên hiệp](/tin-tuc/hoi-nghi-tong-ket/#ket-qua-nam-2024).\n",
    );
    support::write(
        &site.root.join("static/images/hoi-nghi.jpg"),
        support::jpeg(64, 48),
    );
    site
}

/// The good site plus `content/tin-tuc/loi.md` with `body` as its Markdown (body line 1 is file
/// line 6).
fn site_with(body: &str) -> TempSite {
    let site = good_site();
    support::write(
        &site.root.join("content/tin-tuc/loi.md"),
        format!("---\ntitle: \"Bài có lỗi\"\ndate: 03/03/2024\n---\n\n{body}"),
    );
    site
}

fn check(site: &TempSite, flags: &[&str]) -> Outcome {
    let mut args = vec!["check", "--source", "site"];
    args.extend_from_slice(flags);
    bantin(site.tmp.path(), args)
}

/// Asserts a failed check that names `location` (`file:line:col`) and says `words`.
fn assert_broken(outcome: &Outcome, location: &str, words: &[&str]) {
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome.stderr.contains(&format!("[{location}]")),
        "expected a diagnostic at {location}:\n{}",
        outcome.transcript()
    );
    for word in words {
        assert!(
            outcome.stderr.contains(word),
            "expected {word:?}:\n{}",
            outcome.transcript()
        );
    }
    assert!(
        outcome.stderr.contains("1 broken"),
        "{}",
        outcome.transcript()
    );
}

#[test]
fn a_good_site_passes_and_nothing_is_written() {
    let site = good_site();
    let before = support::Tree::sources(&site.root);
    let outcome = check(&site, &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome
            .stdout
            .contains("checked 2 articles, 1 page, 7 links: nothing broken"),
        "{}",
        outcome.transcript()
    );
    before.assert_same(&support::Tree::sources(&site.root), "bantin check");
}

#[test]
fn the_sample_site_passes() {
    let repo = support::repo();
    let outcome = bantin(
        repo,
        [
            std::ffi::OsStr::new("check"),
            "--source".as_ref(),
            repo.as_os_str(),
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome.stdout.contains("nothing broken"),
        "{}",
        outcome.transcript()
    );
}

#[test]
fn a_broken_internal_link_is_reported_at_its_url() {
    let site = site_with("Đoạn đầu.\n\nXem [trang cũ](/gioi-thieu-cu/) nhé.\n");
    let outcome = check(&site, &[]);
    assert_broken(
        &outcome,
        "content/tin-tuc/loi.md:8:16",
        &[
            "broken link `/gioi-thieu-cu/`",
            "no page or file at /gioi-thieu-cu/; did you mean /gioi-thieu/?",
        ],
    );
}

#[test]
fn a_link_that_repeats_the_base_path_is_broken() {
    // bantin adds /cong/ itself, so this link would point at /cong/cong/gioi-thieu/.
    let site = site_with("Đoạn đầu.\n\n- [Giới thiệu](/cong/gioi-thieu/)\n");
    let outcome = check(&site, &[]);
    assert_broken(
        &outcome,
        "content/tin-tuc/loi.md:8:16",
        &[
            "broken link `/cong/gioi-thieu/`",
            "bantin adds the base path /cong/ to links itself",
        ],
    );
}

#[test]
fn a_missing_image_is_reported_at_its_url() {
    let site = site_with("Đoạn đầu.\n\n\n![Ảnh đại biểu](/images/dai-bieu.jpg)\n");
    let outcome = check(&site, &[]);
    assert_broken(
        &outcome,
        "content/tin-tuc/loi.md:9:17",
        &["missing image `/images/dai-bieu.jpg`"],
    );
}

#[test]
fn a_bad_same_page_anchor_is_reported() {
    let site = site_with("## Kết quả\n\nXem [phần trên](#ket-qua-2024).\n");
    let outcome = check(&site, &[]);
    assert_broken(
        &outcome,
        "content/tin-tuc/loi.md:8:17",
        &[
            "broken anchor `#ket-qua-2024`",
            "no heading or footnote with id `ket-qua-2024` on this page; did you mean #ket-qua?",
        ],
    );
}

#[test]
fn a_bad_anchor_on_another_page_is_reported() {
    let site =
        site_with("Đoạn đầu.\n\nXem [chương trình](/tin-tuc/tiep-doan/#chuong-trinh-lam-viec).\n");
    let outcome = check(&site, &[]);
    assert_broken(
        &outcome,
        "content/tin-tuc/loi.md:8:20",
        &["no id `chuong-trinh-lam-viec` on /tin-tuc/tiep-doan/"],
    );
}

#[test]
fn a_site_with_errors_fails_before_links_are_checked() {
    let site = good_site();
    support::write(
        &site.root.join("content/tin-tuc/sai.md"),
        "---\ntitle: \"Sai\"\ndate: 31/02/2024\n---\n\nx\n",
    );
    let outcome = check(&site, &[]);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome.stderr.contains("[content/tin-tuc/sai.md:3:7]"),
        "{}",
        outcome.transcript()
    );
    assert!(
        outcome.stderr.contains("links were not checked"),
        "{}",
        outcome.transcript()
    );
}

#[test]
fn json_format_carries_the_same_problems() {
    let site = site_with(
        "Đoạn đầu.\n\nXem [trang cũ](/gioi-thieu-cu/) và ![ảnh](/images/khong-co.png).\n",
    );
    let outcome = check(&site, &["--format", "json"]);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(outcome.stderr.is_empty(), "{}", outcome.transcript());
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", outcome.transcript()));
    assert_eq!(json["ok"], false);
    assert_eq!(json["errors"], 2);
    assert_eq!(json["warnings"], 0);
    let problems = json["problems"].as_array().expect("problems is an array");
    let seen: Vec<(String, String, u64, u64)> = problems
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap_or_default().to_string(),
                p["file"].as_str().unwrap_or_default().to_string(),
                p["line"].as_u64().unwrap_or_default(),
                p["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "check::broken-link".into(),
                "content/tin-tuc/loi.md".into(),
                8,
                16
            ),
            (
                "check::missing-image".into(),
                "content/tin-tuc/loi.md".into(),
                8,
                43
            ),
        ],
        "{}",
        outcome.stdout
    );
    for p in problems {
        assert_eq!(p["severity"], "error");
        for key in ["message", "label", "help"] {
            assert!(p[key].is_string(), "{key} missing in {p}");
        }
    }

    let good = check(&good_site(), &["--format", "json"]);
    assert_eq!(good.code, 0, "{}", good.transcript());
    let json: serde_json::Value = serde_json::from_str(&good.stdout).expect("JSON");
    assert_eq!(json["ok"], true);
    assert_eq!(json["problems"], serde_json::json!([]));
}

/// A tiny HTTP server on 127.0.0.1: 200 for /ok, 404 for anything else; counts requests.
fn serve() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let port = listener.local_addr().expect("local address").port();
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&requests);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(&stream);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            // The rest of the head, up to the blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
                line.clear();
            }
            counter.fetch_add(1, Ordering::SeqCst);
            let path = request_line.split_whitespace().nth(1).unwrap_or("");
            let status = if path == "/ok" {
                "200 OK"
            } else {
                "404 Not Found"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (port, requests)
}

fn check_external(site: &TempSite) -> Outcome {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bantin"));
    command
        .args(["check", "--source", "site", "--external"])
        .current_dir(site.tmp.path())
        .env("NO_COLOR", "1")
        .env("BANTIN_MESSAGES", crate::support::TEST_LANG)
        .env(support::DECAP_ENV, support::decap_tarball())
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1");
    support::run(command)
}

#[test]
fn external_links_are_checked_against_a_local_server_and_cached() {
    let (port, requests) = serve();
    let site = site_with(&format!(
        "Đoạn đầu.\n\nNguồn: [bài gốc](http://127.0.0.1:{port}/ok).\n\nXem [bài cũ](http://127.0.0.1:{port}/missing) nhé.\n"
    ));
    let outcome = check_external(&site);
    assert_broken(
        &outcome,
        "content/tin-tuc/loi.md:10:14",
        &[
            &format!("broken link `http://127.0.0.1:{port}/missing`"),
            "the server answered 404 Not Found",
        ],
    );
    assert!(
        !outcome.stderr.contains("/ok`"),
        "the 200 link is reported:\n{}",
        outcome.transcript()
    );
    let first = requests.load(Ordering::SeqCst);
    assert!(first >= 2, "{first} requests");
    assert!(site.root.join(".bantin-cache/links.json").is_file());

    let again = check_external(&site);
    let diagnostics = |o: &Outcome| -> String {
        o.stderr
            .lines()
            .filter(|l| !l.starts_with("error: checked"))
            .collect()
    };
    assert_eq!(
        diagnostics(&again),
        diagnostics(&outcome),
        "a second run reports the same"
    );
    assert_eq!(
        requests.load(Ordering::SeqCst),
        first,
        "a second run within 24 h asks the server nothing:\n{}",
        again.transcript()
    );
    assert!(
        again.stderr.contains("2 answered from the cache"),
        "{}",
        again.transcript()
    );
}

/// A link to an article that is not out yet (a draft, a scheduled one) or no longer (expired)
/// is a warning, not a broken link: the scheduled CI check must not turn red by itself on the
/// day an article it links to expires. A link to nothing at all stays an error.
#[test]
fn links_to_held_back_articles_are_warnings() {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(
            "title = \"Liên hiệp thử nghiệm\"\nbase_url = \"https://lhhn.example.org/cong/\"\nprovince = \"Cần Thơ\"\n",
        ),
    );
    let linking = |extra: &str| {
        format!(
            "---\ntitle: Bài có liên kết\ndate: 01/12/2026 08:00\n---\n\nXem [bản nháp](/tin-tuc/ban-nhap/), [bài hẹn giờ](/tin-tuc/bai-hen-gio/) và [bài hết hạn](/tin-tuc/bai-het-han){extra}.\n"
        )
    };
    support::write(&site.root.join("content/tin-tuc/a.md"), linking(""));
    support::write(
        &site.root.join("content/tin-tuc/b.md"),
        "---\ntitle: Bản nháp\ndate: 01/12/2026 08:00\ndraft: true\n---\n\nNháp.\n",
    );
    support::write(
        &site.root.join("content/tin-tuc/c.md"),
        "---\ntitle: Bài hẹn giờ\ndate: 01/12/2040 08:00\n---\n\nSau này.\n",
    );
    support::write(
        &site.root.join("content/tin-tuc/d.md"),
        "---\ntitle: Bài hết hạn\ndate: 01/01/2026 08:00\nexpires: 01/02/2026 08:00\n---\n\nCũ.\n",
    );
    let checked = bantin(&site.root, ["check"]);
    assert_eq!(checked.code, 0, "{}", checked.transcript());
    for (at, says) in [
        (
            "content/tin-tuc/a.md:6:",
            "leads to an article that is a draft",
        ),
        (
            "content/tin-tuc/a.md:6:",
            "leads to an article that is scheduled for 01/12/2040 08:00",
        ),
        (
            "content/tin-tuc/a.md:6:",
            "leads to an article that is taken off the site",
        ),
    ] {
        assert!(
            checked.stderr.contains(at) && checked.stderr.contains(says),
            "{says}:\n{}",
            checked.stderr
        );
    }
    assert!(
        checked.transcript().contains("nothing broken"),
        "{}",
        checked.transcript()
    );

    support::write(
        &site.root.join("content/tin-tuc/a.md"),
        linking(", [trang không có](/tin-tuc/khong-co/)"),
    );
    let broken = bantin(&site.root, ["check"]);
    assert_eq!(broken.code, 1, "{}", broken.transcript());
    assert!(
        broken.transcript().contains("1 broken"),
        "{}",
        broken.transcript()
    );
}
