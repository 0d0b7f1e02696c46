//! Bringing an existing portal over. A reader turns what the old portal gives into items — a
//! WordPress export (`wxr`), RSS and Atom feeds (`feed`) — and one pipeline imports them: each
//! item's HTML becomes bantin Markdown (`html`), text typed in a legacy Vietnamese encoding is
//! repaired (`legacy`), the source and byline are lifted out of the text (`lift`), the old
//! site's photos and files are found (`media`), and articles, pages, media and site.toml
//! additions are written (`files`) — only what is new, never over an editor's edit.
//!
//! Read top to bottom: `wordpress` and `feeds` read; `Site::import` decides every item
//! (`Importer::decide`), gives each its new address, converts the bodies, then writes. Nothing
//! is written before everything has been read and converted, so a bad file leaves the site
//! exactly as it was.

pub mod feed;
pub mod files;
pub mod html;
pub mod legacy;
pub mod lift;
pub mod media;
pub mod pages;
pub mod report;
mod shortcode;
pub mod wxr;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use unicode_normalization::UnicodeNormalization;

use crate::config::{Config, Overrides};
use crate::content::{self, ARTICLES_DIR};
use crate::locale;
use crate::markdown::Highlighter;
use crate::messages::{Arg, Lang, Message};
use crate::msg;
use crate::problem::{Problem, SourceFile};
use crate::provinces::{ProvinceId, Provinces};
use crate::route;
use crate::scaffold::{one_line, yaml_quote};

use files::SiteAdditions;
use media::Media;
pub use report::Report;
use wxr::{Export, Item, Kind};

/// What `bantin import wordpress` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site's folder (holding site.toml).
    pub source: PathBuf,
    /// The old site's `wp-content/uploads` folder.
    pub media: Option<PathBuf>,
    /// The province of every item, instead of site.toml's.
    pub province: Option<String>,
    /// Decide and report everything, write nothing.
    pub dry_run: bool,
    /// Fetch uploads that are not in `media` from the old site's addresses.
    pub fetch_media: bool,
}

/// Where `--fetch-media` keeps what it fetched, below the site (a second run fetches nothing).
pub const MEDIA_CACHE: &str = ".bantin-cache/import-media";

/// Why an import did not happen, or stopped. Its words are `message()`; shown as text, it is
/// the English one.
#[derive(Debug)]
pub enum ImportError {
    /// site.toml cannot be used: the import needs its timezone, addresses and categories.
    Site(Vec<Problem>),
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The export is not a WordPress export, or damaged: one problem at its line.
    Export(Box<Problem>),
    /// `--province` names no province: what was written, and the closest name, if one is
    /// close.
    Province(String, Option<String>),
    MediaFolder(PathBuf),
    /// The mapping file of `bantin import html` cannot be used: every problem at its line.
    Mapping(Vec<Problem>),
    Pages(PathBuf),
    /// Writing failed part-way: the files written so far are whole; running the import again
    /// finishes the job.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ImportError {
    /// What went wrong, in words for the reader's language.
    pub fn message(&self) -> Message {
        match self {
            ImportError::Site(_) => msg!("import-error-site"),
            ImportError::Read { path, source } => msg!(
                "import-error-read",
                path = path.display().to_string(),
                reason = source.to_string()
            ),
            ImportError::Export(problem) => problem.message.clone(),
            ImportError::Province(name, suggestion) => {
                let hint = match suggestion {
                    Some(s) => msg!("import-province-did-you-mean", suggestion = s),
                    None => msg!("import-province-how-to-write"),
                };
                msg!("import-error-province", name = name, hint = hint)
            }
            ImportError::MediaFolder(path) => {
                msg!(
                    "import-error-media-folder",
                    path = path.display().to_string()
                )
            }
            ImportError::Mapping(_) => msg!("import-error-mapping"),
            ImportError::Pages(path) => {
                msg!(
                    "import-error-pages-folder",
                    path = path.display().to_string()
                )
            }
            ImportError::Write { path, source } => msg!(
                "import-error-write",
                path = path.display().to_string(),
                reason = source.to_string()
            ),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.text(&self.message()))
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Read { source, .. } | ImportError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Generic account names: never a byline.
const GENERIC_ACCOUNTS: &[&str] = &[
    "admin",
    "administrator",
    "root",
    "webmaster",
    "quantri",
    "quản trị",
    "quản trị viên",
    "editor",
    "user",
    "test",
    "demo",
];

/// WordPress's default category, in English and Vietnamese installs.
const DEFAULT_CATEGORIES: &[&str] = &["uncategorized", "chua-phan-loai"];

/// Imports a WordPress export into the site at `options.source`.
pub fn wordpress(options: &Options, path: &Path) -> Result<Report, ImportError> {
    let site = Site::open(options)?;
    let export = wxr::parse(read_text(path)?).map_err(ImportError::Export)?;
    site.import(options, &export)
}

/// Imports RSS and Atom feeds (the newest items of a portal) into the site.
pub fn feeds(options: &Options, paths: &[PathBuf]) -> Result<Report, ImportError> {
    let site = Site::open(options)?;
    let files = paths
        .iter()
        .map(|p| read_text(p))
        .collect::<Result<Vec<_>, _>>()?;
    let export = feed::parse(files).map_err(ImportError::Export)?;
    site.import(options, &export)
}

/// Imports saved HTML pages of a portal that is not WordPress, read through a mapping file.
pub fn pages(
    options: &Options,
    input: &pages::Input,
    mapping: &Path,
) -> Result<Report, ImportError> {
    let site = Site::open(options)?;
    let mapping = pages::mapping(read_text(mapping)?).map_err(ImportError::Mapping)?;
    let read = pages::read(input, &mapping, site.config.timezone)?;
    let mut report = site.import(options, &read.export)?;
    report.items += read.skipped.len();
    report.skipped.extend(read.skipped);
    report.problems.extend(read.problems);
    Ok(report)
}

/// A file's text, for diagnostics named as it was given.
pub(crate) fn read_text(path: &Path) -> Result<SourceFile, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path.display().to_string();
    let text = crate::problem::utf8_text("import::not-utf8", &name, bytes)
        .map_err(|p| ImportError::Export(Box::new(p)))?;
    Ok(SourceFile::new(name, text))
}

/// The site an import writes into: its settings, and the province asked for.
pub struct Site {
    pub config: Config,
    province: Option<ProvinceId>,
}

impl Site {
    /// Reads site.toml (strictly: an import needs its timezone, addresses and categories) and
    /// checks the options before any export is read.
    pub fn open(options: &Options) -> Result<Site, ImportError> {
        let provinces = Provinces::builtin();
        let config = Config::load(&options.source, &Overrides::default(), provinces)
            .map_err(ImportError::Site)?;
        if let Some(dir) = &options.media
            && !dir.is_dir()
        {
            return Err(ImportError::MediaFolder(dir.clone()));
        }
        let province = match &options.province {
            Some(name) => Some(
                provinces
                    .lookup(name)
                    .map_err(|e| {
                        ImportError::Province(
                            name.clone(),
                            e.suggestions.first().map(|s| s.to_string()),
                        )
                    })?
                    .id(),
            ),
            None => None,
        };
        Ok(Site { config, province })
    }

