"""The short "本页内容" list of a long page's sections, shown under the short answer on phones."""

from __future__ import annotations

import re

from pymdownx.slugs import slugify

from faqgen.render.shortcodes import strip_shortcodes

MIN_SECTIONS = 4  # shorter pages fit on a few screens: a list would only push the answer down
SECTION = re.compile(r"^## (?P<text>.+?)(?:\s*\{#(?P<id>[^}\s]+)\})?\s*$", re.MULTILINE)
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
_slug = slugify(case="lower")  # the same function mkdocs.yml gives the toc extension


def sections(body: str) -> list[tuple[str, str]]:
    """(title, anchor) of every level-2 heading in a Markdown body, in order."""
    found: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for match in SECTION.finditer(FENCE.sub("", body)):
        text = MARKUP.sub(lambda m: m.group(1) or "", strip_shortcodes(match["text"])).strip()
        anchor = match["id"] or _slug(text, "-")
        if anchor in seen:  # the toc extension numbers repeated ids: x, x_1, x_2
            seen[anchor] += 1
            anchor = f"{anchor}_{seen[anchor]}"
        else:
            seen[anchor] = 0
        found.append((text, anchor))
    return found


def jump_list(body: str) -> list[tuple[str, str]]:
    """The sections to list, or none when the page has fewer than MIN_SECTIONS."""
    found = sections(body)
    return found if len(found) >= MIN_SECTIONS else []


def split_lead(body: str) -> tuple[str, str]:
    """A body split after a leading admonition (such as the guide's 找谁 card), which stays above the list."""
    lines = body.splitlines()
    if not lines or not lines[0].startswith("!!! "):
        return "", body
    end = 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
        end += 1
    return "\n".join(lines[:end]).strip(), "\n".join(lines[end:]).strip()
