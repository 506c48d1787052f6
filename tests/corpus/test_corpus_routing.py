"""Pages are routed to workers by host: per-host templates are learned by one worker, in input order, so the
output does not depend on scheduling or on the number of workers, and multi-worker runs save templates back."""
from __future__ import annotations

import json

from fliesstext.formats.sharded import CollectSink
from fliesstext.model import Failure, Page
from fliesstext.options import Options
from fliesstext.run import route
from fliesstext.run.batch import run_batch
from fliesstext.templates import TemplateStore

TOWNS = ["Aachen", "Bremen", "Celle", "Dessau", "Emden", "Fulda", "Gotha", "Hagen", "Jena", "Kiel"]


def _text_page(host: int, n: int) -> Page:
    top = ["Startseite", f"Politik bei Zeitung {host}", f"Heute in Zeitung {host}: alle Nachrichten aus der Region"]
    end = [f"Zeitung {host} gibt es jetzt auch als App für alle Geräte, mit allen Artikeln der Printausgabe.",
           "Impressum"]
    town = TOWNS[(n * 7 + host) % len(TOWNS)]
    body = [f"In {town} ist am Montag ein neues Gemeindezentrum {n} eröffnet worden, sagte die Verwaltung dort."]
    body += [f"Die neue {thing} in {town} wurde von vielen Gästen besucht, erzählt der Bericht {n}."
             for thing in ("Bibliothek", "Schule", "Klinik", "Kita")]
    return Page("\n".join(top + body + end), url=f"https://zeitung{host}.example/artikel/{n}", mode="text",
                id=f"h{host}-{n}")


def _pages() -> list[Page]:
    return [_text_page(host, n) for n in range(9) for host in range(5)]


def _records(workers: int, **kwargs) -> list[dict]:
    sink = CollectSink()
    run_batch(_pages(), sink, Options(mode="text"), workers=workers, **kwargs)
    assert not any(isinstance(r, Failure) for r in sink.records)
    return [r.to_dict() for r in sink.records]


def test_output_does_not_depend_on_the_number_of_workers():
    one, three = _records(1), _records(3)
    assert one == three
    assert any(r["kind"] == "template" for rec in one for r in rec["removed"])  # templates were learned and used


def test_router_keeps_hosts_together_and_balances_new_hosts():
    router = route.HostRouter(2)
    slots = [router.route(p) for p in _pages()]
    by_host: dict[str, set[int | None]] = {}
    for page, slot in zip(_pages(), slots, strict=True):
        by_host.setdefault(page.url.split("/")[2], set()).add(slot)
    assert all(len(s) == 1 for s in by_host.values())
    assert sorted(router.given) == [18, 27]  # 5 hosts of 9 pages on 2 workers: 2 + 3 hosts
    assert router.route(Page("x")) is None  # no URL: any worker


def test_router_splits_a_host_that_dominates_the_run():
    router = route.HostRouter(2)
    slots = [router.route(Page("x", url=f"https://one.example/{i}")) for i in range(200)]
    assert set(slots[: route.SPLIT_MIN_PAGES - 1]) == {0}
    assert slots[-10:] in ([0, 1] * 5, [1, 0] * 5)  # a single-site crawl still uses every worker


def test_multi_worker_run_saves_templates_back(tmp_path):
    folder = tmp_path / "templates"
    _records(2, templates_dir=str(folder))
    saved = sorted(p.name for p in folder.glob("*.json"))
    assert saved == [f"zeitung{h}.example.json" for h in range(5)]
    data = json.loads((folder / "zeitung0.example.json").read_text())
    assert data["pages"] == 9 and data["counts"]["impressum"] == 9
    _records(2, templates_dir=str(folder))  # a second run adds to what the first learned
    again = TemplateStore.load(folder)
    assert again._hosts["zeitung0.example"].pages == 18 and again._hosts["zeitung0.example"].counts["impressum"] == 18


def test_merge_adds_what_each_worker_learned_beyond_the_base():
    base = TemplateStore()
    base.observe("h.example", ["Menü", "Alt"], 100, "http://h.example/0")
    parts = []
    for w in range(2):
        part = TemplateStore()
        part.observe("h.example", ["Menü", "Alt"], 100, "http://h.example/0")
        part.observed.clear()  # as if loaded from disk
        for n in range(3):
            part.observe("h.example", ["Menü", f"Neu {'AB'[w]}"], 100 + n, f"http://h.example/{w}-{n}")
        parts.append(part)
    merged = TemplateStore()
    merged.observe("h.example", ["Menü", "Alt"], 100, "http://h.example/0")
    for part in parts:
        merged.merge_learned(base, part)
    stats = merged._hosts["h.example"]
    assert stats.pages == 7 and stats.counts == {"menü": 7, "alt": 1, "neu a": 3, "neu b": 3}
    assert stats.lengths == [100, 100, 101, 102, 100, 101, 102]
