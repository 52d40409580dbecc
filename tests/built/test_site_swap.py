"""Issue 15: the published site/ never vanishes, also when a build is killed mid-swap or site/ is a mount point."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from faqgen.build import swap
from faqgen.build.safe_build import build
from faqgen.paths import PROJECT_ROOT


def _tree(folder: Path) -> dict[str, str]:
    """Every file under folder with its text."""
    return {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*") if p.is_file()}


def _site(folder: Path, files: dict[str, str]) -> Path:
    """Write a small site."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


OLD = {"index.html": "old", "q/a/index.html": "old a", "gone.html": "only in the old site"}
NEW = {"index.html": "new", "q/a/index.html": "new a", "q/b/index.html": "new b"}


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_exchange_swaps_two_folders_atomically(tmp_path: Path) -> None:
    site, new = _site(tmp_path / "site", OLD), _site(tmp_path / ".site-build-1", NEW)
    old = swap.swap_into_place(new, site)
    assert _tree(site) == NEW
    assert old == new and _tree(old) == OLD  # the old site waits at the temporary name, to be deleted


def test_a_kill_right_after_the_exchange_leaves_the_new_site(tmp_path: Path, monkeypatch) -> None:
    site, new = _site(tmp_path / "site", OLD), _site(tmp_path / f".site-build-{_dead_pid()}", NEW)
    real = swap.exchange

    def killed_after(a: Path, b: Path) -> bool:
        real(a, b)
        raise KeyboardInterrupt  # the process dies before deleting the old copy

    monkeypatch.setattr(swap, "exchange", killed_after)
    with pytest.raises(KeyboardInterrupt):
        swap.swap_into_place(new, site)
    assert _tree(site) == NEW
    assert swap.clean_leftovers(tmp_path) == [new]  # the next build removes the old copy
    assert not new.exists()


def test_a_kill_between_the_two_fallback_renames_is_repaired_by_the_next_build(
    tmp_path: Path, monkeypatch, content_copy: Path
) -> None:
    """Without renameat2 the swap is two renames; a kill between them must not lose the site for good."""
    site, new = _site(tmp_path / "site", OLD), _site(tmp_path / ".site-build-1", NEW)
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)
    real_rename = Path.rename
    calls = []

    def rename_then_die(self: Path, target: Path) -> Path:
        calls.append(self)
        if len(calls) == 2:
            raise KeyboardInterrupt  # killed between "site → .site-old-PID" and "new → site"
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename_then_die)
    with pytest.raises(KeyboardInterrupt):
        swap.swap_into_place(new, site)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not site.exists()
    # The killed process is gone: give its leftover the id of an ended process.
    (tmp_path / f".site-old-{os.getpid()}").rename(tmp_path / f".site-old-{_dead_pid()}")
    (content_copy / "topics.yml").write_text("- [")  # the next build fails early, yet site/ comes back
    assert build(site, PROJECT_ROOT / "mkdocs.yml", content_copy, post_steps=False) == 1
    assert _tree(site) == OLD
    assert not list(tmp_path.glob(".site-old-*"))


def test_site_that_is_a_mount_point_is_filled_in_place(tmp_path: Path, monkeypatch) -> None:
    site, new = _site(tmp_path / "site", OLD), _site(tmp_path / ".site-build-1", NEW)
    inode = site.stat().st_ino
    monkeypatch.setattr(swap.os.path, "ismount", lambda p: Path(p) == site)
    swap.swap_into_place(new, site)
    assert site.stat().st_ino == inode  # the same folder: the mount still shows the site
    assert _tree(site) == NEW
    assert not [p for p in site.rglob(".*")], "no temporary files left behind"


def test_exchange_refused_by_a_bind_mount_falls_back_to_copying(tmp_path: Path, monkeypatch) -> None:
    site, new = _site(tmp_path / "site", OLD), _site(tmp_path / ".site-build-1", NEW)

    def busy(a: Path, b: Path) -> bool:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(b))

    monkeypatch.setattr(swap, "exchange", busy)
    swap.swap_into_place(new, site)
    assert _tree(site) == NEW


def test_leftovers_of_ended_builds_are_removed_and_running_ones_kept(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getpid()
    for name in (f".site-build-{dead}", f".site-old-{dead}", f".site-build-{alive}"):
        _site(tmp_path / name, {"index.html": "x"})
    (tmp_path / f".mkdocs-offline-{dead}.yml").write_text("x")
    _site(tmp_path / f"faqgen-offline-{dead}-abc_12", {"site/index.html": "x"})
    (tmp_path / ".site-build-notapid").mkdir()
    removed = swap.clean_leftovers(tmp_path)
    assert sorted(p.name for p in removed) == sorted(
        [f".site-build-{dead}", f".site-old-{dead}", f".mkdocs-offline-{dead}.yml", f"faqgen-offline-{dead}-abc_12"]
    )
    assert (tmp_path / f".site-build-{alive}").exists() and (tmp_path / ".site-build-notapid").exists()
