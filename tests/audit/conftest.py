"""The audits run against the site as published: built with a public address and served
under a sub-path (tests/audit/published.py), once for the session."""
from __future__ import annotations

import pytest

from tests.audit.lighthouse import CATEGORIES, SCORES
from tests.audit.published import published
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    server = published(tmp_path_factory.mktemp("published-site"), ROOT)
    yield server
    server.close()


def pytest_terminal_summary(terminalreporter):
    if not SCORES:
        return
    terminalreporter.section("Lighthouse (performance reported, not asserted)")
    terminalreporter.write_line(f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for page, found in SCORES.items():
        terminalreporter.write_line(f"{page:<10}" + "".join(f"{'-' if found.get(c) is None else found[c]:>16}" for c in CATEGORIES))
