//! Takes saved HTML pages of a portal that is not WordPress (a provincial CMS's
//! `/tin-tuc/<slug>-1024.html` or `/Default.aspx?tabid=56&ItemID=1024`) and a mapping file that
//! names, by CSS selector, where an article page keeps its title, date, body, author, category
//! and lead photo and what to strip from the body; gives the same `wxr::Export` the WordPress
//! reader gives, so `Site::import` converts, lifts, aliases and writes them unchanged.
//!
//! Nothing is guessed: a page where the mapping finds no title, no date or no body is reported
//! at its file with the reason and left out. The pages come from a folder (each file's
//! canonical address, else its path in the folder) or from a list of addresses looked up in a
//! local mirror (wget's layout); an address with no file in the mirror is reported too.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::format::{Item as FormatItem, StrftimeItems};
use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use scraper::{ElementRef, Html, Node, Selector};
use toml_edit::{Document, TableLike};

use super::report::Skipped;
use super::wxr::{Export, Flavor, Item, ItemTerm, Kind};
use super::{ImportError, joined, joined_messages};
use crate::messages::{Lang, Message};
use crate::msg;
use crate::problem::{Problem, SourceFile, did_you_mean};

/// Where the saved pages are.
#[derive(Debug, Clone)]
pub enum Input {
    /// A folder of saved pages (`*.html`, `*.htm`, `*.aspx`), read recursively.
    Folder(PathBuf),
    /// A list of the old pages' addresses (one a line, `#` comments) and the folder a mirroring
    /// tool (wget) saved them in: `<mirror>/<host>/<path>` or `<mirror>/<path>`.
    List { list: PathBuf, mirror: PathBuf },
}

const TOP_KEYS: &[&str] = &["site", "article"];
const ARTICLE_KEYS: &[&str] = &[
    "title",
    "date",
    "date_format",
    "body",
    "author",
    "category",
    "image",
    "strip",
];

/// File name endings of saved pages.
const PAGE_TYPES: &[&str] = &["html", "htm", "aspx", "asp", "php"];

/// Synthetic attachment ids (lead photos) start here, far above any CMS's article numbers.
const IMAGE_IDS: u64 = 1 << 48;

/// A CSS selector as written in the mapping, and compiled.
struct Field {
    css: String,
    selector: Selector,
}

/// What the mapping file says: where an article page keeps each thing.
pub struct Mapping {
    pub file: SourceFile,
    /// The old portal's address, without a trailing `/`.
    pub site: String,
    title: Field,
    date: Field,
    /// chrono formats (`%d/%m/%Y %H:%M:%S`), tried in order; none: bantin's own date forms.
    date_format: Vec<String>,
    body: Field,
    author: Option<Field>,
    category: Option<Field>,
    image: Option<Field>,
    strip: Vec<Field>,
}

/// Reads a mapping file: every problem at its line, unknown keys with "did you mean".
pub fn mapping(file: SourceFile) -> Result<Mapping, Vec<Problem>> {
    let doc = Document::parse(file.text.to_string()).map_err(|e| {
        vec![
            Problem::error("import::mapping-syntax", msg!("import-mapping-syntax"))
                .at(&file, e.span().unwrap_or(0..0))
                .label(msg!(
                    "import-mapping-syntax-label",
                    reason = e.message().trim()
                ))
                .help(msg!("import-mapping-syntax-help")),
        ]
    })?;
    let mut problems = Vec::new();
    let root = doc.as_table();
    unknown_keys(&file, root, TOP_KEYS, "", &mut problems);
    let site = match root.get("site") {
        None => {
            problems.push(
                Problem::error("import::mapping-site", msg!("import-mapping-no-site"))
                    .at(&file, 0..0)
                    .help(msg!("import-mapping-no-site-help")),
            );
            String::new()
        }
        Some(item) => {
            let site = item.as_str().unwrap_or("").trim().trim_end_matches('/');
            let host = site
                .strip_prefix("https://")
                .or_else(|| site.strip_prefix("http://"))
                .unwrap_or("");
            if host.is_empty() || host.starts_with('/') {
                problems.push(
                    Problem::error("import::mapping-site", msg!("import-mapping-bad-site"))
                        .at(&file, item.span().unwrap_or(0..0))
                        .help(msg!("import-mapping-bad-site-help")),
                );
            }
            site.to_string()
        }
    };
    let Some(article) = root.get("article").and_then(|a| a.as_table_like()) else {
        problems.push(
            Problem::error("import::mapping-article", msg!("import-mapping-no-article"))
                .at(&file, 0..0)
                .help(msg!("import-mapping-no-article-help")),
        );
        return Err(problems);
    };
    let article_span = root.get("article").and_then(|a| a.span()).unwrap_or(0..0);
    unknown_keys(&file, article, ARTICLE_KEYS, "article.", &mut problems);
    let mut field = |key: &str, required: bool| -> Option<Field> {
        let Some((k, item)) = article.get_key_value(key) else {
            if required {
                problems.push(
                    Problem::error(
                        "import::mapping-missing",
                        msg!("import-mapping-missing", key = key),
                    )
                    .at(&file, article_span.start..article_span.start + 1)
                    .help(msg!("import-mapping-missing-help", key = key)),
                );
            }
            return None;
        };
        let span = item.span().or_else(|| k.span()).unwrap_or(0..0);
        let Some(css) = item.as_str() else {
            problems.push(
                Problem::error(
                    "import::mapping-type",
                    msg!("import-mapping-not-selector", key = key),
                )
                .at(&file, span),
            );
            return None;
        };
        compile(&file, css, span, &mut problems)
    };
    let title = field("title", true);
    let date = field("date", true);
    let body = field("body", true);
    let author = field("author", false);
    let category = field("category", false);
    let image = field("image", false);
    let mut strip = Vec::new();
    if let Some(item) = article.get("strip") {
        match item.as_array() {
            Some(array) => {
                for value in array {
                    let span = value.span().unwrap_or(0..0);
                    match value.as_str() {
                        Some(css) => strip.extend(compile(&file, css, span, &mut problems)),
                        None => problems.push(
                            Problem::error(
                                "import::mapping-type",
                                msg!("import-mapping-strip-entry"),
                            )
                            .at(&file, span),
                        ),
                    }
                }
            }
            None => problems.push(
                Problem::error("import::mapping-type", msg!("import-mapping-strip-list"))
                    .at(&file, item.span().unwrap_or(0..0))
                    .help(msg!("import-mapping-strip-list-help")),
            ),
        }
    }
    let mut date_format = Vec::new();
    if let Some(item) = article.get("date_format") {
        // One format, or a list when the portal wrote dates more than one way.
        let values: Vec<(Option<&str>, Range<usize>)> = match item.as_array() {
            Some(array) => array
                .iter()
                .map(|v| (v.as_str(), v.span().unwrap_or(0..0)))
                .collect(),
            None => vec![(item.as_str(), item.span().unwrap_or(0..0))],
        };
        for (format, span) in values {
            match format {
                Some(f)
                    if f.contains('%')
                        && !StrftimeItems::new(f).any(|i| matches!(i, FormatItem::Error)) =>
                {
                    date_format.push(f.trim().to_string());
                }
                _ => problems.push(
                    Problem::error(
                        "import::mapping-date-format",
                        msg!("import-mapping-date-format"),
                    )
                    .at(&file, span)
                    .help(msg!("import-mapping-date-format-help")),
                ),
            }
        }
    }
    match (title, date, body, problems.is_empty()) {
        (Some(title), Some(date), Some(body), true) => Ok(Mapping {
            file,
            site,
            title,
            date,
            date_format,
            body,
            author,
            category,
            image,
            strip,
        }),
        _ => Err(problems),
    }
}

