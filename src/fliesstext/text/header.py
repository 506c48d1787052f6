"""Title, kicker and teaser from the lines just before and at the start of the article region."""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from ..knowledge import FAST_SPLIT_CHARS, load_json, punctuation_to_spaces, split_words
from .classify import GOOD_WORDS, has_credit_tail, is_credit
from .dates import (
    DATE_LINE_MAX_WORDS,
    agencies,
    find_date,
    is_byline_prefix,
    may_hold_byline_or_date,
    name_stops,
    parse_byline,
)
from .lines import Line
from .slug import SLUG_DECISIVE, SLUG_DECISIVE_GAP, SLUG_DECISIVE_WORDS, SLUG_LOOKBACK, Slug, score_with_slug

TITLE_MAX_WORDS = 30
KICKER_MAX_WORDS = 10
TITLE_MAX_REPEATS = 4  # lines repeated more often are labels ("Article content"), not headlines
LOOKBACK = 25  # how many lines before the region may hold the title
INSIDE, INSIDE_MAX_WORDS = 2, 25  # the region's first lines may be the headline (a question headline is prose)
BODY_CHARS = 500  # of each of the first paragraphs: the headline's words are in the lead sentences
TITLE_LONG_WORDS = 18  # longer candidates are more likely teasers
RECUR_BONUS = 0.6  # a candidate found again on the page (breadcrumb, share box, related list)
CLUSTER_LINES, CLUSTER_MARGIN = 6, 0.3  # see find_title; calibrated on fundus-dev-text titles
# ... and a much shorter line above a teaser-long best candidate needs less: it is the headline of that teaser
TEASER_WORDS, CLUSTER_SHORT_SHARE, CLUSTER_SHORT_MARGIN = 15, 0.6, 0.6
META_REACH, META_BONUS = 3, 1.0  # a byline or date line this close below a candidate: the headline's cluster
# with such a line below, the headline may sit further into the region, or further above it (behind a paywall box)
INSIDE_CLUSTERED, FAR_LOOKBACK = 6, 60
CAPTION_PENALTY = 1.5  # a line ending in a picture credit (classify.has_credit_tail)
KICKER_LINE_WORDS, KICKER_BELOW_MARGIN = 4, 0.5  # see find_title
TITLE_REACH = max(FAR_LOOKBACK, SLUG_LOOKBACK)  # how far above the region the headline may be
_URLISH = re.compile(r"https?://|www\.|\w\.(?:com|org|net)/")  # a link or embed attribution, not a headline
_WORD = re.compile(r"\w+")
_CREDIT_INSIDE = re.compile(r"(?:fotos?|photos?|bild|bilder|image|credit|quelle|source|grafik|rechte)\s*:|©", re.I)
_ROLE_SPLIT = re.compile(r"\s[–—-]\s|,\s|\s\|\s")
ROLE_NAME_CHARS, ROLE_LINE_MAX_WORDS = 40, 12  # an author box line: a short name, then a role
_KICKER_SPLIT = re.compile(r"^([^:.!?]{3,80}?):\s+(\S.*)$")


def _title_like(line: Line, any_phrase: bool = False) -> bool:
    return (
        1 <= line.words <= TITLE_MAX_WORDS
        and line.bullet is None
        and (line.phrase_kind is None or any_phrase)
        and line.text[-1:] not in ".,;。、"
        and not line.text.isdigit()
        and not ("/" in line.text and _URLISH.search(line.text))
    )


def _words(text: str) -> list[str]:
    """`_WORD.findall(text.lower())`, by str.split where the text allows (knowledge.split_words)."""
    lowered = text.lower()
    if len(lowered) >= FAST_SPLIT_CHARS and (words := split_words(punctuation_to_spaces(lowered))) is not None:
        return words
    return _WORD.findall(lowered)


def _content_words(text: str) -> set[str]:
    return {w for w in _words(text) if len(w) >= 4}


