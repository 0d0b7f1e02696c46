//! Takes Decap CMS's proxy-backend requests (`POST /__bantin/api/v1`, JSON
//! `{branch, action, params}`) from the CMS page of this preview, and gives the CMS the site's
//! articles and pages (`.md` files in `content/`) and photos (in `static/images/`) to read,
//! write and delete, so that an editor can use the CMS on one machine with nothing but
//! `bantin serve`: no account, no Git, no Node. Documents' files to download (PDF, DOCX … in
//! `static/van-ban/`, where the "Văn bản" collection's file widget puts them) go the photos'
//! way. Files saved here are ordinary edits: the preview's watcher picks them up and rebuilds.
//!
//! Simple publishing only (`info` answers `publish_modes: ["simple"]`, as decap-server's `fs`
//! mode does): the editorial workflow keeps drafts on Git branches, which a folder without Git
//! has not; bantin's own `draft: true` is the local draft. The actions and their answers follow
//! decap-server (`packages/decap-server/src/middlewares/localFs/index.ts`) and the client
//! (`packages/decap-cms-backend-proxy/src/implementation.ts`); see the README, "Editing in the
//! browser without Git".
//!
//! This endpoint writes files, so it trusts nothing (the README lists the rules):
//! - it is off unless the server listens on a loopback address, and answers only requests from
//!   this machine;
//! - `Host` must be one of this server's own loopback names with its port (DNS rebinding);
//!   `Origin` must be present and be the same origin; `Sec-Fetch-Site`, when sent, must be
//!   `same-origin`; the body must be JSON (`Content-Type: application/json`), which no
//!   cross-site form can send without a CORS preflight, and no CORS header is ever sent;
//! - paths are relative to the site folder, normalised (`..`), and must lead to a `.md` file in
//!   `content/`, a photo (JPEG, PNG, WebP, GIF, AVIF: never SVG or HTML) in `static/images/` or
//!   a document's file (PDF, Office, OpenDocument: never a program, HTML or SVG) in
//!   `static/van-ban/`, with every link on the way resolved and still inside the site and that
//!   folder;
//! - photos must be photos and documents' files what their names say (their first bytes), a
//!   document's file is at most [`MAX_DOCUMENT`] bytes, writes are atomic (a temporary file
//!   renamed into place) and one at a time, a moved article moves exactly one file, and a
//!   request is at most [`MAX_BODY`] bytes.

use std::fs;
use std::io::{self, Read, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Value, json};
use tiny_http::{Header, Method, Request, Response};

use super::Snapshot;
use crate::messages::{Lang, Message};
use crate::msg;

/// Where the CMS's `backend.proxy_url` points.
pub const PATH: &str = "/__bantin/api/v1";

/// The largest request body: decap-server's limit (`express.json({limit: '50mb'})`), so that
/// whatever the CMS can save through decap-server it can save here. An entry's photos travel
/// in it base64-encoded (4/3 of their size): a few phone photos of 8–10 MB each. The server
/// holds one such body in memory per request, and only this machine can send one.
pub const MAX_BODY: u64 = 50 * 1024 * 1024;

/// `getMedia` answers with the photos' whole contents (the protocol has no thumbnails), and the
/// CMS asks for a folder's list each time an entry opens: the newest this many photos of the
/// folder…
const MEDIA_LIST_FILES: usize = 200;
/// …and no more than this many bytes of them, so that a folder of years of photos does not
/// make answers of hundreds of megabytes. Older photos stay where they are and in the articles;
/// the CMS's media library just does not offer them.
const MEDIA_LIST_BYTES: u64 = 64 * 1024 * 1024;

/// What a photo's name may end with (compared without case).
const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp", "gif", "avif"];

/// The largest file of a document (a PDF, a DOCX …) the CMS may save: a scanned decree of a few
/// dozen pages is a few MB; 20 MB leaves room for a long one, and, base64-encoded in a request
/// (4/3 of it), stays well under [`MAX_BODY`]. A larger scan should be made smaller (a lower
/// resolution) or split before it goes on a news site.
pub const MAX_DOCUMENT: u64 = 20 * 1024 * 1024;

/// How a kind of document file begins: what its first bytes must be, so that a renamed file
/// (an HTML page or a program called `.pdf`) is not saved as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Magic {
    /// `%PDF-`.
    Pdf,
    /// A ZIP archive, `PK\x03\x04`: Office Open XML (DOCX, XLSX, PPTX) and OpenDocument
    /// (ODT, ODS, ODP).
    Zip,
    /// An OLE2 compound file: Word, Excel and PowerPoint before 2007 (DOC, XLS, PPT).
    Ole,
}

/// What a document's file may end with (compared without case), and how it must begin: the
/// formats the "Văn bản" collection's file widget asks for (PDF, DOCX, DOC, XLSX, ODT …).
/// Never a program, HTML or SVG: the preview serves `static/` on its own origin.
const DOCUMENT_TYPES: &[(&str, Magic)] = &[
    ("pdf", Magic::Pdf),
    ("docx", Magic::Zip),
    ("doc", Magic::Ole),
    ("xlsx", Magic::Zip),
    ("xls", Magic::Ole),
    ("pptx", Magic::Zip),
    ("ppt", Magic::Ole),
    ("odt", Magic::Zip),
    ("ods", Magic::Zip),
    ("odp", Magic::Zip),
];

/// The part of the site the CMS may change: the articles and pages, the photos, and the
/// documents' files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    /// `.md` files in `content/`.
    Content,
    /// Photos in `static/images/`.
    Photos,
    /// Documents' files (PDF, DOCX …) in `static/van-ban/`.
    Documents,
}

impl Area {
    /// The area's folder, as path components from the site folder.
    fn prefix(self) -> &'static [&'static str] {
        match self {
            Area::Content => &["content"],
            Area::Photos => &["static", "images"],
            Area::Documents => &["static", "van-ban"],
        }
    }

    fn folder(self) -> &'static str {
        match self {
            Area::Content => "content",
            Area::Photos => "static/images",
            Area::Documents => "static/van-ban",
        }
    }
}

/// What a request's path must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// An article or page: a `.md` file in `content/`.
    Entry,
    /// A media file: a photo in `static/images/` or a document's file in `static/van-ban/`.
    Media,
    /// Either (what `deleteFile` may remove).
    EntryOrMedia,
    /// `content/` or a folder in it (to list entries).
    EntryFolder,
    /// `static/images/`, `static/van-ban/` or a folder in them (to list media files).
    MediaFolder,
}

/// Why a path was refused.
#[derive(Debug)]
enum PathError {
    Empty,
    Absolute,
    BadCharacter,
    /// `..` leads above the site folder.
    Outside,
    Hidden,
    /// Neither in `content/` nor in `static/images/`.
    NotAllowed,
    NotMarkdown,
    NotImage,
    /// In `static/van-ban/`, but not a document's file of an accepted type.
    NotDocument,
    /// A link on the way leads out of the site or out of the area's folder.
    ThroughLink(Area),
    /// A part of the path is a file.
    NotFolder,
    IsFolder,
    Unreadable(io::Error),
}

