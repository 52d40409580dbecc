"""The example nginx config and the test server cache the same files for a year: only content-hashed ones."""

from __future__ import annotations

import re
from pathlib import Path

from faqgen.static_server import HASHED_ASSET
from helpers import project_path


def nginx_long_cache_patterns() -> list[re.Pattern[str]]:
    """The `location ~* "…"` regexes of the first server block that send a one-year Cache-Control."""
    config = project_path("deploy", "nginx.conf").read_text(encoding="utf-8")
    live = config.split("\n# server {", 1)[0]  # the commented sub-path example repeats the same rules
    blocks = re.findall(r'location ~\* "([^"]+)" \{(.*?)\}', live, re.S)
    return [re.compile(rx, re.I) for rx, body in blocks if "immutable" in body]


def test_nginx_and_the_test_server_agree_on_hashed_files(built_site: Path) -> None:
    patterns = nginx_long_cache_patterns()
    assert len(patterns) == 2
    paths = ["/" + p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()]
    long_cached = {p for p in paths if HASHED_ASSET.search(p)}
    assert long_cached == {p for p in paths if any(rx.search(p) for rx in patterns)}
    # Search chunks are cached; the files that name them, and every page, are revalidated.
    assert any(p.startswith("/pagefind/index/") for p in long_cached)
    assert any(p.startswith("/pagefind/fragment/") for p in long_cached)
    assert any(p.startswith("/pagefind/wasm.") for p in long_cached)  # named by its content (search/bundle.py)
    for fixed in ("/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/index.html", "/assets/site.css"):
        assert fixed in paths and fixed not in long_cached, fixed
