# The two set-up commands: `make serve` and `make test`. Everything else is in tasks.py.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
PORT ?= 8000

.PHONY: serve test lock
.DEFAULT_GOAL := serve

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

## Build the site and serve it with live reload on http://127.0.0.1:8000 (or PORT=8001);
## also installs the Node tools `invoke publish` checks the site with
serve: $(BIN)/.installed node_modules/.installed
	$(BIN)/invoke livereload --port $(PORT)

## Install what the tests need (Chromium included) and run every test
test: $(BIN)/.installed node_modules/.installed
	scripts/system-deps
	$(BIN)/invoke test

## Re-pin requirements.txt from requirements.in
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned by 'make lock' from requirements.in. Do not edit by hand."; \
	  .lock-venv/bin/pip freeze; } > requirements.txt
	rm -rf .lock-venv
