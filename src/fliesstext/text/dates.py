"""Dates and bylines written in the text: '27.07.2023, 18:16 Uhr', 'July 27, 2023', 'Von A. B.'."""
from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge import language_tuple, phrase_languages, phrase_tokens, phrases
from ..model import DateValue

MIN_YEAR, MAX_YEAR = 1990, 2100
DATE_LINE_MAX_WORDS = 14  # a line this short with a date in it is a date line, not prose
BYLINE_MAX_WORDS = 12
LEAD_SLACK = 2  # after a lead ('Ein Kommentar von'), the names must make up the rest but for this many tokens
_TIME = r"(?:\s*(?:,|\||-|–|/|um|at|à|a las|alle|kl\.?|klo)?\s*(\d{1,2})[:.h](\d{2})(?:\s*(am|pm|a\.m\.|p\.m\.))?)?"
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)" + _TIME, re.I)
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])" + _TIME, re.I)  # 13/01/2025, 5/22/2025
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])" + _TIME, re.I)  # 15.10.24 23:35
MONTH_FIRST_LANGS = frozenset({"en"})  # 5/6/2025 is May 6 in (US) English, 5 June elsewhere
_DIGIT = re.compile(r"\d")
_DATE_HINT = re.compile(r"\d{4}|\d[./]\d{1,2}[./]\d\d")
_DIGIT_TAIL = re.compile(r"[\s,|/•·-]*\d.*$")
_COUNT_TAIL = re.compile(r"\s+\d+\s+[^\W\d]+(?:\s+[^\W\d]+)?$")  # ' 7 hours', ' 2 minutes read' after a name
MAX_NAME_TOKENS = 3
LABEL_PREFIX_CHARS = 40  # a date label is the line's first word: only this much of the line is split
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[/年.]\s*(\d{1,2})\s*[/月.]\s*(\d{1,2})日?(?!\d)(?:\s*(\d{1,2}):(\d{2}))?")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2}))?")
_NAME_PART = re.compile(r"^(?:[A-ZÄÖÜÀ-ÝŁŚŻŹĆŃ][\w'’.-]*|von|van|de|der|den|da|di|du|la|le|del|dos|zu|ter|bin|al|el)$")
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\||/|;|\bund\b|\band\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|\ben\b|\bi\b)\s*")


@lru_cache(maxsize=32)
def _month_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    names: dict[str, int] = {}
    for code in dict.fromkeys((lang, "en")):
        for number, variants in enumerate(language_tuple(code, "_months"), start=1):
            for variant in variants.split("|"):
                names.setdefault(variant, number)
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)) or "(?!x)x"
    day_first = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+({alternatives})\.?,?\s+(\d{{4}})(?!\d)" + _TIME, re.I)
    month_first = re.compile(rf"\b({alternatives})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)" + _TIME, re.I)
    return day_first, month_first, names


def _iso(year: int, month: int, day: int, hour: str | None, minute: str | None, ampm: str | None) -> str | None:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if hour is None or minute is None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    h, m = int(hour), int(minute)
    if ampm and ampm.lower().startswith("p") and h < 12:
        h += 12
    if ampm and ampm.lower().startswith("a") and h == 12:
        h = 0
    if h > 23 or m > 59:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}T{h:02d}:{m:02d}"


def find_date(text: str, lang: str | None) -> DateValue | None:
    """The first date (with its time when given) written in `text`, as ISO 8601."""
    if _DATE_HINT.search(text) is None:  # every supported form has a 4-digit year or a d.m.yy / d/m/yy date
        return None
    found: list[tuple[int, str, str]] = []
    match = _NUMERIC.search(text)
    if match:
        d, mo, y, hh, mm, ap = match.groups()
        value = _iso(int(y), int(mo), int(d), hh, mm, ap)
        if value:
            found.append((match.start(), value, match.group().strip()))
    match = _SLASHED.search(text)
    if match:
        a, b, y, hh, mm, ap = match.groups()
        day, month = int(a), int(b)
        if month > 12 or (day <= 12 and (lang or "en") in MONTH_FIRST_LANGS):
            day, month = month, day
        value = _iso(int(y), month, day, hh, mm, ap)
        if value:
            found.append((match.start(), value, match.group().strip()))
    for pattern in (_ISO, _YMD):
        match = pattern.search(text)
        if match:
            y, mo, d, hh, mm = match.groups()
            value = _iso(int(y), int(mo), int(d), hh, mm, None)
            if value:
                found.append((match.start(), value, match.group().strip()))
    day_first, month_first, names = _month_patterns(lang or "en")
    for pattern, order in ((day_first, "dmy"), (month_first, "mdy")):
        match = pattern.search(text)
        if not match:
            continue
        a, b, y, hh, mm, ap = match.groups()
        day, month = (a, names[b.lower()]) if order == "dmy" else (b, names[a.lower()])
        value = _iso(int(y), month, int(day), hh, mm, ap)
        if value:
            found.append((match.start(), value, match.group().strip()))
    if not found:
        match = _SHORT_YEAR.search(text)
        if match is None:
            return None
        d, mo, y, hh, mm, ap = match.groups()
        year = int(y) + (1900 if int(y) >= MIN_YEAR % 100 else 2000)
        value = _iso(year, int(mo), int(d), hh, mm, ap)
        if value is None:
            return None
        found.append((match.start(), value, match.group().strip()))
    _, value, raw = min(found)
    return DateValue(value=value, source="text", raw=raw)


