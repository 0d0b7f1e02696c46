//! Takes the documents and gives the index's posting lists: for every folded term its exact
//! variants, each with the documents that hold it and a code per document (where it occurs),
//! and for every pair of adjacent folded terms (a bigram) the documents that hold the pair.
//!
//! Documents are read in parallel, in a few large chunks that each intern their own words, so a
//! token is folded once per chunk rather than once per occurrence and no string is allocated per
//! token. The chunks' words are then merged into one sorted vocabulary; term numbers therefore
//! follow the terms' text, and the output never depends on how the threads were scheduled.

use std::collections::HashMap;

use rayon::prelude::*;

use super::SearchDoc;
use super::encode::{META, TITLE, body_bucket};
use super::html;
use super::terms::{forms, tokens};

/// Where a token was seen, before a document's occurrences are summed up into a code.
const IN_TITLE: u8 = 0;
const IN_META: u8 = 1;
const IN_BODY: u8 = 2;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub code: u8,
}

/// A document holding the bigram (first, second); `first` is implied by the list it is in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PairPosting {
    pub second: u32,
    pub doc: u32,
    pub code: u8,
}

/// Every posting list of the index, addressed by term numbers in text order.
#[derive(Debug, Default)]
pub struct Collected {
    /// Folded terms, sorted by bytes (= code points, the order search.js searches in).
    pub folds: Vec<Box<str>>,
    /// Exact variants, grouped by their folded term (in `folds` order), sorted within a group.
    pub variants: Vec<Box<str>>,
    /// `variant_start[f]..variant_start[f + 1]`: the variants of fold `f`.
    pub variant_start: Vec<usize>,
    /// `variant_postings[v]..variant_postings[v + 1]`: the postings of variant `v`.
    pub variant_postings: Vec<usize>,
    pub postings: Vec<Posting>,
    /// `pair_start[f]..pair_start[f + 1]`: the pairs whose first term is fold `f`, ordered by
    /// second term, then document.
    pub pair_start: Vec<usize>,
    pub pairs: Vec<PairPosting>,
    /// Each document's body as plain text (for its record's snippet text).
    pub texts: Vec<String>,
}

impl Collected {
    pub fn variants_of(&self, fold: usize) -> std::ops::Range<usize> {
        self.variant_start[fold]..self.variant_start[fold + 1]
    }

    pub fn postings_of(&self, variant: usize) -> &[Posting] {
        &self.postings[self.variant_postings[variant]..self.variant_postings[variant + 1]]
    }

    pub fn pairs_of(&self, fold: usize) -> &[PairPosting] {
        &self.pairs[self.pair_start[fold]..self.pair_start[fold + 1]]
    }
}

/// One chunk's words: every distinct raw token, exact form and folded form it met, numbered in
/// order of first sight (local numbers, replaced by global ones when the chunks are merged).
#[derive(Default)]
struct Vocab {
    /// Raw token as written → exact number, or `NO_TERM` for a token that folds to nothing.
    by_raw: HashMap<Box<str>, u32>,
    by_exact: HashMap<Box<str>, u32>,
    /// Exact form and the number of its folded form.
    exacts: Vec<(Box<str>, u32)>,
    by_fold: HashMap<Box<str>, u32>,
    folds: Vec<Box<str>>,
}

const NO_TERM: u32 = u32::MAX;

impl Vocab {
    /// The exact number of a raw token (and its fold's), interning it on first sight.
    fn term(&mut self, raw: &str) -> Option<(u32, u32)> {
        let id = match self.by_raw.get(raw) {
            Some(&id) => id,
            None => {
                let id = self.intern(raw);
                self.by_raw.insert(raw.into(), id);
                id
            }
        };
        let (_, fold) = self.exacts.get(id as usize)?;
        Some((id, *fold))
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
                self.exacts.push((f.exact.clone().into(), fold));
                self.by_exact.insert(f.exact.into(), id);
                id
            }
            _ => NO_TERM,
        }
    }
}

/// A document's terms in local numbers: (exact, code) and ((first fold, second fold), code).
struct DocTerms {
    terms: Vec<(u32, u8)>,
    pairs: Vec<((u32, u32), u8)>,
}

struct Chunk {
    vocab: Vocab,
    docs: Vec<DocTerms>,
    texts: Vec<String>,
}

