"""`make search-eval`: reader queries through the real search box in Chromium; top-1, top-3, MRR, p95.

The queries (tests/search_eval/queries.yml) were written from the reader's side before ranking was
tuned. Each is entered the way phones enter text, in turn: typed key by key, pasted (one `input`
event, no key pressed, as voice input does too) and through an input method (composition events,
then the commit). A query that shows no list within TIMEOUT_MS counts as not answered.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from faqgen.browser import PHONE, launch
from faqgen.paths import PROJECT_ROOT

QUERIES = PROJECT_ROOT / "tests" / "search_eval" / "queries.yml"
MODES = ("type", "paste", "ime")
MAGNIFIER = "label.md-header__button[for='__search']"
INPUT = ".md-search__input"
TIMEOUT_MS = 4000
SHOWN = 10


@dataclass(frozen=True)
class Case:
    """One reader query, its topic and the pages that answer it."""

    topic: str
    query: str
    pages: tuple[str, ...]


@dataclass
class Outcome:
    """What the search box showed for one case."""

    case: Case
    mode: str
    results: list[str]
    latency_ms: float | None  # None: no list within TIMEOUT_MS

    @property
    def rank(self) -> int:
        """1-based rank of the first answering page among the results, 0 when none is shown."""
        for position, path in enumerate(self.results[:SHOWN], start=1):
            if path in self.case.pages:
                return position
        return 0


def page_path(ref: str) -> str:
    """The site path of a page reference in queries.yml: a bare id is a Q&A."""
    return f"/{ref.strip('/')}/" if "/" in ref or ref in {"glossary", "channels", "lookup", "about"} else f"/q/{ref}/"


def load_cases(path: Path = QUERIES) -> list[Case]:
    """Every case of the query file, in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for topic, lines in data.items():
        for line in lines:
            query, _, refs = line.partition("=>")
            cases.append(Case(topic, query.strip(), tuple(page_path(ref) for ref in refs.split())))
    return cases


@dataclass
class Summary:
    """Top-1, top-3, MRR and latency over a group of outcomes."""

    count: int = 0
    top1: int = 0
    top3: int = 0
    reciprocal: float = 0.0
    latencies: list[float] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        self.count += 1
        rank = outcome.rank
        self.top1 += rank == 1
        self.top3 += 0 < rank <= 3
        self.reciprocal += 1 / rank if rank else 0.0
        if outcome.latency_ms is not None:
            self.latencies.append(outcome.latency_ms)

    def row(self) -> dict[str, float]:
        """Shares (0–1), MRR and p95 latency in ms (nearest rank; a query with no list counts as TIMEOUT_MS)."""
        waits = sorted(self.latencies + [float(TIMEOUT_MS)] * (self.count - len(self.latencies)))
        p95 = waits[math.ceil(0.95 * len(waits)) - 1] if waits else 0.0
        n = max(self.count, 1)
        return {"n": self.count, "top1": self.top1 / n, "top3": self.top3 / n, "mrr": self.reciprocal / n, "p95": p95}


def summarise(outcomes: list[Outcome]) -> dict[str, dict[str, dict[str, float]]]:
    """Rows per topic, per mode and overall."""
    groups: dict[str, dict[str, Summary]] = {"topic": defaultdict(Summary), "mode": defaultdict(Summary)}
    total = Summary()
    for outcome in outcomes:
        groups["topic"][outcome.case.topic].add(outcome)
        groups["mode"][outcome.mode].add(outcome)
        total.add(outcome)
    report = {name: {key: s.row() for key, s in group.items()} for name, group in groups.items()}
    report["all"] = {"all": total.row()}
    return report


def markdown(report: dict[str, dict[str, dict[str, float]]]) -> str:
    """The report as Markdown tables."""
    lines = []
    for name in ("all", "mode", "topic"):
        lines += ["", f"| {name} | n | top-1 | top-3 | MRR | p95 ms |", "|---|---|---|---|---|---|"]
        for key, row in report[name].items():
            lines.append(
                f"| {key} | {row['n']} | {row['top1']:.1%} | {row['top3']:.1%} | {row['mrr']:.3f} | {row['p95']:.0f} |"
            )
    return "\n".join(lines).lstrip() + "\n"


# Enter text through an input method as Chromium does: composition updates, then the commit.
def _enter(page: Any, cdp: Any, text: str, mode: str) -> None:
    """Put text into the focused search box the way `mode` does on a phone."""
    if mode == "type":
        page.keyboard.type(text)
    elif mode == "paste":
        page.keyboard.insert_text(text)
    elif mode == "ime":
        for end in range(1, len(text) + 1):  # the reader's composition grows, underlined, before it is committed
            cdp.send("Input.imeSetComposition", {"text": text[:end], "selectionStart": end, "selectionEnd": end})
        page.keyboard.insert_text(text)  # commits the composition: compositionend, then input
    elif mode == "keyup":  # the old test helper's way: fill, then a key (relevance alone, no input handling)
        page.fill(INPUT, text)
        page.keyboard.press("End")
    else:
        raise ValueError(mode)


