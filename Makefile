# Two commands matter: `make serve` and `make test`. Everything else is a step they share.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test test-js check chromium node clean lighthouse-deps lighthouse bench

setup: $(STAMP)

# The venv is rebuilt from the lock whenever the lock or the project changes.
$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The data and the glossary, then the docs workflow (zizmor, offline: no GitHub API calls).
check: setup
	$(BIN)/govcloud check
	$(BIN)/ruff check src/govcloud src/govcloud_site
	$(BIN)/ruff format --check src/govcloud src/govcloud_site
	$(BIN)/mypy
	$(BIN)/zizmor --offline --quiet .github/workflows/

# Build into a scratch folder and move it into place only when the strict build
# succeeded, so a failed build never leaves a half-written site behind.
build: setup
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp
	$(BIN)/python -m govcloud_build.minify site.tmp
	rm -rf site && mv site.tmp site

serve: build
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Browser tests need Debian's Chromium; Playwright cannot download one here.
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { [ "$$(id -u)" = 0 ] || { echo "Chromium is needed: install it (apt-get install chromium)" >&2; exit 1; }; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: setup chromium lighthouse-deps test-js
	$(BIN)/pytest

# The estimator's pure modules under Node's own runner: no build, no browser.
test-js: node
	node --test tests/js/

clean:
	rm -rf $(VENV) site site.tmp .pytest_cache $(LIGHTHOUSE)/node_modules bench/out

# Lighthouse, pinned by tools/lighthouse/package-lock.json; reinstalled when the lock changes.
LIGHTHOUSE := tools/lighthouse
lighthouse-deps: node $(LIGHTHOUSE)/node_modules/.installed

# Lighthouse runs on Node.js; the machines have it, a bare Debian gets it from apt.
node:
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  { [ "$$(id -u)" = 0 ] || { echo "Node.js and npm are needed: install them (apt-get install nodejs npm)" >&2; exit 1; }; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }

$(LIGHTHOUSE)/node_modules/.installed: $(LIGHTHOUSE)/package.json $(LIGHTHOUSE)/package-lock.json
	cd $(LIGHTHOUSE) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Four category scores for each page, mobile and desktop; JSON in bench/out/.
lighthouse: build chromium lighthouse-deps
	mkdir -p bench/out
	CHROME_PATH="$${CHROMIUM:-$$(command -v chromium || command -v chromium-browser)}" node $(LIGHTHOUSE)/run.mjs site --out bench/out/lighthouse.json

# Side-by-side ratios (build cost, growth, estimator weight and speed, core speed):
# a table on screen, the same figures in bench/out/bench.json.
bench: setup chromium
	$(BIN)/python -m bench
