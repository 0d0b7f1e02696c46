//! Takes a target's saved inputs and random choices (`arbitrary::Unstructured`) and gives a new
//! input: one saved input with a few stacked edits — byte and bit changes, splices from another
//! input, the target's special tokens, deep repetition, Vietnamese combining marks, CRLF, a BOM.
//!
//! Edits of real inputs get far past the first syntax check, where random bytes never get; the
//! edits are drawn from `Unstructured`, so a smaller seed means fewer edits when arbtest
//! minimises a failure.

use arbtest::arbitrary::{Result, Unstructured};
use unicode_normalization::UnicodeNormalization;

use super::Target;

/// Special in every target's input: Vietnamese letters precomposed and as combining marks,
/// invisible and odd whitespace, line ends, and byte sequences that are never UTF-8.
const COMMON: &[&[u8]] = &[
    "\u{0300}".as_bytes(), // huyền
    "\u{0301}".as_bytes(), // sắc
    "\u{0303}".as_bytes(), // ngã
    "\u{0309}".as_bytes(), // hỏi
    "\u{0323}".as_bytes(), // nặng
    "\u{0302}".as_bytes(), // â ê ô
    "\u{0306}".as_bytes(), // ă
    "\u{031B}".as_bytes(), // ơ ư
    "ệ".as_bytes(),
    "Đ".as_bytes(),
    "ư\u{0309}".as_bytes(),
    "hoà hòa uỷ ủy".as_bytes(),
    "Thừa Thiên Huế".as_bytes(),
    "\u{FEFF}".as_bytes(),
    "\u{200B}".as_bytes(),
    "\u{00A0}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{202E}".as_bytes(),
    "…".as_bytes(),
    "😀".as_bytes(),
    b"\r\n",
    b"\r",
    b"\n\n",
    b"\t",
    b"\0",
    b"\x7f",
    b"\xC0\xAE",         // an overlong `.`
    b"\xE0\x80\xAE",     // another
    b"\xED\xA0\x80",     // a UTF-16 surrogate
    b"\xF4\x90\x80\x80", // past U+10FFFF
    b"\xFF\xFE",         // a UTF-16 byte order mark
    b"\xE1\xBB",         // `ệ` cut short
];

const INTERESTING_BYTES: &[u8] = &[
    0, b'\n', b'\r', b'\t', b' ', b'"', b'\'', b'\\', b'%', b'/', b'.', b':', b'-', b'#', b'<',
    b'>', b'[', b']', b'{', b'}', b'|', b'`', b'*', b'_', 0x7F, 0x80, 0xBF, 0xC0, 0xE1, 0xFF,
];

const INTERESTING_NUMBERS: &[&str] = &[
    "0",
    "00",
    "-1",
    "1",
    "9",
    "12",
    "13",
    "23",
    "24",
    "29",
    "31",
    "32",
    "59",
    "60",
    "99",
    "255",
    "1899",
    "1900",
    "2024",
    "9999",
    "10000",
    "65536",
    "4294967295",
    "4294967296",
    "9223372036854775808",
    "18446744073709551616",
    "1e309",
    "-0",
    "0x10",
    "1_000",
    "nan",
    "inf",
];

/// Repetitions for deep nesting and long runs: stack depth and quadratic work show past these.
const REPEATS: &[usize] = &[2, 3, 10, 100, 1_000, 10_000, 100_000];

/// A new input for `target`, made from `saved` (or, rarely, from random bytes alone).
pub(super) fn input(
    u: &mut Unstructured<'_>,
    saved: &[Vec<u8>],
    target: &Target,
) -> Result<Vec<u8>> {
    let mut data = if saved.is_empty() || u.ratio(1, 32)? {
        let len = u.arbitrary_len::<u8>()?.min(target.max_len);
        u.bytes(len)?.to_vec()
    } else {
        saved[u.choose_index(saved.len())?].clone()
    };
    let edits = 1usize << u.int_in_range(0..=4)?;
    for _ in 0..edits {
        if u.is_empty() {
            break;
        }
        edit(u, &mut data, saved, target)?;
        data.truncate(target.max_len);
    }
    Ok(data)
}

