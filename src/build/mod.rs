//! The pipeline, top to bottom (`run`): site.toml → Config; content/ → articles and pages;
//! → Index; → a resolved job per page; → pages, feeds, search index, sitemaps; → a sink (the
//! output folder, swapped in only when everything succeeded, or memory for the preview).
//! `memo` keeps what a rebuild may reuse; `sink` says where files go.

pub mod memo;
mod photos;
pub mod sink;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use chrono::{DateTime, Datelike, FixedOffset, Utc};

use crate::config::{Config, Overrides};
use crate::content::{self, Filter};
use crate::links;
use crate::markdown::Highlighter;
use crate::messages::{Lang, Message};
use crate::model::Index;
use crate::output::{Foreign, Origin, Output, OutputError, Staging, Written};
use crate::problem::Problem;
use crate::provinces::Provinces;
use crate::render::context::Site;
use crate::render::{self, Renderer};
use crate::route;
use crate::theme::Theme;
pub use memo::Memo;
use sink::{Memory, Sink};

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
    /// `--strict`: text left from `init`'s and `new`'s placeholders is an error, not a warning.
    pub strict: bool,
    /// Which browser CMS (`admin/`) to make: the published site's, only with `[cms]` in
    /// site.toml, or the preview's, always (`bantin serve` sets `cms::Mode::Preview`).
    pub cms: crate::cms::Mode,
    /// The Decap CMS tarball to take the CMS's script from (`BANTIN_DECAP_TARBALL`); `None`:
    /// the site's `.bantin-cache/`, else the npm registry, once.
    pub decap_tarball: Option<PathBuf>,
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
    /// The stage's stable name (benchmarks and BENCHMARKS.md quote it); `label` is its name in
    /// words.
    pub name: &'static str,
    pub took: std::time::Duration,
    /// Resident memory (bytes) when the stage ended, where the system tells it (Linux).
    pub resident: Option<u64>,
}

