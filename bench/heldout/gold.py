"""Turn a fixture's expected article (an HTML fragment or plain text) into gold paragraphs.

The gold follows the dev set's convention (../shared/bench/README.md): body = paragraphs joined by blank lines,
teaser and sub-headings kept; title, captions, credits and bylines left out. Figures and captions are dropped by
tag and by a few class tokens; what a fixture kept beyond that (a byline, a date line) is removed per page with
exact `drop` strings in pages.json, after eyeballing, never by guessing.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import lxml.html
from lxml.etree import _Element

_SPACE = re.compile(r"\s+")
_BLANK = re.compile(r"\n\s*\n")
_BREAK = "\x00"  # a paragraph boundary (block edge or <br>); source newlines are only whitespace
# Elements whose text never belongs to the body, whatever the fixture kept.
_SKIP_TAGS = frozenset({"figure", "figcaption", "script", "style", "noscript", "template", "svg", "iframe",
                        "img", "picture", "video", "audio", "button", "form", "select", "textarea"})
_SKIP_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|credit|byline|posted-date|source)(?:$|[\s_-])", re.I)
_BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
                         "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
                         "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
                         "hr", "address", "details", "summary", "center"})


def _skipped(element: _Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _SKIP_TAGS:
        return True
    return bool(_SKIP_CLASS.search(element.get("class") or ""))


def _pieces(element: _Element) -> Iterator[str]:
    """Text of `element` with _BREAK at block edges and for <br>, skipped subtrees left out."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    block = tag in _BLOCK_TAGS
    if block:
        yield _BREAK
    if tag == "br":
        yield _BREAK
    if element.text:
        yield element.text
    for child in element:
        if not isinstance(child.tag, str):  # comment or processing instruction: keep only its tail
            if child.tail:
                yield child.tail
            continue
        if not _skipped(child):
            yield from _pieces(child)
        if child.tail:
            yield child.tail
    if block:
        yield _BREAK


def paragraphs_from_html(fragment: str, drop: Iterable[str] = ()) -> list[str]:
    """Block paragraphs of an article fragment (Readability's expected.html and the like)."""
    if not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    return _finish("".join(_pieces(root)).split(_BREAK), drop)


def paragraphs_from_text(text: str, drop: Iterable[str] = ()) -> list[str]:
    """Paragraphs of a plain-text gold body (blank-line separated)."""
    return _finish(_BLANK.split(text), drop)


def _finish(parts: Iterable[str], drop: Iterable[str]) -> list[str]:
    dropped = {_SPACE.sub(" ", d).strip() for d in drop}
    out = []
    for part in parts:
        clean = _SPACE.sub(" ", part).strip()
        if clean and clean not in dropped:
            out.append(clean)
    return out


def insert_paragraphs(paragraphs: list[str], adds: Iterable[dict[str, str | None]]) -> list[str]:
    """Put back paragraphs a fixture left out against the dev convention (a teaser, sub-headings).

    Each add is {"text": ..., "before": prefix of the gold paragraph it precedes, or null for the start}.
    An anchor that matches no paragraph is an error: the page's gold changed and the manifest must be checked.
    """
    out = list(paragraphs)
    for add in adds:
        text, before = str(add["text"]), add.get("before")
        if before is None:
            out.insert(0, text)
            continue
        index = next((i for i, p in enumerate(out) if p.startswith(before)), None)
        if index is None:
            raise ValueError(f"no gold paragraph starts with {before!r}")
        out.insert(index, text)
    return out
