"""Post-build step: build a copy of the site that works from file:// (search included) and zip it into the site.

The online site keeps directory URLs, so the copy is a second MkDocs build from a small generated
config that INHERITs mkdocs.yml and turns on Material's offline plugin. That plugin would add a
script from unpkg.com; we list our own copy of the same shim (docs/assets/vendor/) instead, and
check that no page of the copy loads anything from another host.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from faqgen.mkdocs_run import run_mkdocs_build
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT

ZIP_PATH = "downloads/offline.zip"  # inside the site; the home page links here
ZIP_FOLDER = "jiedai-weiquan-wenda"  # the folder readers get when they unzip
SHIM = "assets/vendor/iframe-worker-shim.js"  # Material's file:// search worker shim, shipped locally
DOWNLOAD_NOTE = re.compile(r'<p class="offline-download">.*?</p>', re.S)
# What would make a browser fetch from another host (a canonical <link> does not fetch).
REMOTE_ASSET = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|prefetch|preconnect|icon|manifest))"""
    r"""[^>]*\bhref=["']?(?:https?:)?//""",
    re.I,
)
LEFT_OUT = (".map",)  # source maps: only for developers, and large


def offline_config(main_config: Path) -> dict[str, object]:
    """Overrides on top of mkdocs.yml: the offline plugin, no instant loading, the local shim, Material's own search.

    Pagefind cannot run from file:// (it fetches its index and WebAssembly), so the copy keeps
    Material's lunr search (search_backend: lunr; its index is search/search_index.js).
    """
    with main_config.open(encoding="utf-8") as handle:
        main = yaml_load(handle)
    plugins = [*(main.get("plugins") or []), "offline"]
    features = [f for f in main.get("theme", {}).get("features", []) if not f.startswith("navigation.instant")]
    return {
        "INHERIT": main_config.name,
        "plugins": plugins,
        "theme": {"features": features},
        "extra": {"polyfills": [SHIM], "search_backend": "lunr"},
    }


def mkdocs_offline_build(main_config: Path, out_dir: Path, content_dir: Path) -> bool:
    """Build the offline variant of the site into out_dir; True when MkDocs succeeded."""
    # Next to mkdocs.yml, so the relative paths it inherits (docs/, hooks) resolve the same way.
    config = main_config.with_name(f".mkdocs-offline-{os.getpid()}.yml")
    config.write_text(
        yaml.safe_dump(offline_config(main_config), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    try:
        return run_mkdocs_build(config, out_dir, content_dir)
    finally:
        config.unlink(missing_ok=True)


def mark_as_offline(out_dir: Path, today: dt.date) -> bool:
    """Replace the home page's download link with a note saying this is the offline copy, and when it was made."""
    home = out_dir / "index.html"
    html = home.read_text(encoding="utf-8")
    note = (
        f'<p class="offline-download">你正在看的是离线版，生成于 {today.year} 年 {today.month} 月 {today.day} 日。'
        "规则和电话可能会变，能上网时请以网站上的最新版本为准。</p>"
    )
    html, count = DOWNLOAD_NOTE.subn(note, html)
    home.write_text(html, encoding="utf-8")
    return count == 1


def remote_assets(out_dir: Path) -> list[str]:
    """Pages that would load a script, style, image or frame from another host."""
    return [
        p.relative_to(out_dir).as_posix()
        for p in sorted(out_dir.rglob("*.html"))
        if REMOTE_ASSET.search(p.read_text(encoding="utf-8"))
    ]


def write_zip(out_dir: Path, zip_path: Path, today: dt.date) -> None:
    """Zip out_dir under one folder, files sorted and dated today, so the zip is the same for the same site."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = (today.year, today.month, today.day, 0, 0, 0)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in out_dir.rglob("*") if p.is_file() and not p.name.endswith(LEFT_OUT)):
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path.relative_to(out_dir).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def build_offline_copy(
    site_dir: Path, main_config: Path = PROJECT_ROOT / "mkdocs.yml", content_dir: Path = CONTENT_DIR
) -> bool:
    """Build the offline copy from content_dir and put it at site_dir/downloads/offline.zip; False stops the build."""
    today = dt.date.today()
    # The process id in the name lets the next build remove it if this one is killed (build/swap.py).
    with tempfile.TemporaryDirectory(prefix=f"faqgen-offline-{os.getpid()}-") as tmp:
        out_dir = Path(tmp) / "site"
        print("离线版：构建可以从文件夹直接打开的副本 …")
        if not mkdocs_offline_build(main_config, out_dir, content_dir):
            print("离线版构建失败（见上面的信息）。", file=sys.stderr)
            return False
        if not mark_as_offline(out_dir, today):
            print(
                '离线版：首页里找不到 <p class="offline-download"> 下载说明（home.md.j2），无法改成离线版说明。',
                file=sys.stderr,
            )
            return False
        remote = remote_assets(out_dir)
        if remote:
            print(f"离线版：这些页面会从其他网站加载文件：{', '.join(remote[:5])}", file=sys.stderr)
            return False
        write_zip(out_dir, site_dir / ZIP_PATH, today)
    size = (site_dir / ZIP_PATH).stat().st_size
    print(f"离线版：{ZIP_PATH}（{size / 1_000_000:.1f} MB）")
    return True


if __name__ == "__main__":
    sys.exit(0 if build_offline_copy(Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_ROOT / "site") else 1)
