"""Block features -> scores. Knowledge (class/id tokens) and thresholds are data, loaded once per process.

A block's *content mass* says how much it looks like running article text (long, sentence-like, few links,
no boilerplate context); the selector finds the container that holds most of that mass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from ..knowledge import load_json
from .segment import (
    F_ASIDE,
    F_CAPTION,
    F_FOOTER,
    F_FORM,
    F_HIDDEN,
    F_LABEL,
    F_NAV,
    PieceMemo,
    RawBlock,
    Segmentation,
)

# Context flags that make a block boilerplate when they arise inside the chosen container.
# context flag -> how a reason names it ("inside <nav>")
BAD_FLAGS = {F_CAPTION: "<figcaption>/<caption>", F_NAV: "<nav>", F_ASIDE: "<aside>", F_FOOTER: "<footer>",
             F_FORM: "<form>", F_LABEL: "<label>", F_HIDDEN: "hidden element"}
BAD_MASK = F_CAPTION | F_NAV | F_ASIDE | F_FOOTER | F_FORM | F_LABEL
_MASS_FLAGS = F_CAPTION | F_NAV | F_FOOTER | F_FORM | F_LABEL | F_HIDDEN
# "… Foto: dpa", "… (Bild: Reuters)", "… © AP": an image credit at the end of a line
CREDIT_TAIL = re.compile(
    r"(?:^|(?<=[\s(\[|/·]))((?:fotos?|photos?|bild|bilder|image|credit|quelle|source|foto/grafik)\s*:.*|©.*)$", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END = frozenset(".!?:;\"'”“»«)…。！？」")
_MASS_KINDS = frozenset(("paragraph", "quote", "list_item"))


@dataclass(frozen=True, slots=True)
class Knowledge:
    negative: dict[str, str]  # class/id piece -> removed kind
    positive: frozenset[str]
    thresholds: dict[str, dict[str, float]]  # favor preset -> name -> value
    pieces: PieceMemo = field(default_factory=PieceMemo, compare=False, repr=False)  # class pieces seen (bounded)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    tokens = load_json("html_tokens.json")
    thresholds = load_json("html_thresholds.json")
    presets = {k: v for k, v in thresholds.items() if not k.startswith("_")}
    return Knowledge(dict(tokens["negative"]), frozenset(tokens["positive"]), presets)


def negative_token(seg: Segmentation, block: RawBlock, stop: int, limit: int, kb: Knowledge,
                   bulk: list[float] | None = None, floor: float = 0.0,
                   disabled: frozenset[str] = frozenset()) -> str | None:
    """The first boilerplate class/id piece on the owner and its ancestors below `stop` (at most `limit` deep).

    A class name cannot veto the bulk of the article: an element whose subtree holds at least `floor` of raw
    text mass (`bulk`, per element) is not boilerplate, whatever its class says (WordPress puts 'tag-...'
    and 'category-...' on the article element itself).
    """
    index = block.owner
    elements = seg.elements
    negative = kb.negative
    steps = 0
    while index > stop and steps < limit:
        element = elements[index]
        if element.raw and (bulk is None or bulk[index] < floor):  # raw first: no property call without a class
            for token in element.tokens:
                if token in negative and token not in disabled:
                    return token
        index = element.parent
        steps += 1
    return None


def is_sentence_like(text: str) -> bool:
    return text[-1:] in _SENTENCE_END or text.count(". ") >= 1


def text_units(text: str) -> int:
    """Length in Latin-character equivalents: a CJK character carries about a word, so it counts 3."""
    if text.isascii() or _CJK.search(text) is None:  # most non-ASCII text has no CJK: a scan without a list
        return len(text)
    return len(text) + 2 * len(_CJK.findall(text))


def raw_masses(blocks: list[RawBlock], th: dict[str, float]) -> list[float]:
    """raw_mass of each block."""
    min_chars, max_density = th["mass_min_chars"], th["mass_max_link_density"]
    return [raw_mass(block, min_chars, max_density) for block in blocks]


def raw_mass(block: RawBlock, min_chars: float, max_density: float) -> float:
    """Text mass from the block alone (length, links, punctuation), before any context is read."""
    kind = block.kind
    if kind not in _MASS_KINDS:
        return 0.0
    text = block.text
    density = block.link_chars / max(1, len(text))  # block.link_density, without the property call
    if density > max_density or 3 * len(text) < min_chars:  # (text_units is at most 3 * len: too short anyway)
        return 0.0
    length = text_units(text)
    if length < min_chars:
        return 0.0
    weight = 1.0 if is_sentence_like(text) else 0.5
    if kind == "list_item":
        weight *= 0.5
    return length * (1.0 - density) * weight


def accumulate(seg: Segmentation, masses: list[float]) -> list[float]:
    """Per element, the sum of the masses of the blocks inside it."""
    size = len(seg.elements)
    acc = [0.0] * size
    for owner, mass in zip(seg.owners, masses, strict=True):
        if mass > 0:
            acc[owner] += mass
    parents = seg.parents
    # a parent comes before its children: fold bottom-up. reversed(acc) reads the list as it changes, so compress
    # skips (in C) the elements that hold nothing by the time the fold reaches them
    for index in compress(range(size - 1, 0, -1), reversed(acc)):
        acc[parents[index]] += acc[index]
    return acc


def disabled_tokens(seg: Segmentation, raw: list[float], bulk: list[float], kb: Knowledge,
                    th: dict[str, float]) -> frozenset[str]:
    """Boilerplate pieces that sit on the path of much of the page's running text are no evidence on this
    page ('sidebar-grid__content' around every paragraph, a 'print' class on each <p>). The mass under a
    piece is the union of the subtrees of the elements carrying it (elements come in document order, so a
    nested carrier lies inside the last counted one's [index, end) range)."""
    total = sum(raw)
    if total <= 0:
        return frozenset()
    negative = kb.negative
    token_mass: dict[str, float] = {}
    counted_until: dict[str, int] = {}
    elements = seg.elements
    for index in compress(range(len(bulk)), bulk):  # the few elements around running text (masses are >= 0)
        element = elements[index]
        if not element.raw:
            continue
        for token in element.tokens:
            if token in negative and index >= counted_until.get(token, -1):
                token_mass[token] = token_mass.get(token, 0.0) + bulk[index]
                counted_until[token] = max(element.end, index + 1)
    share = th["token_disable_share"] * total
    return frozenset(t for t, m in token_mass.items() if m >= share)


def ignored_flags(seg: Segmentation, raw: list[float], th: dict[str, float]) -> int:
    """Context flags around much of the running text are no evidence either (an ASP.NET <form> around the
    whole page, an <aside> that holds the article)."""
    total = sum(raw)
    if total <= 0:
        return 0
    share = th["token_disable_share"] * total
    found: dict[int, list[float]] = {flag: [] for flag in BAD_FLAGS if flag != F_HIDDEN}
    mask = sum(found)
    for block, mass in zip(seg.blocks, raw, strict=True):  # one pass over the blocks, not one per flag
        if mass and block.flags & mask:
            for flag, masses in found.items():
                if block.flags & flag:
                    masses.append(mass)
    ignored = 0
    for flag, masses in found.items():
        if sum(masses) >= share:  # the same sums, in the same order, as one sum() per flag
            ignored |= flag
    return ignored


@dataclass(slots=True)
class Masses:
    content: list[float]  # per block: raw mass, zeroed in boilerplate context
    raw: list[float]  # per block
    bulk: list[float]  # per element: raw mass inside
    disabled: frozenset[str]  # negative tokens that are no evidence on this page
    ignored: int  # context flags that are no evidence on this page
    inside: list[float] | None = None  # per element: content mass inside (content_inside computes it once)


def content_inside(seg: Segmentation, masses: Masses) -> list[float]:
    """Per element, the sum of the content masses of the blocks inside it (container choice and region extension
    both read it)."""
    if masses.inside is None:
        masses.inside = accumulate(seg, masses.content)
    return masses.inside


def content_masses(seg: Segmentation, kb: Knowledge, th: dict[str, float]) -> Masses:
    raw = raw_masses(seg.blocks, th)
    bulk = accumulate(seg, raw)
    disabled = disabled_tokens(seg, raw, bulk, kb, th)
    ignored = ignored_flags(seg, raw, th)
    bad = _MASS_FLAGS & ~ignored
    floor = th["veto_floor"] * sum(raw)
    depth = int(th["mass_token_depth"])
    out = []
    for block, mass in zip(seg.blocks, raw, strict=True):
        if mass and (block.flags & bad
                     or negative_token(seg, block, -1, depth, kb, bulk, floor, disabled)):
            mass = 0.0
        elif mass and _has_positive(seg, block, kb):
            mass *= th["positive_weight"]
        out.append(mass)
    discount_teaser_cards(seg, out, th["card_weight"])
    return Masses(out, raw, bulk, disabled, ignored)


def _has_positive(seg: Segmentation, block: RawBlock, kb: Knowledge) -> bool:
    elements, positive = seg.elements, kb.positive
    index, steps = block.owner, 0
    while index >= 0 and steps < 3:  # the owner and two ancestors
        element = elements[index]
        if element.raw and any(t in positive for t in element.tokens):
            return True
        index = element.parent
        steps += 1
    return False


def discount_teaser_cards(seg: Segmentation, masses: list[float], weight: float) -> None:
    """Lower the mass of text that sits in a teaser card: the largest element around the block that holds no
    other text block ('unit') also holds a linked headline. Article paragraphs share their parent with other
    paragraphs (unit = the <p> or a wrapper around it alone); a 'more stories' river repeats cards of
    linked headline + summary + time, and each summary is a sentence-like paragraph too."""
    counts = accumulate(seg, [1.0 if m > 0 else 0.0 for m in masses])
    elements, blocks = seg.elements, seg.blocks
    for block in blocks:
        if masses[block.index] <= 0:
            continue
        unit = block.owner
        while elements[unit].parent >= 0 and counts[elements[unit].parent] <= 1:
            unit = elements[unit].parent
        end = max(elements[unit].end, unit + 1)
        if _has_linked_heading(blocks, block.index, unit, end):
            masses[block.index] *= weight


def _has_linked_heading(blocks: list[RawBlock], index: int, unit: int, end: int) -> bool:
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(blocks) and unit <= blocks[i].owner < end:
            other = blocks[i]
            if other.kind == "heading" and other.link_density > 0.5:
                return True
            i += step
    return False
