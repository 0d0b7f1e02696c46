//! The pipeline, top to bottom: site.toml → Config; content/ → articles and pages; → Index;
//! → render jobs; → pages; → the output folder, swapped in only when everything succeeded.

use std::path::PathBuf;
use std::time::Instant;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use rayon::prelude::*;

use chrono::{DateTime, FixedOffset, Utc};

use crate::config::{Config, Overrides};
use crate::content::{self, Filter};
use crate::markdown::Highlighter;
use crate::model::Index;
use crate::model::provinces::Provinces;
use crate::output::{Foreign, OutputError, Staging, Written};
use crate::problem::Problem;
use crate::render::theme::{Origin, Theme};
use crate::render::{self, Output, Renderer};

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site's folder (holding site.toml).
    pub source: PathBuf,
    /// Defaults to `<source>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub filter: Filter,
    /// The time that decides what is published; `None` is now.
    pub now: Option<DateTime<FixedOffset>>,
    /// Told how far each long stage has got, for a progress display.
    pub progress: Option<Progress>,
    /// Keep each content file's whole text in memory. `bantin check` needs it (its problems
    /// point into article bodies); a build keeps only the front-matter, which is all its own
    /// problems point at, and not the Markdown of every article twice.
    pub keep_source_text: bool,
    /// What to do with files in the output folder that bantin did not write.
    pub foreign: Foreign,
}

/// The long stages of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    /// Pages are rendered and written; a build holds none of them.
    Rendering,
}

/// A callback told `(stage, done, total)`; called from several threads at once.
#[derive(Clone)]
pub struct Progress(pub Arc<dyn Fn(Stage, usize, usize) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Progress {
    /// A counter for one stage: each `tick` reports one more item done.
    fn stage(progress: Option<&Progress>, stage: Stage, total: usize) -> Ticker<'_> {
        if let Some(p) = progress {
            (p.0)(stage, 0, total);
        }
        Ticker {
            progress,
            stage,
            total,
            done: AtomicUsize::new(0),
        }
    }
}

struct Ticker<'a> {
    progress: Option<&'a Progress>,
    stage: Stage,
    total: usize,
    done: AtomicUsize,
}

impl Ticker<'_> {
    fn tick(&self) {
        if let Some(p) = self.progress {
            let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
            (p.0)(self.stage, done, self.total);
        }
    }
}

/// How long each stage of a build took, in the order they ended, and the process's resident
/// memory when it ended.
#[derive(Debug, Default)]
pub struct Timings(std::sync::Mutex<Vec<StageTime>>);

/// One stage of a build.
#[derive(Debug, Clone)]
pub struct StageTime {
    pub name: &'static str,
    pub took: std::time::Duration,
    /// Resident memory (bytes) when the stage ended, where the system tells it (Linux).
    pub resident: Option<u64>,
}

impl Timings {
    /// Runs `f` as the stage `name`.
    fn time<T>(&self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let result = f();
        let stage = StageTime {
            name,
            took: started.elapsed(),
            resident: resident_memory(),
        };
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(stage);
        result
    }

    /// The stages and their times.
    pub fn stages(&self) -> Vec<StageTime> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// This process's resident memory in bytes (Linux: /proc/self/statm, in pages of 4 KiB).
fn resident_memory() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    /// HTML pages rendered from the theme's templates.
    pub pages: usize,
    /// Feeds, sitemaps, robots.txt, `_redirects` and redirect pages.
    pub other_files: usize,
    pub static_files: usize,
    /// How many files were written, left alone (bytes unchanged) and removed.
    pub written: Written,
    pub schedule: Schedule,
    pub output: PathBuf,
    pub warnings: Vec<Problem>,
    pub elapsed: std::time::Duration,
    pub timings: Timings,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The site has errors (and maybe warnings); nothing was written.
    #[error("the site has {} error(s)", .0.iter().filter(|p| p.is_error()).count())]
    Site(Vec<Problem>),
    #[error(transparent)]
    Output(#[from] OutputError),
}

fn fail_if_errors(mut problems: Vec<Problem>) -> Result<Vec<Problem>, BuildError> {
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if problems.iter().any(Problem::is_error) {
        Err(BuildError::Site(problems))
    } else {
        Ok(problems)
    }
}

/// A site compiled in memory: every file it will have, before anything is written.
pub struct Compiled {
    pub config: Config,
    pub index: Index,
    /// Pages rendered from the theme's templates.
    pub pages: Vec<Output>,
    /// Feeds, sitemaps, robots.txt, `_redirects`, redirect pages, next-publish.txt.
    pub other: Vec<Output>,
    /// Static files of the theme and the site (the site's win), by output path.
    pub statics: BTreeMap<String, Origin>,
    pub warnings: Vec<Problem>,
    pub schedule: Schedule,
    /// Set when `Incremental::defer_search` held the search index back: `other` has the last
    /// build's `search/` files, and the fingerprint the new index must be stored under
    /// (`Incremental::set_search`) once `search_files` has made it.
    pub search_pending: Option<u64>,
}

/// What this build held back and when the site next changes by itself.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    pub drafts: usize,
    pub future: usize,
    pub expired: usize,
    /// The earliest time a held-back article is due or a published one expires.
    pub next_change: Option<DateTime<FixedOffset>>,
}

