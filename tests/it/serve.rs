//! `bantin serve` end to end: takes a copy of the sample site and a real server on 127.0.0.1,
//! and gives proof that pages are served, edits show up in their pages and lists, connected
//! browsers get a reload event, a broken edit shows the error overlay while pages keep being
//! served, fixing it recovers, a deleted article is gone, and after a scripted sequence of edits
//! every served file equals a clean build's; also that all this holds however the preview was
//! started (inside the site folder, from the folder above, through a symlink) and for source
//! folders created after it started (issue 11).

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{self, Tree};

/// A running `bantin serve`, stopped when dropped (also used by `equivalence.rs`).
pub(crate) struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub(crate) host: String,
    /// The base path, `/…/`.
    pub(crate) base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How long any wait on the server may take before the test fails instead of hanging.
const WAIT: Duration = Duration::from_secs(20);
/// `bantin serve` with nothing more than the test's own `--port 0`.
pub(crate) const NO_ARGS: [&str; 0] = [];

impl Server {
    /// `bantin serve --source <source>`, from the test's own folder.
    fn start(source: &Path) -> Server {
        Server::start_in(
            support::repo(),
            [OsStr::new("--source"), source.as_os_str()],
        )
    }

    /// `bantin serve --port 0` run in `cwd` with `args` added, the way people start it from a
    /// shell: `cd site && bantin serve`, or `bantin serve --source site` from the folder above.
    pub(crate) fn start_in<I, S>(cwd: &Path, args: I) -> Server
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Server::start_in_lang(cwd, crate::support::TEST_LANG, args)
    }

    /// `start_in` with bantin's messages in `lang` (`BANTIN_MESSAGES`; unset when empty, as on
    /// an editor's machine).
    pub(crate) fn start_in_lang<I, S>(cwd: &Path, lang: &str, args: I) -> Server
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut child = support::bantin_command(lang)
            .args(["serve", "--quiet", "--port", "0"])
            .args(args)
            .current_dir(cwd)
            .env("NO_COLOR", "1")
            .env(support::DECAP_ENV, support::decap_tarball())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start bantin serve: {e}"));
        let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap_or_else(|e| panic!("cannot read the server's first line: {e}"));
        // "serving http://127.0.0.1:PORT/base/ (press Ctrl+C to stop)"
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let rest = &url["http://".len()..];
        let slash = rest.find('/').unwrap_or(rest.len());
        Server {
            child,
            host: rest[..slash].to_string(),
            base: rest[slash..].to_string(),
        }
    }

    /// GET a path (absolute on the server): status and body.
    pub(crate) fn get(&self, path: &str) -> (u16, Vec<u8>) {
        self.request("GET", path, b"")
    }

    fn request(&self, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: {}\r\n\r\n",
            self.host,
            body.len()
        );
        let (status, _, body) = self.exchange(&head, body);
        (status, body)
    }

    /// Sends a request written out in full (`head`: request line and headers, ending in a blank
    /// line) and `body`: the status, the response's head and its body.
    pub(crate) fn exchange(&self, head: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.host).unwrap_or_else(|e| panic!("connect: {e}"));
        stream
            .write_all(head.as_bytes())
            .unwrap_or_else(|e| panic!("send: {e}"));
        // A server may answer (and close) before the whole body is sent: a refusal.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        stream
            .read_to_end(&mut raw)
            .unwrap_or_else(|e| panic!("read: {e}"));
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(raw.len());
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut body = raw[(split + 4).min(raw.len())..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = dechunk(&body);
        }
        (status, head, body)
    }

    pub(crate) fn page(&self, rel: &str) -> (u16, String) {
        let (status, body) = self.get(&format!("{}{rel}", self.base));
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    pub(crate) fn version(&self) -> u64 {
        String::from_utf8_lossy(&self.get("/__bantin/version").1)
            .trim()
            .parse()
            .unwrap_or(0)
    }

    /// Runs an edit and waits until the server has finished the rebuild it causes.
    pub(crate) fn after(&self, what: &str, edit: impl FnOnce()) {
        let before = self.version();
        edit();
        let deadline = Instant::now() + WAIT;
        while self.version() == before {
            assert!(
                Instant::now() < deadline,
                "no rebuild after the {what} edit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A browser's connection to the reload event stream the injected script listens to, once
    /// the server has it on its list (the stream's first comment says so).
    fn reloads(&self) -> Reloads {
        let mut stream = TcpStream::connect(&self.host).unwrap_or_else(|e| panic!("{e}"));
        write!(stream, "GET /__bantin/events HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let mut reloads = Reloads(BufReader::new(stream));
        reloads.wait_for(": connected", "the stream to open");
        reloads
    }
}

/// The server-sent event stream of reloads, read as the browser reads it.
struct Reloads(BufReader<TcpStream>);

impl Reloads {
    /// Waits for a `data: reload` event; fails (rather than hangs) after [`WAIT`].
    fn next(&mut self, what: &str) {
        self.wait_for("data: reload", &format!("a reload after the {what} edit"));
    }

    fn wait_for(&mut self, wanted: &str, what: &str) {
        let deadline = Instant::now() + WAIT;
        let mut seen = String::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "waited in vain for {what}; the stream said {seen:?}"
            );
            self.0
                .get_ref()
                .set_read_timeout(Some(left))
                .unwrap_or_else(|e| panic!("{e}"));
            let mut line = String::new();
            match self.0.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed while waiting for {what}: {seen:?}"),
                Ok(_) if line.trim_end() == wanted => return,
                Ok(_) => seen.push_str(&line),
                Err(e) => panic!("waited in vain for {what} ({e}); the stream said {seen:?}"),
            }
        }
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&body[start..(start + size).min(body.len())]);
        body = &body[(start + size + 2).min(body.len())..];
    }
    out
}

