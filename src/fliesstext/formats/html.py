"""A small, clean HTML5 document per article: headline, teaser, typed body blocks. All text escaped."""
from __future__ import annotations

from html import escape
from typing import Any


def _table(block: dict[str, Any]) -> str:
    rows = block.get("rows") or [[block.get("text", "")]]
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{body}</table>"


def _blocks(blocks: list[dict[str, Any]]) -> str:
    out: list[str] = []
    open_lists: list[str] = []
    for block in blocks:
        kind, text = block.get("kind"), escape(block.get("text", ""))
        depth = int(block.get("depth") or 1) if kind == "list_item" else 0
        while len(open_lists) > depth:
            out.append(f"</{open_lists.pop()}>")
        while kind == "list_item" and len(open_lists) < depth:
            tag = "ol" if block.get("ordered") else "ul"
            open_lists.append(tag)
            out.append(f"<{tag}>")
        if kind == "heading":
            level = min(max(int(block.get("level") or 2), 1), 6)
            out.append(f"<h{level}>{text}</h{level}>")
        elif kind == "list_item":
            out.append(f"<li>{text}</li>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{text}</p></blockquote>")
        elif kind == "code":
            out.append(f"<pre><code>{text}</code></pre>")
        elif kind == "table":
            out.append(_table(block))
        else:
            out.append(f"<p>{text}</p>")
    out.extend(f"</{tag}>" for tag in reversed(open_lists))
    return "\n".join(out)


def render_html(record: dict[str, Any]) -> str:
    if "error" in record and "body" not in record:
        return f"<!-- failed: {escape(str(record.get('input')))}: {escape(str(record.get('message')))} -->"
    lang = escape(record.get("lang") or "")
    head = f"<meta charset=\"utf-8\"><title>{escape(record.get('title') or '')}</title>"
    parts = [f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head>{head}</head><body><article>"]
    if record.get("kicker"):
        parts.append(f"<p class=\"kicker\">{escape(record['kicker'])}</p>")
    if record.get("title"):
        parts.append(f"<h1>{escape(record['title'])}</h1>")
    if record.get("teaser"):
        parts.append(f"<p class=\"teaser\"><strong>{escape(record['teaser'])}</strong></p>")
    parts.append(_blocks(record.get("body") or []))
    parts.append("</article></body></html>")
    return "\n".join(parts)
