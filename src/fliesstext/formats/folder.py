"""A folder of files, one per record (Markdown, text, HTML or JSON); failures as `<name>.failure.json`.

File names start with the 8-digit input ordinal, so they sort in input order and are the same on every run.
Each file is written atomically; `.fliesstext-journal` in the folder checkpoints progress for `--resume`,
which also deletes files at or past the checkpoint (they are written again), so no record appears twice.
"""
from __future__ import annotations

import os
import re
from typing import Any

from ..errors import OutputError
from ..run.journal import Journal, temp_name

_ORDINAL = re.compile(r"^(\d{8})-")


class FolderSink:
    def __init__(self, directory: str, fmt: str = "md", fingerprint: str = "", checkpoint_records: int = 200) -> None:
        if fmt not in ("md", "txt", "html", "json"):
            raise OutputError(f"folder output supports md, txt, html and json, not {fmt}")
        self.directory, self.encoding = directory, fmt
        self.journal = Journal(os.path.join(directory, ".fliesstext-journal"), fingerprint)
        self.checkpoint_records = checkpoint_records
        self.since_checkpoint = 0
        self.files_written: list[str] = []

    def open(self, resume: bool = False) -> int | None:
        os.makedirs(self.directory, exist_ok=True)
        state = self.journal.load() if resume else None
        if state is not None:
            self.journal.check(state)
            if state.complete:
                return None
        start = state.end if state else 0
        self._remove_from(start)
        self.journal.start(state)
        return start

    def _remove_from(self, start: int) -> None:
        for name in os.listdir(self.directory):
            match = _ORDINAL.match(name)
            stale_tmp = name.startswith(".") and ".tmp-" in name
            if (match and int(match.group(1)) >= start) or stale_tmp:
                os.remove(os.path.join(self.directory, name))

    def write(self, ordinal: int, payload: Any) -> None:
        name, data = payload
        final = os.path.join(self.directory, name)
        tmp = temp_name(final)
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, final)  # no per-file fsync: a killed process loses nothing the kernel has
        self.since_checkpoint += 1
        if self.since_checkpoint >= self.checkpoint_records:
            self._checkpoint(ordinal + 1)

    def _checkpoint(self, end: int) -> None:
        self.journal.append({"checkpoint": end})
        self.since_checkpoint = 0

    def close(self, end: int) -> None:
        self._checkpoint(end)
        self.journal.append({"complete": True, "end": end})
        self.journal.close()
        self.files_written = [self.directory]

    def abort(self) -> None:
        self.journal.close()

