"""The text-mode pipeline: one function per stage, all over a list of Line records."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..knowledge import language_list, phrase_matcher
from ..model import Block, BodyResult, Image, Meta, Removed, Repair
from ..options import Options
from ..repair import fix_drop_cap, has_drop_cap, repair_characters
from ..templates import HostTemplate
from .byline import authors_and_date
from .cards import demote as demote_headlines
from .cards import drop_headlines, headline_runs, label_twins
from .classify import (
    BOX_KINDS,
    GOOD_WORDS,
    LONG_LINE_SINGLE_KINDS,
    body_indents,
    continues_story,
    has_credit_tail,
    is_credit,
    is_enumeration,
    is_short_sentence,
    label_box_runs,
    label_phrases,
    score_lines,
)
from .cluster import (
    BARE_NAME_MAX_WORDS,
    is_caption_name,
    label_cluster,
    mark_date_or_byline,
    mark_names_below,
)
from .dates import DATE_LINE_MAX_WORDS, bare_names
from .header import INSIDE_CLUSTERED, TITLE_REACH, find_title
from .kicker import BARE_NAME_REASON, find_kicker, navigation_kicker, refine_title, split_kicker
from .kinds import relabel_dropped
from .lang import detect_lang
from .lines import Line, split_lines
from .lines import drop as _drop
from .markup import normalize
from .region import MIN_CONTINUATION, best_run, drop_off_indent_blocks, extend_run, standfirst
from .slug import glued_kicker, slug_words

_WORD = re.compile(r"\w+")
TEMPLATE_MAX_PROSE_SHARE = 0.6  # a template covering more of the prose means a repeated article
FAVOR_CONTINUATION = {"precision": 2.0, "balanced": 1.0, "recall": 0.5}  # x MIN_CONTINUATION
INDENT_CANDIDATES = 3  # body indents tried in the region selection
MATCHER_EXCLUDE = ("byline", "date")  # found by text/dates.py patterns, not by phrase hits
HEADER_ZONE = 12  # lines above the region searched for headline, byline and date
CAPTION_MAX_WORDS = 40  # longer lines ending in a name are prose, not a caption with its credit
_OUTSIDE = "outside the article region"
# Teaser cards below the article (_trim_card_tail), calibrated on fundus-dev rendered by innerText, resiliparse and
# html2text-like Markdown; on the inscriptis rendering (indented) it changes 2 pages, both for the better.
CARD_LONG_WORDS = 40  # the article's last paragraph at least this long; the cards come below it
CARD_SENTENCE_WORDS = 5  # sentence lines right below it still belong to the article
CARD_MIN_LINES, CARD_MIN_HEADLINES, CARD_HEADLINE_WORDS = 6, 3, 20
CARD_MAX_REPEATS = 2  # a line seen more often below the article is a widget between paragraphs, not a card
CARD_HEADLINE_SHARE = 0.3  # at least this share of the tail lines are headline-like
CARD_MAX_PAIR_SHARE = 0.2  # two sentence lines in a row: at most this share of the tail (articles have many)
CARD_MIN_TEASER_SHARE = 0.1  # some sentence lines (teasers): a bare list of lines is article content (a table)


def _prepare(text: str) -> tuple[list[Line], list[Repair]]:
    text, repairs = repair_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    raw_lines, markup = normalize(text)  # hard wrapping undone, Markdown reduced to text
    lines, found = split_lines(raw_lines)
    return lines, repairs + markup + found


def _label_outside(lines: Sequence[Line], start: int, end: int) -> None:
    """Lines outside the region: phrase kind, the kind of the box they belong to, or navigation/other."""
    for part in (range(0, start), range(end, len(lines))):
        box: str | None = None
        plain = -1  # the last line dropped as plain 'outside' (a box below may claim it as its heading)
        for i in part:
            line = lines[i]
            if line.label:
                box = None
                continue
            kind = line.phrase_kind
            if kind is not None:
                box = kind if kind in BOX_KINDS else None
                _drop(line, kind, "phrase '" + str(line.phrase) + "'")
                if box and plain == i - 1 and i > part.start and lines[plain].words < GOOD_WORDS:
                    _drop(lines[plain], box, "heading of a " + box + " box")  # a short line right above a box
            elif box is not None and (line.words < GOOD_WORDS or not line.terminal):
                _drop(line, box, "in a " + box + " box")
            else:
                box = None
                short = line.words < GOOD_WORDS
                outside = "navigation" if short or line.bullet else "other"
                line.label, line.kind, line.reason = "removed", outside, _OUTSIDE
                plain = i


def _label_header_zone(lines: Sequence[Line], start: int, lang: str | None) -> None:
    """Bylines and date lines just above the article (between headline and body).

    Also 'Von' / 'Author of the article:' alone on a line with the names on the lines below, and a bare
    name line right beside a date line.
    """
    zone = range(max(0, start - HEADER_ZONE), min(len(lines), start + 1))
    for i in zone:
        line = lines[i]
        if not line.label and line.phrase_kind in (None, "byline", "date", "navigation"):
            if i < start:
                mark_date_or_byline(line, lang)
            if not line.label:
                mark_names_below(lines, i, lang)
    for i in zone:
        line = lines[i]
        if line.label or line.phrase_kind not in (None, "navigation") or line.words > BARE_NAME_MAX_WORDS:
            continue
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any(other.kind == "date" for other in near) and (names := bare_names(line.text, lang)) \
                and not is_caption_name(lines, i):
            _drop(line, "byline", BARE_NAME_REASON)
            line.authors = names


def _label_inside(lines: Sequence[Line], start: int, end: int, lang: str | None) -> None:
    box: str | None = None
    for i in range(start, end):
        line = lines[i]
        if line.label:
            continue
        if line.phrase_kind == "template":
            _drop(line, "template", line.phrase or "template")
            continue
        if line.phrase_kind in BOX_KINDS:
            box = line.phrase_kind
            _drop(line, box, f"phrase '{line.phrase}'")
            continue
        prose = line.words >= GOOD_WORDS and line.terminal
        if box is not None and not prose:
            _drop(line, box, f"in a {box} box")
            continue
        box = None
        if line.label == "" and line.words <= DATE_LINE_MAX_WORDS and mark_date_or_byline(line, lang):
            continue
        if is_credit(line):
            _drop(line, "caption", "picture credit")
        elif not line.terminal and line.words <= CAPTION_MAX_WORDS and has_credit_tail(line.text):
            _drop(line, "caption", "caption ending in a picture credit")
        elif line.phrase_kind is not None and line.words < GOOD_WORDS:
            _drop(line, line.phrase_kind, f"phrase '{line.phrase}'")
        elif prose or line.words >= GOOD_WORDS:
            line.label = "list_item" if line.bullet else "paragraph"
        elif _is_heading(lines, i, end):
            line.label = "heading"
        elif line.bullet and line.words >= 3:
            line.label = "list_item"
        elif is_short_sentence(line):
            line.label = "paragraph"
        else:
            _drop(line, "other", "short line inside the region")


def _is_heading(lines: Sequence[Line], i: int, end: int) -> bool:
    line = lines[i]
    if line.bullet or line.words > 20 or line.text[-1:] in ".,;":
        return False
    nxt = next((lines[j] for j in range(i + 1, end) if lines[j].label != "image"), None)
    return nxt is not None and nxt.words >= GOOD_WORDS and abs(nxt.indent - line.indent) <= 2


def _images(lines: Sequence[Line], start: int, end: int) -> tuple[Image, ...]:
    """Image tags from the headline zone to the article end, with an adjacent caption/credit line;
    caption lines without an image tag (renderers drop images) become images without a source."""
    images: list[Image] = []
    used: set[int] = set()
    for i in range(max(0, start - HEADER_ZONE), end):
        line = lines[i]
        if line.image is not None:
            caption = credit = None
            for j in range(i + 1, min(end, i + 3)):
                other = lines[j]
                if other.kind != "caption" or j in used:
                    break
                used.add(j)
                if is_credit(other):
                    credit = other.text
                else:
                    caption = other.text
            alt = line.image.alt
            images.append(Image(line.image.src, alt, caption or None if caption != alt else None, credit))
        elif line.kind == "caption" and i not in used and not is_credit(line) and start <= i:
            after = lines[i + 1] if i + 1 < end else None
            credit = after.text if after is not None and after.kind == "caption" and is_credit(after) else None
            if credit is not None:
                used.add(i + 1)
            images.append(Image(caption=line.text, credit=credit))
    return tuple(images)


class _TextWords:
    """'Does this word occur in the text?' by a search, for the few drop-cap candidates (no vocabulary set)."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        text, size = self._text, len(word)
        i = text.find(word)
        while i >= 0:
            j = i + size
            if (i == 0 or not _is_word_char(text[i - 1])) and (j == len(text) or not _is_word_char(text[j])):
                return True
            i = text.find(word, i + 1)
        return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _repair_drop_caps(lines: Sequence[Line], lang: str | None) -> list[Repair]:
    body = [line for line in lines if line.label in ("paragraph", "teaser", "list_item")]
    candidates = [line for line in body if has_drop_cap(line.text)]
    if not candidates:
        return []
    vocabulary = _TextWords("\n".join(line.text for line in body).lower())
    one_letter = language_list(lang, "_one_letter_words") if lang else frozenset()
    repairs: list[Repair] = []
    for line in candidates:
        fixed, repair = fix_drop_cap(line.text, vocabulary, one_letter)
        if repair:
            line.text = fixed
            repairs.append(repair)
    return repairs


