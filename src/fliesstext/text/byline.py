"""Which byline and which date of a page are the article's: the pickers over the labelled lines.

The header cluster under the headline comes first, then labelled lines near the text, bylines further up,
author notes and signatures below the text ('(责编：牛镛、岳弘彬)', 'IN-Redaktion'), and dates in ever
looser places. The shapes themselves are read by text/dates.py (one line at a time) and text/cluster.py.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import DateValue
from .cluster import (
    CLUSTER_MAX_LINES,
    DATE_ABOVE_TITLE,
    LABELLED_DATE_REACH,
    cluster_lines,
    date_after_text,
    explicit_authors,
    far_byline,
    header_date,
    is_caption_name,
    labelled_date_near,
    nearest_date,
    pick_authors,
    pick_date,
)
from .dates import DATE_LINE_MAX_WORDS, bare_names, caseless_byline, desk_name, labelled_authors
from .header import FAR_LOOKBACK
from .lines import Line
from .relative import header_relative_date

SIGNATURE_MAX_WORDS = 4  # 'Lê Phương' alone below the text signs it
SIGNATURE_BODY_MENTIONS = 2  # a name below the text that the body names this often is a tag, not a signature


def labelled_authors_below(lines: Sequence[Line], end: int, lang: str | None) -> tuple[str, ...]:
    """No byline above the text: an author line with its label just below it ('Autorin/Autor Roman Goncharenko'),
    or an author note in a script without capitals ('(责编：牛镛、岳弘彬)', '순천 구현모 기자 ninek@…')."""
    for line in lines[end:min(len(lines), end + LABELLED_DATE_REACH)]:
        if line.words > DATE_LINE_MAX_WORDS:
            continue
        names = labelled_authors(line.text, lang) or caseless_byline(line.text)
        if names:
            return names
    return ()


def signature(lines: Sequence[Line], end: int, lang: str | None) -> tuple[str, ...]:
    """No byline anywhere: a name alone on the line right after the article's last paragraph (a signature)."""
    if end >= len(lines) or end == 0 or lines[end - 1].label != "paragraph":
        return ()
    line = lines[end]
    if line.label not in ("", "removed") or line.words > SIGNATURE_MAX_WORDS or is_caption_name(lines, end):
        return ()
    if end + 1 < len(lines) and _title_case_short(lines[end + 1].text):
        return ()  # 'Donald Trump' above 'White House': a tag list, not a signature
    desk = desk_name(line.text)
    names = (desk,) if desk is not None else bare_names(line.text, lang)  # 'IN-Redaktion' or 'Lê Phương'
    body = [ln.text for ln in lines[:end] if ln.label == "paragraph"]
    for name in names:  # a tag naming the story's subject, named again and again; a reporter once at most
        if sum(name.split()[-1] in text for text in body) >= SIGNATURE_BODY_MENTIONS:
            return ()
    return names


def _title_case_short(text: str) -> bool:
    """'White House', 'Ukraine': a short line whose every word is capitalised (the next entry of a tag list)."""
    words = text.split()
    return 0 < len(words) <= SIGNATURE_MAX_WORDS and all(w[:1].isupper() for w in words if w[:1].isalpha())


def authors_and_date(lines: Sequence[Line], title: int | None, region: tuple[int, int, int], lang: str | None,
                     fetched_at: str | None) -> tuple[tuple[str, ...], DateValue | None]:
    """The article's authors and publication date, from the most to the least specific place: the header
    cluster under the headline, a labelled line near the text, the lines above the region (`zone`, start,
    end), a byline further up, a labelled author or signature below the text, a relative time, any date line."""
    zone_start, start, end = region
    cluster = cluster_lines(lines, title, start, end)
    zone = lines[zone_start:end]
    authors = pick_authors(cluster) or pick_authors(zone)
    if title is not None and title < zone_start and (direct := explicit_authors(lines[zone_start:start])):
        authors = direct  # 'Von A. B.' right above the text beats names under a headline far above it
    date = header_date(lines, title, start, cluster) or labelled_date_near(lines, start, end, lang)
    date = date or pick_date(cluster) or pick_date(zone)
    if not authors or date is None:
        far_authors, far_date = far_byline(lines, max(0, start - FAR_LOOKBACK), zone_start, lang)
        authors, date = authors or far_authors, date or far_date
    authors = authors or labelled_authors_below(lines, end, lang) or signature(lines, end, lang)
    if date is None and fetched_at:  # 'vor 14 Minuten' beside the headline, counted back from the fetch time
        around = start if title is None else title
        date = header_relative_date(lines, around, around - DATE_ABOVE_TITLE, around + CLUSTER_MAX_LINES, fetched_at)
    return authors, date or nearest_date(lines, start, end, lang) or date_after_text(lines, end, lang)
