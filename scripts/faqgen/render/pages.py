"""Render the validated content into MkDocs Markdown pages: a pure function, same input → same output."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from faqgen.content.errors import ContentError, ContentErrors
from faqgen.content.model import Content, Page
from faqgen.content.schema import Source, Topic
from faqgen.paths import TEMPLATES_DIR
from faqgen.render.escape import escape_html, escape_text
from faqgen.render.jump_list import jump_list, split_lead
from faqgen.render.lookup_data import lookup_json, table_rows
from faqgen.render.lookup_diagram import routing_svg
from faqgen.render.shortcodes import CHANNELS_PAGE, DIAGRAM_URI, Targets, expand, relative_link
from faqgen.render.template_cache import template_cache
from faqgen.render.tool_docx import docx_uri
from faqgen.special_pages import CHANNELS, GLOSSARY, GUIDE_ID, HOME, LOOKUP, PRINT, available

RELATED_SHOWN = 3
SOURCE_KIND_ORDER = {"official": 0, "industry": 1, "operator": 2, "media": 3}
SOURCE_KIND_LABEL = {"official": "官方", "industry": "行业规范", "operator": "机构说明", "media": "新闻报道"}
DISCLAIMER = (
    "本页是一般性信息，不是法律意见。每个人的情况不同；涉及起诉、签协议等重要决定，"
    "请咨询律师，或拨打 {{channel:moj-12348}} 获得免费法律咨询。"
)
TOOL_DOCUMENT_HEADING = "## 文件正文"  # in a tool, what follows this heading is the document to print and fill in
PDF_HREF = "downloads/jiedai-weiquan-zhinan.pdf"  # the print view as PDF, from the site root; scripts/pdf_export.py
PDF_NAME = "借贷维权指南.pdf"  # the file name a reader's browser saves it under
LOOKUP_URI = LOOKUP.uri


@dataclass(frozen=True)
class RenderedPage:
    """One generated Markdown file for the MkDocs docs tree."""

    src_uri: str
    markdown: str
    in_nav: bool = False


def data_text(value: object) -> Markup:
    """Data printed into a template: HTML escaped, and [ ] as entities so text can never form a Markdown link.

    Markup values (page bodies, front matter, references) are trusted Markdown and pass unchanged.
    """
    if isinstance(value, Markup):
        return value
    return Markup(escape_text(value))


def _join(items: Iterable[object], separator: str = "", attribute: str | None = None) -> Markup:
    """Jinja's join, with each item made safe like any other printed data."""
    values = (getattr(i, attribute) for i in items) if attribute else items
    return data_text(separator).join(data_text(v) for v in values)


def _env() -> Environment:
    """Jinja environment: strict about missing values, escaping data so HTML in it shows as text."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=data_text,
        # Markdown heading ids look like {#id}: move Jinja comments out of the way.
        comment_start_string="{##",
        comment_end_string="##}",
        bytecode_cache=template_cache(),
    )  # compiled templates kept between builds
    env.filters["join"] = _join
    return env


def date_text(day: dt.date) -> str:
    """Show a date the way the site does everywhere: 2026 年 11 月 28 日."""
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def reviewed_line(day: dt.date, label: str = "最近审核") -> Markup:
    """The review date line that sits under a page's title."""
    return Markup(f'<p class="page-meta">{label}：<time datetime="{day.isoformat()}">{date_text(day)}</time></p>')


def latest_review(pages: Iterable[Page]) -> dt.date:
    """The newest review date among pages (today when there are none)."""
    return max((p.front.reviewed for p in pages), default=dt.date.today())


def front_matter(**meta: object) -> Markup:
    """A YAML front matter block, dumped safely so titles cannot break out of it.

    Material prints page.meta.title and .description into the HTML unescaped, so they are escaped here.
    """
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape_html(meta[key])
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return Markup(f"---\n{dumped}---\n")


def topic_uri(topic: Topic) -> str:
    """Docs path of a topic hub."""
    return f"topics/{topic.id}.md"


def related_pages(page: Page, content: Content) -> list[Page]:
    """Explicit related pages first, topped up with others from the same topic, at most three."""
    chosen = [content.page(i) for i in page.front.related]
    for other in content.pages_in(page.front.topic):
        if len(chosen) >= RELATED_SHOWN:
            break
        if other.id != page.id and other not in chosen and other.kind != "tool":
            chosen.append(other)
    return chosen[:RELATED_SHOWN]


