"""Pick the article object out of a page's JSON-LD and read typed values from it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._text import clean

ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "liveblogposting", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "report",
    "scholarlyarticle", "techarticle", "socialmediaposting", "posting", "satiricalarticle", "review",
})
PAGE_TYPES = frozenset({"webpage", "itempage", "articlepage", "collectionpage", "medicalwebpage"})
ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "onlinebusiness"})


def types_of(obj: dict[str, Any]) -> frozenset[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return frozenset({value.lower().rsplit("/", 1)[-1]})
    if isinstance(value, list):
        return frozenset(v.lower().rsplit("/", 1)[-1] for v in value if isinstance(v, str))
    return frozenset()


@dataclass(frozen=True, slots=True)
class JsonLd:
    """The objects of one page that metadata reads: the article, the web page, the breadcrumb list, an id index."""

    article: dict[str, Any] | None
    articles: tuple[dict[str, Any], ...]
    webpage: dict[str, Any] | None
    breadcrumb: dict[str, Any] | None
    by_id: dict[str, dict[str, Any]]

    def resolve(self, value: Any) -> Any:
        """Follow a {"@id": ...} reference to the full object when the page has it."""
        if isinstance(value, dict) and len(value) <= 2 and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        return value

    def get(self, key: str) -> Any:
        """A value from the article (or, failing that, the web page)."""
        for obj in (self.article, self.webpage):
            if obj is not None and obj.get(key) not in (None, "", []):
                return self.resolve(obj.get(key))
        return None


def _score(obj: dict[str, Any], url: str | None) -> int:
    score = 0
    if obj.get("headline"):
        score += 4
    if obj.get("articleBody"):
        score += 2
    if obj.get("datePublished"):
        score += 2
    if obj.get("author"):
        score += 1
    if url:
        main = obj.get("mainEntityOfPage")
        ref = main.get("@id") if isinstance(main, dict) else main
        if isinstance(ref, str) and ref.rstrip("/") == url.rstrip("/"):
            score += 3
        if isinstance(obj.get("url"), str) and obj["url"].rstrip("/") == url.rstrip("/"):
            score += 3
    return score


def read_jsonld(objects: tuple[dict[str, Any], ...], url: str | None) -> JsonLd:
    by_id: dict[str, dict[str, Any]] = {}
    articles: list[dict[str, Any]] = []
    webpage = breadcrumb = None
    for obj in objects:
        ident = obj.get("@id")
        if isinstance(ident, str) and (ident not in by_id or len(obj) > len(by_id[ident])):
            by_id[ident] = obj
        kinds = types_of(obj)
        if kinds & ARTICLE_TYPES:
            articles.append(obj)
        elif kinds & PAGE_TYPES and webpage is None:
            webpage = obj
        if "breadcrumblist" in kinds and breadcrumb is None:
            breadcrumb = obj
    if webpage is not None and not articles:
        main = webpage.get("mainEntity")
        if isinstance(main, dict) and types_of(main) & ARTICLE_TYPES:
            articles.append(main)
    ranked = sorted(articles, key=lambda o: -_score(o, url))
    return JsonLd(ranked[0] if ranked else None, tuple(ranked), webpage, breadcrumb, by_id)


def names(value: Any, ld: JsonLd) -> list[str]:
    """Names from a JSON-LD value that may be a string, an object, a list of either, or an @id reference."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        item = ld.resolve(item)
        if isinstance(item, str):
            text = clean(item)
        elif isinstance(item, dict):
            text = clean(item.get("name")) if isinstance(item.get("name"), str) else ""
            if not text and (item.get("givenName") or item.get("familyName")):
                text = clean(f"{item.get('givenName') or ''} {item.get('familyName') or ''}")
        else:
            text = ""
        if text:
            out.append(text)
    return out
