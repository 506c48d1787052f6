"""Date and byline lines of plain text: '27.07.2023, 18:16 Uhr', 'Datum 28.04.2023', 'Von A. B.'.

The date itself is read by the shared parser (fliesstext/dates.py, `find_date`); this module decides which
lines are bylines, labelled dates and name lines.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import DATE_HINT, find_date, month_names
from ..knowledge import language_tuple, phrase_languages, phrase_tokens, phrases
from ..model import DateValue

DATE_LINE_MAX_WORDS = 14  # a line this short with a date in it is a date line, not prose
BYLINE_MAX_WORDS = 12
LEAD_SLACK = 2  # after a lead ('Ein Kommentar von'), the names must make up the rest but for this many tokens
_DIGIT = re.compile(r"\d")
_DIGIT_TAIL = re.compile(r"[\s,|/•·-]*\d.*$")
_COUNT_TAIL = re.compile(r"\s+\d+\s+[^\W\d]+(?:\s+[^\W\d]+)?$")  # ' 7 hours', ' 2 minutes read' after a name
MAX_NAME_TOKENS = 3
LABEL_PREFIX_CHARS = 40  # a date label is the line's first word: only this much of the line is split
_NAME_REST = re.compile(r"[\w'’.-]*")
_PARTICLES = frozenset(("von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "zu", "ter",
                        "bin",
                        "al", "el"))


def _is_name_part(token: str) -> bool:
    """A capitalised token of any alphabet ('Anna', 'Šárka', 'Иван', 'O’Neil') or a name particle ('von', 'de')."""
    return (token[:1].isupper() and _NAME_REST.fullmatch(token, 1) is not None) or token in _PARTICLES
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\||/|;|\bund\b|\band\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|\ben\b|\bi\b)\s*")


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
    return DATE_HINT.search(text) is not None or _byline_hint(lang or "en").match(text) is not None


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
    for code in dict.fromkeys((lang, "en")):
        stops.update(language_tuple(code, "_name_stops"))
    return frozenset(stops), frozenset(month_names(lang))


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
            after = tokens[k + 1:k + 2]
            phrase = bool(after) and after[0][:1].islower() and after[0].lower().rstrip(".,:") not in roles
            # 'Amy Gibbons Political Correspondent'; but 'Tuva Mathilde Løland Tips meg' (a link: 'tip me')
            return lead[:2] if k == MAX_NAME_TOKENS and not phrase else lead
        if not _is_name_part(token):
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


_ROLE_DASH = re.compile(r"\s+[–—-]\s+")


def _role_cut(text: str, roles: frozenset[str]) -> str:
    """'Anders Skjerdingstad – Journalist i Paris' -> 'Anders Skjerdingstad': a role after a dash is cut off
    (the role's own words, 'i Paris', would read as a second name after 'i' = 'and')."""
    parts = _ROLE_DASH.split(text, maxsplit=1)
    if len(parts) == 2 and parts[1].split()[:1] and parts[1].split()[0].lower().rstrip(".,:") in roles:
        return parts[0]
    return text


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
    text = _role_cut(text, stops[0])
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
    return 2 <= len(tokens) <= MAX_NAME_TOKENS and all(_is_name_part(t) for t in tokens) and all(
        t[:1].isupper() for t in (tokens[0], tokens[-1])) and _DIGIT.search(text) is None
