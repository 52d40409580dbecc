"""Issue 13: paper and links carry the public address, or none at all (never the preview's 127.0.0.1)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import faqgen.browser
from faqgen.build.safe_build import build
from faqgen.paths import PROJECT_ROOT
from faqgen.render.pages import PDF_HREF
from pdf_helpers import flat, pdf_pages, require_poppler

PUBLIC = "https://example.cn/faq/"  # a sub-path too: every address keeps it
LOCAL = re.compile(r"127\.0\.0\.1|localhost")
needs_chromium = pytest.mark.skipif(not faqgen.browser.chromium_available(), reason="no Chromium")


def text_files(site: Path) -> dict[str, str]:
    """Every page, the sitemap and robots.txt of a built site, by relative path."""
    files = [*site.rglob("*.html"), site / "sitemap.xml", site / "robots.txt"]
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in files if "downloads" not in p.parts}


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for a public address (no post steps: pages, sitemap and robots.txt are enough)."""
    site = tmp_path_factory.mktemp("public") / "site"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", PUBLIC)
        assert build(site, PROJECT_ROOT / "mkdocs.yml", post_steps=False) == 0
    return site


def test_unset_site_url_puts_no_address_in_pages_sitemap_or_robots(built_site: Path, monkeypatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)  # the session build ran without it
    files = text_files(built_site)
    leaks = sorted(name for name, text in files.items() if LOCAL.search(text))
    assert leaks == [], f"a preview address in {leaks[:5]}"
    assert not any('rel="canonical"' in t for t in files.values()), "canonical link to a preview address"
    assert "<url>" not in files["sitemap.xml"]
    assert "Sitemap:" not in files["robots.txt"]
    print_view = files["print/index.html"]
    assert "网页版" not in print_view and "本页网址" not in print_view
    assert "本页网址" not in files["q/jiebei-10k-unpaid-jail/index.html"]


def test_public_site_url_is_the_printed_and_linked_address(public_site: Path) -> None:
    files = text_files(public_site)
    question = files["q/jiebei-10k-unpaid-jail/index.html"]
    assert f'<link rel="canonical" href="{PUBLIC}q/jiebei-10k-unpaid-jail/">' in question
    assert f"本页网址：{PUBLIC}q/jiebei-10k-unpaid-jail/" in question
    sitemap = files["sitemap.xml"]
    assert f"<loc>{PUBLIC}channels/</loc>" in sitemap and f"<loc>{PUBLIC}q/wechat-fenfu-open/</loc>" in sitemap
    assert sitemap.count("<loc>") >= 20, "every page, question pages included"
    assert f"Sitemap: {PUBLIC}sitemap.xml" in files["robots.txt"]
    print_view = files["print/index.html"]
    assert f"网页版：{PUBLIC}<" in print_view and f"网页版：{PUBLIC}channels/" in print_view
    assert not any(LOCAL.search(t) for t in files.values())


@needs_chromium
def test_pdf_prints_the_public_address_and_make_pdf_says_why_when_there_is_none(
    public_site: Path, pdf_site: Path, monkeypatch
) -> None:
    require_poppler()
    monkeypatch.setenv("SITE_URL", PUBLIC)
    done = subprocess.run(
        [sys.executable, "-m", "faqgen.build.pdf", "--require-chromium", str(public_site)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "没有印网址" not in done.stdout
    text = flat("\n".join(pdf_pages(public_site / PDF_HREF)))
    assert f"网页版：{PUBLIC}" in text and f"本页网址：{PUBLIC}print/" in text
    assert not LOCAL.search(text)
    unset = flat("\n".join(pdf_pages(pdf_site / PDF_HREF)))  # built and printed without SITE_URL
    assert "网页版" not in unset and "本页网址" not in unset and not LOCAL.search(unset)


def test_make_pdf_says_why_no_address_is_printed(built_site: Path, monkeypatch) -> None:
    from faqgen.build.pdf import no_address_note

    monkeypatch.delenv("SITE_URL", raising=False)
    note = no_address_note(built_site)
    assert note and "没有印网址" in note and "没有设置 SITE_URL" in note and "SITE_URL=https://" in note
