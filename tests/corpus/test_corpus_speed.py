"""The batch runner's fast paths give the same records as the plain ones (orjson, ISA-L gzip, capped reads)."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from fliesstext.formats import sharded
from fliesstext.ingest.warc import _read_payload
from fliesstext.model import Article, Block, Failure, Removed
from fliesstext.run import encode
from fliesstext.templates import TemplateStore, template_key
from fliesstext.templates import store as store_module


def _plain(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def test_jsonl_bytes_match_the_standard_library():
    text = "Grüße \u2028 \x00\x1f \"q\" \\ \U0001F600 \x7f"
    article = Article(title=text, body=(Block("p", text),), removed=(Removed("ad", text, "r", 3),), url="http://x/")
    assert encode.encode_jsonl(article, 0) == _plain(article.to_dict())
    failure = Failure("in", "E", text, "extract", "id")
    assert encode.encode_jsonl(failure, 0) == _plain(failure.to_dict())


def test_jsonl_falls_back_on_what_orjson_refuses(monkeypatch):
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate: the standard library's error, as before
        encode.encode_jsonl(Failure("in", "E", "\ud800", "extract", "id"), 0)
    monkeypatch.setattr(encode, "_orjson", lambda: None)
    failure = Failure("in", "E", "ok", "extract", "id")
    assert encode.encode_jsonl(failure, 0) == _plain(failure.to_dict())


@pytest.mark.parametrize("isal", [True, False])
def test_gzip_output_round_trips(monkeypatch, isal):
    if not isal:
        monkeypatch.setitem(__import__("sys").modules, "isal", None)
    raw = io.BytesIO()
    writer = sharded.gzip_writer(raw)
    writer.write(b'{"a":1}\n')
    writer.write("{\"b\":\"ü\"}\n".encode())
    writer.close()
    assert gzip.decompress(raw.getvalue()) == "{\"a\":1}\n{\"b\":\"ü\"}\n".encode()


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.calls = data, []

    def read(self, n: int) -> bytes:
        self.calls.append(n)
        out, self.data = self.data[:n], self.data[n:]
        return out


@pytest.mark.parametrize("size,expected,cap", [(10, 20, 100), (50, 20, 100), (300, 20, 100), (0, 0, 100)])
def test_payload_reads_are_capped_not_preallocated(size, expected, cap):
    data = bytes(range(256)) * 2
    reader = _Reader(data[:size])
    assert _read_payload(reader, expected, cap) == data[: min(size, cap)]
    assert reader.calls[0] == min(expected + 1, cap)  # not the cap: read(n) allocates n bytes first


def test_template_keys_and_memo():
    assert template_key("  Vor 22\u00a0Stunden\n") == "vor 0 stunden"
    assert template_key(" ".join(["Wort 12"] * 60)).startswith("wort 0 wort 0") and "#" in template_key("x" * 300)
    store = TemplateStore(min_pages=2, min_share=0.1)
    for n in range(3):
        store.observe("h.example", ["Menü", f"Artikel {n} " * 30], 100, f"http://h.example/{n}")
    template = store.template("h.example")
    assert template is not None and template.pages_for("menü") == 3 and template.pages_for("Anderes") is None
    assert store._memo["Menü"] == "menü"  # keys are remembered across pages (a host's chrome repeats) ...
    store.observe("h.example", ["Menü", " "], 100, "http://h.example/9")
    assert store.template("h.example").pages_for("MENÜ") == 4 and "" not in store._hosts["h.example"].counts
    monkey = store_module.MAX_MEMO
    try:
        store_module.MAX_MEMO = 5
        store.observe("h.example", [f"Zeile {i}" for i in range(8)], 100, "http://h.example/10")
        store.observe("h.example", ["Menü"], 100, "http://h.example/11")
        assert len(store._memo) <= 8  # ... within a bound
    finally:
        store_module.MAX_MEMO = monkey
