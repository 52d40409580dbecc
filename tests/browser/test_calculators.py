"""Issue 14, 利率换算器: the page's form in Chromium agrees with the tested Python, and works without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest

from faqgen.calc.rates import fee_rates, irr_annual_percent, percent

pytestmark = pytest.mark.browser
RATES = "/calc/rates/"


def result_text(page) -> str:
    """What the result box says."""
    return page.inner_text("[data-rate-result]")


def test_daily_rate_is_converted_and_compared_with_the_legal_line(page, site_url: str) -> None:
    page.goto(site_url + RATES)
    page.fill("#rate-input", "0.05")
    assert "单利年化：18.25%" in result_text(page)  # 0.05 % × 365
    assert "高于 15.4%" in result_text(page)
    page.fill("#rate-input", "0.1")
    assert "真实年化（IRR）：36.5%" in result_text(page) and "非法放贷" in result_text(page)


def test_fee_per_period_gives_the_true_rate(page, site_url: str) -> None:
    page.goto(site_url + RATES)
    page.get_by_label("每期手续费（按借款本金收，分期还本）").check()
    assert page.locator("#periods-input").is_visible() and not page.locator("#received-input").is_visible()
    page.fill("#rate-input", "0.6")
    page.fill("#periods-input", "12")
    text = result_text(page)
    assert "单利年化：7.2%" in text and "真实年化（IRR）：13.03%" in text  # worked by hand in tests/unit/test_rates.py
    for fee, periods in ((1.0, 24), (0.75, 6), (0.35, 36)):  # the JavaScript twin agrees with the Python
        js = page.evaluate(f"faqgenRates.calculate('fee', {fee}, {periods})")
        assert js["trueRate"] == pytest.approx(fee_rates(fee, periods).true_annual, abs=1e-6)


def test_cash_received_and_payment(page, site_url: str) -> None:
    page.goto(site_url + RATES)
    page.get_by_label("我只知道到手多少、每期还多少").check()
    page.fill("#periods-input", "12")
    page.fill("#received-input", "9000")
    page.fill("#payment-input", "888.49")
    assert f"真实年化（IRR）：{percent(irr_annual_percent(9000, 888.49, 12))}" in result_text(page)
    page.fill("#payment-input", "100")
    assert "还款总额少于到手金额" in result_text(page)


def test_table_without_javascript_comes_from_the_python(built_site: Path) -> None:
    html = (built_site / "calc/rates/index.html").read_text(encoding="utf-8")
    assert "<td>0.05%</td>\n<td>18.25%</td>" in html
    row = fee_rates(0.6, 12)
    assert f"<td>0.6%</td>\n<td>12</td>\n<td>7.2%</td>\n<td>7.2%</td>\n<td>{percent(row.true_annual)}</td>" in html
    assert "15.4%" in html and "36%" in html


def test_page_works_without_javascript(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + RATES)
    assert not tab.locator("[data-rate-calc]").is_visible()
    assert tab.locator(".rate-calc__nojs").is_visible()
    assert tab.locator("table").first.is_visible()
    context.close()


def test_copy_letter_as_plain_text(browser, site_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, permissions=["clipboard-read", "clipboard-write"]
    )
    tab = context.new_page()
    tab.goto(f"{site_url}/tools/repayment-negotiation-letter/")
    tab.get_by_role("button", name="复制全文").click()
    tab.get_by_text("已复制").wait_for()
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.startswith("协商还款申请书")
    assert "致：【放款机构全称】" in copied and "申请人（签名）：＿＿＿＿＿＿＿＿" in copied
    assert "每月还款金额\t【金额】元" in copied  # table cells stay apart
    assert "文件正文" not in copied and "<" not in copied
