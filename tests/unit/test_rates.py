"""利率换算 (issue 14) against worked examples computed here by hand, not by the code under test."""

from __future__ import annotations

import pytest

from faqgen.calc.rates import (
    annual_from_daily,
    annual_from_monthly,
    fee_rates,
    fee_table,
    instalment,
    irr_annual_percent,
    percent,
)


def test_daily_and_monthly_rates_to_simple_annual() -> None:
    assert annual_from_daily(0.05) == pytest.approx(18.25)  # 0.05 % × 365 = 18.25 %
    assert annual_from_daily(0.1) == pytest.approx(36.5)  # 0.1 % × 365
    assert annual_from_monthly(1.5) == pytest.approx(18.0)  # 1.5 % × 12


def test_instalment_with_fee_on_original_principal() -> None:
    # 12,000 yuan over 12 months at 0.6 % a month: 1,000 principal + 72 fee = 1,072 a month.
    assert instalment(12_000, 0.6, 12) == pytest.approx(1_072)


def test_true_rate_of_an_ordinary_annuity_is_its_own_rate() -> None:
    # A loan of 10,000 at exactly 1 % a month over 12 months (declining balance):
    # payment = 10000 × 0.01 / (1 − 1.01^−12); 1.01^12 = 1.12682503, so 1.01^−12 = 0.88744923,
    # payment = 100 / 0.11255077 = 888.4879 yuan. The IRR of that must be 1 % a month = 12 % a year.
    payment = 10_000 * 0.01 / (1 - 1.01**-12)
    assert payment == pytest.approx(888.4879, abs=1e-4)
    assert irr_annual_percent(10_000, payment, 12) == pytest.approx(12.0, abs=1e-6)


def test_fee_of_0_6_percent_a_month_over_12_months() -> None:
    # Worked by hand: payment 1,072 on 12,000. Try r = 1.086 % a month: 1.01086^12 = 1.138393,
    # annuity factor = (1 − 1/1.138393) / 0.01086 = (1 − 0.878430) / 0.01086 = 11.19416, and
    # 1,072 × 11.19416 = 12,000.1 — just above 12,000. At r = 1.09 %: 1.0109^12 = 1.138933, factor
    # = (1 − 0.878014) / 0.0109 = 11.19134, × 1,072 = 11,997.1. So r ≈ 1.0862 %, × 12 ≈ 13.03 %:
    # a fee that looks like 7.2 % a year really costs about 13 %.
    result = fee_rates(0.6, 12)
    assert result.simple_annual == pytest.approx(7.2)
    assert result.total_fee_percent == pytest.approx(7.2)
    assert result.true_annual == pytest.approx(13.03, abs=0.01)


def test_fee_of_1_percent_a_month_over_24_months() -> None:
    # Payment on 24,000: 1,000 + 240 = 1,240. At r = 1.788 % a month: 1.01788^24 = e^(24 × 0.0177220)
    # = e^0.425329 = 1.530064; factor = (1 − 0.653568) / 0.01788 = 19.37539; 1,240 × 19.37539 = 24,025.5.
    # At r = 1.8 %: 1.018^24 = 1.534348; factor = (1 − 0.651743) / 0.018 = 19.34762; × 1,240 = 23,991.0.
    # Interpolating, r ≈ 1.788 + 0.012 × 25.5 / 34.5 = 1.7969 %; × 12 ≈ 21.56 % (simple: 12 %).
    result = fee_rates(1.0, 24)
    assert result.simple_annual == pytest.approx(12.0)
    assert result.true_annual == pytest.approx(21.56, abs=0.02)


def test_money_received_below_the_contract_raises_the_true_rate() -> None:
    # 砍头息: the contract says 10,000 over 12 months at 1 % a month (888.49 a month, see above), but
    # only 9,000 arrived. Paying 888.49 for 9,000 costs more than 12 %: at r = 2.9 % a month the 12
    # payments are worth 888.49 × (1 − 1.029^−12) / 0.029 = 888.49 × 9.99370 = 8,879.3 (< 9,000), and
    # at r = 2.6 % they are worth 888.49 × 10.20017 = 9,062.7 (> 9,000): the rate lies between.
    payment = 10_000 * 0.01 / (1 - 1.01**-12)
    annual = irr_annual_percent(9_000, payment, 12)
    assert 2.6 * 12 < annual < 2.9 * 12


def test_bad_inputs_are_refused_in_chinese() -> None:
    with pytest.raises(ValueError, match="大于 0"):
        irr_annual_percent(0, 100, 12)
    with pytest.raises(ValueError, match="少于"):
        irr_annual_percent(10_000, 100, 12)


def test_table_and_printing() -> None:
    assert len(fee_table()) == 15
    assert percent(18.25) == "18.25%" and percent(12.0) == "12%" and percent(7.2) == "7.2%"
