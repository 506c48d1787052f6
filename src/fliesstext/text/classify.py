"""Line features -> boilerplate phrase labels and a content score per line.

Scores feed the region selection (region.py): positive for sentence-like prose, negative for
boilerplate phrases, link-like short lines and list runs. Thresholds are calibrated on
fundus-dev-text (inscriptis renderings of 144 news pages) and the taz seed example.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..knowledge import PhraseMatcher, phrase_tokens, punctuation_to_spaces
from .dates import agencies
from .lines import Line, drop, is_signed

# A short line is labelled by a phrase when the phrase covers at least this share of its characters.
PHRASE_COVERAGE = 0.5
# A long line is boilerplate when it holds this many distinct multi-word phrase hits.
LONG_LINE_HITS = 2
LONG_LINE_SINGLE_KINDS = frozenset({"cookie_notice", "footer"})  # one-word phrases that matter in long lines
TOPIC_KINDS = frozenset({"cookie_notice"})  # one word of these ('cookie') hints at the box (see label_box_runs)
DENSE_MAX_WORDS, DENSE_SHARE = 40, 0.25  # shorter lines whose tokens are this much box phrases are boxes
MENU_HITS, MENU_SHARE = 3, 0.5  # shorter lines with this many phrase hits of any kind covering this share: menus
LEGAL_MAX_WORDS = 30  # a line with a copyright/legal footer phrase and fewer words is footer
TEMPLATE_SCORE = -0.3  # a line the host repeats on many pages (templates/)
BOX_PENALTY = -4.0  # the most one contiguous boilerplate box may cost in the region selection
TEASER_RUN, TEASER_GAP, TEASER_SCORE, TEASER_MAX_WORDS = 3, 8, 0.2, 45  # see _demote_runs
TEASER_HEADLINE_WORDS = 15  # a teaser's headline is shorter
# a story's sections vs teaser cards (see continues_story): words of this many letters, compared by this prefix
STEM_MIN, STEM_PREFIX, STORY_SHARE, STORY_LEAD_LINES = 5, 5, 0.75, 3
_STEM_WORD = re.compile(r"[^\W\d_]{" + str(STEM_MIN) + ",}")
RUN_BONUS = 1.0  # extra score for a prose line that directly follows another prose line
INDENT_MIN_SHARE = 0.5
INDENT_TOLERANCE = 2  # lines indented differently from the body indent count as weaker evidence
BOX_RUN_GAP = 3
BOX_RUN_LINES = 3  # this many neighbouring lines with hits of one box kind make a box
SHORT_SENTENCE_WORDS = 5  # see is_short_sentence and _score_facts
ENUMERATION_COMMAS = 2  # see is_enumeration
_SENTENCE_ENDS = frozenset(".!?…\"'“”»«。！？")
GOOD_WORDS = 10  # sentence-like lines with at least this many words count as prose
BOX_KINDS = frozenset({
    "cookie_notice", "newsletter", "donation_appeal", "paywall", "comments", "most_read", "most_commented",
    "related", "ad",
})
_NOT_HEADLINE_ENDS = frozenset(".:;,…")  # a short line ending so is a sentence or a lead-in, not a teaser headline
PREFIX_MIN, PREFIX_MAX_CHARS, PREFIX_LINE_WORDS = 3, 40, 25  # see label_prefixed_links
EMBED_CHARS, EMBED_MAX_LINES = 330, 4  # an embedded post above its signature: at most this long (tweets: 280)
_EMBED_SIGNATURE = re.compile(r"^(?:[—–―-]\s*)?\S.{0,80}\(@\w{1,30}\)\s.{3,25}\d{4}$")
_DASHES = frozenset("—–―-")
REPEAT_MIN, REPEAT_MAX_WORDS, REPEAT_KIND = 5, 4, "other"  # see label_repeats
REPEAT_SENTENCE_MIN, REPEAT_SENTENCE_MAX_WORDS = 3, 15  # a short sentence repeated this often is a notice
_DIGIT = re.compile(r"\d")  # '0 Kommentare', '1 / 5': counters and pagers, labelled elsewhere if at all
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
PROSE_SKIP_WORDS, PROSE_NEIGHBOUR_WORDS = 60, 40  # long lines between long lines skip phrase matching
UNSPACED_LANGS = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})  # scripts written without spaces
_TOKEN = re.compile(r"\w+|©")  # as knowledge.phrase_tokens
CJK_CHARS_PER_TOKEN = 5  # lines with longer "tokens" than this are checked for CJK script
CREDIT_TAIL_MAX_WORDS, CREDIT_TAIL_MIN_LEAD, CREDIT_LABEL_TAIL_WORDS = 3, 20, 10  # see has_credit_tail
_CREDIT_ENDINGS = ("提供）", "提供)", "撮影）", "撮影)")
_CREDIT_WORDS = (r"(?:foto|fotos|bild|bilder|bildrechte|bildquelle|photo|photos|image|quelle|source|credit"
                 r"|grafik|video|fotografie|imagen|immagine|zdjęcie|fot)s?\.?\s*:")
_CREDIT_LABEL = re.compile(_CREDIT_WORDS, re.I)
_PICTURE_LABEL = re.compile(r"(?:foto|fotos|bild|photo|photos|image|credit|fotografie|imagen|immagine|zdjęcie|fot)"
                            r"s?\.?\s*:", re.I)  # not 'Quelle:' / 'Source:', which also end a paragraph
_CREDIT = re.compile(r"^" + _CREDIT_WORDS + r"|©|\(c\)\s", re.I)


def label_box_runs(lines: Sequence[Line]) -> None:
    """Runs of prose lines that all mention the same box topic (a cookie table, a comment thread) are that box."""
    i = 0
    while i < len(lines):
        kind = lines[i].hint
        if kind is None or lines[i].phrase_kind is not None:
            i += 1
            continue
        j = i
        last = i  # the last member; members more than BOX_RUN_GAP lines apart do not form one box
        while j + 1 < len(lines) and j + 1 - last <= BOX_RUN_GAP:
            if lines[j + 1].hint == kind:
                last = j + 1
            elif lines[j + 1].words >= GOOD_WORDS:
                break
            j += 1
        j = last
        members = [line for line in lines[i:j + 1] if line.hint == kind]
        if len(members) >= BOX_RUN_LINES:
            for line in members:
                line.phrase_kind, line.phrase = kind, f"{len(members)} lines about {kind}"
        i = j + 1


def label_prefixed_links(lines: Sequence[Line], page: str) -> None:
    """Short lines that share a label before ' | ' ('READ ANOTHER STORY HERE | headline', in any language) at
    least PREFIX_MIN times are a list of links to other stories: kind `related`. `page`: the lines lower-cased,
    joined by line breaks."""
    counts: dict[str, int] = {}
    at = page.find(" | ")
    while at >= 0:  # the first ' | ' of each line (a regex over the page costs several times more)
        start = page.rfind("\n", 0, at) + 1
        if at - start <= PREFIX_MAX_CHARS:
            prefix = page[start:at]
            counts[prefix] = counts.get(prefix, 0) + 1
        at = page.find("\n", at)
        at = page.find(" | ", at) if at >= 0 else -1
    labels = {prefix for prefix, n in counts.items() if n >= PREFIX_MIN and not _DIGIT.search(prefix)}
    if not labels:
        return
    for line in lines:
        cut = line.text.find(" | ")
        if cut > 0 and line.phrase_kind is None and line.words <= PREFIX_LINE_WORDS \
                and (prefix := line.text[:cut].lower()) in labels:
            line.phrase_kind, line.phrase = "related", f"{counts[prefix]} lines starting '{prefix} |'"


def label_embeds(lines: Sequence[Line]) -> None:
    """An embedded social post: its signature ('— Name (@handle) July 18, 2026') and the lines above it, up to
    EMBED_CHARS characters (a post is short), are removed as kind `share` before the region is chosen."""
    for i, line in enumerate(lines):
        if "(@" not in line.text or not (line.bullet in _DASHES or line.text[:1] in _DASHES) \
                or not _EMBED_SIGNATURE.match(line.text):
            continue
        members, size = [line], 0
        for above in reversed(lines[max(0, i - EMBED_MAX_LINES):i]):
            size += len(above.text)
            if size > EMBED_CHARS or above.label or above.phrase_kind is not None or above.indent != line.indent:
                break
            members.append(above)
        for member in members:
            drop(member, "share", f"embedded post signed '{line.text}'")


def count_cjk_words(text: str) -> int:
    """Chinese/Japanese text has no spaces: count two CJK characters as one word (plus other tokens)."""
    cjk = len(_CJK.findall(text))
    return cjk // 2 + len(phrase_tokens(_CJK.sub(" ", text))) if cjk else 0


def _lead_phrase(text: str, hits: list[tuple[int, str, str]]) -> tuple[str, str] | None:
    """A box phrase that opens the line and is followed by a colon labels the whole line."""
    lower = text.lower()
    for _, kind, phrase in hits:
        if kind in BOX_KINDS and lower.startswith(phrase) and lower[len(phrase):].lstrip()[:1] in (":", "|"):
            return kind, phrase
    return None


def label_phrases(
    lines: Sequence[Line], matcher: PhraseMatcher, lang: str | None = None, long_matcher: PhraseMatcher | None = None
) -> None:
    """Set `phrase_kind` on lines that are (mostly) a boilerplate phrase, or long lines full of them.

    `long_matcher` (multi-word phrases and one-word cookie/legal phrases only) serves lines of at least
    DENSE_MAX_WORDS words, where one-word hits such as "more" decide nothing.
    """
    tokenize = _TOKEN.findall
    long_matcher = long_matcher or matcher
    anchors, long_anchors = matcher.anchors, long_matcher.anchors
    find, find_long, single = matcher.find_tokens, long_matcher.find_tokens, matcher.find_single
    unspaced = lang in UNSPACED_LANGS
    last = len(lines) - 1
    skip_chars = 2 * PROSE_SKIP_WORDS  # a line with that many spaces is at least this long: a cheap pre-check
    done: dict[str, Line] = {}  # menus repeat within a page: a repeated text is labelled once
    repeats: dict[str, int] = {}  # how often each repeated text occurs
    # one lower() over the page instead of one per line (lower() never adds a line break: the lines align)
    page = "\n".join([line.text for line in lines]).lower()
    lowered, spaced = page.split("\n"), punctuation_to_spaces(page).split("\n")
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        if len(text) >= skip_chars and 0 < i < last and not unspaced and _inside_prose(lines, i):
            line.words = text.count(" ") + 1  # deep inside running prose: no box phrase decides such a line
            continue
        twin = done.get(text)
        if twin is not None:
            line.words, line.phrase_kind, line.phrase, line.hint = twin.words, twin.phrase_kind, twin.phrase, twin.hint
            repeats[text] = repeats.get(text, 1) + 1
            continue
        done[text] = line
        plain = spaced[i]
        # only word characters left between the spaces: the split is the regex's tokens, at a fraction of its cost
        tokens = plain.split() if plain.replace(" ", "").isalnum() else tokenize(lowered[i])
        words = line.words = len(tokens)
        if unspaced and len(text) > CJK_CHARS_PER_TOKEN * (words + 1) and _CJK.search(text):
            words = line.words = max(words, count_cjk_words(text))
        if words == 1:
            if hits := single(tokens[0]):
                _label_from_hits(line, hits)
        elif words < DENSE_MAX_WORDS:
            if not anchors.isdisjoint(tokens) and (hits := find(tokens)):
                _label_from_hits(line, hits)
        elif not long_anchors.isdisjoint(tokens) and (hits := find_long(tokens)):
            _label_from_hits(line, hits)
    if repeats:
        label_repeats(lines, repeats, done)
    if "@" in page and "(@" in page:  # a one-character search first: it runs at memchr speed
        label_embeds(lines)
    if "|" in page:
        label_prefixed_links(lines, page)


def label_repeats(lines: Sequence[Line], repeats: dict[str, int], first: dict[str, Line]) -> None:
    """A short line the page repeats REPEAT_MIN times ('Article content' between the paragraphs and ad slots)
    is a separator, a sentence it repeats REPEAT_SENTENCE_MIN times a notice ('Embedded content follows.'):
    removed as `other`, never a heading or a paragraph. Lines labelled by a phrase keep their label.

    `repeats`: text -> how often it occurs; `first`: text -> its first line (copies share its features)."""
    found: dict[str, int] = {}
    for text, n in repeats.items():
        if n < REPEAT_SENTENCE_MIN:
            continue
        line = first[text]
        if line.phrase_kind is not None or not line.words or _DIGIT.search(text):
            continue
        if (n >= REPEAT_MIN and line.words <= REPEAT_MAX_WORDS) or (
                line.words <= REPEAT_SENTENCE_MAX_WORDS and text[-1:] == "."):
            found[text] = n
    if found:
        for line in lines:
            count = found.get(line.text)
            if count is not None:
                drop(line, REPEAT_KIND, f"repeated {count} times on the page")


def _inside_prose(lines: Sequence[Line], i: int) -> bool:
    """A line of PROSE_SKIP_WORDS+ words between lines of PROSE_NEIGHBOUR_WORDS+ words (by spaces)."""
    return (lines[i].text.count(" ") >= PROSE_SKIP_WORDS and lines[i - 1].text.count(" ") >= PROSE_NEIGHBOUR_WORDS
            and lines[i + 1].text.count(" ") >= PROSE_NEIGHBOUR_WORDS)


def _label_from_hits(line: Line, hits: list[tuple[int, str, str]]) -> None:
    """Decide what a line's phrase hits make of it: a boilerplate line, a box hint, or nothing."""
    _, longest_kind, longest = max(hits, key=lambda hit: len(hit[2])) if len(hits) > 1 else hits[0]
    if line.words <= 3 or len(longest) >= PHRASE_COVERAGE * len(line.text):
        line.phrase_kind, line.phrase = longest_kind, longest
        return
    lead = _lead_phrase(line.text, hits)
    if lead is not None:  # "Lesen Sie auch: ...", "Read more: ...", "Anzeige: ..."
        line.phrase_kind, line.phrase = lead
        return
    legal = next((p for _, kind, p in hits if kind == "footer" and (p == "©" or p == "copyright" or " " in p)), None)
    if legal is not None and line.words < LEGAL_MAX_WORDS:
        line.phrase_kind, line.phrase = "footer", legal
        return
    if len(hits) == 1:
        n, kind, _ = hits[0]
        line.hint = kind if (n >= 3 or kind in TOPIC_KINDS) and kind in BOX_KINDS else None
        return
    boxed = [kind for n, kind, _ in hits if kind in BOX_KINDS for _ in range(n)]
    if boxed:
        hint = max(dict.fromkeys(boxed), key=boxed.count)  # ties: the first seen (deterministic)
        strong = hint in TOPIC_KINDS or sum(1 for n, kind, _ in hits if kind == hint) >= 2 or any(
            n >= 3 for n, kind, _ in hits if kind == hint)
        line.hint = hint if strong else None
        box_hits = sum(1 for _, kind, _ in hits if kind in BOX_KINDS)
        if box_hits >= 2 and line.words < DENSE_MAX_WORDS and len(boxed) >= DENSE_SHARE * line.words:
            line.phrase_kind, line.phrase = hint, ", ".join(p for _, k, p in hits if k in BOX_KINDS)
            return
    if len(hits) >= MENU_HITS and line.words < DENSE_MAX_WORDS and sum(n for n, _, _ in hits) >= MENU_SHARE * line.words:
        kinds = [kind for n, kind, _ in hits for _ in range(n)]  # a menu glued into one line
        line.phrase_kind = max(dict.fromkeys(kinds), key=kinds.count)  # ties: the first seen
        line.phrase = ", ".join(phrase for _, _, phrase in hits)
        return
    multi = {(kind, phrase) for _, kind, phrase in hits if " " in phrase and kind in BOX_KINDS}
    if len(multi) >= LONG_LINE_HITS and line.words < 200:
        kinds = [kind for kind, _ in multi]
        line.phrase_kind = max(sorted(set(kinds)), key=kinds.count)
        line.phrase = ", ".join(sorted(phrase for _, phrase in multi))