/// The file in the output that tells CI when to build next (RFC 3339, or empty).
pub const NEXT_PUBLISH_FILE: &str = "next-publish.txt";

/// What the dev server keeps between builds so that a rebuild redoes only what changed: every
/// content file as last read (re-read when its size or time changes), and every page with the
/// fingerprint of what it was made from (re-rendered when that changes).
#[derive(Default)]
pub struct Incremental {
    files: HashMap<PathBuf, CachedFile>,
    /// The settings the cached files were read with; other settings invalidate them all.
    settings: u64,
    pages: HashMap<String, (u64, Output)>,
    feeds: render::extras::FeedCache,
    search: render::extras::SearchCache,
    /// When articles changed, hand back the last search index and leave the new one to the
    /// caller (`Compiled::search_pending`): the dev server serves the edited page first.
    pub defer_search: bool,
    /// The last index and what it was made from, for `Index::with_content`.
    last_index: Option<LastIndex>,
    /// How many content files and pages the last build had to redo, and whether it had to build
    /// the index anew (false: `Index::with_content` sufficed).
    pub reread: usize,
    pub reindexed: bool,
    pub rerendered: usize,
}

struct LastIndex {
    settings: u64,
    filter: Filter,
    keys: Vec<u64>,
    index: Index,
    problems: Vec<Problem>,
}

/// The index keys of every article and page of `content`, in order.
fn index_keys(content: &content::Content, filter: Filter, now: DateTime<FixedOffset>) -> Vec<u64> {
    content
        .articles
        .iter()
        .map(|a| crate::model::index_key(a, filter, now))
        .chain(
            content
                .pages
                .iter()
                .map(|p| crate::model::page_key(p, filter)),
        )
        .collect()
}

struct CachedFile {
    stamp: (Option<SystemTime>, u64),
    loaded: content::Loaded,
}

fn stamp(path: &Path) -> (Option<SystemTime>, u64) {
    std::fs::metadata(path).map_or((None, u64::MAX), |m| (m.modified().ok(), m.len()))
}

impl Incremental {
    /// Keeps a search index made outside `compile_incremental` (see `defer_search`).
    pub fn set_search(&mut self, fingerprint: u64, files: Vec<Output>) {
        self.search = Some((fingerprint, files));
    }

    /// Forgets what is known of these files, and of every file below those that are folders
    /// (the watcher saw them change: a folder moved in, or the whole site after lost events).
    pub fn invalidate<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) {
        for path in paths {
            if self.files.remove(path).is_none() {
                self.files.retain(|file, _| !file.starts_with(path));
            }
        }
    }

    fn load(
        &mut self,
        keep_source_text: bool,
        config: &Config,
        provinces: &Provinces,
        highlighter: &Highlighter,
        files: &[PathBuf],
    ) -> (content::Content, Vec<Problem>) {
        let settings = config.fingerprint();
        if settings != self.settings {
            self.files.clear();
            self.settings = settings;
        }
        let stamps: Vec<_> = files.par_iter().map(|p| stamp(p)).collect();
        let stale: Vec<usize> = (0..files.len())
            .filter(|&i| {
                self.files
                    .get(&files[i])
                    .is_none_or(|c| c.stamp != stamps[i] || c.stamp.0.is_none())
            })
            .collect();
        let fresh: Vec<content::Loaded> = stale
            .par_iter()
            .map(|&i| {
                let loaded = content::load_file(config, provinces, highlighter, &files[i]);
                if keep_source_text {
                    loaded
                } else {
                    loaded.without_body_text()
                }
            })
            .collect();
        self.reread = fresh.len();
        for (&i, loaded) in stale.iter().zip(fresh) {
            self.files.insert(
                files[i].clone(),
                CachedFile {
                    stamp: stamps[i],
                    loaded,
                },
            );
        }
        let wanted: HashSet<&PathBuf> = files.iter().collect();
        self.files.retain(|path, _| wanted.contains(path));
        content::assemble(
            config,
            files
                .iter()
                .filter_map(|p| self.files.get(p).map(|c| c.loaded.clone())),
        )
    }
}

