"""URL lists against a local HTTP server on 127.0.0.1 (never the network): politeness, caps, robots.txt."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from corpus_helpers import article_html

pytest.importorskip("httpx")

from fliesstext.ingest.urls import FetchConfig, fetch_urls, read_url_list  # noqa: E402
from fliesstext.model import Failure, Page  # noqa: E402


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []
    times: list[float] = []

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout test)
            pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path
        type(self).hits[path] = type(self).hits.get(path, 0) + 1
        type(self).agents.append(self.headers.get("User-Agent", ""))
        type(self).times.append(time.monotonic())
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
        elif path.startswith("/page/"):
            self._send(200, article_html(int(path.rsplit("/", 1)[1])).encode("latin-1"),
                       "text/html; charset=iso-8859-1")
        elif path == "/flaky":
            if type(self).hits[path] == 1:
                self._send(503, b"busy", Retry_After="0")
            else:
                self._send(200, article_html(99).encode())
        elif path == "/loop":
            self._send(302, b"", Location="/loop")
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * 300_000 + b"</p>")
        elif path == "/image":
            self._send(200, b"\x89PNG", "image/png")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, b"<p>late</p>")
        else:
            self._send(404, b"not found")


@pytest.fixture
def server():
    _Handler.hits, _Handler.agents, _Handler.times = {}, [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _config(**changes: object) -> FetchConfig:
    base = dict(read_timeout=1.0, connect_timeout=1.0, retries=1, backoff=0.05, max_bytes=100_000, max_redirects=3,
                host_delay=0.0, concurrency=3)
    base.update(changes)
    return FetchConfig(**base)  # type: ignore[arg-type]


def test_url_list_one_item_per_url_in_order(server, tmp_path):
    paths = ["/page/1", "/private/x", "/flaky", "/loop", "/big", "/image", "/missing", "/slow", "/page/2", "ftp://x"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# my list\n\n" + "\n".join(p if "://" in p else server + p for p in paths) + "\n")
    items = list(fetch_urls(read_url_list(str(listing)), _config()))
    assert len(items) == len(paths)
    kinds = {p: (i.error if isinstance(i, Failure) else "page") for p, i in zip(paths, items, strict=True)}
    assert kinds == {"/page/1": "page", "/private/x": "RobotsDisallowed", "/flaky": "page",
                     "/loop": "TooManyRedirects", "/big": "ResponseTooLarge", "/image": "NotHTML",
                     "/missing": "HTTPStatusError", "/slow": "ReadTimeout", "/page/2": "page",
                     "ftp://x": "InvalidURL"}
    page = items[0]
    assert isinstance(page, Page) and page.http_charset == "iso-8859-1" and page.url == server + "/page/1"
    assert page.fetched_at and page.id == server + "/page/1"
    assert _Handler.hits["/flaky"] == 2 and _Handler.hits["/robots.txt"] == 1 and "/private/x" not in _Handler.hits
    assert all(agent.startswith("fliesstext/") for agent in _Handler.agents)


def test_per_host_delay_and_skip(server):
    urls = [f"{server}/page/{i}" for i in range(4)]
    items = list(fetch_urls(urls, _config(host_delay=0.2, respect_robots=False), skip_below=1))
    assert len(items) == 4 and items[0].content == b""
    gaps = [b - a for a, b in zip(_Handler.times, _Handler.times[1:], strict=False)]
    assert len(_Handler.times) == 3 and min(gaps) >= 0.18


def test_url_pages_through_the_runner(server):
    from fliesstext.formats.sharded import CollectSink
    from fliesstext.run.batch import run_batch

    sink = CollectSink()
    run_batch(lambda start: fetch_urls([f"{server}/page/{i}" for i in range(3)], _config(), skip_below=start),
              sink, workers=1)
    assert [r.url for r in sink.records] == [f"{server}/page/{i}" for i in range(3)]
    assert "Paragraph 1 of article 2" in sink.records[2].text


def test_cli_urls_file(server, tmp_path):
    import json

    from click.testing import CliRunner

    from fliesstext.cli import main

    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join([f"{server}/page/{i}" for i in range(3)] + [f"{server}/private/1"]))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", "--urls", str(listing), "-o", str(out), "-q", "--workers", "1"],
                                catch_exceptions=False)
    assert result.exit_code == 1  # one URL is disallowed by robots.txt: a failure record, exit code 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == [f"{server}/page/{i}" for i in range(3)] + [f"{server}/private/1"]
    assert records[3]["error"] == "RobotsDisallowed" and "body" in records[0]
