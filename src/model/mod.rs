//! Takes the loaded content and gives the `Index`: the published articles in reading order, the
//! standalone pages, every list the site shows (home, provinces, tags, categories, archives), the
//! related articles of each article, and every URL the site will have — checked for collisions.

mod citations;
mod documents;
pub mod paginate;

pub use citations::Citations;
pub use documents::{DocumentList, DocumentListKind, Documents};

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use chrono::{DateTime, Datelike, FixedOffset};

use crate::config::Config;
use crate::content::{
    ALBUMS_DIR, ARTICLES_DIR, Album, Article, Content, DOCUMENTS_DIR, Document, Filter, Page,
};
use crate::locale::{self, collate::Collator};
use crate::messages::Message;
use crate::msg;
use crate::problem::{Problem, SourceFile};
use crate::provinces::{ProvinceId, Provinces};
use crate::route;

/// "Tin liên quan" on an article page.
pub const RELATED: usize = 5;
/// How far along a tag's or province's timeline related candidates are looked for, either side.
/// This bounds the work per article, so related news stays linear in the number of articles.
const RELATED_WINDOW: usize = 30;

/// What a list gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Home,
    Province(ProvinceId),
    Tag,
    Category,
    Year(i32),
    Month(i32, u32),
}

/// A paginated list of articles with its own URL (and, for some kinds, its feeds).
#[derive(Debug, Clone)]
pub struct List {
    pub kind: ListKind,
    /// Display name, as written by the editors: "Kiên Giang", "viện trợ", "2024", "tháng 5/2020".
    pub name: String,
    pub slug: String,
    /// Below the site root, ending in `/` (`""` for the home list).
    pub path: String,
    /// Indexes into `Index::articles`, newest first.
    pub articles: Vec<usize>,
}

impl List {
    /// Home, province, tag and category lists have RSS and Atom feeds.
    pub fn has_feed(&self) -> bool {
        !matches!(self.kind, ListKind::Year(_) | ListKind::Month(..))
    }
}

/// One region of the province index, its provinces in Vietnamese order.
#[derive(Debug, Clone)]
pub struct RegionGroup {
    pub name: String,
    pub slug: String,
    /// Indexes into `Index::lists`.
    pub lists: Vec<usize>,
}

/// A year of the archive with its months, newest first (indexes into `Index::lists`).
#[derive(Debug, Clone)]
pub struct YearGroup {
    pub list: usize,
    pub months: Vec<usize>,
}

/// The site as it will be published.
#[derive(Debug, Clone)]
pub struct Index {
    /// Published articles, newest first (ties by slug, so the order is stable).
    pub articles: Vec<Arc<Article>>,
    pub pages: Vec<Page>,
    /// Every list; `lists[0]` is the home list.
    pub lists: Vec<List>,
    /// Province lists grouped by region, for /tinh/.
    pub regions: Vec<RegionGroup>,
    /// Every province list in Vietnamese alphabetical order, for the A–Z list on /tinh/.
    pub provinces_az: Vec<usize>,
    /// Tag lists in Vietnamese order.
    pub tags: Vec<usize>,
    /// Category lists: site.toml's order when it lists categories, then Vietnamese order.
    pub categories: Vec<usize>,
    /// Archive years, newest first.
    pub years: Vec<YearGroup>,
    /// Province list of each province id that has one.
    pub province_lists: HashMap<ProvinceId, usize>,
    /// Related articles of each article ("Tin liên quan"), most related first.
    pub related: Vec<Vec<usize>>,
    /// How many articles this build held back (drafts, future-dated).
    pub held_back: usize,
    /// Where each article of `articles` was in the content the index was built from.
    pub from_content: Vec<usize>,
    /// Published photo albums, newest first (ties by slug).
    pub albums: Vec<Arc<Album>>,
    /// The documents library (văn bản): published documents newest issued first, their lists,
    /// and `Documents::by_number`.
    pub documents: Documents,
    /// The documents the articles' and pages' bodies cite, and the articles citing each
    /// document.
    pub citations: Citations,
}

