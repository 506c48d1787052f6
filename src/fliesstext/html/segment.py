"""One iterative DOM walk: the page as a sequence of candidate blocks, each with the features the scorer reads.

The walk keeps an explicit stack (no recursion: 10,000 nested divs are fine) and visits every node once.
Per element it records tag, class/id word pieces and a few context flags; per text node it appends text to
the open block. Block-level tags close the open block. Data tables and <pre> are read whole with C-side
calls and not descended into.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from operator import methodcaller
from typing import Any

from selectolax.lexbor import LexborNode

from ..model import Image

# Tags that end the running text block (browser block-level elements and table parts).
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody thead tfoot tr td "
    "th caption ul html legend option select textarea video audio picture".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TRANSPARENT = frozenset("span b strong em i u s small font mark abbr cite q sup sub bdi bdo wbr ins del dfn kbd samp var".split())
_SKIP_TAGS = frozenset("head title button select option textarea input meta link base".split())
_SPECIAL = frozenset("img br table pre ul ol li blockquote nav footer aside header".split())
_COLLAPSIBLE = frozenset(("nav", "footer", "aside", "header"))
_PLAIN_BLOCKS = _BLOCK_TAGS - _SPECIAL  # no own state to restore when they close
_COLLAPSE_LINK_DENSITY = 0.6  # a nav/footer/aside/header this link-heavy is read whole (C side) as one block
_COLLAPSE_LIST_LINK_DENSITY = 0.8  # the same for a list: a menu
_INSIDE_LI = frozenset(("p", "div"))  # inside <li> these do not start a new block
_LAYOUT_IN_TABLE = "p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, section, article, figure"

# Context flags, inherited by everything inside the element.
F_LINK = 1
F_FIGURE = 2
F_CAPTION = 4
F_ASIDE = 8
F_NAV = 16
F_HEADER = 32
F_FOOTER = 64
F_FORM = 128
F_QUOTE = 256
F_LIST = 512
F_LABEL = 1024
F_TIME = 2048
F_ADDRESS = 4096
F_HIDDEN = 8192  # hidden attribute, aria-hidden or display:none (paywalled text is often hidden, so kept as a flag)
_TAG_FLAGS = {
    "a": F_LINK, "figure": F_FIGURE, "figcaption": F_CAPTION, "aside": F_ASIDE, "nav": F_NAV,
    "header": F_HEADER, "footer": F_FOOTER, "form": F_FORM, "blockquote": F_QUOTE, "ul": F_LIST, "ol": F_LIST,
    "label": F_LABEL, "time": F_TIME, "address": F_ADDRESS, "caption": F_CAPTION,
}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")  # an empty match: "-" goes in without a group template or callback
_PUNCT_CHARS = "-_:./\\[]()#@!%&*+=,;'\"<>?{}|~` "
# Every ASCII character has an entry (itself, or a space): str.translate finds each in the table, where a missing
# key costs a raised and caught LookupError per distinct character (most of class_tokens' time)
_PUNCT = {code: 32 if chr(code) in _PUNCT_CHARS else code for code in range(128)}
_LINK_TEXT = methodcaller("text", True, "", True)  # node.text(deep=True, separator="", strip=True)


def _camel_split(word: str) -> str:
    """'isPremium' -> 'is-Premium' (one word: pieces + compound). A generated id such as 'n1AuAdJlVL' stays
    whole: many camel pieces (or digits among them), mostly one or two letters long, are a hash, and its 'Ad'
    is no advertisement."""
    split = _CAMEL.sub("-", word)
    pieces = split.count("-") - word.count("-")
    if pieces >= 5 or pieces >= 3 and any(c.isdigit() for c in word):
        short = sum(len(piece) <= 2 for piece in _CAMEL.sub(" ", word).translate(_PUNCT).split())
        if 2 * short > pieces + 1:
            return word
    return split


def class_tokens(value: str, memo: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """'article-body__text isPremium' -> ('article', 'body', 'text', 'articlebodytext', 'is', 'premium', ...).

    Word pieces plus the joined compound of each class (so 'articleBody' and 'article-body' both give
    'articlebody'), lower-cased. Each class is cut on its own, so `memo` (class -> pieces) can spare the work
    for the classes a page repeats.
    """
    if memo is None:
        memo = {}
    out: list[str] = []
    for word in value.split():
        pieces = memo.get(word)
        if pieces is None:
            pieces = memo[word] = word_tokens(word)
        out += pieces
    return tuple(out)


def word_tokens(word: str) -> tuple[str, ...]:
    """The pieces of one class or id: 'isPremium' -> ('is', 'premium', 'ispremium'), 'nav' -> ('nav',)."""
    if not word.islower():
        word = _camel_split(word)  # 'isPremium' -> 'is-Premium': one word, pieces + compound
    word = word.lower()
    if word.isalnum():
        return (word,)
    pieces = word.translate(_PUNCT).split()
    return (*pieces, "".join(pieces)) if len(pieces) > 1 else tuple(pieces)


MAX_PIECES = 10_000  # classes and class attributes a PieceMemo keeps (about 3.5 MB), then it starts afresh


class PieceMemo:
    """Class/id -> word pieces, kept from page to page: a site repeats its markup on each of its pages, and many
    classes ('container', 'entry-content', 'col-md-6') recur across sites. Emptied when it holds MAX_PIECES
    entries, so the memory of a worker that extracts millions of pages stays flat."""

    __slots__ = ("_pieces",)

    def __init__(self) -> None:
        self._pieces: dict[str, tuple[str, ...]] = {}

    def for_page(self) -> dict[str, tuple[str, ...]]:
        """The memo for the next page (class_tokens' `memo`)."""
        if len(self._pieces) >= MAX_PIECES:
            self._pieces.clear()
        return self._pieces

    def __len__(self) -> int:
        return len(self._pieces)


@dataclass(slots=True)
class Element:
    """One element of the page as the walk saw it (kept for ancestor look-ups: parent is an index).

    Class/id word pieces are cut on first use (most elements are never asked), through `cache` (class or class
    attribute -> pieces), shared by the page's elements and maybe by later pages (PieceMemo)."""

    tag: str
    parent: int
    depth: int
    raw: str  # "class id" as written
    flags: int
    end: int = 0  # elements are numbered in document order: the subtree is [index, end)
    cache: dict[str, tuple[str, ...]] | None = None
    _tokens: tuple[str, ...] | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        found = self._tokens
        if found is None:
            cache = self.cache if self.cache is not None else {}
            found = cache.get(self.raw)
            if found is None:
                found = cache[self.raw] = class_tokens(self.raw, cache) if self.raw else ()
            self._tokens = found
        return found


@dataclass(slots=True)
class RawBlock:
    """A candidate block with its features. `owner` is the innermost block-level element around it."""

    kind: str
    text: str
    tag: str
    owner: int
    flags: int
    link_chars: int
    index: int = 0
    level: int | None = None
    depth: int | None = None
    ordered: bool | None = None
    rows: tuple[tuple[str, ...], ...] | None = None
    keep: bool = False
    reason: str = ""

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


@dataclass(slots=True)
class RawImage:
    image: Image
    block_index: int  # number of blocks emitted before it
    owner: int


@dataclass(slots=True)
class Segmentation:
    blocks: list[RawBlock]
    elements: list[Element]
    images: list[RawImage]
    _parents: list[int] | None = None
    _owners: list[int] | None = None

    @property
    def parents(self) -> list[int]:
        """Per element, its parent's index (-1 for the root): the folds read it for every element."""
        if self._parents is None:
            self._parents = [element.parent for element in self.elements]
        return self._parents

    @property
    def owners(self) -> list[int]:
        """Per block, its owner element (blocks and elements are fixed once the walk is done)."""
        if self._owners is None:
            self._owners = [block.owner for block in self.blocks]
        return self._owners

    def ancestors(self, index: int) -> list[int]:
        """Element indices from `index` up to the root (inclusive of `index`)."""
        out = []
        elements = self.elements
        while index >= 0:
            out.append(index)
            index = elements[index].parent
        return out


class _Walker:
    """State of one walk. Text pieces accumulate in `parts` until a block-level boundary flushes them.

    segment() handles text nodes and plain elements inline (most of a page's nodes) and calls the methods
    here for block boundaries and special tags; `parts` is cleared in place, never rebound, so the loop's
    alias of it stays valid."""

    __slots__ = ("base_url", "elements", "blocks", "images", "parts", "link_chars", "block_flags", "owner", "owners",
                 "list_stack", "list_owners", "li_owner", "quote_depth", "brs", "token_cache")

    def __init__(self, base_url: str | None, pieces: PieceMemo | None = None) -> None:
        self.base_url = base_url
        self.elements: list[Element] = []
        self.blocks: list[RawBlock] = []
        self.images: list[RawImage] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.block_flags = 0
        self.owner = -1
        self.owners: list[int] = []  # enclosing block-level elements (owner of text), innermost last
        self.list_stack: list[bool] = []  # ordered? per open list
        self.list_owners: list[int] = []  # element index per open list
        self.li_owner: int = -1  # element index of the open <li>, -1 if none
        self.quote_depth = 0
        self.brs = 0
        self.token_cache: dict[str, tuple[str, ...]] = pieces.for_page() if pieces is not None else {}

    # -- text ---------------------------------------------------------------------------------------------
    def flush(self) -> None:
        self.brs = 0
        parts = self.parts
        if not parts:
            return
        text = " ".join("".join(parts).split())
        parts.clear()
        link_chars = self.link_chars
        self.link_chars = 0
        if not text:
            return
        owner = self.owner
        tag = self.elements[owner].tag
        kind, level, depth, ordered = "paragraph", None, None, None
        if tag in _HEADINGS:
            kind, level = "heading", _HEADINGS[tag]
        elif self.li_owner >= 0 and self.list_stack:
            kind, depth, ordered = "list_item", len(self.list_stack), self.list_stack[-1]
        elif self.quote_depth:
            kind = "quote"
        block = RawBlock(kind, text, tag, owner, self.block_flags, min(link_chars, len(text)), len(self.blocks),
                         level, depth, ordered)  # positional: keyword arguments cost twice as much here
        self.blocks.append(block)

    # -- elements -----------------------------------------------------------------------------------------
    def open_block(self, index: int) -> None:
        """A block-level element starts: the running text ends, and the element owns the text that follows."""
        if self.parts or self.brs:
            self.flush()
        self.owners.append(self.owner)
        self.owner = index

    def special(self, node: LexborNode, tag: str, attrs: Any, index: int, flags: int) -> bool:
        """Tags with their own handling; returns whether the walk descends into the element."""
        if tag == "img":
            self.add_image(attrs, index)
        elif tag == "br":
            self.brs += 1
            if self.brs >= 2:
                self.flush()
            elif self.parts:
                self.parts.append("\n")
        elif tag == "table":
            if node.css_first(_LAYOUT_IN_TABLE) is not None or len(node.css("table")) != 1:
                return True
            self.table_block(node, index, flags)
        elif tag == "pre":
            self.code_block(node, index, flags)
        elif tag in _COLLAPSIBLE:
            return not self.link_box(node, tag, index, flags)
        else:
            if tag in ("ul", "ol"):
                if self.link_box(node, tag, index, flags):
                    return False
                self.list_stack.append(tag == "ol")
                self.list_owners.append(index)
            elif tag == "li":
                self.li_owner = index
            elif tag == "blockquote":
                self.quote_depth += 1
            return True
        return False

    def close_block(self, index: int, el: Element) -> None:
        """A block-level element ends (its `end` is already set)."""
        tag = el.tag
        if tag in _INSIDE_LI and 0 <= self.li_owner < index:
            self.parts.append(" ")
            return  # <li><p>a</p><p>b</p></li>: one list item
        if self.parts or self.brs:
            self.flush()
        if tag in _SPECIAL:
            if tag in ("ul", "ol"):
                if self.list_owners and self.list_owners[-1] == index:
                    self.list_stack.pop()
                    self.list_owners.pop()
            elif tag == "li":
                self.li_owner = self._enclosing(el.parent, "li")
            elif tag == "blockquote":
                self.quote_depth = max(0, self.quote_depth - 1)
        self.owner = self.owners.pop() if self.owners else 0

    def _enclosing(self, index: int, tag: str) -> int:
        elements = self.elements
        while index >= 0 and elements[index].tag != tag:
            index = elements[index].parent
        return index

    # -- whole-subtree blocks -----------------------------------------------------------------------------
    def table_block(self, node: LexborNode, index: int, flags: int) -> None:
        rows: list[tuple[str, ...]] = []
        for row in node.css("tr"):
            cells = []
            child = row.first_child
            while child is not None:
                if child.tag in ("td", "th"):
                    cells.append(" ".join(child.text(deep=True).split()))
                child = child.next
            if any(cells):
                rows.append(tuple(cells))
        if not rows:
            return
        link_chars = sum(len(a.text(deep=True).strip()) for a in node.css("a"))
        text = "\n".join(" | ".join(cells) for cells in rows)
        self.blocks.append(RawBlock("table", text, "table", index, flags, min(link_chars, len(text)),
                                    len(self.blocks), rows=tuple(rows)))

    def link_box(self, node: LexborNode, tag: str, index: int, flags: int) -> bool:
        """A link-heavy nav/footer/aside becomes one block without walking it (a quarter of a page's elements
        sit in menus). Returns False when the box has real text and must be walked."""
        # skip_empty: whitespace-only text nodes (most of a menu's nodes) would only give blank lines
        # map/filter over C callables: no Python frame per line or per link (a menu has hundreds of both)
        lines = node.text(deep=True, separator="\n", skip_empty=True).split("\n")
        text = "\n".join(filter(None, map(" ".join, map(str.split, lines))))
        if not text:
            return True
        link_chars = sum(map(len, map(_LINK_TEXT, node.css("a"))))
        limit = _COLLAPSE_LIST_LINK_DENSITY if tag in ("ul", "ol") else _COLLAPSE_LINK_DENSITY
        if link_chars < limit * (len(text) - text.count("\n")):
            return False
        self.blocks.append(RawBlock("paragraph", text, tag, index, flags, min(link_chars, len(text)), len(self.blocks)))
        return True

    def code_block(self, node: LexborNode, index: int, flags: int) -> None:
        text = node.text(deep=True).strip("\n")
        if text.strip():
            self.blocks.append(RawBlock("code", text, "pre", index, flags, 0, len(self.blocks)))

    def add_image(self, attrs: Any, index: int) -> None:
        src = attrs.get("src") or ""
        if not src or src.startswith("data:"):
            src = attrs.get("data-src") or attrs.get("data-lazy-src") or attrs.get("data-original") or src
        if not src or src.startswith("data:"):
            srcset = attrs.get("srcset") or attrs.get("data-srcset") or ""
            src = srcset.split(",")[0].split()[0] if srcset.strip() else ""
        if not src or src.startswith("data:"):
            return
        image = Image(src=src, alt=(attrs.get("alt") or "").strip() or None,
                      width=_int(attrs.get("width")), height=_int(attrs.get("height")))
        self.images.append(RawImage(image, len(self.blocks), index))


def _int(value: str | None) -> int | None:
    if not value:
        return None
    digits = value.strip().removesuffix("px")
    return int(digits) if digits.isdigit() and len(digits) < 7 else None


def _is_hidden(attrs: Any) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()  # type: ignore[union-attr]


def segment(root: LexborNode, base_url: str | None = None, pieces: PieceMemo | None = None) -> Segmentation:
    """Walk the tree under `root` once, in document order, and cut it into candidate blocks. `pieces`: class/id
    pieces known from earlier pages (a fresh memo per page if None).

    Inline formatting tags (span, b, em, ...) are transparent: no record, no attribute read; that keeps the
    per-node Python work small (the walk is most of the extractor's time). Text nodes and the element
    bookkeeping are inline here, not method calls: that is half of the walk's time.
    """
    walker = _Walker(base_url, pieces)
    elements = walker.elements
    elements.append(Element(root.tag or "body", -1, 0, "", 0))
    walker.owner = 0
    parts, cache, owners = walker.parts, walker.token_cache, walker.owners
    open_block, close_block, special = walker.open_block, walker.close_block, walker.special
    # node, its element (-1: transparent, not recorded), and the parent element and flags in effect around it
    stack: list[tuple[LexborNode, int, int, int]] = [(root, -1, 0, 0)]
    parent, inherited = 0, 0  # the innermost recorded element and its flags
    node = root.first_child
    while node is not None:
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text:
                if not text.isspace():
                    walker.brs = 0
                    if parts:
                        walker.block_flags &= inherited
                    else:
                        walker.block_flags = inherited
                    parts.append(text)
                    if inherited & F_LINK:
                        walker.link_chars += len(text.strip())
                elif parts:
                    parts.append(" ")
        elif tag in _TRANSPARENT:
            child = node.first_child
            if child is not None:
                stack.append((node, -1, parent, inherited))
                node = child
                continue
        elif tag and tag[0] != "-" and tag not in _SKIP_TAGS:
            flags = inherited | _TAG_FLAGS.get(tag, 0)
            attrs = node.attributes
            raw = ""
            if attrs:  # a fifth of the elements have none: no look-ups
                if ("hidden" in attrs or "aria-hidden" in attrs or "style" in attrs) and _is_hidden(attrs):
                    flags |= F_HIDDEN
                raw = attrs.get("class") or ""
                ident = attrs.get("id")
                if ident:
                    raw = f"{raw} {ident}"
            index = len(elements)
            element = Element(tag, parent, len(stack), raw, flags, 0, cache)
            elements.append(element)
            if tag in _BLOCK_TAGS and not (tag in _INSIDE_LI and walker.li_owner >= 0):
                open_block(index)
            child = node.first_child
            if tag in _SPECIAL and not special(node, tag, attrs, index, flags):
                child = None
            if child is not None:
                stack.append((node, index, parent, inherited))
                parent, inherited = index, flags
                node = child
                continue
            element.end = index + 1
            if tag in _BLOCK_TAGS:
                close_block(index, element)
        nxt = node.next
        while nxt is None and len(stack) > 1:
            done, done_index, parent, inherited = stack.pop()
            if done_index >= 0:
                element = elements[done_index]
                element.end = len(elements)
                done_tag = element.tag
                if done_tag in _BLOCK_TAGS:
                    if done_tag in _PLAIN_BLOCKS and walker.li_owner < 0:  # close_block's common case, inline
                        if parts or walker.brs:
                            walker.flush()
                        walker.owner = owners.pop() if owners else 0
                    else:
                        close_block(done_index, element)
            nxt = done.next
        node = nxt
    walker.flush()
    elements[0].end = len(elements)
    return Segmentation(walker.blocks, elements, walker.images)
