"""Every built page in headless Chromium: privacy, console, accessibility (axe), links, head tags.

One crawl (one browser context) visits every HTML file of the build, whatever pages exist;
each test below checks one kind of problem from it, so a failure names its kind and its pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from site_crawl import PageFacts, axe_violations, link_problems, page_facts, site_pages

pytestmark = pytest.mark.browser


@dataclass
class Crawl:
    """Everything one visit of every page recorded."""

    pages: dict[str, PageFacts] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def crawl(built_site: Path, site_url: str, browser) -> Crawl:
    """Visit every page once on a phone-sized screen, recording what each test needs.

    built_site comes before browser: a build started while Playwright runs cannot make its PDF.
    """
    result = Crawl()
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.set_default_timeout(15_000)
    context.on(
        "request",
        lambda r: None if r.url.startswith((site_url + "/", "data:", "blob:")) else result.outside.append(r.url),
    )
    context.on("response", lambda r: result.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab = context.new_page()
    current = {"path": ""}
    tab.on("console", lambda m: result.console.append(f"{current['path']}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: result.console.append(f"{current['path']}: {e}"))
    for path in site_pages(built_site):
        current["path"] = path
        tab.goto(site_url + path, wait_until="load")
        result.pages[path] = page_facts(tab)
        result.axe += [f"{path}: {v}" for v in axe_violations(tab)]
    tab.wait_for_timeout(300)  # let the last page's late requests report
    context.close()
    return result


def report(problems: list[str]) -> str:
    """One problem per line for the assertion message."""
    return "\n" + "\n".join(problems)


def test_crawl_covers_every_built_page(crawl: Crawl, built_site: Path) -> None:
    assert len(crawl.pages) == len(site_pages(built_site)) >= 20
    assert {"/", "/channels/", "/404.html"} <= set(crawl.pages)


def test_no_request_leaves_the_site(crawl: Crawl) -> None:
    assert not crawl.outside, report(crawl.outside)


def test_no_console_errors_or_failed_requests(crawl: Crawl) -> None:
    assert not crawl.console + crawl.failed, report(crawl.console + crawl.failed)


def test_no_wcag_21_a_or_aa_violations(crawl: Crawl) -> None:
    assert not crawl.axe, report(crawl.axe)


def test_internal_links_and_anchors_resolve(crawl: Crawl, site_url: str, built_site: Path) -> None:
    problems = link_problems(built_site, site_url, crawl.pages)
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
