//! Takes the rendered pages (`Output`) and static files (`Origin`: where their bytes come from)
//! and gives the output folder. Everything is written to a staging folder beside the output
//! first; only a complete build is swapped in, so a failed or interrupted build never leaves a
//! half-written site and the previous output stays as it was.
//!
//! bantin only ever replaces or removes files that it wrote itself. Each build leaves a list of
//! the files it wrote in the output (the manifest, [`MANIFEST`]); the next build removes only
//! files on that list, and refuses an output folder holding anything else unless asked to keep
//! those files (they are then left exactly as they are).

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::SOURCE_DIRS;
use crate::messages::{Arg, Lang, Message};
use crate::msg;

/// A file of the site: its path below the output folder and its bytes.
#[derive(Clone)]
pub struct Output {
    pub path: String,
    /// Shared, so the dev server can keep an unchanged page from one build to the next.
    pub bytes: std::sync::Arc<[u8]>,
}

/// Its path and size: the bytes would fill a test's failure message.
impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output")
            .field("path", &self.path)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum Origin {
    Disk(PathBuf),
    BuiltIn(&'static [u8]),
}

/// The list of files bantin wrote, kept at the root of the output folder. It is published with
/// the site (it holds only the names of the site's own public files).
pub const MANIFEST: &str = ".bantin-manifest.json";

/// Files that file browsers leave in any folder they show (Finder, Windows Explorer). They are
/// neither bantin's nor a reason to refuse a folder: they are left alone.
const SYSTEM_FILES: &[&str] = &[".DS_Store", "Thumbs.db", "desktop.ini"];

/// How many files bantin did not write an error message names before "and N more".
const NAMED: usize = 5;

/// Why the output folder could not be written. `Display` is the English text; `message` and
/// `help_message` give it in any language.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{}", Lang::En.text(&self.message()))]
    Io {
        action: Action,
        path: PathBuf,
        source: io::Error,
    },
    /// `why` is a message (`build-unsafe-…`).
    #[error("{}", Lang::En.text(&self.message()))]
    Unsafe { path: PathBuf, why: Message },
    /// The output folder holds files that bantin did not write (or cannot tell that it did).
    #[error("{}", Lang::En.text(&self.message()))]
    Foreign {
        path: PathBuf,
        /// The first few of them, sorted.
        files: Vec<String>,
        total: usize,
        /// Whether the folder has a manifest (else: an older bantin's output, or not an output).
        manifest: bool,
    },
    /// A file of the build would replace a file bantin did not write, or need its place.
    #[error("{}", Lang::En.text(&self.message()))]
    WouldReplace {
        path: PathBuf,
        files: Vec<String>,
        total: usize,
    },
}

/// What bantin was doing with a file when the system refused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Read,
    Write,
    Copy,
    List,
    Clear,
    Remove,
    MoveAside,
    /// Move the new build into the output folder's place.
    MoveIn,
    MoveIntoPlace,
    RemoveOldBuild,
    RemoveLeftover,
}

impl Action {
    /// The key of the action in `build-output-io`'s selector.
    fn key(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Read => "read",
            Action::Write => "write",
            Action::Copy => "copy",
            Action::List => "list",
            Action::Clear => "clear",
            Action::Remove => "remove",
            Action::MoveAside => "move-aside",
            Action::MoveIn => "move-in",
            Action::MoveIntoPlace => "move-into-place",
            Action::RemoveOldBuild => "remove-old-build",
            Action::RemoveLeftover => "remove-leftover",
        }
    }
}

impl OutputError {
    /// What went wrong, in a sentence.
    pub fn message(&self) -> Message {
        match self {
            OutputError::Io {
                action,
                path,
                source,
            } => msg!(
                "build-output-io",
                action = action.key(),
                path = path.display().to_string(),
                error = source.to_string()
            ),
            OutputError::Unsafe { path, why } => msg!(
                "build-output-unsafe",
                path = path.display().to_string(),
                why = why.clone()
            ),
            OutputError::Foreign {
                path, files, total, ..
            } => msg!(
                "build-output-foreign",
                path = path.display().to_string(),
                total = *total,
                files = listing(files, *total)
            ),
            OutputError::WouldReplace { path, files, total } => msg!(
                "build-output-would-replace",
                path = path.display().to_string(),
                total = *total,
                files = listing(files, *total)
            ),
        }
    }

    /// How to get past the error, for the `help:` line.
    pub fn help_message(&self) -> Option<Message> {
        match self {
            OutputError::Foreign { manifest: true, .. } => {
                Some(msg!("build-output-foreign-help", manifest = MANIFEST))
            }
            OutputError::Foreign {
                manifest: false, ..
            } => Some(msg!(
                "build-output-foreign-no-manifest-help",
                manifest = MANIFEST
            )),
            OutputError::WouldReplace { .. } => Some(msg!("build-output-would-replace-help")),
            OutputError::Unsafe { .. } => Some(msg!("build-output-unsafe-help")),
            OutputError::Io { .. } => None,
        }
    }

