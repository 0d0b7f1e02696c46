//! Takes what a page or file is (an article, page N of a list, a feed, the search index …) and
//! gives its address below the site root — the only place addresses are made. The articles'
//! addresses follow site.toml's permalink pattern (`[permalinks] article`), so a portal that
//! moves to bantin keeps the addresses it has today.
//!
//! Addresses are paths below the site root without a leading slash: `""` (home),
//! `tin-tuc/hoi-nghi/`, `tinh/kien-giang/trang/2/`, `tin-tuc/hoi-nghi-1024.html`. A path ending in
//! `/` is a folder page (`…/index.html`); any other path is a file. `Config::url` and
//! `Config::permalink` put the base path or base URL in front.

use std::ops::Range;

use chrono::{DateTime, Datelike, FixedOffset};

use crate::messages::{Arg, Lang, Message};
use crate::msg;

/// Province pages: `/tinh/`, `/tinh/<slug>/`.
pub const PROVINCES: &str = "tinh/";
/// Tag pages: `/the/`, `/the/<slug>/`.
pub const TAGS: &str = "the/";
/// Category pages: `/chuyen-muc/`, `/chuyen-muc/<slug>/`.
pub const CATEGORIES: &str = "chuyen-muc/";
/// The archive: `/luu-tru/`, `/luu-tru/<year>/`, `/luu-tru/<year>/<month>/`.
pub const ARCHIVE: &str = "luu-tru/";
/// The photo albums: `/thu-vien-anh/`, `/thu-vien-anh/<slug>/`, their feeds.
pub const ALBUMS: &str = "thu-vien-anh/";
/// The documents library ("Văn bản"): `/van-ban/`, `/van-ban/<slug>/`, its lists by kind, year
/// and issuer, its feeds.
pub const DOCUMENTS: &str = "van-ban/";
/// The search page.
pub const SEARCH_PAGE: &str = "tim-kiem/";
/// The folder of the search index the search page reads.
pub const SEARCH_INDEX: &str = "search/";
/// The page a host shows for an address the site does not have.
pub const NOT_FOUND: &str = "404.html";
/// The sitemap, or the sitemap index when the site has more addresses than one sitemap holds.
pub const SITEMAP: &str = "sitemap.xml";
/// The Google News sitemap of the last two days' articles.
pub const NEWS_SITEMAP: &str = "sitemap-news.xml";
pub const ROBOTS: &str = "robots.txt";
/// The redirects file of Netlify and Cloudflare Pages.
pub const REDIRECTS: &str = "_redirects";
/// The redirect map: a JSON object from each old address with a query string (`/?p=123`,
/// `/index.php?page_id=5`: its path below the base path, a `?` and the query as written) to
/// the address it now leads to (with the base path, or a full web address). A static host
/// cannot serve such addresses as files: the home page and the 404 page follow the map in the
/// browser. No underscore in front, so that GitHub Pages' Jekyll step keeps it.
pub const REDIRECT_MAP: &str = "redirects.json";
/// The folder of a list's further pages: `<list>/trang/2/`.
const PAGER: &str = "trang";
/// The article pattern of a site that sets none.
pub const DEFAULT_ARTICLE_PATTERN: &str = "/tin-tuc/:slug/";

/// First path segments the generator uses itself: no article or page may start with one.
pub const RESERVED_ROOTS: &[&str] = &[
    "tinh",
    "the",
    "chuyen-muc",
    "luu-tru",
    "thu-vien-anh",
    "van-ban",
    "tim-kiem",
    "search",
    PAGER,
];
/// Files at the site root the generator writes itself.
pub const RESERVED_FILES: &[&str] = &[
    NOT_FOUND,
    SITEMAP,
    NEWS_SITEMAP,
    ROBOTS,
    REDIRECTS,
    REDIRECT_MAP,
    "rss.xml",
    "atom.xml",
    "next-publish.txt",
    ".bantin-manifest.json",
];

/// What bantin itself puts at an address, which an article or page may not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reserved {
    Home,
    File,
    Provinces,
    Tags,
    Categories,
    Archive,
    Albums,
    Documents,
    SearchPage,
    SearchIndex,
    Pager,
}