    /// Imports what a reader made of the old portal: decide, convert, write.
    pub fn import(&self, options: &Options, export: &Export) -> Result<Report, ImportError> {
        let provinces = Provinces::builtin();
        let mut importer = Importer::new(&self.config, provinces, export, options, self.province);
        let decided = importer.decide();
        let made = importer.convert(decided);
        importer.write(made)
    }
}

/// An item the import will write, before its body is converted.
struct Decided<'e> {
    item: &'e Item,
    kind: DecidedKind,
    /// The content file, below the site folder: `content/tin-tuc/2020/hoi-nghi.md`.
    file: String,
    /// Front-matter lines before the body-dependent ones (`source`, `author`, `image`).
    head: Head,
    /// Where it is published, below the site root: `tin-tuc/hoi-nghi/`.
    path: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DecidedKind {
    Article,
    Page,
}

#[derive(Default)]
struct Head {
    title: String,
    date: Option<DateTime<FixedOffset>>,
    id: Option<u64>,
    province: Option<ProvinceId>,
    category: Option<String>,
    tags: Vec<String>,
    summary: Option<String>,
    author: Option<String>,
    featured: bool,
    draft: bool,
    slug: Option<String>,
    aliases: Vec<String>,
}

/// A finished content file.
struct Made {
    file: String,
    text: String,
}

struct Importer<'a> {
    config: &'a Config,
    provinces: &'a Provinces,
    export: &'a Export,
    options: &'a Options,
    /// `--province`, else none (site.toml's applies without a line).
    province: Option<ProvinceId>,
    attachments: HashMap<u64, html::Attachment>,
    /// A post's own attachments (their parent is the post), in the export's order: what a
    /// `[gallery]` without `ids` shows.
    attached: HashMap<u64, Vec<u64>>,
    /// Category and tag names → the province they name, if any.
    term_provinces: HashMap<String, Option<ProvinceId>>,
    /// Terms by slug → the one spelling used for them (two spellings of one address are one).
    spelling: HashMap<String, String>,
    media: Media,
    report: Report,
    highlighter: Highlighter,
}

impl<'a> Importer<'a> {
    fn new(
        config: &'a Config,
        provinces: &'a Provinces,
        export: &'a Export,
        options: &'a Options,
        province: Option<ProvinceId>,
    ) -> Self {
        let attachments = export
            .items
            .iter()
            .filter(|i| i.kind == Kind::Attachment)
            .map(|i| {
                (
                    i.id,
                    html::Attachment {
                        url: i.attachment_url.clone(),
                        title: plain_text(&i.title),
                        caption: plain_text(&i.excerpt),
                        alt: i
                            .meta("_wp_attachment_image_alt")
                            .map(plain_text)
                            .unwrap_or_default(),
                    },
                )
            })
            .collect();
        let mut attached: HashMap<u64, Vec<u64>> = HashMap::new();
        for i in export.items.iter().filter(|i| i.kind == Kind::Attachment) {
            attached.entry(i.parent).or_default().push(i.id);
        }
        let report = Report::new(export, options);
        Importer {
            attached,
            term_provinces: HashMap::new(),
            config,
            provinces,
            export,
            options,
            province,
            attachments,
            spelling: HashMap::new(),
            media: Media::new(
                &export.site_url,
                options.media.as_deref(),
                export.flavor != wxr::Flavor::Wordpress,
                // A dry run fetches nothing: the cache is inside the site's folder.
                (options.fetch_media && !options.dry_run).then(|| {
                    media::Fetch::new(
                        options.source.join(MEDIA_CACHE),
                        std::time::Duration::from_secs(30),
                    )
                }),
            ),
            report,
            highlighter: Highlighter::new(),
        }
    }

