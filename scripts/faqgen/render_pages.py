"""Render the validated content into MkDocs Markdown pages: a pure function, same input → same output."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .errors import ContentError, ContentErrors
from .model import Content, Page
from .paths import TEMPLATES_DIR
from .schema import Source, Topic
from .shortcodes import CHANNELS_PAGE, Targets, expand, relative_link

RELATED_SHOWN = 3
SOURCE_KIND_ORDER = {"official": 0, "industry": 1, "operator": 2, "media": 3}
SOURCE_KIND_LABEL = {"official": "官方", "industry": "行业规范", "operator": "机构说明", "media": "新闻报道"}
DISCLAIMER = (
    "本页是一般性信息，不是法律意见。每个人的情况不同；涉及起诉、签协议等重要决定，"
    "请咨询律师，或拨打 {{channel:moj-12348}} 获得免费法律咨询。"
)
GUIDE_ID = "debt-collection-harassment"
LOOKUP_URI = CHANNELS_PAGE


@dataclass(frozen=True)
class RenderedPage:
    """One generated Markdown file for the MkDocs docs tree."""

    src_uri: str
    markdown: str
    in_nav: bool = False


def _env() -> Environment:
    """Jinja environment: strict about missing values, escaping data so HTML in it shows as text."""
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), undefined=StrictUndefined,
                      autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      # Markdown heading ids look like {#id}: move Jinja comments out of the way.
                      comment_start_string="{##", comment_end_string="##}")
    return env


def date_text(day: dt.date) -> str:
    """Show a date the way the site does everywhere: 2026 年 11 月 28 日."""
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def front_matter(**meta: object) -> Markup:
    """A YAML front matter block, dumped safely so titles cannot break out of it."""
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
    return [{"source": catalogue[r.id], "detail": r.detail, "kind_label": SOURCE_KIND_LABEL[catalogue[r.id].kind]}
            for r in refs]


def _finish(src_uri: str, markdown: str, targets: Targets) -> str:
    """Expand references in the rendered text; anything unresolved here is a bug, so raise."""
    problems: list[str] = []
    text = expand(markdown, targets, src_uri, lambda _o, msg: problems.append(msg))
    if problems:
        raise ContentErrors([ContentError(TEMPLATES_DIR, None, src_uri, p) for p in problems])
    return text


def render_page(page: Page, content: Content, env: Environment, targets: Targets) -> RenderedPage:
    """A Q&A, guide or tool page: title, reviewed date, short answer, body, related, sources, note."""
    topic = next(t for t in content.topics if t.id == page.front.topic)
    related = [{"page": p, "link": relative_link(page.src_uri, p.src_uri)} for p in related_pages(page, content)]
    markdown = env.get_template("page.md.j2").render(
        front_matter=front_matter(title=page.front.title, description=page.front.short_answer,
                                  page_kind=page.kind, page_id=page.id),
        page=page, topic=topic, topic_link=relative_link(page.src_uri, topic_uri(topic)),
        reviewed_text=date_text(page.front.reviewed), body=Markup(page.body.strip()),
        related=related, sources=_sources(page, content), disclaimer=DISCLAIMER,
    )
    return RenderedPage(page.src_uri, _finish(page.src_uri, markdown, targets))


def render_topic(topic: Topic, content: Content, env: Environment) -> RenderedPage:
    """A topic hub listing its pages with their short answers."""
    uri = topic_uri(topic)
    entries = [{"page": p, "link": relative_link(uri, p.src_uri)} for p in content.pages_in(topic.id)]
    others = [{"topic": t, "link": relative_link(uri, topic_uri(t))} for t in sorted(content.topics, key=lambda t: t.order) if t != topic]
    markdown = env.get_template("topic.md.j2").render(
        front_matter=front_matter(title=topic.name, description=topic.summary, page_kind="topic"),
        topic=topic, entries=entries, others=others)
    return RenderedPage(uri, markdown, in_nav=True)


def render_channels(content: Content, env: Environment, targets: Targets) -> RenderedPage:
    """The list of every channel, each under a stable anchor equal to its id."""
    reviewed = max((p.front.reviewed for p in content.pages), default=dt.date.today())
    markdown = env.get_template("channels.md.j2").render(
        front_matter=front_matter(title="投诉渠道一览", description="每个投诉和求助渠道能做什么、不能做什么、怎么联系。", page_kind="channels"),
        channels=content.channels, reviewed=reviewed, reviewed_text=date_text(reviewed), disclaimer=DISCLAIMER)
    return RenderedPage(CHANNELS_PAGE, _finish(CHANNELS_PAGE, markdown, targets), in_nav=True)


def render_home(content: Content, env: Environment) -> RenderedPage:
    """The home page: urgent paths first, then topics and printable tools."""
    uri = "index.md"
    topics = [{"topic": t, "link": relative_link(uri, topic_uri(t)), "count": len(content.pages_in(t.id))}
              for t in sorted(content.topics, key=lambda t: t.order)]
    tools = [{"page": p, "link": relative_link(uri, p.src_uri)} for p in content.pages if p.kind == "tool"]
    police = next(c for c in content.channels if c.id == "police-110")
    guide = next((p for p in content.pages if p.id == GUIDE_ID), None)
    markdown = env.get_template("home.md.j2").render(
        front_matter=front_matter(title="借贷维权问答", description="被网贷催收骚扰、看不懂借呗花呗白条规则时，用平实的话告诉你有哪些权利、下一步做什么、找谁。", page_kind="home",
                                  # The home page only points elsewhere; as a search hit it would crowd out answers.
                                  search={"exclude": True}),
        guide_link=guide.src_uri if guide else CHANNELS_PAGE, lookup_link=LOOKUP_URI,
        police=police, police_link=f"{CHANNELS_PAGE}#{police.id}", about_link="about.md",
        topics=topics, tools=tools)
    return RenderedPage(uri, markdown, in_nav=True)


GLOSSARY_URI = "glossary.md"


def render_glossary(content: Content, env: Environment, targets: Targets) -> RenderedPage:
    """The glossary: each term, its plain definition and a link to the page that explains it."""
    terms = [{"term": t, "anchor": t.term, "page": content.page(t.page),
              "link": relative_link(GLOSSARY_URI, content.page(t.page).src_uri)}
             for t in sorted(content.glossary, key=lambda t: t.term)]
    markdown = env.get_template("glossary.md.j2").render(
        front_matter=front_matter(title="术语表", description="借贷和催收里常见词语的平实解释。", page_kind="glossary"),
        terms=terms, disclaimer=DISCLAIMER)
    return RenderedPage(GLOSSARY_URI, _finish(GLOSSARY_URI, markdown, targets), in_nav=True)


def render_site(content: Content) -> list[RenderedPage]:
    """Every generated page of the site, in a fixed order."""
    env, targets = _env(), Targets(content)
    pages = [render_home(content, env), render_channels(content, env, targets)]
    pages += [render_topic(t, content, env) for t in sorted(content.topics, key=lambda t: t.order)]
    pages += [render_page(p, content, env, targets) for p in sorted(content.pages, key=lambda p: p.src_uri)]
    if content.glossary:
        pages.append(render_glossary(content, env, targets))
    return pages
