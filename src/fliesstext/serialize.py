"""Article -> JSON-ready dict. The keys are a contract: see docs/schema.md and schema.json."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Article, DateValue


def _date(value: DateValue | None) -> tuple[str | None, str | None, str | None]:
    if value is None:
        return None, None, None
    return value.value, value.source, value.raw


def article_to_dict(article: Article) -> dict[str, Any]:
    published, published_source, published_raw = _date(article.date_published)
    modified, modified_source, modified_raw = _date(article.date_modified)
    out: dict[str, Any] = {
        "id": article.id,
        "url": article.url,
        "host": article.host,
        "canonical_url": article.canonical_url,
        "lang": article.lang,
        "title": article.title,
        "kicker": article.kicker,
        "teaser": article.teaser,
        "authors": list(article.authors),
        "date_published": published,
        "date_published_source": published_source,
        "date_published_raw": published_raw,
        "date_modified": modified,
        "date_modified_source": modified_source,
        "date_modified_raw": modified_raw,
        "site_name": article.site_name,
        "section": article.section,
        "tags": list(article.tags),
        "images": [i.to_dict() for i in article.images],
        "body": [b.to_dict() for b in article.body],
        "text": article.text,
        "removed": [r.to_dict() for r in article.removed],
        "repairs": [r.to_dict() for r in article.repairs],
        "mode": article.mode,
        "warnings": list(article.warnings),
        "source": article.source,
        "version": article.version,
    }
    for key, value in article.extras:
        out[key] = value
    return out
