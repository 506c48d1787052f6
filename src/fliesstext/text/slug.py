"""The headline words a news URL carries ('/politik/ahrtal-flut-zwei-ruecktritte-123.html'), and how well a line
matches them: a site-independent hint for which line of a page is its headline."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from ..knowledge import stopword_index
from .lines import Line

SLUG_MIN_WORDS = 3  # fewer content words (not function words): an id or a section name, not a headline slug
SLUG_NUMBER_DIGITS = 4  # longer numbers in a slug are ids, shorter ones may be the headline's ('49-euro-ticket')
PREFIX_CHARS = 5  # a slug word this long matches a line word it starts (slugs cut words: 'pakistan' ~ 'pakistani')
GLUE_MIN_SLUG, GLUE_MIN_KICKER, GLUE_MAX_KICKER, GLUE_SLUG_SHARE, GLUE_RUN = 5, 2, 6, 0.6, 3  # see glued_kicker
# headline scoring (score_with_slug, header.find_title): a candidate gains SLUG_WEIGHT x the share of slug words
# it holds, x between 1 - SLUG_PRECISION and 1 by the share of its own words in the slug; a line up to
# SLUG_LOOKBACK lines above the region holding SLUG_STRONG of the slug is a candidate too (SLUG_BASE, less SLUG_FAR
# per line of distance); a candidate fitting the slug (F1 of both shares) at least SLUG_DECISIVE, SLUG_DECISIVE_GAP
# better than the best-scored one, is the headline. Calibrated on fundus-dev-text titles.
SLUG_WEIGHT, SLUG_PRECISION, SLUG_LOOKBACK, SLUG_STRONG, SLUG_BASE, SLUG_FAR = 4.0, 0.5, 200, 0.6, 1.0, 0.01
SLUG_DECISIVE, SLUG_DECISIVE_GAP = 0.5, 0.25
SLUG_DECISIVE_WORDS = 4  # ... and only for slugs of this many content words: shorter ones may name a section
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

    __slots__ = ("words", "content", "_set", "_prefixes", "_keys")

    def __init__(self, words: Sequence[str] = ()) -> None:
        self.words = tuple(dict.fromkeys(words))
        self.content = content_count(self.words)  # words that are neither function words nor numbers
        self._set = frozenset(self.words)
        self._keys = tuple(word[:PREFIX_CHARS] for word in self.words)  # what a line holds of each word it matches
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

    def may_share(self, text: str, share: float) -> bool:
        """False when match(text) cannot find `share` of the slug's words (a cheap test by substring search):
        a slug word matched by a line word, equal or prefix-related, leaves its first PREFIX_CHARS characters
        in the folded line."""
        if not self.words:
            return share <= 0.0
        folded = fold(text)
        return sum(1 for key in self._keys if key in folded) / len(self.words) >= share

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
        folded = line_words(" ".join(words))
        if content_count(folded) >= SLUG_MIN_WORDS:
            best = folded  # the last such segment: the article, not its section ('/geld-und-finanzen/a-123.html')
    return Slug(best)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """The `_stopwords` of every phrases file, folded as slugs write them ('für' -> 'fur')."""
    return frozenset(w for word in stopword_index() for w in line_words(word))


def content_count(words: Sequence[str]) -> int:
    """How many of the (folded) words are neither function words ('and', 'und') nor numbers."""
    stops = _function_words()
    return sum(1 for w in words if not w.isdigit() and w not in stops)


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


def glued_kicker(slug: Slug, title: str, alone: Collection[str] = ()) -> tuple[str, str] | None:
    """'Technologie im Klassenzimmer Künstliche Intelligenz in der Schule' with the slug
    'kuenstliche-intelligenz-in-der-schule' -> (headline, kicker): the kicker is the words before the slug starts,
    none of them in the slug, ending in a capitalised word; the headline after it holds most of the slug.
    A title-case line ('Apple Unveils New iPhone 15 ...') is one headline unless the kicker is in `alone`
    (the page's other lines)."""
    order = slug.words
    if len(order) < GLUE_MIN_SLUG or ":" in title:
        return None
    tokens = title.split()
    title_case = all(any(c.isupper() for c in t) for t in tokens if t[:1].isalpha())
    for j in range(GLUE_MIN_KICKER, min(GLUE_MAX_KICKER, len(tokens) - GLUE_RUN) + 1):
        if not all(slug.hit(words[0]) == order[k] if (words := line_words(tokens[j + k])) else False
                   for k in range(GLUE_RUN)):
            continue  # the slug spells out the headline from its first word on
        lead = tokens[:j]
        if not lead[-1][:1].isupper() or not lead[-1][-1:].isalnum() or any(
                slug.hit(folded) is not None for word in lead for folded in line_words(word)):
            return None
        rest, kicker = " ".join(tokens[j:]), " ".join(lead)
        if slug.match(rest)[0] < GLUE_SLUG_SHARE or title_case and kicker not in alone:
            return None
        return rest, kicker
    return None


def score_with_slug(
    lines: Sequence[Line], start: int, base: list[tuple[float, int]], slug: Slug, far: Callable[[int], bool]
) -> tuple[list[tuple[float, int]], dict[int, float]]:
    """Add the URL-slug bonus to each headline candidate (score, line index); a line further up that matches the
    slug well (and whose index passes `far`) is a candidate too -> (scored candidates, index -> how well the line
    fits)."""
    out: list[tuple[float, int]] = []
    fits: dict[int, float] = {}
    for score, i in base:
        share, precision = slug.match(lines[i].text)
        fits[i] = _fit(share, precision)
        out.append((score + slug_bonus(share, precision), i))
    if slug.content < SLUG_DECISIVE_WORDS:
        return out, fits  # a short slug may name a section: look no further up
    # a nearby candidate fits the URL: further up, only a list item may fit it better (a breadcrumb's last item)
    items_only = bool(fits) and max(fits.values()) >= SLUG_DECISIVE
    seen = {i for _, i in base}
    for i in range(max(0, start - SLUG_LOOKBACK), start):
        line = lines[i]
        if items_only and line.bullet is None or i in seen or not far(i) or not slug.may_share(line.text, SLUG_STRONG):
            continue
        share, precision = slug.match(line.text)
        if share >= SLUG_STRONG:
            fits[i] = _fit(share, precision)
            out.append((SLUG_BASE + slug_bonus(share, precision) - SLUG_FAR * (start - i), i))
    return out, fits


def slug_bonus(share: float, precision: float) -> float:
    """The headline score a candidate gains for the slug words it holds (SLUG_WEIGHT, SLUG_PRECISION)."""
    return SLUG_WEIGHT * share * (1 - SLUG_PRECISION + SLUG_PRECISION * precision)


def _fit(share: float, precision: float) -> float:
    """How well a line fits the slug: the F1 of the slug's words it holds and its own words in the slug."""
    return 2 * share * precision / (share + precision) if share else 0.0
