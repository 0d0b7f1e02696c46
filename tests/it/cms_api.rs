//! The CMS's local backend in `bantin serve` (issue 17) end to end: takes a copy of the sample
//! site and a real server started as a person does (`cd site && bantin serve`), speaks Decap
//! CMS's proxy protocol to it over HTTP on 127.0.0.1 with the headers the CMS page's browser
//! sends, and gives proof that an article and its photo are created, listed, read back, shown by
//! the preview, built and deleted; that an article read and saved back unchanged stays
//! byte-identical; that a moved article moves alone; that a document's PDF goes into
//! static/van-ban/ and onto the document's page, while a renamed file, a program, HTML or a file
//! over 20 MB is not; and that requests from elsewhere, or for anything but articles, photos and
//! documents' files inside the site, are refused with nothing written.

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

use crate::serve::Server;
use crate::support::{self, Tree};

const API: &str = "/__bantin/api/v1";
const NO_ARGS: [&str; 0] = [];

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A request to the API: the headers Chromium sends with the CMS page's `fetch` (observed in
/// the issue 17 experiment), each of which a test may replace or leave out.
struct Call {
    headers: Vec<(&'static str, String)>,
    method: &'static str,
    body: Vec<u8>,
}

impl Call {
    fn new(server: &Server, body: &Value) -> Call {
        Call {
            headers: vec![
                ("Host", server.host.clone()),
                ("Origin", format!("http://{}", server.host)),
                ("Content-Type", "application/json; charset=utf-8".into()),
                ("Sec-Fetch-Site", "same-origin".into()),
                ("Sec-Fetch-Mode", "cors".into()),
            ],
            method: "POST",
            body: body.to_string().into_bytes(),
        }
    }

    /// Replaces a header (or adds it).
    fn set(mut self, name: &'static str, value: &str) -> Call {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name, value.to_string()));
        self
    }

    fn without(mut self, name: &str) -> Call {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self
    }

    fn method(mut self, method: &'static str) -> Call {
        self.method = method;
        self
    }

    fn raw_body(mut self, body: &[u8]) -> Call {
        self.body = body.to_vec();
        self
    }

    /// Sends it: the status, the response's head, its JSON body (`Null` when not JSON).
    fn send(&self, server: &Server) -> (u16, String, Value) {
        self.send_with_length(server, self.body.len())
    }

    fn send_with_length(&self, server: &Server, length: usize) -> (u16, String, Value) {
        let mut head = format!("{} {API} HTTP/1.1\r\n", self.method);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {length}\r\nConnection: close\r\n\r\n"
        ));
        let (status, head, body) = server.exchange(&head, &self.body);
        let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
        (status, head, json)
    }
}

/// Calls an action as the CMS does; fails the test unless it answers 200.
fn call(server: &Server, action: &str, params: Value) -> Value {
    let (status, _, answer) = Call::new(
        server,
        &json!({"branch": "main", "action": action, "params": params}),
    )
    .send(server);
    assert_eq!(status, 200, "{action} answered {status}: {answer}");
    answer
}

