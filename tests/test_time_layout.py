"""The picture of time as geometry. Within each stretch, ticks and marks' axis points stand
on one linear map from date to position (to 1 px); ranges are as long as their dates;
labels and ticks apart and inside the picture; a leader joins each label to its own mark's
axis point and crosses no other label; no tick stands beside a mark of another date. For
the real data at the widths of 1280- and 390-pixel pages, for small fixtures named after
what they provoke, for 100 and 1,000 events, and for mixed precisions."""
from __future__ import annotations

import dataclasses
import datetime
import itertools
import random

import pytest

from scripts.check.run import check_file
from scripts.model.dates import parse_date
from scripts.site.picture.across import shape_reach
from scripts.site.picture.geometry import LABEL_SIZE, NARROW, SHAPE, TICK_SIZE, WIDE, Box, Item, Picture
from scripts.site.picture.items import event_item, mark_times
from scripts.site.picture.layout import picture
from scripts.site.picture.spread import spread
from scripts.site.picture.ticks import ABBREVIATIONS, agrees, named
from tests.conftest import REAL_DATA

# A 1280-pixel page shows the picture across at WIDE; a 390-pixel phone, the picture down
# the page at NARROW (and the home page's compact one across at NARROW).
ORIENTATIONS = [("horizontal", True, WIDE), ("vertical", True, NARROW), ("horizontal", False, WIDE), ("horizontal", False, NARROW)]


def real_items() -> list[Item]:
    dataset = check_file(str(REAL_DATA)).dataset
    return [event_item(e.id, e.title, e.short_title, e.date.value, e.date.inferred is not None) for e in dataset.events]


def item(key: str, date: str, title: str = "", inferred: bool = False, qualifier=None) -> Item:
    return event_item(key, title or f"Event {key}", None, parse_date(date, qualifier)[0], inferred)


def day_items(n: int) -> list[Item]:
    """One event a day from 1 January 1800, as the benchmark's synthetic data."""
    first = datetime.date(1800, 1, 1)
    return [event_item(f"event-{i}", f"Event {i}", None, parse_date((first + datetime.timedelta(days=i)).isoformat())[0], i % 3 == 0) for i in range(n)]


def mixed_items(seed: int, n: int) -> list[Item]:
    """Days, ranges, months, years and "end of" years, in date order, some inferred."""
    rng = random.Random(seed)
    items, day = [], datetime.date(1950, 1, 1)
    for i in range(n):
        day += datetime.timedelta(days=rng.choice([0, 1, 2, 30, 400, 3000]))
        kind = rng.choice(["day", "range", "month", "year", "end"])
        if kind == "day":
            value = parse_date(day.isoformat())[0]
        elif kind == "range":
            value = parse_date(f"{day.isoformat()}/{(day + datetime.timedelta(days=rng.randint(1, 5))).isoformat()}")[0]
        elif kind == "month":
            value = parse_date(f"{day.year:04d}-{day.month:02d}")[0]
        else:
            value = parse_date(f"{day.year:04d}", "end" if kind == "end" else None)[0]
        items.append(event_item(f"e-{i}", f"Event {i} " + "word " * rng.randint(0, 8), None, value, rng.random() < 0.3))
    return items


# Small fixtures, named after what they provoke.
FIXTURES = {
    "two_day_range_alone_in_its_years": [item("before", "2020"), item("operation", "2023-09-19/2023-09-20")],
    "three_events_on_one_day": [item("a", "1990-01-20", "The first of one day"), item("b", "1990-01-20", "The second of one day"),
                                item("c", "1990-01-20", "The third of one day", inferred=True)],
    "a_month_then_a_day_inside_it": [item("night", "1990-01-19/1990-01-20"), item("month", "1990-01", "Deaths in the days after", inferred=True),
                                     item("day", "1990-01-21", "A statement")],
    "dense_week_then_a_lone_year": [*(item(f"d{k}", f"1990-01-{19 + k % 4:02d}", f"Day event number {k}") for k in range(7)), item("later", "1994")],
}


# --- what every picture keeps to --------------------------------------------------------

def maps(pic: Picture):
    """Each stretch's linear map from date to position, from its start and stop times to its
    piece of the axis: (start, stop, map)."""
    return [(t0, t1, (lambda t, t0=t0, t1=t1, a0=a0, a1=a1: a0 + (t - t0) / (t1 - t0) * (a1 - a0))) for (t0, t1), (a0, a1) in zip(pic.spans, pic.axis)]