def find_title(
    lines: Sequence[Line], start: int, end: int, lang: str | None = None, slug: Slug | None = None
) -> int | None:
    """Index of the headline: a title-like line above the region, or one of its first INSIDE lines.

    Candidates are title-like lines (few words, no sentence end, no boilerplate phrase). A candidate scores
    for the words it shares with the first paragraphs, for closeness to the body, for a headline length
    and for recurring on the page (breadcrumb, share box, 'back to video', related list). Headlines come
    before the teaser, captions and byline: a candidate just above the best one, scoring nearly as well
    and not longer, is the headline and the best one its teaser (CLUSTER_* thresholds).
    """
    body_words: set[str] = set()
    for line in lines[start:min(end, start + 6)]:
        if line.label in ("paragraph", "teaser"):
            body_words |= _content_words(line.text[:BODY_CHARS])
    base = _candidates(lines, start, end, body_words, _MetaLines(lines, lang))
    fits: dict[int, float] = {}
    if slug:
        base, fits = score_with_slug(lines, start, base, slug, _slug_candidate)
    scored = _with_recurrence(lines, sorted(base, reverse=True))
    if not scored:
        return None
    choice = _pick(lines, scored)
    if fits and slug is not None and slug.content >= SLUG_DECISIVE_WORDS:  # a short slug may name a section
        fit, best = max((fits.get(i, 0.0), score, i) for score, i in scored)[::2]
        if fit >= SLUG_DECISIVE and fits.get(choice, 0.0) < fit - SLUG_DECISIVE_GAP:
            return best  # the line the URL names, well above the others
    return choice


def _pick(lines: Sequence[Line], scored: list[tuple[float, int]]) -> int:
    """The headline among the scored candidates: the best, or the headline of a teaser-like best (see find_title)."""
    best_score, best = max(scored)
    size = lines[best].words
    margin = CLUSTER_SHORT_MARGIN if size > TEASER_WORDS else CLUSTER_MARGIN
    near = [(score, i) for score, i in scored if best - CLUSTER_LINES <= i < best and 4 <= lines[i].words <= size
            and score >= best_score - (margin if lines[i].words <= CLUSTER_SHORT_SHARE * size else CLUSTER_MARGIN)]
    if near:  # a breadcrumb repeating (part of) the best line is not a headline above it
        key = _words_key(lines[best].text)
        near = [(score, i) for score, i in near if _words_key(lines[i].text) not in key]
    if near:
        return max(near)[1]
    below = next((score for score, i in scored if i == best + 1), None)
    if below is not None and lines[best].words <= KICKER_LINE_WORDS < lines[best + 1].words \
            and below >= best_score - KICKER_BELOW_MARGIN:
        return best + 1  # a short line right above a longer headline-like line is its kicker
    return best


def _candidates(
    lines: Sequence[Line], start: int, end: int, body_words: set[str], meta: _MetaLines
) -> list[tuple[float, int]]:
    """(score, index) of the headline candidates: LOOKBACK lines above the region and its first INSIDE lines;
    further in (INSIDE_CLUSTERED) only with a byline or date line just below; further up (FAR_LOOKBACK, behind
    a paywall or ad box) only so, and only when no candidate nearer to the region has one."""
    base: list[tuple[float, int]] = []
    low, high = max(0, start - LOOKBACK), min(end, start + INSIDE_CLUSTERED)
    clustered_any = False
    for i in range(high - 1, low - 1, -1):
        line = lines[i]
        if not _is_candidate(line, i >= start) or meta.holds(i):
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
    if not clustered_any:
        for i in range(low - 1, max(0, start - FAR_LOOKBACK) - 1, -1):
            line = lines[i]
            if _is_candidate(line, False) and meta.below(i) and not meta.holds(i):
                base.append((_title_score(line, start - i, body_words) + META_BONUS, i))
    return base


def _slug_candidate(line: Line) -> bool:
    """A headline-like line above the region; a phrase hit covering less than half of it does not rule it out
    ('... economists weigh in on the latest jobs report' holds 'the latest', a most-read box phrase)."""
    if line.phrase_kind is None or line.label:
        return _is_candidate(line, False)
    weak = line.phrase_kind != "template" and 2 * len(line.phrase or "") < len(line.text)
    return weak and _is_candidate(line, False, any_phrase=True)


