"""Numbers as sources write them: every form the reader takes, what each reads as, and the
checker holding a figure to a count written whole (never an ordinal, a part of a decimal,
of a date or of a time), coverage seeing every number, and quotes across line breaks."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.check.run import check_text
from scripts.text.numbers import _NUMBER_RE, NUMBER_ALTERNATIVES, _stands_alone, cut_number, number_at, numbers
from tests.conftest import DATA


def read(text: str) -> list[tuple[str, int | None, str]]:
    """Each number in `text`: the words it takes up, its count (None if it writes none), its kind."""
    return [(text[n.begin:n.stop], n.value, n.kind) for n in numbers(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Digits, with thousands separators, decimals and units attached.
        ("killed 82 people", [("82", 82, "count")]),
        ("1,200 homes and 12,345,678 more", [("1,200", 1200, "count"), ("12,345,678", 12345678, "count")]),
        ("rose by 2.5 percent", [("2.5", None, "decimal")]),
        ("rose by .5 percent", [("5", None, "decimal")]),
        ("a 5km march", [("5km", 5, "count")]),
        ("2 million people", [("2 million", 2_000_000, "count")]),
        ("1.5 million people", [("1.5 million", 1_500_000, "count")]),
        ("1.25 thousand", [("1.25 thousand", 1250, "count")]),
        ("1.2345 thousand", [("1.2345 thousand", None, "decimal")]),
        # Words up to the thousands, hyphenated or not, with "a" and "and".
        ("eight individuals", [("eight", 8, "count")]),
        ("twenty-one and twenty one", [("twenty-one", 21, "count"), ("twenty one", 21, "count")]),
        ("a hundred people", [("a hundred", 100, "count")]),
        ("A hundred and twelve", [("A hundred and twelve", 112, "count")]),
        ("one hundred people", [("one hundred", 100, "count")]),
        ("one hundred and twelve", [("one hundred and twelve", 112, "count")]),
        ("one hundred twelve", [("one hundred twelve", 112, "count")]),
        ("twelve hundred", [("twelve hundred", 1200, "count")]),
        ("a thousand", [("a thousand", 1000, "count")]),
        ("two thousand and five", [("two thousand and five", 2005, "count")]),
        ("nine thousand nine hundred and ninety-nine", [("nine thousand nine hundred and ninety-nine", 9999, "count")]),
        ("three hundred thousand", [("three hundred thousand", 300_000, "count")]),
        ("one million two hundred thousand", [("one million two hundred thousand", 1_200_000, "count")]),
        ("TWENTY-TWO", [("TWENTY-TWO", 22, "count")]),
        ("a dozen and two dozen", [("a dozen", 12, "count"), ("two dozen", 24, "count")]),
        ("zero", [("zero", 0, "count")]),
        # Words that only sit side by side are separate numbers.
        ("eight and nine", [("eight", 8, "count"), ("nine", 9, "count")]),
        ("twenty and one", [("twenty", 20, "count"), ("one", 1, "count")]),
        ("nineteen ninety", [("nineteen", 19, "count"), ("ninety", 90, "count")]),
        ("one, two", [("one", 1, "count"), ("two", 2, "count")]),
        ("1,2,3", [("1", 1, "count"), ("2", 2, "count"), ("3", 3, "count")]),
        # Ordinals, in digits and in words: never a count.
        ("the 35th anniversary", [("35th", None, "ordinal")]),
        ("the 1st, 2nd, 3rd and 4TH", [("1st", None, "ordinal"), ("2nd", None, "ordinal"), ("3rd", None, "ordinal"), ("4TH", None, "ordinal")]),
        ("the eighth day", [("eighth", None, "ordinal")]),
        ("the thirty-first regiment", [("thirty-first", None, "ordinal")]),
        ("the twenty second", [("twenty second", None, "ordinal")]),
        ("the one hundred and first", [("one hundred and first", None, "ordinal")]),
        ("the hundredth and the two thousandth", [("hundredth", None, "ordinal"), ("two thousandth", None, "ordinal")]),
        # Fractions, decades, times and vague amounts.
        ("two thirds and three quarters", [("two thirds", None, "fraction"), ("three quarters", None, "fraction")]),
        ("half of them", []),
        ("the 1990s, the 1990's, the ’90s", [("1990s", None, "decade"), ("1990's", None, "decade"), ("90s", None, "decade")]),
        ("the nineteen-nineties", [("nineteen-nineties", None, "decade")]),
        ("from 10:00 to 12:30:15", [("10:00", None, "time"), ("12:30:15", None, "time")]),
        ("at 10am, 10 a.m., 10 pm and 10.30PM", [("10am", None, "time"), ("10 a.m.", None, "time"), ("10 pm", None, "time"), ("10.30PM", None, "time")]),
        ("at ten o'clock and 9 o’clock", [("ten o'clock", None, "time"), ("9 o’clock", None, "time")]),
        ("hundreds of thousands", [("hundreds", None, "vague"), ("thousands", None, "vague")]),
        ("dozens, tens of thousands, scores of people", [("dozens", None, "vague"), ("tens", None, "vague"), ("thousands", None, "vague"), ("scores", None, "vague")]),
        ("several hundred", [("hundred", None, "vague")]),
        ("1,000s and 100s", [("1,000s", None, "vague"), ("100s", None, "vague")]),
        # Not numbers.
        ("Weight, often, someone, tens, ſix, x1, _2", []),
        ("one second", [("one", 1, "count")]),
        ("5 amendments", [("5", 5, "count")]),
        ("1:100", [("1", 1, "count"), ("100", 100, "count")]),
    ],
)
def test_each_form_reads_as(text, expected):
    assert read(text) == expected


def test_a_number_may_cross_a_line_break():
    assert read("twenty\none") == [("twenty\none", 21, "count")]
    assert read("at 10\na.m.") == [("10\na.m.", None, "time")]


def test_the_real_article_special_cases():
    text = (DATA / "sources" / "000_9c0400da760e69ac.txt").read_text(encoding="utf-8")
    found = {(shown, value, kind) for shown, value, kind in read(text)}
    for case in [("35th", None, "ordinal"), ("19th", None, "ordinal"), ("20th", None, "ordinal"), ("4th", None, "ordinal"),
                 ("hundreds", None, "vague"), ("thousands", None, "vague"), ("two", 2, "count"), ("eight", 8, "count"),
                 ("82", 82, "count"), ("744", 744, "count"), ("1990", 1990, "count")]:
        assert case in found
    assert all(kind != "time" and kind != "decimal" for _, _, kind in found)


# The pattern opens with a look at the first character, which every alternative implies;
# it only lets the search skip places faster, so it changes no match.
_PIECES = ["1", "19", "1,200", "1990", "20", "35th", "1st", "4.5", ".", ",", ":", "10:00", "x1", "_2", "a", "A ", "and", " and ", "one", "Eight", "TWENTY",
           "twenty-one", "hundred", "hundreds", "thousand", " million", "dozen", "tens of", "half", "thirds", "second", "nineties", "s", "’s", "km", " am",
           " a.m.", " o'clock", "ſix", "K", "\n", " ", " ", ", ", "-", "é", "Weight", " people were hurt"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_quick_first_look_changes_no_match(pieces):
    text = "".join(pieces)
    plain = re.compile(NUMBER_ALTERNATIVES, _NUMBER_RE.flags)
    assert [(m.span(), m.groups()) for m in _NUMBER_RE.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16), st.data())
def test_a_passage_cuts_a_count_exactly_where_its_text_reads_it_otherwise(pieces, data):
    # cut_number spares most counts number_at's reading of the text around them; its short
    # cuts must never miss a number the text reads otherwise than the passage does.
    text = "".join(pieces)
    begin = data.draw(st.integers(0, len(text)))
    passage = text[begin:data.draw(st.integers(begin, len(text)))]
    for n in numbers(passage):
        if n.kind == "count":
            whole = number_at(text, begin + n.begin, begin + n.stop)
            read_alike = whole is not None and (whole.begin, whole.stop, whole.kind) == (begin + n.begin, begin + n.stop, "count")
            assert (cut_number(text, begin, passage, n) is None) == read_alike, (text, passage, n, whole)


@pytest.mark.parametrize(
    "text, begin, stop, whole",
    [
        ("rose by 2.5 percent", 10, 11, "2.5"),
        ("the 1,000 homes", 6, 9, "1,000"),
        ("at 10:00 sharp", 6, 8, "10:00"),
        ("twenty one people", 7, 10, "twenty one"),
        ("a hundred people", 2, 9, "a hundred"),
        ("one hundred and twelve people", 16, 22, "one hundred and twelve"),
        ("2 million people", 0, 1, "2 million"),
    ],
)
def test_number_at_reads_a_cut_number_whole(text, begin, stop, whole):
    found = number_at(text, begin, stop)
    assert text[found.begin:found.stop] == whole
    assert not _stands_alone(text, begin, stop)


# A small synthetic source and a figure, checked end to end.
_HEAD = "Town report, 1990\nOn March 3, 1990, the council met in the town hall.\n"
_YAML = """schema_version: 1
sources:
  - id: report
    file: sources/{name}
    sha256: {sha}
    publisher: Test
    title: Town report
    published:
      date: "1990"
      inferred:
        parts: [year]
        from: Town report, 1990
        reason: The report's heading.
