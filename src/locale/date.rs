//! Takes date text from front-matter (RFC 3339, ISO or Vietnamese day-first forms) and gives a
//! `DateTime<FixedOffset>` in the site's time zone; formats such values for Vietnamese readers.

use std::fmt::Write as _;

use chrono::format::{Item, StrftimeItems};
use chrono::offset::LocalResult;
use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone,
    Weekday,
};
use chrono_tz::Tz;

use crate::messages::{Lang, Message};
use crate::msg;

/// The forms `parse_date` accepts, one per line, each with an example; meant for `help:` lines.
pub const ACCEPTED_FORMATS: &[&str] = &[
    "27/05/2020 08:30 (DD/MM/YYYY HH:MM; seconds optional; 27/5/2020 also works)",
    "27/05/2020 (DD/MM/YYYY; a date alone means 00:00)",
    "27.05.2020 08:30 (DD.MM.YYYY HH:MM; time optional)",
    "27-05-2020 (DD-MM-YYYY; time optional)",
    "2020-05-27 (YYYY-MM-DD)",
    "2020-05-27 08:30 (YYYY-MM-DD HH:MM; seconds optional; T instead of the space also works)",
    "2020-05-27T08:30:00+07:00 (RFC 3339 with an offset; Z means UTC)",
];

/// Earliest and latest year `parse_date` accepts; outside this range a year is almost surely a typo.
const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 9999;

/// Why a date could not be read. Messages are short and plain because site authors read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    UnknownFormat,
    BadYear { year: String },
    BadMonth { month: u32 },
    NoSuchDay { day: u32, month: u32, year: i32 },
    BadTime { hour: u32, minute: u32, second: u32 },
    BadOffset,
    NonexistentLocalTime { local: String, tz: String },
    AmbiguousLocalTime { local: String, tz: String },
}

impl DateError {
    /// What is wrong with the date, in words.
    pub fn message(&self) -> Message {
        match self {
            DateError::Empty => msg!("content-date-empty"),
            DateError::UnknownFormat => msg!("content-date-unknown-format"),
            DateError::BadYear { year } => msg!("content-date-bad-year", year = year),
            DateError::BadMonth { month } => {
                msg!("content-date-bad-month", month = month.to_string())
            }
            // The month chooses its name, so it is a number (clamped, though a month out of
            // range is never built into `NoSuchDay`).
            DateError::NoSuchDay { day, month, year } => msg!(
                "content-date-no-such-day",
                day = day.to_string(),
                month = (*month).clamp(1, 12),
                year = year.to_string(),
                days = days_in_month(*year, *month).to_string()
            ),
            DateError::BadTime {
                hour,
                minute,
                second,
            } => msg!(
                "content-date-bad-time",
                time = format!("{hour:02}:{minute:02}:{second:02}")
            ),
            DateError::BadOffset => msg!("content-date-bad-offset"),
            DateError::NonexistentLocalTime { local, tz } => {
                msg!("content-date-nonexistent", local = local, tz = tz)
            }
            DateError::AmbiguousLocalTime { local, tz } => {
                msg!("content-date-ambiguous", local = local, tz = tz)
            }
        }
    }
}

/// The English words (`message` in English).
impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.text(&self.message()))
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a date as an author would write it and expresses it in `tz`'s offset.
///
/// Text without an offset is local time in `tz`; a date without a time is 00:00 local. Text with
/// an offset keeps its instant and is converted to `tz`.
pub fn parse_date(input: &str, tz: Tz) -> Result<DateTime<FixedOffset>, DateError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    // Non-ASCII (full-width digits, Vietnamese words) is never part of an accepted form.
    if !text.is_ascii() {
        return Err(DateError::UnknownFormat);
    }
    let parts = scan(text.as_bytes()).ok_or(DateError::UnknownFormat)?;
    let naive = validate(&parts)?;
    match parts.offset {
        Some(written) => {
            let offset = validate_offset(written)?;
            let instant = offset
                .from_local_datetime(&naive)
                .single()
                .ok_or(DateError::BadOffset)?;
            Ok(instant.with_timezone(&tz).fixed_offset())
        }
        None => match tz.from_local_datetime(&naive) {
            LocalResult::Single(dt) => Ok(dt.fixed_offset()),
            LocalResult::Ambiguous(_, _) => Err(DateError::AmbiguousLocalTime {
                local: naive.format("%d/%m/%Y %H:%M").to_string(),
                tz: tz.name().to_string(),
            }),
            LocalResult::None => Err(DateError::NonexistentLocalTime {
                local: naive.format("%d/%m/%Y %H:%M").to_string(),
                tz: tz.name().to_string(),
            }),
        },
    }
}

