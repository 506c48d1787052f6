"""JSON (one pretty record) and JSON Lines (one compact record per line)."""
from __future__ import annotations

import json
from typing import Any


def render_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1)


def render_jsonl(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
