"""Where the left_out passages stand in their sources, kept sorted so that a check asks of
any offset in a bisection, not a scan of every passage."""
from __future__ import annotations

import bisect
import itertools
from typing import Iterable, Iterator

from ..model.dataset import Dataset
from ..text.source_text import SourceText

Texts = dict[str, SourceText]


class Spans:
    """Passages of one source: (begin, stop) offsets, sorted."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._spans = sorted(set(spans))
        self._begins = [begin for begin, _ in self._spans]
        # The furthest any passage starting at or before the i-th one reaches.
        self._reach = list(itertools.accumulate((stop for _, stop in self._spans), max))

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def inside(self, begin: int, stop: int) -> bool:
        """Whether one passage holds all of begin..stop."""
        i = bisect.bisect_right(self._begins, begin)
        return i > 0 and self._reach[i - 1] >= stop


NO_SPANS = Spans(())


def left_out_spans(dataset: Dataset, texts: Texts) -> dict[str, Spans]:
    """Where each left_out passage stands; for one that is misquoted (and reported), where it
    was meant to stand, so that what it leaves out is not reported a second time."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for entry in dataset.left_out:
        text = texts.get(entry.source)
        if text is not None:
            spans.setdefault(entry.source, []).extend(text.meant(entry.quote))
    return {source_id: Spans(found) for source_id, found in spans.items()}


class Labelled:
    """Passages of one source, each with a label (begin, stop, label), found by an offset they hold."""

    def __init__(self, passages: Iterable[tuple[int, int, int]]):
        self._passages = sorted(passages)
        self._begins = [begin for begin, _, _ in self._passages]
        self._longest = max((stop - begin for begin, stop, _ in self._passages), default=0)

    def holding(self, offset: int, stop: int = 0) -> list[int]:
        """The labels of the passages that hold `offset` (and all of offset..stop), in order."""
        # Only a passage that starts less than the longest one's length before `offset` can reach it.
        first = bisect.bisect_right(self._begins, offset - self._longest)
        last = bisect.bisect_right(self._begins, offset)
        reach = max(offset + 1, stop)
        return sorted({label for _, end, label in self._passages[first:last] if reach <= end})
