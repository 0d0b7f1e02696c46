//! From an original's bytes to what the rest of the stage needs: its real format (by magic
//! bytes, whatever its extension says), what its headers say (stored size, EXIF orientation,
//! ICC profile, the photographer's name) and, when pixels are needed, its pixels upright and
//! in sRGB, as 8-bit RGB or RGBA.
//!
//! Decoding goes through `image::Limits`, so a file that claims 20000×20000 pixels is refused
//! before anything is allocated for it.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use crate::Format;

/// The largest side bantin decodes, in pixels.
pub const MAX_SIDE: u32 = 16_384;
/// The most memory one decode may allocate: a 100-megapixel RGB photo fits, a bomb does not.
pub const MAX_ALLOC: u64 = 400 * 1024 * 1024;

/// What an original's bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A format bantin publishes.
    Image(Format),
    /// HEIC/HEIF from an iPhone: refused with a way to get a JPEG.
    Heic,
    /// Anything else (text, a damaged file, TIFF, …).
    Unknown,
}

/// The format of a file by its first bytes.
pub fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Kind::Image(Format::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Kind::Image(Format::Png);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Kind::Image(Format::Gif);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Kind::Image(Format::Webp);
    }
    // ISO base media (AVIF, HEIC): a `ftyp` box with a major brand and compatible brands.
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        let end = size.clamp(12, bytes.len().min(256));
        let major = &bytes[8..12];
        let compatible: Vec<&[u8]> = bytes[16.min(end)..end].chunks_exact(4).collect();
        let any = |brands: &[&[u8]]| {
            brands.contains(&major) || compatible.iter().any(|b| brands.contains(b))
        };
        const HEIC: [&[u8]; 5] = [b"heic", b"heix", b"hevc", b"heim", b"heis"];
        const AVIF: [&[u8]; 2] = [b"avif", b"avis"];
        if AVIF.contains(&major) {
            return Kind::Image(Format::Avif);
        }
        if HEIC.contains(&major) || any(&HEIC) {
            return Kind::Heic;
        }
        if any(&AVIF) {
            return Kind::Image(Format::Avif);
        }
        if any(&[b"mif1", b"msf1"]) {
            return Kind::Heic;
        }
    }
    Kind::Unknown
}

/// What an original's headers say, read without decoding its pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    /// The stored size (before orientation).
    pub width: u32,
    pub height: u32,
    /// EXIF orientation 1–8 (1 when absent or not understood).
    pub orientation: u8,
    /// The embedded ICC profile, if any.
    pub icc: Option<Vec<u8>>,
    /// The photographer's name from EXIF Artist, else Copyright, when it names someone.
    pub credit: Option<String>,
}

impl Probe {
    /// Whether the ICC profile asks for a colour conversion to sRGB.
    pub fn needs_colour(&self) -> bool {
        self.icc.as_deref().is_some_and(|icc| !is_srgb(icc))
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

fn decoder(bytes: &[u8], format: Format) -> image::ImageResult<impl ImageDecoder + '_> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(match format {
        Format::Jpeg => image::ImageFormat::Jpeg,
        Format::Png => image::ImageFormat::Png,
        Format::Webp => image::ImageFormat::WebP,
        Format::Gif => image::ImageFormat::Gif,
        Format::Avif => image::ImageFormat::Avif,
    });
    reader.limits(limits());
    reader.into_decoder()
}

/// Reads an original's headers. AVIF is not decoded by `image` (it only encodes AVIF): its
/// size comes from the `ispe` box.
pub fn probe(bytes: &[u8], format: Format) -> Result<Probe, String> {
    if format == Format::Avif {
        let (width, height) = avif_size(bytes).ok_or("no size in the AVIF file")?;
        return Ok(Probe {
            width,
            height,
            orientation: 1,
            icc: None,
            credit: None,
        });
    }
    let mut decoder = decoder(bytes, format).map_err(|e| e.to_string())?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err("the image has no pixels".into());
    }
    let exif = decoder.exif_metadata().ok().flatten();
    let orientation = exif
        .as_deref()
        .and_then(orientation_of)
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1);
    let icc = decoder.icc_profile().ok().flatten();
    let credit = exif.as_deref().and_then(credit_of);
    Ok(Probe {
        width,
        height,
        orientation,
        icc,
        credit,
    })
}

/// Decodes an original into upright sRGB pixels (`Rgb8`, or `Rgba8` when it has alpha).
pub fn decode(bytes: &[u8], format: Format, probe: &Probe) -> Result<DynamicImage, String> {
    let decoder = decoder(bytes, format).map_err(|e| e.to_string())?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    let alpha = image.color().has_alpha();
    image = if alpha {
        DynamicImage::ImageRgba8(image.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.into_rgb8())
    };
    if let Some(icc) = probe.icc.as_deref().filter(|icc| !is_srgb(icc)) {
        to_srgb(&mut image, icc);
    }
    if let Some(orientation) = image::metadata::Orientation::from_exif(probe.orientation) {
        image.apply_orientation(orientation);
    }
    Ok(image)
}

