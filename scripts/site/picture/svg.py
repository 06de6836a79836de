"""The picture of time as inline SVG: the layout's geometry (layout.py) written out.

Two pictures are written, one across for wide screens and one down the page for narrow
ones; CSS shows one and hides the other with display: none, so neither the unused links
nor its text reach a screen reader. Every mark is a link to its entry, and the links
need no JavaScript. The list below stays the main content; a skip link passes the picture.
"""
from __future__ import annotations

from typing import Callable

from ...model.dataset import Dataset
from ..common import Links, esc
from .geometry import LABEL_SIZE, NARROW, TICK_SIZE, WIDE, Mark, Picture
from .items import event_item
from .layout import picture

SHAPE = 5.5  # the radius of a day's dot


def items_of(dataset: Dataset):
    return [event_item(e.id, e.title, e.short_title, e.date.value, e.date.inferred is not None) for e in dataset.events_in_order()]


def render_time_picture(dataset: Dataset, links: Links = Links(), compact: bool = False) -> str:
    """The picture for the top of the timeline page, or, `compact`, the small one for the home
    page (marks and dates, no labels), whose links lead to the timeline page."""
    items = items_of(dataset)
    if not items:
        return ""
    target = (lambda key: f"#{key}") if not compact else (lambda key: f"{links.timeline}#{key}")
    name = "bj-time-compact" if compact else "bj-time"
    wide = picture(items, "horizontal", labelled=not compact)
    narrow = picture(items, "horizontal", labelled=False, width=NARROW) if compact else picture(items, "vertical")
    about = _about(items)
    skip = "" if compact else '<a class="bj-skip" href="#bj-events">Skip the picture of time</a>'
    return (
        f'<figure class="bj-time{" bj-time--compact" if compact else ""}" aria-label="{esc(about)}">{skip}'
        + svg(wide, f"{name}-wide", about, target)
        + svg(narrow, f"{name}-narrow", about, target)
        + f"<figcaption>{_legend(wide, narrow, compact)}</figcaption></figure>"
    )


def _about(items) -> str:
    first, last = items[0].when, items[-1].when
    return f"Picture of time: the {len(items)} events of the timeline, from {first} to {last}; each mark links to its entry"


def svg(pic: Picture, name: str, about: str, target: Callable[[str], str]) -> str:
    width, height = round(pic.width), round(pic.height)
    parts = [
        f'<svg class="bj-time__svg bj-time__svg--{"wide" if pic.orientation == "horizontal" and pic.width == WIDE else "narrow"} bj-time__svg--{pic.orientation}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="group" aria-labelledby="{name}-title">',
        f'<title id="{name}-title">{esc(about)}</title>',
        # The axis and the bars and spans of dates lie beneath the marks and are not links:
        # a month's span covers the days inside it, whose marks must stay the ones clicked.
        '<g class="bj-time__axis" aria-hidden="true">' + _axis(pic) + "".join(_extent(pic, m) for m in pic.marks) + "</g>",
        *(_mark(pic, mark, target) for mark in pic.marks),
        "</svg>",
    ]
    return "".join(parts)


def _xy(pic: Picture, along: float, across: float) -> tuple[float, float]:
    return (along, across) if pic.orientation == "horizontal" else (across, along)


def _line(pic: Picture, a0: float, c0: float, a1: float, c1: float, cls: str) -> str:
    x0, y0 = _xy(pic, a0, c0)
    x1, y1 = _xy(pic, a1, c1)
    return f'<line class="{cls}" x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}"></line>'


def _axis(pic: Picture) -> str:
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
    return "".join(out)


def _text(box, lines, size: int, cls: str) -> str:
    spans = "".join(f'<tspan x="{box.x:.1f}" y="{box.y + size + i * (size + 4):.1f}">{esc(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text class="{cls}" font-size="{size}">{spans}</text>'


def _mark(pic: Picture, mark: Mark, target: Callable[[str], str]) -> str:
    item = mark.item
    words = f"{item.when}: {item.title}" if item.count == 1 else f"{item.count} events, {item.when}, from “{item.title}”"
    if item.inferred and item.count == 1:
        words += " (date inferred)"
    out = [f'<a class="bj-time__mark" href="{esc(target(item.key))}" aria-label="{esc(words)}"><title>{esc(words)}</title>']
    if mark.pole:
        x0, y0, x1, y1 = mark.pole
        out.append(f'<line class="bj-time__pole" x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}"></line>')
    out.append(_shape(mark))
    if mark.lines and mark.label:
        box = mark.label  # the whole label takes the click, not only its letters
        out.append(f'<rect class="bj-time__target" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}"></rect>')
        out.append(_text(mark.label, mark.lines, LABEL_SIZE, "bj-time__label"))
    out.append("</a>")
    return "".join(out)


def _extent(pic: Picture, mark: Mark) -> str:
    """A range's bar or a month's or year's faded span, along the axis."""
    if not mark.extent:
        return ""
    item = mark.item
    thick = 14 if item.precision == "span" else 7
    a0, a1 = mark.extent
    x, y = _xy(pic, a0, pic.cross - thick / 2)
    w, h = _xy(pic, max(a1 - a0, 2), thick)
    return f'<rect class="bj-time__{"span" if item.precision == "span" else "range"}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="2"></rect>'


def _shape(mark: Mark) -> str:
    x, y, r = mark.x, mark.y, SHAPE
    if mark.item.count > 1:
        return f'<rect class="bj-time__group" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}"></rect>'
    if mark.item.inferred:
        d = r + 1.5
        return f'<polygon class="bj-time__inferred" points="{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"></polygon>'
    return f'<circle class="bj-time__dot" cx="{x:.1f}" cy="{y:.1f}" r="{r}"></circle>'


_KEY = {
    "dot": '<circle class="bj-time__dot" cx="8" cy="8" r="5.5"></circle>',
    "inferred": '<polygon class="bj-time__inferred" points="8,1 15,8 8,15 1,8"></polygon>',
    "range": '<rect class="bj-time__range" x="0" y="4.5" width="16" height="7" rx="2"></rect>',
    "span": '<rect class="bj-time__span" x="0" y="1" width="16" height="14" rx="2"></rect>',
    "group": '<rect class="bj-time__group" x="2.5" y="2.5" width="11" height="11"></rect>',
}


def _legend(wide: Picture, narrow: Picture, compact: bool) -> str:
    shown = {"dot", "inferred", "range", "span"}
    if any(m.item.count > 1 for m in wide.marks + narrow.marks):
        shown.add("group")
    words = {
        "dot": "a date the source writes",
        "inferred": "a date inferred from another passage",
        "range": "a range of days",
        "span": "a month or a year",
        "group": "several events, counted; it leads to the first",
    }
    keys = "".join(
        f'<span class="bj-time__key"><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{_KEY[k]}</svg> {esc(words[k])}</span>'
        for k in ("dot", "inferred", "range", "span", "group") if k in shown
    )
    note = ("Each mark links to its entry on the timeline." if compact else
            "Each mark links to its entry below. Time runs in proportion within each stretch; long empty stretches are cut out, "
            "and the ticks give the true dates.")
    return f'<span class="bj-time__keys">{keys}</span> <span class="bj-time__note">{esc(note)}</span>'
