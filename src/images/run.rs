//! The stage itself: for each request, what to publish (the cleaned copy, the variants, the
//! share picture), taken from the cache or made, one photo per worker thread; then the
//! warnings that look at all photos together (duplicates) or at one (too large).

use std::collections::BTreeMap;
use std::fs;

use image::DynamicImage;
use rayon::prelude::*;

use super::cache::{self, Cache, Entry};
use super::decode::{self, Kind};
use super::{Format, Gallery, Processed, Request, Settings, Stats, Variant, clean, encode};
use crate::msg;
use crate::problem::Problem;

/// How the copy published at an image's own address is made.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cleaned {
    /// The original is published as it is (nothing to remove, or GIF/AVIF).
    Original,
    /// Metadata removed without re-encoding.
    Strip,
    /// Decoded, oriented, converted to sRGB, scaled to this size and encoded again.
    Reencode(u32, u32),
}

/// One file to publish, and how it is made.
#[derive(Debug, Clone)]
struct Job {
    /// Its address below the output folder (the cleaned copy's is the request's).
    path: String,
    format: Format,
    width: u32,
    height: u32,
    how: How,
}

#[derive(Debug, Clone, Copy)]
enum How {
    Strip,
    Scale { quality: u8 },
    Crop { window: (f64, f64, f64, f64) },
}

impl Job {
    /// The operation with all its parameters: part of the cache key.
    fn operation(&self) -> String {
        let (w, h, ext) = (self.width, self.height, self.format.extension());
        match self.how {
            How::Strip => format!("strip {ext}"),
            How::Scale { quality } => format!("scale {w}x{h} {ext} q{quality}"),
            How::Crop {
                window: (l, t, cw, ch),
            } => format!(
                "crop {l:.3},{t:.3},{cw:.3},{ch:.3} {w}x{h} {ext} q{}",
                share_quality()
            ),
        }
    }
}

/// JPEG quality of share pictures: chat apps and social sites re-encode them anyway.
fn share_quality() -> u8 {
    85
}

/// What one request gave.
struct Outcome {
    processed: Processed,
    sha256: String,
    original_bytes: u64,
    pixels: u64,
    encoded: usize,
    reused: usize,
}

/// Looks at every requested image, making what is missing from the cache, on all cores (one
/// photo per worker thread, so at most one decoded photo per core is in memory). A file that
/// cannot be read or decoded is an error naming it; the other images are still made.
pub fn process(
    requests: &[Request],
    settings: &Settings,
    cache: &Cache,
) -> (Gallery, Stats, Vec<Problem>) {
    let (_, cache_warning) = cache.place();
    let results: Vec<Result<Outcome, Problem>> = requests
        .par_iter()
        .map(|request| one(request, settings, cache))
        .collect();
    cache.save();

    let mut gallery = Gallery::default();
    let mut stats = Stats::default();
    let mut problems: Vec<Problem> = cache_warning.into_iter().collect();
    let mut by_sha: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (request, result) in requests.iter().zip(results) {
        match result {
            Ok(outcome) => {
                stats.images += 1;
                stats.encoded += outcome.encoded;
                stats.reused += outcome.reused;
                if let Some(warning) = large(request, &outcome, settings) {
                    problems.push(warning);
                }
                by_sha
                    .entry(outcome.sha256)
                    .or_default()
                    .push(request.shown.as_str());
                gallery.insert(outcome.processed);
            }
            Err(problem) => problems.push(problem),
        }
    }
    for shown in by_sha.values().filter(|s| s.len() > 1) {
        problems.push(
            Problem::warning(
                "images::duplicate",
                msg!(
                    "images-duplicate",
                    count = shown.len(),
                    files = shown.join(", ")
                ),
            )
            .in_file(shown[0].to_string())
            .help(msg!("images-duplicate-help")),
        );
    }
    (gallery, stats, problems)
}

fn unreadable(request: &Request, error: impl Into<crate::messages::Arg>) -> Problem {
    Problem::error(
        "images::unreadable",
        msg!("images-unreadable", error = error),
    )
    .in_file(request.shown.clone())
}

