"""The result table (search/bundle.py): every result's text by Pagefind's id, over the index's parts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from faqgen.search.bundle import RESULTS_FILE, ROW_MAX_BYTES, SIGNATURE, result_table, write_result_table


def write_entry(folder: Path, name: str, url: str, title: str, sections: int = 0) -> None:
    """One Pagefind result entry (fragment/<name>.pf_fragment), gzip with Pagefind's signature."""
    linked = [[f"s{i}", f"第{i}节", "这一节的开头" * 10] for i in range(sections)]
    meta = {"title": title, "summary": f"{title}的简短回答", "sections": json.dumps(linked, ensure_ascii=False)}
    anchors = [{"id": f"s{i}", "location": 10 * i} for i in range(sections)]
    entry = {"url": url, "meta": meta, "anchors": anchors, "content": ""}
    (folder / "fragment").mkdir(parents=True, exist_ok=True)
    data = SIGNATURE + json.dumps(entry, ensure_ascii=False).encode("utf-8")
    (folder / "fragment" / f"{name}.pf_fragment").write_bytes(gzip.compress(data))


def test_an_id_in_two_parts_is_left_out(tmp_path: Path) -> None:
    main, part = tmp_path, tmp_path / "part-2"
    write_entry(main, "zh_1111111", "/q/a/", "借呗逾期")
    write_entry(main, "zh_2222222", "/q/b/", "白条注销")
    write_entry(part, "zh_3333333", "/q/c/", "花呗分期")
    write_entry(part, "zh_2222222", "/q/d/", "网贷催收")  # the same short id in another part: which page is unknown
    table = result_table([main, part])
    assert table == {
        "zh_1111111": ["/q/a/", "借呗逾期", "借呗逾期的简短回答"],
        "zh_3333333": ["/q/c/", "花呗分期", "花呗分期的简短回答"],
    }


def test_a_page_with_very_many_sections_is_left_out(tmp_path: Path) -> None:
    write_entry(tmp_path, "zh_1111111", "/guides/a/", "网贷催收指南", sections=3)
    write_entry(tmp_path, "zh_2222222", "/topics/b/", "借呗", sections=200)  # a large site's topic hub
    table = result_table([tmp_path])
    assert list(table) == ["zh_1111111"] and [s[0] for s in table["zh_1111111"][3]] == ["s0", "s1", "s2"]
    assert len(json.dumps(table["zh_1111111"], ensure_ascii=False).encode("utf-8")) <= ROW_MAX_BYTES


def test_a_table_over_its_size_limit_is_not_written(tmp_path: Path) -> None:
    write_entry(tmp_path, "zh_1111111", "/q/a/", "借呗逾期")
    table = result_table([tmp_path])
    assert write_result_table(tmp_path, table, max_gzip=10_000) == RESULTS_FILE
    assert json.loads((tmp_path / RESULTS_FILE).read_text(encoding="utf-8")) == table
    assert write_result_table(tmp_path, table, max_gzip=20) is None
    assert not (tmp_path / RESULTS_FILE).exists()  # an older, larger table is not left behind
