//! Takes the HTML of a Markdown body that has raw HTML in it and gives it back safe to publish;
//! takes that raw HTML as written and gives what the sanitizer removes from it, each with its
//! place in the body. One allow-list (the constants and `attribute` below) is the whole policy:
//! ammonia applies it and the detector reads it, so the warnings say what was really done.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use ammonia::url::{ParseError, Url};
use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::messages::Message;
use crate::msg;

/// What happens to HTML written in a Markdown body (site.toml `[markdown] raw_html`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RawHtml {
    /// Published through the allow-list; what it removes is reported.
    #[default]
    Sanitize,
    /// Published exactly as written: whoever writes an article can run scripts in the browser
    /// of every reader. Only for sites where every writer is trusted and nothing is imported.
    Trusted,
}

/// Something the sanitizer removed from a body, and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// Byte range in the Markdown body.
    pub span: Range<usize>,
    pub what: Removed,
}

/// What was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// An element: its tag, and its content too when it is one of `DROPPED_WITH_CONTENT`.
    Element(String),
    /// An attribute the allow-list does not have (event handlers among them).
    Attribute(String),
    /// A link (`href`) or another address (`src`, `poster`, `cite`) that a browser would not
    /// just fetch: its scheme as a browser reads it, or what was written when it is not an
    /// address at all.
    Url {
        attribute: String,
        scheme: Option<String>,
        written: String,
    },
    /// Style declarations that could hide text or lay a page over the page.
    Style(String),
    /// An id that the theme's pages or scripts use.
    Id(String),
}

impl Removed {
    /// What the warning's label says.
    pub fn label(&self) -> Message {
        match self {
            Removed::Element(tag) if tag == "iframe" => msg!("content-removed-iframe"),
            Removed::Element(tag) => msg!("content-removed-element", tag = tag),
            Removed::Attribute(name) => msg!("content-removed-attribute", name = name),
            Removed::Url {
                attribute,
                scheme: Some(scheme),
                ..
            } if attribute == "href" => msg!("content-removed-link", scheme = scheme),
            Removed::Url {
                attribute,
                scheme: Some(scheme),
                ..
            } => msg!(
                "content-removed-address",
                scheme = scheme,
                attribute = attribute
            ),
            Removed::Url { written, .. } => msg!("content-removed-not-address", written = written),
            Removed::Style(declarations) => msg!("content-removed-style", style = declarations),
            Removed::Id(id) => msg!("content-removed-id", id = id),
        }
    }

    /// Why it was removed and what to write instead.
    pub fn help(&self) -> Message {
        let why = match self {
            Removed::Element(tag) if tag == "iframe" => msg!("content-removed-why-iframe"),
            Removed::Element(tag) if tag == "script" => msg!("content-removed-why-script"),
            Removed::Element(tag) if ["svg", "math"].contains(&tag.as_str()) => {
                msg!("content-removed-why-svg")
            }
            Removed::Element(_) => msg!("content-removed-why-element"),
            Removed::Attribute(name) if name.starts_with("on") => {
                msg!("content-removed-why-handler")
            }
            Removed::Attribute(_) => msg!("content-removed-why-attribute"),
            Removed::Url { .. } => msg!("content-removed-why-url"),
            Removed::Style(_) => msg!("content-removed-why-style"),
            Removed::Id(_) => msg!("content-removed-why-id"),
        };
        msg!("content-removed-help", why = why)
    }
}

/// Elements kept, with the attributes of `GLOBAL_ATTRIBUTES` and `TAG_ATTRIBUTES`: what news
/// text needs (tables, figures, video and audio, definition lists, abbreviations…) and everything
/// bantin writes itself.
pub(crate) const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Elements removed with everything inside them: what they hold is code, another document or
/// a form control's value, never article text.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "applet",
    "embed",
    "frame",
    "frameset",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "plaintext",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
];

/// Obsolete presentational elements, removed with their text kept and without a warning: Word
/// and old editors write them around every run of text, and removing them hides nothing.
/// (Word's own `o:p`, `st1:…` elements, any name with a colon, are treated the same.)
const QUIET_TAGS: &[&str] = &["acronym", "big", "blink", "center", "font", "strike", "tt"];

/// Attributes kept on every allowed element; `id`, `class` and `style` are filtered by value.
const GLOBAL_ATTRIBUTES: &[&str] = &["aria-label", "class", "dir", "id", "lang", "style", "title"];

/// Attributes kept on one element; those in `URL_ATTRIBUTES` are filtered by value.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang", "target", "data-van-ban"]),
    (
        "img",
        &["src", "alt", "width", "height", "loading", "decoding"],
    ),
    (
        "video",
        &[
            "src",
            "poster",
            "controls",
            "width",
            "height",
            "preload",
            "loop",
            "muted",
            "playsinline",
        ],
    ),
    ("audio", &["src", "controls", "preload", "loop", "muted"]),
    ("source", &["src", "type", "media"]),
    ("track", &["src", "kind", "srclang", "label", "default"]),
    (
        "table",
        &["width", "border", "cellpadding", "cellspacing", "align"],
    ),
    ("caption", &["align"]),
    ("colgroup", &["span", "width", "align", "valign"]),
    ("col", &["span", "width", "align", "valign"]),
    ("thead", &["align", "valign"]),
    ("tbody", &["align", "valign"]),
    ("tfoot", &["align", "valign"]),
    ("tr", &["align", "valign", "height"]),
    (
        "td",
        &[
            "colspan", "rowspan", "headers", "width", "height", "align", "valign",
        ],
    ),
    (
        "th",
        &[
            "colspan", "rowspan", "headers", "width", "height", "align", "valign", "scope", "abbr",
        ],
    ),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("time", &["datetime"]),
    ("data", &["value"]),
    ("details", &["open"]),
    // bantin's highlighted code: <pre class="code" data-lang="rust">.
    ("pre", &["data-lang"]),
    ("p", &["align"]),
    ("div", &["align"]),
    ("h1", &["align"]),
    ("h2", &["align"]),
    ("h3", &["align"]),
    ("h4", &["align"]),
    ("h5", &["align"]),
    ("h6", &["align"]),
];

