"""The one crawl of the built site: every page visited once under the deploy headers, recording what each per-page check needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from axe_playwright_python.sync_playwright import Axe

from faqgen.browser import PHONE
from faqgen.static_server import serve

# WCAG 2.1 A and AA, plus the best-practice rule for unnamed dialogs that issue 5 names
# (Material's search dialog) and Lighthouse scores.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],
}
PAGE_FACTS_JS = """() => ({
  title: document.title.trim(),
  description: ((document.querySelector('meta[name="description"]') || {}).content || '').trim(),
  lang: document.documentElement.getAttribute('lang') || '',
  ids: [...document.querySelectorAll('[id]')].map(e => e.id)
       .concat([...document.querySelectorAll('a[name]')].map(e => e.name)),
  // A link inside .pdf-pending stays hidden until the PDF step has written its file.
  links: [...document.querySelectorAll('a[href]')].filter(a => !a.closest('.pdf-pending'))
         .map(a => ({href: a.getAttribute('href'), url: a.href})),
})"""
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
_axe = Axe()


@dataclass
class PageFacts:
    """What the crawl reads from one loaded page."""

    title: str
    description: str
    lang: str
    ids: set[str]
    links: list[dict[str, str]] = field(default_factory=list)


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path ('/', '/q/x/', '/404.html')."""
    return sorted("/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def page_facts(tab: Any) -> PageFacts:
    """Title, description, lang, element ids and links of the page loaded in tab."""
    raw = tab.evaluate(PAGE_FACTS_JS)
    return PageFacts(raw["title"], raw["description"], raw["lang"], set(raw["ids"]), raw["links"])


def axe_violations(tab: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the loaded page, one readable line per rule."""
    results = _axe.run(tab, options=AXE_OPTIONS).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in results
    ]


def site_file(site: Path, path: str) -> Path:
    """The built file that a URL path inside the site is served from."""
    target = site / unquote(path).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def link_problems(site: Path, base: str, crawled: dict[str, PageFacts]) -> list[str]:
    """Broken internal links and anchors, script links and absolute links to a build-time address.

    base is the served site's address without a trailing slash (http://127.0.0.1:PORT or …/faq).
    """
    origin = urlsplit(base)
    prefix = origin.path.rstrip("/")
    problems = []
    for page, facts in crawled.items():
        for link in facts.links:
            href, url = link["href"].strip(), urlsplit(link["url"])
            where = f'{page}: <a href="{href}">'
            if url.scheme.lower() in ("javascript", "vbscript", "data"):
                problems.append(f"{where} runs code or embeds data")
            elif href.startswith("//"):
                problems.append(f"{where} is protocol-relative: it leaves the site")
            elif url.scheme in ("http", "https") and url.hostname in LOOPBACK and url.netloc != origin.netloc:
                problems.append(f"{where} points at a build-time address, not the served site")
            elif url.netloc == origin.netloc:
                problems += _internal_problem(site, prefix, url, where, crawled)
    return problems


def _internal_problem(site: Path, prefix: str, url: Any, where: str, crawled: dict[str, PageFacts]) -> list[str]:
    """Why one same-origin link is broken: outside the site, no such file, or no such anchor."""
    if not (url.path + "/").startswith(prefix + "/"):
        return [f"{where} leaves the site's folder {prefix}/"]
    path = url.path[len(prefix) :] or "/"
    target = site_file(site, path)
    if not target.is_file():
        return [f"{where} → no file {target.relative_to(site)}"]
    if url.fragment and target.suffix == ".html":
        page = "/" + target.relative_to(site).as_posix().removesuffix("index.html")
        facts = crawled.get(page)
        if facts is not None and unquote(url.fragment) not in facts.ids:
            return [f"{where} → {page} has no element with id “{unquote(url.fragment)}”"]
    return []


REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation', e =>
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile));"""
INJECT_INLINE_SCRIPT = """() => { const s = document.createElement('script');
  s.textContent = 'window.injectedRan = true'; document.head.append(s); return window.injectedRan === true; }"""


@dataclass
class Crawl:
    """Everything one visit of every page (plus a search and an instant navigation) recorded."""

    base: str = ""
    policy_header: str = ""
    pages: dict[str, PageFacts] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    search_results: int = 0
    injected_script_ran: bool = True


def crawl_site(browser: Any, site: Path) -> Crawl:
    """Serve site with the nginx example's headers (CSP included) and visit every page once on a phone.

    Also searches (the worker, the index and results load) and follows one link by instant
    navigation, then injects an inline script as a control: the policy must refuse it.
    """
    server, base = serve(site)
    result = Crawl(base=base)
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    context.add_init_script(REPORT_VIOLATIONS)
    context.on(
        "request", lambda r: None if r.url.startswith((base + "/", "data:", "blob:")) else result.outside.append(r.url)
    )
    context.on("response", lambda r: result.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab = context.new_page()
    current = {"path": ""}
    tab.on("console", lambda m: result.console.append(f"{current['path']}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: result.console.append(f"{current['path']}: {e}"))
    try:
        result.policy_header = tab.goto(base + "/").headers.get("content-security-policy", "")
        for path in site_pages(site):
            current["path"] = path
            tab.goto(base + path, wait_until="load")
            result.pages[path] = page_facts(tab)
            result.axe += [f"{path}: {v}" for v in axe_violations(tab)]
        current["path"] = "search"
        tab.goto(base + "/")
        tab.click("label.md-header__button[for='__search']")
        tab.fill(".md-search__input", "借呗")
        tab.keyboard.press("End")
        tab.locator(".md-search-result__meta").filter(has_text="个").wait_for()
        result.search_results = tab.locator(".md-search-result__item").count()
        current["path"] = "instant navigation"
        tab.goto(base + "/topics/jiebei/")
        tab.locator("article h2 a:not(.headerlink)").first.click()
        tab.wait_for_url("**/q/**")
        tab.wait_for_timeout(300)  # let late requests report
        console_before_control = len(result.console)
        result.injected_script_ran = tab.evaluate(INJECT_INLINE_SCRIPT)
        tab.wait_for_timeout(100)
        del result.console[console_before_control:]  # the control's own violation report is expected
    finally:
        context.close()
        server.shutdown()
    return result
