//! What an import did, counted and listed: for the person who runs it (`human`) and for
//! scripts (`--format json`, this struct serialised).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::files::Outcome;
use super::html::Converted;
use super::media::Upload;
use super::wxr::{Export, Item};
use super::{Options, item_name};
use crate::problem::{Problem, SourceFile};

#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub export: String,
    pub wxr_version: String,
    /// What was read: "WordPress export (WXR 1.2)", "2 feeds (RSS, Atom)", "saved pages".
    pub what: String,
    /// The site's folder, as given.
    pub site: String,
    pub dry_run: bool,
    pub items: usize,
    pub articles: usize,
    pub pages: usize,
    pub attachments: usize,
    /// Items not imported, with the reason.
    pub skipped: Vec<Skipped>,
    /// Imported as `draft: true` (draft, pending, private, password-protected).
    pub drafts: Vec<String>,
    /// Future posts: imported with their date, published by the first build after it.
    pub scheduled: Vec<String>,
    /// Sticky posts: `featured: true`.
    pub featured: Vec<String>,
    pub comments: usize,
    pub files: Files,
    pub media: MediaCounts,
    pub sources_lifted: usize,
    pub bylines_lifted: usize,
    pub featured_images: usize,
    /// What the conversion dropped on purpose, by kind, over all items.
    pub dropped: BTreeMap<String, usize>,
    /// What stays HTML (published through the sanitizer): file → what.
    pub kept_html: Vec<String>,
    /// Articles whose HTML the sanitizer will trim when the site is built.
    pub unsafe_html: Vec<String>,
    pub alt_filled: usize,
    /// Images still without alt text: `file: address`.
    pub alt_missing: Vec<String>,
    pub legacy_converted: Vec<String>,
    pub provinces_guessed: Vec<Guess>,
    /// Categories the imported articles use; those site.toml's list lacked were added.
    #[serde(skip)]
    pub categories_used: Vec<String>,
    pub categories_added: Vec<String>,
    /// Old list and feed addresses → new ones (site.toml `[redirects]`).
    #[serde(skip)]
    pub redirects: BTreeMap<String, String>,
    pub redirects_added: usize,
    pub site_toml_changed: bool,
    /// Links to the old site's pages that lead to nothing imported, kept as they were.
    pub old_site_links: usize,
    /// A permalink pattern that would keep most posts at their old address.
    pub permalink_hint: Option<String>,
    #[serde(skip)]
    pub problems: Vec<Problem>,
    /// The export, to give lines.
    #[serde(skip)]
    source: Option<SourceFile>,
}

