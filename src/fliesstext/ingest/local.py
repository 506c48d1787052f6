"""Local inputs -> Page: files, directories (walked), `-` for stdin. (Maintained with cli.py.)

Missing paths raise InputError before any work starts, so the CLI can report a user error in one line.
Reading a file that fails later (permissions, a broken .gz) yields a Failure-worthy InputError per page,
handled by the caller, so one bad file never stops a batch.
"""
from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Failure, Page

PAGE_SUFFIXES = (".html", ".htm", ".txt", ".html.gz", ".htm.gz", ".txt.gz")


def is_page_file(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(suffix) for suffix in PAGE_SUFFIXES)


def expand_inputs(inputs: tuple[str, ...] | list[str]) -> list[str]:
    """Paths in the order given; directories become their page files, sorted. Raises InputError if missing."""
    out: list[str] = []
    for item in inputs:
        if item == "-" or is_url(item):
            out.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and is_page_file(p))
        elif path.is_file():
            out.append(item)
        else:
            raise InputError(f"no such file or directory: {item}")
    return out


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def fetch_page(item: str, mode: str = "auto") -> Page:
    """One page from an http(s) URL given on the command line (the --urls fetcher: timeouts, retries, size cap,
    robots.txt). A failed fetch raises InputError, which the caller turns into a failure record."""
    from .urls import Fetcher

    fetcher = Fetcher()
    try:
        fetched = fetcher.fetch(item)
    finally:
        fetcher.close()
    if isinstance(fetched, Failure):
        raise InputError(f"cannot fetch {item}: {fetched.message}")
    return fetched if mode == "auto" else replace(fetched, mode=mode)  # type: ignore[arg-type]


def read_page(item: str, url: str | None = None, mode: str = "auto") -> Page:
    """Read one input path, URL (or `-`) into a Page of bytes; raises InputError if it cannot be read."""
    if is_url(item):
        return fetch_page(item, mode)
    try:
        if item == "-":
            data = sys.stdin.buffer.read()
            return Page(content=data, url=url, id="stdin", source="stdin", mode=mode)  # type: ignore[arg-type]
        raw = Path(item).read_bytes()
        data = gzip.decompress(raw) if item.lower().endswith(".gz") else raw
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        raise InputError(f"cannot read {item}: {err}") from err
    return Page(content=data, url=url, id=item, source=item, mode=mode)  # type: ignore[arg-type]


def iter_pages(items: list[str], url: str | None = None, mode: str = "auto") -> Iterator[Page | Failure]:
    """Pages in order; an unreadable input becomes a Failure record in its place."""
    for item in items:
        try:
            yield read_page(item, url, mode)
        except InputError as err:
            yield Failure(item, type(err).__name__, str(err), "ingest", item)
