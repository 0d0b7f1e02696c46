//! Takes a folder and gives a new site in it (`bantin init`): a site.toml to fill in, one example
//! article and an About page, which build as they are with the built-in default theme, and the
//! CI recipes that install bantin and publish the site. Says which of what it wrote is still a
//! placeholder (`placeholders`). Takes a site and a title and gives a new article file
//! (`bantin new`), checked like any article.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use unicode_normalization::UnicodeNormalization;

use crate::config::Config;
use crate::content::{self, ARTICLES_DIR};
use crate::locale;
use crate::markdown::Highlighter;
use crate::messages::{Lang, Message};
use crate::msg;
use crate::problem::Problem;
use crate::provinces::Provinces;

/// Why `bantin init` wrote nothing (or stopped). `Display` is the English text; `message`
/// gives it in any language.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{}", Lang::En.text(&self.message()))]
    Exists(PathBuf),
    #[error("{}", Lang::En.text(&self.message()))]
    Io { path: PathBuf, source: io::Error },
}

impl InitError {
    pub fn message(&self) -> Message {
        match self {
            InitError::Exists(dir) => {
                msg!("scaffold-init-exists", path = dir.display().to_string())
            }
            InitError::Io { path, source } => msg!(
                "scaffold-cannot-write",
                path = path.display().to_string(),
                error = source.to_string()
            ),
        }
    }
}

const SITE_TOML: &str = r#"# The site's settings. Every key is described in bantin's README.
title = "Liên hiệp các tổ chức hữu nghị tỉnh …"
description = "Cổng thông tin điện tử của Liên hiệp các tổ chức hữu nghị tỉnh …"
# The public address of the site; may carry a path, e.g. https://example.github.io/portal/
base_url = "https://example.com/"
# The site's own province: articles without a `province:` line belong to it.
province = "An Giang"
page_size = 10
# The categories, in the order of the home page's blocks. An article whose category is not in
# the list is an error with "did you mean", so a typo never makes a second category page.
categories = ["Tin tức hoạt động", "Đối ngoại nhân dân", "Viện trợ phi chính phủ"]
# The picture shown when a page without its own is shared on Facebook or Zalo (JPEG or PNG).
# image = "/images/chia-se.jpg"

[[menu]]
name = "Trang chủ"
url = "/"

[[menu]]
name = "Giới thiệu"
url = "/gioi-thieu/"

# Shown in the footer of every page, as Vietnamese law asks of a news site.
[organization]
name = "Liên hiệp các tổ chức hữu nghị tỉnh …"
parent = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh …"
address = "Số …, đường …, phường …"
phone = "0000 000 000"
email = "lienhe@example.com"
editor = "Họ và tên"
editor_title = "Trưởng Ban biên tập"

# The visitor counter ("Thống kê truy cập"): a service that follows docs/counter.md in bantin's
# repository. Without it the box says that no counter is connected.
# [counter]
# endpoint = "https://dem.example.vn/luot-truy-cap"
"#;

const ABOUT: &str = "---
title: Giới thiệu
---

Viết vài dòng giới thiệu về Liên hiệp: lịch sử, chức năng, nhiệm vụ và cơ cấu tổ chức.
";

fn article(date: &str) -> String {
    format!(
        "---
title: Bài viết đầu tiên
date: {date}
category: Tin tức hoạt động
tags: [hội nghị]
author: BBT.
---

Đây là bài viết mẫu. Đoạn văn đầu tiên được dùng làm phần tóm tắt trên trang chủ nếu bài viết
không có dòng `summary:`.

## Một mục trong bài

Viết nội dung bằng Markdown: **chữ đậm**, *chữ nghiêng*, danh sách, bảng và hình ảnh.
"
    )
}

/// The site's CI recipe for GitHub: installs the bantin that made the site (from crates.io,
/// kept in the cache), builds with `--strict` so placeholders never go live, publishes on Pages.
const GITHUB_RECIPE: &str = r#"# Builds this site with bantin and publishes it on GitHub Pages.
#
# Setup, once: Settings → Pages → Build and deployment → Source: "GitHub Actions".
#
# It runs on every push to main, by hand (Actions → Publish → Run workflow), and every hour, so an
# article dated in the future goes out within the hour after its time. `--strict` stops the
# publication while site.toml or an article still holds what `bantin init` wrote for you to
# replace (the phone "0000 000 000", the example article…).
name: Publish

