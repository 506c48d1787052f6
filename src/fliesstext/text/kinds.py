"""Kinds for removed blocks that the body rules leave unnamed ('navigation' or 'other' in text mode, 'other' in HTML).

The body rules decide *that* a line goes; they name it only as far as their own evidence goes (a short line
outside the article is 'navigation', a long one 'other'). This module gives those lines the kind a reader would
give them, from three kinds of evidence, strongest first:

1. the text alone: a whole line that is a known control or heading ('Search', 'Share', 'Impressum', 'Most read',
   knowledge/removed_kind_phrases.json per language), a line opening with such a heading ('More from ...',
   'Související témata: ...'), a date or relative-time line, a news agency alone;
2. position: header controls count as the site header only above the article;
3. list shape (text mode): a run of teaser headlines outside the article (lines of headline length, mostly not
   ending like a sentence) with their dates, bylines and one-line teasers is a list of related articles.

Only kinds and reasons change here: which lines are kept is decided before and is never touched.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import load_json, trie_regex
from .classify import is_enumeration
from .dates import agencies, bare_names, is_byline_prefix, looks_like_name, parse_byline
from .lines import Line

WEAK_KINDS = frozenset({"navigation", "other"})  # text-mode kinds that say only 'short' or 'long' line
_FIXED_REASONS = ("repeated ",)  # repeated short items keep their kind: the repeat is their evidence
_CONTROL_KINDS = frozenset({"paywall", "newsletter"})  # phrase kinds of 'Subscribe' / 'Sign up' buttons
_LIST_KINDS = WEAK_KINDS | {"date"}  # lines that may belong to a teaser list
_CONTROL_WORDS = 3  # a header control is a word or two ('+ Log In', 'Subscribe')
_NOT_FROM_TEXT = frozenset({"caption"})  # text mode: captions are read by the image stage, never relabelled here
_LEAD = r"(?:[+o*•·▪◦‣>–—-][ \t]+)*[ \t\"'“„«(\[]*"  # bullets and opening marks before a phrase
_TAIL = r"[ \t:;,.!?·•|/\\\-–—>»«)\]\"'“”…→←↑]*"  # closing marks after it
_DIGIT = re.compile(r"\d")
_FIGURE_CHARS = re.compile(r"[\d%]")
DATA_SHARE = 0.25  # a line with this share of digits and % signs (spaces aside) is a table row or figures
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Thresholds, read off the dev half of bench/kinds/sample.jsonl (fundus-dev and fundus-dev-text):
MAX_LINE_CHARS = 60  # text mode: whole-line phrases and dates are looked for in lines this short
MAX_DATE_WORDS = 6  # '17.04.2024, 12:24 Lesezeit: 5 Min.', 'Published : 22:04, 22 Apr 2024'
MAX_DATE_CHARS = 40
HEADLINE_WORDS = (5, 25)  # a teaser headline in spaced scripts
HEADLINE_CJK_CHARS = (12, 70)  # the same in scripts written without spaces
MAX_CONTAINS_CHARS = 400  # a cookie word decides only in a short text (an article may be about cookies)
MAX_NAME_CHARS = 80  # 'Adina Renner, Alexandra Kohler, Anja Lemcke': a byline of names
MAX_BYLINE_CHARS = 160  # 'By TPN, in News, Portugal, Business · 31 Jan 2025, 20:02 · 0 Comments'
MAX_GROUP_LINES = 8  # a grouped entry is called one kind by all its lines only when it is this short
MENU_LINES, MENU_WORDS_PER_LINE = 4, 2.5  # a menu: this many lines of this many words on average at most
SUMMARY_WORDS = 10  # a headline-like line followed by a sentence this long outside the article: one teaser
TEASER_GAP = 6  # lines from one headline-like line of a list to the next at most (date, summary, section, date)
TEASER_TAIL = 2  # lines after a list's last headline that may still be its summary and date


@dataclass(frozen=True, slots=True)
class _Phrases:
    """One language's phrases (with the '*' ones), compiled to line-anchored patterns: a page's dropped lines are
    matched in one pass over their joined text, not one Python call per line."""

    equals: dict[str, str]
    prefixes: dict[str, str]
    contains: dict[str, str]
    line: re.Pattern[str]  # group e: a whole line, once or twice ('Search Search': a label and its icon's text);
    # group p: the line's opening phrase
    contains_any: re.Pattern[str]


@lru_cache(maxsize=64)
def _phrases(lang: str | None) -> _Phrases:
    data = load_json("removed_kind_phrases.json")
    names = [lang, "*"] if lang else ["*"]
    found: dict[str, dict[str, str]] = {"equals": {}, "prefix": {}, "contains": {}}
    for section, table in found.items():
        for name in names:
            for kind, phrases in data[section].get(name, {}).items():
                for phrase in phrases:
                    table.setdefault(phrase, kind)
    for agency in agencies():
        found["equals"].setdefault(agency, "byline")
    equals, prefixes, contains = found["equals"], found["prefix"], found["contains"]
    return _Phrases(
        equals, prefixes, contains,
        re.compile(f"\\n{_LEAD}(?:(?P<e>{trie_regex(sorted(equals))})(?:[ \\t]+(?P=e))?{_TAIL}(?=\\n)"
                   f"|(?P<p>{trie_regex(sorted(prefixes))}))"),  # a literal first character: a fast scan
        re.compile(trie_regex(sorted(contains))),
    )


def _words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True, slots=True)
class _DateShape:
    pattern: re.Pattern[str]  # every branch starts with a digit, so that a scan skips the rest fast
    before: tuple[str, ...]  # 'vor', 'hace', 'il y a': the marker before a relative count


@lru_cache(maxsize=1)
def _date_shape() -> _DateShape:
    """A date, time or relative time in a short line: '21.03.2025, 10:13 uhr', '13 may 2024', 'may 13, 2024',
    '2024年12月3日', '3 hrs ago', 'vor 2 stunden', 'prieš 4 d.' (units and markers from text_relative_dates.json,
    the words text/relative.py reads; a count of units without a marker, '5 min', is a reading time)."""
    data = load_json("text_relative_dates.json")

    def words(items: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    units = words([stem for stems in data["units"].values() for stem in stems] + ["h", "m", "d"])
    pattern = re.compile(  # one leading digit for all branches: the scan skips to the next digit in C
        r"\d(?:\d?[:.h]\d\d(?!\d)|\d{0,3}[./-]\d{1,2}[./-]\d{1,4}|\d{1,3}\s*[年/]\s*\d{1,2}\s*[月/]"
        r"|\d?\.?\s*[^\W\d_]{3,}\.?,?\s+(?:19|20)\d\d|\d?(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
        rf"|\d{{0,2}}\s*(?P<unit>{units})[^\W\d_]*\.?(?:\s+(?P<after>{words(data['after'])})(?!\w))?)"
    )
    return _DateShape(pattern, tuple(data["before"]))


def _has_date(lower: str, shape: _DateShape) -> bool:
    for match in shape.pattern.finditer(lower):
        if match.group("unit") is None or match.group("after") is not None:
            return True
        if lower[:match.start()].rstrip().endswith(shape.before):
            return True
    return False


def is_date_line(text: str) -> bool:
    """A short line that is a date, a time or a relative time ('17.04.2024, 12:24', '3 hrs ago', '12:39')."""
    if len(text) > MAX_DATE_CHARS or _DIGIT.search(text) is None or _words(text) > MAX_DATE_WORDS:
        return False
    return _has_date(text.lower(), _date_shape())


def _prefix_at(match: re.Match[str], text: str) -> bool:
    """The prefix ends at a word boundary ('more from ' or 'related:' do; 'share' in 'shareholders' does not)."""
    end = match.end()
    return not match.group("p")[-1].isalnum() or end == len(text) or not text[end].isalnum()


def line_kinds(texts: Sequence[str], lang: str | None, dates: bool = True) -> dict[int, tuple[str, str]]:
    """Index -> (kind, reason) for the lines that say their kind by themselves: a whole-line phrase, an opening
    phrase, a date or time line, a news agency alone.
    A few regex passes over the joined, lower-cased lines, not a Python loop per line."""
    if not texts:
        return {}
    return _line_kinds(texts, "\n" + "\n".join(texts).lower() + "\n", _phrases(lang), dates)


def _line_kinds(texts: Sequence[str], joined: str, phrases: _Phrases, dates: bool) -> dict[int, tuple[str, str]]:
    """line_kinds on `joined`: the texts lower-cased, each after a newline, with a newline at the end."""
    found: dict[int, tuple[str, str]] = {}
    line, last = -1, 0
    for match in phrases.line.finditer(joined):  # each match starts at the newline before its line
        line += joined.count("\n", last, match.start() + 1)
        last = match.start() + 1
        if (key := match.group("e")) is not None:
            found[line] = phrases.equals[key], f"text '{key.strip()}'"
        elif (key := match.group("p")) is not None and _prefix_at(match, joined):
            found[line] = phrases.prefixes[key], f"starts with '{key.strip()}'"
    if dates:
        shape = _date_shape()
        for line in _lines_of(shape.pattern, joined):
            text = texts[line]
            if line not in found and len(text) <= MAX_DATE_CHARS and _words(text) <= MAX_DATE_WORDS \
                    and _has_date(text.lower(), shape):
                found[line] = "date", "date or time line"
    return found


def contains_lines(texts: Sequence[str], lang: str | None) -> dict[int, tuple[str, str]]:
    """Index -> (kind, reason) for the lines of at most MAX_CONTAINS_CHARS with a cookie or password word."""
    return _contains_lines(texts, "\n" + "\n".join(texts).lower(), lang)


def _contains_lines(texts: Sequence[str], joined: str, lang: str | None) -> dict[int, tuple[str, str]]:
    found: dict[int, tuple[str, str]] = {}
    for line in _lines_of(_phrases(lang).contains_any, joined):
        if len(texts[line]) <= MAX_CONTAINS_CHARS and (named := contains_kind(texts[line], lang)) is not None:
            found[line] = named
    return found


def _lines_of(pattern: re.Pattern[str], joined: str) -> Iterator[int]:
    """Numbers of the lines of `joined` (which starts with a newline) where `pattern` matches, each once."""
    line, last, seen = -1, 0, -1
    for match in pattern.finditer(joined):
        line += joined.count("\n", last, match.start())
        last = match.start()
        if line != seen:
            seen = line
            yield line


def text_kind(text: str, lang: str | None) -> tuple[str, str] | None:
    """(kind, reason) a single line says by itself, or None: line_kinds of the one line without its bookkeeping
    (the phrase pattern matches only at the newline before the line; a date needs a date match in the line)."""
    line = text.replace("\n", " ")
    lower = line.lower()
    joined = f"\n{lower}\n"
    phrases = _phrases(lang)
    match = phrases.line.search(joined)
    if match is not None and match.start() > 0:  # cannot happen with non-empty phrases: the general path
        return line_kinds([line], lang).get(0)
    if match is not None:
        if (key := match.group("e")) is not None:
            return phrases.equals[key], f"text '{key.strip()}'"
        if (key := match.group("p")) is not None and _prefix_at(match, joined):
            return phrases.prefixes[key], f"starts with '{key.strip()}'"
    if len(line) <= MAX_DATE_CHARS and _words(line) <= MAX_DATE_WORDS and _has_date(lower, _date_shape()):
        return "date", "date or time line"
    return None


def contains_kind(text: str, lang: str | None) -> tuple[str, str] | None:
    """A cookie or password word in a short text: the consent banner, the login dialog."""
    if len(text) <= MAX_CONTAINS_CHARS:
        match = _phrases(lang).contains_any.search(text.lower())
        if match is not None:
            return _phrases(lang).contains[match.group()], f"'{match.group()}' in a short text"
    return None


def entry_kind(text: str, lang: str | None) -> tuple[str, str] | None:
    """(kind, reason) of a grouped entry (lines joined by newlines): the whole text, else its first line (a heading
    naming the box: 'Meistgelesen', 'Related Articles'), else every line of one kind ('Facebook / X / Email')."""
    if "\n" not in text:
        return text_kind(text, lang)
    lines = [line for line in text.split("\n", MAX_GROUP_LINES) if line.strip()]
    found = line_kinds(lines[:MAX_GROUP_LINES], lang)
    first = found.get(0)
    if first is not None and first[0] not in ("date", "byline", "header"):
        return first[0], f"first line: {first[1]}"
    kinds = {kind for kind, _ in found.values()}
    if len(lines) <= MAX_GROUP_LINES and len(found) == len(lines) and len(kinds) == 1:
        kind = kinds.pop()
        return kind, f"every line is {kind}"
    return None


def name_other(text: str, lang: str | None, beside_body: bool) -> tuple[str, str] | None:
    """A kind for a block that the HTML labeller left 'other': a byline written as one ('Von dpa, 30.04.2024'),
    its text (entry_kind), or, right under or above the headline or at an edge of the body (`beside_body`, from
    the drop reason), a line of names or a news agency (the byline), else a cookie or password word."""
    single = "\n" not in text
    if single and len(text) <= MAX_BYLINE_CHARS and (parse_byline(text, lang) or is_byline_prefix(text, lang)):
        return "byline", "a byline"
    found = entry_kind(text, lang)
    if found is not None:
        return found
    if beside_body and single and len(text) <= MAX_NAME_CHARS and bare_names(text, lang):
        return "byline", "names beside the headline or the body"
    return contains_kind(text, lang)


def is_menu_shaped(text: str) -> bool:
    """A grouped entry of many short lines ('Zum Hauptinhalt springen / SZ.de / Zeitung / Magazin'): a menu, even
    when its joined text is as long as a headline."""
    breaks = text.count("\n")
    if breaks < MENU_LINES - 1:
        return False
    words = len(text.split())  # the words of all lines (a newline separates words too)
    if words > MENU_WORDS_PER_LINE * (breaks + 1):  # too many even if no line is blank
        return False
    lines = sum(1 for line in text.split("\n") if line.strip())
    return lines >= MENU_LINES and words <= MENU_WORDS_PER_LINE * lines


def is_headline_like(text: str, words: int | None = None) -> bool:
    """A teaser headline's length and end: a few words, not a sentence (or a question), and no table row or
    list of figures ('Bavaria: Greens 12%, SPD 20%, CDU 38%', tab-separated cells)."""
    if "\t" in text or is_enumeration(text) or \
            len(_FIGURE_CHARS.findall(text)) >= DATA_SHARE * (len(text) - text.count(" ")):
        return False
    count = _words(text) if words is None else words
    if count < HEADLINE_WORDS[0]:  # scripts without spaces: one long 'word'
        return HEADLINE_CJK_CHARS[0] <= len(text) <= HEADLINE_CJK_CHARS[1] and text.rstrip()[-1] not in ".:;,"\
            and _CJK.search(text) is not None
    return count <= HEADLINE_WORDS[1] and text.rstrip()[-1] not in ".:;," and not text.isupper()


def relabel_dropped(lines: Sequence[Line], start: int, end: int, lang: str | None) -> None:
    """Name the dropped lines that the text-mode rules labelled only 'navigation' or 'other' (see the module doc).

    Changes `kind` and `reason` of removed lines only (never their label: what is kept stays as it is). Runs on
    every page, so the lines are picked by comprehensions and read by a few regex passes (line_kinds)."""
    weak = [line for line in lines if line.kind in WEAK_KINDS and line.label == "removed" and line.pages is None
            and not line.reason.startswith(_FIXED_REASONS)]
    weak += [line for line in lines[:start] if line.kind in _CONTROL_KINDS and line.words <= _CONTROL_WORDS
             and line.label == "removed" and line.pages is None]
    if not weak:
        return
    short = [line for line in weak if len(line.text) <= MAX_LINE_CHARS]  # controls, headings, dates: short lines
    found = {short[n].index: kind for n, kind in line_kinds([line.text for line in short], lang).items()}
    if len(short) < len(weak):  # a cookie banner's sentences
        long = [line for line in weak if len(line.text) > MAX_LINE_CHARS and line.kind == "other"]
        texts = [line.text for line in long]
        joined = "\n" + "\n".join(texts).lower() + "\n"  # (a newline at the end changes no contains match)
        named = _contains_lines(texts, joined, lang) | _line_kinds(texts, joined, _phrases(lang), False) \
            if texts else {}  # an opening phrase wins
        found.update((long[n].index, kind) for n, kind in named.items())
    for i, (kind, why) in found.items():
        line = lines[i]
        if kind in _NOT_FROM_TEXT or ((i >= start) if kind == "header" else (line.kind not in WEAK_KINDS)):
            continue  # header controls only above the article; a box's phrase kind ('Subscribe') only to header
        if kind == "header" and line.kind in _CONTROL_KINDS:
            _release_box(lines, i, line.kind)
        line.kind, line.reason = kind, why
    _teaser_lists(lines, [line.index for line in weak if (line.index < start or line.index >= end)
                          and line.kind in _LIST_KINDS])


def _release_box(lines: Sequence[Line], i: int, kind: str) -> None:
    """The short lines that the body rules put 'in a <kind> box' under a control now named header ('Log in'
    opened no paywall box: the menu entries below it are navigation)."""
    box = f"in a {kind} box"
    for line in lines[i + 1:]:
        if line.label != "removed" or line.kind != kind or line.reason != box:
            break
        line.kind, line.reason = "navigation", "short line below a header control"


def _teaser_lists(lines: Sequence[Line], outside: list[int]) -> None:
    """Teasers outside the article: two headline-like lines close together in a run of dropped lines, or one
    followed by its one-sentence summary. The lines between the headlines of a list, one line before its first and
    two after its last are its dates, authors and summaries when they look like such: all become 'related'. A
    headline that the body rules already put in a related box ('More from News' and its first item) counts."""
    low, high, cjk = HEADLINE_WORDS[0], HEADLINE_WORDS[1], HEADLINE_CJK_CHARS[0]
    heads = [i for i in outside  # is_headline_like, its spaced-script test written out (cheap tests first)
             if low <= (words := (line := lines[i]).words) <= high and (text := line.text).rstrip()[-1] not in ".:;,"
             and not text.isupper()
             or words < low and len(line.text) >= cjk and not line.text.isascii() and is_headline_like(line.text, words)]
    if not heads:
        return
    members = set(outside)
    boxed = [line.index for line in lines if line.kind == "related" and line.label == "removed"]
    if boxed:
        heads += [i for i in _near_all(heads, boxed) if is_headline_like(lines[i].text, lines[i].words)]
        heads.sort()
    chosen = {i for i in heads if i + 1 in members and _is_summary(lines[i + 1])}
    for a, b in zip(heads, heads[1:], strict=False):
        if b - a <= TEASER_GAP and all(line.label == "removed" for line in lines[a + 1:b]):
            chosen.update((a, b))
    spans: list[list[int]] = []
    for i in sorted(chosen):
        if spans and i - spans[-1][1] <= TEASER_GAP:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    reason = "teaser list outside the article region"
    for first, last in spans:
        for j in range(first - 1, last + TEASER_TAIL + 1):
            if j in members and (j in chosen or (line := lines[j]).words >= low or _teaser_part(line)):
                lines[j].kind, lines[j].reason = "related", reason


def _near_all(heads: list[int], boxed: list[int]) -> list[int]:
    """The (sorted) boxed lines within TEASER_GAP lines of a headline line: one merge of the two sorted lists.
    (Headlines out of order, from a control line renamed navigation, take _near's bisection as before.)"""
    if any(a > b for a, b in zip(heads, heads[1:], strict=False)):
        return [i for i in boxed if _near(heads, i)]
    out: list[int] = []
    k, n = 0, len(heads)
    for i in boxed:
        while k < n and heads[k] < i - TEASER_GAP:
            k += 1
        if k < n and heads[k] <= i + TEASER_GAP:
            out.append(i)
    return out


def _near(sorted_heads: list[int], i: int) -> bool:
    """Within TEASER_GAP lines of one of the (sorted) headline lines."""
    at = bisect_left(sorted_heads, i)
    return any(0 <= k < len(sorted_heads) and abs(sorted_heads[k] - i) <= TEASER_GAP for k in (at - 1, at))


def _is_summary(line: Line) -> bool:
    """A teaser's one-line summary: a sentence of some length."""
    return line.terminal and line.words >= SUMMARY_WORDS


def _teaser_part(line: Line) -> bool:
    """A teaser's date, author or summary line."""
    if line.kind == "date" or line.words >= HEADLINE_WORDS[0]:
        return True
    text = line.text
    return looks_like_name(text) or _CJK.search(text) is not None
