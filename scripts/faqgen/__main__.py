"""Command line for editors and CI: `python -m faqgen check` or `python -m faqgen render --out DIR`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ContentErrors
from .paths import CONTENT_DIR
from .pipeline import load_valid_content
from .render_pages import render_site


def cmd_check(content_dir: Path) -> int:
    """Validate all content without building; exit 1 on errors."""
    try:
        content = load_valid_content(content_dir)
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"内容检查通过：{len(content.pages)} 个页面，{len(content.channels)} 个渠道，{len(content.sources)} 个来源。")
    return 0


def cmd_render(content_dir: Path, out: Path) -> int:
    """Write the generated Markdown to a folder, to see exactly what MkDocs receives."""
    try:
        pages = render_site(load_valid_content(content_dir))
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for page in pages:
        target = out / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"已写出 {len(pages)} 个生成的页面到 {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command."""
    parser = argparse.ArgumentParser(prog="faqgen", description="借贷维权问答的内容工具")
    parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="检查 content/ 里的所有文件")
    render = sub.add_parser("render", help="把生成的 Markdown 写到一个文件夹里查看")
    render.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "check":
        return cmd_check(args.content_dir)
    return cmd_render(args.content_dir, args.out)


if __name__ == "__main__":
    sys.exit(main())
