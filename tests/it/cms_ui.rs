//! The browser CMS used through its own interface (issue 17, "Done when"): takes a copy of the
//! sample site, `bantin serve` started in it as an editor does, and Decap CMS 3.16.3 driven in
//! headless Chromium by `tests/browser/cms-ui.mjs`, and gives proof that an article created
//! with the CMS's form (a title with diacritics, a province and a category from their selects,
//! a photo uploaded with its description, body text) is written where bantin reads it and built
//! into a page with its title and photo; that an existing article opened from the list and
//! saved as it was parses to the same article with the same body bytes and the same page; and
//! that a word typed through an input method's composition ("Vieejt" → "Việt") is saved in NFC;
//! and that a document created in "Văn bản" with a PDF attached through its file widget has the
//! PDF stored in static/van-ban/ and shown, with its size, on the built document's page.
//!
//! `BANTIN_SCREENSHOTS=<dir>` makes the creating test save the editor's guide's screenshots
//! (01-dang-nhap.png … 07-loi-tren-trang.png, 1280×800) into `<dir>`; for the last, it also
//! saves the article once with its photo's description emptied, then puts it back.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use saphyr::{LoadableYamlNode, Yaml};
use unicode_normalization::UnicodeNormalization;

use crate::serve::{NO_ARGS, Server};
use crate::support::{self, TempSite};

/// The title the browser script types (`TITLE` in cms-ui.mjs).
const TITLE: &str = "Hội hữu nghị Việt – Lào tỉnh Cà Mau trao quà Tết";
/// An article of the sample site, opened and saved unchanged.
const EXISTING: &str = "2024/cum-thi-dua-so-5-so-ket-6-thang-2024";

/// `cms-ui.mjs --task <task>` against the running preview; panics with its report on failure.
fn drive(server: &Server, task: &str, extra: &[&OsStr]) -> serde_json::Value {
    let url = format!("http://{}{}", server.host, server.base);
    let mut command = std::process::Command::new(support::node());
    command
        .arg(support::repo().join("tests/browser/cms-ui.mjs"))
        .args(["--url", &url, "--task", task])
        .args(extra)
        .arg("--chromium")
        .arg(support::chromium());
    let outcome = support::run(command);
    let report: serde_json::Value = serde_json::from_str(outcome.stdout.trim())
        .unwrap_or_else(|e| panic!("no JSON report ({e}): {}", outcome.transcript()));
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert_eq!(report["ok"], true, "{report}");
    report
}

/// Every Markdown file under `dir`, at any depth.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in support::read_dir_sorted(dir) {
        if entry.is_dir() {
            found.extend(markdown_files(&entry));
        } else if entry.extension() == Some(OsStr::new("md")) {
            found.push(entry);
        }
    }
    found
}

/// Every file under `dir` whose name ends with `suffix`, at any depth.
fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in support::read_dir_sorted(dir) {
        if entry.is_dir() {
            found.extend(files_ending(&entry, suffix));
        } else if entry.to_string_lossy().ends_with(suffix) {
            found.push(entry);
        }
    }
    found
}

/// A Markdown file's front-matter, as values (key order and quoting left out), and its body.
fn split(text: &str) -> (serde_json::Value, String) {
    let rest = text
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("no front-matter:\n{text}"));
    let end = rest
        .find("\n---\n")
        .unwrap_or_else(|| panic!("front-matter not closed:\n{text}"));
    let docs = Yaml::load_from_str(&rest[..end + 1]).unwrap_or_else(|e| panic!("{e}\n{text}"));
    (values(&docs[0]), rest[end + 5..].to_string())
}

fn values(node: &Yaml<'_>) -> serde_json::Value {
    use serde_json::Value;
    if let Some(items) = node.as_vec() {
        return items.iter().map(values).collect();
    }
    if let Some(map) = node.as_mapping() {
        return map
            .iter()
            .map(|(k, v)| {
                let key = k.as_str().map_or_else(|| format!("{k:?}"), str::to_string);
                (key, values(v))
            })
            .collect::<serde_json::Map<_, _>>()
            .into();
    }
    // Scalars as what they parsed to: `"BBT."` and `BBT.` are the same string.
    if let Some(s) = node.as_str() {
        Value::from(s)
    } else if let Some(i) = node.as_integer() {
        Value::from(i)
    } else if let Some(b) = node.as_bool() {
        Value::from(b)
    } else if let Some(f) = node.as_floating_point() {
        Value::from(f)
    } else if node.is_null() {
        Value::Null
    } else {
        Value::from(format!("{node:?}"))
    }
}

