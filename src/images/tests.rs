//! The stage on real files: sample camera photos with EXIF, PNGs with text chunks, damaged
//! and disguised files, in a temporary site folder with its own cache.

use std::path::Path;
use std::time::Instant;

use img_parts::{Bytes, ImageEXIF};

use crate::problem::Problem;

use super::sample::{self, MARKER, SampleExif};
use super::*;

fn request(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    responsive: bool,
    share: Option<Focus>,
) -> Request {
    let file = dir.join("static").join(name);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, bytes).unwrap();
    Request {
        path: name.to_string(),
        file,
        shown: format!("static/{name}"),
        responsive,
        share,
    }
}

fn decoded(path: &Path) -> image::DynamicImage {
    image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_marker(pixel: image::Rgb<u8>) -> bool {
    pixel.0.iter().zip(MARKER).all(|(a, b)| a.abs_diff(b) < 40)
}

fn codes(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.code).collect()
}

#[test]
fn camera_photo_is_upright_capped_and_clean() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let exif = SampleExif {
        orientation: Some(6),
        gps: Some((21.0285, 105.8542)),
        artist: Some(" Nguyễn Văn A ".into()),
    };
    let photo = sample::camera_jpeg(4000, 3000, 1, &exif);
    assert!(sample::has_gps(&photo));
    // The sample weighs what a 12-megapixel camera file weighs.
    let mb = photo.len() as f64 / 1e6;
    assert!((1.5..6.0).contains(&mb), "{mb} MB");
    let req = request(
        site.path(),
        "images/2025/hoi-nghi.jpg",
        &photo,
        true,
        Some(Focus::default()),
    );
    let (gallery, stats, problems) = process(&[req], &Settings::default(), &cache);
    assert!(problems.is_empty(), "{problems:?}");
    let p = gallery.get("/images/2025/hoi-nghi.jpg").unwrap();
    // Orientation 6 turns 4000×3000 into 3000×4000, capped at 2048 wide.
    assert_eq!((p.width, p.height, p.format), (2048, 2731, Format::Jpeg));
    assert_eq!(p.credit.as_deref(), Some("Nguyễn Văn A"));
    let cleaned = std::fs::read(&p.file).unwrap();
    assert!(sample::exif_of(&cleaned).is_none());
    assert!(!sample::has_gps(&cleaned));
    let upright = decoded(&p.file).to_rgb8();
    assert_eq!(upright.dimensions(), (2048, 2731));
    // The marker was in the stored top-left corner: rotated 90° clockwise, it is top-right.
    assert!(is_marker(*upright.get_pixel(2048 - 30, 30)));
    assert!(!is_marker(*upright.get_pixel(30, 30)));
    assert!(!is_marker(*upright.get_pixel(2048 - 30, 2731 - 30)));

    let listed: Vec<(Format, u32)> = p.variants.iter().map(|v| (v.format, v.width)).collect();
    assert_eq!(
        listed,
        [
            (Format::Webp, 480),
            (Format::Webp, 960),
            (Format::Webp, 1600),
            (Format::Jpeg, 480),
            (Format::Jpeg, 960),
            (Format::Jpeg, 1600),
        ]
    );
    for v in &p.variants {
        let ext = v.format.extension();
        assert_eq!(v.path, format!("images/2025/hoi-nghi-{}w.{ext}", v.width));
        let bytes = std::fs::read(&v.file).unwrap();
        assert!(!sample::has_gps(&bytes), "{}", v.path);
        let image = decoded(&v.file);
        assert_eq!(
            (image.width(), image.height()),
            (v.width, v.height),
            "{}",
            v.path
        );
        assert_eq!(v.height, (8 * v.width + 3) / 6, "{}", v.path);
    }
    let share = p.share.as_ref().unwrap();
    assert_eq!(share.path, "images/2025/hoi-nghi-chia-se.jpg");
    let image = decoded(&share.file);
    assert_eq!((image.width(), image.height()), SHARE_SIZE);
    assert!(!sample::has_gps(&std::fs::read(&share.file).unwrap()));
    assert_eq!(stats.encoded, 8);
    assert_eq!(stats.images, 1);
}

/// The SOS segment and everything after it: the compressed pixels.
fn scan_data(jpeg: &[u8]) -> &[u8] {
    let at = jpeg.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    &jpeg[at..]
}

