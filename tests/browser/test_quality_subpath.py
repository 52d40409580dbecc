"""The site works when published under a sub-path (https://example.org/faq/), 404 page included.

The site is built with SITE_URL=…/faq/ into <tmp>/faq and the parent folder is served, with the
nginx example's behaviour (its headers, and faq/404.html for any missing address under /faq/).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from faqgen.build.post_steps import SEARCH
from faqgen.build.safe_build import build
from faqgen.paths import PROJECT_ROOT
from faqgen.static_server import serve

pytestmark = pytest.mark.browser

PREFIX = "/faq/"


@pytest.fixture(scope="module")
def faq_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Address of the site built for and served under /faq/ (ends with /faq)."""
    root = tmp_path_factory.mktemp("subpath")
    server, origin = serve(root, site_prefix=PREFIX)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", origin + PREFIX)
        # Only the search index: the other post-build steps add downloads, not pages, and the PDF
        # step cannot run beside the test browser.
        assert build(root / "faq", PROJECT_ROOT / "mkdocs.yml", post_steps=[SEARCH]) == 0
    yield origin + PREFIX.rstrip("/")
    server.shutdown()


@pytest.fixture
def tab(faq_url: str, browser) -> Iterator[object]:
    """A phone-sized page that fails the test on console errors or requests outside /faq/."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    # A missing page answers 404 on purpose; any other failed download is a problem.
    page.on(
        "console",
        lambda m: (
            problems.append(f"console: {m.text}")
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            problems.append(f"{r.status}: {r.url}")
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith((faq_url + "/", "data:", "blob:"))
            else problems.append(f"request outside {PREFIX}: {r.url}")
        ),
    )
    yield page
    context.close()
    assert not problems, problems


def own_links(page, faq_url: str) -> list[str]:
    """Same-host links on the page that do not stay under the sub-path."""
    origin = urlsplit(faq_url).netloc
    urls = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
    return [u for u in urls if urlsplit(u).netloc == origin and not urlsplit(u).path.startswith(PREFIX)]


def test_home_and_a_question_load_under_the_sub_path(tab, faq_url: str) -> None:
    tab.goto(faq_url + "/")
    assert tab.locator("h1").first.inner_text().startswith("借贷维权问答")
    assert own_links(tab, faq_url) == []
    tab.locator(".urgent").get_by_role("link", name="被催收骚扰怎么办").click()
    tab.wait_for_url(faq_url + "/guides/debt-collection-harassment/")
    tab.goto(faq_url + "/q/jiebei-10k-unpaid-jail/")
    assert own_links(tab, faq_url) == []
    assert tab.locator("link[rel=canonical]").count() == 0, "a local SITE_URL is no public address to link"
    tab.locator("#related + ul a").first.click()
    tab.wait_for_load_state()
    assert tab.url.startswith(faq_url + "/") and tab.url != faq_url + "/q/jiebei-10k-unpaid-jail/"


def test_search_works_under_the_sub_path(tab, faq_url: str) -> None:
    tab.goto(faq_url + "/q/jiebei-limit-gone/")
    tab.click("label.md-header__button[for='__search']")
    tab.fill(".md-search__input", "借呗")
    tab.keyboard.press("End")
    tab.locator(".md-search-result__meta").filter(has_text="个").wait_for()
    first = tab.locator(".md-search-result__item > a").first
    assert first.get_attribute("href").startswith(faq_url + "/")
    first.click()
    tab.wait_for_url(faq_url + "/q/**")
    assert tab.locator("article.md-content__inner h1").is_visible()


def test_404_page_works_at_any_depth(tab, faq_url: str) -> None:
    response = tab.goto(faq_url + "/no/such/page/")
    assert response.status == 404
    assert "找不到这个页面" in tab.locator("article").inner_text()
    # Styled: the stylesheets loaded from /faq/assets/ although the address is three folders deep.
    assert tab.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(11, 92, 74)"
    assert own_links(tab, faq_url) == []
    tab.get_by_role("link", name="回到首页").click()
    tab.wait_for_url(faq_url + "/")
    tab.goto(faq_url + "/q/no-such-question/")
    tab.get_by_role("link", name="看看该怎么办").click()
    tab.wait_for_url(faq_url + "/guides/debt-collection-harassment/")


def test_sitemap_and_robots_name_no_local_address(faq_url: str, tab) -> None:
    # Issue 13: a local SITE_URL is no public address; tests/built/test_paper_address.py checks a public one.
    sitemap = tab.request.get(faq_url + "/sitemap.xml").text()
    assert "<urlset" in sitemap and "<url>" not in sitemap
    robots = tab.request.get(faq_url + "/robots.txt").text()
    assert "User-agent: *" in robots and "Sitemap:" not in robots
