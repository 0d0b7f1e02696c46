//! Takes the site's public URLs and its aliases and gives the crawler-facing files: `sitemap.xml`
//! (split behind a sitemap index past 50,000 URLs), `robots.txt`, the Netlify/Cloudflare Pages
//! `_redirects` file and the HTML redirect page written at each alias path.

use chrono::{DateTime, FixedOffset};

use super::feeds::{XmlWriter, encode_url, rfc3339};
use crate::route;

/// One page in the sitemap.
pub struct Url<'a> {
    /// Absolute URL.
    pub loc: &'a str,
    pub lastmod: Option<DateTime<FixedOffset>>,
}

/// The sitemaps.org limit of URLs per sitemap file (and of sitemaps per index).
pub const MAX_URLS: usize = 50_000;

const NS_SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// Output paths (relative to the output root) with their XML. Up to [`MAX_URLS`] URLs give one
/// `sitemap.xml`; more give `sitemap-1.xml`, `sitemap-2.xml`… of at most [`MAX_URLS`] each, in the
/// order given, and `sitemap.xml` becomes the index of them (listed first in the result). A child's
/// `lastmod` is the newest of its URLs'.
///
/// The caller always has at least the home page; with no URL at all the result is a `urlset`
/// without `url`, well-formed but below the schema's minimum of one.
pub fn sitemaps(urls: &[Url], base_url: &str) -> Vec<(String, String)> {
    if urls.len() <= MAX_URLS {
        return vec![(route::SITEMAP.to_string(), urlset(urls))];
    }
    let base = with_trailing_slash(base_url);
    let mut children = Vec::new();
    let mut index = XmlWriter::new();
    index.open("sitemapindex", &[("xmlns", NS_SITEMAP)]);
    for (n, chunk) in urls.chunks(MAX_URLS).enumerate() {
        let path = route::sitemap_part(n + 1);
        index.open("sitemap", &[]);
        index.leaf("loc", &[], &encode_url(&format!("{base}{path}")));
        if let Some(newest) = chunk.iter().filter_map(|u| u.lastmod).max() {
            index.leaf("lastmod", &[], &rfc3339(newest));
        }
        index.close("sitemap");
        children.push((path, urlset(chunk)));
    }
    index.close("sitemapindex");
    let mut files = vec![(route::SITEMAP.to_string(), index.finish())];
    files.extend(children);
    files
}

fn urlset(urls: &[Url]) -> String {
    let mut x = XmlWriter::new();
    x.open("urlset", &[("xmlns", NS_SITEMAP)]);
    for url in urls {
        x.open("url", &[]);
        // The protocol wants RFC 3986 URLs: non-ASCII and spaces percent-encoded.
        x.leaf("loc", &[], &encode_url(url.loc));
        if let Some(lastmod) = url.lastmod {
            x.leaf("lastmod", &[], &rfc3339(lastmod));
        }
        x.close("url");
    }
    x.close("urlset");
    x.finish()
}

fn with_trailing_slash(base_url: &str) -> String {
    let base = base_url.trim();
    if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// Allows every crawler everywhere and names the sitemap (and the Google News sitemap when the
/// build wrote one). Crawlers read `robots.txt` only at the host's root, so on a site under a
/// sub-path (`https://x.github.io/portal/`) the file is written but ignored, and the sitemaps
/// must be submitted to search consoles by hand.
pub fn robots(base_url: &str, news: bool) -> String {
    let base = with_trailing_slash(base_url);
    let sitemap = encode_url(&format!("{base}sitemap.xml"));
    let mut txt = format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n");
    if news {
        txt.push_str(&format!(
            "Sitemap: {}\n",
            encode_url(&format!("{base}{NEWS_PATH}"))
        ));
    }
    txt
}

/// The Google News sitemap: the articles of the last two days.
pub const NEWS_PATH: &str = route::NEWS_SITEMAP;
/// Google News reads at most this many URLs from one news sitemap.
pub const MAX_NEWS: usize = 1000;
const NS_NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";

/// One recent article for the news sitemap.
pub struct NewsItem<'a> {
    /// Absolute URL.
    pub loc: &'a str,
    pub title: &'a str,
    pub published: DateTime<FixedOffset>,
}

