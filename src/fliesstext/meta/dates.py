"""Publication and modification dates with provenance.

Order of trust: JSON-LD > meta tags > <time datetime> > visible text near the headline > URL (a full
/yyyy/mm/dd/ only). A date after the fetch time (plus a day of slack for date-only crawl stamps) is
never returned. The time zone is kept when the source gives one.
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..model import DateValue
from ..parse import ParsedPage
from ._text import clean
from .jsonld import JsonLd
from .knowledge import DateRules, date_rules

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}(?!\d))?", re.I)
_DMY = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(?:um\s+)?(\d{1,2})[:.](\d{2}))?")
_NAMED_DMY = re.compile(r"(?<!\d)(\d{1,2})\.?\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})(?:,?\s+(?:um\s+|at\s+|à\s+)?(\d{1,2})[:.](\d{2}))?")
_NAMED_MDY = re.compile(r"\b([^\W\d_]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\D{0,10}?(\d{1,2}):(\d{2})\s*([AaPp][Mm])?)?")
_CTIME = re.compile(r"\b([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([A-Z]{3,4})\s+(\d{4})")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_TZ_NAMES = {"cet": "+01:00", "cest": "+02:00", "bst": "+01:00", "gmt": "+00:00", "utc": "+00:00", "z": "+00:00",
             "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "pst": "-08:00", "pdt": "-07:00",
             "mez": "+01:00", "mesz": "+02:00", "ist": "+05:30", "jst": "+09:00", "kst": "+09:00", "sast": "+02:00"}
_MIN_YEAR = 1990
_TEXT_CSS = ('[class*="date"], [class*="Date"], [class*="time"], [class*="publish"], [class*="datum"], '
             '[class*="dateline"], [class*="meta"], [itemprop="datePublished"]')
_MAX_TEXT_NODES = 25


def _iso(y: int, m: int, d: int, hh: int | None = None, mm: int | None = None, ss: int | None = None,
         tz: str | None = None) -> str | None:
    try:
        date(y, m, d)
    except ValueError:
        return None
    if hh is None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if hh > 23 or (mm or 0) > 59 or (ss or 0) > 59:
        return f"{y:04d}-{m:02d}-{d:02d}"
    out = f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm or 0:02d}:{ss or 0:02d}"
    return out + (tz or "")


def _tz(raw: str | None) -> str | None:
    if not raw:
        return None
    low = raw.casefold()
    if low in _TZ_NAMES:
        return _TZ_NAMES[low]
    digits = raw.replace(":", "")
    if len(digits) == 5 and digits[0] in "+-":
        return f"{digits[:3]}:{digits[3:]}"
    return None


def parse_date(raw: str, rules: DateRules | None = None) -> str | None:
    """ISO 8601 from the date formats news pages use; None when there is no complete date."""
    text = clean(raw)
    if not text:
        return None
    match = _ISO.search(text)
    if match:
        y, m, d, hh, mi, ss, tz = match.groups()
        return _iso(int(y), int(m), int(d), _int(hh), _int(mi), _int(ss), _tz(tz))
    if _EPOCH.match(text):
        stamp = int(text[:10])
        return datetime.fromtimestamp(stamp, tz=UTC).isoformat()
    match = _CTIME.search(text)
    rules = rules or date_rules()
    if match:
        mon = rules.months.get(_month_key(match.group(1), rules))
        if mon:
            return _iso(int(match.group(7)), mon, int(match.group(2)), int(match.group(3)), int(match.group(4)),
                        int(match.group(5)), _tz(match.group(6)))
    match = _DMY.search(text)
    if match:
        d, m, y, hh, mi = match.groups()
        return _iso(int(y), int(m), int(d), _int(hh), _int(mi))
    return _parse_named(text, rules)


def _parse_named(text: str, rules: DateRules) -> str | None:
    match = _NAMED_DMY.search(text)
    if match:
        mon = rules.months.get(_month_key(match.group(2), rules))
        if mon:
            return _iso(int(match.group(3)), mon, int(match.group(1)), _int(match.group(4)), _int(match.group(5)))
    match = _NAMED_MDY.search(text)
    if match:
        mon = rules.months.get(_month_key(match.group(1), rules))
        if mon:
            hh = _int(match.group(4))
            if hh is not None and match.group(6):
                hh = hh % 12 + (12 if match.group(6).lower() == "pm" else 0)
            return _iso(int(match.group(3)), mon, int(match.group(2)), hh, _int(match.group(5)))
    return None


def _month_key(word: str, rules: DateRules) -> str:
    low = word.casefold().rstrip(".")
    if low in rules.months:
        return low
    if len(low) >= 3:
        for name in rules.months:
            if name.startswith(low):
                return name
    return low


def _int(value: str | None) -> int | None:
    return int(value) if value else None


class _Limit:
    """The latest acceptable day: the fetch day plus one (crawl stamps are often date-only)."""

    def __init__(self, fetched_at: str | None) -> None:
        day = None
        if fetched_at:
            iso = parse_date(fetched_at)
            if iso:
                day = date.fromisoformat(iso[:10])
        self.last = (day or datetime.now(UTC).date()) + timedelta(days=1)

    def ok(self, iso: str | None) -> bool:
        if not iso:
            return False
        day = date.fromisoformat(iso[:10])
        return _MIN_YEAR <= day.year and day <= self.last


def _ld_value(ld: JsonLd, key: str) -> str | None:
    value = ld.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _candidates(page: ParsedPage, ld: JsonLd, keys: tuple[str, ...], ld_key: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    raw = _ld_value(ld, ld_key)
    if raw:
        out.append(("json-ld", raw))
    for key in keys:
        for value in page.meta.get(key, ()):
            out.append(("meta", value))
    return out


def _time_elements(page: ParsedPage, heading: Any) -> list[tuple[str, str]]:
    """<time datetime> and datePublished microdata, those in the headline's article first."""
    out: list[tuple[str, str]] = []
    scope = _scope(heading)
    for root in ([scope] if scope is not None else []) + [page.tree]:
        for node in root.css('time[datetime], [itemprop="datePublished"]')[:10]:
            raw = node.attributes.get("datetime") or node.attributes.get("content") or ""
            if raw:
                out.append(("time-element", raw))
    return out


