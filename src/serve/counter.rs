//! Takes the preview's page views (the theme's "Thống kê truy cập" box posting to
//! `/__bantin/counter`) and gives the counts of the counter contract (docs/counter.md): online,
//! today, week, month and total. Kept in memory for one `bantin serve` run, so editors see the
//! box working with real numbers; nothing is written to disk.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::messages::{Lang, Message};
use crate::msg;

/// A reader is online while their last page view is this recent.
const ONLINE_FOR: Duration = Duration::minutes(5);
/// A page view after this long a pause starts a new visit.
const VISIT_GAP: Duration = Duration::minutes(30);
/// Session ids are random tokens from the widget; anything longer is not one of ours.
const MAX_SESSION_LEN: usize = 64;

/// What the widget posts (docs/counter.request.schema.json).
#[derive(Debug, Deserialize)]
pub struct Hit {
    pub session: String,
    #[serde(default)]
    pub page: Option<String>,
}

/// What the service answers (docs/counter.response.schema.json).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub online: u64,
    pub today: u64,
    pub week: u64,
    pub month: u64,
    pub total: u64,
}

#[derive(Default)]
struct State {
    /// Last page view of each session.
    last_seen: HashMap<String, DateTime<Utc>>,
    /// When each visit started, oldest first.
    visits: Vec<DateTime<Utc>>,
}

pub struct Counter {
    /// Days and weeks begin at midnight in the site's time zone.
    timezone: Tz,
    state: Mutex<State>,
}

/// Why a hit was refused. `Display` is the English text; `message` gives it in any language.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum HitError {
    /// The JSON parser's own words.
    #[error("{}", Lang::En.text(&self.message()))]
    NotJson(String),
    #[error("{}", Lang::En.text(&self.message()))]
    BadSession,
}

impl HitError {
    pub fn message(&self) -> Message {
        match self {
            HitError::NotJson(error) => msg!("serve-counter-not-json", error = error),
            HitError::BadSession => msg!("serve-counter-bad-session"),
        }
    }
}

impl Counter {
    pub fn new(timezone: Tz) -> Self {
        Counter {
            timezone,
            state: Mutex::new(State::default()),
        }
    }

    /// Parses a request body; the widget sends `text/plain` JSON so a cross-site service needs
    /// no CORS preflight, hence no trust in the content type.
    pub fn parse(body: &[u8]) -> Result<Hit, HitError> {
        let hit: Hit =
            serde_json::from_slice(body).map_err(|e| HitError::NotJson(e.to_string()))?;
        let ok = (8..=MAX_SESSION_LEN).contains(&hit.session.len())
            && hit
                .session
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if ok {
            Ok(hit)
        } else {
            Err(HitError::BadSession)
        }
    }

    /// Records a page view at `now` and gives the counts after it.
    pub fn record(&self, hit: &Hit, now: DateTime<Utc>) -> Counts {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let new_visit = state
            .last_seen
            .get(&hit.session)
            .is_none_or(|&last| now - last > VISIT_GAP);
        if new_visit {
            state.visits.push(now);
        }
        state.last_seen.insert(hit.session.clone(), now);
        // Forget sessions nobody will continue, so a long preview does not grow without end.
        state
            .last_seen
            .retain(|_, &mut last| now - last <= VISIT_GAP);
        self.counts_of(&state, now)
    }

    /// The counts at `now`, recording nothing.
    pub fn counts(&self, now: DateTime<Utc>) -> Counts {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        self.counts_of(&state, now)
    }

    fn counts_of(&self, state: &State, now: DateTime<Utc>) -> Counts {
        let local = now.with_timezone(&self.timezone).date_naive();
        let week_start = local - Duration::days(i64::from(local.weekday().num_days_from_monday()));
        let since = |pred: &dyn Fn(chrono::NaiveDate) -> bool| {
            state
                .visits
                .iter()
                .filter(|v| pred(v.with_timezone(&self.timezone).date_naive()))
                .count() as u64
        };
        Counts {
            online: state
                .last_seen
                .values()
                .filter(|&&last| now - last <= ONLINE_FOR)
                .count() as u64,
            today: since(&|d| d == local),
            week: since(&|d| d >= week_start && d <= local),
            month: since(&|d| d.year() == local.year() && d.month() == local.month()),
            total: state.visits.len() as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("test time")
            .with_timezone(&Utc)
    }

    fn hit(session: &str) -> Hit {
        Hit {
            session: session.to_string(),
            page: Some("/".to_string()),
        }
    }

    #[test]
    fn visits_sessions_and_calendar_periods() {
        let counter = Counter::new(chrono_tz::Asia::Ho_Chi_Minh);
        // Saturday 31 Oct 2026, 23:50 in Vietnam: last day of the month, same ISO week as Sunday.
        counter.record(&hit("aaaaaaaa"), at("2026-10-31T23:50:00+07:00"));
        // Sunday 1 Nov 00:10: new day and month, same week; a second reader.
        counter.record(&hit("bbbbbbbb"), at("2026-11-01T00:10:00+07:00"));
        // The first reader again 20 minutes after their last view: the same visit.
        let c = counter.record(&hit("aaaaaaaa"), at("2026-11-01T00:10:00+07:00"));
        assert_eq!(
            c,
            Counts {
                online: 2,
                today: 1,
                week: 2,
                month: 1,
                total: 2
            }
        );
        // Monday 2 Nov: a new week. Reader a comes back after a long pause: a new visit.
        let c = counter.record(&hit("aaaaaaaa"), at("2026-11-02T08:00:00+07:00"));
        assert_eq!(
            c,
            Counts {
                online: 1,
                today: 1,
                week: 1,
                month: 2,
                total: 3
            }
        );
        // Reading the counts six minutes later records nothing and nobody is online.
        let c = counter.counts(at("2026-11-02T08:06:00+07:00"));
        assert_eq!((c.online, c.total), (0, 3));
    }

    #[test]
    fn bodies_that_are_not_a_hit_are_refused() {
        assert!(Counter::parse(br#"{"session":"a1b2c3d4-e5f6","page":"/"}"#).is_ok());
        assert!(Counter::parse(br#"{"session":"a1b2c3d4"}"#).is_ok());
        assert_eq!(
            Counter::parse(br#"{"session":"short"}"#).unwrap_err(),
            HitError::BadSession
        );
        assert_eq!(
            Counter::parse(br#"{"session":"<script>alert(1)</script>"}"#).unwrap_err(),
            HitError::BadSession
        );
        assert!(matches!(
            Counter::parse(b"not json"),
            Err(HitError::NotJson(_))
        ));
        assert!(matches!(
            Counter::parse(br#"{"page":"/"}"#),
            Err(HitError::NotJson(_))
        ));
    }
}
