//! Takes the index and gives one small, typed context per template: the common `site` and
//! `sidebar` (serialised once per build), article summaries (serialised once per article and
//! shared by every list that shows them), and each page's own data.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use crate::config::{Config, Organization};
use crate::content::Shown;
use crate::content::ShownImage;
use crate::content::{Album, AlbumPhoto, Article, Page, Source};
use crate::locale;
use crate::model::{Index, List, ListKind, paginate};
use crate::provinces::{ProvinceId, Provinces};
use crate::render::citations::Links;
use crate::render::picture::Picture;
use crate::route::{self, Feed};

pub fn iso(date: &DateTime<FixedOffset>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A date as templates get it: RFC 3339 when a time of day was written, the day alone
/// (`2020-05-27`) when not — so `date_vi` shows no "00:00" and `<time datetime>` stays valid.
pub fn written(date: &DateTime<FixedOffset>, has_time: bool) -> String {
    if has_time {
        iso(date)
    } else {
        date.format("%Y-%m-%d").to_string()
    }
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
    /// The search page (`/tim-kiem/`), for the header's search box.
    pub search_url: String,
    /// The visitor-counting service (`[counter] endpoint`); `None` shows no numbers.
    pub counter_endpoint: Option<&'a str>,
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
            search_url: config.url(route::SEARCH_PAGE),
            counter_endpoint: config.counter_endpoint.as_deref(),
        }
    }
}

/// What the contexts need to know about the whole build to make links: the settings, the
/// province registry and which lists exist.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub config: &'a Config,
    pub provinces: &'a Provinces,
    pub index: &'a Index,
    /// What the images stage made of the images pages show: their sizes and copies.
    pub gallery: &'a crate::images::Gallery,
}

impl<'a> Site<'a> {
    /// The page of a province, if it has one. The only thing a page reads of the index beside
    /// what its view names: `render::plan` hashes which provinces have a list into every page's
    /// fingerprint for it.
    pub fn province_url(&self, id: ProvinceId) -> Option<String> {
        self.index
            .province_list(id)
            .map(|list| self.config.url(&list.path))
    }

    /// The list of a tag or category (`route::tag`, `route::category`) named `name`.
    fn term_url(&self, path: fn(&str) -> String, name: &str) -> String {
        self.config.url(&path(&locale::slugify(name)))
    }
}

#[derive(Serialize)]
pub struct NameSlug<'a> {
    pub name: &'a str,
    pub slug: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct ProvinceContext<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub full_name: &'a str,
    pub url: Option<String>,
    /// For a unit merged away in 2025 (or renamed): the unit it is part of now.
    pub merged_into: Option<NameUrl<'a>>,
}

#[derive(Serialize)]
pub struct NameUrl<'a> {
    pub name: &'a str,
    pub full_name: &'a str,
    pub slug: &'a str,
    pub url: Option<String>,
}

impl<'a> ProvinceContext<'a> {
    pub fn new(id: ProvinceId, site: Site<'a>) -> Self {
        let province = site.provinces.get(id);
        let current = site.provinces.current_of(province);
        ProvinceContext {
            name: province.display_name(),
            slug: crate::model::province_path_slug(site.provinces, id),
            full_name: province.full_name(),
            url: site.province_url(id),
            merged_into: (current.id() != id).then(|| NameUrl {
                name: current.display_name(),
                full_name: current.full_name(),
                slug: current.slug(),
                url: site.province_url(current.id()),
            }),
        }
    }
}

/// An image as templates get it: its address, alt text and caption, and what the images stage
/// made of it (its size and copies) for `picture()` to write.
#[derive(Serialize)]
pub struct ImageContext<'a> {
    #[serde(flatten)]
    pub picture: Picture,
    pub caption: Option<&'a str>,
    /// The photographer's name from the photo's EXIF, when its caption names no one
    /// ("Ảnh: …") and `[images] credit` is on.
    pub credit: Option<&'a str>,
    /// The photo is the body's first figure, shown there (lists and share cards use it).
    pub from_body: bool,
}

