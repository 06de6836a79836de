"""Figures: each value written exactly once in its own quote, as a count and whole, and no
other number."""
from __future__ import annotations

from typing import Optional

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset, Figure
from ..text.numbers import COUNT, KIND_NOUNS, Number, cut_number
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
    (number,) = [n for n in readings(figure.source, figure.quote).numbers if n.value == figure.value]
    return number


def value_problem(figure: Figure, readings: Readings) -> Optional[tuple[str, str]]:
    """The code and message check_figure_values reports the figure's value with, or None;
    worked out once a run, though the relations and the coverage ask it too."""
    answers = readings.value_problems
    if figure.at not in answers:
        answers[figure.at] = _value_problem(figure, readings(figure.source, figure.quote))
    return answers[figure.at]


def _value_problem(figure: Figure, reading: Reading) -> Optional[tuple[str, str]]:
    written, quote = reading.numbers, figure.quote
    # Only a count has a value, so an ordinal, a decimal or a time never equals one; and a
    # count must be the source's whole number, not "5" cut out of "2.5".
    counts, cut = [], None
    for n in written:
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
        others = ", ".join(_described(quote, n) for n in written) or "no number"
        return "F600", f"the value {figure.value} is not written in the figure's quote, which writes {others}"
    if len(counts) > 1:
        return "F601", f"the quote writes {figure.value} {len(counts)} times; shorten it so the value is written only once"
    others = [quote[n.begin:n.stop] for n in written if n is not counts[0]]
    if others:
        return "F602", f"the quote also writes {', '.join(others)}; shorten it to the words around {figure.value} alone"
    return None


def _described(quote: str, number: Number) -> str:
    shown = quote[number.begin:number.stop]
    if number.kind == COUNT:
        return shown
    noun = KIND_NOUNS[number.kind]
    return f"{shown} ({'an' if noun[0] in 'aeiou' else 'a'} {noun}, not a count)"


def _cut_from(reading: Reading, number: Number) -> Optional[Number]:
    """The number the source writes where the quote writes `number`, if the quote cuts it out
    of a longer one: "5 percent" out of "2.5 percent", "one" out of "twenty one"."""
    offset = reading.offset
    return None if offset is None else cut_number(reading.source.text, offset, reading.quote, number)
