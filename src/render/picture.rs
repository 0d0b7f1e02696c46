//! Responsive image markup: a `<picture>` with a `<source>` per modern format and an `<img>`
//! in the original's format, each with its widths (`srcset`), the width the layout gives the
//! image (`sizes`), the image's own width and height (so the page does not jump as it loads),
//! and lazy loading for all but the first image on screen.
//!
//! Used three ways: image contexts carry their copies (`ImageContext::new`), templates write
//! them with the `picture()` function (`register`), and the `<img>` of article bodies are
//! rewritten at render time (`body`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::images::{Format, Gallery, Processed};
use crate::markdown::escape_html as escape_attribute;

/// What the markup needs of an image; the image contexts templates get serialise to it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Picture {
    pub src: String,
    #[serde(default)]
    pub alt: String,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
    /// The original format's copies: `/images/a-480w.jpg 480w, …`.
    #[serde(default)]
    pub srcset: Option<String>,
    /// The modern formats' copies, best first.
    #[serde(default)]
    pub sources: Vec<SourceSet>,
}

/// One `<source>` of a `<picture>`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SourceSet {
    #[serde(rename = "type")]
    pub mime: String,
    pub srcset: String,
}

/// How an image is placed: what `sizes` says, and whether it is the first on screen.
#[derive(Debug, Clone, Copy, Default)]
pub struct Placement<'a> {
    /// The `sizes` attribute: the width the layout gives the image.
    pub sizes: Option<&'a str>,
    /// The first image on screen: loaded at once, first (`fetchpriority="high"`).
    pub eager: bool,
    pub class: Option<&'a str>,
}

/// `sizes` of a photo as wide as an article's text column in the default theme.
pub const ARTICLE_SIZES: &str = "(min-width: 1200px) 760px, (min-width: 768px) 62vw, 100vw";

impl Picture {
    /// The copies of a processed image, at addresses made by `url` (a path below the site
    /// root → the address pages link).
    pub fn of(processed: &Processed, url: impl Fn(&str) -> String) -> Picture {
        let set = |format: Format| -> Option<String> {
            let candidates: Vec<String> = processed
                .of_format(format)
                .map(|v| format!("{} {}w", url(&v.path), v.width))
                .collect();
            (!candidates.is_empty()).then(|| candidates.join(", "))
        };
        let sources = [Format::Avif, Format::Webp]
            .into_iter()
            .filter(|&f| f != processed.format)
            .filter_map(|f| {
                set(f).map(|srcset| SourceSet {
                    mime: f.mime().to_string(),
                    srcset,
                })
            })
            .collect();
        Picture {
            src: url(&processed.path),
            alt: String::new(),
            width: Some(processed.width),
            height: Some(processed.height),
            srcset: set(processed.format),
            sources,
        }
    }

    /// The markup: a `<picture>` when there are modern formats, else an `<img>`.
    pub fn markup(&self, place: Placement<'_>, title: Option<&str>) -> String {
        let sizes = place
            .sizes
            .filter(|_| self.srcset.is_some() || !self.sources.is_empty())
            .map(|s| format!(" sizes=\"{}\"", escape_attribute(s)))
            .unwrap_or_default();
        let mut img = format!("<img src=\"{}\"", escape_attribute(&self.src));
        if let Some(srcset) = &self.srcset {
            img.push_str(&format!(" srcset=\"{}\"{sizes}", escape_attribute(srcset)));
        }
        if let (Some(w), Some(h)) = (self.width, self.height) {
            img.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
        }
        img.push_str(&format!(" alt=\"{}\"", escape_attribute(&self.alt)));
        if let Some(title) = title.filter(|t| !t.is_empty()) {
            img.push_str(&format!(" title=\"{}\"", escape_attribute(title)));
        }
        if let Some(class) = place.class.filter(|c| !c.is_empty()) {
            img.push_str(&format!(" class=\"{}\"", escape_attribute(class)));
        }
        if place.eager {
            img.push_str(" fetchpriority=\"high\" decoding=\"async\">");
        } else {
            img.push_str(" loading=\"lazy\" decoding=\"async\">");
        }
        if self.sources.is_empty() {
            return img;
        }
        let mut out = String::from("<picture>");
        for source in &self.sources {
            out.push_str(&format!(
                "<source type=\"{}\" srcset=\"{}\"{sizes}>",
                escape_attribute(&source.mime),
                escape_attribute(&source.srcset)
            ));
        }
        out.push_str(&img);
        out.push_str("</picture>");
        out
    }
}

