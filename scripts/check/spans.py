"""The time a figure counts. Its start and its end, where the source gives one, are held
to the figure's quote as an event's date is to its own, by the same rules and messages
(T700 to T703, dates.check_dated); and every event the figure names lies between the two
or, where the end is not stated, overlaps the start (T706).

T706 catches a figure moved to an event of another time; it cannot catch one moved between
events of the same days.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset, Dated, Event, Figure
from ..model.dates import PARTS, DateValue, describe
from ..text.date_mentions import Day, Mention
from .dates import DAY_PARTS, basis_writes, check_dated, conflicts, date_problems
from .figures import quote_dates, value_problem
from .ids import duplicate_ids
from .readings import Readings
from .where import at


def check_figure_spans(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    return [d for found in span_problems(dataset, readings).values() for d in found]


def span_problems(dataset: Dataset, readings: Readings) -> dict[tuple, list[Diagnostic]]:
    """What check_figure_spans reports of each figure's start and end, by the place in the
    data of each figure it reports; worked out once a run, though T706 asks it too."""
    if readings.span_problems is None:
        passages = _EventPassages(dataset, date_problems(dataset, readings))
        found = {}
        for figure in dataset.figures:
            problems = _check_span(dataset, readings, figure, passages)
            if problems:
                found[figure.at] = problems
        readings.span_problems = found
    return readings.span_problems


def _check_span(dataset: Dataset, readings: Readings, figure: Figure, passages: "_EventPassages") -> list[Diagnostic]:
    """The start and end of a figure's count, each held to the figure's quote like an event's
    date to its own: each date the quote writes agrees with the one it writes of."""
    if readings(figure.source, figure.quote).offset is None:
        return []  # the quote itself is already diagnosed
    if value_problem(figure, readings) is not None:
        # Until the quote writes the value once and no other number (F600 to F602), which of
        # its numbers are dates is not known: a bare "1900" may be the count or a year.
        return []
    written = quote_dates(figure, readings)
    if not written and _inferred_whole(readings, figure.source, figure.start) and (figure.as_of is None or _inferred_whole(readings, figure.source, figure.as_of)):
        return []  # a quote that writes no date, and a span its passages write whole: no message to word
    begins, ends = _by_end(figure, written) if written else ([], [])
    found = check_dated(dataset, readings, figure.source, figure.start, figure.quote, begins, passages)
    if figure.as_of is not None and not any(d.code == "T700" for d in found):
        # An end beside a start its quote contradicts would only add noise.
        found += check_dated(dataset, readings, figure.source, figure.as_of, figure.quote, ends, passages)
    return found


def _inferred_whole(readings: Readings, source_id: str, dated: Dated) -> bool:
    """Whether the date is inferred whole, every part it has and no other, from a passage that
    writes them all in one date, as check_dated would find it for a quote that writes none."""
    inference = dated.inferred
    if inference is None or inference.by is not None:
        return False
    value = dated.value
    parts = [part for part in PARTS if value.has(part)]
    if len(parts) != len(inference.parts) or not set(parts).issuperset(inference.parts):
        return False
    basis = readings(source_id, inference.from_quote)
    return not basis.fails and basis_writes(value, basis.mentions, parts)


def _by_end(figure: Figure, written: tuple[Mention, ...]) -> tuple[list[Mention], list[Mention]]:
    """Which of the quote's dates write the start and which the end: a date that agrees with
    the end and not the start is the end's; a range ("from 1 to 5 January") whose first day
    agrees with the start or whose last day agrees with the end writes both, its first day
    the start and its last the end, so that a wrong start or end is named as itself; any
    other date is held to the start."""
    if figure.as_of is None:
        return list(written), []
    start, end = figure.start.value, figure.as_of.value
    begins, ends = [], []
    for mention in written:
        to_start, to_end = conflicts(start, mention) is None, conflicts(end, mention) is None
        if not to_start and not to_end and mention.start != mention.end:
            first, last = mention._replace(end=mention.start), mention._replace(start=mention.end)
            if conflicts(start, first) is None or conflicts(end, last) is None:
                begins.append(first)
                ends.append(last)
                continue
        if to_start or not to_end:
            begins.append(mention)
        if to_end:
            ends.append(mention)
    return begins, ends


class _EventPassages:
    """The dates of a passage as the events whose quotes hold them date them: the "January 25"
    of an event whose entry infers the year 1990 is 25 January 1990. A figure's count inferred
    from a passage may take a part from it, as the event does; the event's own inference is
    checked where the event is. Worked out only where a span's passage does not write its
    date by itself, and then once."""

    def __init__(self, dataset: Dataset, problems: dict[tuple, list[Diagnostic]]):
        self.dataset, self.problems = dataset, problems
        self._quoted: Optional[dict[str, list[tuple[int, int, Event]]]] = None
        # Whether an event may be missing: dropped, named and not found, or with its quote reported.
        self._reported = False

    def __call__(self, readings: Readings, source_id: str, quote: str) -> Optional[tuple[Mention, ...]]:
        """The passage's dates, each completed by the event whose quote holds it; None where
        such an event's date is reported, or where an event is not yet placed (its quote is
        reported, it is dropped or missing): its mistake is not reported again here."""
        if self._quoted is None:
            self._quoted = {}
            # An event dropped from the model (M300) or named and missing (M302) may be the one
            # whose quote holds the passage.
            known = {e.id for e in self.dataset.events}
            self._reported = bool(self.dataset.unbuilt) or any(i not in known for f in self.dataset.figures for i in f.events)
            for event in self.dataset.events:
                reading = readings(event.source, event.quote)
                if reading.fails:
                    self._reported = True
                elif reading.offset is not None:
                    self._quoted.setdefault(event.source, []).append((reading.offset, reading.offset + len(event.quote), event))
        if self._reported:
            return None
        passage = readings(source_id, quote)
        offset, quoted = passage.offset, self._quoted.get(source_id, ())
        completed: list[Mention] = []
        for mention in passage.mentions if offset is not None else ():
            begin, stop = offset + mention.begin, offset + mention.stop
            for event in (e for b, s, e in quoted if b <= begin and stop <= s):
                if self.problems.get(event.at):
                    return None
                if event.date.inferred:
                    completed.append(_completed(mention, event.date.value, set(event.date.inferred.parts)))
        return tuple(completed)


def _completed(mention: Mention, value: DateValue, parts: set[str]) -> Mention:
    def fill(day: Day) -> Day:
        for known in dict.fromkeys((value.start, value.end)):
            filled = Day(*(known[i] if day[i] is None and part in parts else day[i] for i, part in enumerate(DAY_PARTS)))
            if None in filled or value.earliest() <= tuple(filled) <= value.latest():
                return filled
        return filled

    return mention._replace(start=fill(mention.start), end=fill(mention.end))



class Misplaced(NamedTuple):
    figure: Figure
    event: Event
    path: tuple  # of the figure's event field, or of the list item naming the event


def check_figure_events(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    return [error(dataset.path, dataset.document.pos(m.path), "T706", _message(dataset, m.figure, m.event)) for m in misplaced(dataset, readings)]


def misplaced(dataset: Dataset, readings: Readings) -> list[Misplaced]:
    """Each event a figure names that its span does not admit. Dates that are reported (an
    event's, a span's) are not compared: their mistake is reported there, once."""
    if readings.misplaced is None:
        problems, spans = date_problems(dataset, readings), span_problems(dataset, readings)
        events = {e.id: e for e in dataset.events}
        doubled = duplicate_ids(dataset) if len(events) < len(dataset.events) else set()
        found = []
        for figure in dataset.figures:
            if spans.get(figure.at):
                continue
            named = figure.events
            for index, event_id in enumerate(named):
                event = events.get(event_id)
                if event is None or event_id in doubled or problems.get(event.at) or figure.admits(event.date.value):
                    continue
                path = figure.at + (("event", index) if len(named) > 1 else ("event",))
                found.append(Misplaced(figure, event, path))
        readings.misplaced = found
    return readings.misplaced


def _message(dataset: Dataset, figure: Figure, event: Event) -> str:
    start, end = figure.start, figure.as_of
    line = at(dataset, start.at).line
    event_date = f"the event {event.id!r} is dated {describe(event.date.value)} (line {at(dataset, event.date.at).line})"
    if end is not None and figure.at_one_moment:
        return (f"the figure counts as of {describe(start.value)} (start and as_of, lines {line} and {at(dataset, end.at).line}), and {event_date}, "
                "another time; name the event the count belongs to, or correct the figure's start and as_of")
    if end is not None:
        return (f"the figure counts from {describe(start.value)} to {describe(end.value)} (start and as_of, lines {line} and {at(dataset, end.at).line}), "
                f"and {event_date}, which does not lie within that span; name the event the count belongs to, or correct the figure's as_of")
    return (f"the figure counts from {describe(start.value)} (its start, line {line}), and {event_date}, which does not overlap that start; "
            "name the event the count belongs to, or correct the figure's start")
