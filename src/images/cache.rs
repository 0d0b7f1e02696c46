//! The cache of encodes (`.bantin-cache/images/` in the site's folder) and its manifest.
//!
//! Each encode is a file named by its key, the sha256 of: the original's sha256, the operation
//! with all its parameters, `ENCODER_VERSION` and the versions of the encoders (`ENCODERS`). So
//! a changed photo, a changed setting or a new encoder gives a new key, and an old file is
//! never mistaken for a new one.
//!
//! The manifest (`manifest.json` in the cache folder) remembers, for each original file by its
//! path, size and modification time, its sha256 and what its headers said. A build where
//! nothing changed stats each original and each encode and reads nothing else. It is kept in
//! memory between runs of one process (the preview processes on every save).
//!
//! Every file is written to a temporary name in the cache folder and renamed into place, so
//! two builds at once or a killed build never leave half a file under a key. A cache file or
//! manifest that cannot be read is treated as missing.
//!
//! When the cache folder cannot be created (a read-only site folder), encodes go to a folder
//! in the system's temporary folder instead, named after the site's cache folder, and the
//! build warns once (`images::cache-unwritable`): the site is still published right, only
//! slower the next time if that folder is cleaned.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{CACHE_DIR, Format, Gallery};
use crate::problem::Problem;

/// Bump when bantin's output for the same input and settings changes (resizing, encoder
/// options, cleaning rules): every cached encode is then made again.
pub const ENCODER_VERSION: u32 = 1;

/// The encoders' versions, part of every key. Update with Cargo.lock when one of these moves.
pub const ENCODERS: &str = "image 0.25.10; libwebp-sys 0.9 (webp 0.3.1); ravif 0.13; \
                            fast_image_resize 6.1; img-parts 0.4.2; qcms 0.3";

const MANIFEST: &str = "manifest.json";
const MANIFEST_VERSION: u32 = 1;

/// What the manifest knows of one original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub size: u64,
    pub mtime_secs: u64,
    pub mtime_nanos: u32,
    /// The sha256 of its bytes, hex.
    pub sha256: String,
    /// Its real format's extension (`jpg`, `png`, …).
    pub format: String,
    /// Its stored size (before orientation).
    pub width: u32,
    pub height: u32,
    pub orientation: u8,
    /// Whether its ICC profile asks for a conversion to sRGB.
    pub colour: bool,
    /// Whether it carries metadata that the lossless clean removes.
    pub metadata: bool,
    pub credit: Option<String>,
}

impl Entry {
    pub fn format(&self) -> Option<Format> {
        Format::of_path(&format!(".{}", self.format))
    }

    /// The size once orientation is applied.
    pub fn upright(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: u32,
    files: BTreeMap<String, Entry>,
}

#[derive(Debug, Default)]
struct State {
    /// Loaded on first use.
    manifest: Option<Manifest>,
    dirty: bool,
    /// Where encodes go: the cache folder, or the temporary one when it cannot be created.
    place: Option<PathBuf>,
    warned: bool,
}

/// The cache of encodes: `.bantin-cache/images/` in the site's folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    state: Mutex<State>,
    temp_names: AtomicU64,
}

/// An original's modification time as (seconds, nanoseconds) since 1970.
pub fn mtime(meta: &fs::Metadata) -> (u64, u32) {
    let time = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .unwrap_or_default();
    (time.as_secs(), time.subsec_nanos())
}

/// The sha256 of bytes, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The key of one encode of an original: see the module's documentation.
pub fn key(sha256: &str, operation: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(format!(
        "{ENCODER_VERSION}\n{ENCODERS}\n{sha256}\n{operation}"
    ));
    hex(&hasher.finalize())
}

impl Cache {
    /// The cache of the site in `root`. Nothing is created until something is encoded.
    pub fn open(root: &Path) -> Cache {
        Cache::at(root.join(CACHE_DIR))
    }

    /// A cache in the folder `dir` itself (tests, benchmarks).
    pub fn at(dir: PathBuf) -> Cache {
        Cache {
            dir,
            state: Mutex::new(State::default()),
            temp_names: AtomicU64::new(0),
        }
    }

    /// The cache folder (encodes go to a temporary folder instead when it cannot be created).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere while holding the lock leaves a usable state: at worst a lost entry.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where encodes are written, created if needed, and the warning to give when that is not
    /// the cache folder (once per `Cache`).
    pub(super) fn place(&self) -> (PathBuf, Option<Problem>) {
        let mut state = self.state();
        if let Some(place) = &state.place {
            return (place.clone(), None);
        }
        let place = match fs::create_dir_all(&self.dir) {
            Ok(()) => self.dir.clone(),
            Err(_) => {
                let name = format!(
                    "bantin-images-{}",
                    &sha256_hex(self.dir.to_string_lossy().as_bytes())[..16]
                );
                let temp = std::env::temp_dir().join(name);
                // If even that fails, writes fail one by one and are reported then.
                let _ = fs::create_dir_all(&temp);
                temp
            }
        };
        let warning = (place != self.dir && !state.warned).then(|| {
            Problem::warning(
                "images::cache-unwritable",
                crate::msg!(
                    "images-cache-unwritable",
                    folder = self.dir.display().to_string(),
                    temporary = place.display().to_string()
                ),
            )
        });
        state.warned = true;
        state.place = Some(place.clone());
        (place, warning)
    }

