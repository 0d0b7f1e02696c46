//! Shared test helpers: takes fixture folders and command lines, gives runs of the `bantin`
//! binary (exit code + ANSI-free output), throwaway copies of sites, comparable snapshots of
//! folder trees, and the paths of the external checkers (vnu.jar, java, node, Chromium, the
//! Python feed and sitemap checkers).

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// The repository root; the sample site lives here too (site.toml + content/).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What one run of a command left behind.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The exit code; -1 when the process died from a signal (a crash, never a clean exit).
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// The whole run, for assertion messages: a failing test should show what the user saw.
    pub fn transcript(&self) -> String {
        format!(
            "exit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}\n--------------",
            self.code, self.stdout, self.stderr
        )
    }
}

/// The language of bantin's messages in the tests that read its wording: English, which the
/// tests were written in. Vietnamese, what people see by default, is checked by the error
/// goldens (tests/fixtures/errors/*/expected.vi.stderr), `bantin_in` and the browser's overlay test.
pub const TEST_LANG: &str = "en";

/// Runs the `bantin` binary built for these tests with `args`, in `cwd`, without colours, with
/// its messages in English (`TEST_LANG`).
pub fn bantin<I, S>(cwd: &Path, args: I) -> Outcome
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    bantin_in(TEST_LANG, cwd, args)
}

/// The `bantin` binary built for these tests, with its messages in `lang`
/// (`BANTIN_MESSAGES`; an empty `lang` leaves the variable unset, as on a new user's machine).
pub fn bantin_command(lang: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bantin"));
    if lang.is_empty() {
        command.env_remove("BANTIN_MESSAGES");
    } else {
        command.env("BANTIN_MESSAGES", lang);
    }
    command
}

/// Runs the `bantin` binary with its messages in `lang` (`BANTIN_MESSAGES`; an empty `lang`
/// leaves the variable unset, as on a new user's machine).
pub fn bantin_in<I, S>(lang: &str, cwd: &Path, args: I) -> Outcome
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = bantin_command(lang);
    command
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env(DECAP_ENV, decap_tarball());
    run(command)
}

/// The variable that names the Decap CMS tarball bantin takes the CMS's script from.
pub const DECAP_ENV: &str = "BANTIN_DECAP_TARBALL";

/// The pinned Decap CMS tarball tests/setup.sh packs into tests/tools. Every run of bantin in
/// the tests is pointed at it, so no test reaches the npm registry: without it (setup not run)
/// a site with a CMS fails to build, saying the file is missing, instead of downloading.
pub fn decap_tarball() -> PathBuf {
    tools().join(format!("decap-cms-{}.tgz", bantin::cms::decap::VERSION))
}

/// Runs any command to completion and captures it; a command that cannot start fails the test.
pub fn run(mut command: Command) -> Outcome {
    let output = command
        .output()
        .unwrap_or_else(|err| panic!("could not start {command:?}: {err}"));
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: strip_ansi(&String::from_utf8_lossy(&output.stdout)),
        stderr: strip_ansi(&String::from_utf8_lossy(&output.stderr)),
    }
}

/// Removes terminal escape sequences (colours, cursor moves, OSC 8 hyperlinks), so assertions
/// and snapshots see the plain text even if a colour switch slipped through.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            // CSI: parameters and intermediates, then one final byte in @..~.
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            // OSC: up to BEL or ST (ESC \).
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' {
                        break;
                    }
                    if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            // Any other escape is two characters long.
            _ => {}
        }
    }
    out
}

/// A site copied into a fresh temporary folder: `root` is `<tmp>/site`, so siblings such as
/// `<tmp>/out` stay outside the site. The folder is removed when this is dropped.
pub struct TempSite {
    pub tmp: TempDir,
    pub root: PathBuf,
}

impl TempSite {
    /// A sibling of the site folder inside the same temporary folder.
    pub fn sibling(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }
}

/// Copies `tests/fixtures/<rel>` into a temporary folder; files named in `skip` (by file name,
/// e.g. the `expected.*.stderr` goldens) are left out.
pub fn copy_fixture(rel: &str, skip: &[&str]) -> TempSite {
    let from = repo().join("tests/fixtures").join(rel);
    assert!(from.is_dir(), "fixture {} does not exist", from.display());
    let site = empty_site();
    copy_tree(&from, &site.root, skip);
    site
}