class _MetaLines:
    """'Is line j a byline or date line?', decided on demand and remembered (headlines sit right above one)."""

    __slots__ = ("_lines", "_lang", "_seen")

    def __init__(self, lines: Sequence[Line], lang: str | None) -> None:
        self._lines, self._lang = lines, lang
        self._seen: dict[int, bool] = {}

    def below(self, i: int) -> bool:
        """A byline or date line within META_REACH lines below line i."""
        for j in range(i + 1, min(len(self._lines), i + 1 + META_REACH)):
            if self.holds(j):
                return True
        return False

    def holds(self, j: int) -> bool:
        found = self._seen.get(j)
        if found is None:
            line, lang = self._lines[j], self._lang
            found = self._seen[j] = line.kind in ("byline", "date") or (
                line.words <= DATE_LINE_MAX_WORDS and may_hold_byline_or_date(line.text, lang) and (
                    find_date(line.text, lang) is not None or bool(parse_byline(line.text, lang))
                    or is_byline_prefix(line.text, lang))) or (
                    line.words <= ROLE_LINE_MAX_WORDS and _role_byline(line.text, lang))
        return found


def _role_byline(text: str, lang: str | None) -> bool:
    """An author box line: a name, a dash or comma, then a role ('Anders Skjerdingstad – Journalist i Paris')."""
    found = _ROLE_SPLIT.search(text, 0, ROLE_NAME_CHARS)
    if found is None:
        return False
    name = text[:found.start()].split()
    if not 2 <= len(name) <= 3 or not all(word[:1].isupper() for word in name):
        return False
    roles = name_stops(lang or "en")[0]
    return any(word.lower().strip(".,:") in roles for word in text[found.end():].split()[:2])


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


def _is_candidate(line: Line, inside: bool, any_phrase: bool = False) -> bool:
    """A headline-like line: above the region unlabelled, inside it a short paragraph or heading."""
    if inside:
        if line.label not in ("paragraph", "heading") and line.kind != "other" or line.words > INSIDE_MAX_WORDS \
                or line.text[-1:] in ".:。":
            return False
    elif line.label:
        return False
    if line.hint is not None:
        return False  # holds a box phrase ('... sólo para registrados', 'Sign up to get ...'): no headline
    text = line.text  # every _CREDIT_INSIDE match holds ':' or '©': the `in` checks spare most lines its search
    return _title_like(line, any_phrase) and line.words >= 2 and not is_credit(line) and not (
        (":" in text or "©" in text) and _CREDIT_INSIDE.search(text)) and not (
        ". " in text and _agency_credit(text))  # '... GP de Qatar. AFP': a caption


def _title_score(line: Line, distance: int, body_words: set[str]) -> float:
    """How headline-like a candidate `distance` lines above the region start is."""
    inside, text = distance <= 0, line.text
    words = _content_words(line.text)
    overlap = len(words & body_words) / (len(words) + 1) if words else 0.0
    score = 3 * overlap - 0.03 * distance + (0.8 if 5 <= line.words <= 25 else 0.0)
    if line.words <= 3:
        score -= 0.5  # section labels and kickers
    elif line.words > TITLE_LONG_WORDS:
        score -= 0.5  # teasers
    if line.words > 12 and ". " in line.text and _two_sentences(line.text):
        score -= 0.8  # two sentences: a teaser or a caption (a quoted headline may hold a sentence end)
    if has_credit_tail(text):
        score -= CAPTION_PENALTY
    return score - 0.3 if inside else score


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
    """A caption ending in a news agency's credit ('Verstappen y Russell, durante ... Qatar. AFP')."""
    cut = text.rfind(". ")
    return cut > 0 and text[cut + 2:].strip(" ()").lower() in agencies()


_SUFFIX_SEPARATORS = ("|", "-", "–", "—", "·", "::", "/")
KICKER_PREFIX_MAX_WORDS = 6
KICKER_MIN_CHARS = 2  # 'A' (a font-size control) is no kicker
KICKER_REPEATS, KICKER_REPEAT_REACH = 2, 40  # see find_kicker
KICKER_REACH = 10  # a 'Kicker Headline' line further below is a link back to the article ('Volver a la noticia')
BARE_NAME_REASON = "name beside the date line"  # pipeline._label_header_zone's reason for a bare name line


