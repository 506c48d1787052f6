"""Noisy, already-extracted text -> lines -> classified blocks -> the same Meta/BodyResult as html/.

Stages: character repairs -> lines with layout features -> language -> phrase labels -> line scores ->
article region (max-sum run) -> labels inside and outside the region -> title/kicker/teaser -> blocks.
The headline is found by where it sits: above the body and right above its header cluster (a byline or date
line within a few lines below it); bylines, dates and bare author names are read from that cluster, then from
a labelled line ('Datum 28.04.2023', 'Autor: ...') near the text, then from a byline further up, then from a
name alone below the last paragraph (a signature). Date lines keep their seconds and time zone when they print
them; a relative time beside the headline ('vor 14 Minuten') is read only against the page's fetch time.
"""
from __future__ import annotations

from ..model import BodyResult, Meta
from ..options import Options
from ..templates import HostTemplate
from .pipeline import run


def extract_text(
    text: str, url: str | None, options: Options, template: HostTemplate | None = None, fetched_at: str | None = None
) -> tuple[Meta, BodyResult]:
    """Clean one already-extracted text: every dropped line lands in `removed`, every repair in `repairs`.

    With a learned host `template`, lines that repeat across the host's pages are removed as `template`
    and count as boilerplate when the article region is chosen. `fetched_at` (ISO 8601) dates a page that only
    prints a relative time ('vor 14 Minuten', '7 hours ago').
    """
    return run(text, url, options, template, fetched_at)


__all__ = ["extract_text"]