impl Reserved {
    /// What it is, in words: "the province pages".
    pub fn message(self) -> Message {
        match self {
            Reserved::Home => msg!("content-reserved-home"),
            Reserved::File => msg!("content-reserved-file"),
            Reserved::Provinces => msg!("content-reserved-provinces"),
            Reserved::Tags => msg!("content-reserved-tags"),
            Reserved::Categories => msg!("content-reserved-categories"),
            Reserved::Archive => msg!("content-reserved-archive"),
            Reserved::Albums => msg!("content-reserved-albums"),
            Reserved::Documents => msg!("content-reserved-documents"),
            Reserved::SearchPage => msg!("content-reserved-search-page"),
            Reserved::SearchIndex => msg!("content-reserved-search-index"),
            Reserved::Pager => msg!("content-reserved-pager"),
        }
    }
}

/// The English words (`message` in English).
impl std::fmt::Display for Reserved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.text(&self.message()))
    }
}

impl From<Reserved> for Message {
    fn from(reserved: Reserved) -> Message {
        reserved.message()
    }
}

impl From<Reserved> for Arg {
    fn from(reserved: Reserved) -> Arg {
        reserved.message().into()
    }
}

/// What bantin itself does at `path`, if anything: why an article or page may not take it.
pub fn reserved(path: &str) -> Option<Reserved> {
    let first = path.split('/').next().unwrap_or("");
    if path.is_empty() {
        return Some(Reserved::Home);
    }
    let file = path.trim_end_matches('/');
    let sitemap_part = file
        .strip_prefix("sitemap-")
        .is_some_and(|f| f.ends_with(".xml"));
    if RESERVED_FILES.contains(&file) || sitemap_part {
        return Some(Reserved::File);
    }
    match first {
        "tinh" => Some(Reserved::Provinces),
        "the" => Some(Reserved::Tags),
        "chuyen-muc" => Some(Reserved::Categories),
        "luu-tru" => Some(Reserved::Archive),
        "thu-vien-anh" => Some(Reserved::Albums),
        "van-ban" => Some(Reserved::Documents),
        "tim-kiem" => Some(Reserved::SearchPage),
        "search" => Some(Reserved::SearchIndex),
        PAGER => Some(Reserved::Pager),
        _ => None,
    }
}

/// A province's list.
pub fn province(slug: &str) -> String {
    format!("{PROVINCES}{slug}/")
}

/// A tag's list.
pub fn tag(slug: &str) -> String {
    format!("{TAGS}{slug}/")
}

/// A category's list.
pub fn category(slug: &str) -> String {
    format!("{CATEGORIES}{slug}/")
}

/// A photo album's page.
pub fn album(slug: &str) -> String {
    format!("{ALBUMS}{slug}/")
}

/// A document's page.
pub fn document(slug: &str) -> String {
    format!("{DOCUMENTS}{slug}/")
}

/// The documents of one kind ("Nghị định"), by the kind's slug.
pub fn document_kind(slug: &str) -> String {
    format!("{DOCUMENTS}loai/{slug}/")
}

/// The documents issued in a year.
pub fn document_year(year: i32) -> String {
    format!("{DOCUMENTS}nam/{year}/")
}

/// The documents of one issuer, by the issuer's slug.
pub fn document_issuer(slug: &str) -> String {
    format!("{DOCUMENTS}co-quan/{slug}/")
}

/// The folders of `van-ban/` its lists take: no document may have them as its slug.
pub const DOCUMENT_LIST_ROOTS: &[&str] = &["loai", "nam", "co-quan", PAGER];

/// A year of the archive.
pub fn year(year: i32) -> String {
    format!("{ARCHIVE}{year}/")
}

/// A month of the archive.
pub fn month(year: i32, month: u32) -> String {
    format!("{ARCHIVE}{year}/{month:02}/")
}

/// Page `page` (1-based) of the list at `list` (`""` for home, `tinh/kien-giang/`).
pub fn list_page(list: &str, page: usize) -> String {
    if page <= 1 {
        list.to_string()
    } else {
        format!("{list}{PAGER}/{page}/")
    }
}

