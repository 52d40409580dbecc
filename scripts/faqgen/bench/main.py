"""`make bench`: build N synthetic Q&As with our pipeline and with plain Material, measure both, write BENCHMARKS.md.

Usage: python -m faqgen.bench.main [N ...] [--out BENCHMARKS.md] [--json FILE] [--queries 20] [--no-browser] [--serve-edits 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from faqgen.bench.build import PRUNE_ABOVE, Run, build_ours, build_plain, plain_project, render_markdown, site_stats
from faqgen.bench.content import make_content, search_queries
from faqgen.bench.first_search import replace_section, section_of
from faqgen.bench.report import NResult, SiteResult, markdown
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT

NOTES = [
    "Synthetic Q&As: the real `content/` (data files and pages) plus N generated questions (`scripts/faqgen/bench/content.py`): "
    "~600 字 bodies recombined from the real pages' sentences and headings with a seeded RNG, topics from topics.yml, "
    "keywords from the real pages and search.yml, 1–3 related ids pointing at other synthetic pages, 1–4 sources "
    "from sources.yml, reviewed dates within the last year. They pass the project's own validation.",
    "ours = `faqgen build --post-steps search --content-dir …` (validation + strict MkDocs build with the "
    "hook + the Pagefind index step; no offline copy or PDF); search is Pagefind behind Material's search box. plain Material = a throwaway project holding the Markdown that `python -m faqgen render` "
    "writes for the same content, plus docs/*.md; mkdocs.yml has only theme material, language zh, search (lang zh, "
    f"jieba installed), our markdown_extensions block, and a nav of every page, one section per topic "
    f"(`navigation.prune` above N = {PRUNE_ABOVE:,}, as issue 6's table did). MkDocs' automatic nav would put all "
    "Q&As in one q/ section, which prune cannot shrink: at 10,000 that is ~3 MB of HTML per page and a build of "
    "well over an hour, so per-topic sections are the fair baseline.",
    "Search (ours) follows the large-site rules of README “Search”: from 1,000 pages a character pair on more "
    "than a fifth of the pages counts only in titles and short answers, and from 5,000 pages the index is built "
    "in parts of at most 5,000 that the search box merges (3 parts at N = 10,000).",
    "Search index (ours): Material's lunr file (left without documents) plus every file of `pagefind/` (raw = on "
    "disk; gzip = as sent: Pagefind's index files are gzip already, its .js/.json gzipped at level 6). A query "
    "downloads only part of it.",
    "Build wall time is the whole command; peak memory is the largest resident set in its process tree (wait4 "
    "ru_maxrss). Site size counts every file; HTML per Q&A page is the median `q/<id>/index.html` of the synthetic pages.",
    "Browser: Debian's headless Chromium via Playwright, 390×844 viewport, empty cache, sites served from 127.0.0.1. "
    "Bytes are gzip level 6 (as deploy/nginx.conf sends text). First load = every same-origin response of a visit "
    "that never searches (until the network is idle + 1 s; it includes the search files when the site requests "
    "them without being asked, as plain Material does). First search = the search files (index, worker, lunr) plus "
    "anything else fetched after opening search, until the first results show (for ours: pagefind.js, its worker "
    "and WebAssembly, the index metadata, the chunks and result fragments of the first query).",
    "Result table (ours, above 200 pages): `pagefind/results.json`, every result's title and short answer, which the "
    "search box fetches once the first results show (README “Search”); its bytes have their own row and are not in the "
    "first search, whenever its response comes. The timed queries follow the first one back to back, so the second may "
    "still run without it.",
    "Build CPU time (user + sys of the process tree) is less sensitive than wall time to other work on the machine.",
    "Search ready after load: a fresh page; the magnifier (`label.md-header__button[for='__search']`) is clicked as "
    "soon as the load event fires; time from loadEventEnd until `.md-search-result__meta` stops saying 初始化.",
    "Search latency: in-page `performance.now()` from the keyup Material reads the box on (after `fill()`, press "
    "End) to the first animation frame after the result meta shows the outcome; the box is cleared between queries. "
    "Queries are real keywords (借呗, 征信, 催收, 还款日, then a seeded sample of the real pages' keywords and "
    "search.yml). p95 is the nearest rank.",
    "Live preview: `scripts/faqgen/bench/serve_preview.py` starts `mkdocs serve --livereload` (as `make serve` does) on a copy "
    "of the real content/, opens a Q&A in Chromium, then (five times by default) appends a paragraph to its file and times from "
    "the write until the open tab (reloaded by MkDocs' live reload) shows it.",
    "The machine is shared with other work, so times carry some noise; compare ours and plain within one table.",
]


@contextmanager
def progress(label: str) -> Iterator[None]:
    """One stderr progress line per step; on a terminal it counts the seconds while the step runs."""
    started, done = time.perf_counter(), threading.Event()

    def tick() -> None:
        while not done.wait(1):
            print(f"\r[bench] {label} … {time.perf_counter() - started:.0f} s", end="", file=sys.stderr, flush=True)

    print(f"[bench] {label} …", end="" if sys.stderr.isatty() else "\n", file=sys.stderr, flush=True)
    ticker = threading.Thread(target=tick, daemon=True)
    if sys.stderr.isatty():
        ticker.start()
    try:
        yield
    finally:
        done.set()
        end = "\r" if sys.stderr.isatty() else ""
        print(f"{end}[bench] {label}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def _fail(what: str, log: Path) -> None:
    """Stop the benchmark with the tail of the step's log."""
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
    raise SystemExit(f"[bench] {what} failed; last lines of {log}:\n{tail}")


