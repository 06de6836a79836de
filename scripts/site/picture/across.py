"""The picture across: time along a horizontal axis, labels in lanes above it.

Every mark stands at its date's true position. Where labels crowd, they move up into
lanes, and a leader rises from each mark's axis point to its own label; events of one
date share one point, and their leaders one stem. In the compact picture, which has no
labels, marks that would touch are stacked above their points instead.
"""
from __future__ import annotations

import bisect
from typing import Optional, Sequence

from ..text_width import text_width, wrap
from .geometry import LABEL_SIZE, LINE, SHAPE, TICK_SIZE, WIDE, Box, Break, Item, Mark, Picture, Tick
from .items import mark_times
from .scale import Stretch, place_along, stretches
from .ticks import agrees, keep_apart, skipped_years, tick_times

PAD = 10
EDGE = 8  # between the picture's sides and the axis's ends, so a mark at either end stays inside
LABEL_WIDTH = 230  # a label wider than this is wrapped
MAX_LANES = 14
LABEL_PAD = 8  # between a label and the next one in its lane
CUT = 24  # the length of axis a cut takes
POLE_CLEAR = 3  # between a leader and a label it passes
FOOT = 4  # a label starts this far right of its stem, so stems of one point pass clear of its neighbours
CLEAR = 12  # between the axis and the lowest lane
MAX_ROWS = 5  # stacked marks in the compact picture
ROW = 13  # between stacked marks


def break_words(parts: list[Stretch]) -> list[str]:
    return [skipped_years(a.stop, b.start) for a, b in zip(parts, parts[1:])]


def horizontal(items: Sequence[Item], width: float = WIDE, labelled: bool = True) -> Optional[Picture]:
    """The picture with time across, or None if its labels (or, compact, its marks) cannot
    stand apart."""
    # Labels need at least ~40 pixels each and a lane holds a picture's width of them: a
    # quick no for thousands of events, before any work that grows with them squared.
    if labelled and len(items) > MAX_LANES * width / 40:
        return None
    times = mark_times(items)
    parts = stretches(items, times)
    words = break_words(parts)
    breaks = [CUT if labelled else CUT / 2] * len(words)
    lengths = _lengths(parts, items, width - 2 * EDGE - sum(breaks), labelled)
    if lengths is None:
        return None
    scale, pieces = place_along(parts, lengths, breaks, EDGE)
    at = [scale(t) for t in times]
    lines = [tuple(wrap(item.label, LABEL_SIZE, LABEL_WIDTH)) for item in items] if labelled else [()] * len(items)
    widths = [max(text_width(line, LABEL_SIZE) for line in ls) + 6 if ls else 0.0 for ls in lines]
    placed = _lanes(at, widths, width) if labelled else _rows([shape_reach(item, at[i], scale) for i, item in enumerate(items)])
    if placed is None:
        return None
    lanes = [lane for lane, _ in placed]
    depth = _depths(lanes, lines) if labelled else []
    rows = max(lanes, default=0) if not labelled else 0
    axis = 6 + sum(depth) + CLEAR if labelled else 16 + rows * ROW
    marks = [_mark(item, at[i], axis, scale, lines[i], widths[i], placed[i], depth, labelled) for i, item in enumerate(items)]
    picture = Picture("horizontal", width, 0, pieces, axis, marks, spans=[(s.start, s.stop) for s in parts])
    picture.ticks = _ticks_across(parts, items, scale, axis, width, marks, ends_first=not labelled)
    picture.breaks = _breaks_across(pieces, words, axis, width)
    picture.height = max([axis + 30] + [b.box.bottom + 4 for b in picture.breaks])
    return picture


def _lengths(parts: list[Stretch], items: Sequence[Item], room: float, labelled: bool) -> Optional[list[float]]:
    """Each stretch's length. It needs room for its first tick's words; it wants enough for
    all its ticks' words to stand apart at its scale. Where the wants fit, the rest of the
    room goes by the number of marks, where crowding is; where they do not, the room above
    the needs goes in proportion to what each lacks, times its marks: crowded stretches first."""
    need = [text_width(tick_times(s, items)[0][1], TICK_SIZE) + 2 * PAD for s in parts]
    if not labelled and room < sum(need):  # the compact picture may drop its ticks rather than its marks
        need = [2 * PAD] * len(parts)
    if room < sum(need):
        return None
    want = [max(n, _want(s, items)) for n, s in zip(need, parts)]
    if sum(want) <= room:
        total = sum(len(s.members) for s in parts) or 1
        return [want[k] + (room - sum(want)) * len(s.members) / total for k, s in enumerate(parts)]
    short = [(w - n) * len(s.members) for w, n, s in zip(want, need, parts)]
    return [n + (room - sum(need)) * x / (sum(short) or 1) for n, x in zip(need, short)]


