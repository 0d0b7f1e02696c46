//! The documents library ("Văn bản", issue 19 part 1): takes small sites with documents (and
//! their files in `static/`) built by the `bantin` binary, and gives proof that the document
//! pages and the lists pass the HTML checker, axe, the link check, that the library is in the
//! sitemap and has valid feeds, that the lists by kind, year and issuer are right and
//! paginated, that file sizes are shown, that drafts are held back, that a replacing document is
//! linked, and that every mistake of a build is reported together at its line.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{self, Outcome, TempSite, bantin, repo};

const BASE_PATH: &str = "/cong/";
pub(crate) const BASE_URL: &str = "https://example.org/cong/";

pub(crate) fn new_site(page_size: usize) -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "title = \"Liên hiệp thử nghiệm\"\nbase_url = \"{BASE_URL}\"\nprovince = \"An Giang\"\npage_size = {page_size}\n\n[[menu]]\nname = \"Trang chủ\"\nurl = \"/\"\n\n[[menu]]\nname = \"Văn bản\"\nurl = \"/van-ban/\"\n"
        )),
    );
    support::write(
        &site.root.join("content/tin-tuc/bai-mot.md"),
        "---\ntitle: \"Hội nghị triển khai văn bản mới\"\ndate: 20/12/2025\n---\n\nHội nghị diễn ra tại hội trường.\n",
    );
    site
}

/// A document `name` (file `content/van-ban/<name>.md`) with one file of `bytes` bytes.
fn document(site: &TempSite, name: &str, front: &str, bytes: usize) {
    let file = format!("/files/{name}.pdf");
    support::write(&site.root.join(format!("static{file}")), vec![b'%'; bytes]);
    support::write(
        &site.root.join(format!("content/van-ban/{name}.md")),
        format!(
            "---\n{front}\nfiles:\n  - src: {file}\n    title: Toàn văn\n---\n\nGhi chú của biên tập.\n"
        ),
    );
}

/// Five documents of three kinds, three issuers and three years.
pub(crate) fn library(site: &TempSite) {
    document(
        site,
        "nd-80",
        "number: 80/2020/NĐ-CP\nkind: Nghị định\nissuer: Chính phủ\nlevel: trung-uong\nissued: 08/7/2020\nsummary: Về quản lý viện trợ không hoàn lại",
        186_368,
    );
    document(
        site,
        "nd-72",
        "number: 72/2013/NĐ-CP\nkind: nghi dinh\nissuer: Chính phủ\nissued: 15/7/2013\nsummary: Về dịch vụ Internet\nstatus: het-hieu-luc\nreplaced_by: 147/2024/nđ-cp",
        900,
    );
    document(
        site,
        "nd-147",
        "number: 147/2024/NĐ-CP\nkind: Nghị định\nissuer: Chính phủ\nissued: 09/11/2024\neffective: 25/12/2024\nsummary: Về dịch vụ Internet và thông tin trên mạng",
        1_363_149,
    );
    document(
        site,
        "ct-38",
        "number: 38-CT/TW\nkind: Chỉ thị\nissuer: Ban Bí thư\nissued: 19/9/2019\nsummary: Về công tác đối ngoại nhân dân",
        2_000,
    );
    document(
        site,
        "kh-15",
        "number: 15/KH-LHHN\nkind: Kế hoạch\nissuer: Liên hiệp các tổ chức hữu nghị tỉnh An Giang\nlevel: lien-hiep\nissued: 15/01/2024\nsigner: Nguyễn Văn A\nsummary: Kế hoạch hoạt động năm 2024",
        30_000,
    );
}

pub(crate) fn build(site: &TempSite) -> Outcome {
    bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    )
}

pub(crate) fn build_ok(site: &TempSite) -> PathBuf {
    let outcome = build(site);
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    site.sibling("out")
}

/// The document numbers a list page shows, in order (from their links' slugs).
fn listed(html: &str) -> Vec<String> {
    html.match_indices("<h2 class=\"item-title\"><a href=\"/cong/van-ban/")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('/').unwrap_or(0)].to_string()
        })
        .collect()
}