def _build_fields(result: SiteResult, run: Run) -> None:
    """Copy a build's wall time and peak memory into its result."""
    result.build_s, result.build_timed_out = run.seconds, run.timed_out
    result.build_cpu_s = None if run.timed_out else run.cpu_seconds
    result.peak_bytes = None if run.timed_out else run.peak_bytes


def _stat_fields(result: SiteResult, site: Path, ids: list[str]) -> None:
    """Copy a built site's sizes into its result."""
    stats = site_stats(site, ids)
    result.site_bytes, result.files, result.html_median = stats.site_bytes, stats.files, stats.html_median
    result.index_raw, result.index_gzip = stats.index_raw, stats.index_gzip


def _browser_fields(result: SiteResult, site: Path, page_path: str, queries: list[str]) -> None:
    """Serve a built site and copy the browser figures into its result."""
    from faqgen.bench.browser import later_table_path, measure
    from faqgen.static_server import serving_plain

    with serving_plain(site) as url:
        measured = measure(url, page_path, queries, later_table_path(site))
    result.first_load, result.first_load_requests = measured.first_load, measured.first_load_requests
    result.first_search, result.ready_ms = measured.first_search, measured.ready_ms
    result.later_table = measured.later_table or None
    result.index_on_load = measured.index_on_load
    result.latency_median_ms, result.latency_p95_ms = measured.latency_median, measured.latency_p95
    result.largest = measured.largest


def bench_one(n: int, work: Path, queries: list[str], plain_timeout: float, step: str) -> NResult:
    """Generate, validate, build (ours and plain) and measure N synthetic Q&As inside work/."""
    result = NResult(n, n > PRUNE_ABOVE, len(queries), SiteResult(), SiteResult())
    log = work / "bench.log"
    with progress(f"{step} N={n:,}: generating {n:,} Q&As"):
        ids = make_content(CONTENT_DIR, work / "content", n)
    with progress(f"{step} N={n:,}: validating and rendering Markdown (faqgen render)"):
        run = render_markdown(work / "content", work / "markdown", log)
    if not run.ok:
        _fail("faqgen render (validation)", log)
    with progress(f"{step} N={n:,}: building ours (build_site.py --post-steps search)"):
        run = build_ours(work / "content", work / "ours" / "site", log)
    if not run.ok:
        _fail("our build", log)
    _build_fields(result.ours, run)
    config = plain_project(work / "markdown", work / "plain", n, work / "content")
    with progress(f"{step} N={n:,}: building plain Material (timeout {plain_timeout:.0f} s)"):
        run = build_plain(config, work / "plain" / "site", log, plain_timeout)
    if not run.ok and not run.timed_out:
        _fail("plain Material build", log)
    _build_fields(result.plain, run)
    with progress(f"{step} N={n:,}: measuring site sizes"):
        _stat_fields(result.ours, work / "ours" / "site", ids)
        if run.ok:
            _stat_fields(result.plain, work / "plain" / "site", ids)
    if queries:
        page_path = f"/q/{ids[len(ids) // 2]}/"
        with progress(f"{step} N={n:,}: browser, ours ({len(queries)} queries)"):
            _browser_fields(result.ours, work / "ours" / "site", page_path, queries)
        if run.ok:
            with progress(f"{step} N={n:,}: browser, plain Material ({len(queries)} queries)"):
                _browser_fields(result.plain, work / "plain" / "site", page_path, queries)
    return result


def machine() -> str:
    """nproc, memory and load, for the report header."""
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs (nproc), {pages / 1024**3:.1f} GB memory, Linux; load average at start {load}"


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[100, 1000, 10000], help="numbers of synthetic Q&As")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "BENCHMARKS.md")
    parser.add_argument("--json", type=Path, help="also write the raw figures as JSON")
    parser.add_argument("--queries", type=int, default=20, help="search queries timed per site (0: no browser)")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium (same as --queries 0)")
    parser.add_argument("--plain-timeout", type=float, default=1800, help="stop the plain build after this many s")
    parser.add_argument("--serve-edits", type=int, default=5, help="content edits timed under `mkdocs serve` (0: none)")
    parser.add_argument("--command", help="the command to record in the report (default: this one)")
    args = parser.parse_args(argv)
    queries = [] if args.no_browser else search_queries(CONTENT_DIR, args.queries)
    command = args.command or "python -m faqgen.bench.main " + " ".join(argv if argv is not None else sys.argv[1:])
    date, host = dt.datetime.now().strftime("%Y-%m-%d %H:%M"), machine()
    serve = None
    if queries and args.serve_edits:
        from faqgen.bench.serve_preview import time_edits

        with progress(f"live preview: timing {args.serve_edits} content edits under mkdocs serve"):
            serve = time_edits(rounds=args.serve_edits)
    # `make search-speed` writes its own section of the same file: keep it.
    kept = section_of(args.out.read_text(encoding="utf-8")) if args.out.exists() else ""
    results: list[NResult] = []
    for i, n in enumerate(args.n, 1):
        with tempfile.TemporaryDirectory(prefix=f"faqgen-bench-{n}-") as work:
            results.append(bench_one(n, Path(work), queries, args.plain_timeout, f"({i}/{len(args.n)})"))
        pending = args.n[i:]  # written after every N, so a long run that stops early keeps what it measured
        notes = NOTES + ([f"Not yet measured when this file was written: N = {pending}."] if pending else [])
        text = markdown(results, command, date, host, notes, serve)
        args.out.write_text(replace_section(text, kept) if kept else text, encoding="utf-8")
        if args.json:
            args.json.write_text(
                json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1), encoding="utf-8"
            )
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
