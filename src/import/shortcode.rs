//! Takes a WordPress post's raw content and gives it back with its shortcodes expanded into the
//! HTML they stand for (`[caption]` and `[gallery]` become figures, `[embed]`/`[audio]`/`[video]`
//! a link to their address) or removed (what means nothing on a static site), each counted.
//!
//! WordPress runs only registered shortcodes and leaves any other bracketed text as it is, so a
//! bracket is read as a shortcode only when it names a known one, has `key=value` attributes, is
//! self-closing or has a closing tag: "[Ảnh minh họa]" or "[1]" stay text.

use std::collections::{BTreeMap, HashMap};

use crate::messages::Message;
use crate::msg;

/// A media item of the export, as a `[gallery]` or an image's `wp-image-N` class refers to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attachment {
    pub url: String,
    pub title: String,
    pub caption: String,
    pub alt: String,
}

/// What the conversion drops on purpose, by kind (the report counts each): what means nothing
/// on the new site or is bantin's to decide (alignment, styles, wrappers, WordPress's markers,
/// shortcodes). It is here, below `html`, because both drop things: shortcodes here, HTML there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dropped {
    InlineStyle,
    Alignment,
    BlockComment,
    /// A self-closing block WordPress fills in when it shows the page (`wp:latest-posts`):
    /// its name without `wp:`.
    BlockShown(String),
    MoreMarker,
    PageBreak,
    Comment,
    /// Formatting or a link around blocks: the element's name.
    AroundBlocks(String),
    EmptyParagraph,
    PhotoAndCaption,
    EmptyQuote,
    EmptyCaptionBox,
    AlignmentWrapper,
    Script,
    Style,
    /// An element that means nothing on a static site (`<form>`, `<noscript>`): its name.
    Element(String),
    /// A `<div>`, `<span>` or the like, unwrapped: its name.
    Wrapper(String),
    EmptyHeading,
    EmptyListItem,
    EmptyList,
    /// An element with nothing in it: its name.
    EmptyElement(String),
    FormattingInPre,
    EmptyTable,
    FormattingInCaption,
    GalleryWrapper,
    Embed,
    ImageWithoutAddress,
    LinkToOwnFile,
    LinkAroundCaptionedImage,
    /// An element bantin does not know: its name.
    UnknownElement(String),
    EmptyFormatting,
    AnchorWithoutAddress,
    LinkInLink,
    EmptyLink,
    /// A shortcode, lower-case, without brackets.
    Shortcode(String),
    GalleryWithoutImages,
    GalleryImageNotInExport,
}

impl Dropped {
    /// The kind in words, as the report counts it.
    pub fn message(&self) -> Message {
        match self {
            Dropped::InlineStyle => msg!("import-dropped-inline-style"),
            Dropped::Alignment => msg!("import-dropped-alignment"),
            Dropped::BlockComment => msg!("import-dropped-block-comment"),
            Dropped::BlockShown(block) => msg!("import-dropped-block-shown", block = block),
            Dropped::MoreMarker => msg!("import-dropped-more-marker"),
            Dropped::PageBreak => msg!("import-dropped-page-break"),
            Dropped::Comment => msg!("import-dropped-comment"),
            Dropped::AroundBlocks(element) => {
                msg!("import-dropped-around-blocks", element = element)
            }
            Dropped::EmptyParagraph => msg!("import-dropped-empty-paragraph"),
            Dropped::PhotoAndCaption => msg!("import-dropped-photo-and-caption"),
            Dropped::EmptyQuote => msg!("import-dropped-empty-quote"),
            Dropped::EmptyCaptionBox => msg!("import-dropped-empty-caption-box"),
            Dropped::AlignmentWrapper => msg!("import-dropped-alignment-wrapper"),
            Dropped::Script => msg!("import-dropped-script"),
            Dropped::Style => msg!("import-dropped-style"),
            Dropped::Element(element) => msg!("import-dropped-element", element = element),
            Dropped::Wrapper(element) => msg!("import-dropped-wrapper", element = element),
            Dropped::EmptyHeading => msg!("import-dropped-empty-heading"),
            Dropped::EmptyListItem => msg!("import-dropped-empty-list-item"),
            Dropped::EmptyList => msg!("import-dropped-empty-list"),
            Dropped::EmptyElement(element) => {
                msg!("import-dropped-empty-element", element = element)
            }
            Dropped::FormattingInPre => msg!("import-dropped-formatting-in-pre"),
            Dropped::EmptyTable => msg!("import-dropped-empty-table"),
            Dropped::FormattingInCaption => msg!("import-dropped-formatting-in-caption"),
            Dropped::GalleryWrapper => msg!("import-dropped-gallery-wrapper"),
            Dropped::Embed => msg!("import-dropped-embed"),
            Dropped::ImageWithoutAddress => msg!("import-dropped-image-without-address"),
            Dropped::LinkToOwnFile => msg!("import-dropped-link-to-own-file"),
            Dropped::LinkAroundCaptionedImage => {
                msg!("import-dropped-link-around-captioned-image")
            }
            Dropped::UnknownElement(element) => {
                msg!("import-dropped-unknown-element", element = element)
            }
            Dropped::EmptyFormatting => msg!("import-dropped-empty-formatting"),
            Dropped::AnchorWithoutAddress => msg!("import-dropped-anchor-without-address"),
            Dropped::LinkInLink => msg!("import-dropped-link-in-link"),
            Dropped::EmptyLink => msg!("import-dropped-empty-link"),
            Dropped::Shortcode(name) => msg!("import-dropped-shortcode", name = name),
            Dropped::GalleryWithoutImages => msg!("import-dropped-gallery-without-images"),
            Dropped::GalleryImageNotInExport => {
                msg!("import-dropped-gallery-image-not-in-export")
            }
        }
    }

