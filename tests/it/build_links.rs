//! `bantin build` and the preview look up every link and image of the Markdown (issue 16, part
//! 2): takes small sites with one article that shows a missing picture, links to a page the site
//! lacks or to an article held back, and gives proof that the build fails with the place of each
//! in its file and leaves the output as it was, that a link to a draft or a scheduled article is
//! only a warning, that `bantin check` still reports each once, and that the preview keeps the
//! last good pages under the error until the link is fixed.

use std::path::Path;

use crate::serve::{NO_ARGS, Server};
use crate::support::{self, Outcome, TempSite, Tree, bantin, bantin_in};

const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/"
province = "Cần Thơ"
"#;

/// A good site: two articles, one linking to the other and showing a picture of static/.
fn good_site() -> TempSite {
    let site = support::empty_site();
    support::write(&site.root.join("site.toml"), support::site_toml(SETTINGS));
    let news = site.root.join("content/tin-tuc");
    support::write(
        &news.join("hoi-nghi.md"),
        "---\ntitle: \"Hội nghị tổng kết\"\ndate: 01/03/2024 08:00\n---\n\nĐoạn mở đầu.\n\n\
         ![Quang cảnh](/images/2024/hoi-nghi.jpg)\n\nXem [tiếp đoàn](/tin-tuc/tiep-doan/).\n",
    );
    support::write(
        &news.join("tiep-doan.md"),
        "---\ntitle: \"Tiếp đoàn\"\ndate: 02/03/2024\n---\n\nĐoạn mở đầu.\n",
    );
    support::write(
        &site.root.join("static/images/2024/hoi-nghi.jpg"),
        support::jpeg(64, 48),
    );
    site
}

/// `content/tin-tuc/loi.md`: front-matter of 4 lines, a blank line, then `body` from line 6.
fn write_article(site: &TempSite, body: &str) {
    support::write(
        &site.root.join("content/tin-tuc/loi.md"),
        format!("---\ntitle: \"Bài có lỗi\"\ndate: 03/03/2024\n---\n\n{body}"),
    );
}

fn build(site: &TempSite) -> Outcome {
    bantin(site.tmp.path(), ["build", "--source", "site"])
}

fn has(outcome: &Outcome, words: &str) {
    assert!(
        outcome.stderr.contains(words),
        "expected {words:?}:\n{}",
        outcome.transcript()
    );
}

#[test]
fn a_missing_body_image_fails_the_build_and_leaves_the_output_as_it_was() {
    let site = good_site();
    let first = build(&site);
    assert_eq!(first.code, 0, "{}", first.transcript());
    let public = site.root.join("public");
    let before = Tree::of(&public);

    write_article(
        &site,
        "Đoạn đầu.\n\n![Quang cảnh hội nghị](/images/2024/khong-co.jpg)\n",
    );
    let outcome = build(&site);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    has(&outcome, "check::missing-image");
    has(&outcome, "missing image `/images/2024/khong-co.jpg`");
    has(&outcome, "[content/tin-tuc/loi.md:8:24]");
    has(&outcome, "no page or file at /images/2024/khong-co.jpg");
    has(&outcome, "the output folder is unchanged");
    before.assert_same(&Tree::of(&public), "the output after a failed build");

    // In the editors' language, by default.
    let outcome = bantin_in("", site.tmp.path(), ["build", "--source", "site"]);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    has(&outcome, "không tìm thấy ảnh `/images/2024/khong-co.jpg`");
    has(&outcome, "[content/tin-tuc/loi.md:8:24]");
    before.assert_same(&Tree::of(&public), "the output after a failed build");

    // The picture put in place: the build goes through.
    support::write(
        &site.root.join("static/images/2024/khong-co.jpg"),
        support::jpeg(64, 48),
    );
    let outcome = build(&site);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
}

