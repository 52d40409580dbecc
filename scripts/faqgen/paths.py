"""Where things live, resolved from this file so any working directory works."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# FAQGEN_CONTENT_DIR lets tests and the benchmark build another content folder with the same pipeline.
CONTENT_DIR = Path(os.environ.get("FAQGEN_CONTENT_DIR") or PROJECT_ROOT / "content").resolve()
DOCS_DIR = PROJECT_ROOT / "docs"
TEMPLATES_DIR = Path(__file__).resolve().parent / "render" / "templates"
