"""Tests written for mutants that survived the mutation run (mutmut, over scripts/text and
scripts/check): each holds a behaviour no other test pinned down."""
from __future__ import annotations

import pytest

from scripts.check.result import Result
from scripts.check.run import check_file
from tests.conftest import FIXTURES


def test_a_quote_found_in_several_places_has_no_single_place():
    result = Result("x.yaml", places={("s", "once"): (4,), ("s", "twice"): (1, 9), ("s", "nowhere"): ()})
    assert result.place("s", "once") == 4
    assert result.place("s", "twice") is None and result.place("s", "nowhere") is None and result.place("t", "once") is None


def test_a_quote_that_does_not_end_on_a_word_says_what_to_write():
    (diagnostic,) = check_file(str(FIXTURES / "quote_edges_not_words.yaml")).errors
    assert diagnostic.code == "Q502"
    assert diagnostic.message == "a quote starts and ends with a letter or digit, so it can be pinned to whole words; write"
    assert diagnostic.excerpt == "seven people detained"


# --- Schema messages: each names the field, what it holds and what to write instead. ---
# The fixture's figures, relation and inference give every kind of schema problem a place.

SCHEMA_BASE = (FIXTURES / "bad_enum.yaml").read_text(encoding="utf-8").replace("kind: injred", "kind: injured")


def _schema_messages(old: str, new: str) -> list[tuple[str, str]]:
    from scripts.check.schema import validate
    from scripts.load.yaml_document import load_text

    assert old in SCHEMA_BASE, old
    document, problems = load_text(SCHEMA_BASE.replace(old, new, 1), "x.yaml")
    assert document is not None, problems
    return [(d.code, d.message) for d in validate(document)]


def _enum(*path: str) -> str:
    """The values the schema allows at `path` ($defs, then properties), as a message lists them."""
    from scripts.check.schema import load_schema

    spec = load_schema()["$defs"][path[0]]
    for step in path[1:]:
        spec = spec["properties"][step]
    return ", ".join(spec["enum"])


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1


@pytest.mark.parametrize("old, new, expected", [
    ("label: Injured", "label: yes", "'label' must be text, not true (true/false); YAML reads yes, no, on, off, true and false as true or false, so put the text in quotes"),
    ("label: Detained", "label: off", "'label' must be text, not false (true/false); YAML reads yes, no, on, off, true and false as true or false, so put the text in quotes"),
    ("label: Injured", "label: 12", "'label' must be text, not 12; put the value in quotes: \"12\""),
    ("value: 12", "value: 147.0", "'value' must be a whole number, not 147.0; write it without a decimal point: 147"),
    ("value: 12", "value: 2.5", "'value' must be a whole number, not 2.5; a count is a whole number"),
    ("value: 12", "value: \" 1,200\"", "'value' must be a whole number, not ' 1,200'; write the digits without quotes or commas: 1200"),
    ("value: 12", "value:", "'value' must be a whole number, not empty"),
    ("value: 12", "value: [1]", "'value' must be a whole number, not a list"),
    ("value: 12", "value: {a: 1}", "'value' must be a whole number, not a mapping"),
    ("value: 12", "value: " + "a" * 60, "'value' must be a whole number, not '" + "a" * 60 + "'"),
    ("value: 12", "value: " + "a" * 61, "'value' must be a whole number, not '" + "a" * 57 + "...'"),
], ids=["yes", "off", "number-for-text", "float-whole", "float-part", "digits-in-quotes", "empty", "list", "mapping", "60-chars-whole", "61-chars-cut"])
def test_a_value_of_the_wrong_type_is_described_and_the_fix_named(old, new, expected):
    assert _schema_messages(old, new) == [("S202", expected)]