    /// The `help:` line in English (`help_message` in any language).
    pub fn help(&self) -> Option<String> {
        self.help_message().map(|m| Lang::En.text(&m))
    }
}

/// The files named, and how many more there are.
fn listing(files: &[String], total: usize) -> Arg {
    let text = files.join(", ");
    if total > files.len() {
        msg!(
            "build-output-and-more",
            files = text,
            more = total - files.len()
        )
        .into()
    } else {
        text.into()
    }
}

fn io_err<'p>(action: Action, path: &'p Path) -> impl FnOnce(io::Error) -> OutputError + use<'p> {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// What to do with files in the output folder that bantin did not write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Foreign {
    /// Refuse the folder (the default).
    #[default]
    Refuse,
    /// Build beside them and leave them exactly as they are.
    Keep,
}

/// A build in progress. Files go to a staging folder beside `target` (same filesystem, so moving
/// them in is a rename), from any number of threads at once; `commit` moves them in.
///
/// Two ways, chosen by what is already there:
/// - **fresh** (no output yet, or an empty folder): everything is staged, and the staging folder
///   is renamed into place in one step;
/// - **update** (an earlier build is there): a file whose bytes equal the file already in the
///   output is not written at all, so it keeps its time stamp and an upload tool (rsync, S3 sync,
///   a CDN) sees only what really changed. Changed and new files are staged; `commit` renames
///   each into place (each file appears whole) and then removes the files of the last build
///   that this build no longer makes.
///
/// Either way, nothing reaches the output before `commit`: a build that fails, or is dropped,
/// leaves the previous output exactly as it was. And either way, only files bantin wrote are
/// ever replaced or removed (see [`MANIFEST`]).
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    mode: Mode,
    foreign: Foreign,
    /// Every path this build makes, and (update mode) which of them were staged (changed).
    made: Mutex<Made>,
    /// Files written to the staging folder.
    staged: AtomicUsize,
    /// Staging folders of earlier, interrupted builds that were removed.
    leftovers: usize,
    committed: bool,
}

enum Mode {
    Fresh,
    Update {
        /// The files the last build wrote, from its manifest; `None` when there is none.
        previous: Option<HashSet<String>>,
        /// Every file (and link) now in the output, but the manifest.
        present: HashSet<String>,
    },
}

#[derive(Default)]
struct Made {
    all: HashSet<String>,
    staged: Vec<String>,
}

/// What `commit` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Files written (new or changed).
    pub changed: usize,
    /// Files left alone because their bytes were already there.
    pub unchanged: usize,
    /// Files of the previous build that this build no longer makes, removed.
    pub removed: usize,
    /// Files bantin did not write, left untouched (with [`Foreign::Keep`]).
    pub kept: usize,
    /// Staging folders that earlier, interrupted builds left beside the output, removed.
    pub leftovers: usize,
}

/// The manifest's contents.
#[derive(serde::Serialize, serde::Deserialize)]
struct Manifest {
    about: String,
    generator: String,
    files: BTreeSet<String>,
}

