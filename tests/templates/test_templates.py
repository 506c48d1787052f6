"""templates/: per-host template learning, save/load, breakage warnings, extract_many integration."""
from __future__ import annotations

from pathlib import Path

import fliesstext
from fliesstext import Options, Page
from fliesstext.model import Block, BodyResult
from fliesstext.templates import TemplateStore, filter_body, learn_templates, template_key

CHROME_TOP = ["Startseite", "Politik", "Sport", "Anmelden", "Heute in der Zeitung: alle Nachrichten aus der Region"]
CHROME_END = [
    "Unsere Zeitung gibt es jetzt auch als App für alle Geräte, mit allen Artikeln der Printausgabe.",
    "Impressum", "Kontakt",
]


TOWNS = ["Aachen", "Bremen", "Celle", "Dessau", "Emden", "Fulda", "Gotha", "Hagen", "Jena", "Kiel"]
THINGS = ["Bibliothek", "Schwimmbad", "Kita", "Turnhalle", "Feuerwache", "Brücke", "Schule", "Klinik", "Bahnhof"]


def _page(n: int, paragraphs: int = 4) -> Page:
    town = TOWNS[n % len(TOWNS)]
    body = [
        f"In {town} ist am Montag ein neues Gemeindezentrum eröffnet worden, sagte die Stadtverwaltung dort.",
        *[f"Die neue {THINGS[(n + k) % len(THINGS)]} in {town} wurde von vielen Gästen besucht, erzählt der Bericht."
          for k in range(paragraphs)],
    ]
    return Page("\n".join(CHROME_TOP + body + CHROME_END), url=f"https://zeitung.example/artikel/{n}", mode="text")


def test_template_key_masks_numbers_and_case() -> None:
    assert template_key("Vor 22 Stunden") == template_key("vor 3  stunden")


def test_store_learns_after_min_pages() -> None:
    store = TemplateStore(min_pages=3)
    for _ in range(2):
        store.observe("a.example", ["Menü", "Artikeltext"], 100)
    assert store.template("a.example") is None
    store.observe("a.example", ["Menü", "Anderer Text"], 100)
    template = store.template("a.example")
    assert template is not None and template.pages_for("menü") == 3 and template.pages_for("Artikeltext") is None


def test_extract_many_removes_repeated_lines_as_template() -> None:
    pages = [_page(n) for n in range(6)]
    articles = list(fliesstext.extract_many(pages, Options(mode="text")))
    assert len(articles) == len(pages)  # one in, one out
    last = articles[-1]
    template = [r for r in last.removed if r.kind == "template"]
    assert any(r.text == CHROME_END[0] for r in template)
    assert all(r.pages and r.pages >= 3 for r in template)
    assert CHROME_END[0] not in last.text
    assert "In Fulda ist am Montag" in last.text


def test_learning_can_be_switched_off() -> None:
    articles = list(fliesstext.extract_many([_page(n) for n in range(6)], Options(mode="text", learn_templates=False)))
    assert not any(r.kind == "template" for a in articles for r in a.removed)


def test_two_pass_helps_first_pages() -> None:
    pages = [_page(n) for n in range(5)]
    store = learn_templates(pages, Options(mode="text"))
    first = next(iter(fliesstext.extract_many(pages[:1], Options(mode="text"), templates=store)))
    assert any(r.kind == "template" for r in first.removed)


def test_save_and_load(tmp_path: Path) -> None:
    store = TemplateStore()
    list(fliesstext.extract_many([_page(n) for n in range(4)], Options(mode="text"), templates=store))
    store.save(tmp_path)
    assert (tmp_path / "zeitung.example.json").exists()
    loaded = TemplateStore.load(tmp_path)
    assert loaded.hosts() == ["zeitung.example"]
    template = loaded.template("zeitung.example")
    assert template is not None and template.pages_for("Impressum") == 4
    assert TemplateStore.load(tmp_path / "missing").hosts() == []


