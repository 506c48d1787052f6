"""Character repairs on body blocks taken from a DOM (HTML mode).

A page's DOM text keeps what a reader never sees: soft hyphens (U+00AD, hyphenation hints, often written as
`&shy;` in German or Icelandic pages) and zero-width spaces, which split words for search and tokenizers. It may
also hold decomposed characters. Text mode repairs these in its own pass (repair_characters); here the same
repairs run over the selected blocks, recorded under `repairs`. Joiners (U+200C/U+200D) stay: they are spelling
in Persian, Indic scripts and emoji sequences.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..model import Block, BodyResult, Repair
from .chars import MAX_RECORDS_PER_KIND, remove_soft_hyphens, remove_zero_width

_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")


def _clean(text: str) -> tuple[str, list[Repair]]:
    repairs: list[Repair] = []
    if _INVISIBLE.search(text):
        for step in (remove_soft_hyphens, remove_zero_width):
            text, found = step(text)
            repairs.extend(found)
        text = " ".join(text.split())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, repairs


def _repaired(block: Block) -> tuple[Block, list[Repair]]:
    text, repairs = _clean(block.text)
    rows = block.rows
    if rows is not None:
        rows = tuple(tuple(_clean(cell)[0] for cell in row) for row in rows)
    if text == block.text and rows == block.rows:
        return block, repairs
    return replace(block, text=text, rows=rows), repairs


def repair_body(body: BodyResult, keep_repairs: bool = True) -> BodyResult:
    """The body with invisible characters removed from its blocks, text NFC; each change listed under `repairs`
    (at most MAX_RECORDS_PER_KIND of a kind) unless keep_repairs is False."""
    joined = "\n".join(block.text for block in body.blocks)
    if joined.isascii() or (not _INVISIBLE.search(joined) and unicodedata.is_normalized("NFC", joined)):
        return body
    blocks: list[Block] = []
    repairs: list[Repair] = list(body.repairs)
    counts: dict[str, int] = {}
    for block in body.blocks:
        block, found = _repaired(block)
        blocks.append(block)
        for repair in found:
            counts[repair.kind] = counts.get(repair.kind, 0) + 1
            if keep_repairs and counts[repair.kind] <= MAX_RECORDS_PER_KIND:
                repairs.append(repair)
    return replace(body, blocks=tuple(blocks), repairs=tuple(repairs))
