"""The Content-Security-Policy of deploy/security-headers.conf holds on every built page.

The site is served with the documented headers (scripts/static_server.py reads them from the
nginx example), every page is opened, search and instant navigation are used, and nothing may
be refused: no securitypolicyviolation event and no console error.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from faqgen.static_server import content_security_policy, serve
from site_crawl import site_pages

pytestmark = pytest.mark.browser

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation', e =>
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile));"""

INJECT_INLINE_SCRIPT = """() => { const s = document.createElement('script');
  s.textContent = 'window.injectedRan = true'; document.head.append(s); return window.injectedRan === true; }"""


@pytest.fixture(scope="module")
def csp_site(built_site: Path) -> Iterator[str]:
    """The built site served with the nginx example's headers."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


def inline_script_hashes(site: Path) -> dict[str, str]:
    """sha256 CSP source of each executable inline script in the build → one page that has it."""
    found: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match["attrs"]
            if "src=" in attrs or re.search(r'type="(?!text/javascript|module)', attrs):
                continue  # external, or data such as Material's application/json config
            digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode()
            found.setdefault(f"'sha256-{digest}'", page.relative_to(site).as_posix())
    return found


def test_policy_allows_only_the_site_itself() -> None:
    policy = content_security_policy()
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    # Pagefind's search compiles WebAssembly: allowed, and nothing else that 'unsafe-eval' would allow.
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "worker-src 'self'"):
        assert directive in policy
    assert not re.search(r"https?:|\*", policy), "the policy names another host"


def test_every_inline_script_is_hashed_in_the_policy(built_site: Path) -> None:
    policy = content_security_policy()
    missing = {h: page for h, page in inline_script_hashes(built_site).items() if h not in policy}
    assert not missing, (
        "inline scripts the CSP would block (add the hash to deploy/security-headers.conf "
        f"after checking the script): {missing}"
    )


def test_no_page_breaks_the_policy(built_site: Path, csp_site: str, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.set_default_timeout(15_000)
    context.add_init_script(REPORT_VIOLATIONS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(f"{tab.url}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(f"{tab.url}: {e}"))
    response = tab.goto(csp_site + "/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    for path in site_pages(built_site):
        tab.goto(csp_site + path, wait_until="load")
    # Search: the worker, the index and the results, all under the policy.
    tab.goto(csp_site + "/")
    tab.click("label.md-header__button[for='__search']")
    tab.fill(".md-search__input", "借呗")
    tab.keyboard.press("End")
    tab.locator(".md-search-result__meta").filter(has_text="个").wait_for()
    assert tab.locator(".md-search-result__item").count() > 0
    # Instant navigation: Material fetches the next page and swaps it in.
    tab.goto(csp_site + "/topics/jiebei/")
    tab.locator("article h2 a:not(.headerlink)").first.click()
    tab.wait_for_url("**/q/**")
    tab.wait_for_timeout(300)
    found = list(errors)
    # Control: an injected inline script must be refused and reported, or the check above proves nothing.
    assert tab.evaluate(INJECT_INLINE_SCRIPT) is False
    tab.wait_for_timeout(100)
    context.close()
    assert not found, "\n".join(found)
    assert any("CSP violation: script-src" in e for e in errors), errors
