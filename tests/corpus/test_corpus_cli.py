"""`fliesstext extract` on corpus inputs: WARC / JSONL / Parquet in, JSONL / Parquet / folders out."""
from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner
from corpus_helpers import article_html, warc_record, write_warc

from fliesstext.cli import main


def _invoke(*args: str):
    return CliRunner().invoke(main, ["extract", *args], catch_exceptions=False)


def _warc(tmp_path, n=6):
    records = [warc_record(f"http://w.example/{i}", article_html(i).encode(), record_id=f"r{i}") for i in range(n)]
    return str(write_warc(tmp_path / "in.warc.gz", records))


def test_warc_to_jsonl_stdout(tmp_path):
    result = _invoke(_warc(tmp_path), "--workers", "2", "-q")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["warc_record_id"] for r in records] == [f"<urn:r{i}>" for i in range(6)]


def test_warc_to_sharded_gz_with_stats_and_resume(tmp_path):
    out = tmp_path / "out.jsonl.gz"
    result = _invoke(_warc(tmp_path), "-o", str(out), "--shard-size", "4", "--workers", "1")
    assert result.exit_code == 0, result.output
    shards = sorted(tmp_path.glob("out-*.jsonl.gz"))
    assert [len(gzip.open(s).read().splitlines()) for s in shards] == [4, 2]
    stats = json.loads((tmp_path / "out.jsonl.gz.stats.json").read_text())
    assert stats["records"] == 6 and stats["ingest"]["archives"] == 1
    again = _invoke(_warc(tmp_path), "-o", str(out), "--shard-size", "4", "--resume")
    assert again.exit_code == 0 and "nothing to do" in again.stderr


def test_jsonl_columns_to_parquet(tmp_path):
    pytest.importorskip("pyarrow")
    from fliesstext.formats.parquet import read_records

    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"page": article_html(i), "link": f"http://j/{i}"}) for i in range(3)))
    out = tmp_path / "out.parquet"
    result = _invoke(str(source), "--html-column", "page", "--url-column", "link", "-f", "parquet", "-o", str(out),
                     "-q")
    assert result.exit_code == 0, result.output
    assert [r["url"] for r in read_records(str(out))] == [f"http://j/{i}" for i in range(3)]


def test_parquet_to_markdown_folder(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"html": [article_html(i) for i in range(3)], "id": ["a", "b", "c"]}),
                   tmp_path / "in.parquet")
    result = _invoke(str(tmp_path / "in.parquet"), "-f", "md", "-o", str(tmp_path / "md"), "-q")
    assert result.exit_code == 0, result.output
    assert len([p for p in (tmp_path / "md").iterdir() if p.suffix == ".md"]) == 3


def test_failures_exit_code_and_fail_on_error(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"html": article_html(1)}) + "\nbroken\n" + json.dumps({"html": article_html(2)}))
    result = _invoke(str(source), "-q")
    assert result.exit_code == 1 and len(result.stdout.splitlines()) == 3
    stopped = _invoke(str(source), "-o", str(tmp_path / "o.jsonl"), "--fail-on-error", "-q")
    assert stopped.exit_code == 1 and "stopped at a failed page" in stopped.stderr


def test_user_errors_are_one_line(tmp_path):
    missing = _invoke(str(tmp_path / "nope.warc.gz"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    no_out = _invoke(_warc(tmp_path), "-f", "parquet")
    assert no_out.exit_code == 2 and "-o" in no_out.stderr
