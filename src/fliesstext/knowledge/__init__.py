"""Knowledge as data: the removed-kind vocabulary and per-language boilerplate phrases.

Loaders read package data lazily and cache the parsed files (small, immutable, shared by every page).
A contributor adds a language by adding `phrases/<iso639-1>.json`: {"<kind>": ["phrase", ...], ...}
with kinds from removed_kinds.json (lower case; matched as whole token runs). Keys starting with "_" are
word lists for text mode: `_one_letter_words` (words a paragraph may start with, for drop-cap repair),
`_months` (12 entries, "|"-separated variants, for dates written in the text), `_stopwords`
(function words, for cheap language identification before py3langid) and `_name_stops` (words that end an
author name in a byline: roles such as "correspondent", "Redakteurin", and "follow"); `_agencies` (news agencies
that count as authors in a byline: "dpa", "AP"; read from every language file).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any


def load_json(name: str) -> Any:
    """A knowledge data file (path relative to this package), parsed. Callers cache what they build from it."""
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def removed_kinds() -> dict[str, str]:
    """The documented vocabulary of `removed[].kind`, kind -> description."""
    return dict(load_json("removed_kinds.json"))


@lru_cache(maxsize=1)
def phrase_languages() -> tuple[str, ...]:
    folder = resources.files(__package__).joinpath("phrases")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@lru_cache(maxsize=64)
def phrases(lang: str) -> dict[str, tuple[str, ...]]:
    """Boilerplate phrases for one language, kind -> phrases (empty dict for an unknown language)."""
    if lang not in phrase_languages():
        return {}
    data = load_json(f"phrases/{lang}.json")
    return {kind: tuple(values) for kind, values in data.items() if not kind.startswith("_")}


@lru_cache(maxsize=64)
def language_list(lang: str, key: str) -> frozenset[str]:
    """A word list kept beside the phrases, e.g. `_one_letter_words` (lower case; empty if unknown)."""
    if lang not in phrase_languages():
        return frozenset()
    return frozenset(load_json(f"phrases/{lang}.json").get(key, ()))


_TOKEN = re.compile(r"\w+|©")
# ASCII characters that are neither word characters nor whitespace (no token holds one), and the commonest
# such characters beyond ASCII: punctuation_to_spaces turns them into spaces.
_NOT_WORD_ASCII = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c).isspace() or chr(c) == "_"))
_ASCII_PUNCTUATION = bytes.maketrans(_NOT_WORD_ASCII, b" " * len(_NOT_WORD_ASCII))
_WIDE_PUNCTUATION = "’“”„–»«‘—…•"
FAST_SPLIT_CHARS = 40  # shorter texts: the regex costs less than the byte round trip of the fast path


def punctuation_to_spaces(text: str) -> str:
    """`text` with common punctuation replaced by spaces (a byte-level translation: UTF-8 bytes of non-ASCII
    characters are all >= 0x80, so only ASCII characters change)."""
    text = text.encode("utf-8", "surrogatepass").translate(_ASCII_PUNCTUATION).decode("utf-8", "surrogatepass")
    for char in _WIDE_PUNCTUATION:
        if char in text:
            text = text.replace(char, " ")
    return text


def split_words(spaced: str) -> list[str] | None:
    """The `\\w+` tokens of a text run through punctuation_to_spaces, by str.split; None when the text holds
    characters other than spaces and word characters (then only a regex tokenises it right).

    Exact: `\\w` matches what str.isalnum() accepts plus "_", so when every non-space character is
    alphanumeric, the space-separated parts are the maximal runs of word characters (and no © is present).
    """
    return spaced.split() if spaced.replace(" ", "").isalnum() else None


def phrase_tokens(text: str) -> list[str]:
    """Lower-cased word tokens (and ©): phrases and lines are compared token by token."""
    lowered = text.lower()
    if len(lowered) >= FAST_SPLIT_CHARS and (tokens := split_words(punctuation_to_spaces(lowered))) is not None:
        return tokens
    return _TOKEN.findall(lowered)


class PhraseMatcher:
    """All boilerplate phrases of some languages, indexed by their longest (rarest) token.

    Token lookups instead of one big regex alternation; indexing by the longest token, not the first,
    keeps stop words ("the latest", "in partnership with") from sending every sentence to the check.
    """

    __slots__ = ("_index", "_anchors", "_single")

    def __init__(
        self, tables: Iterable[dict[str, tuple[str, ...]]], single_kinds: frozenset[str] | None = None
    ) -> None:
        """`single_kinds`: when given, one-word phrases are kept only for these kinds (a matcher for long
        lines, where "more" or "video" decide nothing)."""
        seen: dict[tuple[str, ...], tuple[str, str]] = {}
        for table in tables:
            for kind, values in table.items():
                for phrase in values:
                    tokens = tuple(phrase_tokens(phrase))
                    if tokens and (single_kinds is None or len(tokens) > 1 or kind in single_kinds):
                        seen.setdefault(tokens, (kind, phrase.lower()))
        common = stopword_index()
        index: dict[str, list[tuple[tuple[str, ...], int, str, str]]] = {}
        for tokens, (kind, phrase) in seen.items():
            # anchor on the rarest token: not a function word, then the longest
            offset = max(range(len(tokens)), key=lambda i: (tokens[i] not in common, len(tokens[i])))
            index.setdefault(tokens[offset], []).append((tokens, offset, kind, phrase))
        self._index = {anchor: sorted(found, key=lambda item: -len(item[0])) for anchor, found in index.items()}
        self._anchors = frozenset(self._index)
        self._single = {tokens[0]: (kind, phrase) for tokens, (kind, phrase) in seen.items() if len(tokens) == 1}

    def find_all(self, text: str) -> list[tuple[str, str]]:
        """Every (kind, phrase) hit, left to right (the longest phrase where hits overlap)."""
        return [(kind, phrase) for _, kind, phrase in self.find_tokens(phrase_tokens(text))]

    def find_single(self, token: str) -> list[tuple[int, str, str]]:
        """find_tokens for a one-token list, by one dict lookup (menus are full of one-word lines)."""
        hit = self._single.get(token)
        return [(1, hit[0], hit[1])] if hit is not None else []

    @property
    def anchors(self) -> frozenset[str]:
        """The index tokens: a token list without any of them has no hit (callers pre-check with this)."""
        return self._anchors

    def find_tokens(self, tokens: list[str]) -> list[tuple[int, str, str]]:
        """(token count, kind, phrase) for every hit in a token list, left to right, not overlapping."""
        index = self._index
        size = len(tokens)
        found: list[tuple[int, int, str, str]] = []  # (start, -length, kind, phrase)
        for i, token in enumerate(tokens):
            entries = index.get(token)
            if entries is None:
                continue
            for key, offset, kind, phrase in entries:  # longest first
                start, n = i - offset, len(key)
                if start >= 0 and start + n <= size and (n == 1 or tuple(tokens[start:start + n]) == key):
                    found.append((start, -n, kind, phrase))
                    break
        if len(found) > 1:
            found.sort()
        hits: list[tuple[int, str, str]] = []
        covered = 0
        for start, negative, kind, phrase in found:
            if start >= covered:  # hits do not overlap: "newsletter abonnieren" is not also "abonnieren"
                hits.append((-negative, kind, phrase))
                covered = start - negative
        return hits

    def match(self, text: str) -> tuple[str, str] | None:
        """The longest (kind, phrase) hit in `text`, or None."""
        hits = self.find_all(text)
        if not hits:
            return None
        return max(hits, key=lambda hit: len(hit[1]))


@lru_cache(maxsize=64)
def phrase_matcher(
    lang: str | None, exclude: tuple[str, ...] = (), single_kinds: frozenset[str] | None = None
) -> PhraseMatcher:
    """Matcher for one language plus English (English boilerplate appears on pages in every language).

    `exclude` leaves out kinds, e.g. ("byline", "date"), whose one-word phrases ("by", "von") occur in
    almost every sentence and would only slow the matching down; `single_kinds` see PhraseMatcher.
    """
    langs = [lang] if lang and lang != "en" else []
    langs.append("en")
    tables = ({k: v for k, v in phrases(code).items() if k not in exclude} for code in langs)
    return PhraseMatcher(tables, single_kinds)


def match_phrase(text: str, lang: str | None) -> tuple[str, str] | None:
    """(kind, phrase) of the longest boilerplate phrase in `text` for `lang` (+ English), or None."""
    return phrase_matcher(lang).match(text)


@lru_cache(maxsize=64)
def language_tuple(lang: str, key: str) -> tuple[str, ...]:
    """An ordered word list kept beside the phrases, e.g. `_months` (12 entries, '|'-separated variants)."""
    if lang not in phrase_languages():
        return ()
    return tuple(load_json(f"phrases/{lang}.json").get(key, ()))


@lru_cache(maxsize=1)
def stopword_index() -> dict[str, tuple[str, ...]]:
    """Function word -> the languages (with a phrases file) that list it under `_stopwords`."""
    index: dict[str, list[str]] = {}
    for lang in phrase_languages():
        for word in language_tuple(lang, "_stopwords"):
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def trie_regex(words: list[str]) -> str:
    """One regex for many literals, shaped as a trie: sre rejects a position after one character test per branch."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(char) + build(node[char]) for char in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here and longer ones go on
            return f"(?:{body})?" if len(alts) == 1 else body + "?"
        return body

    return build(trie)
