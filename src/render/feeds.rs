//! Takes a feed's metadata and its items (newest first, already limited) and gives the RSS 2.0 and
//! Atom 1.0 files as strings; also turns the root-relative URLs inside article HTML into absolute
//! ones, since a feed reader has no page to resolve them against.
//!
//! The XML is written by hand rather than through a feed crate: the crates escape `&`/`<` but pass
//! through the control characters XML 1.0 forbids, and we need byte-stable output anyway. The small
//! writer below is also used by `sitemap.rs`.

use chrono::{DateTime, FixedOffset, SecondsFormat};

/// What a feed describes: one list of the site (home, a province, a tag, a category).
pub struct Feed<'a> {
    /// e.g. "Tỉnh Kiên Giang – Liên hiệp các tổ chức hữu nghị tỉnh An Giang".
    pub title: &'a str,
    pub description: &'a str,
    /// Language tag, "vi".
    pub language: &'a str,
    /// Absolute URL of the HTML list page the feed mirrors.
    pub html_url: &'a str,
    /// Absolute URL of the RSS file (its self link).
    pub rss_url: &'a str,
    /// Absolute URL of the Atom file (its self link and its feed id).
    pub atom_url: &'a str,
    /// The organisation: Atom feed author, RSS `dc:publisher`.
    pub publisher: &'a str,
    /// Site base URL, absolute, ending in '/'; its origin makes content URLs absolute.
    pub base_url: &'a str,
}

/// One article in a feed.
pub struct FeedItem<'a> {
    pub title: &'a str,
    /// Absolute; also the RSS guid and the Atom entry id, so it must never change.
    pub permalink: &'a str,
    pub date: DateTime<FixedOffset>,
    pub updated: Option<DateTime<FixedOffset>>,
    /// Plain text.
    pub summary: &'a str,
    /// Full article HTML when the site asks for full content; its root-relative URLs are made
    /// absolute here.
    pub content_html: Option<&'a str>,
    pub author: Option<&'a str>,
    /// Category then tags, in their Vietnamese spelling.
    pub categories: Vec<&'a str>,
    /// Lead image: absolute URL and alt text.
    pub image: Option<(&'a str, &'a str)>,
}

/// Atom requires `<updated>` even on a feed with no entries. There is no honest date to give, and
/// "now" would make every build differ, so an empty feed carries this fixed instant (midnight,
/// 1 January 2000, Vietnam time) — clearly "no content", not a 1970 epoch that looks like a bug.
pub const EMPTY_FEED_UPDATED: &str = "2000-01-01T00:00:00+07:00";

/// Written into both feeds' `generator` element; no version, so upgrading does not churn files.
const GENERATOR: &str = "bantin";

const NS_ATOM: &str = "http://www.w3.org/2005/Atom";
const NS_DC: &str = "http://purl.org/dc/elements/1.1/";
const NS_CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const NS_MEDIA: &str = "http://search.yahoo.com/mrss/";

/// RSS 2.0 with an `atom:link rel="self"`, RFC 822 dates and permalink guids.
pub fn rss(feed: &Feed, items: &[FeedItem]) -> String {
    let mut x = XmlWriter::new();
    x.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", NS_ATOM),
            ("xmlns:dc", NS_DC),
            ("xmlns:content", NS_CONTENT),
            ("xmlns:media", NS_MEDIA),
        ],
    );
    x.open("channel", &[]);
    x.leaf("title", &[], feed.title);
    x.leaf("link", &[], &encode_url(feed.html_url));
    // <description> is required; a site without one still gets a meaningful line.
    let description = if feed.description.trim().is_empty() {
        feed.title
    } else {
        feed.description
    };
    x.leaf("description", &[], description);
    if !feed.language.trim().is_empty() {
        x.leaf("language", &[], feed.language);
    }
    x.leaf("generator", &[], GENERATOR);
    if let Some(newest) = newest_change(items) {
        x.leaf("lastBuildDate", &[], &rfc822(newest));
    }
    x.empty(
        "atom:link",
        &[
            ("href", &encode_url(feed.rss_url)),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ],
    );
    if !feed.publisher.trim().is_empty() {
        // managingEditor must be an e-mail address; Dublin Core names the organisation instead.
        x.leaf("dc:publisher", &[], feed.publisher);
    }
    for item in items {
        let link = encode_url(item.permalink);
        x.open("item", &[]);
        x.leaf("title", &[], item.title);
        x.leaf("link", &[], &link);
        x.leaf("guid", &[("isPermaLink", "true")], &link);
        x.leaf("pubDate", &[], &rfc822(item.date));
        if let Some(author) = item.author.filter(|a| !a.trim().is_empty()) {
            x.leaf("dc:creator", &[], author);
        }
        for category in categories(item) {
            x.leaf("category", &[], category);
        }
        // Readers treat <description> as HTML, so plain text is HTML-escaped first: a summary
        // saying "a <b> c" must show those characters, not turn bold.
        x.leaf(
            "description",
            &[],
            &crate::markdown::escape_html(summary(item)),
        );
        if let Some(html) = item.content_html {
            x.leaf("content:encoded", &[], &absolutize(html, feed.base_url));
        }
        if let Some((src, alt)) = item.image {
            let src = encode_url(src);
            let mut attrs = vec![("url", src.as_str()), ("medium", "image")];
            if let Some(mime) = image_mime(&src) {
                attrs.push(("type", mime));
            }
            if alt.trim().is_empty() {
                x.empty("media:content", &attrs);
            } else {
                x.open("media:content", &attrs);
                // No type="plain": it is the default, and feedparser, seeing it beside
                // content:encoded, relabels the item's HTML description as plain text.
                x.leaf("media:description", &[], alt);
                x.close("media:content");
            }
        }
        x.close("item");
    }
    x.close("channel");
    x.close("rss");
    x.finish()
}

