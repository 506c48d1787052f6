"""The header cluster: bylines, dates and author names between the headline and the article body.

Pages put the same few lines under the headline: a teaser, 'Von A. B.', a date line, a bare author name,
or one line of short parts ('Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM'). They are looked for in
the lines after the headline down to the first lines of the article region, and dropped as byline/date.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import DateValue
from .classify import is_credit
from .dates import (
    DATE_LINE_MAX_WORDS,
    agency_part,
    bare_names,
    caseless_full_name,
    desk_name,
    find_date,
    is_byline_prefix,
    labelled_date,
    looks_like_name,
    may_hold_byline_or_date,
    parse_byline,
    source_agency,
)
from .lines import Line, drop

CLUSTER_AFTER_START = 3  # lines into the article region that may still belong to the header cluster
CLUSTER_MAX_LINES, CLUSTER_PROSE_WORDS = 10, 45  # ... or lines below the headline up to a body-long paragraph
META_LINE_MAX_WORDS = 30  # a line of short parts with a date: longer lines are prose
SEGMENT_MAX_WORDS = 8
BARE_NAME_MAX_WORDS = 8  # a line of names alone ('Julia Vergin | Clare Roth')
NAMES_BELOW = 8  # 'Von' / 'Author of the article:' alone: names on up to this many lines below
_LIST_CONJUNCTIONS = frozenset({"and", "und", "og", "och", "en", "et", "y", "e", "i"})
_ELLIPSIS = " .…"
_SEPARATOR = re.compile(r"\s+[·•|]\s+|\s+[–—]\s+")
FAR_DATE_REACH = 3  # lines below a far byline that may hold its date
_AFTER_DATE = re.compile(r"\s*[,/]\s+|\s+[,/]\s*")
_OPEN_LABELS = ("", "removed")
_UNDER_HEADLINE = "author name under the headline"
DATE_SEARCH = 40  # lines around the article start searched for a date when the header zone has none
LABELLED_DATE_REACH = 30  # lines above the region start and below its end searched for 'Datum 28.04.2023'
DATE_ABOVE_TITLE = 4  # a date line this close above the headline belongs to its header (before looser dates)
AFTER_TEXT_DATE_REACH = 5  # lines below the text that may hold its dateline ('SRF 4 News, 15.4.2024, 10:05 Uhr')
PURE_DATE_SLACK = 30  # characters besides the date itself in a line that is 'mostly a date


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
        names = _names_after_date(line.text, date.raw, lang)
        if names:  # '28. April 2024, 14:26 Uhr , Tobias Költzsch', '9. September 2025 / Frank Doe'
            line.kind, line.reason, line.authors = "byline", "byline", names
        return True
    return False


def _names_after_date(text: str, raw: str, lang: str | None) -> tuple[str, ...]:
    """Names in the last ','- or '/'-separated part after the date of a date line."""
    position = text.find(raw)
    parts = _AFTER_DATE.split(text[position + len(raw):]) if position >= 0 else []
    return bare_names(parts[-1], lang) if len(parts) >= 2 else ()


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


def _without_list_tail(text: str) -> str:
    """A line of a list of names without the list's glue at its end: digits, commas, '&', ';' or a last 'and'.
    Loops, not a regex: '[\\d\\s,&;]+$' is quadratic on a long run of those characters."""
    end = len(text)
    while end and (text[end - 1].isdecimal() or text[end - 1].isspace() or text[end - 1] in ",&;"):
        end -= 1
    if end < len(text):
        return text[:end]
    last = text.rsplit(None, 1)[-1] if text else ""  # (no trailing space is left: the text ends with it)
    if last in _LIST_CONJUNCTIONS and text[:-len(last)][-1:].isspace():
        return text[:-len(last)].rstrip()
    return text


def mark_names_below(lines: Sequence[Line], i: int, lang: str | None) -> bool:
    """'Von' or 'Author of the article:' alone on a line: the names are on the lines below."""
    line = lines[i]
    if not is_byline_prefix(line.text, lang):
        return False
    drop(line, "byline", "byline")
    names: list[str] = []
    for below in lines[i + 1:i + 1 + NAMES_BELOW]:
        if not _open_for_names(below) or below.kind in ("byline", "date"):
            break
        if may_hold_byline_or_date(below.text, lang) and find_date(below.text, lang) is not None:
            break  # 'Published Jun 05, 2026': the date line under the names ends the list
        text = _without_list_tail(below.text)  # 'Jane Doe0,', 'Bo Muster &': one name of a list per line
        if not text.strip(_ELLIPSIS):
            drop(below, "byline", "author list")
            continue
        found = parse_byline(text, lang) or bare_names(text, lang)
        if not found and (looks_like_name(text) or desk_name(text)):
            found = (text.strip(),)  # 'Radek Nohl', 'BR24 Redaktion'

        if not found:
            break
        drop(below, "byline", "author name below a byline word")
        names.extend(found)
    line.authors = tuple(names)
    return True


def _open_for_names(line: Line) -> bool:
    """Not labelled yet, or labelled by the region pass as a short heading-like line (a name above the text
    reads as a heading or a non-sentence paragraph to it)."""
    return line.label in _OPEN_LABELS or (line.label in ("heading", "paragraph") and not line.terminal
                                          and line.words <= BARE_NAME_MAX_WORDS)


def label_cluster(lines: Sequence[Line], title: int, start: int, end: int, lang: str | None) -> None:
    """Bylines, date lines and bare author names from the headline down into the region's first lines."""
    stop = _cluster_stop(lines, title, start, end)
    for i in range(title + 1, stop):
        line = lines[i]
        if line.label not in _OPEN_LABELS and not (line.label in ("paragraph", "heading") and not line.terminal):
            continue
        if line.kind in ("byline", "date"):
            continue
        if line.phrase_kind not in (None, "navigation", "byline", "date"):
            if line.words <= BARE_NAME_MAX_WORDS:
                _explicit_byline(line, lang)  # 'By Associated Press' also reads as a footer phrase
            continue
        if mark_names_below(lines, i, lang) or mark_date_or_byline(line, lang):
            continue
        if line.words > BARE_NAME_MAX_WORDS:
            continue
        names = bare_names(line.text, lang) or source_agency(line.text)
        if not names and _beside_date(lines, i):
            names = caseless_full_name(line.text) or agency_part(line.text)  # '大渡 美咲', 'Haberler - AA'
        if names and (i == title + 1 or lines[i - 1].authors or not is_caption_name(lines, i)):
            # right below the headline, or below another author line: the byline
            drop(line, "byline", _UNDER_HEADLINE)
            line.authors = names