    /// The file an item's problems point into.
    fn file_of<'i>(&'i self, item: &'i Item) -> &'i SourceFile {
        item.file.as_ref().unwrap_or(&self.export.file)
    }

    fn warn(&mut self, item: &Item, code: &'static str, message: Message, help: Option<Message>) {
        let mut p = Problem::warning(code, message).at(self.file_of(item), item.span.clone());
        if let Some(help) = help {
            p = p.help(help);
        }
        self.report.problems.push(p);
    }

    /// Decides what becomes of every item: skipped (with the reason), or an article or page
    /// with its front-matter and address.
    fn decide(&mut self) -> Vec<Decided<'a>> {
        let export = self.export;
        let mut decided = Vec::new();
        let mut files: BTreeSet<String> = BTreeSet::new();
        let mut slugs: BTreeSet<String> = BTreeSet::new();
        let pages: HashMap<u64, &Item> = export
            .items
            .iter()
            .filter(|i| i.kind == Kind::Page)
            .map(|i| (i.id, i))
            .collect();
        for item in &export.items {
            self.report.comments += item.comments;
            let kind = match &item.kind {
                Kind::Post => DecidedKind::Article,
                Kind::Page => DecidedKind::Page,
                Kind::Attachment => {
                    self.report.attachments += 1;
                    continue;
                }
                Kind::Other(other) => {
                    self.report
                        .skip(item, msg!("import-skip-type", kind = other.as_str()));
                    continue;
                }
            };
            let status = item.status.as_str();
            if matches!(status, "trash" | "auto-draft" | "inherit") {
                self.report
                    .skip(item, msg!("import-skip-status", status = status));
                continue;
            }
            let title = self.repair(item, &plain_text(&item.title), msg!("import-part-title"));
            let title = one_line(&title);
            if title.is_empty() {
                let p = Problem::warning(
                    "import::no-title",
                    msg!("import-no-title", id = item.id.to_string()),
                )
                .at(self.file_of(item), item.span.clone())
                .label(msg!("import-no-title-label"))
                .help(msg!("import-no-title-help"));
                self.report.problems.push(p);
                self.report.skip(item, msg!("import-skip-no-title"));
                continue;
            }
            let Some(date) = self.date(item) else {
                self.report.skip(item, msg!("import-skip-no-date"));
                self.warn(
                    item,
                    "import::no-date",
                    msg!("import-no-date", title = title.as_str()),
                    None,
                );
                continue;
            };
            let mut head = Head {
                title,
                ..Head::default()
            };
            match status {
                "publish" => {}
                "future" => self.report.scheduled.push(head.title.clone()),
                other => {
                    // "private", "draft", "pending", or a plugin's own status.
                    head.draft = true;
                    self.report.drafts.push(msg!(
                        "import-draft",
                        title = head.title.as_str(),
                        status = other
                    ));
                }
            }
            if !item.password.is_empty() {
                head.draft = true;
                self.report
                    .drafts
                    .push(msg!("import-draft-password", title = head.title.as_str()));
            }
            let wp_slug = locale::slugify(&crate::check::percent_decode(&item.name));
            if kind == DecidedKind::Article {
                head.date = Some(date);
                head.id = Some(item.id).filter(|id| *id > 0);
                head.featured = item.sticky;
                if item.sticky {
                    self.report.featured.push(head.title.clone());
                }
                self.terms(item, &mut head);
                head.province = self.province_of(item, &head);
                let summary = self.repair(
                    item,
                    &plain_text(&item.excerpt),
                    msg!("import-part-excerpt"),
                );
                head.summary = Some(one_line(&summary)).filter(|s| !s.is_empty());
                head.author = self.account(item);
            }
            let title_slug = locale::slugify(&head.title);
            let slug = match kind {
                DecidedKind::Article => {
                    let slug = self.article_slug(item, &wp_slug, &title_slug, &mut slugs);
                    if slug != title_slug {
                        head.slug = Some(slug.clone());
                    }
                    slug
                }
                // A page's address is its file's path (kept unique below).
                DecidedKind::Page if wp_slug.is_empty() => title_slug,
                DecidedKind::Page => wp_slug,
            };
            let file = match kind {
                DecidedKind::Article => {
                    format!("content/{ARTICLES_DIR}/{}/{slug}.md", date.format("%Y"))
                }
                DecidedKind::Page => {
                    let mut parts = vec![slug.clone()];
                    let mut parent = item.parent;
                    let mut seen = BTreeSet::new();
                    while let Some(p) = pages.get(&parent).filter(|_| seen.insert(parent)) {
                        parts.push(locale::slugify(&crate::check::percent_decode(&p.name)));
                        parent = p.parent;
                    }
                    parts.reverse();
                    format!("content/{}.md", parts.join("/"))
                }
            };
            let file = unique_file(&mut files, file, item.id);
            if let Some(old) = self.media.old_path(&item.link) {
                head.aliases.push(old);
            }
            // WordPress answers `?p=ID` for any post, whatever its permalinks.
            if export.flavor == wxr::Flavor::Wordpress {
                head.aliases.push(match kind {
                    DecidedKind::Article => format!("/?p={}", item.id),
                    DecidedKind::Page => format!("/?page_id={}", item.id),
                });
            }
            // A feed's `<guid>` may be another old address (`/Default.aspx?ItemID=1024`).
            if export.flavor != wxr::Flavor::Wordpress
                && let Some(guid) = self.media.old_path(&item.guid)
                && !head.aliases.contains(&guid)
            {
                head.aliases.push(guid);
            }
            head.aliases.dedup();
            decided.push(Decided {
                item,
                kind,
                file,
                head,
                path: String::new(),
            });
        }
        // The addresses, as bantin will compute them, so links between posts can be rewritten.
        for d in &mut decided {
            let text = front_matter(&d.head, d.kind, None, None, None) + "\n";
            if let Some(path) = self.address(&d.file, text) {
                d.path = path;
            }
            d.head
                .aliases
                .retain(|a| a.trim_matches('/') != d.path.trim_matches('/'));
            for alias in &d.head.aliases {
                self.media.page(alias, &d.path);
            }
            if let Some(old) = self.media.old_path(&d.item.guid) {
                self.media.page(&old, &d.path);
            }
        }
        decided
    }

    /// An article's slug, one no other imported article has: WordPress's own (`post_name`),
    /// else the last part of its old address, else one made from the title, else with its id.
    /// (A real export has two posts with one `post_name`; WordPress had given the second
    /// another address.)
    fn article_slug(
        &self,
        item: &Item,
        wp_slug: &str,
        title_slug: &str,
        taken: &mut BTreeSet<String>,
    ) -> String {
        let from_link = self
            .media
            .old_path(&item.link)
            .filter(|p| !p.contains('?'))
            .and_then(|p| {
                p.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .map(|last| locale::slugify(last.trim_end_matches(".html")))
            })
            .unwrap_or_default();
        let candidates = [wp_slug.to_string(), from_link, title_slug.to_string()];
        let slug = candidates
            .into_iter()
            .filter(|s| !s.is_empty())
            .find(|s| !taken.contains(s))
            .unwrap_or_else(|| {
                format!(
                    "{}-{}",
                    if wp_slug.is_empty() {
                        title_slug
                    } else {
                        wp_slug
                    },
                    item.id
                )
            });
        taken.insert(slug.clone());
        slug
    }

    /// Where the content file would be published (bantin's own reading of it).
    fn address(&self, file: &str, text: String) -> Option<String> {
        let path = self.config.root.join(file);
        let (content, _) =
            content::load_text(self.config, self.provinces, &self.highlighter, &path, text);
        content
            .articles
            .first()
            .map(|a| a.path.clone())
            .or_else(|| content.pages.first().map(|p| p.path.clone()))
    }

    /// The item's time: `post_date_gmt` is exact; drafts have none (`0000-00-00 00:00:00`),
    /// so their `post_date` is read as the site's local time.
    fn date(&self, item: &Item) -> Option<DateTime<FixedOffset>> {
        let parse = |s: &str| NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M:%S").ok();
        if let Some(utc) = parse(&item.date_gmt).filter(|d| d.and_utc().timestamp() > 0) {
            return Some(
                Utc.from_utc_datetime(&utc)
                    .with_timezone(&self.config.timezone)
                    .fixed_offset(),
            );
        }
        match parse(&item.date) {
            Some(local) => self
                .config
                .timezone
                .from_local_datetime(&local)
                .earliest()
                .map(|d| d.fixed_offset()),
            // A feed or page may write its time in one of bantin's own forms ("27/05/2020 08:30").
            None => locale::parse_date(item.date.trim(), self.config.timezone).ok(),
        }
    }

    /// One category (the first that is not WordPress's default), the other categories as
    /// tags, and the tags, each in one spelling per address.
    fn terms(&mut self, item: &Item, head: &mut Head) {
        let mut tags = Vec::new();
        for term in &item.terms {
            let name =
                one_line(&self.repair(item, &plain_text(&term.name), msg!("import-part-term")));
            if name.is_empty() {
                continue;
            }
            match term.domain.as_str() {
                "category" => {
                    let default = DEFAULT_CATEGORIES.contains(&term.slug.as_str())
                        || DEFAULT_CATEGORIES.contains(&locale::slugify(&name).as_str());
                    if default {
                        continue;
                    }
                    if head.category.is_none() {
                        head.category = Some(self.spelled(&name));
                    } else {
                        tags.push(self.spelled(&name));
                    }
                }
                "post_tag" => tags.push(self.spelled(&name)),
                _ => {}
            }
        }
        let mut seen = BTreeSet::new();
        tags.retain(|t| seen.insert(locale::slugify(t)) && Some(t) != head.category.as_ref());
        head.tags = tags;
    }

    /// The spelling a name's address was first seen with: "Hội nghị" and "hội nghị" (or
    /// "Hoi nghi") are one list, never two that collide.
    fn spelled(&mut self, name: &str) -> String {
        self.spelling
            .entry(locale::slugify(name))
            .or_insert_with(|| name.to_string())
            .clone()
    }

    /// `--province`, else a province named by the item's categories, tags or title — only when
    /// exactly one is named — else none (site.toml's province applies).
    fn province_of(&mut self, item: &Item, head: &Head) -> Option<ProvinceId> {
        if self.province.is_some() {
            return self.province;
        }
        let mut named: BTreeMap<ProvinceId, Message> = BTreeMap::new();
        let terms = head.category.iter().chain(&head.tags);
        for term in terms {
            // Remembered: a failed lookup ranks every province for its "did you mean".
            let provinces = self.provinces;
            let found = *self
                .term_provinces
                .entry(term.clone())
                .or_insert_with(|| provinces.lookup(term).ok().map(|p| p.id()));
            if let Some(id) = found {
                named.entry(id).or_insert_with(|| msg!("import-part-term"));
            }
        }
        // A name shared by a former unit and today's (Cà Mau) is one province: the registry's.
        for p in self.provinces.iter() {
            if contains_words(&head.title, p.name())
                && let Ok(p) = self.provinces.lookup(p.name())
            {
                named
                    .entry(p.id())
                    .or_insert_with(|| msg!("import-part-title"));
            }
        }
        match named.len() {
            0 => None,
            1 => {
                let (id, from) = named.into_iter().next()?;
                if self.config.province != Some(id) {
                    self.report.provinces_guessed.push(report::Guess {
                        title: head.title.clone(),
                        province: self.provinces.get(id).name().to_string(),
                        from,
                    });
                }
                Some(id)
            }
            _ => {
                let names: Vec<&str> = named
                    .keys()
                    .map(|id| self.provinces.get(*id).name())
                    .collect();
                let names = joined(names, |first, second| {
                    msg!("import-join-and", first = first, second = second)
                });
                self.warn(
                    item,
                    "import::province-unclear",
                    msg!(
                        "import-province-unclear",
                        title = head.title.as_str(),
                        provinces = names.unwrap_or_else(|| "".into())
                    ),
                    None,
                );
                None
            }
        }
    }

    /// The WordPress account's name as a byline, unless it is a generic one ("admin").
    fn account(&self, item: &Item) -> Option<String> {
        let display = self
            .export
            .authors
            .get(&item.creator)
            .filter(|d| !d.trim().is_empty())
            .unwrap_or(&item.creator);
        let name = one_line(display);
        let generic = |n: &str| {
            let n = n.to_lowercase();
            GENERIC_ACCOUNTS.contains(&n.as_str()) || n.contains("admin")
        };
        (!name.is_empty() && !generic(&name) && !generic(&item.creator)).then_some(name)
    }

    /// Text repaired from a legacy Vietnamese encoding, reported either way.
    /// `what` names the part of the item the text is: its title, its excerpt…
    fn repair(&mut self, item: &Item, text: &str, what: Message) -> String {
        match legacy::repair(text) {
            legacy::Repair::Unchanged => text.to_string(),
            legacy::Repair::Converted { text, from } => {
                self.report.legacy_converted.push(msg!(
                    "import-legacy-converted",
                    item = item_name(item),
                    what = what,
                    encoding = encoding_name(&from)
                ));
                text
            }
            legacy::Repair::Suspect(encoding) => {
                self.warn(
                    item,
                    "import::legacy-encoding",
                    msg!(
                        "import-legacy-suspect",
                        what = what,
                        item = item_name(item),
                        encoding = encoding_name(&encoding)
                    ),
                    Some(msg!("import-legacy-suspect-help")),
                );
                text.to_string()
            }
        }
    }

    /// Converts every body, lifts source and byline, and assembles the content files.
    fn convert(&mut self, decided: Vec<Decided<'a>>) -> Vec<Made> {
        let mut made = Vec::new();
        let mut list_redirects: BTreeMap<String, String> = BTreeMap::new();
        let published: Vec<&Decided> = decided
            .iter()
            .filter(|d| {
                d.kind == DecidedKind::Article && !d.head.draft && d.item.status != "future"
            })
            .collect();
        self.redirects(&published, &mut list_redirects);
        self.report.redirects = list_redirects;
        let mut categories = Vec::new();
        for d in &decided {
            self.media.start(&d.file);
            let content = self.repair(d.item, &d.item.content, msg!("import-part-text"));
            let attached = self.attached.get(&d.item.id).map_or(&[][..], Vec::as_slice);
            // The block editor keeps footnotes in the post's meta, as JSON.
            let footnotes: Vec<html::Footnote> = d
                .item
                .meta("footnotes")
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default();
            let options = html::Options {
                attachments: &self.attachments,
                attached,
                footnotes: &footnotes,
            };
            let converted = html::to_markdown(&content, &options, &mut self.media);
            self.report.conversion(&d.file, &converted);
            let lifted = if d.kind == DecidedKind::Article {
                lift::lift(&converted.markdown)
            } else {
                lift::Lifted {
                    body: converted.markdown.clone(),
                    source: None,
                    author: None,
                }
            };
            if lifted.source.is_some() {
                self.report.sources_lifted += 1;
            }
            if lifted.author.is_some() {
                self.report.bylines_lifted += 1;
            }
            let author = lifted.author.clone().or_else(|| d.head.author.clone());
            let image = (d.kind == DecidedKind::Article)
                .then(|| self.featured_image(d))
                .flatten();
            let mut text = front_matter(
                &d.head,
                d.kind,
                author.as_deref(),
                lifted.source.as_deref(),
                image.as_ref(),
            );
            text.push('\n');
            text.push_str(lifted.body.trim());
            text.push('\n');
            if !converted.footnotes.is_empty() {
                text.push('\n');
                text.push_str(&converted.footnotes);
            }
            if let Some(category) = &d.head.category
                && !categories.contains(category)
            {
                categories.push(category.clone());
            }
            self.validate(d, &text);
            if d.kind == DecidedKind::Article {
                self.report.articles += 1;
            } else {
                self.report.pages += 1;
            }
            made.push(Made {
                file: d.file.clone(),
                text,
            });
        }
        self.report.categories_used = categories;
        made
    }

    /// The featured image (`_thumbnail_id`) as `image:`, its alt text filled from the caption
    /// or title when empty.
    fn featured_image(&mut self, d: &Decided) -> Option<FeaturedImage> {
        let id: u64 = d.item.meta("_thumbnail_id")?.trim().parse().ok()?;
        let Some(attachment) = self.attachments.get(&id) else {
            self.warn(
                d.item,
                "import::missing-attachment",
                msg!(
                    "import-missing-attachment",
                    title = d.head.title.as_str(),
                    id = id.to_string()
                ),
                Some(msg!("import-missing-attachment-help")),
            );
            return None;
        };
        let (url, title, caption, alt) = (
            attachment.url.clone(),
            attachment.title.clone(),
            attachment.caption.clone(),
            attachment.alt.clone(),
        );
        let src = html::Links::image(&mut self.media, &url);
        let alt = [alt, caption.clone(), title]
            .into_iter()
            .map(|t| one_line(&t))
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| {
                self.report.alt_missing.push(format!("{}: {url}", d.file));
                d.head.title.clone()
            });
        self.report.featured_images += 1;
        Some(FeaturedImage {
            src,
            alt,
            caption: Some(one_line(&caption)).filter(|c| !c.is_empty()),
        })
    }

    /// Reads the finished file as the next build will; what it reports is the import's
    /// warning too (a file that would not build is a bug in the import or the export).
    fn validate(&mut self, d: &Decided, text: &str) {
        let path = self.config.root.join(&d.file);
        let (_, problems) = content::load_text(
            self.config,
            self.provinces,
            &self.highlighter,
            &path,
            text.to_string(),
        );
        for p in problems {
            // Query-string aliases and unknown categories are settled by the import itself
            // (site.toml gains them), so what is left is the article's own business.
            if p.code == "content::unknown-category" {
                continue;
            }
            // The uploads are copied after every file is made; they are there when it builds.
            // The problem points at the image's address in the file.
            let address = p
                .file
                .as_ref()
                .zip(p.span.clone())
                .and_then(|(f, span)| f.text.get(span))
                .unwrap_or_default();
            if p.code == "content::missing-image"
                && self
                    .media
                    .found
                    .values()
                    .any(|u| u.from.is_some() && address.contains(&u.to))
            {
                continue;
            }
            // One line per article instead of one screen per removal: `bantin check` lists each.
            if p.code == "content::unsafe-html" {
                if self.report.unsafe_html.last() != Some(&d.file) {
                    self.report.unsafe_html.push(d.file.clone());
                }
                continue;
            }
            self.report.problems.push(p);
        }
    }

    /// The old site's list and feed addresses → bantin's: categories and tags (only those with
    /// published news, or the list would not exist), years and months, the feeds.
    fn redirects(&self, published: &[&Decided], out: &mut BTreeMap<String, String>) {
        // Other portals' list addresses are their own; `check --old-urls` finds them.
        if published.is_empty() || self.export.flavor != wxr::Flavor::Wordpress {
            return;
        }
        out.insert(
            "/feed/".into(),
            format!("/{}", route::feed("", route::Feed::Rss)),
        );
        let category_paths = wp_category_paths(self.export);
        for d in published {
            let Some(date) = d.head.date else { continue };
            let (y, m) = (date.format("%Y").to_string(), date.format("%m").to_string());
            let (yn, mn) = (y.parse().unwrap_or(0), m.parse().unwrap_or(0));
            out.insert(format!("/{y}/"), format!("/{}", route::year(yn)));
            out.insert(format!("/{y}/{m}/"), format!("/{}", route::month(yn, mn)));
            for term in &d.item.terms {
                let name = self.spelling.get(&locale::slugify(&plain_text(&term.name)));
                let Some(name) = name else { continue };
                let slug = locale::slugify(name);
                let (old, new) = match term.domain.as_str() {
                    "category" if d.head.category.as_ref() == Some(name) => (
                        format!(
                            "/category/{}/",
                            category_paths.get(&term.slug).unwrap_or(&term.slug)
                        ),
                        route::category(&slug),
                    ),
                    "category" | "post_tag" if d.head.tags.contains(name) => {
                        let old = if term.domain == "category" {
                            format!(
                                "/category/{}/",
                                category_paths.get(&term.slug).unwrap_or(&term.slug)
                            )
                        } else {
                            format!("/tag/{}/", term.slug)
                        };
                        (old, route::tag(&slug))
                    }
                    _ => continue,
                };
                if term.slug.is_empty() {
                    continue;
                }
                let old = crate::check::percent_decode(&old).nfc().collect::<String>();
                out.insert(
                    format!("{old}feed/"),
                    format!("/{}", route::feed(&new, route::Feed::Rss)),
                );
                out.insert(old, format!("/{new}"));
            }
        }
    }

    /// Writes everything (or, with `--dry-run`, only finds out what would be written).
    fn write(mut self, made: Vec<Made>) -> Result<Report, ImportError> {
        let root = &self.options.source;
        let dry = self.options.dry_run;
        let err = |path: PathBuf| move |source| ImportError::Write { path, source };
        for m in &made {
            let path = root.join(&m.file);
            let outcome = files::put(&path, m.text.as_bytes(), dry).map_err(err(path.clone()))?;
            self.report.file(&m.file, outcome);
        }
        let uploads: Vec<media::Upload> = self.media.found.values().cloned().collect();
        for upload in uploads {
            match &upload.from {
                Some(from) => {
                    let to = root.join("static").join(&upload.to);
                    let outcome = files::copy(from, &to, dry).map_err(err(to.clone()))?;
                    self.report.media(&upload, outcome);
                }
                None => self.report.media_missing(&upload),
            }
        }
        self.report.old_site_links = self.media.old_site_links;
        self.report.media.fetched = self.media.fetched;
        self.report.media.fetch_failed = self
            .media
            .fetch_failed
            .iter()
            .map(|(url, why)| format!("{url}: {why}"))
            .collect();
        let additions = SiteAdditions {
            categories: self.report.categories_used.clone(),
            redirects: self.report.redirects.clone().into_iter().collect(),
        };
        let site_toml = root.join(crate::config::CONFIG_FILE);
        let before = self.config.source.text.to_string();
        let (after, added) = files::add_to_site_toml(&before, &additions)
            .map_err(|e| err(site_toml.clone())(std::io::Error::other(e.to_string())))?;
        let only_listed = !self.config.categories.is_empty();
        self.report.categories_added = added.categories;
        self.report.redirects_added = added.redirects.len();
        if !only_listed {
            self.report.categories_added.clear();
        }
        if after != before {
            self.report.site_toml_changed = true;
            if !dry {
                files::write_whole(&site_toml, after.as_bytes(), true)
                    .map_err(err(site_toml.clone()))?;
            }
        }
        self.report.permalink_hint = permalink_hint(self.export, self.config);
        self.report.site = root.display().to_string();
        Ok(self.report)
    }
}

