"""Kinds of removed blocks: a hand-labelled sample (sample.jsonl) and its scorer (`python -m bench.kinds`)."""
