"""Text mode on flat renderings (innerText, resiliparse, Markdown: no indentation): lists of other stories' headlines
next to the article are not body, while tables, enumerations and an unpunctuated last paragraph are."""
from __future__ import annotations

from text_lines import BODY_EN

import fliesstext
from fliesstext.model import Article
from fliesstext.text.cards import drop_headlines, headline_runs, label_twins
from fliesstext.text.lines import split_lines

BODY = [*BODY_EN,  # the shared sample paragraphs, and one more
        "The mayor said the city would look for federal money to cover part of the cost of the repair works."]
HEADER = ["Home", "News", "Politics", "Old bridge over the river will be repaired", "By Jane Doe"]
FOOTER = ["Contact us", "Privacy policy", "© 2024 Example News"]
LATEST = [  # a 'latest news' list rendered flat: one headline a line, some with a question mark or cut off
    "Stamp prices to rise by a record amount as the cost of sending a letter increases again",
    "Are you keeping money secrets from your partner? A finance expert warns about the risks",
    "The most expensive states to be a millionaire revealed and where the wealthy should go",
    "Japan logistics industry struggles amid a shortage of drivers; incr...",
    "Costco testing a major change to its stores that could alter the way you shop there",
]


def _extract(lines: list[str]) -> Article:
    return fliesstext.extract("\n\n".join(lines), mode="text")


def _lines(texts: list[str]) -> list:  # type: ignore[type-arg]
    lines, _ = split_lines("\n".join(texts))
    for line in lines:
        line.words = len(line.text.split())
    return lines


def test_headline_list_below_the_article_is_not_body() -> None:
    art = _extract(HEADER + BODY + LATEST + FOOTER)
    assert "repair works" in art.text
    for headline in LATEST:
        assert headline not in art.text


def test_headline_list_between_section_labels_is_not_body() -> None:
    """Short label lines (a section name, a time) between the headlines do not break the list."""
    cards = [line for headline in LATEST for line in ("Business / 2 h ago", headline)]
    art = _extract(HEADER + BODY + cards + FOOTER)
    assert "filed several petitions" in art.text
    assert not any(headline in art.text for headline in LATEST)


def test_runs_need_distinct_headlines_and_no_sentence_between() -> None:
    widget = ["Search author on: PubMed Google Scholar Archive"] * 5
    assert headline_runs(_lines(widget)) == []  # one widget line repeated: no list of stories
    broken = LATEST[:2] + [BODY[0]] + LATEST[2:]
    assert headline_runs(_lines(broken)) == []  # a sentence between: two short runs
    assert headline_runs(_lines(BODY + LATEST)) == [5, 6, 7, 8, 9]
    assert headline_runs(_lines(BODY[:3] + LATEST)) == []  # too few sentences to tell headlines by their ends


def test_enumeration_and_unpunctuated_last_paragraph_stay() -> None:
    table = [
        "Intensity 5: Takanabe, Shintomi, Miyazaki",
        "Intensity 4: Nobeoka, Saito, Kijo, Kawaminami, Tsuno",
        "Intensity 3: Kurume, Kanzaki, Shiroishi, Aso",
        "Intensity 2: Oita, Usuki, Saiki, Taketa, Kagoshima",
    ]
    assert headline_runs(_lines(table)) == []
    last = ("We held 97 meetings on preventing crime and ending violence through the media and asked the "
            "citizens to cooperate with the police, the commander said")
    runs = headline_runs(_lines(BODY[1:4] + [BODY[0], last] + LATEST))
    assert 4 not in runs and runs == [5, 6, 7, 8, 9]


def _twins(texts: list[str]) -> list[str]:
    lines = _lines(texts)
    label_twins(lines)
    return [line.text for line in lines if line.kind == "caption"]


def test_caption_shown_twice_is_removed_but_a_headline_twice_stays() -> None:
    caption = "Rebecca Cooke supporting Phil Foden at the Qatar World Cup"
    assert _twins([caption, "2", caption + "Credit: PA"]) == [caption, caption + "Credit: PA"]
    sentence = "The pyramid shows the planned course of the single phases of the exit."
    assert _twins([sentence, sentence + " Picture: Screenshot"]) == [sentence, sentence + " Picture: Screenshot"]
    paragraph = sentence + " It was drawn up weeks before the coalition broke, and it names every step of it."
    assert _twins([sentence, paragraph]) == [sentence]  # a pull quote repeating the start of its paragraph
    assert _twins([sentence, sentence + " It was drawn up weeks before."]) == []  # two paragraphs that open alike
    assert _twins([sentence, sentence]) == [sentence, sentence]  # in a row: the caption in and below the picture
    assert _twins([sentence, "By Jane Doe", sentence]) == [sentence]  # lines between: a teaser, then the text
    headline = "What is next for Gaza after the appointment of the new political head?"
    assert _twins([headline, "World", headline]) == []
    assert _twins([headline + " | Example News", "World", headline]) == []


def test_caption_twins_in_a_flat_page_are_not_body() -> None:
    caption = "The mayor of the city visits the old bridge over the river on Monday morning"
    art = _extract(HEADER + BODY[:3] + [caption, caption + " Photo: Jane Roe"] + BODY[3:] + FOOTER)
    assert "visits the old bridge" not in art.text
    assert "filed several petitions" in art.text and "repair works" in art.text


