//! Takes the index and gives the files that are not themed pages: the RSS and Atom feed of every
//! list that has one, the sitemap(s), robots.txt, the `_redirects` file, and a redirect page at
//! every old address (`aliases:`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::Output;
use super::context::{Site, list_title};
use super::feeds::{self, Feed, FeedItem};
use super::plan::{FeedJob, Plan};
use super::sitemap;
use crate::messages::Message;
use crate::model::{ListKind, paginate};
use crate::msg;
use crate::problem::Problem;
use crate::route;

/// RSS and Atom for the home list and every province, tag and category list.
pub fn feeds(site: Site<'_>, plan: &Plan) -> Vec<Output> {
    feeds_reusing(site, plan, &mut HashMap::new())
}

/// The search index of the last build and the fingerprint of what it was made from.
pub type SearchCache = Option<(u64, Vec<Output>)>;

/// The search index (`search/…`) of every published article, newest first.
pub fn search_files(site: Site<'_>) -> Vec<Output> {
    search_outputs(site)
}

/// What the search index is made from: the settings and the source of every published article.
pub fn search_fingerprint(site: Site<'_>) -> u64 {
    let Site { config, index, .. } = site;
    let mut h = DefaultHasher::new();
    config.fingerprint().hash(&mut h);
    for article in &index.articles {
        article.source_hash.hash(&mut h);
    }
    for document in &index.documents.all {
        document.source_hash.hash(&mut h);
    }
    h.finish()
}

fn search_outputs(site: Site<'_>) -> Vec<Output> {
    let Site {
        config,
        index,
        provinces,
        ..
    } = site;
    let urls: Vec<String> = index.articles.iter().map(|a| config.url(&a.path)).collect();
    let dates: Vec<String> = index
        .articles
        .iter()
        .map(|a| super::context::iso(&a.date))
        .collect();
    let articles = index
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| crate::search::SearchDoc {
            url: &urls[i],
            title: &a.title,
            date: &dates[i],
            province: provinces.get(a.province).display_name(),
            province_slug: crate::model::province_path_slug(provinces, a.province),
            tags: &a.tags,
            category: a.category.as_deref(),
            summary: &a.summary,
            html: &a.body.html,
        });
    // A document is found by its kind and number ("Nghị định 80/2020/NĐ-CP") and its
    // trích yếu, both in its title.
    let library = &index.documents.all;
    let document_texts: Vec<(String, String, String)> = library
        .iter()
        .map(|d| {
            (
                config.url(&d.path),
                format!("{}: {}", d.title(), d.summary),
                super::context::iso(&d.issued),
            )
        })
        .collect();
    let documents = library
        .iter()
        .zip(&document_texts)
        .map(|(d, (url, title, date))| crate::search::SearchDoc {
            url,
            title,
            date,
            tags: &d.tags,
            category: Some(DOCUMENTS_CATEGORY),
            summary: &d.summary,
            html: &d.body.html,
            ..Default::default()
        });
    let docs = newest_first(articles, documents);
    crate::search::build(&docs)
        .into_iter()
        .map(|(path, bytes)| Output {
            path,
            bytes: bytes.into(),
        })
        .collect()
}

/// The category a document has in the search index.
const DOCUMENTS_CATEGORY: &str = "Văn bản";

/// Two lists of search documents, each newest first, merged newest first (the search index
/// numbers documents in this order, and its year filter relies on it); articles first on a tie.
fn newest_first<'a>(
    a: impl Iterator<Item = crate::search::SearchDoc<'a>>,
    b: impl Iterator<Item = crate::search::SearchDoc<'a>>,
) -> Vec<crate::search::SearchDoc<'a>> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut out = Vec::new();
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => date_key(x.date) >= date_key(y.date),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

/// An RFC 3339 date as an instant, to compare dates written in different offsets.
fn date_key(date: &str) -> i64 {
    DateTime::parse_from_rfc3339(date).map_or(i64::MIN, |d| d.timestamp())
}

/// The feeds of the last build, by RSS path: the fingerprint of what they were made from, and
/// the RSS and Atom files.
pub type FeedCache = HashMap<String, (u64, [Output; 2])>;

