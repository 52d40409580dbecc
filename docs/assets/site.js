/* Site behaviour that must survive Material's instant navigation: re-run on every page view. */
(function () {
  "use strict";

  // Files only some pages need, added when the page has their element (page weight; same folder as this file).
  var ASSETS = ((document.currentScript && document.currentScript.src) || "").replace(/site\.js([?#].*)?$/, "");
  var ON_DEMAND = [
    ["[data-lookup-form]", "lookup.js"],  // 3.6 KB every page downloaded before; it subscribes to document$
    ["[data-rate-calc],[data-debts],[data-copy-letter]", "extras.css"],
    ["[data-rate-calc]", "rate-calc.js"],
    ["[data-debts]", "debts.js"],
    ["[data-copy-letter]", "letter.js"],
    ["[data-read-aloud]", "extras.css", true],  // true: only where the browser has a Chinese voice
    ["[data-read-aloud]", "read-aloud.js", true]
  ];

  /** Add a stylesheet or script from this folder, once. */
  function addAsset(name) {
    if (document.querySelector('[src$="/' + name + '"],[href$="/' + name + '"]')) return;
    var css = /css$/.test(name), node = document.createElement(css ? "link" : "script");
    if (css) node.rel = "stylesheet";
    node[css ? "href" : "src"] = ASSETS + name;
    document.head.appendChild(node);
  }

  function loadOnDemand() {
    var synth = window.speechSynthesis;
    var zh = synth && synth.getVoices().some(function (v) { return /^(zh|cmn)([-_]|$)/i.test(v.lang); });
    ON_DEMAND.forEach(function (e) { if ((!e[2] || zh) && document.querySelector(e[0])) addAsset(e[1]); });
  }
  if (window.speechSynthesis && speechSynthesis.addEventListener) speechSynthesis.addEventListener("voiceschanged", loadOnDemand);

  /** Show the print button (hidden without JavaScript) and make it print. */
  function setUpPrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /** Wide tables scroll sideways on phones: let keyboard users reach and scroll them (WCAG 2.1.1). */
  function makeScrollingTablesFocusable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) return;
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "表格（可左右滑动）");
      // A visible cue: on a phone a cut-off table looks finished (issue 13).
      var cue = document.createElement("p");
      cue.className = "scroll-cue";
      cue.setAttribute("aria-hidden", "true");
      cue.textContent = "表格较宽，左右滑动查看 →";
      wrap.parentNode.insertBefore(cue, wrap);
    });
  }

  var CARE_KEY = "jdwq.care";  // also read by the inline script in docs/overrides/main.html

  /** 大字模式: the header switch turns it on and off and remembers the choice on this device only. */
  function setUpCareToggle() {
    var root = document.documentElement;
    document.querySelectorAll("[data-care-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", root.classList.contains("care") ? "true" : "false");
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.addEventListener("click", function () {
        addAsset("care.css");
        var on = root.classList.toggle("care");
        try { localStorage.setItem(CARE_KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
        document.querySelectorAll("[data-care-toggle]").forEach(function (b) {
          b.setAttribute("aria-pressed", on ? "true" : "false");
        });
      });
    });
  }

  function onPage() {
    loadOnDemand();
    setUpCareToggle();
    setUpPrintButtons();
    makeScrollingTablesFocusable();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