#[test]
fn a_library_builds_and_passes_the_html_checker_links_and_axe() {
    let site = new_site(10);
    library(&site);
    let out = build_ok(&site);

    let page = support::read(&out.join("van-ban/80-2020-nd-cp/index.html"));
    for shown in [
        "Nghị định số 80/2020/NĐ-CP",
        "Về quản lý viện trợ không hoàn lại",
        "<dt>Cơ quan ban hành</dt>",
        "<dt>Cấp ban hành</dt><dd>Trung ương</dd>",
        "<time datetime=\"2020-07-08\">08/07/2020</time>",
        "Còn hiệu lực",
        "href=\"/cong/files/nd-80.pdf\"",
        // 186,368 bytes: 182 KB.
        "(PDF · 182 KB)",
        "Ghi chú của biên tập.",
    ] {
        assert!(page.contains(shown), "not shown: {shown}\n{page}");
    }
    // No article cites it yet: the section is hidden.
    assert!(!page.contains("Bài viết dẫn chiếu"), "{page}");
    // Vietnamese number formatting: 1,363,149 bytes are 1,3 MB.
    let big = support::read(&out.join("van-ban/147-2024-nd-cp/index.html"));
    assert!(big.contains("(PDF · 1,3 MB)"), "{big}");
    // A repealed document links the one that replaced it (its number written another way).
    let old = support::read(&out.join("van-ban/72-2013-nd-cp/index.html"));
    assert!(old.contains("Hết hiệu lực"), "{old}");
    // Search engines read it as schema.org Legislation, no longer in force.
    assert!(old.contains("\"@type\":\"Legislation\""), "{old}");
    assert!(
        old.contains("\"legislationIdentifier\":\"72/2013/NĐ-CP\""),
        "{old}"
    );
    assert!(old.contains("https://schema.org/NotInForce"), "{old}");
    assert!(
        old.contains("<a href=\"/cong/van-ban/147-2024-nd-cp/\">Nghị định 147/2024/NĐ-CP</a>"),
        "{old}"
    );
    let signed = support::read(&out.join("van-ban/15-kh-lhhn/index.html"));
    assert!(
        signed.contains("<dt>Người ký</dt><dd>Nguyễn Văn A</dd>"),
        "{signed}"
    );
    // The sidebar's newest documents, on every page.
    let home = support::read(&out.join("index.html"));
    assert!(home.contains("Văn bản mới"), "{home}");
    assert!(
        home.contains("href=\"/cong/van-ban/147-2024-nd-cp/\""),
        "{home}"
    );

    let vnu = support::vnu(&out);
    assert_eq!(vnu.code, 0, "vnu found errors:\n{}", vnu.transcript());
    let problems = crate::links::check(&out, BASE_URL);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let (outcome, report) = features(
        &out,
        &[
            "--check",
            "axe",
            "--page",
            "/van-ban/",
            "--page",
            "/van-ban/72-2013-nd-cp/",
            "--page",
            "/van-ban/loai/nghi-dinh/",
        ],
    );
    assert!(
        outcome.code == 0 && report["ok"] == true,
        "axe found problems:\n{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
}

/// Runs features.mjs with `args` on the built site `out`; gives its outcome and JSON report.
pub(crate) fn features(out: &Path, args: &[&str]) -> (Outcome, serde_json::Value) {
    let mut command = Command::new(support::node());
    command
        .arg(repo().join("tests/browser/features.mjs"))
        .arg("--root")
        .arg(out)
        .args(["--base-path", BASE_PATH])
        .args(args)
        .arg("--chromium")
        .arg(support::chromium());
    let outcome = support::run(command);
    let report = serde_json::from_str(&outcome.stdout).unwrap_or_else(|err| {
        panic!(
            "features.mjs printed no JSON report ({err}):\n{}",
            outcome.transcript()
        )
    });
    (outcome, report)
}

#[test]
fn the_lists_by_kind_year_and_issuer_are_right_and_paginated() {
    let site = new_site(2);
    library(&site);
    let out = build_ok(&site);
    let page = |path: &str| support::read(&out.join(path).join("index.html"));
    // The whole library, newest issued first, two to a page.
    assert_eq!(listed(&page("van-ban")), ["147-2024-nd-cp", "15-kh-lhhn"]);
    assert_eq!(
        listed(&page("van-ban/trang/2")),
        ["80-2020-nd-cp", "38-ct-tw"]
    );
    assert_eq!(listed(&page("van-ban/trang/3")), ["72-2013-nd-cp"]);
    assert!(!out.join("van-ban/trang/4").exists());
    // By kind: "nghi dinh" written without tones is a Nghị định.
    assert_eq!(
        listed(&page("van-ban/loai/nghi-dinh")),
        ["147-2024-nd-cp", "80-2020-nd-cp"]
    );
    assert_eq!(
        listed(&page("van-ban/loai/nghi-dinh/trang/2")),
        ["72-2013-nd-cp"]
    );
    assert_eq!(listed(&page("van-ban/loai/chi-thi")), ["38-ct-tw"]);
    assert!(!out.join("van-ban/loai/luat").exists());
    // By year issued.
    assert_eq!(
        listed(&page("van-ban/nam/2024")),
        ["147-2024-nd-cp", "15-kh-lhhn"]
    );
    assert_eq!(listed(&page("van-ban/nam/2013")), ["72-2013-nd-cp"]);
    // By issuer.
    assert_eq!(
        listed(&page("van-ban/co-quan/chinh-phu")),
        ["147-2024-nd-cp", "80-2020-nd-cp"]
    );
    assert_eq!(
        listed(&page(
            "van-ban/co-quan/lien-hiep-cac-to-chuc-huu-nghi-tinh-an-giang"
        )),
        ["15-kh-lhhn"]
    );
    // Every list links to the others; the one shown is marked.
    let kind = page("van-ban/loai/chi-thi");
    assert!(
        kind.contains(
            "<a href=\"/cong/van-ban/loai/chi-thi/\" aria-current=\"page\">Chỉ thị (1)</a>"
        ),
        "{kind}"
    );
    assert!(
        kind.contains("<a href=\"/cong/van-ban/nam/2020/\">2020 (1)</a>"),
        "{kind}"
    );
    assert!(
        kind.contains("<a href=\"/cong/van-ban/co-quan/ban-bi-thu/\">Ban Bí thư (1)</a>"),
        "{kind}"
    );
    assert!(kind.contains("Tất cả (5)"), "{kind}");
}

#[test]
fn the_library_is_in_the_sitemap_and_its_feeds_validate() {
    let site = new_site(2);
    library(&site);
    let out = build_ok(&site);
    let sitemap = support::read(&out.join("sitemap.xml"));
    for loc in [
        "https://example.org/cong/van-ban/</loc>",
        "https://example.org/cong/van-ban/trang/3/</loc>",
        "https://example.org/cong/van-ban/80-2020-nd-cp/</loc>",
        "https://example.org/cong/van-ban/loai/nghi-dinh/trang/2/</loc>",
        "https://example.org/cong/van-ban/nam/2019/</loc>",
        "https://example.org/cong/van-ban/co-quan/ban-bi-thu/</loc>",
    ] {
        assert!(sitemap.contains(loc), "{loc} not in:\n{sitemap}");
    }
    let rss = support::read(&out.join("van-ban/rss.xml"));
    let newer = rss.find("147-2024-nd-cp/</link>").unwrap_or(usize::MAX);
    let older = rss.find("72-2013-nd-cp/</link>").unwrap_or(usize::MAX);
    assert!(newer < older && older < usize::MAX, "{rss}");
    assert!(rss.contains("Nghị định 80/2020/NĐ-CP"), "{rss}");
    let feeds = support::python_checker(
        "check_feeds.py",
        [
            "--base-url",
            BASE_URL,
            "--offset",
            "+07:00",
            "--require",
            "van-ban/rss.xml",
            "--require",
            "van-ban/atom.xml",
            out.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(feeds.code, 0, "{}", feeds.transcript());
    let sitemaps = support::sitemap_checker(&out, BASE_URL);
    assert_eq!(sitemaps.code, 0, "{}", sitemaps.transcript());
}

#[test]
fn a_draft_document_is_not_published() {
    let site = new_site(10);
    library(&site);
    document(
        &site,
        "du-thao",
        "number: 16/KH-LHHN\nkind: Kế hoạch\nissuer: Liên hiệp\nissued: 01/02/2025\nsummary: Dự thảo kế hoạch\ndraft: true",
        100,
    );
    let out = build_ok(&site);
    assert!(!out.join("van-ban/16-kh-lhhn").exists());
    let all = support::read(&out.join("van-ban/index.html"));
    assert!(!all.contains("16/KH-LHHN"), "{all}");
    assert!(!support::read(&out.join("van-ban/rss.xml")).contains("16/KH-LHHN"));
    assert!(!support::read(&out.join("sitemap.xml")).contains("16-kh-lhhn"));
    // In the search index neither.
    let search: String = support::read_dir_sorted(&out.join("search/d"))
        .iter()
        .map(|p| support::read(p))
        .collect();
    assert!(!search.contains("16-kh-lhhn"));
    assert!(
        search.contains("147-2024-nd-cp"),
        "documents are searchable"
    );
}

#[test]
fn every_mistake_is_reported_together_at_its_line() {
    let site = new_site(10);
    library(&site);
    // Line 2: no number (reported at the front-matter's start, line 1).
    support::write(
        &site.root.join("content/van-ban/khong-so.md"),
        "---\nkind: Nghị định\nissuer: Chính phủ\nissued: 01/01/2024\nsummary: Thiếu số hiệu\n---\n",
    );
    // Line 3: an unknown kind; line 5: a bad date; line 9: a missing file; line 7: an unknown
    // key; line 8: replaced by a number the library does not have (a warning).
    support::write(
        &site.root.join("content/van-ban/sai.md"),
        "---\nnumber: 99/2024/NĐ-CP\nkind: Nghi đjnh\nissuer: Chính phủ\nissued: 31/02/2024\nsummary: Có lỗi\nsinger: A\nreplaced_by: 100/2025/NĐ-CP\nfiles:\n  - src: /files/khong-co.pdf\n---\n",
    );
    // The same number as nd-80.md, spaced and cased otherwise.
    support::write(
        &site.root.join("content/van-ban/trung.md"),
        "---\nnumber: 80 / 2020 / nđ-cp\nkind: Nghị định\nissuer: Chính phủ\nissued: 08/7/2020\nsummary: Bản trùng\n---\n",
    );
    let outcome = build(&site);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    let err = &outcome.stderr;
    for at in [
        "content/van-ban/khong-so.md:1:1",
        "content/van-ban/sai.md:3:7",
        "content/van-ban/sai.md:5:9",
        "content/van-ban/sai.md:7:1",
        "content/van-ban/sai.md:10:10",
        "content/van-ban/trung.md:2:9",
    ] {
        assert!(err.contains(at), "no problem at {at}:\n{err}");
    }
    for said in [
        "the required field `number` is missing",
        "`Nghi đjnh` is not a kind of document bantin knows",
        "did you mean `Nghị định`?",
        "did you mean `signer`?",
        "there is no file `/files/khong-co.pdf`",
        "content/van-ban/nd-80.md and content/van-ban/trung.md both describe the document",
        "the same number as in content/van-ban/nd-80.md",
        "help:",
    ] {
        assert!(err.contains(said), "not said: {said}\n{err}");
    }
    // An unknown replaced_by alone is a warning: the site builds.
    support::write(
        &site.root.join("content/van-ban/khong-so.md"),
        "---\nnumber: 1/TB\nkind: Thông báo\nissuer: Liên hiệp\nissued: 01/01/2024\nsummary: Thông báo\nreplaced_by: 100/2025/NĐ-CP\n---\n",
    );
    std::fs::remove_file(site.root.join("content/van-ban/sai.md")).expect("remove");
    std::fs::remove_file(site.root.join("content/van-ban/trung.md")).expect("remove");
    // A number whose symbol says another kind than `kind:` is a warning at the number.
    support::write(
        &site.root.join("content/van-ban/lech.md"),
        "---\nnumber: 58/2022/NĐ-CP\nkind: Chỉ thị\nissuer: Chính phủ\nissued: 31/8/2022\nsummary: Về tổ chức phi chính phủ nước ngoài\n---\n",
    );
    let outcome = build(&site);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome
            .stderr
            .contains("the library has no document 100/2025/NĐ-CP")
            && outcome.stderr.contains("content/van-ban/khong-so.md:7:14"),
        "{}",
        outcome.transcript()
    );
    assert!(
        outcome
            .stderr
            .contains("the number 58/2022/NĐ-CP is a Nghị định's, but `kind:` says Chỉ thị")
            && outcome.stderr.contains("content/van-ban/lech.md:2:9"),
        "{}",
        outcome.transcript()
    );
    std::fs::remove_file(site.root.join("content/van-ban/lech.md")).expect("remove");

    // In Vietnamese, the default.
    support::write(
        &site.root.join("content/van-ban/sai.md"),
        "---\nnumber: 99/2024/NĐ-CP\nkind: Nghi đjnh\nissuer: Chính phủ\nissued: 01/02/2024\nsummary: Có lỗi\n---\n",
    );
    let vi = support::bantin_in(
        "vi",
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert!(
        vi.stderr
            .contains("bantin không biết loại văn bản `Nghi đjnh`"),
        "{}",
        vi.stderr
    );
    assert!(vi.stderr.contains("gợi ý:"), "{}", vi.stderr);
}