/// Atom 1.0 (RFC 4287): ids are the Atom URL and the permalinks, `updated` is the newest change
/// (or [`EMPTY_FEED_UPDATED`]), content is escaped HTML with absolute URLs.
pub fn atom(feed: &Feed, items: &[FeedItem]) -> String {
    let mut x = XmlWriter::new();
    let mut root = vec![("xmlns", NS_ATOM)];
    if !feed.language.trim().is_empty() {
        root.push(("xml:lang", feed.language));
    }
    x.open("feed", &root);
    x.leaf("title", &[("type", "text")], feed.title);
    if !feed.description.trim().is_empty() {
        x.leaf("subtitle", &[("type", "text")], feed.description);
    }
    let self_url = encode_url(feed.atom_url);
    x.leaf("id", &[], &self_url);
    x.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &self_url),
        ],
    );
    x.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &encode_url(feed.html_url)),
        ],
    );
    match newest_change(items) {
        Some(newest) => x.leaf("updated", &[], &rfc3339(newest)),
        None => x.leaf("updated", &[], EMPTY_FEED_UPDATED),
    }
    // RFC 4287 wants an author on the feed unless every entry has one; the feed-level author is
    // always written so that entries without a byline stay valid. Without a publisher name the
    // feed title is the most truthful stand-in.
    let publisher = if feed.publisher.trim().is_empty() {
        feed.title
    } else {
        feed.publisher
    };
    x.open("author", &[]);
    x.leaf("name", &[], publisher);
    if !feed.base_url.trim().is_empty() {
        x.leaf("uri", &[], &encode_url(feed.base_url));
    }
    x.close("author");
    x.leaf("generator", &[], GENERATOR);
    for item in items {
        let link = encode_url(item.permalink);
        x.open("entry", &[]);
        x.leaf("title", &[("type", "text")], item.title);
        x.leaf("id", &[], &link);
        x.empty(
            "link",
            &[("rel", "alternate"), ("type", "text/html"), ("href", &link)],
        );
        if let Some((src, alt)) = item.image {
            let src = encode_url(src);
            let mut attrs = vec![("rel", "enclosure"), ("href", src.as_str())];
            if let Some(mime) = image_mime(&src) {
                attrs.push(("type", mime));
            }
            if !alt.trim().is_empty() {
                attrs.push(("title", alt));
            }
            x.empty("link", &attrs);
        }
        x.leaf("published", &[], &rfc3339(item.date));
        x.leaf("updated", &[], &rfc3339(changed(item)));
        if let Some(author) = item.author.filter(|a| !a.trim().is_empty()) {
            x.open("author", &[]);
            x.leaf("name", &[], author);
            x.close("author");
        }
        for category in categories(item) {
            x.empty("category", &[("term", category)]);
        }
        x.leaf("summary", &[("type", "text")], summary(item));
        if let Some(html) = item.content_html {
            x.leaf(
                "content",
                &[("type", "html")],
                &absolutize(html, feed.base_url),
            );
        }
        x.close("entry");
    }
    x.close("feed");
    x.finish()
}

/// Prefixes root-relative URLs in `href`, `src`, `poster` and `srcset` attributes with the origin
/// of `base_url` (`https://host[:port]`). Root-relative URLs already carry the base path, so only
/// the origin is added. Protocol-relative (`//…`), absolute, relative and fragment URLs are left
/// alone, as is every byte outside those attribute values. Without a `scheme://` in `base_url`
/// nothing can be made absolute and the HTML is returned unchanged.
pub fn absolutize(html: &str, base_url: &str) -> String {
    let Some(origin) = origin(base_url) else {
        return html.to_string();
    };
    let mut out = String::with_capacity(html.len() + 64);
    let mut copied = 0;
    for (start, end, kind) in url_attributes(html) {
        out.push_str(&html[copied..start]);
        let value = &html[start..end];
        match kind {
            UrlAttr::Single => push_absolute(&mut out, value, origin),
            UrlAttr::SrcSet => push_srcset(&mut out, value, origin),
        }
        copied = end;
    }
    out.push_str(&html[copied..]);
    out
}

/// `https://host:port` from `https://host:port/path/`; `None` when there is no `scheme://host`.
fn origin(base_url: &str) -> Option<&str> {
    let base = base_url.trim();
    let scheme_end = base.find("://")?;
    let scheme = &base[..scheme_end];
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    let host_start = scheme_end + 3;
    let host_end = base[host_start..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| host_start + i);
    (host_end > host_start).then(|| &base[..host_end])
}

fn is_root_relative(url: &str) -> bool {
    // "/\" is treated by browsers like "//", so it is not ours to touch either.
    url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\")
}

