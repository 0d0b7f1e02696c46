//! Takes a site's folder and gives every broken link of its Markdown: compiles the site in memory
//! (so everything `build` checks is checked), then resolves each link and image of each published
//! article and page against the files the build would write — pages, feeds, redirects, static
//! files — and each `#anchor` against the ids of its target page. With `external`, http(s) links
//! are fetched too (see `external`). Nothing is written but the external-link cache.

mod external;
mod old_urls;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::build::{self, BuildError, Compiled};
use crate::config::Config;
use crate::markdown::{LinkKind, Rendered};
use crate::messages::{Arg, Lang, Message};
use crate::msg;
use crate::problem::{Problem, Severity, SourceFile, did_you_mean};
use crate::route;

pub use external::{CACHE_FILE, CACHE_MAX_AGE};
pub use old_urls::OldUrls;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub build: build::Options,
    /// Also fetch http(s) links (with a cache in `<source>/.bantin-cache/`).
    pub external: bool,
    /// A file of the old site's addresses, one URL or path per line (`--old-urls`): each must
    /// still lead somewhere on the built site.
    pub old_urls: Option<std::path::PathBuf>,
}

/// What a check found, when the site itself compiled.
#[derive(Debug)]
pub struct Report {
    /// Published articles and pages whose Markdown was checked.
    pub articles: usize,
    pub pages: usize,
    /// Internal links and images checked.
    pub links: usize,
    /// External links (occurrences) checked; 0 without `external`.
    pub external_links: usize,
    /// External links left unchecked because `external` was off.
    pub external_skipped: usize,
    /// Distinct external URLs whose answer came from the cache.
    pub from_cache: usize,
    /// What became of the old addresses of `Options::old_urls`, when given and read.
    pub old_urls: Option<OldUrls>,
    /// The build's warnings and every broken link, sorted by file and position.
    pub problems: Vec<Problem>,
}

impl Report {
    /// Broken links and images, and lost old addresses (errors, build warnings aside).
    pub fn broken(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// Broken links and images only.
    pub fn broken_links(&self) -> usize {
        self.broken() - self.old_urls.map_or(0, |o| o.lost)
    }

    pub fn is_ok(&self) -> bool {
        self.broken() == 0
    }
}

/// Compiles the site and checks every link of its Markdown. `Err` is a site that does not
/// compile (its problems, as `build` reports them); broken links are in the `Report`.
pub fn check(options: &Options) -> Result<Report, BuildError> {
    let compiled = build::compile(&build::Options {
        keep_source_text: true,
        strict: false,
        foreign: crate::output::Foreign::Refuse,
        ..options.build.clone()
    })?;
    let site = Site::new(&compiled);
    let mut found = Found::default();
    for article in &compiled.index.articles {
        let source = Source {
            file: &article.file,
            body_line: article.body_line,
            body: &article.body,
            path: article.path.clone(),
        };
        site.check_source(&source, &mut found);
    }
    for page in &compiled.index.pages {
        let source = Source {
            file: &page.file,
            body_line: page.body_line,
            body: &page.body,
            path: route::page(&page.path),
        };
        site.check_source(&source, &mut found);
    }

    let mut problems = compiled.warnings.clone();
    problems.append(&mut found.problems);
    let mut report = Report {
        articles: compiled.index.articles.len(),
        pages: compiled.index.pages.len(),
        links: found.internal,
        external_links: 0,
        external_skipped: 0,
        from_cache: 0,
        old_urls: None,
        problems: Vec::new(),
    };
    if let Some(list) = &options.old_urls {
        let display = list.display().to_string();
        match std::fs::read(list) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let (summary, mut lost) = old_urls::check(&display, &text, &site, &compiled);
                report.old_urls = Some(summary);
                problems.append(&mut lost);
            }
            Err(e) => problems.push(
                Problem::error(
                    "check::old-urls-file",
                    msg!(
                        "check-old-urls-file",
                        path = &display,
                        error = e.to_string()
                    ),
                )
                .in_file(display)
                .help(msg!("check-old-urls-file-help")),
            ),
        }
    }
    if options.external {
        report.external_links = found.external.len();
        let cache_path = options.build.source.join(CACHE_FILE);
        let mut cache = external::Cache::load(&cache_path);
        let urls: Vec<&str> = found.external.iter().map(|e| e.url.as_str()).collect();
        let checked = external::check_all(&urls, &mut cache, chrono::Utc::now());
        report.from_cache = checked.from_cache;
        if let Err(e) = cache.save(&cache_path) {
            problems.push(
                Problem::warning(
                    "check::cache",
                    msg!(
                        "check-cache-save",
                        path = cache_path.display().to_string(),
                        error = e.to_string()
                    ),
                )
                .help(msg!("check-cache-save-help")),
            );
        }
        for link in &found.external {
            if let Some(answer) = checked.broken.get(external::cache_key(&link.url)) {
                problems.push(
                    Problem::error(
                        "check::external-link",
                        msg!("check-external-broken", url = &link.url),
                    )
                    .at(link.file, link.span.clone())
                    .label(answer.label())
                    .help(answer.help()),
                );
            }
        }
    } else {
        report.external_skipped = found.external.len();
    }
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    report.problems = problems;
    Ok(report)
}

