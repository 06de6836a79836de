"""An audit that cannot run is skipped on a person's machine, and fails on CI, which
installs Node, npm and Java (.ci/run): a missing tool never passes for a clean audit."""
from __future__ import annotations

import pytest
from _pytest.outcomes import Failed, Skipped

from tests.audit import tools


@pytest.mark.parametrize("ci, outcome", [("true", Failed), ("", Skipped), ("false", Skipped)])
def test_a_missing_tool_skips_or_on_ci_fails(monkeypatch, ci, outcome):
    monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    for needs in (tools.lighthouse, tools.java):
        with pytest.raises(outcome):
            needs()

