"""The passages of each source that the data uses: every quote that must point to one place
(an entry's or a figure's quote, a date's or a place's named passage, a relation's basis,
the source's title) and the dateline a published date is read from. With the left_out
passages, they must hold every word of the source."""
from __future__ import annotations

from ..model.dataset import Dataset
from .dates import published_passages
from .quotes import anchored_quotes
from .readings import Readings

Span = tuple[int, int]


class Used:
    """The passages of each source that the data uses, and among them those of quotes that
    are reported (check_quotes): these count where they were meant to stand, so that what
    they meant to quote is not reported a second time. `placed` holds the others, where
    they stand: what the pages mark as quoted."""

    def __init__(self, dataset: Dataset, readings: Readings):
        self.passages: dict[str, list[Span]] = {source_id: [] for source_id in readings.texts}
        self.reported: dict[str, list[Span]] = {source_id: [] for source_id in readings.texts}
        self.placed: dict[str, list[Span]] = {source_id: [] for source_id in readings.texts}
        for source_id, quote, _ in anchored_quotes(dataset):
            reading = readings(source_id, quote)
            if reading.source is None:
                continue
            if reading.fails:
                meant = reading.source.meant(quote)
                self.passages[source_id] += meant
                self.reported[source_id] += meant
            else:
                self.placed[source_id] += [(offset, offset + len(quote)) for offset in reading.offsets]
        for source_id, dateline in published_passages(dataset, readings).items():
            self.placed[source_id].append(dateline)
        for source_id, spans in self.placed.items():
            self.passages[source_id] += spans


def used_passages(dataset: Dataset, readings: Readings) -> Used:
    """The run's Used, worked out once: the coverage checks and the result both read it."""
    if readings.used is None:
        readings.used = Used(dataset, readings)
    return readings.used
