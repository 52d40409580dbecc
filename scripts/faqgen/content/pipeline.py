"""The one entry point the hook, the CLI and the tests share: content/ → validated → pages."""

from __future__ import annotations

from pathlib import Path

from faqgen.content.errors import UNKNOWN_REFERENCE, ContentErrors
from faqgen.content.loader import load_content
from faqgen.content.model import Content
from faqgen.content.validate import validate
from faqgen.paths import CONTENT_DIR
from faqgen.render.pages import RenderedPage, render_site


def load_valid_content(content_dir: Path = CONTENT_DIR) -> Content:
    """Load and validate everything; raise ContentErrors listing every problem before any output."""
    content, errors = load_content(content_dir)
    if not errors:
        errors = validate(content, content_dir)
    else:
        # Cross-checks on partly loaded content would report noise (a broken file's id looks missing).
        errors += [
            e
            for e in validate(content, content_dir)
            if e.path not in {x.path for x in errors} and e.kind != UNKNOWN_REFERENCE
        ]
    if errors:
        raise ContentErrors(errors)
    return content


def generate(content_dir: Path = CONTENT_DIR) -> list[RenderedPage]:
    """Validate and render the whole site's generated pages."""
    return render_site(load_valid_content(content_dir))