/// Converts 8-bit RGB(A) pixels from the profile `icc` to sRGB in place (perceptual). A
/// profile qcms cannot read, or a grey or CMYK one, leaves the pixels as they are.
fn to_srgb(image: &mut DynamicImage, icc: &[u8]) {
    let Some(input) = qcms::Profile::new_from_slice(icc, false) else {
        return;
    };
    let mut output = qcms::Profile::new_sRGB();
    output.precache_output_transform();
    let (kind, data) = match image {
        DynamicImage::ImageRgb8(rgb) => (qcms::DataType::RGB8, &mut **rgb),
        DynamicImage::ImageRgba8(rgba) => (qcms::DataType::RGBA8, &mut **rgba),
        _ => return,
    };
    if let Some(transform) = qcms::Transform::new(&input, &output, kind, qcms::Intent::Perceptual) {
        transform.apply(data);
    }
}

/// Whether an ICC profile is sRGB. qcms's `is_sRGB` is only true of the profile it makes
/// itself, so the profile's description is looked at: cameras and editors embed profiles
/// named "sRGB IEC61966-2.1", "sRGB built-in" and the like.
pub fn is_srgb(icc: &[u8]) -> bool {
    icc.windows(4).any(|w| w == b"sRGB") || {
        // The description may be UTF-16 (`mluc`): s\0R\0G\0B.
        icc.windows(7).any(|w| w == b"s\0R\0G\0B")
    }
}

/// The EXIF orientation in a raw TIFF structure.
fn orientation_of(tiff: &[u8]) -> Option<u8> {
    let exif = exif::Reader::new().read_raw(tiff.to_vec()).ok()?;
    let field = exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?;
    field.value.get_uint(0).and_then(|o| u8::try_from(o).ok())
}

/// Names that cameras and programs put into Artist/Copyright that are not a person's.
const GENERIC: [&str; 12] = [
    "unknown",
    "picasa",
    "copyright",
    "artist",
    "none",
    "camera owner",
    "owner",
    "canon",
    "nikon",
    "sony",
    "samsung",
    "apple",
];

/// The photographer's name in a raw TIFF structure: Artist, else Copyright, trimmed, when it
/// is neither empty nor a placeholder.
pub fn credit_of(tiff: &[u8]) -> Option<String> {
    let exif = exif::Reader::new().read_raw(tiff.to_vec()).ok()?;
    [exif::Tag::Artist, exif::Tag::Copyright]
        .into_iter()
        .find_map(|tag| {
            let field = exif.get_field(tag, exif::In::PRIMARY)?;
            let exif::Value::Ascii(parts) = &field.value else {
                return None;
            };
            let text = parts
                .iter()
                .map(|p| {
                    String::from_utf8_lossy(p)
                        .trim_matches(['\0', ' '])
                        .to_string()
                })
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let text = text.trim();
            let text = ["©", "(c)", "(C)"]
                .iter()
                .find_map(|p| text.strip_prefix(p))
                .unwrap_or(text)
                .trim();
            let lower = text.to_lowercase();
            let generic = text.chars().count() < 2
                || GENERIC
                    .iter()
                    .any(|g| lower == *g || lower.starts_with(&format!("{g} ")))
                || lower.contains("corporation")
                || lower.contains("company");
            (!generic).then(|| text.to_string())
        })
}

/// The size in an AVIF file's `ispe` (image spatial extents) box: its payload is a version
/// and flags (4 bytes), then width and height (big-endian u32). A full ISO-BMFF parser is not
/// needed for the one thing bantin reads from AVIF.
fn avif_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let head = &bytes[..bytes.len().min(4096)];
    let at = head.windows(4).position(|w| w == b"ispe")?;
    let field = |i: usize| {
        let b = head.get(at + i..at + i + 4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let (width, height) = (field(8)?, field(12)?);
    (width > 0 && height > 0).then_some((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Kind::Image(Format::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Kind::Image(Format::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Kind::Image(Format::Webp));
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), Kind::Heic);
        assert_eq!(sniff(b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic"), Kind::Heic);
        assert_eq!(
            sniff(b"\0\0\0\x18ftypavif\0\0\0\0mif1avif"),
            Kind::Image(Format::Avif)
        );
        assert_eq!(
            sniff(b"\0\0\0\x18ftypmif1\0\0\0\0mif1avif"),
            Kind::Image(Format::Avif)
        );
        assert_eq!(sniff(b"hello"), Kind::Unknown);
    }

    #[test]
    fn credit_skips_placeholders() {
        for (artist, expected) in [
            ("  Trần Thị B  ", Some("Trần Thị B")),
            ("Picasa", None),
            ("Unknown", None),
            ("", None),
            ("© Lê Văn C", Some("Lê Văn C")),
        ] {
            let jpeg = crate::sample::camera_jpeg(
                16,
                16,
                1,
                &crate::sample::SampleExif {
                    artist: Some(artist.into()),
                    ..Default::default()
                },
            );
            let probe = probe(&jpeg, Format::Jpeg).unwrap();
            assert_eq!(probe.credit.as_deref(), expected, "{artist:?}");
        }
    }

    #[test]
    fn srgb_profiles_are_recognised() {
        assert!(is_srgb(b"....desc....sRGB IEC61966-2.1...."));
        assert!(!is_srgb(b"....desc....Display P3...."));
    }
}
