#!/usr/bin/env python3
"""Sitemap checker for bantin's output: takes the output folder, the site's base_url and the
folder holding the sitemaps.org schema, and prints one line per problem (exit 1), or a one-line
summary (exit 0).

sitemap.xml is either a <urlset> or, for big sites, a <sitemapindex> whose children are
<urlset>s. Every one of them must validate against the sitemaps.org XSD (sitemap.xsd as shipped
by the npm `sitemap` package; the index is validated with tests/tools/siteindex.xsd, which takes
its types from that file), stay within the protocol's limits (50,000 entries, 50 MB), list each
URL once, every <loc> under base_url and served by a file of the output (`x/` -> `x/index.html`),
every <lastmod> a W3C datetime. The other direction holds too: every HTML page of the output is
listed, except 404.html, redirect pages (meta refresh) and pages marked noindex, which must not
be. robots.txt must exist and name the sitemap's absolute URL.

Usage: check_sitemap.py --base-url URL --schema DIR/sitemap.xsd --index-schema siteindex.xsd OUTPUT
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import lxml.etree as etree
import lxml.html

from sitecheck import Problems, normalise_base_url, served_file

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_ENTRIES = 50_000
MAX_BYTES = 50 * 1024 * 1024
# The W3C profile of ISO 8601 (https://www.w3.org/TR/NOTE-datetime): a time needs a zone.
W3C_DATETIME = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$"
)
REFRESH = re.compile(r"<meta[^>]+http-equiv\s*=\s*[\"']?refresh", re.IGNORECASE)


def load_schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path), parser=etree.XMLParser(no_network=True)))


class SitemapCheck:
    def __init__(self, args: argparse.Namespace, problems: Problems) -> None:
        self.out: Path = args.output
        self.base_url: str = args.base_url
        self.urlset_schema = load_schema(args.schema)
        self.index_schema = load_schema(args.index_schema)
        self.problems = problems
        # loc -> the sitemap file that listed it first
        self.listed: dict[str, Path] = {}
        self.listed_files: set[Path] = set()

    def parse(self, path: Path) -> etree._Element | None:
        if not path.is_file():
            self.problems.add(path, "missing")
            return None
        if path.stat().st_size > MAX_BYTES:
            self.problems.add(path, f"{path.stat().st_size} bytes, over the 50 MB limit")
        try:
            return etree.parse(str(path), parser=etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        except etree.XMLSyntaxError as err:
            self.problems.add(path, f"not well-formed XML: {err}")
            return None

    def validate(self, path: Path, root: etree._Element, schema: etree.XMLSchema) -> None:
        if not schema.validate(root.getroottree()):
            for error in schema.error_log:
                self.problems.add(path, f"line {error.line}: schema: {error.message}")

    def loc_target(self, path: Path, loc: str) -> Path | None:
        if loc != loc.strip():
            self.problems.add(path, f"<loc> {loc!r} has surrounding whitespace")
        loc = loc.strip()
        if not loc.startswith(self.base_url):
            self.problems.add(path, f"<loc> {loc} is not under base_url {self.base_url}")
            return None
        if "#" in loc:
            self.problems.add(path, f"<loc> {loc} has a #fragment")
        target, reason = served_file(loc, self.base_url, self.out)
        if reason:
            self.problems.add(path, f"<loc> {loc} does not exist ({reason})")
        return target

    def lastmod(self, path: Path, entry: etree._Element, loc: str) -> None:
        value = entry.findtext(f"{{{SITEMAP}}}lastmod")
        if value is not None and not W3C_DATETIME.match(value):
            self.problems.add(path, f"<lastmod> {value!r} of {loc} is not a W3C datetime")

    def run(self) -> int:
        main = self.out / "sitemap.xml"
        root = self.parse(main)
        if root is None:
            return 0
        if root.tag == f"{{{SITEMAP}}}sitemapindex":
            self.validate(main, root, self.index_schema)
            children = root.findall(f"{{{SITEMAP}}}sitemap")
            if len(children) > MAX_ENTRIES:
                self.problems.add(main, f"{len(children)} sitemaps, over the 50,000 limit")
            if not children:
                self.problems.add(main, "the sitemap index lists no sitemap")
            count = 0
            for child in children:
                loc = child.findtext(f"{{{SITEMAP}}}loc") or ""
                self.lastmod(main, child, loc)
                target = self.loc_target(main, loc)
                if target is None:
                    continue
                child_root = self.parse(target)
                if child_root is None:
                    continue
                if child_root.tag != f"{{{SITEMAP}}}urlset":
                    self.problems.add(target, f"listed by the sitemap index but its root is {child_root.tag}, not urlset")
                    continue
                count += self.urlset(target, child_root)
            return count
        if root.tag == f"{{{SITEMAP}}}urlset":
            return self.urlset(main, root)
        self.problems.add(main, f"root element {root.tag}, expected sitemaps.org urlset or sitemapindex")
        return 0

    def urlset(self, path: Path, root: etree._Element) -> int:
        self.validate(path, root, self.urlset_schema)
        urls = root.findall(f"{{{SITEMAP}}}url")
        if len(urls) > MAX_ENTRIES:
            self.problems.add(path, f"{len(urls)} URLs, over the 50,000 limit")
        if not urls:
            self.problems.add(path, "lists no URL")
        for url in urls:
            loc = url.findtext(f"{{{SITEMAP}}}loc") or ""
            if loc.strip() in self.listed:
                first = self.listed[loc.strip()].relative_to(self.out).as_posix()
                self.problems.add(path, f"<loc> {loc} is listed twice (first in {first})")
            self.listed.setdefault(loc.strip(), path)
            self.lastmod(path, url, loc)
            target = self.loc_target(path, loc)
            if target is None:
                continue
            self.listed_files.add(target)
            if target.suffix == ".html":
                reason = unlisted_reason(target, self.out)
                if reason:
                    self.problems.add(path, f"<loc> {loc} is {reason}: it must not be in the sitemap")
        return len(urls)

    def completeness(self) -> None:
        for page in sorted(self.out.rglob("*.html")):
            if page in self.listed_files or unlisted_reason(page, self.out):
                continue
            self.problems.add(page, "is a page but no sitemap lists it")


def unlisted_reason(page: Path, out: Path) -> str | None:
    """Why a page stays out of the sitemap, or None when it belongs in it."""
    if page == out / "404.html":
        return "the 404 page"
    text = page.read_text(encoding="utf-8", errors="replace")
    if REFRESH.search(text):
        return "a redirect page"
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    for meta in document.iter("meta"):
        if (meta.get("name") or "").lower() == "robots" and "noindex" in (meta.get("content") or "").lower():
            return "marked noindex"
    return None


def check_robots(out: Path, base_url: str, problems: Problems) -> None:
    robots = out / "robots.txt"
    if not robots.is_file():
        problems.add(robots, "missing")
        return
    want = base_url + "sitemap.xml"
    named = []
    for line in robots.read_text(encoding="utf-8", errors="replace").splitlines():
        field, _, value = line.partition(":")
        if field.strip().lower() == "sitemap":
            named.append(value.strip())
    if want not in named:
        problems.add(robots, f"has no 'Sitemap: {want}' line (it names {named or 'no sitemap'})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Check sitemap.xml and robots.txt of a built site.")
    parser.add_argument("--base-url", required=True, help="the site's base_url")
    parser.add_argument("--schema", required=True, type=Path, help="sitemaps.org sitemap.xsd")
    parser.add_argument("--index-schema", required=True, type=Path, help="the sitemap index XSD")
    parser.add_argument("output", type=Path, help="the build's output folder")
    args = parser.parse_args(argv)
    args.base_url = normalise_base_url(args.base_url)
    for schema in (args.schema, args.index_schema):
        if not schema.is_file():
            parser.error(f"{schema} is missing: run bash tests/setup.sh")
    if not args.output.is_dir():
        parser.error(f"{args.output} is not a folder")

    problems = Problems(args.output)
    check = SitemapCheck(args, problems)
    count = check.run()
    if count:
        check.completeness()
    check_robots(args.output, args.base_url, problems)
    return problems.finish(f"sitemap: {count} URLs, all valid; robots.txt names it")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
