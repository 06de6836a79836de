"""The audits run against the site as published: built with a public address and served
under a sub-path (tests/audit/published.py), once for the session."""
from __future__ import annotations

import pytest

from tests.audit.published import published
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    server = published(tmp_path_factory.mktemp("published-site"), ROOT)
    yield server
    server.close()