/// The featured image as written into `image:`.
struct FeaturedImage {
    src: String,
    alt: String,
    caption: Option<String>,
}

/// The front-matter, in the order the README lists the fields.
fn front_matter(
    head: &Head,
    kind: DecidedKind,
    author: Option<&str>,
    source: Option<&str>,
    image: Option<&FeaturedImage>,
) -> String {
    let mut t = String::from("---\n");
    let _ = writeln!(t, "title: {}", yaml_quote(&head.title));
    if kind == DecidedKind::Article {
        if let Some(date) = head.date {
            let format = if date.format("%S").to_string() == "00" {
                "%d/%m/%Y %H:%M"
            } else {
                "%d/%m/%Y %H:%M:%S"
            };
            let _ = writeln!(t, "date: {}", date.format(format));
        }
        if let Some(id) = head.id {
            let _ = writeln!(t, "id: {id}");
        }
        if let Some(p) = head.province {
            let _ = writeln!(
                t,
                "province: {}",
                yaml_quote(Provinces::builtin().get(p).name())
            );
        }
        if let Some(c) = &head.category {
            let _ = writeln!(t, "category: {}", yaml_quote(c));
        }
        if !head.tags.is_empty() {
            let tags: Vec<String> = head.tags.iter().map(|t| yaml_quote(t)).collect();
            let _ = writeln!(t, "tags: [{}]", tags.join(", "));
        }
    }
    if let Some(s) = &head.summary {
        let _ = writeln!(t, "summary: {}", yaml_quote(s));
    }
    if let Some(a) = author {
        let _ = writeln!(t, "author: {}", yaml_quote(a));
    }
    if let Some(s) = source {
        let _ = writeln!(t, "source: {}", yaml_quote(s));
    }
    if let Some(image) = image {
        t.push_str("image:\n");
        let _ = writeln!(t, "  src: {}", yaml_quote(&image.src));
        let _ = writeln!(t, "  alt: {}", yaml_quote(&image.alt));
        if let Some(c) = &image.caption {
            let _ = writeln!(t, "  caption: {}", yaml_quote(c));
        }
    }
    if head.featured {
        t.push_str("featured: true\n");
    }
    if head.draft {
        t.push_str("draft: true\n");
    }
    if let Some(slug) = &head.slug {
        let _ = writeln!(t, "slug: {}", yaml_quote(slug));
    }
    if !head.aliases.is_empty() {
        let aliases: Vec<String> = head.aliases.iter().map(|a| yaml_quote(a)).collect();
        let _ = writeln!(t, "aliases: [{}]", aliases.join(", "));
    }
    t.push_str("---\n");
    t
}