events:
  - id: council-meets
    date: 1990-03-03
    title: The council meets
    summary: According to the report, the council met.
    source: report
    quote: On March 3, 1990, the council met in the town hall
figures:{figures}
relations: []
left_out:{left_out}
"""
_FIGURE = """
  - id: figure-{i}
    label: Hurt
    kind: injured
    unit: people
    value: {value}
    event: council-meets
    start:
      date: 1990-03-03
      inferred:
        parts: [year, month, day]
        from: On March 3, 1990, the council met in the town hall
        reason: The meeting the figure counts.
    as_of: not stated
    source: report
    quote: {quote}"""


def check(folder: Path, body: str, figures=(), left_out=()):
    """Check a document whose source is the report's heading and `body`; each figure is
    (value, quote), each left_out entry a quote."""
    source = (_HEAD + body).encode()
    sha = hashlib.sha256(source).hexdigest()
    name = f"{sha[:16]}.txt"
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "sources" / name).write_bytes(source)
    written = "".join(_FIGURE.format(i=i, value=value, quote=json.dumps(quote)) for i, (value, quote) in enumerate(figures)) or " []"
    outs = "".join(f"\n  - quote: {json.dumps(q)}\n    source: report\n    reason: Not counted here." for q in left_out) or " []"
    return check_text(_YAML.format(name=name, sha=sha, figures=written, left_out=outs), str(folder / "timeline.yaml"))


def codes(result) -> list[str]:
    # These tests are about numbers: the words around them, which no entry quotes, are
    # test_word_coverage.py's concern (C903), and a number's own message names them too.
    return [d.code for d in result.errors if d.code != "C903"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("numbers")


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_hundred(n: int, joiner: str) -> str:
    tens, unit = divmod(n, 10)
    return _UNITS[n] if n < 20 else _TENS[tens] + (joiner + _UNITS[unit] if unit else "")


def in_words(n: int, joiner: str = "-", with_and: bool = True, with_a: bool = False) -> str:
    """`n` (below a million) in words: "one hundred and twelve", "a thousand and five", "twenty one"."""
    if n == 0:
        return "zero"
    words = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        words += ["a" if with_a and thousands == 1 else in_words(thousands, joiner, with_and), "thousand"]
    hundreds, tail = divmod(rest, 100)
    if hundreds:
        words += ["a" if with_a and hundreds == 1 and not words else _UNITS[hundreds], "hundred"]
    if tail:
        words += (["and"] if words and with_and else []) + [_below_hundred(tail, joiner)]
    return " ".join(words)


_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def ordinal_in_words(n: int, joiner: str) -> str:
    """`n` as an ordinal in words: "eighth", "thirty-first", "one hundred and twelfth"."""
    words = in_words(n, joiner)
    head, last = re.match(r"(.*?)([a-z]+)$", words).groups()
    return head + (_ORDINAL_WORDS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th"))


def ordinal_in_digits(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@st.composite
def counts(draw):
    """(a value, the words a source writes it in): every supported form."""
    value = draw(st.integers(0, 999_999))
    form = draw(st.sampled_from(["digits", "separators", "hyphenated", "spaced", "without and", "with a"]))
    if form == "digits":
        return value, str(value)
    if form == "separators":
        return value, f"{value:,}"
    if form == "with a":
        value = draw(st.sampled_from([100, 1000]) | st.integers(100, 199) | st.integers(1000, 1999))
        return value, in_words(value, draw(st.sampled_from(["-", " "])), draw(st.booleans()), with_a=True)
    return value, in_words(value, " " if form == "spaced" else "-", with_and=form != "without and")


SLOW = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@SLOW
@given(counts())
def test_a_count_in_any_form_passes_and_one_off_fails_once(folder, count):
    value, words = count
    quote = f"said that {words} were hurt"
    body = f"The council {quote}.\n"
    assert codes(check(folder, body, [(value, quote)])) == [], words
    for wrong in (value + 1, value - 1):
        if wrong >= 0:
            result = check(folder, body, [(wrong, quote)])
            assert codes(result) == ["F600"], (words, wrong, [d.message for d in result.errors])


@SLOW
@given(st.integers(1, 9_999), st.sampled_from(["-", " "]), st.sampled_from(["digits", "words", "decimal", "decimal part", "cut decimal"]))
def test_an_ordinal_or_a_part_of_a_decimal_is_never_a_count(folder, value, joiner, form):
    if form == "digits":
        words, quote = ordinal_in_digits(value), None
    elif form == "words":
        words, quote = ordinal_in_words(value, joiner), None
    elif form == "decimal":
        words, quote = f"{value:,}.5", None
    elif form == "decimal part":
        words, quote = f"3.{value}", None
    else:  # the quote itself cuts the value out of the decimal
        words, quote = f"3.{value}", f"{value} percent more were hurt"
    body = f"The council said that {words} percent more were hurt.\n"
    result = check(folder, body, [(value, quote or f"said that {words} percent more were hurt")])
    assert codes(result) == ["F600"], (words, [d.message for d in result.diagnostics])


@pytest.mark.parametrize(
    "value, quote, says",
    [
        (35, "the 35th anniversary", "35th (an ordinal, not a count)"),
        (2, "rose by 2.5 percent", "2.5 (a decimal, not a count)"),
        (30, "the thirty-first regiment", "thirty-first (an ordinal, not a count)"),
        (10, "met at 10:00 sharp", "10:00 (a time, not a count)"),
        (10, "met at 10 a.m. sharp", "10 a.m. (a time, not a count)"),
        (1990, "in the 1990s alone", "1990s (a decade, not a count)"),
        (100, "hundreds of people", "hundreds (an amount, not a count)"),
    ],
)
def test_a_value_is_never_an_ordinal_a_decimal_a_time_or_an_amount(folder, value, quote, says):
    result = check(folder, f"It was, they said, {quote}.\n", [(value, quote)])
    assert codes(result) == ["F600"]
    assert says in result.errors[0].message


@pytest.mark.parametrize(
    "value, quote",
    [(100, "a hundred people were hurt"), (100, "one hundred people were hurt"), (21, "twenty one people were hurt"),
     (21, "twenty-one people were hurt"), (112, "one hundred and twelve people were hurt"), (1200, "1,200 people were hurt"),
     (5, "a 5km march"), (8, "eight individuals lost their lives")],
)
def test_a_count_in_words_or_digits_is_its_value(folder, value, quote):
    assert codes(check(folder, f"They said {quote}.\n", [(value, quote)])) == []


@pytest.mark.parametrize(
    "body, value, quote, whole",
    [
        ("Prices rose by 2.5 percent.\n", 5, "5 percent", "the decimal '2.5'"),
        ("In all one hundred and twelve people were hurt.\n", 12, "twelve people were hurt", "the number 'one hundred and twelve'"),
        ("In all twenty one people were hurt.\n", 1, "one people were hurt", "the number 'twenty one'"),
        ("They met at 10:30 sharp.\n", 30, "30 sharp", "the time '10:30'"),
        ("In all 2 million people were hurt.\n", 2, "In all 2", "the number '2 million'"),
    ],
)
def test_a_quote_that_cuts_its_value_out_of_a_number_gives_one_message(folder, body, value, quote, whole):
    result = check(folder, body, [(value, quote)])
    assert codes(result) == ["F600"]
    assert f"part of {whole} in the source" in result.errors[0].message


@pytest.mark.parametrize(
    "sentence, named",
    [
        ("Crowds gathered in the 1990s.", "the decade '1990s'"),
        ("They marched 5km.", "the number '5km'"),
        ("The council met at 10am.", "the time '10am'"),
        ("The council met from 10:00.", "the time '10:00'"),
        ("The council met at 10 p.m.", "the time '10 p.m.'"),
        ("It was the eighth meeting.", "the ordinal 'eighth'"),
        ("Prices rose by 2.5 percent.", "the decimal '2.5'"),
        ("Hundreds were hurt.", "the amount 'Hundreds'"),
        ("Dozens were hurt.", "the amount 'Dozens'"),
        ("A hundred were hurt.", "the number 'A hundred'"),
        ("Twenty one were hurt.", "the number 'Twenty one'"),
    ],
)
def test_coverage_names_every_number_once_with_its_kind(folder, sentence, named):
    result = check(folder, sentence + "\n")
    assert codes(result) == ["C900"], [d.message for d in result.errors]
    assert result.errors[0].message.startswith(f"{named} is neither captured by a figure or a date nor listed under left_out")


@pytest.mark.parametrize("sentence", ["Crowds gathered in the 1990s.", "The council met from 10:00.", "Hundreds were hurt.", "It was the eighth meeting."])
def test_a_number_left_out_is_accounted_for(folder, sentence):
    assert codes(check(folder, sentence + "\n", left_out=[sentence.rstrip(".")])) == []


def test_a_quote_written_with_a_space_across_a_line_break_matches(folder):
    quote = "counted twelve people hurt in the square"
    result = check(folder, "It counted twelve\npeople hurt in the\nsquare.\n", [(12, quote)])
    assert codes(result) == []
    (offset,) = result.places[("report", quote)]
    assert result.texts["report"].text[offset:offset + len(quote)] == "counted twelve\npeople hurt in the\nsquare"


def test_a_quote_with_a_line_break_where_the_source_has_a_space_says_where(folder):
    result = check(folder, "It counted twelve people hurt in the square.\n", [(12, "counted twelve\npeople hurt")])
    assert codes(result) == ["Q500"]
    message = result.errors[0].message
    assert "breaks the line after 'counted twelve'" in message and ":3:18 has a space" in message


def test_any_other_difference_across_a_line_break_still_fails(folder):
    assert codes(check(folder, "It counted twelve\npeople hurt.\n", [(12, "counted twelve  people hurt")])) == ["Q500"]
    assert codes(check(folder, "It counted twelve\npeople hurt.\n", [(12, "counted twelvepeople hurt")])) == ["Q500"]
