"""`make check` reminders: things that do not stop the build but an editor should look at."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from faqgen.content.errors import ContentError
from faqgen.content.model import Content
from faqgen.content.schema import ID
from faqgen.editor.copy_lint import copy_fixes
from faqgen.editor.new_page import TODO
from faqgen.render.pages import RenderedPage, render_site
from faqgen.render.shortcodes import CHANNELS_PAGE, SHORTCODE

REVIEW_AFTER_MONTHS = 12
CATEGORIES = {
    "stale": f"需要复核：最近审核超过 {REVIEW_AFTER_MONTHS} 个月",
    "no-official": "没有官方来源（法律法规、政府或监管部门）",
    "unused-channel": "没有任何页面用到的渠道",
    "unused-source": "没有任何页面用到的来源",
    "home-page-url": "来源网址只是网站首页（读者找不到文件本身）",
    "no-keywords": "没有写常见问法（keywords）的问答",
    "copy": "中文排版（空格、标点）可以改进：运行 make fix-copy 自动修改",
    "todo": "还有【待填写】没写完",
}
WEBSITE_PREFIX = "site-"  # sources.yml: a source whose id starts so is a website itself, so its home page is right
LOOKUP_DATA = "routing.yml"  # the channel lookup's data, when there is one
REFERENCE_ID = re.compile(rf"^\s*(?P<kind>channel|source):(?P<id>{ID})")
CHANNEL_LINK = re.compile(rf"{re.escape(CHANNELS_PAGE)}#(?P<id>{ID})")


@dataclass(frozen=True)
class Notice:
    """One reminder about one file, in one category of CATEGORIES."""

    category: str
    path: Path
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        """Format like an error: `content/x.md:5: 字段 reviewed：message`."""
        return str(ContentError(self.path, self.line, self.field, self.message))


def review_due_before(today: dt.date) -> dt.date:
    """Pages reviewed before this day need a new review: the same day 12 months ago (or that month's last day)."""
    year, month = divmod(today.year * 12 + today.month - 1 - REVIEW_AFTER_MONTHS, 12)
    return dt.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def _stale(content: Content, today: dt.date) -> list[Notice]:
    """Pages whose reviewed date is more than 12 months old."""
    due = review_due_before(today)
    return [
        Notice(
            "stale",
            p.path,
            p.meta.line_of(("reviewed",)),
            "reviewed",
            f"最近审核是 {p.front.reviewed.isoformat()}，请重新核实内容后更新日期",
        )
        for p in content.pages
        if p.front.reviewed < due
    ]


def _no_official(content: Content) -> list[Notice]:
    """Pages none of whose sources is official."""
    official = {s.id for s in content.sources if s.kind == "official"}
    return [
        Notice(
            "no-official",
            p.path,
            p.meta.line_of(("sources",)),
            "sources",
            "来源里没有官方来源，请补上法律法规或监管部门的依据",
        )
        for p in content.pages
        if not any(r.id in official for r in p.front.source_refs())
    ]


def _strings(data: object) -> list[str]:
    """Every text value in parsed YAML, at any depth."""
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def referenced_ids(content: Content, content_dir: Path) -> tuple[set[str], set[str]]:
    """Channel and source ids that content refers to: {{channel:…}} and {{source:…}} in any page or
    data file (in channels.yml, one channel naming another), page `sources`, and ids in the lookup data."""
    channels: set[str] = set()
    sources = {r.id for p in content.pages for r in p.front.source_refs()}
    texts = [p.body for p in content.pages] + [p.read_text(encoding="utf-8") for p in sorted(content_dir.glob("*.yml"))]
    for text in texts:
        for match in SHORTCODE.finditer(text):
            ref = REFERENCE_ID.match(match.group("inner"))
            if ref:
                (channels if ref["kind"] == "channel" else sources).add(ref["id"])
    lookup = content_dir / LOOKUP_DATA
    if lookup.exists():
        channel_ids = {c.id for c in content.channels}
        channels |= {s for s in _strings(yaml.safe_load(lookup.read_text(encoding="utf-8"))) if s in channel_ids}
    return channels, sources


def linked_channels(pages: list[RenderedPage]) -> set[str]:
    """Channels linked from generated pages other than the channel list (the disclaimer, the home page …)."""
    return {m["id"] for page in pages if page.src_uri != CHANNELS_PAGE for m in CHANNEL_LINK.finditer(page.markdown)}


def _line_of_id(path: Path, item_id: str) -> int | None:
    """The line of `- id: item_id` in a data file."""
    pattern = re.compile(rf"^\s*(-\s*)?id:\s*[\"']?{re.escape(item_id)}[\"']?\s*(#.*)?$")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _unused(content: Content, content_dir: Path) -> list[Notice]:
    """Channels and sources in the catalogues that nothing refers to."""
    channels, sources = referenced_ids(content, content_dir)
    channels |= linked_channels(render_site(content))
    notices = [
        Notice(
            "unused-channel",
            content_dir / "channels.yml",
            _line_of_id(content_dir / "channels.yml", c.id),
            None,
            f"渠道 {c.id}（{c.name}）只出现在投诉渠道一览里；请在相关页面里用 {{{{channel:{c.id}}}}} 引用，或者删掉",
        )
        for c in content.channels
        if c.id not in channels
    ]
    notices += [
        Notice(
            "unused-source",
            content_dir / "sources.yml",
            _line_of_id(content_dir / "sources.yml", s.id),
            None,
            f"来源 {s.id}（{s.title}）没有页面引用；请写进相关页面的 sources，或者删掉",
        )
        for s in content.sources
        if s.id not in sources
    ]
    return notices


def _home_page_urls(content: Content, content_dir: Path) -> list[Notice]:
    """Sources whose url is a site's home page: the reader cannot find the document from it."""
    path = content_dir / "sources.yml"
    return [
        Notice(
            "home-page-url",
            path,
            _line_of_id(path, s.id),
            "url",
            f"来源 {s.id} 的网址 {s.url} 只是网站首页：请换成文件本身的网址；实在找不到，就在 title 里写明文件名称和文号",
        )
        for s in content.sources
        if not s.id.startswith(WEBSITE_PREFIX) and urlsplit(s.url).path in ("", "/") and not urlsplit(s.url).query
    ]


def _no_keywords(content: Content) -> list[Notice]:
    """Q&As without keywords: readers' own words help search find them."""
    return [
        Notice(
            "no-keywords",
            p.path,
            p.meta.line_of(("keywords",)),
            "keywords",
            "没有常见问法；写几个读者会在搜索框里输入的说法",
        )
        for p in content.pages
        if p.kind == "question" and not p.front.keywords
    ]


def _todo_markers(content_dir: Path) -> list[Notice]:
    """Files still holding 【待填写】: one notice per file, at its first marker."""
    notices = []
    for path in sorted([*content_dir.rglob("*.md"), *content_dir.rglob("*.yml")]):
        try:  # files the loader skips (not in a page folder) may be links or unreadable: no reminder for them
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        lines = [n for n, line in enumerate(text.splitlines(), 1) if TODO in line]
        if lines:
            notices.append(
                Notice(
                    "todo",
                    path,
                    lines[0],
                    None,
                    f"有 {len(lines)} 行还写着{TODO}（第 {'、'.join(map(str, lines))} 行）",
                )
            )
    return notices


def _copy(content_dir: Path) -> list[Notice]:
    """Body lines whose spacing or punctuation autocorrect would change."""
    return [
        Notice("copy", fix.path, fix.line, None, f"建议改成：{fix.after}" if fix.after else "这个文件的排版可以改进")
        for fix in copy_fixes(content_dir)
    ]


def content_report(content: Content, content_dir: Path, today: dt.date | None = None) -> list[Notice]:
    """Every reminder for valid content, in CATEGORIES order."""
    return [
        *_stale(content, today or dt.date.today()),
        *_no_official(content),
        *_unused(content, content_dir),
        *_home_page_urls(content, content_dir),
        *_no_keywords(content),
        *_copy(content_dir),
        *_todo_markers(content_dir),
    ]


def format_report(notices: list[Notice]) -> str:
    """The reminders as text: each category with its count, then one line per notice."""
    lines = [f"提醒（不影响生成网站）：{len(notices)} 条" if notices else "提醒：无"]
    for category, title in CATEGORIES.items():
        found = [n for n in notices if n.category == category]
        lines.append(f"- {title}：{len(found) or '无'}")
        lines += [f"    {n}" for n in found]
    return "\n".join(lines)
