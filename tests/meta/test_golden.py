"""Golden pages: extract_meta on trimmed real pages from 14 publishers must match the reviewed JSON.

Regenerate with `python tests/meta/regenerate.py` after an intended change and review the diff.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .regenerate import GOLDEN, load_fixture, run

NAMES = sorted(p.name[: -len(".html.gz")] for p in GOLDEN.glob("*.html.gz"))


@pytest.mark.parametrize("name", NAMES)
def test_golden(name: str) -> None:
    html, info = load_fixture(name)
    assert run(html, info["url"], info["fetched_at"]) == info["expected"]


def test_golden_covers_kicker_teaser_caption_credit() -> None:
    expected = [json.loads(Path(GOLDEN, f"{n}.json").read_text(encoding="utf-8"))["expected"] for n in NAMES]
    publishers = {json.loads(Path(GOLDEN, f"{n}.json").read_text(encoding="utf-8"))["publisher"] for n in NAMES}
    assert len(publishers) >= 10
    assert sum(1 for e in expected if e["kicker"]) >= 4
    assert sum(1 for e in expected if e["teaser"]) >= 4
    assert sum(1 for e in expected if e["images"] and e["images"][0]["caption"]) >= 4
    assert sum(1 for e in expected if e["images"] and e["images"][0]["credit"]) >= 4
