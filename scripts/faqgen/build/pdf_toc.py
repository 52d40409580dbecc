"""Page numbers for the print view's 目录, read from the named destinations Chromium writes into its PDFs.

Chromium turns every in-page link target (#id) into a PDF named destination pointing at a page.
This reads them with a few regular expressions over the uncompressed object dictionaries
Chromium (Skia) writes; on any other layout it finds nothing, and the 目录 simply has no numbers.
"""

from __future__ import annotations

import re

OBJECT = re.compile(rb"(?ms)^(\d+) 0 obj\s*(.*?)^endobj")
REF = re.compile(rb"(\d+) 0 R")
DEST = re.compile(rb"/([A-Za-z0-9_.-]+)\s*\[\s*(\d+) 0 R")


def _page_order(objects: dict[int, bytes], node: int, depth: int = 0) -> list[int]:
    """Object numbers of the leaf pages under a page-tree node, in reading order."""
    body = objects.get(node, b"")
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
    if b"/Type /Pages" not in body or not kids or depth > 32:
        return [node]
    return [page for kid in REF.findall(kids[1]) for page in _page_order(objects, int(kid), depth + 1)]


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Named destination (an element id) → 1-based page number; empty when the PDF cannot be read this way."""
    objects = {int(number): body for number, body in OBJECT.findall(pdf)}
    catalog = next((body for body in objects.values() if b"/Type /Catalog" in body), b"")
    pages, dests = re.search(rb"/Pages (\d+) 0 R", catalog), re.search(rb"/Dests (\d+) 0 R", catalog)
    if not pages or not dests:
        return {}
    number_of = {obj: index for index, obj in enumerate(_page_order(objects, int(pages[1])), start=1)}
    return {
        name.decode(): number_of[int(ref)]
        for name, ref in DEST.findall(objects.get(int(dests[1]), b""))
        if int(ref) in number_of
    }