/// Everything the index takes from an article: where it is published, where it sorts, the lists
/// it is in, and the spans its problems point at. An edit that leaves this alone (the body, the
/// title, the summary) and does not change whether it is published leaves the index as it was;
/// see `Index::with_content`.
pub fn index_key(article: &Article) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    (
        &article.file.path,
        &article.slug,
        &article.slug_span,
        article.date,
        article.province,
        &article.province_span,
        &article.category,
        &article.category_span,
        &article.tags,
        &article.tag_spans,
        &article.path,
    )
        .hash(&mut h);
    h.finish()
}

/// The same for an album: everything of it (an album's pages are few, and its slug is what
/// articles name).
pub fn album_key(album: &Album) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    (&album.file.path, album.source_hash, &album.path, album.date).hash(&mut h);
    h.finish()
}

/// The same for a document: everything of it (its page shows it all, lists show most of it).
pub fn document_key(document: &Document) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    (
        &document.file.path,
        document.source_hash,
        &document.path,
        document.issued,
    )
        .hash(&mut h);
    h.finish()
}

/// The same for a page: its file and its address.
pub fn page_key(page: &Page) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    (&page.file.path, &page.path, &page.path_span).hash(&mut h);
    h.finish()
}

impl Index {
    /// The index `build` would give for `content`, made from the one it gave for an earlier
    /// content whose articles and pages had, one for one, the same `index_key`s and `page_key`s
    /// (the caller checks that): the same lists, terms and related blocks, with the new articles
    /// and pages in them. A body edit in `serve` takes this path instead of a full `build`.
    /// What the bodies cite is worked out anew (`Citations`).
    pub fn with_content(&self, content: Content, filter: Filter) -> Index {
        let mut index = self.clone();
        for (article, &from) in index.articles.iter_mut().zip(&self.from_content) {
            if let Some(new) = content.articles.get(from)
                && !Arc::ptr_eq(new, article)
            {
                *article = Arc::clone(new);
            }
        }
        index.pages = content
            .pages
            .into_iter()
            .filter(|p| filter.drafts || !p.draft)
            .collect();
        index.citations = Citations::build(
            &index.articles,
            &index.pages,
            &index.albums,
            &index.documents,
        );
        index
    }

    /// The album an article names (`album:`), if it is published.
    pub fn album(&self, slug: &str) -> Option<usize> {
        self.albums.iter().position(|a| a.slug == slug)
    }

    /// Builds the index; URL and name collisions, menu links to missing pages and articles of
    /// merged provinces dated after the merger are reported as problems.
    pub fn build(
        config: &Config,
        provinces: &Provinces,
        content: Content,
        filter: Filter,
        now: DateTime<FixedOffset>,
    ) -> (Index, Vec<Problem>) {
        let mut problems = Vec::new();
        let collator = Collator::new();
        let total = content.articles.len();
        let mut published: Vec<(usize, Arc<Article>)> = content
            .articles
            .into_iter()
            .enumerate()
            .filter(|(_, a)| filter.publishes(a, now))
            .collect();
        let held_back = total - published.len();
        published.sort_by(|(_, a), (_, b)| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let (from_content, articles): (Vec<usize>, Vec<Arc<Article>>) =
            published.into_iter().unzip();
        let pages: Vec<Page> = content
            .pages
            .into_iter()
            .filter(|p| filter.drafts || !p.draft)
            .collect();

        let mut albums: Vec<Arc<Album>> = content
            .albums
            .into_iter()
            .filter(|a| filter.publishes_album(a, now))
            .collect();
        albums.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));

        let (documents, found) = Documents::build(content.documents, filter);
        problems.extend(found);

        let citations = Citations::build(&articles, &pages, &albums, &documents);

        problems.extend(check_collisions(&articles, &pages, &albums, &documents.all));
        problems.extend(check_album_links(&articles, &albums));
        problems.extend(album_merger_warnings(&albums, provinces));
        problems.extend(merger_warnings(&articles, provinces));

        let mut lists = vec![List {
            kind: ListKind::Home,
            name: config.title.clone(),
            slug: String::new(),
            path: String::new(),
            articles: (0..articles.len()).collect(),
        }];

