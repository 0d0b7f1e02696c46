//! Citations linked across the site (issue 19, part 2): takes small sites whose articles cite
//! documents the way union reports do ("Nghị định số 80/2020/NĐ-CP", "Chỉ thị 38-CT/TW ngày
//! 19/9/2019", "NĐ 80/2020", "12- CT/TW") beside amounts, ranges and phone numbers, built and
//! checked by the `bantin` binary and previewed by `bantin serve`; gives proof that each
//! reference the library holds links to its document, that the others stay plain text, that
//! each document's page lists the articles citing it, that a new document relinks the articles
//! in the preview, and that `check` reports dates that disagree and lists what the library lacks.

use std::path::Path;

use crate::documents::{BASE_URL, build_ok, features, library, new_site};
use crate::serve::{NO_ARGS, Server};
use crate::support::{self, TempSite, bantin};

/// Two articles and a page citing the library of `documents::library` (80/2020/NĐ-CP,
/// 72/2013/NĐ-CP, 147/2024/NĐ-CP, 38-CT/TW, 15/KH-LHHN) and documents it lacks.
fn citing_site() -> TempSite {
    let site = new_site(10);
    library(&site);
    support::write(
        &site.root.join("site.toml"),
        format!(
            "{}\n[feeds]\nfull_content = true\n",
            support::read(&site.root.join("site.toml"))
        ),
    );
    support::write(
        &site.root.join("content/tin-tuc/tong-ket-vien-tro.md"),
        "---\ntitle: \"Tổng kết công tác viện trợ năm 2024\"\nslug: tong-ket-vien-tro\ndate: 10/01/2025\n---\n\n\
         Thực hiện Nghị định số 80/2020/NĐ-CP và Chỉ thị 38-CT/TW ngày 19/9/2019 của Ban Bí \
         thư, cùng Quyết định số 308/QĐ-UBND của tỉnh, năm qua Liên hiệp vận động được \
         21.759.990.000 đồng cho giai đoạn 2022-2027.\n\n\
         Toàn văn [Nghị định 147/2024/NĐ-CP](https://vanban.example.vn/147) có trên cổng văn \
         bản; mã tra cứu `80/2020/NĐ-CP`. Liên hệ: 0297 3000 123.\n",
    );
    support::write(
        &site.root.join("content/tin-tuc/tap-huan-cap-xa.md"),
        "---\ntitle: \"Tập huấn cho cán bộ cấp xã\"\nslug: tap-huan-cap-xa\ndate: 05/3/2025\n---\n\n\
         Học viên được giới thiệu NĐ 80/2020 và Chỉ thị 12- CT/TW về đối ngoại nhân dân.\n",
    );
    // A document's notes cite the one that replaced it.
    support::write(
        &site.root.join("content/van-ban/nd-72.md"),
        support::read(&site.root.join("content/van-ban/nd-72.md")).replace(
            "Ghi chú của biên tập.",
            "Đã được thay thế bởi Nghị định số 147/2024/NĐ-CP.",
        ),
    );
    support::write(
        &site.root.join("content/gioi-thieu.md"),
        "---\ntitle: \"Giới thiệu\"\n---\n\nLiên hiệp hoạt động theo Chỉ thị 38-CT/TW.\n",
    );
    site
}

