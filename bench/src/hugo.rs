//! Writes a Hugo site equivalent to a generated bantin corpus, for `bantin-bench compare`: the
//! same articles (text, title, date, summary, author, source, tags, category, province,
//! aliases) at the same addresses, the same lists (home, each province, tag, category, year
//! and month, 20 articles a page under `trang/N/`), RSS and Atom feeds for the same lists,
//! sitemap, robots.txt and 404 page, and a small theme doing what bantin's default theme does.
//!
//! Lists are Hugo taxonomies whose terms are bantin's slugs (`tags: [ha-noi]`); each term has
//! a `_index.md` giving its display name, so Hugo's term pages get bantin's addresses without
//! Hugo having to slugify Vietnamese (it would keep `đ`, bantin writes `d`). Archives are the
//! taxonomies `years` ("2020") and `months` ("2020-05").

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use bantin::locale::slugify;
use bantin::model::province_path_slug;
use bantin::provinces::{ProvinceId, Provinces};
use chrono::{Datelike, NaiveDate};

use crate::corpus::{Article, Corpus, split_front_matter};

/// What the generated site.toml says that the Hugo site needs too.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteInfo {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub language: String,
    pub page_size: usize,
    pub feed_limit: usize,
    /// Categories in site.toml's order (the order of the home page's blocks).
    pub categories: Vec<String>,
    /// (name, address below the site, e.g. "/gioi-thieu/")
    pub menu: Vec<(String, String)>,
    /// [organization]: name, parent, address, phone, email, editor
    pub organization: BTreeMap<String, String>,
}

