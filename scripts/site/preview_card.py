"""The shared links' preview image: the site's title over the picture of time, 1200×630.

Drawn at build time from the data, like the pictures on the pages: the picture of time's
own geometry (picture/layout.py) at a small width, scaled up, so the card shows the same
marks, cuts and ticks as the timeline page. It is written out here, not by picture/svg.py,
because a renderer of SVG to PNG knows nothing of the site's stylesheet: resvg ignores CSS
custom properties (`var(--md-…)`), so every colour on the card is concrete, and there are
no links. resvg turns it into PNG with one pinned font where the system has it, so the
same data gives the same image on any machine that has DejaVu Sans.
"""
from __future__ import annotations

import os
from typing import Sequence

from markupsafe import Markup

from ..model.dataset import Dataset
from .picture.geometry import TICK_SIZE, Mark, Picture
from .picture.items import event_item
from .picture.layout import picture
from .text_width import text_width, wrap

WIDTH, HEIGHT = 1200, 630
MARGIN = 60
BAND = 290  # the title's band, from the top
PICTURE_WIDTH = 600  # the geometry's width, before it is scaled to the card's
SHAPE = 5.5  # a day's dot, as on the page
FONT = "DejaVu Sans"
# DejaVu Sans is what text_width measures, so the title's wrapping is measured right. Debian
# and Ubuntu (GitHub's runners) keep it here; elsewhere resvg uses the system's fonts.
FONT_FILES = tuple(f"/usr/share/fonts/truetype/dejavu/{name}.ttf" for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"))
BOLD = 1.1  # DejaVu Sans Bold is about this much wider than the regular weight text_width measures

# Material's indigo (the site's light palette), as concrete colours.
INK = "#1f1f1f"
MUTED = "#5f5f5f"
PRIMARY = "#4051b5"
BAR = "#3949ab"
ON_PRIMARY = "#ffffff"
ON_PRIMARY_SOFT = "#e3e6f8"
PAPER = "#ffffff"


def card_svg(dataset: Dataset, site_name: str) -> Markup:
    """The card as SVG: the title in a band, the picture of time, what it shows, in words."""
    items = [event_item(e.id, e.title, e.short_title, e.date.value, e.date.inferred is not None) for e in dataset.events]
    parts = [
        Markup('<rect width="{}" height="{}" fill="{}"></rect>').format(WIDTH, HEIGHT, PAPER),
        Markup('<rect width="{}" height="{}" fill="{}"></rect>').format(WIDTH, BAND, PRIMARY),
        _title(site_name),
    ]
    if items:
        drawn = picture(items, "horizontal", labelled=False, width=PICTURE_WIDTH)
        scale = (WIDTH - 2 * MARGIN) / drawn.width
        top = BAND + 50
        parts.append(Markup('<g transform="translate({} {}) scale({:.4f})">{}</g>').format(MARGIN, top, scale, _picture(drawn)))
        count = f"{len(items)} event" if len(items) == 1 else f"{len(items)} events"
        span = f", {items[0].when}" if len(items) == 1 else f", from {items[0].when} to {items[-1].when}"
        parts.append(_lines([count + span], 30, INK, HEIGHT - 92))
    parts.append(_lines(["Every date, figure and quote checked against its source"], 26, MUTED, HEIGHT - 46))
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}">{parts}</svg>'
    ).format(w=WIDTH, h=HEIGHT, font=FONT, parts=Markup("").join(parts))


def card_png(svg: str) -> bytes:
    """PNG bytes of the card, with the pinned font where it is present."""
    import resvg_py

    fonts = [path for path in FONT_FILES if os.path.exists(path)]
    if fonts:
        return bytes(resvg_py.svg_to_bytes(svg_string=str(svg), skip_system_fonts=True, font_files=fonts, font_family=FONT))
    return bytes(resvg_py.svg_to_bytes(svg_string=str(svg)))


def preview_png(dataset: Dataset, site_name: str) -> bytes:
    return card_png(card_svg(dataset, site_name))


