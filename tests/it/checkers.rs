//! Tests of the test tools themselves: takes hand-written output folders (good feeds and a good
//! sitemap, then one breakage at a time), gives proof that tests/tools/check_feeds.py and
//! check_sitemap.py pass what is right and name what is wrong. A checker that passes everything
//! would make the sample-site tests worthless, so each rule gets a case that must fail.

use std::path::Path;

use crate::support::{self, Outcome, empty_site, write};

const BASE: &str = "https://example.github.io/portal/";

fn page(title: &str) -> String {
    format!(
        "<!doctype html><html lang=\"vi\"><head><title>{title}</title></head><body></body></html>"
    )
}

/// An RSS 2.0 feed of two items, as bantin should write it, served at `self_path`.
fn rss(self_path: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Liên hiệp hữu nghị &amp; bạn bè</title>
    <link>{BASE}</link>
    <description>Tin tức đối ngoại nhân dân</description>
    <language>vi</language>
    <lastBuildDate>Wed, 27 May 2020 08:30:00 +0700</lastBuildDate>
    <atom:link href="{BASE}{self_path}" rel="self" type="application/rss+xml"/>
    <item>
      <title>Trao học bổng &lt;2024&gt;</title>
      <link>{BASE}tin-tuc/b/</link>
      <guid>{BASE}tin-tuc/b/</guid>
      <pubDate>Wed, 27 May 2020 08:30:00 +0700</pubDate>
      <media:content url="{BASE}images/a.jpg" medium="image" type="image/jpeg"/>
      <description>&lt;p&gt;Xem &lt;a href="{BASE}tin-tuc/a/"&gt;bài trước&lt;/a&gt;.&lt;img src="{BASE}images/a.jpg" alt=""&gt;&lt;/p&gt;</description>
    </item>
    <item>
      <title>Tổng kết năm 2019</title>
      <link>{BASE}tin-tuc/a/</link>
      <guid isPermaLink="false">tag:example.github.io,2020:tin-tuc/a</guid>
      <pubDate>Tue, 26 May 2020 08:30:00 +0700</pubDate>
      <description><![CDATA[<p>Đại biểu <a href="mailto:lhhn@example.vn">gửi thư</a>.</p>]]></description>
    </item>
  </channel>
</rss>
"#
    )
}

/// The Atom twin of [`rss`].
fn atom(self_path: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>{BASE}{self_path}</id>
  <title>Liên hiệp hữu nghị</title>
  <updated>2020-05-28T09:00:00+07:00</updated>
  <link rel="self" type="application/atom+xml" href="{BASE}{self_path}"/>
  <link rel="alternate" type="text/html" href="{BASE}"/>
  <author><name>Liên hiệp các tổ chức hữu nghị</name></author>
  <entry>
    <id>{BASE}tin-tuc/b/</id>
    <title>Trao học bổng</title>
    <updated>2020-05-28T09:00:00+07:00</updated>
    <published>2020-05-27T08:30:00+07:00</published>
    <link rel="alternate" type="text/html" href="{BASE}tin-tuc/b/"/>
    <summary type="html">&lt;p&gt;&lt;img src="{BASE}images/a.jpg" srcset="{BASE}images/a.jpg 2x" alt=""&gt;&lt;/p&gt;</summary>
  </entry>
  <entry>
    <id>{BASE}tin-tuc/a/</id>
    <title type="text">Tổng kết năm 2019</title>
    <updated>2020-05-26T08:30:00+07:00</updated>
    <link href="{BASE}tin-tuc/a/"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><a href="{BASE}">Trang chủ</a></p></div></content>
  </entry>
</feed>
"#
    )
}

const SITEMAP: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.github.io/portal/</loc><lastmod>2020-05-27T08:30:00+07:00</lastmod></url>
  <url><loc>https://example.github.io/portal/tin-tuc/a/</loc><lastmod>2020-05-26</lastmod></url>
  <url><loc>https://example.github.io/portal/tin-tuc/b/</loc><lastmod>2020-05-28T09:00:00+07:00</lastmod></url>
  <url><loc>https://example.github.io/portal/tinh/an-giang/</loc></url>