def is_short_sentence(line: Line) -> bool:
    """A short sentence at the body indent ('Men de gav sig ikke.', 'Abu Hassan Amer, 44, agreed.'): a paragraph.

    Needs a positive score (score_lines gives one only to terminal lines of SHORT_SENTENCE_WORDS+ words at the
    body indent, without a phrase label) and a sentence end, not a colon.
    """
    return line.score > 0 and line.words >= SHORT_SENTENCE_WORDS and line.text[-1:] in _SENTENCE_ENDS


def is_credit(line: Line) -> bool:
    """Picture credits: 'Foto: dpa', '© Reuters', 'IMAGO/ZUMA Press' style short lines."""
    if line.words > 12:
        return False
    text = line.text  # every _CREDIT match holds ':', '©' or '(': the `in` checks spare most lines its search
    if ((":" in text or "©" in text or "(" in text) and _CREDIT.search(text)) or line.phrase_kind == "caption":
        return True
    return "/" in line.text and line.words <= 5 and not line.terminal and line.text[:1].isupper()


def is_credit_text(text: str) -> bool:
    """'Credit: PA', 'Foto: dpa', '© Reuters', 'AFP', '(NPA)', 'IMAGO/Nico Herbertz': a picture credit alone (as
    glued to the end of its caption); not a site name after a separator ('| Example News': a page title)."""
    return _CREDIT.match(text) is not None or (text[:1].isalnum() or text[:1] == "(") and _is_credit_tail(text)


