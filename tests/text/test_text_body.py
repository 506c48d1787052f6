"""Text mode body selection on small indented pages (as inscriptis renders HTML): boxes nested inside the article,
separators, off-indent fact boxes, captions with credits, sign-offs and short sentences."""
from __future__ import annotations

import fliesstext
from fliesstext.knowledge import phrase_matcher
from fliesstext.model import Article
from fliesstext.text.classify import has_credit_tail, has_paren_credit, label_phrases
from fliesstext.text.lines import is_signed, split_lines

BODY = [
    "The city council voted on Tuesday evening to repair the old bridge over the river after a long debate.",
    "Repairs are expected to cost about twelve million dollars, the administration said in a statement.",
    "Residents had complained for years about the poor state of the bridge and had filed several petitions.",
    "Work is due to start next spring and should be finished by the end of the following year, officials said.",
    "The mayor said the city would look for federal money to cover part of the cost of the repair works.",
    "Opposition members argued that a new bridge would have been cheaper in the long run than the repairs.",
    "Traffic will be diverted over the northern bridge while the works last, the transport office said.",
    "Local shops near the bridge fear a loss of customers during the months of construction next year.",
]
HEADER = ["Home", "News", "Politics", "Business", "Sport", "", "  Old bridge over the river will be repaired", ""]
FOOTER = ["", "Contact us", "Privacy policy", "Terms of use", "© 2024 Example News"]


def _page(body: list[str]) -> str:
    return "\n".join(HEADER + body + FOOTER)


def _at(indent: int, *texts: str) -> list[str]:
    """Lines at one indent, a blank line after each (as a renderer separates paragraphs)."""
    return [line for text in texts for line in (" " * indent + text, "")]


def _extract(text: str) -> Article:
    return fliesstext.extract(text, mode="text")


def _removed(art: Article, needle: str) -> tuple[str, str]:
    found = [(r.kind, r.reason) for r in art.removed if needle in r.text]
    assert found, needle
    return found[0]


def test_article_continues_below_a_long_box_nested_deeper_than_the_body() -> None:
    box = _at(14, "Advertisement", "Story continues below") + _at(16, *[f"Sign up for newsletter {n}" for n in range(
        30)]) + _at(14, "Comments: 49", "Join the conversation")
    art = _extract(_page(_at(8, *BODY[:4]) + box + _at(8, *BODY[4:])))
    for paragraph in BODY:
        assert paragraph in art.text
    assert "Sign up for newsletter 7" not in art.text


def test_a_comments_prompt_at_the_body_indent_still_ends_the_article() -> None:
    readers = [f"Reader {n} wrote that this is a waste of money and nobody asked the people here." for n in range(4)]
    tail = _at(8, "Join the conversation", "Comments") + _at(12, *[f"Topic {n}" for n in range(20)]) + _at(8, *readers)
    art = _extract(_page(_at(8, *BODY) + tail))
    assert "Reader 1 wrote" not in art.text
    assert all(paragraph in art.text for paragraph in BODY)


def test_a_short_line_repeated_between_paragraphs_is_a_separator_not_a_heading() -> None:
    lines: list[str] = []
    for paragraph in BODY:
        lines += _at(8, "Article content", paragraph)
    art = _extract(_page(lines))
    assert all(block.text != "Article content" for block in art.body)
    kind, reason = _removed(art, "Article content")
    assert kind == "other" and "repeated" in reason
    assert all(paragraph in art.text for paragraph in BODY)


def test_an_off_indent_fact_box_of_short_lines_is_removed() -> None:
    facts = ["A road bridge in this country lasts about eighty years before it has to be rebuilt.",
             "Most of the bridges in the region were built in the years after 1950.",
             "Repairs usually cost less than half of the price of a new bridge of the same size.",
             "Every bridge is checked every six years by independent engineers, who then report to the city council "
             "and to the transport office in writing, with photographs of every crack they found and an estimate of "
             "the cost of the repairs."]
    box = _at(12, "Facts about bridges") + _at(16, *facts) + _at(14, "Source: Transport office")
    art = _extract(_page(_at(8, *BODY[:4]) + box + _at(8, *BODY[4:])))
    assert not any(fact in art.text for fact in facts)
    assert _removed(art, facts[1])[0] == "related"
    assert all(paragraph in art.text for paragraph in BODY)


def test_an_off_indent_run_below_a_box_widget_line_is_that_box() -> None:
    long_box = [f"{BODY[n]} {BODY[n + 1]} {BODY[n + 2]}" for n in range(3)]
    art = _extract(_page(_at(0, *BODY[:4]) + _at(4, "Show more") + _at(6, *long_box) + _at(0, *BODY[4:])))
    assert long_box[0] not in art.text
    kind, reason = _removed(art, long_box[0])
    assert kind == "related" and "Show more" in reason
    assert all(paragraph in art.text for paragraph in BODY)


