"""Command line `faqgen` for editors and CI: `check`, `fix-copy`, `new`, `render --out DIR`, `build`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from faqgen.content.errors import ContentErrors
from faqgen.content.loader import load_content
from faqgen.content.pipeline import load_valid_content
from faqgen.editor.check_report import content_report, format_report
from faqgen.editor.copy_lint import fix_copy
from faqgen.editor.new_page import NewPageError, new_page
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT
from faqgen.render.pages import render_site


def cmd_check(content_dir: Path) -> int:
    """Validate all content without building; exit 1 on errors."""
    try:
        content = load_valid_content(content_dir)
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"内容检查通过：{len(content.pages)} 个页面，{len(content.channels)} 个渠道，{len(content.sources)} 个来源。")
    print(format_report(content_report(content, content_dir)))
    return 0


def _ask(prompt: str) -> str:
    """Read one answer from the terminal; refuse when there is no terminal to ask."""
    if not sys.stdin.isatty():
        raise NewPageError(f'缺少{prompt}：请写在命令里，例如 make new Q="借呗怎么提前还款" TOPIC=jiebei')
    return input(f"{prompt}：").strip()


def cmd_new(content_dir: Path, question: str | None, topic: str | None, page_id: str | None) -> int:
    """Write a new Q&A file, asking for the question and topic when they are not given."""
    content, _errors = load_content(content_dir)  # errors elsewhere must not stop a new page
    try:
        question = question or _ask("问题（读者会怎么问，例如 借呗怎么提前还款）")
        if not topic:
            print("话题：" + "  ".join(f"{t.id}（{t.name}）" for t in sorted(content.topics, key=lambda t: t.order)))
            topic = _ask("话题 id")
        path = new_page(content, content_dir, question, topic, page_id)
    except NewPageError as exc:
        print(f"没有新建：{exc}", file=sys.stderr)
        return 1
    try:
        shown = path.resolve().relative_to(PROJECT_ROOT)
    except ValueError:
        shown = path
    print(shown)
    print(
        f"已新建问答，网址将是 /q/{path.stem}/（id 发布后不要改）。把文件里的【待填写】都换成内容，"
        "然后运行 make check 检查、make serve 预览。"
    )
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
    sub.add_parser("fix-copy", help="按中文排版规范修改页面正文里的空格和标点（不改 front matter）")
    new = sub.add_parser("new", help="新建一个问答文件")
    new.add_argument("--question", help="问题，即页面标题")
    new.add_argument("--topic", help="话题 id（见 content/topics.yml）")
    new.add_argument("--id", dest="page_id", help="自己定的 id（小写英文、数字、连字符）；不写就自动生成")
    render = sub.add_parser("render", help="把生成的 Markdown 写到一个文件夹里查看")
    render.add_argument("--out", type=Path, required=True)
    # build's own options (--site-dir, --post-steps …) belong to faqgen.build.safe_build, which parses them.
    sub.add_parser(
        "build", help="生成网站到 site/（失败时保留原有的 site/）；faqgen build --help 看选项", add_help=False
    )
    args, rest = parser.parse_known_args(argv)
    if args.command == "build":
        from faqgen.build.safe_build import main as build_main

        return build_main(["--content-dir", str(args.content_dir), *rest])
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "check":
        return cmd_check(args.content_dir)
    if args.command == "fix-copy":
        changed = fix_copy(args.content_dir)
        print(f"已修改 {len(changed)} 个文件" + "".join(f"\n  {p}" for p in changed))
        return 0
    if args.command == "new":
        return cmd_new(args.content_dir, args.question, args.topic, args.page_id)
    return cmd_render(args.content_dir, args.out)


def console() -> int:
    """The `faqgen` command: main(), without a traceback when a reader such as `head` closes the output early."""
    try:
        code = main()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Python's own advice: point stdout at devnull so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(console())
