"""No page makes a request to any host other than the site itself."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def all_pages(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path."""
    return sorted("/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def test_no_request_leaves_the_site(browser, site_url: str, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith((site_url, "data:", "blob:")) else None)
    pages = all_pages(built_site)
    assert len(pages) >= 20
    for path in pages:
        tab.goto(site_url + path, wait_until="networkidle")
    # Searching loads the index and the worker: still only our own host.
    tab.click("label.md-header__button[for='__search']")
    tab.fill(".md-search__input", "借呗")
    tab.keyboard.press("End")
    tab.wait_for_timeout(500)
    context.close()
    assert outside == []
