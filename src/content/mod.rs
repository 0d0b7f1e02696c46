//! Takes the site's `content/` folder and gives every article and standalone page, with its
//! front-matter checked and its Markdown rendered. Problems from all files are collected together.

pub mod frontmatter;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use crate::config::Config;
use crate::locale::{self, date::DateError};
use crate::markdown::{self, Highlighter, Rendered};
use crate::model::provinces::{LookupError, ProvinceId, Provinces};
use crate::problem::{Problem, SourceFile, did_you_mean};
use frontmatter::{Fields, Nested, scalar_text};

/// News articles live under this folder of `content/`; everything else is a standalone page.
pub const ARTICLES_DIR: &str = "tin-tuc";

const ARTICLE_FIELDS: &[&str] = &[
    "title", "date", "updated", "expires", "province", "tags", "category", "summary", "author",
    "source", "image", "featured", "draft", "slug", "aliases", "extra",
];
const PAGE_FIELDS: &[&str] = &[
    "title", "summary", "updated", "draft", "slug", "aliases", "extra",
];
const SOURCE_FIELDS: &[&str] = &["name", "url", "author", "published"];
const IMAGE_FIELDS: &[&str] = &["src", "alt", "caption"];

/// A news article.
#[derive(Debug, Clone)]
pub struct Article {
    pub file: SourceFile,
    pub title: String,
    pub slug: String,
    pub date: DateTime<FixedOffset>,
    pub updated: Option<DateTime<FixedOffset>>,
    /// After this time the article is taken off the site.
    pub expires: Option<DateTime<FixedOffset>>,
    pub province: ProvinceId,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// Where each tag is written, for tag collision errors.
    pub tag_spans: Vec<Range<usize>>,
    /// Plain text: `summary:` or the body's first paragraph.
    pub summary: String,
    pub author: Option<String>,
    pub source: Option<Source>,
    pub image: Option<Image>,
    pub featured: bool,
    pub draft: bool,
    pub aliases: Vec<String>,
    pub extra: serde_json::Value,
    pub body: Rendered,
    /// The file's line on which the Markdown body starts (body line 1).
    pub body_line: usize,
    /// A hash of the file's text: everything the article shows follows from it (and the
    /// settings), so the dev server re-renders a page only when such hashes change.
    pub source_hash: u64,
    /// Where `slug` comes from in the file (the `slug:` or `title:` value), for collision errors.
    pub slug_span: Range<usize>,
    pub category_span: Option<Range<usize>>,
    /// Where `province:` is written (absent when the site's default province applies).
    pub province_span: Option<Range<usize>>,
}

/// A standalone page such as Giới thiệu or Liên hệ.
#[derive(Debug, Clone)]
pub struct Page {
    pub file: SourceFile,
    pub title: String,
    /// URL path below the site root, without slashes at the ends: `gioi-thieu`, `a/b`.
    pub path: String,
    pub summary: String,
    pub updated: Option<DateTime<FixedOffset>>,
    pub draft: bool,
    pub aliases: Vec<String>,
    pub extra: serde_json::Value,
    pub body: Rendered,
    /// The file's line on which the Markdown body starts (body line 1).
    pub body_line: usize,
    /// A hash of the file's text (see `Article::source_hash`).
    pub source_hash: u64,
    pub path_span: Range<usize>,
}

/// Where a reposted article comes from (NĐ 147/2024 asks for source and original time).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Source {
    pub name: String,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
}

#[derive(Debug, Clone)]
pub struct Image {
    /// As written: a path under static/ or an http(s) URL.
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    pub span: Range<usize>,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Content {
    pub articles: Vec<Arc<Article>>,
    pub pages: Vec<Page>,
}

/// Settings that decide what is published.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    pub drafts: bool,
    pub future: bool,
}

/// Finds every `.md` file under `content/`, in a stable order.
pub fn discover(content_dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let mut files = Vec::new();
    if !content_dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(content_dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            Problem::error(
                "content::unreadable",
                format!("cannot read the content folder: {e}"),
            )
        })?;
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && name.starts_with('.') {
            continue;
        }
        if entry.file_type().is_file() && name.ends_with(".md") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Reads and checks every content file in parallel. Returns the content and all problems found