#[derive(Debug, Serialize)]
pub struct Skipped {
    /// The saved page it comes from, when not the export itself.
    pub file: Option<String>,
    pub id: u64,
    pub title: String,
    pub line: usize,
    pub reason: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Files {
    pub written: Vec<String>,
    pub unchanged: usize,
    /// Files that hold something else than the import would write (an editor's change): kept.
    pub kept: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct MediaCounts {
    pub copied: usize,
    pub unchanged: usize,
    pub kept: Vec<String>,
    /// Not in `--media` (or no `--media` given): the old absolute address stays.
    pub missing: Vec<Missing>,
    pub media_folder_given: bool,
    /// Fetched from the old site (`--fetch-media`), and those it did not give, with why.
    pub fetched: usize,
    pub fetch_failed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Missing {
    pub url: String,
    pub used_by: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Guess {
    pub title: String,
    pub province: String,
    pub from: String,
}

impl Report {
    pub fn new(export: &Export, options: &Options) -> Self {
        Report {
            export: export.file.path.clone(),
            wxr_version: export.version.clone(),
            what: match export.flavor {
                super::wxr::Flavor::Wordpress => {
                    format!("WordPress export (WXR {})", export.version)
                }
                super::wxr::Flavor::Feed | super::wxr::Flavor::Html => export.version.clone(),
            },
            dry_run: options.dry_run,
            source: Some(export.file.clone()),
            items: export.items.len(),
            media: MediaCounts {
                media_folder_given: options.media.is_some(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    pub fn skip(&mut self, item: &Item, reason: &str) {
        let line = item
            .file
            .as_ref()
            .or(self.source.as_ref())
            .map_or(0, |f| f.line_col(item.span.start).0);
        self.skipped.push(Skipped {
            file: item.file.as_ref().map(|f| f.path.clone()),
            id: item.id,
            title: item_name(item),
            line,
            reason: reason.to_string(),
        });
    }

    pub fn conversion(&mut self, file: &str, c: &Converted) {
        for (what, n) in &c.dropped {
            *self.dropped.entry(what.clone()).or_default() += n;
        }
        for what in &c.kept_html {
            self.kept_html.push(format!("{file}: {what}"));
        }
        self.alt_filled += c.alt_filled;
        for src in &c.alt_missing {
            self.alt_missing.push(format!("{file}: {src}"));
        }
    }

    pub fn file(&mut self, file: &str, outcome: Outcome) {
        match outcome {
            Outcome::Written => self.files.written.push(file.to_string()),
            Outcome::Unchanged => self.files.unchanged += 1,
            Outcome::Kept => self.files.kept.push(file.to_string()),
        }
    }

    pub fn media(&mut self, upload: &Upload, outcome: Outcome) {
        match outcome {
            Outcome::Written => self.media.copied += 1,
            Outcome::Unchanged => self.media.unchanged += 1,
            Outcome::Kept => self.media.kept.push(format!("static/{}", upload.to)),
        }
    }

    pub fn media_missing(&mut self, upload: &Upload) {
        self.media.missing.push(Missing {
            url: upload.old_url.clone(),
            used_by: upload.used_by.iter().cloned().collect(),
        });
    }

    /// Did the run change nothing at all (a second run of the same export)?
    pub fn changed_nothing(&self) -> bool {
        self.files.written.is_empty() && self.media.copied == 0 && !self.site_toml_changed
    }

    /// The report for a person, in the order they need it.
    pub fn human(&self) -> String {
        let mut t = String::new();
        let w = if self.dry_run { "would be " } else { "" };
        let _ = writeln!(t, "{}: {}, {} items", self.export, self.what, self.items);
        let _ = writeln!(
            t,
            "  imported: {} articles, {} pages{}",
            self.articles,
            self.pages,
            extra(&[
                (self.drafts.len(), "as drafts"),
                (self.scheduled.len(), "scheduled"),
                (self.featured.len(), "featured (sticky)"),
            ])
        );
        list(&mut t, "    draft", &self.drafts);
        list(&mut t, "    scheduled", &self.scheduled);
        list(&mut t, "    featured", &self.featured);
        if !self.skipped.is_empty() {
            let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
            for s in &self.skipped {
                *reasons.entry(s.reason.as_str()).or_default() += 1;
            }
            let _ = writeln!(t, "  skipped: {} items", self.skipped.len());
            for (reason, n) in reasons {
                let _ = writeln!(t, "    {n} × {reason}");
            }
        }
        let _ = writeln!(
            t,
            "  attachments: {} (their files are the media below); comments: {} (not published)",
            self.attachments, self.comments
        );
        let _ = writeln!(
            t,
            "  files: {} {w}written, {} unchanged, {} kept (changed since the last import: left as they are)",
            self.files.written.len(),
            self.files.unchanged,
            self.files.kept.len()
        );
        list(&mut t, "    kept", &self.files.kept);
        let _ = writeln!(
            t,
            "  media: {} {w}copied, {} unchanged, {} kept, {} missing",
            self.media.copied,
            self.media.unchanged,
            self.media.kept.len(),
            self.media.missing.len()
        );
        if self.media.fetched > 0 {
            let _ = writeln!(t, "    fetched from the old site: {}", self.media.fetched);
        }
        list(&mut t, "    could not fetch", &self.media.fetch_failed);
        if !self.media.missing.is_empty() {
            let why = if self.media.media_folder_given {
                "not in the --media folder"
            } else {
                "no --media folder was given"
            };
            let _ = writeln!(t, "    missing ({why}; they keep their old address):");
            for m in self.media.missing.iter().take(20) {
                let _ = writeln!(t, "      {} (in {})", m.url, m.used_by.join(", "));
            }
            if self.media.missing.len() > 20 {
                let _ = writeln!(
                    t,
                    "      … and {} more (--format json lists all)",
                    self.media.missing.len() - 20
                );
            }
        }
        let _ = writeln!(
            t,
            "  lifted: {} sources (“Theo …”), {} bylines, {} featured images",
            self.sources_lifted, self.bylines_lifted, self.featured_images
        );
        if !self.dropped.is_empty() {
            // "block shown by WordPress, not in the text: wp:archives" and its kin: one line.
            let mut groups: BTreeMap<&str, (usize, Vec<String>)> = BTreeMap::new();
            for (what, n) in &self.dropped {
                let (group, detail) = match what.split_once(": ") {
                    Some((group, detail)) => (group, Some(detail)),
                    None => (what.as_str(), None),
                };
                let entry = groups.entry(group).or_default();
                entry.0 += n;
                if let Some(detail) = detail {
                    entry.1.push(format!("{detail} {n}"));
                }
            }
            let _ = writeln!(t, "  dropped (meaningless on the new site):");
            for (group, (n, details)) in groups {
                if details.is_empty() {
                    let _ = writeln!(t, "    {n} × {group}");
                } else {
                    let _ = writeln!(t, "    {n} × {group} ({})", details.join(", "));
                }
            }
        }
        if !self.kept_html.is_empty() {
            let _ = writeln!(
                t,
                "  kept as HTML (published through the sanitizer; read these articles): {}",
                self.kept_html.len()
            );
            list(&mut t, "   ", &self.kept_html);
        }
        if !self.unsafe_html.is_empty() {
            let _ = writeln!(
                t,
                "  unsafe HTML will be removed when these are published ({}; bantin check lists each removal):",
                self.unsafe_html.len()
            );
            list(&mut t, "   ", &self.unsafe_html);
        }
        if self.alt_filled > 0 || !self.alt_missing.is_empty() {
            let _ = writeln!(
                t,
                "  image descriptions: {} filled from a caption or title, {} still missing",
                self.alt_filled,
                self.alt_missing.len()
            );
            list(&mut t, "    missing", &self.alt_missing);
        }
        if !self.legacy_converted.is_empty() {
            let _ = writeln!(
                t,
                "  converted from a legacy Vietnamese encoding: {}",
                self.legacy_converted.len()
            );
            list(&mut t, "   ", &self.legacy_converted);
        }
        if !self.provinces_guessed.is_empty() {
            let _ = writeln!(
                t,
                "  provinces guessed (only where one was named): {}",
                self.provinces_guessed.len()
            );
            for g in self.provinces_guessed.iter().take(20) {
                let _ = writeln!(t, "    {} → {} (from {})", g.title, g.province, g.from);
            }
        }
        if !self.categories_added.is_empty() {
            let _ = writeln!(
                t,
                "  site.toml: categories {w}added: {}",
                self.categories_added.join(", ")
            );
        }
        if self.redirects_added > 0 {
            let _ = writeln!(
                t,
                "  site.toml: {} old list and feed addresses {w}added under [redirects]",
                self.redirects_added
            );
        }
        if self.old_site_links > 0 {
            let _ = writeln!(
                t,
                "  {} links to pages of the old site that were not imported keep their old address",
                self.old_site_links
            );
        }
        if let Some(p) = &self.permalink_hint {
            let _ = writeln!(
                t,
                "  hint: the old posts' addresses follow {p}; with `article = \"{p}\"` under [permalinks] in site.toml they stay the real addresses (now each old address redirects)"
            );
        }
        if self.changed_nothing() && !self.dry_run {
            let _ = writeln!(
                t,
                "nothing changed: everything in the export was already imported"
            );
        } else if self.dry_run {
            let _ = writeln!(t, "dry run: nothing was written");
        } else {
            let source = match self.site.as_str() {
                "" | "." => String::new(),
                site => format!(" --source {site}"),
            };
            let _ = writeln!(
                t,
                "next: bantin serve{source} to read the imported articles (those listed above first), then bantin check{source}"
            );
        }
        t
    }
}

fn extra(parts: &[(usize, &str)]) -> String {
    let parts: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// Up to 10 lines of a list, then how many more.
fn list(t: &mut String, prefix: &str, items: &[String]) {
    let lead = if prefix.trim().is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}:")
    };
    for item in items.iter().take(10) {
        let _ = writeln!(t, "{lead} {item}");
    }
    if items.len() > 10 {
        let _ = writeln!(
            t,
            "{lead} … and {} more (--format json lists all)",
            items.len() - 10
        );
    }
}
