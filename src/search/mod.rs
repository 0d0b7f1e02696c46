//! Takes the published articles and gives the files of the site's full-text search index
//! (`search/…`), which `search.js` downloads piece by piece on the /tim-kiem/ page.
//!
//! The index is sharded so that one query fetches a small part of it: a manifest (the shard
//! directory, years as document ranges, the stop words), the posting shards that hold the
//! query's words, and the records of the results on screen. Words are indexed folded ("huu")
//! with their exact spellings ("hữu", "hưu") as variants, so a query without marks matches every
//! spelling while one with marks can rank its own spelling first; adjacent word pairs are
//! indexed too, for phrases. The layout is described in the README (“The search index”).

mod collect;
mod encode;
mod html;
mod layout;
mod records;
mod terms;

pub use terms::{STOP_WORDS, forms, tokens};

/// The folder of the index below the output root.
pub const DIR: &str = "search";

/// Largest posting shard, in bytes, unless one entry alone is bigger. A query fetches a whole
/// shard for each key it needs, so smaller shards waste less; but every shard is a line of the
/// directory in the manifest, which each search downloads first. At 10,000 articles 16 KB gives
/// 1,600 shards and a 10 KB manifest; 8 KB would save a query ~30 KB of shards but add 8 KB to
/// the manifest and 1,700 files to write.
pub const SHARD_CAP: usize = 16 * 1024;

/// One article as the search index sees it. Articles arrive newest first; their position in the
/// slice is their document number (so a year filter is a document-number range).
#[derive(Debug, Clone, Copy, Default)]
pub struct SearchDoc<'a> {
    /// Root-relative, with the base path: "/lhhn-angiang/tin-tuc/abc/".
    pub url: &'a str,
    pub title: &'a str,
    /// RFC 3339 with +07:00, e.g. "2025-07-01T08:30:00+07:00".
    pub date: &'a str,
    /// Display name, e.g. "An Giang".
    pub province: &'a str,
    /// The filter key, e.g. "an-giang".
    pub province_slug: &'a str,
    pub tags: &'a [String],
    pub category: Option<&'a str>,
    /// Plain text.
    pub summary: &'a str,
    /// The body as rendered HTML (tags are stripped, character references decoded).
    pub html: &'a str,
}

/// The files of the index, paths relative to the output root, all under "search/".
pub fn build(docs: &[SearchDoc<'_>]) -> Vec<(String, Vec<u8>)> {
    build_with_cap(docs, SHARD_CAP)
}

/// `build` with another shard size (tests use tiny shards to exercise the directory).
pub fn build_with_cap(docs: &[SearchDoc<'_>], shard_cap: usize) -> Vec<(String, Vec<u8>)> {
    // Far beyond any site; past it the oldest articles are left out rather than mis-numbered.
    let docs = &docs[..docs.len().min(collect::MAX_DOCS)];
    let collected = collect::collect(docs);
    let files = layout::files(collected, docs, shard_cap.max(1));
    files
        .into_iter()
        .map(|(path, bytes)| (format!("{DIR}/{path}"), bytes))
        .collect()
}

#[cfg(test)]
mod tests;
