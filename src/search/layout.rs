//! Takes the collected posting lists and the documents, gives the index's files: posting shards
//! (`p/<n>.json`), one record per document (`d/<n>.json`) and the manifest (`index.json`) that
//! says which shard holds which terms. The format is described in search-readme.md.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::SearchDoc;
use super::collect::Collected;
use super::encode::{Stamp, push_json_str, push_postings};
use super::terms::STOP_WORDS;

/// Bumped when the files change shape, so search.js can refuse an index it cannot read.
pub const FORMAT: u32 = 1;

/// Province filter terms start with this; no word can (words start with a letter or digit), and
/// it sorts before them, so the province lists sit together in the first shard(s).
pub const PROVINCE_PREFIX: &str = "#";

/// One entry of a shard: `"key":value`, with the key kept for the shard directory.
struct Entry {
    key: String,
    json: Vec<u8>,
}

/// Every entry in key order: province lists first, then each folded word followed by the
/// bigrams that start with it. That is byte order, because a bigram is "first second" and a
/// space sorts before every character a word can hold.
fn entries(collected: &Collected, docs: &[SearchDoc<'_>]) -> Vec<Entry> {
    let mut by_province: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (n, doc) in docs.iter().enumerate() {
        if !doc.province_slug.is_empty() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            by_province.entry(doc.province_slug).or_default().push(n);
        }
    }
    let mut out: Vec<Entry> = by_province
        .into_iter()
        .map(|(slug, list)| {
            let key = format!("{PROVINCE_PREFIX}{slug}");
            let mut json = Vec::new();
            push_json_str(&mut json, &key);
            json.extend_from_slice(b":\"");
            push_postings(&mut json, list.into_iter().map(|d| (d, 0)), false);
            json.push(b'"');
            Entry { key, json }
        })
        .collect();

    let words: Vec<Vec<Entry>> = (0..collected.folds.len())
        .into_par_iter()
        .with_min_len(64)
        .map(|f| word_entries(collected, f))
        .collect();
    out.extend(words.into_iter().flatten());
    out
}

/// The entry of folded word `f` (`"huu":{"hữu":"…","hưu":"…"}`) and of each bigram it starts
/// (`"huu nghi":"…"`).
fn word_entries(collected: &Collected, f: usize) -> Vec<Entry> {
    let word = &*collected.folds[f];
    let mut json = Vec::new();
    push_json_str(&mut json, word);
    json.extend_from_slice(b":{");
    for (i, v) in collected.variants_of(f).enumerate() {
        if i > 0 {
            json.push(b',');
        }
        push_json_str(&mut json, collected.variant(v));
        json.extend_from_slice(b":\"");
        push_postings(&mut json, collected.variant_postings(v), true);
        json.push(b'"');
    }
    json.push(b'}');
    let mut out = vec![Entry {
        key: word.to_string(),
        json,
    }];
    for pair in collected.pairs_of(f) {
        let key = format!("{word} {}", collected.folds[collected.pair_second(pair)]);
        let mut json = Vec::new();
        push_json_str(&mut json, &key);
        json.extend_from_slice(b":\"");
        push_postings(&mut json, collected.pair_postings(pair), true);
        json.push(b'"');
        out.push(Entry { key, json });
    }
    out
}

/// A shard: the key of its first entry (for the directory) and its file's bytes.
pub struct Shard {
    pub first: String,
    pub bytes: Vec<u8>,
}

/// Packs the entries, in order, into shards of at most `cap` bytes; an entry bigger than that
/// gets a shard of its own, so a query's download is bounded by its own terms, not their
/// neighbours'.
fn shards(entries: Vec<Entry>, cap: usize) -> Vec<Shard> {
    let mut out: Vec<Shard> = Vec::new();
    let mut current: Option<Shard> = None;
    for entry in entries {
        // The shard so far ("{" and its entries), a comma, this entry and the closing "}".
        let fits = current
            .as_ref()
            .is_some_and(|s| s.bytes.len() + entry.json.len() + 2 <= cap);
        if fits {
            if let Some(s) = current.as_mut() {
                s.bytes.push(b',');
                s.bytes.extend_from_slice(&entry.json);
            }
            continue;
        }
        if let Some(mut done) = current.take() {
            done.bytes.push(b'}');
            out.push(done);
        }
        let mut bytes = Vec::with_capacity(cap.min(entry.json.len().max(1024) * 2));
        bytes.push(b'{');
        bytes.extend_from_slice(&entry.json);
        current = Some(Shard {
            first: entry.key,
            bytes,
        });
    }
    if let Some(mut done) = current {
        done.bytes.push(b'}');
        out.push(done);
    }
    out
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
    /// summary
    s: &'a str,
    /// body text
    b: &'a str,
}

fn record(doc: &SearchDoc<'_>, text: &str) -> Vec<u8> {
    let record = Record {
        t: doc.title,
        u: doc.url,
        d: doc.date,
        p: doc.province,
        s: doc.summary,
        b: text,
    };
    // Serialising borrowed strings cannot fail; an empty record would only lose one result.
    serde_json::to_vec(&record).unwrap_or_default()
}

