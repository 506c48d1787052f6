"""Lazy loaders for the meta_*.json knowledge files (parsed once per process, immutable afterwards)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..knowledge import load_json


def _load(name: str) -> dict[str, Any]:
    """A meta_*.json file without its `_about`-style comment keys."""
    return {k: v for k, v in load_json(name).items() if not k.startswith("_")}


@dataclass(frozen=True, slots=True)
class BylineRules:
    prefixes: tuple[str, ...]  # longest first
    prefix_pattern: re.Pattern[str]  # any prefix at the start of a byline, case-insensitive
    roles: frozenset[str]
    role_phrases: tuple[str, ...]  # roles of several words, matched at the end of a name
    role_suffix_words: frozenset[str]
    joiners: frozenset[str]
    agencies: frozenset[str]
    not_names: frozenset[str]
    labels: frozenset[str]
    desk_words: frozenset[str]  # "IN-Redaktion": a one-word staff byline


@dataclass(frozen=True, slots=True)
class TitleRules:
    source_weights: dict[str, float]
    unrecognised_cut: float
    kicker_cut: float
    max_kicker_words: int
    site_separators: tuple[str, ...]
    kicker_separators: tuple[str, ...]
    max_site_words: int
    unconfirmed_heading_overlap: float  # share of a heading's words the other sources must hold ...
    unconfirmed_heading_weight: float  # ... else its vote counts this much
    kicker_classes: tuple[str, ...]
    teaser_classes: tuple[str, ...]
    teaser_pattern: re.Pattern[str]  # any teaser class token
    teaser_min_chars: int
    teaser_max_chars: int


@dataclass(frozen=True, slots=True)
class DateRules:
    published_meta: tuple[str, ...]
    modified_meta: tuple[str, ...]


@lru_cache(maxsize=1)
def byline_rules() -> BylineRules:
    data = _load("meta_bylines.json")
    prefixes = {p for values in data["prefixes"].values() for p in values}
    ordered = tuple(sorted(prefixes, key=len, reverse=True))
    alternatives = "|".join(re.escape(p) + ("" if p.endswith((":", "：")) else r"(?!\w)") for p in ordered)
    return BylineRules(
        prefixes=ordered,
        prefix_pattern=re.compile(rf"^(?:{alternatives})[\s:：\u00a0]*", re.I),
        roles=frozenset(data["roles"]),
        role_phrases=tuple(r for r in data["roles"] if " " in r),
        role_suffix_words=frozenset(data["role_suffix_words"]),
        joiners=frozenset(data["joiners"]),
        agencies=frozenset(data["agencies"]),
        not_names=frozenset(data["not_names"]),
        labels=frozenset(data["labels"]),
        desk_words=frozenset(data["desk_words"]),
    )


@lru_cache(maxsize=1)
def title_rules() -> TitleRules:
    data = _load("meta_titles.json")
    return TitleRules(
        source_weights={k: float(v) for k, v in data["source_weights"].items()},
        unrecognised_cut=float(data["unrecognised_cut"]),
        kicker_cut=float(data["kicker_cut"]),
        max_kicker_words=int(data["max_kicker_words"]),
        site_separators=tuple(data["site_separators"]),
        kicker_separators=tuple(data["kicker_separators"]),
        max_site_words=int(data["max_site_words"]),
        unconfirmed_heading_overlap=float(data["unconfirmed_heading_overlap"]),
        unconfirmed_heading_weight=float(data["unconfirmed_heading_weight"]),
        kicker_classes=tuple(data["kicker_classes"]),
        teaser_classes=tuple(data["teaser_classes"]),
        teaser_pattern=re.compile("|".join(re.escape(t) for t in data["teaser_classes"])),
        teaser_min_chars=int(data["teaser_min_chars"]),
        teaser_max_chars=int(data["teaser_max_chars"]),
    )


@lru_cache(maxsize=1)
def date_rules() -> DateRules:
    """Which meta tags carry the dates (month names live with the shared parser, fliesstext.dates)."""
    data = _load("meta_dates.json")
    return DateRules(tuple(data["published_meta"]), tuple(data["modified_meta"]))


@dataclass(frozen=True, slots=True)
class LangRules:
    override_prob: float
    confirm_share: float
    confirm_words: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def lang_rules() -> LangRules:
    data = _load("meta_lang.json")
    words = {lang: frozenset(values) for lang, values in data["confirm_words"].items()}
    return LangRules(float(data["override_prob"]), float(data["confirm_share"]), words)
