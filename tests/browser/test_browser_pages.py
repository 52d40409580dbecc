"""A reader's path through the site in headless Chromium on a phone-sized screen."""

from __future__ import annotations

import pytest

from faqgen.content.pipeline import load_valid_content

pytestmark = pytest.mark.browser


def h1(page) -> str:
    """The page title as shown, without the permalink anchor."""
    return page.locator("h1").evaluate(
        "e => [...e.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()"
    )


def test_home_leads_with_urgent_paths(page, site_url: str) -> None:
    page.goto(site_url + "/")
    assert page.title().startswith("借贷维权问答")
    urgent = page.locator(".urgent")
    assert urgent.is_visible()
    text = urgent.inner_text()
    assert text.index("被催收骚扰怎么办") < text.index("查投诉渠道")
    first_topic = page.locator("#topics").bounding_box()["y"]
    assert urgent.bounding_box()["y"] < first_topic


def test_open_guide_from_home(page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.locator(".urgent").get_by_role("link", name="被催收骚扰怎么办").click()
    page.wait_for_url("**/guides/debt-collection-harassment/")
    assert h1(page) == "网贷催收骚扰怎么办"
    assert page.locator(".short-answer").is_visible()


def test_question_page_then_related_link(page, site_url: str) -> None:
    page.goto(site_url + "/q/jiebei-10k-unpaid-jail/")
    assert h1(page) == "欠借呗 1 万元不还会坐牢吗"
    assert "最近审核" in page.locator(".page-meta").first.inner_text()
    assert page.locator(".short-answer").inner_text().startswith("简短回答")
    assert "不是法律意见" in page.locator(".disclaimer").inner_text()
    related = page.locator("#related + ul a").first
    title = related.inner_text()
    related.click()
    page.wait_for_load_state()
    assert h1(page) == title


def test_topic_hub_lists_its_questions(page, site_url: str) -> None:
    page.goto(site_url + "/topics/jd-baitiao/")
    assert h1(page) == "京东白条"
    links = page.locator("article h2 a:not(.headerlink)")
    titles = links.all_inner_texts()
    in_topic = [p for p in load_valid_content().pages if p.front.topic == "jd-baitiao"]
    assert "京东白条怎么改还款日" in titles and len(titles) == len(in_topic) >= 4
    links.first.click()
    page.wait_for_load_state()
    assert h1(page) == titles[0]


def test_channel_link_lands_on_its_anchor(page, site_url: str) -> None:
    page.goto(site_url + "/guides/debt-collection-harassment/")
    page.locator("article a[href$='#miit-12321']").first.click()
    page.wait_for_url("**/channels/#miit-12321")
    heading = page.locator("#miit-12321")
    assert "12321" in heading.inner_text()
    assert page.locator("a[href='tel:12321']").count() == 1


def test_missing_page_shows_chinese_404(page, site_url: str) -> None:
    # The static test server does not serve 404.html for unknown paths, so open it directly.
    page.goto(site_url + "/404.html")
    assert "找不到这个页面" in page.locator("article").inner_text()


def test_no_horizontal_scroll_on_a_360px_phone(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    for path in (
        "/",
        "/guides/debt-collection-harassment/",
        "/channels/",
        "/q/wechat-fenfu-open/",
        "/tools/harassment-log/",
    ):
        tab.goto(site_url + path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()
