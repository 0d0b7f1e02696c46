//! Takes what a build publishes (the paths of its files) and the links and images written in the
//! Markdown of the published articles and pages, gives each one that leads nowhere: an error at
//! the address in its file, with a `help:` (the closest address, the base-path mistake, where
//! static files go), or a warning when it leads to an article held back now (a draft, scheduled,
//! expired). `build` runs it on what it made, and fails on its errors (so does the preview);
//! `check` reports the same problems, made here once, beside what only it looks at (anchors,
//! external links, old addresses), and resolves links with it too. It sits below both.
//!
//! Each link costs a lookup in the set of published paths; the file's text is needed only to
//! point at a link that leads nowhere, so a build that keeps only the front-matter of its files
//! reads those few files again. Its messages are the link check's (`check-…` in check.ftl), its
//! problems' codes `check::…`, as `bantin check` has always reported them.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::content::Article;
use crate::markdown::{Link, LinkKind, Rendered};
use crate::messages::{Arg, Message};
use crate::model::Index;
use crate::msg;
use crate::problem::{Problem, SourceFile};
use crate::route;

/// Why an article is not on the site now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldBack {
    Draft,
    /// Dated after now: published by the first build after this time.
    Scheduled(DateTime<FixedOffset>),
    /// Past its `expires:`.
    Expired,
}

/// What the build publishes, for links to be resolved against.
pub(crate) struct Published<'c> {
    pub(crate) config: &'c Config,
    /// Output paths (`tin-tuc/a/index.html`, `images/a.jpg`).
    files: &'c HashSet<String>,
    /// Every published address as a reader writes it (`/tin-tuc/a/`, `/images/a.jpg`), sorted,
    /// for "did you mean"; made when first asked for.
    addresses: OnceLock<Vec<String>>,
    /// Articles held back now (draft, scheduled, expired), by address below the site root.
    held_back: HashMap<&'c str, HeldBack>,
}

/// Where a link leads inside the site.
pub(crate) enum Target {
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

impl<'c> Published<'c> {
    /// `files`: every output path of the build (pages, feeds, redirect pages, static files…);
    /// `held_back`: each article held back now, by its address below the site root.
    pub(crate) fn new(
        config: &'c Config,
        files: &'c HashSet<String>,
        held_back: &'c [(String, HeldBack)],
    ) -> Self {
        Published {
            config,
            files,
            addresses: OnceLock::new(),
            held_back: held_back
                .iter()
                .map(|(path, why)| (path.as_str(), *why))
                .collect(),
        }
    }

    /// Every published address, sorted.
    pub(crate) fn addresses(&self) -> &[String] {
        self.addresses.get_or_init(|| {
            let mut addresses: Vec<String> = self
                .files
                .iter()
                .map(|f| format!("/{}", f.strip_suffix("index.html").unwrap_or(f)))
                .collect();
            addresses.sort();
            addresses
        })
    }

