"""Line-level repairs: drop caps, hyphenation at line breaks, hard-wrapped paragraphs, doubled captions."""
from __future__ import annotations

import re
from collections.abc import Collection, Container, Sequence

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
    """'Bundes-' + 'regierung' -> 'Bundesregierung'; None when the break is not a hyphenation."""
    if not _HYPHEN_END.search(first) or not _LOWER_START.match(second) or not second[:1].islower():
        return None
    return first[:-1] + second


def wrap_width(lines: Sequence[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None if the text is not hard-wrapped.

    Hard-wrapped text (mail, WET, fixed-width dumps) has many lines just under one width and few beyond.
    """
    lengths = sorted(map(len, filter(None, map(str.rstrip, lines))))
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width < 40 or width > 110:
        return None
    near = sum(1 for n in lengths if 0.75 * width <= n <= width)
    return width if near >= 0.4 * len(lengths) else None


def join_wrapped(previous: str, text: str) -> tuple[str, Repair]:
    """A line and the next line of its paragraph joined (a word hyphenated at the break closed up), and the
    repair that says so: the 30 characters either side of the break, before and after."""
    joined = join_hyphenated(previous, text)
    kind = "hyphenation" if joined is not None else "wrapped_paragraph"
    out = joined if joined is not None else previous + " " + text
    return out, Repair(kind, previous[-30:] + "\n" + text[:30], out[max(0, len(previous) - 30):][:60])


def rejoin_wrapped(lines: Sequence[str]) -> tuple[list[str], list[Repair]]:
    """Re-join paragraphs that were hard-wrapped across lines (and hyphenated at the breaks)."""
    width = wrap_width(lines)
    if width is None:
        return list(lines), []
    out: list[str] = []
    repairs: list[Repair] = []
    open_paragraph = False
    for line in lines:
        text = line.strip()
        if open_paragraph and text and out:
            out[-1], repair = join_wrapped(out[-1], text)
            if len(repairs) < 20:
                repairs.append(repair)
        else:
            out.append(line.rstrip())
        open_paragraph = bool(text) and len(line.rstrip()) >= 0.6 * width and text[-1:] not in _TERMINAL
    return out, repairs
