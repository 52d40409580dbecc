/* 利率换算器: the browser twin of scripts/faqgen/calc/rates.py (tests/browser/test_calculators.py compares them). */
(function () {
  "use strict";

  /** What equal end-of-period payments are worth now at `rate` per period. */
  function presentValue(rate, payment, periods) {
    if (rate === 0) return payment * periods;
    return payment * (1 - Math.pow(1 + rate, -periods)) / rate;
  }

  /** The rate per period at which the payments are worth exactly what was received (bisection). */
  function irrPerPeriod(received, payment, periods) {
    var low = 0, high = 1;
    while (presentValue(high, payment, periods) > received) high *= 2;
    for (var i = 0; i < 200; i++) {
      var middle = (low + high) / 2;
      if (presentValue(middle, payment, periods) > received) low = middle; else high = middle;
    }
    return (low + high) / 2;
  }

  /** Two decimals, trailing zeros dropped: 18.25%, 12%. */
  function percent(value) {
    return value.toFixed(2).replace(/\.?0+$/, "") + "%";
  }

  /** Simple and true annual rates (%) for one set of inputs, or an error message in Chinese. */
  function calculate(mode, rate, periods, received, payment) {
    if (mode === "daily") return rate > 0 ? { simple: rate * 365, trueRate: rate * 365 } : { error: "请填大于 0 的日利率。" };
    if (mode === "monthly") return rate > 0 ? { simple: rate * 12, trueRate: rate * 12 } : { error: "请填大于 0 的月利率。" };
    if (!(periods >= 1) || Math.floor(periods) !== periods) return { error: "期数要是 1 或更大的整数。" };
    if (mode === "fee") {
      if (!(rate >= 0)) return { error: "请填每期手续费率。" };
      var principal = 10000, each = principal / periods + principal * rate / 100;
      return { simple: rate * 12, trueRate: irrPerPeriod(principal, each, periods) * 1200, total: rate * periods };
    }
    if (!(received > 0) || !(payment > 0)) return { error: "请填到手金额和每期还款金额。" };
    if (payment * periods < received) return { error: "还款总额少于到手金额，请检查数字。" };
    return { trueRate: irrPerPeriod(received, payment, periods) * 1200, total: (payment * periods - received) / received * 100 };
  }

  function number(form, name) {
    var text = (form.elements[name].value || "").replace(/[,，%％\s]/g, "");
    return text === "" ? NaN : Number(text);
  }

  function showFields(form) {
    var mode = form.elements.mode.value;
    form.querySelectorAll("[data-for]").forEach(function (field) {
      field.hidden = field.dataset.for.split(" ").indexOf(mode) < 0;
    });
  }

  function render(form) {
    var out = form.querySelector("[data-rate-result]");
    var r = calculate(form.elements.mode.value, number(form, "rate"), number(form, "periods"),
                      number(form, "received"), number(form, "payment"));
    out.textContent = "";
    function line(text, cls) {
      var p = document.createElement("p");
      if (cls) p.className = cls;
      p.textContent = text;
      out.appendChild(p);
    }
    if (r.error) { line(r.error, "rate-calc__error"); return; }
    if (r.simple !== undefined) line("单利年化：" + percent(r.simple));
    line("真实年化（IRR）：" + percent(r.trueRate), "rate-calc__main");
    if (r.total !== undefined) line("利息和费用合计占" + (form.elements.mode.value === "cash" ? "到手金额" : "本金") + "：" + percent(r.total));
    var privateLine = Number(form.dataset.privateLine), illegalLine = Number(form.dataset.illegalLine);
    if (r.trueRate > illegalLine) line("高于 " + percent(illegalLine) + "：放款方没有放贷资质的，这已是非法放贷入罪的条件之一。见下面“和法律标准对照”。", "rate-calc__warn");
    else if (r.trueRate > privateLine) line("高于 " + percent(privateLine) + "（2020 年 8 月 LPR 的 4 倍）：民间借贷超出签约当月 LPR 4 倍的部分，法院不支持。见下面“和法律标准对照”。", "rate-calc__warn");
  }

  function setUp() {
    document.querySelectorAll("[data-rate-calc]").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      form.addEventListener("change", function () { showFields(form); render(form); });
      form.addEventListener("input", function () { render(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); render(form); });
      showFields(form);
      render(form);
    });
  }

  window.faqgenRates = { calculate: calculate, percent: percent };  // for the tests
  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
