from __future__ import annotations

import contextlib
import fcntl
import shutil
import subprocess
import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REAL_DATA = DATA / "timeline.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHECKER = ROOT / "scripts" / "check_data.py"


def run_checker(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECKER), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder; returns the copied YAML file."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data" / "timeline.yaml"


@contextlib.contextmanager
def _locked(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The real site, built once a run for every test that only reads it (the browser tests
    serve this same folder): the first process to need it builds it, the others wait for it."""
    from tests.site_helpers import build

    run = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run = run.parent  # each worker's folder lies in the run's
    site, built = run / "real-site", run / "real-site.built"
    with _locked(run / "real-site.lock"):
        if not built.exists():
            shutil.rmtree(site, ignore_errors=True)
            result = build(ROOT, site)
            assert result.returncode == 0, result.stderr
            built.write_text(result.stderr, encoding="utf-8")  # what the build logged, for the tests of its log
    return site


@pytest.fixture(scope="session")
def built_site_log(built_site) -> str:
    """What `mkdocs build --strict` wrote to stderr when it built built_site."""
    return built_site.with_name("real-site.built").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The real site as published: built with a public address, served under a sub-path
    (tests/audit/published.py), once a session in each process that asks for it."""
    from tests.audit.published import published

    server = published(tmp_path_factory.mktemp("published-site"), ROOT)
    yield server
    server.close()


@pytest.fixture(scope="session")
def real_site(built_site) -> Path:
    return built_site


def pytest_xdist_auto_num_workers(config) -> int:
    # One more process than cores: the browser tests spend most of their time waiting on
    # Chromium, so a core is seldom left idle by it.
    return (os.cpu_count() or 1) + 1


def pytest_sessionstart(session):
    session.config.started_at = time.time()


def pytest_terminal_summary(terminalreporter, config):
    # Here rather than in tests/audit/: with xdist the controller loads only this conftest.
    from tests.audit.lighthouse import summary

    lines = summary(config.started_at)
    if lines:
        terminalreporter.section("Lighthouse (performance: benchmarks/lighthouse_scores.py)")
        for line in lines:
            terminalreporter.write_line(line)
