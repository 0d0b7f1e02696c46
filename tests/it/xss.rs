//! Script injection, proven in a real browser (issue 12): takes a small site whose articles carry
//! our own payloads — script tags, event handlers, `javascript:` URLs in every spelling,
//! embedding elements, Markdown link and image syntax, in tables, lists, quotes and footnotes,
//! and in every front-matter field the templates print — built by the `bantin` binary, and gives
//! proof from headless Chromium (tests/browser/xss.mjs, which loads each page, hovers, focuses
//! and clicks every element, tabs through it and waits for timers) that by default none of them
//! runs, and that with `[markdown] raw_html = "trusted"` they do (so the detector detects, and
//! the switch switches), while the front-matter ones stay text even then.
//!
//! Every payload names itself (`alert(/xss-…/)`, a request to `/__xss/xss-…`, or
//! `window.__xss = 'xss-…'`), so a failure says which one ran, where, and on what interaction.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::support::{self, Outcome, TempSite, bantin, repo};

const BASE_PATH: &str = "/thu/";

// The payloads' `<img>` have no alt text: a warning here, so that the build publishes them.
const SETTINGS: &str = r#"title = "Liên hiệp thử nghiệm"
base_url = "https://example.org/thu/"
province = "Cần Thơ"

[images]
missing_alt = "warning"
"#;

/// Script elements: plain, inline in a paragraph, mixed case, broken and nested (which only a
/// naive filter turns into a working tag), odd spacing, a data: source, inside SVG, an HTML
/// comment in the code, and the <noscript> parsing difference.
const SCRIPTS: &str = r#"Bài kiểm thử thẻ script.

<script>alert(/xss-s-plain/)</script>

Chữ trước <script>alert(/xss-s-inline/)</script> chữ sau.

<ScRiPt>alert(/xss-s-case/)</sCrIpT>

<scr<script>ipt>alert(/xss-s-nested/)</scr</script>ipt>

<<script>script>alert(/xss-s-double/)<</script>/script>

<script >alert(/xss-s-space/)</script >

<script/x>alert(/xss-s-slash/)</script>

<script src="data:text/javascript,alert(/xss-s-data/)"></script>

<svg><script>alert(/xss-s-svg/)</script></svg>

<script>alert(/xss-s-htmlcomment/)<!--</script>

<noscript><p title="</noscript><img src=khong-co.png onerror=alert(/xss-s-noscript/)>"></noscript>

Đoạn cuối của bài kiểm thử.
"#;

/// Event handler attributes, fired by loading, errors, hover, focus, toggling, animation and
/// clicks, and one that runs later from a timer.
const EVENTS: &str = r#"Bài kiểm thử thuộc tính sự kiện.

<img src="khong-co.png" onerror="alert(/xss-e-img/)">

<IMG SRC="khong-co.png" ONERROR="alert(/xss-e-upper/)">

<img/src="khong-co.png"/onerror="alert(/xss-e-slash/)">

<img src=khong-co.png onerror=alert(/xss-e-noquote/)>

<img src="khong-co.png" onerror="&#97;lert(/xss-e-entity/)">

<video src="khong-co.mp4" onerror="alert(/xss-e-video/)"></video>

<video><source src="khong-co.webm" onerror="alert(/xss-e-source/)"></video>

<audio src="khong-co.mp3" onerror="alert(/xss-e-audio/)"></audio>

<svg onload="alert(/xss-e-svg/)"></svg>

<body onload="alert(/xss-e-body/)">

<iframe onload="alert(/xss-e-iframe/)"></iframe>

Rê chuột vào <span onmouseover="alert(/xss-e-hover/)">dòng chữ này</span> hoặc <a onpointerenter="alert(/xss-e-pointer/)">dòng này</a>.

<input autofocus onfocus="alert(/xss-e-autofocus/)">

<div tabindex="0" onfocus="alert(/xss-e-tabfocus/)">Ô nhận tiêu điểm.</div>

<details open ontoggle="alert(/xss-e-toggle/)"><summary>Chi tiết</summary>Nội dung ẩn.</details>

<style>@keyframes xssquay { from { opacity: 0.5 } to { opacity: 1 } }</style>

<p style="animation: xssquay 20ms" onanimationstart="alert(/xss-e-animation/)">Hoạt hình.</p>

Bấm <b onclick="alert(/xss-e-click/)">vào đây</b>.