/// Everything for one request.
fn one(request: &Request, settings: &Settings, cache: &Cache) -> Result<Outcome, Problem> {
    let meta = fs::metadata(&request.file).map_err(|e| unreadable(request, e.to_string()))?;
    let mtime = cache::mtime(&meta);
    let mut bytes: Option<Vec<u8>> = None;
    let mut fresh = false;
    let entry = match cache.entry(&request.file, meta.len(), mtime) {
        Some(entry) => entry,
        None => {
            let read = fs::read(&request.file).map_err(|e| unreadable(request, e.to_string()))?;
            let entry = look(request, &read, meta.len(), mtime)?;
            bytes = Some(read);
            fresh = true;
            entry
        }
    };
    let format = entry
        .format()
        .ok_or_else(|| unreadable(request, msg!("images-unknown-format")))?;

    let (cleaned, jobs) = plan(request, settings, &entry, format);
    let mut encoded = 0;
    let mut reused = 0;
    let mut missing = Vec::new();
    for job in &jobs {
        let key = cache::key(&entry.sha256, &job.operation());
        let file = cache.file(&key, job.format);
        // A file of zero bytes is what a full disk leaves: made again.
        if fs::metadata(&file).is_ok_and(|m| m.is_file() && m.len() > 0) {
            reused += 1;
        } else {
            missing.push((job, file));
        }
    }
    // A new or changed original is decoded even when only a lossless copy is wanted, so that a
    // damaged file is reported the first time it is seen.
    let needs_pixels = fresh && format != Format::Avif
        || missing
            .iter()
            .any(|(job, _)| !matches!(job.how, How::Strip));
    if !missing.is_empty() || needs_pixels {
        let bytes = match bytes {
            Some(bytes) => bytes,
            None => fs::read(&request.file).map_err(|e| unreadable(request, e.to_string()))?,
        };
        let pixels = if needs_pixels {
            let probe = decode::probe(&bytes, format).map_err(|e| unreadable(request, e))?;
            Some(decode::decode(&bytes, format, &probe).map_err(|e| unreadable(request, e))?)
        } else {
            None
        };
        // Widest first, so that each narrower copy can be scaled from a wider one.
        // The share picture last, so that it can be cropped from a scaled copy too.
        missing.sort_by_key(|(job, _)| {
            (
                matches!(job.how, How::Crop { .. }),
                std::cmp::Reverse(job.width),
            )
        });
        let mut scaled = Scaled::default();
        for (job, file) in &missing {
            let out = make(job, &bytes, format, pixels.as_ref(), &mut scaled)
                .map_err(|e| unreadable(request, e))?;
            cache.write(file, &out).map_err(|e| {
                Problem::error(
                    "images::cache-write",
                    msg!(
                        "images-cache-write",
                        folder = file.parent().unwrap_or(file).display().to_string(),
                        error = e.to_string()
                    ),
                )
                .in_file(request.shown.clone())
            })?;
            encoded += 1;
        }
    }
    if fresh {
        cache.remember(&request.file, entry.clone());
    }

    let mut variants = Vec::new();
    let mut share = None;
    let mut file = request.file.clone();
    let (mut width, mut height) = entry.upright();
    for job in &jobs {
        let key = cache::key(&entry.sha256, &job.operation());
        let variant = Variant {
            path: job.path.clone(),
            width: job.width,
            height: job.height,
            format: job.format,
            file: cache.file(&key, job.format),
        };
        if job.path == request.path {
            file = variant.file;
            (width, height) = (job.width, job.height);
        } else if matches!(job.how, How::Crop { .. }) {
            share = Some(variant);
        } else {
            variants.push(variant);
        }
    }
    if let Cleaned::Reencode(w, h) = cleaned {
        (width, height) = (w, h);
    }
    let sha = hex_to_bytes(&entry.sha256);
    let digest = u64::from_be_bytes(sha[..8].try_into().unwrap_or([0; 8]));
    Ok(Outcome {
        processed: Processed {
            path: request.path.clone(),
            width,
            height,
            format,
            file,
            variants,
            share,
            credit: entry.credit.clone().filter(|_| settings.credit),
            digest,
        },
        sha256: entry.sha256.clone(),
        original_bytes: meta.len(),
        pixels: u64::from(entry.width) * u64::from(entry.height),
        encoded,
        reused,
    })
}

