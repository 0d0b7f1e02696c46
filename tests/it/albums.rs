//! Photo albums ("Thư viện ảnh", issue 18 part 4): takes small sites with albums (real JPEGs in
//! `static/`) built by the `bantin` binary, and gives proof that the album page and the albums'
//! index pass the HTML checker and axe, that the lightbox works by keyboard and touch in headless
//! Chromium, that the albums are in the sitemap and have valid feeds, that the index is paginated,
//! that an article's `album:` shows the album, and that an album's mistakes are reported together
//! at their lines.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{self, Outcome, TempSite, bantin, repo};

const BASE_PATH: &str = "/cong/";
const BASE_URL: &str = "https://example.org/cong/";

fn new_site(page_size: usize) -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "title = \"Liên hiệp thử nghiệm\"\nbase_url = \"{BASE_URL}\"\nprovince = \"An Giang\"\npage_size = {page_size}\n\n[[menu]]\nname = \"Trang chủ\"\nurl = \"/\"\n\n[[menu]]\nname = \"Thư viện ảnh\"\nurl = \"/thu-vien-anh/\"\n"
        )),
    );
    support::write(
        &site.root.join("content/tin-tuc/bai-co-album.md"),
        "---\ntitle: \"Giao lưu hữu nghị cuối năm\"\ndate: 20/12/2025\nalbum: giao-luu-cuoi-nam\n---\n\nBuổi giao lưu diễn ra ấm cúng.\n",
    );
    site
}

/// An album of `photos` JPEGs in `static/images/albums/<slug>/`, each listed with a caption.
fn album(site: &TempSite, slug: &str, date: &str, photos: usize) {
    let folder = format!("/images/albums/{slug}/");
    let mut listed = String::new();
    for n in 1..=photos {
        support::write(
            &site.root.join(format!("static{folder}anh-{n:02}.jpg")),
            support::jpeg(1200, 800),
        );
        listed.push_str(&format!(
            "  - src: anh-{n:02}.jpg\n    caption: \"Khoảnh khắc thứ {n} của buổi giao lưu\"\n"
        ));
    }
    support::write(
        &site
            .root
            .join(format!("content/thu-vien-anh/2025/{slug}.md")),
        format!(
            "---\ntitle: \"Album {slug}\"\ndate: {date}\nslug: {slug}\nprovince: An Giang\ntags: [giao lưu]\nfolder: {folder}\nphotos:\n{listed}---\n\nNhững hình ảnh của buổi giao lưu.\n"
        ),
    );
}

fn build(site: &TempSite) -> Outcome {
    bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    )
}

fn build_ok(site: &TempSite) -> PathBuf {
    let outcome = build(site);
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    site.sibling("out")
}

/// Runs features.mjs with `args` on the built site `out`; gives its outcome and JSON report.
fn features(out: &Path, args: &[&str]) -> (Outcome, serde_json::Value) {
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

fn assert_ok(name: &str, outcome: &Outcome, report: &serde_json::Value) {
    assert!(
        outcome.code == 0 && report["ok"] == true,
        "{name} found problems:\n{}",
        serde_json::to_string_pretty(report).unwrap_or_default()
    );
}

#[test]
fn an_album_builds_passes_the_html_checker_and_axe_and_its_lightbox_works() {
    let site = new_site(10);
    album(&site, "giao-luu-cuoi-nam", "20/12/2025", 5);
    let out = build_ok(&site);

    let page = support::read(&out.join("thu-vien-anh/giao-luu-cuoi-nam/index.html"));
    // A grid of responsive thumbnails, each a link to its photo's large copy.
    assert_eq!(page.matches("class=\"album-thumb\"").count(), 5, "{page}");
    assert!(
        page.contains("href=\"/cong/images/albums/giao-luu-cuoi-nam/anh-01.jpg\""),
        "{page}"
    );
    // Written by `picture()`: the size the images stage read, the first row (4) eager.
    assert!(page.contains("width=\"1200\" height=\"800\""), "{page}");
    assert_eq!(page.matches("loading=\"lazy\"").count(), 1, "{page}");
    assert!(page.contains("js/album.js"), "{page}");
    assert!(out.join("js/album.js").is_file());
    // The lightbox script is loaded on album pages only.
    assert!(!support::read(&out.join("index.html")).contains("js/album.js"));
    let index = support::read(&out.join("thu-vien-anh/index.html"));
    assert!(
        index.contains("href=\"/cong/thu-vien-anh/giao-luu-cuoi-nam/\""),
        "{index}"
    );
    assert!(index.contains("5 ảnh"), "{index}");
    // The article's `album:` shows the album's first photos after its body.
    let article = support::read(&out.join("tin-tuc/giao-luu-huu-nghi-cuoi-nam/index.html"));
    assert!(
        article.contains("Thư viện ảnh: Album giao-luu-cuoi-nam"),
        "{article}"
    );
    assert_eq!(
        article.matches("class=\"album-thumb\"").count(),
        5,
        "{article}"
    );

    let vnu = support::vnu(&out);
    assert_eq!(vnu.code, 0, "vnu found errors:\n{}", vnu.transcript());
    let (outcome, report) = features(
        &out,
        &[
            "--check",
            "axe",
            "--page",
            "/thu-vien-anh/giao-luu-cuoi-nam/",
            "--page",
            "/thu-vien-anh/",
        ],
    );
    assert_ok("axe", &outcome, &report);
    let (outcome, report) = features(
        &out,
        &[
            "--check",
            "album",
            "--page",
            "/thu-vien-anh/giao-luu-cuoi-nam/",
        ],
    );
    assert_ok("album", &outcome, &report);
    assert_eq!(report["results"][0]["details"]["photos"], 5, "{report}");
}
