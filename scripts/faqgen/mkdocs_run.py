"""The one way this project runs MkDocs in a child process: the command and its environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mkdocs_env(content_dir: Path | None = None) -> dict[str, str]:
    """The environment for a MkDocs child: no MkDocs-2 notice, and the content folder the plugin reads."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if content_dir is not None:
        env["FAQGEN_CONTENT_DIR"] = str(content_dir)
    return env


def mkdocs_build_command(config: Path, out_dir: Path, *, strict: bool = True) -> list[str]:
    """`mkdocs build` of config into out_dir, with this interpreter (so the venv's packages are used)."""
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        *(["--strict"] if strict else []),
        "-f",
        str(config),
        "-d",
        str(out_dir),
    ]


def mkdocs_serve_command(port: int) -> list[str]:
    """`mkdocs serve` with live reload on 127.0.0.1:port, as `make serve` runs it."""
    return [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]


def run_mkdocs_build(config: Path, out_dir: Path, content_dir: Path | None = None, *, strict: bool = True) -> bool:
    """Build config into out_dir in a child process (output goes to the terminal); True when it succeeded."""
    cmd = mkdocs_build_command(config, out_dir, strict=strict)
    return subprocess.run(cmd, cwd=config.parent, env=mkdocs_env(content_dir)).returncode == 0