on:
  push:
    branches: [main]
  schedule:
    - cron: "17 * * * *"
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # The bantin this site was made with; change it to move to a newer one.
  BANTIN_VERSION: "{version}"

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - uses: dtolnay/rust-toolchain@stable

      # bantin is compiled once per version, then restored from the cache.
      - name: Cache bantin
        uses: actions/cache@v4
        with:
          path: |
            ~/.cargo/bin/bantin
            ~/.cargo/.crates.toml
            ~/.cargo/.crates2.json
          key: bantin-${{ env.BANTIN_VERSION }}

      # What bantin downloads and makes, kept between runs: the script of the CMS at /admin/
      # (fetched once per version from the npm registry, checked against the checksum bantin
      # pins) and the photos' resized copies, so a build encodes only new or changed photos.
      # A new key each run, restored from the latest one: the copies of new photos are kept.
      - name: Cache bantin's downloads and photo copies
        uses: actions/cache@v4
        with:
          path: .bantin-cache
          key: bantin-cache-${{ env.BANTIN_VERSION }}-${{ github.run_id }}
          restore-keys: bantin-cache-${{ env.BANTIN_VERSION }}-

      # Already installed at this version (from the cache): cargo says so and does nothing.
      - name: Install bantin
        run: cargo install --locked bantin --version "$BANTIN_VERSION"

      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5

      # The Pages address replaces site.toml's base_url, so links work under the repository's
      # sub-path. To use site.toml's base_url as written, drop the --base-url flag.
      - name: Build the site
        run: bantin build --strict --base-url "${{ steps.pages.outputs.base_url }}"

      - name: Note the next scheduled article
        run: |
          echo "Next scheduled article: $(cat public/next-publish.txt)" >> "$GITHUB_STEP_SUMMARY"

      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"#;

/// The site's CI recipe for GitLab Pages, the same steps as `GITHUB_RECIPE`.
const GITLAB_RECIPE: &str = r#"# Builds this site with bantin and publishes it on GitLab Pages (a job named `pages` whose
# artifact is the `public` folder is what GitLab serves).
#
# Scheduled articles: add a pipeline schedule (Build → Pipeline schedules → New schedule, e.g.
# hourly `17 * * * *`, timezone Asia/Ho_Chi_Minh) so they go out on time. `--strict` stops the
# publication while site.toml or an article still holds what `bantin init` wrote for you to
# replace.

pages:
  image: rust:1
  stage: deploy
  variables:
    # The bantin this site was made with; change it to move to a newer one.
    BANTIN_VERSION: "{version}"
    CARGO_HOME: "$CI_PROJECT_DIR/.cargo"
  cache:
    - key: bantin-$BANTIN_VERSION
      paths:
        - .cargo/bin
        - .cargo/.crates.toml
        - .cargo/.crates2.json
    # What bantin downloads and makes: the script of the CMS at /admin/ (fetched once per
    # version from the npm registry, checked against the checksum bantin pins) and the photos'
    # resized copies (GitLab saves the cache again after every job, new photos' copies too).
    - key: bantin-cache-$BANTIN_VERSION
      paths:
        - .bantin-cache/
  script:
    # Already installed at this version (from the cache): cargo says so and does nothing.
    - cargo install --locked bantin --version "$BANTIN_VERSION"
    - export PATH="$CARGO_HOME/bin:$PATH"
    # $CI_PAGES_URL (the project's Pages address) replaces site.toml's base_url.
    - bantin build --strict --base-url "$CI_PAGES_URL"
    - 'echo "Next scheduled article: $(cat public/next-publish.txt)"'
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;

/// What a site's repository leaves out: the build's output and bantin's caches.
const GITIGNORE: &str =
    "# bantin's output (CI builds it) and its caches\npublic/\n.bantin-cache/\n";

/// Text of `init`'s example article and About page and of `new`'s body, as rendered.
const BODY_PLACEHOLDERS: &[&str] = &[
    "Đây là bài viết mẫu.",
    "Viết vài dòng giới thiệu về Liên hiệp",
    "Viết đoạn mở đầu (sapo) ở đây",
];
const TITLE_PLACEHOLDER: &str = "Bài viết đầu tiên";