def has_credit_tail(text: str) -> bool:
    """A caption ending in its picture credit: '... GP de Qatar. AFP', '...国民（ソウルで、３日）＝ＡＰ', '（警視庁提供）',
    '... am Montag. Foto: Lorenzo Marina', '... in La Soledat / Lorenzo Marina'.

    The credit is the short part after the last sentence end (or '＝', or ' / '): an agency, only capitalised
    words, or a credit label ('Foto:') and a few words.
    """
    if text.endswith(_CREDIT_ENDINGS) or has_paren_credit(text):
        return True
    cut = max(text.rfind(". "), text.rfind("。"), text.rfind("＝"))
    slash = text.rfind(" / ")
    if slash > cut and slash >= CREDIT_TAIL_MIN_LEAD:
        return _is_credit_tail(text[slash + 3:])
    if cut < CREDIT_TAIL_MIN_LEAD:
        return False
    if text[cut] == "." and not (text[cut - 2].isalpha() and text[cut - 1].isalpha() and text[cut - 1].islower()):
        return False  # 'U.S. Pact', 'Jr. Smith': an abbreviation or an initial, not a sentence end
    return _is_credit_tail(text[cut + 1:])


def has_paren_credit(text: str) -> bool:
    """A caption ending in its credit in parentheses: '... (Photo: Haitham Imad)', '... (Adel Hana/Associated Press)'.

    A picture label ('Photo:') or a slash between capitalised words; not '(dpa)' or '(AFP)', which also sign news
    items, nor '(Quelle: ...)', which also ends a paragraph.
    """
    if not text.endswith(")"):
        return False
    cut = text.rfind("(")
    if cut < CREDIT_TAIL_MIN_LEAD:
        return False
    inner = text[cut + 1:-1].strip()
    words = inner.split()
    if not words or len(words) > CREDIT_LABEL_TAIL_WORDS:
        return False
    if ":" in inner and _PICTURE_LABEL.match(inner):
        return True
    return "/" in inner and all(not word[:1].islower() and not word[:1].isdigit() for word in inner.split("/"))


