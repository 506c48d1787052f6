"""The scorer on tiny hand-made records whose figures are worked out by hand in the comments."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from fliesstext.evaluate import (
    authors_f1,
    body_prf,
    date_day,
    date_match,
    evaluate_files,
    evaluate_records,
    format_report,
    pair_records,
    title_match,
    tokens,
)


def test_tokens_are_casefolded_word_runs_with_counts() -> None:
    assert tokens("Der Hund, der HUND! 3x") == {"der": 2, "hund": 2, "3x": 1}
    assert tokens("Straße") == {"strasse": 1}
    assert tokens(None) == {}


def test_body_prf_multiset_overlap() -> None:
    # pred a a b c (4 tokens), gold a b b d e (5 tokens): overlap min(2,1)+min(1,2) = 2
    precision, recall, f1 = body_prf("a a b c", "A b. b d e")
    assert precision == pytest.approx(2 / 4)
    assert recall == pytest.approx(2 / 5)
    assert f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)


def test_body_prf_edge_cases() -> None:
    assert body_prf("", "") == (1.0, 1.0, 1.0)
    assert body_prf(None, "  ... ") == (1.0, 1.0, 1.0)  # no tokens on either side
    assert body_prf("", "word") == (0.0, 0.0, 0.0)
    assert body_prf("word", None) == (0.0, 0.0, 0.0)
    assert body_prf("x y", "a b") == (0.0, 0.0, 0.0)
    assert body_prf("same text", "Same  TEXT") == (1.0, 1.0, 1.0)


def test_title_normalises_whitespace_and_quotes_but_not_case() -> None:
    assert title_match("„Nie wieder“ –  sagt er ", '"Nie wieder" – sagt er')
    assert title_match("It’s here", "It's here")
    assert title_match("«Oui»", '"Oui"')
    assert not title_match("it's here", "It's here")
    assert not title_match(None, "A title")


def test_date_compares_the_day_as_written() -> None:
    assert date_day("2024-01-05T23:30:00-05:00") == "2024-01-05"
    assert date_day("5 January 2024") is None
    # same local day although in UTC these are different days
    assert date_match("2024-01-05", "2024-01-05T23:30:00-05:00")
    assert not date_match("2024-01-06T04:30:00+00:00", "2024-01-05T23:30:00-05:00")
    assert not date_match(None, "2024-01-05")


def test_authors_set_f1() -> None:
    assert authors_f1(["Anna  Muster", "bob"], ["anna muster", "Bob", "Carl"]) == pytest.approx(2 * 2 / 5)
    assert authors_f1("Anna Muster; Bob", ["Anna Muster", "Bob"]) == 1.0  # trafilatura's ';' string
    assert authors_f1([], []) == 1.0
    assert authors_f1(None, ["A"]) == 0.0
    assert authors_f1(["A", "a"], ["A"]) == 1.0  # a set: duplicates do not count twice


def _gold(i: int, body: str, authors: list[str] | None, date: str | None) -> dict:
    return {"id": f"p{i}", "url": f"https://x.test/{i}",
            "expected": {"title": f"Title {i}", "body": body, "authors": authors, "date": date}}


GOLD = [
    _gold(1, "a b c d", ["Anna"], "2024-01-05T10:00:00+01:00"),
    _gold(2, "e f", None, None),
    _gold(3, "g h i j", [], "2024-02-01"),
]
PREDICTIONS = [
    # listed out of order: pairing is by id
    {"id": "p3", "text": "g h", "title": "Title 3", "authors": ["Zed"], "date_published": "2024-02-01T00:00:00"},
    {"id": "p1", "text": "a b c d", "title": "Title  1", "authors": ["anna"], "date_published": "2024-01-05"},
]


def test_evaluate_records_by_hand() -> None:
    result = evaluate_records(PREDICTIONS, GOLD)
    assert result["paired_by"] == "id"
    assert result["n"] == 3 and result["missing"] == 1
    # page F1: p1 = 1.0; p2 missing = 0.0; p3: P 2/2, R 2/4 -> F1 2/3
    assert result["body"]["f1"]["mean"] == pytest.approx((1 + 0 + 2 / 3) / 3)
    assert result["body"]["f1"]["median"] == pytest.approx(2 / 3)
    assert result["body"]["precision"]["mean"] == pytest.approx((1 + 0 + 1) / 3)
    assert result["body"]["recall"]["mean"] == pytest.approx((1 + 0 + 0.5) / 3)
    assert result["title"] == {"accuracy": pytest.approx(2 / 3), "n": 3}
    assert result["date"] == {"accuracy": 1.0, "n": 2}  # p2 has no gold date: skipped
    assert result["authors"] == {"accuracy": 0.5, "n": 2}  # p2 skipped (null); p3 [] vs [Zed] -> 0


def test_pairing_falls_back_to_url_then_line_order() -> None:
    by_url = [{"url": g["url"], "text": g["expected"]["body"]} for g in GOLD]
    key, triples = pair_records(by_url, GOLD)
    assert key == "url" and all(p is not None for _, p, _ in triples)
    flat_gold = [{"body": "a b", "title": "T"}, {"body": "c", "title": "U"}]
    result = evaluate_records([{"text": "a b"}, {"body": [{"kind": "paragraph", "text": "c"}]}], flat_gold)
    assert result["paired_by"] == "line"
    assert result["body"]["f1"]["mean"] == 1.0
    assert result["title"]["accuracy"] is None  # no prediction has a title: not predicted


def test_evaluate_files_and_report(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl.gz"
    with gzip.open(gold_path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(g) + "\n" for g in GOLD)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in PREDICTIONS) + "\n", encoding="utf-8")
    result = evaluate_files(pred_path, gold_path)
    assert result["predictions"] == 2
    report = format_report(result)
    assert "body F1" in report and "0.556" in report  # mean F1 (1 + 0 + 2/3) / 3
    assert "authors set F1" in report and "p2" in report  # worst page listed


def test_lang_is_scored_on_the_primary_subtag_when_gold_has_one() -> None:
    gold = [{"id": "a", "lang": "de", "expected": {"body": "x", "title": "T"}}, {"id": "b", "body": "y"}]
    preds = [{"id": "a", "text": "x", "lang": "de-AT"}, {"id": "b", "text": "y", "lang": "en"}]
    result = evaluate_records(preds, gold)
    assert result["lang"] == {"accuracy": 1.0, "n": 1}
    assert "lang" in format_report(result)


def test_read_errors_are_value_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2: not a JSON object"):
        evaluate_files(bad, bad)
    bad.write_text('{"id": 1}\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2: invalid JSON"):
        evaluate_files(bad, bad)
    fake_gz = tmp_path / "x.jsonl.gz"
    fake_gz.write_text("not gzip", encoding="utf-8")
    with pytest.raises(ValueError):
        evaluate_files(fake_gz, fake_gz)


def test_a_field_no_prediction_fills_is_not_predicted_rather_than_zero() -> None:
    result = evaluate_records([{"id": "p1", "text": "a b c d", "title": "Title 1"}], GOLD[:1])
    assert result["authors"]["accuracy"] is None and result["date"]["accuracy"] is None
    assert result["title"]["accuracy"] == 1.0


def test_title_kicker_counts_glued_kicker_only_in_its_own_figure():
    from fliesstext.evaluate import score_page

    gold = {"expected": {"title": "LTE-Patent: Samsung soll zerstören", "body": "x"}}
    split = score_page({"title": "Samsung soll zerstören", "kicker": "LTE-Patent", "text": "x"}, gold)
    assert split.title is False and split.title_kicker is True
    wrong = score_page({"title": "Samsung soll zerstören", "kicker": "Anderes", "text": "x"}, gold)
    assert wrong.title is False and wrong.title_kicker is False