def _clear(page: Any) -> None:
    """Empty the box and let the page settle, so the next query starts from nothing."""
    page.fill(INPUT, "")
    page.keyboard.press("End")
    page.evaluate("window.__searchAnswered = null")


def _results(page: Any, base_url: str) -> list[str]:
    """Result page paths in order, without anchors or duplicates."""
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    paths: list[str] = []
    for href in hrefs:
        path = href.removeprefix(base_url).split("?")[0].split("#")[0]
        if path not in paths:
            paths.append(path)
    return paths


def run_cases(browser: Any, base_url: str, cases: list[Case], modes: tuple[str, ...]) -> list[Outcome]:
    """Search every case in one tab, the modes taken in turn; a list of outcomes."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        page.goto(base_url + "/")
        page.click(MAGNIFIER)
        page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('初始化')")
        outcomes = []
        for number, case in enumerate(cases):
            mode = modes[number % len(modes)]
            _clear(page)
            started = page.evaluate("performance.now()")
            _enter(page, cdp, case.query, mode)
            try:
                page.wait_for_function(
                    "q => window.__searchAnswered && window.__searchAnswered.query.trim() === q",
                    arg=case.query.strip(),
                    timeout=TIMEOUT_MS,
                )
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")  # Material has drawn it
                latency = page.evaluate("window.__searchAnswered.at") - started
                outcomes.append(Outcome(case, mode, _results(page, base_url), latency))
            except Exception:  # noqa: BLE001  (Playwright's timeout: the box never answered this text)
                outcomes.append(Outcome(case, mode, [], None))
        return outcomes
    finally:
        context.close()


def evaluate(site_dir: Path, cases: list[Case], modes: tuple[str, ...] = MODES) -> list[Outcome]:
    """Serve site_dir on 127.0.0.1 and run the cases in headless Chromium."""
    from playwright.sync_api import sync_playwright

    from faqgen.static_server import serve

    server, url = serve(site_dir, headers=False)
    try:
        with sync_playwright() as pw:
            browser = launch(pw)
            try:
                return run_cases(browser, url, cases, modes)
            finally:
                browser.close()
    finally:
        server.shutdown()


def misses(outcomes: list[Outcome]) -> str:
    """The cases whose answer was not in the top 3, with what came first."""
    lines = []
    for o in outcomes:
        if not 0 < o.rank <= 3:
            shown = " ".join(o.results[:3]) or ("（没有结果）" if o.latency_ms is not None else "（没有反应）")
            lines.append(
                f"- [{o.mode}] {o.case.query} → {shown}  (rank {o.rank or '-'}; want {' '.join(o.case.pages)})"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build (or take) the site, run the evaluation, print the tables; exit 1 below --min-top3/--min-top1."""
    parser = argparse.ArgumentParser(description="搜索评测：读者的问法在真实搜索框里的排名")
    parser.add_argument("--site-dir", type=Path, help="已生成的网站（不给则先生成一个）")
    parser.add_argument("--modes", default=",".join(MODES), help="输入方式，逗号分隔：type,paste,ime,keyup")
    parser.add_argument("--all-modes", action="store_true", help="每个问法用每种输入方式各搜一次")
    parser.add_argument("--json", type=Path, help="把结果另存为 JSON")
    parser.add_argument("--misses", action="store_true", help="列出前三名里没有答案的问法")
    parser.add_argument("--min-top1", type=float, default=0.0)
    parser.add_argument("--min-top3", type=float, default=0.0)
    args = parser.parse_args(argv)
    modes = tuple(args.modes.split(","))
    cases = load_cases()
    if args.all_modes:
        cases = [case for case in cases for _ in modes]
    site_dir = args.site_dir
    if site_dir is None:
        from faqgen.build.safe_build import build

        site_dir = Path(tempfile.mkdtemp(prefix="faqgen-search-eval-")) / "site"
        if build(site_dir, PROJECT_ROOT / "mkdocs.yml") != 0:
            return 1
    started = time.perf_counter()
    outcomes = evaluate(site_dir, cases, modes)
    report = summarise(outcomes)
    print(f"搜索评测：{len(cases)} 次搜索，{time.perf_counter() - started:.0f} 秒")
    print(markdown(report))
    if args.misses:
        print(misses(outcomes))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    overall = report["all"]["all"]
    return 0 if overall["top1"] >= args.min_top1 and overall["top3"] >= args.min_top3 else 1


if __name__ == "__main__":
    sys.exit(main())
