"""Bad input files get a clear message naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import VALID_BODY, VALID_FRONT, all_errors, errors_for, write_page


def front(**changes: str) -> str:
    """The valid front matter with some lines replaced (key → new full line, '' to drop)."""
    lines = VALID_FRONT.format(id="broken-page").splitlines()
    out = []
    for line in lines:
        key = line.split(":", 1)[0]
        if key in changes:
            if changes[key]:
                out.append(changes[key])
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def single_error(content_dir: Path, path: Path):
    """The one error reported for path (fails if there are none or several)."""
    errors = errors_for(content_dir, path)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_valid_page_has_no_errors(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page")
    assert errors_for(content_copy, path) == []


def test_invalid_yaml_reports_line(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(title="title: [未闭合的列表"))
    err = single_error(content_copy, path)
    assert "YAML 格式错误" in err.message
    assert err.line is not None and 2 <= err.line <= 5


def test_unclosed_quote_names_the_line_it_starts_on(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(title='title: "没有配对的引号'))
    title_line = next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("title:")
    )
    err = single_error(content_copy, path)
    assert f"问题从第 {title_line} 行开始" in err.message
    assert err.line is not None and err.line > title_line  # libyaml notices it only further down


def test_missing_required_field(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(short_answer=""))
    err = single_error(content_copy, path)
    assert (err.field, err.message) == ("short_answer", "缺少必填字段")


def test_wrong_type_names_field_and_line(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(keywords="keywords: 只是一个词"))
    err = single_error(content_copy, path)
    assert err.field == "keywords" and "应该是列表" in err.message
    assert err.line == 6


def test_unknown_field_is_rejected_with_the_allowed_ones(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(related="related: []\ntittle: 拼错的字段"))
    err = single_error(content_copy, path)
    assert err.field == "tittle" and "不认识这个字段" in err.message and "title" in err.message
    assert err.line == 8


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026/01/05", "YYYY-MM-DD"),
        ("2026-02-30", "不是真实存在的日期"),
        ("2999-01-01", "在今天之后"),
    ],
)
def test_bad_dates(content_copy: Path, value: str, expected: str) -> None:
    path = write_page(content_copy, "broken-page", front(reviewed=f"reviewed: {value}"))
    err = single_error(content_copy, path)
    assert err.field == "reviewed" and expected in err.message


def test_short_answer_longer_than_120_characters(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(short_answer="short_answer: " + "长" * 121))
    assert "最多 120 个字" in single_error(content_copy, path).message


def test_more_than_three_related(content_copy: Path) -> None:
    related = "related: [huabei-no-limit, jiebei-limit-gone, jd-baitiao-close, wechat-fenfu-open]"
    path = write_page(content_copy, "broken-page", front(related=related))
    assert "最多 3 项" in single_error(content_copy, path).message


def test_empty_body(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", body="\n   \n")
    err = single_error(content_copy, path)
    assert "正文是空的" in err.message


def test_not_utf8(content_copy: Path) -> None:
    path = content_copy / "questions" / "broken-page.md"
    path.write_bytes((VALID_FRONT.format(id="broken-page") + VALID_BODY).encode("gbk"))
    assert "不是 UTF-8" in single_error(content_copy, path).message


def test_empty_file(content_copy: Path) -> None:
    path = content_copy / "questions" / "broken-page.md"
    path.write_text("", encoding="utf-8")
    assert single_error(content_copy, path).message == "文件是空的"


def test_missing_front_matter(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front="", body="## 只有正文\n")
    assert "缺少元数据块" in single_error(content_copy, path).message


def test_duplicate_key(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(topic="topic: jiebei\ntopic: huabei"))
    err = single_error(content_copy, path)
    assert (err.field, err.message, err.line) == ("topic", "这个字段写了两次", 5)


def test_id_must_match_file_name(content_copy: Path) -> None:
    path = write_page(content_copy, "other-name", front())
    assert "要和文件名一致" in single_error(content_copy, path).message


def test_source_url_must_be_http(content_copy: Path) -> None:
    sources = content_copy / "sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("url: https://flk.npc.gov.cn", "url: javascript:alert(1)", 1),
        encoding="utf-8",
    )
    errors = [e for e in all_errors(content_copy) if e.path == sources]
    assert len(errors) == 1 and "http" in errors[0].message and errors[0].field == "[0].url"
    expected_line = sources.read_text(encoding="utf-8").splitlines().index("  url: javascript:alert(1)") + 1
    assert errors[0].line == expected_line


def test_every_error_of_a_run_is_listed(content_copy: Path) -> None:
    a = write_page(content_copy, "broken-a", front(title=""))
    b = content_copy / "questions" / "broken-b.md"
    b.write_text("", encoding="utf-8")
    paths = {e.path for e in all_errors(content_copy)}
    assert {a, b} <= paths


def test_error_text_names_file_line_and_field(content_copy: Path) -> None:
    path = write_page(content_copy, "broken-page", front(keywords="keywords: 只是一个词"))
    assert str(single_error(content_copy, path)).startswith(f"{path}:6: 字段 keywords：")
