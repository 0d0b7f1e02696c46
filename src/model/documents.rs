//! Takes the loaded documents (văn bản) and gives the library as it will be published: the
//! documents newest issued first, their lists (all, by kind, by year issued, by issuer), and a
//! way to find one by its number; two files with the same number are an error, a `replaced_by:`
//! or `amended_by:` naming a number the library does not have is a warning.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Datelike;

use crate::content::{DOCUMENT_KINDS, Document, Filter, number_key};
use crate::locale::citation::{DocNumber, Reference};
use crate::locale::{self, collate::Collator};
use crate::msg;
use crate::problem::Problem;
use crate::route;

/// What a list of documents gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentListKind {
    /// The whole library, `/van-ban/`.
    All,
    /// A place in `content::DOCUMENT_KINDS`.
    Kind(usize),
    Year(i32),
    Issuer,
}

/// A paginated list of documents.
#[derive(Debug, Clone)]
pub struct DocumentList {
    pub kind: DocumentListKind,
    /// "Văn bản", "Nghị định", "2024", "Chính phủ".
    pub name: String,
    pub slug: String,
    /// Below the site root, ending in `/`.
    pub path: String,
    /// Indexes into `Documents::all`, newest issued first.
    pub documents: Vec<usize>,
}

/// The published documents and their lists.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    /// Newest issued first (ties by number).
    pub all: Vec<Arc<Document>>,
    /// `lists[0]` is the whole library (when there are documents), then the kinds (in
    /// `DOCUMENT_KINDS`' order), the years (newest first), the issuers (Vietnamese order).
    pub lists: Vec<DocumentList>,
    pub kinds: Vec<usize>,
    pub years: Vec<usize>,
    pub issuers: Vec<usize>,
    /// Each document's place in `all` by its number's key (`content::number_key`).
    by_key: HashMap<String, usize>,
    /// Each document's number as the citation grammar reads it (`None`: a number it does not
    /// read, which no citation names), for short references ("Nghị định 80/2020").
    numbers: Vec<Option<DocNumber>>,
}

impl Documents {
    /// The published documents, checked across files.
    pub fn build(documents: Vec<Arc<Document>>, filter: Filter) -> (Documents, Vec<Problem>) {
        let mut problems = check_numbers(&documents);
        let mut all: Vec<Arc<Document>> = documents
            .into_iter()
            .filter(|d| filter.publishes_document(d))
            .collect();
        all.sort_by(|a, b| b.issued.cmp(&a.issued).then_with(|| a.key.cmp(&b.key)));
        let mut by_key = HashMap::new();
        for (i, d) in all.iter().enumerate() {
            by_key.entry(d.key.clone()).or_insert(i);
        }
        for d in &all {
            for (number, span) in [&d.replaced_by, &d.amended_by].into_iter().flatten() {
                if by_key.contains_key(&number_key(number)) {
                    continue;
                }
                problems.push(
                    Problem::warning(
                        "content::unknown-document",
                        msg!("content-unknown-document", number = number.as_str()),
                    )
                    .at(&d.file, span.clone())
                    .label(msg!("content-unknown-document-label"))
                    .help(msg!("content-unknown-document-help")),
                );
            }
        }
        let mut lists = Vec::new();
        let (mut kinds, mut years, mut issuers) = (Vec::new(), Vec::new(), Vec::new());
        if !all.is_empty() {
            lists.push(DocumentList {
                kind: DocumentListKind::All,
                name: "Văn bản".to_string(),
                slug: String::new(),
                path: route::DOCUMENTS.to_string(),
                documents: (0..all.len()).collect(),
            });
            for (k, (name, slug)) in DOCUMENT_KINDS.iter().enumerate() {
                let documents: Vec<usize> = (0..all.len()).filter(|&i| all[i].kind == k).collect();
                if !documents.is_empty() {
                    kinds.push(lists.len());
                    lists.push(DocumentList {
                        kind: DocumentListKind::Kind(k),
                        name: name.to_string(),
                        slug: slug.to_string(),
                        path: route::document_kind(slug),
                        documents,
                    });
                }
            }
            let mut year_list: Vec<i32> = all.iter().map(|d| d.issued.year()).collect();
            year_list.dedup();
            for year in year_list {
                years.push(lists.len());
                lists.push(DocumentList {
                    kind: DocumentListKind::Year(year),
                    name: year.to_string(),
                    slug: year.to_string(),
                    path: route::document_year(year),
                    documents: (0..all.len())
                        .filter(|&i| all[i].issued.year() == year)
                        .collect(),
                });
            }
            // Issuers by slug: "UBND tỉnh An Giang" and "UBND Tỉnh An Giang" are one; the name
            // shown is the first written (the newest document's).
            let mut by_issuer: Vec<(String, String, Vec<usize>)> = Vec::new();
            for (i, d) in all.iter().enumerate() {
                let slug = locale::slugify(&d.issuer);
                if slug.is_empty() {
                    continue;
                }
                match by_issuer.iter_mut().find(|(s, _, _)| *s == slug) {
                    Some((_, _, docs)) => docs.push(i),
                    None => by_issuer.push((slug, d.issuer.clone(), vec![i])),
                }
            }
            let collator = Collator::new();
            by_issuer.sort_by(|a, b| collator.compare(&a.1, &b.1));
            for (slug, name, documents) in by_issuer {
                issuers.push(lists.len());
                lists.push(DocumentList {
                    kind: DocumentListKind::Issuer,
                    name,
                    path: route::document_issuer(&slug),
                    slug,
                    documents,
                });
            }
        }
        let numbers = all.iter().map(|d| DocNumber::parse(&d.number)).collect();
        let documents = Documents {
            all,
            lists,
            kinds,
            years,
            issuers,
            numbers,
            by_key,
        };
        (documents, problems)
    }

