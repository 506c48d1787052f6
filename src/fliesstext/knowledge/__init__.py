"""Knowledge as data: the removed-kind vocabulary and per-language boilerplate phrases.

Loaders read package data lazily and cache the parsed files (small, immutable, shared by every page).
A contributor adds a language by adding `phrases/<iso639-1>.json`: {"<kind>": ["phrase", ...], ...}
with kinds from removed_kinds.json.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _load(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def removed_kinds() -> dict[str, str]:
    """The documented vocabulary of `removed[].kind`, kind -> description."""
    return dict(_load("removed_kinds.json"))


@lru_cache(maxsize=1)
def phrase_languages() -> tuple[str, ...]:
    folder = resources.files(__package__).joinpath("phrases")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@lru_cache(maxsize=64)
def phrases(lang: str) -> dict[str, tuple[str, ...]]:
    """Boilerplate phrases for one language, kind -> phrases (empty dict for an unknown language)."""
    if lang not in phrase_languages():
        return {}
    data = _load(f"phrases/{lang}.json")
    return {kind: tuple(values) for kind, values in data.items() if not kind.startswith("_")}
