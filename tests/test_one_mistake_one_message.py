"""One mistake gives one message: what follows from a mistake is not reported again.

Exhaustive on the real data: every single-letter substitution inside every quote, and
every field misspelt or left out, gives exactly one error line."""
from __future__ import annotations

import copy
import re

import pytest

from scripts.check.run import check_document
from scripts.diagnostics import format_text
from tests.test_properties import get, put, quote_paths, real_document


def errors_after(change) -> list[str]:
    document = copy.copy(real_document())
    document.value = copy.deepcopy(document.value)
    change(document.value)
    return [format_text(d) for d in check_document(document).errors]


def next_letter(letter: str) -> str:
    following = chr((ord(letter.lower()) - ord("a") + 1) % 26 + ord("a"))
    return following.upper() if letter.isupper() else following


def test_every_single_letter_substitution_in_every_quote_gives_one_error():
    value = real_document().value
    wrong = []
    cases = 0
    for path in quote_paths(value):
        quote = get(value, path)
        for at, letter in enumerate(quote):
            if not ("a" <= letter.lower() <= "z"):
                continue
            changed = quote[:at] + next_letter(letter) + quote[at + 1:]
            lines = errors_after(lambda data, path=path, changed=changed: put(data, path, changed))
            cases += 1
            if len(lines) != 1 or ": Q500 " not in lines[0]:
                wrong.append((path, changed, lines))
    assert cases > 1500
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
    "figures": {"id", "label", "kind", "unit", "value", "event", "source", "quote"},
    "relations": {"id", "kind", "parts", "total"},
    "left_out": {"quote", "source", "reason"},
    "inferred": {"parts", "from", "reason"},
    "published": {"date"},
    "acknowledged": {"difference", "note"},
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
