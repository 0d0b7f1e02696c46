//! Offline link checker: takes a built site's output folder and its base_url, gives every
//! broken internal reference — a link, image, script, stylesheet, srcset candidate, meta-refresh
//! target or CSS `url()` that names no file of the output, or a `#fragment` that names no id of
//! its target page — as one line each, so a test can report them all at once.
//!
//! It reads the files the way a static host serves them: `/base/x/` is `x/index.html`, `/base/x.css`
//! is `x.css`, and anything outside the base path does not exist (a GitHub Pages project site
//! answers nothing else). External URLs are not fetched.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::support;

/// Attributes that hold one URL, on any element (an `href` on `<a>`, `<link>`, `<area>`; a
/// `src` on `<img>`, `<script>`, `<source>`, `<iframe>`...).
const URL_ATTRIBUTES: [&str; 6] = ["href", "src", "poster", "action", "formaction", "data"];

/// One reference found in a file: where, in what, and the URL as written.
#[derive(Debug, Clone)]
struct Reference {
    /// e.g. `<img src>`, `<meta refresh>`, `css url()`.
    what: String,
    url: String,
}

/// What one HTML page offers and asks for.
#[derive(Debug, Default)]
struct Page {
    ids: HashSet<String>,
    references: Vec<Reference>,
}

/// Every broken internal reference of the site in `out`, as `<file>: <what> "<url>": <reason>`,
/// sorted. `base_url` is the site's absolute base URL (its path is the base path).
pub fn check(out: &Path, base_url: &str) -> Vec<String> {
    let site = Site::new(out, base_url);
    let mut pages: HashMap<String, Page> = HashMap::new();
    let mut stylesheets: Vec<(String, Vec<Reference>)> = Vec::new();
    for rel in &site.files {
        if rel.ends_with(".html") {
            pages.insert(rel.clone(), parse_html(&support::read(&out.join(rel))));
        } else if rel.ends_with(".css") {
            stylesheets.push((rel.clone(), css_references(&support::read(&out.join(rel)))));
        }
    }

    let mut problems = BTreeSet::new();
    let mut check_one = |source: &str, reference: &Reference| {
        if let Err(reason) = site.resolve(source, &reference.url, &pages) {
            problems.insert(format!(
                "{source}: {} {:?}: {reason}",
                reference.what, reference.url
            ));
        }
    };
    for (rel, page) in &pages {
        for reference in &page.references {
            check_one(rel, reference);
        }
    }
    for (rel, references) in &stylesheets {
        for reference in references {
            check_one(rel, reference);
        }
    }
    let mut malformed = Vec::new();
    if site.files.contains("_redirects") {
        let (references, bad_lines) = redirect_targets(&support::read(&out.join("_redirects")));
        for reference in references {
            check_one("_redirects", &reference);
        }
        malformed = bad_lines;
    }
    for line in malformed {
        problems.insert(format!("_redirects: line {line:?} has no target"));
    }
    problems.into_iter().collect()
}

/// The output folder as a static host sees it.
struct Site {
    /// Every file, relative with forward slashes.
    files: BTreeSet<String>,
    /// Every folder, relative with forward slashes, without a trailing slash.
    dirs: HashSet<String>,
    /// The path of base_url: "/" or "/portal/".
    base_path: String,
    /// base_url itself, with its trailing slash.
    base_url: String,
}

impl Site {
    fn new(out: &Path, base_url: &str) -> Site {
        let base_url = format!("{}/", base_url.trim_end_matches('/'));
        let after_scheme = base_url.split_once("://").map_or("", |(_, rest)| rest);
        let base_path = after_scheme
            .find('/')
            .map_or("/".to_string(), |i| after_scheme[i..].to_string());
        let mut files = BTreeSet::new();
        let mut dirs = HashSet::new();
        list(out, out, &mut files, &mut dirs);
        Site {
            files,
            dirs,
            base_path,
            base_url,
        }
    }

