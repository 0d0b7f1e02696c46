//! Takes the site's `content/` folder and gives every article and standalone page, with its
//! front-matter checked and its Markdown rendered. Problems from all files are collected together.

mod album;
mod document;
pub mod frontmatter;
mod shown;

pub use album::{ALBUMS_DIR, Album, AlbumPhoto};
pub use document::{
    DOCUMENTS_DIR, Document, DocumentFile, KINDS as DOCUMENT_KINDS, Level, Status, number_key,
};

pub use shown::{Shown, ShownImage, Stamps};

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
use crate::messages::Arg;
use crate::msg;
use crate::problem::{Problem, SourceFile, did_you_mean, display_path};
use crate::provinces::{ProvinceId, Provinces, province_problem};
use crate::route;
use frontmatter::{Fields, Nested};

/// News articles live under this folder of `content/`; everything else is a standalone page.
pub const ARTICLES_DIR: &str = "tin-tuc";

/// The code of a warning about something removed from a body's raw HTML. `bantin check` lists
/// each; a build, which does not keep the bodies' text, says how many in one line
/// (`unsafe_html_summary`).
pub const UNSAFE_HTML: &str = "content::unsafe-html";

/// A `summary:` longer than this, in characters, gets a warning: it is used as written in the
/// meta description, feeds and lists, where a few sentences is what readers and search engines
/// take in. (A summary made from the body is cut at `markdown::SUMMARY_MAX_CHARS`.)
pub const LONG_SUMMARY_CHARS: usize = 600;

pub(crate) const ARTICLE_FIELDS: &[&str] = &[
    "title", "date", "updated", "expires", "province", "tags", "category", "summary", "author",
    "source", "image", "featured", "draft", "slug", "aliases", "extra", "id", "album",
];
pub(crate) const PAGE_FIELDS: &[&str] = &[
    "title", "summary", "updated", "draft", "slug", "aliases", "extra",
];
const SOURCE_FIELDS: &[&str] = &["name", "url", "author", "published"];
const IMAGE_FIELDS: &[&str] = &["src", "alt", "caption", "focus"];

/// A news article.
#[derive(Debug, Clone)]
pub struct Article {
    pub file: SourceFile,
    pub title: String,
    pub slug: String,
    /// Where the article is published, below the site root, made from site.toml's permalink
    /// pattern (`route::Pattern`): `tin-tuc/hoi-nghi/`, `2024/05/27/hoi-nghi/`,
    /// `tin-tuc/hoi-nghi-1024.html`. Empty when the pattern needs an `id:` the article lacks
    /// (an error).
    pub path: String,
    /// `id:`, a stable number for patterns with `:id` (old portals' `…-1024.html`).
    pub id: Option<u64>,
    pub id_span: Option<Range<usize>>,
    /// Its addresses under site.toml's `[permalinks] previous` patterns, where they differ from
    /// `path`: redirected to it.
    pub previous_paths: Vec<String>,
    pub date: DateTime<FixedOffset>,
    /// Whether `date:` was written with a time of day. Without one the date is 00:00 for
    /// sorting and the machine-readable forms, and pages show the day alone.
    pub date_has_time: bool,
    pub updated: Option<DateTime<FixedOffset>>,
    /// Whether `updated:` was written with a time of day.
    pub updated_has_time: bool,
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
    /// Without `image:`, the body's first figure (else its first image): the article's
    /// thumbnail and share picture, not shown again above the body.
    pub lead_from_body: Option<Image>,
    pub featured: bool,
    pub draft: bool,
    pub aliases: Vec<String>,
    pub extra: serde_json::Value,
    /// `album:`, the slug of a photo album shown after the body, and where it is written.
    pub album: Option<(String, Range<usize>)>,
    pub body: Rendered,
    /// The file's line on which the Markdown body starts (body line 1).
    pub body_line: usize,
    /// A hash of the file's text: everything the article shows follows from it (and the
    /// settings), so the dev server re-renders a page only when such hashes change.
    pub source_hash: u64,
    /// Hashes of what pages show of the article (the render plan's stamps).
    pub stamps: Stamps,
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
    /// Whether `updated:` was written with a time of day.
    pub updated_has_time: bool,
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
    /// Whether `published:` was written with a time of day.
    pub published_has_time: bool,
}

#[derive(Debug, Clone)]
pub struct Image {
    /// As written: a path under static/ or an http(s) URL.
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    /// `focus:`, where a share picture is cropped around (`None`: site.toml's).
    pub focus: Option<crate::images::Focus>,
    pub span: Range<usize>,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Content {
    pub articles: Vec<Arc<Article>>,
    pub pages: Vec<Page>,
    pub albums: Vec<Arc<Album>>,
    /// Documents (văn bản) in file order.
    pub documents: Vec<Arc<Document>>,
}

/// Settings that decide what is published.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    pub drafts: bool,
    pub future: bool,
}

/// Finds every `.md` file under `content/`, in a stable order (by name, folder by folder), and a
/// problem for every link that cannot be followed and every folder that cannot be read: one bad
/// entry does not hide the others, nor the problems in the files found.
///
/// Symbolic links are followed when what they point at lies inside the site folder `root` (one
/// article shown in two sections, a folder shared with another part of the site). A link that
/// leads out of the site is never followed: the site would build differently on another
/// computer, and a build could publish any file its user can read. A broken link, and a folder
/// link that leads back into a folder containing it, are problems too. Links whose name says they
/// are neither Markdown nor a folder (`anh.jpg`) are ignored, like any other such file.
pub fn discover(root: &Path, content_dir: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    if !content_dir.is_dir() {
        return (files, Vec::new());
    }
    // Real paths, so that `..` and links in the site's own path compare as they should. The
    // content folder counts as inside even when it is itself a link to elsewhere.
    let inside: Vec<PathBuf> = [root, content_dir]
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let is_inside = |target: &Path| inside.iter().any(|dir| target.starts_with(dir));
    // Both the filter (links out of the site) and the loop below (broken links, loops) report.
    let problems = std::cell::RefCell::new(Vec::new());
    let walk = walkdir::WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        // Runs before walkdir descends into a folder, so a folder outside the site is never read.
        .filter_entry(|entry| {
            if entry.depth() == 0 || !entry.path_is_symlink() {
                return true;
            }
            let name = entry.file_name().to_string_lossy();
            if name.starts_with('.') || !(entry.file_type().is_dir() || may_be_content(&name)) {
                return false;
            }
            match std::fs::canonicalize(entry.path()) {
                Ok(target) if is_inside(&target) => true,
                Ok(target) => {
                    problems.borrow_mut().push(link_outside(
                        root,
                        entry.path(),
                        &target,
                        entry.file_type().is_dir(),
                    ));
                    false
                }
                // Removed between walkdir's look and ours.
                Err(e) => {
                    problems
                        .borrow_mut()
                        .push(broken_link(root, entry.path(), Some(&e)));
                    false
                }
            }
        });
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                if let Some(problem) = walk_problem(root, &is_inside, &e) {
                    problems.borrow_mut().push(problem);
                }
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && name.starts_with('.') {
            continue;
        }
        if entry.file_type().is_file() && name.ends_with(".md") {
            files.push(entry.into_path());
        }
    }
    (files, problems.into_inner())
}