fn compile(
    file: &SourceFile,
    css: &str,
    span: Range<usize>,
    problems: &mut Vec<Problem>,
) -> Option<Field> {
    match Selector::parse(css) {
        Ok(selector) if !css.trim().is_empty() => Some(Field {
            css: css.to_string(),
            selector,
        }),
        Ok(_) => {
            problems.push(
                Problem::error(
                    "import::mapping-selector",
                    msg!("import-mapping-empty-selector"),
                )
                .at(file, span)
                .help(msg!("import-mapping-empty-selector-help")),
            );
            None
        }
        Err(e) => {
            problems.push(
                Problem::error(
                    "import::mapping-selector",
                    msg!(
                        "import-mapping-bad-selector",
                        selector = css,
                        reason = e.to_string()
                    ),
                )
                .at(file, span)
                .label(msg!("import-mapping-bad-selector-label"))
                .help(msg!("import-mapping-bad-selector-help")),
            );
            None
        }
    }
}

fn unknown_keys(
    file: &SourceFile,
    table: &dyn TableLike,
    known: &[&str],
    prefix: &str,
    problems: &mut Vec<Problem>,
) {
    for (key, _) in table.iter() {
        if known.contains(&key) {
            continue;
        }
        let span = table
            .get_key_value(key)
            .and_then(|(k, _)| k.span())
            .unwrap_or(0..0);
        let problem = Problem::error(
            "import::mapping-unknown-key",
            msg!("import-mapping-unknown-key", key = format!("{prefix}{key}")),
        )
        .at(file, span);
        let list = known.join(", ");
        problems.push(match did_you_mean(key, known.iter().copied()) {
            Some(s) => problem
                .label(msg!("import-mapping-did-you-mean", suggestion = s))
                .help(msg!(
                    "import-mapping-rename-help",
                    suggestion = s,
                    known = list
                )),
            None => problem
                .label(msg!("import-mapping-not-a-setting"))
                .help(msg!("import-mapping-known-help", known = list)),
        });
    }
}

/// A saved page and the address it had.
struct Page {
    file: SourceFile,
    /// The old absolute address.
    address: String,
    /// Another address the page names for itself (`<link rel="canonical">`), if different.
    canonical: Option<String>,
}

/// Pages found, and those that could not be (reported, skipped).
struct Found {
    pages: Vec<Page>,
    problems: Vec<Problem>,
    skipped: Vec<Skipped>,
}

fn found(input: &Input, site: &str) -> Result<Found, ImportError> {
    let mut out = Found {
        pages: Vec::new(),
        problems: Vec::new(),
        skipped: Vec::new(),
    };
    match input {
        Input::Folder(dir) => {
            if !dir.is_dir() {
                return Err(ImportError::Pages(dir.clone()));
            }
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
                .follow_links(true)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && is_page(e.path()))
                .map(|e| e.into_path())
                .collect();
            files.sort();
            let host = host_of(site).unwrap_or_default().to_ascii_lowercase();
            for path in files {
                let rel = crate::problem::display_path(dir, &path);
                // wget's layout puts the host first: `mirror/lhhn.example.vn/tin-tuc/x.html`.
                let rel = match rel.split_once('/') {
                    Some((first, rest))
                        if !host.is_empty() && first.eq_ignore_ascii_case(&host) =>
                    {
                        rest.to_string()
                    }
                    _ => rel,
                };
                let rel = rel.strip_suffix("index.html").unwrap_or(&rel);
                let guessed = format!("{site}/{rel}");
                let Some(file) = read_page(&path, &mut out) else {
                    continue;
                };
                // A page's own address is the truth; a file's name may be anything a browser's
                // "Save as" gave it.
                let address = canonical(&file.text, &guessed).unwrap_or(guessed);
                out.pages.push(Page {
                    file,
                    address,
                    canonical: None,
                });
            }
        }
        Input::List { list, mirror } => {
            if !mirror.is_dir() {
                return Err(ImportError::Pages(mirror.clone()));
            }
            let list_file = super::read_text(list)?;
            let mut offset = 0;
            for line in list_file.text.split_inclusive('\n') {
                let start = offset;
                offset += line.len();
                let text = line.trim();
                if text.is_empty() || text.starts_with('#') {
                    continue;
                }
                let address = if text.starts_with('/') {
                    format!("{site}{text}")
                } else {
                    text.to_string()
                };
                let lead = line.len() - line.trim_start().len();
                let span = start + lead..start + lead + text.len();
                let Some(path) = in_mirror(mirror, &address) else {
                    let p = Problem::warning(
                        "import::page-not-in-mirror",
                        msg!(
                            "import-page-not-in-mirror",
                            address = address.as_str(),
                            mirror = mirror.display().to_string()
                        ),
                    )
                    .at(&list_file, span.clone())
                    .label(msg!("import-page-not-in-mirror-label"))
                    .help(msg!("import-page-not-in-mirror-help"));
                    out.problems.push(p);
                    out.skipped.push(Skipped {
                        file: Some(list_file.path.clone()),
                        id: 0,
                        title: msg!("import-item-page", title = address.as_str()),
                        line: list_file.line_col(span.start).0,
                        reason: msg!("import-skip-not-in-mirror"),
                    });
                    continue;
                };
                let Some(file) = read_page(&path, &mut out) else {
                    continue;
                };
                let canonical = canonical(&file.text, &address).filter(|c| *c != address);
                out.pages.push(Page {
                    file,
                    address,
                    canonical,
                });
            }
        }
    }
    Ok(out)
}