impl<'a> ImageContext<'a> {
    pub fn new(site: Site<'a>, image: ShownImage<'a>) -> Self {
        let config = site.config;
        let processed = crate::route::static_file(image.src).and_then(|p| site.gallery.get(&p));
        let mut picture = match processed {
            Some(processed) => Picture::of(processed, |path| config.url(path)),
            None => Picture {
                src: asset_url(config, image.src),
                ..Picture::default()
            },
        };
        picture.alt = image.alt.to_string();
        let credited = image
            .caption
            .is_some_and(|c| c.to_lowercase().contains("ảnh:"));
        ImageContext {
            picture,
            caption: image.caption,
            credit: processed
                .and_then(|p| p.credit.as_deref())
                .filter(|_| config.images.credit && !credited),
            from_body: image.from_body,
        }
    }
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
    pub fn new(article: Shown<'a>, site: Site<'a>) -> Self {
        let config = site.config;
        let term = |path: fn(&str) -> String, name: &'a str| NameSlug {
            name,
            slug: locale::slugify(name),
            url: site.term_url(path, name),
        };
        ArticleSummary {
            title: article.title,
            url: config.url(article.path),
            permalink: config.permalink(article.path),
            date: written(article.date, article.date_has_time),
            updated: article
                .updated
                .map(|d| written(d, article.updated_has_time)),
            summary: article.summary,
            featured: article.featured,
            province: ProvinceContext::new(article.province, site),
            category: article.category.map(|name| term(route::category, name)),
            tags: article
                .tags
                .iter()
                .map(|name| term(route::tag, name))
                .collect(),
            image: article.image.map(|image| ImageContext::new(site, image)),
            author: article.author,
        }
    }
}

/// A static asset's absolute address (for feeds, link previews, JSON-LD): web addresses as they
/// are, site paths under the base URL.
pub fn absolute_asset(config: &Config, src: &str) -> String {
    if crate::config::is_external_url(src) {
        src.to_string()
    } else {
        config.permalink(src)
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
            published: source
                .published
                .as_ref()
                .map(|d| written(d, source.published_has_time)),
        }
    }
}

/// Everything the article page shows of its article.
#[derive(Serialize)]
pub struct ArticleFull<'a> {
    #[serde(flatten)]
    pub summary: ArticleSummary<'a>,
    pub content: std::borrow::Cow<'a, str>,
    /// The summary is the body's first paragraph (no `summary:`), so a theme need not repeat it.
    pub summary_from_body: bool,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub source: Option<SourceContext<'a>>,
    pub extra: &'a serde_json::Value,
}

impl<'a> ArticleFull<'a> {
    pub fn new(article: &'a Article, site: Site<'a>, links: &Links) -> Self {
        ArticleFull {
            summary: ArticleSummary::new(Shown::of(article), site),
            content: body_html(site, &article.body.html, article.image.is_none(), links),
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
    pub content: std::borrow::Cow<'a, str>,
    pub extra: &'a serde_json::Value,
}

/// A body's HTML with its document references linked (`citations::Links`) and its photos as
/// responsive markup (`picture::body`).
fn body_html<'a>(
    site: Site<'_>,
    html: &'a str,
    first_eager: bool,
    links: &Links,
) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    fn pictures<'h>(site: Site<'_>, html: &'h str, first_eager: bool) -> Cow<'h, str> {
        let config = site.config;
        crate::render::picture::body(
            html,
            site.gallery,
            &config.base_path,
            &|path| config.url(path),
            first_eager,
        )
    }
    match links.apply(html) {
        Cow::Borrowed(html) => pictures(site, html, first_eager),
        Cow::Owned(linked) => Cow::Owned(pictures(site, &linked, first_eager).into_owned()),
    }
}

impl<'a> PageFull<'a> {
    pub fn new(page: &'a Page, site: Site<'_>, links: &Links) -> Self {
        let config = site.config;
        let path = route::page(&page.path);
        PageFull {
            title: &page.title,
            url: config.url(&path),
            permalink: config.permalink(&path),
            summary: &page.summary,
            updated: page
                .updated
                .as_ref()
                .map(|d| written(d, page.updated_has_time)),
            content: body_html(site, &page.body.html, true, links),
            extra: &page.extra,
        }
    }
}

/// One photo of an album: its image (for `picture()`) and the address of its large copy, which
/// its thumbnail links to (the lightbox shows it; without JavaScript the browser opens it).
#[derive(Serialize)]
pub struct AlbumPhotoContext<'a> {
    #[serde(flatten)]
    pub image: ImageContext<'a>,
    pub large: String,
}

