//! Takes a list of the old site's addresses (one URL or path per line, from its sitemap or an
//! access log) and the compiled site, gives each old address that would now be lost — the host
//! would answer 404, or show the home page in place of what `?p=123` named — with the closest
//! address the site has. An address is kept when it leads to a page or file (`x` as
//! `x/index.html`, as static hosts serve it), a redirect page (`aliases:`, `[redirects]`) or an
//! entry of the redirect map (an old address with a query string).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::build::Compiled;
use crate::links::{Published, normalize, percent_decode};
use crate::locale;
use crate::messages::Message;
use crate::msg;
use crate::problem::{Problem, SourceFile, did_you_mean};
use crate::route;

/// How many old addresses were checked, and what became of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OldUrls {
    pub checked: usize,
    pub kept: usize,
    pub lost: usize,
}

/// One old address as read from its line.
#[derive(Debug, PartialEq, Eq)]
struct Old {
    /// The path below the site root, percent-decoded, with its leading `/`.
    path: String,
    /// The query string as written, without `?`; empty when there is none.
    query: String,
}

/// Checks every old address in `list` (the text of the file shown as `display`) against the
/// compiled site: the summary, and a problem for each address that would be lost.
pub(super) fn check(
    display: &str,
    list: &str,
    site: &Published<'_>,
    compiled: &Compiled,
) -> (OldUrls, Vec<Problem>) {
    let file = SourceFile::new(display, list);
    let map: BTreeMap<String, String> = compiled
        .files
        .iter()
        .find(|f| f.path == route::REDIRECT_MAP)
        .and_then(|f| serde_json::from_slice(&f.bytes).ok())
        .unwrap_or_default();
    let mut summary = OldUrls::default();
    let mut problems = Vec::new();
    let mut offset = 0;
    for line in list.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some((written, at)) = token(line) else {
            continue;
        };
        let span = start + at..start + at + written.len();
        summary.checked += 1;
        let old = read(written, &site.config.base_url);
        match lost(&old, site, &map) {
            None => summary.kept += 1,
            Some(why) => {
                summary.lost += 1;
                problems.push(
                    Problem::error(
                        "check::old-url-lost",
                        msg!("check-old-url-lost", address = written),
                    )
                    .at(&file, span)
                    .label(why)
                    .help(help(&old, site, compiled)),
                );
            }
        }
    }
    (summary, problems)
}

/// The address on a line and where it starts: its first word, unless the line is blank or a
/// `#` comment.
fn token(line: &str) -> Option<(&str, usize)> {
    let trimmed = line.trim_start();
    let word = trimmed.split_whitespace().next()?;
    if word.starts_with('#') {
        return None;
    }
    Some((word, line.len() - trimmed.len()))
}

/// An old URL or path as the site sees it: a full URL gives its path and query (a URL of the
/// site itself loses its base path too); percent-escapes in the path are decoded; a fragment
/// is dropped.
fn read(written: &str, base_url: &str) -> Old {
    let without_fragment = written.split('#').next().unwrap_or("");
    let rest = if let Some(below) = without_fragment
        .strip_prefix(base_url)
        .filter(|_| !base_url.is_empty())
    {
        format!("/{below}")
    } else if let Some((_, after)) = without_fragment.split_once("://").filter(|(scheme, _)| {
        scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
    }) {
        match after.find(['/', '?']) {
            Some(i) if after[i..].starts_with('?') => format!("/{}", &after[i..]),
            Some(i) => after[i..].to_string(),
            None => "/".to_string(),
        }
    } else if without_fragment.starts_with('/') {
        without_fragment.to_string()
    } else {
        format!("/{without_fragment}")
    };
    let (path, query) = rest.split_once('?').unwrap_or((&rest, ""));
    Old {
        path: percent_decode(path),
        query: query.to_string(),
    }
}

