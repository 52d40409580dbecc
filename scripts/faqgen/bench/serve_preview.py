"""Run `mkdocs serve` (as `make serve` does) on a content folder and time how long an edit takes to show.

Used by `make bench` (the issue-6 target: a content edit is visible within 2 s during `make serve`)
and by tests/browser/test_serve_preview.py (an edit shows at all; a broken file is reported and then fixed).

    python -m faqgen.bench.serve_preview [--rounds 5]     # times edits to a copy of content/
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faqgen.mkdocs_run import mkdocs_env, mkdocs_serve_command
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass
class Served:
    """A running `mkdocs serve`: its address, its log file and the process."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def log_text(self) -> str:
        """Everything the server has printed so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def build_seconds(self) -> list[float]:
        """MkDocs' own "Documentation built in N seconds" figures, in order."""
        return [float(x) for x in BUILT.findall(self.log_text())]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def mkdocs_serve(content_dir: Path, log: Path, timeout: float = 300) -> Iterator[Served]:
    """`mkdocs serve --livereload` of this project with FAQGEN_CONTENT_DIR=content_dir, up and answering."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            mkdocs_serve_command(port),
            cwd=PROJECT_ROOT,
            env=mkdocs_env(content_dir),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    served = Served(f"http://127.0.0.1:{port}", log, process)
    try:
        _wait_until_up(served, timeout)
        yield served
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_until_up(served: Served, timeout: float) -> None:
    """Wait for the first build to finish and the home page to answer; fail with the log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {served.process.returncode}):\n{served.log_text()[-3000:]}")
        try:
            with urllib.request.urlopen(served.url + "/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"mkdocs serve did not answer within {timeout:.0f} s:\n{served.log_text()[-3000:]}")


def with_paragraph(original: str, text: str) -> str:
    """A content page's original text with one paragraph added at the end."""
    return f"{original.rstrip()}\n\n{text}\n"


def wait_for_text(tab: Any, text: str, timeout_ms: float) -> None:
    """Wait until the page in the tab (reloaded by live reload) shows text."""
    tab.wait_for_function("t => document.body && document.body.innerText.includes(t)", arg=text, timeout=timeout_ms)


@dataclass
class EditTimes:
    """Seconds from writing a content file to its new text showing in Chromium, per edit."""

    first_build_s: float
    edits_s: list[float] = field(default_factory=list)
    rebuilds_s: list[float] = field(default_factory=list)  # MkDocs' own rebuild times (distinct values only)

    @property
    def median_s(self) -> float:
        """Median edit-to-screen time."""
        return statistics.median(self.edits_s)

    @property
    def max_s(self) -> float:
        """Slowest edit-to-screen time."""
        return max(self.edits_s)


def time_edits(rounds: int = 5, page_id: str = "jiebei-10k-unpaid-jail") -> EditTimes:
    """Serve a copy of content/, open one Q&A in Chromium, edit its file `rounds` times and time each."""
    from playwright.sync_api import sync_playwright

    from faqgen.quality.page_weight import launch

    with tempfile.TemporaryDirectory(prefix="faqgen-serve-") as work:
        content = Path(work) / "content"
        shutil.copytree(CONTENT_DIR, content)
        source = content / "questions" / f"{page_id}.md"
        original = source.read_text(encoding="utf-8")
        started = time.perf_counter()
        with mkdocs_serve(content, Path(work) / "serve.log") as served, sync_playwright() as pw:
            times = EditTimes(first_build_s=time.perf_counter() - started)
            browser = launch(pw)
            tab = browser.new_page()
            tab.goto(f"{served.url}/q/{page_id}/")
            for i in range(rounds):
                text = f"实时预览改动第{i + 1}次"
                written = time.perf_counter()
                source.write_text(with_paragraph(original, text), encoding="utf-8")
                wait_for_text(tab, text, 120_000)
                times.edits_s.append(time.perf_counter() - written)
                time.sleep(1)  # let the server settle before the next edit
            browser.close()
            # MkDocs drops a log line identical to an earlier one, so two rebuilds that took the
            # same time to the hundredth of a second leave one line: these are the distinct ones.
            times.rebuilds_s = served.build_seconds()[1:]
    return times


def main(argv: list[str] | None = None) -> int:
    """Command line: print the edit-to-screen times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    times = time_edits(args.rounds)
    print(f"first build and server up: {times.first_build_s:.1f} s")
    print(
        "edit → visible in Chromium: "
        + ", ".join(f"{s:.2f} s" for s in times.edits_s)
        + f" (median {times.median_s:.2f} s, max {times.max_s:.2f} s)"
    )
    print("MkDocs rebuild time: " + ", ".join(f"{s:.2f} s" for s in times.rebuilds_s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