/// One article or page as the checker reads it.
struct Source<'a> {
    file: &'a SourceFile,
    body_line: usize,
    body: &'a Rendered,
    /// Its URL path below the site root: `tin-tuc/a/`.
    path: String,
}

/// An external link to fetch, with where it is written.
struct ExternalLink<'a> {
    url: String,
    file: &'a SourceFile,
    span: Range<usize>,
}

#[derive(Default)]
struct Found<'a> {
    internal: usize,
    external: Vec<ExternalLink<'a>>,
    problems: Vec<Problem>,
}

/// What the build would publish: every output file, and the ids of every HTML page.
struct Site<'c> {
    config: &'c Config,
    /// Output paths (`tin-tuc/a/index.html`, `images/a.jpg`).
    files: HashSet<&'c str>,
    /// HTML rendered by the build, by output path, for anchors.
    html: HashMap<&'c str, &'c [u8]>,
    /// Every published address as a reader writes it (`/tin-tuc/a/`, `/images/a.jpg`), for
    /// "did you mean".
    addresses: Vec<String>,
    /// Articles held back now (draft, scheduled, expired), by address below the site root.
    held_back: HashMap<&'c str, build::HeldBack>,
}

/// Where a link leads inside the site.
enum Target {
    /// An output file, and the fragment asked for (percent-decoded, without `#`).
    File(String, Option<String>),
    /// Nothing the build writes: the address as a reader writes it, and whether it climbs above
    /// the site root (`../../x` from a page one level down).
    Missing { address: String, above_root: bool },
    /// A link that is not ours to check here (mailto:, tel:, other schemes).
    Skip,
    /// http(s) to another site.
    External(String),
}

impl<'c> Site<'c> {
    fn new(compiled: &'c Compiled) -> Self {
        let outputs = compiled.files.iter();
        let files: HashSet<&str> = outputs
            .clone()
            .map(|o| o.path.as_str())
            .chain(compiled.statics.keys().map(String::as_str))
            .collect();
        let html = outputs
            .filter(|o| o.path.ends_with(".html"))
            .map(|o| (o.path.as_str(), &o.bytes[..]))
            .collect();
        let mut addresses: Vec<String> = files
            .iter()
            .map(|f| format!("/{}", f.strip_suffix("index.html").unwrap_or(f)))
            .collect();
        addresses.sort();
        Site {
            config: &compiled.config,
            files,
            html,
            addresses,
            held_back: compiled
                .schedule
                .held_back
                .iter()
                .map(|(path, why)| (path.as_str(), *why))
                .collect(),
        }
    }