/// Runs the whole pipeline in memory. All content, config and template problems are returned
/// together.
pub fn compile(options: &Options) -> Result<Compiled, BuildError> {
    compile_with(options, None)
}

/// Like `compile`, reusing and updating what an earlier build of the same site left in `reuse`.
pub fn compile_incremental(
    options: &Options,
    reuse: &mut Incremental,
) -> Result<Compiled, BuildError> {
    compile_with(options, Some(reuse))
}

/// Everything a build knows before it renders: the settings, the theme, the index of the content.
struct Prepared {
    config: Config,
    provinces: Provinces,
    index: Index,
    theme: Theme,
    warnings: Vec<Problem>,
    schedule: Schedule,
    now: DateTime<FixedOffset>,
}

impl Prepared {
    fn site(&self) -> render::context::Site<'_> {
        render::context::Site {
            config: &self.config,
            provinces: &self.provinces,
            index: &self.index,
        }
    }
}

/// site.toml → Config; content/ → articles and pages → Index; the theme's templates. All content,
/// config and template problems come back together.
fn prepare(
    options: &Options,
    mut reuse: Option<&mut Incremental>,
    timings: &Timings,
) -> Result<(Prepared, Renderer), BuildError> {
    let provinces = Provinces::builtin();
    let overrides = Overrides {
        base_url: options.base_url.clone(),
    };
    // A wrong site.toml is reported with the content's and the theme's problems, checked
    // against what was understood of it: one run shows everything to fix.
    let (config, mut problems) = Config::read(&options.source, &overrides, &provinces)
        .map_err(|p| BuildError::Site(vec![p]))?;
    let (theme, renderer) = timings.time("theme", || {
        let theme = Theme::load(&config).map_err(|p| problems.push(p)).ok();
        let renderer = theme.as_ref().and_then(|t| {
            Renderer::new(&config, t)
                .map_err(|p| problems.extend(p))
                .ok()
        });
        (theme, renderer)
    });
    let (files, found) = timings.time("find content files", || {
        content::discover(&config.root, &config.content_dir())
    });
    problems.extend(found);
    let highlighter = Highlighter::new();
    let (content, found) = timings.time("read, parse, render Markdown", || {
        match reuse.as_deref_mut() {
            Some(reuse) => reuse.load(
                options.keep_source_text,
                &config,
                &provinces,
                &highlighter,
                &files,
            ),
            None => {
                let ticker =
                    Progress::stage(options.progress.as_ref(), Stage::Reading, files.len());
                let loaded: Vec<content::Loaded> = files
                    .par_iter()
                    .map(|path| {
                        let loaded = content::load_file(&config, &provinces, &highlighter, path);
                        let loaded = if options.keep_source_text {
                            loaded
                        } else {
                            loaded.without_body_text()
                        };
                        ticker.tick();
                        loaded
                    })
                    .collect();
                content::assemble(&config, loaded)
            }
        }
    });
    problems.extend(found);
    // A build keeps no body text to point into, so what was removed from the bodies' HTML is
    // one line here; `bantin check` (which keeps the text) lists each removal where it is.
    if !options.keep_source_text {
        problems.extend(content::unsafe_html_summary(&content));
    }
    let now = options
        .now
        .unwrap_or_else(|| Utc::now().with_timezone(&config.timezone).fixed_offset());
    let schedule = schedule(&content, options.filter, now);
    let (index, found) = timings.time("index: lists, terms, related", || {
        let Some(reuse) = reuse else {
            return Index::build(&config, &provinces, content, options.filter, now);
        };
        // In serve, an edit that changes nothing the index is made from (a body edit) reuses
        // the last index with the new articles in it, instead of sorting and relating them all.
        let keys = index_keys(&content, options.filter, now);
        let settings = config.fingerprint();
        if let Some(last) = &reuse.last_index
            && last.settings == settings
            && last.filter == options.filter
            && last.keys == keys
        {
            reuse.reindexed = false;
            return (
                last.index.with_content(content, options.filter),
                last.problems.clone(),
            );
        }
        let (index, problems) = Index::build(&config, &provinces, content, options.filter, now);
        reuse.reindexed = true;
        reuse.last_index = Some(LastIndex {
            settings,
            filter: options.filter,
            keys,
            index: index.clone(),
            problems: problems.clone(),
        });
        (index, problems)
    });
    problems.extend(found);
    let warnings = fail_if_errors(problems)?;
    let (Some(theme), Some(renderer)) = (theme, renderer) else {
        // Not reached: a missing theme or renderer always comes with an error problem.
        return Err(BuildError::Site(warnings));
    };
    let prepared = Prepared {
        config,
        provinces,
        index,
        theme,
        warnings,
        schedule,
        now,
    };
    Ok((prepared, renderer))
}

