"""Engine exit check: build the generated docs tree with Zensical, without our MkDocs plugin.

`make engine-check` (not part of `make test`). It proves the boundary the project keeps: `faqgen
render` writes a plain docs tree that another engine builds. Steps: render content/ into a scratch
docs folder beside copies of docs/ (assets, overrides, hand-written pages); write a mkdocs.yml with
our settings minus what only MkDocs runs (the faqgen plugin, validation, watch, exclude_docs) plus
the nav our plugin would set; build it with the `zensical` command given; then report pages built,
any reference to another host, and what this build lacks that ours has.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from faqgen.content.pipeline import load_valid_content
from faqgen.paths import DOCS_DIR, PROJECT_ROOT
from faqgen.render.nav import site_nav
from faqgen.render.pages import render_site

MKDOCS_ONLY = ("validation", "watch", "exclude_docs", "hooks", "strict")  # settings Zensical does not support
# What a page loads (scripts, styles, images, frames), not what it links to: sources link to official sites.
OUTSIDE = re.compile(
    r"""<(?:script|img|iframe|source|link)\b[^>]*?\b(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1|localhost)([^/"']+)"""
)
NOT_CARRIED = [
    "search: Pagefind and search-on-demand.js are post-build steps; Zensical builds its own index",
    "the offline zip and the whole-guide PDF: post-build steps of faqgen build",
    "nav: written here from content/topics.yml once; our plugin sets it on every build",
    "reference checks, typed-fact lint and glossary tooltips: the faqgen plugin; Zensical runs no MkDocs plugins",
]


def plain_config(nav: list[object]) -> str:
    """Our mkdocs.yml as text, without the MkDocs-only parts; docs/ and site/ resolve beside it in the scratch folder.

    Text, not a YAML round trip: the file holds tags (!ENV, the toc slugify object) a dump cannot write.
    """
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key in MKDOCS_ONLY:  # a top-level key and its indented or block-scalar lines
        text = re.sub(rf"^{key}:.*\n(?:(?:[ #].*)?\n)*?(?=^\S)", "", text, flags=re.M)
    text = re.sub(r"^  - faqgen:.*\n(?:      .*\n)*", "", text, flags=re.M)
    return text + "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)


def prepare(work: Path) -> tuple[Path, int]:
    """Write the docs tree and its plain config into work; return the config path and the page count."""
    content = load_valid_content()
    docs = work / "docs"
    shutil.copytree(DOCS_DIR, docs)
    pages = render_site(content)
    for page in pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    hand_written = {p.relative_to(DOCS_DIR).as_posix() for p in DOCS_DIR.rglob("*.md") if "overrides" not in p.parts}
    config = work / "mkdocs.yml"
    config.write_text(plain_config(site_nav(content, hand_written)), encoding="utf-8")
    return config, len(pages) + len(hand_written)


def outside_references(site: Path) -> list[str]:
    """Hosts other than this machine that built HTML loads from (scripts, styles, images, frames)."""
    found = set()
    for html in site.rglob("*.html"):
        found |= {m.group(1) for m in OUTSIDE.finditer(html.read_text(encoding="utf-8", errors="replace"))}
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    """Command line: engine_check.py --zensical PATH [--keep DIR]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--zensical", required=True, help="the zensical command (its own venv: make engine-check makes one)"
    )
    parser.add_argument("--keep", type=Path, help="build here and keep it, instead of a temporary folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="faqgen-engine-"))
    work.mkdir(parents=True, exist_ok=True)
    config, expected = prepare(work)
    started = time.perf_counter()
    done = subprocess.run([args.zensical, "build", "-f", str(config)], cwd=work, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stdout[-2000:] + done.stderr[-3000:], file=sys.stderr)
        print(f"Zensical 构建失败（{work}）。", file=sys.stderr)
        return 1
    site = work / "site"
    built = len([p for p in site.rglob("index.html")]) + len(list(site.glob("404.html")))
    hosts = outside_references(site)
    print(f"Zensical: {built} pages built from {expected} docs files in {seconds:.1f} s → {site}")
    print("other hosts loaded from: " + (", ".join(hosts) if hosts else "none"))
    print("not carried over by this build:\n" + "\n".join(f"- {line}" for line in NOT_CARRIED))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if built >= expected and not hosts else 1


if __name__ == "__main__":
    sys.exit(main())
