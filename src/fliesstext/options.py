"""All options in one frozen, validated value object. Presets are made with dataclasses.replace."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from .errors import OptionsError

Favor = Literal["precision", "balanced", "recall"]
_MODES = ("auto", "html", "text")
_FAVORS = ("precision", "balanced", "recall")


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    mode: Literal["auto", "html", "text"] = "auto"
    favor: Favor = "balanced"
    max_bytes: int = 50_000_000  # inputs beyond this are truncated (with a warning)
    keep_removed: bool = True  # list dropped blocks under `removed`
    keep_repairs: bool = True
    default_lang: str | None = None  # used when nothing else tells the language
    learn_templates: bool = True  # extract_many: learn per-host repeated lines/blocks (kind "template")

    def __post_init__(self) -> None:
        if self.mode not in _MODES:
            raise OptionsError(f"mode must be one of {', '.join(_MODES)}, not {self.mode!r}")
        if self.favor not in _FAVORS:
            raise OptionsError(f"favor must be one of {', '.join(_FAVORS)}, not {self.favor!r}")
        if self.max_bytes <= 0:
            raise OptionsError("max_bytes must be positive")

    def with_(self, **changes: object) -> Options:
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT_OPTIONS = Options()
