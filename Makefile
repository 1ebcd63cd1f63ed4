# `make generate` and `make test` work on a fresh machine: each sets up what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup generate check test bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed node_modules/.installed

generate: $(VENV)/.installed
	$(PY) -m generator

check: $(VENV)/.installed
	$(PY) -m generator --check

test: setup
	$(PY) -m pytest

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

bench: $(VENV)/.installed bench/node_modules/.installed
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/run.py --update-readme
