//! Takes the index and the theme and gives the site's pages: `plan` lists one job per output page,
//! `run` renders the jobs in parallel with Tera, each with its own small context.

pub mod context;
pub mod extras;
pub mod feeds;
pub mod fingerprint;
pub mod seo;
pub mod sitemap;
mod template_errors;
pub mod theme;

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::config::Config;
use crate::locale;
use crate::model::{Index, ListKind, paginate};
use crate::problem::{Problem, SourceFile};
use context::{
    ArticleFull, ArticleSummary, CategoryBlock, Crumb, IndexEntry, ListInfo, MonthContext,
    PageFull, Pagination, ProvinceInfo, RegionContext, Site, SiteContext, YearContext,
    article_path, feed_links, page_path,
};
use template_errors::During;
use theme::Theme;

/// Hot news on the home page.
const FEATURED_ON_HOME: usize = 5;
/// Articles per category block on the home page.
const PER_CATEGORY_BLOCK: usize = 4;
/// Where the search page lives below the site root.
pub const SEARCH_PATH: &str = "tim-kiem/";
/// The folder of the search index below the site root.
pub const SEARCH_INDEX_DIR: &str = "search/";

/// A province as the search page's filter lists it.
#[derive(serde::Serialize)]
struct NameSlugRef<'a> {
    name: &'a str,
    slug: &'a str,
}
/// The "Tin mới" box beside every page.
const SIDEBAR_LATEST: usize = 6;

/// One page to write with a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    /// Page 1 of the home list, with hot news and category blocks.
    Home,
    /// Page `page` (1-based) of `Index::lists[list]`.
    List {
        list: usize,
        page: usize,
    },
    Article(usize),
    Page(usize),
    ProvinceIndex,
    TagIndex,
    CategoryIndex,
    ArchiveIndex,
    /// The search page; the index it reads is written beside it (`search/`).
    Search,
    NotFound,
}

/// A rendered file: its path below the output folder and its bytes.
#[derive(Clone)]
pub struct Output {
    pub path: String,
    /// Shared, so the dev server can keep an unchanged page from one build to the next.
    pub bytes: std::sync::Arc<[u8]>,
}

/// Why `Renderer::run_into` stopped.
#[derive(Debug)]
pub enum RunError<E> {
    /// Template problems, one per failing template line.
    Templates(Vec<Problem>),
    /// The sink's first error.
    Sink(E),
}

