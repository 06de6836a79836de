"""An entry's date, which says how much it knows.

An entry's date is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a range of days
`YYYY-MM-DD/YYYY-MM-DD`, with an optional qualifier ("end" of 1987).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from ..text.date_mentions import MONTHS, WEEKDAYS, Day, Mention

QUALIFIERS = {"start": "beginning of", "middle": "middle of", "end": "end of"}
PARTS = ("year", "month", "day", "qualifier")

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:/(\d{4})-(\d{2})-(\d{2}))?)?)?$")


@dataclass(frozen=True)
class DateValue:
    start: Day
    end: Day
    qualifier: Optional[str] = None

    @property
    def precision(self) -> str:
        if self.start != self.end:
            return "range"
        if self.start.day is not None:
            return "day"
        return "month" if self.start.month is not None else "year"

    def has(self, part: str) -> bool:
        if part == "qualifier":
            return self.qualifier is not None
        return getattr(self.start, part) is not None

    def iso(self) -> str:
        """The value of HTML's <time datetime>: a valid date, month or year string."""
        return _iso(self.start)

    def iso_end(self) -> str:
        return _iso(self.end)


    def earliest(self) -> tuple[int, int, int]:
        return (self.start.year, self.start.month or 1, self.start.day or 1)

    def latest(self) -> tuple[int, int, int]:
        end = self.end
        month = end.month or 12
        return (end.year, month, end.day or calendar.monthrange(end.year, month)[1])


def _iso(day: Day) -> str:
    text = f"{day.year:04d}"
    if day.month is not None:
        text += f"-{day.month:02d}"
        if day.day is not None:
            text += f"-{day.day:02d}"
    return text


def parse_date(text: str, qualifier: Optional[str] = None) -> tuple[Optional[DateValue], Optional[str]]:
    """Parse an entry's date, or say in words what is wrong with it."""
    match = _DATE_RE.match(text)
    if not match:
        return None, f"{text!r} is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD"
    year, month, day, year2, month2, day2 = (int(g) if g else None for g in match.groups())
    start = Day(year, month, day)
    problem = _impossible(start)
    if problem:
        return None, problem
    end = start
    if year2 is not None:
        end = Day(year2, month2, day2)
        problem = _impossible(end)
        if problem:
            return None, problem
        if end <= start:
            return None, f"the range {text!r} must end after it starts"
    if qualifier is not None and start.day is not None:
        return None, f"a qualifier ({QUALIFIERS.get(qualifier, qualifier)}) only goes with a year or a month, not a day"
    return DateValue(start, end, qualifier), None


def _impossible(day: Day) -> Optional[str]:
    if day.month is not None and not 1 <= day.month <= 12:
        return f"there is no month {day.month:02d}"
    if day.day is not None:
        last = calendar.monthrange(day.year, day.month)[1]
        if not 1 <= day.day <= last:
            return f"{MONTHS[day.month - 1]} {day.year} has {last} days, so day {day.day:02d} is impossible"
    return None


def describe(value: DateValue) -> str:
    """The date in words, as the site shows it: "19–20 January 1990", "end of 1987"."""
    start, end = value.start, value.end
    if start != end:
        if (start.year, start.month) == (end.year, end.month):
            text = f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
        elif start.year == end.year:
            text = f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {start.year}"
        else:
            text = f"{_day_words(start)} – {_day_words(end)}"
    else:
        text = _day_words(start)
    if value.qualifier:
        text = f"{QUALIFIERS[value.qualifier]} {text}"
    return text


def _day_words(day: Day) -> str:
    if day.day is not None:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if day.month is not None:
        return f"{MONTHS[day.month - 1]} {day.year}"
    return str(day.year)


def describe_written(mention: Mention, needed: Iterable[str] = ("year", "month", "day")) -> str:
    """What a passage writes of a date, in the site's words, and which of the `needed`
    parts it does not write: "20 January, without a year", "19–20 January 1990",
    "Saturday, 20 January 1990, 10:00", "end of 1987"."""
    text = _span_words(mention.start, mention.end)
    if mention.qualifier:
        text = f"{QUALIFIERS[mention.qualifier]} {text}"
    if mention.weekday is not None:
        text = f"{WEEKDAYS[mention.weekday]}, {text}"
    if mention.time is not None:
        text += f", {mention.time[0]:02d}:{mention.time[1]:02d}"
    missing = [part for part in ("year", "month", "day") if part in needed and not mention.writes(part)]
    if missing:
        text += ", without a " + " or ".join(missing)
    return text


def _span_words(start: Day, end: Day) -> str:
    if start == end:
        return _written_words(start)
    if start.year != end.year:
        first = _written_words(start)
    elif start.month != end.month:
        first = _written_words(start._replace(year=None))
    else:
        first = _written_words(start._replace(year=None, month=None))
    return f"{first}{' – ' if ' ' in first else '–'}{_written_words(end)}"


def _written_words(day: Day) -> str:
    """The parts of a day that are known, in the site's order: "20 January", "January 1990"."""
    words = [str(day.day)] if day.day is not None else []
    if day.month is not None:
        words.append(MONTHS[day.month - 1])
    if day.year is not None:
        words.append(str(day.year))
    return " ".join(words)