impl Staging {
    /// Prepares a staging folder beside `target`, after checking that `target` may be written:
    /// it must not hold or lie inside the site's sources, and (unless `foreign` is `Keep`) an
    /// earlier build's folder must hold only files that build wrote. Staging folders left by
    /// interrupted builds are removed.
    pub fn new(target: &Path, site_root: &Path, foreign: Foreign) -> Result<Staging, OutputError> {
        check_target(target, site_root)?;
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(io_err(Action::Create, parent))?;
        let name = target
            .file_name()
            .map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let mode = Self::mode(target, foreign)?;
        let leftovers = remove_leftovers(parent, &name)?;
        let staging = parent.join(format!(".{name}.bantin-tmp-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(io_err(Action::Clear, &staging))?;
        }
        fs::create_dir_all(&staging).map_err(io_err(Action::Create, &staging))?;
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
            mode,
            foreign,
            made: Mutex::new(Made::default()),
            staged: AtomicUsize::new(0),
            leftovers,
            committed: false,
        })
    }

    /// Fresh or update; in update mode, what the folder holds and what the last build wrote.
    fn mode(target: &Path, foreign: Foreign) -> Result<Mode, OutputError> {
        let meta = match fs::symlink_metadata(target) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Mode::Fresh),
            Err(e) => return Err(io_err(Action::Read, target)(e)),
        };
        // A link to a folder is written through (the folder it points to is the output).
        let is_dir = meta.is_dir() || (meta.is_symlink() && target.is_dir());
        if !is_dir {
            return Err(OutputError::Unsafe {
                path: target.to_path_buf(),
                why: msg!("build-unsafe-is-file"),
            });
        }
        let empty = fs::read_dir(target)
            .map_err(io_err(Action::List, target))?
            .next()
            .is_none();
        if empty && meta.is_dir() {
            return Ok(Mode::Fresh);
        }
        let present = list_files(target)?;
        let previous = read_manifest(target);
        if let Some(previous) = &previous
            && foreign == Foreign::Refuse
        {
            let strangers: Vec<&String> =
                present.iter().filter(|p| !previous.contains(*p)).collect();
            if !strangers.is_empty() {
                return Err(foreign_error(target, strangers, true));
            }
        }
        Ok(Mode::Update { previous, present })
    }

    /// The files of the output folder that bantin did not write and keeps (`Foreign::Keep`):
    /// they stay published beside the build. Without a manifest, every file there counts (the
    /// ones the build makes again are replaced, the others kept).
    pub fn kept(&self) -> Vec<String> {
        match &self.mode {
            Mode::Update { previous, present } if self.foreign == Foreign::Keep => present
                .iter()
                .filter(|p| previous.as_ref().is_none_or(|prev| !prev.contains(*p)))
                .cloned()
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether an earlier build is being updated (rather than a fresh output written).
    pub fn updates(&self) -> bool {
        matches!(self.mode, Mode::Update { .. })
    }

    fn check(rel: &str) -> Result<(), OutputError> {
        if rel.is_empty()
            || rel.starts_with('/')
            || rel
                .split('/')
                .any(|part| part == ".." || part == "." || part.is_empty())
        {
            return Err(OutputError::Unsafe {
                path: PathBuf::from(rel),
                why: msg!("build-unsafe-outside"),
            });
        }
        if rel == MANIFEST {
            return Err(OutputError::Unsafe {
                path: PathBuf::from(rel),
                why: msg!("build-unsafe-manifest", manifest = MANIFEST),
            });
        }
        Ok(())
    }

    /// Stages one file; in update mode, only when its bytes differ from the output's.
    pub fn write(&self, output: &Output) -> Result<(), OutputError> {
        self.put(&output.path, &output.bytes)
    }

    /// Records that the build makes `rel`; false when it is already there with these bytes
    /// (and may stay), true when it must be staged.
    fn record(&self, rel: &str, bytes: Option<&[u8]>) -> Result<bool, OutputError> {
        Self::check(rel)?;
        let unchanged = match (&self.mode, bytes) {
            (Mode::Update { previous, present }, Some(bytes)) => {
                // A file bantin did not write is never taken over, even with the same bytes.
                let ours = previous.as_ref().is_none_or(|p| p.contains(rel));
                ours && present.contains(rel) && same_bytes(&self.target.join(rel), bytes)
            }
            _ => false,
        };
        let mut made = self.lock();
        if !made.all.insert(rel.to_string()) {
            return Err(OutputError::Unsafe {
                path: PathBuf::from(rel),
                why: msg!("build-unsafe-duplicate"),
            });
        }
        if !unchanged && self.updates() {
            made.staged.push(rel.to_string());
        }
        Ok(!unchanged)
    }

    /// Like `write`, for a path and bytes.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        if !self.record(rel, Some(bytes))? {
            return Ok(());
        }
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err(Action::Create, dir))?;
        }
        fs::write(&path, bytes).map_err(io_err(Action::Write, &path))?;
        self.staged.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Stages a static file.
    pub fn copy(&self, rel: &str, origin: &Origin) -> Result<(), OutputError> {
        match origin {
            Origin::BuiltIn(bytes) => self.put(rel, bytes),
            Origin::Disk(src) if self.updates() => {
                let bytes = fs::read(src).map_err(io_err(Action::Read, src))?;
                self.put(rel, &bytes)
            }
            Origin::Disk(src) => {
                self.record(rel, None)?;
                let path = self.staging.join(rel);
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir).map_err(io_err(Action::Create, dir))?;
                }
                fs::copy(src, &path).map_err(io_err(Action::Copy, src))?;
                self.staged.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Made> {
        // A panic while holding the lock leaves plain data behind; it is still usable.
        self.made.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Moves the staged build in.
    pub fn commit(mut self) -> Result<Written, OutputError> {
        let mut written = if self.updates() {
            self.commit_update()?
        } else {
            self.commit_fresh()?
        };
        written.leftovers = self.leftovers;
        self.committed = true;
        Ok(written)
    }

    /// Fresh: the staging folder, with its manifest, becomes the output. An empty old folder is
    /// moved aside first and put back if the swap fails.
    fn commit_fresh(&mut self) -> Result<Written, OutputError> {
        let changed = self.staged.load(Ordering::Relaxed);
        let made = std::mem::take(&mut self.lock().all);
        write_manifest(&self.staging, made.iter().map(String::as_str))?;
        let old = self.staging.with_file_name(format!(
            "{}-old",
            self.staging
                .file_name()
                .map_or("x".into(), |n| n.to_string_lossy().into_owned())
        ));
        let had_old = self.target.exists();
        if had_old {
            if old.exists() {
                fs::remove_dir_all(&old).map_err(io_err(Action::Clear, &old))?;
            }
            fs::rename(&self.target, &old).map_err(io_err(Action::MoveAside, &self.target))?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(OutputError::Io {
                action: Action::MoveIn,
                path: self.target.clone(),
                source: e,
            });
        }
        if had_old {
            // Only ever an empty folder (see `mode`).
            fs::remove_dir(&old).map_err(io_err(Action::RemoveOldBuild, &old))?;
        }
        Ok(Written {
            changed,
            ..Written::default()
        })
    }

    /// Update: checks that nothing bantin did not write is in the way, then renames each staged
    /// file into place and removes what the last build made and this one does not (files, then
    /// folders left empty). The manifest always lists at least the files of bantin's on disk, so
    /// a build interrupted half-way is cleaned up by the next one.
    fn commit_update(&mut self) -> Result<Written, OutputError> {
        let Mode::Update { previous, present } = &self.mode else {
            return Ok(Written::default());
        };
        let made = std::mem::take(&mut *self.lock());
        // What bantin may replace or remove: what the last build listed, or, for an output
        // without a manifest (an older bantin's), the files this build makes again.
        let owned: HashSet<&String> = match previous {
            Some(previous) => previous.iter().collect(),
            None => present.iter().filter(|p| made.all.contains(*p)).collect(),
        };
        let strangers: Vec<&String> = present.iter().filter(|p| !owned.contains(p)).collect();
        if !strangers.is_empty() && self.foreign == Foreign::Refuse {
            return Err(foreign_error(&self.target, strangers, previous.is_some()));
        }
        let kept = strangers.len();
        let strangers: HashSet<&str> = strangers.into_iter().map(String::as_str).collect();
        let blocked = in_the_way(&made.all, &strangers);
        if !blocked.is_empty() {
            let total = blocked.len();
            return Err(OutputError::WouldReplace {
                path: self.target.clone(),
                files: blocked.into_iter().take(NAMED).collect(),
                total,
            });
        }

        let interim = owned
            .iter()
            .map(|p| p.as_str())
            .filter(|p| present.contains(*p))
            .chain(made.all.iter().map(String::as_str));
        self.put_manifest(interim)?;

        let mut staged = made.staged;
        staged.sort_unstable();
        let mut removed = 0;
        for rel in &staged {
            let dest = self.target.join(rel);
            removed += make_room(&self.target, &dest)?;
            let from = self.staging.join(rel);
            fs::rename(&from, &dest).map_err(io_err(Action::MoveIntoPlace, &dest))?;
        }
        let mut gone: Vec<&&String> = owned.iter().filter(|p| !made.all.contains(**p)).collect();
        gone.sort_unstable();
        let mut emptied = HashSet::new();
        for rel in gone {
            if Self::check(rel).is_err() || through_link(&self.target, rel) {
                continue; // a damaged manifest never makes bantin remove anything outside
            }
            let path = self.target.join(rel.as_str());
            match fs::symlink_metadata(&path) {
                Ok(meta) if !meta.is_dir() => {
                    fs::remove_file(&path).map_err(io_err(Action::Remove, &path))?;
                    removed += 1;
                    if let Some(parent) = path.parent() {
                        emptied.insert(parent.to_path_buf());
                    }
                }
                _ => {}
            }
        }
        // Folders left empty go too, deepest first; a folder that still holds something stays.
        let mut emptied: Vec<PathBuf> = emptied.into_iter().collect();
        emptied.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
        for dir in emptied {
            for dir in dir.ancestors().take_while(|d| *d != self.target) {
                if fs::remove_dir(dir).is_err() {
                    break;
                }
            }
        }
        self.put_manifest(made.all.iter().map(String::as_str))?;
        fs::remove_dir_all(&self.staging).map_err(io_err(Action::Remove, &self.staging))?;
        Ok(Written {
            changed: staged.len(),
            unchanged: made.all.len() - staged.len(),
            removed,
            kept,
            leftovers: 0,
        })
    }

    /// Writes the manifest in the staging folder and renames it into place (it appears whole).
    fn put_manifest<'a>(&self, files: impl Iterator<Item = &'a str>) -> Result<(), OutputError> {
        write_manifest(&self.staging, files)?;
        let dest = self.target.join(MANIFEST);
        fs::rename(self.staging.join(MANIFEST), &dest).map_err(io_err(Action::Write, &dest))
    }
}