def test_headline_box_between_paragraphs_of_a_flat_article_is_not_body() -> None:
    kickers = ["SHOCK SACK", "RED ALERT", "FALL FROM GRACE", "PHOTO FLOPS", "BIG SPENDER"]
    box = [line for kicker, headline in zip(kickers, LATEST, strict=True) for line in (kicker, headline)]
    art = _extract(HEADER + BODY[:3] + box + BODY[3:] + FOOTER)
    assert "filed several petitions" in art.text and "repair works" in art.text
    assert not any(headline in art.text for headline in LATEST)
    assert any(r.kind == "related" and LATEST[0] in r.text for r in art.removed)


def test_headline_box_in_an_indented_rendering_is_left_to_the_layout() -> None:
    """Indented renderings (inscriptis) show a box by its indent: the headline rule does not drop lines there."""
    indented = ["    " + line for line in HEADER + BODY[:3] + LATEST + BODY[3:]] + FOOTER
    art = _extract(indented)
    assert "repair works" in art.text


def test_standfirst_repeating_the_first_paragraph_keeps_the_paragraph() -> None:
    """Scrapers print the teaser above the byline and again as the text's first paragraph: one copy goes, the
    paragraph stays (a caption twice is the same sentence twice in a row)."""
    lead = "The city council voted on Tuesday to repair the old bridge over the river."
    art = _extract(HEADER[:-1] + [lead, "By Jane Doe", "March 11, 2024", lead] + BODY[1:] + FOOTER)
    assert art.text.startswith(lead)
    assert "repair works" in art.text
    assert sum(r.kind == "caption" and r.text == lead for r in art.removed) == 1


def test_short_points_inside_the_region_are_no_headline_list() -> None:
    """drop_headlines: a run of short lines inside the article (an unbulleted list of its points) stays; a run of
    other stories' headlines goes."""
    points = ["Repairs will cost about twelve million dollars", "Work starts next spring on both lanes",
              "One lane stays open during the works", "The bridge reopens fully the following year"]
    lines = _lines(BODY[:1] + points + BODY[1:2] + LATEST + BODY[2:])
    runs = headline_runs(lines)
    assert runs == [1, 2, 3, 4, 6, 7, 8, 9, 10]
    for line in lines:  # all kept by the region rules
        line.label = "paragraph"
    drop_headlines(lines, runs, 0, len(lines))
    assert [line.index for line in lines if line.kind == "related"] == [6, 7, 8, 9, 10]


URDU = [  # Urdu ends its sentences with U+06D4 (ARABIC FULL STOP), not '.'
    "کراچی میں پیر کے روز ہونے والی شدید بارش کے باعث کئی علاقوں میں پانی جمع ہو گیا اور ٹریفک کا نظام مکمل طور پر معطل ہو گیا۔",
    "محکمہ موسمیات نے آئندہ دو روز تک مزید بارش کی پیش گوئی کی ہے اور شہریوں کو گھروں میں رہنے کی ہدایت کی ہے۔",
    "بلدیاتی حکام کا کہنا ہے کہ پانی نکالنے کے لیے سینکڑوں پمپ لگائے گئے ہیں اور عملہ رات بھر کام کر رہا ہے۔",
    "کئی اسکولوں نے منگل کے روز چھٹی کا اعلان کیا ہے تاکہ بچوں کو کسی قسم کی پریشانی کا سامنا نہ کرنا پڑے۔",
    "وزیر اعلیٰ نے صورتحال کا جائزہ لینے کے لیے ہنگامی اجلاس طلب کیا اور حکام کو ہر ممکن مدد فراہم کرنے کی ہدایت کی۔",
]
THAI = [  # Thai marks no sentence end at all
    "ฝนตกหนักในกรุงเทพมหานครเมื่อวันจันทร์ ทำให้หลายพื้นที่มีน้ำท่วมขัง และการจราจรติดขัดอย่างหนัก",
    "กรมอุตุนิยมวิทยาคาดการณ์ว่า จะมีฝนตกต่อเนื่องอีกสองวัน และขอให้ประชาชนติดตามข่าวสารอย่างใกล้ชิด",
    "เจ้าหน้าที่กรุงเทพมหานครระบุว่า ได้ติดตั้งเครื่องสูบน้ำหลายร้อยเครื่อง และทำงานตลอดทั้งคืน",
    "โรงเรียนหลายแห่งประกาศหยุดการเรียนการสอนในวันอังคาร เพื่อความปลอดภัยของนักเรียน",
    "ผู้ว่าราชการกรุงเทพมหานครได้เรียกประชุมเร่งด่วน เพื่อติดตามสถานการณ์และสั่งการให้ช่วยเหลือประชาชน",
]


def test_scripts_with_other_full_stops_or_none_are_no_headline_lists() -> None:
    """Every paragraph of an Urdu or Thai article would look like a headline to a Latin full-stop test."""
    assert headline_runs(_lines(URDU)) == []
    assert headline_runs(_lines(THAI)) == []
    for body, title in ((URDU, "کراچی میں شدید بارش سے نظام زندگی درہم برہم"), (THAI, "ฝนตกหนักในกรุงเทพฯ ทำให้น้ำท่วมหลายพื้นที่")):
        art = _extract(["Home", "News", title] + body + ["Contact us"])
        assert sum(paragraph in art.text for paragraph in body) >= 4  # (one may be read as the teaser)
