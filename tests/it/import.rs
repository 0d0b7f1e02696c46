//! `bantin import wordpress`, as a union's technician runs it: takes bantin's own fixture
//! exports (tests/fixtures/wordpress: classic editor, block editor, edge cases — Vietnamese text
//! written for these tests) and an uploads folder of real JPEG files, runs the command from
//! inside the site folder with relative paths, and gives proof that the imported site builds and
//! passes the HTML, feed, sitemap and link checks; that captions, galleries, source and byline,
//! drafts, sticky posts, pages with parents, featured images and media come over; that every
//! old address leads somewhere; and that a second run, `--dry-run` and bad input change nothing.

use std::fs;
use std::path::PathBuf;

use crate::links;
use crate::support::{self, Outcome, TempSite, Tree, bantin};

pub(crate) const BASE_URL: &str = "https://lhhn.example.vn/";

fn fixture(name: &str) -> PathBuf {
    support::repo().join("tests/fixtures/wordpress").join(name)
}

/// A new union site with a category list (one of the export's categories already in it), and
/// the old site's uploads folder beside it: real photos, a PDF; one photo the export uses is
/// missing on purpose.
pub(crate) fn new_site() -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "title = \"Liên hiệp các tổ chức hữu nghị tỉnh An Giang\"\nbase_url = \"{BASE_URL}\"\nprovince = \"An Giang\"\ncategories = [\"Tin tức hoạt động\"]\n"
        )),
    );
    let uploads = site.sibling("uploads");
    let photo = |from: &str, to: &str| {
        let to = uploads.join(to);
        fs::create_dir_all(to.parent().expect("a folder")).expect("uploads");
        fs::copy(support::repo().join("static/images").join(from), &to).expect("a photo");
    };
    photo(
        "2023/giao-luu-viet-nhat.jpg",
        "2020/05/quang-canh-hoi-nghi.jpg",
    );
    photo("2022/vong-tay-huu-nghi.jpg", "2020/06/trao-xe-dap.jpg");
    photo("2022/vong-tay-huu-nghi.jpg", "2021/03/hoc-bong.jpg");
    support::write(
        &uploads.join("2020/05/bao-cao-tong-ket-2019.pdf"),
        "%PDF-1.4\n% báo cáo tổng kết\n%%EOF\n",
    );
    site
}

/// `bantin import wordpress <export> --media ../uploads [more]`, run inside the site folder.
fn import(site: &TempSite, export: &str, more: &[&str]) -> Outcome {
    let export = fixture(export);
    let mut args = vec![
        "import".to_string(),
        "wordpress".to_string(),
        export.display().to_string(),
        "--media".to_string(),
        "../uploads".to_string(),
    ];
    args.extend(more.iter().map(|s| s.to_string()));
    bantin(&site.root, args)
}

pub(crate) fn read(site: &TempSite, rel: &str) -> String {
    support::read(&site.root.join(rel))
}

pub(crate) fn front_matter(text: &str) -> &str {
    text.split("---\n").nth(1).unwrap_or_default()
}

pub(crate) fn body(text: &str) -> &str {
    text.splitn(3, "---\n").nth(2).unwrap_or_default()
}

pub(crate) fn build(site: &TempSite) -> (Outcome, PathBuf) {
    let out = site.sibling("public");
    let built = bantin(
        &site.root,
        ["build", "--output", out.to_str().expect("utf-8 path")],
    );
    (built, out)
}

#[test]
fn imported_portals_build_and_pass_the_html_feed_sitemap_and_link_checks() {
    let site = new_site();
    for export in ["classic.xml", "block.xml", "edge.xml"] {
        let run = import(&site, export, &[]);
        assert_eq!(run.code, 0, "{export}: {}", run.transcript());
    }
    let (built, out) = build(&site);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let check = bantin(&site.root, ["check"]);
    assert_eq!(check.code, 0, "bantin check: {}", check.transcript());

    assert_site_passes_the_checks(&out, BASE_URL);
}

