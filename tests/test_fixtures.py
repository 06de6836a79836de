"""Each fixture is a small YAML file named after what it provokes; its first line says the
code and the line it must be reported on: `# expect: F600 at 35` (a line of the fixture) or
`# expect: C900 at sources/mini.txt:2` (a line of a source), or `# expect: clean`."""
from __future__ import annotations

import os
import re

import pytest

from scripts.check.run import check_file
from tests.conftest import FIXTURES

FILES = sorted(FIXTURES.glob("*.yaml"))


EXPECT = re.compile(r"# expect: (?:(clean)|([A-Z]\d{3}) at (?:(\S+):)?(\d+))$")


def expectation(path) -> tuple[str, str | None, int | None]:
    """(code or "clean", the file the diagnostic names, its line)."""
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    match = EXPECT.match(first[0]) if first else None
    assert match, f"{path.name} must start with '# expect: CODE at LINE', '# expect: CODE at FILE:LINE' or '# expect: clean'"
    clean, code, other, line = match.groups()
    if clean:
        return "clean", None, None
    where = os.path.normpath(os.path.join(os.path.dirname(str(path)), other)) if other else str(path)
    return code, where, int(line)


def expected_code(path) -> str:
    return expectation(path)[0]


def test_there_is_a_fixture_for_every_failing_code():
    from scripts.codes import CODES

    provoked = {expected_code(p) for p in FILES}
    untested = {code for code in CODES if code not in provoked} - {"Y101", "Y105", "Y106", "Y108", "H402", "R800"}
    # Those left out are provoked in test_hostile_input.py, which builds their input at run time.
    assert untested == set()


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture_gives_its_code_on_its_line(path):
    code, where, line = expectation(path)
    result = check_file(str(path))
    found = [(d.code, os.path.normpath(d.path), d.line) for d in result.errors]
    if code == "clean":
        assert result.ok, found
    else:
        assert not result.ok
        assert (code, where, line) in found, f"{path.name}: expected {code} at {where}:{line}, got {found}"


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

    # Every module that could print one, in every package, but not the table itself.
    modules = [p for p in (ROOT / "scripts").rglob("*.py") if p.name != "codes.py"]
    assert len(modules) > 40 and any(p.parent.name == "site" for p in modules)
    used = set()
    for path in modules:
        used |= set(re.findall(r'"([YSMHQFTRCP]\d{3})"', path.read_text(encoding="utf-8")))
    assert used - set(CODES) == set()
    assert set(CODES) - used == set()
