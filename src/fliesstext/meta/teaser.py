"""The teaser (standfirst, lead) shown on the page near the headline.

Only text visible in the page is returned: a lead-classed element near the <h1>, or the meta/og
description when an element near the top of the page shows the same text.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..parse import ParsedPage
from ._scan import PageNodes
from ._text import clean, fold, node_text
from .jsonld import JsonLd
from .knowledge import TitleRules, title_rules

_SKIP_TAGS = frozenset({"a", "li", "ul", "ol", "nav", "button", "figcaption", "figure", "h1", "label", "form"})
_SKIP_CLASS = ("related", "teaser-list", "teaserlist", "more", "footer", "nav", "menu", "promo", "newsletter",
               "caption", "credit", "card", "list", "item", "slider", "recommend", "author", "byline", "share",
               "subscri", "abo", "paywall", "ad-", "banner", "photo", "image", "img", "media", "copyright")
_MAX_LINK_SHARE = 0.5
_ANCESTOR_LEVELS = 4
_MAX_DESCRIPTION_NODES = 40
_MAX_STEPS_AFTER_HEADING = 80  # nodes after the <h1> searched for the lead
_LONG_PARAGRAPH = 200
_MAX_BODY_PARAGRAPHS_BEFORE_LEAD = 1


def _selector(tokens: tuple[str, ...]) -> str:
    return ", ".join(f'[class*="{t}"]' for t in tokens)


def _scope(heading: Any) -> Any:
    node = heading
    for _ in range(_ANCESTOR_LEVELS):
        if node.parent is None or node.parent.tag in ("body", "html"):
            break
        node = node.parent
        if node.tag in ("article", "main"):
            break
    return node


def _plausible(node: Any, rules: TitleRules, title_key: str) -> str | None:
    if node.tag in _SKIP_TAGS:
        return None
    cls = (node.attributes.get("class") or "").lower()
    if any(t in cls for t in _SKIP_CLASS):
        return None
    raw = node.text(deep=True)
    if not rules.teaser_min_chars <= len(raw) <= 3 * rules.teaser_max_chars:
        return None
    text = clean(raw)
    if not (rules.teaser_min_chars <= len(text) <= rules.teaser_max_chars) or fold(text) == title_key:
        return None
    if node.css_first("h1, h2, figure, ul, ol") is not None or len(node.css("p")) > 1:
        return None
    link_chars = sum(len(node_text(a)) for a in node.css("a"))
    if link_chars > _MAX_LINK_SHARE * len(text):
        return None
    return text


def _skipped_ancestor(node: Any, stop: Any) -> bool:
    """True when the node sits inside a link, a list item or a related/promo block."""
    probe = node.parent
    for _ in range(_ANCESTOR_LEVELS):
        if probe is None or probe.mem_id == stop.mem_id:
            return False
        if probe.tag in ("a", "li", "aside", "nav", "figure", "footer"):
            return True
        cls = (probe.attributes.get("class") or "").lower()
        if any(t in cls for t in _SKIP_CLASS):
            return True
        probe = probe.parent
    return False


def _following(heading: Any, scope: Any) -> Iterator[Any]:
    """Nodes after the heading (its own subtree skipped), in document order, inside scope."""
    node = heading
    while node is not None and node.mem_id != scope.mem_id:
        sibling = node.next
        while sibling is not None:
            yield from sibling.traverse(include_text=False)
            sibling = sibling.next
        node = node.parent


def _classed_teaser(heading: Any, rules: TitleRules, title_key: str) -> str | None:
    """The first lead-classed element among the elements that follow the headline."""
    scope = _scope(heading)
    steps = body_paragraphs = 0
    for node in _following(heading, scope):
        steps += 1
        if steps > _MAX_STEPS_AFTER_HEADING:
            break
        if node.tag == "p" and len(node.text(deep=True)) >= _LONG_PARAGRAPH:
            body_paragraphs += 1
            if body_paragraphs > _MAX_BODY_PARAGRAPHS_BEFORE_LEAD:
                break  # the lead comes before the body, not inside it
        cls = node.attributes.get("class")
        if cls and rules.teaser_pattern.search(cls.lower()) and not _skipped_ancestor(node, scope):
            text = _plausible(node, rules, title_key)
            if text:
                return text
    return None


def _visible_description(page: ParsedPage, ld: JsonLd, rules: TitleRules, nodes_: PageNodes) -> str | None:
    candidates = (page.meta_first("og:description"), page.meta_first("description"), ld.get("description"),
                  ld.get("alternativeHeadline"))
    descriptions = {fold(clean(d)) for d in candidates if isinstance(d, str) and clean(d)}
    descriptions = {d for d in descriptions if len(d) >= rules.teaser_min_chars}
    if not descriptions:
        return None
    lengths = [len(d) for d in descriptions]
    low, high = min(lengths) * 0.8, max(lengths) * 1.3 + 20
    for node in nodes_.paragraphs[:_MAX_DESCRIPTION_NODES]:
        raw = node.text(deep=True)
        if not low <= len(raw) <= high:
            continue
        text = clean(raw)
        if text and fold(text) in descriptions:
            return text
    return None


def extract_teaser(page: ParsedPage, ld: JsonLd, heading: Any, title: str | None, nodes_: PageNodes) -> str | None:
    rules = title_rules()
    title_key = fold(title or "")
    if heading is not None:
        found = _classed_teaser(heading, rules, title_key)
        if found:
            return found
    return _visible_description(page, ld, rules, nodes_)
