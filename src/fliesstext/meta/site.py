"""Site name, section, tags and canonical URL."""
from __future__ import annotations

import re
from typing import Any

from ..parse import ParsedPage
from ._text import absolute, clean, first_str
from .jsonld import JsonLd, names

_TAG_SPLIT = re.compile(r"\s*[,;|]\s*")
_MAX_TAGS = 40


def extract_site_name(page: ParsedPage, ld: JsonLd) -> str | None:
    value = page.meta_first("og:site_name")
    if value:
        return clean(value)
    publisher = names(ld.get("publisher"), ld)
    if publisher:
        return publisher[0]
    value = page.meta_first("application-name")
    return clean(value) if value else None


def _breadcrumb_section(ld: JsonLd) -> str | None:
    crumb = ld.breadcrumb
    if crumb is None:
        return None
    items = crumb.get("itemListElement")
    if not isinstance(items, list) or len(items) < 3:
        return None
    names_ = []
    for item in items:
        if isinstance(item, dict):
            inner = item.get("item")
            name = item.get("name") or (inner.get("name") if isinstance(inner, dict) else None)
            names_.append(clean(name) if isinstance(name, str) else "")
    # first level is home, last is the article itself
    return names_[1] or None


def extract_section(page: ParsedPage, ld: JsonLd) -> str | None:
    section = first_str(ld.get("articleSection"))
    if section:
        return section
    value = page.meta_first("article:section", "section", "parsely-section", "cxenseparse:recs:category")
    if value:
        return clean(value)
    return _breadcrumb_section(ld)


def _split_tags(value: Any) -> list[str]:
    if isinstance(value, list):
        return [t for v in value for t in _split_tags(v)]
    if isinstance(value, dict):
        return _split_tags(value.get("name"))
    if isinstance(value, str):
        return [t for t in (clean(part) for part in _TAG_SPLIT.split(value)) if t]
    return []


def extract_tags(page: ParsedPage, ld: JsonLd) -> tuple[str, ...]:
    found: list[str] = []
    found.extend(_split_tags(ld.get("keywords")))
    for key in ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
        for value in page.meta.get(key, ()):
            found.extend(_split_tags(value))
    seen: dict[str, str] = {}
    for tag in found:
        if len(tag) <= 80:
            seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())[:_MAX_TAGS]


def extract_canonical(page: ParsedPage, ld: JsonLd) -> str | None:
    for href in page.links.get("canonical", ()):
        if href.strip():
            return absolute(href, page.url)
    value = page.meta_first("og:url")
    if value:
        return absolute(value, page.url)
    url = ld.get("url")
    return absolute(url, page.url) if isinstance(url, str) else None
