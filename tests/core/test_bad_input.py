"""Bad input never crashes: an article (maybe empty, with a warning) or a documented error."""
import os

import pytest

import fliesstext


def test_empty_input_gives_empty_article_with_warning():
    for content in ("", b"", "   \n\t "):
        article = fliesstext.extract(content)
        assert article.body == () and article.text == ""
        assert "empty input" in article.warnings


def test_binary_garbage_is_decoded_without_crash():
    data = os.urandom(20_000)
    article = fliesstext.extract(data)
    assert isinstance(article, fliesstext.Article)


def test_declared_charset_is_used_for_bytes():
    html = "<html><head><meta charset='iso-8859-1'></head><body><p>Grüße aus Köln, schön hier.</p></body></html>"
    article = fliesstext.extract(html.encode("latin-1"), mode="html")
    assert "Grüße aus Köln" in article.text


def test_wrong_declared_charset_falls_back_to_utf8():
    html = "<html><head><meta charset='gb2312'></head><body><p>Grüße aus Köln, schön hier – wirklich.</p></body></html>"
    article = fliesstext.extract(html.encode("utf-8"), mode="html")
    assert "Grüße aus Köln" in article.text


def test_bom_wins():
    html = "<p>Ünïcödé text in a paragraph here.</p>"
    article = fliesstext.extract(b"\xef\xbb\xbf" + html.encode("utf-8"), mode="html")
    assert "Ünïcödé" in article.text


def test_ten_thousand_nested_divs():
    html = "<html><body>" + "<div>" * 10_000 + "<p>Deep inside there is one sentence of text.</p>" + \
        "</div>" * 10_000 + "</body></html>"
    article = fliesstext.extract(html, mode="html")
    assert isinstance(article, fliesstext.Article)


def test_fifty_megabyte_page_with_default_options():
    article_html = "<article><h1>Title</h1>" + ("<p>" + "A sentence with several words in it. " * 20 + "</p>") * 20
    html = ("<html><body><img src='data:image/png;base64," + "A" * 24_900_000 + "'><script>var x='" +
            "b" * 24_900_000 + "';</script>" + article_html + "</article></body></html>")
    assert len(html) > 49_000_000
    article = fliesstext.extract(html.encode("utf-8"))
    assert article.mode == "html" and article.text.count("A sentence with several words") == 400


def test_page_beyond_max_bytes_is_truncated_not_fatal():
    paragraph = "<p>" + "Word " * 200 + "</p>\n"
    html = "<html><body>" + paragraph * (51_000_000 // len(paragraph)) + "</body></html>"
    article = fliesstext.extract(html, mode="html", options=fliesstext.Options(max_bytes=2_000_000))
    assert any("truncated" in w for w in article.warnings)


def test_unknown_mode_is_a_documented_error():
    with pytest.raises(fliesstext.OptionsError):
        fliesstext.extract("<p>x</p>", mode="pdf")


def test_extract_many_never_loses_a_record():
    pages = ["<p>A good sentence with enough words.</p>", b"\xff\xfe\x00garbage", "", "plain text only"] * 3
    results = list(fliesstext.extract_many(pages))
    assert len(results) == len(pages)
    assert all(isinstance(r, (fliesstext.Article, fliesstext.Failure)) for r in results)


def test_utf8_bytes_declared_as_latin_are_read_as_utf8():
    html = "<html><head><meta charset='iso-8859-15'></head><body><p>Año nuevo en España, señor.</p></body></html>"
    article = fliesstext.extract(html.encode("utf-8"), mode="html")
    assert "Año nuevo en España" in article.text and "Ã" not in article.text
