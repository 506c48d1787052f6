"""Metadata from the text alone: headline choice, kicker repair, bylines, bare author names, local date forms."""
from __future__ import annotations

import pytest
from text_lines import BODY_DE, BODY_EN, MENU

import fliesstext
from fliesstext.text.dates import bare_names, find_date, parse_byline
from fliesstext.text.lines import split_lines


def _extract(lines: list[str]) -> fliesstext.Article:
    return fliesstext.extract("\n".join(lines), mode="text")


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("13/01/2025 10:22 Actualizado a 13/01/2025 15:43", "es", "2025-01-13T10:22"),
        ("Publié le 30/04/2024 - 16:00", "fr", "2024-04-30T16:00"),
        ("5/22/2025", "en", "2025-05-22"),  # month first when the day cannot be a month
        ("5/6/2025", "en", "2025-05-06"),  # US order in English ...
        ("5/6/2025", "de", "2025-06-05"),  # ... day first elsewhere
        ("15.10.24 23:35", "no", "2024-10-15T23:35"),  # two-digit year
        ("Published Jun 05, 2026", "en", "2026-06-05"),
        ("by Paul Serran Jul. 19, 2026 9:45 am", "en", "2026-07-19T09:45"),
        ("28. April 2023, 19:50 Uhr", "de", "2023-04-28T19:50"),
        ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", "vi", "2025-10-22T19:25+07:00"),  # the time zone is kept
    ],
)
def test_local_date_forms(text: str, lang: str, value: str) -> None:
    found = find_date(text, lang)
    assert found is not None and found.value == value


@pytest.mark.parametrize("text", ["Version 1.2.3", "3 Kommentare", "Teil 2 von 5", "Seite 12"])
def test_no_date_in_numbers(text: str) -> None:
    assert find_date(text, "de") is None


def test_day_month_year_is_not_a_numbered_list_item() -> None:
    lines, _ = split_lines("28. April 2023, 19:50 Uhr\n1. Startseite\n9. September 2025 um 15:46 Uhr")
    assert [(line.bullet, line.text) for line in lines] == [
        (None, "28. April 2023, 19:50 Uhr"), ("1.", "Startseite"), (None, "9. September 2025 um 15:46 Uhr"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Julia Vergin | Clare Roth", "de", ("Julia Vergin", "Clare Roth")),
        ("Daniel Großert Redakteur", "de", ("Daniel Großert",)),
        ("Amy Gibbons Political Correspondent", "en", ("Amy Gibbons",)),
        ("Victoria O’Regan Follow", "en", ("Victoria O’Regan",)),
        ("Tuva Løland Tips meg", "no", ("Tuva Løland",)),
        ("Tuva Mathilde Løland", "no", ("Tuva Mathilde Løland",)),
        ("Mathatisi Sebusi/Mohalenyane Phakela", "en", ("Mathatisi Sebusi", "Mohalenyane Phakela")),
        ("Reuters, Thorsten Kramer", "de", ("Reuters", "Thorsten Kramer")),  # news agencies count as authors
        ("Adam Vidler and AP", "en", ("Adam Vidler", "AP")),
    ],
)
def test_bare_name_lines(text: str, lang: str, names: tuple[str, ...]) -> None:
    assert bare_names(text, lang) == names


@pytest.mark.parametrize("text", ["SPEED READ", "Internatskolan Lundsberg.", "Sevilla, Los Gallardos",
                                  "Article content"])
def test_not_bare_names(text: str) -> None:
    assert bare_names(text, "en") == ()


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Von Anna Beispiel und Bo Muster", "de", ("Anna Beispiel", "Bo Muster")),
        ("By Jane Doe and John Roe", "en", ("Jane Doe", "John Roe")),
        ("Par Jeanne Exemple", "fr", ("Jeanne Exemple",)),
        ("Por María Ejemplo", "es", ("María Ejemplo",)),
        ("Door Jan Voorbeeld", "nl", ("Jan Voorbeeld",)),
        ("Autor: Monika Bolliger und Anna Trechsel", "de", ("Monika Bolliger", "Anna Trechsel")),
        ("by Cristina Laila Apr. 28, 2023 1:15 pm", "en", ("Cristina Laila",)),  # a month name ends the name
        ("Von Felix Schröder und Jörg Soldwisch, dpa", "de", ("Felix Schröder", "Jörg Soldwisch", "dpa")),
    ],
)
def test_bylines(text: str, lang: str, names: tuple[str, ...]) -> None:
    assert parse_byline(text, lang) == names


def test_headline_above_teaser_and_caption() -> None:
    """The headline comes before the teaser and the caption, though they share more words with the body."""
    art = _extract(MENU + [
        "Council approves repair of the old river bridge",
        "The city council voted to repair the old bridge over the river after years of complaints from residents",
        "By Jane Doe",
        "July 27, 2023",
        "The old bridge over the river, photographed in 2022. Photo: Jane Doe",
    ] + BODY_EN)
    assert art.title == "Council approves repair of the old river bridge"
    assert art.authors == ("Jane Doe",)
    assert art.date_published is not None and art.date_published.value == "2023-07-27"


