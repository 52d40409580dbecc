# 借贷维权问答 — the commands. `make serve` to preview, `make test` to run every check.
# Every target installs what it needs into .venv first, so a fresh clone works.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PYTHONPATH := $(CURDIR)/scripts
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test clean

$(BIN)/.installed: requirements.txt requirements-test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-test.txt
	touch $@

## serve: build and serve the site at http://127.0.0.1:8000 with live reload
serve: $(BIN)/.installed
	$(BIN)/python -m faqgen check
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

## build: the static site into site/ (strict; a failed build keeps the old site/)
build: $(BIN)/.installed
	$(BIN)/python scripts/build_site.py

## check: validate content/ without building
check: $(BIN)/.installed
	$(BIN)/python -m faqgen check

## test: install what the tests need (venv, Chromium, CJK fonts) and run them
test: $(BIN)/.installed
	scripts/install_system_deps.sh
	$(BIN)/python -m pytest

clean:
	rm -rf site .site-build-* .pytest_cache