/// The section of a document's page that lists the articles citing it ("" when it has none).
fn citing(page: &str) -> &str {
    let Some(start) = page.find("id=\"bai-dan-chieu\"") else {
        return "";
    };
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

/// Saves `text` as the site's file `rel` the way editors' atomic saves do, in one step (written
/// beside the site, then renamed into it), so the preview never reads it half-written and the
/// rebuild `Server::after` waits for is the one that read it whole.
fn save(site: &TempSite, rel: &str, text: &str) {
    let staged = site.sibling("staged.md");
    support::write(&staged, text);
    let target = site.root.join(rel);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::rename(&staged, &target).unwrap_or_else(|e| panic!("cannot save {rel}: {e}"));
}

/// Every file under `dir`, with its path relative to it.
fn every_file(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap_or(e.path());
            (
                path.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_cited_document_is_linked_and_its_page_lists_the_articles_that_cite_it() {
    let site = citing_site();
    let out = build_ok(&site);

    let report = support::read(&out.join("tin-tuc/tong-ket-vien-tro/index.html"));
    for linked in [
        "<a href=\"/cong/van-ban/80-2020-nd-cp/\" class=\"van-ban\">Nghị định số 80/2020/NĐ-CP</a>",
        // The date stays outside the link: the link names the document.
        "<a href=\"/cong/van-ban/38-ct-tw/\" class=\"van-ban\">Chỉ thị 38-CT/TW</a> ngày 19/9/2019",
    ] {
        assert!(report.contains(linked), "not linked: {linked}\n{report}");
    }
    for plain in [
        // Not in the library: plain text.
        "cùng Quyết định số 308/QĐ-UBND của tỉnh",
        // Look-alikes: an amount, a range, a phone number.
        "21.759.990.000 đồng cho giai đoạn 2022-2027.",
        "Liên hệ: 0297 3000 123.",
        // The author's own link and code are left as written.
        "<a href=\"https://vanban.example.vn/147\">Nghị định 147/2024/NĐ-CP</a>",
        "<code>80/2020/NĐ-CP</code>",
    ] {
        assert!(report.contains(plain), "changed: {plain}\n{report}");
    }
    let course = support::read(&out.join("tin-tuc/tap-huan-cap-xa/index.html"));
    assert!(
        course.contains(
            "<a href=\"/cong/van-ban/80-2020-nd-cp/\" class=\"van-ban\">NĐ 80/2020</a> và Chỉ \
             thị 12- CT/TW về"
        ),
        "{course}"
    );
    let repealed = support::read(&out.join("van-ban/72-2013-nd-cp/index.html"));
    assert!(
        repealed.contains(
            "<a href=\"/cong/van-ban/147-2024-nd-cp/\" class=\"van-ban\">Nghị định số \
             147/2024/NĐ-CP</a>"
        ),
        "{repealed}"
    );
    let about = support::read(&out.join("gioi-thieu/index.html"));
    assert!(
        about
            .contains("<a href=\"/cong/van-ban/38-ct-tw/\" class=\"van-ban\">Chỉ thị 38-CT/TW</a>"),
        "{about}"
    );
    // The marker the renderer writes never reaches a reader, in pages, feeds or search.
    let leaked: Vec<String> = every_file(&out)
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains("data-van-ban"))
        .map(|(path, _)| path)
        .collect();
    assert!(leaked.is_empty(), "markers left in {leaked:?}");
    // The feeds carry whole texts here: their links are the pages' links, made absolute.
    let rss = support::read(&out.join("rss.xml"));
    assert!(
        rss.contains(
            "&lt;a href=\"https://example.org/cong/van-ban/80-2020-nd-cp/\" \
             class=\"van-ban\"&gt;Nghị định số 80/2020/NĐ-CP&lt;/a&gt;"
        ),
        "{rss}"
    );

    // Each document lists the articles citing it, newest first; the page is not an article.
    let decree = support::read(&out.join("van-ban/80-2020-nd-cp/index.html"));
    let listed = citing(&decree);
    let first = listed.find("tin-tuc/tap-huan-cap-xa/");
    let second = listed.find("tin-tuc/tong-ket-vien-tro/");
    assert!(
        decree.contains("Bài viết dẫn chiếu văn bản này") && first.is_some() && first < second,
        "{decree}"
    );
    let directive = support::read(&out.join("van-ban/38-ct-tw/index.html"));
    assert!(
        citing(&directive).contains("tin-tuc/tong-ket-vien-tro/"),
        "{directive}"
    );
    assert!(
        !citing(&directive).contains("tin-tuc/tap-huan-cap-xa/"),
        "{directive}"
    );
    let uncited = support::read(&out.join("van-ban/15-kh-lhhn/index.html"));
    assert!(!uncited.contains("Bài viết dẫn chiếu"), "{uncited}");

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
            "/tin-tuc/tong-ket-vien-tro/",
            "--page",
            "/van-ban/80-2020-nd-cp/",
        ],
    );
    assert!(
        outcome.code == 0 && report["ok"] == true,
        "axe found problems:\n{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
}

#[test]
fn a_document_cited_by_many_lists_the_newest_twenty_and_points_to_the_search_for_the_rest() {
    let site = citing_site();
    for day in 1..=22 {
        support::write(
            &site
                .root
                .join(format!("content/tin-tuc/ke-hoach-{day:02}.md")),
            format!(
                "---\ntitle: \"Triển khai kế hoạch, đợt {day}\"\nslug: ke-hoach-{day:02}\n\
                 date: {day:02}/4/2025\n---\n\nĐợt {day} triển khai Kế hoạch số 15/KH-LHHN.\n"
            ),
        );
    }
    let out = build_ok(&site);
    let plan = support::read(&out.join("van-ban/15-kh-lhhn/index.html"));
    let listed = citing(&plan);
    // The newest twenty: 22 April back to 3 April.
    assert_eq!(
        listed.matches("<h3 class=\"item-title\">").count(),
        20,
        "{listed}"
    );
    assert!(listed.contains("tin-tuc/ke-hoach-22/"), "{listed}");
    assert!(listed.contains("tin-tuc/ke-hoach-03/"), "{listed}");
    assert!(!listed.contains("tin-tuc/ke-hoach-02/"), "{listed}");
    assert!(
        listed.contains("20 bài mới nhất trong 22 bài dẫn chiếu.")
            && listed.contains(
                "<a href=\"/cong/tim-kiem/?q=15%2FKH-LHHN\">Tìm mọi bài nhắc tới 15/KH-LHHN</a>"
            ),
        "{listed}"
    );
    // A document cited by fewer shows them all, with no pointer.
    let decree = support::read(&out.join("van-ban/80-2020-nd-cp/index.html"));
    assert!(!decree.contains("bài mới nhất trong"), "{decree}");
}

#[test]
fn check_reports_a_citation_dated_otherwise_and_lists_the_documents_the_library_lacks() {
    let site = citing_site();
    support::write(
        &site.root.join("content/tin-tuc/hoi-nghi-doi-ngoai.md"),
        "---\ntitle: \"Hội nghị đối ngoại nhân dân\"\ndate: 12/02/2025\n---\n\n\
         Hội nghị quán triệt Chỉ thị 38-CT/TW ngày 29/9/2019 của Ban Bí thư.\n",
    );
    let checked = bantin(site.tmp.path(), ["check", "--source", "site"]);
    let text = checked.transcript();
    // A warning, not an error: one of the two dates is wrong, and the editor decides which.
    assert_eq!(checked.code, 0, "{text}");
    for shown in [
        // (The diagnostic wraps at 100 columns.)
        "the article gives Chỉ thị 38-CT/TW the date 29/09/2019, but the documents library",
        "issued on 19/09/2019",
        "the library says 19/09/2019",
        "content/tin-tuc/hoi-nghi-doi-ngoai.md:6:",
        "ngày 29/9/2019",
        "the `issued:` line in",
        "content/van-ban/ct-38.md",
        // Counted without the list, and the way to the list.
        "documents cited in the articles: 7 citations, 5 linked to the documents library; 2 \
         documents cited are not in the library",
        "bantin check --missing-documents",
    ] {
        assert!(text.contains(shown), "not shown: {shown}\n{text}");
    }
    // The caret sits under the date written.
    let caret_line = text
        .lines()
        .skip_while(|l| !l.contains("quán triệt Chỉ thị 38-CT/TW ngày 29/9/2019"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        caret_line.contains("─") || caret_line.contains('^'),
        "{text}"
    );
    // The same date written right is no warning.
    assert!(!text.contains("date 19/09/2019, but"), "{text}");

    let listed = bantin(
        site.tmp.path(),
        ["check", "--source", "site", "--missing-documents"],
    );
    let text = listed.transcript();
    assert_eq!(listed.code, 0, "{text}");
    for shown in [
        "– Quyết định 308/QĐ-UBND: cited once, at content/tin-tuc/tong-ket-vien-tro.md:7:",
        "– Chỉ thị 12-CT/TW: cited once, at content/tin-tuc/tap-huan-cap-xa.md:7:",
    ] {
        assert!(text.contains(shown), "not shown: {shown}\n{text}");
    }
    assert!(!text.contains("Nghị định 80/2020/NĐ-CP: cited"), "{text}");

    let json = bantin(
        site.tmp.path(),
        ["check", "--source", "site", "--format", "json"],
    );
    let report: serde_json::Value =
        serde_json::from_str(&json.stdout).unwrap_or_else(|e| panic!("{e}\n{}", json.stdout));
    let documents = &report["checked"]["documents"];
    assert_eq!(documents["citations"], 7, "{documents}");
    assert_eq!(documents["linked"], 5, "{documents}");
    assert_eq!(
        documents["missing"][0]["document"], "Chỉ thị 12-CT/TW",
        "{documents}"
    );
    let dated = report["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["code"] == "check::citation-date");
    assert!(
        dated.is_some_and(|p| p["line"] == 6 && p["severity"] == "warning"),
        "{report}"
    );
}

#[test]
fn the_preview_links_the_articles_when_the_document_they_cite_is_added() {
    let site = citing_site();
    let server = Server::start_in(&site.root, NO_ARGS);
    let article = "tin-tuc/tong-ket-vien-tro/";
    let (status, page) = server.page(article);
    assert_eq!(status, 200);
    assert!(
        page.contains("cùng Quyết định số 308/QĐ-UBND của tỉnh"),
        "{page}"
    );

    // The file first, then the document naming it: each its own rebuild, so that the page is
    // asked for after the one that matters.
    server.after("a new file", || {
        support::write(
            &site.root.join("static/files/qd-308.pdf"),
            b"%PDF-1.4\n%%EOF\n",
        );
    });
    server.after("a new document", || {
        save(
            &site,
            "content/van-ban/qd-308.md",
            "---\nnumber: 308/QĐ-UBND\nkind: Quyết định\nissuer: UBND tỉnh\nissued: 20/01/2023\n\
             summary: Phê duyệt chương trình viện trợ\nfiles:\n  - src: /files/qd-308.pdf\n---\n",
        );
    });
    let (_, page) = server.page(article);
    assert!(
        page.contains(
            "<a href=\"/cong/van-ban/308-qd-ubnd/\" class=\"van-ban\">Quyết định số \
             308/QĐ-UBND</a>"
        ),
        "{page}"
    );
    let (status, document) = server.page("van-ban/308-qd-ubnd/");
    assert_eq!(status, 200);
    assert!(
        citing(&document).contains("tin-tuc/tong-ket-vien-tro/"),
        "{document}"
    );

    // The citation taken out of the article: the document's page no longer lists it.
    server.after("the citation removed", || {
        let file = "content/tin-tuc/tong-ket-vien-tro.md";
        let text = support::read(&site.root.join(file));
        save(
            &site,
            file,
            &text.replacen(", cùng Quyết định số 308/QĐ-UBND của tỉnh", "", 1),
        );
    });
    let (_, document) = server.page("van-ban/308-qd-ubnd/");
    assert!(!document.contains("Bài viết dẫn chiếu"), "{document}");
}
