/* 投诉渠道查询: filters the generated routing data by the reader's choices.
 * All routing rules live in content/routing.yml and arrive as JSON in #lookup-data[data-json];
 * this script only reads them. Text is inserted with textContent, never as HTML. */
(function () {
  "use strict";

  /** Create an element with optional class and text. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /** Read the chosen situations and lender type from the address bar. */
  function stateFromUrl(data) {
    var params = new URLSearchParams(window.location.search);
    var known = data.situations.map(function (s) { return s.id; });
    var situations = (params.get("s") || "").split(",").filter(function (id) { return known.indexOf(id) >= 0; });
    var lender = params.get("l") || "";
    if (!data.lenders.some(function (t) { return t.id === lender; })) lender = "";
    return { situations: situations, lender: lender };
  }

  /** Read the chosen situations and lender type from the form. */
  function stateFromForm(form) {
    var situations = Array.prototype.map.call(form.querySelectorAll("input[name=s]:checked"), function (i) { return i.value; });
    var lender = (form.querySelector("input[name=l]:checked") || { value: "" }).value;
    return { situations: situations, lender: lender };
  }

  /** The query string for a state ("" when nothing is chosen). */
  function queryFor(state) {
    var parts = [];
    if (state.situations.length) parts.push("s=" + state.situations.join(","));
    if (state.lender) parts.push("l=" + state.lender);
    return parts.length ? "?" + parts.join("&") : "";
  }

  /** Tick the form controls to match a state. */
  function applyToForm(form, state) {
    form.querySelectorAll("input[name=s]").forEach(function (i) { i.checked = state.situations.indexOf(i.value) >= 0; });
    form.querySelectorAll("input[name=l]").forEach(function (i) { i.checked = i.value === state.lender; });
  }

  /** Channels that fit the state, merged across situations and ordered by stage. */
  function matchingSteps(data, state) {
    var order = data.stages.map(function (s) { return s.id; });
    var byChannel = {};
    var list = [];
    state.situations.forEach(function (sid) {
      var label = data.situations.filter(function (s) { return s.id === sid; })[0].label;
      (data.rules[sid] || []).forEach(function (step, index) {
        if (state.lender && step.lenders && step.lenders.indexOf(state.lender) < 0) return;
        var entry = byChannel[step.channel];
        if (!entry) {
          entry = { channel: step.channel, stage: step.stage, index: index, lenders: step.lenders, notes: [] };
          byChannel[step.channel] = entry;
          list.push(entry);
        } else if (order.indexOf(step.stage) < order.indexOf(entry.stage)) {
          entry.stage = step.stage;
          entry.index = Math.min(entry.index, index);
        }
        if (step.note) entry.notes.push({ situation: label, text: step.note });
      });
    });
    list.sort(function (a, b) {
      return order.indexOf(a.stage) - order.indexOf(b.stage) || a.index - b.index;
    });
    return list;
  }

  /** A list element from an array of strings, with an optional heading line. */
  function listBlock(title, items, className) {
    var box = el("div", className);
    box.appendChild(el("p", "lookup-card__label", title));
    var ul = el("ul");
    items.forEach(function (t) { ul.appendChild(el("li", null, t)); });
    box.appendChild(ul);
    return box;
  }

  /** One channel card: name, number, what it does and does not, how to reach it, notes. */
  function channelCard(data, entry, links) {
    var ch = data.channels[entry.channel];
    var card = el("section", "lookup-card");
    card.id = "card-" + entry.channel;
    card.setAttribute("aria-label", ch.name);
    var h = el("h3", "lookup-card__name");
    var a = el("a", null, ch.name);
    a.href = links[entry.channel] || "#";
    h.appendChild(a);
    card.appendChild(h);
    if (ch.number) {
      var p = el("p", "lookup-card__number", "电话：");
      var tel = el("a", null, ch.number);
      tel.href = "tel:" + ch.number;
      p.appendChild(tel);
      card.appendChild(p);
    }
    if (entry.lenders && !data.chosenLender) {
      var names = entry.lenders.map(function (id) { return data.lenders.filter(function (t) { return t.id === id; })[0].label; });
      card.appendChild(el("p", "lookup-card__condition", "适用于：" + names.join("、")));
    }
    entry.notes.forEach(function (n) { card.appendChild(el("p", "lookup-card__note", "针对“" + n.situation + "”：" + n.text)); });
    card.appendChild(el("p", "lookup-card__operator", "运营方：" + ch.operator));
    card.appendChild(listBlock("能处理：", ch.handles, "lookup-card__list"));
    if (ch.not_handles.length) card.appendChild(listBlock("不处理：", ch.not_handles, "lookup-card__list"));
    var how = ch.how.slice();
    card.appendChild(listBlock("怎么联系：", how, "lookup-card__list"));
    if (ch.website) {
      var w = el("p", "lookup-card__website", "网站：");
      var link = el("a", null, ch.website);
      link.href = ch.website;
      link.rel = "noopener";
      w.appendChild(link);
      card.appendChild(w);
    }
    if (ch.hours) card.appendChild(el("p", "lookup-card__hours", "服务时间：" + ch.hours));
    return card;
  }

  /** The result summary: what was chosen, then every channel in order with its number, first screen. */
  function quickList(data, steps, chosen, lender) {
    var box = el("div", "lookup-summary");
    box.id = "lookup-summary";
    box.tabIndex = -1;
    box.appendChild(el("p", "lookup-summary__title", "该找谁（按顺序）"));
    box.appendChild(el("p", "lookup-summary__choice", "你选择的情况：" + chosen.map(function (s) { return s.label; }).join("、") +
      "；放款机构：" + (lender ? lender.label : "还不确定")));
    var ol = el("ol", "lookup-quick");
    steps.forEach(function (entry) {
      var ch = data.channels[entry.channel];
      var stage = data.stages.filter(function (s) { return s.id === entry.stage; })[0];
      var li = el("li");
      li.appendChild(el("span", "lookup-quick__stage", stage.label + "："));
      if (ch.number) {
        var tel = el("a", "tel", ch.number);
        tel.href = "tel:" + ch.number;
        li.appendChild(tel);
        li.appendChild(document.createTextNode(" "));
      }
      var name = el("a", null, ch.number ? ch.name.replace(ch.number + " ", "") : ch.name);
      name.href = "#card-" + entry.channel;
      li.appendChild(name);
      if (!ch.number) li.appendChild(el("span", "lookup-quick__how", "（没有统一号码，怎么找见下方）"));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }

  /** Bring the result summary to the top of the screen and give it focus (screen readers start there). */
  function reveal(root) {
    var summary = root.querySelector("#lookup-summary");
    if (!summary) return;
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "start" });
  }

  /** Draw the results for a state, or show the full table when nothing is chosen. */
  function render(root, data, state, links) {
    var results = root.querySelector("[data-lookup-results]");
    var all = root.querySelector("[data-lookup-all]");
    var status = root.querySelector("[data-lookup-status]");
    results.textContent = "";
    if (!state.situations.length) {
      results.hidden = true;
      all.hidden = false;
      status.textContent = "请选择你遇到的情况。下面是全部情况的对照表。";  // as lookup.md.j2 writes it: no shift
      return;
    }
    data.chosenLender = state.lender;
    var steps = matchingSteps(data, state);
    var chosen = data.situations.filter(function (s) { return state.situations.indexOf(s.id) >= 0; });
    var lender = data.lenders.filter(function (t) { return t.id === state.lender; })[0];
    results.appendChild(quickList(data, steps, chosen, lender));
    data.stages.forEach(function (stage) {
      var inStage = steps.filter(function (s) { return s.stage === stage.id; });
      if (!inStage.length) return;
      var group = el("div", "lookup-stage lookup-stage--" + stage.id);
      group.appendChild(el("h2", "lookup-stage__title", stage.label));
      inStage.forEach(function (entry) { group.appendChild(channelCard(data, entry, links)); });
      results.appendChild(group);
    });
    var evidence = [];
    chosen.forEach(function (s) { s.evidence.forEach(function (e) { if (evidence.indexOf(e) < 0) evidence.push(e); }); });
    var box = el("div", "lookup-evidence");
    box.appendChild(el("h2", null, "要准备的证据"));
    var ul = el("ul", "lookup-checklist");
    evidence.forEach(function (e) { ul.appendChild(el("li", null, "☐ " + e)); });
    box.appendChild(ul);
    results.appendChild(box);
    results.hidden = false;
    all.hidden = true;
    status.textContent = "找到 " + steps.length + " 个渠道，按使用顺序列在下面。";
  }

  /** Set up the lookup on the current page, if it is the lookup page. */
  function init() {
    var form = document.querySelector("[data-lookup-form]");
    var source = document.getElementById("lookup-data");
    if (!form || !source || form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.parentNode;
    var data = JSON.parse(source.getAttribute("data-json"));
    var links = {};
    root.querySelectorAll("[data-lookup-all] a[href*='#']").forEach(function (a) {
      var id = a.getAttribute("href").split("#")[1];
      if (data.channels[id] && !links[id]) links[id] = a.href;
    });
    form.hidden = false;
    var show = function (state) { applyToForm(form, state); render(root, data, state, links); };
    // Jump to the answer once both questions are answered: after a lender type is picked (even the
    // preselected "not sure" one), or after a situation is ticked when the lender type already was.
    var lenderPicked = false;
    form.addEventListener("change", function (event) {
      var state = stateFromForm(form);
      var url = window.location.pathname + queryFor(state);
      if (url !== window.location.pathname + window.location.search) history.pushState({ lookup: true }, "", url);
      render(root, data, state, links);
      if (event.target.name === "s" && event.target.checked && lenderPicked) reveal(root);
    });
    form.querySelectorAll("input[name=l]").forEach(function (input) {
      input.addEventListener("click", function () {
        lenderPicked = true;
        window.setTimeout(function () { reveal(root); }, 0);  // after the change handler has drawn the results
      });
    });
    form.querySelector("[data-lookup-clear]").addEventListener("click", function () {
      history.pushState({ lookup: true }, "", window.location.pathname);
      show({ situations: [], lender: "" });
    });
    window.addEventListener("popstate", function () {
      if (document.querySelector("[data-lookup-form]") === form) show(stateFromUrl(data));
    });
    show(stateFromUrl(data));
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
