"""HTML mode repairs what a reader never sees (soft hyphens, zero-width spaces) and lists each repair."""
from __future__ import annotations

from fliesstext import extract_page
from fliesstext.model import Page
from fliesstext.options import Options

PAGE = """<html lang="de"><head><title>Haushalt</title></head><body><article><h1>Haushalt</h1>
<p>Die Bundes&shy;regierung hat heute in Berlin beschlossen, dass die L\u00e4nder im kommenden Jahr mehr Geld
erhalten werden, und zwar sofort und ohne weitere Bedingungen, wie der Sprecher sagte.</p>
<p>Der zweite Absatz enth\u00e4lt ein Null\u200bbreite-Zeichen und ein persisches Wort \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645, dessen
Verbinder zur Schreibung geh\u00f6rt und bleiben muss, wie jeder Leser sieht.</p>
<table><tr><td>Bundes&shy;land</td><td>Betrag</td></tr><tr><td>Bayern</td><td>12</td></tr></table>
</article></body></html>"""


def test_soft_hyphens_and_zero_width_spaces_are_removed_and_listed() -> None:
    article = extract_page(Page(PAGE, url="https://example.de/haushalt"))
    assert "Bundesregierung" in article.text and "\u00ad" not in article.text
    assert "Nullbreite" in article.text and "\u200b" not in article.text
    kinds = {repair.kind for repair in article.repairs}
    assert kinds == {"soft_hyphen", "zero_width"}
    soft = next(r for r in article.repairs if r.kind == "soft_hyphen")
    assert "Bundes\u00adregierung" in soft.before and "Bundesregierung" in soft.after


def test_joiners_are_spelling_and_stay() -> None:
    article = extract_page(Page(PAGE, url="https://example.de/haushalt"))
    assert "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645" in article.text


def test_table_cells_are_repaired_too() -> None:
    article = extract_page(Page(PAGE, url="https://example.de/haushalt"))
    tables = [block for block in article.body if block.kind == "table"]
    assert tables and all("\u00ad" not in cell for block in tables for row in block.rows or () for cell in row)


def test_repairs_not_listed_when_not_wanted_but_still_made() -> None:
    article = extract_page(Page(PAGE, url="https://example.de/haushalt"), Options(keep_repairs=False))
    assert article.repairs == ()
    assert "Bundesregierung" in article.text


def test_decomposed_text_comes_out_nfc() -> None:
    page = PAGE.replace("L\u00e4nder", "La\u0308nder")
    article = extract_page(Page(page, url="https://example.de/haushalt"))
    assert "L\u00e4nder" in article.text and "a\u0308" not in article.text


def test_title_keeps_joiners_and_drops_soft_hyphens() -> None:
    page = PAGE.replace("<title>Haushalt</title>", "<title>Haus&shy;halt \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645</title>").replace(
        "<h1>Haushalt</h1>", "")
    article = extract_page(Page(page, url="https://example.de/haushalt"))
    assert article.title == "Haushalt \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"


def test_mojibake_published_by_the_site_is_repaired_and_listed() -> None:
    page = PAGE.replace("<title>Haushalt</title>", "<title>Geld f\u00c3\u00bcr L\u00c3\u00a4nder</title>").replace(
        "L\u00e4nder im", "L\u00c3\u00a4nder im").replace("<h1>Haushalt</h1>", "")
    article = extract_page(Page(page.encode("utf-8"), url="https://example.de/haushalt"))
    assert article.title == "Geld f\u00fcr L\u00e4nder"
    assert "die L\u00e4nder im kommenden Jahr" in article.text
    assert sum(r.kind == "mojibake" for r in article.repairs) == 2
