"""Hard-wrapped text (html2text's 78 columns, lynx dumps, mail, fixed-width files) back to a line per paragraph.

A line that ended only because the next word would not have fit in the wrap width is joined with the next one (a
word hyphenated at the break closed up), the rule a wrapper follows; the width is found from the line lengths.
Plain renderings (inscriptis, resiliparse, innerText: paragraphs on one line each) pass through unchanged.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from ..model import Repair
from .lines import join_hyphenated

# Hard wrapping: calibrated on fundus-dev rendered by innerText and html2text wrapped at 78/80 columns, and on the
# unwrapped inscriptis / resiliparse renderings (which must not be detected: their paragraph lines run to hundreds
# of characters, beyond WRAP_MAX).
WRAP_MIN, WRAP_MAX = 40, 110  # the widths a fixed-width renderer uses
LONG_WORD = 30  # a word this long (a URL) may stand beyond the width
WRAP_QUANTILE = 0.98  # the wrap width: the length that this share of non-blank lines stays within
WRAP_NEAR = 0.75  # 'near the width': a line at least this share of the width long
WRAP_MIN_NEAR = 12  # at least this many lines near the width
NEAR_MIN_SPACES = 5  # near-width lines counted are prose (menu items of a link and its URL are not)
WRAP_MIN_FIT = 0.7  # share of near-width lines whose next line's first word would not have fit
_NO_JOIN_START = re.compile(r"^\s*(?:[#>|*•+\-–—]\s|\d{1,3}[.)]\s|!\[|\[!\[|```|<)")
_MAX_REPAIRS = 20
_CONTINUES = -1  # unwrap: the previous line was a long link, the next one decides


def join_wrapped(previous: str, text: str) -> tuple[str, Repair]:
    """A line and the next line of its paragraph joined (a word hyphenated at the break closed up), and the
    repair that says so: the 30 characters either side of the break, before and after."""
    out, kind = _joined(previous, text)
    return out, _repair(previous, text, out, kind)


def _joined(previous: str, text: str) -> tuple[str, str]:
    """A line and the next line of its paragraph joined, and the kind of repair."""
    joined = join_hyphenated(previous, text)
    if joined is not None:
        return joined, "hyphenation"
    return previous + " " + text, "wrapped_paragraph"


def _repair(previous: str, text: str, out: str, kind: str) -> Repair:
    return Repair(kind, previous[-30:] + "\n" + text[:30], out[max(0, len(previous) - 30):][:60])


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a text was hard-wrapped at, or None: nearly all lines within it and many just under it, and the
    lines near it end where the next word would not have fit (textwrap's rule)."""
    if len(lines) < WRAP_MIN_NEAR or _many_long_lines(lines, (1 - WRAP_QUANTILE) * len(lines)):
        return None  # most texts: paragraphs on one line each
    lengths = sorted(len(line) for line in map(str.rstrip, lines) if " " in line.lstrip() and not _unbreakable(line))
    if len(lengths) < WRAP_MIN_NEAR:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * WRAP_QUANTILE))]
    if not WRAP_MIN <= width <= WRAP_MAX:
        return None
    near = fit = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        size = len(line.rstrip())
        if size < WRAP_NEAR * width or size > width or not nxt.strip() or line.count(" ") < NEAR_MIN_SPACES \
                or _NO_JOIN_START.match(nxt):
            continue
        near += 1
        fit += size + 1 + len(nxt.split(None, 1)[0]) > width
    return width if near >= WRAP_MIN_NEAR and fit >= WRAP_MIN_FIT * near else None


def _many_long_lines(lines: Sequence[str], budget: float) -> bool:
    """More than `budget` lines beyond any wrap width that a wrapper could have broken (a cheap first test)."""
    count = 0
    for line in compress(lines, map(WRAP_MAX.__lt__, map(len, lines))):  # the long lines, found at C speed
        if " " in line.strip() and not _unbreakable(line.rstrip()):
            count += 1
            if count > budget:
                return True
    return False


def _unbreakable(line: str) -> bool:
    """A line a wrapper leaves over the width: a Markdown heading, a table row, or one with an address too long to
    fit anywhere."""
    if len(line) <= WRAP_MIN:
        return False
    start = line.lstrip()[:1]
    if start in "#|":
        return True
    return ("/" in line or "](" in line) and any(len(word) > LONG_WORD and _is_address(word) for word in line.split())


def _is_address(word: str) -> bool:
    """A URL or path (a link target): unbreakable. A long run of CJK text without spaces is no such word."""
    return "](" in word or "://" in word or word.count("/") >= 2


class _Paragraph:
    """The paragraph being joined, kept as pieces and joined once at its end: appending each line to one growing
    string copies the paragraph at every line (quadratic: 20,000 wrapped lines took seconds)."""

    def __init__(self, first: str) -> None:
        self.pieces = [first]

    def tail(self) -> str:
        """The paragraph's last three characters (all join_hyphenated looks at)."""
        end = ""
        for piece in reversed(self.pieces):
            end = piece + end
            if len(end) >= 3:
                break
        return end[-3:]

    def join(self, text: str) -> str:
        """Add the next line (as _joined would); the kind of repair."""
        if join_hyphenated(self.tail(), text) is not None:  # the hyphen at the break goes, the word closes up
            self.pieces[-1] = self.pieces[-1][:-1]
            self.pieces.append(text)
            return "hyphenation"
        self.pieces += (" ", text)
        return "wrapped_paragraph"

    def text(self) -> str:
        return "".join(self.pieces)


def rejoin_wrapped(lines: Sequence[str]) -> tuple[list[str], list[Repair]]:
    """Join the lines of hard-wrapped paragraphs: a line that ended only because the next word did not fit."""
    width = wrap_width(lines)
    if width is None:
        return list(lines), []
    out: list[str | _Paragraph] = []
    repairs: list[Repair] = []
    size = 0  # length of the previous raw line, 0 after a blank line
    for line in lines:
        raw = line.rstrip()
        text = raw.lstrip()
        if not text:
            out.append(raw)
            size = 0
            continue
        if size == _CONTINUES:
            size = width if text[:1].islower() or text[:1] in ",.;:)" else 0
        space = text.find(" ")
        if size and size + 1 + (space if space > 0 else len(text)) > width and not _NO_JOIN_START.match(line):
            _join_line(out, text, repairs)
        else:
            out.append(raw)
        size = len(raw)
        if size > width and raw[-1] == ")":  # a long link the wrapper could not break: the block may end here,
            size = _CONTINUES  # the next line continues it only when it goes on mid-sentence
    return [part if isinstance(part, str) else part.text() for part in out], repairs


def _join_line(out: list[str | _Paragraph], text: str, repairs: list[Repair]) -> None:
    """Join `text` to the last line of `out`; the repair is recorded for the first few joins only."""
    paragraph = out[-1] if isinstance(out[-1], _Paragraph) else _Paragraph(out[-1])
    out[-1] = paragraph
    record = len(repairs) < _MAX_REPAIRS
    previous = paragraph.text() if record else ""
    kind = paragraph.join(text)
    if record:
        repairs.append(_repair(previous, text, paragraph.text(), kind))
