"""Steps that run on a freshly built site before it is swapped into place.

Each step takes the new site folder and returns True on success. A step that cannot run on
this machine (e.g. no Chromium for the PDF) prints why and returns True; a step that fails
returns False, and the build keeps the previous site/.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Step = Callable[[Path], bool]


def _steps() -> list[Step]:
    """The post-build steps, in order. Add a step by appending its function here."""
    steps: list[Step] = []
    return steps


def run_post_steps(site_dir: Path) -> bool:
    """Run every post-build step on site_dir; False stops the build (site/ is kept as it was)."""
    return all(step(site_dir) for step in _steps())
