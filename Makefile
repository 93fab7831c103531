# Everything a fresh clone needs: python3 and make. The venv is rebuilt when pyproject changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench rules-index clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Validates the shipped corpus: corpus/invalid holds cables with findings on purpose, so exit
# code 1 (findings) is the expected outcome; 2 (usage or I/O error) or a crash fails the demo.
demo: $(STAMP)
	$(BIN)/cablelint validate corpus/ ; status=$$?; test $$status -le 1

lint: $(STAMP)
	$(BIN)/ruff check validator tests benchmarks
	$(BIN)/ruff format --check validator tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	@for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

# The rule index (validator/rules/index.tsv) after a rule is added or its summary changes.
rules-index: $(STAMP)
	$(BIN)/python -c 'import pathlib, validator.rules as r; pathlib.Path(r._INDEX).write_text(r.index_text(r.all_rules().values()), encoding="utf-8")'

clean:
	rm -rf $(VENV) .cablelint_cache .pytest_cache .mypy_cache .ruff_cache
