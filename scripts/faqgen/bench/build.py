"""The two builds `make bench` compares: the project's own build and plain Material on the same pages."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from faqgen.content.model import KIND_FOLDERS, KIND_URL_DIRS
from faqgen.mkdocs_run import mkdocs_build_command, mkdocs_env
from faqgen.paths import PROJECT_ROOT

PRUNE_ABOVE = 1000  # plain Material's nav lists every page (one section per topic); above this, navigation.prune


@dataclass(frozen=True)
class Run:
    """One measured build: wall time, peak memory of the process tree, and how it ended."""

    seconds: float
    cpu_seconds: float  # user + system time of the whole process tree
    peak_bytes: int
    ok: bool
    timed_out: bool


@dataclass(frozen=True)
class SiteStats:
    """Sizes of a built site."""

    site_bytes: int
    files: int
    html_median: int  # bytes of index.html, median over the synthetic Q&A pages
    index_raw: int
    index_gzip: int


def run_measured(cmd: list[str], log: Path, env: dict[str, str] | None = None, timeout: float | None = None) -> Run:
    """Run cmd (output to log); peak memory is the largest ru_maxrss in its process tree (wait4)."""
    started = time.perf_counter()
    with log.open("ab") as out:
        proc = subprocess.Popen(
            cmd, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    expired = threading.Event()

    def stop() -> None:
        expired.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the group of the process started just above
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, stop) if timeout else None
    if timer:
        timer.start()
    _pid, status, usage = os.wait4(proc.pid, 0)  # Linux: the child's own and its waited-for descendants' peak
    if timer:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    ok = proc.returncode == 0 and not expired.is_set()
    return Run(
        time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, ok, expired.is_set()
    )


def build_ours(content_dir: Path, site_dir: Path, log: Path, timeout: float | None = None) -> Run:
    """`faqgen build --post-steps search`: validate, strict MkDocs build with the plugin, the Pagefind index, swap."""
    cmd = [
        sys.executable,
        "-m",
        "faqgen",
        "build",
        "--post-steps",
        "search",
        "--content-dir",
        str(content_dir),
        "--site-dir",
        str(site_dir),
    ]
    return run_measured(cmd, log, mkdocs_env(), timeout)


def render_markdown(content_dir: Path, out: Path, log: Path) -> Run:
    """`python -m faqgen render`: validate with the project's pipeline and write the generated Markdown."""
    cmd = [sys.executable, "-m", "faqgen", "--content-dir", str(content_dir), "render", "--out", str(out)]
    return run_measured(cmd, log, dict(os.environ))


def _our_markdown_extensions() -> str:
    """The markdown_extensions block of mkdocs.yml, verbatim, so both builds render the same Markdown."""
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^markdown_extensions:\n(?:[ #].*\n|\n)*", text + "\n", re.M)
    return match.group(0) if match else ""


def topic_nav(docs: Path, content_dir: Path) -> list[object]:
    """Every page in the nav, one section per topic (hub first), the other pages at the top level."""
    topics = yaml.safe_load((content_dir / "topics.yml").read_text(encoding="utf-8"))
    url_dirs = {folder: KIND_URL_DIRS[kind] for kind, folder in KIND_FOLDERS.items()}
    page_topic = {}
    for path in content_dir.glob("*/*.md"):
        match = re.search(r"^topic:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
        if match and path.parent.name in url_dirs:
            page_topic[f"{url_dirs[path.parent.name]}/{path.stem}.md"] = match.group(1)
    sections: dict[str, list[str]] = {
        t["id"]: [f"topics/{t['id']}.md"] for t in sorted(topics, key=lambda t: t["order"])
    }
    top: list[object] = []
    for uri in sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")):
        if uri.startswith("topics/"):
            continue
        topic = page_topic.get(uri)
        (sections[topic] if topic in sections else top).append(uri)
    names = {t["id"]: t["name"] for t in topics}
    top.sort(key=lambda uri: (uri != "index.md", uri))
    return top[:1] + [{names[t]: pages} for t, pages in sections.items()] + top[1:]


def plain_project(markdown_dir: Path, project: Path, n: int, content_dir: Path) -> Path:
    """A throwaway plain-Material project of the same pages; returns its mkdocs.yml."""
    docs = project / "docs"
    shutil.copytree(markdown_dir, docs)
    for page in (PROJECT_ROOT / "docs").glob("*.md"):  # hand-written pages (about.md), so links resolve
        shutil.copy(page, docs / page.name)
    features = "  features: [navigation.prune]\n" if n > PRUNE_ABOVE else ""
    nav = yaml.safe_dump({"nav": topic_nav(docs, content_dir)}, allow_unicode=True, sort_keys=False, width=10_000)
    config = project / "mkdocs.yml"
    config.write_text(
        "site_name: 借贷维权问答（plain Material）\nsite_url: http://127.0.0.1:8000/\n"
        f"theme:\n  name: material\n  language: zh\n{features}"
        "plugins:\n  - search:\n      lang: zh\n" + _our_markdown_extensions() + nav,
        encoding="utf-8",
    )
    return config


def build_plain(config: Path, site_dir: Path, log: Path, timeout: float | None = None) -> Run:
    """`mkdocs build` of the plain project (not strict: plain Material warns about nothing we need)."""
    return run_measured(mkdocs_build_command(config, site_dir, strict=False), log, mkdocs_env(), timeout)


def site_stats(site_dir: Path, ids: list[str]) -> SiteStats:
    """Total bytes, median Q&A page HTML and the search index, raw and gzip level 6."""
    sizes = [p.stat().st_size for p in site_dir.rglob("*") if p.is_file()]
    html = [(site_dir / "q" / i / "index.html").stat().st_size for i in ids]
    index = site_dir / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    index_raw, index_gzip = len(raw), len(gzip.compress(raw, compresslevel=6, mtime=0)) if raw else 0
    for path in (site_dir / "pagefind").rglob("*") if (site_dir / "pagefind").is_dir() else ():
        if path.is_file():  # Pagefind's index files are gzip already; its .js and .json are sent gzipped
            data = path.read_bytes()
            index_raw += len(data)
            index_gzip += (
                len(gzip.compress(data, compresslevel=6, mtime=0)) if path.suffix in (".js", ".json") else len(data)
            )
    return SiteStats(sum(sizes), len(sizes), int(statistics.median(html)) if html else 0, index_raw, index_gzip)
