"""Details of the walk and the removed-block labelling that the speed work must keep: class pieces, deterministic
labels, and page-level (<html>/<body>) classes kept out of block evidence."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from fliesstext.html.removed import _fallback_kind, block_tokens
from fliesstext.html.segment import RawBlock, class_tokens, segment


def test_class_tokens_pieces_and_compounds() -> None:
    assert class_tokens("article-body__text isPremium") == (
        "article", "body", "text", "articlebodytext", "is", "premium", "ispremium")
    assert class_tokens("container 123 ABC") == ("container", "123", "abc")
    assert class_tokens("fooBar-baz") == ("foo", "bar", "baz", "foobarbaz")
    assert class_tokens("") == ()


def test_body_classes_are_not_block_evidence() -> None:
    html = ('<html class="page-comments"><body class="has-comments author-jane">'
            '<div class="sidebar"><p>Some text here</p></div></body></html>')
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    seg = segment(tree.body)
    tokens = block_tokens(seg, seg.blocks[0])
    assert "sidebar" in tokens
    assert not tokens & {"has", "comments", "hascomments", "author", "jane", "page"}


def test_fallback_kind_does_not_depend_on_set_order() -> None:
    block = RawBlock("paragraph", "x", "div", 0, 0, 0)
    tokens = frozenset({"sidebar", "footer", "share", "comments", "nav", "related"})
    kinds = {_fallback_kind(block, frozenset(sorted(tokens, key=lambda t: (hash(t) + i) % 7))) for i in range(7)}
    assert len(kinds) == 1


def test_generated_ids_are_not_cut_into_camel_case_pieces() -> None:
    assert "ad" not in class_tokens("block-id-n1AuAdJlVL")  # a hash, not an advertisement
    assert class_tokens("isAdBox") == ("is", "ad", "box", "isadbox")
