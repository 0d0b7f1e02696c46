//! The browser CMS at `/admin/` (issue 17): takes small sites with and without `[cms]`, the
//! pinned Decap CMS tarball of tests/tools (never the registry) and a tampered copy of it, and
//! gives proof that a published site has its `admin/` only with `[cms]`, that the page passes
//! the HTML checker, that a wrong tarball fails the build with one diagnostic and leaves the
//! last output as it was, and that `bantin serve` offers `/admin/` on its local API.

use std::path::Path;

use saphyr::{LoadableYamlNode, Yaml};

use crate::serve::Server;
use crate::support::{self, Outcome, TempSite, Tree};

const CMS: &str = "\n[cms]\nbackend = \"github\"\nrepo = \"lienhiep-cantho/cong\"\nbase_url = \"https://dang-nhap.example.org\"\n";

/// A small site made by `bantin init`, with `extra` added to its site.toml.
fn site(extra: &str) -> TempSite {
    let site = support::empty_site();
    let init = support::bantin(site.tmp.path(), ["init", "site"]);
    assert_eq!(init.code, 0, "{}", init.transcript());
    let toml = site.root.join("site.toml");
    let text = support::read(&toml);
    support::write(&toml, format!("{text}{extra}"));
    site
}

/// `bantin build` of the site with `BANTIN_DECAP_TARBALL` set to `tarball`.
fn build_with(site: &TempSite, tarball: &Path, lang: &str) -> Outcome {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"));
    command
        .args(["build", "--source", "site"])
        .current_dir(site.tmp.path())
        .env("NO_COLOR", "1")
        .env("BANTIN_MESSAGES", lang)
        .env(support::DECAP_ENV, tarball);
    support::run(command)
}

