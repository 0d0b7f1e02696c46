//! Takes HTTP requests and gives the in-memory site: pages under the site's base path, the 404
//! page for anything else, the live-reload script and its event stream. HTML pages get the
//! live-reload script, and while the last build failed an overlay with its errors.

use std::io::Write;
use std::sync::{Arc, RwLock, mpsc};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use super::cms_api::{self, CmsApi};
use super::counter::{Counter, Counts};

use super::{Clients, Snapshot};
use crate::messages::Lang;
use crate::msg;
use crate::output::Origin;

const LIVERELOAD_JS: &str = include_str!("livereload.js");
/// What the server adds to HTML pages sits between these markers (tests strip it to compare
/// served pages with a clean build).
pub const INJECT_START: &str = "<!--bantin-serve-->";
pub const INJECT_END: &str = "<!--/bantin-serve-->";

/// The served site as data (see [`state`]); a dev-server path like `/__bantin/version`.
pub const STATE_PATH: &str = "/__bantin/state";

/// The in-memory counting service the preview's pages talk to (docs/counter.md).
pub const COUNTER_PATH: &str = "/__bantin/counter";
/// A counter hit is a few dozen bytes; anything much longer is not one.
const MAX_COUNTER_BODY: u64 = 4096;

pub fn run(
    server: Server,
    snapshot: Arc<RwLock<Snapshot>>,
    clients: Clients,
    counter: Arc<Counter>,
    cms: Arc<CmsApi>,
) {
    for request in server.incoming_requests() {
        let snapshot = Arc::clone(&snapshot);
        let clients = Arc::clone(&clients);
        let counter = Arc::clone(&counter);
        let cms = Arc::clone(&cms);
        std::thread::spawn(move || handle(request, &snapshot, &clients, &counter, &cms));
    }
}

/// POST records a page view and answers the counts; GET only answers them.
fn count(mut request: Request, counter: &Counter, lang: Lang) {
    let now = chrono::Utc::now();
    let json = |status: u16, body: String| {
        with(
            with(
                Response::from_string(body).with_status_code(status),
                "Content-Type",
                "application/json",
            ),
            "Cache-Control",
            "no-store",
        )
    };
    let response = match request.method() {
        Method::Get => json(200, counts_json(counter.counts(now))),
        Method::Post => {
            let mut body = Vec::new();
            let read = std::io::Read::read_to_end(
                &mut std::io::Read::take(request.as_reader(), MAX_COUNTER_BODY),
                &mut body,
            );
            match read
                .map_err(|e| msg!("serve-counter-unreadable", error = e.to_string()))
                .and_then(|_| Counter::parse(&body).map_err(|e| e.message()))
            {
                Ok(hit) => json(200, counts_json(counter.record(&hit, now))),
                Err(why) => json(
                    400,
                    serde_json::json!({ "error": lang.text(&why) }).to_string(),
                ),
            }
        }
        _ => json(
            405,
            serde_json::json!({ "error": lang.text(&msg!("serve-counter-method")) }).to_string(),
        ),
    };
    let _ = request.respond(response);
}

fn counts_json(counts: Counts) -> String {
    serde_json::to_string(&counts).unwrap_or_default()
}

/// Adds a header; a value that cannot be a header (it never comes from a request) is left out.
fn with<R: std::io::Read>(response: Response<R>, name: &str, value: &str) -> Response<R> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}

fn handle(
    request: Request,
    snapshot: &RwLock<Snapshot>,
    clients: &Clients,
    counter: &Counter,
    cms: &CmsApi,
) {
    let url = path_of(request.url()).to_string();
    if url == "/__bantin/events" {
        return events(request, clients);
    }
    if url == cms_api::PATH {
        return cms.answer(request, snapshot);
    }
    if url == COUNTER_PATH {
        let lang = snapshot.read().map_or_else(|_| Lang::default(), |s| s.lang);
        return count(request, counter, lang);
    }
    if url == "/__bantin/livereload.js" {
        let response = with(
            with(
                Response::from_string(LIVERELOAD_JS),
                "Content-Type",
                "text/javascript; charset=utf-8",
            ),
            "Cache-Control",
            "no-store",
        );
        let _ = request.respond(response);
        return;
    }
    if url == "/__bantin/version" {
        let version = snapshot.read().map_or(0, |s| s.version);
        let _ = request.respond(with(
            Response::from_string(version.to_string()),
            "Cache-Control",
            "no-store",
        ));
        return;
    }
    if url == STATE_PATH {
        let body = snapshot
            .read()
            .map_or_else(|_| "{}".to_string(), |s| state(&s));
        let _ = request.respond(with(
            with(
                Response::from_string(body),
                "Content-Type",
                "application/json",
            ),
            "Cache-Control",
            "no-store",
        ));
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::empty(405));
        return;
    }
    let Ok(snapshot) = snapshot.read() else {
        let _ = request.respond(Response::empty(500));
        return;
    };
    let served =
        |file: &str| snapshot.files.contains_key(file) || snapshot.statics.contains_key(file);
    match resolve(&url, &snapshot.base_path, served) {
        Route::File(file) => match lookup(&snapshot, &file) {
            Some(bytes) => send(request, &snapshot, &file, bytes, 200),
            None => not_found(request, &snapshot),
        },
        Route::Redirect { status, to } => {
            let _ = request.respond(with(Response::empty(status), "Location", &to));
        }
        Route::NotFound => match cms_asset(&request, &url, &snapshot.base_path, served) {
            Some(to) => {
                let _ = request.respond(with(Response::empty(302), "Location", &to));
            }
            None => not_found(request, &snapshot),
        },
    }
}