def _is_credit_tail(tail: str) -> bool:
    tail = unicodedata.normalize("NFKC", tail).strip(" ()")
    tokens = tail.split()
    if not tokens:
        return False
    if len(tokens) <= CREDIT_LABEL_TAIL_WORDS and ":" in tail and _CREDIT_LABEL.match(tail):
        return True
    if len(tokens) > CREDIT_TAIL_MAX_WORDS:
        return False
    return tail.lower() in agencies() or all(not token[:1].islower() and not token[:1].isdigit() for token in tokens)


def body_indents(lines: Sequence[Line], count: int = 3) -> list[int]:
    """Indents that carry most prose (renderers indent the article body consistently), best first.

    Runner-up indents are only returned when they carry at least INDENT_MIN_SHARE of the top weight.
    """
    weight: dict[int, int] = {}
    for line in lines:
        if line.words >= GOOD_WORDS and line.terminal and line.phrase_kind is None:
            weight[line.indent] = weight.get(line.indent, 0) + min(line.words, 60)
    ranked = sorted(weight, key=weight.__getitem__, reverse=True)[:count]
    if not ranked:
        return [0]
    return [i for i in ranked if weight[i] >= INDENT_MIN_SHARE * weight[ranked[0]]]


def _score_facts(line: Line) -> tuple[float, float, str | None, bool, bool, bool]:
    """What score_lines needs of a line, computed once: (aligned score, offset score, box kind, prose, short, image).

    The scores are content evidence (+ prose, - boilerplate and link-like fragments): one when the line sits at
    the body indent, one when it does not.
    """
    words, kind, terminal = line.words, line.phrase_kind, line.terminal
    if not terminal and words >= GOOD_WORDS and is_signed(line.text):  # '... fünf Festnahmen. / ab'
        line.terminal = terminal = True
    elif terminal and line.text[-1] == ")" and has_paren_credit(line.text):  # '... (Photo: Just Stop Oil/PA Wire)'
        line.terminal = terminal = False
    box = kind if kind in BOX_KINDS or kind == "template" else None
    prose, short = words >= GOOD_WORDS and terminal, words < GOOD_WORDS
    if line.label == "image":
        return 0.0, 0.0, box, prose, short, True
    if line.label == "removed":  # a repeated separator or notice, an embedded post: never content, and no
        return 0.0, 0.0, box, prose, short, False  # evidence against the article going on around it
    if kind == "template":  # weak and capped like a box: must not split an article
        return TEMPLATE_SCORE, TEMPLATE_SCORE, box, prose, short, False
    if kind is not None and kind not in ("byline", "date", "caption"):
        score = -3.0 if short else -0.2 * words
        return score, score, box, prose, short, False
    if line.bullet is not None:
        if words >= 2 * GOOD_WORDS and terminal:
            return 0.5, 0.0, box, prose, short, False
        score = -1.0 if words < 6 else -0.5
        return score, score, box, prose, short, False
    if prose:
        return 1.0 + min(words, 120) / 15, 0.2 + min(words, 120) / 60, box, prose, short, False
    if not short:
        return 0.3, -0.3, box, prose, short, False
    if terminal and words >= SHORT_SENTENCE_WORDS:
        return 0.2, -0.3, box, prose, short, False
    if words >= SHORT_SENTENCE_WORDS - 1 and is_enumeration(line.text):  # 'Miyazaki: Takanabe, Shintomi, Miyazaki'
        return 0.0, -0.8, box, prose, short, False  # a data line (a table row in text), not a link
    return -0.5, -0.8, box, prose, short, False