        let (province_lists, regions) =
            province_lists(config, provinces, &articles, &collator, &mut lists);
        let mut provinces_az: Vec<usize> = province_lists.values().copied().collect();
        sort_provinces(&mut provinces_az, &lists, provinces, &collator);

        let tag_terms = terms(&articles, |a| {
            a.tags
                .iter()
                .zip(&a.tag_spans)
                .map(|(t, s)| (t.as_str(), s.clone()))
                .collect()
        });
        let (tag_terms, found) = check_terms(&articles, tag_terms, "tag");
        problems.extend(found);
        let mut tags = push_terms(&mut lists, tag_terms, ListKind::Tag, route::tag);
        tags.sort_by(|&a, &b| collator.compare(&lists[a].name, &lists[b].name));

        let category_terms = terms(&articles, |a| match (&a.category, &a.category_span) {
            (Some(c), Some(s)) => vec![(c.as_str(), s.clone())],
            _ => Vec::new(),
        });
        let (category_terms, found) = check_terms(&articles, category_terms, "category");
        problems.extend(found);
        let mut categories = push_terms(
            &mut lists,
            category_terms,
            ListKind::Category,
            route::category,
        );
        let configured = |list: &List| {
            config
                .categories
                .iter()
                .position(|c| locale::slugify(c) == list.slug)
        };
        categories.sort_by(
            |&a, &b| match (configured(&lists[a]), configured(&lists[b])) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => collator.compare(&lists[a].name, &lists[b].name),
            },
        );

        let years = archive_lists(&articles, &mut lists);
        let related = related(&articles, &lists, &province_lists);

        let index = Index {
            articles,
            pages,
            lists,
            regions,
            provinces_az,
            tags,
            categories,
            years,
            province_lists,
            related,
            held_back,
            from_content,
            albums,
            documents,
            citations,
        };
        problems.extend(index.check_menu(config));
        (index, problems)
    }

    /// The list page of a province, if it has one.
    pub fn province_list(&self, id: ProvinceId) -> Option<&List> {
        self.province_lists.get(&id).map(|&i| &self.lists[i])
    }

    /// Every internal menu and sidebar link must lead to a page this build writes.
    fn check_menu(&self, config: &Config) -> Vec<Problem> {
        let mut problems = Vec::new();
        for item in config.menu.iter().chain(&config.links) {
            if item.is_external() {
                continue;
            }
            let path = item.url.split(['#', '?']).next().unwrap_or("");
            let path = path.trim_matches('/');
            let exists = path.is_empty()
                || [
                    route::PROVINCES,
                    route::TAGS,
                    route::CATEGORIES,
                    route::ARCHIVE,
                ]
                .iter()
                .any(|index| index.trim_end_matches('/') == path)
                || self.pages.iter().any(|p| p.path == path)
                || (path == ALBUMS_DIR && !self.albums.is_empty())
                || (path == DOCUMENTS_DIR && !self.documents.all.is_empty())
                || self
                    .lists
                    .iter()
                    .any(|l| l.path.trim_end_matches('/') == path)
                || self
                    .articles
                    .iter()
                    .any(|a| a.path.trim_end_matches('/') == path);
            if !exists {
                let pages: Vec<String> =
                    self.pages.iter().map(|p| format!("/{}/", p.path)).collect();
                let help = if pages.is_empty() {
                    msg!("content-menu-missing-page-help")
                } else {
                    msg!(
                        "content-menu-missing-page-help-pages",
                        pages = pages.join(", ")
                    )
                };
                problems.push(
                    Problem::error(
                        "config::menu-missing-page",
                        msg!("content-menu-missing-page", url = &item.url),
                    )
                    .at(&config.source, item.span.clone())
                    .label(msg!("content-menu-missing-page-label"))
                    .help(help),
                );
            }
        }
        problems
    }
}

/// The URL segment of a province's page: its slug, or its unique key where a former unit shares
/// its slug with the current one (An Giang before and after 2025).
pub fn province_path_slug(provinces: &Provinces, id: ProvinceId) -> &str {
    let p = provinces.get(id);
    match provinces.by_slug(p.slug()) {
        Some(owner) if owner.id() != id => p.key(),
        _ => p.slug(),
    }
}

