"""The progress journal that makes `--resume` exact: which output parts are complete, up to which input.

Output is written in input order, so the state is one number: every input record before `end` is in a
committed part. A part is committed by (1) writing it to a temporary file, (2) fsync + os.replace to its final
name, (3) appending its line to the journal (fsync). A crash between (2) and (3) leaves a part the journal does
not know: `resume` deletes it and redoes its records, so nothing is lost and nothing is written twice.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from ..errors import OutputError

JOURNAL_VERSION = 1


@dataclass(slots=True)
class JournalState:
    parts: list[dict[str, Any]] = field(default_factory=list)
    end: int = 0  # every input ordinal below this is in a committed part
    complete: bool = False
    fingerprint: str | None = None


class Journal:
    """Append-only JSON Lines file: a header, then one line per committed part or checkpoint."""

    def __init__(self, path: str, fingerprint: str = "") -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._handle: Any = None

    def load(self) -> JournalState | None:
        """The state recorded by an earlier run, or None if there is no journal. A torn last line is ignored."""
        try:
            with open(self.path, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError:
            return None
        state = JournalState()
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                break  # torn write at a crash: everything after it never happened
            _apply(state, entry)
        return state

    def check(self, state: JournalState) -> None:
        if self.fingerprint and state.fingerprint and state.fingerprint != self.fingerprint:
            raise OutputError(f"{self.path} belongs to a different run (other inputs, format or shard size); "
                              "remove it or run without --resume")

    def start(self, state: JournalState | None = None) -> None:
        """Open for appending; a fresh journal (no state) gets a header line."""
        if state is None:
            self._handle = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
            self.append({"journal": JOURNAL_VERSION, "fingerprint": self.fingerprint})
        else:
            self._handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115

    def append(self, entry: dict[str, Any]) -> None:
        if self._handle is None:
            raise OutputError("journal is not open")
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def remove(self) -> None:
        self.close()
        try:
            os.remove(self.path)
        except FileNotFoundError:
            pass


def _apply(state: JournalState, entry: dict[str, Any]) -> None:
    if "journal" in entry:
        state.fingerprint = entry.get("fingerprint")
    elif "part" in entry:
        state.parts.append(entry)
        state.end = int(entry["end"])
    elif "checkpoint" in entry:
        state.end = int(entry["checkpoint"])
    elif entry.get("complete"):
        state.complete = True
        state.end = int(entry.get("end", state.end))


def atomic_replace(tmp: str, final: str) -> None:
    """fsync the finished temporary file, then rename it over the final name (readers never see half a file)."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, final)


def temp_name(final: str) -> str:
    directory, name = os.path.split(final)
    return os.path.join(directory, f".{name}.tmp-{os.getpid()}")
