"""Repairs: pure functions str -> (str, list[Repair]) for damage that scrapers and renderers leave in text."""
from __future__ import annotations

from .blocks import repair_body, repair_meta
from .chars import (
    fix_mojibake,
    remove_soft_hyphens,
    remove_zero_width,
    repair_characters,
    strip_stray_tags,
    unescape_entities,
)
from .lines import dedupe_doubled, fix_drop_cap, has_drop_cap, join_hyphenated
from .wrap import join_wrapped, rejoin_wrapped, wrap_width

__all__ = [
    "dedupe_doubled", "fix_drop_cap", "has_drop_cap", "fix_mojibake", "join_hyphenated", "join_wrapped", "rejoin_wrapped", "remove_soft_hyphens",
    "remove_zero_width", "repair_body", "repair_characters", "repair_meta", "strip_stray_tags", "unescape_entities", "wrap_width",
]
