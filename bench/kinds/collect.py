"""Removed entries of every fundus-dev page, in HTML mode and in text mode (the bench's own data files).

`collect(mode)` yields one row per page: id, host (the publisher), lang, the body text and the removed entries
(kind, text, reason). The sample builder and the scorer both read the pages through it, so a page is extracted
the same way when the sample is drawn and when it is scored.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fliesstext import Options, Page, extract_page

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO.parent / "shared" / "bench"
FILES = {"html": "fundus-dev.jsonl.gz", "text": "fundus-dev-text.jsonl.gz"}


def host_of(page_id: str) -> str:
    """'fundus/de/FAZ_2024_01_05' -> 'FAZ': the publisher, the unit of the dev/held-back split."""
    return page_id.split("/")[-1].split("_")[0]


def split_of(page_id: str) -> str:
    """Held back or dev, by a hash of the publisher (fixed before any tuning: no page of a held-back publisher is
    read while rules are written)."""
    digest = hashlib.md5(host_of(page_id).encode("utf-8")).digest()  # noqa: S324 - a split, not security
    return "holdout" if digest[0] % 2 else "dev"


def records(mode: str, ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    wanted = set(ids) if ids is not None else None
    with gzip.open(DATA_DIR / FILES[mode], "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if wanted is None or record["id"] in wanted:
                yield record


def collect(mode: str, ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """Extract each page of one mode: id, host, lang, body text and removed entries."""
    options = Options(mode=mode)  # type: ignore[arg-type]
    field = "html" if mode == "html" else "text"
    for record in records(mode, ids):
        page = Page(content=record[field], url=record.get("url"), id=record["id"], mode=mode)  # type: ignore[arg-type]
        article = extract_page(page, options)
        yield {
            "id": record["id"], "host": host_of(record["id"]), "lang": article.lang, "text": article.text,
            "removed": [{"kind": r.kind, "text": r.text, "reason": r.reason} for r in article.removed],
        }
