"""Text-mode metadata: seconds and time zones of date lines, relative times against the fetch time, author
lines under a byline word, and kicker candidates that are navigation."""
from __future__ import annotations

import pytest

from fliesstext.api import extract_page
from fliesstext.dates import find_date, parse_date
from fliesstext.model import Page
from fliesstext.options import Options
from fliesstext.text.kicker import navigation_kicker
from fliesstext.text.lines import Line
from fliesstext.text.relative import relative_date

BODY = ["The council met on Tuesday evening and voted to repair the old river bridge, which has been closed for "
        "two years after engineers found cracks in its main arches and the piers below them."] * 4


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("28.04.2023, 18:16:05 Uhr MESZ", "de", "2023-04-28T18:16:05+02:00"),
    ("Posted: Aug 08, 2024 4:00 AM EDT", "en", "2024-08-08T04:00-04:00"),
    ("2024-04-28T10:00:00.000Z", "en", "2024-04-28T10:00:00+00:00"),
    ("06/01/2026 - 14:16 UTC+1", "fr", "2026-01-06T14:16+01:00"),
    ("Apr 28, 2024 4:00:12 PM", "en", "2024-04-28T16:00:12"),
    ("13/01/2025 10:22 Actualizado a 13/01/2025 15:43", "es", "2025-01-13T10:22"),  # no seconds: none invented
    ("May 5, 2024 10:00 AM IST", "en", "2024-05-05T10:00"),  # India, Ireland or Israel: no zone guessed
    ("May 5, 2024 10:00 AM IST", "hi", "2024-05-05T10:00+05:30"),
    ("May 5, 2024 10:00 AM CST", "en", "2024-05-05T10:00"),  # US Central or China
    ("May 5, 2024 10:00 AM CDT", "en", "2024-05-05T10:00-05:00"),
])
def test_date_line_keeps_seconds_and_zone(text: str, lang: str, value: str) -> None:
    found = find_date(text, lang)
    assert found is not None and found.value == value


@pytest.mark.parametrize(("text", "lang", "value", "raw"), [
    ("Por Juan Pérez | 13 de enero de 2025, 10:22", "es", "2025-01-13T10:22", "13 de enero de 2025, 10:22"),
    ("5 de maio de 2024", "pt", "2024-05-05", "5 de maio de 2024"),
    ("입력 2024년 5월 5일 10:00", "ko", "2024-05-05T10:00", "2024년 5월 5일 10:00"),
    ("Updated May 6, 2024 | Published May 5, 2024", "en", "2024-05-05", "May 5, 2024"),
    ("Aktualisiert am 06.05.2024, erstellt am 05.05.2024", "de", "2024-05-05", "05.05.2024"),
    ("Updated May 6, 2024", "en", "2024-05-06", "May 6, 2024"),  # the only date: the update it is
    ("Published May 5, 2024 | Updated May 6, 2024", "en", "2024-05-05", "May 5, 2024"),
    ("Gepubliceerd op 5 mei 2024 om 10:30", "nl", "2024-05-05T10:30", "5 mei 2024 om 10:30"),
    ("Publicado em 05/05/2024 às 10h30", "pt", "2024-05-05T10:30", "05/05/2024 às 10h30"),
    ("2024년 05월 05일 10시 30분", "ko", "2024-05-05T10:30", "2024년 05월 05일 10시 30분"),
    ("5 May 2024 • 10:30am", "en", "2024-05-05T10:30", "5 May 2024 • 10:30am"),
    ("Опубликовано 5 мая 2024", "ru", "2024-05-05", "5 мая 2024"),
    ("5. toukokuuta 2024", "fi", "2024-05-05", "5. toukokuuta 2024"),
    ("Publicat el 5 d'abril de 2024", "ca", "2024-04-05", "5 d'abril de 2024"),
])
def test_date_line_formats_and_the_publication_date(text: str, lang: str, value: str, raw: str) -> None:
    from fliesstext.text.dates import find_date as find_line_date

    found = find_line_date(text, lang)
    assert found is not None and (found.value, found.raw) == (value, raw)
    assert raw in text  # the raw text is the line's own, not the blanked-out copy the parser read


def test_html_date_strings_unchanged() -> None:
    assert parse_date("28.04.2023, 18:16") == "2023-04-28T18:16:00"
    assert parse_date("2024-04-28T10:00:00Z") == "2024-04-28T10:00:00+00:00"


@pytest.mark.parametrize(("text", "value"), [
    ("vor 14 Minuten", "2024-04-26T15:23"),
    ("Kyle Wiggers 7 hours", "2024-04-26T08:37"),
    ("hace 2 días", "2024-04-24"),
    ("Před 3 hodinami", "2024-04-26T12:37"),
    ("Izmir 3 saat önce", "2024-04-26T12:37"),
    ("İzmir 3 saat önce", "2024-04-26T12:37"),  # 'İ' lowers to two characters: positions stay on the line
])
def test_relative_times(text: str, value: str) -> None:
    found = relative_date(text, "2024-04-26T15:37:39")
    assert found is not None and found.value == value


