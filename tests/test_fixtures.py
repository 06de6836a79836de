"""Each fixture is a small YAML file named after what it provokes; its first line says the code."""
from __future__ import annotations

import pytest

from scripts.check.run import check_file
from tests.conftest import FIXTURES

FILES = sorted(FIXTURES.glob("*.yaml"))


def expected_code(path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    assert first and first[0].startswith("# expect: "), f"{path.name} must start with '# expect: CODE'"
    return first[0].removeprefix("# expect: ").strip()


def test_there_is_a_fixture_for_every_failing_code():
    from scripts.codes import CODES

    provoked = {expected_code(p) for p in FILES}
    untested = {code for code in CODES if code not in provoked} - {"Y101", "Y105", "Y106", "Y108", "H402", "R800"}
    # Those left out are provoked in test_hostile_input.py, which builds their input at run time.
    assert untested == set()


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture_gives_its_code(path):
    code = expected_code(path)
    result = check_file(str(path))
    codes = [d.code for d in result.errors]
    if code == "clean":
        assert result.ok, codes
    else:
        assert not result.ok
        assert code in codes, f"{path.name}: expected {code}, got {codes}"


def test_every_diagnostic_names_a_real_place():
    for path in FILES:
        for diagnostic in check_file(str(path)).diagnostics:
            assert diagnostic.line >= 1 and diagnostic.column >= 1
            lines = open(diagnostic.path, encoding="utf-8-sig", errors="replace").read().split("\n")
            assert diagnostic.line <= len(lines), diagnostic


def test_every_code_the_checker_prints_is_in_the_table():
    import re

    from scripts.codes import CODES
    from tests.conftest import ROOT

    used = set()
    for path in (ROOT / "scripts").glob("*.py"):
        used |= set(re.findall(r'"([YSMHQFTRCP]\d{3})"', path.read_text(encoding="utf-8")))
    assert used - set(CODES) == set()
    assert set(CODES) - used == set()