impl Timings {
    /// Runs `f` as the stage `name`.
    pub fn time<T>(&self, name: &'static str, f: impl FnOnce() -> T) -> T {
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

impl StageTime {
    /// The stage's name in the language of bantin's messages, for the `--timings` table.
    pub fn label(&self) -> Message {
        use crate::msg;
        match self.name {
            STAGE_THEME => msg!("build-stage-theme"),
            STAGE_INDEX => msg!("build-stage-index"),
            STAGE_PLAN => msg!("build-stage-plan"),
            STAGE_SITE_FILES => msg!("build-stage-site-files"),
            STAGE_CMS => msg!("build-stage-cms"),
            STAGE_FIND => msg!("build-stage-find"),
            STAGE_IMAGES => msg!("build-stage-images"),
            STAGE_READ => msg!("build-stage-read"),
            STAGE_RENDER => msg!("build-stage-render"),
            STAGE_FEEDS => msg!("build-stage-feeds"),
            STAGE_SEARCH => msg!("build-stage-search"),
            STAGE_COMMIT => msg!("build-stage-commit"),
            STAGE_LINKS => msg!("build-stage-links"),
            STAGE_SERVE_INDEX => msg!("build-stage-serve-index"),
            STAGE_SERVE_SWAP => msg!("build-stage-serve-swap"),
            // A stage named elsewhere without a label: its name as it is.
            other => msg!("build-stage-other", name = other),
        }
    }
}

// The stages' names (`StageTime::name`); ∥: run side by side with the stages around it.
const STAGE_THEME: &str = "theme";
const STAGE_INDEX: &str = "index: lists, terms, related";
const STAGE_PLAN: &str = "plan: a job per page";
const STAGE_SITE_FILES: &str = "sitemaps, robots, redirects";
const STAGE_CMS: &str = "cms: admin/";
const STAGE_FIND: &str = "find content files";
const STAGE_IMAGES: &str = "images: resize, encode, clean";
const STAGE_READ: &str = "read, parse, render Markdown";
const STAGE_RENDER: &str = "∥ render pages";
const STAGE_FEEDS: &str = "∥ feeds";
const STAGE_SEARCH: &str = "∥ search index";
const STAGE_COMMIT: &str = "move into the output folder";
const STAGE_LINKS: &str = "links: look up the bodies' links";
pub(crate) const STAGE_SERVE_INDEX: &str = "serve: index the files";
pub(crate) const STAGE_SERVE_SWAP: &str = "serve: swap in";

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
    /// What the images stage did: images looked at, files encoded, files from the cache.
    pub images: crate::images::Stats,
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
    #[error("{}", Lang::En.text(&self.message()))]
    Site(Vec<Problem>),
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl BuildError {
    /// What went wrong, in a sentence (the problems of `Site` are reported one by one).
    pub fn message(&self) -> Message {
        match self {
            BuildError::Site(problems) => crate::msg!(
                "build-site-errors",
                count = problems.iter().filter(|p| p.is_error()).count()
            ),
            BuildError::Output(e) => e.message(),
        }
    }

    /// How to get past it, for the `help:` line.
    pub fn help_message(&self) -> Option<Message> {
        match self {
            BuildError::Site(_) => None,
            BuildError::Output(e) => e.help_message(),
        }
    }
}

fn fail_if_errors(mut problems: Vec<Problem>) -> Result<Vec<Problem>, BuildError> {
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if problems.iter().any(Problem::is_error) {
        Err(BuildError::Site(problems))
    } else {
        Ok(problems)
    }
}

/// What this build held back and when the site next changes by itself.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    pub drafts: usize,
    pub future: usize,
    pub expired: usize,
    /// The earliest time a held-back article is due or a published one expires.
    pub next_change: Option<DateTime<FixedOffset>>,
    /// Each held-back article's address (below the site root) and why it is held back: a link
    /// to it is a warning, not a broken link (it works once the article is out).
    pub held_back: Vec<(String, HeldBack)>,
}

pub use crate::links::HeldBack;

/// The file in the output that tells CI when to build next (RFC 3339, or empty).
pub const NEXT_PUBLISH_FILE: &str = "next-publish.txt";

/// A site compiled in memory: every file it will have, nothing written.
pub struct Compiled {
    pub config: Config,
    pub index: Index,
    /// Every file the build made (pages, feeds, search index, sitemaps …), in no set order.
    pub files: Vec<Output>,
    /// How many of `files` are pages rendered from the theme's templates.
    pub pages: usize,
    /// Static files of the theme and the site (the site's win), by output path.
    pub statics: BTreeMap<String, Origin>,
    /// What the images stage made of the site's images.
    pub gallery: crate::images::Gallery,
    pub warnings: Vec<Problem>,
    pub schedule: Schedule,
    /// Set when the memo held the search index back (`Memo::defer_search`): `files` has the
    /// last build's `search/` files, and this is the fingerprint to keep the new index under
    /// (`Memo::set_search`) once `search_index` has made it.
    pub search_pending: Option<u64>,
    /// The links and images of the Markdown that lead nowhere, when the compile was asked to
    /// hand them over rather than fail on them (`bantin check`); otherwise empty, the errors
    /// having failed the compile and the warnings being in `warnings`.
    pub links: Vec<Problem>,
}

/// What a run of the pipeline made, beside the files it put in the sink.
pub struct Built {
    pub config: Config,
    pub index: Index,
    pub pages: usize,
    /// Feeds, search index, sitemaps, robots.txt, redirects, next-publish.txt.
    pub other_files: usize,
    pub static_files: usize,
    pub images: crate::images::Stats,
    pub gallery: crate::images::Gallery,
    pub warnings: Vec<Problem>,
    pub schedule: Schedule,
    pub search_pending: Option<u64>,
    /// See `Compiled::links`.
    pub links: Vec<Problem>,
}

/// What a run does with the links and images of the Markdown that lead nowhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    /// Errors fail the build with the other problems; warnings (held-back articles) join the
    /// build's warnings. `build` and the preview.
    Fail,
    /// All of them are handed over in `Built::links`: `bantin check`, which reports them with
    /// what else it finds.
    HandOver,
}

