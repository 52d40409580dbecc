# 借贷维权问答 — the commands. `make serve` to preview, `make test` to run every check.
# Every target installs what it needs into .venv first, so a fresh clone works.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test clean audit

$(BIN)/.installed: requirements.txt requirements-test.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

## serve: build and serve the site at http://127.0.0.1:8000 with live reload
serve: $(BIN)/.installed
	$(BIN)/faqgen check
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

## build: the static site into site/ (strict; a failed build keeps the old site/)
build: $(BIN)/.installed
	$(BIN)/faqgen build

## publish: build site/ for publishing; fails unless SITE_URL is a public http(s) address, e.g. SITE_URL=https://example.cn/ make publish
.PHONY: publish
publish: $(BIN)/.installed
	$(BIN)/faqgen build --public

## check: validate content/ without building
check: $(BIN)/.installed
	$(BIN)/faqgen check

## test-fast: the unit tests only (no build, no browser; seconds), for editing
.PHONY: test-fast
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -q tests/unit

## engine-check: build the generated docs tree with Zensical, without our plugin (not part of make test)
ZENSICAL_VERSION := 0.0.73
ZENSICAL := .venv-zensical/bin/zensical
$(ZENSICAL):
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet zensical==$(ZENSICAL_VERSION)
.PHONY: engine-check
engine-check: $(BIN)/.installed $(ZENSICAL)
	$(BIN)/python -m faqgen.engine_check --zensical $(ZENSICAL)

## fix-copy: fix spaces and punctuation between Chinese, Latin letters and digits in page bodies (autocorrect)
.PHONY: fix-copy
fix-copy: $(BIN)/.installed
	$(BIN)/faqgen fix-copy

## test: install what the tests need (venv, Chromium, CJK fonts) and run them
test: $(BIN)/.installed
	scripts/install_system_deps.sh
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/python -m pytest -n auto --maxprocesses=4 --dist loadgroup

## fuzz: the content fuzz test in full (400 mutations of real content files, every 50th accepted one built by MkDocs); make test runs 24
.PHONY: fuzz
fuzz: $(BIN)/.installed
	FUZZ_CASES=400 FUZZ_BUILD_EVERY=50 $(BIN)/python -m pytest -q tests/built/test_content_fuzz.py

clean:
	rm -rf site .site-build-* .site-old-* .mkdocs-offline-*.yml .pytest_cache

## new: write a new Q&A file and print its path, e.g. make new Q="借呗怎么提前还款" TOPIC=jiebei [ID=jiebei-prepay]
##      (asks for the question and topic when they are not given)
# The question reaches the script exactly as typed: make would otherwise expand a $ in it.
override Q := $(value Q)
export Q
.PHONY: new
new: $(BIN)/.installed
	$(BIN)/faqgen new $${Q:+--question "$$Q"} $${TOPIC:+--topic "$$TOPIC"} $${ID:+--id "$$ID"}

## pdf: build the site, then print its whole-guide view to site/downloads/ (fails without Chromium)
.PHONY: pdf
pdf: build
	$(BIN)/python -m faqgen.build.pdf --require-chromium site

## bench: build N synthetic Q&As with our pipeline and with plain Material, measure both, write BENCHMARKS.md
##        make bench                  N="100 1000 10000" (the 10,000 run takes a long while)
##        make bench N=50             a smoke run, well under a minute
##        BENCH_OUT=/tmp/b.md         write the table elsewhere instead of overwriting BENCHMARKS.md
N ?= 100 1000 10000
BENCH_OUT ?= BENCHMARKS.md
.PHONY: bench
bench: $(BIN)/.installed
	scripts/install_system_deps.sh
	$(BIN)/python -m faqgen.bench.main $(N) --out $(BENCH_OUT) --command 'make bench N="$(N)"'

## search-eval: reader queries (tests/search_eval/queries.yml) through the real search box in Chromium:
##              top-1, top-3, MRR and p95 latency per topic and input mode (SEARCH_EVAL_ARGS="--misses --all-modes")
SEARCH_EVAL_ARGS ?= --misses
.PHONY: search-eval
search-eval: $(BIN)/.installed
	$(BIN)/python -m faqgen.search.evaluate $(SEARCH_EVAL_ARGS)

## search-speed: the first search on a throttled Slow 4G phone (real site), tap to first result; writes its section of BENCHMARKS.md
##               (SEARCH_SPEED_ARGS="--runs 5"; not part of make test)
SEARCH_SPEED_ARGS ?= --runs 5
.PHONY: search-speed
search-speed: $(BIN)/.installed
	$(BIN)/python -m faqgen.bench.first_search $(SEARCH_SPEED_ARGS) --write BENCHMARKS.md --command 'make search-speed'

LIGHTHOUSE := scripts/lighthouse/node_modules/.bin/lighthouse

$(LIGHTHOUSE): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

## audit: Lighthouse (mobile) on home, guide, a Q&A, channels and lookup; reports in reports/ (slow; not in make test)
audit: $(BIN)/.installed $(LIGHTHOUSE)
	$(BIN)/python -m faqgen.quality.audit
