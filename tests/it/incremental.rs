//! Incremental rebuilds (what `bantin serve` does on every save): takes a copy of the sample
//! site and a scripted sequence of edits, and gives proof that after each edit the incremental
//! build equals a clean build byte for byte, while re-reading and re-rendering only what changed.

use std::collections::BTreeMap;
use std::fs;

use bantin::build::{Compiled, Memo, Options, compile, compile_with};

use crate::support;

fn files(compiled: &Compiled) -> BTreeMap<String, Vec<u8>> {
    compiled
        .files
        .iter()
        .map(|o| (o.path.clone(), o.bytes.to_vec()))
        .collect()
}

fn clean(options: &Options) -> BTreeMap<String, Vec<u8>> {
    files(&compile(options).unwrap_or_else(|e| panic!("clean build failed: {e}")))
}

#[test]
fn every_edit_rebuilds_to_what_a_clean_build_gives() {
    let site = support::copy_sample_site();
    let options = Options {
        source: site.root.clone(),
        ..Options::default()
    };
    let mut reuse = Memo::new();
    let first = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files(&first), clean(&options), "first build");
    let total_pages = first.pages;

    let news = site.root.join("content/tin-tuc");
    let article = news.join("2024/cum-thi-dua-so-5-so-ket-6-thang-2024.md");
    let kg = news.join("2020/tong-ket-doi-ngoai-nhan-dan-2019.md");
    type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "body",
            Box::new(|| {
                support::edit(
                    &article,
                    "tăng 8% so với cùng kỳ",
                    "tăng tám phần trăm so với cùng kỳ",
                )
            }),
        ),
        (
            "title",
            Box::new(|| {
                support::edit(
                    &article,
                    "vận động 78 tỉ đồng viện trợ",
                    "vận động được 78 tỉ đồng",
                )
            }),
        ),
        (
            "tags",
            Box::new(|| support::edit(&article, "tags: [", "tags: [thẻ mới sửa, ")),
        ),
        (
            "province",
            Box::new(|| support::edit(&kg, "province: Kiên Giang", "province: Cà Mau")),
        ),
        (
            "date into the future",
            Box::new(|| {
                support::edit(
                    &article,
                    "date: 2024-06-21T16:30:00+07:00",
                    "date: 2999-06-21T16:30:00+07:00",
                )
            }),
        ),
        (
            "delete",
            Box::new(|| fs::remove_file(&kg).unwrap_or_else(|e| panic!("{e}"))),
        ),
        (
            "add",
            Box::new(|| {
                support::write(
                    &news.join("2026/moi.md"),
                    "---\ntitle: Bài mới thêm\ndate: 2026-03-03 09:00\ntags: [Campuchia]\n---\n\nMột bài mới.\n",
                )
            }),
        ),
        (
            "template",
            Box::new(|| {
                support::edit(
                    &site.root.join("themes/default/templates/article.html"),
                    "</article>",
                    "</article>\n<!-- sửa mẫu -->",
                )
            }),
        ),
        (
            "site.toml",
            Box::new(|| {
                support::edit(
                    &site.root.join("site.toml"),
                    "page_size = 10",
                    "page_size = 7",
                )
            }),
        ),
    ];
    for (what, step) in steps {
        step();
        let compiled = compile_with(&options, &mut reuse)
            .unwrap_or_else(|e| panic!("after the {what} edit: {e}"));
        let expected = clean(&options);
        let got = files(&compiled);
        let differing: Vec<&String> = expected
            .keys()
            .chain(got.keys())
            .filter(|k| expected.get(*k) != got.get(*k))
            .collect();
        assert!(
            differing.is_empty(),
            "after the {what} edit these files differ from a clean build: {differing:?}"
        );
        match what {
            // A body edit re-reads one file and re-renders a handful of pages, not the site.
            "body" => {
                assert_eq!(
                    reuse.stats.reread, 1,
                    "body edit re-read {} files",
                    reuse.stats.reread
                );
                assert!(
                    !reuse.stats.reindexed,
                    "a body edit reuses the index (no list, term or related block changes)"
                );
                assert!(
                    reuse.stats.rerendered < total_pages / 3,
                    "body edit re-rendered {} of {total_pages} pages",
                    reuse.stats.rerendered
                );
            }
            "title" | "tags" | "province" => assert!(
                reuse.stats.reindexed,
                "a {what} edit changes the lists: the index is built anew"
            ),
            "template" => assert!(
                reuse.stats.reread == 0,
                "a template edit re-read {} content files",
                reuse.stats.reread
            ),
            _ => {}
        }
    }
}

