"""Text-mode metadata on text from other renderers: elements glued together ('Qatar.AFP', 'TimesNovember 21'),
dates only the URL or a post footer gives, signatures, picture credits, knowledge kept in data files."""
from __future__ import annotations

import pytest
from text_lines import BODY_DE, BODY_EN, MENU

import fliesstext
from fliesstext.text.byline import signature, url_date
from fliesstext.text.dates import bare_names, find_date, parse_byline
from fliesstext.text.header import _agency_credit
from fliesstext.text.kicker import refine_title
from fliesstext.text.lines import split_lines

HEADLINE = "Council approves repair of the old river bridge after a long debate"


def _extract(lines: list[str], url: str | None = None) -> fliesstext.Article:
    return fliesstext.extract("\n".join(lines), mode="text", url=url)


def test_control_glued_to_the_headline_is_cut_when_the_headline_stands_alone_elsewhere() -> None:
    lines, _ = split_lines([HEADLINE, "Share", HEADLINE + " Back to video", "Loading..."])
    assert refine_title(lines, 2) == (HEADLINE, None)
    lines, _ = split_lines(["Council approves", "Share", "Council approves Back to video"])
    assert refine_title(lines, 2) == ("Council approves Back to video", None)  # too short to tell a label from words


def test_caption_with_a_glued_agency_credit_is_no_headline() -> None:
    caption = "Council members and residents on the old river bridge during the vote on Tuesday.AFP"
    art = _extract(MENU + [caption, "Repair approved for the old river bridge", "July 27, 2023"] + BODY_EN)
    assert art.title == "Repair approved for the old river bridge"


def test_truncated_caption_preview_is_no_headline() -> None:
    caption = "Council members and residents on the old river bridge during the vote on Tuesday evening"
    art = _extract(MENU + [HEADLINE, caption[:60] + " …", caption, "Photo: Jane Doe"] + BODY_EN)
    assert art.title == HEADLINE


def test_month_glued_to_a_byline_name() -> None:
    found = find_date("by Lesotho TimesNovember 21, 20250 1747", "en")
    assert found is not None and found.value == "2025-11-21"
    assert parse_byline("by Lesotho TimesNovember 21, 2025", "en") == ("Lesotho Times",)
    assert parse_byline("By Jane April", "en") == ("Jane April",)  # a month word as a name is kept


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://example.com/2024/04/28/how-vendors-aim-to-stay-relevant/", "2024-04-28"),
        ("https://example.com/cnt/dmf20250202_96887132", "2025-02-02"),
        ("https://example.com/news/article/A2026012914320005196", None),  # a long id, not a day
        ("https://example.com/2024/13/01/slug", None),
        ("https://20240101.example.com/story", None),  # the host is no path
        (None, None),
    ],
)
def test_url_date(url: str | None, value: str | None) -> None:
    found = url_date(url)
    assert (found.value if found else None) == value


def test_url_date_only_when_the_text_has_none() -> None:
    art = _extract(MENU + [HEADLINE, "20:07"] + BODY_EN, url="https://example.com/2024/04/28/council-bridge/")
    assert art.date_published is not None and art.date_published.value == "2024-04-28"
    assert art.date_published.source == "url"
    art = _extract(MENU + [HEADLINE, "July 27, 2023"] + BODY_EN, url="https://example.com/2024/04/28/council/")
    assert art.date_published is not None and art.date_published.value == "2023-07-27"


def test_post_footer_with_byline_and_date_below_the_text() -> None:
    footer = ("Von israel news am 21/02/2021. Abgelegt unter Israel. Sie können alle Antworten zu diesem Eintrag "
              "durch den RSS 2.0 Feed verfolgen.")
    art = _extract(MENU + ["Stadtrat gibt grünes Licht für die Brücke"] + BODY_DE + ["Teilen", footer])
    assert art.date_published is not None and art.date_published.value == "2021-02-21"


def test_date_glued_to_the_standfirst() -> None:
    standfirst = "She is a very talented woman, the councillor said of the plans for the bridge April 25, 2024"
    art = _extract(MENU + [HEADLINE, standfirst] + BODY_EN)
    assert art.date_published is not None and art.date_published.value == "2024-04-25"


def test_signature_counts_whole_words_only() -> None:
    body = ["The Weimar council met again on Tuesday to vote on the repair of the old river bridge.",
            "Weimar residents came in numbers to the hall and asked many questions about the cost."]
    lines, _ = split_lines([*body, "Li Wei", "More news"])
    lines[0].label = lines[1].label = "paragraph"
    assert signature(lines, 2, "en") == ("Li Wei",)  # 'Wei' inside 'Weimar' is no mention of the author
    lines, _ = split_lines(["Wei said the council met. Later Wei left.", "Wei spoke again.", "Li Wei", "x"])
    lines[0].label = lines[1].label = "paragraph"
    assert signature(lines, 2, "en") == ()  # named in the text again and again: a tag, not a signature


