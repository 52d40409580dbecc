"""Printing single pages from the browser: A4 PDFs of the guide, a Q&A and every tool."""

from __future__ import annotations

from pathlib import Path

import pytest

from faqgen.content.model import Content, Page
from faqgen.content.pipeline import load_valid_content
from faqgen.paths import CONTENT_DIR
from pdf_helpers import chrome_printed, flat, lines, page_png, page_sizes, pdf_pages, require_poppler, stranded_headings

pytestmark = pytest.mark.browser

TOOL_IDS = sorted(p.stem for p in (CONTENT_DIR / "tools").glob("*.md"))
SITE_NAME = "借贷维权问答"  # shown in the header bar, which must not print
MAX_PAGES = {"tool": 5, "guide": 12, "question": 3}  # the letter: explanation and caveats, then 2–3 sheets to fill in
MM = 96 / 25.4  # CSS pixels per millimetre
HEADINGS_JS = """() => [...document.querySelectorAll("article h1, article h2, article h3, article h4")]
  .map(h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains("headerlink")))
  .map(n => n.textContent).join("").trim())"""


@pytest.fixture(scope="module")
def content() -> Content:
    """The real content, to know each page's title and sources."""
    return load_valid_content()


def print_pdf(page, url: str, target: Path) -> Path:
    """Open url and print it the way a reader's browser does: A4, the page's own @page rules."""
    require_poppler()
    page.goto(url)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True, print_background=True)
    return target


def url_of(site_url: str, item: Page) -> str:
    """The page's address on the test server."""
    return f"{site_url}/{item.src_uri.removesuffix('.md')}/"


def check_clean_print(pdf: Path, item: Page, content: Content, address: str, headings: list[str]) -> list[str]:
    """The checks every printed page passes; returns the page texts for more."""
    pages = pdf_pages(pdf)
    text = "\n".join(pages)
    assert 1 <= len(pages) <= MAX_PAGES[item.kind], f"{item.id}: {len(pages)} pages"
    assert flat(item.front.title) in flat(pages[0]), "the title must be extractable Chinese text on page 1"
    assert "简短回答" in pages[0] and "最近审核" in pages[0]
    assert SITE_NAME not in text, f"{item.id}: site name printed"
    assert not chrome_printed(text), f"{item.id}: site chrome printed"
    for ref in item.front.source_refs():
        url = next(s.url for s in content.sources if s.id == ref.id)
        assert flat(url) in flat(text), f"{item.id}: source URL {url} not written out"
    # Built without SITE_URL: no address on paper (the public one: tests/built/test_paper_address.py).
    assert "本页网址" not in text and "127.0.0.1" not in text, f"{item.id}: a preview address printed"
    assert stranded_headings(pdf, set(headings)) == []
    return pages


@pytest.mark.parametrize("tool_id", TOOL_IDS)
def test_tool_prints_cleanly_with_its_document_on_fresh_sheets(
    page, site_url: str, tmp_path: Path, content: Content, tool_id: str
) -> None:
    tool = content.page(tool_id)
    address = url_of(site_url, tool)
    pdf = print_pdf(page, address, tmp_path / f"{tool_id}.pdf")
    pages = check_clean_print(pdf, tool, content, address, page.evaluate(HEADINGS_JS))
    document_title = page.locator(".tool-document h3").first.evaluate(
        "h => [...h.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim()"
    )
    assert any(lines(p)[:1] == [document_title] for p in pages[1:]), "the document to fill in starts a new sheet"
    assert "文件正文" not in "\n".join(pages), "the 文件正文 label is for the screen only"


def test_harassment_log_is_one_landscape_sheet_with_rows_to_write_in(page, site_url: str, tmp_path: Path) -> None:
    pdf = print_pdf(page, f"{site_url}/tools/harassment-log/", tmp_path / "log.pdf")
    landscape = [number for number, (w, h) in enumerate(page_sizes(pdf), start=1) if w > h]
    assert len(landscape) == 1, "the log table gets exactly one landscape sheet"
    sheet = pdf_pages(pdf)[landscape[0] - 1]
    for text in ("催收骚扰记录表", "是否联系了他人", "证据文件名", "记录人（签名）", "日期："):
        assert text in sheet, f"{text} is not on the landscape sheet"
    page.emulate_media(media="print")
    heights = page.evaluate("""() => [...document.querySelectorAll(".tool-document table")]
      .filter(t => t.querySelectorAll("th").length >= 6)
      .flatMap(t => [...t.querySelectorAll("tbody tr")].map(r => r.getBoundingClientRect().height))""")
    assert len(heights) >= 12 and min(heights) >= 9.5 * MM, f"rows too short to write in: {heights}"
    png = page_png(pdf, landscape[0], tmp_path / "log-sheet")
    assert png.stat().st_size > 5_000


@pytest.mark.parametrize("page_id", ["debt-collection-harassment", "jiebei-10k-unpaid-jail"])
def test_guide_and_question_print_cleanly(page, site_url: str, tmp_path: Path, content: Content, page_id: str) -> None:
    item = content.page(page_id)
    address = url_of(site_url, item)
    pages = check_clean_print(
        print_pdf(page, address, tmp_path / f"{page_id}.pdf"), item, content, address, page.evaluate(HEADINGS_JS)
    )
    assert "相关问题" not in "\n".join(pages), "links to other pages are left off paper"


@pytest.mark.parametrize(
    "path", ["/guides/debt-collection-harassment/", "/q/jiebei-10k-unpaid-jail/", "/tools/harassment-log/", "/print/"]
)
def test_print_button_prints_and_is_hidden_on_paper(page, site_url: str, path: str) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(site_url + path)
    button = page.get_by_role("button", name="打印本页")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert button.is_hidden()
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".page-address").count() == 0, "no public address (SITE_URL unset): none printed"


def test_home_has_no_print_button_but_points_to_the_print_view(page, site_url: str) -> None:
    page.goto(site_url + "/")
    assert page.get_by_role("button", name="打印本页").count() == 0
    page.locator("#print + ul").get_by_role("link", name="打印整本指南").click()
    page.wait_for_url("**/print/")
    assert page.locator(".print-toc").is_visible()


def test_print_rules_keep_headings_with_text_and_rows_whole(page, site_url: str) -> None:
    page.goto(site_url + "/guides/debt-collection-harassment/")
    page.emulate_media(media="print")
    style = page.evaluate("""() => ({
      heading: getComputedStyle(document.querySelector("article h2")).breakAfter,
      row: getComputedStyle(document.querySelector("article tr")).breakInside,
      page: getComputedStyle(document.querySelector(".md-main__inner")).display })""")
    assert style == {"heading": "avoid", "row": "avoid", "page": "block"}
