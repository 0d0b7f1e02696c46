//! `bantin serve`: takes the site folder and gives a live preview over HTTP. The site is built in
//! memory (never into the publish folder), rebuilt incrementally when a file changes, and every
//! open page reloads itself; a broken edit shows its errors over the last good pages.

pub(crate) mod cms_api;
pub mod counter;
pub(crate) mod http;
mod watch;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::{Duration, Instant};

use crate::build::{self, BuildError, Memo};
use crate::config::{Config, Overrides};
use crate::messages::{Lang, Message};
use crate::msg;
use crate::output::Origin;
use crate::problem::Problem;
use crate::provinces::Provinces;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub source: PathBuf,
    pub filter: crate::content::Filter,
    pub bind: String,
    /// 0 picks a free port.
    pub port: u16,
    /// Report each build's stage times (`Event::Built::timings`).
    pub timings: bool,
    /// The language of the error overlay and of `/__bantin/state`'s problems.
    pub lang: Lang,
    /// The Decap CMS tarball for the preview's `/admin/` (`BANTIN_DECAP_TARBALL`); `None`: the
    /// site's `.bantin-cache/`, else the npm registry, once.
    pub decap_tarball: Option<PathBuf>,
}

/// What the server reports to whoever runs it (the binary prints these; the library never does).
pub enum Event<'a> {
    Listening {
        url: String,
    },
    Built {
        elapsed: Duration,
        pages: usize,
        rerendered: usize,
        warnings: &'a [Problem],
        /// Each stage's time, when asked for (`ServeOptions::timings`).
        timings: Option<&'a build::Timings>,
    },
    Failed {
        problems: &'a [Problem],
    },
}

/// Why the preview could not start. `Display` is the English text; `message` gives it in any
/// language.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}", Lang::En.text(&self.message()))]
    Bind { addr: String, reason: String },
    #[error("{}", Lang::En.text(&self.message()))]
    Watch { path: PathBuf, reason: String },
}

impl ServeError {
    pub fn message(&self) -> Message {
        match self {
            ServeError::Bind { addr, reason } => {
                msg!("serve-bind", address = addr, reason = reason)
            }
            ServeError::Watch { path, reason } => msg!(
                "serve-watch",
                path = path.display().to_string(),
                reason = reason
            ),
        }
    }

    /// How to get past it, for the `help:` line.
    pub fn help_message(&self) -> Option<Message> {
        match self {
            ServeError::Bind { .. } => Some(msg!("serve-bind-help")),
            ServeError::Watch { .. } => None,
        }
    }
}

/// The site as the server currently serves it.
pub(crate) struct Snapshot {
    pub base_path: String,
    pub files: HashMap<String, Arc<[u8]>>,
    pub statics: BTreeMap<String, Origin>,
    /// The errors of the last build, shown over every page until fixed.
    pub error: Option<String>,
    /// What the terminal showed of the last build: its warnings, or all its problems when it
    /// failed (served as text at /__bantin/state).
    pub problems: Vec<Problem>,
    /// Counts finished builds (good or failed), served at /__bantin/version so that tools and
    /// tests can wait for a rebuild. A build whose search index is still being made (see
    /// `rebuild`) is finished when that index is in place.
    pub version: u64,
    /// Counts the builds swapped in, so that a late search index never replaces a newer one.
    pub builds: u64,
    /// The language the overlay and the state speak.
    pub lang: Lang,
    /// Each article's and page's address below the base path (`tin-tuc/a/`), by its source
    /// file (`content/tin-tuc/2026/a.md`), from the last good build: the CMS's preview links.
    pub addresses: HashMap<String, String>,
}

/// The browsers waiting for a reload.
pub(crate) type Clients = Arc<Mutex<Vec<mpsc::Sender<&'static str>>>>;

