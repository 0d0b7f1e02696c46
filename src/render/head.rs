//! What a page's `<head>` tells link previews and search engines, as the templates get it
//! (`seo`): the Open Graph and Twitter card `<meta>` tags and the JSON-LD. `seo` makes it from
//! the page; `context::Common` carries it to the template.

use serde::Serialize;

/// One `<meta>` tag: `<meta {attr}="{key}" content="{content}">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// `property` for Open Graph, `name` for Twitter cards.
    pub attr: &'static str,
    pub key: &'static str,
    pub content: String,
}

/// What the templates get as `seo`.
#[derive(Debug, Clone, Serialize)]
pub struct Seo {
    pub meta: Vec<Meta>,
    /// JSON-LD, already safe to print inside `<script type="application/ld+json">`.
    pub json_ld: Option<String>,
}