<img src="khong-co-nua.png" onerror="setTimeout(function () { fetch('/__xss/xss-e-timer') }, 150)">

<svg><set attributeName="x" to="1" onbegin="window.__xss = 'xss-e-global'"/></svg>
"#;

/// `javascript:` and other script-carrying URLs in links, frames, forms and SVG, in every
/// spelling the URL parser forgives.
const URLS: &str = concat!(
    "Bài kiểm thử địa chỉ javascript.\n\n",
    "<a href=\"javascript:alert(/xss-u-href/)\">thường</a>\n\n",
    "<a href=\"JaVaScRiPt:alert(/xss-u-case/)\">chữ hoa</a>\n\n",
    "<a href=\"&#106;avascript:alert(/xss-u-dec/)\">thập phân</a>\n\n",
    "<a href=\"&#x6A;&#x61;vascript:alert(/xss-u-hex/)\">thập lục</a>\n\n",
    "<a href=\"&#0000106&#0000097vascript:alert(/xss-u-decpad/)\">không chấm phẩy</a>\n\n",
    "<a href=\"java&#x09;script:alert(/xss-u-tab/)\">tab</a>\n\n",
    "<a href=\"java&#10;script:alert(/xss-u-newline/)\">xuống dòng</a>\n\n",
    "<a href=\"java\tscript:alert(/xss-u-rawtab/)\">tab thật</a>\n\n",
    "<a href=\"  javascript:alert(/xss-u-space/)\">dấu cách</a>\n\n",
    "<a href=\"\u{1}javascript:alert(/xss-u-control/)\">ký tự điều khiển</a>\n\n",
    "<a href=\"&#1;javascript:alert(/xss-u-control-ref/)\">ký tự điều khiển mã</a>\n\n",
    "<a href=\"javascript&colon;alert(/xss-u-colon/)\">dấu hai chấm</a>\n\n",
    "<a href=\"javascript:alert%28/xss-u-percent/%29\">phần trăm</a>\n\n",
    "<a href=\"javascript:alert(/xss-u-blank/)\" target=\"_blank\">cửa sổ mới</a>\n\n",
    "<a href=\"data:text/html,&lt;script&gt;alert(/xss-u-data/)&lt;/script&gt;\">data</a>\n\n",
    "<a href=\"vbscript:msgbox(/xss-u-vbscript/)\">vbscript</a>\n\n",
    "<iframe src=\"javascript:alert(/xss-u-iframe/)\"></iframe>\n\n",
    "<iframe src=\"data:text/html,&lt;script&gt;alert(/xss-u-iframe-data/)&lt;/script&gt;\"></iframe>\n\n",
    "<form><button formaction=\"javascript:alert(/xss-u-formaction/)\">Gửi</button></form>\n\n",
    "<form action=\"javascript:alert(/xss-u-action/)\"><input type=\"submit\" value=\"Gửi đi\"></form>\n\n",
    "<form><input type=\"image\" alt=\"gửi\" src=\"khong-co.png\" formaction=\"javascript:alert(/xss-u-input-image/)\"></form>\n\n",
    "<svg width=\"60\" height=\"30\"><a xlink:href=\"javascript:alert(/xss-u-xlink/)\"><rect width=\"60\" height=\"30\"/></a></svg>\n\n",
    "<svg width=\"60\" height=\"30\"><a href=\"javascript:alert(/xss-u-svg-href/)\"><rect width=\"60\" height=\"30\"/></a></svg>\n\n",
    "<img src=\"/thu/images/anh.png\" alt=\"bản đồ\" usemap=\"#ban-do\" width=\"60\" height=\"30\"><map name=\"ban-do\"><area shape=\"rect\" coords=\"0,0,60,30\" href=\"javascript:alert(/xss-u-area/)\" alt=\"vùng\"></map>\n\n",
    "Đoạn cuối.\n",
);

/// Elements that embed or redirect: srcdoc frames, object, embed, meta refresh, base, SVG
/// animation, MathML.
const EMBEDS: &str = r#"Bài kiểm thử phần tử nhúng.

<iframe srcdoc="<script>alert(/xss-x-srcdoc/)</script>"></iframe>

<iframe srcdoc="&lt;img src=khong-co.png onerror=alert(/xss-x-srcdoc-entity/)&gt;"></iframe>