/// A fresh temporary folder with an empty `site/` inside.
pub fn empty_site() -> TempSite {
    let tmp = tempfile::Builder::new()
        .prefix("bantin-it-")
        .tempdir()
        .unwrap_or_else(|err| panic!("cannot create a temporary folder: {err}"));
    let root = tmp.path().join("site");
    fs::create_dir(&root).unwrap_or_else(|err| panic!("cannot create {}: {err}", root.display()));
    TempSite { tmp, root }
}

/// Copies the folder `from` into `to` (created if needed), recursively.
pub fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    fs::create_dir_all(to).unwrap_or_else(|err| panic!("cannot create {}: {err}", to.display()));
    for entry in read_dir_sorted(from) {
        let name = entry.file_name().unwrap_or_default();
        if skip.iter().any(|s| OsStr::new(s) == name) {
            continue;
        }
        let target = to.join(name);
        if entry.is_dir() {
            copy_tree(&entry, &target, skip);
        } else {
            fs::copy(&entry, &target).unwrap_or_else(|err| {
                panic!(
                    "cannot copy {} to {}: {err}",
                    entry.display(),
                    target.display()
                )
            });
        }
    }
}

/// The entries of a folder, sorted, so every walk is deterministic.
pub fn read_dir_sorted(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        .map(|entry| {
            entry
                .map(|e| e.path())
                .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        })
        .collect();
    entries.sort();
    entries
}

/// Writes `contents` to `path`, creating parent folders.
/// A real JPEG photo of `width`×`height` (a gradient), for sites whose images the build reads.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width.max(1)) as u8,
            (y * 255 / height.max(1)) as u8,
            128,
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 85)
        .encode_image(&pixels)
        .expect("encode a test JPEG");
    bytes
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .unwrap_or_else(|err| panic!("cannot create {}: {err}", parent.display()));
    }
    fs::write(path, contents)
        .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
}

/// Reads a UTF-8 file or fails the test naming it.
pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

/// One entry of a [`Tree`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Dir,
    File(Vec<u8>),
    Link(PathBuf),
}

/// Everything under a folder — every path (forward slashes, relative) with its kind and bytes —
/// so "left exactly as it was" and "byte-identical" are plain equality, and a difference can
/// be listed file by file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree(pub BTreeMap<String, Node>);

impl Tree {
    pub fn of(root: &Path) -> Tree {
        let mut nodes = BTreeMap::new();
        walk(root, root, &mut nodes);
        Tree(nodes)
    }

    /// A site's own files: `of` without the caches bantin keeps in the site's folder
    /// (`.bantin-cache/`: the photos' encodes, the CMS's script), which every command that
    /// compiles the site may fill.
    pub fn sources(root: &Path) -> Tree {
        let mut tree = Tree::of(root);
        tree.0
            .retain(|path, _| path != ".bantin-cache" && !path.starts_with(".bantin-cache/"));
        tree
    }

    /// The relative paths of all files (not folders), sorted.
    pub fn files(&self) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(_, node)| matches!(node, Node::File(_)))
            .map(|(path, _)| path.as_str())
            .collect()
    }

    /// A short fingerprint (64-bit FNV-1a over paths, kinds and bytes) for messages.
    pub fn digest(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for b in bytes {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for (path, node) in &self.0 {
            feed(path.as_bytes());
            match node {
                Node::Dir => feed(b"\0dir\0"),
                Node::File(bytes) => {
                    feed(b"\0file\0");
                    feed(&(bytes.len() as u64).to_le_bytes());
                    feed(bytes);
                }
                Node::Link(target) => {
                    feed(b"\0link\0");
                    feed(target.as_os_str().as_encoded_bytes());
                }
            }
        }
        format!("{hash:016x}")
    }

    /// What changed from `self` to `other`, one line per path; empty when equal.
    pub fn diff(&self, other: &Tree) -> Vec<String> {
        let mut lines = Vec::new();
        for (path, node) in &self.0 {
            match other.0.get(path) {
                None => lines.push(format!("- {path} (gone)")),
                Some(new) if new != node => lines.push(format!("~ {path} (changed)")),
                Some(_) => {}
            }
        }
        for path in other.0.keys() {
            if !self.0.contains_key(path) {
                lines.push(format!("+ {path} (new)"));
            }
        }
        lines
    }

    /// Fails the test with the list of differences unless both trees are equal.
    pub fn assert_same(&self, other: &Tree, what: &str) {
        let diff = self.diff(other);
        if !diff.is_empty() {
            let mut message = format!(
                "{what}: trees differ ({} vs {}), {} paths:\n",
                self.digest(),
                other.digest(),
                diff.len()
            );
            for line in diff.iter().take(40) {
                let _ = writeln!(message, "  {line}");
            }
            panic!("{message}");
        }
    }
}