/// Waits until the preview serves `rel` with `status` (a save is picked up by the watcher).
fn wait_for_page(server: &Server, rel: &str, status: u16) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (got, body) = server.page(rel);
        if got == status {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "the preview still answers {got} for {rel}, not {status}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

const ARTICLE: &str = "content/tin-tuc/2025/hoi-nghi-qua-cms.md";
const PHOTO: &str = "static/images/tin-tuc/hoi-nghi-qua-cms.jpg";

/// An article as Decap writes one (block lists, unquoted strings, the image object), its file
/// named by its title's slug as the CMS names it.
const RAW: &str = "---\ntitle: Hội nghị qua CMS\ndate: 15/01/2025 08:30\nprovince: An Giang\ncategory: Tin tức hoạt động\ntags:\n  - hội nghị\n  - CMS\nsummary: Bài viết tạo bằng CMS chạy tại chỗ, không cần Git.\nimage:\n  src: /images/tin-tuc/hoi-nghi-qua-cms.jpg\n  alt: Đại biểu dự hội nghị tổng kết\n---\n\nNgày 14/01, Liên hiệp tổ chức hội nghị tổng kết.\n";

fn persist_params(path: &str, raw: &str, photo: &[u8]) -> Value {
    json!({
        "branch": "main",
        "dataFiles": [{"path": path, "slug": "2025/hoi-nghi-qua-cms", "raw": raw}],
        "assets": [{"path": PHOTO, "content": b64(photo), "encoding": "base64"}],
        "options": {"newEntry": true, "commitMessage": "Create Bài viết “2025/hoi-nghi-qua-cms”",
                    "collectionName": "tin-tuc", "useWorkflow": false, "hasSubfolders": true,
                    "unpublished": false, "status": "draft"},
    })
}

fn sample_photo() -> Vec<u8> {
    std::fs::read(support::repo().join("static/images/2025/bang-ron-lien-hiep.jpg"))
        .unwrap_or_else(|e| panic!("the sample photo: {e}"))
}

#[test]
fn an_article_with_its_photo_goes_through_the_cms_into_the_site_and_out_again() {
    let site = support::copy_sample_site();
    let server = Server::start_in(&site.root, NO_ARGS);
    let photo = sample_photo();

    // The `local_backend` probe: no branch, no params.
    let (status, _, info) = Call::new(&server, &json!({"action": "info"})).send(&server);
    assert_eq!(status, 200);
    assert_eq!(
        info,
        json!({"repo": "site", "publish_modes": ["simple"], "type": "local_fs"})
    );

    // Before creating, the CMS asks whether the name is taken: 200 with `data: null`.
    let missing = call(
        &server,
        "getEntry",
        json!({"branch": "main", "path": ARTICLE}),
    );
    assert_eq!(
        missing,
        json!({"data": null, "file": {"path": ARTICLE, "id": null}})
    );

    let saved = call(
        &server,
        "persistEntry",
        persist_params(ARTICLE, RAW, &photo),
    );
    assert_eq!(saved, json!({"message": "entry persisted"}));
    assert_eq!(support::read(&site.root.join(ARTICLE)), RAW);
    assert_eq!(
        std::fs::read(site.root.join(PHOTO)).ok(),
        Some(photo.clone())
    );

    // The preview's watcher picks the files up like any edit: the article's page appears,
    // with its photo.
    let page = wait_for_page(&server, "tin-tuc/hoi-nghi-qua-cms/", 200);
    assert!(page.contains("Hội nghị qua CMS"), "{page}");
    assert!(
        page.contains("images/tin-tuc/hoi-nghi-qua-cms.jpg"),
        "{page}"
    );
    let (status, served) = server.get(&format!(
        "{}images/tin-tuc/hoi-nghi-qua-cms.jpg",
        server.base
    ));
    assert_eq!((status, served), (200, photo.clone()));

    let entry = call(
        &server,
        "getEntry",
        json!({"branch": "main", "path": ARTICLE}),
    );
    assert_eq!(entry["data"], RAW);
    assert_eq!(entry["file"]["path"], ARTICLE);
    let id = entry["file"]["id"].as_str().unwrap_or_default().to_string();
    assert!(!id.is_empty(), "{entry}");

    // The folder's list: every article of content/tin-tuc/ and its year folders, with the new
    // one among them.
    let listed = call(
        &server,
        "entriesByFolder",
        json!({"branch": "main", "folder": "content/tin-tuc", "extension": "md", "depth": 2}),
    );
    let listed = listed.as_array().cloned().unwrap_or_default();
    let on_disk = Tree::of(&site.root.join("content/tin-tuc"))
        .files()
        .iter()
        .filter(|f| f.ends_with(".md"))
        .count();
    assert_eq!(listed.len(), on_disk);
    let ours: Vec<&Value> = listed
        .iter()
        .filter(|e| e["file"]["path"] == ARTICLE)
        .collect();
    assert_eq!(
        ours,
        [&json!({"data": RAW, "file": {"path": ARTICLE, "id": id}})]
    );
    assert!(listed.iter().all(|e| {
        let path = e["file"]["path"].as_str().unwrap_or_default();
        path.starts_with("content/tin-tuc/") && path.ends_with(".md") && e["data"].is_string()
    }));
    // The CMS asks with depth 1 (its collection has no `path`), but bantin reads articles in
    // any subfolder, and the sample site keeps them all in year folders: the same list.
    let flat = call(
        &server,
        "entriesByFolder",
        json!({"branch": "main", "folder": "content/tin-tuc", "extension": "md", "depth": 1}),
    );
    assert_eq!(flat.as_array().map(Vec::len), Some(listed.len()));
    // The standalone pages: content/ at depth 1.
    let pages = call(
        &server,
        "entriesByFolder",
        json!({"branch": "main", "folder": "content", "extension": "md", "depth": 1}),
    );
    let paths: Vec<&str> = pages
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["file"]["path"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(paths, ["content/gioi-thieu.md", "content/lien-he.md"]);

    let by_files = call(
        &server,
        "entriesByFiles",
        json!({"branch": "main", "files": [
            {"path": "content/gioi-thieu.md", "label": "Giới thiệu"},
            {"path": "content/khong-co.md", "label": "Không có"},
        ]}),
    );
    assert_eq!(by_files[0]["file"]["label"], "Giới thiệu");
    assert_eq!(
        by_files[0]["data"],
        support::read(&site.root.join("content/gioi-thieu.md"))
    );
    assert_eq!(
        by_files[1],
        json!({"data": null, "file": {"path": "content/khong-co.md", "label": "Không có", "id": null}})
    );

    // The collection's media folder, as the CMS loads it when the entry opens.
    let media = call(
        &server,
        "getMedia",
        json!({"branch": "main", "mediaFolder": "static/images/tin-tuc"}),
    );
    let media = media.as_array().cloned().unwrap_or_default();
    assert_eq!(media.len(), 1, "{media:?}");
    assert_eq!(media[0]["path"], PHOTO);
    assert_eq!(media[0]["name"], "hoi-nghi-qua-cms.jpg");
    assert_eq!(media[0]["encoding"], "base64");
    assert_eq!(media[0]["content"], b64(&photo));
    assert!(media[0]["id"].is_string());
    // A folder not made yet has no photos.
    let none = call(
        &server,
        "getMedia",
        json!({"branch": "main", "mediaFolder": "static/images/chua-co"}),
    );
    assert_eq!(none, json!([]));
    let file = call(
        &server,
        "getMediaFile",
        json!({"branch": "main", "path": PHOTO}),
    );
    assert_eq!(file, media[0]);

    // The preview's page of the entry, for the CMS's "view" link.
    let preview = call(
        &server,
        "getDeployPreview",
        json!({"branch": "main", "collection": "tin-tuc", "slug": "2025/hoi-nghi-qua-cms"}),
    );
    let url = format!(
        "http://{}{}tin-tuc/hoi-nghi-qua-cms/",
        server.host, server.base
    );
    assert_eq!(preview, json!({"url": url, "status": "SUCCESS"}));
    let unknown = call(
        &server,
        "getDeployPreview",
        json!({"branch": "main", "collection": "tin-tuc", "slug": "2025/khong-co"}),
    );
    assert_eq!(unknown, Value::Null);

    // A photo from the media library page, then removed with deleteFiles.
    let library = "static/images/tin-tuc/tu-thu-vien.jpg";
    let stored = call(
        &server,
        "persistMedia",
        json!({"branch": "main", "asset": {"path": library, "content": b64(&photo), "encoding": "base64"},
               "options": {"commitMessage": "Upload “tu-thu-vien.jpg”"}}),
    );
    assert_eq!(stored["path"], library);
    assert_eq!(stored["content"], b64(&photo));
    assert_eq!(
        std::fs::read(site.root.join(library)).ok(),
        Some(photo.clone())
    );
    let deleted = call(
        &server,
        "deleteFiles",
        json!({"branch": "main", "paths": [library], "options": {"commitMessage": "Delete"}}),
    );
    assert_eq!(
        deleted,
        json!({"message": format!("deleted files {library}")})
    );
    assert!(!site.root.join(library).exists());

    // The site as the CMS left it builds, with the article's page and its photo.
    let out = site.sibling("out");
    let build = support::bantin(
        &site.root,
        [OsStr::new("build"), OsStr::new("--output"), out.as_os_str()],
    );
    assert_eq!(build.code, 0, "{}", build.transcript());
    let built = support::read(&out.join("tin-tuc/hoi-nghi-qua-cms/index.html"));
    assert!(built.contains("Hội nghị qua CMS"));
    assert!(out.join("images/tin-tuc/hoi-nghi-qua-cms.jpg").is_file());

    // Deleting the entry removes its file, and the preview its page.
    let deleted = call(
        &server,
        "deleteFile",
        json!({"branch": "main", "path": ARTICLE, "options": {"commitMessage": "Delete"}}),
    );
    assert_eq!(
        deleted,
        json!({"message": format!("deleted file {ARTICLE}")})
    );
    assert!(!site.root.join(ARTICLE).exists());
    wait_for_page(&server, "tin-tuc/hoi-nghi-qua-cms/", 404);

    // An action of the editorial workflow, which this backend does not offer.
    let (status, _, answer) = Call::new(
        &server,
        &json!({"branch": "main", "action": "unpublishedEntries", "params": {"branch": "main"}}),
    )
    .send(&server);
    assert_eq!(status, 422);
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("`unpublishedEntries`") && error.contains("editorial_workflow"),
        "{answer}"
    );
}

/// Makes, beside the site, a sibling whose name starts the same (`site2`, the prefix that
/// decap-server's check lets through) and a folder `outside`; inside `content/tin-tuc/`, links
/// to both and to a file outside.
#[cfg(unix)]
fn add_ways_out(site: &support::TempSite) {
    use std::os::unix::fs::symlink;
    let tmp = site.tmp.path();
    support::write(&tmp.join("site2/content/tin-tuc/bai.md"), "---\n");
    support::write(&tmp.join("outside/secret.md"), "bí mật");
    let news = site.root.join("content/tin-tuc");
    let link = |target: &Path, name: &str| {
        symlink(target, news.join(name)).unwrap_or_else(|e| panic!("link {name}: {e}"));
    };
    link(&tmp.join("outside"), "ra-ngoai");
    link(Path::new("../../../site2/content"), "site2");
    link(&tmp.join("outside/secret.md"), "bi-mat.md");
}

#[cfg(unix)]
#[test]
fn requests_from_elsewhere_and_paths_outside_articles_and_photos_are_refused() {
    let site = support::copy_sample_site();
    add_ways_out(&site);
    let server = Server::start_in(&site.root, NO_ARGS);
    let photo = sample_photo();
    let wanted = "content/tin-tuc/2025/khong-duoc-ghi.md";
    let good = json!({"branch": "main", "action": "persistEntry",
                      "params": persist_params(wanted, RAW, &photo)});
    let persist = |path: &str| {
        json!({"branch": "main", "action": "persistEntry",
               "params": persist_params(path, RAW, &photo)})
    };
    let with_asset = |asset_path: &str, content: &[u8], encoding: &str| {
        let mut body = good.clone();
        body["params"]["assets"] =
            json!([{"path": asset_path, "content": b64(content), "encoding": encoding}]);
        body
    };
    let action =
        |action: &str, params: Value| json!({"branch": "main", "action": action, "params": params});
    let port = server
        .host
        .rsplit(':')
        .next()
        .unwrap_or_default()
        .to_string();
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    let html = b"<!doctype html><script>fetch('/__bantin/api/v1')</script>";

    let before = Tree::of(site.tmp.path());
    let cases: Vec<(&str, Call, u16)> = vec![
        // Who may call.
        (
            "another page's Origin",
            Call::new(&server, &good).set("Origin", "http://evil.example"),
            403,
        ),
        (
            "no Origin",
            Call::new(&server, &good).without("Origin"),
            403,
        ),
        (
            "an opaque Origin",
            Call::new(&server, &good).set("Origin", "null"),
            403,
        ),
        (
            "the other loopback name as Origin",
            Call::new(&server, &good).set("Origin", &format!("http://localhost:{port}")),
            403,
        ),
        (
            "a foreign Host (DNS rebinding)",
            Call::new(&server, &good)
                .set("Host", &format!("evil.example:{port}"))
                .set("Origin", &format!("http://evil.example:{port}")),
            403,
        ),
        (
            "another port in Host",
            Call::new(&server, &good).set("Host", "127.0.0.1:1"),
            403,
        ),
        (
            "Sec-Fetch-Site: cross-site",
            Call::new(&server, &good).set("Sec-Fetch-Site", "cross-site"),
            403,
        ),
        (
            "Sec-Fetch-Site: same-site",
            Call::new(&server, &good).set("Sec-Fetch-Site", "same-site"),
            403,
        ),
        (
            "a form's content type",
            Call::new(&server, &good).set("Content-Type", "application/x-www-form-urlencoded"),
            403,
        ),
        (
            "text/plain (a request with no preflight)",
            Call::new(&server, &good).set("Content-Type", "text/plain;charset=UTF-8"),
            403,
        ),
        (
            "no content type",
            Call::new(&server, &good).without("Content-Type"),
            403,
        ),
        (
            "a CORS preflight",
            Call::new(&server, &good)
                .method("OPTIONS")
                .set("Access-Control-Request-Method", "POST"),
            405,
        ),
        ("GET", Call::new(&server, &good).method("GET"), 405),
        (
            "a body that is not JSON",
            Call::new(&server, &good).raw_body(b"action=persistEntry"),
            400,
        ),
        // Where.
        ("../x.md", Call::new(&server, &persist("../x.md")), 403),
        (
            "/etc/passwd",
            Call::new(&server, &persist("/etc/passwd")),
            403,
        ),
        (
            "content/../../x.md",
            Call::new(&server, &persist("content/../../x.md")),
            403,
        ),
        (
            "the sibling site2/",
            Call::new(&server, &persist("../site2/content/tin-tuc/x.md")),
            403,
        ),
        (
            "a link to the sibling site2/",
            Call::new(&server, &persist("content/tin-tuc/site2/tin-tuc/x.md")),
            403,
        ),
        (
            "a link in content/ to a folder outside",
            Call::new(&server, &persist("content/tin-tuc/ra-ngoai/x.md")),
            403,
        ),
        (
            "a link in content/ to a file outside",
            Call::new(&server, &persist("content/tin-tuc/bi-mat.md")),
            403,
        ),
        (
            "backslashes",
            Call::new(&server, &persist("content\\tin-tuc\\x.md")),
            403,
        ),
        (
            "NUL",
            Call::new(&server, &persist("content/tin-tuc/x.md\0.png")),
            403,
        ),
        ("site.toml", Call::new(&server, &persist("site.toml")), 403),
        (
            "a template",
            Call::new(&server, &persist("templates/article.html")),
            403,
        ),
        (
            "HTML in content/",
            Call::new(&server, &persist("content/tin-tuc/x.html")),
            403,
        ),
        (
            "text in content/",
            Call::new(&server, &persist("content/tin-tuc/x.txt")),
            403,
        ),
        (
            "a hidden file",
            Call::new(&server, &persist("content/tin-tuc/.x.md")),
            403,
        ),
        (
            "an SVG photo",
            Call::new(&server, &with_asset("static/images/x.svg", svg, "base64")),
            403,
        ),
        (
            "an HTML photo",
            Call::new(&server, &with_asset("static/images/x.html", html, "base64")),
            403,
        ),
        (
            "a photo outside static/images/",
            Call::new(&server, &with_asset("static/x.jpg", &photo, "base64")),
            403,
        ),
        (
            "HTML named .png",
            Call::new(&server, &with_asset("static/images/x.png", html, "base64")),
            422,
        ),
        (
            "a photo not in base64",
            Call::new(&server, &with_asset("static/images/x.jpg", &photo, "utf8")),
            422,
        ),
        (
            "an SVG from the media library",
            Call::new(
                &server,
                &action(
                    "persistMedia",
                    json!({"branch": "main",
             "asset": {"path": "static/images/x.svg", "content": b64(svg), "encoding": "base64"},
             "options": {"commitMessage": "Upload"}}),
                ),
            ),
            403,
        ),
        (
            "reading /etc/passwd",
            Call::new(
                &server,
                &action("getEntry", json!({"branch": "main", "path": "/etc/passwd"})),
            ),
            403,
        ),
        (
            "reading through a link out",
            Call::new(
                &server,
                &action(
                    "getEntry",
                    json!({"branch": "main", "path": "content/tin-tuc/bi-mat.md"}),
                ),
            ),
            403,
        ),
        (
            "reading site.toml as a photo",
            Call::new(
                &server,
                &action(
                    "getMediaFile",
                    json!({"branch": "main", "path": "site.toml"}),
                ),
            ),
            403,
        ),
        (
            "listing a folder outside",
            Call::new(
                &server,
                &action(
                    "entriesByFolder",
                    json!({"branch": "main",
             "folder": "content/tin-tuc/ra-ngoai", "extension": "md", "depth": 1}),
                ),
            ),
            403,
        ),
        (
            "listing the site's root",
            Call::new(
                &server,
                &action(
                    "entriesByFolder",
                    json!({"branch": "main",
             "folder": ".", "extension": "md", "depth": 3}),
                ),
            ),
            403,
        ),
        (
            "listing static/ as photos",
            Call::new(
                &server,
                &action(
                    "getMedia",
                    json!({"branch": "main", "mediaFolder": "static"}),
                ),
            ),
            403,
        ),
        (
            "deleting site.toml",
            Call::new(
                &server,
                &action(
                    "deleteFile",
                    json!({"branch": "main", "path": "site.toml",
             "options": {"commitMessage": "x"}}),
                ),
            ),
            403,
        ),
        (
            "deleting an article and, with it, a file outside",
            Call::new(
                &server,
                &action(
                    "deleteFiles",
                    json!({"branch": "main",
             "paths": ["content/gioi-thieu.md", "../site2/content/tin-tuc/bai.md"],
             "options": {"commitMessage": "x"}}),
                ),
            ),
            403,
        ),
        (
            "moving an article out",
            Call::new(
                &server,
                &action(
                    "persistEntry",
                    json!({"branch": "main",
             "dataFiles": [{"path": "content/gioi-thieu.md", "slug": "gioi-thieu", "raw": RAW,
                            "newPath": "../site2/content/gioi-thieu.md"}],
             "assets": [], "options": {"commitMessage": "x", "useWorkflow": false, "status": "draft"}}),
                ),
            ),
            403,
        ),
        (
            "persistEntry without files",
            Call::new(
                &server,
                &action("persistEntry", json!({"branch": "main", "assets": []})),
            ),
            422,
        ),
        (
            "an unknown action",
            Call::new(
                &server,
                &action(
                    "publishUnpublishedEntry",
                    json!({"branch": "main", "collection": "tin-tuc", "slug": "a"}),
                ),
            ),
            422,
        ),
    ];
    for (what, request, status) in &cases {
        let (got, head, answer) = request.send(&server);
        assert_eq!(got, *status, "{what}: {answer}");
        let error = answer["error"].as_str().unwrap_or_default();
        assert!(!error.is_empty(), "{what}: no error message in {answer}");
        assert!(
            !head.to_ascii_lowercase().contains("access-control-"),
            "{what}: CORS headers in {head}"
        );
        assert!(
            !error.contains("root:") && !error.contains("bí mật"),
            "{what}: {error}"
        );
    }
    // A body over the limit is refused from its length, before it is read.
    let (got, _, answer) = Call::new(&server, &good).send_with_length(&server, 60 * 1024 * 1024);
    assert_eq!(got, 413, "{answer}");

    let after = Tree::of(site.tmp.path());
    before.assert_same(
        &after,
        "the site and its neighbours after the refused requests",
    );

    // The same request, from the CMS page, is written: the refusals above were the checks'.
    let (got, _, answer) = Call::new(&server, &good).send(&server);
    assert_eq!(got, 200, "{answer}");
    assert_eq!(support::read(&site.root.join(wanted)), RAW);
}

#[test]
fn an_article_read_and_saved_back_unchanged_stays_byte_identical() {
    let site = support::copy_sample_site();
    // Beside a sample article, one as other editors leave them: Windows line ends, decomposed
    // (NFD) diacritics, a byte-order mark, no final newline.
    let odd = "content/tin-tuc/2024/soan-tren-windows.md";
    let text = "\u{feff}---\r\ntitle: \"Ho\u{302}\u{323}i nghi\u{323} tre\u{302}n Windows\"\r\ndate: 2024-03-01\r\nprovince: An Giang\r\n---\r\n\r\nNo\u{302}\u{323}i dung.";
    support::write(&site.root.join(odd), text);
    let server = Server::start_in(&site.root, NO_ARGS);
    let before = Tree::of(&site.root);
    for path in [
        "content/tin-tuc/2026/khoi-cong-nha-tinh-thuong-vien-tro.md",
        "content/gioi-thieu.md",
        odd,
    ] {
        let entry = call(&server, "getEntry", json!({"branch": "main", "path": path}));
        let raw = entry["data"].as_str().unwrap_or_default();
        let saved = call(
            &server,
            "persistEntry",
            json!({"branch": "main",
                   "dataFiles": [{"path": path, "slug": "x", "raw": raw}], "assets": [],
                   "options": {"newEntry": false, "commitMessage": "Update", "useWorkflow": false,
                               "status": "draft", "hasSubfolders": true}}),
        );
        assert_eq!(saved, json!({"message": "entry persisted"}));
    }
    // Byte for byte, and nothing beside them (no temporary file left).
    before.assert_same(
        &Tree::of(&site.root),
        "the site after saving articles unchanged",
    );
}

#[test]
fn a_moved_article_moves_alone() {
    let site = support::copy_sample_site();
    let server = Server::start_in(&site.root, NO_ARGS);
    let from = "content/tin-tuc/2024/hai-duong-tong-ket-nam-2023.md";
    let to = "content/tin-tuc/2023/hai-duong-tong-ket-nam-2023.md";
    let raw = support::read(&site.root.join(from)).replace("title:", "# chuyển\ntitle:");
    let before = Tree::of(&site.root);
    let saved = call(
        &server,
        "persistEntry",
        json!({"branch": "main",
               "dataFiles": [{"path": from, "slug": "2024/hai-duong-tong-ket-nam-2023", "raw": raw, "newPath": to}],
               "assets": [],
               "options": {"newEntry": false, "commitMessage": "Update", "useWorkflow": false,
                           "status": "draft", "hasSubfolders": true}}),
    );
    assert_eq!(saved, json!({"message": "entry persisted"}));
    let after = Tree::of(&site.root);
    // decap-server would have moved every file of content/tin-tuc/2024/ along with it.
    assert_eq!(
        before.diff(&after),
        [format!("- {from} (gone)"), format!("+ {to} (new)")]
    );
    assert_eq!(support::read(&site.root.join(to)), raw);

    // Onto another article: refused, nothing changed.
    let onto = "content/tin-tuc/2023/dem-giao-luu-van-hoa-viet-nhat.md";
    let (status, _, answer) = Call::new(
        &server,
        &json!({"branch": "main", "action": "persistEntry", "params": {"branch": "main",
               "dataFiles": [{"path": to, "slug": "x", "raw": "---\n", "newPath": onto}],
               "assets": [], "options": {"commitMessage": "x", "useWorkflow": false, "status": "draft"}}}),
    )
    .send(&server);
    assert_eq!(status, 422, "{answer}");
    after.assert_same(&Tree::of(&site.root), "the site after a refused move");
}

/// The API answers in the server's language (Vietnamese when nothing is set), and is off when
/// the preview listens on the network.
#[test]
fn on_the_network_the_api_is_off_and_says_why_in_vietnamese() {
    let site = support::copy_sample_site();
    let before = Tree::sources(&site.root);
    let server = Server::start_in_lang(&site.root, "", ["--bind", "0.0.0.0"]);
    let body = json!({"branch": "main", "action": "persistEntry",
                      "params": persist_params(ARTICLE, RAW, &sample_photo())});
    let (status, _, answer) = Call::new(&server, &body).send(&server);
    assert_eq!(status, 403, "{answer}");
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("`--bind 0.0.0.0`") && error.contains("không lưu được"),
        "{error}"
    );
    let (status, _, _) = Call::new(&server, &json!({"action": "info"})).send(&server);
    assert_eq!(status, 403);
    before.assert_same(
        &Tree::sources(&site.root),
        "the site after the refused save",
    );

    // On loopback, in Vietnamese too.
    let server = Server::start_in_lang(&site.root, "", NO_ARGS);
    let (status, _, answer) = Call::new(&server, &json!({"action": "unpublishedEntries"}))
        .set("Origin", "http://evil.example")
        .send(&server);
    assert_eq!(status, 403);
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(error.starts_with("từ chối:"), "{error}");
}

