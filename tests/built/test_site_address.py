"""Issue 15: a build never publishes a local or missing SITE_URL silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from faqgen.build.safe_build import build
from faqgen.build.site_address import address_notice, address_problem
from faqgen.paths import PROJECT_ROOT


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "http://127.0.0.1:8000/",
        "http://localhost/",
        "http://[::1]/",
        "http://192.168.1.5/faq/",
        "http://10.0.0.2/",
        "http://nas.local/",
        "http://preview/",
        "ftp://example.cn/",
        "example.cn",
    ],
)
def test_local_or_missing_addresses_are_not_public(url: str | None) -> None:
    assert address_problem(url)


@pytest.mark.parametrize("url", ["https://example.cn/", "https://jiedai.example.org/faq/", "http://203.0.113.9/"])
def test_public_addresses_pass(url: str) -> None:
    if url == "http://203.0.113.9/":  # documentation range: not global either
        assert address_problem(url)
    else:
        assert address_problem(url) is None


def test_unset_site_url_warns_loudly_and_public_build_refuses(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert "不要发布" in address_notice("http://127.0.0.1:8000/", public=False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    assert build(site, PROJECT_ROOT / "mkdocs.yml", public=True) == 1
    err = capsys.readouterr().err
    assert "没有设置 SITE_URL" in err and "不能按发布用途构建" in err
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_empty_site_url_writes_no_none_address(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setenv("SITE_URL", "")
    site = tmp_path / "site"
    assert build(site, PROJECT_ROOT / "mkdocs.yml", post_steps=False) == 0
    assert "注意：SITE_URL 是空的" in capsys.readouterr().err
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "None" not in robots and "Sitemap" not in robots
    assert "None" not in (site / "sitemap.xml").read_text(encoding="utf-8")