/// The CMS's own pages (`<base>admin/`) show a photo by its front-matter address, which is the
/// site's (`/images/2024/a.jpg`), as if the site were at the host's root: under a base path that
/// request misses. For such a request, sent from the CMS (its `Referer`), the address of the
/// same file under the base path, when the preview serves it.
fn cms_asset(
    request: &Request,
    url: &str,
    base_path: &str,
    served: impl Fn(&str) -> bool,
) -> Option<String> {
    let referer = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Referer"))?
        .value
        .as_str();
    let from = referer.find("://").map_or(referer, |i| &referer[i + 3..]);
    let from = crate::links::percent_decode(&from[from.find('/')?..]);
    let base_path = crate::links::percent_decode(base_path);
    if base_path == "/" || !from.starts_with(&format!("{base_path}admin/")) {
        return None;
    }
    let rel = url.strip_prefix('/')?;
    let to = format!("{}{rel}", percent_encode(&base_path));
    matches!(resolve(&to, &base_path, served), Route::File(_)).then_some(to)
}

/// `GET /__bantin/state`: everything the preview serves, as one JSON document, so that a test
/// or a tool can compare it with a clean build without fetching every page:
///
/// ```json
/// {"version": 7, "ok": true, "base_path": "/lhhn/",
///  "files": {"index.html": "9f1c…", "rss.xml": "04ab…", …},
///  "statics": {"css/site.css": "disk /abs/site/themes/default/static/css/site.css", …},
///  "problems": ["warning content::former-province content/tin-tuc/a.md:5:11: … | label: … | help: …"]}
/// ```
///
/// - `version` is `/__bantin/version`'s counter; the rest is read under the same lock, so it
///   is that build's site.
/// - `ok` is false while the last build failed (the last good files are still served).
/// - `files`: every page, feed and other generated file by its path below the base path, with
///   the 64-bit FNV-1a hash of its bytes as 16 hex digits. The bytes hashed are the stored
///   ones, what a clean build writes; HTML pages are served from exactly these, with the
///   live-reload block between [`INJECT_START`] and [`INJECT_END`] added.
/// - `statics`: the theme's and the site's static files by path, with where they are read from:
///   `disk <path>` or `built-in <hash>`.
/// - `problems`: what the terminal showed of the last build — its warnings, or all its problems
///   (errors and warnings) when it failed — one string each, in the build's order:
///   `<error|warning> <code> <path:line:column or ->: <message>`, then ` | label: <label>` and
///   ` | help: <help>` when it has them.
pub(crate) fn state(snapshot: &Snapshot) -> String {
    let files: std::collections::BTreeMap<&str, String> = snapshot
        .files
        .iter()
        .map(|(path, bytes)| (path.as_str(), format!("{:016x}", fnv1a(bytes))))
        .collect();
    let statics: std::collections::BTreeMap<&str, String> = snapshot
        .statics
        .iter()
        .map(|(path, origin)| {
            let origin = match origin {
                Origin::Disk(file) => format!("disk {}", file.display()),
                Origin::BuiltIn(bytes) => format!("built-in {:016x}", fnv1a(bytes)),
            };
            (path.as_str(), origin)
        })
        .collect();
    let problems: Vec<String> = snapshot
        .problems
        .iter()
        .map(|p| p.one_line(snapshot.lang))
        .collect();
    serde_json::json!({
        "version": snapshot.version,
        "ok": snapshot.error.is_none(),
        "base_path": snapshot.base_path,
        "files": files,
        "statics": statics,
        "problems": problems,
    })
    .to_string()
}

