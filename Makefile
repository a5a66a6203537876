# Two commands matter: `make serve` and `make test`. Everything else is a step they share.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# The day builds and tests count from (the prices in force on the pages, the price book's date):
# read once per make run, so that the builds `make parity` compares, and the tests, are of one day
# even across midnight. Give SOURCE_DATE_EPOCH=<seconds> to build the site as of another day.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell date -u +%s)
endif
export SOURCE_DATE_EPOCH

.PHONY: setup serve build test test-fast test-js check chromium node java cc clean esbuild-deps validators-deps lighthouse-deps lighthouse bench zensical-setup zensical parity golden pot

# `make setup`: the venv (below), then the calculation compiled with mypyc, again whenever a module
# of src/govcloud/ changed (src/govcloud/calc/compiled.py; a build that fails leaves it running
# from its source).
setup: $(STAMP) cc
	$(BIN)/python -m govcloud.calc.compiler

# The venv is rebuilt from the lock whenever the lock or the project changes (its old builds of
# the calculation, by another mypyc, go with it).
$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)/govcloud-compiled
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The data and the glossary, the Japanese translations (pages, catalog, terms: govcloud
# translations --report says what needs a translator), then the docs workflow (zizmor,
# offline: no GitHub API calls).
check: setup
	$(BIN)/govcloud check
	$(BIN)/govcloud translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/zizmor --offline --quiet .github/workflows/

# The vocabulary's words as a gettext template for translators (babel.cfg names
# the extraction; tests/unit/test_translation.py fails while it is out of date).
pot: setup
	$(BIN)/python -m govcloud.words.pot locale/messages.pot

# Both languages, English at SITE and Japanese at SITE/ja, each a strict build into a scratch
# folder of its own (two builds at once do not share one) with the post-build steps, then
# published only when all succeeded: the old site is renamed aside, the new one renamed in,
# then the old one deleted, so SITE is never partly deleted or partly written, nor in one
# language only (govcloud_site/sites.py, govcloud_site/publish.py).
SITE ?= site
build: setup esbuild-deps
	$(BIN)/python -m govcloud_site.sites mkdocs "$(SITE)"

# A preview that stays up on a data or macro error: the pages show the problems
# (file:line) until they are fixed, then come back (govcloud_site/serve.py).
PORT ?= 8000
serve: setup esbuild-deps
	$(BIN)/python -m govcloud_site.serve --port $(PORT)

# Browser tests and Lighthouse run what $CHROMIUM names, else Debian's Chromium headless shell
# (Playwright cannot download one here): as root it is installed from apt; else, or when apt
# cannot, a full chromium or chromium-browser serves (tests/support/harness.py).
chromium:
	@[ -n "$$CHROMIUM" ] || command -v chromium-headless-shell >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell; } || \
	  command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { echo "Chromium is needed: install it (apt-get install chromium-headless-shell)" >&2; exit 1; }

# Workers: one a core for the unit tests and Node's. The parity step has just built site/ and
# site-zensical/: pytest tests those builds (tests/conftest.py) rather than building both again,
# with one worker more than the cores, as a browser test spends part of its time waiting on
# Chromium (on two cores, the suite took 357.8 s with two workers, 336.0 s with three, the CPU
# then idle 3 % of the time); tests that share a costly fixture share a worker (xdist_group).
ifndef JOBS
JOBS := $(shell nproc 2>/dev/null || echo 2)
endif
BROWSER_JOBS ?= $(shell echo $$(($(JOBS) + 1)))
test: setup check esbuild-deps chromium lighthouse-deps validators-deps test-js parity
	BUILT_SITE_MKDOCS="$(abspath $(SITE))" BUILT_SITE_ZENSICAL="$(CURDIR)/site-zensical" \
	  $(BIN)/pytest -n $(BROWSER_JOBS) --dist loadgroup

# No build, no browser: the unit tests and the estimator's pure modules, in under a minute.
test-fast: setup node
	$(BIN)/pytest -m unit -n $(JOBS)
	$(NODE_TEST) tests/js/

# The estimator's pure modules under Node's own runner: no build, no browser; a file a core at a
# time, as the unit tests' workers (Node's default is one fewer than the cores: one on two;
# Node before 20.10 has no such option and keeps its default; asked when the recipe runs, after
# the `node` step).
NODE_TEST = node --test $(shell node --test-concurrency=1 -e 0 >/dev/null 2>&1 && echo --test-concurrency=$(JOBS))
test-js: node
	$(NODE_TEST) tests/js/

# The conformance cases and their quotes (tests/support/golden/quotes.json), written again
# after a change to the data, the words or the calculation; tests/unit/test_golden.py
# names what moved while the committed file is stale.
golden: setup
	$(BIN)/python tests/support/golden.py

