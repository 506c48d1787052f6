"""Text mode on other scrapers' renderings: Markdown-ish text, hard-wrapped text, flat innerText-like layouts."""
from __future__ import annotations

import textwrap

from fliesstext.api import extract_page
from fliesstext.model import Page
from fliesstext.options import Options
from fliesstext.repair import rejoin_wrapped as unwrap
from fliesstext.repair import wrap_width
from fliesstext.text.dates import find_date, parse_byline, unglue_byline
from fliesstext.text.markup import is_markdown, normalize, strip_markdown

PARAGRAPHS = [
    "The council met on Tuesday evening and voted to repair the old river bridge, which has been closed for two "
    "years after engineers found cracks in its main arches and in the piers below them.",
    "Work will start in the spring and should take eighteen months, the mayor said, adding that a ferry would run "
    "between both banks while the bridge stays closed to cars, bicycles and people on foot.",
    "Residents of the eastern district have complained for months about the long detour through the industrial "
    "estate, which adds half an hour to every trip into the town centre and back again.",
    "The repair will cost about twelve million euros, most of it paid by the regional government, which approved "
    "the money in its budget last week after a long debate about the state of other bridges.",
]
TITLE = "Council approves repair of the old river bridge"
MENU = ["Home", "News", "Sport", "Weather", "Culture", "Contact"]


def _markdown(wrap: int | None = 78) -> str:
    menu = "\n".join(f"* [{item}](https://example.org/{item.lower()}/)" for item in MENU)
    body = []
    for i, paragraph in enumerate(PARAGRAPHS * 2):  # enough lines for the wrap width to show
        text = paragraph.replace("river bridge", "[river bridge](https://example.org/tag/bridge)", 1)
        text = text.replace("spring", "**spring**").replace("mayor", "_mayor_")
        body.append("\n".join(textwrap.wrap(text, wrap)) if wrap else text)
        if i == 1:
            body.append("## Who pays for the repair")
    return "\n\n".join([menu, f"# {TITLE}", "By [Jane Doe](https://example.org/authors/jane-doe/)",
                        *body, "[Privacy](https://example.org/privacy) | [Imprint](https://example.org/imprint)"])


def _extract(text: str) -> tuple[str | None, str, tuple[str, ...]]:
    article = extract_page(Page(content=text, mode="text"), Options(mode="text"))
    return article.title, article.text, article.authors


# ---------------------------------------------------------------- Markdown


def test_markdown_syntax_is_reduced_to_text() -> None:
    lines = strip_markdown([
        "# A headline ##", "Read [the report](https://example.org/r \"title\") and **this** or _that_.",
        "> quoted words", "* * *", "[![Logo](/logo.png)](https://example.org/)", "[1]: https://example.org/ref",
        "+ plus item", r"1\. Not a list \[sic\]",
    ])
    assert lines == ["A headline", "Read the report and this or that.", "quoted words", "![Logo](/logo.png)",
                     "* plus item", "1. Not a list [sic]"]


def test_link_text_spanning_lines_keeps_the_line_count() -> None:
    lines = ["Politik[", "Ausland", "](https://example.org/ausland/)", "Body text stays."]
    assert strip_markdown(lines) == ["Politik", "Ausland", "Body text stays."]


def test_markdown_is_detected_by_links_or_headings_only() -> None:
    assert is_markdown(_markdown())
    assert is_markdown("# One\n\ntext\n\n## Two\n\nmore")
    assert not is_markdown("\n".join(PARAGRAPHS))
    assert not is_markdown("#hashtag and [AK+1] and a (note)")


def test_markdown_page_gives_title_authors_and_a_clean_body() -> None:
    title, body, authors = _extract(_markdown(wrap=None))
    assert title == TITLE
    assert authors == ("Jane Doe",)
    assert "](" not in body and "**" not in body and "https" not in body
    assert "Work will start in the spring and should take eighteen months, the mayor said" in body
    assert "Who pays for the repair" in body


# ---------------------------------------------------------------- hard wrapping


def test_wrap_width_is_found_only_in_wrapped_text() -> None:
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 72)) for p in PARAGRAPHS * 2).split("\n")
    assert wrap_width(wrapped) == 72
    assert wrap_width("\n\n".join(PARAGRAPHS * 2).split("\n")) is None
    assert wrap_width(MENU * 5) is None


def test_unwrap_joins_paragraph_lines_but_not_list_items_or_short_lines() -> None:
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 72)) for p in PARAGRAPHS * 2).split("\n")
    lines, repairs = unwrap([*wrapped, "", "Short line", "* an item"])
    assert [line for line in lines if line] == [*PARAGRAPHS * 2, "Short line", "* an item"]
    assert repairs and repairs[0].kind == "wrapped_paragraph"


def test_unwrap_joins_hyphenated_breaks() -> None:
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 72)) for p in PARAGRAPHS * 2).split("\n")
    lines, _ = unwrap([*wrapped, "", "word " * 13 + "Bundes-", "regierung und mehr."])
    assert lines[-1] == "word " * 13 + "Bundesregierung und mehr."


def test_hard_wrapped_markdown_page_keeps_its_paragraphs_whole() -> None:
    lines, _ = normalize(_markdown(wrap=78))
    assert any(line.startswith("Work will start in the spring") and line.endswith("on foot.") for line in lines)
    title, body, authors = _extract(_markdown(wrap=78))
    assert title == TITLE
    assert authors == ("Jane Doe",)
    assert PARAGRAPHS[0] in body


