"""Dates as sources write them: every form the English grammar reads, the parts each
writes, what is not a date, times, and the checker holding an entry to any of them."""
from __future__ import annotations

import calendar
import datetime
import hashlib
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.check.dates import published_passages
from scripts.check.readings import Readings
from scripts.check.run import check_text
from scripts.check.sources import load_sources
from scripts.diagnostics import format_text
from scripts.load.yaml_document import load_text
from scripts.model.dataset import build
from scripts.model.dates import describe_written
from scripts.text.date_grammar import LANGUAGES
from scripts.text.date_mentions import MONTHS, WEEKDAYS, mentions, refused_dates

ENGLISH = LANGUAGES["en"]


def read(text: str):
    """Each date in `text`: its start, its end, the words it takes up."""
    return [(tuple(m.start), tuple(m.end), text[m.begin:m.stop]) for m in mentions(text)]


@pytest.mark.parametrize("form", ENGLISH.language.forms, ids=lambda f: f.name)
def test_every_form_reads_its_example_whole(form):
    (found,) = mentions(form.example)
    assert (found.form, found.begin, found.stop) == (form.name, 0, len(form.example))


@pytest.mark.parametrize(
    "text, start, end, written",
    [
        # Month first and day first, with and without the year.
        ("on January 20, 1990, troops", (1990, 1, 20), (1990, 1, 20), "January 20, 1990"),
        ("on 20 January 1990 troops", (1990, 1, 20), (1990, 1, 20), "20 January 1990"),
        ("on 20 January troops", (None, 1, 20), (None, 1, 20), "20 January"),
        ("on January 20 troops", (None, 1, 20), (None, 1, 20), "January 20"),
        # Ordinals: the article stays outside, the "of" inside.
        ("on the 20th of January the", (None, 1, 20), (None, 1, 20), "20th of January"),
        ("on 20th of January 1990", (1990, 1, 20), (1990, 1, 20), "20th of January 1990"),
        ("on January 20th, 1990", (1990, 1, 20), (1990, 1, 20), "January 20th, 1990"),
        # Abbreviations with and without a dot; capitals, as headlines write them.
        ("on Jan. 20 the", (None, 1, 20), (None, 1, 20), "Jan. 20"),
        ("on Sept 19 the", (None, 9, 19), (None, 9, 19), "Sept 19"),
        ("on 5 Dec. 1991 the", (1991, 12, 5), (1991, 12, 5), "5 Dec. 1991"),
        ("BAKU, JANUARY 15, 2025", (2025, 1, 15), (2025, 1, 15), "JANUARY 15, 2025"),
        # Weekdays.
        ("on Saturday, 20 January 1990 the", (1990, 1, 20), (1990, 1, 20), "Saturday, 20 January 1990"),
        ("on Sat., January 20, 1990", (1990, 1, 20), (1990, 1, 20), "Sat., January 20, 1990"),
        # Ranges in each form.
        ("on 19–20 January 1990 the", (1990, 1, 19), (1990, 1, 20), "19–20 January 1990"),
        ("on January 19-20 the", (None, 1, 19), (None, 1, 20), "January 19-20"),
        ("from 19 January – 2 February 1990", (1990, 1, 19), (1990, 2, 2), "from 19 January – 2 February 1990"),
        ("on 19 January – 2 February 1990", (1990, 1, 19), (1990, 2, 2), "19 January – 2 February 1990"),
        ("from 19 to 20 January the", (None, 1, 19), (None, 1, 20), "from 19 to 20 January"),
        ("From January 19 to 20, 1990", (1990, 1, 19), (1990, 1, 20), "From January 19 to 20, 1990"),
        ("between 19 and 20 January 1990", (1990, 1, 19), (1990, 1, 20), "between 19 and 20 January 1990"),
        ("from 31 December 1989 to 2 January 1990", (1989, 12, 31), (1990, 1, 2), "from 31 December 1989 to 2 January 1990"),
        ("in January–March 1990", (1990, 1, None), (1990, 3, None), "January–March 1990"),
        ("in 1989–1990", (1989, None, None), (1990, None, None), "1989–1990"),
        # ISO in running text; day first with dots.
        ("updated 2025-01-15 at", (2025, 1, 15), (2025, 1, 15), "2025-01-15"),
        ("on 20.01.1990, the", (1990, 1, 20), (1990, 1, 20), "20.01.1990"),
        ("on 19–20.01.1990 the", (1990, 1, 19), (1990, 1, 20), "19–20.01.1990"),
        # Months, years and qualifiers, as before.
        ("at the end of 1987", (1987, None, None), (1987, None, None), "the end of 1987"),
        ("in the middle of March 1990", (1990, 3, None), (1990, 3, None), "the middle of March 1990"),
        ("in January, 1990", (1990, 1, None), (1990, 1, None), "January, 1990"),
    ],
)
def test_each_form_with_the_parts_it_writes(text, start, end, written):
    assert read(text) == [(start, end, written)]


