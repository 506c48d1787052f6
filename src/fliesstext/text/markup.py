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
from itertools import islice
from typing import Any

from ..model import Repair
from ..repair import rejoin_wrapped

# Markdown
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|!\[[^\]]*\]\([^)]*\))*)\]"  # [text], the text may hold one image
    # (url): one line break inside it (an href holding a line break, kept by the converter; a space once unwrapped)
    # or an address with a scheme and spaces in it (share links: 'whatsapp://send?text=The headline')
    r"(?:\([ \t]*(?:<[^>\n]*>|[a-z][a-z0-9+.-]{1,15}:[^()\n]*|[^()\s]*(?:[ \n][^()\s]+)?(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)"
    r"|\[[^\]\n]{0,40}\])"
)
_WRAPPED_IMAGE = re.compile(r"!\[([^\]\n]{0,300}\n[^\]]{0,300})\]\(([^()\s]*)\)")  # '![alt\nalt](src)': wrapped inside alt
# the end of a link whose start did not parse ('[alt [object Object]](src)' nests brackets): its URL goes
_LINK_TAIL = re.compile(r"\]\((?:https?:)?/[^()\s]*\)|\]\([a-z][a-z0-9+.-]{1,15}:[^()\n]*\)")
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
# unpaired markers left after the pairs ('_ di X _'); every branch starts with its marker (lookbehinds after it)
# so the regex engine jumps from marker to marker: ~5x faster than with the lookbehinds first, the same matches
_STRAY = re.compile(r"\*\*|__(?!\w)|__(?<!\w__)|_(?<!\S_)(?!\S)[ \t]?")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_BARE_MARKERS = frozenset("*-+•")
_PLUS_BULLET = re.compile(r"^([ \t]*)\+[ \t]+(?=\S)", re.M)
MARKDOWN_MIN_LINKS = 3  # '[text](url)' links that make a text Markdown
MARKDOWN_MIN_HEADINGS = 2  # or '# ' heading lines
_HEADING_START = re.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)?#{1,6}[ \t]+\S", re.M)


def normalize(text: str) -> tuple[list[str], list[Repair]]:
    """The lines of a text with hard wrapping undone and Markdown syntax reduced to text."""
    lines = text.split("\n")
    out, repairs = rejoin_wrapped(lines)
    if is_markdown(text):
        out = strip_markdown(out)
        repairs.append(Repair("markdown", "Markdown syntax", "plain text"))
    return out, repairs


# ---------------------------------------------------------------- hard wrapping
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
    text = match.group(2)  # '[ Jane Doe ](url)': no indent left in front of the name; the lines keep their count
    return text.strip(" \t") + "\n" * (match.group().count("\n") - text.count("\n"))


def _one_line_image(match: re.Match[str]) -> str:
    """An image whose alt text the wrapping split over lines, on one line (text/lines.py reads images per line);
    the line breaks move behind it, so the lines keep their count."""
    alt = match.group(1)
    return "![" + " ".join(alt.split()) + "](" + match.group(2) + ")" + "\n" * alt.count("\n")


def _orphan_link_tail(match: re.Match[str]) -> str:
    """'](url)' left of a link whose start did not parse goes; an image's '](src)' stays (text/lines.py reads it)."""
    text, at = match.string, match.start()
    return match.group() if "![" in text[text.rfind("\n", 0, at) + 1:at] else ""


def strip_markdown(lines: Sequence[str]) -> list[str]:
    """Markdown syntax -> its text. Lines left empty by the stripping, or with a bare list marker ('* [](url)': a share
    icon), are dropped (they were no blank lines)."""
    text = "\n".join(lines)
    for hint, pattern, replacement in _STEPS:
        if hint is None or hint in text:  # a substring search is much cheaper than a multi-line regex scan
            text = pattern.sub(replacement, text)
    out: list[str] = []
    for before, after in zip(lines, text.split("\n"), strict=True):  # every pattern keeps the newlines
        left = after.strip()
        if (left and left not in _BARE_MARKERS) or not before.strip() or before.strip() == left:
            out.append(after)
    return out


# (substring the pattern needs, or None; pattern; replacement), in order: links before emphasis (a URL may hold
# '_'); a link around an image ('[![alt](src)](href)') leaves the image in one pass
_STEPS: tuple[tuple[str | None, re.Pattern[str], Any], ...] = (
    ("]:", _LINK_DEFINITION, ""),
    ("](", _LINK, _link_text),
    ("![", _WRAPPED_IMAGE, _one_line_image),
    ("](", _LINK_TAIL, _orphan_link_tail),
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