/// Attributes whose value is an address.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "poster", "cite"];

/// The schemes an address may have; relative addresses (`/tin-tuc/…`, `#muc`, `//cdn…`) too.
const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The classes bantin writes itself; syntax highlighting adds `hl-…`. Others do nothing on the
/// site but borrow the theme's styles (`visually-hidden` hides text), so they are dropped; Word
/// writes one on every paragraph (`MsoNormal`), so without a warning.
const OWN_CLASSES: &[&str] = &[
    "code",
    "footnote-backref",
    "footnote-ref",
    "footnotes",
    "table-wrap",
];

/// Style properties kept: widths, alignment, borders and padding of tables pasted from Word,
/// and the weight and slant of text. Nothing that positions, hides, recolours or layers.
const SAFE_STYLE_PROPERTIES: &[&str] = &[
    "text-align",
    "vertical-align",
    "width",
    "min-width",
    "max-width",
    "height",
    "white-space",
    "font-weight",
    "font-style",
    "text-decoration",
    "list-style-type",
];

/// The ids the default theme's pages use (templates/*.html) and its scripts look up
/// (`getElementById` in search.js), and the names a script reads from `window` that an element
/// id would shadow (named access finds elements before `EventTarget.prototype` and
/// `Object.prototype`; site.js calls `window.addEventListener`, search.js exports
/// `BantinSearch`). Author ids with these names are removed, and bantin's heading ids never
/// take them. (`name`, the other attribute that clobbers `document.<name>`, is on no element of
/// the allow-list.) A test keeps this list in step with the theme.
pub(crate) const RESERVED_IDS: &[&str] = &[
    // templates
    "bai-dan-chieu",
    "box-lien-ket",
    "box-thong-ke",
    "box-tin-moi",
    "box-van-ban-moi",
    "chia-se",
    "khong-tim-thay",
    "loc-issuers",
    "loc-kinds",
    "loc-years",
    "nhan-tu-khoa",
    "noi-dung",
    "o-tim-kiem",
    "search-form",
    "search-hint",
    "search-more",
    "search-nam",
    "search-q",
    "search-results",
    "search-status",
    "search-tinh",
    "tep-dinh-kem",
    "thu-vien-anh-bai",
    "tieu-de-album",
    "tieu-de-chu-de",
    "tieu-de-chuyen-muc",
    "tieu-de-danh-sach",
    "tieu-de-luu-tru",
    "tieu-de-thu-vien",
    "tieu-de-tim-kiem",
    "tieu-de-tinh",
    "tieu-de-van-ban",
    "tin-khac",
    "tin-lien-quan",
    "tin-moi",
    "tin-noi-bat",
    "tra-cuu-a-z",
    // scripts
    "BantinSearch",
    "addEventListener",
    "removeEventListener",
    "dispatchEvent",
    "constructor",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
    "__proto__",
];

/// The sanitizer: ammonia configured with the allow-list. Made for each body that needs it
/// (building the sets takes microseconds, parsing the body far longer), so no state is shared.
pub(crate) struct Sanitizer {
    builder: ammonia::Builder<'static>,
}

