"""Dates that say how much they know, and the dates a passage of text writes.

An entry's date is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a range of days
`YYYY-MM-DD/YYYY-MM-DD`, with an optional qualifier ("end" of 1987). A passage
writes dates as the article does: "January 19-20, 1990", "January 25",
"March 29, 1994", "the end of 1987", "2020".
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional

MONTHS = [calendar.month_name[m] for m in range(1, 13)]
QUALIFIERS = {"start": "beginning of", "middle": "middle of", "end": "end of"}
PARTS = ("year", "month", "day", "qualifier")

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:/(\d{4})-(\d{2})-(\d{2}))?)?)?$")


class Day(NamedTuple):
    """A point the text or the entry knows to some precision: unknown parts are None."""

    year: Optional[int]
    month: Optional[int]
    day: Optional[int]


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

    def value_of(self, part: str):
        if part == "qualifier":
            return self.qualifier
        if part == "day" and self.start != self.end:
            return (self.start.day, self.end.day)
        return getattr(self.start, part)

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


# --- dates written in text -------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    """A date that a passage writes; parts it does not write are None."""

    start: Day
    end: Day
    qualifier: Optional[str]
    begin: int  # offset in the passage
    stop: int

    def writes(self, part: str) -> bool:
        if part == "qualifier":
            return self.qualifier is not None
        return getattr(self.start, part) is not None and getattr(self.end, part) is not None


_MONTH = "(" + "|".join(MONTHS) + ")"
_QUAL = r"(?:(?:the )?(beginning|start|middle|end) of )?"
_MENTION_RE = re.compile(
    rf"\b{_MONTH} (\d{{1,2}})\s?[-–]\s?(\d{{1,2}})(?:, (\d{{4}}))?\b"  # January 19-20, 1990
    rf"|\b{_MONTH} (\d{{1,2}})(?:, (\d{{4}}))?(?![\d])"  # January 25 / March 29, 1994
    rf"|{_QUAL}\b{_MONTH},? (\d{{4}})\b"  # January 1990
    rf"|{_QUAL}\b(1[89]\d\d|20\d\d)\b(?![-–]?\d)(?!(?:st|nd|rd|th)\b)"  # 1987, end of 1987
)
_QUALIFIER_WORDS = {"beginning": "start", "start": "start", "middle": "middle", "end": "end"}


@lru_cache(maxsize=65536)
def mentions(text: str) -> tuple[Mention, ...]:
    """Every date written in `text`, left to right."""
    return tuple(_mentions(text))


def _mentions(text: str) -> Iterator[Mention]:
    for m in _MENTION_RE.finditer(text):
        g = m.groups()
        if g[0]:
            month, year = MONTHS.index(g[0]) + 1, _int(g[3])
            yield Mention(Day(year, month, int(g[1])), Day(year, month, int(g[2])), None, m.start(), m.end())
        elif g[4]:
            day = Day(_int(g[6]), MONTHS.index(g[4]) + 1, int(g[5]))
            yield Mention(day, day, None, m.start(), m.end())
        elif g[8]:
            day = Day(int(g[9]), MONTHS.index(g[8]) + 1, None)
            yield Mention(day, day, _QUALIFIER_WORDS.get(g[7]), m.start(), m.end())
        else:
            day = Day(int(g[11]), None, None)
            yield Mention(day, day, _QUALIFIER_WORDS.get(g[10]), m.start(), m.end())


_ANNIVERSARY_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th) anniversary of\b")


def anniversary_mentions(text: str) -> Iterator[Mention]:
    """The dates that "the Nth anniversary of <date>" falls on: N years after each date."""
    for match in _ANNIVERSARY_RE.finditer(text):
        years = int(match.group(1))
        for mention in mentions(text[match.end():]):
            if mention.start.year is None:
                continue
            start = mention.start._replace(year=mention.start.year + years)
            end = mention.end._replace(year=mention.end.year + years)
            yield Mention(start, end, None, match.start(), match.end() + mention.stop)
            break


def _int(text: Optional[str]) -> Optional[int]:
    return int(text) if text else None


# --- comparing an entry's date with what a passage writes --------------------------------

def conflicts(value: DateValue, mention: Mention) -> Optional[str]:
    """Why `mention` cannot be a writing of (part of) `value`, or None if it can."""
    if mention.qualifier and mention.qualifier != value.qualifier:
        return f"the passage writes {QUALIFIERS[mention.qualifier]} but the date has {'no qualifier' if value.qualifier is None else QUALIFIERS[value.qualifier]}"
    if mention.start != mention.end:
        if _agrees(value.start, mention.start) and _agrees(value.end, mention.end):
            return None
    elif _agrees(value.start, mention.start) or _agrees(value.end, mention.start):
        return None
    return "it is not the date of this entry"


def _agrees(entry: Day, written: Day) -> bool:
    for part in ("year", "month", "day"):
        wrote = getattr(written, part)
        if wrote is not None and getattr(entry, part) != wrote:
            return False
    return True


def written_parts(value: DateValue, found: list[Mention]) -> set[str]:
    """Which parts of `value` the agreeing mentions write between them."""
    parts = set()
    for part in ("year", "month"):
        if value.has(part) and any(m.writes(part) for m in found):
            parts.add(part)
    if value.has("day"):
        starts = any(m.start.day == value.start.day for m in found if m.start.day is not None)
        ends = any(m.end.day == value.end.day for m in found if m.end.day is not None)
        if starts and ends:
            parts.add("day")
    if value.qualifier and any(m.qualifier == value.qualifier for m in found):
        parts.add("qualifier")
    return parts


def mention_text(text: str, mention: Mention) -> str:
    return text[mention.begin:mention.stop]
