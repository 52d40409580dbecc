"""The whole-guide print view and its PDF: what it contains, the PDF the build ships, the skip without Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import faqgen.browser
import faqgen.build.pdf as pdf_export
from faqgen.content.pipeline import generate, load_valid_content
from faqgen.render.pages import PDF_HREF, split_tool_document
from faqgen.render.print_view import page_address, print_pages, section_markdown
from pdf_helpers import chrome_printed, flat, lines, page_png, page_sizes, pdf_pages, require_poppler, stranded_headings

MAX_GUIDE_PDF_PAGES = 45  # the guide, the channel list (now with lender and court channels) and every tool
needs_chromium = pytest.mark.skipif(
    not faqgen.browser.chromium_available(), reason="no Chromium: the build skips the PDF"
)


def print_view_markdown(content_dir: Path) -> str:
    """The generated Markdown of the print view."""
    return next(p.markdown for p in generate(content_dir) if p.src_uri == "print.md")


def test_print_view_has_cover_toc_then_guide_channels_and_tools(content_copy: Path) -> None:
    content = load_valid_content(content_copy)
    guide, tools = print_pages(content)
    md = print_view_markdown(content_copy)
    order = [
        "# 借贷维权问答 {#cover}",
        "## 目录 {#toc}",
        f"## {guide[0].front.title} {{#{guide[0].id} ",
        "## 投诉渠道一览 {#channels ",
        *(f"## {t.front.title} {{#{t.id} " for t in tools),
    ]
    positions = [md.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert [t.id for t in tools] == sorted(
        ["harassment-log", "repayment-negotiation-letter", "complaint-checklist", "credit-report-objection"],
        key=lambda i: content.page(i).front.title,
    )


def test_print_view_ids_are_unique_and_every_toc_link_lands(content_copy: Path) -> None:
    md = print_view_markdown(content_copy)
    ids = re.findall(r"\{#([^\s}]+)", md)
    assert len(ids) == len(set(ids)), "duplicate ids in the print view"
    toc = md.split("## 目录", 1)[1].split("</div>", 1)[0]
    anchors = re.findall(r"\]\(#([^)]+)\)", toc)
    assert anchors and set(anchors) <= set(ids)


def test_print_view_leaves_out_questions(content_copy: Path) -> None:
    content = load_valid_content(content_copy)
    headings = [line for line in print_view_markdown(content_copy).splitlines() if line.startswith("#")]
    for question in (p for p in content.pages if p.kind == "question"):
        assert not any(question.front.title in h for h in headings), question.id


def test_split_tool_document() -> None:
    body = "## 怎么用\n\n1. 填写。\n\n## 文件正文\n\n### 申请书\n\n姓名：【姓名】"
    assert split_tool_document(body) == ("## 怎么用\n\n1. 填写。", "## 文件正文\n\n### 申请书\n\n姓名：【姓名】")
    assert split_tool_document("## 怎么用\n\n文字") == ("## 怎么用\n\n文字", "")


def test_section_markdown_shifts_headings_and_namespaces_ids() -> None:
    text, toc = section_markdown("# 标题\n\n## 第一节\n\n```\n# 不是标题\n```\n\n### 小节 {#x .c}\n", "p1", toc_depth=1)
    assert "## 标题 {#p1 .print-section__title}" in text
    assert "### 第一节 {#p1--1}" in text and "#### 小节 {#p1--x .c}" in text and "\n# 不是标题\n" in text
    assert [(e.text, e.anchor, e.depth) for e in toc] == [("标题", "p1", 1), ("第一节", "p1--1", 2)]


def test_page_address() -> None:
    assert page_address("https://example.cn/", "tools/harassment-log.md") == "https://example.cn/tools/harassment-log/"
    assert page_address("https://example.cn", "index.md") == "https://example.cn/"
    assert page_address("", "channels.md") == "", "no public address: none printed"


def test_without_chromium_the_build_goes_on_without_the_pdf(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(faqgen.browser, "CHROMIUM", tmp_path / "no-chromium")
    home = tmp_path / "index.html"
    home.write_text('<p class="pdf-download pdf-pending">', encoding="utf-8")
    assert pdf_export.export_pdf(tmp_path) is True
    out = capsys.readouterr().out
    assert "跳过 PDF" in out and "Chromium" in out
    assert not (tmp_path / PDF_HREF).exists()
    assert "pdf-pending" in home.read_text(encoding="utf-8"), "no PDF, so the link stays hidden"
    assert pdf_export.main(["--require-chromium", str(tmp_path)]) == 1, "make pdf fails loudly instead"


@needs_chromium
def test_a_site_without_the_print_view_fails_the_step(tmp_path: Path) -> None:
    assert pdf_export.export_pdf(tmp_path) is False


@pytest.mark.browser
@needs_chromium
def test_build_ships_the_pdf_and_reveals_its_links(pdf_site: Path) -> None:
    pdf = pdf_site / PDF_HREF
    assert pdf.read_bytes()[:5] == b"%PDF-"
    for html in ("index.html", "print/index.html"):
        text = (pdf_site / html).read_text(encoding="utf-8")
        assert "pdf-pending" not in text and '<p class="pdf-download">' in text
    home = (pdf_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{PDF_HREF}"' in home and 'href="print/"' in home


@pytest.mark.browser
@needs_chromium
def test_guide_pdf_has_cover_toc_sections_sources_and_no_chrome(pdf_site: Path) -> None:
    require_poppler()
    pdf, content = pdf_site / PDF_HREF, load_valid_content()
    pages = pdf_pages(pdf)
    text, flat_text = "\n".join(pages), flat("\n".join(pages))
    assert 10 <= len(pages) <= MAX_GUIDE_PDF_PAGES, f"{len(pages)} pages"
    assert lines(pages[0])[0] == "借贷维权问答" and "打印版" in pages[0] and "第 1 页，共" in pages[0]
    assert lines(pages[1])[0] == "目录"
    guide, tools = print_pages(content)
    titles = [guide[0].front.title, "投诉渠道一览", *(t.front.title for t in tools)]
    first_lines = [lines(p)[0] for p in pages if lines(p)]
    for title in titles:
        assert title in first_lines, f"section {title} does not start a fresh sheet"
    guide_start = next(n for n, p in enumerate(pages) if lines(p) and lines(p)[0] == titles[0])
    toc_text = "\n".join(pdf_pages(pdf, layout=True)[1:guide_start])  # the 目录 may take more than one sheet
    toc = dict(re.findall(r"^\s*(\S.*?)\s+(\d+)$", toc_text, re.M))
    for title in titles:
        assert title in toc, f"{title} has no page number in the 目录"
        assert lines(pages[int(toc[title]) - 1])[0] == title, f"目录 gives the wrong page for {title}"
    assert not chrome_printed(text), "site chrome printed"
    for item in guide + tools:
        for ref in item.front.source_refs():
            url = next(s.url for s in content.sources if s.id == ref.id)
            assert flat(url) in flat_text, f"source URL {url} of {item.id} not written out"
    # Built without SITE_URL: no address at all (tests/built/test_paper_address.py prints a public one).
    assert "127.0.0.1" not in flat_text and "网页版" not in flat_text and "本页网址" not in flat_text
    heads = set(titles) | {"目录", "来源", "这份文件有什么用", "怎么用", "它做不到什么"}
    assert stranded_headings(pdf, heads, skip_pages=(2,)) == [], "a heading at the foot of a page"
    assert sum(1 for w, h in page_sizes(pdf) if w > h) == 1, "only the harassment log sheet is landscape"


@pytest.mark.browser
@needs_chromium
def test_guide_pdf_cover_renders_to_png(pdf_site: Path, tmp_path: Path) -> None:
    require_poppler()
    png = page_png(pdf_site / PDF_HREF, 1, tmp_path / "cover")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000


@pytest.mark.browser
@needs_chromium
def test_guide_pdf_text_is_the_screen_text_and_the_flow_is_one_full_width_sheet(pdf_site: Path, tmp_path: Path) -> None:
    require_poppler()
    pdf, content = pdf_site / PDF_HREF, load_valid_content()
    pages = pdf_pages(pdf)
    text = "\n".join(pages)
    radicals = sorted({ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF})  # CJK radicals and Kangxi radicals
    assert radicals == [], f"text copies out as radicals, not the characters on screen: {radicals}"
    assert "自己" in text and "银行" in text
    flow = [n for n, p in enumerate(pages, start=1) if "投诉渠道决策流程：" in p]
    assert len(flow) == 1, f"the flow's title is on pages {flow}"
    sheet = flat(pages[flow[0] - 1])
    for situation in content.routing.situations:
        assert flat(situation.label) in sheet, f"{situation.label} is not on the flow's sheet"
    assert "12378" in sheet and "放款机构自己的客服" in sheet
    width = max(len(line) for line in pdf_pages(pdf, layout=True)[flow[0] - 1].splitlines())
    assert width >= 60, "the flow spans the sheet's width (three columns), not half of it"
    page_png(pdf, flow[0], tmp_path / "flow")
