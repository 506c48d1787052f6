"""DOM -> typed blocks with features -> scores -> the selected body region; the rest labelled as removed."""
from __future__ import annotations

from ..model import Block, BodyResult, Meta
from ..options import Options
from ..parse import ParsedPage


def extract_body(page: ParsedPage, options: Options, meta: Meta | None = None) -> BodyResult:
    """Placeholder: every <p> with text. Replaced by the real extractor."""
    blocks = []
    for node in page.tree.css("p"):
        text = " ".join(node.text(deep=True).split())
        if text:
            blocks.append(Block("paragraph", text))
    return BodyResult(tuple(blocks))
