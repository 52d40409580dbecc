"""The site's own scripts, minified in the built site: comments and spaces are a third of what a phone downloads.

docs/assets/*.js stay readable (and commented) in the repository; `faqgen build` and `mkdocs build`
write them minified into site/assets/ with rjsmin (a small, long-kept minifier that only removes
comments and whitespace, so the code that runs is the code reviewed). `mkdocs serve` leaves them as
written, for editors who debug in the browser. Licence comments (/*! … */) are kept.
"""

from __future__ import annotations

from pathlib import Path

from rjsmin import jsmin

OWN_SCRIPTS = "assets/*.js"  # not assets/vendor/ (kept as shipped) nor Material's assets/javascripts/


def minify_scripts(site_dir: Path) -> list[Path]:
    """Minify each of our scripts in a built site in place; the files changed."""
    changed = []
    for path in sorted(site_dir.glob(OWN_SCRIPTS)):
        text = path.read_text(encoding="utf-8")
        small = jsmin(text, keep_bang_comments=True)
        if small != text:
            path.write_text(small, encoding="utf-8")
            changed.append(path)
    return changed