def test_breakage_warning_names_host() -> None:
    store = TemplateStore()
    list(fliesstext.extract_many([_page(n, paragraphs=8) for n in range(6)], Options(mode="text"), templates=store))
    broken = Page("\n".join(CHROME_TOP + ["Seite nicht gefunden"] + CHROME_END), url="https://zeitung.example/x",
                  mode="text")
    article = next(iter(fliesstext.extract_many([broken], Options(mode="text"), templates=store)))
    assert any("zeitung.example" in w and "layout" in w for w in article.warnings)


def test_filter_body_for_html_mode() -> None:
    store = TemplateStore(min_pages=2)
    for _ in range(2):
        store.observe("h.example", ["Newsletter bestellen"], 50)
    template = store.template("h.example")
    assert template is not None
    text = "Ein echter Absatz mit genug Text, damit der Newsletter-Block nur ein kleiner Teil des Körpers ist."
    body = BodyResult((Block("paragraph", text), Block("paragraph", "Newsletter bestellen")))
    filtered = filter_body(body, template)
    assert [b.text for b in filtered.blocks] == [text]
    assert filtered.removed[0].kind == "template" and filtered.removed[0].pages == 2


def test_recrawled_url_is_counted_once() -> None:
    store = TemplateStore(min_pages=2)
    for _ in range(3):
        store.observe("r.example", ["Absatz eins", "Menü"], 100, url="https://r.example/a")
    assert store.template("r.example") is None  # one page, seen three times
    store.observe("r.example", ["Menü"], 100, url="https://r.example/b")
    template = store.template("r.example")
    assert template is not None and template.pages_for("Menü") == 2 and template.pages_for("Absatz eins") is None


def test_repeated_article_keeps_its_body() -> None:
    same = [Page(_page(1).content, url=f"https://zeitung.example/kopie/{n}", mode="text") for n in range(6)]
    last = list(fliesstext.extract_many(same, Options(mode="text")))[-1]
    assert "In Bremen ist am Montag" in last.text  # a syndicated copy is not site chrome


def test_store_keeps_at_most_max_hosts_least_recent_forgotten():
    from fliesstext.templates import TemplateStore

    store = TemplateStore(max_hosts=3)
    for host in ("a.example", "b.example", "c.example", "a.example", "d.example"):
        store.observe(host, ["menu line", "footer line"], 100)
    assert store.hosts() == ["a.example", "c.example", "d.example"]


def test_multiline_texts_are_learned_line_by_line(monkeypatch) -> None:
    from fliesstext.templates import store as store_module

    pages = [(["Absatz", "Titel 1"], ["Menü\nPolitik\n\nSport 24", "Impressum"]),
             (["Anderer Absatz"], ["Menü\nPolitik\n\nSport 24", "Kontakt\nImpressum"]),
             (["Absatz"], ["Menü\nPolitik", "Kontakt\nImpressum"])]
    for bound in (store_module.MAX_MEMO_CHARS, 5):  # a memo cleared on the way must not change what is learned
        monkeypatch.setattr(store_module, "MAX_MEMO_CHARS", bound)
        split, whole = TemplateStore(min_pages=2), TemplateStore(min_pages=2)
        for n, (texts, multiline) in enumerate(pages):
            lines = texts + [line for text in multiline for line in text.split("\n")]
            split.observe("m.example", lines, 100, f"https://m.example/{n}")
            whole.observe("m.example", texts, 100, f"https://m.example/{n}", multiline)
        assert whole._hosts["m.example"].counts == split._hosts["m.example"].counts
        assert whole._hosts["m.example"].counts["sport 0"] == 2 and "" not in whole._hosts["m.example"].counts


