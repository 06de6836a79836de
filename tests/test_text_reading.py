"""Unit tests: dates, numbers and quote finding in text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.check.dates import conflicts, written_parts
from scripts.model.dates import describe, parse_date
from scripts.text.date_mentions import _MENTION_RE, MENTION_ALTERNATIVES, anniversary_mentions, mentions
from scripts.text.numbers import _NUMBER_RE, NUMBER_ALTERNATIVES, numbers
from scripts.text.source_text import SourceText


def values(text):
    return [n.value for n in numbers(text)]


def test_numbers_in_digits_and_words():
    assert values("killed 82 people and fatally wounded 20 others") == [82, 20]
    assert values("eight individuals, twenty-one more, 1,200 homes") == [8, 21, 1200]
    assert values("the 35th anniversary") == [None]  # an ordinal: a number, never a count
    assert values("hundreds of thousands") == [None, None]
    assert values("January 19-20, 1990") == [19, 20, 1990]
    assert values("Weight eighteen") == [18]  # "eight" inside "Weight" is not a number


@pytest.mark.parametrize(
    "text, start, end, qualifier",
    [
        ("On the night of January 19-20, 1990, under", (1990, 1, 19), (1990, 1, 20), None),
        ("on January 25 in Neftchala", (None, 1, 25), (None, 1, 25), None),
        ("dated January 5, 1994, the", (1994, 1, 5), (1994, 1, 5), None),
        ("reignited at the end of 1987", (1987, None, None), (1987, None, None), "end"),
        ("in January 1990", (1990, 1, None), (1990, 1, None), None),
        ("the 2020 Patriotic War", (2020, None, None), (2020, None, None), None),
    ],
)
def test_mentions(text, start, end, qualifier):
    (found,) = list(mentions(text))
    assert (tuple(found.start), tuple(found.end), found.qualifier) == (start, end, qualifier)


def test_centuries_and_counts_are_not_dates():
    assert list(mentions("the 19th and 20th centuries, 147 people, 1,990 homes")) == []


def test_anniversary():
    (found,) = list(anniversary_mentions("35th anniversary of the events of January 20, 1990"))
    assert tuple(found.start) == (2025, 1, 20)


@pytest.mark.parametrize("text", ["1990-02-30", "1990-13", "1990-01-20/1990-01-19", "1990-1-2", "90"])
def test_impossible_or_malformed_dates(text):
    value, problem = parse_date(text)
    assert value is None and problem


def test_describe():
    assert describe(parse_date("1990-01-19/1990-01-20")[0]) == "19–20 January 1990"
    assert describe(parse_date("1987", "end")[0]) == "end of 1987"
    assert describe(parse_date("1990-01")[0]) == "January 1990"


def test_a_range_is_written_by_two_single_days():
    value = parse_date("1990-01-25/1990-01-26")[0]
    found = list(mentions("on January 25 in Neftchala and January 26 in Lankaran"))
    assert all(conflicts(value, m) is None for m in found)
    assert written_parts(value, found) == {"month", "day"}


def test_a_single_day_does_not_write_a_range():
    value = parse_date("1990-01-25/1990-01-27")[0]
    found = list(mentions("on January 25 in Neftchala"))
    assert written_parts(value, found) == {"month"}


def source(text: str) -> SourceText:
    return SourceText.from_bytes("s.txt", text.encode())


def test_find_all_respects_word_boundaries():
    text = source("two republics and two republic-states; two")
    assert text.find_all("two republics") == [0]
    assert text.find_all("two republic") == [18]
    assert text.find_all("wo") == []
    assert text.find_all("two") == [0, 18, 39]


def test_near_miss_folds_quotes_dashes_and_spaces():
    text = source("Azerbaijan’s people lost their lives—on January 25 in  Neftchala")
    begin, stop = text.near_miss("Azerbaijan's people lost their lives-on January 25 in Neftchala")
    assert text.text[begin:stop] == text.text


def test_nearest_passage_for_a_typo():
    text = source("First line.\nMilitary forces fired on 200 homes and 80 vehicles.\n")
    begin, stop = text.nearest("fired on 200 hommes")
    assert text.text[begin:stop].startswith("fired on 200 hom")
    assert text.pos(begin) == (2, 17)


# The number and date patterns open with a look at the first character, which every one of
# their alternatives implies; it only lets the search skip places faster. Held here to
# finding exactly what the alternatives alone find.
_PIECES = ["1", "19", "1,200", "1990", "20", "2000", "35th", "1st", "4.5", "x1", "_2", "one", "Eight", "twenty-one", "hundreds", "dozen", "ſix",
           "January", "March", "May", "December", " ", " ", ", ", ",", ".", "-", "–", "the ", "end of ", "beginning of ", "middle of ", "start of ",
           "anniversary of ", "th", "st", "a", "Weight", "K", "\n", "é", "’"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_quick_first_look_changes_no_match(pieces):
    text = "".join(pieces)
    plain_numbers = re.compile(NUMBER_ALTERNATIVES)
    plain_mentions = re.compile(MENTION_ALTERNATIVES)
    assert [(m.span(), m.groups()) for m in _NUMBER_RE.finditer(text)] == [(m.span(), m.groups()) for m in plain_numbers.finditer(text)]
    assert [(m.span(), m.groups()) for m in _MENTION_RE.finditer(text)] == [(m.span(), m.groups()) for m in plain_mentions.finditer(text)]


def test_what_a_quote_writes_is_not_cached_globally():
    # A run reads each quote once and carries the result (scripts/check/readings.py);
    # a global cache would stand in for that and outlive the run.
    assert not hasattr(numbers, "cache_info") and not hasattr(mentions, "cache_info")