/// The pipeline, top to bottom: site.toml → Config; the theme; content/ → articles and pages →
/// Index; → a resolved job per page; → pages, feeds and search index on all cores, then the
/// sitemaps and redirects, each file into `sink` as it is made; then every link and image of
/// the Markdown is looked up among the files made (see `Links`). `memo` keeps what the next run
/// may reuse (the preview) or nothing (`Memo::off`). All content, config and template problems
/// come back together, and so do all links that lead nowhere.
pub fn run(
    options: &Options,
    memo: &mut Memo,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<Built, BuildError> {
    run_with(options, memo, sink, timings, Links::Fail)
}

fn run_with(
    options: &Options,
    memo: &mut Memo,
    sink: &dyn Sink,
    timings: &Timings,
    links: Links,
) -> Result<Built, BuildError> {
    let provinces = Provinces::builtin();
    let (config, mut problems) = Config::read(&options.source, &options.overrides(), provinces)
        .map_err(|p| BuildError::Site(vec![p]))?;
    let (mut theme, renderer) = timings.time(STAGE_THEME, || theme(&config, &mut problems));
    let (content, found) = read_content(options, memo, &config, provinces, timings);
    problems.extend(found);
    let now = options.now(&config);
    let schedule = schedule(&content, options.filter, now);
    let (index, found) = timings.time(STAGE_INDEX, || {
        memo.index(&config, provinces, content, options.filter, now)
    });
    problems.extend(found);
    problems.extend(crate::scaffold::placeholders(
        &config,
        &index.articles,
        &index.pages,
        options.strict,
    ));
    // The CMS's files are made before any page: a CMS script that cannot be had is one more
    // problem of the site, reported with the others.
    let (admin, found) = timings.time(STAGE_CMS, || {
        crate::cms::admin(
            &config,
            provinces,
            options.cms,
            now.year(),
            &mut memo.cms,
            options.decap_tarball.as_deref(),
        )
    });
    problems.extend(found);
    // The photos pages show are resized and encoded (or taken from the cache) before any page
    // is rendered: pages write each one's sizes and copies.
    let (gallery, image_stats) = timings.time(STAGE_IMAGES, || {
        let Some(theme) = &mut theme else {
            return Default::default();
        };
        let requests = photos::requests(&config, &index, &theme.statics);
        let cache = memo
            .images
            .get_or_insert_with(|| crate::images::Cache::open(&config.root));
        let (gallery, stats, found) = crate::images::process(&requests, &config.images, cache);
        problems.extend(found);
        problems.extend(photos::publish(&gallery, &mut theme.statics));
        (gallery, stats)
    });
    let mut warnings = fail_if_errors(problems)?;
    let (Some(theme), Some(mut renderer)) = (theme, renderer) else {
        // Not reached: a missing theme or renderer always comes with an error problem.
        return Err(BuildError::Site(warnings));
    };
    let site = Site {
        config: &config,
        provinces,
        index: &index,
        gallery: &gallery,
    };
    let plan = timings.time(STAGE_PLAN, || render::plan(&config, &index));
    let made = make_files(
        options,
        memo,
        &mut renderer,
        site,
        &plan,
        &theme,
        sink,
        timings,
    )?;
    let (more, found) = timings.time(STAGE_SITE_FILES, || {
        site_files(site, &schedule, &made.written, now, &mut memo.sitemaps)
    })?;
    warnings.extend(found);
    // What the site will have: every file made, and the files of the output folder that the
    // build keeps (--keep-foreign-files).
    let mut published = made.written;
    published.extend(more.iter().map(|f| f.path.clone()));
    published.extend(admin.iter().map(|f| f.path.clone()));
    published.extend(sink.kept());
    let found = timings.time(STAGE_LINKS, || {
        let published = links::Published::new(&config, &published, &schedule.held_back);
        links::leading_nowhere(&published, &index, &mut memo.links)
    });
    let links = match links {
        Links::Fail => {
            warnings.extend(found);
            warnings = fail_if_errors(warnings)?;
            Vec::new()
        }
        Links::HandOver => found,
    };
    let other_files = made.other_files + more.len() + admin.len();
    for file in more.into_iter().chain(admin) {
        sink.file(file)?;
    }
    Ok(Built {
        pages: plan.jobs.len(),
        other_files,
        static_files: theme.statics.len(),
        images: image_stats,
        gallery,
        warnings,
        schedule,
        search_pending: made.search_pending,
        links,
        index,
        config,
    })
}

/// content/ → articles and pages, with the problems of each file and across files.
fn read_content(
    options: &Options,
    memo: &mut Memo,
    config: &Config,
    provinces: &Provinces,
    timings: &Timings,
) -> (content::Content, Vec<Problem>) {
    let discovered = memo.needs_walk(config).then(|| {
        timings.time(STAGE_FIND, || {
            content::discover(&config.root, &config.content_dir())
        })
    });
    let total = discovered.as_ref().map_or(0, |(files, _)| files.len());
    let read = reader(options, config, provinces, total);
    let (content, mut problems) = timings.time(STAGE_READ, || memo.load(config, discovered, &read));
    // A build keeps no body text to point into: what was removed from the bodies' HTML is one
    // line; `bantin check` (which keeps the text) lists each removal where it is.
    if !options.keep_source_text {
        problems.extend(content::unsafe_html_summary(&content));
    }
    (content, problems)
}

/// What `make_files` made.
struct Made {
    /// Every path written so far (pages, feeds, search index, static files).
    written: HashSet<String>,
    other_files: usize,
    search_pending: Option<u64>,
}

/// The plan's pages, the feeds, the search index and the static files, on all cores, into the
/// sink as each is made.
#[allow(clippy::too_many_arguments)]
fn make_files(
    options: &Options,
    memo: &mut Memo,
    renderer: &mut Renderer,
    site: Site<'_>,
    plan: &render::Plan,
    theme: &Theme,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<Made, BuildError> {
    let total = plan.jobs.len() + theme.statics.len();
    let ticker = Progress::stage(options.progress.as_ref(), Stage::Rendering, total);
    let Memo {
        pages,
        feeds,
        search,
        stats,
        ..
    } = memo;
    let (rendered, other) = rayon::join(
        || {
            timings.time(STAGE_RENDER, || {
                pages.render(renderer, site, plan, sink, &|| ticker.tick())
            })
        },
        || -> Result<_, OutputError> {
            for (path, origin) in &theme.statics {
                sink.copy(path, origin)?;
                ticker.tick();
            }
            Ok(rayon::join(
                || timings.time(STAGE_FEEDS, || feeds.make(site, plan)),
                || timings.time(STAGE_SEARCH, || search.make(site)),
            ))
        },
    );
    stats.rerendered = rendered.map_err(|e| match e {
        render::RunError::Templates(problems) => BuildError::Site(problems),
        render::RunError::Sink(e) => e.into(),
    })?;
    let (feeds, (search, search_pending)) = other?;
    let mut written: HashSet<String> = plan
        .jobs
        .iter()
        .map(|j| route::output_file(&j.path))
        .chain(theme.statics.keys().cloned())
        .collect();
    let mut other_files = 0;
    for file in feeds.into_iter().chain(search) {
        written.insert(file.path.clone());
        sink.file(file)?;
        other_files += 1;
    }
    Ok(Made {
        written,
        other_files,
        search_pending,
    })
}

impl Options {
    fn overrides(&self) -> Overrides {
        Overrides {
            base_url: self.base_url.clone(),
        }
    }

    /// The time that decides what is published.
    fn now(&self, config: &Config) -> DateTime<FixedOffset> {
        self.now
            .unwrap_or_else(|| Utc::now().with_timezone(&config.timezone).fixed_offset())
    }
}

/// The theme and its compiled templates; their problems go with the others.
fn theme(config: &Config, problems: &mut Vec<Problem>) -> (Option<Theme>, Option<Renderer>) {
    let theme = Theme::load(config).map_err(|p| problems.push(p)).ok();
    let renderer = theme.as_ref().and_then(|t| {
        Renderer::new(config, t)
            .map_err(|p| problems.extend(p))
            .ok()
    });
    (theme, renderer)
}

/// How one content file is read: parsed, checked, its Markdown rendered; only its front-matter
/// kept unless the command needs the body text. Ticks the progress display.
fn reader<'a>(
    options: &'a Options,
    config: &'a Config,
    provinces: &'a Provinces,
    total: usize,
) -> impl Fn(&Path) -> content::Loaded + Sync + 'a {
    let highlighter = Highlighter::new();
    let ticker = Progress::stage(options.progress.as_ref(), Stage::Reading, total);
    move |path| {
        let loaded = content::load_file(config, provinces, &highlighter, path);
        ticker.tick();
        if options.keep_source_text {
            loaded
        } else {
            loaded.without_body_text()
        }
    }
}