/// Whether a name could be a Markdown file or a folder: `*.md`, or no extension at all.
fn may_be_content(name: &str) -> bool {
    name.ends_with(".md") || !name.contains('.')
}

/// The problem for an entry walkdir could not read: a link loop, a broken link, or an unreadable
/// folder. `None` for what is not content anyway, such as an editor's lock file `.#a.md` (a
/// dangling link) or a broken `anh.jpg`.
fn walk_problem(
    root: &Path,
    is_inside: &dyn Fn(&Path) -> bool,
    error: &walkdir::Error,
) -> Option<Problem> {
    let Some(path) = error.path() else {
        return Some(Problem::error(
            "content::unreadable",
            msg!("content-unreadable-folder", reason = error.to_string()),
        ));
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && (name.starts_with('.') || !may_be_content(&name)) {
        return None;
    }
    if let Some(ancestor) = error.loop_ancestor() {
        // walkdir checks for loops before the filter sees the link: a link to a folder above
        // the site is first of all a link out of it.
        if let Ok(target) = std::fs::canonicalize(path)
            && !is_inside(&target)
        {
            return Some(link_outside(root, path, &target, true));
        }
        return Some(
            Problem::error(
                "content::symlink-loop",
                msg!(
                    "content-symlink-loop",
                    ancestor = display_path(root, ancestor)
                ),
            )
            .in_file(display_path(root, path))
            .help(msg!("content-symlink-loop-help")),
        );
    }
    if is_link && let Err(e) = std::fs::metadata(path) {
        return Some(broken_link(root, path, Some(&e)));
    }
    let io = error
        .io_error()
        .map_or_else(|| error.to_string(), ToString::to_string);
    Some(
        Problem::error(
            "content::unreadable",
            msg!("content-unreadable-entry", reason = io),
        )
        .in_file(display_path(root, path))
        .help(msg!("content-unreadable-entry-help")),
    )
}

fn link_outside(root: &Path, link: &Path, target: &Path, is_dir: bool) -> Problem {
    let kind = if is_dir { "folder" } else { "file" };
    Problem::error(
        "content::symlink-outside",
        msg!(
            "content-symlink-outside",
            target = target.display().to_string()
        ),
    )
    .in_file(display_path(root, link))
    .help(msg!("content-symlink-outside-help", kind = kind))
}

fn broken_link(root: &Path, link: &Path, error: Option<&std::io::Error>) -> Problem {
    let target =
        std::fs::read_link(link).map_or_else(|_| "?".to_string(), |t| t.display().to_string());
    let message = match error {
        Some(e) if e.kind() != std::io::ErrorKind::NotFound => msg!(
            "content-broken-symlink-unreadable",
            target = target,
            reason = e.to_string()
        ),
        _ => msg!("content-broken-symlink-missing", target = target),
    };
    Problem::error("content::broken-symlink", message)
        .in_file(display_path(root, link))
        .help(msg!("content-broken-symlink-help"))
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
            Some(Item::Album(a)) => content.albums.push(a),
            Some(Item::Document(d)) => content.documents.push(d),
            None => {}
        }
    }
    problems.extend(check_categories(config, &content.articles));
    problems.extend(check_ids(config, &content.articles));
    (content, problems)
}

