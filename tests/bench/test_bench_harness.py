"""The bench harness without the peers: baselines, ratios, tables, and one tiny end-to-end run."""
from __future__ import annotations

import gzip
import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _bench(module: str) -> ModuleType:
    """Import bench.<module> from the repo root (bench/ is not an installed package)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return importlib.import_module(f"bench.{module}")


def test_c4_line_rules() -> None:
    extractors = _bench("extractors")
    text = "\n".join([
        "Menu Home News Sport",  # no terminal punctuation
        "Too short a line.",  # 4 words
        "This line has enough words to stay.",
        "Please enable JavaScript to view the comments.",
        "We use cookies to improve your experience here.",
        '  He said it was "five words or more."  ',
    ])
    assert extractors.c4_lines(text) == 'This line has enough words to stay.\nHe said it was "five words or more."'


def test_lines_as_html_escapes_and_wraps_each_line() -> None:
    html = _bench("extractors").lines_as_html("a < b\n\n  second  \n")
    assert "<p>a &lt; b</p>" in html and "<p>second</p>" in html and html.count("<p>") == 2


def test_extractors_for_selects_base_names_with_presets() -> None:
    extractors = _bench("extractors")
    names = [e.name for e in extractors.extractors_for("html", {"fliesstext"})]
    assert names == ["fliesstext", "fliesstext:precision", "fliesstext:recall"]
    assert {e.name for e in extractors.extractors_for("text", None)} >= {"raw", "c4", "trafilatura", "fliesstext"}


def test_ratios_and_table() -> None:
    report = _bench("report")
    ref = {"body": {"f1": {"mean": 0.8, "median": 0.9}}, "speed": {"ms_per_page": 40.0, "pages_per_s": 25.0}}
    mine = {"body": {"f1": {"mean": 0.96, "median": 0.9}}, "speed": {"ms_per_page": 8.0, "pages_per_s": 125.0},
            "title": {"accuracy": None, "n": 0}}
    ratio = report.ratios(mine, ref)
    assert ratio["F1"] == pytest.approx(1.2) and ratio["pages/s"] == pytest.approx(5.0)
    assert ratio["ms/page"] == pytest.approx(0.2) and ratio["title"] is None
    mine["ratios"] = ratio
    lines = report.main_table({"rows": {"trafilatura": ref, "fliesstext": mine}}, "trafilatura")
    assert lines[0].split()[:2] == ["extractor", "P"]
    assert any(line.strip().startswith("÷ trafilatura") and "5.00×" in line for line in lines)


def _write(path: Path, records: list[dict]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    return path


def test_end_to_end_on_a_tiny_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "The council approved the new budget on Monday evening."
    records = [
        {"id": f"t{i}", "lang": "en", "url": f"https://x.test/{i}", "text": f"Home | News\n{body}\nAccept cookies now.",
         "expected": {"title": "T", "body": body, "authors": None, "date": None}}
        for i in range(3)
    ]
    data = _write(tmp_path / "tiny-text.jsonl.gz", records)
    run = _bench("run")
    code = run.main(["--files", str(data), "--only", "raw,c4", "--results", str(tmp_path / "results"),
                     "--warmup", "1", "--passes", "1"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "=== tiny-text.jsonl.gz (text, 3 pages) ===" in printed
    latest = json.loads((tmp_path / "results" / "latest.json").read_text(encoding="utf-8"))
    rows = latest["files"]["tiny-text"]["rows"]
    assert rows["c4"]["body"]["f1"]["mean"] == 1.0  # only the body line ends in '.' and has >= 5 words
    assert rows["raw"]["body"]["precision"]["mean"] == pytest.approx(9 / 14)  # 9 body tokens of 2 + 9 + 3
    assert rows["raw"]["speed"]["pages_per_s"] > 0 and rows["c4"]["speed"]["peak_rss_mb"] > 0


def test_a_missing_peer_is_skipped_with_the_install_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run, extractors = _bench("run"), _bench("extractors")
    ghost = extractors.Extractor("ghost", "html", "surely_not_an_installed_module_xyz", lambda: dict, "ghost")
    result: dict = {"skipped": {}, "notes": {}}
    args = run.parse_args([])
    assert run._bench_one(ghost, tmp_path / "x.jsonl.gz", "html", [], tmp_path, args, result) is None
    assert "pip install -e '.[bench]'" in result["skipped"]["ghost"]
    assert "ghost: not installed" in capsys.readouterr().err


def test_c4_terminal_marks_cover_typographic_quotes_and_cjk() -> None:
    c4_lines = _bench("extractors").c4_lines
    assert c4_lines("Er sagte, das sei »nicht genug.«") == "Er sagte, das sei »nicht genug.«"
    assert c4_lines("这 是 一 个 句子。") == "这 是 一 个 句子。"  # five whitespace-separated words


def test_end_to_end_fliesstext_details_on_a_tiny_html_file(tmp_path: Path) -> None:
    paragraph = "<p>The council approved the new budget on Monday evening after a long debate in the town hall.</p>"
    html = f"<html lang='en'><head><title>Budget passed</title></head><body><nav>Home News</nav><article>" \
           f"<h1>Budget passed</h1>{paragraph * 3}</article></body></html>"
    records = [{"id": f"h{i}", "lang": "en", "url": f"https://x.test/{i}", "html": html,
                "expected": {"title": "Budget passed", "body": "x", "authors": None, "date": None}} for i in range(2)]
    data = _write(tmp_path / "tiny-html.jsonl.gz", records)
    run = _bench("run")
    assert run.main(["--files", str(data), "--only", "fliesstext", "--results", str(tmp_path / "r"), "--warmup", "1",
                     "--passes", "1", "--repeat", "2"]) == 0
    result = json.loads((tmp_path / "r" / "latest.json").read_text(encoding="utf-8"))["files"]["tiny-html"]
    assert set(result["rows"]) == {"fliesstext", "fliesstext:precision", "fliesstext:recall"}
    assert all("error" not in row for row in result["rows"].values())
    assert {"parse", "meta", "body", "serialize"} <= set(result["profile"]["stages_ms"])
    assert result["memory"]["repeat"] == 2 and "growth_mb" in result["memory"]
    assert result["worst"] and result["per_language"]["en"]["n"] == 2
