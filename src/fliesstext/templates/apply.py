"""Apply a host template to a body (HTML mode, after extraction) and learn from finished articles."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Article, BodyResult, Page, Removed
from ..options import Options
from .store import HostTemplate, TemplateStore

MAX_BODY_SHARE = 0.6  # the template may take at most this share of a body's text
TEMPLATE_REASON = "repeats on {pages} of {total} pages of {host}"


def filter_body(body: BodyResult, template: HostTemplate) -> BodyResult:
    """Move body blocks that belong to the host template into `removed` (kind template)."""
    blocks = body.blocks
    texts = [block.text for block in blocks]
    pages_of = template.pages_of(texts)
    if pages_of.count(None) == len(blocks):
        return body
    total = sum(map(len, texts))
    kept_chars = sum(len(text) for text, pages in zip(texts, pages_of, strict=True) if pages is None)
    if total and kept_chars < (1 - MAX_BODY_SHARE) * total:
        return body  # most of the body "repeats": a re-crawled or syndicated article, not site chrome
    kept = []
    removed = list(body.removed)
    for block, pages in zip(blocks, pages_of, strict=True):
        if pages is None:
            kept.append(block)
            continue
        reason = TEMPLATE_REASON.format(pages=pages, total=template.pages, host=template.host)
        removed.append(Removed("template", block.text, reason, pages))
    return replace(body, blocks=tuple(kept), removed=tuple(removed))


def _own_texts(article: Article) -> list[str]:
    """The article's body blocks, title, kicker and teaser."""
    texts = [block.text for block in article.body]
    texts.extend(value for value in (article.title, article.kicker, article.teaser) if value)
    return texts


def article_texts(article: Article) -> list[str]:
    """Every line/block of the page the article knows about: what a template is learned from."""
    texts = _own_texts(article)
    for removed in article.removed:  # a removed entry may hold several lines (a menu): learn them one by one
        texts.extend(removed.text.split("\n"))
    return texts


def observe_article(store: TemplateStore, article: Article) -> Article:
    """Learn from one finished article; add a warning naming the host if its layout seems broken.
    Learns what article_texts lists, but hands the removed entries over whole (the store splits a menu once)."""
    multiline = [removed.text for removed in article.removed]
    warning = store.observe(article.host, _own_texts(article), article.text_length, article.url, multiline)
    if warning is None:
        return article
    return replace(article, warnings=article.warnings + (warning,))


def learn_templates(pages: Iterable[Page | str | bytes], options: Options | None = None) -> TemplateStore:
    """First pass of a two-pass batch: learn every host's template from all pages, then freeze the store.

    `extract_many(pages, templates=learn_templates(pages))` lets the first pages of a host benefit too
    (a single pass learns as it goes, so a host's first pages are extracted without its template).
    """
    from ..api import extract_many

    store = TemplateStore()
    for _ in extract_many(pages, options, templates=store):
        pass
    store.learning = False
    return store
