"""Build a multi-page-per-host text corpus from fundus-dev-text for measuring template learning.

For a few hosts, the page's own boilerplate (the text before its first and after its last expected
paragraph) wraps the bodies of other articles of the same language, and the host's own in-article chrome
(ad markers, "more on this" boxes, captions) stays where it was between the swapped-in paragraphs:
>= 5 pages per host with the same site chrome and different articles. A seeded share of boilerplate lines is dropped per page, so the
template is not byte-identical across pages. Usage:
    python tests/templates/build_corpus.py ../shared/bench/fundus-dev-text.jsonl.gz OUT.jsonl.gz [hosts] [pages]
"""
from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DROP_SHARE = 0.15


def _frame(record: dict[str, Any]) -> tuple[str, str, str, str] | None:
    """(prefix, indent, region, suffix) around the expected body in the page text, or None if not found."""
    text, paragraphs = record["text"], record["expected"]["paragraphs"]
    if not paragraphs or record.get("text_coverage", 0) < 1.0:
        return None
    first, last = text.find(paragraphs[0][:60]), text.rfind(paragraphs[-1][-60:])
    if first < 0 or last < first:
        return None
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\n", last)
    end = len(text) if end < 0 else end
    return text[:start], text[start:first], text[start:end], text[end:]


def _swap_paragraphs(region: str, own: list[str], donor: list[str], indent: str) -> str:
    """The host's article region with its paragraphs replaced by the donor's, in-article chrome kept."""
    own_set = {" ".join(p.split()) for p in own}
    queue = list(donor)
    out: list[str] = []
    for line in region.split("\n"):
        if " ".join(line.split()) in own_set:
            if queue:
                out.append(indent + queue.pop(0))
        else:
            out.append(line)
    out.extend(indent + p for p in queue)
    return "\n".join(out)


def _vary(block: str, rng: random.Random) -> str:
    return "\n".join(line for line in block.split("\n") if not line.strip() or rng.random() >= DROP_SHARE)


def build(records: list[dict[str, Any]], hosts: int = 6, pages: int = 6, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    by_lang: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_lang.setdefault(record["lang"], []).append(record)
    frames = [(r, f) for r in records if r["lang"] in ("de", "en") and (f := _frame(r)) is not None]
    frames = [(r, f) for r, f in frames if len(f[0]) + len(f[2]) > 2000]  # hosts with real chrome
    rng.shuffle(frames)
    out: list[dict[str, Any]] = []
    for record, (prefix, indent, region, suffix) in frames[:hosts]:
        host = urlsplit(record["url"]).hostname
        donors = [r for r in by_lang[record["lang"]] if r["id"] != record["id"] and r["expected"]["paragraphs"]]
        for n, donor in enumerate(rng.sample(donors, min(pages, len(donors)))):
            body = _swap_paragraphs(region, record["expected"]["paragraphs"], donor["expected"]["paragraphs"], indent)
            text = _vary(prefix, rng) + body + _vary(suffix, rng)
            out.append({
                "id": f"{record['id']}#{n}", "host": host, "lang": record["lang"],
                "url": f"https://{host}/synthetic/{n}", "text": text, "expected": {"body": donor["expected"]["body"]},
            })
    return out


def main(argv: list[str]) -> None:
    records = [json.loads(line) for line in gzip.open(argv[1], "rt", encoding="utf-8")]
    hosts = int(argv[3]) if len(argv) > 3 else 6
    pages = int(argv[4]) if len(argv) > 4 else 6
    corpus = build(records, hosts, pages)
    with gzip.open(Path(argv[2]), "wt", encoding="utf-8") as fh:
        for item in corpus:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(corpus)} pages, {len({c['host'] for c in corpus})} hosts -> {argv[2]}")


if __name__ == "__main__":
    main(sys.argv)
