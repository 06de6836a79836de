"""The picture of time as geometry: marks in order and inside their dates, labels and ticks
apart and inside the picture, leaders crossing no label, true dates on the ticks; for the
real data, for 100 and 1,000 events, and for mixed precisions."""
from __future__ import annotations

import datetime
import itertools
import random

import pytest

from scripts.check.run import check_file
from scripts.model.dates import parse_date
from scripts.site.picture.geometry import LABEL_SIZE, NARROW, TICK_SIZE, WIDE, Box, Item, Picture
from scripts.site.picture.items import event_item, mark_times
from scripts.site.picture.layout import picture
from tests.conftest import REAL_DATA

ORIENTATIONS = [("horizontal", True, WIDE), ("vertical", True, NARROW), ("horizontal", False, WIDE), ("horizontal", False, NARROW)]


def real_items() -> list[Item]:
    dataset = check_file(str(REAL_DATA)).dataset
    return [event_item(e.id, e.title, e.short_title, e.date.value, e.date.inferred is not None) for e in dataset.events]


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


def assert_sound(pic: Picture, items: list[Item]) -> None:
    """What every picture keeps to, whatever its data."""
    boxes = pic.boxes()
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    frame = Box(0, 0, pic.width, pic.height)
    for box in boxes:
        assert box.x >= 0 and box.y >= 0 and box.right <= frame.right and box.bottom <= frame.bottom, box
    along = [m.x if pic.orientation == "horizontal" else m.y for m in pic.marks]
    assert along == sorted(along) and len(set(along)) == len(along)  # the list's order, each apart
    if pic.orientation == "horizontal":
        assert all(b - a >= 15.9 for a, b in zip(along, along[1:]))
    # Every event is drawn, on its own or counted in a group that leads to its first entry.
    assert sum(m.item.count for m in pic.marks) == len(items)
    keys = {item.key: index for index, item in enumerate(items)}
    firsts = [keys[m.item.key] for m in pic.marks]
    assert firsts == sorted(firsts)
    for mark in pic.marks:
        if mark.pole:  # a leader rises to its own label and through no other
            x0, y0, x1, y1 = mark.pole
            line = Box(min(x0, x1), min(y0, y1), max(abs(x1 - x0), 0.5), max(abs(y1 - y0), 0.5))
            for other in pic.marks:
                if other is not mark and other.label:
                    assert not line.overlaps(other.label), (mark.item.key, other.item.key)


@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_the_real_data_draws_every_event_on_its_own(orientation, labelled, width):
    items = real_items()
    pic = picture(items, orientation, labelled, width)
    assert pic.grouped_by is None and len(pic.marks) == len(items) == 11
    assert_sound(pic, items)
    assert [m.item.key for m in pic.marks] == [i.key for i in items]


def test_marks_stand_inside_their_own_dates_in_the_list_s_order():
    items = real_items()
    times = mark_times(items)
    assert times == sorted(times) and len(set(times)) == len(times)
    for item, time in zip(items, times):
        assert item.start <= time < item.stop, item.key
    by_key = dict(zip((i.key for i in items), times))
    # "January 1990" comes after the night of 19-20 January and before the 21st.
    assert by_key["deaths-before-emergency-announced"] < by_key["deaths-after-emergency"] < by_key["heydar-aliyev-statement"]


def test_long_empty_stretches_are_cut_out_and_named():
    for orientation in ("horizontal", "vertical"):
        pic = picture(real_items(), orientation)
        assert [b.text for b in pic.breaks] == ["1988–1989", "1991–1993", "1995–2019", "2021–2022", "2024"]


def test_the_ticks_write_true_dates():
    """Each tick stands where the scale puts its date: between the marks of the events around it."""
    items = real_items()
    pic = picture(items, "horizontal")
    at = {m.item.key: m.x for m in pic.marks}
    ticks = {t.lines[0]: t.at for t in pic.ticks}
    assert ticks["Jan 1990"] < at["troops-enter-baku"]
    assert at["heydar-aliyev-statement"] > ticks["21"] > at["deaths-before-emergency-announced"]
    assert at["heydar-aliyev-statement"] < ticks["25"] < at["deaths-neftchala-lankaran"]
    assert ticks["Jan 1994"] < at["presidential-decree-1994"]
    assert [t.at for t in pic.ticks] == sorted(t.at for t in pic.ticks)


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


@pytest.mark.parametrize("n", [100, 1000])
@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_many_events_stay_readable_in_counted_groups(n, orientation, labelled, width):
    items = day_items(n)
    pic = picture(items, orientation, labelled, width)
    assert_sound(pic, items)
    assert pic.grouped_by is not None  # a day apart for years: marks would not stand apart
    groups = [m for m in pic.marks if m.item.count > 1]
    assert groups and all(m.item.label == f"{m.item.count} events" for m in groups)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("orientation, labelled, width", ORIENTATIONS)
def test_any_mix_of_precisions_keeps_the_rules(seed, orientation, labelled, width):
    items = mixed_items(seed, 5 + seed * 3)
    assert_sound(picture(items, orientation, labelled, width), items)


def test_the_layout_is_deterministic():
    items = mixed_items(3, 30)
    first, second = picture(items, "horizontal"), picture(items, "horizontal")
    assert first.marks == second.marks and first.ticks == second.ticks and first.breaks == second.breaks