/// (errors and warnings); the caller decides whether errors stop the build.
pub fn load(
    config: &Config,
    provinces: &Provinces,
    highlighter: &Highlighter,
    files: &[PathBuf],
) -> (Content, Vec<Problem>) {
    let loaded: Vec<Loaded> = files
        .par_iter()
        .map(|path| load_file(config, provinces, highlighter, path))
        .collect();
    assemble(config, loaded)
}

/// Reads and checks one content file.
pub fn load_file(
    config: &Config,
    provinces: &Provinces,
    highlighter: &Highlighter,
    path: &Path,
) -> Loaded {
    let loader = Loader {
        config,
        provinces,
        highlighter,
    };
    let (item, problems) = loader.load_file(path);
    Loaded { item, problems }
}

/// Puts loaded files together (in the order given) and runs the checks that span files.
pub fn assemble(
    config: &Config,
    loaded: impl IntoIterator<Item = Loaded>,
) -> (Content, Vec<Problem>) {
    let mut content = Content::default();
    let mut problems = Vec::new();
    for Loaded {
        item,
        problems: found,
    } in loaded
    {
        problems.extend(found);
        match item {
            Some(Item::Article(a)) => content.articles.push(a),
            Some(Item::Page(p)) => content.pages.push(*p),
            None => {}
        }
    }
    problems.extend(check_categories(config, &content.articles));
    (content, problems)
}

/// One content file after reading: what it holds (if it could be read) and what is wrong with it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub item: Option<Item>,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Drops the Markdown body from the kept copy of the file's text, keeping the front-matter,
    /// which is all that later problems (collisions, aliases) point into. A build keeps only
    /// the rendered body, not the source too; `bantin check`, which points into bodies, does not
    /// call this.
    pub fn without_body_text(mut self) -> Loaded {
        match &mut self.item {
            Some(Item::Article(article)) => {
                let end = article.file.offset_of(article.body_line, 0);
                if end < article.file.text.len() {
                    Arc::make_mut(article).file = article.file.head(end);
                }
            }
            Some(Item::Page(page)) => {
                let end = page.file.offset_of(page.body_line, 0);
                page.file = page.file.head(end);
            }
            None => {}
        }
        self
    }
}

/// Checks one file's text exactly as `load` would check it at `path` (a path under `content/`),
/// without reading the disk: for commands that write content (`bantin new`) and must not leave
/// a file the next build would reject. Cross-file checks (URL collisions) are not made here.
pub fn load_text(
    config: &Config,
    provinces: &Provinces,
    highlighter: &Highlighter,
    path: &Path,
    text: String,
) -> (Content, Vec<Problem>) {
    let loader = Loader {
        config,
        provinces,
        highlighter,
    };
    let display = display_path(&config.root, path);
    let (item, problems) = loader.load_text(path, display, text);
    assemble(config, [Loaded { item, problems }])
}

#[derive(Debug, Clone)]
pub enum Item {
    /// Shared: the dev server keeps it between builds without copying it.
    Article(Arc<Article>),
    Page(Box<Page>),
}

struct Loader<'a> {
    config: &'a Config,
    provinces: &'a Provinces,
    highlighter: &'a Highlighter,
}

/// A site-relative display path with forward slashes.
pub fn display_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

