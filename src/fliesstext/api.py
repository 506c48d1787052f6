"""The public entry points: extract() for one page, extract_many() for a stream of pages."""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from urllib.parse import urljoin

from . import __version__
from .errors import FliesstextError, InputError
from .ingest.decode import decode_bytes
from .model import Article, Block, BodyResult, Failure, Image, Meta, Page, Removed
from .options import DEFAULT_OPTIONS, Options
from .templates import HostTemplate, TemplateStore, filter_body, observe_article
from .urlhost import url_host

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|p|article|title)\b", re.I | re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")


def detect_mode(text: str) -> str:
    """'html' if the input is markup, 'text' if it is already-extracted text (maybe with a few tags)."""
    head = text[:5000]
    if _HTML_START.match(head):
        return "html"
    tags = _TAG.findall(head)
    closing = sum(1 for slash, _ in tags if slash)
    return "html" if len(tags) >= 20 and closing >= 5 else "text"



def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _near_size(size: int, targets: list[int]) -> bool:
    """Could a text of this length equal one of the targets once whitespace is collapsed? (skips _norm)"""
    return any(0.8 * target - 5 <= size <= 2 * target + 20 for target in targets)  # casefold may lengthen (ß)


def _merge_images(lead: tuple[Image, ...], body: tuple[Image, ...]) -> tuple[Image, ...]:
    seen: set[str] = set()
    out: list[Image] = []
    for image in body + lead:
        key = image.src or image.caption or image.alt or ""
        if key in seen:
            continue
        seen.add(key)
        out.append(image)
    return tuple(out)


def _absolute(images: tuple[Image, ...], base: str | None) -> tuple[Image, ...]:
    """Image links made absolute against the page URL (or the canonical URL when no URL was given)."""
    if not base:
        return images
    return tuple(replace(i, src=urljoin(base, i.src)) if i.src and "://" not in i.src[:12] and not
                 i.src.startswith("data:") else i for i in images)


def assemble(meta: Meta, body: BodyResult, page: Page, mode: str, warnings: tuple[str, ...] = ()) -> Article:
    """Merge metadata and body: the teaser is taken out of the body so `text` has it exactly once."""
    blocks: tuple[Block, ...] = body.blocks
    removed: tuple[Removed, ...] = body.removed
    teaser = _norm(meta.teaser) if meta.teaser else None
    title = _norm(meta.title) if meta.title else None
    if teaser or title:
        sizes = [len(t) for t in (teaser, title) if t]
        normed = [(b, _norm(b.text) if _near_size(len(b.text), sizes) else "") for b in blocks]
        dropped = tuple(Removed("title", b.text, "same text as the title") for b, n in normed if n == title)
        blocks = tuple(b for b, n in normed if n != teaser and n != title)
        removed = removed + dropped
    return Article(
        url=page.url, host=url_host(page.url) or url_host(meta.canonical_url), lang=meta.lang, title=meta.title,
        kicker=meta.kicker, teaser=meta.teaser, authors=meta.authors, date_published=meta.date_published,
        date_modified=meta.date_modified, site_name=meta.site_name, section=meta.section, tags=meta.tags,
        canonical_url=meta.canonical_url, body=blocks, removed=removed, repairs=body.repairs,
        images=_absolute(_merge_images(meta.images, body.images), page.url or meta.canonical_url),
        mode=mode, warnings=warnings + body.warnings, id=page.id, source=page.source,  # type: ignore[arg-type]
        version=__version__,
    )


def _apply_late_template(article: Article, template: HostTemplate | None) -> Article:
    """Template of a host known only after extraction (no URL given; the page's canonical URL names it)."""
    if template is None:
        return article
    body = filter_body(BodyResult(article.body, article.removed), template)
    return replace(article, body=body.blocks, removed=body.removed)


