"""Our scripts are minified in the built site, licences kept, vendor files and the sources left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

from faqgen.build.minify import minify_scripts
from faqgen.paths import PROJECT_ROOT


def test_own_scripts_shrink_and_vendor_files_stay(tmp_path: Path) -> None:
    shutil.copytree(PROJECT_ROOT / "docs" / "assets", tmp_path / "assets")
    vendor = (tmp_path / "assets" / "vendor" / "iframe-worker-shim.js").read_text(encoding="utf-8")
    before = {p.name: p.stat().st_size for p in (tmp_path / "assets").glob("*.js")}
    changed = {p.name for p in minify_scripts(tmp_path)}
    assert changed == set(before)
    search = (tmp_path / "assets" / "search-on-demand.js").read_text(encoding="utf-8")
    assert len(search) < 0.7 * before["search-on-demand.js"]
    assert "/* Material's search, loaded only when" not in search  # comments gone
    assert (tmp_path / "assets" / "vendor" / "iframe-worker-shim.js").read_text(encoding="utf-8") == vendor
    assert (PROJECT_ROOT / "docs" / "assets" / "search-on-demand.js").stat().st_size == before["search-on-demand.js"]


def test_licence_comments_are_kept(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    script = tmp_path / "assets" / "x.js"
    script.write_text("/*! x 1.0 | MIT */\n/* a note */\nvar  a = 1;  // why\n", encoding="utf-8")
    minify_scripts(tmp_path)
    assert script.read_text(encoding="utf-8") == "/*! x 1.0 | MIT */var a=1;"
