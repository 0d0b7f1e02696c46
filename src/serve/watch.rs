//! Takes the site folder and gives a channel of changed paths, each in the form the build knows
//! its files by (`<source>/content/...`, so the build can forget exactly those): the site's own
//! files (site.toml and the folders in `SOURCES`) watched with notify, debounced, editors'
//! temporary files left out. A source folder made, removed or renamed while serving is a change
//! and is watched from the moment it appears. The output folder, .git and target/ are never
//! watched.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::ServeError;

/// The folders of a site that hold its sources. Only these are watched below the root, which may
/// also hold the publish folder, .git and target/.
const SOURCES: &[&str] = crate::SOURCE_DIRS;
/// Saves that arrive within this time of each other are one change. An editor's save is a burst
/// of events well within a millisecond (write a temporary file, rename it over the old one); a
/// longer wait would only delay the preview. A rebuild that still catches a half-done change
/// (a `git checkout` of many files) is followed by another once the rest arrives.
const DEBOUNCE: Duration = Duration::from_millis(10);

pub fn start(source: &Path) -> Result<mpsc::Receiver<Vec<PathBuf>>, ServeError> {
    let failed = |path: &Path, reason: String| ServeError::Watch {
        path: path.to_path_buf(),
        reason,
    };
    // notify reports absolute paths, with symlinks resolved on some systems, whatever form the
    // folder was given in (`.`, `site`, a symlink): they are compared with the canonical root.
    let root = source
        .canonicalize()
        .map_err(|e| failed(source, e.to_string()))?;
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher =
        notify::recommended_watcher(raw_tx).map_err(|e| failed(source, e.to_string()))?;
    // The root itself without recursion (site.toml, and the source folders coming and going),
    // then each source folder with it.
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| failed(source, e.to_string()))?;
    for dir in SOURCES {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| failed(&source.join(dir), e.to_string()))?;
        }
    }
    let mut links = Links::default();
    links.refresh(&mut watcher, &root);
    let (tx, rx) = mpsc::channel();
    let source = source.to_path_buf();
    std::thread::spawn(move || {
        // The watcher lives as long as this thread, which lives as long as the server. Nothing
        // here may end it but the server going away: a failed watch or a bad event is skipped.
        let mut watcher = watcher;
        let mut links = links;
        let mut pending: Vec<PathBuf> = Vec::new();
        loop {
            // Wait for a change; then gather what follows it closely (an editor's save is often
            // several events: write a temporary file, rename it over the old one).
            let event = if pending.is_empty() {
                match raw_rx.recv() {
                    Ok(e) => e,
                    Err(_) => return,
                }
            } else {
                match raw_rx.recv_timeout(DEBOUNCE) {
                    Ok(e) => e,
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if links.stale {
                            links.refresh(&mut watcher, &root);
                        }
                        pending.sort();
                        pending.dedup();
                        if tx.send(std::mem::take(&mut pending)).is_err() {
                            return;
                        }
                        continue;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            };
            let Ok(event) = event else { continue };
            if event.need_rescan() {
                // The system dropped events (its queue overflowed, e.g. in a large git checkout):
                // which files changed is unknown, so the whole site is read again.
                pending.push(source.clone());
                continue;
            }
            if !changes_content(&event.kind) {
                continue;
            }
            // A link may have been made, moved or removed: look for links again after this
            // batch. Edits cannot change them, nor can a file saved by renaming it into place
            // (the common save), so the source folders are walked again only when needed.
            if !matches!(event.kind, EventKind::Modify(ModifyKind::Data(_)))
                && event.paths.iter().any(|p| links.may_change(&root, p))
            {
                links.stale = true;
            }
            for path in &event.paths {
                // A file reached through a link is known to the build by the link's path.
                pending.extend(links.through(path).map(|rel| source.join(rel)));
                let Some(rel) = in_sources(&root, path) else {
                    continue;
                };
                if is_source_folder(rel) {
                    // Before the change is handed on: what was written into a new folder
                    // before this watch is read by the rebuild, what is written after is seen.
                    follow(&mut watcher, path);
                }
                pending.push(source.join(rel));
            }
        }
    });
    Ok(rx)
}

/// The symbolic links in the source folders that lead elsewhere in the site (the build follows
/// them): what they point to is watched too, and a change there is handed on by the link's path.
#[derive(Default)]
struct Links {
    /// Each link's real target and the link's path in the site.
    targets: Vec<(PathBuf, PathBuf)>,
    /// What is watched for them (folders outside the source folders).
    watched: Vec<PathBuf>,
    /// A change may have added or removed a link.
    stale: bool,
}

impl Links {
    /// Finds the links again and watches what they point to (outside the source folders, which
    /// are watched already).
    fn refresh(&mut self, watcher: &mut RecommendedWatcher, root: &Path) {
        self.stale = false;
        self.targets = find_links(root);
        let mut wanted: Vec<PathBuf> = self
            .targets
            .iter()
            .filter(|(target, _)| in_sources(root, target).is_none())
            // A linked file is watched through its folder: editors save by replacing the file.
            .filter_map(|(target, _)| {
                if target.is_dir() {
                    Some(target.clone())
                } else {
                    target.parent().map(Path::to_path_buf)
                }
            })
            .collect();
        wanted.sort();
        wanted.dedup();
        for gone in self.watched.iter().filter(|w| !wanted.contains(w)) {
            let _ = watcher.unwatch(gone);
        }
        for new in wanted.iter().filter(|w| !self.watched.contains(w)) {
            let _ = watcher.watch(new, RecursiveMode::Recursive);
        }
        self.watched = wanted;
    }

