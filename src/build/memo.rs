//! What the preview keeps from one build to the next, so that a rebuild redoes only what an
//! edit changed: a memo at each stage boundary of the pipeline.
//!
//! - content files: file stamp (time and size) → the file as loaded;
//! - the index: every article's `index_key` → the index (a body edit keeps the lists, terms and
//!   related blocks and only puts the new article text in: `Index::with_content`);
//! - pages: the fingerprint of the page's resolved job (`Plan::fingerprint`) → its bytes;
//! - feeds and the search index: the fingerprint of what they carry → their files.
//!
//! `Memo::off()` keeps nothing: a cold build runs each stage once and holds no page after it is
//! written.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Filter, Loaded};
use crate::model::Index;
use crate::output::{Output, OutputError};
use crate::problem::Problem;
use crate::provinces::Provinces;
use crate::render::context::Site;
use crate::render::{self, Job, Plan, Renderer, RunError};

use super::sink::Sink;

/// The memo of every stage; see the module's description.
#[derive(Default)]
pub struct Memo {
    keep: bool,
    files: Files,
    index: Option<LastIndex>,
    pub(super) pages: Pages,
    pub(super) feeds: Feeds,
    pub(super) search: Search,
    /// The sitemaps of the last build (kept only by a memo that keeps).
    pub(super) sitemaps: render::extras::SitemapCache,
    /// What the link check found in each article (kept only by a memo that keeps).
    pub(super) links: crate::links::Remembered,
    /// The CMS's script (Decap CMS), read from its tarball once by a memo that keeps.
    pub(super) cms: crate::cms::decap::Cache,
    /// The cache of photo encodes, opened at the first build (it keeps what it knows of each
    /// photo between builds in memory).
    pub(super) images: Option<crate::images::Cache>,
    /// What the last build had to redo.
    pub stats: Stats,
}

/// How much of the last build was redone rather than taken from the memo.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Content files read again.
    pub reread: usize,
    /// Whether the index was built anew (false: `Index::with_content` sufficed).
    pub reindexed: bool,
    /// Pages rendered again.
    pub rerendered: usize,
}

/// The content files as last read.
#[derive(Default)]
struct Files {
    /// The settings they were read with; other settings invalidate them all.
    settings: u64,
    /// Set when every change is reported through `Memo::invalidate` (the preview's watcher):
    /// then the folder is walked and files are looked at again only when a report calls for it.
    watched: bool,
    /// Look at every file once more at the next build (set when watching starts: a change
    /// made before the watcher ran was never reported).
    verify: bool,
    /// Walk the content folder again at the next build: a reported path was no file known.
    rediscover: bool,
    /// The files as last found, in order, with what finding them reported.
    list: Vec<PathBuf>,
    found: Vec<Problem>,
    /// What each file of `list` gave, in the same order.
    cached: Vec<CachedFile>,
    /// Where each file of `list` is.
    position: HashMap<PathBuf, usize>,
    /// Files reported as changed since the last build.
    dirty: HashSet<PathBuf>,
}

struct CachedFile {
    stamp: (Option<SystemTime>, u64),
    loaded: Loaded,
    /// What the index takes from the file (`model::index_key`), without whether it is published.
    key: Option<u64>,
}

struct LastIndex {
    settings: u64,
    filter: Filter,
    keys: Vec<(u64, bool)>,
    index: Index,
    problems: Vec<Problem>,
}

fn stamp(path: &Path) -> (Option<SystemTime>, u64) {
    std::fs::metadata(path).map_or((None, u64::MAX), |m| (m.modified().ok(), m.len()))
}

impl Files {
    /// Reads the files at these positions of the list again.
    fn read(&mut self, positions: &[usize], load: &(dyn Fn(&Path) -> Loaded + Sync)) {
        let fresh: Vec<CachedFile> = positions
            .par_iter()
            .map(|&i| {
                let path = &self.list[i];
                let stamp = stamp(path);
                let loaded = load(path);
                let key = match &loaded.item {
                    Some(content::Item::Article(a)) => Some(crate::model::index_key(a)),
                    Some(content::Item::Page(p)) => Some(crate::model::page_key(p)),
                    Some(content::Item::Album(a)) => Some(crate::model::album_key(a)),
                    Some(content::Item::Document(d)) => Some(crate::model::document_key(d)),
                    None => None,
                };
                CachedFile { stamp, loaded, key }
            })
            .collect();
        for (&i, file) in positions.iter().zip(fresh) {
            self.cached[i] = file;
        }
    }
}

