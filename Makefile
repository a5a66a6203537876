# Two commands matter: `make serve` and `make test`. Everything else is a step they share.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test check chromium clean

setup: $(STAMP)

# The venv is rebuilt from the lock whenever the lock or the project changes.
$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

check: setup
	$(BIN)/govcloud check

# Build into a scratch folder and move it into place only when the strict build
# succeeded, so a failed build never leaves a half-written site behind.
build: setup
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --quiet --site-dir site.tmp
	rm -rf site && mv site.tmp site

serve: build
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Browser tests need Debian's Chromium; Playwright cannot download one here.
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: setup chromium
	$(BIN)/pytest

clean:
	rm -rf $(VENV) site .pytest_cache