fn foreign_error(target: &Path, mut strangers: Vec<&String>, manifest: bool) -> OutputError {
    strangers.sort_unstable();
    OutputError::Foreign {
        path: target.to_path_buf(),
        total: strangers.len(),
        files: strangers.into_iter().take(NAMED).cloned().collect(),
        manifest,
    }
}

/// The files bantin did not write that a file of the build would replace: the same path, a
/// file where the build needs a folder, or files inside a folder where the build puts a file.
fn in_the_way(made: &HashSet<String>, strangers: &HashSet<&str>) -> Vec<String> {
    let mut blocked = BTreeSet::new();
    for rel in made {
        if strangers.contains(rel.as_str()) {
            blocked.insert(rel.clone());
        }
        for (i, _) in rel.match_indices('/') {
            if strangers.contains(&rel[..i]) {
                blocked.insert(rel[..i].to_string());
            }
        }
    }
    for stranger in strangers {
        for (i, _) in stranger.match_indices('/') {
            if made.contains(&stranger[..i]) {
                blocked.insert(stranger.to_string());
            }
        }
    }
    blocked.into_iter().collect()
}

/// Whether a folder on the way from `root` to `rel` is a symbolic link (removing through it
/// could reach outside the output).
fn through_link(root: &Path, rel: &str) -> bool {
    let mut dir = root.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        dir.push(part);
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            _ => return true,
        }
    }
    false
}