    /// Checks one URL written in the file `source`; Ok when it is external, or internal and
    /// served by a file (with the fragment's id, if any), Err with the reason otherwise.
    fn resolve(
        &self,
        source: &str,
        url: &str,
        pages: &HashMap<String, Page>,
    ) -> Result<(), String> {
        let url = url.trim();
        let lower = url.to_ascii_lowercase();
        if ["mailto:", "tel:", "data:", "javascript:", "sms:"]
            .iter()
            .any(|scheme| lower.starts_with(scheme))
        {
            return Ok(());
        }
        // The site's own absolute URLs (canonical, og:image...) are internal too.
        let path = if let Some(rest) = url.strip_prefix(&self.base_url) {
            format!("{}{rest}", self.base_path)
        } else if url.trim_end_matches('/') == self.base_url.trim_end_matches('/') {
            self.base_path.clone()
        } else if lower.starts_with("http://")
            || lower.starts_with("https://")
            || url.starts_with("//")
        {
            return Ok(());
        } else if url
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'))
        {
            // Another scheme (skype:, zalo:...): nothing to check offline.
            return Ok(());
        } else {
            self.join(source, url)
        };

        let (path, fragment) = match path.split_once('#') {
            Some((path, fragment)) => (path.to_string(), Some(fragment.to_string())),
            None => (path, None),
        };
        let path = path.split('?').next().unwrap_or_default();
        let Some(rel) = path.strip_prefix(&self.base_path) else {
            return Err(format!("outside the base path {}", self.base_path));
        };
        let rel = percent_decode(rel);
        if rel.split('/').any(|segment| segment == "..") {
            return Err("climbs above the site root".to_string());
        }
        let target = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else if self.dirs.contains(&rel) {
            return Err(format!("names the folder {rel} without its trailing slash"));
        } else {
            rel
        };
        if !self.files.contains(&target) {
            return Err(format!("no file {target} in the output"));
        }
        let Some(fragment) = fragment.map(|f| percent_decode(&f)) else {
            return Ok(());
        };
        // An empty fragment and "#top" scroll to the top of any page (HTML "scroll to the
        // fragment" rules), so they need no element.
        if fragment.is_empty() || fragment.eq_ignore_ascii_case("top") {
            return Ok(());
        }
        match pages.get(&target) {
            Some(page) if page.ids.contains(&fragment) => Ok(()),
            Some(_) => Err(format!("no id=\"{fragment}\" in {target}")),
            None => Err(format!(
                "#{fragment} points into {target}, which is not an HTML page"
            )),
        }
    }

    /// Resolves a relative reference (`x/`, `../y`, `#f`, `?q`, `/root`) against the URL of
    /// the file `source`, giving an absolute path with any `#fragment` kept.
    fn join(&self, source: &str, url: &str) -> String {
        if url.starts_with('/') {
            return url.to_string();
        }
        // The URL a file is served at: `a/index.html` is `/base/a/`, `a/b.css` is itself.
        let served = match source.strip_suffix("index.html") {
            Some(folder) => format!("{}{folder}", self.base_path),
            None => format!("{}{source}", self.base_path),
        };
        if url.starts_with('#') || url.is_empty() {
            return format!("{served}{url}");
        }
        if url.starts_with('?') {
            return served;
        }
        let folder = &served[..served.rfind('/').map_or(0, |i| i + 1)];
        let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
        let (path_part, rest) = match url.find(['?', '#']) {
            Some(i) => (&url[..i], &url[i..]),
            None => (url, ""),
        };
        let trailing = path_part.ends_with('/') || path_part.ends_with("/.") || path_part == ".";
        for segment in path_part.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    if segments.pop().is_none() {
                        // Above the host root: keep a marker so the check reports it.
                        segments.push("..");
                    }
                }
                other => segments.push(other),
            }
        }
        let mut joined = format!("/{}", segments.join("/"));
        if trailing && !joined.ends_with('/') {
            joined.push('/');
        }
        format!("{joined}{rest}")
    }
}

