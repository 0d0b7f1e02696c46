//! Article addresses from site.toml's `[permalinks]` (issue 13): takes a small site whose
//! articles include a title that recurs every year, builds it under several address patterns,
//! and gives proof that each article is published where its pattern says, that every link,
//! the sitemap, the feeds and the search index follow the pattern, and that the addresses of a
//! former pattern lead to the new ones.

use std::path::Path;

use crate::links;
use crate::support::{self, TempSite, bantin};

const BASE_URL: &str = "https://example.github.io/lhhn/";

/// (file, front-matter) of the test articles; the same title in 2023 and 2024.
const ARTICLES: &[(&str, &str)] = &[
    (
        "2023/hoi-nghi-ban-chap-hanh.md",
        "title: Hội nghị Ban Chấp hành Liên hiệp\ndate: 15/12/2023 08:00\nid: 1023\ncategory: Tin tức hoạt động\nprovince: Cần Thơ\ntags: [Ban Chấp hành]",
    ),
    (
        "2024/hoi-nghi-ban-chap-hanh-2024.md",
        "title: Hội nghị Ban Chấp hành Liên hiệp\ndate: 16/12/2024 08:30\nid: 1024\ncategory: Tin tức hoạt động\nprovince: Cần Thơ\ntags: [Ban Chấp hành]",
    ),
    (
        "2025/gap-mat-kieu-bao.md",
        "title: Gặp mặt kiều bào về quê đón Tết\ndate: 20/01/2025 09:00\nid: 1031\ncategory: Người Việt Nam ở nước ngoài\nprovince: Cần Thơ\ntags: [kiều bào]\naliases: [/tin-tuc/chi-tiet/1031]",
    ),
];

/// A site with the test articles and `permalinks` (a `[permalinks]` block, or nothing).
fn site(permalinks: &str) -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!(
            "title = \"Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ\"\nbase_url = \"{BASE_URL}\"\nprovince = \"Cần Thơ\"\ncategories = [\"Tin tức hoạt động\", \"Người Việt Nam ở nước ngoài\"]\n{permalinks}"
        )),
    );
    for (file, front) in ARTICLES {
        support::write(
            &site.root.join("content/tin-tuc").join(file),
            format!(
                "---\n{front}\n---\n\nLiên hiệp các tổ chức hữu nghị thành phố tổ chức hoạt động thường niên.\n"
            ),
        );
    }
    support::write(
        &site.root.join("content/gioi-thieu.md"),
        "---\ntitle: Giới thiệu\n---\n\nLiên hiệp các tổ chức hữu nghị thành phố Cần Thơ.\n",
    );
    site
}

fn build(site: &TempSite) -> std::path::PathBuf {
    let out = site.sibling("out");
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert!(
        outcome.code == 0,
        "the build failed:\n{}",
        outcome.transcript()
    );
    out
}

fn page(out: &Path, address: &str) -> String {
    let file = if address.is_empty() || address.ends_with('/') {
        out.join(address).join("index.html")
    } else {
        out.join(address)
    };
    assert!(
        file.is_file(),
        "nothing is published at /{address} ({} missing)",
        file.display()
    );
    support::read(&file)
}

