//! Takes the compiled site, gives what its articles and pages cite: a warning for each citation
//! dated otherwise than the library's date of issue ("Chỉ thị 38-CT/TW ngày 19/9/2019" against a
//! library that says 29/9/2019: one of the two is wrong), and the documents cited that the
//! library lacks, most cited first (`bantin check --missing-documents`).

use std::collections::HashMap;

use serde::Serialize;

use crate::content::Document;
use crate::markdown::BodyCitation;
use crate::model::Index;
use crate::msg;
use crate::problem::{Problem, SourceFile};

/// What the articles and pages cite.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cited {
    /// References to documents found in the bodies of published articles and pages.
    pub citations: usize,
    /// Of them, those the library holds (linked to the document's page).
    pub linked: usize,
    /// The documents cited that the library lacks, most cited first.
    pub missing: Vec<MissingDocument>,
}

/// A document cited that the library lacks.
#[derive(Debug, Clone, Serialize)]
pub struct MissingDocument {
    /// As a reader names it: "Quyết định 308/QĐ-UBND", "Nghị định 80/2020" (a short reference).
    pub document: String,
    pub citations: usize,
    /// Where it is cited, `file:line:column`, in the order of the files.
    pub places: Vec<String>,
}

/// The citations of every published body, and a problem for each one dated otherwise than the
/// library. The files must keep their text (as `check` keeps it) for the places to be right.
pub fn cited(index: &Index) -> (Cited, Vec<Problem>) {
    let bodies = index
        .articles
        .iter()
        .zip(&index.citations.articles)
        .map(|(a, found)| (&a.file, a.body_line, &a.body, found))
        .chain(
            index
                .pages
                .iter()
                .zip(&index.citations.pages)
                .map(|(p, found)| (&p.file, p.body_line, &p.body, found)),
        );
    let mut cited = Cited::default();
    let mut problems = Vec::new();
    let mut missing: HashMap<&str, MissingDocument> = HashMap::new();
    for (file, body_line, body, found) in bodies {
        let body_start = file.offset_of(body_line, 0);
        for (citation, document) in body.citations.iter().zip(found) {
            cited.citations += 1;
            match document {
                Some(d) => {
                    cited.linked += 1;
                    let document = &index.documents.all[*d];
                    problems.extend(date_problem(citation, document, file, body_start));
                }
                None => {
                    let (line, column) = file.line_col(body_start + citation.span.start);
                    let entry =
                        missing
                            .entry(citation.key.as_str())
                            .or_insert_with(|| MissingDocument {
                                document: name(citation),
                                citations: 0,
                                places: Vec::new(),
                            });
                    entry.citations += 1;
                    entry.places.push(format!("{}:{line}:{column}", file.path));
                }
            }
        }
    }
    let mut missing: Vec<MissingDocument> = missing.into_values().collect();
    for m in &mut missing {
        m.places.sort();
    }
    missing.sort_by(|a, b| {
        b.citations
            .cmp(&a.citations)
            .then_with(|| a.document.cmp(&b.document))
    });
    cited.missing = missing;
    (cited, problems)
}

/// "Nghị định 58/2022/NĐ-CP"; the number alone when no kind is known ("202/2025/QH15").
fn name(citation: &BodyCitation) -> String {
    use crate::locale::citation::Reference;
    let number = match &citation.reference {
        Reference::Number(n) => n.as_str().to_string(),
        Reference::Short { serial, year, .. } => format!("{serial}/{year}"),
    };
    match citation.kind {
        Some(kind) => format!("{} {number}", kind.name()),
        None => number,
    }
}

/// A citation dated otherwise than the library's date of issue, at the date written.
fn date_problem(
    citation: &BodyCitation,
    document: &Document,
    file: &SourceFile,
    body_start: usize,
) -> Option<Problem> {
    let written = citation.date?;
    let issued = document.issued.date_naive();
    if written == issued {
        return None;
    }
    let span = citation.date_span.as_ref().unwrap_or(&citation.span);
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    Some(
        Problem::warning(
            "check::citation-date",
            msg!(
                "check-citation-date",
                document = document.title(),
                written = day(written),
                issued = day(issued),
            ),
        )
        .at(file, body_start + span.start..body_start + span.end)
        .label(msg!("check-citation-date-label", issued = day(issued)))
        .help(msg!(
            "check-citation-date-help",
            file = document.file.path.as_str()
        )),
    )
}
