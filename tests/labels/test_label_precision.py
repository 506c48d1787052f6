"""Label precision of html/label.py on the hand-labelled set (tests/labels/labelled.json).

The set: blocks that fundus-dev pages drop (text not in the expected body), sampled from 76 pages of 76
publishers by tests/labels/make_candidates.py, with the gold kind assigned by reading each block ("split":
"dev" pages were read while the rules were written, "holdout" pages only afterwards).
Precision counts the blocks the labeller gives a kind other than "other"; accuracy counts all of them.
The asserted figure passes each page's <html>/<body> class pieces as `page_tokens` (they describe the page,
not the block); the figure without them is printed for comparison.
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


PAGE_TOKENS = Path(__file__).with_name("page_tokens.json")


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return json.loads(LABELLED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page_tokens() -> dict[str, frozenset[str]]:
    return {page: frozenset(tokens) for page, tokens in json.loads(PAGE_TOKENS.read_text(encoding="utf-8")).items()}


def _predict(item: dict, page: frozenset[str] = frozenset()) -> tuple[str, str]:
    return label_removed(item["text"], frozenset(item["tokens"]), item["tag"], item["link_density"], item["lang"], page)


def _scores(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    labelled = [(gold, kind) for gold, kind in pairs if kind != "other"]
    precision = sum(gold == kind for gold, kind in labelled) / len(labelled)
    return precision, sum(gold == kind for gold, kind in pairs) / len(pairs)


def test_labelled_set_is_broad_and_valid(items: list[dict]) -> None:
    vocabulary = removed_kinds()
    assert all(item["kind"] in vocabulary for item in items), "every gold kind is from removed_kinds.json"
    assert len({item["page"] for item in items}) >= 30
    kinds = Counter(item["kind"] for item in items)
    assert len([kind for kind in kinds if kind != "other"]) >= 8, kinds


def test_label_precision(items: list[dict], page_tokens: dict[str, frozenset[str]]) -> None:
    predicted = [(item["kind"], _predict(item, page_tokens[item["page"]])[0]) for item in items]
    precision, accuracy = _scores(predicted)
    report = [f"\nlabel precision {precision:.3f}, accuracy {accuracy:.3f} on {len(items)} blocks"]
    for split in ("dev", "holdout"):
        part = [pair for pair, item in zip(predicted, items, strict=True) if item["split"] == split]
        report.append(f"{split}: precision {_scores(part)[0]:.3f}, accuracy {_scores(part)[1]:.3f} (n={len(part)})")
    blind = _scores([(item["kind"], _predict(item)[0]) for item in items])
    report.append(f"without page_tokens: precision {blind[0]:.3f}, accuracy {blind[1]:.3f}")
    errors = Counter((gold, kind) for gold, kind in predicted if gold != kind).most_common(8)
    print("; ".join(report), f"\ntop confusions (gold, predicted): {errors}")
    assert precision >= MIN_PRECISION, errors
    assert accuracy >= MIN_ACCURACY, errors


def test_every_prediction_is_in_the_vocabulary_with_a_reason(items: list[dict]) -> None:
    vocabulary = removed_kinds()
    for item in items:
        kind, reason = _predict(item)
        assert kind in vocabulary
        assert reason


def test_expected_body_paragraphs_are_rarely_called_boilerplate(shared_dir: Path) -> None:
    """html/select.py drops short kept blocks whose text alone the labeller calls boilerplate: on the expected
    body paragraphs of fundus-dev that must almost never happen (today: 5 of 3143, live-ticker date headings)."""
    import gzip

    flagged, total = [], 0
    with gzip.open(shared_dir / "bench" / "fundus-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            for paragraph in record["expected"]["paragraphs"]:
                total += 1
                kind, why = label_removed(paragraph, frozenset(), "p", 0.0, record["lang"])
                if kind not in ("other", "title"):
                    flagged.append((record["id"], kind, why, paragraph[:60]))
    assert len(flagged) <= total * 0.005, flagged