def _beside_date(lines: Sequence[Line], i: int) -> bool:
    return any(lines[j].kind == "date" for j in (i - 1, i + 1) if 0 <= j < len(lines))


def _cluster_stop(lines: Sequence[Line], title: int, start: int, end: int) -> int:
    """End of the header cluster: CLUSTER_AFTER_START lines into the region, or further down to the first
    body-long paragraph (teaser, caption, share lines and a paywall note may stand between headline and byline)."""
    stop = min(end, max(start, title + 1) + CLUSTER_AFTER_START)
    reach = min(end, len(lines), title + 1 + CLUSTER_MAX_LINES)
    j = title + 1
    while j < reach and lines[j].words < CLUSTER_PROSE_WORDS:
        j += 1
    return max(stop, j)


def cluster_lines(lines: Sequence[Line], title: int | None, start: int, end: int) -> Sequence[Line]:
    """The header cluster's lines below the headline (empty without a headline)."""
    return lines[title + 1:_cluster_stop(lines, title, start, end)] if title is not None else ()


def far_byline(
    lines: Sequence[Line], low: int, high: int, lang: str | None
) -> tuple[tuple[str, ...], DateValue | None]:
    """The explicit byline nearest above [low, high) ('By Jane Doe', 'Author of the article:' + names) and a date
    line right below it: the header of pages where a paywall or ad box stands between header and article."""
    for i in range(high - 1, low - 1, -1):
        line = lines[i]
        if line.label or line.words > DATE_LINE_MAX_WORDS or not may_hold_byline_or_date(line.text, lang):
            continue
        if not (mark_names_below(lines, i, lang) and line.authors) and not _explicit_byline(line, lang):
            continue
        below = (other for other in lines[i + 1:i + 1 + FAR_DATE_REACH] if not other.label or other.kind == "byline")
        for other in below:
            if other.date is None and not other.label:
                mark_date_or_byline(other, lang)
            if other.date is not None:
                return line.authors, other.date
        return line.authors, line.date
    return (), None


def _explicit_byline(line: Line, lang: str | None) -> bool:
    """A byline opening with its byline word ('By Jane Doe', 'Von A. B.'), labelled as such."""
    names = parse_byline(line.text, lang)
    if not names or not is_byline_prefix(line.text.split()[0], lang):
        return False
    drop(line, "byline", "byline")
    line.authors, line.date = names, find_date(line.text, lang)
    return True


