"""Hostile content: validation rejects script links and raw HTML; what it accepts shows as text.

The accepted set is built with the project's own pipeline from a copy of content/ and opened in
headless Chromium without the CSP, so escaping alone must keep every payload inert: no dialog
ever opens, no element carries an on… handler, no link runs code, and the text shows literally.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from faqgen.build.post_steps import SEARCH
from faqgen.build.safe_build import build
from faqgen.content.loader import load_content
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT
from faqgen.static_server import serve
from helpers import errors_for, write_page
from site_crawl import site_pages

HTML_MESSAGE = "正文里不能写 HTML 标签"
LINK_MESSAGE = "链接只能是 http(s)、tel:、mailto: 或站内页面"
URL_MESSAGE = "网址必须以 http:// 或 https:// 开头"
TITLE = "<script>alert(1)</script>](javascript:alert(2))"
HOSTILE_PAGE = f"""---
id: hostile-test
title: '{TITLE}'
topic: huabei
short_answer: '"><img src=x onerror=alert(3)> 这段简短回答想跳出 HTML 属性。'
keywords: ['[k](javascript:alert(4))', '<svg onload=alert(5)>']
related: [huabei-no-limit]
sources:
  - hostile-source
  - law-civil-code
reviewed: 2026-01-05
---

## 说明

正文只能用 Markdown。这里引用的事实想藏一个标签：{{{{fact:hostile}}}}，还有 {{{{source:hostile-source}}}}。
"""
HOSTILE_SOURCE = """
- id: hostile-source
  title: '《民法典》](javascript:alert(6)) <img src=x onerror=alert(7)>'
  publisher: '<script>alert(8)</script>'
  url: 'https://flk.npc.gov.cn/)[y](javascript:alert(9)'
  kind: official
"""


@pytest.mark.parametrize(
    "body, message",
    [
        ("<script>alert(1)</script>", HTML_MESSAGE),
        ('<img src="x" onerror="alert(1)">', HTML_MESSAGE),
        ("<javascript:alert(1)>", HTML_MESSAGE),
        ("[点我](javascript:alert(1))", LINK_MESSAGE),
        ("[点我]( JavaScript:alert(1))", LINK_MESSAGE),
        ("![图](javascript:alert(1))", LINK_MESSAGE),
        ("[点我](data:text/html,<b>x</b>)", LINK_MESSAGE),
        ("[点我][x]\n\n[x]: javascript:alert(1)", LINK_MESSAGE),
    ],
)
def test_body_with_html_or_script_link_is_rejected(content_copy: Path, body: str, message: str) -> None:
    path = write_page(content_copy, "hostile-body", body=f"\n## 说明\n\n{body}\n")
    messages = [e.message for e in errors_for(content_copy, path)]
    assert any(m.startswith(message) for m in messages), messages


@pytest.mark.parametrize(
    "field, line",
    [
        ("sources.yml", "  url: javascript:alert(1)"),
        ("sources.yml", "  url: 'data:text/html,<script>alert(1)</script>'"),
        ("channels.yml", "  website: javascript:alert(1)"),
    ],
)
def test_script_url_in_data_is_rejected(content_copy: Path, field: str, line: str) -> None:
    path = content_copy / field
    text = path.read_text(encoding="utf-8")
    key = line.split(":")[0]
    first = re.search(rf"^{key}: .*$", text, re.M)
    if first:  # replace the first entry's value
        text = text[: first.start()] + line + text[first.end() :]
    else:  # the first entry has no such field: add one
        text = re.sub(r"^(- id: .*)$", lambda m: m.group(1) + "\n" + line, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    _content, errors = load_content(content_copy)
    assert any(e.path == path and e.message.startswith(URL_MESSAGE) for e in errors), [e.message for e in errors]


def hostile_content(content: Path) -> Path:
    """Turn a copy of content/ into the accepted hostile set: payloads in every plain-text field kind."""
    (content / "questions" / "hostile-test.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    with (content / "sources.yml").open("a", encoding="utf-8") as f:
        f.write(HOSTILE_SOURCE)
    with (content / "facts.yml").open("a", encoding="utf-8") as f:
        f.write("\nhostile: '<img src=x onerror=alert(10)>恶意事实'\n")
    topics = content / "topics.yml"
    topics.write_text(
        topics.read_text(encoding="utf-8").replace(
            "  name: 花呗\n", "  name: '<b onmouseover=alert(11)>花呗</b>'\n", 1
        ),
        encoding="utf-8",
    )
    channels = content / "channels.yml"
    channels.write_text(
        channels.read_text(encoding="utf-8").replace(
            "  handles:\n", "  handles:\n    - '<img src=x onerror=alert(12)>[x](javascript:alert(13))'\n", 1
        ),
        encoding="utf-8",
    )
    return content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The hostile set built by the real pipeline and served without the CSP: (site folder, address)."""
    root = tmp_path_factory.mktemp("hostile")
    content = hostile_content(Path(shutil.copytree(CONTENT_DIR, root / "content")))
    site = root / "site"
    assert build(site, PROJECT_ROOT / "mkdocs.yml", content, post_steps=[SEARCH]) == 0  # search is checked too
    server, url = serve(site, headers=False)
    yield site, url
    server.shutdown()


def test_accepted_payloads_are_escaped_in_the_html(hostile_site: tuple[Path, str]) -> None:
    site, _url = hostile_site
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site)
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*(?:javascript|data):""", html, re.I), where
        assert not re.search(r"<(?:img|svg|b)\s[^>]*\bon\w+\s*=", html, re.I), where
        assert "<script>alert" not in html, where


@pytest.mark.browser
def test_nothing_executes_and_the_text_shows_literally(hostile_site: tuple[Path, str], browser) -> None:
    site, url = hostile_site
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(f"{tab.url}: {d.message}"), d.dismiss()))
    handlers: list[str] = []
    for path in site_pages(site):
        tab.goto(url + path, wait_until="load")
        found = tab.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
            .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)).map(a => e.tagName + ' ' + a.name))""")
        handlers += [f"{path}: {f}" for f in found]
    tab.goto(url + "/q/hostile-test/")
    assert tab.locator("article.md-content__inner h1").evaluate("e => e.firstChild.textContent.trim()") == TITLE
    assert TITLE in tab.title()
    assert tab.locator("meta[name=description]").get_attribute("content").startswith('"><img src=x')
    assert "<img src=x onerror=alert(10)>恶意事实" in tab.locator("article").inner_text()
    tab.goto(url + "/topics/huabei/")
    assert tab.locator("article h1").first.inner_text().startswith("<b onmouseover=alert(11)>花呗</b>")
    tab.locator("article a", has_text="<script>alert(1)</script>").first.hover()
    # Search shows the title as text too, and opening the hit (with ?h= highlighting) runs nothing.
    tab.click("label.md-header__button[for='__search']")
    tab.fill(".md-search__input", "跳出")  # a word of the hostile short answer
    tab.keyboard.press("End")
    tab.locator(".md-search-result__meta").filter(has_text="个").wait_for()
    hit = tab.locator(".md-search-result__item", has_text="<script>alert(1)</script>").first
    hit.wait_for()
    hit.locator("a").first.click()
    tab.wait_for_url("**/q/hostile-test/**")
    tab.wait_for_timeout(500)
    context.close()
    assert not handlers, handlers
    assert not dialogs, dialogs
