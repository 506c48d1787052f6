"""Fuzz subset: a few hundred malformed pages through the batch runner: 0 crashes, 0 lost records, and
the pathological ones (100,000 nested <div>s) stopped at the page time limit."""
from __future__ import annotations

import itertools
import json

from fliesstext.formats.sharded import ShardedSink
from fliesstext.model import Page
from fliesstext.run.batch import run_batch
from fliesstext.run.fuzz import KINDS, fuzz_pages

N = 240


def _pages() -> list[Page]:
    deep = Page(content=("<div>" * 100_000 + "<p>x</p>").encode(), id="deep-100000", source="fuzz:deep")
    bulk = list(fuzz_pages(N, seed=1, max_depth=3_000))
    return list(itertools.chain(bulk[:100], [deep], bulk[100:], [deep]))


def test_fuzz_subset_no_crash_no_loss(tmp_path):
    out = tmp_path / "fuzz.jsonl"
    pages = _pages()
    stats = run_batch(pages, ShardedSink(str(out)), workers=2, page_timeout=3)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == [p.id for p in pages]
    assert stats.crashes == 0 and stats.records == N + 2
    failed = {r["id"]: r["error"] for r in records if "error" in r}
    assert set(failed.values()) <= {"PageTimeoutError"}
    assert {r["id"].split("-", 2)[2] for r in records if r["id"].startswith("fuzz-")} == set(KINDS)
