"""The headline words a news URL carries ('/politik/ahrtal-flut-zwei-ruecktritte-123.html'), and how well a line
matches them: a site-independent hint for which line of a page is its headline."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

SLUG_MIN_WORDS = 3  # fewer words: an id or a section name, not a headline slug
SLUG_NUMBER_DIGITS = 4  # longer numbers in a slug are ids, shorter ones may be the headline's ('49-euro-ticket')
PREFIX_CHARS = 5  # a slug word this long matches a line word it starts (slugs cut words: 'pakistan' ~ 'pakistani')
GLUE_MIN_SLUG, GLUE_MIN_KICKER, GLUE_MAX_KICKER, GLUE_SLUG_SHARE, GLUE_RUN = 5, 2, 6, 0.6, 3  # see glued_kicker
_SEPARATORS = re.compile(r"[\W_]+")
_ID_LIKE = re.compile(r"\d")
_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms|amp)$", re.I)
# letters that NFKD does not decompose, folded as slugs write them
_FOLD = {"ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "œ": "oe",
         "’": "", "'": "", "ʼ": ""}


class _FoldTable(dict[int, str]):
    """str.translate table: each character folded as a slug writes it (_FOLD, else without its accents),
    worked out on first sight and remembered (per character in C, not per character in Python)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _FOLD.get(char)
        if folded is None:
            if code < 128:
                folded = char
            elif unicodedata.combining(char):
                folded = ""
            else:
                folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


class Slug:
    """The slug's words in order, with a set and a PREFIX_CHARS-prefix index for matching line words."""

    __slots__ = ("words", "_set", "_prefixes")

    def __init__(self, words: Sequence[str] = ()) -> None:
        self.words = tuple(dict.fromkeys(words))
        self._set = frozenset(self.words)
        self._prefixes: dict[str, list[str]] = {}
        for word in self.words:
            if len(word) >= PREFIX_CHARS:
                self._prefixes.setdefault(word[:PREFIX_CHARS], []).append(word)

    def __bool__(self) -> bool:
        return bool(self.words)

    def hit(self, word: str) -> str | None:
        """The slug word a folded line word matches: equal, or one starts the other (both PREFIX_CHARS+ long:
        slugs cut words, 'pakistan' ~ 'pakistani')."""
        if word in self._set:
            return word
        if len(word) >= PREFIX_CHARS:
            for candidate in self._prefixes.get(word[:PREFIX_CHARS], ()):
                if word.startswith(candidate) or candidate.startswith(word):
                    return candidate
        return None

    def match(self, text: str) -> tuple[float, float]:
        """(share of the slug's words found in the line, share of the line's words found in the slug)."""
        words = line_words(text)
        if not words or not self.words:
            return 0.0, 0.0
        members, hit = self._set, self.hit
        found: set[str] = set()
        matched = 0
        for word in words:
            slug_word = word if word in members else hit(word)
            if slug_word is not None:
                found.add(slug_word)
                matched += 1
        return len(found) / len(self.words), matched / len(words)


def slug_words(url: str | None) -> Slug:
    """The words of the URL path segment that reads most like a headline (casefolded, marks stripped, in order,
    each once); empty when no segment has SLUG_MIN_WORDS words."""
    if not url:
        return Slug()
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return Slug()
    best: list[str] = []
    for segment in path.split("/"):
        if len(segment) < 2 * SLUG_MIN_WORDS - 1:  # too short for SLUG_MIN_WORDS words
            continue
        if "." in segment:
            segment = _EXTENSION.sub("", segment)
        words = [w for w in _SEPARATORS.split(segment.casefold()) if w and (
            not _ID_LIKE.search(w) or w.isdigit() and len(w) <= SLUG_NUMBER_DIGITS)]
        if len(words) >= len(best):  # ties: the later segment (the article, not its section)
            best = words
    if sum(1 for w in best if not w.isdigit()) < SLUG_MIN_WORDS:
        return Slug()
    return Slug([w for w in line_words(" ".join(best)) if w])


def fold(text: str) -> str:
    """Casefolded, accents and apostrophes dropped, and 'ae'/'oe'/'ue' read as 'a'/'o'/'u' on both sides
    (slugs write 'für' as 'fur' or 'fuer')."""
    folded = text.casefold().translate(_FOLD_TABLE)
    if "e" in folded:
        folded = folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return folded


def line_words(text: str) -> list[str]:
    """The words of a line folded as slugs write them."""
    return [w for w in _SEPARATORS.split(fold(text)) if w]


def glued_kicker(slug: Slug, title: str) -> tuple[str, str] | None:
    """'Technologie im Klassenzimmer Künstliche Intelligenz in der Schule' with the slug
    'kuenstliche-intelligenz-in-der-schule' -> (headline, kicker): the kicker is the words before the slug starts,
    none of them in the slug, ending in a capitalised word; the headline after it holds most of the slug."""
    order = slug.words
    if len(order) < GLUE_MIN_SLUG or ":" in title:
        return None
    tokens = title.split()
    for j in range(GLUE_MIN_KICKER, min(GLUE_MAX_KICKER, len(tokens) - GLUE_RUN) + 1):
        if not all(slug.hit(words[0]) == order[k] if (words := line_words(tokens[j + k])) else False
                   for k in range(GLUE_RUN)):
            continue  # the slug spells out the headline from its first word on
        lead = tokens[:j]
        if not lead[-1][:1].isupper() or not lead[-1][-1:].isalnum() or any(
                slug.hit(folded) is not None for word in lead for folded in line_words(word)):
            return None
        rest = " ".join(tokens[j:])
        if slug.match(rest)[0] < GLUE_SLUG_SHARE:
            return None
        return rest, " ".join(lead)
    return None