def _scope(heading: Any) -> Any:
    node = heading.parent if heading is not None else None
    for _ in range(6):
        if node is None or node.tag in ("article", "main"):
            break
        node = node.parent
    return node if node is not None and node.tag in ("article", "main") else None


def _visible_text(page: ParsedPage, heading: Any) -> list[tuple[str, str]]:
    """Dated text near the headline first, then a date in the title, then anywhere on the page."""
    out: list[tuple[str, str]] = []
    scope = _scope(heading)
    if scope is not None:
        out.extend(_dated_nodes(scope))
    out.extend(("text", t) for t in (page.meta_first("og:title"), page.title_tag) if t)
    out.extend(_dated_nodes(page.tree))
    return out


def _dated_nodes(root: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for node in root.css(_TEXT_CSS)[:_MAX_TEXT_NODES]:
        text = clean(node.text(deep=True, separator=" "))
        if 6 <= len(text) <= 120:
            out.append(("text", text))
    return out


def _first_valid(candidates: list[tuple[str, str]], limit: _Limit, rules: DateRules) -> DateValue | None:
    for source, raw in candidates:
        iso = parse_date(raw, rules)
        if limit.ok(iso):
            return DateValue(iso, source, clean(raw))  # type: ignore[arg-type]
    return None


def _from_url(url: str | None, limit: _Limit) -> DateValue | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return DateValue(iso, "url", match.group(0).strip("/-")) if iso and limit.ok(iso) else None


def extract_dates(page: ParsedPage, ld: JsonLd, fetched_at: str | None,
                  heading: Any = None) -> tuple[DateValue | None, DateValue | None]:
    rules = date_rules()
    limit = _Limit(fetched_at)
    published = _first_valid(_candidates(page, ld, rules.published_meta, "datePublished"), limit, rules)
    if published is None:
        published = _first_valid(_candidates(page, ld, (), "dateCreated"), limit, rules)
    if published is None:
        published = _first_valid(_time_elements(page, heading), limit, rules)
    if published is None:
        published = _first_valid(_visible_text(page, heading), limit, rules) or _from_url(page.url, limit)
    modified = _first_valid(_candidates(page, ld, rules.modified_meta, "dateModified"), limit, rules)
    if modified is not None and published is not None and (
            modified.value[:10] < published.value[:10] or modified.value == published.value):
        modified = None  # before publication, or the publication time repeated: no modification shown
    return published, modified