    /// The published document with this number, however it is spaced or cased.
    pub fn by_number(&self, number: &str) -> Option<usize> {
        self.by_key.get(&number_key(number)).copied()
    }

    /// The published document a citation names: by its number however it was typed, or for a
    /// short reference ("NĐ 80/2020") the one document whose number it fits; `None` when the
    /// library has none (or, for a short reference, several).
    pub fn resolve(&self, reference: &Reference) -> Option<usize> {
        match reference {
            Reference::Number(number) => self.by_key.get(&number.match_key()).copied(),
            Reference::Short { .. } => {
                let mut fits = self
                    .numbers
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.as_ref().is_some_and(|n| reference.matches(n)));
                match (fits.next(), fits.next()) {
                    (Some((i, _)), None) => Some(i),
                    _ => None,
                }
            }
        }
    }

    /// The newest `n` documents.
    pub fn latest(&self, n: usize) -> impl Iterator<Item = usize> {
        0..self.all.len().min(n)
    }
}

/// Two files that describe the same number (drafts too: one of them is a slip).
fn check_numbers(documents: &[Arc<Document>]) -> Vec<Problem> {
    let mut sorted: Vec<&Arc<Document>> = documents.iter().collect();
    sorted.sort_by(|a, b| a.file.path.cmp(&b.file.path));
    let mut seen: HashMap<&str, &Document> = HashMap::new();
    let mut problems = Vec::new();
    for d in sorted {
        match seen.get(d.key.as_str()) {
            Some(first) => problems.push(
                Problem::error(
                    "content::duplicate-document",
                    msg!(
                        "content-duplicate-document",
                        first = first.file.path.as_str(),
                        second = d.file.path.as_str(),
                        number = first.number.as_str()
                    ),
                )
                .at(&d.file, d.number_span.clone())
                .label(msg!(
                    "content-duplicate-document-label",
                    first = first.file.path.as_str()
                ))
                .help(msg!("content-duplicate-document-help")),
            ),
            None => {
                seen.insert(&d.key, d);
            }
        }
    }
    problems
}
