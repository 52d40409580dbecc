"""The search index keeps a page's sections apart, so a result can link to the part that answers."""

from __future__ import annotations

import json
from pathlib import Path

from faqgen.search.pagefind import LONG_PAGE_TOKENS, Record, SectionRecord, collect_records, page_text, search_tokens
from faqgen.search.pinyin import syllables
from faqgen.search.query_data import with_pinyin

PAGE = """<html><head><meta name="description" content="简短回答。"></head><body>
<article data-pagefind-body><h1>网贷催收骚扰怎么办</h1><p>开头的话。</p>
<h2 id="骗局">小心这些骗局<a class="headerlink" href="#骗局">#</a></h2><p>{scam}</p>
<h3 id="律师">律师函<a class="headerlink" href="#律师">#</a></h3><p>{lawyer}</p>
<h2 id="证据">怎样保存证据</h2><p>{evidence}</p>
<h2 id="related">相关问题</h2><ul><li>借呗不还会坐牢吗</li></ul>
<h2 id="sources">来源</h2><p>民法典</p></article></body></html>"""


def _site(tmp_path: Path, words: int) -> Path:
    """A one-page built site whose three answering sections hold about `words` characters each."""
    fill = "催收不能威胁你的家人。" * (words // 11 + 1)
    html = PAGE.format(scam="假律师函要你转账。" + fill, lawyer="律师函不是法院文书。" + fill, evidence="录音。" + fill)
    (tmp_path / "guides" / "g").mkdir(parents=True)
    (tmp_path / "guides" / "g" / "index.html").write_text(html, encoding="utf-8")
    return tmp_path


def test_sections_are_read_with_their_anchor_and_heading() -> None:
    page = page_text(PAGE.format(scam="甲", lawyer="乙", evidence="丙"))
    assert [(s.anchor, s.title) for s in page.sections] == [
        ("骗局", "小心这些骗局"),
        ("律师", "律师函"),
        ("证据", "怎样保存证据"),
        ("related", "相关问题"),
        ("sources", "来源"),
    ]
    assert "开头的话" in "".join(page.chunks) and "甲" not in "".join(page.chunks)
    assert "律师函" in page.text and "乙" in page.text  # the whole text still holds every section


def test_each_section_is_indexed_under_its_anchor_and_related_questions_not_at_all(tmp_path: Path) -> None:
    (record,) = collect_records(_site(tmp_path, 10))
    assert [s.anchor for s in record.sections] == ["骗局", "律师", "证据", "sources"]
    html = record.html()
    assert '<h2 id="律师"' in html and '<h2 id="related"' not in html
    assert search_tokens("坐牢")[0] not in record.content().split()  # a related page's title is not this page's word
    assert search_tokens("律师函")[0] in record.sections[1].tokens.split()  # the heading counts in its section


def test_long_pages_offer_their_sections_short_pages_do_not(tmp_path: Path) -> None:
    (long_page,) = collect_records(_site(tmp_path / "long", LONG_PAGE_TOKENS // 2))
    sections = json.loads(long_page.sections_meta())
    assert [s[0] for s in sections] == ["骗局", "律师", "证据"]  # not 来源: no place to send a reader
    assert sections[1][1] == "律师函" and sections[1][2].startswith("律师函不是法院文书")
    assert len(sections[0][2]) <= 49  # a teaser, not the section
    (short_page,) = collect_records(_site(tmp_path / "short", 10))
    assert short_page.sections_meta() == ""


def test_sections_meta_is_written_for_pagefind(tmp_path: Path) -> None:
    from faqgen.search.pagefind import write_pages

    sections = tuple(SectionRecord(f"s{i}", "小节<b>", "zqaaaa " * 600, "开头") for i in range(3))
    record = Record("/g/", "标题", "简短", "", sections=sections)
    write_pages([record], tmp_path)
    html = (tmp_path / "g" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-meta="sections"' in html and "小节&lt;b&gt;" in html  # escaped like every value


def test_huan_is_read_as_repay_except_in_known_phrases() -> None:
    assert syllables("还款日") == ["huan", "kuan", "ri"]
    assert syllables("不还") == ["bu", "huan"]
    assert syllables("还是") == ["hai", "shi"]


def test_pinyin_joins_the_group_of_its_word_unless_two_groups_share_it() -> None:
    groups = with_pinyin([["白条", "京东白条"], ["传票", "起诉"], ["告我", "起诉"]], ["催收", "白条"])
    assert ["白条", "京东白条", "baitiao", "jingdongbaitiao"] in groups
    assert ["催收", "cuishou"] in groups  # a dictionary word in no group gets its own
    assert not any("qisu" in group for group in groups)  # 起诉 is in two groups: its pinyin would join them
