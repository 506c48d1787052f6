"""Fuzz subset: a few hundred malformed pages through the batch runner: 0 crashes, 0 lost records."""
from __future__ import annotations

import json

from fliesstext.formats.sharded import ShardedSink
from fliesstext.run.batch import run_batch
from fliesstext.run.fuzz import KINDS, fuzz_pages

N = 300


def test_fuzz_subset_no_crash_no_loss(tmp_path):
    out = tmp_path / "fuzz.jsonl"
    stats = run_batch(fuzz_pages(N, seed=1), ShardedSink(str(out)), workers=2, page_timeout=20)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == [p.id for p in fuzz_pages(N, seed=1)]
    assert stats.crashes == 0 and stats.records == N
    unexpected = [r for r in records if "error" in r and r["error"] != "PageTimeoutError"]
    assert unexpected == []
    assert {r["id"].split("-", 2)[2] for r in records} == set(KINDS)