@lru_cache(maxsize=32)
def _byline_prefixes(lang: str) -> tuple[tuple[str, ...], ...]:
    prefixes = set(phrases(lang).get("byline", ())) | set(phrases("en").get("byline", ()))
    return tuple(sorted((tuple(p.split()) for p in prefixes), key=len, reverse=True))


@lru_cache(maxsize=32)
def _prefix_firsts(lang: str) -> frozenset[str]:
    """First words of the byline prefixes (keyed by language: hashing the prefix tuple on every call is slow)."""
    return frozenset(p[0] for p in _byline_prefixes(lang))


def is_byline_prefix(text: str, lang: str | None) -> bool:
    """A line that is only a byline word ('Von', 'By', 'Author of the article:') announces names below."""
    words = text.lower().split()
    if not words or len(words) > _prefix_size(lang or "en"):
        return False
    return tuple(w.rstrip(":") for w in words) in _byline_prefixes(lang or "en")


@lru_cache(maxsize=32)
def _byline_hint(lang: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_prefix_firsts(lang), key=len, reverse=True)) or "(?!x)x"
    return re.compile(rf"(?:\S+\s+){{0,2}}(?:{words}):*(?:\s|$)", re.I)


def may_hold_byline_or_date(text: str, lang: str | None) -> bool:
    """Cheap pre-check for parse_byline / find_date: a byline word among the first three words, or a date-like
    number. False means neither can find anything. Two searches, not one alternation: the byline words are
    only tried at the line start (match), and the date hint scans for digits without case folding."""
    return _DATE_HINT.search(text) is not None or _byline_hint(lang or "en").match(text) is not None


@lru_cache(maxsize=32)
def _prefix_size(lang: str) -> int:
    return max((len(p) for p in _byline_prefixes(lang)), default=0)


def parse_byline(text: str, lang: str | None) -> tuple[str, ...] | None:
    """Author names from a byline such as 'Von Anna Beispiel und Bo Muster' or 'By Jane Doe, Reuters'.

    The byline word may follow a short lead ('Ein Kommentar von', 'Kolumne von'); a date or time after the
    names ('Von A. B. 28.04.2023, 18:11') is cut off.
    """
    words = text.split()
    if not 2 <= len(words) <= BYLINE_MAX_WORDS:
        return None
    lowered = [w.rstrip(":") for w in text.lower().split(None, 3)[:3]]
    if _prefix_firsts(lang or "en").isdisjoint(lowered):
        return None
    prefixes = _byline_prefixes(lang or "en")
    lowered = [w.lower().rstrip(":") for w in words]
    for skip in range(0, min(3, len(words) - 1)):
        for prefix in prefixes:
            end = skip + len(prefix)
            if tuple(lowered[skip:end]) == prefix and len(words) > end:
                if skip and not (words[0][:1].isupper() and len(prefix) == 1):
                    continue
                rest = _DIGIT_TAIL.sub("", " ".join(words[end:])).lstrip(": ")
                names = names_in(rest, lang)
                if skip and names and len(rest.split()) > sum(len(n.split()) for n in names) + LEAD_SLACK:
                    return None  # 'Rückbau von Atomkraftwerk Kühltürme gesprengt': a headline, not a lead
                return names or None
    return None


@lru_cache(maxsize=32)
def name_stops(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words that end a name in a byline: roles such as 'correspondent', 'follow'; month names)."""
    stops: set[str] = set()
    months: set[str] = set()
    for code in dict.fromkeys((lang, "en")):
        stops.update(language_tuple(code, "_name_stops"))
        for variants in language_tuple(code, "_months"):
            months.update(variants.split("|"))
    return frozenset(stops), frozenset(months)


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """News agencies named in bylines ('Von A. B., dpa', 'Adam Vidler and AP'), lower case, from every language."""
    return frozenset(a for code in phrase_languages() for a in language_tuple(code, "_agencies"))


def _agency(part: str) -> str | None:
    name = part.strip(" .,;:()")
    return name if name.lower() in agencies() else None


def _name_tokens(part: str, stops: tuple[frozenset[str], frozenset[str]]) -> list[str]:
    """The leading name tokens of a byline part, up to a role word or a date ('Jane Doe Apr. 28, 2023')."""
    roles, months = stops
    tokens = part.split()[:MAX_NAME_TOKENS + 2]
    lead: list[str] = []
    for k, token in enumerate(tokens[:MAX_NAME_TOKENS + 1]):
        word = token.lower().rstrip(".,:")
        if word in roles:
            return lead[:2] if k == MAX_NAME_TOKENS else lead  # 'Amy Gibbons Political Correspondent'
        if not _NAME_PART.match(token):
            break
        if word in months and (token.endswith(".") or tokens[k + 1:k + 2] and tokens[k + 1][:1].isdigit()):
            break
        lead.append(token)
    return lead


@lru_cache(maxsize=32)
def _boilerplate_words(lang: str) -> frozenset[str]:
    """Words of the language's (and English) boilerplate phrases: a 'name' made of them is a label."""
    words: set[str] = set()
    for code in dict.fromkeys((lang, "en")):
        for kind, values in phrases(code).items():
            if kind not in ("byline", "date"):
                words.update(word for phrase in values for word in phrase_tokens(phrase))
    return frozenset(words)


