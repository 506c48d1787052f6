"""Markdown (CommonMark) rendering of an article dict. Text is escaped so it reads back as the same text."""
from __future__ import annotations

import re
from typing import Any

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """Escape characters CommonMark would read as markup: inline specials anywhere, block markers at line start."""
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    return "\n".join(_LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), line) for line in text.split("\n"))


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def _table(block: dict[str, Any]) -> str:
    rows = block.get("rows") or [[block.get("text", "")]]
    width = max(len(r) for r in rows) if rows else 1
    width = min(width, 50)
    lines = []
    for index, row in enumerate(rows):
        cells = [escape_markdown(c).replace("\n", " ") for c in list(row)[:width]] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def _block(block: dict[str, Any]) -> str:
    kind, text = block.get("kind"), escape_markdown(block.get("text", ""))
    if kind == "heading":
        level = min(max(int(block.get("level") or 2), 1), 6)
        return "#" * level + " " + text
    if kind == "list_item":
        indent = "  " * (max(int(block.get("depth") or 1), 1) - 1)
        return indent + ("1. " if block.get("ordered") else "- ") + text
    if kind == "quote":
        return "\n".join("> " + line for line in text.split("\n"))
    if kind == "code":
        fence = "````" if "```" in block.get("text", "") else "```"
        return f"{fence}\n{block.get('text', '')}\n{fence}"
    if kind == "table":
        return _table(block)
    return text


def render_markdown(record: dict[str, Any]) -> str:
    if "error" in record and "body" not in record:
        return f"<!-- failed: {record.get('input')}: {record.get('error')}: {record.get('message')} -->"
    parts: list[str] = []
    if record.get("kicker"):
        parts.append("*" + escape_markdown(record["kicker"]) + "*")
    if record.get("title"):
        parts.append("# " + escape_markdown(record["title"]))
    byline = ", ".join(record.get("authors") or [])
    info = " · ".join(x for x in (byline, record.get("date_published") or "", record.get("url") or "") if x)
    if info:
        parts.append("_" + escape_markdown(info) + "_")
    if record.get("teaser"):
        parts.append("**" + escape_markdown(record["teaser"]) + "**")
    body = record.get("body") or []
    lines: list[str] = []
    for index, block in enumerate(body):
        rendered = _block(block)
        tight = index and block.get("kind") == "list_item" and body[index - 1].get("kind") == "list_item"
        lines.append(("\n" if tight else "\n\n") + rendered if lines else rendered)
    if lines:
        parts.append("".join(lines))
    return "\n\n".join(parts) + "\n"
