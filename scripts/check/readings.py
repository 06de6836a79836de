"""Each quote of the data read once per run: where its source writes it, the numbers and the
dates it writes, and whether check_quotes reports it. Every check asks these of the same
quotes; a run makes one Readings and hands it to all of them, so nothing is read twice
and nothing outlives the run."""
from __future__ import annotations

from functools import cached_property
from typing import Optional

from ..diagnostics import Diagnostic
from ..model.dataset import Dataset
from ..text.date_mentions import Mention, anniversary_mentions, mentions
from ..text.numbers import Number, numbers
from ..text.source_text import SourceText
from .coverage_spans import Spans, left_out_spans


class Reading:
    """One quote as its source holds it; each part is worked out when first asked for."""

    __slots__ = ("source", "quote", "_offsets", "_numbers", "_mentions", "_anniversaries", "_date_numbers", "_fault")

    def __init__(self, source: Optional[SourceText], quote: str):
        self.source = source  # None when the source file could not be loaded
        self.quote = quote
        self._offsets: Optional[tuple[int, ...]] = None
        self._numbers: Optional[tuple[Number, ...]] = None
        self._mentions: Optional[tuple[Mention, ...]] = None
        self._anniversaries: Optional[tuple[Mention, ...]] = None
        self._date_numbers: Optional[tuple[int, ...]] = None
        self._fault: object = _UNKNOWN  # fault()'s answer for a quote of one place, once asked

    @property
    def offsets(self) -> tuple[int, ...]:
        """Every place the source writes the quote on word boundaries."""
        if self._offsets is None:
            self._offsets = tuple(self.source.find_all(self.quote)) if self.source is not None else ()
        return self._offsets

    @property
    def offset(self) -> Optional[int]:
        """The one place the source writes the quote, if it writes it in one place."""
        offsets = self.offsets
        return offsets[0] if len(offsets) == 1 else None

    @property
    def numbers(self) -> tuple[Number, ...]:
        if self._numbers is None:
            self._numbers = numbers(self.quote)
        return self._numbers

    @property
    def mentions(self) -> tuple[Mention, ...]:
        if self._mentions is None:
            self._mentions = mentions(self.quote)
        return self._mentions

    @property
    def anniversaries(self) -> tuple[Mention, ...]:
        if self._anniversaries is None:
            self._anniversaries = tuple(anniversary_mentions(self.quote))
        return self._anniversaries

    @property
    def date_numbers(self) -> tuple[int, ...]:
        """Offsets in the quote of the numbers its dates (anniversaries among them) write."""
        if self._date_numbers is None:
            quote = self.quote
            self._date_numbers = tuple(m.begin + n.begin for m in (*self.mentions, *self.anniversaries) for n in numbers(quote[m.begin:m.stop]))
        return self._date_numbers

    def fault(self, one_place: bool = True) -> Optional[str]:
        """The code check_quotes reports this quote with, or None; a left_out passage
        (one_place False) may occur more than once. A quote of a source that could not be
        loaded is not reported here: the source is."""
        if self._fault is _UNKNOWN:
            self._fault = self._fault_in_one_place()
        if self._fault == "Q501" and not one_place:
            return None
        return self._fault

    def _fault_in_one_place(self) -> Optional[str]:
        if self.source is None:
            return None
        if not whole_words(self.quote):
            return "Q502"
        count = len(self.offsets)
        if count == 0:
            return "Q500"
        if count > 1:
            return "Q501"
        return None

    @property
    def fails(self) -> bool:
        """Whether check_quotes reports this quote; later checks then leave it alone."""
        return self.fault() is not None


_UNKNOWN = object()


def whole_words(quote: str) -> bool:
    # A quote that could end on a full stop could also end just before it; both would be
    # verbatim, and a deleted character would go unnoticed. Words at both ends pin it.
    return quote[:1].isalnum() and quote[-1:].isalnum()


class Readings:
    """Every quote of one run read once, by source id and quote."""

    def __init__(self, dataset: Dataset, texts: dict[str, SourceText]):
        self.dataset = dataset
        self.texts = texts
        self._read: dict[tuple[str, str], Reading] = {}
        # figure's place in the data -> check_figure_values' answer (check.figures.value_problem)
        self.value_problems: dict[tuple, Optional[tuple[str, str]]] = {}
        # figure's place in the data -> the dates its quote writes (check.figures.quote_dates):
        # its span is held to them, and their numbers are neither its value nor others
        self.quote_dates: dict[tuple, tuple[Mention, ...]] = {}
        # place of a source or event -> what check_dates reports of its date, worked out once
        # (dates.date_problems): the figures' spans ask it too
        self.date_problems: Optional[dict[tuple, list[Diagnostic]]] = None
        # place of a figure -> what check_figure_spans reports of its start and end, once
        # (spans.span_problems): T706 and the summaries ask it too
        self.span_problems: Optional[dict[tuple, list[Diagnostic]]] = None
        # the events figures name outside the time they count (spans.misplaced), once
        self.misplaced: Optional[list] = None
        # the passages the data uses (passages.used_passages), once
        self.used = None

    def __call__(self, source_id: str, quote: str) -> Reading:
        key = (source_id, quote)
        reading = self._read.get(key)
        if reading is None:
            reading = self._read[key] = Reading(self.texts.get(source_id), quote)
        return reading

    @cached_property
    def left_out_spans(self) -> dict[str, Spans]:
        """Where the left_out passages stand in each source (coverage_spans.left_out_spans)."""
        return left_out_spans(self.dataset, self.texts)