impl SiteInfo {
    /// Reads the settings bantin reads from site.toml (bantin's defaults where it says nothing).
    pub fn parse(text: &str) -> Result<SiteInfo, String> {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| format!("cannot read the corpus' site.toml: {e}"))?;
        let string = |key: &str| {
            table
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .ok_or_else(|| format!("the corpus' site.toml has no `{key}`"))
        };
        let number = |value: Option<&toml::Value>, default: usize| {
            value
                .and_then(|v| v.as_integer())
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(default)
        };
        let categories = table
            .get("categories")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let menu = table
            .get("menu")
            .and_then(|v| v.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| {
                        let name = item.get("name")?.as_str()?;
                        let url = item.get("url")?.as_str()?;
                        Some((name.to_string(), url.to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let organization = table
            .get("organization")
            .and_then(|v| v.as_table())
            .map(|t| {
                t.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        Ok(SiteInfo {
            title: string("title")?,
            description: string("description").unwrap_or_default(),
            base_url: string("base_url")?,
            language: string("language").unwrap_or_else(|_| "vi".into()),
            page_size: number(table.get("page_size"), 20),
            feed_limit: number(
                table
                    .get("feeds")
                    .and_then(|f| f.as_table())
                    .and_then(|f| f.get("limit")),
                20,
            ),
            categories,
            menu,
            organization,
        })
    }

    /// The base URL's path, with both slashes: "/lhhn/".
    pub fn base_path(&self) -> String {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        let path = rest.find('/').map_or("", |i| &rest[i..]);
        let path = path.trim_matches('/');
        if path.is_empty() {
            "/".to_string()
        } else {
            format!("/{path}/")
        }
    }
}

/// RFC 3339 in Vietnam's time (UTC+7 all year): what bantin makes of every date form the
/// corpus writes (`27/05/2020 08:30`, `2020-05-27 08:30`, `27.05.2020` …). An untimed date is
/// midnight.
pub fn rfc3339(date: NaiveDate, minutes: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00+07:00",
        date.year(),
        date.month(),
        date.day(),
        minutes / 60,
        minutes % 60
    )
}

/// A YAML double-quoted scalar (JSON's escapes are a subset of YAML's).
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn quoted_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| quoted(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// Where an article is listed: its own unit's list, and the list of the unit it belongs to
/// now when it was merged (bantin's default, `include_merged`). Slugs, as bantin's addresses.
pub fn province_lists(provinces: &Provinces, id: ProvinceId) -> Vec<String> {
    let own = province_path_slug(provinces, id).to_string();
    let current = provinces.current_of(provinces.get(id)).id();
    let mut lists = vec![own];
    if current != id {
        lists.push(province_path_slug(provinces, current).to_string());
    }
    lists
}

/// The article's Hugo front matter (YAML), from what the generator meant, whatever form the
/// bantin file writes it in.
pub fn front_matter(article: &Article, provinces: &Provinces) -> String {
    let m = &article.meta;
    let minutes = if m.timed { article.when.1 } else { 0 };
    let unit = provinces.get(m.province);
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", quoted(&article.title));
    let _ = writeln!(out, "slug: {}", quoted(&m.slug));
    let _ = writeln!(out, "date: {}", rfc3339(m.date, minutes));
    if let Some(updated) = m.updated {
        // `lastmod` for feeds and the sitemap; `updated` for the article's "Cập nhật" line
        // (Hugo fills `.Params.lastmod` in from the date when it is not given).
        let updated = rfc3339(updated, 0);
        let _ = writeln!(out, "lastmod: {updated}\nupdated: {updated}");
    }
    if let Some(summary) = &m.summary {
        let _ = writeln!(out, "summary: {}", quoted(summary));
    }
    if let Some(author) = &m.author {
        let _ = writeln!(out, "author: {}", quoted(author));
    }
    if let Some((name, url)) = &m.source {
        let _ = writeln!(out, "source:\n  name: {}", quoted(name));
        if let Some(url) = url {
            let _ = writeln!(out, "  url: {}", quoted(url));
        }
    }
    if !m.aliases.is_empty() {
        let _ = writeln!(out, "aliases: {}", quoted_list(&m.aliases));
    }
    if article.featured {
        out.push_str("featured: true\n");
    }
    let own = province_path_slug(provinces, m.province);
    let _ = writeln!(out, "province: {}", quoted(own));
    let _ = writeln!(out, "province_name: {}", quoted(unit.display_name()));
    let full = if unit.full_name().is_empty() {
        unit.display_name()
    } else {
        unit.full_name()
    };
    let _ = writeln!(out, "province_full: {}", quoted(full));
    let current = provinces.current_of(unit);
    if current.id() != unit.id() {
        let _ = writeln!(
            out,
            "merged_into: {}",
            quoted(province_path_slug(provinces, current.id()))
        );
        let _ = writeln!(out, "merged_into_name: {}", quoted(current.display_name()));
    }
    let _ = writeln!(
        out,
        "provinces: {}",
        quoted_list(&province_lists(provinces, m.province))
    );
    let _ = writeln!(out, "categories: {}", quoted_list(&[slugify(m.category)]));
    let tags: Vec<String> = m.tags.iter().map(|t| slugify(t)).collect();
    let _ = writeln!(out, "tags: {}", quoted_list(&tags));
    let _ = writeln!(out, "years: {}", quoted_list(&[m.date.year().to_string()]));
    let _ = writeln!(
        out,
        "months: {}",
        quoted_list(&[format!("{}-{:02}", m.date.year(), m.date.month())])
    );
    out.push_str("---\n");
    out
}

/// The body for Hugo. Without `summary:`, bantin's summary is the first paragraph; Hugo's
/// summary divider after it gives Hugo the same (Hugo's own would be the first 70 words).
pub fn body(markdown: &str, has_summary: bool) -> String {
    let markdown = markdown.trim_start_matches('\n');
    if has_summary {
        return markdown.to_string();
    }
    match markdown.find("\n\n") {
        Some(end) => format!(
            "{}\n\n<!--more-->\n\n{}",
            &markdown[..end],
            &markdown[end + 2..]
        ),
        None => markdown.to_string(),
    }
}

/// What [`write`] wrote.
pub struct Written {
    pub files: usize,
    pub articles: usize,
    pub terms: usize,
}

/// Writes the Hugo site for `corpus` into `dir` (which must not exist yet or be empty).
/// `static_dir` is bantin's default theme's static folder (the same CSS, JS and icon);
/// `related_cardinality` is Hugo's `cardinalityThreshold` for the related-article indexes
/// (see [`config`]).
pub fn write(
    corpus: &Corpus,
    dir: &Path,
    static_dir: &Path,
    related_cardinality: u8,
) -> Result<Written, String> {
    if dir.join("hugo.toml").exists() {
        return Err(format!("{} already holds a Hugo site", dir.display()));
    }
    let site_toml = corpus
        .files
        .iter()
        .find(|(p, _)| p == Path::new("site.toml"))
        .map(|(_, t)| t.as_str())
        .ok_or("the corpus has no site.toml")?;
    let site = SiteInfo::parse(site_toml)?;
    let provinces = Provinces::builtin();
    let mut files = 0;
    let mut put = |rel: &str, text: &str| -> Result<(), String> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        files += 1;
        Ok(())
    };

    put("hugo.toml", &config(&site, related_cardinality))?;
    for (name, text) in LAYOUTS {
        put(&format!("layouts/{name}"), text)?;
    }

    // Standalone pages as they are (title and body), plus the search page.
    for (rel, text) in &corpus.files {
        let rel_text = rel.to_string_lossy().replace('\\', "/");
        if rel_text.starts_with("content/") && !rel_text.starts_with("content/tin-tuc/") {
            put(&rel_text, text)?;
        }
    }
    put(
        "content/tim-kiem.md",
        "---\ntitle: \"Tìm kiếm\"\nlayout: search\nsitemap:\n  disable: true\n---\n",
    )?;
    put(
        "content/_index.md",
        &format!("---\ntitle: {}\n---\n", quoted(&site.title)),
    )?;

    // Articles, and every term they use (slug → display name).
    let mut tags: BTreeMap<String, String> = BTreeMap::new();
    let mut lists: BTreeSet<ProvinceId> = BTreeSet::new();
    let mut months: BTreeSet<(i32, u32)> = BTreeSet::new();
    let texts: BTreeMap<&Path, &str> = corpus
        .files
        .iter()
        .map(|(p, t)| (p.as_path(), t.as_str()))
        .collect();
    for article in &corpus.articles {
        let text = texts
            .get(article.path.as_path())
            .ok_or_else(|| format!("no file {} in the corpus", article.path.display()))?;
        let (_, markdown) = split_front_matter(text);
        let m = &article.meta;
        let mut file = front_matter(article, provinces);
        file.push('\n');
        file.push_str(&body(markdown, m.summary.is_some()));
        put(
            &format!("content/tin-tuc/{}/{}.md", m.date.year(), m.slug),
            &file,
        )?;
        for tag in &m.tags {
            tags.entry(slugify(tag)).or_insert_with(|| tag.clone());
        }
        let current = provinces.current_of(provinces.get(m.province)).id();
        lists.insert(m.province);
        lists.insert(current);
        months.insert((m.date.year(), m.date.month()));
    }

    let mut terms = 0;
    put("content/tags/_index.md", "---\ntitle: \"Chủ đề\"\n---\n")?;
    for (slug, name) in &tags {
        put(
            &format!("content/tags/{slug}/_index.md"),
            &format!(
                "---\ntitle: {}\nslug: {}\n---\n",
                quoted(name),
                quoted(slug)
            ),
        )?;
        terms += 1;
    }
    put(
        "content/categories/_index.md",
        "---\ntitle: \"Chuyên mục\"\n---\n",
    )?;
    let used: BTreeSet<&str> = corpus.articles.iter().map(|a| a.meta.category).collect();
    let mut weight = 0;
    for name in site
        .categories
        .iter()
        .map(String::as_str)
        .chain(used.iter().copied())
    {
        let slug = slugify(name);
        let path = format!("content/categories/{slug}/_index.md");
        if !used.contains(name) || dir.join(&path).exists() {
            continue;
        }
        weight += 1;
        put(
            &path,
            &format!(
                "---\ntitle: {}\nslug: {}\nweight: {weight}\n---\n",
                quoted(name),
                quoted(&slug)
            ),
        )?;
        terms += 1;
    }
    put(
        "content/provinces/_index.md",
        "---\ntitle: \"Địa phương\"\n---\n",
    )?;
    for &id in &lists {
        let p = provinces.get(id);
        let slug = province_path_slug(provinces, id);
        let mut text = format!(
            "---\ntitle: {}\nslug: {}\nfull_name: {}\nregion: {}\ncurrent: {}\n",
            quoted(p.display_name()),
            quoted(slug),
            quoted(if p.full_name().is_empty() {
                p.display_name()
            } else {
                p.full_name()
            }),
            quoted(p.region().name()),
            p.is_current()
        );
        let current = provinces.current_of(p);
        if current.id() != id {
            let _ = write!(
                text,
                "merged_into: {}\nmerged_into_name: {}\n",
                quoted(province_path_slug(provinces, current.id())),
                quoted(current.display_name())
            );
        }
        let from: Vec<String> = provinces
            .merged_from(p)
            .filter(|f| lists.contains(&f.id()))
            .map(|f| province_path_slug(provinces, f.id()).to_string())
            .collect();
        if !from.is_empty() {
            let _ = writeln!(text, "merged_from: {}", quoted_list(&from));
        }
        text.push_str("---\n");
        put(&format!("content/provinces/{slug}/_index.md"), &text)?;
        terms += 1;
    }
    put("content/years/_index.md", "---\ntitle: \"Lưu trữ\"\n---\n")?;
    // The month taxonomy's own page would be a list bantin does not have.
    put(
        "content/months/_index.md",
        "---\ntitle: \"Tháng\"\nbuild:\n  render: never\n---\n",
    )?;
    let years: BTreeSet<i32> = months.iter().map(|(y, _)| *y).collect();
    for year in &years {
        put(
            &format!("content/years/{year}/_index.md"),
            &format!("---\ntitle: \"{year}\"\nslug: \"{year}\"\noutputs: [html]\n---\n"),
        )?;
        terms += 1;
    }
    for (year, month) in &months {
        put(
            &format!("content/months/{year}-{month:02}/_index.md"),
            &format!(
                "---\ntitle: \"tháng {month}/{year}\"\nurl: \"/luu-tru/{year}/{month:02}/\"\nyear: \"{year}\"\noutputs: [html]\n---\n"
            ),
        )?;
        terms += 1;
    }

    // The same stylesheets, scripts and icon as bantin's theme.
    for entry in walkdir::WalkDir::new(static_dir).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", static_dir.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(static_dir)
            .map_err(|e| e.to_string())?;
        let target: PathBuf = dir.join("static").join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::copy(entry.path(), &target)
            .map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
        files += 1;
    }
    Ok(Written {
        files,
        articles: corpus.articles.len(),
        terms,
    })
}

/// hugo.toml: addresses, pagination, feeds, taxonomies, related-article indexes, menu.
///
/// Related articles are bantin's: shared tags count twice, the same province once. Hugo
/// scores every article sharing any of them, so with a tag on half the articles its cost grows
/// with the square of the articles (bantin looks only at the 30 neighbours on each list).
/// `related_cardinality` > 0 sets Hugo's own remedy, `cardinalityThreshold`: keywords used by
/// more than that percentage of the articles are left out of the indexes; 0 (Hugo's default)
/// keeps them all, which is what bantin's related block considers.
pub fn config(site: &SiteInfo, related_cardinality: u8) -> String {
    let base = site.base_path();
    let mut out = String::new();
    let _ = writeln!(out, "baseURL = {}", quoted(&site.base_url));
    let _ = writeln!(out, "locale = {}", quoted(&site.language));
    let _ = writeln!(out, "defaultContentLanguage = {}", quoted(&site.language));
    let _ = writeln!(out, "title = {}", quoted(&site.title));
    out.push_str(
        r##"timeZone = "Asia/Ho_Chi_Minh"
enableRobotsTXT = true
# bantin has no page listing every article (the home list is that); the articles' folder is
# not a page.
disableKinds = ["section"]

[pagination]
"##,
    );
    let _ = writeln!(out, "pagerSize = {}", site.page_size);
    out.push_str(
        r##"path = "trang"
# bantin writes no trang/1/ redirect.
disableAliases = true

[services.rss]
"##,
    );
    let _ = writeln!(out, "limit = {}", site.feed_limit);
    out.push_str(
        r##"
[taxonomies]
tag = "tags"
category = "categories"
province = "provinces"
year = "years"
month = "months"

[permalinks.page]
tin-tuc = "/tin-tuc/:slug/"

[permalinks.taxonomy]
tags = "/the/"
categories = "/chuyen-muc/"
provinces = "/tinh/"
years = "/luu-tru/"

[permalinks.term]
tags = "/the/:slug/"
categories = "/chuyen-muc/:slug/"
provinces = "/tinh/:slug/"
years = "/luu-tru/:slug/"

[mediaTypes."application/atom+xml"]
suffixes = ["xml"]

[outputFormats.rss]
baseName = "rss"

[outputFormats.atom]
mediaType = "application/atom+xml"
baseName = "atom"
rel = "alternate"

[outputs]
home = ["html", "rss", "atom"]
page = ["html"]
taxonomy = ["html"]
term = ["html", "rss", "atom"]

# bantin's "Tin liên quan": shared tags count twice, the same province once.
[related]
includeNewer = true
threshold = 1
toLower = false
"##,
    );
    for (name, weight) in [("tags", 2), ("province", 1)] {
        let _ = write!(
            out,
            "\n[[related.indices]]\nname = \"{name}\"\nweight = {weight}\n"
        );
        if related_cardinality > 0 {
            let _ = writeln!(out, "cardinalityThreshold = {related_cardinality}");
        }
    }
    out.push_str(
        r##"
[markup.goldmark.parser]
autoHeadingIDType = "github-ascii"

[params]
"##,
    );
    let _ = writeln!(out, "description = {}", quoted(&site.description));
    let _ = writeln!(out, "basePath = {}", quoted(&base));
    for (key, value) in &site.organization {
        let _ = writeln!(out, "org_{key} = {}", quoted(value));
    }
    out.push_str("\n[menus]\n");
    for (weight, (name, url)) in site.menu.iter().enumerate() {
        // Hugo puts the base path in front of a menu's site-relative links itself.
        let _ = writeln!(
            out,
            "[[menus.main]]\nname = {}\nurl = {}\nweight = {}",
            quoted(name),
            quoted(url),
            weight + 1
        );
    }
    out
}

/// The theme: file name under layouts/, template.
pub const LAYOUTS: &[(&str, &str)] = &[
    ("baseof.html", BASEOF),
    ("home.html", HOME),
    ("tin-tuc/page.html", ARTICLE),
    ("page.html", PAGE),
    ("search.html", SEARCH),
    ("term.html", TERM),
    ("tags/taxonomy.html", TAGS),
    ("categories/taxonomy.html", CATEGORIES),
    ("provinces/taxonomy.html", PROVINCES),
    ("years/taxonomy.html", ARCHIVE),
    ("404.html", NOT_FOUND),
    ("robots.txt", ROBOTS),
    ("list.atom.xml", ATOM),
    ("_partials/item.html", ITEM),
    ("_partials/pagination.html", PAGINATION),
    ("_partials/breadcrumb.html", BREADCRUMB),
    ("_partials/sidebar.html", SIDEBAR),
    ("_partials/vndate.html", VNDATE),
    ("_partials/articles.html", ARTICLES),
];

/// The articles, newest first, computed once (home list, sidebar, home feeds).
const ARTICLES: &str = r##"{{- return where site.RegularPages "Section" "tin-tuc" -}}
"##;

const BASEOF: &str = r##"<!DOCTYPE html>
<html lang="{{ site.Language.Locale | default "vi" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}{{ end }}</title>
{{ block "meta" . }}<meta name="description" content="{{ site.Params.description }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ partial "opengraph.html" . }}
{{ partial "twitter_cards.html" . }}
{{ partial "schema.html" . }}
<meta name="theme-color" content="#0a2f6b">
<link rel="icon" href="{{ "favicon.svg" | relURL }}" type="image/svg+xml">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
{{- with site.Home.OutputFormats.Get "rss" }}
<link rel="alternate" type="application/rss+xml" title="Tin mới (RSS)" href="{{ .RelPermalink }}">
{{- end }}
{{- with site.Home.OutputFormats.Get "atom" }}
<link rel="alternate" type="application/atom+xml" title="Tin mới (Atom)" href="{{ .RelPermalink }}">
{{- end }}
{{- if eq .Kind "term" }}{{ range .AlternativeOutputFormats }}
<link rel="alternate" type="{{ .MediaType.Type }}" title="{{ $.Title }} ({{ .Name }})" href="{{ .RelPermalink }}">
{{- end }}{{ end }}
{{ block "head" . }}{{ end }}
<script src="{{ "js/site.js" | relURL }}" defer></script>
</head>
<body>
<a class="skip-link" href="#noi-dung">Bỏ qua đến nội dung chính</a>
<header class="site-header">
  <div class="masthead">
    <div class="wrap">
      <a class="brand" href="{{ site.Home.RelPermalink }}">
        <img class="brand-logo" src="{{ "favicon.svg" | relURL }}" alt="" width="64" height="64">
        <span class="brand-text">
          <span class="brand-parent">{{ site.Params.org_parent }}</span>
          <span class="brand-name">{{ site.Params.org_name }}</span>
        </span>
      </a>
      <form class="header-search" role="search" action="{{ "tim-kiem/" | relURL }}" method="get">
        <label class="visually-hidden" for="o-tim-kiem">Tìm kiếm tin bài</label>
        <input id="o-tim-kiem" type="search" name="q" placeholder="Tìm kiếm tin bài…" autocomplete="off" enterkeyhint="search">
        <button type="submit">Tìm</button>
      </form>
    </div>
  </div>
  <nav class="main-nav" aria-label="Menu chính">
    <ul class="wrap">
      {{- $here := .RelPermalink }}
      {{- range site.Menus.main }}
      <li><a href="{{ .URL }}"
        {{- if eq .URL $here }} aria-current="page"
        {{- else if and (ne .URL site.Home.RelPermalink) (hasPrefix $here .URL) }} class="is-section"
        {{- end }}>{{ .Name }}</a></li>
      {{- end }}
    </ul>
  </nav>
</header>
<div class="wrap layout">
  <main id="noi-dung" class="main">
{{ block "main" . }}{{ end }}
  </main>
  <aside class="sidebar" aria-label="Thông tin thêm">
{{ partialCached "sidebar.html" . }}
  </aside>
</div>
<footer class="site-footer">
  <div class="wrap footer-grid">
    <div>
      <p class="footer-name">{{ site.Params.org_name }}</p>
      <p>Cơ quan chủ quản: {{ site.Params.org_parent }}</p>
      <address>
        Địa chỉ: {{ site.Params.org_address }}<br>
        Điện thoại: {{ site.Params.org_phone }}<br>
        Thư điện tử: <a href="mailto:{{ site.Params.org_email }}">{{ site.Params.org_email }}</a>
      </address>
    </div>
    <div>
      <p>Chịu trách nhiệm nội dung: {{ site.Params.org_editor }}</p>
      <p class="footer-note">Ghi rõ nguồn “{{ site.Title }}” khi phát hành lại thông tin từ website này.</p>
    </div>
  </div>
</footer>
</body>
</html>
"##;

const SIDEBAR: &str = r##"    <section class="box" aria-labelledby="box-tin-moi">
      <h2 class="box-title" id="box-tin-moi">Tin mới</h2>
      <ul class="box-list">
        {{- range first 6 (partialCached "articles.html" "articles") }}
        <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006" }}</time></li>
        {{- end }}
      </ul>
    </section>
    <section class="box counter" aria-labelledby="box-thong-ke" data-counter>
      <h2 class="box-title" id="box-thong-ke">Thống kê truy cập</h2>
      <dl class="counter-list" hidden>
        <div><dt>Đang online</dt><dd data-count="online">–</dd></div>
        <div><dt>Hôm nay</dt><dd data-count="today">–</dd></div>
        <div><dt>Trong tuần</dt><dd data-count="week">–</dd></div>
        <div><dt>Trong tháng</dt><dd data-count="month">–</dd></div>
        <div><dt>Tất cả</dt><dd data-count="total">–</dd></div>
      </dl>
      <p class="counter-note" data-counter-note>Trang chưa kết nối bộ đếm truy cập.</p>
    </section>
    <section class="box" aria-labelledby="box-lien-ket">
      <h2 class="box-title" id="box-lien-ket">Liên kết</h2>
      <ul class="box-list links">
        <li><a href="https://vufo.org.vn/">Liên hiệp các tổ chức hữu nghị Việt Nam</a></li>
        <li><a href="https://thoidai.com.vn/">Tạp chí Thời Đại</a></li>
        <li><a href="https://mattran.org.vn/">Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam</a></li>
        <li><a href="https://chinhphu.vn/">Cổng Thông tin điện tử Chính phủ</a></li>
      </ul>
    </section>
"##;

/// "Thứ Sáu, 02/09/2022 17:28" (format "full") or "02/09/2022 17:28".
const VNDATE: &str = r##"{{- $d := .date -}}
{{- if eq .format "full" -}}
{{- index (slice "Chủ Nhật" "Thứ Hai" "Thứ Ba" "Thứ Tư" "Thứ Năm" "Thứ Sáu" "Thứ Bảy") (int $d.Weekday) }}, {{ $d.Format "02/01/2006 15:04" -}}
{{- else -}}
{{- $d.Format "02/01/2006 15:04" -}}
{{- end -}}
"##;

/// One article in a list: `page`, `size` ("row", "lead", "title"), `level` (2 or 3),
/// `summary`, `category`, `home` (on a current province's page, its slug: items of a former
/// unit merged into it are marked "(cũ)"). Called through `partialCached` with all of these
/// as the variant key, so an article's item is rendered once per kind of list it is shown
/// in, as a Hugo site of this size would do (bantin renders it for every list page).
const ITEM: &str = r##"{{- $p := .page -}}
<article class="item item--{{ .size }}">
  <div class="item-body">
    {{- if and .category (ne .size "title") }}{{ with $p.GetTerms "categories" }}{{ with index . 0 }}
    <p class="item-category"><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></p>
    {{- end }}{{ end }}{{ end }}
    {{- if eq .level 2 }}
    <h2 class="item-title"><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></h2>
    {{- else }}
    <h3 class="item-title"><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></h3>
    {{- end }}
    <p class="item-meta"><time datetime="{{ $p.Date.Format "2006-01-02T15:04:05-07:00" }}">{{ partial "vndate.html" (dict "date" $p.Date "format" "datetime") }}</time>
      {{- if ne .size "title" }}
      {{- $former := and .home (ne $p.Params.province .home) }}
      <span class="item-province{{ if $former }} is-former{{ end }}"><a href="{{ printf "tinh/%s/" $p.Params.province | relURL }}">{{ $p.Params.province_name }}</a>{{ if $former }} (cũ){{ end }}</span>
      {{- end }}</p>
    {{- if and .summary (ne .size "title") }}
    <p class="item-summary">{{ $p.Summary | plainify | strings.TrimSpace }}</p>
    {{- end }}
  </div>
</article>
"##;

/// Numbered page links: the first, the last, and two either side of the current one.
const PAGINATION: &str = r##"{{- $p := . -}}
{{- if gt $p.TotalPages 1 }}
{{- $cur := $p.PageNumber }}{{ $total := $p.TotalPages }}
{{- $from := cond (gt $cur 3) (sub $cur 2) 1 }}
{{- $to := cond (lt (add $cur 2) $total) (add $cur 2) $total }}
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{- with $p.Prev }}
    <li class="pagination-step"><a href="{{ .URL }}" rel="prev"><span aria-hidden="true">‹ </span>Trang trước</a></li>
    {{- end }}
    {{- if gt $from 1 }}
    <li><a href="{{ (index $p.Pagers 0).URL }}"><span class="visually-hidden">Trang </span>1</a></li>
    {{- if gt $from 2 }}
    <li class="pagination-gap">…</li>
    {{- end }}
    {{- end }}
    {{- range seq $from $to }}
    <li><a href="{{ (index $p.Pagers (sub . 1)).URL }}"{{ if eq . $cur }} aria-current="page"{{ end }}><span class="visually-hidden">Trang </span>{{ . }}</a></li>
    {{- end }}
    {{- if lt $to $total }}
    {{- if lt $to (sub $total 1) }}
    <li class="pagination-gap">…</li>
    {{- end }}
    <li><a href="{{ (index $p.Pagers (sub $total 1)).URL }}"><span class="visually-hidden">Trang </span>{{ $total }}</a></li>
    {{- end }}
    {{- with $p.Next }}
    <li class="pagination-step"><a href="{{ .URL }}" rel="next">Trang sau<span aria-hidden="true"> ›</span></a></li>
    {{- end }}
  </ul>
</nav>
{{- end }}
"##;

/// `items`: a slice of dicts {name, url?}.
const BREADCRUMB: &str = r##"<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    {{- range $c := . }}
    <li>{{ with $c.url }}<a href="{{ . }}">{{ $c.name }}</a>{{ else }}<span>{{ $c.name }}</span>{{ end }}</li>
    {{- end }}
  </ol>
</nav>
"##;

const HOME: &str = r##"{{ define "main" }}
{{- $articles := partialCached "articles.html" "articles" }}
{{- $pager := .Paginate $articles }}
<h1 class="visually-hidden">{{ site.Title }}</h1>
{{- if eq $pager.PageNumber 1 }}
{{- with first 5 (where $articles "Params.featured" true) }}
<section class="section featured" aria-labelledby="tin-noi-bat">
  <h2 class="section-title" id="tin-noi-bat"><span>Tin nổi bật</span></h2>
  <div class="featured-grid">
    {{ partialCached "item.html" (dict "page" (index . 0) "size" "lead" "level" 3 "summary" true "category" true "home" "") (index . 0).RelPermalink "lead" 3 true true "" }}
    <div class="featured-rest">
      {{- range after 1 . }}
      {{ partialCached "item.html" (dict "page" . "size" "title" "level" 3 "summary" false "category" true "home" "") .RelPermalink "title" 3 false true "" }}
      {{- end }}
    </div>
  </div>
</section>
{{- end }}
{{- end }}
<section class="section latest" aria-labelledby="tin-moi">
  <h2 class="section-title" id="tin-moi"><span>Tin mới{{ if gt $pager.PageNumber 1 }} – Trang {{ $pager.PageNumber }}{{ end }}</span></h2>
  <div class="item-list">
    {{- range $pager.Pages }}
    {{ partialCached "item.html" (dict "page" . "size" "row" "level" 3 "summary" true "category" true "home" "") .RelPermalink "row" 3 true true "" }}
    {{- end }}
  </div>
  {{ partial "pagination.html" $pager }}
</section>
{{- if eq $pager.PageNumber 1 }}
<div class="category-grid">
  {{- range (site.GetPage "/categories").Pages.ByWeight }}
  {{- $c := . }}
  {{- with first 4 .Pages }}
  <section class="section category-block" aria-labelledby="muc-{{ $c.Params.slug }}">
    <h2 class="section-title" id="muc-{{ $c.Params.slug }}"><a href="{{ $c.RelPermalink }}">{{ $c.Title }}</a></h2>
    {{ partialCached "item.html" (dict "page" (index . 0) "size" "lead" "level" 3 "summary" false "category" false "home" "") (index . 0).RelPermalink "lead" 3 false false "" }}
    {{- range after 1 . }}
    {{ partialCached "item.html" (dict "page" . "size" "title" "level" 3 "summary" false "category" false "home" "") .RelPermalink "title" 3 false false "" }}
    {{- end }}
  </section>
  {{- end }}
  {{- end }}
</div>
{{- end }}
{{ end }}
"##;

const ARTICLE: &str = r##"{{ define "meta" }}<meta name="description" content="{{ .Summary | plainify | strings.TrimSpace }}">{{ end }}
{{ define "head" }}<link rel="stylesheet" href="{{ "css/highlight.css" | relURL }}">{{ end }}
{{ define "main" }}
{{- $category := index (.GetTerms "categories") 0 }}
{{ partial "breadcrumb.html" (slice (dict "name" "Trang chủ" "url" site.Home.RelPermalink) (dict "name" "Tin tức") (dict "name" $category.LinkTitle "url" $category.RelPermalink)) }}
<article class="article">
  <header class="article-header">
    <p class="article-category"><a href="{{ $category.RelPermalink }}">{{ $category.LinkTitle }}</a></p>
    <h1 class="article-title">{{ .Title }}</h1>
    <p class="article-meta">
      <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ partial "vndate.html" (dict "date" .Date "format" "full") }}</time>
      {{- if .Params.updated }}
      <span>Cập nhật: <time datetime="{{ .Lastmod.Format "2006-01-02T15:04:05-07:00" }}">{{ partial "vndate.html" (dict "date" .Lastmod "format" "datetime") }}</time></span>
      {{- end }}
      <span><a href="{{ printf "tinh/%s/" .Params.province | relURL }}">{{ .Params.province_full }}</a>
        {{- with .Params.merged_into }} (nay thuộc <a href="{{ printf "tinh/%s/" . | relURL }}">{{ $.Params.merged_into_name }}</a>){{ end }}</span>
    </p>
    <p class="article-meta article-reading">
      <span>Đọc trong khoảng {{ .ReadingTime }} phút</span>
      <span>{{ lang.FormatNumber 0 .WordCount }} từ</span>
    </p>
    <div class="article-tools">
      <div class="text-size" role="group" aria-label="Cỡ chữ" data-text-size hidden>
        <button type="button" class="tool-button" data-step="-1" title="Giảm cỡ chữ">A−<span class="visually-hidden"> (giảm cỡ chữ)</span></button>
        <button type="button" class="tool-button" data-step="0" title="Cỡ chữ mặc định">A<span class="visually-hidden"> (cỡ chữ mặc định)</span></button>
        <button type="button" class="tool-button" data-step="1" title="Tăng cỡ chữ">A+<span class="visually-hidden"> (tăng cỡ chữ)</span></button>
      </div>
      <button type="button" class="tool-button" data-print hidden>In bài viết</button>
    </div>
  </header>
  {{- with .Params.summary }}
  <p class="article-lead">{{ . }}</p>
  {{- end }}
  <div class="article-content">
{{ .Content }}
  </div>
  {{- with .Params.author }}
  <p class="article-author">{{ . }}</p>
  {{- end }}
  {{- with .Params.source }}
  <p class="article-source">Theo {{ with .url }}<a href="{{ . }}">{{ $.Params.source.name }}</a>{{ else }}{{ $.Params.source.name }}{{ end }}</p>
  {{- end }}
  {{- with .GetTerms "tags" }}
  <div class="article-tags">
    <span class="tags-label" id="nhan-tu-khoa">Từ khóa:</span>
    <ul class="tag-list" aria-labelledby="nhan-tu-khoa">
      {{- range . }}
      <li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
      {{- end }}
    </ul>
  </div>
  {{- end }}
  <div class="share" role="group" aria-labelledby="chia-se">
    <span class="share-label" id="chia-se">Chia sẻ:</span>
    <a class="share-link share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={{ .Permalink | urlquery }}" target="_blank" rel="noopener">Facebook<span class="visually-hidden"> (mở cửa sổ mới)</span></a>
    <button type="button" class="share-link share-zalo" data-share-zalo data-url="{{ .Permalink }}" data-title="{{ .Title }}" hidden>Zalo</button>
    <button type="button" class="share-link share-copy" data-copy-link data-url="{{ .Permalink }}" hidden>Sao chép liên kết</button>
    <span class="share-status" role="status" data-share-status></span>
  </div>
  <p class="print-only print-url">Địa chỉ bài viết: {{ .Permalink }}</p>
