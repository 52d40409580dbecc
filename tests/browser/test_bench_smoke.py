"""`make bench` smoke run: 50 synthetic Q&As, two search queries; the report has every row and sane values."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from faqgen.bench.report import ROW_NAMES
from faqgen.paths import PROJECT_ROOT

pytestmark = pytest.mark.browser
KB = 1024


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict]]:
    """Run the benchmark once at N = 50 into a scratch folder (BENCHMARKS.md is left alone)."""
    out = tmp_path_factory.mktemp("bench")
    cmd = [
        sys.executable,
        "-m",
        "faqgen.bench.main",
        "50",
        "--queries",
        "2",
        "--serve-edits",
        "1",
        "--out",
        str(out / "BENCH.md"),
        "--json",
        str(out / "bench.json"),
    ]
    done = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "[bench]" in done.stderr  # the progress lines
    return (out / "BENCH.md").read_text(encoding="utf-8"), json.loads((out / "bench.json").read_text(encoding="utf-8"))


def test_report_has_every_row_and_target(bench_run: tuple[str, list[dict]]) -> None:
    report, _ = bench_run
    assert "### N = 50 synthetic Q&As" in report
    assert re.search(r"Produced by `[^`]*faqgen\.bench\.main 50[^`]*` on \d{4}-\d{2}-\d{2}", report)  # command and date
    assert "CPUs (nproc)" in report and "GB memory" in report  # the machine
    for row in ROW_NAMES:
        assert f"| {row} |" in report, row
    for target in (
        "HTML per Q&A page",
        "first search downloads",
        "search ready after load",
        "search latency p95",
        "build time vs plain Material",
        "peak memory (build)",
    ):
        assert f"| {target} |" in report, target
    assert re.search(r"\| content edit visible during `make serve` \| [^|]+ \| median \d+\.\d\d s, slowest", report)


def test_values_are_sane(bench_run: tuple[str, list[dict]]) -> None:
    _, results = bench_run
    [result] = results
    assert result["n"] == 50 and result["queries"] == 2 and not result["plain_prune"]
    for site in (result["ours"], result["plain"]):
        assert 0 < site["build_s"] < 120 and not site["build_timed_out"]
        assert 20 * 1024**2 < site["peak_bytes"] < 2 * 1024**3
        assert site["files"] > 50 and site["site_bytes"] > 1024**2
        assert 5 * KB < site["html_median"] < 200 * KB
        assert 0 < site["index_gzip"] < site["index_raw"]
        assert 10 * KB < site["first_load"] < 5 * 1024 * KB
        assert site["first_search"] > 0
        assert 0 <= site["ready_ms"] < 30_000
        assert 0 < site["latency_median_ms"] <= site["latency_p95_ms"] < 10_000
    # At most 200 pages: ours downloads its result table with the first search, not after it.
    assert result["ours"]["later_table"] is None and result["plain"]["later_table"] is None
    # Material's lunr downloads its whole index before the first result; Pagefind (ours) only part of it.
    assert result["plain"]["first_search"] >= result["plain"]["index_gzip"]
