//! Fuzz targets that run inside `cargo test` on stable Rust: each target takes its saved inputs
//! (`tests/fuzz/corpus/<target>/` and every crash ever found, `tests/fuzz/regressions/<target>/`),
//! replays them all, then checks mutations of them for a fixed time. README "Fuzzing" tells how
//! to run them longer, replay a seed and keep a crash.
//!
//! The harness lives here, a `#[cfg(test)]` module of the library, rather than in `tests/it/`,
//! because unit tests see private items: the preview's URL resolution stays `pub(crate)`.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod mutate;

mod config;
mod content;
mod date;
mod markdown;
mod url;

/// One fuzz target: where its inputs live and what is special in them.
pub(crate) struct Target {
    /// The folder name under `tests/fuzz/corpus/` and `tests/fuzz/regressions/`.
    pub name: &'static str,
    /// Text the mutator inserts: the syntax of the target's input and its known-hard spots.
    pub tokens: &'static [&'static str],
    /// Mutated inputs are cut to this many bytes: enough for any real input, and it keeps each
    /// case fast in the dev profile, so the time budget buys many cases.
    pub max_len: usize,
}

/// Seconds each target's random run takes unless `BANTIN_FUZZ_SECONDS` says otherwise: five
/// targets on CI's two test threads take about 40 s of wall time (README "Fuzzing").
const DEFAULT_SECONDS: f64 = 12.0;

/// One input taking longer than this many seconds is a failure: work that grows faster than
/// its input (a quadratic loop) hangs the build of a real site long before anything panics.
/// This is a hang detector, not a speed measure (benchmarks measure speed): most inputs take
/// well under a second in the dev profile, the largest (64 KiB of Markdown through the
/// highlighter and the sanitizer, rendered twice) about 10 s, and a loaded 2-core CI machine
/// can triple that; a quadratic case takes minutes.
const DEFAULT_SLOW_SECONDS: f64 = 60.0;

fn seconds_from_env(name: &str, default: f64) -> Duration {
    let seconds = std::env::var(name)
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(default);
    Duration::from_secs_f64(seconds)
}

/// The random run's time per target: `BANTIN_FUZZ_SECONDS` (0 skips the random runs).
fn budget() -> Duration {
    seconds_from_env("BANTIN_FUZZ_SECONDS", DEFAULT_SECONDS)
}

/// The longest one input may take: `BANTIN_FUZZ_SLOW_SECONDS`.
fn slow_limit() -> Duration {
    seconds_from_env("BANTIN_FUZZ_SLOW_SECONDS", DEFAULT_SLOW_SECONDS)
}

/// `BANTIN_FUZZ_SEED=0x…` (the seed a failed run printed) replays that one case.
fn seed() -> Option<u64> {
    let text = std::env::var("BANTIN_FUZZ_SEED").ok()?;
    let text = text.trim();
    let hex = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    Some(u64::from_str_radix(hex, 16).unwrap_or_else(|_| {
        panic!(
            "BANTIN_FUZZ_SEED={text} is not a seed: write it as printed, e.g. 0x5c0ffee000000400"
        )
    }))
}

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where runs leave inputs: `target/fuzz/<target>/`, beside the build, out of git.
fn scratch(target: &Target) -> PathBuf {
    repository().join("target/fuzz").join(target.name)
}

/// The files of one folder, sorted by name (so a seed picks the same input on every machine);
/// a missing folder has none.
fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p)
                .unwrap_or_else(|e| panic!("cannot read saved input {}: {e}", p.display()));
            (p, bytes)
        })
        .collect()
}

/// The target's saved inputs: its corpus, then its regressions.
fn saved(target: &Target) -> Vec<(PathBuf, Vec<u8>)> {
    let root = repository().join("tests/fuzz");
    let mut inputs = files_in(&root.join("corpus").join(target.name));
    assert!(
        !inputs.is_empty(),
        "fuzz target `{0}` has no saved inputs in tests/fuzz/corpus/{0}/",
        target.name
    );
    inputs.extend(files_in(&root.join("regressions").join(target.name)));
    inputs
}

/// Runs `check` on `input`; fails if that took longer than `limit`.
fn timed(check: &impl Fn(&[u8]), input: &[u8], limit: Duration) -> Duration {
    let started = Instant::now();
    check(input);
    let took = started.elapsed();
    assert!(
        took <= limit,
        "{} bytes took {:.1} s, more than the {:.0} s allowed (BANTIN_FUZZ_SLOW_SECONDS)",
        input.len(),
        took.as_secs_f64(),
        limit.as_secs_f64()
    );
    took
}

/// Runs `check` on every saved input of the target; fails naming each input that fails.
pub(crate) fn replay(target: &Target, check: impl Fn(&[u8])) {
    let inputs = saved(target);
    let limit = slow_limit();
    let mut current = Current::open(target);
    let mut failed = Vec::new();
    for (path, bytes) in &inputs {
        current.hold(bytes);
        if catch_unwind(AssertUnwindSafe(|| timed(&check, bytes, limit))).is_err() {
            failed.push(path.strip_prefix(repository()).unwrap_or(path).display());
        }
    }
    let failed: Vec<String> = failed.iter().map(ToString::to_string).collect();
    assert!(
        failed.is_empty(),
        "fuzz target `{}`: {} of {} saved inputs fail (each one's panic is printed above):\n  {}",
        target.name,
        failed.len(),
        inputs.len(),
        failed.join("\n  ")
    );
}