</article>
{{- with first 5 (site.RegularPages.Related .) }}
<section class="section related" aria-labelledby="tin-lien-quan">
  <h2 class="section-title" id="tin-lien-quan"><span>Tin liên quan</span></h2>
  <div class="item-list">
    {{- range . }}
    {{ partialCached "item.html" (dict "page" . "size" "row" "level" 3 "summary" false "category" true "home" "") .RelPermalink "row" 3 false true "" }}
    {{- end }}
  </div>
</section>
{{- end }}
{{- $older := .Prev }}{{ $newer := .Next }}
{{- if or $older $newer }}
<nav class="section prev-next" aria-labelledby="tin-khac">
  <h2 class="section-title" id="tin-khac"><span>Tin khác</span></h2>
  <ul>
    {{- with $older }}
    <li class="prev-next-older"><a href="{{ .RelPermalink }}" rel="prev"><span class="prev-next-label"><span aria-hidden="true">← </span>Tin trước</span> <span class="prev-next-title">{{ .Title }}</span></a></li>
    {{- end }}
    {{- with $newer }}
    <li class="prev-next-newer"><a href="{{ .RelPermalink }}" rel="next"><span class="prev-next-label">Tin sau<span aria-hidden="true"> →</span></span> <span class="prev-next-title">{{ .Title }}</span></a></li>
    {{- end }}
  </ul>
