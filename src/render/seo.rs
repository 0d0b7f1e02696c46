//! Takes what a page is (its title, description, address and picture; for an article, the article)
//! and gives what link previews and search engines read: Open Graph and Twitter card `<meta>`
//! tags, and JSON-LD (`NewsArticle` for an article, `Legislation` for a document, `WebSite` with
//! its search for the home page).
//!
//! Built in Rust rather than in the templates so that every page gets the same, tested rules:
//! absolute URLs, dates with the site's offset, a picture Facebook and Zalo can show (not SVG),
//! and JSON that cannot break out of its `<script>` element.

use serde_json::{Value, json};

use super::context::{Site, absolute_asset, iso};
use super::head::{Meta, Seo};
use crate::config::Config;
use crate::content::Article;

/// The page being described.
pub struct Described<'a> {
    /// Without the " | site title" suffix of the `<title>`.
    pub title: &'a str,
    pub description: &'a str,
    /// The page's absolute address (its canonical URL).
    pub url: &'a str,
    pub article: Option<&'a Article>,
    /// The page's own photo (address, alt text) when it is not an article's: an album's cover.
    pub picture: Option<(&'a str, &'a str)>,
    pub home: bool,
}

/// A picture social networks can show: JPEG, PNG, WebP or GIF. SVG previews are refused by
/// Facebook and Zalo, so an SVG falls back to the site's picture.
fn previewable(src: &str) -> bool {
    let path = src
        .split(['?', '#'])
        .next()
        .unwrap_or(src)
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// The picture a page is shared with: the article's photo (`image:`, else the body's first
/// figure) when it is previewable, else the site's `image` from site.toml; its share copy
/// (1200×630, cropped around its focus) with that size when the build made one. With its alt
/// text.
struct SharePicture<'a> {
    src: String,
    alt: &'a str,
    size: Option<(u32, u32)>,
}

fn picture<'a>(
    site: Site<'_>,
    article: Option<&'a Article>,
    own: Option<(&'a str, &'a str)>,
) -> Option<SharePicture<'a>> {
    let config = site.config;
    let shared = |src: &str, alt: &'a str| {
        let share = crate::route::static_file(src)
            .and_then(|p| site.gallery.get(&p))
            .and_then(|p| p.share.as_ref());
        match share {
            Some(copy) => SharePicture {
                src: config.permalink(&copy.path),
                alt,
                size: Some((copy.width, copy.height)),
            },
            None => SharePicture {
                src: absolute_asset(config, src),
                alt,
                size: None,
            },
        }
    };
    article
        .and_then(|a| a.image.as_ref().or(a.lead_from_body.as_ref()))
        .filter(|image| previewable(&image.src))
        .map(|image| shared(&image.src, image.alt.as_str()))
        .or_else(|| {
            own.filter(|(src, _)| previewable(src))
                .map(|(src, alt)| shared(src, alt))
        })
        .or_else(|| {
            // No alt text: the site's title stands for the site's picture.
            config.image.as_deref().map(|src| shared(src, ""))
        })
}

