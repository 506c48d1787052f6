VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: demo test bench install lint goldens clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/fliesstext extract examples/ --format md

test: install
	$(VENV)/bin/ruff check src tests $(wildcard bench)
	$(PY) -m mypy src/fliesstext
	$(PY) -m pytest

goldens: install
	$(PY) tests/regenerate_goldens.py

$(VENV)/.bench-installed: $(VENV)/.installed
	$(PIP) install -q -e '.[dev,bench]'
	touch $@

bench: $(VENV)/.bench-installed
	-$(PY) -m bench.heldout.build
	$(PY) -m bench.run
	$(PY) tests/templates/measure_gain.py ../shared/bench/fundus-dev-text.jsonl.gz 12 8
	$(PY) -m bench.text_renderings
	$(PY) -m bench.corpus

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
