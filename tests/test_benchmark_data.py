"""The benchmark times the checker on sound data: were its synthetic data to fail a check,
it would time the reporting of errors instead (it once did: its summaries wrote numbers no
quote held), and print figures that compare with nothing."""
from __future__ import annotations

from benchmarks.check_speed import write
from scripts.check.run import check_file


def test_the_benchmark_s_synthetic_data_is_sound(tmp_path):
    path, _ = write(120, str(tmp_path))
    result = check_file(path)
    assert result.diagnostics == []
