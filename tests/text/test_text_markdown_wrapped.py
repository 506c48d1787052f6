"""Markdown from html2text-like tools, hard-wrapped: images whose alt text wraps over lines, and the ends of links
whose start does not parse, leave no URL and no syntax in the lines text mode reads."""
from __future__ import annotations

from fliesstext.text.markup import strip_markdown


def test_image_with_wrapped_alt_is_one_line_and_the_line_count_is_kept() -> None:
    lines = ["* [", "  ![Students from", "  three countries](https://example.org/a.jpg)", "",
             "  Students from three countries](/article/1)", "Next"]
    out = strip_markdown(lines)
    assert "  ![Students from three countries](https://example.org/a.jpg)" in out
    assert "  Students from three countries" in out
    assert not any("](" in line and "![" not in line for line in out)
    assert out[-1] == "Next"


def test_orphan_link_end_goes_but_an_image_stays() -> None:
    lines = ["![summary [object Object]](//img.example.org/b.jpg)",
             "  ](https://example.org/articles/A1.html?iref=pickup)",
             "The council met on Tuesday ![map](/img/map.png) and voted."]
    out = strip_markdown(lines)
    assert not any("example.org/articles" in line for line in out)
    assert "![map](/img/map.png)" in out[-1]


def test_link_whose_address_holds_a_line_break_leaves_no_address() -> None:
    lines = ["[](whatsapp://send?text=%27%d8%b4%d8%b9%d8%b1+%d9%88",
             "https%3a%2f%2fwww.example.org%2fnews%2f898682)", "[](https://web.example.org/send?text=x)",
             "The council met on Tuesday."]
    out = strip_markdown(lines)
    assert not any("%2f" in line or "whatsapp" in line for line in out)
    assert out[-1] == "The council met on Tuesday."
    assert strip_markdown(["[Jane](https://example.org/a b) said [so](https://example.org/b)."]) == ["Jane said so."]


def test_share_links_with_spaces_in_the_address_leave_no_line() -> None:
    lines = ["* [ ](whatsapp://send?text=Cooling towers blown up+https://example.org/a.html)",
             "* [ ](mailto:?subject=Example News - Cooling towers blown up&body=https://example.org/a.html)",
             "](https://api.example.org/send?text=Cooling towers blown up https://example.org/a.html)",
             "* A list item that stays", "The towers fell at noon."]
    assert strip_markdown(lines) == ["* A list item that stays", "The towers fell at noon."]
