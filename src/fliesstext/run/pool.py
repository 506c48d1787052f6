"""A process pool that survives its pages: per-page wall-clock limits, crash and memory recycling.

Each worker has its own pipe and a short FIFO of tasks (prefetch, so it never waits for the parent). The head
task of a worker started when the previous one finished, so the parent knows every page's start time without
extra messages. A worker past the page time limit is killed (SIGKILL) and replaced: its head page becomes a
PageTimeoutError failure, the pages queued behind it go to other workers. A worker that dies (segfault, OOM
kill) is replaced the same way; one that reports it grew past the memory cap exits by itself and is replaced.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import select
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..model import Failure, Page
from ..options import Options
from .encode import get_encoder
from .worker import worker_main

Result = tuple[int, Any, dict[str, Any]]


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    outbox: queue.SimpleQueue[Any]
    feeder: threading.Thread
    tasks: deque[tuple[int, Page]] = field(default_factory=deque)
    head_since: float = 0.0
    retiring: bool = False
    readable: Any = None  # a select.poll on the pipe alone: "another result waiting?" in one syscall


def _conn_poller(conn: Connection) -> Any:
    if not hasattr(select, "poll"):
        return None
    poller = select.poll()
    poller.register(conn.fileno(), select.POLLIN)
    return poller


def _feed(conn: Connection, outbox: queue.SimpleQueue[Any]) -> None:
    """Send tasks from a thread: a worker busy sending a big result never blocks the parent's loop.
    The main thread closes the connection, after this thread has ended (see WorkerPool._retire)."""
    while True:
        task = outbox.get()
        try:
            conn.send(task)
        except (OSError, ValueError):  # the worker is gone: drop tasks until the None that ends this thread
            pass
        if task is None:
            return


@dataclass(slots=True)
class PoolCounters:
    timeouts: int = 0
    crashes: int = 0
    recycled: int = 0
    started: int = 0


class WorkerPool:
    def __init__(self, workers: int, options: Options, encoding: str, page_timeout: float | None = 60.0,
                 max_memory: int | None = None, prefetch: int = 2, start_method: str | None = None,
                 templates_dir: str | None = None) -> None:
        self.size = max(1, workers)
        self.options, self.encoding = options, encoding
        self.page_timeout, self.max_memory, self.prefetch = page_timeout, max_memory, max(1, prefetch)
        self.templates_dir = templates_dir
        method = start_method or ("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self.ctx: Any = multiprocessing.get_context(method)
        self.workers: list[_Worker] = []
        self.retry: deque[tuple[int, Page]] = deque()
        self.encode = get_encoder(encoding)
        self.counters = PoolCounters()
        self._poller: Any = None  # select.poll over every worker's pipe and sentinel, rebuilt when workers change
        self._polled: list[int] = []

    def start(self) -> None:
        if self.ctx.get_start_method() == "fork":
            _warm_up(self.options)
        while len(self.workers) < self.size:
            self.workers.append(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(target=worker_main, args=(child, self.options, self.encoding, self.max_memory, self.templates_dir),
                                   daemon=True, name="fliesstext-worker")
        process.start()
        child.close()
        self.counters.started += 1
        outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        feeder = threading.Thread(target=_feed, args=(parent, outbox), daemon=True, name="fliesstext-feed")
        feeder.start()
        return _Worker(process, parent, outbox, feeder, readable=_conn_poller(parent))

    # ---- submitting
    def free_slots(self) -> int:
        return sum(self.prefetch - len(w.tasks) for w in self.workers) - len(self.retry)

    def in_flight(self) -> int:
        return sum(len(w.tasks) for w in self.workers) + len(self.retry)

    def submit(self, ordinal: int, page: Page) -> None:
        self.retry.append((ordinal, page))
        self._dispatch()

    def _dispatch(self) -> None:
        while self.retry:
            worker = min(self.workers, key=lambda w: len(w.tasks))
            if len(worker.tasks) >= self.prefetch:
                return
            task = self.retry.popleft()
            if not worker.tasks:
                worker.head_since = time.monotonic()
            worker.tasks.append(task)
            worker.outbox.put(task)

    # ---- collecting
    def poll(self, timeout: float) -> list[Result]:
        """Results that arrived within `timeout` seconds (failures for timed-out or crashed pages included)."""
        deadline_wait = self._next_deadline()
        wait_for = timeout if deadline_wait is None else max(0.0, min(timeout, deadline_wait))
        ready = self._wait(wait_for)
        results: list[Result] = []
        for worker in list(self.workers):
            if worker.conn.fileno() in ready:
                self._receive(worker, results)
        for worker in list(self.workers):
            if worker.process.sentinel in ready or worker.retiring:
                self._handle_exit(worker, results)
        self._check_timeouts(results)
        self._dispatch()
        return results

    def _wait(self, timeout: float) -> set[int]:
        """File descriptors (pipes, sentinels) ready within `timeout` s. One poll object for the run, not a new
        selector per call (multiprocessing's wait() builds one each time: a third of the parent's loop)."""
        fds = [fd for w in self.workers for fd in (w.conn.fileno(), w.process.sentinel)]
        if not hasattr(select, "poll"):
            handles: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
            return {h if isinstance(h, int) else h.fileno() for h in wait(handles, timeout)}
        if self._poller is None or fds != self._polled:
            self._poller, self._polled = select.poll(), fds
            for fd in fds:
                self._poller.register(fd, select.POLLIN)
        return {fd for fd, _ in self._poller.poll(max(0, int(timeout * 1000 + 0.999)))}

    @staticmethod
    def _has_result(worker: _Worker) -> bool:
        if worker.readable is None:
            return bool(worker.conn.poll())
        return bool(worker.readable.poll(0))

    def _receive(self, worker: _Worker, results: list[Result]) -> None:
        try:
            while self._has_result(worker):
                ordinal, payload, info = worker.conn.recv()
                if worker.tasks and worker.tasks[0][0] == ordinal:
                    worker.tasks.popleft()
                worker.head_since = time.monotonic()
                results.append((ordinal, payload, info))
                if info.get("recycle"):
                    worker.retiring = True
                    break
        except (EOFError, OSError):
            pass

    def _handle_exit(self, worker: _Worker, results: list[Result]) -> None:
        if worker.retiring:
            worker.process.join(5)
            self.counters.recycled += 1
        else:
            worker.process.join(0.1)
            if worker.process.is_alive():
                return
            self._receive(worker, results)
            if worker.tasks:
                ordinal, page = worker.tasks.popleft()
                code = worker.process.exitcode
                self.counters.crashes += 1
                results.append(self._failure(ordinal, page, "WorkerCrashed",
                                             f"worker process died (exit code {code})", "worker"))
        self._replace(worker)

    def _check_timeouts(self, results: list[Result]) -> None:
        if not self.page_timeout:
            return
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.tasks and now - worker.head_since > self.page_timeout:
                self._receive(worker, results)  # it may have just finished
                if not worker.tasks or now - worker.head_since <= self.page_timeout:
                    continue
                ordinal, page = worker.tasks.popleft()
                worker.process.kill()
                worker.process.join(5)
                self.counters.timeouts += 1
                results.append(self._failure(ordinal, page, "PageTimeoutError",
                                             f"page took longer than {self.page_timeout:g} s", "timeout"))
                self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        self.retry.extendleft(reversed(worker.tasks))  # unfinished pages go first, in their order
        worker.tasks.clear()
        self._retire(worker)
        self.workers[self.workers.index(worker)] = self._spawn()

    @staticmethod
    def _retire(worker: _Worker, wait: float = 2.0) -> None:
        """Stop the worker's process (if still running) and its feeder thread, then close the pipe."""
        worker.outbox.put(None)
        worker.process.join(wait)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(2)
        worker.feeder.join(2)  # the process is gone, so a pending send fails fast
        worker.conn.close()

    def _next_deadline(self) -> float | None:
        if not self.page_timeout:
            return None
        heads = [w.head_since for w in self.workers if w.tasks]
        return min(heads) + self.page_timeout - time.monotonic() + 0.01 if heads else None

    def _failure(self, ordinal: int, page: Page, error: str, message: str, stage: str) -> Result:
        failure = Failure(page.source or page.id or "?", error, message, stage, page.id)
        return ordinal, self.encode(failure, ordinal), {"t": 0.0, "removed": {}, "error": error}

    # ---- stopping
    def close(self) -> None:
        """Orderly stop: each worker gets None after its last page and exits."""
        for worker in self.workers:
            self._retire(worker)
        self.workers = []

    def kill(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self.workers:
            self._retire(worker, wait=1.0)
        self.workers = []


def _warm_up(options: Options) -> None:
    """Import and exercise the extraction code once in the parent, so forked workers start ready
    (a replaced worker would otherwise spend a second importing modules before its first page)."""
    from .worker import extract_one

    sample = b"<html><head><title>t</title><meta charset='utf-8'></head><body><p>\xc3\xa9 warm up text.</p></body></html>"
    warm = options.with_(learn_templates=False)
    extract_one(Page(content=sample, url="http://example.com/"), warm)
    extract_one(Page(content=b"\x80\x81 text line one.\nline two.", mode="text"), warm)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1
