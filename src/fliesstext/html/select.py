"""Pick the body region: the container holding most content mass, the teaser between headline and container,
then drop what looks like boilerplate inside it. Every decision leaves a reason on the block."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace

from .score import (
    BAD_FLAGS,
    BAD_MASK,
    CREDIT_TAIL,
    Knowledge,
    Masses,
    accumulate,
    content_inside,
    content_masses,
    is_sentence_like,
    negative_token,
    text_units,
)
from .segment import F_FIGURE, F_HIDDEN, RawBlock, Segmentation

_ANY_BAD = sum(BAD_FLAGS)


def subtree_end(seg: Segmentation, index: int) -> int:
    """Elements are numbered in document order, so a subtree is the index range [index, end)."""
    return max(seg.elements[index].end, index + 1)


def choose_container(seg: Segmentation, masses: Masses, share: float) -> int:
    """The deepest element whose subtree holds at least `share` of all content mass (0 = the whole body)."""
    total = sum(masses.content)
    if total <= 0:
        return 0
    acc = content_inside(seg, masses)
    elements = seg.elements
    need = share * total
    best = 0
    for index, value in enumerate(acc):
        if value >= need and elements[index].depth > elements[best].depth:
            best = index
    # a single block element is no container: its siblings are part of the same text
    end = subtree_end(seg, best)
    owners = {b.owner for b in seg.blocks if best <= b.owner < end}
    if owners == {best} and elements[best].parent >= 0:
        best = elements[best].parent
    return best


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def letters(text: str) -> str:
    """Letters and digits only, case-folded: '"Es wird bald beginnen"Trump spricht' and '"Es wird bald
    beginnen": Trump spricht' are the same line."""
    return "".join(filter(str.isalnum, unicodedata.normalize("NFC", text).casefold()))


def is_title_line(text: str, title_keys: tuple[str, ...]) -> bool:
    """The headline repeated in the body, alone or after its kicker ('Neue Leipziger Schule Judy Lybke, ...')."""
    return len(title_keys[-1]) <= len(text) <= 1.5 * len(title_keys[0]) + 20 and letters(text) in title_keys


def find_headline(seg: Segmentation, title: str | None, before: int) -> int:
    """Index of the headline block: the heading equal to the title, else the last <h1> before `before`."""
    blocks = seg.blocks
    if title:
        wanted = norm(title)
        for block in blocks[:before]:
            if block.kind == "heading" and (norm(block.text) == wanted or (len(wanted) > 20 and wanted in norm(block.text))):
                return block.index
    headline = -1
    for block in blocks[:before]:
        if block.kind == "heading" and block.level == 1:
            headline = block.index
    return headline


def _lca(seg: Segmentation, a: int, b: int) -> int:
    seen = set(seg.ancestors(a))
    index = b
    while index >= 0 and index not in seen:
        index = seg.elements[index].parent
    return max(index, 0)


def judge_inside(seg: Segmentation, block: RawBlock, container: int, kb: Knowledge, th: dict[str, float],
                 masses: Masses) -> str:
    """'' to keep the block, else the reason it is boilerplate. Context is read relative to the container."""
    rel_flags = block.flags & ~seg.elements[container].flags & ~masses.ignored
    if rel_flags & _ANY_BAD:  # most blocks carry none of the flags: no loop
        for flag, name in BAD_FLAGS.items():
            if rel_flags & flag and not (flag == F_HIDDEN and masses.raw[block.index] > 0):
                return f"inside {name}"
    if rel_flags & F_FIGURE and len(block.text) < 300:
        return "inside figure"
    floor = th["veto_floor"] * masses.bulk[container]
    token = negative_token(seg, block, container, 64, kb, masses.bulk, floor, masses.disabled)
    if token:
        return f"class/id token '{token}'"
    text = block.text
    if len(text) < th["caption_max_chars"] and block.kind != "heading" and (":" in text or "©" in text) \
            and CREDIT_TAIL.search(text):  # the credit needs a colon or ©: skip the regex (slow lookbehind) without
        return "ends with an image credit (caption)"
    limit = th["keep_max_link_density"]
    if block.link_density > limit and block.kind != "table":
        return f"link density {block.link_density:.2f}"
    return ""


def judge_teaser(seg: Segmentation, block: RawBlock, top: int, kb: Knowledge, th: dict[str, float],
                 masses: Masses) -> str:
    """Blocks between headline and container are kept only if they read like a lead paragraph. A standfirst
    set as <h2> or as bullet points counts when it is a long phrase (many words) rather than a title."""
    text = block.text
    if block.kind not in ("paragraph", "quote", "heading", "list_item") or block.kind == "heading" and block.level == 1:
        return "between headline and body, not a paragraph"
    if text_units(text) < th["teaser_min_chars"]:
        return f"between headline and body, shorter than {int(th['teaser_min_chars'])} chars"
    if block.kind in ("heading", "list_item"):
        if len(text.split()) < th["standfirst_min_words"] and text_units(text) < 3 * len(text):
            return f"between headline and body, a {block.kind} of few words"
    elif not is_sentence_like(text) and len(text) < 120:
        return "between headline and body, not sentence-like"
    reason = judge_inside(seg, block, top, kb, th, masses)
    if not reason and block.kind == "heading":
        block.kind, block.level = "paragraph", None  # a standfirst, not a section title
    return f"between headline and body, {reason}" if reason else ""


