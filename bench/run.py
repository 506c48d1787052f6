"""`make bench`: fliesstext against its peers on every ../shared/bench/*.jsonl.gz, with one scorer.

Each extractor runs in its own child process (bench/worker.py) pinned to one core, after a warm-up, timing only
the extraction call; its predictions are scored here with fliesstext.evaluate (the scorer of `fliesstext eval`).
Prints one table per file with each figure's ratio to trafilatura from the same run, then fliesstext's presets,
per-language F1, worst pages, stage profile and memory growth. Writes everything to bench/results/<ts>.json and
bench/results/latest.json; the predictions stay in bench/results/<ts>/ so any run can be re-scored with
`fliesstext eval bench/results/<ts>/<file>/<extractor>.jsonl ../shared/bench/<file>.jsonl.gz`.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.extractors import INSTALL_HINT, REFERENCE, Extractor, extractors_for
from bench.report import compare_lines, file_report, ratios, summary
from fliesstext.evaluate import evaluate_records, read_jsonl

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO.parent / "shared" / "bench"
RESULTS = REPO / "bench" / "results"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated extractors, e.g. fliesstext,trafilatura (presets included)")
    parser.add_argument("--files", help="comma-separated bench files: names (fundus-dev) or paths")
    parser.add_argument("--quick", action="store_true", help="first 30 pages per file, 2 memory passes")
    parser.add_argument("--limit", type=int, help="only the first N pages of each file")
    parser.add_argument("--repeat", type=int, default=10, help="passes of the memory-growth check (issue: 100)")
    parser.add_argument("--warmup", type=int, default=3, help="pages extracted before timing starts")
    parser.add_argument("--passes", type=int, default=2, help="timing passes; each page keeps its fastest time")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per extractor and file")
    parser.add_argument("--no-profile", action="store_true", help="skip fliesstext's stage profile")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory-growth check")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the JSON results go")
    args = parser.parse_args(argv)
    if args.quick:
        args.limit = args.limit or 30
        args.repeat = min(args.repeat, 2)
    return args


HELDOUT = Path(__file__).resolve().parent / "results" / "heldout.jsonl.gz"


def bench_files(spec: str | None) -> list[Path]:
    if not spec:  # the shared dev files, plus the held-out set when `python -m bench.heldout.build` made it
        return sorted(DATA_DIR.glob("*.jsonl.gz")) + [p for p in (HELDOUT,) if p.exists()]
    paths = []
    for item in (s.strip() for s in spec.split(",") if s.strip()):
        path = Path(item)
        if not path.exists():
            path = DATA_DIR / (item if item.endswith(".jsonl.gz") else f"{item}.jsonl.gz")
        paths.append(path)
    return paths


def file_kind(path: Path) -> str | None:
    """'html' when the records carry `html`, 'text' when they carry `text`."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        first = json.loads(handle.readline() or "{}")
    return "html" if "html" in first else "text" if "text" in first else None


def stem(path: Path) -> str:
    return path.name.removesuffix(".gz").removesuffix(".jsonl")


