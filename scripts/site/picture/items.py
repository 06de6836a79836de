"""From events to the items the picture places, grouped where they must be, and the time
at which each item's mark stands."""
from __future__ import annotations

import datetime
from typing import Optional, Sequence

from ...model.dates import DateValue, describe
from ...text.date_mentions import MONTHS
from .geometry import Item

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
    """The time of each item's axis point: the middle of its own date, a day's noon, a range's
    middle, a month's or a year's middle. Nothing is moved to keep the list's order or to keep
    marks apart: events of one date share one point, and their labels stand apart instead."""
    return [(item.start + item.stop) / 2 for item in items]
