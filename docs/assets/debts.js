/* 我的欠款清单: kept in this browser's localStorage only (nothing is sent anywhere); printed by the browser. */
(function () {
  "use strict";

  var KEY = "jdwq.debts";
  // The order of content/questions/negotiation-where-to-start.md, step 4 (same as faqgen/render/calculators.py).
  var ORDER = ["secured", "sued", "licensed", "unlicensed", "unknown"];
  var NOTES = {
    unlicensed: "不要继续交“展期费”“续期费”。",
    unknown: "先在借款合同里查清放款机构的全称。"
  };

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(KEY) || "null");
      if (saved && Array.isArray(saved.debts)) return saved;
    } catch (e) { /* unreadable: start empty */ }
    return { income: "", expenses: "", debts: [] };
  }

  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); return true; } catch (e) { return false; }
  }

  function amount(text) {
    var clean = String(text || "").replace(/[,，\s元%％]/g, "");
    return clean === "" ? NaN : Number(clean);
  }

  /** Debts in the advised order; within one kind, in the order they were added. */
  function orderDebts(debts) {
    return debts.map(function (d, i) { return { debt: d, index: i }; }).sort(function (a, b) {
      var ka = ORDER.indexOf(a.debt.kind), kb = ORDER.indexOf(b.debt.kind);
      return (ka < 0 ? ORDER.length : ka) - (kb < 0 ? ORDER.length : kb) || a.index - b.index;
    }).map(function (x) { return x.debt; });
  }

  /** Monthly burden against what is left of income after necessary spending. */
  function totals(state) {
    var monthly = 0, balance = 0;
    state.debts.forEach(function (d) { monthly += d.monthly || 0; balance += d.balance || 0; });
    var income = amount(state.income), expenses = amount(state.expenses);
    var available = isNaN(income) ? NaN : income - (isNaN(expenses) ? 0 : expenses);
    return { monthly: monthly, balance: balance, available: available, gap: isNaN(available) ? NaN : available - monthly };
  }

  function yuan(n) {
    return n.toLocaleString("zh-CN", { maximumFractionDigits: 2 }) + " 元";
  }

  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }

  function render(root, state) {
    var sheet = root.querySelector("[data-debts-sheet]");
    var list = root.querySelector("[data-debts-list]");
    var box = root.querySelector("[data-debts-totals]");
    var labels = {};
    root.querySelectorAll("#debt-kind option").forEach(function (o) { labels[o.value] = o.textContent; });
    list.textContent = "";
    box.textContent = "";
    sheet.hidden = state.debts.length === 0;
    var sum = totals(state);
    box.appendChild(text("p", "欠款合计：" + yuan(sum.balance) + "，共 " + state.debts.length + " 笔"));
    box.appendChild(text("p", "每月应还合计：" + yuan(sum.monthly), "debts-totals__main"));
    if (!isNaN(sum.available)) {
      box.appendChild(text("p", "每月能拿出来还款：" + yuan(sum.available)));
      box.appendChild(sum.gap >= 0
        ? text("p", "够还：每月还剩 " + yuan(sum.gap) + "。")
        : text("p", "不够还：每月差 " + yuan(-sum.gap) + "。和放款机构协商时，说出你每月能还的数。", "debts-totals__short"));
    }
    orderDebts(state.debts).forEach(function (d) {
      var item = document.createElement("li");
      item.appendChild(text("strong", d.lender || "（未填机构名）"));
      item.appendChild(text("span", "（" + (labels[d.kind] || labels.unknown) + "）"));
      var facts = ["欠 " + yuan(d.balance || 0), "每月还 " + yuan(d.monthly || 0)];
      if (d.rate !== null && d.rate !== undefined && !isNaN(d.rate)) facts.push("年化 " + d.rate + "%");
      if (d.overdue) facts.push("已逾期 " + d.overdue + " 天");
      item.appendChild(text("p", facts.join("，") + "。" + (NOTES[d.kind] || "")));
      var remove = text("button", "删除这一笔", "md-button debts-remove");
      remove.type = "button";
      remove.setAttribute("aria-label", "删除 " + (d.lender || "这一笔"));
      remove.addEventListener("click", function () {
        state.debts.splice(state.debts.indexOf(d), 1);
        save(state);
        render(root, state);
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function setUp() {
    document.querySelectorAll("[data-debts]").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      var root = form.parentNode;
      var state = load();
      var message = form.querySelector("[data-debts-message]");
      form.elements.income.value = state.income;
      form.elements.expenses.value = state.expenses;
      ["income", "expenses"].forEach(function (name) {
        form.elements[name].addEventListener("input", function () {
          state[name] = form.elements[name].value;
          save(state);
          render(root, state);
        });
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var f = form.elements;
        var debt = {
          lender: f.lender.value.trim(), kind: f.kind.value, balance: amount(f.balance.value),
          monthly: amount(f.monthly.value), rate: amount(f.rate.value), overdue: amount(f.overdue.value) || 0
        };
        if (!debt.lender || isNaN(debt.balance) || isNaN(debt.monthly)) {
          message.textContent = "请至少填放款机构、目前欠款和每月应还。";
          return;
        }
        if (isNaN(debt.rate)) debt.rate = null;
        state.debts.push(debt);
        message.textContent = save(state) ? "已加入：" + debt.lender : "已加入，但这个浏览器不让保存，关掉页面就没了。";
        ["lender", "balance", "monthly", "rate", "overdue"].forEach(function (n) { f[n].value = ""; });
        render(root, state);
      });
      root.querySelector("[data-debts-clear]").addEventListener("click", function () {
        try { localStorage.removeItem(KEY); } catch (e) { /* nothing saved */ }
        state = { income: "", expenses: "", debts: [] };
        form.reset();
        message.textContent = "已全部清除，这台设备上不再保存任何欠款信息。";
        render(root, state);
        form.elements.income.focus();
      });
      render(root, state);
    });
  }

  window.faqgenDebts = { orderDebts: orderDebts, totals: totals };  // for the tests
  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