def test_picture_agency_is_no_author_name() -> None:
    assert bare_names("Getty Images", "en") == ()
    assert bare_names("Jane Doe and Bo Muster", "en") == ("Jane Doe", "Bo Muster")
    assert parse_byline("Von Anna Beispiel und Bo Muster", "de") == ("Anna Beispiel", "Bo Muster")
    assert parse_byline("Por Luis de Guindos y Ana Pérez", "es") == ("Luis de Guindos", "Ana Pérez")


def test_bare_time_under_the_headline_dates_by_the_fetch_time() -> None:
    def date_of(time_line: str, fetched_at: str | None) -> str | None:
        page = fliesstext.Page(content="\n".join(MENU + [HEADLINE, time_line] + BODY_EN), mode="text",
                               fetched_at=fetched_at)
        found = fliesstext.extract_page(page).date_published
        return found.value if found else None

    assert date_of("12:43", "2025-11-06T13:14:02") == "2025-11-06T12:43"
    assert date_of("16:30 Uhr", "2025-11-06T13:14:02") == "2025-11-05T16:30"  # later than the fetch: the day before
    assert date_of("12:43", None) is None  # without a fetch time no date is invented


def test_counted_date_gives_way_to_a_different_day_in_the_url() -> None:
    def date_of(url: str) -> str | None:
        page = fliesstext.Page(content="\n".join(MENU + [HEADLINE, "By John Miller", "3:45"] + BODY_EN), mode="text",
                               url=url, fetched_at="2024-05-05T13:00+02:00")
        found = fliesstext.extract_page(page).date_published
        return found.value if found else None

    assert date_of("https://news.example/2024/03/11/storm") == "2024-03-11"  # '3:45' is no time of that day
    assert date_of("https://news.example/2024/05/05/storm") == "2024-05-05T03:45+02:00"  # the URL agrees


def test_names_before_the_date_of_a_date_line() -> None:
    art = _extract(MENU + [HEADLINE, "Amanda Krause 2024-02-14T16:15:30Z"] + BODY_EN)
    assert art.authors == ("Amanda Krause",)
    assert art.date_published is not None and art.date_published.value.startswith("2024-02-14")
    art = _extract(MENU + [HEADLINE, "Von", "Felix Schwarz 15.04.2025, 17:59"] + BODY_DE)
    assert art.authors == ("Felix Schwarz",)


def test_agency_of_a_caseless_script_is_a_credit_and_a_byline() -> None:
    caption = "12일 서울 여의도 국회의원회관에서 열린 회의에서 후보들이 자리하고 있다. 뉴시스"
    assert _agency_credit(caption)  # a caption ending in its agency's credit: no headline candidate
    assert not _agency_credit("민주당 선호투표제 도입 또다시 불발. 친청계 반발")
    assert bare_names("뉴시스", "ko") == ("뉴시스",)


def test_bare_name_the_article_names_again_and_again_is_its_subject() -> None:
    body = [
        "Donald Trump said on Tuesday that the council should repair the old bridge over the river without delay.",
        "The administration of Trump expects the repairs to cost about twelve million dollars, a statement said.",
        "Residents had complained for years about the poor state of the bridge and had filed several petitions.",
        "Work is due to start next spring, and Trump wants it finished by the end of the following year, he said.",
    ]
    assert _extract(MENU + [HEADLINE, "Donald Trump", "July 27, 2023"] + body).authors == ()
    assert _extract(MENU + [HEADLINE, "Jane Doe", "July 27, 2023"] + body).authors == ("Jane Doe",)


def test_picture_alt_text_below_the_byline_is_no_headline() -> None:
    """The lead picture's alt text often repeats the URL's keywords: below the headline's byline it is no headline."""
    lines = MENU + [HEADLINE, "The council voted to repair the bridge that residents had complained about for years",
                    "By Jane Doe 30 August 2023", "old river bridge repair council 2023"] + BODY_EN
    art = _extract(lines, url="https://example.com/news/old-river-bridge-repair-council-2023/")
    assert art.title == HEADLINE
    assert art.authors == ("Jane Doe",)


def test_byline_glued_to_the_end_of_a_credit_line() -> None:
    credit = "Tous droits réservés Captures d'écran sur Truth Social Par David Mouriquand"
    body = [
        "Le conseil municipal a voté mardi soir la réparation du vieux pont sur la rivière après un long débat.",
        "Les travaux devraient coûter environ douze millions d'euros, a indiqué l'administration dans un communiqué.",
        "Les habitants se plaignaient depuis des années du mauvais état du pont et avaient déposé plusieurs pétitions.",
        "Le chantier doit commencer au printemps prochain et se terminer à la fin de l'année suivante, selon la mairie.",
    ]
    art = _extract(MENU + ["Le conseil municipal approuve la réparation du vieux pont", credit,
                           "Publié le 06/01/2026 - 14:16"] + body)
    assert art.authors == ("David Mouriquand",)
    art = _extract(MENU + [HEADLINE, "Photos courtesy of Jane Doe Par Avion", "July 27, 2023"] + BODY_EN)
    assert art.authors == ()  # 'Par' is no byline word in English