fn edit(
    u: &mut Unstructured<'_>,
    data: &mut Vec<u8>,
    saved: &[Vec<u8>],
    target: &Target,
) -> Result<()> {
    match u.choose_index(15)? {
        0 if !data.is_empty() => {
            let at = u.choose_index(data.len())?;
            data[at] ^= 1 << u.int_in_range(0..=7)?;
        }
        1 if !data.is_empty() => {
            let at = u.choose_index(data.len())?;
            data[at] = if u.arbitrary()? {
                *u.choose(INTERESTING_BYTES)?
            } else {
                u.arbitrary()?
            };
        }
        // Tokens get three chances in fifteen: they make the inputs that get deepest.
        2..=4 => {
            let token = token(u, target)?;
            let at = position(u, data)?;
            data.splice(at..at, token.iter().copied());
        }
        5 => {
            let range = range(u, data)?;
            data.drain(range);
        }
        6 => {
            let range = range(u, data)?;
            let chunk = data[range].to_vec();
            let at = position(u, data)?;
            data.splice(at..at, chunk);
        }
        7 if !saved.is_empty() => {
            // A piece of another input, inserted or written over a piece of this one.
            let other = &saved[u.choose_index(saved.len())?];
            let from = range(u, other)?;
            let chunk = other[from].to_vec();
            let at = if u.arbitrary()? {
                let at = position(u, data)?;
                at..at
            } else {
                range(u, data)?
            };
            data.splice(at, chunk);
        }
        8 => {
            // Deep nesting and long runs: `[[[[`, `> > > >`, `- - - -`, a token 100,000 times.
            let unit = if u.arbitrary()? {
                token(u, target)?.to_vec()
            } else {
                let range = range(u, data)?;
                data[range].iter().copied().take(16).collect()
            };
            let times = *u.choose(REPEATS)?;
            let times = times.min(target.max_len / unit.len().max(1));
            let at = position(u, data)?;
            let run: Vec<u8> = unit.repeat(times);
            data.splice(at..at, run);
        }
        9 => lines(u, data)?,
        10 => match u.choose_index(3)? {
            0 => *data = replace(data, b"\n", b"\r\n"),
            1 => *data = replace(data, b"\n", b"\r"),
            _ => data.splice(0..0, "\u{FEFF}".bytes()).for_each(drop),
        },
        11 => {
            // NFD or NFC of the whole text: some Vietnamese keyboards type decomposed letters.
            if let Ok(text) = std::str::from_utf8(data) {
                let changed: String = if u.arbitrary()? {
                    text.nfd().collect()
                } else {
                    text.nfc().collect()
                };
                *data = changed.into_bytes();
            }
        }
        12 => {
            // Another number where a number is: dates, sizes, counts.
            let digits: Vec<usize> = (0..data.len())
                .filter(|&i| data[i].is_ascii_digit() && (i == 0 || !data[i - 1].is_ascii_digit()))
                .collect();
            if !digits.is_empty() {
                let start = digits[u.choose_index(digits.len())?];
                let end = (start..data.len())
                    .find(|&i| !data[i].is_ascii_digit())
                    .unwrap_or(data.len());
                let number = u.choose(INTERESTING_NUMBERS)?;
                data.splice(start..end, number.bytes());
            }
        }
        13 => {
            let at = position(u, data)?;
            data.truncate(at);
        }
        _ => {
            let range = range(u, data)?;
            for b in &mut data[range] {
                if b.is_ascii_alphabetic() {
                    *b ^= 0x20;
                }
            }
        }
    }
    Ok(())
}

/// A token of the target's own syntax or one of the common ones.
fn token<'t>(u: &mut Unstructured<'_>, target: &'t Target) -> Result<&'t [u8]> {
    if !target.tokens.is_empty() && u.ratio(2, 3)? {
        Ok(u.choose(target.tokens)?.as_bytes())
    } else {
        Ok(u.choose(COMMON)?)
    }
}

/// A place in `data`: anywhere (even inside a character), at a character boundary, or at the
/// start of a line, where most syntax begins.
fn position(u: &mut Unstructured<'_>, data: &[u8]) -> Result<usize> {
    let at = u.int_in_range(0..=data.len())?;
    Ok(match u.choose_index(4)? {
        0 => at,
        1 | 2 => (0..=at)
            .rev()
            .find(|&i| data.get(i).is_none_or(|b| b & 0xC0 != 0x80))
            .unwrap_or(0),
        _ => data[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1),
    })
}

/// A stretch of `data`, short more often than long.
fn range(u: &mut Unstructured<'_>, data: &[u8]) -> Result<std::ops::Range<usize>> {
    let start = u.int_in_range(0..=data.len())?;
    let room = data.len() - start;
    let len = if u.ratio(3, 4)? {
        u.int_in_range(0..=room.min(32))?
    } else {
        u.int_in_range(0..=room)?
    };
    Ok(start..start + len)
}

/// Swaps, repeats or drops whole lines: front-matter, TOML and Markdown are line-based.
fn lines(u: &mut Unstructured<'_>, data: &mut Vec<u8>) -> Result<()> {
    let mut lines: Vec<Vec<u8>> = data
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    let a = u.choose_index(lines.len())?;
    let b = u.choose_index(lines.len())?;
    match u.choose_index(3)? {
        0 => lines.swap(a, b),
        1 => {
            let line = lines[a].clone();
            lines.insert(b, line);
        }
        _ => {
            lines.remove(a);
        }
    }
    *data = lines.concat();
    Ok(())
}

fn replace(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 16);
    let mut rest = data;
    while let Some(i) = rest.windows(from.len()).position(|w| w == from) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(to);
        rest = &rest[i + from.len()..];
    }
    out.extend_from_slice(rest);
    out
}