def _words_key(text: str) -> str:
    return " ".join(_words(text))


def refine_title(lines: Sequence[Line], title_index: int) -> tuple[str, str | None]:
    """The headline text, repaired with the other lines of the page -> (title, kicker or None).

    Renderers join a kicker and its headline without the colon ('Ahrtal-Flut Zwei Rücktritte'); a page
    title carries a site suffix ('Headline | Site'). When another line shows the same words with the colon,
    the headline alone after a short kicker, or the headline without the suffix, that line is the title.
    """
    text = lines[title_index].text
    size = len(text)
    key: str | None = None
    for j, found in enumerate([line.text for line in lines]):
        other_size = len(found)
        if other_size < 10 or j == title_index or (other_size == size and found == text):
            continue
        if other_size < size and found in text:
            key = key or _words_key(text)
            found_key = _words_key(found)
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
        elif other_size > size + 1 and found.endswith(text) and found[-size - 1].isspace() \
                and (lead := found[: other_size - size].rstrip()):  # the 'Kicker Headline' line, in the header
            if lead[-1:].isalnum() and len(lead.split()) <= KICKER_PREFIX_MAX_WORDS \
                    and j < title_index + KICKER_REACH:
                return text, lead
        elif size < other_size <= size + 2 and ":" in found and found.count(":") == text.count(":") + 1:
            key = key or _words_key(text)
            if _words_key(found) == key and (parts := _colon_kicker(found, text)) is not None:
                return parts  # the headline line lacks the kicker's colon: kicker and headline are two elements
    return text.lstrip(":").lstrip() if text[:1] == ":" else text, None  # ': Headline' below its kicker line


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
    if line.indent > lines[title_index].indent + 4 or not named and _MetaLines(lines, lang).holds(title_index - 1):
        return None
    text = line.text
    if lines[title_index].text.startswith(text):
        return None  # the headline's own start ('Kicker: Headline' below 'Kicker')
    below = lines[title_index + 1:title_index + 1 + KICKER_REPEAT_REACH]
    if sum(1 for other in below if other.text == text) >= KICKER_REPEATS:
        return None  # a label repeated through the article ('Article content' between its paragraphs)
    if navigation_kicker(lines, text, title_index - 1):
        return None
    return title_index - 1


_CHEVRONS = (">", "›", "»")


@lru_cache(maxsize=1)
def _breadcrumb_roots() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    data = load_json("text_kickers.json")
    return (tuple(data["roots"]), frozenset(data["word_roots"]), tuple(data["separator_roots"]),
            tuple(data["separators"]))


@lru_cache(maxsize=1)
def _structure_labels() -> frozenset[str]:
    """'Inhalt', 'Main content': skip-link targets, never a kicker (knowledge/text_kickers.json `labels`)."""
    return frozenset(load_json("text_kickers.json")["labels"])


def _opens_breadcrumb(text: str, others: Collection[str] = ()) -> bool:
    """'News > Politics', 'HomeNews', 'Home 9 Izindaba 9', 'Startseite Debatte', 'Home Politics' (with 'Politics'
    another line of the page), 'Start / Ausland / EU und ...': a breadcrumb trail; not the kicker 'Home Office'."""
    roots, word_roots, separator_roots, separators = _breadcrumb_roots()
    if any(f" {chevron} " in text for chevron in _CHEVRONS):
        return True  # '뉴스 > 경제 > 기업·CEO', 'News › Politics'
    low = text.casefold()
    for root in roots:
        if low.startswith(root):
            rest = text[len(root):]
            if not rest or rest[0].isupper():
                return True  # 'Startseite', 'HomeNews'
            after = rest.strip()
            if rest[0].isspace() and (root not in word_roots or not after[:1].isalpha() or after in others
                                      or after.split()[0] in others):
                return True  # 'Startseite Debatte', 'Home 9 Izindaba 9', 'Home / News', 'Home Politics'
    for root in separator_roots:
        if low.startswith(root) and text[len(root):].lstrip()[:1] in separators and text[len(root):][:1].isspace():
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
