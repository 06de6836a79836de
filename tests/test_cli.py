"""The checker's command line: output format, order, exit status, and that it never writes."""
from __future__ import annotations

import hashlib
import re
import shutil

from tests.conftest import DATA, FIXTURES, ROOT, run_checker

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) (?P<message>.+)$")


def test_real_data_passes_and_shows_the_acknowledged_differences():
    result = run_checker()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "OK: data/timeline.yaml: 0 errors, 2 warnings"
    assert [LINE.match(line).group("code") for line in lines[:-1]] == ["R800", "R800"]
    assert "131 (82 + 20 + 21 + 8), and killed-total is 147" in result.stdout
    assert "killed-total is 147, and recognised-martyrs is 150" in result.stdout


def test_explicit_path_and_a_copy_elsewhere(tmp_path):
    shutil.copytree(DATA, tmp_path / "copy")
    result = run_checker(str(tmp_path / "copy" / "timeline.yaml"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_errors_exit_1_one_per_line_sorted():
    result = run_checker(str(FIXTURES / "impossible_date.yaml"))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("FAILED: ") and "errors" in lines[-1]
    parsed = [LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    keys = [(m.group("path"), int(m.group("line")), int(m.group("col"))) for m in parsed]
    assert keys == sorted(keys)


def test_github_format():
    result = run_checker(str(FIXTURES / "value_not_in_quote.yaml"), "--format", "github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any(line.startswith("::error file=") and ",line=35,col=12,title=F600::" in line for line in annotations), annotations


def test_json_format():
    import json

    result = run_checker(str(FIXTURES / "value_not_in_quote.yaml"), "--format", "json")
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert {"path", "line", "column", "code", "severity", "message"} <= set(items[0])


def test_usage_errors_exit_2():
    assert run_checker("no/such/file.yaml").returncode == 2
    assert "no such file" in run_checker("no/such/file.yaml").stderr
    assert run_checker("--bogus").returncode == 2
    assert run_checker("--format", "xml").returncode == 2
    assert run_checker("a.yaml", "b.yaml").returncode == 2


def test_the_checker_never_writes(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "data").rglob("*") if p.is_file()}
    run_checker(str(tmp_path / "data" / "timeline.yaml"), cwd=tmp_path)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "data").rglob("*") if p.is_file()}
    assert before == after
    assert set(tmp_path.rglob("*")) == set((tmp_path / "data").rglob("*")) | {tmp_path / "data"}


def test_source_copy_is_byte_identical_to_the_shared_source():
    shared = ROOT.parent / "shared" / "sources" / "000_9c0400da760e69ac.txt"
    ours = DATA / "sources" / "000_9c0400da760e69ac.txt"
    digest = hashlib.sha256(ours.read_bytes()).hexdigest()
    assert digest == "ee4f27132733602e7b9e68aab0dc79ad89ee1f626895b4bb884f62cb97653f04"
    if shared.exists():
        assert shared.read_bytes() == ours.read_bytes()
