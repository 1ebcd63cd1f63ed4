# `make generate` and `make test` work on a fresh machine: each sets up what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup generate check test package bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Generating needs only the generator and its dependencies; the tests need much more.
$(VENV)/.generator: pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.test: pyproject.toml constraints.txt $(VENV)/.generator
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The Go standard library the tests build, compiled once into the ignored .cache/go/.
.cache/go/.warm: $(VENV)/.test
	$(PY) tests/golang.py
	touch $@

setup: $(VENV)/.test node_modules/.installed .cache/go/.warm

generate: $(VENV)/.generator
	$(PY) -m generator

# Is generated/ what the catalogue gives? (what CI and the pre-commit check hook ask)
check: $(VENV)/.generator
	$(PY) -m generator --check

# Two workers: the compilers the suite runs (tsc, go, kotlinc, mypy) keep both cores busy.
test: setup
	$(PY) -m pytest -n 2 --dist loadfile

# The wheel, the npm tarball and the docs site, built into dist/ (ignored by git).
package: $(VENV)/.test
	PYTHON=$(PY) sh scripts/package.sh generated dist

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

# tsc, pyright and kotlinc come from node_modules; quicktype from bench/node_modules.
bench: $(VENV)/.test node_modules/.installed bench/node_modules/.installed
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	$(PY) bench/run.py --update-readme
