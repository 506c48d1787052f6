"""Text mode end to end on small hand-written pages: blocks, removed kinds, meta from the text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import fliesstext
from fliesstext.options import Options
from fliesstext.text import extract_text

PROSE = [
    "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die alte Brücke über den Fluss zu sanieren.",
    "Die Kosten für die Arbeiten werden auf rund zwölf Millionen Euro geschätzt, wie die Verwaltung mitteilte.",
    "Anwohner hatten sich seit Jahren über den schlechten Zustand beschwert und mehrere Petitionen eingereicht.",
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und bis zum Ende des nächsten Jahres dauern.",
]
PAGE = "\n".join([
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Alle akzeptieren",
    "Stadtentwicklung: Die alte Brücke wird saniert",
    "Von Anna Beispiel und Bo Muster",
    "27.07.2023, 18:16 Uhr",
    PROSE[0],
    PROSE[1],
    "Was die Anwohner sagen",
    PROSE[2],
    "* Die Brücke ist für Lastwagen gesperrt, seit ein Gutachten Schäden fand.",
    "* Fußgänger dürfen sie weiter nutzen, auch während der Arbeiten.",
    PROSE[3],
    "Mehr zum Thema",
    "Neue Radwege in der Innenstadt",
    "Kommentare",
    "Impressum",
    "Datenschutz",
    "© 2023 Beispiel-Zeitung",
])


def test_blocks_and_meta() -> None:
    art = fliesstext.extract(PAGE, mode="text")
    assert art.title == "Stadtentwicklung: Die alte Brücke wird saniert"
    assert art.kicker == "Stadtentwicklung"
    assert art.authors == ("Anna Beispiel", "Bo Muster")
    assert art.date_published is not None and art.date_published.value == "2023-07-27T18:16"
    assert art.lang == "de"
    kinds = [(b.kind, b.text) for b in art.body]
    assert ("heading", "Was die Anwohner sagen") in kinds
    assert sum(1 for kind, _ in kinds if kind == "list_item") == 2
    for prose in PROSE:
        assert prose in art.text


def test_every_dropped_line_is_removed_with_kind_and_reason() -> None:
    art = fliesstext.extract(PAGE, mode="text")
    kept = {b.text for b in art.body} | {art.title, art.kicker, art.teaser}
    removed = {r.text: r for r in art.removed}
    for line in PAGE.split("\n"):
        text = line.lstrip("* ").strip()
        assert text in kept or text in removed, text
    assert all(r.kind and r.reason for r in art.removed)
    assert removed["Mehr zum Thema"].kind == "related"
    assert removed["Impressum"].kind in ("footer", "navigation")
    assert removed["27.07.2023, 18:16 Uhr"].kind == "date"
    assert removed["Von Anna Beispiel und Bo Muster"].kind == "byline"
    assert any(r.kind == "cookie_notice" for r in art.removed)


def test_english_byline_and_date() -> None:
    text = "\n".join(["World", "Storm hits the coast", "By Jane Doe", "July 27, 2023 5:30 pm"] + [
        "The storm reached the coast early on Tuesday morning, bringing heavy rain and strong winds to the region.",
        "Thousands of homes were left without power, and several roads were closed because of flooding.",
        "Officials said the worst of the weather was expected to pass by the evening, but warned of more rain.",
    ])
    art = fliesstext.extract(text, mode="text")
    assert art.title == "Storm hits the coast"
    assert art.authors == ("Jane Doe",)
    assert art.date_published is not None and art.date_published.value == "2023-07-27T17:30"
    assert art.lang == "en"


def test_options_switch_off_removed_and_repairs() -> None:
    _, body = extract_text(PAGE, None, Options(keep_removed=False, keep_repairs=False))
    assert body.removed == () and body.repairs == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_never_crashes(text: str) -> None:
    meta, body = extract_text(text, None, Options())
    assert isinstance(body.blocks, tuple)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(PROSE + ["", "  * Menü", "<image>x.jpg alt=\"a\"</image>", "R ussland", "Foto: dpa"]),
                max_size=30))
def test_never_crashes_on_line_soup(lines: list[str]) -> None:
    extract_text("\n".join(lines), "https://example.org/a", Options())
