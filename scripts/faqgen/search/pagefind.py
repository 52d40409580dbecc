"""Post-build step: the Pagefind search index (site/pagefind/) that answers Material's search box.

Material's lunr index is one file that grows with every page (1.8 MB gzip at 1,000 Q&As) and
must be downloaded whole before the first result. Pagefind splits the index into chunks and a
query downloads only the chunks and result fragments it needs.

What is indexed: on each built page, the element marked `data-pagefind-body` (see
docs/overrides/main.html: the article of every page that is not excluded from search), without
any element marked `data-pagefind-ignore`. The result shows the page's `<h1>` and its meta
description (for Q&As, guides and tools: the short answer).

Chinese words: Pagefind's own segmentation (jieba at index time, the browser's Intl.Segmenter at
query time) does not agree with itself and splits 借呗, 征信 or 还款日 into single characters,
so 借呗 also finds pages that only say 花呗 and 借款. Instead, every run of Chinese characters is
indexed as overlapping character pairs (借呗不还 → 借呗 呗不 不还), the way search engines index
CJK text without a dictionary, and docs/assets/search-on-demand.js turns the query into the same
pairs. A pair is written as an ASCII word (`zq` + four letters a–p per character, one letter per
hex digit of the code point), so neither Pagefind's segmenter nor the browser's can split it
again. Letters and digits (fenfu, 12378) are indexed as words, lower-case. search_tokens() and
its JavaScript twin must stay identical (tests/built/test_search_index.py runs both).

Large sites (measured with `make bench`, see BENCHMARKS.md): from COMMON_MIN_PAGES pages on, a pair
found on more than COMMON_SHARE of the pages counts only in titles, 常见问法 and short answers
(common_tokens()); a pair on more than TITLED_SHARE is written a second time, as a title token, on
the pages whose title has it (Record.parts()), so a query of one such word can search only those
pages. From SHARD_PAGES pages on the index is built in parts (shards()) that the browser merges,
because Pagefind's indexer keeps a whole run in memory.

After indexing, search/bundle.py makes the bundle quicker to start on a slow network (names the
WebAssembly by its content, empties the result entries' text, lists what the first search needs
in assets/search-data.json).
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from faqgen.render.escape import escape_html
from faqgen.search.bundle import (
    LATER_MAX_GZIP,
    RESULTS_MAX_PAGES,
    add_to_search_data,
    chunk_table,
    first_files,
    name_wasm_by_hash,
    result_table,
    slim_fragments,
    write_result_table,
)
from faqgen.search.pinyin import syllables

BUNDLE_DIR = "pagefind"  # inside the site; search-on-demand.js loads pagefind/pagefind.js from here
# Pagefind's ready-made search interfaces: Material's search box is the interface, so they are not shipped.
UNUSED_UI = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
LANGUAGE = "zh"  # the language of every record: Pagefind picks the index by <html lang="zh">
TOKEN_PREFIX = "zq"  # no Chinese pinyin or English word starts with zq
HEX_LETTERS = "abcdefghijklmnop"
# One run of Chinese characters (Basic Multilingual Plane, so four hex digits each), or one word of letters and digits.
TERM = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
# Elements that end a run of text, so a pair never joins the end of one paragraph to the next.
BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
SKIPPED = {"script", "style", "template", "noscript", "svg"}
BODY_START = re.compile(r"<[a-z][a-z0-9]*\s[^>]*\bdata-pagefind-body\b", re.I)
# Pages per Pagefind run (its memory grows with the pages of a run); a larger site is indexed in
# parts that the browser searches together (search-on-demand.js reads PARTS_FILE).
SHARD_PAGES = 5000
PART_PREFIX = "part-"
PARTS_FILE = "parts.json"
PART_UNUSED = ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind")
# Large sites only: a word on more than this share of the pages is indexed only in titles and short answers.
COMMON_MIN_PAGES = 1000
COMMON_SHARE = 0.2
# A frequent pair (on more than TITLED_SHARE of a large site's pages; common ones too) again under
# this prefix, on pages whose title has it (Record.parts(), title_token()).
TITLED_SHARE = 0.05
TITLE_TOKEN_PREFIX = "zt"
PAIR_TOKEN = re.compile(rf"^{TOKEN_PREFIX}[{HEX_LETTERS}]{{8}}$")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@functools.cache  # a few thousand distinct characters, millions of lookups
def _letters(char: str) -> str:
    """Four letters a–p for one character, one per hex digit of its code point."""
    return "".join(HEX_LETTERS[int(digit, 16)] for digit in f"{ord(char):04x}")


def search_tokens(text: str) -> list[str]:
    """The words Pagefind indexes (and a query is turned into): Chinese character pairs, latin words."""
    tokens: list[str] = []
    for run in TERM.findall(unicodedata.normalize("NFKC", text).lower()):
        if run[0].isascii():
            tokens.append(run)
        elif len(run) == 1:
            tokens.append(TOKEN_PREFIX + _letters(run))
        else:
            codes = [_letters(char) for char in run]
            tokens.extend(TOKEN_PREFIX + a + b for a, b in zip(codes, codes[1:], strict=False))
    return tokens


@dataclass
class Section:
    """One part of a page under an <h2>/<h3> with an id: a search result can link straight to it."""

    anchor: str
    title: str = ""
    chunks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


@dataclass
class PageText:
    """What one built page gives the index."""

    body_found: bool = False
    title: str = ""
    description: str = ""
    keywords: str = ""  # the 常见问法 line, weighted like the title
    chunks: list[str] = field(default_factory=list)  # the text before the first section
    sections: list[Section] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole indexed text: the start and every section."""
        return "".join(self.chunks) + "".join(section.title + "\n" + section.text for section in self.sections)


