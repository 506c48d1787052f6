"""Record sinks for batch runs: JSONL (.gz/.zst) and Parquet files, sharded or not, every file atomic.

Records arrive in input order. With `shard_size` N the output `out.jsonl.gz` becomes `out-00000.jsonl.gz`,
`out-00001.jsonl.gz`, ... of N records each. Without it, records go to checkpoint parts in `out.jsonl.gz.parts/`
that are concatenated into `out.jsonl.gz` at the end. Either way a file appears under its final name only when
complete (temporary file, fsync, os.replace), and `out.jsonl.gz.journal` records what is done, for `--resume`.
"""
from __future__ import annotations

import gzip
import os
import re
import shutil
import time
from typing import Any

from ..errors import OutputError
from ..ingest.base import require
from ..run.journal import Journal, atomic_replace, temp_name

_EXTENSIONS = (".jsonl.gz", ".jsonl.zst", ".ndjson.gz", ".ndjson.zst", ".json.gz", ".jsonl", ".ndjson", ".json",
               ".parquet", ".pq")


def split_extension(path: str) -> tuple[str, str]:
    lower = path.lower()
    for ext in _EXTENSIONS:
        if lower.endswith(ext):
            return path[: -len(ext)], path[-len(ext):]
    return path, ""


def gzip_writer(raw: Any) -> Any:
    """A gzip stream onto `raw`: ISA-L's igzip when installed (`pip install isal`: level 3 gives files about 4%
    larger than zlib's level 4 for a quarter of the CPU), else the standard library at level 4."""
    try:
        from isal import igzip
    except ImportError:
        return gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=4, mtime=0)
    return igzip.IGzipFile(fileobj=raw, mode="wb", compresslevel=3, mtime=0)


class _JsonlPart:
    def __init__(self, tmp: str, final: str) -> None:
        self.handle: Any = None
        lower = final.lower()
        raw = open(tmp, "wb", buffering=1 << 20)  # noqa: SIM115 - one write call per ~1 MB, not per record
        if lower.endswith(".gz"):
            self.handle = gzip_writer(raw)
        elif lower.endswith(".zst"):
            zstd = require("zstandard", "zstd")
            self.handle = zstd.ZstdCompressor(level=3).stream_writer(raw, closefd=False)
        self.raw = raw

    def write(self, payload: bytes) -> None:
        (self.handle or self.raw).write(payload)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.raw.close()