/// Like `feeds`, reusing the feeds in `cache` whose resolved job (`plan::FeedJob`: the list and
/// the articles they carry, stamped) and settings are unchanged, and leaving this build's feeds
/// in it.
pub fn feeds_reusing(site: Site<'_>, plan: &Plan, cache: &mut FeedCache) -> Vec<Output> {
    let previous = std::mem::take(cache);
    let built: Vec<(String, u64, [Output; 2])> = plan
        .feeds
        .par_iter()
        .map(|feed| {
            let list = &site.index.lists[feed.list.index];
            let key = route::feed(&list.path, route::Feed::Rss);
            let fp = plan.feed_fingerprint(feed);
            match previous.get(&key) {
                Some((old, files)) if *old == fp => (key, fp, files.clone()),
                _ => (key, fp, feed_files(site, feed)),
            }
        })
        .collect();
    let mut outputs = Vec::with_capacity(built.len() * 2);
    for (key, fp, files) in built {
        outputs.extend(files.iter().cloned());
        cache.insert(key, (fp, files));
    }
    if !plan.album_feed.is_empty() {
        outputs.extend(album_feed_files(site, plan));
    }
    if !plan.document_feed.is_empty() {
        outputs.extend(document_feed_files(site, plan));
    }
    outputs
}

/// The documents' RSS and Atom files: each document's kind and number, address, day issued and
/// trích yếu.
fn document_feed_files(site: Site<'_>, plan: &Plan) -> [Output; 2] {
    let Site { config, index, .. } = site;
    let documents = &index.documents.all;
    let title = format!("Văn bản – {}", config.title);
    let description = format!("Văn bản mới đăng trên {}", config.title);
    let texts: Vec<(String, String)> = plan
        .document_feed
        .iter()
        .map(|r| {
            let document = &documents[r.index];
            (document.title(), config.permalink(&document.path))
        })
        .collect();
    let items: Vec<FeedItem> = plan
        .document_feed
        .iter()
        .zip(&texts)
        .map(|(r, (title, permalink))| {
            let document = &documents[r.index];
            let mut categories = vec![document.kind_name(), document.issuer.as_str()];
            categories.extend(document.tags.iter().map(String::as_str));
            FeedItem {
                title,
                permalink,
                date: document.issued,
                updated: None,
                summary: &document.summary,
                content_html: None,
                author: None,
                categories,
                image: None,
            }
        })
        .collect();
    feed_pair(config, route::DOCUMENTS, &title, &description, &items)
}

/// The albums' RSS and Atom files: each album's title, address, date, summary and cover.
fn album_feed_files(site: Site<'_>, plan: &Plan) -> [Output; 2] {
    let Site { config, index, .. } = site;
    let title = format!("Thư viện ảnh – {}", config.title);
    let description = format!("Thư viện ảnh của {}", config.title);
    let links: Vec<(String, String)> = plan
        .album_feed
        .iter()
        .map(|r| {
            let album = &index.albums[r.index];
            (
                config.permalink(&album.path),
                super::context::absolute_asset(config, &album.cover().src),
            )
        })
        .collect();
    let items: Vec<FeedItem> = plan
        .album_feed
        .iter()
        .zip(&links)
        .map(|(r, (permalink, cover))| {
            let album = &index.albums[r.index];
            FeedItem {
                title: &album.title,
                permalink,
                date: album.date,
                updated: None,
                summary: &album.summary,
                content_html: None,
                author: None,
                categories: album.tags.iter().map(String::as_str).collect(),
                image: Some((cover.as_str(), album.cover().alt.as_str())),
            }
        })
        .collect();
    feed_pair(config, route::ALBUMS, &title, &description, &items)
}

/// The RSS and Atom files of the feed of the list at `path` (`route::feed`), with its title and
/// description and the site's language, publisher and base URL.
fn feed_pair(
    config: &crate::config::Config,
    path: &str,
    title: &str,
    description: &str,
    items: &[FeedItem],
) -> [Output; 2] {
    let html_url = config.permalink(path);
    let rss_url = config.permalink(&route::feed(path, route::Feed::Rss));
    let atom_url = config.permalink(&route::feed(path, route::Feed::Atom));
    let feed = Feed {
        title,
        description,
        language: &config.language,
        html_url: &html_url,
        rss_url: &rss_url,
        atom_url: &atom_url,
        publisher: &config.organization.name,
        base_url: &config.base_url,
    };
    [
        Output {
            path: route::feed(path, route::Feed::Rss),
            bytes: feeds::rss(&feed, items).into_bytes().into(),
        },
        Output {
            path: route::feed(path, route::Feed::Atom),
            bytes: feeds::atom(&feed, items).into_bytes().into(),
        },
    ]
}

