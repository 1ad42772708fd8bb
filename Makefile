# The two commands of the README: `make demo` (set up, crawl the offline demo site, serve it)
# and `make test` (set up, run the whole test suite). Both install what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo test floors lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Chromium drives the browser tests (Debian package; Playwright's own browser download is not used).
# redis-server runs the distributed tests (tests/scale start their own instance on a random port).
system-deps:
	@# apt busy, absent or offline must not stop the suite: the tests that need a missing package
	@# fail clearly under CI=true and are skipped otherwise (tests/browser, tests/scale)
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	  command -v redis-server >/dev/null 2>&1 || test -x /usr/bin/redis-server || missing="$$missing redis-server"; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; } \
	        || echo "veille: could not install$$missing with apt-get (the tests that need them will say so)"; \
	    else echo "veille: missing$$missing: sudo apt-get install$$missing (the tests that need them will say so)"; fi; \
	  fi

demo: install
	$(BIN)/veille demo

test: install system-deps
	$(BIN)/python -m pytest

# Floors job (not part of `make test`): every dependency declared in pyproject.toml at its declared
# minimum (`>=X` -> `==X`, constraints written by .ci/floors.py), the French model included, in a
# virtualenv of its own, then the suite without the browser tests. README: "Dependency floors".
FLOORS_VENV ?= .venv-floors
floors:
	test -x $(FLOORS_VENV)/bin/python || $(PYTHON) -m venv $(FLOORS_VENV)
	$(FLOORS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(FLOORS_VENV)/bin/python .ci/floors.py pyproject.toml > $(FLOORS_VENV)/constraints.txt
	$(FLOORS_VENV)/bin/python -m pip install --quiet -c $(FLOORS_VENV)/constraints.txt -e '.[dev]'
	$(FLOORS_VENV)/bin/python -m pip freeze --exclude-editable > $(FLOORS_VENV)/installed.txt
	$(FLOORS_VENV)/bin/python -m pytest -q -p no:cacheprovider -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(FLOORS_VENV) build *.egg-info .pytest_cache