/// A sitemaps.org `urlset` whose URLs carry Google News' `<news:news>`: publication name and
/// language, publication date and title. At most [`MAX_NEWS`] items, in the order given (the
/// caller gives them newest first).
pub fn news_sitemap(items: &[NewsItem], publication: &str, language: &str) -> String {
    let mut x = XmlWriter::new();
    x.open("urlset", &[("xmlns", NS_SITEMAP), ("xmlns:news", NS_NEWS)]);
    for item in items.iter().take(MAX_NEWS) {
        x.open("url", &[]);
        x.leaf("loc", &[], &encode_url(item.loc));
        x.open("news:news", &[]);
        x.open("news:publication", &[]);
        x.leaf("news:name", &[], publication);
        x.leaf("news:language", &[], language);
        x.close("news:publication");
        x.leaf("news:publication_date", &[], &rfc3339(item.published));
        x.leaf("news:title", &[], item.title);
        x.close("news:news");
        x.close("url");
    }
    x.close("urlset");
    x.finish()
}

/// The `_redirects` file read by Netlify and Cloudflare Pages: one "<from> <to> 301" line per
/// alias, in the order given. Paths are percent-encoded so that a space or a line break in an
/// alias cannot split or inject a line. No aliases give an empty file.
pub fn redirects(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (from, to) in pairs {
        let (from, to) = (encode_url(from), encode_url(to));
        if from.is_empty() || to.is_empty() || from == to {
            continue;
        }
        out.push_str(&from);
        out.push(' ');
        out.push_str(&to);
        out.push_str(" 301\n");
    }
    out
}

/// The `_redirects` lines of old addresses with a query string, `(path, query, target)`, in
/// Netlify's form: the query's parameters after the path, each `key=value`
/// (`/ p=123 /tin-tuc/a/ 301!`). The `!` forces the redirect where the path is a page of the
/// site (`/` is the home page): without it Netlify serves the page and ignores the rule.
pub fn query_redirects(lines: &[(&str, &str, &str)]) -> String {
    let mut out = String::new();
    for (path, query, to) in lines {
        let (path, to) = (encode_url(path), encode_url(to));
        let params: Vec<String> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let param = encode_url(p);
                if param.contains('=') {
                    param
                } else {
                    format!("{param}=")
                }
            })
            .collect();
        if path.is_empty() || to.is_empty() || params.is_empty() {
            continue;
        }
        out.push_str(&format!("{path} {} {to} 301!\n", params.join(" ")));
    }
    out
}

/// A minimal HTML5 page for an alias path, for hosts that do not read `_redirects` (GitHub
/// Pages): an immediate meta refresh, a canonical link so search engines credit the new address,
/// `noindex`, and a visible link for readers whose browser does not follow the refresh.
pub fn redirect_page(target_url: &str, target_permalink: &str, title: &str, lang: &str) -> String {
    let target = escape_html(&encode_url(target_url));
    let canonical = escape_html(&encode_url(target_permalink));
    let title = title.trim();
    // An empty <title> is invalid HTML and an empty link cannot be clicked.
    let (head_title, link_text) = if title.is_empty() {
        ("Bài viết đã chuyển địa chỉ".to_string(), target.clone())
    } else {
        (escape_html(title), escape_html(title))
    };
    let lang = if lang.trim().is_empty() {
        "vi"
    } else {
        lang.trim()
    };
    let lang = escape_html(lang);
    format!(
        "<!DOCTYPE html>\n\
         <html lang=\"{lang}\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <title>{head_title}</title>\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n\
         </head>\n\
         <body>\n\
         <p>Bài viết đã chuyển đến địa chỉ mới: <a href=\"{target}\">{link_text}</a></p>\n\
         </body>\n\
         </html>\n"
    )
}