class _BodyParser(HTMLParser):
    """Collects the text of [data-pagefind-body] minus [data-pagefind-ignore], its first <h1> and the meta description."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageText()
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, inside body, ignored)
        self.in_h1 = False
        self.h1_done = False
        self.keywords_depth = 0  # > 0 inside the keywords line
        self.heading: str | None = None  # "h2"/"h3" while inside a section heading

    def _chunks(self) -> list[str]:
        """Where text goes now: the current section, or the start of the page."""
        return self.page.sections[-1].chunks if self.page.sections else self.page.chunks

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "meta" and names.get("name") == "description":
            self.page.description = names.get("content") or ""
        inside, ignored = self._state()
        if tag in BLOCKS and inside:
            self._chunks().append("\n")
        if tag in VOID:
            return
        if tag in ("h2", "h3") and inside and not ignored and names.get("id"):
            self.page.sections.append(Section(names["id"] or ""))
            self.heading = tag
        if "data-pagefind-body" in names:
            inside = self.page.body_found = True
        ignored = ignored or "data-pagefind-ignore" in names or tag in SKIPPED
        self.stack.append((tag, inside, ignored))
        if self.keywords_depth or (inside and "keywords" in (names.get("class") or "").split()):
            self.keywords_depth += 1
        if tag == "h1" and inside and not ignored and not self.h1_done:
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        inside = False  # an end tag with nothing open (the parser may start mid-page) adds nothing
        while self.stack:  # tolerate unclosed elements such as <p> and <li>
            open_tag, inside, _ignored = self.stack.pop()
            self.keywords_depth = max(0, self.keywords_depth - 1)
            if open_tag == tag:
                break
        if tag == self.heading:
            self.heading = None
        elif tag in BLOCKS and inside:
            self._chunks().append("\n")
        if tag == "h1" and self.in_h1:
            self.in_h1, self.h1_done = False, True

    def handle_data(self, data: str) -> None:
        inside, ignored = self._state()
        if inside and not ignored and self.keywords_depth:
            self.page.keywords += data
        elif inside and not ignored and self.heading:
            self.page.sections[-1].title += data
        elif inside and not ignored:
            self._chunks().append(data)
            if self.in_h1:
                self.page.title += data


def page_text(html: str) -> PageText:
    """The indexed text, title and description of one built page."""
    parser = _BodyParser()
    # Only the <head> (for the description) and the page from the indexed element on are parsed:
    # the header and navigation before it are most of a Material page and hold nothing to index.
    body = BODY_START.search(html)
    head_end = html.find("</head>")
    parser.feed(html[:head_end] + html[body.start() :] if body and 0 <= head_end < body.start() else html)
    parser.close()
    page = parser.page
    page.title = " ".join(page.title.split()).removesuffix("#").strip()  # without the permalink sign
    for section in page.sections:
        section.title = " ".join(section.title.split()).removesuffix("#").strip()
    page.keywords = page.keywords.split("：", 1)[-1].strip()  # without the 常见问法 label
    return page


def page_url(site_dir: Path, path: Path) -> str:
    """The page's address from the site root, as Pagefind records it (/q/x/ for q/x/index.html)."""
    relative = path.relative_to(site_dir).as_posix()
    return "/" + relative.removesuffix("index.html")


