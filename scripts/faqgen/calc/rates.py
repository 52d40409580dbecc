"""利率换算: daily and monthly rates, and per-period fees, turned into annual rates (issue 14).

Two annual rates, because lenders quote the flattering one:
- the simple annual rate (APR): the quoted rate times the periods in a year;
- the true annual rate of an equal-instalment loan: the internal rate of return (IRR) of the money
  received and the instalments paid, per period, times the periods in a year. A fee charged every
  month on the original principal costs almost twice its simple rate, because the principal owed
  shrinks while the fee does not.

docs/assets/rate-calc.js is the browser twin of these functions; tests/browser checks they agree.
"""

from __future__ import annotations

from dataclasses import dataclass

DAYS_PER_YEAR = 365
MONTHS_PER_YEAR = 12


def annual_from_daily(daily_percent: float) -> float:
    """Simple annual rate (%) of a daily rate (%) charged on what is still owed: × 365."""
    return daily_percent * DAYS_PER_YEAR


def annual_from_monthly(monthly_percent: float) -> float:
    """Simple annual rate (%) of a monthly rate (%): × 12."""
    return monthly_percent * MONTHS_PER_YEAR


def instalment(principal: float, fee_percent: float, periods: int) -> float:
    """Each equal instalment when a fee per period is charged on the original principal (等本等息)."""
    return principal / periods + principal * fee_percent / 100


def present_value(rate: float, payment: float, periods: int) -> float:
    """What `periods` equal payments at the end of each period are worth now at `rate` per period."""
    if rate == 0:
        return payment * periods
    return payment * (1 - (1 + rate) ** -periods) / rate


def irr_per_period(received: float, payment: float, periods: int) -> float:
    """The rate per period at which the instalments are worth exactly the money received (bisection).

    Bisection, not Newton: it cannot diverge, and 200 halvings pin the rate far below a cent.
    """
    if received <= 0 or payment <= 0 or periods < 1:
        raise ValueError("到手金额、每期还款和期数都要大于 0")
    if payment * periods < received:
        raise ValueError("还款总额少于到手金额")
    low, high = 0.0, 1.0
    while present_value(high, payment, periods) > received:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if present_value(middle, payment, periods) > received:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def irr_annual_percent(received: float, payment: float, periods: int, per_year: int = MONTHS_PER_YEAR) -> float:
    """True annual rate (%) of equal instalments: the IRR per period × periods in a year."""
    return irr_per_period(received, payment, periods) * per_year * 100


@dataclass(frozen=True)
class FeeResult:
    """A per-period fee on the original principal, expressed both ways."""

    fee_percent: float
    periods: int
    simple_annual: float  # %
    true_annual: float  # % (IRR × 12)
    total_fee_percent: float  # all fees as a share of the principal, %


def fee_rates(fee_percent: float, periods: int, principal: float = 10_000) -> FeeResult:
    """Simple and true annual rates of a monthly fee (%) charged on the original principal for `periods` months."""
    payment = instalment(principal, fee_percent, periods)
    return FeeResult(
        fee_percent=fee_percent,
        periods=periods,
        simple_annual=annual_from_monthly(fee_percent),
        true_annual=irr_annual_percent(principal, payment, periods),
        total_fee_percent=fee_percent * periods,
    )


COMMON_DAILY = (0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1)  # % per day, as lenders quote them
COMMON_FEES = (0.5, 0.6, 0.75, 0.8, 1.0)  # % per month on the original principal
COMMON_PERIODS = (6, 12, 24)


def daily_table() -> list[tuple[float, float]]:
    """(daily %, simple annual %) for the common daily rates."""
    return [(d, annual_from_daily(d)) for d in COMMON_DAILY]


def fee_table() -> list[FeeResult]:
    """Every common fee × number of periods."""
    return [fee_rates(f, n) for f in COMMON_FEES for n in COMMON_PERIODS]


def percent(value: float) -> str:
    """A rate as the site prints it: two decimals, trailing zeros dropped (18.25%, 12%)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"
