//! Takes text (an article body, a library's số hiệu field) and gives the Vietnamese official
//! documents it cites: each reference's canonical number ("80/2020/NĐ-CP", "38-CT/TW"), its kind
//! (Nghị định, Chỉ thị…), the date written after it and byte spans of all three.
//!
//! The grammar, written by hand rather than as regular expressions so that it costs one pass:
//! - state documents `serial/year/SYMBOL` (80/2020/NĐ-CP, 202/2025/QH15);
//! - administrative documents `serial/SYMBOL` (1970/KH-UBND, 123/UBND-VX for a công văn);
//! - Party documents `serial-KIND/ISSUER` (38-CT/TW), spaces or a dash look-alike around the hyphen
//!   tolerated ("12 – CT/TW");
//! - short forms `serial/year` (Nghị định 80/2020), only after a kind word, resolved by a library.
//!
//! A symbol is segments joined by hyphens, each a run of Latin letters (Đ included) with optional
//! trailing digits. Written alone, a segment must look like an abbreviation: an uppercase first
//! letter and more uppercase than lowercase letters (TTg, QyĐ, CTr, SNgV). After a kind word
//! ("nghị định số 80/2020/nđ-cp") any case is accepted; the canonical number uppercases what does
//! not look like an abbreviation and gives TTg, QyĐ, QĐi, CTr, TTr, TTh their official spelling.
//!
//! Cost: `find` walks the bytes once and stops only at a digit run that starts a token and is
//! followed by `/` and a year or a letter, or by a dash and a letter; dates, amounts and ranges
//! are passed over there. Only then does it fold the word before (more only if that word ends a
//! kind name) and read the grammar after. It allocates for what it returns and a few short folded
//! words per such stop. Measured once (December 2026, debug build, not kept as a test): a
//! 1,000-word article with 28 dates, 28 ranges and 2 citations took 0.25 ms, about what counting
//! its digits took; the byte scan is the cost.

use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;

use super::fold::fold;
use super::slug::slugify;

use DocKind as K;

/// The kind of an official document, as its kind word names it or its symbol abbreviates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    Luat,
    PhapLenh,
    NghiQuyet,
    NghiDinh,
    ChiThi,
    ThongTu,
    ThongTuLienTich,
    ThongTri,
    QuyetDinh,
    QuyDinh,
    QuyChe,
    KeHoach,
    ThongBao,
    ThongCao,
    CongVan,
    CongDien,
    KetLuan,
    HuongDan,
    ChuongTrinh,
    BaoCao,
    ToTrinh,
    DeAn,
    PhuongAn,
    DuAn,
    BienBan,
}

/// One row per kind: the name, its slug, the abbreviation in numbers (Nghị định 30/2020/NĐ-CP,
/// Phụ lục III; Thông tri's "TT" is the Party's), and the folded kind words that name it.
struct KindRow {
    kind: DocKind,
    name: &'static str,
    slug: &'static str,
    abbreviation: Option<&'static str>,
    words: &'static [&'static str],
}

const fn row(
    kind: DocKind,
    name: &'static str,
    slug: &'static str,
    abbreviation: Option<&'static str>,
    words: &'static [&'static str],
) -> KindRow {
    KindRow {
        kind,
        name,
        slug,
        abbreviation,
        words,
    }
}

/// Ordered so that `DocKind::parse("TT")` is the Thông tư of state documents.
const KINDS: &[KindRow] = &[
    row(K::Luat, "Luật", "luat", None, &["luat", "bo luat"]),
    row(K::PhapLenh, "Pháp lệnh", "phap-lenh", None, &["phap lenh"]),
    row(
        K::NghiQuyet,
        "Nghị quyết",
        "nghi-quyet",
        Some("NQ"),
        &["nghi quyet"],
    ),
    row(
        K::NghiDinh,
        "Nghị định",
        "nghi-dinh",
        Some("NĐ"),
        &["nghi dinh"],
    ),
    row(K::ChiThi, "Chỉ thị", "chi-thi", Some("CT"), &["chi thi"]),
    row(
        K::ThongTu,
        "Thông tư",
        "thong-tu",
        Some("TT"),
        &["thong tu"],
    ),
    row(
        K::ThongTuLienTich,
        "Thông tư liên tịch",
        "thong-tu-lien-tich",
        Some("TTLT"),
        &["thong tu lien tich"],
    ),
    row(
        K::ThongTri,
        "Thông tri",
        "thong-tri",
        Some("TT"),
        &["thong tri"],
    ),
    row(
        K::QuyetDinh,
        "Quyết định",
        "quyet-dinh",
        Some("QĐ"),
        &["quyet dinh"],
    ),
    row(
        K::QuyDinh,
        "Quy định",
        "quy-dinh",
        Some("QyĐ"),
        &["quy dinh", "qui dinh"],
    ),
    row(
        K::QuyChe,
        "Quy chế",
        "quy-che",
        Some("QC"),
        &["quy che", "qui che"],
    ),
    row(
        K::KeHoach,
        "Kế hoạch",
        "ke-hoach",
        Some("KH"),
        &["ke hoach"],
    ),
    row(
        K::ThongBao,
        "Thông báo",
        "thong-bao",
        Some("TB"),
        &["thong bao"],
    ),
    row(
        K::ThongCao,
        "Thông cáo",
        "thong-cao",
        Some("TC"),
        &["thong cao"],
    ),
    row(
        K::CongVan,
        "Công văn",
        "cong-van",
        Some("CV"),
        &["cong van"],
    ),
    row(
        K::CongDien,
        "Công điện",
        "cong-dien",
        Some("CĐ"),
        &["cong dien"],
    ),
    row(
        K::KetLuan,
        "Kết luận",
        "ket-luan",
        Some("KL"),
        &["ket luan"],
    ),
    row(
        K::HuongDan,
        "Hướng dẫn",
        "huong-dan",
        Some("HD"),
        &["huong dan"],
    ),
    row(
        K::ChuongTrinh,
        "Chương trình",
        "chuong-trinh",
        Some("CTr"),
        &["chuong trinh"],
    ),
    row(K::BaoCao, "Báo cáo", "bao-cao", Some("BC"), &["bao cao"]),
    row(
        K::ToTrinh,
        "Tờ trình",
        "to-trinh",
        Some("TTr"),
        &["to trinh"],
    ),
    row(K::DeAn, "Đề án", "de-an", Some("ĐA"), &["de an"]),
    row(
        K::PhuongAn,
        "Phương án",
        "phuong-an",
        Some("PA"),
        &["phuong an"],
    ),
    row(K::DuAn, "Dự án", "du-an", Some("DA"), &["du an"]),
    row(
        K::BienBan,
        "Biên bản",
        "bien-ban",
        Some("BB"),
        &["bien ban"],
    ),
];

impl DocKind {
    /// Every kind, in the order of the table above.
    pub const ALL: &[DocKind] = &[
        K::Luat,
        K::PhapLenh,
        K::NghiQuyet,
        K::NghiDinh,
        K::ChiThi,
        K::ThongTu,
        K::ThongTuLienTich,
        K::ThongTri,
        K::QuyetDinh,
        K::QuyDinh,
        K::QuyChe,
        K::KeHoach,
        K::ThongBao,
        K::ThongCao,
        K::CongVan,
        K::CongDien,
        K::KetLuan,
        K::HuongDan,
        K::ChuongTrinh,
        K::BaoCao,
        K::ToTrinh,
        K::DeAn,
        K::PhuongAn,
        K::DuAn,
        K::BienBan,
    ];

