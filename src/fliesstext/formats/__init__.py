"""Output formats: one small Formatter per format behind one registry.

A formatter turns one record (an article dict from Article.to_dict(), or a failure dict from Failure.to_dict())
into a string. `join` says how several records are put together in one stream.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import UnsupportedFormatError
from .html import render_html
from .jsonl import render_json, render_jsonl
from .markdown import render_markdown
from .text import render_text

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Formatter:
    name: str
    render: Callable[[Record], str]
    separator: str  # between records in one stream
    extension: str


FORMATTERS: dict[str, Formatter] = {
    "json": Formatter("json", render_json, "\n", "json"),
    "jsonl": Formatter("jsonl", render_jsonl, "\n", "jsonl"),
    "md": Formatter("md", render_markdown, "\n\n---\n\n", "md"),
    "txt": Formatter("txt", render_text, "\n\n---\n\n", "txt"),
    "html": Formatter("html", render_html, "\n", "html"),
}
STREAM_FORMATS = ("json", "jsonl", "md", "txt", "html")


def get_formatter(name: str) -> Formatter:
    try:
        return FORMATTERS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATTERS))
        raise UnsupportedFormatError(f"unknown output format {name!r} (known: {known})") from None


def is_failure(record: Record) -> bool:
    return "error" in record and "body" not in record
