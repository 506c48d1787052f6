"""The worker process: extract pages read from a pipe, one at a time, and write back encoded records (wire.py).

A worker never dies on a page (every exception becomes a Failure); it exits when the parent says so, when the
parent is gone (the pipe closes, or the kernel kills it via PR_SET_PDEATHSIG), or after a page that left it
above its memory cap (it says so first, and the parent starts a fresh one).
"""
from __future__ import annotations

import gc
import os
import signal
import time
from collections import Counter
from dataclasses import replace
from typing import Any

from ..ingest.base import ingest_failure
from ..ingest.warc_split import MODE as WARC_GZ
from ..ingest.warc_split import open_member
from ..model import Article, Failure, Page
from ..options import Options
from .encode import get_encoder
from .wire import read_task, write_result

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
GC_THRESHOLD = 10_000  # young collections every 700 net allocations by default: ~1% of a page's CPU, little to find
# glibc malloc: a page's big buffers (the inflated record, its payload, the decoded text: ~300 KB each) are served by
# mmap or from a heap top that is trimmed after each page, so every page faults ~80 fresh pages in again (~0.1 ms
# of kernel time, cold cache). Below MALLOC_KEEP bytes they come from the heap, and up to MALLOC_KEEP of free heap
# top is kept for the next page: page faults go to ~0, peak RSS is unchanged (measured on the corpus benchmark).
MALLOC_KEEP = 32 << 20
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (malloc.h)


def rss_bytes(fd: int | None = None) -> int:
    """Resident set size of this process (Linux /proc; 0 where unavailable). `fd`: /proc/self/statm kept open."""
    try:
        if fd is not None:
            return int(os.pread(fd, 128, 0).split()[1]) * _PAGE_SIZE
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


def _statm() -> int | None:
    try:
        return os.open("/proc/self/statm", os.O_RDONLY)
    except OSError:
        return None


def _libc() -> Any:
    """The C library (glibc on Linux), or None where it cannot be loaded."""
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return None


def _keep_malloc_arena(libc: Any) -> None:
    """Tune glibc's malloc for a long run of similar pages (see MALLOC_KEEP); nothing elsewhere."""
    try:
        libc.mallopt(_M_MMAP_THRESHOLD, MALLOC_KEEP)
        libc.mallopt(_M_TRIM_THRESHOLD, MALLOC_KEEP)
    except AttributeError:  # no libc, or not glibc (musl): its own allocator's defaults
        pass


def _die_with_parent(libc: Any) -> None:
    try:
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: killed when the parent dies, even mid-page
    except AttributeError:
        pass


def extract_one(page: Page, options: Options, templates: Any = None) -> Article | Failure:
    """One page through api.extract_many (so per-host templates apply and learn), every exception a Failure,
    provenance extras added."""
    from ..api import extract_many
    from ..ingest.warc import page_extras

    ref = page.source or page.id or "?"
    try:
        result = next(iter(extract_many([page], options, templates=templates)))
    except RecursionError as err:
        return Failure(ref, "RecursionError", str(err) or "nesting too deep", "parse", page.id)
    except Exception as err:  # extract_many reports page errors itself; this is the last line of defence
        return Failure(ref, type(err).__name__, str(err)[:500] or repr(err), "extract", page.id)
    if isinstance(result, Failure):
        return result
    extras = page_extras(page)
    return replace(result, extras=result.extras + extras) if extras else result


def template_store(options: Options, directory: str | None) -> Any:
    """This worker's per-host template store: loaded from `directory` if given, learning unless switched off."""
    if directory is None and not options.learn_templates:
        return None
    from ..templates import TemplateStore

    if directory is None:
        return TemplateStore()
    return TemplateStore.load(directory, learning=options.learn_templates)


def removed_kinds(result: Article | Failure) -> dict[str, int]:
    if isinstance(result, Failure):
        return {}
    return dict(Counter(r.kind for r in result.removed))


def worker_main(task_fd: int, result_fd: int, options: Options, encoding: str, max_memory: int | None,
                templates_dir: str | None = None, save_dir: str | None = None) -> None:
    """Loop: read a task (ordinal, page) from `task_fd`, write (ordinal, payload, info) to `result_fd`.
    A stop frame or the parent's end of the pipe means exit; before an orderly exit (stop, or recycling) the hosts
    this worker learned are saved under `save_dir` for the parent to merge (templates_io.py)."""
    libc = _libc()
    _die_with_parent(libc)
    _keep_malloc_arena(libc)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.freeze()  # what the fork inherited (modules, knowledge tables) is never garbage: keep the collector off it
    gc.set_threshold(max(gc.get_threshold()[0], GC_THRESHOLD))  # a page frees its objects by reference counting
    encode = get_encoder(encoding)
    templates = template_store(options, templates_dir)
    statm = _statm() if max_memory else None
    while True:
        try:
            task = read_task(task_fd)
        except OSError:
            return
        if task is None:
            _save_learned(templates, save_dir)
            return
        ordinal, page = task
        payload, info = _process(ordinal, page, options, templates, encode)
        info["recycle"] = bool(max_memory and rss_bytes(statm) > max_memory)
        try:
            write_result(result_fd, (ordinal, payload, info))
        except OSError:
            return
        if info["recycle"]:
            _save_learned(templates, save_dir)
            return


def _save_learned(templates: Any, save_dir: str | None) -> None:
    if templates is None or save_dir is None or not templates.observed:
        return
    try:
        templates.save(os.path.join(save_dir, f"worker-{os.getpid()}"), hosts=templates.observed, min_count=1)
    except OSError:  # the run is ending anyway; the parent merges what it finds
        pass


def _open_record(page: Page, options: Options) -> tuple[Page | Failure | None, dict[str, Any]]:
    """A page as it is, or the record a "warc-gz" page holds, read here (None: skipped, e.g. not HTML) with the
    reader's counts for the parent's ingest stats."""
    if page.mode != WARC_GZ:
        return page, {}
    try:
        opened, counts = open_member(page, options.max_bytes)
    except Exception as err:  # a reader error is this record's failure, never the worker's end
        return ingest_failure(page.source or "?", err, type(err).__name__, page.id), {}
    return opened, counts.to_dict() if counts.skipped or counts.truncated_archives else {}


def _process(ordinal: int, page: Page, options: Options, templates: Any, encode: Any) -> tuple[Any, dict[str, Any]]:
    """One page: extracted, encoded for the sink (an encoder error becomes a failure record), timed.
    A payload of None: the input record is not a page (a skipped WARC record); info["ingest"] says why."""
    started, cpu_started = time.perf_counter(), time.process_time()
    opened, ingest = _open_record(page, options)
    if opened is None:
        return None, {"ingest": ingest}
    page = opened if isinstance(opened, Page) else page
    result = opened if isinstance(opened, Failure) else extract_one(page, options, templates)
    elapsed = time.perf_counter() - started
    info: dict[str, Any] = {"t": elapsed, "removed": removed_kinds(result)}
    if ingest:
        info["ingest"] = ingest
    if isinstance(result, Failure):
        info["error"] = result.error
    encode_started = time.perf_counter()
    try:
        payload = encode(result, ordinal)
    except Exception as err:
        failure = Failure(page.source or page.id or "?", type(err).__name__, str(err)[:500], "format", page.id)
        payload, info["error"] = encode(failure, ordinal), failure.error
    info["t_serialize"] = time.perf_counter() - encode_started
    info["cpu"] = time.process_time() - cpu_started  # CPU of extracting and encoding (wall times count waiting)
    return payload, info
