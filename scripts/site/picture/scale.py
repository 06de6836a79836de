"""The scale is piecewise. Events are gathered into stretches of time; a long empty
stretch between two is cut out and drawn as a break that writes the years skipped.
Within a stretch, time is proportional, except that consecutive marks keep a minimum
distance, so the days of a dense week stand apart. Every position comes from one map
from time to length per stretch (through the marks), so the ticks give true dates.
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
    start: float  # in days, widened to whole units of its ticks
    stop: float
    members: list[int]  # indexes of the items whose marks stand in it
    unit: str  # "year", "month" or "day": what its ticks count


def stretches(items: Sequence[Item], times: Sequence[float]) -> list[Stretch]:
    """Runs of items whose dates lie within GAP_DAYS of each other."""
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    runs: list[list[int]] = []
    reach = None
    for i in order:
        if reach is None or items[i].start - reach > GAP_DAYS:
            runs.append([])
            reach = items[i].stop
        runs[-1].append(i)
        reach = max(reach, items[i].stop)
    result = []
    for run in runs:
        start = min(items[i].start for i in run)
        stop = max(items[i].stop for i in run)
        unit = "year" if stop - start > 300 else "month" if stop - start > 62 else "day"
        result.append(Stretch(*_widened(start, stop, unit), sorted(run, key=lambda i: times[i]), unit))
    result.sort(key=lambda s: s.start)
    return result


def _widened(start: float, stop: float, unit: str) -> tuple[float, float]:
    first = datetime.date.fromordinal(int(start))
    last = datetime.date.fromordinal(int(stop) - 1)
    if unit == "year":
        return ordinal(first.year, 1, 1), ordinal(last.year + 1, 1, 1)
    if unit == "month":
        after = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
        return ordinal(first.year, first.month, 1), ordinal(*after, 1)
    return start, stop


class Scale:
    """Time to position along the axis, piecewise linear through each stretch's knots."""

    def __init__(self):
        self.knots: list[tuple[float, float]] = []

    def add(self, time: float, at: float) -> None:
        self.knots.append((time, at))

    def __call__(self, time: float) -> float:
        index = bisect.bisect_right(self.knots, (time, float("inf")))
        if index == 0:
            return self.knots[0][1]
        if index == len(self.knots):
            return self.knots[-1][1]
        (t0, a0), (t1, a1) = self.knots[index - 1], self.knots[index]
        return a0 if t1 == t0 else a0 + (time - t0) / (t1 - t0) * (a1 - a0)


def _place(times: Sequence[float], stretch: Stretch, begin: float, end: float, gaps: Sequence[float], pad: float) -> list[float]:
    """Positions of a stretch's marks between `begin` and `end`: proportional to time, then
    pushed apart to the minimum gaps, forwards and then backwards so they stay inside."""
    members = stretch.members
    span = stretch.stop - stretch.start
    at = [begin + pad + (times[i] - stretch.start) / span * (end - begin - 2 * pad) for i in members]
    for k in range(1, len(at)):
        at[k] = max(at[k], at[k - 1] + gaps[k - 1])
    at[-1] = min(at[-1], end - pad)
    for k in range(len(at) - 2, -1, -1):
        at[k] = min(at[k], at[k + 1] - gaps[k])
    return at


def place_along(parts, times, lengths, breaks, gaps, pad, begin):
    """Every mark's position along the axis, stretch after stretch with a cut between, and
    the scale from time to position through them."""
    scale = Scale()
    at: list[float] = [0.0] * len(times)
    pieces = []
    cursor = begin
    for index, stretch in enumerate(parts):
        length = lengths[index]
        positions = _place(times, stretch, cursor, cursor + length, [gaps[i] for i in stretch.members], pad)
        scale.add(stretch.start, cursor)
        for i, position in zip(stretch.members, positions):
            at[i] = position
            scale.add(times[i], position)
        scale.add(stretch.stop, cursor + length)
        pieces.append((cursor, cursor + length))
        cursor += length + (breaks[index] if index < len(breaks) else 0)
    return scale, at, pieces
