"""`make audit`: Lighthouse (mobile) on the key pages of a fresh build; prints the four category scores.

The site is built with SITE_URL set to the local audit address (so canonical links and the
sitemap match), served like deploy/nginx.conf (gzip, cache headers, CSP) on 127.0.0.1, and
audited by the Lighthouse pinned in scripts/lighthouse/ with Debian's Chromium. Reports go to
reports/ (gitignored): <page>.report.html and .json, and scores.md with the table printed here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from faqgen.browser import CHROMIUM
from faqgen.build.safe_build import build
from faqgen.paths import PROJECT_ROOT
from faqgen.static_server import serve

REPORTS = PROJECT_ROOT / "reports"
LIGHTHOUSE = PROJECT_ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "/",
    "guide": "/guides/debt-collection-harassment/",
    "question": "/q/jiebei-10k-unpaid-jail/",
    "channels": "/channels/",
    "lookup": "/lookup/",
}


def lighthouse(url: str, out: Path) -> dict[str, int]:
    """Run Lighthouse (mobile, its default) on url; write out.report.{html,json}; return the scores."""
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    subprocess.run(cmd, check=True, env=dict(os.environ, CHROME_PATH=str(CHROMIUM)))
    report = json.loads(out.with_name(out.name + ".report.json").read_text(encoding="utf-8"))
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def failing_audits(out: Path) -> list[str]:
    """Titles of the scored audits below 100 in a written report, for the summary."""
    report = json.loads(out.with_name(out.name + ".report.json").read_text(encoding="utf-8"))
    scored = {ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"] if ref["weight"] > 0}
    return [
        f"{a['id']} ({a['score']})"
        for a_id, a in report["audits"].items()
        if a_id in scored and a["score"] is not None and a["score"] < 1
    ]


def table(scores: dict[str, dict[str, int]], notes: dict[str, list[str]]) -> str:
    """The scores as a Markdown table, with the audits that cost points."""
    lines = ["| page | " + " | ".join(CATEGORIES) + " | below 100 |", "|---" * (len(CATEGORIES) + 2) + "|"]
    for page, s in scores.items():
        lines.append(
            f"| {page} ({PAGES[page]}) | "
            + " | ".join(str(s[c]) for c in CATEGORIES)
            + f" | {', '.join(notes[page]) or '—'} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Build, serve, audit every page that exists, print and save the table."""
    if not LIGHTHOUSE.exists():
        print(
            "Lighthouse 没有安装：请运行 make audit（它会先安装 scripts/lighthouse/ 里固定的版本）。", file=sys.stderr
        )
        return 1
    REPORTS.mkdir(exist_ok=True)
    site = REPORTS / "site"
    server, origin = serve(site)
    try:
        os.environ["SITE_URL"] = origin + "/"
        if build(site, PROJECT_ROOT / "mkdocs.yml") != 0:
            return 1
        scores, notes = {}, {}
        for name, path in PAGES.items():
            if not (site / path.strip("/") / "index.html").is_file():
                print(f"{path} 不存在，跳过")
                continue
            scores[name] = lighthouse(origin + path, REPORTS / name)
            notes[name] = failing_audits(REPORTS / name)
    finally:
        server.shutdown()
    summary = table(scores, notes)
    (REPORTS / "scores.md").write_text(summary + "\n", encoding="utf-8")
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
