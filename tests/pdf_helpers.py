"""Reading PDFs in tests with poppler's command-line tools (pdftotext, pdfinfo, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

FOOTER = re.compile(r"^第 \d+ 页，共 \d+ 页$")  # the page number line pdf_export prints in the footer


def require_poppler() -> None:
    """Skip the test when poppler-utils is missing (make test installs it)."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")


def pdf_pages(pdf: Path, layout: bool = False) -> list[str]:
    """The text of each page, as pdftotext extracts it (layout=True keeps the visual line order)."""
    cmd = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    pages = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    """Text without any whitespace, so words and URLs wrapped across lines can be found."""
    return "".join(text.split())


def lines(page_text: str) -> list[str]:
    """The non-empty lines of a page, stripped, without the page-number footer."""
    return [s for s in (line.strip() for line in page_text.splitlines()) if s and not FOOTER.match(s)]


def stranded_headings(pdf: Path, headings: set[str], skip_pages: tuple[int, ...] = ()) -> list[tuple[int, str]]:
    """(page number, heading) for every page but the last whose last line is a heading."""
    pages = pdf_pages(pdf, layout=True)
    found = []
    for number, text in enumerate(pages[:-1], start=1):
        page_lines = lines(text)
        if number not in skip_pages and page_lines and page_lines[-1] in headings:
            found.append((number, page_lines[-1]))
    return found


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)]


def page_png(pdf: Path, page: int, out_prefix: Path, dpi: int = 60) -> Path:
    """Render one page to out_prefix.png (to look at, and to check it renders at all)."""
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(out_prefix),
        ],
        check=True,
    )
    return out_prefix.with_suffix(".png")


# Labels of the site's own header, buttons and footer, which must never print. Labels that page text
# may also use as words (搜索结果, 首页, 术语表) count only when they stand alone on a line, as a label does.
CHROME_LABELS = ["打印本页", "跳转至", "回到页面顶部", "关于本站", "打印模板"]
CHROME_WORDS = ["搜索", "首页", "术语表"]


def chrome_printed(text: str) -> list[str]:
    """The site chrome labels found in printed text."""
    alone = set(lines(text))
    return [w for w in CHROME_LABELS if w in text] + [w for w in CHROME_WORDS if w in alone]
