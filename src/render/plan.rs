//! Takes the index and gives every page of the site as a `Job`, resolved once: its address and a
//! `View` naming exactly what it shows — which articles (hot news, page 3 of a list, the related
//! ones, the older and newer neighbours), which lists, which page of how many. Rendering reads
//! only the view, and a view's hash covers what it shows: each `ArticleRef` and `ListRef` carries
//! a stamp of its article's source or its list's name, address and size. So the fingerprint of a
//! page (`Plan::fingerprint`) is the hash of its view, and a page whose fingerprint is unchanged
//! renders to the same bytes — by construction, with no second copy of the render logic to keep
//! in step.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::config::Config;
use crate::model::{Index, List, ListKind, paginate};
use crate::problem::SourceFile;
use crate::route;

/// Hot news on the home page.
pub const FEATURED_ON_HOME: usize = 5;
/// Articles per category block on the home page.
pub const PER_CATEGORY_BLOCK: usize = 4;
/// The "Tin mới" box beside every page.
pub const SIDEBAR_LATEST: usize = 6;
/// The newest articles a document's page lists among those citing it; the rest are a search
/// away (a decree can be cited by hundreds).
pub const CITING_ON_DOCUMENT: usize = 20;
/// The "Văn bản mới" box beside every page.
pub const SIDEBAR_DOCUMENTS: usize = 5;

/// An article a list shows (or the sidebar, "Tin liên quan", the neighbours): its place in
/// `Index::articles` and a stamp of what lists show of it (`content::Shown`; the settings are
/// hashed once per build).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleRef {
    pub index: usize,
    stamp: u64,
}

/// The article of an article page: a stamp of its whole source and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FullRef {
    pub index: usize,
    stamp: u64,
}

/// A list a page shows or links to: its place in `Index::lists` and a stamp of its kind, name,
/// address and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListRef {
    pub index: usize,
    stamp: u64,
}

/// A standalone page and the stamp of its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRef {
    pub index: usize,
    stamp: u64,
}

/// A photo album and a stamp of its source, its photos and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlbumRef {
    pub index: usize,
    stamp: u64,
}

// A reference hashes as its stamp alone: what is shown, not where it sits in the index. An
// article or list moving in the index (a new article before it, a new tag sorted before it)
// changes no page that shows it; the stamps tell them apart, as each holds its address.
macro_rules! hash_by_stamp {
    ($($name:ident),*) => {$(
        impl Hash for $name {
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.stamp.hash(state);
            }
        }
    )*};
}
/// A document and a stamp of its source, its files and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentRef {
    pub index: usize,
    stamp: u64,
}

/// A list of the documents library (all, a kind, a year, an issuer): its place in
/// `Documents::lists` and a stamp of its name, address and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentListRef {
    pub index: usize,
    stamp: u64,
}

hash_by_stamp!(
    ArticleRef,
    FullRef,
    ListRef,
    PageRef,
    AlbumRef,
    DocumentRef,
    DocumentListRef
);

/// Page `current` of `total` of the list at `list` (an address).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pager {
    pub list: String,
    pub current: usize,
    pub total: usize,
}

/// A block of the home page: a category and its newest articles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Block {
    pub list: ListRef,
    pub articles: Vec<ArticleRef>,
}

/// A region of the province index and its provinces' lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Region {
    pub name: String,
    pub slug: String,
    pub lists: Vec<ListRef>,
}

/// A year of the archive index and its months.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Year {
    pub year: i32,
    pub list: ListRef,
    pub months: Vec<(u32, ListRef)>,
}

