"""Lazy loaders for the meta_*.json knowledge files (parsed once per process, immutable afterwards)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    text = resources.files("fliesstext.knowledge").joinpath(name).read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@dataclass(frozen=True, slots=True)
class BylineRules:
    prefixes: tuple[str, ...]  # longest first
    roles: frozenset[str]
    role_suffix_words: frozenset[str]
    joiners: frozenset[str]
    agencies: frozenset[str]
    not_names: frozenset[str]


@dataclass(frozen=True, slots=True)
class TitleRules:
    site_separators: tuple[str, ...]
    kicker_separators: tuple[str, ...]
    max_site_words: int
    kicker_classes: tuple[str, ...]
    teaser_classes: tuple[str, ...]
    teaser_min_chars: int
    teaser_max_chars: int


@dataclass(frozen=True, slots=True)
class DateRules:
    published_meta: tuple[str, ...]
    modified_meta: tuple[str, ...]
    months: dict[str, int]  # lower-case month name -> 1..12, all languages


@lru_cache(maxsize=1)
def byline_rules() -> BylineRules:
    data = _load("meta_bylines.json")
    prefixes = {p for values in data["prefixes"].values() for p in values}
    return BylineRules(
        prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        roles=frozenset(data["roles"]),
        role_suffix_words=frozenset(data["role_suffix_words"]),
        joiners=frozenset(data["joiners"]),
        agencies=frozenset(data["agencies"]),
        not_names=frozenset(data["not_names"]),
    )


@lru_cache(maxsize=1)
def title_rules() -> TitleRules:
    data = _load("meta_titles.json")
    return TitleRules(
        site_separators=tuple(data["site_separators"]),
        kicker_separators=tuple(data["kicker_separators"]),
        max_site_words=int(data["max_site_words"]),
        kicker_classes=tuple(data["kicker_classes"]),
        teaser_classes=tuple(data["teaser_classes"]),
        teaser_min_chars=int(data["teaser_min_chars"]),
        teaser_max_chars=int(data["teaser_max_chars"]),
    )


@lru_cache(maxsize=1)
def date_rules() -> DateRules:
    data = _load("meta_dates.json")
    months: dict[str, int] = {}
    for names in data["months"].values():
        for index, name in enumerate(names, start=1):
            months.setdefault(name, index)
    return DateRules(tuple(data["published_meta"]), tuple(data["modified_meta"]), months)


@dataclass(frozen=True, slots=True)
class LangRules:
    confirm_share: float
    confirm_words: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def lang_rules() -> LangRules:
    data = _load("meta_lang.json")
    words = {lang: frozenset(values) for lang, values in data["confirm_words"].items()}
    return LangRules(float(data["confirm_share"]), words)
