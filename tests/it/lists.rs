//! The news site's structure: takes small generated sites and gives proof of pagination at its
//! edges, archives grouped by the date in +07:00, tag pages and feeds for Vietnamese names, name
//! collisions, the province index in Vietnamese order, the 2025 merger on province pages, and
//! drafts and scheduled articles absent from every list, feed and sitemap.

use std::path::Path;

use crate::support::{self, TempSite, bantin};

/// The settings of the test site; `support::site_toml` adds the legal footer block.
const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/cong/"
province = "An Giang"
page_size = 3
"#;

/// Writes an article; `extra` holds more front-matter lines.
fn article(site: &TempSite, file: &str, title: &str, date: &str, extra: &str) {
    support::write(
        &site.root.join("content/tin-tuc").join(file),
        format!("---\ntitle: \"{title}\"\ndate: {date}\n{extra}---\n\nNội dung bài {title}.\n"),
    );
}

fn new_site(toml_extra: &str) -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!("{SETTINGS}\n{toml_extra}")),
    );
    site
}

fn build_ok(site: &TempSite) -> support::Outcome {
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    outcome
}

fn out(site: &TempSite, rel: &str) -> String {
    support::read(&site.sibling("out").join(rel))
}

fn exists(site: &TempSite, rel: &str) -> bool {
    site.sibling("out").join(rel).exists()
}

/// Slugs of the articles a list page links to, in page order.
fn listed(html: &str) -> Vec<String> {
    let mut slugs = Vec::new();
    for (i, _) in html.match_indices("href=\"/cong/tin-tuc/") {
        let rest = &html[i + "href=\"/cong/tin-tuc/".len()..];
        let slug = &rest[..rest.find('/').unwrap_or(0)];
        if !slug.is_empty() && slugs.last().map(String::as_str) != Some(slug) {
            slugs.push(slug.to_string());
        }
    }
    slugs
}