def test_question_headline_at_the_region_start() -> None:
    """A headline ending in '?' reads as prose and may open the region: it is the title, not a paragraph."""
    title = "Why did the city council vote to repair the old river bridge now?"
    art = _extract(MENU + ["Politics", title, "Jane Doe · City News · Posted: Jul 27, 2023 4:00 AM"] + BODY_EN)
    assert art.title == title
    assert title not in art.text
    assert art.authors == ("Jane Doe",)
    assert art.date_published is not None and art.date_published.value == "2023-07-27T04:00"


def test_kicker_colon_restored_from_breadcrumb() -> None:
    """'Kicker Headline' rendered without the colon; the breadcrumb shows 'Kicker: Headline': two elements,
    so the title is the headline alone and the kicker separate."""
    art = _extract(["Startseite", "Inland", "Brückensanierung: Stadtrat gibt grünes Licht"] + MENU + [
        "Brückensanierung Stadtrat gibt grünes Licht",
        "27.07.2023, 18:16 Uhr",
    ] + BODY_DE)
    assert art.title == "Stadtrat gibt grünes Licht"
    assert art.kicker == "Brückensanierung"


@pytest.mark.parametrize("separator", [" ", ": "], ids=["plain", "colon"])
def test_kicker_split_off_when_the_headline_repeats_alone(separator: str) -> None:
    art = _extract(["Startseite", "Stadt", "Stadtrat gibt grünes Licht für die Brücke"] + MENU + [
        f"Brückensanierung{separator}Stadtrat gibt grünes Licht für die Brücke",
        "27.07.2023, 18:16 Uhr",
    ] + BODY_DE)
    assert (art.kicker, art.title) == ("Brückensanierung", "Stadtrat gibt grünes Licht für die Brücke")


def test_site_suffix_dropped_when_the_plain_headline_is_on_the_page() -> None:
    headline = "Council approves repair of the old river bridge"
    art = _extract(MENU + [headline + " | City News", "World", headline, "July 27, 2023"] + BODY_EN)
    assert art.title == headline


def test_bare_author_name_under_the_headline() -> None:
    art = _extract(MENU + [
        "Stadtrat gibt grünes Licht für die Sanierung der Brücke", "Radek Nohl", "27.07.2023, 18:16 Uhr",
    ] + BODY_DE)
    assert art.authors == ("Radek Nohl",)
    assert "Radek Nohl" not in art.text


def test_names_below_a_lone_byline_word() -> None:
    art = _extract(MENU + [
        "Stadtrat gibt grünes Licht für die Sanierung der Brücke", "Von", "Jasper Riemann", "Barbara Schneider",
    ] + BODY_DE)
    assert art.authors == ("Jasper Riemann", "Barbara Schneider")


def test_headline_sits_above_its_byline_and_date() -> None:
    """A related-links list above the header: the headline is the candidate right above the date line."""
    related = ["Mayor opens the new harbour promenade after two years of work", "Storm damages roofs in the old town",
               "School board approves the budget for the coming year"]
    title = "Council approves repair of the old river bridge"
    art = _extract(MENU + related + [title, "Jul 27, 2023", "Photo of the bridge at dusk. AFP"] + BODY_EN)
    assert art.title == title
    assert art.date_published is not None and art.date_published.value == "2023-07-27"
    assert "Photo of the bridge at dusk. AFP" not in art.text  # a caption ending in its credit


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kyle Wiggers 7 hours", ("Kyle Wiggers",)),
        ("Jane Doe 2 minutes read", ("Jane Doe",)),
        ("Thabo Mokone Parliamentary editor", ("Thabo Mokone",)),
        ("AFP", ("AFP",)),
        ("Samsung Galaxy S24 Ultra", ()),
        ("Front Page", ()),  # words of boilerplate phrases: a label, not a name
        ("Chus del Pino", ("Chus del Pino",)),
    ],
)
def test_bare_names_with_noise(text: str, names: tuple[str, ...]) -> None:
    assert bare_names(text, "en") == names


def test_lead_before_von_must_be_short() -> None:
    """'Rückbau von Atomkraftwerk Kühltürme ... gesprengt' is a headline, not a byline with a lead."""
    assert parse_byline("Rückbau von Atomkraftwerk Kühltürme von AKW Gundremmingen gesprengt", "de") is None
    assert parse_byline("Ein Kommentar von Anna Beispiel und Bo Muster", "de") == ("Anna Beispiel", "Bo Muster")


def test_names_after_the_date_and_names_below_a_byline_word() -> None:
    art = _extract(MENU + ["Brücke wird saniert", "28. April 2024, 14:26 Uhr / Anna Beispiel"] + BODY_DE)
    assert art.authors == ("Anna Beispiel",)
    art = _extract(MENU + ["Council approves repair of the old river bridge", "By", "Jane Doe0,", "Bo Muster &", "…",
                           "Ann Other", "Jul 27, 2023"] + BODY_EN)
    assert art.authors == ("Jane Doe", "Bo Muster", "Ann Other")


def test_labelled_date_after_the_text_beats_a_caption_date() -> None:
    caption = "Bauarbeiter an der alten Brücke über den Fluss, 24. April 2023"
    art = _extract(MENU + ["Stadtrat beschließt Sanierung der alten Brücke", caption] + BODY_DE + [
        "Datum 28.04.2023", "Autorin/Autor Anna Beispiel", "Themenseiten Brücken, Verkehr"])
    assert art.date_published is not None and art.date_published.value == "2023-04-28"
    assert art.authors == ("Anna Beispiel",)  # the author line with its label below the text