def test_what_a_mention_writes_is_exact():
    (found,) = mentions("on 20 January the council met")
    assert found.start.year is None and not found.writes("year")
    assert found.writes("month") and found.writes("day")
    assert describe_written(found) == "20 January, without a year"
    (found,) = mentions("Saturday, January 20, 1990")
    assert found.weekday == WEEKDAYS.index("Saturday") and describe_written(found) == "Saturday, 20 January 1990"


@pytest.mark.parametrize(
    "text",
    [
        "the 20th",  # a day alone needs its month
        "during the 19th and 20th centuries",
        "the 35th anniversary",
        "in the 1990s",
        "2025-01",  # a year and a month, or a range of years: not read
        "at 10:00 the council met",  # a time alone is no date
        "at 10 a.m. the council met",
        "killed 147 people, 1,990 homes",
        "May 2025x",
        "version 1.20.1990",
    ],
)
def test_not_dates(text):
    assert read(text) == []


def test_a_range_written_with_to_needs_its_from():
    # "January 19 to 20 people" is a day and a count, not a range.
    assert read("on January 19 to 20 people") == [((None, 1, 19), (None, 1, 19), "January 19")]


def test_slashed_dates_are_refused_with_the_reason():
    assert read("on 01/02/1990 the council met") == []
    (refusal,) = refused_dates("on 01/02/1990 the council met")
    assert refusal.written == "01/02/1990"
    assert "could be 1 February 1990 day first or 2 January 1990 month first" in refusal.why
    (one_way,) = refused_dates("on 20/01/1990")
    assert "is not read as a date" in one_way.why and "could be" not in one_way.why


@pytest.mark.parametrize("written, readings", [
    ("31/12/1990", [(1990, 12, 31)]),  # only day first: there is no 31st month
    ("12/31/1990", [(1990, 12, 31)]),  # only month first
    ("01/13/1990", [(1990, 1, 13)]),
    ("31/01/1990", [(1990, 1, 31)]),
    ("01/01/1990", [(1990, 1, 1)]),  # both ways the same day, named once
    ("1/2/90", [(None, 2, 1), (None, 1, 2)]),  # a year of two digits is not known
    ("32/01/1990", []), ("01/32/1990", []), ("13/13/1990", []), ("00/05/1990", []), ("05/00/1990", []),
])
def test_a_slashed_date_names_each_day_it_could_be_and_no_impossible_one(written, readings):
    (refusal,) = refused_dates(f"on {written} the council met")
    assert refusal.written == written and [tuple(day) for day in refusal.readings] == readings


@pytest.mark.parametrize(
    "text, time, written",
    [
        ("on 15 January 2025, 10:00 the", (10, 0), "15 January 2025, 10:00"),
        ("on January 15, 2025, at 10 a.m. the", (10, 0), "January 15, 2025, at 10 a.m."),
        ("at 10 a.m. on 15 January the", (10, 0), "10 a.m. on 15 January"),
        ("at 10.30 pm on the 5th of March 1990", (22, 30), "10.30 pm on the 5th of March 1990"),
        ("at 12am on 1 May", (0, 0), "12am on 1 May"),
        ("updated 2025-01-15T09:45 by", (9, 45), "2025-01-15T09:45"),
        ("19:05, 15.01.2025 Baku", (19, 5), "19:05, 15.01.2025"),
    ],
)
def test_a_time_next_to_a_day_belongs_to_its_date(text, time, written):
    (found,) = mentions(text)
    assert (found.time, text[found.begin:found.stop]) == (time, written)


