//! Takes the index and the theme and gives the site's pages: `plan` resolves every page into a
//! `Job` (its address and exactly what it shows), `Renderer::run_into` renders the jobs on all
//! cores with Tera, each from its own typed context (`context`), one struct per template.

pub mod citations;
pub mod context;
pub mod extras;
pub mod feeds;
pub mod head;
pub mod picture;
pub mod plan;
pub mod seo;
pub mod sitemap;
mod template_errors;

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::config::Config;
use crate::locale;
use crate::messages::{Lang, Message};
use crate::model::ListKind;
use crate::msg;
use crate::problem::{Problem, SourceFile};
use crate::route;
use crate::theme::Theme;
use context::{
    AlbumContext, AlbumFull, AlbumSummary, AlbumsContext, ArticleAlbum, FeedUrls, album_feed_links,
};
use context::{
    ArchiveContext, ArticleContext, ArticleFull, ArticleSummary, CategoriesContext, CategoryBlock,
    Common, Crumb, HomeContext, IndexEntry, ListContext, ListInfo, MonthContext, NameSlugRef,
    NotFoundContext, PageContext, PageFull, Pagination, ProvinceInfo, ProvincesContext,
    RegionContext, SearchContext, SearchInfo, Site, SiteContext, TagsContext, TemplateContext,
    YearContext, feed_links,
};
use context::{
    DocumentContext, DocumentFilters, DocumentFull, DocumentListEntry, DocumentSummary,
    DocumentsContext, document_feed_links,
};
pub use plan::{Job, Plan, View, plan};
use template_errors::During;

pub use crate::output::Output;

/// Why `Renderer::run_into` stopped.
#[derive(Debug)]
pub enum RunError<E> {
    /// Template problems, one per failing template line.
    Templates(Vec<Problem>),
    /// The sink's first error.
    Sink(E),
}

/// What lists show of each article, serialised on first use (a rebuild that renders a few pages
/// serialises only the articles they show) and then shared by every page that shows it.
struct Summaries<'a> {
    site: Site<'a>,
    cells: Vec<std::sync::OnceLock<tera::Value>>,
}

