"""Cross-reference checks run after the schema: ids, related pages, topics, references, typed facts."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from pathlib import Path

from faqgen.content.errors import UNKNOWN_REFERENCE, ContentError
from faqgen.content.model import Content, Page
from faqgen.content.text_rules import hidden_characters
from faqgen.render.shortcodes import SHORTCODE, Targets, expand, strip_shortcodes
from faqgen.special_pages import BY_KEY, RESERVED_IDS, SPECIAL_PAGES

# "第 110 条", "第110款": a law's article number, not a hotline typed by hand.
ARTICLE_NUMBER = re.compile(r"第\s*\d+\s*[条款项章节]")
MIN_FACT_LENGTH_TO_LINT = 5  # shorter facts ("5 年") appear naturally in prose
LONGEST_SEARCH_TERM = 4


def _duplicate_ids(content: Content, content_dir: Path) -> list[ContentError]:
    """Each id is unique within its kind: pages (all kinds share one namespace), topics, channels, sources."""
    errors = []
    seen: dict[str, Page] = {}
    for page in content.pages:
        if page.id in seen or page.id in ("channels", "lookup"):
            other = seen.get(page.id)
            where = f"，已被 {other.path.relative_to(content_dir.parent)} 使用" if other else "（保留给投诉渠道页面）"
            errors.append(ContentError(page.path, page.meta.line_of(("id",)), "id", f"id “{page.id}” 重复了{where}"))
        seen.setdefault(page.id, page)
    for name, items in (
        ("topics.yml", content.topics),
        ("channels.yml", content.channels),
        ("sources.yml", content.sources),
    ):
        for item_id, count in Counter(i.id for i in items).items():
            if count > 1:
                errors.append(ContentError(content_dir / name, None, "id", f"id “{item_id}” 出现了 {count} 次"))
    for term, count in Counter(t.term for t in content.glossary).items():
        if count > 1:
            line = content.glossary_lines.get(term)
            errors.append(ContentError(content_dir / "glossary.yml", line, "term", f"术语 “{term}” 出现了 {count} 次"))
    return errors


def _page_references(page: Page, content: Content) -> list[ContentError]:
    """Topic, related pages and sources named in a page's front matter must exist."""
    errors = []
    page_ids = content.pages_by_id
    line = page.meta.line_of
    if page.front.topic not in {t.id for t in content.topics}:
        known = "、".join(t.id for t in content.topics)
        errors.append(
            ContentError(
                page.path,
                line(("topic",)),
                "topic",
                f"没有 “{page.front.topic}” 这个话题，可用：{known}",
                kind=UNKNOWN_REFERENCE,
            )
        )
    for i, rel in enumerate(page.front.related):
        if rel == page.id:
            errors.append(ContentError(page.path, line(("related", i)), f"related[{i}]", "相关问题不能指向本页自己"))
        elif rel not in page_ids:
            errors.append(
                ContentError(
                    page.path,
                    line(("related", i)),
                    f"related[{i}]",
                    f"没有 id 为 “{rel}” 的页面",
                    kind=UNKNOWN_REFERENCE,
                )
            )
    for rel, count in Counter(page.front.related).items():
        if count > 1:
            errors.append(ContentError(page.path, line(("related",)), "related", f"“{rel}” 写了 {count} 次"))
    source_ids = {s.id for s in content.sources}
    for i, ref in enumerate(page.front.source_refs()):
        if ref.id not in source_ids:
            errors.append(
                ContentError(
                    page.path,
                    line(("sources", i)),
                    f"sources[{i}]",
                    f"sources.yml 里没有 “{ref.id}”，请先在来源目录里添加",
                    kind=UNKNOWN_REFERENCE,
                )
            )
    if SHORTCODE.search(page.front.short_answer) or SHORTCODE.search(page.front.title):
        errors.append(
            ContentError(
                page.path, line(("short_answer",)), "short_answer", "标题和简短回答里不能用 {{…}} 引用，请直接写文字"
            )
        )
    return errors


def _body_references(page: Page, targets: Targets) -> list[ContentError]:
    """Every {{…}} reference in the body must resolve."""
    errors: list[ContentError] = []
    expand(
        page.body,
        targets,
        page.src_uri,
        lambda offset, msg, kind: errors.append(ContentError(page.path, page.body_line + offset, "正文", msg, kind)),
    )
    return errors


