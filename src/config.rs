//! Takes `site.toml` (and the command line's overrides) and gives a validated `Config`, or what
//! was understood of it with every problem found, so that a build can check the content against
//! it too. Unknown keys are errors with "did you mean", and every problem points at its line.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use toml_edit::{Document, Item, TableLike, Value};

use crate::markdown::RawHtml;
use crate::messages::{Lang, Message};
use crate::msg;
use crate::problem::{Problem, SourceFile, did_you_mean};
use crate::provinces::{ProvinceId, Provinces};
use crate::route::{Pattern, PatternError};

pub const CONFIG_FILE: &str = "site.toml";
const DEFAULT_PAGE_SIZE: usize = 10;
const MAX_PAGE_SIZE: usize = 500;

/// The site's settings, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's source folder (where site.toml lives).
    pub root: PathBuf,
    pub title: String,
    pub description: String,
    /// Absolute, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url`: `/` or `/portal/`.
    pub base_path: String,
    pub language: String,
    /// `messages`: the language bantin speaks to the site's people (its diagnostics and
    /// summaries), not the language of the content. The binary reads it before the site with
    /// [`message_language`]; here it is checked.
    pub messages: Lang,
    pub timezone: Tz,
    pub theme: String,
    /// The site's own province: the default for articles that name none.
    pub province: Option<ProvinceId>,
    pub page_size: usize,
    /// Allowed categories, in home-page order. Empty: any category is allowed.
    pub categories: Vec<String>,
    pub menu: Vec<MenuItem>,
    /// The sidebar's "Liên kết" box (related agencies), in order.
    pub links: Vec<MenuItem>,
    pub organization: Organization,
    pub feeds: FeedSettings,
    /// Whether a current province's page also lists the articles of the former units merged into
    /// it in 2025 (`[provinces] include_merged`, default true).
    pub include_merged: bool,
    /// The picture shown when a page without its own image is shared (Facebook, Zalo): a path
    /// below the site root or an absolute URL, as written in site.toml.
    pub image: Option<String>,
    /// `[counter] endpoint`: the visitor-counting service the "Thống kê truy cập" box talks to
    /// (see docs/counter.md). `None`: the box shows that no counter is connected.
    pub counter_endpoint: Option<String>,
    /// `[markdown] raw_html`: whether HTML written in articles is sanitized (the default) or
    /// published as written.
    pub raw_html: RawHtml,
    /// `[permalinks]`: the articles' address pattern, and the patterns of addresses they had
    /// before, kept working as redirects.
    pub permalinks: Permalinks,
    /// `[redirects]`: old addresses of the site (`/category/tin-tuc/`, `/?cat=3`) and where
    /// each leads now, in the order written.
    pub redirects: Vec<Redirect>,
    /// `[cms]`: where the browser CMS of the published site (`/admin/`) keeps the content.
    /// `None`: the published site has no /admin/ (the preview always has one, on the local
    /// backend).
    pub cms: Option<CmsSettings>,
    /// `[images]`: the widths and formats photos are published in (`crate::images`).
    pub images: crate::images::Settings,
    /// site.toml itself, for problems found later (a menu link to a page that does not exist).
    pub source: SourceFile,
}

/// `[cms]`: the Git host the published site's CMS (Decap CMS, at `/admin/`) reads and writes
/// the site's repository on, and how editors log in to it. The keys are Decap's own `backend`
/// keys, so a technician can follow Decap's documentation for the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CmsSettings {
    pub backend: CmsBackend,
    /// `owner/name` (GitLab: `group/subgroup/name`).
    pub repo: String,
    /// The branch the site is published from; default `main`.
    pub branch: String,
    /// The OAuth server editors log in through: an OAuth proxy for GitHub (and GitLab without
    /// `app_id`), the GitLab or Gitea server itself for PKCE.
    pub base_url: Option<String>,
    /// The path of the login on `base_url` (Decap's default depends on the host).
    pub auth_endpoint: Option<String>,
    /// The host's API address, for a self-hosted GitLab or Gitea.
    pub api_root: Option<String>,
    /// The OAuth application's id, for GitLab's PKCE login and for Gitea.
    pub app_id: Option<String>,
    /// Draft → in review → ready before an article is published (Decap's editorial workflow);
    /// default true where the host supports it (not Gitea).
    pub editorial_workflow: bool,
}

/// The Git hosts Decap CMS can work with that bantin offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmsBackend {
    GitHub,
    GitLab,
    Gitea,
}

impl CmsBackend {
    pub const ALL: [CmsBackend; 3] = [CmsBackend::GitHub, CmsBackend::GitLab, CmsBackend::Gitea];

    /// The name in site.toml, which is also Decap's backend name.
    pub fn name(self) -> &'static str {
        match self {
            CmsBackend::GitHub => "github",
            CmsBackend::GitLab => "gitlab",
            CmsBackend::Gitea => "gitea",
        }
    }

    /// Whether Decap's backend for this host has the editorial workflow (its Gitea backend
    /// refuses to start with it).
    pub fn has_editorial_workflow(self) -> bool {
        self != CmsBackend::Gitea
    }
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub name: String,
    /// As written in site.toml: `/gioi-thieu/` or `https://…`.
    pub url: String,
    /// Where `url` sits in site.toml.
    pub span: Range<usize>,
}

impl MenuItem {
    pub fn is_external(&self) -> bool {
        is_external_url(&self.url)
    }
}

pub fn is_external_url(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:")
}

/// One line of `[redirects]`: `"/category/tin-tuc/" = "/chuyen-muc/tin-tuc-hoat-dong/"`.
#[derive(Debug, Clone)]
pub struct Redirect {
    /// The old address as written: a path from the site root, maybe with a query string
    /// (`/?cat=3`), checked by `route::old_address_error`.
    pub from: String,
    /// As written: a path of this site (`/chuyen-muc/tin-tuc/`, checked to exist when the site
    /// is built) or a full web address.
    pub to: String,
    /// Where the old address (the key) and the new one (the value) are written in site.toml.
    pub from_span: Range<usize>,
    pub to_span: Range<usize>,
}

impl Redirect {
    /// Whether it leads to another site.
    pub fn is_external(&self) -> bool {
        self.to.starts_with("http://") || self.to.starts_with("https://")
    }
}

/// `[permalinks]`.
#[derive(Debug, Clone, Default)]
pub struct Permalinks {
    /// `article`: where each article is published (default `/tin-tuc/:slug/`).
    pub article: Pattern,
    /// `previous`: the patterns the site's articles were published under before; each article
    /// gets a redirect page at its address under each of them.
    pub previous: Vec<Pattern>,
}

/// The publisher block that Vietnamese law asks a news site to show (TT 09/2014, NĐ 147/2024).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Organization {
    pub name: String,
    pub short_name: Option<String>,
    /// Cơ quan chủ quản.
    pub parent: String,
    pub address: String,
    pub phone: String,
    pub fax: Option<String>,
    pub email: String,
    /// Người chịu trách nhiệm quản lý nội dung.
    pub editor: String,
    pub editor_title: String,
    pub licence: Option<String>,
}

const DEFAULT_EDITOR_TITLE: &str = "Chịu trách nhiệm nội dung";

/// `[feeds]`: how much each RSS/Atom feed carries.
#[derive(Debug, Clone)]
pub struct FeedSettings {
    /// Newest articles per feed.
    pub limit: usize,
    /// The whole article in the feed, instead of its summary.
    pub full_content: bool,
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings {
            limit: DEFAULT_FEED_LIMIT,
            full_content: false,
        }
    }
}

const DEFAULT_FEED_LIMIT: usize = 20;

/// What the command line may override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub base_url: Option<String>,
}

const TOP_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "messages",
    "timezone",
    "theme",
    "province",
    "page_size",
    "categories",
    "menu",
    "links",
    "organization",
    "feeds",
    "provinces",
    "image",
    "counter",
    "markdown",
    "permalinks",
    "redirects",
    "cms",
    "images",
];
const CMS_KEYS: &[&str] = &[
    "backend",
    "repo",
    "branch",
    "base_url",
    "auth_endpoint",
    "api_root",
    "app_id",
    "editorial_workflow",
];
const PERMALINK_KEYS: &[&str] = &["article", "previous"];
const MARKDOWN_KEYS: &[&str] = &["raw_html"];
const IMAGE_KEYS: &[&str] = &[
    "widths",
    "avif",
    "quality",
    "max_width",
    "focus",
    "credit",
    "large_mb",
    "large_megapixels",
    "missing_alt",
];
/// The values of `[markdown] raw_html`, as written in site.toml.
const RAW_HTML_MODES: &[(&str, RawHtml)] = &[
    ("sanitize", RawHtml::Sanitize),
    ("trusted", RawHtml::Trusted),
];
const COUNTER_KEYS: &[&str] = &["endpoint"];
const FEED_KEYS: &[&str] = &["limit", "full_content"];
const PROVINCE_KEYS: &[&str] = &["include_merged"];
const MENU_KEYS: &[&str] = &["name", "url"];
const ORGANIZATION_KEYS: &[&str] = &[
    "name",
    "short_name",
    "parent",
    "address",
    "phone",
    "fax",
    "email",
    "editor",
    "editor_title",
    "licence",
];
/// The settings of `[organization]` a site must have: the footer shows them on every page.
const ORGANIZATION_REQUIRED: &[&str] = &["name", "parent", "address", "phone", "email", "editor"];

/// A problem with an address pattern, pointing at the bad part inside the quoted value.
fn pattern_problem(file: &SourceFile, value: Range<usize>, e: &PatternError) -> Problem {
    // The value's span includes its opening quote; a pattern has no escapes to shift it.
    let quoted = file.text.get(value.clone()).unwrap_or("");
    let span = if quoted.starts_with('"') || quoted.starts_with('\'') {
        let start = (value.start + 1 + e.at.start).min(value.end);
        start..(value.start + 1 + e.at.end).min(value.end)
    } else {
        value
    };
    Problem::error("config::permalink", e.message.clone())
        .at(file, span)
        .label(msg!("config-permalink-label"))
        .help(e.help.clone())
}

