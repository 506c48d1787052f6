"""A WARC.gz cut into its gzip members without inflating them, so the workers decompress their own records.

In a WARC.gz every record is a gzip member of its own. The batch runner's parent is the one process every page
goes through; inflating records only to pass them on cost it about half its time. Here it inflates just the first
few KB of each member (the WARC header: type, target URI, record id, date, Content-Length), works out the size of
the record uncompressed, and finds where the member ends: at the first gzip magic (1f 8b 08) after it that starts
a WARC record when inflated. The four bytes before it, the member trailer's ISIZE, must equal that size, or the
member holds more than one record. (Stored deflate blocks carry raw bytes, so the magic alone could occur inside
a record; magic plus a WARC header could only by design.) Response members travel to a worker still compressed, as a Page with mode "warc-gz", and the
worker reads them with the ordinary reader (`open_member` -> warc.py): each record becomes exactly the page,
failure or skip that reading it in the parent would have made.

The WARC header's few KB usually hold the HTTP header too: a response whose status is not 2xx, or whose one
Content-Type is clearly not HTML, is counted as skipped right there (the same reason the worker would give) and
never sent. Anything less clear (no Content-Type, several, an odd status line, a header longer than what was
inflated) goes to the worker, which decides as iter_warc does.

Whatever does not fit this scheme switches the rest of the file back to reading in the parent (`iter_warc` from
that offset), which is correct, only slower: a file gzipped as one member, a member over MAX_MEMBER bytes, a
truncated member, a WARC header longer than the last of HEAD_STEPS, and always the file's last member (no next
member confirms where it ends).
"""
from __future__ import annotations

import functools
import io
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from ..model import Failure, Page
from .base import IngestStats, Item
from .warc import HTML_TYPES, iter_warc

MODE = "warc-gz"  # Page.mode of a record still compressed (a batch task: api.extract_page refuses it)
CHUNK = 1 << 20  # bytes read from the file at a time
MAX_MEMBER = 64 << 20  # a member longer than this (compressed) is read in the parent
HEAD_STEPS = (2 << 10, 256 << 10)  # bytes inflated to find the end of the WARC header (then more); its limit
MIN_MEMBER = 20  # gzip header (10) + the shortest deflate stream (2) + trailer (8)
_MAGIC = b"\x1f\x8b\x08"
_MAGIC_SEARCH = re.compile(re.escape(_MAGIC)).search  # twice as fast as bytearray.find for this 3-byte needle
_ISIZE = struct.Struct("<I")
_STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)? ([1-9]\d\d)(?: [^\r\n]*)?\Z")
_MEDIA_TYPE = re.compile(rb"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*\Z")


@dataclass(slots=True)
class _Window:
    """The unread part of the file: `data` starts at file offset `offset`."""

    handle: IO[bytes]
    data: bytearray = field(default_factory=bytearray)
    offset: int = 0
    eof: bool = False

    def fill(self, size: int) -> bool:
        """Read until `data` holds `size` bytes; False if the file ends first."""
        while len(self.data) < size and not self.eof:
            chunk = self.handle.read(max(CHUNK, size - len(self.data)))
            if chunk:
                self.data += chunk
            else:
                self.eof = True
        return len(self.data) >= size

    def take(self, size: int) -> bytes:
        with memoryview(self.data) as view:  # one copy (a slice of the bytearray would be a second)
            out = bytes(view[:size])
        del self.data[:size]  # a bytearray drops its head without moving the rest
        self.offset += size
        return out


def _warc_header(window: _Window) -> tuple[dict[str, str], int, bytes] | None:
    """The header fields of the record at the window's start, the record's uncompressed size and what was
    inflated of its content block (the start of the HTTP header), or None."""
    for step in HEAD_STEPS:
        window.fill(step)
        try:
            head = zlib.decompressobj(31).decompress(bytes(window.data[:step]), step)
        except zlib.error:
            return None
        end = head.find(b"\r\n\r\n")
        if end >= 0:
            break
        if window.eof and len(window.data) <= step:
            return None
    else:
        return None
    if not head.startswith(b"WARC/"):
        return None
    fields = {}
    for line in head[:end].decode("utf-8", "replace").split("\r\n")[1:]:
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()
    try:
        length = int(fields.get("content-length", ""))
    except ValueError:
        return None
    return fields, end + 4 + length + 4, head[end + 4:]  # header, blank line, content block, closing CRLF CRLF


def surely_skipped(http_head: bytes) -> str | None:
    """The reason iter_warc would skip a response with this HTTP header (a status other than 2xx, or one clear
    Content-Type that is not HTML), or None when only reading the whole record can tell."""
    end = http_head.find(b"\r\n\r\n")
    if end < 0:
        return None
    status_line, *lines = http_head[:end].split(b"\r\n")
    status = _STATUS_LINE.match(status_line)
    if status is None:
        return None
    code = int(status.group(1))
    if not 200 <= code < 300:
        return f"http_{code // 100}xx"
    types = []
    for line in lines:
        name, colon, value = line.partition(b":")
        if not colon or name != name.strip() or line[:1].isspace():  # a folded or odd line: let the worker read it
            return None
        if name.lower() == b"content-type":
            types.append(value)
    if len(types) != 1:
        return None
    media = types[0].split(b";")[0].strip().lower()
    if not _MEDIA_TYPE.match(media) or media.decode("ascii") in HTML_TYPES:
        return None
    return "non_html"