/// Every placeholder of `init` and `new` still in the settings or in a published article or
/// page, each at its file and line: warnings, or errors with `strict` (`build --strict`, which
/// CI runs so that a site never goes live with them). Only these exact texts count: an
/// `example.org` address of the site's own is its business.
pub fn placeholders(
    config: &Config,
    articles: &[std::sync::Arc<content::Article>],
    pages: &[content::Page],
    strict: bool,
) -> Vec<Problem> {
    let problem = |message: Message| {
        if strict {
            Problem::error("site::placeholder", message)
        } else {
            Problem::warning("site::placeholder", message)
        }
    };
    // What `init` writes for the editor to replace, and where: left on a published site, a
    // reader sees "0000 000 000" as the union's phone.
    let org = &config.organization;
    let site_placeholders = [
        (
            "title",
            "Liên hiệp các tổ chức hữu nghị tỉnh …",
            &config.title,
        ),
        (
            "description",
            "Cổng thông tin điện tử của Liên hiệp các tổ chức hữu nghị tỉnh …",
            &config.description,
        ),
        ("base_url", "https://example.com/", &config.base_url),
        (
            "organization.name",
            "Liên hiệp các tổ chức hữu nghị tỉnh …",
            &org.name,
        ),
        (
            "organization.parent",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh …",
            &org.parent,
        ),
        (
            "organization.address",
            "Số …, đường …, phường …",
            &org.address,
        ),
        ("organization.phone", "0000 000 000", &org.phone),
        ("organization.email", "lienhe@example.com", &org.email),
        ("organization.editor", "Họ và tên", &org.editor),
    ];
    let mut found = Vec::new();
    let toml = &config.source;
    for (key, placeholder, value) in site_placeholders {
        if value != placeholder {
            continue;
        }
        let path: Vec<&str> = key.split('.').collect();
        let span = config.value_span(&path).unwrap_or(0..0);
        found.push(
            problem(msg!(
                "scaffold-placeholder-setting",
                key = key,
                placeholder = placeholder
            ))
            .at(toml, span)
            .label(msg!("scaffold-placeholder-label"))
            .help(msg!("scaffold-placeholder-setting-help", what = what(key))),
        );
    }
    let bodies = articles
        .iter()
        .map(|a| (&a.file, &a.title, &a.body, a.body_line))
        .chain(
            pages
                .iter()
                .map(|p| (&p.file, &p.title, &p.body, p.body_line)),
        );
    for (file, title, body, body_line) in bodies {
        if title == TITLE_PLACEHOLDER {
            let span = file
                .text
                .find(TITLE_PLACEHOLDER)
                .map_or(0..0, |i| i..i + TITLE_PLACEHOLDER.len());
            found.push(
                problem(msg!(
                    "scaffold-placeholder-title",
                    title = TITLE_PLACEHOLDER
                ))
                .at(file, span)
                .help(msg!("scaffold-placeholder-title-help")),
            );
        }
        if let Some(text) = BODY_PLACEHOLDERS.iter().find(|t| body.html.contains(*t)) {
            let at = file.offset_of(body_line, 0);
            found.push(
                problem(msg!("scaffold-placeholder-body", text = *text))
                    .at(file, at..at)
                    .help(msg!("scaffold-placeholder-body-help")),
            );
        }
    }
    found
}

/// What a site.toml key asks for, in the help of its placeholder.
fn what(key: &str) -> Message {
    match key {
        "title" | "organization.name" => msg!("scaffold-what-name"),
        "description" => msg!("scaffold-what-description"),
        "base_url" => msg!("scaffold-what-base-url"),
        "organization.parent" => msg!("scaffold-what-parent"),
        "organization.address" => msg!("scaffold-what-address"),
        "organization.phone" => msg!("scaffold-what-phone"),
        "organization.email" => msg!("scaffold-what-email"),
        _ => msg!("scaffold-what-editor"),
    }
}

