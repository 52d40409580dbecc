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

  function onPage() {
    setUpPrintButtons();
    makeScrollingTablesFocusable();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
