# The two set-up commands of the README: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= var
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= demo-pass-2026

.PHONY: run test install system-deps model demo bench lint clean

run: install model demo  ## install, build the default model, load the example data, start the web app
	$(BIN)/triage serve --data $(DATA) --host $(HOST) --port $(PORT)

test: install system-deps model  ## install and run the whole test suite (what .ci/run calls)
	$(BIN)/pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

system-deps:  ## Debian packages the tests use: a CJK font (OCR tests) and Chromium (page tests)
	@bash .ci/system-deps

model: install models/default/meta.json

models/default/meta.json:
	$(BIN)/python -m models.build_default

demo: install  ## the example petitions and one demo user per role (passwords: DEMO_PASSWORD)
	$(BIN)/triage ingest --data $(DATA) --quiet corpora/example.jsonl || test $$? -eq 1
	for role in clerk investigator manager admin; do \
		$(BIN)/triage user add $$role --role $$role --password $(DEMO_PASSWORD) --data $(DATA); done

bench: install model  ## the benchmark suite (docs/performance.md)
	$(BIN)/python -m bench.run

lint: install  ## ruff over the whole tree (pyproject.toml's settings)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) $(DATA) .pytest_cache