/// Serves until the process is stopped. Reports each build through `on_event`.
pub fn serve(
    options: &ServeOptions,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<(), ServeError> {
    let server = tiny_http::Server::http((options.bind.as_str(), options.port)).map_err(|e| {
        ServeError::Bind {
            addr: format!("{}:{}", options.bind, options.port),
            reason: e.to_string(),
        }
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(options.port, |a| a.port());
    let host = if options.bind == "0.0.0.0" {
        "127.0.0.1"
    } else {
        options.bind.as_str()
    };
    // What is understood of site.toml, even with mistakes elsewhere in it (the first build
    // shows them): the preview is served under the site's own path from the start.
    let (base_path, timezone) =
        Config::read(&options.source, &Overrides::default(), Provinces::builtin()).map_or_else(
            |_| ("/".to_string(), chrono_tz::Asia::Ho_Chi_Minh),
            |(c, _)| (c.base_path, c.timezone),
        );
    let counter = Arc::new(counter::Counter::new(timezone));
    let cms = Arc::new(cms_api::CmsApi::new(
        options.source.clone(),
        &options.bind,
        port,
    ));
    let build_options = build::Options {
        source: options.source.clone(),
        output: None,
        base_url: Some(format!("http://{host}:{port}{base_path}")),
        filter: options.filter,
        now: None,
        progress: None,
        keep_source_text: false,
        strict: false,
        foreign: crate::output::Foreign::Refuse,
        // The preview always offers the CMS, on its own local API (`cms::PREVIEW_API`).
        cms: crate::cms::Mode::Preview,
        decap_tarball: options.decap_tarball.clone(),
    };

    let snapshot = Arc::new(RwLock::new(Snapshot {
        base_path: base_path.clone(),
        files: HashMap::new(),
        statics: BTreeMap::new(),
        error: None,
        problems: Vec::new(),
        version: 0,
        builds: 0,
        lang: options.lang,
        addresses: HashMap::new(),
    }));
    let clients: Clients = Arc::new(Mutex::new(Vec::new()));
    let mut reuse = Memo::new();
    let search = Search::start(Arc::clone(&snapshot));
    let timed = options.timings;
    rebuild(
        &build_options,
        &mut reuse,
        &snapshot,
        &clients,
        &search,
        timed,
        on_event,
    );
    // After the first build, an edit's pages are served before its search index is remade.
    reuse.defer_search(true);

    let changes = watch::start(&options.source)?;
    // From here the watcher reports every change: files are looked at again only when reported.
    reuse.watching();
    {
        let snapshot = Arc::clone(&snapshot);
        let clients = Arc::clone(&clients);
        std::thread::spawn(move || http::run(server, snapshot, clients, counter, cms));
    }
    on_event(Event::Listening {
        url: format!("http://{host}:{port}{base_path}"),
    });
    // The watcher names changed files as the build does (`<source>/content/...`), whatever
    // folder the server was started from, so this forgets exactly the files that changed.
    while let Ok(paths) = changes.recv() {
        reuse.invalidate(paths.iter().map(PathBuf::as_path));
        rebuild(
            &build_options,
            &mut reuse,
            &snapshot,
            &clients,
            &search,
            timed,
            on_event,
        );
    }
    Ok(())
}

/// The search index held back by a build, made on one worker thread: saves in quick
/// succession make only the newest index, not one each side by side. Finished indexes come back
/// through `results`, for the next build to reuse.
struct Search {
    requests: mpsc::Sender<SearchRequest>,
    results: mpsc::Receiver<(u64, Vec<crate::output::Output>)>,
}

/// A build whose search index is still to be made.
struct SearchRequest {
    build_id: u64,
    fingerprint: u64,
    compiled: build::Compiled,
}

impl Search {
    fn start(snapshot: Arc<RwLock<Snapshot>>) -> Search {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let (done, results) = mpsc::channel();
        std::thread::spawn(move || {
            // Its own single thread, not the shared pool: a rebuild after the next save must not
            // queue behind the index's work.
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .thread_name(|_| "bantin-search".to_string())
                .build()
                .ok();
            while let Ok(mut request) = inbox.recv() {
                // Only the newest build's index is worth making.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let make = || build::search_index(&request.compiled);
                let files = match &pool {
                    Some(pool) => pool.install(make),
                    None => make(),
                };
                if let Ok(mut s) = snapshot.write()
                    && s.builds == request.build_id
                {
                    s.files
                        .retain(|path, _| !path.starts_with(crate::route::SEARCH_INDEX));
                    s.files
                        .extend(files.iter().map(|o| (o.path.clone(), Arc::clone(&o.bytes))));
                    s.version += 1;
                }
                if done.send((request.fingerprint, files)).is_err() {
                    return;
                }
            }
        });
        Search { requests, results }
    }
}

/// Builds, swaps the served site (or keeps it and records the errors), and reloads the browsers.
///
/// When articles changed, the pages are swapped in and the browsers reloaded at once, with the
/// last search index; the new index is made on another thread and put in place when ready (a
/// second or so at 10,000 articles), and only then does `version` count the build as finished.
fn rebuild(
    options: &build::Options,
    reuse: &mut Memo,
    snapshot: &Arc<RwLock<Snapshot>>,
    clients: &Clients,
    search: &Search,
    timed: bool,
    on_event: &mut dyn FnMut(Event<'_>),
) {
    let started = Instant::now();
    let timings = build::Timings::default();
    if let Some((fingerprint, files)) = search.results.try_iter().last() {
        reuse.set_search(fingerprint, files);
    }
    match build::compile_timed(options, reuse, &timings) {
        Ok(compiled) => {
            let files: HashMap<String, Arc<[u8]>> = timings.time(build::STAGE_SERVE_INDEX, || {
                compiled
                    .files
                    .iter()
                    .map(|o| (o.path.clone(), Arc::clone(&o.bytes)))
                    .collect()
            });
            let pending = compiled.search_pending;
            let addresses = addresses(&compiled.index);
            let mut build_id = 0;
            let old = timings
                .time(build::STAGE_SERVE_SWAP, || snapshot.write().ok())
                .map(|mut s| {
                    s.base_path = compiled.config.base_path.clone();
                    s.error = None;
                    s.problems = compiled.warnings.clone();
                    s.addresses = addresses;
                    s.builds += 1;
                    build_id = s.builds;
                    if pending.is_none() {
                        s.version += 1;
                    }
                    (
                        std::mem::replace(&mut s.files, files),
                        std::mem::replace(&mut s.statics, compiled.statics.clone()),
                    )
                });
            let pages = compiled.pages;
            let elapsed = started.elapsed();
            on_event(Event::Built {
                elapsed,
                pages,
                rerendered: reuse.stats.rerendered,
                warnings: &compiled.warnings,
                timings: timed.then_some(&timings),
            });
            // Freeing a large site takes a while; the next save should not wait for it.
            match pending {
                Some(fingerprint) => {
                    std::thread::spawn(move || drop(old));
                    let request = SearchRequest {
                        build_id,
                        fingerprint,
                        compiled,
                    };
                    // The worker lives as long as the server; if it is gone, so is the index.
                    let _ = search.requests.send(request);
                }
                None => {
                    std::thread::spawn(move || drop((old, compiled)));
                }
            }
        }
        Err(BuildError::Site(problems)) => {
            if let Ok(mut s) = snapshot.write() {
                s.error = Some(report(&problems, s.lang));
                s.problems = problems.clone();
                s.version += 1;
            }
            on_event(Event::Failed {
                problems: &problems,
            });
        }
        Err(BuildError::Output(e)) => {
            let mut problem = Problem::error("serve::build", e.message());
            if let Some(help) = e.help_message() {
                problem = problem.help(help);
            }
            if let Ok(mut s) = snapshot.write() {
                s.error = Some(problem.shown(s.lang).to_string());
                s.problems = vec![problem.clone()];
                s.version += 1;
            }
            on_event(Event::Failed {
                problems: &[problem],
            });
        }
    }
    if let Ok(mut list) = clients.lock() {
        list.retain(|client| client.send("reload").is_ok());
    }
}

/// Each published article's and page's address by its source file (see `Snapshot::addresses`).
fn addresses(index: &crate::model::Index) -> HashMap<String, String> {
    let articles = index
        .articles
        .iter()
        .filter(|a| !a.path.is_empty())
        .map(|a| (a.file.path.clone(), a.path.clone()));
    let pages = index
        .pages
        .iter()
        .map(|p| (p.file.path.clone(), crate::route::page(&p.path)));
    articles.chain(pages).collect()
}

/// The problems as plain text, as the terminal shows them, for the browser overlay.
fn report(problems: &[Problem], lang: Lang) -> String {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    let mut text = String::new();
    for problem in problems.iter().filter(|p| p.is_error()) {
        text.push_str(&problem.report(lang, &handler));
        text.push('\n');
    }
    text
}
