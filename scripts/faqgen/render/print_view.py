"""The whole-guide print view: a cover, 目录, then the guide, the channel list and every tool."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from faqgen.content.model import Content, Page
from faqgen.render.pages import (
    DISCLAIMER,
    PDF_HREF,
    PDF_NAME,
    RenderedPage,
    _finish,
    _sources,
    date_text,
    front_matter,
    raw_href,
    render_channels,
    split_tool_document,
)
from faqgen.render.shortcodes import CHANNELS_PAGE, Targets
from faqgen.special_pages import GUIDE_ID, PRINT

PRINT_URI = PRINT.uri
HEADING = re.compile(r"^(?P<hashes>#{1,5})[ \t]+(?P<text>.*?)(?:[ \t]+\{(?P<attrs>[^{}]*)\})?[ \t]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class TocEntry:
    """One line of the 目录: heading text, its anchor in the print view, and its depth (1 = section)."""

    text: str
    anchor: str
    depth: int


def print_pages(content: Content) -> tuple[list[Page], list[Page]]:
    """What the whole guide prints around the channel list: the guide before it, the tools (nav order) after."""
    guide = [p for p in content.pages if p.id == GUIDE_ID]
    tools = sorted((p for p in content.pages if p.kind == "tool"), key=lambda p: p.front.title)
    return guide, tools


def page_address(site_url: str, src_uri: str) -> str:
    """The public web address of a generated page (directory URLs), or "" without a public site URL."""
    if not site_url:
        return ""  # paper that points to a preview address (http://127.0.0.1:8000/) points nowhere
    stem = src_uri.removesuffix(".md")
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return site_url.rstrip("/") + "/" + path


def _heading_attrs(attrs: str | None, anchor: str, extra_class: str = "") -> str:
    """An attr_list for a heading: its classes kept, its id replaced by anchor."""
    kept = [a for a in (attrs or "").split() if not a.startswith("#")]
    return " {" + " ".join([f"#{anchor}", *kept, *([f".{extra_class}"] if extra_class else [])]) + "}"


def section_markdown(markdown: str, section_id: str, toc_depth: int = 1) -> tuple[str, list[TocEntry]]:
    """Shift a page's headings one level down and give each a unique id under section_id.

    The page's h1 becomes the section title (id = section_id); an explicit id {#x} becomes
    {#section_id--x}; other headings are numbered. Returns the text and the 目录 entries down to
    toc_depth levels below the section title.
    """
    lines, toc, count, in_fence = [], [], 0, False
    for line in markdown.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if not match:
            lines.append(line)
            continue
        level, text, attrs = len(match["hashes"]), match["text"], match["attrs"]
        own_id = next((a[1:] for a in (attrs or "").split() if a.startswith("#")), None)
        if level == 1:
            anchor, css = section_id, "print-section__title"
        else:
            count += 1
            anchor, css = f"{section_id}--{own_id or count}", ""
        lines.append("#" * (level + 1) + " " + text + _heading_attrs(attrs, anchor, css))
        if level - 1 <= toc_depth:
            toc.append(TocEntry(Markup(text), anchor, level))  # text is Markdown already
    return "\n".join(lines) + "\n", toc


def _page_section(page: Page, content: Content, env: Environment) -> str:
    """One guide or tool page as print-view Markdown (shortcodes still unexpanded)."""
    intro, document = split_tool_document(page.body.strip()) if page.kind == "tool" else (page.body.strip(), "")
    return env.get_template("print_section.md.j2").render(
        page=page,
        reviewed_text=date_text(page.front.reviewed),
        body=Markup(intro),
        document=Markup(document),
        sources=_sources(page, content),
    )


def _strip_front_matter(markdown: str) -> str:
    """A rendered page without its YAML front matter."""
    return markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown


def render_print_view(
    content: Content, env: Environment, targets: Targets, site_url: str = "", directory_urls: bool = True
) -> RenderedPage:
    """The print view page: cover, 目录 and every section, each section starting on a new sheet."""
    guide, tools = print_pages(content)
    channels = _strip_front_matter(render_channels(content, env, targets).markdown)
    parts = [(section_markdown(_page_section(p, content, env), p.id, toc_depth=1), p.src_uri) for p in guide]
    parts.append((section_markdown(channels, "channels", toc_depth=1), CHANNELS_PAGE))
    parts += [(section_markdown(_page_section(p, content, env), p.id, toc_depth=0), p.src_uri) for p in tools]
    reviewed = max((p.front.reviewed for p in guide + tools), default=None)
    markdown = env.get_template("print.md.j2").render(
        front_matter=front_matter(**PRINT.front(search={"exclude": True})),
        reviewed_text=date_text(reviewed) if reviewed else "",
        site_address=page_address(site_url, "index.md"),
        toc=[entry for (_, toc), _ in parts for entry in toc],
        sections=[{"markdown": Markup(text), "address": page_address(site_url, uri)} for (text, _), uri in parts],
        pdf_href=raw_href(PRINT_URI, PDF_HREF, directory_urls),
        pdf_name=PDF_NAME,
        disclaimer=DISCLAIMER,
    )
    return RenderedPage(PRINT_URI, _finish(PRINT_URI, markdown, targets))