/// A content file name not used yet: `hoi-nghi.md`, else `hoi-nghi-<id>.md`.
fn unique_file(files: &mut BTreeSet<String>, file: String, id: u64) -> String {
    if files.insert(file.clone()) {
        return file;
    }
    let stem = file.trim_end_matches(".md");
    let other = format!("{stem}-{id}.md");
    files.insert(other.clone());
    other
}

/// WordPress's address of each category: `/category/parent/child/` for nested ones.
fn wp_category_paths(export: &Export) -> HashMap<String, String> {
    let parents: HashMap<&str, Option<&str>> = export
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c.parent.as_deref()))
        .collect();
    let mut out = HashMap::new();
    for c in &export.categories {
        let mut parts = vec![c.slug.as_str()];
        let mut at = c.parent.as_deref();
        while let Some(p) = at.filter(|p| !parts.contains(p) && parts.len() < 20) {
            parts.push(p);
            at = parents.get(p).copied().flatten();
        }
        parts.reverse();
        out.insert(c.slug.clone(), parts.join("/"));
    }
    out
}

/// The permalink pattern that gives most posts their old address, when one does: keeping it
/// makes the old addresses the real ones (no redirect needed).
fn permalink_hint(export: &Export, config: &Config) -> Option<String> {
    const CANDIDATES: &[&str] = &[
        "/:year/:month/:day/:slug/",
        "/:year/:month/:slug/",
        "/:slug/",
        "/archives/:id/",
        "/tin-tuc/:slug/",
    ];
    let posts: Vec<(String, String, NaiveDateTime, u64)> = export
        .items
        .iter()
        .filter(|i| i.kind == Kind::Post && i.status == "publish")
        .filter_map(|i| {
            let path = media::old_path(&export.site_url, &i.link)?;
            let date = NaiveDateTime::parse_from_str(i.date.trim(), "%Y-%m-%d %H:%M:%S").ok()?;
            Some((path, crate::check::percent_decode(&i.name), date, i.id))
        })
        .collect();
    if posts.is_empty() {
        return None;
    }
    for candidate in CANDIDATES {
        let matches = posts
            .iter()
            .filter(|(path, name, date, id)| {
                let c = candidate
                    .replace(":id", &id.to_string())
                    .replace(":year", &date.format("%Y").to_string())
                    .replace(":month", &date.format("%m").to_string())
                    .replace(":day", &date.format("%d").to_string())
                    .replace(":slug", name);
                &c == path
            })
            .count();
        if matches * 10 >= posts.len() * 9 {
            return (config.permalinks.article.as_str() != *candidate)
                .then(|| candidate.to_string());
        }
    }
    None
}

