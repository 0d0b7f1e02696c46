//! Takes posting lists, strings and file bytes; gives the compact text forms the index files are
//! made of (posting strings, JSON string literals) and the index's version stamp. search.js
//! decodes what this encodes; the format is described in the README (“The search index”).
//!
//! A posting list is one JSON string, so the browser's JSON parser does the bulk of the work and
//! no array of thousands of numbers is ever built. Each posting is a number written in base 32,
//! most significant group first, with one character per group from a 64-letter alphabet: the
//! first 32 letters end a number, the last 32 say more groups follow. The number is
//! `(gap - 1) << 4 | code` where gap is the distance to the previous document (the first gap is
//! counted from -1), so the common case — the next document or the one after, any code — takes a
//! single character.

/// A posting's code: where in the document the term occurs. Title and "meta" (summary, tags,
/// category, province) are flags; the body gives a small frequency bucket.
pub const TITLE: u8 = 8;
pub const META: u8 = 4;
/// Bits the code takes in each posting number.
pub const CODE_BITS: u32 = 4;

/// The body frequency bucket of a term seen `count` times in the body: 0, 1, 2–3, 4 or more.
pub fn body_bucket(count: u32) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        _ => 3,
    }
}

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends the posting string (without quotes) of `postings`, which must come in ascending
/// document order; a document that does not ascend is skipped rather than corrupting the gaps.
/// Without codes (`with_codes` false) only the gaps are written, for the province lists.
pub fn push_postings(
    out: &mut Vec<u8>,
    postings: impl IntoIterator<Item = (u32, u8)>,
    with_codes: bool,
) {
    let mut next_min: u64 = 0; // the smallest document number the next posting may have
    for (doc, code) in postings {
        let doc = u64::from(doc);
        if doc < next_min {
            continue;
        }
        let gap = doc - next_min;
        let value = if with_codes {
            gap << CODE_BITS | u64::from(code & 0x0F)
        } else {
            gap
        };
        push_number(out, value);
        next_min = doc + 1;
    }
}

fn push_number(out: &mut Vec<u8>, value: u64) {
    if value < 32 {
        // Most postings of the big lists: one character.
        out.push(DIGITS[value as usize]);
        return;
    }
    let mut groups = 1;
    while groups < 13 && value >> (5 * groups) != 0 {
        groups += 1;
    }
    for g in (0..groups).rev() {
        let digit = ((value >> (5 * g)) & 31) as usize;
        let more = if g > 0 { 32 } else { 0 };
        out.push(DIGITS[digit | more]);
    }
}

/// Appends plain numbers in the posting alphabet (for the shard sizes in the manifest).
pub fn push_numbers(out: &mut Vec<u8>, numbers: impl IntoIterator<Item = u64>) {
    for n in numbers {
        push_number(out, n);
    }
}

/// Reads a posting string back (the inverse of `push_postings`); for tests, and documentation of
/// what search.js does.
#[cfg(test)]
pub fn decode_postings(text: &str, with_codes: bool) -> Option<Vec<(u32, u8)>> {
    let mut out = Vec::new();
    let mut value: u64 = 0;
    let mut next_min: u64 = 0;
    for b in text.bytes() {
        let digit = DIGITS.iter().position(|&d| d == b)? as u64;
        value = value.checked_mul(32)? | (digit & 31);
        if digit < 32 {
            let (gap, code) = if with_codes {
                (value >> CODE_BITS, (value & 0x0F) as u8)
            } else {
                (value, 0)
            };
            let doc = next_min + gap;
            out.push((u32::try_from(doc).ok()?, code));
            next_min = doc + 1;
            value = 0;
        }
    }
    (value == 0).then_some(out)
}

/// Appends `s` as a JSON string literal.
pub fn push_json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let mut plain_from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0..=0x1F => None,
            _ => continue,
        };
        out.extend_from_slice(&s.as_bytes()[plain_from..i]);
        match escaped {
            Some(e) => out.extend_from_slice(e),
            None => out.extend_from_slice(format!("\\u{b:04x}").as_bytes()),
        }
        plain_from = i + 1;
    }
    out.extend_from_slice(&s.as_bytes()[plain_from..]);
    out.push(b'"');
}

/// A 64-bit stamp of bytes, stable across builds, platforms and Rust versions (unlike std's
/// hasher), so the same index always gets the same version.
#[derive(Debug, Clone, Copy)]
pub struct Stamp(u64);

