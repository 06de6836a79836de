"""Figures: each value written exactly once in its own quote, as a count and whole, and no
other number but those of a date the quote writes, which the figure's start or end is held
to (spans.py), as an event's date is to its quote."""
from __future__ import annotations

from typing import Optional

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset, Figure
from ..text.date_mentions import Mention
from ..text.numbers import COUNT, KIND_NOUNS, Number, cut_number
from .dates import read_past_left_out
from .readings import Reading, Readings
from .where import at


def check_figure_values(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    found = []
    for figure in dataset.figures:
        reading = readings(figure.source, figure.quote)
        if reading.fails:
            continue  # the quote is reported; what it writes is not yet the source's
        problem = value_problem(figure, readings)
        if problem:
            code, message = problem
            found.append(error(dataset.path, at(dataset, figure.at, "value"), code, message))
    return found


def value_checked(figure: Figure, readings: Readings) -> bool:
    return value_problem(figure, readings) is None


def written_value(figure: Figure, readings: Readings) -> Optional[Number]:
    """Where the figure's quote writes its value, once the value is checked."""
    if value_problem(figure, readings) is not None:
        return None
    dates = quote_dates(figure, readings)
    (number,) = [n for n in readings(figure.source, figure.quote).numbers if n.value == figure.value and _date_of(n, dates) is None]
    return number


def quote_dates(figure: Figure, readings: Readings) -> tuple[Mention, ...]:
    """The dates the figure's quote writes, which its start and end are held to (spans.py),
    and whose numbers are neither its value nor other numbers: those check_dates would hold
    an event's date to (dates.written_dates), but a bare year that writes the value ("1800
    people" is a count, though "1800" reads as a year too). Worked out once a run."""
    found = readings.quote_dates.get(figure.at)
    if found is None:
        value_problem(figure, readings)  # which works them out on its way
        found = readings.quote_dates[figure.at]
    return found


def _quote_dates(figure: Figure, readings: Readings, reading: Reading) -> tuple[Mention, ...]:
    written = read_past_left_out(readings, figure.source, reading)
    if written is None:  # a quote not placed in its source: no left_out passage to read it past
        written = reading.mentions
    if all(m.form != "year" or m.qualifier is not None for m in written):
        return tuple(written)
    values = [(n.begin, n.stop) for n in reading.numbers if n.value == figure.value]
    return tuple(m for m in written if m.form != "year" or m.qualifier is not None or not any(begin < m.stop and m.begin < stop for begin, stop in values))


def value_problem(figure: Figure, readings: Readings) -> Optional[tuple[str, str]]:
    """The code and message check_figure_values reports the figure's value with, or None;
    worked out once a run, though the relations and the coverage ask it too."""
    answers = readings.value_problems
    if figure.at in answers:
        return answers[figure.at]
    reading = readings(figure.source, figure.quote)
    dates = readings.quote_dates[figure.at] = _quote_dates(figure, readings, reading)
    answer = answers[figure.at] = _value_problem(figure, reading, dates)
    return answer


def _value_problem(figure: Figure, reading: Reading, dates: tuple[Mention, ...]) -> Optional[tuple[str, str]]:
    written, quote = reading.numbers, figure.quote
    # A date's numbers are the date's: the "3" of "March 3, 1990" is no count of 3, and is no
    # other number either, as the span check holds the date to the figure's start or end.
    own = [n for n in written if _date_of(n, dates) is None] if dates else written
    # Only a count has a value, so an ordinal, a decimal or a time never equals one; and a
    # count must be the source's whole number, not "5" cut out of "2.5".
    counts, cut = [], None
    for n in own:
        if n.value == figure.value:
            whole = _cut_from(reading, n)
            if whole is None:
                counts.append(n)
            else:
                cut = cut or (n, whole)
    if not counts and cut:
        n, whole = cut
        shown = " ".join(reading.source.text[whole.begin:whole.stop].split())
        return "F600", (f"the value {figure.value} is not written whole in the figure's quote: its {quote[n.begin:n.stop]!r} is part of "
                        f"the {KIND_NOUNS[whole.kind]} {shown!r} in the source; quote the words around a count written whole")
    if not counts:
        others = ", ".join(_described(quote, n, dates) for n in written) or "no number"
        return "F600", f"the value {figure.value} is not written in the figure's quote, which writes {others}"
    if len(counts) > 1:
        return "F601", f"the quote writes {figure.value} {len(counts)} times; shorten it so the value is written only once"
    others = [quote[n.begin:n.stop] for n in own if n is not counts[0]]
    if others:
        return "F602", f"the quote also writes {', '.join(others)}; shorten it to the words around {figure.value} alone"
    return None


def _described(quote: str, number: Number, dates: tuple[Mention, ...]) -> str:
    shown = quote[number.begin:number.stop]
    date = _date_of(number, dates)
    if date is not None:
        return f"{shown} (in the date {quote[date.begin:date.stop]!r})"
    if number.kind == COUNT:
        return shown
    noun = KIND_NOUNS[number.kind]
    return f"{shown} ({'an' if noun[0] in 'aeiou' else 'a'} {noun}, not a count)"


def _date_of(number: Number, dates: tuple[Mention, ...]) -> Optional[Mention]:
    for mention in dates:
        if mention.begin <= number.begin and number.stop <= mention.stop:
            return mention
    return None


def _cut_from(reading: Reading, number: Number) -> Optional[Number]:
    """The number the source writes where the quote writes `number`, if the quote cuts it out
    of a longer one: "5 percent" out of "2.5 percent", "one" out of "twenty one"."""
    offset = reading.offset
    return None if offset is None else cut_number(reading.source.text, offset, reading.quote, number)
