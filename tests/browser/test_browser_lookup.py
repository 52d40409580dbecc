"""The 投诉渠道查询 page as a reader uses it: choices, URL state, no JavaScript, print, keyboard."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from faqgen.build.safe_build import build
from faqgen.content.pipeline import load_valid_content
from faqgen.paths import PROJECT_ROOT
from faqgen.static_server import serve
from helpers import edit_file

pytestmark = pytest.mark.browser
STAGE_ORDER = ["urgent", "first", "escalate", "also"]


def expected_channels(situation: str, lender: str = "") -> list[str]:
    """The channel ids the data says, in the order the page should show them."""
    rule = next(r for r in load_valid_content().routing.rules if r.situation == situation)
    steps = [s for s in rule.steps if not lender or not s.lenders or lender in s.lenders]
    ordered = sorted(enumerate(steps), key=lambda p: (STAGE_ORDER.index(p[1].stage), p[0]))
    return [s.channel for _, s in ordered]


def shown_channels(page) -> list[str]:
    """Channel ids of the result cards, in page order."""
    hrefs = page.eval_on_selector_all(".lookup-card__name a", "els => els.map(e => e.getAttribute('href'))")
    return [h.split("#")[1] for h in hrefs]


def open_lookup(page, site_url: str, query: str = "") -> None:
    """Open the lookup page and wait for its script."""
    page.goto(f"{site_url}/lookup/{query}")
    page.wait_for_selector("[data-lookup-form][data-ready]")


@pytest.mark.parametrize("situation", [s.id for s in load_valid_content().routing.situations])
def test_each_situation_shows_the_channels_the_data_says(page, site_url: str, situation: str) -> None:
    open_lookup(page, site_url)
    page.check(f"input[name=s][value={situation}]")
    assert shown_channels(page) == expected_channels(situation)
    assert page.locator("[data-lookup-all]").is_hidden()
    assert page.locator(".lookup-evidence li").count() >= 1


def test_lender_type_filters_channels(page, site_url: str) -> None:
    open_lookup(page, site_url)
    page.check("input[name=s][value=calls]")
    page.check("input[name=l][value=small-loan]")
    shown = shown_channels(page)
    assert shown == expected_channels("calls", "small-loan")
    assert "nfra-12378" not in shown and "local-finance" in shown
    page.check("input[name=l][value=bank]")
    assert "nfra-12378" in shown_channels(page) and "local-finance" not in shown_channels(page)


def test_several_situations_merge_without_duplicates(page, site_url: str) -> None:
    open_lookup(page, site_url)
    page.check("input[name=s][value=calls]")
    page.check("input[name=s][value=threats]")
    shown = shown_channels(page)
    assert len(shown) == len(set(shown)) and shown[0] == "police-110"  # 立即 comes first
    assert set(shown) == set(expected_channels("calls")) | set(expected_channels("threats"))


def test_state_is_in_the_url_reload_and_back(page, site_url: str) -> None:
    open_lookup(page, site_url)
    page.check("input[name=s][value=exposure]")
    page.check("input[name=l][value=consumer-finance]")
    assert page.url.endswith("/lookup/?s=exposure&l=consumer-finance")
    page.reload()
    page.wait_for_selector("[data-lookup-form][data-ready]")
    assert page.is_checked("input[name=s][value=exposure]") and page.is_checked("input[name=l][value=consumer-finance]")
    assert shown_channels(page) == expected_channels("exposure", "consumer-finance")
    page.go_back()
    page.wait_for_function("location.search === '?s=exposure'")
    page.wait_for_selector("[data-lookup-form][data-ready] input[name=s][value=exposure]:checked")
    page.wait_for_selector(".lookup-card")
    assert page.is_checked("input[name=l][value='']")
    assert shown_channels(page) == expected_channels("exposure")


def test_shared_link_opens_with_the_choice(page, site_url: str) -> None:
    open_lookup(page, site_url, "?s=credit-error")
    assert page.is_checked("input[name=s][value=credit-error]")
    assert shown_channels(page)[0] == "credit-objection"


def test_without_javascript_the_full_table_shows(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(site_url + "/lookup/?s=calls")
    assert tab.locator("[data-lookup-form]").is_hidden()
    table = tab.locator("[data-lookup-all] table")
    assert table.is_visible()
    text = table.inner_text()
    for situation in load_valid_content().routing.situations:
        assert situation.label in text
    assert tab.locator("[data-lookup-all] table a[href*='#police-110']").count() >= 3
    context.close()


def test_print_shows_the_selection_only(page, site_url: str, tmp_path: Path) -> None:
    open_lookup(page, site_url, "?s=contacts&l=small-loan")
    page.emulate_media(media="print")
    assert page.locator("[data-lookup-form]").is_hidden()
    assert page.locator("[data-lookup-all]").is_hidden()
    assert page.locator(".lookup-results").is_visible()
    pdf = tmp_path / "lookup.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "你选择的情况：爆通讯录、联系家人同事" in text
    assert "12321" in text and "要准备的证据" in text
    assert "电话、短信轰炸" not in text  # not the unselected rows of the full table


def test_keyboard_and_announcement(page, site_url: str) -> None:
    open_lookup(page, site_url)
    page.focus("input[name=s][value=negotiate]")
    page.keyboard.press("Space")
    assert page.is_checked("input[name=s][value=negotiate]")
    status = page.locator("[data-lookup-status]")
    assert status.get_attribute("role") == "status" and "找到" in status.inner_text()
    labels = page.eval_on_selector_all("[data-lookup-form] input", "els => els.map(e => e.closest('label') !== null)")
    assert all(labels)


def test_works_after_instant_navigation(page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.locator(".urgent a", has_text="查投诉渠道").click()
    page.wait_for_url("**/lookup/")
    page.wait_for_selector("[data-lookup-form][data-ready]")
    page.check("input[name=s][value=legal-help]")
    assert shown_channels(page) == expected_channels("legal-help")


def test_no_sideways_scroll_at_360px(browser, site_url: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(site_url + "/lookup/?s=calls,contacts,threats")
    tab.wait_for_selector(".lookup-card")
    assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    tab.screenshot(path=str(tmp_path / "lookup-360.png"))
    context.close()


def test_channel_name_with_script_tag_shows_as_text(browser, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    edit_file(
        content / "channels.yml",
        "name: 12321 网络不良与垃圾信息举报受理中心",
        'name: "12321 <script>alert(1)</script>"',
    )
    site = tmp_path / "site"
    assert build(site, PROJECT_ROOT / "mkdocs.yml", content, post_steps=False) == 0
    server, url = serve(site, headers=False)
    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        tab.goto(url + "/lookup/?s=calls")
        tab.wait_for_selector(".lookup-card")
        names = tab.locator(".lookup-card__name").all_inner_texts()
        assert "12321 <script>alert(1)</script>" in names
        tab.goto(url + "/channels/")
        assert "12321 <script>alert(1)</script>" in tab.locator("#miit-12321").inner_text()
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()


def filled_heights(pdf: Path) -> list[float]:
    """How far down each sheet the text reaches, as a share of the sheet's height (pdftotext -bbox)."""
    import re

    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    shares = []
    for height, body in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', html, re.S):
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', body)]
        shares.append(max(bottoms, default=0.0) / float(height))
    return shares