    /// The report's line for the kind, and the detail it lists on that line: the blocks
    /// WordPress fills in are one line, with each block's name.
    pub fn group(&self) -> (Message, Option<String>) {
        match self {
            Dropped::BlockShown(block) => (
                msg!("import-dropped-block-shown-group"),
                Some(format!("wp:{block}")),
            ),
            other => (other.message(), None),
        }
    }
}

/// Shortcodes of WordPress itself and of plugins common on Vietnamese portals.
const KNOWN: &[&str] = &[
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "audio",
    "video",
    "playlist",
    "contact-form-7",
    "contact-form",
    "gravityform",
    "wpforms",
    "ninja_form",
    "facebook",
    "youtube",
    "googlemaps",
    "pdf-embedder",
    "download",
    "table",
    "su_youtube",
    "ultimatemember",
];

/// Attribute names of `[audio]` and `[video]` that hold the file's address.
const MEDIA_SOURCES: &[&str] = &[
    "src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v", "webm", "ogv", "flv", "wmv",
];

/// What expansion needs from the converter's options.
pub(crate) struct Context<'a> {
    pub attachments: &'a HashMap<u64, Attachment>,
    /// The post's own attachments, for a `[gallery]` without `ids` (WordPress shows those).
    pub attached: &'a [u64],
}

/// A shortcode found in the text.
struct Found<'t> {
    name: &'t str,
    attrs: Vec<(String, String)>,
    /// Positional values (`[audio https://…]`).
    positional: Vec<String>,
    content: Option<&'t str>,
    /// Byte just past the shortcode (its closing tag included).
    end: usize,
}

/// Expands every shortcode of `text`; counts go to `dropped`.
pub(crate) fn expand(
    text: &str,
    context: &Context,
    dropped: &mut BTreeMap<Dropped, usize>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut at = 0;
    while let Some(offset) = text[at..].find('[') {
        let open = at + offset;
        // `[[name]]` is WordPress's way of writing a shortcode as text.
        if text[open..].starts_with("[[") {
            if let Some(found) = parse(text, open + 1)
                && text[found.end..].starts_with(']')
            {
                out.push_str(&text[rest..open]);
                out.push_str(&text[open + 1..found.end]);
                rest = found.end + 1;
                at = rest;
                continue;
            }
            at = open + 1;
            continue;
        }
        match parse(text, open) {
            Some(found) => {
                out.push_str(&text[rest..open]);
                out.push_str(&render(&found, context, dropped));
                rest = found.end;
                at = rest;
            }
            None => at = open + 1,
        }
    }
    out.push_str(&text[rest..]);
    out
}

fn count(dropped: &mut BTreeMap<Dropped, usize>, what: Dropped) {
    *dropped.entry(what).or_default() += 1;
}

/// Reads the shortcode whose `[` is at `open`, if it is one.
fn parse(text: &str, open: usize) -> Option<Found<'_>> {
    let after = &text[open + 1..];
    let name_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(after.len());
    let name = &after[..name_len];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut i = open + 1 + name_len;
    let next = text[i..].chars().next()?;
    if !(next == ']' || next == '/' || next.is_whitespace()) {
        return None;
    }
    // The attributes run to the first `]` outside quotes.
    let mut quote = None;
    let attrs_start = i;
    let mut close = None;
    // A shortcode never spans a blank line; an apostrophe in text must not run to the end.
    let scope = text[i..].find("\n\n").map_or(text.len(), |k| i + k);
    for (k, c) in text[i..scope].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, ']') => {
                close = Some(i + k);
                break;
            }
            (None, '[') => return None,
            _ => {}
        }
    }
    let close = close?;
    let mut raw_attrs = text[attrs_start..close].trim();
    let self_closing = raw_attrs.ends_with('/');
    if self_closing {
        raw_attrs = raw_attrs[..raw_attrs.len() - 1].trim_end();
    }
    let (attrs, positional) = attributes(raw_attrs);
    i = close + 1;
    let closing_tag = format!("[/{name}]");
    let (content, end) = match (self_closing, text[i..].find(&closing_tag)) {
        (false, Some(k)) => (Some(&text[i..i + k]), i + k + closing_tag.len()),
        _ => (None, i),
    };
    let known = KNOWN.contains(&name.to_ascii_lowercase().as_str());
    if !(known || !attrs.is_empty() || self_closing || content.is_some()) {
        return None;
    }
    Some(Found {
        name,
        attrs,
        positional,
        content,
        end,
    })
}

