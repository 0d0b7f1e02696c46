//! `bantin import html`, as a union's technician runs it on a portal that is not WordPress: takes
//! bantin's own fixture portal (tests/fixtures/html-portal: saved pages of a Trà Vinh union's
//! provincial CMS, with its visitor box, footer, share bar, related news and comment form; a wget
//! mirror holding a `Default.aspx?tabid=56&ItemID=1025` page; a list of old addresses; a mapping
//! file — Vietnamese text written for these tests), runs the command from inside the site folder
//! with relative paths, and gives proof that the strip worked, dates and old addresses came over,
//! the site passes the HTML, feed, sitemap and link checks, `--sample` shows what the mapping
//! finds, and that `--dry-run`, a second run and a bad mapping change nothing.

use std::path::PathBuf;

use crate::support::{self, Outcome, TempSite, Tree, bantin};

/// The new portal's address; the old one (`lhhn-travinh.example.vn`) keeps serving its photos
/// until they are copied (the photos of a portal that is not WordPress are not copied yet).
const BASE_URL: &str = "https://huunghi.travinh.example.vn/";

/// A new union site, and the old portal's saved pages, mirror, list and mapping beside it in
/// `../old/`.
fn new_site() -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "title = \"Liên hiệp các tổ chức hữu nghị tỉnh Trà Vinh\"\nbase_url = \"{BASE_URL}\"\nprovince = \"Trà Vinh\"\n"
        )),
    );
    support::copy_tree(
        &support::repo().join("tests/fixtures/html-portal"),
        &site.sibling("old"),
        &[],
    );
    site
}

/// `bantin import html ../old/saved --mapping ../old/mapping.toml [more]`, inside the site.
fn import_saved(site: &TempSite, more: &[&str]) -> Outcome {
    let mut args = vec![
        "import",
        "html",
        "../old/saved",
        "--mapping",
        "../old/mapping.toml",
    ];
    args.extend(more);
    bantin(&site.root, args)
}

/// `bantin import html --list ../old/list.txt --mirror ../old/mirror --mapping …`.
fn import_listed(site: &TempSite, more: &[&str]) -> Outcome {
    let mut args = vec![
        "import",
        "html",
        "--list",
        "../old/list.txt",
        "--mirror",
        "../old/mirror",
        "--mapping",
        "../old/mapping.toml",
    ];
    args.extend(more);
    bantin(&site.root, args)
}

fn read(site: &TempSite, rel: &str) -> String {
    support::read(&site.root.join(rel))
}

fn articles(site: &TempSite) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for year in support::read_dir_sorted(&site.root.join("content/tin-tuc")) {
        if !year.is_dir() {
            continue;
        }
        for file in support::read_dir_sorted(&year) {
            let rel = file
                .strip_prefix(&site.root)
                .expect("inside the site")
                .display()
                .to_string();
            out.push((rel, support::read(&file)));
        }
    }
    out
}

fn build(site: &TempSite) -> (Outcome, PathBuf) {
    let out = site.sibling("public");
    let built = bantin(
        &site.root,
        ["build", "--output", out.to_str().expect("utf-8 path")],
    );
    (built, out)
}

