"""What every input reader shares: the item type, ingest counters, lazy optional imports."""
from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from ..errors import InputError
from ..model import Failure, Page

Item = Page | Failure  # readers yield pages, or a Failure for an input record that could not become a page


@dataclass(slots=True)
class IngestStats:
    """Counts of what readers saw but did not turn into pages (non-HTML records, HTTP errors, ...)."""

    skipped: Counter[str] = field(default_factory=Counter)
    archives: int = 0
    truncated_archives: int = 0

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def merge(self, counts: dict[str, Any]) -> None:
        """Add counts reported as `to_dict()` (by a worker that read a record: warc_split.py)."""
        self.truncated_archives += int(counts.get("truncated_archives", 0))
        self.skipped.update(counts.get("skipped", {}))

    def to_dict(self) -> dict[str, object]:
        return {"archives": self.archives, "truncated_archives": self.truncated_archives,
                "skipped": dict(sorted(self.skipped.items()))}


def require(module: str, extra: str) -> ModuleType:
    """Import an optional dependency, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise InputError(f"{module.split('.')[0]} is needed for this: pip install 'fliesstext[{extra}]'") from err


def ingest_failure(input_ref: str, err: BaseException | str, error: str | None = None, id: str | None = None) -> Failure:
    message = err if isinstance(err, str) else (str(err) or repr(err))
    name = error or (type(err).__name__ if not isinstance(err, str) else "InputError")
    return Failure(input=input_ref, error=name, message=message, stage="ingest", id=id)