/// Every file and link below `root` (not following links), as `/` paths, but the manifest and
/// file browsers' files.
fn list_files(root: &Path) -> Result<HashSet<String>, OutputError> {
    let mut files = HashSet::new();
    for entry in walkdir::WalkDir::new(root).min_depth(1) {
        let entry = entry.map_err(|e| OutputError::Io {
            action: Action::List,
            path: e.path().unwrap_or(root).to_path_buf(),
            source: e.into(),
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = relative(root, entry.path());
        let name = entry.file_name().to_string_lossy();
        if rel != MANIFEST && !SYSTEM_FILES.contains(&name.as_ref()) {
            files.insert(rel);
        }
    }
    Ok(files)
}

/// The files the last build listed; `None` when there is no manifest or it cannot be read (the
/// folder is then treated as one without a manifest, which removes nothing).
fn read_manifest(target: &Path) -> Option<HashSet<String>> {
    let bytes = fs::read(target.join(MANIFEST)).ok()?;
    let manifest: Manifest = serde_json::from_slice(&bytes).ok()?;
    Some(manifest.files.into_iter().collect())
}

fn write_manifest<'a>(dir: &Path, files: impl Iterator<Item = &'a str>) -> Result<(), OutputError> {
    let manifest = Manifest {
        about: "The files bantin wrote into this folder. bantin replaces and removes only these; \
                anything else here is left alone."
            .to_string(),
        generator: format!("bantin {}", env!("CARGO_PKG_VERSION")),
        files: files.map(str::to_string).collect(),
    };
    let mut json = serde_json::to_vec_pretty(&manifest).map_err(|e| OutputError::Io {
        action: Action::Write,
        path: dir.join(MANIFEST),
        source: io::Error::other(e),
    })?;
    json.push(b'\n');
    let path = dir.join(MANIFEST);
    fs::write(&path, json).map_err(io_err(Action::Write, &path))
}

/// Removes the staging folders (`.NAME.bantin-tmp-PID`, and `…-old`) that builds into the same
/// output left behind when they were killed. A folder whose process still runs is left alone.
fn remove_leftovers(parent: &Path, name: &str) -> Result<usize, OutputError> {
    let prefix = format!(".{name}.bantin-tmp-");
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(0);
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let digits = rest.strip_suffix("-old").unwrap_or(rest);
        let Ok(pid) = digits.parse::<u32>() else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || pid == std::process::id() || process_alive(pid) {
            continue;
        }
        let path = entry.path();
        fs::remove_dir_all(&path).map_err(io_err(Action::RemoveLeftover, &path))?;
        removed += 1;
    }
    Ok(removed)
}

/// Whether a process with this id runs (signal 0 only asks).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 sends nothing; it only checks that the process exists.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Elsewhere, a leftover is never assumed dead.
#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// Whether `path` is a regular file holding exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

/// Clears the way for a file at `dest` below `root`: a file where a folder is now needed, or a
/// folder where the file goes, is what the previous build made there (`in_the_way` has made
/// sure nothing else is) and is removed. Returns how many files it removed.
fn make_room(root: &Path, dest: &Path) -> Result<usize, OutputError> {
    let mut removed = 0;
    let mut dir = PathBuf::from(root);
    let parent = dest.parent().unwrap_or(root);
    for part in parent
        .strip_prefix(root)
        .unwrap_or(Path::new(""))
        .components()
    {
        dir.push(part);
        match fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                fs::remove_file(&dir).map_err(io_err(Action::Remove, &dir))?;
                removed += 1;
                fs::create_dir(&dir).map_err(io_err(Action::Create, &dir))?;
            }
            Err(_) => fs::create_dir(&dir).map_err(io_err(Action::Create, &dir))?,
        }
    }
    if fs::symlink_metadata(dest).is_ok_and(|m| m.is_dir()) {
        removed += walkdir::WalkDir::new(dest)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .count();
        fs::remove_dir_all(dest).map_err(io_err(Action::Remove, dest))?;
    }
    Ok(removed)
}

