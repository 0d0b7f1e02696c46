//! Takes the site's external (http/https) link addresses and gives the ones that are broken: each
//! distinct address is fetched once (HEAD, then GET if HEAD is refused), 8 at a time, with a
//! 10-second budget per request, following redirects; 2xx and 3xx answers are fine. Answers are
//! kept in `<source>/.bantin-cache/links.json` and reused for 24 hours, so a repeated check is
//! fast; network errors (timeouts, unknown hosts) are not kept, the next check tries again.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::messages::Message;
use crate::msg;

/// The cache of answers, below the site's folder.
pub const CACHE_FILE: &str = ".bantin-cache/links.json";
/// How long a cached answer is trusted.
pub const CACHE_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);
/// Requests in flight at once: enough to hide latency, few enough to be polite to one host.
const THREADS: usize = 8;
/// Budget of one request, from DNS lookup to the response headers, redirects included.
const TIMEOUT: Duration = Duration::from_secs(10);
const CACHE_VERSION: u32 = 1;

/// Answers of earlier checks, by address (without `#fragment`).
#[derive(Debug, Serialize, Deserialize)]
pub struct Cache {
    version: u32,
    links: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    status: u16,
    checked_at: DateTime<Utc>,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            version: CACHE_VERSION,
            links: BTreeMap::new(),
        }
    }
}

impl Cache {
    /// The cache at `path`; empty when it is missing, unreadable or from another version (it is
    /// only a cache: the links are fetched again).
    pub fn load(path: &Path) -> Cache {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Cache>(&bytes).ok())
            .filter(|c| c.version == CACHE_VERSION)
            .unwrap_or_default()
    }

    /// Writes the cache (atomically: a temporary file renamed over the old one). The folder gets
    /// a `.gitignore` of its own, so the cache is never committed by accident.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
            let ignore = dir.join(".gitignore");
            if !ignore.exists() {
                std::fs::write(ignore, "*\n")?;
            }
        }
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        let tmp = path.with_extension(format!("json.tmp-{}", std::process::id()));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    fn fresh(&self, url: &str, now: DateTime<Utc>) -> Option<u16> {
        let entry = self.links.get(url)?;
        entry.is_fresh(now).then_some(entry.status)
    }
}

impl Entry {
    /// Checked less than `CACHE_MAX_AGE` ago (and not in the future: a clock set back).
    fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        now.signed_duration_since(self.checked_at)
            .to_std()
            .is_ok_and(|age| age < CACHE_MAX_AGE)
    }
}

/// What a server said about an address.
#[derive(Debug, Clone)]
pub enum Answer {
    Status(u16),
    /// No HTTP answer: the error, in words.
    Failed(Message),
}

impl Answer {
    fn is_ok(&self) -> bool {
        matches!(self, Answer::Status(s) if (200..400).contains(s))
    }

    pub fn label(&self) -> Message {
        match self {
            Answer::Status(status) => {
                let reason = ureq::http::StatusCode::from_u16(*status)
                    .ok()
                    .and_then(|s| s.canonical_reason());
                match reason {
                    // The reason phrase is HTTP's own (English) wording.
                    Some(reason) => msg!(
                        "check-external-status-reason",
                        status = status.to_string(),
                        reason = reason
                    ),
                    None => msg!("check-external-status", status = status.to_string()),
                }
            }
            Answer::Failed(_) => msg!("check-external-failed-label"),
        }
    }

    pub fn help(&self) -> Message {
        match self {
            Answer::Status(_) => msg!("check-external-status-help", cache = CACHE_FILE),
            Answer::Failed(error) => msg!("check-external-failed-help", error = error.clone()),
        }
    }
}

/// The outcome for a set of addresses.
#[derive(Debug, Default)]
pub struct Checked {
    /// Broken addresses (cache keys) and what was wrong.
    pub broken: HashMap<String, Answer>,
    /// Distinct addresses answered from the cache.
    pub from_cache: usize,
}