impl PathError {
    fn refusal(self, path: &str) -> Refusal {
        let path = path.to_string();
        let message = match self {
            PathError::Empty => msg!("serve-cms-path-empty"),
            PathError::Absolute => msg!("serve-cms-path-absolute", path = path),
            PathError::BadCharacter => msg!("serve-cms-path-character", path = path),
            PathError::Outside => msg!("serve-cms-path-outside", path = path),
            PathError::Hidden => msg!("serve-cms-path-hidden", path = path),
            PathError::NotAllowed => msg!("serve-cms-path-not-allowed", path = path),
            PathError::NotMarkdown => msg!("serve-cms-path-not-markdown", path = path),
            PathError::NotImage => msg!("serve-cms-path-not-image", path = path),
            PathError::NotDocument => msg!(
                "serve-cms-path-not-document",
                path = path,
                types = document_type_names()
            ),
            PathError::ThroughLink(area) => {
                msg!("serve-cms-path-link", path = path, area = area.folder())
            }
            PathError::NotFolder => msg!("serve-cms-path-not-folder", path = path),
            PathError::IsFolder => msg!("serve-cms-path-is-folder", path = path),
            PathError::Unreadable(e) => {
                return Refusal::new(
                    500,
                    msg!(
                        "serve-cms-path-unreadable",
                        path = path,
                        error = e.to_string()
                    ),
                );
            }
        };
        Refusal::new(403, message)
    }
}

/// The written path's components after `.` and `..` are worked out: nothing above the site
/// folder, no absolute path, no backslash (a separator on Windows), no `:` (a drive or an NTFS
/// stream), no NUL, no hidden names.
fn normalise(written: &str) -> Result<Vec<&str>, PathError> {
    if written.contains(['\\', '\0', ':']) {
        return Err(PathError::BadCharacter);
    }
    if written.starts_with('/') {
        return Err(PathError::Absolute);
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in written.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(PathError::Outside);
                }
            }
            _ if part.starts_with('.') => return Err(PathError::Hidden),
            _ => parts.push(part),
        }
    }
    if parts.is_empty() {
        return Err(PathError::Empty);
    }
    Ok(parts)
}

fn is_image_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && IMAGE_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
    })
}

/// The type of a document's file by its name: its extension as written in capitals ("PDF") and
/// how its content must begin; `None` for a name that is not one of [`DOCUMENT_TYPES`].
fn document_type(name: &str) -> Option<(String, Magic)> {
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    DOCUMENT_TYPES
        .iter()
        .find(|(e, _)| ext.eq_ignore_ascii_case(e))
        .map(|&(e, magic)| (e.to_ascii_uppercase(), magic))
}

/// "PDF, DOCX, DOC …", for messages.
fn document_type_names() -> String {
    DOCUMENT_TYPES
        .iter()
        .map(|(e, _)| e.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a name is a media file of `area`: a photo in `static/images/`, a document's file in
/// `static/van-ban/`.
fn is_media_name(area: Area, name: &str) -> bool {
    match area {
        Area::Photos => is_image_name(name),
        Area::Documents => document_type(name).is_some(),
        Area::Content => false,
    }
}

/// Which area normalised `parts` lie in, if they name what `want` asks for.
fn classify(parts: &[&str], want: Want) -> Result<Area, PathError> {
    let area = if parts.starts_with(Area::Content.prefix()) {
        Area::Content
    } else if parts.starts_with(Area::Photos.prefix()) {
        Area::Photos
    } else if parts.starts_with(Area::Documents.prefix()) {
        Area::Documents
    } else {
        return Err(PathError::NotAllowed);
    };
    let below = parts.len() - area.prefix().len();
    let last = parts.last().copied().unwrap_or_default();
    match (want, area) {
        (Want::EntryFolder, Area::Content)
        | (Want::MediaFolder, Area::Photos | Area::Documents) => Ok(area),
        (Want::Entry | Want::EntryOrMedia, Area::Content) => {
            if below >= 1 && last.len() > ".md".len() && last.ends_with(".md") {
                Ok(area)
            } else {
                Err(PathError::NotMarkdown)
            }
        }
        (Want::Media | Want::EntryOrMedia, Area::Photos) => {
            if below >= 1 && is_image_name(last) {
                Ok(area)
            } else {
                Err(PathError::NotImage)
            }
        }
        (Want::Media | Want::EntryOrMedia, Area::Documents) => {
            if below >= 1 && document_type(last).is_some() {
                Ok(area)
            } else {
                Err(PathError::NotDocument)
            }
        }
        (Want::Entry | Want::EntryFolder, Area::Photos | Area::Documents) => {
            Err(PathError::NotMarkdown)
        }
        (Want::Media | Want::MediaFolder, Area::Content) => Err(PathError::NotImage),
    }
}

/// A path the CMS may use, found on disk.
#[derive(Debug)]
struct Located {
    /// Where to read or write: below the site's real folder, every existing folder on the way
    /// resolved through links; the last component as written (a link there is replaced by a
    /// write, removed by a delete).
    real: PathBuf,
    /// The area folder's real path (for listings, whose links are checked one by one).
    area_real: PathBuf,
    /// The normalised path from the site folder, with `/`.
    rel: String,
    /// The part of the site it is in.
    area: Area,
}

/// Checks a path the CMS sent and finds it on disk: normalised and classified (see
/// [`normalise`], [`classify`]), then each folder on the way that exists is resolved through
/// links and must stay inside the site's real folder and, from the area's folder on, inside that
/// folder's real path (compared by whole components: `/srv/site2` is not inside `/srv/site`).
/// A file that exists and is a link must lead inside the area too. Folders that do not exist yet
/// are created by a write; nothing in them can be a link.
fn locate(root: &Path, written: &str, want: Want) -> Result<Located, PathError> {
    let parts = normalise(written)?;
    let area = classify(&parts, want)?;
    let root_real = fs::canonicalize(root).map_err(PathError::Unreadable)?;
    let is_folder = matches!(want, Want::EntryFolder | Want::MediaFolder);
    let folders = if is_folder {
        &parts[..]
    } else {
        &parts[..parts.len() - 1]
    };
    let mut real = root_real.clone();
    let mut area_real = None;
    let mut missing = false;
    for (i, part) in folders.iter().enumerate() {
        let next = real.join(part);
        if missing {
            real = next;
        } else {
            match fs::symlink_metadata(&next) {
                Ok(_) => {
                    // A broken link or a loop cannot be followed: it leads nowhere in the site.
                    let target =
                        fs::canonicalize(&next).map_err(|_| PathError::ThroughLink(area))?;
                    let inside = target.starts_with(&root_real)
                        && area_real
                            .as_ref()
                            .is_none_or(|a: &PathBuf| target.starts_with(a));
                    if !inside {
                        return Err(PathError::ThroughLink(area));
                    }
                    if !target.is_dir() {
                        return Err(PathError::NotFolder);
                    }
                    real = target;
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    missing = true;
                    real = next;
                }
                Err(e) => return Err(PathError::Unreadable(e)),
            }
        }
        if i + 1 == area.prefix().len() {
            // The area's folder itself must be a folder of the site, not a link elsewhere:
            // its real path is checked against the site's above.
            area_real = Some(real.clone());
        }
    }
    let area_real = area_real.unwrap_or_else(|| real.clone());
    if !is_folder {
        let file = real.join(parts[parts.len() - 1]);
        if !missing {
            match fs::symlink_metadata(&file) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    match fs::canonicalize(&file) {
                        Ok(target) if target.starts_with(&area_real) => {
                            if target.is_dir() {
                                return Err(PathError::IsFolder);
                            }
                        }
                        // A broken link: writing replaces it, reading finds nothing.
                        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                        _ => return Err(PathError::ThroughLink(area)),
                    }
                }
                Ok(meta) if meta.is_dir() => return Err(PathError::IsFolder),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(PathError::Unreadable(e)),
            }
        }
        real = file;
    }
    Ok(Located {
        real,
        area_real,
        rel: parts.join("/"),
        area,
    })
}