    fn row(self) -> &'static KindRow {
        // Every kind has a row (tested); the fallback only keeps this total.
        KINDS.iter().find(|r| r.kind == self).unwrap_or(&KINDS[0])
    }

    /// The Vietnamese name as a sentence would start it: "Nghị định".
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// ASCII slug of the name: "nghi-dinh".
    pub fn slug(self) -> &'static str {
        self.row().slug
    }

    /// The abbreviation numbers use ("NĐ", "QyĐ"); `None` for laws and ordinances, whose numbers
    /// carry their issuer (QH15, UBTVQH15) instead.
    pub fn abbreviation(self) -> Option<&'static str> {
        self.row().abbreviation
    }

    /// Reads a kind word or an abbreviation: "Nghị định", "nghi dinh", "NGHỊ ĐỊNH", "NĐ", "nđ",
    /// decomposed (NFD) input, old or new tone placement ("Qui định" is also Quy định).
    pub fn parse(text: &str) -> Option<DocKind> {
        let folded = fold(text);
        if let Some(row) = KINDS.iter().find(|r| r.words.contains(&folded.as_str())) {
            return Some(row.kind);
        }
        // Abbreviations differ by Đ versus D (ĐA, DA), so they are compared uppercased, not folded.
        let upper = text.trim().to_uppercase();
        KINDS
            .iter()
            .find(|r| r.abbreviation.is_some_and(|a| a.to_uppercase() == upper))
            .map(|r| r.kind)
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The kind a number's abbreviation stands for. The Party writes Thông tri as TT and Quy định as
/// QĐi (and often QĐ, which `admits` accepts).
fn kind_of_abbreviation(abbreviation: &str, party: bool) -> Option<DocKind> {
    Some(match abbreviation {
        "NQ" => K::NghiQuyet,
        "NĐ" => K::NghiDinh,
        "CT" => K::ChiThi,
        "TT" if party => K::ThongTri,
        "TT" => K::ThongTu,
        "TTLT" => K::ThongTuLienTich,
        "QĐ" => K::QuyetDinh,
        "QyĐ" | "QĐi" => K::QuyDinh,
        "QC" => K::QuyChe,
        "KH" => K::KeHoach,
        "TB" => K::ThongBao,
        "TC" => K::ThongCao,
        "CV" => K::CongVan,
        "CĐ" => K::CongDien,
        "KL" => K::KetLuan,
        "HD" => K::HuongDan,
        "CTr" => K::ChuongTrinh,
        "BC" => K::BaoCao,
        "TTr" => K::ToTrinh,
        "ĐA" => K::DeAn,
        "PA" => K::PhuongAn,
        "DA" => K::DuAn,
        "BB" => K::BienBan,
        _ => return None,
    })
}

/// Official spellings with lowercase letters, whatever case they are typed in.
const MIXED_CASE: &[&str] = &["TTg", "QyĐ", "QĐi", "CTr", "TTr", "TTh"];

/// A segment's canonical spelling: an official mixed-case abbreviation; else as written when it
/// looks like an abbreviation (an issuer's own "SNgV"); else uppercased ("nđ" → "NĐ").
fn canonical_segment(segment: &str) -> String {
    let upper = segment.to_uppercase();
    if let Some(mixed) = MIXED_CASE.iter().find(|m| m.to_uppercase() == upper) {
        return (*mixed).to_string();
    }
    if looks_like_abbreviation(segment) {
        segment.to_string()
    } else {
        upper
    }
}

/// An uppercase first letter and more uppercase than lowercase letters: "TTg", "SNgV", not "Nay".
fn looks_like_abbreviation(segment: &str) -> bool {
    let starts_upper = segment.chars().next().is_some_and(char::is_uppercase);
    let upper = segment.chars().filter(|c| c.is_uppercase()).count();
    let lower = segment.chars().filter(|c| c.is_lowercase()).count();
    starts_upper && upper > lower
}

/// Which grammar a number follows; decides where the kind abbreviation sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    /// serial/year/SYMBOL
    State,
    /// serial/SYMBOL
    Admin,
    /// serial-KIND/ISSUER
    Party,
}

/// A document's number, canonical: "80/2020/NĐ-CP", "12-CT/TW", "1970/KH-UBND", "202/2025/QH15".
///
/// Canonical means ASCII hyphens, no spaces, the symbol uppercased except for the official
/// mixed-case abbreviations (TTg, QyĐ, CTr…); the serial keeps its leading zeros ("09/2014/…").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocNumber {
    text: String,
    serial_end: usize,
    year: Option<u16>,
    symbol_start: usize,
    shape: Shape,
}

impl DocNumber {
    /// Reads a whole field, as tolerant as `find` after a kind word: surrounding spaces, any case,
    /// spaces and dash look-alikes around a Party number's hyphen. A short form ("80/2020") is not
    /// a number.
    pub fn parse(text: &str) -> Option<DocNumber> {
        let text = text.trim();
        if !text.as_bytes().first()?.is_ascii_digit() {
            return None;
        }
        match read_reference(text, 0, true, None)? {
            (end, Reference::Number(number)) if end == text.len() => Some(number),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The serial as written, leading zeros kept: "80", "09".
    pub fn serial(&self) -> &str {
        &self.text[..self.serial_end]
    }

    /// The year of state documents' numbers; `None` for administrative and Party numbers.
    pub fn year(&self) -> Option<u16> {
        self.year
    }

    /// Everything after the serial (and year): "NĐ-CP", "CT/TW", "KH-UBND", "QH15".
    pub fn symbol(&self) -> &str {
        &self.text[self.symbol_start..]
    }

    /// The kind the symbol's abbreviation names. A year-less number whose symbol starts with its
    /// issuer ("123/UBND-VX") is a công văn. `None` when the symbol names only the issuer:
    /// "202/2025/QH15" may be a law or a resolution of the National Assembly.
    pub fn kind(&self) -> Option<DocKind> {
        match (self.symbol_kind(), self.shape) {
            (None, Shape::Admin) => Some(K::CongVan),
            (kind, _) => kind,
        }
    }

    /// The kind written in the symbol itself, if any.
    fn symbol_kind(&self) -> Option<DocKind> {
        let symbol = self.symbol();
        match self.shape {
            Shape::Party => kind_of_abbreviation(symbol.split('/').next()?, true),
            Shape::State | Shape::Admin => kind_of_abbreviation(symbol.split('-').next()?, false),
        }
    }

    /// Whether a document of `kind` can carry this number: the symbol's kind is `kind`, or the
    /// symbol names no kind (QH15, UBND-VX). The Party numbers its Quy định QĐ as well as QĐi.
    pub fn admits(&self, kind: DocKind) -> bool {
        match self.symbol_kind() {
            None => true,
            Some(own) => own == kind || (own == K::QuyetDinh && kind == K::QuyDinh),
        }
    }

    /// ASCII slug for an address: "80-2020-nd-cp", "12-ct-tw".
    pub fn slug(&self) -> String {
        slugify(&self.text)
    }

    /// What every way of typing one document's number shares, to find it by: the serial without
    /// leading zeros, the year, the symbol in capitals with Đ as D. "09/2014/TT-BTTTT" and
    /// "9/2014/TT-BTTTT" are one document, and so are "80/2020/NĐ-CP" and "80/2020/ND-CP" typed
    /// without a Vietnamese keyboard.
    pub fn match_key(&self) -> String {
        let serial = self.serial().trim_start_matches('0');
        let serial = if serial.is_empty() { "0" } else { serial };
        let middle = &self.text[self.serial_end..self.symbol_start];
        let symbol: String = self
            .symbol()
            .chars()
            .map(|c| match c {
                'Đ' | 'đ' => 'D',
                c => c.to_ascii_uppercase(),
            })
            .collect();
        format!("{serial}{middle}{symbol}")
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// What a citation names: a full number, or a short form ("Nghị định 80/2020") that a library can
/// resolve when exactly one of its documents matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reference {
    Number(DocNumber),
    Short {
        kind: DocKind,
        serial: String,
        year: u16,
    },
}

impl Reference {
    /// Whether `number` is the document this reference names. Serials compare as numbers
    /// ("09" is "9"); a short form matches any number of its serial and year whose symbol admits
    /// its kind ("Luật 67/2006" matches 67/2006/QH11).
    pub fn matches(&self, number: &DocNumber) -> bool {
        match self {
            Reference::Number(own) => own.match_key() == number.match_key(),
            Reference::Short { kind, serial, year } => {
                number.year == Some(*year)
                    && same_serial(serial, number.serial())
                    && number.admits(*kind)
            }
        }
    }
}

fn same_serial(a: &str, b: &str) -> bool {
    a.trim_start_matches('0') == b.trim_start_matches('0')
}

/// One reference found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The whole reference: from the kind word ("Nghị định số …") if any, through the date if any.
    pub span: Range<usize>,
    /// Just the number as written.
    pub number_span: Range<usize>,
    pub reference: Reference,
    /// From the kind word before the number when the number's symbol admits it, else from the
    /// symbol: "Quyết định 80/2020/NĐ-CP" is a Nghị định (the number is more often right than
    /// the word typed before it).
    pub kind: Option<DocKind>,
    /// "ngày 19/9/2019", "ngày 19-9-2019", "ngày 19.9.2019", "ngày 19 tháng 9 năm 2019", right
    /// after the number or after ", " or "ban hành". `None` when there is none or it is not a
    /// calendar date (31/2/2020); such a date is then not part of `span` either.
    pub date: Option<NaiveDate>,
    /// From "ngày" through the year.
    pub date_span: Option<Range<usize>>,
}

/// Every reference in `text`, in order, non-overlapping. Never panics, whatever the text.
pub fn find(text: &str) -> Vec<Citation> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run_end = digits_end(bytes, i);
        if !starts_token(text, i) || !may_continue(text, run_end) {
            i = run_end;
            continue;
        }
        let word = kind_word_before(text, floor, i);
        let Some((end, reference)) = read_reference(text, i, word.is_some(), word.map(|w| w.1))
        else {
            i = run_end;
            continue;
        };
        let kind = match (&reference, word) {
            (Reference::Number(n), Some((_, said))) if n.admits(said) => Some(said),
            (Reference::Number(n), _) => n.kind(),
            (Reference::Short { kind, .. }, _) => Some(*kind),
        };
        let date = read_date(text, end);
        let span_end = date.as_ref().map_or(end, |(span, _)| span.end);
        found.push(Citation {
            span: word.map_or(i, |w| w.0)..span_end,
            number_span: i..end,
            reference,
            kind,
            date: date.as_ref().map(|(_, d)| *d),
            date_span: date.map(|(span, _)| span),
        });
        floor = span_end;
        i = span_end;
    }
    found
}

