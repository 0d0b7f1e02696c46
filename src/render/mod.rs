//! Takes the index and the theme and gives the site's pages: `plan` lists one job per output page,
//! `run` renders the jobs in parallel with Tera, each with its own small context.

pub mod context;
pub mod theme;

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::config::Config;
use crate::model::Index;
use crate::model::provinces::Provinces;
use crate::problem::{Problem, SourceFile};
use context::{
    ArticleFull, ArticleSummary, CategoryBlock, Crumb, PageFull, SiteContext, article_path,
    page_path,
};
use theme::Theme;

/// Hot news on the home page.
const FEATURED_ON_HOME: usize = 5;
/// Articles per category block on the home page.
const PER_CATEGORY_BLOCK: usize = 4;
/// The "Tin mới" box beside every page.
const SIDEBAR_LATEST: usize = 6;

/// One page to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Home,
    Article(usize),
    Page(usize),
    NotFound,
}

/// A rendered file: its path below the output folder and its bytes.
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every page of the site, in a stable order.
pub fn plan(index: &Index) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound];
    jobs.extend((0..index.articles.len()).map(Job::Article));
    jobs.extend((0..index.pages.len()).map(Job::Page));
    jobs
}

/// The Tera instance with the theme's templates and the Vietnamese helpers.
pub struct Renderer {
    tera: Tera,
    templates: BTreeMap<String, SourceFile>,
}

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
                && let Some(p) = template_problem(&e, &theme.templates, None)
                && p.code == "theme::template-syntax"
            {
                problems.push(p);
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
            let problem = template_problem(&e, &theme.templates, None).unwrap_or_else(|| {
                Problem::error(
                    "theme::template",
                    format!("the theme's templates do not fit together: {e}"),
                )
            });
            return Err(vec![problem]);
        }
        let mut missing = Vec::new();
        for required in ["index.html", "article.html", "page.html", "404.html"] {
            if !theme.templates.contains_key(required) {
                missing.push(required);
            }
        }
        if !missing.is_empty() {
            return Err(vec![
                Problem::error(
                    "theme::missing-template",
                    format!("the theme has no template {}", missing.join(", ")),
                )
                .help("a theme needs templates/index.html, article.html, page.html and 404.html"),
            ]);
        }
        Ok(Renderer {
            tera,
            templates: theme.templates.clone(),
        })
    }

    /// Renders every job. Template errors are collected, one per failing page.
    pub fn run(
        &mut self,
        config: &Config,
        provinces: &Provinces,
        index: &Index,
        jobs: &[Job],
    ) -> Result<Vec<Output>, Vec<Problem>> {
        // Each article's summary is serialised once and shared by every list that shows it.
        let summaries: Vec<tera::Value> = index
            .articles
            .par_iter()
            .map(|a| tera::Value::from_serializable(&ArticleSummary::new(a, config, provinces)))
            .collect();
        let global = self.tera.global_context();
        global.insert("site", &SiteContext::new(config));
        let latest: Vec<&tera::Value> = summaries.iter().take(SIDEBAR_LATEST).collect();
        global.insert("sidebar", &serde_json::json!({ "latest": latest }));

        let this = &*self;
        let results: Vec<Result<Output, Problem>> = jobs
            .par_iter()
            .map(|job| this.render_job(*job, config, provinces, index, &summaries))
            .collect();
        let mut outputs = Vec::with_capacity(results.len());
        let mut problems = Vec::new();
        for result in results {
            match result {
                Ok(o) => outputs.push(o),
                Err(p) => problems.push(p),
            }
        }
        if problems.is_empty() {
            Ok(outputs)
        } else {
            Err(merge_repeats(problems))
        }
    }

    fn render_job(
        &self,
        job: Job,
        config: &Config,
        provinces: &Provinces,
        index: &Index,
        summaries: &[tera::Value],
    ) -> Result<Output, Problem> {
        let mut ctx = Context::new();
        let (template, path, title, origin) = match job {
            Job::Home => {
                let featured: Vec<&tera::Value> = index
                    .articles
                    .iter()
                    .zip(summaries)
                    .filter(|(a, _)| a.featured)
                    .map(|(_, s)| s)
                    .take(FEATURED_ON_HOME)
                    .collect();
                let latest: Vec<&tera::Value> = summaries.iter().take(config.page_size).collect();
                let blocks: Vec<CategoryBlock> = index
                    .categories
                    .iter()
                    .map(|c| CategoryBlock {
                        name: &c.name,
                        slug: &c.slug,
                        articles: c
                            .articles
                            .iter()
                            .take(PER_CATEGORY_BLOCK)
                            .map(|&i| summaries[i].clone())
                            .collect(),
                    })
                    .collect();
                ctx.insert("featured", &featured);
                ctx.insert("latest", &latest);
                ctx.insert("category_blocks", &blocks);
                (
                    "index.html",
                    String::new(),
                    config.title.clone(),
                    "the home page".to_string(),
                )
            }
            Job::Article(i) => {
                let article = &index.articles[i];
                let path = article_path(article);
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
                        url: None,
                    });
                }
                ctx.insert("article", &ArticleFull::new(article, config, provinces));
                ctx.insert("breadcrumb", &crumbs);
                let title = format!("{} | {}", article.title, config.title);
                ("article.html", path, title, article.file.path.clone())
            }
            Job::Page(i) => {
                let page = &index.pages[i];
                ctx.insert("page", &PageFull::new(page, config));
                let title = format!("{} | {}", page.title, config.title);
                ("page.html", page_path(page), title, page.file.path.clone())
            }
            Job::NotFound => (
                "404.html",
                "404.html".to_string(),
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
        ctx.insert("page_title", &title);
        let html = self.tera.render(template, &ctx).map_err(|e| {
            template_problem(&e, &self.templates, Some(&format!("/{path} ({origin})")))
                .unwrap_or_else(|| {
                    Problem::error(
                        "theme::render",
                        format!(
                            "the template {template} failed while rendering /{path} ({origin}): {e}"
                        ),
                    )
                })
        })?;
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        };
        Ok(Output {
            path: file,
            bytes: html.into_bytes(),
        })
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

