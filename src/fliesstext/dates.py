"""Dates written by people and machines -> ISO 8601, shared by HTML mode (meta/dates.py) and text mode (text/dates.py).

Two entry points over one set of month tables, one ISO builder and one time-of-day grammar:

- `parse_date(text)`: a date *string* (a JSON-LD / meta value, a <time datetime>, a dated text node): the formats
  are tried in order of how machine-like they are (ISO 8601, epoch, ctime, 28.04.2023, 28. April 2024,
  April 28, 2024) and the first complete date wins. Month names of every language are understood.
- `find_date(text, lang)`: the first date written in a visible *line* of text ('Von A. B. 28.04.2023, 18:16 Uhr',
  'July 27, 2023', '13/01/2025', '2023年7月5日'): the earliest match of any format wins; month names of `lang`
  and English; 5/6/2025 is read month first in English only.

Month names are data: `_months` in knowledge/phrases/<lang>.json (12 entries, '|'-separated variants), plus
`months` in knowledge/meta_dates.json for languages without a phrases file. The callers keep their own
candidate finding (which node, which line, which source wins) and provenance.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from functools import lru_cache

from .knowledge import language_tuple, load_json, phrase_languages
from .model import DateValue

MIN_YEAR, MAX_YEAR = 1990, 2100  # a date line's year must lie in this range (two-digit years pivot on MIN_YEAR)
MONTH_FIRST_LANGS = frozenset({"en"})  # 5/6/2025 is May 6 in (US) English, 5 June elsewhere
MIN_PREFIX = 3  # a month word of a date string may be any prefix of a month name this long ('Sept', 'Febr')

# ------------------------------------------------------------------------------------------------ month names


def _language_months(lang: str) -> tuple[tuple[str, ...], ...]:
    """Twelve tuples of month-name variants (lower case) for one language, () when it has none."""
    rows = language_tuple(lang, "_months")
    if not rows:
        rows = tuple(_extra_months().get(lang, ()))
    return tuple(tuple(row.split("|")) for row in rows)


@lru_cache(maxsize=1)
def _extra_months() -> dict[str, list[str]]:
    """Month names of languages without a phrases file (knowledge/meta_dates.json `months`)."""
    return dict(load_json("meta_dates.json").get("months", {}))


@lru_cache(maxsize=32)
def month_names(lang: str | None) -> dict[str, int]:
    """Month word (lower case) -> 1..12. For a language: its names and the English ones (English wins no
    clash: the language comes first); for None: every language's, English first."""
    if lang is None:
        codes = dict.fromkeys(("en", *phrase_languages(), *_extra_months()))
    else:
        codes = dict.fromkeys((lang, "en"))
    names: dict[str, int] = {}
    for code in codes:
        for number, variants in enumerate(_language_months(code), start=1):
            for variant in variants:
                names.setdefault(variant, number)
    return names


@lru_cache(maxsize=4096)
def month_number(word: str) -> int | None:
    """The month a word of any language names ('April', 'Sept.', 'mrz', 'Febr'), or None."""
    low = word.casefold().rstrip(".")
    names = month_names(None)
    if low in names:
        return names[low]
    if len(low) >= MIN_PREFIX:
        for name, number in names.items():
            if name.startswith(low):
                return number
    return None


# ------------------------------------------------------------------------------------------------ ISO values


def iso_date(y: int, m: int, d: int, hh: int | None = None, mm: int | None = None, ss: int | None = None,
             tz: str | None = None, seconds: bool = True) -> str | None:
    """'YYYY-MM-DD', with 'THH:MM[:SS][tz]' when a valid time is given; None for a day the calendar lacks.
    `seconds=False` writes hours and minutes only (text mode: a time written as 18:16)."""
    try:
        date(y, m, d)
    except ValueError:
        return None
    if hh is None or hh > 23 or (mm or 0) > 59 or (ss or 0) > 59 or (not seconds and mm is None):
        return f"{y:04d}-{m:02d}-{d:02d}"
    if seconds:
        return f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm or 0:02d}:{ss or 0:02d}{tz or ''}"
    return f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}"


def hour24(hour: int, ampm: str | None) -> int:
    """A 12-hour clock reading on the 24-hour clock ('4:00 PM' -> 16, '12:30 a.m.' -> 0)."""
    if ampm and ampm[:1].lower() == "p" and hour < 12:
        return hour + 12
    if ampm and ampm[:1].lower() == "a" and hour == 12:
        return 0
    return hour


