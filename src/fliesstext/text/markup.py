"""A pre-pass that brings other scrapers' text to the plain line layout text mode reads.

Two kinds of input are normalised before the lines are split:

- hard-wrapped text (html2text's 78 columns, lynx dumps, mail, fixed-width files): a line that ends because the
  next word would not have fit in the wrap width is joined with the next line, so a paragraph is one line again;
- Markdown-ish text (html2text, markdownify, LLM-ready scrapers): link and emphasis syntax is reduced to its text,
  '#' heading markers, '>' quote markers, rules, fences, table separators and link definitions are removed, so a
  heading is a plain line (as block renderers give it) and `[word](url)` does not leave URL tokens in the body.

Image syntax `![alt](src)` is kept: text/lines.py turns it into an image record. Plain renderings (inscriptis,
resiliparse, innerText) pass through unchanged: both steps first check cheaply whether they apply.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, islice
from typing import Any

from ..model import Repair
from ..repair import join_wrapped

# Hard wrapping: calibrated on fundus-dev rendered by innerText and html2text wrapped at 78/80 columns, and on the
# unwrapped inscriptis / resiliparse renderings (which must not be detected: their paragraph lines run to hundreds
# of characters, beyond WRAP_MAX).
WRAP_MIN, WRAP_MAX = 40, 110  # the widths a fixed-width renderer uses
LONG_WORD = 30  # a word this long (a URL) may stand beyond the width
WRAP_QUANTILE = 0.98  # the wrap width: the length that this share of non-blank lines stays within
WRAP_NEAR = 0.75  # 'near the width': a line at least this share of the width long
WRAP_MIN_NEAR = 12  # at least this many lines near the width
NEAR_MIN_SPACES = 5  # near-width lines counted are prose (menu items of a link and its URL are not)
WRAP_MIN_FIT = 0.7  # share of near-width lines whose next line's first word would not have fit
_NO_JOIN_START = re.compile(r"^\s*(?:[#>|*•+\-–—]\s|\d{1,3}[.)]\s|!\[|\[!\[|```|<)")
_MAX_REPAIRS = 20
_CONTINUES = -1  # unwrap: the previous line was a long link, the next one decides

# Markdown
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|!\[[^\]]*\]\([^)]*\))*)\]"  # [text], the text may hold one image
    r"(?:\([ \t]*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)|\[[^\]\n]{0,40}\])"
)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.M)
# '## Title', also indented or in a list item ('* ## Title', html2text's <li><h2>): the marker goes, the bullet stays
_HEADING = re.compile(r"^([ \t]*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)?)#{1,6}(?:[ \t]+#{1,6}(?=[ \t]|$))*(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_QUOTE = re.compile(r"^([ \t]*)(?:>[ \t]?)+", re.M)
_RULE = re.compile(r"^[ \t]*(?:(?:[-*_=][ \t]*){3,}|```.*|~~~.*|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?)$",
                   re.M)
# the marker first (a fast scan for its first character), then what must not stand before it
_STRONG = re.compile(r"(\*\*|__)(?<![\w\\*]\*\*)(?<![\w\\*]__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EMPHASIS = re.compile(r"([*_])(?<![\w\\*][*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_STRAY = re.compile(r"\*\*|__(?!\w)|(?<!\w)__|(?<!\S)_(?!\S)[ \t]?")  # unpaired markers left after the pairs, '_ di X _'
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_PLUS_BULLET = re.compile(r"^([ \t]*)\+[ \t]+(?=\S)", re.M)
MARKDOWN_MIN_LINKS = 3  # '[text](url)' links that make a text Markdown
MARKDOWN_MIN_HEADINGS = 2  # or '# ' heading lines
_HEADING_START = re.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)?#{1,6}[ \t]+\S", re.M)


def normalize(text: str) -> tuple[list[str], list[Repair]]:
    """The lines of a text with hard wrapping undone and Markdown syntax reduced to text."""
    lines = text.split("\n")
    out, repairs = unwrap(lines)
    if is_markdown(text):
        out = strip_markdown(out)
        repairs.append(Repair("markdown", "Markdown syntax", "plain text"))
    return out, repairs


# ---------------------------------------------------------------- hard wrapping


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a text was hard-wrapped at, or None: nearly all lines within it and many just under it, and the
    lines near it end where the next word would not have fit (textwrap's rule)."""
    if len(lines) < WRAP_MIN_NEAR or _many_long_lines(lines, (1 - WRAP_QUANTILE) * len(lines)):
        return None  # most texts: paragraphs on one line each
    lengths = sorted(len(line) for line in map(str.rstrip, lines) if " " in line.lstrip() and not _unbreakable(line))
    if len(lengths) < WRAP_MIN_NEAR:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * WRAP_QUANTILE))]
    if not WRAP_MIN <= width <= WRAP_MAX:
        return None
    near = fit = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        size = len(line.rstrip())
        if size < WRAP_NEAR * width or size > width or not nxt.strip() or line.count(" ") < NEAR_MIN_SPACES \
                or _NO_JOIN_START.match(nxt):
            continue
        near += 1
        fit += size + 1 + len(nxt.split(None, 1)[0]) > width
    return width if near >= WRAP_MIN_NEAR and fit >= WRAP_MIN_FIT * near else None


