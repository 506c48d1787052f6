"""Select the article region in the line sequence: the maximum-sum run of line scores (Kadane), grown across
boxes nested inside the article; then refine it: off-indent blocks inside it (captions, fact and teaser boxes)
and the standfirst between the headline and the region.

Thresholds are calibrated on fundus-dev-text (inscriptis renderings of 144 news pages, where nesting shows as
indentation) and the taz seed example.
"""
from __future__ import annotations

from collections.abc import Sequence

from .classify import BOX_KINDS, has_credit_tail, has_paren_credit, is_credit
from .lines import Line, drop

GOOD_WORDS = 10
MAX_GAP = 20  # lines at (or left of) the body indent an interruption inside the article may span
MAX_SPAN = 80  # lines of any indent an interruption may span (boxes nested deeper than the body do not count
# against MAX_GAP: inscriptis renders embeds, ad slots and newsletter boxes inside the article deeper)
INDENT_TOLERANCE = 2
MIN_CONTINUATION = 6.0  # body-indent prose score the next MAX_GAP lines need to continue the region
TERMINAL_KINDS = frozenset({"comments", "most_commented", "footer"})
OFF_INDENT_RUN_WORDS = 30  # lines of an off-indent run inside the article shorter than this are a box
KEPT = frozenset({"paragraph", "heading", "list_item"})
LONG_PROSE_WORDS = 60  # a paragraph this long within INDENT_TOLERANCE of the body indent is body, not a caption
BOX_RUN_MIN = 3  # an off-indent run of this many lines, short on average, is a box (a fact box, a product card)
STANDFIRST_REACH = 12  # the region starts at most this many lines below the headline ...
STANDFIRST_NEAR = 5  # ... and the standfirst is one of the first lines below it
STANDFIRST_MIN_WORDS, STANDFIRST_PROSE_WORDS = 5, 15  # a sentence this long, or any line this long
ANCHOR_WORDS, ANCHOR_RATIO = 40, 2.0  # see _anchored: the page's longest paragraph, this much longer than the run's
NOT_OPENERS = frozenset({"byline", "date", "caption", "template"})  # phrase kinds that open no box


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
    return _anchored(lines, best[1], best[2])


def _anchored(lines: Sequence[Line], start: int, end: int) -> tuple[int, int]:
    """The best run holding the page's longest paragraph, when the best run overall holds nothing that long.

    Flat renderings give a list of many medium lines (a 'latest news' list of headlines, a link directory) as much
    weight as an article of one long paragraph and a few short lines; but an article holds the page's longest
    paragraph, ANCHOR_WORDS+ words and ANCHOR_RATIO times longer than anything in such a list.
    """
    inside = max((line.words for line in lines[start:end] if line.score > 0), default=0)
    if inside >= ANCHOR_WORDS:
        return start, end
    anchor = max((i for i in range(len(lines)) if lines[i].score > 0 and lines[i].terminal),
                 key=lambda i: lines[i].words, default=None)
    if anchor is None or lines[anchor].words < max(ANCHOR_WORDS, ANCHOR_RATIO * inside) or start <= anchor < end:
        return start, end
    return _widest(lines, anchor, range(anchor - 1, -1, -1)), _widest(lines, anchor, range(anchor + 1, len(lines))) + 1


def _widest(lines: Sequence[Line], anchor: int, direction: range) -> int:
    """The far end of the best-scoring stretch next to `anchor` in one direction (`anchor` itself if none gains)."""
    total, best, far = 0.0, 0.0, anchor
    for i in direction:
        total += lines[i].score
        if total > best:
            best, far = total, i
    return far


def extend_run(
    lines: Sequence[Line], start: int, end: int, indent: int, min_continuation: float = MIN_CONTINUATION
) -> tuple[int, int]:
    """Grow [start, end) across interruptions (embeds, 'more on this' boxes, off-indent teasers).

    The article goes on when the next MAX_GAP lines, up to the first terminal box (comments, most
    commented, footer), hold body-indent prose worth at least MIN_CONTINUATION; the region then ends
    at the last such line. Inscriptis-style renderings interleave boxes with the paragraphs; lines nested
    deeper than the body (an ad slot, a video player, a newsletter form) do not count as gap lines, and a
    terminal phrase among them ('Kommentare: 49' in a teaser) ends nothing.
    """
    while end < len(lines):
        anchors = _anchors(lines, range(end, min(len(lines), end + MAX_SPAN)), indent)
        if not anchors or sum(lines[i].score for i in anchors) < min_continuation:
            break
        end = anchors[-1] + 1
    while start > 0:  # the same backwards: the article's first paragraphs above an embedded box
        anchors = _anchors(lines, range(start - 1, max(-1, start - 1 - MAX_SPAN), -1), indent)
        if not anchors or sum(lines[i].score for i in anchors) < min_continuation:
            break
        start = anchors[-1]
    return start, end


