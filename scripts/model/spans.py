"""The time a figure counts, in plain words that claim no more than its source: the site
and the downloads say it alike. Where the source gives no end, the words say so in its own
name ("Caliber.Az gives no date for the end of the count"), never "until today" or "in all";
where start and as_of are one date, the figure is a state "as of" it."""
from __future__ import annotations

from .dataset import Figure
from .dates import DateValue, describe


def span_words(figure: Figure) -> str:
    """"from 19–20 January 1990", "as of 20 January 2025", "from 25 January 1990 to 26 January
    1990", "from the end of 1987"."""
    start = the(figure.start.value) + describe(figure.start.value)
    if figure.as_of is None:
        return f"from {start}"
    if figure.at_one_moment:
        return f"as of {start}"
    return f"from {start} to {the(figure.as_of.value)}{describe(figure.as_of.value)}"


def the(value: DateValue) -> str:
    """"the " before a date that reads "end of 1987", so that a sentence reads "from the end of 1987"."""
    return "the " if value.qualifier else ""


def no_end_words(teller: str) -> str:
    """What is said where the source (`teller`, by its name) gives no end."""
    return f"{teller} gives no date for the end of the count"


def span_text(figure: Figure, teller: str) -> str:
    """The whole span in words: "from 19–20 January 1990; Caliber.Az gives no date for the
    end of the count"."""
    words = span_words(figure)
    return words if figure.as_of is not None else f"{words}; {no_end_words(teller)}"
