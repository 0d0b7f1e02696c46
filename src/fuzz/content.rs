//! Fuzz target `content`: takes the bytes of a content file — front-matter and body — and loads
//! them as a build does (`problem::utf8_text`, then `content::load_text` with the sample site's
//! `Config`, `Provinces::builtin()` and a real `Highlighter`), as an article and as a page.
//! Every problem must point inside the file and render; what loads keeps its spans in the file,
//! an address-safe slug, and the body's rendering promises.

use std::path::{Path, PathBuf};

use crate::config::{Config, Overrides};
use crate::content::{Content, load_text};
use crate::markdown::{Highlighter, RawHtml};
use crate::problem::{SourceFile, utf8_text};
use crate::provinces::Provinces;

use super::{Target, check_problems};

const TOKENS: &[&str] = &[
    "---\n",
    "---",
    "\n---\n",
    "...\n",
    ": ",
    ":",
    "- ",
    "-",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "\"",
    "'",
    "\\\"",
    "#",
    " #",
    "|\n",
    "|-\n",
    ">\n",
    ">-\n",
    "  ",
    "\t",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "!!map ",
    "!<tag:yaml.org,2002:str> ",
    "<<: ",
    "%YAML 1.2\n",
    "%TAG ! x\n",
    "~",
    "null",
    "true",
    "false",
    "yes",
    "no",
    "1.50",
    "0x1F",
    "1e3",
    ".inf",
    "@",
    "`",
    "title: ",
    "date: ",
    "updated: ",
    "expires: ",
    "province: ",
    "category: ",
    "tags: ",
    "summary: ",
    "author: ",
    "source:\n  name: ",
    "  url: ",
    "image:\n  src: ",
    "  alt: ",
    "featured: ",
    "draft: ",
    "slug: ",
    "aliases: ",
    "extra: ",
    "titel: ",
    "27/05/2020 08:30",
    "2020-05-27T08:30:00+07:00",
    "31/02/2024",
    "Kiên Giang",
    "TP.HCM",
    "kien-giang",
    "Hà Tây",
    "An Giang",
    "/images/2024/a.jpg",
    "https://thoidai.com.vn/",
    "/tin-tuc/a/",
    "../",
];

const TARGET: Target = Target {
    name: "content",
    tokens: TOKENS,
    max_len: 64 * 1024,
};

/// What a content file is loaded with: the sample site's settings (a province, a category list,
/// raw HTML sanitized), and a bare site's (neither, raw HTML trusted), each at its own root.
struct Sites {
    sites: Vec<Config>,
    provinces: &'static Provinces,
    highlighter: Highlighter,
}

impl Sites {
    fn new() -> Sites {
        let provinces = Provinces::builtin();
        let sample = include_str!("../../site.toml");
        let bare = "title = \"Hội hữu nghị\"\nbase_url = \"https://example.vn/cong/\"\n\n\
                    [organization]\nname = \"Liên hiệp\"\nparent = \"UBMTTQ\"\n\
                    address = \"1 Đường A\"\nphone = \"0297 000 000\"\nemail = \"a@example.vn\"\n\
                    editor = \"Nguyễn Văn A\"\n\n[markdown]\nraw_html = \"trusted\"\n";
        let sites = [("/fuzz/sample", sample), ("/fuzz/bare", bare)]
            .into_iter()
            .map(|(root, text)| {
                Config::parse(
                    Path::new(root),
                    SourceFile::new("site.toml", text),
                    &Overrides::default(),
                    provinces,
                )
                .unwrap_or_else(|problems| panic!("{root}/site.toml: {problems:?}"))
            })
            .collect();
        Sites {
            sites,
            provinces,
            highlighter: Highlighter::new(),
        }
    }

    fn check(&self, bytes: &[u8]) {
        let article = "tin-tuc/2024/hoi-nghi-tong-ket.md";
        let mut loads = vec![(1, article), (0, article), (0, "gioi-thieu.md")];
        // The sample site sanitizes raw HTML, which a body nested thousands deep makes take
        // minutes (see `markdown::too_deep_to_sanitize`): such files load on the bare site only.
        let text = String::from_utf8_lossy(bytes);
        let trusted = crate::markdown::render(
            &text,
            &crate::markdown::Options {
                base_path: "/",
                raw_html: RawHtml::Trusted,
            },
            &self.highlighter,
        );
        if super::markdown::too_deep_to_sanitize(&trusted.html) {
            loads.truncate(1);
        }
        for (site, path) in loads {
            let config = &self.sites[site];
            let path: PathBuf = config.content_dir().join(path);
            let display = crate::problem::display_path(&config.root, &path);
            let text = match utf8_text("content::not-utf8", display, bytes.to_vec()) {
                Ok(text) => text,
                Err(problem) => return check_problems(&[problem]),
            };
            let (content, problems) =
                load_text(config, self.provinces, &self.highlighter, &path, text);
            check_problems(&problems);
            loaded(&content, config.raw_html);
        }
    }
}

/// What loads keeps its promises: spans in its file, a slug fit for an address, the body's.
fn loaded(content: &Content, raw_html: RawHtml) {
    assert!(content.articles.len() + content.pages.len() <= 1);
    for article in &content.articles {
        let text = &article.file.text;
        let spans = [Some(&article.slug_span), article.category_span.as_ref()]
            .into_iter()
            .flatten()
            .chain(article.province_span.as_ref())
            .chain(&article.tag_spans);
        for span in spans {
            assert!(
                span.start <= span.end && text.get(span.clone()).is_some(),
                "span {span:?} not in the file's {} bytes",
                text.len()
            );
        }
        assert_eq!(article.tags.len(), article.tag_spans.len());
        slug_is_an_address(&article.slug);
        let body = &text[article.file.offset_of(article.body_line, 0)..];
        super::markdown::holds(body, &article.body);
        if raw_html == RawHtml::Sanitize {
            super::markdown::is_safe(&article.body.html);
        }
    }
    for page in &content.pages {
        let text = &page.file.text;
        assert!(
            text.get(page.path_span.clone()).is_some(),
            "{:?}",
            page.path_span
        );
        page.path.split('/').for_each(slug_is_an_address);
        let body = &text[page.file.offset_of(page.body_line, 0)..];
        super::markdown::holds(body, &page.body);
    }
}

fn slug_is_an_address(slug: &str) {
    assert!(
        !slug.is_empty()
            && !slug.starts_with('-')
            && !slug.ends_with('-')
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "slug {slug:?}"
    );
}

#[test]
fn saved() {
    let sites = Sites::new();
    super::replay(&TARGET, |bytes| sites.check(bytes));
}

#[test]
fn random() {
    let sites = Sites::new();
    super::random(&TARGET, |bytes| sites.check(bytes));
}
