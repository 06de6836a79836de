"""The dates a passage of text writes, with the parts it writes and nothing more.

A passage writes dates as the article does: "January 19-20, 1990", "January 25",
"March 29, 1994", "the end of 1987", "2020". A part it does not write stays None.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Optional

MONTHS = [calendar.month_name[m] for m in range(1, 13)]


class Day(NamedTuple):
    """A point the text or the entry knows to some precision: unknown parts are None."""

    year: Optional[int]
    month: Optional[int]
    day: Optional[int]


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
MENTION_ALTERNATIVES = (
    rf"\b{_MONTH} (\d{{1,2}})\s?[-–]\s?(\d{{1,2}})(?:, (\d{{4}}))?\b"  # January 19-20, 1990
    rf"|\b{_MONTH} (\d{{1,2}})(?:, (\d{{4}}))?(?![\d])"  # January 25 / March 29, 1994
    rf"|{_QUAL}\b{_MONTH},? (\d{{4}})\b"  # January 1990
    rf"|{_QUAL}\b(1[89]\d\d|20\d\d)\b(?![-–]?\d)(?!(?:st|nd|rd|th)\b)"  # 1987, end of 1987
)
# Every alternative starts with a month's capital, a qualifier's first letter or a year's
# first digit. Said once in front, it lets the search pass over every other place at a
# glance: three times faster, and the same matches (tests/test_text_reading.py).
_FIRST = "".join(sorted({month[0] for month in MONTHS} | {"t", "b", "s", "m", "e", "1", "2"}))
_MENTION_RE = re.compile(rf"(?=[{_FIRST}])(?:{MENTION_ALTERNATIVES})")
_QUALIFIER_WORDS = {"beginning": "start", "start": "start", "middle": "middle", "end": "end"}


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