def test_a_time_is_not_taken_for_a_year_or_a_day():
    (found,) = mentions("on January 21, 19:30 local time")
    assert (tuple(found.start), found.time) == ((None, 1, 21), (19, 30))
    (found,) = mentions("on January 21, 10 people died")
    assert found.time is None and (found.begin, found.stop) == (3, 13)


def test_language_tables_are_keyed_by_code():
    assert mentions("on 20 January 1990", language="en") == mentions("on 20 January 1990")
    with pytest.raises(KeyError):
        mentions("on 20 January 1990", language="xx")


# The pattern opens with a look at the first character, which every form implies; it only
# lets the search skip places faster. Held here to finding what the forms alone find.
_PIECES = ["1", "19", "20", "2", "1990", "2025", "01", "12", "31", "10:00", "10", "a.m.", "pm", "th", "st", "of", "the ", "from ", "to ", "between ",
           "and ", "January", "Jan.", "Sept", "MAY", "May", "Saturday", "Sat.", "end of ", "beginning of ", " ", ", ", ".", "-", "–", "/", ":", "T", "x", "on "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_the_quick_first_look_changes_no_match(pieces):
    text = "".join(pieces)
    plain = re.compile(ENGLISH.alternatives)
    assert [(m.span(), m.groups()) for m in ENGLISH.pattern.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


# The checker on a small source built here: an entry holds to any form its quote writes.

SENTENCE = "The record states that the council met {} in the town hall."
QUOTE = "the council met {} in the town hall"


def _month(number: int, style: str) -> str:
    name = MONTHS[number - 1]
    if style == "abbreviated":
        return {"May": "May", "June": "Jun.", "July": "Jul.", "September": "Sept."}.get(name, name[:3] + ".")
    if style == "capitals":
        return name.upper()
    return name


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


# Each way of writing a day: (name, writes its year, how).
DAYS = [
    ("month first", True, lambda d, s: f"on {_month(d.month, s)} {d.day}, {d.year}"),
    ("month first, no year", False, lambda d, s: f"on {_month(d.month, s)} {d.day}"),
    ("day first", True, lambda d, s: f"on {d.day} {_month(d.month, s)} {d.year}"),
    ("day first, no year", False, lambda d, s: f"on {d.day} {_month(d.month, s)}"),
    ("ordinal", True, lambda d, s: f"on the {_ordinal(d.day)} of {_month(d.month, s)} {d.year}"),
    ("ordinal, no year", False, lambda d, s: f"on the {_ordinal(d.day)} of {_month(d.month, s)}"),
    ("weekday", True, lambda d, s: f"on {WEEKDAYS[d.weekday()]}, {d.day} {_month(d.month, s)} {d.year}"),
    ("weekday, no year", False, lambda d, s: f"on {WEEKDAYS[d.weekday()]}, {_month(d.month, s)} {d.day}"),
    ("weekday, month first", True, lambda d, s: f"on {WEEKDAYS[d.weekday()][:3]}., {_month(d.month, s)} {d.day}, {d.year}"),
    ("ISO", True, lambda d, s: f"on {d.isoformat()}"),
    ("dotted", True, lambda d, s: f"on {d.day:02d}.{d.month:02d}.{d.year}"),
    ("time after", True, lambda d, s: f"on {d.day} {_month(d.month, s)} {d.year}, 10:00"),
    ("time before", False, lambda d, s: f"at 9 a.m. on {_month(d.month, s)} {d.day}"),
]
# Each way of writing a range of days within one month, or across two.
RANGES = [
    ("month first", True, lambda a, b, s: f"on {_month(a.month, s)} {a.day}-{b.day}, {a.year}"),
    ("month first, no year", False, lambda a, b, s: f"on {_month(a.month, s)} {a.day}–{b.day}"),
    ("day first", True, lambda a, b, s: f"on {a.day}–{b.day} {_month(a.month, s)} {a.year}"),
    ("from ... to", True, lambda a, b, s: f"from {a.day} to {b.day} {_month(a.month, s)} {a.year}"),
    ("from ... to, no year", False, lambda a, b, s: f"from {a.day} to {b.day} {_month(a.month, s)}"),
    ("between ... and", True, lambda a, b, s: f"between {_month(a.month, s)} {a.day} and {b.day}, {a.year}"),
    ("dotted", True, lambda a, b, s: f"on {a.day}–{b.day}.{a.month:02d}.{a.year}"),
    ("ISO", True, lambda a, b, s: f"on {a.isoformat()}/{b.isoformat()}"),
]
ACROSS = [
    ("day first", True, lambda a, b, s: f"from {a.day} {_month(a.month, s)} – {b.day} {_month(b.month, s)} {a.year}"),
    ("month first", True, lambda a, b, s: f"from {_month(a.month, s)} {a.day} – {_month(b.month, s)} {b.day}, {a.year}"),
    ("day first, no year", False, lambda a, b, s: f"from {a.day} {_month(a.month, s)} to {b.day} {_month(b.month, s)}"),
    ("dotted", True, lambda a, b, s: f"on {a.day:02d}.{a.month:02d}.{a.year} – {b.day:02d}.{b.month:02d}.{b.year}"),
]
ACROSS_YEARS = [
    ("day first", True, lambda a, b, s: f"from {a.day} {_month(a.month, s)} {a.year} – {b.day} {_month(b.month, s)} {b.year}"),
    ("month first", True, lambda a, b, s: f"from {_month(a.month, s)} {a.day}, {a.year} to {_month(b.month, s)} {b.day}, {b.year}"),
    ("ISO", True, lambda a, b, s: f"from {a.isoformat()} to {b.isoformat()}"),
]
MONTHS_AND_YEARS = [
    ("month", lambda d, q, s: f"in {q}{_month(d.month, s)} {d.year}", "month"),
    ("year", lambda d, q, s: f"in {q}{d.year}", "year"),
]
QUALIFIERS = {None: "", "start": "the beginning of ", "middle": "the middle of ", "end": "the end of "}


@st.composite
def written_dates(draw):
    """(words in a quote, the entry's date, its qualifier, whether the words write the year)."""
    style = draw(st.sampled_from(["full", "abbreviated", "capitals"]))
    kind = draw(st.sampled_from(["day", "range", "across", "across years", "month or year"]))
    year = draw(st.integers(1901, 2030))  # a lone year is read from 1800 to 2099
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    if kind == "day":
        name, has_year, write = draw(st.sampled_from(DAYS))
        day = datetime.date(year, month, draw(st.integers(1, last)))
        return write(day, style), day.isoformat(), None, has_year
    if kind == "range":
        name, has_year, write = draw(st.sampled_from(RANGES))
        first = draw(st.integers(1, last - 1))
        a, b = datetime.date(year, month, first), datetime.date(year, month, draw(st.integers(first + 1, last)))
    elif kind == "across":
        name, has_year, write = draw(st.sampled_from(ACROSS))
        month = min(month, 11)
        a = datetime.date(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))
        b = datetime.date(year, month + 1, draw(st.integers(1, calendar.monthrange(year, month + 1)[1])))
    elif kind == "across years":
        name, has_year, write = draw(st.sampled_from(ACROSS_YEARS))
        a, b = datetime.date(year, 12, draw(st.integers(1, 31))), datetime.date(year + 1, 1, draw(st.integers(1, 31)))
    else:
        name, write, precision = draw(st.sampled_from(MONTHS_AND_YEARS))
        qualifier = draw(st.sampled_from(list(QUALIFIERS)))
        day = datetime.date(year, month, 1)
        return write(day, QUALIFIERS[qualifier], style), day.isoformat()[:7 if precision == "month" else 4], qualifier, True
    return write(a, b, style), f"{a.isoformat()}/{b.isoformat()}", None, has_year


def _document(words: str, date: str, qualifier, has_year: bool, folder: str) -> str:
    """YAML for one event whose quote writes `words`, and its source, stored in `folder`."""
    year = date[:4]
    # Published after every year drawn, so a change to the event's date never touches it.
    lines = ["Council record", "Published in 2040.", SENTENCE.format(words)]
    if not has_year:
        lines.append(f"The council sat through {year} in the old town.")
    source = ("\n".join(lines) + "\n").encode()
    digest = hashlib.sha256(source).hexdigest()
    os.makedirs(os.path.join(folder, "sources"), exist_ok=True)
    with open(os.path.join(folder, "sources", f"{digest[:16]}.txt"), "wb") as handle:
        handle.write(source)
    inferred = "" if has_year else (
        f"    inferred:\n      parts: [year]\n      from: {json.dumps(f'The council sat through {year}')}\n      reason: The record's year.\n")
    return (
        "schema_version: 1\nsources:\n"
        f"  - id: record\n    file: sources/{digest[:16]}.txt\n    sha256: {digest}\n    publisher: Test\n    title: Council record\n"
        "    published:\n      date: \"2040\"\n      inferred:\n        parts: [year]\n        from: Published in 2040\n        reason: Its own words.\n"
        "events:\n"
        f"  - id: council-meets\n    date: {json.dumps(date)}\n"
        + (f"    qualifier: {qualifier}\n" if qualifier else "")
        + f"    title: The council meets\n    summary: According to the record, the council met.\n    source: record\n"
        f"    quote: {json.dumps(QUOTE.format(words))}\n" + inferred
        + "figures: []\nrelations: []\nleft_out:\n"
        # Every word of a source is accounted for: the words around the quote are left out.
        + "".join(f"  - quote: {passage}\n    source: record\n    reason: Not the date.\n"
                  for passage in ["The record states that", *([] if has_year else ["in the old town"])])
    )


def _changed(date: str, part: str):
    """The entry's date with one part changed, still a possible date, or None."""
    if len(date) < 10:  # a year or a month
        year, *month = (int(x) for x in date.split("-"))
        if part == "year":
            return f"{year + 1:04d}" + (f"-{month[0]:02d}" if month else "")
        return f"{year:04d}-{month[0] % 12 + 1:02d}" if part == "month" and month else None
    ends = [datetime.date.fromisoformat(d) for d in date.split("/")]
    try:
        if part == "day":
            first, last = ends[0], ends[-1]
            if first.day > 1:
                new = [first.replace(day=first.day - 1), *ends[1:]]
            elif len(ends) == 2 and last.day < calendar.monthrange(last.year, last.month)[1]:
                new = [first, last.replace(day=last.day + 1)]
            elif len(ends) == 1:
                new = [first.replace(day=2)]
            else:
                return None
        elif part == "month":
            first, last = ends[0], ends[-1]
            if len(ends) == 1:
                new = [first.replace(month=first.month % 12 + 1)]
            elif first.month > 1:
                new = [first.replace(month=first.month - 1), last]
            elif last.month < 12:
                new = [first, last.replace(month=last.month + 1)]
            else:
                return None
        else:
            new = [d.replace(year=d.year + 1) for d in ends]
    except ValueError:
        return None  # 31 March has no 31 April
    return "/".join(d.isoformat() for d in new)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return str(tmp_path_factory.mktemp("dates"))


def _check(text: str, folder: str) -> list[str]:
    return [format_text(d) for d in check_text(text, os.path.join(folder, "record.yaml"), folder).errors]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written_dates(), st.sampled_from(["day", "month", "year"]))
