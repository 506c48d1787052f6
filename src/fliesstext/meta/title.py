"""Title and kicker: every source the page offers votes, site-name suffixes and kickers are cut off.

Sources: the JSON-LD headline, og:title, the visible <h1> (its kicker span taken apart), <title>. Each
source proposes its text and shortened variants (site name cut, kicker cut) with lower weights; the text
with the largest summed weight wins. A suffix that names the site (og:site_name, publisher, host) makes
the cut variant the source's main proposal. The visible headline is never cut after a dash (its second
span belongs to it), and votes with less weight when no other source names it and it looks like a section
heading (see _heading_weight).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..parse import ParsedPage
from ._scan import PageNodes
from ._text import clean, first_str, fold, host_of, node_text
from .jsonld import JsonLd, names
from .knowledge import TitleRules, title_rules

_PRIORITY = ("h1", "ld", "og", "title")  # ties go to the visible headline first
_DOMAIN_LIKE = re.compile(r"\w\.(?:[a-z]{2,3}|com|info|news|online)\b", re.I)
_PUNCT_ONLY = re.compile(r"^[\W_]*$")
_NON_ALNUM = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
_MAX_HEADINGS = 12
_KICKER_SIBLINGS = 3
_SIBLING_KICKER_TOKENS = ("kicker", "overline", "topline", "dachzeile", "spitzmarke", "roofline", "eyebrow",
                          "supertitle", "pretitle")
_MAX_LINKED_HEADING_CHARS = 30
_PLAIN_H2 = 3  # without a usable <h1>, the first <h2> may be the headline
_MAX_SITE_NAME_WORDS = 5  # some pages put the headline in twitter:site; that is no site name


@dataclass(slots=True)
class TitleResult:
    title: str | None = None
    kicker: str | None = None
    heading_node: Any = None  # the <h1> chosen, for teaser/byline search near it
    site_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sites:
    """Folded site names and their letters-and-digits-only forms (computed once per page)."""

    names: tuple[str, ...]
    squeezed: tuple[str, ...]

    @classmethod
    def of(cls, names: tuple[str, ...]) -> Sites:
        return cls(names, tuple(_alnum(n) for n in names))


@dataclass(slots=True)
class _Vote:
    score: float = 0.0
    texts: dict[str, tuple[float, str]] = field(default_factory=dict)  # source -> (weight, original text)
    kickers: list[str] = field(default_factory=list)


def site_names(page: ParsedPage, ld: JsonLd) -> tuple[str, ...]:
    """Folded names the site goes by: og:site_name, application-name, publisher, host and its main label."""
    out: list[str] = []
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"):
        value = page.meta_first(key)
        if value:
            out.append(fold(clean(value).lstrip("@")))
    out.extend(fold(n) for n in names(ld.get("publisher"), ld))
    host = host_of(page.url)
    if host:
        host = host.removeprefix("www.")
        out.append(host)
        label = host.split(".")[-2] if host.count(".") >= 1 else host
        if len(label) >= 2:
            out.append(label)
    return tuple(dict.fromkeys(n for n in out if n and len(n.split()) <= _MAX_SITE_NAME_WORDS))


def _alnum(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def _is_site(segment: str, sites: Sites) -> bool:
    key = fold(segment)
    if not key:
        return False
    if key in sites.names:
        return True
    squeezed = _alnum(key)
    if len(squeezed) < 2:
        return False
    for other in sites.squeezed:
        if len(other) >= 3 and (other in squeezed or (len(squeezed) >= 3 and squeezed in other)):
            return True
    return len(key.split()) <= 3 and bool(_DOMAIN_LIKE.search(segment))


def _cuts(text: str, rules: TitleRules) -> list[tuple[int, int]]:
    """(start, end) spans of separators in text, left to right."""
    spans: set[tuple[int, int]] = set()
    for sep in rules.site_separators:
        start = text.find(sep)
        while start > 0:
            spans.add((start, start + len(sep)))
            start = text.find(sep, start + 1)
    return sorted(spans)


def _site_cut(text: str, sites: Sites, rules: TitleRules) -> str | None:
    """The text with a recognised site name removed from its end (or start), else None.

    Scanning from the right, segments are dropped while each is a site name or a short label
    ("- Landkreis München - SZ.de", "| Europa | DW | 28.04.2023"); at least one must be a site name.
    """
    spans = _cuts(text, rules)
    cut, recognised, end_of_tail = None, False, len(text)
    for start, end in reversed(spans):
        if end > end_of_tail:
            continue
        segment = text[end:end_of_tail].strip()
        spaced = text[start:end].startswith(" ") or text[start:end].strip() in ("｜", "ㅣ", "：")
        is_site = _is_site(segment, sites)
        words = len(segment.split())
        if not (is_site or (spaced and words <= 3) or (recognised and words <= 2)):
            break
        recognised = recognised or is_site
        cut, end_of_tail = start, start
        if not text[:start].strip():
            break
    if cut is not None and recognised and text[:cut].strip():
        return text[:cut].strip()
    for start, end in spans:
        if _is_site(text[:start], sites) and text[end:].strip():
            return text[end:].strip()
    return None


def _variants(text: str, weight: float, sites: Sites, rules: TitleRules,
              visible: bool = False) -> list[tuple[str, float, str]]:
    """(text, weight, kicker) proposals of one source.

    A suffix after a separator that is not recognised as a site name may still be one ("… - Güncel haberler"),
    so <title>/og:title/JSON-LD also propose the text without it; the visible headline does not: its second
    span ("Künstliche Intelligenz in der Schule – „Sie werden …“") belongs to it.
    """
    out: list[tuple[str, float, str]] = []
    base = _site_cut(text, sites, rules)
    if base is not None:
        out.append((base, weight, ""))
        out.append((text, weight * 0.5, ""))
    else:
        base = text
        out.append((text, weight, ""))
        for start, end in [] if visible else _cuts(text, rules):
            if text[start:end].strip() and text[start:end].startswith(" ") and len(text[end:].split()) <= rules.max_site_words:
                out.append((text[:start].strip(), weight * rules.unrecognised_cut, ""))
    for sep in rules.kicker_separators:
        pos = base.find(sep)
        if 0 < pos and len(base[:pos].split()) <= rules.max_kicker_words and base[pos + len(sep):].strip():
            out.append((base[pos + len(sep):].strip(), weight * rules.kicker_cut, base[:pos].strip()))
    return out


def _heading_parts(node: Any, kicker_tokens: tuple[str, ...]) -> tuple[str, str]:
    """(kicker, headline) of an <h1>: a first child span/div that is a kicker is taken apart."""
    parts = []
    for child in node.iter(include_text=True):
        text = clean(child.text(deep=True) if child.tag != "-text" else child.text_content or "")
        if text and not _PUNCT_ONLY.match(text):
            parts.append((child, text))
    full = node_text(node)
    if len(parts) >= 2 and parts[0][0].tag != "-text":
        first = parts[0][0]
        attrs = first.attributes
        cls = " ".join(attrs.get(k) or "" for k in ("class", "id", "data-cy", "data-testid", "itemprop")).lower()
        if any(t in cls for t in kicker_tokens) or all(p[0].tag != "-text" for p in parts):
            kicker = parts[0][1].rstrip(":").strip()
            return kicker, clean(" ".join(p[1] for p in parts[1:]))
    return "", full


def _in_breadcrumb(node: Any) -> bool:
    probe = node.parent
    for _ in range(4):
        if probe is None:
            return False
        if probe.tag == "nav" or "crumb" in (probe.attributes.get("class") or "").lower():
            return True
        probe = probe.parent
    return False


def _headings(nodes_: PageNodes, rules: TitleRules, sites: Sites) -> list[tuple[Any, str, str]]:
    """Visible headline candidates: <h1> outside breadcrumbs, then <h2> built as kicker + headline
    (any of the first <h2> when the page has no usable <h1>: none, or only short links such as a logo)."""
    both = nodes_.headings
    nodes = [n for n in both if n.tag == "h1"][:_MAX_HEADINGS]
    nodes = [n for n in nodes if not _in_breadcrumb(n)]
    no_h1 = not any(_standalone(n, node_text(n)) for n in nodes)
    tokens = rules.kicker_classes[:5]
    for index, node in enumerate([n for n in both if n.tag == "h2"][:_MAX_HEADINGS * 3]):
        if no_h1 and index < _PLAIN_H2:
            nodes.append(node)
            continue
        child = node.first_child
        while child is not None and child.tag == "-text":
            child = child.next
        if child is not None:
            attrs = child.attributes
            marks = f"{attrs.get('class') or ''} {attrs.get('data-cy') or ''}".lower()
            if any(t in marks for t in tokens):
                nodes.append(node)
    out = []
    for node in nodes:
        kicker, text = _heading_parts(node, rules.kicker_classes)
        if text and len(text) <= 400 and not _PUNCT_ONLY.match(text) and not _is_site(text, sites):
            out.append((node, kicker, text))
    return out


def _sources(page: ParsedPage, ld: JsonLd) -> Iterable[tuple[str, str]]:
    if ld.article is not None:
        headline = first_str(ld.article.get("headline")) or first_str(ld.article.get("name"))
        if headline:
            yield "ld", headline
    og = clean(page.meta_first("og:title") or page.meta_first("twitter:title") or "")
    if og:
        yield "og", og
    if page.title_tag:
        yield "title", clean(page.title_tag)


def _tally(sources: list[tuple[str, str]], sites: Sites, rules: TitleRules, votes: dict[str, _Vote],
           h1_weight: float = 1.0) -> dict[str, _Vote]:
    """Adds the proposals of sources to votes (in place) and returns it."""
    for source, text in sources:
        weight = rules.source_weights[source] * (h1_weight if source == "h1" else 1.0)
        best: dict[str, tuple[float, str, str]] = {}
        for variant, w, kicker in _variants(text, weight, sites, rules, visible=source == "h1"):
            key = fold(variant) if not _PUNCT_ONLY.match(variant) else ""
            if key and (key not in best or w > best[key][0]):
                best[key] = (w, variant, kicker)
        for key, (w, variant, kicker) in best.items():
            vote = votes.setdefault(key, _Vote())
            if source not in vote.texts or vote.texts[source][0] < w:
                vote.score += w - (vote.texts[source][0] if source in vote.texts else 0.0)
                vote.texts[source] = (w, variant)
            if kicker and source != "title":
                vote.kickers.append(kicker)
    return votes


def _pick_heading(headings: list[tuple[Any, str, str]], keys: set[str]) -> tuple[Any, str, str] | None:
    for heading in headings:
        node, kicker, text = heading
        if fold(text) in keys or (kicker and fold(f"{kicker}: {text}") in keys):
            return heading
    for heading in headings:
        if _standalone(heading[0], heading[2]):
            return heading
    return None


def _standalone(node: Any, text: str) -> bool:
    """False for a short linked heading ("<h1><a href=/>Hi, I'm Nicolas.</a></h1>"): a logo or a teaser link."""
    return node.css_first("a") is None or len(text) > _MAX_LINKED_HEADING_CHARS


def extract_title(page: ParsedPage, ld: JsonLd, nodes_: PageNodes) -> TitleResult:
    rules = title_rules()
    sites = Sites.of(site_names(page, ld))
    sources = list(_sources(page, ld))
    votes = _tally(sources, sites, rules, {})
    heading = _pick_heading(_headings(nodes_, rules, sites), set(votes))
    if heading is not None:
        node, h_kicker, h_text = heading
        weight = _heading_weight(heading, votes, sources, sites, rules)
        visible = [("h1", h_text)] + ([("h1", f"{h_kicker}: {h_text}")] if h_kicker else [])
        votes = _tally(visible, sites, rules, votes, weight)  # the metadata sources' votes plus the headline's
    else:
        node, h_kicker = None, ""
    if not votes:
        return TitleResult(heading_node=node, site_names=sites.names)
    rank = {s: i for i, s in enumerate(_PRIORITY)}
    key, vote = max(votes.items(), key=lambda kv: (round(kv[1].score, 6), -min(rank[s] for s in kv[1].texts)))
    source = min(vote.texts, key=lambda s: rank[s])
    title = vote.texts[source][1]
    kicker = h_kicker or _common_kicker(vote.kickers) or _sibling_kicker(node, title)
    tail = title[len(kicker):] if kicker and fold(title[: len(kicker)]) == fold(kicker) else ""
    if tail and (tail.startswith(":") or any(tail.startswith(sep) for sep in rules.kicker_separators)):
        title = tail.lstrip(" :–—-|\u00a0") or title  # the headline without its kicker
    return TitleResult(title=title, kicker=kicker or None, heading_node=node, site_names=sites.names)


def _heading_weight(heading: tuple[Any, str, str], votes: dict[str, _Vote], sources: list[tuple[str, str]],
                    sites: Sites, rules: TitleRules) -> float:
    """The weight factor of the visible headline's vote: 1, or less for a heading that no other source names,
    that shares few words with them and that is shorter than one of them: a section or widget heading
    ("Allergies Health Center", "Our TV Shows") on a page whose headline is only in <title> or og:title.
    A generic <title> ("Site - Nachrichten") is shorter than a real headline and leaves its weight alone."""
    _, kicker, text = heading
    if fold(text) in votes or (kicker and fold(f"{kicker}: {text}") in votes):
        return 1.0
    others = [_site_cut(t, sites, rules) or t for _, t in sources]
    words = set(_WORD.findall(text.casefold()))
    if not words or all(len(_WORD.findall(t)) <= len(words) for t in others):
        return 1.0
    shared = words & {w for t in others for w in _WORD.findall(t.casefold())}
    return 1.0 if len(shared) >= rules.unconfirmed_heading_overlap * len(words) else rules.unconfirmed_heading_weight


def _sibling_kicker(heading: Any, title: str) -> str:
    """A kicker printed just before the headline in its own element ("<p class=kicker>MENINGSMÅLING:</p>")."""
    if heading is None:
        return ""
    sibling, seen = heading.prev, 0
    while sibling is not None and seen < _KICKER_SIBLINGS:
        if sibling.tag not in ("-text", "-comment"):
            seen += 1
            marks = f"{sibling.attributes.get('class') or ''} {sibling.attributes.get('id') or ''}".lower()
            if any(t in marks for t in _SIBLING_KICKER_TOKENS):
                text = node_text(sibling, " ").rstrip(":").strip()
                if text and len(text.split()) <= 8 and fold(text) != fold(title) and not _PUNCT_ONLY.match(text):
                    return text
        sibling = sibling.prev
    return ""


def _common_kicker(kickers: list[str]) -> str:
    if not kickers:
        return ""
    return max(set(kickers), key=kickers.count)