#[test]
fn small_upright_photo_is_stripped_without_reencoding() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let exif = SampleExif {
        orientation: Some(1),
        gps: Some((10.7769, 106.7009)),
        artist: None,
    };
    let photo = sample::camera_jpeg(800, 600, 2, &exif);
    let req = request(site.path(), "anh/cho.jpg", &photo, false, None);
    let (gallery, stats, problems) =
        process(std::slice::from_ref(&req), &Settings::default(), &cache);
    assert!(problems.is_empty(), "{problems:?}");
    let p = gallery.get("anh/cho.jpg").unwrap();
    assert_ne!(p.file, req.file);
    assert!(p.variants.is_empty() && p.share.is_none());
    assert_eq!((p.width, p.height), (800, 600));
    let cleaned = std::fs::read(&p.file).unwrap();
    assert!(!sample::has_gps(&cleaned));
    let jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(cleaned.clone())).unwrap();
    assert!(jpeg.segments().iter().all(|s| s.marker() != 0xE1));
    assert_eq!(scan_data(&cleaned), scan_data(&photo));
    assert_eq!(stats.encoded, 1);

    // Without metadata, the original itself is published.
    let plain = sample::camera_jpeg(200, 100, 2, &SampleExif::default());
    let req = request(site.path(), "anh/tron.jpg", &plain, false, None);
    let (gallery, stats, _) = process(std::slice::from_ref(&req), &Settings::default(), &cache);
    assert_eq!(gallery.get("anh/tron.jpg").unwrap().file, req.file);
    assert_eq!(stats.encoded, 0);
}

#[test]
fn png_text_chunks_are_removed() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let exif = SampleExif {
        gps: Some((16.0, 108.0)),
        ..SampleExif::default()
    };
    let png = sample::png_with_text(300, 200, &exif);
    assert!(sample::has_gps(&png));
    let req = request(site.path(), "do-thi.png", &png, true, None);
    let (gallery, _, problems) = process(&[req], &Settings::default(), &cache);
    assert!(problems.is_empty(), "{problems:?}");
    let p = gallery.get("do-thi.png").unwrap();
    let cleaned = std::fs::read(&p.file).unwrap();
    let parsed = img_parts::png::Png::from_bytes(Bytes::from(cleaned.clone())).unwrap();
    let kinds: Vec<[u8; 4]> = parsed.chunks().iter().map(|c| c.kind()).collect();
    for kind in [b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"tIME"] {
        assert!(!kinds.contains(kind), "{}", String::from_utf8_lossy(kind));
    }
    assert!(!sample::has_gps(&cleaned));
    assert_eq!(
        decoded(&p.file).to_rgba8(),
        decoded(&gallery_original(&png)).to_rgba8()
    );
    // 300 px wide: one width, the image's own, as WebP and PNG.
    let listed: Vec<(Format, u32)> = p.variants.iter().map(|v| (v.format, v.width)).collect();
    assert_eq!(listed, [(Format::Webp, 300), (Format::Png, 300)]);
    for v in &p.variants {
        let image = decoded(&v.file);
        assert_eq!((image.width(), image.height()), (300, 200));
        assert!(image.color().has_alpha(), "{}", v.path);
    }
}