/// An article or page body with each `<img>` of a processed image written as responsive
/// markup; the first one eager when `first_eager` (no image above the body). Bodies without
/// images are returned as they are.
pub fn body<'a>(
    html: &'a str,
    gallery: &Gallery,
    base_path: &str,
    url: &dyn Fn(&str) -> String,
    first_eager: bool,
) -> Cow<'a, str> {
    if gallery.is_empty() || !html.contains("<img") {
        return Cow::Borrowed(html);
    }
    use lol_html::html_content::ContentType;
    use lol_html::{RewriteStrSettings, element, rewrite_str};
    let first = std::cell::Cell::new(first_eager);
    let rewritten = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("img[src]", |el| {
                let src = el.get_attribute("src").unwrap_or_default();
                let Some(processed) = src
                    .strip_prefix(base_path)
                    .and_then(|rest| crate::route::static_file(&format!("/{rest}")))
                    .and_then(|path| gallery.get(&path))
                else {
                    return Ok(());
                };
                let mut picture = Picture::of(processed, url);
                picture.alt = el.get_attribute("alt").unwrap_or_default();
                let title = el.get_attribute("title");
                let place = Placement {
                    sizes: Some(ARTICLE_SIZES),
                    eager: first.replace(false),
                    class: None,
                };
                el.replace(&picture.markup(place, title.as_deref()), ContentType::Html);
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    );
    // The rewriter only fails on its memory limits or a handler's error, neither of which a
    // body reaches; the body is then shown as it was written.
    rewritten.map_or(Cow::Borrowed(html), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture() -> Picture {
        Picture {
            src: "/p/images/a.jpg".into(),
            alt: "Đại biểu \"dự\" hội nghị".into(),
            width: Some(2048),
            height: Some(1536),
            srcset: Some("/p/images/a-480w.jpg 480w, /p/images/a-960w.jpg 960w".into()),
            sources: vec![SourceSet {
                mime: "image/webp".into(),
                srcset: "/p/images/a-480w.webp 480w, /p/images/a-960w.webp 960w".into(),
            }],
        }
    }

    #[test]
    fn a_picture_offers_webp_then_the_original_with_sizes_and_dimensions() {
        let html = picture().markup(
            Placement {
                sizes: Some("100vw"),
                eager: false,
                class: None,
            },
            None,
        );
        assert_eq!(
            html,
            "<picture><source type=\"image/webp\" srcset=\"/p/images/a-480w.webp 480w, \
             /p/images/a-960w.webp 960w\" sizes=\"100vw\"><img src=\"/p/images/a.jpg\" \
             srcset=\"/p/images/a-480w.jpg 480w, /p/images/a-960w.jpg 960w\" sizes=\"100vw\" \
             width=\"2048\" height=\"1536\" alt=\"Đại biểu &quot;dự&quot; hội nghị\" \
             loading=\"lazy\" decoding=\"async\"></picture>"
        );
    }

    #[test]
    fn the_first_image_on_screen_is_fetched_first_and_an_unprocessed_one_is_a_plain_img() {
        let eager = picture().markup(
            Placement {
                sizes: None,
                eager: true,
                class: Some("lead"),
            },
            Some("Ảnh: TTXVN"),
        );
        assert!(eager.contains(" title=\"Ảnh: TTXVN\" class=\"lead\" fetchpriority=\"high\""));
        assert!(!eager.contains("loading="));
        let plain = Picture {
            src: "https://x.vn/a.jpg".into(),
            alt: "A".into(),
            ..Picture::default()
        }
        .markup(
            Placement {
                sizes: Some("100vw"),
                ..Placement::default()
            },
            None,
        );
        assert_eq!(
            plain,
            "<img src=\"https://x.vn/a.jpg\" alt=\"A\" loading=\"lazy\" decoding=\"async\">"
        );
    }
}