/// The two feed formats every list with a feed has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed {
    Rss,
    Atom,
}

/// Part `n` (from 1) of a sitemap too long for one file.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// A list's feed: `tinh/kien-giang/rss.xml`.
pub fn feed(list: &str, format: Feed) -> String {
    match format {
        Feed::Rss => format!("{list}rss.xml"),
        Feed::Atom => format!("{list}atom.xml"),
    }
}

/// A standalone page, from its path without slashes at the ends (`gioi-thieu`, `a/b`).
pub fn page(path: &str) -> String {
    format!("{path}/")
}

/// The file an address is written to: `tin-tuc/a/` → `tin-tuc/a/index.html`; a file's address
/// is its own file.
pub fn output_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// The address of an old address written as `aliases:` (`/tin-tuc/chi-tiet/123` →
/// `tin-tuc/chi-tiet/123/`; `.html` and `.htm` stay files); `None` for the site root.
pub fn alias(written: &str) -> Option<String> {
    let trimmed = written.trim_matches('/');
    if trimmed.is_empty() {
        None
    } else if trimmed.ends_with(".html") || trimmed.ends_with(".htm") {
        Some(trimmed.to_string())
    } else {
        Some(format!("{trimmed}/"))
    }
}

/// An old address as written in `aliases:` or site.toml's `[redirects]`, split: `/?p=123` →
/// `Some(("/", "p=123"))`; `None` for an address without a query string.
pub fn query_alias(written: &str) -> Option<(&str, &str)> {
    written.split_once('?')
}

/// Why a text cannot be an old address (`old_address_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OldAddressError {
    /// It does not start with `/`.
    NoSlash,
    /// It holds a `#`, white space or a backslash.
    BadCharacter,
    /// It has a `.` or `..` folder.
    Relative,
    /// Its query string is empty or holds a second `?`.
    BadQuery,
}

impl OldAddressError {
    /// Why, in words: "it does not start with /".
    pub fn message(self) -> Message {
        match self {
            OldAddressError::NoSlash => msg!("content-old-address-no-slash"),
            OldAddressError::BadCharacter => msg!("content-old-address-bad-character"),
            OldAddressError::Relative => msg!("content-old-address-relative"),
            OldAddressError::BadQuery => msg!("content-old-address-bad-query"),
        }
    }
}

/// The English words (`message` in English).
impl std::fmt::Display for OldAddressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.text(&self.message()))
    }
}

impl From<OldAddressError> for Message {
    fn from(error: OldAddressError) -> Message {
        error.message()
    }
}

/// Why `written` cannot be an old address: it must be a path from the site root, optionally
/// with a query string (`/?p=123`), and hold no `#`, space, backslash or `..` folder.
pub fn old_address_error(written: &str) -> Option<OldAddressError> {
    let (path, query) = match query_alias(written) {
        Some((path, query)) => (path, Some(query)),
        None => (written, None),
    };
    if !path.starts_with('/') {
        Some(OldAddressError::NoSlash)
    } else if written.contains(['#', '\\']) || written.chars().any(char::is_whitespace) {
        Some(OldAddressError::BadCharacter)
    } else if path.split('/').any(|s| s == ".." || s == ".") {
        Some(OldAddressError::Relative)
    } else if query.is_some_and(|q| q.is_empty() || q.contains('?')) {
        Some(OldAddressError::BadQuery)
    } else {
        None
    }
}

/// The key of an old address with a query string in the redirect map: the path as written
/// (from the site root, below the base path) and the query as written.
pub fn redirect_map_key(path: &str, query: &str) -> String {
    format!("{path}?{query}")
}

/// A part of an article's address that comes from the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The year of `date:`, four digits.
    Year,
    /// The month of `date:`, two digits.
    Month,
    /// The day of `date:`, two digits.
    Day,
    /// `slug:`, or the title made into an address.
    Slug,
    /// The category made into an address.
    Category,
    /// The file's name without `.md`.
    Stem,
    /// The article's `id:` number.
    Id,
}