/// The pieces of a date in an accepted shape, not yet checked against the calendar.
#[derive(Debug, Default)]
struct Parts<'a> {
    year: &'a str,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    nano: u32,
    /// Offset as written (sign, hours, minutes), only in the ISO form; checked by `validate`.
    offset: Option<(i32, u32, u32)>,
}

/// Byte cursor over ASCII text; every method leaves the position unchanged when it fails.
struct Cursor<'a> {
    text: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, bytes: &[u8]) -> Option<u8> {
        let b = self.peek().filter(|b| bytes.contains(b))?;
        self.pos += 1;
        Some(b)
    }

    fn digit_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// A number of `min..=max` digits; longer or shorter runs are not this number.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.pos;
        let run = self.digit_run();
        if run.len() < min || run.len() > max {
            self.pos = start;
            return None;
        }
        Some(run.iter().fold(0, |n, &b| n * 10 + u32::from(b - b'0')))
    }

    /// Exactly two digits, even if more follow (offsets may be written without a colon).
    fn two_digits(&mut self) -> Option<u32> {
        match self.text.get(self.pos..self.pos + 2)? {
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                self.pos += 2;
                Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
            }
            _ => None,
        }
    }

    fn at_end(&self) -> bool {
        self.pos == self.text.len()
    }
}

/// Splits text into `Parts` if it has one of the accepted shapes; `None` means "unknown format".
fn scan(text: &[u8]) -> Option<Parts<'_>> {
    let mut c = Cursor { text, pos: 0 };
    let mut parts = Parts::default();
    let first = c.digit_run();
    let sep = c.eat_any(b"-/.")?;
    let iso = first.len() == 4 && sep == b'-';
    if iso {
        parts.year = std::str::from_utf8(first).ok()?;
        parts.month = c.number(1, 2)?;
        if !c.eat(b'-') {
            return None;
        }
        parts.day = c.number(1, 2)?;
    } else if (1..=2).contains(&first.len()) {
        parts.day = first.iter().fold(0, |n, &b| n * 10 + u32::from(b - b'0'));
        parts.month = c.number(1, 2)?;
        if !c.eat(sep) {
            return None;
        }
        // Any digit count is taken here so a two- or five-digit year gets a precise message.
        let year = c.digit_run();
        if year.is_empty() {
            return None;
        }
        parts.year = std::str::from_utf8(year).ok()?;
    } else {
        return None;
    }
    if c.at_end() {
        return Some(parts);
    }

    // Date and time are separated by spaces, or by a single T in the ISO form.
    let before = c.pos;
    while c.eat(b' ') || c.eat(b'\t') {}
    if c.pos == before && !(iso && c.eat_any(b"Tt").is_some()) {
        return None;
    }
    parts.hour = c.number(1, 2)?;
    if !c.eat(b':') {
        return None;
    }
    parts.minute = c.number(2, 2)?;
    if c.eat(b':') {
        parts.second = c.number(2, 2)?;
        if c.eat_any(b".,").is_some() {
            let frac = c.digit_run();
            if frac.is_empty() {
                return None;
            }
            // Nanoseconds: the first nine digits, right-padded; finer digits are dropped.
            let mut nano = 0;
            for i in 0..9 {
                nano = nano * 10 + frac.get(i).map_or(0, |&b| u32::from(b - b'0'));
            }
            parts.nano = nano;
        }
    }
    if iso {
        parts.offset = scan_offset(&mut c)?;
    }
    c.at_end().then_some(parts)
}

/// Reads an optional `Z` or `±HH:MM` (colon optional). Outer `None` = malformed.
fn scan_offset(c: &mut Cursor<'_>) -> Option<Option<(i32, u32, u32)>> {
    if c.eat_any(b"Zz").is_some() {
        return Some(Some((1, 0, 0)));
    }
    let sign = match c.eat_any(b"+-") {
        Some(b'+') => 1,
        Some(_) => -1,
        None => return Some(None),
    };
    let hours = c.two_digits()?;
    c.eat(b':');
    let minutes = c.number(2, 2)?;
    Some(Some((sign, hours, minutes)))
}

