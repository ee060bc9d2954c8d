# Force Couples: two commands set everything up on a fresh machine.
#   make book   create .venv, install, build the HTML book, print where it is
#   make test   lint, copy check, strict book build, notebooks, unit/property tests
#   make bench  speed targets, as a printed table
#   make clean  remove build products (keeps .venv)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
COPYCHECK := ../shared/tools/copycheck.py
JB_STRICT := $(BIN)/jupyter-book build . -W -n --keep-going

.PHONY: book html test lint copycheck bench clean

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

book: $(STAMP) html
	@echo
	@echo "The book is ready. Open it in a browser:"
	@echo "    file://$(CURDIR)/_build/html/index.html"

# Strict build: any warning fails it. Execution cache on, so a re-run is quick.
html: $(STAMP)
	$(JB_STRICT)

lint: $(STAMP)
	$(BIN)/ruff check .

# The copy check needs ../shared (present in CI and for the authors, not for readers).
copycheck:
	@if [ -f $(COPYCHECK) ]; then python3 $(COPYCHECK) .; \
	else echo "copycheck: $(COPYCHECK) not found, skipped (only the authors' tree has it)"; fi

test: $(STAMP)
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint copycheck html && \
	$(BIN)/python -m pytest -n 2 --nbval-lax tests chapters; \
	rc=$$?; mkdir -p _build; echo $$(( $$(date +%s) - start )) > _build/make-test-seconds; exit $$rc

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf _build .hypothesis
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +
