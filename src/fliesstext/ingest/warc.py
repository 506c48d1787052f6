"""WARC / WARC.gz -> Page, with fastwarc. Bad records are counted or reported, never fatal.

Response records with an HTML content type become pages; `WARC-Target-URI` -> url, `WARC-Record-ID` -> id,
`WARC-Date` -> fetched_at, the HTTP charset -> http_charset. Non-HTML and non-2xx responses are skipped and
counted; a record whose HTTP header cannot be parsed, or that ends early (truncated archive), becomes a Failure.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .base import IngestStats, Item, ingest_failure, require

READ_STEP = 1 << 20  # later reads of a record whose decoded payload outgrew its length
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+html", "text/xhtml"})


def _looks_like_html(payload: bytes) -> bool:
    """No Content-Type: markup if it starts with a tag (after a BOM and whitespace)."""
    head = payload[:512].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<")



def _classify(record: Any, payload: bytes) -> str | None:
    """None if the record is an HTML page, else the reason to skip it."""
    status = record.http_headers.status_code if record.http_headers is not None else None
    if status is None:
        return "bad_http_header"
    if not 200 <= status < 300:
        return f"http_{status // 100}xx"
    ctype = (record.http_content_type or "").strip().lower()
    if ctype in HTML_TYPES or (not ctype and _looks_like_html(payload)):
        return None
    return "non_html"


def _is_encoded(record: Any) -> bool:
    """A Content-/Transfer-Encoding was decoded: the payload length no longer matches the record length."""
    headers = record.http_headers
    if headers is None:
        return False
    return bool(headers.get("Content-Encoding") or headers.get("Transfer-Encoding"))


def _page(record: Any, payload: bytes, source: str) -> Item:
    from ..model import Page

    headers = record.headers
    return Page(content=payload, url=headers.get("WARC-Target-URI") or None, id=record.record_id or None,
                source=source, http_charset=record.http_charset or None, fetched_at=headers.get("WARC-Date") or None,
                mode="html")


def iter_warc(stream: str | IO[bytes], stats: IngestStats | None = None, source: str | None = None,
              max_bytes: int = 50_000_000) -> Iterator[Item]:
    """Yield a Page per HTML response record of one WARC (plain, gzip, zstd or lz4: detected from the bytes)."""
    warc = require("fastwarc.warc", "warc")
    stats = stats if stats is not None else IngestStats()
    name: str = source or (stream if isinstance(stream, str) else str(getattr(stream, "name", "<stream>")))
    stats.archives += 1
    try:
        iterator = warc.ArchiveIterator(stream, record_types=warc.WarcRecordType.response, parse_http=True,
                                        fsspec_args=False, auto_decode="all")  # gzip/br/chunked payloads
        for record in iterator:
            item = _record_item(record, name, stats, max_bytes)
            if item is not None:
                yield item
    except OSError as err:
        stats.truncated_archives += 1
        yield ingest_failure(name, err, "ArchiveError")


def _read_payload(reader: Any, expected: int, max_bytes: int) -> bytes:
    """At most max_bytes of the payload. Read in steps of about the record size: `reader.read(n)` allocates n
    bytes up front, so one read of the cap (50 MB) per record would cost more than the page itself."""
    chunks: list[bytes] = []
    total = 0
    step = max(expected, 0) + 1  # payload <= record length unless a Content-Encoding was decoded
    while total < max_bytes:
        chunk = reader.read(min(step, max_bytes - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        step = max(step, READ_STEP)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _record_item(record: Any, name: str, stats: IngestStats, max_bytes: int) -> Item | None:
    try:
        expected = record.content_length
        payload = _read_payload(record.reader, expected, max_bytes)
    except OSError as err:
        stats.truncated_archives += 1
        return ingest_failure(name, err, "TruncatedRecord", record.record_id or None)
    if len(payload) < min(expected, max_bytes) and not _is_encoded(record):
        stats.truncated_archives += 1
        return ingest_failure(name, f"record ends after {len(payload)} of {expected} bytes (truncated archive?)",
                              "TruncatedRecord", record.record_id or None)
    reason = _classify(record, payload)
    if reason == "bad_http_header":
        stats.skip(reason)
        return ingest_failure(name, "HTTP header could not be parsed", "BadHTTPHeader", record.record_id or None)
    if reason is not None:
        stats.skip(reason)
        return None
    return _page(record, payload, name)


def page_extras(page: Any) -> tuple[tuple[str, Any], ...]:
    """Provenance keys for the output record of a page read from a WARC (see docs/schema.md)."""
    if not (page.id and page.id.startswith("<urn:")):
        return (("fetched_at", page.fetched_at),) if page.fetched_at else ()
    return (("warc_record_id", page.id), ("warc_date", page.fetched_at), ("warc_target_uri", page.url))
