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

import bisect
import datetime
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..dates import MONTHS, DateValue, describe
from .text_width import text_width, wrap

ABBREVIATIONS = [m[:3] for m in MONTHS]
LABEL_SIZE = 13  # CSS pixels: labels are never smaller than 12
TICK_SIZE = 12
GAP_DAYS = 300  # an empty stretch longer than this is cut out of the axis
EPSILON = 1e-3  # days: how far apart marks of one day are put in time, to keep the list's order

# Horizontal: the picture above 45em; vertical: below, down to a 320-pixel phone.
WIDE = 680
NARROW = 288
LINE = 17  # a label's line height


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
    x: float
    y: float
    extent: Optional[tuple[float, float]]  # the bar or span along the axis, from and to
    lines: tuple[str, ...]  # the label, line by line (empty in the compact picture)
    label: Optional[Box]
    pole: Optional[tuple[float, float, float, float]]  # a leader from the mark to its label


@dataclass(frozen=True)
class Tick:
    at: float  # position along the axis
    lines: tuple[str, ...]
    box: Box


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

    def boxes(self) -> list[Box]:
        """Every piece of text in the picture: labels, ticks and breaks."""
        return [m.label for m in self.marks if m.label] + [t.box for t in self.ticks] + [b.box for b in self.breaks]


# --- from events to items --------------------------------------------------------------

def _ordinal(year: int, month: int, day: int) -> float:
    return float(datetime.date(year, month, day).toordinal())


def event_item(event_id: str, title: str, short_title: Optional[str], value: DateValue, inferred: bool) -> Item:
    start = _ordinal(*value.earliest())
    stop = _ordinal(*value.latest()) + 1
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


# --- when each mark stands -------------------------------------------------------------

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


# --- stretches and the map from time to the axis -----------------------------------------

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
        return _ordinal(first.year, 1, 1), _ordinal(last.year + 1, 1, 1)
    if unit == "month":
        after = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
        return _ordinal(first.year, first.month, 1), _ordinal(*after, 1)
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


# --- ticks -------------------------------------------------------------------------------

def tick_times(stretch: Stretch, times: Sequence[float], items: Sequence[Item]) -> list[tuple[float, str]]:
    """(time, words) for the ticks of a stretch, most important first: its start, with the year."""
    first = datetime.date.fromordinal(int(stretch.start))
    found: list[tuple[float, str]] = []
    if stretch.unit == "year":
        found.append((stretch.start, str(first.year)))
        year = first.year + 1
        while _ordinal(year, 1, 1) < stretch.stop:
            found.append((_ordinal(year, 1, 1), str(year)))
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


def _keep_apart(candidates: list[tuple[int, int, Tick]], taken: list[Box], pad: float) -> list[Tick]:
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


# --- horizontal: the axis across, labels in lanes above it --------------------------------

MIN_GAP = 16  # between consecutive marks along the axis
PAD = 10
LABEL_WIDTH = 230  # a label wider than this is wrapped
MAX_LANES = 14
LABEL_PAD = 8  # between a label and the next one in its lane
CUT = 24  # the length of axis a cut takes
POLE_CLEAR = 3  # between a leader and a label it passes
CLEAR = 12  # between the axis and the lowest lane


def _break_words(parts: list[Stretch]) -> list[str]:
    return [skipped_years(a.stop, b.start) for a, b in zip(parts, parts[1:])]


