"""assets/search-data.json: what the search box needs at query time, from content/search.yml and topics.yml.

Aliases and filler words are applied to the reader's query in the browser (search-on-demand.js), so
editors change them without rebuilding the index; the topic hubs, the lookup and the editors'
contact feed the fallback shown when nothing fits. Each dictionary word and alias phrase also gets
its pinyin as an alias (cuishou → 催收), so a query typed in pinyin is searched as the Chinese word
everywhere on a page, not only where the index holds pinyin (titles and 常见问法).
"""

from __future__ import annotations

import json
import re

from faqgen.content.model import Content
from faqgen.search.pinyin import syllables

DATA_URI = "assets/search-data.json"
ABOUT_URL = "about/"  # where readers tell the editors when the site configures no contact


CHINESE_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}")


def spelling(word: str) -> str:
    """The toneless pinyin of a Chinese word of 2–4 characters ("" for anything else)."""
    return "".join(syllables(word)) if CHINESE_WORD.fullmatch(word) else ""


def with_pinyin(groups: list[list[str]], dictionary: list[str]) -> list[list[str]]:
    """The alias groups, each dictionary word not in one as its own group, all with their words' pinyin added.

    A spelling shared by words of different groups is left out: it would join them.
    """
    grouped = {word for group in groups for word in group}
    groups = [list(group) for group in groups] + [[word] for word in dictionary if word not in grouped]
    owner: dict[str, set[int]] = {}
    for number, group in enumerate(groups):
        for word in group:
            if sound := spelling(word):
                owner.setdefault(sound, set()).add(number)
    for sound, numbers in sorted(owner.items()):
        if len(numbers) == 1:
            groups[next(iter(numbers))].append(sound)
    return [group for group in groups if len(group) > 1]


def search_data(content: Content, contact: str = "") -> str:
    """The JSON text: aliases, filler, danger words, topic hubs (sorted by order), lookup and contact."""
    topics = sorted(content.topics, key=lambda topic: topic.order)
    data = {
        "aliases": with_pinyin([list(group) for group in content.search.aliases], list(content.search.dictionary)),
        "filler": sorted(set(content.search.filler), key=lambda word: (-len(word), word)),
        "danger": list(content.search.danger),
        "topics": [{"name": topic.name, "url": f"topics/{topic.id}/"} for topic in topics],
        "lookup": "lookup/",
        "contact": contact.strip() or ABOUT_URL,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