fn push_absolute(out: &mut String, value: &str, origin: &str) {
    // Browsers strip surrounding spaces from URL attributes; keep them but look past them.
    let trimmed = value.trim_start();
    let lead = &value[..value.len() - trimmed.len()];
    out.push_str(lead);
    if is_root_relative(trimmed) {
        out.push_str(origin);
    }
    out.push_str(trimmed);
}

/// `srcset` is "url [descriptor], url [descriptor]…": each candidate's URL is the first
/// whitespace-delimited token after the separating commas.
fn push_srcset(out: &mut String, value: &str, origin: &str) {
    let mut rest = value;
    while !rest.is_empty() {
        // Separators: whitespace and commas before a URL.
        let sep = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',')
                .len();
        out.push_str(&rest[..sep]);
        rest = &rest[sep..];
        let url_len = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        // A URL glued to the next candidate's comma ("a.jpg,b.jpg") ends before the commas.
        let url = rest[..url_len].trim_end_matches(',');
        if is_root_relative(url) {
            out.push_str(origin);
        }
        out.push_str(url);
        rest = &rest[url.len()..];
        // Descriptors run to the next comma (or the end).
        let desc_len = rest.find(',').unwrap_or(rest.len());
        out.push_str(&rest[..desc_len]);
        rest = &rest[desc_len..];
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UrlAttr {
    Single,
    SrcSet,
}

/// Byte ranges of the values of URL attributes in start tags, in document order. Text, comments,
/// doctypes and end tags are skipped; the scan is tolerant of broken markup and never panics
/// (every index it slices at is an ASCII byte boundary).
fn url_attributes(html: &str) -> Vec<(usize, usize, UrlAttr)> {
    let b = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
            continue;
        }
        if !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            // "</x>", "<!DOCTYPE>", "<?x?>" or a stray "<": nothing to rewrite.
            i += 1;
            continue;
        }
        // Tag name.
        i += 1;
        while i < b.len() && !is_tag_space(b[i]) && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        // Attributes until '>'.
        loop {
            while i < b.len() && (is_tag_space(b[i]) || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let name_start = i;
            while i < b.len() && !is_tag_space(b[i]) && !matches!(b[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let name = &html[name_start..i];
            while i < b.len() && is_tag_space(b[i]) {
                i += 1;
            }
            if i >= b.len() || b[i] != b'=' {
                continue; // attribute without a value
            }
            i += 1;
            while i < b.len() && is_tag_space(b[i]) {
                i += 1;
            }
            let (start, end) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let start = i + 1;
                    let end = html[start..].find(q as char).map_or(b.len(), |e| start + e);
                    i = (end + 1).min(b.len());
                    (start, end)
                }
                _ => {
                    let start = i;
                    while i < b.len() && !is_tag_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    (start, i)
                }
            };
            let kind = if name.eq_ignore_ascii_case("srcset") {
                Some(UrlAttr::SrcSet)
            } else if ["href", "src", "poster"]
                .iter()
                .any(|n| name.eq_ignore_ascii_case(n))
            {
                Some(UrlAttr::Single)
            } else {
                None
            };
            if let Some(kind) = kind {
                found.push((start, end, kind));
            }
        }
    }
    found
}

fn is_tag_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The newest change among the items (not just the first item: an older article may have been
/// updated last).
fn newest_change(items: &[FeedItem]) -> Option<DateTime<FixedOffset>> {
    items.iter().map(changed).max()
}

/// When the item last changed. An `updated` before the publication date is a data slip; the later
/// of the two keeps `updated >= published`.
fn changed(item: &FeedItem) -> DateTime<FixedOffset> {
    item.updated.map_or(item.date, |u| u.max(item.date))
}

/// The item's summary, or its title when the article has none (no lead paragraph): aggregators
/// drop or garble items with an empty description, and an Atom entry without content needs one.
fn summary<'i>(item: &FeedItem<'i>) -> &'i str {
    if item.summary.trim().is_empty() {
        item.title
    } else {
        item.summary
    }
}

/// Category and tags without blanks or repeats (a tag may spell the category again).
fn categories<'i>(item: &'i FeedItem) -> Vec<&'i str> {
    let mut seen: Vec<&str> = Vec::new();
    for c in &item.categories {
        let c = c.trim();
        if !c.is_empty() && !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen
}

/// RFC 822 as RSS wants it: "Mon, 01 Jul 2024 05:00:00 +0700" (chrono's `to_rfc2822` drops the
/// day's leading zero, which some validators dislike).
fn rfc822(date: DateTime<FixedOffset>) -> String {
    date.format("%a, %d %b %Y %H:%M:%S %z").to_string()
}

/// RFC 3339 / W3C datetime with whole seconds and a numeric offset: "2024-07-01T05:00:00+07:00".
pub(crate) fn rfc3339(date: DateTime<FixedOffset>) -> String {
    date.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn image_mime(url: &str) -> Option<&'static str> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// Percent-encodes what can never stand in a URL (spaces, controls, non-ASCII, `"<>\^`{|}`) and
/// leaves everything else, `%` included, so an already encoded URL comes back unchanged.
pub(crate) fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        let keep = c.is_ascii_graphic()
            && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}');
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// Characters XML 1.0 cannot carry at all, even as references: C0 controls except tab and newline
/// (carriage return is dropped too: parsers would fold it into the newline anyway), and the
/// non-characters U+FFFE/U+FFFF.
fn forbidden_in_xml(c: char) -> bool {
    (c < '\u{20}' && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Appends `s` escaped for XML text (`attr == false`) or a double-quoted attribute value, dropping
/// the characters XML forbids. In attributes tab and newline become references because parsers
/// would otherwise normalise them to spaces.
pub(crate) fn push_escaped(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            // '>' only matters in "]]>", but escaping it everywhere is simpler and still valid.
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\t' if attr => out.push_str("&#9;"),
            '\n' if attr => out.push_str("&#10;"),
            c if forbidden_in_xml(c) => {}
            c => out.push(c),
        }
    }
}