/// Writes bytes to a temporary file (for `image::open`).
fn gallery_original(bytes: &[u8]) -> std::path::PathBuf {
    let file = tempfile::Builder::new().suffix(".png").tempfile().unwrap();
    let (_, path) = file.keep().unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn second_run_reuses_everything_and_a_changed_photo_is_made_again() {
    let site = tempfile::tempdir().unwrap();
    let exif = SampleExif {
        orientation: Some(3),
        ..SampleExif::default()
    };
    let photo = sample::camera_jpeg(1200, 900, 3, &exif);
    let req = request(site.path(), "a.jpg", &photo, true, Some(Focus::default()));
    let settings = Settings::default();
    let cache = Cache::open(site.path());
    let (first, stats, _) = process(std::slice::from_ref(&req), &settings, &cache);
    assert_eq!(stats.encoded, 1 + 2 * 3 + 1);
    let (second, stats, problems) = process(std::slice::from_ref(&req), &settings, &cache);
    assert!(problems.is_empty());
    assert_eq!((stats.encoded, stats.reused), (0, 8));
    assert_eq!(first.get("a.jpg"), second.get("a.jpg"));
    // A new process: the manifest on disk.
    let (third, stats, _) = process(
        std::slice::from_ref(&req),
        &settings,
        &Cache::open(site.path()),
    );
    assert_eq!((stats.encoded, stats.reused), (0, 8));
    assert_eq!(first.get("a.jpg"), third.get("a.jpg"));
    // A damaged manifest is no error, only a re-read.
    std::fs::write(cache.dir().join("manifest.json"), b"{not json").unwrap();
    let (fourth, stats, problems) = process(
        std::slice::from_ref(&req),
        &settings,
        &Cache::open(site.path()),
    );
    assert!(problems.is_empty());
    assert_eq!(stats.encoded, 0);
    assert_eq!(first.get("a.jpg"), fourth.get("a.jpg"));

    // The same path, other bytes.
    let other = sample::camera_jpeg(1200, 900, 4, &exif);
    std::fs::write(&req.file, &other).unwrap();
    let (fifth, stats, _) = process(&[req], &settings, &cache);
    assert_eq!(stats.encoded, 8);
    assert_ne!(
        first.get("a.jpg").unwrap().digest,
        fifth.get("a.jpg").unwrap().digest
    );

    // Prune keeps what the last build used, removes the first photo's encodes, nothing else.
    std::fs::write(cache.dir().join("notes.txt"), b"mine").unwrap();
    assert_eq!(cache.prune(&fifth), 8);
    assert!(cache.dir().join("notes.txt").exists());
    assert!(cache.dir().join("manifest.json").exists());
    for v in &fifth.get("a.jpg").unwrap().variants {
        assert!(v.file.exists());
    }
}

#[test]
fn damaged_and_foreign_files_are_errors_naming_them() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let photo = sample::camera_jpeg(640, 480, 5, &SampleExif::default());
    let good = request(site.path(), "tot.jpg", &photo, true, None);
    let truncated = request(
        site.path(),
        "hong.jpg",
        &photo[..photo.len() / 2],
        true,
        None,
    );
    let heic = request(
        site.path(),
        "iphone.heic",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0meta",
        true,
        None,
    );
    let text = request(site.path(), "gia.png", b"not an image at all", true, None);
    let missing = Request {
        file: site.path().join("static/khong-co.jpg"),
        shown: "static/khong-co.jpg".into(),
        ..good.clone()
    };
    let (gallery, _, problems) = process(
        &[good, truncated, heic, text, missing],
        &Settings::default(),
        &cache,
    );
    assert_eq!(gallery.len(), 1);
    assert!(gallery.get("tot.jpg").is_some());
    let mut found: Vec<(&str, String)> = problems
        .iter()
        .map(|p| (p.code, p.file.as_ref().unwrap().path.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("images::heic", "static/iphone.heic".to_string()),
            ("images::unreadable", "static/gia.png".to_string()),
            ("images::unreadable", "static/hong.jpg".to_string()),
            ("images::unreadable", "static/khong-co.jpg".to_string()),
        ]
    );
    let heic = problems.iter().find(|p| p.code == "images::heic").unwrap();
    let help = crate::messages::Lang::Vi.text(heic.help.as_ref().unwrap());
    assert!(help.contains("Tương thích nhất"), "{help}");
}

#[test]
fn extension_that_lies_and_a_single_pixel() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let png = sample::png_with_text(40, 30, &SampleExif::default());
    let disguised = request(site.path(), "that-ra-png.jpg", &png, true, None);
    let tiny = sample::camera_jpeg(1, 1, 6, &SampleExif::default());
    let dot = request(site.path(), "cham.jpg", &tiny, true, Some(Focus::default()));
    let (gallery, _, problems) = process(&[disguised, dot], &Settings::default(), &cache);
    assert!(problems.is_empty(), "{problems:?}");
    let p = gallery.get("that-ra-png.jpg").unwrap();
    assert_eq!(p.format, Format::Png);
    assert_eq!(p.variants.last().unwrap().format, Format::Png);
    let dot = gallery.get("cham.jpg").unwrap();
    assert_eq!((dot.width, dot.height), (1, 1));
    assert!(dot.variants.iter().all(|v| (v.width, v.height) == (1, 1)));
    let share = dot.share.as_ref().unwrap();
    assert_eq!((share.width, share.height), (1, 1));
    assert_eq!(decoded(&share.file).width(), 1);
}

