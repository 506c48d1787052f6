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
