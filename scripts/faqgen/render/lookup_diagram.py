"""Draw the routing as a decision flow at build time: an SVG picture for screens, HTML text for paper.

Paper gets HTML because the picture, shown through <img>, reaches Chromium's PDF as glyphs without
its text, so the text copied out through the font's reverse map: Noto CJK draws a Kangxi radical
and its ideograph with one glyph, and 自己 came out as ⾃⼰ (checked with pdftotext: the same text in
HTML or in an inline <svg> copies out as typed). And the tall phone-width picture ran across three
sheets at half width; the HTML version is a three-column grid on one sheet.
"""

from __future__ import annotations

from faqgen.content.model import Content
from faqgen.content.schema import RouteStep, Routing, Rule
from faqgen.render.escape import escape_html as escape
from faqgen.render.lookup_data import plain_text

WIDTH = 360
PAD = 8
FONT = 13
LINE = 18
GAP = 14
GREEN, LIGHT, INK, MUTED = "#0b5c4a", "#eef6f3", "#1a1a1a", "#4a4a4a"


def text_units(text: str) -> float:
    """Approximate width in font-size units: Chinese characters 1, Latin letters and digits about 0.55."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def wrap(text: str, width_px: float, font: int = FONT) -> list[str]:
    """Break text into lines that fit width_px (CJK text may break between any two characters)."""
    limit = width_px / font
    lines, current = [], ""
    for ch in text:
        if text_units(current + ch) > limit:
            lines.append(current)
            current = ch.lstrip()
        else:
            current += ch
    return lines + ([current] if current else [])


def _box(
    x: float, y: float, w: float, lines: list[tuple[str, str]], fill: str, stroke: str, dashed: bool = False
) -> tuple[str, float]:
    """A rounded box with lines of (text, style); returns the SVG and its height."""
    h = PAD * 2 + LINE * len(lines)
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    parts = [f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}"{dash}/>']
    for i, (text, style) in enumerate(lines):
        colour = "#ffffff" if fill == GREEN else (MUTED if style == "small" else INK)
        size = FONT - 2 if style == "small" else FONT
        weight = ' font-weight="700"' if style == "bold" else ""
        parts.append(
            f'<text x="{x + PAD}" y="{y + PAD + LINE * i + 13}" font-size="{size}" fill="{colour}"{weight}>{escape(text)}</text>'
        )
    return "\n".join(parts), h


def _step_lines(steps: list[RouteStep], width: float, content: Content, routing: Routing) -> list[tuple[str, str]]:
    """Channel names (wrapped) with the lender types they apply to in small print."""
    shorts = {t.id: t.short for t in routing.lender_types}
    lines: list[tuple[str, str]] = []
    for step in steps:
        channel = next(c for c in content.channels if c.id == step.channel)
        for line in wrap("• " + plain_text(channel.name, content), width - 2 * PAD):
            lines.append((line, "normal"))
        if step.lenders:
            lines.append(("  限：" + "、".join(shorts[x] for x in step.lenders), "small"))
    return lines


def _stages(rule: Rule) -> tuple[list[RouteStep], list[RouteStep], list[RouteStep], bool]:
    """A rule's steps by stage: who first (urgent or first), where next, what else; and whether it is urgent."""
    steps = rule.steps
    first = [s for s in steps if s.stage in ("urgent", "first")]
    later = [s for s in steps if s.stage == "escalate"]
    also = [s for s in steps if s.stage == "also"]
    return first, later, also, any(s.stage == "urgent" for s in first)


def _html_steps(steps: list[RouteStep], content: Content, shorts: dict[str, str]) -> str:
    """A list of channel names, each with the lender types it is limited to."""
    items = []
    for step in steps:
        # Validation expands this before routing.yml is known good: an unknown id is reported there, not here.
        channel = next((c for c in content.channels if c.id == step.channel), None)
        name = plain_text(channel.name, content) if channel else step.channel
        lenders = "、".join(shorts.get(x, x) for x in step.lenders or [])
        limit = f'<span class="flow-print__limit">（限：{escape(lenders)}）</span>' if lenders else ""
        items.append(f"<li>{escape(name)}{limit}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else "<ul><li>—</li></ul>"


def routing_flow_html(content: Content, routing: Routing) -> str:
    """The same decision flow as HTML text on one line (a raw HTML block in Markdown), shown only in print."""
    shorts = {t.id: t.short for t in routing.lender_types}
    cards = []
    for situation in routing.situations:
        rule = next((r for r in routing.rules if r.situation == situation.id), None)
        if rule is None:
            continue
        first, later, also, urgent = _stages(rule)
        parts = [
            f'<p class="flow-print__situation">{escape(situation.label)}</p>',
            f'<p class="flow-print__stage">{"立即 / 先找" if urgent else "先找"}</p>',
            _html_steps(first, content, shorts),
            '<p class="flow-print__stage">不满意再找</p>',
            _html_steps(later, content, shorts),
        ]
        if also:
            parts += ['<p class="flow-print__stage">同时可以</p>', _html_steps(also, content, shorts)]
        cards.append(f'<div class="flow-print__card">{"".join(parts)}</div>')
    return (
        '<div class="flow-print print-only" data-pagefind-ignore><p class="flow-print__title">投诉渠道决策流程：遇到什么情况、先找谁、不满意再找谁</p>'
        f'<div class="flow-print__grid">{"".join(cards)}</div></div>'
    )


def _arrow(x: float, y1: float, y2: float) -> str:
    """A downward arrow between two boxes."""
    return (
        f'<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2 - 5}" stroke="{MUTED}" stroke-width="1.5"/>'
        f'<path d="M{x - 4},{y2 - 6} L{x + 4},{y2 - 6} L{x},{y2} Z" fill="{MUTED}"/>'
    )


def routing_svg(content: Content, routing: Routing) -> str:
    """The whole decision flow, one band per situation: what happens → who first → where next."""
    parts: list[str] = []
    y = 0.0
    col = (WIDTH - GAP) / 2
    for situation in routing.situations:
        rule = next(r for r in routing.rules if r.situation == situation.id)
        first, later, also, urgent = _stages(rule)
        svg, h = _box(0, y, WIDTH, [(situation.label, "bold")], GREEN, GREEN)
        parts.append(svg)
        top = y + h + 16
        parts.append(_arrow(col / 2, y + h, top))
        left_lines = [("立即 / 先找" if urgent else "先找", "bold")] + _step_lines(first, col, content, routing)
        right_lines = [("不满意再找", "bold")] + (_step_lines(later, col, content, routing) or [("—", "normal")])
        left, lh = _box(0, top, col, left_lines, LIGHT, GREEN)
        right, rh = _box(col + GAP, top, col, right_lines, "#ffffff", GREEN)
        parts += [left, right, f'<text x="{col + 2}" y="{top + 22}" font-size="12" fill="{MUTED}">→</text>']
        y = top + max(lh, rh) + 8
        if also:
            svg, h = _box(
                0,
                y,
                WIDTH,
                [("同时可以", "bold")] + _step_lines(also, WIDTH, content, routing),
                "#ffffff",
                MUTED,
                dashed=True,
            )
            parts.append(svg)
            y += h
        y += 28
    height = int(y)
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f"role=\"img\" aria-labelledby=\"flow-title\" font-family=\"-apple-system, BlinkMacSystemFont, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\">\n"
        f'<title id="flow-title">投诉渠道决策流程图：遇到什么情况、先找谁、不满意再找谁</title>\n{body}\n</svg>\n'
    )
