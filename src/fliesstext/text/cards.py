"""Lists of other stories' headlines: weak evidence for the article region.

Renderings without indentation (innerText, resiliparse, Markdown, hard-wrapped dumps) give the region selection no
layout edge between the article and a 'latest news' or 'more from this section' list below (or above) it: each
headline is a line of a dozen words and scores like a short paragraph, so a long list adds up. An article's
running text ends its sentences; a headline list does not: its lines end without a full stop, in a question mark,
or cut off with an ellipsis ('... Presi...'), and no sentence line stands among them (short label lines such as a
section name, a date or a comment count may). HEADLINE_RUN such lines in a row are scored HEADLINE_SCORE, and on
renderings without indentation such lines kept inside the region (a 'most read' box between two paragraphs) are
removed as `related`, unless they are short (an unbulleted list of the article's points).

The same renderings print a picture's caption twice (label_twins): removed as `caption` before the region is chosen.
"""
from __future__ import annotations

from collections.abc import Sequence

from .classify import is_credit_text, is_enumeration
from .lines import Line, drop

HEADLINE_RUN = 4  # headline-like lines in a row, no sentence line between them (calibrated on fundus-dev renderings)
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 4, 30  # shorter lines are labels (neutral); longer ones break a run
HEADLINE_SCORE = -0.3
POINT_MAX_WORDS = 8  # inside the region, a run of lines this short at the median: the article's list (drop_headlines)
TWIN_MIN_WORDS, TWIN_KEY_CHARS, TWIN_REACH, TWIN_MAX_WORDS = 8, 40, 4, 30  # see label_twins and _caption_twins
TWIN_QUOTE_RATIO = 1.5  # a line this many times longer than a line it starts with: the paragraph of a pull quote
TAIL_WORDS = 20  # a line this long right below a sentence line is a paragraph even without its full stop
_KEPT = frozenset({"paragraph", "heading", "list_item"})
_CLOSERS = "\"'“”‘’»«)）」』 "
# full stops of the scripts (Latin, CJK, fullwidth, Devanagari and Bengali danda, Urdu, Armenian, Myanmar, Ethiopic,
# Tibetan, Khmer, Mongolian, Syriac): a line ending in one is a sentence
_FULL_STOPS = frozenset(".。．｡।॥۔։။።།៕᠃܂")
_SENTENCE_ENDS = _FULL_STOPS | {":", ";"}
SENTENCE_CONTRAST = HEADLINE_RUN  # without this many sentence lines a text gives no contrast (Thai marks no ends)


def _is_cut(core: str) -> bool:
    """Cut off by an ellipsis right after a letter ('... Presi...', '... Presi…')."""
    if core.endswith("..."):
        return core[-4:-3].isalnum()
    return core[-1:] == "…" and core[-2:-1].isalnum()


def _is_headline(line: Line) -> bool | None:
    """True: headline-like; False: a sentence (or a lead-in colon); None: neither (a short label, an enumeration)."""
    if line.bullet is not None:
        return None
    if line.words > HEADLINE_MAX_WORDS:
        return False
    text = line.text
    if not text[-1:].isalnum():  # most headlines end in a letter: no marks to look behind
        core = text.rstrip(_CLOSERS)
        last = core[-1:]
        if (last in _SENTENCE_ENDS or last == "…") and not _is_cut(core):
            return False
    # an enumeration ('Miyazaki: Takanabe, Shintomi, Miyazaki City'), a table row: not a headline
    return None if is_enumeration(line.text) else True


def _caption_twins(one: Line, other: Line) -> tuple[Line, ...]:
    """The lines to drop of two that open alike: both when they are the same sentence twice in a row or a text and
    the same text with its credit glued on; the upper one of the same sentence with lines between them (a standfirst
    repeating the first paragraph, a byline and a date between them); the shorter one when the longer goes on with
    much more (a pull quote repeating the paragraph's start); none for a headline shown twice or a headline and the
    page title made of it."""
    short, long = (one, other) if len(one.text) < len(other.text) else (other, one)
    if not long.text.startswith(short.text):
        return ()
    tail = long.text[len(short.text):].strip()
    if is_credit_text(tail):
        return (short, long)
    if short.text.rstrip(_CLOSERS)[-1:] not in _FULL_STOPS:
        return ()
    if tail:  # a pull quote repeating the start of a much longer paragraph
        return (short,) if len(long.text) >= TWIN_QUOTE_RATIO * len(short.text) else ()
    if short.words > TWIN_MAX_WORDS:
        return ()  # a long paragraph twice: text, not a caption
    upper, lower = (one, other) if one.index < other.index else (other, one)
    # with lines between them (a byline, a date) the upper copy is a teaser repeating the first paragraph: it goes
    return (upper, lower) if lower.index - upper.index == 1 else (upper,)