/// The RSS and Atom files of one list, made from its resolved job only.
fn feed_files(site: Site<'_>, job: &FeedJob) -> [Output; 2] {
    let Site { config, index, .. } = site;
    let list = &index.lists[job.list.index];
    let title = match list.kind {
        ListKind::Home => config.title.clone(),
        _ => format!("{} – {}", list_title(site, list), config.title),
    };
    let description = if list.kind == ListKind::Home && !config.description.is_empty() {
        config.description.clone()
    } else {
        format!("Tin mới: {}", list_title(site, list))
    };
    let permalinks: Vec<(String, Option<String>)> = job
        .articles
        .iter()
        .map(|r| {
            let article = &index.articles[r.index];
            let image = article
                .image
                .as_ref()
                .map(|img| super::context::absolute_asset(site.config, &img.src));
            (config.permalink(&article.path), image)
        })
        .collect();
    // Whole texts, their document references linked as on the article's page.
    let contents: Vec<Option<std::borrow::Cow<str>>> = job
        .articles
        .iter()
        .map(|r| {
            let article = &index.articles[r.index];
            config.feeds.full_content.then(|| {
                crate::render::citations::Links::new(
                    &article.body,
                    &index.citations.articles[r.index],
                    &index.documents,
                    &|path| config.url(path),
                )
                .apply(&article.body.html)
            })
        })
        .collect();
    let items: Vec<FeedItem> = job
        .articles
        .iter()
        .zip(&permalinks)
        .zip(&contents)
        .map(|((r, (permalink, image)), content)| {
            let article = &index.articles[r.index];
            let mut categories: Vec<&str> = article.category.iter().map(String::as_str).collect();
            categories.extend(article.tags.iter().map(String::as_str));
            FeedItem {
                title: &article.title,
                permalink,
                date: article.date,
                updated: article.updated,
                summary: &article.summary,
                content_html: content.as_deref(),
                author: article.author.as_deref(),
                categories,
                image: image
                    .as_deref()
                    .zip(article.image.as_ref().map(|img| img.alt.as_str())),
            }
        })
        .collect();
    feed_pair(config, &list.path, &title, &description, &items)
}

fn newest(dates: impl Iterator<Item = DateTime<FixedOffset>>) -> Option<DateTime<FixedOffset>> {
    dates.max()
}

/// The sitemaps of the last build and the hash of every address and last change they list.
pub type SitemapCache = Option<(u64, Vec<Output>)>;