/// The address a request goes to: without the `#fragment`, which never reaches the server.
pub fn cache_key(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// Checks every distinct address in `urls`, from the cache when it is fresh, and records the new
/// answers in `cache` (dropping entries that are too old).
pub fn check_all(urls: &[&str], cache: &mut Cache, now: DateTime<Utc>) -> Checked {
    let unique: BTreeSet<&str> = urls.iter().map(|u| cache_key(u)).collect();
    let mut checked = Checked::default();
    let mut to_fetch = Vec::new();
    for url in unique {
        match cache.fresh(url, now) {
            Some(status) => {
                checked.from_cache += 1;
                let answer = Answer::Status(status);
                if !answer.is_ok() {
                    checked.broken.insert(url.to_string(), answer);
                }
            }
            None => to_fetch.push(url),
        }
    }
    cache.links.retain(|_, entry| entry.is_fresh(now));
    let answers = fetch_all(&to_fetch);
    for (url, answer) in to_fetch.into_iter().zip(answers) {
        if let Answer::Status(status) = answer {
            cache.links.insert(
                url.to_string(),
                Entry {
                    status,
                    checked_at: now,
                },
            );
        }
        if !answer.is_ok() {
            checked.broken.insert(url.to_string(), answer);
        }
    }
    checked
}

/// Fetches every address, `THREADS` at a time; the answers are in the order of `urls`.
fn fetch_all(urls: &[&str]) -> Vec<Answer> {
    if urls.is_empty() {
        return Vec::new();
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!(
            "bantin/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let mut answers: Vec<Answer> =
        vec![Answer::Failed(msg!("check-external-not-checked")); urls.len()];
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS.min(urls.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(url) = urls.get(i) else { break };
                        done.push((i, fetch(&agent, url)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, answer) in worker.join().unwrap_or_default() {
                answers[i] = answer;
            }
        }
    });
    answers
}

/// HEAD first (no body to download); servers that refuse or mishandle HEAD — 405 and 501, but
/// also many that answer 403 or 404 to HEAD alone — get a GET before the link is called broken.
fn fetch(agent: &ureq::Agent, url: &str) -> Answer {
    let head = match agent.head(url).call() {
        Ok(response) => Answer::Status(response.status().as_u16()),
        Err(e) => return Answer::Failed(describe(&e)),
    };
    if head.is_ok() {
        return head;
    }
    // The body is not read: the status is all we need, and dropping it closes the connection.
    match agent.get(url).call() {
        Ok(response) => Answer::Status(response.status().as_u16()),
        Err(e) => Answer::Failed(describe(&e)),
    }
}

fn describe(error: &ureq::Error) -> Message {
    match error {
        ureq::Error::Timeout(_) => msg!("check-external-timeout", seconds = TIMEOUT.as_secs()),
        ureq::Error::HostNotFound => msg!("check-external-no-host"),
        ureq::Error::TooManyRedirects => msg!("check-external-redirects"),
        // The HTTP library's own words.
        other => msg!("check-external-error", error = other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_entries_expire_after_a_day() {
        let now = Utc::now();
        let mut cache = Cache::default();
        cache.links.insert(
            "https://a.example/".into(),
            Entry {
                status: 404,
                checked_at: now - chrono::Duration::hours(23),
            },
        );
        cache.links.insert(
            "https://b.example/".into(),
            Entry {
                status: 200,
                checked_at: now - chrono::Duration::hours(25),
            },
        );
        assert_eq!(cache.fresh("https://a.example/", now), Some(404));
        assert_eq!(cache.fresh("https://b.example/", now), None);
        assert_eq!(cache_key("https://a.example/x#y"), "https://a.example/x");
    }

    #[test]
    fn answers_in_2xx_and_3xx_are_fine() {
        for (answer, ok) in [
            (Answer::Status(200), true),
            (Answer::Status(301), true),
            (Answer::Status(404), false),
            (Answer::Status(500), false),
            (Answer::Failed(msg!("check-external-no-host")), false),
        ] {
            assert_eq!(answer.is_ok(), ok, "{answer:?}");
        }
        assert_eq!(
            crate::messages::Lang::En.text(&Answer::Status(404).label()),
            "the server answered 404 Not Found"
        );
        assert_eq!(
            crate::messages::Lang::Vi.text(&Answer::Status(404).label()),
            "máy chủ trả lời mã 404 (Not Found)"
        );
    }
}