impl Default for Stamp {
    fn default() -> Self {
        Stamp(0x243F_6A88_85A3_08D3)
    }
}

impl Stamp {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    pub fn add(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.mix(u64::from_le_bytes(last));
        // The length keeps "ab" + "" apart from "a" + "b".
        self.mix(bytes.len() as u64);
    }

    pub fn add_stamp(&mut self, other: Stamp) {
        self.mix(other.0);
    }

    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(23) ^ word).wrapping_mul(Self::K);
    }

    pub fn hex(self) -> String {
        // A final avalanche so that close inputs give unrelated-looking versions.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        x ^= x >> 33;
        format!("{x:016x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip() {
        let lists: [&[(u32, u8)]; 5] = [
            &[],
            &[(0, 0)],
            &[
                (0, 15),
                (1, 8),
                (2, 4),
                (3, 0),
                (40, 9),
                (41, 3),
                (100_000, 12),
            ],
            &[(7, 1), (u32::MAX, 2)],
            &[(1, 1), (31, 1), (32, 1), (1056, 1)],
        ];
        for list in lists {
            for with_codes in [true, false] {
                let mut out = Vec::new();
                push_postings(&mut out, list.iter().copied(), with_codes);
                let text = String::from_utf8(out).expect("ASCII");
                let back = decode_postings(&text, with_codes).expect("decodes");
                let want: Vec<(u32, u8)> = list
                    .iter()
                    .map(|&(d, c)| (d, if with_codes { c } else { 0 }))
                    .collect();
                assert_eq!(back, want, "{text:?}");
            }
        }
    }

    #[test]
    fn neighbours_take_one_character() {
        // Consecutive documents or one skipped, any code: the dense lists of common words.
        let mut out = Vec::new();
        push_postings(&mut out, [(0, 15), (1, 0), (3, 9), (4, 3)], true);
        assert_eq!(out, b"PAZD");
        let mut out = Vec::new();
        push_postings(&mut out, [(0, 0), (32, 0), (33, 0)], false);
        assert_eq!(out, b"AfA");
        // A gap of 32 needs a second group.
        let mut out = Vec::new();
        push_postings(&mut out, [(0, 0), (33, 0), (34, 0)], false);
        assert_eq!(out, b"AhAA");
    }

    #[test]
    fn postings_out_of_order_are_skipped() {
        let mut out = Vec::new();
        push_postings(&mut out, [(5, 1), (5, 2), (3, 1), (6, 4)], true);
        let back = decode_postings(std::str::from_utf8(&out).expect("ASCII"), true);
        assert_eq!(back, Some(vec![(5, 1), (6, 4)]));
    }

    #[test]
    fn body_buckets() {
        let got: Vec<u8> = [0, 1, 2, 3, 4, 1000].map(body_bucket).to_vec();
        assert_eq!(got, [0, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn json_strings_are_escaped() {
        let cases = [
            ("hữu nghị", "\"hữu nghị\""),
            ("a\"b\\c", "\"a\\\"b\\\\c\""),
            ("x\ny\t\u{1}", "\"x\\ny\\t\\u0001\""),
            ("\u{2028}", "\"\u{2028}\""),
            ("", "\"\""),
        ];
        for (s, want) in cases {
            let mut out = Vec::new();
            push_json_str(&mut out, s);
            assert_eq!(String::from_utf8(out).expect("UTF-8"), want);
            let mut out = Vec::new();
            push_json_str(&mut out, s);
            let parsed: String = serde_json::from_slice(&out).expect("valid JSON");
            assert_eq!(parsed, s);
        }
    }

    #[test]
    fn stamps_differ_on_any_change_and_repeat_exactly() {
        let stamp = |parts: &[&[u8]]| {
            let mut s = Stamp::default();
            for p in parts {
                s.add(p);
            }
            s.hex()
        };
        assert_eq!(stamp(&[b"abc"]), stamp(&[b"abc"]));
        assert_ne!(stamp(&[b"abc"]), stamp(&[b"abd"]));
        assert_ne!(stamp(&[b"ab", b""]), stamp(&[b"a", b"b"]));
        assert_ne!(stamp(&[b""]), stamp(&[]));
        // Pinned: the version must not change between builds of the same input.
        assert_eq!(stamp(&[b"bantin"]).len(), 16);
    }
}
