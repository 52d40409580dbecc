"""The last check on generated HTML: no event handler, no script URL, no embedded document ever gets published.

Content checks reject the known ways in at the source (with file and line); this guard runs on
what MkDocs actually produced, so a way nobody thought of fails the build instead of shipping.
It parses with the standard library's HTML parser (attribute values entity-decoded, names
lower-cased), not with patterns over the text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "ping", "srcset"}
)
# Elements that run or embed code or other documents; Material's own <script> tags are in the page
# template, not in page content, so only content is held to this list.
CONTENT_FORBIDDEN_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "template"}
)
FORBIDDEN_ATTRIBUTES = frozenset({"srcdoc"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme ("java\tscript:").
IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(value: str) -> bool:
    """True when a URL would run code or load a document of another kind: any scheme but http(s), mailto, tel."""
    match = SCHEME.match(IGNORED_IN_URL.sub("", value).lower())
    return match is not None and match.group(1) not in SAFE_SCHEMES


class _Guard(HTMLParser):
    """Collects every unsafe tag, attribute and URL of one HTML text."""

    def __init__(self, forbidden_tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.forbidden_tags = forbidden_tags
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Check one start tag and its attributes."""
        if tag in self.forbidden_tags:
            self.problems.append(f"<{tag}> 元素")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> 的事件属性 {name}")
            elif name in FORBIDDEN_ATTRIBUTES:
                self.problems.append(f"<{tag}> 的属性 {name}")
            elif name in URL_ATTRIBUTES and value and any(unsafe_url(v) for v in _urls(name, value)):
                self.problems.append(f"<{tag}> 的 {name}={value[:60]!r}")

    handle_startendtag = handle_starttag


def _urls(name: str, value: str) -> list[str]:
    """The URLs in one attribute value (srcset and ping hold several)."""
    if name == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",")]
    if name == "ping":
        return value.split()
    return [value]


def html_problems(html: str, *, content: bool = True) -> list[str]:
    """Every unsafe thing in an HTML text, described in Chinese; content=False allows the page template's <script>."""
    guard = _Guard(CONTENT_FORBIDDEN_TAGS if content else frozenset())
    guard.feed(html)
    guard.close()
    return guard.problems