impl Sanitizer {
    pub(crate) fn new() -> Self {
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(ALLOWED_TAGS.iter().copied().collect())
            .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
            .generic_attributes(GLOBAL_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(
                TAG_ATTRIBUTES
                    .iter()
                    .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
                    .collect::<HashMap<&str, HashSet<&str>>>(),
            )
            .url_schemes(URL_SCHEMES.iter().copied().collect())
            .url_relative(ammonia::UrlRelative::PassThrough)
            // So that a link an author made open a new tab (target="_blank") cannot reach back
            // into this page in an old browser. Ammonia gives it to every link; `tidy` keeps it
            // only where a new tab opens.
            .link_rel(Some(NOOPENER))
            .strip_comments(true)
            .attribute_filter(|element, name, value| {
                // The filter runs after ammonia has dropped every attribute off the allow-list
                // and added its own `rel`: a link's `rel` here is that one.
                if element == "a" && name == "rel" {
                    return Some(Cow::Borrowed(value));
                }
                match attribute(element, name, value) {
                    Verdict::Keep => Some(Cow::Borrowed(value)),
                    Verdict::Rewrite(value, _) => Some(Cow::Owned(value)),
                    Verdict::Drop(_) => None,
                }
            });
        Sanitizer { builder }
    }

    /// `html` with everything the allow-list does not have removed, parsed and written again
    /// as a browser parses it (so tags opened in one piece of raw HTML and closed in another
    /// pair up as the reader's browser pairs them).
    pub(crate) fn clean(&self, html: &str) -> String {
        tidy(self.builder.clean(html).to_string())
    }
}

/// The value of `rel` that ammonia gives links.
const NOOPENER: &str = "noopener";

/// Two things ammonia leaves that the HTML checker rejects and readers would see: a `rel` on a
/// link without an address (an anchor `<a id>`, or a `javascript:` link whose address went),
/// and an image without an address (a `file:///C:/…` picture pasted from Word), which becomes
/// its alt text. Also drops `rel` from links that open no new tab, so a sanitized body has
/// bantin's own markup exactly. `html` is ammonia's output: every attribute value is in double
/// quotes with `"` escaped, so ` rel="noopener"` inside a link's tag is that attribute.
fn tidy(html: String) -> String {
    let mut cuts: Vec<(Range<usize>, String)> = Vec::new();
    let emitter = DefaultEmitter::<usize>::new_with_span();
    for token in Tokenizer::new_with_emitter(html.as_str(), emitter).flatten() {
        let Token::StartTag(tag) = token else {
            continue;
        };
        let has = |name: &str| tag.attributes.contains_key(name.as_bytes());
        let span = tag.span.start..tag.span.end;
        if &tag.name[..] == b"a" && has("rel") && !(has("href") && has("target")) {
            let attribute = format!(" rel=\"{NOOPENER}\"");
            if let Some(at) = html.get(span.clone()).and_then(|t| t.rfind(&attribute)) {
                let start = span.start + at;
                cuts.push((start..start + attribute.len(), String::new()));
            }
        } else if &tag.name[..] == b"img" && !has("src") {
            let alt = tag
                .attributes
                .get(&b"alt"[..])
                .map(|alt| super::escape_html(&String::from_utf8_lossy(alt)))
                .unwrap_or_default();
            cuts.push((span, alt));
        }
    }
    if cuts.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (range, with) in cuts {
        out.push_str(html.get(at..range.start).unwrap_or_default());
        out.push_str(&with);
        at = range.end;
    }
    out.push_str(html.get(at..).unwrap_or_default());
    out
}

/// What the allow-list does with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Allowed,
    /// Removed, its content kept; `quiet`: without a warning (see `QUIET_TAGS`).
    Unwrapped {
        quiet: bool,
    },
    DroppedWithContent,
}

fn element(tag: &str) -> Element {
    if ALLOWED_TAGS.contains(&tag) {
        Element::Allowed
    } else if DROPPED_WITH_CONTENT.contains(&tag) {
        Element::DroppedWithContent
    } else {
        Element::Unwrapped {
            quiet: QUIET_TAGS.contains(&tag) || tag.contains(':'),
        }
    }
}

/// What the allow-list does with one attribute of an allowed element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    /// Kept with this value (style declarations or classes taken out), and what was taken out
    /// that is worth a warning.
    Rewrite(String, Option<Removed>),
    /// Removed, and why; `None` when removing it changes nothing a reader could notice.
    Drop(Option<Removed>),
}

/// The one place that decides about attributes: ammonia's `attribute_filter` calls it for
/// every attribute it keeps, and the detector for every attribute written.
pub(crate) fn attribute(element: &str, name: &str, value: &str) -> Verdict {
    let allowed = GLOBAL_ATTRIBUTES.contains(&name)
        || TAG_ATTRIBUTES
            .iter()
            .any(|(tag, names)| *tag == element && names.contains(&name));
    if !allowed {
        // Word's `v:shapes`, `x:str`… do nothing in a browser; a `rel` gives way to the
        // sanitizer's own `rel="noopener"`.
        let quiet = name.contains(':') || name == "rel";
        return Verdict::Drop((!quiet).then(|| Removed::Attribute(name.to_string())));
    }
    if URL_ATTRIBUTES.contains(&name) {
        return match url(name, value) {
            Ok(()) => Verdict::Keep,
            Err(removed) => Verdict::Drop(Some(removed)),
        };
    }
    match name {
        "id" if RESERVED_IDS.contains(&value) => {
            Verdict::Drop(Some(Removed::Id(value.to_string())))
        }
        "class" => classes(value),
        "style" => style(value),
        _ => Verdict::Keep,
    }
}

/// Whether an address may be published, decided as ammonia decides it (the WHATWG URL parser,
/// which reads a scheme as a browser does: character references already decoded by the HTML
/// tokenizer, leading spaces and control characters dropped, tabs and newlines inside ignored,
/// any case) — ammonia applies the same check to `href` and `src` on its own.
pub(crate) fn url(attribute: &str, value: &str) -> Result<(), Removed> {
    let scheme = match Url::parse(value) {
        Ok(url) if URL_SCHEMES.contains(&url.scheme()) => return Ok(()),
        Err(ParseError::RelativeUrlWithoutBase) => return Ok(()),
        Ok(url) => Some(url.scheme().to_string()),
        Err(_) => None,
    };
    Err(Removed::Url {
        attribute: attribute.to_string(),
        scheme,
        written: shown(value),
    })
}

/// At most 60 characters of `text`, control characters shown as spaces, for a label.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(60)
        .collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

fn classes(value: &str) -> Verdict {
    let own = |class: &&str| OWN_CLASSES.contains(class) || class.starts_with("hl-");
    let all = value.split_ascii_whitespace().count();
    let kept: Vec<&str> = value.split_ascii_whitespace().filter(own).collect();
    if kept.len() == all {
        Verdict::Keep
    } else if kept.is_empty() {
        Verdict::Drop(None)
    } else {
        Verdict::Rewrite(kept.join(" "), None)
    }
}

/// What to do with one style declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Declaration {
    Keep,
    /// Word's formatting (`mso-…`, fonts, spacing): removed without a warning, as the theme's
    /// typography applies instead and nothing is hidden.
    Quiet,
    Unsafe,
}

