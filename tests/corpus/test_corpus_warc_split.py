"""WARC.gz records passed on still compressed (ingest/warc_split.py): each reads back exactly as iter_warc reads it,
and whatever does not fit the one-record-per-member layout is read in the parent instead."""
from __future__ import annotations

import base64
import gzip
import json
import random
import struct
import subprocess
import sys

import pytest
from corpus_helpers import article_html, warc_record, write_warc

import fliesstext
from fliesstext.errors import InputError
from fliesstext.ingest.base import IngestStats
from fliesstext.ingest.warc import iter_warc
from fliesstext.ingest.warc_split import MODE, _inflate, iter_warc_members, open_member, surely_skipped


def _request_record(uri: str) -> bytes:
    content = f"GET / HTTP/1.1\r\nHost: {uri}\r\n\r\n".encode()
    head = (f"WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:req-{uri}>\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Length: {len(content)}\r\n\r\n").encode()
    return head + content + b"\r\n\r\n"


def _records() -> list[bytes]:
    noise = base64.b64encode(random.Random(1).randbytes(1_200_000)).decode()  # compressed still over CHUNK
    big = article_html(9, f"<!-- {noise} -->")
    return [
        _request_record("http://a.example/1"),
        warc_record("http://a.example/1", article_html(1).encode("latin-1"), "text/html; charset=ISO-8859-1",
                    record_id="rec-1"),
        warc_record("http://a.example/img.png", b"\x89PNG\r\n", "image/png"),
        warc_record("http://a.example/404", b"<html>not found</html>", status="404 Not Found"),
        warc_record("http://a.example/broken", b"<p>x</p>", broken=True, record_id="rec-broken"),
        warc_record("http://a.example/gz", gzip.compress(article_html(2).encode()), "text/html",
                    extra_headers=("Content-Encoding: gzip",)),
        warc_record("http://a.example/big", big.encode(), record_id="rec-big"),
        warc_record("http://a.example/3", article_html(3).encode(), record_id="rec-3"),
    ]


def _read_split(path: str) -> tuple[list, IngestStats]:
    """What a batch run sees: members opened one by one (as workers do), their counts merged back."""
    stats, items = IngestStats(), []
    for item in iter_warc_members(path, stats, source=path):
        if getattr(item, "mode", None) == MODE:
            item, counts = open_member(item, 50_000_000)
            stats.merge(counts.to_dict())
            if item is None:
                continue
        items.append(item)
    return items, stats


def _read_plain(path: str) -> tuple[list, IngestStats]:
    stats = IngestStats()
    return list(iter_warc(path, stats, source=path)), stats


def test_members_read_back_as_the_archive_reads(tmp_path):
    path = str(write_warc(tmp_path / "a.warc.gz", _records()))
    parent_stats = IngestStats()
    members = list(iter_warc_members(path, parent_stats, source=path))
    # not passed on: the request record, and the image and the 404, whose HTTP header says they are no pages (counted
    # right there); the last member is read in the parent (nothing after it confirms its end)
    assert [m.mode for m in members] == [MODE] * 4 + ["html"]
    assert [m.url for m in members[:2]] == ["http://a.example/1", "http://a.example/broken"]
    assert members[0].id == "<urn:rec-1>" and parent_stats.skipped == {"non_html": 1, "http_4xx": 1}
    split, split_stats = _read_split(path)
    plain, plain_stats = _read_plain(path)
    assert split == plain and len(plain) == 5  # 4 pages and the broken record's failure
    assert split_stats.to_dict() == plain_stats.to_dict()
    assert split_stats.skipped == {"non_html": 1, "http_4xx": 1, "bad_http_header": 1}


