"""The picture of time as plain geometry: where each event's mark, bar and label go.

The scale is piecewise. Events are gathered into stretches of time; a long empty
stretch between two is cut out and drawn as a break that writes the years skipped.
Within a stretch, time is proportional, except that consecutive marks keep a minimum
distance, so the days of a dense week stand apart. Every position comes from one map
from time to length per stretch (through the marks), so the ticks give true dates.

Each event's mark lies inside its own date and in the order the list gives, so a month
("January 1990") sits after the days listed before it and before those listed after.
Where marks cannot all stand apart, consecutive events of one month, year or decade are
drawn as one counted group that links to the first of them. Everything is O(n log n).
"""
from __future__ import annotations

from typing import Optional, Sequence

from .across import horizontal
from .down import vertical
from .geometry import NARROW, WIDE, Item, Picture
from .items import grouped

LEVELS = (None, "month", "year", "decade", "all")


def picture(items: Sequence[Item], orientation: str, labelled: bool = True, width: Optional[float] = None) -> Picture:
    """The first picture, from no grouping to one group of everything, whose marks and labels
    all stand apart."""
    for level in LEVELS:
        group = grouped(items, level)
        if orientation == "horizontal":
            made = horizontal(group, width or WIDE, labelled)
        else:
            made = vertical(group, width or NARROW)
        if made is not None:
            made.grouped_by = level
            return made
    raise ValueError("the events cannot be drawn even as one group")
