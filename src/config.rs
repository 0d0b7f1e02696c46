//! Takes `site.toml` (and the command line's overrides) and gives a validated `Config`. Unknown keys
//! are errors with "did you mean", and every problem points at its line in site.toml.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::Deserialize;
use toml_edit::{Item, TableLike};

use crate::model::provinces::{ProvinceId, Provinces};
use crate::problem::{Problem, SourceFile, did_you_mean};

pub const CONFIG_FILE: &str = "site.toml";
const DEFAULT_PAGE_SIZE: usize = 10;
const MAX_PAGE_SIZE: usize = 500;

/// The site's settings, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's source folder (where site.toml lives).
    pub root: PathBuf,
    pub title: String,
    pub description: String,
    /// Absolute, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url`: `/` or `/portal/`.
    pub base_path: String,
    pub language: String,
    pub timezone: Tz,
    pub theme: String,
    /// The site's own province: the default for articles that name none.
    pub province: Option<ProvinceId>,
    pub page_size: usize,
    /// Allowed categories, in home-page order. Empty: any category is allowed.
    pub categories: Vec<String>,
    pub menu: Vec<MenuItem>,
    /// The sidebar's "Liên kết" box (related agencies), in order.
    pub links: Vec<MenuItem>,
    pub organization: Organization,
    pub feeds: FeedSettings,
    /// Whether a current province's page also lists the articles of the former units merged into
    /// it in 2025 (`[provinces] include_merged`, default true).
    pub include_merged: bool,
    /// The picture shown when a page without its own image is shared (Facebook, Zalo): a path
    /// below the site root or an absolute URL, as written in site.toml.
    pub image: Option<String>,
    /// `[counter] endpoint`: the visitor-counting service the "Thống kê truy cập" box talks to
    /// (see docs/counter.md). `None`: the box shows that no counter is connected.
    pub counter_endpoint: Option<String>,
    /// site.toml itself, for problems found later (a menu link to a page that does not exist).
    pub source: SourceFile,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub name: String,
    /// As written in site.toml: `/gioi-thieu/` or `https://…`.
    pub url: String,
    /// Where `url` sits in site.toml.
    pub span: Range<usize>,
}

impl MenuItem {
    pub fn is_external(&self) -> bool {
        is_external_url(&self.url)
    }
}

pub fn is_external_url(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:")
}

/// The publisher block that Vietnamese law asks a news site to show (TT 09/2014, NĐ 147/2024).
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Organization {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    /// Cơ quan chủ quản.
    pub parent: String,
    pub address: String,
    pub phone: String,
    #[serde(default)]
    pub fax: Option<String>,
    pub email: String,
    /// Người chịu trách nhiệm quản lý nội dung.
    pub editor: String,
    #[serde(default = "default_editor_title")]
    pub editor_title: String,
    #[serde(default)]
    pub licence: Option<String>,
}

fn default_editor_title() -> String {
    "Chịu trách nhiệm nội dung".to_string()
}

/// `[feeds]`: how much each RSS/Atom feed carries.
#[derive(Debug, Clone, Deserialize)]
pub struct FeedSettings {
    /// Newest articles per feed.
    #[serde(default = "default_feed_limit")]
    pub limit: usize,
    /// The whole article in the feed, instead of its summary.
    #[serde(default)]
    pub full_content: bool,
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings {
            limit: default_feed_limit(),
            full_content: false,
        }
    }
}

fn default_feed_limit() -> usize {
    20
}

#[derive(Debug, Clone, Deserialize)]
struct ProvinceSettings {
    #[serde(default = "yes")]
    include_merged: bool,
}

impl Default for ProvinceSettings {
    fn default() -> Self {
        ProvinceSettings {
            include_merged: true,
        }
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, Deserialize)]
struct CounterSettings {
    #[serde(default)]
    endpoint: Option<String>,
}

/// What the command line may override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub base_url: Option<String>,
}

#[derive(Deserialize)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    base_url: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default)]
    province: Option<String>,
    #[serde(default)]
    page_size: Option<i64>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    menu: Vec<RawMenuItem>,
    #[serde(default)]
    links: Vec<RawMenuItem>,
    organization: Organization,
    #[serde(default)]
    feeds: FeedSettings,
    #[serde(default)]
    provinces: ProvinceSettings,
    #[serde(default)]
    image: Option<String>,
    #[serde(default)]
    counter: CounterSettings,
}

