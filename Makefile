# The two commands: `make up` runs everything; `make test` runs every test.
SHELL := /bin/bash
PY := .venv/bin/python
export RASA_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false
export HF_HUB_OFFLINE := 1
export PATH := $(CURDIR)/tools/node_modules/.bin:$(PATH)

.PHONY: up up-prod down test lint format validate train conversation-tests loadtest eval bootstrap lock clean

bootstrap:
	@bash scripts/bootstrap.sh

up: bootstrap ## install what is missing, prepare, run everything (Ctrl-C stops)
	@$(PY) -m scripts.stack up

up-prod: bootstrap ## the production topology: PostgreSQL, Redis, nginx gateway on :8443, 2 Rasa, 2 action servers
	@$(PY) -m scripts.prod up

down: ## stop a stack left running (make up or make up-prod)
	@$(PY) -m scripts.stack down

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

validate: ## check the Rasa training data
	cd bot && .venv/bin/rasa data validate --domain domain --data data --config config.yml

train:
	@$(PY) -m scripts.stack train

conversation-tests: ## Rasa conversation tests (bot/tests) against a live action server and booking API
	$(PY) -m pytest -q tests/integration/test_conversations.py

test: ## lint, Rasa data validation, pytest (unit, integration incl. Rasa conversation tests, end-to-end)
	@bash scripts/bootstrap.sh --browser --nginx
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory validate
	@$(PY) -m scripts.stack train
	$(PY) -m pytest -p no:cacheprovider -q -ra


loadtest: bootstrap ## load test against a running stack (make up); report in loadtests/results/
	@$(PY) -m loadtests.run

eval: bootstrap ## quality evaluations; reports in eval/results/
	@$(PY) -c 'from scripts.config import ensure_env_file; ensure_env_file()'
	@$(PY) -m eval.qa_eval
	@$(PY) -m eval.unseen_eval
	@$(PY) -m eval.nlu_eval
	@$(PY) -m eval.bench_search

# The lock files, from pyproject.toml's dependencies: [project] and the dev group for the main
# venv (Python 3.11), the rasa group for bot/.venv (Python 3.10). Versions already locked are
# kept (`uv pip compile --upgrade-package NAME ...` moves one); setuptools and wheel are left to
# the venv, as pip freeze does. The Python versions are the venvs' own (their patch level counts:
# redis needs async-timeout below 3.11.3). Needs uv (made with 0.13.9; e.g. `python3 -m venv
# /tmp/uv && /tmp/uv/bin/pip install uv`, then `make lock UV=/tmp/uv/bin/uv`).
UV ?= uv
LOCK := $(UV) pip compile --quiet --no-annotate --custom-compile-command "make lock"

lock: ## regenerate requirements/*.lock from pyproject.toml (needs uv)
	$(LOCK) pyproject.toml --group dev --python-version 3.11.7 \
		--no-emit-package setuptools -o requirements/main.lock
	$(LOCK) --group pyproject.toml:rasa --python-version 3.10.13 \
		--no-emit-package setuptools --no-emit-package wheel -o requirements/bot.lock

clean:
	rm -rf var .web bot/models
