"""The lead image: og:image and the JSON-LD image, with alt, caption, credit and size when the page says.

A <figure> in the page that shows the same file lends its <figcaption> (caption and credit split).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Image
from ..parse import ParsedPage
from ._scan import PageNodes
from ._text import absolute, clean, first_str, node_text
from .jsonld import JsonLd, names

_CREDIT_CSS = '[class*="credit"], [class*="copyright"], [class*="source"], [class*="author"], [class*="quelle"], small'
_CREDIT_PREFIX = re.compile(r"^\s*(?:©|\(c\)|foto|photo|bild|image|picture|credit|quelle|source|fotó|zdjęcie|kuva)s?\s*[:©]?\s*", re.I)
_SIZE_SUFFIX = re.compile(r"(?:[-_.@](?:\d{2,4}(?:x\d{2,4})?w?|\dx|large|medium|small|thumb|original))+$")


@dataclass(frozen=True, slots=True)
class _Figure:
    src: str | None
    alt: str | None
    caption: str | None
    credit: str | None
    width: int | None
    height: int | None


def _int(value: Any) -> int | None:
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str):
        digits = re.match(r"\s*(\d{1,5})", value)
        return int(digits.group(1)) if digits else None
    return None


def _ld_image(ld: JsonLd) -> dict[str, Any] | None:
    value = ld.get("image")
    if isinstance(value, list):
        value = value[0] if value else None
    value = ld.resolve(value)
    if isinstance(value, str):
        return {"url": value}
    return value if isinstance(value, dict) else None


def _stem(url: str | None) -> str:
    """The file name without extension and size suffix: ".../ferry-1200.jpg" -> "ferry"."""
    if not url:
        return ""
    path = url.split("?", 1)[0].rstrip("/")
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    base = _SIZE_SUFFIX.sub("", name)
    return base if len(base) >= 4 else (name if len(name) >= 6 else "")


def split_credit(node: Any) -> tuple[str | None, str | None]:
    """(caption, credit) of a figcaption-like node: a credit/copyright child is the credit."""
    credit_node = node.css_first(_CREDIT_CSS)
    credit = node_text(credit_node, " ") if credit_node is not None else ""
    caption = node_text(node, " ")
    if credit and caption.endswith(credit):
        caption = caption[: -len(credit)].strip()
    elif credit and caption.startswith(credit):
        caption = caption[len(credit):].strip()
    if credit:
        if credit.startswith("(") and credit.endswith(")"):
            credit = credit[1:-1]
        credit = _CREDIT_PREFIX.sub("", credit).strip() or credit
    return caption or None, credit or None


def _figure_for(page: ParsedPage, src: str, figures: tuple[Any, ...]) -> _Figure | None:
    """The first <figure> whose image is the same photo as src (any size), with its caption and credit."""
    stem = _stem(src)
    if not stem:
        return None
    for figure in figures:
        for img in figure.css("img"):
            attrs = img.attributes
            urls = " ".join(v or "" for k, v in attrs.items() if k in ("src", "data-src", "srcset", "data-srcset"))
            if stem in urls.lower():
                caption_node = figure.css_first("figcaption")
                caption, credit = split_credit(caption_node) if caption_node is not None else (None, None)
                own = absolute(attrs.get("src") or attrs.get("data-src"), page.url)
                return _Figure(own, clean(attrs.get("alt")) or None, caption, credit,
                               _int(attrs.get("width")), _int(attrs.get("height")))
    return None


def extract_lead_image(page: ParsedPage, ld: JsonLd, nodes_: PageNodes) -> tuple[Image, ...]:
    ld_img = _ld_image(ld) or {}
    src = absolute(page.meta_first("og:image", "og:image:url", "og:image:secure_url", "twitter:image")
                   or first_str(ld_img.get("url") or ld_img.get("contentUrl")) or None, page.url)
    if not src:
        return ()
    alt = clean(page.meta_first("og:image:alt", "twitter:image:alt") or "") or None
    caption = clean(ld_img.get("caption") if isinstance(ld_img.get("caption"), str) else "") or None
    credit = clean(ld_img.get("creditText") if isinstance(ld_img.get("creditText"), str) else "") or None
    if not credit:
        holders = names(ld_img.get("copyrightHolder") or ld_img.get("author"), ld)
        credit = holders[0] if holders else None
    width = _int(page.meta_first("og:image:width")) or _int(ld_img.get("width"))
    height = _int(page.meta_first("og:image:height")) or _int(ld_img.get("height"))
    figure = _figure_for(page, src, nodes_.figures)
    if figure is None:
        return (Image(src=src, alt=alt, caption=caption, credit=credit, width=width, height=height),)
    if figure.src and figure.src != src:  # the page shows another size of the same photo: report what it shows
        src, width, height = figure.src, figure.width, figure.height
    return (Image(src=src, alt=figure.alt or alt, caption=figure.caption or caption, credit=figure.credit or credit,
                  width=width, height=height),)
