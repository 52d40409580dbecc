"""Plain typed objects the renderer works from; no I/O here."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .schema import Channel, GlossaryTerm, PageFront, Routing, SearchSettings, Source, Topic
from .yaml_source import ParsedYaml

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

    def page(self, page_id: str) -> Page:
        """Look up a page by id."""
        return next(p for p in self.pages if p.id == page_id)

    def pages_in(self, topic_id: str, kind: PageKind | None = None) -> list[Page]:
        """Pages of one topic, in title order."""
        return sorted(
            (p for p in self.pages if p.front.topic == topic_id and (kind is None or p.kind == kind)),
            key=lambda p: (p.kind != "guide", p.front.title),
        )
