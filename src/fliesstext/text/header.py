"""Title, kicker and teaser from the lines just before and at the start of the article region."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .classify import is_credit
from .lines import Line

TITLE_MAX_WORDS = 30
KICKER_MAX_WORDS = 10
TITLE_MAX_REPEATS = 4  # lines repeated more often are labels ("Article content"), not headlines
LOOKBACK = 25  # how many lines before the region may hold the title
_WORD = re.compile(r"\w+")
_KICKER_SPLIT = re.compile(r"^([^:.!?]{3,80}?):\s+(\S.*)$")


def _title_like(line: Line) -> bool:
    return (
        1 <= line.words <= TITLE_MAX_WORDS
        and line.bullet is None
        and line.phrase_kind is None
        and line.text[-1:] not in ".,;"
        and not line.text.isdigit()
    )


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) >= 4}


def find_title(lines: Sequence[Line], start: int, end: int) -> int | None:
    """Index of the headline among the lines above the region.

    Candidates are title-like lines (few words, no sentence end, no boilerplate phrase); the best shares
    the most words with the first paragraphs, is close to the body and is not a repeated label.
    """
    body_words: set[str] = set()
    for line in lines[start:min(end, start + 6)]:
        if line.label in ("paragraph", "teaser"):
            body_words |= _content_words(line.text)
    texts = [line.text for line in lines]
    best: tuple[float, int] | None = None
    for i in range(start - 1, max(-1, start - 1 - LOOKBACK), -1):
        line = lines[i]
        if line.label or not _title_like(line) or line.words < 2 or is_credit(line):
            continue
        seen = texts.count(line.text)  # list.count runs in C; only candidates are counted
        if seen > TITLE_MAX_REPEATS:
            continue
        words = _content_words(line.text)
        overlap = len(words & body_words) / len(words) if words else 0.0
        score = 3 * overlap - 0.03 * (start - i) + (0.8 if 5 <= line.words <= 25 else 0.0)
        score += 0.6 if seen >= 2 else 0.0  # headlines recur (breadcrumb, share box, related list)
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def split_kicker(title: str) -> tuple[str | None, str]:
    """'Kicker: Title' -> (kicker, title) when the part before the colon is a short label-like phrase."""
    match = _KICKER_SPLIT.match(title)
    if not match:
        return None, title
    kicker, rest = match.group(1).strip(), match.group(2).strip()
    if len(kicker.split()) > KICKER_MAX_WORDS or len(rest.split()) < 2:
        return None, title
    return kicker, rest


def find_kicker(lines: Sequence[Line], title_index: int) -> int | None:
    """A short line right above the headline, without sentence punctuation, is its kicker (dachzeile)."""
    if title_index == 0:
        return None
    line = lines[title_index - 1]
    if line.label or line.phrase_kind or line.bullet or line.terminal or not 1 <= line.words <= KICKER_MAX_WORDS:
        return None
    if is_credit(line) or any(ch.isdigit() for ch in line.text[:2]):
        return None
    if line.indent > lines[title_index].indent + 4:
        return None
    return title_index - 1
