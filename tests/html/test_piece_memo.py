"""Class/id pieces are cut once per class and remembered from page to page (PieceMemo): the pieces, the blocks and
the extraction must be the same as with a fresh memo, and the memo must stay bounded."""
from __future__ import annotations

import importlib

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from fliesstext import extract
from fliesstext.html.segment import PieceMemo, class_tokens, segment, word_tokens

segment_module = importlib.import_module("fliesstext.html.segment")  # (the package's `segment` is the function)
PAGE = ('<html><body><div class="site-header isSticky"><a href="/">Home</a> <a href="/a">World</a></div>'
        '<article class="article-body fooBar bazQux quuxCorge"><h1>Rain is coming</h1>'
        '<p class="lead-text">The weather service expects heavy rain over the whole region from Monday on.</p>'
        '<p>Farmers welcome the rain after a dry summer, though the harvest is mostly done by now anyway.</p>'
        '<div class="related-box teaserList"><a href="/x">Another story that is linked here</a></div>'
        '</article><footer class="site-footer">Imprint | Privacy</footer></body></html>')


def _body() -> LexborNode:
    body = LexborHTMLParser(PAGE).body
    assert body is not None
    return body


def test_pieces_are_cut_per_class() -> None:
    # three camel-case words in one attribute: each is split on its own, as when the attribute has one class
    assert class_tokens("fooBar bazQux quuxCorge") == (
        "foo", "bar", "foobar", "baz", "qux", "bazqux", "quux", "corge", "quuxcorge")
    assert class_tokens("n1AuAdJlVL isAdBox") == ("n1auadjlvl", "is", "ad", "box", "isadbox")
    assert class_tokens(" lead  Teaser--big") == ("lead", "teaser", "big", "teaserbig")
    assert word_tokens("Teaser--big") == ("teaser", "big", "teaserbig")
    assert word_tokens("--") == ()


def test_memo_gives_the_same_pieces_and_remembers_each_class() -> None:
    memo: dict[str, tuple[str, ...]] = {}
    assert class_tokens("col-md-6 col-md-6 isAdBox", memo) == class_tokens("col-md-6 col-md-6 isAdBox")
    assert memo == {"col-md-6": ("col", "md", "6", "colmd6"), "isAdBox": ("is", "ad", "box", "isadbox")}


def test_segmentation_with_a_shared_memo_equals_a_fresh_one() -> None:
    memo = PieceMemo()
    fresh = segment(_body())
    for _ in range(3):  # the same page again: every class now comes from the memo
        shared = segment(_body(), None, memo)
        assert [b.text for b in shared.blocks] == [b.text for b in fresh.blocks]
        assert [e.tokens for e in shared.elements] == [e.tokens for e in fresh.elements]
    assert len(memo) > 0


def test_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment_module, "MAX_PIECES", 5)
    memo = PieceMemo()
    for _ in range(4):
        seg = segment(_body(), None, memo)
        for element in seg.elements:
            assert element.tokens == class_tokens(element.raw)
        assert 0 < len(memo) <= 5 + 4 * len(seg.elements)  # emptied before a page once full: one page beyond at most
    memo.for_page()
    assert len(memo) == 0


def test_extraction_is_the_same_on_repeated_pages() -> None:
    first = extract(PAGE, url="https://example.org/a")
    again = extract(PAGE, url="https://example.org/a")  # the process-wide memo now knows every class
    assert first == again
    assert [b.text for b in first.body] == [
        "The weather service expects heavy rain over the whole region from Monday on.",
        "Farmers welcome the rain after a dry summer, though the harvest is mostly done by now anyway."]
