"""The offline copy: a zip linked from the home page that works from file://, search included, with no outside request."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from faqgen.build.offline import SHIM, ZIP_FOLDER, ZIP_PATH, mark_as_offline, offline_config, remote_assets
from faqgen.paths import PROJECT_ROOT

LOCAL_SCHEMES = ("file://", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def offline_root(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip of the built site, unzipped as a reader would."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / ZIP_PATH) as archive:
        archive.extractall(target)
    return target / ZIP_FOLDER


def test_home_page_links_the_zip(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{ZIP_PATH}" download>' in home
    assert (built_site / ZIP_PATH).is_file()


def test_zip_holds_one_folder_with_the_whole_site(built_site: Path) -> None:
    with zipfile.ZipFile(built_site / ZIP_PATH) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert all(name.startswith(f"{ZIP_FOLDER}/") for name in names)
    inside = {name.removeprefix(f"{ZIP_FOLDER}/") for name in names}
    for needed in (
        "index.html",
        "q/jiebei-10k-unpaid-jail.html",
        "channels.html",
        "glossary.html",
        "search/search_index.js",
        SHIM,
    ):
        assert needed in inside, needed
    assert not any(name.endswith(".map") for name in inside)
    assert not any(name.startswith("downloads/") for name in inside)


def test_offline_pages_load_nothing_from_another_host(offline_root: Path) -> None:
    assert remote_assets(offline_root) == []
    # (Material's bundle names unpkg.com for Mermaid and an old-browser polyfill, loaded only when
    # needed; the browser test below checks no request actually leaves.)
    for path in offline_root.rglob("*.html"):
        assert "unpkg.com" not in path.read_text(encoding="utf-8"), path
    home = (offline_root / "index.html").read_text(encoding="utf-8")
    assert f'<script src="{SHIM}">' in home
    assert "你正在看的是离线版" in home and ZIP_PATH not in home


def test_offline_config_turns_off_instant_loading_and_lists_the_local_shim() -> None:
    config = offline_config(PROJECT_ROOT / "mkdocs.yml")
    assert config["INHERIT"] == "mkdocs.yml"
    assert "offline" in config["plugins"]
    assert not any(f.startswith("navigation.instant") for f in config["theme"]["features"])
    assert config["extra"]["polyfills"] == [SHIM]  # Material adds unpkg.com only if no "iframe-worker" is listed
    assert "iframe-worker" in SHIM
    assert (PROJECT_ROOT / "docs" / SHIM).read_text(encoding="utf-8").startswith("/*! iframe-worker 1.0.4")
    assert "MIT License" in (PROJECT_ROOT / "docs" / "assets" / "vendor" / "iframe-worker-LICENSE.txt").read_text(
        encoding="utf-8"
    )


def test_remote_asset_check_ignores_canonical_links(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<link rel="canonical" href="https://example.org/a/">', encoding="utf-8")
    (tmp_path / "b.html").write_text('<script src="https://unpkg.com/iframe-worker/shim"></script>', encoding="utf-8")
    (tmp_path / "c.html").write_text('<link rel="stylesheet" href="//cdn.example.org/x.css">', encoding="utf-8")
    assert remote_assets(tmp_path) == ["b.html", "c.html"]


def test_missing_download_paragraph_fails_the_step(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    assert not mark_as_offline(tmp_path, dt.date(2026, 11, 28))


@pytest.mark.browser
def test_download_link_gives_the_zip(page, site_url: str) -> None:
    page.goto(site_url + "/")
    with page.expect_download() as download:
        page.locator(".offline-download a").click()
    assert download.value.suggested_filename == "offline.zip"


@pytest.mark.browser
def test_offline_copy_works_from_file_urls(browser, offline_root: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(LOCAL_SCHEMES) else None)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))

    tab.goto((offline_root / "index.html").as_uri())
    assert tab.title().startswith("借贷维权问答")
    assert "离线版" in tab.locator(".offline-download").inner_text()

    # A reader's path: home → topic → Q&A, by clicking links.
    tab.locator("article a[href='topics/jiebei.html']").first.click()
    tab.wait_for_url("**/topics/jiebei.html")
    tab.locator("article h2 a:not(.headerlink)", has_text="欠借呗 1 万元不还会坐牢吗").click()
    tab.wait_for_url("**/q/jiebei-10k-unpaid-jail.html")
    assert "不是法律意见" in tab.locator(".disclaimer").inner_text()

    # Search runs from file:// (the local iframe-worker shim and search_index.js).
    tab.click("label.md-header__button[for='__search']")
    tab.fill(".md-search__input", "借呗")
    tab.keyboard.press("End")
    tab.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('个')")
    hrefs = tab.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert any("q/jiebei-10k-unpaid-jail.html" in h for h in hrefs), hrefs
    assert all(h.startswith("file://") for h in hrefs)
    tab.locator(".md-search-result__item > a").first.click()
    tab.wait_for_load_state()
    assert tab.url.startswith("file://") and ".html" in tab.url

    context.close()
    assert not outside, f"requests left the file system: {outside}"
    assert not errors, errors


@pytest.mark.browser
def test_no_offline_page_requests_another_host(browser, offline_root: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(LOCAL_SCHEMES) else None)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(f"{tab.url}: {e}"))
    pages = sorted(offline_root.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        tab.goto(path.as_uri())
        tab.wait_for_load_state("load")
    context.close()
    assert not outside, f"requests left the file system: {outside}"
    assert not errors, errors