const FIELDS: &[(&str, Field)] = &[
    ("year", Field::Year),
    ("month", Field::Month),
    ("day", Field::Day),
    ("slug", Field::Slug),
    ("category", Field::Category),
    ("stem", Field::Stem),
    ("id", Field::Id),
];

impl Field {
    pub fn name(self) -> &'static str {
        FIELDS
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("", |(name, _)| name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Part {
    Text(String),
    Field(Field),
}

/// An article address pattern such as `/tin-tuc/:slug/`, `/:year/:month/:day/:slug/` or
/// `/tin-tuc/:slug-:id.html`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pattern {
    written: String,
    parts: Vec<Part>,
}

/// Why a pattern cannot be used; `at` is a byte range in the pattern as written.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub message: Message,
    pub help: Message,
    pub at: Range<usize>,
}

/// What an article gives its address.
#[derive(Debug, Clone, Copy)]
pub struct Values<'a> {
    pub date: DateTime<FixedOffset>,
    pub slug: &'a str,
    /// The category as an address segment (already slugified), if the article has one.
    pub category: Option<&'a str>,
    pub stem: &'a str,
    pub id: Option<u64>,
}

/// A field the pattern needs that the article does not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing(pub Field);

impl Default for Pattern {
    fn default() -> Self {
        Pattern::parse(DEFAULT_ARTICLE_PATTERN).unwrap_or_else(|_| Pattern {
            written: DEFAULT_ARTICLE_PATTERN.to_string(),
            parts: vec![
                Part::Text("tin-tuc/".into()),
                Part::Field(Field::Slug),
                Part::Text("/".into()),
            ],
        })
    }
}

