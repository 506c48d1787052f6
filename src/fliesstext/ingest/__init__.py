"""Inputs -> Page: the one decoding path (decode.py), local files (local.py), and for batch runs: WARC
(warc.py), JSONL / Parquet (tabular.py), paths / globs / stdin by extension (sources.py), URL lists (urls.py)."""
