"""A process pool that survives its pages: per-page wall-clock limits, crash and memory recycling.

Each worker has two pipes (tasks in, results out; see wire.py) and a short FIFO of tasks (prefetch, so it never
waits for the parent: 6 pages, ~30 ms of work, because with as many workers as cores the parent is scheduled only
when the OS preempts a worker, and 2 left workers idle ~5% of a run). While every worker has pages queued, the
parent naps up to 10 ms between collections (fewer wake-ups, each of which preempts a worker). Pages are routed
by host (route.py): worker i gets the pages of its hosts, in input order, so per-host templates are learned
deterministically. The head task of a worker started when the previous one finished, so the parent knows every
page's start time without extra messages. A worker past the page time limit is killed (SIGKILL) and replaced: its
head page becomes a PageTimeoutError failure, the pages queued behind it go to its replacement. A worker that dies
(segfault, OOM kill) is replaced the same way; one that reports it grew past the memory cap exits by itself and is
replaced. The parent is single-threaded: writes to workers are non-blocking.
"""
from __future__ import annotations

import multiprocessing
import os
import select
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from ..model import Failure, Page
from ..options import Options
from .encode import get_encoder
from .route import HostRouter
from .wire import Inbox, Outbox, make_pipe, set_nonblocking, stop_frame, task_frame
from .worker import worker_main

Result = tuple[int, Any, dict[str, Any]]
Task = tuple[int, Page]
BACKLOG_BYTES = 64 << 20  # content held in the parent's queues: reading pauses above this
MAX_NAP_S = 0.010  # the longest the parent lets results pile up before collecting them (see WorkerPool._nap)


@dataclass(slots=True)
class _Worker:
    process: Any
    inbox: Inbox
    outbox: Outbox
    tasks: deque[Task] = field(default_factory=deque)
    head_since: float = 0.0
    retiring: bool = False


@dataclass(slots=True)
class PoolCounters:
    timeouts: int = 0
    crashes: int = 0
    recycled: int = 0
    started: int = 0


