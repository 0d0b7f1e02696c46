//! Takes where the CMS script may be found (a tarball named by `BANTIN_DECAP_TARBALL`, the
//! site's `.bantin-cache/`, else the npm registry) and gives Decap CMS's browser files, checked
//! against the sha512 pinned here, as files of `admin/`.
//!
//! The script is served from the site itself, never from a CDN: a government portal loads no
//! third-party script, the site keeps working offline after the first fetch, and CI keeps
//! `.bantin-cache/` between runs. What is taken from the npm tarball is its `package/dist/`
//! without the source maps and without the legacy `cms.js` copies of the same bundle: the main
//! bundle `decap-cms.js`, its lazily loaded chunks (`NNN.decap-cms.js`, found by webpack next to
//! the main script), two WebAssembly files (the image encoder of Decap's `processing` option)
//! and the licence notice.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine as _;
use sha2::{Digest, Sha512};

use crate::messages::Message;
use crate::msg;
use crate::output::Output;

/// The pinned release of the `decap-cms` npm package.
pub const VERSION: &str = "3.16.3";
/// Its `dist.integrity` on the npm registry: the base64 sha512 of the tarball.
pub const INTEGRITY: &str = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==";
/// Where the registry serves it.
pub const TARBALL_URL: &str = "https://registry.npmjs.org/decap-cms/-/decap-cms-3.16.3.tgz";
/// The tarball's file name, as `npm pack decap-cms@3.16.3` writes it.
pub const TARBALL_NAME: &str = "decap-cms-3.16.3.tgz";
/// The environment variable that names a tarball to use instead of the cache or the registry
/// (the tests' copy, or an offline machine's). The binary reads it; the library is told.
pub const TARBALL_ENV: &str = "BANTIN_DECAP_TARBALL";
/// Where a fetched tarball is kept, below the site's folder.
pub const CACHE_DIR: &str = ".bantin-cache";
/// The main script, the one `admin/index.html` loads.
pub const MAIN_SCRIPT: &str = "decap-cms.js";
/// A tarball larger than this is not the one pinned (it is 16 MB).
const MAX_TARBALL: u64 = 64 << 20;
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Where the tarball was read from, for the diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// The file `BANTIN_DECAP_TARBALL` names.
    Given(PathBuf),
    /// The site's cache.
    Cache(PathBuf),
    /// The registry, just now.
    Registry,
}

/// Why the CMS script could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptError {
    /// The named tarball (or the cached one) could not be read.
    Unreadable { from: From, error: String },
    /// There was no tarball and the download failed.
    Download { error: String },
    /// The bytes are not the pinned release's.
    Checksum { from: From, found: String },
    /// The bytes are the pinned release's, yet not a tarball holding the script: not reached
    /// unless the pin itself is wrong.
    Damaged { from: From, error: String },
}

