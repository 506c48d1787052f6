"""Does text mode generalise beyond the one renderer it was tuned on? Score it on other scrapers' renderings.

`../shared/bench/fundus-dev-text.jsonl.gz` renders each page with inscriptis. Users feed text from other tools,
so this script renders the same HTML pages (`fundus-dev.jsonl.gz`) in other ways and scores text mode on each,
beside the original rendering:

- `resiliparse`: resiliparse `extract_plain_text(html, main_content=False)` (bullets as '•', no indentation);
- `innertext`: a browser-like innerText: one line per block element, a blank line around paragraphs, table
  cells separated by tabs, no indentation, no markers;
- `markdown`: html2text-like Markdown hard-wrapped at 78 columns: '#' headings, '*' / '1.' list items,
  `[text](url)` links, `**bold**` / `_em_`, `![alt](src)` images, '> ' quotes;
- `wrapped`: the innerText rendering with every line hard-wrapped at 80 columns (lynx / mail / fixed-width dumps).

Renderings are cached as jsonl.gz in `bench/results/renderings/` (git-ignored; pass --rebuild to redo them),
in the format of fundus-dev-text (the HTML record without `html`, plus `text` and `text_coverage`).

Run: .venv/bin/python -m bench.text_renderings [--only markdown,innertext] [--limit N] [--rebuild] [--worst 5]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fliesstext import Options, Page, extract_page
from fliesstext.evaluate import evaluate_records, read_jsonl, render_table

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "bench"
HTML_DATA = SHARED / "fundus-dev.jsonl.gz"
ORIGINAL = SHARED / "fundus-dev-text.jsonl.gz"
OUT = REPO / "bench" / "results" / "renderings"
WRAP = 78  # html2text's default body width
WRAP_PLAIN = 80  # fixed-width dumps (lynx -dump, mail, WET-like text)

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas",
                   "select", "option", "button", "input", "textarea", "map"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "summary",
    "caption", "menu", "body", "html", "center", "picture", "video", "audio",
})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "table", "hr"})
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


# ---------------------------------------------------------------- renderers


def _is_hidden(element: Any) -> bool:
    attrib = element.attrib
    return "hidden" in attrib or bool(_HIDDEN_STYLE.search(attrib.get("style", "")))


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _parse(html: str) -> Any:
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    return lxml.html.document_fromstring(html or "<html></html>")


class _Writer:
    """Collects inline text into blocks; each block ends with the number of line breaks it asks for."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.blocks: list[tuple[str, str, int]] = []  # (prefix, inline text, line breaks after)
        self.buffer: list[str] = []
        self.prefix: list[str] = []
        self.pending_prefix: str | None = None

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value)

    def flush(self, breaks: int) -> None:
        text = _SPACE.sub(" ", "".join(self.buffer)).strip()
        if text and not text.strip("#"):  # '## ' then a block inside the heading: the marker goes to its text
            return
        self.buffer = []
        if text and text not in ("**", "__", "[]()", "_", "*"):
            prefix = "".join(self.prefix)
            if self.pending_prefix is not None:
                prefix, self.pending_prefix = prefix[: -len(self.pending_prefix) or None] + self.pending_prefix, None
            self.blocks.append((prefix, text, breaks))
        elif self.blocks:
            last = self.blocks[-1]
            self.blocks[-1] = (last[0], last[1], max(last[2], breaks))

    def render(self, wrap: int | None) -> str:
        out: list[str] = []
        for prefix, text, breaks in self.blocks:
            if wrap and len(prefix) + len(text) > wrap and not text.startswith("#"):
                rest = " " * len(prefix) if prefix.strip() and not prefix.strip().startswith(">") else prefix
                lines = textwrap.wrap(text, wrap, initial_indent=prefix, subsequent_indent=rest,
                                      break_long_words=False, break_on_hyphens=False)
                out.append("\n".join(lines))
            else:
                out.append(prefix + text)
            out.append("\n" * breaks)
        return "".join(out).strip() + "\n"


def _walk(element: Any, writer: _Writer, counters: list[int]) -> None:
    tag = _tag(element)
    if not tag or tag in _SKIP or _is_hidden(element):
        writer.text(element.tail)
        return
    md = writer.markdown
    block = tag in _BLOCK or tag in ("td", "th", "br", "img")
    if tag == "br":
        writer.flush(1)
    elif tag == "img":
        if md and (src := element.get("src")) and not src.startswith("data:"):
            writer.flush(1)
            writer.text(f"![{element.get('alt', '')}]({src})")
            writer.flush(2)
        block = False
    elif tag in _BLOCK:
        writer.flush(2 if tag in _PARAGRAPH else 1)
    _open(element, tag, writer, counters)
    writer.text(element.text)
    for child in element:
        _walk(child, writer, counters)
    _close(element, tag, writer, counters)
    if block and tag not in ("br", "img"):
        writer.flush(2 if tag in _PARAGRAPH else 1)
    writer.text(element.tail)


def _open(element: Any, tag: str, writer: _Writer, counters: list[int]) -> None:
    if tag in ("td", "th"):
        writer.text("\t")
    if not writer.markdown:
        return
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        writer.text("#" * int(tag[1]) + " ")
    elif tag in ("ul", "ol"):
        counters.append(0 if tag == "ol" else -1)
        writer.prefix.append("  " if len(counters) > 1 else "")
    elif tag == "li":
        if counters and counters[-1] >= 0:
            counters[-1] += 1
            writer.pending_prefix = f"{counters[-1]}. "
        else:
            writer.pending_prefix = "* "
        writer.prefix.append(" " * len(writer.pending_prefix))
    elif tag == "blockquote":
        writer.prefix.append("> ")
    elif tag in ("strong", "b"):
        writer.text("**")
    elif tag in ("em", "i"):
        writer.text("_")
    elif tag == "a" and (href := element.get("href")) and not href.startswith(("javascript:", "#")):
        writer.text("[")


