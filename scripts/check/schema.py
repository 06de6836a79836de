"""Validate the data against its JSON Schema, with messages an editor can act on."""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple

import fastjsonschema

if TYPE_CHECKING:  # jsonschema is imported only when a file fails the quick check
    from jsonschema import Draft202012Validator, ValidationError

from ..diagnostics import Diagnostic, error
from ..load.yaml_document import Document

SCHEMA_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "timeline.schema.json"

_TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping", "number": "a number", "boolean": "true or false", "null": "empty"}
_PATTERN_HINTS = {
    "id": "an id is lower-case letters and digits in words joined by hyphens, such as 'deaths-in-baku'",
    "date": "write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD",
    "sha256": "a SHA-256 is 64 lower-case hexadecimal digits (sha256sum prints it)",
    "quote": "a quote starts and ends with a non-space character",
    "url": "write a full https:// address",
    "file": "write sources/ and the file's name, of letters, digits, '.', '_' and '-' (the file lies in data/sources/, beside the data file)",
}


@lru_cache(maxsize=None)
def load_schema(schema_path: str = str(SCHEMA_PATH)) -> dict:
    """The data's JSON Schema, read once: the checker, the field reference and the data
    package's constraints all read it. Callers must not change it."""
    with open(schema_path, encoding="utf-8") as handle:
        return json.load(handle)


def _whole_number(checker, instance) -> bool:
    # JSON Schema counts 147.0 as an integer, and YAML reads "value: 147.0" as a float; the
    # model, the arithmetic and the CSV's integer column need an int, so a float is refused.
    return isinstance(instance, int) and not isinstance(instance, bool)


