"""Per-host template learning: lines and blocks that repeat across a host's pages are its template.

A `TemplateStore` counts, per host, on how many pages each normalised line/block was seen, and keeps a
short history of body lengths. Extraction asks it for a `HostTemplate` (the keys seen on enough pages)
and reports each finished article back (`observe`), which also checks for layout breakage.
Saved as one JSON file per host in a directory (`--templates DIR`).
"""
from __future__ import annotations

import hashlib
import json
import operator
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
MIN_PAGES = 3  # a line is template once seen on this many pages of the host ...
MIN_SHARE = 0.3  # ... and on at least this share of the host's pages
MAX_KEYS = 50_000  # per host; beyond this, keys seen only once are pruned
MAX_URLS = 100_000  # per host, URL hashes remembered to skip re-crawls
HISTORY = 50  # body lengths kept per host for breakage detection
MAX_HOSTS = 20_000  # hosts kept in memory; the least recently seen is forgotten first (constant memory on a crawl)
REFRESH_SHARE = 0.1  # a host's template is recomputed when its page count grew by this share (or by REFRESH_PAGES)
REFRESH_PAGES = 20
MAX_MEMO = 20_000  # texts whose key is remembered (a host's menus and footers repeat on every page); ~4 MB
MAX_MEMO_CHARS = 2_000_000  # multi-line texts (removed menus) whose line keys are remembered, in characters
BREAKAGE_MIN_HISTORY = 5
BREAKAGE_RATIO = 0.25  # body shorter than this share of the host's median body: layout changed?
_DIGITS = re.compile(r"\d\d*")  # = \d+, but a leading single \d lets the regex engine skip to digits fast
_UNSAFE = re.compile(r"[^a-z0-9.-]")


def template_key(text: str) -> str:
    """Normalised line text: case and whitespace folded, numbers masked ('vor 22 Stunden' = 'vor 3 Stunden')."""
    key = _DIGITS.sub("0", " ".join(text.casefold().split()))  # split() = the whitespace of \s, and faster
    if len(key) > 200:
        key = key[:120] + "#" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
    return key


def memo_keys(memo: dict[str, str], texts: Iterable[str]) -> list[str]:
    """template_key of each text through `memo`, in order: one C-level dict lookup per known text."""
    texts = texts if isinstance(texts, list | tuple) else list(texts)
    keys = list(map(memo.get, texts))
    if None in keys:  # new texts (a host's first pages, article lines): key them one by one
        keys = [memo_key(memo, text) if key is None else key for text, key in zip(texts, keys, strict=True)]
    return keys  # type: ignore[return-value]


def memo_key(memo: dict[str, str], text: str) -> str:
    """template_key(text) through `memo` (a host's chrome repeats page after page); the memo stays bounded."""
    key = memo.get(text)
    if key is None:
        if len(memo) >= MAX_MEMO:
            memo.clear()
        key = memo[text] = template_key(text)
    return key


def _median(values: list[int]) -> float:
    """statistics.median, without its generality (a few dozen ints)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


@dataclass(frozen=True, slots=True)
class HostTemplate:
    """What is known about one host at extraction time: template keys -> number of pages seen on."""

    host: str
    pages: int
    keys: dict[str, int]
    memo: dict[str, str] | None = field(default=None, compare=False, repr=False)  # the store's text -> key memo

    def pages_for(self, text: str) -> int | None:
        """On how many pages this line/block was seen, if it belongs to the template."""
        return self.keys.get(template_key(text) if self.memo is None else memo_key(self.memo, text))

    def pages_of(self, texts: Iterable[str]) -> list[int | None]:
        """pages_for of each text, in order (one call for a page's blocks)."""
        keys = memo_keys(self.memo, texts) if self.memo is not None else map(template_key, texts)
        return list(map(self.keys.get, keys))


@dataclass(slots=True)
class HostStats:
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)  # a Counter: update() counts a page's keys in C
    lengths: list[int] = field(default_factory=list)
    urls: set[int] = field(default_factory=set)  # hashes of URLs counted (re-crawls are not counted twice)
    cached: HostTemplate | None = None  # the template computed at `cached_pages`
    cached_pages: int = -1

    def __post_init__(self) -> None:
        if not isinstance(self.counts, Counter):  # a plain dict's update() would take each key for a pair
            self.counts = Counter(self.counts)


