"""Label a dropped block: which kind of boilerplate it is (removed_kinds.json) and which rule decided.

The body extractor decides *that* a block goes; this module only says *what* it was, so users can audit
drops and filter them ("show me every paywall box"). Evidence, strongest first:

1. a specific phrase in a short block ("wir verwenden cookies", "most read") or a whole-text match ("Anzeige");
2. a specific class/id token of the block or an ancestor ("consent", "newsletter", "byline"), the kind
   earliest in the priority list winning (small boxes before the containers that may wrap them);
3. the tag (figcaption, time, address) and text shape: a date-only line, "Von Name", "Foto: ...", an <h1>;
4. structural tokens (footer > navigation > header), weak tokens ("more", "teaser", "plus"), the
   generic phrase lists of knowledge/phrases (whole-text match), and link density;
5. "other".

All tables are data (knowledge/html_label_tokens.json, knowledge/html_label_phrases.json and
knowledge/phrases/<lang>.json), compiled once by cached loaders. A labeller memoises the token verdict per
token set (siblings share their ancestors' tokens), bounded so that memory cannot grow with the input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import knowledge
from ..knowledge import load_json, trie_regex

OTHER = "other"
_STRUCTURAL = frozenset({"navigation", "footer", "header"})
# Thresholds, set by reading the hand-labelled set in tests/labels (66 fundus-dev pages, 16 languages):
_MAX_DATE_TEXT = 80  # a date-only line is short
_MAX_BYLINE_TEXT = 120  # "Von Anna Muster und Max Beispiel, Berlin"
_MAX_BYLINE_WORDS = 12
_MAX_CREDIT_TEXT = 160
_MIN_BIO_TEXT = 160  # an "author" container with more text than this is a bio, not a byline
_NAV_LINK_DENSITY = 0.75  # mostly link text: a menu entry or a teaser link
_HEADLINE_LINK_WORDS = 5  # a link of at least this many words reads like a headline -> related article
_TOKEN_MEMO_SIZE = 4096
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})

_SHORT_TEXT = 150  # up to this length any listed phrase decides; beyond it only phrases of _SPECIFIC_PHRASE chars
_SPECIFIC_PHRASE = 18  # checked on fundus-dev expected paragraphs: 15 flagged 'subscribers only' in an article
_MAX_HEADER_TEXT = 60  # longer text under a "header" token is a card/teaser header, not the site header
_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_SHAPE_HINT = re.compile(r"[\d©]|\(c\)|copyright")
_NUMBER_WORD = re.compile(r"\d+(?:st|nd|rd|th|h|m|min|uhr|e|er)?|(?:\d+[年月日時时分秒号])+")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[t ][\d:.]+(?:z|[+-]\d\d:?\d\d)?)?")
_COPYRIGHT_NOTICE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}|by\b)")
_DATE_SHAPE = re.compile(r"\d{1,4}\s?[.:/-]\s?\d{1,2}|\b(?:19|20)\d\d\b|\d[年月]\d")
_STRIP = " \t\n:;,.!?·•|/\\-–—>»«()[]{}*\"'“”„‘’"


def _load(name: str) -> dict[str, Any]:
    return dict(load_json(name))


@lru_cache(maxsize=1)
def _token_table() -> dict[str, Any]:
    return _load("html_label_tokens.json")


@lru_cache(maxsize=1)
def _phrase_table() -> dict[str, Any]:
    return _load("html_label_phrases.json")


_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")  # kana and CJK ideographs (not Hangul)


def _alternation(phrases: list[str]) -> re.Pattern[str] | None:
    return re.compile(trie_regex(sorted(set(phrases)))) if phrases else None


def _phrase_match(pattern: re.Pattern[str], text: str) -> tuple[str, int, int] | None:
    """First phrase at word boundaries, with its span (no boundary checks in the pattern: they make it slow).
    Only an edge that is a letter of a spaced script needs one: Chinese and Japanese write no spaces, and a phrase
    ending in a colon ('责编：') ends there."""
    if pattern.search(text) is None:  # the common case, one C call
        return None
    for match in pattern.finditer(text):
        start, end = match.span()
        if (start == 0 or not text[start - 1].isalnum() or _open_edge(text[start])) and (
                end == len(text) or not text[end].isalnum() or _open_edge(text[end - 1])):
            return match.group(0), start, end
    return None


def _open_edge(char: str) -> bool:
    return not char.isalnum() or _NO_SPACES.match(char) is not None


def _whole_line(text: str, start: int, end: int) -> bool:
    """The span is all of its line (grouped blocks are joined by newlines: a line is one link or label)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip(_STRIP) and not text[end : len(text) if line_end < 0 else line_end].strip(
        _STRIP
    )


