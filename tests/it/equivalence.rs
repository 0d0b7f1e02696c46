//! Incremental equals clean, by chance (issue 13, point 6): takes a seed, generates a news site of
//! a few hundred articles from the sample site's own Vietnamese text, starts a real `bantin serve`
//! on it, and applies a seeded sequence of random edits to the files, as an editor's editor saves
//! them — body, title, date (into the future and back), province (former units too), tags,
//! category, featured, draft, summary, delete, add, rename, a template, site.toml, a page, and
//! now and then an edit that breaks the site, fixed some edits later. After each edit it waits for
//! the rebuild and gives proof that every file the server serves, its static files and its
//! diagnostics equal a clean build's, byte for byte (through `/__bantin/state`, plus a few pages
//! fetched as a browser fetches them). On a difference it fails with the seed, the edit number,
//! every edit so far and the first differing files.
//!
//! Knobs (README "Tests"): `BANTIN_EQUIV_SEED` replays one seed (`0x…` or decimal; otherwise each
//! run draws its own and prints it), `BANTIN_EQUIV_SEEDS` runs that many seeds (default 1),
//! `BANTIN_EQUIV_EDITS` edits per seed (default 200), `BANTIN_EQUIV_ARTICLES` the site's size
//! (default 240).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike};

use crate::serve::{Server, strip_injected};
use crate::support;

const DEFAULT_EDITS: usize = 200;
const DEFAULT_ARTICLES: usize = 240;
/// The generated site's address: with a path, so every link carries it.
const BASE_URL: &str = "https://lhhn.example/cong-thong-tin/";
/// How long the server may take to start rebuilding after an edit, and to finish.
const REBUILD_WAIT: Duration = Duration::from_secs(60);
/// The version must stay this long unchanged before the served site is compared.
const QUIET: Duration = Duration::from_millis(120);
/// Before a difference is reported, the server gets this long without a new build, in case one
/// edit reached it as two batches of changes (longer than a full rebuild takes on a busy machine).
const QUIET_BEFORE_FAILING: Duration = Duration::from_secs(5);

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    Some(parsed.unwrap_or_else(|e| panic!("{name}={text:?} is not a number: {e}")))
}

#[test]
fn after_every_random_edit_the_preview_equals_a_clean_build() {
    let edits = env_number("BANTIN_EQUIV_EDITS").map_or(DEFAULT_EDITS, |n| n as usize);
    let articles = env_number("BANTIN_EQUIV_ARTICLES").map_or(DEFAULT_ARTICLES, |n| n as usize);
    let seeds: Vec<u64> = match env_number("BANTIN_EQUIV_SEED") {
        Some(seed) => vec![seed],
        None => {
            let count = env_number("BANTIN_EQUIV_SEEDS").unwrap_or(1);
            let clock = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            let mut rng = Rng(clock ^ u64::from(std::process::id()).rotate_left(32));
            (0..count).map(|_| rng.next_u64()).collect()
        }
    };
    let vocabulary = Vocabulary::from_sample_site();
    for seed in seeds {
        run(seed, articles, edits, &vocabulary);
    }
}

/// One seed: generate, serve, edit and compare.
fn run(seed: u64, articles: usize, edits: usize, vocabulary: &Vocabulary) {
    let started = Instant::now();
    println!(
        "equivalence: seed {seed:#018x}, {articles} articles, {edits} edits (replay: {})",
        replay(seed, articles, edits)
    );
    let tmp = support::empty_site();
    let mut rng = Rng(seed);
    let mut site = Site::generate(&tmp.root, &mut rng, vocabulary, articles);
    site.write_all();
    let server = Server::start_in(
        support::repo(),
        [std::ffi::OsStr::new("--source"), tmp.root.as_os_str()],
    );
    let base_url = format!("http://{}{}", server.host, server.base);
    let mut check = Checker {
        seed,
        articles,
        edits,
        server: &server,
        base_url,
        root: tmp.root.clone(),
        log: Vec::new(),
        last_good: None,
        compared_files: 0,
        failing_rounds: 0,
        times: Times::default(),
        cms_script: bantin::cms::decap::load(&tmp.root, Some(&support::decap_tarball()))
            .unwrap_or_else(|e| panic!("the CMS script: {e:?}; run `bash tests/setup.sh`")),
    };
    check.round(0, None, &[]);
    let startup = started.elapsed();
    let mut number = 0;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    while number < edits || !site.open.is_empty() {
        number += 1;
        let closing = number > edits;
        let before = server.version();
        let edit = site.edit(&mut rng, vocabulary, number, closing);
        check.log.push(format!("{number}. {}", edit.line));
        *kinds.entry(edit.kind).or_default() += 1;
        check.round(number, Some(before), &edit.urls);
        if number % 25 == 0 {
            println!(
                "  {number} edits in {:.0} s ({}), {} articles",
                started.elapsed().as_secs_f64(),
                check.times,
                site.articles.len()
            );
        }
    }
    println!(
        "equivalence: seed {seed:#018x}: {number} edits ({} with the site broken), {} files \
         compared, every one equal; {:.0} s (start {:.1} s; {})",
        check.failing_rounds,
        check.compared_files,
        started.elapsed().as_secs_f64(),
        startup.as_secs_f64(),
        check.times
    );
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("  edits: {}", kinds.join(", "));
}

/// Where the time of the rounds went.
#[derive(Default)]
struct Times {
    /// Clean builds (made while the server rebuilds).
    clean: Duration,
    /// Waiting for the server's rebuild.
    server: Duration,
    /// Both, side by side.
    both: Duration,
    /// Fetching the state and pages and comparing.
    compare: Duration,
}

impl std::fmt::Display for Times {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "rebuilds {:.0} s: clean {:.0} s beside the server's {:.0} s; comparing {:.0} s",
            self.both.as_secs_f64(),
            self.clean.as_secs_f64(),
            self.server.as_secs_f64(),
            self.compare.as_secs_f64()
        )
    }
}

// ---------------------------------------------------------------------------------------------
// The clean build. The library's build API is being redesigned: this is the one place that
// calls it; it only needs every file in memory as (path, bytes), the static files, and the
// problems.

/// What a clean build of the site gives, in the form `/__bantin/state` gives it: with the
/// preview's CMS at admin/ — bantin's files made from this build's settings, and Decap's
/// `script` read once for the whole test (a build in the preview's mode would read its
/// tarball anew each time, as a clean build must, for 200 builds).
struct Clean {
    ok: bool,
    files: BTreeMap<String, Vec<u8>>,
    statics: BTreeMap<String, String>,
    problems: Vec<String>,
}