def map_at(pic: Picture, time: float):
    found = [f for t0, t1, f in maps(pic) if t0 <= time < t1] + [f for t0, t1, f in maps(pic) if t0 < time <= t1]
    assert found, f"{time} lies in no stretch"
    return found[0]


def along(pic: Picture, x: float, y: float) -> float:
    return x if pic.orientation == "horizontal" else y


def assert_proportional(pic: Picture) -> None:
    """(1) Every tick and every mark's axis point within 1 px of its stretch's linear map, and
    every mark's shape on its axis point."""
    assert len(pic.spans) == len(pic.axis)
    for (t0, t1), (t2, _) in zip(pic.spans, pic.spans[1:]):
        assert t1 < t2  # a cut skips some time
    for mark in pic.marks:
        time = (mark.item.start + mark.item.stop) / 2
        assert abs(mark.at - map_at(pic, time)(time)) <= 1, (mark.item.key, mark.at, map_at(pic, time)(time))
        assert abs(along(pic, mark.x, mark.y) - mark.at) <= 1e-6, mark.item.key
    for tick in pic.ticks:
        assert abs(tick.at - map_at(pic, tick.time)(tick.time)) <= 1, (tick.lines, tick.at)


def assert_ranges_true(pic: Picture) -> None:
    """(4) A range's, a month's or a year's extent runs from scale(start) to scale(stop)."""
    for mark in pic.marks:
        if mark.item.precision == "day":
            assert mark.extent is None
            continue
        f = map_at(pic, mark.item.start)
        assert mark.extent is not None
        assert abs(mark.extent[0] - f(mark.item.start)) <= 1 and abs(mark.extent[1] - f(mark.item.stop)) <= 1, mark.item.key


def assert_ticks_true(pic: Picture) -> None:
    """(5) Each tick's words name the date the scale maps its position back to; and no tick
    stands beside a mark (across) or a label row (down) of another date."""
    for tick in pic.ticks:
        start, stop = named(tick)
        t0, t1, f = next(s for s in maps(pic) if s[0] <= tick.time <= s[1])
        back = t0 + (tick.at - f(t0)) / (f(t1) - f(t0)) * (t1 - t0)
        assert start <= back < stop, (tick.lines, back, start, stop)
        day = datetime.date.fromordinal(int(back))
        words = " ".join(tick.lines).split()
        if tick.unit == "day":
            assert int(words[0]) == day.day, tick.lines
        elif tick.unit == "month":
            assert words[0] == ABBREVIATIONS[day.month - 1], tick.lines
        else:
            assert int(words[0]) == day.year, tick.lines
        if len(words) > 1 and words[-1].isdigit() and len(words[-1]) == 4:
            assert int(words[-1]) == day.year, tick.lines
        for mark in pic.marks:
            if pic.orientation == "horizontal":
                beside = abs(mark.at - tick.at) <= SHAPE + 1
            else:
                beside = mark.label.y < tick.box.bottom and tick.box.y < mark.label.bottom
            assert not beside or agrees(tick, mark.item), (tick.lines, mark.item.key)