    /// Resolves a link written on the page at `page` (a path below the site root, ending in `/`).
    pub(crate) fn resolve(&self, page: &str, url: &str) -> Target {
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
    pub(crate) fn file_of(&self, path: &str) -> Option<String> {
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

    /// The problem of a link (`url`, written at `span` of `file`) that leads to `address`, where
    /// the build publishes nothing: a warning when an article held back now is there, an error
    /// otherwise.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn missing(
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
        if let Some(why) = self.held_back_at(address).filter(|_| !above_root) {
            let (message, help) = match why {
                HeldBack::Draft => (
                    msg!("check-link-to-draft", url = url),
                    msg!("check-link-to-draft-help"),
                ),
                HeldBack::Scheduled(at) => (
                    msg!(
                        "check-link-to-scheduled",
                        url = url,
                        date = at.format("%d/%m/%Y %H:%M").to_string()
                    ),
                    msg!("check-link-to-scheduled-help"),
                ),
                HeldBack::Expired => (
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
        } else if let Some(suggestion) = closest(address, self.addresses()) {
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

    /// Why the article at `address` (as a link writes it) is held back, if one is.
    fn held_back_at(&self, address: &str) -> Option<HeldBack> {
        let below_root = address
            .strip_prefix(self.config.base_path.as_str())
            .unwrap_or(address.trim_start_matches('/'));
        if below_root.is_empty() || below_root.ends_with('/') || below_root.ends_with(".html") {
            self.held_back.get(below_root).copied()
        } else {
            self.held_back
                .get(format!("{below_root}/").as_str())
                .copied()
        }
    }
}

/// The published address a link to `address` most likely meant: one with the same last segment
/// (an article under another section, a picture in another year's folder), else the nearest by
/// spelling when at most a quarter of it differs. Addresses share long beginnings
/// (`/tin-tuc/…`), so a measure that weighs the beginning (as names are compared) would offer
/// any article for any other.
fn closest<'a>(address: &str, addresses: &'a [String]) -> Option<&'a str> {
    fn last(a: &str) -> &str {
        a.trim_end_matches('/').rsplit('/').next().unwrap_or("")
    }
    let wanted = last(address);
    if !wanted.is_empty()
        && let Some(same) = addresses.iter().find(|a| last(a) == wanted)
    {
        return Some(same);
    }
    addresses
        .iter()
        .map(|a| (strsim::normalized_levenshtein(address, a), a.as_str()))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|x, y| x.0.total_cmp(&y.0).then_with(|| y.1.cmp(x.1)))
        .map(|(_, a)| a)
}

/// A `help:` of two parts, `first; then`, or only the first.
pub(crate) fn then(first: Message, then: Option<Message>) -> Message {
    match then {
        Some(then) => msg!("check-then", first = first, then = then),
        None => first,
    }
}

/// One published article or page as the link check reads it.
pub(crate) struct Body<'a> {
    pub file: &'a SourceFile,
    /// The line of `file` where the Markdown body starts.
    pub body_line: usize,
    pub body: &'a Rendered,
    /// Its URL path below the site root: `tin-tuc/a/`.
    pub path: String,
}

impl<'a> Body<'a> {
    fn of_article(article: &'a Article) -> Body<'a> {
        Body {
            file: &article.file,
            body_line: article.body_line,
            body: &article.body,
            path: article.path.clone(),
        }
    }
}

/// Every published article and page of the index.
pub(crate) fn bodies(index: &Index) -> impl Iterator<Item = Body<'_>> {
    let articles = index.articles.iter().map(|a| Body::of_article(a));
    let pages = index.pages.iter().map(|page| Body {
        file: &page.file,
        body_line: page.body_line,
        body: &page.body,
        path: route::page(&page.path),
    });
    articles.chain(pages)
}

/// What the last look-up found in each article, for the preview's next build: an article the
/// build took unchanged from its memo (the same `Arc`) whose links are looked up against the
/// same published paths, held-back articles and settings has the same problems. A save then
/// looks up only the saved article's links, not the whole site's.
#[derive(Default)]
pub struct Remembered {
    keep: bool,
    /// The fingerprint of what the links were looked up against (`Published::fingerprint`).
    against: u64,
    /// Each article of the last index, in its order, with its problems. The `Arc` kept here
    /// keeps the article's address in memory its own, so the same address is the same article.
    articles: Vec<(Arc<Article>, Vec<Problem>)>,
}

impl Remembered {
    /// Remembers from one build to the next (the preview); `Remembered::default()` does not.
    pub fn keeping() -> Remembered {
        Remembered {
            keep: true,
            ..Remembered::default()
        }
    }
}

impl Published<'_> {
    /// What the problems of a link depend on beside its own article: the settings (base_url,
    /// base path), the published paths (in any order) and the held-back articles.
    fn fingerprint(&self) -> u64 {
        let mut h = std::hash::DefaultHasher::new();
        self.config.fingerprint().hash(&mut h);
        // A sum of each path's hash: the same whatever the set's order. FNV-1a, as the paths
        // are short and there are as many as pages.
        let paths = self
            .files
            .par_iter()
            .map(|path| {
                path.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
                })
            })
            .reduce(|| 0, u64::wrapping_add);
        (paths, self.files.len()).hash(&mut h);
        let mut held: Vec<(&&str, &HeldBack)> = self.held_back.iter().collect();
        held.sort_unstable_by_key(|(path, _)| **path);
        for (path, why) in held {
            path.hash(&mut h);
            match why {
                HeldBack::Draft => 0u8.hash(&mut h),
                HeldBack::Scheduled(at) => (1u8, at.timestamp()).hash(&mut h),
                HeldBack::Expired => 2u8.hash(&mut h),
            }
        }
        h.finish()
    }
}