/// The language of bantin's messages that site.toml in `root` asks for, read before the site
/// is: `None` when the file is missing, not TOML, or does not say (or says something bantin
/// does not speak; the build reports that at its line).
pub fn message_language(root: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let document = text.parse::<toml_edit::DocumentMut>().ok()?;
    document.get("messages")?.as_str()?.parse().ok()
}

/// A line of site.toml that sets `path` well, for the help of a problem with it.
fn example(path: &[&str]) -> Message {
    match path {
        ["title"] => msg!("config-example-title"),
        ["description"] => msg!("config-example-description"),
        ["base_url"] => msg!("config-example-base-url"),
        ["language"] => msg!("config-example-language"),
        ["messages"] => msg!("config-example-messages"),
        ["timezone"] => msg!("config-example-timezone"),
        ["theme"] => msg!("config-example-theme"),
        ["province"] => msg!("config-example-province"),
        ["page_size"] => msg!("config-example-page-size"),
        ["categories"] => msg!("config-example-categories"),
        ["image"] => msg!("config-example-image"),
        ["menu", ..] => msg!("config-example-menu"),
        ["links", ..] => msg!("config-example-links"),
        ["feeds"] | ["feeds", "limit"] => msg!("config-example-feeds"),
        ["feeds", "full_content"] => msg!("config-example-full-content"),
        ["provinces", ..] => msg!("config-example-provinces"),
        ["markdown", ..] => msg!("config-example-markdown"),
        ["permalinks", "previous"] => msg!("config-example-permalinks-previous"),
        ["permalinks", ..] => msg!("config-example-permalinks"),
        ["redirects", ..] => msg!("config-example-redirects"),
        ["counter", ..] => msg!("config-example-counter"),
        ["cms", "backend"] => msg!("config-example-cms-backend"),
        ["cms", "repo"] => msg!("config-example-cms-repo"),
        ["cms", "editorial_workflow"] => msg!("config-example-cms-workflow"),
        ["cms", ..] => msg!("config-example-cms"),
        ["images", "widths"] => msg!("config-example-images-widths"),
        ["images", "quality"] => msg!("config-example-images-quality"),
        ["images", ..] => msg!("config-example-images"),
        ["organization"] => msg!("config-example-organization"),
        ["organization", "name"] => msg!("config-example-organization-name"),
        ["organization", "short_name"] => msg!("config-example-organization-short-name"),
        ["organization", "parent"] => msg!("config-example-organization-parent"),
        ["organization", "address"] => msg!("config-example-organization-address"),
        ["organization", "phone"] => msg!("config-example-organization-phone"),
        ["organization", "fax"] => msg!("config-example-organization-fax"),
        ["organization", "email"] => msg!("config-example-organization-email"),
        ["organization", "editor"] => msg!("config-example-organization-editor"),
        ["organization", "editor_title"] => msg!("config-example-organization-editor-title"),
        ["organization", "licence"] => msg!("config-example-organization-licence"),
        _ => msg!("config-example-other"),
    }
}

/// Several examples in one text, separated by semicolons.
fn examples(mut list: Vec<Message>) -> Message {
    let Some(last) = list.pop() else {
        return msg!("config-example-other");
    };
    list.into_iter().rev().fold(last, |rest, first| {
        msg!("config-examples", first = first, rest = rest)
    })
}

/// Names in backticks, separated by commas: `` `a`, `b` ``.
fn quoted_names(names: &[&str]) -> String {
    names
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Config {
    /// Reads `<root>/site.toml`, strictly: with any problem in it there is no `Config`. For the
    /// commands that act on the settings themselves (`bantin new`, the dev server). All problems
    /// found are returned together.
    pub fn load(
        root: &Path,
        overrides: &Overrides,
        provinces: &Provinces,
    ) -> Result<Config, Vec<Problem>> {
        let (config, problems) = Self::read(root, overrides, provinces).map_err(|p| vec![p])?;
        strict(config, problems)
    }

    /// Reads `<root>/site.toml` as far as it can be understood, so that a build reports every
    /// problem of the site in one run: gives the settings and every problem found in them. A
    /// setting that is wrong, misspelt or missing is reported and replaced by its default or a
    /// stand-in, so that the content and the templates can still be checked against the rest; a
    /// `Config` that comes with problems must never be used to write a site. Fails only when
    /// site.toml cannot be read at all: then this is probably not a site's folder.
    pub fn read(
        root: &Path,
        overrides: &Overrides,
        provinces: &Provinces,
    ) -> Result<(Config, Vec<Problem>), Problem> {
        let path = root.join(CONFIG_FILE);
        let bytes = std::fs::read(&path).map_err(|e| {
            Problem::error(
                "config::unreadable",
                msg!(
                    "config-unreadable",
                    path = path.display().to_string(),
                    error = e.to_string()
                ),
            )
            .in_file(CONFIG_FILE)
            .help(msg!("config-unreadable-help"))
        })?;
        Ok(
            match crate::problem::utf8_text("config::not-utf8", CONFIG_FILE, bytes) {
                Ok(text) => Self::understand(
                    root,
                    SourceFile::new(CONFIG_FILE, text),
                    overrides,
                    provinces,
                ),
                // The text is not what was written, so none of it is trusted; the content is
                // still checked, against the defaults.
                Err(problem) => {
                    let file = problem
                        .file
                        .clone()
                        .unwrap_or_else(|| SourceFile::new(CONFIG_FILE, ""));
                    let unread = Unread {
                        keys: Vec::new(),
                        rest: true,
                    };
                    let mut reader = Reader::new(&file, None, &unread);
                    let config = reader.config(root, overrides, provinces);
                    (config, vec![problem])
                }
            },
        )
    }

    /// Like `load`, from site.toml's text.
    pub fn parse(
        root: &Path,
        file: SourceFile,
        overrides: &Overrides,
        provinces: &Provinces,
    ) -> Result<Config, Vec<Problem>> {
        let (config, problems) = Self::understand(root, file, overrides, provinces);
        strict(config, problems)
    }

    /// Like `read`, from site.toml's text: the settings as far as they are understood, and every
    /// problem with them, in the order of the file.
    pub fn understand(
        root: &Path,
        file: SourceFile,
        overrides: &Overrides,
        provinces: &Provinces,
    ) -> (Config, Vec<Problem>) {
        let (doc, syntax, unread) = document(&file);
        let mut reader = Reader::new(&file, doc.as_ref(), &unread);
        reader.problems.extend(syntax);
        let config = reader.config(root, overrides, provinces);
        let mut problems = reader.problems;
        problems.sort_by_key(|p| p.span.as_ref().map_or(0, |s| s.start));
        (config, problems)
    }

    /// A fingerprint of everything site.toml says (and the base URL it was built with): what
    /// an incremental build compares to know whether cached work is still valid.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (&*self.source.text, &self.base_url).hash(&mut h);
        h.finish()
    }

    /// A root-relative URL under the site's base path: `url("tin-tuc/a/")` → `/portal/tin-tuc/a/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// An absolute URL: `permalink("tin-tuc/a/")` → `https://example.org/portal/tin-tuc/a/`.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }

    /// Where the value at `path` (`["organization", "phone"]`) is written in site.toml, for a
    /// problem found after reading (site.toml is parsed again: call it for problems only).
    pub fn value_span(&self, path: &[&str]) -> Option<Range<usize>> {
        let doc = parse_toml(self.source.text.to_string()).ok()?;
        value_span(&doc, path)
    }

    /// Where the site's own templates and static files live, and where the theme's do.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
}

/// The config only when site.toml has no problem at all.
fn strict(config: Config, problems: Vec<Problem>) -> Result<Config, Vec<Problem>> {
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

/// What a syntax error kept from being read.
#[derive(Debug, Default)]
struct Unread {
    /// The settings (dotted paths) on the line that was left out, or in a value written over
    /// several lines that ran through it.
    keys: Vec<String>,
    /// Nothing from some point on was read (a broken table header), or nothing at all.
    rest: bool,
}

/// site.toml as a TOML document. After a syntax error (its problem is given back) the line it
/// is on is left out and the rest read again, so that one typo hides neither the other settings
/// nor the content's problems; `None` when even that fails.
fn document(file: &SourceFile) -> (Option<Document<String>>, Option<Problem>, Unread) {
    let nothing = || Unread {
        keys: Vec::new(),
        rest: true,
    };
    if let Some((at, _)) = file
        .text
        .char_indices()
        .filter(|(_, c)| matches!(c, '[' | '{'))
        .nth(MAX_BRACKETS)
    {
        let problem = Problem::error("config::syntax", msg!("config-syntax"))
            .at(file, at..at + 1)
            .label(msg!(
                "config-syntax-brackets-label",
                max = MAX_BRACKETS.to_string()
            ))
            .help(msg!("config-syntax-brackets-help"));
        return (None, Some(problem), nothing());
    }
    let error = match parse_toml(file.text.to_string()) {
        Ok(doc) => return (Some(doc), None, Unread::default()),
        Err(e) => e,
    };
    let span = error.span().unwrap_or(0..0);
    let problem = Problem::error("config::syntax", msg!("config-syntax"))
        .at(file, span.clone())
        .label(msg!("config-syntax-label", error = error.message().trim()))
        .help(msg!("config-syntax-help"));
    let text = &*file.text;
    let mut at = span.start.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    let mut unread = Unread::default();
    // After a broken table header, its settings cannot be told from the table before it's.
    let end = if line.trim_start().starts_with('[') {
        unread.rest = true;
        text.len()
    } else {
        unread.keys.extend(key_on_line(text, start));
        line_end
    };
    // Spaces in place of every byte keep every other setting at its place in the file.
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes[start..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    let Some(doc) = String::from_utf8(bytes)
        .ok()
        .and_then(|t| parse_toml(t).ok())
    else {
        return (None, Some(problem), nothing());
    };
    unread.keys.extend(spanning(&doc, start..end));
    (Some(doc), Some(problem), unread)
}

/// Most `[` and `{` a site.toml may have; a real one has a few dozen.
const MAX_BRACKETS: usize = 10_000;

/// `Document::parse` on a thread with room on its stack for every bracket in the text.
/// toml_edit's parser recurses once per bracket it opens, and the brackets of a broken line can
/// fool its depth limit: `feeds = { [[1]]` on 2,000 lines overflowed the stack and aborted the
/// build (found by the fuzz target `config`). A stack frame of that recursion takes about 5 KiB
/// in a debug build; the stack is only reserved, not used, until the parser gets that deep.
fn parse_toml(text: String) -> Result<Document<String>, toml_edit::TomlError> {
    let brackets = text.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    let stack = (1 << 20) + brackets * (16 << 10);
    let copy = text.clone();
    match std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || Document::parse(copy))
    {
        Ok(thread) => thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        // The system has no thread to give: parse here, as before this guard.
        Err(_) => Document::parse(text),
    }
}

/// The setting written on the line at `start`, as a dotted path with its table: `page_size`,
/// `organization.phone`, `menu.url`.
fn key_on_line(text: &str, start: usize) -> Option<String> {
    let line = text[start..].lines().next()?;
    let key = line.split_once('=')?.0.trim().trim_matches(['"', '\'']);
    if key.is_empty() {
        return None;
    }
    let table = text[..start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| {
            let end = l.rfind(']').map_or(l.len(), |i| i + 1);
            l[..end].trim_matches(['[', ']', ' '])
        });
    Some(match table {
        Some(table) => format!("{table}.{key}"),
        None => key.to_string(),
    })
}

/// The settings whose value crosses `range` (a list written over several lines).
fn spanning(doc: &Document<String>, range: Range<usize>) -> Vec<String> {
    let crosses = |item: &Item| {
        item.span()
            .is_some_and(|s| s.start < range.end && range.start < s.end)
    };
    let mut out = Vec::new();
    for (key, item) in doc.as_table().iter() {
        match item {
            Item::Table(table) => out.extend(
                table
                    .iter()
                    .filter(|(_, value)| crosses(value))
                    .map(|(name, _)| format!("{key}.{name}")),
            ),
            _ if crosses(item) => out.push(key.to_string()),
            _ => {}
        }
    }
    out
}

/// The kinds of value a setting may need.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Number,
    Bool,
    Texts,
    Numbers,
    Table,
    Links,
}

