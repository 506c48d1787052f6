"""Which byline and which date of a page are the article's: the pickers over the labelled lines.

The header cluster under the headline comes first, then labelled lines near the text, bylines further up,
author notes and signatures below the text ('(责编：牛镛、岳弘彬)', 'IN-Redaktion'), and dates in ever
looser places, down to a blog's post footer and the day the URL names. Names of a bare name line that the
article names again and again are its subject, not its author. The shapes themselves are read by text/dates.py
(one line at a time) and text/cluster.py.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import iso_date
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
from .dates import (
    DATE_LINE_MAX_WORDS,
    MAX_NAME_TOKENS,
    bare_names,
    caseless_byline,
    desk_name,
    find_date,
    is_byline_prefix,
    labelled_authors,
    opens_with_byline_word,
)
from .header import FAR_LOOKBACK
from .kicker import BARE_NAME_REASON
from .lines import Line
from .relative import header_relative_date

# the day a news URL's path names: '/2024/04/28/', '/2024-04-28-', 'dmf20250202_' (8 digits alone, a valid day)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|$)"
                       r"|(?<![\d])((?:199|20[0-3])\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
GLUED_DATE_REACH, GLUED_DATE_INTO_TEXT, GLUED_DATE_WORDS = 4, 1, 6  # see glued_date
NAME_DATE_SEPARATORS = " ,;|/·•-–—"  # between the names and the date of a date line
_BARE_NAME_REASONS = ("author name under the headline", BARE_NAME_REASON)  # cluster.py's and pipeline's
SUBJECT_MENTIONS = 2  # a name from a bare name line that this many paragraphs name is the article's subject
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
        if _mentions(name.split()[-1], body) >= SIGNATURE_BODY_MENTIONS:
            return ()
    return names


def _mentions(word: str, texts: Sequence[str]) -> int:
    """How many of the texts name `word` as a whole word ('Wei' in 'Wei said', not in 'Weimar')."""
    pattern: re.Pattern[str] | None = None
    count = 0
    for text in texts:
        if word in text:  # the plain check spares most texts the regex
            pattern = pattern or re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            count += pattern.search(text) is not None
    return count


def _title_case_short(text: str) -> bool:
    """'White House', 'Ukraine': a short line whose every word is capitalised (the next entry of a tag list)."""
    words = text.split()
    return 0 < len(words) <= SIGNATURE_MAX_WORDS and all(w[:1].isupper() for w in words if w[:1].isalpha())


def authors_and_date(lines: Sequence[Line], title: int | None, region: tuple[int, int, int], lang: str | None,
                     fetched_at: str | None, url: str | None = None) -> tuple[tuple[str, ...], DateValue | None]:
    """The article's authors and publication date, from the most to the least specific place: the header
    cluster under the headline, a labelled line near the text, the lines above the region (`zone`, start,
    end), a byline further up, a labelled author or signature below the text, a relative time, any date line,
    the day the URL names."""
    zone_start, start, end = region
    cluster = cluster_lines(lines, title, start, end)
    zone = lines[zone_start:end]
    authors = pick_authors(cluster) or names_before_date(cluster, lang) or pick_authors(zone) \
        or byline_at_the_end(cluster, lang)
    if authors and _article_subject(lines, authors, zone_start, (start, end)):
        authors = ()
    if title is not None and title < zone_start and (direct := explicit_authors(lines[zone_start:start])):
        authors = direct  # 'Von A. B.' right above the text beats names under a headline far above it
    date = header_date(lines, title, start, cluster) or labelled_date_near(lines, start, end, lang)
    date = date or pick_date(cluster) or pick_date(zone)
    if not authors or date is None:
        far_authors, far_date = far_byline(lines, max(0, start - FAR_LOOKBACK), zone_start, lang)
        authors, date = authors or far_authors, date or far_date
    authors = authors or labelled_authors_below(lines, end, lang) or signature(lines, end, lang)
    if date is None and title is not None:
        date = glued_date(lines, title, start, lang)
    if date is None and fetched_at:  # 'vor 14 Minuten' beside the headline, counted back from the fetch time
        around = start if title is None else title
        date = header_relative_date(lines, around, around - DATE_ABOVE_TITLE, around + CLUSTER_MAX_LINES, fetched_at)
        date = None if date is not None and _url_day_differs(date, url) else date
    return authors, date or nearest_date(lines, start, end, lang) or date_after_text(lines, end, lang) \
        or footer_date(lines, end, lang) or url_date(url)


def _article_subject(lines: Sequence[Line], names: tuple[str, ...], low: int, region: tuple[int, int]) -> bool:
    """Names taken from a bare name line (no byline word) that the article names again and again: the person in a
    photo or a tag ('Donald Trump' over 'Foto: REUTERS'), its subject, not its author."""
    start, end = region
    source = next((line for line in lines[low:end] if line.authors == names), None)
    if source is None or source.reason not in _BARE_NAME_REASONS:
        return False
    body = [line.text for line in lines[start:end] if line.label == "paragraph"]
    return all(" " in name and _mentions(name.split()[-1], body) >= SUBJECT_MENTIONS for name in names)  # not 'dpa'


def byline_at_the_end(lines: Sequence[Line], lang: str | None) -> tuple[str, ...]:
    """A byline glued to the end of another line under the headline ('Tous droits réservés Captures d'écran sur
    Truth Social Par David Mouriquand'): a byline word, then two or three name tokens ending the line."""
    for line in lines:
        if line.authors or line.label == "paragraph" or line.terminal:
            continue
        words = line.text.split()
        for size in range(2, MAX_NAME_TOKENS + 1):
            if len(words) > size + 1 and is_byline_prefix(words[-size - 1], lang):
                names = bare_names(" ".join(words[-size:]), lang)
                if names:
                    return names
    return ()


def names_before_date(lines: Sequence[Line], lang: str | None) -> tuple[str, ...]:
    """Names before the date of a date line under the headline ('Amanda Krause 2024-02-14T16:15:30Z', 'Felix
    Schwarz 15.04.2025, 17:59' below a lone 'Von'): a name link and its date joined into one line."""
    for line in lines:
        if line.date is None or line.authors:
            continue
        position = line.text.find(line.date.raw)
        head = line.text[:position].rstrip(NAME_DATE_SEPARATORS) if position > 0 else ""
        names = bare_names(head, lang) if head else ()
        if names:
            return names
    return ()


def glued_date(lines: Sequence[Line], title: int, start: int, lang: str | None) -> DateValue | None:
    """A date closing a line under the headline ('... she said of her son's girlfriend April 25, 2024'): the date
    line glued to the standfirst by a renderer or a rewrapping step."""
    stop = min(max(start, title + 1) + GLUED_DATE_INTO_TEXT, title + GLUED_DATE_REACH + 1)
    for line in lines[title + 1:stop]:  # down to the text's first line (the headline may open the region)
        if line.words <= DATE_LINE_MAX_WORDS or not line.text[-1:].isdigit():
            continue
        tail = " ".join(line.text.split()[-GLUED_DATE_WORDS:])
        found = find_date(tail, lang)
        if found is not None and tail.endswith(found.raw):
            return found
    return None


def footer_date(lines: Sequence[Line], end: int, lang: str | None) -> DateValue | None:
    """A post footer below the text that opens with its byline and date ('Von israel news am 21/02/2021. Abgelegt
    unter Israel. ...'): too long for a date line, but its first sentence is one."""
    for line in lines[end:min(len(lines), end + LABELLED_DATE_REACH)]:
        if line.words > DATE_LINE_MAX_WORDS and line.label != "paragraph" and (found := dated_byline_head(
                line.text, lang)) is not None:
            return found
    return None


def dated_byline_head(text: str, lang: str | None) -> DateValue | None:
    """The date of a long line that opens with a short byline sentence holding it: 'Von israel news am 21/02/2021.
    Abgelegt unter Israel. Sie können ...', 'Posted by admin on May 5, 2024. Filed under ...' (a blog's post footer)."""
    cut = text.find(". ")
    head = text if cut < 0 else text[:cut + 1]
    if len(head.split()) > DATE_LINE_MAX_WORDS or not opens_with_byline_word(head, lang):
        return None
    return find_date(head, lang)


def _url_day_differs(counted: DateValue, url: str | None) -> bool:
    """A date counted from the fetch time ('vor 3 Stunden', a bare '3:45': perhaps a video's length) that the URL's
    full date contradicts: the URL is the surer of the two, the other dates of the text are tried first."""
    named = url_date(url)
    return named is not None and named.value[:10] != counted.value[:10]


def url_date(url: str | None) -> DateValue | None:
    """The publication day the URL path names ('https://…/2024/04/28/slug/', '/cnt/dmf20250202_96887132'): the last
    resort of a page whose text gives no date (a bare time under the headline, 'Vandaag om 20:07')."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    scheme = path.find("//")
    slash = path.find("/", scheme + 2 if scheme >= 0 else 0)
    match = _URL_DATE.search(path, slash) if slash >= 0 else None
    if match is None:
        return None
    year, month, day = (int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:]))
    iso = iso_date(year, month, day)
    return DateValue(iso, "url", match.group(0).strip("/-")) if iso else None
