"""The Chinese search index: jieba ran, our short terms stay whole, keywords are indexed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from faqgen.pipeline import load_valid_content

ZWSP = "\u200b"


@pytest.fixture(scope="module")
def index(built_site: Path) -> dict:
    """The search index Material wrote."""
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def page_text(index: dict, location_prefix: str) -> str:
    """All indexed text of one page (its sections joined)."""
    return " ".join(d["title"] + " " + d["text"] for d in index["docs"] if d["location"].startswith(location_prefix))


def test_index_is_segmented_by_jieba(index: dict) -> None:
    assert index["config"]["lang"] == ["zh"]
    assert "\\u200b" in index["config"]["separator"]
    text = page_text(index, "q/jiebei-10k-unpaid-jail/")
    assert f"{ZWSP}坐牢{ZWSP}" in text  # a word boundary inside a run of Han characters


@pytest.mark.parametrize("word", ["借呗", "花呗", "还款日", "账单日", "爆通讯录"])
def test_short_domain_terms_stay_whole(index: dict, word: str) -> None:
    everything = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert f"{ZWSP}{word}{ZWSP}" in everything
    assert f"{word[0]}{ZWSP}{word[1:]}" not in everything


def test_every_dictionary_word_comes_from_content(index: dict) -> None:
    words = load_valid_content().search.dictionary
    assert "借呗" in words and "网贷催收" not in words


def test_long_words_are_left_split_so_their_parts_are_found(index: dict) -> None:
    guide = page_text(index, "guides/debt-collection-harassment/")
    assert f"网贷{ZWSP}催收" in guide and f"{ZWSP}网贷催收{ZWSP}" not in guide


def test_keywords_are_indexed_with_the_page(index: dict) -> None:
    content = load_valid_content()
    fenfu = page_text(index, "q/wechat-fenfu-open/")
    assert "微信" in fenfu and "fenfu" in fenfu
    for keyword in content.page("wechat-fenfu-open").front.keywords:
        assert keyword.replace(ZWSP, "") in fenfu.replace(ZWSP, "")


def test_home_page_is_not_a_search_result(index: dict) -> None:
    assert not any(d["location"] in ("", "index.html") or d["location"].startswith("#") for d in index["docs"])
