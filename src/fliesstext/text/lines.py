"""Noisy text -> Line records with the layout features a renderer left: indent, bullets, blank lines, image tags."""
from __future__ import annotations

import re

from ..model import DateValue, Image, Repair
from ..repair import dedupe_doubled

_BULLET = re.compile(r"^(?:[*•·▪◦‣∙–—-]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
_IMAGE_TAG = re.compile(r"<(?:[a-z]+:)?image\b[^>]*>(.*?)</(?:[a-z]+:)?image>|<img\b([^>]*)/?>", re.I | re.S)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_ATTR = re.compile(r"\b(src|alt|title)\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)
_URL = re.compile(r"(?:https?://|data:|/)\S+|\S+\.(?:jpe?g|png|gif|webp|avif|svg)\b", re.I)
_TERMINAL = frozenset(".!?…:\"'“”»«)。！？」』।؟")


class Line:
    """One non-blank line and its features. `label` is filled by the classifier, `kind`/`reason` when dropped.

    A plain class with class-level defaults, not a dataclass: a page has hundreds of lines and most
    fields keep their default, so construction only sets the six layout fields.
    """

    bullet: str | None = None
    blank_before: bool = False
    image: Image | None = None
    words: int = 0
    terminal: bool = False
    tokens: list[str] | None = None  # lower-cased word tokens (classify.tokenize)
    phrase_kind: str | None = None
    phrase: str | None = None
    hint: str | None = None  # box kind of phrase hits too weak to label the line alone
    score: float = 0.0
    score_pair: tuple[float, float] | None = None  # cached by classify.score_lines
    label: str = ""  # paragraph, heading, list_item, teaser, title, kicker, image, removed
    kind: str | None = None  # removed kind
    reason: str = ""
    authors: tuple[str, ...] = ()
    pages: int | None = None  # template lines: on how many of the host's pages seen
    date: DateValue | None = None

    def __init__(
        self, index: int, text: str, indent: int, bullet: str | None = None, blank_before: bool = False,
        image: Image | None = None,
    ) -> None:
        self.index, self.text, self.indent = index, text, indent
        if bullet is not None:
            self.bullet = bullet
        if blank_before:
            self.blank_before = blank_before
        if image is not None:
            self.image = image

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text[:40]!r}, indent={self.indent}, label={self.label!r})"


def _image_from_attrs(attrs: str, inner: str = "") -> Image:
    found = {name.lower(): value[1:-1] for name, value in _ATTR.findall(attrs + " " + inner)}
    src = found.get("src")
    if src is None:
        url = _URL.search(_ATTR.sub("", inner))
        src = url.group() if url else None
    alt = found.get("alt") or found.get("title")
    if alt is None and inner and not _ATTR.search(inner):
        rest = _URL.sub("", inner).strip()
        alt = rest or None
    return Image(src=src.strip('"') if src else None, alt=alt)


def parse_image(text: str) -> tuple[Image | None, str, list[Repair]]:
    """An image tag or Markdown image in a line -> (Image, the line without it, repairs)."""
    repairs: list[Repair] = []
    match = _IMAGE_TAG.search(text)
    if match:
        image = _image_from_attrs(match.group(2) or "", match.group(1) or "")
    else:
        md = _MD_IMAGE.search(text)
        if not md:
            return None, text, repairs
        match = md  # type: ignore[assignment]
        image = Image(src=md.group(2) or None, alt=md.group(1) or None)
    if image.alt:
        alt, repair = dedupe_doubled(" ".join(image.alt.split()))
        if repair:
            repairs.append(repair)
        image = Image(src=image.src, alt=alt)
    rest = (text[: match.start()] + text[match.end():]).strip()
    return image, rest, repairs


_BULLET_MARKS = frozenset("*•·▪◦‣∙–—-0123456789")  # first characters of a bullet; "a) " is checked apart


def split_lines(text: str) -> tuple[list[Line], list[Repair]]:
    """Non-blank lines with indent, bullet, blank-line-before and image features."""
    lines: list[Line] = []
    repairs: list[Repair] = []
    append, marks, terminal_chars, bullet_re = lines.append, _BULLET_MARKS, _TERMINAL, _BULLET.match
    blank = True
    for raw in text.split("\n"):
        left = raw.lstrip()
        if not left:
            blank = True
            continue
        stripped = left.rstrip()
        image = None
        if "<" in stripped or "![" in stripped:
            image, stripped, found = parse_image(stripped)
            repairs.extend(found)
        bullet = None
        first = stripped[:1]
        if (first in marks or (stripped[1:2] in ".)" and "a" <= first <= "z")) and (match := bullet_re(stripped)) \
                and not stripped[:4].isdigit():
            bullet = match.group().strip()
            stripped = stripped[match.end():]
        if "  " in stripped or "\t" in stripped or "\xa0" in stripped:
            stripped = " ".join(stripped.split())
        line = Line(len(lines), stripped, len(raw) - len(left), bullet, blank, image)
        if stripped[-1:] in terminal_chars:
            line.terminal = True
        if image is not None and not stripped:
            line.label = "image"
        append(line)
        blank = False
    return lines, repairs
