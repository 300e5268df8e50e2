# Two commands on a fresh clone: `make run` and `make test`. Both create .venv when missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.apex-installed
PYTEST_ARGS ?=
# Python sources held to ruff's formatting (the README's code blocks are prose, not checked).
PY_SOURCES := apex_nb widgets tests benchmarks tools

.PHONY: install run test lint lock app lab bench clean

$(STAMP): pyproject.toml requirements/*.in requirements/constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements/constraints.txt -e '.[apps,batch,dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# The apps' browser front end (widgets/frontend, built with npm; rebuilt when its sources change).
FRONTEND_SRC := widgets/frontend/package.json widgets/frontend/package-lock.json $(wildcard widgets/frontend/src/*)
FRONTEND_JS := widgets/templates/voila/templates/apex/static/apex-app.js

$(FRONTEND_JS): $(FRONTEND_SRC)
	bash tools/build_frontend.sh

install: $(STAMP) $(FRONTEND_JS)

# The main job: the national roll-out portfolio through the parameterized notebook, 2 workers.
run: install
	$(BIN)/apex-nb batch examples/portfolio.csv --out build/portfolio --workers 2

# The sales quick-quote app on http://127.0.0.1:8866 (Voila), and JupyterLab for engineers.
app: install
	$(BIN)/apex-nb app

lab: install
	$(BIN)/apex-nb lab

test: install
	bash tools/ensure_browser.sh $(BIN)/python
	$(BIN)/ruff check .
	$(BIN)/ruff format --check --quiet $(PY_SOURCES)
	$(BIN)/mypy
	$(BIN)/python tools/check_layers.py
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check $(PY_SOURCES)
	$(BIN)/python tools/check_layers.py

bench: install
	$(BIN)/python benchmarks/envelope.py
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/app.py

# Re-pin every dependency after editing requirements/*.in.
lock: install
	$(BIN)/python -m pip freeze --exclude-editable | sort > requirements/constraints.txt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache widgets/frontend/node_modules widgets/templates/voila/templates/apex/static