fn list(root: &Path, dir: &Path, files: &mut BTreeSet<String>, dirs: &mut HashSet<String>) {
    for path in support::read_dir_sorted(dir) {
        let rel = relative(root, &path);
        if path.is_dir() {
            dirs.insert(rel);
            list(root, &path, files, dirs);
        } else {
            files.insert(rel);
        }
    }
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The ids and outgoing references of one HTML page.
fn parse_html(html: &str) -> Page {
    let mut emitter = DefaultEmitter::default();
    // Without this, the text of <script> and <style> would be read as markup.
    emitter.naively_switch_states(true);
    let mut page = Page::default();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        let Token::StartTag(tag) = token else {
            continue;
        };
        let name = String::from_utf8_lossy(&tag.name).to_string();
        let attribute = |key: &str| {
            tag.attributes
                .get(key.as_bytes())
                .map(|value| String::from_utf8_lossy(&value.value).to_string())
        };
        if let Some(id) = attribute("id") {
            page.ids.insert(id);
        }
        // <a name> is still a fragment target for browsers.
        if name == "a"
            && let Some(anchor) = attribute("name")
        {
            page.ids.insert(anchor);
        }
        for key in URL_ATTRIBUTES {
            if let Some(url) = attribute(key) {
                page.references.push(Reference {
                    what: format!("<{name} {key}>"),
                    url,
                });
            }
        }
        for key in ["srcset", "imagesrcset"] {
            if let Some(srcset) = attribute(key) {
                for url in srcset_urls(&srcset) {
                    page.references.push(Reference {
                        what: format!("<{name} {key}>"),
                        url,
                    });
                }
            }
        }
        if name == "meta" {
            let refresh =
                attribute("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh"));
            if refresh && let Some(url) = attribute("content").and_then(|c| refresh_url(&c)) {
                page.references.push(Reference {
                    what: "<meta refresh>".to_string(),
                    url,
                });
            }
            // og:image and friends are absolute; when they name our site, the file must exist.
            let property = attribute("property")
                .or_else(|| attribute("name"))
                .unwrap_or_default();
            if (property.ends_with(":image") || property.ends_with(":url"))
                && let Some(url) = attribute("content")
            {
                page.references.push(Reference {
                    what: format!("<meta {property}>"),
                    url,
                });
            }
        }
    }
    page
}

/// The paths of a `_redirects` file (Netlify / Cloudflare Pages: `from to [status]` per line).
/// Both ends must exist in the output: the target page, and for `from` the redirect page a
/// host without `_redirects` support (GitHub Pages) serves instead — so `from` is checked as
/// its folder, `from/` (or the file itself for an old `.html` address). Lines with splats or
/// placeholders are host rules, not paths; lines with query conditions are checked by their target.
/// Gives the references and the lines that have no target.
fn redirect_targets(text: &str) -> (Vec<Reference>, Vec<String>) {
    let mut references = Vec::new();
    let mut malformed = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // Netlify's query conditions (`/ p=123 /tin-tuc/a/ 301!`) sit between the two ends;
        // such an address has no page of its own (the redirect map serves it), only a target.
        let mut fields: Vec<&str> = line.split_whitespace().collect();
        let conditions = fields.len();
        fields.retain(|f| !(f.contains('=') && !f.starts_with('/') && !f.contains("://")));
        let has_query = fields.len() != conditions;
        let [from, to, ..] = fields[..] else {
            malformed.push(line.to_string());
            continue;
        };
        if line.contains('*') || line.contains("/:") {
            continue;
        }
        if has_query {
            references.push(Reference {
                what: "_redirects to".to_string(),
                url: to.to_string(),
            });
            continue;
        }
        // An old `.html` address is a file of its own; any other is a folder's page.
        let from = if from.ends_with(".html") || from.ends_with(".htm") {
            from.to_string()
        } else {
            format!("{}/", from.trim_end_matches('/'))
        };
        references.push(Reference {
            what: "_redirects from".to_string(),
            url: from,
        });
        references.push(Reference {
            what: "_redirects to".to_string(),
            url: to.to_string(),
        });
    }
    (references, malformed)
}