/// `a="x" b='y' c=z w` → named and positional values.
fn attributes(raw: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut named = Vec::new();
    let mut positional = Vec::new();
    let mut rest = raw.trim_start();
    while !rest.is_empty() {
        let key_len = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let key = &rest[..key_len];
        let after = rest[key_len..].trim_start();
        if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let (v, remaining) = quoted(value);
            named.push((key.to_ascii_lowercase(), v.to_string()));
            rest = remaining.trim_start();
        } else {
            let (v, remaining) = quoted(rest);
            positional.push(v.to_string());
            rest = remaining.trim_start();
        }
    }
    (named, positional)
}

/// A quoted or bare value at the start of `s`, and what follows it.
fn quoted(s: &str) -> (&str, &str) {
    for q in ['"', '\''] {
        if let Some(body) = s.strip_prefix(q) {
            return match body.find(q) {
                Some(k) => (&body[..k], &body[k + 1..]),
                None => (body, ""),
            };
        }
    }
    let len = s.find(char::is_whitespace).unwrap_or(s.len());
    (&s[..len], &s[len..])
}

impl Found<'_> {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn render(found: &Found, context: &Context, dropped: &mut BTreeMap<Dropped, usize>) -> String {
    let name = found.name.to_ascii_lowercase();
    match name.as_str() {
        "caption" | "wp_caption" => caption(found, context, dropped),
        "gallery" => gallery(found, context, dropped),
        "embed" | "audio" | "video" => {
            count(dropped, Dropped::Shortcode(name.clone()));
            let url = found
                .content
                .map(str::trim)
                .filter(|c| !c.is_empty() && !c.contains('<'))
                .map(str::to_string)
                .or_else(|| {
                    MEDIA_SOURCES
                        .iter()
                        .find_map(|k| found.attr(k))
                        .map(str::to_string)
                })
                .or_else(|| found.positional.iter().find(|p| p.contains("://")).cloned());
            match url {
                Some(url) => {
                    let url = escape_attr(&url);
                    format!("\n\n<p><a href=\"{url}\">{url}</a></p>\n\n")
                }
                None => String::new(),
            }
        }
        _ => {
            count(dropped, Dropped::Shortcode(name.clone()));
            // What an enclosing shortcode wraps is the post's own text: it stays.
            match found.content {
                Some(content) => expand(content, context, dropped),
                None => String::new(),
            }
        }
    }
}

/// `[caption id="attachment_12" …]<a><img/></a> Caption[/caption]` → a figure; WordPress's own
/// rule: the image (with its link) first, everything after it is the caption; an older form
/// keeps the caption in a `caption` attribute.
fn caption(found: &Found, context: &Context, dropped: &mut BTreeMap<Dropped, usize>) -> String {
    count(dropped, Dropped::Shortcode(found.name.to_ascii_lowercase()));
    let content = expand(found.content.unwrap_or_default(), context, dropped);
    let lower = content.to_ascii_lowercase();
    let Some(img_start) = lower.find("<img") else {
        return content;
    };
    let Some(img_len) = lower[img_start..].find('>') else {
        return content;
    };
    let mut image_end = img_start + img_len + 1;
    let after_img = &lower[image_end..];
    let trimmed = after_img.trim_start();
    if trimmed.starts_with("</a>") {
        image_end += after_img.len() - trimmed.len() + "</a>".len();
    }
    // The link around the image, if the image is all it holds.
    let image_start = match lower[..img_start].rfind("<a") {
        Some(a) => match lower[a..img_start].find('>') {
            Some(k) if lower[a + k + 1..img_start].trim().is_empty() => a,
            _ => img_start,
        },
        None => img_start,
    };
    let mut caption = content[image_end..].trim().to_string();
    if caption.is_empty() {
        caption = escape_text(found.attr("caption").unwrap_or_default());
    }
    format!(
        "{}\n\n<figure class=\"wp-caption\">{}<figcaption>{}</figcaption></figure>\n\n",
        &content[..image_start],
        &content[image_start..image_end],
        caption
    )
}