def _want(stretch: Stretch, items: Sequence[Item]) -> float:
    """The length at which each of a stretch's ticks has room for its words before the next."""
    ticks = sorted(tick_times(stretch, items))
    per_day = max([(text_width(words, TICK_SIZE) + 6) / (b[0] - a[0]) for a, b in zip(ticks, ticks[1:]) for words in [a[1]]], default=0.0)
    return per_day * (stretch.stop - stretch.start)


def _depths(lanes: list[int], lines) -> list[float]:
    """Each lane as tall as its tallest label; lane 0 is next to the axis."""
    depth = [0.0] * (max(lanes, default=-1) + 1)
    for lane, ls in zip(lanes, lines):
        depth[lane] = max(depth[lane], len(ls) * LINE + 6)
    return depth


def _mark(item: Item, at: float, axis: float, scale, lines, wide: float, placed, depth, labelled: bool) -> Mark:
    lane, left = placed
    extent = None if item.precision == "day" else (scale(item.start), scale(item.stop))
    if not labelled:  # stacked above its point, a leader down to it
        y = axis - lane * ROW
        return Mark(item, at, y, extent, (), None, ((at, axis), (at, y)) if lane else None, at)
    height = len(lines) * LINE
    top = axis - CLEAR - sum(depth[:lane]) - height - 4
    box = Box(left, top, wide, height)
    bottom = top + height
    pole = ((at, axis), (at, bottom)) + (((left, bottom),) if left > at else ())
    return Mark(item, at, axis, extent, lines, box, pole, at)


def _lanes(at: list[float], widths: list[float], width: float) -> Optional[list[tuple[int, float]]]:
    """(lane, left edge) for each label, placed right to left in time. A label runs right
    from just past its mark, or, where it would leave the picture, starts just far enough
    back to fit, its leader rising under it. Lane 0 is next to the axis. No label touches
    another in its lane, and no leader from a mark up to its label crosses another label;
    labels running right make a staircase, the earlier above the later. The caller caps
    the labels at what the lanes can hold, so checking each pair costs little."""
    placed: list[tuple[int, float, float, float]] = []  # (lane, left, right, mark)
    result: list[tuple[int, float]] = [(0, 0.0)] * len(at)
    for i in sorted(range(len(at)), key=lambda k: (at[k], k), reverse=True):
        left = min(at[i] + FOOT, width - 4 - widths[i])
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


def _rows(reach: list[tuple[float, float]]) -> Optional[list[tuple[int, float]]]:
    """(row, 0) for each mark of the compact picture, given what its shape covers along the
    axis (a dot, or a range's bar): row 0 on the axis, a mark that would touch one already
    there one row up, and so on."""
    ends = [float("-inf")] * MAX_ROWS
    result: list[tuple[int, float]] = [(0, 0.0)] * len(reach)
    for i in sorted(range(len(reach)), key=lambda k: (reach[k], k)):
        row = next((r for r in range(MAX_ROWS) if reach[i][0] - ends[r] >= 2), None)
        if row is None:
            return None
        ends[row] = reach[i][1]
        result[i] = (row, 0.0)
    return result


def shape_reach(item: Item, at: float, scale) -> tuple[float, float]:
    """What a mark's shape covers along the axis: a dot's width, or a range's bar."""
    if item.precision == "range" and item.count == 1:
        return min(at - 1.5, scale(item.start)), max(at + 1.5, scale(item.stop))
    return at - SHAPE - 1.5, at + SHAPE + 1.5


def _ticks_across(parts, items, scale, axis, width, marks: list[Mark], ends_first: bool = False) -> list[Tick]:
    """Ticks at their true dates below the axis; a tick a mark of another date would stand
    on is dropped. `ends_first`: the first and the last stretch keep their first ticks before
    any other stretch, so that the picture dates where it begins and where it ends (the
    compact picture, whose marks have no labels)."""
    ends = {0, len(parts) - 1} if ends_first else set()
    points = sorted((m.at, k) for k, m in enumerate(marks))
    candidates = []
    for index, stretch in enumerate(parts):
        for rank, (time, words, unit) in enumerate(tick_times(stretch, items)):
            at = scale(time)
            wide = text_width(words, TICK_SIZE)
            # A day's words stand centred under its noon; a month's or a year's start at its first day.
            x = at - wide / 2 if unit == "day" else at
            x = min(max(x, 2.0), width - 2 - wide)
            tick = Tick(at, (words,), Box(x, axis + 8, wide, TICK_SIZE + 3), time, unit)
            near = points[bisect.bisect_left(points, (at - SHAPE - 1, -1)):bisect.bisect_right(points, (at + SHAPE + 1, len(marks)))]
            if all(agrees(tick, marks[k].item) for _, k in near):
                candidates.append((-1 if rank == 0 and index in ends else rank, index, tick))
    return keep_apart(candidates, [], 6)


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