def test_a_long_paragraph_two_columns_off_the_body_is_body_but_a_box_between_such_lines_is_not() -> None:
    long_one = " ".join(BODY[:5])
    jobs = [f"Engineer {n} (m/f/d) Example Company (opens in a new window)" for n in range(6)]
    art = _extract(_page(_at(2, long_one) + _at(12, *jobs) + _at(2, " ".join(BODY[3:8])) + _at(0, *BODY)))
    assert long_one in art.text
    assert jobs[2] not in art.text


def test_captions_ending_in_a_credit_are_removed() -> None:
    credit = "Police officers during the raid in the old town on Monday / Lorenzo Marina"
    label = "Visitors on the bridge: a view from the east bank on Sunday. Photo: Anna Beispiel"
    art = _extract(_page(_at(8, *BODY[:3], credit, *BODY[3:6], label, *BODY[6:])))
    assert credit not in art.text and label not in art.text
    assert _removed(art, credit)[0] == "caption"
    assert _removed(art, label)[0] == "caption"


def test_credit_tails() -> None:
    assert has_credit_tail("Die Polizei bei der Razzia am Montag in La Soledat / Lorenzo Marina")
    assert has_credit_tail("Tone Damli fikk besøk av manageren sin da hun fødte. Foto: Alexander Ragnoli Winger")
    assert not has_credit_tail("Die Polizei bei der Razzia am Montag in La Soledat / und anderswo")
    assert has_paren_credit("Sinwar speaks during a rally in Khan Younis in 2011. (Adel Hana/Associated Press)")
    assert has_paren_credit("Palestinians wait for food at a charity kitchen. (Photo: Haitham Imad)")
    assert not has_paren_credit("Der Stadtrat hat die Sanierung der Brücke am Dienstag beschlossen. (dpa)")


def test_a_paragraph_signed_with_initials_is_a_sentence() -> None:
    assert is_signed("Bei dieser Operation gab es dabei fünf Festnahmen. / ab")
    assert not is_signed("Festnahme beim Einsatz der Nationalpolizei in Palma / Lorenzo Marina")
    signed = BODY[7][:-1] + ". / ab"
    art = _extract(_page(_at(8, *BODY[:7], "What the residents say", signed)))
    assert signed in art.text


def test_short_sentences_at_the_body_indent_are_paragraphs() -> None:
    short = ["But the council did not give in.", "The couple have three children together."]
    art = _extract(_page(_at(8, *BODY[:3], short[0], *BODY[3:6], short[1], *BODY[6:])))
    assert all(sentence in art.text for sentence in short)


def test_related_teasers_with_question_headlines_do_not_extend_the_article() -> None:
    teasers: list[str] = []
    for n in range(4):
        teasers += _at(10, f"Read now {n}", f"{n}.04.2024", "Transport")
        teasers += _at(10, f"Will tram line {n} ever be finished?")
        teasers += _at(10, "The city promised a new tram line years ago, but construction has stalled again and "
                           "costs keep rising, residents say.")
    art = _extract(_page(_at(8, *BODY) + _at(12, "More on this topic") + teasers))
    assert "The city promised a new tram line" not in art.text


def test_an_embedded_post_above_its_signature_is_removed() -> None:
    post = ["Breaking: the council has approved the bridge repairs after a long debate tonight.",
            "Work starts next spring, the mayor says… pic.twitter.com/AbCdEf123"]
    above = " ".join(BODY[2:4])  # a body paragraph is longer than a post: the post ends below it
    art = _extract(_page(_at(8, *BODY[:2], above, *post, "— City Reporter (@cityreporter) April 2, 2024", *BODY[4:])))
    assert not any(text in art.text for text in post)
    kind, reason = _removed(art, post[0])
    assert kind == "share" and "@cityreporter" in reason
    assert above in art.text and all(paragraph in art.text for paragraph in BODY[4:])


def test_a_standfirst_between_headline_and_byline_is_the_teaser() -> None:
    standfirst = "The city will spend twelve million dollars on the old bridge, and traffic will be diverted for a year."
    head = _at(2, "Old bridge over the river will be repaired", standfirst) + _at(4, "By Anna Example",
                                                                                  "April 2, 2024") + _at(
        6, "Share", "Facebook", "Email")
    art = _extract("\n".join(HEADER[:6] + head + _at(8, *BODY) + FOOTER))
    assert art.teaser == standfirst
    assert art.text.startswith(standfirst)


def test_a_caption_below_the_headline_is_no_standfirst() -> None:
    caption = "The old bridge over the river seen from the east bank on Sunday morning. (Photo: Anna Example)"
    head = _at(2, "Old bridge over the river will be repaired", caption) + _at(4, "By Anna Example")
    art = _extract("\n".join(HEADER[:6] + head + _at(8, *BODY) + FOOTER))
    assert art.teaser != caption and caption not in art.text