<object data="javascript:alert(/xss-x-object/)"></object>

<object data="data:text/html,&lt;script&gt;alert(/xss-x-object-data/)&lt;/script&gt;"></object>

<embed src="javascript:alert(/xss-x-embed/)">

<embed src="data:text/html,&lt;script&gt;alert(/xss-x-embed-data/)&lt;/script&gt;">

<svg><animate onbegin="alert(/xss-x-animate/)" attributeName="x" dur="1s"/></svg>

<svg width="60" height="30"><a><animate attributeName="href" values="javascript:alert(/xss-x-animate-href/)"/><text x="5" y="20">bấm</text></a></svg>

<math><mtext><a href="javascript:alert(/xss-x-math-a/)">toán</a></mtext></math>

<math href="javascript:alert(/xss-x-math-href/)"><mi>x</mi></math>

<math><mtext><table><mglyph><style><img src=khong-co.png onerror=alert(/xss-x-math-style/)></style></mglyph></table></mtext></math>
"#;

/// A page that sends the reader elsewhere, or changes where its links lead: alone in its
/// article, since Chromium leaves a page refreshed to a javascript: URL for about:blank.
const REDIRECTS: &str = r#"Bài kiểm thử chuyển hướng.

<base href="javascript:alert(/xss-r-base/)//">

<a href="tiep-theo">Liên kết tương đối sau base</a>

<meta http-equiv="refresh" content="1;url=data:text/html,&lt;script&gt;alert(/xss-r-meta-data/)&lt;/script&gt;">

<meta http-equiv="refresh" content="0;url=javascript:alert(/xss-r-meta/)">
"#;

/// Markdown's own syntax: links, images, references, autolinks, titles, a heading, code, a
/// footnote.
const MARKDOWN: &str = r#"Bài kiểm thử cú pháp Markdown.

[Liên kết](javascript:alert(/xss-m-link/)) và [chữ hoa](JAVASCRIPT:alert(/xss-m-case/)).

