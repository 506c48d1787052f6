"""Title, kicker, teaser, authors, dates (with provenance), language, site name, section, tags, images."""
from __future__ import annotations

from ..model import Meta
from ..options import Options
from ..parse import ParsedPage
from ._scan import scan
from .authors import extract_authors
from .dates import extract_dates
from .images import extract_lead_image
from .jsonld import read_jsonld
from .lang import extract_lang
from .site import extract_canonical, extract_section, extract_site_name, extract_tags
from .teaser import extract_teaser
from .title import extract_title

__all__ = ["extract_meta"]


def extract_meta(page: ParsedPage, options: Options, fetched_at: str | None = None) -> Meta:
    """All metadata of a parsed HTML page. Reads page.meta / page.jsonld / the tree; never mutates them."""
    ld = read_jsonld(page.jsonld, page.url)
    nodes = scan(page)
    head = extract_title(page, ld, nodes)
    published, modified = extract_dates(page, ld, fetched_at, head.heading_node)
    return Meta(
        title=head.title,
        kicker=head.kicker,
        teaser=extract_teaser(page, ld, head.heading_node, head.title, nodes),
        authors=extract_authors(page, ld, head.heading_node, head.site_names),
        date_published=published,
        date_modified=modified,
        lang=extract_lang(page, ld, head.title, nodes, options.default_lang),
        site_name=extract_site_name(page, ld),
        section=extract_section(page, ld),
        tags=extract_tags(page, ld),
        canonical_url=extract_canonical(page, ld),
        images=extract_lead_image(page, ld, nodes),
    )