/// A minimal, deterministic XML writer: UTF-8 with a declaration, two-space indentation, text
/// written inside its element without added whitespace. Names are trusted (literals in this
/// module); every attribute value and text is escaped.
pub(crate) struct XmlWriter {
    out: String,
    depth: usize,
}

impl XmlWriter {
    pub(crate) fn new() -> XmlWriter {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            depth: 0,
        }
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            push_escaped(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    /// `<name attrs>` on its own line; children follow, indented.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    pub(crate) fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs>text</name>`.
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        push_escaped(&mut self.out, text, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use roxmltree::{Document, Node};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("test date")
    }

    const BASE: &str = "https://agufo.github.io/portal/";

    fn feed() -> Feed<'static> {
        Feed {
            title: "Tỉnh Kiên Giang – Liên hiệp các tổ chức hữu nghị tỉnh An Giang",
            description: "Tin tức về tỉnh Kiên Giang",
            language: "vi",
            html_url: "https://agufo.github.io/portal/tinh/kien-giang/",
            rss_url: "https://agufo.github.io/portal/tinh/kien-giang/rss.xml",
            atom_url: "https://agufo.github.io/portal/tinh/kien-giang/atom.xml",
            publisher: "Liên hiệp các tổ chức hữu nghị tỉnh An Giang",
            base_url: BASE,
        }
    }

    fn item(slug: &'static str, date: &str) -> FeedItem<'static> {
        FeedItem {
            title: "Tổng kết công tác đối ngoại nhân dân năm 2019",
            permalink: Box::leak(format!("{BASE}tin-tuc/{slug}/").into_boxed_str()),
            date: at(date),
            updated: None,
            summary: "Sáng 27/5, Liên hiệp tổng kết công tác năm 2019.",
            content_html: None,
            author: None,
            categories: vec![],
            image: None,
        }
    }

    fn full_item() -> FeedItem<'static> {
        FeedItem {
            updated: Some(at("2024-07-02T09:15:00+07:00")),
            content_html: Some(
                "<p>Xem <a href=\"/portal/gioi-thieu/\">giới thiệu</a>.</p>\n\
                 <figure><img src=\"/portal/images/2024/a.jpg\" alt=\"Đại biểu\"></figure>",
            ),
            author: Some("Q.N"),
            categories: vec!["Tin tức hoạt động", "viện trợ", "Tin tức hoạt động", " "],
            image: Some((
                "https://agufo.github.io/portal/images/2024/a.jpg",
                "Đại biểu dự hội nghị",
            )),
            ..item("hoi-nghi", "2024-07-01T05:00:00+07:00")
        }
    }

    /// Children of `node` with this namespace URI (None = no namespace) and local name.
    fn kids<'a, 'i>(node: Node<'a, 'i>, ns: Option<&str>, name: &str) -> Vec<Node<'a, 'i>> {
        node.children()
            .filter(|c| {
                c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == ns
            })
            .collect()
    }

    fn kid<'a, 'i>(node: Node<'a, 'i>, ns: Option<&str>, name: &str) -> Node<'a, 'i> {
        let found = kids(node, ns, name);
        assert_eq!(
            found.len(),
            1,
            "exactly one <{name}> in <{}>",
            node.tag_name().name()
        );
        found[0]
    }

    fn text<'a>(node: Node<'a, '_>, ns: Option<&str>, name: &str) -> &'a str {
        kid(node, ns, name).text().unwrap_or("")
    }

    #[test]
    fn rss_has_the_rss_2_structure() {
        let xml = rss(
            &feed(),
            &[full_item(), item("cu", "2020-05-27T08:30:00+07:00")],
        );
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss "));
        let doc = Document::parse(&xml).expect("well-formed RSS");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "rss");
        assert_eq!(root.attribute("version"), Some("2.0"));
        let channel = kid(root, None, "channel");
        assert_eq!(text(channel, None, "title"), feed().title);
        assert_eq!(text(channel, None, "link"), feed().html_url);
        assert_eq!(text(channel, None, "description"), feed().description);
        assert_eq!(text(channel, None, "language"), "vi");
        assert_eq!(text(channel, Some(NS_DC), "publisher"), feed().publisher);
        // Newest change is the first item's `updated`, not its date and not "now".
        assert_eq!(
            text(channel, None, "lastBuildDate"),
            "Tue, 02 Jul 2024 09:15:00 +0700"
        );
        let own = kid(channel, Some(NS_ATOM), "link");
        assert_eq!(own.attribute("rel"), Some("self"));
        assert_eq!(own.attribute("href"), Some(feed().rss_url));
        assert_eq!(own.attribute("type"), Some("application/rss+xml"));

