"""The article's disagreement drawn from the relations: the geometry of each drawing."""
from __future__ import annotations

import copy

import pytest

from scripts.check.run import check_file
from scripts.site.disagreement import drawing, drawings
from tests.conftest import REAL_DATA


@pytest.fixture(scope="module")
def dataset():
    return check_file(str(REAL_DATA)).dataset


def values(row):
    return [(s.kind, s.value) for s in row.segments]


def test_a_sum_stacks_its_parts_against_the_total_and_marks_what_is_missing(dataset):
    made = drawings(dataset)["killed-parts-versus-total"]
    parts, total = made.rows
    assert values(parts) == [("part", 82), ("part", 20), ("part", 21), ("part", 8), ("difference", 16)]
    assert values(total) == [("whole", 147)]
    assert parts.segments[-2].stop == pytest.approx(131 / 147) and parts.segments[-1].stop == pytest.approx(1.0)
    assert all(a.stop == pytest.approx(b.start) for a, b in zip(parts.segments, parts.segments[1:]))
    assert made.difference == 16 and "131 against 147" in made.summary


def test_a_comparison_sets_the_two_side_by_side_and_marks_the_difference(dataset):
    made = drawings(dataset)["killed-total-versus-recognised"]
    assert made.relation.kind == "comparison"
    assert made.summary == "Drawn to scale, the two figures side by side: 147 and 150; the dashed outline marks the 3 by which they differ."
    first, second = made.rows
    assert values(first) == [("part", 147), ("difference", 3)] and values(second) == [("whole", 150)]
    assert first.segments[0].stop == pytest.approx(147 / 150)


def test_an_at_most_draws_the_part_inside_its_whole(dataset):
    made = drawings(dataset)["prisons-within-detained"]
    (row,) = made.rows
    assert [s.kind for s in row.segments] == ["part", "whole"]
    assert row.segments[0].stop == pytest.approx(112 / 841) and row.segments[1].stop == pytest.approx(1.0)
    assert not row.segments[1].inside  # 729 is not a number the article writes
    assert made.summary == "Drawn to scale: 112 inside a bar of 841."


def test_no_number_is_written_in_the_drawings_code(dataset):
    """Every number comes from the data: change a figure and the drawing follows."""
    figures = {f.id: copy.copy(f) for f in dataset.figures}
    relation = next(r for r in dataset.relations if r.kind == "sum")
    figures["killed-total"] = type(figures["killed-total"])(**{**figures["killed-total"].__dict__, "value": 200})
    made = drawing(relation, figures)
    assert values(made.rows[0])[-1] == ("difference", 69) and made.difference == 69


def test_numbers_are_written_inside_only_where_they_fit_on_the_narrowest_screen(dataset):
    for made in drawings(dataset).values():
        for row in made.rows:
            for segment in row.segments:
                if segment.inside:
                    assert (segment.stop - segment.start) * 260 >= 12
