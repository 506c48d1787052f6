"""Malformed pages for robustness runs: every kind of input a crawl throws at an extractor.

`fuzz_pages(n, seed)` yields n deterministic Pages cycling through the kinds below; the tests run a few hundred,
the corpus benchmark 10,000+. The contract checked on them: no crash, exactly one record per page, hangs stopped.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from ..model import Page

_WORDS = ("Stadt", "Rat", "beschließt", "neue", "Regeln", "für", "Straßen", "and", "the", "council", "über",
          "Ärger", "naïve", "café", "東京", "москва", "العربية", "emoji 🎉", "zürich", "œuvre")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)) + "."


def _article(rng: random.Random, paragraphs: int = 5) -> str:
    body = "".join(f"<p>{_text(rng, rng.randint(8, 40))}</p>" for _ in range(paragraphs))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{_text(rng, 6)}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/a'>Politik</a></nav><article><h1>{_text(rng, 7)}</h1>{body}"
            f"</article><footer>© 2024 Impressum Datenschutz</footer></body></html>")


def truncated_tags(rng: random.Random) -> bytes:
    html = _article(rng)
    cut = rng.randint(1, len(html) - 1)
    return (html[:cut] + rng.choice(["", "<div class='x", "<p", "</", "<!--", "<![CDATA[", "<script>var a='"])).encode()


def wrong_encoding(rng: random.Random) -> bytes:
    html = _article(rng)
    kind = rng.randrange(4)
    if kind == 0:  # UTF-8 bytes, declared as Shift_JIS
        return html.replace("charset='utf-8'", "charset='shift_jis'").encode()
    if kind == 1:  # cp1252 bytes, declared UTF-8
        return html.encode("cp1252", errors="replace")
    if kind == 2:  # mixed: half UTF-8, half cp1252, plus stray continuation bytes
        mid = len(html) // 2
        return html[:mid].encode() + html[mid:].encode("cp1252", errors="replace") + b"\x80\x81\xc3"
    return html.encode("utf-16-le")  # UTF-16 without a BOM


def huge_attributes(rng: random.Random) -> bytes:
    value = "x" * rng.choice((100_000, 1_000_000))
    attrs = " ".join(f"data-a{i}='{i}'" for i in range(rng.choice((10, 5000))))
    return f"<html><body><div class='{value}' {attrs}><p title='{value}'>{_text(rng, 30)}</p></div></body></html>".encode()


def deep_nesting(rng: random.Random, max_depth: int = 100_000) -> bytes:
    """Up to 100,000 open elements. (lexbor's tree building is quadratic in the depth of open <div>s:
    30,000 take ~4 s, 100,000 a minute or more; the page time limit is what stops those.)"""
    depth = min(max_depth, rng.choices((1_000, 10_000, 100_000), weights=(60, 37, 3))[0])
    tag = rng.choice(("div", "span", "b", "li", "table"))
    closing = f"</{tag}>" * rng.choice((0, depth))
    return f"<html><body>{f'<{tag}>' * depth}<p>{_text(rng, 30)}</p>{closing}</body></html>".encode()


def binary(rng: random.Random) -> bytes:
    kind = rng.randrange(3)
    if kind == 0:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 20_000)))
    if kind == 1:
        return b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(5000))
    return b"\x00" * rng.randint(1, 10_000) + b"<p>nul</p>"


def empty(rng: random.Random) -> bytes:
    return rng.choice((b"", b"   \n\t ", b"<html></html>", b"<html><body></body></html>", b"<", b"\xef\xbb\xbf",
                       b"<!doctype html>", b"<p></p>" * 100))


def giant_table(rng: random.Random) -> bytes:
    rows = rng.choice((500, 3000))
    cols = rng.choice((5, 20))
    cells = "".join("<tr>" + "".join(f"<td>{r}.{c} {rng.choice(_WORDS)}</td>" for c in range(cols)) + "</tr>"
                    for r in range(rows))
    return f"<html><body><article><p>{_text(rng, 20)}</p><table>{cells}</table></article></body></html>".encode()


def tag_soup(rng: random.Random) -> bytes:
    pieces = ["<p>", "</p>", "<div>", "</div>", "</span>", "<a href='", "'>", "&amp;", "&#x110000;", "&bogus;",
              "<br/>", "<img src=x>", "<!-- ", " -->", "<table>", "<td>", "</tr>", "<li>", "<h2>", "\u200b", "\ufffd"]
    return "".join(rng.choice(pieces) if rng.random() < 0.4 else _text(rng, 3) for _ in range(3000)).encode()


def long_word(rng: random.Random) -> bytes:
    return f"<html><body><p>{'a' * rng.choice((100_000, 2_000_000))}</p><p>{_text(rng, 20)}</p></body></html>".encode()


def plain_text(rng: random.Random) -> bytes:
    return "\n".join(_text(rng, rng.randint(1, 30)) for _ in range(rng.randint(1, 200))).encode()


KINDS: dict[str, Callable[[random.Random], bytes]] = {
    "truncated_tags": truncated_tags, "wrong_encoding": wrong_encoding, "huge_attributes": huge_attributes,
    "deep_nesting": deep_nesting, "binary": binary, "empty": empty, "giant_table": giant_table,
    "tag_soup": tag_soup, "long_word": long_word, "plain_text": plain_text,
}


def fuzz_pages(n: int, seed: int = 0, max_depth: int = 100_000) -> Iterator[Page]:
    """n malformed pages, cycling through KINDS, reproducible from the seed (max_depth caps deep nesting)."""
    names = list(KINDS)
    for index in range(n):
        rng = random.Random(seed * 1_000_003 + index)
        kind = names[index % len(names)]
        charset = rng.choice((None, None, "utf-8", "iso-8859-1", "bogus-charset"))
        content = deep_nesting(rng, max_depth) if kind == "deep_nesting" else KINDS[kind](rng)
        yield Page(content=content, id=f"fuzz-{index}-{kind}", url=f"http://fuzz.example/{index}",
                   source=f"fuzz:{kind}", http_charset=charset)