</nav>
{{- end }}
{{ end }}
"##;

const PAGE: &str = r##"{{ define "meta" }}<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">{{ end }}
{{ define "head" }}<link rel="stylesheet" href="{{ "css/highlight.css" | relURL }}">{{ end }}
{{ define "main" }}
<article class="article page">
  <header class="article-header">
    <h1 class="article-title">{{ .Title }}</h1>
  </header>
  <div class="article-content">
{{ .Content }}
  </div>
  <p class="print-only print-url">Địa chỉ trang: {{ .Permalink }}</p>
</article>
{{ end }}
"##;

const SEARCH: &str = r##"{{ define "meta" }}<meta name="description" content="Tìm kiếm tin bài trên {{ site.Title }} theo từ khóa, tỉnh, thành và năm.">
<meta name="robots" content="noindex, follow">{{ end }}
{{ define "head" }}<link rel="stylesheet" href="{{ "css/search.css" | relURL }}">
<script src="{{ "js/search.js" | relURL }}" defer></script>{{ end }}
{{ define "main" }}
<section class="section search-page" aria-labelledby="tieu-de-tim-kiem">
  <header class="list-header">
    <h1 class="list-title" id="tieu-de-tim-kiem">Tìm kiếm</h1>
    <form id="search-form" class="search-form" role="search" action="{{ "tim-kiem/" | relURL }}" method="get">
      <div class="search-field search-field--q">
        <label for="search-q">Từ khóa</label>
        <input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search">
      </div>
      <div class="search-field">
        <label for="search-tinh">Tỉnh, thành</label>
        <select id="search-tinh" name="tinh">
          <option value="">Tất cả</option>
          {{- range (site.GetPage "/provinces").Pages.ByTitle }}
          <option value="{{ .Params.slug }}">{{ .Title }}</option>
          {{- end }}
        </select>
      </div>
      <div class="search-field">
        <label for="search-nam">Năm</label>
        <select id="search-nam" name="nam">
          <option value="">Tất cả</option>
          {{- range (site.GetPage "/years").Pages.ByTitle.Reverse }}
          <option value="{{ .Title }}">{{ .Title }}</option>
          {{- end }}
        </select>
      </div>
      <div class="search-actions"><button type="submit" class="search-submit">Tìm kiếm</button></div>
    </form>
  </header>
  <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
  <ol id="search-results" class="item-list search-results"></ol>
