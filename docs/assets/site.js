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

  function onPage() {
    setUpPrintButtons();
    fillPageAddress();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