impl<'a> AlbumPhotoContext<'a> {
    pub fn new(site: Site<'a>, photo: &'a AlbumPhoto) -> Self {
        let image = ImageContext::new(
            site,
            ShownImage {
                src: &photo.src,
                alt: &photo.alt,
                caption: photo.caption.as_deref(),
                from_body: false,
            },
        );
        AlbumPhotoContext {
            large: image.picture.src.clone(),
            image,
        }
    }
}

/// What the albums' index and an article's album block show of an album.
#[derive(Serialize)]
pub struct AlbumSummary<'a> {
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub date: String,
    pub summary: &'a str,
    pub count: usize,
    pub cover: ImageContext<'a>,
}

impl<'a> AlbumSummary<'a> {
    pub fn new(site: Site<'a>, album: &'a Album) -> Self {
        let config = site.config;
        let cover = album.cover();
        AlbumSummary {
            title: &album.title,
            url: config.url(&album.path),
            permalink: config.permalink(&album.path),
            date: written(&album.date, album.date_has_time),
            summary: &album.summary,
            count: album.photos.len(),
            cover: ImageContext::new(
                site,
                ShownImage {
                    src: &cover.src,
                    alt: &cover.alt,
                    caption: cover.caption.as_deref(),
                    from_body: false,
                },
            ),
        }
    }
}

/// Everything an album's page shows of it.
#[derive(Serialize)]
pub struct AlbumFull<'a> {
    #[serde(flatten)]
    pub summary: AlbumSummary<'a>,
    /// The introduction (HTML).
    pub content: std::borrow::Cow<'a, str>,
    pub summary_from_body: bool,
    pub province: Option<ProvinceContext<'a>>,
    pub tags: Vec<AlbumTag<'a>>,
    pub photos: Vec<AlbumPhotoContext<'a>>,
}

/// A tag of an album: linked to the tag's list when articles have it (albums have no lists).
#[derive(Serialize)]
pub struct AlbumTag<'a> {
    pub name: &'a str,
    pub slug: String,
    pub url: Option<String>,
}

impl<'a> AlbumFull<'a> {
    pub fn new(site: Site<'a>, album: &'a Album, links: &Links) -> Self {
        AlbumFull {
            summary: AlbumSummary::new(site, album),
            content: body_html(site, &album.body.html, false, links),
            summary_from_body: album.summary == album.body.summary,
            province: album.province.map(|id| ProvinceContext::new(id, site)),
            tags: album
                .tags
                .iter()
                .map(|name| {
                    let slug = locale::slugify(name);
                    let listed = site
                        .index
                        .tags
                        .iter()
                        .any(|&l| site.index.lists[l].slug == slug);
                    AlbumTag {
                        name,
                        url: listed.then(|| site.term_url(route::tag, name)),
                        slug,
                    }
                })
                .collect(),
            photos: album
                .photos
                .iter()
                .map(|p| AlbumPhotoContext::new(site, p))
                .collect(),
        }
    }
}

/// The block an article's `album:` shows after its body: the album and its first photos.
#[derive(Serialize)]
pub struct ArticleAlbum<'a> {
    #[serde(flatten)]
    pub summary: AlbumSummary<'a>,
    /// The first `ALBUM_IN_ARTICLE` photos.
    pub photos: Vec<AlbumPhotoContext<'a>>,
}

/// How many photos an article's album block shows.
pub const ALBUM_IN_ARTICLE: usize = 6;

impl<'a> ArticleAlbum<'a> {
    pub fn new(site: Site<'a>, album: &'a Album) -> Self {
        ArticleAlbum {
            summary: AlbumSummary::new(site, album),
            photos: album
                .photos
                .iter()
                .take(ALBUM_IN_ARTICLE)
                .map(|p| AlbumPhotoContext::new(site, p))
                .collect(),
        }
    }
}

/// The RSS and Atom links of the albums.
pub fn album_feed_links(site: Site<'_>) -> Vec<FeedLink> {
    vec![
        FeedLink {
            title: "Thư viện ảnh (RSS)".to_string(),
            url: site.config.url(&route::feed(route::ALBUMS, Feed::Rss)),
            mime: RSS_MIME,
        },
        FeedLink {
            title: "Thư viện ảnh (Atom)".to_string(),
            url: site.config.url(&route::feed(route::ALBUMS, Feed::Atom)),
            mime: ATOM_MIME,
        },
    ]
}