</section>
{{ end }}
"##;

/// Every paginated list but the home: province, tag, category, year, month.
const TERM: &str = r##"{{ define "title" }}{{ .Title }}{{ if gt .Paginator.PageNumber 1 }} – trang {{ .Paginator.PageNumber }}{{ end }} | {{ site.Title }}{{ end }}
{{ define "meta" }}
{{- $pager := .Paginator }}
<meta name="description" content="{{ .Title }}{{ if gt $pager.PageNumber 1 }} – Trang {{ $pager.PageNumber }}{{ end }}: tin bài trên {{ site.Title }}.">
{{- with $pager.Prev }}
<link rel="prev" href="{{ .URL }}">
{{- end }}
{{- with $pager.Next }}
<link rel="next" href="{{ .URL }}">
{{- end }}
{{- end }}
{{ define "main" }}
{{- $pager := .Paginator }}
{{- $kind := .Data.Plural }}
{{- $parent := .Parent }}
{{- if eq $kind "months" }}{{ $parent = site.GetPage "/years" }}{{ end }}
{{- $crumbs := slice (dict "name" "Trang chủ" "url" site.Home.RelPermalink) (dict "name" $parent.Title "url" $parent.RelPermalink) }}
{{- with .Params.year }}{{ with site.GetPage (printf "/years/%s" .) }}{{ $crumbs = $crumbs | append (dict "name" .Title "url" .RelPermalink) }}{{ end }}{{ end }}
{{ partial "breadcrumb.html" $crumbs }}
{{- $home := "" }}
{{- if and (eq $kind "provinces") .Params.current }}{{ $home = .Params.slug }}{{ end }}
<section class="section list list--{{ $kind }}" aria-labelledby="tieu-de-danh-sach">
  <header class="list-header">
    <h1 class="list-title" id="tieu-de-danh-sach">{{ .Title }}{{ if gt $pager.PageNumber 1 }} <span class="list-page-no">– Trang {{ $pager.PageNumber }}</span>{{ end }}</h1>
    {{- with .Params.merged_into }}
    <p class="notice notice--merged"><strong>{{ $.Params.full_name }}</strong> đã hợp nhất vào <a href="{{ printf "tinh/%s/" . | relURL }}">{{ $.Params.merged_into_name }}</a> từ ngày 01/07/2025. Các tin dưới đây được lưu trữ theo đơn vị hành chính trước khi hợp nhất.</p>
    {{- end }}
    {{- with .Params.merged_from }}
    <p class="list-note">Bao gồm tin của các đơn vị cũ:
      {{- range $i, $slug := . }}{{ with site.GetPage (printf "/provinces/%s" $slug) }} <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}.</p>
    {{- end }}
    {{- with .AlternativeOutputFormats }}
    <p class="list-feeds">Theo dõi:
      {{- range . }} <a class="feed-link" href="{{ .RelPermalink }}" type="{{ .MediaType.Type }}">{{ if eq .Name "rss" }}RSS{{ else }}Atom{{ end }}</a>{{ end }}</p>
    {{- end }}
  </header>
  <div class="item-list">
    {{- range $pager.Pages }}
    {{ partialCached "item.html" (dict "page" . "size" "row" "level" 2 "summary" true "category" (ne $kind "categories") "home" $home) .RelPermalink "row" 2 true (ne $kind "categories") $home }}
    {{- end }}
  </div>
  {{ partial "pagination.html" $pager }}
