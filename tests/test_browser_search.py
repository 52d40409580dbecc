"""Typing colloquial Chinese into the real search box finds the right page (headless Chromium)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(page, site_url: str, query: str) -> list[str]:
    """Search from the home page as a reader would; return result paths in order (no duplicates)."""
    page.goto(site_url + "/")
    page.click("label.md-header__button[for='__search']")  # the magnifier in the phone header
    # Wait until the index is ready (the meta line stops saying 正在初始化搜索引擎).
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('初始化')")
    # fill() commits the whole string at once, like a Chinese input method does; Material
    # reads the box on keyup, which an input method's commit also fires.
    page.fill(".md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('个')", timeout=10_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))")
    paths: list[str] = []
    for href in hrefs:
        path = href.replace(site_url, "").split("?")[0].split("#")[0]
        if path not in paths:
            paths.append(path)
    return paths


@pytest.mark.parametrize("query, expected", [
    ("借呗", "/q/jiebei-10k-unpaid-jail/"),
    ("还款日", "/q/jd-baitiao-change-due-date/"),
    ("坐牢", "/q/jiebei-10k-unpaid-jail/"),
    ("征信", "/q/credit-card-overdue-credit-report/"),
    ("催收", "/guides/debt-collection-harassment/"),
    ("微信花呗", "/q/wechat-fenfu-open/"),
    ("借呗不还会坐牢吗", "/q/jiebei-10k-unpaid-jail/"),
    ("fenfu", "/q/wechat-fenfu-open/"),
])
def test_query_finds_the_page(page, site_url: str, query: str, expected: str) -> None:
    results = search(page, site_url, query)
    assert expected in results[:3], results


def test_jiebei_does_not_return_pages_without_it(page, site_url: str, built_site) -> None:
    results = search(page, site_url, "借呗")
    assert results
    for path in results:
        html = (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        assert "借呗" in html, f"{path} matched 借呗 without containing it"


def test_short_query_finds_page_with_longer_word(page, site_url: str) -> None:
    # The guide's text says 网贷催收; 催收 must still find it (no long dictionary entry swallows it).
    assert "/guides/debt-collection-harassment/" in search(page, site_url, "催收")[:2]
