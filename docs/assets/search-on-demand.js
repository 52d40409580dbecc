/* Material's search, loaded only when a reader reaches for it, named for screen readers, and
 * (with the Pagefind backend) answered from Pagefind.
 *
 * Material 9.8 fetches search/search_index.json and starts its search worker on every page view.
 * This file runs just before Material's bundle (see overrides/main.html) and holds both back until
 * the reader touches the search box, opens it with a shortcut, or arrives from a search result
 * (?h=…, for highlighting). The search tests (tests/test_browser_search.py) and the page-weight
 * test check that this keeps working.
 *
 * Backends (data-search-backend on this script's tag, from mkdocs.yml extra.search_backend):
 * - "lunr": Material's own worker and index (the offline copy: Pagefind cannot run from file://).
 * - "pagefind": Material's worker is replaced by a stand-in on this page that speaks Material's
 *   worker protocol (SETUP/READY/QUERY/RESULT) and answers from Pagefind (pagefind/pagefind.js,
 *   which runs its WebAssembly in its own worker). Only the Pagefind chunks a query needs are
 *   downloaded. Queries are turned into the same tokens the index was built from:
 *   searchTokens() here must match search_tokens() in scripts/search_index_pagefind.py.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var BACKEND = (script && script.getAttribute("data-search-backend")) || "lunr";
  var PAGEFIND = script ? new URL("../pagefind/pagefind.js", script.src).href : "";
  var PAGEFIND_WORKER = script ? new URL("../pagefind/pagefind-worker.js", script.src).href : "";
  var PARTS = script ? new URL("../pagefind/parts.json", script.src).href : "";
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
  var early = null;  // Pagefind's own worker, started with pagefind.js (startPagefindWorker)

  /** Pagefind's worker, started at once instead of after pagefind.js has arrived (one round trip less). */
  function startPagefindWorker() {
    try { early = new RealWorker(PAGEFIND_WORKER); } catch (error) { return; }
    early.addEventListener("error", function () { early.failed = true; });
  }

  /** The worker started early, if Pagefind now asks for that worker and it has not failed (else null). */
  function takeEarlyWorker(url) {
    var worker = early;
    if (!worker || new URL(url, location.href).href !== PAGEFIND_WORKER) return null;
    early = null;
    return worker.failed ? null : worker;  // a failed one: Pagefind starts its own and sees it fail
  }

  if (RealWorker) {
    window.Worker = function (url, options) {
      var handed = takeEarlyWorker(String(url));
      if (handed) return handed;
      if (!SEARCH_WORKER.test(String(url).split(/[?#]/)[0])) return new RealWorker(url, options);
      if (BACKEND === "pagefind") return new PagefindSearch();
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

  /* ---- Pagefind behind Material's search box ---------------------------------------------- */

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
  var SHOWN = 10;  // results whose title and short answer are fetched and shown
  var MAX_TOKENS = 16;  // a pasted paragraph is cut to its first words
  var TOKEN_PREFIX = "zq", HEX_LETTERS = "abcdefghijklmnop";
  var TITLE_TOKEN_PREFIX = "zt", PAIR_TOKEN = /^zq[a-p]{8}$/;  // pagefind.py TITLE_TOKEN_PREFIX, PAIR_TOKEN
  var ANY_PAIR = /^z[qt][a-p]{8}$/;  // a pair, or a pair's title token
  var TERM = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+/g;

  function letters(char) {
    var hex = ("000" + char.charCodeAt(0).toString(16)).slice(-4);
    return hex.replace(/[0-9a-f]/g, function (digit) { return HEX_LETTERS.charAt(parseInt(digit, 16)); });
  }

  /** Chinese character pairs and latin words, as scripts/search_index_pagefind.py indexed them. */
  function searchTokens(text) {
    var tokens = [];
    (String(text).normalize("NFKC").toLowerCase().match(TERM) || []).forEach(function (run) {
      if (/^[0-9a-z]/.test(run)) tokens.push(run);
      else if (run.length === 1) tokens.push(TOKEN_PREFIX + letters(run));
      else for (var i = 0; i + 1 < run.length; i++) tokens.push(TOKEN_PREFIX + letters(run[i]) + letters(run[i + 1]));
    });
    return tokens;
  }
  window.__searchTokens = searchTokens;  // for tests/test_search_index.py

  function escapeHtml(text) {
    return String(text || "").replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
    });
  }

  /* ---- The reader's query -> what to look for (content/search.yml via assets/search-data.json) ---- */

  var DATA = script ? new URL("search-data.json", script.src).href : "";
  var data = {aliases: [], filler: [], danger: [], topics: [], lookup: "lookup/", contact: "about/"};
  var common = {};  // a large site's words on more than a fifth of its pages (pagefind.py common_tokens())
  var titles = {};  // its words with title tokens: the common ones and those on over 5 % of its pages

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /** Spaces in place of text[start, start + length): offsets of the rest of the query stay as they were. */
  function blank(text, start, length) {
    return text.slice(0, start) + new Array(length + 1).join(" ") + text.slice(start + length);
  }

  /** Units to look for, in the order the reader wrote them: alias groups the query names (any of
   * their phrases counts) and the other words' tokens. `at` is where the unit starts in the query. */
  function queryUnits(value) {
    var text = String(value).normalize("NFKC").toLowerCase();
    var units = [];
    data.aliases.forEach(function (group) {
      var phrases = group.map(function (p) { return p.normalize("NFKC").toLowerCase(); })
        .sort(function (a, b) { return b.length - a.length; });
      var hit = phrases.filter(function (p) { return text.indexOf(p) >= 0; })[0];
      if (!hit) return;
      var at = text.indexOf(hit);
      for (var from = at; from >= 0; from = text.indexOf(hit)) text = blank(text, from, hit.length);
      // Pinyin spellings (scripts/faqgen/search/query_data.py adds them) only find the group: its
      // written words are searched, and of those only the ones that hold no shorter one of the group
      // (京东白条 holds 白条: every page it finds, 白条 finds too), so a group costs few searches.
      var written = phrases.filter(function (p) { return !PINYIN.test(p); });
      var searched = (written.length ? written : phrases).filter(function (p, i, all) {
        return !all.some(function (other) { return other !== p && other.length < p.length && p.indexOf(other) >= 0; });
      });
      units.push({at: at, phrases: searched.map(phraseTokens)});
    });
    var rest = text;
    data.filler.forEach(function (word) {
      rest = rest.replace(new RegExp(escapeRegExp(word), "g"), function (found) { return blank(found, 0, found.length); });
    });
    var tokens = tokensAt(rest);
    if (!tokens.length && !units.length) tokens = tokensAt(text);  // only filler: search it as written
    // On a large site, a lone character left between words (被 in 被起诉 once 起诉 is taken) is left
    // out unless it is all there is: Pagefind matches it as the start of every pair it begins (9,587
    // of 10,000 pages for 被), which costs more than it tells. A small site keeps it (反 in 反催收).
    var longer = units.length + tokens.filter(function (t) { return !t.single; }).length;
    if (longer && Object.keys(common).length) tokens = tokens.filter(function (t) { return !t.single; });
    var seen = {};
    tokens.filter(function (t) { return seen[t.token] ? false : (seen[t.token] = true); }).slice(0, MAX_TOKENS)
      .forEach(function (t) { units.push({at: t.at, phrases: [t.token]}); });
    return units.sort(function (a, b) { return a.at - b.at; });
  }

  /** An alias phrase as the tokens to search. On a large site its common pairs are left out when
   * others remain (还款日 → 款日): a common pair is indexed only in titles, 常见问法 and short answers,
   * so asking for it too would miss pages whose text has the phrase, and cost most of the search. */
  function phraseTokens(phrase) {
    var tokens = searchTokens(phrase);
    var rare = tokens.filter(function (token) { return !common[token]; });
    return (rare.length ? rare : tokens).join(" ");
  }

  /** searchTokens() of text, each with the offset it starts at. */
  function tokensAt(text) {
    var found = [], match, term = new RegExp(TERM.source, "g");
    while ((match = term.exec(text))) {
      var run = match[0];
      if (/^[0-9a-z]/.test(run)) found.push({at: match.index, token: run});
      else if (run.length === 1) found.push({at: match.index, token: searchTokens(run)[0], single: true});
      else for (var i = 0; i + 1 < run.length; i++) found.push({at: match.index + i, token: searchTokens(run.substr(i, 2))[0]});
    }
    return found;
  }

  var PINYIN = /^[a-z]+$/;
  var NEAR = 3;  // words apart in a page that still count as one phrase (a filler word dropped between them)

  /** The most of the reader's units, in the reader's order, that a page has next to each other
   * (positions[i]: where unit i stands on the page, null when it is not there). */
  function longestRun(positions) {
    var best = 0, run = 0;
    for (var i = 0; i < positions.length; i++) {
      if (!positions[i]) { run = 0; continue; }
      run = i > 0 && positions[i - 1] && follows(positions[i - 1], positions[i]) ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  }

  /** True when some position in `after` is 1..NEAR words behind some position in `before`. */
  function follows(before, after) {
    var at = {};
    after.forEach(function (q) { at[q] = true; });
    return before.some(function (p) {
      for (var d = 1; d <= NEAR; d++) if (at[p + d]) return true;
      return false;
    });
  }

  /** Pages ranked by how many units they match and how well: partial matches count, none is required. */
  function findPages(pagefind, units) {
    var only = onlyPhrase(units);
    if (only) return onePhrase(pagefind, only);
    var first = everyUnitFirst(units);
    return withEveryUnit(pagefind, first, first.length).then(function (found) {
      return found || anyOfTheWords(pagefind, rarer(units));
    });
  }

  /** The units whose pages with every one of them are looked for first: Pagefind narrows the pages
   * before it scores them, so this is cheap even when a word is on most pages of a large site (征信
   * alone on 10,000 pages takes 0.25–0.5 s on a phone-class CPU). On a large site, two or more
   * words that are not common are enough (the common ones are left out, as their pages' text is not
   * indexed for them); else a common word is asked for in titles (titled()). */
  function everyUnitFirst(units) {
    var rare = rarer(units);
    if (rare.length > 1 && rare.length < units.length) return everyOtherPair(rare);
    return everyOtherPair(titledUnits(units));
  }

  /** On a large site, of a run of overlapping character pairs (免费查几次 → 免费 费查 查几 几次) only
   * every other one and the last, which still cover every character: each pair costs a download per
   * part of the index, and a page with 免费, 查几 and 几次 has the phrase. */
  function everyOtherPair(units) {
    if (!largeSite()) return units;
    var pair = function (unit) { return unit && unit.phrases.length === 1 && ANY_PAIR.test(unit.phrases[0]); };
    var follows = function (before, unit) { return pair(before) && pair(unit) && before.at === unit.at - 1; };
    var place = 0;  // where the unit stands in its run of pairs (0: it starts one, or is no pair)
    return units.filter(function (unit, i) {
      place = follows(units[i - 1], unit) ? place + 1 : 0;
      return place % 2 === 0 || !follows(unit, units[i + 1]);  // every other one, and the last
    });
  }

  /** The pages with every one of the units, ranked by Pagefind's score and how closely the reader's
   * words stand together; null when there are fewer than SHOWN (or too many alias combinations). */
  function withEveryUnit(pagefind, units, unitCount) {
    var combos = everyUnitCombos(units);
    if (!combos) return Promise.resolve(null);
    return Promise.all(combos.map(function (combo) { return pagefind.search(combo); })).then(function (each) {
      var best = {};  // an alias group's phrases may find the same page: once, by its best score
      each.forEach(function (found) {
        found.results.forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      var all = Object.keys(best).map(function (id) { return best[id]; });
      if (all.length < SHOWN) return null;
      return all.map(function (result) {
        var words = (result.words || []).slice().sort(function (a, b) { return a - b; });
        result.score = result.score * phraseBonus(Math.min(unitCount, longestChain(words)), unitCount);
        result.share = 1;
        result.positions = [words];
        return result;
      }).sort(function (a, b) { return b.score - a.score; });
    });
  }

  /** Pages with one phrase. On a large site, a word on many pages (over 5 %) is first looked for only
   * on pages whose title has it (its title tokens): those are the pages about it, and scoring them is
   * a fraction of scoring every page that mentions it. Fewer than SHOWN of them: every page. */
  function onePhrase(pagefind, phrase) {
    var withPositions = function (found) {
      found.results.forEach(function (result) { result.positions = [result.words || []]; });
      return found.results;
    };
    var inTitles = titled(phrase, titles);
    if (inTitles === phrase) return pagefind.search(phrase).then(withPositions);
    return pagefind.search(inTitles).then(function (found) {
      return found.results.length >= SHOWN ? withPositions(found) : pagefind.search(phrase).then(withPositions);
    });
  }

  /** The words findPages() searches first for these units, whose index chunks can be fetched ahead. */
  function firstWords(units) {
    var only = onlyPhrase(units);
    var first = only ? [{phrases: [titled(only, titles)]}] : everyUnitFirst(units);
    return [].concat.apply([], first.map(function (unit) { return unit.phrases; })).join(" ").split(" ");
  }

  /** The query's one phrase when it has one unit with one phrase (onePhrase() answers it), else null. */
  function onlyPhrase(units) {
    return units.length === 1 && units[0].phrases.length === 1 ? units[0].phrases[0] : null;
  }

  var MAX_COMBOS = 4;

  /** The searches for pages with every unit: each unit's phrase in turn (an alias group has several);
   * null when that would take more than MAX_COMBOS searches, or one on a small site, where an alias
   * group is ranked word by word (anyOfTheWords(): measured better there by make search-eval). */
  function everyUnitCombos(units) {
    var combos = [""], limit = largeSite() ? MAX_COMBOS : 1;
    for (var i = 0; i < units.length; i++) {
      if (combos.length * units[i].phrases.length > limit) return null;
      combos = [].concat.apply([], combos.map(function (combo) {
        return units[i].phrases.map(function (phrase) { return (combo + " " + phrase).trim(); });
      }));
    }
    return combos;
  }

  /** A phrase with each of its pairs that is among `words` (common, or titles) under its title-token
   * name (pagefind.py title_token()): found only on pages whose title has that pair. */
  function titled(phrase, words) {
    return phrase.split(" ").map(function (token) {
      return words[token] && PAIR_TOKEN.test(token) ? TITLE_TOKEN_PREFIX + token.slice(TOKEN_PREFIX.length) : token;
    }).join(" ");
  }

  /** True on a large site: one whose index leaves its common words out of the pages' text (pagefind.py). */
  function largeSite() {
    return Object.keys(common).length > 0;
  }

  /** Units with their common pairs under their title-token names. */
  function titledUnits(units) {
    return units.map(function (unit) {
      return {at: unit.at, phrases: unit.phrases.map(function (phrase) { return titled(phrase, common); })};
    });
  }

  /** How much more a page counts when `together` of the reader's `unitCount` units stand side by side on it. */
  function phraseBonus(together, unitCount) {
    return 1 + (together - 1) / unitCount;
  }

  /** On a large site, the units without its most common words (借呗 on a site about 借呗 is on most
   * pages, and scoring them all is most of a query's time): an alias group keeps its other phrases.
   * When every unit is common, each is counted only on pages whose title has it (titled()). */
  function rarer(units) {
    var kept = units.map(function (unit) {
      var phrases = unit.phrases.filter(function (phrase) { return !common[phrase]; });
      return phrases.length ? {at: unit.at, phrases: phrases} : null;
    }).filter(Boolean);
    if (kept.length) return kept;
    return titledUnits(units);
  }

  /** The most positions in a row, each at most NEAR words after the one before (the reader's words side by side). */
  function longestChain(sorted) {
    var best = sorted.length ? 1 : 0, run = 1;
    for (var i = 1; i < sorted.length; i++) {
      run = sorted[i] - sorted[i - 1] <= NEAR ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  }

  /** Pages with any of the units, ranked by how many they have, how well, and how close together. */
  function anyOfTheWords(pagefind, units) {
    return Promise.all(units.map(function (unit) {
      return Promise.all(unit.phrases.map(function (phrase) { return pagefind.search(phrase); }));
    })).then(function (each) {
      var pages = {};
      each.forEach(function (unitResults, unitIndex) {
        var best = {};  // an alias group counts once per page, by its best phrase
        unitResults.forEach(function (found) {
          found.results.forEach(function (result) {
            if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
          });
        });
        Object.keys(best).forEach(function (id) {
          var page = pages[id] || (pages[id] = {result: best[id], count: 0, score: 0, positions: []});
          page.count += 1;
          page.score += best[id].score;
          page.positions[unitIndex] = best[id].words || [];
        });
      });
      return Object.keys(pages).map(function (id) {
        var page = pages[id];
        // A page with more of the reader's words first, and more still where they stand together as
        // the reader wrote them (债务优化公司 in one phrase, not 债务 here and 公司 there).
        for (var i = 0; i < units.length; i++) if (!page.positions[i]) page.positions[i] = null;
        var together = page.count > 1 ? longestRun(page.positions) : 1;
        page.rank = page.score * page.count / units.length * phraseBonus(together, units.length);
        return page;
      }).sort(function (a, b) { return b.rank - a.rank; })
        .map(function (page) {
          page.result.score = page.rank;
          page.result.share = page.count / units.length;
          page.result.positions = page.positions;
          return page.result;
        });
    });
  }

  /* ---- Sections: on a long page, the part that answers -------------------------------------- */

  var MORE_SECTIONS = 2;  // besides the best one, shown folded under the page ("还有 N 个…")

  /** A Pagefind result entry's linked sections as [anchor, heading, teaser, first word, end]: the
   * headings from its "sections" metadata (pagefind.py), the word ranges from its anchors. A small
   * site's results.json holds the same list (search/bundle.py), so no entry need be fetched. */
  function entrySections(entry) {
    var linked = [];
    try { linked = JSON.parse((entry.meta && entry.meta.sections) || "[]"); } catch (error) { linked = []; }
    var starts = (entry.anchors || []).map(function (a) { return [a.id, a.location]; })
      .sort(function (a, b) { return a[1] - b[1]; });
    return linked.map(function (section) {
      var at = starts.map(function (a) { return a[0]; }).indexOf(section[0]);
      if (at < 0) return null;
      var end = at + 1 < starts.length ? starts[at + 1][1] : Infinity;
      return [section[0], section[1], section[2], starts[at][1], end];
    }).filter(Boolean);
  }

  /** The sections that answer best, from where each of the reader's units stands on the page
   * (positions[i]: word positions of unit i, or null): most units first, then most matches; a
   * section needs at least half the units. */
  function answeringSections(sections, positions, unitCount) {
    if (!sections || !sections.length || !positions) return [];
    var needed = Math.max(1, Math.ceil(unitCount / 2));
    return sections.map(function (section) {
      var units = 0, words = 0;
      var end = section[4] == null ? Infinity : section[4];  // null: the last section runs to the page's end
      positions.forEach(function (unitPositions) {
        var inside = (unitPositions || []).filter(function (p) { return p >= section[3] && p < end; }).length;
        if (inside) { units += 1; words += inside; }
      });
      return {anchor: section[0], title: section[1], teaser: section[2], units: units, words: words};
    }).filter(function (section) { return section.units >= needed; })
      .sort(function (a, b) { return b.units - a.units || b.words - a.words; })
      .slice(0, 1 + MORE_SECTIONS);
  }

  /** Material's result item for one page: the page, then its best section (shown) and a few more
   * (folded). When the page's title has most of the reader's words the page itself is the answer:
   * its short answer stays shown (Material hides it when a section scores as high as the page) and
   * every section is folded. */
  function resultItem(page, result, sections, terms, titleAnswers) {
    var location = page.url.replace(/^\//, "");
    var item = [{location: location, title: escapeHtml(page.meta.title), text: escapeHtml(page.meta.summary),
                 score: result.score, terms: terms}];
    sections.forEach(function (section, i) {
      item.push({location: location.split("#")[0] + "#" + encodeURIComponent(section.anchor),
                 title: escapeHtml(section.title), text: escapeHtml(section.teaser),
                 score: i === 0 && !titleAnswers ? result.score : result.score / 2, terms: terms});
    });
    return item;
  }

  /** True when the title has at least half the reader's units (a unit: any one of its phrases, whole). */
  function titleHasMost(title, units) {
    var has = {};
    searchTokens(title).forEach(function (token) { has[token] = true; });
    var found = units.filter(function (unit) {
      return unit.phrases.some(function (phrase) {
        return phrase.split(" ").every(function (token) { return has[token]; });
      });
    });
    return units.length > 0 && found.length * 2 >= units.length;
  }

  /* ---- When nothing fits: a way on, not a dead end ---------------------------------------- */

  var WEAK = 0.5;

  /** The share of the reader's words the first result has (1 for a one-word query). */
  function bestShare(results) {
    return results[0].share === undefined ? 1 : results[0].share;
  }  // matched fewer than half the reader's words: show the way on below the closest pages

  function link(url, text) {
    var a = document.createElement("a");
    a.href = /^(https?:|mailto:)/.test(url) ? url : new URL("../" + url, script.src).href;
    a.textContent = text;
    return a;
  }

  /** The fallback under the results: lookup, topic hubs, 110 when the query speaks of threats, the editors. */
  function showFallback(value, weak) {
    var list = document.querySelector(".md-search-result");
    var old = document.querySelector(".search-fallback");
    if (old) old.remove();
    var danger = data.danger.some(function (word) { return value.indexOf(word) >= 0; });
    if (!(weak || danger) || !list || !value.trim()) return;  // threats: 110 even when answers were found
    var box = document.createElement("div");
    box.className = "search-fallback";
    var heading = document.createElement("p");
    heading.className = "search-fallback__title";
    heading.textContent = "没有找到完全对应的回答，可以试试：";
    box.appendChild(heading);
    var items = document.createElement("ul");
    function item(parts) {
      var li = document.createElement("li");
      parts.forEach(function (part) { li.appendChild(typeof part === "string" ? document.createTextNode(part) : part); });
      items.appendChild(li);
      return li;
    }
    if (danger) {
      var tel = document.createElement("a");
      tel.href = "tel:110";
      tel.textContent = "110";
      item(["人身安全受到威胁时，马上打 ", tel, " 报警。"]).className = "search-fallback__danger";
    }
    item([link(data.lookup, "投诉渠道查询"), "：按你的情况找该打的电话"]);
    var hubs = item(["按主题看："]);
    data.topics.forEach(function (topic, i) {
      if (i) hubs.appendChild(document.createTextNode("、"));
      hubs.appendChild(link(topic.url, topic.name));
    });
    item(["没找到你要的？", link(data.contact, "告诉编辑"), "你搜了什么。"]);
    box.appendChild(items);
    list.appendChild(box);
  }

  /** Note which query the list now shows, and when (make search-eval and the tests wait for it). */
  function answered(value) {
    window.__searchAnswered = {query: value, at: performance.now()};
  }

  /** A JSON file, or `fallback` when it is missing, cannot be fetched or is not JSON. */
  function fetchJson(url, fallback) {
    return fetch(url).then(function (response) { return response.ok ? response.json() : fallback; })
      .catch(function () { return fallback; });
  }

  /** The other parts of a large site's index, from pagefind/parts.json. */
  function fetchParts() {
    return fetchJson(PARTS, []);
  }

  /** Download a file of the Pagefind bundle into the browser's cache, where Pagefind will look for it. */
  function preload(name) {
    fetch(new URL(name, PAGEFIND).href).then(function (response) { return response.arrayBuffer(); })
      .catch(function () {});
  }

  /** A stand-in for Material's search worker (same messages), answering from Pagefind. */
  function PagefindSearch() {
    var listeners = [];
    var pagefind = null;
    var latest = 0;
    var chunks = null;  // the index chunks of each part, {"" or "part-N/": [[first word, last word, hash], …]}
    var started = {};
    var known = Promise.resolve({});  // results by Pagefind's id: [address, title, short answer, sections]
    var later = null;  // a larger site's table of them, fetched after the first results (fetchLater())

    /** A result's address, title and short answer: from the table of them all when the box has it, else Pagefind's result entry. */
    function resultData(result) {
      return known.then(function (pages) {
        var page = pages[result.id];
        if (page) return {url: page[0], meta: {title: page[1], summary: page[2]}, sections: page[3] || []};
        return result.data().then(function (entry) { entry.sections = entrySections(entry); return entry; });
      });
    }

    /** While Pagefind loads, start the index chunks it will need for what is in the box (its rule:
     *  for each word, the chunk whose word range holds it); it then finds them in the browser's cache. */
    function preloadChunks() {
      var box = document.querySelector(".md-search__input");
      if (!chunks || !box || !box.value) return;
      firstWords(queryUnits(box.value)).forEach(function (word) {
        Object.keys(chunks).forEach(function (part) {
          chunks[part].some(function (chunk) {
            if (chunk[0] > word || word > chunk[1]) return false;
            var file = part + "index/" + chunk[2] + ".pf_index";
            if (!started[file]) preload(file);
            started[file] = true;
            return true;
          });
        });
      });
    }

    /** Once the first results show, a larger site's result table (search/bundle.py), so that later
     *  queries need no result entries. A query never waits for it: until it is in, entries are fetched. */
    function fetchLater() {
      if (!later) return;
      var file = new URL(later, PAGEFIND).href;
      later = null;
      setTimeout(function () {
        fetchJson(file, null).then(function (table) {
          if (!table) return;
          known = Promise.resolve(table);
          window.__searchTable = file;  // the tests and make bench wait for it
        });
      }, 0);
    }

    function emit(message) {
      var event = {type: "message", data: message};
      listeners.slice().forEach(function (listener) {
        if (typeof listener === "function") listener(event); else listener.handleEvent(event);
      });
    }

    function answer(value, number) {
      var words = value.split(/\s+/).filter(Boolean);
      var units = queryUnits(value);
      var found = units.length && pagefind ? findPages(pagefind, units) : Promise.resolve([]);
      found.then(function (results) {
        return Promise.all(results.slice(0, SHOWN).map(resultData)).then(function (pages) {
          if (number !== latest) return;  // the reader has typed on
          var terms = {};
          words.forEach(function (word) { terms[word] = true; });
          emit({type: RESULT, data: {items: pages.map(function (page, i) {
            var positions = results[i].positions || [];  // one list per unit, or one for all of them
            var sections = answeringSections(page.sections, positions, Math.min(units.length, positions.length));
            return resultItem(page, results[i], sections, terms, titleHasMost(page.meta.title, units));
          })}});
          showFallback(value, !results.length || (units.length > 1 && bestShare(results) < WEAK));
          answered(value);
          if (pages.length) fetchLater();  // results the reader now reads (not an empty box: Material asks for "" too)
          var meta = document.querySelector(".md-search-result__meta");
          if (meta && results.length > pages.length) {
            meta.textContent = "找到 " + results.length + " 个符合条件的结果，显示最相关的 " + pages.length + " 个";
          }
        });
      }).catch(function (error) {
        if (number !== latest) return;
        console.warn("搜索出错：", error);
        emit({type: RESULT, data: {items: []}});
        showFallback(value, true);
        answered(value);
      });
    }

    whenWanted(function () {
      startPagefindWorker();
      // search-data.json also lists the index's parts (a large site's index comes in parts, which
      // Pagefind searches together with one WebAssembly module) and the files every first search
      // needs (scripts/faqgen/search/bundle.py). Those start downloading at once; Pagefind's worker
      // then finds them in the browser's cache instead of asking for one after another.
      var parts = fetchJson(DATA, {}).then(function (loaded) {
        var bundle = loaded.pagefind;
        delete loaded.pagefind;
        Object.keys(loaded).forEach(function (key) { data[key] = loaded[key]; });
        if (!bundle) return fetchParts();  // written before the index (mkdocs serve while it indexes)
        (bundle.preload || []).forEach(preload);
        chunks = bundle.chunks || null;
        (bundle.common || []).forEach(function (token) { common[token] = titles[token] = true; });
        (bundle.titled || []).forEach(function (token) { titles[token] = true; });
        if (bundle.results) {
          known = fetchJson(new URL(bundle.results, PAGEFIND).href, {});
        }
        later = bundle.later || null;
        preloadChunks();  // a query pasted or typed already
        return bundle.parts || [];
      });
      document.addEventListener("input", function (event) { if (!event.isComposing) preloadChunks(); }, true);
      document.addEventListener("compositionend", preloadChunks, true);
      Promise.all([import(PAGEFIND), parts])
        .then(function (loaded) {
          var module = loaded[0];
          // Result addresses from the site root (made relative below, so sub-path hosting works);
          // an empty search returns once Pagefind's index metadata and WebAssembly are loaded.
          // pageLength 0: a long guide that is about the query is not ranked below a short page
          // that only mentions it (measured on the real pages: 催收 → the harassment guide first).
          var settings = {baseUrl: "/", ranking: {pageLength: 0}};
          return module.options(settings)
            .then(function () {
              return Promise.all(loaded[1].map(function (part) {
                return module.mergeIndex(new URL(part, PAGEFIND).pathname, settings);
              }));
            })
            .then(function () { return module.init(); })
            .then(function () { return module.search(""); })
            .then(function () { pagefind = module; });
        })
        .catch(function (error) { console.warn("搜索索引加载失败：", error); })
        .then(function () { chunks = null; emit({type: READY}); });  // from now on Pagefind fetches what it needs
    });

    this.addEventListener = function (type, listener) { if (type === "message") listeners.push(listener); };
    this.removeEventListener = function (type, listener) {
      listeners = listeners.filter(function (l) { return l !== listener; });
    };
    this.postMessage = function (message) {
      if (!message || message.type === SETUP) return;  // Pagefind needs nothing from Material's index
      if (message.type === QUERY) answer(String(message.data || ""), ++latest);
    };
    this.terminate = function () { listeners = []; };
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

  /* Material reads the box on keyup only, but paste, voice input and an input method's commit press
   * no key. Each finished change is passed on as a keyup; Material skips a value it has already
   * searched (distinctUntilChanged), so the keyup that also follows a typed key queries nothing twice.
   * Input inside an unfinished composition (pinyin letters) waits for compositionend. */
  function passOn(event) {
    var box = event.target;
    if (event.isComposing || !box.matches || !box.matches(".md-search__input")) return;
    box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  }
  document.addEventListener("input", passOn, true);
  document.addEventListener("compositionend", passOn, true);

  /* Material leaves its search dialog without a name (axe: aria-dialog-name). */
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "搜索");
})();