fn clean_build(source: &Path, base_url: &str, script: &[bantin::output::Output]) -> Clean {
    use bantin::build::{BuildError, Options, compile};
    use bantin::output::Origin;
    let options = Options {
        source: source.to_path_buf(),
        base_url: Some(base_url.to_string()),
        ..Options::default()
    };
    match compile(&options) {
        Ok(compiled) => Clean {
            ok: true,
            files: compiled
                .files
                .iter()
                .chain(&bantin::cms::generated(
                    &compiled.config,
                    bantin::provinces::Provinces::builtin(),
                    bantin::cms::Mode::Preview,
                    chrono::Utc::now()
                        .with_timezone(&compiled.config.timezone)
                        .year(),
                ))
                .chain(script)
                .map(|o| (o.path.clone(), o.bytes.to_vec()))
                .collect(),
            statics: compiled
                .statics
                .iter()
                .map(|(path, origin)| {
                    let origin = match origin {
                        Origin::Disk(file) => format!("disk {}", file.display()),
                        Origin::BuiltIn(bytes) => format!("built-in {}", hash(bytes)),
                    };
                    (path.clone(), origin)
                })
                .collect(),
            problems: compiled
                .warnings
                .iter()
                .map(|p| p.one_line(bantin::messages::Lang::En))
                .collect(),
        },
        Err(BuildError::Site(problems)) => Clean {
            ok: false,
            files: BTreeMap::new(),
            statics: BTreeMap::new(),
            problems: problems
                .iter()
                .map(|p| p.one_line(bantin::messages::Lang::En))
                .collect(),
        },
        Err(e) => panic!("the clean build failed without a site problem: {e}"),
    }
}

/// 64-bit FNV-1a as 16 hex digits, as `/__bantin/state` hashes files.
fn hash(bytes: &[u8]) -> String {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{h:016x}")
}

// ---------------------------------------------------------------------------------------------
// Driving the server and comparing.

/// What `/__bantin/state` says.
struct State {
    version: u64,
    ok: bool,
    files: BTreeMap<String, String>,
    statics: BTreeMap<String, String>,
    problems: Vec<String>,
}

struct Checker<'a> {
    seed: u64,
    articles: usize,
    /// The edits planned; those after them only fix what is still broken.
    edits: usize,
    server: &'a Server,
    base_url: String,
    root: PathBuf,
    /// Every edit so far, as a human-readable line.
    log: Vec<String>,
    /// The last clean build that succeeded, with its files hashed: what the server keeps serving
    /// while the site is broken.
    last_good: Option<(Clean, BTreeMap<String, String>)>,
    compared_files: usize,
    failing_rounds: usize,
    times: Times,
    /// Decap CMS's files, read once: the preview serves them at admin/ (see `clean_build`).
    cms_script: bantin::cms::decap::Script,
}

