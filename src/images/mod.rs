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
//! The parts: `cache` (keys, manifest, atomic writes, pruning) and `run` (the stage on all
//! cores, and its warnings) here; the pixel work in the workspace's `photo` crate, re-exported:
//! `decode` (real format by magic bytes, headers, upright sRGB pixels within `image::Limits`),
//! `clean` (metadata removed without re-encoding), `encode` (scaling, share crops,
//! JPEG/PNG/WebP/AVIF) and `sample` (camera-like test photos).

mod cache;
mod run;
#[cfg(test)]
mod tests;

// The pixel work is the `photo` crate (photo/), compiled optimised even in test builds.
pub use photo::{Focus, Format, SHARE_SIZE, clean, decode, encode, sample};

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
    /// Whether a content image without alt text fails the build (`missing_alt = "error"`, the
    /// default) or is only a warning (`"warning"`: an imported archive being described).
    pub alt_required: bool,
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
            alt_required: true,
        }
    }
}

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