/// The URLs of a srcset: comma-separated candidates, each a URL and an optional descriptor.
fn srcset_urls(srcset: &str) -> Vec<String> {
    srcset
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// The target of `<meta http-equiv="refresh" content="0; url=/x/">`, if it names one.
fn refresh_url(content: &str) -> Option<String> {
    let (_, rest) = content.split_once([';', ','])?;
    let rest = rest.trim_start();
    let rest = if rest.len() >= 4 && rest[..4].eq_ignore_ascii_case("url=") {
        &rest[4..]
    } else {
        rest
    };
    let url = rest.trim().trim_matches(['"', '\'']);
    (!url.is_empty()).then(|| url.to_string())
}

/// The `url(...)` references of a stylesheet, skipping comments.
fn css_references(css: &str) -> Vec<Reference> {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    text.push_str(rest);
    let mut references = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("url(") {
        let after = &rest[start + 4..];
        let Some(end) = after.find(')') else {
            break;
        };
        let url = after[..end].trim().trim_matches(['"', '\'']).to_string();
        if !url.is_empty() {
            references.push(Reference {
                what: "css url()".to_string(),
                url,
            });
        }
        rest = &after[end..];
    }
    references
}

/// Decodes %XX escapes (as UTF-8); anything malformed is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| char::from(b).to_digit(16);
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::{empty_site, write};

    const BASE: &str = "https://example.github.io/portal/";

    fn page(body: &str) -> String {
        format!(
            "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>t</title>\
             <link rel=\"stylesheet\" href=\"/portal/css/site.css\"></head><body>{body}</body></html>"
        )
    }

    /// A small site whose every reference is good: the checker must find nothing.
    fn good_site(root: &Path) {
        write(
            &root.join("index.html"),
            page(
                "<a href=\"/portal/tin-tuc/a/\">a</a> <a href=\"/portal/tin-tuc/a/#binh-luan\">c</a>\
                 <a href=\"tin-tuc/a/\">relative</a> <a href=\"#noi-dung\">skip</a>\
                 <main id=\"noi-dung\"></main> <a href=\"#\">top</a> <a href=\"#top\">top</a>\
                 <img src=\"/portal/images/a.jpg\" srcset=\"/portal/images/a.jpg 1x, /portal/images/a@2x.jpg 2x\" alt=\"\">\
                 <a href=\"https://thoidai.com.vn/x\">ext</a> <a href=\"mailto:a@b.vn\">m</a> <a href=\"tel:+84\">t</a>\
                 <a href=\"https://example.github.io/portal/gioi-thieu/\">abs</a>\
                 <a href=\"/portal/rss.xml\">rss</a> <a href=\"/portal/?q=1\">q</a>\
                 <script>if (a<b) { document.write('<a href=\"/nowhere\">'); }</script>",
            ),
        );
        write(
            &root.join("tin-tuc/a/index.html"),
            page(
                "<h2 id=\"binh-luan\">x</h2><a href=\"../../\">home</a> <a href=\"/portal/\">home</a>\
                 <a href=\"/portal/#noi-dung\">home</a><a name=\"cu\"></a><a href=\"#cu\">old anchor</a>\
                 <a href=\"/portal/t%C3%ACm/\">encoded</a>",
            ),
        );
        write(&root.join("tìm/index.html"), page(""));
        write(&root.join("gioi-thieu/index.html"), page(""));
        write(
            &root.join("tin-tuc/chi-tiet/123/index.html"),
            "<!doctype html><meta http-equiv=\"refresh\" content=\"0; url=/portal/tin-tuc/a/\">",
        );
        write(
            &root.join("css/site.css"),
            "/* url(gone.png) in a comment */ body { background: url(\"../images/a.jpg\") }",
        );
        write(&root.join("images/a.jpg"), "jpg");
        write(&root.join("images/a@2x.jpg"), "jpg");
        write(&root.join("rss.xml"), "<rss/>");
        write(
            &root.join("_redirects"),
            "/portal/tin-tuc/chi-tiet/123 /portal/tin-tuc/a/ 301\n",
        );
    }

    #[test]
    fn finds_nothing_on_a_good_site() {
        let site = empty_site();
        good_site(&site.root);
        let problems = check(&site.root, BASE);
        assert!(problems.is_empty(), "false alarms: {problems:#?}");
    }

    #[test]
    fn reports_every_broken_reference() {
        let site = empty_site();
        good_site(&site.root);
        write(
            &site.root.join("broken/index.html"),
            page(
                "<a href=\"/portal/tin-tuc/khong-co/\">gone</a>\
                 <img src=\"/portal/images/mat.jpg\" alt=\"\">\
                 <a href=\"/portal/tin-tuc/a/#khong-co\">frag</a>\
                 <a href=\"#dau-trang\">same-page frag</a>\
                 <a href=\"/tin-tuc/a/\">no base path</a>\
                 <img src=\"/portal/images/a.jpg\" srcset=\"/portal/images/a@3x.jpg 3x\" alt=\"\">\
                 <a href=\"/portal/gioi-thieu\">folder without slash</a>\
                 <a href=\"https://example.github.io/portal/mat/\">absolute ours</a>\
                 <a href=\"../khong-co/\">relative</a>\
                 <a href=\"/portal/rss.xml#x\">fragment into a feed</a>",
            ),
        );
        write(
            &site.root.join("old/index.html"),
            "<!doctype html><meta http-equiv=\"refresh\" content=\"0;URL='/portal/moi/'\">",
        );
        write(
            &site.root.join("css/print.css"),
            "@font-face { src: url(../fonts/mat.woff2) format('woff2') }",
        );
        write(
            &site.root.join("_redirects"),
            "/portal/tin-tuc/chi-tiet/123 /portal/tin-tuc/a/ 301\n\
             /portal/tin-tuc/chi-tiet/456 /portal/tin-tuc/a/ 301\n\
             /portal/cu/ /portal/tin-tuc/moi/ 301\n\
             /portal/chi-mot-cot\n",
        );
        let problems = check(&site.root, BASE);
        let want = [
            "_redirects: _redirects from \"/portal/cu/\": no file cu/index.html in the output",
            "_redirects: _redirects from \"/portal/tin-tuc/chi-tiet/456/\": no file tin-tuc/chi-tiet/456/index.html in the output",
            "_redirects: _redirects to \"/portal/tin-tuc/moi/\": no file tin-tuc/moi/index.html in the output",
            "_redirects: line \"/portal/chi-mot-cot\" has no target",
            "broken/index.html: <a href> \"#dau-trang\": no id=\"dau-trang\" in broken/index.html",
            "broken/index.html: <a href> \"../khong-co/\": no file khong-co/index.html in the output",
            "broken/index.html: <a href> \"/portal/gioi-thieu\": names the folder gioi-thieu without its trailing slash",
            "broken/index.html: <a href> \"/portal/rss.xml#x\": #x points into rss.xml, which is not an HTML page",
            "broken/index.html: <a href> \"/portal/tin-tuc/a/#khong-co\": no id=\"khong-co\" in tin-tuc/a/index.html",
            "broken/index.html: <a href> \"/portal/tin-tuc/khong-co/\": no file tin-tuc/khong-co/index.html in the output",
            "broken/index.html: <a href> \"/tin-tuc/a/\": outside the base path /portal/",
            "broken/index.html: <a href> \"https://example.github.io/portal/mat/\": no file mat/index.html in the output",
            "broken/index.html: <img src> \"/portal/images/mat.jpg\": no file images/mat.jpg in the output",
            "broken/index.html: <img srcset> \"/portal/images/a@3x.jpg\": no file images/a@3x.jpg in the output",
            "css/print.css: css url() \"../fonts/mat.woff2\": no file fonts/mat.woff2 in the output",
            "old/index.html: <meta refresh> \"/portal/moi/\": no file moi/index.html in the output",
        ];
        assert_eq!(problems, want, "got:\n{}", problems.join("\n"));
    }

    #[test]
    fn a_root_site_has_base_path_slash() {
        let site = empty_site();
        write(
            &site.root.join("index.html"),
            "<!doctype html><title>t</title><a href=\"/a/\">a</a><a href=\"/b/\">b</a>\
             <link rel=\"stylesheet\" href=\"/css/site.css\">",
        );
        write(
            &site.root.join("a/index.html"),
            "<!doctype html><title>a</title>",
        );
        write(&site.root.join("css/site.css"), "");
        let problems = check(&site.root, "https://tintuc.angiang.gov.vn");
        assert_eq!(
            problems,
            ["index.html: <a href> \"/b/\": no file b/index.html in the output"]
        );
    }

    #[test]
    fn helpers_read_urls_out_of_attributes() {
        assert_eq!(
            srcset_urls("/a.jpg 1x, /b.jpg 2x,/c.jpg"),
            ["/a.jpg", "/b.jpg", "/c.jpg"]
        );
        let refresh = [
            ("0; url=/x/", Some("/x/")),
            ("0;URL='/y/'", Some("/y/")),
            ("5", None),
            ("0; /z/", Some("/z/")),
        ];
        for (content, want) in refresh {
            assert_eq!(refresh_url(content).as_deref(), want, "{content}");
        }
        assert_eq!(percent_decode("t%C3%ACm/%2"), "tìm/%2");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