[Thực thể](&#106;avascript:alert(/xss-m-entity/)) và [ngoặc nhọn](<javascript:alert(/xss-m-angle/)>).

[Phần trăm](javascript:alert%28/xss-m-percent/%29) và [dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCgveHNzLW0tZGF0YS8pPC9zY3JpcHQ+).

[Tham chiếu][xss] và <javascript:alert(/xss-m-autolink/)>.

[xss]: javascript:alert(/xss-m-ref/)

![Ảnh](javascript:alert(/xss-m-image/))

![Ảnh có tiêu đề](/images/hong.bmp "\" onerror=\"alert(/xss-m-image-title/)")

Ảnh trong câu ![" onerror="alert(/xss-m-image-alt/)](/images/hong.bmp) giữa chữ.

[Tiêu đề liên kết](https://example.org/ "\"onmouseover=\"alert(/xss-m-link-title/)")

## Mục <img src="khong-co.png" onerror="alert(/xss-m-heading/)"> có ảnh

Mã `<script>alert(/xss-m-code/)</script>` trong dòng.

```html
<script>alert(/xss-m-fence/)</script>
<img src="khong-co.png" onerror="alert(/xss-m-fence-img/)">
```

Chú thích[^1] ở đây.

[^1]: Ghi chú <img src="khong-co.png" onerror="alert(/xss-m-footnote/)"> và [liên kết](javascript:alert(/xss-m-footnote-link/)).
"#;

/// The same kinds of payload inside tables, lists and block quotes.
const BLOCKS: &str = r#"Bài kiểm thử bảng, danh sách và trích dẫn.

| Cột | Nội dung |
|-----|----------|
| Ảnh | <img src="khong-co.png" onerror="alert(/xss-t-img/)"> |
| Liên kết | [bấm](javascript:alert(/xss-t-link/)) |
| Thẻ | <a href="&#x6A;avascript:alert(/xss-t-a/)">bấm</a> |
| Di chuột | <span onmouseover="alert(/xss-t-hover/)">đây</span> |

- Mục <svg onload="alert(/xss-l-svg/)"></svg>
- Mục [liên kết](javascript:alert(/xss-l-link/))
  1. Mục con <img src="khong-co.png" onerror="alert(/xss-l-nested/)">
  2. Mục con <details open ontoggle="alert(/xss-l-toggle/)"><summary>mở</summary>x</details>

> Trích dẫn <a href="javascript:alert(/xss-q-a/)">liên kết</a>
>
> <script>alert(/xss-q-script/)</script>
>
> > Lồng <img src="khong-co.png" onerror="alert(/xss-q-nested/)">
"#;

/// (slug, title, body) of the articles carrying payloads in their body.
const ARTICLES: &[(&str, &str, &str)] = &[
    ("the-script", "Kiểm thử thẻ script", SCRIPTS),
    ("su-kien", "Kiểm thử thuộc tính sự kiện", EVENTS),
    ("duong-dan", "Kiểm thử địa chỉ javascript", URLS),
    ("nhung", "Kiểm thử phần tử nhúng", EMBEDS),
    ("markdown", "Kiểm thử cú pháp Markdown", MARKDOWN),
    ("bang-bieu", "Kiểm thử bảng và danh sách", BLOCKS),
    ("chuyen-huong", "Kiểm thử chuyển hướng", REDIRECTS),
];

/// The last paragraph of every payload article: xss.mjs checks that the browser parsed it as a
/// paragraph, i.e. that no payload left open an element that swallowed the ones after it.
const END: &str = "Hết bài kiểm thử.";

/// The article that leaves its page when its HTML is published as written.
const LEAVES_WHEN_TRUSTED: &str = "tin-tuc/chuyen-huong/";

/// An article whose front-matter fields carry payloads; the templates print these escaped, so
/// they must stay text even when raw HTML in the body is trusted.
const FRONT_MATTER: &str = r#"---
title: "Kiểm thử <script>alert(/xss-f-title/)</script> \"tiêu đề\" <img src=x onerror=alert(/xss-f-title-img/)>"
slug: tieu-de
date: 02/03/2024 09:00
category: "<i onclick=alert(/xss-f-category/)>Chuyên mục</i>"
tags: ["<b onmouseover=alert(/xss-f-tag/)>nhãn</b>", "\"><script>alert(/xss-f-tag-quote/)</script>", "kiểm thử"]
summary: "<img src=\"x\" onerror=\"alert(/xss-f-summary/)\"> tóm tắt kiểm thử"
author: "<svg onload=alert(/xss-f-author/)>"
image:
  src: /images/anh.png
  alt: "\"><img src=x onerror=alert(/xss-f-alt/)>"
  caption: "<script>alert(/xss-f-caption/)</script> chú thích"
source:
  name: "<a href=javascript:alert(/xss-f-source/)>Báo</a>"
  url: "https://example.org/bai?x=\"><script>alert(/xss-f-source-url/)</script>"
  author: "<img src=x onerror=alert(/xss-f-source-author/)>"
---

Bài kiểm thử trường đầu bài, nội dung bình thường.

Hết bài kiểm thử.
"#;

/// A 1×1 PNG for the lead image and the image map.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The search pages visited: one whose results list the payload articles (titles and
/// snippets), one whose query and filters are themselves payloads (search.js shows them back).
const SEARCHES: &[&str] = &[
    "tim-kiem/?q=ki%E1%BB%83m+th%E1%BB%AD",
    "tim-kiem/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(%2Fxss-q-query%2F)%3E&tinh=%22%3E%3Csvg%20onload%3Dalert(%2Fxss-q-tinh%2F)%3E&nam=%3Cscript%3Ealert(%2Fxss-q-nam%2F)%3C%2Fscript%3E",
];

/// Payloads that Chromium runs when the body's HTML is published as written: each kind of
/// trigger the detector must see (parsing, load and error events, autofocus, Tab, hover,
/// toggle, animation, click on a link, form submission, timers, frames, Markdown links).
const RUN_WHEN_TRUSTED: &[&str] = &[
    "xss-s-plain",
    "xss-s-inline",
    "xss-s-case",
    "xss-s-svg",
    "xss-e-img",
    "xss-e-svg",
    "xss-e-iframe",
    "xss-e-hover",
    "xss-e-autofocus",
    "xss-e-tabfocus",
    "xss-e-toggle",
    "xss-e-animation",
    "xss-e-click",
    "xss-e-timer",
    "xss-e-global",
    "xss-u-href",
    "xss-u-dec",
    "xss-u-tab",
    "xss-u-formaction",
    "xss-u-action",
    "xss-x-srcdoc",
    "xss-m-link",
    "xss-m-entity",
    "xss-t-img",
    "xss-l-svg",
    "xss-q-script",
];

/// The site: six payload articles, the front-matter one, the image; `extra` is more site.toml.
fn site(extra: &str) -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(&format!("{SETTINGS}{extra}")),
    );
    for (i, (slug, title, body)) in ARTICLES.iter().enumerate() {
        support::write(
            &site.root.join(format!("content/tin-tuc/{slug}.md")),
            format!(
                "---\ntitle: \"{title}\"\nslug: {slug}\ndate: 01/03/2024 {:02}:00\ntags: [kiểm thử]\n---\n\n{body}\n{END}\n",
                8 + i
            ),
        );
    }
    support::write(&site.root.join("content/tin-tuc/tieu-de.md"), FRONT_MATTER);
    support::write(&site.root.join("static/images/anh.png"), PNG);
    // The Markdown images' file: published (a Markdown image of a file the site lacks fails the
    // build), but no image, so that the browser fires `error` on it as on a missing one and a
    // payload that escaped the title or alt text would run.
    support::write(&site.root.join(BROKEN_IMAGE), b"not an image\n");
    site
}