    /// Whether a created, removed or renamed `path` may add or remove a link: it is a link or a
    /// folder (which may hold links), or a known link is it or lies below it (it went).
    fn may_change(&self, root: &Path, path: &Path) -> bool {
        let is_link_or_folder =
            std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink() || m.is_dir());
        is_link_or_folder
            || self
                .targets
                .iter()
                .any(|(_, link)| root.join(link).starts_with(path))
    }

    /// The site paths by which the build reads `path`, when `path` lies behind a link.
    fn through<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = PathBuf> + 'a {
        self.targets.iter().filter_map(move |(target, link)| {
            path.strip_prefix(target).ok().map(|rest| {
                if rest.as_os_str().is_empty() {
                    link.clone()
                } else {
                    link.join(rest)
                }
            })
        })
    }
}

/// Every symbolic link in the source folders whose real target lies in the site (the build
/// reports links out of it and does not follow them), as (real target, link's path in the site).
fn find_links(root: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut links = Vec::new();
    for dir in SOURCES {
        for entry in walkdir::WalkDir::new(root.join(dir))
            .min_depth(1)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path_is_symlink())
        {
            let (Ok(target), Ok(rel)) = (
                std::fs::canonicalize(entry.path()),
                entry.path().strip_prefix(root),
            ) else {
                continue;
            };
            if target.starts_with(root) {
                links.push((target, rel.to_path_buf()));
            }
        }
    }
    links
}

/// Watches a source folder that has just appeared (made, or renamed into place) and forgets one
/// that went. Failures are ignored: the folder may already be gone again, and its next
/// appearance is another chance.
fn follow(watcher: &mut RecommendedWatcher, path: &Path) {
    if path.is_dir() {
        let _ = watcher.watch(path, RecursiveMode::Recursive);
    } else {
        let _ = watcher.unwatch(path);
    }
}

/// Reading a file (which every build does) is not a change; writing, creating, removing and
/// renaming are.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Where a changed path lies in the site, if it is one of the site's sources (not an editor's
/// swap file, not output).
fn in_sources<'a>(root: &Path, path: &'a Path) -> Option<&'a Path> {
    let rel = path.strip_prefix(root).ok()?;
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
    {
        return None;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    (first == "site.toml" || SOURCES.contains(&first.as_str())).then_some(rel)
}

/// Whether a path in the site is one of the source folders itself (`content`, not a file in it).
fn is_source_folder(rel: &Path) -> bool {
    let mut components = rel.components();
    matches!(
        (components.next(), components.next()),
        (Some(first), None) if SOURCES.iter().any(|s| first.as_os_str() == *s)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_noise() {
        let root = Path::new("/site");
        for (path, expected) in [
            ("/site/site.toml", Some("site.toml")),
            ("/site/content/tin-tuc/a.md", Some("content/tin-tuc/a.md")),
            (
                "/site/themes/default/templates/base.html",
                Some("themes/default/templates/base.html"),
            ),
            ("/site/static/images/a.jpg", Some("static/images/a.jpg")),
            ("/site/templates", Some("templates")),
            ("/site/data/x.yaml", Some("data/x.yaml")),
            ("/site", None),
            ("/site/public/index.html", None),
            ("/site/.public.bantin-tmp-12/index.html", None),
            ("/site/target/debug/bantin", None),
            ("/site/content/tin-tuc/.a.md.swp", None),
            ("/site/content/tin-tuc/a.md~", None),
            ("/site/content/tin-tuc/.#a.md", None),
            ("/elsewhere/site.toml", None),
            ("/sitex/site.toml", None),
        ] {
            assert_eq!(
                in_sources(root, Path::new(path)),
                expected.map(Path::new),
                "{path}"
            );
        }
    }

    #[test]
    fn source_folders_themselves() {
        for (rel, expected) in [
            ("content", true),
            ("templates", true),
            ("static", true),
            ("themes", true),
            ("data", true),
            ("content/tin-tuc", false),
            ("templates/article.html", false),
            ("site.toml", false),
            ("public", false),
            ("", false),
        ] {
            assert_eq!(is_source_folder(Path::new(rel)), expected, "{rel}");
        }
    }

    /// The paths handed on are the build's own: the site folder as given (here relative, and
    /// through a symlink, neither of which notify reports), joined with the changed file's place
    /// in the site, so that `Memo::invalidate` finds them.
    #[cfg(unix)]
    #[test]
    fn changes_are_handed_on_in_the_form_the_build_uses() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let real = tmp.path().join("real");
        std::fs::create_dir_all(real.join("content")).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink("real", tmp.path().join("site"))
            .unwrap_or_else(|e| panic!("{e}"));
        // A relative `--source ../../tmp/…/site`: one `..` per component of the current folder
        // (which has no symlinks, so each climbs one) leads to /, then down to the site. The
        // current folder itself is left alone: the tests share it.
        let cwd = std::env::current_dir().unwrap_or_else(|e| panic!("{e}"));
        let mut site: PathBuf = cwd.components().skip(1).map(|_| "..").collect();
        site.push(
            tmp.path()
                .join("site")
                .strip_prefix("/")
                .unwrap_or_else(|e| panic!("{e}")),
        );
        let changes = start(&site).unwrap_or_else(|e| panic!("{e}"));
        let file = site.join("content/a.md");
        std::fs::write(&file, "x").unwrap_or_else(|e| panic!("{e}"));
        let paths = changes
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|e| panic!("no change reported: {e}"));
        assert!(paths.contains(&file), "{paths:?}");
    }
}