fn style(value: &str) -> Verdict {
    // Escapes and comments are how filters like this one are got round: `\70 osition`,
    // `pos/**/ition`. No table needs them, so such a style goes whole.
    if value.contains(['\\', '<', '>', '{', '}', '@']) || value.contains("/*") {
        return Verdict::Drop(Some(Removed::Style(shown(value.trim()))));
    }
    let mut kept = Vec::new();
    let mut reported = Vec::new();
    let mut changed = false;
    for declaration in value.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        match self::declaration(declaration) {
            Declaration::Keep => kept.push(declaration),
            Declaration::Quiet => changed = true,
            Declaration::Unsafe => {
                reported.push(declaration);
                changed = true;
            }
        }
    }
    if !changed {
        return Verdict::Keep;
    }
    let removed = (!reported.is_empty()).then(|| Removed::Style(shown(&reported.join("; "))));
    if kept.is_empty() {
        Verdict::Drop(removed)
    } else {
        Verdict::Rewrite(kept.join("; "), removed)
    }
}

fn declaration(declaration: &str) -> Declaration {
    let Some((property, value)) = declaration.split_once(':') else {
        return Declaration::Unsafe;
    };
    let property = property.trim().to_ascii_lowercase();
    let value = value.trim().to_ascii_lowercase();
    if !style_value_is_plain(&value) {
        return Declaration::Unsafe;
    }
    let safe = SAFE_STYLE_PROPERTIES.contains(&property.as_str())
        || property.starts_with("border")
        || property.starts_with("padding");
    if safe {
        return Declaration::Keep;
    }
    let word_formatting = property.starts_with("mso-")
        || property.starts_with("margin")
        || property.starts_with("page-break")
        || ["font-family", "line-height", "text-indent", "tab-stops"].contains(&property.as_str())
        // A font size of 0 hides text; any other is only the theme's size overruled.
        || (property == "font-size" && !is_zero(&value));
    if word_formatting {
        Declaration::Quiet
    } else {
        Declaration::Unsafe
    }
}

/// A value without addresses or scripts: any parenthesis belongs to a colour or `calc`.
fn style_value_is_plain(value: &str) -> bool {
    if ["url", "expression", "script", "behavior", "binding"]
        .iter()
        .any(|bad| value.contains(bad))
    {
        return false;
    }
    value.match_indices('(').all(|(i, _)| {
        let before = value[..i].trim_end();
        ["rgb", "rgba", "hsl", "hsla", "calc"]
            .iter()
            .any(|f| before.ends_with(f))
    })
}

/// `0`, `0px`, `0.0pt`, `-0em`…
fn is_zero(value: &str) -> bool {
    let number = value.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    number.trim().parse::<f64>().is_ok_and(|n| n == 0.0)
}

/// What the sanitizer removes from the raw HTML of a body: `body` is the Markdown, `raw` the
/// byte ranges of its raw HTML in order (pieces that touch are read as one). Comments are not
/// reported: WordPress writes `<!-- wp:paragraph -->` around every block, and a comment never
/// runs. Ammonia, parsing the whole rendered body, is the authority on what is published; this
/// reads each piece of raw HTML with a tokenizer that knows where every tag and attribute is.
pub(crate) fn removals(body: &str, raw: &[Range<usize>]) -> Vec<Removal> {
    on_roomy_stack(raw, || removals_of(body, raw))
}

/// The `<img src>` written in a body's raw HTML, with their alt text (`None`: no `alt`
/// attribute at all; `""` written on purpose marks a decorative image).
pub(crate) fn raw_images(
    body: &str,
    raw: &[Range<usize>],
) -> Vec<(String, Option<String>, Range<usize>)> {
    on_roomy_stack(raw, || {
        let mut found = Vec::new();
        for run in merged(raw) {
            let Some(text) = body.get(run.clone()) else {
                continue;
            };
            let mut emitter = DefaultEmitter::<usize>::new_with_span();
            emitter.naively_switch_states(true);
            for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
                let Token::StartTag(tag) = token else {
                    continue;
                };
                if &tag.name[..] != b"img" {
                    continue;
                }
                let get = |name: &[u8]| {
                    tag.attributes
                        .iter()
                        .find(|(key, _)| &key[..] == name)
                        .map(|(_, value)| String::from_utf8_lossy(value).into_owned())
                };
                if let Some(src) = get(b"src") {
                    let span = run.start + tag.span.start..run.start + tag.span.end;
                    found.push((src, get(b"alt"), span));
                }
            }
        }
        found
    })
}

/// Runs `read` (a tokenizer over the raw HTML `raw`) on a thread with a stack fit for it.
fn on_roomy_stack<T: Send>(raw: &[Range<usize>], read: impl FnOnce() -> T + Send + Clone) -> T {
    // html5gum's tokenizer calls each state of an attribute from the one before, so a tag
    // with thousands of attributes (27 KiB of ` alt="…"`) overflowed a 2 MiB stack in a debug
    // build and aborted it (found by the fuzz target `markdown`). The raw HTML is read on a
    // thread with room for such a call per byte of it; that stack is only reserved, not used,
    // and most articles have no raw HTML at all.
    let bytes: usize = raw.iter().map(|r| r.len()).sum();
    let stack = (1 << 20) + bytes.saturating_mul(2 << 10).min(1 << 30);
    let fallback = read.clone();
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(scope, read)
        {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // The system has no thread to give: read it here.
            Err(_) => fallback(),
        }
    })
}