impl Loader<'_> {
    fn load_file(&self, path: &Path) -> (Option<Item>, Vec<Problem>) {
        let display = display_path(&self.config.root, path);
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                return (
                    None,
                    vec![
                        Problem::error("content::unreadable", format!("cannot read the file: {e}"))
                            .in_file(display),
                    ],
                );
            }
        };
        let text = match crate::problem::utf8_text("content::not-utf8", display.clone(), bytes) {
            Ok(t) => t,
            Err(problem) => return (None, vec![problem]),
        };
        self.load_text(path, display, text)
    }

    fn load_text(
        &self,
        path: &Path,
        display: String,
        text: String,
    ) -> (Option<Item>, Vec<Problem>) {
        // One spelling for every text: NFD input (some Vietnamese keyboards) gives the same site.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let text: String = if is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
        {
            text.to_string()
        } else {
            text.nfc().collect()
        };
        let source_hash = {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::hash::DefaultHasher::new();
            text.hash(&mut hasher);
            hasher.finish()
        };
        let file = SourceFile::new(display, text);
        let content_dir = self.config.content_dir();
        let relative = path.strip_prefix(&content_dir).unwrap_or(path);
        let is_article = relative
            .components()
            .next()
            .is_some_and(|c| c.as_os_str() == ARTICLES_DIR)
            && relative.components().count() > 1;
        match self.parse(&file, relative, is_article) {
            Ok((mut item, problems)) => {
                match &mut item {
                    Some(Item::Article(a)) => {
                        if let Some(a) = Arc::get_mut(a) {
                            a.source_hash = source_hash;
                        }
                    }
                    Some(Item::Page(p)) => p.source_hash = source_hash,
                    None => {}
                }
                (item, problems)
            }
            Err(problem) => (None, vec![problem]),
        }
    }

    fn parse(
        &self,
        file: &SourceFile,
        relative: &Path,
        is_article: bool,
    ) -> Result<(Option<Item>, Vec<Problem>), Problem> {
        let split = frontmatter::split(file)?;
        let docs = frontmatter::parse_yaml(file, &split)?;
        let mut fields = Fields::new(file, &split, &docs)?;
        let body = markdown::render(
            split.body,
            &markdown::Options {
                base_path: &self.config.base_path,
            },
            self.highlighter,
        );
        let body_line = split.body_line;
        let item = if is_article {
            self.article(&mut fields, body, body_line)
                .map(|a| Item::Article(Arc::new(a)))
        } else {
            self.page(&mut fields, relative, body, body_line)
                .map(|p| Item::Page(Box::new(p)))
        };
        Ok((item, fields.problems))
    }

    fn article(
        &self,
        fields: &mut Fields<'_, '_>,
        body: Rendered,
        body_line: usize,
    ) -> Option<Article> {
        fields.reject_unknown(ARTICLE_FIELDS, "article");
        let file = fields.file();
        let title = fields.required_text("title", "Hội nghị tổng kết công tác năm 2024");
        let date = self.date_field(fields, "date", true);
        let updated = self.date_field(fields, "updated", false);
        let expires = self.date_field(fields, "expires", false);
        let province_span = fields.get("province").map(|v| v.span);
        let province = self.province_field(fields);
        let category = fields
            .text("category")
            .map(|(c, s)| (c.trim().to_string(), s));
        let tags = fields.list("tags");
        let summary = fields.text("summary").map(|(s, _)| collapse(&s));
        let author = fields.text("author").map(|(a, _)| a.trim().to_string());
        let source = self.source_field(fields);
        let image = self.image_field(fields);
        let featured = fields.flag("featured");
        let draft = fields.flag("draft");
        let slug_field = fields.text("slug");
        let aliases = self.aliases_field(fields);
        let extra = fields.extra();

        let (title, title_span) = title?;
        let (slug, slug_span) = self.slug(fields, slug_field, &title, title_span)?;
        // The same tag twice in one article counts once.
        let mut unique_tags: Vec<(String, Range<usize>)> = Vec::new();
        for (tag, span) in tags {
            if !unique_tags.iter().any(|(t, _)| *t == tag) {
                unique_tags.push((tag, span));
            }
        }
        let (tags, tag_spans) = unique_tags.into_iter().unzip();
        Some(Article {
            file: file.clone(),
            summary: summary.unwrap_or_else(|| body.summary.clone()),
            title: title.trim().to_string(),
            slug,
            date: date?,
            updated,
            expires,
            province: province?,
            province_span,
            category_span: category.as_ref().map(|(_, s)| s.clone()),
            category: category.map(|(c, _)| c).filter(|c| !c.is_empty()),
            tags,
            tag_spans,
            author,
            source,
            image,
            featured,
            draft,
            aliases,
            extra,
            body,
            body_line,
            source_hash: 0,
            slug_span,
        })
    }

    fn page(
        &self,
        fields: &mut Fields<'_, '_>,
        relative: &Path,
        body: Rendered,
        body_line: usize,
    ) -> Option<Page> {
        fields.reject_unknown(PAGE_FIELDS, "page");
        let file = fields.file();
        let title = fields.required_text("title", "Giới thiệu");
        let summary = fields.text("summary").map(|(s, _)| collapse(&s));
        let updated = self.date_field(fields, "updated", false);
        let draft = fields.flag("draft");
        let slug_field = fields.text("slug");
        let aliases = self.aliases_field(fields);
        let extra = fields.extra();
        let (title, _) = title?;

        // content/a/b.md → a/b; content/a/index.md → a; the last part may be renamed by `slug:`.
        let mut parts: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| locale::slugify(&c.as_os_str().to_string_lossy()))
            .collect();
        if parts.last().is_some_and(|p| p == "index" || p == "_index") {
            parts.pop();
        }
        let mut path_span = fields.block_span();
        if let Some((slug, span)) = slug_field {
            let slug = locale::slugify(&slug);
            if slug.is_empty() {
                fields.problem(bad_slug(file, span));
                return None;
            }
            path_span = span;
            match parts.last_mut() {
                Some(last) => *last = slug,
                None => parts.push(slug),
            }
        }
        Some(Page {
            file: file.clone(),
            title: title.trim().to_string(),
            path: parts.join("/"),
            summary: summary.unwrap_or_else(|| body.summary.clone()),
            updated,
            draft,
            aliases,
            extra,
            body,
            body_line,
            source_hash: 0,
            path_span,
        })
    }

    fn slug(
        &self,
        fields: &mut Fields<'_, '_>,
        slug_field: Option<(String, Range<usize>)>,
        title: &str,
        title_span: Range<usize>,
    ) -> Option<(String, Range<usize>)> {
        let file = fields.file();
        let (source, span) = slug_field.unwrap_or((title.to_string(), title_span));
        let slug = locale::slugify(&source);
        if slug.is_empty() {
            fields.problem(bad_slug(file, span));
            return None;
        }
        Some((slug, span))
    }

    fn date_field(
        &self,
        fields: &mut Fields<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<DateTime<FixedOffset>> {
        let (text, span) = if required {
            fields.required_text(key, "27/05/2020 08:30")?
        } else {
            fields.text(key)?
        };
        match locale::date::parse_date(&text, self.config.timezone) {
            Ok(date) => Some(date),
            Err(e) => {
                let file = fields.file();
                fields.problem(date_problem(file, span, key, &text, &e));
                None
            }
        }
    }

    fn province_field(&self, fields: &mut Fields<'_, '_>) -> Option<ProvinceId> {
        let file = fields.file();
        match fields.text("province") {
            Some((name, span)) => match self.provinces.lookup(&name) {
                Ok(p) => Some(p.id()),
                Err(e) => {
                    fields.problem(province_problem(file, span, &name, &e));
                    None
                }
            },
            None if fields.get("province").is_some() => None,
            None => match self.config.province {
                Some(p) => Some(p),
                None => {
                    let span = fields.block_span();
                    fields.problem(
                        Problem::error("content::missing-field", "the required field `province` is missing")
                            .at(file, span)
                            .label("this front-matter has no `province:` line")
                            .help("add a line like `province: An Giang`, or set the site's own province in site.toml (province = \"An Giang\") to make it the default"),
                    );
                    None
                }
            },
        }
    }

    fn source_field(&self, fields: &mut Fields<'_, '_>) -> Option<Source> {
        let nested = fields.nested("source")?;
        let file = fields.file();
        if let Some((name, _)) = nested.scalar {
            return Some(Source {
                name: name.trim().to_string(),
                url: None,
                author: None,
                published: None,
            });
        }
        check_nested_keys(fields, &nested, SOURCE_FIELDS, "source");
        let text = |key: &str| {
            nested
                .get(key)
                .and_then(scalar_text)
                .map(|s| s.trim().to_string())
        };
        let Some(name) = text("name").filter(|n| !n.is_empty()) else {
            fields.problem(
                Problem::error("content::missing-field", "`source` needs a `name`")
                    .at(file, nested.span.clone())
                    .help("write the source like this:\n  source:\n    name: Thời Đại\n    url: https://thoidai.com.vn/…"),
            );
            return None;
        };
        let url = text("url");
        if let Some(url) = &url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            let span = nested
                .get("url")
                .map_or(nested.span.clone(), |n| fields.span_of(n));
            fields.problem(
                Problem::error(
                    "content::bad-url",
                    format!("the source address `{url}` is not a web address"),
                )
                .at(file, span)
                .help("copy the full address of the original article, starting with https://"),
            );
        }
        let published = nested.get("published").and_then(|node| {
            let span = fields.span_of(node);
            let text = scalar_text(node)?;
            match locale::date::parse_date(&text, self.config.timezone) {
                Ok(d) => Some(d),
                Err(e) => {
                    fields.problem(date_problem(file, span, "source.published", &text, &e));
                    None
                }
            }
        });
        Some(Source {
            name,
            url,
            author: text("author"),
            published,
        })
    }

    fn image_field(&self, fields: &mut Fields<'_, '_>) -> Option<Image> {
        let nested = fields.nested("image")?;
        let file = fields.file();
        if nested.scalar.is_some() {
            fields.problem(
                Problem::error("content::image-needs-alt", "the image needs a description (alt text) for readers who cannot see it")
                    .at(file, nested.span.clone())
                    .help("write the image like this:\n  image:\n    src: /images/hoi-nghi.jpg\n    alt: Các đại biểu dự hội nghị\n    caption: Quang cảnh hội nghị (optional)"),
            );
            return None;
        }
        check_nested_keys(fields, &nested, IMAGE_FIELDS, "image");
        let get = |key: &str| {
            nested
                .get(key)
                .and_then(scalar_text)
                .map(|s| s.trim().to_string())
        };
        let (Some(src), Some(alt)) = (get("src"), get("alt").filter(|a| !a.is_empty())) else {
            let missing = if get("src").is_none() { "src" } else { "alt" };
            fields.problem(
                Problem::error("content::missing-field", format!("`image` needs `{missing}`"))
                    .at(file, nested.span.clone())
                    .help("write the image like this:\n  image:\n    src: /images/hoi-nghi.jpg\n    alt: Các đại biểu dự hội nghị\n    caption: Quang cảnh hội nghị (optional)"),
            );
            return None;
        };
        let span = nested
            .get("src")
            .map_or(nested.span.clone(), |n| fields.span_of(n));
        if !crate::config::is_external_url(&src) && !self.static_file_exists(&src) {
            fields.problem(
                Problem::error("content::missing-image", format!("the image `{src}` does not exist"))
                    .at(file, span.clone())
                    .label("no such file in static/")
                    .help("put the image in the site's static/ folder and write its path from there, e.g. src: /images/2024/hoi-nghi.jpg for static/images/2024/hoi-nghi.jpg"),
            );
        }
        Some(Image {
            src,
            alt,
            caption: get("caption").filter(|c| !c.is_empty()),
            span,
        })
    }

    fn static_file_exists(&self, src: &str) -> bool {
        let relative = src.trim_start_matches('/');
        if relative.split('/').any(|part| part == "..") {
            return false;
        }
        self.config.root.join("static").join(relative).is_file()
            || crate::render::theme::static_file_exists(self.config, relative)
    }

    fn aliases_field(&self, fields: &mut Fields<'_, '_>) -> Vec<String> {
        let file = fields.file();
        let mut out = Vec::new();
        for (alias, span) in fields.list("aliases") {
            if alias.starts_with('/') && !alias.contains("..") && !alias.contains(['?', '#', ' ']) {
                out.push(alias);
            } else {
                fields.problem(
                    Problem::error("content::bad-alias", format!("the old address `{alias}` is not a path on this site"))
                        .at(file, span)
                        .help("write old addresses as paths from the site root, e.g. /tin-tuc/chi-tiet/hoi-nghi-2019/123"),
                );
            }
        }
        out
    }
}