/// What one page shows, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum View {
    /// Page 1 of the home list, with hot news and category blocks.
    Home {
        featured: Vec<ArticleRef>,
        latest: Vec<ArticleRef>,
        pager: Pager,
        blocks: Vec<Block>,
        /// Whether the site has old addresses with a query string (`/?p=123`): then the page
        /// follows the redirect map.
        redirect_map: bool,
    },
    /// A page of a list; a month's list also names its year's.
    List {
        list: ListRef,
        articles: Vec<ArticleRef>,
        pager: Pager,
        year: Option<ListRef>,
    },
    /// An article with its related articles and its neighbours in time.
    Article {
        article: FullRef,
        related: Vec<ArticleRef>,
        older: Option<ArticleRef>,
        newer: Option<ArticleRef>,
        /// The album its `album:` names, shown after the body.
        album: Option<AlbumRef>,
        /// The documents its body cites that the library holds (linked from the body).
        documents: Vec<DocumentRef>,
    },
    Page(PageRef),
    /// A photo album's page.
    Album(AlbumRef),
    /// A page of the albums' index ("Thư viện ảnh").
    Albums {
        albums: Vec<AlbumRef>,
        pager: Pager,
    },
    /// A document's page, with the documents its `replaced_by:` and `amended_by:` name when
    /// the library has them.
    Document {
        document: DocumentRef,
        replaced_by: Option<DocumentRef>,
        amended_by: Option<DocumentRef>,
        /// The newest articles citing it (at most `CITING_ON_DOCUMENT`), and how many do.
        citing: Vec<ArticleRef>,
        citing_total: usize,
        /// The documents its notes cite that the library holds (linked from the notes).
        documents: Vec<DocumentRef>,
    },
    /// A page of a list of documents, with every list to move between (kinds, years, issuers).
    Documents {
        list: DocumentListRef,
        documents: Vec<DocumentRef>,
        pager: Pager,
        lists: Vec<DocumentListRef>,
    },
    Provinces {
        regions: Vec<Region>,
        all: Vec<ListRef>,
    },
    Tags(Vec<ListRef>),
    Categories(Vec<ListRef>),
    Archive(Vec<Year>),
    /// The search page: its filters (the provinces with articles, and every year the search
    /// index holds, newest first: the archive's and the documents' — a year of documents only,
    /// say 2013, has no archive page but is in the index).
    Search {
        provinces: Vec<ListRef>,
        years: Vec<i32>,
    },
    /// The page a host serves for an address the site lacks; `redirect_map` as on the home page.
    NotFound {
        redirect_map: bool,
    },
}

impl View {
    /// The theme's template for this kind of page.
    pub fn template(&self) -> &'static str {
        match self {
            View::Home { .. } => "index.html",
            View::List { .. } => "list.html",
            View::Article { .. } => "article.html",
            View::Page(_) => "page.html",
            View::Album(_) => "album.html",
            View::Albums { .. } => "albums.html",
            View::Document { .. } => "document.html",
            View::Documents { .. } => "documents.html",
            View::Provinces { .. } => "provinces.html",
            View::Tags(_) => "tags.html",
            View::Categories(_) => "categories.html",
            View::Archive(_) => "archive.html",
            View::Search { .. } => "search.html",
            View::NotFound { .. } => "404.html",
        }
    }
}

/// One page to render: where it goes and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Job {
    /// Its address below the site root (`route`).
    pub path: String,
    pub view: View,
}

/// A list's RSS and Atom feeds, resolved like a page: the list and the articles they carry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FeedJob {
    pub list: ListRef,
    /// The newest `[feeds] limit` articles of the list (feeds may carry their whole text).
    pub articles: Vec<FullRef>,
    /// The documents their bodies link.
    pub documents: Vec<DocumentRef>,
}

/// Every page of the site, and what every page shows beside its own content (the sidebar).
#[derive(Debug, Clone)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// The feeds of every list that has them.
    pub feeds: Vec<FeedJob>,
    /// The albums' feeds (`thu-vien-anh/rss.xml`, `atom.xml`): the newest `[feeds] limit`
    /// albums; empty when the site has none.
    pub album_feed: Vec<AlbumRef>,
    /// The documents' feeds (`van-ban/rss.xml`, `atom.xml`): the newest `[feeds] limit`
    /// documents; empty when the site has none.
    pub document_feed: Vec<DocumentRef>,
    /// The hash of the settings (site.toml as written, and the base URL in use).
    settings: u64,
    /// The sidebar's newest articles, on every page.
    pub sidebar: Vec<ArticleRef>,
    /// The sidebar's newest documents ("Văn bản mới"), on every page.
    pub sidebar_documents: Vec<DocumentRef>,
    /// The hash of what every page depends on: the settings, which provinces have a list (pages
    /// link to them), the sidebar.
    global: u64,
}

/// The theme's templates hashed: each page template's own text with the shared ones (the base
/// template, partials) it may include.
pub struct TemplateStamps(BTreeMap<String, u64>);

