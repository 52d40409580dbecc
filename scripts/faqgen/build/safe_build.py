"""Build the site safely: validate content, build into a temporary folder, then swap it into site/.

A failed build never touches the existing site/: content errors stop before anything is
written, and a failed MkDocs build leaves only a temporary folder, which is removed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Collection
from pathlib import Path

from faqgen.build.post_steps import SEARCH, run_post_steps, step_names
from faqgen.build.site_address import address_notice, site_url_from_env
from faqgen.build.swap import clean_leftovers, restore_interrupted, swap_into_place
from faqgen.content.errors import ContentErrors
from faqgen.content.pipeline import load_valid_content
from faqgen.mkdocs_run import run_mkdocs_build
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT


def build(
    site_dir: Path,
    config: Path,
    content_dir: Path = CONTENT_DIR,
    post_steps: bool | Collection[str] = True,
    public: bool = False,
) -> int:
    """Validate, build, post-process and swap; return a process exit code.

    post_steps: True runs every post-build step, False none (the site then has no search), or the
    names of the steps to run (post_build.py; e.g. ["search"]). public: refuse a local or missing SITE_URL.
    """
    started = time.perf_counter()
    notice = address_notice(site_url_from_env(), public=public)
    if notice and public:
        print(notice, file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    restored = restore_interrupted(site_dir)
    if restored is not None:
        print(f"上次构建在替换 site/ 时被中断：已把原有的网站从 {restored.name} 放回 site/。", file=sys.stderr)
    clean_leftovers(site_dir.parent, config.parent, Path(tempfile.gettempdir()))
    try:
        load_valid_content(content_dir)
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    tmp_dir = site_dir.with_name(f".site-build-{os.getpid()}")
    shutil.rmtree(tmp_dir, ignore_errors=True)
    try:
        if not run_mkdocs_build(config, tmp_dir, content_dir):
            print("MkDocs 构建失败（见上面的信息），原有的 site/ 保持不变。", file=sys.stderr)
            return 1
        only = None if post_steps is True else list(post_steps or ())
        if (only is None or only) and not run_post_steps(tmp_dir, content_dir, only):
            print("构建后的步骤失败，原有的 site/ 保持不变。", file=sys.stderr)
            return 1
        if only is None or "pdf" in only:
            from faqgen.build.pdf import keep_last_pdf

            kept = keep_last_pdf(tmp_dir, site_dir)
            if kept:
                print(kept)
        old = swap_into_place(tmp_dir, site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    print(f"网站已生成：{site_dir}（{time.perf_counter() - started:.1f} 秒）")
    if notice:
        print(notice, file=sys.stderr)  # last, where it is seen
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: build_site.py [--site-dir DIR] [--config FILE] [--no-post | --post-steps NAME ...]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site")
    parser.add_argument("--config", type=Path, default=PROJECT_ROOT / "mkdocs.yml")
    parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)
    steps = parser.add_mutually_exclusive_group()
    steps.add_argument(
        "--no-post",
        action="store_true",
        help="skip every post-build step (search index, offline copy, PDF): the site has no search",
    )
    steps.add_argument(
        "--post-steps",
        nargs="+",
        choices=step_names(),
        metavar="NAME",
        help=f"run only these post-build steps ({', '.join(step_names())}); e.g. --post-steps {SEARCH}",
    )
    parser.add_argument(
        "--public", action="store_true", help="a build to publish: fail unless SITE_URL is a public http(s) address"
    )
    args = parser.parse_args(argv)
    post_steps = False if args.no_post else (args.post_steps or True)
    return build(
        args.site_dir, args.config.resolve(), args.content_dir.resolve(), post_steps=post_steps, public=args.public
    )


if __name__ == "__main__":
    sys.exit(main())