/// Every link and image of every published article and page that leads nowhere the build
/// publishes: errors, and warnings for held-back articles (see `Published::missing`), each at
/// its address in its file, in the order of the index. External links are not fetched and
/// `#anchors` not looked up here (`bantin check` does both). `remembered` gives what the last
/// build found in the articles that did not change, and keeps what this one found.
pub(crate) fn leading_nowhere(
    published: &Published<'_>,
    index: &Index,
    remembered: &mut Remembered,
) -> Vec<Problem> {
    let root = published.config.root.as_path();
    let mut last = std::mem::take(&mut remembered.articles);
    if remembered.keep {
        let against = published.fingerprint();
        if against != remembered.against {
            last.clear();
            remembered.against = against;
        }
    }
    // An edit usually leaves every other article where it was in the index; when articles
    // moved (a new date or title), they are found by address.
    let key = |article: &Arc<Article>| Arc::as_ptr(article) as usize;
    let moved: OnceLock<HashMap<usize, usize>> = OnceLock::new();
    let earlier = |i: usize, article: &Arc<Article>| {
        if let Some((same, problems)) = last.get(i)
            && Arc::ptr_eq(same, article)
        {
            return Some(problems);
        }
        let at = moved.get_or_init(|| {
            last.iter()
                .enumerate()
                .map(|(j, (a, _))| (key(a), j))
                .collect()
        });
        at.get(&key(article)).map(|&j| &last[j].1)
    };
    let found: Vec<Vec<Problem>> = index
        .articles
        .par_iter()
        .enumerate()
        .map(|(i, article)| match earlier(i, article) {
            Some(problems) => problems.clone(),
            None => body_leading_nowhere(published, root, &Body::of_article(article)),
        })
        .collect();
    if remembered.keep {
        remembered.articles = index
            .articles
            .iter()
            .zip(&found)
            .map(|(article, problems)| (Arc::clone(article), problems.clone()))
            .collect();
    }
    let pages = index.pages.iter().flat_map(|page| {
        let body = Body {
            file: &page.file,
            body_line: page.body_line,
            body: &page.body,
            path: route::page(&page.path),
        };
        body_leading_nowhere(published, root, &body)
    });
    found.into_iter().flatten().chain(pages).collect()
}

/// The links of one body that lead nowhere.
fn body_leading_nowhere(published: &Published<'_>, root: &Path, body: &Body<'_>) -> Vec<Problem> {
    let links = &body.body.links;
    let targets: Vec<Target> = links
        .iter()
        .map(|link| published.resolve(&body.path, &link.url))
        .collect();
    let Some(last) = targets
        .iter()
        .rposition(|t| matches!(t, Target::Missing { .. }))
    else {
        return Vec::new();
    };
    // The whole text, to point into the body: a build keeps only the front-matter.
    let Some(read) = whole_text(root, body) else {
        // The file is gone since it was read: named, without a place in it.
        let mut problems = Vec::new();
        for (link, target) in links.iter().zip(&targets) {
            if let Target::Missing {
                address,
                above_root,
            } = target
            {
                let mut problem =
                    published.missing(body.file, 0..0, &link.url, link.kind, address, *above_root);
                problem.span = None;
                problems.push(problem);
            }
        }
        return problems;
    };
    let file = read.as_ref().unwrap_or(body.file);
    // Every link up to the last one that leads nowhere is located, in order, so that each
    // claims its own occurrence of an address written twice, as `bantin check` locates them.
    let mut locator = Locator::new(file, body.body_line);
    let mut problems = Vec::new();
    for (link, target) in links.iter().zip(&targets).take(last + 1) {
        let Link { url, line, kind } = link;
        if matches!(target, Target::Skip) {
            continue;
        }
        let span = locator.find(url, *line);
        if let Target::Missing {
            address,
            above_root,
        } = target
        {
            problems.push(published.missing(file, span, url, *kind, address, *above_root));
        }
    }
    problems
}

