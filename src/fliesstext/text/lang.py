"""Language of a text from its prose lines (py3langid), not from menus and link lists."""
from __future__ import annotations

import heapq
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .lines import Line

SAMPLE_CHARS = 300
SAMPLE_LINES = 3
MIN_CHARS = 10


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def detect_lang(lines: Sequence[Line]) -> str | None:
    """Classify a sample taken from the SAMPLE_LINES longest lines (prose, not menus), SAMPLE_CHARS in all.

    Several lines, not one: the longest line may be a cookie banner in another language.
    """
    longest = heapq.nlargest(SAMPLE_LINES, lines, key=lambda line: len(line.text))
    share = SAMPLE_CHARS // max(1, len(longest))
    blob = " ".join(line.text[:share] for line in longest)
    if len(blob) < MIN_CHARS:
        return None
    lang, _ = _identifier().classify(blob)
    return str(lang)