/// Whether `bytes` start like a photo of one of the accepted kinds. The name's extension decides
/// how the preview serves it; this makes sure a `.png` is not an HTML page in disguise.
fn is_image(bytes: &[u8]) -> bool {
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    at(0, b"\xFF\xD8\xFF")
        || at(0, b"\x89PNG\r\n\x1A\n")
        || at(0, b"GIF87a")
        || at(0, b"GIF89a")
        || (at(0, b"RIFF") && at(8, b"WEBP"))
        || (at(4, b"ftyp") && (at(8, b"avif") || at(8, b"avis")))
}

/// Whether `bytes` begin as a file of `magic`'s kind must: a PDF with `%PDF-`, a DOCX or ODT
/// (a ZIP archive) with `PK\x03\x04`, a DOC (an OLE2 compound file) with its signature.
fn begins_as(magic: Magic, bytes: &[u8]) -> bool {
    match magic {
        Magic::Pdf => bytes.starts_with(b"%PDF-"),
        Magic::Zip => bytes.starts_with(b"PK\x03\x04"),
        Magic::Ole => bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
    }
}

/// Whether a `Host` header names this server: `localhost` or a loopback address, with the
/// server's port (or none, for port 80). Anything else is a name that an attacker's DNS may
/// point at 127.0.0.1 (DNS rebinding), or a server this is not.
fn is_own_host(host: &str, port: u16) -> bool {
    let (name, written_port) = if let Some(rest) = host.strip_prefix('[') {
        // [::1]:1111
        let Some((name, after)) = rest.split_once(']') else {
            return false;
        };
        match after {
            "" => (name, None),
            _ => match after.strip_prefix(':') {
                Some(p) => (name, Some(p)),
                None => return false,
            },
        }
    } else {
        match host.split_once(':') {
            // An IPv6 address is only ever written in brackets.
            Some((_, p)) if p.contains(':') => return false,
            Some((name, p)) => (name, Some(p)),
            None => (host, None),
        }
    };
    let port_ok = match written_port {
        None => port == 80,
        Some(p) => p.parse::<u16>().is_ok_and(|p| p == port) && !p.starts_with('0'),
    };
    let name_ok = name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    port_ok && name_ok
}