def bare_names(text: str, lang: str | None) -> tuple[str, ...]:
    """A line that is only names ('Julia Vergin | Clare Roth', 'Daniel Großert Redakteur') -> the names.

    Every part must be a 2-3 token capitalised name, up to a role word from `_name_stops` (also one word
    later: 'Thabo Mokone Parliamentary editor'). A short tail after a number ('Kyle Wiggers 7 hours',
    'Jane Doe 2 minutes read') is cut off first.
    """
    if _DIGIT.search(text):
        text = _COUNT_TAIL.sub("", text)
    if (agency := _agency(text)) is not None:
        return (agency,)  # 'AFP' alone: the agency is the byline
    if _DIGIT.search(text) or len(text) > 120 or text.isupper() or text.endswith("."):
        return ()  # 'SPEED READ', 'Internatskolan Lundsberg.': labels and captions
    stops = name_stops(lang or "en")
    names: list[str] = []
    for part in _NAME_SPLIT.split(text.strip()):
        if not part:
            continue
        agency = _agency(part)
        if agency is not None:
            names.append(agency)
            continue
        lead = _name_tokens(part, stops)
        if not 2 <= len(lead) <= MAX_NAME_TOKENS or not lead[0][:1].isupper() or not lead[-1][:1].isupper():
            return ()
        if not _boilerplate_words(lang or "en").isdisjoint(token.lower() for token in lead if token[:1].isupper()):
            return ()  # 'Aktueller Artikel', 'Noticia Relacionada', 'Front Page': labels, not names
        rest = part.split()[len(lead):]
        if rest and not any(word.lower().rstrip(".,:") in stops[0] for word in rest[:2]):
            return ()
        names.append(" ".join(lead))
    return tuple(names)


def names_in(text: str, lang: str | None = None) -> tuple[str, ...]:
    """Person names in 'A. B. und C. D.', 'Jane Doe, Reuters': leading capitalised tokens of each part."""
    names: list[str] = []
    stops = name_stops(lang or "en")
    for part in _NAME_SPLIT.split(text):
        agency = _agency(part)
        if agency is not None:
            names.append(agency)
            continue
        lead = _name_tokens(part, stops)
        if len(lead) > MAX_NAME_TOKENS:
            lead = lead[:2]
        if len(lead) < 2 or not lead[0][:1].isupper() or not lead[-1][:1].isupper():
            if names:
                break
            continue
        names.append(" ".join(lead))
    return tuple(names)


@lru_cache(maxsize=64)
def _label_firsts(lang: str, key: str) -> frozenset[str]:
    """First words of the labels under `key`: '_date_labels' ('Datum', 'Published'), '_author_labels' ('Autor')."""
    return frozenset(label.split()[0] for code in dict.fromkeys((lang, "en")) for label in language_tuple(code, key))


def _opens_with_label(text: str, lang: str | None, key: str) -> bool:
    first = text[:LABEL_PREFIX_CHARS].split(None, 1)
    return bool(first) and first[0].lower().rstrip(":") in _label_firsts(lang or "en", key)


def labelled_date(text: str, lang: str | None) -> DateValue | None:
    """The date of a line that opens with a publication-date label: 'Datum 28.04.2023', 'Published Jun 05, 2026'."""
    return find_date(text, lang) if _opens_with_label(text, lang, "_date_labels") else None


def labelled_authors(text: str, lang: str | None) -> tuple[str, ...]:
    """The names of a line that opens with an author label: 'Autorin/Autor Roman Goncharenko', 'Author: Jane Doe'."""
    return (parse_byline(text, lang) or ()) if _opens_with_label(text, lang, "_author_labels") else ()


def looks_like_name(text: str) -> bool:
    """'Radek Nohl', 'Miguel A. Herguedas': a short line of capitalised name tokens only."""
    tokens = text.split()
    return 2 <= len(tokens) <= MAX_NAME_TOKENS and all(_NAME_PART.match(t) for t in tokens) and all(
        t[:1].isupper() for t in (tokens[0], tokens[-1])) and _DIGIT.search(text) is None
