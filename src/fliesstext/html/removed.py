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


_TEXT_KINDS = frozenset(("ad", "share", "related", "newsletter", "paywall", "donation_appeal", "cookie_notice", "date",
                         "byline", "caption", "most_read", "most_commented", "comments", "navigation", "tags",
                         "author_bio", "breadcrumb", "footer", "header"))


def text_check(lang: str | None) -> Callable[[RawBlock], tuple[str, str] | None] | None:
    """A check of a kept block's text alone (no class tokens) against the labeller's phrase knowledge."""
    labeller = _labeller()
    if labeller is None:
        return None

    def check(block: RawBlock) -> tuple[str, str] | None:
        kind, why = labeller(block.text, frozenset(), block.tag, block.link_density, lang)
        return (kind, why) if kind in _TEXT_KINDS else None

    return check


def block_tokens(seg: Segmentation, block: RawBlock, limit: int = 12) -> frozenset[str]:
    """Class/id pieces of the block's owner and its nearest ancestors.

    <body> and <html> are not included: the walk starts at <body> and records no class for it, so page-level
    pieces ('has-comments', 'author-jane') never reach the labeller as block evidence."""
    out: set[str] = set()
    elements = seg.elements
    index, steps = block.owner, 0
    while index >= 0 and steps < limit:
        element = elements[index]
        if element.raw:  # elements without class or id have no pieces: skip the property call
            out.update(element.tokens)
        index = element.parent
        steps += 1
    return frozenset(out)


def _fallback_kind(block: RawBlock, tokens: frozenset[str]) -> str:
    if "caption" in block.reason or "figure" in block.reason:
        return "caption"
    if "title" in block.reason:
        return "title"
    negative = knowledge().negative
    found = [token for token in tokens if token in negative]
    return negative[min(found)] if found else "other"  # min: the same answer whatever the set order


def group_dropped(seg: Segmentation, container: int = 0) -> list[RawBlock]:
    """Runs of dropped blocks with the same reason in the same box become one removed block, text joined by
    newlines: a 30-item menu is one removed navigation, not 30. Outside the selected region the box is the
    page branch (child of an ancestor of the container: header, nav, sidebar, footer); inside, the parent."""
    out: list[RawBlock] = []
    key: tuple[str, int] | None = None
    copied = False
    elements = seg.elements
    spine = set(seg.ancestors(container))
    for block in seg.blocks:
        if block.keep:
            key = None
            continue
        box = elements[block.owner].parent
        if block.reason == "outside selected region":
            box = block.owner
            while box >= 0 and elements[box].parent not in spine:
                box = elements[box].parent
        group = (block.reason, box)
        if group == key and out:
            last = out[-1]
            if not copied:  # copy on the first merge only: the segmentation's own blocks stay as they were
                last = out[-1] = replace(last)
                copied = True
            last.text = f"{last.text}\n{block.text}"
            last.link_chars += block.link_chars
            continue
        key, copied = group, False
        out.append(block)
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
