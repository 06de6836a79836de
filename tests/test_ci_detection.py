"""Only CI=true makes a missing browser a failure; a CI variable set to anything else is a
person's shell, where the browser tests are skipped with the reason."""
from __future__ import annotations

import pytest

from tests.browser.conftest import on_ci


@pytest.mark.parametrize("environ, expected", [
    ({"CI": "true"}, True),
    ({"CI": "false"}, False),
    ({"CI": "0"}, False),
    ({"CI": ""}, False),
    ({}, False),
])
def test_only_ci_true_counts_as_ci(environ, expected):
    assert on_ci(environ) is expected


def test_ci_run_installs_the_browser_only_where_ci_is_true():
    from tests.conftest import ROOT

    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '[ "${CI:-}" = "true" ]' in script and "apt-get install" in script
    for package in ("chromium", "nodejs", "npm", "default-jre-headless"):
        assert package in script, package
