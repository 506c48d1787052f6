"""The seed example (issue 4, point 4): examples/taz-nordkorea.txt against its golden."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import fliesstext

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "taz-nordkorea.txt"
GOLDEN = Path(__file__).with_name("taz-nordkorea.expected.json")
CHECKERS = [ROOT.parent / "shared" / "tools" / "check_golden.py", Path("/work/shared/tools/check_golden.py")]


def _article() -> dict:
    return fliesstext.extract(EXAMPLE.read_text(encoding="utf-8"), mode="text").to_dict()


def test_seed_matches_golden_copy() -> None:
    gold = json.loads(GOLDEN.read_text(encoding="utf-8"))
    art = _article()
    assert art["title"] in [gold["title"], *gold.get("title_alternatives", [])]
    if art["title"] == gold["title"]:
        assert art["kicker"] == gold["kicker"]
    for key in ("teaser", "lang", "text"):
        assert art[key] == gold[key], key
    assert [b["text"] for b in art["body"] if b["kind"] == "paragraph"] == [b["text"] for b in gold["body"]]
    assert len(art["images"]) == 1
    alt = gold["images"][0]["alt"]
    assert alt in (art["images"][0]["alt"], art["images"][0]["caption"])
    assert alt * 2 not in json.dumps(art["images"], ensure_ascii=False).replace(" ", "")
    for kind, needles in gold["removed_kinds"].items():
        blob = "\n".join(r["text"] for r in art["removed"] if r["kind"] == kind)
        for needle in needles:
            assert needle in blob, (kind, needle)
    assert set(gold["repairs_kinds"]) <= {r["kind"] for r in art["repairs"]}


def test_seed_passes_shared_checker() -> None:
    checker = next((path for path in CHECKERS if path.exists()), None)
    if checker is None:
        pytest.skip("shared/tools/check_golden.py not found beside the repository")
    gold = checker.parent.parent / "examples" / "taz-nordkorea.expected.json"
    result = subprocess.run(
        [sys.executable, str(checker), str(gold)],
        input=json.dumps(_article(), ensure_ascii=False),
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
