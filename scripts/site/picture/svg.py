"""The picture of time as inline SVG: the layout's geometry (layout.py) written out.

Two pictures are written, one across for wide screens and one down the page for narrow
ones; CSS shows one and hides the other with display: none, so neither the unused links
nor its text reach a screen reader. Every mark is a link to its entry, and the links
need no JavaScript. The list below stays the main content; a skip link passes the picture.
"""
from __future__ import annotations

from typing import Callable, Optional

from markupsafe import Markup

from ...model.dataset import Dataset
from ..common import Links, render_date
from .geometry import LABEL_SIZE, NARROW, SHAPE, TICK_SIZE, WIDE, Mark, Picture
from .items import event_item
from .layout import picture



def items_of(dataset: Dataset):
    return [event_item(e.id, e.title, e.short_title, e.date.value, e.date.inferred is not None) for e in dataset.events]


def render_time_picture(dataset: Dataset, links: Links = Links(), compact: bool = False) -> Markup:
    """The picture for the top of the timeline page, or, `compact`, the small one for the home
    page (marks and dates, no labels), whose links lead to the timeline page."""
    items = items_of(dataset)
    if not items:
        return Markup("")
    # The compact picture's marks are too small and too close to be links a finger can hit
    # (WCAG 2.5.8): its list carries the links, each event's date and name in words.
    target = (lambda key: f"#{key}") if not compact else None
    name = "bj-time-compact" if compact else "bj-time"
    wide = picture(items, "horizontal", labelled=not compact)
    narrow = picture(items, "horizontal", labelled=False, width=NARROW) if compact else picture(items, "vertical")
    about = _about(items, compact)
    skip = Markup("") if compact else Markup('<a class="bj-skip" href="#bj-events">Skip the picture of time</a>')
    return Markup('<figure class="bj-time{modifier}" aria-label="{about}">{skip}{wide}{narrow}{listed}<figcaption>{legend}</figcaption></figure>').format(
        modifier=" bj-time--compact" if compact else "",
        about=about,
        skip=skip,
        wide=svg(wide, f"{name}-wide", about, target),
        narrow=svg(narrow, f"{name}-narrow", about, target),
        legend=_legend(wide, narrow, compact),
        listed=_listed(dataset, links) if compact else Markup(""),
    )


def _listed(dataset: Dataset, links: Links) -> Markup:
    """Every event's date and name, linked to its entry: what the compact picture shows, in
    words a reader sees without hovering, as targets a finger can hit."""
    rows = Markup("").join(
        Markup('<li><a href="{}#{}"><span class="bj-time__list-date">{}{}</span> <span class="bj-time__list-title">{}</span></a></li>').format(
            links.timeline, event.id, render_date(event.date.value), " (inferred)" if event.date.inferred else "", event.title)
        for event in dataset.events)
    return Markup('<ol class="bj-time__list">{}</ol>').format(rows)


def _about(items, compact: bool = False) -> str:
    first, last = items[0].when, items[-1].when
    leads = "the list below it links to each entry" if compact else "each mark links to its entry"
    return f"Picture of time: the {len(items)} events of the timeline, from {first} to {last}; {leads}"


def svg(pic: Picture, name: str, about: str, target: Optional[Callable[[str], str]]) -> Markup:
    """The picture as SVG; its marks link to `target(key)`, or are no links where it is None."""
    width, height = round(pic.width), round(pic.height)
    size = "wide" if pic.orientation == "horizontal" and pic.width == WIDE else "narrow"
    parts = [
        Markup('<svg class="bj-time__svg bj-time__svg--{size} bj-time__svg--{orientation}" '
               'width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{name}-title" '
               # Its labels, ticks and title, run together, are no words to search for.
               "data-search-exclude>").format(
            size=size, orientation=pic.orientation, width=width, height=height, name=name),
        Markup('<title id="{}-title">{}</title>').format(name, about),
        # The axis and the bars and spans of dates lie beneath the marks and are not links:
        # a month's span covers the days inside it, whose marks must stay the ones clicked.
        Markup('<g class="bj-time__axis" aria-hidden="true">{}{}</g>').format(_axis(pic), Markup("").join(_extent(pic, m) for m in pic.marks)),
        *(_mark(pic, mark, target) for mark in pic.marks),
        Markup("</svg>"),
    ]
    return Markup("").join(parts)