/// The front-matter's string at `key` (`image.src`).
fn string(front: &serde_json::Value, key: &str) -> String {
    key.split('.')
        .try_fold(front, |n, k| n.get(k))
        .and_then(serde_json::Value::as_str)
        .unwrap_or_else(|| panic!("no string {key} in {front}"))
        .to_string()
}

/// The article's page in a built output: the HTML file whose `<h1>` is `title`.
fn page_titled(out: &Path, title: &str) -> (PathBuf, String) {
    let escaped = title.replace('&', "&amp;");
    let mut pages: Vec<(PathBuf, String)> = files_ending(out, ".html")
        .into_iter()
        .map(|p| {
            let text = support::read(&p);
            (p, text)
        })
        .filter(|(_, text)| {
            text.split("<h1").skip(1).any(|h| {
                h.split_once('>')
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with(&escaped))
            })
        })
        .collect();
    assert_eq!(
        pages.len(),
        1,
        "pages with the h1 {title}: {:?}",
        pages.iter().map(|p| &p.0).collect::<Vec<_>>()
    );
    pages.remove(0)
}

/// The one article in `content/tin-tuc/` whose title is `title`: its path, front-matter, body.
fn article_titled(site: &TempSite, title: &str) -> (PathBuf, serde_json::Value, String) {
    let wanted: String = title.nfc().collect();
    let mut found: Vec<_> = markdown_files(&site.root.join("content/tin-tuc"))
        .into_iter()
        .filter_map(|p| {
            let (front, body) = split(&support::read(&p));
            let same = front["title"]
                .as_str()
                .is_some_and(|t| t.nfc().collect::<String>() == wanted);
            same.then_some((p, front, body))
        })
        .collect();
    assert_eq!(found.len(), 1, "articles titled {title}");
    found.remove(0)
}

