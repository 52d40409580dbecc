"""The Pagefind search index: what is indexed, how Chinese is split, and the browser splitting queries the same way.

The online site answers search from Pagefind (scripts/search_index_pagefind.py); Material's lunr
index is left without documents there and only the offline copy uses it (tests/test_offline_copy.py).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from faqgen.content.pipeline import load_valid_content
from faqgen.search import pagefind
from faqgen.search.bundle import RESULTS_FILE, SIGNATURE
from faqgen.search.pagefind import (
    BUNDLE_DIR,
    COMMON_MIN_PAGES,
    COMMON_SHARE,
    PARTS_FILE,
    UNUSED_UI,
    Record,
    build_search_index,
    collect_records,
    common_tokens,
    page_text,
    search_tokens,
    shards,
    title_token,
)
from faqgen.static_server import serve
from helpers import search

SAMPLES = [
    "借呗",
    "借呗不还会坐牢吗",
    "网贷催收",
    "微信花呗 fenfu",
    "ＦＥＮＦＵ １２３７８",
    "征信，还款日！",
    "a",
    "",
    "㐀豈",
]


@pytest.fixture(scope="module")
def records(built_site: Path) -> dict[str, object]:
    """The records the build gave Pagefind, by address."""
    return {r.url: r for r in collect_records(built_site)}


def tokens_of(records: dict, url: str) -> set[str]:
    return set(records[url].content().split())


def test_the_bundle_is_written_without_unused_interfaces(built_site: Path) -> None:
    bundle = built_site / BUNDLE_DIR
    for needed in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        assert (bundle / needed).is_file(), needed
    assert list(bundle.glob("wasm.*.pagefind")) and list(bundle.glob("index/*.pf_index"))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["version"] == "1.5.2" and list(entry["languages"]) == ["zh"]
    assert not [name for name in UNUSED_UI if (bundle / name).exists()]


def test_result_entries_carry_only_what_the_box_shows(built_site: Path) -> None:
    """A result entry keeps address, title and short answer; not the indexed tokens, which nothing shows."""
    entries = list((built_site / BUNDLE_DIR / "fragment").glob("*.pf_fragment"))
    assert entries
    for path in entries:
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        entry = json.loads(raw[len(SIGNATURE) :])
        assert entry["content"] == "" and entry["url"].startswith("/"), path
        assert entry["meta"]["title"] and entry["meta"]["summary"], path


def test_lunr_index_is_left_empty(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["zh"]


def test_only_article_bodies_are_indexed(built_site: Path, records: dict) -> None:
    assert "/q/jiebei-10k-unpaid-jail/" in records and "/guides/debt-collection-harassment/" in records
    assert "/" not in records and "/print/" not in records  # excluded from search
    assert not any(url.startswith("/404") for url in records)
    assert len(records) >= 20
    page = page_text((built_site / "q" / "jiebei-10k-unpaid-jail" / "index.html").read_text(encoding="utf-8"))
    assert "不是法律意见" not in page.text  # the disclaimer on every page is data-pagefind-ignore
    assert "打印本页" not in page.text and "本页网址" not in page.text  # outside the body
    assert "借贷维权问答" not in page.title


def test_result_text_is_title_and_short_answer(records: dict) -> None:
    content = load_valid_content()
    record = records["/q/jiebei-10k-unpaid-jail/"]
    front = content.page("jiebei-10k-unpaid-jail").front
    assert record.title == front.title
    assert record.summary == front.short_answer.strip()


def test_keywords_line_is_indexed(records: dict) -> None:
    content = load_valid_content()
    fenfu = tokens_of(records, "/q/wechat-fenfu-open/")
    assert "fenfu" in fenfu
    for keyword in content.page("wechat-fenfu-open").front.keywords:
        assert set(search_tokens(keyword)) <= fenfu, keyword


@pytest.mark.parametrize("word", ["借呗", "花呗", "还款日", "账单日", "爆通讯录", "征信", "催收"])
def test_domain_words_are_indexed_whole(records: dict, word: str) -> None:
    """Every page whose title or short answer has the word is indexed with all of the word's character pairs."""
    pairs = set(search_tokens(word))
    having = [url for url, r in records.items() if word in r.title + r.summary]
    assert having, word
    for url in having:
        assert pairs <= tokens_of(records, url), url


