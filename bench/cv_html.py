"""Leave-publisher-out cross-validation of the HTML extractor's thresholds (knowledge/html_thresholds.json).

Every threshold of the body extractor was set by hand on fundus-dev. This script checks how much of the
dev-set figure is fitting: it scores a small grid of threshold settings on every page, then, grouped by
publisher into K folds, picks the best setting on the training publishers and scores it on the held-out
ones. It prints the in-sample F1 of the shipped preset, the in-sample F1 of the best grid setting and the
cross-validated F1 (the figure to trust for unseen sites), plus each favor preset's in-sample F1.

Run: .venv/bin/python -m bench.cv_html [--data ../shared/bench/fundus-dev.jsonl.gz] [--folds 5]
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import statistics
import sys
from pathlib import Path
from typing import Any

from fliesstext.api import assemble
from fliesstext.evaluate import body_prf, read_jsonl
from fliesstext.html import extract_body_with
from fliesstext.html.score import knowledge
from fliesstext.meta import extract_meta
from fliesstext.model import Page
from fliesstext.options import Options
from fliesstext.parse import parse_html

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "fundus-dev.jsonl.gz"
GRID: dict[str, tuple[float, ...]] = {
    "container_share": (0.6, 0.7, 0.8),
    "keep_max_link_density": (0.35, 0.5, 0.65),
    "card_weight": (0.25, 1.0),
    "positive_weight": (1.0, 1.5),
    "standfirst_min_words": (8, 10, 14),
}


def settings() -> list[dict[str, float]]:
    base = knowledge().thresholds["balanced"]
    names = list(GRID)
    return [{**base, **dict(zip(names, values, strict=True))} for values in itertools.product(*GRID.values())]


def score_matrix(records: list[dict[str, Any]], grid: list[dict[str, float]]) -> list[list[float]]:
    """F1 of Article.text against expected.body, per page (rows) and setting (columns)."""
    kb = knowledge()
    options = Options(mode="html")
    rows = []
    for record in records:
        page = Page(record["html"], url=record.get("url"), mode="html")
        parsed = parse_html(record["html"], record.get("url"))
        meta = extract_meta(parsed, options)
        row = []
        for th in grid:
            body = extract_body_with(parsed, kb, th, meta, keep_removed=False)
            text = assemble(meta, body, page, "html").text
            row.append(body_prf(text, record["expected"]["body"])[2])
        rows.append(row)
    return rows


def fold_of(publisher: str, folds: int) -> int:
    return int(hashlib.sha1(publisher.encode()).hexdigest(), 16) % folds


def cross_validate(records: list[dict[str, Any]], matrix: list[list[float]], folds: int) -> tuple[list[float], list[int]]:
    """Held-out F1 per page, and the setting each fold chose."""
    held_out = [0.0] * len(records)
    chosen = []
    groups = [fold_of(r.get("publisher") or r["id"], folds) for r in records]
    for fold in range(folds):
        train = [row for row, g in zip(matrix, groups, strict=True) if g != fold]
        if not train:
            continue
        means = [statistics.mean(col) for col in zip(*train, strict=True)]
        best = max(range(len(means)), key=means.__getitem__)
        chosen.append(best)
        for i, g in enumerate(groups):
            if g == fold:
                held_out[i] = matrix[i][best]
    return held_out, chosen


def preset_scores(records: list[dict[str, Any]]) -> dict[str, float]:
    kb = knowledge()
    return {favor: statistics.mean(row[0] for row in score_matrix(records, [th])) for favor, th in kb.thresholds.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    records = read_jsonl(args.data)
    grid = settings()
    shipped = knowledge().thresholds["balanced"]
    grid.insert(0, dict(shipped))
    matrix = score_matrix(records, grid)
    column_means = [statistics.mean(col) for col in zip(*matrix, strict=True)]
    best = max(range(len(grid)), key=column_means.__getitem__)
    held_out, chosen = cross_validate(records, matrix, args.folds)
    shipped_scores = [row[0] for row in matrix]
    report = {
        "pages": len(records),
        "publishers": len({r.get("publisher") for r in records}),
        "grid_size": len(grid),
        "shipped_in_sample": {"mean": statistics.mean(shipped_scores), "median": statistics.median(shipped_scores)},
        "best_in_sample": {"mean": column_means[best], "setting": {k: grid[best][k] for k in GRID}},
        "leave_publisher_out_cv": {"mean": statistics.mean(held_out), "median": statistics.median(held_out),
                                   "folds": args.folds, "settings_chosen": [{k: grid[c][k] for k in GRID} for c in chosen]},
        "presets_in_sample": preset_scores(records),
    }
    print(json.dumps(report, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