#[derive(Serialize)]
pub struct Crumb<'a> {
    pub name: &'a str,
    pub url: Option<String>,
}

/// A `<link rel="alternate">` to a feed.
#[derive(Serialize)]
pub struct FeedLink {
    pub title: String,
    pub url: String,
    #[serde(rename = "type")]
    pub mime: &'static str,
}

pub const RSS_MIME: &str = "application/rss+xml";
pub const ATOM_MIME: &str = "application/atom+xml";

/// The RSS and Atom links of a list with feeds.
pub fn feed_links(site: Site<'_>, list: &List) -> Vec<FeedLink> {
    let title = list_title(site, list);
    vec![
        FeedLink {
            title: format!("{title} (RSS)"),
            url: site.config.url(&route::feed(&list.path, Feed::Rss)),
            mime: RSS_MIME,
        },
        FeedLink {
            title: format!("{title} (Atom)"),
            url: site.config.url(&route::feed(&list.path, Feed::Atom)),
            mime: ATOM_MIME,
        },
    ]
}

/// The heading of a list page: "Tỉnh Kiên Giang", "Chủ đề: viện trợ", "Lưu trữ tháng 5/2020".
pub fn list_title(site: Site<'_>, list: &List) -> String {
    match list.kind {
        ListKind::Home => "Tin mới".to_string(),
        ListKind::Province(id) => site.provinces.get(id).full_name().to_string(),
        ListKind::Tag => format!("Chủ đề: {}", list.name),
        ListKind::Category => list.name.clone(),
        ListKind::Year(year) => format!("Lưu trữ năm {year}"),
        ListKind::Month(..) => format!("Lưu trữ {}", list.name),
    }
}

#[derive(Serialize)]
pub struct ListInfo<'a> {
    pub kind: &'static str,
    pub title: String,
    pub name: &'a str,
    pub url: String,
    pub feeds: Option<FeedUrls>,
}

#[derive(Serialize)]
pub struct FeedUrls {
    pub rss: String,
    pub atom: String,
}

impl<'a> ListInfo<'a> {
    pub fn new(site: Site<'a>, list: &'a List) -> Self {
        ListInfo {
            kind: match list.kind {
                ListKind::Home => "home",
                ListKind::Province(_) => "province",
                ListKind::Tag => "tag",
                ListKind::Category => "category",
                ListKind::Year(_) => "year",
                ListKind::Month(..) => "month",
            },
            title: list_title(site, list),
            name: &list.name,
            url: site.config.url(&list.path),
            feeds: list.has_feed().then(|| FeedUrls {
                rss: site.config.url(&route::feed(&list.path, Feed::Rss)),
                atom: site.config.url(&route::feed(&list.path, Feed::Atom)),
            }),
        }
    }
}

/// The pager of a list page.
#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PagerEntry>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum PagerEntry {
    Page {
        number: usize,
        url: String,
        current: bool,
    },
    Gap {
        gap: bool,
    },
}

impl Pagination {
    pub fn new(config: &Config, pager: &super::plan::Pager) -> Self {
        let (current, total) = (pager.current, pager.total);
        let url = |n: usize| config.url(&route::list_page(&pager.list, n));
        Pagination {
            current,
            total,
            prev_url: (current > 1).then(|| url(current - 1)),
            next_url: (current < total).then(|| url(current + 1)),
            pages: paginate::window(current, total)
                .into_iter()
                .map(|entry| match entry {
                    Some(number) => PagerEntry::Page {
                        number,
                        url: url(number),
                        current: number == current,
                    },
                    None => PagerEntry::Gap { gap: true },
                })
                .collect(),
        }
    }
}

/// What a province page says about the 2025 merger.
#[derive(Serialize)]
pub struct ProvinceInfo<'a> {
    pub name: &'a str,
    pub full_name: &'a str,
    pub slug: &'a str,
    pub current: bool,
    pub merged_into: Option<MergedInto<'a>>,
    pub merged_from: Vec<NameUrl<'a>>,
}

#[derive(Serialize)]
pub struct MergedInto<'a> {
    pub name: &'a str,
    pub full_name: &'a str,
    pub url: Option<String>,
    /// The first day the unit was part of the current one, e.g. "01/07/2025".
    pub since: Option<String>,
}

