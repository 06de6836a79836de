"""The editing guide: its mistakes, made in a copy of data/, print what the page shows;
almost-verbatim quotes get the source's exact words with their place; and the field
reference, generated from the schema, lists every field with its meaning and an example."""
from __future__ import annotations

import html
import json
import re
import shutil

import jsonschema
import markupsafe
import pytest

from scripts.check.run import check_file
from scripts.diagnostics import format_text
from scripts.site.guide_examples import MISTAKES, apply, examples
from tests.conftest import DATA, REAL_DATA, run_checker


@pytest.fixture(scope="module")
def method_page(built_site) -> str:
    return (built_site / "method" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def guide(method_page) -> dict[str, str]:
    page = method_page
    blocks = re.findall(r'<section class="bj-mistake" id="mistake-([a-z-]+)">.*?<pre class="bj-output"><code>(.*?)</code></pre>', page, re.S)
    return {slug: html.unescape(text) for slug, text in blocks}


def test_the_guide_shows_five_mistakes(guide):
    assert sorted(guide) == sorted(m.slug for m in MISTAKES) and len(guide) == 5


def real_examples():
    return {e.mistake.slug: e for e in examples(check_file(str(REAL_DATA)).dataset)}


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.slug for m in MISTAKES])
def test_the_command_prints_what_the_guide_shows(tmp_path, guide, mistake):
    example = real_examples()[mistake.slug]
    assert example.edit is not None, f"the real data has {mistake.needs}"
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "timeline.yaml"
    dataset = check_file(str(path)).dataset
    path.write_text(apply(example.edit, path.read_text(encoding="utf-8"), dataset.document), encoding="utf-8")
    result = run_checker("data/timeline.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.rstrip("\n") == guide[mistake.slug]


EXPECTED_CODE = {"quote-not-verbatim": "Q500", "value-not-in-quote": "F600", "date-disagrees": "T700", "misspelt-field": "S200", "duplicate-id": "M301"}


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.slug for m in MISTAKES])
def test_each_mistake_gives_one_error_of_its_own_code(guide, mistake):
    errors = re.findall(r"^data/timeline\.yaml:\d+:\d+: ([A-Z]\d{3}) (?!warning: )", guide[mistake.slug], re.M)
    assert errors == [EXPECTED_CODE[mistake.slug]]


@pytest.mark.parametrize(
    "wrong, right, line, column",
    [
        ("visited Azerbaijan's Permanent", "visited Azerbaijan’s Permanent", 11, 1),  # straight apostrophe for curly
        ("the  fabricated Karabakh issue", "the fabricated Karabakh issue", 3, 24),  # doubled space
        ("lives-on January 25 in Neftchala", "lives—on January 25 in Neftchala", 8, 427),  # hyphen for em dash
        ("lives – on January 25 in Neftchala", "lives—on January 25 in Neftchala", 8, 427),  # spaced en dash
    ],
)
def test_almost_verbatim_quote_shows_the_source_words_and_place(data_copy, wrong, right, line, column):
    text = data_copy.read_text(encoding="utf-8")
    original = {
        "visited Azerbaijan's Permanent": "visited Azerbaijan’s Permanent",
        "the  fabricated Karabakh issue": "the fabricated Karabakh issue",
    }.get(wrong)
    if original:
        assert original in text
        text = text.replace(original, wrong, 1)
    else:
        assert "lost their lives—on January 25 in Neftchala" in text
        text = text.replace("lost their lives—on January 25 in Neftchala", f"lost their {wrong}", 1)
    data_copy.write_text(text, encoding="utf-8")
    q500 = [format_text(d) for d in check_file(str(data_copy)).diagnostics if d.code == "Q500"]
    assert len(q500) == 1, q500
    assert f"000_9c0400da760e69ac.txt:{line}:" in q500[0]
    assert right in q500[0] and "paste the source's words" in q500[0]
    source_line = (DATA / "sources" / "000_9c0400da760e69ac.txt").read_text(encoding="utf-8").split("\n")[line - 1]
    shown = re.search(r"«(.*)»", q500[0]).group(1)
    assert source_line.find(shown) + 1 == int(re.search(r"txt:\d+:(\d+)", q500[0]).group(1))


def test_a_typo_shows_the_nearest_passage(data_copy):
    text = data_copy.read_text(encoding="utf-8").replace("quote: fired on 200 homes", "quote: fired on 200 hommes", 1)
    data_copy.write_text(text, encoding="utf-8")
    (line,) = [format_text(d) for d in check_file(str(data_copy)).diagnostics if d.code == "Q500"]
    assert "nearest passage is at line 10, column" in line and "«fired on 200 homes»" in line


SCHEMA = json.loads((DATA / "timeline.schema.json").read_text(encoding="utf-8"))


def schema_fields(spec: dict = None, prefix: str = "", section: str = ""):
    """(section, dotted field name, its schema with $ref followed) for every field an editor writes."""
    if spec is None:
        for name, top in SCHEMA["properties"].items():
            if "items" in top:
                yield from schema_fields(resolve(top["items"]), "", name)
            else:
                yield name, name, resolve(top)
        return
    for name, field in spec.get("properties", {}).items():
        resolved = resolve(field)
        yield section, prefix + name, {**resolved, **{k: v for k, v in field.items() if k != "$ref"}}
        if "object" in (resolved.get("type") if isinstance(resolved.get("type"), list) else [resolved.get("type")]):
            yield from schema_fields(resolved, f"{prefix}{name}.", section)  # basis: a word or a mapping


def resolve(spec: dict) -> dict:
    while "$ref" in spec:
        spec = {**SCHEMA["$defs"][spec["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in spec.items() if k != "$ref"}}
    return spec


def test_every_field_in_the_schema_has_a_description_and_an_example():
    fields = list(schema_fields())
    assert len(fields) > 35
    lacking = [(section, name) for section, name, spec in fields if not spec.get("description") or not spec.get("examples")]
    assert lacking == []
    # The schema is checked once, whole (jsonschema.validate would check each field's part again).
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for _, _, spec in fields:  # each example is a value the field accepts
        validator = jsonschema.Draft202012Validator({**spec, "$defs": SCHEMA["$defs"]})
        for value in spec["examples"]:
            validator.validate(value)


def test_the_guide_lists_every_field_with_its_example(method_page):
    for section, name, spec in schema_fields():
        listed = re.search(rf'<section class="bj-fields" id="fields-{section.replace("_", "-")}".*?</dl></section>', method_page, re.S)
        assert listed, section
        field = re.search(rf'<dt><code>{re.escape(name)}</code> <span class="bj-field__need">(required|optional)</span></dt><dd>(.*?)</dd>', listed.group(0), re.S)
        assert field, (section, name)
        assert str(markupsafe.escape(spec["description"])) in field.group(2) and "Example: <code>" in field.group(2)
        if "enum" in spec:
            assert "One of: " + ", ".join(spec["enum"]) in field.group(2)


def test_the_guide_covers_order_left_out_and_new_sources(method_page):
    for heading in ("Events are listed in date order", "Turning a left-out number into a figure", "Adding a source", "Every field"):
        assert f">{heading}<" in method_page
