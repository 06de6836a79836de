"""Coverage: every number a source writes is captured by a figure or a date, or left out
with a reason, never both a figure's value and left out."""
from __future__ import annotations

from typing import Iterable

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset
from ..text.numbers import numbers
from .coverage_spans import Labelled
from .figures import value_checked
from .quotes import anchored_quotes
from .readings import Readings
from .where import at


def accounted_numbers(dataset: Dataset, readings: Readings) -> dict[str, set[int]]:
    """Offsets, per source, of the numbers that a figure, a date or a left_out passage
    accounts for, or that a reported quote meant to (so they are not reported again)."""
    texts = readings.texts
    covered: dict[str, set[int]] = {source_id: set() for source_id in texts}

    for figure in dataset.figures:
        reading = readings(figure.source, figure.quote)
        offset = reading.offset
        if offset is not None:
            # check_figure_values holds the quote to writing its value and nothing else.
            covered[figure.source].update(offset + n.begin for n in reading.numbers)
    for source_id, quote in _dating_quotes(dataset):
        reading = readings(source_id, quote)
        offset = reading.offset
        if offset is not None:
            covered[source_id].update(offset + begin for begin in reading.date_numbers)
    for source_id, spans in readings.left_out_spans.items():
        text = texts[source_id].text
        for begin, stop in spans:
            covered[source_id].update(begin + n.begin for n in numbers(text[begin:stop]))
    for source_id, begin, stop in _reported_quote_spans(dataset, readings):
        covered[source_id].update(begin + n.begin for n in numbers(texts[source_id].text[begin:stop]))
    return covered


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
    covered = accounted_numbers(dataset, readings)
    found = []
    for source_id, text in readings.texts.items():
        for number in numbers(text.text):
            if number.begin not in covered[source_id]:
                shown = text.text[number.begin:number.stop]
                context = text.text[max(0, number.begin - 40):number.stop + 40]
                found.append(error(text.path, text.pos(number.begin), "C900", f"the number {shown!r} is neither captured by a figure or a date nor listed under left_out:",
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
        reading = readings(figure.source, figure.quote)
        offset = reading.offset
        if offset is None or not value_checked(figure, readings):
            continue
        (value,) = [offset + n.begin for n in reading.numbers if n.value == figure.value]
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