#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    /// Stamp of every other file: search.js adds it to each address, so a browser never mixes
    /// files of two builds from its cache.
    version: String,
    docs: usize,
    /// Years, newest first, each with the document-number ranges [start, end) of its articles.
    years: Vec<(u32, Vec<(usize, usize)>)>,
    /// The first key of every shard: shard n holds the keys from `shards[n]` up to `shards[n+1]`.
    shards: Vec<&'a str>,
    /// See `terms::STOP_WORDS`.
    stop: &'a [&'a str],
}

/// The year of an RFC 3339 date ("2025-07-01T…" → 2025), if it starts with four digits.
fn year_of(date: &str) -> Option<u32> {
    let digits = date.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Years and their document ranges. Articles come newest first, so a year is normally one range;
/// input out of order still gives correct (if more) ranges.
fn years(docs: &[SearchDoc<'_>]) -> Vec<(u32, Vec<(usize, usize)>)> {
    let mut years: BTreeMap<u32, Vec<(usize, usize)>> = BTreeMap::new();
    for (n, doc) in docs.iter().enumerate() {
        let Some(year) = year_of(doc.date) else {
            continue;
        };
        let ranges = years.entry(year).or_default();
        match ranges.last_mut() {
            Some(last) if last.1 == n => last.1 = n + 1,
            _ => ranges.push((n, n + 1)),
        }
    }
    years.into_iter().rev().collect()
}

/// All files of the index, paths relative to the index folder.
pub fn files(collected: &Collected, docs: &[SearchDoc<'_>], cap: usize) -> Vec<(String, Vec<u8>)> {
    let shards = shards(entries(collected, docs), cap);
    let records: Vec<Vec<u8>> = docs
        .par_iter()
        .zip(&collected.texts)
        .map(|(doc, text)| record(doc, text))
        .collect();

    let mut stamp = Stamp::default();
    let parts: Vec<Stamp> = shards
        .par_iter()
        .map(|s| &s.bytes)
        .chain(records.par_iter())
        .map(|bytes| {
            let mut s = Stamp::default();
            s.add(bytes);
            s
        })
        .collect();
    for part in parts {
        stamp.add_stamp(part);
    }
    // The manifest's own content counts too (two indexes can differ only in their years).
    let years = years(docs);
    let mut manifest = Manifest {
        format: FORMAT,
        version: String::new(),
        docs: docs.len(),
        years,
        shards: shards.iter().map(|s| s.first.as_str()).collect(),
        stop: STOP_WORDS,
    };
    stamp.add(&serde_json::to_vec(&manifest).unwrap_or_default());
    manifest.version = stamp.hex();
    let manifest_bytes = serde_json::to_vec(&manifest).unwrap_or_default();

    let mut out = Vec::with_capacity(1 + shards.len() + records.len());
    out.push(("index.json".to_string(), manifest_bytes));
    out.extend(
        shards
            .into_iter()
            .enumerate()
            .map(|(n, s)| (format!("p/{n}.json"), s.bytes)),
    );
    out.extend(
        records
            .into_iter()
            .enumerate()
            .map(|(n, r)| (format!("d/{n}.json"), r)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, size: usize) -> Entry {
        let mut json = Vec::new();
        push_json_str(&mut json, key);
        json.extend_from_slice(b":\"");
        json.resize(size - 1, b'A');
        json.push(b'"');
        Entry {
            key: key.to_string(),
            json,
        }
    }

    #[test]
    fn shards_respect_the_cap_and_a_big_entry_stands_alone() {
        let cap = 100;
        let list = vec![
            entry("a", 30),
            entry("b", 30),
            entry("c", 30), // 1 + 30 + 1 + 30 + 1 + 30 + 1 = 94: fits with a and b
            entry("d", 10), // would make 105
            entry("e", 250),
            entry("f", 98), // exactly cap with the braces
            entry("g", 99), // one byte over: alone, over the cap
            entry("h", 7),
        ];
        let shards = shards(list, cap);
        let firsts: Vec<&str> = shards.iter().map(|s| s.first.as_str()).collect();
        assert_eq!(firsts, ["a", "d", "e", "f", "g", "h"]);
        let sizes: Vec<usize> = shards.iter().map(|s| s.bytes.len()).collect();
        assert_eq!(sizes, [94, 12, 252, 100, 101, 9]);
        for s in &shards {
            let parsed: serde_json::Value =
                serde_json::from_slice(&s.bytes).expect("a shard is JSON");
            assert!(parsed.is_object());
        }
    }

    #[test]
    fn years_are_ranges_of_document_numbers_newest_first() {
        let dates = [
            "2026-01-02T08:00:00+07:00",
            "2025-12-31T23:00:00+07:00",
            "2025-01-01T00:00:00+07:00",
            "bad",
            "2024-05-05T00:00:00+07:00",
            "2025-03-03T00:00:00+07:00", // out of order: a second range for 2025
            "",
            "२०२५-01-01",
        ];
        let docs: Vec<SearchDoc<'_>> = dates
            .iter()
            .map(|d| SearchDoc {
                date: d,
                ..SearchDoc::default()
            })
            .collect();
        assert_eq!(
            years(&docs),
            vec![
                (2026, vec![(0, 1)]),
                (2025, vec![(1, 3), (5, 6)]),
                (2024, vec![(4, 5)]),
            ]
        );
    }
}
