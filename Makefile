# The project's commands. `make demo` and `make test` are the README's two commands.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

SQL_PATHS := models analyses tests/dbt

.PHONY: help install servers demo migrate sync summary report registry bench test lint format pytest unit docs clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml constraints.txt meltano.yml plugins/*/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (pipelinewise-tap-mysql needs it)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]" -e plugins/magento-delete-guard -e plugins/magento-singer-repair
	$(BIN)/meltano install
	@touch $@

install: $(INSTALLED)  ## create .venv and install the project, Meltano plugins and dbt

servers:  ## start the local MariaDB and PostgreSQL if they are down
	bash scripts/ensure-servers.sh

demo: $(INSTALLED)  ## generate the demo store, replicate it, dbt build (target dev: PII masked), docs, summary
	$(BIN)/magento-migrate demo

migrate: $(INSTALLED)  ## migrate MAGENTO_DB_* into WAREHOUSE_DB_* (dbt target prod unless DBT_TARGET; MIGRATE_EL=singer for the Singer EL)
	$(BIN)/magento-migrate migrate $(if $(MIGRATE_EL),--el $(MIGRATE_EL))

sync: $(INSTALLED)  ## one sync cycle (binlog, else updated_at); SYNC_ARGS="--every 60s" to loop
	$(BIN)/magento-migrate sync $(if $(SYNC_MODE),--mode $(SYNC_MODE)) $(SYNC_ARGS)

.PHONY: verify
verify: $(INSTALLED)  ## check every migrated row against the live Magento (exit 1 when any differs)
	$(BIN)/magento-migrate verify

summary: $(INSTALLED)  ## print rows per raw and service table
	$(BIN)/magento-migrate summary

report: $(INSTALLED)  ## write target/migration_report.html (rows, money, quarantine, verify, dbt tests) and print its summary
	$(BIN)/magento-migrate report

registry: $(INSTALLED)  ## regenerate meltano.yml's table lists and macros/registry_generated.sql from the registry
	$(BIN)/magento-migrate registry --write

bench: $(INSTALLED)  ## time the whole migration of a generated `large` store (BENCH_ARGS="--profile medium --skip-singer")
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

test: lint pytest  ## every lint and test (what CI runs)

lint: $(INSTALLED)  ## every pre-commit hook on every file: sqlfluff, ruff, YAML, whitespace, secrets, actionlint
	$(BIN)/magento-migrate check --warehouse-only
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

format: $(INSTALLED)  ## fix what sqlfluff and ruff can fix
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts
	$(BIN)/sqlfluff fix $(SQL_PATHS)

# two workers (`pytest -n`, each test module on one worker; PYTEST_WORKERS=0: one process): the
# end-to-end tests wait on servers and subprocesses as much as they compute
PYTEST_WORKERS ?= 2

pytest: $(INSTALLED)  ## the whole test suite: unit tests, then end to end (real MariaDB, Postgres, Meltano, dbt)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

unit: $(INSTALLED)  ## the fast tier: pure logic, no servers, seconds (tests/unit)
	$(BIN)/pytest -m "not e2e" tests/unit

docs: $(INSTALLED)  ## dbt docs generate, then serve the site on localhost:$${DOCS_PORT:-8080}
	$(BIN)/dbt docs generate
	$(BIN)/dbt docs serve --port $${DOCS_PORT:-8080} --no-browser

clean:  ## remove build output (keeps .venv)
	rm -rf target logs .pytest_cache
