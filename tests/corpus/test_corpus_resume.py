"""kill -9 in the middle of a run, then --resume: every record exactly once, in order, no orphan workers."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

JOB = Path(__file__).with_name("resume_job.py")
N = 240


def _journal_parts(journal: Path) -> int:
    if not journal.exists():
        return 0
    return sum('"part"' in line for line in journal.read_text().splitlines())


def _processes_mentioning(text: str) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if text.encode() in cmdline:
                pids.append(int(entry))
    return pids


def _run(out: Path, shard: int, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(JOB.parent)] + sys.path))
    return subprocess.Popen([sys.executable, str(JOB), str(out), str(N), str(shard), *extra], env=env)


def _ids(paths: list[Path]) -> list[str]:
    ids = []
    for path in paths:
        with gzip.open(path, "rt") as handle:
            ids.extend(json.loads(line)["id"] for line in handle)
    return ids


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find orphan workers")
@pytest.mark.parametrize(("shard", "sig"), [(20, signal.SIGKILL), (0, signal.SIGKILL), (20, signal.SIGTERM)])
def test_kill9_then_resume_loses_and_duplicates_nothing(tmp_path, shard, sig):
    out = tmp_path / "out.jsonl.gz"
    journal = Path(f"{out}.journal")
    first = _run(out, shard)
    deadline = time.monotonic() + 60
    while _journal_parts(journal) < 3 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)
    assert first.poll() is None, "the run finished before it could be killed: make it slower"
    os.kill(first.pid, sig)
    first.wait()
    done_before = _journal_parts(journal)
    assert 3 <= done_before
    for _ in range(100):  # workers die with their parent (PR_SET_PDEATHSIG)
        if not _processes_mentioning(str(out)):
            break
        time.sleep(0.05)
    assert not _processes_mentioning(str(out))

    kept = sorted(tmp_path.glob("out-*.jsonl.gz")) or sorted((tmp_path / "out.jsonl.gz.parts").glob("part-*"))
    kept_stat = [(p.name, p.stat().st_ino, p.stat().st_mtime_ns) for p in kept[:done_before]]
    second = _run(out, shard, "--resume")
    assert second.wait(120) == 0
    files = sorted(tmp_path.glob("out-*.jsonl.gz")) if shard else [out]
    if shard:  # committed shards were kept as they were, not rewritten
        assert [(p.name, p.stat().st_ino, p.stat().st_mtime_ns) for p in files[:done_before]] == kept_stat
    ids = _ids(files)
    assert ids == [f"p{i}" for i in range(N)]
    assert not list(tmp_path.glob(".*tmp*")) and not (tmp_path / "out.jsonl.gz.parts").exists()
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    assert lines[-1]["complete"] is True and lines[-1]["end"] == N

    third = _run(out, shard, "--resume")  # a finished run: nothing to do, nothing written twice
    assert third.wait(60) == 0
    assert _ids(files) == ids


def test_cli_kill9_then_same_command_with_resume(tmp_path):
    """The user's view: `fliesstext extract in.warc.gz -o out.jsonl.gz --shard-size 100`, kill -9, run it again."""
    from corpus_helpers import article_html, warc_record, write_warc

    n = 1500
    body = "".join(f"<p>Satz {i} über den Stadtrat, der lange tagte und viel beschloss.</p>" for i in range(60))
    records = [warc_record(f"http://k.example/{i}", article_html(i, body).encode(), record_id=f"k{i}")
               for i in range(n)]
    warc = write_warc(tmp_path / "in.warc.gz", records)
    out = tmp_path / "out.jsonl.gz"
    cmd = [sys.executable, "-m", "fliesstext", "extract", str(warc), "-o", str(out), "--shard-size", "100",
           "--workers", "2", "-q"]
    first = subprocess.Popen(cmd)
    journal = Path(f"{out}.journal")
    deadline = time.monotonic() + 60
    while _journal_parts(journal) < 2 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.02)
    if first.poll() is not None:
        pytest.skip("the machine finished the run before it could be killed")
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert subprocess.run([*cmd, "--resume"], timeout=300).returncode == 0
    ids = _ids(sorted(tmp_path.glob("out-*.jsonl.gz")))
    assert ids == [f"<urn:k{i}>" for i in range(n)]