def is_enumeration(text: str) -> bool:
    """Two or more list commas ('a, b, c', 'a、b、c'; not the thousands separator in '1,609')."""
    return text.count(", ") + text.count("、") + text.count("，") >= ENUMERATION_COMMAS


def score_lines(lines: Sequence[Line], indent: int) -> None:
    """Score every line against one body indent.

    Prose right after prose earns a bonus (articles are runs of paragraphs). A box (consecutive lines of
    one boilerplate kind, e.g. a consent embed inside the article) costs at most BOX_PENALTY in total,
    so it cannot split an article in two, while long boxes still end the region at the article's edge.
    """
    previous_good = False
    box_kind: str | None = None
    box_cost = 0.0
    low, high = indent - INDENT_TOLERANCE, indent + INDENT_TOLERANCE
    isolated: list[int] = []  # teaser-blurb candidates (see _demote_runs), found in the same pass
    for i, line in enumerate(lines):
        facts = line.score_facts
        if facts is None:
            facts = line.score_facts = _score_facts(line)
        aligned, offset, kind, prose, short, image = facts
        score = aligned if low <= line.indent <= high else offset
        if kind is not None:
            if kind == box_kind:
                score = max(score, BOX_PENALTY - box_cost)
            else:
                box_cost = 0.0
            box_kind = kind
            box_cost += score
        elif not short:
            box_kind = None
        good = prose and score > 0
        if good and previous_good:
            score += RUN_BONUS
        line.score = score
        if not image:
            previous_good = good
        if score > 0 and not short and i and _is_isolated_blurb(lines, i):
            isolated.append(i)
    _demote_runs(lines, isolated)


