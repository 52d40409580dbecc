"""The one headless Chromium this project drives: Debian's /usr/bin/chromium, never a downloaded browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "zh-CN"}  # the phone every check and measurement uses


def chromium_available() -> bool:
    """True when Debian's Chromium is installed (the PDF step and browser tests need it)."""
    return CHROMIUM.exists()


def launch(playwright: Any) -> Any:
    """Start headless Chromium from a running sync_playwright() with the project's arguments."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