fn read_chunk(docs: &[SearchDoc<'_>]) -> Chunk {
    let mut vocab = Vocab::default();
    let mut out = Vec::with_capacity(docs.len());
    let mut texts = Vec::with_capacity(docs.len());
    // Reused between documents: the occurrence lists are the only per-token storage.
    let mut seen: Vec<(u32, u8)> = Vec::new();
    let mut seen_pairs: Vec<((u32, u32), u8)> = Vec::new();
    for doc in docs {
        let body = html::to_text(doc.html);
        seen.clear();
        seen_pairs.clear();
        let mut read = |text: &str, field: u8| {
            // Pairs never span two fields (or two tags): the title's last word and the body's
            // first are not a phrase.
            let mut previous: Option<u32> = None;
            for token in tokens(text) {
                let Some((exact, fold)) = vocab.term(token) else {
                    continue;
                };
                seen.push((exact, field));
                if let Some(p) = previous {
                    seen_pairs.push(((p, fold), field));
                }
                previous = Some(fold);
            }
        };
        read(doc.title, IN_TITLE);
        read(doc.summary, IN_META);
        for tag in doc.tags {
            read(tag, IN_META);
        }
        if let Some(category) = doc.category {
            read(category, IN_META);
        }
        read(doc.province, IN_META);
        read(&body, IN_BODY);
        out.push(DocTerms {
            terms: summarise(&mut seen),
            pairs: summarise(&mut seen_pairs),
        });
        texts.push(body);
    }
    Chunk {
        vocab,
        docs: out,
        texts,
    }
}

/// Sums a document's occurrences up into one code per term: title and meta flags, and the body
/// frequency bucket.
fn summarise<K: Ord + Copy>(seen: &mut [(K, u8)]) -> Vec<(K, u8)> {
    seen.sort_unstable();
    let mut out = Vec::new();
    for group in seen.chunk_by(|a, b| a.0 == b.0) {
        let mut code = 0;
        let mut body = 0;
        for &(_, field) in group {
            match field {
                IN_TITLE => code |= TITLE,
                IN_META => code |= META,
                _ => body += 1,
            }
        }
        out.push((group[0].0, code | body_bucket(body)));
    }
    out
}

/// Reads every document and gathers the posting lists, document numbers being positions in
/// `docs`.
pub fn collect(docs: &[SearchDoc<'_>]) -> Collected {
    // A few chunks per thread balance the load; more would fold the same words more often.
    let chunk_len = docs
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 3)
        .max(64);
    let chunks: Vec<Chunk> = docs.par_chunks(chunk_len).map(read_chunk).collect();

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
            c.vocab
                .folds
                .iter()
                .map(|f| position(folds.binary_search(&&**f)))
                .collect()
        })
        .collect();
    let mut variants: Vec<(u32, &str)> = chunks
        .iter()
        .zip(&fold_maps)
        .flat_map(|(c, map)| {
            c.vocab
                .exacts
                .iter()
                .map(|(exact, fold)| (map[*fold as usize], &**exact))
        })
        .collect();
    variants.par_sort_unstable();
    variants.dedup();
    let variant_maps: Vec<Vec<u32>> = chunks
        .par_iter()
        .zip(&fold_maps)
        .map(|(c, map)| {
            c.vocab
                .exacts
                .iter()
                .map(|(exact, fold)| {
                    position(variants.binary_search(&(map[*fold as usize], &**exact)))
                })
                .collect()
        })
        .collect();

    let mut variant_start = vec![0; folds.len() + 1];
    for &(fold, _) in &variants {
        variant_start[fold as usize + 1] += 1;
    }
    prefix_sums(&mut variant_start);

    // Counting sorts: documents are visited in order, so every list comes out ascending.
    let doc_numbers =
        |chunk: usize| (chunk * chunk_len..).map(|d| u32::try_from(d).unwrap_or(u32::MAX));
    let mut variant_postings = vec![0; variants.len() + 1];
    let mut pair_start = vec![0; folds.len() + 1];
    for (c, chunk) in chunks.iter().enumerate() {
        for doc in &chunk.docs {
            for &(exact, _) in &doc.terms {
                variant_postings[variant_maps[c][exact as usize] as usize + 1] += 1;
            }
            for &((first, _), _) in &doc.pairs {
                pair_start[fold_maps[c][first as usize] as usize + 1] += 1;
            }
        }
    }
    prefix_sums(&mut variant_postings);
    prefix_sums(&mut pair_start);
    let mut postings = vec![Posting::default(); variant_postings[variants.len()]];
    let mut pairs = vec![PairPosting::default(); pair_start[folds.len()]];
    let mut next_posting = variant_postings.clone();
    let mut next_pair = pair_start.clone();
    for (c, chunk) in chunks.iter().enumerate() {
        for (doc_terms, doc) in chunk.docs.iter().zip(doc_numbers(c)) {
            for &(exact, code) in &doc_terms.terms {
                let v = variant_maps[c][exact as usize] as usize;
                postings[next_posting[v]] = Posting { doc, code };
                next_posting[v] += 1;
            }
            for &((first, second), code) in &doc_terms.pairs {
                let f = fold_maps[c][first as usize] as usize;
                pairs[next_pair[f]] = PairPosting {
                    second: fold_maps[c][second as usize],
                    doc,
                    code,
                };
                next_pair[f] += 1;
            }
        }
    }
    // Within one first term, order by second term; the sort is stable, so documents stay
    // ascending.
    let mut groups = Vec::with_capacity(folds.len());
    let mut rest = pairs.as_mut_slice();
    for f in 0..folds.len() {
        let (group, tail) = rest.split_at_mut(pair_start[f + 1] - pair_start[f]);
        groups.push(group);
        rest = tail;
    }
    groups
        .par_iter_mut()
        .with_min_len(256)
        .for_each(|g| g.sort_by_key(|p| p.second));

    let folds: Vec<Box<str>> = folds.into_iter().map(Box::from).collect();
    let variants: Vec<Box<str>> = variants.into_iter().map(|(_, e)| Box::from(e)).collect();
    let texts = chunks.into_iter().flat_map(|c| c.texts).collect();
    Collected {
        folds,
        variants,
        variant_start,
        variant_postings,
        postings,
        pair_start,
        pairs,
        texts,
    }
}

/// A binary search's index; the searched item is always present (it came from the same lists).
fn position(found: Result<usize, usize>) -> u32 {
    let i = found.unwrap_or_else(|i| i);
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Turns counts at `[i + 1]` into start offsets at `[i]`.
fn prefix_sums(counts: &mut [usize]) {
    for i in 1..counts.len() {
        counts[i] += counts[i - 1];
    }
}
