"""The picture of time as plain geometry: where each event's mark, bar and label go.

The scale is piecewise (scale.py). Events are gathered into stretches of time, each at
least a whole month; a long empty stretch between two is cut out and drawn as a break
that writes the years skipped. Within a stretch, time is strictly proportional: each
mark's axis point stands at the middle of its own date, and each tick at the date it
writes, on one linear map per stretch. Events of one date share one point.

Nothing is pushed apart along the axis. Where labels crowd, the labels move instead:
into lanes above the axis (across.py) or along a column beside it (down.py), with a
leader from each to its own mark; the compact picture, which has no labels, stacks its
marks above their points. A tick that would stand beside a mark or a label of another
date is dropped, never moved. Where even so the labels cannot all stand apart,
consecutive events of one month, year or decade are drawn as one counted group that
links to the first of them. Everything is O(n log n).
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