    fn check_source<'a>(&self, source: &Source<'a>, found: &mut Found<'a>) {
        let mut locator = Locator::new(source.file, source.body_line);
        let mut ids_of: HashMap<String, HashSet<String>> = HashMap::new();
        for link in &source.body.links {
            let target = self.resolve(&source.path, &link.url);
            if matches!(target, Target::Skip) {
                continue;
            }
            let span = locator.find(&link.url, link.line);
            let (path, fragment) = match target {
                Target::Skip => continue,
                Target::External(url) => {
                    found.external.push(ExternalLink {
                        url,
                        file: source.file,
                        span,
                    });
                    continue;
                }
                Target::Missing {
                    address,
                    above_root,
                } => {
                    found.internal += 1;
                    found.problems.push(self.missing(
                        source.file,
                        span,
                        &link.url,
                        link.kind,
                        &address,
                        above_root,
                    ));
                    continue;
                }
                Target::File(path, fragment) => (path, fragment),
            };
            found.internal += 1;
            let Some(fragment) = fragment else { continue };
            let Some(html) = self.html.get(path.as_str()) else {
                // A fragment of an image or a feed, or of a static HTML file: nothing to check.
                continue;
            };
            let ids = ids_of.entry(path.clone()).or_insert_with(|| html_ids(html));
            if !ids.contains(&fragment) {
                let same_page = path == route::output_file(&source.path);
                found.problems.push(self.bad_anchor(
                    source.file,
                    span,
                    &link.url,
                    &fragment,
                    same_page.then_some(source.body),
                    ids,
                ));
            }
        }
    }

    /// Resolves a link written on the page at `page` (a path below the site root, ending in `/`).
    fn resolve(&self, page: &str, url: &str) -> Target {
        let url = url.trim();
        if let Some(rest) = url.strip_prefix("//") {
            return Target::External(format!("https://{rest}"));
        }
        if let Some(scheme) = scheme(url) {
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                return Target::Skip;
            }
            // An absolute link to this very site is checked like a root-relative one.
            match url.strip_prefix(self.config.base_url.as_str()) {
                Some(rest) => return self.resolve(page, &format!("/{rest}")),
                None => return Target::External(url.to_string()),
            }
        }
        let (rest, fragment) = match url.split_once('#') {
            Some((rest, fragment)) => (rest, Some(percent_decode(fragment))),
            None => (url, None),
        };
        let written = rest.split_once('?').map_or(rest, |(path, _)| path);
        let path = if written.is_empty() {
            Some(page.to_string())
        } else if let Some(root) = written.strip_prefix('/') {
            normalize(root)
        } else {
            normalize(&format!("{page}{written}"))
        };
        let Some(path) = path.map(|p| percent_decode(&p)) else {
            return Target::Missing {
                address: written.to_string(),
                above_root: true,
            };
        };
        match self.file_of(&path) {
            Some(file) => Target::File(file, fragment.filter(|f| !f.is_empty())),
            None => Target::Missing {
                address: format!("/{path}"),
                above_root: false,
            },
        }
    }

    /// The output file a site path is served from: `x/` → `x/index.html`; `x` is also found as
    /// `x/index.html`, since static hosts redirect it there.
    fn file_of(&self, path: &str) -> Option<String> {
        if path.is_empty() || path.ends_with('/') {
            let file = route::output_file(path);
            return self.files.contains(file.as_str()).then_some(file);
        }
        if self.files.contains(path) {
            return Some(path.to_string());
        }
        let file = format!("{path}/index.html");
        self.files.contains(file.as_str()).then_some(file)
    }

    fn missing(
        &self,
        file: &SourceFile,
        span: Range<usize>,
        url: &str,
        kind: LinkKind,
        address: &str,
        above_root: bool,
    ) -> Problem {
        // An article that is not out yet (or no longer): a warning, or a scheduled build would
        // turn red by itself on the day an article it links to expires.
        let below_root = address
            .strip_prefix(self.config.base_path.as_str())
            .unwrap_or(address.trim_start_matches('/'));
        let page = if below_root.is_empty()
            || below_root.ends_with('/')
            || below_root.ends_with(".html")
        {
            below_root.to_string()
        } else {
            format!("{below_root}/")
        };
        if let Some(why) = self.held_back.get(page.as_str()).filter(|_| !above_root) {
            let (message, help) = match why {
                build::HeldBack::Draft => (
                    msg!("check-link-to-draft", url = url),
                    msg!("check-link-to-draft-help"),
                ),
                build::HeldBack::Scheduled(at) => (
                    msg!(
                        "check-link-to-scheduled",
                        url = url,
                        date = at.format("%d/%m/%Y %H:%M").to_string()
                    ),
                    msg!("check-link-to-scheduled-help"),
                ),
                build::HeldBack::Expired => (
                    msg!("check-link-to-expired", url = url),
                    msg!("check-link-to-expired-help"),
                ),
            };
            return Problem::warning("check::link-to-held-back", message)
                .at(file, span)
                .label(msg!("check-link-to-held-back-label"))
                .help(help);
        }
        let (code, message, label) = match kind {
            LinkKind::Image => (
                "check::missing-image",
                msg!("check-missing-image", url = url),
                msg!("check-missing-image-label"),
            ),
            LinkKind::Link => (
                "check::broken-link",
                msg!("check-broken-link", url = url),
                msg!("check-broken-link-label"),
            ),
        };
        let shown: Arg = if above_root {
            msg!("check-above-root", address = address).into()
        } else {
            address.into()
        };
        let nothing = msg!("check-nothing-at", address = shown);
        let base = self.config.base_path.as_str();
        let unprefixed = address
            .strip_prefix(base)
            .filter(|_| base != "/" && !above_root)
            .and_then(|rest| self.file_of(rest).map(|_| rest));
        let hint = if let Some(rest) = unprefixed {
            Some(msg!("check-base-path-hint", base = base, rest = rest))
        } else if let Some(suggestion) =
            did_you_mean(address, self.addresses.iter().map(String::as_str))
        {
            Some(msg!("check-did-you-mean", suggestion = suggestion))
        } else if kind == LinkKind::Image {
            Some(msg!("check-static-hint"))
        } else {
            None
        };
        Problem::error(code, message)
            .at(file, span)
            .label(label)
            .help(then(nothing, hint))
    }

    fn bad_anchor(
        &self,
        file: &SourceFile,
        span: Range<usize>,
        url: &str,
        fragment: &str,
        same_page: Option<&Rendered>,
        ids: &HashSet<String>,
    ) -> Problem {
        let (label, help) = match same_page {
            Some(_) => (
                msg!("check-anchor-label-here"),
                msg!("check-anchor-help-here", id = fragment),
            ),
            None => (
                msg!("check-anchor-label-there"),
                msg!(
                    "check-anchor-help-there",
                    id = fragment,
                    page = url.split('#').next().unwrap_or(url)
                ),
            ),
        };
        let mut candidates: Vec<&str> = ids.iter().map(String::as_str).collect();
        candidates.sort_unstable();
        let mut hint = None;
        if let Some(suggestion) = did_you_mean(fragment, candidates.iter().copied()) {
            hint = Some(msg!(
                "check-did-you-mean",
                suggestion = format!("#{suggestion}")
            ));
        } else if let Some(body) = same_page {
            let headings: Vec<String> =
                body.headings.iter().map(|h| format!("#{}", h.id)).collect();
            if !headings.is_empty() {
                hint = Some(msg!("check-headings", headings = headings.join(", ")));
            }
        }
        Problem::error(
            "check::broken-anchor",
            msg!("check-broken-anchor", url = url),
        )
        .at(file, span)
        .label(label)
        .help(then(help, hint))
    }
}

