"""Quotes: each is verbatim, pinned to whole words, and (but for left_out) found once."""
from __future__ import annotations

from typing import Iterable

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset
from ..text.source_text import SourceText
from .readings import Reading, Readings
from .where import shown


def anchored_quotes(dataset: Dataset) -> Iterable[tuple[str, str, tuple]]:
    """(source id, quote, path of the quote) for every quote that must point to one place."""
    for source in dataset.sources:
        yield source.id, source.title, source.at + ("title",)
        if source.published.inferred:
            yield source.id, source.published.inferred.from_quote, source.published.inferred.at + ("from",)
    for event in dataset.events:
        yield event.source, event.quote, event.at + ("quote",)
        if event.date.inferred:
            yield event.source, event.date.inferred.from_quote, event.date.inferred.at + ("from",)
        for place in event.places:
            if place.inferred:
                yield event.source, place.inferred.from_quote, place.inferred.at + ("from",)
    for figure in dataset.figures:
        yield figure.source, figure.quote, figure.at + ("quote",)
        for dated in figure.spans:
            if dated.inferred:
                yield figure.source, dated.inferred.from_quote, dated.inferred.at + ("from",)
    for relation in dataset.relations:
        basis = relation.basis
        if not basis.by_editors:
            yield basis.source, basis.quote, basis.at + ("quote",)


def check_quotes(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    found = []
    # A left_out passage covers every place it occurs; every other quote must point to one.
    quotes = [*((s, q, p, True) for s, q, p in anchored_quotes(dataset)),
              *((e.source, e.quote, e.at + ("quote",), False) for e in dataset.left_out)]
    for source_id, quote, path, one_place in quotes:
        reading = readings(source_id, quote)
        code = reading.fault(one_place)
        if code:
            found.append(error(dataset.path, dataset.document.pos(path), code, *_message(code, reading)))
    return found


def _message(code: str, reading: Reading) -> tuple[str, str]:
    """The message and the words to show for a quote that does not point where it must."""
    text, quote = reading.source, reading.quote
    if code == "Q502":
        return _edges_message(quote)
    if code == "Q500":
        return _not_found(text, quote)
    return f"the quote occurs {len(reading.offsets)} times in {text.path}; lengthen it so it points to one place", ""


def _edges_message(quote: str) -> tuple[str, str]:
    trimmed = quote.strip(" \t\n.,;:!?\"'’“”‘()[]—–-")
    return "a quote starts and ends with a letter or digit, so it can be pinned to whole words; write", shown(trimmed)


def _not_found(text: SourceText, quote: str) -> tuple[str, str]:
    broken = text.spaced_line_break(quote)
    if broken:
        # A space in a quote may stand for a line break in the source, not the other way
        # round: a line break the editor wrote (a `|` block, a blank line in `>-`, a "\n")
        # changes the source's words, so the message says where to write a space instead.
        offset, at = broken
        where = text.pos(offset + at)
        before = " ".join(quote[:at].split()[-4:])
        return (f"the quote breaks the line after {before!r} where {text.path}:{where.line}:{where.column} has a space; "
                f"write a space there (in a `>-` block, with no blank line between the lines):", shown(text.text[offset:offset + len(quote)]))
    near = text.near_miss(quote)
    if near:
        begin, stop = near
        where = text.pos(begin)
        return (f"the quote is not verbatim: the source writes it with other quotation marks, dashes or spacing, "
                f"at {text.path}:{where.line}:{where.column}; paste the source's words:", shown(text.text[begin:stop], 400))
    begin, stop = text.nearest(quote)
    where = text.pos(begin)
    return f"the quote is not in {text.path}; the nearest passage is at line {where.line}, column {where.column}:", shown(text.text[begin:stop])


def quote_places(dataset: Dataset, readings: Readings) -> dict[tuple[str, str], tuple[int, ...]]:
    """Where every quote of the data stands in its source, for the renderers and exports."""
    places = {}
    quotes = [*((s, q) for s, q, _ in anchored_quotes(dataset)), *((e.source, e.quote) for e in dataset.left_out)]
    for source_id, quote in quotes:
        reading = readings(source_id, quote)
        if reading.source is not None:
            places[(source_id, quote)] = reading.offsets
    return places
