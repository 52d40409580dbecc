"""What the 大字模式 checks read from a page: overflow, the smallest text, axe with the 7:1 and tap-size rules."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

CARE_KEY = "jdwq.care"
# Each page type at 390 px (issue 14): home, Q&A, guide, tool, topic hub, lookup, channels, glossary.
PAGE_TYPES = {
    "home": "/",
    "question": "/q/jiebei-10k-unpaid-jail/",
    "guide": "/guides/debt-collection-harassment/",
    "tool": "/tools/repayment-negotiation-letter/",
    "hub": "/topics/jiebei/",
    "lookup": "/lookup/",
    "channels": "/channels/",
    "glossary": "/glossary/",
    "calculator": "/calc/rates/",
    "worksheet": "/calc/debts/",
}
# WCAG 2.1 A/AA as everywhere, plus AAA text contrast (7:1) and WCAG 2.2 target size for this mode.
CARE_AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "rules": {"color-contrast-enhanced": {"enabled": True}, "target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}
SMALLEST_TEXT_JS = """(root) => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || !el.getClientRects().length) continue;
    if (el.closest('[aria-hidden="true"], .headerlink, .md-visually-hidden, .md-tooltip, .md-tooltip2')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden labels
    found.push([parseFloat(style.fontSize), parseFloat(style.lineHeight) / parseFloat(style.fontSize) || 0,
                el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''),
                node.textContent.trim().slice(0, 20)]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return found.slice(0, 5);
}"""
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    if (el.closest('.md-typeset__scrollwrap, .md-sidebar, .md-search, [hidden]')) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0] + ' ' + Math.round(el.getBoundingClientRect().right));
  return {scroll: document.documentElement.scrollWidth, width, wide};
}"""
_axe = Axe()


def care_axe_violations(tab: Any) -> list[str]:
    """axe violations on the loaded page with the enhanced-contrast and target-size rules on."""
    results = _axe.run(tab, options=CARE_AXE_OPTIONS).response["violations"]
    return [f"{v['id']}: {v['help']} — " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:4]) for v in results]


def smallest_text(tab: Any, root: str = ".md-content") -> list[list[Any]]:
    """The five smallest visible text runs under root: [font px, line height ratio, element, text]."""
    return tab.evaluate(SMALLEST_TEXT_JS, root)


def overflow(tab: Any) -> dict[str, Any]:
    """The page's scroll width against the viewport, and elements sticking out past its right edge."""
    return tab.evaluate(OVERFLOW_JS)