_TZ_NAMES = {"cet": "+01:00", "cest": "+02:00", "bst": "+01:00", "gmt": "+00:00", "utc": "+00:00", "z": "+00:00",
             "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "pst": "-08:00", "pdt": "-07:00",
             "mez": "+01:00", "mesz": "+02:00", "ist": "+05:30", "jst": "+09:00", "kst": "+09:00", "sast": "+02:00"}


def tz_offset(raw: str | None) -> str | None:
    """'+02:00' for 'CEST', '+0200', '+02:00', 'Z'; None when unknown."""
    if not raw:
        return None
    low = raw.casefold()
    if low in _TZ_NAMES:
        return _TZ_NAMES[low]
    digits = raw.replace(":", "")
    if len(digits) == 5 and digits[0] in "+-":
        return f"{digits[:3]}:{digits[3:]}"
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value else None


# ------------------------------------------------------------------------------------------------ formats

# A time after a date: '18:16', ', 18:16 Uhr', '| 18:16', ', at 11:29 a.m.', 'à 18h05', 'kl. 10.23', '9:00PM'.
# Case-insensitive by a scoped flag: the patterns around it are not (re.I slows every character class).
_TIME = (r"(?i:\s*,?\s*(?:\||-|–|/|um|at|à|a las|alle|kl\.?|klo)?\s*(\d{1,2})[:.h](\d{2})"
         r"(?:\s*(am|pm|a\.m\.|p\.m\.))?)?")
_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}(?!\d))?", re.I)
# A date line's ISO date; seconds and time zone are read by _LINE_TAIL like every date-line form's.
_ISO_LINE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2}))?")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_CTIME = re.compile(r"\b([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([A-Z]{3,4})\s+(\d{4})")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)" + _TIME)  # 28.04.2023
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])" + _TIME)  # 13/01/2025, 5/22/2025
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])" + _TIME)  # 15.10.24 23:35
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[/年.]\s*(\d{1,2})\s*[/月.]\s*(\d{1,2})日?(?!\d)(?:\s*(\d{1,2}):(\d{2}))?")
# A month word (checked against the month tables afterwards): '28. April 2024', 'Apr. 28th, 2024 4:00 PM'
_NAMED_DMY = re.compile(r"(?<!\d)(\d{1,2})\.?\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})(?!\d)" + _TIME)
_NAMED_MDY = re.compile(r"\b([^\W\d_]{3,12})\.?\s+(\d{1,2})(?i:st|nd|rd|th)?,?\s+(\d{4})(?!\d)" + _TIME)
DATE_HINT = re.compile(r"\d{4}|\d[./]\d{1,2}[./]\d\d")  # every date-line form has one

_NAMED = ((_NAMED_DMY, 2, 1), (_NAMED_MDY, 1, 2))  # pattern, group of the month word, group of the day


def _named(text: str, month_of: Callable[[str], int | None]) -> Iterator[tuple[re.Match[str], int, int]]:
    """(match, month, day) of the first '28 April 2024' whose word is a month, then of the first 'April 28, 2024'.
    Groups 3-6 of the match: year, hour, minute, am/pm."""
    for pattern, word_group, day_group in _NAMED:
        for match in pattern.finditer(text):
            month = month_of(match.group(word_group))
            if month:
                yield match, month, int(match.group(day_group))
                break


# ------------------------------------------------------------------------------------------------ date strings


def parse_date(text: str) -> str | None:
    """ISO 8601 of a date string (whitespace already collapsed) in the formats news pages use; None when it holds
    no complete date. Times keep their seconds and time zone when given."""
    if not text:
        return None
    match = _ISO.search(text)
    if match:
        y, m, d, hh, mi, ss, tz = match.groups()
        return iso_date(int(y), int(m), int(d), _int(hh), _int(mi), _int(ss), tz_offset(tz))
    if _EPOCH.match(text):
        return datetime.fromtimestamp(int(text[:10]), tz=UTC).isoformat()
    match = _CTIME.search(text)
    if match:
        mon = month_number(match.group(1))
        if mon:
            return iso_date(int(match.group(7)), mon, int(match.group(2)), int(match.group(3)), int(match.group(4)),
                            int(match.group(5)), tz_offset(match.group(6)))
    match = _NUMERIC.search(text)
    if match:
        d, m, y, hh, mi, ap = match.groups()
        return iso_date(int(y), int(m), int(d), None if hh is None else hour24(int(hh), ap), _int(mi))
    for match, month, day in _named(text, month_number):
        _, _, y, hh, mi, ap = match.groups()
        return iso_date(int(y), month, day, None if hh is None else hour24(int(hh), ap), _int(mi))
    return None


# ------------------------------------------------------------------------------------------------ date lines


