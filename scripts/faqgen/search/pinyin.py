"""Toneless pinyin for search, from pypinyin, read the way this site's words are read.

pypinyin reads 还 as hái (still) unless a phrase it knows says otherwise, and its phrase list
even has 还款 as hái kuǎn. On a site about debts 还 nearly always means huán (repay), so that is
its reading here; the common phrases where it means "still" keep hái.
"""

from __future__ import annotations

import functools

SITE_READINGS = {"还": "huán,hái"}  # first reading wins where no known phrase decides
SITE_PHRASES = {
    "还款": [["huán"], ["kuǎn"]],
    **{
        f"还{c}": [["hái"], [r]]
        for c, r in {"有": "yǒu", "要": "yào", "没": "méi", "在": "zài", "会": "huì", "能": "néng"}.items()
    },
}


@functools.cache
def _readings_loaded() -> bool:
    """Teach pypinyin the site's readings once per process."""
    from pypinyin import load_phrases_dict, load_single_dict

    load_single_dict({ord(char): readings for char, readings in SITE_READINGS.items()})
    load_phrases_dict(SITE_PHRASES)
    return True


def syllables(text: str) -> list[str]:
    """One toneless syllable per Chinese character of text (其他字符 pass through as pypinyin gives them)."""
    from pypinyin import lazy_pinyin

    _readings_loaded()
    return lazy_pinyin(text)
