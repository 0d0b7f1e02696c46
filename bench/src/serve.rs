//! `bantin-bench serve`: for each corpus size, generates the site, times cold `bantin build`s,
//! starts `bantin serve`, times its startup, then edits articles (body, title, then a new tag)
//! and times each from the file write to the moment the edited page is served with the change.
//! After the edits, served files are compared with a clean build. Prints a Markdown table.
//!
//! With `--baseline PATH` the same is done for a second binary in the same run: cold builds
//! alternate between the two, and each serves and edits its own fresh copy of the same site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bantin::locale::slugify;

use crate::CorpusArgs;
use crate::corpus::{Article, split_front_matter};

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Corpus sizes, comma-separated
    #[arg(long, value_delimiter = ',', default_values_t = [1000, 10000])]
    articles: Vec<usize>,
    /// Edits of each kind (body, title, new tag) per size, each on a different article
    #[arg(long, default_value_t = 5)]
    edits: usize,
    /// Cold builds per size and binary (the median is reported)
    #[arg(long, default_value_t = 3)]
    builds: usize,
    /// The bantin binary to measure (default: `bantin` next to this program, i.e.
    /// target/release/bantin, built first when missing or older than this program)
    #[arg(long, value_name = "PATH")]
    bantin: Option<PathBuf>,
    /// Another bantin binary to compare with in the same run, e.g. the previous commit's
    /// release build: cold builds alternate between the two (baseline first), serve startup and
    /// every edit are measured for both, each on a fresh copy of the same site, and the report
    /// gives both medians side by side with the change
    #[arg(long, value_name = "PATH")]
    baseline: Option<PathBuf>,
    /// Where to put the generated sites (default: the system's temporary folder)
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// Keep the generated sites and outputs
    #[arg(long)]
    keep: bool,
    /// After the edits, compare every file of the clean build with the served one (default: a
    /// sample of about 60 files plus the edited pages, feeds, sitemap and index pages)
    #[arg(long)]
    verify_all: bool,
    #[command(flatten)]
    corpus: CorpusArgs,
}

/// One measured edit.
pub(crate) struct Edit {
    article: String,
    /// File write → the page served with the change.
    pub latency: Duration,
    /// Tag edits: file write → the new tag's list page served, listing the article.
    pub list_latency: Option<Duration>,
    /// File write → /__bantin/version changed: the build finished, search index included.
    version_seen: Option<Duration>,
    /// The server's own "built … in N ms (R re-rendered)" line for this rebuild.
    rebuild_ms: Option<u64>,
    rerendered: Option<usize>,
}

/// What one binary gave on one corpus size.
struct Measured {
    pages: usize,
    cold_builds: Vec<Duration>,
    startup: Duration,
    initial_build_ms: Option<u64>,
    body: Vec<Edit>,
    front: Vec<Edit>,
    tag: Vec<Edit>,
    peak_rss_kib: Option<u64>,
    verified: usize,
    differing: Vec<String>,
}

struct Row {
    articles: usize,
    this: Measured,
    baseline: Option<Measured>,
}

/// A binary under measurement, and how its progress lines and folders are labelled.
struct Binary<'a> {
    path: &'a Path,
    /// "" for the measured binary, "-baseline" for the baseline.
    suffix: &'static str,
}

pub fn run(args: &Args) -> Result<(), String> {
    if args.edits == 0 || args.builds == 0 {
        return Err("--edits and --builds must be at least 1".into());
    }
    let bantin = bantin_binary(args.bantin.as_deref())?;
    let version = version_of(&bantin);
    let baseline = match &args.baseline {
        Some(path) if !path.is_file() => {
            return Err(format!("no baseline binary at {}", path.display()));
        }
        Some(path) => Some((path.clone(), version_of(path))),
        None => None,
    };
    let work = args.work_dir.clone().unwrap_or_else(std::env::temp_dir);
    let mut rows = Vec::new();
    let mut dirs = Vec::new();
    for &n in &args.articles {
        let dir = work.join(format!("bantin-bench-{n}-{}", std::process::id()));
        dirs.push(dir.clone());
        let this = Binary {
            path: &bantin,
            suffix: "",
        };
        let base = baseline.as_ref().map(|(path, _)| Binary {
            path,
            suffix: "-baseline",
        });
        match measure(args, &this, base.as_ref(), n, &dir) {
            Ok(row) => rows.push(row),
            Err(e) => {
                remove(args, &dirs);
                return Err(e);
            }
        }
    }
    remove(args, &dirs);
    println!();
    println!("{}", machine(&bantin, &version));
    if let Some((path, version)) = &baseline {
        println!("Baseline: {version} ({})", path.display());
    }
    println!();
    if baseline.is_some() {
        print_comparison(&rows);
    } else {
        print_table(&rows);
    }
    println!();
    for row in &rows {
        match &row.baseline {
            Some(base) => {
                print_details(row.articles, "baseline", base);
                print_details(row.articles, "this build", &row.this);
            }
            None => print_details(row.articles, "", &row.this),
        }
    }
    let mut failed = Vec::new();
    for row in &rows {
        for (which, m) in [
            ("", Some(&row.this)),
            (" (baseline)", row.baseline.as_ref()),
        ] {
            if let Some(m) = m.filter(|m| !m.differing.is_empty()) {
                failed.push(format!(
                    "{} articles{which}: {}",
                    row.articles,
                    m.differing.join(", ")
                ));
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "served files differ from a clean build: {}",
            failed.join("; ")
        ))
    }
}

