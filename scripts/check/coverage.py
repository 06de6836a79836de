"""Coverage: every number a source writes is captured by a figure or a date, or left out
with a reason, never both a figure's value and left out."""
from __future__ import annotations

import bisect
import itertools
from typing import Iterable

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset
from ..text.numbers import KIND_NOUNS, Number, numbers
from .coverage_spans import NO_SPANS, Labelled, Spans
from .figures import written_value
from .quotes import anchored_quotes
from .readings import Readings
from .where import at


class Accounted:
    """What accounts for the numbers of one source: a date (by where the number begins), a
    left_out passage (which must hold all of it), or a figure's quote or a reported quote,
    which need only touch it: a quote that cuts "5" out of "2.5" is its own mistake, reported
    with the quote, not a second time here."""

    def __init__(self, dated: set[int], left_out: Spans, touched: Iterable[tuple[int, int]]):
        self.dated, self.left_out = dated, left_out
        spans = sorted(touched)
        self._begins = [begin for begin, _ in spans]
        # The furthest any passage starting at or before the i-th one reaches.
        self._reach = list(itertools.accumulate((stop for _, stop in spans), max))

    def __contains__(self, number: Number) -> bool:
        if number.begin in self.dated or self.left_out.inside(number.begin, number.stop):
            return True
        i = bisect.bisect_left(self._begins, number.stop)
        return i > 0 and self._reach[i - 1] > number.begin


def accounted_numbers(dataset: Dataset, readings: Readings) -> dict[str, Accounted]:
    """What accounts for each source's numbers: a figure, a date or a left_out passage, or a
    reported quote that meant to (so they are not reported again)."""
    texts = readings.texts
    dated: dict[str, set[int]] = {source_id: set() for source_id in texts}
    touched: dict[str, list[tuple[int, int]]] = {source_id: [] for source_id in texts}

    for figure in dataset.figures:
        reading = readings(figure.source, figure.quote)
        offset = reading.offset
        if offset is not None:
            # check_figure_values holds the quote to writing its value and nothing else.
            touched[figure.source].append((offset, offset + len(figure.quote)))
    for source_id, quote in _dating_quotes(dataset):
        reading = readings(source_id, quote)
        offset = reading.offset
        if offset is not None:
            dated[source_id].update(offset + begin for begin in reading.date_numbers)
    for source_id, begin, stop in _reported_quote_spans(dataset, readings):
        touched[source_id].append((begin, stop))
    left_out = readings.left_out_spans
    return {source_id: Accounted(dated[source_id], left_out.get(source_id, NO_SPANS), touched[source_id]) for source_id in texts}


def _reported_quote_spans(dataset: Dataset, readings: Readings) -> Iterable[tuple[str, int, int]]:
    for source_id, quote, _ in anchored_quotes(dataset):
        reading = readings(source_id, quote)
        if reading.fails:
            for begin, stop in reading.source.meant(quote):
                yield source_id, begin, stop


def _dating_quotes(dataset: Dataset) -> Iterable[tuple[str, str]]:
    for source in dataset.sources:
        if source.published.inferred:
            yield source.id, source.published.inferred.from_quote
    for event in dataset.events:
        yield event.source, event.quote
        if event.date.inferred:
            yield event.source, event.date.inferred.from_quote


def check_coverage(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    accounted = accounted_numbers(dataset, readings)
    found = []
    for source_id, text in readings.texts.items():
        for number in numbers(text.text):
            if number not in accounted[source_id]:
                shown = " ".join(text.text[number.begin:number.stop].split())
                context = text.text[max(0, number.begin - 40):number.stop + 40]
                found.append(error(text.path, text.pos(number.begin), "C900",
                                   f"the {KIND_NOUNS[number.kind]} {shown!r} is neither captured by a figure or a date nor listed under left_out:",
                                   "…" + " ".join(context.split()) + "…"))
    for entry in dataset.left_out:
        reading = readings(entry.source, entry.quote)
        if reading.offsets and not reading.numbers:
            found.append(error(dataset.path, at(dataset, entry.at, "quote"), "C901", "this passage holds no number, so there is nothing to leave out; remove the entry"))
    return found


def check_captured_and_left_out(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    """A number is either a figure's value or left out, never both; a date's numbers may be both."""
    found = []
    left_out = _left_out_passages(dataset, readings)
    for figure in dataset.figures:
        offset = readings(figure.source, figure.quote).offset
        number = written_value(figure, readings) if offset is not None else None
        if number is None:
            continue
        value = offset + number.begin
        passages = left_out.get(figure.source)
        for index in passages.holding(value) if passages else ():
            entry = dataset.left_out[index]
            figure_line = at(dataset, figure.at, "value").line
            found.append(error(dataset.path, at(dataset, entry.at, "quote"), "C902",
                               f"this passage leaves out {figure.value}, which the figure {figure.id!r} (line {figure_line}) captures; "
                               f"a number is either a figure or left out: remove this entry, or shorten it so it no longer writes {figure.value}"))
    return found


def _left_out_passages(dataset: Dataset, readings: Readings) -> dict[str, Labelled]:
    """Every place each left_out passage occurs, by source, labelled with the entry's index."""
    found: dict[str, list[tuple[int, int, int]]] = {}
    for index, entry in enumerate(dataset.left_out):
        for offset in readings(entry.source, entry.quote).offsets:
            found.setdefault(entry.source, []).append((offset, offset + len(entry.quote), index))
    return {source_id: Labelled(passages) for source_id, passages in found.items()}
