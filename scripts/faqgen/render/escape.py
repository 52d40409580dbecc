"""The one escaper for data printed into generated Markdown: HTML never runs, text never forms a link."""

from __future__ import annotations

import html
import re

# A {{…}} reference stays whole (it is expanded later, and checked there); any other brace becomes
# an entity, so "标题 {: onclick=… }" can never be read as a Markdown attribute list.
_BRACES = re.compile(r"\{\{[^{}\n]*\}\}|[{}]")
_ENTITIES = {"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;"}


def escape_html(text: object) -> str:
    """HTML-escape text, quotes included, so it is safe in element text and in attribute values alike."""
    return html.escape(str(text), quote=True)


def escape_text(text: object) -> str:
    """escape_html, and [ ] { } as entities so data text can never form a Markdown link or attribute list."""
    escaped = escape_html(text).replace("[", _ENTITIES["["]).replace("]", _ENTITIES["]"])
    return _BRACES.sub(lambda m: _ENTITIES.get(m.group(0), m.group(0)), escaped)