fn hex_to_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// Reads a new or changed original's headers: its real format, size, orientation, colour
/// profile, credit, and whether a lossless clean changes anything.
fn look(request: &Request, bytes: &[u8], size: u64, mtime: (u64, u32)) -> Result<Entry, Problem> {
    let format = match decode::sniff(bytes) {
        Kind::Image(format) => format,
        Kind::Heic => {
            return Err(Problem::error("images::heic", msg!("images-heic"))
                .in_file(request.shown.clone())
                .help(msg!("images-heic-help")));
        }
        Kind::Unknown => return Err(unreadable(request, msg!("images-unknown-format"))),
    };
    // The JPEG decoder fills a cut-off file with grey rather than fail: an upload that
    // stopped half-way is recognised by its missing end-of-image marker.
    if format == Format::Jpeg && clean::end_of_image(bytes).is_none() {
        return Err(unreadable(request, msg!("images-truncated")));
    }
    let probe = decode::probe(bytes, format).map_err(|e| unreadable(request, e))?;
    let metadata = clean::strip(bytes, format)
        .map_err(|e| unreadable(request, e))?
        .is_some();
    Ok(Entry {
        size,
        mtime_secs: mtime.0,
        mtime_nanos: mtime.1,
        sha256: cache::sha256_hex(bytes),
        format: format.extension().to_string(),
        width: probe.width,
        height: probe.height,
        orientation: probe.orientation,
        colour: probe.needs_colour(),
        metadata,
        credit: probe.credit,
    })
}

/// The widths of an image's variants: the configured widths below its upright width, and the
/// upright width itself (capped at `max_width`) when the largest configured width reaches it.
pub fn variant_widths(upright_width: u32, settings: &Settings) -> Vec<u32> {
    let mut widths: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|&w| w > 0 && w < upright_width)
        .collect();
    if settings.widths.iter().any(|&w| w >= upright_width) {
        widths.push(upright_width.min(settings.max_width.max(1)));
    }
    widths.sort_unstable();
    widths.dedup();
    widths
}

/// What to publish for one image: how its cleaned copy is made and the jobs (the cleaned
/// copy when it is not the original, then the variants in `Processed::variants` order, then
/// the share picture).
fn plan(
    request: &Request,
    settings: &Settings,
    entry: &Entry,
    format: Format,
) -> (Cleaned, Vec<Job>) {
    let (uw, uh) = entry.upright();
    let max_width = settings.max_width.max(1);
    let cleaned = match format {
        Format::Gif | Format::Avif => Cleaned::Original,
        _ if entry.orientation <= 1 && !entry.colour && uw <= max_width => {
            if entry.metadata {
                Cleaned::Strip
            } else {
                Cleaned::Original
            }
        }
        _ => {
            let w = uw.min(max_width);
            Cleaned::Reencode(w, encode::height_at(uw, uh, w))
        }
    };
    let mut jobs = Vec::new();
    match cleaned {
        Cleaned::Original => {}
        Cleaned::Strip => jobs.push(Job {
            path: request.path.clone(),
            format,
            width: uw,
            height: uh,
            how: How::Strip,
        }),
        Cleaned::Reencode(width, height) => jobs.push(Job {
            path: request.path.clone(),
            format,
            width,
            height,
            how: How::Scale {
                quality: match format {
                    Format::Png => 100,
                    _ => encode::CLEAN_JPEG_QUALITY,
                },
            },
        }),
    }
    let decodable = matches!(format, Format::Jpeg | Format::Png | Format::Webp);
    let stem = request
        .path
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty() && !stem.ends_with('/'))
        .map_or(request.path.as_str(), |(stem, _)| stem);
    if request.responsive && decodable {
        let mut formats = Vec::new();
        if settings.avif {
            formats.push(Format::Avif);
        }
        formats.push(Format::Webp);
        if format != Format::Webp {
            formats.push(format);
        }
        let widths = variant_widths(uw, settings);
        for f in formats {
            let quality = match f {
                Format::Jpeg => settings.quality.saturating_add(5).min(90),
                Format::Png => 100,
                _ => settings.quality,
            };
            for &w in &widths {
                jobs.push(Job {
                    path: format!("{stem}-{w}w.{}", f.extension()),
                    format: f,
                    width: w,
                    height: encode::height_at(uw, uh, w),
                    how: How::Scale { quality },
                });
            }
        }
    }
    if let (Some(focus), true) = (request.share, decodable) {
        let (window, (w, h)) = encode::share_window(uw, uh, focus);
        jobs.push(Job {
            path: format!("{stem}-chia-se.jpg"),
            format: Format::Jpeg,
            width: w,
            height: h,
            how: How::Crop { window },
        });
    }
    (cleaned, jobs)
}

