/* Site behaviour that must survive Material's instant navigation: re-run on every page view. */
(function () {
  "use strict";

  // Scripts only some pages need, loaded when a page has their element: every other page stays light
  // (tests/browser/test_quality_weight.py). Same folder as this file, so sub-paths and file:// work.
  var ASSETS = ((document.currentScript && document.currentScript.src) || "").replace(/site\.js([?#].*)?$/, "");
  var ON_DEMAND = [["[data-rate-calc]", "rate-calc.js"], ["[data-debts]", "debts.js"], ["[data-read-aloud]", "read-aloud.js"]];
  var requested = {};

  /** Load each on-demand script the page needs, once; it then follows page views itself. */
  function loadOnDemand() {
    ON_DEMAND.forEach(function (pair) {
      if (requested[pair[1]] || !document.querySelector(pair[0])) return;
      requested[pair[1]] = true;
      var script = document.createElement("script");
      script.src = ASSETS + pair[1];
      document.head.appendChild(script);
    });
  }

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

  /** The letter on a tool page as plain text, for WeChat: the document without its 文件正文 label. */
  function letterText(doc) {
    var copy = doc.cloneNode(true);
    copy.querySelectorAll("h2:first-child, .headerlink, .scroll-cue").forEach(function (n) { n.remove(); });
    copy.style.position = "absolute";
    copy.style.left = "-9999px";
    document.body.appendChild(copy);  // innerText needs layout to keep line breaks and table cells
    var text = copy.innerText.replace(/\n{3,}/g, "\n\n").trim();
    copy.remove();
    return text;
  }

  /** Copy with the Clipboard API where the page is secure, else through a selected text area. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  /** 复制全文 on tool pages: the letter as plain text. */
  function setUpCopyLetter() {
    document.querySelectorAll("[data-copy-letter]").forEach(function (button) {
      var doc = document.querySelector(".tool-document");
      var status = button.parentNode.querySelector("[data-copy-status]");
      if (!doc) return;
      button.hidden = false;
      if (button.dataset.bound) return;
      button.dataset.bound = "1";
      button.addEventListener("click", function () {
        copyText(letterText(doc)).then(function () {
          status.textContent = "已复制，可以粘贴到微信或备忘录里修改。";
        }, function () {
          status.textContent = "这个浏览器不让复制，请长按文字选择复制，或下载 Word 文件。";
        });
      });
    });
  }

  function onPage() {
    loadOnDemand();
    setUpCopyLetter();
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
