"""Steps that run on a freshly built site before it is swapped into place.

Each step takes the new site folder and the content folder it was built from, and returns True
on success. A step that cannot run on this machine (e.g. no Chromium for the PDF) prints why and
returns True; a step that fails returns False, and the build keeps the previous site/.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Step = Callable[[Path, Path], bool]


def _steps() -> list[Step]:
    """The post-build steps, in order. Add a step by appending its function here."""
    from offline_copy import build_offline_copy  # a zip of the site that works from file://
    from pdf_export import export_pdf  # the print view as PDF (skipped with a message when Chromium is absent)

    return [
        lambda site, content: build_offline_copy(site, content_dir=content),
        lambda site, _content: export_pdf(site),
    ]


def run_post_steps(site_dir: Path, content_dir: Path) -> bool:
    """Run every post-build step on site_dir; False stops the build (site/ is kept as it was)."""
    return all(step(site_dir, content_dir) for step in _steps())
