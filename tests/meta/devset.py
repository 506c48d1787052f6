"""Metadata accuracy on the shared dev benchmark: `python -m tests.meta.devset` prints the figures.

Scoring is `fliesstext.evaluate` (the bench scorer): title exact after whitespace and quote
normalisation; authors set F1 over pages whose expected authors are not null; date the same calendar
day as written; lang ISO 639-1. Also "title_lenient", where `kicker + ": " + title` may match: issue 6
wants the title without its kicker, but the expected titles of some publishers keep the kicker.
"""
from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path("/work/shared/bench/fundus-dev.jsonl.gz")

@dataclass
class Scores:
    pages: int
    title: float
    title_lenient: float
    authors: float
    date: float
    lang: float
    ms_per_page: float


def records(path: Path = BENCH) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def score(recs: list[dict[str, Any]]) -> Scores:
    from fliesstext.evaluate import authors_f1, date_match, lang_match, title_match
    from fliesstext.meta import extract_meta
    from fliesstext.meta.lang import detect
    from fliesstext.options import Options
    from fliesstext.parse import parse_html

    detect("warm the language model up before timing")
    options = Options()
    title = lenient = date = dated = lang = 0
    authors: list[float] = []
    spent = 0.0
    for rec in recs:
        page = parse_html(rec["html"], rec["url"])
        start = time.perf_counter()
        meta = extract_meta(page, options, rec["crawl_date"])
        spent += time.perf_counter() - start
        exp = rec["expected"]
        strict = title_match(meta.title, exp["title"])
        title += strict
        lenient += strict or bool(meta.kicker and title_match(f"{meta.kicker}: {meta.title}", exp["title"]))
        if exp["authors"] is not None:
            authors.append(authors_f1(list(meta.authors), exp["authors"]))
        if exp["date"]:
            dated += 1
            date += date_match(meta.date_published.value if meta.date_published else None, exp["date"])
        lang += lang_match(meta.lang, rec["lang"])
    n = len(recs)
    return Scores(n, title / n, lenient / n, sum(authors) / max(1, len(authors)), date / max(1, dated), lang / n,
                  1000 * spent / n)


if __name__ == "__main__":
    print(score(records()))
