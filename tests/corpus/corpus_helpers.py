"""Helpers for the corpus tests: build small WARCs by hand (fastwarc's record writer), sample pages."""
from __future__ import annotations

import gzip
import io
import uuid
from pathlib import Path


def article_html(n: int, extra: str = "") -> str:
    paras = "".join(f"<p>Paragraph {i} of article {n} tells a long enough story about the city council.</p>"
                    for i in range(3))
    return (f"<!doctype html><html lang='de'><head><title>Artikel {n}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>Artikel {n}</h1>{paras}{extra}</article></body></html>")


def warc_record(uri: str, payload: bytes, content_type: str | None = "text/html; charset=utf-8",
                status: str = "200 OK", broken: bool = False, record_id: str | None = None,
                extra_headers: tuple[str, ...] = ()) -> bytes:
    from fastwarc.warc import WarcRecord, WarcRecordType

    record = WarcRecord()
    record.init_headers(record_type=WarcRecordType.response,
                        record_urn=(record_id or str(uuid.uuid4())).encode())
    record.headers["WARC-Target-URI"] = uri
    record.headers["WARC-Date"] = "2024-03-01T12:00:00Z"
    record.headers["Content-Type"] = "application/http; msgtype=response"
    if broken:
        http = b"this is no http header\r\n\r\n"
    else:
        lines = [f"HTTP/1.1 {status}"] + ([f"Content-Type: {content_type}"] if content_type else [])
        lines += list(extra_headers)
        http = ("\r\n".join(lines) + "\r\n\r\n").encode()
    record.set_bytes_content(http + payload)
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def write_warc(path: Path, records: list[bytes], compress: bool = True) -> Path:
    with open(path, "wb") as handle:
        for record in records:
            handle.write(gzip.compress(record) if compress else record)
    return path
