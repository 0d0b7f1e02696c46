//! `bantin-bench images`: what publishing camera photos costs (issue 18). Makes N sample
//! camera photos (`bantin::images::sample`, 4000×3000, 2–5 MB each, EXIF with orientation and
//! GPS), then measures:
//!
//! - `bantin::images::process` cold on all of them (default settings, then with AVIF): photos
//!   per second on all cores, bytes in and out;
//! - each kind of output on its own, on one core, from an already decoded photo: the cleaned
//!   copy, WebP, JPEG and AVIF at each default width, the share picture;
//! - a warm run over many smaller photos where nothing changed (the preview's case), with the
//!   manifest in memory and read from disk.
//!
//! Prints Markdown tables (see BENCHMARKS.md, "Photos (issue 18)").

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bantin::images::{self, Cache, Focus, Format, Request, Settings, sample};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many camera photos to make and process
    #[arg(long, default_value_t = 40)]
    photos: usize,
    /// Their size (as stored; half of them carry orientation 6, so stand upright)
    #[arg(long, default_value_t = 4000)]
    width: u32,
    #[arg(long, default_value_t = 3000)]
    height: u32,
    /// How many smaller photos (1600×1200) the warm run looks at
    #[arg(long, default_value_t = 1000)]
    warm: usize,
    /// How many photos each kind of output is timed on (one core)
    #[arg(long, default_value_t = 4)]
    samples: usize,
    /// Where to put the photos and caches (default: the system's temporary folder)
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<(), String> {
    let root = args
        .work_dir
        .clone()
        .unwrap_or_else(std::env::temp_dir)
        .join(format!("bantin-bench-images-{}", std::process::id()));
    let result = measure(args, &root);
    let _ = std::fs::remove_dir_all(&root);
    result
}

