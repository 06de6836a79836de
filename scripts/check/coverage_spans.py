"""Where the left_out passages stand in their sources."""
from __future__ import annotations

from ..model.dataset import Dataset
from ..text.source_text import SourceText

Texts = dict[str, SourceText]


def left_out_spans(dataset: Dataset, texts: Texts) -> dict[str, list[tuple[int, int]]]:
    """Where each left_out passage stands; for one that is misquoted (and reported), where it
    was meant to stand, so that what it leaves out is not reported a second time."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for entry in dataset.left_out:
        text = texts.get(entry.source)
        if text is not None:
            spans.setdefault(entry.source, []).extend(text.meant(entry.quote))
    return spans


def inside(spans: list[tuple[int, int]], begin: int, stop: int) -> bool:
    return any(b <= begin and stop <= e for b, e in spans)
