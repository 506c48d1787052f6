"""Per-host templates in a pool run: workers learn the hosts routed to them; at the end the parent merges what
each worker learned into `--templates DIR` (the same result as one process that saw every page)."""
from __future__ import annotations

import os
import shutil
import tempfile

from ..options import Options


def start(templates_dir: str | None, options: Options) -> str | None:
    """A private folder where workers leave what they learned (None: nothing will be saved)."""
    if templates_dir is None or not options.learn_templates:
        return None
    return tempfile.mkdtemp(prefix="fliesstext-templates-")


def finish(templates_dir: str | None, save_dir: str | None, save: bool = True) -> int:
    """Merge the workers' templates into `templates_dir` (if `save`), remove `save_dir`; returns hosts saved."""
    if save_dir is None or templates_dir is None:
        return 0
    try:
        if not save:
            return 0
        from ..templates import TemplateStore

        base = TemplateStore.load(templates_dir)
        merged = TemplateStore.load(templates_dir)
        for name in sorted(os.listdir(save_dir)):
            part = TemplateStore.load(os.path.join(save_dir, name))
            part.observed = set(part.hosts())
            merged.merge_learned(base, part)
        merged.save(templates_dir, hosts=merged.observed)
        return len(merged.observed)
    finally:
        shutil.rmtree(save_dir, ignore_errors=True)