/// The files made from the whole site after the pages: the sitemap(s), robots.txt, redirects,
/// next-publish.txt. `written` is every other path.
fn site_files(
    site: Site<'_>,
    schedule: &Schedule,
    written: &HashSet<String>,
    now: DateTime<FixedOffset>,
    sitemaps: &mut render::extras::SitemapCache,
) -> Result<(Vec<Output>, Vec<Problem>), BuildError> {
    let (mut files, warnings) =
        render::extras::site_files(site, written, now, sitemaps).map_err(BuildError::Site)?;
    files.push(Output {
        path: NEXT_PUBLISH_FILE.to_string(),
        bytes: schedule
            .next_change
            .map(|t| format!("{}\n", render::context::iso(&t)))
            .unwrap_or_default()
            .into_bytes()
            .into(),
    });
    Ok((files, warnings))
}

/// The search index of a compiled site, for a search index the memo held back.
pub fn search_index(compiled: &Compiled) -> Vec<Output> {
    let provinces = Provinces::builtin();
    render::extras::search_files(Site {
        config: &compiled.config,
        provinces,
        index: &compiled.index,
        gallery: &compiled.gallery,
    })
}

/// Runs the whole pipeline in memory.
pub fn compile(options: &Options) -> Result<Compiled, BuildError> {
    compile_with(options, &mut Memo::off())
}

