# Set-up and checks for the cable2md archive. `make serve` and `make test` do all set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CABLES ?= cables
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: help install serve build test lint eval bench fuzz clean

help:
	@echo "make serve   - set up, build and serve the site from $(CABLES)/ on http://127.0.0.1:8000"
	@echo "make test    - set up (apt packages included) and run every test"
	@echo "make build   - strict site build (zero warnings) into site/"
	@echo "make eval    - parser accuracy against $(SHARED)/corpus"
	@echo "make bench   - speed and memory figures"
	@echo "make fuzz    - long fuzzing run"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check cable2md tests tools
	$(BIN)/ruff format --check cable2md tests tools

test: $(STAMP)
	$(BIN)/ruff check cable2md tests tools
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python tools/evaluate.py $(SHARED)/corpus
	$(BIN)/python tools/evaluate_people.py --misses 0

clean:
	rm -rf site build .pytest_cache .ruff_cache