/// One list per province with articles; a current unit's list also carries the articles of the
/// units merged into it (unless site.toml turns that off). Grouped by region for /tinh/.
fn province_lists(
    config: &Config,
    provinces: &Provinces,
    articles: &[Arc<Article>],
    collator: &Collator,
    lists: &mut Vec<List>,
) -> (HashMap<ProvinceId, usize>, Vec<RegionGroup>) {
    let mut own: BTreeMap<ProvinceId, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        own.entry(a.province).or_default().push(i);
    }
    let mut listed = own.clone();
    if config.include_merged {
        for (&id, items) in &own {
            let current = provinces.current_of(provinces.get(id)).id();
            if current != id {
                listed.entry(current).or_default().extend(items);
            }
        }
        for items in listed.values_mut() {
            // Indexes follow the articles' order (newest first).
            items.sort_unstable();
            items.dedup();
        }
    }
    let mut by_id = HashMap::new();
    for (id, items) in listed {
        let p = provinces.get(id);
        let slug = province_path_slug(provinces, id).to_string();
        by_id.insert(id, lists.len());
        lists.push(List {
            kind: ListKind::Province(id),
            name: p.display_name().to_string(),
            path: route::province(&slug),
            slug,
            articles: items,
        });
    }
    let mut regions = Vec::new();
    for region in provinces.regions() {
        let mut members: Vec<usize> = by_id
            .iter()
            .filter(|(id, _)| provinces.get(**id).region().slug() == region.slug())
            .map(|(_, &list)| list)
            .collect();
        if members.is_empty() {
            continue;
        }
        sort_provinces(&mut members, lists, provinces, collator);
        regions.push(RegionGroup {
            name: region.name().to_string(),
            slug: region.slug().to_string(),
            lists: members,
        });
    }
    (by_id, regions)
}

/// Province lists in Vietnamese order of their names without "TP." ("TP. Hồ Chí Minh" under H).
/// A current unit comes before a former one of the same name (Lào Cai now, then Lào Cai before
/// 2025); the registry's unique key settles anything else, so the order never depends on how the
/// lists were gathered.
fn sort_provinces(items: &mut [usize], lists: &[List], provinces: &Provinces, collator: &Collator) {
    let unit = |i: usize| match lists[i].kind {
        ListKind::Province(id) => Some(provinces.get(id)),
        _ => None,
    };
    let name = |i: usize| unit(i).map_or(lists[i].name.as_str(), |p| p.name());
    items.sort_by(|&a, &b| {
        collator
            .compare(name(a), name(b))
            .then_with(|| {
                let current = |i| unit(i).is_some_and(|p| p.is_current());
                current(b).cmp(&current(a))
            })
            .then_with(|| unit(a).map(|p| p.key()).cmp(&unit(b).map(|p| p.key())))
    });
}

/// A tag or category as written in the articles: every spelling seen for one slug, with where.
struct Term<'a> {
    slug: String,
    /// (spelling, first article that uses it, where it is written there, how many use it)
    spellings: Vec<(&'a str, usize, Range<usize>, usize)>,
    articles: Vec<usize>,
}

fn terms<'a>(
    articles: &'a [Arc<Article>],
    names: impl Fn(&'a Arc<Article>) -> Vec<(&'a str, Range<usize>)>,
) -> Vec<Term<'a>> {
    let mut by_slug: BTreeMap<String, Term<'a>> = BTreeMap::new();
    for (i, article) in articles.iter().enumerate() {
        for (name, span) in names(article) {
            let slug = locale::slugify(name);
            if slug.is_empty() {
                continue;
            }
            let term = by_slug.entry(slug.clone()).or_insert_with(|| Term {
                slug,
                spellings: Vec::new(),
                articles: Vec::new(),
            });
            match term.spellings.iter_mut().find(|(s, ..)| *s == name) {
                Some(spelling) => spelling.3 += 1,
                None => term.spellings.push((name, i, span, 1)),
            }
            if term.articles.last() != Some(&i) {
                term.articles.push(i);
            }
        }
    }
    by_slug.into_values().collect()
}