#[test]
fn saved_pages_import_and_pass_the_html_feed_sitemap_and_link_checks() {
    let site = new_site();
    // The old server's document root holds one of the two photos.
    let root = site.sibling("old-root");
    let photo = root.join("Uploads/News/2020/05/quang-canh-hoi-nghi.jpg");
    std::fs::create_dir_all(photo.parent().expect("a folder")).expect("folder");
    std::fs::copy(
        support::repo().join("static/images/2023/giao-luu-viet-nhat.jpg"),
        &photo,
    )
    .expect("a photo");
    let saved = import_saved(&site, &["--media", "../old-root"]);
    assert_eq!(saved.code, 0, "{}", saved.transcript());
    assert!(
        saved
            .stdout
            .contains("media: 1 copied, 0 unchanged, 0 kept, 1 missing"),
        "{}",
        saved.stdout
    );
    assert!(
        site.root
            .join("static/images/Uploads/News/2020/05/quang-canh-hoi-nghi.jpg")
            .is_file()
    );
    let listed = import_listed(&site, &[]);
    assert_eq!(listed.code, 0, "{}", listed.transcript());

    // Four articles; the page without a date is reported at its title and left out.
    let imported = articles(&site);
    let files: Vec<&str> = imported.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "content/tin-tuc/2020/hoi-nghi-tong-ket-cong-tac-doi-ngoai-nhan-dan.md",
            "content/tin-tuc/2021/trao-hoc-bong-cho-hoc-sinh-khmer.md",
            "content/tin-tuc/2024/doan-thanh-nien-campuchia-tham-tinh-tra-vinh.md",
            "content/tin-tuc/2024/giao-luu-huu-nghi-voi-tinh-tra-vinh.md",
        ]
    );
    assert!(
        saved
            .stderr
            .contains("../old/saved/tin-tuc/thong-bao-tuyen-dung-1028.html:22:")
            && saved
                .stderr
                .contains("no date: “.ngay-dang” matched nothing: it was not imported"),
        "{}",
        saved.stderr
    );
    assert!(saved.stdout.contains("1 × no date"), "{}", saved.stdout);
    assert!(
        listed.stderr.contains("../old/list.txt:5:")
            && listed.stderr.contains("is not in the mirror"),
        "{}",
        listed.stderr
    );
    assert!(
        listed.stdout.contains("1 × not in the mirror"),
        "{}",
        listed.stdout
    );

    // What `strip` names, and the fields the front-matter holds, are not in any text.
    for (file, text) in &imported {
        for gone in [
            "Thống kê truy cập",
            "Số lượt truy cập",
            "Chia sẻ",
            "Tin liên quan",
            "Ý kiến bạn đọc",
            "Gửi ý kiến",
            "Bản quyền",
            "Tác giả:",
        ] {
            assert!(!text.contains(gone), "{file} holds “{gone}”:\n{text}");
        }
    }
    let hoi_nghi = read(
        &site,
        "content/tin-tuc/2020/hoi-nghi-tong-ket-cong-tac-doi-ngoai-nhan-dan.md",
    );
    for line in [
        "date: 27/05/2020 00:00\n",
        "id: 1024\n",
        "category: \"Hoạt động hữu nghị\"\n",
        "author: \"Kim Thị Ngọc Hân\"\n",
        // Copied from the old server's files; the other photo keeps its old address.
        "  src: \"/images/Uploads/News/2020/05/quang-canh-hoi-nghi.jpg\"\n",
        "  caption: \"Quang cảnh hội nghị tổng kết\"\n",
        "aliases: [\"/tin-tuc/hoi-nghi-tong-ket-cong-tac-doi-ngoai-nhan-dan-1024.html\"]\n",
        "## Nhiệm vụ năm 2020\n",
        // A relative link to another saved article leads to its new address.
        "[giao lưu hữu nghị với đoàn bạn](/tin-tuc/giao-luu-huu-nghi-voi-tinh-tra-vinh/)",
    ] {
        assert!(hoi_nghi.contains(line), "{line}\n{hoi_nghi}");
    }
    let giao_luu = read(
        &site,
        "content/tin-tuc/2024/giao-luu-huu-nghi-voi-tinh-tra-vinh.md",
    );
    for line in [
        "date: 22/02/2024 12:00\n",
        "source: \"Báo Trà Vinh\"\n",
        "author: \"Minh Anh\"\n",
        "  src: \"https://lhhn-travinh.example.vn/Uploads/News/2024/02/giao-luu.jpg\"\n",
    ] {
        assert!(giao_luu.contains(line), "{line}\n{giao_luu}");
    }
    assert!(
        !giao_luu.contains("<img") && !giao_luu.contains("!["),
        "{giao_luu}"
    );
    let listed_article = read(
        &site,
        "content/tin-tuc/2024/doan-thanh-nien-campuchia-tham-tinh-tra-vinh.md",
    );
    for line in [
        "date: 22/02/2024 12:00\n",
        "id: 1025\n",
        "aliases: [\"/Default.aspx?tabid=56&ItemID=1025\", \"/tin-tuc/doan-thanh-nien-campuchia-tham-tra-vinh-1025.html\"]\n",
    ] {
        assert!(listed_article.contains(line), "{line}\n{listed_article}");
    }

    let (built, out) = build(&site);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let check = bantin(&site.root, ["check"]);
    assert_eq!(check.code, 0, "bantin check: {}", check.transcript());

    crate::import::assert_site_passes_the_checks(&out, BASE_URL);

    // Every old address of an imported article, the query-string one too, still leads to it.
    support::write(
        &site.sibling("dia-chi-cu.txt"),
        "https://lhhn-travinh.example.vn/tin-tuc/hoi-nghi-tong-ket-cong-tac-doi-ngoai-nhan-dan-1024.html\n\
         https://lhhn-travinh.example.vn/Default.aspx?tabid=56&ItemID=1025\n\
         /tin-tuc/doan-thanh-nien-campuchia-tham-tra-vinh-1025.html\n\
         /tin-tuc/giao-luu-huu-nghi-voi-tinh-tra-vinh-1026.html\n\
         /tin-tuc/trao-hoc-bong-cho-hoc-sinh-khmer-1027.html\n",
    );
    let old = bantin(&site.root, ["check", "--old-urls", "../dia-chi-cu.txt"]);
    assert_eq!(old.code, 0, "{}", old.transcript());
    assert!(
        old.stderr.contains("checked 5 old addresses: 5 kept")
            || old.stdout.contains("checked 5 old addresses: 5 kept"),
        "{}",
        old.transcript()
    );
}

