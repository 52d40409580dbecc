"""Glossary tooltips: wrap glossary terms in page text in <abbr title="definition"> (works for Chinese).

Python-Markdown's own `abbr` extension matches on \\b word boundaries, which never occur inside a
run of Chinese characters, so it finds nothing here. This tree processor runs after inline
parsing, looks only at plain text (never headings, links, code or existing abbr), marks the first
occurrence of each term per section, and adds no visible text: Material's `content.tooltips`
shows the title on hover, and tabindex makes it show on tap and keyboard focus.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from faqgen.content.schema import GlossaryTerm

SKIPPED_TAGS = {
    "a",
    "abbr",
    "code",
    "pre",
    "kbd",
    "samp",
    "script",
    "style",
    "button",
    "time",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PRIORITY = 7  # after inline parsing (20), before toc (5); the same slot as Markdown's abbr


def tooltip_words(glossary: Iterable[GlossaryTerm]) -> dict[str, tuple[str, str]]:
    """Every written form (term and aliases) → (the term it belongs to, its definition)."""
    words: dict[str, tuple[str, str]] = {}
    for term in glossary:
        for word in (term.term, *term.aliases):
            words.setdefault(word, (term.term, term.definition))
    return words


class GlossaryTreeprocessor(Treeprocessor):
    """Wrap the first occurrence per section of each glossary word in an <abbr>."""

    def __init__(self, md: Markdown, extension: GlossaryTooltips):
        super().__init__(md)
        self.ext = extension

    def run(self, root: etree.Element) -> None:
        """Walk the document in reading order; headings start a new section."""
        if self.ext.enabled and self.ext.pattern is not None:
            self._walk(root, set())

    def _walk(self, element: etree.Element, seen: set[str]) -> None:
        """Mark words in element's own text, then in each child and its tail."""
        head, marks = self._mark(element.text or "", seen)
        if marks:
            element.text = head
            for i, mark in enumerate(marks):
                element.insert(i, mark)
        index = len(marks)
        while index < len(element):
            child = element[index]
            if child.tag in HEADINGS:
                seen.clear()
            if child.tag not in SKIPPED_TAGS:
                self._walk(child, seen)
            head, marks = self._mark(child.tail or "", seen)
            if marks:
                child.tail = head
                for offset, mark in enumerate(marks, 1):
                    element.insert(index + offset, mark)
            index += 1 + len(marks)

    def _mark(self, text: str, seen: set[str]) -> tuple[str, list[etree.Element]]:
        """Split text into the text before the first mark and a list of <abbr> elements with tails."""
        marks: list[etree.Element] = []
        head, position = text, 0
        for match in self.ext.pattern.finditer(text):
            term, definition = self.ext.words[match.group(0)]
            if term in seen:
                continue
            seen.add(term)
            mark = etree.Element("abbr", {"title": definition, "tabindex": "0"})
            mark.text = match.group(0)
            before = text[position : match.start()]
            if marks:
                marks[-1].tail = before
            else:
                head = before
            marks.append(mark)
            position = match.end()
        if marks:
            marks[-1].tail = text[position:]
        return head, marks


class GlossaryTooltips(Extension):
    """Markdown extension holding the glossary words; set `enabled` False for pages that must not change."""

    def __init__(self, glossary: Iterable[GlossaryTerm] = (), **kwargs: object):
        super().__init__(**kwargs)
        self.words = tooltip_words(glossary)
        # Longest first, so 最低还款额 wins over 最低还款 and 征信异议 over 征信.
        alternatives = sorted(self.words, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None
        self.enabled = True

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the tree processor."""
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "faqgen_glossary", PRIORITY)