def _anchors(lines: Sequence[Line], window: range, indent: int) -> list[int]:
    """Anchors in a window: prose lines at the body indent, evidence that the article goes on. Up to the first
    terminal box or MAX_GAP lines not nested deeper than the body."""
    anchors: list[int] = []
    low, deep = indent - INDENT_TOLERANCE, indent + INDENT_TOLERANCE
    counted = 0
    for i in window:
        line = lines[i]
        if line.indent > deep:  # nested deeper: neither an anchor nor a gap line, and no terminal box
            continue
        if line.phrase_kind in TERMINAL_KINDS:
            break
        if line.indent >= low and line.score > 0 and line.words >= GOOD_WORDS and line.terminal:
            anchors.append(i)
        counted += 1
        if counted >= MAX_GAP:
            break
    return anchors


def drop_off_indent_blocks(lines: Sequence[Line], start: int, end: int, indent: int) -> None:
    """Kept lines indented unlike the body paragraphs around them: captions, pull quotes, teaser boxes.

    A run right below a boilerplate widget line ('Box aufklappen', 'Mehr zum Thema') is that box; else a lone
    off-indent paragraph between aligned lines is taken for a caption, and a run of short lines (all of them,
    or BOX_RUN_MIN+ lines on average) for an embedded link, teaser or fact box.
    """
    body = [i for i in range(start, end) if lines[i].label in KEPT]
    aligned = [lines[i].indent == indent or _near_body(lines, i, indent, body[k - 1] if k else start)
               for k, i in enumerate(body)]
    k = 1
    while k < len(body) - 1:
        if aligned[k] or not aligned[k - 1]:
            k += 1
            continue
        j = k
        while j < len(body) - 1 and not aligned[j]:
            j += 1
        if aligned[j]:
            opener = _box_opener(lines[body[k - 1] + 1:body[k]])
            _drop_run([lines[body[m]] for m in range(k, j)], opener)
        k = j + 1


def _near_body(lines: Sequence[Line], i: int, indent: int, previous: int) -> bool:
    """Near the body indent and too long for a caption or a pull quote (unless a credit ends it or a box widget
    line opens it: a video's description below 'WATCH | ...'): aligned with the body all the same."""
    line = lines[i]
    return (abs(line.indent - indent) <= INDENT_TOLERANCE and line.words >= LONG_PROSE_WORDS
            and not has_paren_credit(line.text) and _box_opener(lines[previous + 1:i]) is None)


def _box_opener(gap: Sequence[Line]) -> Line | None:
    """The last boilerplate widget line between the body and an off-indent run (which then is that box)."""
    for line in reversed(gap):
        if line.phrase_kind is not None and line.phrase_kind not in NOT_OPENERS:
            return line
    return None


def _drop_run(run: Sequence[Line], opener: Line | None) -> None:
    if opener is not None:
        kind = opener.phrase_kind if opener.phrase_kind in BOX_KINDS else "related"
        for line in run:
            drop(line, kind or "related", f"block indented unlike the body, below '{opener.text}'")
    elif len(run) == 1 and run[0].label == "paragraph":
        drop(run[0], "caption", "lone paragraph indented unlike the body around it")
    elif len(run) >= 2 and all(line.words < OFF_INDENT_RUN_WORDS for line in run) or (
            len(run) >= BOX_RUN_MIN and sum(line.words for line in run) < OFF_INDENT_RUN_WORDS * len(run)):
        for line in run:
            drop(line, "related", "block of short lines indented unlike the body around it")


def standfirst(lines: Sequence[Line], title: int, start: int) -> str | None:
    """The standfirst between the headline and the article region (bylines, dates and share bars between them
    are labelled by then): the first sentence-like line there, at the headline's indent and not a caption.
    Labelled `teaser`."""
    if not title < start <= title + STANDFIRST_REACH:
        return None
    low, high = lines[title].indent - INDENT_TOLERANCE, lines[title].indent + INDENT_TOLERANCE
    for line in lines[title + 1:min(start, title + 1 + STANDFIRST_NEAR)]:
        if line.label or line.phrase_kind is not None or line.words < STANDFIRST_MIN_WORDS:
            continue
        if not low <= line.indent <= high:  # a caption in a figure sits deeper
            return None
        if not (line.terminal or line.words >= STANDFIRST_PROSE_WORDS):
            continue
        if is_credit(line) or has_credit_tail(line.text) or has_paren_credit(line.text):
            return None
        line.label, line.kind, line.reason = "teaser", None, ""
        return line.text
    return None