impl TemplateStamps {
    pub fn new(templates: &BTreeMap<String, SourceFile>, page_templates: &[&str]) -> Self {
        let shared = hash_of(
            templates
                .iter()
                .filter(|(name, _)| !page_templates.contains(&name.as_str()))
                .map(|(name, file)| (name, &*file.text))
                .collect::<Vec<_>>(),
        );
        TemplateStamps(
            page_templates
                .iter()
                .map(|&name| {
                    let own = templates.get(name).map(|f| &*f.text);
                    (name.to_string(), hash_of((shared, own)))
                })
                .collect(),
        )
    }
}

impl Plan {
    /// The fingerprint of a job's page: equal fingerprints, equal pages.
    pub fn fingerprint(&self, job: &Job, templates: &TemplateStamps) -> u64 {
        hash_of((self.global, templates.0.get(job.view.template()), job))
    }

    /// The fingerprint of a list's feeds: equal fingerprints, equal feeds.
    pub fn feed_fingerprint(&self, feed: &FeedJob) -> u64 {
        hash_of((self.settings, feed))
    }
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Resolves references into the index, stamping each with what it shows. The stamps are made
/// once per article and list, however many pages show them.
struct Resolver<'a> {
    /// Its articles' stamps were made when each file was read (`content::Stamps`).
    index: &'a Index,
    lists: Vec<u64>,
}

impl<'a> Resolver<'a> {
    fn new(index: &'a Index) -> Self {
        use rayon::prelude::*;
        let lists = index
            .lists
            .par_iter()
            .map(|l| hash_of((l.kind, &l.name, &l.slug, &l.path, l.articles.len())))
            .collect();
        Resolver { index, lists }
    }

    fn article(&self, index: usize) -> ArticleRef {
        ArticleRef {
            index,
            stamp: self.index.articles[index].stamps.shown,
        }
    }

    fn full(&self, index: usize) -> FullRef {
        FullRef {
            index,
            stamp: self.index.articles[index].stamps.full,
        }
    }

    fn album(&self, index: usize) -> AlbumRef {
        let album = &self.index.albums[index];
        // Its tags link to their lists only where articles have them.
        let listed: Vec<bool> = album
            .tags
            .iter()
            .map(|t| {
                let slug = crate::locale::slugify(t);
                self.index
                    .tags
                    .iter()
                    .any(|&l| self.index.lists[l].slug == slug)
            })
            .collect();
        // And its text links the documents it cites, as the library has them now.
        let cited = self.documents(&self.index.citations.of_album(index));
        AlbumRef {
            index,
            stamp: hash_of((album.source_hash, &album.path, listed, cited)),
        }
    }

    fn document(&self, index: usize) -> DocumentRef {
        let document = &self.index.documents.all[index];
        DocumentRef {
            index,
            stamp: hash_of((document.source_hash, &document.path)),
        }
    }

    fn documents(&self, items: &[usize]) -> Vec<DocumentRef> {
        items.iter().map(|&d| self.document(d)).collect()
    }

    fn document_list(&self, index: usize) -> DocumentListRef {
        let list = &self.index.documents.lists[index];
        DocumentListRef {
            index,
            stamp: hash_of((list.kind, &list.name, &list.path, list.documents.len())),
        }
    }

    fn articles(&self, items: &[usize]) -> Vec<ArticleRef> {
        items.iter().map(|&i| self.article(i)).collect()
    }

    fn list(&self, index: usize) -> ListRef {
        ListRef {
            index,
            stamp: self.lists[index],
        }
    }

    fn lists(&self, items: &[usize]) -> Vec<ListRef> {
        items.iter().map(|&l| self.list(l)).collect()
    }

    fn pager(&self, config: &Config, list: &List, current: usize) -> Pager {
        Pager {
            list: list.path.clone(),
            current,
            total: paginate::page_count(list.articles.len(), config.page_size),
        }
    }

    /// The articles on page `page` of `list`.
    fn page_of(&self, config: &Config, list: &List, page: usize) -> Vec<ArticleRef> {
        let range = paginate::page_range(list.articles.len(), config.page_size, page);
        self.articles(&list.articles[range])
    }
}

/// Whether any old address of the site (`[redirects]`, an article's or page's `aliases:`) has
/// a query string, so that the redirect map is written and the home and 404 pages follow it.
pub fn has_query_redirects(config: &Config, index: &Index) -> bool {
    let query = |written: &String| route::query_alias(written).is_some();
    config.redirects.iter().any(|r| query(&r.from))
        || index.articles.iter().any(|a| a.aliases.iter().any(query))
        || index.pages.iter().any(|p| p.aliases.iter().any(query))
}