        let items = kids(channel, None, "item");
        assert_eq!(items.len(), 2);
        let first = items[0];
        let permalink = "https://agufo.github.io/portal/tin-tuc/hoi-nghi/";
        assert_eq!(text(first, None, "link"), permalink);
        let guid = kid(first, None, "guid");
        assert_eq!(guid.text(), Some(permalink));
        assert_eq!(guid.attribute("isPermaLink"), Some("true"));
        assert_eq!(
            text(first, None, "pubDate"),
            "Mon, 01 Jul 2024 05:00:00 +0700"
        );
        assert_eq!(text(first, Some(NS_DC), "creator"), "Q.N");
        let cats: Vec<_> = kids(first, None, "category")
            .iter()
            .map(|c| c.text())
            .collect();
        assert_eq!(cats, [Some("Tin tức hoạt động"), Some("viện trợ")]);
        let content = text(first, Some(NS_CONTENT), "encoded");
        assert!(content.contains("href=\"https://agufo.github.io/portal/gioi-thieu/\""));
        assert!(content.contains("src=\"https://agufo.github.io/portal/images/2024/a.jpg\""));
        let media = kid(first, Some(NS_MEDIA), "content");
        assert_eq!(
            media.attribute("url"),
            Some("https://agufo.github.io/portal/images/2024/a.jpg")
        );
        assert_eq!(media.attribute("type"), Some("image/jpeg"));
        assert_eq!(
            text(media, Some(NS_MEDIA), "description"),
            "Đại biểu dự hội nghị"
        );

        // The summary-only item has neither content nor author nor image.
        let second = items[1];
        assert!(kids(second, Some(NS_CONTENT), "encoded").is_empty());
        assert!(kids(second, Some(NS_DC), "creator").is_empty());
        assert!(kids(second, Some(NS_MEDIA), "content").is_empty());
        assert_eq!(
            text(second, None, "pubDate"),
            "Wed, 27 May 2020 08:30:00 +0700"
        );

