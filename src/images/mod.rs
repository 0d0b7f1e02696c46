//! Photos light enough for a phone: every raster image the site publishes is looked at once,
//! and the ones pages show are resized into a set of widths and re-encoded.
//!
//! The stage takes `Request`s (an image's address, its file, what pages use it for) and gives a
//! `Gallery`: for each image its upright size, the cleaned copy published at its own address
//! (metadata stripped, EXIF orientation applied, capped at `Settings::max_width`), its
//! responsive variants (`Variant`) and its share picture. Originals in `static/` are never
//! touched. Encodes are kept in a cache folder (`Cache`) keyed by the photo's bytes, the
//! operation and the encoder's version, so a rebuild encodes only new or changed photos.
//!
//! The parts: `decode` (real format by magic bytes, headers, upright sRGB pixels within
//! `image::Limits`), `clean` (metadata removed without re-encoding), `encode` (scaling,
//! share crops, JPEG/PNG/WebP/AVIF), `cache` (keys, manifest, atomic writes, pruning), `run`
//! (the stage on all cores, and its warnings) and `sample` (camera-like test photos).

mod cache;
mod clean;
pub mod decode;
pub mod encode;
mod run;
pub mod sample;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::PathBuf;

pub use cache::{Cache, ENCODER_VERSION};
pub use run::{process, variant_widths};

/// site.toml's `[images]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The widths (pixels) pages offer each photo at, smallest first; never larger than the
    /// photo.
    pub widths: Vec<u32>,
    /// Whether AVIF copies are made beside the WebP ones (slow to encode; see BENCHMARKS.md).
    pub avif: bool,
    /// Quality of the lossy encodes (WebP, AVIF, JPEG), 1–100.
    pub quality: u8,
    /// The widest copy published at a photo's own address: wider originals are scaled down.
    pub max_width: u32,
    /// Where share pictures (1200×630) are cropped around when an image names no point.
    pub focus: Focus,
    /// Whether the photographer's name in a photo's EXIF (Artist) is offered as its credit.
    pub credit: bool,
    /// An original larger than this many bytes is a warning (with what publishing saves).
    pub large_bytes: u64,
    /// An original with more pixels than this is a warning.
    pub large_pixels: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            widths: vec![480, 960, 1600],
            avif: false,
            quality: 75,
            max_width: 2048,
            focus: Focus::default(),
            credit: true,
            large_bytes: 8 * 1024 * 1024,
            large_pixels: 30_000_000,
        }
    }
}

/// A point of a photo, each coordinate from 0 (left, top) to 1 (right, bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub x: f32,
    pub y: f32,
}

/// The middle, a little above the centre: where faces usually are in news photos.
impl Default for Focus {
    fn default() -> Self {
        Focus { x: 0.5, y: 0.4 }
    }
}

/// The size of share pictures (Open Graph, Zalo, Facebook): 1.91 : 1.
pub const SHARE_SIZE: (u32, u32) = (1200, 630);

/// One raster image the site publishes, and what pages use it for.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Its address below the output folder: `images/2025/hoi-nghi.jpg`.
    pub path: String,
    /// The file it is made from.
    pub file: PathBuf,
    /// The file as diagnostics name it: `static/images/2025/hoi-nghi.jpg`.
    pub shown: String,
    /// Whether pages show it (then it gets its set of widths); otherwise only the cleaned copy
    /// is published.
    pub responsive: bool,
    /// Whether a share picture is wanted, cropped around this point.
    pub share: Option<Focus>,
}

/// An image file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Gif,
    Avif,
}

impl Format {
    /// Its media type, for `<source type=…>`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
            Format::Gif => "image/gif",
            Format::Avif => "image/avif",
        }
    }

    /// The file name extension bantin gives its copies.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
            Format::Gif => "gif",
            Format::Avif => "avif",
        }
    }

    /// The format of a file name's extension, for the raster formats bantin publishes.
    pub fn of_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            "gif" => Some(Format::Gif),
            "avif" => Some(Format::Avif),
            _ => None,
        }
    }
}

/// Whether a static file is one this stage looks at: a raster photo or graphic, or a format it
/// must refuse with a reason (HEIC/HEIF from iPhones).
pub fn is_image(path: &str) -> bool {
    Format::of_path(path).is_some() || {
        let lower = path.to_ascii_lowercase();
        lower.ends_with(".heic") || lower.ends_with(".heif")
    }
}