fn main_part(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html[start..]
        .find("</main>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[test]
fn pagination_at_its_edges() {
    // (articles, pages expected) at page_size 3.
    for (count, pages) in [(0usize, 1usize), (1, 1), (3, 1), (4, 2), (10, 4)] {
        let site = new_site("");
        for n in 0..count {
            article(
                &site,
                &format!("bai-{n:02}.md"),
                &format!("Bài số {n:02}"),
                &format!("2024-03-{:02} 08:00", n + 1),
                "tags: [Hội nghị]\n",
            );
        }
        build_ok(&site);
        assert!(exists(&site, "index.html"));
        for page in 2..=pages {
            assert!(
                exists(&site, &format!("trang/{page}/index.html")),
                "{count} articles: no home page {page}"
            );
        }
        assert!(
            !exists(&site, &format!("trang/{}/index.html", pages + 1)),
            "{count} articles: an empty page after the last"
        );
        assert!(
            !exists(&site, "trang/1/index.html"),
            "page 1 must live at the list's own URL only"
        );
        if count > 0 {
            let tag_pages = count.div_ceil(3);
            assert!(exists(&site, "the/hoi-nghi/index.html"));
            assert!(!exists(
                &site,
                &format!("the/hoi-nghi/trang/{}/index.html", tag_pages + 1)
            ));
            // Every article appears exactly once across the tag's pages, newest first.
            let mut seen = Vec::new();
            for page in 1..=tag_pages {
                let path = if page == 1 {
                    "the/hoi-nghi/index.html".to_string()
                } else {
                    format!("the/hoi-nghi/trang/{page}/index.html")
                };
                seen.extend(listed(main_part(&out(&site, &path))));
            }
            let expected: Vec<String> =
                (0..count).rev().map(|n| format!("bai-so-{n:02}")).collect();
            assert_eq!(seen, expected, "{count} articles");
        } else {
            assert!(
                !exists(&site, "the/hoi-nghi/index.html"),
                "a tag with no articles has no page"
            );
        }
    }
}

#[test]
fn archives_group_by_the_date_in_vietnam() {
    let site = new_site("");
    // 05:00 on 1 July in +07:00 is still 30 June in UTC: it belongs to July.
    article(
        &site,
        "thang-bay.md",
        "Đầu tháng Bảy",
        "2024-07-01T05:00:00+07:00",
        "",
    );
    article(
        &site,
        "thang-sau.md",
        "Cuối tháng Sáu",
        "30/06/2024 22:00",
        "",
    );
    // Given in UTC: 2024-06-30T23:30Z is 06:30 on 1 July in Vietnam.
    article(&site, "utc.md", "Giờ quốc tế", "2024-06-30T23:30:00Z", "");
    build_ok(&site);
    assert_eq!(
        listed(main_part(&out(&site, "luu-tru/2024/07/index.html"))),
        ["gio-quoc-te", "dau-thang-bay"]
    );
    assert_eq!(
        listed(main_part(&out(&site, "luu-tru/2024/06/index.html"))),
        ["cuoi-thang-sau"]
    );
    assert!(exists(&site, "luu-tru/2024/index.html"));
    let index = out(&site, "luu-tru/index.html");
    assert!(index.contains("/cong/luu-tru/2024/07/") && index.contains("/cong/luu-tru/2024/06/"));
}

#[test]
fn a_vietnamese_tag_gets_its_page_and_feeds() {
    let site = new_site("");
    article(
        &site,
        "a.md",
        "Giao lưu Việt – Nhật",
        "2024-05-01",
        "tags: [Hữu nghị Việt – Nhật]\n",
    );
    article(
        &site,
        "b.md",
        "Gặp gỡ thanh niên",
        "2024-05-02",
        "tags: [hữu nghị việt – nhật]\n",
    );
    build_ok(&site);
    let page = out(&site, "the/huu-nghi-viet-nhat/index.html");
    assert!(
        page.contains("Hữu nghị Việt – Nhật"),
        "the tag keeps its Vietnamese spelling"
    );
    assert_eq!(
        listed(main_part(&page)),
        ["gap-go-thanh-nien", "giao-luu-viet-nhat"]
    );
    let rss = out(&site, "the/huu-nghi-viet-nhat/rss.xml");
    assert!(
        rss.contains("<rss")
            && rss.contains("https://example.org/cong/the/huu-nghi-viet-nhat/rss.xml")
    );
    assert_eq!(rss.matches("<item>").count(), 2);
    let atom = out(&site, "the/huu-nghi-viet-nhat/atom.xml");
    assert_eq!(atom.matches("<entry>").count(), 2);
    assert!(
        page.contains("/cong/the/huu-nghi-viet-nhat/rss.xml"),
        "the page links its feed"
    );
}

#[test]
fn two_tags_on_one_slug_are_an_error_naming_both() {
    let site = new_site("");
    article(&site, "a.md", "Bài một", "2024-05-01", "tags: [Hội nghị]\n");
    article(&site, "b.md", "Bài hai", "2024-05-02", "tags: [Hoi nghi]\n");
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    for needle in [
        "Hội nghị",
        "Hoi nghi",
        "content/tin-tuc/a.md",
        "content/tin-tuc/b.md",
        "/hoi-nghi/",
    ] {
        assert!(
            outcome.stderr.contains(needle),
            "missing {needle}:\n{}",
            outcome.stderr
        );
    }
    assert!(!site.sibling("out").exists());
}

#[test]
fn the_province_index_is_in_vietnamese_order() {
    let site = new_site("[provinces]\ninclude_merged = false\n");
    let names = [
        "Bắc Giang",
        "Đà Nẵng",
        "Bạc Liêu",
        "Bà Rịa – Vũng Tàu",
        "Đắk Lắk",
        "Hà Nội",
        "Điện Biên",
        "Hải Phòng",
        "Hà Nam",
        "Hưng Yên",
        "Hải Dương",
    ];
    for (n, name) in names.iter().enumerate() {
        article(
            &site,
            &format!("p{n}.md"),
            &format!("Tin {n}"),
            "2024-01-01",
            &format!("province: {name}\n"),
        );
    }
    build_ok(&site);
    let html = main_part(&out(&site, "tinh/index.html")).to_string();
    // The A–Z list comes last on the page; regions come before it, in the registry's order.
    let az = &html[html
        .find("Tra cứu theo tên")
        .unwrap_or_else(|| panic!("no A–Z list:\n{html}"))..];
    let at = |text: &str, name: &str| {
        text.find(&format!(">{name}<"))
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    let order = [
        "Bà Rịa – Vũng Tàu",
        "Bạc Liêu",
        "Bắc Giang",
        "Đà Nẵng",
        "Đắk Lắk",
        "Điện Biên",
        "Hà Nam",
        "Hà Nội",
        "Hải Dương",
        "Hải Phòng",
        "Hưng Yên",
    ];
    for pair in order.windows(2) {
        assert!(
            at(az, pair[0]) < at(az, pair[1]),
            "A–Z: {} should come before {}",
            pair[0],
            pair[1]
        );
    }
    // Within a region, the same order: Đồng bằng sông Hồng holds Hà Nam … Hưng Yên.
    let region = &html[html
        .find("Đồng bằng sông Hồng</h2>")
        .unwrap_or_else(|| panic!("no region heading:\n{html}"))..];
    for pair in ["Hà Nam", "Hà Nội", "Hải Dương", "Hải Phòng", "Hưng Yên"].windows(2) {
        assert!(
            at(region, pair[0]) < at(region, pair[1]),
            "region: {} should come before {}",
            pair[0],
            pair[1]
        );
    }
    // "Đà Nẵng" after every "D…": the tag index, one flat list.
    let site = new_site("");
    for (n, name) in [
        "Đà Nẵng",
        "Duyên hải",
        "Dak Nông cũ",
        "Bà Rịa – Vũng Tàu",
        "Đắk Lắk",
        "Dân tộc",
    ]
    .iter()
    .enumerate()
    {
        article(
            &site,
            &format!("t{n}.md"),
            &format!("Tin {n}"),
            "2024-01-01",
            &format!("tags: [{name}]\n"),
        );
    }
    build_ok(&site);
    let html = main_part(&out(&site, "the/index.html")).to_string();
    let order = [
        "Bà Rịa – Vũng Tàu",
        "Dak Nông cũ",
        "Dân tộc",
        "Duyên hải",
        "Đà Nẵng",
        "Đắk Lắk",
    ];
    for pair in order.windows(2) {
        assert!(
            at(&html, pair[0]) < at(&html, pair[1]),
            "tags: {} should come before {}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn the_2025_merger_on_province_pages() {
    let site = new_site("");
    article(
        &site,
        "kg.md",
        "Tin Kiên Giang 2020",
        "2020-05-27",
        "province: Kiên Giang\n",
    );
    article(
        &site,
        "ag.md",
        "Tin An Giang 2025",
        "2025-08-15",
        "province: An Giang\n",
    );
    article(
        &site,
        "late.md",
        "Tin muộn",
        "2025-09-05",
        "province: kien giang\n",
    );
    let outcome = build_ok(&site);
    // After the merger a former province still builds, with a warning naming the current unit.
    assert!(
        outcome.stderr.contains("content/tin-tuc/late.md:4:11"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("An Giang") && outcome.stderr.contains("01/07/2025"),
        "{}",
        outcome.stderr
    );
    assert!(
        !outcome.stderr.contains("kg.md"),
        "no warning for news from before the merger"
    );

    let former = out(&site, "tinh/kien-giang/index.html");
    assert_eq!(
        listed(main_part(&former)),
        ["tin-muon", "tin-kien-giang-2020"],
        "the former province keeps its own archive"
    );
    assert!(
        former.contains("01/07/2025") && former.contains("/cong/tinh/an-giang/"),
        "says it is part of An Giang, with a link"
    );
    let current = out(&site, "tinh/an-giang/index.html");
    assert_eq!(
        listed(main_part(&current)),
        ["tin-muon", "tin-an-giang-2025", "tin-kien-giang-2020"],
        "the current unit lists the merged unit's news"
    );

    // The switch in site.toml turns the merged lists off.
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "{SETTINGS}\n[provinces]\ninclude_merged = false\n"
        )),
    );
    build_ok(&site);
    assert_eq!(
        listed(main_part(&out(&site, "tinh/an-giang/index.html"))),
        ["tin-an-giang-2025"]
    );
}

#[test]
fn drafts_and_scheduled_articles_appear_nowhere() {
    let site = new_site("");
    article(
        &site,
        "a.md",
        "Bài công khai",
        "2024-05-01",
        "tags: [Hội nghị]\ncategory: Tin tức\n",
    );
    article(
        &site,
        "nhap.md",
        "Bài nháp bí mật",
        "2024-05-02",
        "draft: true\ntags: [Hội nghị]\ncategory: Tin tức\n",
    );
    article(
        &site,
        "hen.md",
        "Bài hẹn giờ bí mật",
        "2999-01-01",
        "tags: [Hội nghị]\ncategory: Tin tức\n",
    );
    build_ok(&site);
    let out_dir = site.sibling("out");
    for file in support::Tree::of(&out_dir).files() {
        if file.ends_with(".html")
            || file.ends_with(".xml")
            || file.ends_with(".txt")
            || file == "_redirects"
        {
            let text = support::read(&out_dir.join(file));
            for secret in ["bí mật", "bai-nhap", "bai-hen-gio"] {
                assert!(!text.contains(secret), "{file} mentions {secret}");
            }
        }
    }
    assert!(!Path::new(&out_dir.join("luu-tru/2999")).exists());
    let tags = out(&site, "the/index.html");
    assert!(
        tags.contains(">1<") || tags.contains("(1)") || tags.contains(" 1 "),
        "the count is 1:\n{}",
        main_part(&tags)
    );
}

#[test]
fn a_former_and_a_current_unit_of_one_name_are_listed_in_a_stable_order() {
    // Lào Cai before 2025 and Lào Cai now share a name; the province index must not depend on
    // the order lists happen to be gathered in (it once came from a HashMap).
    let site = new_site("[provinces]\ninclude_merged = false\n");
    article(
        &site,
        "cu.md",
        "Tin Lào Cai cũ",
        "2020-01-01",
        "province: lao-cai-pre2025\n",
    );
    article(
        &site,
        "moi.md",
        "Tin Lào Cai mới",
        "2025-09-01",
        "province: Lào Cai\n",
    );
    article(
        &site,
        "yb.md",
        "Tin Yên Bái",
        "2020-02-01",
        "province: Yên Bái\n",
    );
    let mut pages = Vec::new();
    for _ in 0..6 {
        build_ok(&site);
        pages.push(out(&site, "tinh/index.html"));
    }
    assert!(
        pages.windows(2).all(|w| w[0] == w[1]),
        "the province index changed between builds"
    );
    let az = &pages[0][pages[0].find("Tra cứu theo tên").unwrap_or(0)..];
    let now = az
        .find("/cong/tinh/lao-cai/")
        .unwrap_or_else(|| panic!("no current Lào Cai:\n{az}"));
    let before = az
        .find("/cong/tinh/lao-cai-pre2025/")
        .unwrap_or_else(|| panic!("no former Lào Cai:\n{az}"));
    assert!(now < before, "the current unit comes first");
}