def _sources(page: Page, content: Content) -> list[dict[str, object]]:
    """The page's sources, official ones first (stable within a kind)."""
    catalogue: dict[str, Source] = {s.id: s for s in content.sources}
    refs = sorted(page.front.source_refs(), key=lambda r: SOURCE_KIND_ORDER[catalogue[r.id].kind])
    return [
        {"source": catalogue[r.id], "detail": r.detail, "kind_label": SOURCE_KIND_LABEL[catalogue[r.id].kind]}
        for r in refs
    ]


def _finish(src_uri: str, markdown: str, targets: Targets) -> str:
    """Expand references in the rendered text; anything unresolved here is a bug, so raise."""
    problems: list[str] = []
    text = expand(markdown, targets, src_uri, lambda _o, msg, _kind: problems.append(msg))
    if problems:
        raise ContentErrors([ContentError(TEMPLATES_DIR, None, src_uri, p) for p in problems])
    return text


def split_tool_document(body: str) -> tuple[str, str]:
    """A tool's body split at its "## 文件正文" heading: (explanation, the document to fill in)."""
    lines = body.splitlines()
    starts = [i for i, line in enumerate(lines) if line.rstrip() == TOOL_DOCUMENT_HEADING]
    if not starts:
        return body, ""
    return "\n".join(lines[: starts[0]]).strip(), "\n".join(lines[starts[0] :]).strip()


def render_page(page: Page, content: Content, env: Environment, targets: Targets) -> RenderedPage:
    """A Q&A, guide or tool page: title, reviewed date, short answer, body, related, sources, note."""
    topic = next(t for t in content.topics if t.id == page.front.topic)
    body, document = split_tool_document(page.body.strip()) if page.kind == "tool" else (page.body.strip(), "")
    related = [{"page": p, "link": relative_link(page.src_uri, p.src_uri)} for p in related_pages(page, content)]
    lead, body = split_lead(body)
    markdown = env.get_template("page.md.j2").render(
        front_matter=front_matter(
            title=page.front.title, description=page.front.short_answer, page_kind=page.kind, page_id=page.id
        ),
        page=page,
        topic=topic,
        topic_link=relative_link(page.src_uri, topic_uri(topic)),
        reviewed_text=date_text(page.front.reviewed),
        lead=Markup(lead),
        body=Markup(body),
        jump=jump_list(body),
        document=Markup(document),
        docx_link=raw_href(page.src_uri, docx_uri(page)) if document else "",
        docx_name=f"{page.front.title.split('（')[0]}.docx",
        related=related,
        sources=_sources(page, content),
        disclaimer=DISCLAIMER,
    )
    return RenderedPage(page.src_uri, _finish(page.src_uri, markdown, targets))


def render_topic(topic: Topic, content: Content, env: Environment) -> RenderedPage:
    """A topic hub listing its pages with their short answers."""
    uri = topic_uri(topic)
    entries = [{"page": p, "link": relative_link(uri, p.src_uri)} for p in content.pages_in(topic.id)]
    others = [
        {"topic": t, "link": relative_link(uri, topic_uri(t))}
        for t in sorted(content.topics, key=lambda t: t.order)
        if t != topic
    ]
    markdown = env.get_template("topic.md.j2").render(
        front_matter=front_matter(title=topic.name, description=topic.summary, page_kind="topic"),
        reviewed=reviewed_line(latest_review(content.pages_in(topic.id)), "本话题最近审核"),
        lookup_link=relative_link(uri, LOOKUP_URI) if content.routing else None,
        channels_link=relative_link(uri, CHANNELS_PAGE),
        topic=topic,
        entries=entries,
        others=others,
    )
    return RenderedPage(uri, markdown, in_nav=True)


def render_channels(content: Content, env: Environment, targets: Targets) -> RenderedPage:
    """The list of every channel, each under a stable anchor equal to its id."""
    reviewed = latest_review(content.pages)
    markdown = env.get_template("channels.md.j2").render(
        front_matter=front_matter(**CHANNELS.front()),
        title=CHANNELS.title,
        channels=content.channels,
        reviewed=reviewed_line(reviewed, "渠道信息最近审核"),
        disclaimer=DISCLAIMER,
    )
    return RenderedPage(CHANNELS_PAGE, _finish(CHANNELS_PAGE, markdown, targets), in_nav=True)


