# The targets are the commands the README names. Everything runs inside .venv/.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= var/store
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-test system-deps serve build test test-remote remote-deps lint conformance conformance-remote eval screenshots clean

# Programs the tests drive for real (curl for the README's examples, Chromium for the browser tests),
# from apt when missing.
SYSTEM_DEPS := curl chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

build: install
	$(BIN)/proveniens build --sources sources --store $(STORE)

serve: build
	$(BIN)/proveniens serve --store $(STORE) --host $(HOST) --port $(PORT)

system-deps:
	@missing=""; for p in $(SYSTEM_DEPS); do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

test: install-test system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

# The protocol, linked-data, API and page tests against a real remote store of kind BACKEND (oxigraph: the
# `oxigraph` server from the test extras; virtuoso: Debian's virtuoso-opensource from apt), started by the tests.
BACKEND ?= oxigraph
REMOTE_TESTS := tests/service/test_protocol.py tests/service/test_remote.py tests/linked_data tests/api

remote-deps:
	@if [ "$(BACKEND)" = virtuoso ] && ! command -v virtuoso-t >/dev/null; then \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource; fi

test-remote: install-test remote-deps
	PROVENIENS_TEST_BACKEND=$(BACKEND) $(BIN)/python -m pytest -q $(REMOTE_TESTS)

conformance: install-test
	$(BIN)/python tests/conformance/runner.py

# The W3C SPARQL 1.1 query and protocol suites through a remote store of kind BACKEND started for the run; fails
# when the failures are not exactly those tests/conformance/expected-deviations.tsv lists for it.
conformance-remote: install-test remote-deps
	$(BIN)/python tests/conformance/runner.py --backend $(BACKEND) --suite sparql11

screenshots: install-test system-deps
	PROVENIENS_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/ui -k 'not markup'

eval: install
	$(BIN)/proveniens eval --sources sources --documents tests/fixtures/documents

lint: install-test
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) var
