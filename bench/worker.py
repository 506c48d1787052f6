"""The child side of the benchmark: one extractor (or one fliesstext probe) per process, pinned to one core.

Running each extractor in its own process makes peak RSS (ru_maxrss) belong to that extractor alone and keeps
one tool's caches from warming or slowing another. Records are streamed from the gzip file, so the data set does
not sit in memory while an extractor is measured. The result is one JSON object written to --out.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import json
import logging
import os
import pstats
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Any

from bench.extractors import Record, get

_KEEP = ("id", "url", "lang", "html", "text")


def iter_records(path: Path, limit: int | None = None) -> Iterator[Record]:
    """The records of a bench file, only the fields an extractor may read (never the expected answer)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in islice((ln for ln in handle if ln.strip()), limit):
            record = json.loads(line)
            yield {k: record[k] for k in _KEEP if k in record}


def pin_to_one_core() -> int | None:
    """Run on one core (the last allowed one), as the issue's figures are measured."""
    try:
        cpu = max(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return cpu
    except (AttributeError, OSError):
        return None


def peak_rss_mb() -> float:
    """Peak RSS of this process image. VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork + exec, so a
    child would report the (large) parent's peak; VmHWM belongs to the process's own address space."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def current_rss_mb() -> float:
    try:
        resident = int(Path("/proc/self/statm").read_text().split()[1])
        return resident * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def run_extract(args: argparse.Namespace) -> dict[str, Any]:
    """Time the extractor's call on every page (after a warm-up) and write its predictions as JSONL.

    Times are CPU time of this process (the bench machine may be shared: CPU time does not count waiting for a
    core); wall time is kept beside it. With several passes each page keeps its fastest time.
    """
    extractor = get(args.extractor, args.kind)
    base_rss = current_rss_mb()
    adapter = extractor.factory()
    for record in iter_records(args.file, args.warmup):
        _safe(adapter, record)
    cpu: list[float] = []
    wall: list[float] = []
    errors: dict[str, str] = {}
    predictions: list[dict[str, Any]] = []
    for number in range(args.passes):
        for i, record in enumerate(iter_records(args.file, args.limit)):
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            prediction, error = _safe(adapter, record)
            took_cpu, took_wall = (time.process_time() - start_cpu) * 1000, (time.perf_counter() - start_wall) * 1000
            if number:
                cpu[i], wall[i] = min(cpu[i], took_cpu), min(wall[i], took_wall)
                continue
            cpu.append(took_cpu)
            wall.append(took_wall)
            prediction.update(id=record.get("id"), url=record.get("url"))
            if error:
                errors[str(record.get("id"))] = error
                prediction["error"] = error
            predictions.append(prediction)
    with open(args.predictions, "w", encoding="utf-8") as out:
        for prediction, ms, ms_wall in zip(predictions, cpu, wall, strict=True):
            prediction.update(ms=round(ms, 3), ms_wall=round(ms_wall, 3))
            out.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    return {**_speed(cpu, wall), "passes": args.passes, "peak_rss_mb": peak_rss_mb(), "base_rss_mb": base_rss,
            "errors": errors, "version": _version(extractor.package)}


def _speed(cpu: list[float], wall: list[float]) -> dict[str, Any]:
    if not cpu:
        return {"pages": 0}
    total = sum(cpu)
    return {
        "pages": len(cpu), "total_ms": total, "ms_per_page": total / len(cpu), "ms_median": statistics.median(cpu),
        "ms_max": max(cpu), "pages_per_s": 1000 * len(cpu) / total if total else None,
        "wall_ms_per_page": sum(wall) / len(wall),
    }


def _safe(adapter: Callable[[Record], dict[str, Any]], record: Record) -> tuple[dict[str, Any], str | None]:
    try:
        return adapter(record), None
    except Exception as err:  # noqa: BLE001 - a peer failing on a page is a scored empty page, not a crash
        return {"text": "", "title": None, "authors": None, "date_published": None}, f"{type(err).__name__}: {err}"


# ---------------------------------------------------------------- fliesstext probes


def _stage_runner(kind: str) -> Callable[[Record, dict[str, float]], Any]:
    """One page through fliesstext's stages, adding each stage's milliseconds to `acc`."""
    from fliesstext import Options, Page
    from fliesstext.api import assemble

    options = Options(mode=kind)  # type: ignore[arg-type]

    def serialize(article: Any, acc: dict[str, float], start: float) -> float:
        json.dumps(article.to_dict(), ensure_ascii=False)
        return _tick(acc, "serialize", start)

    if kind == "html":
        from fliesstext.html import extract_body
        from fliesstext.meta import extract_meta
        from fliesstext.parse import parse_html

        def run_html(record: Record, acc: dict[str, float]) -> None:
            page = Page(content=record["html"], url=record.get("url"), mode="html")
            start = time.process_time()
            parsed = parse_html(record["html"], record.get("url"))
            start = _tick(acc, "parse", start)
            meta = extract_meta(parsed, options, fetched_at=None)
            start = _tick(acc, "meta", start)
            body = extract_body(parsed, options, meta)
            start = _tick(acc, "body", start)
            article = assemble(meta, body, page, "html")
            serialize(article, acc, _tick(acc, "assemble", start))

        return run_html

    from fliesstext.text import extract_text

    def run_text(record: Record, acc: dict[str, float]) -> None:
        page = Page(content=record["text"], url=record.get("url"), mode="text")
        start = time.process_time()
        meta, body = extract_text(record["text"], record.get("url"), options)
        start = _tick(acc, "text (meta + body)", start)
        article = assemble(meta, body, page, "text")
        serialize(article, acc, _tick(acc, "assemble", start))

    return run_text


def _tick(acc: dict[str, float], stage: str, start: float) -> float:
    now = time.process_time()
    acc[stage] = acc.get(stage, 0.0) + (now - start) * 1000
    return now


def run_profile(args: argparse.Namespace) -> dict[str, Any]:
    """ms/page per fliesstext stage, then where the time goes by module (cProfile, so with its overhead)."""
    runner = _stage_runner(args.kind)
    whole = get("fliesstext", args.kind).factory()  # the public path, to show what the stages do not cover
    records = list(iter_records(args.file, args.limit))
    for record in records:  # a whole warm-up pass: lazily loaded models and phrase lists are not page costs
        whole(record)
    acc: dict[str, float] = {}
    for record in records:
        runner(record, acc)
    start = time.process_time()
    for record in records:
        whole(record)
    whole_ms = (time.process_time() - start) * 1000
    profiler = cProfile.Profile()
    profiler.enable()
    for record in records:
        runner(record, {})
    profiler.disable()
    n = max(len(records), 1)
    return {"pages": len(records), "stages_ms": {k: v / n for k, v in acc.items()},
            "extract_page_ms": whole_ms / n, "modules_ms": _by_module(profiler, n)}


def _by_module(profiler: cProfile.Profile, pages: int, top: int = 12) -> dict[str, float]:
    """Own time (tottime) summed per source module: fliesstext modules by path, others by package."""
    totals: dict[str, float] = {}
    for (filename, _line, func), row in pstats.Stats(profiler).stats.items():  # type: ignore[attr-defined]
        own = row[2]
        if "fliesstext" in filename:
            key = "fliesstext/" + filename.rsplit("fliesstext/", 1)[-1]
        elif filename == "~":
            key = _builtin_name(func)
        elif "site-packages/" in filename:
            key = filename.split("site-packages/", 1)[1].split("/", 1)[0]
        else:
            key = "python stdlib"
        totals[key] = totals.get(key, 0.0) + own
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])[:top]
    return {k: v * 1000 / pages for k, v in ranked}


def _builtin_name(func: str) -> str:
    """"<method 'css' of 'selectolax.lexbor.LexborHTMLParser' objects>" -> "C: LexborHTMLParser.css"."""
    method = re.search(r"'([^']+)' of '([^']+)'", func)
    if method:
        return f"C: {method.group(2).rsplit('.', 1)[-1]}.{method.group(1)}"
    return "C: " + func.strip("<>").removeprefix("built-in method ")


def run_memory(args: argparse.Namespace) -> dict[str, Any]:
    """Extract the whole file `repeat` times in one process; growth = RSS after the last pass - after the first."""
    adapter = get("fliesstext", args.kind).factory()
    records = list(iter_records(args.file, args.limit))
    gc.collect()
    before = current_rss_mb()
    rss: list[float] = []
    start = time.perf_counter()
    for _ in range(args.repeat):
        for record in records:
            _safe(adapter, record)
        gc.collect()
        rss.append(current_rss_mb())
    seconds = time.perf_counter() - start
    return {"repeat": args.repeat, "pages": len(records), "rss_before_mb": before, "rss_after_first_mb": rss[0],
            "rss_after_last_mb": rss[-1], "growth_mb": rss[-1] - rss[0], "rss_per_pass_mb": rss,
            "seconds": seconds}


TASKS = {"extract": run_extract, "profile": run_profile, "memory": run_memory}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.worker")
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--kind", choices=("html", "text"), required=True)
    parser.add_argument("--extractor", default="fliesstext")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # peers log a warning per discarded page; the table says enough
    cpu = pin_to_one_core()
    result = TASKS[args.task](args)
    result["cpu"] = cpu
    args.out.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