impl Memo {
    /// A memo that keeps everything between builds (the preview).
    pub fn new() -> Memo {
        Memo {
            keep: true,
            pages: Pages {
                keep: true,
                ..Pages::default()
            },
            feeds: Feeds {
                keep: true,
                ..Feeds::default()
            },
            search: Search {
                keep: true,
                ..Search::default()
            },
            links: crate::links::Remembered::keeping(),
            cms: crate::cms::decap::Cache::keeping(),
            ..Memo::default()
        }
    }

    /// A memo that keeps nothing (a cold build).
    pub fn off() -> Memo {
        Memo::default()
    }

    /// From now on, when articles changed, hand back the last search index and leave the new
    /// one to the caller (`Compiled::search_pending`, `search_index`): the preview serves the
    /// edited page first.
    pub fn defer_search(&mut self, defer: bool) {
        self.search.defer = defer;
    }

    /// Keeps a search index made outside the pipeline's run (see `defer_search`).
    pub fn set_search(&mut self, fingerprint: u64, files: Vec<Output>) {
        self.search.last = Some((fingerprint, files));
    }

    /// From now on every change to the content is reported through `invalidate` (the
    /// preview's watcher): files are read again only when reported, and the content folder is
    /// walked again only when a reported path is no known file. The next build still looks at
    /// every file once, for changes made before the watcher started.
    pub fn watching(&mut self) {
        self.files.watched = true;
        self.files.verify = true;
    }