/// 64-bit FNV-1a: small, and the same everywhere, so a client can compute it too.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The path of a request's target: what comes before its query or fragment.
pub(crate) fn path_of(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or("/")
}

/// What a request path gets from the served site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// A file of the site, by its name in the served set (`tin-tuc/a/index.html`).
    File(String),
    /// Elsewhere on the site: `to` is the `Location`, percent-encoded.
    Redirect {
        status: u16,
        to: String,
    },
    NotFound,
}

/// A decoded path as a `Location` header can carry it. Header values are ASCII: a redirect to a
/// folder with a Vietnamese name (`tài-liệu/`) or under such a base path would otherwise be sent
/// without any `Location`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Maps a request path (percent-encoded, as browsers send it) to a file of the served set, which
/// `served` says is there. Files are names looked up in that set, never joined to a folder on
/// disk, so no spelling of `..` (`%2e%2e`, backslashes, NUL, overlong UTF-8) can reach a file
/// outside it: whatever cannot be found is `NotFound`. The fuzz target `url` holds it to that.
pub(crate) fn resolve(url: &str, base_path: &str, served: impl Fn(&str) -> bool) -> Route {
    let path = crate::links::percent_decode(url);
    // site.toml may give the base path percent-encoded (copied from an address bar) or not;
    // the request's path is compared decoded, so both are served.
    let base_path = crate::links::percent_decode(base_path);
    let Some(rel) = path.strip_prefix(&base_path).or_else(|| {
        // The base path without its final slash.
        (path == base_path.trim_end_matches('/')).then_some("")
    }) else {
        if path == "/" {
            return Route::Redirect {
                status: 302,
                to: percent_encode(&base_path),
            };
        }
        return Route::NotFound;
    };
    let file = crate::route::output_file(rel);
    if served(&file) {
        return Route::File(file);
    }
    if !rel.is_empty()
        && !rel.contains('.')
        && served(&crate::route::output_file(&format!("{rel}/")))
    {
        return Route::Redirect {
            status: 301,
            to: percent_encode(&format!("{base_path}{rel}/")),
        };
    }
    Route::NotFound
}

fn lookup(snapshot: &Snapshot, file: &str) -> Option<Arc<[u8]>> {
    if let Some(bytes) = snapshot.files.get(file) {
        return Some(Arc::clone(bytes));
    }
    match snapshot.statics.get(file)? {
        Origin::BuiltIn(bytes) => Some(Arc::from(*bytes)),
        Origin::Disk(path) => std::fs::read(path).ok().map(Arc::from),
    }
}

fn not_found(request: Request, snapshot: &Snapshot) {
    match lookup(snapshot, crate::route::NOT_FOUND) {
        Some(bytes) => send(request, snapshot, crate::route::NOT_FOUND, bytes, 404),
        None => {
            let text = snapshot.lang.text(&msg!("serve-not-found"));
            let _ = request.respond(with(
                Response::from_string(text).with_status_code(404),
                "Content-Type",
                "text/plain; charset=utf-8",
            ));
        }
    }
}

fn send(request: Request, snapshot: &Snapshot, file: &str, bytes: Arc<[u8]>, status: u16) {
    let mime = mime_of(file);
    // The CMS's pages get no reload: a save in the CMS writes content/, the site is rebuilt,
    // and a reload there would throw the editor out of the article being written.
    let body: Vec<u8> = if mime.starts_with("text/html") && !file.starts_with(crate::cms::ADMIN) {
        inject(&bytes, snapshot.error.as_deref(), snapshot.lang)
    } else {
        bytes.to_vec()
    };
    let response = with(
        with(
            Response::from_data(body).with_status_code(status),
            "Content-Type",
            mime,
        ),
        "Cache-Control",
        "no-store",
    );
    let _ = request.respond(response);
}

