"""Language of a text from its prose lines, not from menus and link lists.

Function words first (cheap, for the languages with a phrases file); CLD2 (fliesstext.langid) when they do not
decide clearly (closely related languages such as da/no/sv, or any other language).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..knowledge import phrase_tokens, stopword_index
from ..langid import detect as detect_language
from .lines import Line

SAMPLE_CHARS = 240
SAMPLE_LINES = 3
DETECTOR_LINES = 9  # CLD2 is cheap: it gets a larger sample, so one English boilerplate line cannot outvote the prose
DETECTOR_CHARS = 1800
MIN_CHARS = 10
STOP_SAMPLE_TOKENS = 120  # tokens of the longest lines counted against the function-word lists
STOP_SAMPLE_CHARS = 1200  # more than STOP_SAMPLE_TOKENS tokens of any script: the rest of a line is not read
STOP_MIN_HITS = 8  # the best language needs this many function-word hits ...
STOP_MARGIN = 3.0  # ... and this many times the hits of the runner-up ...
STOP_SHARE = 0.15  # ... and make up this share of the sampled tokens (prose has 20-45 %)


def detect_lang(lines: Sequence[Line]) -> str | None:
    """Classify a sample taken from the SAMPLE_LINES longest lines (prose, not menus), SAMPLE_CHARS in all.

    Several lines, not one: the longest line may be a cookie banner in another language.
    """
    # = heapq.nlargest(DETECTOR_LINES, ..., key=len) (same order on ties), with the sort in C
    longest = sorted([line.text for line in lines], key=len, reverse=True)[:DETECTOR_LINES]
    by_words = _by_function_words(longest[:SAMPLE_LINES])
    if by_words is not None:
        return by_words
    share = DETECTOR_CHARS // max(1, len(longest))
    blob = " ".join(text[:share] for text in longest)
    if len(blob) < MIN_CHARS:
        return None
    lang, _ = detect_language(blob)
    return lang


def _by_function_words(texts: Sequence[str]) -> str | None:
    index = stopword_index()
    counts: dict[str, int] = {}
    sample: list[str] = []
    for text in texts:
        sample += phrase_tokens(text[:STOP_SAMPLE_CHARS])[:STOP_SAMPLE_TOKENS - len(sample)]
        if len(sample) >= STOP_SAMPLE_TOKENS:
            break
    seen = len(sample)
    for token, count in Counter(sample).items():  # Counter counts in C: the loop runs over distinct tokens
        for lang in index.get(token, ()):
            counts[lang] = counts.get(lang, 0) + count
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=counts.__getitem__)
    runner_up = ranked[1] if len(ranked) > 1 else 0
    clear = ranked[0] >= STOP_MIN_HITS and ranked[0] >= STOP_MARGIN * runner_up and ranked[0] >= STOP_SHARE * seen
    return best if clear else None
