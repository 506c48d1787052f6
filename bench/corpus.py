"""Corpus benchmark (issue 8): fliesstext's batch runner end to end from WARC.gz, beside trafilatura.

`python -m bench.corpus` builds, in a temp dir, a WARC.gz of the bench pages (../shared/bench/fundus-dev.jsonl.gz)
repeated to >= 10,000 response records, then measures through the CLI (`python -m fliesstext extract`):
  - pages/s with 1 and with 2 workers on the full archive (scaling; interleaved, best of 3), which also gives
    the end-to-end pages/s per core,
  - peak memory of the whole process tree (PSS summed over the parent and its workers, sampled every 50 ms)
    at 1,000 and at 10,000 records,
  - trafilatura driven over the same WARC records with the same number of processes,
  - the full fuzz run: >= 10,000 generated malformed pages (fliesstext.run.fuzz) written to a WARC and pushed
    through the CLI: crashes, lost records, timeouts.
Prints a table and writes bench/results/corpus-latest.json. `--quick` uses 1/10 of the sizes.
Before measuring, the package's modules are compiled to bytecode, as `pip install` does: a checkout run with
PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module in every run (~0.07 s), a fixed cost that weighs
on the shorter 2-worker run only.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_FILE = ROOT.parent / "shared" / "bench" / "fundus-dev.jsonl.gz"
RESULTS = ROOT / "bench" / "results"


# ---------------------------------------------------------------- building archives
def _record(uri: str, payload: bytes, charset: str | None = "utf-8", date: str = "2024-06-01T00:00:00Z") -> bytes:
    from fastwarc.warc import WarcRecord, WarcRecordType

    record = WarcRecord()
    record.init_headers(record_type=WarcRecordType.response, record_urn=str(uuid.uuid4()).encode())
    record.headers["WARC-Target-URI"] = uri
    record.headers["WARC-Date"] = date
    record.headers["Content-Type"] = "application/http; msgtype=response"
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    record.set_bytes_content(f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + payload)
    out = io.BytesIO()
    record.write(out)
    return gzip.compress(out.getvalue(), compresslevel=6)


def bench_pages() -> list[tuple[str, bytes, str]]:
    with gzip.open(BENCH_FILE, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [(r["url"], r["html"].encode("utf-8"), r.get("crawl_date") or "2024-06-01T00:00:00Z") for r in rows]


def write_corpus(path: Path, records: int) -> Path:
    """The bench pages cycled to `records` response records (each copy its own URL and record id)."""
    pages = bench_pages()
    with open(path, "wb") as out:
        for index in range(records):
            url, html, date = pages[index % len(pages)]
            copy = index // len(pages)
            out.write(_record(f"{url}{'&' if '?' in url else '?'}copy={copy}", html, "utf-8",
                              date[:19] + "Z"))
    return path


def write_fuzz_warc(path: Path, count: int) -> Path:
    from fliesstext.run.fuzz import fuzz_pages

    with open(path, "wb") as out:
        for page in fuzz_pages(count, seed=7):
            content = page.content if isinstance(page.content, bytes) else page.content.encode()
            out.write(_record(page.url or "http://fuzz.example/", content, page.http_charset))
    return path


# ---------------------------------------------------------------- measuring
def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int] | None:
    """Child pids of a process's main thread (/proc/PID/task/PID/children), None where the kernel lacks the file."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return [] if not Path(f"/proc/{pid}").exists() else None  # gone meanwhile: no children
    except (OSError, ValueError):
        return []


def _tree(pid: int) -> list[int]:
    """pid and all its descendants. From the children files (a few reads); where those are missing, from every
    process's parent link (a scan of /proc: ~3 ms, which sampled every 50 ms would take ~7% of a core)."""
    children_of = _children if _children(pid) is not None else _scan_children().get
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children_of(current) or [])
    return out


def _scan_children() -> dict[int, list[int]]:
    """Child pids of every process, from each one's parent link in /proc/PID/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    return children


def _cpu_ticks() -> list[int]:
    """Machine-wide CPU time so far (/proc/stat, clock ticks): user nice system idle iowait irq softirq steal."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            return [int(v) for v in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return []


def machine_share(before: list[int], after: list[int], ours_s: float) -> dict[str, float]:
    """Where the machine's CPU time went during a run, as shares of (cores x wall): ours (the measured process
    tree), other processes (busy time that is not ours), idle, steal (taken by the hypervisor)."""
    if len(before) != 8 or len(after) != 8:
        return {}
    delta = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(delta) or 1
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    busy = delta[0] + delta[1] + delta[2] + delta[5] + delta[6]
    ours = ours_s * tick
    return {"ours": ours / total, "others": max(0.0, busy - ours) / total, "idle": (delta[3] + delta[4]) / total,
            "steal": delta[7] / total}


