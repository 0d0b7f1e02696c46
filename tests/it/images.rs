//! Photos as a newsroom publishes them (issue 18): camera-sized JPEGs made by the test (4000×3000,
//! ~3 MB, with an EXIF orientation, a GPS position and the photographer's name) go through
//! `bantin build` and `bantin serve`, and the test looks at what a reader's phone would get:
//! upright copies without the GPS position, the stated widths in `srcset`, valid HTML, a share
//! picture, a second build that encodes nothing, a corrupt photo named in an error, and a
//! replaced photo re-rendering its page in the preview.

use std::path::{Path, PathBuf};

use bantin::images::sample::{self, SampleExif};

use crate::serve::{NO_ARGS, Server};
use crate::support::{self, TempSite, Tree};

const BASE: &str = "/lhhn/";
const ARTICLE_PAGE: &str = "tin-tuc/hoi-nghi-tong-ket-cong-tac-huu-nghi-2025/";

/// Where the camera was: a position that must not reach the published site.
const GPS: (f64, f64) = (10.3711, 105.4328);
const ARTIST: &str = "Nguyễn Văn Ảnh";

/// An article with a lead photo taken with the camera on its side (EXIF orientation 6), and two
/// photos in its body; the three are 4000×3000 camera JPEGs with a GPS position.
fn site() -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "title = \"Liên hiệp thử nghiệm\"\nbase_url = \"https://example.org{BASE}\"\nprovince = \"An Giang\"\n"
        )),
    );
    support::write(
        &site.root.join("content/tin-tuc/2025/hoi-nghi.md"),
        "---\ntitle: \"Hội nghị tổng kết công tác hữu nghị 2025\"\ndate: 15/12/2025 08:00\n\
         image:\n  src: /images/2025/hoi-nghi.jpg\n  alt: Quang cảnh hội nghị tổng kết\n  caption: Quang cảnh hội nghị\n---\n\n\
         Sáng 15/12, Liên hiệp các tổ chức hữu nghị tỉnh tổng kết công tác năm 2025.\n\n\
         ![Các đại biểu chụp ảnh lưu niệm](/images/2025/dai-bieu.jpg \"Các đại biểu chụp ảnh lưu niệm\")\n\n\
         Hội nghị đã khen thưởng các tập thể và cá nhân có thành tích xuất sắc.\n\n\
         ![Trao quà cho các gia đình khó khăn](/images/2025/trao-qua.jpg \"Trao quà cho các gia đình\")\n",
    );
    let camera = |seed, orientation| {
        sample::camera_jpeg(
            4000,
            3000,
            seed,
            &SampleExif {
                orientation: Some(orientation),
                gps: Some(GPS),
                artist: Some(ARTIST.to_string()),
            },
        )
    };
    support::write(
        &site.root.join("static/images/2025/hoi-nghi.jpg"),
        camera(1, 6),
    );
    support::write(
        &site.root.join("static/images/2025/dai-bieu.jpg"),
        camera(2, 1),
    );
    support::write(
        &site.root.join("static/images/2025/trao-qua.jpg"),
        camera(3, 1),
    );
    site
}

/// `bantin build --output out` in the site's folder.
fn build(site: &TempSite, out: &Path) -> support::Outcome {
    support::bantin(
        &site.root,
        ["build".as_ref(), "--output".as_ref(), out.as_os_str()],
    )
}

/// The output file of a site address written in a page (`/lhhn/images/a.jpg`).
fn file_of(out: &Path, address: &str) -> PathBuf {
    let rel = address
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{address} is not below {BASE}"));
    out.join(rel.replace("%20", " "))
}

/// Every `srcset` of a page, as (address, width) candidates.
fn srcsets(html: &str) -> Vec<Vec<(String, u32)>> {
    html.split("srcset=\"")
        .skip(1)
        .map(|rest| {
            let value = &rest[..rest.find('"').unwrap_or(rest.len())];
            value
                .split(", ")
                .map(|candidate| {
                    let (url, width) = candidate
                        .rsplit_once(' ')
                        .unwrap_or_else(|| panic!("no width in {candidate:?}"));
                    let width = width
                        .strip_suffix('w')
                        .and_then(|w| w.parse().ok())
                        .unwrap_or_else(|| panic!("bad width in {candidate:?}"));
                    (url.to_string(), width)
                })
                .collect()
        })
        .collect()
}

