"""Publication and modification dates with provenance.

Order of trust: JSON-LD > meta tags > <time datetime> > visible text near the headline > URL (a full
/yyyy/mm/dd/ only). A date after the fetch time (plus a day of slack for date-only crawl stamps) is
never returned. The time zone is kept when the source gives one. This module finds the candidates; the
strings are read by the parser shared with text mode (fliesstext/dates.py, `parse_date`).
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..dates import iso_date
from ..dates import parse_date as parse_clean_date
from ..model import DateValue
from ..parse import ParsedPage
from ._text import clean
from .jsonld import JsonLd
from .knowledge import date_rules

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_MIN_YEAR = 1990
_TEXT_CSS = ('[class*="date"], [class*="Date"], [class*="time"], [class*="publish"], [class*="datum"], '
             '[class*="dateline"], [class*="meta"], [itemprop="datePublished"]')
_MAX_TEXT_NODES = 25


def parse_date(raw: str) -> str | None:
    """ISO 8601 of a raw value (entities decoded, whitespace collapsed first); None without a complete date."""
    return parse_clean_date(clean(raw))


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


def _first_valid(candidates: list[tuple[str, str]], limit: _Limit) -> DateValue | None:
    for source, raw in candidates:
        text = clean(raw)
        iso = parse_clean_date(text)
        if limit.ok(iso):
            return DateValue(iso, source, text)  # type: ignore[arg-type]
    return None


def _from_url(url: str | None, limit: _Limit) -> DateValue | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    iso = iso_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return DateValue(iso, "url", match.group(0).strip("/-")) if iso and limit.ok(iso) else None


def extract_dates(page: ParsedPage, ld: JsonLd, fetched_at: str | None,
                  heading: Any = None) -> tuple[DateValue | None, DateValue | None]:
    rules = date_rules()
    limit = _Limit(fetched_at)
    published = _first_valid(_candidates(page, ld, rules.published_meta, "datePublished"), limit)
    if published is None:
        published = _first_valid(_candidates(page, ld, (), "dateCreated"), limit)
    if published is None:
        published = _first_valid(_time_elements(page, heading), limit)
    if published is None:
        published = _first_valid(_visible_text(page, heading), limit) or _from_url(page.url, limit)
    modified = _first_valid(_candidates(page, ld, rules.modified_meta, "dateModified"), limit)
    if modified is not None and published is not None and (
            modified.value[:10] < published.value[:10] or modified.value == published.value):
        modified = None  # before publication, or the publication time repeated: no modification shown
    return published, modified
