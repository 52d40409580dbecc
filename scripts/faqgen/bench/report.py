"""BENCHMARKS.md for `make bench`: one table per N (ours, plain Material, ratio) and issue 6's targets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from faqgen.bench.serve_preview import EditTimes

TARGET_N = 10_000
KB, MB, GB = 1024, 1024**2, 1024**3


@dataclass
class SiteResult:
    """Every figure measured for one build of one N (None: not measured)."""

    build_s: float | None = None
    build_timed_out: bool = False
    build_cpu_s: float | None = None
    peak_bytes: int | None = None
    site_bytes: int | None = None
    files: int | None = None
    html_median: int | None = None
    index_raw: int | None = None
    index_gzip: int | None = None
    first_load: int | None = None
    first_load_requests: int | None = None
    first_search: int | None = None
    later_table: int | None = None  # fetched after the first results (search/bundle.py LATER_MAX_GZIP)
    index_on_load: bool | None = None
    ready_ms: float | None = None
    latency_median_ms: float | None = None
    latency_p95_ms: float | None = None
    largest: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class NResult:
    """Our build and the plain-Material baseline for one number of synthetic Q&As."""

    n: int
    plain_prune: bool
    queries: int
    ours: SiteResult
    plain: SiteResult


def size(value: float | None) -> str:
    """Bytes as KB / MB / GB."""
    if value is None:
        return "—"
    for unit, scale in (("GB", GB), ("MB", MB), ("KB", KB)):
        if value >= scale:
            return f"{value / scale:.1f} {unit}"
    return f"{value:.0f} B"


def seconds(value: float | None) -> str:
    """Seconds with one decimal."""
    return "—" if value is None else f"{value:.1f} s"


def millis(value: float | None) -> str:
    """Milliseconds, whole."""
    return "—" if value is None else f"{value:.0f} ms"


def build_time(r: SiteResult) -> str:
    """Build time, or '> X s' when it was stopped at the timeout."""
    return f"> {r.build_s:.0f} s (stopped)" if r.build_timed_out and r.build_s is not None else seconds(r.build_s)


def ratio(ours: float | None, plain: float | None, timed_out: bool = False) -> str:
    """ours / plain, '< x' when the plain figure is only a lower bound."""
    if ours is None or not plain:
        return "—"
    return f"{'< ' if timed_out else ''}{ours / plain:.2f}"


Row = tuple[str, Callable[[SiteResult], float | None], Callable[[float | None], str]]
ROWS: list[Row] = [
    ("build CPU time (user + sys)", lambda r: r.build_cpu_s, seconds),
    ("peak memory (build process tree)", lambda r: r.peak_bytes, size),
    ("site size on disk", lambda r: r.site_bytes, size),
    ("files in site", lambda r: r.files, lambda v: "—" if v is None else f"{v:,.0f}"),
    ("HTML per Q&A page (median)", lambda r: r.html_median, size),
    ("search index raw", lambda r: r.index_raw, size),
    ("search index gzip", lambda r: r.index_gzip, size),
    ("first load of a Q&A page (gzip)", lambda r: r.first_load, size),
    ("first search download (gzip)", lambda r: r.first_search, size),
    ("result table, fetched after the first results (gzip)", lambda r: r.later_table, size),
    (
        "search files fetched by every visit",
        lambda r: r.index_on_load,
        lambda v: "—" if v is None else ("yes" if v else "no"),
    ),
    ("search ready after load", lambda r: r.ready_ms, millis),
    ("search latency median", lambda r: r.latency_median_ms, millis),
    ("search latency p95", lambda r: r.latency_p95_ms, millis),
]
ROW_NAMES = ["build wall time"] + [name for name, _get, _fmt in ROWS]


def n_table(result: NResult) -> list[str]:
    """The table of one N."""
    prune = ": every page in the nav by topic" + (", navigation.prune" if result.plain_prune else "")
    browser = f"{result.queries} queries" if result.queries else "browser skipped"
    lines = [
        f"### N = {result.n:,} synthetic Q&As (plain Material{prune}; {browser})",
        "",
        "| metric | ours | plain Material | ours / plain |",
        "|---|---:|---:|---:|",
        f"| build wall time | {build_time(result.ours)} | {build_time(result.plain)} | "
        f"{ratio(result.ours.build_s, result.plain.build_s, result.plain.build_timed_out)} |",
    ]
    for name, get, fmt in ROWS:
        ours, plain = get(result.ours), get(result.plain)
        shown = "" if isinstance(ours, bool) else ratio(ours, plain)
        lines.append(f"| {name} | {fmt(ours)} | {fmt(plain)} | {shown} |")
    return lines + [""]


def target_rows(results: list[NResult]) -> list[tuple[str, str, str, bool | None]]:
    """(target, limit, measured, met) for issue 6's targets, at N = 10,000 or the largest N run."""
    at = next((r for r in results if r.n == TARGET_N), max(results, key=lambda r: r.n))
    base = next((r for r in results if r.n == 100), min(results, key=lambda r: r.n))
    o, p = at.ours, at.plain

    def check(value: float | None, limit: float) -> bool | None:
        return None if value is None else value <= limit

    flat = o.html_median / base.ours.html_median if o.html_median and base.ours.html_median else None
    build = o.build_s / p.build_s if o.build_s and p.build_s else None
    build_met = check(build, 0.6) if not p.build_timed_out or build is None or build <= 0.6 else None
    return [
        ("HTML per Q&A page", "≤ 30 KB", size(o.html_median), check(o.html_median, 30 * KB)),
        (
            "HTML per page stays flat",
            f"≤ 1.2× N={base.n:,} ({size(base.ours.html_median)})",
            "—" if flat is None else f"{flat:.2f}×",
            check(flat, 1.2),
        ),
        ("first search downloads", "≤ 300 KB gzip", size(o.first_search), check(o.first_search, 300 * KB)),
        ("search ready after load", "≤ 1 s", millis(o.ready_ms), check(o.ready_ms, 1000)),
        ("search latency p95", "≤ 200 ms", millis(o.latency_p95_ms), check(o.latency_p95_ms, 200)),
        (
            "build time vs plain Material",
            "≤ 0.6×",
            "—"
            if build is None
            else f"{'< ' if p.build_timed_out else ''}{build:.2f}× ({seconds(o.build_s)} vs {build_time(p)})",
            build_met,
        ),
        ("peak memory (build)", "≤ 2 GB", size(o.peak_bytes), check(o.peak_bytes, 2 * GB)),
    ]