#[derive(Deserialize)]
struct RawMenuItem {
    name: String,
    url: String,
}

fn default_language() -> String {
    "vi".to_string()
}

fn default_theme() -> String {
    "default".to_string()
}

const TOP_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "timezone",
    "theme",
    "province",
    "page_size",
    "categories",
    "menu",
    "links",
    "organization",
    "feeds",
    "provinces",
    "image",
    "counter",
];
const COUNTER_KEYS: &[&str] = &["endpoint"];
const FEED_KEYS: &[&str] = &["limit", "full_content"];
const PROVINCE_KEYS: &[&str] = &["include_merged"];
const MENU_KEYS: &[&str] = &["name", "url"];
const ORGANIZATION_KEYS: &[&str] = &[
    "name",
    "short_name",
    "parent",
    "address",
    "phone",
    "fax",
    "email",
    "editor",
    "editor_title",
    "licence",
];

impl Config {
    /// Reads `<root>/site.toml`. All problems found are returned together.
    pub fn load(
        root: &Path,
        overrides: &Overrides,
        provinces: &Provinces,
    ) -> Result<Config, Vec<Problem>> {
        let path = root.join(CONFIG_FILE);
        let bytes = std::fs::read(&path).map_err(|e| {
            vec![
                Problem::error(
                    "config::unreadable",
                    format!("cannot read {}: {e}", path.display()),
                )
                .in_file(CONFIG_FILE)
                .help("run `bantin build` in the site's folder, pass --source DIR, or create a site with `bantin init DIR`"),
            ]
        })?;
        let text = crate::problem::utf8_text("config::not-utf8", CONFIG_FILE, bytes)
            .map_err(|p| vec![p])?;
        Self::parse(
            root,
            SourceFile::new(CONFIG_FILE, text),
            overrides,
            provinces,
        )
    }

