"""`make serve` is the editors' live preview: an edit in content/ shows in the open tab, a mistake is named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from faqgen.bench.serve_preview import Served, mkdocs_serve, wait_for_text, with_paragraph
from helpers import search

pytestmark = pytest.mark.browser

PAGE_ID = "jiebei-10k-unpaid-jail"


def wait_for_log(served: Served, text: str, after: int, timeout: float = 60) -> str:
    """Wait until the server's output, past its first `after` characters, contains text; return that part."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = served.log_text()[after:]
        if text in new:
            return new
        time.sleep(0.2)
    raise AssertionError(f"“{text}” not in the server output within {timeout:.0f} s:\n{served.log_text()[-2000:]}")


def found(tab: object, url: str, query: str) -> list[str]:
    """Search results, or none while the index has not caught up (the search box then says 没有找到)."""
    try:
        return search(tab, url, query)
    except PlaywrightTimeout:
        return []


def test_edits_show_in_the_open_tab_and_mistakes_are_named(content_copy: Path, browser: object, tmp_path: Path) -> None:
    source = content_copy / "questions" / f"{PAGE_ID}.md"
    original = source.read_text(encoding="utf-8")
    with mkdocs_serve(content_copy, tmp_path / "serve.log") as served:
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
        tab = context.new_page()
        tab.goto(f"{served.url}/q/{PAGE_ID}/")
        assert "预览里新写的一段" not in tab.inner_text("body")

        source.write_text(with_paragraph(original, "预览里新写的一段"), encoding="utf-8")
        wait_for_text(tab, "预览里新写的一段", 60_000)  # live reload, no manual refresh
        # Search follows: the preview's index is rebuilt in the background after each build.
        deadline = time.monotonic() + 120  # the index step runs after the reload, much slower on a busy machine
        while f"/q/{PAGE_ID}/" not in found(tab, served.url, "新写的一段") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert f"/q/{PAGE_ID}/" in search(tab, served.url, "新写的一段")
        tab.goto(f"{served.url}/q/{PAGE_ID}/")

        # A mistake: the server names the file, line and problem, and the tab keeps the last good page.
        before = len(served.log_text())
        source.write_text(original.replace("\ntitle:", '\ntitle: "', 1), encoding="utf-8")
        output = wait_for_log(served, "YAML 格式错误", before)
        assert f"{source}:" in output and "问题从第 3 行开始" in output
        assert "预览里新写的一段" in tab.inner_text("body")

        # Fixed: the preview picks up again.
        source.write_text(with_paragraph(original, "改好以后的一段"), encoding="utf-8")
        wait_for_text(tab, "改好以后的一段", 60_000)
        context.close()
