//! Sample photos for tests and the benchmark: camera-like JPEGs (a sky gradient, a few shapes,
//! fine texture and sensor noise, EXIF with orientation, GPS, the photographer's name and the
//! camera) and PNGs carrying text chunks, made in memory from a seed; and helpers that read
//! back what an output still carries.
//!
//! It is public, not `cfg(test)`, because the integration tests under `tests/` and the
//! benchmark (`bantin-bench images`) use it too.
//!
//! The pixels are made cheaply: the picture is drawn at a quarter of its size, scaled up by
//! the image crate (optimised even in debug builds), then a precomputed noise row is added
//! to each row. So a 4000×3000 photo takes a fraction of a second in the tests' debug build,
//! and its JPEG compresses like a photo (2–5 MB at quality 92), not like pure noise.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ExtendedColorType, ImageEncoder, RgbImage, RgbaImage};
use img_parts::{Bytes, ImageEXIF, ImageICC};

/// The EXIF a sample photo carries. `Make`/`Model` are written whenever any of it is asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SampleExif {
    /// EXIF orientation, 1–8.
    pub orientation: Option<u16>,
    /// Latitude and longitude in degrees (negative: south, west).
    pub gps: Option<(f64, f64)>,
    /// The photographer's name (`Artist`).
    pub artist: Option<String>,
}

/// The colour of the marker block every sample photo has in its stored top-left corner (a
/// tenth of each side), so that tests can see where orientation and cropping put it.
pub const MARKER: [u8; 3] = [230, 20, 20];

/// A small deterministic PRNG (SplitMix64): the samples must not depend on a crate's version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n.max(1))) as u32
    }
}

/// The pixels of a camera-like photo of `width`×`height`, stored as a camera stores them (the
/// marker block in the top-left corner whatever the orientation tag says).
pub fn camera_pixels(width: u32, height: u32, seed: u64) -> RgbImage {
    let (width, height) = (width.max(1), height.max(1));
    let mut rng = Rng(seed);
    // The scene at a quarter of the size: sky, ground, shapes.
    let (sw, sh) = (width.div_ceil(4).max(1), height.div_ceil(4).max(1));
    let horizon = sh * (45 + rng.below(20)) / 100;
    let mut small = RgbImage::new(sw, sh);
    let tint = rng.below(40) as i32;
    for (y, row) in small.rows_mut().enumerate() {
        let y = y as u32;
        let colour = if y < horizon {
            let t = (y * 255 / horizon.max(1)) as i32;
            [
                (90 + t / 3 + tint) as u8,
                (140 + t / 4) as u8,
                (230 - t / 5) as u8,
            ]
        } else {
            let t = ((y - horizon) * 255 / (sh - horizon).max(1)) as i32;
            [
                (110 - t / 4 + tint) as u8,
                (100 - t / 5) as u8,
                (70 - t / 6) as u8,
            ]
        };
        for pixel in row {
            pixel.0 = colour;
        }
    }
    // "People" and buildings: filled rectangles and discs of random colours.
    for _ in 0..6 + rng.below(6) {
        let colour = [
            rng.below(200) as u8 + 30,
            rng.below(200) as u8 + 30,
            rng.below(200) as u8 + 30,
        ];
        let (cx, cy) = (rng.below(sw), horizon / 2 + rng.below(sh - horizon / 2));
        let (rw, rh) = (1 + rng.below(sw / 8 + 1), 1 + rng.below(sh / 4 + 1));
        let disc = rng.below(2) == 0;
        for y in cy.saturating_sub(rh)..(cy + rh).min(sh) {
            for x in cx.saturating_sub(rw)..(cx + rw).min(sw) {
                let (dx, dy) = (x as i64 - cx as i64, y as i64 - cy as i64);
                let inside = !disc
                    || dx * dx * i64::from(rh * rh) + dy * dy * i64::from(rw * rw)
                        <= i64::from(rw * rw) * i64::from(rh * rh);
                if inside {
                    small.put_pixel(x, y, image::Rgb(colour));
                }
            }
        }
    }
    let mut full = if (sw, sh) == (width, height) {
        small
    } else {
        // `DynamicImage::resize_exact` rather than `fast_image_resize`: its code is compiled
        // (optimised) in the image crate, while fast_image_resize's generic functions would be
        // compiled, unoptimised, in the tests' debug build of bantin.
        DynamicImage::ImageRgb8(small)
            .resize_exact(width, height, FilterType::Triangle)
            .into_rgb8()
    };
    // Texture at every scale, as in a real scene (foliage, fabric, brick, faces): value noise in
    // octaves from 512 down to 2 pixels, stronger at the coarse ones (a photo's spectrum falls
    // off with frequency), so that a copy scaled down to a phone's width still carries detail
    // and weighs what a real photo's copy weighs.
    texture(&mut full, &mut rng);
    // Sensor noise: one precomputed row of noise, read at a different offset for each row (not
    // periodic enough for JPEG to notice).
    let row_len = width as usize * 3;
    let noise: Vec<u8> = (0..row_len + 8191)
        .map(|_| {
            let r = rng.next();
            // Mostly small, now and then larger: a triangular distribution of ±9.
            ((r & 0x0F) as i32 + ((r >> 8) & 0x0F) as i32 - 15).clamp(-9, 9) as i8 as u8
        })
        .collect();
    for (y, row) in full.chunks_exact_mut(row_len).enumerate() {
        let offset = (y * 7919 + (y * y) % 4091) % 8191;
        for (byte, n) in row.iter_mut().zip(&noise[offset..offset + row_len]) {
            *byte = byte.saturating_add_signed(*n as i8);
        }
    }
    // The marker block, over the noise so its colour is exact.
    let (mw, mh) = (width.div_ceil(10), height.div_ceil(10));
    for y in 0..mh {
        for x in 0..mw {
            full.put_pixel(x, y, image::Rgb(MARKER));
        }
    }
    full
}