/// Adds the live-reload script (and the error overlay, while the build is broken) before
/// `</body>`. The overlay speaks `lang`, as `error` (the problems) already does.
fn inject(html: &[u8], error: Option<&str>, lang: Lang) -> Vec<u8> {
    let mut extra = String::from(INJECT_START);
    if let Some(error) = error {
        extra.push_str(&format!(
            "<div id=\"bantin-error\" role=\"alert\" lang=\"{}\" style=\"position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.92);color:#fff;padding:1.5rem;font:14px/1.5 ui-monospace,Consolas,monospace\"><p style=\"font:bold 18px system-ui,sans-serif;margin:0 0 1rem\">",
            lang.code()
        ));
        extra.push_str(&crate::markdown::escape_html(
            &lang.text(&msg!("serve-overlay-heading")),
        ));
        extra.push_str("</p><pre style=\"white-space:pre-wrap;margin:0\">");
        extra.push_str(&crate::markdown::escape_html(error));
        extra.push_str("</pre></div>");
    }
    extra.push_str("<script src=\"/__bantin/livereload.js\"></script>");
    extra.push_str(INJECT_END);
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

/// A server-sent event stream: one `reload` message after every build.
fn events(request: Request, clients: &Clients) {
    let (tx, rx) = mpsc::channel();
    if let Ok(mut list) = clients.lock() {
        list.push(tx);
    }
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => format!("data: {event}\n\n"),
            // A comment keeps the connection open and finds out when the browser has gone.
            Err(mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

fn mime_of(file: &str) -> &'static str {
    let ext = file.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        // Decap CMS checks that its configuration comes as YAML; WebAssembly is compiled as it
        // streams in only when it comes as such.
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_body_ends() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            None,
            Lang::Vi,
        ))
        .unwrap_or_default();
        assert!(out.starts_with("<html><body><p>x</p><!--bantin-serve--><script"));
        assert!(out.ends_with("<!--/bantin-serve--></body></html>"));
        let out = String::from_utf8(inject(b"<body></body>", Some("lỗi <b>"), Lang::Vi))
            .unwrap_or_default();
        assert!(out.contains("role=\"alert\"") && out.contains("lỗi &lt;b&gt;"));
        assert!(out.contains("lang=\"vi\"") && out.contains("trang chưa được cập nhật vì có lỗi"));
        let out =
            String::from_utf8(inject(b"<body></body>", Some("x"), Lang::En)).unwrap_or_default();
        assert!(out.contains("lang=\"en\"") && out.contains("the page was not updated"));
    }

    #[test]
    fn state_lists_files_statics_and_problems() {
        let file = crate::problem::SourceFile::new("content/a.md", "a\nbc\n");
        let snapshot = Snapshot {
            base_path: "/b/".into(),
            files: [("index.html".to_string(), Arc::from(&b"a"[..]))].into(),
            statics: [("x.css".to_string(), Origin::BuiltIn(b"a"))].into(),
            error: None,
            problems: vec![
                crate::problem::Problem::warning(
                    "check::link-to-held-back",
                    msg!("check-link-to-draft", url = "/a/"),
                )
                .at(&file, 3..4)
                .label(msg!("check-link-to-held-back-label"))
                .help(msg!("check-link-to-draft-help")),
                crate::problem::Problem::warning("build::y", msg!("build-site-errors", count = 2)),
            ],
            version: 3,
            lang: crate::messages::Lang::En,
            builds: 3,
            addresses: std::collections::HashMap::new(),
        };
        let json: serde_json::Value = serde_json::from_str(&state(&snapshot)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "version": 3, "ok": true, "base_path": "/b/",
                "files": {"index.html": "af63dc4c8601ec8c"},
                "statics": {"x.css": "built-in af63dc4c8601ec8c"},
                "problems": [
                    "warning check::link-to-held-back content/a.md:2:2: the link `/a/` leads to \
                     an article that is a draft | label: not published now | help: the link \
                     works once the article's `draft: true` is removed; until then readers get \
                     the not-found page",
                    "warning build::y -: the site has 2 error(s)",
                ],
            })
        );
    }

    #[test]
    fn resolves_under_any_spelling_of_the_base_path() {
        let served = |f: &str| ["index.html", "tài-liệu/index.html"].contains(&f);
        for base in ["/cổng/", "/c%E1%BB%95ng/"] {
            assert_eq!(
                resolve("/c%E1%BB%95ng/", base, served),
                Route::File("index.html".into())
            );
            let to = "/c%E1%BB%95ng/t%C3%A0i-li%E1%BB%87u/".to_string();
            assert_eq!(
                resolve("/c%E1%BB%95ng/t%C3%A0i-li%E1%BB%87u", base, served),
                Route::Redirect { status: 301, to }
            );
            let to = "/c%E1%BB%95ng/".to_string();
            assert_eq!(
                resolve("/", base, served),
                Route::Redirect { status: 302, to }
            );
        }
    }

    #[test]
    fn decodes_paths() {
        let decode = crate::links::percent_decode;
        assert_eq!(decode("/a%20b/%E1%BB%87"), "/a b/ệ");
        assert_eq!(decode("/100%"), "/100%");
        assert_eq!(decode("/%zz"), "/%zz");
    }
}