/// See `site`.
const BROKEN_IMAGE: &str = "static/images/hong.bmp";

fn build(site: &TempSite) -> Outcome {
    bantin(
        site.tmp.path(),
        ["build", "--quiet", "--source", "site", "--output", "out"],
    )
}

/// Every payload id written in the sources (`xss-…`), to report how many ran out of how many.
fn all_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let sources = ARTICLES
        .iter()
        .map(|(_, _, body)| *body)
        .chain([FRONT_MATTER])
        .chain(SEARCHES.iter().copied());
    for text in sources {
        let text = text.replace("%2F", "/");
        for (i, _) in text.match_indices("xss-") {
            let id: String = text[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            ids.insert(id.trim_end_matches('-').to_string());
        }
    }
    ids
}

/// The pages a reader can reach that show the payloads: every article, the home page, the
/// tag and category indexes and the tag and category pages whose names are payloads, the
/// search page with results and with a payload query. (The other lists print the same escaped
/// titles and summaries as the home page.)
fn pages(out: &Path, articles_only: bool) -> Vec<String> {
    let mut pages: Vec<String> = ARTICLES
        .iter()
        .map(|(slug, _, _)| format!("tin-tuc/{slug}/"))
        .chain(["tin-tuc/tieu-de/".to_string()])
        .collect();
    if articles_only {
        return pages;
    }
    pages.extend(["", "the/", "chuyen-muc/"].iter().map(|p| p.to_string()));
    for list in ["the", "chuyen-muc"] {
        for dir in support::read_dir_sorted(&out.join(list)) {
            let name = dir.file_name().unwrap_or_default().to_string_lossy();
            if dir.join("index.html").is_file() && name.contains("xss") {
                pages.push(format!("{list}/{name}/"));
            }
        }
    }
    pages.extend(SEARCHES.iter().map(|s| s.to_string()));
    pages
}

/// Runs xss.mjs over `pages` of the built `out` and gives its outcome and JSON report.
fn browser_check(out: &Path, pages: &[String]) -> (Outcome, serde_json::Value) {
    let mut command = Command::new(support::node());
    command
        .arg(repo().join("tests/browser/xss.mjs"))
        .arg("--root")
        .arg(out)
        .args(["--base-path", BASE_PATH])
        // The budget only stops a run gone wrong: the pages take ~20 s on two cores.
        .args([
            "--concurrency",
            "2",
            "--page-timeout",
            "30000",
            "--budget",
            "120000",
        ])
        .args(["--expect-text", END])
        .arg("--chromium")
        .arg(support::chromium());
    for page in pages {
        command.arg("--page").arg(page);
    }
    let outcome = support::run(command);
    let report = serde_json::from_str(&outcome.stdout).unwrap_or_else(|err| {
        panic!(
            "xss.mjs printed no JSON report ({err}):\n{}",
            outcome.transcript()
        )
    });
    (outcome, report)
}