def test_a_file_that_is_no_mapping_says_what_the_file_holds():
    from scripts.check.schema import validate
    from scripts.load.yaml_document import load_text

    document, _ = load_text("42\n", "x.yaml")
    assert [(d.code, d.message) for d in validate(document)] == [
        ("S202", "the file must be a mapping, not 42; it holds schema_version, sources, events, figures, relations and left_out")]


@pytest.mark.parametrize("old, new, expected", [
    ("schema_version: 1\n", "schema_version: 2\n", "'schema_version' cannot be 2; write one of: 1"),
    ("kind: injured", "kind: injred", f"'kind' cannot be 'injred'; write one of: {_enum('figure', 'kind')}; did you mean 'injured'?"),
    ("kind: injured", "kind: zzzz", f"'kind' cannot be 'zzzz'; write one of: {_enum('figure', 'kind')}; to add a kind, add 'zzzz' to the list "
                                    "under $defs.figure.properties.kind.enum in data/timeline.schema.json"),
    ("kind: sum", "kind: zzzz", f"'kind' cannot be 'zzzz'; write one of: {_enum('relation', 'kind')}"),
    ("unit: people\n    value: 12", "unit: zzzz\n    value: 12", f"'unit' cannot be 'zzzz'; write one of: {_enum('figure', 'unit')}"),
    ("event: council-meets\n    start:\n      date: 1990-03-03", "event: [council-meets]\n    start:\n      date: 1990-03-03",
     "'event' a list is not valid: write the id of one event (lower-case words joined by hyphens), or a list of the ids of two or more events: "
     "[first-event, second-event]"),
    ("id: injured\n", "id: Bad_Id\n", "'id' 'Bad_Id' is not valid: an id is lower-case letters and digits in words joined by hyphens, such as 'deaths-in-baku'"),
    ("source: mini\n    quote: counted", "source: Bad_Id\n    quote: counted",
     "'source' 'Bad_Id' is not valid: an id is lower-case letters and digits in words joined by hyphens, such as 'deaths-in-baku'"),
    ("total: recognised", "total: Bad_Id", "'total' 'Bad_Id' is not valid: an id is lower-case letters and digits in words joined by hyphens, such as 'deaths-in-baku'"),
    ("parts: [injured, detained]", "parts: [injured, Bad_Id]",
     "'parts' 'Bad_Id' is not valid: an id is lower-case letters and digits in words joined by hyphens, such as 'deaths-in-baku'"),
    ("quote: counted 12 people injured", "quote: ' counted 12 people injured'",
     "'quote' ' counted 12 people injured' is not valid: a quote starts and ends with a non-space character"),
    ("from: by the end of 1991", "from: ' by the end of 1991'", "'from' ' by the end of 1991' is not valid: a quote starts and ends with a non-space character"),
    ("title: Council report", "title: ' Council report'", "'title' ' Council report' is not valid: a quote starts and ends with a non-space character"),
    ("summary: According to the report, the council met.", "summary: '   '", "'summary' '   ' is not valid: it does not have the expected form"),
    ("parts: [injured, detained]", "parts: []", "'parts' needs at least 1 item(s)"),
    ("parts: [injured, detained]", "parts: [injured, injured]", "'parts' lists the same item twice"),
    ("value: 12", "value: -3", "'value' cannot be less than 0"),
], ids=["const", "enum-close", "figure-kind-new", "relation-kind", "unit", "event-list-of-one", "id", "source", "total", "parts-item",
        "quote", "from", "source-title", "text", "min-items", "unique-items", "minimum"])
def test_a_value_the_schema_refuses_says_what_to_write(old, new, expected):
    assert _schema_messages(old, new) == [("S203", expected)]


def test_an_empty_quote_is_called_empty():
    assert _schema_messages("quote: counted 12 people injured", "quote: ''")[0] == ("S203", "'quote' is empty")