/// The files that are not themed pages and are made from the whole site after the pages: the
/// sitemap(s), robots.txt, redirects, next-publish.txt. `written` is every other path.
fn site_files(
    prepared: &Prepared,
    written: &HashSet<&str>,
) -> Result<Vec<render::Output>, BuildError> {
    let mut files = render::extras::site_files(prepared.site(), written, prepared.now)
        .map_err(BuildError::Site)?;
    files.push(Output {
        path: NEXT_PUBLISH_FILE.to_string(),
        bytes: prepared
            .schedule
            .next_change
            .map(|t| format!("{}\n", render::context::iso(&t)))
            .unwrap_or_default()
            .into_bytes()
            .into(),
    });
    Ok(files)
}

fn compile_with(
    options: &Options,
    mut reuse: Option<&mut Incremental>,
) -> Result<Compiled, BuildError> {
    let (prepared, mut renderer) = prepare(options, reuse.as_deref_mut(), &Timings::default())?;
    let site = prepared.site();
    let jobs = render::plan(&prepared.config, &prepared.index);
    let mut search_pending = None;
    let (pages, mut other) = match reuse {
        None => {
            let ticker = Progress::stage(options.progress.as_ref(), Stage::Rendering, jobs.len());
            let pages = renderer
                .run_with(site, &jobs, &|| ticker.tick())
                .map_err(BuildError::Site)?;
            let mut other = render::extras::feeds(site);
            other.extend(render::extras::search_files(site));
            (pages, other)
        }
        Some(reuse) => {
            let pages = render_changed(&mut renderer, site, &jobs, reuse)?;
            let mut other = render::extras::feeds_reusing(site, &mut reuse.feeds);
            let fingerprint = render::extras::search_fingerprint(site);
            let search = match &reuse.search {
                Some((old, files)) if *old == fingerprint => files.clone(),
                Some((_, files)) if reuse.defer_search => {
                    search_pending = Some(fingerprint);
                    files.clone()
                }
                _ => {
                    let files = render::extras::search_files(site);
                    reuse.set_search(fingerprint, files.clone());
                    files
                }
            };
            other.extend(search);
            (pages, other)
        }
    };
    let written: HashSet<&str> = pages
        .iter()
        .chain(&other)
        .map(|p| p.path.as_str())
        .chain(prepared.theme.statics.keys().map(String::as_str))
        .collect();
    let more = site_files(&prepared, &written)?;
    drop(written);
    other.extend(more);
    Ok(Compiled {
        config: prepared.config,
        index: prepared.index,
        pages,
        other,
        statics: prepared.theme.statics,
        warnings: prepared.warnings,
        schedule: prepared.schedule,
        search_pending,
    })
}

/// Renders only the jobs whose fingerprint differs from the last build's; the others keep their
/// bytes. The result is the same list of pages a full render gives.
fn render_changed(
    renderer: &mut Renderer,
    site: render::context::Site<'_>,
    jobs: &[render::Job],
    reuse: &mut Incremental,
) -> Result<Vec<Output>, BuildError> {
    let inputs = render::fingerprint::Inputs::new(site, renderer.templates());
    let keyed: Vec<(String, u64)> = jobs
        .par_iter()
        .map(|&job| {
            let file = render::output_file(&render::job_path(site, job));
            (file, inputs.of(site, job))
        })
        .collect();
    let todo: Vec<render::Job> = jobs
        .iter()
        .zip(&keyed)
        .filter(|(_, (file, fp))| reuse.pages.get(file).is_none_or(|(old, _)| old != fp))
        .map(|(&job, _)| job)
        .collect();
    reuse.rerendered = todo.len();
    let fresh = renderer.run(site, &todo).map_err(BuildError::Site)?;
    for output in fresh {
        reuse.pages.insert(output.path.clone(), (0, output));
    }
    let mut pages = Vec::with_capacity(keyed.len());
    let mut kept = HashMap::with_capacity(keyed.len());
    for (file, fp) in keyed {
        if let Some((_, output)) = reuse.pages.remove(&file) {
            pages.push(output.clone());
            kept.insert(file, (fp, output));
        }
    }
    // Pages no job produces any more (a deleted article) are dropped here.
    reuse.pages = kept;
    Ok(pages)
}

