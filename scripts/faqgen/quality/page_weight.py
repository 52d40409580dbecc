"""Page weight: what a first visit downloads from the site, gzip-compressed as a server would send it.

Usage: python -m faqgen.quality.page_weight URL [URL ...]   (prints one line per resource and a total)

A fresh browser context has an empty cache, so every response is a first-load response. Text
types are gzipped at level 6 (nginx's gzip_comp_level in deploy/nginx.conf); images and other
binary types count as they are. Requests to other hosts are not counted: the privacy tests
forbid them anyway.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from faqgen.browser import PHONE, launch
from faqgen.static_server import GZIP_TYPES  # the types deploy/nginx.conf compresses

GZIP_LEVEL = 6
KB = 1024


@dataclass(frozen=True)
class Resource:
    """One response of the first load: its address, bytes on disk and bytes on the wire."""

    url: str
    content_type: str
    raw: int
    sent: int


@dataclass(frozen=True)
class PageWeight:
    """Every same-origin response of one page's first load."""

    url: str
    resources: tuple[Resource, ...]

    @property
    def sent(self) -> int:
        """Bytes on the wire (gzip where a server would compress)."""
        return sum(r.sent for r in self.resources)

    @property
    def raw(self) -> int:
        """Bytes before compression."""
        return sum(r.raw for r in self.resources)


def wire_size(body: bytes, content_type: str) -> int:
    """Size as a server sends it: gzip level 6 for text types, as-is for images and fonts."""
    if content_type.split(";")[0].strip().lower().startswith(GZIP_TYPES):
        return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
    return len(body)


def measure(browser: Any, url: str) -> PageWeight:
    """Load url once in a new context (empty cache) and record every same-origin response."""
    origin = urlsplit(url)[:2]
    context = browser.new_context(**PHONE)
    responses: list[Any] = []
    context.on("response", lambda r: responses.append(r))  # context-wide, so worker requests count too
    try:
        context.new_page().goto(url, wait_until="networkidle")
        resources = []
        for response in responses:
            if urlsplit(response.url)[:2] != origin or response.status != 200:
                continue
            body = response.body()
            content_type = response.headers.get("content-type", "")
            resources.append(Resource(response.url, content_type, len(body), wire_size(body, content_type)))
    finally:
        context.close()
    return PageWeight(url, tuple(resources))


def report(weight: PageWeight) -> str:
    """A readable table: each resource's wire size, then the total."""
    lines = [weight.url]
    for r in sorted(weight.resources, key=lambda r: -r.sent):
        lines.append(f"  {r.sent / KB:7.1f} KB  (raw {r.raw / KB:7.1f} KB)  {urlsplit(r.url).path}")
    lines.append(
        f"  {weight.sent / KB:7.1f} KB  total gzip, {len(weight.resources)} requests (raw {weight.raw / KB:.1f} KB)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the first-load weight of each URL."""
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", metavar="URL")
    args = parser.parse_args(argv)
    with sync_playwright() as pw:
        browser = launch(pw)
        for url in args.urls:
            print(report(measure(browser, url)))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
