"""Ticks: the dates written along the axis, the years a cut skips, and which of them fit.

A tick stands at the true date it writes and is never moved: a month's or a year's at its
first midnight, a day's at the day's noon, where that day's marks stand. A tick that has
no room is dropped, never shifted.
"""
from __future__ import annotations

import datetime
from typing import Sequence

from ...text.date_mentions import MONTHS
from .geometry import Box, Item, Tick
from .items import ordinal
from .scale import Stretch

ABBREVIATIONS = [m[:3] for m in MONTHS]


def tick_times(stretch: Stretch, items: Sequence[Item]) -> list[tuple[float, str, str]]:
    """(time, words, unit) for the ticks of a stretch, most important first: its start, which
    writes the year."""
    first = datetime.date.fromordinal(int(stretch.start))
    if stretch.unit == "year":
        return [(ordinal(year, 1, 1), str(year), "year") for year in range(first.year, datetime.date.fromordinal(int(stretch.stop) - 1).year + 1)]
    found = [(stretch.start, f"{ABBREVIATIONS[first.month - 1]} {first.year}", "month")]
    months = []
    day = _next_month(first)
    while day.toordinal() < stretch.stop:
        months.append((float(day.toordinal()), f"{ABBREVIATIONS[day.month - 1]} {day.year}" if day.month == 1 else ABBREVIATIONS[day.month - 1], "month"))
        day = _next_month(day)
    if stretch.unit == "month":
        return found + months
    # A day stretch writes the days its events name: first the days of single-day events,
    # then the first days of ranges; then the months it crosses.
    single = sorted({int(items[i].start) for i in stretch.members if items[i].precision == "day"})
    starts = sorted({int(items[i].start) for i in stretch.members if items[i].precision == "range"} - set(single))
    for number in single + starts:
        day = datetime.date.fromordinal(number)
        words = str(day.day) if (day.year, day.month) == (first.year, first.month) else f"{day.day} {ABBREVIATIONS[day.month - 1]}"
        found.append((number + 0.5, words, "day"))
    return found + months


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + 1, 1, 1) if day.month == 12 else datetime.date(day.year, day.month + 1, 1)


def named(tick: Tick) -> tuple[float, float]:
    """The stretch of time a tick's words name, start and stop."""
    day = datetime.date.fromordinal(int(tick.time))
    if tick.unit == "day":
        return float(int(tick.time)), float(int(tick.time) + 1)
    if tick.unit == "month":
        return tick.time, float(_next_month(day).toordinal())
    return tick.time, ordinal(day.year + 1, 1, 1)


def agrees(tick: Tick, item: Item) -> bool:
    """Whether a tick may stand beside an item's mark or label: the item's date lies within
    the tick's words ("Jan 1990" beside 21 January), or the tick names a day of the item's
    range ("19" beside 19–20 January). "21" beside "January 1990" does not agree: the
    source does not say the 21st."""
    start, stop = named(tick)
    if start <= item.start and item.stop <= stop:
        return True
    return tick.unit == "day" and item.precision == "range" and item.start <= start and stop <= item.stop


def skipped_years(before: float, after: float) -> str:
    """What a cut between two stretches skips, in words: whole years by their numbers
    ("1988–1989", "2024"), the part of a year at either end by its first or last month
    ("Feb 1990–1993", "Apr–Dec 1990"). Stretches begin and end on a month's first day."""
    first, last = datetime.date.fromordinal(int(before)), datetime.date.fromordinal(int(after) - 1)
    if last < first:
        return "…"
    whole_first, whole_last = (first.month, first.day) == (1, 1), (last.month, last.day) == (12, 31)
    if first.year == last.year:  # within one year: "1990", "Apr–Dec 1990", "Apr 1990"
        if whole_first and whole_last:
            return str(first.year)
        months = ABBREVIATIONS[first.month - 1] + ("" if first.month == last.month else f"–{ABBREVIATIONS[last.month - 1]}")
        return f"{months} {first.year}"
    begin = str(first.year) if whole_first else f"{ABBREVIATIONS[first.month - 1]} {first.year}"
    end = str(last.year) if whole_last else f"{ABBREVIATIONS[last.month - 1]} {last.year}"
    return f"{begin}–{end}"


def keep_apart(candidates: list[tuple[int, int, Tick]], taken: list[Box], pad: float) -> list[Tick]:
    """Ticks in order of importance, (rank, stretch, tick), every stretch's first before any
    other (a rank below 0 comes before every other stretch's first): a tick whose words would
    touch another's is dropped, and so are the other ticks of a stretch whose first tick (the
    one that writes the month and year) is dropped."""
    kept: list[Tick] = []
    dated: set[int] = set()
    for rank, stretch, tick in sorted(candidates, key=lambda c: c[0]):
        if rank > 0 and stretch not in dated:
            continue
        grown = Box(tick.box.x - pad, tick.box.y, tick.box.width + 2 * pad, tick.box.height)
        if not any(grown.overlaps(box) for box in taken):
            kept.append(tick)
            taken.append(tick.box)
            dated.add(stretch)
    return sorted(kept, key=lambda t: t.at)
