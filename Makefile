# One task file for people and CI alike.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test lint typecheck bench install dev-install lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Installs the site and serves it on SQLite (http://127.0.0.1:8000).
run: install
	$(BIN)/embassies serve

install: $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e .

dev-install: $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'

# Installs everything and runs the whole test suite (SQLite unless DATABASE_URL says otherwise).
test: dev-install
	$(BIN)/embassies makemigrations --check --dry-run
	$(BIN)/pytest -p no:cacheprovider

lint: dev-install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy embassies

bench: dev-install
	$(BIN)/python bench/run.py

# Re-pin every transitive dependency after changing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) data/static
