# Force Couples: two commands set everything up on a fresh machine.
#   make book   create .venv, install, build the HTML book, print where it is
#   make test   lint, copy check, strict book build, learner notebooks, notebooks, unit/property tests
#   make notebooks  the chapters as clean Jupyter notebooks for learners, in _build/notebooks
#   make pdf    the whole book as one PDF (needs LaTeX, see README), then its checks
#   make bench  speed targets, as a printed table
#   make clean  remove build products (keeps .venv)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
COPYCHECK := ../shared/tools/copycheck.py
JB_STRICT := $(BIN)/jupyter-book build . -W -n --keep-going

.PHONY: book exec-cache html notebooks test lint copycheck pdf bench clean

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

book: $(STAMP) html
	@echo
	@echo "The book is ready. Open it in a browser:"
	@echo "    file://$(CURDIR)/_build/html/index.html"

# Strict build: any warning fails it. Execution cache on, so a re-run is quick;
# the cache keys on notebook code only, so it is cleared when lib/ changes, with
# Sphinx's doctrees (else Sphinx keeps pages whose own source did not change).
LIB_HASH = $(shell find lib/forcecouple -type f -not -path '*__pycache__*' | sort | xargs cat | sha1sum | cut -c1-16)
exec-cache:
	@mkdir -p _build
	@if [ "$$(cat _build/.lib-hash 2>/dev/null)" != "$(LIB_HASH)" ]; then \
	  rm -rf _build/.jupyter_cache _build/jupyter_execute _build/.doctrees; \
	  echo "lib/ changed: execution cache and doctrees cleared"; \
	  echo "$(LIB_HASH)" > _build/.lib-hash; fi

html: $(STAMP) exec-cache
	$(JB_STRICT)

# Every notebook page executed, its MyST rendered as plain Markdown (what Colab,
# Binder, JupyterLab and VS Code show): _build/notebooks/<page>.ipynb.
notebooks: $(STAMP)
	$(BIN)/python tools/learner_notebooks.py

lint: $(STAMP)
	$(BIN)/ruff check .

# The copy check needs ../shared (present in CI and for the authors, not for readers).
copycheck:
	@if [ -f $(COPYCHECK) ]; then python3 $(COPYCHECK) .; \
	else echo "copycheck: $(COPYCHECK) not found, skipped (only the authors' tree has it)"; fi

test: $(STAMP)
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint copycheck html notebooks && \
	$(BIN)/python -m pytest -n 2 --dist loadfile --nbval-lax --ignore=tests/pdf tests chapters; \
	rc=$$?; mkdir -p _build; echo $$(( $$(date +%s) - start )) > _build/make-test-seconds; exit $$rc

# The PDF: Sphinx's LaTeX builder with xelatex, then tests/pdf checks the result
# (no LaTeX errors, no missing glyphs or references, every widget's static figure,
# the quizzes and their answer key). Uses the HTML build's execution cache.
TEX_PACKAGES := texlive-latex-extra texlive-fonts-recommended texlive-xetex latexmk fonts-dejavu
pdf: $(STAMP) exec-cache
	@if ! command -v xelatex >/dev/null || ! command -v latexmk >/dev/null; then \
	  echo "make pdf needs LaTeX (xelatex and latexmk). On Debian or Ubuntu:"; \
	  echo "    sudo apt-get install -y --no-install-recommends $(TEX_PACKAGES)"; exit 2; fi
	@start=$$(date +%s); \
	$(BIN)/jupyter-book build . --builder pdflatex -W -n --keep-going && \
	$(BIN)/python -m pytest -q tests/pdf; \
	rc=$$?; mkdir -p _build; echo $$(( $$(date +%s) - start )) > _build/make-pdf-seconds; exit $$rc
	@echo
	@echo "The PDF ($$(grep -o '[0-9]* pages' _build/latex/force-couples.log | tail -1), built in $$(cat _build/make-pdf-seconds) s):"
	@echo "    $(CURDIR)/_build/latex/force-couples.pdf"

bench: $(STAMP) html
	$(BIN)/python benchmarks/bench.py
	@echo
	$(BIN)/python benchmarks/browser_bench.py

clean:
	rm -rf _build .hypothesis
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +
