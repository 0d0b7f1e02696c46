//! Fuzz target `url`: takes request targets as a browser or an attacker sends them and gives
//! them to the preview's `serve::http::resolve`. Whatever the spelling of `..` (`%2e%2e`,
//! backslashes, NUL, overlong UTF-8), it must name a file of the served set or nothing, never
//! panic, and a redirect must be a valid `Location` that leads to a served page.

use crate::serve::http::{Route, path_of, resolve};

use super::Target;

const TARGET: Target = Target {
    name: "url",
    tokens: &[
        "/",
        "//",
        "..",
        "../",
        "..\\",
        "\\",
        "%2e",
        "%2E",
        "%2e%2e",
        "%2e%2e%2f",
        "%2f",
        "%2F",
        "%5c",
        "%00",
        "%0d%0a",
        "%c0%ae",
        "%c0%af",
        "%e0%80%ae",
        "%ef%bc%8f",
        "%25",
        "%",
        "%%",
        "%zz",
        "%e",
        "?",
        "#",
        ";",
        "./",
        "index.html",
        "/index.html",
        "tin-tuc",
        "/tin-tuc/",
        "lhhn-angiang",
        "%E1%BB%87",
        "ệ",
        "e\u{0323}\u{0302}",
        "%20",
        "+",
        "~",
        "@",
        ":",
        "http://x",
        "file:///etc/passwd",
        "/etc/passwd",
        "C:\\",
        "\u{FF0E}\u{FF0E}",
    ],
    max_len: 4096,
};

/// The served set the target resolves against: a small site like the sample, with a static file
/// and a static folder of Vietnamese names.
const SERVED: &[&str] = &[
    "index.html",
    "404.html",
    "tin-tuc/index.html",
    "tin-tuc/trang/2/index.html",
    "tin-tuc/2024/hoi-nghi-tong-ket/index.html",
    "tinh/an-giang/index.html",
    "gioi-thieu/index.html",
    "css/site.css",
    "js/search.js",
    "tim-kiem/chi-muc/0.json",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "images/2024/hoi-nghi.jpg",
    "ảnh/đại hội.jpg",
    "tài-liệu/index.html",
];

/// Base paths as site.toml gives them: the root, a project page, a Vietnamese folder written as
/// it reads and as an address bar copies it.
const BASE_PATHS: &[&str] = &["/", "/lhhn-angiang/", "/cổng/", "/c%E1%BB%95ng/"];

fn served(file: &str) -> bool {
    SERVED.contains(&file)
}

fn check(bytes: &[u8]) {
    let raw = String::from_utf8_lossy(bytes);
    let path = path_of(&raw);
    assert!(!path.contains(['?', '#']), "{path:?} kept its query");
    for base in BASE_PATHS {
        match resolve(path, base, served) {
            Route::File(file) => {
                assert!(served(&file), "{path:?} under {base} gave {file:?}");
                // The name is the path as sent, never normalised: no `..` or `.` can be undone
                // into another file, and nothing outside the set can be named.
                let decoded = crate::check::percent_decode(path);
                let rel = decoded
                    .strip_prefix(&crate::check::percent_decode(base))
                    .unwrap_or("");
                let expected = if rel.is_empty() || rel.ends_with('/') {
                    format!("{rel}index.html")
                } else {
                    rel.to_string()
                };
                assert_eq!(file, expected, "{path:?} under {base}");
                assert!(
                    !file.starts_with('/')
                        && !file.contains(['\\', '\0'])
                        && !file.split('/').any(|s| s == ".." || s == "."),
                    "{path:?} under {base} gave {file:?}"
                );
            }
            Route::Redirect { status, to } => {
                assert!(matches!(status, 301 | 302), "{path:?}: status {status}");
                assert!(
                    tiny_http::Header::from_bytes("Location", to.as_bytes()).is_ok(),
                    "{path:?} under {base}: Location {to:?} is not a header value"
                );
                assert!(
                    !to.starts_with("//") && to.starts_with('/'),
                    "{path:?} under {base}: Location {to:?} leaves the site"
                );
                // Following the redirect gives a page.
                match resolve(path_of(&to), base, served) {
                    Route::File(file) => assert!(file.ends_with("index.html")),
                    other => panic!("{path:?} under {base}: {to:?} gives {other:?}"),
                }
            }
            Route::NotFound => {}
        }
    }
}

#[test]
fn saved() {
    super::replay(&TARGET, check);
}

#[test]
fn random() {
    super::random(&TARGET, check);
}

/// Every file of the served set is reachable at its address as a browser encodes it.
#[test]
fn every_served_file_is_reachable() {
    for base in BASE_PATHS {
        for file in SERVED {
            let page = file.strip_suffix("index.html").unwrap_or(file);
            let decoded_base = crate::check::percent_decode(base);
            let address = encode(&format!("{decoded_base}{page}"));
            assert_eq!(
                resolve(&address, base, served),
                Route::File((*file).to_string()),
                "{address} under {base}"
            );
        }
    }
}

/// What a browser sends for a path typed with Vietnamese letters or spaces.
fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
