//! Takes the published articles, pages, albums and the documents library, gives who cites what:
//! the document each citation of a body (or of an album's text, or of a document's notes) names
//! when the library holds it (the render step links it) and the articles citing each document
//! (its page lists them). `bantin check` compares the
//! dates written with the library's (`check::documents`).

use std::sync::Arc;

use crate::content::{Album, Article, Page};
use crate::markdown::Rendered;

use super::Documents;

/// Who cites what, by place: articles in `Index::articles`, pages in `Index::pages`, documents
/// in `Documents::all`.
#[derive(Debug, Clone, Default)]
pub struct Citations {
    /// For each article, for each citation of its body (`Rendered::citations`, in order), the
    /// document it names.
    pub articles: Vec<Vec<Option<usize>>>,
    /// The same for each standalone page.
    pub pages: Vec<Vec<Option<usize>>>,
    /// The same for each album's text.
    pub albums: Vec<Vec<Option<usize>>>,
    /// The same for each document's notes.
    pub documents: Vec<Vec<Option<usize>>>,
    /// For each document, the articles citing it, newest first, each once.
    pub cited_by: Vec<Vec<usize>>,
}

impl Citations {
    pub fn build(
        articles: &[Arc<Article>],
        pages: &[Page],
        albums: &[Arc<Album>],
        documents: &Documents,
    ) -> Citations {
        let resolve = |body: &Rendered| -> Vec<Option<usize>> {
            body.citations
                .iter()
                .map(|c| documents.resolve(&c.reference))
                .collect()
        };
        let of_articles: Vec<Vec<Option<usize>>> =
            articles.iter().map(|a| resolve(&a.body)).collect();
        let mut cited_by = vec![Vec::new(); documents.all.len()];
        // Articles are newest first, so each document's list is too.
        for (article, found) in of_articles.iter().enumerate() {
            for &document in found.iter().flatten() {
                let list: &mut Vec<usize> = &mut cited_by[document];
                if list.last() != Some(&article) {
                    list.push(article);
                }
            }
        }
        Citations {
            articles: of_articles,
            pages: pages.iter().map(|p| resolve(&p.body)).collect(),
            albums: albums.iter().map(|a| resolve(&a.body)).collect(),
            documents: documents.all.iter().map(|d| resolve(&d.body)).collect(),
            cited_by,
        }
    }

    /// The documents an article's body links, each once, in the order first cited.
    pub fn of_article(&self, article: usize) -> Vec<usize> {
        once_each(self.articles.get(article))
    }

    /// The documents a page's body links, each once, in the order first cited.
    pub fn of_page(&self, page: usize) -> Vec<usize> {
        once_each(self.pages.get(page))
    }

    /// The documents an album's text links.
    pub fn of_album(&self, album: usize) -> Vec<usize> {
        once_each(self.albums.get(album))
    }

    /// The documents a document's notes link.
    pub fn of_document(&self, document: usize) -> Vec<usize> {
        once_each(self.documents.get(document))
    }
}

fn once_each(found: Option<&Vec<Option<usize>>>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &d in found.into_iter().flatten().flatten() {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}
