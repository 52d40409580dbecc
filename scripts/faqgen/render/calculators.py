"""The 利率换算器 and 我的欠款清单 pages: forms the browser fills in (docs/assets/rate-calc.js, debts.js)."""

from __future__ import annotations

from jinja2 import Environment

from faqgen.calc.rates import COMMON_PERIODS, daily_table, fee_table, percent
from faqgen.content.model import Content
from faqgen.render.shortcodes import Targets
from faqgen.special_pages import DEBTS, RATES

# The legal lines the result is compared with, as content/questions/rates-how-high-is-illegal.md
# states them (tests/unit/test_calculators.py checks that page still says these numbers).
PRIVATE_LENDING_EXAMPLE = 15.4  # 4 × the one-year LPR of 2020-08-20 (3.85 %), the page's own example
ILLEGAL_LENDING_LINE = 36.0  # 非法放贷 opinion (2019): one of the conditions for the crime


def render_rates(content: Content, env: Environment, targets: Targets) -> tuple[str, str]:
    """(docs path, Markdown) of the rate calculator page."""
    from faqgen.render.pages import DISCLAIMER, _finish, front_matter, latest_review, reviewed_line

    fees = fee_table()
    markdown = env.get_template("rates.md.j2").render(
        front_matter=front_matter(**RATES.front()),
        title=RATES.title,
        reviewed=reviewed_line(latest_review(p for p in content.pages if p.id == "rates-how-high-is-illegal")),
        daily=[(percent(d), percent(a)) for d, a in daily_table()],
        periods=COMMON_PERIODS,
        fees=[
            (
                percent(f.fee_percent),
                f.periods,
                percent(f.total_fee_percent),
                percent(f.simple_annual),
                percent(f.true_annual),
            )
            for f in fees
        ],
        private_line=PRIVATE_LENDING_EXAMPLE,
        illegal_line=ILLEGAL_LENDING_LINE,
        disclaimer=DISCLAIMER,
    )
    return RATES.uri, _finish(RATES.uri, markdown, targets)


# The order content/questions/negotiation-where-to-start.md advises (step 4), then what is not yet known.
DEBT_KINDS = (
    ("secured", "有抵押的借款（房贷、车贷）"),
    ("sued", "已经被起诉或已有判决"),
    ("licensed", "持牌机构（银行、消费金融公司、小额贷款公司等）"),
    ("unlicensed", "没有放贷资质的 App"),
    ("unknown", "还不清楚放款机构是谁"),
)


def render_debts(content: Content, env: Environment, targets: Targets) -> tuple[str, str]:
    """(docs path, Markdown) of the debt worksheet."""
    from faqgen.render.pages import DISCLAIMER, _finish, front_matter

    markdown = env.get_template("debts.md.j2").render(
        front_matter=front_matter(**DEBTS.front()),
        title=DEBTS.title,
        kinds=DEBT_KINDS,
        disclaimer=DISCLAIMER,
    )
    return DEBTS.uri, _finish(DEBTS.uri, markdown, targets)
