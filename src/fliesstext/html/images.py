"""Images of the body region with their captions and credits (the caption text never enters the body)."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import urljoin

from ..model import Image
from .score import CREDIT_TAIL
from .segment import F_CAPTION, RawBlock, Segmentation
from .select import subtree_end

_CREDIT_TOKENS = frozenset(("credit", "credits", "copyright", "photographer", "source", "author", "byline"))


def _figure_of(seg: Segmentation, index: int) -> int:
    elements = seg.elements
    while index >= 0 and elements[index].tag != "figure":
        index = elements[index].parent
    return index


def _captions(seg: Segmentation) -> dict[int, tuple[list[str], list[str]]]:
    """figure element -> (caption texts, credit texts)."""
    out: dict[int, tuple[list[str], list[str]]] = {}
    for block in seg.blocks:
        if not block.flags & F_CAPTION:
            continue
        figure = _figure_of(seg, block.owner)
        if figure < 0:
            continue
        captions, credits = out.setdefault(figure, ([], []))
        (credits if _is_credit(seg, block) else captions).append(block.text)
    return out


def _is_credit(seg: Segmentation, block: RawBlock) -> bool:
    index, steps = block.owner, 0
    while index >= 0 and steps < 3:
        if _CREDIT_TOKENS.intersection(seg.elements[index].tokens):
            return True
        index = seg.elements[index].parent
        steps += 1
    return False


def split_credit(caption: str) -> tuple[str | None, str | None]:
    """'Der Hafen. Foto: dpa' -> ('Der Hafen.', 'Foto: dpa'): a trailing credit is split off the caption."""
    match = CREDIT_TAIL.search(caption)
    if not match or match.start() == 0 and len(caption) > 80:
        return caption or None, None
    return caption[:match.start()].strip(" (|/·[") or None, match.group(1).strip().rstrip(")]") or None


def region_images(seg: Segmentation, container: int, base_url: str | None) -> tuple[Image, ...]:
    if not seg.images:
        return ()
    end = subtree_end(seg, container)
    captions = _captions(seg)
    out: list[Image] = []
    seen: set[str] = set()
    for raw in seg.images:
        if not container <= raw.owner < end:
            continue
        image = raw.image
        src = urljoin(base_url, image.src) if base_url and image.src else image.src
        if not src or src in seen:
            continue
        seen.add(src)
        figure = _figure_of(seg, raw.owner)
        captions_, credits = captions.get(figure, ([], []))
        caption, credit = split_credit(" ".join(captions_))
        credit = " ".join(credits) or credit
        out.append(replace(image, src=src, caption=caption, credit=credit))
    return tuple(out)