@pytest.mark.parametrize("old, new, expected", [
    ("    label: Injured\n", "", [("S201", "item 1 of 'figures' is missing the field 'label'")]),
    ("    title: Victims recognised\n", "    title: Victims recognised\n    places: [{}]\n", [("S201", "item 1 of 'places' is missing the field 'name'")]),
    ("      date: \"1991\"\n", "", [("S201", "'published' is missing the field 'date'")]),
    ("left_out: []\n", "", [("S201", "the file is missing the field 'left_out'")]),
    ("    label: Injured\n", "    zzzz: 1\n    yyyy: 2\n", [("S200", "unknown field 'zzzz'"), ("S200", "unknown field 'yyyy'"),
                                                            ("S201", "item 1 of 'figures' is missing the field 'label'")]),
    ("    label: Injured\n", "    label: Injured\n    zzzz: 1\n    yyyy: 2\n", [("S200", "unknown field 'zzzz'"), ("S200", "unknown field 'yyyy'")]),
], ids=["list-item", "nested-list-item", "mapping", "file", "two-unknown-one-missing", "two-unknown-none-missing"])
def test_a_missing_field_names_the_entry_that_lacks_it(old, new, expected):
    assert sorted(_schema_messages(old, new)) == sorted(expected)


# --- Checks run on the fixture's data with one thing changed. ---

def _one(diagnostics, code: str):
    """The one diagnostic with `code`; other checks may report other things of the same data."""
    (found,) = [d for d in diagnostics if d.code == code]
    return found


def _checked(old: str, new: str, count: int = 1):
    from scripts.check.run import check_text

    assert old in SCHEMA_BASE, old
    return check_text(SCHEMA_BASE.replace(old, new, count), str(FIXTURES / "changed.yaml"))


def test_an_unknown_id_named_twice_names_the_other_line():
    diagnostic = _one(_checked("    event: council-meets\n", "    event: council-met\n", 2).errors, 'M302')
    first, second = (_line_of(SCHEMA_BASE, "event: council-meets", n) for n in (1, 2))
    assert (diagnostic.code, diagnostic.line) == ("M302", first)
    assert diagnostic.message == f"no event has the id 'council-met'; did you mean 'council-meets'?; line {second} names it too"


def test_an_unknown_id_named_three_times_names_both_other_lines():
    from scripts.check.run import check_text

    text = SCHEMA_BASE.replace("event: council-meets\n", "event: council-met\n").replace("event: recognition\n", "event: council-met\n")
    diagnostic = _one(check_text(text, str(FIXTURES / "changed.yaml")).errors, 'M302')
    first, second, third = (_line_of(text, "event: council-met\n", n) for n in (1, 2, 3))
    assert (diagnostic.code, diagnostic.line) == ("M302", first)
    assert diagnostic.message == f"no event has the id 'council-met'; did you mean 'council-meets'?; lines {second} and {third} name it too"


def test_a_quote_not_on_word_edges_shows_it_trimmed_of_punctuation_only():
    diagnostic = _one(_checked("quote: counted 12 people injured", "quote: X-rays counted 12 people injured.").errors, 'Q502')
    assert diagnostic.code == "Q502"
    assert diagnostic.excerpt == "X-rays counted 12 people injured"


@pytest.mark.parametrize("text, number", [
    ("a hundred", (0, 9, 100, "count")),
    ("A hundred people", (0, 9, 100, "count")),
    ("; hundred", (2, 9, None, "vague")),
    ("X hundred", (2, 9, None, "vague")),
    ("ba hundred", (3, 10, None, "vague")),
    ("_a hundred", (3, 10, None, "vague")),
], ids=["a", "capital-a", "no-a", "x-not-a", "a-ending-a-word", "a-after-underscore"])
def test_only_the_word_a_before_hundred_makes_it_one_hundred(text, number):
    from scripts.text.numbers import numbers

    assert [(n.begin, n.stop, n.value, n.kind) for n in numbers(text)] == [number]