/// Spellings that differ only in letter case are one name; any other two names on one slug
/// ("Hội nghị" and "Hoi nghi") would share a page, so they are an error naming both. `kind` is
/// `tag` or `category`.
fn check_terms<'a>(
    articles: &[Arc<Article>],
    terms: Vec<Term<'a>>,
    kind: &str,
) -> (Vec<Term<'a>>, Vec<Problem>) {
    let mut problems = Vec::new();
    for term in &terms {
        let Some((first, first_article, ..)) = term.spellings.first() else {
            continue;
        };
        for (name, article, span, _) in &term.spellings[1..] {
            if name.to_lowercase() == first.to_lowercase() {
                continue;
            }
            let file = &articles[*article].file;
            let first_file = &articles[*first_article].file;
            problems.push(
                Problem::error(
                    "content::name-collision",
                    msg!(
                        "content-name-collision",
                        kind = kind,
                        first = *first,
                        first_file = &first_file.path,
                        second = *name,
                        second_file = &file.path,
                        slug = &term.slug
                    ),
                )
                .at(file, span.clone())
                .label(msg!("content-name-collision-label", first = *first))
                .help(msg!(
                    "content-name-collision-help",
                    kind = kind,
                    first = *first
                )),
            );
        }
    }
    (terms, problems)
}

/// Of the spellings of one name (differing in case only), the one most articles use; on a tie
/// the one with more capitals ("Hữu nghị Việt – Nhật" over "hữu nghị việt – nhật"), then the newest.
fn display_spelling<'a>(spellings: &[(&'a str, usize, Range<usize>, usize)]) -> &'a str {
    spellings
        .iter()
        .max_by_key(|(name, first, _, count)| {
            (
                *count,
                name.chars().filter(|c| c.is_uppercase()).count(),
                std::cmp::Reverse(*first),
            )
        })
        .map_or("", |(name, ..)| name)
}

/// Adds one list per term at the address `path` gives its slug; returns their indexes.
fn push_terms(
    lists: &mut Vec<List>,
    terms: Vec<Term<'_>>,
    kind: ListKind,
    path: fn(&str) -> String,
) -> Vec<usize> {
    terms
        .into_iter()
        .map(|term| {
            lists.push(List {
                kind,
                name: display_spelling(&term.spellings).to_string(),
                path: path(&term.slug),
                slug: term.slug,
                articles: term.articles,
            });
            lists.len() - 1
        })
        .collect()
}

/// Year and month lists, by the date in the site's timezone (dates are kept in its offset).
fn archive_lists(articles: &[Arc<Article>], lists: &mut Vec<List>) -> Vec<YearGroup> {
    let mut years: BTreeMap<i32, BTreeMap<u32, Vec<usize>>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        years
            .entry(a.date.year())
            .or_default()
            .entry(a.date.month())
            .or_default()
            .push(i);
    }
    let mut groups = Vec::new();
    for (year, months) in years.into_iter().rev() {
        let mut all: Vec<usize> = months.values().flatten().copied().collect();
        all.sort_unstable();
        let year_list = lists.len();
        lists.push(List {
            kind: ListKind::Year(year),
            name: year.to_string(),
            slug: year.to_string(),
            path: route::year(year),
            articles: all,
        });
        let mut month_lists = Vec::new();
        for (month, items) in months.into_iter().rev() {
            month_lists.push(lists.len());
            lists.push(List {
                kind: ListKind::Month(year, month),
                name: format!("tháng {month}/{year}"),
                slug: format!("{month:02}"),
                path: route::month(year, month),
                articles: items,
            });
        }
        groups.push(YearGroup {
            list: year_list,
            months: month_lists,
        });
    }
    groups
}

