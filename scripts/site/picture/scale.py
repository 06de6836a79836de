"""The scale is piecewise. Events are gathered into stretches of time; a long empty
stretch between two is cut out and drawn as a break that writes the years skipped.
Within a stretch, time is strictly proportional: one linear map from date to position,
which the marks' axis points and the ticks both follow. Nothing is pushed apart along
the axis; crowded labels are spread across it instead (across.py, down.py).

A stretch covers whole months or whole years, never less than a month: a two-day range
drawn in a two-day stretch would fill it and look long, while in its month it is visibly
short. Each stretch has its own scale, and its ticks say what it is.
"""
from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass
from typing import Sequence

from .geometry import Item
from .items import ordinal

GAP_DAYS = 300  # an empty stretch longer than this is cut out of the axis


@dataclass
class Stretch:
    start: float  # in days, widened to whole months or years
    stop: float
    members: list[int]  # indexes of the items whose marks stand in it, in time order
    unit: str  # "year", "month" or "day": what its ticks count


def stretches(items: Sequence[Item], times: Sequence[float]) -> list[Stretch]:
    """Runs of items whose dates lie within GAP_DAYS of each other, each widened to whole
    months or years; runs whose widened stretches would overlap become one."""
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    runs: list[list[int]] = []
    reach = None
    for i in order:
        if reach is None or items[i].start - reach > GAP_DAYS:
            runs.append([])
            reach = items[i].stop
        runs[-1].append(i)
        reach = max(reach, items[i].stop)
    result: list[Stretch] = []
    for run in runs:
        made = _stretch(items, times, run)
        while result and made.start <= result[-1].stop:  # widening made them meet: a cut would skip nothing
            made = _stretch(items, times, result.pop().members + run)
            run = made.members
        result.append(made)
    return result


def _stretch(items: Sequence[Item], times: Sequence[float], run: list[int]) -> Stretch:
    start = min(items[i].start for i in run)
    stop = max(items[i].stop for i in run)
    unit = "year" if stop - start > 300 else "month" if stop - start > 62 else "day"
    return Stretch(*_widened(start, stop, unit), sorted(run, key=lambda i: (times[i], i)), unit)


def _widened(start: float, stop: float, unit: str) -> tuple[float, float]:
    first = datetime.date.fromordinal(int(start))
    last = datetime.date.fromordinal(int(stop) - 1)
    if unit == "year":
        return ordinal(first.year, 1, 1), ordinal(last.year + 1, 1, 1)
    after = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
    return ordinal(first.year, first.month, 1), ordinal(*after, 1)


class Scale:
    """Time to position along the axis: one linear map per stretch."""

    def __init__(self):
        self.pieces: list[tuple[float, float, float, float]] = []  # (start, stop) in time, (begin, end) along the axis

    def add(self, start: float, stop: float, begin: float, end: float) -> None:
        self.pieces.append((start, stop, begin, end))

    def __call__(self, time: float) -> float:
        index = max(0, bisect.bisect_right(self.pieces, (time, float("inf"))) - 1)
        t0, t1, a0, a1 = self.pieces[index]
        return a0 + (time - t0) / (t1 - t0) * (a1 - a0)


def place_along(parts: Sequence[Stretch], lengths: Sequence[float], breaks: Sequence[float], begin: float):
    """The scale: each stretch its length along the axis, one after another with a cut
    between; and the axis's pieces."""
    scale = Scale()
    pieces = []
    cursor = begin
    for index, stretch in enumerate(parts):
        scale.add(stretch.start, stretch.stop, cursor, cursor + lengths[index])
        pieces.append((cursor, cursor + lengths[index]))
        cursor += lengths[index] + (breaks[index] if index < len(breaks) else 0)
    return scale, pieces
