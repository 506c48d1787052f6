"""Select the article region in the line sequence: the maximum-sum run of line scores (Kadane)."""
from __future__ import annotations

from collections.abc import Sequence

from .lines import Line

GOOD_WORDS = 10
MAX_GAP = 30  # lines an interruption inside the article may span
MIN_CONTINUATION = 4.0  # score a continuation run needs to be joined to the region
TERMINAL_KINDS = frozenset({"comments", "most_commented", "footer"})


def best_run(lines: Sequence[Line]) -> tuple[int, int]:
    """[start, end) of the contiguous run of lines with the highest total score; (0, 0) if none is positive."""
    best = (0.0, 0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += line.score
        if total > best[0]:
            best = (total, start, i + 1)
    return best[1], best[2]


def _is_anchor(line: Line, indent: int) -> bool:
    """A prose line at the body indent: evidence that the article goes on."""
    return line.score > 0 and line.words >= GOOD_WORDS and line.terminal and abs(line.indent - indent) <= 2


def extend_run(lines: Sequence[Line], start: int, end: int, indent: int) -> tuple[int, int]:
    """Grow [start, end) across interruptions (embeds, 'more on this' boxes, off-indent teasers).

    The article continues after a gap of at most MAX_GAP lines when the gap holds no terminal box
    (comments, most read, footer) and what follows is a run of body-indent prose worth at least
    MIN_CONTINUATION. Inscriptis-style renderings interleave such boxes with the paragraphs.
    """
    while True:
        nxt = next((i for i in range(end, min(len(lines), end + MAX_GAP)) if _is_anchor(lines[i], indent)), None)
        if nxt is None or any(lines[i].phrase_kind in TERMINAL_KINDS for i in range(end, nxt)):
            break
        total, stop, best = 0.0, nxt, (0.0, nxt)
        for i in range(nxt, len(lines)):
            total += lines[i].score
            if total <= 0:
                break
            if total > best[0]:
                best = (total, i + 1)
        if best[0] < MIN_CONTINUATION:
            break
        stop = best[1]
        end = stop
    return start, end
