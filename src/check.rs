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
use crate::messages::Lang;
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
                    format!("cannot read the list of old addresses {display}: {e}"),
                )
                .in_file(display)
                .help("give a text file with one old URL or path per line, e.g. made from the old site's sitemap.xml"),
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
                    format!("cannot save the link cache {}: {e}", cache_path.display()),
                )
                .help("the next `bantin check --external` fetches every link again"),
            );
        }
        for link in &found.external {
            if let Some(answer) = checked.broken.get(external::cache_key(&link.url)) {
                problems.push(
                    Problem::error(
                        "check::external-link",
                        format!("broken link `{}`", link.url),
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
    /// Nothing the build writes; the address as a reader writes it.
    Missing(String),
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
                Target::Missing(address) => {
                    found.internal += 1;
                    found.problems.push(self.missing(
                        source.file,
                        span,
                        &link.url,
                        link.kind,
                        &address,
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
            return Target::Missing(format!("{written} (it climbs above the site root)"));
        };
        match self.file_of(&path) {
            Some(file) => Target::File(file, fragment.filter(|f| !f.is_empty())),
            None => Target::Missing(format!("/{path}")),
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
        if let Some(why) = self.held_back.get(page.as_str()) {
            let (state, help) = match why {
                build::HeldBack::Draft => (
                    "a draft".to_string(),
                    "the link works once the article's `draft: true` is removed; until then readers get the not-found page".to_string(),
                ),
                build::HeldBack::Scheduled(at) => (
                    format!("scheduled for {}", at.format("%d/%m/%Y %H:%M")),
                    "the link works from the article's date on; until then readers get the not-found page".to_string(),
                ),
                build::HeldBack::Expired => (
                    "taken off the site (past its `expires:`)".to_string(),
                    "readers get the not-found page: remove the link, or the article's `expires:`".to_string(),
                ),
            };
            return Problem::warning(
                "check::link-to-held-back",
                format!("the link `{url}` leads to an article that is {state}"),
            )
            .at(file, span)
            .label("not published now")
            .help(help);
        }
        let (code, what, label) = match kind {
            LinkKind::Image => ("check::missing-image", "missing image", "no such file"),
            LinkKind::Link => ("check::broken-link", "broken link", "no such page or file"),
        };
        let mut help = format!("no page or file at {address}");
        let base = self.config.base_path.as_str();
        let unprefixed = address
            .strip_prefix(base)
            .filter(|_| base != "/")
            .and_then(|rest| self.file_of(rest).map(|_| rest));
        if let Some(rest) = unprefixed {
            help.push_str(&format!(
                "; bantin adds the base path {base} to links itself: write /{rest}"
            ));
        } else if let Some(suggestion) =
            did_you_mean(address, self.addresses.iter().map(String::as_str))
        {
            help.push_str(&format!("; did you mean {suggestion}?"));
        } else if kind == LinkKind::Image {
            help.push_str("; files in static/ are published at the site root: static/images/a.jpg is /images/a.jpg");
        }
        Problem::error(code, format!("{what} `{url}`"))
            .at(file, span)
            .label(label)
            .help(help)
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
        let (label, mut help) = match same_page {
            Some(_) => (
                "no such anchor on this page",
                format!("no heading or footnote with id `{fragment}` on this page"),
            ),
            None => (
                "no such anchor on that page",
                format!(
                    "no id `{fragment}` on {}",
                    url.split('#').next().unwrap_or(url)
                ),
            ),
        };
        let mut candidates: Vec<&str> = ids.iter().map(String::as_str).collect();
        candidates.sort_unstable();
        if let Some(suggestion) = did_you_mean(fragment, candidates.iter().copied()) {
            help.push_str(&format!("; did you mean #{suggestion}?"));
        } else if let Some(body) = same_page {
            let headings: Vec<String> =
                body.headings.iter().map(|h| format!("#{}", h.id)).collect();
            if !headings.is_empty() {
                help.push_str(&format!("; its headings: {}", headings.join(", ")));
            }
        }
        Problem::error("check::broken-anchor", format!("broken anchor `{url}`"))
            .at(file, span)
            .label(label)
            .help(help)
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
