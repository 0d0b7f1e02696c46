//! Takes the rendered pages and static files and gives the output folder. Everything is written to a
//! staging folder beside the output first; only a complete build is swapped in, so a failed or
//! interrupted build never leaves a half-written site and the previous output stays as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// A build in progress: files go to `staging`, which replaces `target` on `commit`.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
}

impl Staging {
    /// Prepares a staging folder beside `target` (same filesystem, so the swap is a rename).
    /// Refuses a target that holds the site's sources.
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
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
            committed: false,
        })
    }

    fn path_of(&self, rel: &str) -> Result<PathBuf, OutputError> {
        if rel
            .split('/')
            .any(|part| part == ".." || part.is_empty() && rel.starts_with('/'))
        {
            return Err(OutputError::Unsafe {
                path: PathBuf::from(rel),
                why: "a file would be written outside the output folder",
            });
        }
        Ok(self.staging.join(rel))
    }

    pub fn write(&self, output: &Output) -> Result<(), OutputError> {
        let path = self.path_of(&output.path)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err("create", dir))?;
        }
        fs::write(&path, &output.bytes).map_err(io_err("write", &path))
    }

    pub fn copy(&self, rel: &str, origin: &Origin) -> Result<(), OutputError> {
        let path = self.path_of(rel)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err("create", dir))?;
        }
        match origin {
            Origin::Disk(src) => fs::copy(src, &path)
                .map(|_| ())
                .map_err(io_err("copy", src)),
            Origin::BuiltIn(bytes) => fs::write(&path, bytes).map_err(io_err("write", &path)),
        }
    }

    /// Swaps the staged build in. The old output is moved aside first and put back if the swap fails.
    pub fn commit(mut self) -> Result<(), OutputError> {
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
        self.committed = true;
        if had_old {
            fs::remove_dir_all(&old).map_err(io_err("remove the old build", &old))?;
        }
        Ok(())
    }
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
