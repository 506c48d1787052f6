"""Line-level repairs: drop caps, hyphenation at line breaks, doubled captions (hard wrapping: wrap.py)."""
from __future__ import annotations

import re
from collections.abc import Collection, Container

from ..model import Repair

# "R ussland": a paragraph-initial capital split from the rest of its word by a space.
_DROP_CAP = re.compile(r"^([\"'„“‚‘«»(\[]?)([^\W\d_])\s([^\W\d_]{2,})(?=[\s,.;:!?\-–—)]|$)")
_HYPHEN_END = re.compile(r"(\w)[-\u2010]$")
_LOWER_START = re.compile(r"^[^\W\d_]")
_TERMINAL = frozenset(".!?:;\"'“”»«)")


def has_drop_cap(line: str) -> bool:
    """Cheap pre-check: does the line start like 'R ussland'?"""
    return _DROP_CAP.match(line) is not None


def fix_drop_cap(line: str, vocabulary: Container[str], one_letter_words: Collection[str]) -> tuple[str, Repair | None]:
    """Join a split drop cap when the joined word occurs elsewhere in the text, or the capital alone is no word.

    `vocabulary` holds the lower-cased words of the whole text; `one_letter_words` the language's
    one-letter words ("a", "i" in English), which a paragraph may legitimately start with.
    """
    match = _DROP_CAP.match(line)
    if not match:
        return line, None
    lead, cap, rest = match.groups()
    if not cap.isupper() or not rest.islower():
        return line, None
    joined = (cap + rest).lower()
    if cap.lower() in one_letter_words or rest in vocabulary:
        if joined not in vocabulary:
            return line, None
    fixed = lead + cap + rest + line[match.end():]
    return fixed, Repair("drop_cap", line[: match.end()], lead + cap + rest)


def dedupe_doubled(text: str) -> tuple[str, Repair | None]:
    """'X. X.' -> 'X.': a caption or alt text that a scraper emitted twice in one string."""
    stripped = text.strip()
    size = len(stripped)
    if size < 20:
        return text, None
    for middle in range(size // 2 - 2, size // 2 + 3):
        left, right = stripped[:middle].strip(), stripped[middle:].strip()
        if left and left == right:
            return left, Repair("duplicate_caption", stripped, left)
    return text, None


def join_hyphenated(first: str, second: str) -> str | None:
    """'Bundes-' + 'regierung' -> 'Bundesregierung'; None when the break is not a hyphenation.

    Only the last characters of `first` are searched: it may be a whole paragraph being unwrapped, and a search
    for an end-anchored pattern would scan all of it (quadratic over a paragraph's lines)."""
    if not _HYPHEN_END.search(first[-3:]) or not _LOWER_START.match(second) or not second[:1].islower():
        return None
    return first[:-1] + second