def _fixture_with_entry_source_first(name: str) -> str:
    """A fixture whose left_out entry names its source before its quote, so that the entry's
    line and its quote's line differ."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    head, entry = text.split("left_out:\n")
    quote, source, reason = entry.splitlines()
    return f"{head}left_out:\n  - {source.strip()}\n    {quote.strip()[2:]}\n{reason}\n"


def test_a_left_out_passage_that_leaves_nothing_out_is_reported_at_its_quote():
    from scripts.check.run import check_text

    text = (FIXTURES / "left_out_leaving_nothing_out.yaml").read_text(encoding="utf-8")
    text = text.replace("  - quote: the harbour flooded\n    source: harbour\n", "  - source: harbour\n    quote: the harbour flooded\n")
    diagnostic = _one(check_text(text, str(FIXTURES / "changed.yaml")).errors, "C904")
    assert (diagnostic.line, diagnostic.column) == (_line_of(text, "quote: the harbour flooded"), 12)
    assert diagnostic.message == ("this passage leaves nothing out: every word and number of it is already quoted, "
                                  "dated or left out by the data; remove the entry")


def test_a_number_both_captured_and_left_out_names_the_figure_and_its_line_at_the_quote():
    from scripts.check.run import check_text

    text = _fixture_with_entry_source_first("captured_and_left_out.yaml")
    diagnostic = _one(check_text(text, str(FIXTURES / "changed.yaml")).errors, 'C902')
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("C902", _line_of(text, "quote: counted 12 people injured", 2), 12)
    assert diagnostic.message == (f"this passage leaves out 12, which the figure 'injured' (line {_line_of(text, 'value: 12')}) captures; "
                                  "a number is either a figure or left out: remove this entry, or shorten it so it no longer writes 12")


def test_a_number_not_accounted_for_is_shown_with_forty_characters_either_side(tmp_path):
    import hashlib

    from scripts.check.run import check_file

    # "7" alone on its line: a number with no words around it is shown with its context.
    source = "7\n" + (FIXTURES / "sources" / "mini.txt").read_text(encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "mini.txt").write_text(source, encoding="utf-8")
    data = (FIXTURES / "number_not_accounted.yaml").read_text(encoding="utf-8")
    data = data.replace("10ad1445ce7065661165d2b8c27fa6fbaf2be3f3843850f485994808e9ce63c1", hashlib.sha256(source.encode()).hexdigest())
    (tmp_path / "data.yaml").write_text(data, encoding="utf-8")
    found = [(d.code, d.line, d.column, d.message, d.excerpt) for d in check_file(str(tmp_path / "data.yaml")).errors if d.code == "C900"]
    assert found == [
        ("C900", 1, 1, "the number '7' is neither captured by a figure or a date nor listed under left_out:",
         "…7 Council report On March 3, 1990, the co…"),
        # With words around it that no passage holds, the number is named with them and its sentence.
        ("C900", 3, 53, "the number 'seven' is neither captured by a figure or a date nor listed under left_out, and the words "
         "«It» … «and» … «people detained» are in no passage the data uses: capture or quote them, or list them under "
         "left_out with the reason. The sentence: «It counted 12 people injured and seven people detained.»", ""),
    ]


def test_a_date_that_disagrees_shows_the_quote_s_date_without_asking_for_parts_the_entry_lacks():
    diagnostic = _one(_checked('    date: "1991"\n    qualifier: end\n    title: Victims', '    date: "1992"\n    qualifier: end\n    title: Victims').errors, 'T700')
    assert (diagnostic.code, diagnostic.line) == ("T700", _line_of(SCHEMA_BASE, 'date: "1991"\n    qualifier: end\n    title: Victims'))
    assert diagnostic.message == "the date 1992 disagrees with its quote, which writes end of 1991 ('the end of 1991'): the year is 1991, not 1992"


@pytest.mark.parametrize("text, value", [("TWO THOUSAND", 2000), ("ZERO", 0), ("Two Thousand And Twelve", 2012)])
def test_number_words_in_capitals_are_read(text, value):
    # _any_case builds the patterns at import time, where mutmut cannot switch a mutant on;
    # a fresh process with MUTANT_UNDER_TEST set runs this against them.
    from scripts.text.numbers import numbers

    assert [(n.begin, n.stop, n.value) for n in numbers(text)] == [(0, len(text), value)]


def test_a_passage_that_writes_no_date_says_so_and_nothing_more():
    (diagnostic,) = [d for d in check_file(str(FIXTURES / "value_written_twice.yaml")).errors if d.code == "T703"]
    assert diagnostic.message == "the passage under inferred.from does not write the year of 2000: it writes no date"


def test_a_passage_that_writes_other_dates_lists_each_of_them():
    passage = ("|-\n          On March 3, 1990, the council met in the town hall. It counted 12 people injured and seven people detained.\n"
               "          Officially, 20 people were recognised as victims by the end of 1991")
    # The publication date alone (the figures' starts are written alike).
    text = SCHEMA_BASE.replace('      date: "1991"\n      qualifier: end\n', '      date: "1992"\n      qualifier: end\n', 1).replace("by the end of 1991", passage, 1)
    from scripts.check.run import check_text

    diagnostic = _one(check_text(text, str(FIXTURES / "changed.yaml")).errors, 'T703')
    assert (diagnostic.code, diagnostic.line) == ("T703", _line_of(text, "from: |-"))
    assert diagnostic.message == ("the passage under inferred.from does not write the year and qualifier of 1992: "
                                  "it writes 3 March 1990 ('March 3, 1990') and end of 1991 ('the end of 1991')")


@pytest.mark.parametrize("text, number", [
    ("1.2345 thousand", (0, 15, None, "decimal")),
    ("the 1900s", (4, 9, None, "decade")),
    ("10000s", (0, 6, None, "vague")),
], ids=["scaled-decimal-not-whole", "decade-ending-00", "five-digit-plural"])
def test_digits_read_as_a_decimal_a_decade_or_an_amount(text, number):
    from scripts.text.numbers import numbers

    assert [(n.begin, n.stop, n.value, n.kind) for n in numbers(text)] == [number]


def test_a_quote_that_breaks_a_line_names_the_four_words_before_the_break_and_shows_the_source():
    diagnostic = _one(check_file(str(FIXTURES / "quote_breaks_line_where_source_has_space.yaml")).errors, 'Q500')
    assert diagnostic.message == (f"the quote breaks the line after '4, 1995, the harbour' where {FIXTURES / 'sources' / 'number_forms.txt'}:2:28 "
                                  "has a space; write a space there (in a `>-` block, with no blank line between the lines):")
    assert diagnostic.excerpt == "On May 4, 1995, the harbour board met"


def test_a_quote_with_other_quotation_marks_says_so_and_where():
    diagnostic = _one(check_file(str(FIXTURES / "quote_doubled_space.yaml")).errors, 'Q500')
    assert diagnostic.message == (f"the quote is not verbatim: the source writes it with other quotation marks, dashes or spacing, "
                                  f"at {FIXTURES / 'sources' / 'mini.txt'}:2:86; paste the source's words:")
    assert diagnostic.excerpt == "seven people detained"


def test_a_near_miss_shows_up_to_400_characters_of_the_source():
    from scripts.check.quotes import _not_found
    from scripts.text.source_text import SourceText

    body = "x" * 10 + " " + " ".join(["word"] * 75)
    text = SourceText.from_bytes("s.txt", f"Intro.\nHe said “{body}” and left.\n".encode())
    message, excerpt = _not_found(text, f'said "{body}" and left')
    assert message == "the quote is not verbatim: the source writes it with other quotation marks, dashes or spacing, at s.txt:2:4; paste the source's words:"
    assert len(f"said “{body}” and left") == 401
    assert excerpt == f"said “{body}” and left"[:399] + "…"


def test_a_passage_is_shown_whole_up_to_160_characters():
    from scripts.check.where import shown

    assert shown("x" * 160) == "x" * 160
    assert shown("x" * 161) == "x" * 159 + "…"
    assert shown("a  b\nc") == "a b c"


def test_a_plural_of_digits_not_ending_in_0_is_a_count():
    from scripts.text.numbers import numbers

    assert [(n.begin, n.stop, n.value, n.kind) for n in numbers("the 12s")] == [(4, 7, 12, "count")]


@pytest.mark.parametrize("fixture, code, message", [
    ("relation_mixes_units", "R804", "the relation compares homes and people; compare figures of one unit"),
    ("relation_holds_but_acknowledged", "R803",
     "the parts add up to 19 (12 + 7), and recognised is 20: the relation holds, so there is no difference to acknowledge; remove 'acknowledged'"),
    ("relation_not_acknowledged", "R801",
     "the relation (sum) does not hold: the parts add up to 19 (12 + 7), and recognised is 20 (difference +1); if the source really says so, "
     "record it under acknowledged with difference: 1 and a note"),
    ("relation_wrong_difference", "R802", "the parts add up to 19 (12 + 7), and recognised is 20; the difference is 1, not the acknowledged 2"),
    ("quote_ambiguous", "Q501", f"the quote occurs 3 times in {FIXTURES / 'sources' / 'mini.txt'}; lengthen it so it points to one place"),
])
def test_a_relation_or_an_ambiguous_quote_says_what_it_computes_and_what_to_do(fixture, code, message):
    diagnostic = _one(check_file(str(FIXTURES / f"{fixture}.yaml")).errors, code)
    assert (diagnostic.code, diagnostic.message, diagnostic.excerpt) == (code, message, "")


def test_a_wrong_acknowledged_difference_is_reported_at_the_difference_itself():
    text = (FIXTURES / "relation_wrong_difference.yaml").read_text(encoding="utf-8")
    diagnostic = _one(check_file(str(FIXTURES / "relation_wrong_difference.yaml")).errors, 'R802')
    assert (diagnostic.code, diagnostic.line) == ("R802", _line_of(text, "difference: 2"))
    assert diagnostic.column == text.splitlines()[diagnostic.line - 1].index("difference: 2") + len("difference: ") + 1


def test_an_acknowledged_difference_is_a_warning_that_says_what_differs():
    warning = _one(check_file(str(FIXTURES / "valid.yaml")).diagnostics, "R800")
    assert not warning.is_error
    assert (warning.code, warning.message) == ("R800", "acknowledged difference of +1: the parts add up to 19 (12 + 7), and recognised is 20")


# --- What a coverage message shows of a long passage or sentence: whole up to a limit, then its
# beginning (and, for a passage, its end) around an ellipsis.

@pytest.mark.parametrize("length, whole", [(120, True), (121, False)])
def test_a_passage_not_accounted_for_is_shown_whole_up_to_120_characters(length, whole):
    from scripts.check.coverage import _shortened

    words = "".join(chr(ord("a") + i % 26) for i in range(length))
    assert _shortened(words) == (words if whole else f"{words[:70]} … {words[-40:]}")


@pytest.mark.parametrize("limit, cut, count", [(240, 200, 1), (120, 100, 2)])
def test_a_sentence_not_accounted_for_is_shown_whole_up_to_its_limit(limit, cut, count):
    from scripts.check.coverage import _sentences_shown
    from scripts.text.sentences import Sentences

    for length in (limit, limit + 1):
        sentence = "A" + "b" * (length - 2) + "."
        sentences = Sentences(" ".join([sentence] * count))
        shown = _sentences_shown(sentences, list(range(count)))
        each = sentence if length <= limit else sentence[:cut] + " …"
        assert shown == ("The sentence: " if count == 1 else "The sentences: ") + " ".join([f"«{each}»"] * count), (length, shown)
