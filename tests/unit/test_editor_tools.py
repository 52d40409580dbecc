"""`make new`: a new Q&A file is valid as written, has a fresh stable id and never overwrites a file."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from faqgen.__main__ import main
from faqgen.content.loader import load_content, load_or_raise
from faqgen.content.pipeline import load_valid_content
from faqgen.editor.new_page import TODO, NewPageError, new_page
from faqgen.paths import PROJECT_ROOT
from faqgen.render.pages import render_site
from helpers import all_errors, write_page


def test_new_page_is_valid_as_written_and_renders(content_copy: Path) -> None:
    content = load_or_raise(content_copy)
    path = new_page(
        content, content_copy, "借呗怎么提前还款", "jiebei", "jiebei-example-new", today=dt.date(2026, 11, 2)
    )
    assert path == content_copy / "questions" / "jiebei-example-new.md"
    assert all_errors(content_copy) == []
    page = load_valid_content(content_copy).page("jiebei-example-new")
    assert (page.front.title, page.front.topic, page.front.reviewed) == (
        "借呗怎么提前还款",
        "jiebei",
        dt.date(2026, 11, 2),
    )
    assert page.front.keywords == [] and page.front.related == []
    assert TODO in page.front.short_answer and TODO in page.body
    rendered = {p.src_uri: p.markdown for p in render_site(load_valid_content(content_copy))}
    assert "# 借呗怎么提前还款" in rendered["q/jiebei-example-new.md"]


def test_every_field_is_present_with_a_hint(content_copy: Path) -> None:
    path = new_page(load_or_raise(content_copy), content_copy, "借呗怎么提前还款", "jiebei", "jiebei-example-new")
    front = path.read_text(encoding="utf-8").split("---")[1]
    for field in ("id", "title", "topic", "short_answer", "keywords", "related", "sources", "reviewed"):
        assert re.search(rf"^# .*\n{field}:", front, re.M), f"{field} has no hint comment above it"


def test_placeholder_source_is_official_and_marked(content_copy: Path) -> None:
    content = load_or_raise(content_copy)
    new_page(content, content_copy, "借呗怎么提前还款", "jiebei", "jiebei-example-new")
    new = load_valid_content(content_copy).page("jiebei-example-new")
    kinds = {s.id: s.kind for s in content.sources}
    assert [kinds[r.id] for r in new.front.source_refs()] == ["official"]
    assert new.front.source_refs()[0].detail.startswith(TODO)


def test_fresh_ids_are_ascii_unique_and_start_with_the_topic(content_copy: Path) -> None:
    ids = set()
    for _ in range(3):
        path = new_page(load_or_raise(content_copy), content_copy, "借呗怎么提前还款", "jiebei")
        assert re.fullmatch(r"jiebei-[0-9a-f]{4}", path.stem)
        ids.add(path.stem)
    assert len(ids) == 3
    assert all_errors(content_copy) == []


def test_title_with_yaml_characters_stays_text(content_copy: Path) -> None:
    title = '借呗提前还款: 要付"手续费"吗 #1'
    path = new_page(load_or_raise(content_copy), content_copy, title, "jiebei", "jiebei-fee")
    assert load_valid_content(content_copy).page(path.stem).front.title == title


@pytest.mark.parametrize(
    "question, topic, page_id, message",
    [
        ("借呗怎么提前还款", "no-such-topic", None, "没有 “no-such-topic” 这个话题"),
        ("借", "jiebei", None, "2–60 个字"),
        ("借呗{{fact:nfra}}怎么还", "jiebei", None, "{{…}}"),
        ("借呗怎么提前还款", "jiebei", "Jiebei_Prepay", "只能用小写英文字母"),
        ("借呗怎么提前还款", "jiebei", "jiebei-limit-gone", "已经被使用"),  # a Q&A
        ("借呗怎么提前还款", "jiebei", "harassment-log", "已经被使用"),  # a tool: one id namespace
        ("借呗怎么提前还款", "jiebei", "channels", "已经被使用"),  # reserved for the channel list
    ],
)
def test_refuses_what_would_not_be_a_valid_new_page(
    content_copy: Path, question: str, topic: str, page_id: str | None, message: str
) -> None:
    before = sorted(p.name for p in (content_copy / "questions").iterdir())
    with pytest.raises(NewPageError, match=re.escape(message)):
        new_page(load_or_raise(content_copy), content_copy, question, topic, page_id)
    assert sorted(p.name for p in (content_copy / "questions").iterdir()) == before


def test_never_overwrites_a_file_even_one_that_does_not_load(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = write_page(content_copy, "jiebei-example-new", front="---\nnot: valid\n---\n")
    text = broken.read_text(encoding="utf-8")
    content = load_content(content_copy)[0]  # loaded despite the broken file, as `faqgen new` does
    with pytest.raises(NewPageError, match="已经被使用"):
        new_page(content, content_copy, "借呗怎么提前还款", "jiebei", "jiebei-example-new")
    # Even if the id check missed it, the file is opened for exclusive creation.
    monkeypatch.setattr("faqgen.editor.new_page.page_ids", lambda *_: set())
    with pytest.raises(NewPageError, match="已经存在"):
        new_page(content, content_copy, "借呗怎么提前还款", "jiebei", "jiebei-example-new")
    assert broken.read_text(encoding="utf-8") == text


def test_cli_prints_the_path(content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "--content-dir",
            str(content_copy),
            "new",
            "--question",
            "借呗怎么提前还款",
            "--topic",
            "jiebei",
            "--id",
            "jiebei-example-new",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == str(content_copy / "questions" / "jiebei-example-new.md")


def test_cli_asks_when_run_in_a_terminal(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["借呗怎么提前还款", "jiebei"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["--content-dir", str(content_copy), "new"]) == 0
    path = Path(capsys.readouterr().out.splitlines()[-2])
    assert path.parent == content_copy / "questions" and path.stem.startswith("jiebei-")


def test_cli_without_a_terminal_says_what_is_missing(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--content-dir", str(content_copy), "new", "--topic", "jiebei"]) == 1
    assert "make new Q=" in capsys.readouterr().err


def test_make_new_keeps_the_question_as_typed(content_copy: Path) -> None:
    question = "分付账单上的 $ 和 ' 是什么意思"
    env = dict(os.environ, FAQGEN_CONTENT_DIR=str(content_copy))
    done = subprocess.run(
        ["make", "-s", "new", f"Q={question}", "TOPIC=wechat-fenfu", "ID=fenfu-symbols"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    page = load_valid_content(content_copy).page("fenfu-symbols")
    assert page.front.title == question


def test_check_piped_into_head_ends_quietly() -> None:
    # `faqgen check | head -1`: the reader closes the pipe after one line; no traceback follows.
    import shutil

    faqgen = shutil.which("faqgen", path=str(Path(sys.executable).parent))
    assert faqgen, "the faqgen command is installed next to the Python running the tests"
    done = subprocess.run(f"'{faqgen}' check | head -1", shell=True, capture_output=True, text=True)
    assert done.stdout.startswith("内容检查通过"), done.stdout
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