fn version_of(bantin: &Path) -> String {
    Command::new(bantin)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

/// `bantin` next to this program, built first when it is missing or older than this program.
pub(crate) fn bantin_binary(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(path) = given {
        return Ok(path.to_path_buf());
    }
    let me = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let dir = me.parent().ok_or("this program has no folder")?;
    let path = dir.join(format!("bantin{}", std::env::consts::EXE_SUFFIX));
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let stale = match (modified(&path), modified(&me)) {
        (Some(theirs), Some(mine)) => theirs < mine,
        (None, _) => true,
        (Some(_), None) => false,
    };
    if stale {
        let release = dir.file_name().is_some_and(|n| n == "release");
        eprintln!(
            "{} is missing or older than this program; building it",
            path.display()
        );
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        // bantin is the workspace's root package: its binary lands in the shared target folder,
        // next to this program.
        command.args([
            "build",
            "-p",
            "bantin",
            "--bin",
            "bantin",
            "--manifest-path",
        ]);
        command.arg(crate::repo().join("Cargo.toml"));
        // `cargo run` gives this program its package's variables (CARGO_MANIFEST_DIR,
        // CARGO_PKG_NAME …). Build scripts watch some of them (ring's does): passed on, they
        // would make cargo rebuild ring and all above it now, and again at the next plain
        // `cargo build`.
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy();
            if key.starts_with("CARGO_PKG_")
                || [
                    "CARGO_MANIFEST_DIR",
                    "CARGO_MANIFEST_PATH",
                    "CARGO_CRATE_NAME",
                    "CARGO_BIN_NAME",
                    "CARGO_PRIMARY_PACKAGE",
                    "OUT_DIR",
                ]
                .contains(&key.as_ref())
            {
                command.env_remove(key.as_ref());
            }
        }
        if release {
            command.arg("--release");
        }
        let status = command
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() || !path.exists() {
            return Err(format!(
                "cannot build {}; build it (cargo build --release) or pass --bantin PATH",
                path.display()
            ));
        }
    }
    Ok(path)
}

