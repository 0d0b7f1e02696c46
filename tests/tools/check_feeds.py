#!/usr/bin/env python3
"""Feed checker for bantin's output: takes the output folder and the site's base_url, finds every
RSS 2.0 and Atom 1.0 feed (*.xml whose root is <rss> or Atom's <feed>), and prints one line per
problem (exit 1), or a one-line summary (exit 0).

What it demands of each feed goes beyond "feedparser can read it", because feed readers are
forgiving and aggregators are not: the XML is well formed; feedparser parses it without a bozo
flag; every required element is there and not empty; dates are in the exact form each format
specifies (RFC 822 with a numeric offset for RSS, RFC 3339 for Atom) and agree with their weekday;
items come newest first; guids/ids are unique; the self link is the feed's own absolute URL; every
link, and every href/src/srcset inside the escaped HTML content, is an absolute http(s) URL, and
when it points into the site, the file exists in the output.

Usage: check_feeds.py --base-url URL [--offset +07:00] [--require rss.xml ...]
                      [--lists tinh,the,chuyen-muc] OUTPUT
"""

from __future__ import annotations

import argparse
import email.utils
import re
import sys
from datetime import datetime
from pathlib import Path

import feedparser
import lxml.etree as etree
import lxml.html

from sitecheck import Problems, is_absolute_http, normalise_base_url, served_file

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
XHTML = "http://www.w3.org/1999/xhtml"
MEDIA = "http://search.yahoo.com/mrss/"

# RFC 822 as RFC 1123/2822 profile it: a weekday, a 4-digit year, seconds and a numeric offset
# ("GMT"/"EST" names are legal RFC 822 but ambiguous, and several readers misparse them).
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) "
    r"(\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})$"
)
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
# Text that still holds an entity after one round of XML unescaping was escaped twice.
DOUBLE_ESCAPED = re.compile(r"&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")
# Attributes of escaped HTML that load or link something.
URL_ATTRIBUTES = ("href", "src", "poster", "cite")