_STRONG, _STRUCTURAL_BUCKET, _WEAK = 0, 1, 2
_NOTHING: frozenset[str] = frozenset()
Verdict = tuple[tuple[str, str] | None, tuple[str, str] | None, tuple[str, str] | None]


@dataclass(slots=True)
class _TokenRules:
    """Compiled token tables plus per-token memos (bounded: reset when full, so memory cannot grow with input)."""

    known: set[str]  # tokens classified so far (the tables' tokens and every token seen since)
    hits: dict[str, tuple[int, int, str]]  # known tokens that are evidence: token -> (bucket, rank, kind)
    hit_tokens: set[str]  # hits' keys as a set: set & frozenset runs in C over the smaller side
    contains: re.Pattern[str]
    contains_kind: dict[str, str]
    pairs: tuple[tuple[str, str, str], ...]
    pair_tokens: frozenset[str]
    rank: dict[str, int]
    structural_kinds: frozenset[str]
    component: dict[str, re.Pattern[str]]  # header/footer -> compounds naming a component's own header/footer
    tags: dict[str, str]
    offcanvas: tuple[str, ...]
    state_prefixes: tuple[str, ...]
    state_suffixes: tuple[str, ...]
    table: dict[str, tuple[int, int, str]]  # the tables alone, to reset the memos to
    flags: set[str] = field(default_factory=set)  # seen tokens that are state flags
    parts: dict[str, str] = field(default_factory=dict)  # seen tokens that name a component header/footer
    part_tokens: set[str] = field(default_factory=set)
    memo: dict[frozenset[str], Verdict] = field(default_factory=dict)

    def verdict(self, tokens: frozenset[str]) -> Verdict:
        """(strong, structural, weak) (kind, token) for a token set, each None when nothing matched."""
        hit = self.memo.get(tokens)
        if hit is None:
            if len(self.memo) >= _TOKEN_MEMO_SIZE:
                self.memo.clear()
            hit = self.memo[tokens] = self._decide(tokens)
        return hit

    def _learn(self, token: str) -> None:
        """Classify a token once: its kind (glued names like 'sitefooter' by substring), state flag, component part."""
        if len(self.known) >= len(self.table) + _TOKEN_MEMO_SIZE * 4:
            self.known, self.hits, self.hit_tokens = set(self.table), dict(self.table), set(self.table)
            self.flags, self.parts, self.part_tokens = set(), {}, set()
        hit = self.table.get(token)
        if hit is None and len(token) >= 5:
            match = self.contains.search(token)
            if match:
                kind = self.contains_kind[match.group(0)]
                hit = (_STRUCTURAL_BUCKET if kind in self.structural_kinds else _STRONG, self.rank.get(kind, 99), kind)
        self.known.add(token)
        if hit is not None:
            self.hits[token] = hit
            self.hit_tokens.add(token)
        if len(token) > 5 and (token.startswith(self.state_prefixes) or token.endswith(self.state_suffixes)):
            self.flags.add(token)
        for kind, pattern in self.component.items():
            if kind in token and pattern.search(token):
                self.parts[token] = kind
                self.part_tokens.add(token)

    def _decide(self, tokens: frozenset[str]) -> Verdict:
        for token in tokens.difference(self.known):
            self._learn(token)
        hits = self.hits
        flags = self.flags.intersection(tokens)  # 'hascomments', 'gdprapplies': their pieces are no evidence
        components = {self.parts[t] for t in self.part_tokens & tokens}
        buckets: tuple[list[tuple[int, str, str]], ...] = ([], [], [])
        for token in self.hit_tokens & tokens:
            hit = hits[token]
            if flags and any(token in flag for flag in flags):
                continue
            if hit[0] == _STRUCTURAL_BUCKET and hit[2] in components:
                continue  # 'article-footer' next to 'footer': the article's own footer, not the site's
            buckets[hit[0]].append((hit[1], token, hit[2]))
        strong, structural, weak = buckets
        if not self.pair_tokens.isdisjoint(tokens):
            for kind, first, second in self.pairs:
                if first in tokens and second in tokens:
                    strong.append((self.rank.get(kind, 99), f"{first}-{second}", kind))
        return _best(strong), _best(structural), _best(weak)


