"""Chinese copy lint for page bodies: spaces and punctuation between Chinese, Latin letters and digits.

Uses autocorrect-py (the Python binding of huacnlee/autocorrect). Only the Markdown body is
checked: front matter is YAML, where a Chinese comma would turn a list into one string.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import autocorrect_py

FRONT_MATTER = "---\n"


@dataclass(frozen=True)
class CopyFix:
    """One body line autocorrect would change: where it is, and how it would read."""

    path: Path
    line: int
    before: str
    after: str


def _split(text: str) -> tuple[str, str]:
    """The front matter block (with its fences) and the body; no front matter gives ("", text)."""
    if not text.startswith(FRONT_MATTER) or text.count(FRONT_MATTER) < 2:
        return "", text
    end = text.index(FRONT_MATTER, len(FRONT_MATTER)) + len(FRONT_MATTER)
    return text[:end], text[end:]


def body_fixes(path: Path) -> list[CopyFix]:
    """The lines of one page body that autocorrect would change, with file line numbers."""
    head, body = _split(path.read_text(encoding="utf-8"))
    fixed = autocorrect_py.format_for(body, "markdown")
    if fixed == body:
        return []
    offset = head.count("\n")
    before, after = body.splitlines(), fixed.splitlines()
    if len(before) != len(after):  # autocorrect keeps lines; if not, report the file once
        return [CopyFix(path, offset + 1, "", "")]
    return [CopyFix(path, offset + n, b, a) for n, (b, a) in enumerate(zip(before, after, strict=True), 1) if b != a]


def copy_fixes(content_dir: Path) -> list[CopyFix]:
    """Every body line in content/ that autocorrect would change."""
    return [fix for path in sorted(content_dir.rglob("*.md")) for fix in body_fixes(path)]


def fix_copy(content_dir: Path) -> list[Path]:
    """Rewrite page bodies the way autocorrect formats them (front matter untouched); the files changed."""
    changed = []
    for path in sorted(content_dir.rglob("*.md")):
        head, body = _split(path.read_text(encoding="utf-8"))
        fixed = autocorrect_py.format_for(body, "markdown")
        if fixed != body:
            path.write_text(head + fixed, encoding="utf-8")
            changed.append(path)
    return changed
