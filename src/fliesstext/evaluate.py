"""Score any extractor's output against gold records, field by field (the scorer of `make bench` and `fliesstext eval`).

The scorer is the one documented in ../shared/bench/README.md, so figures are comparable across tools and runs:

- body: bag-of-words precision / recall / F1 per page over casefolded ``\\w+`` tokens with multiset overlap,
  then averaged over pages (mean and median). Both sides empty scores 1.0; exactly one side empty scores 0.0.
- title: exact match after NFC, whitespace collapsing and unifying typographic quotes and apostrophes.
  `title_kicker` also counts "kicker: title" as a match: fliesstext splits the kicker off (as issue 6 asks),
  while some publishers' expected titles keep it glued on ("LTE-Patent: Samsung soll ...").
- date: the same calendar day, read from the date part of the ISO string as written (the page's local day;
  no time-zone conversion). Records whose gold date is null are skipped.
- authors: set F1 after casefold + whitespace normalisation. Records whose gold authors is null are skipped
  (the gold source has no authors attribute there); an empty gold list is scored like any other set.
- lang (when the gold record has one): the primary subtag, casefolded ("de-AT" counts as "de").

A field that no prediction fills at all (an extractor without an authors field, say) is reported as not
predicted (accuracy None), not as 0.

Standard library only, so the CLI and the tests can import it without the bench extras.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Typographic quotes and apostrophes -> their ASCII forms, so a title is not wrong for its quote style.
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u2039": "'", "\u203a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
})


# ---------------------------------------------------------------- field scorers


def tokens(text: str | None) -> Counter[str]:
    """The bag of words the body score compares: casefolded ``\\w+`` tokens with their counts."""
    return Counter(_WORD.findall(text.casefold())) if text else Counter()


def body_prf(predicted: str | None, expected: str | None) -> tuple[float, float, float]:
    """(precision, recall, F1) of the predicted body's tokens against the expected body's tokens."""
    pred, gold = tokens(predicted), tokens(expected)
    n_pred, n_gold = sum(pred.values()), sum(gold.values())
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    if n_pred == 0 or n_gold == 0:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & gold).values())
    precision, recall = overlap / n_pred, overlap / n_gold
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def normalize_title(title: str | None) -> str:
    """NFC, typographic quotes unified, whitespace collapsed and stripped (case is kept: titles are exact)."""
    if not title:
        return ""
    text = unicodedata.normalize("NFC", title).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def title_match(predicted: str | None, expected: str | None) -> bool:
    return normalize_title(predicted) == normalize_title(expected)


def date_day(value: Any) -> str | None:
    """The calendar day 'YYYY-MM-DD' at the start of an ISO 8601 string as written, else None."""
    if value is None:
        return None
    match = _ISO_DAY.match(str(value))
    return "-".join(match.groups()) if match else None


def date_match(predicted: Any, expected: Any) -> bool:
    gold = date_day(expected)
    return gold is not None and date_day(predicted) == gold


def normalize_author(name: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", name).translate(_QUOTES).casefold()).strip()


def author_set(authors: Any) -> set[str]:
    """A set of normalised names from a list, or from one string with names separated by ';' (trafilatura)."""
    if authors is None:
        return set()
    if isinstance(authors, str):
        authors = authors.split(";")
    names = (normalize_author(str(a)) for a in authors if a is not None)
    return {n for n in names if n}


def authors_f1(predicted: Any, expected: Any) -> float:
    pred, gold = author_set(predicted), author_set(expected)
    if not pred and not gold:
        return 1.0
    if not pred or not gold:
        return 0.0
    overlap = len(pred & gold)
    return 2 * overlap / (len(pred) + len(gold))


def lang_match(predicted: str | None, expected: str | None) -> bool:
    def primary(code: str | None) -> str:
        return (code or "").strip().replace("_", "-").split("-")[0].casefold()

    return bool(primary(expected)) and primary(predicted) == primary(expected)


# ---------------------------------------------------------------- record shapes


@dataclass(frozen=True, slots=True)
class Fields:
    """The four scored fields of one record, whatever shape the record came in."""

    body: str | None
    title: str | None
    authors: Any  # list of names, a ';'-separated string, or None (= unknown)
    date: Any
    lang: str | None = None
    kicker: str | None = None


def _body_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):  # fliesstext `body`: a list of {kind, text} blocks
        parts = [b.get("text", "") if isinstance(b, Mapping) else str(b) for b in value]
        return "\n\n".join(p for p in parts if p)
    return str(value)


def prediction_fields(record: Mapping[str, Any]) -> Fields:
    """Fields of a prediction: fliesstext output (text, title, authors, date_published) or any similar JSONL."""
    body = record.get("text")
    if body is None:
        body = _body_text(record.get("body"))
    authors = record.get("authors", record.get("author"))
    date = record.get("date_published", record.get("date"))
    return Fields(body, record.get("title"), authors, date, record.get("lang"), record.get("kicker"))


def gold_fields(record: Mapping[str, Any]) -> Fields:
    """Fields of a gold record: the bench format (under `expected`) or a flat record with body/title/authors/date."""
    source = record["expected"] if isinstance(record.get("expected"), Mapping) else record
    body = source.get("body")
    if body is None and "text" in source:
        body = source.get("text")
    date = source.get("date", source.get("date_published"))
    lang = source.get("lang", record.get("lang"))
    return Fields(_body_text(body), source.get("title"), source.get("authors"), date, lang)


# ---------------------------------------------------------------- page and set scores


@dataclass(frozen=True, slots=True)
class PageScore:
    id: str
    precision: float
    recall: float
    f1: float
    title: bool | None  # None: not scored (gold has no title)
    date: bool | None  # None: not scored (gold date is null)
    authors: float | None  # None: not scored (gold authors is null)
    lang: bool | None = None  # None: not scored (gold has no lang)
    missing: bool = False  # no prediction for this gold record
    title_kicker: bool | None = None  # title, or "kicker: title", matches (publishers that glue the kicker on)


def score_page(predicted: Mapping[str, Any] | None, gold: Mapping[str, Any], page_id: str = "") -> PageScore:
    """Score one prediction against one gold record; a missing prediction scores as an empty one."""
    pred = prediction_fields(predicted) if predicted is not None else Fields(None, None, None, None)
    want = gold_fields(gold)
    precision, recall, f1 = body_prf(pred.body, want.body)
    title = title_match(pred.title, want.title) if want.title is not None else None
    date = date_match(pred.date, want.date) if date_day(want.date) is not None else None
    authors = authors_f1(pred.authors, want.authors) if want.authors is not None else None
    lang = lang_match(pred.lang, want.lang) if want.lang else None
    title_kicker = None
    if want.title is not None:
        title_kicker = title or bool(pred.kicker and title_match(f"{pred.kicker}: {pred.title}", want.title))
    return PageScore(page_id, precision, recall, f1, title, date, authors, lang, predicted is None, title_kicker)


def _mean_median(values: Sequence[float]) -> dict[str, float | None]:
    if not values:
        return {"mean": None, "median": None}
    return {"mean": statistics.fmean(values), "median": statistics.median(values)}


def _share(values: Iterable[bool | float | None]) -> dict[str, float | int | None]:
    scored = [float(v) for v in values if v is not None]
    return {"accuracy": statistics.fmean(scored) if scored else None, "n": len(scored)}


def summarize(scores: Sequence[PageScore]) -> dict[str, Any]:
    """Set-level figures: body P/R/F1 mean and median over pages, field accuracies with their counts."""
    return {
        "n": len(scores),
        "missing": sum(s.missing for s in scores),
        "body": {
            "precision": _mean_median([s.precision for s in scores]),
            "recall": _mean_median([s.recall for s in scores]),
            "f1": _mean_median([s.f1 for s in scores]),
        },
        "title": _share(s.title for s in scores),
        "title_kicker": _share(s.title_kicker for s in scores),
        "date": _share(s.date for s in scores),
        "authors": _share(s.authors for s in scores),
        "lang": _share(s.lang for s in scores),
    }


# ---------------------------------------------------------------- pairing and files


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file (plain or .gz); blank lines are skipped. Bad content raises ValueError."""
    opener = gzip.open if str(path).endswith(".gz") else open
    records: list[dict[str, Any]] = []
    try:
        with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError(f"{path}:{number}: not a JSON object")
                records.append(record)
    except gzip.BadGzipFile as err:
        raise ValueError(f"{path}: {err}") from err
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}:{number}: invalid JSON ({err.msg})") from err
    return records


