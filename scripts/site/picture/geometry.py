"""The picture of time as plain data: the items it places and the marks, ticks, breaks
and boxes it places them as. The layout modules fill these; svg.py writes them out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

LABEL_SIZE = 13  # CSS pixels: labels are never smaller than 12
TICK_SIZE = 12
# Horizontal: the picture above 45em; vertical: below, down to a 320-pixel phone.
WIDE = 680
NARROW = 288
LINE = 17  # a label's line height
SHAPE = 5.5  # the radius of a day's dot (svg.py draws it; the compact picture keeps shapes apart by it)

@dataclass(frozen=True)
class Item:
    """What the picture places: one event, or a counted group of consecutive events."""

    key: str  # the event's id; a group's first event's id
    label: str  # what the picture across writes: the short title, where there is one
    title: str  # what the picture down the page writes: the whole title
    when: str  # the date in words
    start: float  # first day (proleptic ordinal), inclusive
    stop: float  # the day after the last day
    precision: str  # "day", "range" or "span" (a month, a year, "end of" a year)
    inferred: bool
    count: int = 1


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: "Box") -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom


@dataclass(frozen=True)
class Mark:
    item: Item
    x: float  # where its shape is drawn: on the axis, or, in a crowded compact picture,
    y: float  # stacked above its axis point with a leader down to it
    extent: Optional[tuple[float, float]]  # the bar or span along the axis, from and to
    lines: tuple[str, ...]  # the label, line by line (empty in the compact picture)
    label: Optional[Box]
    pole: Optional[tuple[tuple[float, float], ...]]  # the leader, point by point, from the axis point to the label
    at: float = 0.0  # its axis point: the position of its date along the axis, never moved


@dataclass(frozen=True)
class Tick:
    at: float  # position along the axis
    lines: tuple[str, ...]
    box: Box
    time: float = 0.0  # the date it writes (a day's tick stands at the day's noon, where its marks are)
    unit: str = "day"  # "day", "month" or "year": how much of time its words name


@dataclass(frozen=True)
class Break:
    start: float  # along the axis
    stop: float
    text: str  # the years skipped
    box: Box


@dataclass
class Picture:
    orientation: str  # "horizontal" or "vertical"
    width: float
    height: float
    axis: list[tuple[float, float]]  # the axis's pieces, along the axis (one per stretch)
    cross: float  # where the axis lies across: its y when horizontal, its x when vertical
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    grouped_by: Optional[str] = None  # None, "month", "year" or "decade"
    spans: list[tuple[float, float]] = field(default_factory=list)  # each piece's stretch of time, start and stop

    def boxes(self) -> list[Box]:
        """Every piece of text in the picture: labels, ticks and breaks."""
        return [m.label for m in self.marks if m.label] + [t.box for t in self.ticks] + [b.box for b in self.breaks]
