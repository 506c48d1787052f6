"""Authors: names only, deduplicated; from JSON-LD, meta tags, then byline elements.

A byline that names only the site (JSON-LD author == publisher) gives way to a byline element with
people's names when the page shows one.
"""
from __future__ import annotations

import re
from typing import Any

from ..parse import ParsedPage
from ._text import clean, fold, node_text
from .jsonld import JsonLd, names
from .knowledge import BylineRules, byline_rules

_META_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl",
              "cxenseparse:author", "twitter:creator:name", "twitter:misc:written by", "articleauthor")
_BYLINE_CSS = ('[itemprop="author"], [rel="author"], [class*="byline"], [class*="Byline"], [class*="author"], '
               '[class*="Author"], [class*="autor"], [class*="Autor"], address')
_SPLIT = re.compile(r"\s*(?:[,;|•·、]|\s/\s|\s[-–—]\s)\s*")
_FAMILY_FIRST_KEYS = frozenset({"dc.creator", "dcterms.creator"})
_FAMILY_GIVEN = re.compile(r"^\s*([^,]+?),\s*([^,]+?)\s*$")
_PAREN = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_DIGITS = re.compile(r"\d")
_URLISH = re.compile(r"^(?:https?:|www\.)|@\w+\.\w|\.(?:html?|php|aspx?)\b|/.*/", re.I)
_PARTICLES = frozenset({"von", "van", "de", "del", "della", "der", "den", "da", "di", "do", "dos", "la", "le", "du", "bin",
                        "al", "el", "y", "ter", "ten", "zu", "af", "av", "st.", "mc", "o'"})
_MAX_NAME_WORDS = 5
_MAX_BYLINE_CHARS = 160
_MAX_BYLINE_NODES = 40
_SKIP_BYLINE_CLASS = ("bio", "avatar", "image", "img", "photo", "social", "follow", "box", "comment")
_EDITOR_CSS = 'div[class*="edit"]'  # "<div class="edit">(责编：牛镛、岳弘彬)</div>"
_MAX_EDITOR_NODES = 5
_BOLD_PARAGRAPHS = 4  # paragraphs looked at, at each end of the article
_MAX_BOLD_BYLINE_CHARS = 80


def _strip_prefix(text: str, rules: BylineRules) -> str:
    match = rules.prefix_pattern.match(text)
    return text[match.end():] if match else text


def _unwrap(text: str) -> str:
    """A byline printed in parentheses, "(责编：牛镛、岳弘彬)", without them."""
    return text[1:-1].strip() if text[:1] in "(（" and text[-1:] in ")）" else text


def _strip_roles(part: str, rules: BylineRules) -> str:
    words = part.split()
    for i, word in enumerate(words):
        if i and word.casefold() in rules.role_suffix_words:
            words = words[:i]  # "Dolores Chang For Dailymail.Com"
            break
    while words and words[-1].casefold().strip(".,:") in rules.roles:
        words.pop()
    while words and words[0].casefold().strip(".,:") in rules.roles:
        words.pop(0)
    text = " ".join(words)
    low = text.casefold()
    for role in rules.role_phrases:
        if low.endswith(" " + role):
            text = text[: -len(role)].strip()
            low = text.casefold()
    return text


def split_names(text: str, rules: BylineRules) -> list[str]:
    """'Von A und B, dpa' -> ['A', 'B', 'dpa']; roles, parentheses, URLs and descriptions dropped."""
    text = _strip_prefix(_PAREN.sub(" ", _unwrap(clean(text))).strip(), rules)
    out: list[str] = []
    for chunk in _SPLIT.split(text):
        words = chunk.split()
        parts: list[str] = []
        current: list[str] = []
        for word in words:
            if word.casefold() in rules.joiners and current:
                parts.append(" ".join(current))
                current = []
            else:
                current.append(word)
        if current:
            parts.append(" ".join(current))
        if len(parts) > 1 and any(len(part) < 2 for part in parts):
            parts = [chunk]  # "Mac & i": one name with a joiner in it, not two names
        for part in parts:
            name = _strip_roles(_strip_prefix(part.strip(" .:\u00a0"), rules), rules).strip(" ,.:")
            if _is_name(name, rules):
                out.append(name)
    return out