def typed_facts(text: str, content: Content, allow_numbers: bool = False) -> list[tuple[int, str]]:
    """Hotline numbers and agency names typed by hand, as (line offset, message) pairs.

    They must be references, so one edit in content/ fixes every page.
    """
    problems = []
    numbers = {} if allow_numbers else {c.number: c.id for c in content.channels if c.number}
    long_facts = {fact: key for key, fact in content.facts.items() if len(fact) >= MIN_FACT_LENGTH_TO_LINT}
    text = strip_shortcodes(text)
    # Most pages type none of them: keep only those that occur at all before looking line by line.
    numbers = {number: channel_id for number, channel_id in numbers.items() if number in text}
    long_facts = {fact: key for fact, key in long_facts.items() if fact in text}
    if not numbers and not long_facts:
        return []
    for offset, line in enumerate(text.split("\n")):
        for number, channel_id in numbers.items():
            if re.search(rf"(?<![\d.-]){re.escape(number)}(?![\d-])", ARTICLE_NUMBER.sub("", line)):
                problems.append(
                    (
                        offset,
                        f"直接写了号码 {number}，请改用 {{{{channel:{channel_id}}}}} 或 {{{{channel:{channel_id}.number}}}}",
                    )
                )
        for fact, key in long_facts.items():
            inside_longer = any(fact in longer and longer in line for longer in long_facts if longer != fact)
            if fact in line and not inside_longer:
                problems.append((offset, f"直接写了“{fact}”，请改用 {{{{fact:{key}}}}}"))
    return problems


def _typed_facts(page: Page, content: Content) -> list[ContentError]:
    """Typed hotline numbers and agency names in a page body."""
    return [
        ContentError(page.path, page.body_line + offset, "正文", msg) for offset, msg in typed_facts(page.body, content)
    ]


def _special_pages(content: Content, content_dir: Path) -> list[ContentError]:
    """Ids the generated pages reserve stay free, and the channels they need exist (special_pages.py)."""
    errors = [
        ContentError(
            page.path,
            page.meta.line_of(("id",)),
            "id",
            f"id “{page.id}” 留给生成的页面“{BY_KEY[page.id].title}”，请换一个",
        )
        for page in content.pages
        if page.id in RESERVED_IDS
    ]
    channel_ids = {c.id for c in content.channels}
    reported: set[str] = set()
    for special in SPECIAL_PAGES:
        errors += [
            ContentError(
                content_dir / "channels.yml",
                None,
                "id",
                f"生成的页面“{special.title}”要用 id 为 “{needed}” 的渠道，channels.yml 里没有：请加回来"
                "（改 id 的话，也要改 scripts/faqgen/special_pages.py）",
            )
            for needed in special.channels
            if needed not in channel_ids
        ]
        for needed in special.pages:
            if content.pages and needed not in content.pages_by_id and needed not in reported:
                reported.add(needed)  # a page several generated pages need is named once
                errors.append(
                    ContentError(
                        content_dir / "guides",
                        None,
                        "id",
                        f"生成的页面“{special.title}”要链接 id 为 “{needed}” 的页面，content/ 里没有：文件请保持 "
                        f"guides/{needed}.md、id 保持 {needed}（标题可以改；改 id 的话，也要改 scripts/faqgen/special_pages.py）",
                    )
                )
    return errors


def _data_references(content: Content, content_dir: Path, targets: Targets) -> list[ContentError]:
    """References and typed facts inside channels.yml, and glossary links, must be right."""
    errors: list[ContentError] = []
    for channel in content.channels:
        for field in ("name", "operator", "note", "hours", "handles", "not_handles", "how", "prepare"):
            raw = getattr(channel, field) or ""
            value = "\n".join(raw) if isinstance(raw, list) else raw
            where = f"{channel.id}.{field}"
            expand(
                value,
                targets,
                "channels.md",
                lambda _o, msg, kind, w=where: errors.append(
                    ContentError(content_dir / "channels.yml", None, w, msg, kind)
                ),
            )
            for _offset, msg in typed_facts(value, content, allow_numbers=True):
                errors.append(ContentError(content_dir / "channels.yml", None, where, msg))
    pages = {p.id: p for p in content.pages}
    for term in content.glossary:
        page = pages.get(term.page)
        if page is None:
            errors.append(
                ContentError(
                    content_dir / "glossary.yml",
                    content.glossary_lines.get(term.term),
                    f"{term.term}.page",
                    f"没有 id 为 “{term.page}” 的页面",
                    kind=UNKNOWN_REFERENCE,
                )
            )
        elif not any(
            word in page_text
            for page_text in (page.front.title, page.front.short_answer, page.body)
            for word in (term.term, *term.aliases)
        ):
            errors.append(
                ContentError(
                    content_dir / "glossary.yml",
                    content.glossary_lines.get(term.term),
                    f"{term.term}.page",
                    f"页面 {term.page}（{page.front.title}）里没有出现“{term.term}”或它的别称："
                    "术语表要指向讲清这个词的页面",
                )
            )
    return errors