#[test]
fn a_classic_post_keeps_its_caption_gallery_source_byline_and_featured_image() {
    let site = new_site();
    let run = import(&site, "classic.xml", &[]);
    assert_eq!(run.code, 0, "{}", run.transcript());

    let tong_ket = read(
        &site,
        "content/tin-tuc/2020/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019.md",
    );
    let head = front_matter(&tong_ket);
    // post_date_gmt 01:30 UTC is 08:30 in Asia/Ho_Chi_Minh.
    assert!(head.contains("date: 27/05/2020 08:30\n"), "{tong_ket}");
    assert!(
        head.contains("category: \"Tin tức hoạt động\"\n"),
        "the first category that is not “Chưa phân loại”: {head}"
    );
    assert!(
        head.contains("tags: [\"Đối ngoại nhân dân\", \"hội nghị\", \"Kiên Giang\"]"),
        "the other category becomes a tag: {head}"
    );
    assert!(
        head.contains("province: \"Kiên Giang\"\n"),
        "guessed from the tag: {head}"
    );
    assert!(head.contains("featured: true\n"), "sticky: {head}");
    assert!(
        head.contains("author: \"Q.N\"\n"),
        "the byline line is lifted: {head}"
    );
    assert!(
        !body(&tong_ket).contains("Q.N"),
        "and leaves the body: {tong_ket}"
    );
    assert!(
        head.contains("  src: \"/images/2020/05/quang-canh-hoi-nghi.jpg\"\n"),
        "{head}"
    );
    assert!(
        head.contains("  alt: \"Quang cảnh hội nghị tổng kết\"\n"),
        "empty alt filled from the caption: {head}"
    );
    assert!(
        head.contains(
            "aliases: [\"/2020/05/27/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/\", \"/?p=12\"]"
        ),
        "{head}"
    );
    assert!(
        !head.contains("admin"),
        "a generic account is never the byline: {head}"
    );
    let text = body(&tong_ket);
    assert!(
        text.contains("![Quang cảnh hội nghị tổng kết](/images/2020/05/quang-canh-hoi-nghi.jpg \"Quang cảnh hội nghị tổng kết\")"),
        "the [caption] is a figure with its caption: {text}"
    );
    assert!(text.contains("**Ban Dân vận Tỉnh ủy**"), "{text}");
    assert!(
        text.contains("[báo cáo tổng kết](/files/2020/05/bao-cao-tong-ket-2019.pdf)"),
        "the PDF comes along: {text}"
    );
    assert!(
        text.contains("](/tin-tuc/trao-qua-cho-hoc-sinh-ngheo/)"),
        "a link to another post gets its new address: {text}"
    );
    assert!(
        !text.contains("&nbsp;") && !text.contains("[caption"),
        "{text}"
    );

    let trao_qua = read(&site, "content/tin-tuc/2020/trao-qua-cho-hoc-sinh-ngheo.md");
    assert!(
        front_matter(&trao_qua).contains("source: \"Báo Kiên Giang\"\n"),
        "{trao_qua}"
    );
    assert!(!body(&trao_qua).contains("Theo Báo"), "{trao_qua}");
    assert!(
        front_matter(&trao_qua).contains("author: \"Trần Thanh Hà\"\n"),
        "the account's display name: {trao_qua}"
    );
    let gallery = body(&trao_qua);
    assert!(
        gallery.contains("![Quang cảnh hội nghị tổng kết](/images/2020/05/quang-canh-hoi-nghi.jpg"),
        "{gallery}"
    );
    assert!(gallery.contains("![Trao xe đạp cho học sinh nghèo](/images/2020/06/trao-xe-dap.jpg \"Đại diện tổ chức phi chính phủ trao xe đạp cho học sinh xã Phú Mỹ\")"), "{gallery}");
    assert!(gallery.contains("| Phú Mỹ | 45 |"), "the table: {gallery}");
    assert!(
        gallery.contains(
            "https://lhhn-kiengiang.example.vn/wp-content/uploads/2020/06/anh-khong-con.jpg"
        ),
        "a missing photo keeps its old address: {gallery}"
    );
    assert!(
        run.stdout
            .contains("anh-khong-con.jpg (in content/tin-tuc/2020/trao-qua-cho-hoc-sinh-ngheo.md)"),
        "{}",
        run.stdout
    );

    let ca_mau = read(&site, "content/tin-tuc/2020/doan-dai-bieu-ca-mau.md");
    assert!(
        !front_matter(&ca_mau).contains("province:"),
        "two provinces named: no guess: {ca_mau}"
    );
    assert!(
        front_matter(&ca_mau).contains("author: \"Minh Anh\"\n"),
        "{ca_mau}"
    );
    assert!(
        run.stdout.contains("names An Giang")
            || run.stderr.contains("Cà Mau and Kiên Giang")
            || run.stderr.contains("Kiên Giang and Cà Mau"),
        "{}",
        run.transcript()
    );

    let draft = read(
        &site,
        "content/tin-tuc/2020/ke-hoach-giao-luu-huu-nghi-nam-2021.md",
    );
    assert!(front_matter(&draft).contains("draft: true\n"), "{draft}");
    assert!(
        front_matter(&draft).contains("date: 03/11/2020 09:20\n"),
        "post_date as local time when post_date_gmt is zero: {draft}"
    );
    let future = read(&site, "content/tin-tuc/2040/hop-mat-ky-niem.md");
    assert!(
        front_matter(&future).contains("date: 17/05/2040 08:00\n") && !future.contains("draft"),
        "{future}"
    );

    let child = read(&site, "content/ve-lien-hiep/ban-chap-hanh.md");
    assert!(child.contains("1. Chủ tịch: Nguyễn Văn An"), "{child}");
    assert!(site.root.join("content/ve-lien-hiep.md").is_file());

    assert!(
        site.root
            .join("static/images/2020/05/quang-canh-hoi-nghi.jpg")
            .is_file()
    );
    assert!(
        site.root
            .join("static/files/2020/05/bao-cao-tong-ket-2019.pdf")
            .is_file()
    );
    let toml = read(&site, "site.toml");
    assert!(
        toml.contains("categories = [\"Tin tức hoạt động\", \"Viện trợ phi chính phủ\"]"),
        "the missing category is appended: {toml}"
    );
    assert!(
        toml.contains("\"/category/tin-tuc/tin-hoat-dong/\" = \"/chuyen-muc/tin-tuc-hoat-dong/\""),
        "{toml}"
    );
    assert!(
        toml.contains("\"/tag/hoi-nghi/\" = \"/the/hoi-nghi/\""),
        "{toml}"
    );
    assert!(
        toml.contains("\"/2020/05/\" = \"/luu-tru/2020/05/\""),
        "{toml}"
    );
    assert!(toml.contains("\"/feed/\" = \"/rss.xml\""), "{toml}");
    for line in [
        "imported: 5 articles, 2 pages (1 as drafts, 1 scheduled, 1 featured (sticky))",
        "1 × type \"nav_menu_item\" is not content bantin publishes",
        "comments: 2 (not published)",
        "media: 3 copied, 0 unchanged, 0 kept, 1 missing",
        "hint: the old posts' addresses follow /:year/:month/:day/:slug/",
    ] {
        assert!(
            run.stdout.contains(line),
            "report lacks {line:?}:\n{}",
            run.stdout
        );
    }

    // The old addresses, as the built site serves them.
    let (built, out) = build(&site);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let old = support::read(
        &out.join("2020/05/27/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/index.html"),
    );
    assert!(
        old.contains("/tin-tuc/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/"),
        "{old}"
    );
    let category = support::read(&out.join("category/tin-tuc/tin-hoat-dong/index.html"));
    assert!(
        category.contains("/chuyen-muc/tin-tuc-hoat-dong/"),
        "{category}"
    );
    let article = support::read(
        &out.join("tin-tuc/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/index.html"),
    );
    assert!(
        article.contains("<figcaption>Quang cảnh hội nghị tổng kết</figcaption>"),
        "{article}"
    );
}

