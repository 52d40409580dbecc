"""The legal lines the rate calculator compares with are the ones the site's own rates page states."""

from __future__ import annotations

from faqgen.calc.rates import percent
from faqgen.paths import CONTENT_DIR
from faqgen.render.calculators import ILLEGAL_LENDING_LINE, PRIVATE_LENDING_EXAMPLE


def test_lines_match_the_rates_page() -> None:
    text = (CONTENT_DIR / "questions/rates-how-high-is-illegal.md").read_text(encoding="utf-8")
    # 2020-08-20 one-year LPR 3.85 % × 4 = 15.4 %, as the page works it out.
    assert "3.85%" in text and percent(PRIVATE_LENDING_EXAMPLE) in text
    assert abs(3.85 * 4 - PRIVATE_LENDING_EXAMPLE) < 1e-9
    assert f"超过 {percent(ILLEGAL_LENDING_LINE)}" in text
