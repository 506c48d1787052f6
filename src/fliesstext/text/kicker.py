"""The kicker (dachzeile) of a headline: a short line above it, a 'Kicker: Headline' or 'Kicker Headline' line, and
the labels above a headline that are no kicker (breadcrumbs, skip links, section names, a source's brand)."""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import load_json
from .classify import is_credit
from .headwords import MetaLines, content_words, words_key
from .lines import Line
from .slug import Slug

KICKER_MAX_WORDS = 10
KICKER_PREFIX_MAX_WORDS = 6
KICKER_MIN_CHARS = 2  # 'A' (a font-size control) is no kicker
KICKER_REPEATS, KICKER_REPEAT_REACH = 2, 40  # see find_kicker
CREDIT_MAX_WORDS, SITE_LABEL_REACH = 8, 80  # see _credited_source, _section_trail
KICKER_INDENT_SLACK = 4  # a line indented further than the headline (a sidebar, a quote) is not its kicker
TAIL_LABEL_WORDS, TAIL_MIN_HEADLINE_WORDS = 3, 5  # see _label_tail
KICKER_REACH = 10  # a 'Kicker Headline' line further below is a link back to the article ('Volver a la noticia')
BARE_NAME_REASON = "name beside the date line"  # pipeline._label_header_zone's reason for a bare name line
_SUFFIX_SEPARATORS = ("|", "-", "–", "—", "·", "::", "/")
_KICKER_SPLIT = re.compile(r"^([^:.!?]{3,80}?):\s+(\S.*)$")
_CHEVRONS = (">", "›", "»")


def refine_title(lines: Sequence[Line], title_index: int) -> tuple[str, str | None]:
    """The headline text, repaired with the other lines of the page -> (title, kicker or None).

    Renderers join a kicker and its headline without the colon ('Ahrtal-Flut Zwei Rücktritte'); a page
    title carries a site suffix ('Headline | Site'). When another line shows the same words with the colon,
    the headline alone after a short kicker, or the headline without the suffix, that line is the title.
    """
    text = lines[title_index].text
    size = len(text)
    key: str | None = None
    for j, line in enumerate(lines):
        found = line.text
        other_size = len(found)
        if other_size < 10 or j == title_index or (other_size == size and found == text):
            continue
        if other_size < size and found in text:
            key = key or words_key(text)
            found_key = words_key(found)
            if len(found_key.split()) < 3:
                continue
            lead = text[: size - len(found)].rstrip()
            if key.endswith(" " + found_key) and text.endswith(found) and (lead[-1:].isalnum() or lead[-1:] == ":"):
                if 1 <= len(lead.split()) <= KICKER_PREFIX_MAX_WORDS:  # 'Kicker Headline' / 'Kicker: Headline'
                    return found, lead.rstrip(": ")  # ... and the headline alone elsewhere: two elements
            if text.startswith(found) and text[len(found):].lstrip()[:2].strip() in _SUFFIX_SEPARATORS:
                rest = text[len(found):].lstrip()[2:].strip()
                if len(rest.split()) > len(found.split()) and found[-1:].isalnum() \
                        and len(found.split()) <= KICKER_PREFIX_MAX_WORDS \
                        and not any(f" {sep} " in rest for sep in _SUFFIX_SEPARATORS):
                    return rest, found  # 'Kicker - Headline', the kicker alone elsewhere: not 'Headline | Site'
                return found, None
            if _label_tail(text, found):
                return found, None  # 'Headline Back to video': a control glued on, the headline alone elsewhere
        elif other_size > size + 1 and found.endswith(text) and found[-size - 1].isspace() \
                and (lead := found[: other_size - size].rstrip()):  # the 'Kicker Headline' line, in the header
            if lead[-1:].isalnum() and len(lead.split()) <= KICKER_PREFIX_MAX_WORDS \
                    and j < title_index + KICKER_REACH:
                return text, lead
        elif size < other_size <= size + 2 and ":" in found and found.count(":") == text.count(":") + 1:
            key = key or words_key(text)
            if words_key(found) == key and (parts := _colon_kicker(found, text)) is not None:
                return parts  # the headline line lacks the kicker's colon: kicker and headline are two elements
    return text.lstrip(":").lstrip() if text[:1] == ":" else text, None  # ': Headline' below its kicker line