# How much a word counts by where it stands (Pagefind's data-pagefind-weight; the body is 1):
# a page whose title or 常见问法 says the reader's words ranks above one that mentions them.
TITLE_WEIGHT = 10
KEYWORDS_WEIGHT = 6
SUMMARY_WEIGHT = 3
# Reference pages (topic hubs, glossary, channel list) list the words of many answers; their text
# counts little, so a Q&A or guide that answers the question ranks above them. Their title still counts fully.
REFERENCE_PAGES = re.compile(r"^/(topics/[^/]+|glossary|channels)/$")
REFERENCE_BODY_WEIGHT = 0.2
# Sections (an <h2>/<h3> with an id): each is indexed under its anchor, so Pagefind can say which part
# of a page matched, and on long pages the result links straight to it (search-on-demand.js).
# 相关问题 lists other pages' titles: it answers nothing itself, so it is not indexed.
UNINDEXED_SECTIONS = frozenset({"related"})
UNLINKED_SECTIONS = frozenset({"sources"})  # indexed (a law's name finds the page), but not a place to send a reader
LONG_PAGE_TOKENS = 1500  # about 1,500 characters of text in sections: a few phone screens
MIN_LINKED_SECTIONS = 3
TEASER_CHARS = 48


def title_token(token: str) -> str:
    """A frequent pair's second name, written only on pages whose title has the pair (search-on-demand.js titled())."""
    return TITLE_TOKEN_PREFIX + token[len(TOKEN_PREFIX) :]


def pinyin_tokens(text: str) -> list[str]:
    """Toneless pinyin of each pair of neighbouring Chinese characters (催收 → cuishou), never shown on a page."""
    tokens: list[str] = []
    for run in TERM.findall(unicodedata.normalize("NFKC", text).lower()):
        if run[0].isascii() or len(run) < 2:
            continue
        sounds = syllables(run)
        tokens.extend(a + b for a, b in zip(sounds, sounds[1:], strict=False))
    return tokens


@dataclass(frozen=True)
class SectionRecord:
    """One section for the index: its anchor, its heading and text as tokens, and what a result shows of it."""

    anchor: str
    title: str
    tokens: str  # heading and text as space-separated tokens
    teaser: str  # the start of its text, shown under the heading in a result