</section>
{{ end }}
"##;

const TAGS: &str = r##"{{ define "meta" }}<meta name="description" content="Các chủ đề tin bài trên {{ site.Title }}.">{{ end }}
{{ define "main" }}
{{ partial "breadcrumb.html" (slice (dict "name" "Trang chủ" "url" site.Home.RelPermalink) (dict "name" "Chủ đề")) }}
<section class="section index-page" aria-labelledby="tieu-de-chu-de">
  <header class="list-header">
    <h1 class="list-title" id="tieu-de-chu-de">Chủ đề</h1>
  </header>
  {{- $top := 1 }}{{ with .Data.Terms.ByCount }}{{ $top = (index . 0).Count }}{{ end }}
  <ul class="tag-cloud">
    {{- range .Data.Terms.Alphabetical }}
    {{- $n := .Count }}
    <li class="{{ if ge (mul $n 4) (mul $top 3) }}w4{{ else if ge (mul $n 2) $top }}w3{{ else if ge (mul $n 4) $top }}w2{{ else }}w1{{ end }}"><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="count">{{ lang.FormatNumber 0 $n }}<span class="visually-hidden"> tin</span></span></li>
    {{- end }}
  </ul>
</section>
{{ end }}
"##;

const CATEGORIES: &str = r##"{{ define "meta" }}<meta name="description" content="Các chuyên mục tin bài trên {{ site.Title }}.">{{ end }}
{{ define "main" }}
{{ partial "breadcrumb.html" (slice (dict "name" "Trang chủ" "url" site.Home.RelPermalink) (dict "name" "Chuyên mục")) }}
<section class="section index-page" aria-labelledby="tieu-de-chuyen-muc">
  <header class="list-header">
    <h1 class="list-title" id="tieu-de-chuyen-muc">Chuyên mục</h1>
  </header>
  <ul class="count-list">
    {{- range .Pages.ByWeight }}
    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="count">{{ lang.FormatNumber 0 (len .Pages) }}<span class="visually-hidden"> tin</span></span></li>
    {{- end }}
  </ul>
</section>
{{ end }}
"##;

const PROVINCES: &str = r##"{{ define "meta" }}<meta name="description" content="Tin bài theo tỉnh, thành phố trên {{ site.Title }}.">{{ end }}
{{ define "main" }}
{{ partial "breadcrumb.html" (slice (dict "name" "Trang chủ" "url" site.Home.RelPermalink) (dict "name" "Địa phương")) }}
<section class="section index-page" aria-labelledby="tieu-de-tinh">
  <header class="list-header">
    <h1 class="list-title" id="tieu-de-tinh">Tỉnh, thành phố</h1>
  </header>
  {{- range $i, $group := .Pages.ByTitle.GroupByParam "region" }}
  <section class="region" aria-labelledby="vung-{{ $i }}">
    <h2 class="region-title" id="vung-{{ $i }}">{{ $group.Key }}</h2>
    <ul class="count-list count-list--grid">
      {{- range $group.Pages }}
      <li{{ if not .Params.current }} class="is-former"{{ end }}><a href="{{ .RelPermalink }}">{{ .Title }}</a>
        {{- if not .Params.current }} <span class="former-note">(cũ{{ with .Params.merged_into_name }}, nay thuộc {{ . }}{{ end }})</span>{{ end }}
        <span class="count">{{ lang.FormatNumber 0 (len .Pages) }}<span class="visually-hidden"> tin</span></span></li>
      {{- end }}
    </ul>
  </section>
  {{- end }}
  <section class="region" aria-labelledby="tra-cuu-a-z">
    <h2 class="region-title" id="tra-cuu-a-z">Tra cứu theo tên (A–Z)</h2>
    <ul class="az-list">
      {{- range .Pages.ByTitle }}
      <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
      {{- end }}
    </ul>
  </section>
