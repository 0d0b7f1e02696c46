//! Reads RSS 2.0 and Atom 1.0 feeds — what most provincial CMSs publish — into the items the
//! import works on. Each item keeps its `<link>` as its old address and its `<guid>` when that
//! is another address (`/Default.aspx?ItemID=1024`); the full text is `content:encoded`, Atom's
//! `content`, else the description. Several feeds (saved over months, or one per category)
//! are read together, each article once: where two feeds hold it, the fuller text wins.
//!
//! A file that is not XML, is cut short, or is not a feed is one problem at its line; nothing
//! is read from it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use roxmltree::Node;

use super::media::slug_and_id;
use super::wxr::{Export, Flavor, Item, ItemTerm, Kind, XmlFile, child, is, parse_xml, text_of};
use crate::msg;
use crate::problem::{Problem, SourceFile};

const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";
const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";

/// Ids of the pictures a feed names (an enclosure, `media:content`): far above any post id,
/// so they never meet one.
const PICTURE_IDS: u64 = 1 << 48;

/// Reads the feeds into one export: their items in order, each article once.
pub fn parse(files: Vec<SourceFile>) -> Result<Export, Box<Problem>> {
    let Some(first) = files.first().cloned() else {
        return Err(Box::new(Problem::error(
            "import::no-feed",
            msg!("import-no-feed"),
        )));
    };
    let mut export = Export {
        flavor: Flavor::Feed,
        file: first,
        site_url: String::new(),
        title: String::new(),
        authors: HashMap::new(),
        categories: Vec::new(),
        tags: Vec::new(),
        items: Vec::new(),
        version: String::new(),
        what: msg!("import-what-feeds", count = 0, formats = ""),
    };
    let mut formats = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for file in files {
        let read = read_feed(&file)?;
        if export.site_url.is_empty() {
            export.site_url = read.site_url.trim_end_matches('/').to_string();
            export.title = read.title;
        }
        formats.push(read.format);
        for (item, picture) in read.items {
            let key = if item.link.is_empty() {
                item.guid.clone()
            } else {
                item.link.clone()
            };
            match seen.get(&key) {
                // The same article in two feeds: the fuller text stays.
                Some(&at) => {
                    if export.items[at].content.len() < item.content.len() {
                        export.items[at] = item;
                    }
                }
                None => {
                    let mut item = item;
                    if let Some(url) = picture {
                        let id = PICTURE_IDS + export.items.len() as u64;
                        item.meta.push(("_thumbnail_id".into(), id.to_string()));
                        export.items.push(picture_item(id, url, &item));
                    }
                    seen.insert(key, export.items.len());
                    export.items.push(item);
                }
            }
        }
    }
    let n = formats.len();
    formats.sort_unstable();
    formats.dedup();
    export.version = formats.join(", ");
    export.what = msg!(
        "import-what-feeds",
        count = n,
        formats = export.version.as_str()
    );
    Ok(export)
}

struct Read {
    format: &'static str,
    site_url: String,
    title: String,
    /// Each item, with the address of its picture (an enclosure) if it names one.
    items: Vec<(Item, Option<String>)>,
}

fn read_feed(file: &SourceFile) -> Result<Read, Box<Problem>> {
    let text = file.text.clone();
    let doc = parse_xml(file, &text, XmlFile::Feed)?;
    let root = doc.root_element();
    match (root.tag_name().name(), root.tag_name().namespace()) {
        ("rss", _) => Ok(rss(root)),
        ("feed", Some(ATOM_NS)) => Ok(atom(file, root)),
        (name, _) => Err(Box::new(
            Problem::error(
                "import::not-a-feed",
                msg!("import-not-a-feed", element = name),
            )
            .at(file, root.range().start..root.range().start + 1)
            .help(msg!("import-not-a-feed-help")),
        )),
    }
}