impl<'a> ProvinceInfo<'a> {
    pub fn new(site: Site<'a>, id: ProvinceId) -> Self {
        let p = site.provinces.get(id);
        let current = site.provinces.current_of(p);
        ProvinceInfo {
            name: p.display_name(),
            full_name: p.full_name(),
            slug: crate::model::province_path_slug(site.provinces, id),
            current: p.is_current(),
            merged_into: (current.id() != id).then(|| MergedInto {
                name: current.display_name(),
                full_name: current.full_name(),
                url: site.province_url(current.id()),
                since: p
                    .valid_until()
                    .and_then(|d| d.succ_opt())
                    .map(|d| d.format("%d/%m/%Y").to_string()),
            }),
            merged_from: if site.config.include_merged {
                site.provinces
                    .predecessors(p)
                    .map(|m| NameUrl {
                        name: m.display_name(),
                        full_name: m.full_name(),
                        slug: m.slug(),
                        url: site.province_url(m.id()),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

/// An entry of an index page (/tinh/, /the/, /chuyen-muc/).
#[derive(Serialize)]
pub struct IndexEntry<'a> {
    pub name: &'a str,
    pub full_name: Option<&'a str>,
    pub url: String,
    pub count: usize,
    pub current: bool,
    pub merged_into: Option<NameUrl<'a>>,
}

impl<'a> IndexEntry<'a> {
    pub fn new(site: Site<'a>, list: &'a List) -> Self {
        let (full_name, current, merged_into) = match list.kind {
            ListKind::Province(id) => {
                let p = site.provinces.get(id);
                let now = site.provinces.current_of(p);
                (
                    Some(p.full_name()),
                    p.is_current(),
                    (now.id() != id).then(|| NameUrl {
                        name: now.display_name(),
                        full_name: now.full_name(),
                        slug: now.slug(),
                        url: site.province_url(now.id()),
                    }),
                )
            }
            _ => (None, true, None),
        };
        IndexEntry {
            name: &list.name,
            full_name,
            url: site.config.url(&list.path),
            count: list.articles.len(),
            current,
            merged_into,
        }
    }
}

#[derive(Serialize)]
pub struct RegionContext<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub provinces: Vec<IndexEntry<'a>>,
}

#[derive(Serialize)]
pub struct YearContext {
    pub year: i32,
    pub url: String,
    pub count: usize,
    pub months: Vec<MonthContext>,
}

#[derive(Serialize)]
pub struct MonthContext {
    pub month: u32,
    pub label: String,
    pub url: String,
    pub count: usize,
}

// ---- The contract of each template: one context per kind of page. ----------------------------
//
// Every page also gets `site` and `sidebar` (set once per build, see `Renderer::run_into`) and
// the fields of `Common`. docs/themes.md describes each field; a test there keeps it complete.

/// What every page gets beside its own content.
#[derive(Serialize)]
pub struct Common {
    /// The `<title>`: "Tin bài | Site".
    pub page_title: String,
    /// The page's address below the base path's host (`/portal/tin-tuc/a/`); empty on the 404
    /// page, which is served at any address.
    pub current_url: String,
    /// The page's absolute address for `<link rel="canonical">`; none on the 404 page.
    pub canonical_url: Option<String>,
    /// Open Graph, Twitter card and JSON-LD; none on the 404 page.
    pub seo: Option<super::head::Seo>,
    /// `<link rel="alternate">` feeds: the site's, and a list page's own.
    pub feeds: Vec<FeedLink>,
}

/// `index.html`: page 1 of the home list.
#[derive(Serialize)]
pub struct HomeContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    /// Hot news: the newest `featured: true` articles (at most 5).
    pub featured: Vec<&'a tera::Value>,
    /// The newest articles (page_size of them).
    pub latest: Vec<&'a tera::Value>,
    pub pagination: Pagination,
    /// One block per category, in site.toml's order.
    pub category_blocks: Vec<CategoryBlock<'a>>,
    /// The redirect map's address (`/portal/redirects.json`) when the site has old addresses
    /// with a query string (`/?p=123`); none otherwise. The page follows it when it is opened
    /// with a query string.
    pub redirect_map: Option<String>,
}

/// A block of the home page: one category and its newest articles.
#[derive(Serialize)]
pub struct CategoryBlock<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub url: String,
    pub articles: Vec<&'a tera::Value>,
}

/// `list.html`: a page of the home list (from page 2), a province, tag, category, year or month.
#[derive(Serialize)]
pub struct ListContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub list: ListInfo<'a>,
    pub articles: Vec<&'a tera::Value>,
    pub pagination: Pagination,
    pub breadcrumb: Vec<Crumb<'a>>,
    /// On a province's list: what it says about the 2025 merger.
    pub province: Option<ProvinceInfo<'a>>,
}

/// `article.html`.
#[derive(Serialize)]
pub struct ArticleContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub article: ArticleFull<'a>,
    pub breadcrumb: Vec<Crumb<'a>>,
    /// "Tin liên quan": at most 5, most related first.
    pub related: Vec<&'a tera::Value>,
    /// The next older and newer articles ("Tin khác").
    pub older: Option<&'a tera::Value>,
    pub newer: Option<&'a tera::Value>,
    /// The album its `album:` names: shown after the body.
    pub album: Option<ArticleAlbum<'a>>,
}

