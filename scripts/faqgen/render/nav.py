"""The site navigation, derived from content so a new topic appears without editing mkdocs.yml."""

from __future__ import annotations

from faqgen.content.model import Content
from faqgen.render.escape import escape_html
from faqgen.render.pages import topic_uri
from faqgen.special_pages import CHANNELS, DEBTS, GLOSSARY, GUIDE_ID, HOME, LOOKUP, RATES, available


def site_nav(content: Content, hand_written: set[str]) -> list[object]:
    """Top-level nav: home, the guide, channels, topic hubs, tools, and hand-written pages.

    Titles are HTML-escaped: Material prints nav titles unescaped.
    Q&A pages are deliberately not listed: a nav with every page makes each page's HTML grow
    with the number of pages.
    """
    nav: list[object] = [{HOME.nav: HOME.uri}]
    if any(p.id == GUIDE_ID for p in content.pages):
        nav.append({"被催收骚扰怎么办": content.page(GUIDE_ID).src_uri})
    nav += [{page.nav: page.uri} for page in (LOOKUP, CHANNELS) if available(page, content)]
    nav.append({"话题": [{escape_html(t.name): topic_uri(t)} for t in sorted(content.topics, key=lambda t: t.order)]})
    tools = [
        {escape_html(p.front.title): p.src_uri}
        for p in sorted(content.pages, key=lambda p: p.front.title)
        if p.kind == "tool"
    ]
    if tools:
        nav.append({"打印模板": tools})
    nav.append({"算一算": [{RATES.nav: RATES.uri}, {DEBTS.nav: DEBTS.uri}]})
    if available(GLOSSARY, content):
        nav.append({GLOSSARY.nav: GLOSSARY.uri})
    if "about.md" in hand_written:
        nav.append({"关于本站": "about.md"})
    return nav
