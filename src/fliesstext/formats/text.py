"""Plain text: the title, then what a reader reads (`text`)."""
from __future__ import annotations

from typing import Any


def render_text(record: dict[str, Any]) -> str:
    if "error" in record and "body" not in record:
        return f"[failed: {record.get('input')}: {record.get('error')}: {record.get('message')}]\n"
    head = "\n".join(x for x in (record.get("kicker"), record.get("title")) if x)
    return "\n\n".join(x for x in (head, record.get("text") or "") if x) + "\n"