SERVE_LIMIT_S = 2.0


def serve_row(serve: EditTimes | None) -> tuple[str, str, str, bool | None]:
    """The live-preview target: every timed edit visible within 2 s."""
    if serve is None or not serve.edits_s:
        return ("content edit visible during `make serve`", f"≤ {SERVE_LIMIT_S:.0f} s", "—", None)
    measured = f"median {serve.median_s:.2f} s, slowest {serve.max_s:.2f} s ({len(serve.edits_s)} edits)"
    return (
        "content edit visible during `make serve`",
        f"≤ {SERVE_LIMIT_S:.0f} s (every edit)",
        measured,
        serve.max_s <= SERVE_LIMIT_S,
    )


def serve_section(serve: EditTimes | None) -> list[str]:
    """The live-preview figures of the real site."""
    if serve is None or not serve.edits_s:
        return []
    edits = ", ".join(f"{s:.2f} s" for s in serve.edits_s)
    rebuilds = ", ".join(f"{s:.2f} s" for s in serve.rebuilds_s)
    return [
        "### Live preview of the real site (`make serve`)",
        "",
        f"- server up (first build): {serve.first_build_s:.1f} s",
        f"- edit written → new text shown in the open Chromium tab (live reload): {edits}",
        f"- of which MkDocs' own rebuild (its “Documentation built in” lines, Pagefind included; MkDocs "
        f"prints a repeated value once): {rebuilds}",
        "",
    ]


def markdown(
    results: list[NResult], command: str, date: str, machine: str, notes: list[str], serve: EditTimes | None = None
) -> str:
    """The whole BENCHMARKS.md."""
    at = next((r for r in results if r.n == TARGET_N), max(results, key=lambda r: r.n))
    scope = "" if at.n == TARGET_N else f" — **measured at N = {at.n:,} only; 10,000 was not run**"
    lines = [
        "# Benchmarks (issue 6)",
        "",
        f"Produced by `{command}` on {date}; machine: {machine}.",
        "",
        f"## Targets at 10,000 Q&As{scope}",
        "",
        "| target | limit | measured (ours) | met? |",
        "|---|---|---:|---|",
    ]
    for name, limit, measured, met in target_rows(results) + [serve_row(serve)]:
        verdict = (
            ("not measured" if measured == "—" else "undetermined")
            if met is None
            else ("met" if met else "**not met**")
        )
        lines.append(f"| {name} | {limit} | {measured} | {verdict} |")
    lines += ["", "## Results", ""] + serve_section(serve)
    for result in sorted(results, key=lambda r: r.n):
        lines += n_table(result)
    biggest = max(results, key=lambda r: r.n)
    if biggest.ours.largest or biggest.plain.largest:
        lines += [f"### Largest downloads at N = {biggest.n:,} (first load + first search, gzip)", ""]
        for label, site in (("ours", biggest.ours), ("plain Material", biggest.plain)):
            parts = ", ".join(f"`{path}` {size(sent)}" for path, sent in site.largest)
            lines.append(f"- {label}: {parts or '—'}")
        lines.append("")
    lines += ["## How it is measured", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