/// Whether the server's `--bind` address is this machine alone.
fn is_loopback_bind(bind: &str) -> bool {
    bind.eq_ignore_ascii_case("localhost")
        || bind
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Why a request gets no answer but an error, which the CMS shows in a notice.
#[derive(Debug)]
struct Refusal {
    status: u16,
    message: Message,
}

impl Refusal {
    fn new(status: u16, message: Message) -> Refusal {
        Refusal { status, message }
    }
}

type Answer = Result<Value, Refusal>;

/// The CMS's backend for one `bantin serve`.
pub struct CmsApi {
    /// The site folder.
    root: PathBuf,
    /// The port the server listens on (the one picked for `--port 0`).
    port: u16,
    /// Set when the API is off: the `--bind` address that is not loopback.
    off: Option<String>,
    /// Writes (and deletes) one at a time, so that two saves never interleave.
    writes: Mutex<()>,
}

/// The request as the CMS sends it.
#[derive(Deserialize)]
struct Call {
    action: String,
    #[serde(default)]
    params: Value,
}

#[derive(Deserialize)]
struct FolderParams {
    folder: String,
    extension: String,
    depth: f64,
}

#[derive(Deserialize)]
struct FileRef {
    path: String,
    #[serde(default)]
    label: Option<String>,
}

#[derive(Deserialize)]
struct FilesParams {
    files: Vec<FileRef>,
}

#[derive(Deserialize)]
struct PathParams {
    path: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DataFile {
    path: String,
    raw: String,
    #[serde(default)]
    new_path: Option<String>,
}

#[derive(Deserialize)]
struct Asset {
    path: String,
    content: String,
    encoding: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PersistEntryParams {
    /// The form before decap-server 2.x (one file), still accepted there.
    #[serde(default)]
    entry: Option<DataFile>,
    #[serde(default)]
    data_files: Option<Vec<DataFile>>,
    #[serde(default)]
    assets: Vec<Asset>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MediaFolderParams {
    media_folder: String,
}

#[derive(Deserialize)]
struct PersistMediaParams {
    asset: Asset,
}

#[derive(Deserialize)]
struct PathsParams {
    paths: Vec<String>,
}

#[derive(Deserialize)]
struct DeployParams {
    collection: String,
    slug: String,
}

fn params<T: serde::de::DeserializeOwned>(action: &str, params: Value) -> Result<T, Refusal> {
    serde_json::from_value(params).map_err(|e| {
        Refusal::new(
            422,
            msg!(
                "serve-cms-bad-params",
                action = action,
                error = e.to_string()
            ),
        )
    })
}

/// One header's value; `Err` when it is sent more than once (which one would count?).
fn header<'a>(request: &'a Request, name: &'static str) -> Result<Option<&'a str>, ()> {
    let mut found = request
        .headers()
        .iter()
        .filter(|h| h.field.equiv(name))
        .map(|h| h.value.as_str());
    let first = found.next();
    if found.next().is_some() {
        return Err(());
    }
    Ok(first)
}

/// A file's identity for the CMS (it keys its caches by it): decap-server gives a SHA-256; any
/// digest of the bytes does. 64-bit FNV-1a, as `/__bantin/state` hashes files.
fn file_id(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

fn entry_json(path: &str, label: Option<&str>, bytes: Option<&[u8]>) -> Value {
    let mut file = json!({ "path": path, "id": bytes.map(file_id) });
    if let Some(label) = label {
        file["label"] = json!(label);
    }
    json!({
        "data": bytes.map(|b| String::from_utf8_lossy(b).into_owned()),
        "file": file,
    })
}

fn media_json(path: &str, bytes: &[u8]) -> Value {
    let name = path.rsplit('/').next().unwrap_or(path);
    json!({
        "id": file_id(bytes),
        "content": base64::engine::general_purpose::STANDARD.encode(bytes),
        "encoding": "base64",
        "path": path,
        "name": name,
    })
}

/// Reads a file the CMS asked for; `None` when it does not exist.
fn read_file(located: &Located, written: &str) -> Result<Option<Vec<u8>>, Refusal> {
    match fs::read(&located.real) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Refusal::new(
            500,
            msg!(
                "serve-cms-read-failed",
                path = written,
                error = e.to_string()
            ),
        )),
    }
}

/// Writes a file whole or not at all: into a temporary file beside it (hidden and ending in
/// `~`, so neither the build nor the watcher takes it for a source), flushed to disk, then
/// renamed over the old one. The old file's permissions are kept.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.bantin-cms-{}~", std::process::id()));
    // Left by a server that died mid-write (writes are one at a time in a server).
    let _ = fs::remove_file(&temp);
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&temp, meta.permissions())?;
        }
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A media file the CMS sent, decoded and checked against its area: a photo must be a photo;
/// a document's file must begin as its name's type does and be at most [`MAX_DOCUMENT`] bytes.
fn decode_media(asset: &Asset, area: Area) -> Result<Vec<u8>, Refusal> {
    if asset.encoding != "base64" {
        return Err(Refusal::new(
            422,
            msg!(
                "serve-cms-encoding",
                path = asset.path.as_str(),
                encoding = asset.encoding.as_str()
            ),
        ));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(asset.content.as_bytes())
        .map_err(|e| {
            Refusal::new(
                422,
                msg!(
                    "serve-cms-not-base64",
                    path = asset.path.as_str(),
                    error = e.to_string()
                ),
            )
        })?;
    match area {
        Area::Documents => {
            let name = asset.path.rsplit('/').next().unwrap_or_default();
            if let Some((kind, magic)) = document_type(name)
                && !begins_as(magic, &bytes)
            {
                return Err(Refusal::new(
                    422,
                    msg!(
                        "serve-cms-not-document",
                        path = asset.path.as_str(),
                        kind = kind
                    ),
                ));
            }
            if bytes.len() as u64 > MAX_DOCUMENT {
                return Err(Refusal::new(
                    413,
                    msg!(
                        "serve-cms-document-too-large",
                        path = asset.path.as_str(),
                        size = megabytes(bytes.len() as u64),
                        limit = (MAX_DOCUMENT / 1024 / 1024).to_string()
                    ),
                ));
            }
        }
        Area::Photos | Area::Content => {
            if !is_image(&bytes) {
                return Err(Refusal::new(
                    422,
                    msg!("serve-cms-not-image", path = asset.path.as_str()),
                ));
            }
        }
    }
    Ok(bytes)
}

/// A document's file is never written over another file of the same name: the CMS's media
/// library, when an editor uploads a name it lists, asks whether to replace the old file and
/// deletes it first (`deleteFile`), so a file still there is one the CMS did not offer to
/// replace (one past the listing's limits, or put there by hand). The same bytes again (a save
/// repeated after a failure) are no replacement.
fn refuse_replacing(located: &Located, bytes: &[u8], written: &str) -> Result<(), Refusal> {
    if located.area != Area::Documents {
        return Ok(());
    }
    match fs::read(&located.real) {
        Ok(old) if old != bytes => Err(Refusal::new(
            409,
            msg!("serve-cms-document-exists", path = written),
        )),
        _ => Ok(()),
    }
}

/// A size in whole MB, rounded up (a file just over the limit reads as over it), written the
/// same in both languages.
fn megabytes(bytes: u64) -> String {
    bytes.div_ceil(1024 * 1024).to_string()
}

impl CmsApi {
    /// The backend for the site in `root`, served on `bind`:`port`.
    pub fn new(root: PathBuf, bind: &str, port: u16) -> CmsApi {
        CmsApi {
            root,
            port,
            off: (!is_loopback_bind(bind)).then(|| bind.to_string()),
            writes: Mutex::new(()),
        }
    }

    /// Answers one request to [`PATH`]: JSON, with `{"error": …}` in the server's language
    /// when refused.
    pub fn answer(&self, mut request: Request, snapshot: &RwLock<Snapshot>) {
        let lang = snapshot.read().map_or_else(|_| Lang::default(), |s| s.lang);
        let result = self
            .check(&request)
            .and_then(|host| Ok((host, read_body(&mut request)?)))
            .and_then(|(host, body)| self.call(&body, &host, snapshot));
        let (status, body) = match result {
            Ok(value) => (200, value),
            Err(refusal) => (
                refusal.status,
                json!({ "error": lang.text(&refusal.message) }),
            ),
        };
        let mut response = Response::from_string(body.to_string()).with_status_code(status);
        for (name, value) in [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ] {
            if let Ok(h) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response = response.with_header(h);
            }
        }
        let _ = request.respond(response);
    }

    /// The checks that come before anything is read: who may call at all. Gives the `Host`.
    fn check(&self, request: &Request) -> Result<String, Refusal> {
        let forbidden = |message| Err(Refusal::new(403, message));
        if let Some(bind) = &self.off {
            return forbidden(msg!("serve-cms-off", address = bind.as_str()));
        }
        // With a loopback bind only this machine can connect; checked anyway, so that a change
        // to how the server listens cannot open the API to the network.
        if let Some(peer) = request.remote_addr()
            && !peer.ip().to_canonical().is_loopback()
        {
            return forbidden(msg!("serve-cms-remote", address = peer.ip().to_string()));
        }
        let port = self.port.to_string();
        let host = match header(request, "Host") {
            Ok(Some(host)) if is_own_host(host, self.port) => host.to_ascii_lowercase(),
            Ok(host) => {
                return forbidden(msg!(
                    "serve-cms-host",
                    host = host.unwrap_or_default(),
                    port = port
                ));
            }
            Err(()) => return forbidden(msg!("serve-cms-host", host = "…", port = port)),
        };
        if *request.method() != Method::Post {
            return Err(Refusal::new(405, msg!("serve-cms-method")));
        }
        let own = format!("http://{host}");
        match header(request, "Origin") {
            Ok(Some(origin)) if origin.eq_ignore_ascii_case(&own) => {}
            Ok(Some(origin)) => {
                return forbidden(msg!("serve-cms-origin", origin = origin, own = own));
            }
            Ok(None) => return forbidden(msg!("serve-cms-no-origin")),
            Err(()) => return forbidden(msg!("serve-cms-origin", origin = "…", own = own)),
        }
        match header(request, "Sec-Fetch-Site") {
            Ok(None) => {}
            Ok(Some(site)) if site.eq_ignore_ascii_case("same-origin") => {}
            Ok(Some(site)) => return forbidden(msg!("serve-cms-cross-site", value = site)),
            Err(()) => return forbidden(msg!("serve-cms-cross-site", value = "…")),
        }
        let content_type = header(request, "Content-Type").ok().flatten();
        let media_type = content_type
            .and_then(|t| t.split(';').next())
            .map(str::trim)
            .unwrap_or_default();
        if !media_type.eq_ignore_ascii_case("application/json") {
            return forbidden(msg!(
                "serve-cms-not-json",
                content_type = content_type.unwrap_or("-")
            ));
        }
        if request.body_length().is_some_and(|n| n as u64 > MAX_BODY) {
            return Err(too_large());
        }
        Ok(host)
    }

    fn call(&self, body: &[u8], host: &str, snapshot: &RwLock<Snapshot>) -> Answer {
        let call: Call = match serde_json::from_slice::<Value>(body) {
            Err(e) => {
                return Err(Refusal::new(
                    400,
                    msg!("serve-cms-bad-json", error = e.to_string()),
                ));
            }
            Ok(value) => serde_json::from_value(value).map_err(|e| {
                Refusal::new(
                    422,
                    msg!("serve-cms-bad-params", action = "-", error = e.to_string()),
                )
            })?,
        };
        let action = call.action.as_str();
        let p = call.params;
        match action {
            "info" => Ok(self.info()),
            "entriesByFolder" => self.entries_by_folder(params(action, p)?),
            "entriesByFiles" => self.entries_by_files(params(action, p)?),
            "getEntry" => self.get_entry(params(action, p)?),
            "persistEntry" => self.persist_entry(params(action, p)?),
            "getMedia" => self.get_media(params(action, p)?),
            "getMediaFile" => self.get_media_file(params(action, p)?),
            "persistMedia" => self.persist_media(params(action, p)?),
            "deleteFile" => {
                let PathParams { path } = params(action, p)?;
                self.delete(&[path])
                    .map(|paths| json!({ "message": format!("deleted file {paths}") }))
            }
            "deleteFiles" => {
                let PathsParams { paths } = params(action, p)?;
                self.delete(&paths)
                    .map(|paths| json!({ "message": format!("deleted files {paths}") }))
            }
            "getDeployPreview" => Ok(self.deploy_preview(params(action, p)?, host, snapshot)),
            _ => Err(Refusal::new(
                422,
                msg!("serve-cms-unknown-action", action = action),
            )),
        }
    }

    /// `{repo, publish_modes, type}`: what the CMS's `local_backend` probe checks.
    fn info(&self) -> Value {
        let repo = fs::canonicalize(&self.root)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "site".to_string());
        json!({ "repo": repo, "publish_modes": ["simple"], "type": "local_fs" })
    }

    fn locate(&self, written: &str, want: Want) -> Result<Located, Refusal> {
        locate(&self.root, written, want).map_err(|e| e.refusal(written))
    }

    /// Every `.md` file in the folder, down to `depth` levels (1: the folder's own files), as
    /// `[{data, file: {path, id}}]`, by path. Hidden files are left out, and so are links that
    /// lead out of `content/`, as the build leaves them out. The articles' folder is listed at
    /// every depth, whatever the CMS asks: bantin reads articles in any subfolder
    /// (`content/tin-tuc/2024/…`), and the CMS asks for its own folder only; so are the albums'
    /// (`content/thu-vien-anh/2025/…`) and the documents' (`content/van-ban/2020/…`).
    fn entries_by_folder(&self, p: FolderParams) -> Answer {
        let folder = self.locate(&p.folder, Want::EntryFolder)?;
        let extension = format!(".{}", p.extension.trim_start_matches('.'));
        let folder_name = p.folder.trim_matches('/');
        let articles = [
            crate::cms::ARTICLES_FOLDER,
            crate::cms::ALBUMS_FOLDER,
            crate::cms::DOCUMENTS_FOLDER,
        ]
        .contains(&folder_name);
        let depth = if articles {
            64
        } else {
            p.depth.clamp(0.0, 64.0) as usize
        };
        if depth == 0 || !folder.real.is_dir() {
            return Ok(json!([]));
        }
        let walk = walkdir::WalkDir::new(&folder.real)
            .follow_links(true)
            .max_depth(depth)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                if entry.depth() == 0 {
                    return true;
                }
                if entry.file_name().to_string_lossy().starts_with('.') {
                    return false;
                }
                !entry.path_is_symlink()
                    || fs::canonicalize(entry.path())
                        .is_ok_and(|t| t.starts_with(&folder.area_real))
            });
        let mut entries = Vec::new();
        for entry in walk.flatten() {
            let name = entry.file_name().to_string_lossy();
            if !entry.file_type().is_file() || !name.ends_with(".md") || !name.ends_with(&extension)
            {
                continue;
            }
            let Ok(below) = entry.path().strip_prefix(&folder.real) else {
                continue;
            };
            let mut path = folder.rel.clone();
            for part in below.components() {
                path.push('/');
                path.push_str(&part.as_os_str().to_string_lossy());
            }
            // A file removed since the listing is no longer an entry.
            if let Ok(bytes) = fs::read(entry.path()) {
                entries.push(entry_json(&path, None, Some(&bytes)));
            }
        }
        Ok(Value::Array(entries))
    }

    /// The named files, each `{data, file: {path, label, id}}`, with `data: null` and
    /// `id: null` for one that does not exist.
    fn entries_by_files(&self, p: FilesParams) -> Answer {
        let located = p
            .files
            .iter()
            .map(|f| self.locate(&f.path, Want::Entry))
            .collect::<Result<Vec<_>, _>>()?;
        let mut entries = Vec::new();
        for (file, located) in p.files.iter().zip(&located) {
            let bytes = read_file(located, &file.path)?;
            entries.push(entry_json(
                &file.path,
                file.label.as_deref(),
                bytes.as_deref(),
            ));
        }
        Ok(Value::Array(entries))
    }

    /// One file as `{data, file: {path, id}}`; a file that does not exist is `data: null`, not
    /// an error: the CMS asks before creating an entry, to see whether its name is taken.
    fn get_entry(&self, p: PathParams) -> Answer {
        let located = self.locate(&p.path, Want::Entry)?;
        let bytes = read_file(&located, &p.path)?;
        if let Some(bytes) = &bytes
            && std::str::from_utf8(bytes).is_err()
        {
            // Handing the CMS the text with its bad bytes replaced would save it so.
            return Err(Refusal::new(
                422,
                msg!("serve-cms-not-utf8", path = p.path.as_str()),
            ));
        }
        Ok(entry_json(&p.path, None, bytes.as_deref()))
    }

    /// Saves an entry: its files' `raw` text exactly as sent, and the photos added in its editor
    /// (`assets`). Everything is checked before anything is written. When every file has a
    /// `newPath` the entry moves there: the new text is written at the new path and the one old
    /// file is removed (decap-server instead moves every file of the old folder).
    fn persist_entry(&self, p: PersistEntryParams) -> Answer {
        let files = match (p.data_files, p.entry) {
            (Some(files), _) if !files.is_empty() => files,
            (_, Some(entry)) => vec![entry],
            _ => {
                return Err(Refusal::new(422, msg!("serve-cms-no-files")));
            }
        };
        let moving = files.iter().all(|f| f.new_path.is_some());
        let _writing = self.writes.lock().unwrap_or_else(|e| e.into_inner());
        // The photos are written first: the watcher may rebuild the preview as soon as the
        // article is in place, and the article names its photo. (A photo in a folder made by
        // this very write may reach the watcher late or not at all: the folder is new to it.)
        let mut writes: Vec<(PathBuf, String, Vec<u8>)> = Vec::new();
        for asset in &p.assets {
            let located = self.locate(&asset.path, Want::Media)?;
            let bytes = decode_media(asset, located.area)?;
            refuse_replacing(&located, &bytes, &asset.path)?;
            writes.push((located.real, asset.path.clone(), bytes));
        }
        let mut removals: Vec<(PathBuf, String)> = Vec::new();
        for file in files {
            let from = self.locate(&file.path, Want::Entry)?;
            match file.new_path.filter(|_| moving) {
                Some(new_path) => {
                    let to = self.locate(&new_path, Want::Entry)?;
                    if to.rel != from.rel {
                        if fs::symlink_metadata(&to.real).is_ok() {
                            return Err(Refusal::new(
                                422,
                                msg!(
                                    "serve-cms-target-exists",
                                    from = file.path.as_str(),
                                    path = new_path.as_str()
                                ),
                            ));
                        }
                        removals.push((from.real, file.path));
                    }
                    writes.push((to.real, new_path, file.raw.into_bytes()));
                }
                None => writes.push((from.real, file.path, file.raw.into_bytes())),
            }
        }
        for (real, written, bytes) in &writes {
            write_atomic(real, bytes).map_err(|e| write_failed(written, &e))?;
        }
        for (real, written) in &removals {
            remove(real, written)?;
        }
        Ok(json!({ "message": "entry persisted" }))
    }

    /// The photos (in `static/images/`) or documents' files (in `static/van-ban/`) directly in
    /// a folder (not in its subfolders, as decap-server), newest first,
    /// as `[{id, content, encoding, path, name}]`, at most [`MEDIA_LIST_FILES`] and
    /// [`MEDIA_LIST_BYTES`]. A folder that does not exist yet has none.
    fn get_media(&self, p: MediaFolderParams) -> Answer {
        let folder = self.locate(&p.media_folder, Want::MediaFolder)?;
        let Ok(read) = fs::read_dir(&folder.real) else {
            return Ok(json!([]));
        };
        let mut photos: Vec<(std::time::SystemTime, String, PathBuf)> = Vec::new();
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !is_media_name(folder.area, &name) {
                continue;
            }
            let path = entry.path();
            // Links count when they lead to a file inside the area's folder.
            let Ok(target) = fs::canonicalize(&path) else {
                continue;
            };
            let Ok(meta) = fs::metadata(&target) else {
                continue;
            };
            if !meta.is_file() || !target.starts_with(&folder.area_real) {
                continue;
            }
            let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
            photos.push((modified, name, target));
        }
        photos.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut answer = Vec::new();
        let mut total = 0u64;
        for (_, name, target) in photos.into_iter().take(MEDIA_LIST_FILES) {
            let Ok(bytes) = fs::read(&target) else {
                continue;
            };
            total += bytes.len() as u64;
            if total > MEDIA_LIST_BYTES && !answer.is_empty() {
                break;
            }
            answer.push(media_json(&format!("{}/{name}", folder.rel), &bytes));
        }
        Ok(Value::Array(answer))
    }

    fn get_media_file(&self, p: PathParams) -> Answer {
        let located = self.locate(&p.path, Want::Media)?;
        match read_file(&located, &p.path)? {
            Some(bytes) => Ok(media_json(&p.path, &bytes)),
            None => Err(Refusal::new(
                404,
                msg!("serve-cms-not-found", path = p.path.as_str()),
            )),
        }
    }

    /// Saves a photo or a document's file from the CMS's media library; answers it as
    /// `getMediaFile` would.
    fn persist_media(&self, p: PersistMediaParams) -> Answer {
        let located = self.locate(&p.asset.path, Want::Media)?;
        let bytes = decode_media(&p.asset, located.area)?;
        let _writing = self.writes.lock().unwrap_or_else(|e| e.into_inner());
        refuse_replacing(&located, &bytes, &p.asset.path)?;
        write_atomic(&located.real, &bytes).map_err(|e| write_failed(&p.asset.path, &e))?;
        Ok(media_json(&p.asset.path, &bytes))
    }

    /// Deletes entries, photos or documents' files, all checked first; a file already gone is no error (as in
    /// decap-server). Gives the paths, for the answer.
    fn delete(&self, paths: &[String]) -> Result<String, Refusal> {
        let located = paths
            .iter()
            .map(|p| self.locate(p, Want::EntryOrMedia))
            .collect::<Result<Vec<_>, _>>()?;
        let _writing = self.writes.lock().unwrap_or_else(|e| e.into_inner());
        for (located, written) in located.iter().zip(paths) {
            remove(&located.real, written)?;
        }
        Ok(paths.join(", "))
    }

    /// The preview's address of the entry `slug` (its path in its folder without `.md`, as the
    /// CMS names entries) of the collection: `{url, status: "SUCCESS"}` from the last good
    /// build, or null when the preview has no page for it (a draft, a new file not built yet).
    /// The collection's folder is not sent, so the file is looked for as
    /// `content/<collection>/<slug>.md` first, then as the one file `content/…/<slug>.md`.
    fn deploy_preview(&self, p: DeployParams, host: &str, snapshot: &RwLock<Snapshot>) -> Value {
        let Ok(snapshot) = snapshot.read() else {
            return Value::Null;
        };
        let exact = format!("content/{}/{}.md", p.collection, p.slug);
        let suffix = format!("/{}.md", p.slug);
        let address = snapshot.addresses.get(&exact).or_else(|| {
            let mut found = snapshot
                .addresses
                .iter()
                .filter(|(source, _)| source.ends_with(&suffix));
            match (found.next(), found.next()) {
                (Some((_, address)), None) => Some(address),
                _ => None,
            }
        });
        match address {
            Some(address) => json!({
                "url": format!("http://{host}{}{address}", snapshot.base_path),
                "status": "SUCCESS",
            }),
            None => Value::Null,
        }
    }
}

