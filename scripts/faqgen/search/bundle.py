"""Pagefind's bundle made quicker to start on a slow phone network (after each Pagefind run, see pagefind.py).

On a phone, the first search waits mostly for requests that wait for each other: pagefind.js
names the worker, the worker's pagefind-entry.json names the index metadata and the WebAssembly,
the metadata names the index chunks. The search box (docs/assets/search-on-demand.js) fetches
assets/search-data.json first anyway; this module adds to it the names of the files every first
search needs, so the box starts them all at once and Pagefind's worker then finds them in the
browser's cache. For that the WebAssembly gets a name that changes with its content
(deploy/nginx.conf caches such names for a year; a fixed name would be fetched again).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

from faqgen.search.query_data import DATA_URI

ENTRY_FILE = "pagefind-entry.json"
WASM_HASH_LENGTH = 10  # wasm.<10 hex digits>.pagefind: the name deploy/nginx.conf caches for a year
SIGNATURE = b"pagefind_dcd"  # how Pagefind's index files start once un-gzipped
# Up to this many pages, every result's address, title and short answer are in one file (about
# 0.14 KB gzip a page) that the search box downloads with the rest, so the first result needs no
# result entry requests: at 200 pages it is ~28 KB, on Slow 4G (1.6 Mbit/s) about the 150 ms
# round trip it saves.
RESULTS_MAX_PAGES = 200
RESULTS_FILE = "results.json"
# Above that, the same table is fetched after a reader's first results ("later"): each query after
# that waits for one download round (its index chunks) instead of two (the chunks, then the ten
# result entries), one larger file instead of ten small ones a query. At 10,000 synthetic Q&As it is
# 343 KB gzip (topic hubs left out, ROW_MAX_BYTES). A table larger than this is not written, and
# every query fetches its result entries.
LATER_MAX_GZIP = 512 * 1024
# A row longer than this is left out of the table, and the box fetches that page's entry when it
# shows: at 10,000 Q&As each topic hub lists ~1,000 of them as sections (220–250 KB a row, ten rows
# = half the table), while a guide or the glossary takes at most 5 KB.
ROW_MAX_BYTES = 8 * 1024


def read_entry(folder: Path) -> dict:
    """A bundle's pagefind-entry.json: its index metadata and WebAssembly, by language."""
    return json.loads((folder / ENTRY_FILE).read_text(encoding="utf-8"))


def entry_index(entry: dict, language: str) -> dict:
    """The entry's index for the pages' language, as Pagefind picks it (else the one with the most pages)."""
    indexes = entry["languages"]
    return indexes.get(language) or max(indexes.values(), key=lambda index: index["page_count"])


def name_wasm_by_hash(bundle: Path) -> None:
    """Rename Pagefind's WebAssembly to wasm.<hash of its bytes>.pagefind and record the name in the entry.

    Pagefind loads `wasm.<the entry's "wasm", else "unknown">.pagefind`; only that part of the
    name changes, so Pagefind itself finds the renamed file.
    """
    entry = read_entry(bundle)
    renamed: dict[str, str] = {}
    for index in entry["languages"].values():
        name = index.get("wasm") or "unknown"
        if name not in renamed:
            data = (bundle / f"wasm.{name}.pagefind").read_bytes()
            renamed[name] = hashlib.sha256(data).hexdigest()[:WASM_HASH_LENGTH]
            (bundle / f"wasm.{renamed[name]}.pagefind").write_bytes(data)
        index["wasm"] = renamed[name]
    for old, new in renamed.items():
        if old != new:
            (bundle / f"wasm.{old}.pagefind").unlink()
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (bundle / ENTRY_FILE).write_text(text, encoding="utf-8")


def first_files(out_dir: Path, folders: list[Path], language: str) -> list[str]:
    """What every first search downloads that only an entry names, as paths inside out_dir: each part's metadata, the WebAssembly."""
    files = []
    for folder in folders:
        index = entry_index(read_entry(folder), language)
        prefix = folder.relative_to(out_dir).as_posix() + "/" if folder != out_dir else ""
        files.append(f"{prefix}pagefind.{index['hash']}.pf_meta")
        if folder == out_dir:  # the parts use the main bundle's WebAssembly
            files.append(f"wasm.{index.get('wasm') or 'unknown'}.pagefind")
    return files


def _cbor(data: bytes, at: int) -> tuple[Any, int]:
    """One CBOR item of data from offset `at` (the subset Pagefind's index files use); the item and the offset after it."""
    head, at = data[at], at + 1
    kind, info = head >> 5, head & 31
    if kind == 7:  # simple values and floats
        sizes = {25: (">e", 2), 26: (">f", 4), 27: (">d", 8)}
        if info in sizes:
            fmt, size = sizes[info]
            return struct.unpack(fmt, data[at : at + size])[0], at + size
        return {20: False, 21: True}.get(info), at
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"CBOR: unsupported length {info}")
    if kind in (0, 1):
        return (value if kind == 0 else -1 - value), at
    if kind in (2, 3):
        chunk = data[at : at + value]
        return (chunk.decode("utf-8") if kind == 3 else chunk), at + value
    items = []
    for _ in range(value * (2 if kind == 5 else 1)):
        item, at = _cbor(data, at)
        items.append(item)
    if kind == 4:
        return items, at
    if kind == 5:
        return dict(zip(items[::2], items[1::2], strict=True)), at
    raise ValueError(f"CBOR: unsupported type {kind}")