def test_any_form_holds_the_entry_to_its_date(folder, written, part):
    words, date, qualifier, has_year = written
    assert _check(_document(words, date, qualifier, has_year, folder), folder) == [], words
    changed = _changed(date, part)
    if changed is None or changed == date:
        return
    errors = _check(_document(words, date, qualifier, has_year, folder).replace(f"date: {json.dumps(date)}", f"date: {json.dumps(changed)}"), folder)
    assert len(errors) == 1, (words, date, changed, errors)
    assert re.search(r": T70[03] ", errors[0]), errors


# The published date: found in the text where the text writes it.

def _published_document(text: str, date: str, folder: str) -> str:
    source = text.encode()
    digest = hashlib.sha256(source).hexdigest()
    os.makedirs(os.path.join(folder, "sources"), exist_ok=True)
    with open(os.path.join(folder, "sources", f"{digest[:16]}.txt"), "wb") as handle:
        handle.write(source)
    return (
        "schema_version: 1\nsources:\n"
        f"  - id: record\n    file: sources/{digest[:16]}.txt\n    sha256: {digest}\n    publisher: Test\n    title: Council record\n"
        f"    published:\n      date: {json.dumps(date)}\n"
        "events: []\nfigures: []\nrelations: []\nleft_out: []\n"
    )