/// A file replaced by one of the same size and time stamp (a folder restored from a backup,
/// `cp -p`) is seen only through the watcher's report, which may name the folder rather than the
/// file (a folder moved in) or the whole site (after the system dropped events).
#[test]
fn a_folder_or_the_site_reported_as_changed_is_read_again() {
    let site = support::copy_sample_site();
    let options = Options {
        source: site.root.clone(),
        ..Options::default()
    };
    let article = site
        .root
        .join("content/tin-tuc/2024/cum-thi-dua-so-5-so-ket-6-thang-2024.md");
    let mut reuse = Memo::new();
    compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    for (round, reported) in [site.root.join("content/tin-tuc/2024"), site.root.clone()]
        .iter()
        .enumerate()
    {
        let stamp = fs::metadata(&article).and_then(|m| m.modified()).unwrap();
        // Same length, other text: "8%" becomes "9%" (round 0), then "7%".
        let digit = ["9", "7"][round];
        let text = support::read(&article).replacen("tăng 8%", &format!("tăng {digit}%"), 1);
        let text = text.replacen("tăng 9%", &format!("tăng {digit}%"), 1);
        fs::write(&article, &text).unwrap();
        fs::File::options()
            .write(true)
            .open(&article)
            .and_then(|f| f.set_modified(stamp))
            .unwrap();
        reuse.invalidate([reported.as_path()]);
        let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            files(&compiled),
            clean(&options),
            "after reporting {} as changed",
            reported.display()
        );
        assert!(reuse.stats.reread >= 1, "nothing was read again");
    }
}

/// A tag's name as lists and feeds show it is the spelling most articles use; an edit to an
/// article too old to be in the tag's feed can change it. The feed's title follows (it once
/// kept the old spelling: its fingerprint had the articles but not the list's name).
#[test]
fn a_tag_spelt_anew_by_an_old_article_retitles_its_feed() {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(
            "title = \"Liên hiệp\"\nbase_url = \"https://example.org/\"\nprovince = \"Cần Thơ\"\n[feeds]\nlimit = 1",
        ),
    );
    let article = |file: &str, date: &str, tag: &str| {
        support::write(
            &site.root.join("content/tin-tuc").join(file),
            format!("---\ntitle: Bài {file}\ndate: {date}\ntags: [{tag}]\n---\n\nNội dung.\n"),
        );
    };
    article("a.md", "03/03/2024", "Viện Trợ");
    article("b.md", "02/02/2024", "viện trợ");
    article("c.md", "01/01/2024", "viện trợ");
    let options = Options {
        source: site.root.clone(),
        ..Options::default()
    };
    let mut memo = Memo::new();
    compile_with(&options, &mut memo).unwrap_or_else(|e| panic!("{e}"));
    // c.md is the oldest: not in the one-item feed. Two articles now write "Viện Trợ".
    article("c.md", "01/01/2024", "Viện Trợ");
    let got = files(&compile_with(&options, &mut memo).unwrap_or_else(|e| panic!("{e}")));
    let expected = clean(&options);
    let feed = "the/vien-tro/rss.xml";
    assert!(
        String::from_utf8_lossy(&expected[feed]).contains("Chủ đề: Viện Trợ"),
        "the clean build's feed title"
    );
    assert_eq!(
        String::from_utf8_lossy(&got[feed]),
        String::from_utf8_lossy(&expected[feed]),
        "the feed after the edit"
    );
    assert_eq!(got, expected, "every file");
}

/// An album is its file and its folder of photos: a photo taken from the folder is seen by the
/// next incremental build though the album's file is unchanged, and so is its return.
#[test]
fn a_photo_taken_from_an_albums_folder_is_seen_without_editing_the_album() {
    let site = support::copy_sample_site();
    let options = Options {
        source: site.root.clone(),
        ..Options::default()
    };
    let mut reuse = Memo::new();
    compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let photo = site
        .root
        .join("static/images/albums/2025/diem-truong-dong-thoi-2/05-tan-hoc.jpg");
    let bytes = fs::read(&photo).unwrap_or_else(|e| panic!("{e}"));
    fs::remove_file(&photo).unwrap_or_else(|e| panic!("{e}"));
    let missing = |result: Result<Compiled, bantin::build::BuildError>| match result {
        Ok(_) => panic!("the album's listed photo is gone, yet the build succeeded"),
        Err(e) => assert!(format!("{e:?}").contains("05-tan-hoc.jpg"), "{e:?}"),
    };
    missing(compile_with(&options, &mut reuse));
    missing(compile(&options));
    fs::write(&photo, bytes).unwrap_or_else(|e| panic!("{e}"));
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        files(&compiled),
        clean(&options),
        "after the photo came back"
    );
}