def chunk_table(folder: Path, language: str) -> list[list[str]]:
    """The index chunks of a bundle as [first word, last word, file hash], from its metadata (empty if unreadable).

    Pagefind's worker reads the same table to pick, for each word of a query, the chunk whose range
    holds it; the search box does the same to start those chunks while the worker is still loading.
    """
    index = entry_index(read_entry(folder), language)
    try:
        raw = gzip.decompress((folder / f"pagefind.{index['hash']}.pf_meta").read_bytes())
        meta, _end = _cbor(raw, len(SIGNATURE)) if raw.startswith(SIGNATURE) else (None, 0)
        chunks = meta[2]  # Pagefind 1.5: [version, pages, index chunks, filters, …]
    except (OSError, ValueError, IndexError, TypeError, UnicodeDecodeError):
        return []
    rows = [row for row in chunks if isinstance(row, list) and len(row) == 3 and all(isinstance(x, str) for x in row)]
    return rows if rows and len(rows) == len(chunks) else []


def add_to_search_data(site_dir: Path, bundle: dict[str, Any]) -> None:
    """Add the index's parts and first files to assets/search-data.json under "pagefind" (which the search box fetches first)."""
    path = site_dir / DATA_URI
    if not path.is_file():  # a build without the Pagefind backend: nothing reads it
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pagefind"] = bundle
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def _fragments(folder: Path) -> dict[str, dict]:
    """The result entries of a bundle (fragment/*.pf_fragment) by file name without extension, read as Pagefind reads them."""
    entries = {}
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        if raw.startswith(SIGNATURE):
            entries[path.stem] = json.loads(raw[len(SIGNATURE) :])
    return entries


def entry_sections(entry: dict) -> list[list[object]]:
    """A result entry's linked sections as [anchor, heading, teaser, first word, end] (search-on-demand.js entrySections)."""
    try:
        linked = json.loads(entry["meta"].get("sections") or "[]")
    except ValueError:
        return []
    starts = sorted((anchor["location"], anchor["id"]) for anchor in entry.get("anchors", []) if anchor.get("id"))
    ids = [anchor for _location, anchor in starts]
    sections: list[list[object]] = []
    for anchor, heading, teaser in linked:
        if anchor in ids:
            at = ids.index(anchor)
            end = starts[at + 1][0] if at + 1 < len(starts) else None  # None: to the end of the page
            sections.append([anchor, heading, teaser, starts[at][0], end])
    return sections


def result_table(folders: list[Path]) -> dict[str, list[object]]:
    """Each result entry's address, title, short answer and linked sections by Pagefind's result id, over every part.

    Pagefind makes an id unique only within its own part (the first 7 hex digits of a hash, longer
    only on a clash there): an id found in two parts is left out, and so is a row longer than
    ROW_MAX_BYTES; the box fetches those pages' entries.
    """
    table: dict[str, list[object]] = {}
    left_out: set[str] = set()
    for folder in folders:
        for name, entry in _fragments(folder).items():
            if name in table:
                left_out.add(name)
            row = [entry["url"], entry["meta"].get("title", ""), entry["meta"].get("summary", "")]
            table[name] = row + [sections] if (sections := entry_sections(entry)) else row
            if len(json.dumps(table[name], ensure_ascii=False).encode("utf-8")) > ROW_MAX_BYTES:
                left_out.add(name)
    for name in left_out:
        del table[name]
    return table


def write_result_table(folder: Path, table: dict[str, list[object]], max_gzip: int | None = None) -> str | None:
    """Write the table to folder/RESULTS_FILE and return that name; None (nothing written) when it is over max_gzip bytes gzip."""
    text = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    if max_gzip is not None and len(gzip.compress(text.encode("utf-8"), compresslevel=6)) > max_gzip:
        (folder / RESULTS_FILE).unlink(missing_ok=True)
        return None
    (folder / RESULTS_FILE).write_text(text, encoding="utf-8")
    return RESULTS_FILE


def slim_fragments(folder: Path) -> None:
    """Empty the indexed text in each result entry (fragment/*.pf_fragment): the search box shows only title and short answer.

    That text is the page's tokens (zq… pairs), kept by Pagefind to cut excerpts that the box never
    shows. Without it a result entry is about 0.4 KB instead of 3–13 KB gzip, and the first result
    waits for the ten shown. A file in another format is left as it is.
    """
    for name, fragment in _fragments(folder).items():
        fragment["content"] = ""
        slim = json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        (folder / "fragment" / f"{name}.pf_fragment").write_bytes(
            gzip.compress(SIGNATURE + slim, compresslevel=9, mtime=0)
        )