fn dimensions(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// How many files the build says it encoded: "(3 images: 12 files encoded, 0 from the cache)".
fn encoded(outcome: &support::Outcome) -> usize {
    let line = outcome.stdout.lines().next().unwrap_or_default();
    let after = line
        .split("images: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no image count in {line:?}"));
    after
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no encoded count in {line:?}"))
}

#[test]
fn camera_photos_are_published_upright_small_and_without_their_gps_position() {
    let site = site();
    let out = site.sibling("out");
    let first = build(&site, &out);
    assert_eq!(first.code, 0, "{}", first.transcript());
    assert!(encoded(&first) > 0, "{}", first.transcript());

    // The lead photo was taken with the camera on its side: published upright (portrait),
    // scaled to the default 2048 px, with no EXIF left at all.
    let lead = out.join("images/2025/hoi-nghi.jpg");
    assert_eq!(dimensions(&lead), (2048, 2731));
    let original =
        std::fs::read(site.root.join("static/images/2025/hoi-nghi.jpg")).unwrap_or_default();
    assert!(
        sample::has_gps(&original),
        "the test photo carries a GPS position"
    );
    // Every image the site publishes has lost its camera metadata.
    for file in Tree::of(&out).files() {
        let bytes = std::fs::read(out.join(file)).unwrap_or_default();
        if bantin::images::Format::of_path(file).is_some() {
            assert!(!sample::has_gps(&bytes), "{file} still has a GPS position");
            assert!(sample::exif_of(&bytes).is_none(), "{file} still has EXIF");
        }
    }

    // The page offers each photo in the stated widths, each candidate really that wide.
    let html = support::read(&out.join(ARTICLE_PAGE).join("index.html"));
    let sets = srcsets(&html);
    assert!(sets.len() >= 6, "a WebP and a JPEG set per photo:\n{html}");
    for set in &sets {
        let widths: Vec<u32> = set.iter().map(|(_, w)| *w).collect();
        assert_eq!(widths, [480, 960, 1600], "{set:?}");
        for (url, width) in set {
            assert_eq!(dimensions(&file_of(&out, url)).0, *width, "{url}");
        }
    }
    assert!(html.contains("<source type=\"image/webp\""), "{html}");
    // Sizes are written, so the page does not jump; the lead is fetched first, the rest lazily.
    assert!(html.contains("width=\"2048\" height=\"2731\""), "{html}");
    assert!(html.contains("fetchpriority=\"high\""), "{html}");
    assert_eq!(html.matches("loading=\"lazy\"").count(), 2, "{html}");
    // The photographer's name from the EXIF is credited under the lead photo.
    assert!(html.contains(&format!("(Ảnh: {ARTIST})")), "{html}");
    // The share picture is the 1200×630 crop, with its size.
    assert!(
        html.contains(
            "og:image\" content=\"https://example.org/lhhn/images/2025/hoi-nghi-chia-se.jpg\""
        ),
        "{html}"
    );
    assert!(html.contains("og:image:width\" content=\"1200\""), "{html}");
    assert_eq!(
        dimensions(&out.join("images/2025/hoi-nghi-chia-se.jpg")),
        (1200, 630)
    );

    let vnu = support::vnu(&out);
    assert_eq!(vnu.code, 0, "{}", vnu.transcript());

    // A second build finds every encode in the cache.
    let second = build(&site, &out);
    assert_eq!(second.code, 0, "{}", second.transcript());
    assert_eq!(encoded(&second), 0, "{}", second.transcript());
}

#[test]
fn a_corrupt_photo_fails_the_build_naming_it_and_the_output_stays_as_it_was() {
    let site = site();
    let out = site.sibling("out");
    let first = build(&site, &out);
    assert_eq!(first.code, 0, "{}", first.transcript());
    let before = Tree::of(&out);
    // A photo cut short in the copy, as a failed upload leaves it.
    let whole = sample::camera_jpeg(1600, 1200, 9, &SampleExif::default());
    support::write(
        &site.root.join("static/images/2025/hong.jpg"),
        &whole[..whole.len() / 3],
    );
    let failed = build(&site, &out);
    assert_eq!(failed.code, 1, "{}", failed.transcript());
    assert!(
        failed.stderr.contains("static/images/2025/hong.jpg"),
        "{}",
        failed.transcript()
    );
    Tree::of(&out).assert_same(&before, "the output after a failed build");
}