@pytest.mark.parametrize(("http", "reason"), [
    (b"HTTP/1.1 200 OK\r\nX-Content-Type-Options: nosniff\r\nContent-Type: image/png\r\n\r\n", "non_html"),
    (b"HTTP/2 301\r\nLocation: /x\r\n\r\n", "http_3xx"),
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n", None),
    (b"HTTP/1.1 200 OK\r\nContent-Type: APPLICATION/XHTML+XML\r\n\r\n", None),
    (b"HTTP/1.1 200 OK\r\n\r\n", None),  # no type: the worker looks at the payload
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: image/png\r\n\r\n", None),  # two types
    (b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n folded\r\n\r\n", None),  # an odd line
    (b"HTTP/1.1  200 OK\r\nContent-Type: image/png\r\n\r\n", None),  # a status line fastwarc does not parse
    (b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n", None),  # the header goes on beyond what was inflated
])
def test_the_parent_skips_only_what_the_worker_surely_would(http, reason):
    assert surely_skipped(http) == reason


def test_one_member_for_the_whole_file_is_read_in_the_parent(tmp_path):
    path = tmp_path / "one.warc.gz"
    path.write_bytes(gzip.compress(b"".join(_records())))
    split, split_stats = _read_split(str(path))
    assert all(getattr(item, "mode", None) != MODE for item in iter_warc_members(str(path), IngestStats()))
    assert (split, split_stats.to_dict()) == (list(_read_plain(str(path))[0]), _read_plain(str(path))[1].to_dict())


def test_truncated_archive_reads_the_same(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", _records())
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[:-40])
    split, split_stats = _read_split(str(cut))
    plain, plain_stats = _read_plain(str(cut))
    assert split == plain and split[-1].error in ("TruncatedRecord", "ArchiveError")
    assert split_stats.to_dict() == plain_stats.to_dict() and split_stats.truncated_archives >= 1


def test_plain_warc_is_not_split(tmp_path):
    path = str(write_warc(tmp_path / "a.warc", _records(), compress=False))
    assert list(iter_warc_members(path, IngestStats())) == _read_plain(path)[0]


def test_cli_counts_what_workers_skipped(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", _records())
    out = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "fliesstext", "extract", str(path), "-o", str(out), "--workers", "2",
                          "-q"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr  # the broken record is a failure
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r.get("url") or r.get("error") for r in records] == [
        "http://a.example/1", "BadHTTPHeader", "http://a.example/gz", "http://a.example/big", "http://a.example/3"]
    stats = json.loads((tmp_path / "out.jsonl.stats.json").read_text())
    assert stats["ingest"]["skipped"] == {"bad_http_header": 1, "http_4xx": 1, "non_html": 1}
    assert stats["records"] == 5 and stats["ingest"]["archives"] == 1


def _stored(record: bytes) -> bytes:
    return gzip.compress(record, compresslevel=0)  # stored deflate blocks: the record's bytes appear as they are


def test_a_false_boundary_inside_a_stored_member_is_not_taken(tmp_path):
    """A record whose raw bytes hold its own gzip trailer size followed by the gzip magic."""
    def record(marker: bytes) -> bytes:
        return warc_record("http://a.example/trap", article_html(5, "<!--").encode() + marker + b"-->",
                           record_id="rec-trap")

    size = len(record(b"x" * 7))
    trap = record(struct.pack("<I", size) + b"\x1f\x8b\x08")
    assert len(trap) == size
    others = [warc_record(f"http://a.example/{n}", article_html(n).encode(), record_id=f"rec-{n}") for n in range(3)]
    path = tmp_path / "trap.warc.gz"
    path.write_bytes(gzip.compress(others[0]) + _stored(trap) + b"".join(gzip.compress(r) for r in others[1:]))
    split, _ = _read_split(str(path))
    assert split == _read_plain(str(path))[0] and len(split) == 4


def test_two_records_in_one_member_fall_back_from_there(tmp_path):
    records = [warc_record(f"http://a.example/{n}", article_html(n).encode(), record_id=f"rec-{n}") for n in range(5)]
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(gzip.compress(records[0]) + gzip.compress(records[1] + records[2])
                     + b"".join(gzip.compress(r) for r in records[3:]))
    modes = [item.mode for item in iter_warc_members(str(path), IngestStats())]
    assert modes == [MODE, "html", "html", "html", "html"]
    assert _read_split(str(path))[0] == _read_plain(str(path))[0]


def test_garbage_after_the_last_member_reads_the_same(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", _records())
    path.write_bytes(path.read_bytes() + b"\x00garbage after the archive\n")
    split, split_stats = _read_split(str(path))
    plain, plain_stats = _read_plain(str(path))
    assert split == plain and split_stats.to_dict() == plain_stats.to_dict()


def test_a_compressed_record_is_not_a_page_for_the_api(tmp_path):
    path = str(write_warc(tmp_path / "a.warc.gz", _records()))
    member = next(iter(iter_warc_members(path, IngestStats())))
    with pytest.raises(InputError):
        fliesstext.extract_page(member)


def test_inflate_stops_at_the_trailer_size():
    big = gzip.compress(b"WARC/1.0\r\n" + b"a" * 100_000)
    lying = big[:-4] + struct.pack("<I", 1000)  # the trailer says 1,000 bytes (ISIZE counts modulo 4 GiB)
    assert _inflate(lying, 50_000_000) is None
    assert _inflate(big, 50_000_000) == b"WARC/1.0\r\n" + b"a" * 100_000