#[test]
fn share_picture_is_cropped_around_the_focus() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let photo = sample::camera_jpeg(2000, 1500, 7, &SampleExif::default());
    let top = request(
        site.path(),
        "tren.jpg",
        &photo,
        false,
        Some(Focus { x: 0.0, y: 0.0 }),
    );
    let bottom = request(
        site.path(),
        "duoi.jpg",
        &photo,
        false,
        Some(Focus { x: 1.0, y: 1.0 }),
    );
    let (gallery, _, _) = process(&[top, bottom], &Settings::default(), &cache);
    for (path, marker_seen) in [("tren.jpg", true), ("duoi.jpg", false)] {
        let share = gallery.get(path).unwrap().share.clone().unwrap();
        let image = decoded(&share.file).to_rgb8();
        assert_eq!(image.dimensions(), SHARE_SIZE);
        assert_eq!(is_marker(*image.get_pixel(10, 10)), marker_seen, "{path}");
    }
}

#[test]
fn same_photo_twice_and_a_large_original_are_warnings() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let photo = sample::camera_jpeg(900, 600, 8, &SampleExif::default());
    let a = request(site.path(), "a.jpg", &photo, false, None);
    let b = request(site.path(), "thu-muc/b.jpg", &photo, false, None);
    let settings = Settings {
        large_bytes: 10_000,
        ..Settings::default()
    };
    let (gallery, _, problems) = process(&[a, b], &settings, &cache);
    assert_eq!(gallery.len(), 2);
    let mut found = codes(&problems);
    found.sort();
    assert_eq!(
        found,
        ["images::duplicate", "images::large", "images::large"]
    );
    let duplicate = problems
        .iter()
        .find(|p| p.code == "images::duplicate")
        .unwrap();
    let text = crate::messages::Lang::Vi.text(&duplicate.message);
    assert!(
        text.contains("static/a.jpg") && text.contains("static/thu-muc/b.jpg"),
        "{text}"
    );
    let large = problems.iter().find(|p| p.code == "images::large").unwrap();
    let text = crate::messages::Lang::Vi.text(&large.message);
    assert!(text.contains(" MB") && text.contains(" KB"), "{text}");
}

#[test]
fn decompression_bomb_is_refused_quickly() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let small = sample::png_with_text(8, 8, &SampleExif::default());
    let mut png = img_parts::png::Png::from_bytes(Bytes::from(small)).unwrap();
    let ihdr = png.chunks()[0].contents().to_vec();
    let mut huge = ihdr.clone();
    huge[..4].copy_from_slice(&20_000u32.to_be_bytes());
    huge[4..8].copy_from_slice(&20_000u32.to_be_bytes());
    png.chunks_mut()[0] = img_parts::png::PngChunk::new(*b"IHDR", Bytes::from(huge));
    let bomb = png.encoder().bytes().to_vec();
    let req = request(site.path(), "bom.png", &bomb, true, Some(Focus::default()));
    let started = Instant::now();
    let (gallery, _, problems) = process(&[req], &Settings::default(), &cache);
    assert!(started.elapsed().as_secs_f64() < 2.0);
    assert!(gallery.is_empty());
    assert_eq!(codes(&problems), ["images::unreadable"]);
}

#[test]
fn variant_widths_follow_the_rule() {
    let settings = Settings::default();
    for (width, expected) in [
        (4000, vec![480, 960, 1600]),
        (1600, vec![480, 960, 1600]),
        (1200, vec![480, 960, 1200]),
        (300, vec![300]),
        (1, vec![1]),
    ] {
        assert_eq!(run::variant_widths(width, &settings), expected, "{width}");
    }
    let narrow = Settings {
        widths: vec![480, 3000],
        max_width: 2048,
        ..Settings::default()
    };
    assert_eq!(run::variant_widths(2500, &narrow), [480, 2048]);
}