def horizontal(items: Sequence[Item], width: float = WIDE, labelled: bool = True) -> Optional[Picture]:
    """The picture with time across, or None if its marks or labels cannot stand apart."""
    times = mark_times(items)
    parts = stretches(items, times)
    words = _break_words(parts)
    # Unlabelled (the compact picture), a stretch needs room for its marks alone: a tick
    # that has no room is dropped, as any tick whose words would touch another's.
    breaks = [CUT if labelled else CUT / 2] * len(words)
    need = [max(text_width(tick_times(s, times, items)[0][1], TICK_SIZE) + 2 * PAD if labelled else 0,
                (len(s.members) - 1) * MIN_GAP + 2 * PAD) for s in parts]
    lines = [tuple(wrap(item.label, LABEL_SIZE, LABEL_WIDTH)) for item in items] if labelled else [()] * len(items)
    widths = [max(text_width(line, LABEL_SIZE) for line in ls) + 6 if ls else 0.0 for ls in lines]
    room = width - 8 - sum(breaks)
    if room < sum(need):
        return None
    # Each stretch has what it needs, and the rest of the room is shared by its marks.
    total = sum(len(s.members) for s in parts) or 1
    lengths = [need[k] + (room - sum(need)) * len(s.members) / total for k, s in enumerate(parts)]
    scale, at, pieces = _along(parts, times, lengths, breaks, [MIN_GAP] * len(items), PAD, 4.0)
    placed = _lanes(at, widths, width) if labelled else [(0, x) for x in at]
    if placed is None or max((lane for lane, _ in placed), default=0) >= MAX_LANES:
        return None
    lanes = [lane for lane, _ in placed]
    lefts = [left for _, left in placed]
    # Each lane is as tall as its tallest label; lane 0 is next to the axis.
    depth = [0.0] * ((max(lanes) + 1) if labelled and items else 0)
    for i in range(len(items)):
        if labelled:
            depth[lanes[i]] = max(depth[lanes[i]], len(lines[i]) * LINE + 6)
    bottoms = [sum(depth[:k]) for k in range(len(depth))]
    axis = 6 + sum(depth) + (CLEAR if labelled else 10)
    marks = []
    for i, item in enumerate(items):
        extent = None if item.precision == "day" else (scale(item.start), scale(item.stop))
        box, pole = None, None
        if labelled:
            height = len(lines[i]) * LINE
            top = axis - CLEAR - bottoms[lanes[i]] - height - 4
            box = Box(lefts[i], top, widths[i], height)
            pole = (at[i], axis - 7, at[i], top + height)
        marks.append(Mark(item, at[i], axis, extent, lines[i], box, pole))
    picture = Picture("horizontal", width, 0, pieces, axis, marks)
    picture.ticks = _ticks_across(parts, times, items, scale, axis, width)
    picture.breaks = _breaks_across(pieces, words, axis, width)
    picture.height = max([axis + 30] + [b.box.bottom + 4 for b in picture.breaks])
    return picture


def _along(parts, times, lengths, breaks, gaps, pad, begin):
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


def _lanes(at: list[float], widths: list[float], width: float) -> Optional[list[tuple[int, float]]]:
    """(lane, left edge) for each label, placed right to left. A label runs right from its
    mark, or, where it would leave the picture, starts just far enough back to fit, its
    leader rising under it. Lane 0 is next to the axis. No
    label touches another in its lane, and no leader from a mark up to its label crosses
    another label. The room caps the marks at width / MIN_GAP, so checking each pair costs
    little; labels running right make a staircase, the earlier above the later."""
    placed: list[tuple[int, float, float, float]] = []  # (lane, left, right, mark)
    result: list[tuple[int, float]] = [(0, 0.0)] * len(at)
    for i in range(len(at) - 1, -1, -1):
        left = min(at[i], width - 4 - widths[i])  # at its mark, or back just far enough to fit
        lane = _lowest_lane(at[i], left, left + widths[i], placed) if left >= 2 else None
        if lane is None:
            return None
        result[i] = (lane, left)
        placed.append((lane, left, left + widths[i], at[i]))
    return result


def _lowest_lane(mark: float, left: float, right: float, placed) -> Optional[int]:
    floor, ceiling, taken = 0, MAX_LANES, set()
    for lane, other_left, other_right, other_mark in placed:
        if left - POLE_CLEAR <= other_mark <= right + POLE_CLEAR:
            floor = max(floor, lane + 1)  # its leader rises under this label: stand above it
        if other_left - POLE_CLEAR <= mark <= other_right + POLE_CLEAR:
            ceiling = min(ceiling, lane)  # this leader would rise through that label: stay below it
        if other_left < right + LABEL_PAD and left < other_right + LABEL_PAD:
            taken.add(lane)
    lane = floor
    while lane in taken:
        lane += 1
    return lane if lane < ceiling else None