/// Open Graph and Twitter card tags for a page.
pub fn meta_tags(site: Site<'_>, page: &Described<'_>) -> Vec<Meta> {
    let config = site.config;
    let og = |key, content: &str| Meta {
        attr: "property",
        key,
        content: content.to_string(),
    };
    let tw = |key, content: &str| Meta {
        attr: "name",
        key,
        content: content.to_string(),
    };
    let description = if page.description.trim().is_empty() {
        &config.description
    } else {
        page.description
    };
    let mut tags = vec![
        og("og:site_name", &config.title),
        og("og:locale", &og_locale(&config.language)),
        og(
            "og:type",
            if page.article.is_some() {
                "article"
            } else {
                "website"
            },
        ),
        og("og:title", page.title),
        og("og:description", description),
        og("og:url", page.url),
    ];
    let image = picture(site, page.article, page.picture);
    if let Some(image) = &image {
        let alt = if image.alt.is_empty() {
            config.title.as_str()
        } else {
            image.alt
        };
        tags.push(og("og:image", &image.src));
        if let Some((width, height)) = image.size {
            tags.push(og("og:image:width", &width.to_string()));
            tags.push(og("og:image:height", &height.to_string()));
        }
        tags.push(og("og:image:alt", alt));
    }
    if let Some(article) = page.article {
        tags.push(og("article:published_time", &iso(&article.date)));
        if let Some(updated) = &article.updated {
            tags.push(og("article:modified_time", &iso(updated)));
        }
        if let Some(category) = &article.category {
            tags.push(og("article:section", category));
        }
        for tag in &article.tags {
            tags.push(og("article:tag", tag));
        }
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tags.push(tw("twitter:card", card));
    tags.push(tw("twitter:title", page.title));
    tags.push(tw("twitter:description", description));
    if let Some(image) = &image {
        let alt = if image.alt.is_empty() {
            config.title.as_str()
        } else {
            image.alt
        };
        tags.push(tw("twitter:image", &image.src));
        tags.push(tw("twitter:image:alt", alt));
    }
    tags
}

/// `vi` → `vi_VN`, the form Open Graph wants; other languages as `xx_XX` when they carry a
/// region, else as written.
fn og_locale(language: &str) -> String {
    match language.split(['-', '_']).collect::<Vec<_>>().as_slice() {
        ["vi"] => "vi_VN".to_string(),
        ["en"] => "en_US".to_string(),
        [lang, region] => format!("{}_{}", lang.to_lowercase(), region.to_uppercase()),
        _ => language.to_string(),
    }
}

/// The publisher, from site.toml's `[organization]`.
fn publisher(config: &Config) -> Value {
    let mut org = json!({
        "@type": "Organization",
        "name": config.organization.name,
        "url": config.base_url,
    });
    if let Some(src) = &config.image {
        org["logo"] = json!({ "@type": "ImageObject", "url": absolute_asset(config, src) });
    }
    if let Some(short) = &config.organization.short_name {
        org["alternateName"] = json!(short);
    }
    org
}

/// schema.org `NewsArticle` for an article page.
pub fn news_article(site: Site<'_>, article: &Article) -> Value {
    let config = site.config;
    let url = config.permalink(&article.path);
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "datePublished": iso(&article.date),
        "dateModified": iso(article.updated.as_ref().unwrap_or(&article.date)),
        "inLanguage": config.language,
        "publisher": publisher(config),
        "contentLocation": {
            "@type": "Place",
            "name": site.provinces.get(article.province).full_name(),
        },
        "wordCount": article.body.word_count,
    });
    doc["author"] = match &article.author {
        Some(name) => json!([{ "@type": "Person", "name": name }]),
        None => json!([{
            "@type": "Organization",
            "name": config.organization.name,
            "url": config.base_url,
        }]),
    };
    if let Some(image) = picture(site, Some(article), None) {
        doc["image"] = json!([image.src]);
    }
    if let Some(category) = &article.category {
        doc["articleSection"] = json!(category);
    }
    if !article.tags.is_empty() {
        doc["keywords"] = json!(article.tags);
    }
    if let Some(source) = &article.source {
        let mut based = json!({ "@type": "CreativeWork", "name": source.name });
        if let Some(url) = &source.url {
            based["url"] = json!(url);
        }
        doc["isBasedOn"] = based;
    }
    doc
}