@dataclass
class Record:
    """One page for the index: its title and short answer (shown in results) and its text as tokens."""

    url: str
    title: str
    summary: str
    body: str  # the page's indexed text before its first section, as space-separated tokens
    keywords: str = ""  # the page's 常见问法, as written
    sections: tuple[SectionRecord, ...] = ()

    @property
    def all_tokens(self) -> set[str]:
        """Every distinct token of the page's text, sections included."""
        return set(self.body.split()).union(*(section.tokens.split() for section in self.sections))

    @property
    def linked_sections(self) -> list[SectionRecord]:
        """The sections a result may link to: only on long pages, where finding the part that answers takes scrolling."""
        answering = [s for s in self.sections if s.anchor not in UNLINKED_SECTIONS]
        long_page = sum(len(s.tokens.split()) for s in self.sections) >= LONG_PAGE_TOKENS
        return answering if long_page and len(answering) >= MIN_LINKED_SECTIONS else []

    @property
    def reference(self) -> bool:
        """True for a topic hub, the glossary or the channel list."""
        return bool(REFERENCE_PAGES.match(self.url))

    @property
    def body_weight(self) -> float:
        """How much a word of the page's text counts."""
        return REFERENCE_BODY_WEIGHT if self.reference else 1

    def parts(
        self, common: frozenset[str] = frozenset(), frequent: frozenset[str] | None = None
    ) -> list[tuple[float, list[str]]]:
        """(weight, tokens) for title, keywords, short answer and text; words in `common` count only in the first three.

        A pair in `frequent` (default: `common`) that the title has is also written, after each of
        those three parts' own tokens, as its title token (title_token()) wherever the page has it
        there: a query for it then finds the pages about it, ranked as before, without scoring every
        page that mentions it.
        """
        heading = self.title + "、" + self.keywords
        title = search_tokens(self.title)
        frequent = common if frequent is None else frequent
        titled = {token for token in title if token in frequent and PAIR_TOKEN.match(token)}

        def with_titled(tokens: list[str]) -> list[str]:
            return tokens + [title_token(token) for token in tokens if token in titled]

        return [
            (TITLE_WEIGHT, with_titled(title)),
            (KEYWORDS_WEIGHT, with_titled(search_tokens(self.keywords)) + sorted(set(pinyin_tokens(heading)))),
            (SUMMARY_WEIGHT, with_titled(search_tokens(self.summary))),
            (self.body_weight, [token for token in self.body.split() if token not in common]),
        ]

    def content(self, common: frozenset[str] = frozenset(), frequent: frozenset[str] | None = None) -> str:
        """Every token Pagefind indexes for this page, whatever its weight."""
        tokens = [token for _weight, part in self.parts(common, frequent) for token in part]
        tokens += [t for section in self.sections for t in section.tokens.split() if t not in common]
        return " ".join(tokens)

    def html(self, common: frozenset[str] = frozenset(), frequent: frozenset[str] | None = None) -> str:
        """The indexed element's inside: one paragraph per part with its weight, then each section under its anchor."""
        parts = [
            f'<p data-pagefind-weight="{weight}">{" ".join(tokens)}</p>'
            for weight, tokens in self.parts(common, frequent)
            if tokens
        ]
        for section in self.sections:  # a heading with an id starts one of Pagefind's sub-results
            tokens = " ".join(t for t in section.tokens.split() if t not in common)
            parts.append(f'<h2 id="{escape_html(section.anchor)}" data-pagefind-weight="{self.body_weight}">-</h2>')
            parts.append(f'<p data-pagefind-weight="{self.body_weight}">{tokens}</p>')
        return "".join(parts)

    def sections_meta(self) -> str:
        """The linked sections as JSON for the result's metadata: [[anchor, heading, teaser], …] ("" for none)."""
        linked = self.linked_sections
        return json.dumps([[s.anchor, s.title, s.teaser] for s in linked], ensure_ascii=False) if linked else ""


def collect_records(site_dir: Path) -> list[Record]:
    """Every page of the built site that has a data-pagefind-body element."""
    records = []
    for path in sorted(site_dir.rglob("*.html")):
        if path.relative_to(site_dir).parts[0] == BUNDLE_DIR:
            continue
        page = page_text(path.read_text(encoding="utf-8"))
        if page.body_found:
            records.append(
                Record(
                    page_url(site_dir, path),
                    page.title,
                    page.description,
                    " ".join(search_tokens("".join(page.chunks))),
                    page.keywords,
                    tuple(
                        section_record(section) for section in page.sections if section.anchor not in UNINDEXED_SECTIONS
                    ),
                )
            )
    return records


