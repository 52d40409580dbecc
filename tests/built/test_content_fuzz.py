"""Issue 15: content fuzz — mutate real content files and check the outcome of each mutation.

Every mutation (injection patterns, broken encodings, YAML aliases, huge sizes, control
characters) must end one of two ways: `faqgen check` fails with a message naming the mutated file
(and a build leaves site/ as it was), or the pages it changes come out with no event handler,
script URL or embedded document (the same HTML guard the build runs on every page).

`make test` runs FUZZ_CASES cases (default 24); `make fuzz` runs 400 and builds some for real.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from functools import cache
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from faqgen.build.safe_build import build
from faqgen.content.errors import ContentErrors
from faqgen.content.pipeline import load_valid_content
from faqgen.paths import CONTENT_DIR, PROJECT_ROOT
from faqgen.render.html_guard import html_problems
from faqgen.render.pages import render_site

CASES = int(os.environ.get("FUZZ_CASES", "24"))
REAL_BUILD_EVERY = int(os.environ.get("FUZZ_BUILD_EVERY", "0"))  # accepted cases built by MkDocs too (0: none)
SEED = int(os.environ.get("FUZZ_SEED", "15"))

PAYLOADS = [
    '{: onclick="alert(1)" }',
    "{: onmouseover=alert(1) }",
    "{#x onclick=alert(1)}",
    "{: href='javascript:alert(1)' }",
    "[点我](javascript:alert(1))",
    "[点我](java&#x09;script:alert(1))",
    "[点我]( <javascript:alert(1)> )",
    "![图](x){: onerror=alert(1) }",
    "[点我](data:text/html,<script>alert(1)</script>)",
    "\n> [r]: javascript:alert(1)\n\n[点我][r]\n",
    "\n- [r]: vbscript:msgbox(1)\n\n[点我][r]\n",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<a href=javascript:alert(1)>x</a>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "&#106;avascript:alert(1)",
    "\x00",
    "\x1b[31m红字\x1b[0m",
    "\x07",
    "\u202e反转",
    "\u200b",
    "{{channel:police-110}}{: onclick=alert(1) }",
    "*a &b",
]
ENCODINGS = ["gbk", "utf-16", "latin-1-mojibake", "cr-only", "bom", "truncated"]
STRUCTURE = ["alias-self", "alias-bomb", "huge", "tab-indent", "empty"]


@cache
def _site_markdown_settings() -> tuple[list, dict]:
    """The Markdown extensions and settings of mkdocs.yml."""
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def _html(page_markdown: str) -> str:
    """A generated page as MkDocs turns it into HTML (front matter stripped, the site's extensions)."""
    extensions, configs = _site_markdown_settings()
    body, _meta = get_data(page_markdown)
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)


@cache
def _baseline() -> dict[str, str]:
    """The generated Markdown of the real content, page by page."""
    return {page.src_uri: page.markdown for page in render_site(load_valid_content(CONTENT_DIR))}


