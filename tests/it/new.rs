//! `bantin new`: takes a small site and a title with flags, gives proof that the article file is
//! written with its front-matter filled in and builds, that an existing file is never touched,
//! and that a bad province or category is refused with the build's "did you mean" and no file.

use std::path::Path;

use saphyr::{LoadableYamlNode, Yaml};

use crate::support::{self, TempSite, bantin};

/// The settings of the test site; `support::site_toml` adds the legal footer block.
const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/"
province = "Cần Thơ"
categories = ["Tin tức hoạt động", "Đối ngoại nhân dân"]
"#;

fn site() -> TempSite {
    let site = support::empty_site();
    support::write(&site.root.join("site.toml"), support::site_toml(SETTINGS));
    site
}

/// The front-matter block of a written article and its body.
fn split(path: &Path) -> (String, String) {
    let text = support::read(path);
    let rest = text
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("{} has no front-matter:\n{text}", path.display()));
    let (yaml, body) = rest
        .split_once("\n---\n")
        .unwrap_or_else(|| panic!("{} has an unclosed front-matter:\n{text}", path.display()));
    (yaml.to_string(), body.to_string())
}

/// The front-matter parsed by a YAML parser independent of bantin's field reader.
fn parse(yaml: &str) -> Yaml<'_> {
    let docs = Yaml::load_from_str(yaml).unwrap_or_else(|e| panic!("{e}:\n{yaml}"));
    docs.into_iter().next().expect("one YAML document")
}

fn text<'a>(doc: &'a Yaml<'_>, key: &str) -> Option<&'a str> {
    doc.as_mapping_get(key).and_then(Yaml::as_str)
}

fn has(doc: &Yaml<'_>, key: &str) -> bool {
    doc.as_mapping_get(key).is_some()
}