@pytest.mark.parametrize("query", ["?s=contacts&s=threats", "?s=calls", "?s=contacts&l=small-loan"])
def test_printed_result_fills_its_sheets(page, site_url: str, tmp_path: Path, query: str) -> None:
    """Issue 13: a result prints on as few sheets as it needs, not one mostly empty sheet per channel."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    open_lookup(page, site_url, query)
    pdf = tmp_path / "result.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    shares = filled_heights(pdf)
    assert len(shares) >= 2, "a result with several channels runs to more than one sheet"
    assert min(shares[:-1]) >= 0.8, f"a sheet before the last is mostly empty: {[round(s, 2) for s in shares]}"


LAYOUT_SHIFTS_JS = """window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true });"""


def test_lookup_page_does_not_shift_as_it_loads(page, site_url: str) -> None:
    """Issue 13: CLS below 0.1 even when the scripts arrive after the first paint (as on a slow phone)."""
    import time

    def late(route) -> None:  # hold the scripts back so the page paints first, every run
        time.sleep(0.6)
        route.continue_()

    page.route("**/assets/javascripts/bundle.*.js", late)
    page.route("**/assets/lookup.js", late)
    page.add_init_script(LAYOUT_SHIFTS_JS)
    open_lookup(page, site_url)
    page.wait_for_timeout(500)
    assert page.locator("[data-lookup-form]").is_visible()
    assert page.evaluate("window.__cls") < 0.1


def test_printed_lookup_has_the_flow_as_text_on_one_sheet(page, site_url: str, tmp_path: Path) -> None:
    """Issue 13: without a selection the flow prints as text on its own sheet, not as a cut picture."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    open_lookup(page, site_url)
    pdf = tmp_path / "lookup.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    sheets = text.split("\f")
    flow = [n for n, sheet in enumerate(sheets) if "投诉渠道决策流程：" in sheet]
    assert len(flow) == 1 and "决策流程图" not in sheets[flow[0] - 1], (
        "the flow's sheet, with no stranded heading before it"
    )
    for situation in load_valid_content().routing.situations:
        assert "".join(situation.label.split()) in "".join(sheets[flow[0]].split())
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF], "text copies out as radicals"
