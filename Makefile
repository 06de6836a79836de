# Two commands do everything on a fresh machine with Python 3.11:
#   make serve   build the site and serve it at http://127.0.0.1:8000, rebuilding on change
#   make test    run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
LOCK := requirements.txt
INSTALLER := requirements-installer.txt
STAMP := $(VENV)/.installed-$(shell cat $(INSTALLER) $(LOCK) | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# The suite starts a hundred Python processes (the checker, MkDocs); where the environment
# forbids bytecode caches, each would compile the project's modules again, some 10 s of CPU.
unexport PYTHONDONTWRITEBYTECODE
export PIP_DISABLE_PIP_VERSION_CHECK := 1
MAKEFLAGS += --jobs=2

.PHONY: serve test environment check build bench hooks lock clean

# The stamp's name holds the locks' checksum, so a changed lock makes a new environment,
# and a copied or freshly cloned tree with the same locks does not. pip installs uv, hash
# checked, and uv the project's packages from the lock, every file checked against its hash
# too. uv downloads them side by side and leaves each module to be compiled when first
# imported: with empty caches here, 5 to 24 s by the network's speed, where pip took 23 to
# 30 s and a core busy throughout. uv hard-links the files from its cache where the two share a
# filesystem (its default; where they do not, it copies without a word): with empty caches,
# 14 s and 19 CPU-s, where copying took 20 s and 26 CPU-s.
$(STAMP):
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes -r $(INSTALLER)
	$(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python --require-hashes -r $(LOCK)
	touch $@

DEV_ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr $(DEV_ADDR)

# Lighthouse's Node packages (the audits) install while uv installs the Python ones (two
# jobs at once, MAKEFLAGS above). Where Node is missing or npm fails, the audits say why
# when they run; nothing here stops the tests.
LIGHTHOUSE := tests/audit/node_modules/.package-lock.json
$(LIGHTHOUSE): tests/audit/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  (cd tests/audit && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || echo "npm ci failed in tests/audit; the audits will say why"; \
	fi

# What the suite needs installed, without running it (.ci/run installs Debian's packages meanwhile).
environment: $(STAMP) $(LIGHTHOUSE)

test: environment
	$(VENV)/bin/python -m pytest

FORMAT ?= text
DATA ?= data/timeline.yaml
check: $(STAMP)
	$(VENV)/bin/python scripts/check_data.py --format $(FORMAT) $(DATA)

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

# The checker runs before each commit that changes data/ (.pre-commit-config.yaml).
hooks: $(STAMP)
	$(VENV)/bin/pre-commit install

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/check_speed.py

# Regenerate the lock from pyproject.toml with every file's hash, keeping today's pins;
# `make lock UPGRADE=1` moves every pin to the newest release. pip-tools lives in its own
# environment, so it never enters the project's. The --no-emit options keep this
# machine's own index and wheel folders out of the file.
LOCK_TOOLS := .venv-lock
COMPILE = $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock:
	test -x $(LOCK_TOOLS)/bin/pip-compile || ($(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet pip-tools==7.6.2)
	$(COMPILE) --extra test --output-file $(LOCK) pyproject.toml
	$(COMPILE) --output-file $(INSTALLER) requirements-installer.in

clean:
	rm -rf $(VENV) $(LOCK_TOOLS) site .pytest_cache
