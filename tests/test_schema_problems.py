"""A file that breaks the schema is read by jsonschema only where it breaks it: its outline,
and the entries that fail. The problems found are those one pass over the whole file finds,
placed alike, whatever is broken and wherever."""
from __future__ import annotations

import copy

from hypothesis import given, settings, HealthCheck
from hypothesis import strategies as st

from scripts.check.schema import SCHEMA_PATH, _problems, _Strict, load_schema
from tests.test_properties import real_document

WRONG_VALUES = [None, 1.5, 147.0, -1, "", "x y", "x" * 40, [], {}, True, "1990-13-01", ["a"], {"date": "1990"}]


def every_place(value, path=()):
    """The path of every value in the data, the file itself included."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from every_place(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from every_place(inner, path + (index,))


PLACES = list(every_place(real_document().value))


def broken(value, path: tuple, how: str, wrong):
    """The data with one place broken: its value replaced, its key deleted or misspelt, or a
    field added beside it."""
    if not path:
        return wrong if how == "replace" else {**value, "extra": wrong}
    holder = value
    for step in path[:-1]:
        holder = holder[step]
    last = path[-1]
    if how == "replace":
        holder[last] = wrong
    elif how == "delete":
        del holder[last]
    elif how == "misspell" and isinstance(last, str):
        holder[last + "s"] = holder.pop(last)
    elif how == "add" and isinstance(holder, dict):
        holder["note"] = wrong
    return value


def found(problems) -> list[tuple]:
    return sorted((tuple(map(str, p.absolute_path)), p.validator, p.message) for p in problems)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(PLACES), st.sampled_from(["replace", "delete", "misspell", "add"]), st.sampled_from(WRONG_VALUES)), min_size=1, max_size=3),
)
def test_the_failing_entries_give_what_the_whole_file_gives(changes):
    value = copy.deepcopy(real_document().value)
    for path, how, wrong in changes:
        try:
            value = broken(value, path, how, wrong)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change took this place away
    whole = _Strict(load_schema()).iter_errors(value)
    assert found(_problems(value, str(SCHEMA_PATH))) == found(whole)


def test_a_float_in_an_entry_that_otherwise_passes_is_found():
    value = copy.deepcopy(real_document().value)
    value["figures"][3]["value"] = float(value["figures"][3]["value"])
    (problem,) = _problems(value, str(SCHEMA_PATH))
    assert (list(problem.absolute_path), problem.validator) == (["figures", 3, "value"], "type")


def test_a_broken_outline_and_a_broken_entry_are_both_found():
    value = copy.deepcopy(real_document().value)
    value["schema_version"] = 2
    del value["events"][1]["title"]
    assert [(list(p.absolute_path), p.validator) for p in _problems(value, str(SCHEMA_PATH))] == [
        (["schema_version"], "const"), (["events", 1], "required")]


def test_a_short_title_over_its_length_is_found_alone_and_beside_another_problem():
    """short_title's maxLength stands beside a $ref, which fastjsonschema once passed over."""
    from scripts.check.schema import validate

    value = copy.deepcopy(real_document().value)
    value["events"][1]["short_title"] = "x" * 40
    document = copy.copy(real_document())
    document.value = value
    assert [(d.code, d.message) for d in validate(document)] == [("S203", "'short_title' is 40 characters long; write at most 32")]
    value["schema_version"] = 2
    assert sorted((list(p.absolute_path), p.validator) for p in _problems(value, str(SCHEMA_PATH))) == [
        (["events", 1, "short_title"], "maxLength"), (["schema_version"], "const")]
