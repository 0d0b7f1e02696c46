//! Takes the rendered pages and static files and gives the output folder. Everything is written to a
//! staging folder beside the output first; only a complete build is swapped in, so a failed or
//! interrupted build never leaves a half-written site and the previous output stays as it was.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::render::Output;
use crate::render::theme::Origin;

/// Why the output folder could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("refusing to use {} as the output folder: {why}", path.display())]
    Unsafe { path: PathBuf, why: &'static str },
}

fn io_err<'p>(
    action: &'static str,
    path: &'p Path,
) -> impl FnOnce(io::Error) -> OutputError + use<'p> {
    move |source| OutputError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
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
///   each into place (each file appears whole) and then removes the files this build no longer
///   makes.
///
/// Either way, nothing reaches the output before `commit`: a build that fails, or is dropped,
/// leaves the previous output exactly as it was.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    update: bool,
    /// Update mode: every path this build makes, and which of them were staged (changed).
    made: Mutex<Made>,
    /// Files written to the staging folder.
    staged: std::sync::atomic::AtomicUsize,
    committed: bool,
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
    /// Files of the previous output that this build no longer makes, removed.
    pub removed: usize,
}

impl Staging {
    /// Prepares a staging folder beside `target`. Refuses a target that holds the site's sources.
    pub fn new(target: &Path, site_root: &Path) -> Result<Staging, OutputError> {
        check_target(target, site_root)?;
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        let name = target
            .file_name()
            .map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.bantin-tmp-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(io_err("clear", &staging))?;
        }
        fs::create_dir_all(&staging).map_err(io_err("create", &staging))?;
        let update = match fs::read_dir(target) {
            Ok(mut entries) => entries.next().is_some(),
            Err(_) => false,
        };
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
            update,
            made: Mutex::new(Made::default()),
            staged: std::sync::atomic::AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Whether an earlier build is being updated (rather than a fresh output written).
    pub fn updates(&self) -> bool {
        self.update
    }

    fn check(rel: &str) -> Result<(), OutputError> {
        if rel.is_empty()
            || rel.starts_with('/')
            || rel.split('/').any(|part| part == ".." || part == ".")
        {
            return Err(OutputError::Unsafe {
                path: PathBuf::from(rel),
                why: "a file would be written outside the output folder",
            });
        }
        Ok(())
    }

    /// Stages one file; in update mode, only when its bytes differ from the output's.
    pub fn write(&self, output: &Output) -> Result<(), OutputError> {
        self.put(&output.path, &output.bytes)
    }