fn removals_of(body: &str, raw: &[Range<usize>]) -> Vec<Removal> {
    let mut found = Vec::new();
    // Inside an element dropped with its content: its tag and how deep the same tag nests.
    let mut dropping: Option<(String, usize)> = None;
    for run in merged(raw) {
        let Some(text) = body.get(run.clone()) else {
            continue;
        };
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        // After <script>, <style>, <iframe>… the text up to the end tag is not markup.
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).into_owned();
                    if let Some((open, depth)) = &mut dropping {
                        if *open == name && !tag.self_closing {
                            *depth += 1;
                        }
                        continue;
                    }
                    let at = run.start + tag.span.start;
                    let tag_span = at..(at + 1 + tag.name.len()).min(run.start + tag.span.end);
                    match element(&name) {
                        Element::Allowed => {
                            for (key, value) in &tag.attributes {
                                let key = String::from_utf8_lossy(key);
                                let value = String::from_utf8_lossy(value);
                                let removed = match attribute(&name, &key, &value) {
                                    Verdict::Keep => None,
                                    Verdict::Rewrite(_, removed) | Verdict::Drop(removed) => {
                                        removed
                                    }
                                };
                                if let Some(what) = removed {
                                    let span = attribute_span(text, &tag, &key)
                                        .map_or(tag_span.clone(), |s| {
                                            run.start + s.start..run.start + s.end
                                        });
                                    found.push(Removal { span, what });
                                }
                            }
                        }
                        Element::Unwrapped { quiet } => {
                            if !quiet {
                                found.push(Removal {
                                    span: tag_span,
                                    what: Removed::Element(name),
                                });
                            }
                        }
                        Element::DroppedWithContent => {
                            let void = name == "embed" || tag.self_closing;
                            found.push(Removal {
                                span: tag_span,
                                what: Removed::Element(name.clone()),
                            });
                            if !void {
                                dropping = Some((name, 1));
                            }
                        }
                    }
                }
                Token::EndTag(tag) => {
                    if let Some((open, depth)) = &mut dropping
                        && open.as_bytes() == &tag.name[..]
                    {
                        *depth -= 1;
                        if *depth == 0 {
                            dropping = None;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    found.sort_by_key(|r| (r.span.start, r.span.end));
    found
}

/// Ranges that touch or overlap joined, in order.
fn merged(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range.clone()),
        }
    }
    out
}

