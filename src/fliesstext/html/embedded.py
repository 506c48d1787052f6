"""Article text that exists only in embedded data: JSON-LD articleBody, JSON scripts (__NEXT_DATA__ and the
like) and Next.js flight data (self.__next_f.push). Used when the visible DOM yields (almost) nothing."""
from __future__ import annotations

import json
import re
from typing import Any

from ..parse import ParsedPage

_PARAGRAPH = re.compile(r"<p[\s>].*?</p>", re.S | re.I)
_FLIGHT_TEXT = re.compile(r"(?:^|\n)[0-9a-f]+:T[0-9a-f]+,")  # a Next.js flight text chunk header
_MAX_GAP = 3000  # characters between two <p> elements of the same article
_MIN_STRING = 400  # plain-text JSON strings shorter than this are not article bodies


def _json_strings(data: Any, out: list[str]) -> None:
    """Every string value in a JSON document, without recursion."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if len(item) >= _MIN_STRING or "<p" in item:
                out.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _flight_payload(raw: str) -> str | None:
    start, end = raw.find("("), raw.rfind(")")
    try:
        value = json.loads(raw[start + 1:end])
    except ValueError:
        return None
    if isinstance(value, list) and len(value) > 1 and isinstance(value[1], str):
        return value[1]
    return None


def embedded_texts(page: ParsedPage) -> list[str]:
    """Candidate strings (HTML fragments or plain text) from the page's embedded data."""
    out: list[str] = []
    flight: list[str] = []
    for key, raw in page.json_scripts:
        if key == "__next_f":
            payload = _flight_payload(raw)
            if payload:
                flight.append(payload)
            continue
        try:
            _json_strings(json.loads(raw, strict=False), out)
        except ValueError:
            continue
    if flight:
        out.append("".join(flight))
    return out


def best_html_fragment(texts: list[str]) -> str | None:
    """The run of <p> elements (gaps under _MAX_GAP) with the most characters, over all candidate strings."""
    best, best_size = None, 0
    for text in texts:
        if "<p" not in text:
            continue
        start = end = -1
        size = 0
        for match in _PARAGRAPH.finditer(text):
            if start >= 0 and match.start() - end > _MAX_GAP:
                if size > best_size:
                    best, best_size = text[start:end], size
                start, size = -1, 0
            if start < 0:
                start = _chunk_start(text, match.start())
            end = match.end()
            size += end - match.start()
        if start >= 0 and size > best_size:
            best, best_size = text[start:end], size
    return best


def _chunk_start(text: str, start: int) -> int:
    """Back up to the start of the flight text chunk holding `start`, so wrapping tags (figure, caption) are kept."""
    window = text[max(0, start - _MAX_GAP):start]
    headers = list(_FLIGHT_TEXT.finditer(window))
    return start - len(window) + headers[-1].end() if headers else start


def article_body_text(page: ParsedPage) -> str | None:
    """The longest JSON-LD articleBody (plain text)."""
    best = ""
    for item in page.jsonld:
        body = item.get("articleBody")
        if isinstance(body, str) and len(body) > len(best):
            best = body
    return best.strip() or None


def plain_paragraphs(text: str) -> list[str]:
    parts = re.split(r"\n\s*\n|\r?\n", text) if "\n" in text else [text]
    return [" ".join(p.split()) for p in parts if p.strip()]