fn walk(root: &Path, dir: &Path, nodes: &mut BTreeMap<String, Node>) {
    for path in read_dir_sorted(dir) {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let meta = fs::symlink_metadata(&path)
            .unwrap_or_else(|err| panic!("cannot stat {}: {err}", path.display()));
        if meta.file_type().is_symlink() {
            let target = fs::read_link(&path).unwrap_or_default();
            nodes.insert(rel, Node::Link(target));
        } else if meta.is_dir() {
            nodes.insert(rel, Node::Dir);
            walk(root, &path, nodes);
        } else {
            let bytes = fs::read(&path)
                .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
            nodes.insert(rel, Node::File(bytes));
        }
    }
}

const SETUP_HINT: &str = "run `bash tests/setup.sh` (as root) to install the test tools";

/// The Nu HTML Checker jar installed by tests/setup.sh.
pub fn vnu_jar() -> PathBuf {
    let jar = repo().join("tests/tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(jar.is_file(), "{} is missing: {SETUP_HINT}", jar.display());
    jar
}

/// The folder of the test tools: the Python checkers, their venv, the npm packages.
pub fn tools() -> PathBuf {
    repo().join("tests/tools")
}

/// The Python of the venv tests/setup.sh creates for the feed and sitemap checkers.
pub fn python() -> PathBuf {
    let python = tools().join(".venv/bin/python");
    assert!(
        python.is_file(),
        "{} is missing: {SETUP_HINT}",
        python.display()
    );
    python
}

/// Runs one of the Python checkers in tests/tools (`check_feeds.py`, `check_sitemap.py`).
pub fn python_checker<I, S>(script: &str, args: I) -> Outcome
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(python());
    command
        .arg(tools().join(script))
        .args(args)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONUTF8", "1");
    run(command)
}

/// The sitemaps.org urlset schema shipped by the pinned npm `sitemap` package, and the index
/// schema of tests/tools built on it, as `check_sitemap.py` arguments.
pub fn sitemap_schema_args() -> Vec<PathBuf> {
    let urlset = tools().join("node_modules/sitemap/schema/sitemap.xsd");
    assert!(
        urlset.is_file(),
        "{} is missing: {SETUP_HINT}",
        urlset.display()
    );
    vec![
        PathBuf::from("--schema"),
        urlset,
        PathBuf::from("--index-schema"),
        tools().join("siteindex.xsd"),
    ]
}

/// The Nu HTML Checker on every HTML file below `out`, errors only.
pub fn vnu(out: &Path) -> Outcome {
    let mut command = Command::new(java());
    command
        .arg("-Xss4m")
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(out);
    run(command)
}

/// `check_sitemap.py` on `out` with the sitemaps.org schemas.
pub fn sitemap_checker(out: &Path, base_url: &str) -> Outcome {
    let mut args = vec![OsStr::new("--base-url").to_owned(), base_url.into()];
    args.extend(
        sitemap_schema_args()
            .into_iter()
            .map(PathBuf::into_os_string),
    );
    args.push(out.as_os_str().to_owned());
    python_checker("check_sitemap.py", args)
}