fn is_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    // wget keeps the query in the name: `Default.aspx?tabid=56&ItemID=1025` (or `@` on Windows).
    let name = name.split(['?', '@']).next().unwrap_or("");
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    ext.is_some_and(|e| PAGE_TYPES.contains(&e.as_str()))
}

fn read_page(path: &Path, out: &mut Found) -> Option<SourceFile> {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            out.problems.push(
                Problem::warning(
                    "import::page-unreadable",
                    msg!(
                        "import-page-unreadable",
                        file = name.as_str(),
                        reason = e.to_string()
                    ),
                )
                .in_file(name.clone()),
            );
            out.skipped
                .push(skipped(&name, msg!("import-skip-unreadable")));
            return None;
        }
    };
    match crate::problem::utf8_text("import::page-not-utf8", &name, bytes) {
        Ok(text) => Some(SourceFile::new(name, text)),
        Err(mut p) => {
            p.severity = crate::problem::Severity::Warning;
            p.message = msg!("import-page-not-utf8", file = name.as_str());
            out.problems.push(p);
            out.skipped
                .push(skipped(&name, msg!("import-skip-not-utf8")));
            None
        }
    }
}

/// A file left out as a whole: named by its path.
fn skipped(file: &str, reason: Message) -> Skipped {
    Skipped {
        file: Some(file.to_string()),
        id: 0,
        title: msg!("import-item-page", title = file),
        line: 1,
        reason,
    }
}

/// The file a mirror holds for `address`: `<mirror>/<host>/<path>` or `<mirror>/<path>`, the
/// query kept in the name (`?`, or `@` as wget writes it for Windows), a folder's `index.html`,
/// with or without the `.html` wget's `--adjust-extension` adds.
fn in_mirror(mirror: &Path, address: &str) -> Option<PathBuf> {
    let (host, path) = split_address(address)?;
    let rel = path.trim_start_matches('/').split('#').next().unwrap_or("");
    let (p, q) = rel.split_once('?').unwrap_or((rel, ""));
    let p = if p.is_empty() || p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_string()
    };
    let decoded = crate::check::percent_decode(&p);
    let mut names = Vec::new();
    for p in [p.clone(), decoded] {
        if q.is_empty() {
            names.push(p.clone());
            names.push(format!("{p}.html"));
        } else {
            for sep in ['?', '@'] {
                names.push(format!("{p}{sep}{q}"));
                names.push(format!("{p}{sep}{q}.html"));
            }
        }
    }
    let roots = [mirror.join(host), mirror.to_path_buf()];
    roots
        .iter()
        .flat_map(|root| names.iter().map(move |n| root.join(n)))
        .find(|p| p.is_file())
}

/// `https://host/a?b` → (`host`, `/a?b`).
fn split_address(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    Some(match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    })
}

fn host_of(url: &str) -> Option<&str> {
    split_address(url).map(|(h, _)| h)
}

/// The address a page gives for itself: `<link rel="canonical">`, else `og:url`.
fn canonical(text: &str, base: &str) -> Option<String> {
    let html = Html::parse_document(text);
    let sel = |s: &str| Selector::parse(s).ok();
    let link = sel("link[rel~=canonical][href]")
        .and_then(|s| html.select(&s).next().and_then(|e| e.attr("href")));
    let og = || {
        sel("meta[property='og:url'][content]")
            .and_then(|s| html.select(&s).next().and_then(|e| e.attr("content")))
    };
    link.or_else(og)
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(|u| resolve(base, u))
}

/// A lead photo as the mapping found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Absolute on the old site.
    pub src: String,
    pub alt: String,
    pub caption: String,
}

/// What the mapping found in one page.
#[derive(Debug, Default)]
pub struct Extract {
    pub title: Option<String>,
    /// The date element's text, as written.
    pub date_text: Option<String>,
    /// The date read from it, local time.
    pub date: Option<NaiveDateTime>,
    pub author: Option<String>,
    pub category: Option<String>,
    pub image: Option<Image>,
    /// The body's HTML after stripping, links made absolute.
    pub body: Option<String>,
    /// Elements `strip` removed from the body.
    pub stripped: usize,
    /// What the mapping did not find, each with why ("no date: “.ngay-dang” matched nothing").
    pub missing: Vec<Missed>,
}

/// A part of a page the mapping did not find, and why.
#[derive(Debug, Clone)]
pub struct Missed {
    pub part: Part,
    pub why: Message,
}