/// Like `compile`, reusing and updating what an earlier build of the same site left in `memo`.
pub fn compile_with(options: &Options, memo: &mut Memo) -> Result<Compiled, BuildError> {
    compile_timed(options, memo, &Timings::default())
}

/// Like `compile_with`, recording each stage's time in `timings`.
pub fn compile_timed(
    options: &Options,
    memo: &mut Memo,
    timings: &Timings,
) -> Result<Compiled, BuildError> {
    compile_in(options, memo, timings, Links::Fail)
}

/// Like `compile`, for `bantin check`: links and images that lead nowhere do not fail it, they
/// are in `Compiled::links`.
pub(crate) fn compile_for_check(options: &Options) -> Result<Compiled, BuildError> {
    compile_in(
        options,
        &mut Memo::off(),
        &Timings::default(),
        Links::HandOver,
    )
}

fn compile_in(
    options: &Options,
    memo: &mut Memo,
    timings: &Timings,
    links: Links,
) -> Result<Compiled, BuildError> {
    let sink = Memory::default();
    let built = run_with(options, memo, &sink, timings, links)?;
    let (files, statics) = sink.into_parts();
    Ok(Compiled {
        config: built.config,
        index: built.index,
        files,
        pages: built.pages,
        statics,
        gallery: built.gallery,
        warnings: built.warnings,
        schedule: built.schedule,
        search_pending: built.search_pending,
        links: built.links,
    })
}

/// Builds the site into its output folder. On any error the previous output is left exactly as
/// it was.
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
    let mut memo = Memo::off();
    let built = run(options, &mut memo, &staging, &timings)?;
    let written = timings.time(STAGE_COMMIT, || staging.commit())?;
    // The site is out: the photo cache keeps only what it uses now.
    if let Some(cache) = &memo.images {
        cache.prune(&built.gallery);
    }
    Ok(Report {
        pages: built.pages,
        other_files: built.other_files,
        static_files: built.static_files,
        images: built.images,
        written,
        schedule: built.schedule,
        output,
        warnings: built.warnings,
        elapsed: started.elapsed(),
        timings,
    })
}

fn schedule(content: &content::Content, filter: Filter, now: DateTime<FixedOffset>) -> Schedule {
    let mut schedule = Schedule::default();
    for article in &content.articles {
        if article.draft && !filter.drafts {
            schedule.drafts += 1;
            schedule
                .held_back
                .push((article.path.clone(), HeldBack::Draft));
            continue;
        }
        if article.expires.is_some_and(|e| e <= now) {
            schedule.expired += 1;
            schedule
                .held_back
                .push((article.path.clone(), HeldBack::Expired));
            continue;
        }
        // A held-back article is due at its date; a published one changes the site when it expires.
        let due = if article.date > now && !filter.future {
            schedule.future += 1;
            schedule
                .held_back
                .push((article.path.clone(), HeldBack::Scheduled(article.date)));
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
