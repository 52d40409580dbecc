"""Put a freshly built site in place of site/ so that site/ never disappears, and clean up after killed builds.

Linux: one renameat2(RENAME_EXCHANGE) swaps the two folders atomically; readers see the old or
the new site, never none. Elsewhere, or on file systems without it: two renames, and the next
build puts the old site back if a kill fell between them. A site/ that is a mount point (Docker
`-v …/site:…`) cannot be renamed: the new files are copied into it instead.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
# Leftovers of builds named by their process id; removed when that process no longer runs.
LEFTOVER = re.compile(r"^\.(?:site-build|site-old)-(\d+)$|^\.mkdocs-offline-(\d+)\.yml$|^faqgen-offline-(\d+)-\w+$")
NOT_SUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM}


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False when the system or file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in NOT_SUPPORTED:
        return False
    raise OSError(err, os.strerror(err), str(b))


def copy_into(new_dir: Path, site_dir: Path) -> None:
    """Make site_dir hold exactly new_dir's files, writing each file whole (for a site/ that cannot be renamed)."""
    for source in sorted(new_dir.rglob("*")):
        target = site_dir / source.relative_to(new_dir)
        if source.is_dir() and not source.is_symlink():
            if target.is_symlink() or (target.exists() and not target.is_dir()):
                target.unlink()
            target.mkdir(exist_ok=True)
            continue
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        partial = target.with_name(f".{target.name}.faqgen-{os.getpid()}")
        shutil.copy2(source, partial, follow_symlinks=False)
        os.replace(partial, target)  # a reader gets the old file or the new one, never half of one
    for target in sorted(site_dir.rglob("*"), reverse=True):  # deepest first
        if not (new_dir / target.relative_to(site_dir)).exists():
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)


def swap_into_place(new_dir: Path, site_dir: Path) -> Path | None:
    """Replace site_dir by new_dir; return where the old site now is (to delete), or None."""
    if not site_dir.exists() and not site_dir.is_symlink():
        new_dir.rename(site_dir)
        return None
    if os.path.ismount(site_dir):
        copy_into(new_dir, site_dir)
        return new_dir
    try:
        if exchange(new_dir, site_dir):
            return new_dir  # it now holds the old site
    except OSError as exc:
        if exc.errno not in (errno.EBUSY, errno.EXDEV):
            raise
        copy_into(new_dir, site_dir)  # a mount point os.path.ismount did not see (bind mount of a folder)
        return new_dir
    old_dir = site_dir.with_name(f".site-old-{os.getpid()}")
    site_dir.rename(old_dir)
    new_dir.rename(site_dir)  # a kill before this line leaves no site/: restore_interrupted() repairs it
    return old_dir


def _running(pid: int) -> bool:
    """True when a process with this id exists (it may be another program reusing the id: then we keep its files)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def restore_interrupted(site_dir: Path) -> Path | None:
    """If a killed build left no site/ but its old copy, put that copy back; return it, or None."""
    if site_dir.exists() or site_dir.is_symlink():
        return None
    olds = sorted(site_dir.parent.glob(".site-old-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds:
        match = LEFTOVER.match(old.name)
        if match and not _running(int(match.group(1))) and old.is_dir():
            old.rename(site_dir)
            return old
    return None


def clean_leftovers(*folders: Path) -> list[Path]:
    """Remove .site-build-PID, .site-old-PID, .mkdocs-offline-PID.yml and faqgen-offline-PID-* of ended builds."""
    removed = []
    for folder in dict.fromkeys(folders):
        for path in [*folder.glob(".*"), *folder.glob("faqgen-offline-*")]:
            match = LEFTOVER.match(path.name)
            if not match or _running(int(next(g for g in match.groups() if g))):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed
