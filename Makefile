# Two commands on a fresh clone: `make run` and `make test`. Both create .venv when missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.apex-installed
PYTEST_ARGS ?=

.PHONY: install run test lint lock app lab bench clean

$(STAMP): pyproject.toml requirements/base.in requirements/dev.in requirements/constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements/constraints.txt -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/apex-nb run

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check apex_nb widgets

bench: install
	$(BIN)/python benchmarks/envelope.py

# Re-pin every dependency after editing requirements/*.in.
lock: install
	$(BIN)/python -m pip freeze --exclude-editable | sort > requirements/constraints.txt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