/// The file of `body` with its whole text: `Some(None)` when the one kept already has it,
/// `Some(Some(file))` read again from disk (as the content loader reads it: without a byte-order
/// mark, in NFC), `None` when it cannot be read any more.
fn whole_text(root: &Path, body: &Body<'_>) -> Option<Option<SourceFile>> {
    let kept = body.file;
    if kept.text.len() > kept.offset_of(body.body_line, 0) {
        return Some(None);
    }
    let bytes = std::fs::read(root.join(&kept.path)).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text: String = text.nfc().collect();
    Some(Some(SourceFile::new(kept.path.clone(), text)))
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

pub(crate) use crate::route::{normalize, percent_decode};

/// Finds where a link's URL is written in its file, so the caret sits under it. The parser gives
/// the line the link starts on; the URL may be further on (a link text over two lines) or in a
/// reference definition elsewhere. Each occurrence is claimed once, so two links to the same URL
/// on one line point at their own text.
pub(crate) struct Locator<'a> {
    file: &'a SourceFile,
    body_line: usize,
    claimed: HashSet<usize>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(file: &'a SourceFile, body_line: usize) -> Self {
        Locator {
            file,
            body_line,
            claimed: HashSet::new(),
        }
    }

    pub(crate) fn find(&mut self, url: &str, body_line: usize) -> Range<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

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
    fn suggests_only_close_addresses() {
        let addresses: Vec<String> = [
            "/",
            "/gioi-thieu/",
            "/images/2023/giao-luu-viet-nhat.jpg",
            "/images/2023/khong-co.jpg",
            "/tin-tuc/hoi-nghi/",
            "/doi-ngoai/gap-mat/",
            "/tinh/hai-phong/",
        ]
        .map(String::from)
        .into();
        let cases = [
            ("/gioi-thieu-cu/", Some("/gioi-thieu/")),
            ("/tin-tuc/hoi-ngi/", Some("/tin-tuc/hoi-nghi/")),
            ("/tin-tuc/gap-mat/", Some("/doi-ngoai/gap-mat/")),
            (
                "/images/2024/khong-co.jpg",
                Some("/images/2023/khong-co.jpg"),
            ),
            ("/images/2024/anh-khac.jpg", None),
            ("/tin-tuc/bai-khong-co/", None),
        ];
        for (address, want) in cases {
            assert_eq!(closest(address, &addresses), want, "{address}");
        }
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

    fn config() -> Config {
        let toml = "title = \"T\"\nbase_url = \"https://example.vn/cong/\"\nprovince = \"An Giang\"\n\
                    [organization]\nname = \"L\"\nparent = \"P\"\naddress = \"A\"\n\
                    phone = \"0297 000 000\"\nemail = \"a@example.vn\"\neditor = \"E\"\n";
        Config::parse(
            Path::new("."),
            SourceFile::new("site.toml", toml),
            &crate::config::Overrides::default(),
            crate::provinces::Provinces::builtin(),
        )
        .unwrap_or_else(|p| panic!("{p:?}"))
    }

    /// Resolves `url` on the home page of a site of three files, under the base path `/cong/`,
    /// with one draft, and gives the problem of a link that leads nowhere.
    fn broken(url: &str, kind: LinkKind) -> Problem {
        let config = config();
        let files: HashSet<String> = ["index.html", "tin-tuc/hoi-nghi/index.html", "images/a.jpg"]
            .into_iter()
            .map(String::from)
            .collect();
        let held_back = [("tin-tuc/nhap/".to_string(), HeldBack::Draft)];
        let published = Published::new(&config, &files, &held_back);
        let file = SourceFile::new("content/tin-tuc/a.md", format!("---\n---\n[x]({url})\n"));
        let Target::Missing {
            address,
            above_root,
        } = published.resolve("", url)
        else {
            panic!("{url} resolves");
        };
        published.missing(&file, 12..12 + url.len(), url, kind, &address, above_root)
    }

    #[test]
    fn a_link_to_nowhere_is_explained_in_both_languages() {
        let p = broken("/tin-tuc/hoi-ngi/", LinkKind::Link);
        assert_eq!(p.code, "check::broken-link");
        assert_eq!(p.location().as_deref(), Some("content/tin-tuc/a.md:3:5"));
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
        let p = broken("/cong/images/a.jpg", LinkKind::Image);
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
        let p = broken("../../x.jpg", LinkKind::Image);
        assert!(
            p.shown(Lang::Vi)
                .help
                .unwrap()
                .starts_with("không có trang hay tệp nào ở địa chỉ ../../x.jpg (địa chỉ này vượt"),
        );

        // A draft: a warning.
        let p = broken("/tin-tuc/nhap/", LinkKind::Link);
        assert!(!p.is_error());
        assert_eq!(
            p.shown(Lang::Vi).message,
            "liên kết `/tin-tuc/nhap/` dẫn tới một bài viết còn là bản nháp"
        );
        assert_eq!(
            p.shown(Lang::En).help.as_deref(),
            Some(
                "the link works once the article's `draft: true` is removed; until then \
                 readers get the not-found page"
            )
        );
    }
}