def _touches(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    return box.x - 1 <= x <= box.right + 1 and box.y - 1 <= y <= box.bottom + 1 and (
        min(abs(x - box.x), abs(x - box.right)) <= 1 or min(abs(y - box.y), abs(y - box.bottom)) <= 1)


def _crosses(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """Whether the segment a-b enters the box's inside (its edges shrunk by half a pixel)."""
    low, high = 0.0, 1.0
    (x0, y0), (dx, dy) = a, (b[0] - a[0], b[1] - a[1])
    for p, q in ((-dx, x0 - box.x - 0.5), (dx, box.right - 0.5 - x0), (-dy, y0 - box.y - 0.5), (dy, box.bottom - 0.5 - y0)):
        if p == 0:
            if q < 0:
                return False
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
    return low < high


def assert_leaders(pic: Picture) -> None:
    """(3) Each leader starts at its mark's axis point and ends on its own label's box, and
    crosses no other label."""
    labelled = [m for m in pic.marks if m.label]
    for mark in labelled:
        assert mark.pole, mark.item.key
        start = mark.pole[0]
        assert abs(along(pic, *start) - mark.at) <= 1 and abs(along(pic, start[1], start[0]) - pic.cross) <= 1, mark.item.key
        assert _touches(mark.pole[-1], mark.label), (mark.item.key, mark.pole[-1], mark.label)
        for other in labelled:
            if other is not mark:
                for a, b in zip(mark.pole, mark.pole[1:]):
                    assert not _crosses(a, b, other.label), (mark.item.key, other.item.key)


def assert_sound(pic: Picture, items: list[Item]) -> None:
    """What every picture keeps to, whatever its data."""
    boxes = pic.boxes()
    for a, b in itertools.combinations(boxes, 2):  # (2) labels, ticks and breaks apart
        assert not a.overlaps(b), (a, b)
    for box in boxes:
        assert box.x >= 0 and box.y >= 0 and box.right <= pic.width and box.bottom <= pic.height, box
    # Every event is drawn, on its own or counted in a group that leads to its first entry.
    assert sum(m.item.count for m in pic.marks) == len(items)
    keys = {i.key: index for index, i in enumerate(items)}
    firsts = [keys[m.item.key] for m in pic.marks]
    assert firsts == sorted(firsts)
    assert_proportional(pic)
    assert_ranges_true(pic)
    assert_ticks_true(pic)
    assert_leaders(pic)
    if not any(m.label for m in pic.marks):  # compact: stacked shapes stay apart
        for a, b in itertools.combinations(pic.marks, 2):
            (a0, a1), (b0, b1) = (shape_reach(m.item, m.at, lambda t: map_at(pic, t)(t)) for m in (a, b))
            assert a.y != b.y or a1 <= b0 or b1 <= a0, (a.item.key, b.item.key)
            assert a.y == b.y or abs(a.y - b.y) >= 2 * SHAPE


# --- the real data ----------------------------------------------------------------------

@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_the_real_data_draws_every_event_on_its_own(orientation, labelled, width):
    items = real_items()
    pic = picture(items, orientation, labelled, width)
    assert pic.grouped_by is None and len(pic.marks) == len(items) == 12
    assert_sound(pic, items)
    assert [m.item.key for m in pic.marks] == [i.key for i in items]


def test_marks_stand_at_the_middle_of_their_own_dates():
    items = real_items()
    for i, time in zip(items, mark_times(items)):
        assert time == (i.start + i.stop) / 2
    pic = picture(items, "horizontal")
    at = {m.item.key: m.at for m in pic.marks}
    # One date, one point: the two events of the night of 19-20 January share it.
    assert at["troops-enter-baku"] == at["deaths-before-emergency-announced"]
    # "January 1990" stands in the middle of January, not just before the 21st.
    assert at["deaths-after-emergency"] < at["troops-enter-baku"] < at["heydar-aliyev-statement"]


def test_long_empty_stretches_are_cut_out_and_named_by_all_they_skip():
    """A cut names the whole years it skips, and the months of a year part drawn, part cut:
    the stretch of January 1990 ends with January, so the cut after it skips February on."""
    for orientation in ("horizontal", "vertical"):
        pic = picture(real_items(), orientation)
        assert [b.text for b in pic.breaks] == ["1988–1989", "Feb 1990–1993", "Apr 1994–2019", "2021–Aug 2023", "Oct 2023–2024"]


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_the_21_january_tick_stands_only_by_the_21_january_statement(orientation):
    items = real_items()
    pic = picture(items, orientation)
    day21 = [t for t in pic.ticks if t.lines == ("21",)]
    statement = next(m for m in pic.marks if m.item.key == "heydar-aliyev-statement")
    month = next(m for m in pic.marks if m.item.key == "deaths-after-emergency")
    for tick in day21:
        assert abs(tick.at - statement.at) <= 1e-6  # the day's noon, where its mark is
        if orientation == "vertical":
            assert not (month.label.y < tick.box.bottom and tick.box.y < month.label.bottom)
    if orientation == "horizontal":
        assert day21, "the picture across writes the 21st"


def test_a_stretch_is_never_shorter_than_a_month():
    pic = picture(real_items(), "horizontal")
    for start, stop in pic.spans:
        assert stop - start >= 28
        assert datetime.date.fromordinal(int(start)).day == 1 and datetime.date.fromordinal(int(stop)).day == 1
    operation = next(m for m in pic.marks if m.item.key == "karabakh-operation-2023")
    stretch = next((a0, a1) for (t0, t1), (a0, a1) in zip(pic.spans, pic.axis) if t0 <= operation.item.start < t1)
    # Two days of a thirty-day September: a fifteenth of the stretch, not all of it.
    assert abs((operation.extent[1] - operation.extent[0]) / (stretch[1] - stretch[0]) - 2 / 30) < 1e-9


def test_inferred_dates_and_precisions_are_drawn_apart():
    pic = picture(real_items(), "horizontal")
    kinds = {m.item.key: (m.item.precision, m.item.inferred, m.extent is not None) for m in pic.marks}
    assert kinds["heydar-aliyev-statement"] == ("day", True, False)
    assert kinds["presidential-decree-1994"] == ("day", False, False)
    assert kinds["troops-enter-baku"] == ("range", False, True)
    assert kinds["deaths-after-emergency"] == ("span", True, True)
    assert kinds["karabakh-issue-reignited"] == ("span", False, True)


def test_labels_are_never_smaller_than_twelve_pixels():
    assert LABEL_SIZE >= 12 and TICK_SIZE >= 12


# --- the tests can fail -----------------------------------------------------------------

def pushed_apart(pic: Picture, gap: float) -> Picture:
    """The picture as the old layout drew it: consecutive marks pushed at least `gap` apart."""
    marks = sorted(pic.marks, key=lambda m: m.at)
    moved, last = [], float("-inf")
    for mark in marks:
        at = max(mark.at, last + gap)
        x, y = (at, mark.y) if pic.orientation == "horizontal" else (mark.x, at)
        moved.append(dataclasses.replace(mark, at=at, x=x, y=y))
        last = at
    return dataclasses.replace(pic, marks=moved)


@pytest.mark.parametrize("orientation, gap", [("horizontal", 16), ("vertical", 40)])
def test_a_min_gap_push_breaks_the_proportion_test(orientation, gap):
    pic = picture(real_items(), orientation)
    assert_proportional(pic)
    with pytest.raises(AssertionError):
        assert_proportional(pushed_apart(pic, gap))


# --- small fixtures ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FIXTURES))
@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_each_fixture_keeps_the_rules(name, orientation, labelled, width):
    items = FIXTURES[name]
    pic = picture(items, orientation, labelled, width)
    # Only the compact picture on a phone, with no labels to spread, may have to count a dense week as one.
    assert pic.grouped_by is None or (not labelled and width == NARROW and name.startswith("dense"))
    assert_sound(pic, items)


@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_events_of_one_day_share_one_point_and_their_labels_stand_apart(orientation, labelled, width):
    pic = picture(FIXTURES["three_events_on_one_day"], orientation, labelled, width)
    assert len({m.at for m in pic.marks}) == 1
    if labelled:
        labels = [m.label for m in pic.marks]
        assert all(not a.overlaps(b) for a, b in itertools.combinations(labels, 2))
        assert all(abs(along(pic, *m.pole[0]) - m.at) < 1e-6 for m in pic.marks)


def test_a_two_day_range_is_short_in_its_month():
    pic = picture(FIXTURES["two_day_range_alone_in_its_years"], "horizontal")
    bar = next(m for m in pic.marks if m.item.key == "operation")
    (a0, a1), (t0, t1) = pic.axis[-1], pic.spans[-1]
    assert (t1 - t0) == 30 and abs((bar.extent[1] - bar.extent[0]) - 2 / 30 * (a1 - a0)) <= 1


def test_a_month_s_label_does_not_stand_beside_a_day_s_tick():
    pic = picture(FIXTURES["a_month_then_a_day_inside_it"], "vertical")
    month = next(m for m in pic.marks if m.item.key == "month")
    for tick in pic.ticks:
        if tick.unit == "day":
            assert not (month.label.y < tick.box.bottom and tick.box.y < month.label.bottom), tick.lines


def test_labels_spread_in_order_nearest_their_wishes():
    assert spread([10, 12, 14], [10, 10, 10], 0, 100) == [2, 12, 22]
    assert spread([0, 50], [10, 10], 0, 100) == [0, 50]
    assert spread([95, 96], [10, 10], 0, 100) == [80, 90]


# --- many events ------------------------------------------------------------------------

@pytest.mark.parametrize("n", [100, 1000])
@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_many_events_stay_readable_in_counted_groups(n, orientation, labelled, width):
    items = day_items(n)
    pic = picture(items, orientation, labelled, width)
    assert_sound(pic, items)
    if labelled or n > 100:  # a hundred unlabelled marks stack within five rows across a wide page
        assert pic.grouped_by is not None  # a day apart for months: labels would not stand apart
    groups = [m for m in pic.marks if m.item.count > 1]
    assert pic.grouped_by is None or groups and all(m.item.label == f"{m.item.count} events" for m in groups)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_any_mix_of_precisions_keeps_the_rules(seed, orientation, labelled, width):
    items = mixed_items(seed, 5 + seed * 3)
    assert_sound(picture(items, orientation, labelled, width), items)


def test_the_layout_is_deterministic():
    items = mixed_items(3, 30)
    first, second = picture(items, "horizontal"), picture(items, "horizontal")
    assert first.marks == second.marks and first.ticks == second.ticks and first.breaks == second.breaks