/// Writes the new site; refuses a folder that already has a site.toml. Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    if dir.join("site.toml").exists() {
        return Err(InitError::Exists(dir.to_path_buf()));
    }
    let now = Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .format("%d/%m/%Y %H:%M")
        .to_string();
    let files = [
        (PathBuf::from("site.toml"), SITE_TOML.to_string()),
        (PathBuf::from("content/gioi-thieu.md"), ABOUT.to_string()),
        (
            PathBuf::from("content/tin-tuc/bai-viet-dau-tien.md"),
            article(&now),
        ),
        (
            PathBuf::from(".github/workflows/publish.yml"),
            GITHUB_RECIPE.replace("{version}", env!("CARGO_PKG_VERSION")),
        ),
        (
            PathBuf::from(".gitlab-ci.yml"),
            GITLAB_RECIPE.replace("{version}", env!("CARGO_PKG_VERSION")),
        ),
        (PathBuf::from(".gitignore"), GITIGNORE.to_string()),
    ];
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        if path.exists() {
            continue; // never overwrite an editor's file
        }
        let io = |source| InitError::Io {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io)?;
        }
        fs::write(&path, text).map_err(io)?;
        written.push(path);
    }
    Ok(written)
}

/// What `bantin new` was asked for. Texts are as typed; they are written quoted, so any
/// character (`:`, `"`, `#`) survives.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    pub title: String,
    /// A province name in any spelling the registry accepts; `None` leaves the line out, so the
    /// site's own province applies.
    pub province: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    /// The article's date; `None` is now in the site's timezone.
    pub now: Option<DateTime<FixedOffset>>,
}

/// Why `bantin new` wrote nothing. `Display` is the English text; `message` gives it in any
/// language.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error("{}", Lang::En.text(&self.message()))]
    EmptySlug(String),
    #[error("{}", Lang::En.text(&self.message()))]
    Exists(PathBuf),
    #[error("{}", Lang::En.text(&self.message()))]
    NeedsProvince,
    /// The article as it would be written breaks the content rules (unknown province, category
    /// not in site.toml's list…); nothing was written.
    #[error("{}", Lang::En.text(&self.message()))]
    Invalid(Vec<Problem>),
    #[error("{}", Lang::En.text(&self.message()))]
    Io { path: PathBuf, source: io::Error },
}

impl NewError {
    pub fn message(&self) -> Message {
        match self {
            NewError::EmptySlug(title) => msg!("scaffold-new-empty-slug", title = title),
            NewError::Exists(path) => {
                msg!("scaffold-new-exists", path = path.display().to_string())
            }
            NewError::NeedsProvince => msg!("scaffold-new-needs-province"),
            NewError::Invalid(_) => msg!("scaffold-new-invalid"),
            NewError::Io { path, source } => msg!(
                "scaffold-cannot-write",
                path = path.display().to_string(),
                error = source.to_string()
            ),
        }
    }

    /// How to get past it, for the `help:` line.
    pub fn help_message(&self) -> Option<Message> {
        match self {
            NewError::Invalid(_) => Some(msg!("scaffold-new-invalid-help")),
            _ => None,
        }
    }
}

/// The article `bantin new` wrote, and what the build will warn about it.
#[derive(Debug)]
pub struct New {
    pub path: PathBuf,
    pub warnings: Vec<Problem>,
}

/// Writes `content/tin-tuc/<slug>.md` for a new article and returns its path. The text is first
/// checked by the content loader, as the next build will check it, so a file that would break
/// the build is never written; an existing file is never overwritten.
pub fn new_article(
    config: &Config,
    provinces: &Provinces,
    new: &NewArticle,
) -> Result<New, NewError> {
    let title = one_line(&new.title);
    let slug = locale::slugify(&title);
    if slug.is_empty() {
        return Err(NewError::EmptySlug(new.title.clone()));
    }
    let path = config
        .content_dir()
        .join(ARTICLES_DIR)
        .join(format!("{slug}.md"));
    if path.exists() {
        return Err(NewError::Exists(path));
    }
    if new.province.is_none() && config.province.is_none() {
        return Err(NewError::NeedsProvince);
    }
    let date = new
        .now
        .unwrap_or_else(|| Utc::now().with_timezone(&config.timezone).fixed_offset());
    let text = article_text(&title, &date, new);

    let (loaded, mut problems) =
        content::load_text(config, provinces, &Highlighter::new(), &path, text.clone());
    if problems.iter().any(Problem::is_error) {
        return Err(NewError::Invalid(problems));
    }
    // What the build would warn about this article, said now (a province merged before its
    // date): the file is still written.
    problems.extend(crate::model::merger_warnings(&loaded.articles, provinces));

    let io = |source| NewError::Io {
        path: path.clone(),
        source,
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io)?;
    }
    // create_new: a file made between the check above and now is still never overwritten.
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(NewError::Exists(path)),
        Err(e) => return Err(io(e)),
    };
    if let Err(e) = io::Write::write_all(&mut file, text.as_bytes()) {
        drop(file);
        let _ = fs::remove_file(&path); // never leave half an article behind
        return Err(io(e));
    }
    Ok(New {
        path,
        warnings: problems,
    })
}

