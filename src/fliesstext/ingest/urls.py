"""A list of URLs -> Page, fetched politely with httpx.

Connect/read timeouts, retries with exponential backoff (network errors, 429 and 5xx), a response size cap, a
redirect cap, a per-host delay between requests, a descriptive User-Agent, and robots.txt honoured by default
(RFC 9309: a 4xx robots.txt allows everything, an unreachable one disallows). Each URL yields exactly one item,
in input order: a Page, or a Failure saying why it could not be fetched. Fetches run on a few threads.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from ..model import Page
from .base import Item, ingest_failure, require

USER_AGENT = f"fliesstext/{__version__} (article extraction; +https://pypi.org/project/fliesstext/)"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchConfig:
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 2  # extra attempts after the first
    backoff: float = 1.0  # seconds; doubled each retry
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to the same host
    respect_robots: bool = True
    concurrency: int = 4


class FetchError(Exception):
    def __init__(self, error: str, message: str) -> None:
        super().__init__(message)
        self.error = error


class _HostGate:
    """Per-host politeness: a request to a host waits until `delay` after the previous one started."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.lock = threading.Lock()
        self.next_at: OrderedDict[str, float] = OrderedDict()

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at.get(host, 0.0))
            self.next_at[host] = at + self.delay
            self.next_at.move_to_end(host)
            while len(self.next_at) > 10_000:
                self.next_at.popitem(last=False)
        if at > now:
            time.sleep(at - now)


class Fetcher:
    """Holds the HTTP client, the host gate and the robots.txt cache for one run."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        httpx = require("httpx", "urls")
        self.httpx = httpx
        self.config = config or FetchConfig()
        c = self.config
        self.client = httpx.Client(
            headers={"User-Agent": c.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
            timeout=httpx.Timeout(c.read_timeout, connect=c.connect_timeout), follow_redirects=True,
            max_redirects=c.max_redirects)
        self.gate = _HostGate(c.host_delay)
        self.robots: OrderedDict[str, RobotFileParser | None] = OrderedDict()
        self.robots_lock = threading.Lock()
        self.robots_loading: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Item:
        try:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError("InvalidURL", f"not an http(s) URL: {url!r}")
            if self.config.respect_robots and not self._allowed(url, parts.scheme, parts.netloc):
                raise FetchError("RobotsDisallowed", "robots.txt disallows this URL for our User-Agent")
            return self._get_page(url, parts.netloc)
        except FetchError as err:
            return ingest_failure(url, str(err), err.error, url)
        except ValueError as err:
            return ingest_failure(url, err, "InvalidURL", url)

    def _get_page(self, url: str, host: str) -> Page:
        status, headers, body, final_url = self._request(url, host)
        if status >= 400:
            raise FetchError("HTTPStatusError", f"HTTP {status}")
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in _HTML_TYPES:
            raise FetchError("NotHTML", f"content type {ctype!r}")
        charset = _charset(headers.get("content-type", ""))
        fetched = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return Page(content=body, url=final_url, id=url, source=url, http_charset=charset, fetched_at=fetched,
                    mode="text" if ctype == "text/plain" else "auto")

    def _request(self, url: str, host: str) -> tuple[int, Any, bytes, str]:
        """GET with retries and backoff; returns (status, headers, body, final URL)."""
        attempts = self.config.retries + 1
        for attempt in range(attempts):
            self.gate.wait(host)
            headers: Any = None
            try:
                status, headers, body, final_url = self._get_once(url)
            except self.httpx.TooManyRedirects as err:
                raise FetchError("TooManyRedirects", str(err)) from err
            except self.httpx.TransportError as err:
                if attempt + 1 >= attempts:
                    raise FetchError(type(err).__name__, str(err) or type(err).__name__) from err
            else:
                if status not in _RETRY_STATUS or attempt + 1 >= attempts:
                    return status, headers, body, final_url
            time.sleep(self._delay(attempt, headers))
        raise FetchError("FetchError", "no attempt made")  # pragma: no cover - attempts >= 1

    def _delay(self, attempt: int, headers: Any) -> float:
        delay = self.config.backoff * (2 ** attempt)
        retry_after = headers.get("retry-after") if headers is not None else None
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), 60.0))
        return delay

    def _get_once(self, url: str) -> tuple[int, Any, bytes, str]:
        cap = self.config.max_bytes
        with self.client.stream("GET", url) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise FetchError("ResponseTooLarge", f"response of {declared} bytes is over the {cap} byte cap")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError("ResponseTooLarge", f"response is over the {cap} byte cap")
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks), str(response.url)

    def _allowed(self, url: str, scheme: str, netloc: str) -> bool:
        parser = self._robots_for(f"{scheme}://{netloc}", netloc)
        return True if parser is None else parser.can_fetch(self.config.user_agent, url)

    def _robots_for(self, key: str, netloc: str) -> RobotFileParser | None:
        """robots.txt of a host, fetched once even when several threads ask at the same time."""
        with self.robots_lock:
            if key in self.robots:
                return self.robots[key]
            loading = self.robots_loading.setdefault(key, threading.Lock())
        with loading:
            with self.robots_lock:
                if key in self.robots:
                    return self.robots[key]
            parser = self._load_robots(key, netloc)
            with self.robots_lock:
                self.robots[key] = parser
                self.robots_loading.pop(key, None)
                while len(self.robots) > 10_000:
                    self.robots.popitem(last=False)
            return parser

    def _load_robots(self, base: str, netloc: str) -> RobotFileParser | None:
        """None = everything allowed (robots.txt missing / 4xx); a parser otherwise (disallow-all if unreachable)."""
        parser = RobotFileParser()
        try:
            status, _, body, _ = self._request(f"{base}/robots.txt", netloc)
        except FetchError:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if 400 <= status < 500:
            return None
        if status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_url_list(path: str) -> Iterator[str]:
    """URLs, one a line; blank lines and lines starting with # are ignored."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def fetch_urls(urls: Iterable[str], config: FetchConfig | None = None, skip_below: int = 0) -> Iterator[Item]:
    """One item per URL, in order. The first `skip_below` URLs (done by an earlier run) yield an empty
    placeholder page without being fetched."""
    fetcher = Fetcher(config)
    window: deque[Future[Item]] = deque()
    limit = max(1, fetcher.config.concurrency) * 2
    try:
        with ThreadPoolExecutor(max_workers=max(1, fetcher.config.concurrency), thread_name_prefix="fetch") as pool:
            for index, url in enumerate(urls):
                if index < skip_below:
                    yield Page(content=b"", url=url, id=url, source=url)
                    continue
                window.append(pool.submit(fetcher.fetch, url))
                while len(window) >= limit:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
    finally:
        for future in window:
            future.cancel()
        fetcher.close()
