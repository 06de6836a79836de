"""The picture across: time along a horizontal axis, labels in lanes above it."""
from __future__ import annotations

from typing import Optional, Sequence

from ..text_width import text_width, wrap
from .geometry import LABEL_SIZE, LINE, TICK_SIZE, WIDE, Box, Break, Item, Mark, Picture, Tick
from .items import mark_times
from .scale import Stretch, place_along, stretches
from .ticks import keep_apart, skipped_years, tick_times

MIN_GAP = 16  # between consecutive marks along the axis
PAD = 10
LABEL_WIDTH = 230  # a label wider than this is wrapped
MAX_LANES = 14
LABEL_PAD = 8  # between a label and the next one in its lane
CUT = 24  # the length of axis a cut takes
POLE_CLEAR = 3  # between a leader and a label it passes
CLEAR = 12  # between the axis and the lowest lane


def break_words(parts: list[Stretch]) -> list[str]:
    return [skipped_years(a.stop, b.start) for a, b in zip(parts, parts[1:])]


def horizontal(items: Sequence[Item], width: float = WIDE, labelled: bool = True) -> Optional[Picture]:
    """The picture with time across, or None if its marks or labels cannot stand apart."""
    times = mark_times(items)
    parts = stretches(items, times)
    words = break_words(parts)
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
    scale, at, pieces = place_along(parts, times, lengths, breaks, [MIN_GAP] * len(items), PAD, 4.0)
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