def run_measured(cmd: list[str], timeout: float = 7200, memory: bool = True) -> dict[str, Any]:
    """Run a command; wall time, the peak PSS of its whole process tree (if `memory`: sampling takes CPU that a
    run on every core would miss, so speed runs go without), and the machine's CPU shares meanwhile."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    ticks = _cpu_ticks()
    started = time.monotonic()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak = [0]

    def sample() -> None:
        while memory and process.poll() is None:
            peak[0] = max(peak[0], sum(_pss_kb(p) for p in _tree(process.pid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate(timeout=timeout)
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": time.monotonic() - started, "cpu_s": cpu, "peak_mb": peak[0] / 1024, "exit": process.returncode,
            "machine": machine_share(ticks, _cpu_ticks(), cpu), "stderr": err.decode(errors="replace")[-2000:]}


def fliesstext_run(warc: Path, out: Path, workers: int, extra: tuple[str, ...] = (),
                   memory: bool = True) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "fliesstext", "extract", str(warc), "-o", str(out), "--workers", str(workers),
           "-q", *extra]
    result = run_measured(cmd, memory=memory)
    stats_file = Path(f"{out}.stats.json")
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    records = stats.get("records", 0)
    result.update(records=records, failures=stats.get("failures"), stats=stats,
                  pages_per_s=records / result["wall_s"] if result["wall_s"] else 0.0)
    result["pages_per_s_per_core"] = result["pages_per_s"] / workers
    result["pages_per_cpu_s"] = records / result["cpu_s"] if result["cpu_s"] else 0.0
    return result


def trafilatura_run(warc: Path, out: Path, workers: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.corpus", "--trafilatura-worker", str(warc), str(out), str(workers)]
    result = run_measured(cmd)
    records = sum(1 for _ in open(out, "rb")) if out.exists() else 0
    result.update(records=records, pages_per_s=records / result["wall_s"] if result["wall_s"] else 0.0)
    result["pages_per_s_per_core"] = result["pages_per_s"] / workers
    result["pages_per_cpu_s"] = records / result["cpu_s"] if result["cpu_s"] else 0.0
    return result


def _trafilatura_one(item: tuple[str, bytes, str | None]) -> str:
    import trafilatura

    from fliesstext.ingest.decode import decode_bytes

    url, content, charset = item
    try:
        text = trafilatura.extract(decode_bytes(content, charset).text, url=url, include_comments=False)
        return json.dumps({"url": url, "text": text or ""}, ensure_ascii=False)
    except Exception as err:  # noqa: BLE001 - a peer's failure is a record too
        return json.dumps({"url": url, "error": type(err).__name__})


def trafilatura_worker(warc: str, out: str, workers: int) -> None:
    """trafilatura over the same records, the same way: stream the WARC, a pool of `workers` processes."""
    import multiprocessing

    from fliesstext.ingest.warc import iter_warc
    from fliesstext.model import Page

    items = ((p.url, p.content, p.http_charset) for p in iter_warc(warc) if isinstance(p, Page))
    with multiprocessing.get_context("fork").Pool(workers) as pool, open(out, "w", encoding="utf-8") as handle:
        for line in pool.imap(_trafilatura_one, items, chunksize=4):
            handle.write(line + "\n")


def count_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line).get("id") for line in handle]


# ---------------------------------------------------------------- the benchmark
def _sizes(quick: bool) -> dict[str, int]:
    per = len(bench_pages())
    scale = 1 if not quick else 10
    # scaling is measured on the full archive (issue 8: >= 10,000 records), where the fixed start and end of a
    # run (interpreter, imports, warm-up, the last worker's tail: ~0.5 s) weigh ~1% of a 2-worker run
    return {"full": per * (70 // scale), "small": per * max(1, 7 // scale), "fuzz": 10_000 // scale}


def _throughput(tmp: Path, sizes: dict[str, int], workers: int, repeats: int = 3) -> dict[str, Any]:
    """1 vs 2 workers on the full archive, interleaved `repeats` times; the best run of each counts (least
    disturbed by other jobs)."""
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for _ in range(repeats):
        for n in (1, 2):
            runs[n].append(fliesstext_run(tmp / "full.warc.gz", tmp / f"scale{n}.jsonl", n, memory=False))
    one, two = (max(runs[n], key=lambda r: r["pages_per_s"]) for n in (1, 2))
    trafilatura = trafilatura_run(tmp / "small.warc.gz", tmp / "trafilatura.jsonl", workers)
    return {"records": sizes["full"], "repeats": repeats, "workers_1": one, "workers_2": two,
            "all_pages_per_s": {str(n): [round(r["pages_per_s"], 1) for r in runs[n]] for n in runs},
            "speedup_2_vs_1": two["pages_per_s"] / one["pages_per_s"] if one["pages_per_s"] else 0.0,
            "trafilatura": trafilatura}


def _memory(tmp: Path, sizes: dict[str, int], workers: int) -> dict[str, Any]:
    small = fliesstext_run(tmp / "small.warc.gz", tmp / "small.jsonl.gz", workers)
    full = fliesstext_run(tmp / "full.warc.gz", tmp / "full.jsonl.gz", workers, ("--shard-size", "2000"))
    return {"small": small, "full": full, "growth": full["peak_mb"] / small["peak_mb"] - 1 if small["peak_mb"] else None}


def _fuzz(tmp: Path, count: int, workers: int, timeout: float) -> dict[str, Any]:
    warc = write_fuzz_warc(tmp / "fuzz.warc.gz", count)
    out = tmp / "fuzz.jsonl"
    result = fliesstext_run(warc, out, workers, ("--page-timeout", str(timeout)))
    ids = count_lines(out) if out.exists() else []
    stats = result["stats"]
    return {"pages": count, "records": len(ids), "unique_ids": len(set(ids)), "lost": count - len(set(ids)),
            "crashes": stats.get("crashes"), "timeouts": stats.get("timeouts"),
            "failures_by_error": stats.get("failures_by_error"), "wall_s": result["wall_s"],
            "exit": result["exit"], "page_timeout_s": timeout, "peak_mb": result["peak_mb"]}


def compile_package() -> None:
    """Bytecode for every module of the package, as an installed package has (see the module's docstring)."""
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "fliesstext"), quiet=1)


