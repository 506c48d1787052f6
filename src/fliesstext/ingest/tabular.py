"""JSONL(.gz/.zst) and Parquet with a column of HTML or of already-extracted text -> Page, streamed."""
from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import InputError
from .base import IngestStats, Item, ingest_failure, require


@dataclass(frozen=True, slots=True)
class Columns:
    """Which columns hold what. `html` or `text` names the content column; by default the first one present."""

    html: str | None = None
    text: str | None = None
    url: str = "url"
    id: str = "id"
    fetched_at: str | None = None

    def content_candidates(self) -> list[tuple[str, str]]:
        if self.html or self.text:
            return [(c, m) for c, m in ((self.html, "html"), (self.text, "text")) if c]
        return [("html", "html"), ("content", "auto"), ("text", "text"), ("raw_content", "text")]


def _row_page(row: dict[str, Any], columns: Columns, source: str, index: int) -> Item:
    from ..model import Page

    ref = f"{source}:{index}"
    raw_id = row.get(columns.id)
    page_id = str(raw_id) if raw_id is not None else ref
    for column, mode in columns.content_candidates():
        content = row.get(column)
        if content is None:
            continue
        if not isinstance(content, str | bytes):
            return ingest_failure(ref, f"column {column!r} holds {type(content).__name__}, not text", "InputError",
                                  page_id)
        url = row.get(columns.url)
        fetched = row.get(columns.fetched_at) if columns.fetched_at else None
        return Page(content=content, url=str(url) if url else None, id=page_id, source=ref,
                    fetched_at=str(fetched) if fetched else None, mode=mode)  # type: ignore[arg-type]
    wanted = ", ".join(c for c, _ in columns.content_candidates())
    return ingest_failure(ref, f"no content column ({wanted}) in record", "MissingColumn", page_id)


def open_maybe_compressed(path: str) -> IO[bytes]:
    """Open a file for reading, decompressing .gz / .zst transparently (by magic bytes, not by name)."""
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller
    magic = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
    if magic[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if magic == b"\x28\xb5\x2f\xfd":
        zstd = require("zstandard", "zstd")
        return zstd.ZstdDecompressor().stream_reader(raw, closefd=True)  # type: ignore[no-any-return]
    return raw


def iter_jsonl(stream: IO[bytes], columns: Columns, source: str, stats: IngestStats | None = None) -> Iterator[Item]:
    """One Page per JSON line; a line that is not a JSON object becomes a Failure; blank lines are skipped."""
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="\n")
    index = 0
    try:
        for line in text:
            if not line.strip():
                continue
            index += 1
            try:
                row = json.loads(line)
            except ValueError as err:
                yield ingest_failure(f"{source}:{index}", err, "JSONDecodeError")
                continue
            if not isinstance(row, dict):
                yield ingest_failure(f"{source}:{index}", "line is not a JSON object", "InputError")
                continue
            yield _row_page(row, columns, source, index)
    except (OSError, EOFError) as err:  # truncated gzip, ...
        if stats is not None:
            stats.truncated_archives += 1
        yield ingest_failure(source, err, "TruncatedFile")


def iter_jsonl_file(path: str, columns: Columns, stats: IngestStats | None = None) -> Iterator[Item]:
    with open_maybe_compressed(path) as stream:
        yield from iter_jsonl(stream, columns, path, stats)


def iter_parquet(path: str, columns: Columns, batch_size: int = 256) -> Iterator[Item]:
    """Stream a Parquet file in small record batches: only the needed columns are read."""
    pq = require("pyarrow.parquet", "parquet")
    try:
        file = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises ArrowInvalid / OSError for unreadable files
        raise InputError(f"cannot read Parquet file {path}: {err}") from err
    names = set(file.schema_arrow.names)
    wanted = [c for c, _ in columns.content_candidates()] + [columns.url, columns.id]
    if columns.fetched_at:
        wanted.append(columns.fetched_at)
    selected = [c for c in dict.fromkeys(wanted) if c in names]
    index = 0
    for batch in file.iter_batches(batch_size=batch_size, columns=selected):
        for row in batch.to_pylist():
            index += 1
            yield _row_page(row, columns, path, index)
