"""Property tests on the real data: any single change to a figure's value, a quote's
character or an entry's date is caught, and so is any swap of two figures' values."""
from __future__ import annotations

import contextlib
import copy
from functools import lru_cache
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from scripts.check import coverage, readings, run, summaries
from scripts.check.result import Result
from scripts.check.run import check_document
from scripts.check.sources import load_sources
from scripts.load.yaml_document import load_file
from tests.conftest import REAL_DATA

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def real_document():
    document, problems = load_file(str(REAL_DATA))
    assert document is not None and not problems
    return document


_LOADED: dict[tuple, tuple] = {}


def _sources_loaded_once(dataset, folder=None):
    """run.load_sources, remembered: the same source files, named alike, give the same texts."""
    key = (dataset.path, folder, tuple((s.id, s.file, s.sha256, s.at) for s in dataset.sources))
    if key not in _LOADED:
        _LOADED[key] = load_sources(dataset, folder)
    texts, problems = _LOADED[key]
    return dict(texts), list(problems)


def _remembered(read):
    """A text reader (numbers, date mentions) that answers a text it has read before from
    memory: each is a function of its text alone, and a sweep's thousands of checks read the
    same quotes again and again, one changed."""
    return lru_cache(maxsize=None)(lambda text: tuple(read(text)))


# Where the checker calls the text readers, each remembered for the sweeps (check_changed).
_READERS = [(module, name, _remembered(getattr(module, name))) for module, name in (
    (readings, "numbers"), (readings, "mentions"), (readings, "anniversary_mentions"),
    (summaries, "numbers"), (summaries, "mentions"), (coverage, "numbers"))]


def check_changed(change) -> Result:
    """The whole check of a copy of the real data with `change` applied to its values.

    The changes tried here leave the source files alone, so their texts are read, hashed and
    indexed once rather than for each of thousands of changes (that was over half of a
    check's time: each text folded again for near misses, its pieces indexed again). The
    texts keep what they have worked out, which depends on the text alone, and so do the
    readers of numbers and dates (a third of what remained). Every other check in the
    suite, test_the_real_data_is_clean's among them, loads and reads afresh."""
    document = copy.copy(real_document())
    document.value = copied(document.value)
    change(document.value)
    with contextlib.ExitStack() as patched:
        patched.enter_context(mock.patch.object(run, "load_sources", _sources_loaded_once))
        for module, name, remembered in _READERS:
            patched.enter_context(mock.patch.object(module, name, remembered))
        return check_document(document)


def copied(value):
    """A deep copy of YAML's values (mappings, lists, and text or numbers, which do not
    change): what copy.deepcopy makes, in a fifth of the time, for the sweeps' thousands."""
    if type(value) is dict:
        return {key: copied(inner) for key, inner in value.items()}
    if type(value) is list:
        return [copied(inner) for inner in value]
    return value


def mutated(change) -> list[str]:
    """Apply `change` to a copy of the real data's values; return the error codes the check gives."""
    return [d.code for d in check_changed(change).errors]


def quote_paths(value: dict) -> list[tuple]:
    paths = [("sources", i, "title") for i in range(len(value["sources"]))]
    for section in ("events", "figures", "left_out"):
        paths += [(section, i, "quote") for i in range(len(value[section]))]
    paths += [("events", i, "inferred", "from") for i, e in enumerate(value["events"]) if "inferred" in e]
    paths += [("sources", i, "published", "inferred", "from") for i in range(len(value["sources"]))]
    paths += [("relations", i, "basis", "quote") for i, r in enumerate(value["relations"]) if isinstance(r["basis"], dict)]
    # The passages a figure's count is inferred from, but those already quoted elsewhere: the
    # same words are read and checked alike wherever they stand.
    quoted = {get(value, path) for path in paths}
    for i, figure in enumerate(value["figures"]):
        for key in ("start", "as_of"):
            span = figure.get(key)
            if isinstance(span, dict) and "inferred" in span and span["inferred"]["from"] not in quoted:
                quoted.add(span["inferred"]["from"])
                paths.append(("figures", i, key, "inferred", "from"))
    return paths


# The exhaustive tests over every quote's characters take the quotes in shares, one test each,
# so that the suite's processes share the work.
SHARES = 4


def quote_share(value: dict, share: int) -> list[tuple]:
    return quote_paths(value)[share::SHARES]


def get(value, path):
    for step in path:
        value = value[step]
    return value


def put(value, path, new):
    get(value, path[:-1])[path[-1]] = new


def test_the_real_data_is_clean():
    assert [d.code for d in check_document(real_document()).errors] == []
    assert mutated(lambda value: None) == []


def test_a_copy_of_the_values_is_equal_and_shares_no_mapping_or_list():
    def containers(value):
        if isinstance(value, (dict, list)):
            yield id(value)
            for inner in value.values() if isinstance(value, dict) else value:
                yield from containers(inner)
    value = real_document().value
    assert copied(value) == value and not set(containers(copied(value))) & set(containers(value))


def test_a_sweep_s_check_reports_what_a_fresh_check_reports():
    def change(value):
        value["figures"][0]["quote"] = value["figures"][0]["quote"].replace("8", "9", 1)
        value["events"][1]["summary"] += " It lasted 40 days."
    document = copy.copy(real_document())
    document.value = copied(document.value)
    change(document.value)
    fresh = [(d.line, d.column, d.code, d.message) for d in check_document(document).diagnostics]
    assert fresh and [(d.line, d.column, d.code, d.message) for d in check_changed(change).diagnostics] == fresh