/// The new file: front-matter with every given field, then a body for the editor to replace.
fn article_text(title: &str, date: &DateTime<FixedOffset>, new: &NewArticle) -> String {
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", yaml_quote(title)));
    text.push_str(&format!("date: {}\n", date.format("%d/%m/%Y %H:%M")));
    if let Some(province) = &new.province {
        text.push_str(&format!("province: {}\n", yaml_quote(&one_line(province))));
    }
    if let Some(category) = &new.category {
        text.push_str(&format!("category: {}\n", yaml_quote(&one_line(category))));
    }
    let tags: Vec<String> = new
        .tags
        .iter()
        .map(|t| one_line(t))
        .filter(|t| !t.is_empty())
        .map(|t| yaml_quote(&t))
        .collect();
    if !tags.is_empty() {
        text.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    if new.draft {
        text.push_str("draft: true\n");
    }
    text.push_str("---\n\n");
    text.push_str(BODY_PLACEHOLDER);
    text
}

const BODY_PLACEHOLDER: &str =
    "Viết đoạn mở đầu (sapo) ở đây: đoạn văn đầu tiên được dùng làm phần tóm tắt trên \
trang chủ nếu bài viết không có dòng `summary:`.

Viết nội dung bài viết bằng Markdown: **chữ đậm**, *chữ nghiêng*, danh sách, bảng và hình ảnh.
";

/// NFC, with every run of whitespace (line breaks included) one space: a front-matter text is
/// one line, and a keyboard's decomposed accents should not reach the file.
pub fn one_line(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML double-quoted scalar that reads back as exactly `text`, whatever it holds.
pub fn yaml_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use saphyr::{LoadableYamlNode, Yaml};

    #[test]
    fn quoted_texts_read_back_unchanged() {
        let cases = [
            "Hội nghị: tổng kết \"năm\" 2024",
            "a # b",
            "- đầu dòng",
            "[x] {y} *z &w !v |u >t 'q' %p @o `n`",
            "back\\slash",
            "tab\there",
            "ctrl\u{7}bell \u{2028} sep",
            "true",
            "12",
            "",
        ];
        for text in cases {
            let yaml = format!("k: {}", yaml_quote(text));
            let docs = Yaml::load_from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
            let value = docs[0]["k"].as_str().map(str::to_string);
            assert_eq!(value.as_deref(), Some(text), "{yaml}");
        }
    }

    #[test]
    fn errors_are_told_in_both_languages() {
        let e = NewError::EmptySlug("!!!".into());
        assert_eq!(
            e.to_string(),
            "no web address can be made from the title `!!!`: it has no letters or digits"
        );
        assert_eq!(
            Lang::Vi.text(&e.message()),
            "không tạo được địa chỉ cho bài viết từ tiêu đề `!!!`: tiêu đề không có chữ cái hay \
             chữ số nào"
        );
        let e = InitError::Exists(PathBuf::from("site"));
        assert_eq!(
            Lang::Vi.text(&e.message()),
            "site đã có một trang web (có tệp site.toml); không ghi gì cả"
        );
    }

    #[test]
    fn one_line_collapses_whitespace_and_composes() {
        assert_eq!(one_line("  Hội\n nghị\t2024 "), "Hội nghị 2024");
        assert_eq!(one_line("Ho\u{300}a"), "Hòa");
    }
}
