"""Bytes -> str, the one decoding path: BOM, then UTF-8 if the bytes are valid UTF-8, then the declared charset
(HTTP header, then <meta>), then a detector (charset-normalizer).

A declared charset is trusted only if the bytes really decode with it; undecodable bytes never raise:
the last resort is UTF-8 with replacement characters, and a warning says so.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
# WHATWG: these labels mean windows-1252 etc. in browsers
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
            "gb2312": "gb18030", "gbk": "gb18030", "x-sjis": "shift_jis", "iso-8859-9": "cp1254", "tis-620": "cp874"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def _normalise(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (`<meta charset>` or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return _normalise(match.group(1).decode("ascii", "ignore")) if match else None


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, http_charset: str | None = None) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(encoding, errors="replace"), encoding)
    declared = [c for c in (_normalise(http_charset), declared_charset(data)) if c]
    if declared and declared[0].startswith(("utf-16", "utf-32")):
        text = _try(data, declared[0])
        if text is not None:
            return Decoded(text, declared[0])
    # Valid UTF-8 is UTF-8: legacy-encoded text almost never validates by chance, while pages that say
    # iso-8859-1 / gb2312 but were re-encoded (or served) as UTF-8 are common. Single-byte charsets such as
    # cp1252 decode any bytes, so trying them first would turn such pages into mojibake.
    for candidate in ["utf-8", *declared]:
        text = _try(data, candidate)
        if text is not None:
            return Decoded(text, candidate)
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        text = _try(data, best.encoding)
        if text is not None:
            return Decoded(text, best.encoding, f"charset guessed as {best.encoding}")
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "undecodable bytes replaced")