/// Adds octaves of smooth value noise to every channel (a luminance part shared by the three
/// channels, and a smaller colour part).
fn texture(image: &mut RgbImage, rng: &mut Rng) {
    let (width, height) = image.dimensions();
    // (cell size in pixels, amplitude of the luminance, of the colour)
    const OCTAVES: [(u32, f32, f32); 8] = [
        (512, 22.0, 8.0),
        (256, 18.0, 7.0),
        (128, 15.0, 6.0),
        (64, 13.0, 5.0),
        (32, 11.0, 4.0),
        (16, 10.0, 3.0),
        (8, 9.0, 2.0),
        (4, 8.0, 2.0),
    ];
    let mut delta = vec![[0f32; 3]; (width * height) as usize];
    for (cell, luma, chroma) in OCTAVES {
        let (gw, gh) = (width / cell + 2, height / cell + 2);
        let grid: Vec<[f32; 4]> = (0..gw * gh)
            .map(|_| {
                let mut unit = || (rng.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0;
                [unit(), unit(), unit(), unit()]
            })
            .collect();
        let at = |gx: u32, gy: u32| grid[(gy * gw + gx) as usize];
        for y in 0..height {
            let (gy, fy) = (y / cell, (y % cell) as f32 / cell as f32);
            let sy = fy * fy * (3.0 - 2.0 * fy);
            for x in 0..width {
                let (gx, fx) = (x / cell, (x % cell) as f32 / cell as f32);
                let sx = fx * fx * (3.0 - 2.0 * fx);
                let (a, b, c, d) = (
                    at(gx, gy),
                    at(gx + 1, gy),
                    at(gx, gy + 1),
                    at(gx + 1, gy + 1),
                );
                let mix = |i: usize| {
                    let top = a[i] + (b[i] - a[i]) * sx;
                    let bottom = c[i] + (d[i] - c[i]) * sx;
                    top + (bottom - top) * sy
                };
                let l = mix(0) * luma;
                let out = &mut delta[(y * width + x) as usize];
                for (ch, value) in out.iter_mut().enumerate() {
                    *value += l + mix(ch + 1) * chroma;
                }
            }
        }
    }
    for (pixel, d) in image.pixels_mut().zip(&delta) {
        for (value, change) in pixel.0.iter_mut().zip(d) {
            *value = (f32::from(*value) + change).clamp(0.0, 255.0) as u8;
        }
    }
}

/// A camera-like JPEG of `width`×`height` (as stored: an orientation tag does not change the
/// stored size) at quality 92, with an EXIF segment when `exif` asks for anything.
pub fn camera_jpeg(width: u32, height: u32, seed: u64, exif: &SampleExif) -> Vec<u8> {
    let pixels = camera_pixels(width, height, seed);
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 92)
        .write_image(
            pixels.as_raw(),
            pixels.width(),
            pixels.height(),
            ExtendedColorType::Rgb8,
        )
        .expect("encoding in memory");
    if exif == &SampleExif::default() {
        return out;
    }
    let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(out)).expect("our own JPEG");
    jpeg.set_exif(Some(Bytes::from(tiff(exif))));
    jpeg.encoder().bytes().to_vec()
}