/// `album.html`: a photo album.
#[derive(Serialize)]
pub struct AlbumContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub album: AlbumFull<'a>,
    pub breadcrumb: Vec<Crumb<'a>>,
}

/// `albums.html`: a page of the albums' index, newest first.
#[derive(Serialize)]
pub struct AlbumsContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub albums: Vec<AlbumSummary<'a>>,
    pub pagination: Pagination,
    pub breadcrumb: Vec<Crumb<'a>>,
    /// The albums' RSS and Atom feeds.
    pub album_feeds: FeedUrls,
}

/// `page.html`: a standalone page (Giới thiệu, Liên hệ).
#[derive(Serialize)]
pub struct PageContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub page: PageFull<'a>,
}

/// `provinces.html`: /tinh/.
#[derive(Serialize)]
pub struct ProvincesContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub regions: Vec<RegionContext<'a>>,
    /// Every province with articles, A to Z.
    pub all_provinces: Vec<IndexEntry<'a>>,
}

/// `tags.html`: /the/.
#[derive(Serialize)]
pub struct TagsContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub tags: Vec<IndexEntry<'a>>,
}

/// `categories.html`: /chuyen-muc/.
#[derive(Serialize)]
pub struct CategoriesContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub categories: Vec<IndexEntry<'a>>,
}

/// `archive.html`: /luu-tru/.
#[derive(Serialize)]
pub struct ArchiveContext {
    #[serde(flatten)]
    pub common: Common,
    pub years: Vec<YearContext>,
}

/// `search.html`: /tim-kiem/.
#[derive(Serialize)]
pub struct SearchContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub search: SearchInfo<'a>,
}

/// The search page's index and filters.
#[derive(Serialize)]
pub struct SearchInfo<'a> {
    /// The folder of the search index.
    pub index_url: String,
    /// The provinces with articles, in Vietnamese order.
    pub provinces: Vec<NameSlugRef<'a>>,
    /// The years with articles, newest first.
    pub years: Vec<i32>,
}

/// A province as the search page's filter lists it.
#[derive(Serialize)]
pub struct NameSlugRef<'a> {
    pub name: &'a str,
    pub slug: &'a str,
}

/// `404.html`.
#[derive(Serialize)]
pub struct NotFoundContext {
    #[serde(flatten)]
    pub common: Common,
    /// As on the home page: the page follows the map at every address it is served at.
    pub redirect_map: Option<String>,
}

