"""Text-mode headline choice: the URL slug, glued kickers, captions and author boxes that look like headlines."""
from __future__ import annotations

import pytest
from text_lines import BODY_DE, BODY_EN, MENU

import fliesstext
from fliesstext.text.kicker import refine_title
from fliesstext.text.lines import split_lines
from fliesstext.text.slug import Slug, glued_kicker, slug_words


def _extract(lines: list[str], url: str | None = None) -> fliesstext.Article:
    return fliesstext.extract("\n".join(lines), url=url, mode="text")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://x.de/politik/stadtrat-gibt-gruenes-licht-fuer-bruecke-18857107.html",
         ("stadtrat", "gibt", "grunes", "licht", "fur", "brucke")),  # 'ue' and 'ü' both read as 'u'
        ("https://x.com/2024/05/01/the-old-bridge-will-be-repaired/",
         ("the", "old", "bridge", "will", "be", "repaired")),
        ("https://x.de/artikel/474126.nationaler-veteranentag-orden-f%C3%BCrs-morden.html",
         ("nationaler", "veteranentag", "orden", "furs", "morden")),
        ("https://x.com/news/world/article12345", ()),  # no segment reads like a headline
        ("https://x.com/a-b", ()),
        ("https://x.de/wirtschaft/geld-und-finanzen/a-123456.html", ()),  # a section: 'und' is no content word
        ("https://x.com/news/world-news-and-politics/bridge-repairs-get-green-light/",
         ("bridge", "repairs", "get", "green", "light")),
        ("https://x.com/news/world-news-and-politics/biden-wins/", ("world", "news", "and", "politics")),
        (None, ()),
    ],
)
def test_slug_words(url: str | None, words: tuple[str, ...]) -> None:
    assert slug_words(url).words == words


def test_slug_match_folds_umlauts_marks_and_cut_words() -> None:
    slug = slug_words("https://x.de/stadtrat-gibt-gruenes-licht-fuer-bruecke")
    assert slug.match("Stadtrat gibt grünes Licht für Brücke") == (1.0, 1.0)
    share, precision = Slug(("india", "pakistan", "missiles")).match("India fires missiles into Pakistani territory")
    assert share == 1.0 and precision == pytest.approx(3 / 6)
    assert Slug().match("anything") == (0.0, 0.0)


@pytest.mark.parametrize("text", [
    "Ahrtal-Flut: Zwei Rücktritte im Kreistag", "Zwei Ruecktritte nach der Flut", "Ahrtal", "Rücktrittsforderungen",
    "Wetter und Verkehr", "",
])
def test_slug_may_share_never_rules_out_a_match(text: str) -> None:
    slug = Slug(("ahrtal", "flut", "zwei", "rucktritte"))
    for share in (0.25, 0.5, 0.6, 1.0):
        if slug.match(text)[0] >= share:
            assert slug.may_share(text, share)
    assert not slug.may_share("Wetter und Verkehr", 0.25)


def test_slug_names_the_headline_over_a_teaser_at_the_region_start() -> None:
    """The teaser shares more words with the body; the URL names the headline."""
    title = "Bridge repairs get the green light"
    teaser = "The city council voted to repair the old bridge over the river after years of complaints"
    lines = MENU + [title, "Related: Mayor opens the new harbour promenade", teaser] + BODY_EN
    art = _extract(lines, url="https://news.example.com/local/bridge-repairs-get-the-green-light-123456")
    assert art.title == title


def test_glued_kicker_split_where_the_slug_starts() -> None:
    slug = slug_words("https://x.de/nrw/kuenstliche-intelligenz-in-der-schule-kinder-lernen-schneller_aid-1")
    title = "Technologie im Klassenzimmer Künstliche Intelligenz in der Schule – Kinder lernen schneller"
    assert glued_kicker(slug, title) == (
        "Künstliche Intelligenz in der Schule – Kinder lernen schneller", "Technologie im Klassenzimmer")
    # a slug summing up part of the headline is no reason to split it
    slug = slug_words("http://www.buzzfeed.com/someone/diet-pills-burns-up")
    assert glued_kicker(slug, "Student Dies After Diet Pills She Bought Online Burned Her Up") is None
    assert glued_kicker(slug, "Kicker: Diet pills burns up the student") is None