        assert_eq!(
            xml,
            rss(
                &feed(),
                &[full_item(), item("cu", "2020-05-27T08:30:00+07:00")]
            )
        );
    }

    #[test]
    fn atom_has_the_rfc_4287_structure() {
        let xml = atom(
            &feed(),
            &[full_item(), item("cu", "2020-05-27T08:30:00+07:00")],
        );
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed "));
        let doc = Document::parse(&xml).expect("well-formed Atom");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "feed");
        assert_eq!(root.tag_name().namespace(), Some(NS_ATOM));
        let a = Some(NS_ATOM);
        assert_eq!(text(root, a, "id"), feed().atom_url);
        assert_eq!(text(root, a, "title"), feed().title);
        assert_eq!(text(root, a, "subtitle"), feed().description);
        assert_eq!(text(root, a, "updated"), "2024-07-02T09:15:00+07:00");
        assert_eq!(text(kid(root, a, "author"), a, "name"), feed().publisher);
        let links: Vec<_> = kids(root, a, "link")
            .iter()
            .map(|l| (l.attribute("rel"), l.attribute("href")))
            .collect();
        assert_eq!(
            links,
            [
                (Some("self"), Some(feed().atom_url)),
                (Some("alternate"), Some(feed().html_url))
            ]
        );

        let entries = kids(root, a, "entry");
        assert_eq!(entries.len(), 2);
        let e = entries[0];
        let permalink = "https://agufo.github.io/portal/tin-tuc/hoi-nghi/";
        assert_eq!(text(e, a, "id"), permalink);
        assert_eq!(text(e, a, "published"), "2024-07-01T05:00:00+07:00");
        assert_eq!(text(e, a, "updated"), "2024-07-02T09:15:00+07:00");
        assert_eq!(text(kid(e, a, "author"), a, "name"), "Q.N");
        assert_eq!(kid(e, a, "summary").attribute("type"), Some("text"));
        let content = kid(e, a, "content");
        assert_eq!(content.attribute("type"), Some("html"));
        assert!(
            content
                .text()
                .unwrap_or("")
                .contains("<a href=\"https://agufo.github.io/portal/gioi-thieu/\">")
        );
        let terms: Vec<_> = kids(e, a, "category")
            .iter()
            .map(|c| c.attribute("term"))
            .collect();
        assert_eq!(terms, [Some("Tin tức hoạt động"), Some("viện trợ")]);
        let links: Vec<_> = kids(e, a, "link")
            .iter()
            .map(|l| (l.attribute("rel"), l.attribute("type"), l.attribute("href")))
            .collect();
        assert_eq!(
            links,
            [
                (Some("alternate"), Some("text/html"), Some(permalink)),
                (
                    Some("enclosure"),
                    Some("image/jpeg"),
                    Some("https://agufo.github.io/portal/images/2024/a.jpg")
                )
            ]
        );
        // Without its own `updated`, an entry's updated is its date; no author falls back to the
        // feed's.
        let old = entries[1];
        assert_eq!(text(old, a, "updated"), "2020-05-27T08:30:00+07:00");
        assert!(kids(old, a, "author").is_empty());
        assert!(kids(old, a, "content").is_empty());
    }

    #[test]
    fn empty_feeds_are_still_valid() {
        let r = rss(&feed(), &[]);
        let doc = Document::parse(&r).expect("well-formed empty RSS");
        let channel = kid(doc.root_element(), None, "channel");
        assert!(kids(channel, None, "item").is_empty());
        assert!(kids(channel, None, "lastBuildDate").is_empty());
        assert_eq!(text(channel, None, "title"), feed().title);

        let a = atom(&feed(), &[]);
        let doc = Document::parse(&a).expect("well-formed empty Atom");
        let root = doc.root_element();
        assert_eq!(text(root, Some(NS_ATOM), "updated"), EMPTY_FEED_UPDATED);
        assert_eq!(at(EMPTY_FEED_UPDATED), at("2000-01-01T00:00:00+07:00"));
        assert!(kids(root, Some(NS_ATOM), "author").len() == 1);
    }

    #[test]
    fn blank_publisher_and_description_have_fallbacks() {
        let f = Feed {
            publisher: "  ",
            description: "",
            ..feed()
        };
        let r = rss(&f, &[]);
        let doc = Document::parse(&r).expect("RSS");
        let channel = kid(doc.root_element(), None, "channel");
        assert_eq!(text(channel, None, "description"), f.title);
        assert!(kids(channel, Some(NS_DC), "publisher").is_empty());
        let a = atom(&f, &[]);
        let doc = Document::parse(&a).expect("Atom");
        let root = doc.root_element();
        assert_eq!(
            text(kid(root, Some(NS_ATOM), "author"), Some(NS_ATOM), "name"),
            f.title
        );
        assert!(kids(root, Some(NS_ATOM), "subtitle").is_empty());
    }

    #[test]
    fn a_blank_summary_falls_back_to_the_title() {
        let it = FeedItem {
            title: "Tôm & cá",
            summary: " \n",
            ..item("x", "2024-07-01T05:00:00+07:00")
        };
        let r = rss(&feed(), std::slice::from_ref(&it));
        let doc = Document::parse(&r).expect("RSS");
        let i = kid(kid(doc.root_element(), None, "channel"), None, "item");
        assert_eq!(text(i, None, "description"), "Tôm &amp; cá");
        let a = atom(&feed(), std::slice::from_ref(&it));
        let doc = Document::parse(&a).expect("Atom");
        let e = kid(doc.root_element(), Some(NS_ATOM), "entry");
        assert_eq!(text(e, Some(NS_ATOM), "summary"), "Tôm & cá");
    }

    #[test]
    fn hostile_text_is_escaped_or_dropped() {
        // (input, what a parser must read back)
        let cases = [
            ("Tôm & cá", "Tôm & cá"),
            ("<script>alert('x')</script>", "<script>alert('x')</script>"),
            ("\"Đối ngoại\" nhân dân", "\"Đối ngoại\" nhân dân"),
            ("CDATA ends ]]> here", "CDATA ends ]]> here"),
            ("&amp; is not decoded", "&amp; is not decoded"),
            (
                "nul\u{0}bell\u{7}vt\u{b}ff\u{c}esc\u{1b}us\u{1f}end",
                "nulbellvtffescusend",
            ),
            ("cr\r\nlf\ttab", "cr\nlf\ttab"),
            ("non\u{FFFE}char\u{FFFF}s", "nonchars"),
            (
                "NFD: Đa\u{300} Nă\u{303}ng 🇻🇳",
                "NFD: Đa\u{300} Nă\u{303}ng 🇻🇳",
            ),
        ];
        for (input, expected) in cases {
            let it = FeedItem {
                title: input,
                summary: input,
                author: Some(input),
                categories: vec![input],
                content_html: Some(input),
                image: Some(("https://h/a.png", input)),
                ..item("x", "2024-07-01T05:00:00+07:00")
            };
            let f = Feed {
                title: input,
                description: input,
                publisher: input,
                ..feed()
            };
            let r = rss(&f, std::slice::from_ref(&it));
            let doc = Document::parse(&r).unwrap_or_else(|e| panic!("RSS for {input:?}: {e}"));
            let channel = kid(doc.root_element(), None, "channel");
            assert_eq!(text(channel, None, "title"), expected, "{input:?}");
            assert_eq!(text(channel, None, "description"), expected, "{input:?}");
            let i = kid(channel, None, "item");
            assert_eq!(text(i, None, "title"), expected, "{input:?}");
            assert_eq!(text(i, Some(NS_DC), "creator"), expected, "{input:?}");
            assert_eq!(text(i, None, "category"), expected.trim(), "{input:?}");
            assert_eq!(text(i, Some(NS_CONTENT), "encoded"), expected, "{input:?}");
            // <description> is HTML for readers: the plain summary arrives HTML-escaped.
            assert_eq!(
                text(i, None, "description"),
                crate::markdown::escape_html(expected),
                "{input:?}"
            );

            let a = atom(&f, std::slice::from_ref(&it));
            let doc = Document::parse(&a).unwrap_or_else(|e| panic!("Atom for {input:?}: {e}"));
            let root = doc.root_element();
            let ns = Some(NS_ATOM);
            assert_eq!(text(root, ns, "title"), expected, "{input:?}");
            let e = kid(root, ns, "entry");
            assert_eq!(text(e, ns, "title"), expected, "{input:?}");
            assert_eq!(text(e, ns, "summary"), expected, "{input:?}");
            assert_eq!(text(e, ns, "content"), expected, "{input:?}");
            assert_eq!(
                kid(e, ns, "category").attribute("term"),
                Some(expected.trim())
            );
            let enclosure = kids(e, ns, "link")
                .into_iter()
                .find(|l| l.attribute("rel") == Some("enclosure"))
                .expect("enclosure");
            // Attribute values keep tab and newline (written as references).
            assert_eq!(enclosure.attribute("title"), Some(expected), "{input:?}");
        }
    }

    #[test]
    fn dates_keep_their_offset() {
        // (date, RSS pubDate, Atom published)
        let cases = [
            (
                "2024-07-01T05:00:00+07:00",
                "Mon, 01 Jul 2024 05:00:00 +0700",
                "2024-07-01T05:00:00+07:00",
            ),
            (
                "2020-05-27T08:30:00+07:00",
                "Wed, 27 May 2020 08:30:00 +0700",
                "2020-05-27T08:30:00+07:00",
            ),
            (
                "2025-12-31T23:59:59.750+07:00",
                "Wed, 31 Dec 2025 23:59:59 +0700",
                "2025-12-31T23:59:59+07:00",
            ),
            (
                "2024-06-30T22:00:00+00:00",
                "Sun, 30 Jun 2024 22:00:00 +0000",
                "2024-06-30T22:00:00+00:00",
            ),
        ];
        for (date, pub_date, published) in cases {
            let it = item("x", date);
            let r = rss(&feed(), std::slice::from_ref(&it));
            assert!(
                r.contains(&format!("<pubDate>{pub_date}</pubDate>")),
                "{date}: {r}"
            );
            assert!(
                r.contains(&format!("<lastBuildDate>{pub_date}</lastBuildDate>")),
                "{date}"
            );
            let a = atom(&feed(), std::slice::from_ref(&it));
            assert!(
                a.contains(&format!("<published>{published}</published>")),
                "{date}: {a}"
            );
            assert!(
                a.contains(&format!("<updated>{published}</updated>")),
                "{date}"
            );
        }
    }

    #[test]
    fn newest_change_looks_at_every_item() {
        // (items as (date, updated), expected feed-level date)
        type Case = (
            &'static [(&'static str, Option<&'static str>)],
            &'static str,
        );
        let cases: [Case; 4] = [
            (
                &[("2024-07-01T05:00:00+07:00", None)],
                "2024-07-01T05:00:00+07:00",
            ),
            (
                &[
                    ("2024-07-01T05:00:00+07:00", None),
                    (
                        "2024-06-01T05:00:00+07:00",
                        Some("2024-07-05T10:00:00+07:00"),
                    ),
                ],
                "2024-07-05T10:00:00+07:00",
            ),
            // An `updated` before the date is ignored.
            (
                &[(
                    "2024-07-01T05:00:00+07:00",
                    Some("2023-01-01T00:00:00+07:00"),
                )],
                "2024-07-01T05:00:00+07:00",
            ),
            // Instants compare across offsets: 23:00Z on 30 June is 06:00 on 1 July in Vietnam.
            (
                &[
                    ("2024-07-01T05:00:00+07:00", None),
                    ("2024-06-30T23:00:00+00:00", None),
                ],
                "2024-06-30T23:00:00+00:00",
            ),
        ];
        for (dates, expected) in cases {
            let items: Vec<FeedItem> = dates
                .iter()
                .map(|(d, u)| FeedItem {
                    updated: u.map(at),
                    ..item("x", d)
                })
                .collect();
            assert_eq!(
                newest_change(&items).map(rfc3339).as_deref(),
                Some(expected)
            );
            let a = atom(&feed(), &items);
            let doc = Document::parse(&a).expect("Atom");
            assert_eq!(text(doc.root_element(), Some(NS_ATOM), "updated"), expected);
        }
        assert_eq!(newest_change(&[]), None);
    }

    #[test]
    fn absolutize_rewrites_root_relative_urls_only() {
        let base = "https://agufo.github.io/portal/";
        let cases = [
            (
                r#"<a href="/portal/x/">x</a>"#,
                r#"<a href="https://agufo.github.io/portal/x/">x</a>"#,
            ),
            (
                r#"<img src='/portal/a.jpg' alt=x>"#,
                r#"<img src='https://agufo.github.io/portal/a.jpg' alt=x>"#,
            ),
            (
                r#"<img src=/portal/a.jpg>"#,
                r#"<img src=https://agufo.github.io/portal/a.jpg>"#,
            ),
            (
                r#"<A HREF = "/y">"#,
                r#"<A HREF = "https://agufo.github.io/y">"#,
            ),
            (
                r#"<video poster="/p.jpg" src="/v.mp4">"#,
                r#"<video poster="https://agufo.github.io/p.jpg" src="https://agufo.github.io/v.mp4">"#,
            ),
            (
                r#"<img srcset="/a-1x.jpg 1x, /a-2x.jpg 2x,https://cdn/a.jpg 3x">"#,
                r#"<img srcset="https://agufo.github.io/a-1x.jpg 1x, https://agufo.github.io/a-2x.jpg 2x,https://cdn/a.jpg 3x">"#,
            ),
            // As in the HTML parser, a comma inside a URL token belongs to the URL; only separating
            // commas (after whitespace or at the end of a token) split candidates.
            (
                r#"<img srcset="/a.jpg,/b.jpg 2x">"#,
                r#"<img srcset="https://agufo.github.io/a.jpg,/b.jpg 2x">"#,
            ),
            (
                r#"<img srcset="/a.jpg, /b.jpg 2x,">"#,
                r#"<img srcset="https://agufo.github.io/a.jpg, https://agufo.github.io/b.jpg 2x,">"#,
            ),
            // Untouched: protocol-relative, absolute, relative, fragment, mailto, other attributes.
            (
                r#"<a href="//cdn.example/x">"#,
                r#"<a href="//cdn.example/x">"#,
            ),
            (
                r#"<a href="/\evil.example/">"#,
                r#"<a href="/\evil.example/">"#,
            ),
            (
                r#"<a href="https://thoidai.com.vn/a">"#,
                r#"<a href="https://thoidai.com.vn/a">"#,
            ),
            (r#"<a href="x/y">"#, r#"<a href="x/y">"#),
            (r##"<a href="#chu-thich">"##, r##"<a href="#chu-thich">"##),
            (r#"<a href="mailto:a@b.vn">"#, r#"<a href="mailto:a@b.vn">"#),
            (
                r#"<a data-href="/x" title="/x">/x</a>"#,
                r#"<a data-href="/x" title="/x">/x</a>"#,
            ),
            // Text, comments and escaped markup are not tags.
            (
                r#"<p>href="/x" &lt;a href="/x"&gt;</p>"#,
                r#"<p>href="/x" &lt;a href="/x"&gt;</p>"#,
            ),
            (
                r#"<!-- <a href="/x"> --><a href="/z">"#,
                r#"<!-- <a href="/x"> --><a href="https://agufo.github.io/z">"#,
            ),
            (
                r#"<a title="a > b" href="/x">"#,
                r#"<a title="a > b" href="https://agufo.github.io/x">"#,
            ),
            (
                r#"<a href=" /x">"#,
                r#"<a href=" https://agufo.github.io/x">"#,
            ),
            // Broken markup never panics and keeps every byte.
            (r#"<a href="/x"#, r#"<a href="https://agufo.github.io/x"#),
            (r#"<a href="#, r#"<a href="#),
            ("<a href=", "<a href="),
            ("<", "<"),
            ("<!--", "<!--"),
            (
                "a < b and <img alt='ảnh' src='/đ.jpg'>",
                "a < b and <img alt='ảnh' src='https://agufo.github.io/đ.jpg'>",
            ),
            // A tag name starts with an ASCII letter; "<ă" is text to an HTML parser.
            ("<ă href='/đ'>", "<ă href='/đ'>"),
        ];
        for (input, expected) in cases {
            assert_eq!(absolutize(input, base), expected, "{input}");
            // Idempotent: content absolutized by the caller comes through unchanged.
            assert_eq!(absolutize(expected, base), expected, "twice: {input}");
        }
        // The origin keeps a port and drops the base path; without a scheme nothing changes.
        let html = r#"<a href="/x">"#;
        assert_eq!(
            absolutize(html, "http://localhost:1111/"),
            r#"<a href="http://localhost:1111/x">"#
        );
        assert_eq!(
            absolutize(html, "https://h.vn"),
            r#"<a href="https://h.vn/x">"#
        );
        assert_eq!(absolutize(html, "/portal/"), html);
        assert_eq!(absolutize(html, ""), html);
        assert_eq!(absolutize(html, "https:///x/"), html);
    }

    #[test]
    fn absolutize_survives_any_truncation() {
        // Every prefix of a tricky document, cut at each char boundary: no panic, and removing
        // the inserted origins gives the input back byte for byte.
        let html = "<p title='ả>b'>Đà <a href=\"/x/ả\" data-x=\"/y\"><img srcset=\"/a.jpg 1x, \
                    /b.jpg 2x\" src=/c.jpg alt=ảnh></a><!-- <a href=/z> --></p><a\thref\n=\n'/đ'>";
        let origin = "https://h.vn";
        for (cut, _) in html.char_indices().chain([(html.len(), ' ')]) {
            let input = &html[..cut];
            let out = absolutize(input, "https://h.vn/portal/");
            assert_eq!(out.replace(origin, ""), input, "cut at {cut}");
        }
        let full = absolutize(html, "https://h.vn/portal/");
        assert_eq!(full.matches(origin).count(), 5, "{full}");
    }

    #[test]
    fn encode_url_only_touches_what_urls_cannot_hold() {
        let cases = [
            ("https://h.vn/tin-tuc/abc/", "https://h.vn/tin-tuc/abc/"),
            ("https://h.vn/a?b=1&c=%20#d", "https://h.vn/a?b=1&c=%20#d"),
            ("https://h.vn/ảnh 1.jpg", "https://h.vn/%E1%BA%A3nh%201.jpg"),
            ("/a\"<b>", "/a%22%3Cb%3E"),
            ("/a\nb", "/a%0Ab"),
            (" /a ", "/a"),
        ];
        for (input, expected) in cases {
            assert_eq!(encode_url(input), expected, "{input:?}");
        }
    }

    #[test]
    fn image_types_come_from_the_extension() {
        let cases = [
            ("https://h/a.JPG", Some("image/jpeg")),
            ("https://h/a.webp?v=2", Some("image/webp")),
            ("https://h/a.png#x", Some("image/png")),
            ("https://h/anh", None),
            ("https://h/a.bmp", None),
        ];
        for (url, mime) in cases {
            assert_eq!(image_mime(url), mime, "{url}");
        }
    }
}
