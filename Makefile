# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := .demo/jixiao.db
# The bundled sample: package data of jixiao.tui (docs/samples/ links to it).
SAMPLE := tui/samples/julu-zuzhibu-2024-draft.txt

.PHONY: install system-deps run demo test lint format catalog screenshots bench bench-scale renderings clean

# The tests render the sample as a PDF and run `pdftotext -layout` on it: they need
# poppler-utils and a CJK TrueType font, from Debian's packages (jixiao itself needs neither).
SYSTEM_PACKAGES := poppler-utils fonts-wqy-microhei
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# A demo store holding the bundled sample; importing it again changes nothing. Its folder is
# made first: `--db` names a store only in a folder that exists.
demo: $(STAMP)
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/jixiao --db $(DEMO_DB) import $(SAMPLE)

run: demo
	$(BIN)/jixiao --db $(DEMO_DB)

system-deps:
	@if ! command -v pdftotext >/dev/null || [ ! -e $(CJK_FONT) ]; then \
	  echo "installing $(SYSTEM_PACKAGES) (for the tests' renderings of the sample)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -q --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null || \
	  { $(SUDO) apt-get update -q >/dev/null && \
	    $(SUDO) apt-get install -y -q --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; }; \
	fi

test: $(STAMP) system-deps
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The Chinese catalog: messages extracted from the code (`_`, `N_`, `ngettext`) into
# i18n/zh.po (new ones untranslated, for a translator), then compiled to i18n/zh.mo. Both
# are committed, so that a build needs no Babel; tests/test_i18n.py fails while either is
# behind the code. File names but no line numbers: a moved line changes nothing.
CATALOG_SOURCES := i18n importers store tui
catalog: $(STAMP)
	$(BIN)/pybabel -q extract --add-location=file --sort-output --no-wrap -k N_plural:1,2 \
	  --project=jixiao -o $(VENV)/jixiao.pot $(CATALOG_SOURCES)
	$(BIN)/pybabel -q update --no-wrap --no-fuzzy-matching --ignore-obsolete --init-missing \
	  -l zh -i $(VENV)/jixiao.pot -o i18n/zh.po
	$(BIN)/pybabel -q compile --statistics -l zh -i i18n/zh.po -o i18n/zh.mo

# The main screens in Chinese at 80x24 as SVG, for docs/screenshots (after a change to them).
screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots docs/screenshots

bench: $(STAMP)
	$(BIN)/python benchmarks/import_rate.py

# A province's store: 10,000 documents imported, then the TUI, paging, search and ls timed
# (about five minutes on 2 cores).
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py

# The rendering bench: the sample and its variants through LibreOffice (PDF on A4 and letter,
# a second font, pdftotext -layout, .odt, .doc, text, .xlsx, CSV exports), written to
# tests/fixtures/renderings with the export each must import as. Not part of `make test`:
# the fixtures are committed, so the suite needs no LibreOffice.
OFFICE_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk
renderings: $(STAMP) system-deps
	@if ! command -v soffice >/dev/null || [ ! -d /usr/share/fonts/opentype/noto ]; then \
	  echo "installing $(OFFICE_PACKAGES)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  { $(SUDO) apt-get update -q >/dev/null && \
	    $(SUDO) apt-get install -y -q --no-install-recommends $(OFFICE_PACKAGES) >/dev/null; }; \
	fi
	$(BIN)/python -m tests.render.office tests/fixtures/renderings
	$(BIN)/python benchmarks/renderings.py

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache .import_linter_cache *.egg-info
