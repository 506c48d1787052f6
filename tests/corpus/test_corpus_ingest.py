"""Inputs: WARC (gz, plain, truncated, broken records), JSONL(.gz), Parquet, directories, globs, stdin."""
from __future__ import annotations

import gzip
import io
import json

import pytest
from corpus_helpers import article_html, warc_record, write_warc

from fliesstext.ingest.base import IngestStats
from fliesstext.ingest.sources import expand_paths, input_kind, iter_inputs, iter_stdin
from fliesstext.ingest.tabular import Columns
from fliesstext.ingest.warc import iter_warc
from fliesstext.model import Failure, Page


def _sample_warc(tmp_path, compress=True):
    records = [
        warc_record("http://a.example/1", article_html(1).encode("latin-1"), "text/html; charset=ISO-8859-1",
                    record_id="rec-1"),
        warc_record("http://a.example/img.png", b"\x89PNG\r\n", "image/png"),
        warc_record("http://a.example/404", b"<html>not found</html>", status="404 Not Found"),
        warc_record("http://a.example/broken", b"<p>x</p>", broken=True, record_id="rec-broken"),
        warc_record("http://a.example/2", "<p>Grüße aus Köln</p>".encode(), None, record_id="rec-2"),
        warc_record("http://a.example/3", article_html(3).encode(), record_id="rec-3"),
    ]
    return write_warc(tmp_path / ("a.warc.gz" if compress else "a.warc"), records, compress)


@pytest.mark.parametrize("compress", [True, False])
def test_warc_pages_fields_and_counts(tmp_path, compress):
    path = _sample_warc(tmp_path, compress)
    stats = IngestStats()
    items = list(iter_warc(str(path), stats))
    pages = [i for i in items if isinstance(i, Page)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [p.url for p in pages] == ["http://a.example/1", "http://a.example/2", "http://a.example/3"]
    first = pages[0]
    assert first.id == "<urn:rec-1>" and first.http_charset.lower() == "iso-8859-1"
    assert first.fetched_at == "2024-03-01T12:00:00Z" and first.mode == "html"
    assert [f.error for f in failures] == ["BadHTTPHeader"] and failures[0].stage == "ingest"
    assert stats.skipped == {"non_html": 1, "http_4xx": 1, "bad_http_header": 1}


def test_truncated_warc_is_reported_not_fatal(tmp_path):
    path = _sample_warc(tmp_path)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    items = list(iter_inputs([str(cut)]))
    assert sum(isinstance(i, Page) for i in items) == 2
    assert any(isinstance(i, Failure) and i.error in ("TruncatedRecord", "ArchiveError") for i in items)


def test_warc_extract_keeps_provenance(tmp_path):
    from fliesstext.formats.sharded import CollectSink
    from fliesstext.run.batch import run_batch

    path = _sample_warc(tmp_path)
    sink = CollectSink()
    run_batch(iter_inputs([str(path)]), sink, workers=1)
    record = sink.records[0].to_dict()
    assert record["warc_record_id"] == "<urn:rec-1>" and record["warc_date"] == "2024-03-01T12:00:00Z"
    assert record["url"] == "http://a.example/1" and "Paragraph 0 of article 1" in record["text"]
    assert len(sink.records) == 4  # 3 pages + 1 broken record


def test_jsonl_columns_and_bad_lines(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    rows = [{"doc": article_html(1), "link": "http://x/1", "key": 7}, {"other": 1}, {"doc": article_html(2)}]
    body = "\n".join(json.dumps(r) for r in rows) + "\nnot json\n\n[1,2]\n"
    path.write_bytes(gzip.compress(body.encode()))
    items = list(iter_inputs([str(path)], Columns(html="doc", url="link", id="key")))
    assert len(items) == 5
    assert isinstance(items[0], Page) and items[0].id == "7" and items[0].url == "http://x/1"
    assert isinstance(items[1], Failure) and items[1].error == "MissingColumn"
    assert isinstance(items[2], Page) and items[2].id.endswith("in.jsonl.gz:3")
    assert [i.error for i in items[3:]] == ["JSONDecodeError", "InputError"]


def test_jsonl_text_column_sets_text_mode(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"text": "Nur Text.", "id": "a"}) + "\n")
    (page,) = iter_inputs([str(path)])
    assert page.mode == "text" and page.content == "Nur Text."


def test_parquet_input(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"html": [article_html(i) for i in range(5)], "url": [f"http://p/{i}" for i in range(5)],
                      "id": [f"p{i}" for i in range(5)], "unused": list(range(5))})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    pages = list(iter_inputs([str(tmp_path / "in.parquet")]))
    assert [p.id for p in pages] == [f"p{i}" for i in range(5)]
    assert pages[3].url == "http://p/3" and pages[3].mode == "html"


def test_directories_globs_and_missing(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.html").write_text(article_html(2))
    (tmp_path / "d" / "sub" / "a.html").write_text(article_html(1))
    (tmp_path / "d" / ".hidden").write_text("x")
    assert [p.rsplit("/", 1)[-1] for p in expand_paths([str(tmp_path / "d")])] == ["b.html", "a.html"]
    assert len(list(expand_paths([str(tmp_path / "d" / "**" / "*.html")]))) == 2
    items = list(iter_inputs([str(tmp_path / "d"), str(tmp_path / "missing.html")]))
    assert [type(i).__name__ for i in items] == ["Page", "Page", "Failure"]
    assert input_kind("x.WARC.GZ") == "warc" and input_kind("y.jsonl.zst") == "jsonl"


def test_stdin_page_warc_and_jsonl(tmp_path):
    stats = IngestStats()
    page = list(iter_stdin(io.BufferedReader(io.BytesIO(b"<p>hi</p>")), Columns(), stats))
    assert page[0].id == "stdin"
    warc = _sample_warc(tmp_path).read_bytes()
    assert len(list(iter_stdin(io.BufferedReader(io.BytesIO(warc)), Columns(), stats))) == 4
    lines = b'{"html": "<p>x</p>"}\n{"html": "<p>y</p>"}\n'
    assert len(list(iter_stdin(io.BufferedReader(io.BytesIO(lines)), Columns(), stats))) == 2
    assert len(list(iter_stdin(io.BufferedReader(io.BytesIO(gzip.compress(lines))), Columns(), stats))) == 2


def test_warc_http_encodings_are_decoded(tmp_path):
    html = article_html(5).encode()
    chunked = f"{len(html):x}\r\n".encode() + html + b"\r\n0\r\n\r\n"
    records = [warc_record("http://e/gz", gzip.compress(html), extra_headers=("Content-Encoding: gzip",)),
               warc_record("http://e/chunked", chunked, extra_headers=("Transfer-Encoding: chunked",))]
    pages = list(iter_warc(str(write_warc(tmp_path / "enc.warc.gz", records))))
    assert [p.content for p in pages] == [html, html]