/// The context of any page: one of the structs above, serialised as that struct.
// One is made per page and serialised at once: boxing the large ones would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(untagged)]
pub enum TemplateContext<'a> {
    Home(HomeContext<'a>),
    List(ListContext<'a>),
    Article(ArticleContext<'a>),
    Page(PageContext<'a>),
    Album(AlbumContext<'a>),
    Albums(AlbumsContext<'a>),
    Document(DocumentContext<'a>),
    Documents(DocumentsContext<'a>),
    Provinces(ProvincesContext<'a>),
    Tags(TagsContext<'a>),
    Categories(CategoriesContext<'a>),
    Archive(ArchiveContext),
    Search(SearchContext<'a>),
    NotFound(NotFoundContext),
}

/// What lists show of a document (and its page, flattened into **Document in full**).
#[derive(Serialize)]
pub struct DocumentSummary<'a> {
    /// "Nghị định 80/2020/NĐ-CP".
    pub title: String,
    pub number: &'a str,
    /// "Nghị định".
    pub kind: &'static str,
    pub kind_url: String,
    pub url: String,
    pub permalink: String,
    /// The trích yếu, plain text.
    pub summary: &'a str,
    pub issuer: &'a str,
    pub issuer_url: String,
    /// The day it was issued, `YYYY-MM-DD`.
    pub issued: String,
    pub year_url: String,
    /// `con-hieu-luc`, `da-sua-doi`, `het-hieu-luc`.
    pub status: &'static str,
    /// "Còn hiệu lực", "Đã được sửa đổi, bổ sung", "Hết hiệu lực".
    pub status_label: &'static str,
}

impl<'a> DocumentSummary<'a> {
    pub fn new(site: Site<'a>, document: &'a crate::content::Document) -> Self {
        let config = site.config;
        DocumentSummary {
            title: document.title(),
            number: &document.number,
            kind: document.kind_name(),
            kind_url: config.url(&route::document_kind(
                crate::content::DOCUMENT_KINDS[document.kind].1,
            )),
            url: config.url(&document.path),
            permalink: config.permalink(&document.path),
            summary: &document.summary,
            issuer: &document.issuer,
            issuer_url: config.url(&route::document_issuer(&locale::slugify(&document.issuer))),
            issued: written(&document.issued, false),
            year_url: config.url(&route::document_year(chrono::Datelike::year(
                &document.issued,
            ))),
            status: document.status.slug(),
            status_label: document.status.label(),
        }
    }
}

/// A file of a document to download.
#[derive(Serialize)]
pub struct DocumentFileContext<'a> {
    pub url: String,
    pub title: &'a str,
    /// "PDF", "DOCX".
    pub format: String,
    /// "182 KB", "1,2 MB" (Vietnamese number formatting).
    pub size: String,
    pub bytes: u64,
}

/// A size in bytes as a reader reads it: "850 B", "182 KB", "1,2 MB".
pub fn file_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    // A size that would read "1.000 KB" is shown in the next unit.
    if bytes < 1000 {
        format!("{bytes} B")
    } else if (b / KB).round() < 1000.0 {
        format!(
            "{} KB",
            locale::format_integer((b / KB).round().max(1.0) as i64)
        )
    } else if b / KB / KB < 999.95 {
        format!("{} MB", locale::format_number(b / KB / KB, 1))
    } else {
        format!("{} GB", locale::format_number(b / KB / KB / KB, 1))
    }
}

/// Another document a document names (`replaced_by:`, `amended_by:`): its number, and its
/// page when the library has it.
#[derive(Serialize)]
pub struct DocumentLink<'a> {
    pub number: &'a str,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Everything a document's page shows of it.
#[derive(Serialize)]
pub struct DocumentFull<'a> {
    #[serde(flatten)]
    pub summary: DocumentSummary<'a>,
    /// `trung-uong`, `tinh`, `lien-hiep`.
    pub level: Option<&'static str>,
    /// "Trung ương", "Tỉnh", "Liên hiệp các tổ chức hữu nghị".
    pub level_label: Option<&'static str>,
    pub effective: Option<String>,
    pub signer: Option<&'a str>,
    pub replaced_by: Option<DocumentLink<'a>>,
    pub amended_by: Option<DocumentLink<'a>>,
    pub files: Vec<DocumentFileContext<'a>>,
    /// The official copy (`link:`), e.g. on vanban.chinhphu.vn.
    pub link: Option<&'a str>,
    /// Plain names: a document's tags are not linked (tag lists gather articles).
    pub tags: Vec<&'a str>,
    /// The notes (HTML); empty when the file has none.
    pub content: std::borrow::Cow<'a, str>,
}

impl<'a> DocumentFull<'a> {
    pub fn new(
        site: Site<'a>,
        document: &'a crate::content::Document,
        replaced_by: Option<&'a crate::content::Document>,
        amended_by: Option<&'a crate::content::Document>,
        links: &Links,
    ) -> Self {
        let config = site.config;
        let link = |written: &'a Option<(String, std::ops::Range<usize>)>,
                    found: Option<&'a crate::content::Document>| {
            written.as_ref().map(|(number, _)| DocumentLink {
                number,
                title: found.map(|d| d.title()),
                url: found.map(|d| config.url(&d.path)),
            })
        };
        DocumentFull {
            summary: DocumentSummary::new(site, document),
            level: document.level.map(|l| l.slug()),
            level_label: document.level.map(|l| l.label()),
            effective: document.effective.as_ref().map(|d| written(d, false)),
            signer: document.signer.as_deref(),
            replaced_by: link(&document.replaced_by, replaced_by),
            amended_by: link(&document.amended_by, amended_by),
            files: document
                .files
                .iter()
                .map(|f| DocumentFileContext {
                    url: config.url(f.src.trim_start_matches('/')),
                    title: &f.title,
                    format: f.kind(),
                    size: file_size(f.bytes),
                    bytes: f.bytes,
                })
                .collect(),
            link: document.link.as_deref(),
            tags: document.tags.iter().map(String::as_str).collect(),
            content: body_html(site, &document.body.html, false, links),
        }
    }
}

/// `document.html`: a document's page.
#[derive(Serialize)]
pub struct DocumentContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    pub document: DocumentFull<'a>,
    pub breadcrumb: Vec<Crumb<'a>>,
    /// "Bài viết dẫn chiếu văn bản này": the newest articles that cite the document (at most
    /// `plan::CITING_ON_DOCUMENT`), each an **Article in a list**; empty when none does.
    pub citing: Vec<&'a tera::Value>,
    /// How many articles cite it in all.
    pub citing_total: usize,
    /// The site's search for its number (`/tim-kiem/?q=80%2F2020%2FN%C4%90-CP`), which finds the
    /// articles past the newest shown.
    pub citing_search: String,
}

/// A list of the library to move to (a kind, a year, an issuer).
#[derive(Serialize)]
pub struct DocumentListEntry<'a> {
    pub name: &'a str,
    pub url: String,
    pub count: usize,
    /// The list this page shows.
    pub current: bool,
}

/// The lists of the library to move between, on every list page.
#[derive(Serialize)]
pub struct DocumentFilters<'a> {
    pub all: DocumentListEntry<'a>,
    pub kinds: Vec<DocumentListEntry<'a>>,
    pub years: Vec<DocumentListEntry<'a>>,
    pub issuers: Vec<DocumentListEntry<'a>>,
}

/// `documents.html`: a page of the library or of one of its lists, newest issued first.
#[derive(Serialize)]
pub struct DocumentsContext<'a> {
    #[serde(flatten)]
    pub common: Common,
    /// "Văn bản", "Nghị định", "Năm 2024", "Chính phủ".
    pub heading: String,
    /// `all`, `kind`, `year`, `issuer`.
    pub list_kind: &'static str,
    pub documents: Vec<DocumentSummary<'a>>,
    pub pagination: Pagination,
    pub breadcrumb: Vec<Crumb<'a>>,
    pub filters: DocumentFilters<'a>,
    /// The library's RSS and Atom feeds.
    pub document_feeds: FeedUrls,
}

/// The RSS and Atom links of the documents library.
pub fn document_feed_links(site: Site<'_>) -> Vec<FeedLink> {
    vec![
        FeedLink {
            title: "Văn bản (RSS)".to_string(),
            url: site.config.url(&route::feed(route::DOCUMENTS, Feed::Rss)),
            mime: RSS_MIME,
        },
        FeedLink {
            title: "Văn bản (Atom)".to_string(),
            url: site.config.url(&route::feed(route::DOCUMENTS, Feed::Atom)),
            mime: ATOM_MIME,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::file_size;

    #[test]
    fn file_sizes_read_as_vietnamese_numbers() {
        let cases = [
            (0, "0 B"),
            (775, "775 B"),
            (999, "999 B"),
            (1000, "1 KB"),
            (1024, "1 KB"),
            (186_368, "182 KB"),
            (1_023_999, "1,0 MB"),
            (1_363_149, "1,3 MB"),
            (5 * 1024 * 1024 * 1024, "5,0 GB"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(file_size(bytes), shown, "{bytes}");
        }
    }
}
