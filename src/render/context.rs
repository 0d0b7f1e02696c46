//! Takes the index and gives one small, typed context per template: the common `site` and
//! `sidebar` (serialised once per build), article summaries (serialised once per article and
//! shared by every list that shows them), and each page's own data.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use crate::config::{Config, Organization};
use crate::content::{ARTICLES_DIR, Article, Page, Source};
use crate::locale;
use crate::model::provinces::{Province, Provinces};

pub fn iso(date: &DateTime<FixedOffset>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// The URL path of an article, below the site root.
pub fn article_path(article: &Article) -> String {
    format!("{ARTICLES_DIR}/{}/", article.slug)
}

pub fn page_path(page: &Page) -> String {
    format!("{}/", page.path)
}

#[derive(Serialize)]
pub struct SiteContext<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub language: &'a str,
    pub organization: &'a Organization,
    pub menu: Vec<MenuContext<'a>>,
    /// Empty when site.toml has no `links`: the theme then shows its own defaults.
    pub links: Vec<MenuContext<'a>>,
}

#[derive(Serialize)]
pub struct MenuContext<'a> {
    pub name: &'a str,
    pub url: String,
    pub external: bool,
}

impl<'a> MenuContext<'a> {
    fn list(config: &Config, items: &'a [crate::config::MenuItem]) -> Vec<Self> {
        items
            .iter()
            .map(|m| MenuContext {
                name: &m.name,
                external: m.is_external(),
                url: if m.is_external() {
                    m.url.clone()
                } else {
                    config.url(&m.url)
                },
            })
            .collect()
    }
}

impl<'a> SiteContext<'a> {
    pub fn new(config: &'a Config) -> Self {
        SiteContext {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            base_path: &config.base_path,
            language: &config.language,
            organization: &config.organization,
            menu: MenuContext::list(config, &config.menu),
            links: MenuContext::list(config, &config.links),
        }
    }
}

#[derive(Serialize)]
pub struct NameSlug<'a> {
    pub name: &'a str,
    pub slug: String,
}

#[derive(Serialize)]
pub struct ProvinceContext<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub full_name: &'a str,
    /// For a unit merged away in 2025: the unit it is part of now.
    pub merged_into: Option<NameSlugRef<'a>>,
}

#[derive(Serialize)]
pub struct NameSlugRef<'a> {
    pub name: &'a str,
    pub slug: &'a str,
}

impl<'a> ProvinceContext<'a> {
    pub fn new(province: &'a Province, provinces: &'a Provinces) -> Self {
        let current = provinces.current_of(province);
        ProvinceContext {
            name: province.display_name(),
            slug: province.slug(),
            full_name: province.full_name(),
            merged_into: (current.id() != province.id()).then_some(NameSlugRef {
                name: current.display_name(),
                slug: current.slug(),
            }),
        }
    }
}

#[derive(Serialize)]
pub struct ImageContext<'a> {
    pub src: String,
    pub alt: &'a str,
    pub caption: Option<&'a str>,
}

/// What a list shows of an article.
#[derive(Serialize)]
pub struct ArticleSummary<'a> {
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub date: String,
    pub updated: Option<String>,
    pub summary: &'a str,
    pub featured: bool,
    pub province: ProvinceContext<'a>,
    pub category: Option<NameSlug<'a>>,
    pub tags: Vec<NameSlug<'a>>,
    pub image: Option<ImageContext<'a>>,
    pub author: Option<&'a str>,
}

impl<'a> ArticleSummary<'a> {
    pub fn new(article: &'a Article, config: &Config, provinces: &'a Provinces) -> Self {
        let path = article_path(article);
        ArticleSummary {
            title: &article.title,
            url: config.url(&path),
            permalink: config.permalink(&path),
            date: iso(&article.date),
            updated: article.updated.as_ref().map(iso),
            summary: &article.summary,
            featured: article.featured,
            province: ProvinceContext::new(provinces.get(article.province), provinces),
            category: article.category.as_deref().map(|name| NameSlug {
                name,
                slug: locale::slugify(name),
            }),
            tags: article
                .tags
                .iter()
                .map(|name| NameSlug {
                    name,
                    slug: locale::slugify(name),
                })
                .collect(),
            image: article.image.as_ref().map(|image| ImageContext {
                src: asset_url(config, &image.src),
                alt: &image.alt,
                caption: image.caption.as_deref(),
            }),
            author: article.author.as_deref(),
        }
    }
}

/// A static asset's URL: web addresses as they are, site paths under the base path.
pub fn asset_url(config: &Config, src: &str) -> String {
    if crate::config::is_external_url(src) {
        src.to_string()
    } else {
        config.url(src)
    }
}

#[derive(Serialize)]
pub struct SourceContext<'a> {
    pub name: &'a str,
    pub url: Option<&'a str>,
    pub author: Option<&'a str>,
    pub published: Option<String>,
}

impl<'a> SourceContext<'a> {
    fn new(source: &'a Source) -> Self {
        SourceContext {
            name: &source.name,
            url: source.url.as_deref(),
            author: source.author.as_deref(),
            published: source.published.as_ref().map(iso),
        }
    }
}

/// Everything the article page shows of its article.
#[derive(Serialize)]
pub struct ArticleFull<'a> {
    #[serde(flatten)]
    pub summary: ArticleSummary<'a>,
    pub content: &'a str,
    /// The summary is the body's first paragraph (no `summary:`), so a theme need not repeat it.
    pub summary_from_body: bool,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub source: Option<SourceContext<'a>>,
    pub extra: &'a serde_json::Value,
}

impl<'a> ArticleFull<'a> {
    pub fn new(article: &'a Article, config: &Config, provinces: &'a Provinces) -> Self {
        ArticleFull {
            summary: ArticleSummary::new(article, config, provinces),
            content: &article.body.html,
            summary_from_body: article.summary == article.body.summary,
            word_count: article.body.word_count,
            reading_minutes: article.body.reading_minutes,
            source: article.source.as_ref().map(SourceContext::new),
            extra: &article.extra,
        }
    }
}

#[derive(Serialize)]
pub struct PageFull<'a> {
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub summary: &'a str,
    pub updated: Option<String>,
    pub content: &'a str,
    pub extra: &'a serde_json::Value,
}

impl<'a> PageFull<'a> {
    pub fn new(page: &'a Page, config: &Config) -> Self {
        let path = page_path(page);
        PageFull {
            title: &page.title,
            url: config.url(&path),
            permalink: config.permalink(&path),
            summary: &page.summary,
            updated: page.updated.as_ref().map(iso),
            content: &page.body.html,
            extra: &page.extra,
        }
    }
}

#[derive(Serialize)]
pub struct Crumb<'a> {
    pub name: &'a str,
    pub url: Option<String>,
}

/// A block of the home page: one category and its newest articles.
#[derive(Serialize)]
pub struct CategoryBlock<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub articles: Vec<tera::Value>,
}
