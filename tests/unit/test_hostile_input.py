"""Issue 15: YAML aliases, oversized files and lists, unreadable files and links get messages, not tracebacks."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from faqgen.__main__ import main
from faqgen.content.loader import MAX_FILE_BYTES
from faqgen.content.text_rules import long_lists
from faqgen.content.yaml_source import ALIAS_MESSAGE
from helpers import VALID_BODY, VALID_FRONT, all_errors, errors_for, write_page

NESTED = "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))


@pytest.mark.parametrize(
    "extra",
    [
        "keywords2: &a [*a]\n",  # self-referencing alias: RecursionError before
        "a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']\n" + NESTED,  # nine levels: >120 s
        "x: &t 测试\ny: *t\n",
    ],
)
def test_yaml_anchors_and_aliases_are_refused_quickly(content_copy: Path, extra: str) -> None:
    front = VALID_FRONT.format(id="alias-page").replace("reviewed:", extra + "reviewed:")
    path = write_page(content_copy, "alias-page", front=front)
    started = time.perf_counter()
    errors = errors_for(content_copy, path)
    assert time.perf_counter() - started < 5
    assert [e.message for e in errors] == [ALIAS_MESSAGE]
    assert errors[0].line == front.split("\n").index(extra.split("\n")[0]) + 1


def test_alias_in_a_data_file_names_its_line(content_copy: Path) -> None:
    channels = content_copy / "channels.yml"
    channels.write_text(channels.read_text(encoding="utf-8") + "- &c {id: x}\n- *c\n", encoding="utf-8")
    errors = errors_for(content_copy, channels)
    assert [e.message for e in errors] == [ALIAS_MESSAGE]


def test_stars_and_ampersands_in_quoted_text_are_fine(content_copy: Path) -> None:
    front = VALID_FRONT.format(id="star-page").replace("keywords: [测试]", "keywords: ['*重要* & 注意', 'a&b']")
    path = write_page(content_copy, "star-page", front=front)
    assert errors_for(content_copy, path) == []


def test_a_huge_file_is_refused(content_copy: Path) -> None:
    path = write_page(content_copy, "huge-page", body=VALID_BODY + "很长的正文。" * (MAX_FILE_BYTES // 10))
    messages = [e.message for e in errors_for(content_copy, path)]
    assert len(messages) == 1 and "超过上限 512 KB" in messages[0], messages


def test_too_many_keywords(content_copy: Path) -> None:
    keywords = ", ".join(f"问法{i}" for i in range(31))
    front = VALID_FRONT.format(id="many-keywords").replace("keywords: [测试]", f"keywords: [{keywords}]")
    path = write_page(content_copy, "many-keywords", front=front)
    assert any("最多 30 项" in e.message for e in errors_for(content_copy, path))


def test_long_lists_are_found_anywhere() -> None:
    data = {"a": [{"b": list(range(5))}], "c": list(range(2))}
    assert list(long_lists(data, 3)) == [(("a", 0, "b"), 5)]


def test_dangling_link_is_named(content_copy: Path) -> None:
    link = content_copy / "questions" / "gone.md"
    link.symlink_to(content_copy / "questions" / "nowhere.md")
    messages = [e.message for e in errors_for(content_copy, link)]
    assert len(messages) == 1 and "指向的" in messages[0] and "不存在" in messages[0], messages


def test_link_loop_is_named(content_copy: Path) -> None:
    a, b = content_copy / "questions" / "loop-a.md", content_copy / "questions" / "loop-b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    errors = errors_for(content_copy, a)
    assert len(errors) == 1 and "绕成了一个圈" in errors[0].message, errors
    assert str(errors[0]).endswith(errors[0].message)  # printing it does not resolve the loop


def test_dangling_data_file_link_is_not_called_missing(content_copy: Path) -> None:
    facts = content_copy / "facts.yml"
    facts.unlink()
    facts.symlink_to(content_copy / "nowhere.yml")
    messages = [e.message for e in errors_for(content_copy, facts)]
    assert len(messages) == 1 and "不存在" in messages[0] and "缺少" not in messages[0], messages


def test_unreadable_file_is_named(content_copy: Path, monkeypatch) -> None:
    path = write_page(content_copy, "secret-page")
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:  # tests run as root, where chmod 000 would not stop the read
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    messages = [e.message for e in errors_for(content_copy, path)]
    assert messages == ["没有读取权限：请修改文件权限（例如 chmod a+r），或把它移出 content/"]


def test_unreadable_folder_is_named_not_its_pages_references(content_copy: Path, monkeypatch) -> None:
    folder = content_copy / "guides"
    real = Path.iterdir

    def refuse(self: Path):
        if self == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    errors = all_errors(content_copy)
    assert [e.path for e in errors] == [folder], [str(e) for e in errors]
    assert errors[0].message.startswith("这个文件夹没有读取权限")


def test_check_prints_messages_not_tracebacks(content_copy: Path, capsys) -> None:
    (content_copy / "questions" / "gone.md").symlink_to(content_copy / "nowhere.md")
    assert main(["--content-dir", str(content_copy), "check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "gone.md" in err


@pytest.mark.parametrize(
    "old, new, where, words",
    [
        ("police-110", "police-999", "channels.yml", "要用 id 为 “police-110” 的渠道"),
        (
            "debt-collection-harassment",
            "harassment-guide",
            "guides",
            "要链接 id 为 “debt-collection-harassment” 的页面",
        ),
    ],
)
def test_renaming_an_id_the_site_needs_everywhere_is_explained(
    content_copy: Path, capsys, old: str, new: str, where: str, words: str
) -> None:
    for path in [p for p in content_copy.rglob("*") if p.is_file()]:
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
        if old in path.name:
            path.rename(path.with_name(path.name.replace(old, new)))
    assert main(["--content-dir", str(content_copy), "check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and words in err and f"content/{where}" in err.replace(str(content_copy), "content")


def test_disk_full_in_a_post_step_is_a_message(tmp_path: Path, monkeypatch, capsys) -> None:
    from faqgen.build import post_steps

    def full_disk(site: Path, content: Path) -> bool:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(site / "downloads/offline.zip"))

    monkeypatch.setattr(post_steps, "_steps", lambda: {"offline": full_disk})
    assert post_steps.run_post_steps(tmp_path, tmp_path) is False
    err = capsys.readouterr().err
    assert "构建后的步骤 offline 失败：磁盘空间不足" in err and "offline.zip" in err


def test_template_cache_on_a_full_temp_folder_only_costs_speed(monkeypatch) -> None:
    from jinja2 import DictLoader, Environment

    from faqgen.render.template_cache import template_cache

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    cache = template_cache()
    assert cache is not None
    monkeypatch.setattr("tempfile.NamedTemporaryFile", full)
    env = Environment(loader=DictLoader({"t": "{{ 1 + 1 }} 新模板 " + str(time.time())}), bytecode_cache=cache)
    assert env.get_template("t").render().startswith("2 新模板")


def test_without_chromium_the_last_published_pdf_is_kept(tmp_path: Path, capsys) -> None:
    from faqgen.build.pdf import PDF_HREF, keep_last_pdf

    published, new = tmp_path / "site", tmp_path / "new"
    (published / PDF_HREF).parent.mkdir(parents=True)
    (published / PDF_HREF).write_bytes(b"%PDF-old")
    new.mkdir()
    (new / "index.html").write_text('<p class="pdf-download pdf-pending">', encoding="utf-8")
    message = keep_last_pdf(new, published)
    assert message and "沿用上次发布的" in message
    assert (new / PDF_HREF).read_bytes() == b"%PDF-old"
    assert "pdf-pending" not in (new / "index.html").read_text(encoding="utf-8")
    assert keep_last_pdf(new, published) is None  # a PDF of this build is never replaced


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("title", '"测试\\e[31m问题"', "控制字符 U+001B"),
        ("title", "测试\x07问题怎么办", "控制字符 U+0007"),
        ("short_answer", "这是一个用于测试的简短回答，\u202e够足度长。", "改变文字方向的隐藏字符 U+202E"),
        ("keywords", "[测\u200b试]", "零宽字符 U+200B"),
    ],
)
def test_hidden_characters_in_front_matter_are_refused(content_copy: Path, key: str, value: str, words: str) -> None:
    lines = VALID_FRONT.format(id="hidden-chars").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    lines[index] = f"{key}: {value}"
    path = write_page(content_copy, "hidden-chars", front="\n".join(lines))
    errors = errors_for(content_copy, path)
    assert [e.line for e in errors if words in e.message] == [index + 1], [str(e) for e in errors]


@pytest.mark.parametrize("char, words", [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\u2066", "U+2066")])
def test_hidden_characters_in_a_body_are_refused_at_their_line(content_copy: Path, char: str, words: str) -> None:
    path = write_page(content_copy, "hidden-body", body=f"\n## 说明\n\n正文{char}内容。\n")
    errors = errors_for(content_copy, path)
    assert [e.line for e in errors if words in e.message] == [VALID_FRONT.count("\n") + 4], [str(e) for e in errors]


def _set_first_number(content_dir: Path, value: str) -> tuple[Path, int]:
    """Give the first channel with a number another value; return channels.yml and that line."""
    channels = content_dir / "channels.yml"
    lines = channels.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("  number: "))
    lines[index] = f"  number: {value}"
    channels.write_text("\n".join(lines), encoding="utf-8")
    return channels, index + 1


def test_bad_phone_number_gets_a_number_message(content_copy: Path) -> None:
    channels, line = _set_first_number(content_copy, "'12 378'")
    errors = [e for e in errors_for(content_copy, channels) if e.line == line]
    assert [e.message for e in errors] == [
        "号码“12 378”格式不对：只能用数字和连字符，2 到 16 位（例如 12378、400-123-4567）"
    ]


def test_leading_zero_number_is_not_read_as_octal(content_copy: Path) -> None:
    channels, line = _set_first_number(content_copy, "0123")
    assert not any("83" in e.message for e in errors_for(content_copy, channels))
    from faqgen.content.loader import load_content

    content, _errors = load_content(content_copy)
    assert "0123" in {c.number for c in content.channels}


def test_law_article_number_is_not_a_typed_hotline(content_copy: Path) -> None:
    path = write_page(content_copy, "article-110", body="\n## 说明\n\n《刑法》第 110 条和第110款讲的是别的事。\n")
    assert not [e for e in errors_for(content_copy, path) if "110" in e.message]
    path = write_page(content_copy, "typed-110", body="\n## 说明\n\n遇到威胁请拨打 110。\n")
    assert [e for e in errors_for(content_copy, path) if "直接写了号码 110" in e.message]


def test_cr_only_line_endings_are_read(content_copy: Path) -> None:
    path = write_page(content_copy, "old-mac")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    assert errors_for(content_copy, path) == []


def test_tab_indent_is_explained(content_copy: Path) -> None:
    topics = content_copy / "topics.yml"
    text = topics.read_text(encoding="utf-8")
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("  name: "))
    lines[index] = "\t" + lines[index].lstrip()
    topics.write_text("\n".join(lines), encoding="utf-8")
    errors = errors_for(content_copy, topics)
    assert [(e.line, e.message) for e in errors] == [
        (index + 1, "这一行用了 Tab 键缩进：YAML 只能用空格缩进，请把 Tab 换成两个空格")
    ]


def test_glossary_errors_name_their_line(content_copy: Path) -> None:
    glossary = content_copy / "glossary.yml"
    lines = glossary.read_text(encoding="utf-8").split("\n")
    index = [i for i, line in enumerate(lines) if line.lstrip().startswith("page: ")][1]  # the second term's page
    lines[index] = lines[index].split("page:")[0] + "page: no-such-page"
    glossary.write_text("\n".join(lines), encoding="utf-8")
    term_line = max(i for i in range(index) if lines[i].startswith("- ")) + 1
    errors = [e for e in errors_for(content_copy, glossary) if "no-such-page" in e.message]
    assert [e.line for e in errors] == [term_line], errors


def test_one_broken_file_does_not_hide_other_files_reference_errors(content_copy: Path) -> None:
    from faqgen.content.errors import ContentErrors
    from faqgen.content.pipeline import load_valid_content

    broken = write_page(content_copy, "broken-yaml", front="---\nid: [\n---\n")
    dangling = write_page(content_copy, "dangling-ref", body="\n## 说明\n\n见 {{fact:no-such-fact}}。\n")
    echo = write_page(content_copy, "echo-ref", body="\n## 说明\n\n见 {{page:broken-yaml}}。\n")
    with pytest.raises(ContentErrors) as raised:
        load_valid_content(content_copy)
    paths = {e.path for e in raised.value.errors}
    assert broken in paths and dangling in paths  # the real error elsewhere is reported
    assert echo not in paths  # the echo of the broken page's missing id is not
