"""Which worker gets a page: every page of a host goes to the same worker, so that worker alone learns the host's
template, from the host's pages in input order — the output does not depend on scheduling or on the number of
workers (a worker replaced after a timeout or crash starts that host's learning again).

A new host goes to the worker that has been given the fewest pages so far (a deterministic, input-only rule).
A host that takes more than its fair share of a run (a crawl of one site) would leave the other workers idle: once
it has had SPLIT_MIN_PAGES pages and more than SPLIT_SHARE / workers of all pages, its later pages go round-robin
(each worker then learns that host from every N-th page: deterministic for a given N). Pages without a URL host go
to whichever worker is free.
"""
from __future__ import annotations

from ..model import Page
from ..urlhost import url_host

SPLIT_MIN_PAGES = 64  # a host is split only after this many pages ...
SPLIT_SHARE = 0.5  # ... and once it had more than this share of a worker's fair part (1 / workers) of all pages
MAX_HOSTS = 200_000  # hosts remembered (least recently seen forgotten first: bounded memory on a crawl)


page_host = url_host  # the host templates are keyed by: pages of one host go to one worker


class HostRouter:
    def __init__(self, workers: int, max_hosts: int = MAX_HOSTS) -> None:
        self.workers = max(1, workers)
        self.max_hosts = max_hosts
        self.given = [0] * self.workers  # pages routed to each worker
        self.total = 0
        self._hosts: dict[str, list[int]] = {}  # host -> [worker, pages, split round-robin counter or -1]

    def route(self, page: Page) -> int | None:
        """The worker index for this page, or None (any worker)."""
        if self.workers == 1:
            return 0
        host = page_host(page.url)
        if host is None:
            return None
        entry = self._hosts.pop(host, None)
        if entry is None:
            entry = [min(range(self.workers), key=self.given.__getitem__), 0, -1]
        self._hosts[host] = entry  # most recently seen last
        if len(self._hosts) > self.max_hosts:
            del self._hosts[next(iter(self._hosts))]
        entry[1] += 1
        self.total += 1
        if entry[2] < 0 and entry[1] >= SPLIT_MIN_PAGES and entry[1] > SPLIT_SHARE * self.total / self.workers:
            entry[2] = 0
        if entry[2] >= 0:
            worker = entry[2] % self.workers
            entry[2] += 1
        else:
            worker = entry[0]
        self.given[worker] += 1
        return worker