def _is_name(name: str, rules: BylineRules) -> bool:
    if not name or len(name) > 60 or _URLISH.search(name) or "@" in name:
        return False
    if _DIGITS.search(name) or len(name.split()) > _MAX_NAME_WORDS:
        return False
    return name.casefold() not in rules.not_names


def _dedupe(found: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in found:
        seen.setdefault(fold(name), name)
    return tuple(seen.values())


def _squeeze(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _is_site(name: str, sites: tuple[str, ...]) -> bool:
    """True when the name and a site name contain one another; sites are squeezed (see _squeeze)."""
    key = _squeeze(name)
    return bool(key) and any(key in s or s in key for s in sites)


def _is_desk(name: str, rules: BylineRules) -> bool:
    """A one-word staff byline: "IN-Redaktion"."""
    head, dash, tail = name.rpartition("-")
    return bool(dash and head and " " not in name and tail.casefold() in rules.desk_words)


def _person_like(name: str, rules: BylineRules) -> bool:
    """A byline element's name: capitalised words (particles aside), a known agency or a staff desk."""
    if name.casefold() in rules.agencies or _is_desk(name, rules):
        return True
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    return all(not w[0].isalpha() or w[0].isupper() or not w[0].islower() or w.casefold() in _PARTICLES for w in words)


def _from_jsonld(ld: JsonLd, rules: BylineRules) -> list[str]:
    found: list[str] = []
    for raw in names(ld.get("author"), ld):
        if _URLISH.search(raw) or "@" in raw:
            continue
        found.extend(split_names(raw, rules) or [raw])
    return found


def _given_first(value: str, rules: BylineRules) -> str:
    """Dublin Core writes one creator as "Family, Given": "Jong, Michiel de" -> "Michiel de Jong"."""
    match = _FAMILY_GIVEN.match(value)
    if not match:
        return value
    family, given = match.groups()
    if len(family.split()) > 2 or len(given.split()) > 3 or any(
            w.casefold() in rules.joiners for w in value.split()) or {family.casefold(), given.casefold()} & rules.agencies:
        return value
    return f"{given} {family}"


def _from_meta(page: ParsedPage, rules: BylineRules) -> list[str]:
    for key in _META_KEYS:
        values = [v for v in page.meta.get(key, []) if v.strip()]
        if key in _FAMILY_FIRST_KEYS:
            values = [_given_first(v, rules) for v in values]
        found = [n for v in values for n in split_names(v, rules)]
        if found:
            return found
    return []


def _scope(page: ParsedPage, heading: Any) -> Any:
    """The article/main element around the headline; else a close ancestor holding an <article>; else the tree."""
    if heading is None:
        return page.tree
    node = heading.parent
    for _ in range(6):
        if node is None:
            break
        if node.tag in ("article", "main"):
            return node
        node = node.parent
    node = heading.parent
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            break
        if node.css_first("article") is not None:
            return node
        node = node.parent
    return page.tree


def _from_dom(page: ParsedPage, heading: Any, rules: BylineRules, sites: tuple[str, ...]) -> list[str]:
    scope = _scope(page, heading)
    for node in scope.css('[itemprop="author"]')[:3]:
        inner = node.css_first('[itemprop="name"]') or node
        found = [n for n in split_names(node_text(inner, " "), rules) if not _is_site(n, sites)]
        if found:
            return found
    for node in scope.css('a[rel="author"], a[href*="/autor"], a[href*="/author"]')[:5]:
        found = [n for n in split_names(node_text(node, " "), rules) if _person_like(n, rules) and not _is_site(n, sites)]
        if found:
            return found
    for node in scope.css(_BYLINE_CSS)[:_MAX_BYLINE_NODES]:
        cls = (node.attributes.get("class") or "").lower()
        if any(t in cls for t in _SKIP_BYLINE_CLASS):
            continue
        text = node_text(node, " ")
        if not text or len(text) > _MAX_BYLINE_CHARS:
            continue
        found = [n for n in split_names(text, rules) if _person_like(n, rules) and not _is_site(n, sites)]
        if found:
            return found
    return _from_prefixed_paragraph(scope, rules, sites) or _from_label(scope, rules, sites)


def _from_label(scope: Any, rules: BylineRules, sites: tuple[str, ...]) -> list[str]:
    """A bold label followed by the name: "<li><strong>Autorin/Autor</strong> Roman Muster</li>"."""
    for label in scope.css("li > strong, p > strong, li > b, p > b, dt")[:_MAX_BYLINE_NODES]:
        if node_text(label).casefold().rstrip(": ") not in rules.labels:
            continue
        holder = label.next if label.tag == "dt" else label.parent
        while holder is not None and holder.tag == "-text":
            holder = holder.next
        if holder is None:
            continue
        text = node_text(holder, " ")
        if label.tag != "dt":
            text = text[len(node_text(label, " ")):]
        found = [n for n in split_names(text, rules) if _person_like(n, rules) and not _is_site(n, sites)]
        if found:
            return found
    return []


def _from_prefixed_paragraph(scope: Any, rules: BylineRules, sites: tuple[str, ...]) -> list[str]:
    """A short paragraph that starts with a byline word: "By TPN", "Von Anna Muster"."""
    nodes = scope.css("p")[:_MAX_BYLINE_NODES] + scope.css(_EDITOR_CSS)[:_MAX_EDITOR_NODES]
    for node in nodes:
        raw = node.text(deep=True, separator=" ")
        if len(raw) > 3 * _MAX_BYLINE_CHARS:
            continue
        text = _unwrap(clean(raw))
        if not text or len(text) > _MAX_BYLINE_CHARS or _strip_prefix(text, rules) == text:
            continue
        found = []
        for name in split_names(text, rules):  # "By TPN, in News, Portugal": names up to the first non-name
            if name[:1].islower() or not name[:1].isalpha() or len(name.split()) > 4:
                break
            found.append(name)
        found = [n for n in found if not _is_site(n, sites)]
        if found:
            return found
    return []


def _from_bold_paragraph(page: ParsedPage, heading: Any, rules: BylineRules, sites: tuple[str, ...]) -> list[str]:
    """A byline printed as a paragraph of bold text at the start or end of the article ("<p><b>A/B</b></p>")."""
    scope = _scope(page, heading)
    if scope is page.tree:  # no <article>: the headline's parent when it holds the paragraphs
        scope = heading.parent if heading is not None else None
        if scope is None or scope.tag in ("body", "html"):
            return []
    paragraphs = scope.css("p")
    if len(paragraphs) < _BOLD_PARAGRAPHS:
        return []
    for node in paragraphs[:_BOLD_PARAGRAPHS] + paragraphs[-_BOLD_PARAGRAPHS:]:
        bold = node.css_first("strong, b, em")
        text = node_text(node, " ")
        if bold is None or not text or len(text) > _MAX_BOLD_BYLINE_CHARS or node_text(bold, " ") != text:
            continue
        found = split_names(text.replace("/", ", "), rules)
        if found and all(_person_like(n, rules) and not _is_site(n, sites) for n in found):
            return found
    return []


def extract_authors(page: ParsedPage, ld: JsonLd, heading: Any, sites: tuple[str, ...]) -> tuple[str, ...]:
    rules = byline_rules()
    sites = tuple(s for s in map(_squeeze, sites + _publisher_names(page)) if s)
    found = _from_jsonld(ld, rules)
    if not found or all(_is_site(n, sites) for n in found):
        meta = [n for n in _from_meta(page, rules) if not _is_site(n, sites)]
        dom = meta or _from_dom(page, heading, rules, sites) or _from_bold_paragraph(page, heading, rules, sites)
        if dom:
            found = dom
        elif not found:
            found = _from_meta(page, rules)
    people = [n for n in found if not _is_site(n, sites)] or found
    return _dedupe(people)  # an agency credited beside the writers is part of the byline ("Von A, dpa")


def _publisher_names(page: ParsedPage) -> tuple[str, ...]:
    """Publisher names from meta tags, and the parts of a long og:site_name ("A – B – C")."""
    out = [fold(_PAREN.sub(" ", v)).strip() for key in ("publisher", "copyright", "dc.publisher")
           for v in page.meta.get(key, ()) if v.strip()]
    site = page.meta_first("og:site_name")
    if site:
        out.extend(fold(part) for part in _SPLIT.split(clean(site)) if part.strip())
    return tuple(n for n in out if n)
