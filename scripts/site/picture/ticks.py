"""Ticks: the dates written along the axis, the years a cut skips, and which of them fit."""
from __future__ import annotations

import datetime
from typing import Sequence

from ...text.date_mentions import MONTHS
from .geometry import Box, Item, Tick
from .items import ordinal
from .scale import Stretch

ABBREVIATIONS = [m[:3] for m in MONTHS]


def tick_times(stretch: Stretch, times: Sequence[float], items: Sequence[Item]) -> list[tuple[float, str]]:
    """(time, words) for the ticks of a stretch, most important first: its start, with the year."""
    first = datetime.date.fromordinal(int(stretch.start))
    found: list[tuple[float, str]] = []
    if stretch.unit == "year":
        found.append((stretch.start, str(first.year)))
        year = first.year + 1
        while ordinal(year, 1, 1) < stretch.stop:
            found.append((ordinal(year, 1, 1), str(year)))
            year += 1
    elif stretch.unit == "month":
        found.append((stretch.start, f"{ABBREVIATIONS[first.month - 1]} {first.year}"))
        day = _next_month(first)
        while day.toordinal() < stretch.stop:
            words = f"{ABBREVIATIONS[day.month - 1]} {day.year}" if day.month == 1 else ABBREVIATIONS[day.month - 1]
            found.append((float(day.toordinal()), words))
            day = _next_month(day)
    else:
        starts_month = first.day == 1
        found.append((stretch.start, f"{ABBREVIATIONS[first.month - 1]} {first.year}" if starts_month else f"{first.day} {ABBREVIATIONS[first.month - 1]} {first.year}"))
        days = sorted({int(items[i].start) for i in stretch.members if items[i].precision != "span"} - {int(stretch.start)})
        for number in days:
            day = datetime.date.fromordinal(number)
            found.append((float(number), str(day.day) if (day.year, day.month) == (first.year, first.month) else f"{day.day} {ABBREVIATIONS[day.month - 1]}"))
    return found


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + 1, 1, 1) if day.month == 12 else datetime.date(day.year, day.month + 1, 1)


def skipped_years(before: float, after: float) -> str:
    """The whole years between two stretches, in words: "1988–1989", "2024"."""
    first = datetime.date.fromordinal(int(before)).year + (0 if datetime.date.fromordinal(int(before)).timetuple().tm_yday == 1 else 1)
    last = datetime.date.fromordinal(int(after) - 1).year - (0 if datetime.date.fromordinal(int(after)).timetuple().tm_yday == 1 else 1)
    if last < first:
        return "…"
    return str(first) if first == last else f"{first}–{last}"


def keep_apart(candidates: list[tuple[int, int, Tick]], taken: list[Box], pad: float) -> list[Tick]:
    """Ticks in order of importance, (rank, stretch, tick), every stretch's first before any
    other: a tick whose words would touch another's is dropped, and so are the other ticks of
    a stretch whose first tick (the one that writes the month and year) is dropped."""
    kept: list[Tick] = []
    dated: set[int] = set()
    for rank, stretch, tick in sorted(candidates, key=lambda c: c[0]):
        if rank and stretch not in dated:
            continue
        grown = Box(tick.box.x - pad, tick.box.y, tick.box.width + 2 * pad, tick.box.height)
        if not any(grown.overlaps(box) for box in taken):
            kept.append(tick)
            taken.append(tick.box)
            dated.add(stretch)
    return sorted(kept, key=lambda t: t.at)
