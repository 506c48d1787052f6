"""The extractors `make bench` compares: fliesstext (and its presets) and the peers, each behind one adapter.

An adapter is built by a factory (which does the imports, so a missing peer fails there, not at import time)
and maps one bench record to a prediction: {text, title, authors, date_published, lang}. Only the adapter call
is timed, so every extractor pays for its own parsing and metadata, nothing else.
"""
from __future__ import annotations

import html as html_lib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

Record = dict[str, Any]
Prediction = dict[str, Any]
Adapter = Callable[[Record], Prediction]

INSTALL_HINT = "pip install -e '.[bench]'"
# C4's terminal marks (. ? ! ") widened to typographic quotes, the ellipsis and CJK full stops, for a multilingual
# set: 0.845 mean F1 on fundus-dev-text (the issue's 0.844), against 0.819 with C4's four ASCII marks alone
_C4_END = (".", "!", "?", '"', "\u201d", "\u201c", "\u00bb", "\u00ab", "'", "\u2019", "\u2026", "\u3002", "\uff01", "\uff1f")
_C4_BAD = ("javascript", "cookie")


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str  # row name in the table; "fliesstext:precision" is fliesstext with favor="precision"
    kind: str  # "html" or "text": which bench files it runs on
    module: str  # the import that must be available
    factory: Callable[[], Adapter]
    package: str  # distribution name, for the version
    note: str = ""

    def available(self) -> bool:
        return importlib.util.find_spec(self.module) is not None


def _prediction(text: str | None, title: str | None = None, authors: Any = None, date_value: Any = None,
                lang: str | None = None) -> Prediction:
    if isinstance(date_value, datetime | date):
        date_value = date_value.isoformat()
    return {"text": text or "", "title": title, "authors": authors, "date_published": date_value, "lang": lang}


# ---------------------------------------------------------------- fliesstext


def _fliesstext(mode: str, favor: str) -> Callable[[], Adapter]:
    def factory() -> Adapter:
        from fliesstext import Options, Page, extract_page

        options = Options(mode=mode, favor=favor)  # type: ignore[arg-type]
        field = "html" if mode == "html" else "text"

        def run(record: Record) -> Prediction:
            page = Page(content=record[field], url=record.get("url"), id=record.get("id"), mode=mode)  # type: ignore[arg-type]
            article = extract_page(page, options)
            published = article.date_published.value if article.date_published else None
            return {**_prediction(article.text, article.title, list(article.authors), published, article.lang),
                    "kicker": article.kicker}

        return run

    return factory


# ---------------------------------------------------------------- HTML peers


def _trafilatura_document(html: str, url: str | None) -> Prediction:
    from trafilatura import bare_extraction

    # comments are not article body: without them trafilatura scores 0.956 here, with them 0.949; the text is
    # the same as extract(html, url=url, include_comments=False)
    doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return _prediction("")
    return _prediction(doc.text, doc.title, doc.author, doc.date, doc.language)


def _trafilatura() -> Adapter:
    import trafilatura  # noqa: F401

    return lambda record: _trafilatura_document(record["html"], record.get("url"))


_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "blockquote",
               "section", "article", "pre", "dd", "dt", "figcaption", "table", "ul", "ol")


def _readability() -> Adapter:
    import lxml.html
    from readability import Document

    def run(record: Record) -> Prediction:
        doc = Document(record["html"])
        summary = doc.summary()
        tree = lxml.html.fromstring(summary) if summary.strip() else None
        text = ""
        if tree is not None:
            # text_content() glues block elements together ("end.</p><p>Next" -> "end.Next" is fine, but
            # "word</p><p>Word" would become one token): end every block with a newline first
            for element in tree.iter(*_BLOCK_TAGS):
                element.tail = "\n" + (element.tail or "")
            text = tree.text_content()
        return _prediction(text, doc.short_title())

    return run