def title_lines(site_name: str) -> tuple[list[str], list[str]]:
    """The site's name as a headline and a subtitle: split after its colon, if it has one
    ("Black January, 1990" and "a checked timeline"), each wrapped to the card's width."""
    head, _, rest = site_name.partition(": ")
    room = WIDTH - 2 * MARGIN
    return wrap(head, 84 * BOLD, room), wrap(rest, 48, room) if rest else []


def _title(site_name: str) -> Markup:
    head, rest = title_lines(site_name)
    # Two lines of each at most fit the band; a longer name is cut, not drawn over the picture.
    head, rest = head[:2], rest[:2] if len(head) == 1 else rest[:1]
    y = 60 + 84
    out = []
    for line in head:
        out.append(Markup('<text x="{}" y="{}" font-size="84" font-weight="bold" fill="{}">{}</text>').format(MARGIN, y, ON_PRIMARY, line))
        y += 96
    y += 4
    for line in rest:
        out.append(Markup('<text x="{}" y="{}" font-size="48" fill="{}">{}</text>').format(MARGIN, y, ON_PRIMARY_SOFT, line))
        y += 58
    return Markup("").join(out)


def _lines(lines: Sequence[str], size: int, colour: str, y: float) -> Markup:
    shown = [line for text in lines for line in wrap(text, size, WIDTH - 2 * MARGIN)][:1]
    return Markup("").join(Markup('<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>').format(MARGIN, y, size, colour, line) for line in shown)


def _picture(pic: Picture) -> Markup:
    """The picture's axis, cuts, ticks and marks, as picture/svg.py places them, in plain colours."""
    c = pic.cross
    out = [_line(a, c, b, c, MUTED, 2) for a, b in pic.axis]
    for cut in pic.breaks:
        for a in (cut.start + 6, cut.stop - 6):
            out.append(_line(a - 3, c + 6, a + 3, c - 6, MUTED, 2))
        out.append(_text(cut.box.x, cut.box.y + TICK_SIZE, cut.text, MUTED, italic=True))
    for tick in pic.ticks:
        out.append(_line(tick.at, c + 3, tick.at, c + 8, MUTED, 1))
        for i, words in enumerate(tick.lines):
            out.append(_text(tick.box.x, tick.box.y + TICK_SIZE + i * (TICK_SIZE + 4), words, INK))
    out.extend(_extent(pic, mark) for mark in pic.marks if mark.extent)
    out.extend(_shape(mark) for mark in pic.marks)
    return Markup("").join(out)


def _line(x0: float, y0: float, x1: float, y1: float, colour: str, width: float) -> Markup:
    return Markup('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="{}"></line>').format(x0, y0, x1, y1, colour, width)


def _text(x: float, y: float, words: str, colour: str, italic: bool = False) -> Markup:
    style = Markup(' font-style="italic"') if italic else Markup("")
    return Markup('<text x="{:.1f}" y="{:.1f}" font-size="{}" fill="{}"{}>{}</text>').format(x, y, TICK_SIZE, colour, style, words)


def _extent(pic: Picture, mark: Mark) -> Markup:
    span = mark.item.precision == "span"
    thick = 14 if span else 7
    a0, a1 = mark.extent
    return Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{}" rx="2" fill="{}"{}></rect>').format(
        a0, pic.cross - thick / 2, max(a1 - a0, 2), thick, BAR, Markup(' fill-opacity="0.22"') if span else Markup(""))


def _shape(mark: Mark) -> Markup:
    x, y, r = mark.x, mark.y, SHAPE
    if mark.item.count > 1:
        return Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"></rect>').format(x - r, y - r, 2 * r, 2 * r, PRIMARY)
    if mark.item.inferred:
        d = r + 1.5
        return Markup('<polygon points="{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}" fill="{}" stroke="{}" stroke-width="2"></polygon>').format(
            x, y - d, x + d, y, x, y + d, x - d, y, PAPER, PRIMARY)
    return Markup('<circle cx="{:.1f}" cy="{:.1f}" r="{}" fill="{}"></circle>').format(x, y, r, PRIMARY)


def measured_width(text: str, size: float, bold: bool = False) -> float:
    """How wide the card draws `text` (for tests: nothing may run past the margin)."""
    return text_width(text, size) * (BOLD if bold else 1)