def test_a_short_word_inside_a_longer_one_is_found() -> None:
    # The guide says 网贷催收: the pair 催收 is among its tokens, so 催收 finds it.
    assert set(search_tokens("催收")) <= set(search_tokens("网贷催收"))
    assert search_tokens("借呗") == ["zqfabpfefh"]  # 借 U+501F, 呗 U+5457: one letter per hex digit
    assert not set(search_tokens("借呗")) & set(search_tokens("花呗借款"))


@pytest.mark.browser
def test_browser_splits_queries_like_the_index(page, site_url: str) -> None:
    page.goto(site_url + "/")
    for sample in SAMPLES:
        assert page.evaluate("q => window.__searchTokens(q)", sample) == search_tokens(sample), sample


def _records(n: int, every_page: str, some_pages: str, share: float) -> list[Record]:
    """n records: every_page in every body, some_pages in the bodies of the first `share` of them."""
    return [
        Record(
            f"/q/p{i}/",
            f"第{i}页",
            "简短回答",
            " ".join([*search_tokens(every_page), *(search_tokens(some_pages) if i < share * n else []), f"w{i}"]),
        )
        for i in range(n)
    ]


def test_small_sites_index_every_word_of_every_page() -> None:
    records = _records(COMMON_MIN_PAGES - 1, "借呗", "坐牢", 0.5)
    assert common_tokens(records) == frozenset()
    assert search_tokens("借呗")[0] in records[0].content().split()


def test_large_sites_index_common_words_only_in_title_and_short_answer() -> None:
    records = _records(COMMON_MIN_PAGES, "借呗", "坐牢", COMMON_SHARE / 2)
    common = common_tokens(records)
    jiebei, jail = search_tokens("借呗")[0], search_tokens("坐牢")[0]
    assert jiebei in common and jail not in common and "w1" not in common
    plain = records[1]
    assert jiebei not in plain.content(common).split()  # only in its text: not indexed there
    assert jail in plain.content(common).split() and "w1" in plain.content(common).split()
    titled = Record("/q/t/", "借呗能不能提前还", "借呗可以提前还。", plain.body)
    assert titled.content(common).split().count(jiebei) == 2  # title and short answer, each with its weight
    assert '<p data-pagefind-weight="10">' + jiebei in titled.html(common)


def test_large_sites_give_frequent_title_pairs_a_title_token() -> None:
    records = _records(COMMON_MIN_PAGES, "借呗", "坐牢", COMMON_SHARE / 2)
    common = common_tokens(records)
    frequent = common_tokens(records, COMMON_SHARE / 4) | common
    jiebei, jail = search_tokens("借呗")[0], search_tokens("坐牢")[0]
    assert jail in frequent and jail not in common  # on a tenth of the pages: a title token, its text kept
    about = Record("/q/t/", "借呗逾期会坐牢吗", "借呗逾期不会坐牢。", records[1].body)
    tokens = about.content(common, frequent).split()
    assert tokens.count(title_token(jiebei)) == 2 and tokens.count(title_token(jail)) == 2  # title, short answer
    assert tokens.count(jail) == 3  # and 坐牢 still counts in the text
    mention = Record("/q/m/", "逾期怎么办", "借呗逾期不会坐牢。", records[1].body)
    assert not {title_token(jiebei), title_token(jail)} & set(mention.content(common, frequent).split())
    assert not set(about.content().split()) & {title_token(jiebei), title_token(jail)}  # small sites: none


def test_pinyin_is_indexed_not_shown() -> None:
    record = Record("/q/t/", "网贷催收怎么办", "简短回答。", "", "爆通讯录")
    tokens = record.content().split()
    assert "cuishou" in tokens and "tongxun" in tokens
    assert "cuishou" not in record.title + record.keywords


def test_large_indexes_are_dealt_into_parts_of_bounded_size() -> None:
    records = _records(25, "借呗", "坐牢", 0.5)
    parts = shards(records, 10)
    assert [len(p) for p in parts] == [9, 8, 8]  # three parts, dealt in turn
    assert sorted(r.url for p in parts for r in p) == sorted(r.url for r in records)
    assert parts[0][:2] == [records[0], records[3]]
    assert shards(records, 25) == [records]