/// Escapes text and quoted attribute values; drops the control characters (other than tab and
/// newline) that HTML does not allow in documents.
fn escape_html(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect();
    crate::markdown::escape_html(&kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use roxmltree::{Document, Node};

    const BASE: &str = "https://agufo.github.io/portal/";

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("test date")
    }

    fn elements<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
        node.children()
            .filter(|c| {
                c.is_element()
                    && c.tag_name().name() == name
                    && c.tag_name().namespace() == Some(NS_SITEMAP)
            })
            .collect()
    }

    fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
        elements(node, name).first().and_then(|n| n.text())
    }

    #[test]
    fn a_small_site_has_one_urlset() {
        let urls = [
            Url {
                loc: "https://agufo.github.io/portal/",
                lastmod: Some(at("2024-07-01T05:00:00+07:00")),
            },
            Url {
                loc: "https://agufo.github.io/portal/gioi-thieu/",
                lastmod: None,
            },
            Url {
                loc: "https://agufo.github.io/portal/tim?q=a&b=<c>",
                lastmod: Some(at("2024-06-30T22:00:00+00:00")),
            },
            Url {
                loc: "https://agufo.github.io/portal/ảnh hội nghị/",
                lastmod: None,
            },
        ];
        let files = sitemaps(&urls, BASE);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        let xml = &files[0].1;
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
        let doc = Document::parse(xml).expect("well-formed sitemap");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "urlset");
        assert_eq!(root.tag_name().namespace(), Some(NS_SITEMAP));
        let got: Vec<_> = elements(root, "url")
            .iter()
            .map(|u| (child_text(*u, "loc"), child_text(*u, "lastmod")))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("https://agufo.github.io/portal/"),
                    Some("2024-07-01T05:00:00+07:00")
                ),
                (Some("https://agufo.github.io/portal/gioi-thieu/"), None),
                (
                    Some("https://agufo.github.io/portal/tim?q=a&b=%3Cc%3E"),
                    Some("2024-06-30T22:00:00+00:00")
                ),
                (
                    Some(
                        "https://agufo.github.io/portal/%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B/"
                    ),
                    None
                ),
            ]
        );
        assert!(xml.contains("q=a&amp;b="));
    }

    #[test]
    fn past_the_limit_the_sitemap_becomes_an_index() {
        // (URL count, expected child sizes; empty = a single urlset)
        let cases: [(usize, &[usize]); 5] = [
            (0, &[]),
            (1, &[]),
            (MAX_URLS, &[]),
            (MAX_URLS + 1, &[MAX_URLS, 1]),
            (2 * MAX_URLS + 1, &[MAX_URLS, MAX_URLS, 1]),
        ];
        let locs: Vec<String> = (0..2 * MAX_URLS + 1)
            .map(|i| format!("{BASE}tin-tuc/bai-{i}/"))
            .collect();
        for (count, children) in cases {
            let urls: Vec<Url> = locs[..count]
                .iter()
                .enumerate()
                .map(|(i, loc)| Url {
                    loc,
                    // Dates rise with the index, so each child's newest is its last URL.
                    lastmod: Some(
                        at("2020-01-01T08:00:00+07:00") + chrono::Duration::minutes(i as i64),
                    ),
                })
                .collect();
            let files = sitemaps(&urls, BASE);
            let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
            if children.is_empty() {
                assert_eq!(names, ["sitemap.xml"], "{count}");
                let doc = Document::parse(&files[0].1).expect("urlset");
                assert_eq!(doc.root_element().tag_name().name(), "urlset");
                assert_eq!(elements(doc.root_element(), "url").len(), count);
                continue;
            }
            let expected: Vec<String> = std::iter::once("sitemap.xml".to_string())
                .chain((1..=children.len()).map(|n| format!("sitemap-{n}.xml")))
                .collect();
            assert_eq!(names, expected, "{count}");

            let doc = Document::parse(&files[0].1).expect("index");
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "sitemapindex");
            let listed: Vec<_> = elements(root, "sitemap")
                .iter()
                .map(|s| {
                    (
                        child_text(*s, "loc").map(String::from),
                        child_text(*s, "lastmod").map(String::from),
                    )
                })
                .collect();
            let mut first = 0;
            for (n, size) in children.iter().enumerate() {
                let last = first + size - 1;
                let newest =
                    at("2020-01-01T08:00:00+07:00") + chrono::Duration::minutes(last as i64);
                assert_eq!(
                    listed[n],
                    (
                        Some(format!("{BASE}sitemap-{}.xml", n + 1)),
                        Some(rfc3339(newest))
                    ),
                    "{count}: child {n}"
                );
                let child = Document::parse(&files[n + 1].1).expect("child urlset");
                let urls = elements(child.root_element(), "url");
                assert_eq!(urls.len(), *size, "{count}: child {n}");
                assert!(urls.len() <= MAX_URLS);
                // Order is kept across the split.
                assert_eq!(child_text(urls[0], "loc"), Some(locs[first].as_str()));
                assert_eq!(child_text(urls[size - 1], "loc"), Some(locs[last].as_str()));
                first += size;
            }
            assert_eq!(listed.len(), children.len());
        }
    }

    #[test]
    fn robots_allows_all_and_names_the_sitemap() {
        let cases = [
            (
                "https://agufo.github.io/portal/",
                "Sitemap: https://agufo.github.io/portal/sitemap.xml\n",
            ),
            ("https://h.vn", "Sitemap: https://h.vn/sitemap.xml\n"),
            (
                "https://h.vn/\nDisallow: /",
                "Sitemap: https://h.vn/%0ADisallow:%20/sitemap.xml\n",
            ),
        ];
        for (base, sitemap_line) in cases {
            let txt = robots(base, false);
            assert!(txt.starts_with("User-agent: *\nAllow: /\n\n"), "{txt}");
            assert!(txt.ends_with(sitemap_line), "{txt}");
            assert_eq!(txt.lines().filter(|l| l.starts_with("Disallow")).count(), 0);
        }
        assert!(robots("https://h.vn/", true).ends_with(
            "Sitemap: https://h.vn/sitemap.xml\nSitemap: https://h.vn/sitemap-news.xml\n"
        ));
    }

    #[test]
    fn the_news_sitemap_carries_publication_date_and_title() {
        let items = [
            NewsItem {
                loc: "https://h.vn/tin-tuc/đà-nẵng/",
                title: "Đà Nẵng & Lào <hợp tác>",
                published: at("2026-11-21T08:30:00+07:00"),
            },
            NewsItem {
                loc: "https://h.vn/tin-tuc/b/",
                title: "B",
                published: at("2026-11-20T17:00:00+07:00"),
            },
        ];
        let xml = news_sitemap(&items, "Liên hiệp hữu nghị", "vi");
        let doc = Document::parse(&xml).expect("well-formed");
        let urls = elements(doc.root_element(), "url");
        assert_eq!(urls.len(), 2);
        assert_eq!(
            child_text(urls[0], "loc"),
            Some("https://h.vn/tin-tuc/%C4%91%C3%A0-n%E1%BA%B5ng/")
        );
        let news: Vec<_> = urls[0]
            .descendants()
            .filter(|n| n.tag_name().namespace() == Some(NS_NEWS))
            .map(|n| (n.tag_name().name(), n.text().unwrap_or("").trim()))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        assert_eq!(
            news,
            [
                ("name", "Liên hiệp hữu nghị"),
                ("language", "vi"),
                ("publication_date", "2026-11-21T08:30:00+07:00"),
                ("title", "Đà Nẵng & Lào <hợp tác>"),
            ]
        );
        let many: Vec<NewsItem> = (0..MAX_NEWS + 5)
            .map(|_| NewsItem {
                loc: "https://h.vn/a/",
                title: "A",
                published: at("2026-11-21T08:30:00+07:00"),
            })
            .collect();
        let xml = news_sitemap(&many, "X", "vi");
        assert_eq!(xml.matches("<url>").count(), MAX_NEWS);
    }

    #[test]
    fn redirects_lines() {
        // (pairs, expected file)
        let cases: [(&[(&str, &str)], &str); 5] = [
            (&[], ""),
            (
                &[
                    ("/portal/tin-tuc/chi-tiet/abc/123", "/portal/tin-tuc/abc/"),
                    ("/portal/old/", "/portal/gioi-thieu/"),
                ],
                "/portal/tin-tuc/chi-tiet/abc/123 /portal/tin-tuc/abc/ 301\n\
                 /portal/old/ /portal/gioi-thieu/ 301\n",
            ),
            // Spaces and line breaks cannot break the line format.
            (
                &[("/tin cũ/\n/x /evil 200", "/tin-tuc/a/")],
                "/tin%20c%C5%A9/%0A/x%20/evil%20200 /tin-tuc/a/ 301\n",
            ),
            // Self-redirects and blanks are skipped.
            (&[("/a/", "/a/"), ("", "/b/"), ("/c/", " ")], ""),
            (&[("/a/", "https://h.vn/b/")], "/a/ https://h.vn/b/ 301\n"),
        ];
        for (pairs, expected) in cases {
            let out = redirects(pairs);
            assert_eq!(out, expected, "{pairs:?}");
            for line in out.lines() {
                assert_eq!(line.split(' ').count(), 3, "{line}");
            }
        }
    }

    #[test]
    fn query_redirects_use_netlifys_parameter_form() {
        type Lines<'a> = &'a [(&'a str, &'a str, &'a str)];
        let cases: &[(Lines, &str)] = &[
            (&[], ""),
            (
                &[
                    ("/", "p=123", "/tin-tuc/a/"),
                    (
                        "/portal/index.php",
                        "page_id=5&lang=vi",
                        "/portal/gioi-thieu/",
                    ),
                    ("/", "preview", "/b/"),
                ],
                "/ p=123 /tin-tuc/a/ 301!\n\
                 /portal/index.php page_id=5 lang=vi /portal/gioi-thieu/ 301!\n\
                 / preview= /b/ 301!\n",
            ),
            // A space cannot split a line, an empty query gives none.
            (
                &[("/", "q=a b", "/x/"), ("/", "", "/y/")],
                "/ q=a%20b /x/ 301!\n",
            ),
        ];
        for (lines, expected) in cases {
            assert_eq!(query_redirects(lines), *expected, "{lines:?}");
        }
    }

    #[test]
    fn redirect_page_escapes_the_target() {
        // (target, permalink, title, what the page must contain)
        let cases = [
            (
                "/portal/tin-tuc/abc/",
                "https://agufo.github.io/portal/tin-tuc/abc/",
                "Tổng kết năm 2019",
                [
                    r#"<meta http-equiv="refresh" content="0; url=/portal/tin-tuc/abc/">"#,
                    r#"<link rel="canonical" href="https://agufo.github.io/portal/tin-tuc/abc/">"#,
                    r#"Bài viết đã chuyển đến địa chỉ mới: <a href="/portal/tin-tuc/abc/">Tổng kết năm 2019</a>"#,
                ],
            ),
            (
                "/a?x=1&y='2'",
                "https://h.vn/a?x=1&y='2'",
                "Tôm & cá <b>",
                [
                    r#"content="0; url=/a?x=1&amp;y=&#39;2&#39;">"#,
                    r#"href="https://h.vn/a?x=1&amp;y=&#39;2&#39;">"#,
                    r#"<a href="/a?x=1&amp;y=&#39;2&#39;">Tôm &amp; cá &lt;b&gt;</a>"#,
                ],
            ),
            (
                "/x\"><script>alert(1)</script>",
                "https://h.vn/x\"><script>",
                "",
                [
                    r#"content="0; url=/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E">"#,
                    r#"href="https://h.vn/x%22%3E%3Cscript%3E">"#,
                    // No title: a generic page title and the address as link text.
                    "<title>Bài viết đã chuyển địa chỉ</title>",
                ],
            ),
        ];
        for (target, permalink, title, must) in cases {
            let page = redirect_page(target, permalink, title, "vi");
            assert!(
                page.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"),
                "{page}"
            );
            for m in must {
                assert!(page.contains(m), "{target:?}: missing {m}\n{page}");
            }
            assert!(page.contains("<meta charset=\"utf-8\">"));
            assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
            assert_eq!(page.matches("<script").count(), 0, "{page}");
            assert_eq!(page.matches("<a ").count(), 1, "{page}");
            assert_eq!(page.matches("<title>").count(), 1, "{page}");
        }
        assert!(redirect_page("/a/", "https://h/a/", "t", "").contains("<html lang=\"vi\">"));
        assert!(
            redirect_page("/a/", "https://h/a/", "t", "en\"x")
                .contains("<html lang=\"en&quot;x\">")
        );
    }
}
