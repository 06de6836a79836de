"""scripts/ reads in the data's direction, held by import-linter's contracts in
pyproject.toml: each layer imports only those below it (imports inside functions too),
and no two modules of one package import each other, even by a roundabout way."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=folder, capture_output=True, text=True, timeout=120)


def test_the_tree_keeps_its_contracts():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("module, line, broken", [
    # The model reaching up into a check, from inside a function, where a reviewer might miss it.
    ("model/dates.py", "\n\ndef _later():\n    from ..check import run  # noqa: F401\n", "scripts.model is not allowed to import scripts.check"),
    # A renderer asking a check instead of reading the checker's result.
    ("site/source.py", "\nfrom ..check.quotes import check_quotes  # noqa: F401\n", None),
    # Two exports that import each other: a cycle hidden in a function.
    ("export/web_annotations.py", "\n\ndef _later():\n    from .downloads import downloads  # noqa: F401\n", "No cycles are allowed in scripts.export"),
    ("text/numbers.py", "\nfrom ..model import dates  # noqa: F401\n", "scripts.text is not allowed to import scripts.model"),
])
def test_an_import_against_the_direction_breaks_a_contract(tmp_path, module, line, broken):
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / "scripts" / module, "a", encoding="utf-8") as handle:
        handle.write(line)
    result = lint(tmp_path)
    if broken is None:
        # Above check, the site may read the checker's result, so this import is allowed;
        # the rule that renderers read results, not checks, is held by the next test.
        assert result.returncode == 0, result.stdout
        return
    assert result.returncode != 0 and broken in result.stdout, result.stdout


def test_renderers_and_exports_read_the_checker_s_result_not_its_checks():
    """The site and the downloads may import check.result, check.run and check.schema (the
    schema is the field reference and the data package's constraints), never a check."""
    allowed = {"result", "run", "schema"}
    import re

    found = []
    for folder in ("site", "export"):
        for path in (ROOT / "scripts" / folder).rglob("*.py"):
            for module in re.findall(r"from \.\.+check\.(\w+) import|from scripts\.check\.(\w+) import", path.read_text(encoding="utf-8")):
                name = next(m for m in module if m)
                if name not in allowed:
                    found.append((path.relative_to(ROOT), name))
    assert found == []
