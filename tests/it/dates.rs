//! Dates written without a time (`date: 27/05/2020`), as editors often write them: takes a site
//! with such an article beside one of the same day with a time, gives proof that no page, list
//! or widget shows "00:00" (readers take it for the time of the news), that feeds, the sitemap
//! and JSON-LD still carry a full time, and that the article sorts after the timed one of its
//! day (newest first).

use crate::support::{self, bantin};

const UNTIMED: &str = "---
title: Hội nghị tổng kết công tác đối ngoại nhân dân
date: 27/05/2020
updated: 28/05/2020
category: Tin tức hoạt động
tags: [hội nghị]
source:
  name: Báo Kiên Giang
  published: 26/05/2020
---

Sáng 27/5, Liên hiệp các tổ chức hữu nghị tỉnh tổ chức hội nghị tổng kết.
";

const TIMED: &str = "---
title: Trao quà cho học sinh nghèo vượt khó
date: 27/05/2020 08:30
category: Tin tức hoạt động
tags: [hội nghị]
---

Hội Hữu nghị trao 120 suất quà cho học sinh nghèo.
";

const PAGE: &str = "---
title: Giới thiệu
updated: 01/06/2020
---

Liên hiệp các tổ chức hữu nghị tỉnh.
";

/// The text a reader sees in a page: scripts, styles and tags gone.
fn visible(html: &str) -> String {
    let mut shown = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(['<']) {
        shown.push_str(&rest[..i]);
        let tail = &rest[i..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|open| tail.starts_with(*open))
            .map(|open| {
                if *open == "<script" {
                    "</script>"
                } else {
                    "</style>"
                }
            });
        let end = match skip_to {
            Some(close) => tail.find(close).map(|j| j + close.len()),
            None => tail.find('>').map(|j| j + 1),
        };
        shown.push(' ');
        rest = end.map_or("", |e| &tail[e..]);
    }
    shown.push_str(rest);
    shown
}

#[test]
fn a_date_without_a_time_shows_no_midnight_but_feeds_keep_a_full_time() {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(
            "title = \"Liên hiệp các tổ chức hữu nghị tỉnh An Giang\"\nbase_url = \"https://lhhn.example.vn/\"\nprovince = \"An Giang\"\n",
        ),
    );
    support::write(&site.root.join("content/tin-tuc/hoi-nghi.md"), UNTIMED);
    support::write(&site.root.join("content/tin-tuc/trao-qua.md"), TIMED);
    support::write(&site.root.join("content/gioi-thieu.md"), PAGE);
    let out = site.sibling("public");
    let built = bantin(&site.root, ["build", "--output", "../public"]);
    assert_eq!(built.code, 0, "{}", built.transcript());

    let tree = support::Tree::of(&out);
    for file in tree.files().into_iter().filter(|f| f.ends_with(".html")) {
        let text = visible(&support::read(&out.join(file)));
        assert!(!text.contains("00:00"), "{file} shows a midnight:\n{text}");
    }
    let article = support::read(
        &out.join("tin-tuc/hoi-nghi-tong-ket-cong-tac-doi-ngoai-nhan-dan/index.html"),
    );
    for shown in [
        "<time datetime=\"2020-05-27\">Thứ Tư, 27/05/2020</time>",
        "<time datetime=\"2020-05-28\">28/05/2020</time>",
        "<time datetime=\"2020-05-26\">26/05/2020</time>",
        "\"datePublished\":\"2020-05-27T00:00:00+07:00\"",
        "\"dateModified\":\"2020-05-28T00:00:00+07:00\"",
    ] {
        assert!(article.contains(shown), "{shown:?} missing:\n{article}");
    }
    let timed = support::read(&out.join("tin-tuc/trao-qua-cho-hoc-sinh-ngheo-vuot-kho/index.html"));
    assert!(
        timed.contains("Thứ Tư, 27/05/2020 08:30"),
        "a time written is shown"
    );
    let page = support::read(&out.join("gioi-thieu/index.html"));
    assert!(
        page.contains("<time datetime=\"2020-06-01\">01/06/2020</time>"),
        "{page}"
    );

    let rss = support::read(&out.join("rss.xml"));
    assert!(
        rss.contains("<pubDate>Wed, 27 May 2020 00:00:00 +0700</pubDate>"),
        "{rss}"
    );
    let atom = support::read(&out.join("atom.xml"));
    assert!(atom.contains("2020-05-27T00:00:00+07:00"), "{atom}");
    let sitemap = support::read(&out.join("sitemap.xml"));
    assert!(
        sitemap.contains("<lastmod>2020-05-28T00:00:00+07:00</lastmod>"),
        "{sitemap}"
    );

    // Newest first: the timed article of the day, then the one without a time.
    let home = support::read(&out.join("index.html"));
    let (timed_at, untimed_at) = (
        home.find("Trao quà cho học sinh").expect("listed"),
        home.find("Hội nghị tổng kết công tác").expect("listed"),
    );
    assert!(
        timed_at < untimed_at,
        "08:30 comes before a day without a time"
    );
}