impl Pattern {
    /// Reads a pattern. It must start with `/`, end with `/` or `.html`, name only known fields,
    /// and hold one that tells articles apart (`:slug`, `:stem` or `:id`); its fixed start may
    /// not be one of bantin's own folders.
    pub fn parse(written: &str) -> Result<Pattern, PatternError> {
        let whole = 0..written.len();
        let error =
            |message: Message, help: Message, at: Range<usize>| PatternError { message, help, at };
        let Some(rest) = written.strip_prefix('/') else {
            return Err(error(
                msg!("render-pattern-no-slash", pattern = written),
                msg!("render-pattern-no-slash-help"),
                whole,
            ));
        };
        if let Some(bad) = written
            .char_indices()
            .find(|(_, c)| c.is_whitespace() || matches!(c, '?' | '#' | '\\' | '%'))
        {
            return Err(error(
                msg!(
                    "render-pattern-bad-character",
                    character = bad.1.to_string()
                ),
                msg!("render-pattern-bad-character-help"),
                bad.0..bad.0 + bad.1.len_utf8(),
            ));
        }
        if written.contains("//") || written.split('/').any(|s| s == ".." || s == ".") {
            return Err(error(
                msg!("render-pattern-relative", pattern = written),
                msg!("render-pattern-examples"),
                whole,
            ));
        }
        if !(written.ends_with('/') || written.ends_with(".html") || written.ends_with(".htm")) {
            return Err(error(
                msg!("render-pattern-bad-end", pattern = written),
                msg!("render-pattern-bad-end-help"),
                whole,
            ));
        }
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != ':' {
                text.push(c);
                continue;
            }
            let start = i + 1;
            let mut name = String::new();
            while let Some(&(_, n)) = chars.peek() {
                if !n.is_ascii_lowercase() {
                    break;
                }
                name.push(n);
                chars.next();
            }
            let at = start..start + 1 + name.len();
            let Some(&(_, field)) = FIELDS.iter().find(|(n, _)| *n == name) else {
                let names = FIELDS
                    .iter()
                    .map(|(n, _)| format!(":{n}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let help = match crate::problem::did_you_mean(&name, FIELDS.iter().map(|(n, _)| *n))
                {
                    Some(s) => msg!(
                        "render-pattern-unknown-field-help-suggest",
                        suggestion = format!(":{s}"),
                        names = names
                    ),
                    None => msg!("render-pattern-unknown-field-help", names = names),
                };
                return Err(error(
                    msg!("render-pattern-unknown-field", field = format!(":{name}")),
                    help,
                    at,
                ));
            };
            if !text.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut text)));
            } else if matches!(parts.last(), Some(Part::Field(_))) {
                return Err(error(
                    msg!("render-pattern-adjacent-fields", field = format!(":{name}")),
                    msg!("render-pattern-adjacent-fields-help"),
                    at,
                ));
            }
            parts.push(Part::Field(field));
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        let pattern = Pattern {
            written: written.to_string(),
            parts,
        };
        if ![Field::Slug, Field::Stem, Field::Id]
            .iter()
            .any(|&f| pattern.uses(f))
        {
            return Err(error(
                msg!("render-pattern-not-unique", pattern = written),
                msg!("render-pattern-not-unique-help"),
                whole,
            ));
        }
        let fixed: String = match pattern.parts.first() {
            Some(Part::Text(t)) => t.split('/').next().unwrap_or("").to_string(),
            _ => String::new(),
        };
        let fixed_is_folder =
            matches!(pattern.parts.first(), Some(Part::Text(t)) if t.contains('/'));
        if fixed_is_folder && let Some(what) = reserved(&format!("{fixed}/")) {
            return Err(error(
                msg!(
                    "render-pattern-reserved",
                    pattern = written,
                    folder = fixed.as_str(),
                    what = what.message()
                ),
                msg!("render-pattern-reserved-help"),
                1..1 + fixed.len(),
            ));
        }
        Ok(pattern)
    }

    /// The pattern as written in site.toml.
    pub fn as_str(&self) -> &str {
        &self.written
    }

    pub fn uses(&self, field: Field) -> bool {
        self.parts.contains(&Part::Field(field))
    }

    /// The article's address below the site root, or the first field it lacks.
    pub fn address(&self, values: &Values<'_>) -> Result<String, Missing> {
        let mut out = String::with_capacity(self.written.len() + values.slug.len());
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Field(Field::Year) => out.push_str(&format!("{:04}", values.date.year())),
                Part::Field(Field::Month) => out.push_str(&format!("{:02}", values.date.month())),
                Part::Field(Field::Day) => out.push_str(&format!("{:02}", values.date.day())),
                Part::Field(Field::Slug) => out.push_str(values.slug),
                Part::Field(Field::Stem) => out.push_str(values.stem),
                Part::Field(Field::Category) => {
                    out.push_str(values.category.ok_or(Missing(Field::Category))?)
                }
                Part::Field(Field::Id) => {
                    out.push_str(&values.id.ok_or(Missing(Field::Id))?.to_string())
                }
            }
        }
        Ok(out)
    }
}

/// Removes `.` and `..` segments; `None` when `..` climbs above the site root.
pub fn normalize(path: &str) -> Option<String> {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." | "" if !last => {}
            ".." => {
                segments.pop()?;
                if last {
                    segments.push("");
                }
            }
            "." => segments.push(""),
            part => segments.push(part),
        }
    }
    Some(segments.join("/"))
}