def _best(found: list[tuple[int, str, str]]) -> tuple[str, str] | None:
    """The highest-priority (kind, token); ties broken by token so that the result does not depend on set order."""
    if not found:
        return None
    _, token, kind = min(found)
    return kind, token


@lru_cache(maxsize=1)
def _token_rules() -> _TokenRules:
    table = _token_table()
    structural_kinds = frozenset(table["structural"])
    rank = {kind: i for i, kind in enumerate(list(table["priority"]) + list(table["structural_priority"]))}
    for kind in table["weak_exact"]:
        rank.setdefault(kind, len(rank))
    known: dict[str, tuple[int, int, str]] = {}
    for kind, tokens in table["exact"].items():
        bucket = _STRUCTURAL_BUCKET if kind in structural_kinds else _STRONG
        for token in tokens:
            known.setdefault(token, (bucket, rank[kind], kind))
    for kind, tokens in table["weak_exact"].items():
        for token in tokens:
            known.setdefault(token, (_WEAK, rank[kind], kind))
    contains_kind = {sub: kind for kind, subs in table["contains"].items() for sub in subs}
    pairs = tuple((kind, a, b) for kind, items in table["pairs"].items() for a, b in items)
    words = trie_regex(sorted(table["component_words"]))
    component = {kind: re.compile(f"(?:{words}).*{kind}") for kind in ("header", "footer")}
    rules = _TokenRules(
        set(known), dict(known), set(known), re.compile(trie_regex(sorted(contains_kind))), contains_kind, pairs,
        frozenset(a for _, a, _ in pairs), rank, structural_kinds, component, dict(table["tags"]),
        tuple(table["offcanvas_words"]),
        tuple(table["state_prefixes"]), tuple(table["state_suffixes"]), known,
    )
    for token in known:
        rules._learn(token)
    return rules


@dataclass(frozen=True, slots=True)
class _LangRules:
    """Compiled text evidence for one language (its own lists plus the '*' lists)."""

    contains: tuple[re.Pattern[str], ...]  # the language's own phrases, then the '*' ones (compiled once)
    contains_long: tuple[re.Pattern[str], ...]  # the same with only the phrases that count in long texts
    contains_kind: dict[str, str]
    equals: dict[str, str]
    weak_equals: dict[str, str]
    byline_prefixes: tuple[str, ...]
    credit_prefixes: tuple[str, ...]
    date_words: frozenset[str]
    max_phrase_text: int
    shape_prefixes: tuple[str, ...]
    min_phrase: int  # a text shorter than the shortest phrase cannot contain one
    link_label_kinds: frozenset[str]
    header_controls: frozenset[str]