/// Makes `n` photos of `width`×`height` in `dir` on all cores; returns their requests and
/// total bytes.
fn make_photos(
    dir: &Path,
    n: usize,
    width: u32,
    height: u32,
) -> Result<(Vec<Request>, u64), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let made: Vec<Result<(Request, u64), String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..n)
                        .step_by(threads)
                        .map(|i| {
                            let exif = sample::SampleExif {
                                orientation: Some(if i % 2 == 0 { 1 } else { 6 }),
                                gps: Some((21.0 + i as f64 / 1000.0, 105.8)),
                                artist: Some("Phóng viên".into()),
                            };
                            let bytes = sample::camera_jpeg(width, height, i as u64, &exif);
                            let name = format!("images/anh-{i:04}.jpg");
                            let file = dir.join(&name);
                            std::fs::create_dir_all(file.parent().unwrap_or(dir))
                                .and_then(|()| std::fs::write(&file, &bytes))
                                .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
                            Ok((
                                Request {
                                    path: name.clone(),
                                    file,
                                    shown: format!("static/{name}"),
                                    responsive: true,
                                    share: Some(Focus::default()),
                                },
                                bytes.len() as u64,
                            ))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut requests = Vec::new();
    let mut bytes = 0;
    for result in made {
        let (request, size) = result?;
        requests.push(request);
        bytes += size;
    }
    requests.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((requests, bytes))
}

/// One cold run of the stage: time, and bytes published (cleaned copies, variants, shares).
struct Cold {
    time: Duration,
    encoded: usize,
    published: u64,
    by_format: Vec<(Format, u64, usize)>,
}

fn cold(requests: &[Request], settings: &Settings, cache_dir: &Path) -> Result<Cold, String> {
    let cache = Cache::at(cache_dir.to_path_buf());
    let started = Instant::now();
    let (gallery, stats, problems) = images::process(requests, settings, &cache);
    let time = started.elapsed();
    if let Some(error) = problems.iter().find(|p| p.is_error()) {
        return Err(format!("{}: {}", error.code, error.message));
    }
    let size = |f: &Path| std::fs::metadata(f).map_or(0, |m| m.len());
    let mut published = 0;
    let mut by_format: Vec<(Format, u64, usize)> = Vec::new();
    for p in gallery.iter() {
        published += size(&p.file);
        for v in p.variants.iter().chain(&p.share) {
            let bytes = size(&v.file);
            published += bytes;
            match by_format.iter_mut().find(|(f, _, _)| *f == v.format) {
                Some(slot) => {
                    slot.1 += bytes;
                    slot.2 += 1;
                }
                None => by_format.push((v.format, bytes, 1)),
            }
        }
    }
    Ok(Cold {
        time,
        encoded: stats.encoded,
        published,
        by_format,
    })
}

/// Times of one kind of output over the sample photos.
struct Kind {
    name: String,
    megapixels: f64,
    times: Vec<Duration>,
    bytes: u64,
}

impl Kind {
    fn ms(&self) -> f64 {
        self.times.iter().sum::<Duration>().as_secs_f64() * 1000.0 / self.times.len().max(1) as f64
    }
}

/// Each kind of output on its own, one core, from decoded upright photos.
fn kinds(requests: &[Request], args: &Args) -> Result<(Vec<Kind>, f64), String> {
    let settings = Settings::default();
    let mut kinds: Vec<Kind> = Vec::new();
    let mut record = |name: String, w: u32, h: u32, time: Duration, bytes: usize| match kinds
        .iter_mut()
        .find(|k| k.name == name)
    {
        Some(k) => {
            k.times.push(time);
            k.bytes += bytes as u64;
        }
        None => kinds.push(Kind {
            name,
            megapixels: f64::from(w) * f64::from(h) / 1e6,
            times: vec![time],
            bytes: bytes as u64,
        }),
    };
    let mut decode_ms = Vec::new();
    for request in requests.iter().take(args.samples.max(1)) {
        let bytes = std::fs::read(&request.file).map_err(|e| e.to_string())?;
        let started = Instant::now();
        let probe = images::decode::probe(&bytes, Format::Jpeg)?;
        let pixels = images::decode::decode(&bytes, Format::Jpeg, &probe)?;
        decode_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let (w, h) = (pixels.width(), pixels.height());
        let timed =
            |width: u32, format: Format, quality: u8| -> Result<(Duration, usize, u32), String> {
                let height = images::encode::height_at(w, h, width);
                let started = Instant::now();
                let scaled = images::encode::resize(&pixels, width, height, None);
                let out = images::encode::encode(&scaled, format, quality)?;
                Ok((started.elapsed(), out.len(), height))
            };
        let clean_w = w.min(settings.max_width);
        let (t, n, ch) = timed(clean_w, Format::Jpeg, images::encode::CLEAN_JPEG_QUALITY)?;
        record(
            format!("cleaned copy {clean_w} px, JPEG q85"),
            clean_w,
            ch,
            t,
            n,
        );
        for &width in &settings.widths {
            let (t, n, vh) = timed(width, Format::Webp, settings.quality)?;
            record(
                format!("WebP {width}w q{}", settings.quality),
                width,
                vh,
                t,
                n,
            );
            let q = settings.quality + 5;
            let (t, n, vh) = timed(width, Format::Jpeg, q)?;
            record(format!("JPEG {width}w q{q}"), width, vh, t, n);
            let (t, n, vh) = timed(width, Format::Avif, settings.quality)?;
            record(
                format!(
                    "AVIF {width}w q{} speed {}",
                    settings.quality,
                    images::encode::AVIF_SPEED
                ),
                width,
                vh,
                t,
                n,
            );
        }
        // The same width at other AVIF speeds, to choose AVIF_SPEED.
        for speed in [4, 6, 8, 10] {
            let width = 960;
            let height = images::encode::height_at(w, h, width);
            let scaled = images::encode::resize(&pixels, width, height, None);
            let started = Instant::now();
            let out = images::encode::avif(&scaled, settings.quality, speed)?;
            record(
                format!(
                    "AVIF {width}w q{} speed {speed} (encode only)",
                    settings.quality
                ),
                width,
                height,
                started.elapsed(),
                out.len(),
            );
        }
        let (window, (sw, sh)) = images::encode::share_window(w, h, Focus::default());
        let started = Instant::now();
        let cropped = images::encode::resize(&pixels, sw, sh, Some(window));
        let out = images::encode::encode(&cropped, Format::Jpeg, 85)?;
        record(
            format!("share {sw}×{sh} JPEG q85"),
            sw,
            sh,
            started.elapsed(),
            out.len(),
        );
    }
    let decode = decode_ms.iter().sum::<f64>() / decode_ms.len().max(1) as f64;
    Ok((kinds, decode))
}

fn measure(args: &Args, root: &Path) -> Result<(), String> {
    let started = Instant::now();
    let (requests, original_bytes) =
        make_photos(&root.join("photos"), args.photos, args.width, args.height)?;
    eprintln!(
        "made {} photos of {}×{} ({:.1} MB) in {:.1} s",
        requests.len(),
        args.width,
        args.height,
        original_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let n = requests.len() as f64;
    let webp = cold(&requests, &Settings::default(), &root.join("cache-webp"))?;
    eprintln!("cold run (WebP, JPEG): {:.1} s", webp.time.as_secs_f64());
    let avif_settings = Settings {
        avif: true,
        ..Settings::default()
    };
    let avif = cold(&requests, &avif_settings, &root.join("cache-avif"))?;
    eprintln!("cold run (with AVIF): {:.1} s", avif.time.as_secs_f64());
    let (kinds, decode_ms) = kinds(&requests, args)?;

    // The warm run: many smaller photos, processed once, then again with nothing changed.
    let started = Instant::now();
    let (warm_requests, _) = make_photos(&root.join("warm"), args.warm, 1600, 1200)?;
    eprintln!(
        "made {} photos of 1600×1200 in {:.1} s",
        warm_requests.len(),
        started.elapsed().as_secs_f64()
    );
    let cache_dir = root.join("cache-warm");
    let cache = Cache::at(cache_dir.clone());
    let started = Instant::now();
    let (_, first, _) = images::process(&warm_requests, &Settings::default(), &cache);
    let warm_cold = started.elapsed();
    let started = Instant::now();
    let (_, same_process, _) = images::process(&warm_requests, &Settings::default(), &cache);
    let warm_memory = started.elapsed();
    let started = Instant::now();
    let fresh = Cache::at(cache_dir);
    let (_, new_process, _) = images::process(&warm_requests, &Settings::default(), &fresh);
    let warm_disk = started.elapsed();

    let mut out = String::new();
    let threads = std::thread::available_parallelism().map_or(0, |n| n.get());
    let _ = writeln!(
        out,
        "\n### Cold runs: {} photos of {}×{} ({:.1} MB), {threads} cores\n",
        requests.len(),
        args.width,
        args.height,
        original_bytes as f64 / 1e6
    );
    let _ = writeln!(out, "| run | time | photos/s | files encoded | published |");
    let _ = writeln!(out, "|---|---:|---:|---:|---:|");
    for (name, run) in [("default (WebP + JPEG)", &webp), ("`avif = true`", &avif)] {
        let _ = writeln!(
            out,
            "| {name} | {:.1} s | {:.2} | {} | {:.1} MB |",
            run.time.as_secs_f64(),
            n / run.time.as_secs_f64(),
            run.encoded,
            run.published as f64 / 1e6
        );
    }
    let _ = writeln!(
        out,
        "\nBytes per format (variants and share pictures, `avif = true` run):\n"
    );
    let _ = writeln!(out, "| format | files | total | average |");
    let _ = writeln!(out, "|---|---:|---:|---:|");
    for (format, bytes, count) in &avif.by_format {
        let _ = writeln!(
            out,
            "| {} | {count} | {:.1} MB | {:.0} KB |",
            format.extension(),
            *bytes as f64 / 1e6,
            *bytes as f64 / *count as f64 / 1e3
        );
    }
    let _ = writeln!(
        out,
        "\n### Each output on one core (mean of {} photos; decoding a photo: {decode_ms:.0} ms)\n",
        args.samples.max(1).min(requests.len())
    );
    let _ = writeln!(
        out,
        "| output | resize + encode | megapixels/s | average size |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|");
    for k in &kinds {
        let _ = writeln!(
            out,
            "| {} | {:.0} ms | {:.1} | {:.0} KB |",
            k.name,
            k.ms(),
            k.megapixels / (k.ms() / 1000.0),
            k.bytes as f64 / k.times.len() as f64 / 1e3
        );
    }
    let per_width = |prefix: &str| -> f64 {
        kinds
            .iter()
            .filter(|k| k.name.starts_with(prefix) && !k.name.ends_with("(encode only)"))
            .map(Kind::ms)
            .sum()
    };
    let (webp_ms, avif_ms) = (per_width("WebP "), per_width("AVIF "));
    let _ = writeln!(
        out,
        "\nAll default widths of one photo: WebP {webp_ms:.0} ms, AVIF {avif_ms:.0} ms \
         ({:.1}× WebP).",
        avif_ms / webp_ms
    );
    let _ = writeln!(
        out,
        "\n### Warm run: {} photos of 1600×1200, nothing changed\n",
        warm_requests.len()
    );
    let _ = writeln!(out, "| run | time | encoded | reused |");
    let _ = writeln!(out, "|---|---:|---:|---:|");
    for (name, time, stats) in [
        ("first (cold)", warm_cold, first),
        (
            "again, same process (manifest in memory)",
            warm_memory,
            same_process,
        ),
        (
            "again, new process (manifest read from disk)",
            warm_disk,
            new_process,
        ),
    ] {
        let _ = writeln!(
            out,
            "| {name} | {:.3} s | {} | {} |",
            time.as_secs_f64(),
            stats.encoded,
            stats.reused
        );
    }
    print!("{out}");
    if warm_disk.max(warm_memory) > Duration::from_millis(500) {
        return Err("the warm run took more than 0.5 s".into());
    }
    Ok(())
}
