"""Record encoders: what a worker sends back for each page, chosen by the output format.

Encoding happens in the worker so the parent process only moves bytes: `jsonl` gives one UTF-8 line,
`dict` gives the record dict (Parquet rows), `md`/`txt`/`html` give (file name, rendered bytes), `article`
gives the Article or Failure object itself (library use).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..model import Article, Failure

Encoder = Callable[[Article | Failure, int], Any]
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def record_dict(result: Article | Failure) -> dict[str, Any]:
    return result.to_dict()


@lru_cache(maxsize=1)
def _orjson() -> Any:
    """orjson if installed (7x faster here; the same bytes as json.dumps below for records, which hold no floats)."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def encode_jsonl(result: Article | Failure, ordinal: int) -> bytes:
    record = result.to_dict()
    fast = _orjson()
    if fast is not None:
        try:
            return bytes(fast.dumps(record, option=fast.OPT_APPEND_NEWLINE))
        except TypeError:  # lone surrogates, ints beyond 64 bits: the standard library decides (and says why)
            pass
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def encode_dict(result: Article | Failure, ordinal: int) -> dict[str, Any]:
    return result.to_dict()


def encode_object(result: Article | Failure, ordinal: int) -> Article | Failure:
    return result


def file_stem(result: Article | Failure, ordinal: int) -> str:
    """A stable, safe file name: the ordinal (unique, sortable) plus a hint from the id or URL."""
    hint = (result.id or "") if isinstance(result, Failure) else (result.url or result.id or "")
    hint = _UNSAFE.sub("-", hint.rsplit("/", 1)[-1] if "://" not in hint else hint.split("://", 1)[1])
    return f"{ordinal:08d}-{hint.strip('-.')[:60]}".rstrip("-")


def _encode_file(fmt: str) -> Encoder:
    def encode(result: Article | Failure, ordinal: int) -> tuple[str, bytes]:
        stem = file_stem(result, ordinal)
        if isinstance(result, Failure):
            return f"{stem}.failure.json", json.dumps(result.to_dict(), ensure_ascii=False, indent=1).encode()
        from ..formats import get_formatter

        formatter = get_formatter(fmt)
        return f"{stem}.{formatter.extension}", (formatter.render(result.to_dict()) + "\n").encode("utf-8")

    return encode


def get_encoder(name: str) -> Encoder:
    if name == "jsonl":
        return encode_jsonl
    if name == "dict":
        return encode_dict
    if name == "article":
        return encode_object
    if name in ("md", "txt", "html", "json"):
        return _encode_file(name)
    raise ValueError(f"unknown record encoding {name!r}")