# After a date line's time: seconds, a late am/pm and a time zone ('18:16:05 Uhr MESZ', '4:00 PM EDT', '+02:00').
_LINE_TAIL = re.compile(r"(?::(\d{2})(?:[.,]\d+)?)?(?:\s*(?i:(am|pm|a\.m\.|p\.m\.)))?(?:\s*(?:Uhr|h)\b)?"
                        r"(?:\s*\(?((?:GMT|UTC)\s?[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}(?!\d)"
                        r"|(?<=\d)Z|[A-Z]{2,4})(?![\w+-])\)?)?")
_GMT_PLUS = re.compile(r"(?:GMT|UTC)\s?([+-])(\d{1,2})(?::?(\d{2}))?")


@lru_cache(maxsize=1)
def _line_zones() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    data = load_json("text_time_zones.json")
    return dict(data["zones"]), {name: dict(by_lang) for name, by_lang in data["ambiguous"].items()}


def _line_tz(raw: str | None, lang: str | None = None) -> str | None:
    """'+02:00' for 'CEST', '+0200', 'GMT+2', 'UTC+05:30'; None for an unknown word, and for a name several
    regions use ('IST', 'CST') unless `lang` names the region (knowledge/text_time_zones.json)."""
    if not raw:
        return None
    if match := _GMT_PLUS.fullmatch(raw):
        sign, hours, minutes = match.groups()
        return f"{sign}{int(hours):02d}:{minutes or '00'}" if int(hours) <= 14 else None
    if raw.isalpha():
        zones, ambiguous = _line_zones()
        low = raw.casefold()
        return zones.get(low) or ambiguous.get(low, {}).get(lang or "")
    return tz_offset(raw)


class _LineDates:
    """Dates found in one line: (position, ISO value, raw text); the time keeps its seconds and time zone when
    the line gives them ('18:16:05 Uhr MESZ' -> 'T18:16:05+02:00'), else hours and minutes only."""

    __slots__ = ("found", "text", "lang")

    def __init__(self, text: str, lang: str | None = None) -> None:
        self.text, self.lang = text, lang
        self.found: list[tuple[int, str, str]] = []

    def add(self, match: re.Match[str], year: int, month: int, day: int, hour: str | None, minute: str | None,
            ampm: str | None) -> None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            return
        end, seconds, tz = match.end(), None, None
        if hour is not None and minute is not None and (tail := _LINE_TAIL.match(self.text, end)) is not None:
            second, late_ampm, zone = tail.groups()
            seconds = int(second) if second and int(second) <= 59 else None
            ampm, tz = ampm or late_ampm, _line_tz(zone, self.lang)
            end = tail.end() if seconds is not None or late_ampm or tz else end
        hh = None if hour is None or minute is None else hour24(int(hour), ampm)
        value = iso_date(year, month, day, hh, _int(minute), seconds=False)
        if value is None:
            return
        if "T" in value:
            value += (f":{seconds:02d}" if seconds is not None else "") + (tz or "")
        self.found.append((match.start(), value, self.text[match.start():end].strip()))


def find_date(text: str, lang: str | None) -> DateValue | None:
    """The first date (with its time when given) written in a line of text, as ISO 8601; source 'text'."""
    if DATE_HINT.search(text) is None:
        return None
    dates = _LineDates(text, lang)
    if match := _NUMERIC.search(text):
        d, mo, y, hh, mm, ap = match.groups()
        dates.add(match, int(y), int(mo), int(d), hh, mm, ap)
    if match := _SLASHED.search(text):
        a, b, y, hh, mm, ap = match.groups()
        day, month = int(a), int(b)
        if month > 12 or (day <= 12 and (lang or "en") in MONTH_FIRST_LANGS):
            day, month = month, day
        dates.add(match, int(y), month, day, hh, mm, ap)
    for pattern in (_ISO_LINE, _YMD):
        if match := pattern.search(text):
            y, mo, d, hh, mm = match.groups()
            dates.add(match, int(y), int(mo), int(d), hh, mm, None)
    names = month_names(lang or "en")
    for match, month, day in _named(text, lambda word: names.get(word.lower())):
        _, _, y, hh, mm, ap = match.groups()
        dates.add(match, int(y), month, day, hh, mm, ap)
    found = dates.found
    if not found and (match := _SHORT_YEAR.search(text)):
        d, mo, y, hh, mm, ap = match.groups()
        dates.add(match, int(y) + (1900 if int(y) >= MIN_YEAR % 100 else 2000), int(mo), int(d), hh, mm, ap)
    if not found:
        return None
    _, value, raw = min(found)
    return DateValue(value=value, source="text", raw=raw)
