"""The one entry point the hook, the CLI and the tests share: content/ → validated → pages."""

from __future__ import annotations

from pathlib import Path

from faqgen.content.errors import UNKNOWN_REFERENCE, ContentError, ContentErrors
from faqgen.content.loader import load_content
from faqgen.content.model import Content
from faqgen.content.validate import validate
from faqgen.paths import CONTENT_DIR
from faqgen.render.pages import RenderedPage, render_site

# What a reference error says when the thing it names would live in this data file.
DATA_FILE_MARKERS = {
    "topics.yml": ("这个话题",),
    "channels.yml": ("channels.yml 里没有", "渠道"),
    "sources.yml": ("sources.yml 里没有",),
    "facts.yml": ("facts.yml 里没有",),
    "routing.yml": ("routing", "情况", "放款机构"),
    "glossary.yml": ("术语",),
}


def _caused_by_broken_files(error: ContentError, load_errors: list[ContentError]) -> bool:
    """True when a cross-check error may only be an echo of a file that failed to load.

    A page that failed to load takes its id (its file name) with it; a data file that failed takes
    every id of its kind. Other reference errors are real and are reported with the load errors.
    """
    broken = {e.path for e in load_errors}
    if error.path in broken:
        return True
    if error.kind != UNKNOWN_REFERENCE:
        return False
    if any(f"“{path.stem}”" in error.message for path in broken if path.suffix == ".md"):
        return True
    if any(path.is_dir() or path.name in ("questions", "guides", "tools") for path in broken):
        return True  # an unreadable folder: any page may be missing
    return any(marker in error.message for path in broken for marker in DATA_FILE_MARKERS.get(path.name, ()))


def load_valid_content(content_dir: Path = CONTENT_DIR) -> Content:
    """Load and validate everything; raise ContentErrors listing every problem before any output."""
    content, errors = load_content(content_dir)
    if not errors:
        errors = validate(content, content_dir)
    else:
        # Cross-checks on partly loaded content report noise only where a broken file's ids look missing.
        errors += [e for e in validate(content, content_dir) if not _caused_by_broken_files(e, errors)]
    if errors:
        raise ContentErrors(errors)
    return content


def generate(content_dir: Path = CONTENT_DIR) -> list[RenderedPage]:
    """Validate and render the whole site's generated pages."""
    return render_site(load_valid_content(content_dir))