#[test]
fn writes_the_article_and_build_publishes_it() {
    let site = site();
    let outcome = bantin(
        &site.root,
        [
            "new",
            "Hội nghị tổng kết công tác năm 2024",
            "--category",
            "Tin tức hoạt động",
            "--tags",
            "hội nghị, tổng kết",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let rel = "content/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2024.md";
    assert_eq!(outcome.stdout.trim(), rel, "{}", outcome.transcript());

    let (yaml, body) = split(&site.root.join(rel));
    let doc = parse(&yaml);
    assert_eq!(
        text(&doc, "title"),
        Some("Hội nghị tổng kết công tác năm 2024")
    );
    assert_eq!(text(&doc, "category"), Some("Tin tức hoạt động"));
    let tags: Vec<&str> = doc
        .as_mapping_get("tags")
        .and_then(Yaml::as_vec)
        .map(|v| v.iter().filter_map(|t| t.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(tags, ["hội nghị", "tổng kết"]);
    // The site has its own province: the line is left out, so site.toml's applies.
    assert!(!has(&doc, "province"), "province written:\n{yaml}");
    assert!(!has(&doc, "draft"), "draft written:\n{yaml}");
    let date = text(&doc, "date").unwrap_or_default();
    let shape = date
        .chars()
        .map(|c| if c.is_ascii_digit() { 'D' } else { c })
        .collect::<String>();
    assert_eq!(shape, "DD/DD/DDDD DD:DD", "date `{date}`");
    assert!(body.contains("Viết"), "no Vietnamese placeholder:\n{body}");

    let built = bantin(&site.root, ["build"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let page = support::read(
        &site
            .root
            .join("public/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2024/index.html"),
    );
    assert!(page.contains("Hội nghị tổng kết công tác năm 2024"));
}

#[test]
fn draft_and_province_are_written_when_asked() {
    let site = site();
    let outcome = bantin(
        &site.root,
        [
            "new",
            "Tin Kiên Giang",
            "--province",
            "kien giang",
            "--draft",
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let (yaml, _) = split(&site.root.join("content/tin-tuc/tin-kien-giang.md"));
    let doc = parse(&yaml);
    assert_eq!(text(&doc, "province"), Some("kien giang"));
    assert_eq!(
        doc.as_mapping_get("draft").and_then(Yaml::as_bool),
        Some(true)
    );

    let built = bantin(&site.root, ["build"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    assert!(!site.root.join("public/tin-tuc/tin-kien-giang").exists());
    let built = bantin(&site.root, ["build", "--drafts"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    assert!(
        site.root
            .join("public/tin-tuc/tin-kien-giang/index.html")
            .is_file()
    );
}

#[test]
fn an_existing_file_is_refused_and_left_untouched() {
    let site = site();
    let path = site.root.join("content/tin-tuc/bai-cu.md");
    let original = "---\ntitle: Bài cũ\ndate: 01/01/2024\n---\n\nNội dung của biên tập viên.\n";
    support::write(&path, original);
    let outcome = bantin(&site.root, ["new", "Bài cũ"]);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome.stderr.contains("bai-cu.md") && outcome.stderr.contains("already exists"),
        "{}",
        outcome.transcript()
    );
    assert_eq!(support::read(&path), original);
}

#[test]
fn an_unknown_province_suggests_the_right_one_and_writes_nothing() {
    let site = site();
    let outcome = bantin(&site.root, ["new", "Tin mới", "--province", "Kien Gang"]);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome.stderr.contains("unknown province `Kien Gang`")
            && outcome.stderr.contains("did you mean `Kiên Giang`?"),
        "{}",
        outcome.transcript()
    );
    assert!(outcome.stderr.contains("nothing was written"));
    assert!(!site.root.join("content/tin-tuc/tin-moi.md").exists());
}

#[test]
fn a_category_not_in_site_toml_suggests_one_and_writes_nothing() {
    let site = site();
    let outcome = bantin(
        &site.root,
        ["new", "Tin mới", "--category", "Doi ngoai nhan dan"],
    );
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome
            .stderr
            .contains("the category `Doi ngoai nhan dan` is not in site.toml's list")
            && outcome
                .stderr
                .contains("did you mean `Đối ngoại nhân dân`?"),
        "{}",
        outcome.transcript()
    );
    assert!(!site.root.join("content/tin-tuc").exists());
}

#[test]
fn a_title_with_colons_and_quotes_round_trips() {
    let site = site();
    let title = r#"Phỏng vấn: "Hữu nghị là cầu nối" — ông A nói # 1 \ 2"#;
    let outcome = bantin(&site.root, ["new", title]);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let path = site.root.join(outcome.stdout.trim());
    let (yaml, _) = split(&path);
    let doc = parse(&yaml);
    assert_eq!(text(&doc, "title"), Some(title));

    let built = bantin(&site.root, ["build"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let slug = "phong-van-huu-nghi-la-cau-noi-ong-a-noi-1-2";
    assert!(path.ends_with(format!("{slug}.md")), "{}", path.display());
    let page = support::read(&site.root.join(format!("public/tin-tuc/{slug}/index.html")));
    assert!(
        page.contains("Phỏng vấn: &quot;Hữu nghị là cầu nối&quot;")
            || page.contains("Phỏng vấn: \"Hữu nghị là cầu nối\""),
        "title not on the page"
    );
}

#[test]
fn a_title_without_letters_is_a_usage_error() {
    let site = site();
    let outcome = bantin(&site.root, ["new", "!!! ???"]);
    assert_eq!(outcome.code, 2, "{}", outcome.transcript());
    assert!(outcome.stderr.contains("no web address"));
    assert!(!site.root.join("content").exists());
}

/// A site made by `init`, as a new union starts: its category list stops a misspelt category
/// before a second category page appears, and a former province for today's news is warned
/// about when the article is written, not first at the build.
#[test]
fn a_new_site_refuses_a_misspelt_category_and_warns_about_a_former_province() {
    let tmp = support::empty_site();
    let made = bantin(tmp.tmp.path(), ["init", "lhhn"]);
    assert_eq!(made.code, 0, "{}", made.transcript());
    let site = tmp.tmp.path().join("lhhn");

    let typo = bantin(
        &site,
        ["new", "Hội nghị tổng kết", "--category", "Tin hoat dong"],
    );
    assert_eq!(typo.code, 1, "{}", typo.transcript());
    assert!(
        typo.stderr.contains("did you mean `Tin tức hoạt động`?"),
        "{}",
        typo.stderr
    );
    assert!(!site.join("content/tin-tuc/hoi-nghi-tong-ket.md").exists());

    let former = bantin(
        &site,
        ["new", "Trao quà Tết cho hộ nghèo", "--province", "Bạc Liêu"],
    );
    assert_eq!(
        former.code,
        0,
        "written all the same: {}",
        former.transcript()
    );
    assert!(
        former
            .stderr
            .contains("Bạc Liêu has been part of Cà Mau since 01/07/2025")
            && former
                .stderr
                .contains("content/tin-tuc/trao-qua-tet-cho-ho-ngheo.md:4:"),
        "{}",
        former.stderr
    );
    assert!(
        site.join("content/tin-tuc/trao-qua-tet-cho-ho-ngheo.md")
            .is_file()
    );
    let quiet = bantin(
        &site,
        [
            "new",
            "Tin cũ của Kiên Giang",
            "--province",
            "Kiên Giang",
            "-q",
        ],
    );
    assert_eq!(quiet.code, 0, "{}", quiet.transcript());
    assert!(
        quiet.stderr.is_empty() && quiet.stdout.is_empty(),
        "-q prints nothing: {}",
        quiet.transcript()
    );
}
