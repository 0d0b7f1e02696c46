//! What an import did, counted and listed: for the person who runs it (`human`) and for
//! scripts (`--format json`: `json`, or this struct serialised, with its words in English).
//! Every word comes from the message catalogue, in the language asked for.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Serialize, Serializer};
use serde_json::{Value, json};

use super::files::Outcome;
use super::html::{Converted, Dropped};
use super::media::Upload;
use super::wxr::{Export, Item};
use super::{Options, item_name};
use crate::messages::{Lang, Message};
use crate::msg;
use crate::problem::{Problem, SourceFile};

/// What an import did. Its words (the reasons, what was dropped) are messages, put into the
/// reader's language by `human` and `json`.
#[derive(Debug)]
pub struct Report {
    pub export: String,
    pub wxr_version: String,
    /// What was read: "WordPress export (WXR 1.2)", "2 feeds (RSS, Atom)", "3 saved pages".
    pub what: Message,
    /// The site's folder, as given.
    pub site: String,
    pub dry_run: bool,
    pub items: usize,
    pub articles: usize,
    pub pages: usize,
    pub attachments: usize,
    /// Items not imported, with the reason.
    pub skipped: Vec<Skipped>,
    /// Imported as `draft: true` (draft, pending, private, password-protected): the title and
    /// why.
    pub drafts: Vec<Message>,
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
    pub dropped: BTreeMap<Dropped, usize>,
    /// What stays HTML (published through the sanitizer): file and what.
    pub kept_html: Vec<Message>,
    /// Articles whose HTML the sanitizer will trim when the site is built.
    pub unsafe_html: Vec<String>,
    pub alt_filled: usize,
    /// Images still without alt text: `file: address`.
    pub alt_missing: Vec<String>,
    /// Text repaired from a legacy encoding: the item, which part, from which encoding.
    pub legacy_converted: Vec<Message>,
    pub provinces_guessed: Vec<Guess>,
    /// Categories the imported articles use; those site.toml's list lacked were added.
    pub categories_used: Vec<String>,
    pub categories_added: Vec<String>,
    /// Old list and feed addresses → new ones (site.toml `[redirects]`).
    pub redirects: BTreeMap<String, String>,
    pub redirects_added: usize,
    pub site_toml_changed: bool,
    /// Links to the old site's pages that lead to nothing imported, kept as they were.
    pub old_site_links: usize,
    /// A permalink pattern that would keep most posts at their old address.
    pub permalink_hint: Option<String>,
    pub problems: Vec<Problem>,
    /// The export, to give lines.
    source: Option<SourceFile>,
}

#[derive(Debug)]
pub struct Skipped {
    /// The saved page it comes from, when not the export itself.
    pub file: Option<String>,
    pub id: u64,
    /// The item as the reader knows it: “its title”, else "item 12".
    pub title: Message,
    pub line: usize,
    pub reason: Message,
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
    /// Fetched from the old site (`--fetch-media`), and those it did not give: `address:
    /// why` (the HTTP client's or the system's words).
    pub fetched: usize,
    pub fetch_failed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Missing {
    pub url: String,
    pub used_by: Vec<String>,
}

#[derive(Debug)]
pub struct Guess {
    pub title: String,
    pub province: String,
    /// Where the province was named: the title, a category or tag.
    pub from: Message,
}

/// `--format json` without a language: the words in English.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.json(Lang::En).serialize(serializer)
    }
}

