"""The headline: a title-like line just before or at the start of the article region (its kicker: kicker.py)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache, partial

from ..knowledge import load_json
from .classify import GOOD_WORDS, has_credit_tail, is_credit
from .dates import agencies
from .headwords import META_REACH, MetaLines, content_words, line_size, words_key
from .lines import Line
from .slug import SLUG_DECISIVE, SLUG_DECISIVE_GAP, SLUG_DECISIVE_WORDS, SLUG_LOOKBACK, Slug, score_with_slug

TITLE_MAX_WORDS = 30
TITLE_MAX_REPEATS = 4  # lines repeated more often are labels ("Article content"), not headlines
LOOKBACK = 25  # how many lines before the region may hold the title
INSIDE, INSIDE_MAX_WORDS = 2, 25  # the region's first lines may be the headline (a question headline is prose)
BODY_LINES, BODY_CHARS = 6, 500  # the region's first lines, the first characters of each paragraph among them:
# the headline's words are in the lead sentences
TITLE_LONG_WORDS = 18  # longer candidates are more likely teasers
# _title_score, calibrated on fundus-dev-text titles: OVERLAP_WEIGHT x the share of the candidate's words found in
# the first paragraphs, less DISTANCE_COST per line above the region, plus LENGTH_BONUS for a headline length
# (HEADLINE_WORDS); LABEL_PENALTY for LABEL_WORDS words or fewer (a section name, a kicker) and for more than
# TITLE_LONG_WORDS (a teaser); TWO_SENTENCES_PENALTY for two sentences in a line over TWO_SENTENCES_WORDS words (a
# teaser, a caption); INSIDE_PENALTY for a line inside the region
OVERLAP_WEIGHT, DISTANCE_COST, LENGTH_BONUS, HEADLINE_WORDS = 3.0, 0.03, 0.8, (5, 25)
LABEL_WORDS, LABEL_PENALTY, TWO_SENTENCES_WORDS, TWO_SENTENCES_PENALTY, INSIDE_PENALTY = 3, 0.5, 12, 0.8, 0.3
RECUR_BONUS = 0.6  # a candidate found again on the page (breadcrumb, share box, related list)
CLUSTER_LINES, CLUSTER_MARGIN = 6, 0.3  # see find_title; calibrated on fundus-dev-text titles
# ... and a much shorter line above a teaser-long best candidate needs less: it is the headline of that teaser
TEASER_WORDS, CLUSTER_SHORT_SHARE, CLUSTER_SHORT_MARGIN = 15, 0.6, 0.6
META_BONUS = 1.0  # a byline or date line within headwords.META_REACH lines below a candidate: the headline's cluster
# with such a line below, the headline may sit further into the region, or further above it (behind a paywall box)
INSIDE_CLUSTERED, FAR_LOOKBACK = 6, 60
UNDER_BYLINE_PENALTY = META_BONUS  # see _under_the_byline
CAPTION_PENALTY = 1.5  # a line ending in a picture credit (classify.has_credit_tail)
KICKER_LINE_WORDS, KICKER_BELOW_MARGIN = 4, 0.5  # see find_title
TITLE_REACH = max(FAR_LOOKBACK, SLUG_LOOKBACK)  # how far above the region the headline may be
LEAF_REACH, CRUMB_MAX_WORDS = 8, 3  # see _leaf_item: items of a breadcrumb trail above its last one
TRANSLITERATED_MIN_WORDS = 10  # body words needed to tell the page's script (see _transliterated)
TWIN_SHARE = 0.8  # see _styled_twin: the item's words, nearly all of them
# a quoted sentence with its full stop ('"Our goal was never to upset anyone."'): a pull quote under the headline
# more often than the headline itself, which drops the stop
QUOTED_SENTENCE_PENALTY = 0.5
_QUOTE_CLOSERS = frozenset("\"”“»«'’")
_ELLIPSES = ("…", "...")
TRUNCATED_MIN_CHARS, TRUNCATED_REACH = 20, 3  # see _truncated_copy
_URLISH = re.compile(r"https?://|www\.|\w\.(?:com|org|net)/")  # a link or embed attribution, not a headline
_LATIN_END = "\u0250"  # the Latin letters (with accents and the extended ones) come before


@lru_cache(maxsize=1)
def _credit_inside() -> re.Pattern[str]:
    """'Foto:', 'Bildquelle :', '©' anywhere in a line: a picture credit (knowledge/text_titles.json)."""
    words = "|".join(re.escape(word) for word in load_json("text_titles.json")["credit_labels"])
    return re.compile(rf"(?:{words})\s*:|©", re.I)


def _title_like(line: Line, any_phrase: bool = False, item: bool = False) -> bool:
    """A line that may be a headline; a list item only when `item` (see _leaf_item)."""
    return (
        1 <= line_size(line) <= TITLE_MAX_WORDS
        and (line.bullet is None or item)
        and (line.phrase_kind is None or any_phrase)
        and line.text[-1:] not in ".,;。、।"
        and not line.text.isdigit()
        and not ("/" in line.text and _URLISH.search(line.text))
    )


def _leaf_item(lines: Sequence[Line], i: int) -> bool:
    """A list item that may be the page's headline: the last item of a breadcrumb trail ('1. Home', '2. Sport',
    '3. Headline') or an item alone in its list (a headline rendered inside a list element). Not an item of a
    list that goes on below it, nor one below longer items (a related-articles list)."""
    line = lines[i]
    if i + 1 < len(lines) and (after := lines[i + 1]).bullet is not None and after.indent == line.indent \
            and _same_marker(after.bullet, line.bullet):
        return False
    for j in range(i - 1, max(-1, i - LEAF_REACH), -1):
        before = lines[j]
        if before.bullet is None or before.indent != line.indent or not _same_marker(before.bullet, line.bullet):
            break
        if before.words > CRUMB_MAX_WORDS:
            return False
    return True


def _same_marker(one: str | None, other: str | None) -> bool:
    """Two list markers of the same list: the same bullet, or both numbers ('1.', '2.')."""
    return one == other or bool(one and other and one[0].isdigit() and other[0].isdigit())


def find_title(
    lines: Sequence[Line], start: int, end: int, lang: str | None = None, slug: Slug | None = None
) -> int | None:
    """Index of the headline: a title-like line above the region, or one of its first INSIDE lines.

    Candidates are title-like lines (few words, no sentence end, no boilerplate phrase; a list item only when it
    ends a breadcrumb trail or stands alone in its list, _leaf_item). A candidate scores for the words it shares
    with the first paragraphs, for closeness to the body, for a headline length, for recurring on the page
    (breadcrumb, share box, 'back to video', related list) and for the words of the URL slug it holds (not those
    of an ASCII slug over a page in another script, _transliterated). Headlines come before the teaser, captions
    and byline: a candidate just above the best one, scoring nearly as well and not longer, is the headline and
    the best one its teaser (CLUSTER_* thresholds).
    """
    body_words: set[str] = set()
    for line in lines[start:min(end, start + BODY_LINES)]:
        if line.label in ("paragraph", "teaser"):
            body_words |= content_words(line.text[:BODY_CHARS])
    base = _candidates(lines, start, end, body_words, MetaLines(lines, lang))
    fits: dict[int, float] = {}
    if slug and _transliterated(slug, body_words):
        slug = None
    if slug:
        base, fits = score_with_slug(lines, start, base, slug, partial(_slug_candidate, lines))
    scored = _with_recurrence(lines, sorted(base, reverse=True))
    if not scored:
        return None
    choice = _pick(lines, scored)
    if fits and slug is not None and slug.content >= SLUG_DECISIVE_WORDS:  # a short slug may name a section
        fit, best = max((fits.get(i, 0.0), score, i) for score, i in scored)[::2]
        if fit >= SLUG_DECISIVE and fits.get(choice, 0.0) < fit - SLUG_DECISIVE_GAP \
                and not _below_a_byline(lines, best, {i for _, i in scored}):
            choice = best  # the line the URL names, well above the others
    return _styled_twin(lines, choice, scored) if lines[choice].bullet is not None else choice


def _styled_twin(lines: Sequence[Line], choice: int, scored: list[tuple[float, int]]) -> int:
    """A breadcrumb's last item chosen as the headline, with a candidate just below holding nearly all its words:
    that line is the headline as the page prints it (with its kicker and typographic quotes), the item its
    plain copy."""
    words = content_words(lines[choice].text)
    below = sorted(i for _, i in scored if choice < i <= choice + CLUSTER_LINES and lines[i].bullet is None)
    for i in below:
        if len(words & content_words(lines[i].text)) >= TWIN_SHARE * len(words):
            return i
    return choice


def _transliterated(slug: Slug, body_words: set[str]) -> bool:
    """An ASCII slug on a page written in a script other than Latin ('samastipur-police-caught' over a Hindi article):
    it matches only lines in Latin letters (a breadcrumb built from the URL), never the headline."""
    if not all(word.isascii() for word in slug.words):
        return False
    letters = [max(word) < _LATIN_END for word in body_words if word[0].isalpha()]
    return len(letters) >= TRANSLITERATED_MIN_WORDS and 2 * sum(letters) < len(letters)


def _pick(lines: Sequence[Line], scored: list[tuple[float, int]]) -> int:
    """The headline among the scored candidates: the best, or the headline of a teaser-like best (see find_title)."""
    best_score, best = max(scored)
    size = lines[best].words
    margin = CLUSTER_SHORT_MARGIN if size > TEASER_WORDS else CLUSTER_MARGIN
    near = [(score, i) for score, i in scored if best - CLUSTER_LINES <= i < best and 4 <= lines[i].words <= size
            and score >= best_score - (margin if lines[i].words <= CLUSTER_SHORT_SHARE * size else CLUSTER_MARGIN)]
    if near:  # a breadcrumb repeating (part of) the best line is not a headline above it
        key = words_key(lines[best].text)
        near = [(score, i) for score, i in near if words_key(lines[i].text) not in key]
    if near:
        return max(near)[1]
    below = next((score for score, i in scored if i == best + 1), None)
    if below is not None and lines[best].words <= KICKER_LINE_WORDS < lines[best + 1].words \
            and below >= best_score - KICKER_BELOW_MARGIN:
        return best + 1  # a short line right above a longer headline-like line is its kicker
    return best


def _candidates(
    lines: Sequence[Line], start: int, end: int, body_words: set[str], meta: MetaLines
) -> list[tuple[float, int]]:
    """(score, index) of the headline candidates: LOOKBACK lines above the region and its first INSIDE lines;
    further in (INSIDE_CLUSTERED) only with a byline or date line just below; further up (FAR_LOOKBACK, behind
    a paywall or ad box) only so, and only when no candidate nearer to the region has one."""
    base: list[tuple[float, int]] = []
    low, high = max(0, start - LOOKBACK), min(end, start + INSIDE_CLUSTERED)
    clustered_any = False
    for i in range(high - 1, low - 1, -1):
        line = lines[i]
        item = line.bullet is not None and i < start and not line.label and _leaf_item(lines, i)  # labelled: none
        if not _is_candidate(line, i >= start, item=item) or meta.holds(i) or _truncated_copy(lines, i):
            continue
        clustered = meta.below(i)
        if not clustered and (i >= start + INSIDE or line.kind == "other"):
            continue  # a short line dropped inside the region is the headline only with its byline or date below
        if i >= start + INSIDE and sum(1 for other in lines[start:i] if other.words >= 2 * GOOD_WORDS
                                       and other.terminal) > 1:
            continue  # below the article's first paragraphs: an embed's date line (a tweet), not the header
        clustered_any = clustered_any or clustered
        score = _title_score(line, start - i, body_words)
        base.append((score + META_BONUS if clustered else score, i))
    if clustered_any:
        base = _under_the_byline(lines, base)
    if not clustered_any:
        for i in range(low - 1, max(0, start - FAR_LOOKBACK) - 1, -1):
            line = lines[i]
            item = line.bullet is not None and not line.label and _leaf_item(lines, i)
            if _is_candidate(line, False, item=item) and meta.below(i) and not meta.holds(i):
                base.append((_title_score(line, start - i, body_words) + META_BONUS, i))
    return base


def _under_the_byline(lines: Sequence[Line], base: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Candidates less UNDER_BYLINE_PENALTY where _below_a_byline."""
    indexes = {i for _, i in base}
    return [(score - UNDER_BYLINE_PENALTY if _below_a_byline(lines, i, indexes) else score, i) for score, i in base]


