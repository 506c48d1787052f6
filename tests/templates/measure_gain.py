"""Measure what template learning gains: body F1 without templates, one pass, and two passes.

    python tests/templates/measure_gain.py ../shared/bench/fundus-dev-text.jsonl.gz [hosts] [pages]

Builds the multi-page corpus in memory (build_corpus.py) and scores article.text against the donor
article's expected body with the bench scorer (bag of casefolded \\w+ tokens).
"""
from __future__ import annotations

import gzip
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_corpus import build  # noqa: E402

import fliesstext  # noqa: E402
from fliesstext import Options, Page  # noqa: E402
from fliesstext.evaluate import body_prf  # noqa: E402
from fliesstext.templates import learn_templates  # noqa: E402


def f1(predicted: str, expected: str) -> float:
    return body_prf(predicted, expected)[2]


def main(argv: list[str]) -> None:
    if len(argv) < 2 or not Path(argv[1]).is_file():
        print("template gain: skipped (no text bench file)")
        return
    records = [json.loads(line) for line in gzip.open(argv[1], "rt", encoding="utf-8")]
    corpus = build(records, int(argv[2]) if len(argv) > 2 else 8, int(argv[3]) if len(argv) > 3 else 6)
    pages = [Page(content=c["text"], url=c["url"], id=c["id"], mode="text") for c in corpus]
    runs = {
        "no templates": list(fliesstext.extract_many(pages, Options(mode="text", learn_templates=False))),
        "one pass (extract_many)": list(fliesstext.extract_many(pages, Options(mode="text"))),
    }
    store = learn_templates(pages, Options(mode="text"))
    runs["two passes (learn_templates)"] = list(fliesstext.extract_many(pages, Options(mode="text"), templates=store))
    hosts = sorted({c["host"] for c in corpus})
    print(f"{len(corpus)} pages, {len(hosts)} hosts")
    for name, articles in runs.items():
        scores = [f1(a.text, c["expected"]["body"]) for a, c in zip(articles, corpus, strict=True)]
        removed = sum(1 for a in articles for r in a.removed if r.kind == "template")
        print(f"{name:30s} body F1 mean {statistics.mean(scores):.4f} median {statistics.median(scores):.4f}"
              f"  template removals {removed}")


if __name__ == "__main__":
    main(sys.argv)