/// One line per execution: which payload, on which page, through what, on what interaction.
fn executions(report: &serde_json::Value) -> Vec<String> {
    report["executions"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|e| {
                    format!(
                        "{} on /{}: {} {:?} during {} ({}), element {}",
                        e["id"].as_str().unwrap_or("(no id)"),
                        e["page"].as_str().unwrap_or(""),
                        e["sink"].as_str().unwrap_or(""),
                        e["message"].as_str().unwrap_or(""),
                        e["phase"].as_str().unwrap_or(""),
                        e["via"].as_str().unwrap_or("-"),
                        e["element"].as_str().unwrap_or("-"),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn fired_ids(report: &serde_json::Value) -> BTreeSet<String> {
    report["executions"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|e| e["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Every page (but `except`) was opened and exercised to the end, had elements to exercise,
/// and on articles the browser parsed the closing paragraph (no payload swallowed the others).
fn assert_complete(report: &serde_json::Value, pages: &[String], except: &[&str]) {
    let done = report["pages"].as_array().cloned().unwrap_or_default();
    assert!(
        done.len() == pages.len() && report["skipped"] == serde_json::json!([]),
        "xss.mjs did not visit every page: {}",
        report["pages"]
    );
    for page in &done {
        let path = page["page"].as_str().unwrap_or("");
        if except.contains(&path) {
            continue;
        }
        assert!(
            page["done"] == true
                && page["exercised"]["synthetic"].as_u64().unwrap_or(0) > 50
                && page["exercised"]["trusted"].as_u64().unwrap_or(0) > 20,
            "a page was not exercised to the end: {}",
            serde_json::to_string_pretty(page).unwrap_or_default()
        );
        if path.starts_with("tin-tuc/") {
            assert_eq!(
                page["expectedText"], true,
                "the browser did not parse the last paragraph of {path}: a payload swallowed the rest"
            );
        }
    }
}

#[test]
fn no_payload_in_an_article_runs_in_chromium_by_default() {
    let site = site("");
    let outcome = build(&site);
    assert_eq!(
        outcome.code,
        0,
        "the build failed:\n{}",
        outcome.transcript()
    );
    let out = site.sibling("out");
    let pages = pages(&out, false);
    let (outcome, report) = browser_check(&out, &pages);
    let ran = executions(&report);
    let fired = fired_ids(&report);
    let shown = ran.len().min(150);
    assert!(
        ran.is_empty(),
        "{} of {} payloads ran ({} executions{}):\n{}\n\nfired: {fired:?}",
        fired.len(),
        all_ids().len(),
        ran.len(),
        if shown < ran.len() {
            ", the first 150 below"
        } else {
            ""
        },
        ran[..shown].join("\n")
    );
    assert_complete(&report, &pages, &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
}

#[test]
fn trusted_raw_html_runs_and_the_detector_sees_every_kind_of_trigger() {
    let site = site("\n[markdown]\nraw_html = \"trusted\"\n");
    let outcome = build(&site);
    assert_eq!(
        outcome.code,
        0,
        "the build with raw_html = \"trusted\" failed:\n{}",
        outcome.transcript()
    );
    let out = site.sibling("out");
    let pages = pages(&out, true);
    let (_outcome, report) = browser_check(&out, &pages);
    assert_complete(&report, &pages, &[LEAVES_WHEN_TRUSTED]);
    let fired = fired_ids(&report);
    let missed: Vec<&&str> = RUN_WHEN_TRUSTED
        .iter()
        .filter(|id| !fired.contains(**id))
        .collect();
    assert!(
        missed.is_empty(),
        "published as written, these payloads should have run but were not seen: {missed:?}\nseen: {fired:?}"
    );
    // Each way of running code was seen through the interaction meant to trigger it.
    for (id, phase) in [
        ("xss-s-plain", "load"),
        ("xss-e-autofocus", "load"),
        ("xss-e-hover", "trusted"),
        ("xss-e-click", "trusted"),
        ("xss-u-href", "trusted"),
        ("xss-u-formaction", "trusted"),
        ("xss-e-tabfocus", "tab"),
    ] {
        let seen = report["executions"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|e| e["id"] == id && e["phase"] == phase);
        assert!(
            seen,
            "{id} was not seen during {phase}:\n{}",
            executions(&report).join("\n")
        );
    }
    // The templates escape front-matter whatever the Markdown setting.
    let front: Vec<String> = executions(&report)
        .into_iter()
        .filter(|line| line.starts_with("xss-f-"))
        .collect();
    assert!(
        front.is_empty(),
        "front-matter payloads ran:\n{}",
        front.join("\n")
    );
}
