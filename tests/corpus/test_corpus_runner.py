"""The batch runner: one record per input, timeouts replace the worker, crashes and memory caps recycle it."""
from __future__ import annotations

import os
import time

import pytest
from corpus_helpers import article_html

import fliesstext.run.worker as worker_module
from fliesstext.formats.sharded import CollectSink
from fliesstext.model import Failure, Page
from fliesstext.run.batch import run_batch

_real_extract_one = worker_module.extract_one


def _misbehaving(page, options, templates=None):
    """Hangs, crashes or bloats on marker pages; runs in the forked workers."""
    content = page.content if isinstance(page.content, str) else page.content.decode("utf-8", "replace")
    if "HANG" in content:
        time.sleep(3600)
    if "CRASH" in content:
        os._exit(7)
    if "BLOAT" in content:
        worker_module._ballast = bytearray(150_000_000)  # kept alive: the worker stays big
    return _real_extract_one(page, options, templates)


@pytest.fixture
def misbehaving_workers(monkeypatch):
    monkeypatch.setattr(worker_module, "extract_one", _misbehaving)


def _page(i: int, marker: str = "") -> Page:
    return Page(content=article_html(i, marker), id=f"p{i}", url=f"http://x.example/{i}")


def test_one_record_per_input_with_hang_crash_and_bloat(misbehaving_workers):
    pages = [_page(i, {3: "HANG", 7: "CRASH", 9: "BLOAT"}.get(i, "")) for i in range(14)]
    sink = CollectSink()
    started = time.monotonic()
    stats = run_batch(pages, sink, workers=2, page_timeout=1.5, max_worker_memory=120_000_000)
    assert time.monotonic() - started < 30
    assert [r.id for r in sink.records] == [f"p{i}" for i in range(14)]
    by_id = {r.id: r for r in sink.records}
    assert isinstance(by_id["p3"], Failure) and by_id["p3"].error == "PageTimeoutError"
    assert by_id["p3"].stage == "timeout"
    assert isinstance(by_id["p7"], Failure) and by_id["p7"].error == "WorkerCrashed"
    assert not isinstance(by_id["p9"], Failure)
    assert stats.timeouts == 1 and stats.crashes == 1 and stats.recycled >= 1
    assert stats.records == 14 and stats.failures == 2


def test_empty_input_and_stats_file(tmp_path):
    sink = CollectSink()
    stats = run_batch([], sink, workers=1, stats_path=str(tmp_path / "s.json"))
    assert stats.records == 0 and sink.records == [] and (tmp_path / "s.json").exists()


def test_stats_count_removed_kinds_and_stage_times(tmp_path):
    import json

    stats = run_batch([_page(i) for i in range(4)], CollectSink(), workers=1, stats_path=str(tmp_path / "s.json"))
    data = json.loads((tmp_path / "s.json").read_text())
    assert data["records"] == 4 and data["complete"] is True
    assert set(data["seconds"]) == {"wall", "ingest", "extract", "serialize", "write", "parent_cpu", "worker_cpu"}
    assert 0 < data["seconds"]["worker_cpu"]
    assert isinstance(data["removed_by_kind"], dict) and stats.extract_s > 0


def _text_page(n: int) -> Page:
    top = ["Startseite", "Politik", "Heute in der Zeitung: alle Nachrichten aus der Region"]
    end = ["Unsere Zeitung gibt es jetzt auch als App für alle Geräte, mit allen Artikeln der Printausgabe.",
           "Impressum"]
    town = ["Aachen", "Bremen", "Celle", "Dessau", "Emden", "Fulda", "Gotha", "Hagen"][n % 8]
    body = [f"In {town} ist am Montag ein neues Gemeindezentrum eröffnet worden, sagte die Stadtverwaltung dort."]
    body += [f"Die neue {thing} in {town} wurde von vielen Gästen besucht, erzählt der Bericht."
             for thing in ("Bibliothek", "Schule", "Klinik", "Kita")]
    return Page("\n".join(top + body + end), url=f"https://zeitung.example/artikel/{n}", mode="text", id=f"t{n}")


@pytest.mark.parametrize("learn", [True, False])
def test_workers_learn_host_templates(learn):
    from fliesstext.options import Options

    sink = CollectSink()
    run_batch([_text_page(n) for n in range(8)], sink, Options(mode="text", learn_templates=learn), workers=1)
    template = [r for r in sink.records[-1].removed if r.kind == "template"]
    assert bool(template) is learn
