"""Batch execution: run_batch (batch.py) on a worker pool with page time limits and memory recycling (pool.py,
worker.py), ordered output with a resume journal (journal.py), progress and stats; the CLI side is batch_cli.py.
See docs/batch.md."""
