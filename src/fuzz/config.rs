//! Fuzz target `config`: takes the bytes of a site.toml and reads them as a build does
//! (`problem::utf8_text`, then `Config::understand`). It must always give a `Config` whose
//! settings are usable stand-ins, and every problem must point inside site.toml on character
//! boundaries and render.

use std::path::Path;

use crate::config::{Config, Overrides};
use crate::problem::{SourceFile, utf8_text};
use crate::provinces::Provinces;

use super::{Target, check_problems};

const TARGET: Target = Target {
    name: "config",
    tokens: &[
        "\n",
        " = ",
        "=",
        "\"",
        "'",
        "\"\"\"",
        "'''",
        "\\",
        "\\u00e1",
        "\\U0001F600",
        "\\x41",
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        ", ",
        ".",
        "#",
        "\n[organization]\n",
        "\n[[menu]]\n",
        "\n[[links]]\n",
        "\n[feeds]\n",
        "\n[provinces]\n",
        "\n[counter]\n",
        "\n[markdown]\n",
        "raw_html",
        "\"trusted\"",
        "\"sanitize\"",
        "\n[a.b.c]\n",
        "title",
        "description",
        "base_url",
        "language",
        "timezone",
        "theme",
        "province",
        "page_size",
        "categories",
        "menu",
        "links",
        "organization",
        "feeds",
        "provinces",
        "image",
        "counter",
        "name",
        "url",
        "limit",
        "full_content",
        "include_merged",
        "endpoint",
        "base_url = \"https://example.github.io/lhhn-angiang/\"\n",
        "base_url = \"https://x.vn/c%E1%BB%95ng/\"\n",
        "https://",
        "http://",
        "//",
        "?",
        "#x",
        "timezone = \"Asia/Ho_Chi_Minh\"\n",
        "Europe/Berlin",
        "UTC",
        "province = \"Kiên Giang\"\n",
        "TP.HCM",
        "page_size = 0\n",
        "page_size = 501\n",
        "true",
        "false",
        "nan",
        "inf",
        "-inf",
        "1979-05-27T07:32:00Z",
        "0x1F",
        "0o17",
        "0b11",
        "1_000",
        "+1",
        "-9223372036854775808",
        "1e400",
        "= [",
        "= {",
        "key.with.dots",
        "\"quoted key\"",
        "ệ = 1",
    ],
    max_len: 32 * 1024,
};

fn check(provinces: &Provinces, bytes: &[u8]) {
    let text = match utf8_text("config::not-utf8", "site.toml", bytes.to_vec()) {
        Ok(text) => text,
        Err(problem) => return check_problems(&[problem]),
    };
    let overrides = [
        Overrides::default(),
        Overrides {
            base_url: Some("http://127.0.0.1:1111/cổng/".to_string()),
        },
    ];
    for overrides in &overrides {
        let file = SourceFile::new("site.toml", text.as_str());
        let (config, problems) =
            Config::understand(Path::new("/fuzz/site"), file, overrides, provinces);
        check_problems(&problems);
        for problem in &problems {
            if let Some(file) = problem.file.as_ref().filter(|_| problem.span.is_some()) {
                assert_eq!(file.path, "site.toml", "{}", problem.code);
                assert_eq!(&*file.text, text, "{} points into other text", problem.code);
            }
        }
        // What the rest of the build takes as given, even from a wrong site.toml.
        let base = &config.base_path;
        assert!(
            base.starts_with('/') && base.ends_with('/'),
            "base_path {base:?}"
        );
        assert!(
            config.base_url.is_empty() || config.base_url.ends_with(base.as_str()),
            "base_url {:?} and base_path {base:?}",
            config.base_url
        );
        assert!((1..=500).contains(&config.page_size));
        assert!(config.feeds.limit >= 1);
        let _ = config.url("tin-tuc/");
        let _ = config.permalink("tin-tuc/");
        let _ = config.fingerprint();
    }
}

#[test]
fn saved() {
    let provinces = Provinces::builtin();
    super::replay(&TARGET, |bytes| check(provinces, bytes));
}

#[test]
fn random() {
    let provinces = Provinces::builtin();
    super::random(&TARGET, |bytes| check(provinces, bytes));
}