impl<'a> Summaries<'a> {
    fn new(site: Site<'a>) -> Self {
        Summaries {
            site,
            cells: (0..site.index.articles.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        }
    }

    fn get(&self, article: plan::ArticleRef) -> &tera::Value {
        let i = article.index;
        self.cells[i].get_or_init(|| {
            tera::Value::from_serializable(&ArticleSummary::new(
                crate::content::Shown::of(&self.site.index.articles[i]),
                self.site,
            ))
        })
    }

    fn all(&self, articles: &[plan::ArticleRef]) -> Vec<&tera::Value> {
        articles.iter().map(|&a| self.get(a)).collect()
    }
}

/// The Tera instance with the theme's templates and the Vietnamese helpers.
pub struct Renderer {
    tera: Tera,
    templates: BTreeMap<String, SourceFile>,
}

/// The templates a theme must have.
pub const REQUIRED: &[&str] = &[
    "index.html",
    "article.html",
    "page.html",
    "404.html",
    "list.html",
    "provinces.html",
    "tags.html",
    "categories.html",
    "archive.html",
    "search.html",
];

/// The templates of the photo albums: needed only by a site with albums.
pub const ALBUM_TEMPLATES: &[&str] = &["album.html", "albums.html"];

/// The templates of the documents library: needed only by a site with documents.
pub const DOCUMENT_TEMPLATES: &[&str] = &["document.html", "documents.html"];

impl Renderer {
    /// Compiles every template; each syntax error is one problem naming the template and line.
    pub fn new(config: &Config, theme: &Theme) -> Result<Renderer, Vec<Problem>> {
        let mut problems = Vec::new();
        // Compile each template alone first so that every broken template is reported, not just
        // the first one Tera meets.
        for (name, file) in &theme.templates {
            let mut alone = Tera::new();
            register_helpers(&mut alone, config);
            if let Err(e) = alone.add_raw_template(name, &file.text)
                && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
            {
                problems.extend(template_errors::problems(
                    &e,
                    &theme.templates,
                    During::Compiling,
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = Tera::new();
        register_helpers(&mut tera, config);
        let sources: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|(name, file)| (name.as_str(), &*file.text))
            .collect();
        if let Err(e) = tera.add_raw_templates(sources) {
            return Err(template_errors::problems(
                &e,
                &theme.templates,
                During::Compiling,
            ));
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|name| !theme.templates.contains_key(*name))
            .collect();
        if !missing.is_empty() {
            return Err(vec![
                Problem::error(
                    "theme::missing-template",
                    msg!("render-missing-templates", templates = missing.join(", ")),
                )
                .help(msg!(
                    "render-missing-templates-help",
                    required = REQUIRED.join(", ")
                )),
            ]);
        }
        Ok(Renderer {
            tera,
            templates: theme.templates.clone(),
        })
    }

    /// The theme's templates by name.
    pub fn templates(&self) -> &BTreeMap<String, SourceFile> {
        &self.templates
    }

    /// What each page template is made from, for `Plan::fingerprint`.
    pub fn template_stamps(&self) -> plan::TemplateStamps {
        let pages: Vec<&str> = REQUIRED
            .iter()
            .chain(ALBUM_TEMPLATES)
            .chain(DOCUMENT_TEMPLATES)
            .copied()
            .collect();
        plan::TemplateStamps::new(&self.templates, &pages)
    }

    /// Renders every job on all cores and hands each page to `sink` as soon as it is made (from
    /// several threads at once) with its job's position, holding none of them. All template
    /// problems are collected; once there is one, or `sink` fails, no more pages are handed on.
    pub fn run_into<E: Send>(
        &mut self,
        site: Site<'_>,
        plan: &Plan,
        jobs: &[&Job],
        sink: &(dyn Fn(usize, Output) -> Result<(), E> + Sync),
    ) -> Result<(), RunError<E>> {
        let summaries = Summaries::new(site);
        // Set per run, not per page: the same for every page of this build.
        let globals = self.tera.global_context();
        globals.insert("site", &SiteContext::new(site.config));
        globals.insert(
            "sidebar",
            &serde_json::json!({
                "latest": summaries.all(&plan.sidebar),
                "documents": plan
                    .sidebar_documents
                    .iter()
                    .map(|r| DocumentSummary::new(site, &site.index.documents.all[r.index]))
                    .collect::<Vec<_>>(),
            }),
        );
        let this = &*self;

        let failed = std::sync::atomic::AtomicBool::new(false);
        let sink_error = std::sync::Mutex::new(None);
        let problems: Vec<Problem> = jobs
            .par_iter()
            .enumerate()
            .filter_map(|(i, job)| {
                if sink_error.lock().is_ok_and(|e| e.is_some()) {
                    return None;
                }
                match this.render(job, site, &summaries) {
                    Err(p) => {
                        failed.store(true, std::sync::atomic::Ordering::Relaxed);
                        Some(p)
                    }
                    Ok(output) => {
                        if !failed.load(std::sync::atomic::Ordering::Relaxed)
                            && let Err(e) = sink(i, output)
                        {
                            let mut slot = sink_error.lock().unwrap_or_else(|e| e.into_inner());
                            slot.get_or_insert(e);
                        }
                        None
                    }
                }
            })
            .collect();
        if !problems.is_empty() {
            return Err(RunError::Templates(merge_repeats(problems)));
        }
        match sink_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
            Some(e) => Err(RunError::Sink(e)),
            None => Ok(()),
        }
    }

    /// Renders one page from its view.
    fn render(
        &self,
        job: &Job,
        site: Site<'_>,
        summaries: &Summaries<'_>,
    ) -> Result<Output, Problem> {
        let (ctx, origin) = page_context(job, site, summaries);
        let ctx = Context::from_serialize(&ctx).map_err(|e| {
            Problem::error(
                "theme::context",
                msg!(
                    "render-context",
                    path = job.path.as_str(),
                    error = e.to_string()
                ),
            )
        })?;
        let template = job.view.template();
        // Into bytes: the page goes to a file as it is, so it need not be checked as a String.
        let mut html = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| {
                let page = msg!("render-page", path = job.path.as_str(), origin = origin);
                let during = During::Rendering {
                    template,
                    page: &page,
                };
                template_errors::problem(&e, &self.templates, during)
            })?;
        Ok(Output {
            path: route::output_file(&job.path),
            bytes: html.into(),
        })
    }
}

/// The typed context of a job's page (one struct per template, `context::*Context`) and what
/// the page is made from, for template errors.
fn page_context<'a>(
    job: &'a Job,
    site: Site<'a>,
    summaries: &'a Summaries<'a>,
) -> (TemplateContext<'a>, Message) {
    let Site { config, index, .. } = site;
    let home = &index.lists[0];
    let entries = |lists: &[plan::ListRef]| -> Vec<IndexEntry> {
        lists
            .iter()
            .map(|l| IndexEntry::new(site, &index.lists[l.index]))
            .collect()
    };
    let common = |title: String, description: Option<&str>, article, feeds| {
        common(site, &job.path, title, description, article, feeds)
    };
    let titled = |name: &str| format!("{name} | {}", config.title);
    match &job.view {
        View::Home {
            featured,
            latest,
            pager,
            blocks,
            redirect_map,
        } => {
            let ctx = TemplateContext::Home(HomeContext {
                common: common(config.title.clone(), None, None, feed_links(site, home)),
                featured: summaries.all(featured),
                latest: summaries.all(latest),
                pagination: Pagination::new(config, pager),
                category_blocks: blocks
                    .iter()
                    .map(|b| {
                        let list = &index.lists[b.list.index];
                        CategoryBlock {
                            name: &list.name,
                            slug: &list.slug,
                            url: config.url(&list.path),
                            articles: summaries.all(&b.articles),
                        }
                    })
                    .collect(),
                redirect_map: redirect_map_url(config, *redirect_map),
            });
            (ctx, msg!("render-origin-home"))
        }
        View::List {
            list,
            articles,
            pager,
            year,
        } => {
            let list = &index.lists[list.index];
            let info = ListInfo::new(site, list);
            let mut crumbs = vec![Crumb {
                name: "Trang chủ",
                url: Some(config.url("")),
            }];
            let parent = match list.kind {
                ListKind::Province(_) => Some(("Địa phương", route::PROVINCES)),
                ListKind::Tag => Some(("Chủ đề", route::TAGS)),
                ListKind::Category => Some(("Chuyên mục", route::CATEGORIES)),
                ListKind::Year(_) | ListKind::Month(..) => Some(("Lưu trữ", route::ARCHIVE)),
                ListKind::Home => None,
            };
            if let Some((name, path)) = parent {
                crumbs.push(Crumb {
                    name,
                    url: Some(config.url(path)),
                });
            }
            if let Some(year) = year {
                let year = &index.lists[year.index];
                crumbs.push(Crumb {
                    name: &year.name,
                    url: Some(config.url(&year.path)),
                });
            }
            let mut title = info.title.clone();
            if pager.current > 1 {
                title = format!("{title} – trang {}", pager.current);
            }
            let mut feeds = feed_links(site, home);
            if list.has_feed() && list.kind != ListKind::Home {
                feeds.extend(feed_links(site, list));
            }
            let ctx = TemplateContext::List(ListContext {
                common: common(titled(&title), None, None, feeds),
                province: match list.kind {
                    ListKind::Province(id) => Some(ProvinceInfo::new(site, id)),
                    _ => None,
                },
                list: info,
                articles: summaries.all(articles),
                pagination: Pagination::new(config, pager),
                breadcrumb: crumbs,
            });
            (ctx, msg!("render-origin-list", path = list.path.as_str()))
        }
        View::Article {
            article,
            related,
            older,
            newer,
            album,
            documents: _,
        } => {
            let a = &index.articles[article.index];
            // The view names the documents linked; these are their addresses by marker.
            let links = citations::Links::new(
                &a.body,
                &index.citations.articles[article.index],
                &index.documents,
                &|path| config.url(path),
            );
            let mut crumbs = vec![
                Crumb {
                    name: "Trang chủ",
                    url: Some(config.url("")),
                },
                Crumb {
                    name: "Tin tức",
                    url: None,
                },
            ];
            if let Some(category) = &a.category {
                crumbs.push(Crumb {
                    name: category,
                    url: Some(config.url(&route::category(&locale::slugify(category)))),
                });
            }
            let ctx = TemplateContext::Article(ArticleContext {
                common: common(
                    titled(&a.title),
                    Some(&a.summary),
                    Some(&**a),
                    feed_links(site, home),
                ),
                article: ArticleFull::new(a, site, &links),
                breadcrumb: crumbs,
                related: summaries.all(related),
                older: older.map(|o| summaries.get(o)),
                newer: newer.map(|n| summaries.get(n)),
                album: album.map(|r| ArticleAlbum::new(site, &index.albums[r.index])),
            });
            (ctx, msg!("render-origin-file", path = a.file.path.as_str()))
        }
        View::Page(page) => {
            let links = citations::Links::new(
                &index.pages[page.index].body,
                &index.citations.pages[page.index],
                &index.documents,
                &|path| config.url(path),
            );
            let page = &index.pages[page.index];
            let ctx = TemplateContext::Page(PageContext {
                common: common(
                    titled(&page.title),
                    Some(&page.summary),
                    None,
                    feed_links(site, home),
                ),
                page: PageFull::new(page, site, &links),
            });
            (
                ctx,
                msg!("render-origin-file", path = page.file.path.as_str()),
            )
        }
        View::Album(album) => {
            let a = &index.albums[album.index];
            let links = citations::Links::new(
                &a.body,
                &index.citations.albums[album.index],
                &index.documents,
                &|path| config.url(path),
            );
            let mut feeds = feed_links(site, home);
            feeds.extend(album_feed_links(site));
            let cover = a.cover();
            let ctx = TemplateContext::Album(AlbumContext {
                common: common_pictured(
                    site,
                    &job.path,
                    titled(&a.title),
                    Some(&a.summary),
                    None,
                    Some((&cover.src, &cover.alt)),
                    feeds,
                ),
                album: AlbumFull::new(site, a, &links),
                breadcrumb: vec![
                    Crumb {
                        name: "Trang chủ",
                        url: Some(config.url("")),
                    },
                    Crumb {
                        name: "Thư viện ảnh",
                        url: Some(config.url(route::ALBUMS)),
                    },
                ],
            });
            (ctx, msg!("render-origin-file", path = a.file.path.as_str()))
        }
        View::Albums { albums, pager } => {
            let mut title = "Thư viện ảnh".to_string();
            if pager.current > 1 {
                title = format!("{title} – trang {}", pager.current);
            }
            let mut feeds = feed_links(site, home);
            feeds.extend(album_feed_links(site));
            let ctx = TemplateContext::Albums(AlbumsContext {
                common: common(titled(&title), None, None, feeds),
                albums: albums
                    .iter()
                    .map(|r| AlbumSummary::new(site, &index.albums[r.index]))
                    .collect(),
                pagination: Pagination::new(config, pager),
                breadcrumb: vec![Crumb {
                    name: "Trang chủ",
                    url: Some(config.url("")),
                }],
                album_feeds: FeedUrls {
                    rss: config.url(&route::feed(route::ALBUMS, route::Feed::Rss)),
                    atom: config.url(&route::feed(route::ALBUMS, route::Feed::Atom)),
                },
            });
            (ctx, index_origin(&job.path))
        }
        View::Document {
            document,
            replaced_by,
            amended_by,
            citing,
            citing_total,
            documents: _,
        } => {
            let documents = &index.documents;
            let d = &documents.all[document.index];
            let links = citations::Links::new(
                &d.body,
                &index.citations.documents[document.index],
                documents,
                &|path| config.url(path),
            );
            let mut feeds = feed_links(site, home);
            feeds.extend(document_feed_links(site));
            let title = d.title();
            let description = format!("{title}: {}", d.summary);
            let mut described = common(titled(&title), Some(&description), None, feeds);
            if let Some(seo) = &mut described.seo {
                seo.json_ld = Some(seo::script_json(&seo::legislation(site, d)));
            }
            let ctx = TemplateContext::Document(DocumentContext {
                common: described,
                document: DocumentFull::new(
                    site,
                    d,
                    replaced_by.map(|r| &*documents.all[r.index]),
                    amended_by.map(|r| &*documents.all[r.index]),
                    &links,
                ),
                breadcrumb: vec![
                    Crumb {
                        name: "Trang chủ",
                        url: Some(config.url("")),
                    },
                    Crumb {
                        name: "Văn bản",
                        url: Some(config.url(route::DOCUMENTS)),
                    },
                    Crumb {
                        name: d.kind_name(),
                        url: Some(config.url(&route::document_kind(
                            crate::content::DOCUMENT_KINDS[d.kind].1,
                        ))),
                    },
                ],
                citing: summaries.all(citing),
                citing_total: *citing_total,
                citing_search: format!(
                    "{}?q={}",
                    config.url(route::SEARCH_PAGE),
                    crate::route::query_component(&d.number)
                ),
            });
            (ctx, msg!("render-origin-file", path = d.file.path.as_str()))
        }
        View::Documents {
            list,
            documents: shown,
            pager,
            lists,
        } => {
            use crate::model::DocumentListKind;
            let documents = &index.documents;
            let this = &documents.lists[list.index];
            let (heading, list_kind) = match this.kind {
                DocumentListKind::All => ("Văn bản".to_string(), "all"),
                DocumentListKind::Kind(_) => (this.name.clone(), "kind"),
                DocumentListKind::Year(year) => (format!("Văn bản năm {year}"), "year"),
                DocumentListKind::Issuer => (format!("Văn bản của {}", this.name), "issuer"),
            };
            let mut title = heading.clone();
            if pager.current > 1 {
                title = format!("{title} – trang {}", pager.current);
            }
            let mut feeds = feed_links(site, home);
            feeds.extend(document_feed_links(site));
            let entry = |l: &plan::DocumentListRef| {
                let other = &documents.lists[l.index];
                DocumentListEntry {
                    name: &other.name,
                    url: config.url(&other.path),
                    count: other.documents.len(),
                    current: l.index == list.index,
                }
            };
            let of = |kinds: &[usize]| -> Vec<DocumentListEntry> {
                lists
                    .iter()
                    .filter(|l| kinds.contains(&l.index))
                    .map(entry)
                    .collect()
            };
            let mut breadcrumb = vec![Crumb {
                name: "Trang chủ",
                url: Some(config.url("")),
            }];
            if this.kind != DocumentListKind::All {
                breadcrumb.push(Crumb {
                    name: "Văn bản",
                    url: Some(config.url(route::DOCUMENTS)),
                });
            }
            let description = format!("{heading} – {}", config.title);
            let ctx = TemplateContext::Documents(DocumentsContext {
                common: common(titled(&title), Some(&description), None, feeds),
                heading,
                list_kind,
                documents: shown
                    .iter()
                    .map(|r| DocumentSummary::new(site, &documents.all[r.index]))
                    .collect(),
                pagination: Pagination::new(config, pager),
                breadcrumb,
                filters: DocumentFilters {
                    all: entry(&lists[0]),
                    kinds: of(&documents.kinds),
                    years: of(&documents.years),
                    issuers: of(&documents.issuers),
                },
                document_feeds: FeedUrls {
                    rss: config.url(&route::feed(route::DOCUMENTS, route::Feed::Rss)),
                    atom: config.url(&route::feed(route::DOCUMENTS, route::Feed::Atom)),
                },
            });
            (ctx, index_origin(&job.path))
        }
        View::Provinces { regions, all } => {
            let ctx = TemplateContext::Provinces(ProvincesContext {
                common: common(
                    titled("Tin theo địa phương"),
                    None,
                    None,
                    feed_links(site, home),
                ),
                regions: regions
                    .iter()
                    .map(|r| RegionContext {
                        name: &r.name,
                        slug: &r.slug,
                        provinces: entries(&r.lists),
                    })
                    .collect(),
                all_provinces: entries(all),
            });
            (ctx, index_origin(&job.path))
        }
        View::Tags(tags) => {
            let ctx = TemplateContext::Tags(TagsContext {
                common: common(titled("Chủ đề"), None, None, feed_links(site, home)),
                tags: entries(tags),
            });
            (ctx, index_origin(&job.path))
        }
        View::Categories(categories) => {
            let ctx = TemplateContext::Categories(CategoriesContext {
                common: common(titled("Chuyên mục"), None, None, feed_links(site, home)),
                categories: entries(categories),
            });
            (ctx, index_origin(&job.path))
        }
        View::Archive(years) => {
            let ctx = TemplateContext::Archive(ArchiveContext {
                common: common(titled("Lưu trữ"), None, None, feed_links(site, home)),
                years: years
                    .iter()
                    .map(|y| {
                        let list = &index.lists[y.list.index];
                        YearContext {
                            year: y.year,
                            url: config.url(&list.path),
                            count: list.articles.len(),
                            months: y
                                .months
                                .iter()
                                .map(|&(number, m)| {
                                    let month = &index.lists[m.index];
                                    MonthContext {
                                        month: number,
                                        label: format!("tháng {number}"),
                                        url: config.url(&month.path),
                                        count: month.articles.len(),
                                    }
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            });
            (ctx, index_origin(&job.path))
        }
        View::Search { provinces, years } => {
            let ctx = TemplateContext::Search(SearchContext {
                common: common(titled("Tìm kiếm"), None, None, feed_links(site, home)),
                search: SearchInfo {
                    index_url: config.url(route::SEARCH_INDEX),
                    provinces: provinces
                        .iter()
                        .filter_map(|l| match index.lists[l.index].kind {
                            ListKind::Province(id) => Some(NameSlugRef {
                                name: site.provinces.get(id).display_name(),
                                slug: crate::model::province_path_slug(site.provinces, id),
                            }),
                            _ => None,
                        })
                        .collect(),
                    years: years.clone(),
                },
            });
            (ctx, index_origin(&job.path))
        }
        View::NotFound { redirect_map } => {
            let ctx = TemplateContext::NotFound(NotFoundContext {
                redirect_map: redirect_map_url(config, *redirect_map),
                common: common(
                    titled("Không tìm thấy trang"),
                    None,
                    None,
                    feed_links(site, home),
                ),
            });
            (ctx, msg!("render-origin-not-found"))
        }
    }
}

/// The redirect map's address, for the pages that follow it, when the site has one.
fn redirect_map_url(config: &Config, has_map: bool) -> Option<String> {
    has_map.then(|| config.url(route::REDIRECT_MAP))
}

fn index_origin(path: &str) -> Message {
    msg!("render-origin-index", path = path)
}

/// What every page gets: its title, addresses, link-preview tags and feeds. The 404 page, served
/// at any address, has no address of its own.
fn common(
    site: Site<'_>,
    path: &str,
    page_title: String,
    description: Option<&str>,
    article: Option<&crate::content::Article>,
    feeds: Vec<context::FeedLink>,
) -> Common {
    common_pictured(site, path, page_title, description, article, None, feeds)
}

/// Like `common`, for a page shared with its own photo (`picture`: address, alt text).
fn common_pictured(
    site: Site<'_>,
    path: &str,
    page_title: String,
    description: Option<&str>,
    article: Option<&crate::content::Article>,
    picture: Option<(&str, &str)>,
    feeds: Vec<context::FeedLink>,
) -> Common {
    let config = site.config;
    if path == route::NOT_FOUND {
        return Common {
            page_title,
            current_url: String::new(),
            canonical_url: None,
            seo: None,
            feeds,
        };
    }
    let permalink = config.permalink(path);
    let bare = page_title
        .strip_suffix(&format!(" | {}", config.title))
        .unwrap_or(&page_title);
    let described = seo::Described {
        title: bare,
        description: description.unwrap_or(&config.description),
        url: &permalink,
        article,
        picture,
        home: path.is_empty(),
    };
    let seo = seo::describe(site, &described, route::SEARCH_PAGE);
    Common {
        current_url: config.url(path),
        canonical_url: Some(permalink),
        seo: Some(seo),
        page_title,
        feeds,
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, for a whole URL carried
/// as one query value (`sharer.php?u=…`).
pub fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One broken template line fails every page that uses it: report it once, with the count.
fn merge_repeats(problems: Vec<Problem>) -> Vec<Problem> {
    let mut merged: Vec<(Problem, usize)> = Vec::new();
    for problem in problems {
        let key = (problem.location(), problem.label.clone());
        match merged
            .iter_mut()
            .find(|(p, _)| (p.location(), p.label.clone()) == key)
        {
            Some((_, count)) => *count += 1,
            None => merged.push((problem, 1)),
        }
    }
    merged
        .into_iter()
        .map(|(mut problem, count)| {
            if count > 1 {
                problem.message = msg!(
                    "render-more-pages",
                    message = problem.message.clone(),
                    more = count - 1
                );
            }
            problem
        })
        .collect()
}

/// The filters `register_helpers` adds to Tera's, for the "did you mean" of an unknown filter.
const FILTERS: &[&str] = &["date_vi", "number_vi", "slugify", "urlencode"];
/// The functions `register_helpers` adds to Tera's.
const FUNCTIONS: &[&str] = &["url", "picture"];

/// What `date_vi` says about a value that is not a date.
fn date_vi_error(value: &str) -> Message {
    msg!("render-date-vi-not-a-date", value = value)
}

/// The message of an error of one of bantin's helpers that Tera passes on as text (English, as
/// the helper gave it), so that it is shown in the reader's language.
fn helper_error(text: &str) -> Option<Message> {
    const GOT: &str = ", got `";
    let start = text.find(GOT)? + GOT.len();
    let value = text[start..].strip_suffix('`')?;
    let message = date_vi_error(value);
    (Lang::En.text(&message) == text).then_some(message)
}

/// The Vietnamese helpers every template may use.
fn register_helpers(tera: &mut Tera, config: &Config) {
    tera.register_filter(
        "date_vi",
        |value: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let format: &str = kwargs.get("format")?.unwrap_or("datetime");
            // A day written without a time comes as 2020-05-27: shown without "00:00".
            if let Ok(day) = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
                return Ok(crate::locale::date::format_day(day, format));
            }
            let date = chrono::DateTime::parse_from_rfc3339(value).map_err(|_| {
                // Tera carries text, and in English; `helper_error` finds the message again.
                tera::Error::message(Lang::En.text(&date_vi_error(value)))
            })?;
            Ok(crate::locale::format_date(&date, format))
        },
    );
    tera.register_filter(
        "number_vi",
        |value: f64, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let decimals: Option<i64> = kwargs.get("decimals")?;
            Ok(crate::locale::format_number(
                value,
                decimals.unwrap_or(0).clamp(0, 20) as usize,
            ))
        },
    );
    tera.register_filter("slugify", |value: &str, _: Kwargs, _: &State| {
        crate::locale::slugify(value)
    });
    tera.register_filter("urlencode", |value: &str, _: Kwargs, _: &State| {
        urlencode(value)
    });
    // `picture(image=article.image, sizes="…", eager=true, class="…")`: an image of a context
    // as responsive markup (its copies, size, lazy loading), for themes to adopt.
    tera.register_function(
        "picture",
        |kwargs: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let image: tera::Value = kwargs.must_get("image")?;
            let picture: picture::Picture = serde_json::to_value(&image)
                .and_then(serde_json::from_value)
                .map_err(|_| tera::Error::message(Lang::En.text(&msg!("render-picture-image"))))?;
            let place = picture::Placement {
                sizes: kwargs.get("sizes")?,
                eager: kwargs.get("eager")?.unwrap_or(false),
                class: kwargs.get("class")?,
            };
            Ok(tera::Value::safe_string(&picture.markup(place, None)))
        },
    );
    let base_path = config.base_path.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            Ok(format!("{base_path}{}", path.trim_start_matches('/')))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use crate::provinces::Provinces;

    /// A Tera with bantin's helpers, for a small site.
    fn tera_with_helpers() -> Tera {
        let site = "title = \"T\"\nbase_url = \"https://x.org/\"\n[organization]\nname = \"A\"\nparent = \"B\"\naddress = \"C\"\nphone = \"1\"\nemail = \"a@x.org\"\neditor = \"D\"\n";
        let config = Config::parse(
            std::path::Path::new("."),
            SourceFile::new("site.toml", site),
            &Overrides::default(),
            Provinces::builtin(),
        )
        .expect("test site.toml");
        let mut tera = Tera::new();
        register_helpers(&mut tera, &config);
        tera
    }

    /// The names an unknown filter's "did you mean" offers are ones `register_helpers` adds.
    #[test]
    fn the_listed_helpers_are_registered() {
        let tera = tera_with_helpers();
        let uses = FILTERS
            .iter()
            .map(|f| format!("{{{{ 1 | {f} }}}}"))
            .chain(FUNCTIONS.iter().map(|f| format!("{{{{ {f}() }}}}")));
        for source in uses {
            let mut tera = tera.clone();
            assert!(tera.add_raw_template("t", &source).is_ok(), "{source}");
        }
        assert!(
            Tera::new()
                .add_raw_template("t", "{{ 1 | date_vi }}")
                .is_err()
        );
    }

    /// Every variable a template receives is named in docs/themes.md, in that template's
    /// section or in the shared ones: the theme docs are the templates' contract.
    #[test]
    fn the_theme_contract_names_every_variable() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let docs = std::fs::read_to_string(repo.join("docs/themes.md")).expect("docs/themes.md");
        let sections: Vec<&str> = docs.split("\n## ").collect();
        let section = |heading: &str| -> &str {
            sections
                .iter()
                .find(|s| s.lines().next().is_some_and(|h| h.contains(heading)))
                .copied()
                .unwrap_or_else(|| panic!("docs/themes.md has no section {heading}"))
        };
        let shared = format!("{}{}", section("Every page"), section("Shapes"));
        let options = crate::build::Options {
            source: repo.to_path_buf(),
            ..Default::default()
        };
        let compiled = crate::build::compile(&options).expect("the sample site builds");
        let provinces = Provinces::builtin();
        let site = Site {
            config: &compiled.config,
            provinces,
            index: &compiled.index,
            gallery: &compiled.gallery,
        };
        let plan = plan(&compiled.config, &compiled.index);
        let summaries = Summaries::new(site);

        /// Every object key in `value`, as `a`, `a.b`; what `extra:` holds is the editors'.
        fn keys(value: &serde_json::Value, prefix: &str, out: &mut Vec<(String, String)>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (key, inner) in map {
                        out.push((key.clone(), format!("{prefix}{key}")));
                        if key != "extra" {
                            keys(inner, &format!("{prefix}{key}."), out);
                        }
                    }
                }
                serde_json::Value::Array(items) => {
                    for item in items {
                        keys(item, prefix, out);
                    }
                }
                _ => {}
            }
        }
        let mut missing = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for job in &plan.jobs {
            let template = job.view.template();
            let (ctx, _) = page_context(job, site, &summaries);
            let json = serde_json::to_value(&ctx).expect("a context serialises");
            let mut found = Vec::new();
            keys(&json, "", &mut found);
            if template == "index.html" {
                // `site` and `sidebar`, set once per build.
                let globals = serde_json::json!({
                    "site": SiteContext::new(site.config),
                    "sidebar": { "latest": summaries.all(&plan.sidebar) },
                });
                keys(&globals, "", &mut found);
            }
            let own = section(&format!("`{template}`"));
            for (key, path) in found {
                let named = format!("`{key}`");
                if !own.contains(&named) && !shared.contains(&named) && seen.insert(path.clone()) {
                    missing.push(format!("{template}: {path}"));
                }
            }
        }
        for template in REQUIRED
            .iter()
            .chain(ALBUM_TEMPLATES)
            .chain(DOCUMENT_TEMPLATES)
        {
            section(&format!("`{template}`"));
        }
        assert!(
            missing.is_empty(),
            "docs/themes.md does not name these variables:\n{}",
            missing.join("\n")
        );
    }

    /// `date_vi`'s error comes back through Tera as English text, and is shown in the
    /// reader's language.
    #[test]
    fn a_helper_error_is_shown_in_the_readers_language() {
        let mut tera = tera_with_helpers();
        let source = "<p>{{ \"hôm qua\" | date_vi }}</p>";
        tera.add_raw_template("a.html", source).expect("template");
        let error = tera
            .render("a.html", &Context::new())
            .expect_err("not a date");
        let templates = BTreeMap::from([(
            "a.html".to_string(),
            SourceFile::new("templates/a.html", source),
        )]);
        let page = msg!(
            "render-page",
            path = "tin-tuc/a/",
            origin = msg!("render-origin-file", path = "content/tin-tuc/a.md")
        );
        let during = During::Rendering {
            template: "a.html",
            page: &page,
        };
        let p = template_errors::problem(&error, &templates, during);
        assert_eq!(p.code, "theme::template-render");
        let en = p.shown(Lang::En);
        assert_eq!(
            en.message,
            "template error in templates/a.html while rendering /tin-tuc/a/ (content/tin-tuc/a.md)"
        );
        assert_eq!(
            en.label.as_deref(),
            Some(
                "date_vi needs a date like 2020-05-27T08:30:00+07:00 or 2020-05-27, got `hôm qua`"
            )
        );
        let vi = p.shown(Lang::Vi);
        assert_eq!(
            vi.message,
            "mẫu trang templates/a.html bị lỗi khi dựng trang /tin-tuc/a/ (content/tin-tuc/a.md)"
        );
        assert_eq!(
            vi.label.as_deref(),
            Some(
                "date_vi cần một ngày tháng dạng 2020-05-27T08:30:00+07:00 hoặc 2020-05-27, nhưng lại nhận được `hôm qua`"
            )
        );
        assert!(
            vi.help
                .as_deref()
                .is_some_and(|h| h.starts_with("mẫu trang Tera ghi giá trị bằng {{ name }}")),
            "{vi:?}"
        );
        // Tera's own words are framed, not passed off as bantin's.
        assert_eq!(helper_error("Variable `x` is not defined."), None);
    }

    #[test]
    fn urlencode_keeps_only_unreserved_characters() {
        assert_eq!(
            urlencode("https://x.vn/tin-tuc/hữu-nghị/?a=1&b=2"),
            "https%3A%2F%2Fx.vn%2Ftin-tuc%2Fh%E1%BB%AFu-ngh%E1%BB%8B%2F%3Fa%3D1%26b%3D2"
        );
        assert_eq!(urlencode("a_b.c~d-e"), "a_b.c~d-e");
    }
}
