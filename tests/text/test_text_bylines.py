"""Text-mode bylines the capitalised-name reader cannot see: names of scripts without capitals, desk bylines,
agency source lines, roles in brackets, and dates printed after the text."""
from __future__ import annotations

import pytest

from fliesstext.api import extract_page
from fliesstext.model import Page
from fliesstext.options import Options
from fliesstext.text.dates import agency_part, bare_names, caseless_byline, caseless_full_name, desk_name, source_agency

BODY = ["The council met on Tuesday evening and voted to repair the old river bridge, which has been closed for "
        "two years after engineers found cracks in its main arches and the piers below them."] * 4
TITLE = "Council approves repair of the old river bridge"


def _article(lines: list[str]) -> tuple[tuple[str, ...], str | None]:
    art = extract_page(Page(content="\n\n".join(lines), mode="text"), Options(mode="text"))
    return art.authors, None if art.date_published is None else art.date_published.value


@pytest.mark.parametrize(("text", "names"), [
    ("(责编：牛镛、岳弘彬)", ("牛镛", "岳弘彬")),
    ("记者：王小明", ("王小明",)),
    ("순천, 광양 구현모 기자 ninek@hankookilbo.com", ("구현모",)),
    ("分享让更多人看到", ()),  # caseless text without a label or role: no name
    ("기자", ()),
    ("Jane Doe reporter", ()),  # Latin names are the capitalised reader's job
])
def test_caseless_author_notes(text: str, names: tuple[str, ...]) -> None:
    assert caseless_byline(text) == names


def test_caseless_full_name_needs_two_short_parts() -> None:
    assert caseless_full_name("大渡 美咲") == ("大渡 美咲",)
    assert caseless_full_name("地震・災害") == ()
    assert caseless_full_name("Anna Muster") == ()


@pytest.mark.parametrize(("text", "name"), [
    ("IN-Redaktion", "IN-Redaktion"), ("BR24 Redaktion", "BR24 Redaktion"), ("Redaktion", None),
    ("Zuschauerredaktion", None), ("Die Redaktion empfiehlt", None), ("redaktion", None),
])
def test_desk_bylines(text: str, name: str | None) -> None:
    assert desk_name(text) == name


def test_agency_after_a_source_label_or_a_separator() -> None:
    assert source_agency("Quelle: dpa Sport") == ("dpa",)
    assert source_agency("Source: The Associated Press") == ("The Associated Press",)
    assert source_agency("Quelle: Statistisches Bundesamt") == ()
    assert source_agency("Fazit: dpa meldet") == ()
    assert agency_part("Haberler - Anadolu Ajansı") == ("Anadolu Ajansı",)
    assert agency_part("Politik - Inland") == ()


def test_role_in_brackets_after_a_name() -> None:
    assert bare_names("Chus del Pino , Martí Abad (Enviado especial)", "es") == ("Chus del Pino", "Martí Abad")
    assert bare_names("Jane Doe (dpa)", "de") == ("Jane Doe",)


def test_role_after_a_comma() -> None:
    assert bare_names("Jane Doe, Staff Writer", "en") == ("Jane Doe",)
    assert bare_names("Jane Doe and Bob Roe, Senior Reporters", "en") == ("Jane Doe", "Bob Roe")
    assert bare_names("Jane Doe, Berlin", "en") == ()  # a place or a second name: not guessed


def test_author_note_below_the_text_in_chinese() -> None:
    authors, _ = _article([TITLE, *BODY, "(责编：牛镛、岳弘彬)", "分享让更多人看到"])
    assert authors == ("牛镛", "岳弘彬")


def test_desk_signature_below_the_text() -> None:
    authors, _ = _article([TITLE, *BODY, "IN-Redaktion", "Hat Ihnen dieser Artikel gefallen?"])
    assert authors == ("IN-Redaktion",)


def test_desk_name_under_a_lone_byline_word() -> None:
    authors, _ = _article([TITLE, "By", "Metro Desk", *BODY])
    assert authors == ("Metro Desk",)


def test_source_line_beside_the_date() -> None:
    authors, date = _article([TITLE, "Aktualisiert am 28. April 2023, 20:22 Uhr", "Quelle: dpa Sport", *BODY])
    assert authors == ("dpa",)
    assert date is not None and date.startswith("2023-04-28")


def test_dateline_below_the_text_when_the_header_has_none() -> None:
    _, date = _article([TITLE, *BODY, "Krieg im Nahen Osten", "SRF 4 News, 15.4.2024, 10:05 Uhr", "Mehr zum Thema"])
    assert date is not None and date.startswith("2024-04-15")


def test_dateline_far_below_the_text_is_not_taken() -> None:
    tail = [f"Related story number {k}" for k in range(8)] + ["15.04.2024 Mit Video"]
    _, date = _article([TITLE, *BODY, *tail])
    assert date is None
