"""From events to the items the picture places, grouped where they must be, and the time
at which each item's mark stands."""
from __future__ import annotations

import datetime
from typing import Optional, Sequence

from ...model.dates import DateValue, describe
from ...text.date_mentions import MONTHS
from .geometry import Item

EPSILON = 1e-3  # days: how far apart marks of one day are put in time, to keep the list's order


def ordinal(year: int, month: int, day: int) -> float:
    return float(datetime.date(year, month, day).toordinal())


def event_item(event_id: str, title: str, short_title: Optional[str], value: DateValue, inferred: bool) -> Item:
    start = ordinal(*value.earliest())
    stop = ordinal(*value.latest()) + 1
    precision = {"day": "day", "range": "range"}.get(value.precision, "span")
    return Item(event_id, short_title or title, title, describe(value), start, stop, precision, inferred)


def _bucket(item: Item, level: str) -> tuple:
    day = datetime.date.fromordinal(int(item.start))
    return {"month": (day.year, day.month), "year": (day.year,), "decade": (day.year // 10,), "all": ()}[level]


def _bucket_words(run: list[Item], level: str) -> str:
    first = datetime.date.fromordinal(int(run[0].start))
    last = datetime.date.fromordinal(int(max(i.stop for i in run)) - 1)
    if level == "month":
        return f"{MONTHS[first.month - 1]} {first.year}"
    if level == "year":
        return str(first.year)
    if level == "decade":
        return f"the {first.year // 10 * 10}s"
    return f"{first.year}–{last.year}"


def grouped(items: Sequence[Item], level: Optional[str]) -> list[Item]:
    """Consecutive items of one month, year or decade as one counted group; a lone item stays itself."""
    if level is None:
        return list(items)
    result: list[Item] = []
    run: list[Item] = []
    for item in [*items, None]:
        if run and (item is None or _bucket(item, level) != _bucket(run[0], level)):
            if len(run) == 1:
                result.append(run[0])
            else:
                first = run[0]
                result.append(Item(first.key, f"{len(run)} events", f"{len(run)} events", _bucket_words(run, level), min(i.start for i in run),
                                   max(i.stop for i in run), "span", any(i.inferred for i in run), len(run)))
            run = []
        if item is not None:
            run.append(item)
    return result


def mark_times(items: Sequence[Item]) -> list[float]:
    """A time for each item's mark: inside its own date, strictly increasing in list order.
    A day's mark is at noon, a range's at its middle; a month's or a year's in the middle
    of the room that its neighbours in the list leave it."""
    n = len(items)
    low, high = [0.0] * n, [0.0] * n
    for i, item in enumerate(items):  # the earliest each can stand, keeping the order
        low[i] = max(item.start, low[i - 1] + EPSILON) if i else item.start
    for i in range(n - 1, -1, -1):  # the latest each can stand
        high[i] = min(items[i].stop - EPSILON, high[i + 1] - EPSILON) if i < n - 1 else items[i].stop - EPSILON
    times: list[Optional[float]] = [None] * n
    previous = None
    for i, item in enumerate(items):  # days and ranges first, where they fall
        floor = low[i] if previous is None else max(low[i], previous + EPSILON)
        if item.precision != "span":
            times[i] = previous = min(max((item.start + item.stop) / 2, floor), max(floor, high[i]))
        else:
            previous = floor  # room kept for the span's mark
    i = 0
    while i < n:  # then each run of months and years, spread over the room between its neighbours
        if times[i] is not None:
            i += 1
            continue
        j = i
        while j < n and times[j] is None:
            j += 1
        after = times[j] if j < n else float("inf")
        for k in range(i, j):
            left = j - k  # spans still to place, this one among them
            floor = max(low[k], times[k - 1] + EPSILON) if k else low[k]
            ceiling = max(floor, min(high[k], after - left * EPSILON))
            times[k] = floor + (ceiling - floor) / (left + 1)
        i = j
    return [t for t in times if t is not None]