/// The parts of an article page the mapping looks for, as far as they can be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Date,
    Body,
    Photo,
}

impl Part {
    /// What a page cannot be imported without; a missing photo is only said.
    fn required(self) -> bool {
        self != Part::Photo
    }

    /// Why a page is left out, in short: "no title".
    fn reason(self) -> Message {
        match self {
            Part::Title => msg!("import-skip-no-title"),
            Part::Date => msg!("import-skip-no-date"),
            Part::Body => msg!("import-skip-no-body"),
            Part::Photo => msg!("import-skip-no-photo"),
        }
    }
}

impl Extract {
    fn miss(&mut self, part: Part, why: Message) {
        self.missing.push(Missed { part, why });
    }
}

impl Mapping {
    /// Reads one page (at `address`) through the mapping.
    pub fn extract(&self, text: &str, address: &str, tz: Tz) -> Extract {
        let mut html = Html::parse_document(text);
        let mut x = Extract::default();
        let first = |html: &Html, f: &Field| html.select(&f.selector).next().map(|e| e.id());
        let text_at = |html: &Html, id| {
            html.tree
                .get(id)
                .and_then(ElementRef::wrap)
                .map(|e| element_text(&e))
                .unwrap_or_default()
        };
        match first(&html, &self.title).map(|id| text_at(&html, id)) {
            Some(t) if !t.is_empty() => x.title = Some(t),
            Some(_) => x.miss(
                Part::Title,
                msg!(
                    "import-missing-title-empty",
                    selector = self.title.css.as_str()
                ),
            ),
            None => x.miss(
                Part::Title,
                msg!("import-missing-title", selector = self.title.css.as_str()),
            ),
        }
        match first(&html, &self.date).map(|id| text_at(&html, id)) {
            None => x.miss(
                Part::Date,
                msg!("import-missing-date", selector = self.date.css.as_str()),
            ),
            Some(t) => {
                x.date = find_date(&t, &self.date_format, tz);
                if x.date.is_none() {
                    let selector = self.date.css.as_str();
                    let why = match joined(self.date_format.iter(), |first, second| {
                        msg!("import-join-or", first = first, second = second)
                    }) {
                        None => msg!(
                            "import-missing-date-unread",
                            selector = selector,
                            text = t.as_str()
                        ),
                        Some(formats) => msg!(
                            "import-missing-date-unread-format",
                            selector = selector,
                            text = t.as_str(),
                            formats = formats
                        ),
                    };
                    x.miss(Part::Date, why);
                }
                x.date_text = Some(t);
            }
        }
        let optional = |f: &Option<Field>| {
            f.as_ref()
                .and_then(|f| first(&html, f))
                .map(|id| text_at(&html, id))
                .filter(|t| !t.is_empty())
        };
        x.author = optional(&self.author).map(|a| without_label(&a));
        x.category = optional(&self.category);
        let Some(body) = first(&html, &self.body) else {
            x.miss(
                Part::Body,
                msg!("import-missing-body", selector = self.body.css.as_str()),
            );
            return x;
        };
        // The title, date, author and category are front-matter: not a second time in the text
        // (a CMS often writes the author's line at the end of the body).
        let fields = [Some(&self.title), Some(&self.date)]
            .into_iter()
            .chain([self.author.as_ref(), self.category.as_ref()])
            .flatten();
        let taken: Vec<_> = fields
            .filter_map(|f| first(&html, f))
            .filter(|id| {
                *id != body
                    && html
                        .tree
                        .get(*id)
                        .is_some_and(|n| n.ancestors().any(|a| a.id() == body))
            })
            .collect();
        for id in taken {
            if let Some(mut n) = html.tree.get_mut(id) {
                n.detach();
            }
        }
        // What `strip` names inside the body, outermost only (the rest goes with it).
        let mut remove = Vec::new();
        if let Some(b) = html.tree.get(body).and_then(ElementRef::wrap) {
            for f in &self.strip {
                remove.extend(b.select(&f.selector).map(|e| e.id()));
            }
        }
        remove.sort();
        remove.dedup();
        let inside_another = |id| {
            html.tree.get(id).is_some_and(|n| {
                n.ancestors()
                    .take_while(|a| a.id() != body)
                    .any(|a| remove.contains(&a.id()))
            })
        };
        let outermost: Vec<_> = remove
            .iter()
            .copied()
            .filter(|id| !inside_another(*id))
            .collect();
        x.stripped = outermost.len();
        for id in outermost {
            if let Some(mut n) = html.tree.get_mut(id) {
                n.detach();
            }
        }
        if let Some(f) = &self.image
            && let Some(img) = html.select(&f.selector).next()
        {
            let src = ["src", "data-src", "data-original"]
                .iter()
                .find_map(|a| img.attr(a).map(str::trim).filter(|s| !s.is_empty()));
            if let Some(src) = src {
                let mut image = Image {
                    src: resolve(address, src),
                    alt: one_line(img.attr("alt").unwrap_or("")),
                    caption: String::new(),
                };
                // Shown above the text as `image:`, so not a second time in it.
                let in_body = img.ancestors().any(|a| a.id() == body);
                let figure = img
                    .ancestors()
                    .take_while(|a| a.id() != body)
                    .filter_map(ElementRef::wrap)
                    .find(|a| a.value().name() == "figure");
                if let Some(figure) = figure
                    && let Ok(s) = Selector::parse("figcaption")
                {
                    image.caption = figure
                        .select(&s)
                        .next()
                        .map(|c| element_text(&c))
                        .unwrap_or_default();
                }
                let id = figure.map_or(img.id(), |f| f.id());
                x.image = Some(image);
                if in_body && let Some(mut n) = html.tree.get_mut(id) {
                    n.detach();
                }
            } else {
                x.miss(
                    Part::Photo,
                    msg!("import-missing-photo-no-src", selector = f.css.as_str()),
                );
            }
        } else if let Some(f) = &self.image {
            x.miss(
                Part::Photo,
                msg!("import-missing-photo", selector = f.css.as_str()),
            );
        }
        // Relative links and photos, made absolute against the page's own address.
        let ids: Vec<_> = html
            .tree
            .get(body)
            .map(|b| b.descendants().map(|d| d.id()).collect())
            .unwrap_or_default();
        for id in ids {
            if let Some(mut n) = html.tree.get_mut(id)
                && let Node::Element(e) = n.value()
            {
                for (name, value) in e.attrs.iter_mut() {
                    if matches!(&*name.local, "href" | "src") {
                        let absolute = resolve(address, value);
                        *value = absolute.into();
                    }
                }
            }
        }
        x.body = html
            .tree
            .get(body)
            .and_then(ElementRef::wrap)
            .map(|b| b.inner_html());
        x
    }
}

