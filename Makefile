# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := .demo/jixiao.db
SAMPLE := docs/samples/julu-zuzhibu-2024-draft.txt

.PHONY: install run demo test lint format bench bench-scale clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# A demo store holding the bundled sample; importing it again changes nothing.
demo: $(STAMP)
	$(BIN)/jixiao --db $(DEMO_DB) import $(SAMPLE)

run: demo
	$(BIN)/jixiao --db $(DEMO_DB)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python benchmarks/import_rate.py

# A province's store: 10,000 documents imported, then the TUI, paging, search and ls timed
# (about five minutes on 2 cores).
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache *.egg-info
