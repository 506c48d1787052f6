"""Language (ISO 639-1): declared by the page (<html lang>, content-language, og:locale, JSON-LD
inLanguage), checked with CLD2 (fliesstext.langid) on the headline and first paragraphs when missing or when the
detector disagrees with high confidence."""
from __future__ import annotations

import re

from ..langid import detect as detect_language
from ..parse import ParsedPage
from ._scan import PageNodes
from ._text import clean
from .jsonld import JsonLd
from .knowledge import lang_rules

_WORD = re.compile(r"\w+")
_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "zh_cn": "zh", "ger": "de",
            "deu": "de", "eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "por": "pt", "nld": "nl"}
_SAMPLE_CHARS = 600
_MIN_SAMPLE_CHARS = 200
_NON_LATIN = frozenset({"ar", "fa", "ur", "he", "yi", "ru", "uk", "bg", "mk", "be", "sr", "el", "zh", "ja", "ko", "hi",
                        "mr", "ne", "bn", "pa", "gu", "ta", "te", "kn", "ml", "si", "th", "lo", "km", "my", "ka",
                        "hy", "am", "kk", "ky", "mn", "tg"})
_CLOSE = {frozenset({"no", "da"}), frozenset({"no", "nn"}), frozenset({"ms", "id"}), frozenset({"hr", "sr"}),
          frozenset({"bs", "hr"}), frozenset({"bs", "sr"}), frozenset({"kl", "da"}), frozenset({"gl", "pt"}),
          frozenset({"ca", "es"}), frozenset({"zu", "xh"})}


def normalise_code(value: str | None) -> str | None:
    if not value:
        return None
    match = _CODE.match(value.strip())
    if not match:
        return None
    code = match.group(1).lower()
    code = _ALIASES.get(code, code)
    return code if len(code) == 2 else None


def detect(text: str) -> tuple[str | None, float]:
    code, confidence = detect_language(text)
    return normalise_code(code), confidence


def _sample(nodes_: PageNodes, title: str | None) -> str:
    parts = [title or ""]
    size = 0
    for node in nodes_.paragraphs:
        text = clean(node.text(deep=True))
        if len(text) >= 40:
            parts.append(text)
            size += len(text)
            if size >= _SAMPLE_CHARS:
                break
    return " ".join(parts)[: _SAMPLE_CHARS + 300]


def _confirmed(declared: str, sample: str) -> bool:
    """True when the sample is full of the declared language's function words (no detector needed)."""
    rules = lang_rules()
    words = rules.confirm_words.get(declared)
    if not words:
        return False
    tokens = _WORD.findall(sample.casefold())
    return bool(tokens) and sum(1 for t in tokens if t in words) >= rules.confirm_share * len(tokens)


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for ch in letters if ch <= "\u024f") / len(letters)


def _plausible(declared: str, title: str | None) -> bool:
    """False when the declaration is a common CMS default ("en") or the headline's script contradicts it."""
    if declared == "en":
        return False
    if not title:
        return True
    latin = _latin_share(title) >= 0.5
    return latin != (declared in _NON_LATIN)


def extract_lang(page: ParsedPage, ld: JsonLd, title: str | None, nodes_: PageNodes,
                 default: str | None = None) -> str | None:
    declared = (normalise_code(page.html_lang) or normalise_code(page.meta_first("content-language"))
                or normalise_code(_ld_lang(ld)) or normalise_code(page.meta_first("og:locale"))
                or normalise_code(page.meta_first("language")))
    if declared and _plausible(declared, title):
        return declared
    sample = _sample(nodes_, title)
    if declared and (len(sample) < _MIN_SAMPLE_CHARS or _confirmed(declared, sample)):
        return declared
    found, prob = detect(sample)
    if declared is None:
        return found or default
    if found and found != declared and prob >= lang_rules().override_prob and frozenset({found, declared}) not in _CLOSE:
        return found
    return declared


def _ld_lang(ld: JsonLd) -> str | None:
    value = ld.get("inLanguage")
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
    return value if isinstance(value, str) else None
