"""`make bench`'s synthetic Q&As pass the project's own validation, at any size and seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from faqgen.bench.content import make_content
from faqgen.content.pipeline import load_valid_content
from faqgen.paths import CONTENT_DIR


@pytest.mark.parametrize("seed", [6])
def test_synthetic_pages_are_valid_content(tmp_path: Path, seed: int) -> None:
    # 10,000 pages once failed validation: two very short short-answer sentences made one under 10 字.
    ids = make_content(CONTENT_DIR, tmp_path / "content", 2500, seed=seed)
    content = load_valid_content(tmp_path / "content")  # raises ContentErrors naming file and line
    assert set(ids) <= set(content.pages_by_id)
    answers = [content.pages_by_id[i].front.short_answer for i in ids]
    assert min(len(a) for a in answers) >= 10