/// Where the attribute `name` is written in the start tag `tag` of `text`, from its name to
/// the end of its value. The first occurrence counts: a browser ignores repeated attributes.
fn attribute_span(text: &str, tag: &html5gum::StartTag<usize>, name: &str) -> Option<Range<usize>> {
    let source = text.get(tag.span.start..tag.span.end)?;
    let lower = source.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let start = lower.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = i.checked_sub(1).and_then(|b| bytes.get(b));
        let after = bytes.get(i + name.len());
        before.is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'/'))
            && after.is_none_or(|a| a.is_ascii_whitespace() || matches!(a, b'=' | b'/' | b'>'))
    })?;
    let value_end = tag
        .attributes
        .get(name.as_bytes())
        .map(|v| v.span.end)
        .filter(|&end| end > tag.span.start + start)
        .map_or(tag.span.start + start + name.len(), |end| {
            // Take the closing quote in.
            let quote = text.get(end..).is_some_and(|t| t.starts_with(['"', '\'']));
            end + usize::from(quote)
        });
    Some(tag.span.start + start..value_end.min(tag.span.end))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::messages::Lang;

    /// The labels of what the detector reports for `html`, written as a whole body.
    fn reported(html: &str) -> Vec<String> {
        let whole = 0..html.len();
        removals(html, std::slice::from_ref(&whole))
            .iter()
            .map(|r| Lang::En.text(&r.what.label()))
            .collect()
    }

    /// Tag and attribute tokens of `html` (text merged), for comparing markup regardless of how
    /// it is escaped or quoted.
    pub(in crate::markdown) fn tokens(html: &str) -> Vec<String> {
        tokens_without(html, &[])
    }

    /// `tokens`, leaving out the attributes named in `skip` too.
    fn tokens_without(html: &str, skip: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for token in Tokenizer::new(html).flatten() {
            let token = match token {
                Token::StartTag(tag) => {
                    let mut attributes: Vec<String> = tag
                        .attributes
                        .iter()
                        .filter(|(k, _)| !skip.iter().any(|s| s.as_bytes() == &k[..]))
                        .map(|(k, v)| {
                            format!(
                                "{}={:?}",
                                String::from_utf8_lossy(k),
                                String::from_utf8_lossy(v)
                            )
                        })
                        .collect();
                    attributes.sort();
                    format!(
                        "<{} {}>",
                        String::from_utf8_lossy(&tag.name),
                        attributes.join(" ")
                    )
                }
                Token::EndTag(tag) => format!("</{}>", String::from_utf8_lossy(&tag.name)),
                Token::String(text) => {
                    let text = String::from_utf8_lossy(&text).into_owned();
                    if let Some(last) = out.last_mut()
                        && last.starts_with('"')
                    {
                        last.pop();
                        last.push_str(&text);
                        last.push('"');
                        continue;
                    }
                    format!("\"{text}\"")
                }
                _ => continue,
            };
            out.push(token);
        }
        out
    }

    #[test]
    fn the_allow_list_is_consistent_and_ammonia_accepts_it() {
        for tag in DROPPED_WITH_CONTENT {
            assert!(!ALLOWED_TAGS.contains(tag), "{tag}");
        }
        for (tag, _) in TAG_ATTRIBUTES {
            assert!(ALLOWED_TAGS.contains(tag), "{tag}");
        }
        // Ammonia panics on contradictory settings (a `rel` allowed while it sets `rel`).
        assert_eq!(Sanitizer::new().clean("<b>x</b>"), "<b>x</b>");
    }

    #[test]
    fn attribute_verdicts() {
        // (element, attribute, value as the tokenizer gives it, label or "" when kept,
        // or "quiet" when removed without a warning)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("a", "href", "https://vufo.org.vn/", ""),
            ("a", "href", "/tin-tuc/a/", ""),
            ("a", "href", "#muc-1", ""),
            ("a", "href", "//cdn.example.vn/a", ""),
            ("a", "href", "mailto:lh@example.org", ""),
            ("a", "href", "tel:+842963852111", ""),
            ("a", "href", "HTTPS://VUFO.ORG.VN/", ""),
            (
                "a",
                "href",
                "javascript:alert(1)",
                "removed the link javascript:…",
            ),
            (
                "a",
                "href",
                "JaVaScRiPt:alert(1)",
                "removed the link javascript:…",
            ),
            (
                "a",
                "href",
                "java\tscript:alert(1)",
                "removed the link javascript:…",
            ),
            (
                "a",
                "href",
                "java\nscript:alert(1)",
                "removed the link javascript:…",
            ),
            (
                "a",
                "href",
                " \u{1}javascript:alert(1)",
                "removed the link javascript:…",
            ),
            (
                "a",
                "href",
                "\u{0}javascript:alert(1)",
                "removed the link javascript:…",
            ),
            ("a", "href", "data:text/html,x", "removed the link data:…"),
            (
                "a",
                "href",
                "vbscript:msgbox(1)",
                "removed the link vbscript:…",
            ),
            ("a", "href", "file:///etc/passwd", "removed the link file:…"),
            (
                "a",
                "href",
                "http://a.vn:99999/",
                "removed the address `http://a.vn:99999/`, which is not a web address",
            ),
            (
                "img",
                "src",
                "data:image/png;base64,AAAA",
                "removed the address data:… (src)",
            ),
            (
                "video",
                "poster",
                "javascript:x",
                "removed the address javascript:… (poster)",
            ),
            (
                "blockquote",
                "cite",
                "javascript:x",
                "removed the address javascript:… (cite)",
            ),
            ("a", "target", "_blank", ""),
            ("a", "onclick", "x()", "removed the attribute onclick"),
            ("img", "onerror", "x()", "removed the attribute onerror"),
            (
                "details",
                "ontoggle",
                "x()",
                "removed the attribute ontoggle",
            ),
            ("a", "name", "_Toc1", "removed the attribute name"),
            (
                "div",
                "data-counter",
                "",
                "removed the attribute data-counter",
            ),
            ("p", "hidden", "", "removed the attribute hidden"),
            ("img", "srcset", "a.jpg 2x", "removed the attribute srcset"),
            ("pre", "data-lang", "rust", ""),
            ("a", "rel", "nofollow", "quiet"),
            ("td", "x:str", "", "quiet"),
            ("h2", "id", "ket-qua", ""),
            ("span", "id", "noi-dung", "removed the id `noi-dung`"),
            ("span", "id", "search-form", "removed the id `search-form`"),
            (
                "span",
                "id",
                "addEventListener",
                "removed the id `addEventListener`",
            ),
            ("td", "colspan", "2", ""),
            ("td", "valign", "top", ""),
            ("th", "scope", "col", ""),
            ("span", "class", "hl-source hl-rust", ""),
            ("div", "class", "footnotes", ""),
            ("p", "class", "MsoNormal", "quiet"),
            ("span", "class", "visually-hidden", "quiet"),
            ("td", "style", "text-align: right", ""),
            (
                "td",
                "style",
                "width:150.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt",
                "",
            ),
            ("td", "style", "border-color: rgb(0, 0, 0)", ""),
            (
                "p",
                "style",
                "mso-line-height-alt:12pt;font-family:Arial;margin:0",
                "quiet",
            ),
            ("p", "style", "font-size:14.0pt", "quiet"),
            (
                "p",
                "style",
                "font-size:0",
                "removed the style `font-size:0`",
            ),
            (
                "p",
                "style",
                "font-size: 0px",
                "removed the style `font-size: 0px`",
            ),
            (
                "div",
                "style",
                "position:fixed;top:0",
                "removed the style `position:fixed; top:0`",
            ),
            (
                "div",
                "style",
                "display:none",
                "removed the style `display:none`",
            ),
            (
                "div",
                "style",
                "visibility:hidden",
                "removed the style `visibility:hidden`",
            ),
            ("div", "style", "opacity:0", "removed the style `opacity:0`"),
            (
                "div",
                "style",
                "z-index:9999",
                "removed the style `z-index:9999`",
            ),
            (
                "div",
                "style",
                "transform:scale(9)",
                "removed the style `transform:scale(9)`",
            ),
            (
                "span",
                "style",
                "color:white",
                "removed the style `color:white`",
            ),
            (
                "td",
                "style",
                "background:white",
                "removed the style `background:white`",
            ),
            (
                "td",
                "style",
                "width:expression(alert(1))",
                "removed the style `width:expression(alert(1))`",
            ),
            (
                "td",
                "style",
                "border-image:url(x.png)",
                "removed the style `border-image:url(x.png)`",
            ),
            (
                "td",
                "style",
                "width:1px;/**/position:fixed",
                "removed the style `width:1px;/**/position:fixed`",
            ),
            (
                "td",
                "style",
                "\\70 osition:fixed",
                "removed the style `\\70 osition:fixed`",
            ),
        ];
        for (element, name, value, want) in cases {
            let got = match attribute(element, name, value) {
                Verdict::Keep => String::new(),
                Verdict::Rewrite(_, None) | Verdict::Drop(None) => "quiet".to_string(),
                Verdict::Rewrite(_, Some(r)) | Verdict::Drop(Some(r)) => Lang::En.text(&r.label()),
            };
            assert_eq!(got, *want, "<{element} {name}={value:?}>");
        }
        // What is kept of a partly safe style is written as it was.
        assert_eq!(
            attribute("td", "style", "width:50%; position:absolute; mso-x:1"),
            Verdict::Rewrite(
                "width:50%".to_string(),
                Some(Removed::Style("position:absolute".to_string()))
            )
        );
        assert_eq!(
            attribute("p", "class", "MsoNormal footnotes"),
            Verdict::Rewrite("footnotes".to_string(), None)
        );
    }

    /// (raw HTML as written in a body, what the detector reports, what is published). The
    /// published HTML shows that each reported item, and nothing else but Word's formatting
    /// and comments, is gone.
    const CASES: &[(&str, &[&str], &str)] = &[
        ("<b>đậm</b>", &[], "<b>đậm</b>"),
        ("<script>alert(1)</script>x", &["removed <script>"], "x"),
        (
            "<SCRIPT SRC=//a.vn/x.js></SCRIPT>x",
            &["removed <script>"],
            "x",
        ),
        (
            "<script>document.write('<img src=x onerror=alert(1)>')</script>",
            &["removed <script>"],
            "",
        ),
        ("<style>p{display:none}</style>x", &["removed <style>"], "x"),
        (
            "<img src=x onerror=alert(1)>",
            &["removed the attribute onerror"],
            "<img src=\"x\">",
        ),
        (
            "<img src=\"file:///C:/Users/a/anh.jpg\" alt=\"Ảnh <1>\">",
            &["removed the address file:… (src)"],
            "Ảnh &lt;1&gt;",
        ),
        (
            "<a id=\"muc-a\">A</a> <a href=\"/x\" title=\"t\">B</a>",
            &[],
            "<a id=\"muc-a\">A</a> <a href=\"/x\" title=\"t\">B</a>",
        ),
        (
            "<svg onload=\"alert(1)\"><a href=\"/x\">y</a></svg>z",
            &["removed <svg>"],
            "z",
        ),
        ("<math><mi>x</mi></math>", &["removed <math>"], ""),
        (
            "<a href=\"&#106;avascript:alert(1)\">a</a>",
            &["removed the link javascript:…"],
            "<a>a</a>",
        ),
        (
            "<a href=\"&#x6A;avascript:alert(1)\">a</a>",
            &["removed the link javascript:…"],
            "<a>a</a>",
        ),
        (
            "<a href=\"&#X6a&#X61vascript&colon;alert(1)\">a</a>",
            &["removed the link javascript:…"],
            "<a>a</a>",
        ),
        (
            "<a href=\"java&Tab;script:alert(1)\">a</a>",
            &["removed the link javascript:…"],
            "<a>a</a>",
        ),
        (
            "<a href=\"&#0001;javascript:alert(1)\">a</a>",
            &["removed the link javascript:…"],
            "<a>a</a>",
        ),
        (
            "<a href='  JAVASCRIPT:alert(1)'>a</a>",
            &["removed the link javascript:…"],
            "<a>a</a>",
        ),
        (
            "<a href=https://vufo.org.vn/ target=_blank>VUFO</a>",
            &[],
            "<a href=\"https://vufo.org.vn/\" target=\"_blank\" rel=\"noopener\">VUFO</a>",
        ),
        (
            "<iframe src=\"https://www.youtube.com/embed/x\">không hỗ trợ</iframe>",
            &["removed <iframe> (embedded players come later)"],
            "",
        ),
        (
            "<form action=/x><label>Tên <input name=q></label><button>Gửi</button></form>",
            &[
                "removed <form>",
                "removed <label>",
                "removed <input>",
                "removed <button>",
            ],
            "Tên Gửi",
        ),
        (
            "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
            &["removed <meta>"],
            "",
        ),
        (
            "<base href=\"javascript:alert(1)//\">",
            &["removed <base>"],
            "",
        ),
        (
            "<object data=\"javascript:alert(1)\"><param name=x value=y>chữ</object>",
            &["removed <object>"],
            "",
        ),
        (
            "<embed src=\"javascript:alert(1)\">sau",
            &["removed <embed>"],
            "sau",
        ),
        (
            "<link rel=stylesheet href=//a.vn/x.css>",
            &["removed <link>"],
            "",
        ),
        (
            "<details open ontoggle=alert(1)><summary>A</summary>B</details>",
            &["removed the attribute ontoggle"],
            "<details open=\"\"><summary>A</summary>B</details>",
        ),
        (
            "<div style=\"position:fixed;inset:0\">Giả</div>",
            &["removed the style `position:fixed; inset:0`"],
            "<div>Giả</div>",
        ),
        (
            "<span id=\"noi-dung\">x</span>",
            &["removed the id `noi-dung`"],
            "<span>x</span>",
        ),
        (
            "<template><img src=x onerror=alert(1)></template>",
            &["removed <template>"],
            "",
        ),
        ("<noscript><p>x</p></noscript>", &["removed <noscript>"], ""),
        (
            "<textarea><script>x</script></textarea>",
            &["removed <textarea>"],
            "",
        ),
        // Comments never run and WordPress writes one around every block: not reported.
        (
            "<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->",
            &[],
            "<p>x</p>",
        ),
        // Word's formatting goes without a warning; what matters stays.
        (
            "<p class=MsoNormal style='margin:0;mso-line-height-alt:12pt'><font face=Arial>Chữ</font><o:p></o:p></p>",
            &[],
            "<p>Chữ</p>",
        ),
        (
            "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0><tr><td width=200 valign=top style='width:150pt;mso-border-alt:solid'>1</td></tr></table>",
            &[],
            "<table cellpadding=\"0\" border=\"1\" cellspacing=\"0\"><tbody><tr><td width=\"200\" valign=\"top\" style=\"width:150pt\">1</td></tr></tbody></table>",
        ),
        (
            "<video controls poster=\"/p.jpg\"><source src=\"/v.mp4\" type=\"video/mp4\"><track src=\"/v.vtt\" kind=\"captions\" srclang=\"vi\"></video>",
            &[],
            "<video controls=\"\" poster=\"/p.jpg\"><source src=\"/v.mp4\" type=\"video/mp4\"><track src=\"/v.vtt\" kind=\"captions\" srclang=\"vi\"></video>",
        ),
        (
            "<dl><dt><abbr title=\"Ủy ban nhân dân\">UBND</abbr></dt><dd>H<sub>2</sub>O, m<sup>2</sup>, <mark>x</mark>, <kbd>Ctrl</kbd></dd></dl>",
            &[],
            "<dl><dt><abbr title=\"Ủy ban nhân dân\">UBND</abbr></dt><dd>H<sub>2</sub>O, m<sup>2</sup>, <mark>x</mark>, <kbd>Ctrl</kbd></dd></dl>",
        ),
        (
            "<figure><img src=\"/a.jpg\" alt=\"a\" width=\"600\" height=\"400\" loading=\"lazy\" decoding=\"async\"><figcaption>Chú thích</figcaption></figure>",
            &[],
            "<figure><img src=\"/a.jpg\" alt=\"a\" width=\"600\" height=\"400\" loading=\"lazy\" decoding=\"async\"><figcaption>Chú thích</figcaption></figure>",
        ),
    ];

    #[test]
    fn the_detector_reports_what_the_sanitizer_removes() {
        let sanitizer = Sanitizer::new();
        for (html, want, published) in CASES {
            assert_eq!(reported(html), *want, "reported for {html}");
            assert_eq!(sanitizer.clean(html), *published, "published for {html}");
        }
    }

    #[test]
    fn nothing_reported_means_nothing_but_formatting_removed() {
        // The other half of "detector and sanitizer agree": whenever the detector is silent,
        // the published markup is the written markup (comments and the tbody a browser adds
        // aside), and whenever it reports, something is gone. Word's formatting, removed
        // without a warning, is the one exception; its rows show what is published.
        let sanitizer = Sanitizer::new();
        // (`rel` is added, never removed: left out.)
        let normal = |html: &str| -> Vec<String> {
            tokens_without(html, &["rel"])
                .into_iter()
                .filter(|t| !t.contains("tbody"))
                .collect()
        };
        for (html, want, _) in CASES {
            if html.contains("Mso") {
                assert!(want.is_empty(), "{html}");
                continue;
            }
            let same = normal(&sanitizer.clean(html)) == normal(html);
            assert_eq!(
                same,
                want.is_empty(),
                "{html}: reported {want:?}, published {}",
                sanitizer.clean(html)
            );
        }
    }

    #[test]
    fn removals_point_at_what_was_written() {
        let body = "Chữ <b onclick=\"x()\">đậm</b> và\n\n<iframe src=\"/v\"></iframe>\n";
        let first = body.find("<b").unwrap_or_default();
        let second = body.find("<iframe").unwrap_or_default();
        // The pieces as pulldown-cmark gives them: the inline tags, then the HTML block.
        let raw = [
            first..first + "<b onclick=\"x()\">".len(),
            body.find("</b>").unwrap_or_default()..body.find("</b>").unwrap_or_default() + 4,
            second..body.len(),
        ];
        let got: Vec<(&str, String)> = removals(body, &raw)
            .iter()
            .map(|r| (&body[r.span.clone()], Lang::En.text(&r.what.label())))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "onclick=\"x()\"",
                    "removed the attribute onclick".to_string()
                ),
                (
                    "<iframe",
                    "removed <iframe> (embedded players come later)".to_string()
                ),
            ]
        );
        // An element dropped with its content stays dropped across pieces.
        let body = "<script>\nx\n\n<img src=a onerror=b>\n</script>";
        assert_eq!(reported(body), ["removed <script>"]);
    }

    /// The theme's ids and the ids its scripts look up are all reserved, so the list cannot
    /// fall behind the theme.
    #[test]
    fn reserved_ids_cover_the_default_theme() {
        let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut files = Vec::new();
        for dir in ["templates", "templates/partials", "static/js"] {
            if let Ok(entries) = std::fs::read_dir(theme.join(dir)) {
                files.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_file()));
            }
        }
        assert!(files.len() > 5, "theme not found at {}", theme.display());
        let mut missing = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for opener in ["id=\"", "getElementById('", "getElementById(\""] {
                for (i, _) in text.match_indices(opener) {
                    let rest = &text[i + opener.len()..];
                    let id: String = rest
                        .chars()
                        .take_while(|c| !matches!(c, '"' | '\''))
                        .collect();
                    if !id.contains("{{") && !id.is_empty() && !RESERVED_IDS.contains(&id.as_str())
                    {
                        missing.push(format!("{}: {id}", file.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not reserved: {missing:#?}");
    }
}