def _search_dictionary(content: Content, content_dir: Path) -> list[ContentError]:
    """Short terms only, none inside another: a long entry hides its parts from prefix search."""
    errors = []
    words = content.search.dictionary
    for word in words:
        if len(word) > LONGEST_SEARCH_TERM:
            errors.append(
                ContentError(
                    content_dir / "search.yml",
                    None,
                    "dictionary",
                    f"“{word}” 太长：最多 {LONGEST_SEARCH_TERM} 个字，否则搜索其中的词会找不到",
                )
            )
        for other in words:
            if other != word and other in word and not word.startswith(other):
                errors.append(
                    ContentError(
                        content_dir / "search.yml",
                        None,
                        "dictionary",
                        f"“{word}” 包含 “{other}”：搜索 “{other}” 会找不到写着 “{word}” 的页面",
                    )
                )
    return errors


RAW_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*|/[a-zA-Z]|!--)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
SAFE_TARGET = r"(?!https?:|tel:|mailto:|#|\.{0,2}/|[a-z0-9-]+\.md)"
BAD_LINK = re.compile(r"\]\(\s*<?\s*" + SAFE_TARGET + r"([^)\s]*)", re.I)
# Reference-style definitions ("[x]: javascript:…") make links too, also inside quotes and list items.
CONTAINER = r"(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*"
BAD_LINK_DEFINITION = re.compile(
    r"^" + CONTAINER + r"[ \t]*\[[^\]\n]+\]:\s*<?\s*" + SAFE_TARGET + r"(\S*)", re.I | re.M
)
# An image from another host: readers' browsers would contact it, and the offline copy refuses it.
REMOTE_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?\s*(?:https?:)?//", re.I)
# Any single brace outside a {{…}} reference can start a Markdown attribute list ({: onclick=… }).
ATTRIBUTE_LIST = re.compile(r"\{\{[^{}\n]*\}\}|([{}])")
ATTRIBUTE_LIST_MESSAGE = (
    "不能写 {…}（Markdown 属性列表，可以给页面加上会执行的代码）；引用请写成 {{…}}，要显示花括号请放在反引号里"
)


def _unsafe_markup(page: Page) -> list[ContentError]:
    """Bodies are Markdown only: raw HTML and non-web link schemes (javascript:) are rejected."""
    errors = []
    text = CODE.sub(lambda m: " " * len(m.group(0)), page.body)
    for pattern, message in (
        (RAW_HTML, "正文里不能写 HTML 标签，请用 Markdown；如果要显示尖括号，写成 `<` 放在反引号里"),
        (BAD_LINK, "链接只能是 http(s)、tel:、mailto: 或站内页面"),
        (BAD_LINK_DEFINITION, "链接只能是 http(s)、tel:、mailto: 或站内页面"),
        (REMOTE_IMAGE, "图片不能来自其他网站（离线版和隐私要求都不允许）：请把图片放进 docs/assets/ 再引用"),
    ):
        for match in pattern.finditer(text):
            errors.append(ContentError(page.path, page.body_line + text.count("\n", 0, match.start()), "正文", message))
    errors += [
        ContentError(page.path, page.body_line + offset, "正文", message)
        for offset, message in hidden_characters(page.body)
    ]
    lines = {text.count("\n", 0, m.start()) for m in ATTRIBUTE_LIST.finditer(text) if m.group(1)}
    errors += [ContentError(page.path, page.body_line + line, "正文", ATTRIBUTE_LIST_MESSAGE) for line in sorted(lines)]
    return errors


RELATIVE_LINK = re.compile(r"\]\(\s*<?\s*((?:\.{0,2}/)?[^)\s>:#]+?)(?:#[^)\s>]*)?\s*>?\s*\)")


def _site_files(content: Content) -> set[str]:
    """Every file a page can link to relatively: generated pages and what docs/ holds."""
    from faqgen.paths import DOCS_DIR

    files = {page.src_uri for page in content.pages}
    files |= {f"topics/{topic.id}.md" for topic in content.topics}
    files |= {"index.md", "channels.md", "glossary.md", "print.md"} | ({"lookup.md"} if content.routing else set())
    files |= {p.relative_to(DOCS_DIR).as_posix() for p in DOCS_DIR.rglob("*") if p.is_file()}
    return files


