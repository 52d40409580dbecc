"""Synthetic Q&As for `make bench`: valid content files made by recombining sentences of the real pages."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from faqgen.content.loader import load_or_raise
from faqgen.content.model import Content

ID_PREFIX = "bench-"
NEWEST_REVIEW = dt.date(2026, 11, 1)  # reviewed dates fall in the 330 days before this (never in the future)
SENTENCE = re.compile(r"[^。！？]+[。！？]")
CJK = re.compile(r"[\u4e00-\u9fff]")
SITUATIONS = [
    "逾期三天",
    "额度突然没了",
    "被催收打电话给家人",
    "还不上了",
    "想提前还款",
    "利息太高",
    "被冒充客服诈骗",
    "上了征信",
    "想注销",
    "扣款失败",
    "收到律师函",
    "被起诉",
    "想协商分期",
    "显示系统维护",
    "被拉黑",
    "多扣了钱",
    "忘了还款日",
    "借款被拒",
    "要求上门",
    "被爆通讯录",
]
ASKS = ["怎么办", "会怎样", "会上征信吗", "该找谁投诉", "能协商吗", "要注意什么", "是真的吗", "怎么查"]
DETAILS = ["第十条", "第十七条", "第二十五条", "第六十八条", "第一千零三十二条"]


@dataclass(frozen=True)
class Pools:
    """What synthetic pages are made from: real sentences, headings, short answers and keywords."""

    sentences: list[str]
    headings: list[str]
    answers: list[str]
    keywords: list[str]
    topics: list[str]
    subjects: dict[str, list[str]]
    sources: list[str]


def _body_sentences(body: str) -> list[str]:
    """Whole sentences from a body's paragraphs and list items (no tables, headings or markup blocks)."""
    out = []
    for line in body.splitlines():
        text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line).replace("**", "").strip()
        if not text or line.startswith((" ", "\t", "|", "#", "!", "?", "{{diagram", "```", ">")):
            continue
        text = re.sub(r"；$", "。", text)
        for sentence in SENTENCE.findall(text):
            sentence = sentence.strip()
            if len(CJK.findall(sentence)) >= 8 and "[" not in sentence and "](" not in sentence:
                out.append(sentence)
    return out


def pools(content: Content) -> Pools:
    """Collect the material synthetic pages are recombined from."""
    texts = [p for p in content.pages if p.kind != "tool"]
    sentences = [s for p in texts for s in _body_sentences(p.body)]
    headings = sorted({m for p in texts for m in re.findall(r"^## +([^{}\n]+?)\s*$", p.body, re.M)})
    # Sentences of 8 字 or more: two of them always make a valid short answer (the real pages now have
    # short ones such as 会。, and two of those failed validation at N = 10,000).
    answers = [
        s.strip()
        for p in texts
        for s in SENTENCE.findall(p.front.short_answer)
        if len(s.strip()) <= 60 and len(CJK.findall(s)) >= 8
    ]
    words = {k for p in texts for k in p.front.keywords if CJK.search(k)} | set(content.search.dictionary)
    subjects = {t.id: [w for w in re.split(r"[与和]", t.name) if w] for t in content.topics}
    return Pools(
        sentences,
        headings,
        answers,
        sorted(words),
        sorted(t.id for t in content.topics),
        subjects,
        sorted(s.id for s in content.sources),
    )


def _section(rng: random.Random, pool: Pools) -> tuple[str, int]:
    """One section body: a paragraph or a list of recombined sentences, with its length in 字."""
    sentences = rng.sample(pool.sentences, rng.randint(3, 5))
    if rng.random() < 0.4:
        marker = rng.choice(["-", "1."])
        lines = [f"{marker if marker == '-' else f'{i}.'} {s}" for i, s in enumerate(sentences, 1)]
        text = "\n".join(lines)
    else:
        text = "".join(sentences[:2]) + "\n\n" + "".join(sentences[2:])
    return text, len(CJK.findall(text))


def synthetic_page(index: int, ids: list[str], rng: random.Random, pool: Pools) -> str:
    """The text of one valid synthetic Q&A file (~600 字 of body)."""
    page_id = ids[index]
    topic = rng.choice(pool.topics)
    title = rng.choice(pool.subjects[topic]) + rng.choice(SITUATIONS) + rng.choice(ASKS)
    answer = "".join(rng.sample(pool.answers, 2))[:120]
    others = [i for i in rng.sample(ids, min(len(ids), 4)) if i != page_id][: rng.randint(1, 3)]
    sources: list[object] = []
    for source in rng.sample(pool.sources, rng.randint(1, 4)):
        sources.append({"id": source, "detail": rng.choice(DETAILS)} if rng.random() < 0.3 else source)
    reviewed = min(NEWEST_REVIEW, dt.date.today()) - dt.timedelta(days=rng.randint(0, 330))
    front = {
        "id": page_id,
        "title": title,
        "topic": topic,
        "short_answer": answer,
        "keywords": rng.sample(pool.keywords, rng.randint(4, 8)),
        "related": others,
        "sources": sources,
        "reviewed": reviewed.isoformat(),
    }
    sections, length, target = [], 0, rng.randint(540, 680)
    for heading in rng.sample(pool.headings, min(8, len(pool.headings))):
        text, chars = _section(rng, pool)
        sections.append(f"## {heading}\n\n{text}\n")
        length += chars
        if length >= target:
            break
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n\n" + "\n".join(sections)


def make_content(real: Path, target: Path, n: int, seed: int = 6) -> list[str]:
    """Copy the real content folder to target and add n synthetic Q&As; return their ids."""
    shutil.copytree(real, target)
    pool = pools(load_or_raise(real))
    rng = random.Random(seed)
    ids = [f"{ID_PREFIX}{i:05d}" for i in range(1, n + 1)]
    for index, page_id in enumerate(ids):
        (target / "questions" / f"{page_id}.md").write_text(synthetic_page(index, ids, rng, pool), encoding="utf-8")
    return ids


def search_queries(real: Path, count: int = 20, seed: int = 6) -> list[str]:
    """Queries drawn from the real keywords and search dictionary, the commonest words first."""
    pool = pools(load_or_raise(real))
    head = [w for w in ("借呗", "征信", "催收", "还款日") if w in pool.keywords]
    rest = [w for w in pool.keywords if w not in head]
    return (head + random.Random(seed).sample(rest, max(0, min(len(rest), count - len(head)))))[:count]
