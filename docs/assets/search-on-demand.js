/* Material's search, loaded only when a reader reaches for it, and named for screen readers.
 *
 * Material 9.8 fetches search/search_index.json (which grows with every page) and starts its
 * search worker on every page view. This file runs just before Material's bundle (see
 * overrides/main.html) and holds both back until the reader touches the search box, opens it
 * with a shortcut, or arrives from a search result (?h=…, for highlighting). The search tests
 * (tests/test_browser_search.py) and the page-weight test check that this keeps working.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var SEARCH_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var waiting = [];
  var wanted = false;

  /** Start everything that was held back (once). */
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenWanted(run) {
    if (wanted) run(); else waiting.push(run);
  }

  /* The index request: Material uses XMLHttpRequest; its send() waits until search is wanted. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndexRequest = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.searchIndexRequest) return send.apply(xhr, args);
    whenWanted(function () { send.apply(xhr, args); });
  };

  /* The search worker: a stand-in that queues listeners and messages until search is wanted. */
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!SEARCH_WORKER.test(String(url).split(/[?#]/)[0])) return new RealWorker(url, options);
      var real = null, listeners = [], messages = [];
      whenWanted(function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (args) { real.addEventListener.apply(real, args); });
        messages.forEach(function (args) { real.postMessage.apply(real, args); });
      });
      return {
        addEventListener: function () { if (real) real.addEventListener.apply(real, arguments); else listeners.push(arguments); },
        removeEventListener: function (type, listener) {
          if (real) real.removeEventListener.apply(real, arguments);
          listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== listener; });
        },
        postMessage: function () { if (real) real.postMessage.apply(real, arguments); else messages.push(arguments); },
        terminate: function () { if (real) real.terminate(); }
      };
    };
  }

  /* What counts as reaching for search. */
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for='__search'], .md-search")) want();
  });
  if (/[?&]h=/.test(location.search)) want();

  /* Material leaves its search dialog without a name (axe: aria-dialog-name). */
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "搜索");
})();
