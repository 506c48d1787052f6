"""The worker process: extract pages sent over a pipe, one at a time, and send back encoded records.

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
from multiprocessing.connection import Connection
from typing import Any

from ..model import Article, Failure, Page
from ..options import Options
from .encode import get_encoder

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


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


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: killed when the parent dies, even mid-page
    except (OSError, AttributeError):
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


def worker_main(conn: Connection, options: Options, encoding: str, max_memory: int | None,
                templates_dir: str | None = None) -> None:
    """Loop: receive (ordinal, page), send (ordinal, payload, info). None means stop."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.freeze()  # what the fork inherited (modules, knowledge tables) is never garbage: keep the collector off it
    encode = get_encoder(encoding)
    templates = template_store(options, templates_dir)
    statm = _statm() if max_memory else None
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        ordinal, page = task
        started = time.perf_counter()
        result = extract_one(page, options, templates)
        elapsed = time.perf_counter() - started
        info: dict[str, Any] = {"t": elapsed, "removed": removed_kinds(result)}
        if isinstance(result, Failure):
            info["error"] = result.error
        encode_started = time.perf_counter()
        try:
            payload = encode(result, ordinal)
        except Exception as err:
            failure = Failure(page.source or page.id or "?", type(err).__name__, str(err)[:500], "format", page.id)
            payload, info["error"] = encode(failure, ordinal), failure.error
        info["t_serialize"] = time.perf_counter() - encode_started
        info["recycle"] = bool(max_memory and rss_bytes(statm) > max_memory)
        try:
            conn.send((ordinal, payload, info))
        except (EOFError, OSError):
            return
        if info["recycle"]:
            return