/// Checks an offset: FixedOffset allows up to 23:59 either way.
fn validate_offset((sign, hours, minutes): (i32, u32, u32)) -> Result<FixedOffset, DateError> {
    if hours > 23 || minutes > 59 {
        return Err(DateError::BadOffset);
    }
    // Both are two-digit numbers here, so the conversion cannot fail; map it anyway.
    let seconds = i32::try_from(hours * 3600 + minutes * 60).map_err(|_| DateError::BadOffset)?;
    FixedOffset::east_opt(sign * seconds).ok_or(DateError::BadOffset)
}

/// Checks the pieces against the calendar and the clock, in reading order: year, month, day, time.
fn validate(parts: &Parts<'_>) -> Result<NaiveDateTime, DateError> {
    let bad_year = || DateError::BadYear {
        year: parts.year.to_string(),
    };
    if parts.year.len() != 4 {
        return Err(bad_year());
    }
    let year: i32 = parts.year.parse().map_err(|_| bad_year())?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(bad_year());
    }
    if !(1..=12).contains(&parts.month) {
        return Err(DateError::BadMonth { month: parts.month });
    }
    let no_such_day = DateError::NoSuchDay {
        day: parts.day,
        month: parts.month,
        year,
    };
    if parts.day == 0 || parts.day > days_in_month(year, parts.month) {
        return Err(no_such_day);
    }
    let date = NaiveDate::from_ymd_opt(year, parts.month, parts.day).ok_or(no_such_day)?;
    let bad_time = DateError::BadTime {
        hour: parts.hour,
        minute: parts.minute,
        second: parts.second,
    };
    if parts.hour > 23 || parts.minute > 59 || parts.second > 59 {
        return Err(bad_time);
    }
    let time = NaiveTime::from_hms_nano_opt(parts.hour, parts.minute, parts.second, parts.nano)
        .ok_or(bad_time)?;
    Ok(date.and_time(time))
}

/// Full Vietnamese weekday name, as printed in date lines: Thứ Hai … Thứ Bảy, Chủ Nhật.
pub fn weekday_vi(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

/// Short weekday as on calendars and compact date lines: T2 … T7, CN.
fn weekday_vi_short(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "T2",
        Weekday::Tue => "T3",
        Weekday::Wed => "T4",
        Weekday::Thu => "T5",
        Weekday::Fri => "T6",
        Weekday::Sat => "T7",
        Weekday::Sun => "CN",
    }
}

/// Whether a date as written in front-matter says the time of day: every accepted form with a
/// time has a colon in it (`08:30`, `2020-05-27T08:30:00+07:00`), and none without one has.
pub fn has_time(written: &str) -> bool {
    written.contains(':')
}

/// Formats a day written without a time with a preset name or pattern, as `format_date` does
/// but leaving the time out: `full` "Thứ Tư, 27/05/2020", `datetime` "27/05/2020", `time`
/// nothing — a reader would take "00:00" for the time of the news. A pattern's time fields are
/// dropped with the separators around them.
pub fn format_day(day: NaiveDate, format: &str) -> String {
    let midnight = day
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
        .fixed_offset();
    match format {
        "full" => format!("{}, {}", weekday_vi(day.weekday()), day.format("%d/%m/%Y")),
        "datetime" | "date" => day.format("%d/%m/%Y").to_string(),
        "time" => String::new(),
        "iso" => day.format("%Y-%m-%d").to_string(),
        "rfc2822" | "weekday" | "long" | "month" | "dotted" => format_date(&midnight, format),
        pattern => {
            let without_time = ["%H", "%M", "%S", "%I", "%p", "%R", "%T", "%X", "%l", "%k"]
                .iter()
                .fold(pattern.to_string(), |p, field| p.replace(field, "\u{0}"));
            // A time field and the separators and spaces around it go together.
            let kept: String = without_time
                .split('\u{0}')
                .map(|part| part.trim_matches([':', ' ', '.']))
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            format_pattern(&midnight, kept.trim())
        }
    }
}

