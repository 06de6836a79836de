"""One mistake gives one message: what follows from a mistake is not reported again.

Exhaustive on the real data: every single-letter substitution inside every quote, and
every field misspelt or left out, gives exactly one error line."""
from __future__ import annotations

import copy
import re

import pytest

from scripts.diagnostics import format_text
from tests.test_properties import SHARES, check_changed, get, put, quote_share, real_document


def errors_after(change) -> list[str]:
    return [format_text(d) for d in check_changed(change).errors]


def next_letter(letter: str) -> str:
    following = chr((ord(letter.lower()) - ord("a") + 1) % 26 + ord("a"))
    return following.upper() if letter.isupper() else following


@pytest.mark.parametrize("share", range(SHARES))
def test_every_single_letter_substitution_in_every_quote_gives_one_error(share):
    value = real_document().value
    wrong = []
    cases = 0
    for path in quote_share(value, share):
        quote = get(value, path)
        for at, letter in enumerate(quote):
            if not ("a" <= letter.lower() <= "z"):
                continue
            changed = quote[:at] + next_letter(letter) + quote[at + 1:]
            lines = errors_after(lambda data, path=path, changed=changed: put(data, path, changed))
            cases += 1
            if len(lines) != 1 or ": Q500 " not in lines[0]:
                wrong.append((path, changed, lines))
    assert cases > 1500 // SHARES  # over 1500 in all
    assert wrong == []


def entries(value: dict):
    """(path of an entry or nested mapping, its mapping) for every mapping an editor writes."""
    for section in ("sources", "events", "figures", "relations", "left_out"):
        for index, entry in enumerate(value[section]):
            yield (section, index), entry
            for key, inner in entry.items():
                if isinstance(inner, dict):
                    yield (section, index, key), inner
                    for key2, inner2 in inner.items():
                        if isinstance(inner2, dict):
                            yield (section, index, key, key2), inner2


def misspellings(key: str) -> list[str]:
    """A dropped letter, a doubled letter and two letters swapped, as editors type them."""
    found = {key[:-1] if len(key) > 2 else key + "s", key + key[-1], key[:1] + key[1:].replace(key[1:2], key[1:2] * 2, 1)}
    if len(key) > 3:
        found.add(key[0] + key[2] + key[1] + key[3:])
    return sorted(k for k in found if k != key)


def all_fields():
    for path, mapping in entries(real_document().value):
        for key in mapping:
            yield path, key


def rename(path, key, new):
    def change(value):
        mapping = get(value, path)
        items = [(new if k == key else k, v) for k, v in mapping.items()]
        mapping.clear()
        mapping.update(items)
    return change


def test_every_misspelt_field_gives_one_error_with_the_right_suggestion():
    wrong = []
    for path, key in all_fields():
        for typo in misspellings(key):
            lines = errors_after(rename(path, key, typo))
            expected = f"S200 unknown field '{typo}'; did you mean '{key}'?"
            if len(lines) != 1 or expected not in lines[0]:
                wrong.append((path, key, typo, lines))
    assert wrong == []


REQUIRED = {
    "sources": {"id", "file", "sha256", "publisher", "title", "published"},
    "events": {"id", "date", "title", "summary", "source", "quote"},
    "figures": {"id", "label", "kind", "unit", "value", "event", "start", "as_of", "source", "quote"},
    "relations": {"id", "kind", "parts", "total", "basis", "reason"},  # reason: with basis: editors
    "left_out": {"quote", "source", "reason"},
    "inferred": {"parts", "from", "reason"},
    "published": {"date"},
    "start": {"date"},
    "as_of": {"date"},
    "acknowledged": {"difference", "note"},
    "basis": {"quote", "source"},
}


def test_every_missing_required_field_gives_one_error_naming_it():
    wrong = []
    checked = 0
    for path, key in all_fields():
        kind = path[0] if len(path) == 2 else path[-1]
        if key not in REQUIRED[kind]:
            continue
        checked += 1
        lines = errors_after(lambda value, path=path, key=key: get(value, path).pop(key))
        if len(lines) != 1 or "S201 " not in lines[0] or f"the field '{key}'" not in lines[0]:
            wrong.append((path, key, lines))
    assert checked > 200
    assert wrong == []


@pytest.mark.parametrize("key", ["qualifier", "inferred", "acknowledged", "by"])
def test_an_optional_field_left_out_gives_at_most_one_error(key):
    """Without an optional field the data may still be right (no url), or wrong once (no inferred)."""
    counts = []
    for path, field in all_fields():
        if field == key:
            counts.append(len(errors_after(lambda value, path=path: get(value, path).pop(key))))
    assert counts and max(counts) == 1, counts


def test_two_misspelt_fields_give_two_messages():
    lines = errors_after(lambda value: (rename(("events", 0), "title", "titel")(value), rename(("events", 0), "summary", "sumary")(value)))
    assert [re.search(r" (S\d{3}) ", line).group(1) for line in lines] == ["S200", "S200"]


def test_every_required_field_written_under_another_name_gives_one_error():
    """A wrong key beside a missing required one ("passage:" for "from:") is one mistake."""
    wrong, checked = [], 0
    for path, key in all_fields():
        kind = path[0] if len(path) == 2 else path[-1]
        if key not in REQUIRED[kind]:
            continue
        checked += 1
        lines = errors_after(rename(path, key, "zzzz"))
        if len(lines) != 1 or f"S200 unknown field 'zzzz' where '{key}' is missing; did you mean '{key}'?" not in lines[0]:
            wrong.append((path, key, lines))
    assert checked > 200 and wrong == []