#[test]
fn an_article_without_a_lead_photo_is_shown_and_shared_with_its_first_figure() {
    let site = site();
    support::edit(
        &site.root.join("content/tin-tuc/2025/hoi-nghi.md"),
        "image:\n  src: /images/2025/hoi-nghi.jpg\n  alt: Quang cảnh hội nghị tổng kết\n  caption: Quang cảnh hội nghị\n",
        "",
    );
    let out = site.sibling("out");
    let built = build(&site, &out);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let home = support::read(&out.join("index.html"));
    assert!(
        home.contains(&format!("{BASE}images/2025/dai-bieu-480w.webp 480w")),
        "the home page shows the first figure as the article's photo:\n{home}"
    );
    let page = support::read(&out.join(ARTICLE_PAGE).join("index.html"));
    assert!(!page.contains("article-figure"), "not shown twice:\n{page}");
    assert!(
        page.contains(
            "og:image\" content=\"https://example.org/lhhn/images/2025/dai-bieu-chia-se.jpg\""
        ),
        "{page}"
    );
}

#[test]
fn the_preview_re_renders_a_page_whose_photo_is_replaced() {
    let site = site();
    let server = Server::start_in(&site.root, NO_ARGS);
    let (status, page) = server.page(ARTICLE_PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("width=\"2048\" height=\"2731\""), "{page}");
    server.after("photo", || {
        support::write(
            &site.root.join("static/images/2025/hoi-nghi.jpg"),
            sample::camera_jpeg(1000, 800, 4, &SampleExif::default()),
        );
    });
    let (_, page) = server.page(ARTICLE_PAGE);
    assert!(page.contains("width=\"1000\" height=\"800\""), "{page}");
    let (status, photo) = server.get(&format!("{BASE}images/2025/hoi-nghi.jpg"));
    assert_eq!(status, 200);
    let shown = image::load_from_memory(&photo).map(|i| (i.width(), i.height()));
    assert_eq!(shown.ok(), Some((1000, 800)));
}

#[test]
fn a_phone_downloads_the_three_photo_article_within_350_kb() {
    let site = site();
    let out = site.sibling("out");
    let built = build(&site, &out);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let originals: u64 = ["hoi-nghi", "dai-bieu", "trao-qua"]
        .iter()
        .map(|name| {
            std::fs::metadata(site.root.join(format!("static/images/2025/{name}.jpg")))
                .map_or(0, |m| m.len())
        })
        .sum();
    assert!(
        originals > 4_000_000,
        "the photos are camera-sized: {originals} bytes"
    );
    let mut command = std::process::Command::new(support::node());
    command
        .arg(support::repo().join("tests/browser/weight.mjs"))
        .args(["--root", out.to_str().unwrap_or("")])
        .args(["--base-path", BASE, "--page", &format!("/{ARTICLE_PAGE}")])
        .args([
            "--width",
            "390",
            "--height",
            "844",
            "--dpr",
            "2",
            "--budget-kb",
            "350",
        ])
        .arg("--chromium")
        .arg(support::chromium());
    let outcome = support::run(command);
    let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| {
        panic!(
            "weight.mjs printed no report ({e}):\n{}",
            outcome.transcript()
        )
    });
    assert!(
        outcome.code == 0 && report["ok"] == true,
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
    // All three photos were downloaded (the page was scrolled to its end), as WebP copies
    // sized for the phone's 780 device pixels, not the originals.
    let photos: Vec<&str> = report["images"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["url"].as_str())
        .filter(|u| u.contains("/images/2025/"))
        .collect();
    assert_eq!(photos.len(), 3, "{report}");
    assert!(
        photos.iter().all(|u| u.ends_with("-960w.webp")),
        "{photos:?}"
    );
}