def run(quick: bool, workers: int, fuzz_timeout: float) -> dict[str, Any]:
    sizes = _sizes(quick)
    compile_package()
    with tempfile.TemporaryDirectory(prefix="fliesstext-corpus-") as name:
        tmp = Path(name)
        t0 = time.monotonic()
        write_corpus(tmp / "full.warc.gz", sizes["full"])
        write_corpus(tmp / "small.warc.gz", sizes["small"])
        build_s = time.monotonic() - t0
        result = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
                  "workers": workers,
                  "load_avg_before": os.getloadavg(), "sizes": sizes, "build_s": build_s,
                  "throughput": _throughput(tmp, sizes, workers), "memory": _memory(tmp, sizes, workers),
                  "fuzz": _fuzz(tmp, sizes["fuzz"], workers, fuzz_timeout),
                  "load_avg_after": os.getloadavg()}
    return result


def _strip(result: dict[str, Any]) -> dict[str, Any]:
    """Drop bulky fields (stderr tails) from runs that succeeded."""
    if isinstance(result, dict):
        return {k: _strip(v) for k, v in result.items() if not (k == "stderr" and result.get("exit") == 0)}
    return result


def table(result: dict[str, Any]) -> str:
    """Wall-clock figures, and per CPU-second of the whole process tree (stable on a shared machine)."""
    th, mem, fz = result["throughput"], result["memory"], result["fuzz"]
    one, two, traf, full = th["workers_1"], th["workers_2"], th["trafilatura"], mem["full"]
    rows = [
        ("1 worker", f"{one['pages_per_s']:.1f}", f"{one['pages_per_cpu_s']:.1f}",
         f"{th['records']} records, best of {th['repeats']}: {th['all_pages_per_s']['1']}"),
        ("2 workers", f"{two['pages_per_s']:.1f}", f"{two['pages_per_cpu_s']:.1f}",
         f"speed-up {th['speedup_2_vs_1']:.2f}x (all: {th['all_pages_per_s']['2']}), "
         f"CPU/page ratio {one['cpu_s'] / max(two['cpu_s'], 1e-9):.2f}"),
        (f"trafilatura, {result['workers']} procs", f"{traf['pages_per_s']:.1f}", f"{traf['pages_per_cpu_s']:.1f}",
         f"{traf['records']} records; fliesstext per CPU-s: "
         f"{full['pages_per_cpu_s'] / max(traf['pages_per_cpu_s'], 1e-9):.1f}x"),
        (f"end to end, {result['workers']} workers", f"{full['pages_per_s']:.1f}", f"{full['pages_per_cpu_s']:.1f}",
         f"{full['records']} records from WARC.gz; {full['pages_per_s_per_core']:.1f} pages/s per core (wall)"),
        (f"peak MB, {mem['small']['records']} records", f"{mem['small']['peak_mb']:.0f}", "", "PSS, whole tree"),
        (f"peak MB, {full['records']} records", f"{full['peak_mb']:.0f}", "", f"growth {100 * (mem['growth'] or 0):+.1f}%"),
        ("fuzz pages/records/lost", f"{fz['pages']}/{fz['records']}/{fz['lost']}", "",
         f"crashes {fz['crashes']}, timeouts {fz['timeouts']} (limit {fz['page_timeout_s']:g} s)"),
    ]
    rows += [(f"machine during {name}", "", "", _shares(run)) for name, run in
             (("1 worker", one), ("2 workers", two), ("end to end", full))]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'corpus benchmark':<{width}}  {'pages/s':>12} {'per CPU-s':>10}  note", "-" * (width + 90)]
    lines += [f"{name:<{width}}  {value:>12} {cpu:>10}  {note}" for name, value, cpu, note in rows]
    lines += ["", *figures(result)]
    lines.append(f"load average before/after: {result['load_avg_before'][0]:.1f} / {result['load_avg_after'][0]:.1f}"
                 f" on {result['cores']} cores (a shared machine: see 'per CPU-s')")
    return "\n".join(lines)