def _merge(sections: list[dict[str, Any]], key: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for section in sections:
        for kind, phrases in section.get(key, {}).items():
            for phrase in phrases:
                out.setdefault(phrase, kind)
    return out


@lru_cache(maxsize=128)
def _phrases_of(names: tuple[str, ...], min_len: int) -> re.Pattern[str] | None:
    table = _phrase_table()
    return _alternation(
        [p for name in names for phrases in table[name].get("contains", {}).values() for p in phrases if len(p) >= min_len]
    )


def _contains_patterns(names: list[str], min_len: int) -> tuple[re.Pattern[str], ...]:
    """Two patterns, so that the big '*' one is compiled once per process and not once per language."""
    own = tuple(name for name in names if name != "*")
    return tuple(p for p in (_phrases_of(own, min_len), _phrases_of(("*",), min_len)) if p is not None)


@lru_cache(maxsize=128)
def _rules_for(lang: str | None) -> _LangRules:
    """Languages without any phrase list share one rule set (compiling the all-language lists takes ~10 ms)."""
    if lang and (lang in _phrase_table() or lang in knowledge.phrase_languages()):
        return _lang_rules(lang)
    return _lang_rules(None)


@lru_cache(maxsize=64)
def _lang_rules(lang: str | None) -> _LangRules:
    table = _phrase_table()
    langs = [name for name in table if not name.startswith("_") and isinstance(table[name], dict)]
    names = ["*", lang] if lang in table else langs
    sections = [table[name] for name in names if name in table]
    contains_kind = _merge(sections, "contains")
    equals = _merge(sections, "equals")
    weak_equals = _merge(sections, "weak_equals")
    for name in ([lang] if lang else []) + ["en"]:
        for kind, phrases in knowledge.phrases(name).items():
            if kind in ("byline", "date") or not isinstance(phrases, tuple):
                continue
            for phrase in phrases:
                if " " in phrase:  # single words ("video", "live") name menu entries as often as boxes
                    weak_equals.setdefault(phrase, kind)

    def union(key: str) -> tuple[str, ...]:
        return tuple(sorted({p for s in sections for p in s.get(key, [])}, key=len, reverse=True))

    bylines = tuple(p + " " for p in union("byline_prefix"))
    credits = union("credit_prefix")
    return _LangRules(
        _contains_patterns(names, 0), _contains_patterns(names, _SPECIFIC_PHRASE), contains_kind, equals,
        weak_equals, bylines, credits,
        frozenset(union("date_words")), int(table["max_phrase_text"]), bylines + credits,
        min(map(len, contains_kind), default=0), frozenset(table["link_label_kinds"]),
        frozenset(p for s in sections for p in s.get("header_controls", [])),
    )


def _is_date_only(lower: str, words: frozenset[str]) -> bool:
    """Only numbers and date words, with a date shape (12.05., 10:31, 2024) or a date word of 3+ letters."""
    if len(lower) > _MAX_DATE_TEXT or _DIGIT.search(lower) is None:
        return False
    if _ISO_DATE.fullmatch(lower.strip()):
        return True
    found = _WORD.findall(lower)
    if not all(w in words or _NUMBER_WORD.fullmatch(w) for w in found):
        return False
    return _DATE_SHAPE.search(lower) is not None or any(len(w) >= 3 and w in words for w in found)


def _byline_prefix(text: str, lower: str, prefixes: tuple[str, ...]) -> str | None:
    if len(text) > _MAX_BYLINE_TEXT or text.count(" ") >= _MAX_BYLINE_WORDS:
        return None
    if not lower.startswith(prefixes):  # prefixes end with a space; one C call rejects most blocks
        return None
    for prefix in prefixes:
        if lower.startswith(prefix) and text[len(prefix) : len(prefix) + 1].isupper():
            return text[: len(prefix) - 1]
    return None


def _credit_prefix(lower: str, prefixes: tuple[str, ...]) -> str | None:
    if len(lower) > _MAX_CREDIT_TEXT:
        return None
    if lower.startswith(prefixes):
        for prefix in prefixes:
            end = len(prefix)
            if lower.startswith(prefix) and (not prefix[-1].isalnum() or not lower[end : end + 1].isalnum()):
                return prefix  # "ap photo" but not "AP Photographer"
    return "©" if "©" in lower else None


def _phrase_evidence(lower: str, rules: _LangRules) -> tuple[str, str] | None:
    key = lower.strip(_STRIP)
    kind = rules.equals.get(key)
    if kind is not None:
        return kind, f"text '{key}'"
    newline = key.find("\n")
    if newline > 0:  # grouped blocks: a heading line such as "Meistgelesen" or "Anzeige" names the group
        head = key[:newline].strip(_STRIP)
        kind = rules.equals.get(head)
        if kind is not None:
            return kind, f"first line '{head}'"
    if rules.min_phrase <= len(key) and len(lower) <= rules.max_phrase_text:
        # in a paragraph-length text only a long, specific phrase decides ("privacy policy" or "per month" may
        # be what an article is about; "this website uses cookies" is not)
        short = len(lower) <= _SHORT_TEXT
        found = None
        for pattern in rules.contains if short else rules.contains_long:
            found = _phrase_match(pattern, lower)
            if found:
                break
        if found:
            phrase, start, end = found
            kind = rules.contains_kind[phrase]
            if kind not in rules.link_label_kinds or not _whole_line(lower, start, end):
                return kind, f"phrase '{phrase}'"  # (a line that is only "Cookie-Einstellungen" is a link)
    return None


def _refine(kind: str, token: str, text: str, lower: str, rules: _LangRules) -> tuple[str, str]:
    """Byline/date/bio tokens often share one meta container: let the text shape pick among them."""
    if kind != "comments" and _is_date_only(lower, rules.date_words):
        return "date", f"date-only text (class token '{token}')"
    if kind == "author_bio" and len(text) < _MIN_BIO_TEXT // 2:
        return "byline", f"short text in class token '{token}'"
    if kind in ("byline", "author_bio", "date"):
        if kind == "byline" and len(text) >= _MIN_BIO_TEXT:
            return "author_bio", f"long text in class token '{token}'"
        if kind == "date" and _byline_prefix(text, lower, rules.byline_prefixes):
            return "byline", f"starts with a byline word in class token '{token}'"
    return kind, f"class token '{token}'"


def _text_shape(text: str, lower: str, rules: _LangRules, footer: bool) -> tuple[str, str] | None:
    if len(lower) > _MAX_CREDIT_TEXT:
        return None
    if _SHAPE_HINT.search(lower) is None and not lower.startswith(rules.shape_prefixes):
        return None  # no digit, no copyright sign, no byline/credit opening: the usual menu entry
    if _is_date_only(lower, rules.date_words):
        return "date", "date-only text"
    prefix = _byline_prefix(text, lower, rules.byline_prefixes)
    if prefix:
        return "byline", f"starts with '{prefix} '"
    if _COPYRIGHT_NOTICE.search(lower) and len(lower) <= _MAX_CREDIT_TEXT:
        return "footer", "copyright notice"
    credit = _credit_prefix(lower, rules.credit_prefixes)
    if credit:
        return ("footer", f"'{credit}' in footer") if footer else ("caption", f"credit '{credit}'")
    return None


def _header_control(lower: str, tokens: frozenset[str], rules: _LangRules, token_rules: _TokenRules) -> bool:
    """'Search', 'Anmelden', 'Abo' in the site header (not in a burger/drawer menu): the header's own control."""
    key = lower.strip(_STRIP)
    if key not in rules.header_controls and key.split(":")[0] not in rules.header_controls:
        return False
    if not any("header" in token or "masthead" in token for token in tokens):
        return False
    return not any(word in token for token in tokens for word in token_rules.offcanvas)


def label_removed(
    text: str, tokens: frozenset[str], tag: str, link_density: float, lang: str | None,
    page_tokens: frozenset[str] = _NOTHING,
) -> tuple[str, str]:
    """(kind, reason) for a block the body extractor dropped; kind is from removed_kinds.json.

    `page_tokens`: class/id pieces of <html> and <body>, which describe the page ('has-comments',
    'author-jane', 'newAdvertising'), not the block; pass them so that they are ignored (or leave them out of
    `tokens`). On the hand-labelled set's held-out pages this lifts precision from 0.81 to 0.89.
    """
    if page_tokens:
        tokens = tokens - page_tokens
    rules = _rules_for(lang)
    lower = text[: rules.max_phrase_text + 1].lower()
    phrase = _phrase_evidence(lower, rules)
    if phrase and phrase[0] not in _STRUCTURAL:
        return phrase
    token_rules = _token_rules()
    strong, structural, weak = token_rules.verdict(tokens)
    if strong:
        if strong[0] == "caption" and structural is not None and structural[0] == "footer":
            return "footer", f"class token '{strong[1]}' in class token '{structural[1]}'"  # site credits
        return _refine(strong[0], strong[1], text, lower, rules)
    if phrase:  # "privacy policy" in a block with no specific box token: footer fine print
        return phrase
    tag_kind = token_rules.tags.get(tag)
    if tag_kind and tag_kind not in _STRUCTURAL:
        return tag_kind, f"<{tag}> element"
    shape = _text_shape(text, lower, rules, structural is not None and structural[0] == "footer")
    if shape:
        return shape
    if structural and (structural[0] != "header" or len(text) <= _MAX_HEADER_TEXT):
        if structural[0] != "footer" and _header_control(lower, tokens, rules, token_rules):
            return "header", f"search/login control under class token '{structural[1]}'"
        return structural[0], f"class token '{structural[1]}'"
    if tag_kind:
        return tag_kind, f"<{tag}> element"
    if weak:
        return weak[0], f"weak class token '{weak[1]}'"
    return _generic(text, lower, tag, link_density, rules, tokens)


def _generic(
    text: str, lower: str, tag: str, link_density: float, rules: _LangRules, tokens: frozenset[str]
) -> tuple[str, str]:
    kind = rules.weak_equals.get(lower.strip(_STRIP))
    if kind is not None:
        return kind, f"text '{lower.strip(_STRIP)}'"
    if tag == "h1" and link_density < 0.5:
        return "title", "<h1> outside the body"
    if link_density >= _NAV_LINK_DENSITY:
        if text.count(" ") >= _HEADLINE_LINK_WORDS - 1:  # words, roughly
            return "related", f"headline-like link, link density {link_density:.2f} in <{tag}>"
        return "navigation", f"link density {link_density:.2f} in <{tag}>"
    if tokens and tag in _SUBHEADINGS and text.count(" ") >= _HEADLINE_LINK_WORDS - 1:
        # a teaser's headline; needs page context (class tokens): on a text alone it could be a sub-heading
        return "related", f"headline-like <{tag}> outside the body"
    return OTHER, "no rule matched"
