"""Content errors: where (file, line, field) and what is wrong, in words an editor understands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from faqgen.paths import PROJECT_ROOT

INVALID = "invalid"  # the file itself is wrong
UNKNOWN_REFERENCE = "unknown-reference"  # names an id that no file defines (noise when another file failed to load)


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem found in one content file; kind says what sort (INVALID, UNKNOWN_REFERENCE)."""

    path: Path
    line: int | None
    field: str | None
    message: str
    kind: str = field(default=INVALID, compare=False)

    def __str__(self) -> str:
        """Format as `content/x.md:5: 字段 title：message` for terminals and logs."""
        try:
            shown = self.path.resolve().relative_to(PROJECT_ROOT)
        except (ValueError, RuntimeError, OSError):  # outside the project, or a link loop (RuntimeError)
            shown = self.path
        where = f"{shown}:{self.line}" if self.line else f"{shown}"
        field = f" 字段 {self.field}：" if self.field else " "
        return f"{where}:{field}{self.message}"


class ContentErrors(Exception):
    """Raised when content has errors; carries every error of the run, not just the first."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (str(e.path), e.line or 0, e.field or ""))
        super().__init__(self.report())

    def report(self) -> str:
        """Return the full, numbered list of errors with a summary line."""
        lines = [f"内容有 {len(self.errors)} 处错误，网站没有生成（原有的 site/ 保持不变）："]
        lines += [f"  {i}. {e}" for i, e in enumerate(self.errors, 1)]
        return "\n".join(lines)
