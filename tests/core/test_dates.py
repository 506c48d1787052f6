"""The shared date parser (fliesstext/dates.py) used by HTML mode (meta/dates.py) and text mode (text/dates.py)."""
from __future__ import annotations

import pytest

from fliesstext.dates import find_date, iso_date, month_names, month_number, parse_date
from fliesstext.knowledge import language_tuple, load_json, phrase_languages


def test_month_tables_are_data_in_one_place() -> None:
    """A language with a phrases file keeps its month names there only; meta_dates.json holds the others."""
    extra = load_json("meta_dates.json")["months"]
    assert not set(extra) & set(phrase_languages())
    for lang in phrase_languages():
        names = month_names(lang)
        for number, variants in enumerate(language_tuple(lang, "_months"), start=1):
            assert all(names[v] == number for v in variants.split("|"))


@pytest.mark.parametrize(("word", "month"), [
    ("April", 4), ("Sept.", 9), ("mrz", 3), ("Febr", 2), ("Dezem", 12), ("stycznia", 1), ("styczeń", 1),
    ("září", 9), ("MAYIS", 5), ("Stand", None), ("ma", None),
])
def test_month_number_any_language(word: str, month: int | None) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize(("text", "value"), [
    ("2024-04-30 16:17:29 +02:00", "2024-04-30T16:17:29+02:00"),
    ("Fri Apr 28 19:20:36 CEST 2023", "2023-04-28T19:20:36+02:00"),
    ("28.04.2023 | 18:16 Uhr", "2023-04-28T18:16:00"),  # the same time grammar as a date line
    ("16 September 2024 9:33pm", "2024-09-16T21:33:00"),  # pm after a day-first date
    ("posted on April 21, 2015, at 11:29 a.m.", "2015-04-21T11:29:00"),
    ("Issue 12 2024, May 5, 2024", "2024-05-05"),  # a word that is no month is skipped
    ("3. Febr. 2024", "2024-02-03"),  # a month prefix
    ("2024-02-30", None),
])
def test_parse_date_string(text: str, value: str | None) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Publisert 05.08.2024, kl. 13.05 Oppdatert 05.08.2024, kl. 13.52", "no", "2024-08-05T13:05"),
    ("posted on April 21, 2015, at 11:29 a.m.", "en", "2015-04-21T11:29"),
    ("31. September 2023", "de", None),  # not a calendar day
    ("5 Mayıs 2023", "tr", "2023-05-05"),  # month names of a language without a phrases file
    ("5 MAYIS 2023", "tr", "2023-05-05"),
    ("5 mars 2023", "en", None),  # a line reads its own language's (and English) month names only
])
def test_find_date_line(text: str, lang: str, value: str | None) -> None:
    found = find_date(text, lang)
    assert (found.value if found else None) == value


def test_iso_date() -> None:
    assert iso_date(2024, 2, 29, 25, 0) == "2024-02-29"
    assert iso_date(2024, 2, 29, 9, 5, seconds=False) == "2024-02-29T09:05"
    assert iso_date(2023, 2, 29) is None
