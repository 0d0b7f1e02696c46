//! Takes the collected posting lists and the documents, gives the index's files: posting shards
//! (`p/<n>.json`), one record per document (`d/<n>.json`) and the manifest (`index.json`) that
//! says which shard holds which terms. The format is described in the README (“The search
//! index”).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::SearchDoc;
use super::collect::Collected;
use super::encode::{META, Stamp, TITLE, push_json_str, push_numbers, push_postings};
use super::records::RECORDS_PER_FILE;
use super::terms::{STOP_WORDS, forms, tokens};

/// Bumped when the files change shape, so search.js can refuse an index it cannot read.
/// 2: the manifest lists the provinces' names (`provinces`), which search.js ranks on.
pub const FORMAT: u32 = 2;

/// Province filter terms start with this; no word can (words start with a letter or digit), and
/// it sorts before them, so the province lists sit together in the first shard(s).
pub const PROVINCE_PREFIX: &str = "#";

/// One entry of a shard: `"key":value`, with the key kept for the shard directory.
struct Entry {
    key: String,
    json: Vec<u8>,
}

/// Every entry in key order: province lists first, then each folded word followed by its
/// spellings and the bigrams that start with it (see `word_entries`), packed into shards as they
/// are made. Words are encoded in parallel a batch at a time, so only a batch of entries is ever
/// held besides the shards (all of them at once would be twice the shards' size).
fn packed_entries(collected: &Collected, docs: &[SearchDoc<'_>], cap: usize) -> Vec<Shard> {
    let mut by_province: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (n, doc) in docs.iter().enumerate() {
        // A line break would break the front-coded directory; no real slug has one.
        if !doc.province_slug.is_empty() && !doc.province_slug.contains(['\n', '\r']) {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            by_province.entry(doc.province_slug).or_default().push(n);
        }
    }
    let mut packer = Packer::new(cap);
    for (slug, list) in by_province {
        let key = format!("{PROVINCE_PREFIX}{slug}");
        let mut json = Vec::new();
        push_json_str(&mut json, &key);
        json.extend_from_slice(b":\"");
        push_postings(&mut json, list.into_iter().map(|d| (d, 0)), false);
        json.push(b'"');
        packer.push(Entry { key, json });
    }

    let folds = collected.folds.len();
    let mut from = 0;
    while from < folds {
        let to = folds.min(from + WORDS_PER_BATCH);
        let words: Vec<Vec<Entry>> = (from..to)
            .into_par_iter()
            .with_min_len(64)
            .map(|f| word_entries(collected, f))
            .collect();
        for entry in words.into_iter().flatten() {
            packer.push(entry);
        }
        from = to;
    }
    packer.finish()
}

/// How many words' entries are made between two packings: enough to keep the threads busy, few
/// enough that the batch is small next to the shards (a common word's entries are hundreds of
/// KB; at 10,000 articles 256 words keep the index's peak 8 MB lower than 4,096).
const WORDS_PER_BATCH: usize = 256;

/// The entries of folded word `f`, in key order:
/// - `"ban":["<postings>","bàn","bán","bạn"]`: every document holding any spelling, with its
///   code (flags of all spellings, the highest body bucket), then the spellings;
/// - `"ban\tbạn":"<documents>"` for each spelling, when there are several: the documents
///   holding that spelling, without codes. A query typed with marks fetches only its own
///   spelling's list, one without marks none, so the common syllables' many spellings
///   ("ban" has six, 40 KB of lists at 10,000 articles) are not all downloaded;
/// - `"ban cho":"<postings>"` for each bigram starting with the word.
///
/// A tab sorts before the space, and both before any character a word can hold, so this is
/// byte order and the word's entries sit together, mostly in one shard.
fn word_entries(collected: &Collected, f: usize) -> Vec<Entry> {
    let word = &*collected.folds[f];
    let variants = collected.variants_of(f);
    // The spellings' lists are each ascending: merged, not sorted (a common word has tens of
    // thousands of postings).
    let mut heads: Vec<_> = variants
        .clone()
        .map(|v| collected.variant_postings(v).peekable())
        .collect();
    let mut all: Vec<(u32, u8)> = Vec::new();
    while let Some(doc) = heads.iter_mut().filter_map(|h| h.peek().map(|p| p.0)).min() {
        let mut code = 0;
        for head in &mut heads {
            if let Some((_, c)) = head.next_if(|p| p.0 == doc) {
                code = ((code | c) & (TITLE | META)) | (code & 3).max(c & 3);
            }
        }
        all.push((doc, code));
    }
    let mut json = Vec::new();
    push_json_str(&mut json, word);
    json.extend_from_slice(b":[\"");
    push_postings(&mut json, all, true);
    json.push(b'"');
    for v in variants.clone() {
        json.push(b',');
        push_json_str(&mut json, collected.variant(v));
    }
    json.push(b']');
    let mut out = vec![Entry {
        key: word.to_string(),
        json,
    }];
    if variants.len() > 1 {
        for v in variants {
            let key = format!("{word}\t{}", collected.variant(v));
            let mut json = Vec::new();
            push_json_str(&mut json, &key);
            json.extend_from_slice(b":\"");
            push_postings(&mut json, collected.variant_postings(v), false);
            json.push(b'"');
            out.push(Entry { key, json });
        }
    }
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

/// A shard: the keys of its first and last entries (for the directory) and its file's bytes.
pub struct Shard {
    pub first: String,
    pub last: String,
    pub bytes: Vec<u8>,
}

/// Packs entries, in order, into shards of at most `cap` bytes; an entry bigger than that
/// gets a shard of its own, so a query's download is bounded by its own terms, not their
/// neighbours'.
struct Packer {
    cap: usize,
    done: Vec<Shard>,
    current: Option<Shard>,
}

impl Packer {
    fn new(cap: usize) -> Packer {
        Packer {
            cap,
            done: Vec::new(),
            current: None,
        }
    }

    fn push(&mut self, entry: Entry) {
        // The shard so far ("{" and its entries), a comma, this entry and the closing "}".
        let fits = self
            .current
            .as_ref()
            .is_some_and(|s| s.bytes.len() + entry.json.len() + 2 <= self.cap);
        if fits {
            if let Some(s) = self.current.as_mut() {
                s.bytes.push(b',');
                s.bytes.extend_from_slice(&entry.json);
                s.last = entry.key;
            }
            return;
        }
        self.close();
        let mut bytes = Vec::with_capacity(self.cap.min(entry.json.len().max(1024) * 2));
        bytes.push(b'{');
        bytes.extend_from_slice(&entry.json);
        self.current = Some(Shard {
            first: entry.key.clone(),
            last: entry.key,
            bytes,
        });
    }

    /// Ends the current shard, its bytes without spare room (they are kept until the end).
    fn close(&mut self) {
        if let Some(mut shard) = self.current.take() {
            shard.bytes.push(b'}');
            shard.bytes.shrink_to_fit();
            self.done.push(shard);
        }
    }

    fn finish(mut self) -> Vec<Shard> {
        self.close();
        self.done
    }
}

#[cfg(test)]
fn shards(entries: Vec<Entry>, cap: usize) -> Vec<Shard> {
    let mut packer = Packer::new(cap);
    for entry in entries {
        packer.push(entry);
    }
    packer.finish()
}

/// The shard directory: for each shard the shortest prefix of its first key that sorts after
/// the previous shard's last key ("huu nh" between "huu nghi" and "huu nhan"), which is all a
/// search needs to pick the shard, at a fraction of the bytes of whole keys. The first shard
/// keeps its first key, so a key before it is known to be absent without a download.
fn directory(shards: &[Shard]) -> Vec<&str> {
    let mut out = Vec::with_capacity(shards.len());
    for (n, shard) in shards.iter().enumerate() {
        let Some(previous) = n.checked_sub(1).map(|p| shards[p].last.as_str()) else {
            out.push(shard.first.as_str());
            continue;
        };
        let first = shard.first.as_str();
        let end = first
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .find(|&end| &first[..end] > previous)
            .unwrap_or(first.len());
        out.push(&first[..end]);
    }
    out
}

/// Sorted keys written as one string: each on its own line, as one character saying how many
/// characters (code points, at most 31) it shares with the previous key, in the posting
/// alphabet, then the rest. Neighbouring keys share most of their text ("hop tac", "hop th"),
/// so this halves the directory, the bulk of the manifest every search downloads first.
/// Keys never hold a line break: words cannot, and province slugs that do are not indexed.
fn front_code(keys: &[&str]) -> String {
    let mut out = String::new();
    let mut previous = "";
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let shared = previous
            .chars()
            .zip(key.chars())
            .take_while(|(a, b)| a == b)
            .take(31)
            .count();
        let mut digit = Vec::new();
        push_numbers(&mut digit, [shared as u64]);
        out.push_str(std::str::from_utf8(&digit).unwrap_or("A"));
        let rest = key
            .char_indices()
            .nth(shared)
            .map_or("", |(at, _)| &key[at..]);
        out.push_str(rest);
        previous = key;
    }
    out
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
    /// The shard directory (see `directory`), front-coded (see `front_code`): a key is in the
    /// last shard whose entry is not after it.
    directory: String,
    /// The size of every shard in KiB, rounded up, as numbers in the posting alphabet:
    /// search.js plans its downloads with them.
    sizes: String,
    /// See `terms::STOP_WORDS`.
    stop: &'a [&'a str],
    /// See `RECORDS_PER_FILE`.
    records_per_file: usize,
    /// The provinces of the articles, by slug: `[slug, folded name]` ("da-nang", "da nang"),
    /// sorted by slug. A query that names a province ranks its articles ("#<slug>") as if the
    /// name were in their titles: an article's province is what it is about, while the words
    /// of the name may be scattered anywhere ("đã … năng lực" for "da nang").
    provinces: Vec<(&'a str, String)>,
}

/// The provinces of `docs` for the manifest (see `Manifest::provinces`): each slug with the
/// folded words of the first display name it is seen with. Slugs the directory leaves out
/// (empty, or with a line break) are left out here too.
fn provinces<'a>(docs: &[SearchDoc<'a>]) -> Vec<(&'a str, String)> {
    let mut names: BTreeMap<&'a str, String> = BTreeMap::new();
    for doc in docs {
        if doc.province_slug.is_empty() || doc.province_slug.contains(['\n', '\r']) {
            continue;
        }
        names.entry(doc.province_slug).or_insert_with(|| {
            let words: Vec<String> = tokens(doc.province)
                .filter_map(forms)
                .map(|f| f.folded)
                .collect();
            words.join(" ")
        });
    }
    names
        .into_iter()
        .filter(|(_, name)| !name.is_empty())
        .collect()
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

/// All files of the index, paths relative to the index folder. The posting lists are dropped
/// once the shards are made.
pub fn files(collected: Collected, docs: &[SearchDoc<'_>], cap: usize) -> Vec<(String, Vec<u8>)> {
    let shards = packed_entries(&collected, docs, cap);
    let records = collected.into_records();

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
        directory: front_code(&directory(&shards)),
        sizes: {
            let mut sizes = Vec::new();
            let kib = shards.iter().map(|s| s.bytes.len().div_ceil(1024) as u64);
            push_numbers(&mut sizes, kib);
            String::from_utf8(sizes).unwrap_or_default()
        },
        stop: STOP_WORDS,
        records_per_file: RECORDS_PER_FILE,
        provinces: provinces(docs),
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
    fn the_directory_holds_the_shortest_separating_prefixes() {
        let shard = |first: &str, last: &str| Shard {
            first: first.to_string(),
            last: last.to_string(),
            bytes: Vec::new(),
        };
        let shards = [
            shard("#an-giang", "an"),
            shard("an\tăn", "huu nghi"),
            shard("huu nhan", "hữu"),
            shard("hữv", "hữv"),
            shard("hữva", "z"),
        ];
        assert_eq!(
            directory(&shards),
            ["#an-giang", "an\t", "huu nh", "hữv", "hữva"]
        );
    }

    #[test]
    fn front_coding_shares_prefixes_in_characters() {
        let long = "a".repeat(40);
        let keys = [
            "#an", "an", "an\tăn", "an\tấn", "hop tac", "hop th", "hữu", &long, &long,
        ];
        let coded = front_code(&keys);
        let lines: Vec<&str> = coded.split('\n').collect();
        assert_eq!(
            lines[..8],
            [
                "A#an",
                "Aan",
                "C\tăn",
                "D\u{1EA5}n",
                "Ahop tac",
                "Fh",
                "Bữu",
                &("A".to_string() + &long)
            ]
        );
        // At most 31 shared: the repeated long key keeps its last nine characters.
        assert_eq!(lines[8], format!("f{}", "a".repeat(9)));
        assert_eq!(front_code(&[]), "");
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
