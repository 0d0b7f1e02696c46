//! Takes the loaded content and gives the `Index`: the published articles in reading order, the
//! standalone pages, the categories, and every URL the site will have — checked for collisions.

pub mod provinces;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::content::{ARTICLES_DIR, Article, Content, Filter, Page};
use crate::locale;
use crate::problem::{Problem, SourceFile};

/// Paths the generator writes itself; a page may not take them.
const RESERVED: &[&str] = &["", "404.html", ARTICLES_DIR];

/// A category with its articles (indexes into `Index::articles`, newest first).
#[derive(Debug)]
pub struct Category {
    pub name: String,
    pub slug: String,
    pub articles: Vec<usize>,
}

/// The site as it will be published.
#[derive(Debug)]
pub struct Index {
    /// Published articles, newest first (ties by slug, so the order is stable).
    pub articles: Vec<Article>,
    pub pages: Vec<Page>,
    /// In site.toml's order when it lists categories, otherwise by name in Vietnamese order.
    pub categories: Vec<Category>,
    /// How many articles this build held back (drafts, future-dated).
    pub held_back: usize,
}

impl Index {
    /// Builds the index; URL collisions and menu links to missing pages are problems.
    pub fn build(
        config: &Config,
        content: Content,
        filter: Filter,
        now: DateTime<FixedOffset>,
    ) -> (Index, Vec<Problem>) {
        let mut problems = Vec::new();
        let total = content.articles.len();
        let mut articles: Vec<Article> = content
            .articles
            .into_iter()
            .filter(|a| filter.publishes(a.draft, a.date, now))
            .collect();
        let held_back = total - articles.len();
        articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let pages: Vec<Page> = content
            .pages
            .into_iter()
            .filter(|p| filter.drafts || !p.draft)
            .collect();

        problems.extend(check_collisions(&articles, &pages));

        let mut by_slug: BTreeMap<String, Category> = BTreeMap::new();
        for (i, article) in articles.iter().enumerate() {
            if let Some(name) = &article.category {
                let slug = locale::slugify(name);
                by_slug
                    .entry(slug.clone())
                    .or_insert_with(|| Category {
                        name: name.clone(),
                        slug,
                        articles: Vec::new(),
                    })
                    .articles
                    .push(i);
            }
        }
        let mut categories = Vec::new();
        for name in &config.categories {
            if let Some(c) = by_slug.remove(&locale::slugify(name)) {
                categories.push(c);
            }
        }
        categories.extend(by_slug.into_values());

        let index = Index {
            articles,
            pages,
            categories,
            held_back,
        };
        problems.extend(index.check_menu(config));
        (index, problems)
    }

    /// Every internal menu link must lead to a page this build writes.
    fn check_menu(&self, config: &Config) -> Vec<Problem> {
        let mut problems = Vec::new();
        for item in config.menu.iter().chain(&config.links) {
            if item.is_external() {
                continue;
            }
            let path = item.url.split(['#', '?']).next().unwrap_or("");
            let path = path.trim_matches('/');
            let exists = path.is_empty()
                || self.pages.iter().any(|p| p.path == path)
                || path
                    .strip_prefix(ARTICLES_DIR)
                    .and_then(|rest| rest.strip_prefix('/'))
                    .is_some_and(|slug| self.articles.iter().any(|a| a.slug == slug));
            if !exists {
                let pages: Vec<String> =
                    self.pages.iter().map(|p| format!("/{}/", p.path)).collect();
                problems.push(
                    Problem::error(
                        "config::menu-missing-page",
                        format!(
                            "the menu links to `{}`, but the site has no such page",
                            item.url
                        ),
                    )
                    .at(&config.source, item.span.clone())
                    .label("no page at this address")
                    .help(format!(
                        "link to a page that exists: / (home){}{}",
                        if pages.is_empty() { "" } else { ", " },
                        pages.join(", ")
                    )),
                );
            }
        }
        problems
    }
}

/// Two articles, or two pages, or a page and the generator's own paths, that would share a URL.
fn check_collisions(articles: &[Article], pages: &[Page]) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Every claimed address with who claims it; reported in file order so messages are stable.
    let mut claims: Vec<(String, &SourceFile, &Range<usize>, &str)> = Vec::new();
    for article in articles {
        let url = format!("/{ARTICLES_DIR}/{}/", article.slug);
        let help = "give one of the two articles its own address with a `slug:` line, e.g. slug: hoi-nghi-tong-ket-2024-an-giang";
        claims.push((url, &article.file, &article.slug_span, help));
    }
    for page in pages {
        let first_segment = page.path.split('/').next().unwrap_or("");
        if RESERVED.contains(&page.path.as_str()) || first_segment == ARTICLES_DIR {
            problems.push(
                Problem::error(
                    "content::reserved-url",
                    format!("the page {} would take the address /{}/, which bantin uses itself", page.file.path, page.path),
                )
                .at(&page.file, page.path_span.clone())
                .help(format!("news articles go in content/{ARTICLES_DIR}/; give this page another file name or `slug:`")),
            );
            continue;
        }
        let help = "rename one of the files, or give it a `slug:`";
        claims.push((
            format!("/{}/", page.path),
            &page.file,
            &page.path_span,
            help,
        ));
    }
    claims.sort_by(|a, b| a.1.path.cmp(&b.1.path));
    let mut seen: HashMap<&str, &SourceFile> = HashMap::new();
    for (url, file, span, help) in &claims {
        match seen.get(url.as_str()) {
            Some(first) => problems.push(
                Problem::error(
                    "content::duplicate-url",
                    format!(
                        "{} and {} would both be published at {url}",
                        first.path, file.path
                    ),
                )
                .at(file, (*span).clone())
                .label(format!("same address as {}", first.path))
                .help(*help),
            ),
            None => {
                seen.insert(url, file);
            }
        }
    }
    problems
}
