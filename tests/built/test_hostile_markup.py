"""Issue 15: attribute lists and reference definitions cannot publish script.

Each case of the issue is rejected by `faqgen check` at its source line, and the HTML guard that
runs on every built page refuses the HTML those cases used to produce, whatever the Markdown.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from faqgen.content.text_rules import BRACE_MESSAGE
from faqgen.content.validate import ATTRIBUTE_LIST_MESSAGE
from faqgen.paths import PROJECT_ROOT
from faqgen.plugin import FaqgenPlugin
from faqgen.render.escape import escape_text
from faqgen.render.html_guard import html_problems
from helpers import VALID_FRONT, errors_for, write_page

LINK_MESSAGE = "链接只能是 http(s)、tel:、mailto: 或站内页面"

BODY_CASES = [
    ('[点我领取减免](https://example.org){: onclick="alert(1)" }', ATTRIBUTE_LIST_MESSAGE),
    ("## 标题 {: onclick=alert(1) }", ATTRIBUTE_LIST_MESSAGE),
    ("一段话\n{: onmouseover=alert(1) }", ATTRIBUTE_LIST_MESSAGE),
    ("[点我][x]\n\n> [x]: javascript:alert(1)", LINK_MESSAGE),
    ("[点我][x]\n\n- [x]: javascript:alert(1)", LINK_MESSAGE),
    ("[点我][x]\n\n> - > [x]: JavaScript:alert(1)", LINK_MESSAGE),
    ("[点我][x]\n\n1. [x]: <data:text/html,x>", LINK_MESSAGE),
]


@pytest.mark.parametrize("snippet, message", BODY_CASES)
def test_body_attribute_list_or_hidden_definition_fails_check_at_its_line(
    content_copy: Path, snippet: str, message: str
) -> None:
    body = f"\n## 说明\n\n正文。\n\n{snippet}\n"
    path = write_page(content_copy, "hostile-markup", body=body)
    errors = [e for e in errors_for(content_copy, path) if e.message.startswith(message)]
    assert errors, [e.message for e in errors_for(content_copy, path)]
    front_lines = VALID_FRONT.count("\n")
    bad_line = front_lines + body.split("\n").index(next(x for x in body.split("\n") if "{" in x or "]:" in x)) + 1
    assert {e.line for e in errors} == {bad_line}
    assert errors[0].field == "正文"


@pytest.mark.parametrize(
    "key, value",
    [
        ("title", "'测试问题怎么办 {: onclick=alert(1) }'"),
        ("short_answer", "'这是一个用于测试的简短回答，长度足够。{: onmouseover=alert(1) }'"),
        ("keywords", "['测试 {: onclick=alert(1) }']"),
    ],
)
def test_front_matter_attribute_list_fails_check(content_copy: Path, key: str, value: str) -> None:
    lines = VALID_FRONT.format(id="hostile-front").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    lines[index] = f"{key}: {value}"
    path = write_page(content_copy, "hostile-front", front="\n".join(lines))
    errors = [e for e in errors_for(content_copy, path) if e.message == BRACE_MESSAGE]
    assert [(e.line, e.field.split(".")[0]) for e in errors] == [(index + 1, key)], errors


def test_routing_evidence_attribute_list_fails_check(content_copy: Path) -> None:
    routing = content_copy / "routing.yml"
    text = routing.read_text(encoding="utf-8")
    routing.write_text(text.replace("      - 通话录音、短信截图\n", "      - '通话录音 {: onclick=alert(1) }'\n", 1))
    line = text.split("\n").index("      - 通话录音、短信截图") + 1
    errors = [e for e in errors_for(content_copy, routing) if e.message == BRACE_MESSAGE]
    assert [e.line for e in errors] == [line], errors
    assert errors[0].field.endswith("evidence.1")


def test_data_text_cannot_form_an_attribute_list() -> None:
    escaped = escape_text('标题 {: onclick="alert(1)" } 和 {{channel:police-110}}')
    assert "{:" not in escaped and "&#123;: onclick" in escaped
    assert "{{channel:police-110}}" in escaped  # references are expanded later


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions and settings (mkdocs.yml)."""
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@pytest.mark.parametrize(
    "source",
    [
        '[点我领取减免](https://example.org){: onclick="alert(1)" }',
        "## 标题 {: onclick=alert(1) }",
        "简短回答\n{: onmouseover=alert(1) }",
        "| a |\n|---|\n| 证据 {: onclick=alert(1) } |",
        "[点我][x]\n\n> [x]: javascript:alert(1)",
        "[点我][x]\n\n- [x]: javascript:alert(1)",
        '[点我](https://example.org){: href="java&#9;script:x" }',
        "[点我](https://example.org){: href='vbscript:x' }",
        "![图](https://example.org/a.png){: src='data:text/html,x' }",
        "<iframe srcdoc='x'></iframe>",
        "<script>alert(1)</script>",
        '<a href="&#106;avascript:alert(1)">x</a>',
    ],
)
def test_guard_refuses_what_the_markdown_makes(source: str) -> None:
    html = _site_markdown().convert(source)
    assert html_problems(html), html


def test_guard_accepts_the_sites_own_markup() -> None:
    html = _site_markdown().convert(
        "## 标题 {#urgent}\n\n[链接](https://example.org) [电话](tel:12345) [站内](../q/x/) ![图](a.png)"
    )
    assert html_problems(html) == []
    assert html_problems("<script>var a = 1;</script>", content=False) == []


class _File:
    src_uri = "q/jiebei-x.md"


class _Page:
    file = _File()


def test_plugin_fails_the_build_naming_the_content_file() -> None:
    plugin = FaqgenPlugin()
    plugin.sources = {"q/jiebei-x.md": Path("content/questions/jiebei-x.md")}
    with pytest.raises(PluginError) as raised:
        plugin.on_page_content('<p onclick="alert(1)">x</p>', page=_Page(), config=None, files=None)
    assert "content/questions/jiebei-x.md" in str(raised.value)
    assert "onclick" in str(raised.value)
    with pytest.raises(PluginError):
        plugin.on_post_page('<html><a href="javascript:x">x</a></html>', page=_Page(), config=None)


@pytest.mark.parametrize("image", ["![图](https://example.org/a.png)", "![图](//example.org/a.png)"])
def test_remote_image_fails_check_not_the_offline_step(content_copy: Path, image: str) -> None:
    path = write_page(content_copy, "remote-image", body=f"\n## 说明\n\n{image}\n")
    errors = [e for e in errors_for(content_copy, path) if e.message.startswith("图片不能来自其他网站")]
    assert [e.line for e in errors] == [VALID_FRONT.count("\n") + 4]


@pytest.mark.parametrize("link", ["[看这里](nope.md)", "[看这里](../channels/)", "[看这里](./no-such-page.md#x)"])
def test_broken_relative_link_fails_check_at_its_line(content_copy: Path, link: str) -> None:
    path = write_page(content_copy, "relative-link", body=f"\n## 说明\n\n{link}\n")
    errors = [e for e in errors_for(content_copy, path) if "找不到对应的页面" in e.message]
    assert [e.line for e in errors] == [VALID_FRONT.count("\n") + 4], errors_for(content_copy, path)


def test_working_relative_links_pass(content_copy: Path) -> None:
    body = "\n## 说明\n\n[渠道](../channels.md#police-110) [借呗](jiebei-close.md) [网址](https://example.org/a.md)\n"
    path = write_page(content_copy, "relative-ok", body=body)
    assert not [e for e in errors_for(content_copy, path) if "找不到对应的页面" in e.message]
