"""The one registry of pages the generator makes from data rather than from a content file.

Read by validation (reserved ids, required channels and pages), references ({{page:KEY}}), `faqgen new`, the nav and rendering.

Each entry gives the page's docs path, title, description, kind and nav entry, and reserves its key
as a page id: `{{page:KEY}}` links to it, `faqgen new` never uses the key, and no content file may
take it. Add a generated page type here first; its render function then reads the entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from faqgen.content.model import Content

GUIDE_ID = "debt-collection-harassment"  # the guide the home page, the lookup and the print view lead to


@dataclass(frozen=True)
class SpecialPage:
    """A generated page: where it lives, what it is called, and whether the nav lists it."""

    key: str  # reserved page id
    uri: str  # docs path
    title: str
    description: str
    kind: str  # page_kind in the page's front matter (templates and scripts read it)
    nav: str | None = None  # the nav entry's title; None when the nav does not list it
    channels: tuple[str, ...] = ()  # channel ids the page cannot do without (validation requires them)
    pages: tuple[str, ...] = ()  # content page ids the page cannot do without (validation requires them)

    def front(self, **extra: object) -> dict[str, object]:
        """Front matter fields for this page (plus extra ones such as search settings)."""
        return {"title": self.title, "description": self.description, "page_kind": self.kind, **extra}


HOME = SpecialPage(
    "home",
    "index.md",
    "借贷维权问答",
    "被网贷催收骚扰、看不懂借呗花呗白条规则时，用平实的话告诉你有哪些权利、下一步做什么、找谁。",
    "home",
    nav="首页",
    channels=("police-110",),  # the 有危险先报警 button
    pages=(GUIDE_ID,),  # the 先看这篇 link
)
LOOKUP = SpecialPage(
    "lookup",
    "lookup.md",
    "投诉渠道查询",
    "按你遇到的情况和放款机构类型，查该找哪个投诉渠道、按什么顺序、准备哪些证据。",
    "lookup",
    nav="投诉渠道查询",
    pages=(GUIDE_ID,),
)
CHANNELS = SpecialPage(
    "channels",
    "channels.md",
    "投诉渠道一览",
    "每个投诉和求助渠道能做什么、不能做什么、怎么联系。",
    "channels",
    nav="投诉渠道一览",
)
GLOSSARY = SpecialPage(
    "glossary", "glossary.md", "术语表", "借贷和催收里常见词语的平实解释。", "glossary", nav="术语表"
)
PRINT = SpecialPage(
    "print",
    "print.md",
    "借贷维权问答（打印版）",
    "催收骚扰指南、投诉渠道和全部可打印表格，集中在一页，方便打印或保存为 PDF。",
    "print",
    pages=(GUIDE_ID,),  # its first part
)
RATES = SpecialPage(
    "rate-calculator",
    "calc/rates.md",
    "利率换算器",
    "把日利率、月利率、每期手续费换算成年化利率：单利年化和按内部收益率算的真实年化，并对照法律标准。",
    "calculator",
    nav="利率换算器",
)
DEBTS = SpecialPage(
    "debt-list",
    "calc/debts.md",
    "我的欠款清单",
    "把每一笔欠款列出来，算出每月要还多少、能还多少，按协商的先后排好。只存在你自己的浏览器里，可以打印。",
    "worksheet",
    nav="我的欠款清单",
)
SPECIAL_PAGES = (HOME, LOOKUP, CHANNELS, GLOSSARY, PRINT, RATES, DEBTS)
BY_KEY = {page.key: page for page in SPECIAL_PAGES}
RESERVED_IDS = frozenset(BY_KEY)


def available(page: SpecialPage, content: Content) -> bool:
    """Whether content makes this page: the lookup needs routing.yml, the glossary needs terms."""
    if page is LOOKUP:
        return content.routing is not None
    if page is GLOSSARY:
        return bool(content.glossary)
    return True