def test_search_finds_pages_in_every_part(built_site: Path, tmp_path: Path, page) -> None:
    """An index built in parts (as a site of 5,000+ pages is) is searched as one from the search box."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    shutil.rmtree(site / BUNDLE_DIR)
    part_size = -(-len(collect_records(site)) // 3)  # three parts, however many pages the real site has
    assert build_search_index(site, shard_pages=part_size)
    bundle = site / BUNDLE_DIR
    assert json.loads((bundle / PARTS_FILE).read_text(encoding="utf-8")) == ["part-2/", "part-3/"]
    listed = json.loads((site / "assets" / "search-data.json").read_text(encoding="utf-8"))["pagefind"]
    assert listed["parts"] == ["part-2/", "part-3/"]  # what the search box reads (parts.json: its fallback)
    metas = [name for name in listed["preload"] if name.endswith(".pf_meta")]
    assert [name.rpartition("/")[0] for name in metas] == ["", "part-2", "part-3"]  # every part's metadata
    for folder in (bundle, bundle / "part-2", bundle / "part-3"):
        assert list(folder.glob("fragment/*.pf_fragment")) and list(folder.glob("index/*.pf_index"))
    assert not list((bundle / "part-2").glob("wasm.*")) and not (bundle / "part-2" / "pagefind.js").exists()
    records = sorted(collect_records(site), key=lambda r: r.url)
    token = search_tokens("白条")[0]
    with_token = [
        number for number, part in enumerate(shards(records, part_size)) for r in part if token in r.content().split()
    ]
    assert set(with_token) == {0, 1, 2}  # the query below needs every part
    served: list[tuple[str, int]] = []
    server, url = serve(site, headers=False, served=served)
    try:
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url))
        found = search(page, url, "白条")
        assert all("/q/" in u and ("baitiao" in u or "jd-" in u) for u in found[:3]), found
        meta = page.inner_text(".md-search-result__meta")
        assert int(re.search(r"\d+", meta).group()) == len(with_token), meta  # every match, whichever part
        assert any("/pagefind/part-2/" in u for u in fetched) and any("/pagefind/part-3/" in u for u in fetched)
        assert sum("/wasm." in path for path, _sent in served) == 1  # one WebAssembly module for all parts
        # The first query of a visit to a site in parts: a long page's section links come from
        # Pagefind's result entry (the result table is fetched only after the first results).
        assert "results" not in listed and listed["later"] == RESULTS_FILE
        search(page, url, "律师函")
        links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")
        guide = [unquote(link) for link in links if "/guides/debt-collection-harassment/" in link]
        assert any(link.endswith("#小心这些骗局") for link in guide), guide
    finally:
        server.shutdown()


def test_large_site_search_asks_titles_first_and_skips_common_pairs(
    built_site: Path, tmp_path: Path, page, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real site indexed as a large one: one frequent word finds the pages titled with it; a phrase
    with a common pair finds every page whose text has the phrase (the common pair is not indexed there)."""
    monkeypatch.setattr(pagefind, "COMMON_MIN_PAGES", 1)
    monkeypatch.setattr(pagefind, "COMMON_SHARE", 0.5)
    monkeypatch.setattr(pagefind, "TITLED_SHARE", 0.1)
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    shutil.rmtree(site / BUNDLE_DIR)
    assert build_search_index(site)
    records = collect_records(site)
    listed = json.loads((site / "assets" / "search-data.json").read_text(encoding="utf-8"))["pagefind"]
    common, titled = set(listed["common"]), set(listed["titled"])
    cuishou, (huankuan, kuanri) = search_tokens("催收")[0], search_tokens("还款日")
    assert cuishou in common and huankuan in common and kuanri in titled  # what the queries below rely on
    titled_cuishou = {r.url for r in records if cuishou in search_tokens(r.title)}
    assert len(titled_cuishou) >= 10  # enough for the title-first answer
    with_kuanri = {r.url for r in records if kuanri in r.content()}
    heading_lacks = {r.url for r in records if huankuan not in search_tokens(r.title + r.keywords + r.summary)}
    assert with_kuanri & heading_lacks  # pages that AND-ing 还款 would miss
    server, url = serve(site, headers=False)
    try:
        found = search(page, url, "催收")
        meta = page.inner_text(".md-search-result__meta")
        assert int(re.search(r"\d+", meta).group()) == len(titled_cuishou), meta
        assert found and all(any(u.strip("/") in f for u in titled_cuishou) for f in found), found
        search(page, url, "还款日")
        meta = page.inner_text(".md-search-result__meta")
        assert int(re.search(r"\d+", meta).group()) == len(with_kuanri), meta
    finally:
        server.shutdown()
