"""`make new`: write a new Q&A file that is valid as written, with 【待填写】 where the editor must write."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections import Counter
from pathlib import Path

import yaml

from faqgen.content.model import Content
from faqgen.content.schema import ID_PATTERN
from faqgen.special_pages import RESERVED_IDS  # {{page:channels}} etc. mean the generated pages

TODO = "【待填写】"
SUFFIX_LENGTH = 4  # hex digits after the topic: jiebei-3f9a

TEMPLATE = """\
---
# 新问答。把下面所有标着“待填写”的地方换成内容，然后运行 make check（写法见 CONTRIBUTING.md）。
# id 是网址的一部分（/q/{id}/），发布后不要改。
id: {id}
# 标题：读者会怎么问就怎么写，2–60 个字。
{title}
# 话题 id，见 content/topics.yml。
topic: {topic}
# 简短回答：两三句话直接回答问题，再说现在该做的一件事；最多 120 个字，不能用 {{{{…}}}} 引用。
short_answer: {todo}两三句话直接回答问题，并说出读者现在该做的一件事。
# 常见问法：读者在搜索框里会输入的说法，例如 [借呗提前还款, 借呗能提前还吗]。
keywords: []
# 相关问题：最多 3 个页面 id；不写会自动从同一话题里补足。
related: []
# 来源：content/sources.yml 里的 id，官方来源优先；detail 写条款，例如“第十六条”。
# 下面这一条只是占位，请换成真正依据的来源。
sources:
  - id: {source}
    detail: {todo}写明依据的条款
# 最近审核日期：核实过全部内容的那一天（YYYY-MM-DD）。
reviewed: {today}
---

## {todo}为什么（详细说明）

{todo}讲清原因和依据，写明规定的名称和条款。渠道、号码、机构名称和其他页面用引用，不要手写（写法见 CONTRIBUTING.md）。

## 你可以这样做

1. {todo}第一步。
2. {todo}第二步。

## 要注意什么

- {todo}常见骗局或例外情况。
"""


def yaml_field(name: str, value: str) -> str:
    """One `name: value` YAML line, quoted only when the value needs it (a colon, a leading quote …)."""
    return yaml.safe_dump({name: value}, allow_unicode=True, width=10_000).strip()


class NewPageError(ValueError):
    """The question, topic or id cannot be used; the message says why, in Chinese."""


def page_ids(content: Content, content_dir: Path) -> set[str]:
    """Ids already taken: every page of every kind, every file name, and the generated pages' names."""
    taken = {p.id for p in content.pages} | RESERVED_IDS
    taken |= {p.stem for p in content_dir.glob("*/*.md")}
    return taken


def fresh_id(topic: str, taken: set[str]) -> str:
    """A new id: the topic plus a short random suffix (titles are Chinese, so no slug from them)."""
    while True:
        candidate = f"{topic[: 60 - SUFFIX_LENGTH - 1]}-{secrets.token_hex(SUFFIX_LENGTH // 2)}"
        if candidate not in taken:
            return candidate


def default_source(content: Content, topic: str) -> str:
    """A placeholder source: the official source this topic's pages cite most, else any official one."""
    kinds = {s.id: s.kind for s in content.sources}
    cited = Counter(
        r.id
        for p in content.pages
        if p.front.topic == topic
        for r in p.front.source_refs()
        if kinds.get(r.id) == "official"
    )
    if cited:
        return cited.most_common(1)[0][0]
    official = [s.id for s in content.sources if s.kind == "official"] or [s.id for s in content.sources]
    if not official:
        raise NewPageError("content/sources.yml 里还没有来源，请先添加一条")
    return official[0]


def check_request(content: Content, question: str, topic: str, page_id: str | None, taken: set[str]) -> None:
    """Refuse a question, topic or id that would not make a valid page."""
    topics = {t.id for t in content.topics}
    if topic not in topics:
        raise NewPageError(f"没有 “{topic}” 这个话题，可用：{'、'.join(sorted(topics))}")
    if not 2 <= len(question) <= 60:
        raise NewPageError(f"问题要有 2–60 个字，现在有 {len(question)} 个字")
    if "\n" in question or "{{" in question:
        raise NewPageError("问题要写在一行里，也不能用 {{…}} 引用")
    if page_id is not None:
        if not re.fullmatch(ID_PATTERN, page_id) or len(page_id) > 60:
            raise NewPageError(f"id “{page_id}” 不对：只能用小写英文字母、数字和连字符，最多 60 个字符")
        if page_id in taken:
            raise NewPageError(f"id “{page_id}” 已经被使用了，请换一个")


def new_page(
    content: Content,
    content_dir: Path,
    question: str,
    topic: str,
    page_id: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write content/questions/<id>.md for the question and return its path; never overwrites."""
    question, topic = question.strip(), topic.strip()
    taken = page_ids(content, content_dir)
    check_request(content, question, topic, page_id, taken)
    page_id = page_id or fresh_id(topic, taken)
    text = TEMPLATE.format(
        id=page_id,
        title=yaml_field("title", question),
        topic=topic,
        todo=TODO,
        source=default_source(content, topic),
        today=(today or dt.date.today()).isoformat(),
    )
    path = content_dir / "questions" / f"{page_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise NewPageError(f"{path} 已经存在，没有覆盖") from None
    return path