</section>
{{ end }}
"##;

const ARCHIVE: &str = r##"{{ define "meta" }}<meta name="description" content="Lưu trữ tin bài theo năm và tháng trên {{ site.Title }}.">{{ end }}
{{ define "main" }}
{{ partial "breadcrumb.html" (slice (dict "name" "Trang chủ" "url" site.Home.RelPermalink) (dict "name" "Lưu trữ")) }}
<section class="section index-page" aria-labelledby="tieu-de-luu-tru">
  <header class="list-header">
    <h1 class="list-title" id="tieu-de-luu-tru">Lưu trữ</h1>
  </header>
  {{- $months := (site.GetPage "/months").Pages }}
  {{- range .Pages.ByTitle.Reverse }}
  {{- $year := .Title }}
  <section class="archive-year" aria-labelledby="nam-{{ $year }}">
    <h2 class="region-title" id="nam-{{ $year }}"><a href="{{ .RelPermalink }}">Năm {{ $year }}</a> <span class="count">{{ lang.FormatNumber 0 (len .Pages) }}<span class="visually-hidden"> tin</span></span></h2>
    <ul class="month-list">
      {{- range (where $months "Params.year" $year).ByTitle.Reverse }}
      <li><a href="{{ .RelPermalink }}">{{ .Title | strings.FirstUpper }}<span class="visually-hidden"> năm {{ $year }}</span></a> <span class="count">{{ lang.FormatNumber 0 (len .Pages) }}<span class="visually-hidden"> tin</span></span></li>
      {{- end }}
    </ul>
  </section>
  {{- end }}
</section>
{{ end }}
"##;

const NOT_FOUND: &str = r##"{{ define "title" }}Không tìm thấy trang | {{ site.Title }}{{ end }}
{{ define "meta" }}<meta name="description" content="Không tìm thấy trang bạn yêu cầu trên {{ site.Title }}.">
<meta name="robots" content="noindex">{{ end }}
{{ define "main" }}
<section class="not-found" aria-labelledby="khong-tim-thay">
  <p class="not-found-code" aria-hidden="true">404</p>
  <h1 id="khong-tim-thay">Không tìm thấy trang</h1>
  <p>Rất tiếc, trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác.</p>
  <p>Mời bạn quay về <a href="{{ site.Home.RelPermalink }}">trang chủ</a> để đọc những tin mới nhất, hoặc chọn một mục trong menu phía trên.</p>
</section>
{{ end }}
"##;

const ROBOTS: &str = r##"User-agent: *
Allow: /

Sitemap: {{ "sitemap.xml" | absURL }}
"##;

