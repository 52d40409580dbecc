"""The one escaper for data printed into generated Markdown: HTML never runs, text never forms a link."""

from __future__ import annotations

import html


def escape_html(text: object) -> str:
    """HTML-escape text, quotes included, so it is safe in element text and in attribute values alike."""
    return html.escape(str(text), quote=True)


def escape_text(text: object) -> str:
    """escape_html, and [ ] as entities so data text can never form a Markdown link."""
    return escape_html(text).replace("[", "&#91;").replace("]", "&#93;")