#[test]
fn a_site_with_cms_publishes_its_admin_and_one_without_does_not() {
    let site = site(CMS);
    let built = support::bantin(site.tmp.path(), ["build", "--source", "site"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let admin = site.root.join("public/admin");
    for file in ["index.html", "config.yml", "bantin.js", "decap-cms.js"] {
        assert!(admin.join(file).is_file(), "admin/{file} is missing");
    }
    // The bundle's chunks and WebAssembly beside it; no source maps, no legacy copies.
    let names: Vec<String> = support::read_dir_sorted(&admin)
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with(".decap-cms.js")),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.ends_with(".wasm")), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with(".map") || n == "cms.js" || n.ends_with(".cms.js")),
        "{names:?}"
    );

    // The configuration reads back as YAML with the published site's backend.
    let text = support::read(&admin.join("config.yml"));
    let docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let doc = &docs[0];
    assert_eq!(doc["backend"]["name"].as_str(), Some("github"));
    assert_eq!(
        doc["backend"]["repo"].as_str(),
        Some("lienhiep-cantho/cong")
    );
    assert_eq!(doc["publish_mode"].as_str(), Some("editorial_workflow"));
    assert_eq!(doc["locale"].as_str(), Some("vi"));

    // A third collection, "Thư viện ảnh", edits the albums: the articles' province select, a
    // folder with a hint in Vietnamese, and a list of photos with the media library.
    let collections = doc["collections"].as_vec().cloned().unwrap_or_default();
    let names: Vec<&str> = collections
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["tin-tuc", "thu-vien-anh", "van-ban", "trang"],
        "{text}"
    );
    let albums = &collections[1];
    assert_eq!(albums["label"].as_str(), Some("Thư viện ảnh"));
    assert_eq!(albums["folder"].as_str(), Some("content/thu-vien-anh"));
    fn fields<'a>(c: &Yaml<'a>) -> Vec<Yaml<'a>> {
        c["fields"].as_vec().cloned().unwrap_or_default()
    }
    fn field<'a>(c: &Yaml<'a>, name: &str) -> Yaml<'a> {
        fields(c)
            .into_iter()
            .find(|f| f["name"].as_str() == Some(name))
            .unwrap_or_else(|| panic!("no field {name}"))
    }
    let album_fields: Vec<String> = fields(albums)
        .iter()
        .filter_map(|f| f["name"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        album_fields,
        [
            "title", "date", "province", "tags", "summary", "folder", "photos", "cover", "draft",
            "body"
        ],
        "{text}"
    );
    let articles = &collections[0];
    assert_eq!(
        field(albums, "province")["options"],
        field(articles, "province")["options"],
        "the albums' province select is the articles'"
    );
    assert_eq!(field(albums, "province")["widget"].as_str(), Some("select"));
    let folder = field(albums, "folder");
    assert_eq!(folder["widget"].as_str(), Some("string"));
    assert!(
        folder["hint"]
            .as_str()
            .is_some_and(|h| h.contains("Thư mục trong static/")),
        "{text}"
    );
    let photos = field(albums, "photos");
    assert_eq!(photos["widget"].as_str(), Some("list"));
    let photo_fields: Vec<(String, String)> = fields(&photos)
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap_or_default().to_string(),
                f["widget"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        photo_fields,
        [
            ("src".to_string(), "image".to_string()),
            ("alt".to_string(), "string".to_string()),
            ("caption".to_string(), "string".to_string()),
        ]
    );

    // A fourth, "Văn bản", edits the documents library: the kind as a select of every kind
    // bantin knows, the level and status as selects of their accepted values, the dates as
    // days, and a list of files with their titles.
    let documents = &collections[2];
    assert_eq!(documents["label"].as_str(), Some("Văn bản"));
    assert_eq!(documents["folder"].as_str(), Some("content/van-ban"));
    assert_eq!(documents["identifier_field"].as_str(), Some("number"));
    let document_fields: Vec<String> = fields(documents)
        .iter()
        .filter_map(|f| f["name"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        document_fields,
        [
            "number",
            "kind",
            "issuer",
            "level",
            "issued",
            "effective",
            "signer",
            "summary",
            "status",
            "replaced_by",
            "amended_by",
            "files",
            "link",
            "tags",
            "draft",
            "body"
        ],
        "{text}"
    );
    let kind = field(documents, "kind");
    assert_eq!(kind["widget"].as_str(), Some("select"));
    let kinds: Vec<&str> = kind["options"]
        .as_vec()
        .map(|o| o.iter().filter_map(|k| k.as_str()).collect())
        .unwrap_or_default();
    for wanted in [
        "Nghị định",
        "Chỉ thị",
        "Nghị quyết",
        "Kế hoạch",
        "Quyết định",
    ] {
        assert!(kinds.contains(&wanted), "{wanted} not in {kinds:?}");
    }
    let values = |name: &str| -> Vec<String> {
        let f = field(documents, name);
        assert_eq!(f["widget"].as_str(), Some("select"), "{name}");
        f["options"]
            .as_vec()
            .map(|o| {
                o.iter()
                    .filter_map(|v| v["value"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(values("level"), ["trung-uong", "tinh", "lien-hiep"]);
    assert_eq!(
        values("status"),
        ["con-hieu-luc", "da-sua-doi", "het-hieu-luc"]
    );
    assert_eq!(
        field(documents, "issued")["format"].as_str(),
        Some("DD/MM/YYYY")
    );
    let files = field(documents, "files");
    assert_eq!(files["widget"].as_str(), Some("list"));
    let file_fields: Vec<(String, String)> = fields(&files)
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap_or_default().to_string(),
                f["widget"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        file_fields,
        [
            ("src".to_string(), "file".to_string()),
            ("title".to_string(), "string".to_string()),
        ]
    );
    // The files go into static/van-ban/<year>/, where the preview's backend takes them (not
    // static/images/ with the photos), and are written as /van-ban/<year>/…, as bantin reads.
    let year = doc["media_folder"]
        .as_str()
        .and_then(|f| f.strip_prefix("static/images/"))
        .unwrap_or_default();
    let src = &fields(&files)[0];
    assert_eq!(
        src["media_folder"].as_str(),
        Some(format!("/static/van-ban/{year}").as_str()),
        "{text}"
    );
    assert_eq!(
        src["public_folder"].as_str(),
        Some(format!("/van-ban/{year}").as_str()),
        "{text}"
    );

    // The page passes the Nu HTML Checker (the suite's HTML checks walk whole outputs).
    let vnu = support::vnu(&admin);
    assert_eq!(vnu.code, 0, "{}", vnu.transcript());

    // Without [cms], no admin/: nothing of the CMS is published, and no tarball is needed.
    let plain = self::site("");
    let built = build_with(
        &plain,
        &plain.tmp.path().join("no-such.tgz"),
        support::TEST_LANG,
    );
    assert_eq!(built.code, 0, "{}", built.transcript());
    assert!(plain.root.join("public/index.html").is_file());
    assert!(!plain.root.join("public/admin").exists());
}

#[test]
fn a_tampered_tarball_fails_the_build_and_leaves_the_output_as_it_was() {
    let site = site(CMS);
    let built = support::bantin(site.tmp.path(), ["build", "--source", "site"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let before = Tree::of(&site.root.join("public"));

    // One byte changed, in a copy.
    let mut bytes = std::fs::read(support::decap_tarball()).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `bash tests/setup.sh`",
            support::decap_tarball().display()
        )
    });
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let tampered = site.sibling("decap-cms-3.16.3.tgz");
    support::write(&tampered, &bytes);
    // A new article too: the failed build must not publish it either.
    support::write(
        &site.root.join("content/tin-tuc/bai-moi.md"),
        "---\ntitle: Bài mới\ndate: 01/06/2024 08:00\nprovince: Cần Thơ\n---\nNội dung.\n",
    );

    let en = build_with(&site, &tampered, "en");
    assert_eq!(en.code, 1, "{}", en.transcript());
    assert!(
        en.stderr.contains("is not Decap CMS 3.16.3 as published"),
        "{}",
        en.transcript()
    );
    assert!(
        en.stderr.contains("npm pack decap-cms@3.16.3"),
        "{}",
        en.transcript()
    );
    assert_eq!(
        en.stderr.matches("cms::script").count(),
        1,
        "{}",
        en.transcript()
    );
    let vi = build_with(&site, &tampered, "vi");
    assert_eq!(vi.code, 1, "{}", vi.transcript());
    assert!(
        vi.stderr.contains("không phải Decap CMS 3.16.3"),
        "{}",
        vi.transcript()
    );
    assert!(vi.stderr.contains("gợi ý:"), "{}", vi.transcript());
    Tree::of(&site.root.join("public")).assert_same(&before, "the output after a failed build");
}

/// A GET on the preview: status, headers (lowercase names) and body.
fn get(server: &Server, path: &str) -> (u16, String, Vec<u8>) {
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.host
    );
    let (status, head, body) = server.exchange(&request, b"");
    (status, head.to_ascii_lowercase(), body)
}

#[test]
fn the_preview_offers_admin_on_its_local_api_without_live_reload() {
    // A site under a sub-path, without [cms]: the preview has its CMS all the same.
    let site = site("");
    let toml = site.root.join("site.toml");
    let text = support::read(&toml);
    let base_url = text
        .lines()
        .find(|l| l.starts_with("base_url"))
        .unwrap_or_else(|| panic!("no base_url in {text}"))
        .to_string();
    support::write(
        &toml,
        text.replace(&base_url, "base_url = \"https://example.org/cong/\""),
    );
    let server = Server::start_in(site.tmp.path(), ["--source", "site"]);
    assert_eq!(server.base, "/cong/");

    let (status, head, _) = get(&server, "/cong/admin");
    assert_eq!(status, 301, "{head}");
    assert!(head.contains("location: /cong/admin/"), "{head}");

    let (status, head, body) = get(&server, "/cong/admin/");
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: text/html"), "{head}");
    let page = String::from_utf8_lossy(&body);
    assert!(
        page.contains("<script src=\"decap-cms.js\"></script>"),
        "{page}"
    );
    assert!(!page.contains("livereload"), "{page}");

    let (status, head, body) = get(&server, "/cong/admin/config.yml");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("content-type: text/yaml; charset=utf-8"),
        "{head}"
    );
    let text = String::from_utf8_lossy(&body).into_owned();
    let docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let backend = &docs[0]["backend"];
    assert_eq!(backend["name"].as_str(), Some("proxy"));
    assert_eq!(backend["proxy_url"].as_str(), Some("/__bantin/api/v1"));
    assert_eq!(backend["branch"].as_str(), Some("main"));
    assert!(!text.contains("publish_mode"), "{text}");

    let (status, head, body) = get(&server, "/cong/admin/decap-cms.js");
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: text/javascript"), "{head}");
    assert!(body.len() > 1_000_000, "{} bytes", body.len());

    // The WebAssembly of Decap's image processing, found through the preview's state.
    let (_, _, state) = get(&server, "/__bantin/state");
    let state: serde_json::Value =
        serde_json::from_slice(&state).unwrap_or_else(|e| panic!("state: {e}"));
    let wasm = state["files"]
        .as_object()
        .and_then(|files| files.keys().find(|k| k.ends_with(".wasm")).cloned())
        .unwrap_or_else(|| panic!("no .wasm in {state}"));
    let (status, head, _) = get(&server, &format!("/cong/{wasm}"));
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: application/wasm"), "{head}");
}

/// `tests/browser/cms.mjs` with `args`: Decap CMS in headless Chromium on a generated `admin/`.
fn decap_in_chromium(args: &[&std::ffi::OsStr]) -> Outcome {
    let mut command = std::process::Command::new(support::node());
    command
        .arg(support::repo().join("tests/browser/cms.mjs"))
        .args(args)
        .arg("--chromium")
        .arg(support::chromium());
    support::run(command)
}

#[test]
fn decap_accepts_the_generated_configuration_published_and_in_the_preview() {
    use std::ffi::OsStr;
    // The published site's, on GitHub: Decap's login page for it.
    let site = site(CMS);
    let built = support::bantin(site.tmp.path(), ["build", "--source", "site"]);
    assert_eq!(built.code, 0, "{}", built.transcript());
    let out = site.root.join("public");
    let published = decap_in_chromium(&[
        OsStr::new("--root"),
        out.as_os_str(),
        OsStr::new("--base-path"),
        OsStr::new("/"),
        OsStr::new("--expect"),
        OsStr::new("Đăng nhập bằng GitHub"),
    ]);
    assert_eq!(published.code, 0, "{}", published.transcript());

    // The preview's, on its local API: the login page of the proxy backend.
    let server = Server::start_in(site.tmp.path(), ["--source", "site"]);
    let url = format!("http://{}{}admin/", server.host, server.base);
    let preview = decap_in_chromium(&[
        OsStr::new("--url"),
        OsStr::new(&url),
        OsStr::new("--expect"),
        OsStr::new("Đăng nhập"),
    ]);
    assert_eq!(preview.code, 0, "{}", preview.transcript());
    assert!(
        !preview.stdout.contains("GitHub"),
        "the preview logs in locally: {}",
        preview.transcript()
    );
}
