"""Relative publication times in text lines ('vor 14 Minuten', '7 hours ago', 'Před 3 hodinami'), read against
the page's fetch time: the only way to date pages that print no calendar date. Without a fetch time nothing is
read (a date is never invented). The words are data: knowledge/text_relative_dates.json.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from ..dates import parse_date
from ..knowledge import load_json
from ..model import DateValue
from .dates import bare_names
from .lines import Line

_COUNT = re.compile(r"(?<![\d.:,/])(\d{1,3})\s*([^\W\d_]+)\.?")
MAX_LINE_WORDS = 10  # a relative-time line is short: 'Aktualisiert vor 3 Stunden', 'Kyle Wiggers 7 hours'
_BODY_LABELS = ("paragraph", "list_item", "heading")
_BARE_TIME = re.compile(r"(\d{1,2}):(\d{2})(?:\s*(?:uhr|h))?", re.I)  # '12:43', '16:30 Uhr': a time alone on a line
_TIME_TRIM = " •·|-–—*"


@dataclass(frozen=True, slots=True)
class _Words:
    before: tuple[str, ...]
    after: frozenset[str]
    units: tuple[tuple[str, str], ...]  # (stem, unit class), longest stems first
    seconds: dict[str, int]
    unmarked: frozenset[str]
    days: re.Pattern[str]  # 'heute', 'včera' (group 'word') and an optional time after it
    days_back: dict[str, int]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_json("text_relative_dates.json")
    units = sorted(((stem, unit) for unit, stems in data["units"].items() for stem in stems), key=lambda p: -len(p[0]))
    days_back = {word: int(back) for back, words in data["days"].items() for word in words}
    alternatives = "|".join(re.escape(w) for w in sorted(days_back, key=len, reverse=True))
    days = re.compile(rf"(?<!\w)(?P<word>{alternatives})(?!\w)(?:[\s,]+\D{{0,6}}?(?P<h>\d{{1,2}})[:.h](?P<m>\d{{2}})(?!\d)\s*(?P<pm>p\.?m\b\.?)?)?",
                      re.I)
    return _Words(tuple(data["before"]), frozenset(data["after"]), tuple(units), dict(data["seconds"]),
                  frozenset(data["unmarked"]), days, days_back)


def _unit(word: str, words: _Words) -> str | None:
    low = word.lower()
    return next((unit for stem, unit in words.units if low.startswith(stem)), None)


def _age(text: str) -> tuple[int, str, str] | None:
    """(count, unit class, raw) of '<marker> <n> <unit>' / '<n> <unit> <marker>' in a line, or of a line ending
    in an unmarked '<n> hours'."""
    words = _words()
    for match in _COUNT.finditer(text):
        unit = _unit(match.group(2), words)
        if unit is None:
            continue
        before = text[:match.start()]  # positions are on `text`: lower only slices ('İ' lowers to two characters)
        head = before.rstrip().lower()
        tail = text[match.end():].lower().split(None, 1)
        marked_before = next((m for m in words.before if head.endswith(m) and (
            len(head) == len(m) or not head[-len(m) - 1].isalnum())), None)
        if marked_before is not None:
            gap = len(before) - len(before.rstrip())
            return int(match.group(1)), unit, text[max(0, match.start() - len(marked_before) - gap):match.end()].strip()
        if tail and tail[0].strip(".,") in words.after:
            return int(match.group(1)), unit, (text[match.start():match.end()] + " " + tail[0]).strip()
        if not text[match.end():].strip() and match.group(2).lower() in words.unmarked and bare_names(before, None):
            return int(match.group(1)), unit, match.group().strip()  # 'Kyle Wiggers 7 hours', not 'Reading Time 4 h'
    return None


def _fetched(fetched_at: str) -> datetime | None:
    iso = parse_date(fetched_at)
    if iso is None or "T" not in iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def _day_word_date(text: str, fetched: datetime) -> DateValue | None:
    """'heute, 10:05 Uhr', 'včera 14:40', 'Today': the fetch day or the day before, to the minute when a time
    follows (in the fetch time's zone)."""
    words = _words()
    match = words.days.search(text)
    if match is None:
        return None
    day = fetched - timedelta(days=words.days_back[match.group("word").lower()])
    if match.group("h") is None:  # the day word alone on its line ('Heute'), not 'Hier werden ...'
        alone = not text[:match.start()].strip(" ,|•·-") and not text[match.end():].strip(" ,|•·-")
        return DateValue(day.date().isoformat(), "text", match.group().strip()) if alone else None
    hour, minute = int(match.group("h")), int(match.group("m"))
    if match.group("pm") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    zone = fetched.strftime("%z")
    zone = f"{zone[:3]}:{zone[3:]}" if zone else ""
    return DateValue(f"{day.date().isoformat()}T{hour:02d}:{minute:02d}{zone}", "text", match.group().strip())


def _bare_time_date(text: str, fetched: datetime) -> DateValue | None:
    """A time alone under the headline ('12:43', '16:30 Uhr'): sites print only the time for the day's news, so
    the fetch day; the day before when the time is later than the fetch time (in the fetch time's zone)."""
    match = _BARE_TIME.fullmatch(text.strip(_TIME_TRIM))
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    day = fetched.date() if (hour, minute) <= (fetched.hour, fetched.minute) else (fetched - timedelta(days=1)).date()
    zone = fetched.strftime("%z")
    zone = f"{zone[:3]}:{zone[3:]}" if zone else ""
    return DateValue(f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}", "text", match.group())


def relative_date(text: str, fetched_at: str | None) -> DateValue | None:
    """The date a relative time in `text` names, counted back from `fetched_at`; to the minute for minutes and
    hours (with the fetch time's zone), to the day for days and weeks; 'heute, 10:05 Uhr' on the fetch day."""
    if not fetched_at:
        return None
    age = _age(text) if any(c.isdigit() for c in text) else None
    fetched = _fetched(fetched_at)
    if fetched is None:
        return None
    if age is None:
        return _day_word_date(text, fetched) or _bare_time_date(text, fetched)
    count, unit, raw = age
    when = fetched - timedelta(seconds=count * _words().seconds[unit])
    if unit in ("day", "week"):
        return DateValue(when.date().isoformat(), "text", raw)
    zone = when.strftime("%z")
    zone = f"{zone[:3]}:{zone[3:]}" if zone else ""
    return DateValue(when.strftime("%Y-%m-%dT%H:%M") + zone, "text", raw)


def header_relative_date(lines: Sequence[Line], around: int, low: int, high: int,
                         fetched_at: str | None) -> DateValue | None:
    """The relative time on the short line nearest to `around` (the headline) within [low, high)."""
    if not fetched_at:
        return None
    for i in sorted(range(max(0, low), min(len(lines), high)), key=lambda i: abs(i - around)):
        line = lines[i]
        if line.words <= MAX_LINE_WORDS and line.label not in _BODY_LABELS and line.label != "title":
            found = relative_date(line.text, fetched_at)
            if found is not None:
                return found
    return None
