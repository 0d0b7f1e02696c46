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
    // Shared with its cover.
    assert!(
        page.contains("<meta property=\"og:image\" content=\"https://example.org/cong/images/albums/giao-luu-cuoi-nam/anh-01-chia-se.jpg\">"),
        "{page}"
    );
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

#[test]
fn an_albums_mistakes_are_reported_together_at_their_lines() {
    let site = new_site(10);
    support::write(
        &site.root.join("static/images/albums/a/01.jpg"),
        support::jpeg(120, 80),
    );
    support::write(
        &site.root.join("static/images/albums/a/02.jpg"),
        support::jpeg(120, 80),
    );
    // Line 5: a folder that does not exist; line 11: a photo with neither alt nor caption;
    // line 12: a listed photo that does not exist; line 14: an unknown key.
    support::write(
        &site.root.join("content/thu-vien-anh/2025/sai.md"),
        "---\ntitle: \"Album có lỗi\"\ndate: 01/12/2025\nslug: album-co-loi\nfolder: /images/khong-co/\nphotos:\n  - src: /images/albums/a/01.jpg\n    alt: \"Ảnh đầu\"\n  - src: /images/albums/a/02.jpg\n    caption: \"Chỉ có chú thích\"\n  - src: /images/albums/a/01.jpg\n  - src: /images/albums/a/03.jpg\n    alt: \"Không có tệp\"\nsumary: \"Sai tên trường\"\n---\n\nGiới thiệu.\n",
    );
    // The article's `album: giao-luu-cuoi-nam` names no album now.
    let outcome = build(&site);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    let err = &outcome.stderr;
    for at in [
        "content/thu-vien-anh/2025/sai.md:5:9",
        "content/thu-vien-anh/2025/sai.md:11:10",
        "content/thu-vien-anh/2025/sai.md:12:10",
        "content/thu-vien-anh/2025/sai.md:14:1",
        "content/tin-tuc/bai-co-album.md:4:8",
    ] {
        assert!(err.contains(at), "no problem at {at}:\n{err}");
    }
    for said in [
        "there is no photo folder `/images/khong-co/`",
        "the album's photo `/images/albums/a/01.jpg` has no description (alt)",
        "the image `/images/albums/a/03.jpg` does not exist",
        "did you mean `summary`?",
        "there is no photo album `giao-luu-cuoi-nam`",
    ] {
        assert!(err.contains(said), "not said: {said}\n{err}");
    }
    // The photo with only a caption is described by it: no problem for 02.jpg.
    assert!(
        !err.contains("`/images/albums/a/02.jpg` has no description"),
        "{err}"
    );

    // In Vietnamese, the default.
    let vi = support::bantin_in(
        "vi",
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert!(
        vi.stderr
            .contains("không có thư mục ảnh `/images/khong-co/`"),
        "{}",
        vi.stderr
    );
    assert!(
        vi.stderr
            .contains("không có thư viện ảnh `giao-luu-cuoi-nam`"),
        "{}",
        vi.stderr
    );
}

#[test]
fn an_album_slug_close_to_an_articles_album_is_suggested() {
    let site = new_site(10);
    album(&site, "giao-luu-cuoi-nam-2025", "20/12/2025", 3);
    let outcome = build(&site);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome
            .stderr
            .contains("did you mean `giao-luu-cuoi-nam-2025`?"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn an_album_of_a_former_province_after_the_merger_is_a_warning() {
    let site = new_site(10);
    album(&site, "giao-luu-cuoi-nam", "20/12/2025", 1);
    let file = site
        .root
        .join("content/thu-vien-anh/2025/giao-luu-cuoi-nam.md");
    support::edit(&file, "province: An Giang", "province: Kiên Giang");
    let outcome = build(&site);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome
            .stderr
            .contains("Kiên Giang has been part of An Giang since 01/07/2025")
            && outcome
                .stderr
                .contains("content/thu-vien-anh/2025/giao-luu-cuoi-nam.md:5:11"),
        "{}",
        outcome.transcript()
    );
}

#[test]
fn albums_are_in_the_sitemap_and_their_feeds_validate() {
    let site = new_site(10);
    album(&site, "giao-luu-cuoi-nam", "20/12/2025", 3);
    album(&site, "tet-ban-be", "05/02/2025 09:00", 3);
    let out = build_ok(&site);
    let sitemap = support::read(&out.join("sitemap.xml"));
    for loc in [
        "https://example.org/cong/thu-vien-anh/</loc>",
        "https://example.org/cong/thu-vien-anh/giao-luu-cuoi-nam/</loc>",
        "https://example.org/cong/thu-vien-anh/tet-ban-be/</loc>",
    ] {
        assert!(sitemap.contains(loc), "{loc} not in:\n{sitemap}");
    }
    let rss = support::read(&out.join("thu-vien-anh/rss.xml"));
    let atom = support::read(&out.join("thu-vien-anh/atom.xml"));
    // Newest first; each with its cover.
    let newer = rss.find("giao-luu-cuoi-nam/</link>").unwrap_or(usize::MAX);
    let older = rss.find("tet-ban-be/</link>").unwrap_or(usize::MAX);
    assert!(newer < older && older < usize::MAX, "{rss}");
    assert!(
        rss.contains("https://example.org/cong/images/albums/giao-luu-cuoi-nam/anh-01.jpg"),
        "{rss}"
    );
    assert!(atom.contains("tet-ban-be/"), "{atom}");
    let page = support::read(&out.join("thu-vien-anh/index.html"));
    assert!(
        page.contains("href=\"/cong/thu-vien-anh/rss.xml\""),
        "{page}"
    );

    // The checker other tests use, told that the albums' feeds must be there.
    let feeds = support::python_checker(
        "check_feeds.py",
        [
            "--base-url",
            BASE_URL,
            "--offset",
            "+07:00",
            "--require",
            "thu-vien-anh/rss.xml",
            "--require",
            "thu-vien-anh/atom.xml",
            out.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(feeds.code, 0, "{}", feeds.transcript());
    let sitemaps = support::sitemap_checker(&out, BASE_URL);
    assert_eq!(sitemaps.code, 0, "{}", sitemaps.transcript());
}

#[test]
fn the_albums_index_is_paginated_newest_first() {
    let site = new_site(2);
    album(&site, "giao-luu-cuoi-nam", "20/12/2025", 1);
    album(&site, "tet-ban-be", "05/02/2025", 1);
    album(&site, "mua-he-huu-nghi", "15/06/2025", 1);
    let out = build_ok(&site);
    let first = support::read(&out.join("thu-vien-anh/index.html"));
    let second = support::read(&out.join("thu-vien-anh/trang/2/index.html"));
    assert!(!out.join("thu-vien-anh/trang/3/index.html").exists());
    let order = |html: &str| -> Vec<String> {
        html.match_indices(
            "<h2 class=\"item-title album-card-title\"><a href=\"/cong/thu-vien-anh/",
        )
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('/').unwrap_or(0)].to_string()
        })
        .collect()
    };
    assert_eq!(order(&first), ["giao-luu-cuoi-nam", "mua-he-huu-nghi"]);
    assert_eq!(order(&second), ["tet-ban-be"]);
    assert!(
        first.contains("href=\"/cong/thu-vien-anh/trang/2/\""),
        "{first}"
    );
    assert!(second.contains("href=\"/cong/thu-vien-anh/\""), "{second}");
    assert!(second.contains("Trang 2"), "{second}");
}

/// The sample site's album photos (`static/images/albums/2025/diem-truong-dong-thoi-2/`) are the
/// simple scenes of a school by the mangroves drawn here, 1200×800 JPEGs of a few dozen KB.
/// To draw them anew after changing a scene: `BANTIN_BLESS=1 cargo test --test it
/// albums::the_sample_albums_photos_are_the_ones_drawn_here`.
#[test]
fn the_sample_albums_photos_are_the_ones_drawn_here() {
    let folder = repo().join("static/images/albums/2025/diem-truong-dong-thoi-2");
    // (file, sky top, sky bottom, sun at x, roof colour, people, flag)
    type Scene = (&'static str, [u8; 3], [u8; 3], u32, [u8; 3], u32, bool);
    let scenes: [Scene; 5] = [
        (
            "01-san-truong.jpg",
            [110, 170, 230],
            [200, 225, 245],
            980,
            [178, 34, 34],
            3,
            true,
        ),
        (
            "02-lop-hoc.jpg",
            [240, 190, 120],
            [250, 230, 190],
            200,
            [200, 80, 40],
            5,
            false,
        ),
        (
            "03-trao-sach-vo.jpg",
            [90, 150, 220],
            [180, 215, 240],
            600,
            [160, 40, 60],
            4,
            true,
        ),
        (
            "04-hang-cay-duoc.jpg",
            [120, 185, 235],
            [215, 235, 250],
            300,
            [120, 60, 40],
            0,
            false,
        ),
        (
            "05-tan-hoc.jpg",
            [230, 150, 110],
            [250, 210, 170],
            1050,
            [170, 50, 50],
            6,
            true,
        ),
    ];
    for (file, top, bottom, sun_x, roof, people, flag) in scenes {
        let (w, h) = (1200u32, 800u32);
        let horizon = 520u32;
        let mut img = image::RgbImage::from_fn(w, h, |x, y| {
            if y < horizon {
                let t = y as f32 / horizon as f32;
                let mix = |a: u8, b: u8| (a as f32 * (1.0 - t) + b as f32 * t) as u8;
                image::Rgb([
                    mix(top[0], bottom[0]),
                    mix(top[1], bottom[1]),
                    mix(top[2], bottom[2]),
                ])
            } else {
                // The schoolyard, a little darker towards the front; the canal on the right.
                let shade = (y - horizon) as f32 / (h - horizon) as f32;
                if x > 900 && y > horizon + 20 && y < horizon + 90 {
                    image::Rgb([70, 120, 150])
                } else {
                    image::Rgb([
                        (150.0 - 40.0 * shade) as u8,
                        (170.0 - 40.0 * shade) as u8,
                        (110.0 - 30.0 * shade) as u8,
                    ])
                }
            }
        });
        let mut fill = |x0: i64, y0: i64, x1: i64, y1: i64, c: [u8; 3]| {
            for y in y0.max(0)..y1.min(h as i64) {
                for x in x0.max(0)..x1.min(w as i64) {
                    img.put_pixel(x as u32, y as u32, image::Rgb(c));
                }
            }
        };
        let disc = |img: &mut image::RgbImage, cx: i64, cy: i64, r: i64, c: [u8; 3]| {
            for y in (cy - r).max(0)..(cy + r).min(h as i64) {
                for x in (cx - r).max(0)..(cx + r).min(w as i64) {
                    if (x - cx).pow(2) + (y - cy).pow(2) <= r * r {
                        img.put_pixel(x as u32, y as u32, image::Rgb(c));
                    }
                }
            }
        };
        // Mangroves along the horizon.
        fill(
            0,
            horizon as i64 - 40,
            w as i64,
            horizon as i64,
            [60, 110, 60],
        );
        // The school: walls, windows, a door, and a roof in steps.
        fill(250, 330, 850, 540, [240, 225, 180]);
        for i in 0..5 {
            fill(290 + i * 110, 380, 350 + i * 110, 440, [90, 130, 170]);
        }
        fill(520, 460, 580, 540, [120, 80, 50]);
        for step in 0..8 {
            let inset = step * 18;
            fill(
                230 + inset,
                330 - (step + 1) * 12,
                870 - inset,
                330 - step * 12,
                roof,
            );
        }
        // A flagpole with a red flag and a yellow star's place.
        if flag {
            fill(950, 260, 956, 560, [90, 90, 90]);
            fill(956, 262, 1050, 322, [218, 37, 29]);
            fill(994, 282, 1012, 300, [255, 205, 0]);
        }
        // The sun, and trees in front.
        disc(&mut img, sun_x as i64, 120, 55, [255, 230, 120]);
        for (i, x) in [120i64, 1120, 170].into_iter().enumerate() {
            fill_trunk(&mut img, x, 470 + i as i64 * 30);
            disc(&mut img, x, 430 + i as i64 * 30, 60, [50, 120, 55]);
        }
        // Children in white shirts and blue trousers, spaced along the yard.
        for p in 0..people {
            let x = 300 + p as i64 * 95;
            let y = 600 + (p as i64 % 2) * 40;
            disc(&mut img, x, y - 70, 16, [90, 60, 40]);
            for (y0, y1, c) in [
                (y - 54, y - 10, [250, 250, 250]),
                (y - 10, y + 30, [40, 70, 140]),
            ] {
                for yy in y0..y1 {
                    for xx in x - 15..x + 15 {
                        img.put_pixel(xx as u32, yy as u32, image::Rgb(c));
                    }
                }
            }
        }
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 70)
            .encode_image(&img)
            .expect("encode a sample photo");
        assert!(bytes.len() <= 60 * 1024, "{file} is {} bytes", bytes.len());
        if std::env::var_os("BANTIN_BLESS").is_some() {
            support::write(&folder.join(file), bytes);
        } else {
            let committed = std::fs::read(folder.join(file)).unwrap_or_default();
            assert!(
                committed == bytes,
                "{file} is not the photo drawn here; run with BANTIN_BLESS=1 to draw it anew"
            );
        }
    }
}

fn fill_trunk(img: &mut image::RgbImage, x: i64, top: i64) {
    for y in top..top + 90 {
        for xx in x - 8..x + 8 {
            if (0..img.width() as i64).contains(&xx) && (0..img.height() as i64).contains(&y) {
                img.put_pixel(xx as u32, y as u32, image::Rgb([100, 70, 40]));
            }
        }
    }
}
