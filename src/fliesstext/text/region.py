"""Select the article region in the line sequence: the maximum-sum run of line scores (Kadane)."""
from __future__ import annotations

from collections.abc import Sequence

from .lines import Line

GOOD_WORDS = 10
MAX_GAP = 20  # lines an interruption inside the article may span
MIN_CONTINUATION = 6.0  # body-indent prose score the next MAX_GAP lines need to continue the region
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


def extend_run(
    lines: Sequence[Line], start: int, end: int, indent: int, min_continuation: float = MIN_CONTINUATION
) -> tuple[int, int]:
    """Grow [start, end) across interruptions (embeds, 'more on this' boxes, off-indent teasers).

    The article goes on when the next MAX_GAP lines, up to the first terminal box (comments, most
    commented, footer), hold body-indent prose worth at least MIN_CONTINUATION; the region then ends
    at the last such line. Inscriptis-style renderings interleave boxes with the paragraphs.
    """
    while end < len(lines):
        anchors = _anchors(lines, range(end, min(len(lines), end + MAX_GAP)), indent)
        if not anchors or sum(lines[i].score for i in anchors) < min_continuation:
            break
        end = anchors[-1] + 1
    while start > 0:  # the same backwards: the article's first paragraphs above an embedded box
        anchors = _anchors(lines, range(start - 1, max(-1, start - 1 - MAX_GAP), -1), indent)
        if not anchors or sum(lines[i].score for i in anchors) < min_continuation:
            break
        start = anchors[-1]
    return start, end


def _anchors(lines: Sequence[Line], window: range, indent: int) -> list[int]:
    """Body-indent prose lines in a window, up to the first terminal box."""
    anchors: list[int] = []
    for i in window:
        if lines[i].phrase_kind in TERMINAL_KINDS:
            break
        if _is_anchor(lines[i], indent):
            anchors.append(i)
    return anchors
