"""The Content-Security-Policy of deploy/security-headers.conf holds on every built page.

The one crawl (tests/site_crawl.py) serves the site with the documented headers, opens every page,
searches and navigates instantly; nothing may be refused: no securitypolicyviolation event and no
console error.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from faqgen.static_server import content_security_policy
from site_crawl import Crawl

pytestmark = pytest.mark.browser

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


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


def test_no_page_breaks_the_policy(crawl: Crawl) -> None:
    assert "default-src 'self'" in crawl.policy_header
    violations = [line for line in crawl.console if "CSP violation" in line or "Content Security Policy" in line]
    assert not violations, "\n".join(violations)
    # Control: an injected inline script was refused, or the check above proves nothing.
    assert crawl.injected_script_ran is False