def _is_isolated_blurb(lines: Sequence[Line], i: int) -> bool:
    """A prose line of teaser length under a short headline-like line and above a short line."""
    before, line = lines[i - 1], lines[i]
    after = lines[i + 1] if i + 1 < len(lines) else None
    headline = 0 < before.words < TEASER_HEADLINE_WORDS and before.text[-1:] not in _NOT_HEADLINE_ENDS  # '...?' too
    starts = line.text[:1]  # a blurb is a sentence: a hard-wrapped paragraph's next line starts in lower case
    return headline and line.words <= TEASER_MAX_WORDS and (after is None or after.words < GOOD_WORDS) \
        and not starts.islower()


def _demote_runs(lines: Sequence[Line], isolated: list[int]) -> None:
    """Lists of 'headline + one blurb' pairs (related teasers, site directories) are weak evidence.

    An article paragraph usually has prose neighbours; a teaser blurb stands alone between short lines.
    TEASER_RUN or more such isolated blurbs, at most TEASER_GAP lines apart, are scored TEASER_SCORE.
    """
    run: list[int] = []
    for i in isolated + [len(lines) + TEASER_GAP + 1]:
        if run and i - run[-1] > TEASER_GAP:
            # distinct headlines: a list of teasers; one repeated separator ("Advertisement"): an article
            if len(run) >= TEASER_RUN and len({lines[j - 1].text for j in run}) >= 0.7 * len(run) \
                    and not continues_story(lines, run):
                for j in run:
                    lines[j].score = min(lines[j].score, TEASER_SCORE)
            run = []
        run.append(i)