/// Formats `dt` with a preset name or a strftime pattern.
///
/// Presets: `full` "Thứ Tư, 27/05/2020 08:30", `datetime` "27/05/2020 08:30", `date` "27/05/2020",
/// `dotted` "27.05.2020", `time` "08:30", `weekday` "Thứ Tư", `long` "ngày 27 tháng 5 năm 2020",
/// `month` "tháng 5/2020", `iso` "2020-05-27T08:30:00+07:00", `rfc2822` (for RSS).
///
/// Anything else is a strftime pattern in which `%A` and `%a` give "Thứ Tư" and "T4". A pattern
/// chrono cannot read (say `%Q`) is returned unchanged: the page then shows the pattern itself,
/// which points the theme author at the mistake without failing the build.
pub fn format_date(dt: &DateTime<FixedOffset>, format: &str) -> String {
    let weekday = dt.weekday();
    match format {
        "full" => format!("{}, {}", weekday_vi(weekday), dt.format("%d/%m/%Y %H:%M")),
        "datetime" => dt.format("%d/%m/%Y %H:%M").to_string(),
        "date" => dt.format("%d/%m/%Y").to_string(),
        "dotted" => dt.format("%d.%m.%Y").to_string(),
        "time" => dt.format("%H:%M").to_string(),
        "weekday" => weekday_vi(weekday).to_string(),
        "long" => format!("ngày {} tháng {} năm {}", dt.day(), dt.month(), dt.year()),
        "month" => format!("tháng {}/{}", dt.month(), dt.year()),
        "iso" => dt.to_rfc3339_opts(SecondsFormat::Secs, false),
        // chrono panics on RFC 2822 years outside 0..=9999; such a date (only reachable by
        // converting 9999-12-31 with a western offset) falls back to RFC 3339.
        "rfc2822" if (0..=9999).contains(&dt.year()) => dt.to_rfc2822(),
        "rfc2822" => dt.to_rfc3339_opts(SecondsFormat::Secs, false),
        pattern => format_pattern(dt, pattern),
    }
}

fn format_pattern(dt: &DateTime<FixedOffset>, pattern: &str) -> String {
    let localised = localise_weekdays(pattern, dt.weekday());
    let items: Vec<Item<'_>> = StrftimeItems::new(&localised).collect();
    if items.iter().any(|item| matches!(item, Item::Error)) {
        return pattern.to_string();
    }
    // Writing into a String only fails if chrono's Display fails; `to_string` would panic then.
    let mut out = String::new();
    match write!(out, "{}", dt.format_with_items(items.iter())) {
        Ok(()) => out,
        Err(_) => pattern.to_string(),
    }
}