fn build(site: &TempSite) -> support::Outcome {
    let built = support::bantin(site.tmp.path(), ["build", "--source", "site"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    built
}

#[test]
fn an_article_created_in_the_cms_is_saved_where_bantin_reads_it_and_built() {
    let site = support::copy_sample_site();
    // No language set, as on an editor's machine: the screenshots' overlay is in Vietnamese.
    let server = Server::start_in_lang(&site.root, "", NO_ARGS);
    let photo = site.sibling("anh-trao-qua-tet.jpg");
    let mut extra = vec![OsStr::new("--photo"), photo.as_os_str()];
    let shots = std::env::var_os("BANTIN_SCREENSHOTS").map(PathBuf::from);
    if let Some(dir) = &shots {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        extra.extend([OsStr::new("--shots"), dir.as_os_str()]);
    }
    drive(&server, "create", &extra);
    drop(server);

    let (path, front, body) = article_titled(&site, TITLE);
    let text = support::read(&path);
    assert!(
        text.contains(&TITLE.nfc().collect::<String>()),
        "the title is saved in NFC:\n{text}"
    );
    assert_eq!(string(&front, "province"), "Cà Mau", "{text}");
    assert_eq!(string(&front, "category"), "Đối ngoại nhân dân", "{text}");
    assert_eq!(
        string(&front, "image.alt"),
        "Đại diện Hội trao quà Tết cho bà con",
        "{text}"
    );
    let src = string(&front, "image.src");
    assert!(
        src.starts_with("/images/") && src.ends_with("/anh-trao-qua-tet.jpg"),
        "{text}"
    );
    assert!(
        body.contains("Hội hữu nghị Việt – Lào tỉnh Cà Mau đã trao 200 phần quà Tết."),
        "{text}"
    );
    // The photo, byte for byte as the browser made it, where the front-matter says.
    let saved = site.root.join("static").join(src.trim_start_matches('/'));
    let made = std::fs::read(&photo).unwrap_or_else(|e| panic!("{}: {e}", photo.display()));
    assert!(made.starts_with(&[0xFF, 0xD8, 0xFF]), "not a JPEG");
    assert_eq!(
        std::fs::read(&saved).unwrap_or_else(|e| panic!("{}: {e}", saved.display())),
        made,
        "{}",
        saved.display()
    );

    // What the CMS wrote is what bantin reads: not a warning about it.
    let built = build(&site);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(
        !built.stderr.contains(&name),
        "the build warns about the CMS's article:\n{}",
        built.transcript()
    );
    let out = site.root.join("public");
    let (page, html) = page_titled(&out, TITLE);
    assert!(
        html.contains("anh-trao-qua-tet"),
        "{} has no photo",
        page.display()
    );
    assert!(
        html.contains("Đại diện Hội trao quà Tết cho bà con"),
        "{} has no photo description",
        page.display()
    );
    assert!(
        !files_ending(&out, "anh-trao-qua-tet.jpg").is_empty(),
        "the photo is not in the output"
    );
}

#[test]
fn an_article_opened_in_the_cms_and_saved_as_it_was_is_the_same_article() {
    let site = support::copy_sample_site();
    let path = site
        .root
        .join("content/tin-tuc")
        .join(format!("{EXISTING}.md"));
    let before = support::read(&path);
    let (front_before, body_before) = split(&before);
    let title = string(&front_before, "title");
    build(&site);
    let (page_path, page_before) = page_titled(&site.root.join("public"), &title);

    let server = Server::start_in(&site.root, NO_ARGS);
    drive(
        &server,
        "edit",
        &[OsStr::new("--entry"), OsStr::new(EXISTING)],
    );
    drop(server);

    let after = support::read(&path);
    let (front_after, body_after) = split(&after);
    assert_eq!(
        front_after, front_before,
        "the front-matter parses to other values:\n{after}"
    );
    assert_eq!(body_after, body_before, "the body changed:\n{after}");
    // Saved in place: no second copy of the article anywhere.
    let name = format!("/{}.md", EXISTING.rsplit('/').next().unwrap_or_default());
    assert_eq!(files_ending(&site.root.join("content"), &name).len(), 1);

    build(&site);
    let (page_path_after, page_after) = page_titled(&site.root.join("public"), &title);
    assert_eq!(page_path_after, page_path);
    assert!(page_after == page_before, "{} changed", page_path.display());
}

#[test]
fn a_word_typed_through_an_input_method_is_saved_in_nfc() {
    let site = support::copy_sample_site();
    let server = Server::start_in(&site.root, NO_ARGS);
    let report = drive(&server, "ime", &[]);
    drop(server);
    let (path, _, body) = article_titled(&site, "Thử bộ gõ tiếng Việt");
    let text = support::read(&path);
    // "Việt" in NFC: ệ is one code point, U+1EC7.
    let word = "Vi\u{1EC7}t";
    assert!(
        body.contains(&format!("Tiếng {word} gõ bằng bộ gõ.")),
        "{report}\n{text}"
    );
    assert_eq!(text.nfc().collect::<String>(), text, "not NFC:\n{text}");
}

/// A document created in the "Văn bản" collection with its PDF attached through the file
/// widget: the PDF is uploaded by the preview's backend into static/van-ban/<year>/, the
/// document names it by its site address, and the build shows it on the document's page.
#[test]
fn a_document_with_its_pdf_attached_in_the_cms_is_built_with_it() {
    let site = support::copy_sample_site();
    let server = Server::start_in_lang(&site.root, "", NO_ARGS);
    let pdf = site.sibling("ke-hoach-qua-cms.pdf");
    let mut bytes = std::fs::read(support::repo().join("static/van-ban/2020/80-2020-nd-cp.pdf"))
        .unwrap_or_else(|e| panic!("the sample PDF: {e}"));
    bytes.resize(40 * 1024, b'\n');
    std::fs::write(&pdf, &bytes).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    drive(
        &server,
        "document",
        &[OsStr::new("--file"), pdf.as_os_str()],
    );
    drop(server);

    let saved: Vec<PathBuf> = markdown_files(&site.root.join("content/van-ban"))
        .into_iter()
        .filter(|p| support::read(p).contains("27/KH-LHHN"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let (front, _) = split(&support::read(&saved[0]));
    let src = front["files"][0]["src"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        src.starts_with("/van-ban/") && src.ends_with("/ke-hoach-qua-cms.pdf"),
        "{front}"
    );
    let stored = site.root.join("static").join(src.trim_start_matches('/'));
    assert_eq!(
        std::fs::read(&stored).ok(),
        Some(bytes),
        "{}",
        stored.display()
    );

    build(&site);
    let out = site.root.join("public");
    let slug = saved[0]
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page = support::read(&out.join(format!("van-ban/{slug}/index.html")));
    assert!(page.contains("Toàn văn (PDF)</a>"), "{page}");
    assert!(page.contains("(PDF · 40 KB)"), "{page}");
}