// ---- Documents' files (PDF, DOCX …) ----------------------------------------------------------

/// A document as the "Văn bản" collection saves one, with the file its file widget uploaded
/// into `static/van-ban/<year>/` (the widget's `media_folder`) and names by `public_folder`.
const DOCUMENT: &str = "content/van-ban/27-kh-lhhn.md";
const DOCUMENT_PDF: &str = "static/van-ban/2026/ke-hoach-27-kh-lhhn.pdf";
const DOCUMENT_RAW: &str = "---\nnumber: 27/KH-LHHN\nkind: Kế hoạch\nissuer: Liên hiệp các tổ chức hữu nghị tỉnh An Giang\nlevel: lien-hiep\nissued: 05/03/2026\nsummary: Kế hoạch tổ chức các hoạt động đối ngoại nhân dân năm 2026.\nstatus: con-hieu-luc\nfiles:\n  - src: /van-ban/2026/ke-hoach-27-kh-lhhn.pdf\n    title: Toàn văn (PDF)\n---\n";

/// A PDF of exactly 150 KB: the sample's, padded (what follows `%%EOF` is ignored by readers).
fn sample_pdf() -> Vec<u8> {
    let mut pdf = std::fs::read(support::repo().join("static/van-ban/2020/80-2020-nd-cp.pdf"))
        .unwrap_or_else(|e| panic!("the sample PDF: {e}"));
    assert!(pdf.starts_with(b"%PDF-"));
    pdf.resize(150 * 1024, b'\n');
    pdf
}