fn schedule(content: &content::Content, filter: Filter, now: DateTime<FixedOffset>) -> Schedule {
    let mut schedule = Schedule::default();
    for article in &content.articles {
        if article.draft && !filter.drafts {
            schedule.drafts += 1;
            continue;
        }
        if article.expires.is_some_and(|e| e <= now) {
            schedule.expired += 1;
            continue;
        }
        // A held-back article is due at its date; a published one changes the site when it expires.
        let due = if article.date > now && !filter.future {
            schedule.future += 1;
            Some(article.date)
        } else {
            article.expires
        };
        if let Some(due) = due {
            schedule.next_change = Some(schedule.next_change.map_or(due, |t| t.min(due)));
        }
    }
    schedule
}

/// Builds the site. On any error the previous output folder is left exactly as it was.
///
/// Pages are rendered on all cores and written as they are made, so no more than a few are held
/// in memory at once; the feeds and the search index are made meanwhile on the same cores. Only
/// files whose bytes changed are written (see `output::Staging`).
pub fn build(options: &Options) -> Result<Report, BuildError> {
    let started = Instant::now();
    let timings = Timings::default();
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.source.join("public"));
    // The output folder is checked first: a folder bantin may not write is refused at once.
    let staging = Staging::new(&output, &options.source, options.foreign)?;
    let (prepared, mut renderer) = prepare(options, None, &timings)?;
    let site = prepared.site();
    let jobs = render::plan(&prepared.config, &prepared.index);
    let statics = &prepared.theme.statics;
    let ticker = Progress::stage(
        options.progress.as_ref(),
        Stage::Rendering,
        jobs.len() + statics.len(),
    );
    let (pages, other) = rayon::join(
        || {
            timings.time("∥ render and write pages", || {
                renderer.run_into::<OutputError>(site, &jobs, &|_, page| {
                    staging.write(&page)?;
                    ticker.tick();
                    Ok(())
                })
            })
        },
        || -> Result<Vec<String>, OutputError> {
            for (rel, origin) in statics {
                staging.copy(rel, origin)?;
                ticker.tick();
            }
            let (feeds, search) = rayon::join(
                || timings.time("∥ feeds", || render::extras::feeds(site)),
                || timings.time("∥ search index", || render::extras::search_files(site)),
            );
            timings.time("∥ write feeds and search index", || {
                let mut paths = Vec::with_capacity(feeds.len() + search.len());
                for file in feeds.iter().chain(&search) {
                    staging.write(file)?;
                    paths.push(file.path.clone());
                }
                Ok(paths)
            })
        },
    );
    match pages {
        Ok(()) => {}
        Err(render::RunError::Templates(problems)) => return Err(BuildError::Site(problems)),
        Err(render::RunError::Sink(e)) => return Err(e.into()),
    }
    let other = other?;
    let page_paths: Vec<String> = jobs
        .iter()
        .map(|&job| render::output_file(&render::job_path(site, job)))
        .collect();
    let written: HashSet<&str> = page_paths
        .iter()
        .chain(&other)
        .map(String::as_str)
        .chain(statics.keys().map(String::as_str))
        .collect();
    let more = timings.time("sitemaps, robots, redirects", || {
        site_files(&prepared, &written)
    })?;
    for file in &more {
        staging.write(file)?;
    }
    let written = timings.time("move into the output folder", || staging.commit())?;
    Ok(Report {
        pages: jobs.len(),
        other_files: other.len() + more.len(),
        static_files: statics.len(),
        written,
        schedule: prepared.schedule,
        output,
        warnings: prepared.warnings,
        elapsed: started.elapsed(),
        timings,
    })
}