/// A document is its file and its files in static/, whose type and size its page shows: a new
/// version of its PDF is seen by the next incremental build though the document's file is
/// unchanged, and so is an edit of the document and a file taken away.
/// A document's page lists the articles citing it and their bodies link it: a new document
/// relinks the articles already citing it (a full reindex), and a citation taken out of a body
/// (a body edit, which keeps the index) drops the article from the document's page.
#[test]
fn a_new_document_and_a_citation_taken_out_rebuild_to_what_a_clean_build_gives() {
    let site = support::copy_sample_site();
    let options = Options {
        source: site.root.clone(),
        ..Options::default()
    };
    let mut reuse = Memo::new();
    compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let article = "tin-tuc/hai-duong-gia-tri-vien-tro-phi-chinh-phu-nam-2023-tang-91-1/index.html";
    let decision = "van-ban/308-qd-ubnd/index.html";
    let linked = "href=\"/lhhn-angiang/van-ban/308-qd-ubnd/\" class=\"van-ban\"";

    support::write(
        &site.root.join("static/van-ban/2023/308-qd-ubnd.pdf"),
        b"%PDF-1.4\n%%EOF\n",
    );
    support::write(
        &site.root.join("content/van-ban/2023/308-qd-ubnd.md"),
        "---\nnumber: 308/QĐ-UBND\nkind: Quyết định\nissuer: UBND tỉnh Hải Dương\nlevel: tinh\n\
         issued: 10/02/2023\nsummary: Phê duyệt Chương trình vận động viện trợ phi chính phủ nước \
         ngoài giai đoạn 2023–2025\nfiles:\n  - src: /van-ban/2023/308-qd-ubnd.pdf\n---\n",
    );
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let got = files(&compiled);
    let page = String::from_utf8_lossy(&got[article]).into_owned();
    assert!(
        page.contains(linked),
        "the article links the new document\n{page}"
    );
    let listed = String::from_utf8_lossy(&got[decision]).into_owned();
    assert!(listed.contains("Bài viết dẫn chiếu"), "{listed}");
    assert_eq!(got, clean(&options), "after the document was added");

    support::edit(
        &site
            .root
            .join("content/tin-tuc/2024/hai-duong-tong-ket-nam-2023.md"),
        "theo Quyết định số 308/QĐ-UBND",
        "theo quyết định của tỉnh",
    );
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    assert!(!reuse.stats.reindexed, "a body edit keeps the index");
    let got = files(&compiled);
    let listed = String::from_utf8_lossy(&got[decision]).into_owned();
    assert!(!listed.contains("Bài viết dẫn chiếu"), "{listed}");
    assert_eq!(got, clean(&options), "after the citation was taken out");
}

#[test]
fn a_documents_file_replaced_in_static_is_seen_without_editing_the_document() {
    let site = support::copy_sample_site();
    let options = Options {
        source: site.root.clone(),
        ..Options::default()
    };
    let mut reuse = Memo::new();
    compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let page = "van-ban/80-2020-nd-cp/index.html";
    let pdf = site.root.join("static/van-ban/2020/80-2020-nd-cp.pdf");
    let bytes = fs::read(&pdf).unwrap_or_else(|e| panic!("{e}"));

    // A new version of the PDF, 200 KB.
    let mut bigger = bytes.clone();
    bigger.resize(200 * 1024, b' ');
    fs::write(&pdf, &bigger).unwrap_or_else(|e| panic!("{e}"));
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let got = files(&compiled);
    assert!(
        String::from_utf8_lossy(&got[page]).contains("(PDF · 200 KB)"),
        "the page shows the new size"
    );
    assert_eq!(got, clean(&options), "after the PDF was replaced");

    // An edit of the document's summary.
    let file = site.root.join("content/van-ban/2020/80-2020-nd-cp.md");
    support::edit(&file, "Quy định việc quản lý", "Quy định về quản lý");
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files(&compiled), clean(&options), "after the summary edit");

    // The file taken away: an error, and back again.
    fs::remove_file(&pdf).unwrap_or_else(|e| panic!("{e}"));
    let missing = |result: Result<Compiled, bantin::build::BuildError>| match result {
        Ok(_) => panic!("the document's file is gone, yet the build succeeded"),
        Err(e) => assert!(format!("{e:?}").contains("80-2020-nd-cp.pdf"), "{e:?}"),
    };
    missing(compile_with(&options, &mut reuse));
    missing(compile(&options));
    fs::write(&pdf, bytes).unwrap_or_else(|e| panic!("{e}"));
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        files(&compiled),
        clean(&options),
        "after the file came back"
    );
}

/// The search page's year menu lists the years documents were issued in too, which its job
/// does not name: a document of a year nothing else has adds that year at the next
/// incremental build, and taking it away removes it.
#[test]
fn a_document_of_a_new_year_adds_it_to_the_search_pages_menu() {
    let site = support::copy_sample_site();
    let options = Options {
        source: site.root.clone(),
        ..Options::default()
    };
    let mut reuse = Memo::new();
    compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let page = "tim-kiem/index.html";
    let option = "<option value=\"2011\">2011</option>";
    let file = site.root.join("content/van-ban/2011/12-2011-nd-cp.md");
    support::write(
        &file,
        "---\nnumber: 12/2011/NĐ-CP\nkind: Nghị định\nissuer: Chính phủ\nissued: 17/01/2011\nsummary: Về tổ chức hội nghị quốc tế.\n---\n",
    );
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let got = files(&compiled);
    assert!(
        String::from_utf8_lossy(&got[page]).contains(option),
        "the menu offers 2011"
    );
    assert_eq!(got, clean(&options), "after a document of 2011 was added");

    fs::remove_file(&file).unwrap_or_else(|e| panic!("{e}"));
    let compiled = compile_with(&options, &mut reuse).unwrap_or_else(|e| panic!("{e}"));
    let got = files(&compiled);
    assert!(!String::from_utf8_lossy(&got[page]).contains(option));
    assert_eq!(got, clean(&options), "after it was taken away");
}