</urlset>
"#;

const ROBOTS: &str =
    "User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/portal/sitemap.xml\n";

/// A built site in miniature whose feeds and sitemap are all correct.
fn good_output(out: &Path) {
    write(&out.join("index.html"), page("Trang chủ"));
    write(&out.join("404.html"), page("Không tìm thấy"));
    write(&out.join("tin-tuc/a/index.html"), page("a"));
    write(&out.join("tin-tuc/b/index.html"), page("b"));
    write(&out.join("tinh/an-giang/index.html"), page("An Giang"));
    write(
        &out.join("tin-tuc/chi-tiet/123/index.html"),
        "<!doctype html><meta http-equiv=\"refresh\" content=\"0; url=/portal/tin-tuc/a/\">",
    );
    write(&out.join("images/a.jpg"), "jpg");
    write(&out.join("rss.xml"), rss("rss.xml"));
    write(&out.join("atom.xml"), atom("atom.xml"));
    write(
        &out.join("tinh/an-giang/rss.xml"),
        rss("tinh/an-giang/rss.xml"),
    );
    write(
        &out.join("tinh/an-giang/atom.xml"),
        atom("tinh/an-giang/atom.xml"),
    );
    write(&out.join("sitemap.xml"), SITEMAP);
    write(&out.join("robots.txt"), ROBOTS);
}

/// Replaces the first `from` in `file` by `to`; the case is void if `from` is not there.
fn edit(out: &Path, file: &str, from: &str, to: &str) {
    let path = out.join(file);
    let text = support::read(&path);
    assert!(
        text.contains(from),
        "{file} does not contain {from:?}: the test case edits nothing"
    );
    write(&path, text.replacen(from, to, 1));
}

fn remove(out: &Path, file: &str) {
    let path = out.join(file);
    std::fs::remove_file(&path)
        .unwrap_or_else(|err| panic!("cannot delete {}: {err}", path.display()));
}

fn check_feeds(out: &Path) -> Outcome {
    support::python_checker(
        "check_feeds.py",
        [
            "--base-url",
            BASE,
            "--offset",
            "+07:00",
            "--require",
            "rss.xml",
            "--require",
            "atom.xml",
            "--lists",
            "tinh,the",
        ]
        .map(std::ffi::OsString::from)
        .into_iter()
        .chain([out.as_os_str().to_owned()]),
    )
}

fn check_sitemap(out: &Path) -> Outcome {
    let mut args: Vec<std::ffi::OsString> = vec!["--base-url".into(), BASE.into()];
    args.extend(support::sitemap_schema_args().into_iter().map(Into::into));
    args.push(out.as_os_str().to_owned());
    support::python_checker("check_sitemap.py", args)
}

/// One breakage: what to do to the good output, and words the checker must print about it.
type Case = (&'static str, fn(&Path), &'static str);

