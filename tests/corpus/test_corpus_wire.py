"""The parent-worker wire format: pages and results survive the pipe exactly, whatever their size or type."""
from __future__ import annotations

import os
import threading

from fliesstext.model import Page
from fliesstext.run import wire


def _round_trip(pages: list[Page]) -> list[tuple[int, Page]]:
    read_fd, write_fd = wire.make_pipe()
    wire.set_nonblocking(write_fd)
    outbox = wire.Outbox(write_fd)
    received: list[tuple[int, Page]] = []

    def reader() -> None:
        while (task := wire.read_task(read_fd)) is not None:
            received.append(task)

    thread = threading.Thread(target=reader)
    thread.start()
    for ordinal, page in enumerate(pages):
        outbox.put(wire.task_frame(ordinal, page))
        while outbox.pending:  # a page larger than the pipe: the rest goes when the reader drained it
            outbox.flush()
    outbox.put(wire.stop_frame())
    while outbox.pending:
        outbox.flush()
    thread.join(10)
    os.close(read_fd)
    os.close(write_fd)
    return received


def test_pages_cross_the_pipe_unchanged():
    pages = [
        Page(b"<p>bytes</p>", url="http://a.example/1", id="1", source="s", http_charset="utf-8",
             fetched_at="2024-01-01T00:00:00Z", mode="html"),
        Page("text with a lone surrogate \ud800 and ü", mode="text"),
        Page(b""),
        Page(b"x" * (3 << 20), id="big"),  # three times the pipe buffer
    ]
    assert _round_trip(pages) == list(enumerate(pages))


def test_results_arrive_whole_in_any_chunking():
    read_fd, write_fd = wire.make_pipe()
    wire.set_nonblocking(read_fd)
    inbox = wire.Inbox(read_fd)
    results = [(n, b"y" * (n * 40_000), {"t": 0.1, "removed": {"ad": n}}) for n in range(6)]
    got = []
    writer = threading.Thread(target=lambda: [wire.write_result(write_fd, r) for r in results])
    writer.start()
    while len(got) < len(results):
        got += inbox.read()
    writer.join(10)
    os.close(write_fd)
    assert got == results and not inbox.read() and inbox.closed
    os.close(read_fd)