class WorkerPool:
    def __init__(self, workers: int, options: Options, encoding: str, page_timeout: float | None = 60.0,
                 max_memory: int | None = None, prefetch: int = 6, start_method: str | None = None,
                 templates_dir: str | None = None, backlog: int | None = None) -> None:
        self.size = max(1, workers)
        self.options, self.encoding = options, encoding
        self.page_timeout, self.max_memory, self.prefetch = page_timeout, max_memory, max(1, prefetch)
        self.templates_dir = templates_dir
        self.save_dir: str | None = None  # set by the runner: where workers leave what they learned (templates.py)
        if (start_method or "fork") != "fork" or "fork" not in multiprocessing.get_all_start_methods():
            raise RuntimeError("the batch runner needs the 'fork' start method (Linux, macOS)")
        self.ctx: Any = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []
        self.queues: list[deque[Task]] = [deque() for _ in range(self.size)]  # routed, not yet sent
        self.anywhere: deque[Task] = deque()  # pages without a host: the first free worker
        # pages held for their worker (at most BACKLOG_BYTES of them): while one worker is stuck on a slow page,
        # the others go on until this fills with the stuck worker's pages. (A larger backlog does not speed up
        # workers whose hosts cost more than their page counts say: the other worker idles at the end instead.)
        self.backlog = backlog or 16 + 32 * self.size
        self.queued_bytes = 0
        self.router = HostRouter(self.size)
        self.encode = get_encoder(encoding)
        self.counters = PoolCounters()
        self._poller: Any = None  # select.poll over every worker's pipes and sentinel, rebuilt when they change
        self._polled: list[tuple[int, int]] = []
        self._page_s = 0.0  # moving average of a page's time in a worker

    def start(self) -> None:
        _warm_up(self.options)
        while len(self.workers) < self.size:
            self.workers.append(self._spawn())

    def _spawn(self) -> _Worker:
        task_read, task_write = make_pipe()
        result_read, result_write = make_pipe()
        others = [fd for w in self.workers for fd in (w.inbox.fd, w.outbox.fd) if fd >= 0] + [task_write, result_read]
        process = self.ctx.Process(target=_child, daemon=True, name="fliesstext-worker",
                                   args=(others, task_read, result_write, self.options, self.encoding,
                                         self.max_memory, self.templates_dir, self.save_dir))
        process.start()
        os.close(task_read)
        os.close(result_write)
        set_nonblocking(task_write)
        set_nonblocking(result_read)
        self.counters.started += 1
        return _Worker(process, Inbox(result_read), Outbox(task_write))

    # ---- submitting
    def free_slots(self) -> int:
        """How many more pages the pool takes now (its queues hold at most `backlog` pages not yet sent)."""
        if self.queued_bytes > BACKLOG_BYTES:
            return 0
        return self.backlog - sum(len(q) for q in self.queues) - len(self.anywhere)

    def in_flight(self) -> int:
        return sum(len(w.tasks) for w in self.workers) + sum(len(q) for q in self.queues) + len(self.anywhere)

    def submit(self, ordinal: int, page: Page) -> None:
        slot = self.router.route(page)
        (self.anywhere if slot is None else self.queues[slot]).append((ordinal, page))
        self.queued_bytes += len(page.content)
        if slot is None:
            self._dispatch()
        else:
            self._fill(slot)

    def _fill(self, index: int) -> None:
        """Send worker `index` its routed pages, up to the prefetch depth."""
        worker, queue = self.workers[index], self.queues[index]
        while queue and len(worker.tasks) < self.prefetch:
            self._send(worker, queue.popleft())

    def _dispatch(self) -> None:
        for index in range(len(self.queues)):
            self._fill(index)
        while self.anywhere:
            worker = min(self.workers, key=lambda w: len(w.tasks))
            if len(worker.tasks) >= self.prefetch:
                return
            self._send(worker, self.anywhere.popleft())

    def _send(self, worker: _Worker, task: Task) -> None:
        self.queued_bytes -= len(task[1].content)
        if not worker.tasks:
            worker.head_since = time.monotonic()
        worker.tasks.append(task)
        worker.outbox.put(task_frame(*task))

    # ---- collecting
    def poll(self, timeout: float) -> list[Result]:
        """Results that arrived within `timeout` seconds (failures for timed-out or crashed pages included)."""
        deadline_wait = self._next_deadline()
        wait_for = timeout if deadline_wait is None else max(0.0, min(timeout, deadline_wait))
        self._nap()
        ready = self._wait(wait_for)
        results: list[Result] = []
        for worker in list(self.workers):
            if worker.outbox.pending and worker.outbox.fd in ready:
                worker.outbox.flush()
            if worker.inbox.fd in ready:
                self._receive(worker, results)
        for worker in list(self.workers):
            if worker.process.sentinel in ready or worker.retiring:
                self._handle_exit(worker, results)
        self._check_timeouts(results)
        self._dispatch()
        return results

    def _nap(self) -> None:
        """While every worker has pages queued, sleep and collect several results at once instead of waking at
        each one: each wake-up of the parent preempts a worker (with a worker per core), so 2 workers on 2 cores
        spent ~2% more CPU a page. The nap lasts at most what the shortest queue holds, less two pages."""
        if not self.workers or any(w.outbox.pending for w in self.workers):
            return
        nap = min(MAX_NAP_S, (min(len(w.tasks) for w in self.workers) - 2) * self._page_s)
        if nap > 0.001:
            time.sleep(nap)

    def _wait(self, timeout: float) -> set[int]:
        """File descriptors ready within `timeout` s: result pipes and sentinels readable, task pipes with frames
        still to send writable. One poll object for the run, re-registered only when the set changes."""
        wanted = []
        for w in self.workers:
            wanted += [(w.inbox.fd, select.POLLIN), (w.process.sentinel, select.POLLIN)]
            if w.outbox.pending:
                wanted.append((w.outbox.fd, select.POLLOUT))
        if self._poller is None or wanted != self._polled:
            self._poller, self._polled = select.poll(), wanted
            for fd, events in wanted:
                self._poller.register(fd, events)
        return {fd for fd, _ in self._poller.poll(max(0, int(timeout * 1000 + 0.999)))}

    def _receive(self, worker: _Worker, results: list[Result]) -> None:
        for ordinal, payload, info in worker.inbox.read():
            if worker.tasks and worker.tasks[0][0] == ordinal:
                worker.tasks.popleft()
            worker.head_since = time.monotonic()
            self._page_s += 0.1 * (info.get("t", 0.0) - self._page_s)
            results.append((ordinal, payload, info))
            if info.get("recycle"):
                worker.retiring = True

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
        """A fresh worker in the same place (it serves the same hosts); unfinished pages go to it first."""
        index = self.workers.index(worker)
        self.queues[index].extendleft(reversed(worker.tasks))
        self.queued_bytes += sum(len(page.content) for _, page in worker.tasks)
        worker.tasks.clear()
        self._retire(worker)
        self.workers[index] = self._spawn()

    @staticmethod
    def _retire(worker: _Worker, wait: float = 2.0) -> None:
        """Stop the worker's process (if still running), then close its pipes."""
        if worker.process.is_alive():
            worker.outbox.put(stop_frame())
        deadline = time.monotonic() + wait
        while worker.outbox.pending and worker.process.is_alive() and time.monotonic() < deadline:
            time.sleep(0.005)  # the stop frame waits behind frames the worker has not read yet
            worker.outbox.flush()
        worker.process.join(max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(2)
        for fd in (worker.outbox.fd, worker.inbox.fd):
            try:
                os.close(fd)
            except OSError:
                pass
        worker.outbox.fd = worker.inbox.fd = -1  # the numbers are reused by the next pipes: forget them

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
        """Orderly stop: each worker gets a stop frame after its last page and exits."""
        for worker in self.workers:
            worker.outbox.put(stop_frame())  # all at once: workers save what they learned in parallel
        for worker in self.workers:
            self._retire(worker, wait=30.0)
        self.workers = []

    def kill(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self.workers:
            self._retire(worker, wait=1.0)
        self.workers = []


def _child(inherited: list[int], task_fd: int, result_fd: int, *args: Any) -> None:
    """The forked worker: drop the parent's ends of every pipe (so a pipe's end of file means what it says)."""
    for fd in inherited:
        try:
            os.close(fd)
        except OSError:
            pass
    worker_main(task_fd, result_fd, *args)


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
