"""Dropped blocks -> Removed(kind, text, reason). The kind comes from html/label.py (label_removed) when it is
there; until then, from the class/id piece or context flag that dropped the block."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ..model import Removed
from .score import knowledge
from .segment import RawBlock, Segmentation

Labeller = Callable[[str, frozenset[str], str, float, "str | None"], tuple[str, str]]


@lru_cache(maxsize=1)
def _labeller() -> Labeller | None:
    try:
        from .label import label_removed  # type: ignore[attr-defined]
    except ImportError:
        return None
    return label_removed  # type: ignore[no-any-return]


def block_tokens(seg: Segmentation, block: RawBlock, limit: int = 12) -> frozenset[str]:
    """Class/id pieces of the block's owner and its nearest ancestors."""
    out: set[str] = set()
    index, steps = block.owner, 0
    while index >= 0 and steps < limit:
        out.update(seg.elements[index].tokens)
        index = seg.elements[index].parent
        steps += 1
    return frozenset(out)


def _fallback_kind(block: RawBlock, tokens: frozenset[str]) -> str:
    if "caption" in block.reason or "figure" in block.reason:
        return "caption"
    if "title" in block.reason:
        return "title"
    negative = knowledge().negative
    for token in tokens:
        if token in negative:
            return negative[token]
    return "other"


def group_dropped(seg: Segmentation) -> list[RawBlock]:
    """Runs of dropped blocks with the same reason under the same parent element become one block
    (a 30-item menu is one removed navigation, not 30), text joined by newlines."""
    out: list[RawBlock] = []
    key: tuple[str, int] | None = None
    elements = seg.elements
    for block in seg.blocks:
        if block.keep:
            key = None
            continue
        owner = elements[block.owner]
        group = (block.reason, owner.parent)
        if group == key and out:
            last = out[-1]
            last.text = f"{last.text}\n{block.text}"
            last.link_chars += block.link_chars
            continue
        key = group
        out.append(replace(block))
    return out


def label_block(seg: Segmentation, block: RawBlock, lang: str | None) -> Removed:
    tokens = block_tokens(seg, block)
    labeller = _labeller()
    reason = block.reason or "not selected"
    if labeller is not None:
        try:
            kind, why = labeller(block.text, tokens, seg.elements[block.owner].tag, block.link_density, lang)
        except (ValueError, TypeError, KeyError, IndexError):
            kind, why = "other", ""
        if kind != "other" or not why:
            return Removed(kind, block.text, f"{reason}; {why}" if why else reason)
    return Removed(_fallback_kind(block, tokens), block.text, reason)