/// Why `old` would be lost, or `None` when it still leads somewhere.
fn lost(old: &Old, site: &Published<'_>, map: &BTreeMap<String, String>) -> Option<Message> {
    let file = normalize(old.path.trim_start_matches('/')).and_then(|p| site.file_of(&p));
    if old.query.is_empty() {
        return file.is_none().then(|| msg!("check-old-url-lost-nothing"));
    }
    // As the home and 404 pages' script looks it up: as written, the other trailing-slash
    // form, decoded.
    let other = match old.path.strip_suffix('/') {
        Some(bare) if !bare.is_empty() => bare.to_string(),
        Some(_) => old.path.clone(),
        None => format!("{}/", old.path),
    };
    let keys = [
        route::redirect_map_key(&old.path, &old.query),
        route::redirect_map_key(&other, &old.query),
        route::redirect_map_key(&old.path, &percent_decode(&old.query)),
    ];
    if keys.iter().any(|k| map.contains_key(k)) {
        return None;
    }
    match file {
        // The query named a post or page of the old site (`/?p=123`): the home page is not it.
        Some(file) if file == route::output_file("") => Some(msg!("check-old-url-lost-home")),
        Some(_) => None,
        None => Some(msg!("check-old-url-lost-no-entry")),
    }
}

/// The closest address the site has, and how to keep the old one working.
fn help(old: &Old, site: &Published<'_>, compiled: &Compiled) -> Message {
    let written = if old.query.is_empty() {
        old.path.clone()
    } else {
        route::redirect_map_key(&old.path, &old.query)
    };
    let redirect = msg!("check-old-url-redirect", address = &written);
    if !old.query.is_empty() && old.path.trim_matches('/').is_empty() {
        return msg!(
            "check-old-url-help-query",
            address = &written,
            redirect = redirect
        );
    }
    // The old address's last segment, as a slug: WordPress's /2019/05/27/hoi-nghi/ is the
    // article whose slug is hoi-nghi.
    let last = old
        .path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let stem = [".html", ".htm", ".php", ".aspx", ".asp"]
        .iter()
        .find_map(|ext| last.strip_suffix(ext))
        .unwrap_or(last);
    let slug = locale::slugify(stem);
    let same_slug = (!slug.is_empty())
        .then(|| {
            let article = compiled
                .index
                .articles
                .iter()
                .find(|a| a.slug == slug)
                .map(|a| (format!("/{}", a.path), &a.file.path));
            article.or_else(|| {
                compiled
                    .index
                    .pages
                    .iter()
                    .find(|p| p.path.rsplit('/').next() == Some(slug.as_str()))
                    .map(|p| (format!("/{}", route::page(&p.path)), &p.file.path))
            })
        })
        .flatten();
    if let Some((address, file)) = same_slug {
        return msg!(
            "check-old-url-help-same-slug",
            suggestion = address,
            address = &written,
            file = file,
            redirect = redirect
        );
    }
    match did_you_mean(&old.path, site.addresses().iter().map(String::as_str)) {
        Some(address) => msg!(
            "check-old-url-help-close",
            suggestion = address,
            redirect = redirect
        ),
        None => msg!("check-old-url-help-none", redirect = redirect),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_urls_paths_and_comments() {
        let base = "https://example.org/cong/";
        // (line, the old address it gives)
        let cases = [
            ("https://old.example.vn/?p=123", ("/", "p=123")),
            ("http://old.example.vn", ("/", "")),
            ("https://old.example.vn?page_id=5", ("/", "page_id=5")),
            (
                "https://old.example.vn/2019/05/h%E1%BB%99i-ngh%E1%BB%8B/#binh-luan",
                ("/2019/05/hội-nghị/", ""),
            ),
            ("/index.php?page_id=5", ("/index.php", "page_id=5")),
            ("tin-tuc/a", ("/tin-tuc/a", "")),
            ("https://example.org/cong/gioi-thieu/", ("/gioi-thieu/", "")),
        ];
        for (line, (path, query)) in cases {
            let old = read(line, base);
            assert_eq!(
                (old.path.as_str(), old.query.as_str()),
                (path, query),
                "{line}"
            );
        }
        assert_eq!(token("  /a/ 200 GET\n"), Some(("/a/", 2)));
        assert_eq!(token("# the old sitemap\n"), None);
        assert_eq!(token("   \n"), None);
    }
}
