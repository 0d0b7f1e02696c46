//! Reads a WordPress export (WXR: RSS 2.0 with WordPress's own elements, versions 1.0–1.2,
//! under either the `http://` or the `https://` namespace addresses WordPress has used) into
//! plain records: the site, its terms and every item with what the import needs. Nothing here
//! decides what becomes of an item; that is `super`'s work.
//!
//! A file that is not XML, is cut short, or is XML but not a WordPress export is one problem at
//! its line and column; nothing is read from it.

use std::collections::HashMap;
use std::ops::Range;

use roxmltree::{Document, Node};

use crate::messages::Message;
use crate::msg;
use crate::problem::{Problem, SourceFile};

const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

/// WordPress's export namespace, in any version and either scheme:
/// `http://wordpress.org/export/1.2/`, `https://wordpress.org/export/1.1/`.
fn is_wp(ns: &str) -> bool {
    let rest = ns
        .strip_prefix("http://wordpress.org/export/")
        .or_else(|| ns.strip_prefix("https://wordpress.org/export/"));
    rest.is_some_and(|r| !r.ends_with("excerpt/"))
}

/// The excerpt namespace: `…/export/1.2/excerpt/`.
fn is_excerpt(ns: &str) -> bool {
    (ns.starts_with("http://wordpress.org/export/")
        || ns.starts_with("https://wordpress.org/export/"))
        && ns.ends_with("excerpt/")
}

/// What a WordPress item is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Post,
    Page,
    Attachment,
    /// Menus, navigation, revisions, reusable blocks, a plugin's own types…: named as written.
    Other(String),
}

/// A category or tag as the export's channel declares it.
#[derive(Debug, Clone, Default)]
pub struct Term {
    pub slug: String,
    pub name: String,
    /// The parent category's slug (categories only).
    pub parent: Option<String>,
}

/// A term an item is filed under: `<category domain="post_tag" nicename="x">Name</category>`.
#[derive(Debug, Clone)]
pub struct ItemTerm {
    /// `category`, `post_tag`, `post_format`, …
    pub domain: String,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Where the item starts in the export, for diagnostics.
    pub span: Range<usize>,
    /// The file the item comes from when it is not the export's own (a saved HTML page).
    pub file: Option<SourceFile>,
    pub kind: Kind,
    pub id: u64,
    pub title: String,
    /// The published address (`<link>`).
    pub link: String,
    /// `<guid>`: often `https://site/?p=123`.
    pub guid: String,
    /// The author's login (`dc:creator`).
    pub creator: String,
    pub content: String,
    pub excerpt: String,
    /// `post_date`: the site's local time, `YYYY-MM-DD HH:MM:SS`.
    pub date: String,
    /// `post_date_gmt`: UTC, or `0000-00-00 00:00:00` for drafts.
    pub date_gmt: String,
    /// `post_name`: the slug, percent-encoded when it has non-ASCII letters.
    pub name: String,
    /// `publish`, `draft`, `pending`, `private`, `future`, `trash`, `inherit`, `auto-draft`.
    pub status: String,
    pub parent: u64,
    pub sticky: bool,
    pub password: String,
    pub terms: Vec<ItemTerm>,
    pub attachment_url: String,
    /// `<wp:postmeta>` pairs, in order.
    pub meta: Vec<(String, String)>,
    pub comments: usize,
}

impl Item {
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Where the items come from: the import's old addresses and report depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// A WordPress export: `?p=ID` addresses, `/category/…/` lists, attachments.
    Wordpress,
    /// RSS or Atom feeds.
    Feed,
    /// Saved HTML pages read through a mapping file.
    Html,
}

#[derive(Debug)]
pub struct Export {
    pub flavor: Flavor,
    pub file: SourceFile,
    /// The site's address (`<channel><link>`, else `wp:base_blog_url`), without a trailing `/`.
    pub site_url: String,
    pub title: String,
    /// Author login → display name.
    pub authors: HashMap<String, String>,
    pub categories: Vec<Term>,
    pub tags: Vec<Term>,
    pub items: Vec<Item>,
    /// `wp:wxr_version`, e.g. `1.2`; a feed's formats (`Atom, RSS`); empty for saved pages.
    pub version: String,
    /// What was read, for the report: "WordPress export (WXR 1.2)", "2 feeds (Atom, RSS)".
    pub what: Message,
}

