//! Takes the documents and gives the index's posting lists: for every folded term its exact
//! variants, each with the documents that hold it and a code per document (where it occurs),
//! and for every pair of adjacent folded terms (a bigram) the documents that hold the pair.
//!
//! Documents are read in parallel, in a few chunks of consecutive documents. Each chunk interns
//! its own words (a token is folded once per chunk, not once per occurrence, and no string is
//! allocated per token) and builds its own posting lists. Because a chunk is a run of
//! consecutive documents, a term's full list is just its chunk lists one after the other: the
//! merge only sorts the vocabulary, never the postings. Term order follows the terms' text, so
//! the output does not depend on how the threads were scheduled.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rayon::prelude::*;

use super::SearchDoc;
use super::encode::{META, TITLE, body_bucket};
use super::html;
use super::records::{RECORDS_PER_FILE, SNIPPET_CHARS, Snippet, records_file};
use super::terms::{STOP_WORDS, forms, tokens};

/// Where a token was seen, before a document's occurrences are summed up into a code.
#[derive(Clone, Copy)]
enum Field {
    Title,
    Meta,
    Body,
}

/// A posting is kept as `gap << 4 | code` in a u32 (see `Lists`); hence at most 2^28
/// documents, checked by `search::build`.
pub const MAX_DOCS: usize = 1 << 28;

/// A fast hasher for the builder's private tables (short words, pairs of numbers). It need not
/// resist chosen collisions: the keys are the site's own text.
#[derive(Default)]
struct QuickHasher(u64);