/// Each article at its pattern's address, linked from the home page, the lists, the feeds, the
/// sitemap and the search index under that address; no broken link anywhere.
fn assert_published(out: &Path, addresses: &[&str]) {
    let home = page(out, "");
    let sitemap = support::read(&out.join("sitemap.xml"));
    let feed = support::read(&out.join("rss.xml"));
    let tag = page(out, "the/ban-chap-hanh/");
    let search: String = walkdir::WalkDir::new(out.join("search"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    for (address, (_, front)) in addresses.iter().zip(ARTICLES) {
        let title = front
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("title: ");
        assert!(
            page(out, address).contains(title),
            "/{address} is not the article {title}"
        );
        let url = format!("/lhhn/{address}");
        let permalink = format!("{BASE_URL}{address}");
        assert!(
            home.contains(&format!("href=\"{url}\"")),
            "the home page does not link to {url}"
        );
        assert!(
            sitemap.contains(&format!("<loc>{permalink}</loc>")),
            "the sitemap lacks {permalink}"
        );
        assert!(feed.contains(&permalink), "the feed lacks {permalink}");
        assert!(search.contains(&url), "the search index lacks {url}");
    }
    for address in &addresses[..2] {
        assert!(
            tag.contains(&format!("/lhhn/{address}")),
            "the tag page does not link to /{address}"
        );
    }
    let broken = links::check(out, BASE_URL);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Under a pattern with the date, the recurring title gets one address a year; the former
/// addresses (`previous`) and the written alias lead to the new ones.
#[test]
fn dated_addresses_and_the_former_ones_redirect() {
    let site = site(
        "\n[permalinks]\narticle = \"/:year/:month/:day/:slug/\"\nprevious = [\"/tin-tuc/:slug/\", \"/bai-viet/:id.html\"]\n",
    );
    let out = build(&site);
    assert_published(
        &out,
        &[
            "2023/12/15/hoi-nghi-ban-chap-hanh-lien-hiep/",
            "2024/12/16/hoi-nghi-ban-chap-hanh-lien-hiep/",
            "2025/01/20/gap-mat-kieu-bao-ve-que-don-tet/",
        ],
    );
    // The old addresses: a redirect page each, and a line in _redirects.
    let redirects = support::read(&out.join("_redirects"));
    for (old, new) in [
        (
            "tin-tuc/gap-mat-kieu-bao-ve-que-don-tet/",
            "2025/01/20/gap-mat-kieu-bao-ve-que-don-tet/",
        ),
        (
            "bai-viet/1031.html",
            "2025/01/20/gap-mat-kieu-bao-ve-que-don-tet/",
        ),
        (
            "bai-viet/1023.html",
            "2023/12/15/hoi-nghi-ban-chap-hanh-lien-hiep/",
        ),
        (
            "tin-tuc/chi-tiet/1031/",
            "2025/01/20/gap-mat-kieu-bao-ve-que-don-tet/",
        ),
    ] {
        let redirect = page(&out, old);
        assert!(
            redirect.contains(&format!("url=/lhhn/{new}"))
                || redirect.contains(&format!("/lhhn/{new}\"")),
            "/{old} does not lead to /{new}:\n{redirect}"
        );
        assert!(
            redirects.contains(&format!("/lhhn/{new}")),
            "_redirects lacks /{new}"
        );
    }
    // Both 2023's and 2024's article claimed /tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep/ under
    // the former pattern: the newer one keeps it, the older gets a warning and no redirect.
    let old = page(&out, "tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep/");
    assert!(old.contains("/lhhn/2024/12/16/"), "{old}");
    // The old default addresses are no page of their own any more.
    let sitemap = support::read(&out.join("sitemap.xml"));
    assert!(
        !sitemap.contains("/tin-tuc/"),
        "the sitemap still lists old addresses"
    );
}

/// An old portal's `…-1024.html` addresses: `:id` and a `.html` ending; a link written to one
/// in an article is checked against the pattern's addresses.
#[test]
fn numbered_html_addresses() {
    let site = site("\n[permalinks]\narticle = \"/tin-tuc/:slug-:id.html\"\n");
    support::write(
        &site.root.join("content/gioi-thieu.md"),
        "---\ntitle: Giới thiệu\n---\n\nXem [hội nghị năm 2024](/tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep-1024.html) và [tin cũ](/tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep/).\n",
    );
    let check = bantin(site.tmp.path(), ["check", "--source", "site"]);
    assert_eq!(check.code, 1, "{}", check.transcript());
    assert!(
        check
            .stderr
            .contains("/tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep/")
            && !check.stderr.contains("1024.html`"),
        "check reports only the link to the old address:\n{}",
        check.transcript()
    );
    support::edit(
        &site.root.join("content/gioi-thieu.md"),
        " và [tin cũ](/tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep/)",
        "",
    );
    let out = build(&site);
    assert_published(
        &out,
        &[
            "tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep-1023.html",
            "tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep-1024.html",
            "tin-tuc/gap-mat-kieu-bao-ve-que-don-tet-1031.html",
        ],
    );
}

/// Addresses by category and by file name.
#[test]
fn category_and_file_name_addresses() {
    let site = site("\n[permalinks]\narticle = \"/:category/:stem/\"\n");
    let out = build(&site);
    assert_published(
        &out,
        &[
            "tin-tuc-hoat-dong/hoi-nghi-ban-chap-hanh/",
            "tin-tuc-hoat-dong/hoi-nghi-ban-chap-hanh-2024/",
            "nguoi-viet-nam-o-nuoc-ngoai/gap-mat-kieu-bao/",
        ],
    );
}

/// Without a pattern the two articles of the recurring title collide, and the error names
/// both; the default pattern is today's `/tin-tuc/:slug/`.
#[test]
fn the_default_pattern_names_both_articles_of_a_collision() {
    let site = site("");
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    let stderr = &outcome.stderr;
    assert!(stderr.contains("content::duplicate-url"), "{stderr}");
    assert!(
        stderr.contains("content/tin-tuc/2023/hoi-nghi-ban-chap-hanh.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/tin-tuc/2024/hoi-nghi-ban-chap-hanh-2024.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("/tin-tuc/hoi-nghi-ban-chap-hanh-lien-hiep/"),
        "{stderr}"
    );
}

/// An article whose address would be one of bantin's own lists is an error naming both.
#[test]
fn an_address_on_a_list_of_bantin_is_an_error() {
    let site = site("\n[permalinks]\narticle = \"/:slug/\"\n");
    support::write(
        &site.root.join("content/tin-tuc/2025/tinh.md"),
        "---\ntitle: Tin tỉnh\nslug: tinh\ndate: 02/02/2025\n---\n\nTin.\n",
    );
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome.stderr.contains("content::reserved-url"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("province pages"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("content/tin-tuc/2025/tinh.md:3:"),
        "{}",
        outcome.stderr
    );
}
