"""Run statistics: counts by outcome, failure kind and removed-block kind, time per stage, throughput."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Stats:
    records: int = 0  # output records written in this run (articles + failures)
    articles: int = 0
    failures: int = 0
    resumed_from: int = 0  # input records already done by an earlier run
    failures_by_error: Counter[str] = field(default_factory=Counter)
    removed_by_kind: Counter[str] = field(default_factory=Counter)
    ingest_s: float = 0.0  # parent: reading and parsing inputs
    extract_s: float = 0.0  # workers: extraction, summed over pages
    serialize_s: float = 0.0  # workers: record -> output bytes (JSON line, Parquet row, Markdown)
    write_s: float = 0.0  # parent: writing records
    worker_cpu_s: float = 0.0  # workers: CPU time of extracting and encoding, summed over pages
    wall_s: float = 0.0
    parent_cpu_s: float = 0.0  # CPU time of the parent process (reading, dispatching, writing)
    workers: int = 1
    timeouts: int = 0
    crashes: int = 0
    recycled: int = 0
    ingest: dict[str, Any] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    complete: bool = False
    already_done: bool = False  # --resume found the output complete

    def add(self, info: dict[str, Any]) -> None:
        self.records += 1
        self.extract_s += info.get("t", 0.0)
        self.serialize_s += info.get("t_serialize", 0.0)
        self.worker_cpu_s += info.get("cpu", 0.0)
        error = info.get("error")
        if error:
            self.failures += 1
            self.failures_by_error[error] += 1
        else:
            self.articles += 1
        for kind, count in info.get("removed", {}).items():
            self.removed_by_kind[kind] += count

    @property
    def pages_per_s(self) -> float:
        return self.records / self.wall_s if self.wall_s > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "articles": self.articles, "failures": self.failures,
            "resumed_from": self.resumed_from, "complete": self.complete,
            "failures_by_error": dict(self.failures_by_error.most_common()),
            "removed_by_kind": dict(self.removed_by_kind.most_common()),
            "seconds": {"wall": round(self.wall_s, 3), "ingest": round(self.ingest_s, 3),
                        "extract": round(self.extract_s, 3), "serialize": round(self.serialize_s, 3),
                        "write": round(self.write_s, 3),
                        "parent_cpu": round(self.parent_cpu_s, 3), "worker_cpu": round(self.worker_cpu_s, 3)},
            "pages_per_s": round(self.pages_per_s, 1),
            "pages_per_s_per_worker": round(self.pages_per_s / max(1, self.workers), 1),
            "workers": self.workers, "timeouts": self.timeouts, "crashes": self.crashes, "recycled": self.recycled,
            "ingest": self.ingest, "outputs": self.outputs,
        }

    def write(self, path: str) -> None:
        tmp = f"{path}.tmp-{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(self.to_dict(), handle, indent=1, ensure_ascii=False)
            handle.write("\n")
        os.replace(tmp, path)

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in self.failures_by_error.most_common(4))
        return (f"{self.records} records ({self.articles} articles, {self.failures} failures{': ' + kinds if kinds else ''})"
                f" in {self.wall_s:.1f} s, {self.pages_per_s:.1f} pages/s on {self.workers} workers")