def _starts_record(window: _Window, offset: int) -> bool:
    """Does a gzip member holding a WARC record start at `offset` of the window?"""
    window.fill(offset + HEAD_STEPS[0])
    try:
        return zlib.decompressobj(31).decompress(bytes(window.data[offset:offset + HEAD_STEPS[0]]), 5) == b"WARC/"
    except zlib.error:
        return False


def _member_end(window: _Window, isize: bytes) -> int | None:
    """Length of the member at the window's start: up to the first gzip magic that starts a WARC record, if the
    four bytes before it (the trailer's ISIZE) give this record's size. None if they do not (the member holds more
    than one record), if no record follows (the file's last member) or if the member outgrows MAX_MEMBER."""
    data, pos = window.data, MIN_MEMBER
    while True:
        match = _MAGIC_SEARCH(data, pos)
        if match is not None:
            found = match.start()
            if _starts_record(window, found):
                return found if data[found - len(isize):found] == isize else None
            pos = found + 1
            continue
        if window.eof or len(data) > MAX_MEMBER:
            return None
        pos = max(pos, len(data) - len(_MAGIC) + 1)
        window.fill(len(data) + CHUNK)


def _page(fields: dict[str, str], content: bytes, source: str) -> Page:
    return Page(content=content, url=fields.get("warc-target-uri") or None, id=fields.get("warc-record-id") or None,
                source=source, fetched_at=fields.get("warc-date") or None, mode=MODE)  # type: ignore[arg-type]


def iter_warc_members(path: str, stats: IngestStats, source: str | None = None,
                      max_bytes: int = 50_000_000) -> Iterator[Item]:
    """Like iter_warc(path), but response records of a WARC.gz come out still compressed (mode "warc-gz")."""
    name = source or path
    with open(path, "rb") as handle:
        window = _Window(handle)
        if not window.fill(len(_MAGIC)) or window.data[:len(_MAGIC)] != _MAGIC:
            yield from iter_warc(path, stats, source=name, max_bytes=max_bytes)
            return
        stats.archives += 1
        while window.fill(1):
            header = _warc_header(window)
            size = _member_end(window, _ISIZE.pack(header[1] & 0xFFFFFFFF)) if header else None
            if header is None or size is None:
                yield from _read_in_parent(path, window.offset, stats, name, max_bytes)
                return
            content = window.take(size)
            if header[0].get("warc-type") != "response":
                continue
            skipped = surely_skipped(header[2])
            if skipped is None:
                yield _page(header[0], content, name)
            else:
                stats.skip(skipped)


def _read_in_parent(path: str, offset: int, stats: IngestStats, name: str, max_bytes: int) -> Iterator[Item]:
    """The rest of the file from `offset`, read and inflated here (counted as the same archive)."""
    rest = IngestStats()
    with open(path, "rb") as handle:
        handle.seek(offset)
        yield from iter_warc(handle, rest, source=name, max_bytes=max_bytes)
    stats.merge(rest.to_dict())


@functools.cache
def _inflater() -> tuple[Callable[[int], Any], tuple[type[Exception], ...]]:
    """decompressobj of ISA-L where installed (about twice zlib's speed), else zlib's; and their errors."""
    try:
        from isal import isal_zlib
    except ImportError:
        return zlib.decompressobj, (zlib.error,)
    return isal_zlib.decompressobj, (zlib.error, isal_zlib.error)  # type: ignore[return-value]


def _inflate(member: bytes, max_bytes: int) -> bytes | None:
    """The record a member holds, inflated in one step, at most the size its trailer gives; None if it is bigger
    (ISIZE counts modulo 4 GiB), too big for max_bytes, or broken: the caller then reads it as a capped stream."""
    size = _ISIZE.unpack_from(member, len(member) - _ISIZE.size)[0] if len(member) >= MIN_MEMBER else 0
    if not 0 < size <= max_bytes + HEAD_STEPS[-1]:
        return None
    decompressobj, errors = _inflater()
    inflater = decompressobj(31)
    try:
        record = inflater.decompress(member, size + 1)
    except errors:
        return None
    return record if inflater.eof and len(record) == size else None


def open_member(page: Page, max_bytes: int) -> tuple[Page | Failure | None, IngestStats]:
    """The page or failure the compressed record of a "warc-gz" page holds (None if it is skipped: non-HTML,
    not 2xx), read exactly as iter_warc reads it; the stats say why a record was skipped or cut short."""
    stats = IngestStats()
    content = page.content if isinstance(page.content, bytes) else page.content.encode("utf-8", "surrogateescape")
    record = _inflate(content, max_bytes)
    stream = io.BytesIO(content if record is None else record)
    items = iter_warc(stream, stats, source=page.source, max_bytes=max_bytes)
    return next(items, None), stats
