//! Takes documents with their snippets and gives a records file (`d/<n>.json`): what a search
//! result shows of each document, a few documents to a file. The collector makes these files
//! while a body's text is at hand, and the layout's manifest says how many records a file holds:
//! both read the format from here.

use serde::Serialize;

use super::SearchDoc;

/// Records are stored this many to a file (documents 0–3 in d/0.json, 4–7 in d/1.json …):
/// one file per article would add 10,000 files to a 10,000-article site, and writing them
/// costs more than building the whole index; four keeps a page of ten results at ten files.
pub const RECORDS_PER_FILE: usize = 4;

/// How much of the body a record keeps for snippets, in characters (see `html::opening`). The whole body would make
/// the records most of the index (70 MB at 10,000 articles) and a page of results 70 KB; the
/// opening of an article, with its summary, is where its subject is named.
pub const SNIPPET_CHARS: usize = 1000;

/// What a document's record keeps of its body (see `RECORDS_PER_FILE`): the opening,
/// and whether the body starts with the summary.
pub struct Snippet {
    pub opening: String,
    pub summary_repeated: bool,
}

/// A document as a result needs it: what the result shows, and the text its snippet is cut from.
#[derive(Serialize)]
struct Record<'a> {
    /// title
    t: &'a str,
    /// URL
    u: &'a str,
    /// date, RFC 3339
    d: &'a str,
    /// province (display name)
    p: &'a str,
    /// summary, left out when the body text starts with it (the usual case: the summary is the
    /// first paragraph)
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'a str>,
    /// the opening of the body text, " …" at the end when it was cut
    b: &'a str,
}

/// The records file of `docs`, with their snippets.
pub fn records_file(docs: &[SearchDoc<'_>], snippets: &[Snippet]) -> Vec<u8> {
    let records: Vec<Record<'_>> = docs
        .iter()
        .zip(snippets)
        .map(|(doc, snippet)| Record {
            t: doc.title,
            u: doc.url,
            d: doc.date,
            p: doc.province,
            s: (!snippet.summary_repeated && !doc.summary.trim().is_empty()).then_some(doc.summary),
            b: &snippet.opening,
        })
        .collect();
    // Serialising borrowed strings cannot fail; an empty file would only lose results.
    let mut bytes = serde_json::to_vec(&records).unwrap_or_default();
    // Kept until the end, with every other file: without the spare room of its growth.
    bytes.shrink_to_fit();
    bytes
}