def test_fast_paths_agree_with_their_plain_forms() -> None:
    import random
    import statistics

    from fliesstext.model import Article
    from fliesstext.templates.store import _median

    rng = random.Random(8)
    for _ in range(200):
        values = [rng.randrange(0, 50) for _ in range(rng.randrange(1, 12))]
        assert _median(values) == statistics.median(values)
    blocks = (Block("paragraph", "Eins"), Block("paragraph", ""), Block("paragraph", "Drei drei"))
    for body in ((), blocks[1:2], blocks):
        for teaser in (None, "", "Vorspann"):
            article = Article(body=body, teaser=teaser)
            assert article.text_length == len(article.text)
    store = TemplateStore(min_pages=2)
    for n in range(3):
        store.observe("f.example", ["Menü", "Seite 1 von 3", f"Text {'abc'[n]}"], 100, f"https://f.example/{n}")
    template = store.template("f.example")
    texts = ["MENÜ", "seite 2 von 9", "Text b", "neu"]
    assert template is not None and template.pages_of(texts) == [template.pages_for(t) for t in texts] == [3, 3, None, None]


def test_filter_body_leaves_a_mostly_repeated_body_alone() -> None:
    store = TemplateStore(min_pages=2)
    long = "Ein langer Absatz, der auf jeder Kopie des Artikels wiederkehrt, weil der Artikel mehrfach erschien."
    for n in range(2):
        store.observe("s.example", [long, "Newsletter"], 100, f"https://s.example/{n}")
    template = store.template("s.example")
    assert template is not None
    body = BodyResult((Block("paragraph", long), Block("paragraph", "Newsletter"), Block("paragraph", "Neu.")))
    assert filter_body(body, template) is body


def test_template_key_masks_every_decimal_digit_run() -> None:
    assert template_key("Seite \u0663\u0664 von \uff13, 2024-06-01 ² x") == "seite 0 von 0, 0-0-0 ² x"


def test_observe_article_learns_what_article_texts_lists() -> None:
    from fliesstext.templates import article_texts, observe_article

    articles = list(fliesstext.extract_many([_page(n) for n in range(5)], Options(mode="text", learn_templates=False)))
    by_article, by_texts = TemplateStore(), TemplateStore()
    for article in articles:
        assert isinstance(article, fliesstext.Article) and article.removed
        observe_article(by_article, article)
        by_texts.observe(article.host, article_texts(article), len(article.text), article.url)
    assert by_article._hosts["zeitung.example"] == by_texts._hosts["zeitung.example"]


def _filter_body_reference(body: BodyResult, template) -> BodyResult:  # type: ignore[no-untyped-def]
    """filter_body as first written (block by block): the faster one must give the same result."""
    from dataclasses import replace

    from fliesstext.model import Removed
    from fliesstext.templates.apply import MAX_BODY_SHARE, TEMPLATE_REASON

    kept, removed = [], list(body.removed)
    for block in body.blocks:
        pages = template.pages_for(block.text)
        if pages is None:
            kept.append(block)
            continue
        removed.append(Removed("template", block.text, TEMPLATE_REASON.format(
            pages=pages, total=template.pages, host=template.host), pages))
    if len(kept) == len(body.blocks):
        return body
    total = sum(len(block.text) for block in body.blocks)
    if total and sum(len(block.text) for block in kept) < (1 - MAX_BODY_SHARE) * total:
        return body
    return replace(body, blocks=tuple(kept), removed=tuple(removed))


def test_filter_body_matches_the_block_by_block_reference() -> None:
    import random

    from fliesstext.model import Removed

    rng = random.Random(3)
    words = ["Menü", "Newsletter 2", "Ein Absatz mit etwas Text.", "Noch ein längerer Absatz " * 4, "  ", "Teilen"]
    for _ in range(300):
        store = TemplateStore(min_pages=2, min_share=0.2)
        for n in range(rng.randrange(2, 7)):
            store.observe("p.example", rng.sample(words, rng.randrange(1, 5)), 100, f"https://p.example/{n}")
        template = store.template("p.example")
        if template is None:
            continue
        blocks = tuple(Block("paragraph", rng.choice(words)) for _ in range(rng.randrange(0, 6)))
        body = BodyResult(blocks, (Removed("nav", "Start\nPolitik", "menu"),))
        expected = _filter_body_reference(body, template)
        result = filter_body(body, template)
        assert result == expected and (result is body) == (expected is body)
