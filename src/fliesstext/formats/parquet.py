"""Parquet output: an explicit pyarrow schema for the record of docs/schema.md, written in row groups.

Articles and failures go in the SAME file, so one input row is one output row: a failure row has `error`,
`message`, `stage` and `input` set and the article columns null (lists empty). Provenance extras from WARC
inputs (`warc_record_id`, `warc_date`, `warc_target_uri`, `fetched_at`) have their own columns.
tests/corpus/test_outputs.py checks that every key of Article.to_dict() has a column.
"""
from __future__ import annotations

from typing import Any

from ..ingest.base import require

ARTICLE_STRINGS = ("id", "url", "host", "canonical_url", "lang", "title", "kicker", "teaser", "date_published",
                   "date_published_source", "date_published_raw", "date_modified", "date_modified_source",
                   "date_modified_raw", "site_name", "section")
EXTRA_STRINGS = ("warc_record_id", "warc_date", "warc_target_uri", "fetched_at")
FAILURE_STRINGS = ("input", "error", "message", "stage")


def article_schema() -> Any:
    """The pyarrow schema. Built on call (pyarrow is optional and imported lazily)."""
    pa = require("pyarrow", "parquet")
    s = pa.string()
    image = pa.struct([("src", s), ("alt", s), ("caption", s), ("credit", s), ("width", pa.int32()),
                       ("height", pa.int32())])
    block = pa.struct([("kind", s), ("text", s), ("level", pa.int8()), ("depth", pa.int8()),
                       ("ordered", pa.bool_()), ("rows", pa.list_(pa.list_(s)))])
    removed = pa.struct([("kind", s), ("text", s), ("reason", s), ("pages", pa.int32())])
    repair = pa.struct([("kind", s), ("before", s), ("after", s)])
    fields = [pa.field(name, s) for name in ARTICLE_STRINGS]
    fields[8:8] = [pa.field("authors", pa.list_(s))]
    fields += [
        pa.field("tags", pa.list_(s)),
        pa.field("images", pa.list_(image)),
        pa.field("body", pa.list_(block)),
        pa.field("text", s),
        pa.field("removed", pa.list_(removed)),
        pa.field("repairs", pa.list_(repair)),
        pa.field("mode", s),
        pa.field("warnings", pa.list_(s)),
        pa.field("source", s),
        pa.field("version", s),
    ]
    fields += [pa.field(name, s) for name in EXTRA_STRINGS + FAILURE_STRINGS]
    return pa.schema(fields, metadata={"fliesstext": "article-or-failure record, see docs/schema.md"})


def _row(record: dict[str, Any]) -> dict[str, Any]:
    """Values the schema cannot hold as-is (extras of other types) are stringified."""
    out = dict(record)
    for name in EXTRA_STRINGS:
        value = out.get(name)
        if value is not None and not isinstance(value, str):
            out[name] = str(value)
    return out


class ParquetPartWriter:
    """Writes record dicts to one Parquet file, `row_group_rows` at a time (bounded memory)."""

    def __init__(self, path: str, row_group_rows: int = 500, compression: str = "zstd") -> None:
        self.pa = require("pyarrow", "parquet")
        self.pq = require("pyarrow.parquet", "parquet")
        self.schema = article_schema()
        self.path = path
        self.rows: list[dict[str, Any]] = []
        self.row_group_rows = row_group_rows
        self.writer = self.pq.ParquetWriter(path, self.schema, compression=compression)

    def write(self, record: dict[str, Any]) -> None:
        self.rows.append(_row(record))
        if len(self.rows) >= self.row_group_rows:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def concat_parquet(parts: list[str], dest: str) -> None:
    """Concatenate Parquet parts into one file, batch by batch (constant memory)."""
    pq = require("pyarrow.parquet", "parquet")
    schema = article_schema()
    with pq.ParquetWriter(dest, schema, compression="zstd") as writer:
        for part in parts:
            for batch in pq.ParquetFile(part).iter_batches(batch_size=500):
                writer.write_batch(batch)


def read_records(path: str) -> list[dict[str, Any]]:
    """All rows of a fliesstext Parquet file as record dicts (tests and small files)."""
    pq = require("pyarrow.parquet", "parquet")
    return pq.read_table(path).to_pylist()  # type: ignore[no-any-return]