    /// Forgets what is known of these files, and of every file below those that are folders
    /// (the watcher saw them change: a folder moved in, or the whole site after lost events).
    pub fn invalidate<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) {
        let files = &mut self.files;
        for path in paths {
            if files.position.contains_key(path) {
                files.dirty.insert(path.to_path_buf());
                continue;
            }
            // A new file, a folder, or a file gone with its folder: find the files again, and
            // read again any known file below it.
            files.rediscover = true;
            for known in files.list.iter().filter(|f| f.starts_with(path)) {
                files.dirty.insert(known.clone());
            }
        }
    }

    /// Whether the content folder must be walked for this build: always without a memo or a
    /// watcher; while watched, only when a reported change calls for it. Settings other than
    /// those the files were read with forget them all.
    pub(super) fn needs_walk(&mut self, config: &Config) -> bool {
        let files = &mut self.files;
        if !self.keep {
            return true;
        }
        let settings = config.fingerprint();
        if settings != files.settings {
            *files = Files {
                settings,
                watched: files.watched,
                verify: files.watched,
                ..Files::default()
            };
        }
        // A reported file that is gone: its folder must be walked again.
        if files.dirty.iter().any(|f| !f.is_file()) {
            files.rediscover = true;
        }
        !(files.watched && !files.verify && !files.list.is_empty()) || files.rediscover
    }

    /// content/ → articles and pages: takes the files found by a walk (`None`: the list is as
    /// it was, see `needs_walk`), reads those that changed (all of them without a memo), then
    /// puts them together.
    pub(super) fn load(
        &mut self,
        config: &Config,
        discovered: Option<(Vec<PathBuf>, Vec<Problem>)>,
        load: &(dyn Fn(&Path) -> Loaded + Sync),
    ) -> (content::Content, Vec<Problem>) {
        if !self.keep {
            let (files, mut problems) = discovered.unwrap_or_default();
            let loaded: Vec<Loaded> = files.par_iter().map(|p| load(p)).collect();
            self.stats.reread = loaded.len();
            let (content, found) = content::assemble(config, loaded);
            problems.extend(found);
            return (content, problems);
        }
        let files = &mut self.files;
        let trusted = files.watched && !files.verify && !files.list.is_empty();
        if let Some((list, found)) = discovered {
            let mut old: HashMap<PathBuf, CachedFile> = std::mem::take(&mut files.list)
                .into_iter()
                .zip(std::mem::take(&mut files.cached))
                .collect();
            let mut cached = Vec::with_capacity(list.len());
            let mut fresh = Vec::new();
            for (i, path) in list.iter().enumerate() {
                match old.remove(path) {
                    Some(file) => cached.push(Some(file)),
                    None => {
                        cached.push(None);
                        fresh.push(i);
                    }
                }
            }
            // Unwatched (or once, when watching starts), a file whose time or size changed is
            // read again even if nobody reported it.
            let stamps: Vec<_> = if trusted {
                Vec::new()
            } else {
                list.par_iter().map(|p| stamp(p)).collect()
            };
            for (i, file) in cached.iter().enumerate() {
                if let Some(file) = file
                    && !trusted
                    && (file.stamp != stamps[i] || file.stamp.0.is_none())
                {
                    fresh.push(i);
                }
            }
            files.position = list.iter().cloned().zip(0..).collect();
            files.list = list;
            files.found = found;
            files.cached = cached
                .into_iter()
                .map(|c| {
                    c.unwrap_or(CachedFile {
                        stamp: (None, u64::MAX),
                        loaded: Loaded {
                            item: None,
                            problems: Vec::new(),
                        },
                        key: None,
                    })
                })
                .collect();
            for path in files.dirty.drain() {
                if let Some(&i) = files.position.get(&path) {
                    fresh.push(i);
                }
            }
            fresh.sort_unstable();
            fresh.dedup();
            files.read(&fresh, load);
            self.stats.reread = fresh.len();
        } else {
            let mut fresh: Vec<usize> = files
                .dirty
                .drain()
                .filter_map(|path| files.position.get(&path).copied())
                .collect();
            fresh.sort_unstable();
            files.read(&fresh, load);
            self.stats.reread = fresh.len();
        }
        // An album is its file and its folder of photos: a photo added to or taken from the
        // folder changes the album though its file is unchanged. So is a document and its files
        // in static/, whose sizes its page shows.
        let albums: Vec<usize> = files
            .cached
            .iter()
            .enumerate()
            .filter(|(_, c)| match &c.loaded.item {
                Some(content::Item::Album(a)) => a.folder_changed(&config.root),
                Some(content::Item::Document(d)) => d.files_changed(&config.root),
                _ => false,
            })
            .map(|(i, _)| i)
            .collect();
        if !albums.is_empty() {
            files.read(&albums, load);
            self.stats.reread += albums.len();
        }
        files.rediscover = false;
        files.verify = false;
        let mut problems = files.found.clone();
        let (content, found) =
            content::assemble(config, files.cached.iter().map(|c| c.loaded.clone()));
        problems.extend(found);
        (content, problems)
    }

    /// Articles and pages → the index; reused with the new articles in it when nothing it is
    /// made from changed (a body edit).
    pub(super) fn index(
        &mut self,
        config: &Config,
        provinces: &Provinces,
        content: content::Content,
        filter: Filter,
        now: DateTime<FixedOffset>,
    ) -> (Index, Vec<Problem>) {
        self.stats.reindexed = true;
        if !self.keep {
            return Index::build(config, provinces, content, filter, now);
        }
        // What the index takes from each article and page, and whether it is published now:
        // the static part was hashed when the file was read.
        // 0: articles, 1: pages, 2: albums, 3: documents, in the order `content` has them.
        let key_of = |kind: u8| {
            self.files
                .cached
                .iter()
                .filter_map(move |c| match &c.loaded.item {
                    Some(content::Item::Article(_)) if kind == 0 => c.key,
                    Some(content::Item::Page(_)) if kind == 1 => c.key,
                    Some(content::Item::Album(_)) if kind == 2 => c.key,
                    Some(content::Item::Document(_)) if kind == 3 => c.key,
                    _ => None,
                })
        };
        let static_keys = key_of(0).chain(key_of(1)).chain(key_of(2)).chain(key_of(3));
        let published = content
            .articles
            .iter()
            .map(|a| filter.publishes(a, now))
            .chain(content.pages.iter().map(|p| filter.drafts || !p.draft))
            .chain(
                content
                    .albums
                    .iter()
                    .map(|a| filter.publishes_album(a, now)),
            )
            .chain(
                content
                    .documents
                    .iter()
                    .map(|d| filter.publishes_document(d)),
            );
        let keys: Vec<(u64, bool)> = static_keys.zip(published).collect();
        let settings = config.fingerprint();
        if let Some(last) = &self.index
            && last.settings == settings
            && last.filter == filter
            && last.keys == keys
        {
            self.stats.reindexed = false;
            return (
                last.index.with_content(content, filter),
                last.problems.clone(),
            );
        }
        let (index, problems) = Index::build(config, provinces, content, filter, now);
        self.index = Some(LastIndex {
            settings,
            filter,
            keys,
            index: index.clone(),
            problems: problems.clone(),
        });
        (index, problems)
    }
}

