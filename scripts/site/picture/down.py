"""The picture down the page: time along a vertical axis, labels beside it.

Marks stand at their dates' true positions. The labels stand in a column to the right,
in the marks' order, each as near its mark as the others let it (spread.py's least
squares); a leader runs from each mark's axis point to its own label. A tick stands only
where no label row of another date stands beside it.
"""
from __future__ import annotations

import bisect
from typing import Optional, Sequence

from ..text_width import text_width, wrap
from .across import PAD, break_words
from .geometry import LABEL_SIZE, LINE, NARROW, TICK_SIZE, Box, Break, Item, Mark, Picture, Tick
from .items import mark_times
from .scale import place_along, stretches
from .spread import spread
from .ticks import agrees, keep_apart, tick_times

AXIS_X = 92  # the tick words stand to the left of the axis, the labels to the right
LEAD = 28  # between the axis and the labels: room for the leaders to slant
GAP = 6  # between two labels


def vertical(items: Sequence[Item], width: float = NARROW, max_height: float = 1400) -> Optional[Picture]:
    left = AXIS_X - 14
    label_x = AXIS_X + LEAD
    # Each label needs at least a line: a quick no for thousands of events.
    if len(items) * (LINE + GAP) > max_height:
        return None
    times = mark_times(items)
    parts = stretches(items, times)
    lines = [tuple(wrap(item.title, LABEL_SIZE, width - label_x - 4)) for item in items]
    heights = [len(ls) * LINE + GAP for ls in lines]
    words = break_words(parts)
    break_lines = [tuple(wrap(w, TICK_SIZE, left)) for w in words]
    breaks = [max(30.0, len(ls) * 15 + 16) for ls in break_lines]
    # A stretch is long enough for its own labels side by side, so they can stay near it.
    need = [max(len(wrap(tick_times(s, items)[0][1], TICK_SIZE, left)) * 15, sum(heights[i] for i in s.members)) + 2 * PAD for s in parts]
    if sum(need) + sum(breaks) + 20 > max_height:
        return None
    scale, pieces = place_along(parts, need, breaks, 8.0)
    height = pieces[-1][1] + 12
    at = [scale(t) for t in times]
    order = sorted(range(len(items)), key=lambda k: (at[k], k))
    # The first line of a label is centred on its mark where there is room.
    tops = spread([at[k] - LINE / 2 - 4 for k in order], [heights[k] for k in order], 0.0, height)
    marks: list[Optional[Mark]] = [None] * len(items)
    for k, top in zip(order, tops):
        item = items[k]
        extent = None if item.precision == "day" else (scale(item.start), scale(item.stop))
        box = Box(label_x, top, max(text_width(line, LABEL_SIZE) for line in lines[k]), len(lines[k]) * LINE)
        middle = top + LINE / 2 + 1
        pole = ((AXIS_X, at[k]), (AXIS_X + 10, at[k]), (label_x - 8, middle), (label_x - 1, middle))
        marks[k] = Mark(item, AXIS_X, at[k], extent, lines[k], box, pole, at[k])
    placed = [m for m in marks if m is not None]
    picture = Picture("vertical", width, height, pieces, AXIS_X, placed, spans=[(s.start, s.stop) for s in parts])
    picture.breaks = [_break(end, start, ls, left) for (_, end), (start, _), ls in zip(pieces, pieces[1:], break_lines)]
    picture.ticks = _ticks_down(parts, items, scale, left, [b.box for b in picture.breaks], [placed[k] for k in order])
    return picture


def _break(end: float, start: float, lines: tuple[str, ...], left: float) -> Break:
    wide = max(text_width(x, TICK_SIZE) for x in lines)
    return Break(end, start, " ".join(lines), Box(left - wide, (end + start) / 2 - len(lines) * 15 / 2, wide, len(lines) * 15))


def _ticks_down(parts, items, scale, left, taken: list[Box], rows: list[Mark]) -> list[Tick]:
    """Ticks at their true dates, left of the axis; one beside the label of an event of
    another date is dropped, as the reader takes a tick and the label across from it together."""
    tops = [m.label.y for m in rows]
    candidates = []
    for index, stretch in enumerate(parts):
        for rank, (time, words, unit) in enumerate(tick_times(stretch, items)):
            at = scale(time)
            lines = tuple(wrap(words, TICK_SIZE, left))
            wide = max(text_width(line, TICK_SIZE) for line in lines)
            top = at - 3 if rank == 0 else at - len(lines) * 15 / 2  # a stretch's first tick hangs into the stretch
            tick = Tick(at, lines, Box(left - wide, top, wide, len(lines) * 15), time, unit)
            first = max(0, bisect.bisect_right(tops, tick.box.y) - 1)
            beside = [m for m in rows[first:bisect.bisect_left(tops, tick.box.bottom)] if m.label.bottom > tick.box.y]
            if all(agrees(tick, m.item) for m in beside):
                candidates.append((rank, index, tick))
    return keep_apart(candidates, list(taken), 2)
