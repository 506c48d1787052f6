"""Accuracy floor on the shared dev benchmark (fundus-dev, 144 pages); skipped when the file is absent."""
from __future__ import annotations

import pytest

from .devset import BENCH, records, score


@pytest.mark.skipif(not BENCH.exists(), reason="shared dev benchmark not available")
def test_devset_accuracy() -> None:
    scores = score(records())
    assert scores.title >= 0.82, scores  # see devset.py: expected titles keep the kicker on some publishers
    assert scores.title_lenient >= 0.92, scores
    assert scores.authors >= 0.94, scores
    assert scores.date >= 0.99, scores
    assert scores.lang >= 0.98, scores