/// Replaces `%A` and `%a` (also with a padding flag such as `%-A`) by the Vietnamese names;
/// `%%` is copied as is so `%%A` stays a literal "%A".
fn localise_weekdays(pattern: &str, weekday: Weekday) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::from('%');
        if let Some(flag) = chars.next_if(|f| matches!(f, '-' | '_' | '0')) {
            spec.push(flag);
        }
        match chars.next() {
            Some('A') => out.push_str(weekday_vi(weekday)),
            Some('a') => out.push_str(weekday_vi_short(weekday)),
            Some(other) => {
                out.push_str(&spec);
                out.push(other);
            }
            None => out.push_str(&spec),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_without_a_time_is_shown_without_one() {
        let day = NaiveDate::from_ymd_opt(2020, 5, 27).unwrap();
        for (format, shown) in [
            ("full", "Thứ Tư, 27/05/2020"),
            ("datetime", "27/05/2020"),
            ("date", "27/05/2020"),
            ("time", ""),
            ("dotted", "27.05.2020"),
            ("long", "ngày 27 tháng 5 năm 2020"),
            ("iso", "2020-05-27"),
            ("%d/%m/%Y %H:%M", "27/05/2020"),
            ("%A, %H:%M %d/%m/%Y", "Thứ Tư, 27/05/2020"),
        ] {
            assert_eq!(format_day(day, format), shown, "{format}");
        }
        assert!(has_time("27/05/2020 08:30") && has_time("2020-05-27T08:30:00+07:00"));
        assert!(!has_time("27/05/2020") && !has_time("2020-05-27") && !has_time("27.05.2020"));
    }
    use chrono_tz::Asia::Ho_Chi_Minh;

    const HCM: Tz = Ho_Chi_Minh;

    fn iso(input: &str, tz: Tz) -> String {
        match parse_date(input, tz) {
            Ok(dt) => format_date(&dt, "iso"),
            Err(e) => format!("error: {e}"),
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
        match FixedOffset::east_opt(7 * 3600)
            .and_then(|o| o.with_ymd_and_hms(y, m, d, h, min, 0).single())
        {
            Some(dt) => dt,
            None => panic!("bad test date {y}-{m}-{d} {h}:{min}"),
        }
    }

    #[test]
    fn accepted_forms() {
        let cases = [
            ("2020-05-27T08:30:00+07:00", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27T01:30:00Z", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27t01:30:00z", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27 01:30:00Z", "2020-05-27T08:30:00+07:00"),
            (
                "2020-05-27T08:30:00.123456+07:00",
                "2020-05-27T08:30:00+07:00",
            ),
            ("2020-05-26T22:30:00-03:00", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27T08:30:00+0700", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27T08:30+07:00", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27", "2020-05-27T00:00:00+07:00"),
            ("2020-5-7", "2020-05-07T00:00:00+07:00"),
            ("2020-05-27 08:30", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27 08:30:15", "2020-05-27T08:30:15+07:00"),
            ("2020-05-27T08:30", "2020-05-27T08:30:00+07:00"),
            ("2020-05-27T08:30:15", "2020-05-27T08:30:15+07:00"),
            ("27/05/2020", "2020-05-27T00:00:00+07:00"),
            ("27/05/2020 08:30", "2020-05-27T08:30:00+07:00"),
            ("22/02/2024 12:00:00", "2024-02-22T12:00:00+07:00"),
            ("19/9/2019", "2019-09-19T00:00:00+07:00"),
            ("1/2/2024 8:05", "2024-02-01T08:05:00+07:00"),
            ("27.05.2020", "2020-05-27T00:00:00+07:00"),
            ("27.05.2020 08:30", "2020-05-27T08:30:00+07:00"),
            ("27-05-2020", "2020-05-27T00:00:00+07:00"),
            ("  27/05/2020   08:30  ", "2020-05-27T08:30:00+07:00"),
            ("29/02/2024", "2024-02-29T00:00:00+07:00"),
            ("29/02/2000", "2000-02-29T00:00:00+07:00"),
            ("31/12/9999 23:59:59", "9999-12-31T23:59:59+07:00"),
        ];
        for (input, want) in cases {
            assert_eq!(iso(input, HCM), want, "input {input:?}");
        }
    }

    #[test]
    fn result_uses_the_given_zone() {
        assert_eq!(
            iso("2020-05-27 08:30", chrono_tz::UTC),
            "2020-05-27T08:30:00+00:00"
        );
        assert_eq!(
            iso("2020-05-27T08:30:00+07:00", chrono_tz::Europe::Paris),
            "2020-05-27T03:30:00+02:00"
        );
        assert_eq!(
            iso("15/01/2024 12:00", chrono_tz::Europe::Paris),
            "2024-01-15T12:00:00+01:00"
        );
    }

    #[test]
    fn errors() {
        use DateError::*;
        let year = |y: &str| BadYear {
            year: y.to_string(),
        };
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("//", UnknownFormat),
            ("hôm qua", UnknownFormat),
            ("27 tháng 5 năm 2020", UnknownFormat),
            ("２０２０-05-27", UnknownFormat),
            ("2020/05/27", UnknownFormat),
            ("27/05-2020", UnknownFormat),
            ("27/05/2020T08:30", UnknownFormat),
            ("27/05/2020 08:30+07:00", UnknownFormat),
            ("2020-05-27 8h30", UnknownFormat),
            ("2020-05-27 08:3", UnknownFormat),
            ("2020-05-27 08:30:", UnknownFormat),
            ("2020-05-27 08:30:00.", UnknownFormat),
            ("2020-05-27T08:30:00+7", UnknownFormat),
            ("2020-05-27 junk", UnknownFormat),
            ("10:05 | 15/07/2023 GMT+7", UnknownFormat),
            ("123/05/2020", UnknownFormat),
            ("20200527", UnknownFormat),
            ("99/99/99999", year("99999")),
            ("27/05/20", year("20")),
            ("01/01/1899", year("1899")),
            ("0000-01-01", year("0000")),
            ("2024-13-01", BadMonth { month: 13 }),
            ("15/00/2024", BadMonth { month: 0 }),
            (
                "31/02/2024",
                NoSuchDay {
                    day: 31,
                    month: 2,
                    year: 2024,
                },
            ),
            (
                "29/02/2023",
                NoSuchDay {
                    day: 29,
                    month: 2,
                    year: 2023,
                },
            ),
            (
                "31.04.2024",
                NoSuchDay {
                    day: 31,
                    month: 4,
                    year: 2024,
                },
            ),
            (
                "2024-01-00",
                NoSuchDay {
                    day: 0,
                    month: 1,
                    year: 2024,
                },
            ),
            (
                "27/05/2020 25:61",
                BadTime {
                    hour: 25,
                    minute: 61,
                    second: 0,
                },
            ),
            (
                "2020-05-27T23:59:60Z",
                BadTime {
                    hour: 23,
                    minute: 59,
                    second: 60,
                },
            ),
            ("2020-05-27T08:30:00+24:00", BadOffset),
            ("2020-05-27T08:30:00+07:60", BadOffset),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input, HCM), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn error_messages_are_plain() {
        let cases = [
            (
                "31/02/2024",
                "there is no day 31 in February 2024, which has 29 days",
            ),
            (
                "31/04/2023",
                "there is no day 31 in April 2023, which has 30 days",
            ),
            ("2024-13-01", "there is no month 13: months go from 1 to 12"),
            (
                "27/05/2020 25:61",
                "25:61:00 is not a time of day: hours go from 0 to 23, minutes and seconds from 0 to 59",
            ),
            (
                "27/05/20",
                "the year must have four digits, from 1900 to 9999 (found “20”)",
            ),
        ];
        for (input, want) in cases {
            match parse_date(input, HCM) {
                Err(e) => assert_eq!(e.to_string(), want, "input {input:?}"),
                Ok(dt) => panic!("{input:?} parsed as {dt}"),
            }
        }
    }

    #[test]
    fn local_time_gaps_and_overlaps() {
        let paris = chrono_tz::Europe::Paris;
        // Clocks in Paris jumped from 02:00 to 03:00 on 31/03/2024 and went back on 27/10/2024.
        assert_eq!(
            parse_date("31/03/2024 02:30", paris),
            Err(DateError::NonexistentLocalTime {
                local: "31/03/2024 02:30".to_string(),
                tz: "Europe/Paris".to_string(),
            })
        );
        assert_eq!(
            parse_date("27/10/2024 02:30", paris),
            Err(DateError::AmbiguousLocalTime {
                local: "27/10/2024 02:30".to_string(),
                tz: "Europe/Paris".to_string(),
            })
        );
        // An explicit offset settles it.
        assert_eq!(
            iso("2024-10-27T02:30:00+01:00", paris),
            "2024-10-27T02:30:00+01:00"
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let fixed = [
            "".to_string(),
            "//".to_string(),
            "..".to_string(),
            "--".to_string(),
            "-".to_string(),
            "T".to_string(),
            "2024-".to_string(),
            "2024-1".to_string(),
            "2024-1-".to_string(),
            "1/".to_string(),
            "1/1/".to_string(),
            "9".repeat(10_000),
            format!("27/05/2020 {}", "1".repeat(5000)),
            format!("2020-05-27T08:30:00.{}Z", "9".repeat(5000)),
            "27/05/2020\u{a0}08:30".to_string(),
            "٢٧/٠٥/٢٠٢٠".to_string(),
            "2020-05-27T08:30:00+99:99".to_string(),
            "2020-05-27T08:30:00-00:00".to_string(),
            "9999-12-31T23:59:59-12:00".to_string(),
            "1900-01-01T00:00:00+14:00".to_string(),
            "\0".to_string(),
        ];
        for s in &fixed {
            let _ = parse_date(s, HCM);
        }
        // Deterministic pseudo-random strings over the characters that matter to the scanner.
        let alphabet: Vec<char> = "0123456789/-.: TtZz+,ặ9".chars().collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 28) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            if let Ok(dt) = parse_date(&s, HCM) {
                for f in ["full", "long", "iso", "rfc2822", "%A %a %d"] {
                    let _ = format_date(&dt, f);
                }
            }
        }
    }

    #[test]
    fn weekdays_are_computed() {
        let cases = [
            ("27/05/2020", "Thứ Tư"),
            ("25/11/2022", "Thứ Sáu"),
            ("22/02/2024", "Thứ Năm"),
            ("21/06/2024", "Thứ Sáu"),
            ("23/10/2017", "Thứ Hai"),
            ("26/05/2020", "Thứ Ba"),
            ("30/05/2020", "Thứ Bảy"),
            ("31/05/2020", "Chủ Nhật"),
        ];
        for (input, want) in cases {
            let dt = parse_date(input, HCM).map_err(|e| e.to_string());
            assert_eq!(
                dt.map(|d| format_date(&d, "weekday")),
                Ok(want.to_string()),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn presets() {
        let dt = at(2020, 5, 27, 8, 30);
        let cases = [
            ("full", "Thứ Tư, 27/05/2020 08:30"),
            ("datetime", "27/05/2020 08:30"),
            ("date", "27/05/2020"),
            ("dotted", "27.05.2020"),
            ("time", "08:30"),
            ("weekday", "Thứ Tư"),
            ("long", "ngày 27 tháng 5 năm 2020"),
            ("month", "tháng 5/2020"),
            ("iso", "2020-05-27T08:30:00+07:00"),
            ("rfc2822", "Wed, 27 May 2020 08:30:00 +0700"),
        ];
        for (format, want) in cases {
            assert_eq!(format_date(&dt, format), want, "format {format:?}");
        }
        assert_eq!(
            format_date(&at(2024, 1, 5, 0, 0), "long"),
            "ngày 5 tháng 1 năm 2024"
        );
    }

    #[test]
    fn strftime_patterns() {
        let dt = at(2020, 5, 27, 8, 30);
        let sunday = at(2020, 5, 31, 9, 45);
        let cases = [
            (&dt, "%A, %d/%m/%Y", "Thứ Tư, 27/05/2020"),
            (&dt, "%a %d/%m", "T4 27/05"),
            (&sunday, "%A", "Chủ Nhật"),
            (&sunday, "%a", "CN"),
            (&dt, "%-A|%_a", "Thứ Tư|T4"),
            (
                &dt,
                "%H:%M | %d/%m/%Y GMT%:z",
                "08:30 | 27/05/2020 GMT+07:00",
            ),
            (&dt, "%%A is %A", "%A is Thứ Tư"),
            (&dt, "%-d/%-m/%Y", "27/5/2020"),
            (&dt, "Ngày: %d.%m.%Y", "Ngày: 27.05.2020"),
            (&dt, "", ""),
            (&dt, "no pattern", "no pattern"),
        ];
        for (dt, pattern, want) in cases {
            assert_eq!(format_date(dt, pattern), want, "pattern {pattern:?}");
        }
    }

    #[test]
    fn bad_patterns_come_back_unchanged() {
        let dt = at(2020, 5, 27, 8, 30);
        for pattern in ["%Q", "%", "%A %", "abc %E", "%-", "%:"] {
            assert_eq!(format_date(&dt, pattern), pattern, "pattern {pattern:?}");
        }
    }

    #[test]
    fn rfc2822_out_of_range_year_does_not_panic() {
        let dt = parse_date("9999-12-31T23:00:00-12:00", HCM);
        let dt = dt.map(|d| format_date(&d, "rfc2822"));
        assert_eq!(dt, Ok("+10000-01-01T18:00:00+07:00".to_string()));
    }

    #[test]
    fn errors_read_in_both_languages() {
        let e = parse_date("29/02/2023", HCM).expect_err("no such day");
        assert_eq!(
            e.to_string(),
            "there is no day 29 in February 2023, which has 28 days"
        );
        assert_eq!(
            crate::messages::Lang::Vi.text(&e.message()),
            "tháng 2/2023 không có ngày 29: tháng này chỉ có 28 ngày"
        );
        let e = parse_date("27/13/2020", HCM).expect_err("no such month");
        assert_eq!(
            crate::messages::Lang::Vi.text(&e.message()),
            "không có tháng 13: tháng chỉ từ 1 đến 12"
        );
        let e = parse_date("27/05/2020 25:00", HCM).expect_err("no such hour");
        assert!(e.to_string().starts_with("25:00:00 is not a time of day"));
    }

    #[test]
    fn accepted_formats_all_parse() {
        for line in ACCEPTED_FORMATS {
            let example = line.split(" (").next().unwrap_or_default();
            assert!(
                parse_date(example, HCM).is_ok(),
                "help example {example:?} does not parse"
            );
        }
    }
}