class ShardedSink:
    """JSONL or Parquet output, sharded or checkpointed, resumable. `encoding` tells workers what to send."""

    def __init__(self, output: str, fmt: str = "jsonl", shard_size: int | None = None, fingerprint: str = "",
                 checkpoint_records: int = 1000, checkpoint_seconds: float = 60.0) -> None:
        if fmt not in ("jsonl", "parquet"):
            raise OutputError(f"sharded output supports jsonl and parquet, not {fmt}")
        if shard_size is not None and shard_size <= 0:
            raise OutputError("shard size must be positive")
        self.output, self.fmt, self.shard_size = output, fmt, shard_size
        self.encoding = "jsonl" if fmt == "jsonl" else "dict"
        self.base, self.ext = split_extension(output)
        if not self.ext:
            self.ext = ".parquet" if fmt == "parquet" else ".jsonl"
        self.parts_dir = f"{output}.parts"
        self.journal = Journal(f"{output}.journal", fingerprint)
        self.checkpoint_records, self.checkpoint_seconds = checkpoint_records, checkpoint_seconds
        self.parts: list[str] = []
        self.part_start = 0
        self.count = 0
        self.writer: Any = None
        self.tmp: str | None = None
        self.opened_at = 0.0
        self.files_written: list[str] = []

    # ---- naming
    def _part_path(self, index: int) -> str:
        if self.shard_size:
            return f"{self.base}-{index:05d}{self.ext}"
        return os.path.join(self.parts_dir, f"part-{index:05d}{self.ext}")

    # ---- lifecycle
    def open(self, resume: bool = False) -> int | None:
        """Prepare the output; return the first input ordinal still to write (None: an earlier run finished)."""
        state = self.journal.load() if resume else None
        if state is not None:
            self.journal.check(state)
            if state.complete:
                return None
        else:
            self._clean_previous()
        directory = os.path.dirname(os.path.abspath(self.output))
        os.makedirs(directory, exist_ok=True)
        if not self.shard_size:
            os.makedirs(self.parts_dir, exist_ok=True)
        self.parts = [os.path.join(os.path.dirname(self._part_path(0)), p["part"]) for p in (state.parts if state else [])]
        self._remove_orphans()
        self.journal.start(state)
        self.part_start = state.end if state else 0
        return self.part_start

    def _clean_previous(self) -> None:
        old = self.journal.load()
        if old is not None:
            for part in old.parts:
                _remove(os.path.join(os.path.dirname(self._part_path(0)), part["part"]))
            self.journal.remove()
        shutil.rmtree(self.parts_dir, ignore_errors=True)

    def _remove_orphans(self) -> None:
        """Parts on disk that the journal does not list (a crash after rename, before the journal line)."""
        directory = os.path.dirname(os.path.abspath(self._part_path(0)))
        stem = "part" if not self.shard_size else os.path.basename(self.base)
        pattern = re.compile(re.escape(stem) + r"-\d{5}" + re.escape(self.ext) + "$")
        known = {os.path.basename(p) for p in self.parts}
        for name in os.listdir(directory):
            stale_tmp = name.startswith(".") and ".tmp-" in name and pattern.match(name[1:].split(".tmp-")[0])
            if (pattern.match(name) and name not in known) or stale_tmp:
                _remove(os.path.join(directory, name))

    def write(self, ordinal: int, payload: Any) -> None:
        if self.writer is None:
            self._open_part()
        self.writer.write(payload)
        self.count += 1
        if self._part_full():
            self._commit(ordinal + 1)

    def _part_full(self) -> bool:
        if self.shard_size:
            return self.count >= self.shard_size
        return self.count >= self.checkpoint_records or time.monotonic() - self.opened_at > self.checkpoint_seconds

    def _open_part(self) -> None:
        final = self._part_path(len(self.parts))
        self.tmp = temp_name(final)
        if self.fmt == "parquet":
            from .parquet import ParquetPartWriter

            self.writer = ParquetPartWriter(self.tmp)
        else:
            self.writer = _JsonlPart(self.tmp, final)
        self.count, self.opened_at = 0, time.monotonic()

    def _commit(self, end: int) -> None:
        final = self._part_path(len(self.parts))
        self.writer.close()
        atomic_replace(self.tmp or "", final)
        self.journal.append({"part": os.path.basename(final), "start": self.part_start, "end": end,
                             "records": self.count})
        self.parts.append(final)
        self.part_start, self.writer, self.tmp, self.count = end, None, None, 0

    def close(self, end: int) -> None:
        """Commit the last part; without sharding, join the parts into the output file. `end`: ordinals done."""
        if self.writer is not None:
            self._commit(end)
        if not self.shard_size:
            self._merge()
            self.files_written = [self.output]
        else:
            self.files_written = list(self.parts)
        self.journal.append({"complete": True, "end": end})
        self.journal.close()

    def _merge(self) -> None:
        tmp = temp_name(self.output)
        if self.fmt == "parquet":
            from .parquet import concat_parquet

            concat_parquet(self.parts, tmp)
        else:
            with open(tmp, "wb") as out:
                for part in self.parts:  # gzip members and zstd frames concatenate into a valid stream
                    with open(part, "rb") as handle:
                        shutil.copyfileobj(handle, out, 1 << 20)
        atomic_replace(tmp, self.output)
        shutil.rmtree(self.parts_dir, ignore_errors=True)

    def abort(self) -> None:
        """Stop without committing the open part (Ctrl-C): what is committed stays, for --resume."""
        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:  # noqa: BLE001 - best effort while stopping
                pass
            _remove(self.tmp or "")
            self.writer = None
        self.journal.close()


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except (FileNotFoundError, IsADirectoryError):
        pass


class StreamSink:
    """Records to an open binary stream (stdout), in input order. Not resumable: there is no file to resume."""

    encoding = "jsonl"

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.files_written: list[str] = []

    def open(self, resume: bool = False) -> int | None:
        if resume:
            raise OutputError("--resume needs an output file (-o)")
        return 0

    def write(self, ordinal: int, payload: Any) -> None:
        self.stream.write(payload)

    def close(self, end: int) -> None:
        self.stream.flush()

    def abort(self) -> None:
        self.stream.flush()


class CollectSink:
    """Keeps Article / Failure objects in a list, in input order (library use and tests)."""

    encoding = "article"

    def __init__(self) -> None:
        self.records: list[Any] = []
        self.files_written: list[str] = []

    def open(self, resume: bool = False) -> int | None:
        return 0

    def write(self, ordinal: int, payload: Any) -> None:
        self.records.append(payload)

    def close(self, end: int) -> None:
        pass

    def abort(self) -> None:
        pass