def _label_tail(text: str, found: str) -> bool:
    """`text` is the headline `found` with a few capitalised words glued on ('... killing at least 26 Back to
    video', '... sin localizar Video'): a renderer joined a control or label to the headline."""
    if not text.startswith(found) or text[len(found):len(found) + 1] != " " or not found[-1:].isalnum():
        return False
    tail, size = text[len(found) + 1:].split(), len(found.split())
    return 1 <= len(tail) <= TAIL_LABEL_WORDS and tail[0][:1].isupper() and size >= TAIL_MIN_HEADLINE_WORDS \
        and size >= 2 * len(tail)


def _colon_kicker(found: str, text: str) -> tuple[str, str] | None:
    """'K: H' printed elsewhere, 'K H' as the headline line -> (H, K); None when no colon of `found` explains it."""
    position = found.find(":")
    while position > 0:
        kicker, rest = found[:position].strip(), found[position + 1:].strip()
        if kicker and rest and text.startswith(kicker) and text[len(kicker):].strip() == rest:
            return (rest, kicker) if len(kicker.split()) <= KICKER_MAX_WORDS else None
        position = found.find(":", position + 1)
    return None


def split_kicker(title: str) -> tuple[str | None, str]:
    """'Kicker: Title' -> (kicker, title) when the part before the colon is a short label-like phrase."""
    match = _KICKER_SPLIT.match(title)
    if not match:
        return None, title
    kicker, rest = match.group(1).strip(), match.group(2).strip()
    if len(kicker.split()) > KICKER_MAX_WORDS or len(rest.split()) < 2:
        return None, title
    return kicker, rest


def find_kicker(
    lines: Sequence[Line], title_index: int, lang: str | None = None, slug: Slug | None = None
) -> int | None:
    """A short line right above the headline, without sentence punctuation, is its kicker (dachzeile).

    A line taken for a bare author name ('Nationaler Veteranentag') is the kicker when the URL slug holds all
    its words; a date, a byline and a label the page repeats (a section name, 'Article content') are not.
    """
    if title_index == 0:
        return None
    line = lines[title_index - 1]
    named = line.reason == BARE_NAME_REASON and slug is not None and slug.match(line.text)[1] == 1.0
    if line.label and not named:
        return None
    if line.phrase_kind or line.bullet or line.terminal or not 1 <= line.words <= KICKER_MAX_WORDS:
        return None
    if is_credit(line) or any(ch.isdigit() for ch in line.text[:2]) or len(line.text) < KICKER_MIN_CHARS:
        return None
    if line.indent > lines[title_index].indent + KICKER_INDENT_SLACK:
        return None
    if not named and MetaLines(lines, lang).holds(title_index - 1):
        return None
    text = line.text
    if lines[title_index].text.startswith(text):
        return None  # the headline's own start ('Kicker: Headline' below 'Kicker')
    below = lines[title_index + 1:title_index + 1 + KICKER_REPEAT_REACH]
    if sum(1 for other in below if other.text == text) >= KICKER_REPEATS:
        return None  # a label repeated through the article ('Article content' between its paragraphs)
    if navigation_kicker(lines, text, title_index - 1) or _site_label(lines, title_index, text):
        return None
    return title_index - 1


def _site_label(lines: Sequence[Line], title_index: int, text: str) -> bool:
    """A label above the headline naming the site's section or the article's source, not the headline's topic."""
    if _menu_entry(lines, title_index, text):
        return True
    words = text.split()
    return len(words) >= 2 and (_credited_source(lines, title_index, text)
                                or _section_trail(lines, title_index, text, words))


def _menu_entry(lines: Sequence[Line], title_index: int, text: str) -> bool:
    """An entry of the site menu above ('* World' in the menu, 'World' over the headline): the page's section."""
    return any(line.bullet is not None and line.text == text for line in lines[:title_index - 1])


def _credited_source(lines: Sequence[Line], title_index: int, text: str) -> bool:
    """The source a credit line below names ('THE CONVERSATION' above the headline, 'First published in The
    Conversation.' below the article): the brand of a republished article."""
    low = text.casefold()
    for line in lines[title_index + 1:]:
        found = line.text
        if line.words <= CREDIT_MAX_WORDS and len(found) > len(text) + 1:
            tail = found.casefold().rstrip(" .")
            if len(tail) > len(low) and tail.endswith(low) and tail[-len(low) - 1] == " " and any(
                    credit in tail for credit in _source_credits()):
                return True
    return False


