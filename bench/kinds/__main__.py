"""`python -m bench.kinds`: accuracy of the removed kinds on the hand-labelled sample (see bench/kinds/score.py)."""
from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from unittest import mock

from bench.kinds.score import errors, extract_pages, load_sample, predict, report


@contextmanager
def relabelling_off() -> Iterator[None]:
    with mock.patch("fliesstext.text.pipeline.relabel_dropped", lambda *args: None), \
            mock.patch("fliesstext.html.removed._rename", lambda text, lang, reason, verdict: verdict):
        yield


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.kinds", description=__doc__)
    parser.add_argument("--errors", choices=("html", "text", "all"), help="list the dev half's mislabelled entries")
    parser.add_argument("--bodies", type=Path, help="write each page's body-text hash (mode/id -> sha1) to this file")
    parser.add_argument("--off", action="store_true",
                        help="switch the relabelling of text/kinds.py off (the kinds as the body rules and "
                             "html/label.py give them): the 'before' of the same code")
    args = parser.parse_args(argv)
    sample = load_sample()
    with relabelling_off() if args.off else nullcontext():
        pages = extract_pages()
    predicted = predict(sample, pages)
    print(report(sample, predicted, pages))
    if args.errors:
        print("\n" + errors(sample, predicted, None if args.errors == "all" else args.errors))
    if args.bodies:
        hashes = {f"{mode}/{page}": hashlib.sha1(row["text"].encode("utf-8")).hexdigest()  # noqa: S324
                  for mode, rows in pages.items() for page, row in rows.items()}
        args.bodies.write_text(json.dumps(hashes, indent=0, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