/// sitemap.xml (split past 50,000 URLs), robots.txt, `_redirects` and the redirect pages.
/// `written` holds every path the build writes, so an alias can never replace a real page.
/// Gives the files and the warnings (old addresses of a former pattern that are taken).
pub fn site_files(
    site: Site<'_>,
    written: &HashSet<String>,
    now: DateTime<FixedOffset>,
    sitemaps: &mut SitemapCache,
) -> Result<(Vec<Output>, Vec<Problem>), Vec<Problem>> {
    let Site { config, index, .. } = site;
    let article_date = |i: usize| {
        let a = &index.articles[i];
        a.updated.unwrap_or(a.date).max(a.date)
    };
    let newest_overall = newest((0..index.articles.len()).map(article_date));

    // Every address with its last change, borrowed where it can be: the sitemap's whole input.
    // When it equals the last build's (a body edit), the last sitemaps are kept.
    let mut locs: Vec<(Cow<str>, Option<DateTime<FixedOffset>>)> = Vec::new();
    locs.push((Cow::Borrowed(""), newest_overall));
    for path in [
        route::PROVINCES,
        route::TAGS,
        route::CATEGORIES,
        route::ARCHIVE,
    ] {
        locs.push((Cow::Borrowed(path), newest_overall));
    }
    for list in &index.lists {
        let pages = paginate::page_count(list.articles.len(), config.page_size);
        let first = if list.kind == ListKind::Home { 2 } else { 1 };
        for page in first..=pages {
            let range = paginate::page_range(list.articles.len(), config.page_size, page);
            let lastmod = newest(list.articles[range].iter().map(|&i| article_date(i)));
            let path = match page {
                1 => Cow::Borrowed(list.path.as_str()),
                _ => Cow::Owned(route::list_page(&list.path, page)),
            };
            locs.push((path, lastmod));
        }
    }
    for (i, article) in index.articles.iter().enumerate() {
        locs.push((Cow::Borrowed(article.path.as_str()), Some(article_date(i))));
    }
    for page in &index.pages {
        locs.push((Cow::Owned(route::page(&page.path)), page.updated));
    }
    let albums = index.albums.len();
    for page in (albums > 0)
        .then_some(1..=paginate::page_count(albums, config.page_size))
        .into_iter()
        .flatten()
    {
        let range = paginate::page_range(albums, config.page_size, page);
        let lastmod = index.albums[range].iter().map(|a| a.date).max();
        locs.push((Cow::Owned(route::list_page(route::ALBUMS, page)), lastmod));
    }
    for album in &index.albums {
        locs.push((Cow::Borrowed(album.path.as_str()), Some(album.date)));
    }
    let documents = &index.documents;
    for list in &documents.lists {
        let count = list.documents.len();
        for page in 1..=paginate::page_count(count, config.page_size) {
            let range = paginate::page_range(count, config.page_size, page);
            let lastmod = list.documents[range]
                .iter()
                .map(|&d| documents.all[d].issued)
                .max();
            locs.push((Cow::Owned(route::list_page(&list.path, page)), lastmod));
        }
    }
    for document in &documents.all {
        locs.push((Cow::Borrowed(document.path.as_str()), Some(document.issued)));
    }
    let key = {
        let mut h = DefaultHasher::new();
        (config.fingerprint(), &locs).hash(&mut h);
        h.finish()
    };
    let mut outputs = match sitemaps {
        Some((last, files)) if *last == key => files.clone(),
        _ => {
            let permalinks: Vec<String> = locs.iter().map(|(p, _)| config.permalink(p)).collect();
            let urls: Vec<sitemap::Url> = permalinks
                .iter()
                .zip(&locs)
                .map(|(loc, (_, lastmod))| sitemap::Url {
                    loc,
                    lastmod: *lastmod,
                })
                .collect();
            let files: Vec<Output> = sitemap::sitemaps(&urls, &config.base_url)
                .into_iter()
                .map(|(path, xml)| Output {
                    path,
                    bytes: xml.into_bytes().into(),
                })
                .collect();
            *sitemaps = Some((key, files.clone()));
            files
        }
    };
    // Google News: articles published in the last two days (none: no file, no robots line).
    let recent: Vec<(String, usize)> = index
        .articles
        .iter()
        .enumerate()
        .take_while(|(_, a)| now - a.date <= chrono::Duration::hours(48))
        .filter(|(_, a)| a.date <= now)
        .map(|(i, a)| (config.permalink(&a.path), i))
        .collect();
    let news: Vec<sitemap::NewsItem> = recent
        .iter()
        .map(|(loc, i)| sitemap::NewsItem {
            loc,
            title: &index.articles[*i].title,
            published: index.articles[*i].date,
        })
        .collect();
    if !news.is_empty() {
        outputs.push(Output {
            path: sitemap::NEWS_PATH.to_string(),
            bytes: sitemap::news_sitemap(&news, &config.title, &config.language)
                .into_bytes()
                .into(),
        });
    }
    outputs.push(Output {
        path: route::ROBOTS.to_string(),
        bytes: sitemap::robots(&config.base_url, !news.is_empty())
            .into_bytes()
            .into(),
    });

    let (files, problems, warnings) = old_addresses(site, written, &outputs);
    outputs.extend(files);
    if problems.is_empty() {
        Ok((outputs, warnings))
    } else {
        Err(problems)
    }
}