/// The element's text, one line; a `<meta>` or `<time>` gives its `content` or `datetime`.
fn element_text(e: &ElementRef) -> String {
    let text = one_line(&e.text().collect::<String>());
    if !text.is_empty() {
        return text;
    }
    one_line(
        e.attr("content")
            .or_else(|| e.attr("datetime"))
            .unwrap_or(""),
    )
}

fn one_line(text: &str) -> String {
    crate::scaffold::one_line(text)
}

/// "Tác giả: Minh Anh" → "Minh Anh": a short label before a colon is not the name.
fn without_label(text: &str) -> String {
    match text.split_once(':') {
        Some((label, name)) if label.split_whitespace().count() <= 3 && !name.trim().is_empty() => {
            name.trim().to_string()
        }
        _ => text.to_string(),
    }
}

/// The first date in `text` ("Ngày: 27.05.2020", "Thứ Hai, 22/02/2024 12:00:00"): the
/// mapping's format tried at each place a word or number starts, else bantin's own forms.
pub fn find_date(text: &str, formats: &[String], tz: Tz) -> Option<NaiveDateTime> {
    let text: String = text.chars().take(300).collect();
    let starts = text.char_indices().filter(|(i, _)| {
        !text[..*i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_alphanumeric())
    });
    for (i, _) in starts {
        let rest = &text[i..];
        match formats {
            [_, ..] => {
                for f in formats {
                    if let Ok((d, _)) = NaiveDateTime::parse_and_remainder(rest, f) {
                        return Some(d);
                    }
                    if let Ok((d, _)) = NaiveDate::parse_and_remainder(rest, f) {
                        return d.and_hms_opt(0, 0, 0);
                    }
                }
            }
            [] => {
                if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                // The longest stretch that is one of bantin's forms.
                let ends = rest
                    .char_indices()
                    .map(|(j, c)| j + c.len_utf8())
                    .take_while(|j| *j <= 32)
                    .filter(|j| {
                        rest[..*j]
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_ascii_digit() || c == 'Z')
                            && !rest[*j..].starts_with(|c: char| c.is_ascii_digit())
                    })
                    .collect::<Vec<_>>();
                for j in ends.into_iter().rev() {
                    if let Ok(d) = crate::locale::parse_date(&rest[..j], tz) {
                        return Some(d.naive_local());
                    }
                }
            }
        }
    }
    None
}