/// A `help:` of two parts, `first; then`, or only the first.
pub(crate) fn then(first: Message, then: Option<Message>) -> Message {
    match then {
        Some(then) => msg!("check-then", first = first, then = then),
        None => first,
    }
}

/// The scheme of an absolute URL (`https`, `mailto`), if it has one.
fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// Removes `.` and `..` segments; `None` when `..` climbs above the site root.
fn normalize(path: &str) -> Option<String> {
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

/// `%C3%A1` → `á`; malformed escapes are kept as written.
pub(crate) fn percent_decode(text: &str) -> String {
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

/// Every `id="…"` of an HTML page. A plain scan, not a parser: the build's own output always
/// quotes attributes, and a raw-HTML id in Markdown is quoted too in practice.
fn html_ids(html: &[u8]) -> HashSet<String> {
    let text = String::from_utf8_lossy(html);
    let mut ids = HashSet::new();
    let mut rest = text.as_ref();
    while let Some(i) = rest.find("id=") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + 3..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = rest[1..].find(quote) {
            ids.insert(rest[1..1 + end].replace("&amp;", "&"));
            rest = &rest[1 + end..];
        }
    }
    ids
}

/// Finds where a link's URL is written in its file, so the caret sits under it. The parser gives
/// the line the link starts on; the URL may be further on (a link text over two lines) or in a
/// reference definition elsewhere. Each occurrence is claimed once, so two links to the same URL
/// on one line point at their own text.
struct Locator<'a> {
    file: &'a SourceFile,
    body_line: usize,
    claimed: HashSet<usize>,
}

impl<'a> Locator<'a> {
    fn new(file: &'a SourceFile, body_line: usize) -> Self {
        Locator {
            file,
            body_line,
            claimed: HashSet::new(),
        }
    }