fn digits_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    end
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// The hyphen and what authors' keyboards and word processors put in its place.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')
}

/// Letters of symbols: Latin, with Đ.
fn is_symbol_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c == 'Đ' || c == 'đ'
}

/// A serial starts a token: not inside a word, a number (21.759, 34,6, 2022–2027, F-16) or a path.
fn starts_token(text: &str, i: usize) -> bool {
    match text.get(..i).and_then(|t| t.chars().next_back()) {
        None => true,
        Some(c) => {
            !is_word_char(c)
                && !is_dash(c)
                && !matches!(
                    c,
                    '/' | '.' | ',' | ':' | '_' | '@' | '&' | '=' | '+' | '\\' | '%'
                )
        }
    }
}

/// What follows a serial can start a number: `/` and a four-digit year or a letter, or a dash and
/// a letter. Dates, fractions and ranges stop here, before any word is looked at.
fn may_continue(text: &str, run_end: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.get(run_end) == Some(&b'/') {
        let year_end = digits_end(bytes, run_end + 1);
        if year_end > run_end + 1 {
            return year_end - (run_end + 1) == 4;
        }
        return char_at(text, run_end + 1).is_some_and(is_symbol_letter);
    }
    after_dash(text, run_end)
        .and_then(|at| char_at(text, at))
        .is_some_and(is_symbol_letter)
}

/// Position after a dash that may have up to three inline spaces before and after it.
fn after_dash(text: &str, i: usize) -> Option<usize> {
    let i = skip_inline_spaces(text, i);
    let dash = char_at(text, i).filter(|&c| is_dash(c))?;
    Some(skip_inline_spaces(text, i + dash.len_utf8()))
}