impl Report {
    pub fn new(export: &Export, options: &Options) -> Self {
        Report {
            export: export.file.path.clone(),
            wxr_version: export.version.clone(),
            what: export.what.clone(),
            site: String::new(),
            dry_run: options.dry_run,
            items: export.items.len(),
            articles: 0,
            pages: 0,
            attachments: 0,
            skipped: Vec::new(),
            drafts: Vec::new(),
            scheduled: Vec::new(),
            featured: Vec::new(),
            comments: 0,
            files: Files::default(),
            media: MediaCounts {
                media_folder_given: options.media.is_some(),
                ..Default::default()
            },
            sources_lifted: 0,
            bylines_lifted: 0,
            featured_images: 0,
            dropped: BTreeMap::new(),
            kept_html: Vec::new(),
            unsafe_html: Vec::new(),
            alt_filled: 0,
            alt_missing: Vec::new(),
            legacy_converted: Vec::new(),
            provinces_guessed: Vec::new(),
            categories_used: Vec::new(),
            categories_added: Vec::new(),
            redirects: BTreeMap::new(),
            redirects_added: 0,
            site_toml_changed: false,
            old_site_links: 0,
            permalink_hint: None,
            problems: Vec::new(),
            source: Some(export.file.clone()),
        }
    }

    pub fn skip(&mut self, item: &Item, reason: Message) {
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
            reason,
        });
    }

    pub fn conversion(&mut self, file: &str, c: &Converted) {
        for (what, n) in &c.dropped {
            *self.dropped.entry(what.clone()).or_default() += n;
        }
        for what in &c.kept_html {
            self.kept_html.push(msg!(
                "import-report-kept-html-item",
                file = file,
                what = what.message()
            ));
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

    /// The report for scripts (`--format json`): counts and lists under English keys, the
    /// sentences in `lang`.
    pub fn json(&self, lang: Lang) -> Value {
        let texts = |messages: &[Message]| -> Vec<String> {
            messages.iter().map(|m| lang.text(m)).collect()
        };
        let skipped: Vec<Value> = self
            .skipped
            .iter()
            .map(|s| {
                json!({
                    "file": s.file,
                    "id": s.id,
                    "title": lang.text(&s.title),
                    "line": s.line,
                    "reason": lang.text(&s.reason),
                })
            })
            .collect();
        let dropped: BTreeMap<String, usize> = self
            .dropped
            .iter()
            .map(|(what, n)| (lang.text(&what.message()), *n))
            .collect();
        let guessed: Vec<Value> = self
            .provinces_guessed
            .iter()
            .map(|g| {
                json!({
                    "title": g.title,
                    "province": g.province,
                    "from": lang.text(&g.from),
                })
            })
            .collect();
        json!({
            "export": self.export,
            "wxr_version": self.wxr_version,
            "what": lang.text(&self.what),
            "site": self.site,
            "dry_run": self.dry_run,
            "items": self.items,
            "articles": self.articles,
            "pages": self.pages,
            "attachments": self.attachments,
            "skipped": skipped,
            "drafts": texts(&self.drafts),
            "scheduled": self.scheduled,
            "featured": self.featured,
            "comments": self.comments,
            "files": self.files,
            "media": self.media,
            "sources_lifted": self.sources_lifted,
            "bylines_lifted": self.bylines_lifted,
            "featured_images": self.featured_images,
            "dropped": dropped,
            "kept_html": texts(&self.kept_html),
            "unsafe_html": self.unsafe_html,
            "alt_filled": self.alt_filled,
            "alt_missing": self.alt_missing,
            "legacy_converted": texts(&self.legacy_converted),
            "provinces_guessed": guessed,
            "categories_added": self.categories_added,
            "redirects_added": self.redirects_added,
            "site_toml_changed": self.site_toml_changed,
            "old_site_links": self.old_site_links,
            "permalink_hint": self.permalink_hint,
        })
    }

    /// The report for a person, in `lang`, in the order they need it.
    pub fn human(&self, lang: Lang) -> String {
        let text = |m: Message| lang.text(&m);
        let texts = |messages: &[Message]| -> Vec<String> {
            messages.iter().map(|m| lang.text(m)).collect()
        };
        let dry = if self.dry_run { "yes" } else { "no" };
        let mut t = String::new();
        let _ = writeln!(
            t,
            "{}",
            text(msg!(
                "import-report-header",
                export = self.export.as_str(),
                what = self.what.clone(),
                items = self.items
            ))
        );
        let extra: Vec<Message> = [
            (
                self.drafts.len(),
                msg!("import-report-as-drafts", count = self.drafts.len()),
            ),
            (
                self.scheduled.len(),
                msg!("import-report-scheduled", count = self.scheduled.len()),
            ),
            (
                self.featured.len(),
                msg!("import-report-featured", count = self.featured.len()),
            ),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, m)| m)
        .collect();
        let imported = match super::joined_messages(extra, |first, second| {
            msg!("import-join-comma", first = first, second = second)
        }) {
            None => msg!(
                "import-report-imported",
                articles = self.articles,
                pages = self.pages
            ),
            Some(extra) => msg!(
                "import-report-imported-with",
                articles = self.articles,
                pages = self.pages,
                extra = extra
            ),
        };
        let _ = writeln!(t, "  {}", text(imported));
        list(
            &mut t,
            lang,
            "    ",
            Some(msg!("import-report-list-draft")),
            &texts(&self.drafts),
        );
        list(
            &mut t,
            lang,
            "    ",
            Some(msg!("import-report-list-scheduled")),
            &self.scheduled,
        );
        list(
            &mut t,
            lang,
            "    ",
            Some(msg!("import-report-list-featured")),
            &self.featured,
        );
        if !self.skipped.is_empty() {
            let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
            for s in &self.skipped {
                *reasons.entry(lang.text(&s.reason)).or_default() += 1;
            }
            let _ = writeln!(
                t,
                "  {}",
                text(msg!("import-report-skipped", count = self.skipped.len()))
            );
            for (reason, n) in reasons {
                let _ = writeln!(t, "    {n} × {reason}");
            }
        }
        let _ = writeln!(
            t,
            "  {}",
            text(msg!(
                "import-report-attachments",
                attachments = self.attachments,
                comments = self.comments
            ))
        );
        let _ = writeln!(
            t,
            "  {}",
            text(msg!(
                "import-report-files",
                written = self.files.written.len(),
                dry = dry,
                unchanged = self.files.unchanged,
                kept = self.files.kept.len()
            ))
        );
        list(
            &mut t,
            lang,
            "    ",
            Some(msg!("import-report-list-kept")),
            &self.files.kept,
        );
        let _ = writeln!(
            t,
            "  {}",
            text(msg!(
                "import-report-media",
                copied = self.media.copied,
                dry = dry,
                unchanged = self.media.unchanged,
                kept = self.media.kept.len(),
                missing = self.media.missing.len()
            ))
        );
        if self.media.fetched > 0 {
            let _ = writeln!(
                t,
                "    {}",
                text(msg!("import-report-fetched", count = self.media.fetched))
            );
        }
        list(
            &mut t,
            lang,
            "    ",
            Some(msg!("import-report-list-fetch-failed")),
            &self.media.fetch_failed,
        );
        if !self.media.missing.is_empty() {
            let missing = if self.media.media_folder_given {
                msg!("import-report-missing-not-in-folder")
            } else {
                msg!("import-report-missing-no-folder")
            };
            let _ = writeln!(t, "    {}", text(missing));
            for m in self.media.missing.iter().take(20) {
                let _ = writeln!(
                    t,
                    "      {}",
                    text(msg!(
                        "import-report-missing-item",
                        url = m.url.as_str(),
                        files = m.used_by.join(", ")
                    ))
                );
            }
            if self.media.missing.len() > 20 {
                let _ = writeln!(
                    t,
                    "      {}",
                    text(msg!(
                        "import-report-more",
                        count = self.media.missing.len() - 20
                    ))
                );
            }
        }
        let _ = writeln!(
            t,
            "  {}",
            text(msg!(
                "import-report-lifted",
                sources = self.sources_lifted,
                bylines = self.bylines_lifted,
                images = self.featured_images
            ))
        );
        if !self.dropped.is_empty() {
            // The blocks WordPress fills in ("wp:archives" and its kin): one line, with each.
            let mut groups: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
            for (what, n) in &self.dropped {
                let (group, detail) = what.group();
                let entry = groups.entry(lang.text(&group)).or_default();
                entry.0 += n;
                if let Some(detail) = detail {
                    entry.1.push(format!("{detail} {n}"));
                }
            }
            let _ = writeln!(t, "  {}", text(msg!("import-report-dropped")));
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
                "  {}",
                text(msg!(
                    "import-report-kept-html",
                    count = self.kept_html.len()
                ))
            );
            list(&mut t, lang, "   ", None, &texts(&self.kept_html));
        }
        if !self.unsafe_html.is_empty() {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!(
                    "import-report-unsafe-html",
                    count = self.unsafe_html.len()
                ))
            );
            list(&mut t, lang, "   ", None, &self.unsafe_html);
        }
        if self.alt_filled > 0 || !self.alt_missing.is_empty() {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!(
                    "import-report-alt",
                    filled = self.alt_filled,
                    missing = self.alt_missing.len()
                ))
            );
            list(
                &mut t,
                lang,
                "    ",
                Some(msg!("import-report-list-missing")),
                &self.alt_missing,
            );
        }
        if !self.legacy_converted.is_empty() {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!(
                    "import-report-legacy",
                    count = self.legacy_converted.len()
                ))
            );
            list(&mut t, lang, "   ", None, &texts(&self.legacy_converted));
        }
        if !self.provinces_guessed.is_empty() {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!(
                    "import-report-provinces",
                    count = self.provinces_guessed.len()
                ))
            );
            for g in self.provinces_guessed.iter().take(20) {
                let _ = writeln!(
                    t,
                    "    {}",
                    text(msg!(
                        "import-report-province-guess",
                        title = g.title.as_str(),
                        province = g.province.as_str(),
                        from = g.from.clone()
                    ))
                );
            }
        }
        if !self.categories_added.is_empty() {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!(
                    "import-report-categories-added",
                    dry = dry,
                    categories = self.categories_added.join(", ")
                ))
            );
        }
        if self.redirects_added > 0 {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!(
                    "import-report-redirects-added",
                    count = self.redirects_added,
                    dry = dry
                ))
            );
        }
        if self.old_site_links > 0 {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!(
                    "import-report-old-site-links",
                    count = self.old_site_links
                ))
            );
        }
        if let Some(p) = &self.permalink_hint {
            let _ = writeln!(
                t,
                "  {}",
                text(msg!("import-report-permalink-hint", pattern = p.as_str()))
            );
        }
        if self.changed_nothing() && !self.dry_run {
            let _ = writeln!(t, "{}", text(msg!("import-report-nothing-changed")));
        } else if self.dry_run {
            let _ = writeln!(t, "{}", text(msg!("import-report-dry-run")));
        } else {
            let source = match self.site.as_str() {
                "" | "." => String::new(),
                site => format!(" --source {site}"),
            };
            let _ = writeln!(t, "{}", text(msg!("import-report-next", source = source)));
        }
        t
    }
}