def test_a_caption_ending_in_a_credit_in_parentheses_is_removed() -> None:
    caption = "One of the protesters said she wanted a treaty to stop fossil fuel burning (Photo: Anna Example/PA Wire)"
    art = _extract(_page(_at(8, *BODY[:4], caption, *BODY[4:])))
    assert caption not in art.text
    assert _removed(art, caption)[0] == "caption"
    assert all(paragraph in art.text for paragraph in BODY)


def test_a_menu_glued_into_one_line_is_labelled_by_its_phrases() -> None:
    lines, _ = split_lines("Saved articles bookmark Account settings Manage newsletters mail Log out Contact us\n"
                           + BODY[0])
    label_phrases(lines, phrase_matcher("en", ("byline", "date")), "en")
    assert lines[0].phrase_kind is not None and lines[1].phrase_kind is None


def test_a_cookie_table_does_not_outweigh_the_article() -> None:
    table = [f"_tracker{n} 11 months This cookie is set by the analytics service of the publisher and records "
             "which pages a visitor opened, for how long, and from which region of the country." for n in range(40)]
    art = _extract(_page(_at(8, *BODY) + _at(16, "Cookie settings", "Necessary", *table)))
    assert "_tracker3" not in art.text
    assert all(paragraph in art.text for paragraph in BODY)


def test_short_lines_sharing_a_label_before_a_pipe_are_links() -> None:
    links = [f"LEES OOK HIER | Headline of another story number {n}" for n in range(3)]
    art = _extract(_page(_at(8, *BODY[:3], links[0], *BODY[3:5], links[1], BODY[5], links[2], *BODY[6:])))
    assert not any(link in art.text for link in links)
    assert _removed(art, links[1])[0] == "related"
    assert all(paragraph in art.text for paragraph in BODY)


SECTION_LEAD = ("The old bridge over the river closed on Monday morning after engineers found deep cracks in two of its "
                "supporting piers, and the city said it would stay shut for at least eighteen months while the repairs "
                "go on, sending thousands of commuters onto a long detour through the northern districts.")
SECTIONS = [
    ("Why the bridge closed", "Engineers found cracks of several centimetres in two piers during a routine "
     "inspection last week, the city said."),
    ("What the work involves", "Workers will replace both piers and strengthen the deck, a job the transport office "
     "expects to take until next summer."),
    ("Who uses the detour", "About thirty thousand drivers cross the bridge every day, and most of them will now use "
     "the northern bridge instead."),
    ("How the money is found", "The city will ask the state for a grant to cover half of the cost of the repairs "
     "and borrow the rest, the mayor said."),
]


def test_a_flat_story_of_short_sections_keeps_every_section() -> None:
    flat = ["Home", "Old bridge over the river closes for repairs", SECTION_LEAD,
            *[line for pair in SECTIONS for line in pair], "Imprint"]
    art = _extract("\n".join(flat))
    for heading, paragraph in SECTIONS:
        assert heading in art.text and paragraph in art.text
    assert "Imprint" not in art.text


def test_flat_teaser_cards_about_other_stories_are_still_cut() -> None:
    cards = [
        ("Zoo welcomes twin lions", "Two cubs were born at the municipal zoo on Friday, keepers reported to visitors."),
        ("Marathon sets a new record", "A runner from Kenya won the annual race in under two hours and five minutes."),
        ("Library opens late on weekends", "Readers can now borrow books until midnight on Saturdays and Sundays."),
        ("Concert season begins", "The orchestra opens its season with three symphonies by a Romantic composer."),
    ]
    flat = ["Home", "Old bridge over the river closes for repairs", SECTION_LEAD, "More news",
            *[line for pair in cards for line in pair], "Imprint"]
    art = _extract("\n".join(flat))
    assert SECTION_LEAD in art.text
    assert not any(teaser in art.text for _, teaser in cards)


def test_a_list_of_medium_headlines_does_not_outweigh_a_one_paragraph_story() -> None:
    story = ("The weather office said on Monday evening that an earthquake of magnitude 6.9 struck off the southern "
             "coast at a depth of about thirty kilometres, and it issued a tsunami advisory for two prefectures, "
             "warning residents near the shore to stay away from the beaches and river mouths until further notice.")
    places = ["Level 5: Northtown, Harbour City", "Level 4: Eastvale, Westport, Lakeside, Hillcrest"]
    latest = [f"Minister number {n} meets foreign counterparts to discuss the trade talks and tariffs"
              for n in range(10, 40)]
    flat = ["Home", "Earthquake strikes off the southern coast", "By Anna Example", story, *places,
            "Share", "Facebook", "Email", "Print", *[line for headline in latest for line in (headline, "")], "Imprint"]
    art = _extract("\n".join(flat))
    assert story in art.text
    assert not any(line in art.text for line in latest)
