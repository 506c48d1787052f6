"""Score the kinds fliesstext gives its removed entries against the hand-labelled sample (bench/kinds/sample.jsonl).

The sample: one random removed entry per page and mode of fundus-dev (HTML) and fundus-dev-text (text mode), plus
a few more drawn at random from all entries (298 in all, seed 20261126), each labelled by reading it (with its
neighbours when the text alone was unclear) with the kind a reader would give it; "other" only when no kind fits.
Texts are cut at 300 characters. `split` is decided by a hash of the publisher (collect.split_of), fixed before
any tuning: "holdout" entries are scored but not read while rules are written (`--errors` lists dev ones only).
`before` is the kind the code gave when the sample was drawn.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.kinds.collect import collect

SAMPLE = Path(__file__).with_name("sample.jsonl")
CUT = 300


def load_sample(path: Path = SAMPLE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _match(item: dict[str, Any], removed: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The removed entry the item was drawn from: same text at the same index, else the nearest entry with the
    same text, else the nearest entry holding its first line (text-mode entries may be regrouped)."""
    text, index = item["text"], item["index"]
    if index < len(removed) and removed[index]["text"][:CUT] == text:
        return removed[index]
    for test in (lambda r: r["text"][:CUT] == text, lambda r: text.split("\n")[0] in r["text"]):
        found = [i for i, r in enumerate(removed) if test(r)]
        if found:
            return removed[min(found, key=lambda i: abs(i - index))]
    return None


def predict(sample: list[dict[str, Any]], pages: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    out = []
    for item in sample:
        entry = _match(item, pages[item["mode"]][item["page"]]["removed"])
        out.append(entry["kind"] if entry is not None else "(missing)")
    return out


def accuracy(pairs: Iterable[tuple[str, str]]) -> tuple[float, int]:
    pairs = list(pairs)
    return (sum(gold == pred for gold, pred in pairs) / len(pairs) if pairs else 0.0), len(pairs)


def per_kind(pairs: list[tuple[str, str]]) -> list[tuple[str, float, float, int, int]]:
    """(kind, precision, recall, gold count, predicted count) for every kind seen."""
    gold, pred = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    rows = []
    for kind in sorted(set(gold) | set(pred), key=lambda k: (-gold[k], k)):
        precision = hits[kind] / pred[kind] if pred[kind] else 0.0
        recall = hits[kind] / gold[kind] if gold[kind] else 0.0
        rows.append((kind, precision, recall, gold[kind], pred[kind]))
    return rows


def report(sample: list[dict[str, Any]], predicted: list[str], pages: dict[str, dict[str, dict[str, Any]]]) -> str:
    lines = ["mode   split      n  accuracy  other(pred)  other(gold)"]
    for mode in ("html", "text", "all"):
        for split in ("dev", "holdout", "all"):
            part = [(item["kind"], pred) for item, pred in zip(sample, predicted, strict=True)
                    if mode in ("all", item["mode"]) and split in ("all", item["split"])]
            acc, n = accuracy(part)
            other_pred = sum(p == "other" for _, p in part) / n if n else 0.0
            other_gold = sum(g == "other" for g, _ in part) / n if n else 0.0
            lines.append(f"{mode:6} {split:8} {n:4}  {acc:8.3f}  {other_pred:11.3f}  {other_gold:11.3f}")
    lines.append("\nall removed entries of all pages: share labelled 'other'")
    for mode, rows in pages.items():
        kinds = Counter(r["kind"] for page in rows.values() for r in page["removed"])
        total = sum(kinds.values())
        lines.append(f"{mode:6} {kinds['other']:5} of {total:5} = {kinds['other'] / total:.3f}")
    lines.append("\nkind             precision  recall  gold  pred   (both modes, both halves)")
    pairs = [(item["kind"], pred) for item, pred in zip(sample, predicted, strict=True)]
    for kind, precision, recall, n_gold, n_pred in per_kind(pairs):
        lines.append(f"{kind:16} {precision:9.3f}  {recall:6.3f}  {n_gold:4}  {n_pred:4}")
    return "\n".join(lines)


def errors(sample: list[dict[str, Any]], predicted: list[str], mode: str | None = None) -> str:
    """Mislabelled entries of the dev half only (the held-back half is never listed)."""
    out = []
    for item, pred in zip(sample, predicted, strict=True):
        if item["split"] == "dev" and item["kind"] != pred and mode in (None, item["mode"]):
            text = item["text"][:100].replace("\n", " | ")
            out.append(f"{item['mode']:4} {item['kind']:>13} <- {pred:13} {item['page']}: {text}")
    return "\n".join(out)


def extract_pages(modes: Iterable[str] = ("html", "text")) -> dict[str, dict[str, dict[str, Any]]]:
    return {mode: {row["id"]: row for row in collect(mode)} for mode in modes}