def _texts(lines: Sequence[Line]) -> frozenset[str]:
    return frozenset(line.text for line in lines)


def _header(
    lines: Sequence[Line], start: int, end: int, lang: str | None = None, url: str | None = None
) -> tuple[str | None, str | None, str | None]:
    slug = slug_words(url)
    title_i = find_title(lines, start, end, lang, slug)
    title = kicker = teaser = None
    if title_i is not None:
        lines[title_i].label = "title"
        title, kicker = refine_title(lines, title_i)
        if lang != "fr":  # "Kicker : Headline" is inline-element spacing, except in French typography
            title = title.replace(" : ", ": ")
        kicker_i = find_kicker(lines, title_i, lang, slug) if kicker is None else None
        if kicker_i is not None:
            line = lines[kicker_i]
            line.label, line.kind, line.reason, line.authors = "kicker", None, "", ()
            kicker = line.text
        elif kicker is None and slug and (glued := glued_kicker(slug, title, _texts(lines))) is not None:
            title, kicker = glued  # 'Kicker Headline' joined without the colon: the URL slug starts at the headline
        elif kicker is None:
            kicker, _ = split_kicker(title)  # "Kicker: Headline" stays the title; the kicker is also given
        if kicker is not None and kicker_i is None and navigation_kicker(lines, kicker):
            kicker = None  # 'HomeNews Headline': a breadcrumb glued to the headline, which stays split off
    first = next((i for i in range(start, end) if lines[i].label == "paragraph"), None)
    if first is not None and _is_teaser(lines, first, end):
        lines[first].label = "teaser"
        teaser = lines[first].text
    return title, kicker, teaser