class FeedCheck:
    """The checks of one feed file; problems go to the shared list."""

    def __init__(self, path: Path, args: argparse.Namespace, problems: Problems) -> None:
        self.path = path
        self.out: Path = args.output
        self.base_url: str = args.base_url
        self.offset: str | None = args.offset
        self.problems = problems
        rel = path.relative_to(self.out).as_posix()
        self.self_url = self.base_url + rel

    def problem(self, message: str) -> None:
        self.problems.add(self.path, message)

    # --- shared pieces ------------------------------------------------------------------

    def check_link(self, url: str | None, what: str) -> None:
        """An absolute http(s) URL; when it points into the site, its file exists."""
        if url is None or not url.strip():
            self.problem(f"{what}: empty link")
            return
        if url != url.strip():
            self.problem(f"{what}: link {url!r} has surrounding whitespace")
        url = url.strip()
        if not is_absolute_http(url):
            self.problem(f"{what}: link {url!r} is not an absolute http(s) URL")
            return
        _, reason = served_file(url, self.base_url, self.out)
        if reason:
            self.problem(f"{what}: link {url} is broken ({reason})")

    def check_html(self, html: str | None, what: str) -> None:
        """Every URL inside escaped HTML content is absolute and, if ours, exists."""
        if html is None or not html.strip():
            return
        try:
            root = lxml.html.fragment_fromstring(html, create_parent="div")
        except (etree.ParserError, ValueError) as err:
            self.problem(f"{what}: the HTML content does not parse: {err}")
            return
        self.check_html_tree(root, what)

    def check_html_tree(self, root: etree._Element, what: str) -> None:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None:
                    tag = etree.QName(element).localname
                    self.check_content_url(value, f"{what}: <{tag} {attribute}>")
            srcset = element.get("srcset")
            if srcset is not None:
                for candidate in srcset.split(","):
                    words = candidate.split()
                    if words:
                        self.check_content_url(words[0], f"{what}: srcset")

    def check_content_url(self, url: str, what: str) -> None:
        # A mail or phone link is as absolute as it gets; anything relative breaks in a
        # reader, which resolves it against the reader's own page, not the article.
        if url.startswith(("mailto:", "tel:")):
            return
        self.check_link(url, what)

    def check_text(self, text: str | None, what: str) -> str | None:
        """Present and not blank; flags text escaped twice ("&amp;amp;" shows as "&amp;")."""
        if text is None or not text.strip():
            self.problem(f"{what} is missing or empty")
            return None
        if DOUBLE_ESCAPED.search(text):
            self.problem(f"{what} {text!r} looks escaped twice")
        return text

    def check_offset(self, written_offset: str, value: str, what: str, compact: bool) -> None:
        """The date carries the site's offset: "+0700" in RSS (compact), "+07:00" in Atom."""
        if self.offset is None:
            return
        want = self.offset.replace(":", "") if compact else self.offset
        if written_offset != want:
            self.problem(f"{what} {value!r} has offset {written_offset}, expected {want}")

    def rfc822(self, value: str | None, what: str) -> datetime | None:
        if value is None or not value.strip():
            self.problem(f"{what} is missing")
            return None
        match = RFC822.match(value)
        if not match:
            self.problem(
                f"{what} {value!r} is not an RFC 822 date like 'Wed, 27 May 2020 08:30:00 +0700'"
            )
            return None
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError) as err:
            self.problem(f"{what} {value!r} is not a real date: {err}")
            return None
        if when.tzinfo is None:
            self.problem(f"{what} {value!r} has no usable offset")
            return None
        if WEEKDAYS[when.weekday()] != match.group(1):
            self.problem(
                f"{what} {value!r}: the date is a {WEEKDAYS[when.weekday()]}, not a {match.group(1)}"
            )
        self.check_offset(match.group(8), value, what, compact=True)
        return when

    def rfc3339(self, value: str | None, what: str) -> datetime | None:
        if value is None or not value.strip():
            self.problem(f"{what} is missing")
            return None
        if not RFC3339.match(value):
            self.problem(f"{what} {value!r} is not an RFC 3339 date-time like 2020-05-27T08:30:00+07:00")
            return None
        try:
            when = datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
        except ValueError as err:
            self.problem(f"{what} {value!r} is not a real date: {err}")
            return None
        offset = "Z" if value[-1] in "Zz" else value[-6:]
        self.check_offset(offset, value, what, compact=False)
        return when

    def check_order(self, dates: list[tuple[str, datetime | None]]) -> None:
        """Newest first: each dated item is no newer than the one before it."""
        previous: tuple[str, datetime] | None = None
        for name, when in dates:
            if when is None:
                continue
            if previous is not None and when > previous[1]:
                self.problem(f"{name} ({when.isoformat()}) is newer than {previous[0]} before it: items must be newest first")
            previous = (name, when)

    # --- the two formats ----------------------------------------------------------------

    def run(self, root: etree._Element, data: bytes) -> int:
        parsed = feedparser.parse(data)
        if parsed.get("bozo"):
            self.problem(f"feedparser: {parsed.get('bozo_exception')}")
        if root.tag == "rss":
            return self.rss(root)
        return self.atom(root)

    def rss(self, root: etree._Element) -> int:
        if root.get("version") != "2.0":
            self.problem(f"<rss version={root.get('version')!r}>, expected version=\"2.0\"")
        channels = root.findall("channel")
        if len(channels) != 1:
            self.problem(f"{len(channels)} <channel> elements, expected exactly one")
            return 0
        channel = channels[0]
        self.check_text(channel.findtext("title"), "channel <title>")
        self.check_link(channel.findtext("link"), "channel <link>")
        if channel.find("description") is None:
            self.problem("channel <description> is missing")
        for name in ("lastBuildDate", "pubDate"):
            if channel.find(name) is not None:
                self.rfc822(channel.findtext(name), f"channel <{name}>")
        image = channel.find("image")
        if image is not None:
            self.check_link(image.findtext("url"), "channel <image><url>")
        self.self_link(channel.findall(f"{{{ATOM}}}link"), "application/rss+xml", "channel")

        guids: dict[str, str] = {}
        dates: list[tuple[str, datetime | None]] = []
        items = channel.findall("item")
        for number, item in enumerate(items, start=1):
            name = f"item {number}"
            title = self.check_text(item.findtext("title"), f"{name} <title>")
            if title:
                name = f"item {number} ({title.strip()[:40]!r})"
            self.check_link(item.findtext("link"), f"{name} <link>")
            guid = item.find("guid")
            if guid is None or not (guid.text or "").strip():
                self.problem(f"{name} <guid> is missing or empty")
            else:
                value = (guid.text or "").strip()
                if value in guids:
                    self.problem(f"{name} <guid> {value} repeats the guid of {guids[value]}")
                guids[value] = name
                # A permalink guid (the default) must itself be a working URL.
                if guid.get("isPermaLink", "true") == "true":
                    self.check_link(value, f"{name} <guid isPermaLink>")
            dates.append((name, self.rfc822(item.findtext("pubDate"), f"{name} <pubDate>")))
            description = item.find("description")
            if description is None or not (description.text or "").strip():
                self.problem(f"{name} <description> is missing or empty")
            else:
                self.check_html(description.text, f"{name} <description>")
            encoded = item.find(f"{{{CONTENT}}}encoded")
            if encoded is not None:
                self.check_html(encoded.text, f"{name} <content:encoded>")
            for enclosure in item.findall("enclosure"):
                self.check_link(enclosure.get("url"), f"{name} <enclosure url>")
            # Media RSS (media:content, media:thumbnail...) carries the lead image's URL.
            for media in item.iter(f"{{{MEDIA}}}*"):
                if media.get("url") is not None:
                    tag = etree.QName(media).localname
                    self.check_link(media.get("url"), f"{name} <media:{tag} url>")
        self.check_order(dates)
        return len(items)

    def self_link(self, links: list[etree._Element], media_type: str, where: str) -> None:
        selves = [link for link in links if link.get("rel") == "self"]
        if len(selves) != 1:
            self.problem(f"{where}: {len(selves)} atom:link rel=\"self\", expected one")
            return
        href = selves[0].get("href")
        if href != self.self_url:
            self.problem(f"{where}: self link {href!r}, expected {self.self_url!r}")
        if selves[0].get("type") != media_type:
            self.problem(f"{where}: self link type {selves[0].get('type')!r}, expected {media_type!r}")

    def atom(self, feed: etree._Element) -> int:
        def text(element: etree._Element, name: str) -> str | None:
            return element.findtext(f"{{{ATOM}}}{name}")

        def check_id(value: str | None, what: str) -> str | None:
            if value is None or not value.strip():
                self.problem(f"{what} is missing or empty")
                return None
            # An Atom id is an IRI: it must have a scheme (http:, https:, urn:, tag:).
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value.strip()):
                self.problem(f"{what} {value!r} is not an absolute IRI")
            return value.strip()

        check_id(text(feed, "id"), "feed <id>")
        self.check_text(text(feed, "title"), "feed <title>")
        feed_updated = self.rfc3339(text(feed, "updated"), "feed <updated>")
        links = feed.findall(f"{{{ATOM}}}link")
        self.self_link(links, "application/atom+xml", "feed")
        alternates = [link for link in links if link.get("rel", "alternate") == "alternate"]
        if not alternates:
            self.problem("feed: no <link rel=\"alternate\"> to the site")
        for link in links:
            self.check_link(link.get("href"), f"feed <link rel={link.get('rel', 'alternate')!r}>")
        for element in ("icon", "logo"):
            if feed.find(f"{{{ATOM}}}{element}") is not None:
                self.check_link(text(feed, element), f"feed <{element}>")
        feed_has_author = self.authors(feed, "feed")

        ids: dict[str, str] = {}
        dates: list[tuple[str, datetime | None]] = []
        entries = feed.findall(f"{{{ATOM}}}entry")
        for number, entry in enumerate(entries, start=1):
            name = f"entry {number}"
            title = self.check_text(text(entry, "title"), f"{name} <title>")
            if title:
                name = f"entry {number} ({title.strip()[:40]!r})"
            entry_id = check_id(text(entry, "id"), f"{name} <id>")
            if entry_id is not None:
                if entry_id in ids:
                    self.problem(f"{name} <id> {entry_id} repeats the id of {ids[entry_id]}")
                ids[entry_id] = name
            updated = self.rfc3339(text(entry, "updated"), f"{name} <updated>")
            published = None
            if entry.find(f"{{{ATOM}}}published") is not None:
                published = self.rfc3339(text(entry, "published"), f"{name} <published>")
                if published and updated and published > updated:
                    self.problem(f"{name}: <published> is later than <updated>")
            if updated and feed_updated and updated > feed_updated:
                self.problem(f"{name}: <updated> {updated.isoformat()} is later than the feed's <updated>")
            dates.append((name, published or updated))
            entry_links = entry.findall(f"{{{ATOM}}}link")
            if not [link for link in entry_links if link.get("rel", "alternate") == "alternate"]:
                self.problem(f"{name}: no <link rel=\"alternate\">")
            for link in entry_links:
                self.check_link(link.get("href"), f"{name} <link rel={link.get('rel', 'alternate')!r}>")
            if not feed_has_author and not self.authors(entry, name):
                self.problem(f"{name}: no <author> (needed when the feed has none)")
            body = [entry.find(f"{{{ATOM}}}{part}") for part in ("summary", "content")]
            if all(part is None for part in body):
                self.problem(f"{name}: neither <summary> nor <content>")
            for part in body:
                if part is not None:
                    self.atom_text(part, name)
        self.check_order(dates)
        return len(entries)

    def authors(self, element: etree._Element, where: str) -> bool:
        authors = element.findall(f"{{{ATOM}}}author")
        for author in authors:
            self.check_text(author.findtext(f"{{{ATOM}}}name"), f"{where} <author><name>")
            uri = author.find(f"{{{ATOM}}}uri")
            if uri is not None:
                self.check_link(uri.text, f"{where} <author><uri>")
        return bool(authors)

    def atom_text(self, element: etree._Element, where: str) -> None:
        what = f"{where} <{etree.QName(element).localname}>"
        kind = element.get("type", "text")
        if element.get("src") is not None:
            self.check_link(element.get("src"), f"{what} src")
        elif kind == "html":
            self.check_html(element.text, what)
        elif kind == "xhtml":
            divs = element.findall(f"{{{XHTML}}}div")
            if len(divs) != 1:
                self.problem(f"{what} type=\"xhtml\" must hold exactly one xhtml:div")
            for div in divs:
                self.check_html_tree(div, what)
        elif kind != "text":
            self.problem(f"{what} has type {kind!r}; use text, html or xhtml")


