"""Kinds of removed blocks (text/kinds.py, html/removed.py): what a reader would call a dropped block, never what
is kept. The hand-labelled sample behind the figures is bench/kinds/sample.jsonl (`python -m bench.kinds`)."""
from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest

from fliesstext import extract
from fliesstext.knowledge import removed_kinds
from fliesstext.text.kinds import entry_kind, is_headline_like, name_other, text_kind

SAMPLE = Path(__file__).resolve().parent.parent / "bench" / "kinds" / "sample.jsonl"
BODY = (
    "The city council on Tuesday approved a new budget for the parks department, adding money for playgrounds, "
    "trees and paths across all districts of the city.\n"
    "Council members said the plan had been discussed for more than a year with residents, who asked above all for "
    "more shade and for safer paths to schools.\n"
    "The budget now goes to the mayor, who is expected to sign it next week; work on the first playgrounds could "
    "start in the summer, the parks department said.\n"
    "Opposition members criticised the cost of the plan but voted for it in the end, saying that the parks needed "
    "the money after years of cuts and delays.\n"
)
PAGE = (
    "Skip to content\nSearch\nLog in\nNews\nSport\nWeather\n\n"
    "Council approves new budget for city parks\n\nBy Jane Doe\n12 May 2024\n\n" + BODY +
    "\nShare\nFacebook\nEmail\n\n"
    "More from News\n"
    "Heavy rain expected across the region this weekend\n"
    "Forecasters warn of flooding in low-lying areas and advise residents to prepare.\n"
    "3 hrs ago\n"
    "Local school wins national science competition award\n"
    "Students from the town built a solar powered boat that beat forty other teams.\n"
    "5 hrs ago\n\n"
    "About us\nContact us\nPrivacy policy\n"
)


def _kinds(text: str) -> dict[str, str]:
    article = extract(text, mode="text")
    return {line: removed.kind for removed in article.removed for line in removed.text.split("\n")}


def test_text_mode_names_controls_teasers_and_footer_links() -> None:
    kinds = _kinds(PAGE)
    assert kinds["Search"] == "header"  # a control above the article
    assert kinds["Log in"] == "header"
    assert kinds["Sport"] == "navigation"  # not 'paywall': 'Log in' opened no paywall box
    assert kinds["Facebook"] == "share"
    assert kinds["Contact us"] == "footer"
    for line in ("Forecasters warn of flooding in low-lying areas and advise residents to prepare.", "3 hrs ago",
                 "Local school wins national science competition award", "5 hrs ago"):
        assert kinds[line] == "related", line  # a teaser list: headlines, summaries, times
    assert "other" not in kinds.values()


def test_relabelling_changes_no_body_and_no_dropped_text() -> None:
    on = extract(PAGE, mode="text")
    with mock.patch("fliesstext.text.pipeline.relabel_dropped", lambda *args: None):
        off = extract(PAGE, mode="text")
    assert on.text == off.text
    assert "\n".join(r.text for r in on.removed) == "\n".join(r.text for r in off.removed)
    assert [r.kind for r in on.removed] != [r.kind for r in off.removed]


def test_header_control_below_the_article_is_not_the_header() -> None:
    kinds = _kinds(PAGE.replace("About us\n", "About us\nSearch\n").replace("Skip to content\nSearch\n", ""))
    assert kinds["Search"] != "header"


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("Partager cet article Partager cet article", "fr", "share"),  # a label and its icon's text
    ("3 hrs ago", "en", "date"),
    ("17.04.2024, 12:24", "de", "date"),
    ("Související témata: Vláda Petra Fialy", "cs", "tags"),
    ("Schlagwörter zu diesem Artikel", "de", "tags"),
    ("返回顶部", "zh", "navigation"),
    ("Zum Hauptinhalt springen", "de", "navigation"),
    ("Impressum", "de", "footer"),
    ("Lo más leído", "es", "most_read"),
])
def test_text_alone(text: str, lang: str, kind: str) -> None:
    found = text_kind(text, lang)
    assert found is not None and found[0] == kind, found


def test_text_alone_leaves_prose_and_menu_words_unnamed() -> None:
    assert text_kind("The council approved the budget on Tuesday after a long debate.", "en") is None
    assert text_kind("Politik", "de") is None
    assert text_kind("Main content", "en") == ("navigation", "text 'main content'")  # a skip link, not a date


def test_grouped_entry_by_its_heading_or_its_lines() -> None:
    assert entry_kind("Meistgelesen\nErster Artikel\nZweiter Artikel", "de") == ("most_read", "first line: text 'meistgelesen'")
    assert entry_kind("Facebook\nX\nWhatsApp\nE-Mail", "de") == ("share", "first line: text 'facebook'")
    assert entry_kind("Politik\nWirtschaft\nSport", "de") is None


def test_html_other_names_beside_the_headline_are_the_byline() -> None:
    assert name_other("Duncan Walker", "en", True) == ("byline", "names beside the headline or the body")
    assert name_other("Duncan Walker", "en", False) is None  # a name elsewhere may be a teaser's author
    assert name_other("Von dpa 30.04.2024, 18:58", "de", True) == ("byline", "a byline")
    found = name_other("Sizlere daha iyi hizmet için sitemizde çerezlerden faydalanıyoruz.", "tr", False)
    assert found is not None and found[0] == "cookie_notice"