/// `check_feeds.py` on `out` as a finished site is checked: every date in +07:00, home feeds
/// in both formats, and a feed for every province, tag and category list.
pub fn feed_checker(out: &Path, base_url: &str) -> Outcome {
    python_checker(
        "check_feeds.py",
        [
            OsStr::new("--base-url"),
            OsStr::new(base_url),
            OsStr::new("--offset"),
            OsStr::new("+07:00"),
            OsStr::new("--require"),
            OsStr::new("rss.xml"),
            OsStr::new("--require"),
            OsStr::new("atom.xml"),
            OsStr::new("--lists"),
            OsStr::new("tinh,the,chuyen-muc"),
            out.as_os_str(),
        ],
    )
}

/// `java` from PATH.
pub fn java() -> PathBuf {
    on_path("java")
}

/// `node` from PATH, with the pinned playwright-core beside the browser script.
pub fn node() -> PathBuf {
    let playwright = repo().join("tests/tools/node_modules/playwright-core/package.json");
    assert!(
        playwright.is_file(),
        "{} is missing: {SETUP_HINT}",
        playwright.display()
    );
    on_path("node")
}

/// Debian's Chromium; the browser tests never fall back to a downloaded build.
pub fn chromium() -> PathBuf {
    let path = PathBuf::from("/usr/bin/chromium");
    assert!(
        path.is_file(),
        "{} is missing: {SETUP_HINT}",
        path.display()
    );
    path
}

fn on_path(name: &str) -> PathBuf {
    let paths = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&paths)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("`{name}` is not on PATH: {SETUP_HINT}"))
}

/// A test site's site.toml: the given settings (title, base_url, menu…) followed by the legal
/// footer block every site needs. Tables in `settings` must come last; the block is appended.
pub fn site_toml(settings: &str) -> String {
    format!(
        "{settings}\n[organization]\nname = \"Liên hiệp thử nghiệm\"\nparent = \"Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ\"\naddress = \"Số 1 đường Thử\"\nphone = \"0292 0000 000\"\nemail = \"lh@example.org\"\neditor = \"Trần Văn B\"\n"
    )
}

/// A copy of the repository's sample site (its sources only) in a fresh temporary folder, for
/// tests that edit it.
pub fn copy_sample_site() -> TempSite {
    let site = empty_site();
    for part in ["site.toml", "content", "static", "templates", "themes"] {
        let from = repo().join(part);
        if from.is_dir() {
            copy_tree(&from, &site.root.join(part), &[]);
        } else if from.is_file() {
            write(&site.root.join(part), fs::read(&from).unwrap_or_default());
        }
    }
    site
}

/// Replaces the first `from` in a file with `to`; the file must contain it.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(
        text.contains(from),
        "{} does not contain {from:?}",
        path.display()
    );
    write(path, text.replacen(from, to, 1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_ansi_removes_escapes_and_keeps_text() {
        let cases = [
            ("plain", "plain"),
            ("\u{1b}[31mđỏ\u{1b}[0m", "đỏ"),
            ("\u{1b}[1;38;5;12m×\u{1b}[0m lỗi", "× lỗi"),
            ("\u{1b}]8;;file:///a\u{1b}\\a.md\u{1b}]8;;\u{1b}\\", "a.md"),
            ("x\u{1b}]0;title\u{7}y", "xy"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_ansi(input), want, "input {input:?}");
        }
    }

    #[test]
    fn tree_diff_lists_every_change() {
        let site = empty_site();
        write(&site.root.join("a.txt"), "một");
        write(&site.root.join("d/b.txt"), "hai");
        let before = Tree::of(&site.root);
        assert!(before.diff(&Tree::of(&site.root)).is_empty());
        write(&site.root.join("a.txt"), "ba");
        fs::remove_file(site.root.join("d/b.txt")).unwrap_or_else(|e| panic!("{e}"));
        write(&site.root.join("c.txt"), "bốn");
        let after = Tree::of(&site.root);
        assert_eq!(
            before.diff(&after),
            ["~ a.txt (changed)", "- d/b.txt (gone)", "+ c.txt (new)"]
        );
        assert_ne!(before.digest(), after.digest());
        assert_eq!(after.files(), ["a.txt", "c.txt"]);
    }
}