/// An RGBA PNG of `width`×`height` with a `tEXt` comment, an `iTXt` author, a `tIME` and an
/// `eXIf` chunk carrying `exif` — what a screenshot or an edited graphic often has.
pub fn png_with_text(width: u32, height: u32, exif: &SampleExif) -> Vec<u8> {
    let rgb = camera_pixels(width, height, 7);
    let mut rgba = RgbaImage::new(rgb.width(), rgb.height());
    for (to, from) in rgba.pixels_mut().zip(rgb.pixels()) {
        to.0 = [from[0], from[1], from[2], 200];
    }
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(
            rgba.as_raw(),
            rgba.width(),
            rgba.height(),
            ExtendedColorType::Rgba8,
        )
        .expect("encoding in memory");
    let mut png = img_parts::png::Png::from_bytes(Bytes::from(out)).expect("our own PNG");
    let chunk = img_parts::png::PngChunk::new;
    let at = 1; // after IHDR
    let chunks = png.chunks_mut();
    chunks.insert(
        at,
        chunk(*b"tEXt", Bytes::from_static(b"Comment\0chup tai hoi nghi")),
    );
    chunks.insert(
        at,
        chunk(
            *b"iTXt",
            Bytes::from_static(b"Author\0\0\0\0\0Nguy\xe1\xbb\x85n V\xc4\x83n A"),
        ),
    );
    chunks.insert(
        at,
        chunk(*b"tIME", Bytes::from_static(&[7, 233, 1, 2, 3, 4, 5])),
    );
    png.set_exif(Some(Bytes::from(tiff(exif))));
    png.encoder().bytes().to_vec()
}

/// An RGB ICC profile (version 2, gamma 2.2) whose red and blue primaries are sRGB's swapped:
/// converting to sRGB turns red into blue, so tests can see that a conversion happened. Written
/// by hand like the EXIF: nothing in bantin's crates writes ICC profiles.
pub fn swapped_icc() -> Vec<u8> {
    fn fixed(v: f64) -> [u8; 4] {
        ((v * 65536.0).round() as i32).to_be_bytes()
    }
    fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
        let mut tag = b"XYZ \0\0\0\0".to_vec();
        for v in [x, y, z] {
            tag.extend(fixed(v));
        }
        tag
    }
    // 'curv' with one entry: a gamma of 2.2 as u8Fixed8 (0x0233), padded to 4 bytes.
    let curve = b"curv\0\0\0\0\0\0\0\x01\x02\x33\0\0".to_vec();
    let tags: [(&[u8; 4], Vec<u8>); 7] = [
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"rTRC", curve.clone()),
        (b"gTRC", curve.clone()),
        (b"bTRC", curve),
    ];
    let mut header = vec![0u8; 128];
    header[8..12].copy_from_slice(&[2, 0x10, 0, 0]);
    header[12..16].copy_from_slice(b"mntr");
    header[16..20].copy_from_slice(b"RGB ");
    header[20..24].copy_from_slice(b"XYZ ");
    header[36..40].copy_from_slice(b"acsp");
    for (i, v) in [0.9642, 1.0, 0.8249].into_iter().enumerate() {
        header[68 + 4 * i..72 + 4 * i].copy_from_slice(&fixed(v));
    }
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let mut data: Vec<u8> = Vec::new();
    let data_at = 128 + 4 + 12 * tags.len();
    for (signature, tag) in &tags {
        table.extend(*signature);
        table.extend(((data_at + data.len()) as u32).to_be_bytes());
        table.extend((tag.len() as u32).to_be_bytes());
        data.extend(tag);
    }
    let mut out = header;
    out.extend(table);
    out.extend(data);
    let size = (out.len() as u32).to_be_bytes();
    out[..4].copy_from_slice(&size);
    out
}

/// A `width`×`height` JPEG of one colour, carrying the ICC profile `icc`.
pub fn flat_jpeg_with_icc(width: u32, height: u32, colour: [u8; 3], icc: &[u8]) -> Vec<u8> {
    let pixels = RgbImage::from_pixel(width, height, image::Rgb(colour));
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(pixels.as_raw(), width, height, ExtendedColorType::Rgb8)
        .expect("encoding in memory");
    let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(out)).expect("our own JPEG");
    jpeg.set_icc_profile(Some(Bytes::copy_from_slice(icc)));
    jpeg.encoder().bytes().to_vec()
}

/// The EXIF fields of an image file (JPEG, PNG, WebP), or None when it has no EXIF.
pub fn exif_of(bytes: &[u8]) -> Option<exif::Exif> {
    exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok()
}

/// Whether an image file carries GPS coordinates in EXIF.
pub fn has_gps(bytes: &[u8]) -> bool {
    exif_of(bytes).is_some_and(|exif| {
        exif.fields()
            .any(|f| f.ifd_num == exif::In::PRIMARY && is_gps_tag(f.tag))
    })
}

fn is_gps_tag(tag: exif::Tag) -> bool {
    tag.context() == exif::Context::Gps
}