/// Reads an export from its text. `file` names it in diagnostics.
pub fn parse(file: SourceFile) -> Result<Export, Box<Problem>> {
    let text = file.text.clone();
    let doc = parse_xml(&file, &text, XmlFile::Export)?;
    let root = doc.root_element();
    let channel = (root.tag_name().name() == "rss")
        .then(|| child(root, "", "channel"))
        .flatten();
    let Some(channel) = channel else {
        return Err(Box::new(
            Problem::error(
                "import::not-wordpress",
                msg!("import-not-wordpress-xml", element = root.tag_name().name()),
            )
            .at(&file, root.range().start..root.range().start + 1)
            .help(msg!("import-not-wordpress-xml-help")),
        ));
    };
    let version = channel
        .children()
        .find(|n| {
            n.tag_name().name() == "wxr_version" && n.tag_name().namespace().is_some_and(is_wp)
        })
        .map(text_of)
        .unwrap_or_default();
    if version.is_empty() {
        return Err(Box::new(
            Problem::error("import::not-wordpress", msg!("import-not-wordpress-rss"))
                .at(&file, channel.range().start..channel.range().start + 1)
                .help(msg!("import-not-wordpress-rss-help")),
        ));
    }

    let mut export = Export {
        flavor: Flavor::Wordpress,
        site_url: String::new(),
        title: text_of_child(channel, "", "title"),
        authors: HashMap::new(),
        categories: Vec::new(),
        tags: Vec::new(),
        items: Vec::new(),
        what: msg!("import-what-wordpress", version = version.as_str()),
        version,
        file: file.clone(),
    };
    let mut base_blog = String::new();
    for node in channel.children().filter(Node::is_element) {
        let ns = node.tag_name().namespace().unwrap_or("");
        match (node.tag_name().name(), is_wp(ns)) {
            ("link", false) if ns.is_empty() => export.site_url = text_of(node),
            ("base_blog_url", true) => base_blog = text_of(node),
            ("author", true) => {
                let login = wp_text(node, "author_login");
                let display = wp_text(node, "author_display_name");
                export.authors.insert(login, display);
            }
            ("category", true) => export.categories.push(Term {
                slug: wp_text(node, "category_nicename"),
                name: wp_text(node, "cat_name"),
                parent: Some(wp_text(node, "category_parent")).filter(|p| !p.is_empty()),
            }),
            ("tag", true) => export.tags.push(Term {
                slug: wp_text(node, "tag_slug"),
                name: wp_text(node, "tag_name"),
                parent: None,
            }),
            ("item", false) if ns.is_empty() => export.items.push(item(node)),
            _ => {}
        }
    }
    if export.site_url.is_empty() {
        export.site_url = base_blog;
    }
    export.site_url = export.site_url.trim().trim_end_matches('/').to_string();
    Ok(export)
}

fn item(node: Node) -> Item {
    let mut item = Item {
        span: node.range().start..node.range().start + "<item>".len(),
        kind: Kind::Other(String::new()),
        ..Item::default()
    };
    for field in node.children().filter(Node::is_element) {
        let ns = field.tag_name().namespace().unwrap_or("");
        let name = field.tag_name().name();
        if ns.is_empty() {
            match name {
                "title" => item.title = text_of(field),
                "link" => item.link = text_of(field).trim().to_string(),
                "guid" => item.guid = text_of(field).trim().to_string(),
                "category" => item.terms.push(ItemTerm {
                    domain: field.attribute("domain").unwrap_or("category").to_string(),
                    slug: field.attribute("nicename").unwrap_or("").to_string(),
                    name: text_of(field),
                }),
                _ => {}
            }
        } else if ns == CONTENT_NS && name == "encoded" {
            item.content = text_of(field);
        } else if ns == DC_NS && name == "creator" {
            item.creator = text_of(field).trim().to_string();
        } else if is_excerpt(ns) && name == "encoded" {
            item.excerpt = text_of(field);
        } else if is_wp(ns) {
            let value = || text_of(field).trim().to_string();
            match name {
                "post_id" => item.id = value().parse().unwrap_or(0),
                "post_date" => item.date = value(),
                "post_date_gmt" => item.date_gmt = value(),
                "post_name" => item.name = value(),
                "status" => item.status = value(),
                "post_parent" => item.parent = value().parse().unwrap_or(0),
                "post_type" => {
                    item.kind = match value().as_str() {
                        "post" => Kind::Post,
                        "page" => Kind::Page,
                        "attachment" => Kind::Attachment,
                        other => Kind::Other(other.to_string()),
                    }
                }
                "post_password" => item.password = value(),
                "is_sticky" => item.sticky = value() == "1",
                "attachment_url" => item.attachment_url = value(),
                "postmeta" => item
                    .meta
                    .push((wp_text(field, "meta_key"), wp_text(field, "meta_value"))),
                "comment" => item.comments += 1,
                _ => {}
            }
        }
    }
    item
}