fn rss(root: Node) -> Read {
    let channel = child(root, "", "channel");
    let text_of_channel = |name: &str| {
        channel
            .and_then(|c| child(c, "", name))
            .map(text_of)
            .unwrap_or_default()
    };
    let mut items = Vec::new();
    for node in channel
        .into_iter()
        .flat_map(|c| c.children())
        .filter(|n| is(n, "", "item"))
    {
        let mut item = empty_item(node, "<item>".len());
        let mut description = String::new();
        let mut picture = None;
        for field in node.children().filter(Node::is_element) {
            let ns = field.tag_name().namespace().unwrap_or("");
            match (ns, field.tag_name().name()) {
                ("", "title") => item.title = text_of(field),
                ("", "link") => item.link = text_of(field).trim().to_string(),
                ("", "guid") => item.guid = text_of(field).trim().to_string(),
                ("", "pubDate") => set_date(&mut item, &text_of(field)),
                ("", "description") => description = text_of(field),
                ("", "category") => item.terms.push(term(text_of(field))),
                ("", "author") if item.creator.is_empty() => {
                    item.creator = rss_author(&text_of(field))
                }
                ("", "enclosure") if picture.is_none() => picture = image_url(field),
                (CONTENT_NS, "encoded") => item.content = text_of(field),
                (DC_NS, "creator") => item.creator = text_of(field).trim().to_string(),
                (DC_NS, "date") => set_date(&mut item, &text_of(field)),
                (MEDIA_NS, "content" | "thumbnail") if picture.is_none() => {
                    picture = image_url(field)
                }
                _ => {}
            }
        }
        finish(&mut item, description);
        items.push((item, picture));
    }
    Read {
        format: "RSS",
        site_url: text_of_channel("link"),
        title: text_of_channel("title"),
        items,
    }
}

fn atom(file: &SourceFile, root: Node) -> Read {
    let site_url = alternate(root).unwrap_or_default();
    let title = child(root, ATOM_NS, "title")
        .map(|t| atom_text(file, t))
        .unwrap_or_default();
    let mut items = Vec::new();
    for node in root.children().filter(|n| is(n, ATOM_NS, "entry")) {
        let mut item = empty_item(node, "<entry>".len());
        let mut summary = String::new();
        let mut picture = None;
        item.link = alternate(node).unwrap_or_default();
        for field in node.children().filter(Node::is_element) {
            if field.tag_name().namespace() == Some(MEDIA_NS) && picture.is_none() {
                picture = image_url(field);
                continue;
            }
            if field.tag_name().namespace() != Some(ATOM_NS) {
                continue;
            }
            match field.tag_name().name() {
                "title" => item.title = atom_text(file, field),
                "id" => item.guid = text_of(field).trim().to_string(),
                "published" => set_date(&mut item, &text_of(field)),
                "updated" if item.date_gmt.is_empty() => set_date(&mut item, &text_of(field)),
                "summary" => summary = atom_text(file, field),
                "content" => item.content = atom_text(file, field),
                "author" => {
                    if let Some(name) = child(field, ATOM_NS, "name") {
                        item.creator = text_of(name).trim().to_string();
                    }
                }
                "category" => {
                    let name = field
                        .attribute("label")
                        .or(field.attribute("term"))
                        .unwrap_or("");
                    item.terms.push(term(name.to_string()));
                }
                "link" if field.attribute("rel") == Some("enclosure") && picture.is_none() => {
                    picture = image_url(field)
                }
                _ => {}
            }
        }
        finish(&mut item, summary);
        items.push((item, picture));
    }
    Read {
        format: "Atom",
        site_url,
        title,
        items,
    }
}

fn empty_item(node: Node, tag: usize) -> Item {
    Item {
        span: node.range().start..node.range().start + tag,
        kind: Kind::Post,
        status: "publish".into(),
        ..Item::default()
    }
}

/// The text is the full content when there is one, the description otherwise (then the
/// description is not also the summary); the slug and number come from the old address.
fn finish(item: &mut Item, description: String) {
    if item.content.trim().is_empty() {
        item.content = description;
    } else {
        item.excerpt = description;
    }
    let address = if item.link.is_empty() {
        &item.guid
    } else {
        &item.link
    };
    let path = address
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_else(|| address.clone());
    let (slug, id) = slug_and_id(&path);
    item.name = slug;
    item.id = id.unwrap_or(0);
}

/// An RFC 2822 (RSS) or RFC 3339 (Atom) time, as the UTC time the import reads; a date the
/// feed writes in another form is left out, and the item is reported without a date.
fn set_date(item: &mut Item, text: &str) {
    let text = text.trim();
    let parsed = DateTime::parse_from_rfc2822(text)
        .or_else(|_| DateTime::parse_from_rfc3339(text))
        .ok();
    if let Some(date) = parsed {
        item.date_gmt = date
            .with_timezone(&Utc)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string();
    } else if item.date.is_empty() {
        // A local time in one of bantin's own forms (some CMSs write "27/05/2020 08:30").
        item.date = text.to_string();
    }
}

