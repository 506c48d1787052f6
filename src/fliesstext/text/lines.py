"""Noisy text -> Line records with the layout features a renderer left: indent, bullets, blank lines, image tags."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import DateValue, Image, Repair
from ..repair import dedupe_doubled

_BULLET = re.compile(r"^(?:[*•·▪◦‣∙–—-]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
_DAY_MONTH_YEAR = re.compile(r"^\d{1,2}\.\s+[^\W\d_]+\.?,?\s+\d{4}\b")  # '28. April 2023': a date, not item 28
_IMAGE_TAG = re.compile(r"<(?:[a-z]+:)?image\b[^>]*>(.*?)</(?:[a-z]+:)?image>|<img\b([^>]*)/?>", re.I | re.S)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_ATTR = re.compile(r"\b(src|alt|title)\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)
_URL = re.compile(r"(?:https?://|data:|/)\S+|\S+\.(?:jpe?g|png|gif|webp|avif|svg)\b", re.I)
_TERMINAL = frozenset(".!?…:\"'“”»«)。！？」』।؟")
# a sentence end, then the author's initials after a slash or dash: '... fünf Festnahmen. / ab', '... gesagt. – mk'
_SIGN_OFF = re.compile(r"[.!?…\"“”»]\s+[/–—]\s*[^\W\d_]{1,4}$")
SIGN_OFF_CHARS = 10  # the sign-off is looked for in this many last characters


class Line:
    """One non-blank line and its features. `label` is filled by the classifier, `kind`/`reason` when dropped.

    Slotted, with every field set in __init__: the classifier reads these fields a few dozen times per line,
    and slot reads stay on CPython's fast path (class-level defaults behind an instance dict do not).
    """

    __slots__ = (
        "index", "text", "indent", "bullet", "blank_before", "image", "words", "terminal", "phrase_kind", "phrase",
        "hint", "score", "score_facts", "label", "kind", "reason", "authors", "pages", "date",
    )

    def __init__(
        self, index: int, text: str, indent: int, bullet: str | None = None, blank_before: bool = False,
        image: Image | None = None, terminal: bool = False,
    ) -> None:
        self.index, self.text, self.indent = index, text, indent
        self.bullet, self.blank_before, self.image = bullet, blank_before, image
        self.words: int = 0
        self.terminal = terminal  # ends like a sentence
        self.phrase_kind: str | None = None
        self.phrase: str | None = None
        self.hint: str | None = None  # box kind of phrase hits too weak to label the line alone
        self.score: float = 0.0
        self.score_facts: tuple[float, float, str | None, bool, bool, bool] | None = None  # classify.score_lines
        self.label: str = ""  # paragraph, heading, list_item, teaser, title, kicker, image, removed
        self.kind: str | None = None  # removed kind
        self.reason: str = ""
        self.authors: tuple[str, ...] = ()
        self.pages: int | None = None  # template lines: on how many of the host's pages seen
        self.date: DateValue | None = None

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text[:40]!r}, indent={self.indent}, label={self.label!r})"


def drop(line: Line, kind: str, reason: str) -> None:
    """Label a line removed with a kind and reason (a host-template line keeps kind `template`)."""
    if line.phrase_kind == "template":
        kind, reason = "template", line.phrase or "template"
    line.label, line.kind, line.reason = "removed", kind, reason


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


_DIGITS = frozenset("0123456789")
_BULLET_MARKS = frozenset("*•·▪◦‣∙–—-0123456789")  # first characters of a bullet; "a) " is checked apart


def is_signed(text: str) -> bool:
    """A paragraph ending in the author's initials after its last sentence ('... Festnahmen. / ab')."""
    tail = text[-SIGN_OFF_CHARS:]
    return ("/" in tail or "–" in tail or "—" in tail) and _SIGN_OFF.search(tail) is not None


def split_lines(text: str | Sequence[str]) -> tuple[list[Line], list[Repair]]:
    """Non-blank lines (of a text, or of its lines already split) with indent, bullet, blank-line-before and
    image features."""
    raws = text.split("\n") if isinstance(text, str) else text
    joined = text if isinstance(text, str) else None
    lines: list[Line] = []
    repairs: list[Repair] = []
    append, marks, terminal_chars, bullet_re = lines.append, _BULLET_MARKS, _TERMINAL, _BULLET.match
    blank = True
    whole = joined if joined is not None else "\n".join(raws)
    tags = "<" in whole or "![" in whole  # whole-text checks run once in C; most pages need no per-line check
    odd_spaces = "\t" in whole or "\xa0" in whole
    for raw in raws:
        left = raw.lstrip()
        if not left:
            blank = True
            continue
        stripped = left.rstrip()
        image = None
        if tags and ("<" in stripped or "![" in stripped):
            image, stripped, found = parse_image(stripped)
            repairs.extend(found)
        bullet = None
        first = stripped[:1]
        if (first in marks or (stripped[1:2] in ".)" and "a" <= first <= "z")) and (match := bullet_re(stripped)) \
                and not stripped[:4].isdigit() and not (first in _DIGITS and _DAY_MONTH_YEAR.match(stripped)):
            bullet = match.group().strip()
            stripped = stripped[match.end():]
        if "  " in stripped or (odd_spaces and ("\t" in stripped or "\xa0" in stripped)):
            stripped = " ".join(stripped.split())
        line = Line(len(lines), stripped, len(raw) - len(left), bullet, blank, image, stripped[-1:] in terminal_chars)
        if image is not None and not stripped:
            line.label = "image"
        append(line)
        blank = False
    return lines, repairs