/// Who has an address already, for the error of a second claim.
#[derive(Debug, Clone)]
enum Claimant {
    /// The home page.
    Home,
    /// A page of this build, by its address below the site root.
    Page(String),
    /// An old address (`aliases:`, a former pattern) of the article or page in this file.
    OldAddressOf(String),
    /// A line of site.toml's `[redirects]`.
    Redirect { line: usize },
}

impl Claimant {
    fn is_page(&self) -> bool {
        matches!(self, Claimant::Home | Claimant::Page(_))
    }

    fn message(&self) -> Message {
        match self {
            Claimant::Home => msg!("render-claimant-home"),
            Claimant::Page(path) => msg!("render-claimant-page", path = path.as_str()),
            Claimant::OldAddressOf(file) => {
                msg!("render-claimant-old-address", file = file.as_str())
            }
            Claimant::Redirect { line } => {
                msg!("render-claimant-redirect", line = line.to_string())
            }
        }
    }
}

/// The files that keep old addresses working: a redirect page at each old path (`aliases:`,
/// the former permalink patterns, site.toml's `[redirects]`), the redirect map of those with a
/// query string (`/?p=123`, which a static host cannot serve as a file), and `_redirects` with
/// a line for each. `written` and `made` are every other file of the build. Gives the files,
/// the errors (an old address claimed twice or that is a page, a `[redirects]` target that
/// does not exist) and the warnings (an address of a former pattern that a page now has).
fn old_addresses(
    site: Site<'_>,
    written: &HashSet<String>,
    made: &[Output],
) -> (Vec<Output>, Vec<Problem>, Vec<Problem>) {
    let Site { config, index, .. } = site;
    let mut outputs = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    // Each old address taken (a redirect page's output path, or a redirect map key) and who
    // took it, for the error of a second claim.
    let mut taken: HashMap<String, Claimant> = HashMap::new();
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut query_lines: Vec<(String, String, String)> = Vec::new();
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    // Who has an output path already: a page of this build, or an earlier old address.
    let owner = |out: Option<&str>, taken: &HashMap<String, Claimant>| -> Option<Claimant> {
        match out {
            None => Some(Claimant::Home),
            Some(o) if written.contains(o) || made.iter().any(|m| m.path == o) => Some(
                Claimant::Page(o.strip_suffix("index.html").unwrap_or(o).to_string()),
            ),
            Some(o) => taken.get(o).cloned(),
        }
    };
    // Pages have no former pattern.
    let none: Vec<String> = Vec::new();
    let targets = index
        .articles
        .iter()
        .map(|a| {
            (
                &a.aliases,
                &a.previous_paths,
                a.path.clone(),
                &a.title,
                &a.file,
            )
        })
        .chain(
            index
                .pages
                .iter()
                .map(|p| (&p.aliases, &none, route::page(&p.path), &p.title, &p.file)),
        );
    for (aliases, previous, target, title, file) in targets {
        let target_url = config.url(&target);
        let page = || {
            sitemap::redirect_page(
                &target_url,
                &config.permalink(&target),
                title,
                &config.language,
            )
        };
        let claimant = Claimant::OldAddressOf(file.path.clone());
        for alias in aliases {
            let span = file
                .text
                .find(alias.as_str())
                .map_or(0..0, |i| i..i + alias.len());
            if let Some((path, query)) = route::query_alias(alias) {
                let key = route::redirect_map_key(path, query);
                if let Some(other) = taken.get(&key) {
                    problems.push(alias_taken(alias, other).at(file, span));
                    continue;
                }
                taken.insert(key.clone(), claimant.clone());
                map.insert(key, target_url.clone());
                query_lines.push((config.url(path), query.to_string(), target_url.clone()));
                continue;
            }
            let out = route::alias(alias).map(|p| route::output_file(&p));
            if let Some(other) = owner(out.as_deref(), &taken) {
                problems.push(alias_taken(alias, &other).at(file, span));
                continue;
            }
            let Some(out) = out else { continue };
            taken.insert(out.clone(), claimant.clone());
            outputs.push(Output {
                path: out,
                bytes: page().into_bytes().into(),
            });
            lines.push((config.url(alias.trim_matches('/')), target_url.clone()));
        }
        for old in previous {
            let out = route::output_file(old);
            if owner(Some(&out), &taken).is_some() {
                warnings.push(
                    Problem::warning(
                        "content::previous-address-taken",
                        msg!("render-previous-address-taken", address = old.as_str()),
                    )
                    .in_file(file.path.clone())
                    .help(msg!("render-previous-address-taken-help")),
                );
                continue;
            }
            taken.insert(out.clone(), claimant.clone());
            outputs.push(Output {
                path: out,
                bytes: page().into_bytes().into(),
            });
            lines.push((config.url(old), target_url.clone()));
        }
    }

    for redirect in &config.redirects {
        let (line, _) = config.source.line_col(redirect.from_span.start);
        let claimant = Claimant::Redirect { line };
        let from = redirect.from.as_str();
        let target = if redirect.is_external() {
            Some((redirect.to.clone(), redirect.to.clone()))
        } else {
            match site_target(&redirect.to, written, made) {
                Some(path) => Some((config.url(&path), config.permalink(&path))),
                None => {
                    problems.push(missing_target(site, redirect, written));
                    None
                }
            }
        };
        let query = route::query_alias(from);
        let out = match query {
            Some(_) => None,
            None => route::alias(from).map(|p| route::output_file(&p)),
        };
        let key = query.map(|(path, query)| route::redirect_map_key(path, query));
        let other = match &key {
            Some(key) => taken.get(key).cloned(),
            None => owner(out.as_deref(), &taken),
        };
        if let Some(other) = other {
            let problem = if other.is_page() {
                Problem::error(
                    "config::redirect-from-page",
                    msg!("render-redirect-from-page", address = from),
                )
                .label(other.message())
                .help(msg!("render-redirect-from-page-help"))
            } else {
                Problem::error(
                    "config::redirect-taken",
                    msg!(
                        "render-old-address-taken",
                        address = from,
                        other = other.message()
                    ),
                )
                .label(msg!("render-redirect-taken-label"))
                .help(msg!("render-redirect-taken-help"))
            };
            problems.push(problem.at(&config.source, redirect.from_span.clone()));
            continue;
        }
        let Some((target_url, target_permalink)) = target else {
            continue;
        };
        match (key, query, out) {
            (Some(key), Some((path, query)), _) => {
                taken.insert(key.clone(), claimant);
                map.insert(key, target_url.clone());
                query_lines.push((config.url(path), query.to_string(), target_url));
            }
            (_, _, Some(out)) => {
                taken.insert(out.clone(), claimant);
                let page =
                    sitemap::redirect_page(&target_url, &target_permalink, "", &config.language);
                outputs.push(Output {
                    path: out,
                    bytes: page.into_bytes().into(),
                });
                lines.push((config.url(from.trim_matches('/')), target_url));
            }
            _ => {}
        }
    }

    let pairs: Vec<(&str, &str)> = lines
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let queries: Vec<(&str, &str, &str)> = query_lines
        .iter()
        .map(|(a, q, b)| (a.as_str(), q.as_str(), b.as_str()))
        .collect();
    let mut text = sitemap::redirects(&pairs);
    text.push_str(&sitemap::query_redirects(&queries));
    outputs.push(Output {
        path: route::REDIRECTS.to_string(),
        bytes: text.into_bytes().into(),
    });
    if !map.is_empty() {
        let mut json = serde_json::to_string_pretty(&map).unwrap_or_default();
        json.push('\n');
        outputs.push(Output {
            path: route::REDIRECT_MAP.to_string(),
            bytes: json.into_bytes().into(),
        });
    }
    (outputs, problems, warnings)
}