impl Kind {
    /// What the setting should be, and how that is written.
    fn explain(self) -> (Message, Message) {
        match self {
            Kind::Text => (msg!("config-kind-text"), msg!("config-kind-text-how")),
            Kind::Number => (msg!("config-kind-number"), msg!("config-kind-number-how")),
            Kind::Bool => (msg!("config-kind-bool"), msg!("config-kind-bool-how")),
            Kind::Texts => (msg!("config-kind-texts"), msg!("config-kind-texts-how")),
            Kind::Numbers => (msg!("config-kind-numbers"), msg!("config-kind-numbers-how")),
            Kind::Table => (msg!("config-kind-table"), msg!("config-kind-table-how")),
            Kind::Links => (msg!("config-kind-links"), msg!("config-kind-links-how")),
        }
    }
}

/// What a value is, in the words of an editor.
fn describe(item: &Item) -> Message {
    match item {
        Item::Value(value) => describe_value(value),
        Item::Table(_) => msg!("config-found-table"),
        Item::ArrayOfTables(_) => msg!("config-found-tables"),
        Item::None => msg!("config-found-nothing"),
    }
}

fn describe_value(value: &Value) -> Message {
    match value {
        Value::String(_) => msg!("config-found-text"),
        Value::Integer(_) => msg!("config-found-integer"),
        Value::Float(_) => msg!("config-found-float"),
        Value::Boolean(_) => msg!("config-found-bool"),
        Value::Datetime(_) => msg!("config-found-date"),
        Value::Array(_) => msg!("config-found-list"),
        Value::InlineTable(_) => msg!("config-found-table"),
    }
}

/// Reads site.toml's settings one by one, so that a wrong one is reported and replaced by its
/// default while every other one is still understood.
struct Reader<'a> {
    file: &'a SourceFile,
    doc: Option<&'a Document<String>>,
    unread: &'a Unread,
    problems: Vec<Problem>,
    /// Settings written but not understood (misspelt, or of the wrong type), as dotted paths:
    /// already reported, so not reported again as missing, and a stand-in takes their place.
    unclear: Vec<String>,
}

impl<'a> Reader<'a> {
    fn new(file: &'a SourceFile, doc: Option<&'a Document<String>>, unread: &'a Unread) -> Self {
        Reader {
            file,
            doc,
            unread,
            problems: Vec::new(),
            unclear: Vec::new(),
        }
    }

    /// Every setting, checked; a wrong one reported and replaced by its default.
    fn config(&mut self, root: &Path, overrides: &Overrides, provinces: &Provinces) -> Config {
        if let Some(doc) = self.doc {
            self.check_keys(doc.as_table(), TOP_KEYS, "");
        }
        for (name, keys) in [
            ("organization", ORGANIZATION_KEYS),
            ("feeds", FEED_KEYS),
            ("provinces", PROVINCE_KEYS),
            ("counter", COUNTER_KEYS),
            ("markdown", MARKDOWN_KEYS),
            ("permalinks", PERMALINK_KEYS),
            ("cms", CMS_KEYS),
            ("images", IMAGE_KEYS),
        ] {
            if let Some(table) = self.table(&[name]) {
                self.check_keys(table, keys, &format!("{name}."));
            }
        }

        let base_url_text = match &overrides.base_url {
            Some(url) => Some(url.clone()),
            None => self.text(&["base_url"]),
        };
        let (base_url, base_path) = match base_url_text.map(|url| (normalize_base_url(&url), url)) {
            Some((Ok(v), _)) => v,
            Some((Err(why), text)) => {
                let problem = Problem::error(
                    "config::base-url",
                    msg!("config-base-url", url = text, why = why),
                )
                .help(msg!("config-base-url-help"));
                let problem = if overrides.base_url.is_some() {
                    problem.in_file("--base-url")
                } else {
                    problem
                        .at(self.file, self.span(&["base_url"]))
                        .label(msg!("config-base-url-label"))
                };
                self.problems.push(problem);
                (String::new(), "/".to_string())
            }
            None => {
                self.require("base_url");
                (String::new(), "/".to_string())
            }
        };

        let timezone = match self.text(&["timezone"]) {
            None => chrono_tz::Asia::Ho_Chi_Minh,
            Some(name) => match name.parse::<Tz>() {
                Ok(tz) => tz,
                Err(_) => {
                    self.problems.push(
                        Problem::error("config::timezone", msg!("config-timezone", name = name))
                            .at(self.file, self.span(&["timezone"]))
                            .label(msg!("config-timezone-label"))
                            .help(msg!("config-timezone-help")),
                    );
                    chrono_tz::Asia::Ho_Chi_Minh
                }
            },
        };

        // A site's province that is written but not understood still stands for one: otherwise
        // every article that relies on it would be reported as having none.
        let stand_in = provinces.current().next().map(|p| p.id());
        let province = match self.text(&["province"]) {
            Some(name) => match provinces.lookup(&name) {
                Ok(p) => Some(p.id()),
                Err(e) => {
                    self.problems.push(crate::provinces::province_problem(
                        ("config::unknown-province", |p| {
                            format!("province = \"{p}\"")
                        }),
                        self.file,
                        self.span(&["province"]),
                        &name,
                        &e,
                    ));
                    stand_in
                }
            },
            None if self.unclear(&["province"]) => stand_in,
            None => None,
        };

        let page_size = match self.number(&["page_size"]) {
            None => DEFAULT_PAGE_SIZE,
            Some(n) if (1..=MAX_PAGE_SIZE as i64).contains(&n) => n as usize,
            Some(n) => {
                self.problems.push(
                    Problem::error(
                        "config::page-size",
                        msg!("config-page-size", value = n.to_string()),
                    )
                    .at(self.file, self.span(&["page_size"]))
                    .label(msg!(
                        "config-page-size-label",
                        max = MAX_PAGE_SIZE.to_string()
                    ))
                    .help(msg!("config-page-size-help")),
                );
                DEFAULT_PAGE_SIZE
            }
        };

        let feeds = FeedSettings {
            limit: match self.number(&["feeds", "limit"]) {
                None => DEFAULT_FEED_LIMIT,
                Some(n) if (1..=1000).contains(&n) => n as usize,
                Some(n) => {
                    self.problems.push(
                        Problem::error(
                            "config::feed-limit",
                            msg!("config-feed-limit", value = n.to_string()),
                        )
                        .at(self.file, self.span(&["feeds", "limit"]))
                        .label(msg!("config-feed-limit-label"))
                        .help(msg!("config-feed-limit-help")),
                    );
                    DEFAULT_FEED_LIMIT
                }
            },
            full_content: self.boolean(&["feeds", "full_content"]).unwrap_or(false),
        };

        let title = self.text(&["title"]);
        match &title {
            Some(t) if t.trim().is_empty() => self.problems.push(
                Problem::error("config::title", msg!("config-title-empty"))
                    .at(self.file, self.span(&["title"]))
                    .help(msg!("config-title-empty-help")),
            ),
            Some(_) => {}
            None => self.require("title"),
        }

        let counter_endpoint = match self
            .text(&["counter", "endpoint"])
            .map(|e| e.trim().to_string())
        {
            Some(e) if e.is_empty() => None,
            Some(e) if is_external_url(&e) && !e.starts_with("mailto:") || e.starts_with('/') => {
                Some(e)
            }
            Some(e) => {
                self.problems.push(
                    Problem::error("config::counter", msg!("config-counter", endpoint = e))
                        .at(self.file, self.span(&["counter", "endpoint"]))
                        .help(msg!("config-counter-help")),
                );
                None
            }
            None => None,
        };
        let image = self
            .text(&["image"])
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty());

        let messages = self.messages();
        let raw_html = self.raw_html();
        let permalinks = self.permalinks();
        let redirects = self.redirects();
        let menu = self.links("menu");
        let links = self.links("links");
        let organization = self.organization();
        let cms = self.cms();
        let images = self.images();

