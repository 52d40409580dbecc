/* 朗读本页 (issue 14): the browser's own speech synthesis reads the page in Chinese; nothing is sent
   anywhere by this script. Shown only where the browser has a Chinese voice. */
(function () {
  "use strict";

  var READ = "article h1, article h2, article h3, article h4, article p, article li, article tr";
  // Not read: the date line, keywords, print-only lines, labels, and the lists of links and sources.
  var SKIP = ".page-meta, .keywords, .print-only, .short-answer__label, #related, #sources, h2#related + ul, " +
    "nav, .page-jump, .page-actions, .read-aloud, .tool-downloads, .sources-list, [data-pagefind-ignore], " +
    ".scroll-cue, [aria-hidden='true'], .tool-document > h2:first-child";
  var state = { items: [], index: 0, current: null };

  function chineseVoice() {
    if (!("speechSynthesis" in window)) return null;
    var voices = window.speechSynthesis.getVoices() || [];
    var zh = voices.filter(function (v) { return /^(zh|cmn)([-_]|$)/i.test(v.lang || ""); });
    return zh.filter(function (v) { return /CN|Hans/i.test(v.lang); })[0] || zh[0] || null;
  }

  function highlight(node) {
    if (state.current) state.current.classList.remove("read-aloud-current");
    state.current = node;
    if (node) {
      node.classList.add("read-aloud-current");
      node.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  function setMode(box, mode) {  // idle, playing, paused
    box.dataset.mode = mode;
    box.querySelector("[data-ra-play]").hidden = mode !== "idle";
    box.querySelector("[data-ra-pause]").hidden = mode !== "playing";
    box.querySelector("[data-ra-resume]").hidden = mode !== "paused";
    box.querySelector("[data-ra-stop]").hidden = mode === "idle";
  }

  function stop(box) {
    var wasReading = state.items.length > 0;
    state.items = [];
    if (wasReading && "speechSynthesis" in window) window.speechSynthesis.cancel();
    highlight(null);
    if (box) setMode(box, "idle");
  }

  function speakNext(box, voice) {
    if (state.index >= state.items.length) { stop(box); return; }
    var node = state.items[state.index];
    var copy = node.cloneNode(true);
    copy.querySelectorAll(".headerlink, [aria-hidden='true']").forEach(function (n) { n.remove(); });
    var text = (copy.textContent || "").replace(/\s+/g, " ").trim();
    if (!text) { state.index += 1; speakNext(box, voice); return; }
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "zh-CN";
    if (window.SpeechSynthesisVoice && voice instanceof window.SpeechSynthesisVoice) utterance.voice = voice;
    utterance.rate = 0.9;  // a little slower than the default: easier to follow
    utterance.onend = function () {
      if (state.items[state.index] !== node) return;  // stopped or restarted meanwhile
      state.index += 1;
      speakNext(box, voice);
    };
    highlight(node);
    window.speechSynthesis.speak(utterance);
  }

  function setUp() {
    stop(null);  // a new page (instant navigation) ends the old reading
    var box = document.querySelector("[data-read-aloud]");
    if (!box) return;
    function show() {
      var voice = chineseVoice();
      box.hidden = !voice;
      if (!voice || box.dataset.bound) return;
      box.dataset.bound = "1";
      setMode(box, "idle");
      box.querySelector("[data-ra-play]").addEventListener("click", function () {
        var found = Array.prototype.slice.call(document.querySelectorAll(READ));
        state.items = found.filter(function (n) {
          // A paragraph inside a list item is read with the item, not twice.
          return n.getClientRects().length && !n.closest(SKIP) && !(n.parentElement && n.parentElement.closest("li, tr"));
        });
        state.index = 0;
        setMode(box, "playing");
        speakNext(box, chineseVoice());
      });
      box.querySelector("[data-ra-pause]").addEventListener("click", function () {
        window.speechSynthesis.pause();
        setMode(box, "paused");
      });
      box.querySelector("[data-ra-resume]").addEventListener("click", function () {
        window.speechSynthesis.resume();
        setMode(box, "playing");
      });
      box.querySelector("[data-ra-stop]").addEventListener("click", function () { stop(box); });
    }
    show();
    if ("speechSynthesis" in window && window.speechSynthesis.addEventListener) {
      window.speechSynthesis.addEventListener("voiceschanged", show);  // voices often load late
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
