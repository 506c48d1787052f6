"""Statistical language identification, shared by HTML and text mode: CLD2 (pycld2).

Measured here: py3langid's model costs ~100 MB resident (133 MB peak) once loaded; CLD2 costs ~2 MB and
classifies a 600-character sample in microseconds, and named every dev-set page's language that py3langid did
(zu / xh / sw included). Callers try cheap evidence first (declared language, function words) and come here
only when that does not decide.
"""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_ALIASES = {"iw": "he", "in": "id", "nb": "no", "nn": "no", "jw": "jv", "tl": "tl"}
MIN_CHARS = 20


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code or None, confidence 0..1) for a text sample."""
    if len(text) < MIN_CHARS:
        return None, 0.0
    import pycld2  # type: ignore[import-untyped]

    clean = _CONTROL.sub(" ", text)
    try:
        reliable, _, details = pycld2.detect(clean)
    except pycld2.error:
        return None, 0.0
    code, percent = details[0][1], details[0][2]
    if code in ("un", "xxx"):
        return None, 0.0
    code = _ALIASES.get(code, code).split("-")[0].lower()
    if len(code) != 2:
        return None, 0.0
    confidence = percent / 100.0 if reliable else percent / 200.0
    return code, confidence