def test_the_sources_loaded_once_are_those_a_check_loads():
    fresh = check_document(real_document()).texts
    once = check_changed(lambda value: None).texts
    assert fresh and {k: (t.path, t.text, t.sha256) for k, t in once.items()} == {k: (t.path, t.text, t.sha256) for k, t in fresh.items()}


@SETTINGS
@given(st.data())
def test_any_change_to_a_figure_value_is_caught(data):
    index = data.draw(st.integers(0, len(real_document().value["figures"]) - 1))
    old = real_document().value["figures"][index]["value"]
    new = data.draw(st.integers(0, 10**6).filter(lambda v: v != old))
    assert mutated(lambda value: put(value, ("figures", index, "value"), new))


@SETTINGS
@given(st.data())
def test_any_change_to_a_quote_character_is_caught(data):
    path = data.draw(st.sampled_from(quote_paths(real_document().value)))
    quote = get(real_document().value, path)
    at = data.draw(st.integers(0, len(quote) - 1))
    how = data.draw(st.sampled_from(["replace", "delete", "insert"]))
    char = data.draw(st.characters(codec="utf-8", exclude_categories=["Cs"]))
    if how == "replace":
        assume(char != quote[at])
        new = quote[:at] + char + quote[at + 1:]
    elif how == "delete":
        new = quote[:at] + quote[at + 1:]
    else:
        new = quote[:at] + char + quote[at:]
    assume(new != quote)
    assert mutated(lambda value: put(value, path, new)), (path, new)


def date_strings():
    year = st.integers(1900, 2030)
    month = st.integers(1, 12)
    day = st.integers(1, 31)
    return st.one_of(
        year.map(lambda y: f"{y:04d}"),
        st.tuples(year, month).map(lambda t: "%04d-%02d" % t),
        st.tuples(year, month, day).map(lambda t: "%04d-%02d-%02d" % t),
        st.tuples(year, month, day, day).map(lambda t: "%04d-%02d-%02d/%04d-%02d-%02d" % (t[0], t[1], t[2], t[0], t[1], t[3])),
    )


@SETTINGS
@given(st.data())
def test_any_change_to_an_event_date_is_caught(data):
    events = real_document().value["events"]
    index = data.draw(st.integers(0, len(events) - 1))
    event = events[index]
    new_date = data.draw(st.one_of(date_strings(), st.just(event["date"])))
    new_qualifier = data.draw(st.sampled_from([None, "start", "middle", "end"]))
    assume((new_date, new_qualifier) != (event["date"], event.get("qualifier")))

    def change(value):
        entry = value["events"][index]
        entry["date"] = new_date
        entry.pop("qualifier", None)
        if new_qualifier:
            entry["qualifier"] = new_qualifier

    assert mutated(change), (event["id"], new_date, new_qualifier)


def figure_pairs():
    figures = real_document().value["figures"]
    return [(a, b) for a in range(len(figures)) for b in range(a + 1, len(figures)) if figures[a]["value"] != figures[b]["value"]]


def test_every_swap_of_two_figure_values_is_caught():
    pairs = figure_pairs()
    assert len(pairs) >= 50  # 11 figures with distinct values give 55 pairs

    def swap(first, second):
        def change(value):
            items = value["figures"]
            items[first]["value"], items[second]["value"] = items[second]["value"], items[first]["value"]
        return change

    missed = [(a, b) for a, b in pairs if not mutated(swap(a, b))]
    assert missed == []


def test_every_event_date_moved_by_one_is_caught():
    missed = []
    for index, event in enumerate(real_document().value["events"]):
        for new in _neighbours(event["date"]):
            if not mutated(lambda value, index=index, new=new: put(value, ("events", index, "date"), new)):
                missed.append((event["id"], new))
    assert missed == []


def _neighbours(date: str) -> list[str]:
    """The date with each of its numbers one more and one less, as text."""
    import re

    found = []
    for match in re.finditer(r"\d+", date):
        for step in (1, -1):
            number = int(match.group()) + step
            found.append(date[: match.start()] + str(number).zfill(len(match.group())) + date[match.end():])
    return found


@pytest.mark.parametrize("share", range(SHARES))
def test_every_single_character_deletion_from_every_quote_is_caught(share):
    value = real_document().value
    missed = []
    for path in quote_share(value, share):
        quote = get(value, path)
        for at in range(len(quote)):
            shorter = quote[:at] + quote[at + 1:]
            if not mutated(lambda data, path=path, shorter=shorter: put(data, path, shorter)):
                missed.append((path, at))
    assert missed == []


def test_every_change_to_a_place_name_is_caught():
    """A place the quote does not name, by one letter more, less or other, fails (P750)."""
    value = real_document().value
    missed, tried = [], 0
    for index, event in enumerate(value["events"]):
        for k, place in enumerate(event.get("places", [])):
            name = place["name"]
            for changed in (name + "s", name[:-1], name[0].lower() + name[1:], "Ganja"):
                tried += 1
                codes = mutated(lambda data, index=index, k=k, changed=changed: put(data, ("events", index, "places", k, "name"), changed))
                if codes != ["P750"]:
                    missed.append((event["id"], changed, codes))
    assert tried >= 28 and missed == []