/// Turns a Tera error into a problem pointing into the template's source.
fn template_problem(
    error: &tera::Error,
    templates: &BTreeMap<String, SourceFile>,
    page: Option<&str>,
) -> Option<Problem> {
    let (code, report) = match error.kind() {
        tera::ErrorKind::SyntaxError(r) => ("theme::template-syntax", r),
        tera::ErrorKind::RenderingError(r) => ("theme::template-render", r),
        tera::ErrorKind::MissingParent { current, parent } => {
            let file = templates.get(current)?;
            return Some(
                Problem::error(
                    "theme::missing-parent",
                    format!("{} extends `{parent}`, which does not exist", file.path),
                )
                .in_file(file.path.clone())
                .help(format!(
                    "the templates are: {}",
                    templates.keys().cloned().collect::<Vec<_>>().join(", ")
                )),
            );
        }
        _ => return None,
    };
    let file = templates.get(report.filename())?;
    let span = report.span();
    let start = file.offset_of(span.start_line, span.start_col);
    let end = if span.end_line == span.start_line && span.end_col > span.start_col {
        file.offset_of(span.end_line, span.end_col)
    } else {
        start + 1
    };
    let message = match page {
        Some(page) => format!("template error in {} while rendering {page}", file.path),
        None => format!("template syntax error in {}", file.path),
    };
    Some(
        Problem::error(code, message)
            .at(file, start..end)
            .label(report.message().to_string())
            .help("Tera templates write values as {{ name }} and tags as {% if … %}…{% endif %}; see https://keats.github.io/tera/docs/"),
    )
}

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
    let base_path = config.base_path.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            Ok(format!("{base_path}{}", path.trim_start_matches('/')))
        },
    );
}