def _readings(yaml_text: str, folder: str):
    document, _ = load_text(yaml_text, os.path.join(folder, "record.yaml"))
    dataset, _ = build(document)
    texts, _ = load_sources(dataset, folder)
    return dataset, Readings(dataset, texts)


def test_a_published_date_the_text_writes_needs_no_inference(folder):
    text = "Council record\nBaku, 15 January 2025. The council met on 15 January 2025 again.\n"
    errors = [e for e in _check(_published_document(text, "2025-01-15", folder), folder) if ": T70" in e]
    assert errors == []
    dataset, readings = _readings(_published_document(text, "2025-01-15", folder), folder)
    begin, stop = published_passages(dataset, readings)["record"]
    assert text[begin:stop] == "15 January 2025" and begin == text.index("15 January 2025")  # the first


def test_a_published_date_the_text_does_not_write_whole_needs_an_inference(folder):
    text = "Council record\nBaku, 15 January. The council met.\n"
    (error,) = [e for e in _check(_published_document(text, "2025-01-15", folder), folder) if ": T70" in e]
    assert "T701 nothing in the source writes the year, month and day of 2025-01-15 together" in error
    assert "15 January, without a year ('15 January', line 2)" in error
    dataset, readings = _readings(_published_document(text, "2025-01-15", folder), folder)
    assert published_passages(dataset, readings) == {}