    fn find(&mut self, url: &str, body_line: usize) -> Range<usize> {
        let text = &self.file.text;
        let body_start = self.file.offset_of(self.body_line, 0);
        let line_start = self.file.offset_of(self.body_line + body_line - 1, 0);
        let needle = url.trim();
        let occurrences = |from: usize| {
            text[from..]
                .match_indices(needle)
                .map(move |(i, _)| from + i)
        };
        let found = if needle.is_empty() {
            None
        } else {
            occurrences(line_start)
                .find(|i| !self.claimed.contains(i))
                .or_else(|| occurrences(body_start).find(|i| !self.claimed.contains(i)))
                .or_else(|| occurrences(body_start).next())
        };
        match found {
            Some(start) => {
                self.claimed.insert(start);
                start..start + needle.len()
            }
            None => {
                // Written differently from how it parses (escapes, entities): the whole line.
                let line = &text[line_start..];
                let end = line.find('\n').unwrap_or(line.len());
                let indent = line.len() - line.trim_start().len();
                (line_start + indent.min(end))..line_start + end
            }
        }
    }
}

/// One problem as `--format json` shows it.
#[derive(Debug, Serialize)]
pub struct JsonProblem<'a> {
    pub severity: &'static str,
    pub code: &'a str,
    /// The message, label and help in the language of bantin's messages.
    pub message: String,
    pub file: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// The whole result as `--format json` shows it.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    pub ok: bool,
    pub errors: usize,
    pub warnings: usize,
    /// What was checked; absent when the site did not compile.
    pub checked: Option<JsonChecked>,
    pub problems: Vec<JsonProblem<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonChecked {
    pub articles: usize,
    pub pages: usize,
    pub links: usize,
    pub external_links: usize,
    pub external_skipped: usize,
    /// With `--old-urls`: how many old addresses were checked, kept and lost.
    pub old_urls: Option<OldUrls>,
}