clean:
	rm -rf $(VENV) site site.tmp site.tmp.* .site.old-* .site.lock .pytest_cache $(LIGHTHOUSE)/node_modules $(ESBUILD)/node_modules $(VALIDATORS)/node_modules bench/out
	rm -rf $(ZVENV) site-zensical site-zensical.tmp.* .site-zensical.old-* .site-zensical.lock .cache .zensical-build-*

# esbuild, pinned by tools/esbuild/package-lock.json: the post-build step bundles and
# minifies the estimator's modules with it (src/govcloud_site/postbuild/minify.py).
ESBUILD := tools/esbuild
esbuild-deps: node $(ESBUILD)/node_modules/.installed

$(ESBUILD)/node_modules/.installed: $(ESBUILD)/package.json $(ESBUILD)/package-lock.json
	cd $(ESBUILD) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The outside validators, pinned by tools/validators/package-lock.json: the W3C Nu Html
# Checker (vnu-jar, which runs on Java), html-validate, stylelint and HTML_CodeSniffer
# (tests/site/test_validators.py, tests/browser/test_every_page.py).
VALIDATORS := tools/validators
validators-deps: node java $(VALIDATORS)/node_modules/.installed

$(VALIDATORS)/node_modules/.installed: $(VALIDATORS)/package.json $(VALIDATORS)/package-lock.json
	cd $(VALIDATORS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# A C compiler and Python's headers for mypyc, which compiles the calculation at setup: the
# machines have both, a bare Debian gets gcc and python3-dev from apt; without them `make setup`
# goes on with the calculation from its source (and tests/unit/test_compiled.py fails).
PY_HEADERS = $(shell $(PY) -c "import sysconfig; print(sysconfig.get_paths()['include'])")/Python.h
cc:
	@command -v cc >/dev/null && [ -f "$(PY_HEADERS)" ] || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc python3-dev && \
	    command -v cc >/dev/null && [ -f "$(PY_HEADERS)" ]; } || \
	  echo "mypyc needs a C compiler and $(PY_HEADERS) (apt-get install gcc python3-dev): the calculation runs from its source" >&2

# Java for the Nu checker: the machines have it, a bare Debian gets it from apt.
java:
	@command -v java >/dev/null || \
	  { [ "$$(id -u)" = 0 ] || { echo "Java is needed: install it (apt-get install default-jre-headless)" >&2; exit 1; }; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

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

# Four category scores for each page, mobile and desktop, on both builds; JSON in bench/out/.
# The Chromium the tests take (tests/support/harness.py's chromium_path, in the shell).
LIGHTHOUSE_CHROME = $${CHROMIUM:-$$(command -v chromium-headless-shell || command -v chromium || command -v chromium-browser)}
lighthouse: build zensical chromium lighthouse-deps
	mkdir -p bench/out
	CHROME_PATH="$(LIGHTHOUSE_CHROME)" node $(LIGHTHOUSE)/run.mjs site --out bench/out/lighthouse.json
	CHROME_PATH="$(LIGHTHOUSE_CHROME)" node $(LIGHTHOUSE)/run.mjs site-zensical --out bench/out/lighthouse-zensical.json

# Side-by-side ratios (build cost, growth, estimator weight and speed, core speed):
# a table on screen, the same figures in bench/out/bench.json.
bench: setup esbuild-deps chromium zensical-setup
	$(BIN)/python -m bench

# --- The second builder: Zensical (docs/builders.md) -------------------------------
# Its own environment from its own lock, so it never disturbs MkDocs' (the
# packages both use are held at MkDocs' versions: requirements-zensical.in).
ZVENV   := .venv-zensical
ZBIN    := $(ZVENV)/bin
ZSTAMP  := $(ZVENV)/.installed

zensical-setup: $(ZSTAMP)

$(ZSTAMP): requirements-zensical.lock pyproject.toml
	$(PY) -m venv $(ZVENV)
	$(ZBIN)/pip install --quiet --require-hashes -r requirements-zensical.lock
	$(ZBIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The same pages (docs/ and docs-ja/), data and macros, built by Zensical into site-zensical/
# (and site-zensical/ja/): strict, from a cleared cache (its cache does not know the data
# files), then our own checks of what its strict mode misses (tests/support/sitecheck.py),
# then the same post-build steps as `make build` (minify, CSP), then published like
# `make build` does, so site-zensical/ is never half written or half deleted.
zensical: setup esbuild-deps zensical-setup
	$(BIN)/python -m govcloud_site.sites zensical site-zensical

# Both builds, page for page, in both languages (site/ja/ with site-zensical/ja/):
# title, article text and article links; one line per difference, non-zero exit on any.
# `make test` runs it.
parity: build zensical
	$(BIN)/python tests/support/sitecheck.py site
	$(BIN)/python tests/support/parity.py site site-zensical