/// One resized copy of an image.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Its address below the output folder: `images/2025/hoi-nghi-480w.webp`.
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Where its bytes are (in the cache).
    pub file: PathBuf,
}

/// What the stage made of one image.
#[derive(Debug, Clone, PartialEq)]
pub struct Processed {
    /// As requested.
    pub path: String,
    /// The size of the copy published at `path`, upright.
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Where the bytes published at `path` are: a cleaned copy in the cache, or the original
    /// when it had nothing to remove or change.
    pub file: PathBuf,
    /// The responsive copies, smallest first within each format; formats in the order a
    /// `<picture>` offers them: AVIF, WebP, then the original's format.
    pub variants: Vec<Variant>,
    /// The 1200×630 share picture (JPEG), when asked for.
    pub share: Option<Variant>,
    /// The photographer's name from its EXIF, when `Settings::credit`.
    pub credit: Option<String>,
    /// A hash of the original's bytes: pages showing the image depend on it.
    pub digest: u64,
}

impl Processed {
    /// The variants of one format, smallest first.
    pub fn of_format(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }
}

/// What the stage made of every image, by address.
#[derive(Debug, Default, Clone)]
pub struct Gallery {
    by_path: HashMap<String, Processed>,
}

impl Gallery {
    /// An image by its address below the output folder (`images/a.jpg`, no leading slash).
    pub fn get(&self, path: &str) -> Option<&Processed> {
        self.by_path.get(path.trim_start_matches('/'))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Processed> {
        self.by_path.values()
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    fn insert(&mut self, processed: Processed) {
        self.by_path.insert(processed.path.clone(), processed);
    }
}

/// What a run of the stage did, for the build's report.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Images looked at.
    pub images: usize,
    /// Files encoded in this run (variants, cleaned copies, share pictures).
    pub encoded: usize,
    /// Files taken from the cache.
    pub reused: usize,
}

/// The cache folder below the site's folder; CI keeps `.bantin-cache/` between runs.
pub const CACHE_DIR: &str = ".bantin-cache/images";

impl Focus {
    /// A point as written in site.toml or an article: two percentages from the left and the top
    /// (`50% 30%`, as CSS's `object-position`), or a word: `center`/`giữa`, `top`/`trên`,
    /// `bottom`/`dưới`, `left`/`trái`, `right`/`phải`.
    pub fn parse(text: &str) -> Option<Focus> {
        let text = text.trim().to_lowercase();
        let word = |w: &str| match w {
            "center" | "giữa" => Some(Focus { x: 0.5, y: 0.5 }),
            "top" | "trên" => Some(Focus { x: 0.5, y: 0.0 }),
            "bottom" | "dưới" => Some(Focus { x: 0.5, y: 1.0 }),
            "left" | "trái" => Some(Focus { x: 0.0, y: 0.5 }),
            "right" | "phải" => Some(Focus { x: 1.0, y: 0.5 }),
            _ => None,
        };
        if let Some(focus) = word(&text) {
            return Some(focus);
        }
        let percent = |p: &str| -> Option<f32> {
            let n: f32 = p.strip_suffix('%')?.trim().replace(',', ".").parse().ok()?;
            (0.0..=100.0).contains(&n).then_some(n / 100.0)
        };
        let mut parts = text.split_whitespace();
        let (x, y) = (parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Some(Focus {
            x: percent(x)?,
            y: percent(y)?,
        })
    }
}

#[cfg(test)]
mod focus_tests {
    use super::Focus;

    #[test]
    fn a_focus_is_two_percentages_or_a_word() {
        assert_eq!(Focus::parse("50% 30%"), Some(Focus { x: 0.5, y: 0.3 }));
        assert_eq!(
            Focus::parse(" 12,5% 100% "),
            Some(Focus { x: 0.125, y: 1.0 })
        );
        assert_eq!(Focus::parse("Trên"), Some(Focus { x: 0.5, y: 0.0 }));
        assert_eq!(Focus::parse("center"), Some(Focus { x: 0.5, y: 0.5 }));
        for wrong in [
            "",
            "50%",
            "50 30",
            "120% 0%",
            "50% 30% 10%",
            "giữa trên",
            "-5% 0%",
        ] {
            assert_eq!(Focus::parse(wrong), None, "{wrong:?}");
        }
    }
}