def _to_text(page: Page, options: Options) -> tuple[str, bytes | None, tuple[str, ...]]:
    """The page as text, plus its bytes when they are that text's exact UTF-8 (the parser then takes them as
    they are instead of encoding the text again), plus warnings."""
    warnings: list[str] = []
    content = page.content
    if len(content) > options.max_bytes:
        content = content[: options.max_bytes]
        warnings.append(f"input truncated to {options.max_bytes} bytes")
    if not isinstance(content, bytes):
        return content, None, tuple(warnings)
    decoded = decode_bytes(content, page.http_charset)
    if decoded.warning:
        warnings.append(decoded.warning)
    exact = decoded.encoding == "utf-8" and decoded.warning is None and not content.startswith(codecs.BOM_UTF8)
    utf8 = content if exact else None  # strictly decoded UTF-8: the bytes are the text
    return decoded.text, utf8, tuple(warnings)


def extract_page(page: Page, options: Options = DEFAULT_OPTIONS, template: HostTemplate | None = None) -> Article:
    """Extract one Page. Raises only FliesstextError subclasses. `template`: the page's learned host template."""
    from .html import extract_body
    from .meta import extract_meta
    from .text import extract_text

    if page.mode == "warc-gz":
        raise InputError("a 'warc-gz' page is a compressed WARC record for the batch runner: "
                         "read it with fliesstext.ingest.warc_split.open_member first")
    text, utf8, warnings = _to_text(page, options)
    if not text or text.isspace():
        return assemble(Meta(), BodyResult(()), page, "text", warnings + ("empty input",))
    mode: str = page.mode if page.mode != "auto" else options.mode
    if mode == "auto":
        mode = detect_mode(text)
    if mode == "html":
        from .parse import parse_html
        from .repair import repair_body, repair_meta

        parsed = parse_html(text if utf8 is None else utf8, page.url)
        meta, meta_repairs = repair_meta(extract_meta(parsed, options, fetched_at=page.fetched_at))
        body = extract_body(parsed, options, meta)
        if template is not None:
            body = filter_body(body, template)
        body = repair_body(body, options.keep_repairs, meta_repairs)
    else:
        if "\x00" in text:  # the HTML parser handles NUL itself; text mode must not see it
            text = text.replace("\x00", "")
            warnings += ("NUL characters removed",)
        meta, body = extract_text(text, page.url, options, template, page.fetched_at)
    article = assemble(meta, body, page, mode, warnings)
    if not article.body and not article.teaser:
        article = _with_warning(article, "no article body found")
    return article


def _with_warning(article: Article, warning: str) -> Article:
    return replace(article, warnings=article.warnings + (warning,))


def extract(
    content: str | bytes,
    url: str | None = None,
    mode: str = "auto",
    options: Options | None = None,
) -> Article:
    """Extract the article from one page: raw HTML or already-extracted text, as str or bytes."""
    opts = options or DEFAULT_OPTIONS
    if mode != opts.mode:
        opts = opts.with_(mode=mode)
    return extract_page(Page(content=content, url=url, mode=opts.mode), opts)


def extract_many(
    pages: Iterable[Page | str | bytes], options: Options | None = None, templates: TemplateStore | None = None
) -> Iterator[Article | Failure]:
    """One record out per page in: an Article, or a Failure saying why. Never stops on a bad page.

    Per host (from the page URL) it learns the lines/blocks that repeat across pages and removes them as
    kind `template` from later pages; pass a loaded `TemplateStore` to start from saved templates (it is
    updated in place), or set `Options(learn_templates=False)` to switch learning off.
    """
    opts = options or DEFAULT_OPTIONS
    store = templates if templates is not None else (TemplateStore() if opts.learn_templates else None)
    for index, item in enumerate(pages):
        page = item if isinstance(item, Page) else Page(content=item, id=str(index))
        try:
            host = url_host(page.url)
            template = store.template(host) if store is not None and host else None
            article = extract_page(page, opts, template)
            if store is not None and host is None and article.host:
                article = _apply_late_template(article, store.template(article.host))
            yield observe_article(store, article) if store is not None else article
        except FliesstextError as err:
            yield Failure(page.source or page.id or str(index), type(err).__name__, str(err), "extract", page.id)
        except Exception as err:  # a bug or a pathological page: reported as a record, the batch goes on
            yield Failure(page.source or page.id or str(index), type(err).__name__, str(err) or repr(err), "extract", page.id)