impl ScriptError {
    /// What went wrong, in a sentence.
    pub fn message(&self) -> Message {
        match self {
            ScriptError::Unreadable { from, error } => msg!(
                "cms-script-unreadable",
                path = from.path(),
                error = error.as_str()
            ),
            ScriptError::Download { error } => msg!(
                "cms-script-download",
                url = TARBALL_URL,
                error = error.as_str()
            ),
            ScriptError::Checksum { from, found } => match from {
                From::Registry => msg!(
                    "cms-script-checksum-download",
                    url = TARBALL_URL,
                    version = VERSION,
                    found = found.as_str()
                ),
                _ => msg!(
                    "cms-script-checksum",
                    path = from.path(),
                    version = VERSION,
                    found = found.as_str()
                ),
            },
            ScriptError::Damaged { from, error } => msg!(
                "cms-script-damaged",
                path = from.path(),
                error = error.as_str()
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Message {
        let pack = format!("npm pack decap-cms@{VERSION}");
        match self {
            ScriptError::Unreadable {
                from: From::Given(_),
                ..
            }
            | ScriptError::Checksum {
                from: From::Given(_),
                ..
            } => msg!("cms-script-given-help", variable = TARBALL_ENV, pack = pack),
            ScriptError::Unreadable { from, .. }
            | ScriptError::Checksum { from, .. }
            | ScriptError::Damaged { from, .. } => match from {
                From::Cache(path) => {
                    msg!("cms-script-cache-help", path = path.display().to_string(),)
                }
                _ => msg!("cms-script-given-help", variable = TARBALL_ENV, pack = pack),
            },
            ScriptError::Download { .. } => msg!(
                "cms-script-download-help",
                folder = CACHE_DIR,
                variable = TARBALL_ENV,
                pack = pack
            ),
        }
    }
}

impl From {
    fn path(&self) -> String {
        match self {
            From::Given(path) | From::Cache(path) => path.display().to_string(),
            From::Registry => TARBALL_URL.to_string(),
        }
    }
}

/// The CMS script's files, as `admin/…` outputs.
pub type Script = Arc<[Output]>;

/// The script as a build keeps it: loaded once per process by the preview (which rebuilds on
/// every save), every time by a one-off build.
#[derive(Default)]
pub struct Cache {
    keep: bool,
    /// What the last attempt gave, for the tarball it was asked for; a failure too, so an
    /// offline preview does not wait for the network again on every save.
    last: Option<(Option<PathBuf>, Result<Script, ScriptError>)>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("keep", &self.keep)
            .field(
                "files",
                &self.last.as_ref().map(|(_, r)| r.as_ref().map(|s| s.len())),
            )
            .finish()
    }
}

impl Cache {
    /// A cache that keeps the script between builds.
    pub fn keeping() -> Cache {
        Cache {
            keep: true,
            last: None,
        }
    }

    /// The script: from the file `given` names, else from `<source>/.bantin-cache/`, else
    /// downloaded once into it; always checked against [`INTEGRITY`].
    pub fn script(&mut self, source: &Path, given: Option<&Path>) -> Result<Script, ScriptError> {
        if let Some((asked, result)) = &self.last
            && asked.as_deref() == given
        {
            return result.clone();
        }
        let result = load(source, given);
        if self.keep {
            self.last = Some((given.map(Path::to_path_buf), result.clone()));
        }
        result
    }
}

/// The tarball in the site's cache.
pub fn cache_file(source: &Path) -> PathBuf {
    source.join(CACHE_DIR).join(TARBALL_NAME)
}

/// Reads, fetches and checks the tarball, and takes the script's files from it.
pub fn load(source: &Path, given: Option<&Path>) -> Result<Script, ScriptError> {
    let (bytes, from) = tarball(source, given)?;
    verify(&bytes).map_err(|found| ScriptError::Checksum {
        from: from.clone(),
        found,
    })?;
    if from == From::Registry {
        // Kept only once checked; a cache that cannot be written costs a download next time.
        let _ = keep(&cache_file(source), &bytes);
    }
    extract(&bytes).map_err(|error| ScriptError::Damaged { from, error })
}

fn tarball(source: &Path, given: Option<&Path>) -> Result<(Vec<u8>, From), ScriptError> {
    let read = |path: &Path, from: From| {
        std::fs::read(path)
            .map(|bytes| (bytes, from.clone()))
            .map_err(|e| ScriptError::Unreadable {
                from,
                error: e.to_string(),
            })
    };
    if let Some(path) = given {
        return read(path, From::Given(path.to_path_buf()));
    }
    let cached = cache_file(source);
    if cached.is_file() {
        return read(&cached, From::Cache(cached.clone()));
    }
    download().map(|bytes| (bytes, From::Registry))
}

fn download() -> Result<Vec<u8>, ScriptError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .user_agent(concat!("bantin/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let failed = |e: ureq::Error| ScriptError::Download {
        error: e.to_string(),
    };
    let mut response = agent.get(TARBALL_URL).call().map_err(failed)?;
    response
        .body_mut()
        .with_config()
        .limit(MAX_TARBALL)
        .read_to_vec()
        .map_err(failed)
}

/// Writes the checked tarball into the cache through a temporary file, so a killed build never
/// leaves half a tarball there.
fn keep(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let Some(folder) = path.parent() else {
        return Ok(());
    };
    std::fs::create_dir_all(folder)?;
    let temporary = folder.join(format!(".{TARBALL_NAME}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// `Ok` when `bytes` are the pinned tarball; else the integrity they have, in npm's form.
pub fn verify(bytes: &[u8]) -> Result<(), String> {
    let found = integrity(bytes);
    if found == INTEGRITY {
        Ok(())
    } else {
        Err(found)
    }
}

/// npm's `dist.integrity` of some bytes: `sha512-` and the base64 of the digest.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Whether `name`, a file of the package's `dist/`, is served: the main script, its chunks, the
/// WebAssembly files and the licence notice. Source maps are for debugging Decap itself, and
/// `cms.js` (with its chunks, licence and CSS) is the same bundle under its old name.
pub fn served(name: &str) -> bool {
    let chunk = name
        .strip_suffix(".decap-cms.js")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    name == MAIN_SCRIPT
        || name == "decap-cms.js.LICENSE.txt"
        || chunk
        || (name.ends_with(".wasm") && !name.contains('/'))
}

/// The served files of the tarball's `package/dist/`, as `admin/<name>`, in the tarball's order.
pub fn extract(bytes: &[u8]) -> Result<Script, String> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
    let mut files = Vec::new();
    for entry in archive.entries().map_err(|e| e.to_string())? {
        let mut entry = entry.map_err(|e| e.to_string())?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let path = entry.path().map_err(|e| e.to_string())?;
        let Some(name) = path
            .to_str()
            .and_then(|p| p.strip_prefix("package/dist/"))
            .filter(|name| served(name))
            .map(str::to_string)
        else {
            continue;
        };
        let mut content = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry.read_to_end(&mut content).map_err(|e| e.to_string())?;
        files.push(Output {
            path: format!("{}{name}", super::ADMIN),
            bytes: content.into(),
        });
    }
    if !files
        .iter()
        .any(|f| f.path == format!("{}{MAIN_SCRIPT}", super::ADMIN))
    {
        return Err(format!("package/dist/{MAIN_SCRIPT} is missing"));
    }
    Ok(files.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bundle_its_chunks_wasm_and_licence_are_served() {
        for name in [
            "decap-cms.js",
            "7.decap-cms.js",
            "9829.decap-cms.js",
            "dd5d52671a5763720504.wasm",
            "decap-cms.js.LICENSE.txt",
        ] {
            assert!(served(name), "{name}");
        }
        for name in [
            "decap-cms.js.map",
            "7.decap-cms.js.map",
            "cms.js",
            "103.cms.js",
            "cms.js.LICENSE.txt",
            "cms.css",
            ".decap-cms.js",
            "a.decap-cms.js",
            "x/y.wasm",
        ] {
            assert!(!served(name), "{name}");
        }
    }

    #[test]
    fn integrity_is_npms_sha512_in_base64() {
        // `printf abc | openssl dgst -sha512 -binary | base64`
        assert_eq!(
            integrity(b"abc"),
            "sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw=="
        );
        assert!(verify(b"abc").is_err());
    }

    /// A gzipped tarball with these files (paths as in the npm package).
    fn tarball(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut builder = tar::Builder::new(flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::fast(),
        ));
        for (path, bytes) in files {
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder.append_data(&mut header, path, *bytes).unwrap();
        }
        builder.into_inner().unwrap().finish().unwrap()
    }

    #[test]
    fn extracts_the_served_files_under_admin() {
        let bytes = tarball(&[
            ("package/package.json", b"{}"),
            ("package/dist/decap-cms.js", b"main"),
            ("package/dist/decap-cms.js.map", b"map"),
            ("package/dist/12.decap-cms.js", b"chunk"),
            ("package/dist/cms.js", b"old"),
        ]);
        let files = extract(&bytes).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names, ["admin/decap-cms.js", "admin/12.decap-cms.js"]);
        assert_eq!(&*files[1].bytes, b"chunk");
        let without = tarball(&[("package/dist/12.decap-cms.js", b"chunk")]);
        assert!(extract(&without).unwrap_err().contains("decap-cms.js"));
        assert!(extract(b"not a tarball").is_err());
    }

    #[test]
    fn a_tarball_that_is_not_the_pinned_one_is_refused_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let given = dir.path().join(TARBALL_NAME);
        std::fs::write(&given, tarball(&[("package/dist/decap-cms.js", b"x")])).unwrap();
        let error = load(dir.path(), Some(&given)).unwrap_err();
        assert!(
            matches!(&error, ScriptError::Checksum { from: From::Given(p), .. } if *p == given),
            "{error:?}"
        );
        let en = crate::messages::Lang::En;
        assert!(en.text(&error.message()).contains(VERSION));
        assert!(en.text(&error.help()).contains("npm pack decap-cms@3.16.3"));
        assert!(en.text(&error.help()).contains(TARBALL_ENV));

        // A tarball in the cache that is not the pinned one is not replaced behind the
        // editor's back: the help says to delete it.
        let cached = cache_file(dir.path());
        std::fs::create_dir_all(cached.parent().unwrap()).unwrap();
        std::fs::write(&cached, b"x").unwrap();
        let error = load(dir.path(), None).unwrap_err();
        assert!(matches!(
            &error,
            ScriptError::Checksum {
                from: From::Cache(_),
                ..
            }
        ));
        assert!(en.text(&error.help()).contains(".bantin-cache"));

        let missing = dir.path().join("nowhere.tgz");
        let error = load(dir.path(), Some(&missing)).unwrap_err();
        assert!(matches!(error, ScriptError::Unreadable { .. }));
    }

    #[test]
    fn a_preview_asks_once_per_tarball() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nowhere.tgz");
        let mut cache = Cache::keeping();
        assert!(cache.script(dir.path(), Some(&missing)).is_err());
        // The file appears, but the preview keeps what it found until it starts again.
        std::fs::write(&missing, b"x").unwrap();
        assert!(matches!(
            cache.script(dir.path(), Some(&missing)),
            Err(ScriptError::Unreadable { .. })
        ));
        let mut once = Cache::default();
        assert!(matches!(
            once.script(dir.path(), Some(&missing)),
            Err(ScriptError::Checksum { .. })
        ));
    }
}
