"""The host a URL names: what per-host templates, worker routing and the output's `host` are keyed by."""
from __future__ import annotations

from urllib.parse import urlsplit


def url_host(url: str | None) -> str | None:
    """Lower-case hostname of an absolute URL; None for no URL, a relative one, or one that does not parse."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None
