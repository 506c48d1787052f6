"""Paths, directories, globs and stdin -> a stream of pages, each input format chosen by its extension.

`.warc`, `.warc.gz` (also `.arc`-less `.warc.zst`/`.warc.lz4`) are read with fastwarc, `.jsonl`, `.ndjson`
(optionally `.gz`/`.zst`) as JSON Lines, `.parquet` with pyarrow; anything else is one page per file
(`.gz` files are decompressed). Directories are walked recursively in sorted order, hidden files skipped.
"""
from __future__ import annotations

import glob
import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import IO

from .base import IngestStats, Item, ingest_failure
from .tabular import Columns, iter_jsonl, iter_jsonl_file, iter_parquet
from .warc import iter_warc
from .warc_split import iter_warc_members

_WARC = (".warc", ".warc.gz", ".warc.zst", ".warc.lz4", ".warc.zstd")
_JSONL = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst", ".json.gz")
_PARQUET = (".parquet", ".pq")
_GLOB_CHARS = frozenset("*?[")


def input_kind(path: str) -> str:
    """'warc', 'jsonl', 'parquet' or 'file', from the file name."""
    name = path.lower()
    if name.endswith(_WARC):
        return "warc"
    if name.endswith(_JSONL):
        return "jsonl"
    if name.endswith(_PARQUET):
        return "parquet"
    return "file"


def expand_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, sorted, hidden files skipped) and globs; keep '-' and plain paths."""
    for spec in inputs:
        if spec == "-":
            yield spec
        elif os.path.isdir(spec):
            yield from _walk(spec)
        elif _GLOB_CHARS & set(spec) and not os.path.exists(spec):
            for match in sorted(glob.glob(spec, recursive=True)):
                yield from _walk(match) if os.path.isdir(match) else iter([match])
        else:
            yield spec


def _walk(root: str) -> Iterator[str]:
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(directory, name)


def iter_inputs(inputs: Iterable[str], columns: Columns | None = None, stats: IngestStats | None = None,
                max_bytes: int = 50_000_000, defer_warc: bool = False) -> Iterator[Item]:
    """Every page of every input, in order. A missing or unreadable input becomes a Failure, never an exception.
    defer_warc: the records of a WARC.gz file come out still compressed, for the batch runner's workers to read
    (warc_split.py); every other reader consumes plain pages."""
    columns = columns or Columns()
    stats = stats if stats is not None else IngestStats()
    for path in expand_paths(inputs):
        if path == "-":
            yield from iter_stdin(sys.stdin.buffer, columns, stats)
            continue
        try:
            yield from _iter_path(path, columns, stats, max_bytes, defer_warc)
        except OSError as err:
            yield ingest_failure(path, err, type(err).__name__, path)
        except Exception as err:  # an optional reader failing on a broken file: report it, keep going
            from ..errors import FliesstextError

            if not isinstance(err, FliesstextError | ValueError):
                raise
            yield ingest_failure(path, err, type(err).__name__, path)


def _iter_path(path: str, columns: Columns, stats: IngestStats, max_bytes: int, defer_warc: bool) -> Iterator[Item]:
    kind = input_kind(path)
    if kind == "warc":
        if not os.path.exists(path):
            raise FileNotFoundError(f"no such file: {path}")
        read = iter_warc_members if defer_warc else iter_warc
        yield from read(path, stats, source=path, max_bytes=max_bytes)
    elif kind == "jsonl":
        yield from iter_jsonl_file(path, columns, stats)
    elif kind == "parquet":
        yield from iter_parquet(path, columns)
    else:
        yield read_file_page(path)


def read_file_page(path: str) -> Item:
    from ..model import Page

    with open(path, "rb") as handle:
        data = handle.read()
    if path.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            return ingest_failure(path, err, "TruncatedFile", path)
    return Page(content=data, id=path, source=path)


def iter_stdin(stream: IO[bytes], columns: Columns, stats: IngestStats) -> Iterator[Item]:
    """stdin: a WARC (plain, gzip or zstd) is read as an archive, JSON Lines (plain or gzip) line by line,
    anything else is one page."""
    from ..model import Page

    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    gzipped = head[:2] == b"\x1f\x8b"
    if gzipped:
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            head = b""
    if head.startswith(b"WARC/") or head[:4] == b"\x28\xb5\x2f\xfd":
        yield from iter_warc(stream, stats, source="stdin")
    elif head.lstrip()[:1] == b"{":
        lines: IO[bytes] = gzip.GzipFile(fileobj=stream) if gzipped else stream  # type: ignore[assignment]
        yield from iter_jsonl(lines, columns, "stdin", stats)
    else:
        data = stream.read()
        yield Page(content=gzip.decompress(data) if gzipped else data, id="stdin", source="stdin")