/// Hugo has RSS built in but no Atom: the same items as its RSS (the newest, up to the RSS
/// limit), as bantin's atom.xml has them.
const ATOM: &str = r##"{{- printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" | safeHTML }}
{{- $pages := .Pages }}
{{- if .IsHome }}{{ $pages = partialCached "articles.html" "articles" }}{{ end }}
{{- $pages = first site.Config.Services.RSS.Limit $pages }}
{{- $self := (.OutputFormats.Get "atom").Permalink }}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ site.Language.Locale }}">
  <title type="text">{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
  <subtitle type="text">{{ site.Params.description }}</subtitle>
  <id>{{ $self }}</id>
  <link rel="self" type="application/atom+xml" href="{{ $self }}"/>
  <link rel="alternate" type="text/html" href="{{ .Permalink }}"/>
  {{- range first 1 $pages }}
  <updated>{{ .Lastmod.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</updated>
  {{- end }}
  <author>
    <name>{{ site.Title }}</name>
    <uri>{{ site.Home.Permalink }}</uri>
  </author>
  <generator>Hugo</generator>
  {{- range $pages }}
  <entry>
    <title type="text">{{ .Title }}</title>
    <id>{{ .Permalink }}</id>
    <link rel="alternate" type="text/html" href="{{ .Permalink }}"/>
    <published>{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</published>
    <updated>{{ .Lastmod.Format "2006-01-02T15:04:05-07:00" | safeHTML }}</updated>
    {{- with .Params.author }}
    <author>
      <name>{{ . }}</name>
    </author>
    {{- end }}
    {{- range .GetTerms "categories" }}
    <category term="{{ .LinkTitle }}"/>
    {{- end }}
    {{- range .GetTerms "tags" }}
    <category term="{{ .LinkTitle }}"/>
    {{- end }}
    <summary type="text">{{ .Summary | plainify | strings.TrimSpace }}</summary>
  </entry>
  {{- end }}
</feed>
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Meta;

    fn provinces() -> &'static Provinces {
        Provinces::builtin()
    }

    fn article(provinces: &Provinces, province: &str) -> Article {
        let id = provinces
            .lookup(province)
            .unwrap_or_else(|e| panic!("{province}: {e:?}"))
            .id();
        Article {
            path: PathBuf::from("content/tin-tuc/2020/x.md"),
            title: "Hà Nội: \"hữu nghị\" – 100% \\ ổn".to_string(),
            url: "tin-tuc/ha-noi-huu-nghi/".to_string(),
            when: (1607, 8 * 60 + 5),
            featured: true,
            meta: Meta {
                slug: "ha-noi-huu-nghi".to_string(),
                date: NaiveDate::from_ymd_opt(2020, 5, 27).unwrap_or_default(),
                timed: true,
                updated: NaiveDate::from_ymd_opt(2020, 5, 29),
                province: id,
                category: "Đối ngoại nhân dân",
                tags: vec!["Đà Nẵng".into(), "viện trợ: phi chính phủ".into()],
                summary: Some("Tóm tắt: một câu.".into()),
                author: Some("H.T".into()),
                source: Some((
                    "Thời Đại".into(),
                    Some("https://thoidai.com.vn/x.html".into()),
                )),
                aliases: vec!["/tin-tuc/chi-tiet/12".into()],
            },
        }
    }

    /// The front matter as YAML, read back.
    fn parsed(text: &str) -> saphyr::YamlOwned {
        use saphyr::LoadableYamlNode;
        let inner = text
            .strip_prefix("---\n")
            .and_then(|t| t.strip_suffix("---\n"))
            .unwrap_or_else(|| panic!("not fenced: {text}"));
        let mut docs = saphyr::YamlOwned::load_from_str(inner).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(docs.len(), 1);
        docs.remove(0)
    }

    fn field<'a>(yaml: &'a saphyr::YamlOwned, key: &str) -> &'a saphyr::YamlOwned {
        yaml.as_mapping_get(key)
            .unwrap_or_else(|| panic!("no {key} in {yaml:?}"))
    }

    fn str_of<'a>(yaml: &'a saphyr::YamlOwned, key: &str) -> &'a str {
        field(yaml, key)
            .as_str()
            .unwrap_or_else(|| panic!("{key} is not a string"))
    }

    fn list_of(yaml: &saphyr::YamlOwned, key: &str) -> Vec<String> {
        field(yaml, key)
            .as_vec()
            .unwrap_or_else(|| panic!("{key} is not a list"))
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn dates_in_vietnam_time() {
        let day = NaiveDate::from_ymd_opt(2020, 5, 7).unwrap_or_default();
        assert_eq!(rfc3339(day, 8 * 60 + 30), "2020-05-07T08:30:00+07:00");
        assert_eq!(rfc3339(day, 0), "2020-05-07T00:00:00+07:00");
        assert_eq!(rfc3339(day, 23 * 60 + 59), "2020-05-07T23:59:00+07:00");
        let new_year = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
        assert_eq!(rfc3339(new_year, 6 * 60), "2016-01-01T06:00:00+07:00");
    }

    #[test]
    fn front_matter_survives_quotes_colons_and_backslashes() {
        let provinces = provinces();
        let a = article(provinces, "Hà Nội");
        let text = front_matter(&a, provinces);
        let yaml = parsed(&text);
        assert_eq!(str_of(&yaml, "title"), a.title);
        assert_eq!(str_of(&yaml, "slug"), "ha-noi-huu-nghi");
        assert!(
            text.contains("\ndate: 2020-05-27T08:05:00+07:00\n"),
            "{text}"
        );
        assert!(
            text.contains("\nlastmod: 2020-05-29T00:00:00+07:00\n"),
            "{text}"
        );
        assert_eq!(str_of(&yaml, "summary"), "Tóm tắt: một câu.");
        assert_eq!(str_of(&yaml, "author"), "H.T");
        assert_eq!(
            str_of(field(&yaml, "source"), "url"),
            "https://thoidai.com.vn/x.html"
        );
        assert_eq!(list_of(&yaml, "aliases"), ["/tin-tuc/chi-tiet/12"]);
        assert_eq!(field(&yaml, "featured").as_bool(), Some(true));
        assert_eq!(
            list_of(&yaml, "tags"),
            ["da-nang", "vien-tro-phi-chinh-phu"]
        );
        assert_eq!(list_of(&yaml, "categories"), ["doi-ngoai-nhan-dan"]);
        assert_eq!(list_of(&yaml, "years"), ["2020"]);
        assert_eq!(list_of(&yaml, "months"), ["2020-05"]);
        assert_eq!(list_of(&yaml, "provinces"), ["ha-noi"]);
        assert!(yaml.as_mapping_get("merged_into").is_none());
    }

    #[test]
    fn untimed_dates_are_midnight_and_optional_fields_are_left_out() {
        let provinces = provinces();
        let mut a = article(provinces, "Hà Nội");
        a.meta.timed = false;
        a.meta.updated = None;
        a.meta.summary = None;
        a.meta.author = None;
        a.meta.source = None;
        a.meta.aliases.clear();
        a.featured = false;
        let text = front_matter(&a, provinces);
        assert!(
            text.contains("\ndate: 2020-05-27T00:00:00+07:00\n"),
            "{text}"
        );
        let yaml = parsed(&text);
        for key in [
            "lastmod", "summary", "author", "source", "aliases", "featured",
        ] {
            assert!(yaml.as_mapping_get(key).is_none(), "{key} in {text}");
        }
    }

    #[test]
    fn a_merged_unit_is_listed_under_itself_and_its_successor() {
        let provinces = provinces();
        // Kiên Giang was merged into An Giang on 01/07/2025; the old An Giang keeps its own
        // list at its unique key, as bantin writes it.
        let a = article(provinces, "Kiên Giang");
        let yaml = parsed(&front_matter(&a, provinces));
        assert_eq!(list_of(&yaml, "provinces"), ["kien-giang", "an-giang"]);
        assert_eq!(str_of(&yaml, "merged_into"), "an-giang");
        let old = provinces
            .iter()
            .find(|p| p.key() == "an-giang-pre2025")
            .unwrap_or_else(|| panic!("no an-giang-pre2025"));
        assert_eq!(
            province_lists(provinces, old.id()),
            ["an-giang-pre2025", "an-giang"]
        );
    }

    #[test]
    fn the_summary_break_follows_the_first_paragraph_only_without_summary() {
        let md = "\nFirst one. Still first.\n\n## Heading\n\nSecond.\n";
        assert_eq!(
            body(md, false),
            "First one. Still first.\n\n<!--more-->\n\n## Heading\n\nSecond.\n"
        );
        assert_eq!(
            body(md, true),
            "First one. Still first.\n\n## Heading\n\nSecond.\n"
        );
        assert_eq!(body("Only.\n", false), "Only.\n");
    }

    #[test]
    fn every_article_and_every_term_it_uses_is_written() {
        let sample = crate::repo().join("content");
        let vocabulary =
            crate::corpus::Vocabulary::from_dir(&sample).unwrap_or_else(|e| panic!("{e}"));
        let corpus = crate::corpus::generate(60, 3, &vocabulary).unwrap_or_else(|e| panic!("{e}"));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let site = dir.path().join("hugo");
        let static_dir = crate::repo().join("themes/default/static");
        let written = write(&corpus, &site, &static_dir, 0).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(written.articles, 60);
        let provinces = provinces();
        for a in &corpus.articles {
            let m = &a.meta;
            let file = site.join(format!("content/tin-tuc/{}/{}.md", m.date.year(), m.slug));
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
            // The bantin file's body, word for word (plus Hugo's summary break).
            let bantin_text = corpus
                .files
                .iter()
                .find(|(p, _)| *p == a.path)
                .map(|(_, t)| t.clone())
                .unwrap_or_default();
            let words = |t: &str| {
                t.split_whitespace()
                    .filter(|w| *w != "<!--more-->")
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                words(split_front_matter(&text).1),
                words(split_front_matter(&bantin_text).1)
            );
            let end = text.find("\n---\n").map_or(0, |i| i + 5);
            let yaml = parsed(&text[..end]);
            for tag in list_of(&yaml, "tags") {
                assert!(
                    site.join(format!("content/tags/{tag}/_index.md")).is_file(),
                    "{tag}"
                );
            }
            for p in province_lists(provinces, m.province) {
                assert!(
                    site.join(format!("content/provinces/{p}/_index.md"))
                        .is_file(),
                    "{p}"
                );
            }
            let category = slugify(m.category);
            assert!(
                site.join(format!("content/categories/{category}/_index.md"))
                    .is_file()
            );
            let month = format!("{}-{:02}", m.date.year(), m.date.month());
            assert!(
                site.join(format!("content/months/{month}/_index.md"))
                    .is_file()
            );
        }
        for (name, _) in LAYOUTS {
            assert!(site.join("layouts").join(name).is_file(), "{name}");
        }
        assert!(site.join("static/css/site.css").is_file());
        assert!(site.join("content/gioi-thieu.md").is_file());
        assert!(
            write(&corpus, &site, &static_dir, 0).is_err(),
            "wrote over a site"
        );
    }

    #[test]
    fn site_settings_and_base_path() {
        let text = "title = \"T\"\nbase_url = \"https://x.example/lhhn/\"\npage_size = 20\ncategories = [\"B\", \"A\"]\n[[menu]]\nname = \"Trang chủ\"\nurl = \"/\"\n[[menu]]\nname = \"Tỉnh\"\nurl = \"/tinh/\"\n[feeds]\nlimit = 15\n[organization]\nname = \"O\"\n";
        let site = SiteInfo::parse(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(site.base_path(), "/lhhn/");
        assert_eq!(site.feed_limit, 15);
        assert_eq!(site.categories, ["B", "A"]);
        let config = config(&site, 0);
        assert!(config.contains("pagerSize = 20\n"), "{config}");
        assert!(config.contains("limit = 15\n"), "{config}");
        assert!(config.contains("url = \"/tinh/\""), "{config}");
        assert!(config.contains("basePath = \"/lhhn/\""), "{config}");
        let parsed: toml::Table = toml::from_str(&config).unwrap_or_else(|e| panic!("{e}"));
        assert!(parsed.contains_key("taxonomies"));
        assert!(!config.contains("cardinalityThreshold"), "{config}");
        let capped = super::config(&site, 10);
        let parsed: toml::Table = toml::from_str(&capped).unwrap_or_else(|e| panic!("{e}"));
        let indices = parsed
            .get("related")
            .and_then(|r| r.get("indices"))
            .and_then(|i| i.as_array())
            .map(|i| i.len());
        assert_eq!(indices, Some(2));
        assert_eq!(capped.matches("cardinalityThreshold = 10\n").count(), 2);

        let root = SiteInfo {
            base_url: "https://x.example".into(),
            ..site
        };
        assert_eq!(root.base_path(), "/");
        assert!(SiteInfo::parse("base_url = \"https://x/\"").is_err());
    }
}