def test_kicker_before_a_dash_when_it_stands_alone_elsewhere() -> None:
    """'Kicker - Headline' with the kicker on its own line elsewhere: not 'Headline - Site'."""
    art = _extract(["Inhalt", "Eskalation im Nahen Osten - «Die Zurückhaltung hat viel mit den USA zu tun»",
                    "27.07.2023, 18:16 Uhr"] + BODY_DE + ["Mehr zum Thema", "Eskalation im Nahen Osten"])
    assert (art.kicker, art.title) == ("Eskalation im Nahen Osten", "«Die Zurückhaltung hat viel mit den USA zu tun»")


def test_headline_line_starting_with_the_kickers_colon() -> None:
    art = _extract(MENU + ["Brücke in Gefahr", ": Stadtrat gibt grünes Licht für die Sanierung",
                           "27.07.2023, 18:16 Uhr"] + BODY_DE)
    assert (art.kicker, art.title) == ("Brücke in Gefahr", "Stadtrat gibt grünes Licht für die Sanierung")


def test_caption_ending_in_an_agency_is_no_headline() -> None:
    title = 'Council approves bridge repair: "It is overdue. We start in spring"'
    art = _extract(MENU + [title, "Share", "The old bridge over the river, seen from the south bank. AFP",
                           "By Jane Doe", "July 27, 2023"] + BODY_EN)
    assert art.title == title


def test_author_box_with_a_role_is_no_headline() -> None:
    title = "Council approves repair of the old river bridge"
    art = _extract(MENU + [title, "Jane Doe – Journalist in Paris", "John Roe – Reporter"] + BODY_EN)
    assert art.title == title


@pytest.mark.parametrize("label", ["A", "July 27, 2023", "Article content"])
def test_no_kicker_from_controls_dates_or_repeated_labels(label: str) -> None:
    title = "Council approves repair of the old river bridge"
    lines = MENU + [label, title, "By Jane Doe"] + BODY_EN
    if label == "Article content":
        lines = lines[:-2] + [label, lines[-2], label, lines[-1], label, label]
    art = _extract(lines)
    assert (art.kicker, art.title) == (None, title)


def test_headline_before_a_slogan_and_site_is_no_kicker() -> None:
    """'Headline - Slogan | Site' with the headline alone elsewhere: the headline is the title, not a kicker."""
    full = "Bridge repair approved - Latest news and analysis from the region | Daily Courier"
    art = _extract([full, "27.07.2023", "Bridge repair approved"] + BODY_EN)
    assert (art.kicker, art.title) == (None, "Bridge repair approved")
    lines, _ = split_lines([full, "Bridge repair approved"])
    assert refine_title(lines, 0) == ("Bridge repair approved", None)


def test_short_slug_is_no_decisive_reason() -> None:
    """A 3-word slug may name a section ('world-news-and-politics'): its menu line is no headline for it."""
    title = "Bridge repairs get the green light"
    menu = [f"Menu entry number {k}" for k in range(30)]  # the section line is further up than LOOKBACK
    lines = ["World news and politics"] + menu + [title, "27.07.2023"] + BODY_EN
    art = _extract(lines, url="https://news.example.com/news/world-news-and-politics/biden-wins/")
    assert art.title == title
    assert slug_words("https://x.com/world-news-and-politics").content == 3


def test_title_case_headline_is_not_split_by_its_slug() -> None:
    slug = slug_words("https://x.com/tech/new-iphone-15-with-usb-c-port-announced")
    title = "Apple Unveils New iPhone 15 With USB-C Port Announced"
    assert glued_kicker(slug, title) is None
    assert glued_kicker(slug, title, frozenset({"Apple Unveils"})) == (
        "New iPhone 15 With USB-C Port Announced", "Apple Unveils")  # the kicker stands alone elsewhere


def test_slug_looks_further_up_for_a_list_item_when_a_nearby_line_fits_it() -> None:
    """A displayed headline fitting half the slug stops the search for far lines, but not for a breadcrumb's last
    item that spells the slug out (the page's own title, far above)."""
    leaf = "Council approves repair of the old river bridge"
    shown = "Council approves bridge repair after years of debate"
    menu = [f"Menu entry number {k}" for k in range(40)]
    url = "https://news.example.com/local/council-approves-repair-of-the-old-river-bridge-123"
    lines = ["1. Home", "2. Local", f"3. {leaf}"] + menu + [shown, "27.07.2023"] + BODY_EN
    assert _extract(lines, url=url).title == leaf
    lines = ["Home", "Local", leaf] + menu + [shown, "27.07.2023"] + BODY_EN  # a far plain line: not looked for
    assert _extract(lines, url=url).title == shown