def _xy(pic: Picture, along: float, across: float) -> tuple[float, float]:
    return (along, across) if pic.orientation == "horizontal" else (across, along)


def _line(pic: Picture, a0: float, c0: float, a1: float, c1: float, cls: str) -> Markup:
    x0, y0 = _xy(pic, a0, c0)
    x1, y1 = _xy(pic, a1, c1)
    return Markup('<line class="{}" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"></line>').format(cls, x0, y0, x1, y1)


def _axis(pic: Picture) -> Markup:
    c = pic.cross
    out = [_line(pic, a, c, b, c, "bj-time__line") for a, b in pic.axis]
    for cut in pic.breaks:  # two short slants where time is cut out
        for a in (cut.start + 6, cut.stop - 6):
            out.append(_line(pic, a - 3, c + 6, a + 3, c - 6, "bj-time__cut"))
        out.append(_text(cut.box, (cut.text,), TICK_SIZE, "bj-time__skipped"))
    for tick in pic.ticks:
        out.append(_line(pic, tick.at, c + 3, tick.at, c + 8, "bj-time__tick") if pic.orientation == "horizontal"
                   else _line(pic, tick.at, c - 8, tick.at, c - 3, "bj-time__tick"))
        out.append(_text(tick.box, tick.lines, TICK_SIZE, "bj-time__tick-text"))
    return Markup("").join(out)


def _text(box, lines, size: int, cls: str) -> Markup:
    spans = Markup("").join(Markup('<tspan x="{:.1f}" y="{:.1f}">{}</tspan>').format(box.x, box.y + size + i * (size + 4), line) for i, line in enumerate(lines))
    return Markup('<text class="{}" font-size="{}">{}</text>').format(cls, size, spans)


def _mark(pic: Picture, mark: Mark, target: Callable[[str], str]) -> Markup:
    item = mark.item
    words = f"{item.when}: {item.title}" if item.count == 1 else f"{item.count} events, {item.when}, from “{item.title}”"
    if item.inferred and item.count == 1:
        words += " (date inferred)"
    if target is None:
        out = [Markup('<g class="bj-time__mark" aria-hidden="true">')]  # the list below says it in words
    else:
        out = [Markup('<a class="bj-time__mark" href="{href}" aria-label="{words}"><title>{words}</title>').format(href=target(item.key), words=words)]
    if mark.pole:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in mark.pole)
        out.append(Markup('<polyline class="bj-time__pole" points="{}"></polyline>').format(points))
    out.append(_shape(pic, mark))
    if mark.lines and mark.label:
        box = mark.label  # the whole label takes the click, not only its letters
        out.append(Markup('<rect class="bj-time__target" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"></rect>').format(box.x, box.y, box.width, box.height))
        out.append(_text(mark.label, mark.lines, LABEL_SIZE, "bj-time__label"))
    out.append(Markup("</a>" if target is not None else "</g>"))
    return Markup("").join(out)


def _extent(pic: Picture, mark: Mark) -> Markup:
    """A month's or year's faded span along the axis (a range's bar is its mark: _shape)."""
    if not mark.extent or mark.item.precision != "span":
        return Markup("")
    a0, a1 = mark.extent
    return _bar(pic, a0, a1, pic.cross, 14, "bj-time__span")


def _bar(pic: Picture, a0: float, a1: float, across: float, thick: float, cls: str) -> Markup:
    middle, length = (a0 + a1) / 2, max(a1 - a0, 2)  # a bar too short to see is drawn 2 px long, on its middle: within 1 px of true
    x, y = _xy(pic, middle - length / 2, across - thick / 2)
    w, h = _xy(pic, length, thick)
    return Markup('<rect class="{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" rx="2"></rect>').format(cls, x, y, w, h)


def _range(pic: Picture, a0: float, a1: float, across: float, thick: float, cls: str) -> Markup:
    middle, length = (a0 + a1) / 2, max(a1 - a0, 2)
    corners = [(middle - length / 2, across - thick / 2), (middle + length / 2, across - thick / 2),
               (middle + length / 2, across + thick / 2), (middle - length / 2, across + thick / 2)]
    points = " ".join("{:.1f},{:.1f}".format(*_xy(pic, a, c)) for a, c in corners)
    return Markup('<polygon class="{}" points="{}"></polygon>').format(cls, points)


