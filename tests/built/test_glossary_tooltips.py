"""Glossary tooltips: terms in page text get <abbr title="definition">, and the text readers see stays the same."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest

from faqgen.content.pipeline import load_valid_content
from faqgen.content.schema import GlossaryTerm
from faqgen.render.glossary_tooltips import GlossaryTooltips

GLOSSARY = [
    GlossaryTerm(term="逾期", definition="到了还款日还没有还够。", page="p", aliases=["逾期未还"]),
    GlossaryTerm(term="征信", definition="你的信用记录。", page="p"),
    GlossaryTerm(term="征信异议", definition="认为记录有错时提出核查。", page="p", aliases=[]),
]


def convert(text: str, enabled: bool = True) -> str:
    """Markdown to HTML with the extensions the site uses around the tooltips."""
    tooltips = GlossaryTooltips(GLOSSARY)
    tooltips.enabled = enabled
    return markdown.markdown(text, extensions=["md_in_html", "toc", "attr_list", tooltips])


def visible_text(fragment: str) -> str:
    """What a reader sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_python_markdown_abbr_finds_nothing_inside_chinese() -> None:
    # Why this module exists: abbr's \b boundaries never match between two Chinese characters.
    out = markdown.markdown("逾期以后怎么办\n\n*[逾期]: 到了还款日还没有还够。", extensions=["abbr"])
    assert "<abbr" not in out


def test_term_inside_chinese_text_gets_its_definition() -> None:
    out = convert("如果逾期以后没有还，会影响征信。")
    assert '<abbr tabindex="0" title="到了还款日还没有还够。">逾期</abbr>' in out
    assert '<abbr tabindex="0" title="你的信用记录。">征信</abbr>' in out


def test_alias_gets_the_terms_definition_and_longest_match_wins() -> None:
    out = convert("逾期未还会怎样？可以提征信异议。")
    assert '<abbr tabindex="0" title="到了还款日还没有还够。">逾期未还</abbr>' in out
    assert '<abbr tabindex="0" title="认为记录有错时提出核查。">征信异议</abbr>' in out


def test_first_occurrence_per_section_only() -> None:
    out = convert("逾期一次，逾期两次。\n\n又逾期。\n\n## 第二节\n\n逾期三次。\n")
    assert out.count("<abbr") == 2
    first, second = out.split("<h2")
    assert first.count("<abbr") == 1 and second.count("<abbr") == 1


@pytest.mark.parametrize(
    "text",
    [
        "## 逾期怎么办\n",
        "[逾期说明](other.md)\n",
        "写作 `逾期` 的代码\n",
        "```\n逾期\n```\n",
    ],
)
def test_headings_links_and_code_are_left_alone(text: str) -> None:
    assert "<abbr" not in convert(text)


def test_text_inside_markdown_blocks_and_emphasis_is_found() -> None:
    out = convert('<div class="short-answer" markdown>\n\n会**影响征信**。\n\n</div>\n\n- 逾期\n')
    assert out.count("<abbr") == 2


def test_visible_text_is_unchanged() -> None:
    text = "## 说明\n\n如果逾期以后没有还，会影响**征信**；[逾期](x.md)时可以提征信异议。\n\n- 逾期未还\n"
    assert visible_text(convert(text)) == visible_text(convert(text, enabled=False))
    assert convert(text) != convert(text, enabled=False)


def test_disabled_changes_nothing() -> None:
    assert "<abbr" not in convert("如果逾期以后没有还，会影响征信。", enabled=False)


def test_built_pages_have_tooltips_but_the_glossary_page_does_not(built_site: Path) -> None:
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in glossary
    assert 'href="../q/jd-baitiao-when-overdue/"' in glossary  # each term links to the page explaining it
    definitions = {t.term: t.definition for t in load_valid_content().glossary}
    page = (built_site / "q" / "jiebei-10k-unpaid-jail" / "index.html").read_text(encoding="utf-8")
    found = dict(
        (html.unescape(t), html.unescape(d))
        for d, t in re.findall(r'<abbr tabindex="0" title="([^"]*)">([^<]*)</abbr>', page)
    )
    assert found.get("征信") == definitions["征信"]
    heading_abbr = re.search(r"<h[1-6][^>]*>(?:(?!</h[1-6]>).)*<abbr", page, re.S)
    assert heading_abbr is None


@pytest.mark.browser
def test_reader_sees_the_definition_on_hover_and_tap(browser, site_url: str) -> None:
    term, definition = "征信", next(t.definition for t in load_valid_content().glossary if t.term == "征信")
    for touch in (False, True):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, locale="zh-CN", has_touch=touch, is_mobile=touch
        )
        tab = context.new_page()
        outside: list[str] = []
        tab.on(
            "request",
            lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None,  # noqa: B023
        )
        tab.goto(site_url + "/q/jiebei-10k-unpaid-jail/")
        mark = tab.locator("article abbr", has_text=term).first
        assert mark.inner_text() == term
        # The visible article text is the same as with every <abbr> unwrapped into plain text.
        with_marks = tab.locator("article").inner_text()
        without = tab.locator("article").evaluate(
            "a => { const c = a.cloneNode(true); c.querySelectorAll('abbr').forEach(e => e.replaceWith(e.textContent));"
            " document.body.appendChild(c); const t = c.innerText; c.remove(); return t; }"
        )
        assert with_marks == without
        if touch:
            mark.tap()
        else:
            mark.hover()
        tooltip = tab.locator(".md-tooltip2--active")
        tooltip.wait_for(state="visible")
        assert tooltip.inner_text().strip() == definition
        context.close()
        assert not outside, outside