/// `nguyenvana@example.vn (Nguyễn Văn A)` → the name; an address alone says nothing.
fn rss_author(text: &str) -> String {
    let text = text.trim();
    if let (Some(open), true) = (text.find('('), text.ends_with(')')) {
        return text[open + 1..text.len() - 1].trim().to_string();
    }
    if text.contains('@') {
        String::new()
    } else {
        text.to_string()
    }
}

fn term(name: String) -> ItemTerm {
    ItemTerm {
        domain: "category".into(),
        slug: String::new(),
        name,
    }
}

/// A picture's address from an enclosure or `media:content`, if it is a picture.
fn image_url(node: Node) -> Option<String> {
    let url = node.attribute("url").or(node.attribute("href"))?;
    let kind = node.attribute("type").unwrap_or("");
    let medium = node.attribute("medium").unwrap_or("");
    let looks = [".jpg", ".jpeg", ".png", ".webp", ".gif"].iter().any(|e| {
        url.to_ascii_lowercase()
            .split('?')
            .next()
            .is_some_and(|u| u.ends_with(e))
    });
    (kind.starts_with("image/") || medium == "image" || (kind.is_empty() && looks))
        .then(|| url.to_string())
}

/// The attachment item that stands for a feed item's picture.
fn picture_item(id: u64, url: String, of: &Item) -> Item {
    Item {
        span: of.span.clone(),
        kind: Kind::Attachment,
        id,
        status: "inherit".into(),
        attachment_url: url,
        ..Item::default()
    }
}

