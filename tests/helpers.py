"""Small helpers for tests: writing content files, searching the built site like a reader."""

from __future__ import annotations

from pathlib import Path

from faqgen.content.errors import ContentError
from faqgen.content.loader import load_content
from faqgen.content.validate import validate
from faqgen.paths import PROJECT_ROOT

VALID_FRONT = """---
id: {id}
title: 测试问题怎么办
topic: jiebei
short_answer: 这是一个用于测试的简短回答，长度足够。
keywords: [测试]
related: []
sources:
  - law-civil-code
reviewed: 2026-01-05
---
"""
VALID_BODY = "\n## 说明\n\n正文内容。\n"


def write_page(
    content_dir: Path, page_id: str, front: str | None = None, body: str = VALID_BODY, folder: str = "questions"
) -> Path:
    """Write a question file (valid unless the caller passes a broken front matter or body)."""
    path = content_dir / folder / f"{page_id}.md"
    path.write_text((front if front is not None else VALID_FRONT.format(id=page_id)) + body, encoding="utf-8")
    return path


def all_errors(content_dir: Path) -> list[ContentError]:
    """Schema errors plus cross-reference errors, as the build would report them."""
    content, errors = load_content(content_dir)
    return errors or validate(content, content_dir)


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace old with new in a content file; fails when old is not there (the test would check nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def errors_for(content_dir: Path, path: Path) -> list[ContentError]:
    """Errors that point at one file."""
    return [e for e in all_errors(content_dir) if e.path == path]


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
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('个')", timeout=10_000
    )
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))")
    paths: list[str] = []
    for href in hrefs:
        path = href.replace(site_url, "").split("?")[0].split("#")[0]
        if path not in paths:
            paths.append(path)
    return paths


def project_path(*parts: str) -> Path:
    """A path inside the repository."""
    return PROJECT_ROOT.joinpath(*parts)