def with_an_inferred_place(value: dict) -> dict:
    """The real data holds no place inferred from another passage; give one event such a place,
    so that its fields are tried too."""
    for event in value["events"]:
        if event["id"] == "deaths-before-emergency-announced":
            event["places"] = [{"name": "Baku", "inferred": {"from": "deployed to Baku and several regions of Azerbaijan", "reason": "Part of that deployment."}}]
    return value


def every_mapping(value, path=()):
    """(path, mapping) for every mapping in the data, in lists (places) as well."""
    if isinstance(value, dict):
        if path:
            yield path, value
        for key, inner in value.items():
            yield from every_mapping(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from every_mapping(inner, path + (index,))


REQUIRED_BY_PLACE = {"events.places": {"name"}, "events.places.inferred": {"from", "reason"}}


def required_of(path: tuple) -> set[str]:
    named = ".".join(str(step) for step in path if isinstance(step, str))
    if named in REQUIRED_BY_PLACE:
        return REQUIRED_BY_PLACE[named]
    return REQUIRED.get(path[0] if len(path) == 2 else path[-1], set())


def test_every_required_field_deleted_anywhere_gives_one_error():
    base = with_an_inferred_place(copy.deepcopy(real_document().value))
    assert errors_after(lambda value: with_an_inferred_place(value)) == []
    wrong, checked = [], 0
    for path, mapping in every_mapping(base):
        for key in sorted(required_of(path) & set(mapping)):
            checked += 1
            lines = errors_after(lambda value, path=path, key=key: get(with_an_inferred_place(value), path).pop(key))
            if len(lines) != 1 or "S201 " not in lines[0]:
                wrong.append((path, key, lines))
    assert checked > 200 and wrong == []


def without(section: str, entry_id: str):
    def change(value):
        if section == "sources":  # the schema wants one source at least: keep another
            value["sources"].append({**copy.deepcopy(value["sources"][0]), "id": "another-source"})
        value[section] = [e for e in value[section] if e.get("id") != entry_id]
    return change


def test_every_event_or_source_deleted_gives_one_error():
    value = real_document().value
    named = {f["event"] for f in value["figures"] if isinstance(f["event"], str)}
    wrong = []
    for section, ids in (("events", [e["id"] for e in value["events"] if e["id"] in named]), ("sources", [s["id"] for s in value["sources"]])):
        for entry_id in ids:
            lines = errors_after(without(section, entry_id))
            if len(lines) != 1 or " M302 " not in lines[0] or repr(entry_id) not in lines[0]:
                wrong.append((section, entry_id, lines))
    assert len(named) >= 5 and wrong == []


def test_every_date_made_impossible_gives_one_error():
    value = real_document().value
    wrong, checked = [], 0
    for index, event in enumerate(value["events"]):
        for impossible in ("1990-13", "1990-02-30", "1990-01-20/1990-01-19"):
            checked += 1
            lines = errors_after(lambda data, index=index, impossible=impossible: put(data, ("events", index, "date"), impossible))
            if len(lines) != 1 or " M300 " not in lines[0]:
                wrong.append((event["id"], impossible, lines))
    assert checked == 3 * len(value["events"]) and wrong == []


def test_a_deleted_event_is_one_message_that_names_every_line_naming_it():
    from tests.conftest import REAL_DATA

    named_at = [n for n, line in enumerate(REAL_DATA.read_text(encoding="utf-8").split("\n"), 1) if line.strip() == "event: troops-enter-baku"]
    assert len(named_at) >= 3
    (line,) = errors_after(without("events", "troops-enter-baku"))
    first, *others = named_at
    listed = ", ".join(str(n) for n in others[:-1]) + f" and {others[-1]}"
    assert line.endswith(f":{first}:12: M302 no event has the id 'troops-enter-baku'; lines {listed} name it too"), line


# --- what a summary may say of its dates (F603, T705) -------------------------------------

SUMMARY_EDITS = {
    # (event id, the summary's words, their replacement)
    "a month the event's year does not hold": ("karabakh-issue-reignited", "at the end of 1987", "in March 1987"),
    "another part of the year": ("karabakh-issue-reignited", "at the end of 1987", "at the start of 1987"),
    "a day the event's month does not hold": ("deaths-after-emergency", "killed in the days", "killed on 31 January in the days"),
    "a weekday no quote writes": ("heydar-aliyev-statement", "on 21 January Heydar", "on Tuesday, 21 January Heydar"),
    "a time no quote writes": ("heydar-aliyev-statement", "on 21 January Heydar", "on 21 January at 3 a.m. Heydar"),
}


@pytest.mark.parametrize("what", SUMMARY_EDITS)
def test_a_summary_date_that_says_more_than_the_entry_is_one_t705(what):
    event_id, old, new = SUMMARY_EDITS[what]

    def change(data):
        (event,) = [e for e in data["events"] if e["id"] == event_id]
        assert old in event["summary"]
        event["summary"] = event["summary"].replace(old, new)

    (line,) = errors_after(change)
    assert " T705 " in line, line