def _many_long_lines(lines: Sequence[str], budget: float) -> bool:
    """More than `budget` lines beyond any wrap width that a wrapper could have broken (a cheap first test)."""
    count = 0
    for line in compress(lines, map(WRAP_MAX.__lt__, map(len, lines))):  # the long lines, found at C speed
        if " " in line.strip() and not _unbreakable(line.rstrip()):
            count += 1
            if count > budget:
                return True
    return False


def _unbreakable(line: str) -> bool:
    """A line a wrapper leaves over the width: a Markdown heading, a table row, or one with an address too long to
    fit anywhere."""
    if len(line) <= WRAP_MIN:
        return False
    start = line.lstrip()[:1]
    if start in "#|":
        return True
    return ("/" in line or "](" in line) and any(len(word) > LONG_WORD and _is_address(word) for word in line.split())


def _is_address(word: str) -> bool:
    """A URL or path (a link target): unbreakable. A long run of CJK text without spaces is no such word."""
    return "](" in word or "://" in word or word.count("/") >= 2


def unwrap(lines: Sequence[str]) -> tuple[list[str], list[Repair]]:
    """Join the lines of hard-wrapped paragraphs: a line that ended only because the next word did not fit."""
    width = wrap_width(lines)
    if width is None:
        return list(lines), []
    out: list[str] = []
    repairs: list[Repair] = []
    size = 0  # length of the previous raw line, 0 after a blank line
    for line in lines:
        raw = line.rstrip()
        text = raw.lstrip()
        if not text:
            out.append(raw)
            size = 0
            continue
        if size == _CONTINUES:
            size = width if text[:1].islower() or text[:1] in ",.;:)" else 0
        space = text.find(" ")
        if size and size + 1 + (space if space > 0 else len(text)) > width and not _NO_JOIN_START.match(line):
            out[-1], repair = join_wrapped(out[-1], text)
            if len(repairs) < _MAX_REPAIRS:
                repairs.append(repair)
        else:
            out.append(raw)
        size = len(raw)
        if size > width and raw[-1] == ")":  # a long link the wrapper could not break: the block may end here,
            size = _CONTINUES  # the next line continues it only when it goes on mid-sentence
    return out, repairs


# ---------------------------------------------------------------- Markdown


def is_markdown(text: str) -> bool:
    """Markdown-ish: a few '[text](url)' links or '# ' heading lines (cheap substring checks first)."""
    # single-character counts first: much faster than a two-character search over a long text
    if text.count("]") >= MARKDOWN_MIN_LINKS and text.count("](") >= MARKDOWN_MIN_LINKS \
            and sum(1 for _ in islice(_LINK.finditer(text), MARKDOWN_MIN_LINKS)) >= MARKDOWN_MIN_LINKS:
        return True
    if text.count("#") < MARKDOWN_MIN_HEADINGS or text.count("\n#") + text.startswith("#") < MARKDOWN_MIN_HEADINGS:
        return False
    return len(_HEADING_START.findall(text)) >= MARKDOWN_MIN_HEADINGS


def _link_text(match: re.Match[str]) -> str:
    if match.group(1):  # an image: text/lines.py reads it
        return match.group()
    return match.group(2).strip(" \t")  # '[ Jane Doe ](url)': no indent left in front of the name


def strip_markdown(lines: Sequence[str]) -> list[str]:
    """Markdown syntax -> its text. Lines left empty by the stripping are dropped (they were no blank lines)."""
    text = "\n".join(lines)
    for hint, pattern, replacement in _STEPS:
        if hint is None or hint in text:  # a substring search is much cheaper than a multi-line regex scan
            text = pattern.sub(replacement, text)
    out: list[str] = []
    for before, after in zip(lines, text.split("\n"), strict=True):  # every pattern keeps the newlines
        if after.strip() or not before.strip():
            out.append(after)
    return out


# (substring the pattern needs, or None; pattern; replacement), in order: links before emphasis (a URL may hold
# '_'); a link around an image ('[![alt](src)](href)') leaves the image in one pass
_STEPS: tuple[tuple[str | None, re.Pattern[str], Any], ...] = (
    ("]:", _LINK_DEFINITION, ""),
    ("](", _LINK, _link_text),
    ("<", _AUTOLINK, r"\1"),
    (None, _RULE, ""),
    ("#", _HEADING, r"\1\2"),
    (">", _QUOTE, r"\1"),
    ("+", _PLUS_BULLET, r"\1* "),
    (None, _STRONG, r"\2"),
    (None, _EMPHASIS, r"\2"),
    (None, _STRAY, ""),
    ("\\", _ESCAPE, r"\1"),
)
