"""The bytes between the parent and its workers: one OS pipe each way, length-prefixed frames, no pickled pages.

Why not multiprocessing's Connection: a page is ~300 KB of HTML, and `conn.send(page)` pickles it (a copy),
pushes it through a socket buffer of ~200 KB (several wake-ups per page) and unpickles it (another copy) — about
0.2 ms of the parent's CPU per page, the parent being the one process every page goes through. Here the content
goes out with one `writev` (header + the page's own bytes, no copy in Python) into a pipe enlarged to 1 MB, and the
worker reads it with one `read` into its final bytes object. Parent-side writes are non-blocking (a worker busy
on a slow page never stalls the parent's loop); what does not fit waits in `Outbox` until the pipe drains.

Task frame:   <III kind, meta length, content length> meta content   (kind 0 bytes, 1 str as UTF-8, 2 stop)
Result frame: <I length> pickle((ordinal, payload, info))
"""
from __future__ import annotations

import fcntl
import os
import pickle
import struct
from collections import deque
from typing import Any

from ..model import Page

_TASK = struct.Struct("<III")
_RESULT = struct.Struct("<I")
_BYTES, _STR, _STOP = 0, 1, 2
PIPE_SIZE = 1 << 20  # Linux caps unprivileged pipes at /proc/sys/fs/pipe-max-size (1 MB by default)
_F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)


def make_pipe() -> tuple[int, int]:
    """(read end, write end) of a pipe enlarged to PIPE_SIZE where the OS allows it."""
    read_fd, write_fd = os.pipe()
    try:
        fcntl.fcntl(write_fd, _F_SETPIPE_SZ, PIPE_SIZE)
    except OSError:  # not Linux, or a lower cap: the default size works, just with more wake-ups
        pass
    return read_fd, write_fd


def set_nonblocking(fd: int) -> None:
    os.set_blocking(fd, False)


def task_frame(ordinal: int, page: Page) -> list[bytes | memoryview]:
    """The buffers of one task frame (written with writev: the content is not copied)."""
    content = page.content
    if isinstance(content, str):
        kind, data = _STR, content.encode("utf-8", "surrogatepass")
    else:
        kind, data = _BYTES, content
    meta = pickle.dumps((ordinal, page.url, page.id, page.source, page.http_charset, page.fetched_at, page.mode),
                        protocol=pickle.HIGHEST_PROTOCOL)
    return [_TASK.pack(kind, len(meta), len(data)) + meta, memoryview(data)]


def stop_frame() -> list[bytes | memoryview]:
    return [_TASK.pack(_STOP, 0, 0)]


def _read_exact(fd: int, size: int) -> bytes | None:
    """`size` bytes from a blocking fd (one read when the data is there), None at end of file."""
    if not size:
        return b""
    data = os.read(fd, size)
    if len(data) == size:
        return data
    chunks, got = [data], len(data)
    while data and got < size:
        data = os.read(fd, size - got)
        chunks.append(data)
        got += len(data)
    return b"".join(chunks) if got == size else None


def read_task(fd: int) -> tuple[int, Page] | None:
    """The next task on a worker's (blocking) input pipe; None for stop or when the parent is gone."""
    header = _read_exact(fd, _TASK.size)
    if header is None:
        return None
    kind, meta_len, content_len = _TASK.unpack(header)
    if kind == _STOP:
        return None
    meta = _read_exact(fd, meta_len)
    content = _read_exact(fd, content_len)
    if meta is None or content is None:
        return None
    ordinal, url, page_id, source, charset, fetched_at, mode = pickle.loads(meta)
    text: str | bytes = content.decode("utf-8", "surrogatepass") if kind == _STR else content
    return ordinal, Page(text, url, page_id, source, charset, fetched_at, mode)


def write_result(fd: int, result: tuple[int, Any, dict[str, Any]]) -> None:
    """One result frame onto a worker's (blocking) output pipe."""
    body = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    data = memoryview(_RESULT.pack(len(body)) + body)
    while data:
        data = data[os.write(fd, data):]


class Outbox:
    """Frames waiting to go into a non-blocking pipe, in order."""

    __slots__ = ("fd", "pending")

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.pending: deque[bytes | memoryview] = deque()

    def put(self, buffers: list[bytes | memoryview]) -> None:
        self.pending.extend(b for b in buffers if len(b))
        self.flush()

    def flush(self) -> None:
        """Write as much as the pipe takes now. A gone reader drops everything (the pool notices the exit)."""
        pending = self.pending
        while pending:
            try:
                written = os.writev(self.fd, list(pending)[:64])
            except BlockingIOError:
                return
            except OSError:  # EPIPE: the worker died; its tasks are requeued by the pool
                pending.clear()
                return
            while written and pending:
                head = pending[0]
                if written >= len(head):
                    written -= len(head)
                    pending.popleft()
                else:
                    pending[0] = memoryview(head)[written:]
                    written = 0


class Inbox:
    """Result frames arriving on a non-blocking pipe: `read()` returns every complete one available."""

    __slots__ = ("fd", "buffer", "closed")

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = bytearray()
        self.closed = False

    def read(self) -> list[tuple[int, Any, dict[str, Any]]]:
        while True:
            try:
                chunk = os.read(self.fd, 1 << 18)
            except BlockingIOError:
                break
            except OSError:
                self.closed = True
                break
            if not chunk:
                self.closed = True
                break
            self.buffer += chunk
            if len(chunk) < 1 << 18:
                break
        return self._frames()

    def _frames(self) -> list[tuple[int, Any, dict[str, Any]]]:
        out = []
        buffer, start = self.buffer, 0
        view = memoryview(buffer)
        try:
            while len(buffer) - start >= _RESULT.size:
                (size,) = _RESULT.unpack_from(buffer, start)
                end = start + _RESULT.size + size
                if end > len(buffer):
                    break
                out.append(pickle.loads(view[start + _RESULT.size:end]))
                start = end
        finally:
            view.release()  # a bytearray with a live view cannot shrink
        if start:
            del buffer[:start]
        return out