def _ticks_across(parts, times, items, scale, axis, width) -> list[Tick]:
    candidates = []
    for index, stretch in enumerate(parts):
        for rank, (time, words) in enumerate(tick_times(stretch, times, items)):
            at = scale(time)
            wide = text_width(words, TICK_SIZE)
            x = at if at + wide <= width - 2 else at - wide
            candidates.append((rank, index, Tick(at, (words,), Box(x, axis + 8, wide, TICK_SIZE + 3))))
    return _keep_apart(candidates, [], 6)


def _breaks_across(pieces, words, axis, width) -> list[Break]:
    """The years each cut skips, centred under it on the row below the ticks, or on a second
    row where two would touch."""
    found: list[Break] = []
    for (_, end), (start, _), text in zip(pieces, pieces[1:], words):
        wide = text_width(text, TICK_SIZE)
        x = min(max(2.0, (end + start) / 2 - wide / 2), width - 2 - wide)
        for row in range(len(words) + 1):
            box = Box(x, axis + 26 + row * 16, wide, TICK_SIZE + 3)
            grown = Box(box.x - 6, box.y, box.width + 12, box.height)
            if not any(grown.overlaps(b.box) for b in found):
                break
        found.append(Break(end, start, text, box))
    return found


# --- vertical: time down the page, labels beside the axis -------------------------------

AXIS_X = 92  # the tick words stand to the left of the axis, the labels to the right


def vertical(items: Sequence[Item], width: float = NARROW, max_height: float = 1400) -> Optional[Picture]:
    times = mark_times(items)
    parts = stretches(items, times)
    left = AXIS_X - 14
    label_x = AXIS_X + 14
    lines = [tuple(wrap(item.title, LABEL_SIZE, width - label_x - 4)) for item in items]
    heights = [len(ls) * LINE + 6 for ls in lines]
    words = _break_words(parts)
    break_lines = [tuple(wrap(w, TICK_SIZE, left)) for w in words]
    breaks = [max(30.0, len(ls) * 15 + 16) for ls in break_lines]
    need = []
    for stretch in parts:
        first = wrap(tick_times(stretch, times, items)[0][1], TICK_SIZE, left)
        marks = sum(heights[i] for i in stretch.members[:-1]) + (heights[stretch.members[-1]] if stretch.members else 0)
        need.append(max(len(first) * 15 + 2 * PAD, marks + 2 * PAD) + 24)
    scale, at, pieces = _along(parts, times, need, breaks, heights, PAD + LINE, 8.0)
    height = pieces[-1][1] + 12 if pieces else 20
    if height > max_height:
        return None
    marks = []
    for i, item in enumerate(items):
        extent = None if item.precision == "day" else (scale(item.start), scale(item.stop))
        wide = max(text_width(line, LABEL_SIZE) for line in lines[i])
        box = Box(label_x, at[i] - LINE + 4, wide, len(lines[i]) * LINE)
        marks.append(Mark(item, AXIS_X, at[i], extent, lines[i], box, (AXIS_X + 7, at[i], label_x - 3, at[i])))
    picture = Picture("vertical", width, height, pieces, AXIS_X, marks)
    picture.breaks = [Break(end, start, " ".join(ls), Box(left - max(text_width(x, TICK_SIZE) for x in ls), (end + start) / 2 - len(ls) * 15 / 2, max(text_width(x, TICK_SIZE) for x in ls), len(ls) * 15))
                      for (_, end), (start, _), ls in zip(pieces, pieces[1:], break_lines)]
    picture.ticks = _ticks_down(parts, times, items, scale, left, [b.box for b in picture.breaks])
    return picture


def _ticks_down(parts, times, items, scale, left, taken: list[Box]) -> list[Tick]:
    candidates = []
    for index, stretch in enumerate(parts):
        for rank, (time, words) in enumerate(tick_times(stretch, times, items)):
            at = scale(time)
            lines = tuple(wrap(words, TICK_SIZE, left))
            wide = max(text_width(line, TICK_SIZE) for line in lines)
            top = at - 3 if rank == 0 else at - 11  # a stretch's first tick hangs into the stretch
            candidates.append((rank, index, Tick(at, lines, Box(left - wide, top, wide, len(lines) * 15))))
    return _keep_apart(candidates, list(taken), 2)


# --- the picture, grouped only as far as it must be -------------------------------------

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