/// Up to 10 lines of a list, each after `label:` (or only the indent when there is no label),
/// then how many more.
fn list(t: &mut String, lang: Lang, indent: &str, label: Option<Message>, items: &[String]) {
    let lead = match label {
        Some(label) => format!("{indent}{}:", lang.text(&label)),
        None => indent.to_string(),
    };
    for item in items.iter().take(10) {
        let _ = writeln!(t, "{lead} {item}");
    }
    if items.len() > 10 {
        let more = lang.text(&msg!("import-report-more", count = items.len() - 10));
        let _ = writeln!(t, "{lead} {more}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::wxr;

    const EXPORT: &str = r#"<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<link>https://lhhn.example.vn/</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Bài đã xóa</title><wp:post_id>7</wp:post_id><wp:status>trash</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>"#;

    fn report(dry_run: bool) -> Report {
        let export = wxr::parse(SourceFile::new("xuat.xml", EXPORT)).expect("an export");
        let options = Options {
            dry_run,
            ..Options::default()
        };
        let mut r = Report::new(&export, &options);
        r.articles = 2;
        r.pages = 1;
        r.drafts.push(msg!(
            "import-draft",
            title = "Kế hoạch giao lưu năm 2021",
            status = "pending"
        ));
        r.skip(
            &export.items[0],
            msg!("import-skip-status", status = "trash"),
        );
        r.files.written = vec!["content/tin-tuc/2020/hoi-nghi.md".into()];
        r.dropped.insert(Dropped::BlockShown("archives".into()), 2);
        r.dropped
            .insert(Dropped::BlockShown("latest-posts".into()), 1);
        r.dropped.insert(Dropped::EmptyParagraph, 3);
        r
    }

    fn has_lines(text: &str, lines: &[&str]) {
        for line in lines {
            assert!(text.lines().any(|l| l == *line), "{line:?} in\n{text}");
        }
    }

    #[test]
    fn the_report_in_vietnamese() {
        let text = report(true).human(Lang::Vi);
        has_lines(
            &text,
            &[
                "xuat.xml: tệp xuất WordPress (WXR 1.2), 1 mục",
                "  nhập: 2 bài viết, 1 trang riêng (1 bản nháp)",
                "    bản nháp: Kế hoạch giao lưu năm 2021 (chờ duyệt)",
                "  bỏ qua: 1 mục",
                "    1 × trạng thái \"trash\" (không phải bài đã đăng hay đang viết dở)",
                "  tệp bài: sẽ ghi 1, 0 không đổi, 0 giữ nguyên (đã được sửa sau lần nhập trước nên để nguyên như vậy)",
                "  bỏ đi (không còn ý nghĩa trên trang mới):",
                "    3 × khối do WordPress tự hiện, không nằm trong bài (wp:archives 2, wp:latest-posts 1)",
                "    3 × đoạn văn trống",
                "chạy thử: chưa ghi gì cả",
            ],
        );
        let json = report(false).json(Lang::Vi);
        assert_eq!(
            json["skipped"][0]["reason"],
            "trạng thái \"trash\" (không phải bài đã đăng hay đang viết dở)"
        );
        assert_eq!(json["skipped"][0]["title"], "“Bài đã xóa”");
        assert_eq!(json["dropped"]["đoạn văn trống"], 3);
        assert_eq!(json["what"], "tệp xuất WordPress (WXR 1.2)");
    }

    #[test]
    fn the_report_in_english_and_its_json() {
        let text = report(false).human(Lang::En);
        has_lines(
            &text,
            &[
                "xuat.xml: WordPress export (WXR 1.2), 1 items",
                "  imported: 2 articles, 1 pages (1 as drafts)",
                "    draft: Kế hoạch giao lưu năm 2021 (pending)",
                "    1 × status \"trash\" (not a post anyone published or was writing)",
                "  files: 1 written, 0 unchanged, 0 kept (changed since the last import: left as they are)",
                "    3 × block shown by WordPress, not in the text (wp:archives 2, wp:latest-posts 1)",
                "    3 × empty paragraph",
                "next: bantin serve to read the imported articles (those listed above first), then bantin check",
            ],
        );
        // Without a language, the JSON's words are English.
        let json = serde_json::to_value(report(false)).expect("json");
        assert_eq!(
            json["dropped"]["block shown by WordPress, not in the text: wp:archives"],
            2
        );
        assert_eq!(json["drafts"][0], "Kế hoạch giao lưu năm 2021 (pending)");
        assert_eq!(json["wxr_version"], "1.2");
    }

    #[test]
    fn long_lists_say_how_many_more() {
        let mut r = report(false);
        r.scheduled = (1..=12).map(|n| format!("Bài {n}")).collect();
        let text = r.human(Lang::Vi);
        has_lines(
            &text,
            &[
                "    hẹn giờ đăng: Bài 10",
                "    hẹn giờ đăng: … và 2 mục nữa (--format json liệt kê đủ)",
            ],
        );
        assert!(
            r.human(Lang::En)
                .contains("    scheduled: … and 2 more (--format json lists all)\n")
        );
    }
}