        Config {
            root: root.to_path_buf(),
            title: title.unwrap_or_default(),
            description: self.text(&["description"]).unwrap_or_default(),
            base_url,
            base_path,
            language: self.text(&["language"]).unwrap_or_else(|| "vi".to_string()),
            messages,
            timezone,
            theme: self
                .text(&["theme"])
                .unwrap_or_else(|| "default".to_string()),
            province,
            page_size,
            categories: self.texts(&["categories"]).unwrap_or_default(),
            menu,
            links,
            organization,
            feeds,
            include_merged: self
                .boolean(&["provinces", "include_merged"])
                .unwrap_or(true),
            image,
            counter_endpoint,
            raw_html,
            permalinks,
            redirects,
            cms,
            images,
            source: self.file.clone(),
        }
    }

    /// `[images]`; a value out of its range is reported and its default used.
    fn images(&mut self) -> crate::images::Settings {
        let mut settings = crate::images::Settings::default();
        let within = |reader: &mut Self, key: &str, range: std::ops::RangeInclusive<i64>| {
            let n = reader.number(&["images", key])?;
            if range.contains(&n) {
                return Some(n);
            }
            reader.problems.push(
                Problem::error(
                    "config::images",
                    msg!("config-images-range", key = key, value = n.to_string()),
                )
                .at(reader.file, reader.span(&["images", key]))
                .label(msg!(
                    "config-images-range-label",
                    min = range.start().to_string(),
                    max = range.end().to_string()
                ))
                .help(msg!(
                    "config-images-help",
                    example = example(&["images", key])
                )),
            );
            None
        };
        if let Some(q) = within(self, "quality", 1..=100) {
            settings.quality = q as u8;
        }
        if let Some(w) = within(self, "max_width", 320..=8192) {
            settings.max_width = w as u32;
        }
        if let Some(mb) = within(self, "large_mb", 1..=1024) {
            settings.large_bytes = mb as u64 * 1024 * 1024;
        }
        if let Some(mp) = within(self, "large_megapixels", 1..=1000) {
            settings.large_pixels = mp as u64 * 1_000_000;
        }
        if let Some(avif) = self.boolean(&["images", "avif"]) {
            settings.avif = avif;
        }
        if let Some(credit) = self.boolean(&["images", "credit"]) {
            settings.credit = credit;
        }
        if let Some(written) = self.text(&["images", "missing_alt"]) {
            match written.as_str() {
                "error" => settings.alt_required = true,
                "warning" => settings.alt_required = false,
                _ => self.problems.push(
                    Problem::error(
                        "config::images",
                        msg!("config-images-missing-alt", value = written.as_str()),
                    )
                    .at(self.file, self.span(&["images", "missing_alt"]))
                    .help(msg!("config-images-missing-alt-help")),
                ),
            }
        }
        if let Some(written) = self.text(&["images", "focus"]) {
            match crate::images::Focus::parse(&written) {
                Some(focus) => settings.focus = focus,
                None => self.problems.push(
                    Problem::error(
                        "config::images",
                        msg!("config-images-focus", value = written.as_str()),
                    )
                    .at(self.file, self.span(&["images", "focus"]))
                    .help(msg!("content-image-focus-help")),
                ),
            }
        }
        if let Some(item) = self.value(&["images", "widths"], Kind::Numbers, Item::is_array) {
            let mut widths: Vec<u32> = item
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_integer())
                .filter(|w| (16..=8192).contains(w))
                .map(|w| w as u32)
                .collect();
            let written = item.as_array().map_or(0, |a| a.len());
            if widths.len() != written || widths.is_empty() {
                self.problems.push(
                    Problem::error("config::images", msg!("config-images-widths"))
                        .at(self.file, self.span(&["images", "widths"]))
                        .help(msg!(
                            "config-images-help",
                            example = example(&["images", "widths"])
                        )),
                );
            } else {
                widths.sort_unstable();
                widths.dedup();
                settings.widths = widths;
            }
        }
        settings
    }

    /// `messages = "vi"` or `"en"`.
    fn messages(&mut self) -> Lang {
        let Some(written) = self.text(&["messages"]) else {
            return Lang::default();
        };
        match written.parse::<Lang>() {
            Ok(lang) => lang,
            Err(_) => {
                self.problems.push(
                    Problem::error(
                        "config::messages",
                        msg!("config-messages-unknown", value = written.as_str()),
                    )
                    .at(self.file, self.span(&["messages"]))
                    .label(msg!("config-messages-unknown-label"))
                    .help(msg!("config-messages-unknown-help")),
                );
                Lang::default()
            }
        }
    }

    /// `[markdown] raw_html`; a value that is not a mode is reported, and sanitizing (the safe
    /// choice) stands in.
    fn raw_html(&mut self) -> RawHtml {
        let Some(written) = self.text(&["markdown", "raw_html"]) else {
            return RawHtml::default();
        };
        let mode = written.trim().to_lowercase();
        if let Some((_, mode)) = RAW_HTML_MODES.iter().find(|(name, _)| *name == mode) {
            return *mode;
        }
        let help = match did_you_mean(&mode, RAW_HTML_MODES.iter().map(|(name, _)| *name)) {
            Some(name) => msg!("config-raw-html-help-suggest", suggestion = name),
            None => msg!("config-raw-html-help"),
        };
        self.problems.push(
            Problem::error("config::raw-html", msg!("config-raw-html", value = written))
                .at(self.file, self.span(&["markdown", "raw_html"]))
                .label(msg!("config-raw-html-label"))
                .help(help),
        );
        RawHtml::default()
    }

    /// `[permalinks]`: each pattern checked; a wrong one reported (pointing into it) and the
    /// default standing in.
    fn permalinks(&mut self) -> Permalinks {
        let article = match self.text(&["permalinks", "article"]) {
            None => Pattern::default(),
            Some(written) => match Pattern::parse(&written) {
                Ok(pattern) => pattern,
                Err(e) => {
                    let span = self.span(&["permalinks", "article"]);
                    self.problems.push(pattern_problem(self.file, span, &e));
                    Pattern::default()
                }
            },
        };
        let mut previous = Vec::new();
        let spans: Vec<Range<usize>> = self
            .item(&["permalinks", "previous"])
            .and_then(Item::as_array)
            .map(|a| a.iter().map(|v| v.span().unwrap_or(0..0)).collect())
            .unwrap_or_default();
        for (i, written) in self
            .texts(&["permalinks", "previous"])
            .unwrap_or_default()
            .into_iter()
            .enumerate()
        {
            match Pattern::parse(&written) {
                Ok(pattern) if pattern == article => {}
                Ok(pattern) => previous.push(pattern),
                Err(e) => {
                    let span = spans.get(i).cloned().unwrap_or(0..0);
                    self.problems.push(pattern_problem(self.file, span, &e));
                }
            }
        }
        Permalinks { article, previous }
    }

    /// `[redirects]`: each old address and its target checked for form (whether the target
    /// exists is known only when the site is built); a wrong line is reported and left out.
    fn redirects(&mut self) -> Vec<Redirect> {
        let Some(table) = self.table(&["redirects"]) else {
            return Vec::new();
        };
        let mut redirects = Vec::new();
        for (from, item) in table.iter() {
            let key_span = table
                .get_key_value(from)
                .and_then(|(k, _)| k.span())
                .unwrap_or(0..0);
            let to_span = item.span().unwrap_or_else(|| key_span.clone());
            let Some(to) = item.as_str() else {
                self.wrong_kind(
                    format!("redirects.{from}"),
                    to_span,
                    describe(item),
                    Kind::Text,
                    example(&["redirects"]),
                );
                continue;
            };
            if let Some(why) = crate::route::old_address_error(from) {
                self.problems.push(
                    Problem::error(
                        "config::redirect-from",
                        msg!("config-redirect-from", address = from),
                    )
                    .at(self.file, key_span)
                    .label(why)
                    .help(msg!("config-redirect-from-help")),
                );
                continue;
            }
            let external = to.starts_with("https://") || to.starts_with("http://");
            let site_path = to.starts_with('/')
                && !to.starts_with("//")
                && crate::route::query_alias(to).is_none()
                && crate::route::old_address_error(to).is_none();
            if !(external && !to.chars().any(char::is_whitespace) || site_path) {
                self.problems.push(
                    Problem::error(
                        "config::redirect-to",
                        msg!("config-redirect-to", address = to),
                    )
                    .at(self.file, to_span)
                    .label(msg!("config-redirect-to-label"))
                    .help(msg!("config-redirect-to-help")),
                );
                continue;
            }
            redirects.push(Redirect {
                from: from.to_string(),
                to: to.to_string(),
                from_span: key_span,
                to_span,
            });
        }
        redirects
    }

    /// `[cms]`: the published site's CMS. A block whose host or repository is missing or wrong is
    /// reported and gives no CMS (the build fails anyway, so nothing half-set is published).
    fn cms(&mut self) -> Option<CmsSettings> {
        self.table(&["cms"])?;
        let header = self
            .doc
            .and_then(|doc| doc.as_table().get_key_value("cms"))
            .and_then(|(k, _)| k.span())
            .unwrap_or(0..0);
        let backend = match self.text(&["cms", "backend"]) {
            Some(written) => {
                let name = written.trim().to_lowercase();
                let names = CmsBackend::ALL.map(CmsBackend::name);
                match CmsBackend::ALL.into_iter().find(|b| b.name() == name) {
                    Some(backend) => Some(backend),
                    None => {
                        let help = match did_you_mean(&name, names.iter().copied()) {
                            Some(s) => msg!("config-cms-backend-help-suggest", suggestion = s),
                            None => msg!("config-cms-backend-help"),
                        };
                        self.problems.push(
                            Problem::error(
                                "config::cms-backend",
                                msg!("config-cms-backend", value = written),
                            )
                            .at(self.file, self.span(&["cms", "backend"]))
                            .label(msg!("config-cms-backend-label"))
                            .help(help),
                        );
                        None
                    }
                }
            }
            None => None,
        };
        let repo = self.text(&["cms", "repo"]).map(|r| r.trim().to_string());
        if let Some(repo) = &repo
            && !is_repository(repo)
        {
            self.problems.push(
                Problem::error("config::cms-repo", msg!("config-cms-repo", repo = repo))
                    .at(self.file, self.span(&["cms", "repo"]))
                    .label(msg!("config-cms-repo-label"))
                    .help(msg!("config-cms-repo-help")),
            );
        }
        self.require_in("cms", &["backend", "repo"]);
        let branch = self
            .text(&["cms", "branch"])
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty())
            .unwrap_or_else(|| "main".to_string());
        let address = |reader: &mut Self, key: &str| -> Option<String> {
            let written = reader.text(&["cms", key])?.trim().to_string();
            if written.starts_with("https://") || written.starts_with("http://") {
                return Some(written.trim_end_matches('/').to_string());
            }
            reader.problems.push(
                Problem::error(
                    "config::cms-address",
                    msg!("config-cms-address", key = key, value = written),
                )
                .at(reader.file, reader.span(&["cms", key]))
                .label(msg!("config-cms-address-label"))
                .help(msg!("config-cms-address-help", key = key)),
            );
            reader.unclear.push(format!("cms.{key}"));
            None
        };
        let base_url = address(self, "base_url");
        let api_root = address(self, "api_root");
        let auth_endpoint = self
            .text(&["cms", "auth_endpoint"])
            .map(|e| e.trim().trim_start_matches('/').to_string())
            .filter(|e| !e.is_empty());
        let app_id = self
            .text(&["cms", "app_id"])
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty());
        let workflow = self.boolean(&["cms", "editorial_workflow"]);
        let backend = backend?;
        if backend == CmsBackend::Gitea {
            let needed: Vec<&str> = [("base_url", &base_url), ("app_id", &app_id)]
                .into_iter()
                .filter(|(key, value)| value.is_none() && !self.unclear(&["cms", key]))
                .map(|(key, _)| key)
                .collect();
            if !needed.is_empty() {
                self.problems.push(
                    Problem::error(
                        "config::cms-gitea",
                        msg!("config-cms-gitea", keys = quoted_names(&needed)),
                    )
                    .at(self.file, header.clone())
                    .help(msg!("config-cms-gitea-help")),
                );
            }
        }
        if workflow == Some(true) && !backend.has_editorial_workflow() {
            self.problems.push(
                Problem::error(
                    "config::cms-workflow",
                    msg!("config-cms-workflow", backend = backend.name()),
                )
                .at(self.file, self.span(&["cms", "editorial_workflow"]))
                .help(msg!("config-cms-workflow-help")),
            );
        }
        if backend == CmsBackend::GitHub
            && base_url.is_none()
            && !self.unclear(&["cms", "base_url"])
        {
            self.problems.push(
                Problem::warning("config::cms-github-login", msg!("config-cms-github-login"))
                    .at(self.file, header)
                    .help(msg!("config-cms-github-login-help")),
            );
        }
        Some(CmsSettings {
            backend,
            repo: repo?,
            branch,
            base_url,
            auth_endpoint,
            api_root,
            app_id,
            editorial_workflow: workflow.unwrap_or(true) && backend.has_editorial_workflow(),
        })
    }

    /// `[organization]`, whose required settings are reported when missing.
    fn organization(&mut self) -> Organization {
        let mut text = |key: &str| self.text(&["organization", key]);
        let organization = Organization {
            name: text("name").unwrap_or_default(),
            short_name: text("short_name"),
            parent: text("parent").unwrap_or_default(),
            address: text("address").unwrap_or_default(),
            phone: text("phone").unwrap_or_default(),
            fax: text("fax"),
            email: text("email").unwrap_or_default(),
            editor: text("editor").unwrap_or_default(),
            editor_title: text("editor_title").unwrap_or_else(|| DEFAULT_EDITOR_TITLE.to_string()),
            licence: text("licence"),
        };
        match self.item(&["organization"]) {
            Some(item) if item.is_table_like() => {
                self.require_in("organization", ORGANIZATION_REQUIRED);
            }
            // Reported as not a block.
            Some(_) => {}
            None if self.unclear(&["organization"]) => {}
            None => self.problems.push(
                Problem::error("config::missing-key", msg!("config-organization-missing"))
                    .at(self.file, 0..0)
                    .label(msg!("config-organization-missing-label"))
                    .help(msg!(
                        "config-organization-missing-help",
                        lines = ORGANIZATION_REQUIRED
                            .iter()
                            .map(|k| format!("{k} = \"…\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
            ),
        }
        organization
    }

    /// The setting at `path`, unless a syntax error kept it from being read.
    fn item(&self, path: &[&str]) -> Option<&'a Item> {
        if self.unread.keys.contains(&path.join(".")) {
            return None;
        }
        let (last, parents) = path.split_last()?;
        let mut table: &'a dyn TableLike = self.doc?.as_table();
        for key in parents {
            table = table.get(key)?.as_table_like()?;
        }
        table.get(last)
    }

    /// Whether `path` may be written in site.toml without being understood (misspelt, of the
    /// wrong type, on a line with a syntax error): then its absence proves nothing.
    fn unclear(&self, path: &[&str]) -> bool {
        let dotted = path.join(".");
        self.unread.rest || self.unread.keys.contains(&dotted) || self.unclear.contains(&dotted)
    }

    /// Where the value of `path` is written, or the start of the file.
    fn span(&self, path: &[&str]) -> Range<usize> {
        self.doc
            .and_then(|doc| value_span(doc, path))
            .unwrap_or(0..0)
    }

    /// Reports that the setting `name` (written at `span`) is `found` instead of `kind`.
    fn wrong_kind(
        &mut self,
        name: String,
        span: Range<usize>,
        found: Message,
        kind: Kind,
        example: Message,
    ) {
        let (what, how) = kind.explain();
        self.problems.push(
            Problem::error(
                "config::invalid",
                msg!("config-invalid", name = name.as_str(), what = what.clone()),
            )
            .at(self.file, span)
            .label(msg!("config-invalid-label", found = found, what = what))
            .help(msg!("config-invalid-help", how = how, example = example)),
        );
        self.unclear.push(name);
    }

    /// The value at `path` if it is of `kind`; else reported.
    fn value(
        &mut self,
        path: &[&str],
        kind: Kind,
        fits: impl Fn(&Item) -> bool,
    ) -> Option<&'a Item> {
        let item = self.item(path)?;
        if fits(item) {
            return Some(item);
        }
        let span = self.span(path);
        self.wrong_kind(path.join("."), span, describe(item), kind, example(path));
        None
    }

    fn text(&mut self, path: &[&str]) -> Option<String> {
        let item = self.value(path, Kind::Text, Item::is_str)?;
        item.as_str().map(str::to_string)
    }

    fn number(&mut self, path: &[&str]) -> Option<i64> {
        self.value(path, Kind::Number, Item::is_integer)?
            .as_integer()
    }

    fn boolean(&mut self, path: &[&str]) -> Option<bool> {
        self.value(path, Kind::Bool, Item::is_bool)?.as_bool()
    }

    fn table(&mut self, path: &[&str]) -> Option<&'a dyn TableLike> {
        self.value(path, Kind::Table, Item::is_table_like)?
            .as_table_like()
    }

    /// A list of texts; one element that is not text makes the whole list unclear.
    fn texts(&mut self, path: &[&str]) -> Option<Vec<String>> {
        let array = self.value(path, Kind::Texts, Item::is_array)?.as_array()?;
        let mut texts = Vec::new();
        let mut wrong = false;
        for value in array {
            match value.as_str() {
                Some(text) => texts.push(text.to_string()),
                None => {
                    wrong = true;
                    let (what, how) = Kind::Text.explain();
                    self.problems.push(
                        Problem::error(
                            "config::invalid",
                            msg!(
                                "config-invalid-each",
                                name = path.join("."),
                                what = what.clone()
                            ),
                        )
                        .at(self.file, value.span().unwrap_or(0..0))
                        .label(msg!(
                            "config-invalid-label",
                            found = describe_value(value),
                            what = what
                        ))
                        .help(msg!(
                            "config-invalid-help",
                            how = how,
                            example = example(path)
                        )),
                    );
                }
            }
        }
        if wrong {
            self.unclear.push(path.join("."));
            return None;
        }
        Some(texts)
    }

    /// Reports the top-level setting `key` as missing, unless it is written but not understood.
    fn require(&mut self, key: &str) {
        if self.item(&[key]).is_some() || self.unclear(&[key]) {
            return;
        }
        self.problems.push(
            Problem::error("config::missing-key", msg!("config-missing", key = key))
                .at(self.file, 0..0)
                .label(msg!("config-missing-label", key = key))
                .help(msg!("config-missing-help", example = example(&[key]))),
        );
    }

    /// Reports together the settings of `keys` that the block `[table]` lacks, unless they are
    /// written but not understood.
    fn require_in(&mut self, table: &str, keys: &[&str]) {
        let missing: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|key| self.item(&[table, key]).is_none() && !self.unclear(&[table, key]))
            .collect();
        if missing.is_empty() {
            return;
        }
        let span = self
            .doc
            .and_then(|doc| doc.as_table().get_key_value(table))
            .and_then(|(k, _)| k.span())
            .unwrap_or(0..0);
        let names = quoted_names(&missing);
        let examples = examples(missing.iter().map(|k| example(&[table, k])).collect());
        let (message, label) = match missing.as_slice() {
            [one] => (
                msg!("config-missing-in", key = *one, table = table),
                msg!("config-missing-in-label", key = *one),
            ),
            _ => (
                msg!(
                    "config-missing-several-in",
                    keys = names.as_str(),
                    table = table
                ),
                msg!("config-missing-several-in-label", keys = names),
            ),
        };
        let help = if table == "organization" {
            msg!(
                "config-missing-in-organization-help",
                table = table,
                examples = examples
            )
        } else {
            msg!("config-missing-in-help", table = table, examples = examples)
        };
        self.problems.push(
            Problem::error("config::missing-key", message)
                .at(self.file, span)
                .label(label)
                .help(help),
        );
    }

    /// A list of links (`menu`, `links`): each a site path or a web address.
    fn links(&mut self, key: &str) -> Vec<MenuItem> {
        let Some(item) = self.value(&[key], Kind::Links, |item| {
            item.is_array_of_tables() || item.is_array()
        }) else {
            return Vec::new();
        };
        let kind = if key == "menu" { "menu" } else { "sidebar" };
        let mut items = Vec::new();
        if let Some(array) = item.as_array() {
            for value in array {
                if !value.is_inline_table() {
                    self.wrong_kind(
                        key.to_string(),
                        value.span().unwrap_or(0..0),
                        describe_value(value),
                        Kind::Links,
                        example(&[key]),
                    );
                }
            }
        }
        for table in table_likes(item) {
            self.check_keys(table, MENU_KEYS, &format!("{key}."));
            let field = |reader: &mut Self, name: &str| -> (Option<String>, Range<usize>) {
                let Some((k, value)) = table.get_key_value(name) else {
                    return (None, 0..0);
                };
                let span = value.span().or_else(|| k.span()).unwrap_or(0..0);
                match value.as_str() {
                    Some(text) => (Some(text.to_string()), span),
                    None => {
                        reader.wrong_kind(
                            format!("{key}.{name}"),
                            span.clone(),
                            describe(value),
                            Kind::Text,
                            example(&[key]),
                        );
                        (None, span)
                    }
                }
            };
            let (name, _) = field(self, "name");
            let (url, span) = field(self, "url");
            let (Some(name), Some(url)) = (name, url) else {
                let missing: Vec<&str> = [
                    ("name", table.contains_key("name")),
                    ("url", table.contains_key("url")),
                ]
                .into_iter()
                .filter(|(field, written)| !written && !self.unclear(&[key, field]))
                .map(|(field, _)| field)
                .collect();
                if !missing.is_empty() {
                    let at = table
                        .iter()
                        .next()
                        .and_then(|(first, _)| table.get_key_value(first))
                        .and_then(|(k, _)| k.span())
                        .unwrap_or(0..0);
                    let missing = match missing.as_slice() {
                        [one] => *one,
                        _ => "both",
                    };
                    self.problems.push(
                        Problem::error(
                            "config::missing-key",
                            msg!("config-link-missing", kind = kind, missing = missing),
                        )
                        .at(self.file, at)
                        .label(msg!("config-link-missing-label", missing = missing))
                        .help(msg!("config-link-missing-help", example = example(&[key]))),
                    );
                }
                continue;
            };
            if !(url.starts_with('/') || is_external_url(&url)) {
                self.problems.push(
                    Problem::error(
                        "config::link-url",
                        msg!("config-link-url", kind = kind, url = url.as_str()),
                    )
                    .at(self.file, span.clone())
                    .label(msg!("config-link-url-label"))
                    .help(msg!("config-link-url-help")),
                );
                // Left out, so that it is not reported again as a page that does not exist.
                continue;
            }
            items.push(MenuItem { name, url, span });
        }
        items
    }

    /// Reports the keys of `table` that are not `known`. A misspelt key's suggestion counts as
    /// written but unclear, so it is not reported a second time as missing.
    fn check_keys(&mut self, table: &dyn TableLike, known: &[&str], prefix: &str) {
        for (key, _) in table.iter() {
            if known.contains(&key) {
                continue;
            }
            let span = table
                .get_key_value(key)
                .and_then(|(k, _)| k.span())
                .unwrap_or(0..0);
            let mut problem = Problem::error(
                "config::unknown-key",
                msg!("config-unknown-key", key = format!("{prefix}{key}")),
            )
            .at(self.file, span);
            problem = match did_you_mean(key, known.iter().copied()) {
                Some(s) => {
                    self.unclear.push(format!("{prefix}{s}"));
                    problem
                        .label(msg!("config-unknown-key-suggest-label", suggestion = s))
                        .help(msg!(
                            "config-unknown-key-suggest-help",
                            suggestion = s,
                            known = known.join(", ")
                        ))
                }
                None => problem
                    .label(msg!("config-unknown-key-label"))
                    .help(msg!("config-unknown-key-help", known = known.join(", "))),
            };
            self.problems.push(problem);
        }
    }
}