fn skip_inline_spaces(text: &str, mut i: usize) -> usize {
    for _ in 0..3 {
        match char_at(text, i) {
            Some(c) if is_inline_space(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The kind word right before `end` (optionally followed by "số"): its start and kind. Looks no
/// further back than `floor`, the end of the previous citation.
fn kind_word_before(text: &str, floor: usize, end: usize) -> Option<(usize, DocKind)> {
    // Nearest first; a word is a run of letters, digits and combining marks (at most 24 of them:
    // longer runs are no kind word, and this bounds the work), words are separated by white
    // space only.
    let mut words: [Range<usize>; 5] = Default::default();
    let mut count = 0;
    let mut rest = text.get(floor..end)?;
    while count < words.len() {
        let trimmed = rest.trim_end();
        if trimmed.len() == rest.len() {
            break;
        }
        let mut word_start = trimmed.len();
        for (at, c) in trimmed.char_indices().rev().take(24) {
            if !is_word_char(c) {
                break;
            }
            word_start = at;
        }
        if word_start == trimmed.len() || trimmed[..word_start].ends_with(is_word_char) {
            break;
        }
        words[count] = floor + word_start..floor + trimmed.len();
        count += 1;
        rest = &trimmed[..word_start];
    }
    let mut words = words.get(..count)?;
    let mut nearest = fold(&text[words.first()?.clone()]);
    if nearest == "so" {
        words = &words[1..];
        nearest = fold(&text[words.first()?.clone()]);
    }
    let written = &text[words[0].clone()];
    // Most numbers follow no kind word: one folded word is enough to tell.
    let ends_a_name = KINDS
        .iter()
        .flat_map(|r| r.words)
        .any(|w| w.rsplit(' ').next() == Some(nearest.as_str()));
    if ends_a_name {
        for k in (2..=words.len().min(4)).rev() {
            let span = words[k - 1].start..words[0].end;
            let folded = fold(&text[span.clone()]);
            if let Some(row) = KINDS.iter().find(|r| r.words.contains(&folded.as_str())) {
                return Some((span.start, row.kind));
            }
        }
        if let Some(row) = KINDS.iter().find(|r| r.words.contains(&nearest.as_str())) {
            return Some((words[0].start, row.kind));
        }
    }
    kind_of_abbreviation(written, false).map(|kind| (words[0].start, kind))
}

/// Kinds whose numbers carry a year, so that a short form "serial/year" can name them.
fn takes_short_form(kind: DocKind) -> bool {
    matches!(
        kind,
        K::Luat
            | K::PhapLenh
            | K::NghiQuyet
            | K::NghiDinh
            | K::ChiThi
            | K::ThongTu
            | K::ThongTuLienTich
            | K::QuyetDinh
    )
}

/// Reads a reference whose serial starts at `start`: its end and what it names. `lenient` (a kind
/// word precedes, or a whole field) accepts any case and a one-segment symbol; `short` is the kind
/// word's kind, which lets a bare "serial/year" count.
fn read_reference(
    text: &str,
    start: usize,
    lenient: bool,
    short: Option<DocKind>,
) -> Option<(usize, Reference)> {
    let bytes = text.as_bytes();
    let serial_end = digits_end(bytes, start);
    if serial_end == start || serial_end - start > 6 {
        return None;
    }
    let serial = &text[start..serial_end];
    if bytes.get(serial_end) == Some(&b'/') {
        let after = serial_end + 1;
        let year_end = digits_end(bytes, after);
        if year_end - after == 4 {
            let year: u16 = text[after..year_end].parse().ok()?;
            if !(1900..=2099).contains(&year) {
                return None;
            }
            if bytes.get(year_end) == Some(&b'/')
                && let Some(segments) = read_symbol(text, year_end + 1, lenient)
            {
                let symbol = join_segments(text, &segments);
                let number = DocNumber {
                    text: format!("{serial}/{year}/{symbol}"),
                    serial_end: serial.len(),
                    year: Some(year),
                    symbol_start: serial.len() + 6,
                    shape: Shape::State,
                };
                return Some((segments.last()?.end, Reference::Number(number)));
            }
            let kind = short.filter(|&k| takes_short_form(k))?;
            // "2022/2023" is a school year, whatever comes before it.
            let serial_is_year = serial.len() == 4 && serial.parse::<u16>().ok()? + 1 == year;
            if serial_is_year || !short_form_ends(text, year_end) {
                return None;
            }
            return Some((
                year_end,
                Reference::Short {
                    kind,
                    serial: serial.to_string(),
                    year,
                },
            ));
        }
        if year_end > after {
            // 19/9, 24/7, 12/3: a fraction or a date, not a number.
            return None;
        }
        let segments = read_symbol(text, after, lenient)?;
        // One segment is a symbol only after a kind word ("Công văn số 12/UBND"), and even then
        // only if it looks like one: "Quyết định số 5/mai" is not ("mã số 0101/ABC" has no kind
        // word).
        if let [only] = segments.as_slice()
            && !(lenient && looks_like_abbreviation(&text[only.clone()]))
        {
            return None;
        }
        let symbol = join_segments(text, &segments);
        let number = DocNumber {
            text: format!("{serial}/{symbol}"),
            serial_end: serial.len(),
            year: None,
            symbol_start: serial.len() + 1,
            shape: Shape::Admin,
        };
        return Some((segments.last()?.end, Reference::Number(number)));
    }

    let kind_start = after_dash(text, serial_end)?;
    let kind_end = read_segment(text, kind_start, lenient, false)?;
    let kind = canonical_segment(&text[kind_start..kind_end]);
    kind_of_abbreviation(&kind, true)?;
    if !lenient && kind != text[kind_start..kind_end] {
        return None;
    }
    if bytes.get(kind_end) != Some(&b'/') {
        return None;
    }
    let segments = read_symbol(text, kind_end + 1, lenient)?;
    let issuer = join_segments(text, &segments);
    let number = DocNumber {
        text: format!("{serial}-{kind}/{issuer}"),
        serial_end: serial.len(),
        year: None,
        symbol_start: serial.len() + 1,
        shape: Shape::Party,
    };
    Some((segments.last()?.end, Reference::Number(number)))
}

/// A short form's year ends it: no letter or digit follows, nor a `/`, dash, `.` or `,` that
/// continues it.
fn short_form_ends(text: &str, end: usize) -> bool {
    let mut next = text.get(end..).unwrap_or("").chars();
    match next.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some(c) if c == '/' || c == '.' || c == ',' || is_dash(c) => {
            !next.next().is_some_and(is_word_char)
        }
        Some(_) => true,
    }
}

/// Symbol segments joined by dashes, canonical: "NĐ-CP".
fn join_segments(text: &str, segments: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(segments.iter().map(|s| s.len() + 1).sum());
    for (n, segment) in segments.iter().enumerate() {
        if n > 0 {
            out.push('-');
        }
        out.push_str(&canonical_segment(&text[segment.clone()]));
    }
    out
}

/// The segments of a symbol starting at `start`, or `None` when there is none or the symbol runs
/// into a word ("NĐ-CPá" is no symbol).
fn read_symbol(text: &str, start: usize, lenient: bool) -> Option<Vec<Range<usize>>> {
    let mut segments = Vec::with_capacity(3);
    let mut at = start;
    while segments.len() < 6 {
        let Some(end) = read_segment(text, at, lenient, true) else {
            break;
        };
        segments.push(at..end);
        match char_at(text, end) {
            Some(c) if is_dash(c) => at = end + c.len_utf8(),
            _ => break,
        }
    }
    let last = segments.last()?;
    if char_at(text, last.end).is_some_and(is_word_char) {
        return None;
    }
    Some(segments)
}

/// End of one symbol segment: letters then, if `digits`, digits (QH15). Unless `lenient`, it must
/// look like an abbreviation: an uppercase first letter and more uppercase than lowercase letters.
fn read_segment(text: &str, start: usize, lenient: bool, digits: bool) -> Option<usize> {
    let rest = text.get(start..)?;
    let letters: usize = rest
        .chars()
        .take_while(|&c| is_symbol_letter(c))
        .take(12)
        .map(char::len_utf8)
        .sum();
    if letters == 0 || !(lenient || looks_like_abbreviation(&rest[..letters])) {
        return None;
    }
    let end = start + letters;
    if digits {
        return Some(digits_end(text.as_bytes(), end).min(end + 4));
    }
    Some(end)
}

/// The date written right after a number ending at `end`: its span (from "ngày") and its value.
/// `None` when no date follows or it is not a calendar date.
fn read_date(text: &str, end: usize) -> Option<(Range<usize>, NaiveDate)> {
    let mut at = skip_spaces(text, end);
    if text.as_bytes().get(at) == Some(&b',') {
        at = skip_spaces(text, at + 1);
    }
    if let Some(after) = word_is(text, at, "ban") {
        let after_hanh = word_is(text, skip_spaces(text, after), "hanh")?;
        at = skip_spaces(text, after_hanh);
    }
    let date_start = at;
    let at = skip_spaces(text, word_is(text, at, "ngay")?);
    let bytes = text.as_bytes();
    let day_end = digits_end(bytes, at);
    let day = small_number(text, at, day_end)?;
    let (month, year, date_end) = match bytes.get(day_end) {
        Some(&sep @ (b'/' | b'-' | b'.')) => {
            let month_end = digits_end(bytes, day_end + 1);
            let month = small_number(text, day_end + 1, month_end)?;
            if bytes.get(month_end) != Some(&sep) {
                return None;
            }
            let year_end = digits_end(bytes, month_end + 1);
            (month, four_digits(text, month_end + 1, year_end)?, year_end)
        }
        _ => {
            let at = skip_spaces(text, word_is(text, skip_spaces(text, day_end), "thang")?);
            let month_end = digits_end(bytes, at);
            let month = small_number(text, at, month_end)?;
            let at = skip_spaces(text, word_is(text, skip_spaces(text, month_end), "nam")?);
            let year_end = digits_end(bytes, at);
            (month, four_digits(text, at, year_end)?, year_end)
        }
    };
    if char_at(text, date_end).is_some_and(is_word_char) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::from(year), month, day)?;
    Some((date_start..date_end, date))
}

fn small_number(text: &str, start: usize, end: usize) -> Option<u32> {
    if end == start || end - start > 2 {
        return None;
    }
    text.get(start..end)?.parse().ok()
}

fn four_digits(text: &str, start: usize, end: usize) -> Option<u16> {
    if end - start != 4 {
        return None;
    }
    text.get(start..end)?.parse().ok()
}

fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i).filter(|&c| is_inline_space(c)) {
        i += c.len_utf8();
    }
    i
}

