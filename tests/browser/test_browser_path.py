"""Issue 13, the 30-second path: from the home page a frightened reader on a 390×844 phone reaches
the right number in at most three taps, and sees it without scrolling after the last tap."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
HEADER = 48  # Material's sticky header on a phone covers the top of the viewport


class Taps:
    """Counts the reader's taps; scrolling between taps is allowed, after the last one it is not."""

    def __init__(self, page) -> None:
        self.page, self.count = page, 0

    def tap(self, locator) -> None:
        """Tap one element (Playwright scrolls it into view first, as a reader's thumb would)."""
        locator.tap()
        self.count += 1
        self.page.wait_for_timeout(300)


def on_screen(page, locator) -> bool:
    """True when the element is fully inside the visible part of the viewport, below the header."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= HEADER and box["y"] + box["height"] <= height


def first_visible(locator):
    """The first of several matches that is displayed."""
    return next(locator.nth(i) for i in range(locator.count()) if locator.nth(i).is_visible())


@pytest.fixture
def phone(browser):
    """A touch phone at 390×844 (taps need hasTouch)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", has_touch=True)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


def test_jiebei_contacts_reaches_12378_in_three_taps(phone, site_url: str) -> None:
    """借呗 (a consumer finance company) + collectors calling the family → 12378, on screen."""
    phone.goto(f"{site_url}/")
    taps = Taps(phone)
    taps.tap(phone.get_by_role("link", name="查投诉渠道"))
    phone.wait_for_selector("[data-lookup-form][data-ready]")
    taps.tap(phone.get_by_label("爆通讯录、联系家人同事"))
    taps.tap(phone.get_by_label("持牌消费金融公司"))
    call = first_visible(phone.locator("a[href='tel:12378']"))
    assert taps.count <= 3
    assert on_screen(phone, call), call.bounding_box()
    assert phone.evaluate("document.activeElement.id") == "lookup-summary"
    # The lender's own customer service comes first, one tap from how to find its number.
    first = phone.locator(".lookup-quick li").first
    assert on_screen(phone, first)
    assert phone.locator(".lookup-quick a[href='#card-alipay-service']").is_visible()


def test_baitiao_due_date_reaches_jd_service_and_regulator_in_three_taps(phone, site_url: str) -> None:
    """京东白条改还款日 (lender type unknown) → 京东金融's own service first, then 12378, both on screen."""
    phone.goto(f"{site_url}/")
    taps = Taps(phone)
    taps.tap(phone.get_by_role("link", name="查投诉渠道"))
    phone.wait_for_selector("[data-lookup-form][data-ready]")
    taps.tap(phone.get_by_label("想协商还款"))
    taps.tap(phone.get_by_label("还不确定，先都列出来"))
    assert taps.count <= 3
    service = phone.locator(".lookup-quick a[href='#card-jdjr-service']")
    assert on_screen(phone, service)
    assert on_screen(phone, first_visible(phone.locator(".lookup-quick a[href='tel:12378']")))


def test_guide_shows_numbers_on_the_first_screens(phone, site_url: str) -> None:
    """The guide's 找谁 card follows the short answer: 110 on the first screen, 12378 by the second."""
    phone.goto(f"{site_url}/guides/debt-collection-harassment/")
    card = phone.locator(".admonition").first
    assert "找谁" in card.inner_text()
    assert on_screen(phone, card.locator("a[href='tel:110']"))
    for number in ("12378", "12321", "12377", "12348"):
        link = card.locator(f"a[href='tel:{number}']")
        assert link.count() == 1
        assert link.evaluate("a => a.nextElementSibling.pathname").endswith("/channels/")
        assert link.bounding_box()["y"] < 2 * 844


def test_numbers_in_answers_are_tel_links_with_details(phone, site_url: str) -> None:
    """A number in Q&A text can be tapped to call, and the channel's details are the next link."""
    phone.goto(f"{site_url}/q/jiebei-10k-unpaid-jail/")
    call = phone.locator("article a[href='tel:12378']").first
    assert call.is_visible()
    details = call.evaluate("a => [a.nextElementSibling.pathname, a.nextElementSibling.hash]")
    assert details == ["/channels/", "#nfra-12378"]


def test_collection_hub_links_lookup_and_channels(phone, site_url: str) -> None:
    """The 催收与维权 hub sends the reader to the lookup and the channel list, near the top."""
    phone.goto(f"{site_url}/topics/collection/")
    links = phone.locator(".hub-links a")
    assert links.evaluate_all("els => els.map(a => a.pathname)") == ["/lookup/", "/channels/"]
    assert on_screen(phone, links.first)


def test_long_page_jump_list_on_phones_only(browser, site_url: str) -> None:
    """Pages with ≥ 4 sections list them under the short answer on a phone; the links work."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    tab = context.new_page()
    tab.goto(f"{site_url}/guides/debt-collection-harassment/")
    jump = tab.locator("nav.page-jump")
    assert jump.is_visible()
    hrefs = jump.locator("a").evaluate_all("els => els.map(a => decodeURIComponent(a.hash.slice(1)))")
    assert len(hrefs) >= 4
    for anchor in hrefs:
        assert tab.locator(f"[id='{anchor}']").count() == 1, anchor
    tab.set_viewport_size({"width": 1400, "height": 900})
    assert not jump.is_visible()
    context.close()


@pytest.mark.parametrize("path", ["topics/collection/", "lookup/", "glossary/", "channels/"])
def test_review_date_near_the_top(phone, site_url: str, path: str) -> None:
    """Hubs, lookup, glossary and channel list show their review date on the first screen."""
    phone.goto(f"{site_url}/{path}")
    date = phone.locator("article .page-meta time").first
    assert on_screen(phone, date)


def test_readable_sizes_on_phones(phone, site_url: str) -> None:
    """Table text ≥ 15 px, glossary tooltips ≥ 14 px at 390 px."""
    phone.goto(f"{site_url}/guides/debt-collection-harassment/")
    size = phone.locator("article table td").first.evaluate("td => parseFloat(getComputedStyle(td).fontSize)")
    assert size >= 15
    phone.locator("article abbr").first.focus()
    tip = phone.locator(".md-tooltip2__inner, .md-tooltip__inner").first
    tip.wait_for(state="attached")
    assert tip.evaluate("t => parseFloat(getComputedStyle(t).fontSize)") >= 14


def test_lookup_table_is_stacked_cards_on_phones(phone, site_url: str) -> None:
    """Without a choice, the reference table shows one card per situation, no sideways scrolling."""
    phone.goto(f"{site_url}/lookup/")
    row = phone.locator(".lookup-all tbody tr").first
    cells = row.locator("td")
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert all(abs(b["x"] - boxes[0]["x"]) < 2 for b in boxes)  # stacked, not side by side
    assert boxes[0]["width"] > 300
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_wide_tool_table_has_a_scroll_cue(phone, site_url: str) -> None:
    """The harassment log is wider than the phone: a visible cue says it scrolls sideways."""
    phone.goto(f"{site_url}/tools/harassment-log/")
    phone.wait_for_selector(".md-typeset__scrollwrap[role=region]", state="attached")
    wide = phone.locator(".tool-document .md-typeset__scrollwrap[role=region]").first
    cue = wide.locator("xpath=preceding-sibling::*[1]")
    assert "左右滑动" in cue.inner_text()
    assert phone.locator(".scroll-cue").count() == phone.locator(".md-typeset__scrollwrap[role=region]").count()
