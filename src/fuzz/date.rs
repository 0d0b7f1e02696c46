//! Fuzz target `date`: takes date text as authors write it in front-matter and gives it to
//! `locale::date::parse_date` in the site's time zone and in zones with clock changes. A date
//! read is in that zone's offset and reads back from its own RFC 3339 and day-first forms; an
//! error's message never panics; text that is not ASCII is never a date.

use chrono::{DateTime, Datelike, FixedOffset, Offset, SecondsFormat, TimeZone, Timelike};
use chrono_tz::Tz;

use crate::locale::date::{DateError, format_date, parse_date};

use super::Target;

const TARGET: Target = Target {
    name: "date",
    tokens: &[
        "/",
        "-",
        ".",
        ":",
        " ",
        "T",
        "t",
        "Z",
        "z",
        "+07:00",
        "-12:00",
        "+14:00",
        "+23:59",
        "+24:00",
        "+0700",
        "+07",
        ".123",
        ",5",
        ".000000001999",
        ":60",
        "24:00",
        "29/02",
        "31/04",
        "00",
        "2024",
        "1900",
        "9999",
        "0000",
        "\t",
        "  ",
        "SA",
        "CH",
        "ngày",
        "tháng",
        "năm",
        "\u{FF12}",
        "٣",
    ],
    max_len: 256,
};

/// Zones a site may set: its own, UTC, and zones whose clocks jump (gaps and repeated hours)
/// or that skipped a whole day (Apia, 30/12/2011).
const ZONES: &[Tz] = &[
    chrono_tz::Asia::Ho_Chi_Minh,
    chrono_tz::UTC,
    chrono_tz::Europe::Berlin,
    chrono_tz::America::New_York,
    chrono_tz::Pacific::Apia,
    chrono_tz::Australia::Lord_Howe,
];

fn check(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for &tz in ZONES {
        match parse_date(&text, tz) {
            Ok(date) => {
                assert!(text.trim().is_ascii(), "{text:?} read as {date}");
                let expected = tz.offset_from_utc_datetime(&date.naive_utc()).fix();
                assert_eq!(
                    *date.offset(),
                    expected,
                    "{text:?} in {tz} gave {date}, not in the zone's offset"
                );
                reads_back(&text, tz, date);
                let _ = format_date(&date, "%A %d/%m/%Y %H:%M");
            }
            Err(error) => {
                let _ = error.to_string();
            }
        }
    }
}

/// The date's RFC 3339 form in UTC gives the same instant (not its own offset's form: chrono
/// writes offsets in whole minutes, and Asia/Ho_Chi_Minh was +07:06:30 until 1906); so does its
/// day-first local form, unless the clocks went back over it (then that form is rightly
/// ambiguous). Each only within the years `parse_date` takes.
fn reads_back(text: &str, tz: Tz, date: DateTime<FixedOffset>) {
    let utc = date.to_utc();
    if (1900..=9999).contains(&utc.year()) {
        let rfc = utc.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        assert_eq!(
            parse_date(&rfc, tz),
            Ok(date),
            "{text:?} in {tz}: its own {rfc:?} reads differently"
        );
    }
    if !(1900..=9999).contains(&date.year()) {
        return;
    }
    let local = format!(
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
        date.day(),
        date.month(),
        date.year(),
        date.hour(),
        date.minute(),
        date.second()
    );
    let whole_seconds = date.with_nanosecond(0).unwrap_or(date);
    match parse_date(&local, tz) {
        Ok(again) => assert_eq!(again, whole_seconds, "{text:?} in {tz}: {local:?}"),
        Err(DateError::AmbiguousLocalTime { .. }) => {}
        Err(e) => panic!("{text:?} in {tz}: {local:?} does not read back: {e}"),
    }
}

#[test]
fn saved() {
    super::replay(&TARGET, check);
}

#[test]
fn random() {
    super::random(&TARGET, check);
}