@pytest.mark.parametrize(("text", "value"), [
    ("heute, 10:05 Uhr", "2024-04-26T10:05"),
    ("včera 14:40", "2024-04-25T14:40"),
    ("Publié hier à 9h30", "2024-04-25T09:30"),
    ("Updated yesterday at 5:30 PM", "2024-04-25T17:30"),
    ("Heute", "2024-04-26"),  # the day word alone on its line: to the day
])
def test_today_and_yesterday_with_a_time(text: str, value: str) -> None:
    found = relative_date(text, "2024-04-26T15:37:39")
    assert found is not None and found.value == value


@pytest.mark.parametrize("text", ["Hier werden Fragen beantwortet", "Today's top stories", "heute 25:99"])
def test_day_words_that_date_nothing(text: str) -> None:
    assert relative_date(text, "2024-04-26T15:37:39") is None


@pytest.mark.parametrize("text", ["6 minute read", "Lesezeit: 5 Min.", "for 2 hours", "Jane Doe 2 minutes read",
                                  "Reading Time 4 Hours", "4 Hours", "Updated 3 days"])
def test_not_relative_times(text: str) -> None:
    assert relative_date(text, "2024-04-26T15:37:39") is None


def test_relative_time_needs_the_fetch_time() -> None:
    assert relative_date("vor 14 Minuten", None) is None
    lines = ["Sport", "Interimstrainer bleibt optimistisch vor dem Spiel", "vor 14 Minuten"] + BODY
    page = Page(content="\n\n".join(lines), mode="text", fetched_at="2024-04-26T15:37:39+02:00")
    art = extract_page(page, Options(mode="text"))
    assert art.date_published is not None and art.date_published.value == "2024-04-26T15:23+02:00"
    assert extract_page(Page(content="\n\n".join(lines), mode="text"), Options(mode="text")).date_published is None


def test_date_line_ends_the_names_below_a_byline_word() -> None:
    lines = ["Council approves repair of the old river bridge", "Author of the article:", "By Jane Doe",
             "Published Jun 05, 2026"] + BODY
    art = extract_page(Page(content="\n\n".join(lines), mode="text"), Options(mode="text"))
    assert art.authors == ("Jane Doe",)
    assert art.date_published is not None and art.date_published.value == "2026-06-05"


def _lines(texts: list[str]) -> list[Line]:
    lines = [Line(i, t, 0) for i, t in enumerate(texts)]
    for line in lines:
        line.words = len(line.text.split())
    return lines


def test_navigation_kickers() -> None:
    page = _lines(["Privacy policy", "Terms", "Politics"])
    assert navigation_kicker(page, "Privacy policy Terms")
    assert navigation_kicker(page, "HomeNews")
    assert navigation_kicker(page, "Startseite Debatte")
    assert navigation_kicker(page, "Start / Ausland / Headline")
    assert navigation_kicker(page, "뉴스 > 경제 > 기업·CEO")
    assert navigation_kicker(page, "Inhalt")
    assert not navigation_kicker(page, "Politics")
    assert not navigation_kicker(page, "Homeoffice-Pflicht")
    assert not navigation_kicker(page, "Start-up-Szene")
    assert navigation_kicker(page, "Home / Politics") and navigation_kicker(page, "Home Politics")
    assert not navigation_kicker(page, "Home Office")  # a kicker: 'Office' is no other line of the page


def test_signature_below_the_text_without_a_byline() -> None:
    lines = ["Council approves repair of the old river bridge"] + BODY + ["Lê Phương", "Related stories", "More news"]
    art = extract_page(Page(content="\n\n".join(lines), mode="text"), Options(mode="text"))
    assert art.authors == ("Lê Phương",)


@pytest.mark.parametrize("tail", [["Donald Trump", "Related stories"], ["Jane Roe", "White House", "Ukraine"]])
def test_tag_lines_below_the_text_are_no_signature(tail: list[str]) -> None:
    body = [BODY[0] + " Donald Trump said so on Monday."] + BODY[1:-1] + [BODY[-1] + " Trump left on Tuesday."]
    lines = ["Council approves repair of the old river bridge"] + body + tail + ["More news"]
    art = extract_page(Page(content="\n\n".join(lines), mode="text"), Options(mode="text"))
    assert art.authors == ()


def test_names_of_any_alphabet_and_one_author_a_line() -> None:
    from fliesstext.text.dates import bare_names

    assert bare_names("Андрей Колесников", "ru") == ("Андрей Колесников",)
    assert bare_names("Šárka Černá", "cs") == ("Šárka Černá",)
    assert bare_names("Anders Skjerdingstad – Journalist i Paris", "no") == ("Anders Skjerdingstad",)
    assert bare_names("Tuva Mathilde Løland Tips meg", "no") == ("Tuva Mathilde Løland",)
