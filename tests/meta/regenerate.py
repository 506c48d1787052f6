"""Regenerate the golden metadata files: `python tests/meta/regenerate.py`.

Each fixture `golden/<name>.html.gz` is a trimmed news page (scripts other than JSON-LD, styles,
navigation and footers removed); `golden/<name>.json` is what extract_meta returns for it, reviewed by
hand when it changes. `--add ID...` trims pages of the shared dev benchmark into new fixtures.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
BENCH = Path("/work/shared/bench/fundus-dev.jsonl.gz")
_DROP = ("style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "form", "button", "select",
         "link", "video", "audio", "canvas", "object", "embed")
_MAX_BYTES = 100_000


def meta_to_dict(meta: Any) -> dict[str, Any]:
    def date(value: Any) -> dict[str, str] | None:
        return None if value is None else {"value": value.value, "source": value.source, "raw": value.raw}

    return {
        "title": meta.title, "kicker": meta.kicker, "teaser": meta.teaser, "authors": list(meta.authors),
        "date_published": date(meta.date_published), "date_modified": date(meta.date_modified),
        "lang": meta.lang, "site_name": meta.site_name, "section": meta.section, "tags": list(meta.tags),
        "canonical_url": meta.canonical_url, "images": [image.to_dict() for image in meta.images],
    }


def load_fixture(name: str) -> tuple[str, dict[str, Any]]:
    """(html, info) of one fixture; info holds url and fetched_at."""
    html = gzip.decompress((GOLDEN / f"{name}.html.gz").read_bytes()).decode("utf-8")
    info = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    return html, info


def run(html: str, url: str | None, fetched_at: str | None) -> dict[str, Any]:
    from fliesstext.meta import extract_meta
    from fliesstext.options import Options
    from fliesstext.parse import parse_html

    return meta_to_dict(extract_meta(parse_html(html, url), Options(), fetched_at))


def _trim(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script"):
        if "ld+json" not in (node.attributes.get("type") or "").lower():
            node.decompose()
    tree.strip_tags(list(_DROP))
    for node in tree.css("*"):
        for key in [k for k in node.attributes if k.startswith(("data-", "on")) or k in ("style", "srcset", "sizes")]:
            del node.attrs[key]
    return tree.html or ""


def add(ids: list[str]) -> None:
    wanted = set(ids)
    with gzip.open(BENCH, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] not in wanted:
                continue
            name = record["id"].split("/")[-1]
            data = gzip.compress(_trim(record["html"]).encode("utf-8"), 9, mtime=0)
            if len(data) > _MAX_BYTES:
                print(f"{name}: {len(data)} bytes after trimming, skipped", file=sys.stderr)
                continue
            (GOLDEN / f"{name}.html.gz").write_bytes(data)
            info = {"url": record["url"], "fetched_at": record["crawl_date"], "publisher": record["publisher"]}
            (GOLDEN / f"{name}.json").write_text(json.dumps(info), encoding="utf-8")


def regenerate() -> None:
    for path in sorted(GOLDEN.glob("*.html.gz")):
        name = path.name[: -len(".html.gz")]
        html, info = load_fixture(name)
        info = {k: info[k] for k in ("url", "fetched_at", "publisher")}
        info["expected"] = run(html, info["url"], info["fetched_at"])
        (GOLDEN / f"{name}.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--add", nargs="*", default=[], help="bench record ids to turn into fixtures")
    args = parser.parse_args()
    GOLDEN.mkdir(exist_ok=True)
    if args.add:
        add(args.add)
    regenerate()


if __name__ == "__main__":
    main()