/// Runs every case on a fresh good output; collects every case the checker got wrong.
fn run_cases(checker: fn(&Path) -> Outcome, cases: &[Case]) {
    let site = empty_site();
    good_output(&site.root);
    let good = checker(&site.root);
    assert_eq!(
        good.code,
        0,
        "the checker rejects the good output:\n{}",
        good.transcript()
    );

    let mut wrong = Vec::new();
    for (name, breakage, expected) in cases {
        let site = empty_site();
        good_output(&site.root);
        breakage(&site.root);
        let outcome = checker(&site.root);
        if outcome.code != 1 || !outcome.stdout.contains(expected) {
            wrong.push(format!(
                "case {name:?}: expected exit 1 and a line containing {expected:?}\n{}",
                outcome.transcript()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn feed_checker_passes_good_feeds_and_names_each_fault() {
    let cases: &[Case] = &[
        (
            "not well-formed",
            |o| edit(o, "rss.xml", "&amp; bạn bè", "& bạn bè"),
            "rss.xml: not well-formed XML",
        ),
        (
            "RSS version",
            |o| edit(o, "rss.xml", "version=\"2.0\"", "version=\"0.91\""),
            "expected version=\"2.0\"",
        ),
        (
            "channel description missing",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "<description>Tin tức đối ngoại nhân dân</description>",
                    "",
                )
            },
            "rss.xml: channel <description> is missing",
        ),
        (
            "self link elsewhere",
            |o| {
                edit(
                    o,
                    "tinh/an-giang/rss.xml",
                    "tinh/an-giang/rss.xml\"",
                    "rss.xml\"",
                )
            },
            "tinh/an-giang/rss.xml: channel: self link 'https://example.github.io/portal/rss.xml', \
             expected 'https://example.github.io/portal/tinh/an-giang/rss.xml'",
        ),
        (
            "item without guid",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "<guid>https://example.github.io/portal/tin-tuc/b/</guid>",
                    "",
                )
            },
            "<guid> is missing or empty",
        ),
        (
            "duplicate guid",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "tag:example.github.io,2020:tin-tuc/a",
                    "https://example.github.io/portal/tin-tuc/b/",
                )
            },
            "repeats the guid of item 1",
        ),
        (
            "ISO date in RSS",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "Tue, 26 May 2020 08:30:00 +0700",
                    "2020-05-26T08:30:00+07:00",
                )
            },
            "is not an RFC 822 date",
        ),
        (
            "zone name instead of offset",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "Tue, 26 May 2020 08:30:00 +0700",
                    "Tue, 26 May 2020 01:30:00 GMT",
                )
            },
            "is not an RFC 822 date",
        ),
        (
            "wrong weekday",
            |o| edit(o, "rss.xml", "Tue, 26 May", "Mon, 26 May"),
            "the date is a Tue, not a Mon",
        ),
        (
            "UTC instead of +07:00",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "Tue, 26 May 2020 08:30:00 +0700",
                    "Tue, 26 May 2020 01:30:00 +0000",
                )
            },
            "has offset +0000, expected +0700",
        ),
        (
            "oldest first",
            |o| edit(o, "rss.xml", "Tue, 26 May 2020", "Thu, 28 May 2020"),
            "items must be newest first",
        ),
        (
            "item without description",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "<description><![CDATA[<p>Đại biểu <a href=\"mailto:lhhn@example.vn\">gửi thư</a>.</p>]]></description>",
                    "",
                )
            },
            "<description> is missing or empty",
        ),
        (
            "root-relative link inside the content",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "href=\"https://example.github.io/portal/tin-tuc/a/\"",
                    "href=\"/portal/tin-tuc/a/\"",
                )
            },
            "<a href>: link '/portal/tin-tuc/a/' is not an absolute http(s) URL",
        ),
        (
            "item link to a missing page",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "<link>https://example.github.io/portal/tin-tuc/a/</link>",
                    "<link>https://example.github.io/portal/tin-tuc/khong-co/</link>",
                )
            },
            "no file tin-tuc/khong-co/index.html in the output",
        ),
        (
            "missing lead image in Media RSS",
            |o| {
                edit(
                    o,
                    "rss.xml",
                    "images/a.jpg\" medium",
                    "images/khong-co.jpg\" medium",
                )
            },
            "<media:content url>: link https://example.github.io/portal/images/khong-co.jpg is broken",
        ),
        (
            "title escaped twice",
            |o| edit(o, "rss.xml", "&amp; bạn bè", "&amp;amp; bạn bè"),
            "looks escaped twice",
        ),
        (
            "Atom date without T",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "2020-05-26T08:30:00+07:00",
                    "2020-05-26 08:30:00+07:00",
                )
            },
            "is not an RFC 3339 date-time",
        ),
        (
            "Atom date without offset",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "2020-05-26T08:30:00+07:00",
                    "2020-05-26T08:30:00",
                )
            },
            "is not an RFC 3339 date-time",
        ),
        (
            "Atom date in UTC",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "2020-05-26T08:30:00+07:00",
                    "2020-05-26T01:30:00Z",
                )
            },
            "has offset Z, expected +07:00",
        ),
        (
            "Atom duplicate id",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "<id>https://example.github.io/portal/tin-tuc/a/</id>",
                    "<id>https://example.github.io/portal/tin-tuc/b/</id>",
                )
            },
            "repeats the id of entry 1",
        ),
        (
            "Atom entry without link",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "<link href=\"https://example.github.io/portal/tin-tuc/a/\"/>",
                    "",
                )
            },
            "no <link rel=\"alternate\">",
        ),
        (
            "Atom without author",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "<author><name>Liên hiệp các tổ chức hữu nghị</name></author>",
                    "",
                )
            },
            "no <author>",
        ),
        (
            "Atom missing image in srcset",
            |o| edit(o, "atom.xml", "images/a.jpg 2x", "images/a@2x.jpg 2x"),
            "srcset: link https://example.github.io/portal/images/a@2x.jpg is broken",
        ),
        (
            "Atom feed updated before an entry",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "<updated>2020-05-28T09:00:00+07:00</updated>\n  <link",
                    "<updated>2020-05-27T09:00:00+07:00</updated>\n  <link",
                )
            },
            "is later than the feed's <updated>",
        ),
        (
            "Atom self link missing",
            |o| {
                edit(
                    o,
                    "atom.xml",
                    "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.github.io/portal/atom.xml\"/>",
                    "",
                )
            },
            "feed: 0 atom:link rel=\"self\", expected one",
        ),
        (
            "list page without its Atom feed",
            |o| remove(o, "tinh/an-giang/atom.xml"),
            "the list page tinh/an-giang/ has no atom.xml",
        ),
        (
            "site feed missing",
            |o| {
                remove(o, "rss.xml");
                remove(o, "atom.xml");
            },
            "rss.xml: required feed is missing",
        ),
    ];
    run_cases(check_feeds, cases);
}