fn too_large() -> Refusal {
    Refusal::new(
        413,
        msg!(
            "serve-cms-too-large",
            limit = (MAX_BODY / 1024 / 1024).to_string()
        ),
    )
}

fn write_failed(path: &str, error: &io::Error) -> Refusal {
    Refusal::new(
        500,
        msg!(
            "serve-cms-write-failed",
            path = path,
            error = error.to_string()
        ),
    )
}

fn remove(real: &Path, written: &str) -> Result<(), Refusal> {
    match fs::remove_file(real) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Refusal::new(
            500,
            msg!(
                "serve-cms-delete-failed",
                path = written,
                error = e.to_string()
            ),
        )),
    }
}

/// The body, at most [`MAX_BODY`] bytes.
fn read_body(request: &mut Request) -> Result<Vec<u8>, Refusal> {
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| Refusal::new(400, msg!("serve-cms-unreadable", error = e.to_string())))?;
    if body.len() as u64 > MAX_BODY {
        return Err(too_large());
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a path comes to, without the disk: its normalised form (its area is the one the
    /// form starts with), or why not.
    fn lexical(written: &str, want: Want) -> String {
        match normalise(written).and_then(|parts| Ok((classify(&parts, want)?, parts.join("/")))) {
            Ok((_, rel)) => rel,
            Err(e) => format!("{e:?}"),
        }
    }

    #[test]
    fn paths_are_normalised_and_confined_to_articles_and_photos() {
        use Want::*;
        let cases: &[(&str, Want, &str)] = &[
            (
                "content/tin-tuc/2026/a.md",
                Entry,
                "content/tin-tuc/2026/a.md",
            ),
            ("content/gioi-thieu.md", Entry, "content/gioi-thieu.md"),
            (
                "content/tin-tuc/../tin-tuc/./a.md",
                Entry,
                "content/tin-tuc/a.md",
            ),
            ("content//tin-tuc/a.md", Entry, "content/tin-tuc/a.md"),
            (
                "content/tin-tuc/bài-viết.md",
                Entry,
                "content/tin-tuc/bài-viết.md",
            ),
            ("../x.md", Entry, "Outside"),
            ("content/../../x.md", Entry, "Outside"),
            (
                "content/tin-tuc/../../../site2/content/x.md",
                Entry,
                "Outside",
            ),
            ("content/../site.toml", Entry, "NotAllowed"),
            ("site.toml", Entry, "NotAllowed"),
            ("templates/article.html", Entry, "NotAllowed"),
            ("contentx/a.md", Entry, "NotAllowed"),
            ("/etc/passwd", Entry, "Absolute"),
            ("/tmp/site/content/a.md", Entry, "Absolute"),
            ("content\\..\\..\\x.md", Entry, "BadCharacter"),
            ("content/a.md\0.png", Entry, "BadCharacter"),
            ("C:/site/content/a.md", Entry, "BadCharacter"),
            ("content/a.md:stream", Entry, "BadCharacter"),
            ("content/.git/config.md", Entry, "Hidden"),
            ("content/tin-tuc/.a.md", Entry, "Hidden"),
            ("", Entry, "Empty"),
            ("./.", Entry, "Empty"),
            ("content", Entry, "NotMarkdown"),
            ("content/.md", Entry, "Hidden"),
            ("content/tin-tuc/a.txt", Entry, "NotMarkdown"),
            ("content/tin-tuc/a.html", Entry, "NotMarkdown"),
            ("content/tin-tuc/a.MD", Entry, "NotMarkdown"),
            ("content/tin-tuc/anh.png", Media, "NotImage"),
            (
                "static/images/tin-tuc/anh.png",
                Media,
                "static/images/tin-tuc/anh.png",
            ),
            ("static/images/a.JPG", Media, "static/images/a.JPG"),
            ("static/images/a.jpeg", Media, "static/images/a.jpeg"),
            ("static/images/a.webp", Media, "static/images/a.webp"),
            ("static/images/a.gif", Media, "static/images/a.gif"),
            ("static/images/a.avif", Media, "static/images/a.avif"),
            ("static/images/a.svg", Media, "NotImage"),
            ("static/images/a.html", Media, "NotImage"),
            ("static/images/a.png.html", Media, "NotImage"),
            ("static/images/png", Media, "NotImage"),
            ("static/images", Media, "NotImage"),
            ("static/css/site.css", Media, "NotAllowed"),
            ("static/a.png", Media, "NotAllowed"),
            ("static/images/a.md", Entry, "NotMarkdown"),
            ("content/a.md", EntryOrMedia, "content/a.md"),
            ("static/images/a.png", EntryOrMedia, "static/images/a.png"),
            ("static/images/a.svg", EntryOrMedia, "NotImage"),
            ("site.toml", EntryOrMedia, "NotAllowed"),
            ("content", EntryFolder, "content"),
            ("content/tin-tuc/", EntryFolder, "content/tin-tuc"),
            ("static/images", EntryFolder, "NotMarkdown"),
            ("static/images", MediaFolder, "static/images"),
            (
                "static/images/tin-tuc",
                MediaFolder,
                "static/images/tin-tuc",
            ),
            ("static", MediaFolder, "NotAllowed"),
            (".", MediaFolder, "Empty"),
            ("content", MediaFolder, "NotImage"),
            // Documents' files: what the "Văn bản" collection's file widget uploads.
            (
                "static/van-ban/2026/15-kh.pdf",
                Media,
                "static/van-ban/2026/15-kh.pdf",
            ),
            ("static/van-ban/a.PDF", Media, "static/van-ban/a.PDF"),
            ("static/van-ban/a.docx", Media, "static/van-ban/a.docx"),
            ("static/van-ban/a.doc", Media, "static/van-ban/a.doc"),
            ("static/van-ban/a.xlsx", Media, "static/van-ban/a.xlsx"),
            ("static/van-ban/a.odt", Media, "static/van-ban/a.odt"),
            ("static/van-ban/a.exe", Media, "NotDocument"),
            ("static/van-ban/a.html", Media, "NotDocument"),
            ("static/van-ban/a.svg", Media, "NotDocument"),
            ("static/van-ban/a.pdf.exe", Media, "NotDocument"),
            ("static/van-ban/a.js", Media, "NotDocument"),
            ("static/van-ban/pdf", Media, "NotDocument"),
            ("static/van-ban/.pdf", Media, "Hidden"),
            ("static/van-ban", Media, "NotDocument"),
            ("static/van-ban/a.pdf", EntryOrMedia, "static/van-ban/a.pdf"),
            ("static/van-ban/a.png", Media, "NotDocument"),
            ("static/images/a.pdf", Media, "NotImage"),
            ("static/van-ban/a.md", Entry, "NotMarkdown"),
            ("static/van-ban/2026", MediaFolder, "static/van-ban/2026"),
            ("static/van-banx/a.pdf", Media, "NotAllowed"),
            ("static/van-ban/../../site.toml", Media, "NotAllowed"),
        ];
        for (written, want, expected) in cases {
            assert_eq!(
                lexical(written, *want),
                *expected,
                "{written:?} as {want:?}"
            );
        }
    }

    /// A site folder `site` with `content/` and `static/images/`, beside a sibling `site2` whose
    /// name starts like it and a folder `outside`.
    fn layout() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let root = tmp.path().join("site");
        for dir in [
            "site/content/tin-tuc",
            "site/static/images",
            "site/templates",
            "site2/content",
            "outside",
        ] {
            fs::create_dir_all(tmp.path().join(dir)).expect("folder");
        }
        fs::write(root.join("content/tin-tuc/a.md"), "---\n").expect("file");
        fs::write(tmp.path().join("outside/secret.md"), "secret").expect("file");
        (tmp, root)
    }

    #[cfg(unix)]
    #[test]
    fn links_on_the_way_must_stay_inside_the_site_and_the_area() {
        use std::os::unix::fs::symlink;
        let (tmp, root) = layout();
        let news = root.join("content/tin-tuc");
        symlink(tmp.path().join("outside"), news.join("ra-ngoai")).expect("link");
        symlink("../../../site2/content", news.join("site2")).expect("link");
        symlink(tmp.path().join("outside/secret.md"), news.join("bi-mat.md")).expect("link");
        symlink("a.md", news.join("ban-sao.md")).expect("link");
        symlink("../../templates", news.join("mau")).expect("link");
        symlink("2026", news.join("moi")).expect("link");
        symlink("khong-co.md", news.join("hong.md")).expect("link");
        fs::create_dir(news.join("2026")).expect("folder");
        symlink(tmp.path().join("outside"), root.join("static/images/ngoai")).expect("link");

        let real = |rel: &str| fs::canonicalize(&root).expect("root").join(rel);
        let cases: &[(&str, Want, Result<PathBuf, &str>)] = &[
            (
                "content/tin-tuc/a.md",
                Want::Entry,
                Ok(real("content/tin-tuc/a.md")),
            ),
            // Folders that do not exist yet are where they will be made.
            (
                "content/tin-tuc/2027/b.md",
                Want::Entry,
                Ok(real("content/tin-tuc/2027/b.md")),
            ),
            (
                "static/images/moi/x.png",
                Want::Media,
                Ok(real("static/images/moi/x.png")),
            ),
            // A link to a folder inside the area is followed.
            (
                "content/tin-tuc/moi/b.md",
                Want::Entry,
                Ok(real("content/tin-tuc/2026/b.md")),
            ),
            // A link to a file inside the area stays the link (a write replaces it).
            (
                "content/tin-tuc/ban-sao.md",
                Want::Entry,
                Ok(real("content/tin-tuc/ban-sao.md")),
            ),
            (
                "content/tin-tuc/hong.md",
                Want::Entry,
                Ok(real("content/tin-tuc/hong.md")),
            ),
            (
                "content/tin-tuc/ra-ngoai/x.md",
                Want::Entry,
                Err("ThroughLink(Content)"),
            ),
            (
                "content/tin-tuc/ra-ngoai/secret.md",
                Want::Entry,
                Err("ThroughLink(Content)"),
            ),
            (
                "content/tin-tuc/ra-ngoai",
                Want::EntryFolder,
                Err("ThroughLink(Content)"),
            ),
            (
                "content/tin-tuc/site2/x.md",
                Want::Entry,
                Err("ThroughLink(Content)"),
            ),
            (
                "content/tin-tuc/bi-mat.md",
                Want::Entry,
                Err("ThroughLink(Content)"),
            ),
            // Inside the site, but out of content/.
            (
                "content/tin-tuc/mau/x.md",
                Want::Entry,
                Err("ThroughLink(Content)"),
            ),
            (
                "static/images/ngoai/x.png",
                Want::Media,
                Err("ThroughLink(Photos)"),
            ),
            ("content/tin-tuc/a.md/x.md", Want::Entry, Err("NotFolder")),
            (
                "content/tin-tuc/2026",
                Want::EntryFolder,
                Ok(real("content/tin-tuc/2026")),
            ),
        ];
        for (written, want, expected) in cases {
            let got = locate(&root, written, *want)
                .map(|l| l.real)
                .map_err(|e| format!("{e:?}"));
            assert_eq!(
                got,
                expected.clone().map_err(str::to_string),
                "{written:?} as {want:?}"
            );
        }

        // The area folder itself leading out of the site (here: content/ → the sibling site2's).
        fs::rename(root.join("content"), tmp.path().join("old-content")).expect("move");
        symlink(tmp.path().join("site2/content"), root.join("content")).expect("link");
        assert!(matches!(
            locate(&root, "content/x.md", Want::Entry),
            Err(PathError::ThroughLink(Area::Content))
        ));
    }

    #[test]
    fn a_folder_is_not_a_file() {
        let (_tmp, root) = layout();
        fs::create_dir(root.join("content/tin-tuc/b.md")).expect("folder");
        assert!(matches!(
            locate(&root, "content/tin-tuc/b.md", Want::Entry),
            Err(PathError::IsFolder)
        ));
    }

    #[test]
    fn only_this_servers_loopback_names_are_its_host() {
        let cases = [
            ("127.0.0.1:1111", true),
            ("localhost:1111", true),
            ("LocalHost:1111", true),
            ("[::1]:1111", true),
            ("127.0.0.2:1111", true),
            ("127.0.0.1:1112", false),
            ("127.0.0.1:01111", false),
            ("127.0.0.1", false),
            ("localhost", false),
            ("evil.example:1111", false),
            ("localhost.evil.example:1111", false),
            ("127.0.0.1.nip.io:1111", false),
            ("192.168.1.5:1111", false),
            ("0.0.0.0:1111", false),
            ("[::1]", false),
            ("[::1]x:1111", false),
            ("::1:1111", false),
            ("", false),
            (":1111", false),
        ];
        for (host, own) in cases {
            assert_eq!(is_own_host(host, 1111), own, "{host:?}");
        }
        assert!(is_own_host("localhost", 80));
        assert!(is_own_host("127.0.0.1:80", 80));
    }

    #[test]
    fn the_api_is_on_only_for_a_loopback_bind() {
        for bind in ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"] {
            assert!(is_loopback_bind(bind), "{bind}");
        }
        for bind in ["0.0.0.0", "::", "192.168.1.5", "example.org", ""] {
            assert!(!is_loopback_bind(bind), "{bind}");
        }
    }

    #[test]
    fn photos_are_known_by_their_first_bytes() {
        let yes: &[&[u8]] = &[
            b"\xFF\xD8\xFF\xE0\0\x10JFIF",
            b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR",
            b"GIF89a\x01\0",
            b"RIFF\x24\0\0\0WEBPVP8 ",
            b"\0\0\0\x1CftypavifMA1B",
        ];
        let no: &[&[u8]] = &[
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            b"<!doctype html><script>alert(1)</script>",
            b"\x89PNG",
            b"RIFF\x24\0\0\0WAVEfmt ",
            b"\0\0\0\x1Cftypisom",
            b"",
        ];
        for bytes in yes {
            assert!(is_image(bytes), "{bytes:?}");
        }
        for bytes in no {
            assert!(!is_image(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn documents_files_are_known_by_their_first_bytes() {
        let cases: &[(&str, &[u8], bool)] = &[
            ("a.pdf", b"%PDF-1.7\n%\xE2\xE3", true),
            ("a.PDF", b"%PDF-1.4", true),
            ("a.pdf", b"<!doctype html><script>alert(1)</script>", false),
            ("a.pdf", b"MZ\x90\0\x03", false),
            ("a.pdf", b"%PD", false),
            ("a.pdf", b"", false),
            ("a.docx", b"PK\x03\x04\x14\0\x06\0", true),
            ("a.odt", b"PK\x03\x04\x14\0\0\0", true),
            ("a.docx", b"%PDF-1.7", false),
            ("a.xlsx", b"PK\x05\x06", false),
            ("a.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0", true),
            ("a.doc", b"PK\x03\x04", false),
        ];
        for (name, bytes, ok) in cases {
            let (_, magic) = document_type(name).expect("a document's type");
            assert_eq!(begins_as(magic, bytes), *ok, "{name} {bytes:?}");
        }
        assert_eq!(megabytes(MAX_DOCUMENT + 1), "21");
        assert_eq!(megabytes(MAX_DOCUMENT), "20");
        assert_eq!(megabytes(1536 * 1024), "2");
    }

    #[test]
    fn writes_replace_the_file_whole_and_leave_nothing_beside_it() {
        let (_tmp, root) = layout();
        let file = root.join("content/tin-tuc/a.md");
        write_atomic(&file, b"mot").expect("write");
        write_atomic(&file, b"hai").expect("write");
        assert_eq!(fs::read(&file).expect("read"), b"hai");
        let names: Vec<String> = fs::read_dir(root.join("content/tin-tuc"))
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md"]);
        write_atomic(&root.join("content/tin-tuc/2026/05/b.md"), b"ba").expect("write");
        assert_eq!(
            fs::read(root.join("content/tin-tuc/2026/05/b.md")).expect("read"),
            b"ba"
        );
    }
}