/// `text` as one component of a query string (`?q=…`): every byte but ASCII letters, digits and
/// `-._~` percent-encoded (like `encodeURIComponent`, which also spares `!*'()`) — "80/2020/NĐ-CP" is
/// `80%2F2020%2FN%C4%90-CP`, which the search page reads back whole.
pub fn query_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `%C3%A1` → `á`; malformed escapes are kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The static file an image address written in content names: `/images/a%20b.jpg` →
/// `images/a b.jpg`. `None` for addresses on the web or not from the site root.
pub fn static_file(src: &str) -> Option<String> {
    let src = src.trim();
    if !src.starts_with('/') || src.starts_with("//") {
        return None;
    }
    let path = src.split(['?', '#']).next().unwrap_or_default();
    let path = normalize(path.trim_start_matches('/'))?;
    Some(percent_decode(&path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_component_escapes_all_but_unreserved_bytes_and_decodes_back() {
        for (text, encoded) in [
            ("80/2020/NĐ-CP", "80%2F2020%2FN%C4%90-CP"),
            ("12- CT/TW", "12-%20CT%2FTW"),
            ("a&b=c?#", "a%26b%3Dc%3F%23"),
            ("hữu nghị", "h%E1%BB%AFu%20ngh%E1%BB%8B"),
        ] {
            assert_eq!(query_component(text), encoded);
            assert_eq!(percent_decode(encoded), text);
        }
    }

    fn values() -> Values<'static> {
        Values {
            date: DateTime::parse_from_rfc3339("2024-05-07T08:30:00+07:00").expect("date"),
            slug: "hoi-nghi-tong-ket",
            category: Some("tin-hoat-dong"),
            stem: "2024-05-hoi-nghi",
            id: Some(1024),
        }
    }

    #[test]
    fn patterns_give_addresses() {
        // (pattern, the address of `values()`)
        let cases = [
            ("/tin-tuc/:slug/", "tin-tuc/hoi-nghi-tong-ket/"),
            ("/:year/:month/:day/:slug/", "2024/05/07/hoi-nghi-tong-ket/"),
            (
                "/tin-tuc/:slug-:id.html",
                "tin-tuc/hoi-nghi-tong-ket-1024.html",
            ),
            ("/:category/:slug/", "tin-hoat-dong/hoi-nghi-tong-ket/"),
            ("/bai-viet/:stem.htm", "bai-viet/2024-05-hoi-nghi.htm"),
            ("/:slug/", "hoi-nghi-tong-ket/"),
            ("/tin/:year/:id/", "tin/2024/1024/"),
        ];
        for (written, address) in cases {
            let pattern = Pattern::parse(written).unwrap_or_else(|e| panic!("{written}: {e:?}"));
            assert_eq!(
                pattern.address(&values()).as_deref(),
                Ok(address),
                "{written}"
            );
        }
        assert_eq!(Pattern::default().as_str(), DEFAULT_ARTICLE_PATTERN);
    }

    #[test]
    fn a_field_the_article_lacks_is_named() {
        let none = Values {
            category: None,
            id: None,
            ..values()
        };
        let id = Pattern::parse("/tin-tuc/:slug-:id.html").expect("pattern");
        assert_eq!(id.address(&none), Err(Missing(Field::Id)));
        let category = Pattern::parse("/:category/:slug/").expect("pattern");
        assert_eq!(category.address(&none), Err(Missing(Field::Category)));
    }

    #[test]
    fn unusable_patterns_say_why_and_where() {
        // (pattern, words of the message, where it points)
        let cases: &[(&str, &str, Range<usize>)] = &[
            ("tin-tuc/:slug/", "does not start with /", 0..14),
            ("/tin-tuc/:slug", "ends neither in / nor in .html", 0..14),
            (
                "/tin-tuc/:year/",
                "two articles could share one address",
                0..15,
            ),
            ("/tin-tuc/:sulg/", "`:sulg` is not a part", 9..14),
            ("/tin-tuc/:year:slug/", "follows another field", 14..19),
            ("/tinh/:slug/", "where bantin puts the province pages", 1..5),
            ("/the/:slug/", "the tag pages", 1..4),
            ("/tin tuc/:slug/", "cannot hold ` `", 4..5),
            ("/tin-tuc//:slug/", "empty or relative folder", 0..16),
            ("/a/../:slug/", "empty or relative folder", 0..12),
        ];
        for (written, words, at) in cases {
            let e = Pattern::parse(written).expect_err(written);
            let message = Lang::En.text(&e.message);
            assert!(message.contains(words), "{written}: {message}");
            assert_eq!(&e.at, at, "{written}");
            for lang in Lang::ALL {
                assert!(!lang.text(&e.help).is_empty());
            }
        }
        let e = Pattern::parse("/tin-tuc/:sulg/").expect_err("typo");
        let help = Lang::En.text(&e.help);
        assert!(help.contains("did you mean `:slug`?"), "{help}");
        assert_eq!(
            help,
            "did you mean `:slug`? a pattern may use :year, :month, :day, :slug, :category, :stem, :id"
        );
        assert_eq!(
            Lang::Vi.text(&e.help),
            "có phải ý bạn là `:slug`? mẫu địa chỉ chỉ dùng được :year, :month, :day, :slug, :category, :stem, :id"
        );
        let e = Pattern::parse("/tinh/:slug/").expect_err("reserved");
        assert_eq!(
            Lang::Vi.text(&e.message),
            "mẫu địa chỉ `/tinh/:slug/` đặt bài viết vào /tinh/, là nơi bantin đặt các trang tỉnh, thành phố"
        );
        assert_eq!(
            Lang::Vi.text(&e.help),
            "hãy chọn thư mục đầu tiên khác, ví dụ \"/tin-tuc/:slug/\", \"/:year/:month/:day/:slug/\" hoặc \"/tin-tuc/:slug-:id.html\""
        );
    }

    #[test]
    fn old_addresses_may_carry_a_query_string() {
        // (as written, why it is refused)
        let cases: &[(&str, Option<OldAddressError>)] = &[
            ("/tin-tuc/chi-tiet/123", None),
            ("/?p=123", None),
            ("/index.php?page_id=5", None),
            ("/?cat=3&paged=2", None),
            ("/Default.htm", None),
            ("tin-tuc/a/", Some(OldAddressError::NoSlash)),
            ("?p=1", Some(OldAddressError::NoSlash)),
            ("/a#b", Some(OldAddressError::BadCharacter)),
            ("/a b/", Some(OldAddressError::BadCharacter)),
            ("/?p=1 2", Some(OldAddressError::BadCharacter)),
            ("/a/../b/", Some(OldAddressError::Relative)),
            ("/?", Some(OldAddressError::BadQuery)),
            ("/?a=1?b", Some(OldAddressError::BadQuery)),
        ];
        for (written, why) in cases {
            assert_eq!(old_address_error(written), *why, "{written}");
        }
        assert_eq!(
            OldAddressError::BadQuery.to_string(),
            "its query string is empty or holds a second ?"
        );
        assert_eq!(
            Lang::Vi.text(&OldAddressError::NoSlash.message()),
            "không bắt đầu bằng /"
        );
        assert_eq!(query_alias("/?p=123"), Some(("/", "p=123")));
        assert_eq!(
            query_alias("/index.php?page_id=5"),
            Some(("/index.php", "page_id=5"))
        );
        assert_eq!(query_alias("/tin-tuc/a/"), None);
        assert_eq!(redirect_map_key("/", "p=123"), "/?p=123");
        assert_eq!(reserved(REDIRECT_MAP), Some(Reserved::File));
    }

    #[test]
    fn addresses_of_lists_pages_and_files() {
        assert_eq!(list_page("", 1), "");
        assert_eq!(list_page("", 3), "trang/3/");
        assert_eq!(
            list_page(&province("kien-giang"), 2),
            "tinh/kien-giang/trang/2/"
        );
        assert_eq!(month(2020, 5), "luu-tru/2020/05/");
        assert_eq!(feed(&tag("vien-tro"), Feed::Atom), "the/vien-tro/atom.xml");
        assert_eq!(output_file(""), "index.html");
        assert_eq!(output_file("tin-tuc/a/"), "tin-tuc/a/index.html");
        assert_eq!(output_file("tin-tuc/a-1.html"), "tin-tuc/a-1.html");
        assert_eq!(
            alias("/tin-tuc/chi-tiet/123"),
            Some("tin-tuc/chi-tiet/123/".into())
        );
        assert_eq!(alias("/Default.htm"), Some("Default.htm".into()));
        assert_eq!(alias("/"), None);
        assert_eq!(reserved("tinh/x/"), Some(Reserved::Provinces));
        assert_eq!(reserved("404.html"), Some(Reserved::File));
        assert_eq!(reserved("sitemap-3.xml"), Some(Reserved::File));
        assert_eq!(reserved("sitemap-news.xml"), Some(Reserved::File));
        assert_eq!(reserved("tin-tuc/x/"), None);
        assert_eq!(reserved("the/x/"), Some(Reserved::Tags));
        assert_eq!(
            Lang::Vi.text(&Reserved::Pager.message()),
            "các trang tiếp theo của trang chủ"
        );
        assert_eq!(reserved("gioi-thieu/"), None);
    }
}
