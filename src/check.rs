//! Takes a site's folder and gives every broken link of its Markdown: compiles the site in memory
//! (so everything `build` checks is checked, the links and images that lead nowhere among it:
//! see `crate::links`), then looks up each `#anchor` against the ids of its target page. With
//! `external`, http(s) links are fetched too (see `external`); with `old_urls`, the old site's
//! addresses are looked up (see `old_urls`). Nothing is written but the external-link cache.

pub mod documents;
mod external;
mod old_urls;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::build::{self, BuildError};
use crate::markdown::Rendered;
use crate::messages::Lang;
use crate::msg;
use crate::problem::{Problem, Severity, SourceFile, did_you_mean};
use crate::route;

/// Other modules decode with it (imports, the preview) through here too.
pub(crate) use crate::links::percent_decode;
use crate::links::{self, Body, Locator, Published, Target, then};
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
    /// What the articles and pages cite (see `documents`).
    pub cited: documents::Cited,
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
    let compiled = build::compile_for_check(&build::Options {
        keep_source_text: true,
        strict: false,
        foreign: crate::output::Foreign::Refuse,
        ..options.build.clone()
    })?;
    let files: HashSet<String> = compiled
        .files
        .iter()
        .map(|o| o.path.clone())
        .chain(compiled.statics.keys().cloned())
        .collect();
    let site = Published::new(&compiled.config, &files, &compiled.schedule.held_back);
    let html: HashMap<&str, &[u8]> = compiled
        .files
        .iter()
        .filter(|o| o.path.ends_with(".html"))
        .map(|o| (o.path.as_str(), &o.bytes[..]))
        .collect();
    let mut found = Found::default();
    for body in links::bodies(&compiled.index) {
        check_source(&site, &html, &body, &mut found);
    }

    // The build's warnings, then the links that lead nowhere, which the compile found (as
    // `build` finds them) and handed over instead of failing, then the broken anchors.
    let mut problems = compiled.warnings.clone();
    problems.extend(compiled.links.iter().cloned());
    problems.append(&mut found.problems);
    let (cited, dated) = documents::cited(&compiled.index);
    problems.extend(dated);
    let mut report = Report {
        articles: compiled.index.articles.len(),
        pages: compiled.index.pages.len(),
        links: found.internal,
        external_links: 0,
        external_skipped: 0,
        from_cache: 0,
        old_urls: None,
        cited,
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

/// Follows every link of one article or page: counts the internal ones (those that lead nowhere
/// were reported by the compile), collects the external ones, and looks each `#anchor` up.
fn check_source<'a>(
    site: &Published<'_>,
    html: &HashMap<&str, &[u8]>,
    source: &Body<'a>,
    found: &mut Found<'a>,
) {
    let mut locator = Locator::new(source.file, source.body_line);
    let mut ids_of: HashMap<String, HashSet<String>> = HashMap::new();
    for link in &source.body.links {
        let target = site.resolve(&source.path, &link.url);
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
            Target::Missing { .. } => {
                found.internal += 1;
                continue;
            }
            Target::File(path, fragment) => (path, fragment),
        };
        found.internal += 1;
        let Some(fragment) = fragment else { continue };
        let Some(html) = html.get(path.as_str()) else {
            // A fragment of an image or a feed, or of a static HTML file: nothing to check.
            continue;
        };
        let ids = ids_of.entry(path.clone()).or_insert_with(|| html_ids(html));
        if !ids.contains(&fragment) {
            let same_page = path == route::output_file(&source.path);
            found.problems.push(bad_anchor(
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

/// A `#fragment` that the page it names does not have.
fn bad_anchor(
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
        let headings: Vec<String> = body.headings.iter().map(|h| format!("#{}", h.id)).collect();
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
    /// References to documents in the bodies, how many the library links, and (with
    /// `--missing-documents`) the documents cited that it lacks.
    pub documents: documents::Cited,
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
                documents: r.cited.clone(),
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
    fn scans_ids() {
        let ids =
            html_ids(br##"<h2 id="ket-qua">x</h2><a href="#x" id='fn-1'>1</a><div data-id="no">"##);
        let mut ids: Vec<_> = ids.into_iter().collect();
        ids.sort();
        assert_eq!(ids, ["fn-1", "ket-qua"]);
    }

    #[test]
    fn a_broken_anchor_names_the_headings_in_both_languages() {
        let file = SourceFile::new(
            "content/a.md",
            "---
---
[x](#ket-qa)
",
        );
        let body = crate::markdown::Rendered {
            headings: Vec::new(),
            ..Default::default()
        };
        let ids: HashSet<String> = ["ket-qua".to_string()].into();
        let p = bad_anchor(&file, 12..19, "#ket-qa", "ket-qa", Some(&body), &ids);
        assert_eq!(
            p.shown(Lang::En).help.as_deref(),
            Some("no heading or footnote with id `ket-qa` on this page; did you mean #ket-qua?")
        );
        assert_eq!(
            p.shown(Lang::Vi).help.as_deref(),
            Some(
                "trang này không có tiêu đề hay chú thích nào mang mã (id) `ket-qa`; \
                 có phải ý bạn là `#ket-qua`?"
            )
        );
    }
}