def section_record(section: Section) -> SectionRecord:
    """A page section as the index holds it: heading and text as tokens, and a teaser of its first words."""
    words = " ".join(section.text.split())
    teaser = words if len(words) <= TEASER_CHARS else words[:TEASER_CHARS].rstrip() + "…"
    return SectionRecord(
        section.anchor, section.title, " ".join(search_tokens(section.title + "\n" + section.text)), teaser
    )


def pages_per_token(records: list[Record]) -> Counter[str]:
    """How many pages have each token in their text."""
    pages_with: Counter[str] = Counter()
    for record in records:
        pages_with.update(record.all_tokens)
    return pages_with


def common_tokens(
    records: list[Record], share: float = COMMON_SHARE, counts: Counter[str] | None = None
) -> frozenset[str]:
    """Words on more than `share` of the pages, once there are COMMON_MIN_PAGES pages (else none).

    On a large site such a word (借呗, 征信, 还款 on a site about them) says little about a page where
    it only appears in the text, yet every query for it makes the browser score thousands of pages
    (measured: ~0.6 s for a word on all of 10,000 pages) and makes the index build need gigabytes.
    Such words still match where they matter: a page's title and short answer. With TITLED_SHARE: the
    words that also get a title token (Record.parts()). counts: pages_per_token(records), if known.
    """
    if len(records) < COMMON_MIN_PAGES:
        return frozenset()
    counts = pages_per_token(records) if counts is None else counts
    return frozenset(token for token, pages in counts.items() if pages > share * len(records))


def write_pages(
    records: list[Record], folder: Path, common: frozenset[str] = frozenset(), frequent: frozenset[str] | None = None
) -> None:
    """One small HTML file per record, at the page's own path: the tokens as body, title and summary as metadata."""
    for record in records:
        path = folder / record.url.lstrip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>-</title></head><body>'
            f'<p data-pagefind-meta="title">{escape_html(record.title)}</p>'
            f'<p data-pagefind-meta="summary">{escape_html(record.summary)}</p>'
            + (f'<p data-pagefind-meta="sections">{escape_html(meta)}</p>' if (meta := record.sections_meta()) else "")
            + f"<main data-pagefind-body>{record.html(common, frequent)}</main></body></html>\n",
            encoding="utf-8",
        )


def run_pagefind(pages_dir: Path, out_dir: Path) -> bool:
    """Index pages_dir with the pinned Pagefind binary into out_dir; True when it succeeded."""
    from pagefind_bin_extended import get_executable

    cmd = [str(get_executable()), "--site", str(pages_dir), "--output-path", str(out_dir), "--silent"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"搜索索引：Pagefind 出错：\n{(done.stdout + done.stderr)[-3000:]}", file=sys.stderr)
    return done.returncode == 0