/// An XML file's tree (a DTD allowed, as some exporters write one), or one problem at the place
/// it could not be read. `what` says which kind of file it should be.
pub(crate) fn parse_xml<'t>(
    file: &SourceFile,
    text: &'t str,
    what: XmlFile,
) -> Result<Document<'t>, Box<Problem>> {
    Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .map_err(|e| Box::new(xml_problem(file, &e, what)))
}

/// Is `node` the element `name` in namespace `ns` (`""`: none)?
pub(crate) fn is(node: &Node, ns: &str, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace().unwrap_or("") == ns
}

/// The first child element named `name` in namespace `ns` (`""`: none).
pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(n, ns, name))
}

fn text_of_child(node: Node, ns: &str, name: &str) -> String {
    child(node, ns, name).map(text_of).unwrap_or_default()
}

/// The text of a WordPress child element (any WordPress namespace).
fn wp_text(node: Node, name: &str) -> String {
    node.children()
        .find(|n| n.tag_name().name() == name && n.tag_name().namespace().is_some_and(is_wp))
        .map(text_of)
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// All text inside an element, CDATA sections included, joined.
pub(crate) fn text_of(node: Node) -> String {
    let mut out = String::new();
    for d in node.descendants().filter(Node::is_text) {
        out.push_str(d.text().unwrap_or(""));
    }
    out
}

/// Which kind of XML file is read, for the problems about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XmlFile {
    Export,
    Feed,
}

impl XmlFile {
    /// The word the messages choose their wording by: `export` or `feed`.
    fn name(self) -> &'static str {
        match self {
            XmlFile::Export => "export",
            XmlFile::Feed => "feed",
        }
    }
}

/// A file that roxmltree could not read, as one problem at its place: cut short, not XML at
/// all, or damaged. The parser's own words are kept as the reason.
fn xml_problem(file: &SourceFile, e: &roxmltree::Error, what: XmlFile) -> Problem {
    let pos = e.pos();
    let offset = file.offset_of(pos.row as usize, pos.col as usize);
    let end = (offset + 1).min(file.text.len());
    let truncated = matches!(
        e,
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode
    ) || offset >= file.text.trim_end().len();
    let kind = what.name();
    let again = msg!("import-xml-again", file = kind);
    let (message, help) = if truncated {
        (msg!("import-xml-cut-short", file = kind), again)
    } else if offset == 0 || !file.text.trim_start().starts_with('<') {
        (
            msg!("import-xml-not-xml", file = kind, reason = e.to_string()),
            msg!("import-xml-not-xml-help", file = kind, again = again),
        )
    } else {
        (
            msg!("import-xml-malformed", file = kind, reason = e.to_string()),
            msg!("import-xml-malformed-help", again = again),
        )
    };
    Problem::error("import::bad-export", message)
        .at(file, offset.min(end)..end)
        .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(items: &str, ns: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel>
<title>Liên hiệp hữu nghị</title>
<link>https://lhhn.example.vn/</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[Quản trị]]></wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>tin-tuc</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Tin tức]]></wp:cat_name></wp:category>
<wp:tag><wp:tag_slug>hoi-nghi</wp:tag_slug><wp:tag_name><![CDATA[Hội nghị]]></wp:tag_name></wp:tag>
{items}
</channel>
</rss>
"#
        )
    }

    const ITEM: &str = r#"<item>
