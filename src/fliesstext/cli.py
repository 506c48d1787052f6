"""The command line: thin over api/, formats/ and (for big runs) run/. User errors: one line, non-zero exit."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

import click

from . import __version__
from .api import extract_many
from .errors import FliesstextError
from .formats import FORMATTERS, Formatter, get_formatter
from .ingest.local import expand_inputs, iter_pages
from .model import Failure, Page
from .options import Options
from .run.batch_cli import batch_options, maybe_run_batch

if TYPE_CHECKING:
    from .templates import TemplateStore

EXIT_USER_ERROR = 2
EXIT_PAGE_FAILED = 1


class UserError(click.ClickException):
    """Printed as one line `fliesstext: error: ...` with exit code 2."""

    exit_code = EXIT_USER_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"fliesstext: error: {self.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fliesstext")
def main() -> None:
    """Turn news pages (HTML or already-extracted text) into clean, structured articles."""


def _records(pages: Iterator[Page | Failure], options: Options, store: TemplateStore | None) -> Iterator[dict[str, Any]]:
    """One record per input: article dicts and failure dicts, in input order. One template store for the run."""
    for item in pages:
        if isinstance(item, Failure):
            yield item.to_dict()
            continue
        for result in extract_many([item], options, templates=store):
            yield result.to_dict()


def _template_store(directory: str | None, learn: bool) -> TemplateStore | None:
    from .templates import TemplateStore

    if directory is None:
        return TemplateStore() if learn else None
    try:
        return TemplateStore.load(directory, learning=learn)
    except (OSError, ValueError, KeyError) as err:
        raise UserError(f"cannot load templates from {directory}: {err}") from err


@contextmanager
def _open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8")
    except OSError as err:
        raise UserError(f"cannot write {path}: {err.strerror}") from err
    with handle:
        yield handle


def _progress(total: int, enabled: bool) -> Any:
    if not enabled:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=_stderr_console(), transient=True)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def _write_all(records: Iterator[dict[str, Any]], formatter: Formatter, out: IO[str], total: int,
               quiet: bool) -> tuple[int, int]:
    pages = failures = 0
    progress = _progress(total, total > 1 and not quiet and sys.stderr.isatty())
    task = progress.add_task("extract", total=total) if progress else None
    if progress:
        progress.start()
    try:
        for record in records:
            if pages:
                out.write(formatter.separator)
            out.write(formatter.render(record))
            pages += 1
            failures += "error" in record and "body" not in record
            if progress:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    out.write("\n")
    return pages, failures


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", "output", default=None, help="Output file (default: stdout).")
@click.option("-f", "--format", "fmt", default="json", show_default=True,
              help=f"Output format: {', '.join(FORMATTERS)}, parquet. Several inputs with json give JSON Lines.")
@click.option("--mode", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
              help="Treat input as HTML, as already-extracted text, or decide per page.")
@click.option("--url", default=None, help="The page's URL (for a single input): host, absolute image links.")
@click.option("--favor", type=click.Choice(["precision", "balanced", "recall"]), default="balanced",
              show_default=True, help="Precision/recall trade-off of body extraction.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("--templates", "templates_dir", default=None, type=click.Path(file_okay=False),
              help="Per-host templates: load learned ones from DIR before the run, save them back after it.")
@click.option("--no-learn", is_flag=True, help="Do not learn new per-host templates (saved ones still apply).")
@batch_options
def extract(inputs: tuple[str, ...], output: str | None, fmt: str, mode: str, url: str | None, favor: str,
            quiet: bool, templates_dir: str | None, no_learn: bool, **batch: Any) -> None:
    """Extract articles from INPUT files, directories (*.html, *.htm, *.txt, *.html.gz), http(s) URLs or -
    (stdin).

    Corpus inputs (.warc, .warc.gz, .jsonl, .jsonl.gz, .parquet, --urls FILE) and --format parquet run on a
    pool of worker processes (see --workers, --resume, --shard-size)."""
    if maybe_run_batch(inputs, output, fmt, mode, favor, quiet, dict(batch, templates_dir=templates_dir,
                                                                      no_learn=no_learn), UserError):
        return
    try:
        formatter = get_formatter(fmt)
        items = expand_inputs(inputs or ("-",))
    except FliesstextError as err:
        raise UserError(str(err)) from err
    if not items:
        raise UserError(f"no pages found in {', '.join(inputs)}")
    if items == ["-"] and sys.stdin.isatty():
        raise UserError("no input: give a file, a directory, or pipe a page into `-`")
    if len(items) > 1 and formatter.name == "json":
        formatter = get_formatter("jsonl")
    options = Options(mode=mode, favor=favor, learn_templates=not no_learn)  # type: ignore[arg-type]
    store = _template_store(templates_dir, not no_learn)
    started = time.perf_counter()
    with _open_output(output) as out:
        pages, failures = _write_all(_records(iter_pages(items, url, mode), options, store), formatter, out,
                                     len(items), quiet)
    if store is not None and templates_dir is not None:
        store.save(templates_dir)
    elapsed = max(time.perf_counter() - started, 1e-9)
    if not quiet and pages > 1:
        click.echo(f"fliesstext: {pages} pages, {failures} failures, {pages / elapsed:.1f} pages/s", err=True)
    if failures:
        sys.exit(EXIT_PAGE_FAILED)


@main.command("eval")
@click.argument("predictions", type=click.Path(dir_okay=False))
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(predictions: str, gold: str, as_json: bool) -> None:
    """Score PREDICTIONS.jsonl (any extractor's output) against GOLD.jsonl, field by field."""
    import json

    from .evaluate import evaluate_files, format_report

    for path in (predictions, gold):
        try:
            open(path, "rb").close()
        except OSError as err:
            raise UserError(f"cannot read {path}: {err.strerror}") from err
    try:
        result = evaluate_files(predictions, gold)
    except (ValueError, FliesstextError) as err:
        raise UserError(str(err)) from err
    click.echo(json.dumps(result, indent=1) if as_json else format_report(result))
