"""The one data model: frozen, slotted dataclasses. Everything else is functions over these."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

TEXT_SEPARATOR = "\n\n"  # between the teaser and body blocks in Article.text
BlockKind = Literal["paragraph", "heading", "list_item", "quote", "table", "code"]
Mode = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Page:
    """One raw input: HTML or text as str or bytes, plus where it came from."""

    content: str | bytes
    url: str | None = None
    id: str | None = None
    source: str | None = None  # file path, WARC record id, "stdin", ...
    http_charset: str | None = None  # charset from an HTTP header, if any
    fetched_at: str | None = None  # ISO 8601; upper bound for publication dates
    mode: Literal["auto", "html", "text", "warc-gz"] = "auto"  # warc-gz: a batch task, see ingest/warc_split.py


@dataclass(frozen=True, slots=True)
class Block:
    """A typed unit of article body. `text` is NFC with whitespace collapsed."""

    kind: BlockKind
    text: str
    level: int | None = None  # heading level 1-6
    depth: int | None = None  # list nesting depth (1 = top level)
    ordered: bool | None = None  # list items: ordered list?
    rows: tuple[tuple[str, ...], ...] | None = None  # table cells

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        for name in ("level", "depth", "ordered"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.rows is not None:
            out["rows"] = [list(r) for r in self.rows]
        return out


@dataclass(frozen=True, slots=True)
class Image:
    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    width: int | None = None
    height: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "src": self.src,
            "alt": self.alt,
            "caption": self.caption,
            "credit": self.credit,
            "width": self.width,
            "height": self.height,
        }


@dataclass(frozen=True, slots=True)
class Removed:
    """A block that was dropped, with the vocabulary kind and the rule/feature that dropped it."""

    kind: str
    text: str
    reason: str
    pages: int | None = None  # for kind "template": on how many pages of the host it was seen

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text, "reason": self.reason}
        if self.pages is not None:
            out["pages"] = self.pages
        return out


@dataclass(frozen=True, slots=True)
class Repair:
    kind: str  # drop_cap, soft_hyphen, mojibake, duplicate_caption, ...
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date with its provenance: which source it came from and the raw string."""

    value: str  # ISO 8601
    source: str  # json-ld, meta, time-element, text, url
    raw: str


@dataclass(frozen=True, slots=True)
class Meta:
    """Page metadata, as found by meta/ (HTML mode) or text/ (text mode)."""

    title: str | None = None
    kicker: str | None = None
    teaser: str | None = None
    authors: tuple[str, ...] = ()
    date_published: DateValue | None = None
    date_modified: DateValue | None = None
    lang: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    canonical_url: str | None = None
    images: tuple[Image, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    url: str | None = None
    host: str | None = None
    lang: str | None = None
    title: str | None = None
    kicker: str | None = None
    teaser: str | None = None
    authors: tuple[str, ...] = ()
    date_published: DateValue | None = None
    date_modified: DateValue | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    canonical_url: str | None = None
    images: tuple[Image, ...] = ()
    body: tuple[Block, ...] = ()
    removed: tuple[Removed, ...] = ()
    repairs: tuple[Repair, ...] = ()
    mode: Mode = "html"
    warnings: tuple[str, ...] = ()
    id: str | None = None
    source: str | None = None
    version: str = ""
    extras: tuple[tuple[str, Any], ...] = field(default=())  # e.g. WARC record id

    def _text_parts(self) -> list[str]:
        parts = [self.teaser] if self.teaser else []
        parts.extend(b.text for b in self.body if b.text)
        return parts

    @property
    def text(self) -> str:
        """What a reader reads: the teaser and the body blocks, one blank line apart."""
        return TEXT_SEPARATOR.join(self._text_parts())

    @property
    def text_length(self) -> int:
        """len(self.text), without building it."""
        parts = self._text_parts()
        return sum(map(len, parts)) + len(TEXT_SEPARATOR) * max(len(parts) - 1, 0)

    def to_dict(self) -> dict[str, Any]:
        from .serialize import article_to_dict

        return article_to_dict(self)


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not become an article: never dropped, always reported."""

    input: str
    error: str  # error class name, e.g. "DecodeError"
    message: str
    stage: str = "extract"  # ingest, decode, parse, extract, format
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "input": self.input, "error": self.error, "message": self.message, "stage": self.stage}


@dataclass(frozen=True, slots=True)
class BodyResult:
    """What a body extractor (html/ or text/) returns; api.assemble merges it with Meta."""

    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...] = ()
    repairs: tuple[Repair, ...] = ()
    images: tuple[Image, ...] = ()  # images inside the body region, with captions
    warnings: tuple[str, ...] = ()