/// The TIFF structure of an EXIF segment, little-endian, written by hand: the exif crate
/// only reads, and the samples need exactly these few fields. IFD0 holds Make, Model,
/// Orientation, Artist and a pointer to the GPS IFD, which holds the version and the
/// latitude and longitude (degrees, minutes, seconds as rationals) with their N/S, E/W refs.
fn tiff(exif: &SampleExif) -> Vec<u8> {
    /// One IFD entry: tag, type (2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL, 1 BYTE), count, data.
    struct Entry {
        tag: u16,
        kind: u16,
        count: u32,
        data: Vec<u8>,
    }
    fn ascii(tag: u16, text: &str) -> Entry {
        let mut data = text.as_bytes().to_vec();
        data.push(0);
        Entry {
            tag,
            kind: 2,
            count: data.len() as u32,
            data,
        }
    }
    fn dms(tag: u16, degrees: f64) -> Entry {
        let degrees = degrees.abs();
        let d = degrees.floor();
        let m = ((degrees - d) * 60.0).floor();
        let s = ((degrees - d) * 60.0 - m) * 60.0;
        let mut data = Vec::new();
        for (num, den) in [(d as u32, 1u32), (m as u32, 1), ((s * 1000.0) as u32, 1000)] {
            data.extend(num.to_le_bytes());
            data.extend(den.to_le_bytes());
        }
        Entry {
            tag,
            kind: 5,
            count: 3,
            data,
        }
    }
    /// Writes an IFD at `start` (its offset in the TIFF), its out-of-line values after it.
    fn ifd(entries: &[Entry], start: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut extra = Vec::new();
        let extra_at = start + 2 + 12 * entries.len() as u32 + 4;
        out.extend((entries.len() as u16).to_le_bytes());
        for e in entries {
            out.extend(e.tag.to_le_bytes());
            out.extend(e.kind.to_le_bytes());
            out.extend(e.count.to_le_bytes());
            if e.data.len() <= 4 {
                let mut inline = e.data.clone();
                inline.resize(4, 0);
                out.extend(inline);
            } else {
                out.extend((extra_at + extra.len() as u32).to_le_bytes());
                extra.extend(&e.data);
                if extra.len() % 2 == 1 {
                    extra.push(0);
                }
            }
        }
        out.extend(0u32.to_le_bytes()); // no next IFD
        out.extend(extra);
        out
    }

    let mut ifd0 = vec![ascii(0x010F, "Canon"), ascii(0x0110, "Canon EOS R6")];
    if let Some(o) = exif.orientation {
        ifd0.push(Entry {
            tag: 0x0112,
            kind: 3,
            count: 1,
            data: o.to_le_bytes().to_vec(),
        });
    }
    if let Some(artist) = &exif.artist {
        ifd0.push(ascii(0x013B, artist));
    }
    let gps = exif.gps.map(|(lat, lon)| {
        vec![
            Entry {
                tag: 0x0000,
                kind: 1,
                count: 4,
                data: vec![2, 3, 0, 0],
            },
            ascii(0x0001, if lat < 0.0 { "S" } else { "N" }),
            dms(0x0002, lat),
            ascii(0x0003, if lon < 0.0 { "W" } else { "E" }),
            dms(0x0004, lon),
        ]
    });
    if gps.is_some() {
        // The pointer's value is patched below, once IFD0's length is known.
        ifd0.push(Entry {
            tag: 0x8825,
            kind: 4,
            count: 1,
            data: vec![0; 4],
        });
    }
    let mut out = b"II*\0".to_vec();
    out.extend(8u32.to_le_bytes());
    let first = ifd(&ifd0, 8);
    if let Some(gps) = gps {
        let gps_at = 8 + first.len() as u32;
        let last = ifd0.len() - 1;
        ifd0[last].data = gps_at.to_le_bytes().to_vec();
        out.extend(ifd(&ifd0, 8));
        out.extend(ifd(&gps, gps_at));
    } else {
        out.extend(first);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_swapped_profile_is_one_qcms_reads() {
        assert!(qcms::Profile::new_from_slice(&swapped_icc(), false).is_some());
    }

    #[test]
    fn sample_exif_reads_back() {
        let bytes = camera_jpeg(
            64,
            48,
            1,
            &SampleExif {
                orientation: Some(6),
                gps: Some((21.0285, 105.8542)),
                artist: Some("Nguyễn Văn A".into()),
            },
        );
        let exif = exif_of(&bytes).expect("EXIF");
        let orientation = exif
            .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
            .and_then(|f| f.value.get_uint(0));
        assert_eq!(orientation, Some(6));
        assert!(has_gps(&bytes));
        let lat = exif
            .get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
            .expect("latitude");
        assert!(lat.display_value().to_string().starts_with("21 deg"));
        assert!(!has_gps(&camera_jpeg(64, 48, 1, &SampleExif::default())));
    }
}