#[test]
fn a_second_run_changes_nothing_a_dry_run_writes_nothing_and_edits_are_kept() {
    let site = new_site();
    let before = Tree::of(&site.root);
    let dry = import(&site, "classic.xml", &["--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.transcript());
    Tree::of(&site.root).assert_same(&before, "a dry run");
    assert!(
        dry.stdout.contains("would be written")
            && dry.stdout.contains("dry run: nothing was written"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout
            .contains("categories would be added: Viện trợ phi chính phủ"),
        "{}",
        dry.stdout
    );

    let first = import(&site, "classic.xml", &[]);
    assert_eq!(first.code, 0, "{}", first.transcript());
    let imported = Tree::of(&site.root);

    let edited = site
        .root
        .join("content/tin-tuc/2020/doan-dai-bieu-ca-mau.md");
    let text = support::read(&edited).replace("Chiều 15/7", "Chiều ngày 15/7");
    support::write(&edited, &text);
    let second = import(&site, "classic.xml", &[]);
    assert_eq!(second.code, 0, "{}", second.transcript());
    assert_eq!(support::read(&edited), text, "the editor's change is kept");
    assert!(
        second
            .stdout
            .contains("kept: content/tin-tuc/2020/doan-dai-bieu-ca-mau.md"),
        "{}",
        second.stdout
    );
    assert!(
        second.stdout.contains("nothing changed"),
        "{}",
        second.stdout
    );
    assert_eq!(
        imported.diff(&Tree::of(&site.root)),
        ["~ content/tin-tuc/2020/doan-dai-bieu-ca-mau.md (changed)"],
        "a second run writes nothing"
    );
}

#[test]
fn json_report_counts_what_the_human_one_says() {
    let site = new_site();
    let run = import(&site, "classic.xml", &["--dry-run", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    let report = &json["report"];
    assert_eq!(report["articles"], 5);
    assert_eq!(report["pages"], 2);
    assert_eq!(report["comments"], 2);
    assert_eq!(report["dry_run"], true);
    assert_eq!(
        report["skipped"][0]["reason"],
        "type \"nav_menu_item\" is not content bantin publishes"
    );
    assert_eq!(
        report["media"]["missing"][0]["used_by"][0],
        "content/tin-tuc/2020/trao-qua-cho-hoc-sinh-ngheo.md"
    );
    assert_eq!(report["sources_lifted"], 1);
    assert!(json["problems"].is_array());
}

/// Bad exports: a clear error at the line, exit 1, and the site exactly as it was.
#[test]
fn bad_exports_are_refused_with_their_line_and_nothing_is_written() {
    let site = new_site();
    let before = Tree::of(&site.root);
    let classic = fs::read_to_string(fixture("classic.xml")).expect("fixture");
    let cut = &classic[..classic
        .find("<wp:post_name><![CDATA[trao-qua")
        .expect("an item")];
    let cases: [(&str, String, &str); 3] = [
        (
            "not-xml.xml",
            "Tiêu đề,Ngày\nHội nghị,27/05/2020\n".to_string(),
            "not XML",
        ),
        ("cut.xml", cut.to_string(), "cut short"),
        (
            "broken.xml",
            classic.replacen("</wp:post_name>", "</wp:name>", 1),
            "not well-formed",
        ),
    ];
    for (name, text, says) in cases {
        let path = site.sibling(name);
        support::write(&path, &text);
        let run = bantin(
            &site.root,
            ["import", "wordpress", path.to_str().expect("utf-8")],
        );
        assert_eq!(run.code, 1, "{name}: {}", run.transcript());
        assert!(run.stderr.contains(says), "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("nothing was imported"),
            "{name}: {}",
            run.stderr
        );
        if name == "broken.xml" {
            let line = text
                .lines()
                .position(|l| l.contains("</wp:name>"))
                .expect("line")
                + 1;
            assert!(
                run.stderr.contains(&format!("{name}:{line}:")),
                "{name}: line {line}: {}",
                run.stderr
            );
        }
        Tree::of(&site.root).assert_same(&before, name);
    }
    let missing = bantin(&site.root, ["import", "wordpress", "khong-co.xml"]);
    assert_eq!(missing.code, 1, "{}", missing.transcript());
    assert!(
        missing
            .stderr
            .contains("cannot read the export khong-co.xml"),
        "{}",
        missing.stderr
    );
    Tree::of(&site.root).assert_same(&before, "a missing export");
}

#[test]
fn edge_cases_are_imported_as_drafts_skipped_with_a_reason_or_warned_about() {
    let site = new_site();
    let run = import(&site, "edge.xml", &["--province", "Bạc Liêu"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let export = fs::read_to_string(fixture("edge.xml")).expect("fixture");
    let line = export
        .lines()
        .position(|l| l.contains("<title></title>"))
        .expect("line");
    // The problem points at the <item> that holds the empty title: the line before it.
    assert!(
        run.stderr.contains(&format!("edge.xml:{line}:"))
            && run.stderr.contains("has no title: it was not imported"),
        "line {line}: {}",
        run.stderr
    );
    assert!(run.stdout.contains("1 × no title"), "{}", run.stdout);
    assert!(
        run.stdout.contains("1 × status \"trash\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("(attachment 999)") && run.stderr.contains("is not in the export"),
        "{}",
        run.stderr
    );

    let hoi_nghi = read(&site, "content/tin-tuc/2022/hoi-nghi-doan-ket-huu-nghi.md");
    let head = front_matter(&hoi_nghi);
    assert!(
        head.contains("title: \"Hội nghị \\\"Đoàn kết: Hữu nghị\\\" giữa hai tỉnh kết nghĩa\"\n"),
        "{head}"
    );
    assert!(
        head.contains("province: \"Bạc Liêu\"\n"),
        "--province: {head}"
    );
    assert!(
        !head.contains("category:"),
        "“Chưa phân loại” is no category: {head}"
    );
    assert!(
        head.contains("summary: \"Hội nghị hợp tác giữa hai tỉnh.\"\n"),
        "the excerpt as text: {head}"
    );
    assert!(
        !head.contains("author:"),
        "“Administrator” is a generic account: {head}"
    );
    let text = body(&hoi_nghi);
    assert!(
        text.contains("Champasak") && text.contains("2022-2027") && text.contains("0297 3000 123"),
        "{text}"
    );
    assert!(
        !text.contains("style=") && !text.contains("<script") && !text.contains("contact-form-7"),
        "{text}"
    );

    let protected = read(&site, "content/tin-tuc/2022/bien-ban.md");
    assert!(
        front_matter(&protected).contains("draft: true\n"),
        "a password-protected post is never published: {protected}"
    );
    assert!(
        front_matter(&protected).contains("tags: [\"Hội nghị\"]"),
        "one spelling per tag: {protected}"
    );
    for (file, status) in [
        ("bai-cho-duyet-ve-giao-luu-van-nghe", "pending"),
        ("ghi-chu", "private"),
    ] {
        let text = read(&site, &format!("content/tin-tuc/2022/{file}.md"));
        assert!(
            front_matter(&text).contains("draft: true\n"),
            "{status}: {text}"
        );
        assert!(
            run.stdout.contains(&format!("({status})")),
            "{status}: {}",
            run.stdout
        );
    }
    assert!(
        !site
            .root
            .join("content/tin-tuc/2022/bai-da-xoa.md")
            .exists()
    );
    let tcvn3 = read(&site, "content/tin-tuc/2008/giao-luu-huu-nghi.md");
    assert!(
        tcvn3.contains("title: \"Giao lưu hữu nghị với nhân dân Campuchia năm 2008\"")
            && tcvn3.contains("đoàn đại biểu Hội Hữu nghị Việt Nam – Campuchia tỉnh đã thăm"),
        "TCVN3 text comes back in Unicode: {tcvn3}"
    );
    assert!(
        run.stdout
            .contains("converted from a legacy Vietnamese encoding: 2"),
        "{}",
        run.stdout
    );
    let (built, _) = build(&site);
    assert_eq!(built.code, 0, "{}", built.transcript());
}

#[test]
fn an_unknown_province_or_media_folder_is_refused_before_anything_is_read() {
    let site = new_site();
    let before = Tree::of(&site.root);
    let run = import(&site, "classic.xml", &["--province", "Kien Giangg"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains("Kiên Giang"),
        "did you mean: {}",
        run.stderr
    );
    let run = bantin(
        &site.root,
        [
            "import",
            "wordpress",
            fixture("classic.xml").to_str().expect("utf-8"),
            "--media",
            "../khong-co",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("--media folder ../khong-co does not exist"),
        "{}",
        run.stderr
    );
    Tree::of(&site.root).assert_same(&before, "refused runs");
}

#[test]
fn block_editor_posts_keep_their_blocks_gallery_and_footnotes() {
    let site = new_site();
    let run = import(&site, "block.xml", &[]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let hoc_bong = read(
        &site,
        "content/tin-tuc/2021/trao-hoc-bong-vong-tay-huu-nghi.md",
    );
    let head = front_matter(&hoc_bong);
    assert!(
        head.contains("title: \"Trao học bổng “Vòng tay hữu nghị” năm học 2020 – 2021\"\n"),
        "entities decoded: {head}"
    );
    assert!(
        head.contains("category: \"Tin tức hoạt động\"\n"),
        "“Uncategorized” is no category: {head}"
    );
    assert!(
        head.contains("tags: [\"học bổng\"]\n"),
        "one spelling per tag: {head}"
    );
    assert!(head.contains("author: \"BBT.\"\n"), "{head}");
    assert!(
        head.contains("slug: \"trao-hoc-bong-vong-tay-huu-nghi\"\n"),
        "WordPress's slug is kept: {head}"
    );
    let text = body(&hoc_bong);
    for part in [
        "![Các em học sinh nhận học bổng](/images/2021/03/hoc-bong.jpg \"Các em học sinh nhận học bổng\")",
        "## Kết quả vận động",
        "- 50 suất học bổng, mỗi suất 2 triệu đồng;",
        "> Học bổng tiếp thêm động lực cho các em đến trường.",
        "Chương trình do các nhà hảo tâm",
        "| Tri Tôn | 30 |",
    ] {
        assert!(text.contains(part), "{part:?} missing:\n{text}");
    }
    assert!(!text.contains("wp:") && !text.contains("BBT."), "{text}");

    let trien_lam = read(&site, "content/tin-tuc/2021/trien-lam-anh-huu-nghi.md");
    assert!(
        front_matter(&trien_lam).contains("source: \"Tạp chí Thời Đại\"\n"),
        "{trien_lam}"
    );
    let text = body(&trien_lam);
    assert!(
        text.contains("![Ảnh tư liệu](/images/2021/03/hoc-bong.jpg)"),
        "{text}"
    );
    assert!(
        text.contains("![Khách tham quan triển lãm](https://lhhn-angiang.example.vn/wp-content/uploads/2021/04/trien-lam.jpg \"Khách tham quan triển lãm\")"),
        "a gallery is a run of figures; a missing photo keeps its address: {text}"
    );
    assert!(text.contains("80 bức ảnh[^1] về"), "{text}");
    assert!(
        text.contains("[^1]: Ảnh của các phóng viên *Báo Ảnh Việt Nam* và hội viên."),
        "the footnote from the post's meta: {text}"
    );
    assert!(text.contains("[https://www.youtube.com/watch?v=abcdefghijk](https://www.youtube.com/watch?v=abcdefghijk)"), "an embed is a link: {text}");

    let (built, out) = build(&site);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let page = support::read(&out.join("tin-tuc/trien-lam-anh-huu-nghi/index.html"));
    assert!(
        page.contains("Báo Ảnh Việt Nam</em> và hội viên."),
        "{page}"
    );
    assert!(support::read(&out.join("redirects.json")).contains("\"/?p=205\""));
}

/// The old portal's addresses, as its sitemap, links from newspapers and an access log give
/// them, after the import: each leads to the same news in a real browser, and `check
/// --old-urls` finds them all but the one post that was never exported.
#[test]
fn every_old_address_of_the_imported_portal_still_leads_to_its_page() {
    let site = new_site();
    let run = import(&site, "classic.xml", &[]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let (built, out) = build(&site);
    assert_eq!(built.code, 0, "{}", built.transcript());

    let article = "/tin-tuc/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/";
    let expected = [
        ("/?p=12", article),
        ("/?page_id=31", "/ve-lien-hiep/ban-chap-hanh/"),
        (
            "/2020/05/27/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/",
            article,
        ),
        (
            "/category/tin-tuc/tin-hoat-dong/",
            "/chuyen-muc/tin-tuc-hoat-dong/",
        ),
        ("/tag/hoi-nghi/", "/the/hoi-nghi/"),
        ("/2020/06/", "/luu-tru/2020/06/"),
        (
            "/ve-lien-hiep/ban-chap-hanh/",
            "/ve-lien-hiep/ban-chap-hanh/",
        ),
    ];
    let open: Vec<&str> = expected.iter().map(|(old, _)| *old).collect();
    let ended = crate::redirects::opened(&out, "/", &open);
    for ((old, want), (_, got)) in expected.iter().zip(&ended) {
        assert_eq!(got, want, "{old} in Chromium");
    }

    let list = site.sibling("dia-chi-cu.txt");
    support::write(
        &list,
        "# the old sitemap and access log\n\
         https://lhhn-kiengiang.example.vn/2020/05/27/tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/\n\
         https://lhhn-kiengiang.example.vn/2020/06/02/trao-qua-cho-hoc-sinh-ngheo/\n\
         https://lhhn-kiengiang.example.vn/?p=18\n\
         /category/tin-tuc/tin-hoat-dong/\n\
         /feed/\n\
         /ve-lien-hiep/\n\
         https://lhhn-kiengiang.example.vn/2019/12/30/chuc-mung-nam-moi-2020/\n",
    );
    let check = bantin(&site.root, ["check", "--old-urls", "../dia-chi-cu.txt"]);
    assert_eq!(check.code, 1, "{}", check.transcript());
    assert!(
        check
            .stderr
            .contains("checked 7 old addresses: 6 kept, 1 would be lost"),
        "{}",
        check.transcript()
    );
    assert!(
        check.stderr.contains("dia-chi-cu.txt:8:"),
        "{}",
        check.stderr
    );
}

/// vnu, the feed and sitemap checkers and the link checker on a built site: every failure
/// listed together.
pub(crate) fn assert_site_passes_the_checks(out: &std::path::Path, base_url: &str) {
    let mut failures = Vec::new();
    let vnu = support::vnu(out);
    let messages = format!("{}{}", vnu.stdout, vnu.stderr);
    if vnu.code != 0 || !messages.trim().is_empty() {
        failures.push(format!("vnu:\n{messages}"));
    }
    let feeds = support::feed_checker(out, base_url);
    if feeds.code != 0 {
        failures.push(format!("feeds:\n{}", feeds.transcript()));
    }
    let sitemap = support::sitemap_checker(out, base_url);
    if sitemap.code != 0 {
        failures.push(format!("sitemap:\n{}", sitemap.transcript()));
    }
    let broken = links::check(out, base_url);
    if !broken.is_empty() {
        failures.push(format!("broken links:\n{}", broken.join("\n")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