#[test]
fn links_to_pages_the_site_lacks_fail_the_build_together_with_a_suggestion_when_one_is_close() {
    let site = good_site();
    write_article(
        &site,
        "Đoạn đầu.\n\nXem [hội nghị](/tin-tuc/hoi-nghi-tong-ke/) và\n[xem thêm](/tin-tuc/bai-khong-co/).\n",
    );
    let outcome = build(&site);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    has(&outcome, "broken link `/tin-tuc/hoi-nghi-tong-ke/`");
    has(&outcome, "[content/tin-tuc/loi.md:8:16]");
    has(
        &outcome,
        "no page or file at /tin-tuc/hoi-nghi-tong-ke/; did you mean /tin-tuc/hoi-nghi-tong-ket/?",
    );
    has(&outcome, "broken link `/tin-tuc/bai-khong-co/`");
    has(&outcome, "[content/tin-tuc/loi.md:9:12]");
    // Nothing is close to it: no suggestion rather than a wrong one.
    assert!(
        !outcome
            .stderr
            .contains("no page or file at /tin-tuc/bai-khong-co/;"),
        "{}",
        outcome.transcript()
    );
    has(&outcome, "the site has 2 errors");
    assert!(!site.root.join("public").exists(), "nothing was written");

    // `bantin check` reports each of them once, and counts them.
    let outcome = bantin(site.tmp.path(), ["check", "--source", "site"]);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert_eq!(
        outcome
            .stderr
            .matches("broken link `/tin-tuc/hoi-nghi-tong-ke/`")
            .count(),
        1,
        "{}",
        outcome.transcript()
    );
    has(&outcome, "links: 2 broken");
}

#[test]
fn links_to_a_draft_or_a_scheduled_article_are_warnings() {
    let site = good_site();
    let news = site.root.join("content/tin-tuc");
    support::write(
        &news.join("nhap.md"),
        "---\ntitle: \"Bản nháp\"\ndate: 04/03/2024\ndraft: true\n---\n\nChưa xong.\n",
    );
    support::write(
        &news.join("sap-dang.md"),
        "---\ntitle: \"Sắp đăng\"\ndate: 01/01/2099 08:00\n---\n\nSẽ đăng sau.\n",
    );
    write_article(
        &site,
        "Đoạn đầu.\n\nXem [bản nháp](/tin-tuc/ban-nhap/) và [bài sắp đăng](/tin-tuc/sap-dang/).\n",
    );
    let outcome = build(&site);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    has(&outcome, "check::link-to-held-back");
    has(
        &outcome,
        "the link `/tin-tuc/ban-nhap/` leads to an article that is a draft",
    );
    has(&outcome, "[content/tin-tuc/loi.md:8:16]");
    has(
        &outcome,
        "the link `/tin-tuc/sap-dang/` leads to an article that is scheduled for 01/01/2099 08:00",
    );
    assert!(
        outcome.stdout.contains("(2 warnings)"),
        "{}",
        outcome.transcript()
    );
    assert!(
        site.root
            .join("public/tin-tuc/bai-co-loi/index.html")
            .is_file()
    );
}