/// `url` made absolute against the page at `base`.
pub fn resolve(base: &str, url: &str) -> String {
    let url = url.trim();
    let scheme_end = url.find(':').filter(|i| {
        url[..*i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && *i > 0
    });
    if url.is_empty() || url.starts_with('#') || scheme_end.is_some() {
        return url.to_string();
    }
    let scheme = if base.starts_with("http://") {
        "http:"
    } else {
        "https:"
    };
    if url.starts_with("//") {
        return format!("{scheme}{url}");
    }
    let Some((host, path)) = split_address(base) else {
        return url.to_string();
    };
    let origin = format!("{scheme}//{host}");
    if url.starts_with('/') {
        return format!("{origin}{url}");
    }
    let path = path.split('#').next().unwrap_or(path);
    if url.starts_with('?') {
        let page = path.split('?').next().unwrap_or(path);
        return format!("{origin}{page}{url}");
    }
    let page = path.split('?').next().unwrap_or(path);
    let dir = &page[..page.rfind('/').map_or(0, |i| i + 1)];
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let (rel, tail) = match url.find(['?', '#']) {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let segments: Vec<&str> = rel.split('/').collect();
    for s in &segments {
        match *s {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let trailing = if matches!(segments.last(), Some(&"" | &"." | &"..")) && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    format!("{origin}/{}{trailing}{tail}", parts.join("/"))
}

/// Where in the page's body the title is written, so a warning points at it (else the first
/// line).
fn title_span(text: &str, title: Option<&str>) -> Range<usize> {
    let found = title.and_then(|t| {
        let head: String = t.chars().take(24).collect();
        let from = text.find("<body").unwrap_or(0);
        let at = text[from..].find(&head).map(|i| from + i);
        at.or_else(|| text.find(&head)).map(|i| i..i + head.len())
    });
    found.unwrap_or(0..1.min(text.len()))
}

/// The saved pages as an export, with the pages left out and why.
pub struct Read {
    pub export: Export,
    pub problems: Vec<Problem>,
    pub skipped: Vec<Skipped>,
}

/// Reads every page through the mapping.
pub fn read(input: &Input, mapping: &Mapping, tz: Tz) -> Result<Read, ImportError> {
    let Found {
        pages,
        mut problems,
        mut skipped,
    } = found(input, &mapping.site)?;
    let mut items = Vec::new();
    let mut images = Vec::new();
    for page in &pages {
        let x = mapping.extract(&page.file.text, &page.address, tz);
        let span = title_span(&page.file.text, x.title.as_deref());
        // Only the page's head is kept: a warning needs its line, not the whole page.
        let line_end = page.file.text[span.end..]
            .find('\n')
            .map_or(page.file.text.len(), |i| span.end + i);
        let file = page.file.head(line_end);
        let (Some(title), Some(date), Some(body)) = (&x.title, x.date, &x.body) else {
            let title = x.title.clone().unwrap_or_else(|| page.address.clone());
            let missing: Vec<&Missed> = x.missing.iter().filter(|m| m.part.required()).collect();
            // Never empty: a page lacks its title, date or body only where one was not found.
            let said = joined_messages(missing.iter().map(|m| m.why.clone()), |first, second| {
                msg!("import-join-semicolon", first = first, second = second)
            })
            .unwrap_or_else(|| Part::Body.reason());
            problems.push(
                Problem::warning(
                    "import::page-incomplete",
                    msg!("import-page-incomplete", missing = said),
                )
                .at(&file, span.clone())
                .label(msg!(
                    "import-page-incomplete-label",
                    address = page.address.as_str()
                ))
                .help(msg!("import-page-incomplete-help")),
            );
            let reason =
                joined_messages(missing.iter().map(|m| m.part.reason()), |first, second| {
                    msg!("import-join-comma", first = first, second = second)
                })
                .unwrap_or_else(|| Part::Body.reason());
            skipped.push(Skipped {
                file: Some(page.file.path.clone()),
                id: 0,
                title: msg!("import-item-page", title = title),
                line: file.line_col(span.start).0,
                reason,
            });
            continue;
        };
        let old = super::media::old_path(&mapping.site, &page.address).unwrap_or_default();
        let (slug, id) = super::media::slug_and_id(&old);
        let id = id.unwrap_or(0);
        let mut meta = Vec::new();
        if let Some(image) = &x.image {
            let image_id = IMAGE_IDS + images.len() as u64;
            meta.push(("_thumbnail_id".to_string(), image_id.to_string()));
            images.push(Item {
                kind: Kind::Attachment,
                id: image_id,
                parent: id,
                title: escape(&image.alt),
                excerpt: escape(&image.caption),
                attachment_url: image.src.clone(),
                meta: vec![("_wp_attachment_image_alt".into(), image.alt.clone())],
                ..empty_item(span.clone(), file.clone())
            });
        }
        items.push(Item {
            kind: Kind::Post,
            id,
            title: escape(title),
            link: page.address.clone(),
            guid: page.canonical.clone().unwrap_or_default(),
            creator: x.author.clone().unwrap_or_default(),
            content: body.clone(),
            date: date.format("%Y-%m-%d %H:%M:%S").to_string(),
            name: slug,
            status: "publish".into(),
            terms: x
                .category
                .iter()
                .map(|c| ItemTerm {
                    domain: "category".into(),
                    slug: crate::locale::slugify(c),
                    name: escape(c),
                })
                .collect(),
            meta,
            ..empty_item(span, file)
        });
    }
    items.extend(images);
    let export = Export {
        flavor: Flavor::Html,
        version: String::new(),
        what: msg!("import-what-pages", count = pages.len()),
        site_url: mapping.site.clone(),
        file: mapping.file.clone(),
        title: String::new(),
        authors: Default::default(),
        categories: Vec::new(),
        tags: Vec::new(),
        items,
    };
    Ok(Read {
        export,
        problems,
        skipped,
    })
}

fn empty_item(span: Range<usize>, file: SourceFile) -> Item {
    Item {
        span,
        file: Some(file),
        kind: Kind::Post,
        ..Item::default()
    }
}

/// Text as HTML (the reader's fields are HTML, as WordPress's are).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One page as `--sample` shows it.
#[derive(Debug)]
pub struct Sample {
    pub file: String,
    pub address: String,
    pub extract: Extract,
}

/// What the mapping extracts from the first `n` pages; nothing is written, and the site need
/// not be one yet (its timezone, when site.toml gives one, reads dates with an offset).
pub fn sample(
    options: &super::Options,
    input: &Input,
    mapping_path: &Path,
    n: usize,
) -> Result<(Vec<Sample>, Vec<Problem>), ImportError> {
    let mapping = mapping(super::read_text(mapping_path)?).map_err(ImportError::Mapping)?;
    let provinces = crate::provinces::Provinces::builtin();
    let tz = crate::config::Config::load(&options.source, &Default::default(), provinces)
        .map_or(chrono_tz::Asia::Ho_Chi_Minh, |c| c.timezone);
    let found = found(input, &mapping.site)?;
    let samples = found
        .pages
        .iter()
        .take(n)
        .map(|p| Sample {
            file: p.file.path.clone(),
            address: p.address.clone(),
            extract: mapping.extract(&p.file.text, &p.address, tz),
        })
        .collect();
    Ok((samples, found.problems))
}

impl Sample {
    /// For a person checking the mapping: one line for each thing it looks for, in `lang`.
    pub fn human(&self, lang: Lang) -> String {
        use std::fmt::Write as _;
        let x = &self.extract;
        let text = |m: Message| lang.text(&m);
        let none = "—".to_string();
        let date = match (&x.date, &x.date_text) {
            (Some(d), Some(written)) => text(msg!(
                "import-sample-date-from",
                date = d.format("%d/%m/%Y %H:%M:%S").to_string(),
                text = written.as_str()
            )),
            _ => none.clone(),
        };
        let image = x.image.as_ref().map_or(none.clone(), |i| {
            if i.alt.is_empty() {
                i.src.clone()
            } else {
                text(msg!(
                    "import-sample-image-alt",
                    src = i.src.as_str(),
                    alt = i.alt.as_str()
                ))
            }
        });
        let body = x.body.as_deref().map_or(none.clone(), |b| {
            let plain = one_line(&super::plain_text(b));
            let mut preview: String = plain.chars().take(200).collect();
            if plain.chars().count() > 200 {
                preview.push('…');
            }
            preview
        });
        let missing = if x.missing.is_empty() {
            text(msg!("import-sample-nothing"))
        } else {
            let whys: Vec<String> = x.missing.iter().map(|m| text(m.why.clone())).collect();
            whys.join("; ")
        };
        let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| none.clone());
        let lines = [
            (msg!("import-sample-address"), self.address.clone()),
            (msg!("import-sample-title"), or_none(&x.title)),
            (msg!("import-sample-date"), date),
            (msg!("import-sample-author"), or_none(&x.author)),
            (msg!("import-sample-category"), or_none(&x.category)),
            (msg!("import-sample-image"), image),
            (msg!("import-sample-body"), body),
            (
                msg!("import-sample-stripped"),
                text(msg!("import-sample-elements", count = x.stripped)),
            ),
            (msg!("import-sample-missing"), missing),
        ];
        let lines: Vec<(String, String)> = lines
            .into_iter()
            .map(|(label, value)| (format!("{}:", text(label)), value))
            .collect();
        // The values line up two places after the longest label.
        let width = lines
            .iter()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0)
            + 2;
        let mut t = String::new();
        let _ = writeln!(t, "{}", self.file);
        for (label, value) in lines {
            let _ = writeln!(t, "  {label:<width$}{value}");
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TZ: Tz = chrono_tz::Asia::Ho_Chi_Minh;

    fn at(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn finds_the_date_inside_the_text() {
        let fmt = |d: Option<NaiveDateTime>| d.map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string());
        let cases: &[(&str, &[&str], Option<String>)] = &[
            ("Ngày: 27.05.2020", &["%d.%m.%Y"], at("2020-05-27 00:00:00")),
            ("Ngày: 27.05.2020", &[], at("2020-05-27 00:00:00")),
            (
                "Thứ Hai, 22/02/2024 12:00:00",
                &["%d/%m/%Y %H:%M:%S"],
                at("2024-02-22 12:00:00"),
            ),
            (
                "Thứ Hai, 22/02/2024 12:00:00",
                &[],
                at("2024-02-22 12:00:00"),
            ),
            (
                "Cập nhật lúc 08:30 ngày 7/5/2021",
                &[],
                at("2021-05-07 00:00:00"),
            ),
            (
                "Đăng ngày 2019-11-03 | 1.204 lượt xem",
                &[],
                at("2019-11-03 00:00:00"),
            ),
            (
                "Cập nhật lúc 08:30 ngày 7/5/2021",
                &["%d/%m/%Y %H:%M:%S", "%H:%M ngày %d/%m/%Y"],
                at("2021-05-07 08:30:00"),
            ),
            ("Lượt xem: 1024", &[], None),
            ("Lượt xem: 1024", &["%d/%m/%Y"], None),
            ("", &[], None),
            ("31/02/2020", &[], None),
        ];
        for (text, format, want) in cases {
            assert_eq!(
                &fmt(find_date(
                    text,
                    &format.iter().map(|f| f.to_string()).collect::<Vec<_>>(),
                    TZ
                )),
                want,
                "{text} {format:?}"
            );
        }
    }

    #[test]
    fn resolves_addresses_against_the_page() {
        let page = "https://lhhn.example.vn/tin-tuc/hoi-nghi-1024.html";
        let cases = [
            ("/Uploads/a.jpg", "https://lhhn.example.vn/Uploads/a.jpg"),
            (
                "../Uploads/a b.jpg",
                "https://lhhn.example.vn/Uploads/a b.jpg",
            ),
            ("anh/a.jpg", "https://lhhn.example.vn/tin-tuc/anh/a.jpg"),
            ("//cdn.example.vn/a.jpg", "https://cdn.example.vn/a.jpg"),
            ("https://other.vn/x", "https://other.vn/x"),
            ("mailto:lhhn@example.vn", "mailto:lhhn@example.vn"),
            ("#tom-tat", "#tom-tat"),
            (
                "Default.aspx?tabid=56&ItemID=1025",
                "https://lhhn.example.vn/tin-tuc/Default.aspx?tabid=56&ItemID=1025",
            ),
            ("./", "https://lhhn.example.vn/tin-tuc/"),
        ];
        for (url, want) in cases {
            assert_eq!(resolve(page, url), want, "{url}");
        }
        assert_eq!(
            resolve(
                "https://lhhn.example.vn/Default.aspx?tabid=56&ItemID=1",
                "?tabid=7"
            ),
            "https://lhhn.example.vn/Default.aspx?tabid=7"
        );
    }

    const MAPPING: &str = r#"site = "https://lhhn-travinh.example.vn/"
[article]
title = "h1.title"
date = ".ngay-dang"
body = "div.noi-dung"
author = ".tac-gia"
image = ".noi-dung img"
strip = [".thong-ke", "footer", ".chia-se"]
"#;

    #[test]
    fn a_bad_mapping_is_an_error_at_its_line() {
        let m = mapping(SourceFile::new("m.toml", MAPPING)).expect("a good mapping");
        assert_eq!(m.site, "https://lhhn-travinh.example.vn");
        assert_eq!(m.strip.len(), 3);

        let cases = [
            (
                MAPPING.replace("\"div.noi-dung\"", "\"div..noi-dung\""),
                "div..noi-dung",
                5,
            ),
            (MAPPING.replace("\"footer\"", "\"footer[\""), "footer[", 8),
            (
                MAPPING.replace("author =", "autor ="),
                "did you mean `author`",
                6,
            ),
            (
                MAPPING.replace("date = \".ngay-dang\"\n", ""),
                "no `date`",
                2,
            ),
            (
                MAPPING.replace("site = \"https://", "site = \"ftp://"),
                "`site`",
                1,
            ),
            (
                MAPPING.replace("[article]\n", "[article]\ndate_format = \"%Q\"\n"),
                "date_format",
                3,
            ),
        ];
        for (text, says, line) in cases {
            let problems = match mapping(SourceFile::new("m.toml", text.clone())) {
                Ok(_) => panic!("{text}"),
                Err(p) => p,
            };
            let p = problems
                .iter()
                .find(|p| {
                    let shown = p.shown(Lang::En);
                    format!("{} {:?}", shown.message, shown.label).contains(says)
                })
                .unwrap_or_else(|| panic!("{says}: {problems:?}"));
            assert_eq!(p.line_col().map(|(l, _)| l), Some(line), "{says}");
        }
    }

    #[test]
    fn extracts_strips_and_takes_the_lead_photo_out_of_the_body() {
        let m = mapping(SourceFile::new("m.toml", MAPPING)).expect("a good mapping");
        let page = r#"<html><body><h1 class="title">Hội nghị &amp; giao lưu</h1>
<span class="ngay-dang">Ngày: 27.05.2020</span><span class="tac-gia">Tác giả: Minh Anh</span>
<div class="noi-dung"><figure><img src="../Uploads/a.jpg" alt="Quang cảnh"><figcaption>Quang cảnh hội nghị</figcaption></figure>
<p>Sáng 27/5, <a href="hoi-thao-1020.html">hội thảo</a>.</p><div class="chia-se"><div class="chia-se">Chia sẻ</div></div>
<div class="thong-ke">Số lượt truy cập: 1.234</div></div><footer>Bản quyền</footer></body></html>"#;
        let x = m.extract(
            page,
            "https://lhhn-travinh.example.vn/tin-tuc/hoi-nghi-1024.html",
            TZ,
        );
        assert_eq!(x.title.as_deref(), Some("Hội nghị & giao lưu"));
        assert_eq!(x.author.as_deref(), Some("Minh Anh"));
        assert_eq!(x.stripped, 2, "the nested share bar goes with its parent");
        let body = x.body.expect("a body");
        assert!(
            !body.contains("truy cập") && !body.contains("Chia sẻ"),
            "{body}"
        );
        assert!(
            !body.contains("<img"),
            "the lead photo is shown above the text: {body}"
        );
        assert!(
            body.contains("https://lhhn-travinh.example.vn/tin-tuc/hoi-thao-1020.html"),
            "{body}"
        );
        assert_eq!(
            x.image,
            Some(Image {
                src: "https://lhhn-travinh.example.vn/Uploads/a.jpg".into(),
                alt: "Quang cảnh".into(),
                caption: "Quang cảnh hội nghị".into(),
            })
        );
        assert!(x.missing.is_empty(), "{:?}", x.missing);

        let list = "<html><body><h1 class=\"title\">Tin tức</h1></body></html>";
        let x = m.extract(list, "https://lhhn-travinh.example.vn/tin-tuc/", TZ);
        assert_eq!(x.missing.len(), 2, "{:?}", x.missing);
        assert_eq!(x.missing[0].part, Part::Date);
        assert_eq!(
            Lang::En.text(&x.missing[0].why),
            "no date: “.ngay-dang” matched nothing"
        );
    }

    #[test]
    fn finds_a_listed_address_in_a_wget_mirror() {
        let dir = tempfile::tempdir().expect("a folder");
        let host = dir.path().join("lhhn.example.vn");
        std::fs::create_dir_all(host.join("tin-tuc")).expect("folders");
        for name in [
            "Default.aspx?tabid=56&ItemID=1025",
            "tin-tuc/index.html",
            "gioi-thieu.aspx@id=3.html",
        ] {
            std::fs::write(host.join(name), "x").expect("a file");
        }
        let find = |a: &str| {
            in_mirror(dir.path(), a).map(|p| p.strip_prefix(&host).map(Path::to_path_buf))
        };
        assert!(find("https://lhhn.example.vn/Default.aspx?tabid=56&ItemID=1025").is_some());
        assert!(find("https://lhhn.example.vn/tin-tuc/").is_some());
        assert!(find("https://lhhn.example.vn/gioi-thieu.aspx?id=3").is_some());
        assert!(find("https://lhhn.example.vn/Default.aspx?tabid=56&ItemID=9").is_none());
        assert!(is_page(Path::new("a/Default.aspx?tabid=56&ItemID=1025")));
        assert!(!is_page(Path::new("a/anh.jpg")));
    }

    #[test]
    fn a_sample_lines_up_its_labels_in_either_language() {
        let m = mapping(SourceFile::new("m.toml", MAPPING)).expect("a good mapping");
        let page = "<html><body><h1 class=\"title\">Hội nghị</h1><span class=\"ngay-dang\">Ngày: 27.05.2020</span><div class=\"noi-dung\"><p>Nội dung.</p></div></body></html>";
        let address = "https://lhhn-travinh.example.vn/tin-tuc/hoi-nghi-1024.html";
        let sample = Sample {
            file: "saved/hoi-nghi-1024.html".into(),
            address: address.into(),
            extract: m.extract(page, address, TZ),
        };
        let en = sample.human(Lang::En);
        for line in [
            "  address:   https://lhhn-travinh.example.vn/tin-tuc/hoi-nghi-1024.html",
            "  date:      27/05/2020 00:00:00 (from “Ngày: 27.05.2020”)",
            "  author:    —",
            "  stripped:  0 elements",
            "  missing:   no lead photo: “.noi-dung img” matched nothing",
        ] {
            assert!(en.lines().any(|l| l == line), "{line:?} in\n{en}");
        }
        let vi = sample.human(Lang::Vi);
        for line in [
            "  địa chỉ:      https://lhhn-travinh.example.vn/tin-tuc/hoi-nghi-1024.html",
            "  ngày đăng:    27/05/2020 00:00:00 (từ “Ngày: 27.05.2020”)",
            "  ảnh đầu bài:  —",
            "  còn thiếu:    không có ảnh đầu bài: “.noi-dung img” không tìm thấy gì",
        ] {
            assert!(vi.lines().any(|l| l == line), "{line:?} in\n{vi}");
        }
    }
}