@lru_cache(maxsize=None)
def _strict_validator() -> type:
    """jsonschema's validator of draft 2020-12, with an integer that is an int. Imported here:
    jsonschema takes a quarter of the checker's start-up, and a sound file never needs it."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _whole_number))


def _Strict(schema: dict) -> "Draft202012Validator":
    return _strict_validator()(schema)


@lru_cache(maxsize=None)
def _validators(schema_path: str) -> tuple[Callable[[Any], Any], tuple[tuple, ...]]:
    """The quick validator of the whole file, and where the file holds an integer."""
    schema = load_schema(schema_path)
    return fastjsonschema.compile(_refs_apart(schema)), tuple(_integer_paths(schema, schema, ()))


def _refs_apart(spec: Any) -> Any:
    """The schema with each $ref that has other keywords beside it (short_title's maxLength)
    put in an allOf of its own: draft 2020-12 applies those keywords, but fastjsonschema,
    reading a $ref as earlier drafts did, would pass over them."""
    if isinstance(spec, list):
        return [_refs_apart(inner) for inner in spec]
    if not isinstance(spec, dict):
        return spec
    spec = {key: _refs_apart(inner) for key, inner in spec.items()}
    if "$ref" in spec and len(spec) > 1:
        spec = {**{k: v for k, v in spec.items() if k != "$ref"}, "allOf": [{"$ref": spec["$ref"]}, *spec.get("allOf", [])]}
    return spec


class _Entries(NamedTuple):
    """What validates one section's entries: quickly, in full, and where they hold integers."""
    quick: Callable[[Any], Any]
    strict: Draft202012Validator
    integers: tuple[tuple, ...]


@lru_cache(maxsize=None)
def _failure_validators(schema_path: str) -> tuple[Draft202012Validator, dict[str, _Entries]]:
    """For a file that breaks the schema: the file's outline (its sections without their
    entries' insides), and each section's entries. Made only when a file first fails."""
    schema = load_schema(schema_path)
    outline = {**schema, "properties": {name: {k: v for k, v in spec.items() if k != "items"} for name, spec in schema["properties"].items()}}
    entries = {}
    for name, spec in schema["properties"].items():
        if "items" in spec:
            entry = {"$schema": schema["$schema"], "$defs": schema["$defs"], **spec["items"]}
            entries[name] = _Entries(fastjsonschema.compile(_refs_apart(entry)), _Strict(entry), tuple(_integer_paths(schema, spec["items"], ())))
    return _Strict(outline), entries


def _integer_paths(schema: dict, spec: dict, path: tuple):
    """Where the schema asks for an integer, as paths with "*" for any list item."""
    while "$ref" in spec:
        spec = {**schema["$defs"][spec["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in spec.items() if k != "$ref"}}
    if spec.get("type") == "integer":
        yield path
    for name, inner in spec.get("properties", {}).items():
        yield from _integer_paths(schema, inner, path + (name,))
    if isinstance(spec.get("items"), dict):
        yield from _integer_paths(schema, spec["items"], path + ("*",))


def _floats_at(value: Any, path: tuple) -> bool:
    if not path:
        return isinstance(value, float)
    step, rest = path[0], path[1:]
    if step == "*":
        return isinstance(value, list) and any(_floats_at(item, rest) for item in value)
    return isinstance(value, dict) and step in value and _floats_at(value[step], rest)


def validate(document: Document, schema_path: Path = SCHEMA_PATH) -> list[Diagnostic]:
    """One diagnostic for each way the document breaks the schema, each problem once."""
    quick, integers = _validators(str(schema_path))
    try:
        # fastjsonschema compiles the schema to Python and answers valid data some 50 times
        # faster; it stops at the first problem, so jsonschema then lists them all. It takes
        # 147.0 for an integer, so a float where an integer belongs is looked for apart.
        quick(document.value)
        if not any(_floats_at(document.value, path) for path in integers):
            return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems = list(_problems(document.value, str(schema_path)))
    missing = _missing_fields(problems)
    misspelt = _misspellings(problems, missing)
    found: list[Diagnostic] = []
    for path, keys in missing.items():
        found += _missing(document, path, keys, misspelt.get(path, set()))
    for problem in problems:
        if problem.validator != "required":
            found += _diagnose(document, problem, tuple(problem.absolute_path), missing)
    return found


def _problems(value: Any, schema_path: str) -> Iterator[ValidationError]:
    """Every problem jsonschema finds in the file, as it would find them in one pass, but
    with only the entries that fail read by it: a pass over the whole file took 25 ms, and
    a file with one mistake usually has one entry that fails."""
    outline, entries = _failure_validators(schema_path)
    yield from outline.iter_errors(value)
    if not isinstance(value, dict):
        return
    for section, entry in entries.items():
        items = value.get(section)
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if _passes(entry.quick, item) and not any(_floats_at(item, path) for path in entry.integers):
                continue
            for problem in entry.strict.iter_errors(item):
                problem.relative_path.extendleft((index, section))  # as the whole file's pass places it
                yield problem


def _passes(quick: Callable[[Any], Any], value: Any) -> bool:
    try:
        quick(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _missing_fields(problems) -> dict[tuple, list[str]]:
    """For each mapping, the fields it lacks: those every entry of its kind has, and those
    another field calls for (reason: beside basis: editors). jsonschema reports each missing
    field as its own problem, each listing every field its schema requires."""
    missing: dict[tuple, list[str]] = {}
    for problem in problems:
        if problem.validator == "required":
            lacking = missing.setdefault(tuple(problem.absolute_path), [])
            lacking += [k for k in problem.validator_value if k not in problem.instance and k not in lacking]
    return missing


def _misspellings(problems, missing: dict[tuple, list[str]]) -> dict[tuple, set[str]]:
    """For each mapping, the known fields that one of its unknown fields is a misspelling of."""
    meant: dict[tuple, set[str]] = {}
    for problem in problems:
        if problem.validator == "additionalProperties":
            path = tuple(problem.absolute_path)
            for key in problem.instance:
                close = _meant_field(key, problem.schema, problem.instance, missing.get(path, []))
                if close:
                    meant.setdefault(path, set()).add(close)
    return meant


def _meant_field(key: str, schema: dict, entry: dict, missing: list[str]):
    """The known field an unknown one misspells: first among those the entry lacks; failing
    that, the one required field the entry lacks, where this is its one unknown field."""
    known = sorted(schema.get("properties", {}))
    if key in known:
        return None
    return _closest(key, [k for k in known if k not in entry]) or _closest(key, known) or _lone_missing(key, schema, entry, missing)


def _lone_missing(key: str, schema: dict, entry: dict, missing: list[str]):
    """One unknown field where one required field is missing ("passage:" for "from:") is one
    mistake: the field written under another name."""
    known = schema.get("properties", {})
    unknown = [k for k in entry if k not in known]
    return missing[0] if unknown == [key] and len(missing) == 1 else None


# What to write where a field is missing, for the fields whose form is not obvious.
_MISSING_HINTS = {
    "basis": "; write basis: with the quote and source of the passage that states the relation, or basis: editors with the editors' reason",
    "reason": "; a relation whose basis is editors says why, in words, under reason:",
}


def _missing(document: Document, path: tuple, keys: list[str], misspelt: set[str]) -> list[Diagnostic]:
    """The missing fields, but those the entry writes with a misspelling (reported as S200)."""
    return [error(document.path, document.pos(path), "S201", f"{_where(path)} is missing the field {key!r}{_MISSING_HINTS.get(key, '')}")
            for key in keys if key not in misspelt]


# Why a known field cannot stand where it is written (the schema's `not: {}` for it there:
# jsonschema reports a `false` without the field's name in its path).
_NOT_HERE = {
    "reason": "'reason' belongs to a relation whose basis is editors; where the basis is the source's passage, that passage "
              "is the reason: remove 'reason', or write basis: editors",
    "acknowledged": "'acknowledged' is not for a comparison: a comparison does not claim that its figures agree, so a difference "
                    "is shown to readers, never acknowledged; remove 'acknowledged', or choose the kind the source states",
}


def _diagnose(document: Document, problem, path: tuple, missing: dict[tuple, list[str]]) -> list[Diagnostic]:
    field = _field_name(path)
    kind = problem.validator
    if kind == "additionalProperties":
        known = problem.schema.get("properties", {})
        return [_unknown(document, path, key, problem.schema, problem.instance, missing.get(path, []))
                for key in problem.instance if key not in known]
    if kind == "not" and problem.validator_value == {}:
        return [error(document.path, document.key_pos(path), "S204", _NOT_HERE.get(field, f"{field!r} is not allowed here; remove it"))]
    if kind == "type":
        return [error(document.path, document.pos(path), "S202", _type_message(field, problem))]
    return [error(document.path, document.pos(path), "S203", _value_message(field, problem))]


def _unknown(document: Document, path: tuple, key: str, schema: dict, entry: dict, missing: list[str]) -> Diagnostic:
    known = sorted(schema.get("properties", {}))
    close = _closest(key, [k for k in known if k not in entry]) or _closest(key, known)
    lone = None if close else _lone_missing(key, schema, entry, missing)
    where = f" where {lone!r} is missing" if lone else ""
    return error(document.path, document.key_pos(path + (key,)), "S200", f"unknown field {key!r}{where}{_suggest(close or lone)}")


def _field_name(path: tuple) -> str:
    for step in reversed(path):
        if isinstance(step, str):
            return step
    return "the file"


def _where(path: tuple) -> str:
    if not path:
        return "the file"
    if isinstance(path[-1], int):
        return f"item {path[-1] + 1} of {_field_name(path)!r}"
    return repr(path[-1])


def _type_message(field: str, problem) -> str:
    expected = problem.validator_value if isinstance(problem.validator_value, list) else [problem.validator_value]
    wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
    got = problem.instance
    subject = f"{field!r}" if problem.absolute_path else "the file"
    message = f"{subject} must be {wanted}, not {_describe_value(got)}"
    if not problem.absolute_path:
        message += "; it holds schema_version, sources, events, figures, relations and left_out"
    if field in ("start", "as_of") and "object" in expected and not isinstance(got, (dict, list)):
        message += f"; write {_SPAN_FORM.format(field=field, date=_date_shown(got))}"
        if field == "start" and got == "not stated":
            message += "; every count has a start, though its end may be not stated"
        if field == "as_of":
            message += ", or not stated where the source does not say when the count ends"
    if "string" in expected and isinstance(got, bool):
        message += "; YAML reads yes, no, on, off, true and false as true or false, so put the text in quotes"
    elif expected == ["string"] and isinstance(got, (int, float)):
        message += f"; put the value in quotes: \"{_plain(got)}\""
    if "integer" in expected and isinstance(got, float):
        message += f"; write it without a decimal point: {int(got)}" if got.is_integer() else "; a count is a whole number"
    if "integer" in expected and isinstance(got, str) and got.replace(",", "").strip().isdigit():
        message += f"; write the digits without quotes or commas: {got.replace(',', '').strip()}"
    return message


# How a figure's start or as_of is written, for the messages about either.
_SPAN_FORM = "{field}: on its own line and, indented below it, date: {date} (with inferred: where the figure's quote does not write the date)"


def _date_shown(value) -> str:
    """The value as an editor would write it under date:, a year in quotes."""
    text = str(value)
    return f'"{text}"' if text.isdigit() else text if _looks_like_date(text) else "YYYY-MM-DD"


def _looks_like_date(text: str) -> bool:
    return re.fullmatch(r"\d{4}(-\d{2}(-\d{2}(/\d{4}-\d{2}-\d{2})?)?)?", text) is not None


def _value_message(field: str, problem) -> str:
    kind, got = problem.validator, problem.instance
    if kind == "oneOf" and field == "event":
        return (f"{field!r} {_describe_value(got)} is not valid: write the id of one event (lower-case words joined by hyphens), "
                "or a list of the ids of two or more events: [first-event, second-event]")
    if kind == "const" and field == "as_of":
        return (f"'as_of' cannot be {_describe_value(got)}: write not stated where the source does not say when the count ends, or give "
                f"the end as a mapping, {_SPAN_FORM.format(field='as_of', date=_date_shown(got))}{_did_you_mean(str(got), ['not stated'])}")
    if kind == "const" and field == "basis":
        return (f"'basis' cannot be {_describe_value(got)}: write editors (with the editors' reason under reason:), or, where the "
                f"source states the relation, a mapping of the passage's quote and source{_did_you_mean(str(got), ['editors'])}")
    if kind in ("enum", "const"):
        allowed = problem.validator_value if kind == "enum" else [problem.validator_value]
        names = [str(a) for a in allowed]
        message = f"{field!r} cannot be {_describe_value(got)}; write one of: {', '.join(names)}{_did_you_mean(str(got), names)}"
        if field == "kind" and kind == "enum" and list(problem.absolute_path)[:1] == ["figures"] and _closest(str(got), names) is None:
            message += f"; to add a kind, add {got!r} to the list under $defs.figure.properties.kind.enum in {SCHEMA_PATH.parent.name}/{SCHEMA_PATH.name}"
        return message
    if kind == "pattern":
        hint = _PATTERN_HINTS.get(_pattern_kind(field), "it does not have the expected form")
        return f"{field!r} {_describe_value(got)} is not valid: {hint}"
    if kind == "minItems":
        return f"{field!r} needs at least {problem.validator_value} item(s)"
    if kind == "maxItems" and field == "parts":
        return (f"'parts' lists {len(got)} figures, but an equal or a comparison relation sets one figure against its total: "
                "give one id, or choose the kind sum (parts that add up to the total) or at-most")
    if kind == "minimum":
        return f"{field!r} cannot be less than {problem.validator_value}"
    if kind == "uniqueItems":
        return f"{field!r} lists the same item twice"
    if kind == "minLength":
        return f"{field!r} is empty"
    if kind == "maxLength":
        return f"{field!r} is {len(got)} characters long; write at most {problem.validator_value}"
    return f"{field!r}: {problem.message}"


def _pattern_kind(field: str) -> str:
    if field in ("id", "source", "event", "total", "parts"):
        return "id"
    if field in ("quote", "from", "title"):
        return "quote"
    return field


def _describe_value(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{_plain(value)} (true/false)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, (int, float)):
        return str(value)
    return "a list" if isinstance(value, list) else "a mapping"


def _plain(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _closest(word: str, choices: list[str]):
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(word: str, choices: list[str]) -> str:
    return _suggest(_closest(word, choices))


def _suggest(close) -> str:
    return f"; did you mean {close!r}?" if close else ""