def _shape(pic: Picture, mark: Mark) -> Markup:
    """A day's dot (a diamond if inferred); a range's bar at its true length (outlined if
    inferred, and taller, so that a written range of the same days shows inside it)."""
    x, y, r = mark.x, mark.y, SHAPE
    if mark.item.count > 1:
        return Markup('<rect class="bj-time__group" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"></rect>').format(x - r, y - r, 2 * r, 2 * r)
    if mark.item.precision == "range" and mark.extent:
        across = mark.y if pic.orientation == "horizontal" else mark.x
        # Written or inferred, as a day's dot or diamond is; drawn as a polygon, as a diamond is.
        if mark.item.inferred:
            return _range(pic, *mark.extent, across, 14, "bj-time__range bj-time__inferred")
        return _range(pic, *mark.extent, across, 8, "bj-time__range bj-time__dot")
    if mark.item.inferred:
        d = r + 1.5
        return Markup('<polygon class="bj-time__inferred" points="{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}"></polygon>').format(
            x, y - d, x + d, y, x, y + d, x - d, y)
    return Markup('<circle class="bj-time__dot" cx="{:.1f}" cy="{:.1f}" r="{}"></circle>').format(x, y, r)


_KEY = {
    "dot": Markup('<circle class="bj-time__dot" cx="8" cy="8" r="5.5"></circle>'),
    "inferred": Markup('<polygon class="bj-time__inferred" points="8,1 15,8 8,15 1,8"></polygon>'),
    "range": Markup('<polygon class="bj-time__range bj-time__dot" points="0,4 16,4 16,12 0,12"></polygon>'),
    "range-inferred": Markup('<polygon class="bj-time__range bj-time__inferred" points="1,2 15,2 15,14 1,14"></polygon>'),
    "span": Markup('<rect class="bj-time__span" x="0" y="1" width="16" height="14" rx="2"></rect>'),
    "group": Markup('<rect class="bj-time__group" x="2.5" y="2.5" width="11" height="11"></rect>'),
}


def _stacked(*pictures: Picture) -> bool:
    return any(m.y != p.cross for p in pictures if p.orientation == "horizontal" for m in p.marks)


def _legend(wide: Picture, narrow: Picture, compact: bool) -> Markup:
    shown = {"dot", "inferred", "range", "span"}
    if any(m.item.precision == "range" and m.item.inferred for m in wide.marks + narrow.marks):
        shown.add("range-inferred")
    if any(m.item.count > 1 for m in wide.marks + narrow.marks):
        shown.add("group")
    words = {
        "dot": "a date the source writes",
        "inferred": "a date inferred from another passage",
        "range": "a range of days, at its length",
        "range-inferred": "a range of days inferred",
        "span": "a month or a year the source gives without a day, drawn across it",
        "group": "several events, counted; it leads to the first",
    }
    keys = Markup("").join(
        Markup('<span class="bj-time__key"><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{}</svg> {}</span>').format(_KEY[k], words[k])
        for k in ("dot", "inferred", "range", "range-inferred", "span", "group") if k in shown
    )
    if compact:
        note = ("Within each stretch of the line, time runs in proportion, each stretch at its own scale; long empty "
                "stretches are cut out. A range, a month or a year is drawn across its length, its mark at its middle, "
                "which is not a day the source gives. The list gives each event's date and leads to its entry.")
        if _stacked(wide, narrow):
            note += " Marks of near dates are stacked above their dates."
    else:
        note = ("Each mark links to its entry below. Within each stretch of the line, time runs in proportion, each stretch "
                "at its own scale, and the ticks give the dates. A mark of a day stands at that day; a range, a month or a "
                "year is drawn across its length, its mark at its middle, which is not a day the source gives. Long empty "
                "stretches are cut out, and what they skip is written at the cut. Where labels crowd they are moved apart, "
                "and a line leads from each label to its mark.")
    return Markup('<span class="bj-time__keys">{}</span> <span class="bj-time__note">{}</span>').format(keys, note)