/// For each article, the articles sharing most of its tags and its province, recent first.
/// Candidates come only from a window around the article on each of its tags' and its province's
/// timelines, so the work per article is bounded and the whole stays linear in the articles.
fn related(
    articles: &[Arc<Article>],
    lists: &[List],
    province_lists: &HashMap<ProvinceId, usize>,
) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    // Each article's tag lists, gathered from the lists themselves (no slugs to recompute).
    let mut tag_lists: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for (l, list) in lists.iter().enumerate() {
        if list.kind == ListKind::Tag {
            for &i in &list.articles {
                tag_lists[i].push(l);
            }
        }
    }
    (0..articles.len())
        .into_par_iter()
        .map(|i| {
            // (candidate, weight) pairs; summed after a sort, which beats a map for these sizes.
            let mut candidates: Vec<(usize, u32)> = Vec::new();
            let mut consider = |list: &List, weight: u32| {
                let at = list.articles.binary_search(&i).unwrap_or_else(|e| e);
                let from = at.saturating_sub(RELATED_WINDOW);
                let to = (at + RELATED_WINDOW + 1).min(list.articles.len());
                candidates.extend(
                    list.articles[from..to]
                        .iter()
                        .filter(|&&j| j != i)
                        .map(|&j| (j, weight)),
                );
            };
            for &l in &tag_lists[i] {
                consider(&lists[l], 2);
            }
            if let Some(&l) = province_lists.get(&articles[i].province) {
                consider(&lists[l], 1);
            }
            candidates.sort_unstable_by_key(|&(j, _)| j);
            let mut scored: Vec<(usize, u32)> = Vec::with_capacity(candidates.len());
            for (j, weight) in candidates {
                match scored.last_mut() {
                    Some((last, score)) if *last == j => *score += weight,
                    _ => scored.push((j, weight)),
                }
            }
            // Higher score first, then the more recent (smaller index) article.
            scored.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            scored.into_iter().take(RELATED).map(|(j, _)| j).collect()
        })
        .collect()
}

/// An article dated after its province stopped existing (merged on 01/07/2025, or renamed) still
/// builds, with a warning naming the unit it belongs to now.
pub fn merger_warnings(articles: &[Arc<Article>], provinces: &Provinces) -> Vec<Problem> {
    articles
        .iter()
        .filter_map(|a| {
            let span = a.province_span.clone().unwrap_or(0..0);
            former_province(provinces, &a.file, span, a.province, a.date)
        })
        .collect()
}

/// The same for albums: a former province named by an album dated after the merger.
fn album_merger_warnings(albums: &[Arc<Album>], provinces: &Provinces) -> Vec<Problem> {
    albums
        .iter()
        .filter_map(|a| {
            let span = a.province_span.clone().unwrap_or(0..0);
            former_province(provinces, &a.file, span, a.province?, a.date)
        })
        .collect()
}

/// The warning for a file dated `date` that names `province`, if the province had merged into
/// another by then.
fn former_province(
    provinces: &Provinces,
    file: &SourceFile,
    span: Range<usize>,
    province: ProvinceId,
    date: DateTime<FixedOffset>,
) -> Option<Problem> {
    let p = provinces.get(province);
    let until = p.valid_until()?;
    if date.date_naive() <= until {
        return None;
    }
    let current = provinces.current_of(p);
    let since = until.succ_opt().unwrap_or(until).format("%d/%m/%Y");
    Some(
        Problem::warning(
            "content::former-province",
            msg!(
                "content-former-province",
                province = p.display_name(),
                current = current.display_name(),
                since = since.to_string(),
                date = date.format("%d/%m/%Y").to_string()
            ),
        )
        .at(file, span)
        .label(msg!(
            "content-former-province-label",
            current = current.display_name()
        ))
        .help(msg!(
            "content-former-province-help",
            since = since.to_string(),
            current = current.display_name(),
            province = p.display_name()
        )),
    )
}