/// A hash of what pages can show of the site's photos: their sizes, copies and credits.
fn gallery_stamp(gallery: &crate::images::Gallery) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut entries: Vec<_> = gallery
        .iter()
        .map(|p| {
            let copies: Vec<_> = p
                .variants
                .iter()
                .chain(&p.share)
                .map(|v| (&v.path, v.width, v.height, v.format))
                .collect();
            (&p.path, p.width, p.height, p.digest, copies, &p.credit)
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let mut hasher = std::hash::DefaultHasher::new();
    entries.hash(&mut hasher);
    hasher.finish()
}

/// Rendered pages by address, with the fingerprint of the job each was made from.
#[derive(Default)]
pub(super) struct Pages {
    keep: bool,
    last: HashMap<String, Page>,
    /// Counts the builds, to drop the pages the last one did not make.
    build: u64,
}

struct Page {
    fingerprint: u64,
    output: Output,
    /// The last build that made this page.
    build: u64,
}

impl Pages {
    /// Renders the plan's pages into `sink`: every page without a memo; with one, only the
    /// pages whose fingerprint changed (the others are handed on as they were). Returns how many
    /// were rendered.
    pub(super) fn render(
        &mut self,
        renderer: &mut Renderer,
        site: Site<'_>,
        plan: &Plan,
        sink: &dyn Sink,
        tick: &(dyn Fn() + Sync),
    ) -> Result<usize, RunError<OutputError>> {
        let jobs: Vec<&Job> = plan.jobs.iter().collect();
        if !self.keep {
            renderer.run_into(site, plan, &jobs, &|_, page| {
                sink.file(page)?;
                tick();
                Ok(())
            })?;
            return Ok(jobs.len());
        }
        let stamps = renderer.template_stamps();
        // Pages write the sizes and copies of the photos they show: a replaced photo makes
        // them again. (Every page, for now: which page shows which photo is not tracked.)
        let photos = gallery_stamp(site.gallery);
        let fingerprints: Vec<u64> = jobs
            .par_iter()
            .map(|job| {
                use std::hash::{Hash, Hasher};
                let mut hasher = std::hash::DefaultHasher::new();
                (plan.fingerprint(job, &stamps), photos).hash(&mut hasher);
                hasher.finish()
            })
            .collect();
        let todo: Vec<(&Job, u64)> = jobs
            .iter()
            .zip(&fingerprints)
            .filter(|(job, fp)| {
                self.last
                    .get(job.path.as_str())
                    .is_none_or(|page| page.fingerprint != **fp)
            })
            .map(|(job, fp)| (*job, *fp))
            .collect();
        let fresh: Vec<OnceLock<Output>> = todo.iter().map(|_| OnceLock::new()).collect();
        let todo_jobs: Vec<&Job> = todo.iter().map(|(job, _)| *job).collect();
        renderer.run_into(site, plan, &todo_jobs, &|i, page| {
            let _ = fresh[i].set(page);
            Ok::<(), OutputError>(())
        })?;
        self.build += 1;
        let build = self.build;
        for ((job, fingerprint), output) in todo.iter().zip(fresh) {
            if let Some(output) = output.into_inner() {
                let page = Page {
                    fingerprint: *fingerprint,
                    output,
                    build,
                };
                self.last.insert(job.path.clone(), page);
            }
        }
        for job in &jobs {
            if let Some(page) = self.last.get_mut(job.path.as_str()) {
                page.build = build;
                sink.file(page.output.clone()).map_err(RunError::Sink)?;
                tick();
            }
        }
        // Pages no job makes any more (a deleted article) are dropped here.
        self.last.retain(|_, page| page.build == build);
        Ok(todo.len())
    }
}

/// The feeds of the last build (see `render::extras::FeedCache`).
#[derive(Default)]
pub(super) struct Feeds {
    keep: bool,
    last: render::extras::FeedCache,
}

impl Feeds {
    /// The RSS and Atom feed of every list that has one; unchanged feeds come from the memo.
    pub(super) fn make(&mut self, site: Site<'_>, plan: &Plan) -> Vec<Output> {
        if self.keep {
            render::extras::feeds_reusing(site, plan, &mut self.last)
        } else {
            render::extras::feeds(site, plan)
        }
    }
}

/// The search index of the last build and what it was made from.
#[derive(Default)]
pub(super) struct Search {
    keep: bool,
    defer: bool,
    last: Option<(u64, Vec<Output>)>,
}

impl Search {
    /// The search index; with `defer`, when it changed, the last one and the fingerprint the
    /// new one is to be kept under once the caller has made it.
    pub(super) fn make(&mut self, site: Site<'_>) -> (Vec<Output>, Option<u64>) {
        if !self.keep {
            return (render::extras::search_files(site), None);
        }
        let fingerprint = render::extras::search_fingerprint(site);
        match &self.last {
            Some((old, files)) if *old == fingerprint => (files.clone(), None),
            Some((_, files)) if self.defer => (files.clone(), Some(fingerprint)),
            _ => {
                let files = render::extras::search_files(site);
                self.last = Some((fingerprint, files.clone()));
                (files, None)
            }
        }
    }
}
