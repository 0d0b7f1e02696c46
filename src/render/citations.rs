//! Takes a body's HTML with the document markers the Markdown renderer wrote
//! (`<a data-van-ban="80/2020/NĐ-CP">Nghị định số 80/2020/NĐ-CP</a>`, see
//! `markdown::BodyCitation`) and what the library links them to, gives the HTML a reader sees:
//! each marker a link to its document's page, or its plain text where the library lacks the
//! document. Bodies without markers are returned as they are, without being parsed.

use std::borrow::Cow;

use crate::markdown::Rendered;
use crate::model::Documents;

/// The attribute that marks a document reference in a rendered body.
pub const MARKER: &str = "data-van-ban";

/// The addresses of the documents a body cites, by marker key.
#[derive(Debug, Default)]
pub struct Links(Vec<(String, String)>);

impl Links {
    /// The links of `body`, whose citations name the documents `found` gives
    /// (`model::Citations`), with each document's address made by `url`.
    pub fn new(
        body: &Rendered,
        found: &[Option<usize>],
        documents: &Documents,
        url: &dyn Fn(&str) -> String,
    ) -> Links {
        Links(
            body.citations
                .iter()
                .zip(found)
                .filter_map(|(citation, &document)| {
                    let document = documents.all.get(document?)?;
                    Some((citation.key.clone(), url(&document.path)))
                })
                .collect(),
        )
    }

    /// The address the marker `key` links to.
    pub fn href(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, u)| u.clone())
    }

    /// `html` with its markers resolved by these links (`resolve`).
    pub fn apply<'a>(&self, html: &'a str) -> Cow<'a, str> {
        resolve(html, &|key| self.href(key))
    }
}

/// `html` with every marker resolved: `href(key)` gives the address of the document the key
/// names (`markdown::citation_key`), or `None` for a document the library does not hold.
pub fn resolve<'a>(html: &'a str, href: &dyn Fn(&str) -> Option<String>) -> Cow<'a, str> {
    if !html.contains(MARKER) {
        return Cow::Borrowed(html);
    }
    use lol_html::{RewriteStrSettings, element, rewrite_str};
    let rewritten = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("a[data-van-ban]", |el| {
                let key = el.get_attribute(MARKER).unwrap_or_default();
                el.remove_attribute(MARKER);
                // A marker the author also gave an address (raw HTML) keeps the author's link.
                if el.has_attribute("href") {
                    return Ok(());
                }
                match href(&key) {
                    Some(url) => {
                        el.set_attribute("href", &url)?;
                        el.set_attribute("class", "van-ban")?;
                    }
                    None => el.remove_and_keep_content(),
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    );
    // The rewriter fails only on its memory limits or a handler's error (an attribute value
    // it refuses, which a URL from `route` never is); the markers' text is then shown as it is.
    rewritten.map_or(Cow::Borrowed(html), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library(key: &str) -> Option<String> {
        (key == "80/2020/NĐ-CP").then(|| "/p/van-ban/80-2020-nd-cp/".to_string())
    }

    #[test]
    fn a_document_in_the_library_is_linked_and_one_missing_is_plain_text() {
        let html = "<p>Theo <a data-van-ban=\"80/2020/NĐ-CP\">Nghị định số 80/2020/NĐ-CP</a> và \
                    <a data-van-ban=\"58/2022/NĐ-CP\">Nghị định 58/2022/NĐ-CP</a>.</p>";
        assert_eq!(
            resolve(html, &library),
            "<p>Theo <a href=\"/p/van-ban/80-2020-nd-cp/\" class=\"van-ban\">Nghị định số \
             80/2020/NĐ-CP</a> và Nghị định 58/2022/NĐ-CP.</p>"
        );
    }

    #[test]
    fn a_body_without_markers_is_not_copied_and_an_authors_link_is_kept() {
        let plain = "<p>Không dẫn văn bản nào.</p>";
        assert!(matches!(resolve(plain, &library), Cow::Borrowed(_)));
        let own = "<a href=\"https://vanban.example/80\" data-van-ban=\"80/2020/NĐ-CP\">NĐ</a>";
        assert_eq!(
            resolve(own, &library),
            "<a href=\"https://vanban.example/80\">NĐ</a>"
        );
    }
}
