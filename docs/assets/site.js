/* Site behaviour that must survive Material's instant navigation: re-run on every page view. */
(function () {
  "use strict";

  /** Show the print button (hidden without JavaScript) and make it print. */
  function setUpPrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /** Write the full address of the page where print shows it. */
  function fillPageAddress() {
    document.querySelectorAll("[data-page-address]").forEach(function (node) {
      node.textContent = window.location.href.split("#")[0];
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
        var on = root.classList.toggle("care");
        try { localStorage.setItem(CARE_KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
        document.querySelectorAll("[data-care-toggle]").forEach(function (b) {
          b.setAttribute("aria-pressed", on ? "true" : "false");
        });
      });
    });
  }

  function onPage() {
    setUpCareToggle();
    setUpPrintButtons();
    fillPageAddress();
    makeScrollingTablesFocusable();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