#[test]
fn sample_shows_what_the_mapping_finds_and_writes_nothing() {
    let site = new_site();
    let before = Tree::of(&site.root);
    let run = import_saved(&site, &["--sample", "2"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    Tree::of(&site.root).assert_same(&before, "--sample");
    let expected = [
        "../old/saved/tin-tuc/giao-luu-huu-nghi-voi-tinh-tra-vinh-1026.html\n",
        "  address:   https://lhhn-travinh.example.vn/tin-tuc/giao-luu-huu-nghi-voi-tinh-tra-vinh-1026.html\n",
        "  title:     Giao lưu hữu nghị với đoàn đại biểu tỉnh Vĩnh Long\n",
        "  date:      22/02/2024 12:00:00 (from “Thứ Năm, 22/02/2024 12:00:00”)\n",
        "  author:    Minh Anh\n",
        "  category:  Hoạt động hữu nghị\n",
        "  image:     https://lhhn-travinh.example.vn/Uploads/News/2024/02/giao-luu.jpg (alt “Các đại biểu chụp ảnh lưu niệm”)\n",
        "  body:      Chiều 22/2, đoàn đại biểu Liên hiệp",
        "  stripped:  4 elements\n",
        "  missing:   nothing\n",
        "  date:      27/05/2020 00:00:00 (from “Ngày: 27.05.2020”)\n",
        "  author:    Kim Thị Ngọc Hân\n",
        "sample of 2 pages: nothing was written",
    ];
    for line in expected {
        assert!(run.stdout.contains(line), "{line}\n{}", run.stdout);
    }
    assert!(
        !run.stdout.contains("trao-hoc-bong"),
        "only two pages: {}",
        run.stdout
    );

    // A page the mapping cannot read says what is missing.
    let all = import_saved(&site, &["--sample", "10"]);
    assert!(
        all.stdout
            .contains("  missing:   no date: “.ngay-dang” matched nothing"),
        "{}",
        all.stdout
    );
    Tree::of(&site.root).assert_same(&before, "--sample 10");
}

#[test]
fn a_dry_run_writes_nothing_and_a_second_run_changes_nothing() {
    let site = new_site();
    let before = Tree::of(&site.root);
    let dry = import_saved(&site, &["--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.transcript());
    Tree::of(&site.root).assert_same(&before, "a dry run");
    assert!(
        dry.stdout.contains("3 would be written")
            || dry.stdout.contains("files: 3 would be written"),
        "{}",
        dry.stdout
    );

    for run in [import_saved(&site, &[]), import_listed(&site, &[])] {
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    let imported = Tree::of(&site.root);
    for run in [import_saved(&site, &[]), import_listed(&site, &[])] {
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.stdout.contains("nothing changed"), "{}", run.stdout);
    }
    Tree::of(&site.root).assert_same(&imported, "a second run");
}

#[test]
fn a_bad_mapping_is_an_error_at_its_line_and_nothing_is_written() {
    let site = new_site();
    let before = Tree::of(&site.root);
    let mapping = support::read(&site.sibling("old/mapping.toml"));
    let cases = [
        (
            mapping.replace("body = \"div.noi-dung\"", "body = \"div..noi-dung\""),
            "mapping.toml:9:",
            "“div..noi-dung” is not a CSS selector",
        ),
        (
            mapping.replace("author =", "autor ="),
            "mapping.toml:10:",
            "did you mean `author`?",
        ),
        (
            mapping.replace("\"footer\", ", "\"footer >\", "),
            "mapping.toml:13:",
            "“footer >” is not a CSS selector",
        ),
    ];
    for (text, at, says) in cases {
        support::write(&site.sibling("old/mapping.toml"), &text);
        let run = import_saved(&site, &[]);
        assert_eq!(run.code, 1, "{says}: {}", run.transcript());
        for want in [
            at,
            says,
            "the mapping file has errors; nothing was imported",
        ] {
            assert!(run.stderr.contains(want), "{want}: {}", run.stderr);
        }
        let sample = import_saved(&site, &["--sample", "1"]);
        assert_eq!(sample.code, 1, "{says}: {}", sample.transcript());
        assert!(sample.stderr.contains(at), "{}", sample.stderr);
        Tree::of(&site.root).assert_same(&before, says);
    }
}