def drop_orphan_headings(blocks: list[RawBlock]) -> None:
    """A heading is kept only if kept text follows it before the next heading."""
    has_text_after = False
    for block in reversed(blocks):
        if not block.keep:
            continue
        if block.kind == "heading":
            if not has_text_after:
                block.keep, block.reason = False, "heading without body text after it"
            has_text_after = False
        else:
            has_text_after = True


TextCheck = Callable[[RawBlock], "tuple[str, str] | None"]


def drop_by_text(blocks: list[RawBlock], check: TextCheck, limit: float) -> None:
    """Short kept blocks whose text alone says boilerplate ('Anzeige', 'Read more:', a date line) go."""
    for block in blocks:
        if block.keep and len(block.text) < limit:
            verdict = check(block)
            if verdict:
                block.keep, block.reason = False, f"text says {verdict[0]}: {verdict[1]}"


def drop_image_captions(seg: Segmentation, container: int, limit: float) -> None:
    """Caption-like text without <figcaption>: a short block that shares a small box (at most three levels up)
    with an image and little other text ('Der Hafen von Kiel. Foto: dpa' under an <img>)."""
    if not seg.images:
        return
    short = [b for b in seg.blocks if b.keep and len(b.text) < limit and b.kind != "heading"]
    if not short:
        return
    elements = seg.elements
    images = [0] * len(elements)
    for raw in seg.images:
        index = raw.owner
        while index >= 0:
            images[index] += 1
            index = elements[index].parent
    chars = accumulate(seg, [float(len(b.text)) for b in seg.blocks])
    for block in short:
        index, steps = elements[block.owner].parent, 0
        while index > container and steps < 3:
            if images[index] and chars[index] - len(block.text) < 80:
                block.keep, block.reason = False, "short text beside an image (caption)"
                break
            index = elements[index].parent
            steps += 1


def _children(seg: Segmentation, parent: int) -> list[int]:
    elements = seg.elements
    out, index, end = [], parent + 1, subtree_end(seg, parent)
    while index < end:
        out.append(index)
        index = subtree_end(seg, index)
    return [i for i in out if elements[i].parent == parent]


def _blocks_under(seg: Segmentation, root: int) -> list[RawBlock]:
    end = subtree_end(seg, root)
    return [b for b in seg.blocks if root <= b.owner < end]


def extend_region(seg: Segmentation, container: int, masses: Masses, kb: Knowledge, th: dict[str, float]) -> list[int]:
    """The container plus neighbouring sibling elements that hold clean running text (the free part of an
    article before its metered part, a body split around an ad slot). Climbs while every text-bearing sibling
    joins, at most `extend_levels` levels."""
    region = [container]
    content = content_inside(seg, masses)
    elements = seg.elements
    for _ in range(int(th["extend_levels"])):
        parent = elements[region[0]].parent
        if parent < 0:
            break
        children = _children(seg, parent)
        first, last = children.index(region[0]), children.index(region[-1])
        added_all = True
        for step, start in ((-1, first - 1), (1, last + 1)):
            i = start
            while 0 <= i < len(children):
                child = children[i]
                if masses.bulk[child] <= 0:
                    i += step
                    continue  # no running text: images, ad slots, empty boxes
                clean = content[child] >= th["extend_clean_share"] * masses.bulk[child] and not (
                    elements[child].flags & BAD_MASK & ~masses.ignored) and not any(
                    t in kb.negative and t not in masses.disabled for t in elements[child].tokens)
                if not clean:
                    added_all = False
                    break
                region.insert(0, child) if step < 0 else region.append(child)
                i += step
        if not added_all:
            break
        region = [parent]
    return region


def trim_edges(blocks: list[RawBlock], limit: float) -> None:
    """Short lines that are no sentence at the very start or end of the kept text are signatures, author
    names, editor credits, 'Read more' stubs rather than article text."""
    kept = [b for b in blocks if b.keep]
    for sequence in (kept[:3], kept[::-1][:3]):
        for block in sequence:
            text = block.text
            units = text_units(text)
            if block.kind != "paragraph" or units >= limit or is_sentence_like(text) and (
                    len(text.split()) > 3 or units > len(text)):
                break
            block.keep, block.reason = False, f"short line without a sentence at the edge of the body ({len(text)} chars)"


_SENTENCE_CLOSE = frozenset(".!?…。！？\"”»")