/// `[gallery ids="1,2,3"]` → a figure per attachment, captioned with the attachment's caption.
fn gallery(found: &Found, context: &Context, dropped: &mut BTreeMap<Dropped, usize>) -> String {
    let ids: Vec<u64> = match found.attr("ids").or_else(|| found.attr("include")) {
        Some(ids) => ids
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect(),
        None => context.attached.to_vec(),
    };
    let known: Vec<(u64, &Attachment)> = ids
        .iter()
        .filter_map(|id| context.attachments.get(id).map(|a| (*id, a)))
        .collect();
    if known.is_empty() {
        count(dropped, Dropped::GalleryWithoutImages);
        return String::new();
    }
    count(dropped, Dropped::Shortcode("gallery".into()));
    if known.len() < ids.len() {
        count(dropped, Dropped::GalleryImageNotInExport);
    }
    let mut out = String::from("\n\n");
    for (id, attachment) in known {
        out.push_str(&format!(
            "<figure><img class=\"wp-image-{id}\" src=\"{}\" alt=\"{}\" title=\"{}\">",
            escape_attr(&attachment.url),
            escape_attr(&attachment.alt),
            escape_attr(&attachment.title)
        ));
        if !attachment.caption.trim().is_empty() {
            out.push_str(&format!(
                "<figcaption>{}</figcaption>",
                escape_text(&attachment.caption)
            ));
        }
        out.push_str("</figure>");
    }
    out.push_str("\n\n");
    out
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    /// The text, and what was dropped by its English name.
    fn run(text: &str) -> (String, BTreeMap<String, usize>) {
        let mut attachments = HashMap::new();
        attachments.insert(
            5,
            Attachment {
                url: "https://hoihuunghi.vn/wp-content/uploads/a.jpg".into(),
                title: "Quang cảnh hội nghị".into(),
                caption: "Đại biểu dự hội nghị".into(),
                alt: String::new(),
            },
        );
        let context = Context {
            attachments: &attachments,
            attached: &[],
        };
        let mut dropped = BTreeMap::new();
        let out = expand(text, &context, &mut dropped);
        let named = dropped
            .into_iter()
            .map(|(what, n)| (Lang::En.text(&what.message()), n))
            .collect();
        (out, named)
    }

    #[test]
    fn text_in_brackets_stays() {
        for text in [
            "[Ảnh minh họa] Hội nghị",
            "Xem [1] và [xem thêm]",
            "[[caption]] là mã ngắn",
        ] {
            let (out, dropped) = run(text);
            assert!(dropped.is_empty(), "{text}: {dropped:?}");
            assert_eq!(out, text.replace("[[", "[").replace("]]", "]"));
        }
    }

    #[test]
    fn caption_becomes_a_figure() {
        let (out, dropped) = run(
            "Mở đầu [caption id=\"attachment_5\" align=\"aligncenter\" width=\"640\"]<a href=\"b.jpg\"><img src=\"a.jpg\" alt=\"\" /></a> Quang cảnh <em>hội nghị</em>[/caption] kết",
        );
        assert_eq!(
            out,
            "Mở đầu \n\n<figure class=\"wp-caption\"><a href=\"b.jpg\"><img src=\"a.jpg\" alt=\"\" /></a><figcaption>Quang cảnh <em>hội nghị</em></figcaption></figure>\n\n kết"
        );
        assert_eq!(dropped["shortcode [caption]"], 1);
    }

    #[test]
    fn gallery_and_others() {
        let (out, dropped) =
            run("[gallery ids=\"5,9\"]\n[contact-form-7 id=\"3\" title=\"Liên hệ\"]\n[gallery]");
        assert!(out.contains("<img class=\"wp-image-5\""), "{out}");
        assert!(
            out.contains("<figcaption>Đại biểu dự hội nghị</figcaption>"),
            "{out}"
        );
        assert_eq!(dropped["shortcode [gallery]"], 1);
        assert_eq!(dropped["gallery image not in the export"], 1);
        assert_eq!(dropped["shortcode [contact-form-7]"], 1);
        assert_eq!(dropped["shortcode [gallery] without its images"], 1);
    }

    #[test]
    fn media_become_links_and_wrappers_keep_their_text() {
        let (out, dropped) = run(
            "[embed]https://youtu.be/x[/embed][audio mp3=\"/a.mp3\"][su_box title=\"Tin\"]Nội dung[/su_box]",
        );
        assert_eq!(
            out,
            "\n\n<p><a href=\"https://youtu.be/x\">https://youtu.be/x</a></p>\n\n\n\n<p><a href=\"/a.mp3\">/a.mp3</a></p>\n\nNội dung"
        );
        assert_eq!(dropped.len(), 3);
    }
}
