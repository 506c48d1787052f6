"""Regenerate tests/html/goldens.json from tests/html/cases.json with the current extractor.

Run: .venv/bin/python tests/html/regenerate_goldens.py   (then review the diff before committing it)
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def render(html: str) -> dict[str, object]:
    import fliesstext

    article = fliesstext.extract(html, url="https://example.org/artikel/1", mode="html")
    return {
        "body": [b.to_dict() for b in article.body],
        "images": [i.to_dict() for i in article.images],
        "text": article.text,
    }


def page(case: str) -> str:
    data = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    return str(data["template"]).replace("{case}", data["cases"][case])


def main() -> None:
    data = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    goldens = {name: render(page(name)) for name in data["cases"]}
    (HERE / "goldens.json").write_text(json.dumps(goldens, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
