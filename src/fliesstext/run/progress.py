"""A rich progress display (pages, pages/s, failures, ETA) on stderr, refreshed from the main loop.

No refresh thread: the run loop calls `update` and the display redraws at most every 0.2 s, which keeps the
parent single-threaded apart from the pool's feeder threads.
"""
from __future__ import annotations

import time
from typing import Any


class RunProgress:
    def __init__(self, total: int | None = None, enabled: bool = True) -> None:
        self.enabled = enabled
        self.total = total
        self.started = time.monotonic()
        self.last = 0.0
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> RunProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(
                TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} pages/s"), TextColumn("{task.fields[failures]} failed"),
                TimeRemainingColumn(), console=Console(stderr=True), auto_refresh=False, transient=False)
            self.task = self.progress.add_task("extract", total=self.total, rate="0.0", failures=0)
            self.progress.start()
        return self

    def update(self, done: int, failures: int, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        self.progress.update(self.task, completed=done, rate=f"{rate:.1f}", failures=failures)
        self.progress.refresh()

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()
