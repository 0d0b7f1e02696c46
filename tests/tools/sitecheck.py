"""Shared by check_feeds.py and check_sitemap.py: takes a built site's output folder and its
base_url, gives the mapping from a URL of the site to the file that serves it, and the problem
list both checkers print (one line per problem, exit 1 when there is any)."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit


def normalise_base_url(base_url: str) -> str:
    """The base URL with exactly one trailing slash, as every site URL is built on it."""
    return base_url.rstrip("/") + "/"


def is_absolute_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def served_file(url: str, base_url: str, out: Path) -> tuple[Path | None, str | None]:
    """For an absolute URL under base_url, the file a static host would answer with.

    Returns (path, None) when the file exists, (None, reason) when it does not, and
    (None, None) when the URL is not under base_url at all (someone else's page)."""
    parts = urlsplit(url)
    without_fragment = parts._replace(fragment="", query="").geturl()
    if not without_fragment.startswith(base_url):
        # The same site without the trailing slash of base_url ("https://x.io/portal") is
        # still ours: a static host answers it with a redirect to the folder.
        if without_fragment + "/" == base_url:
            without_fragment = base_url
        else:
            return None, None
    rel = unquote(without_fragment[len(base_url) :])
    if ".." in rel.split("/"):
        return None, "climbs out of the site with '..'"
    if rel == "" or rel.endswith("/"):
        candidate = out / rel / "index.html"
    else:
        candidate = out / rel
        if candidate.is_dir():
            return None, f"names the folder {rel} without a trailing slash"
    if candidate.is_file():
        return candidate, None
    return None, f"no file {candidate.relative_to(out)} in the output"


class Problems:
    """Collects problems as `<file>: <message>` lines, relative to the output folder."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.lines: list[str] = []

    def add(self, path: Path, message: str) -> None:
        try:
            name = path.relative_to(self.out).as_posix()
        except ValueError:
            name = str(path)
        self.lines.append(f"{name}: {message}")

    def finish(self, summary: str) -> int:
        """Prints every problem (or the summary when there is none) and gives the exit code."""
        if self.lines:
            for line in self.lines:
                print(line)
            print(f"{len(self.lines)} problem(s)", file=sys.stderr)
            return 1
        print(summary)
        return 0