/// Whether `repo` names a repository on a Git host: `owner/name`, or `group/subgroup/name` on
/// GitLab, without spaces, empty parts or a `.git` ending's slash.
fn is_repository(repo: &str) -> bool {
    let parts: Vec<&str> = repo.split('/').collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            !part.is_empty()
                && *part != "."
                && *part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        })
}

/// Every table in `menu`, written either as `[[menu]]` or as an array of inline tables.
fn table_likes(item: &Item) -> Box<dyn Iterator<Item = &dyn TableLike> + '_> {
    if let Some(aot) = item.as_array_of_tables() {
        Box::new(aot.iter().map(|t| t as &dyn TableLike))
    } else if let Some(array) = item.as_array() {
        Box::new(
            array
                .iter()
                .filter_map(|v| v.as_inline_table().map(|t| t as &dyn TableLike)),
        )
    } else {
        Box::new(std::iter::empty())
    }
}

fn value_span(doc: &Document<String>, path: &[&str]) -> Option<Range<usize>> {
    let (last, parents) = path.split_last()?;
    let mut table: &dyn TableLike = doc.as_table();
    for key in parents {
        table = table.get(key)?.as_table_like()?;
    }
    let (key, value) = table.get_key_value(last)?;
    value.span().or_else(|| key.span())
}