def _below_a_byline(lines: Sequence[Line], i: int, candidates: set[int]) -> bool:
    """A candidate just below the byline of another candidate ('By Jane Doe 30 August 2023' between the headline
    and 'best heated clothes airers 2023'): the alt text of the lead picture, not the headline. (Not below a date
    line: pages print the date above the headline too.)"""
    for j in range(max(0, i - META_REACH), i):
        if lines[j].authors and any(h in candidates for h in range(max(0, j - META_REACH), j)):
            return True
    return False


def _slug_candidate(lines: Sequence[Line], i: int) -> bool:
    """A headline-like line above the region; a phrase hit covering less than half of it does not rule it out
    ('... economists weigh in on the latest jobs report' holds 'the latest', a most-read box phrase)."""
    line = lines[i]
    if line.label:
        return False  # dropped or kept already: no candidate (_is_candidate)
    item = line.bullet is not None and _leaf_item(lines, i)
    if line.phrase_kind is None:
        return _is_candidate(line, False, item=item)
    weak = line.phrase_kind != "template" and 2 * len(line.phrase or "") < len(line.text)
    return weak and _is_candidate(line, False, any_phrase=True, item=item)


def _with_recurrence(lines: Sequence[Line], ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Add the recurrence bonus (and drop labels repeated too often) to the candidates it can matter for.

    Counting needs a pass over the page text per candidate, so only candidates within reach of the best
    after the bonus (RECUR_BONUS + CLUSTER_MARGIN) are counted; the rest keep their score.
    """
    page = ""
    out: list[tuple[float, int]] = []
    top: float | None = None
    for score, i in ranked:
        if top is not None and score < top - RECUR_BONUS - CLUSTER_MARGIN:
            out.append((score, i))
            continue
        page = page or "\n".join([line.text for line in lines])
        seen = page.count(lines[i].text)  # str.count runs in C: finds the headline in share/video lines too
        if seen > TITLE_MAX_REPEATS:
            continue
        score += RECUR_BONUS if seen >= 2 else 0.0  # headlines recur (breadcrumb, share box, related list)
        top = score if top is None else max(top, score)
        out.append((score, i))
    return out


def _is_candidate(line: Line, inside: bool, any_phrase: bool = False, item: bool = False) -> bool:
    """A headline-like line: above the region unlabelled, inside it a short paragraph or heading; a list item
    only when `item` (_leaf_item)."""
    if inside:
        if line.label not in ("paragraph", "heading") and line.kind != "other" or line_size(line) > INSIDE_MAX_WORDS \
                or line.text[-1:] in ".:。।":
            return False
    elif line.label:
        return False
    if line.hint is not None:
        return False  # holds a box phrase ('... sólo para registrados', 'Sign up to get ...'): no headline
    text = line.text  # every _credit_inside match holds ':' or '©': the `in` checks spare most lines its search
    return _title_like(line, any_phrase, item) and line_size(line) >= 2 and not is_credit(line) and not (
        (":" in text or "©" in text) and _credit_inside().search(text)) and not (
        "." in text and _agency_credit(text))  # '... GP de Qatar. AFP', '... Qatar.AFP': a caption


def _title_score(line: Line, distance: int, body_words: set[str]) -> float:
    """How headline-like a candidate `distance` lines above the region start is."""
    inside, text = distance <= 0, line.text
    words = content_words(text)
    overlap = len(words & body_words) / (len(words) + 1) if words else 0.0
    size = line_size(line)
    low, high = HEADLINE_WORDS
    score = OVERLAP_WEIGHT * overlap - DISTANCE_COST * distance + (LENGTH_BONUS if low <= size <= high else 0.0)
    if size <= LABEL_WORDS or size > TITLE_LONG_WORDS:
        score -= LABEL_PENALTY  # section labels and kickers; teasers
    if size > TWO_SENTENCES_WORDS and ". " in text and _two_sentences(text):
        score -= TWO_SENTENCES_PENALTY  # a teaser or a caption (a quoted headline may hold a sentence end)
    if has_credit_tail(text):
        score -= CAPTION_PENALTY
    if text[-2:-1] == "." and text[-1:] in _QUOTE_CLOSERS:
        score -= QUOTED_SENTENCE_PENALTY
    return score - INSIDE_PENALTY if inside else score


def _two_sentences(text: str) -> bool:
    """A sentence end ('. ') outside quotation marks: 'Sanción: "No le soporto. Que se vaya"' is one headline."""
    position = text.find(". ")
    while position >= 0:
        before = text[:position]
        german = before.count("„")
        quoted = before.count('"') % 2 == 1 or before.count("«") > before.count("»") or (
            german > before.count("“") if german else before.count("“") > before.count("”"))
        if not quoted:
            return True
        position = text.find(". ", position + 2)
    return False


def _agency_credit(text: str) -> bool:
    """A caption ending in a news agency's credit ('Verstappen y Russell, durante ... Qatar. AFP'), also glued to
    the sentence end by a renderer that joins inline elements ('... del GP de Qatar.AFP')."""
    cut = text.rfind(".")
    return cut > 0 and text[cut - 1].isalpha() and text[cut + 1:].strip(" ()").lower() in agencies()


def _truncated_copy(lines: Sequence[Line], i: int) -> bool:
    """A line cut off with an ellipsis whose start is the start of a longer line close below ('Íslensku konurnar
    fjórar, hluti …' over the whole caption): a preview of a caption or teaser, not a headline."""
    text = lines[i].text
    if not text.endswith(_ELLIPSES):
        return False
    head = text.rstrip(" .…")
    return len(head) >= TRUNCATED_MIN_CHARS and any(
        len(other.text) > len(text) and other.text.startswith(head) for other in lines[i + 1:i + 1 + TRUNCATED_REACH])
