"""Steps that run on a freshly built site before it is swapped into place.

Each step takes the new site folder and the content folder it was built from, and returns True
on success. A step that cannot run on this machine (e.g. no Chromium for the PDF) prints why and
returns True; a step that fails returns False, and the build keeps the previous site/.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Collection
from pathlib import Path

Step = Callable[[Path, Path], bool]
SEARCH = "search"  # the step the site cannot do without: build_site.py --post-steps search runs only it


def _steps() -> dict[str, Step]:
    """The post-build steps by name, in order. Add a step by adding its function here."""
    from faqgen.build.offline import build_offline_copy  # a zip of the site that works from file://
    from faqgen.build.pdf import export_pdf  # the print view as PDF (skipped with a message when Chromium is absent)
    from faqgen.search.pagefind import build_search_index  # the Pagefind index that answers the search box

    return {
        SEARCH: lambda site, _content: build_search_index(site),
        "offline": lambda site, content: build_offline_copy(site, content_dir=content),
        "pdf": lambda site, _content: export_pdf(site),
    }


def step_names() -> list[str]:
    """The names of the post-build steps, in order."""
    return list(_steps())


def run_post_steps(site_dir: Path, content_dir: Path, only: Collection[str] | None = None) -> bool:
    """Run the post-build steps (all, or those named in only) on site_dir; False stops the build."""
    steps = _steps()
    unknown = set(only or ()) - set(steps)
    if unknown:
        raise ValueError(f"unknown post-build steps: {sorted(unknown)}")
    return all(_run(name, step, site_dir, content_dir) for name, step in steps.items() if only is None or name in only)


def _run(name: str, step: Step, site_dir: Path, content_dir: Path) -> bool:
    """Run one step; a disk error (full disk, full temp folder, no permission) is a message, not a traceback."""
    try:
        return step(site_dir, content_dir)
    except OSError as exc:
        where = exc.filename or site_dir
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            why = f"磁盘空间不足（写 {where} 时）。请清理磁盘或临时文件夹（TMPDIR）后重新构建"
        else:
            why = f"{exc.strerror or exc}（{where}）"
        print(f"构建后的步骤 {name} 失败：{why}。", file=sys.stderr)
        return False
