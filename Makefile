# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
LIM := $(VENV)/bin/lim
PORT ?= 8000
export PORT
# Chromium for the browser tests comes from Debian; Playwright never downloads one.
CHROMIUM ?= /usr/bin/chromium
export LIM_CHROMIUM := $(CHROMIUM)

.PHONY: messages help setup run test lint typecheck migrations-check pytest-sqlite pytest-postgres system-packages clean

help:
	@echo "make run   – set up and serve LIM with the demo organisation on http://127.0.0.1:$(PORT)"
	@echo "make test  – set up and run every check (lint, types, migrations, tests on SQLite and PostgreSQL)"

# System packages: gettext (msgfmt, for translations) and pango with a font (WeasyPrint's
# PDF layout) always; for the tests also chromium and poppler-utils (pdftotext).
RUN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_PACKAGES := poppler-utils
system-packages:
	@missing=""; command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	for pkg in $(RUN_PACKAGES) $(if $(WITH_CHROMIUM),$(TEST_PACKAGES)); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$(WITH_CHROMIUM)" ] && [ ! -x "$(CHROMIUM)" ]; then missing="$$missing chromium"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(UV):
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv

# Bytecode is compiled at install time, so `lim` starts without compiling (~0.4 s).
setup: $(UV) system-packages
	UV_COMPILE_BYTECODE=1 $(UV) sync --frozen --quiet
	cd src/lim && env -u DJANGO_SETTINGS_MODULE ../../$(VENV)/bin/django-admin compilemessages -v0

var/secret-key:
	@mkdir -p var
	@$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

run: setup var/secret-key
	@export SECRET_KEY_FILE=$(CURDIR)/var/secret-key LIM_HTTPS=false EMAIL_BACKEND=console; \
	$(LIM) migrate -v0 && \
	$(LIM) collectstatic --noinput -v0 && \
	$(LIM) demo && \
	echo && echo "LIM is running on http://127.0.0.1:$(PORT)/  (stop with Ctrl+C)" && echo && \
	{ $(LIM) worker --no-startup-delay & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(LIM) serve --port $(PORT); }

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck:
	$(VENV)/bin/mypy

migrations-check:
	DEBUG=true $(LIM) makemigrations --check --dry-run

# Coverage is measured on the SQLite run; the pure rules must stay at 95 % lines and branches.
pytest-sqlite:
	env -u DATABASE_URL $(PY) -m pytest -p no:cacheprovider --cov=lim --cov-branch --cov-report=
	$(VENV)/bin/coverage report --include='*/lim/rules/*' --fail-under=95

pytest-postgres:
	$(PY) scripts/with_postgres.py -- $(PY) -m pytest -p no:cacheprovider -m "not browser"

test: WITH_CHROMIUM=1
test: setup lint typecheck migrations-check pytest-sqlite pytest-postgres

clean:
	rm -rf $(VENV) var

# Refresh the translation catalogues after changing UI text (then translate new entries).
messages: setup
	cd src/lim && DEBUG=true ../../$(LIM) makemessages -l nb -l nn --no-location --no-obsolete -v0
