"""assets/search-data.json: what the search box needs at query time, from content/search.yml and topics.yml.

Aliases and filler words are applied to the reader's query in the browser (search-on-demand.js), so
editors change them without rebuilding the index; the topic hubs, the lookup and the editors'
contact feed the fallback shown when nothing fits.
"""

from __future__ import annotations

import json

from faqgen.content.model import Content

DATA_URI = "assets/search-data.json"
ABOUT_URL = "about/"  # where readers tell the editors when the site configures no contact


def search_data(content: Content, contact: str = "") -> str:
    """The JSON text: aliases, filler, danger words, topic hubs (sorted by order), lookup and contact."""
    topics = sorted(content.topics, key=lambda topic: topic.order)
    data = {
        "aliases": [list(group) for group in content.search.aliases],
        "filler": sorted(set(content.search.filler), key=lambda word: (-len(word), word)),
        "danger": list(content.search.danger),
        "topics": [{"name": topic.name, "url": f"topics/{topic.id}/"} for topic in topics],
        "lookup": "lookup/",
        "contact": contact.strip() or ABOUT_URL,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
