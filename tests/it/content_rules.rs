//! Nothing silently dropped or changed (issue 11): takes small generated sites with symlinked
//! articles and folders, values of the wrong type, an empty title, an expiry before the date, a
//! slug that loses characters, a very long `summary:` and a body whose paragraphs are joined by
//! single newlines, and gives proof that each is published as written, reported with its place
//! and a way to fix it, or bounded as documented.

use crate::support::{self, Outcome, TempSite, bantin};

/// The settings of the test site; `support::site_toml` adds the legal footer block.
const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/"
province = "Cần Thơ"
"#;

/// The longest summary made from an article's body, in characters (README: "summary").
const SUMMARY_MAX_CHARS: usize = 300;

fn new_site() -> TempSite {
    let site = support::empty_site();
    support::write(&site.root.join("site.toml"), support::site_toml(SETTINGS));
    site
}

/// An article's text; `extra` holds more front-matter lines, after title and date.
fn article(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\n{extra}---\n\n{body}\n")
}

fn build(site: &TempSite) -> Outcome {
    bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    )
}

fn build_ok(site: &TempSite) -> Outcome {
    let outcome = build(site);
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    outcome
}

fn out(site: &TempSite, rel: &str) -> String {
    support::read(&site.sibling("out").join(rel))
}

/// A real-looking article whose paragraphs are separated by single newlines: Markdown makes
/// them one paragraph, which used to become a summary of several thousand characters.
fn long_single_newline_body() -> String {
    (1..=40)
        .map(|i| {
            format!(
                "Đoạn {i}: sáng nay, Liên hiệp các tổ chức hữu nghị tỉnh tổ chức hội nghị tổng \
                 kết công tác đối ngoại nhân dân năm 2024 với sự tham dự của nhiều đại biểu."
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `text` ends where a summary may be cut: after a sentence, or with an ellipsis.
fn ends_at_a_boundary(text: &str) -> bool {
    text.ends_with('.') || text.ends_with('!') || text.ends_with('?') || text.ends_with('…')
}

/// The text between `start` and the next `end` after it in `html`.
fn between<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"))
        + start.len();
    let to = html[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not found after {start:?}"));
    &html[from..from + to]
}

#[test]
fn a_long_single_newline_body_gives_a_bounded_summary_everywhere() {
    let site = new_site();
    support::write(
        &site.root.join("content/tin-tuc/dai.md"),
        article("Bài rất dài", "01/03/2024", "", &long_single_newline_body()),
    );
    // The newest article is the home page's lead, shown without a summary; this one is listed.
    support::write(
        &site.root.join("content/tin-tuc/moi.md"),
        article("Bài mới nhất", "02/03/2024", "", "Ngắn."),
    );
    build_ok(&site);

    let page = out(&site, "tin-tuc/bai-rat-dai/index.html");
    let description = between(&page, "<meta name=\"description\" content=\"", "\"");
    let og = between(&page, "<meta property=\"og:description\" content=\"", "\"");
    let rss = out(&site, "rss.xml");
    let rss_item = between(&rss, "<title>Bài rất dài</title>", "</item>");
    let rss_description = between(rss_item, "<description>", "</description>");
    let home = out(&site, "index.html");
    let home_item = between(&home, ">Bài rất dài</a>", "</article>");
    let home_summary = between(home_item, "<p class=\"item-summary\">", "</p>");
    for (what, text) in [
        ("meta description", description),
        ("og:description", og),
        ("RSS description", rss_description),
        ("home page summary", home_summary),
    ] {
        let chars = text.chars().count();
        assert!(
            chars <= SUMMARY_MAX_CHARS,
            "{what} has {chars} characters: {text}"
        );
        assert!(chars > 100, "{what} is cut too short: {text}");
        assert!(ends_at_a_boundary(text), "{what} ends mid-way: {text}");
        assert!(text.starts_with("Đoạn 1: sáng nay"), "{what}: {text}");
    }
}

fn build_fails(site: &TempSite) -> Outcome {
    let outcome = build(site);
    assert_eq!(
        outcome.code,
        1,
        "the build should fail with site errors:\n{}",
        outcome.transcript()
    );
    outcome
}

fn published(site: &TempSite, rel: &str) -> bool {
    site.sibling("out").join(rel).is_file()
}

/// Asserts that stderr holds every one of `needles`, showing the whole run if not.
fn assert_says(outcome: &Outcome, needles: &[&str]) {
    for needle in needles {
        assert!(
            outcome.stderr.contains(needle),
            "expected {needle:?} in the output:\n{}",
            outcome.transcript()
        );
    }
}

#[test]
fn a_number_or_flag_given_as_tags_fails_with_its_place_and_the_accepted_form() {
    let site = new_site();
    support::write(
        &site.root.join("content/tin-tuc/so.md"),
        article("Thẻ là số", "01/03/2024", "tags: 42\n", "Nội dung."),
    );
    support::write(
        &site.root.join("content/tin-tuc/co.md"),
        article(
            "Thẻ có mục là số",
            "01/03/2024",
            "tags: [hội nghị, true]\n",
            "Nội dung.",
        ),
    );
    let outcome = build_fails(&site);
    assert_says(
        &outcome,
        &[
            "content::wrong-type",
            "content/tin-tuc/so.md:4:7",
            "tags: [\"42\"]",
            "content/tin-tuc/co.md:4:18",
            "quotes",
        ],
    );
}

#[test]
fn numbers_in_text_fields_are_kept_as_written_and_a_flag_is_an_error() {
    let site = new_site();
    support::write(
        &site.root.join("content/tin-tuc/so.md"),
        "---\ntitle: 2024\ndate: 01/03/2024\nsummary: 1.50\nauthor: 007\n---\n\nNội dung.\n",
    );
    build_ok(&site);
    let page = out(&site, "tin-tuc/2024/index.html");
    assert!(
        page.contains("<meta name=\"description\" content=\"1.50\">"),
        "the summary was re-formatted"
    );
    assert!(
        page.contains("<p class=\"article-author\">007</p>"),
        "the author was re-formatted"
    );

    support::write(
        &site.root.join("content/tin-tuc/co.md"),
        article("Tác giả là cờ", "02/03/2024", "author: true\n", "Nội dung."),
    );
    let outcome = build_fails(&site);
    assert_says(
        &outcome,
        &["content::wrong-type", "content/tin-tuc/co.md:4:9", "author"],
    );
}

#[test]
fn an_empty_title_is_reported_not_dropped() {
    let site = new_site();
    support::write(
        &site.root.join("content/tin-tuc/trong.md"),
        "---\ntitle:\ndate: 01/03/2024\n---\n\nNội dung.\n",
    );
    let outcome = build_fails(&site);
    assert_says(
        &outcome,
        &["content::empty-field", "content/tin-tuc/trong.md:2"],
    );
}

#[test]
fn expires_before_date_fails_at_the_expiry() {
    let site = new_site();
    support::write(
        &site.root.join("content/tin-tuc/het-han.md"),
        article(
            "Hết hạn trước khi đăng",
            "10/03/2024 08:00",
            "expires: 01/03/2024\n",
            "Nội dung.",
        ),
    );
    let outcome = build_fails(&site);
    assert_says(
        &outcome,
        &[
            "content::expires-before-date",
            "content/tin-tuc/het-han.md:4:10",
            "01/03/2024",
            "10/03/2024",
        ],
    );
}

#[test]
fn a_slug_that_loses_characters_warns_and_names_the_address() {
    let site = new_site();
    support::write(
        &site.root.join("content/tin-tuc/leo-thu-muc.md"),
        article(
            "Leo thư mục",
            "01/03/2024",
            "slug: \"../../x\"\n",
            "Nội dung.",
        ),
    );
    support::write(
        &site.root.join("content/tin-tuc/chu-viet.md"),
        article(
            "Chữ viết",
            "02/03/2024",
            "slug: Hội nghị tổng kết\n",
            "Nội dung.",
        ),
    );
    let outcome = build_ok(&site);
    assert_says(
        &outcome,
        &[
            "content::slug-changed",
            "content/tin-tuc/leo-thu-muc.md:4:7",
            "/tin-tuc/x/",
        ],
    );
    assert!(
        !outcome.stderr.contains("chu-viet.md"),
        "a transliterated slug is not a change:\n{}",
        outcome.transcript()
    );
    assert!(published(&site, "tin-tuc/x/index.html"));
    assert!(published(&site, "tin-tuc/hoi-nghi-tong-ket/index.html"));
}

#[test]
fn a_very_long_summary_field_warns_and_is_kept_whole() {
    let site = new_site();
    let summary = "Tóm tắt rất dài về hội nghị tổng kết công tác đối ngoại. ".repeat(12);
    let summary = summary.trim();
    support::write(
        &site.root.join("content/tin-tuc/tom-tat-dai.md"),
        article(
            "Tóm tắt dài",
            "01/03/2024",
            &format!("summary: \"{summary}\"\n"),
            "Nội dung.",
        ),
    );
    let outcome = build_ok(&site);
    assert_says(
        &outcome,
        &[
            "content::long-summary",
            "content/tin-tuc/tom-tat-dai.md:4:10",
            &format!("{} characters", summary.chars().count()),
        ],
    );
    let page = out(&site, "tin-tuc/tom-tat-dai/index.html");
    assert!(page.contains(summary), "an explicit summary is not cut");
}

#[cfg(unix)]
fn link(target: impl AsRef<std::path::Path>, at: &std::path::Path) {
    if let Some(parent) = at.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|err| panic!("cannot create {}: {err}", parent.display()));
    }
    std::os::unix::fs::symlink(target.as_ref(), at)
        .unwrap_or_else(|err| panic!("cannot link {}: {err}", at.display()));
}

#[cfg(unix)]
#[test]
fn symlinked_article_and_folder_inside_the_site_are_published() {
    let site = new_site();
    support::write(
        &site.root.join("dung-chung/bai-goc.md"),
        article(
            "Bài liên kết",
            "01/03/2024 08:00",
            "",
            "Một bài dùng chung.",
        ),
    );
    support::write(
        &site.root.join("chuyen-de/bai-trong-thu-muc.md"),
        article("Bài trong thư mục", "02/03/2024 08:00", "", "Bài thứ hai."),
    );
    // Relative targets, as an editor would make them with `ln -s`.
    link(
        "../../dung-chung/bai-goc.md",
        &site.root.join("content/tin-tuc/lien-ket.md"),
    );
    link(
        "../../chuyen-de",
        &site.root.join("content/tin-tuc/chuyen-de"),
    );
    build_ok(&site);
    assert!(published(&site, "tin-tuc/bai-lien-ket/index.html"));
    assert!(published(&site, "tin-tuc/bai-trong-thu-muc/index.html"));
}

#[cfg(unix)]
#[test]
fn a_symlink_outside_the_site_fails_the_build_naming_it() {
    let site = new_site();
    let outside = site.sibling("ngoai/bai-ngoai.md");
    support::write(
        &outside,
        article(
            "Bài bên ngoài",
            "01/03/2024 08:00",
            "",
            "Không thuộc trang.",
        ),
    );
    link(&outside, &site.root.join("content/tin-tuc/bai-ngoai.md"));
    link(
        site.sibling("ngoai"),
        &site.root.join("content/tin-tuc/ngoai"),
    );
    let outcome = build_fails(&site);
    assert_says(
        &outcome,
        &[
            "content::symlink-outside",
            "content/tin-tuc/bai-ngoai.md",
            "content/tin-tuc/ngoai",
            "copy",
        ],
    );
    // The target's long temporary path is wrapped across lines of the message.
    let squeezed = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace() && *c != '│')
            .collect()
    };
    assert!(
        squeezed(&outcome.stderr).contains(&squeezed(&outside.display().to_string())),
        "the link's target is not named:\n{}",
        outcome.transcript()
    );
    assert!(!published(&site, "tin-tuc/bai-ben-ngoai/index.html"));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_a_broken_symlink_are_reported_with_the_other_errors() {
    let site = new_site();
    link("..", &site.root.join("content/tin-tuc/vong"));
    link("khong-co.md", &site.root.join("content/tin-tuc/hong.md"));
    // An editor's lock file is a dangling link too; it is not content and is not reported.
    link("user@host.123", &site.root.join("content/tin-tuc/.#bai.md"));
    support::write(
        &site.root.join("content/tin-tuc/sai-ngay.md"),
        article("Sai ngày", "30/02/2024", "", "Ngày không có."),
    );
    let outcome = build_fails(&site);
    assert_says(
        &outcome,
        &[
            "content::symlink-loop",
            "content/tin-tuc/vong",
            "content::broken-symlink",
            "content/tin-tuc/hong.md",
            "content::bad-date",
            "content/tin-tuc/sai-ngay.md:3:7",
        ],
    );
    assert!(
        !outcome.stderr.contains(".#bai.md"),
        "{}",
        outcome.transcript()
    );
}
