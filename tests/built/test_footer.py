"""Who we are: the footer names the publisher, the contact and the ICP number from mkdocs.yml `extra`,
with the build date; /about/ says how corrections are handled; empty values leave nothing behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from faqgen.build.safe_build import build
from faqgen.paths import PROJECT_ROOT


def footer(html: str) -> str:
    """The footer's copyright block of a built page."""
    match = re.search(r'<div class="md-copyright site-footer">(.*?)</div>', html, re.DOTALL)
    assert match, "no footer"
    return match.group(1)


def test_empty_values_show_only_the_build_date(built_site: Path) -> None:
    """The default mkdocs.yml names nobody: no empty boxes, no invented contact, only the build date."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<p class="site-footer__item">(.*?)</p>', footer(html), re.DOTALL)
    assert len(items) == 1 and "本站生成于" in items[0]
    assert "mailto:" not in html and "beian.miit.gov.cn" not in html
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert "核实" in about and "还没有公布联系方式" in about


def test_filled_values_show_in_footer_and_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Publisher, an email contact and an ICP number linked to the MIIT filing site."""
    monkeypatch.setenv("SITE_PUBLISHER", "测试发布者")
    monkeypatch.setenv("SITE_CONTACT", "fix@example.org")
    monkeypatch.setenv("SITE_ICP", "测ICP备00000000号")
    site = tmp_path / "site"
    assert build(site, PROJECT_ROOT / "mkdocs.yml", post_steps=False) == 0
    box = footer((site / "q" / "jiebei-10k-unpaid-jail" / "index.html").read_text(encoding="utf-8"))
    assert "发布者：测试发布者" in box
    assert '<a href="mailto:fix@example.org">fix@example.org</a>' in box
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">测ICP备00000000号</a>' in box
    assert "本站生成于" in box
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert '纠错和提问请写到：<a href="mailto:fix@example.org">' in about
