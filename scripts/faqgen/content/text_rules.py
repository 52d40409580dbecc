"""Rules for every text value in YAML (front matter and data files): no attribute lists, no hidden characters."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A single brace outside a {{…}} reference could start a Markdown attribute list ({: onclick=… }).
SINGLE_BRACE = re.compile(r"\{\{[^{}\n]*\}\}|([{}])")
BRACE_MESSAGE = "不能写单个的 { 或 }（Markdown 属性列表会给页面加上属性，可能是会执行的代码）；引用请写成 {{…}}"


# Control characters (tab and line feed allowed) are invisible or garble terminals and pages.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates reorder what a reader sees (U+202E turns text around).
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Zero-width characters split words invisibly, so search and the typed-fact checks miss them.
ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
HIDDEN = ((CONTROL, "控制字符"), (BIDI, "改变文字方向的隐藏字符"), (ZERO_WIDTH, "零宽字符"))


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """Invisible characters that must not be published, as (line offset, message) pairs."""
    found = []
    for offset, line in enumerate(text.split("\n")):
        for pattern, name in HIDDEN:
            match = pattern.search(line)
            if match:
                found.append(
                    (
                        offset,
                        f"有看不见的{name} U+{ord(match.group(0)):04X}（第 {match.start() + 1} 个字）："
                        "多半是从别处复制来的，请删掉后重新输入这段文字",
                    )
                )
    return found


def strings(data: object, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string in parsed YAML with its path, keys included."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield loc + (key,), key
            yield from strings(value, loc + (str(key),))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from strings(item, loc + (i,))


def single_brace(text: str) -> bool:
    """True when text holds a brace that is not part of a {{…}} reference."""
    return any(match.group(1) for match in SINGLE_BRACE.finditer(text))


def text_problems(text: str) -> list[str]:
    """What is wrong with one YAML text value, as editor messages (empty when fine)."""
    problems = []
    if single_brace(text):
        problems.append(BRACE_MESSAGE)
    problems += [message for _offset, message in hidden_characters(text)]
    return problems


def long_lists(
    data: object, limit: int, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], int]]:
    """Every list in parsed YAML longer than limit, with its path and length."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from long_lists(value, limit, loc + (str(key),))
    elif isinstance(data, list):
        if len(data) > limit:
            yield loc, len(data)
        for i, item in enumerate(data):
            yield from long_lists(item, limit, loc + (i,))