/// Checks a base URL and splits off its path: `https://x.org/portal` → (`https://x.org/portal/`, `/portal/`).
pub fn normalize_base_url(input: &str) -> Result<(String, String), Message> {
    let input = input.trim();
    let rest = input
        .strip_prefix("https://")
        .or_else(|| input.strip_prefix("http://"))
        .ok_or_else(|| msg!("config-base-url-no-scheme"))?;
    if input.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
        return Err(msg!("config-base-url-bad-character"));
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() {
        return Err(msg!("config-base-url-no-host"));
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    while path.contains("//") {
        path = path.replace("//", "/");
    }
    let scheme = &input[..input.len() - rest.len()];
    Ok((format!("{scheme}{host}{path}"), path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provinces() -> &'static Provinces {
        Provinces::builtin()
    }

    const ORG: &str = r#"
[organization]
name = "Liên hiệp"
parent = "UBMTTQ"
address = "1 Đường A"
phone = "0297 000 000"
email = "a@example.vn"
editor = "Nguyễn Văn A"
"#;

    fn parse(text: &str) -> Result<Config, Vec<Problem>> {
        Config::parse(
            Path::new("."),
            SourceFile::new("site.toml", text),
            &Overrides::default(),
            provinces(),
        )
    }

    #[test]
    fn images_settings_are_read_and_each_wrong_one_reported_at_its_line() {
        let good = format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n{ORG}\n[images]\nwidths = [960, 320]\nquality = 60\n\
             max_width = 1600\navif = true\nfocus = \"trên\"\ncredit = false\nmissing_alt = \"warning\"\n"
        );
        let config = parse(&good).expect("good [images]");
        let images = &config.images;
        assert_eq!(images.widths, [320, 960]);
        assert_eq!((images.quality, images.max_width), (60, 1600));
        assert!(images.avif && !images.credit && !images.alt_required);
        assert_eq!(images.focus, crate::images::Focus { x: 0.5, y: 0.0 });
        let bad = format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n{ORG}\n[images]\nwidths = [960, 0]\nquality = 0\n\
             focus = \"giữa trên\"\nmissing_alt = \"có\"\n"
        );
        let problems = parse(&bad).err().unwrap_or_default();
        let lines: Vec<usize> = problems
            .iter()
            .filter(|p| p.code == "config::images")
            .filter_map(|p| p.line_col().map(|(line, _)| line))
            .collect();
        let first = bad
            .lines()
            .position(|l| l.starts_with("widths"))
            .unwrap_or(0)
            + 1;
        assert_eq!(lines.len(), 4, "{problems:#?}");
        for line in first..first + 4 {
            assert!(lines.contains(&line), "line {line}: {problems:#?}");
        }
    }

    #[test]
    fn base_urls() {
        let cases = [
            ("https://x.org", Ok(("https://x.org/", "/"))),
            (
                "https://x.org/portal",
                Ok(("https://x.org/portal/", "/portal/")),
            ),
            (
                "http://127.0.0.1:8080/a/b/",
                Ok(("http://127.0.0.1:8080/a/b/", "/a/b/")),
            ),
            ("x.org", Err(())),
            ("https://", Err(())),
            ("https://x.org/a b", Err(())),
        ];
        for (input, expected) in cases {
            let got = normalize_base_url(input);
            match expected {
                Ok((url, path)) => {
                    assert_eq!(got, Ok((url.to_string(), path.to_string())), "{input}")
                }
                Err(()) => assert!(got.is_err(), "{input}"),
            }
        }
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c = parse(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/p\"\n{ORG}"
        ))
        .unwrap();
        assert_eq!(c.base_path, "/p/");
        assert_eq!(c.language, "vi");
        assert_eq!(c.timezone, chrono_tz::Asia::Ho_Chi_Minh);
        assert_eq!(c.page_size, 10);
        assert_eq!(c.organization.editor_title, "Chịu trách nhiệm nội dung");
        assert_eq!(c.url("tin-tuc/a/"), "/p/tin-tuc/a/");
        assert_eq!(c.permalink("/"), "https://x.org/p/");
    }

    #[test]
    fn unknown_keys_are_reported_with_suggestions_and_lines() {
        let text = format!("titel = \"T\"\nbase_url = \"https://x.org/\"\n{ORG}editr = \"B\"\n");
        let problems = parse(&text).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[0]
                .shown(crate::messages::Lang::En)
                .label
                .as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(problems[0].location().unwrap(), "site.toml:1:1");
        assert!(
            problems[1]
                .shown(crate::messages::Lang::En)
                .message
                .contains("organization.editr")
        );
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let text = format!(
            "title = \"T\"\nbase_url = \"x.org\"\ntimezone = \"Asia/Hanoi\"\npage_size = 0\nprovince = \"Kien Gang\"\n[[menu]]\nname = \"A\"\nurl = \"gioi-thieu\"\n{ORG}"
        );
        let problems = parse(&text).unwrap_err();
        let locations: Vec<_> = problems.iter().map(|p| p.location().unwrap()).collect();
        // In the order of the file, as an editor reads them.
        assert_eq!(
            locations,
            [
                "site.toml:2:12",
                "site.toml:3:12",
                "site.toml:4:13",
                "site.toml:5:12",
                "site.toml:8:7"
            ]
        );
        // The fix is written the way site.toml writes settings, not as front-matter.
        let province = &problems[3];
        assert_eq!(province.code, "config::unknown-province");
        assert!(
            province
                .shown(crate::messages::Lang::En)
                .help
                .as_deref()
                .is_some_and(|h| h.starts_with("write `province = \"Kiên Giang\"`")),
            "{:?}",
            province.help
        );
    }

    #[test]
    fn syntax_and_type_errors() {
        assert_eq!(
            parse("title = \"T\nbase_url").unwrap_err()[0].code,
            "config::syntax"
        );
        let e = parse(&format!("title = 3\nbase_url = \"https://x.org/\"\n{ORG}")).unwrap_err();
        assert_eq!(e[0].code, "config::invalid");
        assert_eq!(e[0].location().unwrap(), "site.toml:1:9");
        let e = parse(&format!("base_url = \"https://x.org/\"\n{ORG}")).unwrap_err();
        assert_eq!(e[0].code, "config::missing-key");
        assert!(
            e[0].shown(crate::messages::Lang::En)
                .label
                .as_deref()
                .unwrap()
                .contains("title"),
            "{:?}",
            e[0].label
        );
    }

    /// What `understand` made of a site.toml: its problems as `(code, location)`.
    fn understood(text: &str) -> (Config, Vec<(&'static str, String)>) {
        let (config, problems) = Config::understand(
            Path::new("."),
            SourceFile::new("site.toml", text),
            &Overrides::default(),
            provinces(),
        );
        let problems = problems
            .iter()
            .map(|p| (p.code, p.location().unwrap_or_default()))
            .collect();
        (config, problems)
    }

    fn id(name: &str) -> Option<ProvinceId> {
        provinces().lookup(name).ok().map(|p| p.id())
    }

    #[test]
    fn a_wrong_value_is_reported_and_the_rest_understood() {
        let (c, problems) = understood(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/p\"\nprovince = \"An Giang\"\npage_size = \"mười\"\ncategories = [\"Tin tức\"]\nlangauge = \"vi\"\n{ORG}[feeds]\nlimit = 5\nfull_content = \"có\"\n"
        ));
        assert_eq!(
            problems,
            [
                ("config::invalid", "site.toml:4:13".to_string()),
                ("config::unknown-key", "site.toml:6:1".to_string()),
                ("config::invalid", "site.toml:17:16".to_string()),
            ]
        );
        assert_eq!(c.page_size, DEFAULT_PAGE_SIZE);
        assert_eq!(c.province, id("An Giang"));
        assert_eq!(c.categories, ["Tin tức"]);
        assert_eq!(c.base_path, "/p/");
        assert_eq!(c.feeds.limit, 5);
        assert!(!c.feeds.full_content);
        assert_eq!(c.organization.editor, "Nguyễn Văn A");
    }

    #[test]
    fn brackets_that_fool_the_parser_are_a_problem_not_a_stack_overflow() {
        // 2,000 of these lines overflowed toml_edit's stack: its depth limit did not count them.
        let (_, problems) = understood(&"feeds = { [[1]]\n".repeat(3_000));
        assert_eq!(problems.first().map(|p| p.0), Some("config::syntax"));
        let (_, problems) = understood(&format!("title = \"{}\"\n", "[".repeat(20_000)));
        assert_eq!(
            problems,
            [("config::syntax", "site.toml:1:10010".to_string())]
        );
    }

    #[test]
    fn a_syntax_error_leaves_out_its_line_only() {
        // The province's line is broken: the rest is read, and the province stands in as some
        // province, so articles that rely on it are not reported as having none.
        let (c, problems) = understood(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\nprovince = An Giang\ncategories = [\"Tin tức\"]\n{ORG}"
        ));
        assert_eq!(problems, [("config::syntax", "site.toml:3:12".to_string())]);
        assert!(c.province.is_some());
        assert_eq!(c.categories, ["Tin tức"]);
        assert_eq!(c.title, "T");

        // A required setting on the broken line is not reported missing as well.
        let (_, problems) = understood(&format!("title = T\nbase_url = \"https://x.org/\"\n{ORG}"));
        assert_eq!(problems, [("config::syntax", "site.toml:1:9".to_string())]);
        let (_, problems) = understood(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n[organization]\nname = \"A\"\nphone = 0297\n",
        );
        assert_eq!(
            problems,
            [
                ("config::missing-key", "site.toml:3:2".to_string()),
                ("config::syntax", "site.toml:5:9".to_string()),
            ]
        );
        let missing = understood_messages(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n[organization]\nname = \"A\"\nphone = 0297\n",
        );
        assert!(missing[0].contains("`email`"), "{missing:?}");
        assert!(!missing[0].contains("`phone`"), "{missing:?}");

        // A list over several lines that ran through the broken line is not trusted: without a
        // list of categories, any category goes.
        let (c, problems) = understood(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\ncategories = [\"A\",\n  \"B\" \"C\",\n  \"D\"]\n{ORG}"
        ));
        assert_eq!(problems, [("config::syntax", "site.toml:4:7".to_string())]);
        assert!(c.categories.is_empty());

        // A broken table header: nothing after it is read, and nothing is reported missing.
        let (c, problems) = understood(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n[organization\nname = \"A\"\n",
        );
        assert_eq!(problems, [("config::syntax", "site.toml:3:14".to_string())]);
        assert_eq!(c.title, "T");
        assert!(c.province.is_some());
    }

    fn understood_messages(text: &str) -> Vec<String> {
        Config::understand(
            Path::new("."),
            SourceFile::new("site.toml", text),
            &Overrides::default(),
            provinces(),
        )
        .1
        .into_iter()
        .map(|p| p.shown(Lang::En).message)
        .collect()
    }

    #[test]
    fn what_is_missing_is_reported_unless_explained_by_another_problem() {
        // `titel` and `editr` are misspelt `title` and `editor`: reported once each, as such.
        let (_, problems) = understood(&format!(
            "titel = \"T\"\nbase_url = \"https://x.org/\"\n{ORG}editr = \"B\"\n"
        ));
        assert_eq!(problems.len(), 2, "{problems:?}");
        // A misspelt province stands in as some province, like one written wrongly.
        let (c, _) = understood(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\nprovice = \"An Giang\"\n{ORG}"
        ));
        assert!(c.province.is_some());
        let (c, _) = understood(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\nprovince = \"Kien Gang\"\n{ORG}"
        ));
        assert!(c.province.is_some());
        let (c, problems) = understood(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n{ORG}"
        ));
        assert_eq!((c.province, problems), (None, vec![]));

        // The required settings of [organization] that are missing make one problem, at its
        // header; a block that is not a block is reported as such, not as empty.
        let messages = understood_messages(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n[organization]\nname = \"A\"\n",
        );
        assert_eq!(
            messages,
            [
                "required settings are missing from [organization]: `parent`, `address`, `phone`, `email`, `editor`"
            ]
        );
        let (_, problems) =
            understood("title = \"T\"\nbase_url = \"https://x.org/\"\norganization = \"A\"\n");
        assert_eq!(
            problems,
            [("config::invalid", "site.toml:3:16".to_string())]
        );
        let messages = understood_messages("title = \"T\"\nbase_url = \"https://x.org/\"\n");
        assert_eq!(messages, ["the required block [organization] is missing"]);
    }

    /// (message, label, help) of each problem of a site.toml, in `lang`.
    fn shown(text: &str, lang: Lang) -> Vec<(String, String, String)> {
        Config::understand(
            Path::new("."),
            SourceFile::new("site.toml", text),
            &Overrides::default(),
            provinces(),
        )
        .1
        .iter()
        .map(|p| {
            let s = p.shown(lang);
            (
                s.message,
                s.label.unwrap_or_default(),
                s.help.unwrap_or_default(),
            )
        })
        .collect()
    }

    #[test]
    fn problems_are_told_in_vietnamese_and_in_english() {
        let text = "titel = \"T\"\nbase_url = \"https://x.org/\"\npage_size = \"mười\"\n[organization]\nname = \"A\"\nphone = \"1\"\n";
        let vi = shown(text, Lang::Vi);
        assert_eq!(
            vi[0],
            (
                "site.toml có thiết lập lạ `titel`".to_string(),
                "có phải ý bạn là `title`?".to_string(),
                format!(
                    "hãy đổi tên thành `title`; các thiết lập ở đây là: {}",
                    TOP_KEYS.join(", ")
                ),
            )
        );
        assert_eq!(
            vi[1],
            (
                "`page_size` phải là một số nguyên".to_string(),
                "đây là một đoạn chữ, không phải một số nguyên".to_string(),
                "số thì viết không có dấu ngoặc kép, ví dụ page_size = 10".to_string(),
            )
        );
        assert_eq!(
            vi[2].0,
            "nhóm [organization] thiếu các thiết lập bắt buộc: `parent`, `address`, `email`, `editor`"
        );
        assert!(
            vi[2].2.starts_with(
                "hãy thêm bên dưới dòng [organization] các dòng như: parent = \"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang\"; address = "
            ),
            "{:?}",
            vi[2]
        );

        // The English words are as they were, pieces and all.
        let en = shown(text, Lang::En);
        assert_eq!(
            en[1],
            (
                "`page_size` should be a whole number".to_string(),
                "this is text, not a whole number".to_string(),
                "numbers are written without quotes, e.g. page_size = 10".to_string(),
            )
        );
        assert_eq!(
            en[2].2,
            "add below [organization] lines like: parent = \"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang\"; address = \"Số 10 đường Lê Lợi, phường Long Xuyên, tỉnh An Giang\"; email = \"lienhiep@angiang.gov.vn\"; editor = \"Nguyễn Văn An\"; every page's footer shows the publisher's name, parent body, address, phone, email and the person answering for the content, as TT 09/2014/TT-BTTTT and NĐ 147/2024/NĐ-CP ask of a news site"
        );
        let en = shown(
            "title = \"T\"\nbase_url = \"ftp://x.org/\"\n[[links]]\nurl = \"/a/\"\n",
            Lang::En,
        );
        let messages: Vec<&str> = en.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the required block [organization] is missing",
                "base_url `ftp://x.org/` is not usable: it must start with https:// or http://",
                "a sidebar link has no name",
            ]
        );
        let vi = shown(
            "title = \"T\"\nbase_url = \"ftp://x.org/\"\n[[links]]\nurl = \"/a/\"\n",
            Lang::Vi,
        );
        assert_eq!(vi[0].0, "thiếu nhóm thiết lập bắt buộc [organization]");
        assert_eq!(
            vi[1].0,
            "không dùng được base_url `ftp://x.org/`: địa chỉ phải bắt đầu bằng https:// hoặc http://"
        );
        assert_eq!(
            vi[2].0,
            "một liên kết ở khung \"Liên kết\" thiếu tên (`name`)"
        );
    }

    #[test]
    fn menu_links_are_checked_one_by_one() {
        let (c, problems) = understood(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/\"\n[[menu]]\nname = \"A\"\nurl = \"/a/\"\n[[menu]]\nname = \"B\"\n[[menu]]\nname = \"C\"\nurl = 3\n[[menu]]\nname = \"D\"\nurl = \"d\"\n{ORG}"
        ));
        assert_eq!(
            problems,
            [
                ("config::missing-key", "site.toml:7:1".to_string()),
                ("config::invalid", "site.toml:10:7".to_string()),
                ("config::link-url", "site.toml:13:7".to_string()),
            ]
        );
        // Only the good link is kept: a bad one is not reported again as a missing page.
        let urls: Vec<&str> = c.menu.iter().map(|m| m.url.as_str()).collect();
        assert_eq!(urls, ["/a/"]);
    }

    #[test]
    fn a_site_toml_that_is_not_utf8_is_reported_and_the_defaults_stand_in() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            b"title = \"Li\xEAn hi\xEA\xECp\"\n",
        )
        .unwrap();
        let (c, problems) = Config::read(dir.path(), &Overrides::default(), provinces()).unwrap();
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["config::not-utf8"]);
        assert_eq!(problems[0].location().as_deref(), Some("site.toml:1:12"));
        assert!(c.province.is_some());
        assert!(Config::load(dir.path(), &Overrides::default(), provinces()).is_err());
        let e = Config::read(
            &dir.path().join("nowhere"),
            &Overrides::default(),
            provinces(),
        );
        assert_eq!(e.unwrap_err().code, "config::unreadable");
    }

    #[test]
    fn raw_html_mode() {
        // (the [markdown] block as written, the mode understood, the problems as (code, place,
        // help contains))
        type Expected<'a> = &'a [(&'a str, &'a str, &'a str)];
        let cases: &[(&str, RawHtml, Expected)] = &[
            ("", RawHtml::Sanitize, &[]),
            ("[markdown]\n", RawHtml::Sanitize, &[]),
            (
                "[markdown]\nraw_html = \"sanitize\"\n",
                RawHtml::Sanitize,
                &[],
            ),
            (
                "[markdown]\nraw_html = \"trusted\"\n",
                RawHtml::Trusted,
                &[],
            ),
            (
                "[markdown]\nraw_html = \"Trusted\"\n",
                RawHtml::Trusted,
                &[],
            ),
            (
                "[markdown]\nraw_html = \"trust\"\n",
                RawHtml::Sanitize,
                &[(
                    "config::raw-html",
                    "site.toml:4:12",
                    "did you mean \"trusted\"?",
                )],
            ),
            (
                "[markdown]\nraw_html = \"off\"\n",
                RawHtml::Sanitize,
                &[("config::raw-html", "site.toml:4:12", "anyone who can write")],
            ),
            (
                "[markdown]\nraw_html = false\n",
                RawHtml::Sanitize,
                &[(
                    "config::invalid",
                    "site.toml:4:12",
                    "raw_html = \"sanitize\"",
                )],
            ),
            (
                "[markdown]\nraw_htm = \"trusted\"\n",
                RawHtml::Sanitize,
                &[("config::unknown-key", "site.toml:4:1", "raw_html")],
            ),
        ];
        for (block, mode, want) in cases {
            let text = format!("title = \"T\"\nbase_url = \"https://x.org/\"\n{block}{ORG}");
            let (config, problems) = Config::understand(
                Path::new("."),
                SourceFile::new("site.toml", text),
                &Overrides::default(),
                provinces(),
            );
            assert_eq!(config.raw_html, *mode, "{block}");
            let got: Vec<(&str, String, bool)> = problems
                .iter()
                .zip(want.iter())
                .map(|(p, (_, _, help))| {
                    let text = format!(
                        "{} {}",
                        p.shown(crate::messages::Lang::En)
                            .help
                            .as_deref()
                            .unwrap_or(""),
                        p.shown(crate::messages::Lang::En)
                            .label
                            .as_deref()
                            .unwrap_or("")
                    );
                    (
                        p.code,
                        p.location().unwrap_or_default(),
                        text.contains(help),
                    )
                })
                .collect();
            let expected: Vec<(&str, String, bool)> = want
                .iter()
                .map(|(code, place, _)| (*code, place.to_string(), true))
                .collect();
            assert_eq!(problems.len(), want.len(), "{block}: {problems:?}");
            assert_eq!(got, expected, "{block}: {problems:?}");
        }
    }

    #[test]
    fn the_cms_block_is_read_and_its_mistakes_told_in_both_languages() {
        let site =
            |block: &str| format!("title = \"T\"\nbase_url = \"https://x.org/\"\n{ORG}{block}");
        let c = parse(&site(
            "[cms]\nbackend = \"GitHub\"\nrepo = \"lh/cong\"\nbase_url = \"https://oauth.x.org/\"\n",
        ))
        .unwrap();
        let cms = c.cms.unwrap();
        assert_eq!(cms.backend, CmsBackend::GitHub);
        assert_eq!(cms.repo, "lh/cong");
        assert_eq!(cms.branch, "main");
        assert_eq!(cms.base_url.as_deref(), Some("https://oauth.x.org"));
        assert!(cms.editorial_workflow);
        assert!(parse(&site("")).unwrap().cms.is_none());

        // A misspelt host: did you mean, at its value, in both languages; and no CMS.
        let text = site("[cms]\nbackend = \"githb\"\nrepo = \"lh/cong\"\n");
        let (c, problems) = understood(&text);
        assert!(c.cms.is_none());
        assert_eq!(
            problems,
            [("config::cms-backend", "site.toml:12:11".to_string())]
        );
        let en = shown(&text, Lang::En);
        assert_eq!(
            en[0].0,
            "backend = \"githb\" is not a Git host the CMS can work with"
        );
        assert!(en[0].2.starts_with("did you mean \"github\"?"), "{en:?}");
        let vi = shown(&text, Lang::Vi);
        assert!(
            vi[0].0.starts_with("backend = \"githb\" không phải"),
            "{vi:?}"
        );
        assert!(
            vi[0].2.starts_with("có phải ý bạn là \"github\"?"),
            "{vi:?}"
        );

        // No repository: reported missing from [cms], at its header, in both languages.
        let text = site("[cms]\nbackend = \"gitlab\"\n");
        let (c, problems) = understood(&text);
        assert!(c.cms.is_none());
        assert_eq!(
            problems,
            [("config::missing-key", "site.toml:11:2".to_string())]
        );
        assert_eq!(
            shown(&text, Lang::En)[0].0,
            "the required setting `repo` is missing from [cms]"
        );
        let vi = shown(&text, Lang::Vi);
        assert!(
            vi[0].0.contains("`repo`") && vi[0].0.contains("[cms]"),
            "{vi:?}"
        );
        assert!(
            vi[0]
                .2
                .contains("repo = \"lienhiep-angiang/cong-thong-tin\""),
            "{vi:?}"
        );

        // A misspelt key: did you mean, not reported again as missing.
        let (_, problems) = understood(&site("[cms]\nbackend = \"gitlab\"\nrepos = \"a/b\"\n"));
        assert_eq!(
            problems,
            [("config::unknown-key", "site.toml:13:1".to_string())]
        );

        // What Decap itself would refuse or do wrong.
        for (block, code) in [
            (
                "backend = \"github\"\nrepo = \"cong\"\nbase_url = \"https://o.x.org\"",
                "config::cms-repo",
            ),
            (
                "backend = \"github\"\nrepo = \"a/b\"\nbase_url = \"o.x.org\"",
                "config::cms-address",
            ),
            ("backend = \"gitea\"\nrepo = \"a/b\"", "config::cms-gitea"),
            (
                "backend = \"gitea\"\nrepo = \"a/b\"\nbase_url = \"https://g.x.org\"\napp_id = \"1\"\neditorial_workflow = true",
                "config::cms-workflow",
            ),
            (
                "backend = \"github\"\nrepo = \"a/b\"",
                "config::cms-github-login",
            ),
        ] {
            let (_, problems) = understood(&site(&format!("[cms]\n{block}\n")));
            let codes: Vec<&str> = problems.iter().map(|p| p.0).collect();
            assert_eq!(codes, [code], "{block}");
        }
        // GitHub without a login server is only a warning: a site on Netlify needs none.
        let (c, problems) = Config::understand(
            Path::new("."),
            SourceFile::new(
                "site.toml",
                site("[cms]\nbackend = \"github\"\nrepo = \"a/b\"\n"),
            ),
            &Overrides::default(),
            provinces(),
        );
        assert!(c.cms.is_some() && !problems[0].is_error());
    }

    #[test]
    fn counter_endpoint_and_share_image() {
        let site = |extra: &str| {
            parse(&format!(
                "title = \"T\"\nbase_url = \"https://x.org/\"\nimage = \" /images/a.jpg \"\n{ORG}\n{extra}"
            ))
        };
        let c = site("").expect("no counter is fine");
        assert_eq!(c.counter_endpoint, None);
        assert_eq!(c.image.as_deref(), Some("/images/a.jpg"));
        for ok in [
            "https://dem.example.vn/api",
            "http://127.0.0.1:9000/dem",
            "/api/dem",
        ] {
            let c = site(&format!("[counter]\nendpoint = \"{ok}\"")).expect(ok);
            assert_eq!(c.counter_endpoint.as_deref(), Some(ok));
        }
        let c = site("[counter]\nendpoint = \"  \"").expect("blank means none");
        assert_eq!(c.counter_endpoint, None);
        for bad in ["dem.example.vn/api", "mailto:a@b.vn", "javascript:alert(1)"] {
            let e = site(&format!("[counter]\nendpoint = \"{bad}\"")).unwrap_err();
            assert_eq!(e[0].code, "config::counter", "{bad}");
            assert!(e[0].location().unwrap().starts_with("site.toml:"), "{bad}");
        }
        let e = site("[counter]\nendpont = \"https://x\"").unwrap_err();
        assert_eq!(e[0].code, "config::unknown-key");
    }
}
