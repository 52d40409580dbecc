"""Every built page in headless Chromium: privacy, console, CSP, accessibility (axe), links, head tags.

One crawl (the session fixture `crawl`, tests/site_crawl.py) visits every HTML file of the build
under the deploy headers; each test below checks one kind of problem from it, so a failure names
its kind and its pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_crawl import Crawl, link_problems, site_pages

pytestmark = pytest.mark.browser


def report(problems: list[str]) -> str:
    """One problem per line for the assertion message."""
    return "\n" + "\n".join(problems)


def test_crawl_covers_every_built_page(crawl: Crawl, built_site: Path) -> None:
    assert len(crawl.pages) == len(site_pages(built_site)) >= 20
    assert {"/", "/channels/", "/404.html"} <= set(crawl.pages)


def test_no_request_leaves_the_site(crawl: Crawl) -> None:
    assert crawl.search_results > 0  # searching loaded the worker and the index: still only our own host
    assert not crawl.outside, report(crawl.outside)


def test_no_console_errors_or_failed_requests(crawl: Crawl) -> None:
    assert not crawl.console + crawl.failed, report(crawl.console + crawl.failed)


def test_no_wcag_21_a_or_aa_violations(crawl: Crawl) -> None:
    assert not crawl.axe, report(crawl.axe)


def test_internal_links_and_anchors_resolve(crawl: Crawl, built_site: Path) -> None:
    problems = link_problems(built_site, crawl.base, crawl.pages)
    assert not problems, report(problems)
    checked = sum(len(f.links) for f in crawl.pages.values())
    assert checked > 500  # the check really ran over the site's links


def test_every_page_has_title_description_and_lang(crawl: Crawl) -> None:
    missing = [
        f"{path}: {name}"
        for path, f in crawl.pages.items()
        for name, value in (("<title>", f.title), ("meta description", f.description), ("html lang", f.lang))
        if not value
    ]
    assert not missing, report(missing)
