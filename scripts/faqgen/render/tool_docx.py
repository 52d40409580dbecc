"""Each tool's document (what follows "## 文件正文") as an editable Word file, made at build time (issue 14).

The Markdown is turned into HTML by Python-Markdown (as MkDocs does) and that tree into a .docx with
python-docx: the same headings, paragraphs, lists, tables and ＿＿ blanks, links as their text. Word
and WPS open it; the East Asian font is set to 宋体 so Chinese shows the same in both.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import markdown
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from faqgen.content.model import Content, Page
from faqgen.render.shortcodes import Targets, expand

DOCX_DIR = "letters"  # in the site: letters/<tool id>.docx (not downloads/: the offline copy keeps these)
HEADING_LEVELS = {"h3": 0, "h4": 1, "h5": 2}  # the document's ### title is the Word title


def docx_uri(page: Page) -> str:
    """Where a tool's .docx lives in the site."""
    return f"{DOCX_DIR}/{page.id}.docx"


def document_markdown(page: Page, targets: Targets) -> str:
    """The tool's document part with references expanded (links become their text in Word)."""
    from faqgen.render.pages import TOOL_DOCUMENT_HEADING, split_tool_document

    _, document = split_tool_document(page.body.strip())
    document = document.removeprefix(TOOL_DOCUMENT_HEADING).strip()
    return expand(document, targets, page.src_uri, lambda *_: None)


def _runs(paragraph: Paragraph, element: ET.Element, bold: bool = False) -> None:
    """Add an element's text to a paragraph, bold where the Markdown was **bold**."""
    if element.text:
        paragraph.add_run(element.text).bold = bold or None
    for child in element:
        if child.tag in ("ul", "ol"):
            continue  # nested lists get their own paragraphs
        _runs(paragraph, child, bold or child.tag in ("strong", "b"))
        if child.tail:
            paragraph.add_run(child.tail).bold = bold or None


def _list(doc: Document, element: ET.Element, level: int) -> None:
    """A bulleted or numbered list; a nested list one level deeper."""
    style = ("List Bullet" if element.tag == "ul" else "List Number") + (f" {level + 1}" if level else "")
    for item in element.findall("li"):
        target = item.find("p") if item.find("p") is not None else item
        _runs(doc.add_paragraph(style=style), target)
        for nested in item:
            if nested.tag in ("ul", "ol"):
                _list(doc, nested, min(level + 1, 2))


def _table(doc: Document, element: ET.Element) -> None:
    """A Markdown table as a bordered Word table, header row bold."""
    rows = element.findall(".//tr")
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            _runs(paragraph, cell, bold=cell.tag == "th")


def tool_docx(page: Page, targets: Targets) -> bytes:
    """The .docx bytes of one tool's document."""
    html = markdown.markdown(document_markdown(page, targets), extensions=["tables", "sane_lists", "attr_list"])
    root = ET.fromstring(f"<div>{html}</div>")
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    doc.core_properties.title = page.front.title
    doc.core_properties.author = ""
    for element in root:
        if element.tag in HEADING_LEVELS:
            heading = doc.add_heading(level=HEADING_LEVELS[element.tag])
            _runs(heading, element)
            if element.tag == "h3":
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif element.tag in ("ul", "ol"):
            _list(doc, element, 0)
        elif element.tag == "table":
            _table(doc, element)
        else:
            _runs(doc.add_paragraph(), element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def tool_docx_files(content: Content) -> list[tuple[str, bytes]]:
    """(site path, bytes) of every tool's .docx."""
    targets = Targets(content)
    return [(docx_uri(p), tool_docx(p, targets)) for p in content.pages if p.kind == "tool"]
