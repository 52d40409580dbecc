"""Cross-references between content files: ids, related pages, topics, channels, sources."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from faqgen.content.errors import INVALID, UNKNOWN_REFERENCE, ContentErrors
from faqgen.content.pipeline import load_valid_content
from helpers import VALID_FRONT, errors_for, write_page


def front_with(page_id: str, old: str, new: str) -> str:
    """The valid front matter for page_id with one piece of text replaced."""
    text = VALID_FRONT.format(id=page_id)
    assert old in text
    return text.replace(old, new)


def messages(content_dir: Path, path: Path) -> list[str]:
    """Just the messages reported for one file."""
    return [e.message for e in errors_for(content_dir, path)]


def test_duplicate_id_across_folders(content_copy: Path) -> None:
    path = write_page(content_copy, "jiebei-limit-gone", folder="guides")
    assert any("重复了" in m and "questions/jiebei-limit-gone.md" in m for m in messages(content_copy, path))


def test_unknown_topic(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", front_with("x-page", "topic: jiebei", "topic: no-such-topic"))
    topics = [t["id"] for t in yaml.safe_load((content_copy / "topics.yml").read_text(encoding="utf-8"))]
    assert len(topics) >= 7
    assert messages(content_copy, path) == [f"没有 “no-such-topic” 这个话题，可用：{'、'.join(topics)}"]


def test_unknown_related(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", front_with("x-page", "related: []", "related: [no-such-page]"))
    [err] = errors_for(content_copy, path)
    assert (err.field, err.message, err.line) == ("related[0]", "没有 id 为 “no-such-page” 的页面", 7)


def test_related_pointing_at_itself(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", front_with("x-page", "related: []", "related: [x-page]"))
    assert messages(content_copy, path) == ["相关问题不能指向本页自己"]


def test_unknown_source(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", front_with("x-page", "- law-civil-code", "- no-such-law"))
    assert "sources.yml 里没有 “no-such-law”" in messages(content_copy, path)[0]


def test_unknown_channel_reference_in_body_reports_its_line(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", body="\n## 说明\n\n请拨打 {{channel:no-such-line}}。\n")
    [err] = errors_for(content_copy, path)
    assert err.message == "channels.yml 里没有 “no-such-line”"
    assert err.line == path.read_text(encoding="utf-8").splitlines().index("请拨打 {{channel:no-such-line}}。") + 1


def test_unknown_fact_page_and_malformed_references(content_copy: Path) -> None:
    body = "\n## 说明\n\n{{fact:nope}} {{page:nope}} {{channel:police-110.colour}} {{hotline 12378}}\n"
    path = write_page(content_copy, "x-page", body=body)
    found = messages(content_copy, path)
    assert len(found) == 4
    assert "facts.yml 里没有 “nope”" in found and "没有 id 为 “nope” 的页面" in found
    assert any("没有 “colour” 这一项" in m for m in found) and any("无法识别的引用" in m for m in found)


def test_typed_hotline_number_must_be_a_reference(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", body="\n## 说明\n\n可以打 12378 投诉。\n")
    assert messages(content_copy, path) == [
        "直接写了号码 12378，请改用 {{channel:nfra-12378}} 或 {{channel:nfra-12378.number}}"
    ]


def test_typed_agency_name_must_be_a_reference(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", body="\n## 说明\n\n向国家金融监督管理总局反映。\n")
    assert messages(content_copy, path) == ["直接写了“国家金融监督管理总局”，请改用 {{fact:nfra}}"]


def test_raw_html_and_javascript_links_are_rejected(content_copy: Path) -> None:
    body = "\n## 说明\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(1))\n\n`<b>` 在代码里可以\n"
    path = write_page(content_copy, "x-page", body=body)
    found = messages(content_copy, path)
    assert len(found) == 3  # <script>, </script>, javascript: — not the code span
    assert sum("HTML 标签" in m for m in found) == 2 and sum("链接只能是" in m for m in found) == 1


def test_level_one_heading_in_body(content_copy: Path) -> None:
    path = write_page(content_copy, "x-page", body="\n# 又一个标题\n\n正文。\n")
    assert messages(content_copy, path) == ["正文里不要写一级标题（# 开头）：标题由 title 字段生成，正文从 ## 开始"]


def test_glossary_must_point_at_a_page_that_uses_the_term(content_copy: Path) -> None:
    glossary = content_copy / "glossary.yml"
    write_page(content_copy, "x-term-page", body="\n## 说明\n\n这一页讲的是别的事情。\n")
    glossary.write_text("- term: 测试专用词\n  definition: 一个测试用的定义。\n  page: x-term-page\n", encoding="utf-8")
    [message] = messages(content_copy, glossary)
    assert "x-term-page" in message and "没有出现“测试专用词”" in message
    glossary.write_text(
        "- term: 测试专用词\n  definition: 一个测试用的定义。\n  page: x-term-page\n  aliases: [别的事情]\n",
        encoding="utf-8",
    )
    assert messages(content_copy, glossary) == []


def test_glossary_must_point_at_a_page(content_copy: Path) -> None:
    glossary = content_copy / "glossary.yml"
    glossary.write_text("- term: 测试词\n  definition: 一个测试用的定义。\n  page: no-such-page\n", encoding="utf-8")
    assert messages(content_copy, glossary) == ["没有 id 为 “no-such-page” 的页面"]


def test_long_search_word_that_hides_a_shorter_one(content_copy: Path) -> None:
    search = content_copy / "search.yml"
    search.write_text("dictionary: [催收, 网贷催收, 征信异议申请书]\n", encoding="utf-8")
    found = messages(content_copy, search)
    assert "“网贷催收” 包含 “催收”：搜索 “催收” 会找不到写着 “网贷催收” 的页面" in found
    assert any("“征信异议申请书” 太长" in m for m in found)


def test_a_broken_file_hides_only_the_unknown_references_it_causes(content_copy: Path) -> None:
    """Follow-on errors are filtered by kind, not by matching message text (“没有” is in many messages)."""
    (content_copy / "questions" / "jiebei-limit-gone.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    glossary = content_copy / "glossary.yml"
    write_page(content_copy, "x-term-page", body="\n## 说明\n\n这一页讲的是别的事情。\n")
    glossary.write_text("- term: 测试专用词\n  definition: 一个测试用的定义。\n  page: x-term-page\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_valid_content(content_copy)
    errors = caught.value.errors
    assert any(e.path.name == "jiebei-limit-gone.md" for e in errors)  # the broken file itself
    # Pages that name the broken page in `related` would report it missing: noise, left out.
    assert not [e for e in errors if e.kind == UNKNOWN_REFERENCE]
    # A real problem elsewhere stays, although its message says 没有.
    [glossary_error] = [e for e in errors if e.path == glossary]
    assert glossary_error.kind == INVALID and "没有出现" in glossary_error.message


@pytest.mark.parametrize("reserved", ["channels", "lookup", "glossary", "print", "home"])
def test_a_page_may_not_take_an_id_a_generated_page_reserves(content_copy: Path, reserved: str) -> None:
    path = write_page(content_copy, reserved)
    assert any("留给生成的页面" in m for m in messages(content_copy, path))


def test_renaming_the_emergency_channel_is_a_clear_error_not_a_traceback(content_copy: Path) -> None:
    channels = content_copy / "channels.yml"
    for file in [*content_copy.rglob("*.md"), *content_copy.glob("*.yml")]:  # renamed everywhere, consistently
        file.write_text(file.read_text(encoding="utf-8").replace("police-110", "police"), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_valid_content(content_copy)
    [error] = caught.value.errors
    assert error.path == channels and "police-110" in error.message and "special_pages.py" in error.message
