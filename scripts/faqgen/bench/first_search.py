"""`make search-speed`: the first search on a throttled "Slow 4G" phone, from tapping the magnifier to the first result.

Usage: python -m faqgen.bench.first_search [--site DIR] [--runs 5] [--write BENCHMARKS.md]

Builds the real site (unless --site names a built one), serves it as nginx would (gzip, cache
headers, CSP) and, for each query and run, opens a Q&A page in a fresh phone-sized Chromium
context, throttles the network with Chromium's own emulation (150 ms round trip, 1.6 Mbit/s down,
750 kbit/s up), taps the magnifier, pastes the query and times until the first result shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from faqgen.browser import PHONE, launch
from faqgen.paths import PROJECT_ROOT

SECTION = "## First search on a Slow 4G phone (real site)"
PAGE = "/q/jiebei-10k-unpaid-jail/"
QUERIES = ("借呗逾期", "催收爆通讯录怎么办", "征信怎么查")
# Chromium's network emulation (DevTools' "Slow 4G"): latency per request, throughput in bytes per second.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 // 8, "uploadThroughput": 750_000 // 8}
MAGNIFIER = "label.md-header__button[for='__search']"
INPUT = ".md-search__input"
TIMEOUT_MS = 60_000
SETTLE_MS = 300  # after the first result: time for the browser to report the last requests
CLOCK_SLACK_MS = 5  # a request's reported start may precede the end of the one it waited for by a few ms
# In the page: the clock starts at the magnifier's pointerdown (the tap) and stops at the first
# animation frame in which a result item is laid out on screen.
CLOCK_JS = """() => {
  const clock = window.__firstSearch = {origin: performance.timeOrigin, tap: 0, shown: 0};
  window.addEventListener('pointerdown', () => { if (!clock.tap) clock.tap = performance.now(); }, true);
  const look = () => {
    const item = document.querySelector('.md-search-result__item');
    if (clock.tap && item && item.getBoundingClientRect().height > 0) clock.shown = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}"""
# A function, not a string: the deploy CSP forbids the eval() that wait_for_function would need.
WAIT_JS = """() => new Promise(resolve => {
  const wait = () => window.__firstSearch.shown ? resolve(window.__firstSearch) : setTimeout(wait, 10);
  wait();
})"""


@dataclass
class Fetch:
    """One request made after the tap: times in ms from the tap; bytes sent by the server (0: from the browser's cache)."""

    path: str
    start: float
    end: float
    sent: int
    network: bool


@dataclass
class Run:
    """One first search: its query, tap-to-first-result time and the requests it made."""

    query: str
    ms: float
    fetches: list[Fetch] = field(default_factory=list)

    @property
    def network(self) -> list[Fetch]:
        """The requests the server answered (not served from the browser's cache)."""
        return [f for f in self.fetches if f.network]


def build_site(target: Path) -> Path:
    """Build the real site with its search index into target (the project's own build command)."""
    from faqgen.build.safe_build import build

    if build(target, PROJECT_ROOT / "mkdocs.yml", post_steps=["search"]) != 0:
        raise SystemExit("the site did not build")
    return target


def throttle(context: Any, page: Any, conditions: dict[str, Any]) -> None:
    """Switch on network emulation (Slow 4G) for the page and its workers (Chromium's own, over CDP)."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", conditions)


def short(path: str) -> str:
    """A request's path from the site root, without its cache-busting query and the long hash in its name."""
    return re.sub(r"(?<=[_.])[0-9a-f]{7,}(?=\.)", "…", urlsplit(path).path.lstrip("/"))


def fetches_after(requests: list[Any], served: list[tuple[str, int]], tap_ms: float, shown_ms: float) -> list[Fetch]:
    """The requests started between the tap and the first result, each marked network or cache by the server's log."""
    left: dict[str, list[int]] = {}
    for path, sent in served:
        left.setdefault(path, []).append(sent)
    fetches = []
    for request in sorted(requests, key=lambda r: r.timing["startTime"]):
        timing = request.timing
        start = timing["startTime"] - tap_ms
        if start < -1 or start > shown_ms:
            continue
        parts = urlsplit(request.url)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        sent = left.get(key, [])
        network = bool(sent)
        end = start + max(timing.get("responseEnd", 0), 0)
        fetches.append(Fetch(key, round(start), round(end), sent.pop(0) if sent else 0, network))
    return fetches


def one_run(
    browser: Any, origin: str, query: str, served: list[tuple[str, int]], conditions: dict[str, Any] = SLOW_4G
) -> Run:
    """A cold phone context: load the page, throttle, tap the magnifier, paste the query, time the first result."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    requests: list[Any] = []
    # Context-wide: the Pagefind worker's requests count too.
    context.on("requestfinished", lambda r: requests.append(r))
    try:
        page = context.new_page()
        page.goto(origin + PAGE, wait_until="networkidle")
        page.evaluate(CLOCK_JS)
        throttle(context, page, conditions)
        requests.clear()
        mark = len(served)
        page.click(MAGNIFIER)
        page.fill(INPUT, query)  # at once, as a paste: the page answers the input event
        clock = page.evaluate(WAIT_JS)
        page.wait_for_timeout(SETTLE_MS)
        tap = clock["origin"] + clock["tap"]
        shown = clock["shown"] - clock["tap"]
        return Run(query, shown, fetches_after(requests, served[mark:], tap, shown))
    finally:
        context.close()


def longest_chain(fetches: list[Fetch]) -> list[Fetch]:
    """The longest sequence of network requests each started after the previous one ended.

    An upper bound on the round trips that waited for each other: a request that merely happened
    to start after another ended counts too.
    """
    ordered = sorted((f for f in fetches if f.network), key=lambda f: (f.end, f.start))
    best: list[list[Fetch]] = []
    for i, fetch in enumerate(ordered):
        before = [best[j] for j in range(i) if ordered[j].end <= fetch.start + CLOCK_SLACK_MS]
        # Of equally long chains, the one whose last request ended closest to this start (likeliest reason it waited).
        best.append(
            max(before, key=lambda chain: (len(chain), -abs(fetch.start - chain[-1].end)), default=[]) + [fetch]
        )
    return max(best, key=len, default=[])


def measure(site: Path, runs: int, queries: tuple[str, ...] = QUERIES) -> list[Run]:
    """Serve the site and time `runs` first searches per query, in turn, each in a fresh context."""
    from playwright.sync_api import sync_playwright

    from faqgen.static_server import serve

    served: list[tuple[str, int]] = []
    server, origin = serve(site, served=served)
    results = []
    try:
        with sync_playwright() as pw:
            browser = launch(pw)
            try:
                for number in range(runs):
                    for query in queries:
                        results.append(one_run(browser, origin, query, served))
                        print(f"run {number + 1}/{runs} {query}: {results[-1].ms:.0f} ms", file=sys.stderr)
            finally:
                browser.close()
    finally:
        server.shutdown()
    return results


def seconds(ms: float) -> str:
    """Milliseconds as seconds with two decimals."""
    return f"{ms / 1000:.2f} s"


def kb(sent: int) -> str:
    """Bytes as KB (1,024) with one decimal."""
    return f"{sent / 1024:.1f} KB"


def median_run(runs: list[Run]) -> Run:
    """The run whose time is the (lower) median of these runs."""
    ordered = sorted(runs, key=lambda r: r.ms)
    return ordered[(len(ordered) - 1) // 2]


def chain_text(chain: list[Fetch]) -> str:
    """A chain of requests as `a → b → c`."""
    return " → ".join(f"`{short(f.path)}`" for f in chain) or "—"


def timing_table(runs: list[Run], queries: tuple[str, ...]) -> list[str]:
    """Median and slowest per query and overall, with the requests of each query's median run."""
    lines = [
        "| query | runs | median | slowest | requests to the server | gzip | the bytes alone at 1.6 Mbit/s "
        "| sequential round trips |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for query in queries:
        mine = [r for r in runs if r.query == query]
        typical = median_run(mine)
        sent = sum(f.sent for f in typical.network)
        lines.append(
            f"| {query} | {len(mine)} | {seconds(statistics.median(r.ms for r in mine))} | "
            f"{seconds(max(r.ms for r in mine))} | {len(typical.network)} | {kb(sent)} | "
            f"{seconds(1000 * sent / SLOW_4G['downloadThroughput'])} | {len(longest_chain(typical.fetches))} |"
        )
    lines.append(
        f"| **all** | {len(runs)} | **{seconds(statistics.median(r.ms for r in runs))}** | "
        f"{seconds(max(r.ms for r in runs))} |  |  |  |  |"
    )
    return lines


def request_table(run: Run) -> list[str]:
    """Every request of one run: when it started and ended after the tap, and what the server sent."""
    lines = ["| request | start | end | sent |", "|---|---:|---:|---:|"]
    for fetch in sorted(run.fetches, key=lambda f: (f.start, f.path)):
        sent = kb(fetch.sent) if fetch.network else "browser cache"
        lines.append(f"| `{short(fetch.path)}` | {fetch.start:.0f} ms | {fetch.end:.0f} ms | {sent} |")
    return lines


HOW = (
    "How it is measured: the real site is built with its search index and served from 127.0.0.1 with the "
    "deploy headers and gzip (`faqgen.static_server`, as deploy/nginx.conf). For each run a fresh Chromium "
    "context (empty cache, 390×844 phone viewport) opens {page} and waits for the load event and network "
    "idle; then Chromium's network emulation is switched on over CDP (`Network.emulateNetworkConditions`: "
    "150 ms latency per request, 1.6 Mbit/s down, 750 kbit/s up, which also applies to the Pagefind "
    "worker's requests), the magnifier is clicked and the query is filled into the box at once, as a paste "
    "(the page answers the `input` event). The clock runs in the page from the magnifier's `pointerdown` "
    "to the first animation frame in which a `.md-search-result__item` is laid out. Queries take turns "
    "(run 1 of each query, then run 2, …). Requests are those started between the tap and the first "
    "result; the server's own log tells which reached it (the rest came from the browser's cache), and "
    "“sequential round trips” is the longest chain of those requests in which each starts only after "
    "the previous one has ended (an upper bound: a request that merely happened to start later counts too); "
    "“the bytes alone” is the time the gzip bytes take at 1.6 Mbit/s, the least any order of requests can "
    "take. The emulation adds the latency to each request rather than modelling connections and TLS, so a real phone "
    "network adds some time on top; the test server speaks HTTP/1.1 (at most six connections), nginx's deploy "
    "config HTTP/2. Compare runs with each other."
)


def section(runs: list[Run], queries: tuple[str, ...], command: str, date: str, machine: str) -> str:
    """The BENCHMARKS.md section: times, the requests of one median run, and how it is measured."""
    typical = median_run([r for r in runs if r.query == queries[0]])
    chain = longest_chain(typical.fetches)
    lines = [
        SECTION,
        "",
        f"Produced by `{command}` on {date}; machine: {machine}.",
        "",
        "Tapping the magnifier on a Q&A page, pasting the query, until the first result shows "
        "(throttled to Slow 4G: 150 ms round trip, 1.6 Mbit/s).",
        "",
        *timing_table(runs, queries),
        "",
        f"Requests after the tap in the median run of {queries[0]} ({seconds(typical.ms)}): "
        f"{len(typical.network)} answered by the server, {kb(sum(f.sent for f in typical.network))} gzip; "
        f"longest chain of dependent requests ({len(chain)}): {chain_text(chain)}.",
        "",
        *request_table(typical),
        "",
        HOW.format(page=f"`{PAGE}`"),
    ]
    return "\n".join(lines) + "\n"


def section_of(text: str) -> str:
    """This benchmark's section of a BENCHMARKS.md text (empty when it has none)."""
    start = text.find("\n" + SECTION + "\n")
    if start < 0:
        return ""
    following = re.search(r"^## ", text[start + 1 + len(SECTION) :], re.M)
    end = start + 1 + len(SECTION) + following.start() if following else len(text)
    return text[start + 1 : end].rstrip("\n") + "\n"


def replace_section(text: str, new: str) -> str:
    """text with this benchmark's section replaced by `new`, or `new` added at the end."""
    old = section_of(text)
    if old:
        return text.replace(old, new, 1)
    return text.rstrip("\n") + "\n\n" + new


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the real one into a temp folder)")
    parser.add_argument("--runs", type=int, default=5, help="first searches per query")
    parser.add_argument("--write", type=Path, help="replace (or add) this benchmark's section in this file")
    parser.add_argument("--command", help="the command to record in the report (default: this one)")
    args = parser.parse_args(argv)
    from faqgen.bench.main import machine

    command = args.command or "python -m faqgen.bench.first_search " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    date, host = dt.datetime.now().strftime("%Y-%m-%d %H:%M"), machine()
    with tempfile.TemporaryDirectory(prefix="faqgen-first-search-") as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        runs = measure(site, args.runs)
    text = section(runs, QUERIES, command.strip(), date, host)
    print(text)
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        args.write.write_text(replace_section(old, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