#[test]
fn webp_and_avif_originals() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let pixels = image::DynamicImage::ImageRgb8(sample::camera_pixels(320, 240, 9));
    let lossy = encode::encode(&pixels, Format::Webp, 80).unwrap();
    let mut webp = img_parts::webp::WebP::from_bytes(Bytes::from(lossy)).unwrap();
    let with_gps = sample::camera_jpeg(
        8,
        8,
        1,
        &SampleExif {
            gps: Some((21.0, 105.0)),
            ..SampleExif::default()
        },
    );
    let tiff = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(with_gps))
        .unwrap()
        .exif()
        .unwrap();
    webp.set_exif(Some(tiff));
    let webp = webp.encoder().bytes().to_vec();
    assert!(sample::has_gps(&webp));
    let avif = encode::encode(&pixels, Format::Avif, 60).unwrap();
    let a = request(site.path(), "a.webp", &webp, true, None);
    let b = request(site.path(), "b.avif", &avif, true, Some(Focus::default()));
    let (gallery, _, problems) = process(&[a, b.clone()], &Settings::default(), &cache);
    assert!(problems.is_empty(), "{problems:?}");
    let a = gallery.get("a.webp").unwrap();
    assert!(!sample::has_gps(&std::fs::read(&a.file).unwrap()));
    let listed: Vec<(Format, u32)> = a.variants.iter().map(|v| (v.format, v.width)).collect();
    assert_eq!(listed, [(Format::Webp, 320)]);
    let b = gallery.get("b.avif").unwrap();
    assert_eq!((b.width, b.height, b.format), (320, 240, Format::Avif));
    assert_eq!(b.file, b_file(&b.path, site.path()));
    assert!(b.variants.is_empty() && b.share.is_none());
}

fn b_file(path: &str, root: &Path) -> std::path::PathBuf {
    root.join("static").join(path)
}

#[test]
fn unwritable_cache_folder_falls_back_to_a_temporary_one() {
    let site = tempfile::tempdir().unwrap();
    // A file where the cache folder's parent should be: the folder cannot be created.
    std::fs::write(site.path().join(".bantin-cache"), b"").unwrap();
    let cache = Cache::open(site.path());
    let photo = sample::camera_jpeg(300, 200, 10, &SampleExif::default());
    let req = request(site.path(), "a.jpg", &photo, true, None);
    let (gallery, stats, problems) =
        process(std::slice::from_ref(&req), &Settings::default(), &cache);
    assert_eq!(codes(&problems), ["images::cache-unwritable"]);
    assert_eq!(stats.encoded, 2);
    for v in &gallery.get("a.jpg").unwrap().variants {
        assert!(v.file.is_file());
        assert!(!v.file.starts_with(site.path()));
    }
    // Warned once per cache, and the temporary folder serves as a cache too.
    let (gallery, stats, problems) = process(&[req], &Settings::default(), &cache);
    assert!(problems.is_empty());
    assert_eq!(stats.encoded, 0);
    let temporary = gallery.get("a.jpg").unwrap().variants[0]
        .file
        .parent()
        .unwrap();
    std::fs::remove_dir_all(temporary).unwrap();
}

#[test]
fn colours_are_converted_to_srgb_and_the_profile_dropped() {
    let site = tempfile::tempdir().unwrap();
    let cache = Cache::open(site.path());
    let icc = sample::swapped_icc();
    let photo = sample::flat_jpeg_with_icc(64, 48, [220, 30, 30], &icc);
    let req = request(site.path(), "mau.jpg", &photo, true, None);
    let (gallery, stats, problems) = process(&[req], &Settings::default(), &cache);
    assert!(problems.is_empty(), "{problems:?}");
    let p = gallery.get("mau.jpg").unwrap();
    // Converted: re-encoded (the cleaned copy and a JPEG and a WebP at 64 px).
    assert_eq!(stats.encoded, 3);
    for file in std::iter::once(&p.file).chain(p.variants.iter().map(|v| &v.file)) {
        let bytes = std::fs::read(file).unwrap();
        if p.file == *file {
            let jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(bytes)).unwrap();
            assert!(img_parts::ImageICC::icc_profile(&jpeg).is_none());
        }
        let pixel = *decoded(file).to_rgb8().get_pixel(32, 24);
        assert!(
            pixel[2] > 150 && pixel[0] < 100,
            "{pixel:?} in {}",
            file.display()
        );
    }
}