def _is_teaser(lines: Sequence[Line], first: int, end: int) -> bool:
    """The first paragraph is a teaser (standfirst) when an image, byline, date or caption separates it
    from the next paragraph: the article proper starts below that."""
    for i in range(first + 1, end):
        line = lines[i]
        if line.label in ("paragraph", "heading", "list_item"):
            return False
        if line.label == "image" or line.kind in ("byline", "date", "caption"):
            return any(lines[j].label == "paragraph" for j in range(i + 1, end))
    return False


def _blocks(lines: Sequence[Line]) -> tuple[tuple[Block, ...], tuple[Removed, ...]]:
    """Kept lines -> typed blocks; dropped lines -> Removed, consecutive lines with the same kind and reason
    merged into one entry (a menu is one removed block, as in HTML mode)."""
    blocks: list[Block] = []
    removed: list[Removed] = []
    run: list[str] = []
    run_key: tuple[str, str, int | None] | None = None
    for line in lines:
        label = line.label
        if label == "removed":
            if line.text:
                key = (line.kind or "other", line.reason, line.pages)
                if (key != run_key or line.pages is not None) and run:  # template lines stay one per entry
                    removed.append(Removed(run_key[0], "\n".join(run), run_key[1], run_key[2]))  # type: ignore[index]
                    run = []
                run_key = key
                run.append(line.text)
            continue
        if run:
            removed.append(Removed(run_key[0], "\n".join(run), run_key[1], run_key[2]))  # type: ignore[index]
            run, run_key = [], None
        if label == "paragraph":
            blocks.append(Block("paragraph", line.text))
        elif label == "heading":
            blocks.append(Block("heading", line.text, level=2))
        elif label == "list_item":
            ordered = bool(line.bullet and line.bullet[0].isdigit())
            blocks.append(Block("list_item", line.text, depth=1, ordered=ordered))
    if run:
        removed.append(Removed(run_key[0], "\n".join(run), run_key[1], run_key[2]))  # type: ignore[index]
    return tuple(blocks), tuple(removed)