impl QuickHasher {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.mix(u64::from_le_bytes(word) ^ (rest.len() as u64) << 59);
    }

    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn finish(&self) -> u64 {
        // The table uses both the low and the top bits; a multiply alone leaves the low ones weak.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

type Quick = BuildHasherDefault<QuickHasher>;

/// Raw tokens of at most 16 bytes (nearly all of them) → a number, in an open-addressing table
/// whose keys are the length and two machine words of the token. Looking a token up costs a
/// multiply and a few compares — no string hashing, no `memcmp` call — which matters at one
/// look-up per token of every article.
struct ShortTable {
    /// (first 8 bytes, next 8 bytes, length, number); length 0 marks an empty slot.
    slots: Vec<(u64, u64, u32, u32)>,
    len: usize,
    /// 64 minus log2 of the slot count: the hash's top bits pick the slot.
    shift: u32,
}

impl Default for ShortTable {
    fn default() -> Self {
        ShortTable {
            slots: vec![(0, 0, 0, 0); 1 << 10],
            len: 0,
            shift: 64 - 10,
        }
    }
}

impl ShortTable {
    /// The key of a token of 1 to 16 bytes: its bytes as two zero-padded words, and its length.
    fn key(token: &[u8]) -> Option<(u64, u64, u32)> {
        if token.is_empty() || token.len() > 16 {
            return None;
        }
        let mut words = [0u8; 16];
        words[..token.len()].copy_from_slice(token);
        let mut low = [0u8; 8];
        let mut high = [0u8; 8];
        low.copy_from_slice(&words[..8]);
        high.copy_from_slice(&words[8..]);
        Some((
            u64::from_le_bytes(low),
            u64::from_le_bytes(high),
            token.len() as u32,
        ))
    }

    fn slot(&self, (low, high, len): (u64, u64, u32)) -> usize {
        let h = (low ^ high.rotate_left(29) ^ u64::from(len) << 59).wrapping_mul(QuickHasher::K);
        (h >> self.shift) as usize
    }

    fn get(&self, key: (u64, u64, u32)) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (low, high, len, value) = self.slots[i];
            if len == 0 {
                return None;
            }
            if (low, high, len) == key {
                return Some(value);
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: (u64, u64, u32), value: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let doubled = vec![(0, 0, 0, 0); self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, doubled);
            self.shift -= 1;
            self.len = 0;
            for (low, high, len, value) in old {
                if len != 0 {
                    self.insert((low, high, len), value);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        while self.slots[i].2 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key.0, key.1, key.2, value);
        self.len += 1;
    }
}

/// One chunk's words: every distinct raw token, exact form and folded form it met, numbered in
/// order of first sight (local numbers, mapped to global ones when the chunks are merged).
#[derive(Default)]
struct Vocab {
    /// Raw token as written → exact number, or `NO_TERM` for a token that folds to nothing:
    /// `short` for tokens of up to 16 bytes, `by_raw` for the longer ones.
    short: ShortTable,
    by_raw: HashMap<Box<str>, u32, Quick>,
    by_exact: HashMap<Box<str>, u32, Quick>,
    /// Exact form, the number of its folded form, and whether it is a stop word.
    exacts: Vec<(Box<str>, u32, bool)>,
    by_fold: HashMap<Box<str>, u32, Quick>,
    folds: Vec<Box<str>>,
}

const NO_TERM: u32 = u32::MAX;

impl Vocab {
    /// The exact number of a raw token, its fold's, and whether it is a stop word; interned on
    /// first sight.
    fn term(&mut self, raw: &str) -> Option<(u32, u32, bool)> {
        let id = match ShortTable::key(raw.as_bytes()) {
            Some(key) => match self.short.get(key) {
                Some(id) => id,
                None => {
                    let id = self.intern(raw);
                    self.short.insert(key, id);
                    id
                }
            },
            None => match self.by_raw.get(raw) {
                Some(&id) => id,
                None => {
                    let id = self.intern(raw);
                    self.by_raw.insert(raw.into(), id);
                    id
                }
            },
        };
        let (_, fold, stop) = self.exacts.get(id as usize)?;
        Some((id, *fold, *stop))
    }

    fn intern(&mut self, raw: &str) -> u32 {
        let Some(f) = forms(raw) else {
            return NO_TERM;
        };
        if let Some(&id) = self.by_exact.get(f.exact.as_str()) {
            return id;
        }
        let fold = match self.by_fold.get(f.folded.as_str()) {
            Some(&fold) => fold,
            None => {
                let Ok(fold) = u32::try_from(self.folds.len()) else {
                    return NO_TERM;
                };
                self.folds.push(f.folded.clone().into());
                self.by_fold.insert(f.folded.into(), fold);
                fold
            }
        };
        // NO_TERM itself is never handed out as a number.
        match u32::try_from(self.exacts.len()) {
            Ok(id) if id != NO_TERM => {
                let stop = STOP_WORDS.contains(&f.exact.as_str());
                self.exacts.push((f.exact.clone().into(), fold, stop));
                self.by_exact.insert(f.exact.into(), id);
                id
            }
            _ => NO_TERM,
        }
    }
}

/// One document's occurrences of terms (or pairs), summed up as they come: each term once, with
/// its title/meta flags and body count. `slot[id]` says where term `id` is in `seen`, if it was
/// seen in the document numbered `stamp`, so no map or sort is needed per document.
#[derive(Default)]
struct Tally {
    slot: Vec<(u32, u32)>,
    seen: Vec<(u32, u8, u32)>,
}

impl Tally {
    fn note(&mut self, id: u32, field: Field, stamp: u32) {
        let i = id as usize;
        if self.slot.len() <= i {
            self.slot.resize(i + 1, (0, 0));
        }
        let at = if self.slot[i].0 == stamp {
            self.slot[i].1 as usize
        } else {
            self.slot[i] = (stamp, self.seen.len() as u32);
            self.seen.push((id, 0, 0));
            self.seen.len() - 1
        };
        let entry = &mut self.seen[at];
        match field {
            Field::Title => entry.1 |= TITLE,
            Field::Meta => entry.1 |= META,
            Field::Body => entry.2 = entry.2.saturating_add(1),
        }
    }

    /// `note` with the slot kept by the caller (the pair table's value).
    fn note_at(&mut self, slot: &mut (u32, u32, u32), field: Field, stamp: u32) {
        let at = if slot.1 == stamp {
            slot.2 as usize
        } else {
            slot.1 = stamp;
            slot.2 = self.seen.len() as u32;
            self.seen.push((slot.0, 0, 0));
            self.seen.len() - 1
        };
        let entry = &mut self.seen[at];
        match field {
            Field::Title => entry.1 |= TITLE,
            Field::Meta => entry.1 |= META,
            Field::Body => entry.2 = entry.2.saturating_add(1),
        }
    }

    /// Moves the document's terms, with their codes, onto `stream`.
    fn flush(&mut self, doc: u32, stream: &mut Stream) {
        for &(id, flags, body) in &self.seen {
            stream.ids.push(id);
            stream.codes.push(flags | body_bucket(body));
        }
        stream.ends.push((doc, stream.ids.len()));
        self.seen.clear();
    }
}

/// A chunk's postings in the order they were read: each document's term (or pair) numbers and
/// codes, and where its run ends. Five bytes a posting, not eight as (number, document and
/// code): this is most of what a chunk holds while it is read.
#[derive(Default)]
struct Stream {
    ids: Vec<u32>,
    codes: Vec<u8>,
    /// (document, end of its run in `ids` and `codes`).
    ends: Vec<(u32, usize)>,
}

impl Stream {
    /// (id, document, code) of every posting, in the order they were read.
    fn each(&self, mut f: impl FnMut(u32, u32, u8)) {
        let mut from = 0;
        for &(doc, end) in &self.ends {
            for k in from..end {
                f(self.ids[k], doc, self.codes[k]);
            }
            from = end;
        }
    }
}

/// Posting lists in compressed-row form, each posting as a variable-length number (7 bits a
/// byte, the high bit saying more follow) of `gap << 4 | code`, the gap counted from the
/// list's previous document (the first from 0): the postings of item `i` are
/// `bytes[start[i]..start[i + 1]]`, ascending by document. Most postings take one or two bytes
/// instead of four, and the lists are kept until the shards are made.
#[derive(Default)]
struct Lists {
    start: Vec<usize>,
    bytes: Vec<u8>,
}

fn varint_len(value: u32) -> usize {
    match value {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

impl Lists {
    /// Groups a chunk's (id, posting) stream by id, keeping the order it was read in (documents
    /// ascending): a counting sort, of the encoded sizes first, then of the postings.
    fn from_stream(stream: &Stream, ids: usize) -> Lists {
        let value = |last: &mut [u32], id: u32, doc: u32, code: u8| {
            let last = &mut last[id as usize];
            let v = (doc - *last) << 4 | u32::from(code);
            *last = doc;
            v
        };
        let mut last = vec![0u32; ids];
        let mut start = vec![0; ids + 1];
        stream.each(|id, doc, code| {
            start[id as usize + 1] += varint_len(value(&mut last, id, doc, code));
        });
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        last.fill(0);
        let mut next = start.clone();
        let mut bytes = vec![0; start[ids]];
        stream.each(|id, doc, code| {
            let mut v = value(&mut last, id, doc, code);
            let at = &mut next[id as usize];
            while v >= 0x80 {
                bytes[*at] = (v as u8 & 0x7F) | 0x80;
                *at += 1;
                v >>= 7;
            }
            bytes[*at] = v as u8;
            *at += 1;
        });
        Lists { start, bytes }
    }

    /// (document, code) of item `i`, ascending by document.
    fn of(&self, i: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let i = i as usize;
        let mut bytes = self.bytes[self.start[i]..self.start[i + 1]].iter();
        let mut doc = 0u32;
        std::iter::from_fn(move || {
            let mut v = 0u32;
            let mut shift = 0;
            loop {
                let b = *bytes.next()?;
                v |= u32::from(b & 0x7F) << shift;
                if b < 0x80 {
                    break;
                }
                shift += 7;
            }
            doc += v >> 4;
            Some((doc, (v & 0x0F) as u8))
        })
    }
}

struct Chunk {
    vocab: Vocab,
    /// By local exact number.
    terms: Lists,
    /// (first fold, second fold) of each local pair number.
    pair_keys: Vec<(u32, u32)>,
    /// By local pair number.
    pairs: Lists,
    /// The records files of the chunk's documents (a chunk starts at a file's first record):
    /// made while the body text is at hand, and smaller than the snippets they are made from.
    records: Vec<Vec<u8>>,
}

fn read_chunk(first_doc: usize, docs: &[SearchDoc<'_>]) -> Chunk {
    let mut vocab = Vocab::default();
    // Pair → its number, and where it was last tallied: (number, stamp, index in the tally).
    // One table look-up per pair, instead of a look-up and a slot array (pairs are many, and
    // each access is likely a cache miss).
    let mut pair_ids: HashMap<u64, (u32, u32, u32), Quick> = HashMap::default();
    let mut pair_keys: Vec<(u32, u32)> = Vec::new();
    let mut terms = Tally::default();
    let mut pairs = Tally::default();
    let mut term_stream = Stream::default();
    let mut pair_stream = Stream::default();
    let mut snippets = Vec::with_capacity(RECORDS_PER_FILE);
    let mut records = Vec::with_capacity(docs.len().div_ceil(RECORDS_PER_FILE));
    for (i, doc) in docs.iter().enumerate() {
        // Stamps start at 1: a fresh slot (0, 0) must not look seen.
        let stamp = i as u32 + 1;
        let body = html::to_text(doc.html);
        let mut read = |text: &str, field: Field| {
            // Pairs never span two fields (or two tags): the title's last word and the body's
            // first are not a phrase.
            let mut previous: Option<u32> = None;
            for token in tokens(text) {
                let Some((exact, fold, stop)) = vocab.term(token) else {
                    continue;
                };
                terms.note(exact, field, stamp);
                // Nor are pairs with a stop word ("của tỉnh", "và phát"): they say nothing
                // about a phrase, and are a third of all pairs. Written with another spelling
                // ("đà" for "đã") the word is not a stop word, so "Đà Nẵng" keeps its pair.
                if stop {
                    previous = None;
                    continue;
                }
                if let Some(p) = previous {
                    let key = u64::from(p) << 32 | u64::from(fold);
                    let next_id = pair_keys.len() as u32;
                    let slot = pair_ids.entry(key).or_insert((next_id, 0, 0));
                    if slot.0 == next_id {
                        pair_keys.push((p, fold));
                    }
                    pairs.note_at(slot, field, stamp);
                }
                previous = Some(fold);
            }
        };
        read(doc.title, Field::Title);
        read(doc.summary, Field::Meta);
        for tag in doc.tags {
            read(tag, Field::Meta);
        }
        if let Some(category) = doc.category {
            read(category, Field::Meta);
        }
        read(doc.province, Field::Meta);
        read(&body, Field::Body);
        let number = (first_doc + i) as u32;
        terms.flush(number, &mut term_stream);
        pairs.flush(number, &mut pair_stream);
        snippets.push(Snippet {
            opening: html::opening(&body, SNIPPET_CHARS),
            summary_repeated: html::starts_with_words(&body, doc.summary),
        });
        if snippets.len() == RECORDS_PER_FILE || i + 1 == docs.len() {
            let first = i + 1 - snippets.len();
            records.push(records_file(&docs[first..=i], &snippets));
            snippets.clear();
        }
    }
    Chunk {
        terms: Lists::from_stream(&term_stream, vocab.exacts.len()),
        pairs: Lists::from_stream(&pair_stream, pair_keys.len()),
        vocab,
        pair_keys,
        records,
    }
}

/// Every posting list of the index, addressed by global term numbers in text order.
pub struct Collected {
    chunks: Vec<Chunk>,
    /// Folded terms, sorted by bytes (= code points, the order search.js searches in).
    pub folds: Vec<Box<str>>,
    /// Exact variants, grouped by their folded term (in `folds` order), sorted within a group.
    variants: Vec<Box<str>>,
    /// `variant_start[f]..variant_start[f + 1]`: the variants of fold `f`.
    variant_start: Vec<usize>,
    /// Where each variant's postings are: (chunk, local exact number), in chunk order.
    variant_parts: Parts,
    /// Pairs sorted by (first, second) fold; `pair_start[f]..pair_start[f + 1]` start with `f`.
    pair_second: Vec<u32>,
    pair_start: Vec<usize>,
    pair_parts: Parts,
    /// The records files, in order.
    records: Vec<Vec<u8>>,
}

/// For each global item, the chunk-local lists that make up its postings: `list[start[i]..
/// start[i + 1]]` as (chunk, local number), chunks ascending.
#[derive(Default)]
struct Parts {
    start: Vec<usize>,
    list: Vec<(u32, u32)>,
}

impl Parts {
    /// From (global, chunk, local) triples sorted by global then chunk.
    fn from_sorted(triples: &[(u32, u32, u32)], items: usize) -> Parts {
        let mut start = vec![0; items + 1];
        for &(g, _, _) in triples {
            start[g as usize + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let list = triples.iter().map(|&(_, c, l)| (c, l)).collect();
        Parts { start, list }
    }
}

impl Collected {
    /// The records files, dropping the posting lists.
    pub fn into_records(self) -> Vec<Vec<u8>> {
        self.records
    }

    pub fn variants_of(&self, fold: usize) -> Range<usize> {
        self.variant_start[fold]..self.variant_start[fold + 1]
    }

    pub fn variant(&self, v: usize) -> &str {
        &self.variants[v]
    }

    /// (document, code) of variant `v`, ascending by document.
    pub fn variant_postings(&self, v: usize) -> impl Iterator<Item = (u32, u8)> + '_ {
        let parts =
            &self.variant_parts.list[self.variant_parts.start[v]..self.variant_parts.start[v + 1]];
        parts
            .iter()
            .flat_map(|&(c, local)| self.chunks[c as usize].terms.of(local))
    }

    /// The pairs whose first term is fold `f`, ordered by second term.
    pub fn pairs_of(&self, fold: usize) -> Range<usize> {
        self.pair_start[fold]..self.pair_start[fold + 1]
    }

    pub fn pair_second(&self, pair: usize) -> usize {
        self.pair_second[pair] as usize
    }

    pub fn pair_postings(&self, pair: usize) -> impl Iterator<Item = (u32, u8)> + '_ {
        let parts =
            &self.pair_parts.list[self.pair_parts.start[pair]..self.pair_parts.start[pair + 1]];
        parts
            .iter()
            .flat_map(|&(c, local)| self.chunks[c as usize].pairs.of(local))
    }
}

/// Reads every document and gathers the posting lists; document numbers are positions in
/// `docs` (at most `MAX_DOCS`, which the caller ensures).
pub fn collect(docs: &[SearchDoc<'_>]) -> Collected {
    // A few chunks per thread balance the load; more would fold the same words more often.
    // Whole records files to a chunk, so that each chunk makes its own.
    let chunk_len = docs
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 3)
        .max(64)
        .next_multiple_of(RECORDS_PER_FILE);
    let chunks: Vec<Chunk> = docs
        .par_chunks(chunk_len)
        .enumerate()
        .map(|(i, part)| read_chunk(i * chunk_len, part))
        .collect();

    // One sorted vocabulary, and each chunk's local numbers mapped into it.
    let mut folds: Vec<&str> = chunks
        .iter()
        .flat_map(|c| c.vocab.folds.iter().map(|f| &**f))
        .collect();
    folds.par_sort_unstable();
    folds.dedup();
    let fold_maps: Vec<Vec<u32>> = chunks
        .par_iter()
        .map(|c| {
            let map = c.vocab.folds.iter();
            map.map(|f| position(folds.binary_search(&&**f))).collect()
        })
        .collect();
    let mut variants: Vec<(u32, &str)> = chunks
        .iter()
        .zip(&fold_maps)
        .flat_map(|(c, map)| {
            let exacts = c.vocab.exacts.iter();
            exacts.map(|(exact, fold, _)| (map[*fold as usize], &**exact))
        })
        .collect();
    variants.par_sort_unstable();
    variants.dedup();
    let mut variant_start = vec![0; folds.len() + 1];
    for &(fold, _) in &variants {
        variant_start[fold as usize + 1] += 1;
    }
    for i in 1..variant_start.len() {
        variant_start[i] += variant_start[i - 1];
    }

    let mut variant_triples: Vec<(u32, u32, u32)> = chunks
        .par_iter()
        .zip(&fold_maps)
        .enumerate()
        .flat_map_iter(|(c, (chunk, map))| {
            let variants = &variants;
            chunk
                .vocab
                .exacts
                .iter()
                .enumerate()
                .map(move |(local, (exact, fold, _))| {
                    let v = position(variants.binary_search(&(map[*fold as usize], &**exact)));
                    (v, c as u32, local as u32)
                })
        })
        .collect();
    variant_triples.par_sort_unstable();
    let variant_parts = Parts::from_sorted(&variant_triples, variants.len());

    // Pairs: ((first, second) global folds, chunk, local pair number), sorted.
    let mut pair_quads: Vec<((u32, u32), u32, u32)> = chunks
        .par_iter()
        .zip(&fold_maps)
        .enumerate()
        .flat_map_iter(|(c, (chunk, map))| {
            chunk
                .pair_keys
                .iter()
                .enumerate()
                .map(move |(local, &(a, b))| {
                    ((map[a as usize], map[b as usize]), c as u32, local as u32)
                })
        })
        .collect();
    pair_quads.par_sort_unstable();
    let mut pair_second = Vec::new();
    let mut pair_start = vec![0; folds.len() + 1];
    let mut triples = Vec::with_capacity(pair_quads.len());
    for group in pair_quads.chunk_by(|a, b| a.0 == b.0) {
        let (first, second) = group[0].0;
        let global = pair_second.len() as u32;
        pair_second.push(second);
        pair_start[first as usize + 1] += 1;
        triples.extend(group.iter().map(|&(_, c, l)| (global, c, l)));
    }
    for i in 1..pair_start.len() {
        pair_start[i] += pair_start[i - 1];
    }
    let pair_parts = Parts::from_sorted(&triples, pair_second.len());

    let folds: Vec<Box<str>> = folds.into_iter().map(Box::from).collect();
    let variants: Vec<Box<str>> = variants.into_iter().map(|(_, e)| Box::from(e)).collect();
    let mut chunks = chunks;
    let records = chunks
        .iter_mut()
        .flat_map(|c| std::mem::take(&mut c.records))
        .collect();
    Collected {
        chunks,
        folds,
        variants,
        variant_start,
        variant_parts,
        pair_second,
        pair_start,
        pair_parts,
        records,
    }
}

/// A binary search's index; the searched item is always present (it came from the same lists).
fn position(found: Result<usize, usize>) -> u32 {
    let i = found.unwrap_or_else(|i| i);
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn the_quick_hasher_spreads_similar_keys() {
        let build = Quick::default();
        let mut low_bits = std::collections::HashSet::new();
        let mut top_bits = std::collections::HashSet::new();
        for n in 0u64..4096 {
            let h = build.hash_one(n << 32 | (n + 1));
            low_bits.insert(h & 0xFFF);
            top_bits.insert(h >> 57);
        }
        // 4096 keys into 4096 buckets: a decent hash fills well over half of them.
        assert!(low_bits.len() > 2400, "{} low-bit buckets", low_bits.len());
        assert_eq!(top_bits.len(), 128);
        assert_ne!(build.hash_one("hữu"), build.hash_one("hưu"));
        assert_ne!(build.hash_one("ab"), build.hash_one("ab\0"));
    }

    #[test]
    fn the_short_table_finds_what_it_holds_and_nothing_else() {
        let mut table = ShortTable::default();
        let words: Vec<String> = (0..5000).map(|i| format!("từ{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            let key = ShortTable::key(w.as_bytes()).expect("short");
            assert_eq!(table.get(key), None);
            table.insert(key, i as u32);
        }
        for (i, w) in words.iter().enumerate() {
            let key = ShortTable::key(w.as_bytes()).expect("short");
            assert_eq!(table.get(key), Some(i as u32), "{w}");
        }
        // Same bytes but for trailing zero bytes, or a prefix: other keys.
        let key = |s: &[u8]| ShortTable::key(s).expect("short");
        assert_ne!(key(b"ab"), key(b"ab\0"));
        assert_ne!(key(b"abcdefgh"), key(b"abcdefgh\0"));
        assert_eq!(table.get(key(b"t")), None);
        assert_eq!(ShortTable::key(b""), None);
        assert_eq!(ShortTable::key(&[b'a'; 17]), None);
        assert!(ShortTable::key(&[b'a'; 16]).is_some());
    }

    #[test]
    fn chunks_concatenate_into_ascending_lists() {
        let bodies: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "<p>chung riêng{} {}</p>",
                    i % 7,
                    if i % 2 == 0 { "chẵn" } else { "lẻ" }
                )
            })
            .collect();
        let docs: Vec<SearchDoc<'_>> = bodies
            .iter()
            .map(|b| SearchDoc {
                html: b,
                ..SearchDoc::default()
            })
            .collect();
        // Small chunks in a pool of four threads: many chunks to stitch.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .expect("pool");
        let collected = pool.install(|| collect(&docs));
        let fold = collected
            .folds
            .iter()
            .position(|f| &**f == "chung")
            .expect("chung");
        let v = collected.variants_of(fold).start;
        let list: Vec<u32> = collected.variant_postings(v).map(|(d, _)| d).collect();
        assert_eq!(list, (0..300).collect::<Vec<u32>>());
        let fold = collected
            .folds
            .iter()
            .position(|f| &**f == "chan")
            .expect("chan");
        let list: Vec<u32> = collected
            .variant_postings(collected.variants_of(fold).start)
            .map(|(d, _)| d)
            .collect();
        assert_eq!(list, (0..300).step_by(2).collect::<Vec<u32>>());
    }
}