    pub fn parse(
        root: &Path,
        file: SourceFile,
        overrides: &Overrides,
        provinces: &Provinces,
    ) -> Result<Config, Vec<Problem>> {
        let doc = match toml_edit::Document::parse(file.text.to_string()) {
            Ok(doc) => doc,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                return Err(vec![
                    Problem::error("config::syntax", "site.toml is not valid TOML")
                        .at(&file, span)
                        .label(e.message().trim().to_string())
                        .help("TOML writes settings as `key = \"value\"`; text needs double quotes, tables start with [name]"),
                ]);
            }
        };
        let mut problems = Vec::new();
        check_keys(&file, doc.as_table(), TOP_KEYS, "", &mut problems);
        for (name, keys) in [
            ("organization", ORGANIZATION_KEYS),
            ("feeds", FEED_KEYS),
            ("provinces", PROVINCE_KEYS),
            ("counter", COUNTER_KEYS),
        ] {
            if let Some(table) = doc.get(name).and_then(Item::as_table_like) {
                check_keys(&file, table, keys, &format!("{name}."), &mut problems);
            }
        }
        for list in ["menu", "links"] {
            if let Some(item) = doc.get(list) {
                for table in table_likes(item) {
                    check_keys(&file, table, MENU_KEYS, &format!("{list}."), &mut problems);
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }

        let raw: RawConfig = toml::from_str(&file.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            vec![
                Problem::error(
                    "config::invalid",
                    "site.toml has a wrong or missing setting",
                )
                .at(&file, span)
                .label(e.message().trim().to_string())
                .help("see the site.toml reference in the README for every key and its type"),
            ]
        })?;

        let span_of = |path: &[&str]| value_span(&doc, path).unwrap_or(0..0);

        let base_url_text = overrides.base_url.clone().unwrap_or(raw.base_url);
        let (base_url, base_path) = match normalize_base_url(&base_url_text) {
            Ok(v) => v,
            Err(why) => {
                let problem = Problem::error(
                    "config::base-url",
                    format!("base_url `{base_url_text}` is not usable: {why}"),
                )
                .help("write the site's public address with http:// or https://, e.g. base_url = \"https://example.github.io/portal/\"");
                problems.push(if overrides.base_url.is_some() {
                    problem.in_file("--base-url")
                } else {
                    problem
                        .at(&file, span_of(&["base_url"]))
                        .label("this address")
                });
                (String::new(), "/".to_string())
            }
        };

        let timezone = match raw.timezone.as_deref() {
            None => chrono_tz::Asia::Ho_Chi_Minh,
            Some(name) => match name.parse::<Tz>() {
                Ok(tz) => tz,
                Err(_) => {
                    problems.push(
                        Problem::error(
                            "config::timezone",
                            format!("unknown timezone `{name}`"),
                        )
                        .at(&file, span_of(&["timezone"]))
                        .label("not an IANA timezone name")
                        .help("Vietnam is \"Asia/Ho_Chi_Minh\" (the default; you can leave timezone out)"),
                    );
                    chrono_tz::Asia::Ho_Chi_Minh
                }
            },
        };

        let province = match raw.province.as_deref() {
            None => None,
            Some(name) => match provinces.lookup(name) {
                Ok(p) => Some(p.id()),
                Err(e) => {
                    problems.push(crate::content::province_problem(
                        &file,
                        span_of(&["province"]),
                        name,
                        &e,
                    ));
                    None
                }
            },
        };

        let page_size = match raw.page_size {
            None => DEFAULT_PAGE_SIZE,
            Some(n) if (1..=MAX_PAGE_SIZE as i64).contains(&n) => n as usize,
            Some(n) => {
                problems.push(
                    Problem::error(
                        "config::page-size",
                        format!("page_size {n} is out of range"),
                    )
                    .at(&file, span_of(&["page_size"]))
                    .label("must be between 1 and 500")
                    .help("the number of articles on one list page, e.g. page_size = 10"),
                );
                DEFAULT_PAGE_SIZE
            }
        };

        if !(1..=1000).contains(&raw.feeds.limit) {
            problems.push(
                Problem::error(
                    "config::feed-limit",
                    format!("feeds.limit {} is out of range", raw.feeds.limit),
                )
                .at(&file, span_of(&["feeds", "limit"]))
                .label("must be between 1 and 1000")
                .help("the number of newest articles in each feed, e.g. limit = 20"),
            );
        }

        if raw.title.trim().is_empty() {
            problems.push(
                Problem::error("config::title", "the site title is empty")
                    .at(&file, span_of(&["title"]))
                    .help("e.g. title = \"Liên hiệp các tổ chức hữu nghị tỉnh An Giang\""),
            );
        }

        let counter_endpoint = match raw.counter.endpoint.map(|e| e.trim().to_string()) {
            Some(e) if e.is_empty() => None,
            Some(e) if is_external_url(&e) && !e.starts_with("mailto:") || e.starts_with('/') => {
                Some(e)
            }
            Some(e) => {
                problems.push(
                    Problem::error(
                        "config::counter",
                        format!("the counter endpoint `{e}` is not a web address"),
                    )
                    .at(&file, span_of(&["counter", "endpoint"]))
                    .help("write the counting service's address with https://, e.g. endpoint = \"https://dem.example.vn/luot-truy-cap\"; leave it out to show no counter"),
                );
                None
            }
            None => None,
        };
        let image = raw
            .image
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty());

        let menu = link_list(&file, &doc, "menu", raw.menu, &mut problems);
        let links = link_list(&file, &doc, "links", raw.links, &mut problems);

        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Config {
            root: root.to_path_buf(),
            title: raw.title,
            description: raw.description,
            base_url,
            base_path,
            language: raw.language,
            timezone,
            theme: raw.theme,
            province,
            page_size,
            categories: raw.categories,
            menu,
            links,
            organization: raw.organization,
            feeds: raw.feeds,
            include_merged: raw.provinces.include_merged,
            image,
            counter_endpoint,
            source: file,
        })
    }

    /// A fingerprint of everything site.toml says (and the base URL it was built with): what
    /// an incremental build compares to know whether cached work is still valid.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (&*self.source.text, &self.base_url).hash(&mut h);
        h.finish()
    }

    /// A root-relative URL under the site's base path: `url("tin-tuc/a/")` → `/portal/tin-tuc/a/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// An absolute URL: `permalink("tin-tuc/a/")` → `https://example.org/portal/tin-tuc/a/`.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }

    /// Where the site's own templates and static files live, and where the theme's do.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
}