def is_caption_name(lines: Sequence[Line], i: int) -> bool:
    """A name line right above a picture credit names the person in the picture, not the author."""
    return i + 1 < len(lines) and is_credit(lines[i + 1])

def explicit_authors(lines: Sequence[Line]) -> tuple[str, ...]:
    """The names of the first byline opening with its byline word ('Von A. B.') among `lines`."""
    return next((line.authors for line in lines if line.authors and line.reason == "byline"), ())


def pick_authors(lines: Sequence[Line]) -> tuple[str, ...]:
    """The first explicit byline's names ('Von A. B.', 'By Jane Doe'); else the first bare name line's, one beside
    a date line before a two-word line that merely sits under the headline ('Tribunal Supremo')."""
    found = [(k, line) for k, line in enumerate(lines) if line.authors]
    explicit = next((line.authors for _, line in found if line.reason == "byline"), None)
    if explicit:
        return explicit
    first = next((k for k, line in found if line.reason != _UNDER_HEADLINE or any(
        lines[j].kind == "date" for j in (k - 1, k + 1) if 0 <= j < len(lines))), found[0][0] if found else None)
    if first is None:
        return ()
    names, reason = lines[first].authors, lines[first].reason
    k = first + 1
    while k < len(lines) and lines[k].authors and lines[k].reason == reason:  # one author a line ('Mathias Hagen
        names += tuple(name for name in lines[k].authors if name not in names)  # – Journalist', 'Anders ...')
        k += 1
    return names


def pick_date(lines: Sequence[Line], pure: bool = False) -> DateValue | None:
    """The first line that is mostly a date ('Datum 28.04.2023'), else (not `pure`) the first date in any line."""
    dated = [line for line in lines if line.date is not None]
    for line in dated:
        if line.date is not None and len(line.text) - len(line.date.raw) <= PURE_DATE_SLACK:
            return line.date
    return dated[0].date if dated and not pure else None


def labelled_date_near(lines: Sequence[Line], start: int, end: int, lang: str | None) -> DateValue | None:
    """A short line opening with a publication-date label ('Datum 28.04.2023') above the article or just below
    it (pages that print the date and author after the text), before dates found in captions."""
    for line in lines[max(0, start - LABELLED_DATE_REACH):min(len(lines), end + LABELLED_DATE_REACH)]:
        if line.words <= DATE_LINE_MAX_WORDS and line.label not in ("paragraph", "list_item", "heading"):
            found = labelled_date(line.text, lang)
            if found is not None:
                return found
    return None


def header_date(lines: Sequence[Line], title: int | None, start: int, cluster: Sequence[Line]) -> DateValue | None:
    """The headline's date: a date line right below it, else one right above it (BR: date, kicker, headline),
    else any date in its cluster. Lines that open with the date ('05 Gennaio 2025 Aggiornato alle 16:01')
    count as date lines, unlike a date at the end of a broadcast note or of a related article's byline."""
    if title is None:
        return None
    below = lines[title + 1:min(len(lines), max(start, title + 1) + CLUSTER_AFTER_START)]
    for line in below:
        if line.date is not None and not line.authors and line.text.startswith(line.date.raw):
            return line.date
    above = lines[max(0, title - DATE_ABOVE_TITLE):title]
    return pick_date(below, pure=True) or pick_date(above, pure=True)


def nearest_date(lines: Sequence[Line], start: int, end: int, lang: str | None) -> DateValue | None:
    """No date line beside the headline: the short date-bearing line nearest to the article start."""
    window = range(max(0, start - DATE_SEARCH), min(end, start + DATE_SEARCH))
    for i in sorted(window, key=lambda i: abs(i - start)):
        line = lines[i]
        if line.words <= DATE_LINE_MAX_WORDS and line.label not in ("paragraph", "list_item", "heading"):
            date = find_date(line.text, lang)
            if date is not None:
                return date
    return None


def date_after_text(lines: Sequence[Line], end: int, lang: str | None) -> DateValue | None:
    """No date above the text: a short dated line among the first lines below it, a closing dateline
    ('SRF 4 News, 15.4.2024, 10:05 Uhr') before the related-article lists that carry their own dates."""
    for line in lines[end:min(len(lines), end + AFTER_TEXT_DATE_REACH)]:
        if line.words <= DATE_LINE_MAX_WORDS and (date := find_date(line.text, lang)) is not None:
            return date
    return None