/// One warning for everything removed from the raw HTML of the bodies, for a build: "unsafe
/// HTML removed: 7 items in 3 articles". `None` when nothing was.
pub fn unsafe_html_summary(content: &Content) -> Option<Problem> {
    let count = |bodies: &mut dyn Iterator<Item = &Rendered>| {
        bodies
            .map(|b| b.removed.len())
            .filter(|&n| n > 0)
            .fold((0, 0), |(items, files), n| (items + n, files + 1))
    };
    let (article_items, articles) = count(&mut content.articles.iter().map(|a| &a.body));
    let (page_items, pages) = count(&mut content.pages.iter().map(|p| &p.body));
    let items = article_items + page_items;
    if items == 0 {
        return None;
    }
    let places = match (articles, pages) {
        (a, 0) => msg!("content-unsafe-html-in-articles", articles = a),
        (0, p) => msg!("content-unsafe-html-in-pages", pages = p),
        (a, p) => msg!("content-unsafe-html-in-both", articles = a, pages = p),
    };
    Some(
        Problem::warning(
            UNSAFE_HTML,
            msg!(
                "content-unsafe-html-summary",
                items = items,
                places = places
            ),
        )
        .help(msg!("content-unsafe-html-summary-help")),
    )
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
    /// call this. The warnings that point into the body (what was removed from its HTML) go
    /// with it: the build counts them from the rendered bodies instead (`unsafe_html_summary`).
    pub fn without_body_text(mut self) -> Loaded {
        self.problems.retain(|p| p.code != UNSAFE_HTML);
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
            Some(Item::Album(album)) => {
                let end = album.file.offset_of(album.body_line, 0);
                if end < album.file.text.len() {
                    Arc::make_mut(album).file = album.file.head(end);
                }
            }
            Some(Item::Document(document)) => {
                let end = document.file.offset_of(document.body_line, 0);
                if end < document.file.text.len() {
                    Arc::make_mut(document).file = document.file.head(end);
                }
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
    Album(Arc<Album>),
    Document(Arc<Document>),
}

/// What a content file is, from its folder.
#[derive(Clone, Copy)]
enum Kind {
    Article,
    Page,
    Album,
    Document,
}

/// An article's slug, where it is written, and what writing it out changed of the written text.
struct Slug {
    slug: String,
    span: Range<usize>,
    change: Option<(String, locale::SlugChange)>,
}

struct Loader<'a> {
    config: &'a Config,
    provinces: &'a Provinces,
    highlighter: &'a Highlighter,
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
                        Problem::error(
                            "content::unreadable",
                            msg!("content-unreadable-file", reason = e.to_string()),
                        )
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
        let under = |dir: &str| {
            relative
                .components()
                .next()
                .is_some_and(|c| c.as_os_str() == dir)
                && relative.components().count() > 1
        };
        let kind = if under(ARTICLES_DIR) {
            Kind::Article
        } else if under(ALBUMS_DIR) {
            Kind::Album
        } else if under(DOCUMENTS_DIR) {
            Kind::Document
        } else {
            Kind::Page
        };
        match self.parse(&file, relative, kind) {
            Ok((mut item, problems)) => {
                match &mut item {
                    Some(Item::Article(a)) => {
                        if let Some(a) = Arc::get_mut(a) {
                            a.source_hash = source_hash;
                            a.stamps = Stamps::of(a);
                        }
                    }
                    Some(Item::Page(p)) => p.source_hash = source_hash,
                    Some(Item::Album(a)) => {
                        if let Some(a) = Arc::get_mut(a) {
                            use std::hash::{Hash, Hasher};
                            // The folder's photos are not in the file: an added photo
                            // changes the album's pages too.
                            let mut hasher = std::hash::DefaultHasher::new();
                            (source_hash, &a.photos, a.cover).hash(&mut hasher);
                            a.source_hash = hasher.finish();
                        }
                    }
                    Some(Item::Document(d)) => {
                        if let Some(d) = Arc::get_mut(d) {
                            use std::hash::{Hash, Hasher};
                            // Its files' sizes are shown: a new version of one changes its page.
                            let mut hasher = std::hash::DefaultHasher::new();
                            (source_hash, &d.files).hash(&mut hasher);
                            d.source_hash = hasher.finish();
                        }
                    }
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
        kind: Kind,
    ) -> Result<(Option<Item>, Vec<Problem>), Problem> {
        let split = frontmatter::split(file)?;
        let docs = frontmatter::parse_yaml(file, &split)?;
        let mut fields = Fields::new(file, &split, &docs)?;
        let body = markdown::render(
            split.body,
            &markdown::Options {
                base_path: &self.config.base_path,
                raw_html: self.config.raw_html,
            },
            self.highlighter,
        );
        let body_line = split.body_line;
        let body_start = file.offset_of(body_line, 0);
        for removal in &body.removed {
            let span = body_start + removal.span.start..body_start + removal.span.end;
            fields.problem(
                Problem::warning(UNSAFE_HTML, msg!("content-unsafe-html"))
                    .at(file, span)
                    .label(removal.what.label())
                    .help(removal.what.help()),
            );
        }
        // A photo must say what it shows to a reader who cannot see it. Markdown cannot tell
        // an alt left out from one left empty on purpose: a decorative image is written in
        // HTML, `<img src="…" alt="">`.
        for image in body
            .images
            .iter()
            .filter(|i| i.alt.trim().is_empty() && !i.decorative)
        {
            let span = body_start + image.span.start..body_start + image.span.end;
            let problem = if self.config.images.alt_required {
                Problem::error
            } else {
                Problem::warning
            };
            fields.problem(
                problem(
                    "content::image-no-alt",
                    msg!("content-body-image-no-alt", src = image.url.as_str()),
                )
                .at(file, span)
                .label(msg!("content-body-image-no-alt-label"))
                .help(msg!(
                    "content-body-image-no-alt-help",
                    src = image.url.as_str()
                )),
            );
        }
        let item = match kind {
            Kind::Article => self
                .article(&mut fields, body, body_line)
                .map(|a| Item::Article(Arc::new(a))),
            Kind::Album => self
                .album(&mut fields, body, body_line)
                .map(|a| Item::Album(Arc::new(a))),
            Kind::Document => self
                .document(&mut fields, body, body_line)
                .map(|d| Item::Document(Arc::new(d))),
            Kind::Page => self
                .page(&mut fields, relative, body, body_line)
                .map(|p| Item::Page(Box::new(p))),
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
        let date_written = self.date_field(fields, "date", true);
        let date = date_written.map(|(d, _)| d);
        let updated_written = self.date_field(fields, "updated", false);
        let updated = updated_written.map(|(d, _)| d);
        let expires = self.date_field(fields, "expires", false).map(|(d, _)| d);
        let province_span = fields.get("province").map(|v| v.span);
        let province = self.province_field(fields);
        let category = fields
            .text("category")
            .map(|(c, s)| (c.trim().to_string(), s));
        let tags = fields.list("tags");
        let summary = summary_field(fields);
        let author = fields.text("author").map(|(a, _)| a.trim().to_string());
        let source = self.source_field(fields);
        let image = self.image_field(fields);
        let featured = fields.flag("featured");
        let draft = fields.flag("draft");
        let slug_field = fields.text("slug");
        let aliases = self.aliases_field(fields);
        let id = self.id_field(fields);
        let album = fields
            .text("album")
            .map(|(slug, span)| (slug.trim().to_string(), span))
            .filter(|(slug, _)| !slug.is_empty());
        let extra = fields.extra();

        if let (Some(date), Some(expires)) = (date, expires)
            && expires <= date
        {
            let span = fields
                .get("expires")
                .map_or(fields.block_span(), |v| v.span);
            fields.problem(expires_problem(file, span, date, expires));
        }
        let (title, title_span) = title?;
        let Slug {
            slug,
            span: slug_span,
            change,
        } = self.slug(fields, slug_field, &title, title_span)?;
        // The same tag twice in one article counts once.
        let mut unique_tags: Vec<(String, Range<usize>)> = Vec::new();
        for (tag, span) in tags {
            if !unique_tags.iter().any(|(t, _)| *t == tag) {
                unique_tags.push((tag, span));
            }
        }
        let (tags, tag_spans) = unique_tags.into_iter().unzip();
        let date = date?;
        let category = category.filter(|(c, _)| !c.is_empty());
        let category_slug = category.as_ref().map(|(c, _)| locale::slugify(c));
        let stem = file_stem(&file.path);
        let values = route::Values {
            date,
            slug: &slug,
            category: category_slug.as_deref().filter(|c| !c.is_empty()),
            stem: &stem,
            id: id.as_ref().map(|(n, _)| *n),
        };
        let permalinks = &self.config.permalinks;
        let path = match permalinks.article.address(&values) {
            Ok(path) => path,
            // Reported with the next free number once every article is read (`assemble`).
            Err(route::Missing(route::Field::Id)) => String::new(),
            Err(route::Missing(field)) => {
                fields.problem(missing_address_part(
                    file,
                    fields.block_span(),
                    field,
                    permalinks.article.as_str(),
                ));
                return None;
            }
        };
        if let Some((written, change)) = change {
            let address = self.config.url(&path);
            let problem = slug_changed(file, slug_span.clone(), &written, &slug, change, &address);
            fields.problem(problem);
        }
        let mut previous_paths: Vec<String> = Vec::new();
        for pattern in &permalinks.previous {
            if let Ok(old) = pattern.address(&values)
                && old != path
                && !previous_paths.contains(&old)
            {
                previous_paths.push(old);
            }
        }
        // An old address that is the article's own address needs no redirect.
        let aliases = aliases
            .into_iter()
            .filter(|a| {
                route::query_alias(a).is_some() || route::alias(a).is_none_or(|a| a != path)
            })
            .collect();
        Some(Article {
            path,
            id: id.as_ref().map(|(n, _)| *n),
            id_span: id.map(|(_, s)| s),
            previous_paths,
            file: file.clone(),
            summary: summary.unwrap_or_else(|| body.summary.clone()),
            title: title.trim().to_string(),
            slug,
            date,
            date_has_time: date_written.is_some_and(|(_, t)| t),
            updated,
            updated_has_time: updated_written.is_some_and(|(_, t)| t),
            expires,
            province: province?,
            province_span,
            category_span: category.as_ref().map(|(_, s)| s.clone()),
            category: category.map(|(c, _)| c),
            tags,
            tag_spans,
            author,
            source,
            lead_from_body: if image.is_none() {
                lead_of_body(&body)
            } else {
                None
            },
            image,
            featured,
            draft,
            aliases,
            extra,
            album,
            body,
            body_line,
            source_hash: 0,
            stamps: Stamps::default(),
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
        let summary = summary_field(fields);
        let updated_written = self.date_field(fields, "updated", false);
        let updated = updated_written.map(|(d, _)| d);
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
        let mut written_slug = None;
        if let Some((input, span)) = slug_field {
            let slug = locale::slugify(&input);
            if slug.is_empty() {
                fields.problem(bad_slug(file, span));
                return None;
            }
            path_span = span.clone();
            match parts.last_mut() {
                Some(last) => *last = slug.clone(),
                None => parts.push(slug.clone()),
            }
            written_slug = Some((input, slug, span));
        }
        let path = parts.join("/");
        if let Some((input, slug, span)) = written_slug
            && let Some(change) = locale::slug_change(&input)
        {
            let address = self.config.url(&format!("{path}/"));
            fields.problem(slug_changed(file, span, &input, &slug, change, &address));
        }
        Some(Page {
            file: file.clone(),
            title: title.trim().to_string(),
            path,
            summary: summary.unwrap_or_else(|| body.summary.clone()),
            updated,
            updated_has_time: updated_written.is_some_and(|(_, t)| t),
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
    ) -> Option<Slug> {
        let file = fields.file();
        let written = slug_field.is_some();
        let (source, span) = slug_field.unwrap_or((title.to_string(), title_span));
        let slug = locale::slugify(&source);
        if slug.is_empty() {
            fields.problem(bad_slug(file, span));
            return None;
        }
        // A title loses its punctuation as a matter of course; a slug the author wrote out is
        // meant to be the address, so anything dropped from it is worth a word (said once the
        // address is known).
        let change = if written {
            locale::slug_change(&source).map(|change| (source, change))
        } else {
            None
        };
        Some(Slug { slug, span, change })
    }

    fn date_field(
        &self,
        fields: &mut Fields<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<(DateTime<FixedOffset>, bool)> {
        let (text, span) = if required {
            fields.required_text(key, "27/05/2020 08:30")?
        } else {
            fields.text(key)?
        };
        match locale::date::parse_date(&text, self.config.timezone) {
            Ok(date) => Some((date, locale::date::has_time(&text))),
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
                    fields.problem(province_problem(
                        ("content::unknown-province", |p| format!("province: {p}")),
                        file,
                        span,
                        &name,
                        &e,
                    ));
                    None
                }
            },
            None if fields.get("province").is_some() => None,
            None => match self.config.province {
                Some(p) => Some(p),
                None => {
                    let span = fields.block_span();
                    fields.problem(
                        Problem::error(
                            "content::missing-field",
                            msg!("content-missing-field", field = "province"),
                        )
                        .at(file, span)
                        .label(msg!("content-missing-field-label", field = "province"))
                        .help(msg!("content-missing-province-help")),
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
                published_has_time: false,
            });
        }
        check_nested_keys(fields, &nested, SOURCE_FIELDS, "source");
        let mut text = |key: &str| {
            fields
                .nested_text(&nested, key, &format!("source.{key}"))
                .map(|s| s.trim().to_string())
        };
        let name = text("name");
        let url = text("url");
        let author = text("author");
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            fields.problem(
                Problem::error("content::missing-field", msg!("content-source-needs-name"))
                    .at(file, nested.span.clone())
                    .help(msg!("content-source-example")),
            );
            return None;
        };
        if let Some(url) = &url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            let span = nested
                .get("url")
                .map_or(nested.span.clone(), |n| fields.span_of(n));
            fields.problem(
                Problem::error(
                    "content::bad-url",
                    msg!("content-bad-source-url", url = url),
                )
                .at(file, span)
                .help(msg!("content-bad-source-url-help")),
            );
        }
        let published = nested.get("published").and_then(|node| {
            let span = fields.span_of(node);
            let text = fields.nested_text(&nested, "published", "source.published")?;
            match locale::date::parse_date(&text, self.config.timezone) {
                Ok(d) => Some((d, locale::date::has_time(&text))),
                Err(e) => {
                    fields.problem(date_problem(file, span, "source.published", &text, &e));
                    None
                }
            }
        });
        let (published, published_has_time) = match published {
            Some((d, t)) => (Some(d), t),
            None => (None, false),
        };
        Some(Source {
            name,
            url,
            author,
            published,
            published_has_time,
        })
    }

    fn image_field(&self, fields: &mut Fields<'_, '_>) -> Option<Image> {
        let nested = fields.nested("image")?;
        let file = fields.file();
        if nested.scalar.is_some() {
            fields.problem(
                Problem::error("content::image-needs-alt", msg!("content-image-needs-alt"))
                    .at(file, nested.span.clone())
                    .help(msg!("content-image-example")),
            );
            return None;
        }
        check_nested_keys(fields, &nested, IMAGE_FIELDS, "image");
        let mut get = |key: &str| {
            fields
                .nested_text(&nested, key, &format!("image.{key}"))
                .map(|s| s.trim().to_string())
        };
        let src = get("src");
        let alt = get("alt");
        let caption = get("caption");
        let focus = get("focus").and_then(|written| {
            let focus = crate::images::Focus::parse(&written);
            if focus.is_none() {
                let span = nested
                    .get("focus")
                    .map_or(nested.span.clone(), |n| fields.span_of(n));
                fields.problem(
                    Problem::error(
                        "content::image-focus",
                        msg!("content-image-focus", value = written.as_str()),
                    )
                    .at(file, span)
                    .help(msg!("content-image-focus-help")),
                );
            }
            focus
        });
        // `alt: ""`, written on purpose, marks a decorative photo; a missing alt is an error.
        let (Some(src), Some(alt)) = (src.clone(), alt) else {
            let missing = if src.is_none() { "src" } else { "alt" };
            fields.problem(
                Problem::error(
                    "content::missing-field",
                    msg!("content-image-missing-part", field = missing),
                )
                .at(file, nested.span.clone())
                .help(msg!("content-image-example")),
            );
            return None;
        };
        let span = nested
            .get("src")
            .map_or(nested.span.clone(), |n| fields.span_of(n));
        if !crate::config::is_external_url(&src) && !self.static_file_exists(&src) {
            fields.problem(
                Problem::error(
                    "content::missing-image",
                    msg!("content-missing-image", src = &src),
                )
                .at(file, span.clone())
                .label(msg!("content-missing-image-label"))
                .help(msg!("content-missing-image-help")),
            );
        }
        Some(Image {
            src,
            alt,
            caption: caption.filter(|c| !c.is_empty()),
            focus,
            span,
        })
    }

    fn static_file_exists(&self, src: &str) -> bool {
        let relative = src.trim_start_matches('/');
        if relative.split('/').any(|part| part == "..") {
            return false;
        }
        self.config.root.join("static").join(relative).is_file()
            || crate::theme::static_file_exists(self.config, relative)
    }

    /// `id:`, a whole number from 1.
    fn id_field(&self, fields: &mut Fields<'_, '_>) -> Option<(u64, Range<usize>)> {
        let file = fields.file();
        let (text, span) = fields.text("id")?;
        match text.trim().parse::<u64>() {
            Ok(n) if n > 0 => Some((n, span)),
            _ => {
                fields.problem(
                    Problem::error("content::bad-id", msg!("content-bad-id", value = text))
                        .at(file, span)
                        .label(msg!("content-bad-id-label"))
                        .help(msg!("content-bad-id-help")),
                );
                None
            }
        }
    }

    fn aliases_field(&self, fields: &mut Fields<'_, '_>) -> Vec<String> {
        let file = fields.file();
        let mut out = Vec::new();
        for (alias, span) in fields.list("aliases") {
            match route::old_address_error(&alias) {
                None => out.push(alias),
                Some(why) => fields.problem(
                    Problem::error(
                        "content::bad-alias",
                        msg!("content-bad-alias", alias = alias),
                    )
                    .at(file, span)
                    .label(why)
                    .help(msg!("content-bad-alias-help")),
                ),
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
            msg!("content-unknown-nested-field", parent = what, field = key),
        )
        .at(file, span.clone());
        fields.problem(match did_you_mean(key, known.iter().copied()) {
            Some(s) => problem
                .label(msg!("content-did-you-mean", suggestion = s))
                .help(msg!("content-rename-to", suggestion = s)),
            None => problem.help(msg!(
                "content-nested-fields-are",
                parent = what,
                fields = known.join(", ")
            )),
        });
    }
}

fn bad_slug(file: &SourceFile, span: Range<usize>) -> Problem {
    Problem::error("content::empty-slug", msg!("content-empty-slug"))
        .at(file, span)
        .label(msg!("content-empty-slug-label"))
        .help(msg!("content-empty-slug-help"))
}

/// The `summary:` field with its white space collapsed; a very long one gets a warning.
fn summary_field(fields: &mut Fields<'_, '_>) -> Option<String> {
    let (text, span) = fields.text("summary")?;
    let summary = collapse(&text);
    let chars = summary.chars().count();
    if chars > LONG_SUMMARY_CHARS {
        let file = fields.file();
        fields.problem(
            Problem::warning(
                "content::long-summary",
                msg!("content-long-summary", count = chars),
            )
            .at(file, span)
            .label(msg!("content-long-summary-label", count = chars))
            .help(msg!(
                "content-long-summary-help",
                max = LONG_SUMMARY_CHARS.to_string(),
                cut = markdown::SUMMARY_MAX_CHARS.to_string()
            )),
        );
    }
    Some(summary)
}

/// An `expires:` that is not after `date:`: the article would never be shown.
fn expires_problem(
    file: &SourceFile,
    span: Range<usize>,
    date: DateTime<FixedOffset>,
    expires: DateTime<FixedOffset>,
) -> Problem {
    // Dates written without a time are shown without one.
    let format = if [date, expires]
        .iter()
        .all(|d| d.time() == chrono::NaiveTime::MIN)
    {
        "date"
    } else {
        "datetime"
    };
    let when = |d: &DateTime<FixedOffset>| locale::format_date(d, format);
    let label = if expires == date {
        msg!(
            "content-expires-same-as-date-label",
            expires = when(&expires),
            date = when(&date)
        )
    } else {
        msg!(
            "content-expires-before-date-label",
            expires = when(&expires),
            date = when(&date)
        )
    };
    Problem::error(
        "content::expires-before-date",
        msg!("content-expires-before-date"),
    )
    .at(file, span)
    .label(label)
    .help(msg!("content-expires-before-date-help"))
}

/// A written-out slug that `slugify` changed beyond transliteration.
fn slug_changed(
    file: &SourceFile,
    span: Range<usize>,
    input: &str,
    slug: &str,
    change: locale::SlugChange,
    address: &str,
) -> Problem {
    let max = locale::MAX_SLUG_LEN.to_string();
    let label = match (change.dropped, change.cut) {
        (true, true) => msg!("content-slug-changed-dropped-and-cut", max = max),
        (false, true) => msg!("content-slug-changed-cut", max = max),
        _ => msg!("content-slug-changed-dropped"),
    };
    Problem::warning(
        "content::slug-changed",
        msg!("content-slug-changed", input = input, slug = slug),
    )
    .at(file, span)
    .label(label)
    .help(msg!(
        "content-slug-changed-help",
        address = address,
        slug = slug
    ))
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
    let examples = locale::date::ACCEPTED_FORMATS
        .iter()
        .map(|f| f.split(" (").next().unwrap_or(f));
    Problem::error(
        "content::bad-date",
        msg!("content-bad-date", field = key, value = text),
    )
    .at(file, span)
    .label(error.message())
    .help(msg!("content-bad-date-help", forms = or_list(examples)))
}

/// Items joined with "or" in the reader's language: `a or b or c`. Each item is shown as it is.
fn or_list<'a>(items: impl DoubleEndedIterator<Item = &'a str>) -> Arg {
    let mut items = items.rev();
    let last = Arg::from(items.next().unwrap_or_default());
    // The last item alone; each one before it joins it to the rest.
    items.fold(last, |rest, first| {
        msg!("content-or", first = first, rest = rest).into()
    })
}

/// With a category list in site.toml, every article's category must be one of them.
/// With `:id` in the address pattern every article needs its own `id:`: a missing one is
/// reported with the next free number, a number used twice with both files.
fn check_ids(config: &Config, articles: &[Arc<Article>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<u64, &Article> = BTreeMap::new();
    for article in articles {
        let (Some(id), Some(span)) = (article.id, &article.id_span) else {
            continue;
        };
        match seen.get(&id) {
            Some(first) => problems.push(
                Problem::error(
                    "content::duplicate-id",
                    msg!(
                        "content-duplicate-id",
                        first = &first.file.path,
                        second = &article.file.path,
                        id = id.to_string()
                    ),
                )
                .at(&article.file, span.clone())
                .label(msg!("content-duplicate-id-label", first = &first.file.path))
                .help(msg!("content-duplicate-id-help")),
            ),
            None => {
                seen.insert(id, article);
            }
        }
    }
    let pattern = &config.permalinks.article;
    if !pattern.uses(route::Field::Id) {
        return problems;
    }
    let free = seen.keys().next_back().map_or(1, |max| max + 1)..;
    for (next, article) in free.zip(articles.iter().filter(|a| a.id.is_none())) {
        problems.push(
            Problem::error(
                "content::missing-id",
                msg!("content-missing-id", pattern = pattern.as_str()),
            )
            .at(&article.file, 0..0)
            .label(msg!("content-missing-id-label"))
            .help(msg!("content-missing-id-help", next = next.to_string())),
        );
    }
    problems
}

/// The file's name without `.md` (`index.md` stands for its folder's name), as the `:stem` of
/// an address.
fn file_stem(path: &str) -> String {
    let path = Path::new(path);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = if stem == "index" {
        path.parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(stem)
    } else {
        stem
    };
    // A name that is already an address segment stays as it is; others are made into one.
    if !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        stem
    } else {
        locale::slugify(&stem)
    }
}

fn missing_address_part(
    file: &SourceFile,
    span: Range<usize>,
    field: route::Field,
    pattern: &str,
) -> Problem {
    let name = field.name();
    Problem::error(
        "content::missing-address-part",
        msg!(
            "content-missing-address-part",
            field = name,
            pattern = pattern
        ),
    )
    .at(file, span)
    .label(msg!("content-missing-address-part-label", field = name))
    .help(msg!("content-missing-address-part-help", field = name))
}

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
            msg!("content-unknown-category", category = category),
        )
        .at(&article.file, span.clone());
        problems.push(match suggestion {
            Some(s) => problem
                .label(msg!("content-did-you-mean", suggestion = s))
                .help(msg!(
                    "content-unknown-category-suggest-help",
                    suggestion = s
                )),
            None => problem.help(msg!(
                "content-unknown-category-help",
                categories = config.categories.join(", ")
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

    /// Whether an album is published in this build, by the same rules (albums do not expire).
    pub fn publishes_album(&self, album: &Album, now: DateTime<FixedOffset>) -> bool {
        (self.drafts || !album.draft) && (self.future || album.date <= now)
    }

    /// Whether a document is published in this build: drafts are held back; a document
    /// issued "in the future" is a slip of the date, not a schedule, so it is published.
    pub fn publishes_document(&self, document: &Document) -> bool {
        self.drafts || !document.draft
    }
}

/// The photo that stands for an article without `image:`: its body's first figure (an image
/// alone in its paragraph, with a caption), else its first image with alt text. An image whose
/// address would run a script or leads outside the site's files and the web is passed over.
fn lead_of_body(body: &markdown::Rendered) -> Option<Image> {
    let usable = |i: &&markdown::BodyImage| {
        !i.alt.trim().is_empty()
            && (i.url.starts_with('/') || crate::config::is_external_url(&i.url))
    };
    let image = body
        .images
        .iter()
        .filter(usable)
        .find(|i| i.caption.is_some())
        .or_else(|| body.images.iter().find(usable))?;
    Some(Image {
        src: image.url.clone(),
        alt: image.alt.trim().to_string(),
        caption: image.caption.clone(),
        focus: None,
        span: image.span.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use crate::messages::Lang;

    const SITE: &str = r#"
title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/cong/"
province = "An Giang"

[organization]
name = "Liên hiệp thử nghiệm"
parent = "UBMTTQ tỉnh An Giang"
address = "1 Đường A"
phone = "0297 000 000"
email = "a@example.vn"
editor = "Nguyễn Văn A"
"#;

    fn config(root: &Path, provinces: &Provinces) -> Config {
        Config::parse(
            root,
            SourceFile::new("site.toml", SITE),
            &Overrides::default(),
            provinces,
        )
        .expect("test site.toml")
    }

    /// Loads one file's text at `rel` (under content/) as a build would.
    fn load(rel: &str, text: &str) -> (Content, Vec<Problem>) {
        let provinces = Provinces::builtin();
        let config = config(Path::new("/site"), provinces);
        let path = config.content_dir().join(rel);
        load_text(
            &config,
            provinces,
            &Highlighter::new(),
            &path,
            text.to_string(),
        )
    }

    /// The problems a file should have, as (code, line:column).
    type Expected<'a> = &'a [(&'a str, &'a str)];

    #[test]
    fn photos_need_a_description_unless_marked_decorative() {
        let problems = |front: &str, body: &str| -> Vec<(&'static str, String)> {
            let text = format!("---\ntitle: Bài\ndate: 02/01/2024 08:00\n{front}---\n\n{body}");
            load("tin-tuc/a.md", &text)
                .1
                .iter()
                .map(|p| {
                    let (line, col) = p.line_col().unwrap_or_default();
                    (p.code, format!("{line}:{col}"))
                })
                .collect()
        };
        let image = "image:\n  src: https://x.vn/a.jpg\n";
        // A lead photo: alt missing is an error; `alt: ""` is a decorative photo.
        assert_eq!(
            problems(image, "Thân.\n"),
            [("content::missing-field", "5:3".to_string())]
        );
        assert!(problems(&format!("{image}  alt: \"\"\n"), "Thân.\n").is_empty());
        // A Markdown image without alt text, at its place; HTML with alt="" is decorative.
        assert_eq!(
            problems("", "Thân.\n\nẢnh ![](https://x.vn/b.jpg) đây.\n"),
            [("content::image-no-alt", "8:5".to_string())]
        );
        assert!(problems("", "<img src=\"https://x.vn/b.jpg\" alt=\"\">\n").is_empty());
        assert_eq!(
            problems("", "Thân.\n\n<p><img src=\"https://x.vn/c.jpg\"></p>\n"),
            [("content::image-no-alt", "8:4".to_string())]
        );
        // A focus that is not a point.
        assert_eq!(
            problems(
                &format!("{image}  alt: Ảnh\n  focus: giữa trên\n"),
                "Thân.\n"
            ),
            [("content::image-focus", "7:10".to_string())]
        );
    }

    #[test]
    fn values_that_would_be_dropped_or_changed_are_reported() {
        let long_summary = "Câu tóm tắt dài. ".repeat(40);
        let long_summary = format!("summary: {}", long_summary.trim());
        // (file under content/, front-matter after `title`/`date` lines, problems as
        // (code, line:column) — empty when the file is fine)
        let cases: &[(&str, &str, Expected)] = &[
            (
                "tin-tuc/a.md",
                "tags: 42",
                &[("content::wrong-type", "4:7")],
            ),
            (
                "tin-tuc/a.md",
                "tags: true",
                &[("content::wrong-type", "4:7")],
            ),
            (
                "tin-tuc/a.md",
                "aliases: 2019",
                &[("content::wrong-type", "4:10")],
            ),
            (
                "tin-tuc/a.md",
                "tags: [hội nghị, 2024, false]",
                &[
                    ("content::wrong-type", "4:18"),
                    ("content::wrong-type", "4:24"),
                ],
            ),
            ("tin-tuc/a.md", "tags: [\"2024\"]", &[]),
            ("tin-tuc/a.md", "tags: 2024, hội nghị", &[]),
            (
                "tin-tuc/a.md",
                "author: true",
                &[("content::wrong-type", "4:9")],
            ),
            (
                "tin-tuc/a.md",
                "source:\n  name: Báo X\n  author: false",
                &[("content::wrong-type", "6:11")],
            ),
            ("tin-tuc/a.md", "author: 007\nsummary: 1.50", &[]),
            (
                "tin-tuc/a.md",
                "expires: 01/01/2024",
                &[("content::expires-before-date", "4:10")],
            ),
            (
                "tin-tuc/a.md",
                "expires: 02/01/2024 08:00",
                &[("content::expires-before-date", "4:10")],
            ),
            ("tin-tuc/a.md", "expires: 02/01/2024 08:01", &[]),
            (
                "tin-tuc/a.md",
                "slug: \"../../x\"",
                &[("content::slug-changed", "4:7")],
            ),
            (
                "tin-tuc/a.md",
                "slug: tin.html",
                &[("content::slug-changed", "4:7")],
            ),
            ("tin-tuc/a.md", "slug: Hội nghị tổng kết", &[]),
            ("tin-tuc/a.md", "slug: 2024", &[]),
            (
                "tin-tuc/a.md",
                &long_summary,
                &[("content::long-summary", "4:10")],
            ),
            (
                "gioi-thieu.md",
                "slug: a/b",
                &[("content::slug-changed", "4:7")],
            ),
            ("gioi-thieu.md", "slug: Liên hệ", &[]),
        ];
        for (rel, front, want) in cases {
            // Pages have no `date`; `updated` keeps the lines where they are.
            let date = if rel.starts_with(ARTICLES_DIR) {
                "date"
            } else {
                "updated"
            };
            let text =
                format!("---\ntitle: Bài\n{date}: 02/01/2024 08:00\n{front}\n---\n\nThân.\n");
            let (_, problems) = load(rel, &text);
            let got: Vec<(&str, String)> = problems
                .iter()
                .map(|p| {
                    let (line, col) = p.line_col().unwrap_or_default();
                    (p.code, format!("{line}:{col}"))
                })
                .collect();
            let want: Vec<(&str, String)> =
                want.iter().map(|(c, at)| (*c, at.to_string())).collect();
            assert_eq!(got, want, "{rel}: {front}\n{problems:#?}");
            for p in &problems {
                assert!(p.help.is_some(), "{} has no help", p.code);
            }
        }
    }

    #[test]
    fn text_fields_keep_numbers_as_written() {
        let (content, problems) = load(
            "tin-tuc/a.md",
            "---\ntitle: 2024\ndate: 02/01/2024\nsummary: 1.50\nauthor: 007\nsource:\n  name: 1.0\n---\n\nThân.\n",
        );
        assert!(problems.is_empty(), "{problems:#?}");
        let article = &content.articles[0];
        assert_eq!(article.title, "2024");
        assert_eq!(article.slug, "2024");
        assert_eq!(article.summary, "1.50");
        assert_eq!(article.author.as_deref(), Some("007"));
        assert_eq!(
            article.source.as_ref().map(|s| s.name.as_str()),
            Some("1.0")
        );
    }

    #[test]
    fn an_empty_title_is_a_problem_not_a_missing_article() {
        for front in ["title:", "title: \"\"", "title: \"  \""] {
            let (content, problems) = load(
                "tin-tuc/a.md",
                &format!("---\n{front}\ndate: 02/01/2024\n---\n\nThân.\n"),
            );
            assert!(content.articles.is_empty());
            let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
            assert_eq!(codes, ["content::empty-field"], "{front}");
        }
    }

    #[test]
    fn messages_say_what_happened() {
        let (_, problems) = load(
            "tin-tuc/a.md",
            "---\ntitle: Bài\ndate: 02/01/2024\nexpires: 01/01/2024\nslug: \"../../x\"\n---\n\nThân.\n",
        );
        let label = |code: &str| {
            problems
                .iter()
                .find(|p| p.code == code)
                .and_then(|p| p.shown(crate::messages::Lang::En).label)
                .unwrap_or_default()
        };
        assert_eq!(
            label("content::expires-before-date"),
            "expires 01/01/2024, before its date 02/01/2024"
        );
        let changed = problems
            .iter()
            .find(|p| p.code == "content::slug-changed")
            .expect("a slug warning");
        assert!(!changed.is_error());
        assert!(
            changed
                .shown(crate::messages::Lang::En)
                .help
                .as_deref()
                .is_some_and(|h| h.contains("/cong/tin-tuc/x/")),
            "{changed:?}"
        );
    }

    #[test]
    fn problems_read_in_vietnamese_by_default() {
        let (_, problems) = load(
            "tin-tuc/a.md",
            "---\ntitle: Bài\ndate: 31/02/2024\nprovice: An Giang\n---\n\nThân.\n",
        );
        let shown = |code: &str, lang| {
            let p = problems
                .iter()
                .find(|p| p.code == code)
                .unwrap_or_else(|| panic!("no {code} in {problems:#?}"));
            let shown = p.shown(lang);
            (shown.message, shown.label, shown.help)
        };
        let (message, label, help) = shown("content::bad-date", Lang::default());
        assert_eq!(message, "`date` không phải là ngày hợp lệ: 31/02/2024");
        assert_eq!(
            label.as_deref(),
            Some("tháng 2/2024 không có ngày 31: tháng này chỉ có 29 ngày")
        );
        let help = help.unwrap_or_default();
        assert!(
            help.starts_with("viết ngày theo dạng 27/05/2020 08:30 hoặc 27/05/2020 hoặc ")
                && help.ends_with("(ngày/tháng/năm; có thể không ghi giờ)"),
            "{help}"
        );
        let (message, label, help) = shown("content::unknown-field", Lang::Vi);
        assert_eq!(message, "bantin không biết trường `provice` trong bài viết");
        assert_eq!(label.as_deref(), Some("có phải ý bạn là `province`?"));
        assert!(help.is_some_and(|h| h.starts_with("đổi tên thành `province`")));
        // The same problems in English, as they always read.
        let (message, label, _) = shown("content::bad-date", Lang::En);
        assert_eq!(message, "`date` is not a valid date: 31/02/2024");
        assert_eq!(
            label.as_deref(),
            Some("there is no day 31 in February 2024, which has 29 days")
        );
    }

    #[test]
    fn the_unsafe_html_summary_counts_in_each_language() {
        let (content, _) = load(
            "tin-tuc/a.md",
            "---\ntitle: Bài\ndate: 02/01/2024\n---\n\n<script>x()</script>\n\n<b onclick=\"y()\">z</b>\n",
        );
        let summary = unsafe_html_summary(&content).expect("a summary");
        assert_eq!(
            summary.shown(Lang::En).message,
            "unsafe HTML removed: 2 items in 1 article; `bantin check` lists each"
        );
        assert_eq!(
            summary.shown(Lang::Vi).message,
            "đã bỏ HTML không an toàn: 2 chỗ trong 1 bài viết; lệnh `bantin check` liệt kê từng chỗ"
        );
        let both = msg!(
            "content-unsafe-html-summary",
            items = 1usize,
            places = msg!(
                "content-unsafe-html-in-both",
                articles = 1usize,
                pages = 3usize
            )
        );
        assert_eq!(
            Lang::En.text(&both),
            "unsafe HTML removed: 1 item in 1 article and 3 pages; `bantin check` lists each"
        );
    }

    #[test]
    fn helps_written_over_several_lines_keep_their_indentation() {
        assert_eq!(
            Lang::En.text(&msg!("content-image-example")),
            "write the image like this:\n  image:\n    src: /images/hoi-nghi.jpg\n    alt: Các đại biểu dự hội nghị\n    caption: Quang cảnh hội nghị (optional)\n    focus: 50% 30% (what a share picture is cropped around; optional)"
        );
        assert_eq!(
            Lang::Vi.text(&msg!("content-source-example")),
            "viết nguồn tin như sau:\n  source:\n    name: Thời Đại\n    url: https://thoidai.com.vn/…"
        );
        // Braces are written as Fluent literals.
        assert!(
            Lang::En
                .text(&msg!("content-yaml-syntax-help"))
                .contains("starts with one of [ ] { } * & ! | > ' \" % @ `, and indent")
        );
    }

    #[cfg(unix)]
    #[test]
    fn discovery_follows_links_inside_the_site_only() {
        use std::os::unix::fs::symlink;

        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("site");
        let content = root.join("content");
        let write = |path: &Path| {
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "---\n---\n").expect("write");
        };
        write(&content.join("tin-tuc/a.md"));
        write(&root.join("chung/b.md"));
        write(&root.join("chung/sau/c.md"));
        write(&tmp.path().join("ngoai/d.md"));
        let news = content.join("tin-tuc");
        let link = |target: &str, name: &str| symlink(target, news.join(name)).expect("symlink");
        link("../../chung/b.md", "b.md");
        link("../../chung", "chung");
        link("../../../ngoai/d.md", "d.md");
        link("../../../ngoai", "ngoai");
        link("..", "vong");
        link("khong-co.md", "hong.md");
        link("user@host.1", ".#a.md");
        link("khong-co.jpg", "anh.jpg");

        let (files, problems) = discover(&root, &content);
        let files: Vec<String> = files.iter().map(|f| display_path(&root, f)).collect();
        assert_eq!(
            files,
            [
                "content/tin-tuc/a.md",
                "content/tin-tuc/b.md",
                "content/tin-tuc/chung/b.md",
                "content/tin-tuc/chung/sau/c.md",
            ]
        );
        let mut got: Vec<(&str, String)> = problems
            .iter()
            .map(|p| (p.code, p.location().unwrap_or_default()))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("content::broken-symlink", "content/tin-tuc/hong.md".into()),
                ("content::symlink-loop", "content/tin-tuc/vong".into()),
                ("content::symlink-outside", "content/tin-tuc/d.md".into()),
                ("content::symlink-outside", "content/tin-tuc/ngoai".into()),
            ]
        );
        for p in &problems {
            assert!(p.is_error() && p.help.is_some(), "{p:?}");
        }
        // The content folder itself may be a link, even to outside the site.
        let elsewhere = tmp.path().join("noi-dung");
        write(&elsewhere.join("tin-tuc/e.md"));
        let root = tmp.path().join("site2");
        std::fs::create_dir_all(&root).expect("mkdir");
        symlink(&elsewhere, root.join("content")).expect("symlink");
        let (files, problems) = discover(&root, &root.join("content"));
        assert_eq!(files.len(), 1);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
