# Quick start: `make run` opens the browser on the bundled seeds; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS_DB := .nutgraf/seeds.db

.PHONY: run test bench model screenshots lint clean

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

# The peers (spaCy, textacy) go into the same venv; if they cannot be installed
# the bench says so and measures the rest.
$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]' \
		|| echo "make bench: spaCy/textacy did not install; their figures will be missing"
	touch $@

# Every benchmark (about 40 minutes: it builds a 1M-article database), into BENCHMARKS.md.
bench: $(VENV)/.installed-bench
	$(BIN)/python tests/bench/report.py BENCHMARKS.md

$(VENV)/.installed-train: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,train]'
	touch $@

# The learned models in store/data/, retrained from ../shared/gold with a fixed seed
# (store/training/); their files are committed, so users never need this.
# The name model first: the speaker model learns on the names it finds.
model: $(VENV)/.installed-train
	$(BIN)/python -m store.training.name_model
	$(BIN)/python -m store.training.speaker_model

clean:
	rm -rf $(VENV) .nutgraf .pytest_cache .mypy_cache .ruff_cache

screenshots: $(VENV)/.installed-test
	$(BIN)/python -m tui.screenshots screenshots