/// Reads a list of links (`menu`, `links`): each a site path or a web address.
fn link_list(
    file: &SourceFile,
    doc: &toml_edit::Document<String>,
    key: &str,
    raw: Vec<RawMenuItem>,
    problems: &mut Vec<Problem>,
) -> Vec<MenuItem> {
    let spans: Vec<Range<usize>> = doc
        .get(key)
        .map(|item| {
            table_likes(item)
                .map(|t| {
                    t.get_key_value("url")
                        .and_then(|(_, v)| v.span())
                        .unwrap_or(0..0)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut items = Vec::new();
    for (i, item) in raw.into_iter().enumerate() {
        let span = spans.get(i).cloned().unwrap_or(0..0);
        if !(item.url.starts_with('/') || is_external_url(&item.url)) {
            problems.push(
                Problem::error(
                    "config::link-url",
                    format!("the {key} link `{}` is neither a site path nor a web address", item.url),
                )
                .at(file, span.clone())
                .label("should start with / or https://")
                .help("write pages of this site as paths from the site root, e.g. url = \"/gioi-thieu/\"; other sites as full addresses"),
            );
        }
        items.push(MenuItem {
            name: item.name,
            url: item.url,
            span,
        });
    }
    items
}

/// Every table in `menu`, written either as `[[menu]]` or as an array of inline tables.
fn table_likes(item: &Item) -> Box<dyn Iterator<Item = &dyn TableLike> + '_> {
    if let Some(aot) = item.as_array_of_tables() {
        Box::new(aot.iter().map(|t| t as &dyn TableLike))
    } else if let Some(array) = item.as_array() {
        Box::new(
            array
                .iter()
                .filter_map(|v| v.as_inline_table().map(|t| t as &dyn TableLike)),
        )
    } else {
        Box::new(std::iter::empty())
    }
}

fn check_keys(
    file: &SourceFile,
    table: &dyn TableLike,
    known: &[&str],
    prefix: &str,
    problems: &mut Vec<Problem>,
) {
    for (key, _) in table.iter() {
        if known.contains(&key) {
            continue;
        }
        let span = table
            .get_key_value(key)
            .and_then(|(k, _)| k.span())
            .unwrap_or(0..0);
        let mut problem = Problem::error(
            "config::unknown-key",
            format!("unknown setting `{prefix}{key}` in site.toml"),
        )
        .at(file, span);
        problem = match did_you_mean(key, known.iter().copied()) {
            Some(s) => problem.label(format!("did you mean `{s}`?")).help(format!(
                "rename it to `{s}`; the settings here are: {}",
                known.join(", ")
            )),
            None => problem
                .label("not a setting bantin knows")
                .help(format!("the settings here are: {}", known.join(", "))),
        };
        problems.push(problem);
    }
}

fn value_span(doc: &toml_edit::Document<String>, path: &[&str]) -> Option<Range<usize>> {
    let (last, parents) = path.split_last()?;
    let mut table: &dyn TableLike = doc.as_table();
    for key in parents {
        table = table.get(key)?.as_table_like()?;
    }
    let (key, value) = table.get_key_value(last)?;
    value.span().or_else(|| key.span())
}

/// Checks a base URL and splits off its path: `https://x.org/portal` → (`https://x.org/portal/`, `/portal/`).
pub fn normalize_base_url(input: &str) -> Result<(String, String), &'static str> {
    let input = input.trim();
    let rest = input
        .strip_prefix("https://")
        .or_else(|| input.strip_prefix("http://"))
        .ok_or("it must start with https:// or http://")?;
    if input.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
        return Err("it may not contain spaces, quotes, ? or #");
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() {
        return Err("it has no host name");
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    while path.contains("//") {
        path = path.replace("//", "/");
    }
    let scheme = &input[..input.len() - rest.len()];
    Ok((format!("{scheme}{host}{path}"), path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provinces() -> Provinces {
        Provinces::builtin()
    }

    const ORG: &str = r#"
[organization]
name = "Liên hiệp"
parent = "UBMTTQ"
address = "1 Đường A"
phone = "0297 000 000"
email = "a@example.vn"
editor = "Nguyễn Văn A"
"#;

    fn parse(text: &str) -> Result<Config, Vec<Problem>> {
        Config::parse(
            Path::new("."),
            SourceFile::new("site.toml", text),
            &Overrides::default(),
            &provinces(),
        )
    }

    #[test]
    fn base_urls() {
        let cases = [
            ("https://x.org", Ok(("https://x.org/", "/"))),
            (
                "https://x.org/portal",
                Ok(("https://x.org/portal/", "/portal/")),
            ),
            (
                "http://127.0.0.1:8080/a/b/",
                Ok(("http://127.0.0.1:8080/a/b/", "/a/b/")),
            ),
            ("x.org", Err(())),
            ("https://", Err(())),
            ("https://x.org/a b", Err(())),
        ];
        for (input, expected) in cases {
            let got = normalize_base_url(input);
            match expected {
                Ok((url, path)) => {
                    assert_eq!(got, Ok((url.to_string(), path.to_string())), "{input}")
                }
                Err(()) => assert!(got.is_err(), "{input}"),
            }
        }
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c = parse(&format!(
            "title = \"T\"\nbase_url = \"https://x.org/p\"\n{ORG}"
        ))
        .unwrap();
        assert_eq!(c.base_path, "/p/");
        assert_eq!(c.language, "vi");
        assert_eq!(c.timezone, chrono_tz::Asia::Ho_Chi_Minh);
        assert_eq!(c.page_size, 10);
        assert_eq!(c.organization.editor_title, "Chịu trách nhiệm nội dung");
        assert_eq!(c.url("tin-tuc/a/"), "/p/tin-tuc/a/");
        assert_eq!(c.permalink("/"), "https://x.org/p/");
    }

    #[test]
    fn unknown_keys_are_reported_with_suggestions_and_lines() {
        let text = format!("titel = \"T\"\nbase_url = \"https://x.org/\"\n{ORG}editr = \"B\"\n");
        let problems = parse(&text).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].label.as_deref(), Some("did you mean `title`?"));
        assert_eq!(problems[0].location().unwrap(), "site.toml:1:1");
        assert!(problems[1].message.contains("organization.editr"));
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let text = format!(
            "title = \"T\"\nbase_url = \"x.org\"\ntimezone = \"Asia/Hanoi\"\npage_size = 0\nprovince = \"Kien Gang\"\n[[menu]]\nname = \"A\"\nurl = \"gioi-thieu\"\n{ORG}"
        );
        let problems = parse(&text).unwrap_err();
        let locations: Vec<_> = problems.iter().map(|p| p.location().unwrap()).collect();
        assert_eq!(
            locations,
            [
                "site.toml:2:12",
                "site.toml:3:12",
                "site.toml:5:12",
                "site.toml:4:13",
                "site.toml:8:7"
            ]
        );
    }

    #[test]
    fn syntax_and_type_errors() {
        assert_eq!(
            parse("title = \"T\nbase_url").unwrap_err()[0].code,
            "config::syntax"
        );
        let e = parse(&format!("title = 3\nbase_url = \"https://x.org/\"\n{ORG}")).unwrap_err();
        assert_eq!(e[0].code, "config::invalid");
        assert_eq!(e[0].location().unwrap(), "site.toml:1:9");
        let e = parse(&format!("base_url = \"https://x.org/\"\n{ORG}")).unwrap_err();
        assert!(
            e[0].label.as_deref().unwrap().contains("title"),
            "{:?}",
            e[0].label
        );
    }

    #[test]
    fn counter_endpoint_and_share_image() {
        let site = |extra: &str| {
            parse(&format!(
                "title = \"T\"\nbase_url = \"https://x.org/\"\nimage = \" /images/a.jpg \"\n{ORG}\n{extra}"
            ))
        };
        let c = site("").expect("no counter is fine");
        assert_eq!(c.counter_endpoint, None);
        assert_eq!(c.image.as_deref(), Some("/images/a.jpg"));
        for ok in [
            "https://dem.example.vn/api",
            "http://127.0.0.1:9000/dem",
            "/api/dem",
        ] {
            let c = site(&format!("[counter]\nendpoint = \"{ok}\"")).expect(ok);
            assert_eq!(c.counter_endpoint.as_deref(), Some(ok));
        }
        let c = site("[counter]\nendpoint = \"  \"").expect("blank means none");
        assert_eq!(c.counter_endpoint, None);
        for bad in ["dem.example.vn/api", "mailto:a@b.vn", "javascript:alert(1)"] {
            let e = site(&format!("[counter]\nendpoint = \"{bad}\"")).unwrap_err();
            assert_eq!(e[0].code, "config::counter", "{bad}");
            assert!(e[0].location().unwrap().starts_with("site.toml:"), "{bad}");
        }
        let e = site("[counter]\nendpont = \"https://x\"").unwrap_err();
        assert_eq!(e[0].code, "config::unknown-key");
    }
}
