# Quick start: `make run` opens the browser on the bundled seeds; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS_DB := .nutgraf/seeds.db

.PHONY: run test bench screenshots lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/nutgraf import seeds --db $(SEEDS_DB) --quiet
	$(BIN)/nutgraf --db $(SEEDS_DB)

test: lint
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check store tui tests
	$(BIN)/ruff format --check store tui tests
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	$(BIN)/python tests/bench/import_bench.py
	$(BIN)/python tests/bench/extract_bench.py
	$(BIN)/python tests/bench/ner_eval.py ../shared/gold/conll2003_dev.jsonl
	$(BIN)/python tests/bench/quote_eval.py ../shared/gold/polnear_dev.jsonl
	$(BIN)/python tests/bench/browser_bench.py

clean:
	rm -rf $(VENV) .nutgraf .pytest_cache .mypy_cache .ruff_cache

screenshots: $(VENV)/.installed-test
	$(BIN)/python -m tui.screenshots screenshots