#[test]
fn feed_checker_fails_when_there_is_no_feed() {
    let site = empty_site();
    write(&site.root.join("index.html"), page("Trang chủ"));
    let outcome = support::python_checker(
        "check_feeds.py",
        [
            std::ffi::OsStr::new("--base-url"),
            std::ffi::OsStr::new(BASE),
            site.root.as_os_str(),
        ],
    );
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    assert!(
        outcome
            .stdout
            .contains("no RSS or Atom feed anywhere in the output"),
        "{}",
        outcome.transcript()
    );
}

#[test]
fn sitemap_checker_passes_a_good_sitemap_and_names_each_fault() {
    let cases: &[Case] = &[
        (
            "not well-formed",
            |o| edit(o, "sitemap.xml", "</urlset>", "</urlset"),
            "sitemap.xml: not well-formed XML",
        ),
        (
            "wrong root",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "http://www.sitemaps.org/schemas/sitemap/0.9",
                    "http://www.google.com/schemas/sitemap/0.84",
                )
            },
            "expected sitemaps.org urlset or sitemapindex",
        ),
        (
            "Vietnamese date in lastmod",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "2020-05-26</lastmod>",
                    "26/05/2020</lastmod>",
                )
            },
            "is not a valid value of the union type",
        ),
        (
            "time without zone in lastmod",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "2020-05-26</lastmod>",
                    "2020-05-26T08:30:00</lastmod>",
                )
            },
            "<lastmod> '2020-05-26T08:30:00' of https://example.github.io/portal/tin-tuc/a/ is not a W3C datetime",
        ),
        (
            "priority out of range",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "tinh/an-giang/</loc>",
                    "tinh/an-giang/</loc><priority>2.0</priority>",
                )
            },
            "schema: Element '{http://www.sitemaps.org/schemas/sitemap/0.9}priority'",
        ),
        (
            "unknown element",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "tinh/an-giang/</loc>",
                    "tinh/an-giang/</loc><title>An Giang</title>",
                )
            },
            "schema: Element '{http://www.sitemaps.org/schemas/sitemap/0.9}title': This element is not expected",
        ),
        (
            "loc of a missing page",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "tin-tuc/a/</loc>",
                    "tin-tuc/khong-co/</loc>",
                )
            },
            "<loc> https://example.github.io/portal/tin-tuc/khong-co/ does not exist",
        ),
        (
            "loc outside base_url",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "https://example.github.io/portal/tin-tuc/a/",
                    "https://example.github.io/tin-tuc/a/",
                )
            },
            "is not under base_url",
        ),
        (
            "relative loc",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "https://example.github.io/portal/tin-tuc/a/",
                    "/portal/tin-tuc/a/",
                )
            },
            "is not under base_url",
        ),
        (
            "loc listed twice",
            |o| edit(o, "sitemap.xml", "tin-tuc/b/</loc>", "tin-tuc/a/</loc>"),
            "is listed twice",
        ),
        (
            "a page left out",
            |o| write(&o.join("gioi-thieu/index.html"), page("Giới thiệu")),
            "gioi-thieu/index.html: is a page but no sitemap lists it",
        ),
        (
            "a redirect page listed",
            |o| {
                edit(
                    o,
                    "sitemap.xml",
                    "tin-tuc/a/</loc>",
                    "tin-tuc/chi-tiet/123/</loc>",
                )
            },
            "is a redirect page: it must not be in the sitemap",
        ),
        (
            "the 404 page listed",
            |o| edit(o, "sitemap.xml", "tinh/an-giang/</loc>", "404.html</loc>"),
            "is the 404 page: it must not be in the sitemap",
        ),
        (
            "robots.txt missing",
            |o| remove(o, "robots.txt"),
            "robots.txt: missing",
        ),
        (
            "robots.txt with a relative sitemap",
            |o| {
                edit(
                    o,
                    "robots.txt",
                    "https://example.github.io/portal/sitemap.xml",
                    "/portal/sitemap.xml",
                )
            },
            "robots.txt: has no 'Sitemap: https://example.github.io/portal/sitemap.xml' line",
        ),
        (
            "index whose child is missing",
            |o| {
                write(&o.join("sitemap.xml"), index_of(&["sitemap-1.xml"]));
            },
            "<loc> https://example.github.io/portal/sitemap-1.xml does not exist",
        ),
        (
            "index whose child breaks the schema",
            |o| {
                write(
                    &o.join("sitemap-1.xml"),
                    SITEMAP.replace("2020-05-26</lastmod>", "hôm qua</lastmod>"),
                );
                write(&o.join("sitemap.xml"), index_of(&["sitemap-1.xml"]));
            },
            "sitemap-1.xml: line 4: schema:",
        ),
        (
            "index with a bad lastmod",
            |o| {
                write(&o.join("sitemap-1.xml"), SITEMAP);
                write(
                    &o.join("sitemap.xml"),
                    index_of(&["sitemap-1.xml"]).replace("2020-05-28", "28.05.2020"),
                );
            },
            "sitemap.xml: line 5: schema:",
        ),
    ];
    run_cases(check_sitemap, cases);
}