def _select_region(
    lines: Sequence[Line], favor: str = "balanced", headlines: Sequence[int] = ()
) -> tuple[int, int, int]:
    """Try the few indents that carry most prose as the body indent; keep the best-scoring run."""
    best: tuple[float, int, int, int] = (-1.0, 0, 0, 0)
    indents = body_indents(lines, INDENT_CANDIDATES)
    for indent in indents:
        score_lines(lines, indent)
        demote_headlines(lines, headlines)
        start, end = best_run(lines)
        total = sum(line.score for line in lines[start:end])
        if total > best[0]:
            best = (total, start, end, indent)
    if best[3] != indents[-1]:
        score_lines(lines, best[3])
        demote_headlines(lines, headlines)
    start, end = extend_run(lines, best[1], best[2], best[3], MIN_CONTINUATION * FAVOR_CONTINUATION[favor])
    return start, _trim_card_tail(lines, start, end), best[3]


def _trim_card_tail(lines: Sequence[Line], start: int, end: int) -> int:
    """End the region before a list of teaser cards below the article's last long paragraph.

    Renderings without indentation (innerText, resiliparse, Markdown) give the region selection no layout
    edge between the article and the 'more news' cards below it: short headline lines, each with a one-sentence
    teaser, score like short paragraphs. The cards read unlike an article's end: many headline-like lines
    (non-terminal, a few words), some teasers, but hardly two sentence lines in a row. Lines repeated below the
    article ('Article content' between every paragraph) are left out of the counts.
    """
    last = next((i for i in range(end - 1, start - 1, -1) if lines[i].words >= CARD_LONG_WORDS), None)
    if last is None:
        return end
    cut = last + 1
    while cut < end and lines[cut].terminal and lines[cut].words >= CARD_SENTENCE_WORDS:
        cut += 1  # the article's short last paragraphs
    if end - cut < CARD_MIN_LINES:
        return end
    return cut if _are_cards(lines, cut, end) else end