<title>Hội nghị tổng kết</title>
<link>https://lhhn.example.vn/2020/05/27/hoi-nghi/</link>
<guid isPermaLink="false">https://lhhn.example.vn/?p=12</guid>
<dc:creator><![CDATA[admin]]></dc:creator>
<content:encoded><![CDATA[<p>Nội dung</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Tóm tắt]]></excerpt:encoded>
<wp:post_id>12</wp:post_id>
<wp:post_date>2020-05-27 08:30:00</wp:post_date>
<wp:post_date_gmt>2020-05-27 01:30:00</wp:post_date_gmt>
<wp:post_name>hoi-nghi</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type>post</wp:post_type>
<wp:is_sticky>1</wp:is_sticky>
<category domain="category" nicename="tin-tuc"><![CDATA[Tin tức]]></category>
<category domain="post_tag" nicename="hoi-nghi"><![CDATA[Hội nghị]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[34]]></wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment>
</item>"#;

    #[test]
    fn reads_both_namespace_schemes() {
        for ns in [
            "http://wordpress.org/export/1.2/",
            "https://wordpress.org/export/1.2/",
            "http://wordpress.org/export/1.1/",
        ] {
            let e = parse(SourceFile::new("x.xml", export(ITEM, ns))).expect(ns);
            assert_eq!(e.site_url, "https://lhhn.example.vn");
            assert_eq!(e.authors["admin"], "Quản trị");
            assert_eq!(e.categories[0].name, "Tin tức");
            assert_eq!(e.tags[0].slug, "hoi-nghi");
            let item = &e.items[0];
            assert_eq!(item.kind, Kind::Post);
            assert_eq!(item.id, 12);
            assert_eq!(item.title, "Hội nghị tổng kết");
            assert_eq!(item.content, "<p>Nội dung</p>");
            assert_eq!(item.excerpt, "Tóm tắt", "{ns}");
            assert_eq!(item.date_gmt, "2020-05-27 01:30:00");
            assert!(item.sticky);
            assert_eq!(item.terms.len(), 2);
            assert_eq!(item.meta("_thumbnail_id"), Some("34"));
            assert_eq!(item.comments, 1);
            assert_eq!(item.guid, "https://lhhn.example.vn/?p=12");
        }
    }

    #[test]
    fn bad_files_are_one_problem_at_their_line() {
        let not_xml = parse(SourceFile::new("x.xml", "title,date\nHội nghị,2020\n")).unwrap_err();
        assert!(
            not_xml
                .shown(crate::messages::Lang::En)
                .message
                .contains("not XML"),
            "{}",
            not_xml.message
        );

        let full = export(ITEM, "http://wordpress.org/export/1.2/");
        let cut = &full[..full.find("<wp:post_name>").expect("an item")];
        let truncated = parse(SourceFile::new("x.xml", cut)).unwrap_err();
        assert!(
            truncated
                .shown(crate::messages::Lang::En)
                .message
                .contains("cut short"),
            "{}",
            truncated.message
        );

        let broken = full.replace(
            "<wp:post_parent>0</wp:post_parent>",
            "<wp:post_parent>0</wp:parent>",
        );
        let p = parse(SourceFile::new("x.xml", broken.clone())).unwrap_err();
        let line = broken
            .lines()
            .position(|l| l.contains("</wp:parent>"))
            .expect("the line")
            + 1;
        assert_eq!(p.line_col().map(|(l, _)| l), Some(line), "{}", p.message);

        let feed = "<rss><channel><title>x</title><item><title>a</title></item></channel></rss>";
        let p = parse(SourceFile::new("x.xml", feed)).unwrap_err();
        assert!(
            p.shown(crate::messages::Lang::En)
                .message
                .contains("not a WordPress export"),
            "{}",
            p.message
        );

        let html = "<html><body>x</body></html>";
        let p = parse(SourceFile::new("x.xml", html)).unwrap_err();
        assert!(
            p.shown(crate::messages::Lang::En)
                .message
                .contains("not a WordPress export"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_bad_export_is_told_in_vietnamese() {
        use crate::messages::Lang;
        let full = export(ITEM, "http://wordpress.org/export/1.2/");
        let cut = &full[..full.find("<wp:post_name>").expect("an item")];
        let p = parse(SourceFile::new("x.xml", cut)).unwrap_err();
        let shown = p.shown(Lang::Vi);
        assert_eq!(
            shown.message,
            "tệp xuất dừng giữa chừng: tệp đã bị cắt mất phần cuối"
        );
        assert_eq!(
            shown.help.as_deref(),
            Some(
                "hãy tải về hoặc chép lại tệp xuất (Công cụ → Xuất trong WordPress) rồi nhập lại; chưa có gì được nhập"
            )
        );
        // The parser's own words are kept, framed by the sentence.
        let p = parse(SourceFile::new("x.xml", "title,date\n")).unwrap_err();
        let message = p.shown(Lang::Vi).message;
        assert!(
            message.starts_with(
                "tệp này không phải XML nên không phải tệp xuất (export) của WordPress (chi tiết: "
            ),
            "{message}"
        );
        assert_eq!(
            p.shown(Lang::En).help.as_deref(),
            Some(
                "the export is an .xml file; download or copy the export again (Tools → Export in WordPress); nothing was imported"
            )
        );
    }
}
