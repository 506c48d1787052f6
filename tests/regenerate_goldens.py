"""Regenerate every golden file: runs each `tests/**/regenerate*.py` script except this one."""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(p for p in HERE.rglob("regenerate*.py") if p.resolve() != Path(__file__).resolve())
    for script in scripts:
        print(f"regenerating: {script.relative_to(HERE.parent)}")
        runpy.run_path(str(script), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
