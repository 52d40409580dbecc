"""The site navigation, derived from content so a new topic appears without editing mkdocs.yml."""

from __future__ import annotations

from faqgen.content.model import Content
from faqgen.render.escape import escape_html
from faqgen.render.pages import GUIDE_ID, topic_uri
from faqgen.render.shortcodes import CHANNELS_PAGE


def site_nav(content: Content, hand_written: set[str]) -> list[object]:
    """Top-level nav: home, the guide, channels, topic hubs, tools, and hand-written pages.

    Titles are HTML-escaped: Material prints nav titles unescaped.
    Q&A pages are deliberately not listed: a nav with every page makes each page's HTML grow
    with the number of pages.
    """
    nav: list[object] = [{"首页": "index.md"}]
    if any(p.id == GUIDE_ID for p in content.pages):
        nav.append({"被催收骚扰怎么办": content.page(GUIDE_ID).src_uri})
    if content.routing is not None:
        nav.append({"投诉渠道查询": "lookup.md"})
    nav.append({"投诉渠道一览": CHANNELS_PAGE})
    nav.append({"话题": [{escape_html(t.name): topic_uri(t)} for t in sorted(content.topics, key=lambda t: t.order)]})
    tools = [
        {escape_html(p.front.title): p.src_uri}
        for p in sorted(content.pages, key=lambda p: p.front.title)
        if p.kind == "tool"
    ]
    if tools:
        nav.append({"打印模板": tools})
    for uri, title in (("glossary.md", "术语表"), ("about.md", "关于本站")):
        if uri in hand_written or uri == "glossary.md" and content.glossary:
            nav.append({title: uri})
    return nav
