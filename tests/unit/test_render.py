"""Rendering content into Markdown pages: anatomy, references, ordering, escaping, one-edit facts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from faqgen.content.pipeline import generate, load_valid_content
from faqgen.render.pages import related_pages
from helpers import VALID_FRONT, edit_file, write_page


def rendered(content_dir: Path) -> dict[str, str]:
    """All generated pages of a content folder, by docs path."""
    return {p.src_uri: p.markdown for p in generate(content_dir)}


def test_every_content_page_is_generated_once(content_copy: Path) -> None:
    content = load_valid_content(content_copy)
    pages = rendered(content_copy)
    for page in content.pages:
        assert page.src_uri in pages
    for topic in content.topics:
        assert f"topics/{topic.id}.md" in pages
    assert "index.md" in pages and "channels.md" in pages


def test_question_page_anatomy_in_order(content_copy: Path) -> None:
    md = rendered(content_copy)["q/jiebei-10k-unpaid-jail.md"]
    order = ["# 欠借呗 1 万元不还会坐牢吗", "最近审核：", "简短回答", "## 相关问题", "## 来源", "不是法律意见"]
    positions = [md.index(marker) for marker in order]
    assert positions == sorted(positions)
    reviewed = load_valid_content(content_copy).page("jiebei-10k-unpaid-jail").front.reviewed
    assert (
        f'datetime="{reviewed.isoformat()}"' in md and f"{reviewed.year} 年 {reviewed.month} 月 {reviewed.day} 日" in md
    )


def test_short_answer_is_the_meta_description(content_copy: Path) -> None:
    content = load_valid_content(content_copy)
    page = content.page("wechat-fenfu-open")
    md = rendered(content_copy)[page.src_uri]
    assert f"description: {page.front.short_answer}" in md


def test_sources_list_official_first(content_copy: Path) -> None:
    md = rendered(content_copy)["q/jiebei-10k-unpaid-jail.md"]
    sources = md.split("## 来源", 1)[1].split('<p class="keywords"', 1)[0]
    kinds = [
        line.split("source-kind--", 1)[1].split('"', 1)[0] for line in sources.splitlines() if "source-kind--" in line
    ]
    rank = {"official": 0, "industry": 1, "operator": 2, "media": 3}
    assert kinds and [rank[k] for k in kinds] == sorted(rank[k] for k in kinds)
    assert kinds[0] == "official" and "media" in kinds


def test_related_explicit_first_then_same_topic(content_copy: Path) -> None:
    write_page(
        content_copy,
        "a-jiebei-extra",
        VALID_FRONT.format(id="a-jiebei-extra").replace("related: []", "related: [wechat-fenfu-open]"),
    )
    content = load_valid_content(content_copy)
    related = [p.id for p in related_pages(content.page("a-jiebei-extra"), content)]
    assert related[0] == "wechat-fenfu-open"
    assert set(related[1:]) <= {p.id for p in content.pages_in("jiebei")} and len(related) == 3
    assert "a-jiebei-extra" not in related


def test_channel_reference_becomes_link_to_its_anchor(content_copy: Path) -> None:
    md = rendered(content_copy)["guides/debt-collection-harassment.md"]
    # The number is a tap-to-call link, the name next to it opens the channel's details.
    assert "[12378](tel:12378){: .tel } [银行保险消费者投诉维权热线](../channels.md#nfra-12378)" in md
    assert "[110](tel:110){: .tel }" in md  # {{channel:police-110.number}}
    assert "{{" not in md


def test_channel_whose_name_lacks_its_number_gets_it_after_the_name(content_copy: Path) -> None:
    """征信异议申请 (400-810-8866): name linked to details, then the number as a tel: link."""
    md = "\n".join(rendered(content_copy).values())
    assert "](../channels.md#credit-objection)（电话 [400-810-8866](tel:400-810-8866){: .tel }）" in md


def test_channels_page_has_stable_anchors_and_tel_links(content_copy: Path) -> None:
    content = load_valid_content(content_copy)
    md = rendered(content_copy)["channels.md"]
    for channel in content.channels:
        assert f"{{#{channel.id}}}" in md
        if channel.number:
            assert f'href="tel:{channel.number}"' in md


def test_one_edit_changes_a_number_on_every_page(content_copy: Path) -> None:
    channels = content_copy / "channels.yml"
    channels.write_text(
        channels.read_text(encoding="utf-8")
        .replace('number: "12321"', 'number: "12399"')
        .replace("name: 12321 网络", "name: 12399 网络"),
        encoding="utf-8",
    )
    pages = rendered(content_copy)
    using = [uri for uri, md in pages.items() if "#miit-12321" in md]
    assert len(using) >= 3
    for uri in using:
        assert "12399" in pages[uri] and "12321 网络" not in pages[uri]


def test_agency_name_fact_is_expanded(content_copy: Path) -> None:
    facts = content_copy / "facts.yml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("nfra: 国家金融监督管理总局", "nfra: 新名字监管局"), encoding="utf-8"
    )
    pages = rendered(content_copy)
    assert "新名字监管局" in pages["channels.md"]
    # Source citations keep the issuer's name as printed on the document; everything else follows the fact.
    assert not any("国家金融监督管理总局" in md.split("## 来源")[0] for md in pages.values())


def test_html_in_data_is_shown_as_text(content_copy: Path) -> None:
    edit_file(
        content_copy / "channels.yml", "name: 12377 违法和不良信息举报中心", "name: 12377 <script>alert(1)</script>中心"
    )
    pages = rendered(content_copy)
    assert "<script>" not in pages["channels.md"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;中心" in pages["channels.md"]
    guide = pages["guides/debt-collection-harassment.md"]
    assert "<script>" not in guide and "&lt;script&gt;" in guide


@pytest.mark.parametrize("seeds", [("1", "2")])
def test_rendering_is_deterministic(content_copy: Path, tmp_path: Path, seeds: tuple[str, str]) -> None:
    """Two processes with different hash seeds write the same files: no set or dict order leaks into pages."""
    outputs = []
    for seed in seeds:
        out = tmp_path / f"seed-{seed}"
        cmd = [sys.executable, "-m", "faqgen", "--content-dir", str(content_copy), "render", "--out", str(out)]
        subprocess.run(cmd, check=True, capture_output=True, env=dict(os.environ, PYTHONHASHSEED=seed))
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1] and len(outputs[0]) > 50
