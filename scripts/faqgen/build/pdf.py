"""Print the whole-guide print view of a built site to an A4 PDF with headless Chromium.

A post-build step (see post_steps.py) and a command: `python -m faqgen.build.pdf site`.
Without Chromium (or without a Chinese font) it says so and skips: the site is still built,
just without the PDF, and the home page keeps its PDF link hidden.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from faqgen import browser as chromium
from faqgen.build.pdf_toc import destination_pages
from faqgen.build.site_address import DEFAULT_SITE_URL, address_problem, site_url_from_env
from faqgen.render.pages import PDF_HREF
from faqgen.static_server import serving_plain

PRINT_VIEW = "print/index.html"
TIMEOUT_MS = 60_000
FOOTER = (
    '<div style="width:100%;font-size:8pt;color:#555;text-align:center;">'
    '第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>'
)
# The PDF links are rendered hidden (site.css hides .pdf-pending) and shown once the PDF is written.
# Write each 目录 entry's page number after it (numbers: element id → page, from the first print).
TOC_NUMBERS_JS = """numbers => {
  document.querySelectorAll(".print-toc li > a").forEach(a => {  // Material may make the href absolute
    const number = numbers[decodeURIComponent(new URL(a.href).hash.slice(1))];
    if (number === undefined || a.querySelector(".toc-page")) return;
    a.insertAdjacentHTML("beforeend", '<span class="toc-leader"></span><span class="toc-page">' + number + "</span>");
  });
}"""
PDF_LINK_HIDDEN, PDF_LINK_SHOWN = 'class="pdf-download pdf-pending"', 'class="pdf-download"'
INSTALL_HINT = "安装 Debian 的 chromium 和 fonts-noto-cjk 后运行 make pdf"


def missing_requirement() -> str | None:
    """Why this machine cannot print the PDF (no Chromium, Playwright or Chinese font), or None."""
    if not chromium.chromium_available():
        return f"没有找到 Chromium（{chromium.CHROMIUM}）"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "没有安装 Playwright（requirements-test.txt）"
    if shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
        if not fonts.strip():
            return "没有中文字体（fonts-noto-cjk），打印出来会是方块"
    return None


def print_to_pdf(url: str, target: Path) -> None:
    """Open url in headless Chromium and print it to target: A4, page numbers, bookmarks, a numbered 目录."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            page = browser.new_page(locale="zh-CN")
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(url, wait_until="load")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            options = dict(
                format="A4",
                prefer_css_page_size=True,
                print_background=True,
                outline=True,
                tagged=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
            )
            first = page.pdf(**options)
            numbers = destination_pages(first)
            if not numbers:  # a PDF layout we cannot read: keep the 目录 without page numbers
                target.write_bytes(first)
                return
            page.evaluate(TOC_NUMBERS_JS, numbers)  # the 目录 is one sheet and sections start on fresh ones,
            page.pdf(path=str(target), **options)  # so adding the numbers moves nothing
        finally:
            browser.close()


def no_address_note(site_dir: Path) -> str | None:
    """Why the PDF prints no web address (the print view has no public one), or None when it prints one."""
    html = site_dir / PRINT_VIEW
    if not html.exists() or 'rel="canonical"' in html.read_text(encoding="utf-8"):
        return None
    if os.environ.get("SITE_URL") is None:
        why = f"没有设置 SITE_URL（{DEFAULT_SITE_URL} 只是本机预览地址）"
    else:
        why = address_problem(site_url_from_env()) or "这个网站构建时没有公开网址"
    return (
        f"PDF 上没有印网址：{why}，印出来的地址读者打不开，所以封面和各节都不写网址。"
        "要印上网址，请设置公开网址后重新生成，例如 SITE_URL=https://example.cn/ make pdf。"
    )


def reveal_pdf_links(site_dir: Path) -> None:
    """Show the PDF download links (hidden in the HTML until the PDF exists)."""
    for html in (site_dir / "index.html", site_dir / PRINT_VIEW):
        if html.exists():
            text = html.read_text(encoding="utf-8")
            if PDF_LINK_HIDDEN in text:
                html.write_text(text.replace(PDF_LINK_HIDDEN, PDF_LINK_SHOWN), encoding="utf-8")


def export_pdf(site_dir: Path) -> bool:
    """Write the print view as site_dir/downloads/…pdf; True when written or skipped (no Chromium)."""
    reason = missing_requirement()
    if reason:
        print(
            f"跳过 PDF：{reason}（{INSTALL_HINT}）。网站照常生成；已经发布过 PDF 的，沿用上次的那份，"
            "从没发布过的，首页不显示下载链接。"
        )
        return True
    if not (site_dir / PRINT_VIEW).exists():
        print(f"PDF 生成失败：网站里没有打印版页面 {PRINT_VIEW}。", file=sys.stderr)
        return False
    target = site_dir / PDF_HREF
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with serving_plain(site_dir) as base, ThreadPoolExecutor(max_workers=1) as pool:
            # A fresh thread: Playwright's sync API refuses to start inside a running asyncio loop,
            # such as a caller's own Playwright session (the browser tests build the site from one).
            pool.submit(print_to_pdf, f"{base}/{PRINT_VIEW.removesuffix('index.html')}", target).result()
    except Exception as exc:  # Playwright raises its own Error types; any failure here fails the step
        print(f"PDF 生成失败：{exc}", file=sys.stderr)
        return False
    reveal_pdf_links(site_dir)
    print(f"PDF：{PDF_HREF}（{target.stat().st_size / 1_000_000:.1f} MB）")
    if note := no_address_note(site_dir):
        print(note)
    return True


def keep_last_pdf(new_site: Path, published_site: Path) -> str | None:
    """When this build made no PDF, carry over the published one (and show its links); say so, or None."""
    old, new = published_site / PDF_HREF, new_site / PDF_HREF
    if new.exists() or not old.is_file():
        return None
    new.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(old, new)
    reveal_pdf_links(new_site)
    made = dt.date.fromtimestamp(old.stat().st_mtime)
    return (
        f"PDF：这次没有生成，沿用上次发布的 {PDF_HREF}（{made.year} 年 {made.month} 月 {made.day} 日生成，"
        "内容可能比网页旧）。装好 Chromium 后重新构建即可更新。"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: pdf_export.py [--require-chromium] SITE_DIR."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--require-chromium", action="store_true", help="fail instead of skipping without Chromium")
    args = parser.parse_args(argv)
    if args.require_chromium and (reason := missing_requirement()):
        print(f"无法生成 PDF：{reason}（{INSTALL_HINT}）。", file=sys.stderr)
        return 1
    return 0 if export_pdf(args.site_dir.resolve()) else 1


if __name__ == "__main__":
    sys.exit(main())