/// Checks mutations of the saved inputs until the time budget is spent (or the one case of
/// `BANTIN_FUZZ_SEED`). A failing input is written to `target/fuzz/<target>/`, and the failure
/// names it and the seed. At the end the slowest input is written there too.
pub(crate) fn random(target: &Target, check: impl Fn(&[u8])) {
    let seed = seed();
    let budget = budget();
    if seed.is_none() && budget.is_zero() {
        return;
    }
    // arbtest silences panics while it minimises; each failing candidate would print here.
    let minimize = seed.is_some() && std::env::var_os("BANTIN_FUZZ_MINIMIZE").is_some();
    let inputs: Vec<Vec<u8>> = saved(target).into_iter().map(|(_, b)| b).collect();
    let limit = slow_limit();
    let mut current = Current::open(target);
    let mut stats = Stats::default();
    let property = |u: &mut arbtest::arbitrary::Unstructured<'_>| {
        let input = mutate::input(u, &inputs, target)?;
        current.hold(&input);
        match catch_unwind(AssertUnwindSafe(|| timed(&check, &input, limit))) {
            Ok(took) => stats.record(took, &input),
            Err(panic) => {
                if !minimize {
                    report(target, &input);
                }
                resume_unwind(panic);
            }
        }
        Ok(())
    };
    // 8 to 4096 bytes of randomness: a few dozen edits at most; as arbtest shrinks them to
    // minimise a failure, the edits go first.
    let mut test = arbtest::arbtest(property)
        .size_min(8)
        .size_max(4096)
        .budget(budget);
    if let Some(seed) = seed {
        test = test.seed(seed);
        if minimize {
            test = test.minimize();
        }
    }
    test.run();
    let slowest = scratch(target).join("slowest");
    let _ = std::fs::write(&slowest, &stats.slowest_input);
    eprintln!(
        "fuzz {}: {} inputs checked in {:.1} s; the slowest took {:.0} ms ({} bytes, saved as {})",
        target.name,
        stats.cases,
        stats.total.as_secs_f64(),
        stats.slowest.as_secs_f64() * 1000.0,
        stats.slowest_input.len(),
        slowest.display()
    );
    assert!(
        stats.cases > 0 || minimize,
        "fuzz target `{}` ran no input",
        target.name
    );
}

/// Saves a failing input and says how to keep it; arbtest prints the seed right after.
fn report(target: &Target, input: &[u8]) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    input.hash(&mut hasher);
    let path = scratch(target).join(format!("crash-{:016x}", hasher.finish()));
    let text = String::from_utf8_lossy(input);
    let shown: String = text.chars().take(600).collect();
    eprintln!(
        "\nfuzz target `{}` failed on this input ({} bytes{}):\n{shown:?}",
        target.name,
        input.len(),
        if shown.len() < text.len() {
            ", the start of it"
        } else {
            ""
        },
    );
    if std::fs::write(&path, input).is_ok() {
        eprintln!(
            "saved as {path}; to replay it on every `cargo test` from now on:\n  \
             cp {path} tests/fuzz/regressions/{name}/\n\
             to replay this case of this run: BANTIN_FUZZ_SEED=<the seed below> cargo test --lib fuzz::{name}::random",
            path = path.display(),
            name = target.name,
        );
    }
}

/// `target/fuzz/<target>/current`: the input being checked. A stack overflow aborts the test
/// process before anything can be reported; then this file holds the input that did it.
struct Current(Option<std::fs::File>);

impl Current {
    fn open(target: &Target) -> Current {
        let dir = scratch(target);
        let _ = std::fs::create_dir_all(&dir);
        Current(std::fs::File::create(dir.join("current")).ok())
    }

    /// Rewritten in place: opening and truncating a file for every input costs more than
    /// checking most of them. Best effort: a full disk must not fail the fuzzing.
    fn hold(&mut self, bytes: &[u8]) {
        use std::io::{Seek, Write};
        if let Some(file) = &mut self.0 {
            let _ = file
                .seek(std::io::SeekFrom::Start(0))
                .and_then(|_| file.write_all(bytes))
                .and_then(|()| file.set_len(bytes.len() as u64));
        }
    }
}

/// What a random run did, printed at its end (`cargo test fuzz -- --nocapture` shows it).
#[derive(Default)]
struct Stats {
    cases: u64,
    total: Duration,
    slowest: Duration,
    /// Kept so that a slow input (quadratic work, a hang in the making) can be looked at.
    slowest_input: Vec<u8>,
}

impl Stats {
    fn record(&mut self, took: Duration, input: &[u8]) {
        self.cases += 1;
        self.total += took;
        if took > self.slowest {
            self.slowest = took;
            self.slowest_input = input.to_vec();
        }
    }
}

/// What every target asserts of the problems it is given: each points inside its own file, on
/// character boundaries, and renders as the terminal shows it without panicking.
pub(crate) fn check_problems(problems: &[crate::problem::Problem]) {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    for problem in problems {
        if let Some(span) = &problem.span {
            let file = problem
                .file
                .as_ref()
                .unwrap_or_else(|| panic!("{}: a span without a file", problem.code));
            let text = &file.text;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{}: span {span:?} outside {} ({} bytes)",
                problem.code,
                file.path,
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{}: span {span:?} cuts a character in {}",
                problem.code,
                file.path
            );
        }
        let _ = problem.location();
        for lang in crate::messages::Lang::ALL {
            let shown = problem.shown(lang);
            let _ = shown.to_string();
            let mut out = String::new();
            let _ = handler.render_report(&mut out, &shown);
        }
    }
}
