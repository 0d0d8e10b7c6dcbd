# make lab   — set everything up and open JupyterLab on the Parler v. AWS notebook
# make test  — set everything up and run every test (what CI runs)
# make quick — the fast tests only (no slow ones); make bench — the benchmarks
# make mutate — plant the bugs of scripts/mutants.py one by one; the score each module (slow)
# make docs  — redraw the README's diagram from the bundled map

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: lab test quick mutate mutation bench lint docs system-deps test-deps clean

# pip builds the JupyterLab extension too (npm, from the registry): it is built again when its
# sources or the View's browser module, which it bundles, change.
LABEXTENSION := extension/labextension/package.json extension/labextension/tsconfig.json \
	$(wildcard extension/labextension/src/* extension/labextension/style/*) \
	$(wildcard extension/argmap/widgets/static/*)

$(STAMP): pyproject.toml $(LABEXTENSION)
	@scripts/ensure-system-deps nodejs npm
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,jupyter]'
	touch $@

system-deps:
	@scripts/ensure-system-deps graphviz

test-deps: $(STAMP)
	@scripts/ensure-system-deps graphviz chromium
	@scripts/ensure-argdown $(VENV)/argdown

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

# Rooted at the repository (a notebook named alone would root it at examples/), so that the
# file browser reaches the bundled maps in extension/argmap/cases/ too.
lab: system-deps $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=$(CURDIR) examples/parler_v_aws.ipynb

# Hypothesis derandomized with many examples (tests/conftest.py), whatever the environment.
test: test-deps $(STAMP) lint
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest

quick: system-deps $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

# Not part of make test: it runs the quick suite once a mutant (15 to 40 minutes on 2 cores).
# MUTATE_FLAGS="--auto 12" adds 12 operator mutants a core module (own tests only).
mutate mutation: system-deps $(STAMP)
	$(BIN)/python scripts/mutate.py $(MUTATE_FLAGS)

bench: system-deps $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/bench_widgets.py
	$(BIN)/python benchmarks/bench_evaluate.py
	$(BIN)/python benchmarks/bench_layout.py

docs: system-deps $(STAMP)
	$(BIN)/argmap render extension/argmap/cases/parler_v_aws.argmap.json --legend -o docs/parler_v_aws.svg
	$(BIN)/argmap render extension/argmap/cases/parler_v_aws.argmap.json --legend -o docs/parler_v_aws.png

lint: $(STAMP)
	$(BIN)/ruff check extension tests benchmarks scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