/// Does `text` hold `words` as whole words (case as written: a province is a proper name)?
fn contains_words(text: &str, words: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(words) {
        let start = from + i;
        let end = start + words.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = end;
    }
    false
}

/// Text of an HTML fragment (a title, an excerpt, a term's name): tags dropped, entities
/// decoded (`&#8211;` → `–`), NFC.
pub fn plain_text(html: &str) -> String {
    let mut out = String::new();
    for token in html5gum::Tokenizer::new(html).flatten() {
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out.nfc().collect()
}

/// An item as the reader knows it: “its title”, else "item 12".
fn item_name(item: &Item) -> Message {
    let title = plain_text(&item.title);
    if title.trim().is_empty() {
        msg!("import-item-untitled", id = item.id.to_string())
    } else {
        msg!("import-item-titled", title = one_line(&title))
    }
}

/// Items one after another in the reader's language: each next one joined on by `join` (a
/// message of `first` and `second`: "{ $first } and { $second }"). `None` for no items.
pub(crate) fn joined<T: Into<Arg>>(
    items: impl IntoIterator<Item = T>,
    join: fn(Arg, Arg) -> Message,
) -> Option<Arg> {
    items
        .into_iter()
        .map(Into::into)
        .reduce(|first, second| join(first, second).into())
}

/// Messages one after another, as `joined`, as one message.
pub(crate) fn joined_messages(
    items: impl IntoIterator<Item = Message>,
    join: fn(Arg, Arg) -> Message,
) -> Option<Message> {
    items
        .into_iter()
        .reduce(|first, second| join(first.into(), second.into()))
}

fn encoding_name(e: &legacy::Encoding) -> &'static str {
    match e {
        legacy::Encoding::Tcvn3 => "TCVN3 (ABC)",
        legacy::Encoding::Vni => "VNI",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(contains_words(
            "Đoàn công tác tỉnh Kiên Giang thăm Lào",
            "Kiên Giang"
        ));
        assert!(!contains_words("Hà Namxyz", "Hà Nam"));
    }

    #[test]
    fn plain_text_decodes_entities_and_drops_tags() {
        assert_eq!(
            plain_text("Hội nghị &#8211; <em>tổng kết</em> &amp; khen thưởng"),
            "Hội nghị – tổng kết & khen thưởng"
        );
    }

    #[test]
    fn errors_are_told_in_either_language_and_shown_in_english() {
        let e = ImportError::Province("Bac Lieuu".into(), Some("Bạc Liêu".into()));
        assert_eq!(
            Lang::Vi.text(&e.message()),
            "--province \"Bac Lieuu\" không phải tên một tỉnh, thành phố của Việt Nam; có phải ý bạn là “Bạc Liêu”?"
        );
        assert_eq!(
            e.to_string(),
            "--province \"Bac Lieuu\" is not a Vietnamese province or city; did you mean “Bạc Liêu”?"
        );
        let e = ImportError::MediaFolder(PathBuf::from("../khong-co"));
        assert_eq!(
            e.to_string(),
            "the --media folder ../khong-co does not exist or is not a folder"
        );
        assert_eq!(
            Lang::Vi.text(&e.message()),
            "không tìm thấy thư mục --media ../khong-co (hoặc đó không phải là thư mục)"
        );
    }

    #[test]
    fn lists_are_joined_in_the_readers_language() {
        let names = joined(
            ["Cà Mau", "Kiên Giang", "Bạc Liêu"],
            |first, second| msg!("import-join-and", first = first, second = second),
        )
        .expect("names");
        let message = msg!(
            "import-province-unclear",
            title = "Hội nghị",
            provinces = names
        );
        assert!(
            Lang::Vi
                .text(&message)
                .starts_with("“Hội nghị” nhắc đến Cà Mau và Kiên Giang và Bạc Liêu: "),
            "{}",
            Lang::Vi.text(&message)
        );
        assert!(
            Lang::En
                .text(&message)
                .starts_with("“Hội nghị” names Cà Mau and Kiên Giang and Bạc Liêu: ")
        );
        assert!(
            joined(Vec::<String>::new(), |first, second| {
                msg!("import-join-and", first = first, second = second)
            })
            .is_none()
        );
    }
}
