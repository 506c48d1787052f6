"""run_batch: pages in, exactly one record out per page, in input order, on a pool of worker processes.

Memory stays constant: inputs are pulled lazily, at most `window` records are between "read" and "written",
and results are written as soon as the records before them are. Output order = input order makes resuming
exact: the sink's journal says "every input before N is written", and a resumed run skips those N.
"""
from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from ..ingest.base import IngestStats, Item
from ..model import Failure
from ..options import DEFAULT_OPTIONS, Options
from . import templates_io
from .encode import get_encoder
from .pool import WorkerPool, default_workers
from .progress import RunProgress
from .stats import Stats


class Sink(Protocol):
    encoding: str
    files_written: list[str]

    def open(self, resume: bool = False) -> int | None: ...
    def write(self, ordinal: int, payload: Any) -> None: ...
    def close(self, end: int) -> None: ...
    def abort(self) -> None: ...


PageSource = Iterable[Item] | Callable[[int], Iterable[Item]]


class RunStopped(Exception):
    """stop_on_failure: the run stopped at this failure (committed parts stay, for --resume)."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt("SIGTERM")  # the same clean stop as Ctrl-C: committed files stay for --resume


def run_batch(pages: PageSource, sink: Sink, options: Options = DEFAULT_OPTIONS, *, workers: int | None = None,
              page_timeout: float | None = 60.0, max_worker_memory: int | None = None, resume: bool = False,
              progress: bool = False, total: int | None = None, ingest_stats: IngestStats | None = None,
              stats_path: str | None = None, window: int | None = None, stop_on_failure: bool = False,
              templates_dir: str | None = None) -> Stats:
    """Extract every page into `sink`. `pages` may be a callable taking the first ordinal still to do (so a
    resumed run can skip expensive work such as fetching URLs); skipped items must still be yielded.
    Per-host templates: every page of a host goes to the same worker, which learns the host's template (unless
    options.learn_templates is False), starting from the ones saved in `templates_dir` if given; at the end of a
    complete run what the workers learned is merged and saved back there."""
    started, cpu_started = time.monotonic(), time.process_time()
    stats = Stats(workers=workers or default_workers())
    start = sink.open(resume=resume)
    if start is None:  # an earlier run finished this output
        stats.complete = stats.already_done = True
        return stats
    stats.resumed_from = start
    items = pages(start) if callable(pages) else pages
    pool = WorkerPool(stats.workers, options, sink.encoding, page_timeout, max_worker_memory,
                      templates_dir=templates_dir)
    pool.save_dir = templates_io.start(templates_dir, options)
    window = window or max(512, stats.workers * 128)
    previous = _install_sigterm()
    try:
        pool.start()
        with RunProgress(total - start if total else None, enabled=progress) as bar:
            end = _loop(iter(items), start, pool, sink, stats, bar, window, stop_on_failure, ingest_stats)
        pool.close()
        templates_io.finish(templates_dir, pool.save_dir)
        sink.close(end)
    except BaseException:
        pool.kill()
        templates_io.finish(templates_dir, pool.save_dir, save=False)
        sink.abort()
        raise
    finally:
        _restore_sigterm(previous)
        stats.wall_s = time.monotonic() - started
        stats.parent_cpu_s = time.process_time() - cpu_started
        stats.timeouts, stats.crashes = pool.counters.timeouts, pool.counters.crashes
        stats.recycled = pool.counters.recycled
        stats.ingest = ingest_stats.to_dict() if ingest_stats is not None else {}
        stats.outputs = list(sink.files_written)
        if stats_path:
            stats.write(stats_path)
    stats.complete = True
    if stats_path:
        stats.write(stats_path)
    return stats


def _loop(items: Iterator[Item], start: int, pool: WorkerPool, sink: Sink, stats: Stats, bar: RunProgress,
          window: int, stop_on_failure: bool, ingest: IngestStats | None = None) -> int:
    encode = get_encoder(sink.encoding)
    pending: dict[int, tuple[Any, dict[str, Any]]] = {}
    next_read = next_write = start
    skipped = 0
    exhausted = False
    while True:
        while not exhausted and pool.free_slots() > 0 and next_read - next_write < window:
            t0 = time.monotonic()
            item = next(items, None)
            stats.ingest_s += time.monotonic() - t0
            if item is None:
                exhausted = True
            elif skipped < start:  # done by an earlier run
                skipped += 1
            elif isinstance(item, Failure):
                pending[next_read] = (encode(item, next_read), {"t": 0.0, "error": item.error})
                next_read += 1
            else:
                pool.submit(next_read, item)
                next_read += 1
        next_write = _flush(pending, next_write, sink, stats, stop_on_failure, ingest)
        bar.update(stats.records, stats.failures)
        if exhausted and next_write == next_read:
            bar.update(stats.records, stats.failures, force=True)
            return next_write
        if pool.in_flight():
            for ordinal, payload, info in pool.poll(0.5):
                pending[ordinal] = (payload, info)


def _flush(pending: dict[int, tuple[Any, dict[str, Any]]], next_write: int, sink: Sink, stats: Stats,
           stop_on_failure: bool, ingest: IngestStats | None = None) -> int:
    """Write the results that are next in input order. A payload of None is an input record that turned out not
    to be a page (a worker skipped it): nothing is written, its reason is counted with the ingest stats."""
    t0 = time.monotonic()
    while next_write in pending:
        payload, info = pending.pop(next_write)
        if ingest is not None and info.get("ingest"):
            ingest.merge(info["ingest"])
        if payload is None:
            next_write += 1
            continue
        if stop_on_failure and info.get("error"):
            raise RunStopped(f"input #{next_write}: {info['error']}")
        sink.write(next_write, payload)
        stats.add(info)
        next_write += 1
    stats.write_s += time.monotonic() - t0
    return next_write


def _install_sigterm() -> Any:
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread
        return None


def _restore_sigterm(previous: Any) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except ValueError:
            pass