    /// Like `write`, for a path and bytes.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        Self::check(rel)?;
        if self.update {
            let unchanged = same_bytes(&self.target.join(rel), bytes);
            let mut made = self.lock();
            if !made.all.insert(rel.to_string()) {
                return Err(OutputError::Unsafe {
                    path: PathBuf::from(rel),
                    why: "two files of the build have this path",
                });
            }
            if unchanged {
                return Ok(());
            }
            made.staged.push(rel.to_string());
        }
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err("create", dir))?;
        }
        fs::write(&path, bytes).map_err(io_err("write", &path))?;
        self.count_staged();
        Ok(())
    }

    fn count_staged(&self) {
        self.staged
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Stages a static file.
    pub fn copy(&self, rel: &str, origin: &Origin) -> Result<(), OutputError> {
        match origin {
            Origin::BuiltIn(bytes) => self.put(rel, bytes),
            Origin::Disk(src) if self.update => {
                let bytes = fs::read(src).map_err(io_err("read", src))?;
                self.put(rel, &bytes)
            }
            Origin::Disk(src) => {
                Self::check(rel)?;
                let path = self.staging.join(rel);
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir).map_err(io_err("create", dir))?;
                }
                fs::copy(src, &path).map_err(io_err("copy", src))?;
                self.count_staged();
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
        let written = if self.update {
            self.commit_update()?
        } else {
            self.commit_fresh()?
        };
        self.committed = true;
        Ok(written)
    }

    /// Fresh: the staging folder becomes the output. An empty old folder is moved aside first and
    /// put back if the swap fails.
    fn commit_fresh(&mut self) -> Result<Written, OutputError> {
        let changed = self.staged.load(std::sync::atomic::Ordering::Relaxed);
        let old = self.staging.with_file_name(format!(
            "{}-old",
            self.staging
                .file_name()
                .map_or("x".into(), |n| n.to_string_lossy().into_owned())
        ));
        let had_old = self.target.exists();
        if had_old {
            if old.exists() {
                fs::remove_dir_all(&old).map_err(io_err("clear", &old))?;
            }
            fs::rename(&self.target, &old).map_err(io_err("move aside", &self.target))?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(OutputError::Io {
                action: "move the new build into",
                path: self.target.clone(),
                source: e,
            });
        }
        if had_old {
            fs::remove_dir_all(&old).map_err(io_err("remove the old build", &old))?;
        }
        Ok(Written {
            changed,
            ..Written::default()
        })
    }

    /// Update: each staged file is renamed into place, then what the build no longer makes is
    /// removed (files, then folders left empty).
    fn commit_update(&mut self) -> Result<Written, OutputError> {
        let made = std::mem::take(&mut *self.lock());
        let mut staged = made.staged;
        staged.sort_unstable();
        let mut removed = 0;
        for rel in &staged {
            let dest = self.target.join(rel);
            removed += make_room(&self.target, &dest)?;
            let from = self.staging.join(rel);
            fs::rename(&from, &dest).map_err(io_err("move into place", &dest))?;
        }
        let mut emptied = HashSet::new();
        for entry in walkdir::WalkDir::new(&self.target).min_depth(1) {
            let entry = entry.map_err(|e| OutputError::Io {
                action: "list",
                path: e.path().unwrap_or(&self.target).to_path_buf(),
                source: e.into(),
            })?;
            if entry.file_type().is_dir() {
                continue;
            }
            let path = entry.path();
            if !made.all.contains(&relative(&self.target, path)) {
                fs::remove_file(path).map_err(io_err("remove", path))?;
                removed += 1;
                if let Some(parent) = path.parent() {
                    emptied.insert(parent.to_path_buf());
                }
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
        fs::remove_dir_all(&self.staging).map_err(io_err("remove", &self.staging))?;
        Ok(Written {
            changed: staged.len(),
            unchanged: made.all.len() - staged.len(),
            removed,
        })
    }
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
/// folder where the file goes, is what the previous build made there and is removed.
/// Returns how many files it removed.
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
                fs::remove_file(&dir).map_err(io_err("remove", &dir))?;
                removed += 1;
                fs::create_dir(&dir).map_err(io_err("create", &dir))?;
            }
            Err(_) => fs::create_dir(&dir).map_err(io_err("create", &dir))?,
        }
    }
    if fs::symlink_metadata(dest).is_ok_and(|m| m.is_dir()) {
        removed += walkdir::WalkDir::new(dest)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .count();
        fs::remove_dir_all(dest).map_err(io_err("remove", dest))?;
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

/// The output folder is replaced wholesale, so it must never be, or contain, the site's sources.
fn check_target(target: &Path, site_root: &Path) -> Result<(), OutputError> {
    let unsafe_target = |why| OutputError::Unsafe {
        path: target.to_path_buf(),
        why,
    };
    let abs_target = absolute(target);
    let abs_root = absolute(site_root);
    if abs_root.starts_with(&abs_target) {
        return Err(unsafe_target("it contains the site's own files"));
    }
    if target.join("site.toml").exists()
        || target.join("content").is_dir()
        || target.join(".git").exists()
    {
        return Err(unsafe_target(
            "it looks like a site or a repository, not a build output",
        ));
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
    fn swap_replaces_everything_and_failure_keeps_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        let target = root.join("public");
        fs::create_dir_all(target.join("stale")).unwrap();
        fs::write(target.join("stale/old.html"), "old").unwrap();

        // A build that is dropped without commit leaves the old output alone.
        {
            let s = Staging::new(&target, &root).unwrap();
            s.write(&Output {
                path: "index.html".into(),
                bytes: b"new".to_vec().into(),
            })
            .unwrap();
        }
        assert_eq!(
            fs::read_to_string(target.join("stale/old.html")).unwrap(),
            "old"
        );
        assert_eq!(
            fs::read_dir(&root).unwrap().count(),
            1,
            "staging folder cleaned up"
        );

        let s = Staging::new(&target, &root).unwrap();
        s.write(&Output {
            path: "a/index.html".into(),
            bytes: b"new".to_vec().into(),
        })
        .unwrap();
        s.commit().unwrap();
        assert!(!target.join("stale").exists());
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
    }

    fn put(s: &Staging, path: &str, bytes: &str) {
        s.write(&Output {
            path: path.into(),
            bytes: bytes.as_bytes().to_vec().into(),
        })
        .unwrap();
    }

    #[test]
    fn an_update_writes_only_changed_files_and_removes_what_is_gone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        let target = root.join("public");

        let s = Staging::new(&target, &root).unwrap();
        assert!(!s.updates(), "no output yet: a fresh build");
        for (path, text) in [
            ("index.html", "home"),
            ("a/index.html", "a"),
            ("gone/deep/index.html", "gone"),
            ("becomes-dir", "file"),
            ("becomes-file/index.html", "x"),
        ] {
            put(&s, path, text);
        }
        assert_eq!(s.commit().unwrap().changed, 5);
        let inode = |p: &str| fs::metadata(target.join(p)).unwrap().ino();
        let (home, a) = (inode("index.html"), inode("a/index.html"));

        let s = Staging::new(&target, &root).unwrap();
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
                removed: 3
            }
        );
        assert_eq!(
            inode("index.html"),
            home,
            "an unchanged file is not rewritten"
        );
        assert_ne!(inode("a/index.html"), a);
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "a, edited"
        );
        assert_eq!(
            fs::read_to_string(target.join("becomes-dir/index.html")).unwrap(),
            "now a folder"
        );
        assert_eq!(
            fs::read_to_string(target.join("becomes-file")).unwrap(),
            "now a file"
        );
        assert!(!target.join("gone").exists(), "emptied folders are removed");
        let mut files: Vec<String> = walkdir::WalkDir::new(&target)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| relative(&target, e.path()))
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                "a/index.html",
                "becomes-dir/index.html",
                "becomes-file",
                "index.html",
                "new/index.html"
            ]
        );
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1, "staging removed");
    }

    #[test]
    fn a_failed_update_leaves_the_output_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        let target = root.join("public");
        let s = Staging::new(&target, &root).unwrap();
        put(&s, "index.html", "old");
        s.commit().unwrap();
        {
            let s = Staging::new(&target, &root).unwrap();
            put(&s, "index.html", "new");
            put(&s, "more/index.html", "more");
            // Dropped without commit: the build failed.
        }
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );
        assert!(!target.join("more").exists());
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
    }

    #[test]
    fn refuses_to_replace_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(Staging::new(&root, &root).is_err());
        assert!(Staging::new(dir.path(), &root).is_err());
        assert!(Staging::new(&root.join("public/.."), &root).is_err());
        let s = Staging::new(&root.join("public"), &root).unwrap();
        assert!(
            s.write(&Output {
                path: "../x".into(),
                bytes: Vec::new().into()
            })
            .is_err()
        );
    }
}
