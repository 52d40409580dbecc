"""routing.yml validation and the data the lookup page script reads."""

from __future__ import annotations

import json
import re
from pathlib import Path

from faqgen.content.pipeline import generate, load_valid_content
from faqgen.render.escape import escape_html
from faqgen.render.lookup_data import lookup_json, plain_text, table_rows
from faqgen.render.lookup_diagram import routing_flow_html, routing_svg, wrap
from helpers import all_errors, edit_file


def routing_errors(content_dir: Path) -> list[str]:
    """Messages reported against routing.yml."""
    return [f"{e.line}:{e.field}:{e.message}" for e in all_errors(content_dir) if e.path.name == "routing.yml"]


def edit_routing(content_dir: Path, old: str, new: str) -> None:
    """Replace text in the copy's routing.yml (the text must be there)."""
    path = content_dir / "routing.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_real_routing_is_valid_and_covers_every_situation() -> None:
    content = load_valid_content()
    routing = content.routing
    assert routing is not None
    assert {r.situation for r in routing.rules} == {s.id for s in routing.situations}
    assert len(routing.situations) >= 9 and len(routing.lender_types) >= 4


def test_unknown_channel_in_a_rule_fails_with_line(content_copy: Path) -> None:
    edit_routing(
        content_copy,
        "      - channel: miit-12321\n        stage: also\n        note: 举报骚扰电话",
        "      - channel: no-such-channel\n        stage: also\n        note: 举报骚扰电话",
    )
    lines = (content_copy / "routing.yml").read_text(encoding="utf-8").splitlines()
    expected = lines.index("      - channel: no-such-channel") + 1
    assert routing_errors(content_copy) == [
        f"{expected}:rules[0].steps[1].channel:channels.yml 里没有 “no-such-channel”"
    ]


def test_unknown_lender_type(content_copy: Path) -> None:
    edit_routing(content_copy, "lenders: [bank, consumer-finance, small-loan]", "lenders: [bank, pawnshop]")
    [found] = routing_errors(content_copy)
    assert found.endswith("没有 “pawnshop” 这个放款机构类型，可用：bank、consumer-finance、small-loan、unknown")


def test_unknown_stage(content_copy: Path) -> None:
    edit_routing(content_copy, "stage: escalate", "stage: later")
    [found] = routing_errors(content_copy)
    assert ":rules[0].steps[2].stage:只能是" in found


def test_situation_without_rule(content_copy: Path) -> None:
    edit_routing(content_copy, "  - situation: legal-help\n", "  - situation: legal-help-x\n")
    found = routing_errors(content_copy)
    assert any("情况 “legal-help” 没有对应的 rules" in m for m in found)
    assert any("没有 id 为 “legal-help-x” 的情况" in m for m in found)


def test_json_has_no_markup_characters(content_copy: Path) -> None:
    edit_file(
        content_copy / "channels.yml",
        "name: 12321 网络不良与垃圾信息举报受理中心",
        "name: 12321 </script><script>alert(1)</script>",
    )
    content = load_valid_content(content_copy)
    text = lookup_json(content, content.routing)
    assert "</script>" not in text and "<" not in text
    assert json.loads(text)["channels"]["miit-12321"]["name"] == "12321 </script><script>alert(1)</script>"


def test_lookup_page_embeds_data_and_full_table() -> None:
    pages = {p.src_uri: p.markdown for p in generate()}
    md = pages["lookup.md"]
    assert md.startswith("---\ntitle: 投诉渠道查询")
    content = load_valid_content()
    for situation in content.routing.situations:
        assert f"| **{situation.label}** |" in md
    # Braces as entities, like [ ]: data text never forms a Markdown attribute list (the browser decodes them).
    assert '<div id="lookup-data" hidden data-json="&#123;&quot;channels&quot;' in md
    assert "assets/routing-flow.svg" in pages and "../assets/routing-flow.svg" not in md  # relative from lookup.md


def test_table_rows_keep_stage_order() -> None:
    content = load_valid_content()
    for row in table_rows(content.routing):
        labels = [label for label, _ in row.stages]
        order = ["立即", "先找", "不满意再找", "同时可以"]
        assert labels == sorted(labels, key=order.index)


def test_plain_text_expands_facts() -> None:
    content = load_valid_content()
    assert plain_text("例如{{fact:ant-cf}}", content) == "例如" + content.facts["ant-cf"]


def test_diagram_has_every_situation_and_channel_name(content_copy: Path) -> None:
    content = load_valid_content()
    svg = routing_svg(content, content.routing)
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg
    flat = svg.replace("\n", "")
    for situation in content.routing.situations:
        assert situation.label.replace("“", "&#x201c;")[:4] in flat or situation.label[:4] in flat
    named = {step.channel for rule in content.routing.rules for step in rule.steps}
    assert len(named) >= 10
    text = re.sub(r"<[^>]+>", "", flat)  # wrapped names run on across lines
    for channel in content.channels:
        if channel.id in named:
            assert escape_html(plain_text(channel.name, content))[:6] in text, channel.id


def test_diagram_escapes_text(content_copy: Path) -> None:
    edit_file(content_copy / "channels.yml", "name: 12321 网络不良与垃圾信息举报受理中心", "name: 12321 <b>粗</b>")
    content = load_valid_content(content_copy)
    svg = routing_svg(content, content.routing)
    assert "<b>" not in svg and "&lt;b&gt;" in svg


def test_wrap_fits_width() -> None:
    lines = wrap("12378 银行保险消费者投诉维权热线", 120)
    assert len(lines) >= 2 and "".join(lines).replace(" ", "") == "12378银行保险消费者投诉维权热线"


def test_flow_text_for_paper_names_every_situation_stage_and_channel() -> None:
    content = load_valid_content()
    html = routing_flow_html(content, content.routing)
    assert "\n" not in html and 'class="flow-print print-only"' in html  # one raw HTML block, print only
    assert "data-pagefind-ignore" in html, "search indexes the page text once, not this copy"
    cards = re.findall(r'<div class="flow-print__card">(.*?)</div>', html)
    assert len(cards) == len(content.routing.situations)
    for situation, card in zip(content.routing.situations, cards, strict=True):
        assert escape_html(situation.label) in card and "先找" in card and "不满意再找" in card
        rule = next(r for r in content.routing.rules if r.situation == situation.id)
        for step in rule.steps:
            name = plain_text(next(c for c in content.channels if c.id == step.channel).name, content)
            assert f"<li>{escape_html(name)}" in card, (situation.id, step.channel)


def test_diagram_shortcode_gives_the_picture_and_its_text_for_paper(content_copy: Path) -> None:
    md = next(p.markdown for p in generate(content_copy) if p.src_uri == "guides/debt-collection-harassment.md")
    picture = md.index("routing-flow.svg)")
    assert md.index('\n<div class="flow-print print-only"', picture) > picture
