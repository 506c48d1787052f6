"""Dropped blocks -> Removed(kind, text, reason). The kind comes from html/label.py (label_removed) when it is
there; until then, from the class/id piece or context flag that dropped the block."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ..model import Removed
from ..text.kinds import entry_kind, is_menu_shaped, name_other, text_kind
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
    index = block.owner
    for _ in range(limit):
        if index < 0:
            break
        element = elements[index]
        if element.raw:  # elements without class or id have no pieces: skip the property call
            out.update(element.tokens)
        index = element.parent
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


_SHORT_TEXT = 60
_TEXT_WINS = frozenset({"share", "comments", "most_read", "tags", "newsletter", "related", "paywall", "ad",
                        "cookie_notice", "author_bio"})  # specific boxes: a whole-text phrase beats a class piece
_TOKEN_YIELDS = _TEXT_WINS | {"byline", "date", "caption"}  # ...of these kinds ('Ver más artículos' in an author box)
_BESIDE_BODY = ("between headline and body", "before the headline", "short line without a sentence at the edge")
# (drop reasons of html/select.py: a name there is the byline)


def _rename(text: str, lang: str | None, reason: str, verdict: tuple[str, str]) -> tuple[str, str]:
    """Second thoughts on the labeller's verdict, from the text-level evidence of text/kinds.py (the block is
    dropped either way: only its kind and reason change):
    - 'other': controls, box headings, dates, agencies, a byline, names beside the headline (name_other);
    - a class-token kind that the block's whole text contradicts with a specific phrase ('Partager cet article'
      under a glued 'partagecommentaire' token is the share bar, not comments);
    - a 'headline-like link' that is a group of many one- and two-word lines: a menu."""
    kind, why = verdict
    if kind == "other":
        found = name_other(text, lang, reason.startswith(_BESIDE_BODY))
        return found if found is not None else verdict
    if why.startswith("class token") and len(text) <= _SHORT_TEXT and "\n" not in text:
        found = text_kind(text, lang)
        if found is not None and found[0] != kind and found[0] in _TEXT_WINS and kind in _TOKEN_YIELDS:
            return found[0], f"{found[1]} (class token said {kind})"
    if why.startswith("headline-like link") and is_menu_shaped(text):
        first = entry_kind(text, lang)
        return (first if first is not None else ("navigation", "a list of short links"))
    return verdict


def label_block(seg: Segmentation, block: RawBlock, lang: str | None) -> Removed:
    tokens = block_tokens(seg, block)
    labeller = _labeller()
    reason = block.reason or "not selected"
    if labeller is not None:
        try:
            kind, why = labeller(block.text, tokens, seg.elements[block.owner].tag, block.link_density, lang)
        except (ValueError, TypeError, KeyError, IndexError):
            kind, why = "other", ""
        kind, why = _rename(block.text, lang, reason, (kind, why))
        if kind != "other" or not why:
            return Removed(kind, block.text, f"{reason}; {why}" if why else reason)
    return Removed(_fallback_kind(block, tokens), block.text, reason)