def restore_linked_sentences(seg: Segmentation, container: int, check: TextCheck | None) -> None:
    """A sentence with a link in it, between two kept body paragraphs, is article text, not a 'Read more' line:
    it ends like a sentence, has 8+ words, some unlinked text, and one line (a related-link list has several).
    Teaser headlines do not end with a full stop; the text check (phrases only: the links are what is in doubt)
    still catches 'Read more: ...' lines."""
    blocks, end = seg.blocks, subtree_end(seg, container)
    for block in blocks[1:-1]:
        text = block.text
        if not block.reason.startswith("link density") or block.kind != "paragraph" or block.link_density > 0.9 \
                or text[-1:] not in _SENTENCE_CLOSE or "\n" in text or len(text.split()) < 8 \
                or not container <= block.owner < end:
            continue
        before, after = blocks[block.index - 1], blocks[block.index + 1]
        if before.keep and after.keep and before.kind != "heading" and (
                check is None or check(replace(block, link_chars=0)) is None):
            block.keep, block.reason = True, ""


def drop_repeats(seg: Segmentation, container: int, min_chars: float) -> None:
    """A paragraph repeated in another box of the body region is a second rendering (the paywall's preview of
    the intro, a mobile copy), not new text. A teaser repeated as the first paragraph sits outside the region and
    stays; so does a repeat among its own siblings (a refrain, a pull quote set as a paragraph)."""
    end, elements = subtree_end(seg, container), seg.elements
    seen: dict[str, int] = {}
    for block in seg.blocks:
        if block.keep and len(block.text) >= min_chars and container <= block.owner < end:
            box = elements[block.owner].parent
            first = seen.setdefault(block.text, box)
            if first != box:
                block.keep, block.reason = False, "repeats a paragraph from another box of the body"


def drop_inline_captions(seg: Segmentation, limit: float) -> None:
    """'<p><img><br><em>Jane Doe (right)</em></p>': a short line that is no sentence (no full stop), right after
    a picture in the same paragraph, is its caption (icons, images narrower than 150 px, do not count)."""
    elements, after_image = seg.elements, set()
    for raw in seg.images:
        width = raw.image.width
        if width is None or width >= 150:
            after_image.add((raw.block_index, elements[raw.owner].parent))
    if not after_image:
        return
    for block in seg.blocks:
        if block.keep and block.kind == "paragraph" and (block.index, block.owner) in after_image \
                and len(block.text) < limit and block.text[-1:] not in _SENTENCE_CLOSE and ". " not in block.text:
            block.keep, block.reason = False, "short line after a picture in the same paragraph (caption)"


def select(seg: Segmentation, kb: Knowledge, th: dict[str, float], title: str | None,
           check: TextCheck | None = None, kicker: str | None = None) -> int:
    """Mark blocks keep/reason in place; return the container element index."""
    blocks = seg.blocks
    masses = content_masses(seg, kb, th)
    container = choose_container(seg, masses, th["container_share"])
    region = extend_region(seg, container, masses, kb, th)
    roots = {b.index: root for root in region for b in _blocks_under(seg, root)}
    core_end = subtree_end(seg, container)
    inside = [blocks[i] for i in sorted(roots)]
    core = [b.index for b in inside if container <= b.owner < core_end]
    first = core[0] if core else len(blocks)
    first_mass = next((b.index for b in inside if masses.content[b.index] > 0), first)
    headline = find_headline(seg, title, first_mass)
    title_keys = ((letters(kicker) + letters(title),) if kicker else ()) + (letters(title),) if title else ()
    for block in blocks:
        block.reason = "outside selected region"
    for block in inside:
        if block.index <= headline:
            block.reason = "before the headline"
            continue
        if 0 <= headline < block.index < first:
            continue  # between headline and the core container: judged as teaser below
        root = roots[block.index]
        block.reason = judge_inside(seg, block, root, kb, th, masses)
        if not block.reason and not container <= block.owner < core_end and block.kind != "heading" \
                and masses.raw[block.index] <= 0:
            block.reason = "short text in a box beside the body"
        block.keep = not block.reason
    if 0 <= headline < first:
        top = _lca(seg, blocks[headline].owner, region[0])
        for block in blocks[headline + 1:first]:
            block.reason = judge_teaser(seg, block, top, kb, th, masses)
            block.keep = not block.reason
    whole = region[0] if len(region) == 1 else seg.elements[region[0]].parent
    for block in blocks:
        if block.keep and title_keys and block.kind in ("heading", "paragraph") and is_title_line(block.text, title_keys):
            block.keep, block.reason = False, "same text as the title"
    drop_repeats(seg, whole, th["repeat_min_chars"])
    drop_image_captions(seg, whole, th["caption_max_chars"])
    drop_inline_captions(seg, th["caption_max_chars"])
    if check is not None:
        drop_by_text(blocks, check, th["text_check_chars"])
    restore_linked_sentences(seg, whole, check)
    trim_edges(blocks, th["edge_max_chars"])
    drop_orphan_headings(blocks)
    return whole
