"""Where figures disagree, drawn from the relations: parts stacked against their total, two
figures side by side (an equality, or a comparison that claims none), a part inside its
whole. A relation whose figures come from more than one source names each figure's
source in its rows. The words here describe the picture, never who claims what: that is
the relation's own text (relation_words.py).

The geometry is plain data (each row's segments, as fractions of the longest row); the
serializer writes each row as its words in HTML, which wrap on any screen, and a bar in
an SVG whose coordinates are percentages, so the bar stretches with the column while its
numbers keep their size. A number is written inside its segment only where it fits on
the narrowest screen; every number is in the row's words as well. Where the figures count
different times, the compact drawing's caption says which counts which (on the Figures
page, the relation's words say it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup

from ..model.dataset import Dataset, Figure, Relation
from ..model.relations import relation_sum
from .attribution import mixes_sources, source_names
from .common import number, possessive, unit_word
from .span_words import spans_differ
from .text_width import text_width

NARROWEST_BAR = 260  # CSS pixels: the bar's width on a 320-pixel phone
NUMBER_SIZE = 12


@dataclass(frozen=True)
class Segment:
    start: float  # fractions of the longest row
    stop: float
    value: int
    kind: str  # "part", "whole" (a total or the rest of a whole), or "difference"
    inside: bool  # whether its number fits inside it on the narrowest screen


@dataclass(frozen=True)
class Row:
    words: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Drawing:
    relation: Relation
    rows: tuple[Row, ...]
    difference: int  # the total minus the parts
    summary: str  # the text alternative
    # Where the figures count different times, which counts which (span_words.spans_differ):
    # the compact drawing, which stands without the relation's words, says it in its caption.
    spans: Optional[str] = None


def _segments(values: list[int], kind: str, scale: float, start: float = 0.0) -> list[Segment]:
    found = []
    for value in values:
        stop = start + value / scale
        fits = text_width(number(value), NUMBER_SIZE) + 6 <= (stop - start) * NARROWEST_BAR
        found.append(Segment(start, stop, value, kind, fits))
        start = stop
    return found


def _with_difference(segments: list[Segment], upto: float, difference: int) -> list[Segment]:
    """The row, with the stretch by which it falls short of the other drawn as the difference."""
    end = segments[-1].stop if segments else 0.0
    if upto - end > 1e-9:
        fits = text_width(number(difference), NUMBER_SIZE) + 6 <= (upto - end) * NARROWEST_BAR
        segments = [*segments, Segment(end, upto, abs(difference), "difference", fits)]
    return segments


def drawing(relation: Relation, figures: dict[str, Figure], names: dict[str, str] | None = None) -> Drawing:
    """The relation drawn; `names` (source id to name) is needed only where its figures come
    from more than one source, whose rows then say whose each figure is."""
    parts_sum, total, holds = relation_sum(relation, figures)
    difference = total - parts_sum
    whole = figures[relation.total]
    members = [figures[p] for p in relation.parts]
    values = [f.value for f in members]
    scale = max(parts_sum, total, 1)
    unit = unit_word(whole)
    mixed = names is not None and mixes_sources([*members, whole])

    def called(figure: Figure) -> str:
        return f"{figure.label} ({names[figure.source]})" if mixed else figure.label

    if relation.kind == "at-most" and holds:  # the part inside its whole, on one bar
        inner = _segments(values, "part", scale)
        # The rest of the whole carries no number: no source writes it.
        rest = [Segment(inner[-1].stop, 1.0, total - parts_sum, "whole", False)] if total > parts_sum else []
        named = called(members[0]) if len(relation.parts) == 1 else "The parts"
        row = Row(f"{named}: {number(parts_sum)}, within {called(whole)}: {number(total)} {unit}", tuple(inner + rest))
        return Drawing(relation, (row,), difference, f"Drawn to scale: {number(parts_sum)} inside a bar of {number(total)}.", spans_differ([*members, whole]))
    parts = _segments(values, "part", scale)
    totals = _segments([total], "whole", scale)
    parts = _with_difference(parts, total / scale, difference)
    totals = _with_difference(totals, parts_sum / scale, difference)
    if relation.kind == "sum":
        if mixed:
            written = " + ".join(f"{possessive(names[f.source])} {number(f.value)}" for f in members)
        else:
            written = " + ".join(number(v) for v in values)
        first = Row(f"The parts added up: {written} = {number(parts_sum)} {unit}", tuple(parts))
        second = Row(f"{called(whole)}: {number(total)} {unit}", tuple(totals))
        what = "the parts stacked against the total"
    else:
        first = Row(f"{called(members[0])}: {number(parts_sum)} {unit}", tuple(parts))
        second = Row(f"{called(whole)}: {number(total)} {unit}", tuple(totals))
        what = "the part against the whole" if relation.kind == "at-most" else "the two figures side by side"
    if holds:
        summary = f"Drawn to scale, {what}: they agree, at {number(total)}."
    else:
        # A comparison claims no agreement: its two numbers stand beside each other, not against.
        joined = "and" if relation.kind == "comparison" else "against"
        summary = (f"Drawn to scale, {what}: {number(parts_sum)} {joined} {number(total)}; "
                   f"the dashed outline marks the {number(abs(difference))} by which they differ.")
    return Drawing(relation, (first, second), difference, summary, spans_differ([*members, whole]))


def drawings(dataset: Dataset) -> dict[str, Drawing]:
    figures, names = {f.id: f for f in dataset.figures}, source_names(dataset)
    return {r.id: drawing(r, figures, names) for r in dataset.relations if all(i in figures for i in (*r.parts, r.total))}


# --- the serializer ----------------------------------------------------------------------

BAR = 22


def render_drawing(made: Drawing, compact: bool = False) -> Markup:
    rows = Markup("").join(_row(row, made.difference, compact) for row in made.rows)
    caption = f"{made.summary} {made.spans}" if compact and made.spans else made.summary
    # A comparison's difference is no fault of anyone's: it is drawn in the text's colour,
    # not in the colour the site keeps for figures that differ from what they claim.
    modifiers = (" bj-bars--compact" if compact else "") + (" bj-bars--compared" if made.relation.kind == "comparison" else "")
    return Markup('<figure class="bj-bars{}">{}<figcaption class="bj-bars__summary">{}</figcaption></figure>').format(
        modifiers, rows, caption)


def _row(row: Row, difference: int, compact: bool) -> Markup:
    below = any(s.kind == "difference" for s in row.segments)
    height = BAR + (18 if below else 2)
    shapes = []
    for index, seg in enumerate(row.segments):
        x, w = seg.start * 100, (seg.stop - seg.start) * 100
        if seg.kind == "difference":
            shapes.append(Markup('<rect class="bj-bars__difference" x="{x:.3f}%" y="1" width="{w:.3f}%" height="{h}"></rect>').format(x=x, w=w, h=BAR - 2))
            anchor, at = ("end", seg.stop * 100) if seg.stop > 0.6 else ("start", seg.start * 100)
            shapes.append(Markup('<text class="bj-bars__difference-text" x="{at:.3f}%" y="{y}" text-anchor="{anchor}" font-size="{size}">'
                                 "a difference of {number}</text>").format(at=at, y=BAR + 14, anchor=anchor, size=NUMBER_SIZE, number=number(abs(difference))))
            continue
        shade = "bj-bars__whole" if seg.kind == "whole" else f"bj-bars__part bj-bars__part--{index % 2}"
        shapes.append(Markup('<rect class="{shade}" x="{x:.3f}%" y="0" width="{w:.3f}%" height="{h}"></rect>').format(shade=shade, x=x, w=w, h=BAR))
        if seg.inside:
            shapes.append(Markup('<text class="bj-bars__number" x="{x:.3f}%" y="{y:.0f}" text-anchor="middle" font-size="{size}">{number}</text>').format(
                x=x + w / 2, y=BAR / 2 + 4, size=NUMBER_SIZE, number=number(seg.value)))
    # The bar's numbers repeat the words above it; run together in the search index they
    # would read "8220218a difference of 16".
    return Markup('<p class="bj-bars__words">{}</p><svg class="bj-bars__bar" width="100%" height="{}" aria-hidden="true" data-search-exclude>{}</svg>').format(
        row.words, height, Markup("").join(shapes))
