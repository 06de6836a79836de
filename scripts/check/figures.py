"""Figures: each value written exactly once in its own quote, and no other number."""
from __future__ import annotations

from typing import Optional

from ..diagnostics import Diagnostic, error
from ..model.dataset import Dataset, Figure
from ..text.numbers import Number
from .readings import Readings
from .where import at


def check_figure_values(dataset: Dataset, readings: Readings) -> list[Diagnostic]:
    found = []
    for figure in dataset.figures:
        reading = readings(figure.source, figure.quote)
        if reading.fails:
            continue  # the quote is reported; what it writes is not yet the source's
        problem = _value_problem(figure, reading.numbers)
        if problem:
            code, message = problem
            found.append(error(dataset.path, at(dataset, figure.at, "value"), code, message))
    return found


def value_checked(figure: Figure, readings: Readings) -> bool:
    return _value_problem(figure, readings(figure.source, figure.quote).numbers) is None


def _value_problem(figure: Figure, written: tuple[Number, ...]) -> Optional[tuple[str, str]]:
    matching = [n for n in written if n.value == figure.value]
    if not matching:
        others = ", ".join(figure.quote[n.begin:n.stop] for n in written) or "no number"
        return "F600", f"the value {figure.value} is not written in the figure's quote, which writes {others}"
    if len(matching) > 1:
        return "F601", f"the quote writes {figure.value} {len(matching)} times; shorten it so the value is written only once"
    others = [figure.quote[n.begin:n.stop] for n in written if n.value != figure.value]
    if others:
        return "F602", f"the quote also writes {', '.join(others)}; shorten it to the words around {figure.value} alone"
    return None