def _shares(run: dict[str, Any]) -> str:
    """The machine's CPU during a run (cores x wall = 100%): what a shared machine took from the measured run."""
    shares = run.get("machine") or {}
    return ", ".join(f"{key} {100 * shares[key]:.1f}%" for key in ("ours", "others", "idle", "steal") if key in shares)


def cpu_split(run: dict[str, Any]) -> tuple[float, float]:
    """(worker, parent) CPU ms per page of a run: the parent's from its stats, the rest of the tree's CPU is the
    workers' (plus the interpreter's start-up, ~0.1 s a run)."""
    records = max(1, run.get("records") or 0)
    parent = (run.get("stats", {}).get("seconds", {}).get("parent_cpu") or 0.0)
    return (run["cpu_s"] - parent) / records * 1e3, parent / records * 1e3


def figures(result: dict[str, Any]) -> list[str]:
    """The two throughput figures of issue 8, measured (wall) and from CPU time (what an idle machine would give)."""
    th, full = result["throughput"], result["memory"]["full"]
    two = th["workers_2"]
    worker, parent = cpu_split(th["workers_1"])
    model = 2 * worker / (worker + parent) if worker + parent else 0.0
    records = max(1, th["workers_1"]["records"] or 0)
    extract = (th["workers_1"]["stats"].get("seconds", {}).get("worker_cpu") or 0.0) / records * 1e3
    f_worker, f_parent = cpu_split(full)
    per_core_cpu = full["pages_per_cpu_s"]
    ok = {True: "MET", False: "NOT MET"}
    return [
        "issue 8 figures",
        f"  (1) 2 workers vs 1 worker: {th['speedup_2_vs_1']:.2f}x pages/s (best of {th['repeats']} each; "
        f"target >= 1.8x: {ok[th['speedup_2_vs_1'] >= 1.8]})",
        f"      CPU model on 2 idle cores, 2W/(W+P) = {model:.2f}x with W = {worker:.2f} ms/page in the worker, "
        f"P = {parent:.2f} ms/page in the parent (1-worker run; of W, extracting and encoding: {extract:.2f})",
        f"  (2) end to end from WARC.gz to JSONL, 2 workers: {two['pages_per_s_per_core']:.1f} pages/s per core (wall, "
        f"the best 2-worker run above; target >= 150: {ok[two['pages_per_s_per_core'] >= 150]})",
        f"      to .jsonl.gz in shards of 2,000 ({result['workers']} workers, one run, memory sampled): "
        f"{full['pages_per_s_per_core']:.1f} pages/s per core (wall), {per_core_cpu:.1f} pages per CPU-second of the "
        f"whole process tree; workers {f_worker:.2f} + parent {f_parent:.2f} ms/page",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1/10 of the sizes")
    parser.add_argument("--workers", type=int, default=2, help="processes for the memory / trafilatura runs")
    parser.add_argument("--fuzz-timeout", type=float, default=5.0, help="--page-timeout of the fuzz run")
    parser.add_argument("--trafilatura-worker", nargs=3, metavar=("WARC", "OUT", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.trafilatura_worker:
        warc, out, n = args.trafilatura_worker
        trafilatura_worker(warc, out, int(n))
        return
    result = _strip(run(args.quick, args.workers, args.fuzz_timeout))
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "corpus-quick.json" if args.quick else "corpus-latest.json"
    (RESULTS / name).write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    print(table(result))
    print(f"written: {RESULTS / name}")


if __name__ == "__main__":
    main()