def _section_trail(lines: Sequence[Line], title_index: int, text: str, words: list[str]) -> bool:
    """Section names in a row without separators ('Green Séries Ocean', with 'Green' a menu line of the page) that
    share no word with the headline and the article: a breadcrumb trail."""
    if not all(word[:1].isupper() for word in words) or not any(
            line.text == words[0] for i, line in enumerate(lines) if i != title_index - 1):
        return False
    topic = content_words(lines[title_index].text)
    for line in lines[title_index + 1:title_index + 1 + SITE_LABEL_REACH]:
        if line.label in ("paragraph", "teaser", "heading"):
            topic |= content_words(line.text)
    return not (content_words(text) & topic)


@dataclass(frozen=True, slots=True)
class _Breadcrumbs:
    """How a breadcrumb trail opens (knowledge/text_kickers.json, its `_comment` says what each list is)."""

    roots: tuple[str, ...]
    word_roots: frozenset[str]
    separator_roots: tuple[str, ...]
    separators: tuple[str, ...]


@lru_cache(maxsize=1)
def _breadcrumbs() -> _Breadcrumbs:
    data = load_json("text_kickers.json")
    return _Breadcrumbs(tuple(data["roots"]), frozenset(data["word_roots"]), tuple(data["separator_roots"]),
                        tuple(data["separators"]))


@lru_cache(maxsize=1)
def _structure_labels() -> frozenset[str]:
    """'Inhalt', 'Main content': skip-link targets, never a kicker (knowledge/text_kickers.json `labels`)."""
    return frozenset(load_json("text_kickers.json")["labels"])


@lru_cache(maxsize=1)
def _source_credits() -> tuple[str, ...]:
    """'first published', 'erschien zuerst': words of a source credit line (text_kickers.json `source_credits`)."""
    return tuple(load_json("text_kickers.json")["source_credits"])


def _opens_breadcrumb(text: str, others: Collection[str] = ()) -> bool:
    """'News > Politics', 'HomeNews', 'Home 9 Izindaba 9', 'Startseite Debatte', 'Home Politics' (with 'Politics'
    another line of the page), 'Start / Ausland / EU und ...': a breadcrumb trail; not the kicker 'Home Office'."""
    crumbs = _breadcrumbs()
    if any(f" {chevron} " in text for chevron in _CHEVRONS):
        return True  # '뉴스 > 경제 > 기업·CEO', 'News › Politics'
    low = text.casefold()
    for root in crumbs.roots:
        if low.startswith(root):
            rest = text[len(root):]
            if not rest or rest[0].isupper():
                return True  # 'Startseite', 'HomeNews'
            after = rest.strip()
            if rest[0].isspace() and (root not in crumbs.word_roots or not after[:1].isalpha() or after in others
                                      or after.split()[0] in others):
                return True  # 'Startseite Debatte', 'Home 9 Izindaba 9', 'Home / News', 'Home Politics'
    for root in crumbs.separator_roots:
        if low.startswith(root) and text[len(root):].lstrip()[:1] in crumbs.separators and text[len(root):][:1].isspace():
            return True
    return False


def _joined_lines(text: str, others: frozenset[str]) -> bool:
    """A kicker that is two or more other lines of the page joined: menu items printed once in a row and once
    one per line ('Privacy policy Terms' above the headline, 'Privacy policy' and 'Terms' in the footer)."""
    words = text.split()
    reach = [False] * (len(words) + 1)  # reach[k]: words[:k] is a sequence of other lines
    reach[0] = True
    for k in range(1, len(words) + 1):
        for j in range(k):
            if reach[j] and (j, k) != (0, len(words)) and " ".join(words[j:k]) in others:
                reach[k] = True
                break
    return reach[-1]


def navigation_kicker(lines: Sequence[Line], text: str, at: int | None = None) -> bool:
    """A kicker candidate that is navigation: a breadcrumb trail, a skip-link target ('Inhalt'), or menu items
    the page prints one per line."""
    if text.casefold().rstrip(" :") in _structure_labels():
        return True
    skip = lines[at] if at is not None else None
    others = frozenset(found for line in lines if (found := line.text) in text and line is not skip)
    if _opens_breadcrumb(text, others):
        return True
    return len(text.split()) >= 2 and _joined_lines(text, others)