fn check_nested_keys(fields: &mut Fields<'_, '_>, nested: &Nested<'_>, known: &[&str], what: &str) {
    let file = fields.file();
    for (key, span, _) in &nested.entries {
        if known.contains(&key.as_str()) {
            continue;
        }
        let problem = Problem::error(
            "content::unknown-field",
            format!("unknown field `{what}.{key}`"),
        )
        .at(file, span.clone());
        fields.problem(match did_you_mean(key, known.iter().copied()) {
            Some(s) => problem
                .label(format!("did you mean `{s}`?"))
                .help(format!("rename it to `{s}`")),
            None => problem.help(format!("`{what}` has these fields: {}", known.join(", "))),
        });
    }
}

fn bad_slug(file: &SourceFile, span: Range<usize>) -> Problem {
    Problem::error(
        "content::empty-slug",
        "no web address can be made from this text",
    )
    .at(file, span)
    .label("has no letters or digits")
    .help("write a slug with letters or digits, e.g. slug: hoi-nghi-tong-ket-2024")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn date_problem(
    file: &SourceFile,
    span: Range<usize>,
    key: &str,
    text: &str,
    error: &DateError,
) -> Problem {
    Problem::error(
        "content::bad-date",
        format!("`{key}` is not a valid date: {text}"),
    )
    .at(file, span)
    .label(error.to_string())
    .help(format!(
        "write the date like {} (day/month/year; the time is optional)",
        locale::date::ACCEPTED_FORMATS
            .iter()
            .map(|f| f.split(" (").next().unwrap_or(f))
            .collect::<Vec<_>>()
            .join(" or ")
    ))
}

/// The problem for a province name that is not in the registry, with the closest names.
pub fn province_problem(
    file: &SourceFile,
    span: Range<usize>,
    input: &str,
    error: &LookupError,
) -> Problem {
    let problem = Problem::error(
        "content::unknown-province",
        format!("unknown province `{input}`"),
    )
    .at(file, span);
    match error.suggestions.as_slice() {
        [] => problem.label("not a Vietnamese province or city").help(
            "write the province's name, with or without accents (e.g. Kiên Giang, kien giang, TP. Hồ Chí Minh)",
        ),
        [first, rest @ ..] => {
            let others = if rest.is_empty() {
                String::new()
            } else {
                format!(" (or: {})", rest.join(", "))
            };
            problem
                .label(format!("did you mean `{first}`?"))
                .help(format!("write `province: {first}`{others}; names may be written with or without accents"))
        }
    }
}

/// With a category list in site.toml, every article's category must be one of them.
fn check_categories(config: &Config, articles: &[Arc<Article>]) -> Vec<Problem> {
    if config.categories.is_empty() {
        return Vec::new();
    }
    let known: BTreeMap<String, &str> = config
        .categories
        .iter()
        .map(|c| (locale::slugify(c), c.as_str()))
        .collect();
    let mut problems = Vec::new();
    for article in articles {
        let (Some(category), Some(span)) = (&article.category, &article.category_span) else {
            continue;
        };
        if config.categories.iter().any(|c| c == category) {
            continue;
        }
        let same_slug = known.get(&locale::slugify(category)).copied();
        let suggestion = same_slug
            .or_else(|| did_you_mean(category, config.categories.iter().map(String::as_str)));
        let problem = Problem::error(
            "content::unknown-category",
            format!("the category `{category}` is not in site.toml's list"),
        )
        .at(&article.file, span.clone());
        problems.push(match suggestion {
            Some(s) => problem.label(format!("did you mean `{s}`?")).help(format!(
                "write `category: {s}`, or add the new category to `categories` in site.toml"
            )),
            None => problem.help(format!(
                "the categories are: {}; to add one, list it in `categories` in site.toml",
                config.categories.join(", ")
            )),
        });
    }
    problems
}

impl Filter {
    /// Whether an article is published in this build: not a draft (unless drafts are asked
    /// for), not dated in the future (unless asked for), not expired.
    pub fn publishes(&self, article: &Article, now: DateTime<FixedOffset>) -> bool {
        (self.drafts || !article.draft)
            && (self.future || article.date <= now)
            && article.expires.is_none_or(|e| e > now)
    }
}
