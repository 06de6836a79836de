# Two commands do everything on a fresh machine with Python 3.11:
#   make serve   build the site and serve it at http://127.0.0.1:8000, rebuilding on change
#   make test    run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat requirements.lock | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve test check build bench clean

# The stamp's name holds the lock's checksum, so a changed lock makes a new environment,
# and a copied or freshly cloned tree with the same lock does not.
$(STAMP):
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -r requirements.lock
	touch $@

DEV_ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr $(DEV_ADDR)

test: $(STAMP)
	$(VENV)/bin/python -m pytest

FORMAT ?= text
DATA ?= data/timeline.yaml
check: $(STAMP)
	$(VENV)/bin/python scripts/check_data.py --format $(FORMAT) $(DATA)

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/check_speed.py

clean:
	rm -rf $(VENV) site .pytest_cache