impl<'a> JsonReport<'a> {
    /// `report` is `None` when the site did not compile and `problems` are its errors.
    pub fn new(problems: &'a [Problem], report: Option<&Report>, lang: Lang) -> Self {
        let errors = problems.iter().filter(|p| p.is_error()).count();
        JsonReport {
            ok: errors == 0,
            errors,
            warnings: problems.len() - errors,
            checked: report.map(|r| JsonChecked {
                articles: r.articles,
                pages: r.pages,
                links: r.links,
                external_links: r.external_links,
                external_skipped: r.external_skipped,
                old_urls: r.old_urls,
            }),
            problems: problems
                .iter()
                .map(|p| {
                    let (line, column) = p.line_col().unzip();
                    let shown = p.shown(lang);
                    JsonProblem {
                        severity: match p.severity {
                            Severity::Error => "error",
                            Severity::Warning => "warning",
                        },
                        code: p.code,
                        message: shown.message,
                        file: p.file.as_ref().map(|f| f.path.as_str()),
                        line,
                        column,
                        label: shown.label,
                        help: shown.help,
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_dot_segments() {
        let cases = [
            ("tin-tuc/a/../b/", Some("tin-tuc/b/")),
            ("tin-tuc/a/./anh.jpg", Some("tin-tuc/a/anh.jpg")),
            ("tin-tuc/a/..", Some("tin-tuc/")),
            ("a/../../b", None),
            ("", Some("")),
            ("gioi-thieu/", Some("gioi-thieu/")),
            ("a//b", Some("a/b")),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("/%C3%A1nh.jpg"), "/ánh.jpg");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn finds_schemes() {
        assert_eq!(scheme("mailto:a@b"), Some("mailto"));
        assert_eq!(scheme("https://x"), Some("https"));
        assert_eq!(scheme("/a:b"), None);
        assert_eq!(scheme("a/b:c"), None);
    }

    #[test]
    fn scans_ids() {
        let ids =
            html_ids(br##"<h2 id="ket-qua">x</h2><a href="#x" id='fn-1'>1</a><div data-id="no">"##);
        let mut ids: Vec<_> = ids.into_iter().collect();
        ids.sort();
        assert_eq!(ids, ["fn-1", "ket-qua"]);
    }

    /// A site of three addresses, one article held back, under the base path `/cong/`.
    fn site(config: &Config) -> Site<'_> {
        let files: HashSet<&str> = ["index.html", "tin-tuc/hoi-nghi/index.html", "images/a.jpg"]
            .into_iter()
            .collect();
        let mut addresses: Vec<String> = files
            .iter()
            .map(|f| format!("/{}", f.strip_suffix("index.html").unwrap_or(f)))
            .collect();
        addresses.sort();
        Site {
            config,
            files,
            html: HashMap::new(),
            addresses,
            held_back: [("tin-tuc/nhap/", build::HeldBack::Draft)].into(),
        }
    }

    fn config() -> Config {
        let toml = "title = \"T\"\nbase_url = \"https://example.vn/cong/\"\nprovince = \"An Giang\"\n\
                    [organization]\nname = \"L\"\nparent = \"P\"\naddress = \"A\"\n\
                    phone = \"0297 000 000\"\nemail = \"a@example.vn\"\neditor = \"E\"\n";
        Config::parse(
            std::path::Path::new("."),
            SourceFile::new("site.toml", toml),
            &crate::config::Overrides::default(),
            crate::provinces::Provinces::builtin(),
        )
        .unwrap_or_else(|p| panic!("{p:?}"))
    }

    /// Resolves `url` on the home page and gives the problem of a link that leads nowhere.
    fn broken(site: &Site<'_>, url: &str, kind: LinkKind) -> Problem {
        let file = SourceFile::new("content/tin-tuc/a.md", format!("---\n---\n[x]({url})\n"));
        let Target::Missing {
            address,
            above_root,
        } = site.resolve("", url)
        else {
            panic!("{url} resolves");
        };
        site.missing(&file, 8..8 + url.len(), url, kind, &address, above_root)
    }

    #[test]
    fn a_link_to_nowhere_is_explained_in_both_languages() {
        let config = config();
        let site = site(&config);
        let p = broken(&site, "/tin-tuc/hoi-ngi/", LinkKind::Link);
        assert_eq!(p.code, "check::broken-link");
        let en = p.shown(Lang::En);
        assert_eq!(en.message, "broken link `/tin-tuc/hoi-ngi/`");
        assert_eq!(en.label.as_deref(), Some("no such page or file"));
        assert_eq!(
            en.help.as_deref(),
            Some("no page or file at /tin-tuc/hoi-ngi/; did you mean /tin-tuc/hoi-nghi/?")
        );
        let vi = p.shown(Lang::Vi);
        assert_eq!(vi.message, "liên kết hỏng `/tin-tuc/hoi-ngi/`");
        assert_eq!(vi.label.as_deref(), Some("không có trang hay tệp này"));
        assert_eq!(
            vi.help.as_deref(),
            Some(
                "không có trang hay tệp nào ở địa chỉ /tin-tuc/hoi-ngi/; \
                 có phải ý bạn là `/tin-tuc/hoi-nghi/`?"
            )
        );

        // The base path written by hand: bantin adds it itself.
        let p = broken(&site, "/cong/images/a.jpg", LinkKind::Image);
        assert_eq!(
            p.shown(Lang::En).help.as_deref(),
            Some(
                "no page or file at /cong/images/a.jpg; bantin adds the base path /cong/ to \
                 links itself: write /images/a.jpg"
            )
        );
        assert_eq!(
            p.shown(Lang::Vi).message,
            "không tìm thấy ảnh `/cong/images/a.jpg`"
        );

        // Above the site root.
        let p = broken(&site, "../../x.jpg", LinkKind::Image);
        assert!(
            p.shown(Lang::Vi)
                .help
                .unwrap()
                .starts_with("không có trang hay tệp nào ở địa chỉ ../../x.jpg (địa chỉ này vượt"),
        );

        // A draft: a warning.
        let p = broken(&site, "/tin-tuc/nhap/", LinkKind::Link);
        assert!(!p.is_error());
        assert_eq!(
            p.shown(Lang::Vi).message,
            "liên kết `/tin-tuc/nhap/` dẫn tới một bài viết còn là bản nháp"
        );
    }

    #[test]
    fn locator_points_at_each_occurrence() {
        let file = SourceFile::new(
            "a.md",
            "---\ntitle: x\n---\nSee [a](/x/) and [b](/x/).\n\n[r]: /ref/\n",
        );
        let mut locator = Locator::new(&file, 4);
        let first = locator.find("/x/", 1);
        let second = locator.find("/x/", 1);
        assert_eq!(file.line_col(first.start), (4, 9));
        assert_eq!(file.line_col(second.start), (4, 22));
        let reference = locator.find("/ref/", 1);
        assert_eq!(file.line_col(reference.start), (6, 6));
    }
}
