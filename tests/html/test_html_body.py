"""HTML body extractor: structure goldens (data in goldens.json), robustness, removed reasons, presets."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

import fliesstext
from fliesstext import Options

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from regenerate_goldens import page, render  # noqa: E402

CASES = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))["cases"]
GOLDENS = json.loads((HERE / "goldens.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_structure_golden(name: str) -> None:
    assert render(page(name)) == GOLDENS[name], f"regenerate with tests/html/regenerate_goldens.py if intended ({name})"


def test_boilerplate_of_the_template_is_not_in_the_body() -> None:
    article = fliesstext.extract(page("ul_li_span"), url="https://example.org/a", mode="html")
    text = article.text
    for needle in ("Cookies", "Von Anna Muster", "Teilen", "Mehr zum Thema", "Impressum", "Start", "Der Titel"):
        assert needle not in text
    assert "Erster Punkt" in text


def test_every_dropped_block_has_kind_and_reason() -> None:
    article = fliesstext.extract(page("figure_caption"), url="https://example.org/a", mode="html")
    assert article.removed
    for removed in article.removed:
        assert removed.kind and removed.reason and removed.text
    captions = [r for r in article.removed if "Bildunterschrift" in r.text]
    assert captions and captions[0].kind == "caption"


def test_image_caption_and_credit_kept_out_of_text() -> None:
    article = fliesstext.extract(page("figure_caption"), url="https://example.org/a/b", mode="html")
    assert len(article.images) == 1
    image = article.images[0]
    assert image.src == "https://example.org/bild.jpg"
    assert (image.caption, image.credit, image.width, image.height) == ("Die Bildunterschrift", "Foto: Agentur", 640, 480)
    assert "Bildunterschrift" not in article.text and "Agentur" not in article.text


def test_table_colspan_10000_is_cheap() -> None:
    html = "<table>" + "<tr><td colspan='10000' rowspan='10000'>x</td><td>y</td></tr>" * 200 + "</table>"
    start = time.perf_counter()
    article = fliesstext.extract(page("br_br_text").replace("<p>Erste", html + "<p>Erste"), mode="html")
    assert time.perf_counter() - start < 2.0
    tables = [b for b in article.body if b.kind == "table"]
    assert tables and tables[0].rows is not None and len(tables[0].rows) == 200


def test_ten_thousand_nested_divs_do_not_recurse() -> None:
    html = "<html><body>" + "<div>" * 10_000 + "<p>" + "Tief verschachtelter Text, ein ganzer Satz. " * 5 + "</p>" \
        + "</div>" * 10_000 + "</body></html>"
    article = fliesstext.extract(html, mode="html")
    assert "Tief verschachtelter Text" in article.text


def test_text_only_in_json_ld_article_body() -> None:
    body = "Erster Absatz aus den Daten, mit einem ganzen Satz.\nZweiter Absatz, ebenfalls ein ganzer Satz hier."
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body * 5})
    html = f"<html><head><script type='application/ld+json'>{data}</script></head><body><div>Laden…</div></body></html>"
    article = fliesstext.extract(html, mode="html")
    assert "Erster Absatz aus den Daten" in article.text
    assert any("articleBody" in w for w in article.warnings)


def test_text_only_in_next_flight_data() -> None:
    para = "<p>Ein Absatz, der nur in den eingebetteten Daten steht, und zwar als ganzer Satz.</p>" * 8
    payload = json.dumps([1, f"24:T{len(para):x},{para}"])
    html = f"<html><body><main><div>Laden…</div></main><script>self.__next_f.push({payload})</script></body></html>"
    article = fliesstext.extract(html, mode="html")
    assert article.text.count("nur in den eingebetteten Daten") == 8


@pytest.mark.parametrize("favor", ["precision", "balanced", "recall"])
def test_presets_run(favor: str) -> None:
    article = fliesstext.extract(page("headings"), mode="html", options=Options(mode="html", favor=favor))
    assert "Absatz unter dem Zwischentitel" in article.text


def test_hidden_text_inside_the_article_is_kept_but_hidden_boxes_elsewhere_are_not() -> None:
    html = page("br_br_text").replace(
        "<p>Der letzte", "<div hidden><p>Versteckter Rest des Artikels hinter der Bezahlschranke, ein Satz.</p></div>"
        "<p>Der letzte").replace("<footer>", "<div style='display:none'><p>" + "Bitte melden Sie sich an. " * 10
                                 + "</p></div><footer>")
    text = fliesstext.extract(html, mode="html").text
    assert "Versteckter Rest" in text and "Bitte melden" not in text


def test_text_only_in_next_data_json() -> None:
    html_body = "<p>Ein Absatz aus __NEXT_DATA__, der als ganzer Satz in den Daten steht.</p>" * 6
    data = json.dumps({"props": {"pageProps": {"article": {"title": "T", "contentHtml": html_body}}}})
    html = (f"<html><body><div id='__next'><div>Laden…</div></div><script id='__NEXT_DATA__' "
            f"type='application/json'>{data}</script></body></html>")
    article = fliesstext.extract(html, mode="html")
    assert article.text.count("aus __NEXT_DATA__") == 6
    assert any("embedded JSON" in w for w in article.warnings)


PARA = "<p>Ein Absatz des Artikels mit einem ganzen Satz, der lang genug ist, um als Fließtext zu zählen.</p>"


def _text(html: str) -> str:
    return fliesstext.extract(html, url="https://example.org/a", mode="html").text


def test_boilerplate_class_on_the_article_element_itself_is_no_evidence() -> None:
    html = (f"<html><body><nav><a href='/'>Start</a></nav><article class='post tag-politik category-news'>"
            f"<h1>Titel</h1>{PARA * 6}</article><div class='tags'><a href='/t'>Politik</a></div></body></html>")
    text = _text(html)
    assert text.count("Ein Absatz des Artikels") == 6 and "Politik" not in text


def test_more_stories_river_of_teaser_cards_is_not_body() -> None:
    card = ("<div class='item'><h3><a href='/x'>Ein anderer Artikel mit Überschrift</a></h3>"
            "<p>Die Zusammenfassung eines anderen Artikels, ebenfalls ein ganzer und langer Satz hier.</p>"
            "<span>vor 2 Stunden</span></div>")
    html = (f"<html><body><main><article><h1>Titel</h1><div class='body'>{PARA * 5}</div></article>"
            f"<section><h2>Mehr Nachrichten</h2>{card * 8}</section></main></body></html>")
    text = _text(html)
    assert text.count("Ein Absatz des Artikels") == 5 and "Zusammenfassung" not in text


def test_standfirst_as_h2_between_headline_and_body_is_kept_as_paragraph() -> None:
    lead = "Der Vorspann fasst zusammen, was im Artikel steht, und er ist ein langer Satz ohne Punkt am Ende"
    html = (f"<html><body><article><header><p>Politik</p><h1>Titel</h1><h2>{lead}</h2><p class='byline'>Von A. B.</p>"
            f"</header><div class='article-body'>{PARA * 5}</div></article></body></html>")
    article = fliesstext.extract(html, mode="html")
    assert article.body[0].kind == "paragraph" and article.body[0].text == lead
    assert "Von A. B." not in article.text and "Politik" not in article.text


def test_long_hidden_dialog_outside_the_article_does_not_move_the_region() -> None:
    dialog = "<div hidden class='login'>" + "<p>Bitte melden Sie sich mit Ihrem Konto an, um zu kommentieren.</p>" * 20
    html = f"<html><body><article><h1>Titel</h1>{PARA * 4}</article>{dialog}</div></body></html>"
    text = _text(html)
    assert text.count("Ein Absatz des Artikels") == 4 and "Bitte melden" not in text


ONE = "<p>Der erste Absatz erzählt, wie alles anfing, und er ist lang genug, um als Fließtext zu gelten.</p>"
LAST = "<p>Der letzte Absatz schließt die Geschichte ab, auch er ein ganzer Satz mit genug Wörtern darin.</p>"


def test_paragraph_repeated_in_another_box_of_the_body_is_dropped_once() -> None:
    html = (f"<html><body><article><h1>Titel</h1><div class='a'>{ONE}{PARA * 4}</div>"
            f"<div class='preview'>{ONE}<p>Noch 80 % des Artikels</p></div></article></body></html>")
    article = fliesstext.extract(html, mode="html")
    assert article.text.count("Der erste Absatz") == 1 and article.text.count("Ein Absatz des Artikels") == 4
    assert any("repeats a paragraph" in r.reason for r in article.removed)


def test_sentence_with_a_big_link_between_body_paragraphs_is_kept() -> None:
    linked = ("<p>Under <a href='/x'>Article 4 member countries can bring any issue of concern</a> to the "
              "council.</p>")
    more = "<p><a href='/y'>Read more: Another story about something else entirely</a></p>"
    html = f"<html><body><article><h1>T</h1>{PARA * 3}{linked}{PARA}{more}{PARA * 2}</article></body></html>"
    text = _text(html)
    assert "Article 4 member countries" in text and "Another story" not in text


def test_video_player_description_and_transcript_are_not_body() -> None:
    player = ("<div class='story-video'><div class='video-desc'><p>Travellers at the airport talk about the screening "
              "measures in place to prevent the spread.</p></div><div class='video-transcript'><p>00:01 But the most "
              "rigorous screening actually occurs before travellers ever reach the country, officials say.</p></div>"
              "</div>")
    html = f"<html><body><article><h1>T</h1>{player}{PARA * 5}</article></body></html>"
    text = _text(html)
    assert "Travellers" not in text and "00:01" not in text and text.count("Ein Absatz") == 5


def test_meta_line_and_reporting_credit_in_the_body_are_dropped() -> None:
    html = (f"<html><body><article><h1>T</h1><div class='article-meta'><p>9. September 2025 um 15:46 Uhr / Frank "
            f"Muster</p></div>{PARA * 5}<p>Associated Press writer Jane Doe in Paris contributed to this report.</p>"
            f"</article></body></html>")
    text = _text(html)
    assert "15:46" not in text and "contributed" not in text and text.count("Ein Absatz") == 5


def test_caption_line_after_a_picture_in_the_same_paragraph_is_dropped() -> None:
    html = (f"<html><body><article><h1>T</h1>{PARA * 2}<p><img src='a.jpg' width='800'><br><em>Jane Doe (right)</em>"
            f"</p><p><img src='b.jpg'> The picture shows the harbour, and this is a sentence of the body.</p>{PARA * 2}"
            f"</article></body></html>")
    text = _text(html)
    assert "Jane Doe" not in text and "this is a sentence of the body." in text


def test_headline_repeated_with_its_kicker_glued_on_is_not_body() -> None:
    html = ("<html><head><title>Trump spricht über Bodeneinsätze in Venezuela</title></head><body><nav><h1>\"Es "
            "wird bald beginnen\": Trump spricht über Bodeneinsätze in Venezuela</h1></nav><article><h2><span "
            "class='kicker'>\"Es wird bald beginnen\"</span>Trump spricht über Bodeneinsätze in Venezuela</h2>"
            f"{PARA * 5}</article></body></html>")
    article = fliesstext.extract(html, mode="html")
    assert "Es wird bald" not in article.text and article.text.count("Ein Absatz") == 5