def headline_runs(lines: Sequence[Line]) -> list[int]:
    """Indexes of the lines in runs of HEADLINE_RUN+ headline-like lines (see the module docstring)."""
    found: list[int] = []
    run: list[int] = []
    sentence = -2  # the last sentence line
    sentences = 0  # lines that end like a sentence
    for i, line in enumerate(lines):
        words = line.words
        if words < HEADLINE_MIN_WORDS:  # a short label: neither a headline nor a sentence
            continue
        headline = None if line.label else _is_headline(line)
        sentences += headline is False
        if headline and not run and sentence == i - 1 and words >= TAIL_WORDS:
            headline = False  # the article's last paragraph without its full stop, not the list's first headline
        if headline:
            run.append(i)
            continue
        sentence = i
        if headline is False:
            _close(lines, run, found)
            run = []
    _close(lines, run, found)
    if sentences < SENTENCE_CONTRAST:
        return []  # a script that ends no sentence with a mark (Thai, Lao): every line would look like a headline
    return found


def _close(lines: Sequence[Line], run: list[int], found: list[int]) -> None:
    """Keep a run of HEADLINE_RUN+ distinct headlines (a widget line repeated per item is no list of stories)."""
    if len(run) >= HEADLINE_RUN and len({lines[i].text for i in run}) >= HEADLINE_RUN:
        found.extend(run)


def demote(lines: Sequence[Line], indexes: Sequence[int]) -> None:
    """Score the lines of headline runs (after score_lines, which sets every line's score) at most HEADLINE_SCORE."""
    for i in indexes:
        line = lines[i]
        if line.score > HEADLINE_SCORE:
            line.score = HEADLINE_SCORE


def drop_headlines(lines: Sequence[Line], indexes: Sequence[int], start: int, end: int) -> None:
    """Headline-list lines kept inside the article region (a 'most read' box between two paragraphs): `related`.
    A run of short lines there ('Key facts' and its points, unbulleted in innerText) is the article's own list:
    other stories' headlines are longer (a median of POINT_MAX_WORDS words or more) and stay candidates."""
    for run in _runs(lines, [i for i in indexes if start <= i < end]):
        words = sorted(lines[i].words for i in run)
        if words[len(words) // 2] < POINT_MAX_WORDS:
            continue
        for i in run:
            if lines[i].label in _KEPT:
                drop(lines[i], "related", "list of headlines")


def _runs(lines: Sequence[Line], indexes: Sequence[int]) -> list[list[int]]:
    """The (sorted) indexes split into their runs: only short label lines (or none) between two of one run."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and all(lines[j].words < HEADLINE_MIN_WORDS for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def label_twins(lines: Sequence[Line]) -> None:
    """A line shown twice right beside itself is a caption, not a paragraph: renderings without the page's styles
    print a picture's caption once in the picture and once below it, often with the credit glued on
    ('Lindner speaks in Berlin.' and 'Lindner speaks in Berlin. Photo: dpa'), and a teaser card's headline once
    in its link and once in its picture. Lines of TWIN_MIN_WORDS+ words that open with the same TWIN_KEY_CHARS
    characters, at most TWIN_REACH lines apart, are removed as kind `caption` before the region is chosen (see
    _caption_twins), unless the page repeats the same line over and over."""
    first: dict[str, int] = {}
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.words >= TWIN_MIN_WORDS and not line.label and line.phrase_kind is None:
            key = line.text[:TWIN_KEY_CHARS]
            j = first.setdefault(key, i)
            if j != i:
                groups.setdefault(key, [j]).append(i)
    for found in groups.values():
        if len(found) > 2 and len({lines[i].text for i in found}) == 1:
            continue  # the same text over and over: a repeated element (label_repeats), not a caption shown twice
        for i, j in zip(found, found[1:], strict=False):
            if j - i <= TWIN_REACH:
                for twin in _caption_twins(lines[i], lines[j]):
                    drop(twin, "caption", "shown twice right beside itself")