/// Every page of the site, in a stable order: no empty pages, no duplicate first page.
pub fn plan(config: &Config, index: &Index) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::NotFound,
        Job::ProvinceIndex,
        Job::TagIndex,
        Job::CategoryIndex,
        Job::ArchiveIndex,
        Job::Search,
    ];
    for (i, list) in index.lists.iter().enumerate() {
        let pages = paginate::page_count(list.articles.len(), config.page_size);
        let first = if list.kind == ListKind::Home { 2 } else { 1 };
        jobs.extend((first..=pages).map(|page| Job::List { list: i, page }));
    }
    jobs.extend((0..index.articles.len()).map(Job::Article));
    jobs.extend((0..index.pages.len()).map(Job::Page));
    jobs
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

    fn get(&self, i: usize) -> &tera::Value {
        self.cells[i].get_or_init(|| {
            tera::Value::from_serializable(&ArticleSummary::new(
                &self.site.index.articles[i],
                self.site,
            ))
        })
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
                    format!("the theme has no template {}", missing.join(", ")),
                )
                .help(format!("a theme needs templates/{}", REQUIRED.join(", "))),
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

    /// Renders every job. Template errors are collected, one per failing template line.
    pub fn run(&mut self, site: Site<'_>, jobs: &[Job]) -> Result<Vec<Output>, Vec<Problem>> {
        self.run_with(site, jobs, &|| {})
    }

    /// Like `run`, calling `done` after each page (for a progress display).
    pub fn run_with(
        &mut self,
        site: Site<'_>,
        jobs: &[Job],
        done: &(dyn Fn() + Sync),
    ) -> Result<Vec<Output>, Vec<Problem>> {
        let slots: Vec<std::sync::OnceLock<Output>> =
            jobs.iter().map(|_| std::sync::OnceLock::new()).collect();
        let result = self.run_into(site, jobs, &|i, output| {
            let _ = slots[i].set(output);
            done();
            Ok::<(), std::convert::Infallible>(())
        });
        match result {
            Ok(()) => Ok(slots.into_iter().filter_map(|s| s.into_inner()).collect()),
            Err(RunError::Templates(problems)) => Err(problems),
            Err(RunError::Sink(never)) => match never {},
        }
    }

    /// Renders every job on all cores and hands each page to `sink` as soon as it is made (from
    /// several threads at once) with its job's position, holding none of them. All template problems are collected;
    /// once there is one, or `sink` fails, no more pages are handed on.
    pub fn run_into<E: Send>(
        &mut self,
        site: Site<'_>,
        jobs: &[Job],
        sink: &(dyn Fn(usize, Output) -> Result<(), E> + Sync),
    ) -> Result<(), RunError<E>> {
        let summaries = Summaries::new(site);
        let global = self.tera.global_context();
        global.insert("site", &SiteContext::new(site.config));
        let latest: Vec<&tera::Value> = (0..site.index.articles.len().min(SIDEBAR_LATEST))
            .map(|i| summaries.get(i))
            .collect();
        global.insert("sidebar", &serde_json::json!({ "latest": latest }));

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
                match this.render_job(*job, site, &summaries) {
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

    fn render_job(
        &self,
        job: Job,
        site: Site<'_>,
        summaries: &Summaries<'_>,
    ) -> Result<Output, Problem> {
        let Site { config, index, .. } = site;
        let home = &index.lists[0];
        let mut ctx = Context::new();
        let mut feeds = feed_links(site, home);
        let pick = |items: &[usize]| -> Vec<tera::Value> {
            items.iter().map(|&i| summaries.get(i).clone()).collect()
        };
        let path = job_path(site, job);
        let (template, title, origin) = match job {
            Job::Home => {
                let featured: Vec<&tera::Value> = (0..index.articles.len())
                    .filter(|&i| index.articles[i].featured)
                    .take(FEATURED_ON_HOME)
                    .map(|i| summaries.get(i))
                    .collect();
                let range = paginate::page_range(home.articles.len(), config.page_size, 1);
                let blocks: Vec<CategoryBlock> = index
                    .categories
                    .iter()
                    .map(|&c| {
                        let list = &index.lists[c];
                        CategoryBlock {
                            name: &list.name,
                            slug: &list.slug,
                            url: config.url(&list.path),
                            articles: pick(
                                &list.articles[..list.articles.len().min(PER_CATEGORY_BLOCK)],
                            ),
                        }
                    })
                    .collect();
                ctx.insert("featured", &featured);
                ctx.insert("latest", &pick(&home.articles[range]));
                ctx.insert("pagination", &Pagination::new(config, home, 1));
                ctx.insert("category_blocks", &blocks);
                (
                    "index.html",
                    config.title.clone(),
                    "the home page".to_string(),
                )
            }
            Job::List { list: i, page } => {
                let list = &index.lists[i];
                let range = paginate::page_range(list.articles.len(), config.page_size, page);
                let info = ListInfo::new(site, list);
                let mut crumbs = vec![Crumb {
                    name: "Trang chủ",
                    url: Some(config.url("")),
                }];
                let parent = match list.kind {
                    ListKind::Province(_) => Some(("Địa phương", "tinh/")),
                    ListKind::Tag => Some(("Chủ đề", "the/")),
                    ListKind::Category => Some(("Chuyên mục", "chuyen-muc/")),
                    ListKind::Year(_) | ListKind::Month(..) => Some(("Lưu trữ", "luu-tru/")),
                    ListKind::Home => None,
                };
                if let Some((name, path)) = parent {
                    crumbs.push(Crumb {
                        name,
                        url: Some(config.url(path)),
                    });
                }
                if let ListKind::Month(year, _) = list.kind
                    && let Some(group) = index
                        .years
                        .iter()
                        .find(|y| index.lists[y.list].kind == ListKind::Year(year))
                {
                    let year_list = &index.lists[group.list];
                    crumbs.push(Crumb {
                        name: &year_list.name,
                        url: Some(config.url(&year_list.path)),
                    });
                }
                let mut title = info.title.clone();
                if page > 1 {
                    title = format!("{title} – trang {page}");
                }
                if list.has_feed() && list.kind != ListKind::Home {
                    feeds.extend(feed_links(site, list));
                }
                if let ListKind::Province(id) = list.kind {
                    ctx.insert("province", &ProvinceInfo::new(site, id));
                }
                ctx.insert("list", &info);
                ctx.insert("articles", &pick(&list.articles[range]));
                ctx.insert("pagination", &Pagination::new(config, list, page));
                ctx.insert("breadcrumb", &crumbs);
                let title = format!("{title} | {}", config.title);
                ("list.html", title, format!("the list {}", list.path))
            }
            Job::Article(i) => {
                let article = &index.articles[i];
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
                if let Some(category) = &article.category {
                    crumbs.push(Crumb {
                        name: category,
                        url: Some(
                            config.url(&format!("chuyen-muc/{}/", locale::slugify(category))),
                        ),
                    });
                }
                ctx.insert("article", &ArticleFull::new(article, site));
                ctx.insert("breadcrumb", &crumbs);
                ctx.insert("related", &pick(&index.related[i]));
                // Newest first: the older article follows, the newer one precedes.
                let older = (i + 1 < index.articles.len()).then(|| summaries.get(i + 1));
                ctx.insert("older", &older);
                ctx.insert("newer", &i.checked_sub(1).map(|j| summaries.get(j)));
                let title = format!("{} | {}", article.title, config.title);
                ("article.html", title, article.file.path.clone())
            }
            Job::Page(i) => {
                let page = &index.pages[i];
                ctx.insert("page", &PageFull::new(page, config));
                let title = format!("{} | {}", page.title, config.title);
                ("page.html", title, page.file.path.clone())
            }
            Job::ProvinceIndex => {
                let regions: Vec<RegionContext> = index
                    .regions
                    .iter()
                    .map(|r| RegionContext {
                        name: &r.name,
                        slug: &r.slug,
                        provinces: r
                            .lists
                            .iter()
                            .map(|&l| IndexEntry::new(site, &index.lists[l]))
                            .collect(),
                    })
                    .collect();
                let all: Vec<IndexEntry> = index
                    .provinces_az
                    .iter()
                    .map(|&l| IndexEntry::new(site, &index.lists[l]))
                    .collect();
                ctx.insert("regions", &regions);
                ctx.insert("all_provinces", &all);
                index_page("provinces.html", "tinh/", "Tin theo địa phương", config)
            }
            Job::TagIndex => {
                let tags: Vec<IndexEntry> = index
                    .tags
                    .iter()
                    .map(|&l| IndexEntry::new(site, &index.lists[l]))
                    .collect();
                ctx.insert("tags", &tags);
                index_page("tags.html", "the/", "Chủ đề", config)
            }
            Job::CategoryIndex => {
                let categories: Vec<IndexEntry> = index
                    .categories
                    .iter()
                    .map(|&l| IndexEntry::new(site, &index.lists[l]))
                    .collect();
                ctx.insert("categories", &categories);
                index_page("categories.html", "chuyen-muc/", "Chuyên mục", config)
            }
            Job::ArchiveIndex => {
                let years: Vec<YearContext> = index
                    .years
                    .iter()
                    .map(|y| {
                        let list = &index.lists[y.list];
                        YearContext {
                            year: match list.kind {
                                ListKind::Year(year) => year,
                                _ => 0,
                            },
                            url: config.url(&list.path),
                            count: list.articles.len(),
                            months: y
                                .months
                                .iter()
                                .map(|&m| {
                                    let month = &index.lists[m];
                                    let number = match month.kind {
                                        ListKind::Month(_, n) => n,
                                        _ => 0,
                                    };
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
                    .collect();
                ctx.insert("years", &years);
                index_page("archive.html", "luu-tru/", "Lưu trữ", config)
            }
            Job::Search => {
                let provinces: Vec<NameSlugRef> = index
                    .provinces_az
                    .iter()
                    .filter_map(|&l| match index.lists[l].kind {
                        ListKind::Province(id) => Some(NameSlugRef {
                            name: site.provinces.get(id).display_name(),
                            slug: crate::model::province_path_slug(site.provinces, id),
                        }),
                        _ => None,
                    })
                    .collect();
                let years: Vec<i32> = index
                    .years
                    .iter()
                    .filter_map(|y| match index.lists[y.list].kind {
                        ListKind::Year(year) => Some(year),
                        _ => None,
                    })
                    .collect();
                ctx.insert(
                    "search",
                    &serde_json::json!({
                        "index_url": config.url(SEARCH_INDEX_DIR),
                        "provinces": provinces,
                        "years": years,
                    }),
                );
                index_page("search.html", SEARCH_PATH, "Tìm kiếm", config)
            }
            Job::NotFound => (
                "404.html",
                format!("Không tìm thấy trang | {}", config.title),
                "the 404 page".to_string(),
            ),
        };
        let current_url = if job == Job::NotFound {
            String::new()
        } else {
            config.url(&path)
        };
        ctx.insert("current_url", &current_url);
        // The page's absolute address for <link rel="canonical">; none for the 404 page.
        let canonical = (job != Job::NotFound).then(|| config.permalink(&path));
        ctx.insert("canonical_url", &canonical);
        if let Some(permalink) = &canonical {
            let bare = title
                .strip_suffix(&format!(" | {}", config.title))
                .unwrap_or(&title);
            let (article, description) = match job {
                Job::Article(i) => (
                    Some(&*index.articles[i]),
                    index.articles[i].summary.as_str(),
                ),
                Job::Page(i) => (None, index.pages[i].summary.as_str()),
                _ => (None, config.description.as_str()),
            };
            let described = seo::Described {
                title: bare,
                description,
                url: permalink,
                article,
                home: job == Job::Home,
            };
            ctx.insert("seo", &seo::describe(site, &described, SEARCH_PATH));
        }
        ctx.insert("page_title", &title);
        ctx.insert("feeds", &feeds);
        // Into bytes: the page goes to a file as it is, so it need not be checked as a String.
        let mut html = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| {
                let page = format!("/{path} ({origin})");
                let during = During::Rendering {
                    template,
                    page: &page,
                };
                template_errors::problem(&e, &self.templates, during)
            })?;
        Ok(Output {
            path: output_file(&path),
            bytes: html.into(),
        })
    }
}

fn index_page(
    template: &'static str,
    path: &str,
    title: &str,
    config: &Config,
) -> (&'static str, String, String) {
    (
        template,
        format!("{title} | {}", config.title),
        format!("the index /{path}"),
    )
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

/// The template that renders a job.
pub fn template_of(job: Job) -> &'static str {
    match job {
        Job::Home => "index.html",
        Job::List { .. } => "list.html",
        Job::Article(_) => "article.html",
        Job::Page(_) => "page.html",
        Job::ProvinceIndex => "provinces.html",
        Job::TagIndex => "tags.html",
        Job::CategoryIndex => "categories.html",
        Job::ArchiveIndex => "archive.html",
        Job::Search => "search.html",
        Job::NotFound => "404.html",
    }
}

/// Where a job's page lives below the site root: `""` for home, `tin-tuc/a/`, `404.html`.
pub fn job_path(site: Site<'_>, job: Job) -> String {
    let index = site.index;
    match job {
        Job::Home => String::new(),
        Job::List { list, page } => paginate::page_path(&index.lists[list].path, page),
        Job::Article(i) => article_path(&index.articles[i]),
        Job::Page(i) => page_path(&index.pages[i]),
        Job::ProvinceIndex => "tinh/".to_string(),
        Job::TagIndex => "the/".to_string(),
        Job::CategoryIndex => "chuyen-muc/".to_string(),
        Job::ArchiveIndex => "luu-tru/".to_string(),
        Job::Search => SEARCH_PATH.to_string(),
        Job::NotFound => "404.html".to_string(),
    }
}

/// The output file of a page path: `tin-tuc/a/` → `tin-tuc/a/index.html`.
pub fn output_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
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
                problem.message = format!("{} (and {} more pages)", problem.message, count - 1);
            }
            problem
        })
        .collect()
}

/// The filters `register_helpers` adds to Tera's, for the "did you mean" of an unknown filter.
const FILTERS: &[&str] = &["date_vi", "number_vi", "slugify", "urlencode"];
/// The functions `register_helpers` adds to Tera's.
const FUNCTIONS: &[&str] = &["url"];

/// The Vietnamese helpers every template may use.
fn register_helpers(tera: &mut Tera, config: &Config) {
    tera.register_filter(
        "date_vi",
        |value: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let format: &str = kwargs.get("format")?.unwrap_or("datetime");
            let date = chrono::DateTime::parse_from_rfc3339(value).map_err(|_| {
                tera::Error::message(format!(
                    "date_vi needs a date like 2020-05-27T08:30:00+07:00, got `{value}`"
                ))
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
    use crate::model::provinces::Provinces;

    /// The names an unknown filter's "did you mean" offers are ones `register_helpers` adds.
    #[test]
    fn the_listed_helpers_are_registered() {
        let site = "title = \"T\"\nbase_url = \"https://x.org/\"\n[organization]\nname = \"A\"\nparent = \"B\"\naddress = \"C\"\nphone = \"1\"\nemail = \"a@x.org\"\neditor = \"D\"\n";
        let config = Config::parse(
            std::path::Path::new("."),
            SourceFile::new("site.toml", site),
            &Overrides::default(),
            &Provinces::builtin(),
        )
        .expect("test site.toml");
        let mut tera = Tera::new();
        register_helpers(&mut tera, &config);
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

    #[test]
    fn urlencode_keeps_only_unreserved_characters() {
        assert_eq!(
            urlencode("https://x.vn/tin-tuc/hữu-nghị/?a=1&b=2"),
            "https%3A%2F%2Fx.vn%2Ftin-tuc%2Fh%E1%BB%AFu-ngh%E1%BB%8B%2F%3Fa%3D1%26b%3D2"
        );
        assert_eq!(urlencode("a_b.c~d-e"), "a_b.c~d-e");
    }
}