def shards(records: list[Record], shard_pages: int) -> list[list[Record]]:
    """Split the records into as few parts of at most shard_pages as possible, dealt out in turn.

    Dealt, not cut in runs: every part then holds a mix of all topics, so word statistics (and the
    scores Pagefind computes from them in each part) stay comparable when the browser merges results.
    """
    count = max(1, -(-len(records) // shard_pages))
    return [records[i::count] for i in range(count)]


def part_dir(out_dir: Path, number: int) -> Path:
    """Where part `number` of the index goes: the first is the main bundle, the others inside it."""
    return out_dir if number == 0 else out_dir / f"{PART_PREFIX}{number + 1}"


def build_search_index(site_dir: Path, shard_pages: int = SHARD_PAGES) -> bool:
    """Write site_dir/pagefind/ (the Pagefind bundle and index, in parts on large sites); False stops the build."""
    started = time.perf_counter()
    try:
        import pagefind_bin_extended  # noqa: F401  (the pinned binary, pagefind[extended] in requirements.txt)
    except ImportError:
        print("搜索索引：没有安装 pagefind[extended]（requirements.txt），无法生成搜索。", file=sys.stderr)
        return False
    records = collect_records(site_dir)
    if not records:
        print(
            "搜索索引：没有一个页面带 data-pagefind-body（docs/overrides/main.html），无法生成搜索。", file=sys.stderr
        )
        return False
    out_dir = site_dir / BUNDLE_DIR
    counts = pages_per_token(records) if len(records) >= COMMON_MIN_PAGES else None
    common = common_tokens(records, COMMON_SHARE, counts)
    frequent = common_tokens(records, TITLED_SHARE, counts) | common
    parts = shards(records, shard_pages)
    # Pagefind's Python API waits 0.1 s per record (its service polls), so the records are written
    # as small HTML files and indexed by the command-line binary, one run per part: Pagefind holds a
    # whole run in memory (measured: ~0.5 MB per page of our text), so parts keep a large build under 2 GB.
    for number, part in enumerate(parts):
        with tempfile.TemporaryDirectory(prefix="faqgen-pagefind-") as tmp:
            write_pages(part, Path(tmp), common, frequent)
            if not run_pagefind(Path(tmp), part_dir(out_dir, number)):
                return False
        # The browser runs the main bundle's code and WebAssembly for every part; the parts keep only their index.
        for name in UNUSED_UI + (() if number == 0 else PART_UNUSED):
            (part_dir(out_dir, number) / name).unlink(missing_ok=True)
        slim_fragments(part_dir(out_dir, number))
    extra = [f"{part_dir(out_dir, n).name}/" for n in range(1, len(parts))]
    (out_dir / PARTS_FILE).write_text(json.dumps(extra), encoding="utf-8")
    if not (out_dir / "pagefind.js").is_file():
        print(f"搜索索引：Pagefind 没有写出 {BUNDLE_DIR}/pagefind.js。", file=sys.stderr)
        return False
    name_wasm_by_hash(out_dir)
    # The search box fetches search-data.json first; from it, it starts every file named here at
    # once instead of one after another as Pagefind finds their names (parts.json stays for an
    # older search-data.json, e.g. while `mkdocs serve` is still indexing).
    folders = [part_dir(out_dir, n) for n in range(len(parts))]
    chunks = {part: chunk_table(folder, LANGUAGE) for part, folder in zip(["", *extra], folders, strict=True)}
    listed = {"parts": extra, "preload": first_files(out_dir, folders, LANGUAGE), "chunks": chunks}
    # Every result's text in one file: a small site's box downloads it with the rest, so the first
    # result waits for no result entries; a larger site's fetches it after the first results.
    table = result_table(folders)
    if len(parts) == 1 and len(records) <= RESULTS_MAX_PAGES:
        listed["results"] = write_result_table(out_dir, table)
    elif later := write_result_table(out_dir, table, LATER_MAX_GZIP):
        listed["later"] = later
    if common:  # a large site: the box leaves these out of a query's word-by-word search (search-on-demand.js)
        listed["common"] = sorted(common)
        listed["titled"] = sorted(frequent - common)  # these too have title tokens
    add_to_search_data(site_dir, listed)
    pruned = f"，{len(common)} 个常见词只按标题和简短回答索引" if common else ""
    split = f"，分 {len(parts)} 部分" if len(parts) > 1 else ""
    print(f"搜索索引：{len(records)} 个页面{pruned}{split}（{time.perf_counter() - started:.1f} 秒）")
    return True


_one_at_a_time = threading.Lock()


def build_search_index_soon(site_dir: Path) -> threading.Thread:
    """Index in a background thread, one run at a time: `mkdocs serve` reloads the page without waiting for search."""

    def run() -> None:
        with _one_at_a_time:
            if not build_search_index(site_dir):
                print("搜索索引：生成失败，预览里的搜索可能不是最新的（见上面的信息）。", file=sys.stderr)

    thread = threading.Thread(target=run, name="pagefind-index", daemon=True)
    thread.start()
    return thread


if __name__ == "__main__":
    sys.exit(0 if build_search_index(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")) else 1)
