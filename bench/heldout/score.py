"""Score fliesstext and its peers on the held-out file with fliesstext.evaluate (body token F1 per page, mean).

    python -m bench.heldout.score [--gold bench/results/heldout.jsonl.gz] [--only fliesstext,trafilatura]

Each extractor is called as a user would call it with default settings:
  fliesstext   `fliesstext.extract(html, url=url, mode="html").text`
  trafilatura  `trafilatura.extract(html, url=url)`
  readability  `readability.Document(html).summary()` -> lxml text_content()
  resiliparse  `extract_plain_text(html, main_content=True)`
Prints mean / median body F1 per extractor, per-language means and every page's F1 (worst first), and writes the
per-page figures to bench/results/heldout-scores.json. `make bench` runs the same file with the bench adapters
(`python -m bench.run --files fundus-dev,bench/results/heldout.jsonl.gz`); this script is the quick look.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.heldout.build import DEFAULT_OUT, REPO
from fliesstext.evaluate import body_prf, read_jsonl

Runner = Callable[[str, str], str]


def _fliesstext() -> Runner:
    import fliesstext

    return lambda html, url: fliesstext.extract(html, url=url, mode="html").text or ""


def _trafilatura() -> Runner:
    import trafilatura

    return lambda html, url: trafilatura.extract(html, url=url) or ""


def _readability() -> Runner:
    import lxml.html
    from readability import Document

    def run(html: str, url: str) -> str:
        summary = Document(html).summary()
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def _resiliparse() -> Runner:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda html, url: extract_plain_text(html, main_content=True) or ""


EXTRACTORS: dict[str, Callable[[], Runner]] = {
    "fliesstext": _fliesstext, "trafilatura": _trafilatura, "readability": _readability, "resiliparse": _resiliparse,
}


def score(gold: list[dict[str, Any]], name: str) -> dict[str, Any]:
    run = EXTRACTORS[name]()
    pages = []
    seconds = 0.0
    for record in gold:
        start = time.process_time()
        try:
            text = run(record["html"], record["url"])
        except Exception as err:  # a peer's crash scores 0 on that page, as in `make bench`
            text = ""
            print(f"{name} failed on {record['id']}: {err!r}")
        seconds += time.process_time() - start
        precision, recall, f1 = body_prf(text, record["expected"]["body"])
        pages.append({"id": record["id"], "lang": record["lang"], "precision": precision, "recall": recall,
                      "f1": f1})
    f1s = [p["f1"] for p in pages]
    by_lang: dict[str, list[float]] = defaultdict(list)
    for page in pages:
        by_lang[page["lang"]].append(page["f1"])
    return {"mean": statistics.fmean(f1s), "median": statistics.median(f1s), "ms_per_page": 1000 * seconds / len(gold),
            "by_lang": {k: statistics.fmean(v) for k, v in sorted(by_lang.items())}, "pages": pages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", default=",".join(EXTRACTORS))
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "heldout-scores.json")
    args = parser.parse_args(argv)
    gold = read_jsonl(args.gold)
    results = {name: score(gold, name) for name in args.only.split(",")}
    print(f"{args.gold.name}: {len(gold)} pages, {len({r['publisher'] for r in gold})} publishers")
    for name, res in results.items():
        langs = " ".join(f"{k}={v:.3f}" for k, v in res["by_lang"].items())
        print(f"{name:12s} F1 mean {res['mean']:.3f}  median {res['median']:.3f}  {res['ms_per_page']:.1f} ms/page  "
              f"[{langs}]")
    names = list(results)
    print("\npage" + "".join(f"  {n[:11]:>11s}" for n in names))
    first = results[names[0]]["pages"]
    for index in sorted(range(len(gold)), key=lambda i: first[i]["f1"]):
        cells = "".join(f"  {results[n]['pages'][index]['f1']:11.3f}" for n in names)
        print(f"{gold[index]['id']:45s}{cells}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
