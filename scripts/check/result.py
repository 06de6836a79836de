"""What one check of a data file yields: its diagnostics and, where the data is sound, the
model, the source texts and where each quote stands in them.

The renderers and the exports read this and never search a text again: each quote's
places are found once per run, by the checker, which has the sources.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..diagnostics import Diagnostic
from ..model.dataset import Dataset
from ..text.source_text import SourceText


@dataclass
class Result:
    path: str
    dataset: Optional[Dataset] = None
    texts: dict[str, SourceText] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # (source id, quote) -> every offset where the source writes the quote on word boundaries
    places: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)
    # source id -> (begin, stop) of the passage that writes its publication date (a dateline),
    # for the sources whose date the text writes rather than lets be inferred
    published: dict[str, tuple[int, int]] = field(default_factory=dict)
    # source id -> where the passages the data uses stand (check.passages.Used.placed): every
    # quote that must point to one place, placed, and the dateline; the pages mark them quoted
    used: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def place(self, source_id: str, quote: str) -> Optional[int]:
        """Where the quote stands, if it stands in one place."""
        found = self.places.get((source_id, quote), ())
        return found[0] if len(found) == 1 else None
