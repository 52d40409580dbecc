"""What a phone downloads and waits for, in headless Chromium: first page load, first search, query latency."""

from __future__ import annotations

import json
import math
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from faqgen.browser import PHONE, launch
from faqgen.quality.page_weight import wire_size

MAGNIFIER = "label.md-header__button[for='__search']"
INPUT = ".md-search__input"
META = ".md-search-result__meta"
SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*\.js$|/lunr/|/pagefind/")
TIMEOUT_MS = 180_000
IDLE_MS = 1000
READY_JS = """() => new Promise(resolve => {
  const meta = document.querySelector('.md-search-result__meta');
  const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
  const check = () => meta.textContent.includes('初始化') ? setTimeout(check, 5)
                                                         : resolve(Math.max(0, performance.now() - loaded));
  check();
})"""
# Times each query in the page: from the first keyup Material reads a new value on, to the first
# frame after the result meta line shows the outcome (个 … 结果 / 没有找到). The search box passes
# an `input` event on as a keyup, so a value can see two keyups; only the first one starts the clock
# (Material searches a value once, so a clock restarted by the second would wait for ever).
TIMER_JS = """() => {
  const input = document.querySelector('.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const b = window.__bench = {t0: 0, t1: 0, waiting: false, value: null};
  input.addEventListener('keyup', () => {
    if (input.value === b.value) return;
    b.value = input.value; b.t0 = performance.now(); b.t1 = 0; b.waiting = input.value !== '';
  }, true);
  new MutationObserver(() => {
    if (b.waiting && /个|没有/.test(meta.textContent)) {
      b.waiting = false;
      requestAnimationFrame(() => { b.t1 = performance.now(); });
    }
  }).observe(meta, {childList: true, characterData: true, subtree: true});
}"""


@dataclass
class BrowserResult:
    """One site's browser figures (bytes are gzip level 6, as a server would send them)."""

    first_load: int = 0
    first_load_requests: int = 0
    first_search: int = 0
    index_on_load: bool = False  # the search files are fetched by every visit, searching or not
    ready_ms: float = 0.0
    later_table: int = 0  # the result table the box fetches after the first results (not in first_search)
    latencies_ms: list[float] = field(default_factory=list)
    largest: list[tuple[str, int]] = field(default_factory=list)  # (path, gzip bytes) of the biggest downloads

    @property
    def latency_median(self) -> float:
        """Median query latency in ms."""
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def latency_p95(self) -> float:
        """95th percentile (nearest rank) query latency in ms."""
        ordered = sorted(self.latencies_ms)
        return ordered[math.ceil(0.95 * len(ordered)) - 1] if ordered else 0.0


def later_table_path(site: Path) -> str | None:
    """The URL path of the result table a built site's search box fetches after the first results, if it has one."""
    data = site / "assets" / "search-data.json"
    if not data.is_file():
        return None
    later = json.loads(data.read_text(encoding="utf-8")).get("pagefind", {}).get("later")
    return f"/pagefind/{later}" if later else None


def _site_path(response: Any, origin: tuple[str, str]) -> str | None:
    """The URL path of a response from origin (scheme, host), or None for one from another host."""
    parts = urlsplit(response.url)
    return parts.path if parts[:2] == origin else None


def _sent(response: Any) -> int:
    """Wire size of one same-origin 200 response."""
    return wire_size(response.body(), response.headers.get("content-type", ""))


def _open_search(page: Any) -> None:
    """Open the search box as a phone reader does."""
    page.click(MAGNIFIER)


def _search(page: Any, query: str) -> float:
    """Type a query (committed at once, like an input method) and return the keyup-to-results time in ms."""
    page.fill(INPUT, "")
    page.keyboard.press("End")
    page.wait_for_function(f"document.querySelector('{META}').textContent.includes('键入')")
    page.fill(INPUT, query)
    page.keyboard.press("End")
    page.wait_for_function("window.__bench.t1 > 0", timeout=TIMEOUT_MS)
    return page.evaluate("window.__bench.t1 - window.__bench.t0")


def ready_after_load(browser: Any, url: str) -> float:
    """Open the page, reach for search as soon as it has loaded; ms from the load event to search ready."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        _open_search(page)
        return page.evaluate(READY_JS)
    finally:
        context.close()


def downloads_and_latency(browser: Any, url: str, queries: list[str], later: str | None = None) -> BrowserResult:
    """First load of url (empty cache), then the first search, then each query's latency.

    later: the URL path of the result table fetched after the first results (later_table_path());
    its bytes are reported apart from the first search's, whenever its response comes.
    """
    origin = urlsplit(url)[:2]
    context = browser.new_context(**PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    phase, seen, early = ["load"], [], []
    context.on("response", lambda r: seen.append((phase[0], r)))  # context-wide: worker requests count too
    context.on(
        "request",
        lambda r: early.append(r.url) if phase[0] == "load" and SEARCH_FILES.search(urlsplit(r.url).path) else None,
    )
    result = BrowserResult()
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(IDLE_MS)  # a late index request still counts as part of the visit
        phase[0] = "search"
        _open_search(page)
        page.wait_for_function(f"!document.querySelector('{META}').textContent.includes('初始化')")
        page.evaluate(TIMER_JS)
        result.latencies_ms.append(_search(page, queries[0]))
        phase[0] = "after"
        # One entry per file: the search box starts some files itself so that Pagefind's worker then
        # reads them from the browser's cache, and both requests fire a response event.
        downloaded: dict[str, tuple[str, str, int]] = {}
        for p, r in list(seen):
            path = _site_path(r, origin)
            if path is not None and r.status == 200 and p != "after" and r.url not in downloaded and path != later:
                downloaded[r.url] = (p, path, _sent(r))
        sizes = list(downloaded.values())
        search = [s for p, path, s in sizes if p == "search" or SEARCH_FILES.search(path)]
        page_only = [s for p, path, s in sizes if p == "load" and not SEARCH_FILES.search(path)]
        result.index_on_load = bool(early)
        result.first_search = sum(search)
        result.first_load = sum(page_only) + (result.first_search if early else 0)
        result.first_load_requests = len(page_only) + (len(search) if early else 0)
        result.largest = sorted(((path, s) for _p, path, s in sizes), key=lambda x: -x[1])[:5]
        for query in queries[1:]:
            result.latencies_ms.append(_search(page, query))
        if later:  # fetched after the first results; with few queries it may still be on its way
            page.wait_for_function("window.__searchTable")
            tables = [r for _p, r in seen if _site_path(r, origin) == later]
            result.later_table = _sent(tables[0]) if tables and tables[0].status == 200 else 0
    finally:
        context.close()
    return result


def measure(base_url: str, page_path: str, queries: list[str], later: str | None = None) -> BrowserResult:
    """All browser figures for one site: one context for readiness, a fresh one for bytes and latency."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            ready = ready_after_load(browser, base_url + page_path)
            result = downloads_and_latency(browser, base_url + page_path, queries, later)
            result.ready_ms = ready
        finally:
            browser.close()
    return result