/// If the word at `at` folds to `folded` ("ngày", "Ngày", NFD), the position after it.
fn word_is(text: &str, at: usize, folded: &str) -> Option<usize> {
    let rest = text.get(at..)?;
    let len: usize = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .take(12)
        .map(char::len_utf8)
        .sum();
    if len == 0 || rest[len..].starts_with(is_word_char) {
        return None;
    }
    (fold(&rest[..len]) == folded).then_some(at + len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    /// The reference as a test row writes it: the canonical number, or "serial/year" for a short
    /// form.
    fn shown(reference: &Reference) -> String {
        match reference {
            Reference::Number(number) => number.as_str().to_string(),
            Reference::Short { serial, year, .. } => format!("{serial}/{year}"),
        }
    }

    /// (number, kind, date as YYYY-MM-DD, the span's text)
    type Expected = (
        &'static str,
        Option<DocKind>,
        Option<&'static str>,
        &'static str,
    );

    fn check(text: &str, expected: &[Expected]) {
        let found = find(text);
        assert_eq!(
            found.len(),
            expected.len(),
            "{text:?}: found {:?}",
            found
                .iter()
                .map(|c| &text[c.span.clone()])
                .collect::<Vec<_>>()
        );
        for (citation, &(number, kind, date, span)) in found.iter().zip(expected) {
            assert_eq!(shown(&citation.reference), number, "{text:?}");
            assert_eq!(citation.kind, kind, "{text:?} {number}");
            assert_eq!(
                citation.date.map(|d| d.to_string()).as_deref(),
                date,
                "{text:?} {number}"
            );
            assert_eq!(&text[citation.span.clone()], span, "{text:?} {number}");
            assert!(citation.span.start <= citation.number_span.start);
            assert!(citation.number_span.end <= citation.span.end);
            if let Some(date_span) = &citation.date_span {
                assert!(text[date_span.clone()].starts_with(['n', 'N']), "{text:?}");
                assert_eq!(date_span.end, citation.span.end);
            }
        }
    }

    #[test]
    fn finds_references_in_sentences() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "Thực hiện Chỉ thị 38-CT/TW ngày 19/9/2019 của Ban Bí thư, tỉnh đã mở hội nghị.",
                &[(
                    "38-CT/TW",
                    Some(K::ChiThi),
                    Some("2019-09-19"),
                    "Chỉ thị 38-CT/TW ngày 19/9/2019",
                )],
            ),
            (
                "Căn cứ Nghị định số 80/2020/NĐ-CP về viện trợ, hội đã rà soát các dự án.",
                &[(
                    "80/2020/NĐ-CP",
                    Some(K::NghiDinh),
                    None,
                    "Nghị định số 80/2020/NĐ-CP",
                )],
            ),
            (
                "Theo Nghị định 58/2022/NĐ-CP, thủ tục đăng ký được rút gọn.",
                &[(
                    "58/2022/NĐ-CP",
                    Some(K::NghiDinh),
                    None,
                    "Nghị định 58/2022/NĐ-CP",
                )],
            ),
            (
                "Tỉnh ban hành Quyết định số 308/QĐ-UBND ngày 22/02/2024 để kiện toàn Ban chỉ đạo.",
                &[(
                    "308/QĐ-UBND",
                    Some(K::QuyetDinh),
                    Some("2024-02-22"),
                    "Quyết định số 308/QĐ-UBND ngày 22/02/2024",
                )],
            ),
            (
                "Kế hoạch số 1970/KH-UBND đặt mục tiêu kết nghĩa thêm ba cặp xã biên giới.",
                &[(
                    "1970/KH-UBND",
                    Some(K::KeHoach),
                    None,
                    "Kế hoạch số 1970/KH-UBND",
                )],
            ),
            (
                "Tỉnh ủy triển khai Kế hoạch 124-KH/TU, ban hành ngày 5 tháng 3 năm 2021, tới cơ sở.",
                &[(
                    "124-KH/TU",
                    Some(K::KeHoach),
                    Some("2021-03-05"),
                    "Kế hoạch 124-KH/TU, ban hành ngày 5 tháng 3 năm 2021",
                )],
            ),
            (
                "Hội nghị quán triệt Chỉ thị số 12- CT/TW về công tác đối ngoại nhân dân.",
                &[("12-CT/TW", Some(K::ChiThi), None, "Chỉ thị số 12- CT/TW")],
            ),
            (
                "Chỉ thị 12 - CT/TW đã được phổ biến tới từng chi bộ.",
                &[("12-CT/TW", Some(K::ChiThi), None, "Chỉ thị 12 - CT/TW")],
            ),
            (
                "Quốc hội thông qua Nghị quyết số 202/2025/QH15 ngày 12/6/2025 về sắp xếp tỉnh.",
                &[(
                    "202/2025/QH15",
                    Some(K::NghiQuyet),
                    Some("2025-06-12"),
                    "Nghị quyết số 202/2025/QH15 ngày 12/6/2025",
                )],
            ),
            (
                "Bài viết tóm tắt NQ 60-NQ/TW về tinh gọn bộ máy.",
                &[("60-NQ/TW", Some(K::NghiQuyet), None, "NQ 60-NQ/TW")],
            ),
            (
                "Thông tư 09/2014/TT-BTTTT hướng dẫn quản lý trang thông tin điện tử.",
                &[(
                    "09/2014/TT-BTTTT",
                    Some(K::ThongTu),
                    None,
                    "Thông tư 09/2014/TT-BTTTT",
                )],
            ),
            (
                "Nghị định 147/2024/NĐ-CP ngày 09-11-2024 thay thế văn bản cũ.",
                &[(
                    "147/2024/NĐ-CP",
                    Some(K::NghiDinh),
                    Some("2024-11-09"),
                    "Nghị định 147/2024/NĐ-CP ngày 09-11-2024",
                )],
            ),
            (
                "Những điểm mới của NĐ 80/2020 được giới thiệu ngắn gọn.",
                &[("80/2020", Some(K::NghiDinh), None, "NĐ 80/2020")],
            ),
            (
                "Hội thảo bàn về Nghị định 80/2020 và những điều cần sửa.",
                &[("80/2020", Some(K::NghiDinh), None, "Nghị định 80/2020")],
            ),
            (
                "Cán bộ đọc kỹ nghị định số 80/2020/nđ-cp trước khi lập hồ sơ.",
                &[(
                    "80/2020/NĐ-CP",
                    Some(K::NghiDinh),
                    None,
                    "nghị định số 80/2020/nđ-cp",
                )],
            ),
            (
                "Luật số 67/2006/QH11 là Luật Công nghệ thông tin.",
                &[("67/2006/QH11", Some(K::Luat), None, "Luật số 67/2006/QH11")],
            ),
            (
                "Văn phòng đã trả lời tại Công văn số 123/UBND-VX ngày 2.4.2024.",
                &[(
                    "123/UBND-VX",
                    Some(K::CongVan),
                    Some("2024-04-02"),
                    "Công văn số 123/UBND-VX ngày 2.4.2024",
                )],
            ),
            (
                "Liên hiệp gửi Thông báo số 45/TB-LHHN tới các hội thành viên.",
                &[(
                    "45/TB-LHHN",
                    Some(K::ThongBao),
                    None,
                    "Thông báo số 45/TB-LHHN",
                )],
            ),
            (
                "Đoàn kiểm tra làm việc theo Quy định 35-QĐ/TW của Bộ Chính trị.",
                &[("35-QĐ/TW", Some(K::QuyDinh), None, "Quy định 35-QĐ/TW")],
            ),
            (
                "Ban Thường vụ Huyện ủy có Chỉ thị 05-CT/HU về phong trào thi đua.",
                &[("05-CT/HU", Some(K::ChiThi), None, "Chỉ thị 05-CT/HU")],
            ),
            (
                "Kết luận 01-KL/TW yêu cầu tiếp tục làm theo Chỉ thị 05-CT/TW.",
                &[
                    ("01-KL/TW", Some(K::KetLuan), None, "Kết luận 01-KL/TW"),
                    ("05-CT/TW", Some(K::ChiThi), None, "Chỉ thị 05-CT/TW"),
                ],
            ),
            (
                "Thông tư 20/2024/TT-BNG và Nghị định 15/2020/NĐ-CP đều được viện dẫn.",
                &[
                    (
                        "20/2024/TT-BNG",
                        Some(K::ThongTu),
                        None,
                        "Thông tư 20/2024/TT-BNG",
                    ),
                    (
                        "15/2020/NĐ-CP",
                        Some(K::NghiDinh),
                        None,
                        "Nghị định 15/2020/NĐ-CP",
                    ),
                ],
            ),
            (
                "(Quyết định số 1234/QĐ-TTg ngày 15/8/2023)",
                &[(
                    "1234/QĐ-TTg",
                    Some(K::QuyetDinh),
                    Some("2023-08-15"),
                    "Quyết định số 1234/QĐ-TTg ngày 15/8/2023",
                )],
            ),
            (
                "Mẫu báo cáo kèm theo Thông tư số 03/2021/TT-BNV.",
                &[(
                    "03/2021/TT-BNV",
                    Some(K::ThongTu),
                    None,
                    "Thông tư số 03/2021/TT-BNV",
                )],
            ),
            (
                "Quyết định 80/2020/NĐ-CP là cách ghi nhầm của phóng viên.",
                &[(
                    "80/2020/NĐ-CP",
                    Some(K::NghiDinh),
                    None,
                    "Quyết định 80/2020/NĐ-CP",
                )],
            ),
            (
                "Hồ sơ lập theo Nghị\u{a0}định\u{a0}số\u{a0}80/2020/NĐ-CP hiện hành.",
                &[(
                    "80/2020/NĐ-CP",
                    Some(K::NghiDinh),
                    None,
                    "Nghị\u{a0}định\u{a0}số\u{a0}80/2020/NĐ-CP",
                )],
            ),
            (
                "Chỉ thị 38–CT/TW được nhắc lại nhiều lần.",
                &[("38-CT/TW", Some(K::ChiThi), None, "Chỉ thị 38–CT/TW")],
            ),
            (
                "Các chi bộ học tập Kế hoạch 124−KH/TU trong tháng này.",
                &[("124-KH/TU", Some(K::KeHoach), None, "Kế hoạch 124−KH/TU")],
            ),
            (
                "Đảng ủy khối quán triệt Nghị quyết 60\u{2011}NQ/TW.",
                &[(
                    "60-NQ/TW",
                    Some(K::NghiQuyet),
                    None,
                    "Nghị quyết 60\u{2011}NQ/TW",
                )],
            ),
            (
                "HĐND tỉnh có Nghị quyết số 01/2021/NQ-HĐND, ngày 20/7/2021 về hỗ trợ hội viên.",
                &[(
                    "01/2021/NQ-HĐND",
                    Some(K::NghiQuyet),
                    Some("2021-07-20"),
                    "Nghị quyết số 01/2021/NQ-HĐND, ngày 20/7/2021",
                )],
            ),
            (
                "Theo 1970/KH-UBND, các huyện báo cáo trước ngày 30/6.",
                &[("1970/KH-UBND", Some(K::KeHoach), None, "1970/KH-UBND")],
            ),
            (
                "Chương trình số 15-CTr/TU đưa du lịch thành ngành mũi nhọn.",
                &[(
                    "15-CTr/TU",
                    Some(K::ChuongTrinh),
                    None,
                    "Chương trình số 15-CTr/TU",
                )],
            ),
            (
                "Xã đã trả lời bằng Công văn số 27/UBND ngày 3/3/2025.",
                &[(
                    "27/UBND",
                    Some(K::CongVan),
                    Some("2025-03-03"),
                    "Công văn số 27/UBND ngày 3/3/2025",
                )],
            ),
            (
                "Sở trình Tờ trình số 56/TTr-UBND lên kỳ họp.",
                &[(
                    "56/TTr-UBND",
                    Some(K::ToTrinh),
                    None,
                    "Tờ trình số 56/TTr-UBND",
                )],
            ),
            (
                "Đề án 06/ĐA-UBND được nhân rộng ở các xã.",
                &[("06/ĐA-UBND", Some(K::DeAn), None, "Đề án 06/ĐA-UBND")],
            ),
            (
                "Báo cáo số 210/BC-UBND nêu rõ kết quả giao lưu biên giới.",
                &[(
                    "210/BC-UBND",
                    Some(K::BaoCao),
                    None,
                    "Báo cáo số 210/BC-UBND",
                )],
            ),
            (
                "Theo Hướng dẫn 12-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy, các cơ sở tổ chức học tập.",
                &[(
                    "12-HD/BTGTU",
                    Some(K::HuongDan),
                    None,
                    "Hướng dẫn 12-HD/BTGTU",
                )],
            ),
            (
                "Ban Bí thư ra Thông tri 07-TT/TW về công tác bầu cử.",
                &[("07-TT/TW", Some(K::ThongTri), None, "Thông tri 07-TT/TW")],
            ),
            (
                "Pháp lệnh số 02/2022/UBTVQH15 quy định việc xử lý vi phạm.",
                &[(
                    "02/2022/UBTVQH15",
                    Some(K::PhapLenh),
                    None,
                    "Pháp lệnh số 02/2022/UBTVQH15",
                )],
            ),
            (
                "Thủ tướng gửi Công điện số 01/CĐ-TTg tới các địa phương ven biển.",
                &[(
                    "01/CĐ-TTg",
                    Some(K::CongDien),
                    None,
                    "Công điện số 01/CĐ-TTg",
                )],
            ),
            (
                "Chế độ áp dụng theo Thông tư liên tịch số 03/2016/TTLT-BTC-BNV đến nay.",
                &[(
                    "03/2016/TTLT-BTC-BNV",
                    Some(K::ThongTuLienTich),
                    None,
                    "Thông tư liên tịch số 03/2016/TTLT-BTC-BNV",
                )],
            ),
            (
                "Giá hỗ trợ tính theo Quyết định số 08/2023/QĐ-UBND ngày 19-5-2023 của tỉnh.",
                &[(
                    "08/2023/QĐ-UBND",
                    Some(K::QuyetDinh),
                    Some("2023-05-19"),
                    "Quyết định số 08/2023/QĐ-UBND ngày 19-5-2023",
                )],
            ),
            (
                "Các tỉnh biên giới thực hiện Chỉ thị 15/CT-TTg.",
                &[("15/CT-TTg", Some(K::ChiThi), None, "Chỉ thị 15/CT-TTg")],
            ),
            (
                "Danh sách được phê duyệt theo Quyết định số 511/QĐ-UBND",
                &[(
                    "511/QĐ-UBND",
                    Some(K::QuyetDinh),
                    None,
                    "Quyết định số 511/QĐ-UBND",
                )],
            ),
            (
                "Căn cứ Luật 67/2006, trang tin phải ghi rõ nguồn.",
                &[("67/2006", Some(K::Luat), None, "Luật 67/2006")],
            ),
            (
                "Tổ chức cơ sở đảng làm đúng Qui định số 144-QĐ/TW về chuẩn mực đạo đức.",
                &[("144-QĐ/TW", Some(K::QuyDinh), None, "Qui định số 144-QĐ/TW")],
            ),
            (
                "NGHỊ ĐỊNH SỐ 15/2020/NĐ-CP QUY ĐỊNH XỬ PHẠT VI PHẠM HÀNH CHÍNH",
                &[(
                    "15/2020/NĐ-CP",
                    Some(K::NghiDinh),
                    None,
                    "NGHỊ ĐỊNH SỐ 15/2020/NĐ-CP",
                )],
            ),
            (
                "Quyết định số 99/QĐ-UBND ngày 31/2/2020 bị ghi sai ngày.",
                &[(
                    "99/QĐ-UBND",
                    Some(K::QuyetDinh),
                    None,
                    "Quyết định số 99/QĐ-UBND",
                )],
            ),
            (
                "Tinh thần 35-NQ/TW cần được lan tỏa trong hội viên.",
                &[("35-NQ/TW", Some(K::NghiQuyet), None, "35-NQ/TW")],
            ),
            (
                "Chỉ thị số 05-CT/TW, Kết luận số 01-KL/TW và Quy định số 109-QĐ/TW là nền tảng.",
                &[
                    ("05-CT/TW", Some(K::ChiThi), None, "Chỉ thị số 05-CT/TW"),
                    ("01-KL/TW", Some(K::KetLuan), None, "Kết luận số 01-KL/TW"),
                    ("109-QĐ/TW", Some(K::QuyDinh), None, "Quy định số 109-QĐ/TW"),
                ],
            ),
            (
                "38-CT/TW vẫn còn nguyên giá trị; xem thêm 1970/KH-UBND",
                &[
                    ("38-CT/TW", Some(K::ChiThi), None, "38-CT/TW"),
                    ("1970/KH-UBND", Some(K::KeHoach), None, "1970/KH-UBND"),
                ],
            ),
            (
                "Hội nhắc lại các Nghị định 80/2020/NĐ-CP, 58/2022/NĐ-CP!",
                &[
                    (
                        "80/2020/NĐ-CP",
                        Some(K::NghiDinh),
                        None,
                        "Nghị định 80/2020/NĐ-CP",
                    ),
                    ("58/2022/NĐ-CP", Some(K::NghiDinh), None, "58/2022/NĐ-CP"),
                ],
            ),
            (
                "Theo Nghị định 80/2020/NĐ-CP ban hành quy chế mới, hội đăng ký lại.",
                &[(
                    "80/2020/NĐ-CP",
                    Some(K::NghiDinh),
                    None,
                    "Nghị định 80/2020/NĐ-CP",
                )],
            ),
            (
                "Về việc triển khai 20/2024/TT-BNG: xem phụ lục.",
                &[("20/2024/TT-BNG", Some(K::ThongTu), None, "20/2024/TT-BNG")],
            ),
            (
                "Thông tư 09/2014/TT-BTTTT\nNghị định 80/2020\n",
                &[
                    (
                        "09/2014/TT-BTTTT",
                        Some(K::ThongTu),
                        None,
                        "Thông tư 09/2014/TT-BTTTT",
                    ),
                    ("80/2020", Some(K::NghiDinh), None, "Nghị định 80/2020"),
                ],
            ),
            (
                "Sở Ngoại vụ có văn bản 2345/SNgV-LS ngày 3 tháng 10 năm 2024 gửi các huyện.",
                &[(
                    "2345/SNgV-LS",
                    Some(K::CongVan),
                    Some("2024-10-03"),
                    "2345/SNgV-LS ngày 3 tháng 10 năm 2024",
                )],
            ),
        ];
        let total: usize = cases.iter().map(|(_, e)| e.len()).sum();
        assert!(total >= 40, "{total} references");
        for (text, expected) in cases {
            check(text, expected);
        }
    }

    #[test]
    fn decomposed_text_is_read_like_precomposed() {
        let text =
            nfd("Căn cứ Nghị định số 58/2022/NĐ-CP ngày 29 tháng 8 năm 2022, hội đăng ký lại.");
        let found = find(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(shown(&found[0].reference), "58/2022/NĐ-CP");
        assert_eq!(found[0].kind, Some(K::NghiDinh));
        assert_eq!(found[0].date, NaiveDate::from_ymd_opt(2022, 8, 29));
        assert!(text[found[0].span.clone()].starts_with(&nfd("Nghị định")));
        assert!(text[found[0].span.clone()].ends_with("2022"));
    }

    #[test]
    fn look_alikes_are_no_citations() {
        let cases = [
            "Tổng kinh phí là 21.759.990.000 đồng.",
            "Kim ngạch hai chiều đạt 34,6 tỉ USD.",
            "Nhiệm kỳ 2022-2027 có nhiều đổi mới.",
            "Đại hội khóa III (2022–2027) thành công tốt đẹp.",
            "Giai đoạn 2023 - 2025 là giai đoạn bản lề.",
            "Lễ ký kết diễn ra ngày 19/9/2019 tại Cần Thơ.",
            "Hạn cuối là 22/02/2024.",
            "Ngày 19/9 hằng năm là ngày truyền thống.",
            "Sự kiện ngày 19-9-2019 và 19.9.2019 được ghi lại.",
            "Mọi thắc mắc xin gọi 0297 3000 123 hoặc 0297.3000.123.",
            "Đường dây nóng 0297-3000-123 hoạt động liên tục.",
            "Tổng đài phục vụ 24/7.",
            "Khả năng thắng là 50/50.",
            "Khoảng 1/2 số hộ đã thoát nghèo.",
            "Dịch COVID-19 đã được kiểm soát, không có ca H5N1.",
            "Đơn vị đạt chuẩn ISO 9001:2015.",
            "Đoàn đi theo Quốc lộ 80 về thành phố.",
            "Học sinh lớp 12/3 tham gia giao lưu.",
            "Xem https://example.vn/2020/05/ct-tw để biết thêm.",
            "Nhiệm kỳ khóa III (2022–2027).",
            "Chữ QĐ viết tắt của quyết định.",
            "Ký hiệu UBND-VX chỉ bộ phận văn xã.",
            "Hàng hóa có mã số 0101/ABC trong danh mục.",
            "Trụ sở tại số 18 đường Hữu Nghị.",
            "Buổi gặp mặt bắt đầu lúc 08:30.",
            "Máy bay F-16 bay qua bầu trời.",
            "Nghị định mới về viện trợ đang được lấy ý kiến.",
            "Kế hoạch năm học 2022/2023 đã được duyệt.",
            "Doanh thu tháng 5/2023 tăng mạnh.",
            "Xe biển số 65A-123.45 đỗ trước cổng.",
            "Phòng 12-A3 ở tầng 3/5.",
            "Giảm 10-15% chi phí, mỗi nhóm 3-4 người.",
            "Tiêm vắc xin ngày 1/5/2024 cho trẻ.",
            "Tiêm kỹ thuật Su-30MK2 và tên lửa S-300.",
            "",
            "12/",
            "80/2020/",
            "Nghị định số",
            "Kế hoạch 5/2023 của xã đã xong.",
            "Bình quân 2-3 triệu đồng/người/tháng.",
            "Quyết định số 5/mai sẽ họp lại.",
            "Tỷ lệ đạt 98,5%, tăng 1,2 điểm.",
        ];
        for text in cases {
            let found = find(text);
            assert!(
                found.is_empty(),
                "{text:?} gave {:?}",
                found
                    .iter()
                    .map(|c| &text[c.span.clone()])
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn parses_whole_numbers() {
        // (field, canonical, serial, year, symbol, kind, slug)
        type Row = (
            &'static str,
            &'static str,
            &'static str,
            Option<u16>,
            &'static str,
            Option<DocKind>,
            &'static str,
        );
        let cases: &[Row] = &[
            (
                "80/2020/NĐ-CP",
                "80/2020/NĐ-CP",
                "80",
                Some(2020),
                "NĐ-CP",
                Some(K::NghiDinh),
                "80-2020-nd-cp",
            ),
            (
                " 80/2020/nđ-cp ",
                "80/2020/NĐ-CP",
                "80",
                Some(2020),
                "NĐ-CP",
                Some(K::NghiDinh),
                "80-2020-nd-cp",
            ),
            (
                "09/2014/TT-BTTTT",
                "09/2014/TT-BTTTT",
                "09",
                Some(2014),
                "TT-BTTTT",
                Some(K::ThongTu),
                "09-2014-tt-btttt",
            ),
            (
                "202/2025/QH15",
                "202/2025/QH15",
                "202",
                Some(2025),
                "QH15",
                None,
                "202-2025-qh15",
            ),
            (
                "12 - CT/TW",
                "12-CT/TW",
                "12",
                None,
                "CT/TW",
                Some(K::ChiThi),
                "12-ct-tw",
            ),
            (
                "12–ct/tw",
                "12-CT/TW",
                "12",
                None,
                "CT/TW",
                Some(K::ChiThi),
                "12-ct-tw",
            ),
            (
                "07-TT/TW",
                "07-TT/TW",
                "07",
                None,
                "TT/TW",
                Some(K::ThongTri),
                "07-tt-tw",
            ),
            (
                "1970/KH-UBND",
                "1970/KH-UBND",
                "1970",
                None,
                "KH-UBND",
                Some(K::KeHoach),
                "1970-kh-ubnd",
            ),
            (
                "123/UBND-VX",
                "123/UBND-VX",
                "123",
                None,
                "UBND-VX",
                Some(K::CongVan),
                "123-ubnd-vx",
            ),
            (
                "1234/qđ-ttg",
                "1234/QĐ-TTg",
                "1234",
                None,
                "QĐ-TTg",
                Some(K::QuyetDinh),
                "1234-qd-ttg",
            ),
            (
                "08-QĐi/TW",
                "08-QĐi/TW",
                "08",
                None,
                "QĐi/TW",
                Some(K::QuyDinh),
                "08-qdi-tw",
            ),
            (
                "12/QyĐ-UBND",
                "12/QyĐ-UBND",
                "12",
                None,
                "QyĐ-UBND",
                Some(K::QuyDinh),
                "12-qyd-ubnd",
            ),
            (
                "5/Qđ-ubnd",
                "5/QĐ-UBND",
                "5",
                None,
                "QĐ-UBND",
                Some(K::QuyetDinh),
                "5-qd-ubnd",
            ),
            (
                "12/UBND",
                "12/UBND",
                "12",
                None,
                "UBND",
                Some(K::CongVan),
                "12-ubnd",
            ),
            (
                "2345/SNgV-LS",
                "2345/SNgV-LS",
                "2345",
                None,
                "SNgV-LS",
                Some(K::CongVan),
                "2345-sngv-ls",
            ),
        ];
        for &(field, canonical, serial, year, symbol, kind, slug) in cases {
            let number = DocNumber::parse(field).unwrap_or_else(|| panic!("{field:?}"));
            assert_eq!(number.as_str(), canonical, "{field:?}");
            assert_eq!(number.to_string(), canonical, "{field:?}");
            assert_eq!(number.serial(), serial, "{field:?}");
            assert_eq!(number.year(), year, "{field:?}");
            assert_eq!(number.symbol(), symbol, "{field:?}");
            assert_eq!(number.kind(), kind, "{field:?}");
            assert_eq!(number.slug(), slug, "{field:?}");
            assert_eq!(DocNumber::parse(canonical).as_ref(), Some(&number));
        }
        let not_numbers = [
            "",
            "  ",
            "80/2020",
            "Nghị định 80/2020/NĐ-CP",
            "80/2020/NĐ-CP ngày 1/1/2020",
            "12/3",
            "19/9/2019",
            "2022-2027",
            "UBND-VX",
            "12-XY/TW",
            "80/2020/NĐ-CPá",
            "80/3000/NĐ-CP",
            "1234567/QĐ-UBND",
            "12/ubnd",
            "5/mai",
        ];
        for field in not_numbers {
            assert_eq!(DocNumber::parse(field), None, "{field:?}");
        }
    }

    #[test]
    fn parses_kind_words() {
        let cases = [
            ("Nghị định", Some(K::NghiDinh)),
            ("nghi dinh", Some(K::NghiDinh)),
            ("Nghị Định", Some(K::NghiDinh)),
            ("NGHỊ ĐỊNH", Some(K::NghiDinh)),
            ("  Nghị   định ", Some(K::NghiDinh)),
            ("NĐ", Some(K::NghiDinh)),
            ("nđ", Some(K::NghiDinh)),
            ("Qui định", Some(K::QuyDinh)),
            ("QyĐ", Some(K::QuyDinh)),
            ("Thông tư liên tịch", Some(K::ThongTuLienTich)),
            ("TT", Some(K::ThongTu)),
            ("Thông tri", Some(K::ThongTri)),
            ("ĐA", Some(K::DeAn)),
            ("DA", Some(K::DuAn)),
            ("CTr", Some(K::ChuongTrinh)),
            ("Bộ luật", Some(K::Luat)),
            ("Văn bản", None),
            ("", None),
            ("ND-CP", None),
        ];
        for (text, kind) in cases {
            assert_eq!(DocKind::parse(text), kind, "{text:?}");
        }
        // Decomposed input, and the marks of "ị"/"ạ" typed before or after the circumflex's.
        assert_eq!(DocKind::parse(&nfd("Kế hoạch")), Some(K::KeHoach));
        assert_eq!(
            DocKind::parse("Ke\u{0323}\u{0302} hoa\u{0323}ch"),
            Some(K::KeHoach)
        );
        assert_eq!(DocKind::parse(&nfd("Hướng dẫn")), Some(K::HuongDan));
        // Old and new tone placement fold alike.
        assert_eq!(DocKind::parse("Thông báo hoà giải"), None);
        assert_eq!(DocKind::parse("Quỳ chế"), Some(K::QuyChe));
    }

    #[test]
    fn every_kind_has_one_consistent_row() {
        assert_eq!(DocKind::ALL.len(), KINDS.len());
        for (kind, row) in DocKind::ALL.iter().zip(KINDS) {
            assert_eq!(*kind, row.kind);
            assert_eq!(fold(row.name), row.words[0], "{kind:?}");
            assert_eq!(slugify(row.name), row.slug, "{kind:?}");
            assert_eq!(DocKind::parse(kind.name()), Some(*kind));
            assert_eq!(DocKind::parse(&kind.slug().replace('-', " ")), Some(*kind));
            if let Some(abbreviation) = kind.abbreviation() {
                let party = *kind == K::ThongTri;
                assert_eq!(
                    kind_of_abbreviation(abbreviation, party),
                    Some(*kind),
                    "{kind:?}"
                );
            }
        }
    }

    #[test]
    fn references_match_numbers() {
        let number = |text: &str| DocNumber::parse(text).unwrap_or_else(|| panic!("{text:?}"));
        let short = |kind, serial: &str, year| Reference::Short {
            kind,
            serial: serial.to_string(),
            year,
        };
        let cases = [
            (
                Reference::Number(number("80/2020/NĐ-CP")),
                "80/2020/NĐ-CP",
                true,
            ),
            (
                Reference::Number(number("9/2014/TT-BTTTT")),
                "09/2014/TT-BTTTT",
                true,
            ),
            (
                Reference::Number(number("80/2020/NĐ-CP")),
                "80/2021/NĐ-CP",
                false,
            ),
            (Reference::Number(number("12-CT/TW")), "12-KL/TW", false),
            // Typed without a Vietnamese keyboard, or in lower case after a kind word.
            (
                Reference::Number(number("80/2020/ND-CP")),
                "80/2020/NĐ-CP",
                true,
            ),
            (
                Reference::Number(number("308/QĐ-UBND")),
                "308/QD-UBND",
                true,
            ),
            (Reference::Number(number("12-CT/TW")), "12-CT/TU", false),
            (
                Reference::Number(number("1970/KH-UBND")),
                "1970/KH-UBND-VX",
                false,
            ),
            (short(K::NghiDinh, "80", 2020), "80/2020/NĐ-CP", true),
            (short(K::NghiDinh, "080", 2020), "80/2020/NĐ-CP", true),
            (short(K::NghiDinh, "80", 2020), "80/2020/TT-BTC", false),
            (short(K::NghiDinh, "80", 2021), "80/2020/NĐ-CP", false),
            (short(K::NghiDinh, "81", 2020), "80/2020/NĐ-CP", false),
            (short(K::Luat, "67", 2006), "67/2006/QH11", true),
            (short(K::NghiQuyet, "202", 2025), "202/2025/QH15", true),
            (short(K::QuyetDinh, "308", 2024), "308/QĐ-UBND", false),
        ];
        for (reference, text, expected) in cases {
            assert_eq!(
                reference.matches(&number(text)),
                expected,
                "{reference:?} {text}"
            );
        }
    }

    /// A seeded xorshift over pieces that sit near the grammar, so random text keeps hitting it.
    #[test]
    fn random_text_never_breaks_the_spans() {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "2",
            "12",
            "2020",
            " 80/2020/NĐ-CP",
            " 38-CT/TW",
            " 1970/KH-UBND",
            " 80/2020",
            " ngày 19/9/2019",
            "/2020/",
            "-CT/",
            " số ",
            "/",
            "/",
            "-",
            "–",
            "\u{2011}",
            " ",
            " ",
            "\u{a0}",
            ".",
            ",",
            ":",
            "NĐ",
            "CP",
            "TW",
            "CT",
            "QĐ",
            "TTg",
            "đ",
            "ị",
            "\u{0301}",
            "\u{0323}",
            "a",
            "Nghị định",
            "số",
            "Chỉ thị",
            "ngày",
            "tháng",
            "năm",
            "ban hành",
            "x",
            "Ư",
            "\n",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut citations = 0;
        for _ in 0..4000 {
            let len = next() % 40;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let mut previous_end = 0;
            let found = find(&text);
            citations += found.len();
            for citation in found {
                let Citation {
                    span,
                    number_span,
                    date_span,
                    reference,
                    ..
                } = &citation;
                for range in [Some(span), Some(number_span), date_span.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        range.start < range.end && range.end <= text.len(),
                        "{text:?}"
                    );
                    assert!(text.is_char_boundary(range.start), "{text:?}");
                    assert!(text.is_char_boundary(range.end), "{text:?}");
                    assert!(
                        span.start <= range.start && range.end <= span.end,
                        "{text:?}"
                    );
                }
                assert!(previous_end <= span.start, "{text:?}");
                previous_end = span.end;
                if let Reference::Number(number) = reference {
                    assert_eq!(DocNumber::parse(number.as_str()).as_ref(), Some(number));
                    assert_eq!(
                        DocNumber::parse(&text[number_span.clone()]).as_ref(),
                        Some(number),
                        "{text:?}"
                    );
                }
            }
        }
        // The pieces are chosen so that the grammar is exercised, not only skipped.
        assert!(citations > 100, "{citations} citations");
    }
}