/// Every `album:` of an article names a published album.
fn check_album_links(articles: &[Arc<Article>], albums: &[Arc<Album>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for article in articles {
        let Some((slug, span)) = &article.album else {
            continue;
        };
        if albums.iter().any(|a| &a.slug == slug) {
            continue;
        }
        let problem = Problem::error(
            "content::unknown-album",
            msg!("content-unknown-album", slug = slug.as_str()),
        )
        .at(&article.file, span.clone());
        problems.push(
            match crate::problem::did_you_mean(slug, albums.iter().map(|a| a.slug.as_str())) {
                Some(s) => problem
                    .label(msg!("content-did-you-mean", suggestion = s))
                    .help(msg!("content-unknown-album-help")),
                None => problem.help(msg!("content-unknown-album-help")),
            },
        );
    }
    problems
}

/// Two articles, or two pages, or an article and a page (or two albums), that would share an
/// address; or one that would take an address bantin uses itself.
fn check_collisions(
    articles: &[Arc<Article>],
    pages: &[Page],
    albums: &[Arc<Album>],
    documents: &[Arc<Document>],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Every claimed address with who claims it; reported in file order so messages are stable.
    let mut claims: Vec<(String, &SourceFile, &Range<usize>, Message)> = Vec::new();
    for article in articles.iter().filter(|a| !a.path.is_empty()) {
        if let Some(what) = route::reserved(&article.path) {
            problems.push(
                Problem::error(
                    "content::reserved-url",
                    msg!(
                        "content-reserved-article",
                        file = &article.file.path,
                        path = &article.path,
                        what = what
                    ),
                )
                .at(&article.file, article.slug_span.clone())
                .label(msg!("content-reserved-article-label"))
                .help(msg!("content-reserved-article-help")),
            );
            continue;
        }
        let help = msg!("content-duplicate-articles-help");
        claims.push((
            article.path.clone(),
            &article.file,
            &article.slug_span,
            help,
        ));
    }
    for page in pages {
        let first_segment = page.path.split('/').next().unwrap_or("");
        let reserved = route::reserved(&route::page(&page.path))
            .map(Message::from)
            .or_else(|| (first_segment == ARTICLES_DIR).then(|| msg!("content-reserved-articles")));
        if let Some(what) = reserved {
            problems.push(
                Problem::error(
                    "content::reserved-url",
                    msg!(
                        "content-reserved-page",
                        file = &page.file.path,
                        path = &page.path,
                        what = what
                    ),
                )
                .at(&page.file, page.path_span.clone())
                .help(msg!("content-reserved-page-help", folder = ARTICLES_DIR)),
            );
            continue;
        }
        let help = msg!("content-duplicate-pages-help");
        claims.push((route::page(&page.path), &page.file, &page.path_span, help));
    }
    for album in albums {
        let help = msg!("content-duplicate-albums-help");
        claims.push((album.path.clone(), &album.file, &album.slug_span, help));
    }
    // Two documents with one number are reported as such (`documents::check_numbers`), not as
    // one address twice.
    let mut numbers = std::collections::HashSet::new();
    for document in documents {
        if !numbers.insert(document.key.as_str()) {
            continue;
        }
        let first = document.slug.as_str();
        if route::DOCUMENT_LIST_ROOTS.contains(&first) {
            problems.push(
                Problem::error(
                    "content::reserved-url",
                    msg!(
                        "content-reserved-article",
                        file = &document.file.path,
                        path = &document.path,
                        what = msg!("content-reserved-documents")
                    ),
                )
                .at(&document.file, document.slug_span.clone())
                .label(msg!("content-reserved-article-label"))
                .help(msg!("content-duplicate-documents-help")),
            );
            continue;
        }
        let help = msg!("content-duplicate-documents-help");
        claims.push((
            document.path.clone(),
            &document.file,
            &document.slug_span,
            help,
        ));
    }
    claims.sort_by(|a, b| a.1.path.cmp(&b.1.path));
    let mut seen: HashMap<&str, &SourceFile> = HashMap::new();
    for (path, file, span, help) in &claims {
        match seen.get(path.as_str()) {
            Some(first) => problems.push(
                Problem::error(
                    "content::duplicate-url",
                    msg!(
                        "content-duplicate-url",
                        first = &first.path,
                        second = &file.path,
                        path = path
                    ),
                )
                .at(file, (*span).clone())
                .label(msg!("content-duplicate-url-label", first = &first.path))
                .help(help.clone()),
            ),
            None => {
                seen.insert(path, file);
            }
        }
    }
    problems
}
