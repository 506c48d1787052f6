"""Small string helpers shared by the meta extractors."""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Any
from urllib.parse import urljoin, urlsplit

# An absolute http(s) URL with a host and no query, fragment, params or whitespace: urljoin returns it as is.
_PLAIN_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9._~:%+\-=&,!$'()*@][A-Za-z0-9._~:/%+\-=&,!$'()*@]*\Z")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")  # not the joiners U+200C/U+200D: spelling


def clean(value: Any) -> str:
    """NFC, entities decoded, invisible characters dropped, whitespace collapsed."""
    if not isinstance(value, str):
        return ""
    if "&" in value:
        value = html.unescape(value)
    if not value.isascii():  # invisible characters and composed forms are never ASCII
        if _INVISIBLE.search(value):
            value = _INVISIBLE.sub("", value)
        if not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
    return " ".join(value.split())  # str.split() and re's \s agree on what whitespace is


def node_text(node: Any, separator: str = "") -> str:
    """The visible text of a node: inline text kept as written, whitespace collapsed."""
    if node is None:
        return ""
    return clean(node.text(deep=True, separator=separator) or "")


def fold(text: str) -> str:
    """Comparison key: casefolded, quotes unified, whitespace collapsed."""
    return " ".join(_QUOTE.sub('"', text).split()).casefold()


_QUOTE_CHARS = "„“”«»‘’‚‹›'`´「」『』"
_QUOTE = re.compile(f"[{_QUOTE_CHARS}]")


def absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if url.startswith("data:"):
        return None
    if base:
        if _PLAIN_ABSOLUTE.match(url):
            return url  # what urljoin would return, without its two parses
        try:
            return urljoin(base, url)
        except ValueError:
            return url
    return url


def host_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def first_str(value: Any) -> str:
    """A JSON-LD value that may be a string, a list of strings or an object with a name/@value."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        for item in value:
            text = first_str(item)
            if text:
                return text
        return ""
    if isinstance(value, dict):
        return first_str(value.get("name") or value.get("@value") or value.get("text"))
    return ""
