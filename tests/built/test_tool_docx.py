"""Issue 14, editable letters: each tool's .docx, opened with python-docx, holds the page's headings, blanks and tables."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from faqgen.content.pipeline import load_valid_content
from faqgen.paths import CONTENT_DIR

TOOLS = sorted(p.stem for p in (CONTENT_DIR / "tools").glob("*.md"))


def html_tables(page_html: str) -> list[list[str]]:
    """Header cells of each table inside the page's tool document."""
    document = page_html.split('<div class="tool-document">', 1)[1]
    return [
        re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", t, re.S) for t in re.findall(r"<table>(.*?)</table>", document, re.S)
    ]


@pytest.mark.parametrize("tool", TOOLS)
def test_docx_matches_the_tool_page(built_site: Path, tool: str) -> None:
    page_html = (built_site / f"tools/{tool}/index.html").read_text(encoding="utf-8")
    assert f'href="../../letters/{tool}.docx"' in page_html
    word = docx.Document(str(built_site / f"letters/{tool}.docx"))
    title = re.search(r'<div class="tool-document">.*?<h3[^>]*>(.*?)<a', page_html, re.S)[1].strip()
    assert word.paragraphs[0].text == title and word.paragraphs[0].style.name == "Title"
    text = "\n".join(p.text for p in word.paragraphs)
    cells = "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert any(blank in text + cells for blank in ("＿＿", "☐", "【"))  # the blanks to fill in
    # The label stays on the web page; references expanded, without Markdown attribute syntax.
    assert "文件正文" not in text and "{{" not in text and "{:" not in text + cells
    assert [[c.text for c in t.rows[0].cells] for t in word.tables] == html_tables(page_html)
    for table in word.tables:
        assert table.style.name == "Table Grid"


def test_repayment_letter_text(built_site: Path) -> None:
    word = docx.Document(str(built_site / "letters/repayment-negotiation-letter.docx"))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "致：【放款机构全称】（以借款合同上的名称为准）" in text
    assert "只与我本人联系，联系电话：【本人手机号】；" in text  # a nested list item
    assert "申请人（签名）：＿＿＿＿＿＿＿＿" in text
    bold = [r.text for p in word.paragraphs for r in p.runs if r.bold]
    assert "我提出的还款方案" in bold
    rows = [[c.text for c in r.cells] for r in word.tables[1].rows]
    assert rows[1] == ["每月还款金额", "【金额】元"]
    styles = word.styles["Normal"].element.rPr.rFonts
    assert styles.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "宋体"


def test_every_tool_has_one() -> None:
    from faqgen.render.tool_docx import tool_docx_files

    content = load_valid_content(CONTENT_DIR)
    assert sorted(uri for uri, _ in tool_docx_files(content)) == [f"letters/{t}.docx" for t in TOOLS]
