"""Expand {{channel:…}}, {{fact:…}}, {{page:…}} and {{source:…}} references in page text."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from faqgen.content.errors import INVALID, UNKNOWN_REFERENCE
from faqgen.content.model import Content
from faqgen.content.schema import ID
from faqgen.render.escape import escape_text
from faqgen.special_pages import BY_KEY, CHANNELS, available

SHORTCODE = re.compile(r"\{\{\s*(?P<inner>[^{}]*?)\s*\}\}")
REFERENCE = re.compile(
    rf"^(?P<kind>channel|fact|page|source|diagram):(?P<id>{ID})"
    r"(?:\.(?P<field>[a-z_]+)|#(?P<anchor>[^\s#]+))?$"
)
CHANNEL_FIELDS = ("name", "number", "operator", "website", "tel")
CHANNELS_PAGE = CHANNELS.uri
DIAGRAM_URI = "assets/routing-flow.svg"
DIAGRAM_ALT = "投诉渠道决策流程图：遇到什么情况、先找谁、不满意再找谁（文字版见投诉渠道查询页的对照表）"

ErrorSink = Callable[[int, str, str], None]  # (line offset within the text, message, ContentError kind)


@dataclass(frozen=True)
class Targets:
    """What references can point at, and where the pages live."""

    content: Content

    def page_uri(self, page_id: str) -> str | None:
        """The docs path of a page id, or None if there is no such page."""
        special = BY_KEY.get(page_id)
        if special is not None:
            return special.uri if available(special, self.content) else None
        page = self.content.pages_by_id.get(page_id)
        return page.src_uri if page is not None else None

    def page_title(self, page_id: str) -> str:
        """The title shown for a page link."""
        special = BY_KEY.get(page_id)
        return special.title if special is not None else self.content.page(page_id).front.title


def relative_link(from_uri: str, to_uri: str) -> str:
    """A link from one docs file to another, relative so MkDocs can check it."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


escape = escape_text  # data text inside Markdown: HTML is shown as text, never run; [ ] cannot form a link


class UnknownReference(ValueError):
    """A reference to an id that no content file defines."""


def _resolve(match: re.Match[str], targets: Targets, from_uri: str) -> str:
    """Return the replacement for one reference, or raise ValueError with an editor's message."""
    ref = REFERENCE.match(match.group("inner"))
    if not ref:
        raise ValueError(
            f"无法识别的引用 “{match.group(0)}”：应为 {{{{channel:ID}}}}、{{{{fact:ID}}}}、{{{{page:ID}}}} 或 {{{{source:ID}}}}"
        )
    kind, ref_id, field, anchor = ref["kind"], ref["id"], ref["field"], ref["anchor"]
    content = targets.content
    if (field or anchor) and not ((kind == "channel" and field) or (kind == "page" and anchor)):
        raise ValueError(f"引用 “{match.group(0)}” 的写法不对：只有 channel 可以加 .字段，只有 page 可以加 #锚点")
    if kind == "fact":
        if ref_id not in content.facts:
            raise UnknownReference(f"facts.yml 里没有 “{ref_id}”")
        return escape(content.facts[ref_id])
    if kind == "diagram":
        if ref_id != "routing" or content.routing is None:
            raise ValueError(f"没有 “{ref_id}” 这张图（可用：routing，需要 routing.yml）")
        from faqgen.render.lookup_diagram import routing_flow_html  # imports this module (via lookup_data)

        picture = f"![{DIAGRAM_ALT}]({relative_link(from_uri, DIAGRAM_URI)})"
        return f"{picture}\n\n{routing_flow_html(content, content.routing)}\n"
    if kind == "source":
        source = next((s for s in content.sources if s.id == ref_id), None)
        if source is None:
            raise UnknownReference(f"sources.yml 里没有 “{ref_id}”")
        return escape(source.title)
    if kind == "page":
        uri = targets.page_uri(ref_id)
        if uri is None:
            raise UnknownReference(f"没有 id 为 “{ref_id}” 的页面")
        link = relative_link(from_uri, uri) + (f"#{anchor}" if anchor else "")
        return f"[{escape(targets.page_title(ref_id))}]({link})"
    channel = next((c for c in content.channels if c.id == ref_id), None)
    if channel is None:
        raise UnknownReference(f"channels.yml 里没有 “{ref_id}”")
    details = f"{relative_link(from_uri, CHANNELS_PAGE)}#{channel.id}"
    if field is None:
        return channel_link(channel.name, channel.number, details, targets)
    if field not in CHANNEL_FIELDS:
        raise ValueError(f"渠道没有 “{field}” 这一项，可用：{'、'.join(CHANNEL_FIELDS)}")
    if (
        field in ("number", "tel", "website")
        and getattr(channel, "website" if field == "website" else "number") is None
    ):
        raise ValueError(f"渠道 “{ref_id}” 没有填写 {field if field != 'tel' else 'number'}")
    if field in ("tel", "number"):
        return tel_link(str(channel.number))
    if field in ("name", "operator"):
        return channel_text(getattr(channel, field), targets)
    return escape(str(getattr(channel, field)))


def tel_link(number: str) -> str:
    """A tap-to-call link for a phone number (RFC 3966 allows the dashes)."""
    return f"[{number}](tel:{number}){{: .tel }}"


def channel_link(name: str, number: str | None, details: str, targets: Targets) -> str:
    """A channel in text: its number as a tap-to-call link and its name linking to its details."""
    text = channel_text(name, targets)
    if number is None:
        return f"[{text}]({details})"
    if text.startswith(number + " "):  # "12378 银行保险…": the number opens the name, call it there
        return f"{tel_link(number)} [{text.removeprefix(number + ' ')}]({details})"
    return f"[{text}]({details})（电话 {tel_link(number)}）"


def channel_text(text: str, targets: Targets) -> str:
    """Channel data text with HTML escaped and {{fact:…}} references filled in (no links)."""
    return expand(escape(text), targets, CHANNELS_PAGE, lambda _o, _m, _k: None)


def expand(text: str, targets: Targets, from_uri: str, on_error: ErrorSink) -> str:
    """Replace every reference in text; report unknown ones through on_error (line offset, message)."""

    def replace(match: re.Match[str]) -> str:
        try:
            return _resolve(match, targets, from_uri)
        except ValueError as exc:
            kind = UNKNOWN_REFERENCE if isinstance(exc, UnknownReference) else INVALID
            on_error(text.count("\n", 0, match.start()), str(exc), kind)
            return match.group(0)

    return SHORTCODE.sub(replace, text)


def strip_shortcodes(text: str) -> str:
    """Text with references removed, for checks that look for hand-typed facts."""
    return SHORTCODE.sub(" ", text)