/// The served page without what the dev server adds.
pub(crate) fn strip_injected(html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    match (
        text.find("<!--bantin-serve-->"),
        text.find("<!--/bantin-serve-->"),
    ) {
        (Some(a), Some(b)) => format!(
            "{}{}",
            &text[..a],
            &text[b + "<!--/bantin-serve-->".len()..]
        )
        .into_bytes(),
        _ => html.to_vec(),
    }
}

const ARTICLE: &str = "content/tin-tuc/2024/cum-thi-dua-so-5-so-ket-6-thang-2024.md";
const ARTICLE_URL: &str =
    "tin-tuc/cum-thi-dua-so-5-so-ket-6-thang-dau-nam-2024-van-dong-78-ti-dong-vien-tro/";

#[test]
fn edits_reload_browsers_errors_show_and_recover() {
    let site = support::copy_sample_site();
    let server = Server::start(&site.root);
    let (status, home) = server.page("");
    assert_eq!(status, 200);
    assert!(home.contains("Liên hiệp các tổ chức hữu nghị tỉnh An Giang"));
    assert!(
        home.contains("/__bantin/livereload.js"),
        "the live-reload script is injected"
    );
    assert_eq!(server.get("/__bantin/livereload.js").0, 200);

    // A browser waiting for reloads.
    let mut events = TcpStream::connect(&server.host).unwrap_or_else(|e| panic!("{e}"));
    write!(events, "GET /__bantin/events HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap_or_else(|e| panic!("{e}"));
    events
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut events = BufReader::new(events);

    let article = site.root.join(ARTICLE);
    server.after("body", || {
        support::edit(
            &article,
            "tăng 8% so với cùng kỳ",
            "tăng tám phần trăm so với cùng kỳ",
        )
    });
    assert!(
        server
            .page(ARTICLE_URL)
            .1
            .contains("tăng tám phần trăm so với cùng kỳ")
    );
    let mut seen = String::new();
    while !seen.contains("data: reload") {
        let mut line = String::new();
        let n = events
            .read_line(&mut line)
            .unwrap_or_else(|e| panic!("no reload event: {e}"));
        assert!(n > 0, "the event stream closed");
        seen.push_str(&line);
    }

    // A title edit changes the article's entries in the lists.
    server.after("title", || {
        support::edit(
            &article,
            "vận động 78 tỉ đồng viện trợ",
            "vận động được 78 tỉ đồng viện trợ",
        )
    });
    let (_, province_page) = server.page("tinh/kien-giang/");
    assert!(
        province_page.contains("vận động được 78 tỉ đồng viện trợ"),
        "the province list shows the new title"
    );

    // A broken edit: the overlay appears on every page, the pages are still served.
    server.after("broken date", || {
        support::edit(
            &article,
            "date: 2024-06-21T16:30:00+07:00",
            "date: 31/02/2024",
        )
    });
    let (status, home) = server.page("");
    assert_eq!(status, 200);
    assert!(
        home.contains("id=\"bantin-error\"") && home.contains("31/02/2024"),
        "overlay with the error"
    );
    assert!(
        home.contains("Tin mới"),
        "the last good page is still there under the overlay"
    );
    let (status, other) = server.page("gioi-thieu/");
    assert_eq!(status, 200);
    assert!(other.contains("bantin-error"));
    // Fixing it recovers.
    server.after("fix", || {
        support::edit(
            &article,
            "date: 31/02/2024",
            "date: 2024-06-21T16:30:00+07:00",
        )
    });
    assert!(!server.page("").1.contains("bantin-error"));

    // A deleted article's page is gone.
    server.after("delete", || {
        std::fs::remove_file(&article).unwrap_or_else(|e| panic!("{e}"))
    });
    assert_eq!(server.page(ARTICLE_URL).0, 404);
    // Nothing was ever written into the publish folder.
    assert!(!site.root.join("public").exists());
}

/// What an editor does and sees, whichever way the preview was started: saves an article, the
/// open page is told to reload and then shows the new text; then the article is replaced by a
/// copy of the same size and time stamp (as `cp -p` or restoring a backup does), which only the
/// watcher's word can tell from the old file, and the page shows that text too.
fn edits_show_up(server: &Server, site: &support::TempSite) {
    let article = site.root.join(ARTICLE);
    let mut reloads = server.reloads();
    server.after("body", || {
        support::edit(
            &article,
            "tăng 8% so với cùng kỳ",
            "tăng tám phần trăm so với cùng kỳ",
        )
    });
    reloads.next("body");
    let (status, page) = server.page(ARTICLE_URL);
    assert_eq!(status, 200);
    assert!(
        page.contains("tăng tám phần trăm so với cùng kỳ"),
        "the page shows the saved text"
    );

    let text = support::read(&article);
    let before = std::fs::metadata(&article)
        .and_then(|m| m.modified())
        .unwrap_or_else(|e| panic!("{e}"));
    let (from, to) = ("được 78 tỉ đồng", "được 87 tỉ đồng");
    assert_eq!(from.len(), to.len());
    assert!(text.contains(from));
    let copy = site.sibling("copy.md");
    support::write(&copy, text.replacen(from, to, 1));
    std::fs::File::options()
        .write(true)
        .open(&copy)
        .and_then(|f| f.set_modified(before))
        .unwrap_or_else(|e| panic!("{e}"));
    server.after("same size, same time", || {
        std::fs::rename(&copy, &article).unwrap_or_else(|e| panic!("{e}"))
    });
    assert!(
        server.page(ARTICLE_URL).1.contains(to),
        "the page shows the copied-over text"
    );
}

#[test]
fn issue_11_serve_started_inside_the_site_folder_reloads_on_edit() {
    let site = support::copy_sample_site();
    // cd site && bantin serve
    let server = Server::start_in(&site.root, NO_ARGS);
    edits_show_up(&server, &site);
}

#[test]
fn issue_11_serve_with_a_relative_source_reloads_on_edit() {
    let site = support::copy_sample_site();
    // bantin serve --source site, from the folder above
    let server = Server::start_in(site.tmp.path(), ["--source", "site"]);
    edits_show_up(&server, &site);
}

/// The sample site at `<tmp>/real`, reached through the symlink `<tmp>/site` (`root`).
#[cfg(unix)]
fn symlinked_sample_site() -> support::TempSite {
    let site = support::copy_sample_site();
    let real = site.sibling("real");
    std::fs::rename(&site.root, &real).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink("real", &site.root).unwrap_or_else(|e| panic!("{e}"));
    site
}

#[cfg(unix)]
#[test]
fn issue_11_serve_through_a_symlinked_site_folder_reloads_on_edit() {
    let site = symlinked_sample_site();
    // ln -s real site; bantin serve --source site
    let server = Server::start_in(site.tmp.path(), ["--source", "site"]);
    edits_show_up(&server, &site);
}

#[cfg(unix)]
#[test]
fn issue_11_serve_started_inside_a_symlinked_site_folder_reloads_on_edit() {
    let site = symlinked_sample_site();
    // cd site && bantin serve, where site is a symlink
    let server = Server::start_in(&site.root, NO_ARGS);
    edits_show_up(&server, &site);
}

/// The site's own article template, with a Tera syntax error on line 3.
const BROKEN_TEMPLATE: &str = "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ article.title | }}</h1>\n{{ article.content | safe }}\n{% endblock %}\n";

#[test]
fn issue_11_a_templates_folder_made_after_start_is_watched_and_again_when_made_anew() {
    let site = support::copy_sample_site();
    let templates = site.root.join("templates");
    assert!(
        !templates.exists(),
        "the sample site starts without templates/"
    );
    // An absolute --source, which saw edits before issue 11 too: what this finds out is only
    // whether folders made and removed later are watched.
    let server = Server::start(&site.root);
    let broken = |server: &Server| {
        let (status, page) = server.page(ARTICLE_URL);
        assert_eq!(status, 200, "the last good page is still served");
        page.contains("id=\"bantin-error\"") && page.contains("templates/article.html")
    };
    let working = |server: &Server| {
        let (status, page) = server.page(ARTICLE_URL);
        status == 200
            && !page.contains("bantin-error")
            && page.contains("vận động 78 tỉ đồng viện trợ")
    };
    assert!(working(&server));

    for round in ["first", "second"] {
        // The folder first, then a file in it, as an editor's file tree makes them.
        server.after(&format!("{round} new templates/"), || {
            std::fs::create_dir(&templates).unwrap_or_else(|e| panic!("{e}"))
        });
        server.after(&format!("{round} broken template"), || {
            support::write(&templates.join("article.html"), BROKEN_TEMPLATE)
        });
        assert!(
            broken(&server),
            "{round}: the overlay names the broken template"
        );
        server.after(&format!("{round} template deleted"), || {
            std::fs::remove_file(templates.join("article.html")).unwrap_or_else(|e| panic!("{e}"))
        });
        assert!(working(&server), "{round}: the error is gone");
        server.after(&format!("{round} templates/ deleted"), || {
            std::fs::remove_dir(&templates).unwrap_or_else(|e| panic!("{e}"))
        });
        assert!(
            working(&server),
            "{round}: the pages serve without templates/"
        );
    }
}

#[test]
fn issue_11_a_content_folder_moved_away_and_back_is_watched_again() {
    let site = support::copy_sample_site();
    let content = site.root.join("content");
    let away = site.sibling("content-away");
    // An absolute --source, as above: this finds out whether a folder watched from the start is
    // watched again when it comes back.
    let server = Server::start(&site.root);
    server.after("content/ moved away", || {
        std::fs::rename(&content, &away).unwrap_or_else(|e| panic!("{e}"))
    });
    // Without its pages the menu's links lead nowhere: an error the overlay shows.
    assert!(
        server.page("").1.contains("id=\"bantin-error\""),
        "the build saw content/ go"
    );
    server.after("content/ moved back", || {
        std::fs::rename(&away, &content).unwrap_or_else(|e| panic!("{e}"))
    });
    assert!(
        !server.page("").1.contains("bantin-error"),
        "the build saw content/ come back"
    );
    let mut reloads = server.reloads();
    server.after("body", || {
        support::edit(
            &content.join(&ARTICLE["content/".len()..]),
            "tăng 8% so với cùng kỳ",
            "tăng tám phần trăm so với cùng kỳ",
        )
    });
    reloads.next("body");
    assert!(
        server
            .page(ARTICLE_URL)
            .1
            .contains("tăng tám phần trăm so với cùng kỳ")
    );
}

#[test]
fn after_a_sequence_of_edits_every_served_file_equals_a_clean_build() {
    let site = support::copy_sample_site();
    let server = Server::start(&site.root);
    let root = site.root.clone();
    let article = root.join(ARTICLE);
    let kg = root.join("content/tin-tuc/2020/tong-ket-doi-ngoai-nhan-dan-2019.md");
    type Step = (&'static str, Box<dyn FnOnce()>);
    let steps: Vec<Step> = vec![
        (
            "body",
            Box::new({
                let a = article.clone();
                move || {
                    support::edit(
                        &a,
                        "tăng 8% so với cùng kỳ",
                        "tăng tám phần trăm so với cùng kỳ",
                    )
                }
            }),
        ),
        (
            "title",
            Box::new({
                let a = article.clone();
                move || {
                    support::edit(
                        &a,
                        "vận động 78 tỉ đồng viện trợ",
                        "vận động được 78 tỉ đồng",
                    )
                }
            }),
        ),
        (
            "tags",
            Box::new({
                let a = article.clone();
                move || support::edit(&a, "tags: [", "tags: [thẻ mới, ")
            }),
        ),
        (
            "province",
            Box::new({
                let k = kg.clone();
                move || support::edit(&k, "province: Kiên Giang", "province: Cà Mau")
            }),
        ),
        (
            "date into the future",
            Box::new({
                let a = article.clone();
                move || {
                    support::edit(
                        &a,
                        "date: 2024-06-21T16:30:00+07:00",
                        "date: 2999-06-21T16:30:00+07:00",
                    )
                }
            }),
        ),
        (
            "delete",
            Box::new({
                let k = kg.clone();
                move || std::fs::remove_file(&k).unwrap_or_else(|e| panic!("{e}"))
            }),
        ),
        (
            "add",
            Box::new({
                let r = root.clone();
                move || {
                    support::write(
                        &r.join("content/tin-tuc/2026/moi.md"),
                        "---\ntitle: Bài mới thêm\ndate: 2026-03-03 09:00\ntags: [Campuchia]\n---\n\nMột bài mới.\n",
                    )
                }
            }),
        ),
        (
            "template",
            Box::new({
                let r = root.clone();
                move || {
                    support::edit(
                        &r.join("themes/default/templates/article.html"),
                        "</article>",
                        "</article>\n<!-- sửa mẫu -->",
                    )
                }
            }),
        ),
        (
            "site.toml",
            Box::new({
                let r = root.clone();
                move || support::edit(&r.join("site.toml"), "page_size = 10", "page_size = 7")
            }),
        ),
    ];
    for (what, step) in steps {
        server.after(what, step);
    }
    // A clean build of the same files, with the address the server uses.
    let out: PathBuf = site.sibling("clean");
    let outcome = support::bantin(
        site.tmp.path(),
        [
            "build",
            "--source",
            "site",
            "--output",
            "clean",
            "--base-url",
            &format!("http://{}{}", server.host, server.base),
        ],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let clean = Tree::of(&out);
    let mut differing = Vec::new();
    // The build's list of its own files is for later builds, not part of the site.
    for file in clean
        .files()
        .into_iter()
        .filter(|f| *f != ".bantin-manifest.json")
    {
        let (status, body) = server.get(&format!("{}{file}", server.base));
        let expected = std::fs::read(out.join(file)).unwrap_or_default();
        let served = if file.ends_with(".html") {
            strip_injected(&body)
        } else {
            body
        };
        if status != 200 || served != expected {
            differing.push(format!("{file} ({status})"));
        }
    }
    assert!(
        differing.is_empty(),
        "served files that differ from a clean build: {differing:?}"
    );
    // And nothing more: the page of the deleted article is gone.
    assert_eq!(
        server
            .page("tin-tuc/kien-giang-tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019/")
            .0,
        404
    );
}

/// Validates `json` against one of the counter contract's schemas (docs/) with the Python
/// `jsonschema` package from tests/tools/.venv.
fn assert_matches_schema(schema: &str, json: &[u8]) {
    let mut command = Command::new(support::python());
    command
        .args([
            "-c",
            "import json, sys, jsonschema\n\
             schema = json.load(open(sys.argv[1], encoding='utf-8'))\n\
             jsonschema.Draft202012Validator.check_schema(schema)\n\
             jsonschema.validate(json.loads(sys.argv[2]), schema, cls=jsonschema.Draft202012Validator)",
        ])
        .arg(support::repo().join("docs").join(schema))
        .arg(String::from_utf8_lossy(json).as_ref());
    let outcome = support::run(command);
    assert_eq!(
        outcome.code,
        0,
        "{} does not match docs/{schema}:\n{}",
        String::from_utf8_lossy(json),
        outcome.transcript()
    );
}

#[test]
fn the_preview_counts_its_visits_by_the_written_contract_and_the_widget_shows_them() {
    let site = support::copy_sample_site();
    let server = Server::start(&site.root);
    // The served page has the counter box, and the script the server adds points it at the
    // server's own endpoint (the page itself stays byte-equal to a clean build).
    let (_, home) = server.page("");
    assert!(home.contains("data-counter"), "{home}");
    let (_, script) = server.get("/__bantin/livereload.js");
    assert!(String::from_utf8_lossy(&script).contains("\"/__bantin/counter\""));

    let hit = br#"{"session":"0123456789abcdef","page":"/lhhn-angiang/"}"#;
    assert_matches_schema("counter.request.schema.json", hit);
    let (status, body) = server.request("POST", "/__bantin/counter", hit);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert_matches_schema("counter.response.schema.json", &body);
    let counts: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    assert_eq!(counts["total"], 1, "{counts}");
    assert_eq!(counts["online"], 1, "{counts}");
    // The same session again is the same visit; GET records nothing.
    server.request("POST", "/__bantin/counter", hit);
    let (_, body) = server.get("/__bantin/counter");
    let again: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    assert_eq!(again, counts);
    // What is not the contract is refused, and counts nothing.
    for bad in [&b"garbage"[..], br#"{"session":"x"}"#, br#"{"page":"/"}"#] {
        let (status, _) = server.request("POST", "/__bantin/counter", bad);
        assert_eq!(status, 400, "{}", String::from_utf8_lossy(bad));
    }

    // A real browser on the preview: the box shows the server's numbers.
    let url = format!("http://{}{}", server.host, server.base);
    let mut command = Command::new(support::node());
    command
        .arg(support::repo().join("tests/browser/features.mjs"))
        .args(["--root", site.root.to_str().unwrap_or_default()])
        .args(["--base-path", &server.base, "--serve-url", &url])
        .args(["--check", "counter-live", "--chromium"])
        .arg(support::chromium());
    let outcome = support::run(command);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap_or_default();
    let server_total = report["results"][0]["details"]["server"]["total"].as_u64();
    assert_eq!(
        server_total,
        Some(2),
        "the browser's visit is the second: {report}"
    );
}

/// Articles kept outside content/ and linked in (an archive folder shared by several sites):
/// the build reads them through the link, and the preview sees edits to them, also for a link
/// made while it runs.
#[cfg(unix)]
#[test]
fn issue_11_articles_behind_a_symlink_inside_the_site_reload_on_edit() {
    let site = support::copy_sample_site();
    let archive = site.root.join("luu-tru/2024");
    std::fs::create_dir_all(site.root.join("luu-tru")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(site.root.join("content/tin-tuc/2024"), &archive)
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink("../../luu-tru/2024", site.root.join("content/tin-tuc/2024"))
        .unwrap_or_else(|e| panic!("{e}"));
    // cd site && bantin serve
    let server = Server::start_in(&site.root, NO_ARGS);
    assert_eq!(
        server.page(ARTICLE_URL).0,
        200,
        "the linked article is published"
    );

    let article = archive.join("cum-thi-dua-so-5-so-ket-6-thang-2024.md");
    let mut reloads = server.reloads();
    server.after("linked body", || {
        support::edit(&article, "tăng 8% so với cùng kỳ", "tăng tám phần trăm")
    });
    reloads.next("linked body");
    assert!(
        server.page(ARTICLE_URL).1.contains("tăng tám phần trăm"),
        "the page shows the text saved behind the link"
    );

    // A folder linked in while the preview runs is read, and then watched too.
    let more = site.root.join("luu-tru/them");
    support::write(
        &more.join("bai-moi.md"),
        "---\ntitle: Bài lưu trữ mới\ndate: 02/03/2024 08:00\n---\n\nĐoạn đầu của bài lưu trữ.\n",
    );
    server.after("link made", || {
        std::os::unix::fs::symlink("../../luu-tru/them", site.root.join("content/tin-tuc/them"))
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let url = "tin-tuc/bai-luu-tru-moi/";
    assert_eq!(
        server.page(url).0,
        200,
        "the newly linked article is published"
    );
    server.after("body behind the new link", || {
        support::edit(
            &more.join("bai-moi.md"),
            "Đoạn đầu của bài lưu trữ.",
            "Đoạn đầu đã sửa.",
        )
    });
    assert!(server.page(url).1.contains("Đoạn đầu đã sửa."));
}