    /// Where the encode `key` with the extension of `format` is (or would be) stored, without
    /// creating anything: the cache folder, or the temporary one once it was chosen.
    pub(super) fn file(&self, key: &str, format: Format) -> PathBuf {
        let state = self.state();
        let place = state.place.as_deref().unwrap_or(&self.dir);
        place.join(format!("{key}.{}", format.extension()))
    }

    /// Writes `bytes` at `path` atomically: a temporary file beside it, renamed into place.
    pub(super) fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let n = self.temp_names.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".tmp-{}-{n}", std::process::id()));
        let result = fs::write(&temp, bytes).and_then(|()| fs::rename(&temp, path));
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    fn with_manifest<T>(&self, f: impl FnOnce(&mut Manifest, &mut bool) -> T) -> T {
        let mut state = self.state();
        let state = &mut *state;
        let place = state.place.clone().unwrap_or_else(|| self.dir.clone());
        let manifest = state.manifest.get_or_insert_with(|| load(&place));
        f(manifest, &mut state.dirty)
    }
}

/// The manifest in the folder `place`; a missing, unreadable or older one is empty.
fn load(place: &Path) -> Manifest {
    fs::read(place.join(MANIFEST))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
        .filter(|m| m.version == MANIFEST_VERSION)
        .unwrap_or(Manifest {
            version: MANIFEST_VERSION,
            files: BTreeMap::new(),
        })
}

impl Cache {
    /// What the manifest knows of `file`, if its size and modification time are unchanged.
    pub(super) fn entry(&self, file: &Path, size: u64, mtime: (u64, u32)) -> Option<Entry> {
        let name = file.to_string_lossy();
        self.with_manifest(|m, _| {
            m.files
                .get(name.as_ref())
                .filter(|e| e.size == size && (e.mtime_secs, e.mtime_nanos) == mtime)
                .cloned()
        })
    }

    /// Remembers what was found in `file`.
    pub(super) fn remember(&self, file: &Path, entry: Entry) {
        let name = file.to_string_lossy().into_owned();
        self.with_manifest(|m, dirty| {
            if m.files.get(&name) != Some(&entry) {
                m.files.insert(name, entry);
                *dirty = true;
            }
        });
    }

    /// Writes the manifest if it changed (atomically; a failure only costs the next build
    /// some reading).
    pub(super) fn save(&self) {
        let (place, _) = self.place();
        let bytes = {
            let mut state = self.state();
            if !state.dirty {
                return;
            }
            state.dirty = false;
            match &state.manifest {
                Some(m) => serde_json::to_vec(m).unwrap_or_default(),
                None => return,
            }
        };
        let _ = self.write(&place.join(MANIFEST), &bytes);
    }

    /// Removes the cache files that `keep` does not use: call it after a full build. Only
    /// files in the cache folder named like an encode (64 hex digits and an image extension)
    /// are removed, and temporary files more than an hour old (left by a killed build).
    /// Returns how many files were removed.
    pub fn prune(&self, keep: &Gallery) -> usize {
        let place = self
            .state()
            .place
            .clone()
            .unwrap_or_else(|| self.dir.clone());
        let used: HashSet<PathBuf> = keep
            .iter()
            .flat_map(|p| {
                std::iter::once(&p.file)
                    .chain(p.variants.iter().map(|v| &v.file))
                    .chain(p.share.iter().map(|s| &s.file))
            })
            .filter_map(|f| f.file_name().map(|n| place.join(n)))
            .collect();
        let Ok(entries) = fs::read_dir(&place) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let path = entry.path();
            let stale_temp = name.starts_with(".tmp-")
                && entry
                    .metadata()
                    .ok()
                    .and_then(|m| m.modified().ok())
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > Duration::from_secs(3600));
            let unused = is_cache_name(&name) && !used.contains(&path);
            if (stale_temp || unused) && fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// Whether a file name is an encode's: 64 lowercase hex digits, a dot, an image extension.
fn is_cache_name(name: &str) -> bool {
    let Some((key, ext)) = name.split_once('.') else {
        return false;
    };
    key.len() == 64
        && key
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && ["jpg", "png", "webp", "avif", "gif"].contains(&ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_encodes_look_like_cache_files() {
        assert!(is_cache_name(&format!("{}.webp", "a1".repeat(32))));
        assert!(!is_cache_name("manifest.json"));
        assert!(!is_cache_name(&format!("{}.txt", "a1".repeat(32))));
        assert!(!is_cache_name("hoi-nghi.jpg"));
    }

    #[test]
    fn keys_depend_on_photo_and_operation() {
        let a = key("aa", "webp 480");
        assert_ne!(a, key("ab", "webp 480"));
        assert_ne!(a, key("aa", "webp 960"));
        assert_eq!(a, key("aa", "webp 480"));
    }
}
