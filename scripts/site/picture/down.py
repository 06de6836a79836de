"""The picture down the page: time along a vertical axis, labels beside it."""
from __future__ import annotations

from typing import Optional, Sequence

from ..text_width import text_width, wrap
from .across import PAD, break_words
from .geometry import LABEL_SIZE, LINE, NARROW, TICK_SIZE, Box, Break, Item, Mark, Picture, Tick
from .items import mark_times
from .scale import place_along, stretches
from .ticks import keep_apart, tick_times

AXIS_X = 92  # the tick words stand to the left of the axis, the labels to the right


def vertical(items: Sequence[Item], width: float = NARROW, max_height: float = 1400) -> Optional[Picture]:
    times = mark_times(items)
    parts = stretches(items, times)
    left = AXIS_X - 14
    label_x = AXIS_X + 14
    lines = [tuple(wrap(item.title, LABEL_SIZE, width - label_x - 4)) for item in items]
    heights = [len(ls) * LINE + 6 for ls in lines]
    words = break_words(parts)
    break_lines = [tuple(wrap(w, TICK_SIZE, left)) for w in words]
    breaks = [max(30.0, len(ls) * 15 + 16) for ls in break_lines]
    need = []
    for stretch in parts:
        first = wrap(tick_times(stretch, times, items)[0][1], TICK_SIZE, left)
        marks = sum(heights[i] for i in stretch.members[:-1]) + (heights[stretch.members[-1]] if stretch.members else 0)
        need.append(max(len(first) * 15 + 2 * PAD, marks + 2 * PAD) + 24)
    scale, at, pieces = place_along(parts, times, need, breaks, heights, PAD + LINE, 8.0)
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
    return keep_apart(candidates, list(taken), 2)
