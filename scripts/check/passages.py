"""The passages of each source that the data uses: every quote that must point to one place
(an entry's or a figure's quote, a date's or a place's named passage, a relation's basis,
the source's title) and the dateline a published date is read from. With the left_out
passages, they must hold every word of the source."""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from ..model.dataset import Dataset
from .dates import published_passages
from .quotes import anchored_quotes
from .readings import Readings

Span = tuple[int, int]
WORD = re.compile(r"\w+")


class Used:
    """The passages of each source that the data uses, and among them those of quotes that
    are reported (check_quotes): these count where they were meant to stand, so that what
    they meant to quote is not reported a second time."""

    def __init__(self, dataset: Dataset, readings: Readings):
        self.passages: dict[str, list[Span]] = {source_id: [] for source_id in readings.texts}
        self.reported: dict[str, list[Span]] = {source_id: [] for source_id in readings.texts}
        for source_id, quote, _ in anchored_quotes(dataset):
            reading = readings(source_id, quote)
            if reading.source is None:
                continue
            if reading.fails:
                meant = reading.source.meant(quote)
                self.passages[source_id] += meant
                self.reported[source_id] += meant
            else:
                self.passages[source_id] += [(offset, offset + len(quote)) for offset in reading.offsets]
        for source_id, dateline in published_passages(dataset, readings).items():
            self.passages[source_id].append(dateline)


class Covered:
    """The union of some passages of one text, merged and sorted, asked which words of a
    stretch it leaves out."""

    def __init__(self, spans: Iterable[Span]):
        merged: list[list[int]] = []
        for begin, stop in sorted(spans):
            if merged and begin <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], stop)
            else:
                merged.append([begin, stop])
        self._begins = [begin for begin, _ in merged]
        self._stops = [stop for _, stop in merged]

    def gaps(self, begin: int, stop: int) -> Iterator[Span]:
        """The parts of begin..stop that no passage holds."""
        i = bisect.bisect_right(self._stops, begin)  # the first passage ending after begin
        at = begin
        while at < stop and i < len(self._begins) and self._begins[i] < stop:
            if self._begins[i] > at:
                yield at, self._begins[i]
            at = max(at, self._stops[i])
            i += 1
        if at < stop:
            yield at, stop

    def words_outside(self, text: str, begin: int = 0, stop: int | None = None) -> Iterator[Span]:
        """Every word of text[begin:stop] outside the passages (a passage begins and ends
        on word boundaries, so it never holds part of a word)."""
        stop = len(text) if stop is None else stop
        for gap_begin, gap_stop in self.gaps(begin, stop):
            for word in WORD.finditer(text, gap_begin, gap_stop):
                yield word.start(), word.end()
