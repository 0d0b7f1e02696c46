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
use crate::model::provinces::Provinces;
use crate::output::{Output, OutputError};
use crate::problem::Problem;
use crate::render::context::Site;
use crate::render::{self, Job, Plan, Renderer, RunError};

use super::sink::Sink;

/// The memo of every stage; see the module's description.
#[derive(Default)]
pub struct Memo {
    keep: bool,
    files: HashMap<PathBuf, CachedFile>,
    /// The settings the cached files were read with; other settings invalidate them all.
    settings: u64,
    index: Option<LastIndex>,
    pub(super) pages: Pages,
    pub(super) feeds: Feeds,
    pub(super) search: Search,
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

struct CachedFile {
    stamp: (Option<SystemTime>, u64),
    loaded: Loaded,
}

struct LastIndex {
    settings: u64,
    filter: Filter,
    keys: Vec<u64>,
    index: Index,
    problems: Vec<Problem>,
}

fn stamp(path: &Path) -> (Option<SystemTime>, u64) {
    std::fs::metadata(path).map_or((None, u64::MAX), |m| (m.modified().ok(), m.len()))
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

    /// Forgets what is known of these files, and of every file below those that are folders
    /// (the watcher saw them change: a folder moved in, or the whole site after lost events).
    pub fn invalidate<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) {
        for path in paths {
            if self.files.remove(path).is_none() {
                self.files.retain(|file, _| !file.starts_with(path));
            }
        }
    }

    /// content/ → articles and pages: reads the files whose stamp changed (all of them without
    /// a memo), then puts them together.
    pub(super) fn load(
        &mut self,
        config: &Config,
        files: &[PathBuf],
        load: &(dyn Fn(&Path) -> Loaded + Sync),
    ) -> (content::Content, Vec<Problem>) {
        if !self.keep {
            let loaded: Vec<Loaded> = files.par_iter().map(|p| load(p)).collect();
            self.stats.reread = loaded.len();
            return content::assemble(config, loaded);
        }
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
        let fresh: Vec<Loaded> = stale.par_iter().map(|&i| load(&files[i])).collect();
        self.stats.reread = fresh.len();
        for (&i, loaded) in stale.iter().zip(fresh) {
            let stamp = stamps[i];
            self.files
                .insert(files[i].clone(), CachedFile { stamp, loaded });
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
        let keys: Vec<u64> = content
            .articles
            .iter()
            .map(|a| crate::model::index_key(a, filter, now))
            .chain(
                content
                    .pages
                    .iter()
                    .map(|p| crate::model::page_key(p, filter)),
            )
            .collect();
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

/// Rendered pages by output file, with the fingerprint of the job each was made from.
#[derive(Default)]
pub(super) struct Pages {
    keep: bool,
    last: HashMap<String, (u64, Output)>,
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
        let keyed: Vec<(String, u64)> = jobs
            .par_iter()
            .map(|job| {
                let file = crate::route::output_file(&job.path);
                (file, plan.fingerprint(job, &stamps))
            })
            .collect();
        let todo: Vec<&Job> = jobs
            .iter()
            .zip(&keyed)
            .filter(|(_, (file, fp))| self.last.get(file).is_none_or(|(old, _)| old != fp))
            .map(|(job, _)| *job)
            .collect();
        let fresh: Vec<OnceLock<Output>> = todo.iter().map(|_| OnceLock::new()).collect();
        renderer.run_into(site, plan, &todo, &|i, page| {
            let _ = fresh[i].set(page);
            Ok::<(), OutputError>(())
        })?;
        let rendered = todo.len();
        let mut fresh: HashMap<String, Output> = fresh
            .into_iter()
            .filter_map(OnceLock::into_inner)
            .map(|o| (o.path.clone(), o))
            .collect();
        // Pages no job makes any more (a deleted article) are dropped here.
        let mut last = std::mem::take(&mut self.last);
        for (file, fp) in keyed {
            let page = match fresh.remove(&file) {
                Some(page) => page,
                None => match last.remove(&file) {
                    Some((_, page)) => page,
                    None => continue,
                },
            };
            sink.file(page.clone()).map_err(RunError::Sink)?;
            tick();
            self.last.insert(file, (fp, page));
        }
        Ok(rendered)
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
    pub(super) fn make(&mut self, site: Site<'_>) -> Vec<Output> {
        if self.keep {
            render::extras::feeds_reusing(site, &mut self.last)
        } else {
            render::extras::feeds(site)
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