/// A sitemap index listing `children` (relative to the base URL).
fn index_of(children: &[&str]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for child in children {
        xml.push_str(&format!(
            "  <sitemap>\n    <loc>{BASE}{child}</loc>\n    <lastmod>2020-05-28T09:00:00+07:00</lastmod>\n  </sitemap>\n"
        ));
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

#[test]
fn sitemap_checker_follows_a_sitemap_index() {
    let site = empty_site();
    good_output(&site.root);
    // Split the four URLs over two child sitemaps, as bantin does past 50,000.
    let (head, tail) = SITEMAP
        .split_once("  <url><loc>https://example.github.io/portal/tin-tuc/b/")
        .unwrap_or_else(|| panic!("SITEMAP changed"));
    write(
        &site.root.join("sitemap-1.xml"),
        format!("{head}</urlset>\n"),
    );
    let opening = head
        .split_once("  <url>")
        .map_or("", |(opening, _)| opening);
    write(
        &site.root.join("sitemap-2.xml"),
        format!("{opening}  <url><loc>https://example.github.io/portal/tin-tuc/b/{tail}"),
    );
    write(
        &site.root.join("sitemap.xml"),
        index_of(&["sitemap-1.xml", "sitemap-2.xml"]),
    );
    let outcome = check_sitemap(&site.root);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome.stdout.contains("sitemap: 4 URLs"),
        "{}",
        outcome.transcript()
    );
}
