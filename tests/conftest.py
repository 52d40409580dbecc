"""Shared fixtures: a scratch copy of content/, a built site, a local server and headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with the project's own build command."""
    site = tmp_path_factory.mktemp("built") / "site"
    # Without the PDF step: tests that do not print need no Chromium (the fixture pdf_site adds it).
    assert build(site, PROJECT_ROOT / "mkdocs.yml", post_steps=["search", "offline"]) == 0
    return site


@pytest.fixture(scope="session")
def pdf_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site with the whole-guide PDF printed into it, as `make build` does with Chromium.

    In a child process: Playwright's sync API cannot start a second time inside a test session that
    already drives the browser fixture.
    """
    site = tmp_path_factory.mktemp("with-pdf") / "site"
    shutil.copytree(built_site, site)
    done = subprocess.run(
        [sys.executable, "-m", "faqgen.build.pdf", "--require-chromium", str(site)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return site


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
def crawl(built_site: Path, browser: object) -> object:
    """The one crawl of the built site under the deploy headers: every per-page check reads it (site_crawl.py)."""
    from site_crawl import crawl_site

    return crawl_site(browser, built_site)


LAYERS = (
    "unit",
    "built",
    "browser",
)  # tests/<layer>/: no build, the built site, headless Chromium ("build" is a folder pytest skips)
BROWSER_FIXTURES = {"browser", "page", "crawl", "pdf_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its folder's layer, and `browser` wherever it drives Chromium (in any folder)."""
    for item in items:
        layer = next((part for part in item.path.parts if part in LAYERS), None)
        if layer:
            item.add_marker(getattr(pytest.mark, layer))
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