def _relative_links(page: Page, site_files: set[str]) -> list[ContentError]:
    """A relative link ("../channels.md") must reach a page: MkDocs would fail later naming a generated file."""
    errors = []
    text = CODE.sub(lambda m: " " * len(m.group(0)), page.body)
    for match in RELATIVE_LINK.finditer(text):
        target = match.group(1)
        if re.match(r"(?:https?|tel|mailto):", target, re.I):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), target))
        if resolved not in site_files:
            errors.append(
                ContentError(
                    page.path,
                    page.body_line + text.count("\n", 0, match.start()),
                    "正文",
                    f"链接 {target} 找不到对应的页面：站内页面请用 {{{{page:页面id}}}} 引用",
                )
            )
    return errors


def validate(content: Content, content_dir: Path) -> list[ContentError]:
    """Run every cross-reference check and return all errors found."""
    site_files = _site_files(content)
    targets = Targets(content)
    errors = _duplicate_ids(content, content_dir)
    for page in content.pages:
        errors += _page_references(page, content)
        errors += _body_references(page, targets)
        errors += _typed_facts(page, content)
        errors += _unsafe_markup(page)
        errors += _relative_links(page, site_files)
        heading = re.search(r"^#\s", page.body, re.M)
        if heading:
            errors.append(
                ContentError(
                    page.path,
                    page.body_line + page.body.count("\n", 0, heading.start()),
                    "正文",
                    "正文里不要写一级标题（# 开头）：标题由 title 字段生成，正文从 ## 开始",
                )
            )
    errors += _special_pages(content, content_dir)
    errors += _data_references(content, content_dir, targets)
    errors += _search_dictionary(content, content_dir)
    errors += _routing_references(content, content_dir, targets)
    return errors


def _routing_references(content: Content, content_dir: Path, targets: Targets) -> list[ContentError]:
    """routing.yml: ids unique, every situation has a rule, channels and lender types exist."""
    routing, meta = content.routing, content.routing_meta
    if routing is None or meta is None:
        return []
    path = content_dir / "routing.yml"
    errors: list[ContentError] = []
    channel_ids = {c.id for c in content.channels}
    lender_ids = [t.id for t in routing.lender_types]
    situation_ids = [s.id for s in routing.situations]
    for name, ids in (("lender_types", lender_ids), ("situations", situation_ids)):
        for item_id, count in Counter(ids).items():
            if count > 1:
                errors.append(
                    ContentError(
                        path,
                        meta.line_of((name, ids.index(item_id), "id")),
                        f"{name}.id",
                        f"id “{item_id}” 出现了 {count} 次",
                    )
                )
    covered = Counter(rule.situation for rule in routing.rules)
    for i, situation in enumerate(routing.situations):
        if covered[situation.id] != 1:
            problem = (
                "没有对应的 rules" if covered[situation.id] == 0 else f"在 rules 里出现了 {covered[situation.id]} 次"
            )
            errors.append(
                ContentError(
                    path, meta.line_of(("situations", i, "id")), "situations", f"情况 “{situation.id}” {problem}"
                )
            )
    for r, rule in enumerate(routing.rules):
        if rule.situation not in situation_ids:
            errors.append(
                ContentError(
                    path,
                    meta.line_of(("rules", r, "situation")),
                    f"rules[{r}].situation",
                    f"没有 id 为 “{rule.situation}” 的情况",
                    kind=UNKNOWN_REFERENCE,
                )
            )
        for s, step in enumerate(rule.steps):
            where = ("rules", r, "steps", s)
            if step.channel not in channel_ids:
                errors.append(
                    ContentError(
                        path,
                        meta.line_of(where + ("channel",)),
                        f"rules[{r}].steps[{s}].channel",
                        f"channels.yml 里没有 “{step.channel}”",
                        kind=UNKNOWN_REFERENCE,
                    )
                )
            for lender in step.lenders or []:
                if lender not in lender_ids:
                    errors.append(
                        ContentError(
                            path,
                            meta.line_of(where + ("lenders",)),
                            f"rules[{r}].steps[{s}].lenders",
                            f"没有 “{lender}” 这个放款机构类型，可用：{'、'.join(lender_ids)}",
                        )
                    )
    texts = [(("lender_types", i, "hint"), t.hint) for i, t in enumerate(routing.lender_types)]
    texts += [
        (("rules", r, "steps", s, "note"), step.note)
        for r, rule in enumerate(routing.rules)
        for s, step in enumerate(rule.steps)
        if step.note
    ]
    for loc, text in texts:
        expand(
            text,
            targets,
            "lookup.md",
            lambda _o, msg, kind, loc=loc, errors=errors: errors.append(
                ContentError(path, meta.line_of(loc), ".".join(map(str, loc)), msg, kind)
            ),
        )
        errors += [
            ContentError(path, meta.line_of(loc), ".".join(map(str, loc)), msg)
            for _o, msg in typed_facts(text, content, allow_numbers=True)
        ]
    return errors