/// Deletes the generated sites and outputs, only at the very end: ext4 makes creating files
/// slow for a few minutes after many were deleted (it skips recently freed inodes one by one),
/// which would slow down the next size's cold builds.
fn remove(args: &Args, dirs: &[PathBuf]) {
    if args.keep {
        eprintln!(
            "kept: {}",
            dirs.iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return;
    }
    for dir in dirs {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn measure(
    args: &Args,
    this: &Binary,
    baseline: Option<&Binary>,
    n: usize,
    dir: &Path,
) -> Result<Row, String> {
    let site = dir.join("site");
    eprintln!("[{n}] generating {n} articles in {}", site.display());
    let started = Instant::now();
    let corpus = args.corpus.generate(n)?;
    corpus.write(&site)?;
    // The baseline edits a copy of its own; the cold builds only read `site`.
    if let Some(b) = baseline {
        corpus.write(&dir.join(format!("site{}", b.suffix)))?;
    }
    eprintln!(
        "[{n}] generated {} files in {:.1} s",
        corpus.files.len(),
        started.elapsed().as_secs_f64()
    );

    // Cold builds, alternating baseline and this build when there is a baseline.
    let binaries: Vec<&Binary> = baseline.into_iter().chain([this]).collect();
    let mut cold_builds = vec![Vec::new(); binaries.len()];
    for i in 1..=args.builds {
        for (b, builds) in binaries.iter().zip(&mut cold_builds) {
            // A new folder each time (see `remove`).
            let out = dir.join(format!("out{}-{i}", b.suffix));
            let took = cold_build(b.path, &site, &out)?;
            eprintln!(
                "[{n}{}] cold build {i}/{}: {:.2} s",
                b.suffix,
                args.builds,
                took.as_secs_f64()
            );
            builds.push(took);
        }
    }
    let mut cold_builds = cold_builds.into_iter();
    let baseline = match baseline {
        Some(b) => {
            let builds = cold_builds.next().unwrap_or_default();
            Some(serve_measure(args, b, builds, &corpus.articles, n, dir)?)
        }
        None => None,
    };
    let builds = cold_builds.next().unwrap_or_default();
    let this = serve_measure(args, this, builds, &corpus.articles, n, dir)?;
    Ok(Row {
        articles: n,
        this,
        baseline,
    })
}

/// One cold `bantin build` of `site` into the new folder `out`.
fn cold_build(bantin: &Path, site: &Path, out: &Path) -> Result<Duration, String> {
    let started = Instant::now();
    let output = Command::new(bantin)
        .args(["build", "--quiet", "--source"])
        .arg(site)
        .arg("--output")
        .arg(out)
        .env("NO_COLOR", "1")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bantin.display()))?;
    let took = started.elapsed();
    if !output.status.success() {
        return Err(format!(
            "{} build failed on the generated site:\n{}",
            bantin.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(took)
}

/// `bantin serve` on the binary's own copy of the site (`site` + its suffix): startup, the
/// edits, then the served files checked against a clean build.
fn serve_measure(
    args: &Args,
    binary: &Binary,
    cold_builds: Vec<Duration>,
    articles: &[Article],
    n: usize,
    dir: &Path,
) -> Result<Measured, String> {
    let site = dir.join(format!("site{}", binary.suffix));
    let label = format!("{n}{}", binary.suffix);
    let EditRun {
        mut server,
        body,
        front,
        tag,
        edited,
        peak_rss_kib,
    } = serve_and_edit(binary.path, &site, articles, args.edits, &label)?;
    let pages = server.initial_pages.unwrap_or(0);

    server.settle();
    let clean = dir.join(format!("clean{}", binary.suffix));
    let (verified, differing) = verify(args, binary.path, &server, &clean, &site, &edited)?;
    eprintln!(
        "[{label}] {verified} served files compared with a clean build: {}",
        if differing.is_empty() {
            "all equal".to_string()
        } else {
            format!("{} differ", differing.len())
        }
    );
    Ok(Measured {
        pages,
        cold_builds,
        startup: server.startup,
        initial_build_ms: server.initial_build_ms,
        body,
        front,
        tag,
        peak_rss_kib,
        verified,
        differing,
    })
}

/// A running `bantin serve` after its edits.
pub(crate) struct EditRun {
    pub server: Server,
    pub body: Vec<Edit>,
    pub front: Vec<Edit>,
    pub tag: Vec<Edit>,
    /// Addresses of the edited articles (a title edit moves its article) and of the new tags'
    /// list pages.
    pub edited: Vec<String>,
    pub peak_rss_kib: Option<u64>,
}

/// Starts `bantin serve` on `site` and times `edits` body edits, `edits` title edits and
/// `edits` tag edits, each on a different article, spread from the newest to the oldest
/// (`label` marks the progress lines). The site's files are edited in place.
pub(crate) fn serve_and_edit(
    bantin: &Path,
    site: &Path,
    articles: &[Article],
    edits: usize,
    label: &str,
) -> Result<EditRun, String> {
    let mut server = Server::start(bantin, site)?;
    eprintln!(
        "[{label}] serve startup: {:.2} s ({})",
        server.startup.as_secs_f64(),
        server.url()
    );

    // Different articles for every edit, spread from the newest to the oldest.
    let mut order: Vec<&Article> = articles.iter().collect();
    order.sort_by(|a, b| b.when.cmp(&a.when).then(a.url.cmp(&b.url)));
    let count = edits.min(order.len() / 3).max(1);
    let step = (order.len() / (3 * count)).max(1);
    let pick = |k: usize, kind: usize| order[((3 * k + kind) * step).min(order.len() - 1)];
    let mut body = Vec::new();
    let mut front = Vec::new();
    let mut tag = Vec::new();
    let mut edited = Vec::new();
    for k in 0..count {
        let edit = body_edit(&mut server, site, pick(k, 0), k + 1)?;
        report(label, "body", &edit);
        edited.push(edit.article.clone());
        body.push(edit);
    }
    for k in 0..count {
        let (edit, url) = title_edit(&mut server, site, pick(k, 1), k + 1)?;
        report(label, "front-matter", &edit);
        front.push(edit);
        edited.push(url);
    }
    for k in 0..count {
        let (edit, list) = tag_edit(&mut server, site, articles, pick(k, 2), k + 1)?;
        report(label, "tag", &edit);
        edited.push(edit.article.clone());
        edited.push(list);
        tag.push(edit);
    }
    let peak_rss_kib = server.peak_rss_kib();
    Ok(EditRun {
        server,
        body,
        front,
        tag,
        edited,
        peak_rss_kib,
    })
}

fn report(label: &str, kind: &str, edit: &Edit) {
    eprintln!(
        "[{label}] {kind} edit of {}: served after {} ms{} (server rebuild {} ms, {} pages re-rendered)",
        edit.article,
        edit.latency.as_millis(),
        edit.list_latency.map_or(String::new(), |d| format!(
            ", the tag's page after {} ms",
            d.as_millis()
        )),
        edit.rebuild_ms.map_or("?".into(), |m| m.to_string()),
        edit.rerendered.map_or("?".into(), |r| r.to_string()),
    );
}

/// Adds a sentence at the end of the article's body (its summary, the first paragraph, stays).
fn body_edit(
    server: &mut Server,
    site: &Path,
    article: &Article,
    k: usize,
) -> Result<Edit, String> {
    let path = site.join(&article.path);
    let text = read(&path)?;
    let marker = format!("Câu bổ sung số {k} của lần đo thử tải.");
    let edited = format!("{}\n\n{marker}\n", text.trim_end());
    server.timed_edit(
        &path,
        &edited,
        &[Probe::new(&article.url, &marker)],
        &article.url,
    )
}

/// Adds words to the title: the article's address (made from the title) changes with it, and
/// so do the lists, feeds and related blocks that show it.
fn title_edit(
    server: &mut Server,
    site: &Path,
    article: &Article,
    k: usize,
) -> Result<(Edit, String), String> {
    let path = site.join(&article.path);
    let text = read(&path)?;
    let marker = format!("bản sửa số {k}");
    let old_line = format!("title: \"{}\"\n", article.title);
    let new_title = format!("{} ({marker})", article.title);
    if !text.contains(&old_line) {
        return Err(format!("no {old_line:?} in {}", path.display()));
    }
    let edited = text.replacen(&old_line, &format!("title: \"{new_title}\"\n"), 1);
    let url = format!("tin-tuc/{}/", slugify(&new_title));
    let edit = server.timed_edit(&path, &edited, &[Probe::new(&url, &marker)], &article.url)?;
    Ok((edit, url))
}

/// Adds a tag no article has yet to the article's tags: the article's page lists it (timed
/// until it is served so), and the tag gets its own list page, `the/<slug>/` (timed until it is
/// served listing the article), and a place in the tag index. Gives the list page's address.
fn tag_edit(
    server: &mut Server,
    site: &Path,
    articles: &[Article],
    article: &Article,
    k: usize,
) -> Result<(Edit, String), String> {
    let path = site.join(&article.path);
    let text = read(&path)?;
    let tag = format!("thẻ mới đo thử {k}");
    let slug = slugify(&tag);
    if articles
        .iter()
        .any(|a| a.meta.tags.iter().any(|t| slugify(t) == slug))
    {
        return Err(format!("the corpus already has the tag {tag:?}"));
    }
    let edited = add_tag(&text, &tag)
        .ok_or_else(|| format!("no tags: in the front matter of {}", path.display()))?;
    let list = format!("the/{slug}/");
    // The theme links each tag of the article: `<a href="…/the/<slug>/">name</a>`.
    let probes = [
        Probe::new(&article.url, &format!(">{tag}</a>")),
        Probe::new(&list, &article.url),
    ];
    let edit = server.timed_edit(&path, &edited, &probes, &article.url)?;
    Ok((edit, list))
}

/// `text` with `tag` added to its front matter's `tags:`, in the form that is written in:
/// `tags: [a, b]`, `tags: a, b`, or `tags:` followed by `  - a` lines. None without `tags:`.
fn add_tag(text: &str, tag: &str) -> Option<String> {
    let (front, _) = split_front_matter(text);
    let front_start = front.as_ptr() as usize - text.as_ptr() as usize;
    let mut offset = front_start;
    let mut lines = front.split_inclusive('\n');
    while let Some(line) = lines.next() {
        let start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix("tags:") else {
            continue;
        };
        let value = rest.trim();
        let value_end = start + "tags:".len() + rest.trim_end().len();
        let added = if value.is_empty() {
            // A block: after its last `- item` line, with the same indentation.
            let mut end = offset;
            let mut indent = "  ";
            for item in lines.by_ref() {
                let trimmed = item.trim_start();
                if !trimmed.starts_with("- ") {
                    break;
                }
                indent = &item[..item.len() - trimmed.len()];
                end += item.len();
            }
            let newline = if text[..end].ends_with('\n') {
                ""
            } else {
                "\n"
            };
            format!("{}{newline}{indent}- {tag}\n{}", &text[..end], &text[end..])
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let list = if inner.trim().is_empty() {
                tag.to_string()
            } else {
                format!("{inner}, {tag}")
            };
            let value_start = value_end - value.len();
            format!("{}[{list}]{}", &text[..value_start], &text[value_end..])
        } else {
            format!("{}, {tag}{}", &text[..value_end], &text[value_end..])
        };
        return Some(added);
    }
    None
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// What a timed edit waits for: `url` (under the base path) served with `marker` in it.
struct Probe {
    url: String,
    marker: String,
}

impl Probe {
    fn new(url: &str, marker: &str) -> Probe {
        Probe {
            url: url.to_string(),
            marker: marker.to_string(),
        }
    }
}

/// A running `bantin serve`, stopped when dropped.
pub(crate) struct Server {
    child: Child,
    host: String,
    base: String,
    lines: mpsc::Receiver<(Instant, String)>,
    startup: Duration,
    initial_build_ms: Option<u64>,
    initial_pages: Option<usize>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// "built 23817 pages in 5123 ms (23817 re-rendered)" → (pages, ms, re-rendered).
fn parse_built(line: &str) -> Option<(usize, u64, usize)> {
    let rest = line.strip_prefix("built ")?;
    let mut words = rest.split_whitespace();
    let pages = words.next()?.parse().ok()?;
    let ms = words.nth(2)?.parse().ok()?;
    let rerendered = words.nth(1)?.trim_start_matches('(').parse().ok()?;
    Some((pages, ms, rerendered))
}

impl Server {
    /// Starts `bantin serve --port 0` (without --quiet: its "built … in N ms" lines tell how
    /// long each rebuild took inside the server) and waits for "serving http://…".
    fn start(bantin: &Path, site: &Path) -> Result<Server, String> {
        let started = Instant::now();
        let mut child = Command::new(bantin)
            .args(["serve", "--port", "0", "--source"])
            .arg(site)
            .env("NO_COLOR", "1")
            // The address is read from the "serving" line, in English.
            .env("BANTIN_MESSAGES", "en")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start bantin serve: {e}"))?;
        let stdout = child.stdout.take().ok_or("bantin serve has no stdout")?;
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send((Instant::now(), line)).is_err() {
                    return;
                }
            }
        });
        let mut initial = None;
        loop {
            let (at, line) = lines
                .recv_timeout(Duration::from_secs(1800))
                .map_err(|_| "bantin serve stopped or never said where it serves".to_string())?;
            if let Some(built) = parse_built(&line) {
                initial = Some(built);
            }
            if line.starts_with("serving ") {
                let url = line
                    .split_whitespace()
                    .find(|w| w.starts_with("http://"))
                    .ok_or_else(|| format!("no address in {line:?}"))?;
                let rest = &url["http://".len()..];
                let slash = rest.find('/').unwrap_or(rest.len());
                return Ok(Server {
                    host: rest[..slash].to_string(),
                    base: rest[slash..].to_string(),
                    child,
                    lines,
                    startup: at - started,
                    initial_build_ms: initial.map(|b| b.1),
                    initial_pages: initial.map(|b| b.0),
                });
            }
        }
    }

    fn url(&self) -> String {
        format!("http://{}{}", self.host, self.base)
    }

    /// GET a path (absolute on the server): status and body.
    fn get(&self, path: &str) -> Result<(u16, Vec<u8>), String> {
        let mut stream =
            TcpStream::connect(&self.host).map_err(|e| format!("connect {}: {e}", self.host))?;
        let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.host
        )
        .map_err(|e| format!("send: {e}"))?;
        let mut raw = Vec::new();
        stream
            .read_to_end(&mut raw)
            .map_err(|e| format!("read {path}: {e}"))?;
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(raw.len());
        let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = raw[(split + 4).min(raw.len())..].to_vec();
        let body = if head.contains("transfer-encoding: chunked") {
            dechunk(&body)
        } else {
            body
        };
        Ok((status, body))
    }

    fn version(&self) -> u64 {
        self.get("/__bantin/version")
            .ok()
            .and_then(|(_, b)| String::from_utf8_lossy(&b).trim().parse().ok())
            .unwrap_or(0)
    }

    /// Waits until the server has been quiet (no output, same version) for 300 ms.
    fn settle(&mut self) {
        let mut version = self.version();
        loop {
            match self.lines.recv_timeout(Duration::from_millis(300)) {
                Ok(_) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            let now = self.version();
            if now == version {
                return;
            }
            version = now;
        }
    }

    /// Writes `text` to `path` and polls each probe's page every 2 ms until it is served with
    /// the probe's marker in it. The first probe gives the edit's latency, a second one its
    /// `list_latency`.
    fn timed_edit(
        &mut self,
        path: &Path,
        text: &str,
        probes: &[Probe],
        label: &str,
    ) -> Result<Edit, String> {
        self.settle();
        let before = self.version();
        let pages: Vec<String> = probes
            .iter()
            .map(|p| format!("{}{}", self.base, p.url))
            .collect();
        let mut seen: Vec<Option<Duration>> = vec![None; probes.len()];
        let written = Instant::now();
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let mut version_seen = None;
        loop {
            if version_seen.is_none() && self.version() != before {
                version_seen = Some(written.elapsed());
            }
            for ((page, probe), seen) in pages.iter().zip(probes).zip(&mut seen) {
                if seen.is_some() {
                    continue;
                }
                let (status, body) = self.get(page)?;
                if status == 200 && contains(&body, probe.marker.as_bytes()) {
                    *seen = Some(written.elapsed());
                }
            }
            if seen.iter().all(Option::is_some) {
                // The swap fell between this round's requests.
                if version_seen.is_none() && self.version() != before {
                    version_seen = seen.iter().flatten().max().copied();
                }
                break;
            }
            if written.elapsed() > Duration::from_secs(600) {
                let (page, probe) = pages
                    .iter()
                    .zip(probes)
                    .zip(&seen)
                    .find_map(|(pp, s)| s.is_none().then_some(pp))
                    .unwrap_or((&pages[0], &probes[0]));
                return Err(format!(
                    "{page} never showed {:?} after editing {}",
                    probe.marker,
                    path.display()
                ));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let latency = seen.first().copied().flatten().unwrap_or_default();
        let list_latency = seen.get(1).copied().flatten();
        // After an article edit the server swaps the pages in first and counts the build
        // finished (version) once the search index is remade on its side thread: wait for that,
        // so the next edit and the final comparison start from a finished build.
        let finish_by = Instant::now() + Duration::from_secs(120);
        while self.version() == before && Instant::now() < finish_by {
            std::thread::sleep(Duration::from_millis(5));
        }
        if version_seen.is_none() && self.version() != before {
            version_seen = Some(written.elapsed());
        }
        // The server prints its line right after it swaps the new pages in.
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut built = None;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok((at, line)) if at >= written => {
                    if let Some(b) = parse_built(&line) {
                        built = Some(b);
                        break;
                    }
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        Ok(Edit {
            article: label.to_string(),
            latency,
            list_latency,
            version_seen,
            rebuild_ms: built.map(|b| b.1),
            rerendered: built.map(|b| b.2),
        })
    }

    /// The server's peak resident memory (Linux only).
    fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&body[start..(start + size).min(body.len())]);
        body = &body[(start + size + 2).min(body.len())..];
    }
    out
}

/// The served page without what the dev server adds.
fn strip_injected(html: &[u8]) -> Vec<u8> {
    const START: &[u8] = b"<!--bantin-serve-->";
    const END: &[u8] = b"<!--/bantin-serve-->";
    let find = |needle: &[u8]| html.windows(needle.len()).position(|w| w == needle);
    match (find(START), find(END)) {
        (Some(a), Some(b)) if a < b => [&html[..a], &html[b + END.len()..]].concat(),
        _ => html.to_vec(),
    }
}

/// Builds the edited site cleanly (with the server's address) and compares served files with
/// it: the edited pages, the index pages, feeds and sitemap, and a spread sample of the rest
/// (or everything with --verify-all). Gives how many were compared and which differ.
fn verify(
    args: &Args,
    bantin: &Path,
    server: &Server,
    clean: &Path,
    site: &Path,
    edited: &[String],
) -> Result<(usize, Vec<String>), String> {
    let output = Command::new(bantin)
        .args(["build", "--quiet", "--source"])
        .arg(site)
        .arg("--output")
        .arg(clean)
        .arg("--base-url")
        .arg(server.url())
        .env("NO_COLOR", "1")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bantin.display()))?;
    if !output.status.success() {
        return Err(format!(
            "the clean build of the edited site failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let mut all: Vec<String> = walkdir::WalkDir::new(clean)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(clean)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        // The build's list of the files it wrote: an output folder's, not a page to serve.
        .filter(|f| f != bantin::output::MANIFEST)
        .collect();
    all.sort();
    let chosen: Vec<String> = if args.verify_all {
        all
    } else {
        let mut chosen: Vec<String> = [
            "index.html",
            "rss.xml",
            "atom.xml",
            "sitemap.xml",
            "tinh/index.html",
            "the/index.html",
            "chuyen-muc/index.html",
            "luu-tru/index.html",
            "404.html",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain(edited.iter().map(|u| format!("{u}index.html")))
        .collect();
        let stride = (all.len() / 60).max(1);
        chosen.extend(all.iter().step_by(stride).cloned());
        chosen.sort();
        chosen.dedup();
        chosen.retain(|f| all.binary_search(f).is_ok());
        chosen
    };
    let mut differing = Vec::new();
    for file in &chosen {
        let expected = std::fs::read(clean.join(file)).unwrap_or_default();
        let (status, body) = server.get(&format!("{}{file}", server.base))?;
        let served = if file.ends_with(".html") {
            strip_injected(&body)
        } else {
            body
        };
        if status != 200 || served != expected {
            differing.push(format!("{file} ({status})"));
        }
    }
    if !differing.is_empty() {
        // Tell a served file that is wrong from a clean build that is not reproducible: build
        // once more and see whether the clean builds agree with each other.
        let mut again = clean.as_os_str().to_owned();
        again.push("-again");
        let again = PathBuf::from(again);
        let output = Command::new(bantin)
            .args(["build", "--quiet", "--source"])
            .arg(site)
            .arg("--output")
            .arg(&again)
            .arg("--base-url")
            .arg(server.url())
            .env("NO_COLOR", "1")
            .output()
            .map_err(|e| format!("cannot run {}: {e}", bantin.display()))?;
        if output.status.success() {
            for entry in &mut differing {
                let file = entry.split(" (").next().unwrap_or_default();
                if std::fs::read(clean.join(file)).ok() != std::fs::read(again.join(file)).ok() {
                    entry.push_str(
                        " [two clean builds differ here too: bantin build is not deterministic]",
                    );
                }
            }
        }
    }
    Ok((chosen.len(), differing))
}

/// A value two others can be averaged into (the median of an even count).
pub(crate) trait Midpoint: Copy + Ord + Default {
    fn midpoint(self, other: Self) -> Self;
}

impl Midpoint for Duration {
    fn midpoint(self, other: Self) -> Self {
        (self + other) / 2
    }
}

impl Midpoint for u64 {
    fn midpoint(self, other: Self) -> Self {
        u64::midpoint(self, other)
    }
}

/// The middle value (the mean of the two middle ones for an even count); the default for none.
pub(crate) fn median<T: Midpoint>(values: &mut [T]) -> T {
    values.sort();
    let n = values.len();
    if n == 0 {
        T::default()
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        values[n / 2 - 1].midpoint(values[n / 2])
    }
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}

pub(crate) fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// 12345 → "12,345".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Measured {
    fn cold(&self) -> Duration {
        median(&mut self.cold_builds.clone())
    }
}

/// The edits' save-to-served times.
fn latencies(edits: &[Edit]) -> Vec<Duration> {
    edits.iter().map(|e| e.latency).collect()
}

/// The tag edits' save-to-list-page times.
fn list_latencies(edits: &[Edit]) -> Vec<Duration> {
    edits.iter().filter_map(|e| e.list_latency).collect()
}

fn max(values: &[Duration]) -> Duration {
    values.iter().copied().max().unwrap_or_default()
}

fn rss(kib: Option<u64>) -> String {
    kib.map_or("?".into(), |k| format!("{} MiB", k / 1024))
}

fn print_table(rows: &[Row]) {
    println!(
        "| articles | pages | cold build (median of {}) | serve startup | startup / cold build | body edit: median | body edit: max | front-matter edit: median | front-matter edit: max | tag edit: median | tag edit: max | new tag's page: median | serve peak RSS |",
        rows.first().map_or(0, |r| r.this.cold_builds.len())
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for row in rows {
        let m = &row.this;
        let cold = m.cold();
        let mut body = latencies(&m.body);
        let mut front = latencies(&m.front);
        let mut tag = latencies(&m.tag);
        println!(
            "| {} | {} | {} | {} | {:.2}× | {} | {} | {} | {} | {} | {} | {} | {} |",
            thousands(row.articles),
            thousands(m.pages),
            secs(cold),
            secs(m.startup),
            m.startup.as_secs_f64() / cold.as_secs_f64().max(1e-9),
            ms(median(&mut body)),
            ms(max(&body)),
            ms(median(&mut front)),
            ms(max(&front)),
            ms(median(&mut tag)),
            ms(max(&tag)),
            ms(median(&mut list_latencies(&m.tag))),
            rss(m.peak_rss_kib),
        );
    }
}

/// One line of the side-by-side report: how a value reads, and the number the change is
/// computed from (None: unknown).
struct Metric {
    name: String,
    shown: String,
    value: Option<f64>,
}

/// What the side-by-side report shows of one binary's measurements, in order.
fn metrics(m: &Measured) -> Vec<Metric> {
    let metric = |name: &str, shown: String, value: Option<f64>| Metric {
        name: name.to_string(),
        shown,
        value,
    };
    let time = |name: &str, d: Duration| metric(name, ms(d), Some(d.as_secs_f64()));
    let mut body = latencies(&m.body);
    let mut front = latencies(&m.front);
    let mut tag = latencies(&m.tag);
    let cold = m.cold();
    vec![
        metric("pages", thousands(m.pages), Some(m.pages as f64)),
        metric(
            &format!("cold build (median of {})", m.cold_builds.len()),
            secs(cold),
            Some(cold.as_secs_f64()),
        ),
        metric(
            "serve startup",
            secs(m.startup),
            Some(m.startup.as_secs_f64()),
        ),
        time("body edit: median", median(&mut body)),
        time("body edit: max", max(&body)),
        time("front-matter (title) edit: median", median(&mut front)),
        time("front-matter (title) edit: max", max(&front)),
        time("tag edit (article page): median", median(&mut tag)),
        time("tag edit (article page): max", max(&tag)),
        time(
            "tag edit (new tag's page): median",
            median(&mut list_latencies(&m.tag)),
        ),
        metric(
            "serve peak RSS",
            rss(m.peak_rss_kib),
            m.peak_rss_kib.map(|k| k as f64),
        ),
    ]
}

/// "+3.2 %", "-10.6 %": this build against the baseline.
fn change(baseline: Option<f64>, this: Option<f64>) -> String {
    match (baseline, this) {
        (Some(b), Some(t)) if b > 0.0 => format!("{:+.1} %", (t / b - 1.0) * 100.0),
        (Some(b), Some(t)) if b == t => "0 %".into(),
        _ => "?".into(),
    }
}

/// With --baseline: each size's medians (and maxima where said) for the baseline and this
/// build side by side, with the change.
fn print_comparison(rows: &[Row]) {
    println!("| articles | measure | baseline | this build | change |");
    println!("|---:|---|---:|---:|---:|");
    for row in rows {
        let Some(baseline) = &row.baseline else {
            continue;
        };
        for (i, (b, t)) in metrics(baseline)
            .into_iter()
            .zip(metrics(&row.this))
            .enumerate()
        {
            println!(
                "| {} | {} | {} | {} | {} |",
                if i == 0 {
                    thousands(row.articles)
                } else {
                    String::new()
                },
                t.name,
                b.shown,
                t.shown,
                change(b.value, t.value)
            );
        }
    }
}

/// Every cold build and every edit of one binary on one size; `who` names the binary when
/// there are two.
fn print_details(articles: usize, who: &str, m: &Measured) {
    let builds: Vec<String> = m.cold_builds.iter().map(|d| secs(*d)).collect();
    println!(
        "{} articles{}: cold builds {}; serve's initial build {} ms; {} served files equal to a clean build{}",
        thousands(articles),
        if who.is_empty() {
            String::new()
        } else {
            format!(", {who}")
        },
        builds.join(", "),
        m.initial_build_ms.map_or("?".into(), |ms| ms.to_string()),
        m.verified - m.differing.len(),
        if m.differing.is_empty() {
            String::new()
        } else {
            format!(", DIFFERENT: {}", m.differing.join(", "))
        }
    );
    for (kind, edits) in [
        ("body", &m.body),
        ("front-matter", &m.front),
        ("tag", &m.tag),
    ] {
        for edit in edits {
            println!(
                "  {kind} edit {}: served after {} ms{} (finished, search index in place, after {}; server rebuild {} ms, {} pages re-rendered)",
                edit.article,
                edit.latency.as_millis(),
                edit.list_latency.map_or(String::new(), |d| format!(
                    ", the new tag's page after {} ms",
                    d.as_millis()
                )),
                edit.version_seen
                    .map_or("?".into(), |d| format!("{} ms", d.as_millis())),
                edit.rebuild_ms.map_or("?".into(), |m| m.to_string()),
                edit.rerendered.map_or("?".into(), |r| r.to_string()),
            );
        }
    }
}

/// The machine, for the record: CPU, cores, memory, load when the run ended.
pub(crate) fn machine(bantin: &Path, version: &str) -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        })
        .map_or("?".into(), |k| format!("{:.1} GiB", k as f64 / 1048576.0));
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    format!(
        "{version} ({}); {cpu}, {cores} cores, {memory} RAM, load average {load}",
        bantin.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_added_in_each_form_the_corpus_writes() {
        let file =
            |front: &str| format!("---\ntitle: \"T\"\n{front}category: Tin tức\n---\n\nBody\n");
        assert_eq!(
            add_tag(&file("tags: [a, b c]\n"), "mới"),
            Some(file("tags: [a, b c, mới]\n"))
        );
        assert_eq!(
            add_tag(&file("tags: []\n"), "mới"),
            Some(file("tags: [mới]\n"))
        );
        assert_eq!(
            add_tag(&file("tags: a, b c\n"), "mới"),
            Some(file("tags: a, b c, mới\n"))
        );
        assert_eq!(
            add_tag(&file("tags:\n  - a\n  - b c\n"), "mới"),
            Some(file("tags:\n  - a\n  - b c\n  - mới\n"))
        );
        // A block at the end of the front matter, and `tags:` in the body is not the field.
        assert_eq!(
            add_tag("---\ntitle: T\ntags:\n- a\n---\ntags: x\n", "mới"),
            Some("---\ntitle: T\ntags:\n- a\n- mới\n---\ntags: x\n".to_string())
        );
        assert_eq!(add_tag("---\ntitle: T\n---\ntags: x\n", "mới"), None);
    }

    /// Every article of a generated site, with the tag added, reads in bantin with its tags
    /// and the new one.
    #[test]
    fn bantin_reads_the_added_tag_in_every_generated_article() {
        let vocabulary = crate::corpus::Vocabulary::from_dir(&crate::repo().join("content"))
            .unwrap_or_else(|e| panic!("{e}"));
        let corpus = crate::corpus::generate(60, 5, &vocabulary).unwrap_or_else(|e| panic!("{e}"));
        // All three forms are there: `[a, b]`, `- a` lines, `a, b`.
        let texts: Vec<&str> = corpus.files.iter().map(|(_, t)| t.as_str()).collect();
        for form in ["\ntags: [", "\ntags:\n", "\ntags: "] {
            let has = |t: &&str| {
                t.split(form)
                    .nth(1)
                    .is_some_and(|rest| form != "\ntags: " || !rest.starts_with('['))
            };
            assert!(texts.iter().any(has), "no article with {form:?}");
        }
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        corpus.write(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let tag = "thẻ mới đo thử 1";
        for article in &corpus.articles {
            let path = dir.path().join(&article.path);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let edited = add_tag(&text, tag).unwrap_or_else(|| panic!("no tags in {text}"));
            std::fs::write(&path, edited).unwrap_or_else(|e| panic!("{e}"));
        }
        let options = bantin::build::Options {
            source: dir.path().to_path_buf(),
            ..Default::default()
        };
        let compiled = bantin::build::compile(&options).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(compiled.index.articles.len(), corpus.articles.len());
        for read in &compiled.index.articles {
            let meant = corpus
                .articles
                .iter()
                .find(|a| a.meta.slug == read.slug)
                .unwrap_or_else(|| panic!("no article {}", read.slug));
            let mut expected = meant.meta.tags.clone();
            expected.push(tag.to_string());
            assert_eq!(read.tags, expected, "{}", meant.path.display());
        }
    }

    #[test]
    fn change_against_the_baseline() {
        assert_eq!(change(Some(2.0), Some(1.5)), "-25.0 %");
        assert_eq!(change(Some(200.0), Some(203.0)), "+1.5 %");
        assert_eq!(change(Some(0.0), Some(0.0)), "0 %");
        assert_eq!(change(Some(0.0), Some(1.0)), "?");
        assert_eq!(change(None, Some(1.0)), "?");
    }
}
