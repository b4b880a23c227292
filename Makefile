# One task file for people and CI alike.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
# Where `make run` listens (the data folder is EMBASSIES_DATA_DIR, ./data by default).
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck bench bench-load audit install dev-install browser nginx node lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Installs the site, migrates its database and serves it on SQLite (http://127.0.0.1:8000); the
# first start loads the shipped data. `make run PORT=8080`, `EMBASSIES_DATA_DIR=/tmp/site make run`.
# `serve` itself never upgrades a database: it refuses one with migrations pending.
run: install
	$(BIN)/embassies migrate
	$(BIN)/embassies serve --host $(HOST) --port $(PORT)

install: $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e .

dev-install: $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# Debian's nginx and openssl for tests/ops/test_deploy_doc.py (docs/deploy.md's proxy, with TLS).
nginx:
	@{ command -v nginx || test -x /usr/sbin/nginx; } >/dev/null && command -v openssl >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx openssl; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx openssl; fi; }

# axe-core and Lighthouse, exactly as package-lock.json pins them (Node 20 and npm).
node:
	npm ci --no-audit --no-fund --loglevel=error

# Installs everything and runs the whole test suite (SQLite unless DATABASE_URL says otherwise).
test: dev-install browser nginx node
	$(BIN)/embassies makemigrations --check --dry-run
	$(BIN)/pytest -p no:cacheprovider

lint: dev-install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy embassies

# Lighthouse (mobile) on each kind of page of a fresh site with the snapshot: four scores each.
audit: dev-install browser node
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m bench.audit

bench: dev-install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk || true; }
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.exports
	$(BIN)/python -m bench.news
	$(BIN)/python -m bench.news --labelled
	$(BIN)/python -m bench.ops
	$(BIN)/python -m bench.pagecache
	REDIS_URL=redis://127.0.0.1:6379/13 $(BIN)/python -m bench.pagecache
	$(BIN)/python -m bench.quality
	$(BIN)/python -m bench.osm_matching
	$(BIN)/python -m bench.first_start

# Crisis load on PostgreSQL and Redis: the app against nginx serving a static copy, and nginx
# caching in front of the app (wrk at 64 connections, 60 s each; Debian's wrk and nginx).
bench-load: dev-install
	@for tool in wrk nginx; do command -v $$tool >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  apt-get install -y -qq $$tool || true; }; done
	$(BIN)/python -m bench.load

# Re-pin every transitive dependency after changing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) data/static
