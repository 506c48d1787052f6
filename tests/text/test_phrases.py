"""knowledge/phrases: per-language boilerplate phrase lists and the compiled matcher."""
from __future__ import annotations

import pytest

from fliesstext.knowledge import language_tuple, match_phrase, phrase_languages, phrase_matcher, phrases, removed_kinds

REQUIRED_LANGS = ("de", "en", "fr", "es", "it", "nl", "pl", "sv", "no", "da", "pt")
REQUIRED_KINDS = (
    "cookie_notice", "newsletter", "donation_appeal", "paywall", "share", "comments", "most_read",
    "most_commented", "related", "ad", "navigation",
)


@pytest.mark.parametrize("lang", REQUIRED_LANGS)
def test_language_file_complete(lang: str) -> None:
    table = phrases(lang)
    vocabulary = removed_kinds()
    for kind in REQUIRED_KINDS:
        assert table.get(kind), f"{lang}: no {kind} phrases"
    for kind, values in table.items():
        assert kind in vocabulary, f"{lang}: unknown kind {kind}"
        assert all(v == v.lower() and v.strip() == v for v in values), f"{lang}/{kind}: phrases are lower case"
    assert len(language_tuple(lang, "_months")) == 12


def test_all_files_listed() -> None:
    assert set(REQUIRED_LANGS) <= set(phrase_languages())


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("meistkommentiert", "de", "most_commented"),
        ("Mehr zum Thema", "de", "related"),
        ("Most read", "en", "most_read"),
        ("Lire aussi", "fr", "related"),
        ("Lo más leído", "es", "most_read"),
        ("Iscriviti alla newsletter", "it", "newsletter"),
        ("Lees ook", "nl", "related"),
        ("Czytaj także", "pl", "related"),
        ("Läs också", "sv", "related"),
        ("Les også", "no", "related"),
        ("Læs også", "da", "related"),
        ("Leia também", "pt", "related"),
        ("We use cookies", "de", "cookie_notice"),  # English is matched on every page
    ],
)
def test_match_phrase(text: str, lang: str, kind: str) -> None:
    found = match_phrase(text, lang)
    assert found is not None and found[0] == kind


def test_whole_words_only() -> None:
    assert match_phrase("Abonnentenzahlen steigen", "de") is None  # "abo" inside a word is no hit
    assert phrase_matcher("de").find_all("Jetzt unterstützen und Newsletter abonnieren") == [
        ("donation_appeal", "jetzt unterstützen"), ("newsletter", "newsletter abonnieren"),
    ]


def test_unknown_language_falls_back_to_english() -> None:
    assert match_phrase("Share this article", "xx") == ("share", "share this article")
