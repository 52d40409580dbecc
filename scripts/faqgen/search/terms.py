"""The jieba user dictionary: short domain words that must stay whole in the search index."""

from __future__ import annotations

from faqgen.content.model import Content

# jieba's user-dictionary frequency: high enough to win over the default split (借 / 呗).
WORD_FREQUENCY = 100_000


def user_dictionary(content: Content) -> str:
    """The dictionary file's text, one `word frequency` per line, sorted for stable output."""
    return "".join(f"{word} {WORD_FREQUENCY}\n" for word in sorted(set(content.search.dictionary)))
