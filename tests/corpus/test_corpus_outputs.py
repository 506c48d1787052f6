"""Outputs: JSONL (.gz/.zst), Parquet (explicit schema), folders; sharding; atomic files; round trips."""
from __future__ import annotations

import gzip
import json
import os

import pytest
from corpus_helpers import article_html

from fliesstext.formats.folder import FolderSink
from fliesstext.formats.sharded import ShardedSink
from fliesstext.model import Article, Block, Failure, Page
from fliesstext.run.batch import run_batch


def _pages(n: int) -> list[Page | Failure]:
    items: list[Page | Failure] = [Page(content=article_html(i), url=f"http://x.example/{i}", id=f"p{i}")
                                   for i in range(n)]
    items[3] = Failure("in.jsonl:4", "JSONDecodeError", "bad line", "ingest", "p3")
    return items


def _read_jsonl(path: str) -> list[dict]:
    if path.endswith(".zst"):
        import zstandard

        with open(path, "rb") as handle:
            data = zstandard.ZstdDecompressor().stream_reader(handle).read()
    elif path.endswith(".gz"):
        data = gzip.open(path).read()
    else:
        data = open(path, "rb").read()
    return [json.loads(line) for line in data.decode().splitlines()]


@pytest.mark.parametrize("ext", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_jsonl_round_trip_in_order(tmp_path, ext):
    out = str(tmp_path / f"out{ext}")
    stats = run_batch(_pages(25), ShardedSink(out, checkpoint_records=7), workers=2)
    records = _read_jsonl(out)
    assert [r["id"] for r in records] == [f"p{i}" for i in range(25)]
    assert records[3]["error"] == "JSONDecodeError" and "body" not in records[3]
    assert stats.records == 25 and stats.failures == 1 and stats.failures_by_error == {"JSONDecodeError": 1}
    assert not os.path.exists(out + ".parts")
    assert sorted(os.listdir(tmp_path)) == sorted([f"out{ext}", f"out{ext}.journal"])


def test_shards_are_complete_files(tmp_path):
    out = str(tmp_path / "out.jsonl.gz")
    sink = ShardedSink(out, shard_size=10)
    run_batch(_pages(25), sink, workers=2)
    names = sorted(n for n in os.listdir(tmp_path) if not n.endswith(".journal"))
    assert names == ["out-00000.jsonl.gz", "out-00001.jsonl.gz", "out-00002.jsonl.gz"]
    counts = [len(_read_jsonl(str(tmp_path / n))) for n in names]
    assert counts == [10, 10, 5]


def test_parquet_schema_covers_the_record():
    pytest.importorskip("pyarrow")
    from fliesstext.formats.parquet import article_schema

    article = Article(body=(Block("paragraph", "x"),), extras=(("warc_date", "2024"),))
    names = set(article_schema().names)
    assert set(article.to_dict()) <= names
    assert set(Failure("a", "E", "m").to_dict()) <= names


def test_parquet_round_trip(tmp_path):
    pytest.importorskip("pyarrow")
    from fliesstext.formats.parquet import read_records

    out = str(tmp_path / "out.parquet")
    run_batch(_pages(12), ShardedSink(out, fmt="parquet", checkpoint_records=5), workers=2)
    rows = read_records(out)
    assert [r["id"] for r in rows] == [f"p{i}" for i in range(12)]
    assert rows[3]["error"] == "JSONDecodeError" and rows[3]["body"] in (None, [])
    assert rows[0]["error"] is None and rows[0]["body"][0]["kind"] in ("paragraph", "heading")
    assert "Paragraph 0 of article 0" in rows[0]["text"]


def test_parquet_sharded(tmp_path):
    pytest.importorskip("pyarrow")
    from fliesstext.formats.parquet import read_records

    run_batch(_pages(12), ShardedSink(str(tmp_path / "o.parquet"), fmt="parquet", shard_size=5), workers=1)
    shards = sorted(n for n in os.listdir(tmp_path) if n.endswith(".parquet"))
    assert [len(read_records(str(tmp_path / n))) for n in shards] == [5, 5, 2]


def test_folder_of_markdown(tmp_path):
    out = tmp_path / "md"
    run_batch(_pages(6), FolderSink(str(out), "md"), workers=2)
    names = sorted(n for n in os.listdir(out) if not n.startswith("."))
    assert len(names) == 6 and names[3].endswith(".failure.json") and names[0].startswith("00000000-")
    assert "Paragraph 0 of article 0" in (out / names[0]).read_text()