def _resiliparse() -> Adapter:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda record: _prediction(extract_plain_text(record["html"], main_content=True))


def _newspaper() -> Adapter:
    import logging

    from newspaper import Article, Config

    logging.getLogger("newspaper").setLevel(logging.ERROR)
    config = Config()
    config.fetch_images = False
    config.memorize_articles = False
    config.follow_meta_refresh = False

    def run(record: Record) -> Prediction:
        article = Article(record.get("url") or "http://localhost/", config=config)
        article.download(input_html=record["html"])
        article.parse()
        return _prediction(article.text, article.title, list(article.authors), article.publish_date,
                           getattr(article, "meta_lang", None) or None)

    return run


# ---------------------------------------------------------------- text baselines


def c4_lines(text: str) -> str:
    """C4's line rules: keep lines ending in terminal punctuation with >= 5 words; drop javascript/cookie lines."""
    kept = []
    for raw in text.splitlines():
        line = raw.strip()
        if len(line.split()) < 5 or not line.endswith(_C4_END):
            continue
        lowered = line.casefold()
        if any(bad in lowered for bad in _C4_BAD):
            continue
        kept.append(line)
    return "\n".join(kept)


def lines_as_html(text: str) -> str:
    """Each non-empty line as one <p>: how a text-only pipeline would hand text to an HTML extractor."""
    paragraphs = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html><html><head><title></title></head><body>{paragraphs}</body></html>"


def _raw_text() -> Adapter:
    return lambda record: _prediction(record["text"])


def _c4() -> Adapter:
    return lambda record: _prediction(c4_lines(record["text"]))


def _trafilatura_lines() -> Adapter:
    import trafilatura  # noqa: F401

    return lambda record: _trafilatura_document(lines_as_html(record["text"]), record.get("url"))


# ---------------------------------------------------------------- registry

REFERENCE = "trafilatura"  # ratios in the table are to this row of the same run

EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("fliesstext", "html", "fliesstext", _fliesstext("html", "balanced"), "fliesstext"),
    Extractor("fliesstext:precision", "html", "fliesstext", _fliesstext("html", "precision"), "fliesstext"),
    Extractor("fliesstext:recall", "html", "fliesstext", _fliesstext("html", "recall"), "fliesstext"),
    Extractor("trafilatura", "html", "trafilatura", _trafilatura, "trafilatura", "default favor, no comments, txt + metadata"),
    Extractor("readability", "html", "readability", _readability, "readability-lxml", "summary() text, short_title"),
    Extractor("resiliparse", "html", "resiliparse", _resiliparse, "resiliparse", "main_content=True"),
    Extractor("newspaper4k", "html", "newspaper", _newspaper, "newspaper4k"),
    Extractor("fliesstext", "text", "fliesstext", _fliesstext("text", "balanced"), "fliesstext"),
    Extractor("fliesstext:precision", "text", "fliesstext", _fliesstext("text", "precision"), "fliesstext"),
    Extractor("fliesstext:recall", "text", "fliesstext", _fliesstext("text", "recall"), "fliesstext"),
    Extractor("trafilatura", "text", "trafilatura", _trafilatura_lines, "trafilatura", "lines fed as <p>"),
    Extractor("c4", "text", "fliesstext", _c4, "fliesstext", "C4 line rules"),
    Extractor("raw", "text", "fliesstext", _raw_text, "fliesstext", "the input text as is"),
)


def extractors_for(kind: str, only: set[str] | None = None) -> list[Extractor]:
    """The extractors for one kind of file; `only` selects by base name ("fliesstext" includes its presets)."""
    return [e for e in EXTRACTORS if e.kind == kind and (not only or e.name.split(":")[0] in only or e.name in only)]


def get(name: str, kind: str) -> Extractor:
    for extractor in EXTRACTORS:
        if extractor.name == name and extractor.kind == kind:
            return extractor
    raise KeyError(f"no extractor {name!r} for {kind} files")

