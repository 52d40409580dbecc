"""Shared fixtures: a scratch copy of content/, a built site, a local server and headless Chromium."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock

from faqgen.browser import PHONE, launch
from faqgen.build.safe_build import build
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT
from faqgen.static_server import serve


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the real content/ that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


T = TypeVar("T")


def shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T]) -> T:
    """make(folder) once per test run, whichever pytest-xdist worker asks first; the others read its result.

    `make test` runs the suite on every core (pytest-xdist), and each worker has its own session
    fixtures: without this, each would build the site and crawl it again. The result is pickled
    beside the folder; a run without workers simply calls make.
    """
    worker_root = tmp_path_factory.getbasetemp()
    root = worker_root.parent if worker_root.name.startswith("popen-gw") else worker_root
    folder, saved = root / f"shared-{name}", root / f"shared-{name}.pickle"
    with FileLock(str(root / f"shared-{name}.lock")):
        if saved.is_file():
            return pickle.loads(saved.read_bytes())
        shutil.rmtree(folder, ignore_errors=True)  # a worker that failed half-way leaves no half result
        folder.mkdir()
        result = make(folder)
        saved.write_bytes(pickle.dumps(result))
        return result


def _build_site(folder: Path) -> Path:
    """The real site built into folder/site with the project's own build command, without the PDF."""
    site = folder / "site"
    # Without the PDF step: tests that do not print need no Chromium (the fixture pdf_site adds it).
    assert build(site, PROJECT_ROOT / "mkdocs.yml", post_steps=["search", "offline"]) == 0
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run (for all workers) with the project's own build command."""
    return shared(tmp_path_factory, "built", _build_site)


@pytest.fixture(scope="session")
def pdf_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site with the whole-guide PDF printed into it, as `make build` does with Chromium.

    In a child process: Playwright's sync API cannot start a second time inside a test session that
    already drives the browser fixture.
    """

    def print_pdf(folder: Path) -> Path:
        site = folder / "site"
        shutil.copytree(built_site, site)
        done = subprocess.run(
            [sys.executable, "-m", "faqgen.build.pdf", "--require-chromium", str(site)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return site

    return shared(tmp_path_factory, "with-pdf", print_pdf)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1."""
    server, url = serve(built_site, headers=False)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch(pw)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh phone-sized page; fails the test on any request that leaves 127.0.0.1."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    outside: list[str] = []
    tab.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None,
    )
    yield tab
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"


@pytest.fixture(scope="session")
def crawl(built_site: Path, browser: object, tmp_path_factory: pytest.TempPathFactory) -> object:
    """The one crawl of the built site under the deploy headers: every per-page check reads it (site_crawl.py)."""
    from site_crawl import crawl_site

    return shared(tmp_path_factory, "crawl", lambda _folder: crawl_site(browser, built_site))


LAYERS = (
    "unit",
    "built",
    "browser",
)  # tests/<layer>/: no build, the built site, headless Chromium ("build" is a folder pytest skips)
BROWSER_FIXTURES = {"browser", "page", "crawl", "pdf_site"}


# `make test` runs on every core (pytest-xdist, --dist loadgroup). Each test file is one unit of
# work, so a module's fixtures are set up once; the tests that read the crawl form one unit, so one
# worker crawls while the others work. Files that take longest start first, so no worker is left
# with one of them at the end (measured with --durations: the crawl ~120 s, bench smoke ~60 s, ...).
SLOWEST_FIRST = (
    "crawl",
    "test_bench_smoke",
    "test_search_eval",
    "test_serve_preview",
    "test_quality_hostile",
    "test_offline_copy",
)


def _unit(item: pytest.Item) -> str:
    """The unit of parallel work an item belongs to: the crawl's readers together, else its file."""
    return "crawl" if "crawl" in getattr(item, "fixturenames", ()) else item.path.stem


def _start_order(item: pytest.Item) -> int:
    """Where an item's unit stands in SLOWEST_FIRST; the others after."""
    unit = _unit(item)
    return SLOWEST_FIRST.index(unit) if unit in SLOWEST_FIRST else len(SLOWEST_FIRST)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its layer (folder), `browser` where it drives Chromium, and its unit of parallel work."""
    for item in items:
        layer = next((part for part in item.path.parts if part in LAYERS), None)
        if layer:
            item.add_marker(getattr(pytest.mark, layer))
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.xdist_group(_unit(item)))
    items.sort(key=_start_order)  # stable: the order within a file stays as written
