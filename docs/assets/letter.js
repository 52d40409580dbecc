/* 复制全文 on tool pages (issue 14): the letter as plain text for WeChat. Loaded by site.js on pages that have the button. */
(function () {
  "use strict";

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

  /** Show the button and copy on tap; say what happened. */
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

  if (typeof document$ !== "undefined") document$.subscribe(setUpCopyLetter);
  else document.addEventListener("DOMContentLoaded", setUpCopyLetter);
})();