/// An Atom text construct as HTML: `html` as written, `xhtml` as its markup, `text` escaped.
fn atom_text(file: &SourceFile, node: Node) -> String {
    match node.attribute("type").unwrap_or("text") {
        "xhtml" => {
            let mut elements = node.children().filter(Node::is_element);
            match elements.next() {
                // The one <div> the format puts around the markup.
                Some(div) => {
                    let inner: Vec<Node> = div.children().collect();
                    match (inner.first(), inner.last()) {
                        (Some(a), Some(b)) => file.text[a.range().start..b.range().end].to_string(),
                        _ => String::new(),
                    }
                }
                None => text_of(node),
            }
        }
        "html" | "text/html" => text_of(node),
        _ => {
            let escaped = text_of(node)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            escaped
                .split("\n\n")
                .map(|p| format!("<p>{}</p>", p.trim()))
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

/// The `rel="alternate"` (or rel-less) link of a feed or entry.
fn alternate(node: Node) -> Option<String> {
    node.children()
        .filter(|n| is(n, ATOM_NS, "link"))
        .find(|l| l.attribute("rel").is_none_or(|r| r == "alternate"))
        .and_then(|l| l.attribute("href"))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn one(text: &str) -> Export {
        parse(vec![SourceFile::new("tin.xml", text)]).unwrap_or_else(|p| panic!("{}", p.message))
    }

    #[test]
    fn rss_items_keep_their_text_dates_addresses_and_pictures() {
        let e = one(r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>LHHN Trà Vinh</title><link>https://lhhn.travinh.example.vn/</link>
<item><title>Hội nghị tổng kết</title><link>https://lhhn.travinh.example.vn/tin-tuc/hoi-nghi-tong-ket-1024.html</link>
<guid isPermaLink="false">https://lhhn.travinh.example.vn/Default.aspx?tabid=56&amp;ItemID=1024</guid>
<pubDate>Wed, 27 May 2020 08:30:00 +0700</pubDate><author>bbt@example.vn (Ban biên tập)</author>
<category>Tin hoạt động</category><category>Hội nghị</category>
<description>Tóm tắt &lt;b&gt;ngắn&lt;/b&gt;</description>
<content:encoded><![CDATA[<p>Toàn văn.</p>]]></content:encoded>
<enclosure url="https://lhhn.travinh.example.vn/Uploads/hn.jpg" type="image/jpeg" length="1"/></item>
<item><title>Chỉ có mô tả</title><link>https://lhhn.travinh.example.vn/tin-tuc/mo-ta-1025.html</link>
<pubDate>Thu, 28 May 2020 01:00:00 GMT</pubDate><description><![CDATA[<p>Mô tả là toàn văn.</p>]]></description></item>
</channel></rss>"#);
        assert_eq!(e.site_url, "https://lhhn.travinh.example.vn");
        assert_eq!(e.version, "RSS");
        assert_eq!(Lang::En.text(&e.what), "1 feed (RSS)");
        let posts: Vec<&Item> = e.items.iter().filter(|i| i.kind == Kind::Post).collect();
        assert_eq!(posts.len(), 2);
        let a = posts[0];
        assert_eq!(a.title, "Hội nghị tổng kết");
        assert_eq!(a.date_gmt, "2020-05-27 01:30:00");
        assert_eq!(a.content, "<p>Toàn văn.</p>");
        assert_eq!(a.excerpt, "Tóm tắt <b>ngắn</b>");
        assert_eq!(a.creator, "Ban biên tập");
        assert_eq!((a.name.as_str(), a.id), ("hoi-nghi-tong-ket", 1024));
        assert_eq!(a.terms.len(), 2);
        let picture = e
            .items
            .iter()
            .find(|i| i.kind == Kind::Attachment)
            .expect("a picture");
        assert_eq!(
            picture.attachment_url,
            "https://lhhn.travinh.example.vn/Uploads/hn.jpg"
        );
        assert_eq!(
            a.meta("_thumbnail_id"),
            Some(picture.id.to_string().as_str())
        );
        let b = posts[1];
        assert_eq!(b.content, "<p>Mô tả là toàn văn.</p>");
        assert_eq!(b.excerpt, "");
    }

    #[test]
    fn atom_entries_in_html_xhtml_and_text() {
        let e = one(r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>LHHN</title><link href="https://lhhn.example.vn/" rel="alternate"/>
<entry><title type="html">Giao lưu &amp;amp; hữu nghị</title><link rel="alternate" href="https://lhhn.example.vn/tin/giao-luu/"/>
<id>urn:uuid:1</id><published>2024-02-22T12:00:00+07:00</published><updated>2024-02-23T12:00:00+07:00</updated>
<author><name>Minh Anh</name></author><category term="doi-ngoai" label="Đối ngoại"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Đoạn <strong>một</strong>.</p><p>Đoạn hai.</p></div></content></entry>
<entry><title>Văn bản thường</title><link href="https://lhhn.example.vn/tin/van-ban/"/><updated>2024-03-01T08:00:00Z</updated>
<content type="text">Dòng một &lt; hai.

Đoạn hai.</content></entry>
</feed>"#);
        assert_eq!(Lang::En.text(&e.what), "1 feed (Atom)");
        let a = &e.items[0];
        assert_eq!(a.title, "Giao lưu &amp; hữu nghị");
        assert_eq!(a.link, "https://lhhn.example.vn/tin/giao-luu/");
        assert_eq!(a.date_gmt, "2024-02-22 05:00:00", "published, not updated");
        assert_eq!(
            a.content,
            "<p>Đoạn <strong>một</strong>.</p><p>Đoạn hai.</p>"
        );
        assert_eq!(a.creator, "Minh Anh");
        assert_eq!(a.terms[0].name, "Đối ngoại");
        let b = &e.items[1];
        assert_eq!(b.date_gmt, "2024-03-01 08:00:00");
        assert_eq!(b.content, "<p>Dòng một &lt; hai.</p>\n<p>Đoạn hai.</p>");
    }

    #[test]
    fn an_article_in_two_feeds_is_read_once_with_the_fuller_text() {
        let feed = |content: &str| {
            SourceFile::new(
                "f.xml",
                format!(
                    "<rss version=\"2.0\"><channel><link>https://x.vn</link><item><title>A</title><link>https://x.vn/a-1.html</link><pubDate>Wed, 27 May 2020 08:30:00 +0700</pubDate><description>{content}</description></item></channel></rss>"
                ),
            )
        };
        let e = parse(vec![feed("ngắn"), feed("dài hơn nhiều")]).expect("feeds");
        assert_eq!(e.items.len(), 1);
        assert_eq!(e.items[0].content, "dài hơn nhiều");
        assert_eq!(Lang::En.text(&e.what), "2 feeds (RSS)");
    }

    #[test]
    fn what_is_not_a_feed_is_one_problem() {
        let p = parse(vec![SourceFile::new("x.xml", "<html><body/></html>")]).unwrap_err();
        assert!(
            p.shown(crate::messages::Lang::En)
                .message
                .contains("not an RSS or Atom feed"),
            "{}",
            p.message
        );
        let p = parse(vec![SourceFile::new(
            "x.xml",
            "<rss><channel><item><title>",
        )])
        .unwrap_err();
        assert!(
            p.shown(crate::messages::Lang::En)
                .message
                .contains("cut short"),
            "{}",
            p.message
        );
    }
}