fn document_params(asset_path: &str, content: &[u8]) -> Value {
    json!({
        "branch": "main",
        "dataFiles": [{"path": DOCUMENT, "slug": "27-kh-lhhn", "raw": DOCUMENT_RAW}],
        "assets": [{"path": asset_path, "content": b64(content), "encoding": "base64"}],
        "options": {"newEntry": true, "commitMessage": "Create Văn bản “27-kh-lhhn”",
                    "collectionName": "van-ban", "useWorkflow": false, "hasSubfolders": true,
                    "unpublished": false, "status": "draft"},
    })
}

#[test]
fn a_document_with_its_pdf_goes_through_the_cms_into_its_page() {
    let site = support::copy_sample_site();
    let server = Server::start_in(&site.root, NO_ARGS);
    let pdf = sample_pdf();

    let saved = call(&server, "persistEntry", document_params(DOCUMENT_PDF, &pdf));
    assert_eq!(saved, json!({"message": "entry persisted"}));
    assert_eq!(support::read(&site.root.join(DOCUMENT)), DOCUMENT_RAW);
    assert_eq!(
        std::fs::read(site.root.join(DOCUMENT_PDF)).ok(),
        Some(pdf.clone())
    );

    // The preview picks both up: the document's page, with its file's type and size.
    let page = wait_for_page(&server, "van-ban/27-kh-lhhn/", 200);
    assert!(page.contains("Kế hoạch số 27/KH-LHHN"), "{page}");
    assert!(
        page.contains("van-ban/2026/ke-hoach-27-kh-lhhn.pdf"),
        "{page}"
    );
    assert!(page.contains("(PDF · 150 KB)"), "{page}");
    let (status, served) = server.get(&format!(
        "{}van-ban/2026/ke-hoach-27-kh-lhhn.pdf",
        server.base
    ));
    assert_eq!((status, served), (200, pdf.clone()));

    // The file widget's media library: the folder's files (the sample's 15/KH-LHHN and ours),
    // read back whole.
    let names = |media: &Value| -> Vec<String> {
        let mut names: Vec<String> = media
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| m["name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let media = call(
        &server,
        "getMedia",
        json!({"branch": "main", "mediaFolder": "static/van-ban/2026"}),
    );
    assert_eq!(names(&media), ["15-kh-lhhn.pdf", "ke-hoach-27-kh-lhhn.pdf"]);
    let ours = media
        .as_array()
        .and_then(|a| a.iter().find(|m| m["path"] == DOCUMENT_PDF))
        .cloned()
        .unwrap_or_default();
    assert!(ours["content"] == b64(&pdf), "the PDF read back differs");
    let file = call(
        &server,
        "getMediaFile",
        json!({"branch": "main", "path": DOCUMENT_PDF}),
    );
    assert!(file == ours, "getMediaFile differs from getMedia");

    // A DOCX (a ZIP archive) from the media library page, listed beside it, then deleted.
    let docx_path = "static/van-ban/2026/phu-luc.docx";
    let mut docx = b"PK\x03\x04\x14\0\x06\0".to_vec();
    docx.resize(4096, 0);
    let stored = call(
        &server,
        "persistMedia",
        json!({"branch": "main", "asset": {"path": docx_path, "content": b64(&docx), "encoding": "base64"},
               "options": {"commitMessage": "Upload “phu-luc.docx”"}}),
    );
    assert_eq!(stored["path"], docx_path);
    assert_eq!(
        std::fs::read(site.root.join(docx_path)).ok(),
        Some(docx.clone())
    );
    let listed = call(
        &server,
        "getMedia",
        json!({"branch": "main", "mediaFolder": "static/van-ban/2026"}),
    );
    assert_eq!(
        names(&listed),
        ["15-kh-lhhn.pdf", "ke-hoach-27-kh-lhhn.pdf", "phu-luc.docx"]
    );
    // Replacing it is the media library's way: the CMS asks the editor, deletes the old file,
    // then uploads the new one; a new file over the old one without that is refused.
    let mut newer = docx.clone();
    newer.resize(8192, 0);
    let upload = json!({"branch": "main", "action": "persistMedia", "params": {"branch": "main",
        "asset": {"path": docx_path, "content": b64(&newer), "encoding": "base64"},
        "options": {"commitMessage": "Upload “phu-luc.docx”"}}});
    let (status, _, answer) = Call::new(&server, &upload).send(&server);
    assert_eq!(status, 409, "{answer}");
    assert_eq!(std::fs::read(site.root.join(docx_path)).ok(), Some(docx));
    call(
        &server,
        "deleteFile",
        json!({"branch": "main", "path": docx_path, "options": {"commitMessage": "Delete"}}),
    );
    let (status, _, answer) = Call::new(&server, &upload).send(&server);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(std::fs::read(site.root.join(docx_path)).ok(), Some(newer));
    call(
        &server,
        "deleteFiles",
        json!({"branch": "main", "paths": [docx_path], "options": {"commitMessage": "Delete"}}),
    );
    assert!(!site.root.join(docx_path).exists());

    // The site as the CMS left it builds, with the document's page and its file.
    let out = site.sibling("out");
    let build = support::bantin(
        &site.root,
        [OsStr::new("build"), OsStr::new("--output"), out.as_os_str()],
    );
    assert_eq!(build.code, 0, "{}", build.transcript());
    let built = support::read(&out.join("van-ban/27-kh-lhhn/index.html"));
    assert!(built.contains("Toàn văn (PDF)</a>"), "{built}");
    assert!(built.contains("(PDF · 150 KB)"), "{built}");
    assert_eq!(
        std::fs::read(out.join("van-ban/2026/ke-hoach-27-kh-lhhn.pdf")).ok(),
        Some(pdf)
    );
}

#[test]
fn a_documents_file_that_is_not_what_its_name_says_is_refused_with_nothing_written() {
    let site = support::copy_sample_site();
    // No language set, as on an editor's machine: the messages are in Vietnamese.
    let server = Server::start_in_lang(&site.root, "", NO_ARGS);
    let pdf = sample_pdf();
    let html = b"<!doctype html><script>fetch('/__bantin/api/v1')</script>".to_vec();
    let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0".to_vec();
    let mut too_large = b"%PDF-1.7\n".to_vec();
    too_large.resize(20 * 1024 * 1024 + 1, b' ');
    let persist = |path: &str, content: &[u8]| json!({"branch": "main", "action": "persistEntry", "params": document_params(path, content)});
    let library = |path: &str, content: &[u8]| {
        json!({"branch": "main", "action": "persistMedia", "params": {"branch": "main",
               "asset": {"path": path, "content": b64(content), "encoding": "base64"},
               "options": {"commitMessage": "Upload"}}})
    };
    let before = Tree::of(site.tmp.path());
    // (what, request, status, words the message must have)
    let cases: Vec<(&str, Value, u16, &[&str])> = vec![
        (
            "an HTML page named .pdf",
            persist("static/van-ban/2026/gia.pdf", &html),
            422,
            &[
                "`static/van-ban/2026/gia.pdf`",
                "không phải tệp PDF thật",
                "đổi tên",
            ],
        ),
        (
            "a program named .pdf, from the media library",
            library("static/van-ban/2026/gia.pdf", &exe),
            422,
            &["không phải tệp PDF thật"],
        ),
        (
            "a PDF named .docx",
            persist("static/van-ban/2026/gia.docx", &pdf),
            422,
            &["không phải tệp DOCX thật"],
        ),
        (
            "a program",
            persist("static/van-ban/2026/cai-dat.exe", &exe),
            403,
            &["`static/van-ban/2026/cai-dat.exe`", "PDF, DOCX", "`.exe`"],
        ),
        (
            "a program from the media library",
            library("static/van-ban/2026/cai-dat.exe", &exe),
            403,
            &["`.exe`"],
        ),
        (
            "an HTML page",
            persist("static/van-ban/2026/trang.html", &html),
            403,
            &["HTML"],
        ),
        (
            "an SVG",
            library(
                "static/van-ban/2026/hinh.svg",
                b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            ),
            403,
            &["SVG"],
        ),
        (
            "a PDF out of static/van-ban/",
            persist("static/js/van-ban.pdf", &pdf),
            403,
            &["`static/van-ban/`"],
        ),
        (
            "a PDF above the site",
            persist("static/van-ban/../../../x.pdf", &pdf),
            403,
            &[],
        ),
        (
            "a PDF among the photos",
            persist("static/images/2026/x.pdf", &pdf),
            403,
            &[],
        ),
        (
            "a PDF over another file of the same name",
            library("static/van-ban/2026/15-kh-lhhn.pdf", &pdf),
            409,
            &[
                "`static/van-ban/2026/15-kh-lhhn.pdf`",
                "đã có một tệp khác cùng tên",
            ],
        ),
        (
            "a document's PDF over another file of the same name",
            persist("static/van-ban/2026/15-kh-lhhn.pdf", &pdf),
            409,
            &["đã có một tệp khác cùng tên"],
        ),
        (
            "a PDF over 20 MB",
            persist("static/van-ban/2026/qua-lon.pdf", &too_large),
            413,
            &["nặng khoảng 21 MB", "giới hạn 20 MB"],
        ),
    ];
    for (what, body, status, words) in &cases {
        let (got, _, answer) = Call::new(&server, body).send(&server);
        assert_eq!(got, *status, "{what}: {answer}");
        let error = answer["error"].as_str().unwrap_or_default();
        assert!(!error.is_empty(), "{what}: no message in {answer}");
        for word in *words {
            assert!(error.contains(word), "{what}: {word:?} not in {error:?}");
        }
    }
    // Not the document, not its file, nothing beside them.
    before.assert_same(
        &Tree::of(site.tmp.path()),
        "the site after the refused documents' files",
    );
}