def test_plain_text_passes_through_unchanged() -> None:
    text = "\n".join(["Home", "  News", "", *PARAGRAPHS, "Imprint | Privacy"])
    assert normalize(text) == (text.split("\n"), [])


# ---------------------------------------------------------------- flat layouts (innerText-like)


def test_glued_byline_word_is_split_from_the_name() -> None:
    assert parse_byline("bySauli Giliard", "en") == ("Sauli Giliard",)
    assert parse_byline("vonAnna Beispiel", "de") == ("Anna Beispiel",)
    text = "Bytes and bypass roads"
    assert unglue_byline(text, "en") is text
    assert unglue_byline("byline", "en") == "byline"


def test_bare_name_below_the_date_inside_the_region_is_the_byline() -> None:
    text = "\n".join(["Home", "News", TITLE, PARAGRAPHS[3], "Frankfurt, 23.10.2024, 15:48 Uhr", "Dieter Kuckelkorn",
                      *PARAGRAPHS[:3], "Imprint"])
    _, body, authors = _extract(text)
    assert authors == ("Dieter Kuckelkorn",)
    assert "Kuckelkorn" not in body


def test_unwrap_ends_a_block_at_a_long_link_unless_the_sentence_goes_on() -> None:
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 72)) for p in PARAGRAPHS * 2).split("\n")
    link = "](https://example.org/authors/jane-doe-with-a-very-long-profile-address/)"
    lines, _ = unwrap([*wrapped, "", "By [Jane", "Doe" + link, "DUBLIN - The council met.", "", "See [the",
                       "report" + link, "which the council published."])
    assert lines[-4:] == ["By [Jane Doe" + link, "DUBLIN - The council met.", "",
                          "See [the report" + link + " which the council published."]


LONG = ("The bridge was built in 1894 and carried a tram line until the fifties, when the town replaced the trams "
        "with buses and the old rails were paved over; since then it has carried cars, bicycles and a weekly market "
        "that sets up its stalls along both pavements.")
CARDS = [  # each card: a long headline and a one-sentence teaser
    "Storm closes the coastal road between the harbour and the old lighthouse for at least two more days",
    "Workers cleared fallen trees from the road on Sunday morning and expect to finish by Tuesday evening.",
    "New school for four hundred pupils opens its doors in the eastern district after three years of building",
    "The school has room for pupils from the whole district from next autumn, the council said on Monday.",
    "Local football team wins the regional cup final with a late goal in front of a full stadium",
    "A header in the last minute decided the match, the first cup win for the club in twenty years.",
    "Library extends its opening hours to Sundays and holidays after a long campaign by its readers",
    "The library will open on Sundays from the first of next month, with a reading room for children.",
]


def test_teaser_cards_below_a_flat_article_are_not_body() -> None:
    text = "\n".join(["Home", "News", TITLE, LONG, *PARAGRAPHS, LONG, "Short last words of the article.", *CARDS,
                      "Imprint"])
    _, body, _ = _extract(text)
    assert "Short last words of the article." in body
    assert not any(card in body for card in CARDS)


def test_an_article_with_subheadings_keeps_its_tail() -> None:
    heads = ["Why the bridge closed", "What the work involves", "Who uses the detour", "How the money is found"]
    sections = [line for i, head in enumerate(heads) for line in (head, PARAGRAPHS[i], PARAGRAPHS[3 - i])]
    _, body, _ = _extract("\n".join(["Home", TITLE, LONG, *sections, "Imprint"]))
    assert all(head in body for head in heads)
    assert all(p in body for p in PARAGRAPHS)


def test_year_glued_to_the_next_number_is_still_a_date() -> None:
    found = find_date("30.01.202430. Januar 2024", "de")
    assert found is not None and found.value == "2024-01-30"
    found = find_date("April 10, 20233 years ago", "en")
    assert found is not None and found.value == "2023-04-10"
    assert find_date("Tel. 0201 20245678", "de") is None


def test_names_below_a_lone_byline_word_inside_the_region() -> None:
    text = "\n".join(["Home", TITLE, LONG, "By", "Jasper Riemann", "Barbara Schneider", *PARAGRAPHS[:3],
                      "Imprint"])
    article = extract_page(Page(content=text, mode="text"), Options(mode="text"))
    assert article.authors == ("Jasper Riemann", "Barbara Schneider")


def test_bench_renderers_give_markdown_and_innertext() -> None:
    from bench.text_renderings import render_tree

    html = ("<html><head><title>x</title><script>var a;</script></head><body><nav><ul><li><a href='/'>Home</a></li>"
            "</ul></nav><h1>Big <em>news</em></h1><p>Read <a href='https://example.org/r'>the report</a> now.</p>"
            "<div hidden>secret</div></body></html>")
    markdown = render_tree(html, markdown=True)
    assert markdown.strip().split("\n") == ["* [Home](/)", "", "# Big _news_", "", "Read [the report](https://example.org/r) now."]
    assert render_tree(html, markdown=False).strip().split("\n") == ["Home", "", "Big news", "", "Read the report now."]
    assert strip_markdown(markdown.strip().split("\n")) == ["* Home", "", "Big news", "", "Read the report now."]


def test_image_file_name_before_a_byline_is_skipped() -> None:
    assert parse_byline("juliane rohr.jpg Von Juliane Rohr 28.04.2023, 18:11 Uhr", "de") == ("Juliane Rohr",)
    assert parse_byline("Foto.png", "de") is None
