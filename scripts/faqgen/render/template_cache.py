"""Jinja's on-disk template cache, best effort: a full or unwritable temp folder costs speed, never the build."""

from __future__ import annotations

from jinja2.bccache import Bucket, FileSystemBytecodeCache


class BestEffortBytecodeCache(FileSystemBytecodeCache):
    """FileSystemBytecodeCache that treats every disk error as a cache miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """Load compiled code if the disk allows it."""
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Store compiled code if the disk allows it (a full temp folder raises OSError: ENOSPC)."""
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache() -> FileSystemBytecodeCache | None:
    """The cache in the per-user temp folder, or None when that folder cannot be made."""
    try:
        return BestEffortBytecodeCache()
    except (OSError, RuntimeError):  # RuntimeError: Jinja finds the folder unsafe
        return None
