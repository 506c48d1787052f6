"""The batch side of `fliesstext extract`: options and the code behind them, kept out of cli.py.

cli.py applies `batch_options` to its `extract` command and calls `maybe_run_batch` first; it runs the
process-pool runner when the run asks for it (corpus inputs: WARC / JSONL / Parquet / `--urls`, Parquet output,
or any of --workers, --resume, --shard-size, --fail-on-error ...) and returns False otherwise.
Exit codes: 0 all pages extracted, 1 some pages failed (or the run stopped at a failure with --fail-on-error),
2 user error.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from ..errors import FliesstextError
from ..ingest.base import IngestStats, Item
from ..ingest.sources import input_kind
from ..ingest.tabular import Columns
from ..options import Options

BATCH_KEYS = ("workers", "page_timeout", "max_worker_memory", "resume", "shard_size", "fail_on_error",
              "html_column", "text_column", "url_column", "id_column", "urls", "stats_path", "ignore_robots")
_SIZE_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def parse_size(text: str | None) -> int | None:
    """'2G', '512M', '1500000' -> bytes; '0', 'none', '' -> no limit."""
    if text is None or text.strip().lower() in ("", "0", "none", "off"):
        return None
    value = text.strip().lower().removesuffix("b").removesuffix("i")
    unit = value[-1] if value[-1:] in _SIZE_UNITS and not value[-1:].isdigit() else ""
    try:
        return int(float(value[: len(value) - len(unit)]) * _SIZE_UNITS[unit])
    except ValueError:
        raise click.BadParameter(f"not a size: {text!r} (examples: 2G, 512M)") from None


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The corpus-scale options of `extract` (applied as one decorator)."""
    options = [
        click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: the number of cores)."),
        click.option("--page-timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
                     help="Wall-clock seconds per page; a page over it becomes a failure record (0: no limit)."),
        click.option("--max-worker-memory", default="2G", show_default=True,
                     help="Recycle a worker whose memory grows past this (e.g. 1G, 512M; 0: never)."),
        click.option("--resume", is_flag=True, help="Continue an interrupted run of the same command."),
        click.option("--shard-size", type=click.IntRange(min=1), default=None,
                     help="Records per output file: OUT-00000.jsonl.gz, OUT-00001.jsonl.gz, ..."),
        click.option("--fail-on-error", is_flag=True, help="Stop at the first failed page (exit code 1)."),
        click.option("--html-column", default=None, help="JSONL/Parquet column with HTML (default: html)."),
        click.option("--text-column", default=None, help="JSONL/Parquet column with already-extracted text."),
        click.option("--url-column", default="url", show_default=True, help="JSONL/Parquet column with the URL."),
        click.option("--id-column", default="id", show_default=True, help="JSONL/Parquet column with the id."),
        click.option("--urls", "urls", type=click.Path(dir_okay=False), default=None,
                     help="A file of URLs (one a line) to fetch and extract."),
        click.option("--ignore-robots", is_flag=True, help="With --urls: do not honour robots.txt."),
        click.option("--stats", "stats_path", default=None,
                     help="Write run statistics as JSON here (default with -o: OUT.stats.json)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def wants_batch(inputs: tuple[str, ...], fmt: str, batch: dict[str, Any]) -> bool:
    explicit = any(batch.get(k) for k in ("workers", "resume", "shard_size", "fail_on_error", "urls",
                                          "html_column", "text_column", "stats_path"))
    return explicit or fmt == "parquet" or any(_is_corpus(i) for i in inputs)


def _is_corpus(item: str) -> bool:
    """A corpus input: WARC / JSONL / Parquet by name, or a directory with one among its first files."""
    if input_kind(item) in ("warc", "jsonl", "parquet"):
        return True
    if os.path.isdir(item):
        from itertools import islice

        from ..ingest.sources import expand_paths

        return any(input_kind(p) in ("warc", "jsonl", "parquet") for p in islice(expand_paths([item]), 1000))
    return False


def maybe_run_batch(inputs: tuple[str, ...], output: str | None, fmt: str, mode: str, favor: str, quiet: bool,
                    batch: dict[str, Any], user_error: type[Exception]) -> bool:
    """Run the batch path if this command asks for it (then exits the process); False otherwise."""
    if not wants_batch(inputs, fmt, batch):
        return False
    try:
        options = Options(mode=mode, favor=favor, learn_templates=not batch.get("no_learn"))  # type: ignore[arg-type]
        code = _run(inputs, output, fmt, options, quiet, batch)
    except FliesstextError as err:
        raise user_error(str(err)) from err
    except OSError as err:
        raise user_error(f"{getattr(err, 'filename', '') or ''} {err.strerror or err}".strip()) from err
    sys.exit(code)


def _check_inputs(inputs: tuple[str, ...], urls: str | None) -> None:
    from ..errors import InputError

    if inputs == ("-",) and not urls and sys.stdin.isatty():
        raise InputError("no input: give files, directories, --urls FILE, or pipe into `-`")
    for item in inputs:
        if item != "-" and not set("*?[") & set(item) and not os.path.exists(item):
            raise InputError(f"no such file or directory: {item}")
    if urls and not os.path.isfile(urls):
        raise InputError(f"no such file: {urls}")


def _make_sink(output: str | None, fmt: str, shard_size: int | None, fingerprint: str) -> Any:
    from ..errors import OutputError
    from ..formats.folder import FolderSink
    from ..formats.sharded import ShardedSink, StreamSink

    fmt = "jsonl" if fmt == "json" else fmt
    if fmt in ("md", "txt", "html"):
        if not output or output == "-":
            raise OutputError(f"--format {fmt} in a batch run writes one file per article: give -o DIRECTORY")
        if shard_size:
            raise OutputError("--shard-size applies to jsonl and parquet output")
        return FolderSink(output, fmt, fingerprint)
    if fmt not in ("jsonl", "parquet"):
        raise OutputError(f"unknown output format {fmt!r} (batch runs: jsonl, parquet, md, txt, html)")
    if not output or output == "-":
        if fmt == "parquet" or shard_size:
            raise OutputError("parquet output and --shard-size need an output file (-o)")
        return StreamSink(sys.stdout.buffer)
    return ShardedSink(output, fmt, shard_size, fingerprint)


def _fingerprint(inputs: tuple[str, ...], fmt: str, batch: dict[str, Any]) -> str:
    keys = {k: batch.get(k) for k in ("shard_size", "html_column", "text_column", "url_column", "id_column", "urls")}
    # ordinals: how input records are numbered (3: every WARC.gz response record the parent does not skip from its
    # HTTP header, also those a worker skips), so an output begun by a version that numbered them otherwise is
    # not resumed
    data = json.dumps({"inputs": list(inputs), "format": fmt, "ordinals": 3, **keys}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def _source(inputs: tuple[str, ...], batch: dict[str, Any], stats: IngestStats,
            options: Options) -> Callable[[int], Iterable[Item]]:
    from ..ingest.sources import iter_inputs

    columns = Columns(html=batch.get("html_column"), text=batch.get("text_column"),
                      url=batch.get("url_column") or "url", id=batch.get("id_column") or "id")

    def pages(start: int) -> Iterable[Item]:
        if inputs:
            yield from iter_inputs(inputs, columns, stats, options.max_bytes, defer_warc=True)
        if batch.get("urls"):
            from ..ingest.urls import FetchConfig, fetch_urls, read_url_list

            config = FetchConfig(respect_robots=not batch.get("ignore_robots"))
            skip = 0 if inputs else start  # with other inputs first, the runner skips (after fetching)
            yield from fetch_urls(read_url_list(batch["urls"]), config, skip_below=skip)

    return pages


def _run(inputs: tuple[str, ...], output: str | None, fmt: str, options: Options, quiet: bool,
         batch: dict[str, Any]) -> int:
    from .batch import RunStopped, run_batch

    if not inputs and not batch.get("urls"):
        inputs = ("-",)
    _check_inputs(inputs, batch.get("urls"))
    sink = _make_sink(output, fmt, batch.get("shard_size"), _fingerprint(inputs, fmt, batch))
    stats_path = batch.get("stats_path") or (f"{output}.stats.json" if output and output != "-" else None)
    ingest_stats = IngestStats()
    source = _source(inputs, batch, ingest_stats, options)
    try:
        stats = run_batch(source, sink, options, workers=batch.get("workers"),
                          page_timeout=batch.get("page_timeout") or None,
                          max_worker_memory=parse_size(batch.get("max_worker_memory")), resume=batch.get("resume", False),
                          progress=not quiet and sys.stderr.isatty(), ingest_stats=ingest_stats,
                          stats_path=stats_path, stop_on_failure=batch.get("fail_on_error", False),
                          templates_dir=batch.get("templates_dir"))
    except RunStopped as stop:
        click.echo(f"fliesstext: stopped at a failed page ({stop}); fix it and run again with --resume", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("fliesstext: interrupted; run the same command with --resume to continue", err=True)
        return 130
    if not quiet:
        note = "nothing to do: this output is complete" if stats.already_done else stats.summary()
        click.echo(f"fliesstext: {note}", err=True)
    return 1 if stats.failures else 0