def test_headline_shape() -> None:
    assert is_headline_like("Local school wins national science competition award")
    assert not is_headline_like("Students from the town built a solar powered boat that beat forty other teams.")
    assert not is_headline_like("Sport")


FRENCH_BODY = (
    "Le conseil municipal a approuvé mardi un nouveau budget pour les parcs, avec de l'argent pour les aires de jeux, "
    "les arbres et les chemins de tous les quartiers de la ville.\n"
    "Les élus ont expliqué que le projet avait été discuté pendant plus d'un an avec les habitants, qui demandaient "
    "surtout plus d'ombre et des chemins plus sûrs vers les écoles.\n"
    "Le budget doit maintenant être signé par le maire la semaine prochaine ; les premiers travaux pourraient "
    "commencer dès l'été, selon le service des parcs.\n"
)


def _html_removed(body: str, before: str, after: str) -> dict[str, str]:
    html = (
        f"<html><body>{before}<main><article><h1>Un nouveau budget pour les parcs</h1>"
        + "".join(f"<p>{p}</p>" for p in body.strip().split("\n"))
        + f"</article>{after}</main></body></html>"
    )
    article = extract(html, mode="html")
    assert body.split("\n")[1] in article.text
    return {r.text: r.kind for r in article.removed}


def test_html_share_bar_under_a_glued_comment_token() -> None:
    """'Partager cet article' under 'c-article-partage-commentaire': the text names the share bar."""
    after = "<div class='c-article-partage-commentaire'><p>Partager cet article</p></div>"
    assert _html_removed(FRENCH_BODY, "", after).get("Partager cet article") == "share"


def test_html_skip_links_are_navigation() -> None:
    before = "<div><a href='#a'>Jump to</a><a href='#main'>Main content</a><a href='/s'>Search</a>" \
             "<a href='/account'>Account</a></div>"
    kinds = _html_removed(BODY, before, "")
    assert [kind for text, kind in kinds.items() if "Main content" in text] == ["navigation"]


def test_sample_is_valid_and_split_by_host() -> None:
    items = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    vocabulary = removed_kinds()
    assert len(items) >= 250
    assert all(item["kind"] in vocabulary and len(item["text"]) <= 300 for item in items)
    assert {item["mode"] for item in items} == {"html", "text"}
    split = {}
    for item in items:
        assert split.setdefault(item["host"], item["split"]) == item["split"], item["host"]
    assert set(split.values()) == {"dev", "holdout"}


@pytest.mark.parametrize("text", [
    "Search", "  • Share  ", "Search Search", "More from News: heavy rain", "Shareholders meet today",
    "17.04.2024, 12:24", "3 hrs ago", "5 min", "Read more\nabout this", "Related articles:", "Council approves budget",
])
def test_text_kind_is_line_kinds_of_the_one_line(text: str) -> None:
    """text_kind's one-line shortcut says what line_kinds says of the same line."""
    from fliesstext.text.kinds import line_kinds

    for lang in ("en", "de", None):
        assert text_kind(text, lang) == line_kinds([text.replace("\n", " ")], lang).get(0)


@pytest.mark.parametrize(("text", "menu"), [
    ("Home\nNews\nSport\nWeather", True),
    ("Home\n\n\nNews\nSport", False),  # three lines with words: too few
    ("Home\nNews\n \nSport\nWeather", True),
    ("Home page\nLatest news today\nSport\nWeather", True),
    ("Heavy rain is expected across the whole region late tonight\nNews\nSport\nWeather", False),
    ("One line only", False),
])
def test_menu_shape(text: str, menu: bool) -> None:
    from fliesstext.text.kinds import is_menu_shaped

    assert is_menu_shaped(text) is menu


def test_boxed_headlines_near_a_headline_by_merge_or_bisection() -> None:
    from fliesstext.text.kinds import _near, _near_all

    heads, boxed = [3, 20, 40], [0, 9, 10, 14, 26, 27, 33, 34, 46, 47, 60]
    assert _near_all(heads, boxed) == [i for i in boxed if _near(heads, i)] == [0, 9, 14, 26, 34, 46]
    assert _near_all([20, 3], boxed) == [i for i in boxed if _near([20, 3], i)]  # out of order: as before


def test_html_phrase_of_every_language_found_under_a_language() -> None:
    """A phrase of the language's list decides; an ordinary sentence stays 'other'."""
    from fliesstext.html.label import label_removed

    assert label_removed("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten", frozenset(), "div", 0.0,
                         "de")[0] == "cookie_notice"
    assert label_removed("Ein ganz gewöhnlicher Satz über den Stadtrat", frozenset(), "div", 0.0, "de") == (
        "other", "no rule matched")


def test_table_rows_and_figures_are_no_teaser_headlines() -> None:
    from fliesstext.text.kinds import is_headline_like

    assert is_headline_like("Minister resigns after the budget row in the capital")
    assert not is_headline_like("Bavaria: Greens 12%, SPD 20%, CDU 38%")
    assert not is_headline_like("Social Democrats\t31.2%\t42")
    assert not is_headline_like("Hesse 31.2 / 28.1 / 12.4 / 9.9 %")
