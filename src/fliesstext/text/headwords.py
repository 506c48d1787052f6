"""Word helpers and byline/date-line lookups shared by the headline choice (header.py) and the kicker choice
(kicker.py)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..knowledge import FAST_SPLIT_CHARS, punctuation_to_spaces, split_words
from .dates import (
    DATE_LINE_MAX_WORDS,
    find_date,
    is_byline_prefix,
    may_hold_byline_or_date,
    name_stops,
    parse_byline,
)
from .lines import Line

META_REACH = 3  # a byline or date line this close below a candidate: the headline's cluster (header.find_title)
ROLE_NAME_CHARS, ROLE_LINE_MAX_WORDS = 40, 12  # an author box line: a short name, then a role
_WORD = re.compile(r"\w+")
_MARKED = re.compile(r"[\u0900-\u0dff\u1000-\u109f]")  # Indic and Myanmar scripts: see line_size
_MARKED_PUNCTUATION = "।॥,.;:!?\"'()[]‘’“”"
_ROLE_SPLIT = re.compile(r"\s[–—-]\s|,\s|\s\|\s")


def line_size(line: Line) -> int:
    """The line's words, counted by spaces in scripts whose vowel signs are not word characters to `\\w`
    (Devanagari and the other Indic scripts: 'पकड़ा' is one word, three `\\w+` runs)."""
    words, text = line.words, line.text
    if words < 2 or text.isascii() or not _MARKED.search(text):
        return words
    return min(words, text.count(" ") + 1)


def lower_words(text: str) -> list[str]:
    """`_WORD.findall(text.lower())`, by str.split where the text allows (knowledge.split_words)."""
    lowered = text.lower()
    if len(lowered) >= FAST_SPLIT_CHARS and (words := split_words(punctuation_to_spaces(lowered))) is not None:
        return words
    if not lowered.isascii() and _MARKED.search(lowered):  # vowel signs are no `\w`: split at spaces (see line_size)
        return [word for part in punctuation_to_spaces(lowered).split() if (word := part.strip(_MARKED_PUNCTUATION))]
    return _WORD.findall(lowered)


def content_words(text: str) -> set[str]:
    """The words of 4+ letters: what a headline shares with its article (short words are mostly function words)."""
    return {w for w in lower_words(text) if len(w) >= 4}


def words_key(text: str) -> str:
    """The lower-cased words joined by single spaces: two renderings of a line compare equal without punctuation."""
    return " ".join(lower_words(text))


class MetaLines:
    """'Is line j a byline or date line?', decided on demand and remembered (headlines sit right above one)."""

    __slots__ = ("_lines", "_lang", "_seen")

    def __init__(self, lines: Sequence[Line], lang: str | None) -> None:
        self._lines, self._lang = lines, lang
        self._seen: dict[int, bool] = {}

    def below(self, i: int) -> bool:
        """A byline or date line within META_REACH lines below line i."""
        for j in range(i + 1, min(len(self._lines), i + 1 + META_REACH)):
            if self.holds(j):
                return True
        return False

    def holds(self, j: int) -> bool:
        """Line j is a byline or date line (labelled so, or read as one: a date, names, a byline word, a role)."""
        found = self._seen.get(j)
        if found is None:
            line, lang = self._lines[j], self._lang
            found = self._seen[j] = line.kind in ("byline", "date") or (
                line.words <= DATE_LINE_MAX_WORDS and may_hold_byline_or_date(line.text, lang) and (
                    find_date(line.text, lang) is not None or bool(parse_byline(line.text, lang))
                    or is_byline_prefix(line.text, lang))) or (
                    line.words <= ROLE_LINE_MAX_WORDS and role_byline(line.text, lang))
        return found


def role_byline(text: str, lang: str | None) -> bool:
    """An author box line: a name, a dash or comma, then a role ('Anders Skjerdingstad – Journalist i Paris')."""
    found = _ROLE_SPLIT.search(text, 0, ROLE_NAME_CHARS)
    if found is None:
        return False
    name = text[:found.start()].split()
    if not 2 <= len(name) <= 3 or not all(word[:1].isupper() for word in name):
        return False
    roles = name_stops(lang or "en")[0]
    return any(word.lower().strip(".,:") in roles for word in text[found.end():].split()[:2])
