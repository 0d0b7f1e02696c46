//! Takes a folder and gives a new site in it (`bantin init`): a site.toml to fill in, one example
//! article and an About page, which build as they are with the built-in default theme.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::Utc;

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{} already holds a site (site.toml exists); nothing was written", .0.display())]
    Exists(PathBuf),
    #[error("could not write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

const SITE_TOML: &str = r#"# The site's settings. Every key is described in bantin's README.
title = "Liên hiệp các tổ chức hữu nghị tỉnh …"
description = "Cổng thông tin điện tử của Liên hiệp các tổ chức hữu nghị tỉnh …"
# The public address of the site; may carry a path, e.g. https://example.github.io/portal/
base_url = "https://example.com/"
# The site's own province: articles without a `province:` line belong to it.
province = "An Giang"
page_size = 10

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
