"""The benchmark times the checker on sound data: were its synthetic data to fail a check,
it would time the reporting of errors instead (it once did: its summaries wrote numbers no
quote held), and print figures that compare with nothing."""
from __future__ import annotations

from benchmarks.check_speed import write
from scripts.check.run import check_file
from scripts.text.date_mentions import mentions


def test_the_benchmark_s_synthetic_data_is_sound(tmp_path):
    path, _ = write(120, str(tmp_path))
    result = check_file(path)
    assert result.diagnostics == []
    # It measures the common case: a figure whose quote writes the day its count starts.
    assert all(f.start.inferred is None and f.as_of is None and mentions(f.quote) for f in result.dataset.figures)


def test_its_values_that_read_as_years_are_counts(tmp_path):
    """From the 800th event on, values run from 1800 to 2099, which a bare "1800" would
    read as a year; the figure's value is the count, and its quote's date the date."""
    path, _ = write(1_100, str(tmp_path))
    result = check_file(path)
    assert result.diagnostics == []
    assert {f.value for f in result.dataset.figures} >= set(range(1800, 2100))
