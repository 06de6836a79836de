"""Summaries: the editors' words about an entry state no number or date that the entry's
data does not hold. A date written in a summary lies within the event's date, or is written
in one of the entry's quotes; a number is written in one of them (a count by its value, any
other kind word for word)."""
from __future__ import annotations

from typing import Iterable, Optional

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset, Event
from ..model.dates import DateValue, describe
from ..text.date_mentions import Mention, mentions
from ..text.numbers import COUNT, KIND_NOUNS, numbers
from .dates import conflicts
from .readings import Readings
from .spans import misplaced
from .where import at


def check_summaries(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    # A relation names a figure the data does not hold (M302): if it was deleted, its quote,
    # gone with it, may be the one that held the summary of the event it stood under, which
    # no figure names now. One mistake, one message: those summaries are held to their
    # quotes again once the name is mended; every other summary is held to them now.
    figure_gone = _figures_named_and_missing(dataset)
    figures_of: dict[str, list] = {}
    for figure in dataset.figures:
        for event_id in figure.events:
            figures_of.setdefault(event_id, []).append(figure)
    # A figure named under an event outside its span (T706) is held, until that is mended, to
    # the events its span admits: a summary that restates it there is not the mistake.
    for figure in dict.fromkeys(m.figure for m in misplaced(dataset, readings)):
        for event in dataset.events:
            if event.id not in figure.events and figure.admits(event.date.value):
                figures_of.setdefault(event.id, []).append(figure)
    found = []
    for event in dataset.events:
        if figure_gone and event.id not in figures_of:
            continue
        summary = _Summary(event.summary)
        if not summary.numbers and not summary.mentions:
            continue  # nothing to hold to the quotes
        # The figures' quotes first: their numbers are read already, and most summaries
        # restate a figure; the event's own quotes are read for numbers only when needed.
        quotes = [readings(f.source, f.quote) for f in figures_of.get(event.id, ())]
        quotes += [readings(event.source, quote) for quote in _entry_quotes(event)]
        if any(q.fails for q in quotes):
            continue  # a quote that is reported is not yet the source's: one mistake, one message
        problem = _unheld(event, summary, quotes)
        if problem:
            found.append(error(dataset.path, at(dataset, event.at, "summary"), *problem))
    return found


def _figures_named_and_missing(dataset: Dataset) -> bool:
    known = {f.id for f in dataset.figures} | set(dataset.unbuilt)
    return any(figure_id not in known for r in dataset.relations for figure_id in (*r.parts, r.total))


class _Summary:
    """A summary's numbers and dates (no source holds it, so it is no quote's Reading)."""

    __slots__ = ("quote", "numbers", "mentions")

    def __init__(self, text: str):
        self.quote, self.numbers, self.mentions = text, numbers(text), mentions(text)


def _entry_quotes(event: Event) -> Iterable[str]:
    yield event.quote
    if event.date.inferred:
        yield event.date.inferred.from_quote
    for place in event.places:
        if place.inferred:
            yield place.inferred.from_quote


def _unheld(event: Event, summary, quotes) -> Optional[tuple[str, str]]:
    """The first date or number of the summary the entry does not hold, as (code, message)."""
    text = summary.quote
    for mention in summary.mentions:
        if not _within(mention, event.date.value) and not any(_same_date(mention, m) for q in quotes for m in q.mentions):
            return "T705", (f"the summary writes the date {text[mention.begin:mention.stop]!r}, which the event's date "
                            f"({describe(event.date.value)}) does not hold and none of its quotes writes; write only what the "
                            "entry's date and quotes give, or quote the passage that gives it")
    for number in summary.numbers:
        if any(m.begin <= number.begin < m.stop for m in summary.mentions):
            continue
        written = text[number.begin:number.stop]
        if number.kind == COUNT:
            held = any(n.kind == COUNT and n.value == number.value for q in quotes for n in q.numbers)
        else:
            held = any(q.quote[n.begin:n.stop].lower() == written.lower() for q in quotes for n in q.numbers)
        if not held:
            return "F603", (f"the summary writes the {KIND_NOUNS[number.kind]} {written!r}, which none of the entry's quotes writes; "
                            "take it out of the summary, or quote the passage that writes it")
    return None


def _within(mention: Mention, date: DateValue) -> bool:
    """Whether the written date restates the event's own, saying no more than it: what the
    date check holds a quote to (dates.conflicts: no part the date lacks, no other part of the
    year, a weekday that is the day's), and no time, which no event's date holds."""
    return mention.time is None and conflicts(date, mention) is None


def _same_date(summary: Mention, quoted: Mention) -> bool:
    """Whether the quote writes the summary's date: every part the summary writes, its
    weekday, time and part of the year too, the same ("3 March" is written in "March 3, 1990")."""
    parts = ((summary.start, quoted.start), (summary.end, quoted.end))
    extras = ((summary.weekday, quoted.weekday), (summary.time, quoted.time), (summary.qualifier, quoted.qualifier))
    return all(mine is None or mine == theirs for day, other in parts for mine, theirs in zip(day, other)) and \
        all(mine is None or mine == theirs for mine, theirs in extras)
