"""The jieba user dictionary: short domain words that must stay whole in the search index."""

from __future__ import annotations

from pathlib import Path

from faqgen.content.model import Content

# jieba's user-dictionary frequency: high enough to win over the default split (借 / 呗).
WORD_FREQUENCY = 100_000


def user_dictionary(content: Content) -> str:
    """The dictionary file's text, one `word frequency` per line, sorted for stable output."""
    return "".join(f"{word} {WORD_FREQUENCY}\n" for word in sorted(set(content.search.dictionary)))


def write_user_dictionary(content: Content, path: Path) -> Path:
    """Write the dictionary where jieba can read it (only if it changed) and return the path."""
    text = user_dictionary(content)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path