def render_home(content: Content, env: Environment) -> RenderedPage:
    """The home page: urgent paths first, then topics and printable tools."""
    uri = HOME.uri
    topics = [
        {"topic": t, "link": relative_link(uri, topic_uri(t)), "count": len(content.pages_in(t.id))}
        for t in sorted(content.topics, key=lambda t: t.order)
    ]
    tools = [{"page": p, "link": relative_link(uri, p.src_uri)} for p in content.pages if p.kind == "tool"]
    police = next(c for c in content.channels if c.id == HOME.channels[0])  # validation requires it
    guide = next((p for p in content.pages if p.id == GUIDE_ID), None)
    markdown = env.get_template("home.md.j2").render(
        # The home page only points elsewhere; as a search hit it would crowd out answers.
        front_matter=front_matter(**HOME.front(search={"exclude": True})),
        guide_link=guide.src_uri if guide else CHANNELS_PAGE,
        lookup_link=LOOKUP_URI if content.routing else CHANNELS_PAGE,
        police=police,
        police_link=f"{CHANNELS_PAGE}#{police.id}",
        about_link="about.md",
        topics=topics,
        tools=tools,
        print_link=PRINT.uri,
        pdf_href=raw_href(uri, PDF_HREF),
        pdf_name=PDF_NAME,
    )
    return RenderedPage(uri, markdown, in_nav=True)


def render_lookup(content: Content, env: Environment, targets: Targets) -> list[RenderedPage]:
    """The channel lookup page (form + full table + diagram) and the diagram SVG it shows."""
    routing = content.routing
    assert routing is not None
    shorts = {t.id: t.short for t in routing.lender_types}
    markdown = env.get_template("lookup.md.j2").render(
        front_matter=front_matter(**LOOKUP.front()),
        title=LOOKUP.title,
        reviewed=reviewed_line(latest_review(content.pages), "渠道信息最近审核"),
        situations=routing.situations,
        lenders=routing.lender_types,
        rows=table_rows(routing),
        evidence={s.id: s.evidence for s in routing.situations},
        step_link=lambda step: Markup(f"{{{{channel:{step.channel}}}}}"),
        lender_shorts=lambda ids: "、".join(shorts[i] for i in ids),
        diagram=Markup("{{diagram:routing}}"),  # the picture for screens and its text version for paper
        channels_link=Markup("{{page:channels}}"),
        guide_link=Markup(f"{{{{page:{GUIDE_ID}}}}}"),
        data=lookup_json(content, routing),
        disclaimer=DISCLAIMER,
    )
    return [
        RenderedPage(LOOKUP_URI, _finish(LOOKUP_URI, markdown, targets), in_nav=True),
        RenderedPage(DIAGRAM_URI, routing_svg(content, routing)),
    ]


GLOSSARY_URI = GLOSSARY.uri


def render_glossary(content: Content, env: Environment, targets: Targets) -> RenderedPage:
    """The glossary: each term, its plain definition and a link to the page that explains it."""
    terms = [
        {
            "term": t,
            "anchor": t.term,
            "page": content.page(t.page),
            "link": relative_link(GLOSSARY_URI, content.page(t.page).src_uri),
        }
        for t in sorted(content.glossary, key=lambda t: t.term)
    ]
    markdown = env.get_template("glossary.md.j2").render(
        front_matter=front_matter(**GLOSSARY.front()),
        terms=terms,
        reviewed=reviewed_line(latest_review(content.pages)),
        disclaimer=DISCLAIMER,
    )
    return RenderedPage(GLOSSARY_URI, _finish(GLOSSARY_URI, markdown, targets), in_nav=True)


def raw_href(from_uri: str, target: str, directory_urls: bool = True) -> str:
    """A link for raw HTML (MkDocs does not rewrite those): relative to the page's built URL."""
    page_dir = posixpath.dirname(from_uri)
    if directory_urls and posixpath.basename(from_uri) != "index.md":
        page_dir = from_uri.removesuffix(".md")
    return posixpath.relpath(target, page_dir or ".")


def render_site(content: Content, site_url: str = "", directory_urls: bool = True) -> list[RenderedPage]:
    """Every generated page of the site, in a fixed order; site_url makes print addresses absolute."""
    from faqgen.render.calculators import render_debts, render_rates  # these build on this module's helpers
    from faqgen.render.print_view import render_print_view

    env, targets = _env(), Targets(content)
    pages = [render_home(content, env), render_channels(content, env, targets)]
    pages += [render_topic(t, content, env) for t in sorted(content.topics, key=lambda t: t.order)]
    pages += [render_page(p, content, env, targets) for p in sorted(content.pages, key=lambda p: p.src_uri)]
    if available(GLOSSARY, content):
        pages.append(render_glossary(content, env, targets))
    pages.append(render_print_view(content, env, targets, site_url, directory_urls))
    if available(LOOKUP, content):
        pages += render_lookup(content, env, targets)
    pages.append(RenderedPage(*render_rates(content, env, targets), in_nav=True))
    pages.append(RenderedPage(*render_debts(content, env, targets), in_nav=True))
    return pages
