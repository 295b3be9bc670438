# Two commands set up everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WORKERS ?= 2
SEEDS ?= seeds

.PHONY: run test lint install install-dev migrate static seed serve bench bench-import load score clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# A local secret key, made once and kept out of git.
.secret_key:
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

migrate: install .secret_key
	SECRET_KEY="$$(cat .secret_key)" $(PY) manage.py migrate --noinput

static: install .secret_key
	SECRET_KEY="$$(cat .secret_key)" $(PY) manage.py collectstatic --noinput --verbosity 0

seed: migrate
	SECRET_KEY="$$(cat .secret_key)" $(PY) manage.py import_articles --if-empty $(SEEDS)

serve: install .secret_key
	SECRET_KEY="$$(cat .secret_key)" $(VENV)/bin/gunicorn archive.wsgi:application \
		--config python:archive.gunicorn_conf --bind 127.0.0.1:$(PORT) --workers $(WORKERS) --timeout 60 \
		--access-logfile - --error-logfile -

run: migrate static seed serve

test: install-dev
	$(VENV)/bin/pytest

lint: install-dev
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# Benchmarks on a scratch database (never the archive's own): BENCH_DATABASE_URL picks it.
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench.sqlite3
BENCH_ARGS ?=
bench: install .secret_key
	DATABASE_URL="$(BENCH_DATABASE_URL)" SECRET_KEY="$$(cat .secret_key)" \
		$(PY) manage.py bench $(BENCH_ARGS)

bench-import: install .secret_key
	DATABASE_URL="sqlite:///$(CURDIR)/bench-import.sqlite3" SECRET_KEY="$$(cat .secret_key)" \
		sh -c '$(PY) manage.py migrate -v0 && $(PY) manage.py bench_import --articles 1000 --runs 3'

# A bounded loopback load run (60 s, 32 connections) against gunicorn on the archive's own
# database, with an import writing at the same time; fails on any error.
load: install .secret_key
	SECRET_KEY="$$(cat .secret_key)" $(PY) manage.py loadtest --seconds 60 --connections 32 \
		--with-import 200

# Gold articles imported into a scratch database and scored as the importer is judged (the
# scorer's table of evaluate_import; SCORE_ARGS=-v2 lists every miss and extra). The default is
# the development gold: the seeds and tests/gold/dev. `make score GOLD="tests/gold/own"`.
GOLD ?= tests/gold/seeds tests/gold/dev
SCORE_ARGS ?=
score: install
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; mkdir "$$tmp/gold"; \
	export DATABASE_URL="sqlite:///$$tmp/gold.sqlite3" SECRET_KEY=score DEBUG=0; \
	$(PY) manage.py migrate -v0 || exit 1; \
	for dir in $(GOLD); do \
	  if [ "$$dir" = tests/gold/seeds ]; then articles="$$articles seeds"; cp $$dir/0*.json "$$tmp/gold/"; \
	  else articles="$$articles $$dir/articles"; cp $$dir/gold/*.json "$$tmp/gold/" 2>/dev/null || cp $$dir/*.json "$$tmp/gold/"; fi; \
	done; \
	$(PY) manage.py import_articles $$articles > /dev/null || exit 1; \
	$(PY) manage.py evaluate_import "$$tmp/gold" $(SCORE_ARGS) > "$$tmp/score.txt" || exit 1; \
	sed -n '/^articles scored/,$$p' "$$tmp/score.txt"

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
