"""Issue 14, 大字模式 / 关怀模式: a header switch on every page; large, high-contrast text at 390 px."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from care_probe import CARE_KEY, PAGE_TYPES, care_axe_violations, overflow, smallest_text
from faqgen.browser import PHONE

pytestmark = pytest.mark.browser
# Records whether html.care was already set when the parser reached <body>: that is before first paint.
CARE_AT_BODY = """window.__careAtBody = null;
new MutationObserver((_, watcher) => {
  if (document.body) { window.__careAtBody = document.documentElement.classList.contains('care'); watcher.disconnect(); }
}).observe(document, {childList: true, subtree: true});"""
SHOTS = os.environ.get("CARE_SHOTS")  # a folder for phone screenshots of each page type in this mode


@pytest.fixture
def care_tab(browser):
    """A phone tab in which the reader switched 大字模式 on earlier (saved on the device)."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)
    context.add_init_script(f"localStorage.setItem('{CARE_KEY}', '1')")
    tab = context.new_page()
    yield tab
    context.close()


def test_switch_is_remembered_and_applied_before_first_paint(page, site_url: str) -> None:
    page.add_init_script(CARE_AT_BODY)
    page.goto(f"{site_url}/q/jiebei-10k-unpaid-jail/")
    switch = page.locator("header [data-care-toggle]")
    assert switch.is_visible() and switch.get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__careAtBody") is False
    body_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert body_px < 22  # control: the normal size is smaller

    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert page.evaluate("localStorage.getItem('jdwq.care')") == "1"
    # care.css is fetched on the first tap: the text grows once it has arrived.
    page.wait_for_function("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize) >= 22")

    page.goto(f"{site_url}/channels/")  # a fresh load: the saved choice is on before <body> is parsed
    assert page.evaluate("window.__careAtBody") is True
    # …with its stylesheet written into the head, so the first paint is already large.
    assert page.locator("head link[data-care-css]").count() == 1
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)") >= 22
    assert page.locator("header [data-care-toggle]").get_attribute("aria-pressed") == "true"

    page.locator("header [data-care-toggle]").click()  # and off again, also remembered
    page.goto(f"{site_url}/")
    assert page.evaluate("window.__careAtBody") is False


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_is_large_clear_and_fits_a_phone(care_tab, site_url: str, kind: str) -> None:
    care_tab.goto(site_url + PAGE_TYPES[kind])
    assert care_tab.evaluate("document.documentElement.classList.contains('care')")
    smallest = smallest_text(care_tab)
    assert smallest[0][0] >= 22, f"text under 22 px in the article: {smallest}"
    assert all(ratio >= 1.5 for _, ratio, _, _ in smallest_text(care_tab, ".md-content p, .md-content li") or [])
    # The header, menu and footer may be a little smaller, never small.
    assert smallest_text(care_tab, "body")[0][0] >= 17
    width = overflow(care_tab)
    assert width["scroll"] <= 390 and not width["wide"], width
    assert care_axe_violations(care_tab) == []
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        care_tab.screenshot(path=f"{SHOTS}/{kind}.png")


def test_line_height_in_paragraphs(care_tab, site_url: str) -> None:
    care_tab.goto(f"{site_url}/guides/debt-collection-harassment/")
    ratios = care_tab.evaluate(
        "[...document.querySelectorAll('.md-typeset p, .md-typeset li')].filter(e => e.getClientRects().length)"
        ".map(e => parseFloat(getComputedStyle(e).lineHeight) / parseFloat(getComputedStyle(e).fontSize))"
    )
    assert ratios and min(ratios) >= 1.5


def test_system_high_contrast_darkens_colours_without_the_switch(browser, site_url: str) -> None:
    colours = {}
    for contrast in ("no-preference", "more"):
        context = browser.new_context(**PHONE, contrast=contrast)
        tab = context.new_page()
        tab.goto(f"{site_url}/q/jiebei-10k-unpaid-jail/")
        colours[contrast] = tab.evaluate(
            "getComputedStyle(document.querySelector('.md-content article p a:not(.headerlink)')).color"
        )
        assert not tab.evaluate("document.documentElement.classList.contains('care')")
        context.close()
    assert colours["no-preference"] == "rgb(11, 92, 74)"
    assert colours["more"] == "rgb(7, 63, 51)"