/// `path` below `root`, with `/` between parts (the form of `Output::path`).
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The output folder must never be, contain or lie inside the site's sources.
fn check_target(target: &Path, site_root: &Path) -> Result<(), OutputError> {
    let unsafe_target = |why: Message| OutputError::Unsafe {
        path: target.to_path_buf(),
        why,
    };
    let abs_target = absolute(target);
    let abs_root = absolute(site_root);
    if abs_root.starts_with(&abs_target) {
        return Err(unsafe_target(msg!("build-unsafe-holds-site")));
    }
    for dir in SOURCE_DIRS {
        let source = abs_root.join(dir);
        if abs_target == source {
            return Err(unsafe_target(msg!("build-unsafe-is-source", dir = *dir)));
        }
        if abs_target.starts_with(&source) {
            return Err(unsafe_target(msg!("build-unsafe-in-source", dir = *dir)));
        }
    }
    if target.join("site.toml").exists()
        || target.join("content").is_dir()
        || target.join(".git").exists()
    {
        return Err(unsafe_target(msg!("build-unsafe-looks-like-site")));
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    use std::path::Component;
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Resolve `..` by hand (the folder may not exist yet), then symlinks where the path exists.
    let mut lexical = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    match fs::canonicalize(&lexical) {
        Ok(p) => p,
        Err(_) => match (lexical.parent(), lexical.file_name()) {
            (Some(parent), Some(name)) => fs::canonicalize(parent)
                .map(|p| p.join(name))
                .unwrap_or_else(|_| lexical.clone()),
            _ => lexical,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_told_in_both_languages() {
        let e = OutputError::Io {
            action: Action::MoveIn,
            path: PathBuf::from("public"),
            source: io::Error::other("disk full"),
        };
        assert_eq!(
            e.to_string(),
            "could not move the new build into public: disk full"
        );
        assert_eq!(
            Lang::Vi.text(&e.message()),
            "không chuyển được bản dựng mới vào public: disk full"
        );
        let e = OutputError::Foreign {
            path: PathBuf::from("public"),
            files: vec!["a.html".into(), "b.html".into()],
            total: 7,
            manifest: true,
        };
        assert_eq!(
            e.to_string(),
            "refusing to build into public: it holds 7 files that bantin did not write: \
             a.html, b.html (and 5 more)"
        );
        assert_eq!(
            Lang::Vi.text(&e.message()),
            "bantin không dựng trang vào public: thư mục này có 7 tệp không phải do bantin ghi: \
             a.html, b.html (và 5 tệp khác)"
        );
        let e = OutputError::WouldReplace {
            path: PathBuf::from("public"),
            files: vec!["a.html".into()],
            total: 1,
        };
        assert_eq!(
            e.to_string(),
            "refusing to build into public: the build would replace 1 file that bantin did not \
             write: a.html"
        );
        let e = OutputError::Unsafe {
            path: PathBuf::from("content"),
            why: msg!("build-unsafe-is-source", dir = "content"),
        };
        assert_eq!(
            Lang::Vi.text(&e.message()),
            "bantin không dùng content làm thư mục xuất bản: đây là thư mục content/ của trang \
             web, nơi chứa các tệp nguồn"
        );
        assert!(
            Lang::Vi
                .text(&e.help_message().unwrap())
                .starts_with("hãy dựng trang vào một thư mục riêng")
        );
    }

    /// A site folder and its default output folder in a fresh temporary folder.
    fn site() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        let target = root.join("public");
        (dir, root, target)
    }

    fn put(s: &Staging, path: &str, bytes: &str) {
        s.write(&Output {
            path: path.into(),
            bytes: bytes.as_bytes().to_vec().into(),
        })
        .unwrap();
    }

    /// Builds `files` into `target` and commits.
    fn build(target: &Path, root: &Path, foreign: Foreign, files: &[(&str, &str)]) -> Written {
        let s = Staging::new(target, root, foreign).unwrap();
        for (path, text) in files {
            put(&s, path, text);
        }
        s.commit().unwrap()
    }

    fn files_in(target: &Path) -> Vec<String> {
        let mut files: Vec<String> = list_files(target).unwrap().into_iter().collect();
        files.sort();
        files
    }

    fn manifest_of(target: &Path) -> Vec<String> {
        let mut files: Vec<String> = read_manifest(target).unwrap().into_iter().collect();
        files.sort();
        files
    }

    #[test]
    fn a_fresh_build_is_swapped_in_whole_and_a_failed_one_leaves_nothing() {
        let (_dir, root, target) = site();
        // A build that is dropped without commit leaves no trace.
        {
            let s = Staging::new(&target, &root, Foreign::Refuse).unwrap();
            assert!(!s.updates());
            put(&s, "index.html", "new");
        }
        assert!(!target.exists());
        assert_eq!(
            fs::read_dir(&root).unwrap().count(),
            0,
            "staging cleaned up"
        );

        let written = build(
            &target,
            &root,
            Foreign::Refuse,
            &[("a/index.html", "new"), ("index.html", "home")],
        );
        assert_eq!(written.changed, 2);
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(manifest_of(&target), ["a/index.html", "index.html"]);
        assert_eq!(
            fs::read_dir(&root).unwrap().count(),
            1,
            "only public/ is left"
        );

        // A file browser looked at the folder: not a reason to refuse it, and left alone.
        fs::write(target.join(".DS_Store"), "finder").unwrap();
        fs::write(target.join("a/Thumbs.db"), "explorer").unwrap();
        let written = build(&target, &root, Foreign::Refuse, &[("index.html", "home")]);
        assert_eq!((written.removed, written.kept), (1, 0));
        assert!(target.join(".DS_Store").is_file() && target.join("a/Thumbs.db").is_file());
    }

    #[test]
    fn an_update_writes_only_changed_files_and_removes_what_it_wrote_before() {
        use std::os::unix::fs::MetadataExt;
        let (_dir, root, target) = site();
        let first = [
            ("index.html", "home"),
            ("a/index.html", "a"),
            ("gone/deep/index.html", "gone"),
            ("becomes-dir", "file"),
            ("becomes-file/index.html", "x"),
        ];
        assert_eq!(build(&target, &root, Foreign::Refuse, &first).changed, 5);
        let inode = |p: &str| fs::metadata(target.join(p)).unwrap().ino();
        let (home, a) = (inode("index.html"), inode("a/index.html"));

        let s = Staging::new(&target, &root, Foreign::Refuse).unwrap();
        assert!(s.updates());
        put(&s, "index.html", "home");
        put(&s, "a/index.html", "a, edited");
        put(&s, "becomes-dir/index.html", "now a folder");
        put(&s, "becomes-file", "now a file");
        put(&s, "new/index.html", "new");
        // Nothing is visible before the commit.
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "a"
        );
        assert!(!target.join("new").exists());
        let written = s.commit().unwrap();
        assert_eq!(
            written,
            Written {
                changed: 4,
                unchanged: 1,
                removed: 3,
                kept: 0,
                leftovers: 0,
            }
        );
        assert_eq!(
            inode("index.html"),
            home,
            "an unchanged file is not rewritten"
        );
        assert_ne!(inode("a/index.html"), a);
        assert_eq!(
            fs::read_to_string(target.join("becomes-dir/index.html")).unwrap(),
            "now a folder"
        );
        assert_eq!(
            fs::read_to_string(target.join("becomes-file")).unwrap(),
            "now a file"
        );
        assert!(!target.join("gone").exists(), "emptied folders are removed");
        let expected = [
            "a/index.html",
            "becomes-dir/index.html",
            "becomes-file",
            "index.html",
            "new/index.html",
        ];
        assert_eq!(files_in(&target), expected);
        assert_eq!(manifest_of(&target), expected);
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1, "staging removed");
    }

    #[test]
    fn a_failed_update_leaves_the_output_as_it_was() {
        let (_dir, root, target) = site();
        build(&target, &root, Foreign::Refuse, &[("index.html", "old")]);
        let manifest = fs::read(target.join(MANIFEST)).unwrap();
        {
            let s = Staging::new(&target, &root, Foreign::Refuse).unwrap();
            put(&s, "index.html", "new");
            put(&s, "more/index.html", "more");
            // Dropped without commit: the build failed.
        }
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );
        assert!(!target.join("more").exists());
        assert_eq!(fs::read(target.join(MANIFEST)).unwrap(), manifest);
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
    }

    #[test]
    fn a_file_bantin_did_not_write_is_refused_by_name_or_kept_never_deleted() {
        let (_dir, root, target) = site();
        build(
            &target,
            &root,
            Foreign::Refuse,
            &[("index.html", "home"), ("a/index.html", "a")],
        );
        fs::write(target.join("important.txt"), "the union's only copy").unwrap();
        fs::create_dir_all(target.join("a/notes")).unwrap();
        fs::write(target.join("a/notes/plan.docx"), "plan").unwrap();

        match Staging::new(&target, &root, Foreign::Refuse) {
            Err(OutputError::Foreign {
                files,
                total,
                manifest,
                ..
            }) => {
                assert_eq!(files, ["a/notes/plan.docx", "important.txt"]);
                assert_eq!(total, 2);
                assert!(manifest);
            }
            Err(e) => panic!("wrong error: {e}"),
            Ok(_) => panic!("an output holding other files was accepted"),
        }

        // Kept: the build goes on beside them and removes only its own files.
        let written = build(&target, &root, Foreign::Keep, &[("index.html", "home")]);
        assert_eq!((written.removed, written.kept), (1, 2));
        assert_eq!(
            files_in(&target),
            ["a/notes/plan.docx", "important.txt", "index.html"]
        );
        assert_eq!(manifest_of(&target), ["index.html"], "never adopted");
        assert_eq!(
            fs::read_to_string(target.join("important.txt")).unwrap(),
            "the union's only copy"
        );

        // A build file at the path of one of them, or needing its place, is refused.
        for clash in ["important.txt", "important.txt/index.html", "a/notes"] {
            let s = Staging::new(&target, &root, Foreign::Keep).unwrap();
            put(&s, "index.html", "home");
            put(&s, clash, "mine");
            match s.commit() {
                Err(OutputError::WouldReplace { files, .. }) => assert_eq!(files.len(), 1),
                other => panic!("{clash}: {other:?}"),
            }
            assert_eq!(
                fs::read_to_string(target.join("important.txt")).unwrap(),
                "the union's only copy"
            );
            assert!(target.join("a/notes/plan.docx").is_file());
        }
        // What a file browser leaves behind is no reason to refuse the folder, and stays.
        fs::write(target.join(".DS_Store"), "finder").unwrap();
        fs::write(target.join("a/notes/Thumbs.db"), "explorer").unwrap();
        build(&target, &root, Foreign::Keep, &[("index.html", "home")]);
        assert!(target.join(".DS_Store").is_file() && target.join("a/notes/Thumbs.db").is_file());
        // Even with the same bytes, a file bantin did not write is not taken over.
        let s = Staging::new(&target, &root, Foreign::Keep).unwrap();
        put(&s, "important.txt", "the union's only copy");
        assert!(matches!(s.commit(), Err(OutputError::WouldReplace { .. })));
    }

    #[test]
    fn an_output_without_a_manifest_is_adopted_only_when_the_build_makes_every_file() {
        let (_dir, root, target) = site();
        // An older bantin's output: no manifest.
        fs::create_dir_all(target.join("css")).unwrap();
        fs::write(target.join("index.html"), "old home").unwrap();
        fs::write(target.join("css/site.css"), "body{}").unwrap();
        let written = build(
            &target,
            &root,
            Foreign::Refuse,
            &[
                ("index.html", "home"),
                ("css/site.css", "body{}"),
                ("a/index.html", "a"),
            ],
        );
        assert_eq!(
            (written.changed, written.unchanged, written.removed),
            (2, 1, 0)
        );
        assert_eq!(
            manifest_of(&target),
            ["a/index.html", "css/site.css", "index.html"]
        );

        let (_dir, root, target) = site();
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("index.html"), "old home").unwrap();
        fs::write(
            target.join("tin-cu.html"),
            "a page this build does not make",
        )
        .unwrap();
        let s = Staging::new(&target, &root, Foreign::Refuse).unwrap();
        put(&s, "index.html", "home");
        match s.commit() {
            Err(
                e @ OutputError::Foreign {
                    manifest: false, ..
                },
            ) => {
                assert!(e.to_string().contains("tin-cu.html"), "{e}");
                assert!(e.help().unwrap().contains("--keep-foreign-files"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "old home"
        );

        let written = build(&target, &root, Foreign::Keep, &[("index.html", "home")]);
        assert_eq!((written.changed, written.removed, written.kept), (1, 0, 1));
        assert!(target.join("tin-cu.html").is_file());
        assert_eq!(manifest_of(&target), ["index.html"]);
    }

    #[test]
    fn a_damaged_manifest_never_removes_anything_outside_the_output() {
        let (dir, root, target) = site();
        build(&target, &root, Foreign::Refuse, &[("index.html", "home")]);
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "keep").unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(elsewhere.join("x.html"), "keep").unwrap();
        std::os::unix::fs::symlink(&elsewhere, target.join("link")).unwrap();
        fs::write(
            target.join(MANIFEST),
            r#"{"about": "", "generator": "", "files": ["index.html", "../outside.txt", "/etc/hostname", "link/x.html", "link"]}"#,
        )
        .unwrap();
        let written = build(&target, &root, Foreign::Refuse, &[("index.html", "home")]);
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
        assert_eq!(
            fs::read_to_string(elsewhere.join("x.html")).unwrap(),
            "keep"
        );
        // The link itself was listed as bantin's, so it goes; what it pointed to stays.
        assert_eq!(written.removed, 1);
        assert!(fs::symlink_metadata(target.join("link")).is_err());
    }

    #[test]
    fn an_output_inside_the_sources_is_refused() {
        let (dir, root, _) = site();
        fs::create_dir_all(root.join("content")).unwrap();
        for inside in [
            root.clone(),
            dir.path().to_path_buf(),
            root.join("public/.."),
            root.join("content"),
            root.join("content/tin-tuc"),
            root.join("static/out"),
            root.join("templates/x"),
            root.join("themes"),
            root.join("data/public"),
            root.join("static/../content/x"),
        ] {
            assert!(
                matches!(
                    Staging::new(&inside, &root, Foreign::Keep),
                    Err(OutputError::Unsafe { .. })
                ),
                "{} was accepted",
                inside.display()
            );
        }
        assert!(Staging::new(&root.join("dist"), &root, Foreign::Refuse).is_ok());
        let s = Staging::new(&root.join("public"), &root, Foreign::Refuse).unwrap();
        for bad in ["../x", "/x", "a//b", MANIFEST] {
            assert!(
                s.write(&Output {
                    path: bad.into(),
                    bytes: Vec::new().into()
                })
                .is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn staging_folders_of_killed_builds_are_removed_and_live_ones_kept() {
        let (dir, root, target) = site();
        // A process id that is free: a child that has exited and been waited for.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        for name in [
            format!(".public.bantin-tmp-{dead}"),
            format!(".public.bantin-tmp-{dead}-old"),
            ".public.bantin-tmp-1".to_string(), // pid 1 always runs
            format!(".other.bantin-tmp-{dead}"),
        ] {
            fs::create_dir_all(root.join(&name).join("tin-tuc")).unwrap();
            fs::write(root.join(&name).join("tin-tuc/index.html"), "half").unwrap();
        }
        let written = build(&target, &root, Foreign::Refuse, &[("index.html", "home")]);
        assert_eq!(written.leftovers, 2);
        let mut left: Vec<String> = fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".other.bantin-tmp-".to_string() + &dead.to_string(),
                ".public.bantin-tmp-1".to_string(),
                "public".to_string()
            ]
        );
        drop(dir);
    }
}
