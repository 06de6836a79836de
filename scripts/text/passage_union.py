"""Passages of one text merged into disjoint, sorted spans: which offsets they hold, and
which words of a stretch they leave out. The checker asks it which words no passage
accounts for; the Source page, which sentences are quoted or left out."""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

Span = tuple[int, int]
WORD = re.compile(r"\w+")


class PassageUnion:
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

    @property
    def spans(self) -> list[Span]:
        """The merged passages: disjoint, sorted (begin, stop)."""
        return list(zip(self._begins, self._stops))

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._begins, offset) - 1
        return i >= 0 and offset < self._stops[i]

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