def test_a_published_date_written_with_slashes_is_not_found_and_the_message_says_why(folder):
    text = "Council record\nBaku, 01/02/2025. The council met.\n"
    (error,) = [e for e in _check(_published_document(text, "2025-02-01", folder), folder) if ": T70" in e]
    assert "it writes no date that agrees with it ('01/02/2025' is not read as a date" in error


def test_an_inference_that_leaves_out_parts_of_a_published_date_is_named(folder):
    text = "Council record\nIssued in 2025, on 15 January 2025. The council met.\n"
    document = _published_document(text, "2025-01-15", folder).replace(
        '      date: "2025-01-15"\n', '      date: "2025-01-15"\n      inferred:\n        parts: [year]\n        from: Issued in 2025\n        reason: Its own words.\n')
    (error,) = [e for e in _check(document, folder) if ": T70" in e]
    assert "T701 inferred.parts leaves out the month and day of 2025-01-15" in error
    dataset, readings = _readings(document, folder)
    assert published_passages(dataset, readings) == {}  # an inferred date is not looked for


def test_a_wrong_weekday_disagrees(folder):
    words = "on Saturday, 21 January 1990"
    (error,) = _check(_document(words, "1990-01-21", None, True, folder), folder)
    assert "T700" in error and "21 January 1990 was a Sunday, not a Saturday" in error


def test_a_slashed_date_in_a_quote_is_named_with_the_reason(folder):
    (error,) = _check(_document("on 01/02/1990", "1990-02-01", None, True, folder), folder)
    assert "T701 the quote does not write the year, month and day of 1990-02-01: it writes no date ('01/02/1990' is not read as a date" in error


def test_a_time_is_accounted_for_with_its_date(folder):
    # Its numbers lie inside the date's words, so coverage does not report them.
    assert _check(_document("on 15 January 1990, 10:30", "1990-01-15", None, True, folder), folder) == []
    assert _check(_document("at 10 a.m. on 15 January 1990", "1990-01-15", None, True, folder), folder) == []