def run_worker(task: str, path: Path, kind: str, workdir: Path, args: argparse.Namespace,
               extractor: str = "fliesstext", predictions: Path | None = None) -> dict[str, Any]:
    """One child process; returns its JSON result, or {"error": ...} when it failed or timed out."""
    out = workdir / f"{task}.{extractor.replace(':', '-')}.json"
    cmd = [sys.executable, "-m", "bench.worker", task, "--file", str(path), "--kind", kind, "--extractor", extractor,
           "--out", str(out), "--warmup", str(args.warmup), "--repeat", str(args.repeat), "--passes", str(args.passes)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    if predictions:
        cmd += ["--predictions", str(predictions)]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    try:
        proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {args.timeout:.0f} s"}
    if proc.returncode != 0 or not out.exists():
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {proc.returncode}: {tail}"}
    return json.loads(out.read_text(encoding="utf-8"))


def score_row(stats: dict[str, Any], predictions: Path, gold: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of one extractor: the scorer's output plus speed and memory."""
    preds = read_jsonl(predictions)
    result = evaluate_records(preds, gold)
    ms = {p.get("id"): p.get("ms") for p in preds}
    for page in result["pages"]:
        page["ms"] = ms.get(page["id"])
    speed = {k: stats.get(k) for k in ("ms_per_page", "ms_median", "ms_max", "pages_per_s", "wall_ms_per_page",
                                       "peak_rss_mb", "base_rss_mb", "cpu", "passes")}
    return {**result, "speed": speed, "errors": stats.get("errors", {}), "version": stats.get("version")}


def per_language(rows: dict[str, Any], gold: list[dict[str, Any]], names: list[str]) -> dict[str, Any]:
    """Mean body F1 per gold language for the given rows (pages are in gold order)."""
    langs = [g.get("lang") or "?" for g in gold]
    table: dict[str, Any] = {}
    for lang in sorted(set(langs), key=lambda x: (-langs.count(x), x)):
        entry: dict[str, Any] = {"n": langs.count(lang)}
        for name in names:
            pages = rows.get(name, {}).get("pages")
            if pages:
                f1s = [p["f1"] for p, g_lang in zip(pages, langs, strict=True) if g_lang == lang]
                entry[name] = sum(f1s) / len(f1s)
        table[lang] = entry
    return table


def bench_file(path: Path, kind: str, args: argparse.Namespace, outdir: Path) -> dict[str, Any]:
    only = {s.strip() for s in args.only.split(",")} if args.only else None
    gold = [{k: v for k, v in r.items() if k not in ("html", "text")} for r in read_jsonl(path)]
    gold = gold[: args.limit] if args.limit else gold
    workdir = outdir / stem(path)
    workdir.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"file": path.name, "kind": kind, "pages": len(gold), "rows": {}, "skipped": {},
                              "notes": {}}
    for extractor in extractors_for(kind, only):
        result["rows"][extractor.name] = _bench_one(extractor, path, kind, gold, workdir, args, result)
    result["rows"] = {k: v for k, v in result["rows"].items() if v is not None}
    reference = result["rows"].get(REFERENCE)
    for figures in result["rows"].values():
        if "error" not in figures:
            figures["ratios"] = ratios(figures, reference if reference and "error" not in reference else None)
    _fliesstext_details(result, path, kind, gold, workdir, args)
    return result


def _bench_one(extractor: Extractor, path: Path, kind: str, gold: list[dict[str, Any]], workdir: Path,
               args: argparse.Namespace, result: dict[str, Any]) -> dict[str, Any] | None:
    if not extractor.available():
        result["skipped"][extractor.name] = f"{extractor.module} is not installed ({INSTALL_HINT})"
        print(f"  {extractor.name}: not installed, skipped — {INSTALL_HINT}", file=sys.stderr)
        return None
    result["notes"][extractor.name] = extractor.note
    predictions = workdir / f"{extractor.name.replace(':', '-')}.jsonl"
    start = time.perf_counter()
    stats = run_worker("extract", path, kind, workdir, args, extractor.name, predictions)
    print(f"  {stem(path)}: {extractor.name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    if "error" in stats:
        return {"error": stats["error"]}
    return score_row(stats, predictions, gold)


def _fliesstext_details(result: dict[str, Any], path: Path, kind: str, gold: list[dict[str, Any]], workdir: Path,
                        args: argparse.Namespace) -> None:
    rows = result["rows"]
    main = rows.get("fliesstext")
    if not main or "error" in main:
        return
    result["presets"] = {name.split(":")[1] if ":" in name else "balanced": rows[name]["body"]["f1"]
                         for name in rows if name.startswith("fliesstext") and "error" not in rows[name]}
    result["language_columns"] = [n for n in ("fliesstext", REFERENCE) if n in rows and "error" not in rows[n]]
    result["per_language"] = per_language(rows, gold, result["language_columns"])
    result["worst"] = sorted(main["pages"], key=lambda p: p["f1"])[:10]
    if not args.no_profile:
        result["profile"] = run_worker("profile", path, kind, workdir, args)
        print(f"  {stem(path)}: profile done", file=sys.stderr)
    if not args.no_memory:
        result["memory"] = run_worker("memory", path, kind, workdir, args)
        print(f"  {stem(path)}: memory check done", file=sys.stderr)


def _previous_run(results: Path) -> dict[str, Any]:
    try:
        return json.loads((results / "latest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(), "processor": platform.processor(),
            "cpus": os.cpu_count()}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    files = bench_files(args.files)
    missing = [p for p in files if not p.exists()]
    if missing or not files:
        print(f"no bench files found: {', '.join(map(str, missing)) or DATA_DIR}", file=sys.stderr)
        return 2
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    outdir = args.results / stamp
    outdir.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"timestamp": stamp, "argv": sys.argv[1:] if argv is None else argv,
                              "reference": REFERENCE, "machine": machine(), "summary": {}, "files": {}}
    previous = _previous_run(args.results)
    kinds = {path: file_kind(path) for path in files}
    for path in sorted(files, key=lambda p: (kinds[p] != "html", p.name)):
        kind = kinds[path]
        if kind is None:
            print(f"{path.name}: records have neither html nor text, skipped", file=sys.stderr)
            continue
        file_result = bench_file(path, kind, args, outdir)
        report["files"][stem(path)] = file_result
        report["summary"][stem(path)] = summary(file_result)
        print(file_report(file_result, REFERENCE), flush=True)
        before = previous.get("files", {}).get(stem(path))
        for line in compare_lines(file_result, before, previous.get("timestamp", "?")):
            print(line, flush=True)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    (args.results / f"{stamp}.json").write_text(text, encoding="utf-8")
    (args.results / "latest.json").write_text(text, encoding="utf-8")
    print(f"\nresults: {args.results / (stamp + '.json')} (and latest.json); predictions in {outdir}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
