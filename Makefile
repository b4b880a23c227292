# One task file for people and CI alike.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test lint typecheck bench install dev-install browser lock clean

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

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# Installs everything and runs the whole test suite (SQLite unless DATABASE_URL says otherwise).
test: dev-install browser
	$(BIN)/embassies makemigrations --check --dry-run
	$(BIN)/pytest -p no:cacheprovider

lint: dev-install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy embassies

bench: dev-install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk || true; }
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.exports
	$(BIN)/python -m bench.news

# Re-pin every transitive dependency after changing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) data/static
