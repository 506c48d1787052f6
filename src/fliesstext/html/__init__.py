"""DOM -> typed blocks with features -> scores -> the selected body region; the rest labelled as removed.

Stages: segment.py (one iterative walk -> candidate blocks with features), score.py (content mass per block,
class/id knowledge), select.py (container holding most mass, sibling extension, teaser between headline and
body, filters with a reason per dropped block), images.py (images and captions of the region), embedded.py
(article text that exists only in JSON: JSON-LD articleBody, JSON scripts, Next.js flight data), removed.py
(dropped blocks grouped per box and labelled with html/label.py's vocabulary).

Measured on ../shared/bench/fundus-dev (144 pages, 99 publishers): body F1 0.982 mean / 0.993 median
in-sample (leave-publisher-out CV in bench/cv_html.py); about 3-4 ms per page for segment+select+label.
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ..model import Block, BodyResult, Meta, Removed
from ..options import Options
from ..parse import ParsedPage
from .embedded import article_body_text, best_html_fragment, embedded_texts, plain_paragraphs
from .images import region_images
from .removed import group_dropped, label_block, text_check
from .score import Knowledge, knowledge
from .segment import RawBlock, segment
from .select import select


def _to_block(raw: RawBlock) -> Block:
    return Block(raw.kind, raw.text, level=raw.level, depth=raw.depth, ordered=raw.ordered, rows=raw.rows)  # type: ignore[arg-type]


def extract_body(page: ParsedPage, options: Options, meta: Meta | None = None) -> BodyResult:
    """The article body of a parsed page as typed blocks, with every dropped block under `removed`."""
    kb = knowledge()
    return extract_body_with(page, kb, kb.thresholds[options.favor], meta, options.keep_removed)


def extract_body_with(page: ParsedPage, kb: Knowledge, th: dict[str, float], meta: Meta | None = None,
                      keep_removed: bool = True) -> BodyResult:
    """extract_body with explicit thresholds (bench/cv_html.py fits them with cross-validation)."""
    root = page.tree.body
    if root is None:
        return BodyResult((), warnings=("page has no <body>",))
    seg = segment(root, page.url, kb.pieces)
    title = (meta.title if meta else None) or page.title_tag
    lang = meta.lang if meta else None
    container = select(seg, kb, th, title, text_check(lang), meta.kicker if meta else None)
    blocks = tuple(_to_block(b) for b in seg.blocks if b.keep)
    warnings: tuple[str, ...] = ()
    kept = sum(len(b.text) for b in blocks)
    if kept < th["embedded_below_chars"]:
        found = _embedded_blocks(page, kb, th)
        if found and sum(len(b.text) for b in found[0]) > 2 * kept:
            blocks, warnings = found[0], (f"body text from {found[1]}",)
    removed: tuple[Removed, ...] = ()
    if keep_removed:
        removed = tuple(label_block(seg, b, lang) for b in group_dropped(seg, container))
    images = region_images(seg, container, page.url)
    return BodyResult(blocks, removed=removed, images=images, warnings=warnings)


def _embedded_blocks(page: ParsedPage, kb: Knowledge, th: dict[str, float]) -> tuple[tuple[Block, ...], str] | None:
    """Blocks from article text embedded as data, when the visible DOM has (almost) none."""
    fragment = best_html_fragment(embedded_texts(page))
    if fragment:
        tree = LexborHTMLParser(f"<html><body>{fragment}</body></html>")
        if tree.body is not None:
            seg = segment(tree.body, page.url)
            select(seg, kb, th, None)
            blocks = tuple(_to_block(b) for b in seg.blocks if b.keep)
            if blocks:
                return blocks, "embedded JSON"
    body = article_body_text(page)
    if body:
        return tuple(Block("paragraph", p) for p in plain_paragraphs(body)), "JSON-LD articleBody"
    return None