def _are_cards(lines: Sequence[Line], start: int, end: int) -> bool:
    """Lines [start, end) read like teaser cards (see _trim_card_tail), not like a story's short sections."""
    counts = Counter(line.text for line in lines[start:end])
    tail = [line for line in lines[start:end] if counts[line.text] <= CARD_MAX_REPEATS]
    size = len(tail)
    if size < CARD_MIN_LINES:
        return False
    headlines = sum(1 for line in tail if not line.terminal and 2 <= line.words <= CARD_HEADLINE_WORDS
                    and not is_enumeration(line.text))  # a table's rows are no headlines
    prose = [line.terminal and line.words >= GOOD_WORDS for line in tail]
    pairs = sum(1 for a, b in zip(prose, prose[1:], strict=False) if a and b)
    return headlines >= CARD_MIN_HEADLINES and headlines >= CARD_HEADLINE_SHARE * size \
        and pairs <= CARD_MAX_PAIR_SHARE * size and sum(prose) >= CARD_MIN_TEASER_SHARE * size \
        and not continues_story(lines, [i for i in range(start, end) if lines[i].terminal and lines[i].words >= 2])


def _label_template(lines: Sequence[Line], template: HostTemplate) -> None:
    """Lines the host repeats on many pages: boilerplate for scoring, kind `template` when dropped.

    Not applied when the template would cover most of the page's prose: then the page is a repeat of an
    article seen before (a re-crawl, a syndicated copy), not site chrome.
    """
    found = [(line, pages) for line in lines if line.text and (pages := template.pages_for(line.text)) is not None]
    prose = sum(line.words for line in lines if line.words >= GOOD_WORDS)
    covered = sum(line.words for line, _ in found if line.words >= GOOD_WORDS)
    if prose and covered > TEMPLATE_MAX_PROSE_SHARE * prose:
        return
    for line, pages in found:
        line.phrase_kind, line.pages = "template", pages
        line.phrase = f"repeats on {pages} of {template.pages} pages of {template.host}"


def run(text: str, url: str | None, options: Options, template: HostTemplate | None = None,
        fetched_at: str | None = None) -> tuple[Meta, BodyResult]:
    lines, repairs = _prepare(text)
    lang = detect_lang(lines) or options.default_lang
    long_matcher = phrase_matcher(lang, MATCHER_EXCLUDE, LONG_LINE_SINGLE_KINDS)
    label_phrases(lines, phrase_matcher(lang, MATCHER_EXCLUDE), lang, long_matcher)
    if template is not None:
        _label_template(lines, template)
    label_box_runs(lines)
    label_twins(lines)
    headlines = headline_runs(lines)
    start, end, indent = _select_region(lines, options.favor, headlines)
    _label_inside(lines, start, end, lang)
    if options.favor != "recall":
        if indent == 0:  # a rendering without indentation: no layout tells a box of headlines from the article
            drop_headlines(lines, headlines, start, end)
        drop_off_indent_blocks(lines, start, end, indent)
    _label_header_zone(lines, start, lang)
    title, kicker, teaser = _header(lines, start, end, lang, url)
    title_i = next((i for i in range(max(0, start - TITLE_REACH), min(end, start + INSIDE_CLUSTERED))
                    if lines[i].label == "title"), None)
    if title_i is not None:
        label_cluster(lines, title_i, start, end, lang)
    authors, date = authors_and_date(lines, title_i, (max(0, start - HEADER_ZONE), start, end), lang, fetched_at,
                                     url)
    if teaser is None and title_i is not None:  # a standfirst between the headline and the region
        teaser = standfirst(lines, title_i, start)
    _label_outside(lines, start, end)
    repairs.extend(_repair_drop_caps(lines[start:end], lang))  # body lines are all inside the region
    if teaser is not None:
        teaser = next(line.text for line in lines if line.label == "teaser")
    if options.keep_removed:  # names of dropped lines only (text/kinds.py); the body is as it was
        relabel_dropped(lines, start, end, lang)
    blocks, removed = _blocks(lines)
    images = _images(lines, start, end)
    meta = Meta(title=title, kicker=kicker, teaser=teaser, lang=lang, authors=authors, date_published=date)
    return meta, BodyResult(
        blocks=blocks,
        removed=removed if options.keep_removed else (),
        repairs=tuple(repairs) if options.keep_repairs else (),
        images=images,
    )
