"""Rule-level behaviour of html/label.py: evidence order, reasons, memo bounds."""
from __future__ import annotations

import pytest

from fliesstext.html import label
from fliesstext.html.label import label_removed

NONE: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    ("text", "tokens", "tag", "density", "lang", "kind", "reason_part"),
    [
        ("Wir nutzen Cookies", {"consent", "banner"}, "p", 0.0, "de", "cookie_notice", "consent"),
        ("Accept", {"cookie", "notice"}, "button", 0.0, "en", "cookie_notice", "class token 'cookie'"),
        ("Jetzt unterstützen und unabhängig bleiben", NONE, "p", 0.0, "de", "donation_appeal", "jetzt unterstützen"),
        ("Politik\nWirtschaft\nSport", NONE, "ul", 0.92, "de", "navigation", "link density 0.92 in <ul>"),
        ("12.03.2024, 14:05 Uhr", NONE, "div", 0.0, "de", "date", "date-only"),
        ("Updated 3 hours ago", NONE, "span", 0.0, "en", "date", "date-only"),
        ("2024-02-14T16:15:30Z", NONE, "div", 0.0, "en", "date", "date-only"),
        ("Von Anna Muster", NONE, "p", 0.0, "de", "byline", "starts with 'Von '"),
        ("By Jane Doe and John Roe", NONE, "p", 0.0, "en", "byline", "starts with 'By '"),
        ("Anzeige", {"content"}, "div", 0.0, "de", "ad", "anzeige"),
        ("Mehr zum Thema", {"article"}, "h2", 0.0, "de", "related", "mehr zum thema"),
        ("Foto: dpa", NONE, "p", 0.0, "de", "caption", "credit 'foto:'"),
        ("© 2024 Example Media. All rights reserved.", NONE, "p", 0.0, "en", "footer", ""),
        ("A man crosses a street in Kyiv.", {"figure"}, "figcaption", 0.0, "en", "caption", "<figcaption>"),
        ("Impressum", {"site", "footer"}, "li", 1.0, "de", "footer", "class token 'footer'"),
        ("Impressum", NONE, "li", 1.0, "de", "footer", "impressum"),
        ("Sport", {"main", "nav", "menu"}, "li", 1.0, "de", "navigation", ""),
        ("Most read", NONE, "h3", 0.0, "en", "most_read", ""),
        ("Startseite Politik Ausland", {"breadcrumb"}, "ol", 1.0, "de", "breadcrumb", "breadcrumb"),
        ("Something else entirely", NONE, "p", 0.0, "en", "other", ""),
    ],
)
def test_examples(text: str, tokens: set[str] | frozenset[str], tag: str, density: float, lang: str, kind: str,
                  reason_part: str) -> None:
    got_kind, reason = label_removed(text, frozenset(tokens), tag, density, lang)
    assert got_kind == kind, reason
    assert reason_part in reason


def test_specific_box_beats_structural_container() -> None:
    # a newsletter box inside the site footer is a newsletter box
    assert label_removed("Get the briefing", frozenset({"footer", "newsletter"}), "div", 0.0, "en")[0] == "newsletter"
    # a date line inside a related-articles teaser is a date; its headline is related
    tokens = frozenset({"related", "teaser"})
    assert label_removed("21 hours ago", tokens, "div", 0.0, "en")[0] == "date"
    assert label_removed("Minister resigns after vote", tokens, "h3", 0.0, "en")[0] == "related"


def test_state_flags_are_no_evidence() -> None:
    # <body class="has-comments gdpr-applies"> leaks into every block's ancestors: it must not label menus
    tokens = frozenset({"has", "comments", "hascomments", "gdpr", "applies", "gdprapplies", "nav", "menu"})
    assert label_removed("Sport", tokens, "li", 1.0, "en")[0] == "navigation"


def test_component_footer_is_not_site_footer() -> None:
    tokens = frozenset({"article", "footer", "articlefooter"})
    assert label_removed("Some closing remark of the box", tokens, "p", 0.0, "en")[0] != "footer"
    assert label_removed("Imprint", frozenset({"site", "footer", "sitefooter"}), "li", 1.0, "en")[0] == "footer"


def test_unknown_and_missing_language() -> None:
    assert label_removed("Lo más leído", NONE, "h2", 0.0, None)[0] == "most_read"
    assert label_removed("Sport", frozenset({"nav"}), "li", 1.0, "xx")[0] == "navigation"


def test_token_memos_are_bounded() -> None:
    rules = label._token_rules()
    for i in range(label._TOKEN_MEMO_SIZE + 10):
        rules.verdict(frozenset({f"tok{i}", "nav"}))
    assert len(rules.memo) <= label._TOKEN_MEMO_SIZE
    assert len(rules.known) <= len(rules.table) + label._TOKEN_MEMO_SIZE * 4 + 1


def test_grouped_blocks() -> None:
    # html/removed.py joins a run of dropped blocks with newlines: the first line may name the group,
    # and a line that is nothing but "Cookie-Einstellungen" is a footer link, not the banner
    assert label_removed("Meistgelesen\nDer Kanzler sagt ab\nDas Wetter", NONE, "div", 0.9, "de")[0] == "most_read"
    assert label_removed("Impressum\nCookie-Einstellungen\nKontakt", NONE, "li", 1.0, "de")[0] != "cookie_notice"
    text = "Wir verwenden Cookies, um Inhalte zu personalisieren.\nAkzeptieren"
    assert label_removed(text, NONE, "div", 0.0, "de")[0] == "cookie_notice"


def test_article_paragraphs_are_not_boilerplate() -> None:
    # html/removed.py also checks kept blocks' text alone: a paragraph that mentions a policy or a price is content
    paragraph = ("Meta said on Tuesday it would change its privacy policy in Europe after regulators found that the "
                 "subscription of 9.99 euros per month did not give users a real choice.")
    assert label_removed(paragraph, NONE, "p", 0.0, "en")[0] == "other"
    assert label_removed("AP Photographer documents debris on a school building", NONE, "p", 0.0, "en")[0] == "other"