def _close(element: Any, tag: str, writer: _Writer, counters: list[int]) -> None:
    if not writer.markdown:
        return
    if tag in ("ul", "ol"):
        if counters:
            counters.pop()
        if writer.prefix:
            writer.prefix.pop()
    elif tag == "li":
        writer.flush(1)
        if writer.prefix:
            writer.prefix.pop()
        writer.pending_prefix = None
    elif tag == "blockquote":
        writer.flush(2)
        if writer.prefix:
            writer.prefix.pop()
    elif tag in ("strong", "b"):
        writer.text("**")
    elif tag in ("em", "i"):
        writer.text("_")
    elif tag == "a" and (href := element.get("href")) and not href.startswith(("javascript:", "#")):
        writer.text(f"]({href})")


def render_tree(html: str, markdown: bool, wrap: int | None = None) -> str:
    """innerText-like plain text (markdown=False) or html2text-like Markdown of a whole page's <body>."""
    root = _parse(html)
    body = root.find("body")
    writer = _Writer(markdown)
    _walk(body if body is not None else root, writer, [])
    writer.flush(0)
    return writer.render(wrap)


def render_resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(html, main_content=False))


RENDERERS: dict[str, Callable[[str], str]] = {
    "resiliparse": render_resiliparse,
    "innertext": lambda html: render_tree(html, markdown=False),
    "markdown": lambda html: render_tree(html, markdown=True, wrap=WRAP),
    "wrapped": lambda html: render_tree(html, markdown=False, wrap=WRAP_PLAIN),
}


# ---------------------------------------------------------------- data


def _coverage(text: str, paragraphs: list[str]) -> float:
    flat = _SPACE.sub(" ", text)
    found = [p for p in paragraphs if _SPACE.sub(" ", p).strip() in flat]
    return len(found) / len(paragraphs) if paragraphs else 1.0


def build(name: str, records: list[dict[str, Any]]) -> Path:
    """Render every HTML record with one renderer and write the text-mode records (gzip JSON Lines)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.jsonl.gz"
    render = RENDERERS[name]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            text = render(record["html"])
            out = {k: v for k, v in record.items() if k != "html"}
            out["text"] = text
            out["text_coverage"] = round(_coverage(text, record["expected"].get("paragraphs") or []), 3)
            handle.write(json.dumps(out, ensure_ascii=False) + "\n")
    return path


def _predict(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    options = Options(mode="text")
    predictions: list[dict[str, Any]] = []
    cpu = 0.0
    for record in records:
        page = Page(content=record["text"], url=record.get("url"), id=record.get("id"), mode="text")
        started = time.process_time()
        article = extract_page(page, options)
        cpu += time.process_time() - started
        published = article.date_published.value if article.date_published else None
        predictions.append({"id": record.get("id"), "text": article.text, "title": article.title,
                            "kicker": article.kicker, "authors": list(article.authors),
                            "date_published": published, "lang": article.lang})
    return predictions, 1000 * cpu / max(1, len(records))


def _row(name: str, result: dict[str, Any], ms: float) -> list[str]:
    def fmt(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    body = result["body"]
    return [name, fmt(body["precision"]["mean"]), fmt(body["recall"]["mean"]), fmt(body["f1"]["mean"]),
            fmt(body["f1"]["median"]), fmt(result["title"]["accuracy"]), fmt(result["title_kicker"]["accuracy"]),
            fmt(result["date"]["accuracy"]), fmt(result["authors"]["accuracy"]), f"{ms:.1f}"]


def _renderings(only: list[str], rebuild: bool, limit: int | None) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    if "original" in only:
        yield "original", read_jsonl(ORIGINAL)[:limit]
    names = [n for n in only if n in RENDERERS]
    html: list[dict[str, Any]] | None = None
    for name in names:
        path = OUT / f"{name}.jsonl.gz"
        if rebuild or not path.exists():
            html = html if html is not None else read_jsonl(HTML_DATA)
            build(name, html)
        yield name, read_jsonl(path)[:limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(["original", *RENDERERS]), help="renderings, comma-separated")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rebuild", action="store_true", help="render the HTML again")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages by body F1 per rendering")
    parser.add_argument("--save", action="store_true", help="write predictions next to the renderings")
    args = parser.parse_args(argv)
    only = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in only if n != "original" and n not in RENDERERS]
    if unknown:
        parser.error(f"unknown rendering(s): {', '.join(unknown)}; known: original, {', '.join(RENDERERS)}")
    rows, notes = [], []
    for name, records in _renderings(only, args.rebuild, args.limit):
        predictions, ms = _predict(records)
        result = evaluate_records(predictions, records)
        rows.append(_row(name, result, ms))
        if args.save:
            OUT.mkdir(parents=True, exist_ok=True)
            with open(OUT / f"{name}.predictions.jsonl", "w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions)
        if args.worst:
            worst = sorted(result["pages"], key=lambda p: p["f1"])[: args.worst]
            notes.append(f"{name}: " + ", ".join(f"{p['id']} {p['f1']:.2f}" for p in worst))
    header = ("rendering", "P mean", "R mean", "F1 mean", "F1 median", "title", "title+kicker", "date", "authors",
              "ms/page")
    print("\n".join(render_table(header, rows)))
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