/// The scaled copies of one photo made so far, widest first: the formats of one width share
/// one resize, and a narrower width is scaled from a wider copy rather than from the full
/// photo (a 12-megapixel photo is filtered twice, not once per variant).
#[derive(Default)]
struct Scaled(Vec<DynamicImage>);

impl Scaled {
    /// `pixels` scaled to `width`×`height`, from the narrowest copy at least 1.25 times as
    /// wide (Lanczos3 from there loses nothing visible), else from the photo itself.
    fn get(&mut self, pixels: &DynamicImage, width: u32, height: u32) -> DynamicImage {
        if let Some(done) = self
            .0
            .iter()
            .find(|i| (i.width(), i.height()) == (width, height))
        {
            return done.clone();
        }
        let source = self
            .0
            .iter()
            .rev()
            .find(|i| u64::from(i.width()) * 4 >= u64::from(width) * 5)
            .unwrap_or(pixels);
        let made = encode::resize(source, width, height, None);
        self.0.push(made.clone());
        made
    }

    /// The share picture: `window` (in the photo's pixels) scaled to `width`×`height`, from
    /// the narrowest scaled copy where the window is still at least 1.25 times as wide.
    fn crop(
        &self,
        pixels: &DynamicImage,
        window: (f64, f64, f64, f64),
        width: u32,
        height: u32,
    ) -> DynamicImage {
        let (left, top, w, h) = window;
        let full = f64::from(pixels.width());
        let source = self
            .0
            .iter()
            .rev()
            .find(|i| w * f64::from(i.width()) / full >= f64::from(width) * 1.25)
            .unwrap_or(pixels);
        let k = f64::from(source.width()) / full;
        let ky = f64::from(source.height()) / f64::from(pixels.height());
        encode::resize(
            source,
            width,
            height,
            Some((left * k, top * ky, w * k, h * ky)),
        )
    }
}

/// Makes one file.
fn make(
    job: &Job,
    bytes: &[u8],
    format: Format,
    pixels: Option<&DynamicImage>,
    scaled: &mut Scaled,
) -> Result<Vec<u8>, String> {
    match job.how {
        How::Strip => Ok(clean::strip(bytes, format)?.unwrap_or_else(|| bytes.to_vec())),
        How::Scale { quality } => {
            let pixels = pixels.ok_or("no pixels")?;
            let image = scaled.get(pixels, job.width, job.height);
            encode::encode(&image, job.format, quality)
        }
        How::Crop { window } => {
            let pixels = pixels.ok_or("no pixels")?;
            let cropped = scaled.crop(pixels, window, job.width, job.height);
            encode::encode(&cropped, Format::Jpeg, share_quality())
        }
    }
}

/// The warning for an original too large to keep in the repository: its weight and pixels,
/// and what the published copy weighs.
fn large(request: &Request, outcome: &Outcome, settings: &Settings) -> Option<Problem> {
    if outcome.original_bytes <= settings.large_bytes && outcome.pixels <= settings.large_pixels {
        return None;
    }
    let published = fs::metadata(&outcome.processed.file)
        .map(|m| m.len())
        .unwrap_or(outcome.original_bytes);
    let tenths = (outcome.original_bytes * 10 + 524_288) / 1_048_576;
    let megapixels = (outcome.pixels + 500_000) / 1_000_000;
    Some(
        Problem::warning(
            "images::large",
            msg!(
                "images-large",
                megabytes = tenths / 10,
                tenth = tenths % 10,
                megapixels = megapixels,
                published_kb = published.div_ceil(1024)
            ),
        )
        .in_file(request.shown.clone())
        .help(msg!("images-large-help")),
    )
}
