"""A slow batch run for the kill-and-resume test: `python resume_job.py OUT N SHARD_SIZE [--resume]`."""
from __future__ import annotations

import sys
import time

import fliesstext.run.worker as worker_module
from fliesstext.formats.sharded import ShardedSink
from fliesstext.model import Failure, Page
from fliesstext.run.batch import run_batch

_real = worker_module.extract_one


def _slow(page, options, templates=None):
    time.sleep(0.02)
    return _real(page, options, templates)


def pages(n: int):
    for i in range(n):
        if i % 37 == 5:
            yield Failure(f"in:{i}", "InputError", "unreadable", "ingest", f"p{i}")
        else:
            yield Page(content=f"<html><body><article><p>Page number {i} has a body of text.</p></article></body></html>",
                       id=f"p{i}", url=f"http://x.example/{i}")


def main() -> None:
    out, n, shard = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    worker_module.extract_one = _slow  # the forked workers inherit the slow version
    sink = ShardedSink(out, shard_size=shard or None, fingerprint=f"test:{n}:{shard}", checkpoint_records=10)
    run_batch(pages(n), sink, workers=2, resume="--resume" in sys.argv)


if __name__ == "__main__":
    main()