/// The served page at `rel` (below the base path) and the state's `ok` and problems.
fn served(server: &Server, rel: &str) -> (u16, String, bool, Vec<String>) {
    let (status, page) = server.page(rel);
    let (_, body) = server.get("/__bantin/state");
    let state: serde_json::Value =
        serde_json::from_slice(&body).unwrap_or_else(|e| panic!("the state is not JSON ({e})"));
    let problems = state["problems"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    (status, page, state["ok"] == true, problems)
}

#[test]
fn the_preview_keeps_the_last_good_page_under_a_missing_image_and_recovers() {
    let site = good_site();
    let article = site.root.join("content/tin-tuc/hoi-nghi.md");
    let page = "tin-tuc/hoi-nghi-tong-ket/";
    // cd site && bantin serve
    let server = Server::start_in(&site.root, NO_ARGS);
    let (status, html, ok, _) = served(&server, page);
    assert!(
        status == 200 && ok && !html.contains("bantin-error"),
        "{html}"
    );

    let edit = |from: &str, to: &str| support::edit(&article, from, to);
    server.after("missing image", || {
        edit(
            "Đoạn mở đầu.",
            "Đoạn mở đầu mới.\n\n![Đại biểu](/images/2024/dai-bieu.jpg)",
        );
    });
    let (status, html, ok, problems) = served(&server, page);
    assert!(!ok, "the state says the build failed: {problems:?}");
    assert!(
        problems.iter().any(|p| p.starts_with(
            "error check::missing-image content/tin-tuc/hoi-nghi.md:8:13: missing image \
             `/images/2024/dai-bieu.jpg`"
        )),
        "{problems:?}"
    );
    assert_eq!(status, 200, "the last good page is still served");
    assert!(
        html.contains("Đoạn mở đầu.") && !html.contains("Đoạn mở đầu mới."),
        "the last good page, not the broken edit"
    );
    assert!(
        html.contains("id=\"bantin-error\"") && html.contains("missing image"),
        "the overlay shows the error"
    );

    // The picture copied into static/: the page comes back with the edit.
    server.after("picture added", || {
        support::write(
            &site.root.join("static/images/2024/dai-bieu.jpg"),
            support::jpeg(64, 48),
        );
    });
    let (status, html, ok, problems) = served(&server, page);
    assert!(ok, "{problems:?}");
    assert!(status == 200 && !html.contains("bantin-error"), "{html}");
    assert!(html.contains("Đoạn mở đầu mới."));
    assert!(html.contains("dai-bieu.jpg"));

    // A link to nowhere, then fixed in the article.
    server.after("broken link", || {
        edit("Đoạn mở đầu mới.", "Xem [trang](/tin-tuc/khong-co/).");
    });
    let (_, html, ok, problems) = served(&server, page);
    assert!(!ok && html.contains("bantin-error"), "{problems:?}");
    assert!(html.contains("Đoạn mở đầu mới."));
    server.after("link fixed", || {
        edit("/tin-tuc/khong-co/", "/tin-tuc/tiep-doan/");
    });
    let (_, html, ok, problems) = served(&server, page);
    assert!(ok && !html.contains("bantin-error"), "{problems:?}");
    assert!(html.contains("tiep-doan/\">trang</a>"), "{html}");

    // The article linked to becomes a draft: the unchanged article's link is looked up again
    // (the preview remembers each article's findings only while the site keeps its pages).
    let other = site.root.join("content/tin-tuc/tiep-doan.md");
    server.after("draft", || {
        support::edit(&other, "date: 02/03/2024", "date: 02/03/2024\ndraft: true")
    });
    let (_, _, ok, problems) = served(&server, page);
    assert!(ok, "a link to a draft is only a warning: {problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p
                .starts_with("warning check::link-to-held-back content/tin-tuc/hoi-nghi.md:6:13:")),
        "{problems:?}"
    );
    // Deleted: now it leads nowhere.
    server.after("delete", || {
        std::fs::remove_file(&other).unwrap_or_else(|e| panic!("{e}"))
    });
    let (_, _, ok, problems) = served(&server, page);
    assert!(!ok, "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("error check::broken-link content/tin-tuc/hoi-nghi.md:6:13:")),
        "{problems:?}"
    );
    assert!(!Path::new(&site.root.join("public")).exists());
}

#[test]
fn a_link_to_a_file_kept_in_the_output_folder_leads_somewhere() {
    let site = good_site();
    let first = build(&site);
    assert_eq!(first.code, 0, "{}", first.transcript());
    // A document someone put into the published folder by hand, kept with --keep-foreign-files.
    support::write(&site.root.join("public/tai-lieu/cu.pdf"), b"%PDF-1.4\n");
    write_article(&site, "Đoạn đầu.\n\nTải [văn bản](/tai-lieu/cu.pdf).\n");
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--keep-foreign-files"],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(site.root.join("public/tai-lieu/cu.pdf").is_file());
    // A link to a file that is in neither: still an error.
    write_article(&site, "Đoạn đầu.\n\nTải [văn bản](/tai-lieu/moi.pdf).\n");
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--keep-foreign-files"],
    );
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    has(&outcome, "did you mean /tai-lieu/cu.pdf?");
}