def _mutate_text(text: str, rng: random.Random, payload: str, yaml_file: bool) -> str:
    """Put payload into one value (YAML) or one line (a page body) of text."""
    lines = text.split("\n")
    if yaml_file or rng.random() < 0.4:  # a YAML value: front matter or data file
        candidates = [i for i, line in enumerate(lines) if re.match(r"^\s*(?:- )?(?:[a-z_]+: )?\S", line)]
        candidates = [i for i in candidates if not re.match(r"^\s*(?:---|- id:|id:)", lines[i])] or candidates
        index = rng.choice(candidates)
        match = re.match(r"^(\s*(?:- )?(?:[a-z_]+: )?)(.*)$", lines[index])
        assert match
        value = match.group(2).strip("'\"")
        lines[index] = match.group(1) + json.dumps(value + payload, ensure_ascii=False)
    else:  # a body line
        index = rng.randrange(len(lines) // 2, len(lines))
        lines[index] = lines[index] + payload
    return "\n".join(lines)


def _mutate(path: Path, rng: random.Random, kind: str) -> str:
    """Apply one mutation to one content file; return a description."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    yaml_file = path.suffix == ".yml"
    if kind in PAYLOADS:
        path.write_text(_mutate_text(text, rng, kind, yaml_file), encoding="utf-8")
    elif kind == "gbk":
        path.write_bytes(text.encode("gbk", errors="replace"))
    elif kind == "utf-16":
        path.write_bytes(text.encode("utf-16"))
    elif kind == "latin-1-mojibake":
        path.write_bytes(text.encode("utf-8").decode("latin-1").encode("utf-8"))
    elif kind == "cr-only":
        path.write_bytes(raw.replace(b"\n", b"\r"))
    elif kind == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + raw)
    elif kind == "truncated":
        path.write_bytes(raw[: rng.randrange(1, len(raw))])
    elif kind in ("alias-self", "alias-bomb"):
        alias = "zz: &a [*a]" if kind == "alias-self" else "za: &a [x, x, x]\nzb: &b [*a, *a, *a]\nzc: [*b, *b, *b]"
        if yaml_file:
            path.write_text(alias + "\n" + text, encoding="utf-8")
        else:
            path.write_text(text.replace("---\n", "---\n" + alias + "\n", 1), encoding="utf-8")
    elif kind == "huge":
        path.write_text(text + "\n" + "很长的正文。" * 100_000, encoding="utf-8")
    elif kind == "tab-indent":
        path.write_text(re.sub(r"^  (\S)", "\t\\1", text, count=1, flags=re.M), encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    return f"{path.name}: {kind!r}"


def _cases() -> list[tuple[int, str]]:
    """(case number, mutation kind) pairs, deterministic for a seed: every payload before repeats."""
    kinds = PAYLOADS + ENCODINGS + STRUCTURE
    rng = random.Random(SEED)
    order = kinds[:]
    rng.shuffle(order)
    return [(i, order[i % len(order)]) for i in range(CASES)]


def _files(content: Path) -> list[Path]:
    """Content files worth mutating: every page and data file."""
    return sorted(p for p in content.rglob("*") if p.suffix in (".md", ".yml") and p.is_file())


@pytest.mark.parametrize("case, kind", _cases(), ids=lambda v: repr(v)[:30] if isinstance(v, str) else str(v))
def test_mutated_content_fails_clearly_or_publishes_nothing_executable(
    tmp_path: Path, case: int, kind: str, capsys
) -> None:
    content = Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
    rng = random.Random(SEED * 1000 + case)
    target = rng.choice(_files(content))
    what = _mutate(target, rng, kind)
    try:
        loaded = load_valid_content(content)
    except ContentErrors as exc:
        named = {e.path for e in exc.errors}
        assert target in named or target.parent in named, f"{what}: errors name {sorted(map(str, named))[:5]}"
        # The build stops at the same check (before MkDocs runs), so this costs little.
        site = tmp_path / "site"
        site.mkdir()
        (site / "index.html").write_text("old site")
        capsys.readouterr()
        assert build(site, PROJECT_ROOT / "mkdocs.yml", content, post_steps=False) == 1, what
        assert [p.name for p in site.iterdir()] == ["index.html"], what
        assert (site / "index.html").read_text() == "old site"
        err = capsys.readouterr().err
        assert target.name in err or target.parent.name in err, what
        return
    baseline = _baseline()
    pages = render_site(loaded)
    changed = [p for p in pages if baseline.get(p.src_uri) != p.markdown and not p.src_uri.endswith(".svg")]
    for page in changed:
        assert html_problems(_html(page.markdown)) == [], f"{what}: {page.src_uri}"
    if REAL_BUILD_EVERY and case % REAL_BUILD_EVERY == 0:
        site = tmp_path / "site"
        assert build(site, PROJECT_ROOT / "mkdocs.yml", content, post_steps=False) == 0, what
