"""Title, kicker, teaser, authors, dates (with provenance), language, site name, section, tags, images."""
from __future__ import annotations

from ..model import Meta
from ..options import Options
from ..parse import ParsedPage


def extract_meta(page: ParsedPage, options: Options, fetched_at: str | None = None) -> Meta:
    """Placeholder: og:title or <title>, html lang. Replaced by the real extractor."""
    title = page.meta_first("og:title") or page.title_tag
    lang = (page.html_lang or "").split("-")[0].lower() or None
    return Meta(title=title, lang=lang, site_name=page.meta_first("og:site_name"))
