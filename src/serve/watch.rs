//! Takes the site folder and gives a channel of changed paths: the site's own files (site.toml,
//! content/, templates/, static/, themes/) watched with notify, debounced, editors' temporary
//! files left out. The output folder, .git and target/ are never watched.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};

use super::ServeError;

/// The folders of a site that hold its sources.
const WATCHED: &[&str] = &["content", "templates", "static", "themes"];
/// Saves that arrive within this time of each other are one change.
const DEBOUNCE: Duration = Duration::from_millis(30);

pub fn start(root: &Path) -> Result<mpsc::Receiver<Vec<PathBuf>>, ServeError> {
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let failed = |path: &Path, e: notify::Error| ServeError::Watch {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let mut watcher = notify::recommended_watcher(raw_tx).map_err(|e| failed(root, e))?;
    // The root itself without recursion (site.toml), then each source folder with it.
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| failed(root, e))?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| failed(&path, e))?;
        }
    }
    let (tx, rx) = mpsc::channel();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        // The watcher lives as long as this thread, which lives as long as the server.
        let _watcher = watcher;
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
            if changes_content(&event.kind) {
                pending.extend(event.paths.into_iter().filter(|p| is_source(&root, p)));
            }
        }
    });
    Ok(rx)
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

/// Whether a changed path is one of the site's sources (not an editor's swap file, not output).
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
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
        return false;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first == "site.toml" || WATCHED.contains(&first.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_noise() {
        let root = Path::new("/site");
        for (path, expected) in [
            ("/site/site.toml", true),
            ("/site/content/tin-tuc/a.md", true),
            ("/site/themes/default/templates/base.html", true),
            ("/site/static/images/a.jpg", true),
            ("/site/public/index.html", false),
            ("/site/.public.bantin-tmp-12/index.html", false),
            ("/site/target/debug/bantin", false),
            ("/site/content/tin-tuc/.a.md.swp", false),
            ("/site/content/tin-tuc/a.md~", false),
            ("/site/content/tin-tuc/.#a.md", false),
            ("/elsewhere/site.toml", false),
        ] {
            assert_eq!(is_source(root, Path::new(path)), expected, "{path}");
        }
    }
}