/// Every page of the site in a stable order (no empty pages, no second first page), each
/// resolved into what it shows.
pub fn plan(config: &Config, index: &Index) -> Plan {
    let r = Resolver::new(index);
    let home = &index.lists[0];
    let mut jobs = Vec::new();
    let redirect_map = has_query_redirects(config, index);

    let featured: Vec<usize> = (0..index.articles.len())
        .filter(|&i| index.articles[i].featured)
        .take(FEATURED_ON_HOME)
        .collect();
    jobs.push(Job {
        path: String::new(),
        view: View::Home {
            featured: r.articles(&featured),
            latest: r.page_of(config, home, 1),
            pager: r.pager(config, home, 1),
            blocks: index
                .categories
                .iter()
                .map(|&c| {
                    let list = &index.lists[c];
                    Block {
                        list: r.list(c),
                        articles: r.articles(
                            &list.articles[..list.articles.len().min(PER_CATEGORY_BLOCK)],
                        ),
                    }
                })
                .collect(),
            redirect_map,
        },
    });
    jobs.push(Job {
        path: route::NOT_FOUND.to_string(),
        view: View::NotFound { redirect_map },
    });
    jobs.push(Job {
        path: route::PROVINCES.to_string(),
        view: View::Provinces {
            regions: index
                .regions
                .iter()
                .map(|g| Region {
                    name: g.name.clone(),
                    slug: g.slug.clone(),
                    lists: r.lists(&g.lists),
                })
                .collect(),
            all: r.lists(&index.provinces_az),
        },
    });
    jobs.push(Job {
        path: route::TAGS.to_string(),
        view: View::Tags(r.lists(&index.tags)),
    });
    jobs.push(Job {
        path: route::CATEGORIES.to_string(),
        view: View::Categories(r.lists(&index.categories)),
    });
    let years: Vec<Year> = index
        .years
        .iter()
        .filter_map(|y| {
            let ListKind::Year(year) = index.lists[y.list].kind else {
                return None;
            };
            Some(Year {
                year,
                list: r.list(y.list),
                months: y
                    .months
                    .iter()
                    .filter_map(|&m| match index.lists[m].kind {
                        ListKind::Month(_, month) => Some((month, r.list(m))),
                        _ => None,
                    })
                    .collect(),
            })
        })
        .collect();
    let mut search_years: Vec<i32> = years
        .iter()
        .map(|y| y.year)
        .chain(
            index
                .documents
                .all
                .iter()
                .map(|d| chrono::Datelike::year(&d.issued)),
        )
        .collect();
    search_years.sort_unstable_by(|a, b| b.cmp(a));
    search_years.dedup();
    jobs.push(Job {
        path: route::ARCHIVE.to_string(),
        view: View::Archive(years),
    });
    jobs.push(Job {
        path: route::SEARCH_PAGE.to_string(),
        view: View::Search {
            provinces: r.lists(&index.provinces_az),
            years: search_years,
        },
    });

    for (l, list) in index.lists.iter().enumerate() {
        let pages = paginate::page_count(list.articles.len(), config.page_size);
        let first = if list.kind == ListKind::Home { 2 } else { 1 };
        let year = match list.kind {
            ListKind::Month(year, _) => index
                .years
                .iter()
                .find(|y| index.lists[y.list].kind == ListKind::Year(year))
                .map(|y| r.list(y.list)),
            _ => None,
        };
        for page in first..=pages {
            jobs.push(Job {
                path: route::list_page(&list.path, page),
                view: View::List {
                    list: r.list(l),
                    articles: r.page_of(config, list, page),
                    pager: r.pager(config, list, page),
                    year,
                },
            });
        }
    }
    let count = index.articles.len();
    for (i, article) in index.articles.iter().enumerate() {
        jobs.push(Job {
            path: article.path.clone(),
            view: View::Article {
                article: r.full(i),
                related: r.articles(&index.related[i]),
                // Newest first: the older article follows, the newer one precedes.
                older: (i + 1 < count).then(|| r.article(i + 1)),
                newer: i.checked_sub(1).map(|j| r.article(j)),
                album: article
                    .album
                    .as_ref()
                    .and_then(|(slug, _)| index.album(slug))
                    .map(|a| r.album(a)),
                documents: r.documents(&index.citations.of_article(i)),
            },
        });
    }
    let albums = index.albums.len();
    if albums > 0 {
        let total = paginate::page_count(albums, config.page_size);
        for page in 1..=total {
            let range = paginate::page_range(albums, config.page_size, page);
            jobs.push(Job {
                path: route::list_page(route::ALBUMS, page),
                view: View::Albums {
                    albums: range.map(|a| r.album(a)).collect(),
                    pager: Pager {
                        list: route::ALBUMS.to_string(),
                        current: page,
                        total,
                    },
                },
            });
        }
    }
    for a in 0..albums {
        jobs.push(Job {
            path: index.albums[a].path.clone(),
            view: View::Album(r.album(a)),
        });
    }
    let album_feed = (0..albums.min(config.feeds.limit))
        .map(|a| r.album(a))
        .collect();
    let documents = &index.documents;
    let document_lists: Vec<DocumentListRef> = (0..documents.lists.len())
        .map(|l| r.document_list(l))
        .collect();
    for (l, list) in documents.lists.iter().enumerate() {
        let count = list.documents.len();
        let total = paginate::page_count(count, config.page_size);
        for page in 1..=total {
            let range = paginate::page_range(count, config.page_size, page);
            jobs.push(Job {
                path: route::list_page(&list.path, page),
                view: View::Documents {
                    list: document_lists[l],
                    documents: list.documents[range]
                        .iter()
                        .map(|&d| r.document(d))
                        .collect(),
                    pager: Pager {
                        list: list.path.clone(),
                        current: page,
                        total,
                    },
                    lists: document_lists.clone(),
                },
            });
        }
    }
    let linked = |number: &Option<(String, std::ops::Range<usize>)>| {
        number
            .as_ref()
            .and_then(|(n, _)| documents.by_number(n))
            .map(|d| r.document(d))
    };
    for (d, document) in documents.all.iter().enumerate() {
        jobs.push(Job {
            path: document.path.clone(),
            view: View::Document {
                document: r.document(d),
                replaced_by: linked(&document.replaced_by),
                amended_by: linked(&document.amended_by),
                citing: r.articles(
                    &index.citations.cited_by[d]
                        [..index.citations.cited_by[d].len().min(CITING_ON_DOCUMENT)],
                ),
                citing_total: index.citations.cited_by[d].len(),
                documents: r.documents(&index.citations.of_document(d)),
            },
        });
    }
    let document_feed = documents
        .latest(config.feeds.limit)
        .map(|d| r.document(d))
        .collect();
    for (i, page) in index.pages.iter().enumerate() {
        jobs.push(Job {
            path: route::page(&page.path),
            // What its body links: the documents it cites, as the library has them now.
            view: View::Page(PageRef {
                index: i,
                stamp: hash_of((page.source_hash, r.documents(&index.citations.of_page(i)))),
            }),
        });
    }

    let feeds = index
        .lists
        .iter()
        .enumerate()
        .filter(|(_, list)| list.has_feed())
        .map(|(l, list)| FeedJob {
            list: r.list(l),
            articles: list
                .articles
                .iter()
                .take(config.feeds.limit)
                .map(|&i| r.full(i))
                .collect(),
            documents: list
                .articles
                .iter()
                .take(config.feeds.limit)
                .flat_map(|&i| r.documents(&index.citations.of_article(i)))
                .collect(),
        })
        .collect();

    let sidebar = r.articles(&(0..count.min(SIDEBAR_LATEST)).collect::<Vec<_>>());
    // The settings as written, plus what the command line changed.
    let settings = hash_of((&*config.source.text, &config.base_url));
    let mut h = DefaultHasher::new();
    settings.hash(&mut h);
    // The one thing a page reads of the index outside its view: which provinces have a list of
    // their own (`Site::province_url` links a province's name only then), on every page that
    // names a province. Which tags, categories or pages exist changes no other page.
    let mut provinces: Vec<_> = index.province_lists.keys().collect();
    provinces.sort_unstable();
    provinces.hash(&mut h);
    sidebar.hash(&mut h);
    let sidebar_documents: Vec<DocumentRef> = documents
        .latest(SIDEBAR_DOCUMENTS)
        .map(|d| r.document(d))
        .collect();
    sidebar_documents.hash(&mut h);
    Plan {
        jobs,
        feeds,
        album_feed,
        document_feed,
        settings,
        sidebar,
        sidebar_documents,
        global: h.finish(),
    }
}