/// schema.org `Legislation` for a document's page: its number, kind, date, issuer, whether it
/// is in force, and its files.
pub fn legislation(site: Site<'_>, document: &crate::content::Document) -> Value {
    use crate::content::Status;
    let config = site.config;
    let url = config.permalink(&document.path);
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": document.title(),
        "description": document.summary,
        "url": url,
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "legislationIdentifier": document.number,
        "legislationType": document.kind_name(),
        "legislationDate": document.issued.format("%Y-%m-%d").to_string(),
        "legislationPassedBy": { "@type": "Organization", "name": document.issuer },
        "legislationLegalForce": match document.status {
            Status::Repealed => "https://schema.org/NotInForce",
            Status::InForce | Status::Amended => "https://schema.org/InForce",
        },
        "inLanguage": config.language,
        "publisher": publisher(config),
    });
    if let Some(effective) = &document.effective {
        doc["legislationDateVersion"] = json!(effective.format("%Y-%m-%d").to_string());
    }
    if !document.files.is_empty() {
        doc["encoding"] = Value::Array(
            document
                .files
                .iter()
                .map(|f| {
                    json!({
                        "@type": "MediaObject",
                        "name": f.title,
                        "contentUrl": absolute_asset(config, &f.src),
                        "contentSize": super::context::file_size(f.bytes),
                    })
                })
                .collect(),
        );
    }
    if !document.tags.is_empty() {
        doc["keywords"] = json!(document.tags);
    }
    doc
}

/// schema.org `WebSite` for the home page, with the site search as its `SearchAction`.
pub fn website(config: &Config, search_path: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": config.title,
        "description": config.description,
        "url": config.base_url,
        "inLanguage": config.language,
        "publisher": publisher(config),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": format!("{}?q={{search_term_string}}", config.permalink(search_path)),
            },
            "query-input": "required name=search_term_string",
        },
    })
}

