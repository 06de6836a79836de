"""The dates a passage of text writes, with the parts it writes and nothing more.

A passage writes dates in many forms: "January 19-20, 1990", "20 January", "Sat., 20.01.1990",
"from 19 to 20 January", "the end of 1987", "2025-01-15, 10:00". The forms are the grammar
of the source's language (date_grammar.py). A part the passage does not write stays None:
"20 January" writes no year, and nothing fills one in, neither today's nor a guess. A time
written next to a day ("15 January 2025, 10:00", "at 10 a.m. on 15 January") belongs to its
date. Dates written all in digits with slashes are not read (refused_dates says why).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Optional

from .date_grammar import LANGUAGES, Grammar, Reader

MONTHS = [calendar.month_name[m] for m in range(1, 13)]
WEEKDAYS = [calendar.day_name[d] for d in range(7)]  # Monday first, as date.weekday() counts
DEFAULT_LANGUAGE = "en"


class Day(NamedTuple):
    """A point the text or the entry knows to some precision: unknown parts are None."""

    year: Optional[int]
    month: Optional[int]
    day: Optional[int]


class Mention(NamedTuple):
    """A date that a passage writes; parts it does not write are None."""

    start: Day
    end: Day
    qualifier: Optional[str]
    begin: int  # offset in the passage
    stop: int
    weekday: Optional[int] = None  # 0 for Monday to 6 for Sunday, where the passage writes one
    time: Optional[tuple[int, int]] = None  # (hour, minute) on a 24-hour clock, where it writes one
    form: Optional[str] = None  # the name of the grammar's form it is written in

    def writes(self, part: str) -> bool:
        if part == "qualifier":
            return self.qualifier is not None
        if part == "weekday":
            return self.weekday is not None
        return getattr(self.start, part) is not None and getattr(self.end, part) is not None


@dataclass(frozen=True)
class Refusal:
    """A writing that looks like a date and is not read as one: 01/02/1990."""

    begin: int
    stop: int
    written: str
    readings: tuple[Day, ...]  # the dates it could be: day first, then month first, where possible

    @property
    def why(self) -> str:
        ways = [f"{_day_words(day)} {way}" for day, way in zip(self.readings, ("day first", "month first"))] if len(self.readings) == 2 else []
        could = f": it could be {ways[0]} or {ways[1]}" if ways else ""
        return (f"{self.written!r} is not read as a date, since dates written all in digits with slashes are day first "
                f"in some places and month first in others{could}")


def grammar(language: str = DEFAULT_LANGUAGE) -> Grammar:
    return LANGUAGES[language]


# The English grammar's pattern, with and without its quick first look (the tests hold the
# two to the same matches).
MENTION_ALTERNATIVES = grammar().alternatives
_MENTION_RE = grammar().pattern


def mentions(text: str, language: str = DEFAULT_LANGUAGE) -> tuple[Mention, ...]:
    """Every date written in `text`, left to right."""
    return tuple(_mentions(text, LANGUAGES[language]))


def _mentions(text: str, grammar: Grammar, pos: int = 0) -> Iterator[Mention]:
    search, readers, months = grammar.pattern.search, grammar.readers, grammar.months
    while True:
        match = search(text, pos)
        if match is None:
            return
        reader = readers[match.lastgroup]
        year, month, day, year2, month2, day2, weekday, qualifier = match.group(*reader.groups)
        begin, stop = match.span()
        if begin != match.start(reader.group) and not _opened(match, reader, grammar.opener_groups):
            begin = match.start(reader.group)  # "from 20 January": an opener this form does not read
        # A part written once belongs to both ends of a range: the 1990 of "19–20 January 1990".
        year = int(year) if year else None
        month = months[month] if month else None
        day = int(day) if day else None
        # Made as plain tuples are, without NamedTuple's Python-level __new__: a run reads
        # tens of thousands of dates.
        start = _new_tuple(Day, (year, month, day))
        end = start if not (year2 or month2 or day2) else _new_tuple(Day, (int(year2) if year2 else year, months[month2] if month2 else month, int(day2) if day2 else day))
        time = None
        if reader.single_day:
            # A time written next to the day is part of its date, so that its numbers are
            # accounted for with the date's, not as numbers of their own.
            after = grammar.time_after.match(text, stop)
            before = None if after or not _digit(text, max(pos, begin - 24), begin) else grammar.time_before.search(text, max(pos, begin - 32), begin)
            if after or before:
                time = _time(after or before, grammar)
                begin, stop = (begin, after.end()) if after else (before.start(), stop)
        yield _new_tuple(Mention, (start, end, grammar.qualifiers[qualifier] if qualifier else None, begin, stop,
                                   grammar.weekdays[weekday] if weekday else None, time, reader.form.name))
        pos = stop


_digit = re.compile(r"\d").search
_new_tuple = tuple.__new__


def _opened(match: re.Match, reader: Reader, opener_groups: tuple[int, int]) -> bool:
    """Whether the opener in front of the form is one the form reads."""
    weekday, qualifier = opener_groups
    if match.group(weekday):
        return "weekday" in reader.openers
    if match.group(qualifier):
        return "qualifier" in reader.openers
    return "range" in reader.openers


def _time(match: re.Match, grammar: Grammar) -> tuple[int, int]:
    hour, minute, half = match.group("hour", "minute", "half")
    if hour is None:
        hour, minute, half = match.group("hour12", "minute12", "half12")
    hour, minute = int(hour), int(minute) if minute else 0
    if half:
        hour = hour % 12 + (12 if grammar.pm.fullmatch(half) else 0)
    return hour, minute


def refused_dates(text: str, language: str = DEFAULT_LANGUAGE) -> tuple[Refusal, ...]:
    """Every writing in `text` that looks like a date and is not read as one."""
    found = []
    for match in LANGUAGES[language].refused.finditer(text):
        first, second, year = int(match.group("first")), int(match.group("second")), match.group("year")
        known = int(year) if len(year) == 4 else None
        readings = []
        if 1 <= first <= 31 and 1 <= second <= 12:
            readings.append(Day(known, second, first))
        if 1 <= first <= 12 and 1 <= second <= 31:
            readings.append(Day(known, first, second))
        if len(readings) == 2 and readings[0] == readings[1]:
            readings.pop()
        found.append(Refusal(match.start(), match.end(), match.group(), tuple(readings)))
    return tuple(found)


_ANNIVERSARY_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th) anniversary of\b")


def anniversary_mentions(text: str, language: str = DEFAULT_LANGUAGE) -> Iterator[Mention]:
    """The dates that "the Nth anniversary of <date>" falls on: N years after each date."""
    if "anniversary of" not in text:
        return  # the pattern's own words: most passages name no anniversary, and are spared its search
    for match in _ANNIVERSARY_RE.finditer(text):
        years = int(match.group(1))
        for mention in _mentions(text, LANGUAGES[language], match.end()):
            if mention.start.year is None:
                continue
            start = mention.start._replace(year=mention.start.year + years)
            end = mention.end._replace(year=mention.end.year + years)
            yield Mention(start, end, None, match.start(), mention.stop, form="anniversary")
            break


def _day_words(day: Day) -> str:
    year = "" if day.year is None else f" {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]}{year}"
