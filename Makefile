# Two entry points: `make demo` (set up + run the main job) and `make test` (set up + run the tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EDITOR := editors/vscode
NODE_STAMP := $(EDITOR)/node_modules/.installed

.PHONY: demo test bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The editor extension's packages (the TextMate engine its grammar test runs); without npm
# those tests skip, saying so.
$(NODE_STAMP): $(EDITOR)/package.json $(EDITOR)/package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "warning: npm not found; the editor grammar tests will skip" >&2; \
	elif npm ci --prefix $(EDITOR) --no-audit --no-fund --silent; then touch $@; \
	else echo "warning: npm ci failed in $(EDITOR); the editor grammar tests will skip" >&2; fi

demo: $(STAMP)
	bash scripts/demo.sh

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check checker reports tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto  # one worker per core (pytest-xdist)

# Benchmarks, not tests: each prints its figures as ratios against a baseline measured in the
# same run (`python -c pass`, numpy, DuckDB, pyarrow, the engine without the table), with
# counts checked equal.  scale_bench runs 10^6 proposals (minutes); for 10^7 run
# `$(BIN)/python bench/scale_bench.py --sizes 1000000 10000000` (several minutes more, and
# about 150 MB of temporary Parquet; BENCH_TMP chooses where).
bench: $(STAMP)
	$(BIN)/python bench/startup_bench.py
	$(BIN)/python bench/parse_bench.py
	$(BIN)/python bench/check_bench.py
	$(BIN)/python bench/scale_bench.py
	$(BIN)/python bench/plandata_bench.py
	$(BIN)/python bench/table_bench.py
	$(BIN)/python bench/analyze_bench.py
	$(BIN)/python bench/analyze_hostile_bench.py
	$(BIN)/python bench/lsp_bench.py
	$(BIN)/python bench/serve_bench.py
	$(BIN)/python bench/extract_bench.py

# The loaders' fuzzing harness with many examples: FUZZ_EXAMPLES per test (hostile tables,
# proposals, plan data through `plancheck check`), then load_property's at the thorough profile.
# The statistics say how many inputs ran and how each exited.
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	PLANCHECK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest \
	  -q --hypothesis-show-statistics tests/property/test_fuzz_loaders.py \
	  tests/property/test_load_property.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(EDITOR)/node_modules
