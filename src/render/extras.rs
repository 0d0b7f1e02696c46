//! Takes the index and gives the files that are not themed pages: the RSS and Atom feed of every
//! list that has one, the sitemap(s), robots.txt, the `_redirects` file, and a redirect page at
//! every old address (`aliases:`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::Output;
use super::context::{Site, list_title};
use super::feeds::{self, Feed, FeedItem};
use super::plan::{FeedJob, Plan};
use super::sitemap;
use crate::model::{ListKind, paginate};
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
    h.finish()
}

fn search_outputs(site: Site<'_>) -> Vec<Output> {
    let Site {
        config,
        index,
        provinces,
    } = site;
    let urls: Vec<String> = index.articles.iter().map(|a| config.url(&a.path)).collect();
    let dates: Vec<String> = index
        .articles
        .iter()
        .map(|a| super::context::iso(&a.date))
        .collect();
    let docs: Vec<crate::search::SearchDoc> = index
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
        })
        .collect();
    crate::search::build(&docs)
        .into_iter()
        .map(|(path, bytes)| Output {
            path,
            bytes: bytes.into(),
        })
        .collect()
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
    outputs
}

/// The RSS and Atom files of one list, made from its resolved job only.
fn feed_files(site: Site<'_>, job: &FeedJob) -> [Output; 2] {
    let Site { config, index, .. } = site;
    let list = &index.lists[job.list.index];
    let title = match list.kind {
        ListKind::Home => config.title.clone(),
        _ => format!("{} – {}", list_title(site, list), config.title),
    };
    let html_url = config.permalink(&list.path);
    let rss_url = config.permalink(&route::feed(&list.path, route::Feed::Rss));
    let atom_url = config.permalink(&route::feed(&list.path, route::Feed::Atom));
    let description = if list.kind == ListKind::Home && !config.description.is_empty() {
        config.description.clone()
    } else {
        format!("Tin mới: {}", list_title(site, list))
    };
    let feed = Feed {
        title: &title,
        description: &description,
        language: &config.language,
        html_url: &html_url,
        rss_url: &rss_url,
        atom_url: &atom_url,
        publisher: &config.organization.name,
        base_url: &config.base_url,
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
    let items: Vec<FeedItem> = job
        .articles
        .iter()
        .zip(&permalinks)
        .map(|(r, (permalink, image))| {
            let article = &index.articles[r.index];
            let mut categories: Vec<&str> = article.category.iter().map(String::as_str).collect();
            categories.extend(article.tags.iter().map(String::as_str));
            FeedItem {
                title: &article.title,
                permalink,
                date: article.date,
                updated: article.updated,
                summary: &article.summary,
                content_html: config
                    .feeds
                    .full_content
                    .then_some(article.body.html.as_str()),
                author: article.author.as_deref(),
                categories,
                image: image
                    .as_deref()
                    .zip(article.image.as_ref().map(|img| img.alt.as_str())),
            }
        })
        .collect();
    [
        Output {
            path: route::feed(&list.path, route::Feed::Rss),
            bytes: feeds::rss(&feed, &items).into_bytes().into(),
        },
        Output {
            path: route::feed(&list.path, route::Feed::Atom),
            bytes: feeds::atom(&feed, &items).into_bytes().into(),
        },
    ]
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

    // Old addresses: a redirect page at each, and a line in _redirects for hosts that read it.
    // Those written as `aliases:` must be free; those of the former permalink patterns
    // (`[permalinks] previous`) are left out, with a warning, where something else now is.
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut redirects: Vec<(String, String)> = Vec::new();
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
        let written_aliases = aliases.iter().map(|a| (a.as_str(), route::alias(a), true));
        let former = previous
            .iter()
            .map(|p| (p.as_str(), Some(p.clone()), false));
        for (alias, path, written_by_editor) in written_aliases.chain(former) {
            let out_path = path.as_deref().map(route::output_file);
            let free = out_path
                .as_ref()
                .is_some_and(|o| !written.contains(o.as_str()) && !taken.contains(o));
            let Some(out_path) = out_path.filter(|_| free) else {
                let span = file.text.find(alias).map_or(0..0, |i| i..i + alias.len());
                if written_by_editor {
                    problems.push(
                        Problem::error(
                            "content::alias-taken",
                            format!("the old address {alias} is already used by another page or alias"),
                        )
                        .at(file, span)
                        .help("remove this alias, or the other page's; one address can lead to one page only"),
                    );
                } else {
                    warnings.push(
                        Problem::warning(
                            "content::previous-address-taken",
                            format!("the old address /{alias} of this article now belongs to another page: no redirect is made there"),
                        )
                        .in_file(file.path.clone())
                        .help("if links to the old address matter, give this article an `aliases:` entry elsewhere, or change the other page's address"),
                    );
                }
                continue;
            };
            taken.insert(out_path.clone());
            let page = sitemap::redirect_page(
                &config.url(&target),
                &config.permalink(&target),
                title,
                &config.language,
            );
            outputs.push(Output {
                path: out_path,
                bytes: page.into_bytes().into(),
            });
            let from = if written_by_editor {
                alias.trim_matches('/')
            } else {
                alias
            };
            redirects.push((config.url(from), config.url(&target)));
        }
    }
    let pairs: Vec<(&str, &str)> = redirects
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    outputs.push(Output {
        path: route::REDIRECTS.to_string(),
        bytes: sitemap::redirects(&pairs).into_bytes().into(),
    });
    if problems.is_empty() {
        Ok((outputs, warnings))
    } else {
        Err(problems)
    }
}