impl Checker<'_> {
    fn state(&self) -> State {
        let (status, body) = self.server.get("/__bantin/state");
        assert_eq!(status, 200, "GET /__bantin/state");
        let json: serde_json::Value = serde_json::from_slice(&body)
            .unwrap_or_else(|e| panic!("/__bantin/state is not JSON: {e}"));
        let map = |key: &str| -> BTreeMap<String, String> {
            json[key]
                .as_object()
                .unwrap_or_else(|| panic!("/__bantin/state has no `{key}` object"))
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        };
        State {
            version: json["version"].as_u64().unwrap_or_default(),
            ok: json["ok"].as_bool().unwrap_or_default(),
            files: map("files"),
            statics: map("statics"),
            problems: json["problems"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|p| p.as_str().unwrap_or_default().to_string())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// Waits until the version moved past `before` and then stayed put for `QUIET`.
    fn wait_for_rebuild(&self, before: u64, number: usize) {
        let deadline = Instant::now() + REBUILD_WAIT;
        while self.server.version() == before {
            if Instant::now() > deadline {
                self.fail(number, "the server did not rebuild after this edit", &[]);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.wait_quiet(QUIET);
    }

    fn wait_quiet(&self, quiet: Duration) {
        let deadline = Instant::now() + REBUILD_WAIT;
        let mut version = self.server.version();
        let mut since = Instant::now();
        while since.elapsed() < quiet && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(15));
            let now = self.server.version();
            if now != version {
                version = now;
                since = Instant::now();
            }
        }
    }

    /// Waits for the server to rebuild after edit `number` (when the version was `before`),
    /// making a clean build meanwhile, and compares the two; fails the test on a difference.
    fn round(&mut self, number: usize, before: Option<u64>, urls: &[String]) {
        let started = Instant::now();
        let (root, base_url) = (self.root.clone(), self.base_url.clone());
        let script = std::sync::Arc::clone(&self.cms_script);
        let this = &*self;
        let (clean, clean_time, server_time) = std::thread::scope(|scope| {
            let builder = scope.spawn(move || {
                let started = Instant::now();
                (clean_build(&root, &base_url, &script), started.elapsed())
            });
            if let Some(before) = before {
                this.wait_for_rebuild(before, number);
            }
            let server_time = started.elapsed();
            let (clean, clean_time) = builder
                .join()
                .unwrap_or_else(|_| panic!("the clean build panicked after edit {number}"));
            (clean, clean_time, server_time)
        });
        self.times.clean += clean_time;
        self.times.server += server_time;
        self.times.both += started.elapsed();
        let started = Instant::now();
        let (ok, problems) = (clean.ok, clean.problems.clone());
        if ok {
            let hashes = clean
                .files
                .iter()
                .map(|(p, b)| (p.clone(), hash(b)))
                .collect();
            self.last_good = Some((clean, hashes));
        } else {
            self.failing_rounds += 1;
        }
        let mut differences = self.differences(ok, &problems, urls);
        if !differences.is_empty() {
            // Perhaps one edit reached the server as two batches and the second is still being
            // built: look again once the server has been quiet for a while.
            self.wait_quiet(QUIET_BEFORE_FAILING);
            differences = self.differences(ok, &problems, urls);
        }
        if !differences.is_empty() {
            if !ok {
                differences.push(format!(
                    "(the clean build failed:\n    {})",
                    problems.join("\n    ")
                ));
            }
            self.fail(
                number,
                "the served site differs from a clean build",
                &differences,
            );
        }
        self.times.compare += started.elapsed();
    }

    /// Every difference between the server and the clean build, one entry each, with an
    /// excerpt of the first few differing files.
    fn differences(&mut self, ok: bool, problems: &[String], urls: &[String]) -> Vec<String> {
        let state = self.state();
        let mut out = Vec::new();
        if state.ok != ok {
            out.push(format!(
                "the server's last build {} (version {}), the clean build {}",
                if state.ok { "succeeded" } else { "failed" },
                state.version,
                if ok { "succeeded" } else { "failed" },
            ));
        }
        if state.problems != problems {
            let only = |a: &[String], b: &[String]| -> String {
                a.iter()
                    .filter(|p| !b.contains(p))
                    .map(|p| format!("\n    {p}"))
                    .collect()
            };
            out.push(format!(
                "diagnostics differ ({} served, {} from the clean build); only served:{}\n  \
                 only from the clean build:{}",
                state.problems.len(),
                problems.len(),
                only(&state.problems, problems),
                only(problems, &state.problems)
            ));
        }
        // While the site is broken the server keeps serving the last good build's files.
        let Some((good, good_hashes)) = self.last_good.as_ref() else {
            out.push("the first build failed".to_string());
            return out;
        };
        if state.statics != good.statics {
            out.push(format!(
                "static files differ:\n  served: {:?}\n  clean: {:?}",
                state.statics, good.statics
            ));
        }
        let paths: BTreeSet<&String> = state.files.keys().chain(good_hashes.keys()).collect();
        let mut shown = 0;
        for path in paths {
            let (served, expected) = (state.files.get(path), good_hashes.get(path));
            if served == expected {
                continue;
            }
            let what = match (served, expected) {
                (Some(_), None) => "served, but not in the clean build".to_string(),
                (None, Some(_)) => "in the clean build, but not served".to_string(),
                _ => "bytes differ".to_string(),
            };
            let mut entry = format!("{path}: {what}");
            if shown < 3 && expected.is_some() {
                shown += 1;
                let (_, body) = self.server.get(&format!("{}{path}", self.server.base));
                let body = if path.ends_with(".html") {
                    strip_injected(&body)
                } else {
                    body
                };
                entry.push_str(&excerpt(&body, &good.files[path]));
            }
            out.push(entry);
        }
        self.compared_files += good_hashes.len();
        // A few pages as a browser gets them: the home page, the edited article's pages, and
        // one more file of the site (drawn apart from the edits, so that replays stay the same).
        let mut fetched: Vec<&str> = vec![""];
        fetched.extend(urls.iter().map(String::as_str));
        let mut draw = Rng(self.seed ^ (self.log.len() as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        if let Some(any) = good.files.keys().nth(draw.below(good.files.len())) {
            fetched.push(any);
        }
        for url in fetched {
            let file = if url.is_empty() || url.ends_with('/') {
                format!("{url}index.html")
            } else {
                url.to_string()
            };
            let (status, body) = self.server.get(&format!("{}{url}", self.server.base));
            let body = if file.ends_with(".html") {
                strip_injected(&body)
            } else {
                body
            };
            let (want_status, want) = match good.files.get(&file) {
                Some(bytes) => (200, bytes),
                None => (404, &good.files["404.html"]),
            };
            if status != want_status || body != *want {
                out.push(format!(
                    "GET {}{url}: status {status}, the clean build gives {want_status}{}",
                    self.server.base,
                    excerpt(&body, want)
                ));
            }
        }
        out
    }

    fn fail(&self, number: usize, what: &str, differences: &[String]) -> ! {
        let when = match number {
            0 => "after the first build".to_string(),
            n => format!("after edit {n}"),
        };
        // The edits after the planned ones are fixes that the same plan makes again.
        let replay = replay(self.seed, self.articles, number.min(self.edits));
        let mut message = format!(
            "seed {:#018x}, {when}: {what}\nreplay: {replay}\nedits so far:\n",
            self.seed
        );
        for line in &self.log {
            let _ = writeln!(message, "  {line}");
        }
        let _ = writeln!(message, "differences ({}):", differences.len());
        for line in differences.iter().take(12) {
            let _ = writeln!(message, "  {line}");
        }
        panic!("{message}");
    }
}

/// The command that runs this seed's site and edits again.
fn replay(seed: u64, articles: usize, edits: usize) -> String {
    format!(
        "BANTIN_EQUIV_SEED={seed:#018x} BANTIN_EQUIV_EDITS={edits} BANTIN_EQUIV_ARTICLES={articles} \
         cargo test --test it equivalence -- --nocapture"
    )
}

/// Where two texts first differ, with a little of each around it.
fn excerpt(served: &[u8], clean: &[u8]) -> String {
    let at = served
        .iter()
        .zip(clean)
        .position(|(a, b)| a != b)
        .unwrap_or(served.len().min(clean.len()));
    let around = |bytes: &[u8]| {
        let from = at.saturating_sub(80);
        let to = (at + 160).min(bytes.len());
        String::from_utf8_lossy(&bytes[from.min(to)..to]).replace('\n', "⏎")
    };
    format!(
        "\n      first difference at byte {at} ({} vs {} bytes):\n      served: …{}…\n      clean:  …{}…",
        served.len(),
        clean.len(),
        around(served),
        around(clean)
    )
}

// ---------------------------------------------------------------------------------------------
// The seeded random numbers.

/// SplitMix64: small, and the same numbers everywhere.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// What the site is made of.

/// The sample site's own text: its sentences and tags, read at test time.
struct Vocabulary {
    sentences: Vec<String>,
    tags: Vec<String>,
}

impl Vocabulary {
    fn from_sample_site() -> Vocabulary {
        let mut files = Vec::new();
        collect_md(&support::repo().join("content"), &mut files);
        let mut sentences = Vec::new();
        let mut tags = BTreeSet::new();
        for file in files {
            let text = support::read(&file);
            let Some(rest) = text.strip_prefix("---\n") else {
                continue;
            };
            let Some(end) = rest.find("\n---\n") else {
                continue;
            };
            for line in rest[..end].lines() {
                if let Some(list) = line
                    .strip_prefix("tags: [")
                    .and_then(|l| l.strip_suffix(']'))
                {
                    tags.extend(list.split(',').map(|t| t.trim().to_string()));
                }
            }
            for paragraph in rest[end + 5..].split("\n\n") {
                let paragraph = paragraph.trim();
                // Prose only: no headings, lists, tables, images, links or emphasis.
                if paragraph.is_empty()
                    || paragraph.contains(['#', '|', '[', ']', '*', '_', '`', '<', '>', '"', '\\'])
                    || paragraph.starts_with(['-', '!', '('])
                {
                    continue;
                }
                for sentence in paragraph.split_inclusive(". ") {
                    let sentence = sentence.trim();
                    let words = sentence.split_whitespace().count();
                    if (6..=40).contains(&words) && sentence.ends_with('.') {
                        sentences.push(sentence.to_string());
                    }
                }
            }
        }
        assert!(
            sentences.len() > 50 && tags.len() > 20,
            "the sample site gave only {} sentences and {} tags",
            sentences.len(),
            tags.len()
        );
        Vocabulary {
            sentences,
            tags: tags.into_iter().collect(),
        }
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        rng.pick(&self.sentences).clone()
    }

    fn paragraph(&self, rng: &mut Rng) -> String {
        let n = rng.range(1, 3);
        (0..n)
            .map(|_| self.sentence(rng))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first few words of a sentence, without its final punctuation.
    fn phrase(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        let sentence = self.sentence(rng);
        let n = rng.range(min, max);
        let words: Vec<&str> = sentence.split_whitespace().take(n).collect();
        words
            .join(" ")
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '…', '–', '-'])
            .trim()
            .to_string()
    }
}

fn collect_md(dir: &Path, out: &mut Vec<PathBuf>) {
    for path in support::read_dir_sorted(dir) {
        if path.is_dir() {
            collect_md(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// The same tag with its first letter in the other case (`campuchia` for `Campuchia`): tags
/// that differ only in case are one tag, shown in the spelling most of its articles use.
fn other_case(tag: &str) -> String {
    let mut chars = tag.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let first: String = if first.is_uppercase() {
        first.to_lowercase().collect()
    } else {
        first.to_uppercase().collect()
    };
    first + chars.as_str()
}

/// Provinces as editors write them: current units, former units merged on 01/07/2025 (by name,
/// slug, without accents, or by id where a current unit took the name), an alias; an article
/// without `province:` gets site.toml's An Giang.
const PROVINCES: &[&str] = &[
    "An Giang",
    "Cần Thơ",
    "Cà Mau",
    "Vĩnh Long",
    "Đồng Tháp",
    "Tây Ninh",
    "TP. Hồ Chí Minh",
    "Huế",
    "Hà Nội",
    "Kiên Giang",
    "kien giang",
    "kien-giang",
    "an-giang-pre2025",
    "can-tho-pre2025",
    "Sóc Trăng",
    "Hậu Giang",
    "Bạc Liêu",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Long An",
    "Bà Rịa – Vũng Tàu",
    "Thừa Thiên Huế",
    "Hải Dương",
    "TP.HCM",
];

const CATEGORIES: &[&str] = &[
    "Tin tức hoạt động",
    "Đối ngoại nhân dân",
    "Viện trợ phi chính phủ",
    "Người Việt Nam ở nước ngoài",
    "Hội hữu nghị",
];

/// The sample site's images (its static/ folder is copied).
const IMAGES: &[&str] = &[
    "/images/2020/hoi-truong-tong-ket.jpg",
    "/images/2022/vong-tay-huu-nghi.jpg",
    "/images/2024/cum-thi-dua-so-5.jpg",
    "/images/2025/bang-ron-lien-hiep.jpg",
    "/images/2025/lop-tap-huan.webp",
];

/// The templates an edit may touch, with the closing tags in them it writes before.
const TEMPLATE_SPOTS: &[(&str, &str)] = &[
    ("article.html", "</article>"),
    ("partials/components.html", "</article>"),
    ("base.html", "</footer>"),
    ("base.html", "</main>"),
    ("list.html", "</h1>"),
    ("index.html", "</section>"),
    ("page.html", "</article>"),
];

/// A mistake an edit makes in an article, and undoes later.
#[derive(Debug, Clone, PartialEq)]
enum Mistake {
    /// A category not in site.toml's list.
    Category,
    /// A date that does not exist.
    Date,
    /// A province that does not exist.
    Province,
    /// A flow list never closed: the front-matter is not YAML.
    Yaml,
    /// `featured:` neither true nor false.
    Flag,
    /// Another article's address.
    Duplicate(String),
}

/// A mistake still in the site, and where.
#[derive(Debug, Clone, PartialEq)]
enum Open {
    Article(u64),
    Template(String),
    Toml,
}

#[derive(Debug, Clone)]
struct Article {
    id: u64,
    /// The file below content/tin-tuc/, without `.md`.
    file: String,
    title: String,
    slug: Option<String>,
    date: NaiveDateTime,
    /// Which way the date is written (see `date_text`).
    date_form: usize,
    province: Option<&'static str>,
    category: Option<&'static str>,
    tags: Vec<String>,
    /// `[a, b]`, `- a` lines, or `a, b`.
    tags_form: usize,
    summary: Option<String>,
    author: Option<String>,
    featured: bool,
    draft: bool,
    aliases: Vec<String>,
    image: Option<(&'static str, String)>,
    /// Paragraphs and `## headings`.
    body: Vec<String>,
    /// Whether `summary:` and `author:` come before `province:` (moves its line).
    summary_first: bool,
    mistake: Option<Mistake>,
}

impl Article {
    fn path(&self) -> String {
        format!("content/tin-tuc/{}.md", self.file)
    }

    /// The address of its page, as far as the model knows it.
    fn url(&self) -> String {
        let slug = match &self.mistake {
            Some(Mistake::Duplicate(slug)) => slug.clone(),
            _ => bantin::locale::slugify(self.slug.as_deref().unwrap_or(&self.title)),
        };
        format!("tin-tuc/{slug}/")
    }

    fn text(&self) -> String {
        let mut t = String::from("---\n");
        let _ = writeln!(t, "title: \"{}\"", self.title);
        match self.mistake {
            Some(Mistake::Date) => {
                let _ = writeln!(t, "date: 31/02/{}", self.date.year());
            }
            _ => {
                let _ = writeln!(t, "date: {}", date_text(self.date, self.date_form));
            }
        }
        let mut summary_lines = String::new();
        if let Some(summary) = &self.summary {
            let _ = writeln!(summary_lines, "summary: \"{summary}\"");
        }
        if let Some(author) = &self.author {
            let _ = writeln!(summary_lines, "author: \"{author}\"");
        }
        if self.summary_first {
            t.push_str(&summary_lines);
        }
        match (&self.mistake, self.province) {
            (Some(Mistake::Province), _) => t.push_str("province: Kien Gang\n"),
            (_, Some(p)) => {
                let _ = writeln!(t, "province: {p}");
            }
            (_, None) => {}
        }
        match (&self.mistake, self.category) {
            (Some(Mistake::Category), _) => t.push_str("category: Tin tức hoạt độg\n"),
            (_, Some(c)) => {
                let _ = writeln!(t, "category: {c}");
            }
            (_, None) => {}
        }
        if !self.tags.is_empty() || self.mistake == Some(Mistake::Yaml) {
            let tags = self.tags.join(", ");
            if self.mistake == Some(Mistake::Yaml) {
                let _ = writeln!(t, "tags: [{tags}");
            } else {
                match self.tags_form {
                    0 => {
                        let _ = writeln!(t, "tags: [{tags}]");
                    }
                    1 => {
                        t.push_str("tags:\n");
                        for tag in &self.tags {
                            let _ = writeln!(t, "  - {tag}");
                        }
                    }
                    _ => {
                        let _ = writeln!(t, "tags: {tags}");
                    }
                }
            }
        }
        if !self.summary_first {
            t.push_str(&summary_lines);
        }
        if self.mistake == Some(Mistake::Flag) {
            t.push_str("featured: có\n");
        } else if self.featured {
            t.push_str("featured: true\n");
        }
        if self.draft {
            t.push_str("draft: true\n");
        }
        match (&self.mistake, &self.slug) {
            (Some(Mistake::Duplicate(slug)), _) | (_, Some(slug)) => {
                let _ = writeln!(t, "slug: {slug}");
            }
            _ => {}
        }
        if !self.aliases.is_empty() {
            let _ = writeln!(t, "aliases: [{}]", self.aliases.join(", "));
        }
        if let Some((src, alt)) = &self.image {
            let _ = writeln!(t, "image:\n  src: {src}\n  alt: \"{alt}\"");
        }
        t.push_str("---\n\n");
        t.push_str(&self.body.join("\n\n"));
        t.push('\n');
        t
    }
}

/// The date in one of the forms bantin accepts; forms 3 and later carry no time (00:00).
fn date_text(date: NaiveDateTime, form: usize) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let (hh, mm) = (date.hour(), date.minute());
    match form {
        0 => format!("{d:02}/{m:02}/{y} {hh:02}:{mm:02}"),
        1 => format!("{y}-{m:02}-{d:02}T{hh:02}:{mm:02}:00+07:00"),
        2 => format!("{y}-{m:02}-{d:02} {hh:02}:{mm:02}"),
        3 => format!("{d}/{m}/{y}"),
        4 => format!("{d:02}.{m:02}.{y}"),
        5 => format!("{d:02}-{m:02}-{y}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    }
}

/// site.toml's settings that edits change.
struct Settings {
    title: String,
    description: String,
    page_size: usize,
    broken: bool,
}

impl Settings {
    fn text(&self) -> String {
        let page_size = if self.broken {
            "\"mười\"".to_string()
        } else {
            self.page_size.to_string()
        };
        let settings = format!(
            "title = \"{}\"\ndescription = \"{}\"\nbase_url = \"{BASE_URL}\"\nprovince = \"An Giang\"\npage_size = {page_size}\nimage = \"/images/2025/bang-ron-lien-hiep.jpg\"\ncategories = [{}]\n\n{}",
            self.title,
            self.description,
            CATEGORIES
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", "),
            [
                ("Trang chủ", "/"),
                ("Giới thiệu", "/gioi-thieu/"),
                ("Địa phương", "/tinh/"),
                ("Chủ đề", "/the/"),
                ("Lưu trữ", "/luu-tru/"),
                ("Liên hệ", "/lien-he/"),
            ]
            .iter()
            .map(|(name, url)| format!("[[menu]]\nname = \"{name}\"\nurl = \"{url}\"\n"))
            .collect::<Vec<_>>()
            .join("\n")
        );
        support::site_toml(&settings)
    }
}

/// The generated site: its model, and the folder it is written to.
struct Site {
    root: PathBuf,
    articles: Vec<Article>,
    settings: Settings,
    /// The standalone pages: file name below content/ → (title, body).
    pages: BTreeMap<&'static str, (String, String)>,
    /// The theme's templates as the edits left them, by name below templates/.
    templates: BTreeMap<String, String>,
    /// Mistakes in the site, with the edit that made them.
    open: Vec<(Open, usize)>,
    /// Numbers for new titles, tags and aliases, so that none repeats.
    counter: u64,
    /// The dates articles may have: the past (before the last 60 days) and a future year.
    past: (NaiveDate, NaiveDate),
    future_year: i32,
}

/// One edit, as applied.
struct Edit {
    /// What kind of edit, for the run's summary.
    kind: &'static str,
    line: String,
    /// Addresses (below the base path) whose pages the edit touched, fetched over HTTP.
    urls: Vec<String>,
}

/// The marker a template mistake writes (a filter without a name), removed by its fix.
const BROKEN_TEMPLATE: &str = "{{ config.title | }}";

impl Site {
    fn generate(root: &Path, rng: &mut Rng, vocabulary: &Vocabulary, articles: usize) -> Site {
        let today = chrono::Utc::now().date_naive();
        let past_end = NaiveDate::from_ymd_opt(2025, 12, 31)
            .unwrap_or_default()
            .min(today - Days::new(60));
        let past_start = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
        let mut templates = BTreeMap::new();
        let theme = support::repo().join("themes/default/templates");
        for name in [
            "article.html",
            "base.html",
            "index.html",
            "list.html",
            "page.html",
        ]
        .into_iter()
        .chain(["partials/components.html"])
        {
            templates.insert(name.to_string(), support::read(&theme.join(name)));
        }
        let mut site = Site {
            root: root.to_path_buf(),
            articles: Vec::new(),
            settings: Settings {
                title: "Liên hiệp các tổ chức hữu nghị tỉnh An Giang".to_string(),
                description: vocabulary.sentence(rng),
                page_size: 10,
                broken: false,
            },
            pages: BTreeMap::new(),
            templates,
            open: Vec::new(),
            counter: 0,
            past: (past_start, past_end),
            future_year: today.year() + 5,
        };
        for (file, title) in [("gioi-thieu.md", "Giới thiệu"), ("lien-he.md", "Liên hệ")] {
            let body = (0..3)
                .map(|_| vocabulary.paragraph(rng))
                .collect::<Vec<_>>()
                .join("\n\n");
            site.pages.insert(file, (title.to_string(), body));
        }
        for _ in 0..articles {
            let article = site.new_article(rng, vocabulary);
            site.articles.push(article);
        }
        site
    }

    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    fn title(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> String {
        let n = self.next();
        let text = vocabulary.phrase(rng, 4, 9);
        match rng.below(3) {
            0 => format!("Bản tin {n}: {text}"),
            1 => format!("{text} (kỳ {n})"),
            _ => format!("{n} – {text}"),
        }
    }

    fn past_date(&self, rng: &mut Rng) -> NaiveDateTime {
        let days = (self.past.1 - self.past.0).num_days().max(1) as usize;
        let day = self.past.0 + Days::new(rng.below(days) as u64);
        let minutes = rng.range(6 * 4, 21 * 4) * 15;
        day.and_hms_opt((minutes / 60) as u32, (minutes % 60) as u32, 0)
            .unwrap_or_default()
    }

    fn future_date(&self, rng: &mut Rng) -> NaiveDateTime {
        let day = NaiveDate::from_ymd_opt(self.future_year, 1, 1).unwrap_or_default()
            + Days::new(rng.below(360) as u64);
        day.and_hms_opt(rng.range(7, 17) as u32, 0, 0)
            .unwrap_or_default()
    }

    /// A date for an article: mostly the past, sometimes exactly another article's (ties in
    /// the lists), now and then the future.
    fn date(&self, rng: &mut Rng) -> NaiveDateTime {
        match rng.below(20) {
            0 if !self.articles.is_empty() => rng.pick(&self.articles).date,
            1 => self.future_date(rng),
            _ => self.past_date(rng),
        }
    }

    fn tags(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..rng.range(0, 4) {
            let tag = vocabulary.tags[rng.below(vocabulary.tags.len().min(12))].clone();
            let tag = if rng.chance(50) {
                rng.pick(&vocabulary.tags).clone()
            } else {
                tag
            };
            // Now and then spelt in the other letter case: one tag, two spellings.
            let tag = if rng.chance(30) {
                other_case(&tag)
            } else {
                tag
            };
            if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                tags.push(tag);
            }
        }
        tags
    }

    fn new_article(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Article {
        let id = self.next();
        let title = self.title(rng, vocabulary);
        let date = self.date(rng);
        let file = format!(
            "{}/{}-{id}",
            date.year(),
            bantin::locale::slugify(&vocabulary.phrase(rng, 2, 4))
        );
        let mut body = Vec::new();
        for i in 0..rng.range(1, 4) {
            if i == 1 && rng.chance(30) {
                body.push(format!("## {}", vocabulary.phrase(rng, 3, 6)));
            }
            body.push(vocabulary.paragraph(rng));
        }
        let slug = rng.chance(10).then(|| format!("bai-viet-{}", self.next()));
        let aliases = if rng.chance(5) {
            vec![format!("/tin-tuc/chi-tiet/{}", self.next())]
        } else {
            Vec::new()
        };
        Article {
            id,
            file,
            title,
            slug,
            date,
            date_form: rng.below(7),
            province: (!rng.chance(15)).then(|| *rng.pick(PROVINCES)),
            category: (!rng.chance(10)).then(|| *rng.pick(CATEGORIES)),
            tags: self.tags(rng, vocabulary),
            tags_form: rng.below(3),
            summary: rng
                .chance(20)
                .then(|| vocabulary.sentence(rng).replace('"', "")),
            author: rng.chance(40).then(|| "BBT.".to_string()),
            featured: rng.chance(5),
            draft: rng.chance(3),
            aliases,
            image: rng
                .chance(15)
                .then(|| (*rng.pick(IMAGES), vocabulary.phrase(rng, 4, 8))),
            body,
            summary_first: rng.chance(30),
            mistake: None,
        }
    }

    fn write(&self, rel: &str, text: &str) {
        support::write(&self.root.join(rel), text);
    }

    fn write_article(&self, article: &Article) {
        self.write(&article.path(), &article.text());
    }

    fn write_template(&self, name: &str) {
        self.write(
            &format!("themes/default/templates/{name}"),
            &self.templates[name],
        );
    }

    fn write_all(&self) {
        let repo = support::repo();
        support::copy_tree(&repo.join("themes"), &self.root.join("themes"), &[]);
        support::copy_tree(&repo.join("static"), &self.root.join("static"), &[]);
        self.write("site.toml", &self.settings.text());
        for (file, (title, body)) in &self.pages {
            self.write(
                &format!("content/{file}"),
                &format!("---\ntitle: \"{title}\"\n---\n\n{body}\n"),
            );
        }
        for article in &self.articles {
            self.write_article(article);
        }
    }

    /// Picks and applies one edit. `closing`: the planned edits are done, only mistakes are
    /// left to fix.
    fn edit(
        &mut self,
        rng: &mut Rng,
        vocabulary: &Vocabulary,
        number: usize,
        closing: bool,
    ) -> Edit {
        // A mistake made at least one edit ago may be fixed; the last edits fix what is left.
        let fixable = self.open.iter().any(|(_, at)| *at < number);
        if closing || (fixable && rng.chance(30)) {
            let candidates: Vec<usize> = (0..self.open.len())
                .filter(|&i| self.open[i].1 < number || closing)
                .collect();
            let i = *rng.pick(&candidates);
            let mut edit = self.fix(i);
            edit.kind = "fix";
            return edit;
        }
        loop {
            let roll = rng.below(100);
            if self.articles.is_empty() && roll < 90 {
                continue;
            }
            let (kind, mut edit) = match roll {
                0..=17 => ("body", self.edit_body(rng, vocabulary)),
                18..=26 => ("title", self.edit_title(rng, vocabulary)),
                27..=36 => ("date", self.edit_date(rng)),
                37..=43 => ("province", self.edit_province(rng)),
                44..=52 => ("tags", self.edit_tags(rng, vocabulary)),
                53..=58 => ("category", self.edit_category(rng)),
                59..=62 => ("featured", self.toggle(rng, "featured")),
                63..=66 => ("draft", self.toggle(rng, "draft")),
                67..=69 => ("summary", self.edit_summary(rng, vocabulary)),
                70..=74 => ("delete", self.delete(rng)),
                75..=79 => ("add", self.add(rng, vocabulary)),
                80..=84 => ("rename", self.rename(rng)),
                85..=88 => ("template", self.edit_template(rng)),
                89..=92 => ("site.toml", self.edit_settings(rng, vocabulary)),
                93..=95 => ("page", self.edit_page(rng, vocabulary)),
                _ if self.open.len() < 2 => ("mistake", self.make_mistake(rng, number)),
                _ => continue,
            };
            edit.kind = kind;
            return edit;
        }
    }

    /// An article to edit (any, also a broken one), as an index into `articles`.
    fn some_article(&self, rng: &mut Rng) -> usize {
        rng.below(self.articles.len())
    }

    /// Changes article `i` with `change`, writes it and describes the edit.
    fn change(&mut self, i: usize, what: &str, change: impl FnOnce(&mut Article)) -> Edit {
        let before = self.articles[i].url();
        change(&mut self.articles[i]);
        let article = &self.articles[i];
        self.write_article(article);
        let mut urls = vec![article.url()];
        if before != urls[0] {
            urls.push(before);
        }
        Edit {
            kind: "",
            line: format!("{}: {what}", article.path()),
            urls,
        }
    }

    fn edit_body(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Edit {
        let i = self.some_article(rng);
        let paragraphs = self.articles[i].body.len();
        let at = rng.below(paragraphs);
        let text = vocabulary.paragraph(rng);
        match rng.below(4) {
            0 => self.change(i, &format!("body: new paragraph {}", at + 1), |a| {
                a.body.insert(at, text)
            }),
            1 if paragraphs > 1 => {
                self.change(i, &format!("body: paragraph {} removed", at + 1), |a| {
                    a.body.remove(at);
                })
            }
            2 => self.change(i, "body: a word changed in the first paragraph", |a| {
                if let Some(first) = a.body.iter_mut().find(|p| !p.starts_with('#')) {
                    *first = first.replacen(' ', " sửa ", 1);
                }
            }),
            _ => self.change(i, &format!("body: paragraph {} rewritten", at + 1), |a| {
                a.body[at] = text
            }),
        }
    }

    fn edit_title(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Edit {
        let i = self.some_article(rng);
        let title = self.title(rng, vocabulary);
        self.change(i, &format!("title → {title:?}"), |a| a.title = title)
    }

    fn edit_date(&mut self, rng: &mut Rng) -> Edit {
        let i = self.some_article(rng);
        let old = self.articles[i].date;
        let written = date_text(old, self.articles[i].date_form);
        let date = if old.year() >= self.future_year {
            self.past_date(rng)
        } else if rng.chance(25) {
            self.future_date(rng)
        } else {
            self.date(rng)
        };
        let form = rng.below(7);
        self.change(
            i,
            &format!("date {written} → {}", date_text(date, form)),
            |a| {
                a.date = date;
                a.date_form = form;
            },
        )
    }

    fn edit_province(&mut self, rng: &mut Rng) -> Edit {
        let i = self.some_article(rng);
        let province = (!rng.chance(10)).then(|| *rng.pick(PROVINCES));
        self.change(
            i,
            &format!("province → {}", province.unwrap_or("(none: site.toml's)")),
            |a| a.province = province,
        )
    }

    fn edit_tags(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Edit {
        let i = self.some_article(rng);
        let has = self.articles[i].tags.len();
        match rng.below(5) {
            0 if has > 0 => {
                let at = rng.below(has);
                let tag = self.articles[i].tags[at].clone();
                self.change(i, &format!("tag {tag:?} removed"), |a| {
                    a.tags.remove(at);
                })
            }
            4 if has > 0 => {
                let at = rng.below(has);
                let tag = self.articles[i].tags[at].clone();
                let other = other_case(&tag);
                self.change(i, &format!("tag {tag:?} spelt {other:?}"), |a| {
                    a.tags[at] = other;
                })
            }
            1 => {
                let tag = format!("chủ đề mới {}", self.next());
                self.change(i, &format!("brand-new tag {tag:?} added"), |a| {
                    a.tags.push(tag)
                })
            }
            2 => {
                let form = rng.below(3);
                self.change(i, &format!("tags written in form {form}"), |a| {
                    a.tags_form = form
                })
            }
            _ => {
                let tag = rng.pick(&vocabulary.tags).clone();
                self.change(i, &format!("tag {tag:?} added"), |a| {
                    let same = |t: &String| t.to_lowercase() == tag.to_lowercase();
                    if !a.tags.iter().any(same) {
                        a.tags.insert(0, tag)
                    } else {
                        a.tags.retain(|t| !same(t))
                    }
                })
            }
        }
    }

    fn edit_category(&mut self, rng: &mut Rng) -> Edit {
        let i = self.some_article(rng);
        let category = (!rng.chance(15)).then(|| *rng.pick(CATEGORIES));
        self.change(
            i,
            &format!("category → {}", category.unwrap_or("(none)")),
            |a| a.category = category,
        )
    }

    fn toggle(&mut self, rng: &mut Rng, field: &str) -> Edit {
        // Featured articles are few: pick among them half the time, so they also go off.
        let featured: Vec<usize> = (0..self.articles.len())
            .filter(|&i| self.articles[i].featured || self.articles[i].draft)
            .collect();
        let i = if !featured.is_empty() && rng.chance(50) {
            *rng.pick(&featured)
        } else {
            self.some_article(rng)
        };
        let on = if field == "featured" {
            !self.articles[i].featured
        } else {
            !self.articles[i].draft
        };
        self.change(i, &format!("{field}: {on}"), |a| {
            if field == "featured" {
                a.featured = on;
            } else {
                a.draft = on;
            }
        })
    }

    fn edit_summary(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Edit {
        let i = self.some_article(rng);
        let summary =
            (self.articles[i].summary.is_none()).then(|| vocabulary.sentence(rng).replace('"', ""));
        let first = rng.chance(50);
        let what = if summary.is_some() {
            "summary: added"
        } else {
            "summary: removed"
        };
        self.change(i, what, |a| {
            a.summary = summary;
            a.summary_first = first;
        })
    }

    fn delete(&mut self, rng: &mut Rng) -> Edit {
        let i = self.some_article(rng);
        let article = self.articles.remove(i);
        fs::remove_file(self.root.join(article.path()))
            .unwrap_or_else(|e| panic!("cannot delete {}: {e}", article.path()));
        self.open.retain(|(o, _)| *o != Open::Article(article.id));
        Edit {
            kind: "",
            line: format!("{}: deleted", article.path()),
            urls: vec![article.url()],
        }
    }

    fn add(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Edit {
        let article = self.new_article(rng, vocabulary);
        self.write_article(&article);
        let edit = Edit {
            kind: "",
            line: format!("{}: added, {:?}", article.path(), article.title),
            urls: vec![article.url()],
        };
        self.articles.push(article);
        edit
    }

    fn rename(&mut self, rng: &mut Rng) -> Edit {
        let i = self.some_article(rng);
        if rng.chance(25) {
            return self.rename_folder(i);
        }
        let old = self.articles[i].path();
        let name = self.articles[i]
            .file
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let folder = match rng.below(3) {
            0 => "luu-tru".to_string(),
            1 => format!("{}", self.articles[i].date.year()),
            _ => format!("chuyen-de/so-{}", rng.below(3)),
        };
        let file = format!("{folder}/{}{name}", ["", "a-", "z-"][rng.below(3)]);
        if file == self.articles[i].file {
            return self.edit_province(rng);
        }
        self.articles[i].file = file;
        let new = self.articles[i].path();
        let to = self.root.join(&new);
        fs::create_dir_all(to.parent().unwrap_or(&self.root))
            .unwrap_or_else(|e| panic!("cannot create the folder of {new}: {e}"));
        fs::rename(self.root.join(&old), &to)
            .unwrap_or_else(|e| panic!("cannot rename {old} to {new}: {e}"));
        Edit {
            kind: "",
            line: format!("{old}: renamed to {new}"),
            urls: vec![self.articles[i].url()],
        }
    }

    /// Moves the folder of article `i`, with every article in it, to a new place.
    fn rename_folder(&mut self, i: usize) -> Edit {
        let (folder, _) = self.articles[i]
            .file
            .rsplit_once('/')
            .unwrap_or_else(|| panic!("{} is in no folder", self.articles[i].file));
        let folder = folder.to_string();
        let new = format!("chuyen-de/so-{}", self.next());
        let news = self.root.join("content/tin-tuc");
        fs::create_dir_all(news.join("chuyen-de"))
            .unwrap_or_else(|e| panic!("cannot create content/tin-tuc/chuyen-de: {e}"));
        fs::rename(news.join(&folder), news.join(&new))
            .unwrap_or_else(|e| panic!("cannot rename content/tin-tuc/{folder} to {new}: {e}"));
        let mut moved = 0;
        for article in &mut self.articles {
            if let Some(name) = article.file.strip_prefix(&format!("{folder}/")) {
                article.file = format!("{new}/{name}");
                moved += 1;
            }
        }
        Edit {
            kind: "",
            line: format!(
                "content/tin-tuc/{folder}/: folder renamed to content/tin-tuc/{new}/ ({moved} articles)"
            ),
            urls: vec![self.articles[i].url()],
        }
    }

    fn edit_template(&mut self, rng: &mut Rng) -> Edit {
        let (name, spot) = *rng.pick(TEMPLATE_SPOTS);
        let n = self.next();
        let insert = if rng.chance(50) {
            format!("<!-- sửa mẫu {n} -->")
        } else {
            format!("{{# ghi chú {n} #}}")
        };
        let text = self
            .templates
            .get_mut(name)
            .unwrap_or_else(|| panic!("{name}"));
        let at = text
            .rfind(spot)
            .unwrap_or_else(|| panic!("{name} has no {spot}"));
        text.insert_str(at, &insert);
        self.write_template(name);
        Edit {
            kind: "",
            line: format!("themes/default/templates/{name}: {insert} before the last {spot}"),
            urls: Vec::new(),
        }
    }

    fn edit_settings(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Edit {
        let what = match rng.below(3) {
            0 => {
                self.settings.page_size = *rng.pick(&[5, 7, 10, 12, 20]);
                format!("page_size = {}", self.settings.page_size)
            }
            1 => {
                self.settings.title = format!(
                    "Liên hiệp các tổ chức hữu nghị tỉnh An Giang ({})",
                    self.next()
                );
                format!("title = {:?}", self.settings.title)
            }
            _ => {
                self.settings.description = vocabulary.sentence(rng);
                "description changed".to_string()
            }
        };
        self.write("site.toml", &self.settings.text());
        Edit {
            kind: "",
            line: format!("site.toml: {what}"),
            urls: Vec::new(),
        }
    }

    fn edit_page(&mut self, rng: &mut Rng, vocabulary: &Vocabulary) -> Edit {
        let file = *rng.pick(&["gioi-thieu.md", "lien-he.md"]);
        let paragraph = vocabulary.paragraph(rng);
        let (title, body) = self.pages.get_mut(file).unwrap_or_else(|| panic!("{file}"));
        body.push_str("\n\n");
        body.push_str(&paragraph);
        let text = format!("---\ntitle: \"{title}\"\n---\n\n{body}\n");
        self.write(&format!("content/{file}"), &text);
        Edit {
            kind: "",
            line: format!("content/{file}: a paragraph added"),
            urls: vec![format!("{}/", file.trim_end_matches(".md"))],
        }
    }

    fn make_mistake(&mut self, rng: &mut Rng, number: usize) -> Edit {
        match rng.below(9) {
            0 if !self.open.iter().any(|(o, _)| *o == Open::Toml) => {
                self.settings.broken = true;
                self.write("site.toml", &self.settings.text());
                self.open.push((Open::Toml, number));
                Edit {
                    kind: "",
                    line: "site.toml: MISTAKE page_size = \"mười\"".to_string(),
                    urls: Vec::new(),
                }
            }
            1 if !self
                .open
                .iter()
                .any(|(o, _)| matches!(o, Open::Template(_))) =>
            {
                let (name, spot) = *rng.pick(TEMPLATE_SPOTS);
                let text = self
                    .templates
                    .get_mut(name)
                    .unwrap_or_else(|| panic!("{name}"));
                let at = text.rfind(spot).unwrap_or_default();
                text.insert_str(at, BROKEN_TEMPLATE);
                self.write_template(name);
                self.open.push((Open::Template(name.to_string()), number));
                Edit {
                    kind: "",
                    line: format!("themes/default/templates/{name}: MISTAKE {BROKEN_TEMPLATE}"),
                    urls: Vec::new(),
                }
            }
            _ => {
                let healthy: Vec<usize> = (0..self.articles.len())
                    .filter(|&i| self.articles[i].mistake.is_none())
                    .collect();
                if healthy.len() < 2 {
                    return self.ordinary_edit(rng);
                }
                let i = *rng.pick(&healthy);
                let mistake = match rng.below(6) {
                    0 => Mistake::Category,
                    1 => Mistake::Date,
                    2 => Mistake::Province,
                    3 => Mistake::Yaml,
                    4 => Mistake::Flag,
                    _ => {
                        let other = healthy[(healthy.iter().position(|&h| h == i).unwrap_or(0)
                            + 1)
                            % healthy.len()];
                        let url = self.articles[other].url();
                        let slug = url.trim_start_matches("tin-tuc/").trim_end_matches('/');
                        Mistake::Duplicate(slug.to_string())
                    }
                };
                let id = self.articles[i].id;
                self.open.push((Open::Article(id), number));
                self.change(i, &format!("MISTAKE {mistake:?}"), |a| {
                    a.mistake = Some(mistake)
                })
            }
        }
    }

    /// When no article can take a mistake, an ordinary edit instead.
    fn ordinary_edit(&mut self, rng: &mut Rng) -> Edit {
        self.edit_date(rng)
    }

    /// Undoes the `i`th open mistake.
    fn fix(&mut self, i: usize) -> Edit {
        let (open, at) = self.open.remove(i);
        match open {
            Open::Toml => {
                self.settings.broken = false;
                self.write("site.toml", &self.settings.text());
                Edit {
                    kind: "",
                    line: format!("site.toml: FIX of edit {at}"),
                    urls: Vec::new(),
                }
            }
            Open::Template(name) => {
                let text = self
                    .templates
                    .get_mut(&name)
                    .unwrap_or_else(|| panic!("{name}"));
                *text = text.replacen(BROKEN_TEMPLATE, "", 1);
                self.write_template(&name);
                Edit {
                    kind: "",
                    line: format!("themes/default/templates/{name}: FIX of edit {at}"),
                    urls: Vec::new(),
                }
            }
            Open::Article(id) => {
                let i = self
                    .articles
                    .iter()
                    .position(|a| a.id == id)
                    .unwrap_or_else(|| panic!("article {id} is gone but its mistake is open"));
                self.change(i, &format!("FIX of edit {at}"), |a| a.mistake = None)
            }
        }
    }
}
