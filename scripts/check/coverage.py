"""Coverage: every number a source writes is captured by a figure or a date, or left out
with a reason, never both a figure's value and left out."""
from __future__ import annotations

from typing import Iterable

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset
from ..text.date_mentions import anniversary_mentions, mentions
from ..text.numbers import numbers
from ..text.source_text import SourceText
from .coverage_spans import left_out_spans
from .figures import value_checked
from .quotes import anchored_quotes, quote_fails, unique_offset
from .where import at

Texts = dict[str, SourceText]


def accounted_numbers(dataset: Dataset, texts: Texts) -> dict[str, set[int]]:
    """Offsets, per source, of the numbers that a figure, a date or a left_out passage
    accounts for, or that a reported quote meant to (so they are not reported again)."""
    covered: dict[str, set[int]] = {source_id: set() for source_id in texts}

    def mark(source_id: str, offset: int, found: Iterable) -> None:
        covered[source_id].update(offset + item.begin for item in found)

    for figure in dataset.figures:
        offset = unique_offset(texts, figure.source, figure.quote)
        if offset is not None:
            # check_figure_values holds the quote to writing its value and nothing else.
            mark(figure.source, offset, numbers(figure.quote))
    for source_id, quote in _dating_quotes(dataset):
        offset = unique_offset(texts, source_id, quote)
        if offset is not None:
            for mention in [*mentions(quote), *anniversary_mentions(quote)]:
                mark(source_id, offset + mention.begin, numbers(quote[mention.begin:mention.stop]))
    for source_id, spans in left_out_spans(dataset, texts).items():
        text = texts[source_id].text
        for begin, stop in spans:
            mark(source_id, begin, numbers(text[begin:stop]))
    for source_id, begin, stop in _reported_quote_spans(dataset, texts):
        mark(source_id, begin, numbers(texts[source_id].text[begin:stop]))
    return covered


def _reported_quote_spans(dataset: Dataset, texts: Texts) -> Iterable[tuple[str, int, int]]:
    for source_id, quote, _ in anchored_quotes(dataset):
        if quote_fails(texts, source_id, quote):
            for begin, stop in texts[source_id].meant(quote):
                yield source_id, begin, stop


def _dating_quotes(dataset: Dataset) -> Iterable[tuple[str, str]]:
    for source in dataset.sources:
        if source.published.inferred:
            yield source.id, source.published.inferred.from_quote
    for event in dataset.events:
        yield event.source, event.quote
        if event.date.inferred:
            yield event.source, event.date.inferred.from_quote


def check_coverage(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    covered = accounted_numbers(dataset, texts)
    found = []
    for source_id, text in texts.items():
        for number in numbers(text.text):
            if number.begin not in covered[source_id]:
                shown = text.text[number.begin:number.stop]
                context = text.text[max(0, number.begin - 40):number.stop + 40]
                found.append(error(text.path, text.pos(number.begin), "C900", f"the number {shown!r} is neither captured by a figure or a date nor listed under left_out:",
                                   "…" + " ".join(context.split()) + "…"))
    for entry in dataset.left_out:
        if entry.source in texts and texts[entry.source].find_all(entry.quote) and not numbers(entry.quote):
            found.append(error(dataset.path, at(dataset, entry.at, "quote"), "C901", "this passage holds no number, so there is nothing to leave out; remove the entry"))
    return found


def check_captured_and_left_out(dataset: Dataset, texts: Texts) -> list[Diagnostic]:
    """A number is either a figure's value or left out, never both; a date's numbers may be both."""
    found = []
    for figure in dataset.figures:
        offset = unique_offset(texts, figure.source, figure.quote)
        if offset is None or not value_checked(figure):
            continue
        (value,) = [offset + n.begin for n in numbers(figure.quote) if n.value == figure.value]
        text = texts[figure.source]
        for entry in dataset.left_out:
            if entry.source == figure.source and any(o <= value < o + len(entry.quote) for o in text.find_all(entry.quote)):
                figure_line = at(dataset, figure.at, "value").line
                found.append(error(dataset.path, at(dataset, entry.at, "quote"), "C902",
                                   f"this passage leaves out {figure.value}, which the figure {figure.id!r} (line {figure_line}) captures; "
                                   f"a number is either a figure or left out: remove this entry, or shorten it so it no longer writes {figure.value}"))
    return found
