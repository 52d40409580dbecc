"""Issue 14, 我的欠款清单: add debts, see the monthly burden against income, in the advised order; local only."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
DEBTS = "/calc/debts/"


def add_debt(page, lender: str, kind: str, balance: str, monthly: str, rate: str = "", overdue: str = "") -> None:
    """Fill in one debt and add it, as a reader would."""
    page.fill("#debt-lender", lender)
    page.select_option("#debt-kind", kind)
    page.fill("#debt-balance", balance)
    page.fill("#debt-monthly", monthly)
    page.fill("#debt-rate", rate)
    page.fill("#debt-overdue", overdue)
    page.get_by_role("button", name="加入清单").click()


def test_totals_order_storage_and_clearing(page, site_url: str) -> None:
    requests: list[str] = []
    page.goto(site_url + DEBTS)
    page.on("request", lambda r: requests.append(f"{r.method} {r.url} {r.post_data or ''}"))
    assert not page.locator("[data-debts-sheet]").is_visible()
    page.fill("#debts-income", "6000")
    page.fill("#debts-expenses", "3500")
    add_debt(page, "某某网络小贷 App", "unlicensed", "3000", "900", overdue="20")
    add_debt(page, "某某消费金融有限公司", "licensed", "12000", "1072", rate="13.03", overdue="30")
    add_debt(page, "某某银行（房贷）", "secured", "300000", "1800")
    add_debt(page, "某某小额贷款有限公司", "sued", "8000", "500", overdue="200")

    # Order of negotiation-where-to-start step 4: secured, sued, licensed, unlicensed.
    names = page.locator("[data-debts-list] > li strong").all_inner_texts()
    assert names == ["某某银行（房贷）", "某某小额贷款有限公司", "某某消费金融有限公司", "某某网络小贷 App"]
    totals = page.inner_text("[data-debts-totals]")
    # 1800 + 500 + 1072 + 900 = 4272 a month; 6000 − 3500 = 2500 available; short by 1772.
    assert "每月应还合计：4,272 元" in totals
    assert "每月能拿出来还款：2,500 元" in totals and "每月差 1,772 元" in totals
    assert "欠款合计：323,000 元，共 4 笔" in totals
    assert "不要继续交“展期费”" in page.locator("[data-debts-list] > li").nth(3).inner_text()

    page.reload()  # kept on the device
    assert page.locator("[data-debts-list] > li").count() == 4
    assert page.input_value("#debts-income") == "6000"
    # Nothing entered leaves the page: only GETs of site files, none carrying what was typed.
    assert all(r.startswith("GET ") for r in requests), requests
    assert not [r for r in requests if "6000" in r or "%E6%9F%90" in r or "某某" in r], requests

    page.locator("[data-debts-list] > li").nth(0).get_by_role("button").click()  # delete one
    assert page.locator("[data-debts-list] > li").count() == 3
    assert "每月应还合计：2,472 元" in page.inner_text("[data-debts-totals]")

    page.get_by_role("button", name="全部清除").click()  # one tap
    assert page.evaluate("localStorage.getItem('jdwq.debts')") is None
    assert not page.locator("[data-debts-sheet]").is_visible()
    assert page.input_value("#debts-income") == ""
    page.reload()
    assert page.locator("[data-debts-list] > li").count() == 0


def test_missing_fields_are_explained(page, site_url: str) -> None:
    page.goto(site_url + DEBTS)
    add_debt(page, "", "licensed", "", "")
    assert "请至少填放款机构" in page.inner_text("[data-debts-message]")
    assert page.evaluate("localStorage.getItem('jdwq.debts')") is None


def test_prints_the_ordered_list_without_the_form(page, site_url: str) -> None:
    page.goto(site_url + DEBTS)
    add_debt(page, "某某银行", "licensed", "1000", "100")
    assert page.get_by_role("button", name="打印清单").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("[data-debts]").is_visible()
    assert page.locator("[data-debts-list] > li").first.is_visible()
