"""The first search on a slow network: what starts when the reader reaches for search, and what waits for what.

search-on-demand.js starts Pagefind's worker, pagefind.js and search-data.json at once; from
search-data.json it starts the index metadata, the WebAssembly, the query's index chunks and (on
a small site) the result texts, which Pagefind's worker then finds in the browser's cache
(scripts/faqgen/search/bundle.py). The timings are `make search-speed`'s; these tests check the order.
"""

from __future__ import annotations

import html as html_module
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from faqgen.bench.browser import downloads_and_latency, later_table_path
from faqgen.bench.first_search import MAGNIFIER, PAGE, Fetch, longest_chain, one_run, short
from faqgen.browser import PHONE
from faqgen.quality.page_weight import wire_size
from faqgen.search.bundle import RESULTS_FILE
from faqgen.search.pagefind import BUNDLE_DIR, build_search_index, collect_records
from faqgen.static_server import serve

pytestmark = pytest.mark.browser

QUERY = "借呗逾期"
ROUND_TRIP_MS = 400
LATENCY_ONLY = {"offline": False, "latency": ROUND_TRIP_MS, "downloadThroughput": -1, "uploadThroughput": -1}
CHUNK = re.compile(r"/index/[^/]+\.pf_index$")


@pytest.fixture(scope="module")
def logged_site(built_site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """The built site served with a log of every file the server sends."""
    served: list[tuple[str, int]] = []
    server, url = serve(built_site, headers=False, served=served)
    yield url, served
    server.shutdown()


def chunk_counts(fetches: list[Fetch]) -> tuple[Counter[str], Counter[str]]:
    """How often the browser asked for each index chunk, and how often the server sent it."""
    asked = Counter(f.path for f in fetches if CHUNK.search(f.path))
    sent = Counter(f.path for f in fetches if CHUNK.search(f.path) and f.network)
    return asked, sent


def test_search_files_start_together_when_the_magnifier_is_tapped(browser, logged_site) -> None:
    url, served = logged_site
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        asked: list[str] = []
        context.on("request", lambda r: asked.append(r.url))  # context-wide: the worker's requests too
        page.goto(url + PAGE, wait_until="networkidle")
        assert not [u for u in asked if "/pagefind/" in u or "search-data" in u]  # nothing before the reader asks
        mark = len(served)
        page.click(MAGNIFIER)
        page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('初始化')")
        after = [re.sub(r"\?.*", "", u.removeprefix(url)) for u in asked]
        names = [short(u) for u in after]
        entry = after.index("/pagefind/pagefind-entry.json")
        # Started by the page before Pagefind's worker has even read its entry (which names them).
        for wanted in ("pagefind/pagefind.js", "pagefind/pagefind-worker.js", "assets/search-data.json"):
            assert wanted in names[:entry], names
        assert any(n.endswith(".pf_meta") for n in names[:entry]) and any(
            n.endswith(".pagefind") for n in names[:entry]
        )
        assert not [n for n in names if "parts.json" in n or "/index/" in n or "/fragment/" in n], names  # no query yet
        sent = Counter(path for path, _ in served[mark:])
        assert all(count == 1 for count in sent.values()), sent  # the worker's requests came from the cache
    finally:
        context.close()


def test_first_search_waits_for_two_round_trips(browser, logged_site) -> None:
    url, served = logged_site
    # Long round trips and no bandwidth limit: a request that waited for another starts a round trip later.
    run = one_run(browser, url, QUERY, served, conditions=LATENCY_ONLY)  # the query pasted right after the tap
    # Every download started at the tap or after one round trip (search-data.json, pagefind.js, the worker):
    # counted as requests that waited for each other, not by the clock, which a busy machine slows.
    chain = [f"{short(f.path)} {f.start:.0f}–{f.end:.0f} ms" for f in longest_chain(run.network)]
    assert len(chain) <= 2, chain
    asked, sent = chunk_counts(run.fetches)
    assert asked and all(n == 1 for n in sent.values()), sent
    # Every chunk was started by the page and asked for again by Pagefind: the page guessed exactly the ones it needed.
    assert all(n == 2 for n in asked.values()), asked
    network = [short(f.path) for f in run.network]
    assert f"pagefind/{RESULTS_FILE}" in network  # a small site's result texts, in one file
    assert not [n for n in network if "/fragment/" in n or "parts.json" in n], network


def test_first_result_shows_title_and_short_answer(page, site_url: str, built_site: Path) -> None:
    page.goto(site_url + PAGE)
    page.click(MAGNIFIER)
    page.fill(".md-search__input", QUERY)
    page.wait_for_function("window.__searchAnswered && window.__searchAnswered.query === '借呗逾期'")
    first = page.locator(".md-search-result__item").first
    path = first.locator("a").first.evaluate("a => new URL(a.href).pathname")
    html = (built_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    title = first.locator("h1").inner_text().strip()
    assert title and title in html
    description = html_module.unescape(re.search(r'<meta name="description" content="([^"]*)"', html).group(1))
    assert description[:20] in first.locator("article").inner_text()  # the short answer under the title


@pytest.fixture(scope="module")
def parted_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with its index built in three parts, as a site of 10,000+ pages has it."""
    site = tmp_path_factory.mktemp("parted") / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    shutil.rmtree(site / BUNDLE_DIR)
    assert build_search_index(site, shard_pages=-(-len(collect_records(site)) // 3))
    return site


def test_a_large_sites_chunks_start_early_in_every_part(browser, parted_site: Path) -> None:
    listed = json.loads((parted_site / "assets" / "search-data.json").read_text(encoding="utf-8"))["pagefind"]
    assert set(listed["chunks"]) == {"", "part-2/", "part-3/"} and all(listed["chunks"].values())
    assert "results" not in listed and listed["later"] == RESULTS_FILE  # the first search fetches result entries
    served: list[tuple[str, int]] = []
    server, url = serve(parted_site, headers=False, served=served)
    try:
        run = one_run(browser, url, QUERY, served)
    finally:
        server.shutdown()
    asked, sent = chunk_counts(run.fetches)
    assert {path.split("/")[2] for path in asked} >= {"index", "part-2", "part-3"}, asked
    assert all(n == 2 for n in asked.values()) and all(n == 1 for n in sent.values()), (asked, sent)
    assert any("/fragment/" in f.path for f in run.network)


def test_a_larger_site_fetches_its_result_table_after_the_first_results(browser, parted_site: Path) -> None:
    """The first query shows results from Pagefind's entries; the table comes after, and later queries need no entries."""
    served: list[tuple[str, int]] = []
    server, url = serve(parted_site, headers=False, served=served)
    context = browser.new_context(**PHONE)
    answered = "q => window.__searchAnswered && window.__searchAnswered.query === q"
    try:
        page = context.new_page()
        page.goto(url + PAGE)
        page.click(MAGNIFIER)
        page.keyboard.press("End")  # an empty box is asked for too (Material's first query): no results, no table
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('键入')")
        page.wait_for_function(answered, arg="")
        page.wait_for_timeout(300)
        assert f"/{BUNDLE_DIR}/{RESULTS_FILE}" not in [path for path, _sent in served]
        page.fill(".md-search__input", QUERY)
        page.wait_for_function(answered, arg=QUERY)
        page.wait_for_function("window.__searchTable")
        paths = [path for path, _sent in served]
        table = paths.index(f"/{BUNDLE_DIR}/{RESULTS_FILE}")
        entries = [i for i, path in enumerate(paths) if "/fragment/" in path]
        assert len(entries) >= 5 and max(entries) < table, paths  # the first results did not wait for the table
        mark = len(served)
        page.fill(".md-search__input", "律师函")
        page.wait_for_function(answered, arg="律师函")
        after = [path for path, _sent in served[mark:]]
        assert all("/index/" in path for path in after), after  # index chunks only: no result entries
        links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")
        guide = [unquote(link) for link in links if "/guides/debt-collection-harassment/" in link]
        assert any(link.endswith("#小心这些骗局") for link in guide), guide  # sections come from the table too
        first = page.locator(".md-search-result__item").first
        path = first.locator("a").first.evaluate("a => new URL(a.href).pathname")
        html = (parted_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        description = html_module.unescape(re.search(r'<meta name="description" content="([^"]*)"', html).group(1))
        assert first.locator("h1").inner_text().strip() in html
        assert description[:20] in first.locator("article").inner_text()  # title and short answer from the table
    finally:
        context.close()
        server.shutdown()


def test_the_bench_counts_the_result_table_apart_from_the_first_search(browser, parted_site: Path) -> None:
    later = later_table_path(parted_site)
    assert later == f"/{BUNDLE_DIR}/{RESULTS_FILE}"
    served: list[tuple[str, int]] = []
    server, url = serve(parted_site, headers=False, served=served)
    try:
        measured = downloads_and_latency(browser, url + PAGE, [QUERY, "律师函"], later)
    finally:
        server.shutdown()
    table = (parted_site / later.lstrip("/")).read_bytes()
    assert measured.later_table == wire_size(table, "application/json")
    assert not [path for path, _sent in measured.largest if path == later]  # not in the first search's files
    assert len(measured.latencies_ms) == 2


def test_an_older_search_data_file_still_finds_every_part(page, parted_site: Path, tmp_path: Path) -> None:
    """search-data.json written before the index (mkdocs serve while it indexes): the box reads parts.json."""
    site = tmp_path / "site"
    shutil.copytree(parted_site, site)
    data = site / "assets" / "search-data.json"
    data.write_text(json.dumps({k: v for k, v in json.loads(data.read_text("utf-8")).items() if k != "pagefind"}))
    served: list[tuple[str, int]] = []
    server, url = serve(site, headers=False, served=served)
    try:
        page.goto(url + PAGE)
        page.click(MAGNIFIER)
        page.fill(".md-search__input", "白条")
        page.wait_for_function("window.__searchAnswered && window.__searchAnswered.query === '白条'")
        paths = [path for path, _ in served]
        assert "/pagefind/parts.json" in paths
        assert any(p.startswith("/pagefind/part-2/") for p in paths) and any(
            p.startswith("/pagefind/part-3/") for p in paths
        )
        assert page.locator(".md-search-result__item").count() > 0
    finally:
        server.shutdown()