def _keys(records: Sequence[Mapping[str, Any]], key: str) -> list[str] | None:
    values = [r.get(key) for r in records]
    if any(not isinstance(v, str) or not v for v in values) or len(set(values)) != len(values):
        return None
    return values  # type: ignore[return-value]


def pair_records(
    predictions: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]
) -> tuple[str, Iterator[tuple[str, Mapping[str, Any] | None, Mapping[str, Any]]]]:
    """Pair each gold record with its prediction: by `id`, else by `url`, else by line order.

    A key is usable when every gold record has a distinct one and at least one prediction shares it.
    Returns the key used and (page id, prediction or None, gold) triples in gold order.
    """
    for key in ("id", "url"):
        gold_keys = _keys(gold, key)
        if gold_keys is None:
            continue
        by_key = {r.get(key): r for r in predictions if r.get(key)}
        if any(k in by_key for k in gold_keys):
            return key, ((k, by_key.get(k), g) for k, g in zip(gold_keys, gold, strict=True))
    triples = (
        (str(g.get("id") or g.get("url") or i), predictions[i] if i < len(predictions) else None, g)
        for i, g in enumerate(gold)
    )
    return "line", triples


def evaluate_records(predictions: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Pair and score; the result has the summary figures plus one entry per page under `pages`."""
    paired_by, triples = pair_records(predictions, gold)
    scores = [score_page(pred, want, page_id) for page_id, pred, want in triples]
    result = summarize(scores)
    fields = [prediction_fields(p) for p in predictions]
    for name in ("title", "date", "authors", "lang"):
        if not any(getattr(f, name) for f in fields):  # the extractor never gives this field: not a 0 score
            for key in (name, "title_kicker") if name == "title" else (name,):
                result[key] = {"accuracy": None, "n": 0, "not_predicted": True}
    result["paired_by"] = paired_by
    result["predictions"] = len(predictions)
    result["pages"] = [asdict(s) for s in scores]
    return result


def evaluate_files(predictions_jsonl: str | Path, gold_jsonl: str | Path) -> dict[str, Any]:
    """Score a predictions JSONL against a gold JSONL (either may be gzip-compressed)."""
    return evaluate_records(read_jsonl(predictions_jsonl), read_jsonl(gold_jsonl))


# ---------------------------------------------------------------- report


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Fixed-width text table: first column left-aligned, the others right-aligned."""
    table = [list(header), *(list(r) for r in rows)]
    widths = [max(len(row[i]) if i < len(row) else 0 for row in table) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [row[i] if i < len(row) else "" for i in range(len(widths))]
        padded = (c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded).rstrip()

    return [line(table[0]), "  ".join("-" * w for w in widths), *(line(r) for r in table[1:])]


def format_report(result: Mapping[str, Any], worst: int = 5) -> str:
    """A readable table of the figures of `evaluate_files`, with the worst pages by body F1."""
    body = result["body"]
    rows = [
        ("body precision", _fmt(body["precision"]["mean"]), _fmt(body["precision"]["median"]), str(result["n"])),
        ("body recall", _fmt(body["recall"]["mean"]), _fmt(body["recall"]["median"]), str(result["n"])),
        ("body F1", _fmt(body["f1"]["mean"]), _fmt(body["f1"]["median"]), str(result["n"])),
    ]
    fields = (("title", "title exact"), ("title_kicker", "title or kicker: title"), ("date", "date same local day"),
              ("authors", "authors set F1"), ("lang", "lang"))
    for field, label in fields:
        if result[field]["n"]:
            rows.append((label, _fmt(result[field]["accuracy"]), "", str(result[field]["n"])))
    lines = render_table(("field", "mean", "median", "pages"), rows)
    lines.append(
        f"{result['n']} gold records, {result.get('predictions', '?')} predictions, "
        f"paired by {result.get('paired_by', '?')}, {result.get('missing', 0)} without a prediction"
    )
    pages = sorted(result.get("pages", []), key=lambda p: p["f1"])[:worst]
    if pages and worst:
        lines.append(f"worst {len(pages)} pages by body F1:")
        lines.extend(f"  {p['f1']:.3f}  P {p['precision']:.3f}  R {p['recall']:.3f}  {p['id']}" for p in pages)
    return "\n".join(lines)
