"""repair/: pure str -> (str, repairs) functions."""
from __future__ import annotations

from fliesstext.repair import (
    dedupe_doubled,
    fix_drop_cap,
    fix_mojibake,
    join_hyphenated,
    rejoin_wrapped,
    remove_soft_hyphens,
    remove_zero_width,
    repair_characters,
    strip_stray_tags,
    unescape_entities,
)


def test_drop_cap_joined_when_word_known() -> None:
    fixed, repair = fix_drop_cap("R ussland steht weiter.", {"russland", "steht"}, frozenset())
    assert fixed == "Russland steht weiter."
    assert repair is not None and (repair.kind, repair.before, repair.after) == ("drop_cap", "R ussland", "Russland")


def test_drop_cap_keeps_one_letter_words() -> None:
    assert fix_drop_cap("A man walks in.", {"man"}, frozenset({"a", "i"}))[1] is None
    assert fix_drop_cap("I went home.", {"went"}, frozenset({"a", "i"}))[1] is None


def test_drop_cap_after_opening_quote() -> None:
    fixed, repair = fix_drop_cap("„W ir kommen wieder“, sagte er.", {"wir"}, frozenset())
    assert fixed.startswith("„Wir kommen") and repair is not None


def test_character_repairs() -> None:
    assert remove_soft_hyphens("Bundes\u00adregierung")[0] == "Bundesregierung"
    assert remove_zero_width("Null\u200bbreite")[0] == "Nullbreite"
    assert unescape_entities("Fish &amp; Chips &#8211; gut")[0] == "Fish & Chips – gut"
    assert strip_stray_tags("ein <b>fetter</b> Satz<br/>")[0] == "ein fetter Satz"
    assert fix_mojibake("KÃ¤se und BrÃ¶tchen")[0] == "Käse und Brötchen"


def test_repair_characters_records_each_kind() -> None:
    text, repairs = repair_characters("A\u00adB &amp; C\u200b <i>D</i>")
    assert text == "AB & C D"
    assert {r.kind for r in repairs} == {"soft_hyphen", "html_entity", "zero_width", "stray_tag"}


def test_clean_text_is_untouched() -> None:
    text = "Ganz normaler Text. Nichts zu tun."
    assert repair_characters(text) == (text, [])


def test_doubled_caption() -> None:
    text, repair = dedupe_doubled("Der Minister in Berlin. Der Minister in Berlin.")
    assert text == "Der Minister in Berlin." and repair is not None and repair.kind == "duplicate_caption"
    assert dedupe_doubled("Ein ganz anderer Satz ohne Wiederholung.")[1] is None


def test_hyphenation_join() -> None:
    assert join_hyphenated("die Bundes-", "regierung sagt") == "die Bundesregierung sagt"
    assert join_hyphenated("Nord-", "Süd-Verbindung") is None  # capital: a real hyphen compound


def test_hyphenation_join_at_the_end_of_a_long_paragraph() -> None:
    paragraph = "Ein Satz, der schon viele umbrochene Zeilen lang ist. " * 200
    assert join_hyphenated(paragraph + "Bundes-", "regierung") == paragraph + "Bundesregierung"
    assert join_hyphenated(paragraph + "Bundes", "regierung") is None
    assert join_hyphenated("-", "regierung") is None  # no letter before the hyphen


def test_wrapped_paragraphs_rejoined() -> None:
    para = ("Dies ist ein langer Absatz, der von einem alten Werkzeug bei etwa sechzig Zeichen umbrochen "
            "wurde, sodass jede Zeile fast gleich lang ist und der Satz erst nach vielen Zeilen mit einem "
            "Punkt endet. Danach folgt noch ein zweiter Satz, der ebenfalls umbrochen wurde und die Regel "
            "bestätigt, dass umbrochene Absätze wieder zusammengefügt werden müssen, bevor man sie bewertet.")
    lines, words = [], (para + " " + para).split()
    current = ""
    for word in words:
        if len(current) + len(word) + 1 > 60:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    joined, repairs = rejoin_wrapped(lines)
    assert joined == [para + " " + para]
    assert repairs and repairs[0].kind == "wrapped_paragraph"


def test_unwrapped_text_kept() -> None:
    lines = ["Titel", "", "Ein Absatz.", "Noch einer."] * 3
    assert rejoin_wrapped(lines) == (lines, [])


def test_long_wrapped_paragraph_with_hyphenated_breaks_rejoined() -> None:
    # one paragraph of 6,000 wrapped lines (once quadratic: seconds), hyphenated breaks closed up all along it
    line = "Die Regierung hat am Montag neue Regeln für die Bundes-"
    lines = [line, "regierung und die Länder beschlossen, sagte ein Sprecher der"] * 3000
    joined, repairs = rejoin_wrapped(lines)
    expected = " ".join(["Die Regierung hat am Montag neue Regeln für die Bundesregierung und die Länder beschlossen,"
                         " sagte ein Sprecher der"] * 3000)
    assert joined == [expected]
    assert len(repairs) == 20 and repairs[0].kind == "hyphenation" and repairs[1].kind == "wrapped_paragraph"