def feed_files(out: Path) -> list[tuple[Path, etree._Element | None, bytes, str | None]]:
    """Every *.xml file that is a feed, parsed; files that do not parse are reported too,
    since nothing can tell whether they were meant to be feeds."""
    found = []
    for path in sorted(out.rglob("*.xml")):
        data = path.read_bytes()
        try:
            root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as err:
            found.append((path, None, data, f"not well-formed XML: {err}"))
            continue
        if root.tag in ("rss", f"{{{ATOM}}}feed"):
            found.append((path, root, data, None))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Check every RSS and Atom feed of a built site.")
    parser.add_argument("--base-url", required=True, help="the site's base_url")
    parser.add_argument("--offset", help="the UTC offset every date must carry, e.g. +07:00")
    parser.add_argument("--require", action="append", default=[], metavar="PATH",
                        help="a feed that must exist, relative to the output (repeatable)")
    parser.add_argument("--lists", default="",
                        help="comma-separated list sections (e.g. tinh,the,chuyen-muc): every "
                             "<section>/<slug>/index.html needs rss.xml and atom.xml beside it")
    parser.add_argument("output", type=Path, help="the build's output folder")
    args = parser.parse_args(argv)
    args.base_url = normalise_base_url(args.base_url)
    if args.offset is not None and not re.match(r"^[+-]\d{2}:\d{2}$", args.offset):
        parser.error("--offset takes the form +07:00")
    if not args.output.is_dir():
        parser.error(f"{args.output} is not a folder")

    problems = Problems(args.output)
    for rel in args.require:
        if not (args.output / rel).is_file():
            problems.add(args.output / rel, "required feed is missing")
    for section in filter(None, args.lists.split(",")):
        folder = args.output / section
        if not folder.is_dir():
            continue
        for page in sorted(folder.glob("*/index.html")):
            if page.parent.name == "trang":
                continue
            for feed in ("rss.xml", "atom.xml"):
                if not (page.parent / feed).is_file():
                    problems.add(page.parent / feed, f"missing: the list page {section}/{page.parent.name}/ has no {feed}")
    # Each RSS feed has an Atom twin and the other way round.
    for twin_a, twin_b in (("rss.xml", "atom.xml"), ("atom.xml", "rss.xml")):
        for path in sorted(args.output.rglob(twin_a)):
            if not (path.parent / twin_b).is_file():
                problems.add(path, f"has no {twin_b} beside it")

    feeds = feed_files(args.output)
    items = 0
    for path, root, data, error in feeds:
        if error:
            problems.add(path, error)
            continue
        items += FeedCheck(path, args, problems).run(root, data)
    if not feeds:
        problems.add(args.output, "no RSS or Atom feed anywhere in the output")
    return problems.finish(f"{len(feeds)} feeds, {items} items: all valid")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
