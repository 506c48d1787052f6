"""Character repairs on body blocks taken from a DOM (HTML mode).

A page's DOM text keeps what a reader never sees: soft hyphens (U+00AD, hyphenation hints, often written as
`&shy;` in German or Icelandic pages) and zero-width spaces, which split words for search and tokenizers. It may
also hold decomposed characters, and mojibake that the site itself published (UTF-8 read as Latin-1 before it was
stored: "fÃ¼r"). Text mode repairs these in its own pass (repair_characters); here the same repairs run over
the selected blocks and the title and teaser, recorded under `repairs`. Joiners (U+200C/U+200D) stay: they are spelling
in Persian, Indic scripts and emoji sequences.
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace

from ..model import Block, BodyResult, Meta, Repair
from .chars import (
    INVISIBLE_CHARS,
    MAX_RECORDS_PER_KIND,
    fix_mojibake,
    may_be_mojibake,
    remove_soft_hyphens,
    remove_zero_width,
)


def _needs_repair(text: str) -> bool:
    """Cheap tests on the whole body at once (most pages need nothing)."""
    if text.isascii():
        return False
    return any(char in text for char in INVISIBLE_CHARS) or may_be_mojibake(text) or \
        not unicodedata.is_normalized("NFC", text)


def _clean(text: str) -> tuple[str, list[Repair]]:
    repairs: list[Repair] = []
    original = text
    for step in (fix_mojibake, remove_soft_hyphens, remove_zero_width):  # each returns at once when not needed
        text, found = step(text)
        repairs.extend(found)
    if text != original:
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


def repair_body(body: BodyResult, keep_repairs: bool = True, earlier: tuple[Repair, ...] = ()) -> BodyResult:
    """The body with mojibake and invisible characters repaired in its blocks, text NFC; each change listed
    under `repairs` after `earlier` ones (at most MAX_RECORDS_PER_KIND of a kind) unless keep_repairs is False."""
    if not _needs_repair("\n".join(block.text for block in body.blocks)):
        return replace(body, repairs=earlier + body.repairs) if earlier and keep_repairs else body
    blocks: list[Block] = []
    repairs: list[Repair] = list(earlier + body.repairs) if keep_repairs else []
    counts: dict[str, int] = {}
    for block in body.blocks:
        block, found = _repaired(block)
        blocks.append(block)
        for repair in found:
            counts[repair.kind] = counts.get(repair.kind, 0) + 1
            if keep_repairs and counts[repair.kind] <= MAX_RECORDS_PER_KIND:
                repairs.append(repair)
    return replace(body, blocks=tuple(blocks), repairs=tuple(repairs))


def repair_meta(meta: Meta) -> tuple[Meta, tuple[Repair, ...]]:
    """Mojibake in the title and teaser (invisible characters are already dropped by meta's cleaning)."""
    title, title_repairs = fix_mojibake(meta.title) if meta.title else (meta.title, [])
    teaser, teaser_repairs = fix_mojibake(meta.teaser) if meta.teaser else (meta.teaser, [])
    if title == meta.title and teaser == meta.teaser:
        return meta, ()
    return replace(meta, title=title, teaser=teaser), tuple(title_repairs + teaser_repairs)
