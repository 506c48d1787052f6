"""The header cluster: bylines, dates and author names between the headline and the article body.

Pages put the same few lines under the headline: a teaser, 'Von A. B.', a date line, a bare author name,
or one line of short parts ('Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM'). They are looked for in
the lines after the headline down to the first lines of the article region, and dropped as byline/date.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import DateValue
from .dates import (
    DATE_LINE_MAX_WORDS,
    bare_names,
    find_date,
    is_byline_prefix,
    looks_like_name,
    may_hold_byline_or_date,
    parse_byline,
)
from .lines import Line, drop

CLUSTER_AFTER_START = 3  # lines into the article region that may still belong to the header cluster
META_LINE_MAX_WORDS = 30  # a line of short parts with a date: longer lines are prose
SEGMENT_MAX_WORDS = 8
BARE_NAME_MAX_WORDS = 8  # a line of names alone ('Julia Vergin | Clare Roth')
NAMES_BELOW = 3  # 'Von' / 'Author of the article:' alone: names on up to this many lines below
_SEPARATOR = re.compile(r"\s+[·•|]\s+|\s+[–—]\s+")
_OPEN_LABELS = ("", "removed")


def mark_date_or_byline(line: Line, lang: str | None) -> bool:
    """Label a short line as a date or byline line (kept on the line: `date`/`authors` for the meta)."""
    if not may_hold_byline_or_date(line.text, lang):
        return False
    if line.words > DATE_LINE_MAX_WORDS:
        return _mark_meta_line(line, lang)
    names = parse_byline(line.text, lang)
    if names:
        drop(line, "byline", "byline")
        line.authors = names
        line.date = find_date(line.text, lang)  # 'Von A. B. 28.04.2023, 18:11 Uhr'
        return True
    if _SEPARATOR.search(line.text) and _mark_meta_line(line, lang):
        return True
    date = find_date(line.text, lang)
    if date is not None:
        drop(line, "date", "date line")
        line.date = date
        return True
    return False


def _mark_meta_line(line: Line, lang: str | None) -> bool:
    """'Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM EDT': short parts, one of them a date."""
    if line.words > META_LINE_MAX_WORDS or (line.terminal and line.words > DATE_LINE_MAX_WORDS):
        return False
    parts = _SEPARATOR.split(line.text)
    if len(parts) < 2 or any(len(part.split()) > SEGMENT_MAX_WORDS for part in parts):
        return False
    date = find_date(line.text, lang)
    if date is None:
        return False
    drop(line, "date", "date line")
    line.date = date
    for part in parts:
        names = parse_byline(part, lang) or bare_names(part, lang)
        if names:
            line.kind, line.reason, line.authors = "byline", "byline", names
            break
    return True


def mark_names_below(lines: Sequence[Line], i: int, lang: str | None) -> bool:
    """'Von' or 'Author of the article:' alone on a line: the names are on the lines below."""
    line = lines[i]
    if not is_byline_prefix(line.text, lang):
        return False
    drop(line, "byline", "byline")
    names: list[str] = []
    for below in lines[i + 1:i + 1 + NAMES_BELOW]:
        if below.label not in _OPEN_LABELS or below.kind in ("byline", "date"):
            break
        found = parse_byline(below.text, lang) or bare_names(below.text, lang)
        if not found and looks_like_name(below.text):
            found = (below.text,)
        if not found:
            break
        drop(below, "byline", "author name below a byline word")
        names.extend(found)
    line.authors = tuple(names)
    return True


def label_cluster(lines: Sequence[Line], title: int, start: int, end: int, lang: str | None) -> None:
    """Bylines, date lines and bare author names from the headline down into the region's first lines."""
    stop = min(end, max(start, title + 1) + CLUSTER_AFTER_START)
    for i in range(title + 1, stop):
        line = lines[i]
        if line.label not in _OPEN_LABELS and not (line.label == "paragraph" and not line.terminal):
            continue
        if line.kind in ("byline", "date") or line.phrase_kind not in (None, "navigation", "byline", "date"):
            continue
        if mark_names_below(lines, i, lang) or mark_date_or_byline(line, lang):
            continue
        names = bare_names(line.text, lang) if line.words <= BARE_NAME_MAX_WORDS else ()
        if names:
            drop(line, "byline", "author name under the headline")
            line.authors = names


def cluster_meta(
    lines: Sequence[Line], title: int | None, start: int, end: int
) -> tuple[tuple[str, ...], DateValue | None]:
    """Authors and date found in the header cluster (the first of each), or ((), None)."""
    if title is None:
        return (), None
    stop = min(end, max(start, title + 1) + CLUSTER_AFTER_START)
    window = lines[title + 1:stop]
    date = next((line.date for line in window if line.date), None)
    return pick_authors(window), date


def pick_authors(lines: Sequence[Line]) -> tuple[str, ...]:
    """The first explicit byline's names ('Von A. B.', 'By Jane Doe'); else the first bare name line's."""
    found = [line for line in lines if line.authors]
    explicit = next((line.authors for line in found if line.reason == "byline"), None)
    return explicit or (found[0].authors if found else ())
