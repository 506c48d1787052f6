"""Refresh tests/text/taz-nordkorea.expected.json from ../shared/examples (the golden is shared data)."""
from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1].parent / "shared" / "examples" / "taz-nordkorea.expected.json"

if __name__ == "__main__":
    if SOURCE.exists():
        shutil.copyfile(SOURCE, HERE / SOURCE.name)
        print(f"copied {SOURCE}")
    else:
        print(f"skipped: {SOURCE} not found")
