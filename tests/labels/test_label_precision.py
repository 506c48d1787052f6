"""Label precision of html/label.py on the hand-labelled set (tests/labels/labelled.json).

The set: blocks that fundus-dev pages drop (text not in the expected body), sampled from 44 pages of 44
publishers by tests/labels/make_candidates.py, with the gold kind assigned by reading each block.
Precision counts the blocks the labeller gives a kind other than "other"; accuracy counts all of them.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from fliesstext.html.label import label_removed
from fliesstext.knowledge import removed_kinds

LABELLED = Path(__file__).with_name("labelled.json")
MIN_PRECISION = 0.9
MIN_ACCURACY = 0.8  # not the contract; guards against a change that trades many labels for "other"


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return json.loads(LABELLED.read_text(encoding="utf-8"))


def _predict(item: dict) -> tuple[str, str]:
    return label_removed(item["text"], frozenset(item["tokens"]), item["tag"], item["link_density"], item["lang"])


def test_labelled_set_is_broad_and_valid(items: list[dict]) -> None:
    vocabulary = removed_kinds()
    assert all(item["kind"] in vocabulary for item in items), "every gold kind is from removed_kinds.json"
    assert len({item["page"] for item in items}) >= 30
    kinds = Counter(item["kind"] for item in items)
    assert len([kind for kind in kinds if kind != "other"]) >= 8, kinds


def test_label_precision(items: list[dict]) -> None:
    predicted = [(item["kind"], _predict(item)[0]) for item in items]
    labelled = [(gold, kind) for gold, kind in predicted if kind != "other"]
    precision = sum(gold == kind for gold, kind in labelled) / len(labelled)
    accuracy = sum(gold == kind for gold, kind in predicted) / len(predicted)
    errors = Counter((gold, kind) for gold, kind in predicted if gold != kind).most_common(8)
    print(f"\nlabel precision {precision:.3f} on {len(labelled)} labelled blocks; "
          f"accuracy {accuracy:.3f} on {len(predicted)}; top confusions (gold, predicted): {errors}")
    assert precision >= MIN_PRECISION, errors
    assert accuracy >= MIN_ACCURACY, errors


def test_every_prediction_is_in_the_vocabulary_with_a_reason(items: list[dict]) -> None:
    vocabulary = removed_kinds()
    for item in items:
        kind, reason = _predict(item)
        assert kind in vocabulary
        assert reason