/// JSON that is safe inside `<script>`: `<`, `>` and `&` are written as `\u003c` etc., so a
/// title holding `</script>` or `<!--` cannot end the element early. Still valid JSON.
pub fn script_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            // Line and paragraph separators end a line in old JavaScript parsers.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Everything `seo` holds for one page.
pub fn describe(site: Site<'_>, page: &Described<'_>, search_path: &str) -> Seo {
    let json_ld = match (page.article, page.home) {
        (Some(article), _) => Some(news_article(site, article)),
        (None, true) => Some(website(site.config, search_path)),
        (None, false) => None,
    };
    Seo {
        meta: meta_tags(site, page),
        json_ld: json_ld.as_ref().map(script_json),
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::config::Overrides;
    use crate::content::{self, Filter};
    use crate::markdown::Highlighter;
    use crate::model::Index;
    use crate::problem::SourceFile;
    use crate::provinces::Provinces;

    const SITE: &str = r#"
title = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
description = "Cổng thông tin của Liên hiệp"
base_url = "https://agufo.github.io/portal/"
image = "/images/chia-se.jpg"

[organization]
name = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
short_name = "LHHN An Giang"
parent = "UBMTTQ tỉnh An Giang"
address = "1 Đường A"
phone = "0297 000 000"
email = "a@example.vn"
editor = "Nguyễn Văn A"
"#;

    /// Loads one article (front-matter + body) into a one-article index, as a build would.
    fn with_article(front: &str, check: impl FnOnce(Site<'_>, &Article)) {
        // The pictures the articles name must exist below static/.
        let root = tempfile::tempdir().expect("temp dir");
        for picture in ["images/2025/doan-lao.jpg", "images/so-do.svg"] {
            let path = root.path().join("static").join(picture);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, b"picture").expect("write");
        }
        let provinces = Provinces::builtin();
        let config = Config::parse(
            root.path(),
            SourceFile::new("site.toml", SITE),
            &Overrides::default(),
            provinces,
        )
        .expect("test site.toml");
        let text = format!("---\n{front}\n---\n\nThân bài có </script> và <!-- trong chữ.\n");
        let path = config.root.join("content/tin-tuc/bai.md");
        let (content, problems) =
            content::load_text(&config, provinces, &Highlighter::new(), &path, text);
        assert!(problems.is_empty(), "{problems:?}");
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+07:00").expect("date");
        let (index, _) = Index::build(&config, provinces, content, Filter::default(), now);
        let gallery = crate::images::Gallery::default();
        let site = Site {
            config: &config,
            provinces,
            index: &index,
            gallery: &gallery,
        };
        check(site, &index.articles[0]);
    }

    fn content_of<'a>(tags: &'a [Meta], key: &str) -> Vec<&'a str> {
        tags.iter()
            .filter(|m| m.key == key)
            .map(|m| m.content.as_str())
            .collect()
    }

    fn described<'a>(article: &'a Article, url: &'a str) -> Described<'a> {
        Described {
            title: &article.title,
            description: &article.summary,
            url,
            article: Some(article),
            picture: None,
            home: false,
        }
    }

    #[test]
    fn an_article_gets_open_graph_and_twitter_tags_with_absolute_urls() {
        let front = r#"title: "Đà Nẵng đón đoàn <bạn> Lào"
date: 2025-07-02 08:30
province: Đà Nẵng
category: Tin hoạt động
tags: [hữu nghị, Lào]
summary: "Sáng 2/7, đoàn đại biểu đến thăm."
image:
  src: /images/2025/doan-lao.jpg
  alt: Đoàn đại biểu chụp ảnh lưu niệm"#;
        with_article(front, |site, article| {
            let url = "https://agufo.github.io/portal/tin-tuc/da-nang-don-doan-ban-lao/";
            let tags = meta_tags(site, &described(article, url));
            assert_eq!(content_of(&tags, "og:type"), ["article"]);
            assert_eq!(content_of(&tags, "og:locale"), ["vi_VN"]);
            assert_eq!(
                content_of(&tags, "og:title"),
                ["Đà Nẵng đón đoàn <bạn> Lào"]
            );
            assert_eq!(
                content_of(&tags, "og:description"),
                ["Sáng 2/7, đoàn đại biểu đến thăm."]
            );
            assert_eq!(content_of(&tags, "og:url"), [url]);
            assert_eq!(
                content_of(&tags, "og:image"),
                ["https://agufo.github.io/portal/images/2025/doan-lao.jpg"]
            );
            assert_eq!(
                content_of(&tags, "og:image:alt"),
                ["Đoàn đại biểu chụp ảnh lưu niệm"]
            );
            assert_eq!(
                content_of(&tags, "article:published_time"),
                ["2025-07-02T08:30:00+07:00"]
            );
            assert_eq!(content_of(&tags, "article:tag"), ["hữu nghị", "Lào"]);
            assert_eq!(content_of(&tags, "twitter:card"), ["summary_large_image"]);
            assert_eq!(
                content_of(&tags, "twitter:image"),
                content_of(&tags, "og:image")
            );
            // Open Graph keys are properties, Twitter keys are names.
            for m in &tags {
                let expected = if m.key.starts_with("twitter:") {
                    "name"
                } else {
                    "property"
                };
                assert_eq!(m.attr, expected, "{m:?}");
            }
        });
    }

    #[test]
    fn an_svg_picture_falls_back_to_the_site_picture() {
        let front = "title: Sơ đồ\ndate: 2025-07-02\nprovince: An Giang\nimage:\n  src: /images/so-do.svg\n  alt: Sơ đồ";
        with_article(front, |site, article| {
            let tags = meta_tags(site, &described(article, "https://x.vn/"));
            assert_eq!(
                content_of(&tags, "og:image"),
                ["https://agufo.github.io/portal/images/chia-se.jpg"]
            );
        });
    }

    #[test]
    fn without_any_picture_the_card_is_a_small_summary() {
        let front = "title: Không ảnh\ndate: 2025-07-02\nprovince: An Giang";
        with_article(front, |site, article| {
            let mut config = site.config.clone();
            config.image = None;
            let site = Site {
                config: &config,
                ..site
            };
            let tags = meta_tags(site, &described(article, "https://x.vn/"));
            assert!(content_of(&tags, "og:image").is_empty());
            assert_eq!(content_of(&tags, "twitter:card"), ["summary"]);
            // The summary comes from the body when the front-matter gives none.
            assert!(content_of(&tags, "og:description")[0].starts_with("Thân bài"));
        });
    }

    #[test]
    fn news_article_json_ld_carries_the_dates_author_publisher_and_image() {
        let front = r#"title: "Gặp mặt kiều bào"
date: 2026-01-15 09:00
updated: 2026-01-16T10:15:00+07:00
province: Kiên Giang
author: Q.N
tags: [kiều bào]
source:
  name: Thời Đại
  url: https://thoidai.com.vn/bai
image:
  src: https://cdn.example.vn/anh.webp
  alt: Ảnh"#;
        with_article(front, |site, article| {
            let doc = news_article(site, article);
            assert_eq!(doc["@type"], "NewsArticle");
            assert_eq!(doc["headline"], "Gặp mặt kiều bào");
            assert_eq!(doc["datePublished"], "2026-01-15T09:00:00+07:00");
            assert_eq!(doc["dateModified"], "2026-01-16T10:15:00+07:00");
            assert_eq!(doc["author"][0]["@type"], "Person");
            assert_eq!(doc["author"][0]["name"], "Q.N");
            assert_eq!(doc["publisher"]["@type"], "Organization");
            assert_eq!(
                doc["publisher"]["name"],
                "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
            );
            assert_eq!(
                doc["publisher"]["logo"]["url"],
                "https://agufo.github.io/portal/images/chia-se.jpg"
            );
            assert_eq!(doc["image"][0], "https://cdn.example.vn/anh.webp");
            assert_eq!(doc["isBasedOn"]["url"], "https://thoidai.com.vn/bai");
            assert_eq!(doc["contentLocation"]["name"], "Tỉnh Kiên Giang");
            let url = doc["url"].as_str().expect("url");
            assert!(url.starts_with("https://agufo.github.io/portal/tin-tuc/"));
            assert_eq!(doc["mainEntityOfPage"]["@id"], url);
        });
    }

    #[test]
    fn without_an_author_the_organization_signs_and_unchanged_articles_keep_their_date() {
        let front = "title: Tin ngắn\ndate: 2024-03-05\nprovince: An Giang";
        with_article(front, |site, article| {
            let doc = news_article(site, article);
            assert_eq!(doc["author"][0]["@type"], "Organization");
            assert_eq!(doc["dateModified"], doc["datePublished"]);
            assert_eq!(doc["datePublished"], "2024-03-05T00:00:00+07:00");
            assert!(doc.get("isBasedOn").is_none());
        });
    }

    #[test]
    fn script_json_cannot_close_its_script_element_and_stays_json() {
        let value = json!({ "headline": "a </script><!-- b & c \u{2028}" });
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn the_home_page_describes_the_site_and_its_search() {
        with_article(
            "title: X\ndate: 2024-03-05\nprovince: An Giang",
            |site, _| {
                let home = Described {
                    title: &site.config.title,
                    description: "",
                    url: &site.config.base_url,
                    article: None,
                    picture: None,
                    home: true,
                };
                let seo = describe(site, &home, "tim-kiem/");
                let doc: Value = serde_json::from_str(seo.json_ld.as_deref().expect("json-ld"))
                    .expect("valid JSON");
                assert_eq!(doc["@type"], "WebSite");
                assert_eq!(
                    doc["potentialAction"]["target"]["urlTemplate"],
                    "https://agufo.github.io/portal/tim-kiem/?q={search_term_string}"
                );
                // An empty description falls back to the site's.
                assert_eq!(
                    content_of(&seo.meta, "og:description"),
                    ["Cổng thông tin của Liên hiệp"]
                );
                assert_eq!(content_of(&seo.meta, "og:type"), ["website"]);
            },
        );
    }

    #[test]
    fn locales() {
        for (language, expected) in [("vi", "vi_VN"), ("en", "en_US"), ("vi-vn", "vi_VN")] {
            assert_eq!(og_locale(language), expected);
        }
    }
}
