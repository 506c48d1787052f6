"""Noisy, already-extracted text -> lines -> classified blocks -> the same Meta/BodyResult as html/."""
from __future__ import annotations

from ..model import Block, BodyResult, Meta
from ..options import Options


def extract_text(text: str, url: str | None, options: Options) -> tuple[Meta, BodyResult]:
    """Placeholder: C4-style line rules. Replaced by the real cleaner."""
    blocks = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= 5 and line[-1:] in ".!?\"'“”":
            blocks.append(Block("paragraph", line))
    return Meta(), BodyResult(tuple(blocks))
