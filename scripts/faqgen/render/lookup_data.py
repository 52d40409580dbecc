"""The channel lookup's data: what the page script reads, and the no-JavaScript table rows."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from faqgen.content.model import Content
from faqgen.content.schema import Channel, RouteStep, Routing
from faqgen.render.shortcodes import SHORTCODE

STAGE_LABELS = {"urgent": "立即", "first": "先找", "escalate": "不满意再找", "also": "同时可以"}
STAGE_ORDER = list(STAGE_LABELS)


def plain_text(text: str, content: Content) -> str:
    """Text with references replaced by plain words (facts, channel names, page titles), no markup."""

    def replace(match: re.Match[str]) -> str:
        kind, _, ref = match.group("inner").partition(":")
        ref = ref.split(".")[0].split("#")[0]
        if kind == "fact":
            return content.facts[ref]
        if kind == "channel":
            return plain_text(next(c.name for c in content.channels if c.id == ref), content)
        if kind == "source":
            return next(s.title for s in content.sources if s.id == ref)
        if kind == "page":
            return content.page(ref).front.title
        return match.group(0)

    return SHORTCODE.sub(replace, text)


def _channel_json(channel: Channel, content: Content) -> dict[str, object]:
    """One channel as the page script shows it (plain text only; the script uses textContent)."""

    def p(value: str | None) -> str | None:
        return None if value is None else plain_text(value, content)

    return {
        "name": p(channel.name),
        "number": channel.number,
        "operator": p(channel.operator),
        "handles": [p(x) for x in channel.handles],
        "not_handles": [p(x) for x in channel.not_handles],
        "how": [p(x) for x in channel.how],
        "website": channel.website,
        "hours": p(channel.hours),
        "prepare": [p(x) for x in channel.prepare],
    }


def _step_json(step: RouteStep, content: Content) -> dict[str, object]:
    """One routing step for the page script."""
    return {
        "channel": step.channel,
        "stage": step.stage,
        "lenders": step.lenders,
        "note": plain_text(step.note, content) if step.note else None,
    }


def lookup_json(content: Content, routing: Routing) -> str:
    """The lookup data as JSON; the template puts it in an HTML attribute (escaped there)."""
    used = {step.channel for rule in routing.rules for step in rule.steps}
    data = {
        "stages": [{"id": s, "label": STAGE_LABELS[s]} for s in STAGE_ORDER],
        "lenders": [{"id": t.id, "label": t.label, "hint": plain_text(t.hint, content)} for t in routing.lender_types],
        "situations": [
            {"id": s.id, "label": s.label, "evidence": [plain_text(e, content) for e in s.evidence]}
            for s in routing.situations
        ],
        "channels": {c.id: _channel_json(c, content) for c in content.channels if c.id in used},
        "rules": {rule.situation: [_step_json(step, content) for step in rule.steps] for rule in routing.rules},
    }
    # An attribute rather than a <script> element: Material's instant navigation drops script
    # elements from the new page when the reader goes back.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class TableRow:
    """One situation of the full table: its label and its steps grouped by stage, in order."""

    situation_id: str
    label: str
    stages: list[tuple[str, list[RouteStep]]]


def table_rows(routing: Routing) -> list[TableRow]:
    """Rows of the no-JavaScript table: every situation with its channels by stage."""
    rows = []
    for situation in routing.situations:
        rule = next(r for r in routing.rules if r.situation == situation.id)
        stages = [(STAGE_LABELS[s], [step for step in rule.steps if step.stage == s]) for s in STAGE_ORDER]
        rows.append(TableRow(situation.id, situation.label, [(label, steps) for label, steps in stages if steps]))
    return rows
