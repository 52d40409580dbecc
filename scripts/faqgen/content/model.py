"""Plain typed objects the renderer works from; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from faqgen.content.schema import Channel, GlossaryTerm, PageFront, Routing, SearchSettings, Source, Topic
from faqgen.content.yaml_source import ParsedYaml

PageKind = Literal["question", "guide", "tool"]

# Where each kind of page lives in content/ and in the site.
KIND_FOLDERS: dict[PageKind, str] = {"question": "questions", "guide": "guides", "tool": "tools"}
KIND_URL_DIRS: dict[PageKind, str] = {"question": "q", "guide": "guides", "tool": "tools"}


@dataclass
class Page:
    """One editor-written page with its front matter and Markdown body."""

    kind: PageKind
    front: PageFront
    body: str
    path: Path
    body_line: int  # file line of the body's first line
    meta: ParsedYaml = field(repr=False)

    @property
    def id(self) -> str:
        """The page's stable id."""
        return self.front.id

    @property
    def src_uri(self) -> str:
        """Where the generated Markdown sits in the MkDocs docs tree."""
        return f"{KIND_URL_DIRS[self.kind]}/{self.front.id}.md"


@dataclass
class Content:
    """Everything in content/, loaded and validated."""

    pages: list[Page]
    topics: list[Topic]
    channels: list[Channel]
    sources: list[Source]
    facts: dict[str, str]
    glossary: list[GlossaryTerm]
    search: SearchSettings
    routing: Routing | None = None
    routing_meta: ParsedYaml | None = field(default=None, repr=False)
    glossary_lines: dict[str, int] = field(default_factory=dict, repr=False)  # term → its line in glossary.yml

    # Lookups are indexed once: at 10,000 pages a scan per lookup made rendering quadratic.
    # Content is built once and not changed afterwards.
    @cached_property
    def pages_by_id(self) -> dict[str, Page]:
        """Every page by id (the first one when an id is used twice; validation reports that)."""
        index: dict[str, Page] = {}
        for page in self.pages:
            index.setdefault(page.id, page)
        return index

    @cached_property
    def _pages_by_topic(self) -> dict[str, tuple[Page, ...]]:
        """Pages of each topic, guides first, then by title."""
        index: dict[str, list[Page]] = {}
        for page in sorted(self.pages, key=lambda p: (p.kind != "guide", p.front.title)):
            index.setdefault(page.front.topic, []).append(page)
        return {topic: tuple(pages) for topic, pages in index.items()}

    def page(self, page_id: str) -> Page:
        """Look up a page by id (KeyError when there is none)."""
        return self.pages_by_id[page_id]

    def pages_in(self, topic_id: str, kind: PageKind | None = None) -> tuple[Page, ...]:
        """Pages of one topic, guides first, then in title order."""
        pages = self._pages_by_topic.get(topic_id, ())
        return pages if kind is None else tuple(p for p in pages if p.kind == kind)