def _stems(text: str) -> set[str]:
    return {word[:STEM_PREFIX].lower() for word in _STEM_WORD.findall(text)}


def continues_story(lines: Sequence[Line], blurbs: Sequence[int]) -> bool:
    """Headline + paragraph pairs that are a story's sections, not teaser cards for other stories.

    Sections strictly alternate subheading and paragraph right below the story's prose, and their paragraphs
    go on with its words: the first shares a word with the prose above, and STORY_SHARE of them share one with
    the text before them (the lead and the sections above). Cards are other stories: new words, and dates,
    'more' links or pictures between the pairs. `blurbs`: indexes of the paragraphs, each below its heading.
    """
    if any(b - a != 2 for a, b in zip(blurbs, blurbs[1:], strict=False)):
        return False
    first = blurbs[0] - 1
    lead = [line for line in lines[max(0, first - STORY_LEAD_LINES):first] if line.words >= GOOD_WORDS]
    if not lead or not (lines[first - 1].words >= GOOD_WORDS and lines[first - 1].terminal):
        return False
    seen = set().union(*(_stems(line.text) for line in lead))
    shared = 0
    for k, i in enumerate(blurbs):
        stems = _stems(lines[i].text)
        if stems & seen:
            shared += 1
        elif k == 0:
            return False
        seen |= stems | _stems(lines[i - 1].text)
    return shared >= STORY_SHARE * len(blurbs)
