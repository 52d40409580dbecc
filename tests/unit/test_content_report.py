"""`make check` reminders: stale reviews, no official source, unused channels and sources, no keywords, 【待填写】."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from faqgen.__main__ import main
from faqgen.content.loader import load_content
from faqgen.content.pipeline import load_valid_content
from faqgen.editor.check_report import (
    CATEGORIES,
    content_report,
    format_report,
    linked_channels,
    referenced_ids,
    review_due_before,
)
from faqgen.render.pages import render_site
from helpers import VALID_FRONT, write_page

TODAY = dt.date(2026, 11, 28)


def notices(content_dir: Path, category: str, today: dt.date = TODAY) -> list:
    """Reminders of one category for a content folder that must be valid."""
    return [n for n in content_report(load_valid_content(content_dir), content_dir, today) if n.category == category]


def about(content_dir: Path, category: str, path: Path) -> list[str]:
    """Messages of one category that point at one file."""
    return [n.message for n in notices(content_dir, category) if n.path == path]


@pytest.mark.parametrize(
    "today, due",
    [
        (dt.date(2026, 11, 28), dt.date(2025, 11, 28)),
        (dt.date(2024, 2, 29), dt.date(2023, 2, 28)),
        (dt.date(2026, 1, 31), dt.date(2025, 1, 31)),
    ],
)
def test_review_is_due_after_twelve_months(today: dt.date, due: dt.date) -> None:
    assert review_due_before(today) == due


@pytest.mark.parametrize("reviewed, stale", [("2025-11-28", False), ("2025-11-27", True), ("2019-01-01", True)])
def test_stale_pages_need_review(content_copy: Path, reviewed: str, stale: bool) -> None:
    path = write_page(content_copy, "test-old", VALID_FRONT.format(id="test-old").replace("2026-01-05", reviewed))
    found = [n for n in notices(content_copy, "stale") if n.path == path]
    assert bool(found) == stale
    if stale:
        assert (found[0].line, found[0].field) == (10, "reviewed")
        assert reviewed in found[0].message


def test_page_without_official_source(content_copy: Path) -> None:
    only_operator = VALID_FRONT.format(id="test-operator").replace(
        "  - law-civil-code", "  - alipay\n  - news-ant-rebrand-2021"
    )
    path = write_page(content_copy, "test-operator", only_operator)
    assert about(content_copy, "no-official", path) == ["来源里没有官方来源，请补上法律法规或监管部门的依据"]
    assert about(content_copy, "no-official", write_page(content_copy, "test-official")) == []


def add_channel(content_dir: Path, channel_id: str) -> None:
    """Append a channel nothing refers to."""
    with (content_dir / "channels.yml").open("a", encoding="utf-8") as out:
        out.write(f"\n- id: {channel_id}\n  name: 测试渠道\n  operator: 测试单位\n  handles: [测试]\n  how: [测试]\n")


def test_unused_channel_is_reported_with_its_line(content_copy: Path) -> None:
    add_channel(content_copy, "test-unused")
    found = [n for n in notices(content_copy, "unused-channel") if "test-unused" in n.message]
    assert len(found) == 1
    lines = (content_copy / "channels.yml").read_text(encoding="utf-8").splitlines()
    assert lines[found[0].line - 1] == "- id: test-unused"


def test_channel_counts_as_used_by_a_page_reference(content_copy: Path) -> None:
    add_channel(content_copy, "test-used")
    write_page(content_copy, "test-ref", body="\n## 说明\n\n打 {{channel:test-used}}。\n")
    assert not [n for n in notices(content_copy, "unused-channel") if "test-used" in n.message]


def test_channel_counts_as_used_by_a_field_reference(content_copy: Path) -> None:
    add_channel(content_copy, "test-used")
    write_page(content_copy, "test-ref", body="\n## 说明\n\n名称是 {{channel:test-used.name}}。\n")
    assert not [n for n in notices(content_copy, "unused-channel") if "test-used" in n.message]


def test_channel_in_lookup_data_counts_as_used(content_copy: Path) -> None:
    add_channel(content_copy, "test-routed")
    assert "test-routed" not in referenced_ids(load_valid_content(content_copy), content_copy)[0]
    # Any value naming a channel id counts, whatever the lookup's schema (it validates itself).
    with (content_copy / "routing.yml").open("a", encoding="utf-8") as out:
        out.write("\nextra_for_test: [test-routed]\n")
    assert "test-routed" in referenced_ids(load_content(content_copy)[0], content_copy)[0]


def test_channels_linked_only_by_the_site_templates_count(content_copy: Path) -> None:
    pages = {p.src_uri: p for p in render_site(load_valid_content(content_copy))}
    assert "police-110" in linked_channels([pages["index.md"]])  # the home page's 110 line
    assert "{{channel:moj-12348" not in load_valid_content(content_copy).page("huabei-no-limit").body
    assert "moj-12348" in linked_channels([pages["q/huabei-no-limit.md"]])  # the disclaimer
    assert linked_channels([pages["channels.md"]]) == set()  # the catalogue itself does not count


def test_unused_source(content_copy: Path) -> None:
    with (content_copy / "sources.yml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: test-source\n  title: 测试来源\n  publisher: 测试\n  url: https://example.org\n  kind: official\n"
        )
    assert [n for n in notices(content_copy, "unused-source") if "test-source" in n.message]
    write_page(content_copy, "test-cite", body="\n## 说明\n\n见 {{source:test-source}}。\n")
    assert not [n for n in notices(content_copy, "unused-source") if "test-source" in n.message]


@pytest.mark.parametrize(
    ("source_id", "url", "flagged"),
    [
        ("test-law", "https://flk.npc.gov.cn", True),
        ("test-law", "https://www.court.gov.cn/", True),
        ("test-law", "https://www.court.gov.cn/fabu/xiangqing/212781.html", False),
        ("test-law", "https://flk.npc.gov.cn/detail2.html?ZmY4MDgx", False),
        ("site-test", "https://ipcrs.pbccrc.org.cn", False),  # a website itself: its home page is the right address
    ],
)
def test_source_pointing_at_a_home_page(content_copy: Path, source_id: str, url: str, flagged: bool) -> None:
    with (content_copy / "sources.yml").open("a", encoding="utf-8") as out:
        out.write(f"- id: {source_id}\n  title: 测试来源\n  publisher: 测试\n  url: {url}\n  kind: official\n")
    found = [n for n in notices(content_copy, "home-page-url") if f"来源 {source_id} " in n.message]
    assert bool(found) == flagged
    if flagged:
        assert found[0].line is not None and found[0].field == "url"


def test_copy_lint_reports_body_lines_and_fix_copy_leaves_front_matter_alone(content_copy: Path) -> None:
    front = VALID_FRONT.format(id="test-copy").replace("keywords: [测试]", "keywords: [借呗逾期, 借呗 逾期]")
    path = write_page(content_copy, "test-copy", front, body="\n## 说明\n\n晚上21点打来，欠了3000元。\n")
    [notice] = [n for n in notices(content_copy, "copy") if n.path == path]
    assert notice.line == front.count("\n") + 4  # the body's fourth line, counted in the whole file
    assert "21 点" in notice.message and "3000 元" in notice.message
    assert main(["--content-dir", str(content_copy), "fix-copy"]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith(front)  # YAML untouched: a Chinese comma would merge the keywords
    assert "晚上 21 点打来，欠了 3000 元。" in text
    assert not [n for n in notices(content_copy, "copy") if n.path == path]


def test_question_without_keywords(content_copy: Path) -> None:
    no_keywords = VALID_FRONT.format(id="test-nokw").replace("keywords: [测试]\n", "")
    question = write_page(content_copy, "test-nokw", no_keywords)
    tool = write_page(
        content_copy, "test-tool-nokw", no_keywords.replace("test-nokw", "test-tool-nokw"), folder="tools"
    )
    assert about(content_copy, "no-keywords", question) == ["没有常见问法；写几个读者会在搜索框里输入的说法"]
    assert about(content_copy, "no-keywords", tool) == []


def test_unfinished_markers_are_listed_per_file_with_lines(content_copy: Path) -> None:
    path = write_page(content_copy, "test-todo", body="\n## 【待填写】\n\n正文。\n\n- 【待填写】第一步\n")
    found = [n for n in notices(content_copy, "todo") if n.path == path]
    assert len(found) == 1
    assert found[0].line == 13
    assert "有 2 行" in found[0].message and "13、17" in found[0].message


def test_report_lists_every_category(content_copy: Path) -> None:
    text = format_report(content_report(load_valid_content(content_copy), content_copy, TODAY))
    for title in CATEGORIES.values():
        assert title in text


def test_check_exits_zero_with_reminders_and_one_on_errors(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_page(content_copy, "test-todo", body="\n## 说明\n\n【待填写】\n")
    assert main(["--content-dir", str(content_copy), "check"]) == 0
    out = capsys.readouterr().out
    assert "内容检查通过" in out and "还有【待填写】没写完：1" in out and "test-todo.md:15" in out
    write_page(content_copy, "test-broken", front="---\nid: test-broken\n---\n")
    assert main(["--content-dir", str(content_copy), "check"]) == 1
    assert "错误" in capsys.readouterr().err