/// An old address in `aliases:` that something else has already.
fn alias_taken(alias: &str, other: &Claimant) -> Problem {
    Problem::error(
        "content::alias-taken",
        msg!(
            "render-old-address-taken",
            address = alias,
            other = other.message()
        ),
    )
    .help(msg!("render-alias-taken-help"))
}

/// The path of a page or file the build writes that `to` (a path from the site root) leads
/// to, as static hosts serve it: `/a/` → `a/`, also `/a` when `a/index.html` exists.
fn site_target(to: &str, written: &HashSet<String>, made: &[Output]) -> Option<String> {
    let path = to.trim_start_matches('/');
    let has = |file: &str| written.contains(file) || made.iter().any(|o| o.path == file);
    if path.is_empty() || path.ends_with('/') {
        has(&route::output_file(path)).then(|| path.to_string())
    } else if has(path) {
        Some(path.to_string())
    } else {
        has(&format!("{path}/index.html")).then(|| format!("{path}/"))
    }
}

/// A `[redirects]` line whose target is no page of the site, with the closest one.
fn missing_target(
    site: Site<'_>,
    redirect: &crate::config::Redirect,
    written: &HashSet<String>,
) -> Problem {
    let mut addresses: Vec<String> = written
        .iter()
        .filter(|f| f.ends_with("index.html") || f.ends_with(".xml"))
        .map(|f| format!("/{}", f.strip_suffix("index.html").unwrap_or(f)))
        .collect();
    addresses.sort();
    let help =
        match crate::problem::did_you_mean(&redirect.to, addresses.iter().map(String::as_str)) {
            Some(s) => msg!("render-redirect-missing-page-help-suggest", suggestion = s),
            None => msg!("render-redirect-missing-page-help"),
        };
    Problem::error(
        "config::redirect-missing-page",
        msg!(
            "render-redirect-missing-page",
            from = redirect.from.as_str(),
            to = redirect.to.as_str()
        ),
    )
    .at(&site.config.source, redirect.to_span.clone())
    .label(msg!("render-redirect-missing-page-label"))
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn articles_and_documents_are_merged_newest_first() {
        let doc = |url: &'static str, date: &'static str| crate::search::SearchDoc {
            url,
            date,
            ..Default::default()
        };
        /// (address, date) of each search document.
        type Docs = &'static [(&'static str, &'static str)];
        // (articles, documents, merged order)
        let cases: &[(Docs, Docs, &[&str])] = &[
            (&[], &[], &[]),
            (&[("a1", "2025-01-02T00:00:00+07:00")], &[], &["a1"]),
            (&[], &[("d1", "2025-01-02T00:00:00+07:00")], &["d1"]),
            (
                &[
                    ("a1", "2025-03-01T08:00:00+07:00"),
                    ("a2", "2024-01-01T08:00:00+07:00"),
                ],
                &[
                    ("d1", "2025-06-01T00:00:00+07:00"),
                    ("d2", "2024-06-01T00:00:00+07:00"),
                    ("d3", "2020-07-08T00:00:00+07:00"),
                ],
                &["d1", "a1", "d2", "a2", "d3"],
            ),
            // The same instant: the article first. Another offset is the same instant.
            (
                &[("a1", "2025-01-01T07:00:00+07:00")],
                &[("d1", "2025-01-01T00:00:00+00:00")],
                &["a1", "d1"],
            ),
        ];
        for (articles, documents, want) in cases {
            let merged = newest_first(
                articles.iter().map(|(u, d)| doc(u, d)),
                documents.iter().map(|(u, d)| doc(u, d)),
            );
            let got: Vec<&str> = merged.iter().map(|d| d.url).collect();
            assert_eq!(&got, want);
        }
    }

    #[test]
    fn an_old_address_claimed_twice_names_who_has_it_in_both_languages() {
        let p = alias_taken("/?p=41", &Claimant::OldAddressOf("content/a.md".into()));
        assert_eq!(
            p.shown(Lang::En).message,
            "the old address /?p=41 is already used by an old address of content/a.md"
        );
        assert_eq!(
            p.shown(Lang::Vi).message,
            "địa chỉ cũ /?p=41 trùng với một địa chỉ cũ của content/a.md"
        );
        let p = alias_taken("/cu/", &Claimant::Redirect { line: 9 });
        assert_eq!(
            p.shown(Lang::Vi).message,
            "địa chỉ cũ /cu/ trùng với site.toml:9 (trong [redirects])"
        );
        assert_eq!(
            p.shown(Lang::Vi).help.as_deref(),
            Some(
                "hãy bỏ địa chỉ cũ (alias) này hoặc địa chỉ kia; một địa chỉ chỉ dẫn được tới một trang"
            )
        );
        assert!(Claimant::Home.is_page() && Claimant::Page("a/".into()).is_page());
        assert_eq!(
            Lang::En.text(&Claimant::Page("gioi-thieu/".into()).message()),
            "the page /gioi-thieu/"
        );
    }
}
