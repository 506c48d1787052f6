"""Date and byline lines of plain text: '27.07.2023, 18:16 Uhr', 'Datum 28.04.2023', 'Von A. B.'.

The date itself is read by the shared parser (fliesstext/dates.py, `find_date`) over the line with what it
does not read blanked out ('13 de enero de 2025', '2024년 5월 5일'), preferring a publication date to an
update date printed first; this module decides which lines are bylines, labelled dates and name lines, also
in scripts without capitals ('(责编：牛镛、岳弘彬)', '구현모 기자'), and desk or agency bylines ('IN-Redaktion',
'Quelle: dpa'). Knowledge: knowledge/text_dates.json, text_bylines.json, meta_bylines.json (read only).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import DATE_HINT, month_names
from ..dates import find_date as _find_date
from ..knowledge import language_tuple, load_json, phrase_languages, phrase_tokens, phrases
from ..meta.knowledge import byline_rules
from ..model import DateValue

DATE_LINE_MAX_WORDS = 14  # a line this short with a date in it is a date line, not prose
BYLINE_MAX_WORDS = 12
LEAD_SLACK = 2  # after a lead ('Ein Kommentar von'), the names must make up the rest but for this many tokens
_DIGIT = re.compile(r"\d")
_FILE_LEAD_CHARS = 48
_FILE_LEAD = re.compile(r"^[^/\n]{1,40}?\.(?:jpe?g|png|gif|webp|avif|svg)\s+", re.I)
# a year glued to the next number by a renderer that joins inline elements: '30.01.202430. Januar 2024',
# 'April 10, 20233 years ago'
_GLUED_YEAR = re.compile(r"(\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|\b[^\W\d_]{3,}\.? \d{1,2}, (?:19|20)\d\d)(?=\d)")
_GLUED_CAPITAL = re.compile(r"(?<=[a-zß-ÿ])[A-ZÀ-Þ][a-zß-ÿ]{2,8}(?= ?\d)")  # 'TimesNovember 21': see unglue_month
_TAIL_SEPARATORS = ",|/•·-"  # cut with the date or number that follows them (_before_digits)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")  # 'Martí Abad (Enviado especial)', 'Jane Doe (dpa)': a role or source
_COUNT_TAIL = re.compile(r"\s+\d+\s+[^\W\d]+(?:\s+[^\W\d]+)?$")  # ' 7 hours', ' 2 minutes read' after a name
MAX_NAME_TOKENS = 3
LABEL_PREFIX_CHARS = 40  # a date label is the line's first word: only this much of the line is split
_NAME_REST = re.compile(r"[\w'’.-]*")


def _is_name_part(token: str) -> bool:
    """A capitalised token of any alphabet ('Anna', 'Šárka', 'Иван', 'O’Neil') or a name particle ('von', 'de')."""
    return (token[:1].isupper() and _NAME_REST.fullmatch(token, 1) is not None) or token in _knowledge().particles


@dataclass(frozen=True, slots=True)
class _DateWords:
    connectors: re.Pattern[str]  # '13 de enero de 2025', "5 d'abril": blanked
    times: re.Pattern[str]  # '5 mei 2024 om 10:30', '2024 • 10:30': the word before the time blanked
    units: dict[str, str]  # '년' -> '年'
    unit_pattern: re.Pattern[str]
    clock: re.Pattern[str]  # '10시 30분' -> '10:30'
    updated: re.Pattern[str]  # an update label at the end of the text before a date
    updated_reach: int


@lru_cache(maxsize=1)
def _date_words() -> _DateWords:
    data = load_json("text_dates.json")
    words = "|".join(re.escape(w) for w in data["connectors"])
    connectors = re.compile(rf"(?<=\d)\s+(?:{words})\s+(?=[^\W\d_])|(?<=[^\W\d_])\s+(?:{words})\s+(?=\d{{4}})"
                            rf"|(?<=\d)\s+d['’](?=[^\W\d_])")
    time_words = "|".join(re.escape(w) for w in data["time_connectors"])
    times = re.compile(rf"(?<=\d)\s*,?\s+(?:{time_words})\s+(?=\d{{1,2}}[:.h]\d{{2}})")
    units = dict(data["cjk_units"])
    updated = "|".join(re.escape(w) for w in sorted(data["updated_labels"], key=len, reverse=True))
    return _DateWords(connectors, times, units, re.compile(rf"(?<=\d)[{''.join(units)}]"),
                      re.compile(r"(?<!\d)(\d{1,2})시\s*(\d{1,2})분"), re.compile(rf"(?<!\w)(?:{updated})$"),
                      int(data["updated_label_reach"]))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _clock(match: re.Match[str]) -> str:
    return f"{match.group(1)}:{int(match.group(2)):02d}".rjust(len(match.group()))  # the raw text ends where it did


def _readable(text: str) -> str:
    """The line with what the shared parser does not read blanked out, every position kept: '13 de enero de 2025'
    -> '13    enero    2025', '5 mei 2024 om 10:30' -> '5 mei 2024    10:30', '2024년 5월 5일 10시 30분' ->
    '2024年 5月 5日   10:30'."""
    words = _date_words()
    if " d" in text:
        text = words.connectors.sub(_blank, text)
    if "년" in text:
        text = words.clock.sub(_clock, words.unit_pattern.sub(lambda m: words.units[m.group()], text))
    return words.times.sub(_blank, text)


def _before_digits(text: str) -> str:
    """The text up to its first digit, without the separators before it ('Jane Doe | 5. Mai' -> 'Jane Doe').
    A loop, not a regex: '[separators]*\\d.*$' is quadratic on a long run of dashes."""
    found = _DIGIT.search(text)
    if found is None:
        return text
    end = found.start()
    while end and (text[end - 1].isspace() or text[end - 1] in _TAIL_SEPARATORS):
        end -= 1
    return text[:end]


def _name_parts(text: str) -> list[str]:
    """'A. B. und C. D., Reuters' -> ['A. B.', 'C. D.', 'Reuters']."""
    return [part.strip() for part in _knowledge().name_split.split(text)]


def find_date(text: str, lang: str | None, updates: int = 3) -> DateValue | None:
    """The publication date of a date line: the shared parser's first date (fliesstext/dates.py) over the line
    with connector words blanked out; when that date is an update ('Updated May 6, 2024 | Published May 5,
    2024', 'Aktualisiert am 06.05.2024, erstellt am 05.05.2024'), the next date of the line instead (past at
    most `updates` update dates)."""
    if DATE_HINT.search(text) is None:
        return None
    readable = _readable(text)
    found = _find_date(readable, lang)
    if found is None:
        unglued = unglue_month(_GLUED_YEAR.sub(r"\1 ", text), lang)
        return find_date(unglued, lang, updates) if unglued != text else None
    start = readable.find(found.raw)
    end = start + len(found.raw)
    if updates and _is_update(text[:start]) and (later := find_date(text[end:], lang, updates - 1)) is not None:
        return later
    return found if readable is text else DateValue(found.value, found.source, text[start:end])


def unglue_month(text: str, lang: str | None) -> str:
    """'by Lesotho TimesNovember 21, 2025' -> 'by Lesotho Times November 21, 2025': a capitalised month name glued
    to the word before it and followed by a day (a renderer that joins inline elements). The same object if none."""
    if DATE_HINT.search(text) is None or _GLUED_CAPITAL.search(text) is None:
        return text
    months = month_names(lang)
    glued = [m.start() for m in _GLUED_CAPITAL.finditer(text) if m.group().lower() in months]
    for start in reversed(glued):
        text = text[:start] + " " + text[start:]
    return text


def _is_update(before: str) -> bool:
    """The text before a date ends with an update label ('Updated', 'Aktualisiert am', 'Son Güncelleme :')."""
    words = _date_words()
    return words.updated.search(before[-words.updated_reach:].lower().rstrip(" :,|-–—")) is not None


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
    return DATE_HINT.search(text) is not None or _byline_hint(lang or "en").match(text) is not None \
        or unglue_byline(text, lang) is not text


def opens_with_byline_word(text: str, lang: str | None) -> bool:
    """A byline word among the first three words ('Von', 'By', 'Ein Kommentar von')."""
    return _byline_hint(lang or "en").match(text) is not None


@lru_cache(maxsize=32)
def _glued_hint(lang: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_prefix_firsts(lang), key=len, reverse=True)
                     if w.isalpha() and len(w) >= 2)
    return re.compile(rf"(?:{words or '(?!x)x'})(?=[^\W\d_]{{2}})")


def unglue_byline(text: str, lang: str | None) -> str:
    """'bySauli Giliard' -> 'by Sauli Giliard': a lower-case byline word glued to a capitalised name (renderers
    that join inline elements without a space). The same string object when nothing is glued."""
    match = _glued_hint(lang or "en").match(text)
    if match is None:
        return text
    rest = text[match.end():]
    first = rest.split(None, 1)[0]
    if not first[0].isupper() or not first[1:].replace("-", "").isalpha() or not first[1:].islower():
        return text
    return text[:match.end()] + " " + rest


@lru_cache(maxsize=32)
def _prefix_size(lang: str) -> int:
    return max((len(p) for p in _byline_prefixes(lang)), default=0)


def parse_byline(text: str, lang: str | None) -> tuple[str, ...] | None:
    """Author names from a byline such as 'Von Anna Beispiel und Bo Muster' or 'By Jane Doe, Reuters'.

    The byline word may follow a short lead ('Ein Kommentar von', 'Kolumne von'); a date or time after the
    names ('Von A. B. 28.04.2023, 18:11') is cut off.
    """
    text = unglue_month(unglue_byline(text, lang), lang)  # 'by Lesotho TimesNovember 21, 2025'
    if "." in text[:_FILE_LEAD_CHARS] and (lead := _FILE_LEAD.match(text)):
        text = text[lead.end():]  # 'juliane rohr.jpg Von Juliane Rohr': an image's file name as its alt text
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
                rest = _before_digits(" ".join(words[end:])).lstrip(": ")
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
    """News agencies named in bylines ('Von A. B., dpa', 'Adam Vidler and AP', '연합뉴스'), lower case, from every
    language (the phrases files, and text_bylines.json for scripts without one)."""
    found = {a for code in phrase_languages() for a in language_tuple(code, "_agencies")}
    return frozenset(found | {a.lower() for a in load_json("text_bylines.json")["agencies"]})


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
        if word in months and (token.endswith(".") or k + 1 == len(tokens) and k >= 2 or tokens[k + 1:k + 2]
                               and tokens[k + 1][:1].isdigit()):
            break  # 'Jane Doe Apr. 28', 'Lesotho Times November' (its day cut off): a date after the name
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
    if "(" in text:
        text = _PARENTHESIS.sub("", text)
    if _DIGIT.search(text):
        text = _COUNT_TAIL.sub("", text)
    if (agency := _agency(text)) is not None:
        return (agency,)  # 'AFP' alone: the agency is the byline
    if _DIGIT.search(text) or len(text) > 120 or text.isupper() or text.endswith("."):
        return ()  # 'SPEED READ', 'Internatskolan Lundsberg.': labels and captions
    stops = name_stops(lang or "en")
    text = _role_cut(text, stops[0])
    names: list[str] = []
    for part in _name_parts(text):
        if not part:
            continue
        agency = _agency(part)
        if agency is not None:
            names.append(agency)
            continue
        if names and part.split()[0].lower().rstrip(".,:") in stops[0]:
            continue  # 'Jane Doe, Staff Writer': the role of the name before
        lead = _name_tokens(part, stops)
        if not 2 <= len(lead) <= MAX_NAME_TOKENS or not lead[0][:1].isupper() or not lead[-1][:1].isupper():
            return ()
        if not _boilerplate_words(lang or "en").isdisjoint(token.lower() for token in lead if token[:1].isupper()):
            return ()  # 'Aktueller Artikel', 'Noticia Relacionada', 'Front Page': labels, not names
        if not _knowledge().credit_names.isdisjoint(token.lower() for token in lead):
            return ()  # 'Getty Images': a picture credit
        rest = part.split()[len(lead):]
        if rest and not any(word.lower().rstrip(".,:") in stops[0] for word in rest[:2]):
            return ()
        names.append(" ".join(lead))
    return tuple(names)


def names_in(text: str, lang: str | None = None) -> tuple[str, ...]:
    """Person names in 'A. B. und C. D.', 'Jane Doe, Reuters': leading capitalised tokens of each part."""
    names: list[str] = []
    stops = name_stops(lang or "en")
    if "(" in text:
        text = _PARENTHESIS.sub("", text)
    for part in _name_parts(text):
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


_BRACKETS = "()（）[]【】〔〕「」"
_COLON = re.compile(r"\s*[:：]\s*")
DESK_MAX_TOKENS = 2  # 'IN-Redaktion', 'BR24 Redaktion': a desk byline is this short


@dataclass(frozen=True, slots=True)
class _BylineWords:
    """text_bylines.json: author labels and name lengths of scripts without capitals, list marks, source labels."""

    caseless_labels: frozenset[str]  # '责编', '기자' ...: a label before a list of names
    name_chars: tuple[int, int]  # length of a caseless name written as one token ('구현모')
    list_marks: re.Pattern[str]  # what separates the names of such a list
    source_labels: frozenset[str]  # 'quelle', 'source' ...: before an agency
    part_chars: tuple[int, int]  # length of each part of a caseless full name ('大渡 美咲')
    particles: frozenset[str]  # 'von', 'de': lower-case words inside a name
    name_split: re.Pattern[str]  # ',', '&', 'und', 'and' ...: between the names of a byline
    credit_names: frozenset[str]  # 'getty', 'images': a picture credit, not a person


@lru_cache(maxsize=1)
def _knowledge() -> _BylineWords:
    data = load_json("text_bylines.json")
    labels = frozenset(label for values in data["caseless_author_labels"].values() for label in values)
    low, high = data["caseless_name_chars"]
    marks = re.compile("[" + re.escape(data["list_marks"]) + r"\s]+")
    part_low, part_high = data["caseless_full_name_chars"]
    words = "|".join(rf"\b{re.escape(word)}\b" for word in data["name_conjunctions"])
    # no '\s*' around it: on a long run of spaces that is quadratic (the parts are stripped instead: _name_parts)
    split = re.compile(rf"(?:,|&|\||/|;|{words})")
    return _BylineWords(labels, (int(low), int(high)), marks, frozenset(data["source_labels"]),
                        (int(part_low), int(part_high)), frozenset(data["name_particles"]), split,
                        frozenset(data["credit_names"]))


def _caseless_token(token: str, chars: tuple[int, int]) -> bool:
    """Letters of a script without case (a Latin token never is), `chars` long."""
    return chars[0] <= len(token) <= chars[1] and token.isalpha() and token.lower() == token.upper() and \
        not token.isascii()


def _is_caseless_name(token: str) -> bool:
    """'구현모', '牛镛': a name of a script without capitals, written as one token."""
    return _caseless_token(token, _knowledge().name_chars)


def caseless_byline(text: str) -> tuple[str, ...]:
    """Names of an author note in a caseless script: '(责编：牛镛、岳弘彬)' -> ('牛镛', '岳弘彬');
    '순천, 광양 구현모 기자 ninek@hankookilbo.com' -> ('구현모',). () when the line is neither."""
    if text.isascii():
        return ()
    text = text.strip().strip(_BRACKETS).strip()
    parts = _COLON.split(text, maxsplit=1)
    words = _knowledge()
    if len(parts) == 2 and parts[0] in words.caseless_labels:
        names = [token for token in words.list_marks.split(parts[1].strip(_BRACKETS)) if token]
        return tuple(names) if names and all(_is_caseless_name(n) for n in names) else ()
    tokens = text.split()
    roles = byline_rules().roles
    return tuple(token for k, token in enumerate(tokens[:-1]) if tokens[k + 1] in roles and _is_caseless_name(token))


def desk_name(text: str) -> str | None:
    """'IN-Redaktion', 'BR24 Redaktion' -> the line itself: a short name ending in a desk word after a prefix
    (not the desk word alone, a menu entry)."""
    tokens = text.split()
    if not 1 <= len(tokens) <= DESK_MAX_TOKENS:
        return None
    head, _, last = tokens[-1].rpartition("-")
    prefix = head if len(tokens) == 1 else tokens[0]
    if not prefix or not prefix[:1].isupper() or last.lower() not in byline_rules().desk_words:
        return None
    return " ".join(tokens)


def source_agency(text: str) -> tuple[str, ...]:
    """'Quelle: dpa Sport', 'Source: AFP' -> the agency: a source label, a colon, then a news agency."""
    label, colon, rest = text.partition(":")
    if not colon or label.strip().lower() not in _knowledge().source_labels:
        return ()
    words = rest.split()
    for size in (3, 2, 1):  # the longest agency name first ('Deutsche Presse-Agentur', 'AP')
        agency = _agency(" ".join(words[:size])) if len(words) >= size else None
        if agency is not None:
            return (agency,)
    return ()


_LAST_PART = re.compile(r"\s+[-–—|·•]\s+")


def agency_part(text: str) -> tuple[str, ...]:
    """'Haberler - Anadolu Ajansı', 'Politik | dpa' -> the agency: the last of short separated parts (a section
    and its source, printed where a byline is expected: beside the headline's date)."""
    parts = _LAST_PART.split(text)
    agency = _agency(parts[-1]) if len(parts) >= 2 else None
    return (agency,) if agency is not None else ()


def caseless_full_name(text: str) -> tuple[str, ...]:
    """'大渡 美咲': a family and a given name of a script without capitals, each a few characters long (a name
    line only where a byline is expected: beside the headline's date)."""
    tokens = text.split()
    chars = _knowledge().part_chars
    if len(tokens) != 2 or not all(_caseless_token(t, chars) for t in tokens):
        return ()
    return (text.strip(),)