class TemplateStore:
    """Learned templates of many hosts. Not thread-safe; one store per batch/worker."""

    def __init__(self, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE, learning: bool = True,
                 max_hosts: int = MAX_HOSTS) -> None:
        self.min_pages = min_pages
        self.min_share = min_share
        self.learning = learning
        self.max_hosts = max_hosts
        self._hosts: dict[str, HostStats] = {}  # insertion order = recency (a host seen again moves to the end)
        self._memo: dict[str, str] = {}  # text -> template_key(text), shared with HostTemplate.pages_for
        self._line_memo: dict[str, tuple[str, ...]] = {}  # multi-line text -> the keys of its lines
        self._line_memo_chars = 0
        self.observed: set[str] = set()  # hosts that learned from a page since this store was made or loaded

    def hosts(self) -> list[str]:
        return sorted(self._hosts)

    def template(self, host: str | None) -> HostTemplate | None:
        """The current template of a host, or None when too few pages were seen."""
        stats = self._hosts.get(host) if host else None
        if stats is None or stats.pages < self.min_pages or not host:
            return None
        grown = stats.pages - stats.cached_pages
        if stats.cached_pages < 0 or grown >= min(REFRESH_PAGES, max(1, int(REFRESH_SHARE * stats.cached_pages))):
            floor = max(self.min_pages, int(self.min_share * stats.pages + 0.999))
            counts = stats.counts  # {key: n for n >= floor}: a copy (fast) less the few keys below the floor
            keys = dict(counts)
            for key in list(compress(counts, map(operator.gt, repeat(floor), counts.values()))):
                del keys[key]
            stats.cached = HostTemplate(host, stats.pages, keys, self._memo) if keys else None
            stats.cached_pages = stats.pages
        return stats.cached

    def observe(self, host: str | None, texts: Iterable[str], body_chars: int, url: str | None = None,
                multiline: Sequence[str] = ()) -> str | None:
        """Count one page's lines/blocks for its host; returns a breakage warning if the body collapsed.
        `multiline`: texts learned line by line (a removed menu), as if their lines were in `texts`.

        A URL seen before (a re-crawl) is not counted again: its article would look like template.
        """
        if not host:
            return None
        stats = self._touch(host)
        warning = self._breakage(host, stats, body_chars)
        if not self.learning or not self._first_visit(stats, url):
            return warning
        stats.pages += 1
        self.observed.add(host)
        stats.counts.update(self._keys(texts, multiline))
        if len(stats.counts) > MAX_KEYS:
            stats.counts = Counter({key: n for key, n in stats.counts.items() if n > 1})
        lengths = stats.lengths
        lengths.append(body_chars)
        if len(lengths) > HISTORY:
            del lengths[:-HISTORY]
        return warning

    def _keys(self, texts: Iterable[str], multiline: Sequence[str] = ()) -> set[str]:
        """The template keys of one page's texts, through the memo (a host's chrome repeats page after page)."""
        keys = set(memo_keys(self._memo, texts))  # (a text repeated on the page is looked up twice: cheaper than a set)
        if multiline:
            keys.update(*self._line_keys(multiline))
        keys.discard("")  # whitespace
        return keys

    def _line_keys(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """The keys of each text's lines, through a memo of whole texts (no splitting of a menu seen before)."""
        memo = self._line_memo
        found = list(map(memo.get, texts))
        if None not in found:
            return found  # type: ignore[return-value]
        for index, text in enumerate(texts):
            if found[index] is None:
                if self._line_memo_chars > MAX_MEMO_CHARS:
                    memo.clear()
                    self._line_memo_chars = 0
                found[index] = memo[text] = tuple(memo_keys(self._memo, text.split("\n")))
                self._line_memo_chars += len(text)
        return found  # type: ignore[return-value]

    @staticmethod
    def _first_visit(stats: HostStats, url: str | None) -> bool:
        """False for a URL counted before (a re-crawl); remembers the URL otherwise."""
        if url is None:
            return True
        digest = hash(url)  # 64 bits, like a short blake2b, and cheaper; never saved (it varies between processes)
        if digest in stats.urls:
            return False
        if len(stats.urls) < MAX_URLS:
            stats.urls.add(digest)
        return True

    def _touch(self, host: str) -> HostStats:
        """The host's stats, marked as most recently seen; the least recent host is dropped beyond max_hosts."""
        stats = self._hosts.pop(host, None) or HostStats()
        self._hosts[host] = stats
        while len(self._hosts) > self.max_hosts:
            oldest = next(iter(self._hosts))
            del self._hosts[oldest]
            self.observed.discard(oldest)
        return stats

    @staticmethod
    def _breakage(host: str, stats: HostStats, body_chars: int) -> str | None:
        lengths = stats.lengths
        if len(lengths) < BREAKAGE_MIN_HISTORY or body_chars >= BREAKAGE_RATIO * max(lengths):
            return None  # (the median is at most the maximum: no breakage, without sorting)
        median = _median(lengths)
        if median > 0 and body_chars < BREAKAGE_RATIO * median:
            return (
                f"layout breakage? body of {host} collapsed to {body_chars} chars "
                f"(median of the last {len(stats.lengths)} pages: {int(median)})"
            )
        return None

    def save(self, directory: str | Path, hosts: Iterable[str] | None = None, min_count: int = 2) -> None:
        """One JSON file per host: {host, pages, counts (keys seen on >= min_count pages), lengths}.
        `hosts`: only these (default: all). Each file is written whole (temporary file, then rename)."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        for host in sorted(self._hosts if hosts is None else set(hosts) & self._hosts.keys()):
            stats = self._hosts[host]
            data: dict[str, Any] = {
                "version": FORMAT_VERSION, "host": host, "pages": stats.pages,
                "counts": {key: n for key, n in sorted(stats.counts.items()) if n >= min_count},
                "lengths": stats.lengths,
            }
            path = folder / f"{_UNSAFE.sub('_', host.lower())}.json"
            tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
            os.replace(tmp, path)

    def merge_learned(self, base: TemplateStore, part: TemplateStore) -> None:
        """Add what `part` learned beyond `base` (the state it was loaded from) to this store: page and key counts
        add up, body lengths append. Several workers that each started from `base` merge to what one store
        that saw all their pages would hold (but for pruning and the re-crawl check, which are per store)."""
        for host in part.observed:
            learned = part._hosts.get(host)
            if learned is None:
                continue
            before = base._hosts.get(host) or HostStats()
            target = self._hosts.get(host)
            if target is None:
                target = self._hosts[host] = HostStats(before.pages, Counter(before.counts), list(before.lengths))
            target.pages += learned.pages - before.pages
            counts = target.counts
            for key, n in learned.counts.items():
                added = n - before.counts.get(key, 0)
                if added > 0:
                    counts[key] = counts.get(key, 0) + added
            pages = learned.pages - before.pages  # each counted page appended one length
            target.lengths = (target.lengths + (learned.lengths[-pages:] if pages > 0 else []))[-HISTORY:]
            target.cached, target.cached_pages = None, -1
            self.observed.add(host)

    @classmethod
    def load(cls, directory: str | Path, **kwargs: Any) -> TemplateStore:
        """Read a directory written by `save` (a missing directory gives an empty store)."""
        store = cls(**kwargs)
        folder = Path(directory)
        if not folder.is_dir():
            return store
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != FORMAT_VERSION or not data.get("host"):
                continue
            store._hosts[data["host"]] = HostStats(
                pages=int(data.get("pages", 0)),
                counts=Counter({str(k): int(v) for k, v in data.get("counts", {}).items()}),
                lengths=[int(n) for n in data.get("lengths", [])],
            )
        return store
